// The collector: a large pointer structure survives many collections intact while
// gigabytes of garbage come and go, and runtime.ReadMemStats tells a consistent story.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type node struct {
	left, right *node
	name        string
	vals        []int
	any         interface{}
}

func build(depth, id int) *node {
	n := &node{name: fmt.Sprint("n", id), vals: []int{id, id * 2}}
	if id%3 == 0 {
		n.any = &[]string{strings.Repeat("x", id%7)}
	} else {
		n.any = id
	}
	if depth > 0 {
		n.left = build(depth-1, 2*id)
		n.right = build(depth-1, 2*id+1)
	}
	return n
}

func check(n *node, depth, id int) int {
	if n == nil {
		return 0
	}
	if n.name != fmt.Sprint("n", id) || n.vals[0] != id || n.vals[1] != id*2 {
		panic("corrupted node " + n.name)
	}
	if id%3 == 0 {
		if len((*n.any.(*[]string))[0]) != id%7 {
			panic("corrupted interface")
		}
	} else if n.any.(int) != id {
		panic("corrupted int")
	}
	return 1 + check(n.left, depth-1, 2*id) + check(n.right, depth-1, 2*id+1)
}

type pair struct {
	k string
	v *int
}

func main() {
	live := build(12, 1)
	table := map[string]*node{}
	for i := 0; i < 1000; i++ {
		table[fmt.Sprint("k", i)] = &node{name: fmt.Sprint(i)}
	}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	// Garbage: about 1 GB in total, in objects of many sizes and kinds.
	sum := 0
	for round := 0; round < 200; round++ {
		t := build(9, round)
		sum += check(t, 9, round)
		s := make([]string, 0)
		for i := 0; i < 200; i++ {
			s = append(s, strings.Repeat("y", i%50))
		}
		ps := make([]pair, 100)
		for i := range ps {
			v := i
			ps[i] = pair{fmt.Sprint(i), &v}
		}
		for i := range ps {
			sum += *ps[i].v
		}
		big := make([]byte, 1<<20+round)
		sum += len(big) + len(s)
		if round%50 == 0 {
			runtime.GC()
			fmt.Println("round", round, "live nodes", check(live, 12, 1))
		}
	}
	for i := 0; i < 1000; i++ {
		if table[fmt.Sprint("k", i)].name != fmt.Sprint(i) {
			panic("map entry lost")
		}
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Println("sum", sum)
	fmt.Println("live nodes", check(live, 12, 1))
	fmt.Println("collected:", after.NumGC > before.NumGC, after.NumForcedGC >= 5)
	fmt.Println("frees:", after.Frees > before.Frees, after.Mallocs > after.Frees)
	fmt.Println("total alloc > 200 MB:", after.TotalAlloc-before.TotalAlloc > 200<<20)
	fmt.Println("heap after GC < 64 MB:", after.HeapAlloc < 64<<20)
	fmt.Println("objects:", after.HeapObjects == after.Mallocs-after.Frees)
	fmt.Println("pauses:", after.PauseTotalNs > 0, after.PauseNs[(after.NumGC+255)%256] > 0)
	fmt.Println("enabled:", after.EnableGC, after.NextGC > 0)
}
