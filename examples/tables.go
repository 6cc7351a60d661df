// Printf tables: widths, precisions, alignment, and the number bases.
package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Print("    |")
	for j := 1; j <= 9; j++ {
		fmt.Printf("%4d", j)
	}
	fmt.Println()
	fmt.Println(strings.Repeat("-", 4) + "+" + strings.Repeat("-", 36))
	for i := 1; i <= 9; i++ {
		fmt.Printf("%3d |", i)
		for j := 1; j <= 9; j++ {
			fmt.Printf("%4d", i*j)
		}
		fmt.Println()
	}
	fmt.Println()
	fmt.Printf("%5s %8s %6s %10s %6s\n", "dec", "bin", "oct", "hex", "char")
	for _, n := range []int{7, 42, 65, 97, 127, 255, 1000} {
		c := "-"
		if n >= 32 && n < 127 {
			c = fmt.Sprintf("%q", rune(n))
		}
		fmt.Printf("%5d %8b %6o %#10x %6s\n", n, n, n, n, c)
	}
	fmt.Println()
	items := []struct {
		name  string
		qty   int
		price float64
	}{{"apple", 3, 0.5}, {"bread", 1, 2.25}, {"cheese", 2, 7.99}, {"olive oil", 1, 11.5}}
	total := 0.0
	fmt.Printf("|%-10s|%5s|%9s|\n", "item", "qty", "subtotal")
	for _, it := range items {
		sub := float64(it.qty) * it.price
		total += sub
		fmt.Printf("|%-10s|%5d|%9.2f|\n", it.name, it.qty, sub)
	}
	fmt.Printf("|%-10s|%5s|%9.2f|\n", "TOTAL", "", total)
	fmt.Printf("%08.3f|%+d|% d|%x|%X|%e\n", 3.14159, 5, 5, "hi", []byte("go"), 1234.5678)
}
