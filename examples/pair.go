// pair.go shows a generic struct with two type parameters and methods
// (including one returning a differently-instantiated Pair[V, K]), the
// comparable constraint, a Number constraint with ~ terms, a generic
// insertion sort over Ordered, and how %T prints instantiated types.
// Note: V must be comparable too, because Swap builds Pair[V, K] and the
// first type argument of Pair must satisfy comparable ("V does not
// implement comparable" otherwise).
package main

import "fmt"

type Number interface{ ~int | ~float64 }

type Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

// Pair holds a key and a value; both support == so Pairs can be map keys.
type Pair[K comparable, V comparable] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("(%v, %v)", p.Key, p.Val) }

// Swap returns a new pair with key and value exchanged.
func (p Pair[K, V]) Swap() Pair[V, K] { return Pair[V, K]{p.Val, p.Key} }

// MinMax returns the smallest and largest element of a non-empty slice.
func MinMax[T Number](xs []T) (T, T) {
	lo, hi := xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return lo, hi
}

// Keys returns the keys of m, in unspecified order.
func Keys[K comparable, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

// InsertionSort sorts s in place in ascending order.
func InsertionSort[T Ordered](s []T) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

type Point struct{ X, Y int }

type Meters float64

func main() {
	p := Pair[string, int]{"answer", 42}
	fmt.Println(p.String(), p.Swap().String())
	fmt.Printf("%T -> %T\n", p, p.Swap())

	lo, hi := MinMax([]int{5, -3, 12, 7})
	fmt.Println("ints:", lo, hi)
	flo, fhi := MinMax([]Meters{2.5, 0.75, 9})
	fmt.Printf("meters: %v %v %T\n", float64(flo), float64(fhi), flo)

	stock := map[string]int{"pear": 3, "apple": 5, "fig": 1, "kiwi": 8}
	names := Keys(stock)
	InsertionSort(names)
	for _, n := range names {
		fmt.Println(Pair[string, int]{n, stock[n]}.String())
	}

	seen := map[Pair[int, int]]bool{{1, 2}: true, {3, 4}: true}
	fmt.Println("pair as map key:", seen[Pair[int, int]{1, 2}], seen[Pair[int, int]{2, 1}])

	pp := Pair[int, Point]{7, Point{1, 2}}
	fmt.Printf("%T\n", pp)
	fmt.Println(pp.Key, pp.Val.X, pp.Val.Y)
}
