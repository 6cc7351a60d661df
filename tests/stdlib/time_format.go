// time.Time without the clock: dates, the calendar, Unix times, arithmetic, comparisons and
// Format, compared with Go (every Time here is made from fixed numbers, in UTC or a fixed
// zone).
package main

import (
	"fmt"
	"time"
)

var seed uint64 = 2463534242

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

var layouts = []string{
	time.Layout, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z,
	time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen,
	time.Stamp, time.StampMilli, time.StampMicro, time.StampNano,
	"2006-01-02 15:04:05", "2006-01-02", "15:04:05.000", "Jan _2 2006 __2 002",
	"Monday January 2 3:4:5 pm PM", "06 1 2 3 4 5 .9 .99 ,000 ,999999", "Janet Month Mondays",
	"-07 -0700 -07:00 -070000 -07:00:00 Z07 Z0700 Z07:00 Z070000 Z07:00:00 MST",
	"_2006 __2006 2006_2 15:04:05.0000000000 .999999999999 05.9 05.90", "literal only", "",
}

func show(t time.Time) {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	zone, off := t.Zone()
	fmt.Println(t, "|", y, m, d, h, mi, s, t.Nanosecond(), t.YearDay(), t.Weekday(), zone, off, t.Location(), t.IsZero())
	fmt.Println("  ", t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Unix(), t.UnixMilli(), t.UnixMicro(), t.UnixNano())
}

func main() {
	var zero time.Time
	show(zero)
	show(time.Date(2009, time.November, 10, 23, 0, 0, 0, time.UTC))
	show(time.Date(2000, 2, 29, 12, 30, 45, 500, time.UTC))
	show(time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC))
	show(time.Date(1969, 12, 31, 23, 59, 59, 999999999, time.UTC))
	show(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC))
	show(time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC))
	show(time.Date(-1, 3, 1, 0, 0, 0, 0, time.UTC))
	show(time.Date(-400, 1, 1, 0, 0, 0, 0, time.UTC))
	show(time.Date(1600, 12, 31, 0, 0, 0, 0, time.UTC))
	show(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC))
	show(time.Date(2100, 12, 31, 23, 59, 59, 0, time.UTC))
	show(time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC))
	show(time.Date(12345, 6, 7, 8, 9, 10, 11, time.UTC))
	// Normalisation: values out of range carry over.
	show(time.Date(2021, 14, 35, 25, 61, 61, 1e9+5, time.UTC))
	show(time.Date(2021, 0, 0, -1, -1, -1, -1, time.UTC))
	show(time.Date(2021, -25, 400, 0, 0, 0, 0, time.UTC))
	show(time.Date(2020, 10, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0))
	show(time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC).AddDate(1, 0, 0))
	show(time.Date(2020, 1, 31, 6, 0, 0, 0, time.UTC).AddDate(-3, 13, -40))
	// Fixed zones.
	cet := time.FixedZone("CET", 3600)
	ist := time.FixedZone("IST", 5*3600+30*60)
	odd := time.FixedZone("", -(3*3600 + 25*60 + 17))
	for _, loc := range []*time.Location{cet, ist, odd, time.UTC} {
		t := time.Date(2022, 1, 1, 0, 30, 0, 0, loc)
		show(t)
		show(t.UTC())
		fmt.Println(loc, t.Equal(t.UTC()), t == t.UTC(), t.In(time.UTC) == t.UTC())
	}
	show(time.Date(2022, 6, 15, 12, 0, 0, 0, time.UTC).In(ist))

	// Unix times.
	for _, s := range []int64{0, 1, -1, 1136239445, 1257894000, 1e10, -1e10, 253402300799, -62135596800} {
		show(time.Unix(s, 0).UTC())
	}
	show(time.Unix(5, -1).UTC())
	show(time.Unix(5, 3e9+7).UTC())
	show(time.Unix(-5, -3e9-7).UTC())
	show(time.UnixMilli(-1).UTC())
	show(time.UnixMilli(1668700000123).UTC())
	show(time.UnixMicro(-1234567).UTC())
	show(time.UnixMicro(1668700000123456).UTC())

	// Formats.
	ref := time.Date(2006, 1, 2, 15, 4, 5, 0, time.FixedZone("MST", -7*3600))
	times := []time.Time{ref, time.Date(2009, 11, 10, 23, 0, 0, 0, time.UTC),
		time.Date(2024, 12, 25, 0, 7, 9, 120000000, time.UTC),
		time.Date(1999, 7, 4, 12, 0, 0, 5, ist), time.Date(-44, 3, 15, 9, 8, 7, 6, odd),
		time.Date(10000, 1, 9, 1, 2, 3, 400500600, cet)}
	for _, t := range times {
		for _, l := range layouts {
			fmt.Printf("%q\n", t.Format(l))
		}
		fmt.Println(string(t.AppendFormat([]byte("at "), time.Kitchen)))
	}

	// Comparisons and arithmetic.
	a := time.Date(2022, 3, 27, 1, 59, 59, 999999999, time.UTC)
	b := a.Add(time.Nanosecond)
	fmt.Println(b, b.Sub(a), a.Sub(b), a.Before(b), a.After(b), b.After(a), a.Equal(a.In(cet)))
	fmt.Println(a.Add(-36*time.Hour), a.Add(1<<63-1), a.Add(-1<<63))
	far := time.Date(2500, 1, 1, 0, 0, 0, 0, time.UTC)
	past := time.Date(1500, 1, 1, 0, 0, 0, 0, time.UTC)
	fmt.Println(far.Sub(past), past.Sub(far), far.Sub(far), zero.Sub(far))
	for _, d := range []time.Duration{0, -1, 1, time.Microsecond, time.Second, 7 * time.Second, time.Minute, time.Hour, 24 * time.Hour, 1234567891, 1<<63 - 1} {
		fmt.Println(d, b.Truncate(d), b.Round(d), a.Truncate(d), a.Round(d), time.Date(-5, 1, 1, 0, 0, 0, 3, time.UTC).Truncate(d))
	}

	// Random dates, through Unix time and back.
	for i := 0; i < 200; i++ {
		sec := int64(next()%(400*366*86400)) - 200*366*86400 + 1e9
		nsec := int64(next() % 1e9)
		t := time.Unix(sec, nsec).UTC()
		y, m, d := t.Date()
		back := time.Date(y, m, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
		iy, iw := t.ISOWeek()
		fmt.Println(t.Format(time.RFC3339Nano), t.Format("Mon __2 pm"), t.Weekday(), back.Equal(t), back.Sub(t), iy, iw)
		d2 := time.Duration(next() >> (next()%30 + 1))
		fmt.Println(t.Truncate(d2).Format(time.RFC3339Nano), t.Round(d2).Format(time.RFC3339Nano))
	}

	// Names.
	for m := time.Month(-1); m <= 13; m++ {
		fmt.Print(m, " ")
	}
	fmt.Println()
	for d := time.Weekday(-1); d <= 7; d++ {
		fmt.Print(d, " ")
	}
	fmt.Println()
	fmt.Println(time.UTC, time.Local, time.FixedZone("X", 60))
	fmt.Printf("%#v\n%#v\n%#v\n%#v\n", zero, time.Date(2009, 11, 10, 23, 4, 5, 6, time.UTC),
		time.Unix(1e9, 0).Local(), time.Date(-7, 2, 3, 4, 5, 6, 7, time.FixedZone("A\"B", 3600)))
	fmt.Printf("%v %d %#v %s\n", time.March, time.March, time.March, time.Saturday)
	for _, name := range []string{"", "UTC", "Local", "Nowhere/Zone"} {
		loc, err := time.LoadLocation(name)
		fmt.Println(loc, err)
	}
	for y := 2000; y < 2030; y++ {
		for _, md := range [][2]int{{1, 1}, {1, 2}, {1, 3}, {1, 4}, {12, 28}, {12, 29}, {12, 30}, {12, 31}} {
			iy, iw := time.Date(y, time.Month(md[0]), md[1], 12, 0, 0, 0, time.UTC).ISOWeek()
			fmt.Print(iy, "-", iw, " ")
		}
		fmt.Println()
	}

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		time.Date(2000, 1, 1, 0, 0, 0, 0, nil)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		zero.In(nil)
	}()
}
