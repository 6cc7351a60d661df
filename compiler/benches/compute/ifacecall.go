// Interface method calls (100 million, through a slice of three shapes): dynamic dispatch
// through the itab, as in any program built on interfaces.
package main

type Shape interface {
	Area() int
	Scale(k int) Shape
}

type Rect struct{ w, h int }
type Square struct{ s int }
type Tri struct{ b, h int }

func (r Rect) Area() int          { return r.w * r.h }
func (r Rect) Scale(k int) Shape  { return Rect{r.w * k, r.h * k} }
func (s Square) Area() int        { return s.s * s.s }
func (s Square) Scale(k int) Shape { return Square{s.s * k} }
func (t Tri) Area() int           { return t.b * t.h / 2 }
func (t Tri) Scale(k int) Shape   { return Tri{t.b * k, t.h * k} }

func main() {
	shapes := []Shape{Rect{3, 4}, Square{5}, Tri{6, 7}}
	total := 0
	for i := 0; i < 100000000; i++ {
		s := shapes[i%3]
		total += s.Area()
		if i%1000 == 0 {
			total += s.Scale(2).Area()
		}
	}
	println(total)
}
