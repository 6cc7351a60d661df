package main

func main() {
	const n = 100
	var composite [n + 1]bool
	count := 0
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		count++
		print(i, " ")
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	println()
	println("primes:", count)
}
