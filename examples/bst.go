// bst.go shows a generic binary search tree Tree[K Ordered, V any]: a union
// constraint with ~ (underlying type) terms, a self-referential generic node,
// methods on generic types, and a Celsius key type allowed by ~float64.
package main

import "fmt"

// Ordered permits any type whose underlying type is one of these.
type Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

type node[K Ordered, V any] struct {
	key         K
	val         V
	left, right *node[K, V] // a generic type may refer to itself
}

// Tree maps keys of an ordered type K to values of any type V.
type Tree[K Ordered, V any] struct {
	root *node[K, V]
	size int
}

// Insert adds or replaces the value stored under key.
func (t *Tree[K, V]) Insert(key K, val V) {
	p := &t.root
	for *p != nil {
		switch {
		case key < (*p).key:
			p = &(*p).left
		case key > (*p).key:
			p = &(*p).right
		default:
			(*p).val = val
			return
		}
	}
	*p = &node[K, V]{key: key, val: val}
	t.size++
}

// Get returns the value for key and whether it was present.
func (t *Tree[K, V]) Get(key K) (V, bool) {
	for n := t.root; n != nil; {
		switch {
		case key < n.key:
			n = n.left
		case key > n.key:
			n = n.right
		default:
			return n.val, true
		}
	}
	var zero V // the zero value of whatever V is
	return zero, false
}

// Walk calls f for every entry in ascending key order.
func (t *Tree[K, V]) Walk(f func(K, V)) { walk(t.root, f) }

func walk[K Ordered, V any](n *node[K, V], f func(K, V)) {
	if n != nil {
		walk(n.left, f)
		f(n.key, n.val)
		walk(n.right, f)
	}
}

// Celsius is a named type; ~float64 in Ordered lets it be a key.
type Celsius float64

func main() {
	var ages Tree[string, int]
	for i, name := range []string{"mia", "bob", "zoe", "ann", "bob"} {
		ages.Insert(name, 20+i)
	}
	ages.Walk(func(k string, v int) { fmt.Printf("%s=%d ", k, v) })
	fmt.Println("size", ages.size) // "bob" was replaced, not added
	zoe, ok := ages.Get("zoe")
	_, ok2 := ages.Get("tom")
	fmt.Println("zoe:", zoe, ok, "tom found:", ok2)

	temps := &Tree[Celsius, string]{}
	temps.Insert(100, "water boils")
	temps.Insert(-40, "C equals F")
	temps.Insert(0, "water freezes")
	temps.Walk(func(c Celsius, s string) { fmt.Printf("%v C: %s\n", float64(c), s) })
	fmt.Printf("%T\n", temps)
}
