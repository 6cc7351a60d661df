package main

import "fmt"

func main() {
	fmt.Println("hello, world 733284717845")
}
