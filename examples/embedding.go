// Struct embedding: promoted fields and methods, through values and pointers, several
// levels deep; interfaces satisfied through promoted methods; shadowing.
package main

type Logger interface {
	Log(msg string)
}

type Prefix struct{ tag string }

func (p Prefix) Log(msg string) { println(p.tag + ": " + msg) }

type Counter struct{ n int }

func (c *Counter) Inc()      { c.n++ }
func (c Counter) Count() int { return c.n }

// Service embeds a value and an interface: their methods are promoted.
type Service struct {
	Counter
	Logger
	name string
}

// Handle calls promoted methods as if they were Service's own.
func (s *Service) Handle() {
	s.Inc()
	s.Log(s.name + " handled request")
}

type Animal struct{ name string }

func (a Animal) Speak() string { return a.name + " makes a sound" }
func (a Animal) Name() string  { return a.name }

type Dog struct{ Animal }

// Dog's Speak shadows Animal's; Name is still promoted.
func (d Dog) Speak() string { return d.name + " barks" }

type Puppy struct{ *Dog }

type Speaker interface{ Speak() string }

func main() {
	s := &Service{Logger: Prefix{"svc"}, name: "api"}
	s.Handle()
	s.Handle()
	println(s.Count(), s.n, s.Counter.n)

	var l Logger = s // *Service implements Logger through its embedded Logger
	l.Log("logging through the interface")

	d := Dog{Animal{"rex"}}
	println(d.Speak())
	println(d.Animal.Speak())
	println(d.Name())

	p := Puppy{&d}
	p.name = "tiny" // through the embedded pointer: changes d
	println(d.name, p.Speak())

	for _, sp := range []Speaker{d, p, d.Animal} {
		println(sp.Speak())
	}

	// An anonymous struct with an embedded field.
	pt := struct {
		Animal
		age int
	}{Animal{"cat"}, 3}
	println(pt.Name(), pt.age)
}
