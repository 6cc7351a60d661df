package main

func main() {
	println("going to panic")
	panic("something bad happened")
}
