// Stack allocation must not change what programs do: objects that escape analysis keeps in
// the frame (and those it must not: addresses kept across loop iterations, closures that
// outlive their function, struct results, deferred closures, method values, boxed values).

package main

import (
	"fmt"
	"sort"
	"strings"
)

type S struct {
	a, b int
	p    *int
}

func (s S) Val() int      { return s.a + s.b }
func (s *S) Ptr() *int    { return &s.a }
func fieldAddr(s S) *int  { return &s.b }
func keepS(s *S) func() int { return func() int { return s.a } }

var global []*int
var gs *S

type Shape interface{ Area() int }
type Sq struct{ n int }

func (q Sq) Area() int { return q.n * q.n }

func makeShapes() []Shape {
	var out []Shape
	for i := 0; i < 3; i++ {
		out = append(out, Sq{i})
	}
	return out
}

func loopAddrs() []*int {
	var ps []*int
	for i := 0; i < 3; i++ {
		x := i * 10
		ps = append(ps, &x)
	}
	return ps
}

func closuresInLoop() []func() int {
	var fs []func() int
	for i := 0; i < 3; i++ {
		j := i
		fs = append(fs, func() int { return j * 2 })
	}
	return fs
}

func deferLoop() (r int) {
	for i := 0; i < 3; i++ {
		v := i
		defer func() { r += v }()
	}
	return 0
}

func rec(n int) int {
	arr := [4]int{n, n, n, n}
	p := &arr
	if n == 0 {
		return p[0]
	}
	return p[1] + rec(n-1)
}

func panicky() (res string) {
	x := S{a: 1}
	defer func() {
		if r := recover(); r != nil {
			res = fmt.Sprint("recovered ", r, " ", x.a)
		}
	}()
	x.a = 42
	var m map[string]int
	m["a"] = 1
	return "no"
}

func structRet(i int) S {
	v := i
	return S{a: i, b: i, p: &v}
}

func methodValue() func() int {
	s := S{a: 7, b: 8}
	f := s.Val
	s.a = 100
	return f
}

func ptrMethodValue() func() *int {
	s := S{a: 7}
	f := s.Ptr
	return f
}

func main() {
	for _, p := range loopAddrs() {
		fmt.Print(*p, " ")
	}
	fmt.Println()
	for _, f := range closuresInLoop() {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	fmt.Println(deferLoop(), rec(5), panicky())
	s := S{a: 1, b: 2}
	p := fieldAddr(s)
	*p = 99
	fmt.Println(s.b, *p)
	f := keepS(&s)
	s.a = 5
	fmt.Println(f())
	total := 0
	for _, sh := range makeShapes() {
		total += sh.Area()
	}
	fmt.Println(total)
	r := structRet(3)
	r2 := structRet(4)
	fmt.Println(*r.p, *r2.p)
	fmt.Println(methodValue()(), *ptrMethodValue()())
	m := map[string]*int{}
	for i := 0; i < 3; i++ {
		k := i
		m[fmt.Sprint(i)] = &k
	}
	keys := []string{}
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Print(*m[k], " ")
	}
	fmt.Println()
	var b strings.Builder
	for i := 0; i < 3; i++ {
		b.WriteString(fmt.Sprint(i))
	}
	fmt.Println(b.String())
	arrs := [][2]int{}
	for i := 0; i < 3; i++ {
		a := [2]int{i, i}
		arrs = append(arrs, a)
		global = append(global, &a[1])
	}
	fmt.Println(arrs, *global[0], *global[2])
	x := S{a: 1}
	gs = &x
	x.a = 2
	fmt.Println(gs.a)
	var ifs []interface{}
	for i := 0; i < 3; i++ {
		v := S{a: i}
		ifs = append(ifs, v, &v)
	}
	fmt.Println(ifs[0].(S).a, ifs[3].(*S).a, ifs[5].(*S).a)
}
