// Format: writing a Time by example, with a layout such as "2006-01-02 15:04:05".
package time

// A layout shows how the reference time, Mon Jan 2 15:04:05 MST 2006 (Unix time
// 1136239445; 01/02 03:04:05PM '06 -0700), would look: each element of it in the layout
// is replaced by the corresponding part of the Time being formatted, and everything else
// is copied. The predefined layouts:
const (
	Layout      = "01/02 03:04:05PM '06 -0700" // the reference time, in numerical order
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700" // RFC822 with a numeric zone
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700" // RFC1123 with a numeric zone
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	// Handy time stamps.
	Stamp      = "Jan _2 15:04:05"
	StampMilli = "Jan _2 15:04:05.000"
	StampMicro = "Jan _2 15:04:05.000000"
	StampNano  = "Jan _2 15:04:05.000000000"
)

// The elements a layout can contain, each with the piece of the reference time that
// stands for it.
const (
	_                 = iota
	elemLongMonth     // January
	elemMonth         // Jan
	elemNumMonth      // 1
	elemZeroMonth     // 01
	elemLongWeekDay   // Monday
	elemWeekDay       // Mon
	elemDay           // 2
	elemUnderDay      // _2 (padded with a space)
	elemZeroDay       // 02
	elemUnderYearDay  // __2 (day of the year, padded with spaces)
	elemZeroYearDay   // 002
	elemHour          // 15
	elemHour12        // 3
	elemZeroHour12    // 03
	elemMinute        // 4
	elemZeroMinute    // 04
	elemSecond        // 5
	elemZeroSecond    // 05
	elemLongYear      // 2006
	elemYear          // 06
	elemPM            // PM
	elempm            // pm
	elemTZ            // MST
	elemISO8601TZ     // Z0700: Z for UTC, else like -0700
	elemISO8601SecTZ  // Z070000
	elemISO8601Short  // Z07
	elemISO8601Colon  // Z07:00
	elemISO8601ColSec // Z07:00:00
	elemNumTZ         // -0700
	elemNumSecTZ      // -070000
	elemNumShortTZ    // -07
	elemNumColonTZ    // -07:00
	elemNumColSecTZ   // -07:00:00
	elemFrac0         // .000...: that many digits of the second's fraction
	elemFrac9         // .999...: at most that many, without trailing zeros
)

// An element found in a layout: its kind and, for fractions, the number of digits and
// the separator ('.' or ',').
type element struct {
	kind   int
	digits int
	sep    byte
}

// The numeric zones, longest first so that "-070000" is not read as "-0700" then "00".
var zoneElements = []struct {
	text string
	kind int
}{
	{"Z070000", elemISO8601SecTZ}, {"Z07:00:00", elemISO8601ColSec}, {"Z0700", elemISO8601TZ},
	{"Z07:00", elemISO8601Colon}, {"Z07", elemISO8601Short},
	{"-070000", elemNumSecTZ}, {"-07:00:00", elemNumColSecTZ}, {"-0700", elemNumTZ},
	{"-07:00", elemNumColonTZ}, {"-07", elemNumShortTZ},
}

// nextElement finds the first element in layout: it returns the literal text before it,
// the element, and the rest of the layout. With no element left, it returns the whole
// layout as literal and kind 0.
func nextElement(layout string) (literal string, e element, rest string) {
	has := func(i int, s string) bool {
		return len(layout)-i >= len(s) && layout[i:i+len(s)] == s
	}
	found := func(i, n, kind int) (string, element, string) {
		return layout[:i], element{kind: kind}, layout[i+n:]
	}
	for i := 0; i < len(layout); i++ {
		switch c := layout[i]; c {
		case 'J':
			if has(i, "January") {
				return found(i, 7, elemLongMonth)
			}
			// "Jan" but not the start of a word like "Janet".
			if has(i, "Jan") && !startsLower(layout[i+3:]) {
				return found(i, 3, elemMonth)
			}
		case 'M':
			if has(i, "Monday") {
				return found(i, 6, elemLongWeekDay)
			}
			if has(i, "Mon") && !startsLower(layout[i+3:]) {
				return found(i, 3, elemWeekDay)
			}
			if has(i, "MST") {
				return found(i, 3, elemTZ)
			}
		case '0':
			if i+1 < len(layout) && '1' <= layout[i+1] && layout[i+1] <= '6' {
				kinds := [...]int{elemZeroMonth, elemZeroDay, elemZeroHour12, elemZeroMinute, elemZeroSecond, elemYear}
				return found(i, 2, kinds[layout[i+1]-'1'])
			}
			if has(i, "002") {
				return found(i, 3, elemZeroYearDay)
			}
		case '1':
			if has(i, "15") {
				return found(i, 2, elemHour)
			}
			return found(i, 1, elemNumMonth)
		case '2':
			if has(i, "2006") {
				return found(i, 4, elemLongYear)
			}
			return found(i, 1, elemDay)
		case '_':
			if has(i, "_2006") {
				// An underscore, then the year (not "_2" then "006").
				return layout[:i+1], element{kind: elemLongYear}, layout[i+5:]
			}
			if has(i, "_2") {
				return found(i, 2, elemUnderDay)
			}
			if has(i, "__2") {
				return found(i, 3, elemUnderYearDay)
			}
		case '3':
			return found(i, 1, elemHour12)
		case '4':
			return found(i, 1, elemMinute)
		case '5':
			return found(i, 1, elemSecond)
		case 'P':
			if has(i, "PM") {
				return found(i, 2, elemPM)
			}
		case 'p':
			if has(i, "pm") {
				return found(i, 2, elempm)
			}
		case '-', 'Z':
			for _, z := range zoneElements {
				if has(i, z.text) {
					return found(i, len(z.text), z.kind)
				}
			}
		case '.', ',':
			// A run of 0s or 9s after the separator, not followed by another digit.
			if i+1 < len(layout) && (layout[i+1] == '0' || layout[i+1] == '9') {
				digit := layout[i+1]
				j := i + 1
				for j < len(layout) && layout[j] == digit {
					j++
				}
				if j == len(layout) || !isDigit(layout[j]) {
					kind := elemFrac0
					if digit == '9' {
						kind = elemFrac9
					}
					return layout[:i], element{kind: kind, digits: j - (i + 1), sep: c}, layout[j:]
				}
			}
		}
	}
	return layout, element{}, ""
}

func startsLower(s string) bool {
	return s != "" && 'a' <= s[0] && s[0] <= 'z'
}

// String returns the time formatted as "2006-01-02 15:04:05.999999999 -0700 MST", then,
// if it has a monotonic reading, " m=±<seconds>" (the reading, for debugging).
func (t Time) String() string {
	b := t.AppendFormat(nil, "2006-01-02 15:04:05.999999999 -0700 MST")
	if t.hasMono {
		m := uint64(t.mono)
		b = append(b, " m="...)
		if t.mono < 0 {
			b = append(b, '-')
			m = -m
		} else {
			b = append(b, '+')
		}
		b = appendUint(b, m/1e9)
		b = append(b, '.')
		b = appendPadded(b, int64(m%1e9), 9)
	}
	return string(b)
}

// GoString returns t as the Go expression that makes it, for fmt's %#v:
// time.Date(2009, time.November, 10, 23, 0, 0, 0, time.UTC). A location other than UTC
// and Local shows as time.Location("name"), which is not valid Go but says which it is.
func (t Time) GoString() string {
	year, month, day, _ := t.date()
	hour, min, sec := t.clock()
	b := []byte("time.Date(")
	b = appendPadded(b, int64(year), 0)
	b = append(b, ", time."...)
	b = append(b, month.String()...)
	for _, v := range []int{day, hour, min, sec, int(t.nsec)} {
		b = append(b, ", "...)
		b = appendPadded(b, int64(v), 0)
	}
	b = append(b, ", "...)
	switch loc := t.Location(); loc {
	case UTC:
		b = append(b, "time.UTC"...)
	case Local:
		b = append(b, "time.Local"...)
	default:
		b = append(b, "time.Location("...)
		b = append(b, quote(loc.name)...)
		b = append(b, ')')
	}
	return string(append(b, ')'))
}

// Format returns t written according to layout (see the predefined layouts above).
func (t Time) Format(layout string) string {
	return string(t.AppendFormat(make([]byte, 0, len(layout)+10), layout))
}

// AppendFormat is like Format but appends the text to b and returns the extended buffer.
func (t Time) AppendFormat(b []byte, layout string) []byte {
	year, month, day, yday := t.date()
	hour, min, sec := t.clock()
	zone, offset := t.Zone()
	for layout != "" {
		literal, e, rest := nextElement(layout)
		b = append(b, literal...)
		if e.kind == 0 {
			break
		}
		layout = rest
		switch e.kind {
		case elemYear:
			y := year
			if y < 0 {
				y = -y
			}
			b = appendPadded(b, int64(y%100), 2)
		case elemLongYear:
			b = appendPadded(b, int64(year), 4)
		case elemMonth:
			b = append(b, month.String()[:3]...)
		case elemLongMonth:
			b = append(b, month.String()...)
		case elemNumMonth:
			b = appendPadded(b, int64(month), 0)
		case elemZeroMonth:
			b = appendPadded(b, int64(month), 2)
		case elemWeekDay:
			b = append(b, t.Weekday().String()[:3]...)
		case elemLongWeekDay:
			b = append(b, t.Weekday().String()...)
		case elemDay:
			b = appendPadded(b, int64(day), 0)
		case elemUnderDay:
			if day < 10 {
				b = append(b, ' ')
			}
			b = appendPadded(b, int64(day), 0)
		case elemZeroDay:
			b = appendPadded(b, int64(day), 2)
		case elemUnderYearDay:
			for n := 100; n > 1 && yday+1 < n; n /= 10 {
				b = append(b, ' ')
			}
			b = appendPadded(b, int64(yday+1), 0)
		case elemZeroYearDay:
			b = appendPadded(b, int64(yday+1), 3)
		case elemHour:
			b = appendPadded(b, int64(hour), 2)
		case elemHour12, elemZeroHour12:
			h := hour % 12
			if h == 0 {
				h = 12
			}
			width := 0
			if e.kind == elemZeroHour12 {
				width = 2
			}
			b = appendPadded(b, int64(h), width)
		case elemMinute:
			b = appendPadded(b, int64(min), 0)
		case elemZeroMinute:
			b = appendPadded(b, int64(min), 2)
		case elemSecond:
			b = appendPadded(b, int64(sec), 0)
		case elemZeroSecond:
			b = appendPadded(b, int64(sec), 2)
		case elemPM, elempm:
			pm := hour >= 12
			switch {
			case e.kind == elemPM && pm:
				b = append(b, "PM"...)
			case e.kind == elemPM:
				b = append(b, "AM"...)
			case pm:
				b = append(b, "pm"...)
			default:
				b = append(b, "am"...)
			}
		case elemTZ:
			if zone != "" {
				b = append(b, zone...)
			} else {
				// A zone without a name prints as its offset, as -0700 would.
				b = appendOffset(b, offset, false, false, false)
			}
		case elemFrac0, elemFrac9:
			b = appendFraction(b, int(t.nsec), e)
		default:
			b = appendZone(b, e.kind, offset)
		}
	}
	return b
}

// appendZone appends a numeric zone element (Z0700, -07:00, ...) for offset seconds east
// of UTC.
func appendZone(b []byte, kind int, offset int) []byte {
	iso := kind == elemISO8601TZ || kind == elemISO8601SecTZ || kind == elemISO8601Short ||
		kind == elemISO8601Colon || kind == elemISO8601ColSec
	if iso && offset == 0 {
		return append(b, 'Z')
	}
	colon := kind == elemISO8601Colon || kind == elemISO8601ColSec || kind == elemNumColonTZ || kind == elemNumColSecTZ
	short := kind == elemISO8601Short || kind == elemNumShortTZ
	seconds := kind == elemISO8601SecTZ || kind == elemISO8601ColSec || kind == elemNumSecTZ || kind == elemNumColSecTZ
	return appendOffset(b, offset, colon, short, seconds)
}

// appendOffset appends ±hh, then (unless short) mm, then (if seconds) ss, separated by
// colons if colon.
func appendOffset(b []byte, offset int, colon, short, seconds bool) []byte {
	if offset < 0 {
		b = append(b, '-')
		offset = -offset
	} else {
		b = append(b, '+')
	}
	b = appendPadded(b, int64(offset/3600), 2)
	if short {
		return b
	}
	if colon {
		b = append(b, ':')
	}
	b = appendPadded(b, int64(offset/60%60), 2)
	if seconds {
		if colon {
			b = append(b, ':')
		}
		b = appendPadded(b, int64(offset%60), 2)
	}
	return b
}

// appendFraction appends the fraction of a second for a .000 or .999 element: digits
// digits (at most 9) of nsec, and for .999 without trailing zeros, nothing at all if none
// is left.
func appendFraction(b []byte, nsec int, e element) []byte {
	var digits [9]byte
	for i := 8; i >= 0; i-- {
		digits[i] = byte('0' + nsec%10)
		nsec /= 10
	}
	n := e.digits
	if n > 9 {
		n = 9
	}
	if e.kind == elemFrac9 {
		for n > 0 && digits[n-1] == '0' {
			n--
		}
		if n == 0 {
			return b
		}
	}
	b = append(b, e.sep)
	return append(b, digits[:n]...)
}

// appendPadded appends v in decimal, with zeros in front up to width digits (after the
// minus sign, if any).
func appendPadded(b []byte, v int64, width int) []byte {
	u := uint64(v)
	if v < 0 {
		b = append(b, '-')
		u = -u
	}
	var buf [20]byte
	i := len(buf)
	for u >= 10 || len(buf)-i < width-1 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	i--
	buf[i] = byte('0' + u)
	return append(b, buf[i:]...)
}
