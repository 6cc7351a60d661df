package main

// What golift does not compile yet (generics are a later issue) is reported, never
// crashed on.

type Stack[T any] struct {
	items []T
}

func Map[T, U any](s []T, f func(T) U) []U {
	return nil
}

func main() {
}

func (s *Stack[T]) Push(x T) {
	s.items = append(s.items, x)
}
