// As typeflow.go, with values that only fmt's reflection (reflectlite's packEface) puts
// into interfaces: fields of structs, elements of slices, and panics in String methods.
package main

import (
	"fmt"
	"sort"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type broken struct{ n int }

func (b *broken) String() string {
	if b.n == 0 {
		panic(fmt.Sprint("no reading ", 1.5))
	}
	return "ok"
}

type inner struct{ t any }

func main() {
	// A value of a type only reflection makes: fmt reads the field and calls String.
	type reading struct {
		Where string
		Temp  fmt.Stringer
	}
	fmt.Printf("%v %+v\n", reading{"roof", Celsius(3)}, []any{Celsius(1), nil})
	rs := []any{3, "x", 2.5}
	sort.Slice(rs, func(i, j int) bool { return fmt.Sprint(rs[i]) < fmt.Sprint(rs[j]) })
	fmt.Println(rs)

	fmt.Printf("%v|%v|%s\n", &broken{}, []any{&broken{1}}, inner{[2]any{Celsius(2), 3i}})
	fmt.Printf("%v %x\n", map[Celsius][]any{4: {uint16(9), struct{ a, b any }{true, nil}}}, inner{"hi"})
}
