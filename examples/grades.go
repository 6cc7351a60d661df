// Student grades: structs in a slice, averages, rounding, a stable sort by two keys,
// letter grades from a switch, and a report.
package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Student struct {
	Name   string
	Scores []float64
}

func (s Student) Average() float64 {
	if len(s.Scores) == 0 {
		return 0
	}
	sum := 0.0
	for _, x := range s.Scores {
		sum += x
	}
	return sum / float64(len(s.Scores))
}

func letter(avg float64) string {
	switch {
	case avg >= 90:
		return "A"
	case avg >= 80:
		return "B"
	case avg >= 70:
		return "C"
	case avg >= 60:
		return "D"
	}
	return "F"
}

func main() {
	students := []Student{
		{"Ada", []float64{95, 88, 92}},
		{"Brian", []float64{72, 65, 80}},
		{"Chen", []float64{88, 91, 79}},
		{"Dana", []float64{55, 62, 58}},
		{"Eve", []float64{88, 91, 79}},
		{"Farid", nil},
		{"Grace", []float64{100, 99.5, 98}},
	}
	sort.SliceStable(students, func(i, j int) bool {
		return students[i].Average() > students[j].Average()
	})
	fmt.Printf("%-3s %-8s %7s %5s  %s\n", "#", "name", "average", "grade", "scores")
	counts := map[string]int{}
	for i, s := range students {
		avg := s.Average()
		g := letter(avg)
		counts[g]++
		scores := make([]string, len(s.Scores))
		for k, x := range s.Scores {
			scores[k] = fmt.Sprint(x)
		}
		fmt.Printf("%-3d %-8s %7.2f %5s  [%s]\n", i+1, s.Name, avg, g, strings.Join(scores, ", "))
	}
	fmt.Println("distribution:", counts)
	var all []float64
	for _, s := range students {
		all = append(all, s.Scores...)
	}
	sort.Float64s(all)
	mean := 0.0
	for _, x := range all {
		mean += x
	}
	mean /= float64(len(all))
	variance := 0.0
	for _, x := range all {
		variance += (x - mean) * (x - mean)
	}
	stddev := math.Sqrt(variance / float64(len(all)))
	fmt.Printf("n=%d min=%v max=%v median=%v mean=%.3f stddev=%.3f\n", len(all), all[0], all[len(all)-1], all[len(all)/2], mean, stddev)
	fmt.Println(math.Round(mean*10)/10, math.Trunc(stddev), math.Max(all[0], 60), math.Min(all[0], 60))
}
