// String building: strings.Builder with WriteString, WriteByte and strconv.Itoa, and
// concatenation in a loop: the allocation and copying behind text output.
package main

import (
	"strconv"
	"strings"
)

func main() {
	total := 0
	for r := 0; r < 20; r++ {
		var b strings.Builder
		for i := 0; i < 100000; i++ {
			b.WriteString("item ")
			b.WriteString(strconv.Itoa(i))
			b.WriteByte('\n')
		}
		total += len(b.String())
		s := ""
		for i := 0; i < 2000; i++ {
			s += "ab"
		}
		total += len(s) + strings.Count(b.String(), "9")
	}
	println(total)
}
