package main

// What golift does not compile yet (goroutines, channels, select and generics are later
// issues) is reported, never crashed on.

type Stack[T any] struct {
	items []T
}

func Map[T, U any](s []T, f func(T) U) []U {
	return nil
}

func main() {
	ch := make(chan int)
	go func() { ch <- 1 }()
	select {}
}

func (s *Stack[T]) Push(x T) {
	s.items = append(s.items, x)
}
