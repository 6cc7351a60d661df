package main

func steps(n int) int {
	s := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		s++
	}
	return s
}

func main() {
	best, arg := 0, 0
	for i := 1; i < 10000; i++ {
		if s := steps(i); s > best {
			best, arg = s, i
		}
	}
	println("longest:", arg, "steps:", best)
}
