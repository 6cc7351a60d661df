// An unrecovered panic in a goroutine ends the whole program (exit status 2), while main
// is blocked.
package main

import "fmt"

type myErr struct{ code int }

func (e myErr) Error() string { return fmt.Sprint("my error ", e.code) }

func main() {
	c := make(chan int)
	go func() {
		defer fmt.Println("deferred in the goroutine")
		panic(myErr{7})
	}()
	<-c
}
