// Closures and func values: functions as values, closures that capture variables by
// reference, generators, method values and method expressions.
package main

type Op func(int, int) int

func apply(op Op, a, b int) int { return op(a, b) }

func add(a, b int) int { return a + b }

// counter returns a closure over its own variable n.
func counter(start int) func() int {
	n := start
	return func() int {
		n++
		return n
	}
}

// fib returns a generator of Fibonacci numbers.
func fib() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return f(g(x)) }
}

func mapInts(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Account struct {
	owner   string
	balance int
}

func (a *Account) Deposit(n int) { a.balance += n }
func (a Account) Owner() string  { return a.owner }

func main() {
	println(apply(add, 2, 3), apply(func(a, b int) int { return a * b }, 4, 5))

	c1, c2 := counter(0), counter(100)
	println(c1(), c1(), c2(), c1())

	next := fib()
	for i := 0; i < 10; i++ {
		print(next(), " ")
	}
	println()

	double := func(x int) int { return 2 * x }
	inc := func(x int) int { return x + 1 }
	println(compose(double, inc)(5), compose(inc, double)(5))
	for _, v := range mapInts([]int{1, 2, 3}, double) {
		print(v, " ")
	}
	println()

	// A closure shares the variable: changes on either side are seen by both.
	x := 1
	get := func() int { return x }
	x = 2
	println(get())

	// Go 1.19: one loop variable for the whole loop.
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()

	// Method values bind their receiver when evaluated; method expressions take it first.
	acct := &Account{"ann", 10}
	deposit := acct.Deposit
	deposit(5)
	deposit(7)
	owner := acct.Owner
	acct.owner = "bob"
	println(acct.balance, owner())
	depositTo := (*Account).Deposit
	depositTo(acct, 100)
	println(acct.balance, Account.Owner(*acct))

	var nothing func()
	println(nothing == nil)
}
