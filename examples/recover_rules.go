// The rules of recover: it stops a panic only when called directly by a deferred function
// while a panic runs it. Each case panics and reports whether it was stopped, and where.
package main

type Saver struct{ name string }

// A value method reached through an interface or a pointer goes through a generated
// wrapper; recover still counts as called directly.
func (s Saver) Save() {
	if r := recover(); r != nil {
		println("  ", s.name, "recovered", r.(string))
	}
}

type Saving interface{ Save() }

func helper() interface{} { return recover() }

// run reports whether f's panic got out of f.
func run(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, ": escaped with", r.(string))
		} else {
			println(name, ": stopped inside")
		}
	}()
	f()
}

func main() {
	run("deferred closure", func() {
		defer func() { recover() }()
		panic("a")
	})
	run("recover in a helper called by the deferred function", func() {
		defer func() { helper() }()
		panic("b")
	})
	run("deferred recover() itself", func() {
		defer recover()
		panic("c")
	})
	run("defer recover() inside a deferred function", func() {
		defer func() {
			defer recover()
		}()
		panic("d")
	})
	run("deferred method", func() {
		defer Saver{"value"}.Save()
		panic("e")
	})
	run("deferred method through a pointer", func() {
		s := &Saver{"pointer"}
		defer s.Save()
		panic("f")
	})
	run("deferred method through an interface", func() {
		var i Saving = Saver{"interface"}
		defer i.Save()
		panic("g")
	})
	run("deferred method value", func() {
		m := Saver{"method value"}.Save
		defer m()
		panic("h")
	})
	run("second recover gets nil", func() {
		defer func() {
			first := recover()
			second := recover()
			println("  ", first.(string), second == nil)
		}()
		panic("i")
	})
	run("a panic recovered inside a deferred call", func() {
		defer func() {
			func() {
				defer func() { println("   inner got", recover().(string)) }()
				panic("inner")
			}()
			println("   outer still panicking:", recover().(string))
		}()
		panic("j")
	})
	run("no panic", func() {
		defer func() { println("   recover without a panic:", recover() == nil) }()
	})
}
