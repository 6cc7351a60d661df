// The sieve of Eratosthenes up to 20 million, five times: a loop over a big []bool.
package main

func sieve(n int) int {
	composite := make([]bool, n+1)
	count := 0
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		count++
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return count
}

func main() {
	total := 0
	for k := 0; k < 5; k++ {
		total += sieve(20000000)
	}
	println(total)
}
