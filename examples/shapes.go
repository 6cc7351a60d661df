// A shape hierarchy: an interface, several implementations with value and pointer
// receivers, a Stringer, sorting by area and a formatted report.
package main

import (
	"fmt"
	"math"
	"sort"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Circle struct{ R float64 }
type Rect struct{ W, H float64 }
type Triangle struct{ A, B, C float64 }
type Square struct{ Rect }

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c Circle) String() string     { return fmt.Sprintf("Circle(r=%g)", c.R) }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

func (t *Triangle) Area() float64 {
	s := t.Perimeter() / 2
	return math.Sqrt(s * (s - t.A) * (s - t.B) * (s - t.C))
}
func (t *Triangle) Perimeter() float64 { return t.A + t.B + t.C }

func NewSquare(side float64) Square { return Square{Rect{side, side}} }

func describe(s Shape) string {
	switch v := s.(type) {
	case Circle:
		return v.String()
	case Square:
		return fmt.Sprintf("Square(%g)", v.W)
	case Rect:
		return fmt.Sprintf("Rect(%gx%g)", v.W, v.H)
	case *Triangle:
		return fmt.Sprintf("Triangle(%g, %g, %g)", v.A, v.B, v.C)
	}
	return fmt.Sprintf("%T", s)
}

func main() {
	shapes := []Shape{
		Circle{1.5},
		Rect{3, 4.5},
		&Triangle{3, 4, 5},
		NewSquare(2.5),
		Circle{0.5},
		&Triangle{7, 8, 9},
	}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	fmt.Printf("%-22s %10s %10s\n", "shape", "area", "perimeter")
	total := 0.0
	for _, s := range shapes {
		fmt.Printf("%-22s %10.3f %10.3f\n", describe(s), s.Area(), s.Perimeter())
		total += s.Area()
	}
	fmt.Printf("%-22s %10.3f\n", "total", total)
	fmt.Println(shapes[0], math.Round(total*100)/100, math.Floor(total), math.Ceil(total))
	fmt.Printf("%v %.4e %g\n", math.Hypot(3, 4), math.Pi, math.Sqrt(2))
}
