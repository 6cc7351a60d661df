// Binary trees (depth 16): allocation of many small objects (without a collector in golift
// yet, every node is new memory).
package main

type node struct {
	left, right *node
}

func build(d int) *node {
	if d == 0 {
		return &node{}
	}
	return &node{build(d - 1), build(d - 1)}
}

func (n *node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func main() {
	const maxDepth = 16
	long := build(maxDepth)
	total := 0
	for d := 4; d <= maxDepth; d += 2 {
		iters := 1 << uint(maxDepth-d+4)
		for i := 0; i < iters; i++ {
			total += build(d).check()
		}
	}
	println(total, long.check())
}
