// generic_stack.go shows generic types: a slice-backed Stack[T any] and
// Queue[T any], methods on generic types, a (T, bool) "comma ok" result
// built from the zero value of T, and how %T prints instantiated types.
package main

import "fmt"

// Stack is a last-in, first-out collection of values of any type T.
type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) {
	s.items = append(s.items, v)
}

// Pop removes and returns the top item; ok is false if the stack is empty.
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	top := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return top, true
}

// Peek returns the top item without removing it.
func (s *Stack[T]) Peek() (T, bool) {
	if len(s.items) == 0 {
		var zero T
		return zero, false
	}
	return s.items[len(s.items)-1], true
}

func (s *Stack[T]) Len() int { return len(s.items) }

// Queue is a first-in, first-out collection of values of any type T.
type Queue[T any] struct {
	items []T
}

func (q *Queue[T]) Enqueue(v T) { q.items = append(q.items, v) }

func (q *Queue[T]) Dequeue() (T, bool) {
	var zero T
	if len(q.items) == 0 {
		return zero, false
	}
	first := q.items[0]
	q.items = q.items[1:]
	return first, true
}

func main() {
	var ints Stack[int]
	for i := 1; i <= 3; i++ {
		ints.Push(i * 10)
	}
	top, _ := ints.Peek()
	fmt.Println("int stack len:", ints.Len(), "peek:", top)
	for ints.Len() > 0 {
		v, _ := ints.Pop()
		fmt.Println("pop", v)
	}
	v, ok := ints.Pop()
	fmt.Println("pop on empty:", v, ok)

	words := Stack[string]{}
	words.Push("hello")
	words.Push("generic")
	words.Push("world")
	w, ok := words.Pop()
	fmt.Printf("popped %s (ok=%v), %d left\n", w, ok, words.Len())
	fmt.Printf("%T\n", words)

	q := &Queue[int]{}
	for _, n := range []int{7, 8, 9} {
		q.Enqueue(n)
	}
	for {
		n, ok := q.Dequeue()
		if !ok {
			break
		}
		fmt.Println("dequeue", n)
	}
	fmt.Printf("%T\n", q)
}
