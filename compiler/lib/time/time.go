// Package time, as shipped with golift: durations, instants (Time) and the calendar,
// formatting, sleeping, timers and tickers.
//
// What is simplified: there is no time zone database. UTC is the only named zone, Local is
// UTC (its name is "Local", its zone prints as "UTC", as gc's Local on a machine set to
// UTC), and FixedZone makes zones at a fixed offset. Format and Parse support every layout
// element.
//
// A Time carries two readings, as in gc: the wall clock (a date, which can jump when the
// system clock is set) and, for times from Now, the monotonic clock (which never jumps).
// Comparing and subtracting two times that both have a monotonic reading uses it, so
// time.Since(start) measures elapsed time correctly even if the clock is changed meanwhile.
//
// Sleep and the timers are the runtime's: its scheduler keeps the timers in a heap and
// runs each one's function when due (runtime.go, sleep.go, tick.go).
package time

import "errors"

// A Time is an instant with nanosecond precision.
//
// sec and nsec are the wall clock: seconds since January 1, year 1, 00:00:00 UTC (the
// zero Time, so the zero value is that instant) and nanoseconds within the second. mono is
// the monotonic clock reading (nanoseconds since the process started), valid when hasMono.
// loc is where the time is shown: nil means UTC.
//
// Times should be compared with Equal rather than ==, which also compares the location and
// the monotonic reading.
type Time struct {
	sec     int64
	nsec    int32
	hasMono bool
	mono    int64
	loc     *Location
}

const (
	secondsPerMinute = 60
	secondsPerHour   = 60 * secondsPerMinute
	secondsPerDay    = 24 * secondsPerHour

	// unixToInternal is the Unix epoch, January 1, 1970, in seconds since January 1, year 1:
	// the days of the 1969 years before it (leap years every 4, except every 100, except
	// every 400) times the seconds in a day.
	unixToInternal int64 = (1969*365 + 1969/4 - 1969/100 + 1969/400) * secondsPerDay
	internalToUnix int64 = -unixToInternal
)

// A Location is a time zone. golift's have one fixed offset each (no daylight saving).
type Location struct {
	name   string // what String returns
	zone   string // the zone's abbreviation, as Format's "MST" prints it
	offset int    // seconds east of UTC
}

var utcLoc = Location{name: "UTC", zone: "UTC"}
var localLoc = Location{name: "Local", zone: "UTC"}

// UTC is Coordinated Universal Time.
var UTC *Location = &utcLoc

// Local is the system's local time zone; for golift, always UTC.
var Local *Location = &localLoc

// FixedZone returns a Location that always uses the zone name and offset (seconds east of
// UTC).
func FixedZone(name string, offset int) *Location {
	return &Location{name: name, zone: name, offset: offset}
}

// LoadLocation returns the Location with the given name. golift has no time zone
// database: it knows "" and "UTC" (UTC) and "Local" (Local); any other name is an error.
func LoadLocation(name string) (*Location, error) {
	switch name {
	case "", "UTC":
		return UTC, nil
	case "Local":
		return Local, nil
	}
	return nil, errors.New("unknown time zone " + name)
}

// String returns the name of the location ("UTC", "Local", or FixedZone's name).
func (l *Location) String() string {
	return l.get().name
}

// get turns the nil Location that a Time stores for UTC into UTC.
func (l *Location) get() *Location {
	if l == nil {
		return &utcLoc
	}
	return l
}

// ---- making Times ----

// startNano is the monotonic clock when the program started (less one, so that no reading
// is zero): Times show their monotonic reading relative to it ("m=+0.001").
var startNano int64 = runtimeNano() - 1

// Now returns the current local time, with a monotonic reading.
func Now() Time {
	wall := unixNano()
	mono := runtimeNano() - startNano
	sec := wall / 1e9
	nsec := wall % 1e9
	if nsec < 0 {
		sec--
		nsec += 1e9
	}
	return Time{sec: sec + unixToInternal, nsec: int32(nsec), hasMono: true, mono: mono, loc: Local}
}

// Unix returns the local Time sec seconds and nsec nanoseconds after January 1, 1970 UTC.
// nsec may be outside [0, 999999999].
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec: sec + unixToInternal, nsec: int32(nsec), loc: Local}
}

// UnixMilli returns the local Time msec milliseconds after January 1, 1970 UTC.
func UnixMilli(msec int64) Time {
	return Unix(msec/1e3, (msec%1e3)*1e6)
}

// UnixMicro returns the local Time usec microseconds after January 1, 1970 UTC.
func UnixMicro(usec int64) Time {
	return Unix(usec/1e6, (usec%1e6)*1e3)
}

// Date returns the Time of yyyy-mm-dd hh:mm:ss + nsec nanoseconds in loc. Values out of
// their usual ranges are carried over: October 32 is November 1, hour -1 is 23:00 the day
// before. Date panics if loc is nil.
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	// Carry each field into the next larger one, from the smallest up.
	m := int(month) - 1
	year, m = carry(year, m, 12)
	sec, nsec = carry(sec, nsec, 1e9)
	min, sec = carry(min, sec, 60)
	hour, min = carry(hour, min, 60)
	day, hour = carry(day, hour, 24)

	days := daysBeforeYear(int64(year)) + int64(daysBeforeMonth(Month(m+1), isLeap(int64(year)))) + int64(day-1)
	abs := days*secondsPerDay + int64(hour*secondsPerHour+min*secondsPerMinute+sec)
	t := Time{sec: abs - int64(loc.offset), nsec: int32(nsec)}
	t.setLoc(loc)
	return t
}

// carry moves whole multiples of base from lo into hi, leaving 0 <= lo < base.
func carry(hi, lo, base int) (int, int) {
	if lo < 0 {
		n := (-lo-1)/base + 1
		hi -= n
		lo += n * base
	}
	if lo >= base {
		n := lo / base
		hi += n
		lo -= n * base
	}
	return hi, lo
}

// setLoc stores loc, with UTC as nil so that the Times of UTC compare equal with ==.
func (t *Time) setLoc(loc *Location) {
	if loc == &utcLoc {
		loc = nil
	}
	t.loc = loc
}

// ---- the calendar ----

// isLeap reports whether year is a leap year in the Gregorian calendar.
func isLeap(year int64) bool {
	return year%4 == 0 && (year%100 != 0 || year%400 == 0)
}

// floorDiv divides rounding toward minus infinity (years before year 1 count backwards).
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// daysBeforeYear returns the number of days from January 1, year 1, to January 1 of year.
func daysBeforeYear(year int64) int64 {
	y := year - 1
	return y*365 + floorDiv(y, 4) - floorDiv(y, 100) + floorDiv(y, 400)
}

// daysBefore[m] is the number of days in a common year before month m+1.
var daysBefore = [...]int{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365}

// daysBeforeMonth returns the days of the year before the first of month m.
func daysBeforeMonth(m Month, leap bool) int {
	d := daysBefore[m-1]
	if leap && m > February {
		d++
	}
	return d
}

// The Gregorian calendar repeats every 400 years, which have this many days.
const (
	daysPer400Years = 400*365 + 97
	daysPer100Years = 100*365 + 24
	daysPer4Years   = 4*365 + 1
)

// civil converts days since January 1, year 1, into the year and the day of that year
// (0-based).
func civil(days int64) (year int64, yday int) {
	// Whole 400-year cycles first; then within the cycle, centuries, 4-year groups and years.
	// The last century of a cycle, and the last year of a 4-year group, are a day longer:
	// the day that would count as a fifth century (or year) is the leap day.
	n := floorDiv(days, daysPer400Years)
	year = 1 + 400*n
	d := days - n*daysPer400Years

	c := d / daysPer100Years
	if c == 4 {
		c = 3
	}
	d -= c * daysPer100Years
	q := d / daysPer4Years
	d -= q * daysPer4Years
	y := d / 365
	if y == 4 {
		y = 3
	}
	d -= y * 365
	return year + 100*c + 4*q + y, int(d)
}

// abs returns t's wall clock in its location: seconds since January 1, year 1, there.
func (t Time) abs() int64 {
	return t.sec + int64(t.loc.get().offset)
}

// date returns t's date in its location, with the 0-based day of the year.
func (t Time) date() (year int, month Month, day int, yday int) {
	y, yd := civil(floorDiv(t.abs(), secondsPerDay))
	year, yday = int(y), yd
	leap := isLeap(y)
	month = January
	for month < December && yday >= daysBeforeMonth(month+1, leap) {
		month++
	}
	day = yday - daysBeforeMonth(month, leap) + 1
	return year, month, day, yday
}

// clock returns the hour, minute and second of t's day in its location.
func (t Time) clock() (hour, min, sec int) {
	s := int(t.abs() - floorDiv(t.abs(), secondsPerDay)*secondsPerDay)
	return s / secondsPerHour, s % secondsPerHour / secondsPerMinute, s % secondsPerMinute
}

// Date returns the year, month and day in which t occurs.
func (t Time) Date() (year int, month Month, day int) {
	year, month, day, _ = t.date()
	return
}

// Year returns the year in which t occurs.
func (t Time) Year() int {
	y, _, _, _ := t.date()
	return y
}

// Month returns the month of the year in which t occurs.
func (t Time) Month() Month {
	_, m, _, _ := t.date()
	return m
}

// Day returns the day of the month in which t occurs.
func (t Time) Day() int {
	_, _, d, _ := t.date()
	return d
}

// YearDay returns the day of the year in which t occurs: 1 to 365, or 366 in leap years.
func (t Time) YearDay() int {
	_, _, _, yd := t.date()
	return yd + 1
}

// Weekday returns the day of the week of t. January 1, year 1, was a Monday.
func (t Time) Weekday() Weekday {
	days := floorDiv(t.abs(), secondsPerDay)
	return Weekday((days%7 + 7 + 1) % 7)
}

// ISOWeek returns the ISO 8601 year and week number in which t occurs. Weeks run from
// Monday to Sunday, and week 1 is the one with the year's first Thursday, so January 1
// may be in week 52 or 53 of the year before, and December 31 in week 1 of the next.
func (t Time) ISOWeek() (year, week int) {
	// A week belongs to the year of its Thursday: move to the Thursday of t's week.
	fromMonday := (int(t.Weekday()) + 6) % 7
	thursday := t.Add(Duration(3-fromMonday) * 24 * Hour)
	y, _, _, yday := thursday.date()
	return y, yday/7 + 1
}

// Clock returns the hour, minute and second within the day in which t occurs.
func (t Time) Clock() (hour, min, sec int) {
	return t.clock()
}

// Hour returns the hour within the day in which t occurs, in [0, 23].
func (t Time) Hour() int {
	h, _, _ := t.clock()
	return h
}

// Minute returns the minute offset within the hour, in [0, 59].
func (t Time) Minute() int {
	_, m, _ := t.clock()
	return m
}

// Second returns the second offset within the minute, in [0, 59].
func (t Time) Second() int {
	_, _, s := t.clock()
	return s
}

// Nanosecond returns the nanosecond offset within the second, in [0, 999999999].
func (t Time) Nanosecond() int {
	return int(t.nsec)
}

// ---- locations ----

// Location returns t's location.
func (t Time) Location() *Location {
	return t.loc.get()
}

// Zone returns the abbreviated name of t's time zone and its offset in seconds east of UTC.
func (t Time) Zone() (name string, offset int) {
	l := t.loc.get()
	return l.zone, l.offset
}

// UTC returns t with the location set to UTC.
func (t Time) UTC() Time {
	t.loc = nil
	return t
}

// Local returns t with the location set to local time.
func (t Time) Local() Time {
	t.loc = Local
	return t
}

// In returns t with the location set to loc (the same instant, shown there). In panics if
// loc is nil.
func (t Time) In(loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Time.In")
	}
	t.setLoc(loc)
	return t
}

// ---- Unix times ----

// IsZero reports whether t is the zero time, January 1, year 1, 00:00:00 UTC.
func (t Time) IsZero() bool {
	return t.sec == 0 && t.nsec == 0
}

// Unix returns t as a Unix time: seconds since January 1, 1970 UTC.
func (t Time) Unix() int64 {
	return t.sec + internalToUnix
}

// UnixMilli returns t as milliseconds since January 1, 1970 UTC.
func (t Time) UnixMilli() int64 {
	return t.Unix()*1e3 + int64(t.nsec)/1e6
}

// UnixMicro returns t as microseconds since January 1, 1970 UTC.
func (t Time) UnixMicro() int64 {
	return t.Unix()*1e6 + int64(t.nsec)/1e3
}

// UnixNano returns t as nanoseconds since January 1, 1970 UTC (meaningless beyond the
// years 1678 to 2262, which is what an int64 of nanoseconds holds).
func (t Time) UnixNano() int64 {
	return t.Unix()*1e9 + int64(t.nsec)
}

// ---- comparing and arithmetic ----

// After reports whether t is after u.
func (t Time) After(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono > u.mono
	}
	return t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec
}

// Before reports whether t is before u.
func (t Time) Before(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono < u.mono
	}
	return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec
}

// Equal reports whether t and u are the same instant, whatever their locations.
func (t Time) Equal(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono == u.mono
	}
	return t.sec == u.sec && t.nsec == u.nsec
}

// Add returns t+d. The monotonic reading moves by d too (and is dropped if it would
// overflow).
func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int32(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	t.sec += dsec
	t.nsec = nsec
	if t.hasMono {
		m := t.mono + int64(d)
		if d < 0 && m > t.mono || d > 0 && m < t.mono {
			t.hasMono = false
			t.mono = 0
		} else {
			t.mono = m
		}
	}
	return t
}

// Sub returns the duration t-u, using the monotonic readings if both have one. A result
// beyond what a Duration holds is the largest (or smallest) Duration.
func (t Time) Sub(u Time) Duration {
	if t.hasMono && u.hasMono {
		d := Duration(t.mono - u.mono)
		switch {
		case d < 0 && t.mono > u.mono:
			return maxDuration // overflowed
		case d > 0 && t.mono < u.mono:
			return minDuration
		}
		return d
	}
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	// The multiplication may have overflowed: check that u+d gets back to t.
	if u.Add(d).Equal(t) {
		return d
	}
	if t.Before(u) {
		return minDuration
	}
	return maxDuration
}

// Since returns the time elapsed since t: Now().Sub(t).
func Since(t Time) Duration {
	return Now().Sub(t)
}

// Until returns the duration until t: t.Sub(Now()).
func Until(t Time) Duration {
	return t.Sub(Now())
}

// AddDate returns t plus the given years, months and days, normalised as Date does:
// October 31 plus one month is December 1 (November 31 carried over).
func (t Time) AddDate(years int, months int, days int) Time {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	return Date(year+years, month+Month(months), day+days, hour, min, sec, int(t.nsec), t.Location())
}

// Truncate returns t rounded down to a multiple of d since the zero time (d <= 0: t
// unchanged), without its monotonic reading. Round does the same to the nearest multiple,
// halfway rounding up. t.Round(0) is the usual way to drop the monotonic reading.
func (t Time) Truncate(d Duration) Time {
	t.hasMono, t.mono = false, 0
	if d <= 0 {
		return t
	}
	return t.Add(-t.sinceZeroMod(d))
}

// Round returns t rounded to the nearest multiple of d since the zero time; see Truncate.
func (t Time) Round(d Duration) Time {
	t.hasMono, t.mono = false, 0
	if d <= 0 {
		return t
	}
	r := t.sinceZeroMod(d)
	if closerToZero(r, d) {
		return t.Add(-r)
	}
	return t.Add(d - r)
}

// sinceZeroMod returns the time since the zero time modulo d (d > 0), in [0, d). The time
// since the zero time, sec*1e9 + nsec nanoseconds, can exceed 64 bits, so it is reduced
// piece by piece: (sec mod d) * (1e9 mod d) + nsec, each product taken modulo d.
func (t Time) sinceZeroMod(d Duration) Duration {
	m := uint64(d)
	s := t.sec % int64(m)
	if s < 0 {
		s += int64(m)
	}
	r := mulMod(uint64(s), 1e9%m, m)
	r = (r + uint64(t.nsec)%m) % m
	return Duration(r)
}

// mulMod returns a*b mod m for a, b < m < 1<<63, by doubling and adding: every
// intermediate value is below 2m, which fits in a uint64.
func mulMod(a, b, m uint64) uint64 {
	r := uint64(0)
	for b > 0 {
		if b&1 != 0 {
			r = (r + a) % m
		}
		a = (a + a) % m
		b >>= 1
	}
	return r
}
