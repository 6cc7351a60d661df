package main

import (
	"errors"
	"fmt"
	"os"
)

type Point struct {
	X, Y int
}

type Named struct {
	Name  string
	P     *Point
	Tags  []string
	M     map[string]int
	inner int
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type E struct{ code int }

func (e *E) Error() string { return fmt.Sprintf("E%d", e.code) }

func main() {
	fmt.Println("hello", 42, true, nil, 'x', 3.5, -7)
	fmt.Printf("%d|%5d|%-5d|%05d|%x|%X|%o|%O|%b|%c|%q|%U|%#U\n", 42, 42, 42, -42, 255, 255, 8, 8, 5, 'A', 'B', 0x1F600, 'x')
	fmt.Printf("%s|%10s|%-10s|%.2s|%q|%x|% x|%#v\n", "go", "go", "go", "golang", "a\"b", "hi", "hi", "str")
	p := Point{1, 2}
	fmt.Printf("%v|%+v|%#v|%T\n", p, p, p, p)
	fmt.Printf("%v|%+v\n", &p, &p)
	n := Named{"n", nil, []string{"a", "b"}, map[string]int{"z": 1, "a": 2, "m": 3}, 5}
	fmt.Printf("%v\n%+v\n", n, n)
	fmt.Println([]int{1, 2, 3}, [2]bool{true, false}, map[int]string{3: "c", 1: "a"})
	fmt.Printf("%#v %#v %#v\n", []int{1}, map[string]bool{"x": true}, [2]string{"a", "b"})
	var c Celsius = 21.55
	fmt.Println(c)
	fmt.Printf("%v %s %d\n", c, c, 5)
	var err error = &E{7}
	fmt.Println(err)
	w := fmt.Errorf("wrapped: %w", err)
	fmt.Println(w, errors.Unwrap(w) == err, errors.Is(w, err))
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d %d\n", 1, 2, 3)
	fmt.Printf("%[2]d %[1]d %!\n", 1, 2)
	fmt.Printf("%*d|%-*d|%.*f\n", 5, 1, 4, 2, 2, 3.14159)
	fmt.Printf("%6.2f|%e|%g|%G|%.3e|%+.1f|% .2f|%08.3f\n", 3.14159, 123456.789, 1e21, 1e-7, 0.00012345, 2.55, 1.5, -3.14159)
	fmt.Println(1e6, 1e21, 123456789.0, 0.000001, float32(0.1), 100.0)
	fmt.Printf("%v %.2f %g\n", 3+4i, 1-2i, complex64(1.5))
	fmt.Printf("%t %v %p\n", true, nil, nil)
	fmt.Printf("%x %X % X %#x\n", []byte("abc"), "xyz", []byte{1, 2}, "hi")
	fmt.Printf("%5t|%-7v|%3c|\n", false, true, 'z')
	s := fmt.Sprint("a", "b", 1, 2, "c", 3.0, nil)
	fmt.Println(s, len(s))
	fmt.Print("x", 1, "\n")
	fmt.Fprintln(os.Stderr, "to stderr", []string{})
	var np *Point
	fmt.Println(np, []*Point{nil})
	var ip interface{} = 5
	fmt.Printf("%v %d %T %T\n", ip, ip, ip, err)
	fmt.Printf("%08b %o %#o %#b\n", 5, -8, 8, 5)
	fmt.Printf("%v %v\n", int8(-128), uint64(18446744073709551615))
	fmt.Printf("%6.3v|%-8q|%#q\n", "abcdef", "x", "back`q")
	type pair struct {
		a interface{}
		b error
	}
	fmt.Printf("%v %+v\n", pair{}, pair{1, nil})
}
