package main

func f(x int) int { return x }

func main() {
	var r <-chan int
	var s chan<- int
	c := make(chan int, 1)
	n := 3
	r <- 1
	<-s
	n <- 1
	<-n
	close(r)
	close(n)
	for x, y := range c {
		_, _ = x, y
	}
	for x := range s {
		_ = x
	}
	c <- "a"
	var a chan<- int = c
	var b <-chan int = c
	_, _ = a, b
}
