// Direct calls of math.Floor, Ceil and Trunc, which golift compiles to an instruction
// (arm64) or to integer operations on the bits (x86-64) rather than a call: every kind of
// float64, printed with its bits so that the sign of a zero and NaN show. Round and
// Float64bits, which inline, are here too.
package main

import (
	"fmt"
	"math"
)

func show(name string, x, r float64) {
	fmt.Printf("%s(%v) = %v %#016x\n", name, x, r, math.Float64bits(r))
}

func main() {
	inputs := []float64{
		0, math.Copysign(0, -1), 0.25, -0.25, 0.5, -0.5, 0.75, -0.75, 1, -1, 1.5, -1.5, 2.5, -2.5,
		3.9999999999999996, -3.9999999999999996, 1e15 + 0.5, -1e15 - 0.5, 4503599627370495.5,
		-4503599627370495.5, 4503599627370496, 9007199254740993, -9007199254740993, 1e300, -1e300,
		5e-324, -5e-324, 2.2250738585072014e-308, math.Inf(1), math.Inf(-1), math.NaN(),
		math.MaxFloat64, -math.MaxFloat64, 123456.789, -123456.789, 0.9999999999999999, -0.9999999999999999,
	}
	for _, x := range inputs {
		show("Floor", x, math.Floor(x))
		show("Ceil", x, math.Ceil(x))
		show("Trunc", x, math.Trunc(x))
		show("Round", x, math.Round(x))
	}
	// In expressions and loops, where the result stays in a register.
	sum := 0.0
	for i := -50; i <= 50; i++ {
		x := float64(i) / 8
		sum += math.Floor(x)*3 + math.Ceil(x)*5 + math.Trunc(x)*7
	}
	fmt.Println(sum)
	// Through a func value: the functions themselves.
	for _, f := range []func(float64) float64{math.Floor, math.Ceil, math.Trunc} {
		fmt.Println(f(-2.5), f(2.5), f(math.Copysign(0, -1)))
	}
	var nan = math.NaN()
	fmt.Println(math.Floor(nan) == math.Floor(nan), math.IsNaN(math.Ceil(nan)), math.Float64bits(math.Trunc(nan)) == math.Float64bits(nan))
}
