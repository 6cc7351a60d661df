// Reading numbers from standard input (one or more per line) with bufio.Scanner, with a
// built-in sample when the input is empty, then statistics and a histogram.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

const sample = `12 7 3
45 -2 18
7 7 100 x3
23`

func readNumbers(r io.Reader) (nums []int, bad []string) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		for _, field := range strings.Fields(sc.Text()) {
			n, err := strconv.Atoi(field)
			if err != nil {
				bad = append(bad, err.Error())
				continue
			}
			nums = append(nums, n)
		}
	}
	return
}

func main() {
	nums, bad := readNumbers(os.Stdin)
	if len(nums) == 0 && len(bad) == 0 {
		fmt.Println("(no input: using the sample)")
		nums, bad = readNumbers(strings.NewReader(sample))
	}
	for _, b := range bad {
		fmt.Println("skipped:", b)
	}
	sort.Ints(nums)
	sum := 0
	for _, n := range nums {
		sum += n
	}
	fmt.Printf("count=%d sum=%d min=%d max=%d mean=%.2f\n", len(nums), sum, nums[0], nums[len(nums)-1], float64(sum)/float64(len(nums)))
	fmt.Println("sorted:", nums)
	i := sort.SearchInts(nums, 18)
	fmt.Println("18 is at index", i, "found:", i < len(nums) && nums[i] == 18)
	buckets := map[int]int{}
	for _, n := range nums {
		buckets[(n/10)*10]++
	}
	keys := []int{}
	for k := range buckets {
		keys = append(keys, k)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(keys)))
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, k := range keys {
		fmt.Fprintf(w, "%4d..%-4d %s\n", k, k+9, strings.Repeat("*", buckets[k]))
	}
}
