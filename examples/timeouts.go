// select waits on several channels at once: here a slow and a fast reply, a timeout with
// time.After, a non-blocking poll with default, and a ticker.
package main

import (
	"fmt"
	"time"
)

func reply(after time.Duration, msg string) <-chan string {
	c := make(chan string, 1)
	go func() {
		time.Sleep(after)
		c <- msg
	}()
	return c
}

func main() {
	select {
	case m := <-reply(50*time.Millisecond, "slow"):
		fmt.Println(m)
	case m := <-reply(5*time.Millisecond, "fast"):
		fmt.Println(m)
	}

	select {
	case m := <-reply(200*time.Millisecond, "too late"):
		fmt.Println(m)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timeout after 20ms")
	}

	idle := make(chan int)
	select {
	case v := <-idle:
		fmt.Println("received", v)
	default:
		fmt.Println("nothing ready")
	}

	start := time.Now()
	t := time.NewTicker(10 * time.Millisecond)
	ticks := 0
	for range t.C {
		ticks++
		if ticks == 3 {
			t.Stop()
			break
		}
	}
	fmt.Println("ticks:", ticks, "took at least 30ms:", time.Since(start) >= 30*time.Millisecond)

	done := make(chan bool)
	time.AfterFunc(10*time.Millisecond, func() { done <- true })
	fmt.Println("AfterFunc ran:", <-done)
	fmt.Println(time.Duration(1500)*time.Millisecond, 90*time.Second, 36*time.Hour+time.Minute)
}
