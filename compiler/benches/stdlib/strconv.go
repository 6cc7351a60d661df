// strconv throughput: integers and floats formatted and parsed back, a million each.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	sum := 0
	fsum := 0.0
	for i := 0; i < 1000000; i++ {
		s := strconv.Itoa(i*37 - 500000)
		n, _ := strconv.Atoi(s)
		sum += n
		f := float64(i) * 1.0001
		t := strconv.FormatFloat(f, 'g', -1, 64)
		g, _ := strconv.ParseFloat(t, 64)
		fsum += g
		u := strconv.FormatFloat(f, 'f', 3, 64)
		sum += len(u)
	}
	fmt.Println(sum, fsum)
}
