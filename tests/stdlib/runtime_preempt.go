// Preemption: the main goroutine spins on a variable that only another goroutine sets, and
// two goroutines spin without calling anything; each needs the scheduler to take the
// processor away from a loop that never yields.
package main

import "fmt"

var done bool

func spin(stop *bool, count *int) {
	for !*stop {
		*count++
	}
}

func main() {
	go func() {
		done = true
	}()
	n := 0
	for !done {
		n++
	}
	fmt.Println("main saw done")

	stop := false
	a, b := 0, 0
	fin := make(chan bool)
	go func() { spin(&stop, &a); fin <- true }()
	go func() { spin(&stop, &b); fin <- true }()
	for a == 0 || b == 0 {
	}
	stop = true
	<-fin
	<-fin
	fmt.Println("both spinners ran")
}
