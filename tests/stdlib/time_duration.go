// time.Duration: printing, units, rounding, and ParseDuration, compared with Go on fixed
// and pseudo-random values.
package main

import (
	"fmt"
	"time"
)

var seed uint64 = 88172645463325252

// next is a xorshift generator, so that the values are the same for every run.
func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func main() {
	fixed := []time.Duration{
		0, 1, -1, 999, 1000, 1001, 1500, -1500, 999999, 1000000, 1234567, 999999999,
		time.Second, -time.Second, 1500 * time.Millisecond, time.Minute, 61 * time.Second,
		time.Hour, 90 * time.Minute, 25*time.Hour + 3*time.Second + 7, 100 * time.Hour,
		-3*time.Hour - time.Nanosecond, 1<<63 - 1, -1 << 63, -1<<63 + 1,
	}
	for _, d := range fixed {
		fmt.Println(d, int64(d), d.Nanoseconds(), d.Microseconds(), d.Milliseconds(),
			d.Seconds(), d.Minutes(), d.Hours(), d.Abs())
	}
	fmt.Printf("%v %s %d %q\n", time.Millisecond, 2*time.Second, time.Microsecond, 3*time.Minute)

	// Rounding.
	ms := []time.Duration{0, -5, 1, 7, 10, time.Microsecond, time.Millisecond, time.Second, time.Hour, 3 * time.Hour, 1 << 62}
	ds := []time.Duration{0, 1, 5, 15, -15, 1234567, 2500 * time.Millisecond, -2500 * time.Millisecond,
		time.Hour + 30*time.Minute, 1<<63 - 1, -1 << 63, 1<<62 + 1<<61}
	for _, d := range ds {
		for _, m := range ms {
			fmt.Println(d, m, d.Round(m), d.Truncate(m))
		}
	}

	// Random durations of every size.
	for i := 0; i < 300; i++ {
		d := time.Duration(next() >> (next() % 64))
		if i%2 == 1 {
			d = -d
		}
		m := time.Duration(next() >> (next()%40 + 24))
		fmt.Println(d, d.Seconds(), d.Hours(), d.Round(m), d.Truncate(m))
		back, err := time.ParseDuration(d.String())
		if err != nil || back != d {
			fmt.Println("round trip", d, back, err)
		}
	}

	// ParseDuration.
	inputs := []string{
		"0", "+0", "-0", "", "5s", "30s", "1478s", "-5s", "+5s", "-0s", "+0s",
		"5.0s", "5.6s", "5.s", ".5s", "1.004s", "1.0040s", "100.00100s",
		"10ns", "11us", "12µs", "12μs", "13ms", "14s", "15m", "16h",
		"3h30m", "10.5s4m", "-2m3.4s", "1h2m3s4ms5us6ns", "39h9m14.425s",
		"52763797000ns", "0.3333333333333333333h", "9007199254740993ns",
		"9223372036854775807ns", "9223372036854775.807us", "9223372036s854ms775us807ns",
		"-9223372036854775808ns", "-9223372036854775.808us", "-9223372036s854ms775us808ns",
		"0.100000000000000000000h", "0.830103483285477580700h",
		"3", "-", "s", ".", "-.", ".s", "+.s", "1d", "1.5x", "3000000h", "9223372036854775808ns",
		"9223372036854775.808us", "9223372036854ms775us808ns", "-9223372036854775809ns",
		"1h\x00", "1\xffs", "2\"s", "1é", "10ms5", "1.2.3s",
	}
	for _, s := range inputs {
		d, err := time.ParseDuration(s)
		fmt.Printf("%q: %v %d %v\n", s, d, int64(d), err)
	}
}
