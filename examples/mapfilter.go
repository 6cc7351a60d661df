// mapfilter.go shows generic functions with one and two type parameters
// (Map, Filter, Reduce), type argument inference from ordinary arguments,
// and an explicit instantiation Map[int, string].
package main

import (
	"fmt"
	"strings"
)

// Map applies f to every element of s and returns the results.
func Map[T, U any](s []T, f func(T) U) []U {
	out := make([]U, 0, len(s))
	for _, v := range s {
		out = append(out, f(v))
	}
	return out
}

// Filter keeps the elements of s for which keep returns true.
func Filter[T any](s []T, keep func(T) bool) []T {
	var out []T
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

// Reduce folds s into a single accumulator value, starting from init.
func Reduce[T, A any](s []T, init A, f func(A, T) A) A {
	acc := init
	for _, v := range s {
		acc = f(acc, v)
	}
	return acc
}

func main() {
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8}

	// T and U are inferred from the arguments: T=int, U=int.
	squares := Map(nums, func(n int) int { return n * n })
	fmt.Println("squares:", squares)

	evens := Filter(nums, func(n int) bool { return n%2 == 0 })
	fmt.Println("evens:", evens)

	sum := Reduce(nums, 0, func(acc, n int) int { return acc + n })
	fmt.Println("sum:", sum)

	// Explicit instantiation: Map[int, string] is an ordinary function value.
	toStars := Map[int, string]
	fmt.Printf("%T\n", toStars)
	stars := toStars([]int{1, 3, 2}, func(n int) string { return strings.Repeat("*", n) })
	fmt.Println("stars:", stars)

	// The accumulator type can differ from the element type (A=string, T=int).
	joined := Reduce(evens, "evens:", func(acc string, n int) string {
		return fmt.Sprintf("%s %d", acc, n)
	})
	fmt.Println(joined)

	// Chaining: words -> lengths -> longest.
	words := strings.Fields("generics make reusable code simple")
	lengths := Map(words, func(s string) int { return len(s) })
	longest := Reduce(lengths, 0, func(best, n int) int {
		if n > best {
			return n
		}
		return best
	})
	fmt.Println("lengths:", lengths, "longest:", longest)

	upper := Map(Filter(words, func(s string) bool { return len(s) > 6 }), strings.ToUpper)
	fmt.Println("long words:", upper, len(upper))
}
