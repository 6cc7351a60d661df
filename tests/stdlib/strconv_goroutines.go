// strconv from several goroutines at once: each formats and parses its own numbers while
// the others are preempted in the middle of theirs (golift switches goroutines at calls and
// loop back edges, every 10 ms). Buffers shared by the whole package would mix their
// digits; strconv keeps its scratch space on each call's stack.
package main

import (
	"fmt"
	"strconv"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	bad := make([]int, 4)
	sums := make([]int, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 200000; i++ {
				v := int64(i)*7919 + int64(g)*1000000007
				s := strconv.FormatInt(v, 10)
				u := strconv.FormatUint(uint64(v), 16)
				f := strconv.FormatFloat(float64(v)/8, 'f', 3, 64)
				e := strconv.FormatFloat(float64(v)/3, 'e', -1, 64)
				if n, err := strconv.ParseInt(s, 10, 64); err != nil || n != v {
					bad[g]++
				}
				if n, err := strconv.ParseUint(u, 16, 64); err != nil || n != uint64(v) {
					bad[g]++
				}
				if x, err := strconv.ParseFloat(f, 64); err != nil || x != float64(v)/8 {
					bad[g]++
				}
				if x, err := strconv.ParseFloat(e, 64); err != nil || x != float64(v)/3 {
					bad[g]++
				}
				sums[g] += len(s) + len(u) + len(f) + len(e)
			}
		}(g)
	}
	wg.Wait()
	fmt.Println("wrong:", bad)
	fmt.Println("lengths:", sums)
}
