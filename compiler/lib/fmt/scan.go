package fmt

import (
	"errors"
	"internal/reflectlite"
	"io"
	"os"
	"strconv"
	"unicode/utf8"
)

// The Scan family reads values from text: Scan/Fscan/Sscan treat newlines as spaces,
// Scanln/Fscanln/Sscanln stop at a newline (and want one after the last item), and
// Scanf/Fscanf/Sscanf follow a format. Each operand must be a pointer to a bool, number,
// string or []byte. They return how many items were stored and the first error.
//
// A reader without ReadRune and UnreadRune (like os.Stdin) is read one byte at a time, so
// nothing beyond what an item needs is consumed, except the one character after it that
// showed where the item ended.

// Scan reads space-separated values from standard input (newlines count as space).
func Scan(a ...any) (n int, err error) { return Fscan(os.Stdin, a...) }

// Scanln is Scan that stops at a newline.
func Scanln(a ...any) (n int, err error) { return Fscanln(os.Stdin, a...) }

// Scanf reads standard input as the format says.
func Scanf(format string, a ...any) (n int, err error) { return Fscanf(os.Stdin, format, a...) }

// Sscan reads space-separated values from str.
func Sscan(str string, a ...any) (n int, err error) { return Fscan(&stringReader{s: str}, a...) }

// Sscanln is Sscan that stops at a newline.
func Sscanln(str string, a ...any) (n int, err error) {
	return Fscanln(&stringReader{s: str}, a...)
}

// Sscanf reads str as the format says.
func Sscanf(str string, format string, a ...any) (n int, err error) {
	return Fscanf(&stringReader{s: str}, format, a...)
}

// Fscan reads space-separated values from r.
func Fscan(r io.Reader, a ...any) (n int, err error) {
	s := newScanState(r, true, false)
	return s.doScan(a)
}

// Fscanln is Fscan that stops at a newline.
func Fscanln(r io.Reader, a ...any) (n int, err error) {
	s := newScanState(r, false, true)
	return s.doScan(a)
}

// Fscanf reads r as the format says.
func Fscanf(r io.Reader, format string, a ...any) (n int, err error) {
	s := newScanState(r, false, false)
	return s.doScanf(format, a)
}

// stringReader reads a string (it has no UnreadRune, like Go's own).
type stringReader struct {
	s string
}

func (r *stringReader) Read(b []byte) (n int, err error) {
	n = copy(b, r.s)
	r.s = r.s[n:]
	if n == 0 {
		err = io.EOF
	}
	return
}

// byteReader decodes runes from a plain reader one byte at a time and can give back the
// last rune read.
type byteReader struct {
	r       io.Reader
	pending []byte // bytes read past an invalid encoding
	last    rune
	back    bool // the next ReadRune returns last again
	one     [1]byte
}

func (b *byteReader) readByte() (byte, error) {
	if len(b.pending) > 0 {
		c := b.pending[0]
		b.pending = b.pending[1:]
		return c, nil
	}
	n, err := io.ReadFull(b.r, b.one[:])
	if n != 1 {
		return 0, err
	}
	return b.one[0], nil
}

func (b *byteReader) ReadRune() (r rune, size int, err error) {
	if b.back {
		b.back = false
		return b.last, utf8.RuneLen(b.last), nil
	}
	c, err := b.readByte()
	if err != nil {
		return 0, 0, err
	}
	if c < utf8.RuneSelf {
		b.last = rune(c)
		return b.last, 1, nil
	}
	buf := []byte{c}
	for !utf8.FullRune(buf) {
		c, err = b.readByte()
		if err != nil {
			break
		}
		buf = append(buf, c)
	}
	r, size = utf8.DecodeRune(buf)
	if size < len(buf) {
		b.pending = append(b.pending, buf[size:]...)
	}
	b.last = r
	return r, size, nil
}

func (b *byteReader) UnreadRune() error {
	b.back = true
	return nil
}

const eof = -1

// scanError carries an error out of the scanning functions by panic.
type scanError struct {
	err error
}

// ss is the state of one scanning call.
type ss struct {
	rs        io.RuneScanner
	buf       []byte
	nlIsSpace bool // newlines count as space (Scan)
	nlIsEnd   bool // a newline ends the input (Scanln)
	atEOF     bool
	count     int // runes read
	argLimit  int // the width limit of the current item: read no rune at or past it
	limit     int
}

const hugeWid = 1 << 30

func newScanState(r io.Reader, nlIsSpace, nlIsEnd bool) *ss {
	s := &ss{nlIsSpace: nlIsSpace, nlIsEnd: nlIsEnd, argLimit: hugeWid, limit: hugeWid}
	if rs, ok := r.(io.RuneScanner); ok {
		s.rs = rs
	} else {
		s.rs = &byteReader{r: r}
	}
	return s
}

func (s *ss) readRune() (r rune, err error) {
	if s.atEOF || s.count >= s.argLimit {
		return 0, io.EOF
	}
	r, _, err = s.rs.ReadRune()
	if err == nil {
		s.count++
		if s.nlIsEnd && r == '\n' {
			s.atEOF = true
		}
	} else if err == io.EOF {
		s.atEOF = true
	}
	return
}

// getRune returns the next rune, or eof.
func (s *ss) getRune() rune {
	r, err := s.readRune()
	if err != nil {
		if err == io.EOF {
			return eof
		}
		s.error(err)
	}
	return r
}

// mustReadRune returns the next rune; the end of the input is an error here.
func (s *ss) mustReadRune() rune {
	r := s.getRune()
	if r == eof {
		s.error(io.ErrUnexpectedEOF)
	}
	return r
}

func (s *ss) unreadRune() {
	s.rs.UnreadRune()
	s.atEOF = false
	s.count--
}

func (s *ss) error(err error) { panic(scanError{err}) }

func (s *ss) errorString(msg string) { panic(scanError{errors.New(msg)}) }

// recoverInto ends a scanning call: a scanError becomes its error, running out of input
// becomes io.EOF; other panics go on.
func recoverInto(errp *error) {
	if e := recover(); e != nil {
		if se, ok := e.(scanError); ok {
			*errp = se.err
		} else if eof, ok := e.(error); ok && eof == io.EOF {
			*errp = eof
		} else {
			panic(e)
		}
	}
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return 0x2000 <= r && r <= 0x200A
}

func notSpace(r rune) bool { return !isSpace(r) }

// skipSpace skips spaces; a newline is a space only for Scan, elsewhere it is an error.
func (s *ss) skipSpace() {
	for {
		r := s.getRune()
		if r == eof {
			return
		}
		if r == '\r' && s.peek("\n") {
			continue
		}
		if r == '\n' {
			if s.nlIsSpace {
				continue
			}
			s.errorString("unexpected newline")
			return
		}
		if !isSpace(r) {
			s.unreadRune()
			return
		}
	}
}

// notEOF makes sure that there is input left (else: io.EOF).
func (s *ss) notEOF() {
	if r := s.getRune(); r == eof {
		panic(io.EOF)
	}
	s.unreadRune()
}

// token reads the runes for which f is true (after spaces, if skip).
func (s *ss) token(skip bool, f func(rune) bool) []byte {
	if skip {
		s.skipSpace()
	}
	for {
		r := s.getRune()
		if r == eof {
			break
		}
		if !f(r) {
			s.unreadRune()
			break
		}
		s.buf = utf8.AppendRune(s.buf, r)
	}
	return s.buf
}

func indexRune(s string, r rune) int {
	for i, c := range s {
		if c == r {
			return i
		}
	}
	return -1
}

// consume reads the next rune if it is in ok (adding it to the token if accept).
func (s *ss) consume(ok string, accept bool) bool {
	r := s.getRune()
	if r == eof {
		return false
	}
	if indexRune(ok, r) >= 0 {
		if accept {
			s.buf = utf8.AppendRune(s.buf, r)
		}
		return true
	}
	if accept {
		s.unreadRune()
	}
	return false
}

// peek reports whether the next rune is in ok, without reading it.
func (s *ss) peek(ok string) bool {
	r := s.getRune()
	if r != eof {
		s.unreadRune()
	}
	return indexRune(ok, r) >= 0
}

func (s *ss) accept(ok string) bool { return s.consume(ok, true) }

func (s *ss) okVerb(verb rune, okVerbs, typ string) bool {
	for _, v := range okVerbs {
		if v == verb {
			return true
		}
	}
	s.errorString("bad verb '%" + string(verb) + "' for " + typ)
	return false
}

var errBool = errors.New("syntax error scanning boolean")

func (s *ss) scanBool(verb rune) bool {
	s.skipSpace()
	s.notEOF()
	if !s.okVerb(verb, "tv", "boolean") {
		return false
	}
	switch s.getRune() {
	case '0':
		return false
	case '1':
		return true
	case 't', 'T':
		if s.accept("rR") && (!s.accept("uU") || !s.accept("eE")) {
			s.error(errBool)
		}
		return true
	case 'f', 'F':
		if s.accept("aA") && (!s.accept("lL") || !s.accept("sS") || !s.accept("eE")) {
			s.error(errBool)
		}
		return false
	}
	return false
}

const (
	binaryDigits      = "01"
	octalDigits       = "01234567"
	decimalDigits     = "0123456789"
	hexadecimalDigits = "0123456789aAbBcCdDeEfF"
	sign              = "+-"
	period            = "."
	exponent          = "eEpP"
)

func (s *ss) getBase(verb rune) (base int, digits string) {
	s.okVerb(verb, "bdoUxXv", "integer")
	switch verb {
	case 'b':
		return 2, binaryDigits
	case 'o':
		return 8, octalDigits
	case 'x', 'X', 'U':
		return 16, hexadecimalDigits
	}
	return 10, decimalDigits
}

func (s *ss) scanNumber(digits string, haveDigits bool) string {
	if !haveDigits {
		s.notEOF()
		if !s.accept(digits) {
			s.errorString("expected integer")
		}
	}
	for s.accept(digits) {
	}
	return string(s.buf)
}

// scanRune reads one rune as an integer (%c).
func (s *ss) scanRune(bitSize int) int64 {
	s.notEOF()
	r := s.getRune()
	n := uint(bitSize)
	x := (int64(r) << (64 - n)) >> (64 - n)
	if x != int64(r) {
		s.errorString("overflow on character value " + string(r))
	}
	return int64(r)
}

// scanBasePrefix reads a 0b, 0o, 0x or 0 prefix for %v: base 0 lets strconv decide.
func (s *ss) scanBasePrefix() (base int, digits string, zeroFound bool) {
	if !s.peek("0") {
		return 0, decimalDigits + "_", false
	}
	s.accept("0")
	switch {
	case s.peek("bB"):
		s.consume("bB", true)
		return 0, binaryDigits + "_", true
	case s.peek("oO"):
		s.consume("oO", true)
		return 0, octalDigits + "_", true
	case s.peek("xX"):
		s.consume("xX", true)
		return 0, hexadecimalDigits + "_", true
	}
	return 0, octalDigits + "_", true
}

func (s *ss) scanInt(verb rune, bitSize int) int64 {
	if verb == 'c' {
		return s.scanRune(bitSize)
	}
	s.skipSpace()
	s.notEOF()
	base, digits := s.getBase(verb)
	haveDigits := false
	if verb == 'U' {
		if !s.consume("U", false) || !s.consume("+", false) {
			s.errorString("bad unicode format ")
		}
	} else {
		s.accept(sign)
		if verb == 'v' {
			base, digits, haveDigits = s.scanBasePrefix()
		}
	}
	tok := s.scanNumber(digits, haveDigits)
	i, err := strconv.ParseInt(tok, base, 64)
	if err != nil {
		s.error(err)
	}
	n := uint(bitSize)
	if x := (i << (64 - n)) >> (64 - n); x != i {
		s.errorString("integer overflow on token " + tok)
	}
	return i
}

func (s *ss) scanUint(verb rune, bitSize int) uint64 {
	if verb == 'c' {
		return uint64(s.scanRune(bitSize))
	}
	s.skipSpace()
	s.notEOF()
	base, digits := s.getBase(verb)
	haveDigits := false
	if verb == 'U' {
		if !s.consume("U", false) || !s.consume("+", false) {
			s.errorString("bad unicode format ")
		}
	} else if verb == 'v' {
		base, digits, haveDigits = s.scanBasePrefix()
	}
	tok := s.scanNumber(digits, haveDigits)
	i, err := strconv.ParseUint(tok, base, 64)
	if err != nil {
		s.error(err)
	}
	n := uint(bitSize)
	if x := (i << (64 - n)) >> (64 - n); x != i {
		s.errorString("unsigned integer overflow on token " + tok)
	}
	return i
}

// floatToken reads the text of a float: NaN, [sign] Inf, or digits with a point and an
// exponent (hexadecimal with 0x).
func (s *ss) floatToken() string {
	s.buf = s.buf[:0]
	if s.accept("nN") && s.accept("aA") && s.accept("nN") {
		return string(s.buf)
	}
	s.accept(sign)
	if s.accept("iI") && s.accept("nN") && s.accept("fF") {
		return string(s.buf)
	}
	digits := decimalDigits + "_"
	exp := exponent
	if s.accept("0") && s.accept("xX") {
		digits = hexadecimalDigits + "_"
		exp = "pP"
	}
	for s.accept(digits) {
	}
	if s.accept(period) {
		for s.accept(digits) {
		}
	}
	if s.accept(exp) {
		s.accept(sign)
		for s.accept(decimalDigits + "_") {
		}
	}
	return string(s.buf)
}

func (s *ss) convertFloat(str string, n int) float64 {
	f, err := strconv.ParseFloat(str, n)
	if err != nil {
		s.error(err)
	}
	return f
}

func (s *ss) scanFloat(verb rune, n int) float64 {
	typ := "float64"
	if n == 32 {
		typ = "float32"
	}
	if !s.okVerb(verb, "beEfFgGxXv", typ) {
		return 0
	}
	s.skipSpace()
	s.notEOF()
	return s.convertFloat(s.floatToken(), n)
}

// convertString reads a word (%s, %v), a quoted string (%q) or hexadecimal bytes (%x).
func (s *ss) convertString(verb rune) string {
	if !s.okVerb(verb, "svqxX", "string") {
		return ""
	}
	s.skipSpace()
	s.notEOF()
	switch verb {
	case 'q':
		return s.quotedString()
	case 'x', 'X':
		return s.hexString()
	}
	return string(s.token(true, notSpace))
}

// quotedString reads a Go string literal, double- or back-quoted.
func (s *ss) quotedString() string {
	s.notEOF()
	quote := s.getRune()
	switch quote {
	case '`':
		for {
			r := s.mustReadRune()
			if r == quote {
				break
			}
			s.buf = utf8.AppendRune(s.buf, r)
		}
		return string(s.buf)
	case '"':
		s.buf = append(s.buf, '"')
		for {
			r := s.mustReadRune()
			s.buf = utf8.AppendRune(s.buf, r)
			if r == '\\' {
				s.buf = utf8.AppendRune(s.buf, s.mustReadRune())
			} else if r == '"' {
				break
			}
		}
		result, err := strconv.Unquote(string(s.buf))
		if err != nil {
			s.error(err)
		}
		return result
	}
	s.errorString("expected quoted string")
	return ""
}

func hexDigit(d rune) (int, bool) {
	switch {
	case '0' <= d && d <= '9':
		return int(d - '0'), true
	case 'a' <= d && d <= 'f':
		return 10 + int(d-'a'), true
	case 'A' <= d && d <= 'F':
		return 10 + int(d-'A'), true
	}
	return -1, false
}

// hexString reads pairs of hexadecimal digits as bytes.
func (s *ss) hexString() string {
	s.notEOF()
	for {
		r := s.getRune()
		if r == eof {
			break
		}
		hi, ok := hexDigit(r)
		if !ok {
			s.unreadRune()
			break
		}
		lo, ok := hexDigit(s.mustReadRune())
		if !ok {
			s.errorString("illegal hex digit")
			break
		}
		s.buf = append(s.buf, byte(hi<<4|lo))
	}
	if len(s.buf) == 0 {
		s.errorString("no hex data for %x string")
		return ""
	}
	return string(s.buf)
}

// scanOne reads one item into the operand arg (a pointer).
func (s *ss) scanOne(verb rune, arg any) {
	s.buf = s.buf[:0]
	switch v := arg.(type) {
	case *bool:
		*v = s.scanBool(verb)
	case *int:
		*v = int(s.scanInt(verb, 64))
	case *int8:
		*v = int8(s.scanInt(verb, 8))
	case *int16:
		*v = int16(s.scanInt(verb, 16))
	case *int32:
		*v = int32(s.scanInt(verb, 32))
	case *int64:
		*v = s.scanInt(verb, 64)
	case *uint:
		*v = uint(s.scanUint(verb, 64))
	case *uint8:
		*v = uint8(s.scanUint(verb, 8))
	case *uint16:
		*v = uint16(s.scanUint(verb, 16))
	case *uint32:
		*v = uint32(s.scanUint(verb, 32))
	case *uint64:
		*v = s.scanUint(verb, 64)
	case *uintptr:
		*v = uintptr(s.scanUint(verb, 64))
	case *float32:
		*v = float32(s.scanFloat(verb, 32))
	case *float64:
		*v = s.scanFloat(verb, 64)
	case *string:
		*v = s.convertString(verb)
	case *[]byte:
		*v = []byte(s.convertString(verb))
	default:
		t := reflectlite.TypeOf(arg)
		if t.Kind() != reflectlite.Pointer {
			s.errorString("type not a pointer: " + t.String())
			return
		}
		s.errorString("can't scan type: " + t.String())
	}
}

func (s *ss) doScan(a []any) (numProcessed int, err error) {
	defer recoverInto(&err)
	for _, arg := range a {
		s.scanOne('v', arg)
		numProcessed++
	}
	// Scanln wants the line to end after the last item.
	if s.nlIsEnd {
		for {
			r := s.getRune()
			if r == '\n' || r == eof {
				break
			}
			if !isSpace(r) {
				s.errorString("expected newline")
				break
			}
		}
	}
	return
}

// advance matches the literal text and spaces at the start of format against the input and
// returns how much of format it used; -1 if the input does not match, 0 at a verb.
//   - A newline in the format matches zero or more spaces and a newline (or the end).
//   - Spaces before a newline in the format are part of it; spaces after it match zero or
//     more spaces after the input's newline.
//   - Other spaces match one or more spaces (or the end of input).
func (s *ss) advance(format string) (i int) {
	for i < len(format) {
		fmtc, w := utf8.DecodeRuneInString(format[i:])
		if isSpace(fmtc) {
			newlines := 0
			trailingSpace := false
			for isSpace(fmtc) && i < len(format) {
				if fmtc == '\n' {
					newlines++
					trailingSpace = false
				} else {
					trailingSpace = true
				}
				i += w
				fmtc, w = utf8.DecodeRuneInString(format[i:])
			}
			for j := 0; j < newlines; j++ {
				inputc := s.getRune()
				for isSpace(inputc) && inputc != '\n' {
					inputc = s.getRune()
				}
				if inputc != '\n' && inputc != eof {
					s.errorString("newline in format does not match input")
				}
			}
			if trailingSpace {
				inputc := s.getRune()
				if newlines == 0 {
					if !isSpace(inputc) && inputc != eof {
						s.errorString("expected space in input to match format")
					}
					if inputc == '\n' {
						s.errorString("newline in input does not match format")
					}
				}
				for isSpace(inputc) && inputc != '\n' {
					inputc = s.getRune()
				}
				if inputc != eof {
					s.unreadRune()
				}
			}
			continue
		}
		if fmtc == '%' {
			if i+w == len(format) {
				s.errorString("missing verb: % at end of format string")
			}
			// %% is a literal percent sign; any other % starts a verb.
			nextc, _ := utf8.DecodeRuneInString(format[i+w:])
			if nextc != '%' {
				return
			}
			i += w
		}
		inputc := s.mustReadRune()
		if fmtc != inputc {
			s.unreadRune()
			return -1
		}
		i += w
	}
	return
}

func (s *ss) doScanf(format string, a []any) (numProcessed int, err error) {
	defer recoverInto(&err)
	end := len(format) - 1
	for i := 0; i <= end; {
		w := s.advance(format[i:])
		if w > 0 {
			i += w
			continue
		}
		if format[i] != '%' {
			if w < 0 {
				s.errorString("input does not match format")
			}
			// At the end of the input: "too many operands" below.
			break
		}
		i++
		// A width limits how many runes the item may use.
		wid, widPresent, ni := parsenum(format, i, end)
		i = ni
		if !widPresent {
			wid = hugeWid
		}
		c, cw := utf8.DecodeRuneInString(format[i:])
		i += cw
		if c != 'c' {
			s.skipSpace()
		}
		if c == '%' {
			s.skipSpace()
			s.notEOF()
			if !s.accept("%") {
				s.errorString("missing literal %")
			}
			continue
		}
		s.argLimit = s.limit
		if f := s.count + wid; f < s.argLimit {
			s.argLimit = f
		}
		if numProcessed >= len(a) {
			s.errorString("too few operands for format '%" + format[i-cw:] + "'")
			break
		}
		s.scanOne(c, a[numProcessed])
		numProcessed++
		s.argLimit = s.limit
	}
	if numProcessed < len(a) {
		s.errorString("too many operands")
	}
	return
}
