// Channels: a pipeline of three goroutines passing a million ints over unbuffered channels
// (generate, square, sum), then 200,000 more through a buffered one: the scheduler's
// park and ready on every hand-over.
package main

func main() {
	const n = 1000000
	src := make(chan int)
	sq := make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			src <- i
		}
		close(src)
	}()
	go func() {
		for v := range src {
			sq <- v * v % 1000
		}
		close(sq)
	}()
	sum := 0
	for v := range sq {
		sum += v
	}
	buf := make(chan int, 64)
	done := make(chan bool)
	go func() {
		t := 0
		for v := range buf {
			t += v
		}
		sum += t
		done <- true
	}()
	for i := 0; i < 200000; i++ {
		buf <- i
	}
	close(buf)
	<-done
	println(sum)
}
