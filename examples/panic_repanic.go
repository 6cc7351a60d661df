// A deferred function that recovers and panics again: gc prints the first panic marked
// [recovered] and the new one after it.
package main

type Code int

func process() {
	defer func() {
		r := recover()
		println("cleaning up after", r.(string))
		panic(Code(42))
	}()
	println("processing")
	panic("disk full")
}

func main() {
	defer println("main's deferred call still runs")
	process()
}
