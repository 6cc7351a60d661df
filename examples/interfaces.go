// Interfaces: method sets, implicit satisfaction, type assertions and type switches, the
// error interface, and interface values compared and held in slices.
package main

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Name() string
}

// NamedShape embeds two interfaces: its method set is their union.
type NamedShape interface {
	Shape
	Named
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Square struct{ Rect }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r Rect) Name() string       { return "rect" }

// Methods with pointer receivers: only *Circle implements Shape.
func (c *Circle) Area() float64      { return 3 * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 6 * c.R }
func (c *Circle) Name() string       { return "circle" }

// Square gets Area and Perimeter from its embedded Rect, and has its own Name.
func (s Square) Name() string { return "square" }

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

func lookup(key string) error {
	if key == "x" {
		return nil
	}
	return &NotFound{key}
}

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int, int64:
		return "an integer"
	case string:
		return "the string " + v
	case NamedShape:
		return "a shape called " + v.Name()
	case error:
		return "an error: " + v.Error()
	default:
		return "something else"
	}
}

func main() {
	shapes := []NamedShape{Rect{3, 4}, &Circle{2}, Square{Rect{5, 5}}}
	total := 0.0
	for _, s := range shapes {
		println(s.Name(), int(s.Area()), int(s.Perimeter()))
		total += s.Area()
	}
	println("total area", int(total))

	// Assertions: to a concrete type, and to another interface.
	var s Shape = shapes[1]
	if c, ok := s.(*Circle); ok {
		println("a circle of radius", int(c.R))
	}
	if _, ok := s.(Rect); !ok {
		println("not a Rect")
	}
	n := s.(Named)
	println("named", n.Name())

	for _, x := range []interface{}{nil, 42, "go", Square{}, lookup("y"), 2.5} {
		println(describe(x))
	}

	// A nil *NotFound in an error is not a nil error.
	var nf *NotFound
	var err error = nf
	println(lookup("x") == nil, err == nil)

	// Interface values compare by dynamic type and value.
	var a, b interface{} = Rect{1, 2}, Rect{1, 2}
	var c interface{} = Square{Rect{1, 2}}
	println(a == b, a == c, a != nil)
}
