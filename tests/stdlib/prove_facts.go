// What prove removes must not change what a program does: loops counting down and with
// offsets, checks repeated by cse, branches settled by dominating ones, shifts with bounded
// counts, divisions that cannot overflow, nil checks after `p != nil`, and the cases that must
// still fail (a counter that wraps around, a negative shift held in a variable).
package main

import (
	"fmt"
	"math"
)

type node struct {
	v    int
	next *node
}

func down(s []int) int {
	t := 0
	for i := len(s) - 1; i >= 0; i-- {
		t = t*3 + s[i]
	}
	for i := len(s); i > 0; i-- {
		t += s[i-1]
	}
	return t
}

func offsets(a *[100]int) int {
	for i := 10; i < 90; i++ {
		a[i-10] += i
		a[i+10] -= i
	}
	t := 0
	for i := range a {
		t += a[i] * (i + 1)
	}
	return t
}

func swapAll(p []int) {
	for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
		p[i], p[j] = p[j], p[i]
	}
}

func settle(a, b int) string {
	if a < b {
		if a == b {
			return "impossible"
		}
		if b > a {
			return "less"
		}
	}
	return "not less"
}

func shifts(x uint64, n int) (uint64, int64, uint32) {
	if n >= 0 && n < 64 {
		return x << n, int64(x) >> n, uint32(x) >> (uint(n) & 31)
	}
	return 0, 0, 0
}

func divs(x, y int) (int, int) {
	if y > 0 {
		return x / y, x % y
	}
	if y < -1 {
		return x / y, x % y
	}
	return 0, 0
}

func length(n *node) int {
	c := 0
	for n != nil {
		c += n.v
		n = n.next
	}
	return c
}

func wraps() int {
	// i <= MaxInt64 always holds: the counter wraps around, and i < 0 must see it.
	steps := 0
	for i := int64(math.MaxInt64 - 2); i <= math.MaxInt64; i++ {
		steps++
		if i < 0 {
			return steps
		}
	}
	return -1
}

func main() {
	s := []int{3, 1, 4, 1, 5, 9, 2, 6}
	fmt.Println(down(s))
	var a [100]int
	fmt.Println(offsets(&a))
	swapAll(s)
	fmt.Println(s)
	fmt.Println(settle(1, 2), settle(2, 1))
	for _, n := range []int{-1, 0, 5, 31, 32, 63, 64} {
		fmt.Println(shifts(0xdeadbeefcafe, n))
	}
	for _, y := range []int{-7, -1, 1, 3} {
		q, r := divs(math.MinInt64, y)
		fmt.Println(q, r)
	}
	var l *node
	for i := 1; i <= 4; i++ {
		l = &node{i, l}
	}
	fmt.Println(length(l), length(nil))
	fmt.Println(wraps())
	k := -1
	if len(s) > 0 {
		fmt.Println(1 << k)
	}
}
