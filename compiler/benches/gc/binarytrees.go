// Binary trees, depth 17 (the Benchmarks Game's shape): a long-lived tree, and many short-lived
// trees of every depth built and checked. Nearly all of it is garbage soon after it is made.
package main

import (
	"fmt"
	"os"
	"runtime"
)

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
	const maxDepth = 17
	fmt.Println("stretch tree of depth", maxDepth+1, "check:", build(maxDepth+1).check())
	long := build(maxDepth)
	for d := 4; d <= maxDepth; d += 2 {
		iters := 1 << uint(maxDepth-d+4)
		total := 0
		for i := 0; i < iters; i++ {
			total += build(d).check()
		}
		fmt.Println(iters, "trees of depth", d, "check:", total)
	}
	fmt.Println("long lived tree of depth", maxDepth, "check:", long.check())
	report()
}

// report writes the collector's figures to stderr for the benchmark harness.
func report() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	var max uint64
	for _, p := range m.PauseNs {
		if p > max {
			max = p
		}
	}
	fmt.Fprintln(os.Stderr, "gcstats", m.NumGC, m.PauseTotalNs, max, m.TotalAlloc)
}
