package main

type T struct{ x int }

func main() {
	var p *T
	println("deref")
	println(p.x)
}
