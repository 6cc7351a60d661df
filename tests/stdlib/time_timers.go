// Sleep, Timer, Ticker, After, Tick and AfterFunc; the output shows only what does not
// depend on the machine's speed (orders, counts, and lower bounds of elapsed times).
package main

import (
	"fmt"
	"sync"
	"time"
)

func catch(name string, f func()) {
	defer func() {
		fmt.Printf("%s: recovered %v\n", name, recover())
	}()
	f()
}

func main() {
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	el := time.Since(start)
	fmt.Println("slept at least 20ms:", el >= 20*time.Millisecond, time.Until(start) < 0)
	time.Sleep(0)
	time.Sleep(-time.Second)
	fmt.Println("zero and negative sleeps return")

	// A timer fires once; Stop after that says false; Reset arms it again.
	t := time.NewTimer(10 * time.Millisecond)
	fired := <-t.C
	fmt.Println("timer fired after start:", fired.After(start), fired.Sub(start) >= 10*time.Millisecond)
	fmt.Println("stop after firing:", t.Stop())
	fmt.Println("reset after firing:", t.Reset(5*time.Millisecond))
	<-t.C
	fmt.Println("fired again")

	// A stopped timer does not fire.
	t2 := time.NewTimer(10 * time.Millisecond)
	fmt.Println("stop before firing:", t2.Stop(), t2.Stop())
	select {
	case <-t2.C:
		fmt.Println("stopped timer fired!")
	case <-time.After(30 * time.Millisecond):
		fmt.Println("stopped timer stayed quiet")
	}
	fmt.Println("reset a stopped timer:", t2.Reset(time.Millisecond))
	<-t2.C
	fmt.Println("reset timer fired")
	// Reset of a pending timer postpones it.
	t3 := time.NewTimer(time.Hour)
	fmt.Println("reset pending:", t3.Reset(time.Millisecond))
	<-t3.C
	fmt.Println("postponed timer fired")

	// Timers fire in the order of their times, whatever the order of creation: each sends
	// the time it fired. (On a loaded machine two may be due at once; they still fire in
	// order, but the times may then be equal.)
	begin := time.Now()
	late := time.NewTimer(30 * time.Millisecond)
	early := time.NewTimer(10 * time.Millisecond)
	middle := time.NewTimer(20 * time.Millisecond)
	t30, t10, t20 := <-late.C, <-early.C, <-middle.C
	fmt.Println("fired in order:", !t20.Before(t10), !t30.Before(t20), t10.Sub(begin) >= 10*time.Millisecond)

	// AfterFunc runs f in its own goroutine; Stop cancels it.
	var wg sync.WaitGroup
	wg.Add(1)
	af := time.AfterFunc(time.Millisecond, func() {
		fmt.Println("AfterFunc ran")
		wg.Done()
	})
	wg.Wait()
	fmt.Println("AfterFunc C is nil:", af.C == nil, "stop:", af.Stop())
	cancelled := time.AfterFunc(10*time.Millisecond, func() { fmt.Println("cancelled AfterFunc ran!") })
	fmt.Println("cancel:", cancelled.Stop())
	time.Sleep(20 * time.Millisecond)

	// A ticker ticks until stopped; its ticks are in order.
	tk := time.NewTicker(5 * time.Millisecond)
	prev := start
	inOrder := true
	for i := 0; i < 5; i++ {
		tick := <-tk.C
		if !tick.After(prev) {
			inOrder = false
		}
		prev = tick
	}
	tk.Stop()
	fmt.Println("5 ticks in order:", inOrder)
	time.Sleep(15 * time.Millisecond)
	select {
	case <-tk.C: // at most one tick can have been waiting in the buffer
	default:
	}
	select {
	case <-tk.C:
		fmt.Println("stopped ticker ticked!")
	case <-time.After(20 * time.Millisecond):
		fmt.Println("stopped ticker stayed quiet")
	}
	tk.Reset(2 * time.Millisecond)
	<-tk.C
	<-tk.C
	tk.Stop()
	fmt.Println("ticker reset ticked")

	// A slow receiver misses ticks rather than queueing them.
	slow := time.NewTicker(time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	got := 0
	for done := false; !done; {
		select {
		case <-slow.C:
			got++
		default:
			done = true
		}
	}
	slow.Stop()
	fmt.Println("ticks waiting after 30ms:", got)

	tc := time.Tick(2 * time.Millisecond)
	<-tc
	<-tc
	fmt.Println("Tick ticked; Tick(0) is nil:", time.Tick(0) == nil, time.Tick(-1) == nil)
	<-time.After(time.Millisecond)
	<-time.After(-time.Second)
	fmt.Println("After fired")

	catch("NewTicker(0)", func() { time.NewTicker(0) })
	catch("Ticker.Reset(-1)", func() { time.NewTicker(time.Hour).Reset(-1) })
	catch("Ticker{}.Reset", func() { new(time.Ticker).Reset(time.Second) })
	catch("Timer{}.Stop", func() { new(time.Timer).Stop() })
	catch("Timer{}.Reset", func() { new(time.Timer).Reset(time.Second) })
	new(time.Ticker).Stop()
	fmt.Println("end")
}
