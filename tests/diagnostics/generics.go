// constraint_error.go does NOT compile. It shows the errors gc reports when
// type arguments fail their constraints: a string for a [T Number] parameter
// (string is not in the type set of Number) and a slice for a [K comparable]
// parameter (slices do not support ==).
package main

import "fmt"

type Number interface {
	~int | ~float64
}

// Sum adds up the elements of s; only numeric types are allowed.
func Sum[T Number](s []T) T {
	var total T
	for _, v := range s {
		total += v
	}
	return total
}

// Index returns the position of x in s, or -1; it needs == on K.
func Index[K comparable](s []K, x K) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return -1
}

func main() {
	fmt.Println(Sum([]int{1, 2, 3}))       // fine: int satisfies Number
	fmt.Println(Sum([]string{"a", "b"}))   // error: string does not implement Number
	fmt.Println(Index([]string{"x"}, "x")) // fine: string is comparable

	grid := [][]int{{1}, {2}}
	fmt.Println(Index(grid, []int{2})) // error: []int is not comparable
	fmt.Println(Sum[string](nil))      // error: explicit type argument fails too
}
