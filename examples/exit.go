package main

import "os"

func main() {
	println("args:", len(os.Args))
	os.Exit(3)
}
