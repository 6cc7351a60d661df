package main

func main() {
	s := make([]int, 3)
	n := 5
	println(len(s[:n]))
}
