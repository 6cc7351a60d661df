// A pipeline of goroutines joined by channels: a generator, two stages, and a sink.
// Each stage reads until its input is closed, then closes its output.
package main

import "fmt"

func generate(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func filter(in <-chan int, keep func(int) bool) <-chan int {
	out := make(chan int, 4)
	go func() {
		defer close(out)
		for v := range in {
			if keep(v) {
				out <- v
			}
		}
	}()
	return out
}

func main() {
	odd := func(v int) bool { return v%2 == 1 }
	sum := 0
	for v := range filter(square(generate(10)), odd) {
		fmt.Println("got", v)
		sum += v
	}
	fmt.Println("sum of odd squares:", sum)

	// A buffered channel is a FIFO queue.
	q := make(chan string, 3)
	q <- "a"
	q <- "b"
	q <- "c"
	fmt.Println(len(q), cap(q))
	close(q)
	for s := range q {
		fmt.Print(s, " ")
	}
	fmt.Println()
	v, ok := <-q
	fmt.Printf("%q %v\n", v, ok)
}
