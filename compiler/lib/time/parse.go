// Parse: reading a Time written according to a layout (the reverse of Format).
package time

// ParseError describes a problem parsing a time string: the layout and the value, and
// the layout element and the rest of the value where reading stopped (or a Message).
type ParseError struct {
	Layout     string
	Value      string
	LayoutElem string
	ValueElem  string
	Message    string
}

// Error returns the message: `parsing time "value" as "layout": cannot parse "rest" as
// "element"`, or `parsing time "value"` followed by the Message.
func (e *ParseError) Error() string {
	if e.Message == "" {
		return "parsing time " + quote(e.Value) + " as " + quote(e.Layout) +
			": cannot parse " + quote(e.ValueElem) + " as " + quote(e.LayoutElem)
	}
	return "parsing time " + quote(e.Value) + e.Message
}

// Parse parses value, written as layout says (see Format), and returns the time it
// represents.
//
//   - Elements missing from the layout are zero, or one where zero is impossible: parsing
//     "3:04pm" gives 15:04 on January 1 of year 0.
//   - A fraction of a second may follow the seconds even if the layout has none.
//   - A two-digit year NN is 19NN from 69 on, else 20NN; a four-digit year is 0000..9999.
//   - The weekday is checked for spelling only.
//   - Without a zone in the value, the time is UTC. A numeric offset that is Local's (here
//     +0000, since Local is UTC) gives a Local time; another gives a fixed zone with that
//     offset. A zone name that Local does not know gives a fixed zone of that name and
//     offset zero (so the time prints back as it was written, though it is not that
//     instant), "UTC" gives UTC.
func Parse(layout, value string) (Time, error) {
	return parse(layout, value, UTC, Local)
}

// ParseInLocation is like Parse, but a time without a zone is taken to be in loc, and a
// zone offset or name is matched against loc instead of Local.
func ParseInLocation(layout, value string, loc *Location) (Time, error) {
	return parse(layout, value, loc, loc)
}

// The fields read so far; -1 where a field has not been seen.
type parsed struct {
	year, month, day, yday int
	hour, min, sec, nsec   int
	pm, am                 bool   // PM or AM was read
	utc                    bool   // Z or UTC was read
	offset                 int    // the numeric zone offset read, if hasOffset
	hasOffset              bool   // a numeric zone was read
	zoneName               string // the zone abbreviation read, if any
}

func parse(layout, value string, defaultLoc, local *Location) (Time, error) {
	fullLayout, fullValue := layout, value
	p := parsed{month: -1, day: -1, yday: -1}
	for {
		literal, e, rest := nextElement(layout)
		elemText := layout[len(literal) : len(layout)-len(rest)]
		var ok bool
		value, ok = skipLiteral(value, literal)
		if !ok {
			return Time{}, &ParseError{fullLayout, fullValue, literal, value, ""}
		}
		if e.kind == 0 {
			if value != "" {
				return Time{}, &ParseError{fullLayout, fullValue, "", value, ": extra text: " + quote(value)}
			}
			break
		}
		layout = rest
		var outOfRange string
		value, outOfRange, ok = p.read(e, value, layout)
		if outOfRange != "" {
			return Time{}, &ParseError{fullLayout, fullValue, elemText, value, ": " + outOfRange + " out of range"}
		}
		if !ok {
			return Time{}, &ParseError{fullLayout, fullValue, elemText, value, ""}
		}
	}
	if p.pm && p.hour < 12 {
		p.hour += 12
	} else if p.am && p.hour == 12 {
		p.hour = 0
	}

	// A day of the year gives the month and day (and must agree with them, if read).
	if p.yday >= 0 {
		m, d, msg := monthDayOfYear(p.yday, p.year)
		if msg == "" && p.month >= 0 && p.month != m {
			msg = "day-of-year does not match month"
		}
		if msg == "" && p.day >= 0 && p.day != d {
			msg = "day-of-year does not match day"
		}
		if msg != "" {
			return Time{}, &ParseError{fullLayout, fullValue, "", value, ": " + msg}
		}
		p.month, p.day = m, d
	} else {
		if p.month < 0 {
			p.month = int(January)
		}
		if p.day < 0 {
			p.day = 1
		}
	}
	if p.day < 1 || p.day > daysIn(Month(p.month), p.year) {
		return Time{}, &ParseError{fullLayout, fullValue, "", value, ": day out of range"}
	}

	date := func(loc *Location) Time {
		return Date(p.year, Month(p.month), p.day, p.hour, p.min, p.sec, p.nsec, loc)
	}
	switch {
	case p.utc:
		return date(UTC), nil
	case p.hasOffset:
		// The clock read was at that offset: the instant is that much earlier in UTC.
		t := date(UTC)
		t.sec -= int64(p.offset)
		if local.offset == p.offset && (p.zoneName == "" || p.zoneName == local.zone) {
			t.setLoc(local)
		} else {
			t.setLoc(FixedZone(p.zoneName, p.offset))
		}
		return t, nil
	case p.zoneName != "":
		t := date(UTC)
		if p.zoneName == local.zone {
			t.sec -= int64(local.offset)
			t.setLoc(local)
			return t, nil
		}
		// An unknown name: a zone of that name, offset zero, except that "GMT+3" says its
		// offset (the clock read is kept as it is, as gc does).
		offset := 0
		if len(p.zoneName) > 3 && p.zoneName[:3] == "GMT" {
			n, _ := atoi(p.zoneName[3:])
			offset = n * 3600
		}
		t.setLoc(FixedZone(p.zoneName, offset))
		return t, nil
	}
	return date(defaultLoc), nil
}

// read reads element e at the start of value into p. It returns the rest of the value,
// the name of a field whose value is out of range (or ""), and false if the value does not
// fit the element. layout is the rest of the layout (to see whether a fraction follows).
func (p *parsed) read(e element, value, layout string) (string, string, bool) {
	var ok bool
	switch e.kind {
	case elemYear:
		if len(value) < 2 {
			return value, "", false
		}
		y, ok := atoi(value[:2])
		if !ok {
			return value, "", false
		}
		if y >= 69 {
			p.year = 1900 + y
		} else {
			p.year = 2000 + y
		}
		return value[2:], "", true
	case elemLongYear:
		if len(value) < 4 || !isDigit(value[0]) {
			return value, "", false
		}
		p.year, ok = atoi(value[:4])
		return value[4:], "", ok
	case elemMonth, elemLongMonth:
		var m int
		m, value, ok = lookupName(value, e.kind == elemLongMonth, longMonthNames[:])
		p.month = m + 1
		return value, "", ok
	case elemNumMonth, elemZeroMonth:
		p.month, value, ok = twoDigits(value, e.kind == elemZeroMonth)
		if ok && (p.month <= 0 || p.month > 12) {
			return value, "month", ok
		}
		return value, "", ok
	case elemWeekDay, elemLongWeekDay:
		_, value, ok = lookupName(value, e.kind == elemLongWeekDay, longDayNames[:])
		return value, "", ok
	case elemDay, elemUnderDay, elemZeroDay:
		if e.kind == elemUnderDay && value != "" && value[0] == ' ' {
			value = value[1:]
		}
		// Any one- or two-digit day: checked against the month at the end.
		p.day, value, ok = twoDigits(value, e.kind == elemZeroDay)
		return value, "", ok
	case elemUnderYearDay, elemZeroYearDay:
		for i := 0; i < 2 && e.kind == elemUnderYearDay && value != "" && value[0] == ' '; i++ {
			value = value[1:]
		}
		p.yday, value, ok = threeDigits(value, e.kind == elemZeroYearDay)
		return value, "", ok
	case elemHour:
		p.hour, value, ok = twoDigits(value, false)
		if p.hour >= 24 {
			return value, "hour", ok
		}
		return value, "", ok
	case elemHour12, elemZeroHour12:
		p.hour, value, ok = twoDigits(value, e.kind == elemZeroHour12)
		if p.hour > 12 {
			return value, "hour", ok
		}
		return value, "", ok
	case elemMinute, elemZeroMinute:
		p.min, value, ok = twoDigits(value, e.kind == elemZeroMinute)
		if p.min >= 60 {
			return value, "minute", ok
		}
		return value, "", ok
	case elemSecond, elemZeroSecond:
		p.sec, value, ok = twoDigits(value, e.kind == elemZeroSecond)
		if p.sec >= 60 {
			return value, "second", ok
		}
		// A fraction in the value that the layout does not ask for is read here.
		if len(value) >= 2 && isSeparator(value[0]) && isDigit(value[1]) {
			_, next, _ := nextElement(layout)
			if next.kind == elemFrac0 || next.kind == elemFrac9 {
				return value, "", ok
			}
			n := 2
			for n < len(value) && isDigit(value[n]) {
				n++
			}
			var outOfRange string
			p.nsec, outOfRange, ok = readNanoseconds(value, n)
			return value[n:], outOfRange, ok
		}
		return value, "", ok
	case elemPM, elempm:
		if len(value) < 2 {
			return value, "", false
		}
		am, pm := "AM", "PM"
		if e.kind == elempm {
			am, pm = "am", "pm"
		}
		switch value[:2] {
		case pm:
			p.pm = true
		case am:
			p.am = true
		default:
			return value[2:], "", false
		}
		return value[2:], "", true
	case elemTZ:
		if len(value) >= 3 && value[:3] == "UTC" {
			p.utc = true
			return value[3:], "", true
		}
		n := zoneNameLength(value)
		if n == 0 {
			return value, "", false
		}
		p.zoneName = value[:n]
		return value[n:], "", true
	case elemFrac0:
		n := 1 + e.digits // the separator and exactly the layout's digits
		if len(value) < n {
			return value, "", false
		}
		var outOfRange string
		p.nsec, outOfRange, ok = readNanoseconds(value, n)
		return value[n:], outOfRange, ok
	case elemFrac9:
		if len(value) < 2 || !isSeparator(value[0]) || !isDigit(value[1]) {
			return value, "", true // no fraction: allowed
		}
		n := 1
		for n < 10 && n < len(value) && isDigit(value[n]) {
			n++
		}
		var outOfRange string
		p.nsec, outOfRange, ok = readNanoseconds(value, n)
		return value[n:], outOfRange, ok
	}
	// A numeric zone.
	return p.readOffset(e.kind, value)
}

// readOffset reads a numeric zone element (Z0700, -07:00, ...).
func (p *parsed) readOffset(kind int, value string) (string, string, bool) {
	iso := kind == elemISO8601TZ || kind == elemISO8601Short || kind == elemISO8601Colon
	if iso && value != "" && value[0] == 'Z' {
		p.utc = true
		return value[1:], "", true
	}
	// The text of the sign, hours, minutes and seconds, by the element's shape.
	var sign, hh, mm, ss string
	switch kind {
	case elemISO8601Colon, elemNumColonTZ: // -07:00
		if len(value) < 6 || value[3] != ':' {
			return value, "", false
		}
		sign, hh, mm, ss, value = value[:1], value[1:3], value[4:6], "00", value[6:]
	case elemISO8601Short, elemNumShortTZ: // -07
		if len(value) < 3 {
			return value, "", false
		}
		sign, hh, mm, ss, value = value[:1], value[1:3], "00", "00", value[3:]
	case elemISO8601ColSec, elemNumColSecTZ: // -07:00:00
		if len(value) < 9 || value[3] != ':' || value[6] != ':' {
			return value, "", false
		}
		sign, hh, mm, ss, value = value[:1], value[1:3], value[4:6], value[7:9], value[9:]
	case elemISO8601SecTZ, elemNumSecTZ: // -070000
		if len(value) < 7 {
			return value, "", false
		}
		sign, hh, mm, ss, value = value[:1], value[1:3], value[3:5], value[5:7], value[7:]
	default: // -0700
		if len(value) < 5 {
			return value, "", false
		}
		sign, hh, mm, ss, value = value[:1], value[1:3], value[3:5], "00", value[5:]
	}
	h, ok1 := atoi(hh)
	m, ok2 := atoi(mm)
	s, ok3 := atoi(ss)
	p.offset = (h*60+m)*60 + s
	p.hasOffset = true
	switch sign {
	case "+":
	case "-":
		p.offset = -p.offset
	default:
		return value, "", false
	}
	return value, "", ok1 && ok2 && ok3
}

// skipLiteral removes the literal text of the layout from the start of value; a run of
// spaces in the layout matches a run of spaces (possibly empty, if the layout's run is
// followed by more text) in the value.
func skipLiteral(value, literal string) (string, bool) {
	for literal != "" {
		if literal[0] == ' ' {
			if value != "" && value[0] != ' ' {
				return value, false
			}
			literal = trimSpaces(literal)
			value = trimSpaces(value)
			continue
		}
		if value == "" || value[0] != literal[0] {
			return value, false
		}
		literal = literal[1:]
		value = value[1:]
	}
	return value, true
}

func trimSpaces(s string) string {
	for s != "" && s[0] == ' ' {
		s = s[1:]
	}
	return s
}

func isSeparator(c byte) bool { return c == '.' || c == ',' }

// twoDigits reads one or two digits (exactly two if fixed).
func twoDigits(s string, fixed bool) (int, string, bool) {
	if s == "" || !isDigit(s[0]) {
		return 0, s, false
	}
	if len(s) < 2 || !isDigit(s[1]) {
		if fixed {
			return 0, s, false
		}
		return int(s[0] - '0'), s[1:], true
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), s[2:], true
}

// threeDigits reads one to three digits (exactly three if fixed).
func threeDigits(s string, fixed bool) (int, string, bool) {
	n, i := 0, 0
	for i < 3 && i < len(s) && isDigit(s[i]) {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 0 || fixed && i != 3 {
		return 0, s, false
	}
	return n, s[i:], true
}

// atoi reads a whole string as a decimal integer with an optional sign.
func atoi(s string) (int, bool) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	v, n, ok := leadingDigits(s)
	if !ok || n != len(s) || v > 1<<63-1 {
		return 0, false
	}
	if neg {
		return -int(v), true
	}
	return int(v), true
}

// readNanoseconds reads the separator and digits in value[:n] as a fraction of a second
// (digits beyond the ninth are ignored).
func readNanoseconds(value string, n int) (int, string, bool) {
	if !isSeparator(value[0]) {
		return 0, "", false
	}
	if n > 10 {
		n = 10
	}
	ns, ok := atoi(value[1:n])
	if !ok {
		return 0, "", false
	}
	if ns < 0 {
		return 0, "fractional second", true
	}
	for i := n; i < 10; i++ {
		ns *= 10
	}
	return ns, "", true
}

// lookupName matches the start of value, ignoring ASCII case, against names (their first
// three letters unless long), and returns the index of the match and the rest.
func lookupName(value string, long bool, names []string) (int, string, bool) {
	for i, name := range names {
		if !long {
			name = name[:3]
		}
		if len(value) >= len(name) && equalFold(value[:len(name)], name) {
			return i, value[len(name):], true
		}
	}
	return -1, value, false
}

// equalFold compares two ASCII strings of the same length, ignoring the case of letters.
func equalFold(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		x |= 'a' - 'A'
		y |= 'a' - 'A'
		if x != y || x < 'a' || x > 'z' {
			return false
		}
	}
	return true
}

// zoneNameLength returns the length of the zone abbreviation at the start of value, or 0
// if there is none: 3 to 5 capital letters (4 or 5 ending in T, and a few known others),
// "GMT" with an optional signed hour, or a signed hour.
func zoneNameLength(value string) int {
	if len(value) < 3 {
		return 0
	}
	if len(value) >= 4 && (value[:4] == "ChST" || value[:4] == "MeST") {
		return 4
	}
	if value[:3] == "GMT" {
		return 3 + signedHourLength(value[3:])
	}
	if value[0] == '+' || value[0] == '-' {
		return signedHourLength(value)
	}
	upper := 0
	for upper < 6 && upper < len(value) && 'A' <= value[upper] && value[upper] <= 'Z' {
		upper++
	}
	switch upper {
	case 3:
		return 3
	case 4:
		if value[3] == 'T' || value[:4] == "WITA" {
			return 4
		}
	case 5:
		if value[4] == 'T' {
			return 5
		}
	}
	return 0
}

// signedHourLength returns the length of a sign and an hour (0 to 23) at the start of s,
// or 0.
func signedHourLength(s string) int {
	if s == "" || s[0] != '-' && s[0] != '+' {
		return 0
	}
	v, n, ok := leadingDigits(s[1:])
	if !ok || n == 0 || v > 23 {
		return 0
	}
	return 1 + n
}

// monthDayOfYear converts a day of the year (1-based) into a month and day, or returns the
// problem.
func monthDayOfYear(yday, year int) (month, day int, problem string) {
	leap := isLeap(int64(year))
	if yday < 1 || yday > 365 && !(leap && yday == 366) {
		return 0, 0, "day-of-year out of range"
	}
	for m := December; m >= January; m-- {
		if before := daysBeforeMonth(m, leap); yday > before {
			return int(m), yday - before, ""
		}
	}
	return 0, 0, "day-of-year out of range"
}

// daysIn returns the number of days in month m of year.
func daysIn(m Month, year int) int {
	if m == February && isLeap(int64(year)) {
		return 29
	}
	return daysBefore[m] - daysBefore[m-1]
}
