// defer, panic and recover: deferred calls run last-in first-out when a function returns or
// panics; a deferred closure can change named results and stop a panic with recover.
package main

func order() {
	for i := 1; i <= 3; i++ {
		defer println("deferred", i)
	}
	println("returning")
}

// Arguments of a deferred call are evaluated when the defer statement runs.
func evaluated() {
	x := 1
	defer println("x was", x)
	x = 2
	println("x is", x)
}

// safeDivide turns a run-time panic into an error result.
func safeDivide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	return a / b, nil
}

// A deferred closure can change the named results after return set them.
func double() (n int) {
	defer func() { n *= 2 }()
	return 21
}

type MyErr struct{ code int }

func (e MyErr) Error() string { return "my error" }

func classify(f func()) (what string) {
	defer func() {
		switch r := recover().(type) {
		case nil:
			what = "no panic"
		case MyErr:
			what = "MyErr " + r.Error()
		case error:
			what = "runtime error: " + r.Error()
		case string:
			what = "string: " + r
		default:
			what = "something else"
		}
	}()
	f()
	return "unreachable"
}

func main() {
	order()
	evaluated()
	println(safeDivide(10, 2))
	q, err := safeDivide(1, 0)
	println(q, err.Error())
	println(double())
	println(classify(func() {}))
	println(classify(func() { panic(MyErr{7}) }))
	println(classify(func() { panic("boom") }))
	println(classify(func() { panic(3.5) }))
	println(classify(func() {
		var s []int
		_ = s[3]
	}))
	println(classify(func() {
		var m map[string]int
		m["x"] = 1
	}))
	println(classify(func() {
		var p *MyErr
		_ = p.code
	}))
	println(classify(func() {
		var i interface{} = "str"
		_ = i.(int)
	}))
	// recover only stops a panic when called by the deferred function itself.
	println(classify(func() {
		defer func() { helper() }()
		panic("not stopped by helper")
	}))
}

func helper() {
	if recover() != nil {
		println("helper recovered (it should not)")
	}
}
