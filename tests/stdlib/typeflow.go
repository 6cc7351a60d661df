// Type flow (compiler/src/ssa/typeflow.rs) decides type tests from the types a program
// converts to each interface type. Each case here gets a type into an interface by a way
// that a careless analysis would miss, then tests for it: every line must print as with Go.
// Nothing here uses fmt, whose reflection would make the set of interface{} unknown and
// decide nothing (typeflow_reflect.go does): the sets are exactly what the program boxes.
package main

import (
	"errors"
	"os"
	"strconv"
	"strings"
)

func out(parts ...string) {
	os.Stdout.WriteString(strings.Join(parts, " ") + "\n")
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return w.msg + ": " + w.err.Error() }
func (w *wrapped) Unwrap() error { return w.err }

type Stringer interface{ String() string }

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "°C" }

type timeout struct{ op string }

func (t *timeout) Error() string { return t.op + ": timed out" }
func (t *timeout) Timeout() bool { return true }

type Shape interface{ Area() float64 }

type Square struct{ s float64 }

func (q Square) Area() float64 { return q.s * q.s }

type Circle struct{ r float64 }

func (c Circle) Area() float64 { return 3 * c.r * c.r }

// Only reached through an interface embedded in a struct.
type Named struct {
	Shape
	name string
}

type point struct{ x, y int }

// Only ever a panic value.
type code int16

func kind(a any) string {
	switch v := a.(type) {
	case nil:
		return "nil"
	case int:
		return "int " + strconv.Itoa(v)
	case float32:
		return "float32 " + ftoa(float64(v))
	case float64:
		return "float64 " + ftoa(v)
	case complex128:
		return "complex128 " + ftoa(real(v)) + "+" + ftoa(imag(v)) + "i"
	case string:
		return "string " + v
	case Celsius:
		return "Celsius " + v.String()
	case error:
		return "error " + v.Error()
	case Stringer:
		return "Stringer " + v.String()
	case []int:
		return "[]int " + strconv.Itoa(len(v))
	case map[string]int:
		return "map " + strconv.Itoa(len(v))
	case code:
		return "code " + strconv.Itoa(int(v))
	case point:
		return "point " + strconv.Itoa(v.x+v.y)
	default:
		return "other"
	}
}

// mode's parameter is a constant at each direct call, and something else through a func
// value, a method value, defer and go.
func mode(k int) string {
	switch k {
	case 1:
		return "one"
	case 2:
		return "two"
	case 3:
		return "three"
	}
	return "k=" + strconv.Itoa(k)
}

type counter struct{ n int }

func (c *counter) add(k int) int {
	if k == 10 {
		c.n += 100
	} else {
		c.n += k
	}
	return c.n
}

func recovered(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

func boxed[T any](x T) any { return x }

func main() {
	// A panic value becomes an interface{} value only through recover.
	out(kind(recovered(func() { panic(2.5) })))
	out(kind(recovered(func() { panic(code(7)) })))
	out(kind(recovered(func() { panic(Celsius(-4)) })))
	out(kind(recovered(func() {
		var s []int
		_ = s[3]
	})))

	// errors.As stores into an interface the runtime's way.
	var err error = &wrapped{"dial", &timeout{"read"}}
	var t interface{ Timeout() bool }
	if errors.As(err, &t) {
		out("As:", strconv.FormatBool(t.Timeout()), kind(t))
	}
	var target *timeout
	out("As *timeout:", strconv.FormatBool(errors.As(err, &target)), target.op)

	// Between interfaces: Stringer to any, any to error by assertion.
	var s Stringer = Celsius(21.5)
	var a any = s
	out(kind(a))
	var e any = errors.New("boom")
	if ee, ok := e.(error); ok {
		out(kind(ee))
	}

	// Through containers of interfaces, and a closure called by value.
	ch := make(chan any, 3)
	ch <- float32(1.5)
	ch <- []int{1, 2}
	ch <- nil
	close(ch)
	for v := range ch {
		out(kind(v))
	}
	m := map[string]any{"c": complex(1, 2)}
	out(kind(m["c"]))
	mk := func() any { return map[string]int{"a": 1} }
	out(kind(mk()))
	out(kind(boxed(point{3, 4})))
	out(kind(boxed(uint8(7))))

	// Non-empty interfaces: a type switch, and methods reached through an embedded
	// interface and a method value.
	shapes := []Shape{Circle{1}, Named{Square{2}, "sq"}}
	for _, sh := range shapes {
		switch v := sh.(type) {
		case Square:
			out("square", ftoa(v.Area()))
		case Circle:
			out("circle", ftoa(v.Area()))
		default:
			area := sh.Area
			out(v.(Named).name, ftoa(area()))
		}
	}

	// Constant parameters.
	out(mode(1), mode(2))
	f := mode
	out(f(3), f(4))
	var c counter
	add := c.add
	out(strconv.Itoa(c.add(10)), strconv.Itoa(add(5)))
	func() {
		defer func(k int) { out("deferred", mode(k)) }(7)
	}()
	done := make(chan string)
	go func() { done <- mode(8) }()
	out("go", <-done)

	// comma-ok results used as values.
	var x any = 2.5
	v32, ok32 := x.(float32)
	v64, ok64 := x.(float64)
	out(ftoa(float64(v32)), strconv.FormatBool(ok32), ftoa(v64), strconv.FormatBool(ok64))
	out(strings.Repeat("=", 3), kind(x), kind(nil))
}
