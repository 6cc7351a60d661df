// String building: a million short strings made by concatenation and conversion, almost all
// garbage at once (the allocation pattern of text-processing programs).
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
)

func main() {
	total := 0
	var keep []string
	for i := 0; i < 1000000; i++ {
		s := "item-" + strconv.Itoa(i) + ":" + strings.Repeat("ab", i%16)
		b := []byte(s)
		total += len(b) + len(strings.ToUpper(s))
		if i%10000 == 0 {
			keep = append(keep, s)
		}
	}
	fmt.Println(total, len(keep), keep[len(keep)-1])
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
