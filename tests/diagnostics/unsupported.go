package main

type Shape interface {
	Area() float64
}

func main() {
	m := map[string]int{"a": 1}
	ch := make(chan int)
	go func() { ch <- 1 }()
	defer println("done")
	println(m, ch)
}
