// math/bits: the run-time errors of Div and Rem (division by zero, quotient overflow),
// recovered and then not.
package main

import "math/bits"

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			_, isRuntime := r.(interface{ RuntimeError() })
			println(name, "->", e.Error(), isRuntime)
		} else {
			println(name, "-> no panic")
		}
	}()
	f()
}

func main() {
	try("Div64 by zero", func() { bits.Div64(0, 1, 0) })
	try("Div64 overflow", func() { bits.Div64(5, 1, 5) })
	try("Div64 ok", func() { q, r := bits.Div64(4, 1, 5); println(q, r) })
	try("Div32 by zero", func() { bits.Div32(0, 1, 0) })
	try("Div32 overflow", func() { bits.Div32(7, 1, 5) })
	try("Div32 ok", func() { q, r := bits.Div32(4, 1, 5); println(q, r) })
	try("Div by zero", func() { bits.Div(0, 1, 0) })
	try("Div overflow", func() { bits.Div(1<<63, 0, 1<<63) })
	try("Rem64 by zero", func() { bits.Rem64(3, 1, 0) })
	try("Rem32 by zero", func() { bits.Rem32(3, 1, 0) })
	try("Rem by zero", func() { bits.Rem(3, 1, 0) })
	try("Rem no overflow", func() { println(bits.Rem64(10, 1, 3), bits.Rem32(10, 1, 3), bits.Rem(1<<63, 12345, 7)) })
	println(bits.Div64(1, 2, 1))
}
