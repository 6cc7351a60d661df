package main

func main() {
	c := make(chan int)
	go int(3)
	go len("a")
	defer cap(c)
	go println(<-c)
	select {
	case c <- "x":
	case v, ok := <-c:
		_ = v
	}
	var d chan int = nil
	_ = d == c
	_ = c == 1
}
