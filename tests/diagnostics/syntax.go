package main

func main() {
	println([]int{1, 2, 3}
	println(1)
}
