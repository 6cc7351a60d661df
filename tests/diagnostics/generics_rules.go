package main

type Number interface {
	~int | ~float64
}

type List[T any] struct {
	items []T
}

func Zero[T any]() T {
	var z T
	return z
}

func Add[T any](a, b T) T {
	return a + b
}

func Less[T Number](a, b T) bool {
	return a < b
}

func Keys[K comparable, V any](m map[K]V) []K {
	return nil
}

func main() {
	_ = Zero[int]()
	f := Less
	var l List
	var p List[int, string]
	_ = Less(1, "x")
	_, _, _ = f, l, p
	_ = Keys[int, string, bool]
}
