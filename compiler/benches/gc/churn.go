// Allocation throughput with a live set: a ring of 100,000 records (each with a string, a
// slice and a pointer) in which every slot is replaced 50 times, so the collector keeps
// finding a large live structure among the garbage.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
)

type record struct {
	name string
	vals []int
	next *record
}

func main() {
	const n = 100000
	ring := make([]*record, n)
	var prev *record
	sum := 0
	for i := 0; i < 50*n; i++ {
		r := &record{name: strconv.Itoa(i), vals: make([]int, 4+i%8), next: prev}
		r.vals[0] = i
		ring[i%n] = r
		prev = r
		if i%1000 == 0 {
			prev = nil
		}
		sum += len(r.vals)
	}
	live := 0
	for _, r := range ring {
		live += r.vals[0] % 7
	}
	fmt.Println(sum, live)
	report()
}

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
