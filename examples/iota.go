package main

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const big = 1 << 100

func (d Weekday) Next() Weekday { return (d + 1) % 7 }

func main() {
	println(Sunday, Monday, Tuesday, Tuesday.Next())
	println(KB, MB, GB, big>>98)
	const f = 2.5
	var x float32 = f * 2
	println(x, f/2, 7/2, 7.0/2)
}
