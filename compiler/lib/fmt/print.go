// Package fmt, as shipped with golift: formatted printing in the style of C's printf, with
// Go's verbs (see Go's documentation of package fmt; the behaviour here is Go 1.19's, byte
// for byte).
//
// How it is built, bottom up:
//   - format.go: a formatter that writes one number, string or character into a buffer,
//     honouring flags, width and precision;
//   - this file: a printer (pp) that walks the format string and the operands, calls the
//     operands' methods (Formatter, GoStringer, error, Stringer), and for any other type
//     walks the value itself through internal/reflectlite, which reads the type
//     descriptors the compiler emitted (structs, slices, maps with sorted keys, pointers);
//   - errors.go: Errorf and %w; scan.go: the Scan family.
package fmt

import (
	"internal/reflectlite"
	"io"
	"os"
	"unicode/utf8"
)

// Strings written in place of a value when something is wrong.
const (
	commaSpaceString  = ", "
	nilAngleString    = "<nil>"
	nilParenString    = "(nil)"
	nilString         = "nil"
	mapString         = "map["
	percentBangString = "%!"
	missingString     = "(MISSING)"
	badIndexString    = "(BADINDEX)"
	panicString       = "(PANIC="
	extraString       = "%!(EXTRA "
	badWidthString    = "%!(BADWIDTH)"
	badPrecString     = "%!(BADPREC)"
	noVerbString      = "%!(NOVERB)"
	invReflectString  = "<invalid reflect.Value>"
)

// State is what a Formatter's Format method sees of the printer: where to write, and the
// flags, width and precision of the verb.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// Formatter is implemented by a type that formats itself for every verb.
type Formatter interface {
	Format(f State, verb rune)
}

// Stringer is implemented by a type with a String method: it gives the value's text for
// the verbs that take strings (%v, %s, %q, %x, %X) and for Print.
type Stringer interface {
	String() string
}

// GoStringer gives a value's text for %#v.
type GoStringer interface {
	GoString() string
}

// pp is a printer: the output buffer and the state of the operand being printed.
type pp struct {
	buf []byte

	// The operand, as an interface value and, once reflection is needed, as a Value.
	arg   any
	value reflectlite.Value

	fmt formatter

	// reordered: an argument index ([n]) has been used; goodArgNum: the last one was valid.
	reordered  bool
	goodArgNum bool
	// panicking guards against a panic inside the printing of a panic; erroring against
	// calling Error or String again while printing their failure.
	panicking bool
	erroring  bool
	// wrapErrs: this is Errorf, where %w is allowed; wrappedErr: the operand of %w.
	wrapErrs   bool
	wrappedErr error
}

// Printers are kept for reuse once a call is done with them (Go keeps them in a
// sync.Pool): a Sprintf then allocates only its result, not a printer and its buffer.
// A String method that calls Sprintf takes another printer from the list.
var ppFree []*pp

func newPrinter() *pp {
	var p *pp
	if n := len(ppFree); n > 0 {
		p = ppFree[n-1]
		ppFree = ppFree[:n-1]
	} else {
		p = &pp{}
	}
	p.panicking = false
	p.erroring = false
	p.wrapErrs = false
	p.wrappedErr = nil
	p.fmt.init(&p.buf)
	return p
}

// free puts p back for reuse, unless its buffer grew big (one huge Sprintf should not keep
// its memory for ever).
func (p *pp) free() {
	if cap(p.buf) > 64*1024 {
		p.buf = nil
	} else {
		p.buf = p.buf[:0]
	}
	p.arg = nil
	p.value = reflectlite.Value{}
	p.wrappedErr = nil
	ppFree = append(ppFree, p)
}

// Width, Precision, Flag and Write make pp a State.
func (p *pp) Width() (wid int, ok bool) { return p.fmt.wid, p.fmt.widPresent }

func (p *pp) Precision() (prec int, ok bool) { return p.fmt.prec, p.fmt.precPresent }

func (p *pp) Flag(b int) bool {
	switch b {
	case '-':
		return p.fmt.minus
	case '+':
		return p.fmt.plus || p.fmt.plusV
	case '#':
		return p.fmt.sharp || p.fmt.sharpV
	case ' ':
		return p.fmt.space
	case '0':
		return p.fmt.zero
	}
	return false
}

func (p *pp) Write(b []byte) (ret int, err error) {
	p.buf = append(p.buf, b...)
	return len(b), nil
}

func (p *pp) WriteString(s string) (ret int, err error) {
	p.buf = append(p.buf, s...)
	return len(s), nil
}

// ---- the functions ----

// Fprintf formats according to a format specifier and writes to w.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrintf(format, a)
	n, err = w.Write(p.buf)
	p.free()
	return
}

// Printf formats according to a format specifier and writes to standard output.
func Printf(format string, a ...any) (n int, err error) {
	return Fprintf(os.Stdout, format, a...)
}

// Sprintf formats according to a format specifier and returns the resulting string.
func Sprintf(format string, a ...any) string {
	p := newPrinter()
	p.doPrintf(format, a)
	s := string(p.buf)
	p.free()
	return s
}

// Appendf formats according to a format specifier and appends the result to b.
func Appendf(b []byte, format string, a ...any) []byte {
	p := newPrinter()
	p.doPrintf(format, a)
	b = append(b, p.buf...)
	p.free()
	return b
}

// Fprint formats its operands with %v and writes to w. Spaces are added between operands
// when neither is a string.
func Fprint(w io.Writer, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrint(a)
	n, err = w.Write(p.buf)
	p.free()
	return
}

// Print is Fprint to standard output.
func Print(a ...any) (n int, err error) {
	return Fprint(os.Stdout, a...)
}

// Sprint is Fprint to a string.
func Sprint(a ...any) string {
	p := newPrinter()
	p.doPrint(a)
	s := string(p.buf)
	p.free()
	return s
}

// Append is Fprint appending to b.
func Append(b []byte, a ...any) []byte {
	p := newPrinter()
	p.doPrint(a)
	b = append(b, p.buf...)
	p.free()
	return b
}

// Fprintln formats its operands with %v, always with spaces between them and a newline at
// the end, and writes to w.
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrintln(a)
	n, err = w.Write(p.buf)
	p.free()
	return
}

// Println is Fprintln to standard output.
func Println(a ...any) (n int, err error) {
	return Fprintln(os.Stdout, a...)
}

// Sprintln is Fprintln to a string.
func Sprintln(a ...any) string {
	p := newPrinter()
	p.doPrintln(a)
	s := string(p.buf)
	p.free()
	return s
}

// Appendln is Fprintln appending to b.
func Appendln(b []byte, a ...any) []byte {
	p := newPrinter()
	p.doPrintln(a)
	b = append(b, p.buf...)
	p.free()
	return b
}

// ---- printing one operand ----

// unknownType prints a value that no verb case knows: ?<type>? ... or its address.
func (p *pp) unknownType(v reflectlite.Value) {
	if !v.IsValid() {
		p.buf = append(p.buf, nilAngleString...)
		return
	}
	p.buf = append(p.buf, '?')
	p.buf = append(p.buf, v.Type().String()...)
	p.buf = append(p.buf, '?')
}

// badVerb prints %!verb(type=value) for a verb that does not suit the operand.
func (p *pp) badVerb(verb rune) {
	p.erroring = true
	p.buf = append(p.buf, percentBangString...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, '(')
	switch {
	case p.arg != nil:
		p.buf = append(p.buf, reflectlite.TypeOf(p.arg).String()...)
		p.buf = append(p.buf, '=')
		p.printArg(p.arg, 'v')
	case p.value.IsValid():
		p.buf = append(p.buf, p.value.Type().String()...)
		p.buf = append(p.buf, '=')
		p.printValue(p.value, 'v', 0)
	default:
		p.buf = append(p.buf, nilAngleString...)
	}
	p.buf = append(p.buf, ')')
	p.erroring = false
}

func (p *pp) fmtBool(v bool, verb rune) {
	switch verb {
	case 't', 'v':
		p.fmt.fmtBoolean(v)
	default:
		p.badVerb(verb)
	}
}

// fmt0x64 formats a uint64 in hexadecimal, with the 0x prefix when leading0x.
func (p *pp) fmt0x64(v uint64, leading0x bool) {
	sharp := p.fmt.sharp
	p.fmt.sharp = leading0x
	p.fmt.fmtInteger(v, 16, false, 'v', ldigits)
	p.fmt.sharp = sharp
}

// fmtInteger formats a signed or unsigned integer for any integer verb.
func (p *pp) fmtInteger(v uint64, isSigned bool, verb rune) {
	switch verb {
	case 'v':
		if p.fmt.sharpV && !isSigned {
			p.fmt0x64(v, true)
		} else {
			p.fmt.fmtInteger(v, 10, isSigned, verb, ldigits)
		}
	case 'd':
		p.fmt.fmtInteger(v, 10, isSigned, verb, ldigits)
	case 'b':
		p.fmt.fmtInteger(v, 2, isSigned, verb, ldigits)
	case 'o', 'O':
		p.fmt.fmtInteger(v, 8, isSigned, verb, ldigits)
	case 'x':
		p.fmt.fmtInteger(v, 16, isSigned, verb, ldigits)
	case 'X':
		p.fmt.fmtInteger(v, 16, isSigned, verb, udigits)
	case 'c':
		p.fmt.fmtC(v)
	case 'q':
		p.fmt.fmtQc(v)
	case 'U':
		p.fmt.fmtUnicode(v)
	default:
		p.badVerb(verb)
	}
}

// fmtFloat formats a float; %v is %g with the shortest precision that reads back exactly.
func (p *pp) fmtFloat(v float64, size int, verb rune) {
	switch verb {
	case 'v':
		p.fmt.fmtFloat(v, size, 'g', -1)
	case 'b', 'g', 'G', 'x', 'X':
		p.fmt.fmtFloat(v, size, verb, -1)
	case 'f', 'e', 'E', 'F':
		if verb == 'F' {
			verb = 'f'
		}
		p.fmt.fmtFloat(v, size, verb, 6)
	default:
		p.badVerb(verb)
	}
}

func (p *pp) fmtComplex(v complex128, size int, verb rune) {
	switch verb {
	case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E':
		oldPlus := p.fmt.plus
		p.buf = append(p.buf, '(')
		p.fmtFloat(real(v), size/2, verb)
		// The imaginary part always has its sign.
		p.fmt.plus = true
		p.fmtFloat(imag(v), size/2, verb)
		p.buf = append(p.buf, "i)"...)
		p.fmt.plus = oldPlus
	default:
		p.badVerb(verb)
	}
}

func (p *pp) fmtString(v string, verb rune) {
	switch verb {
	case 'v':
		if p.fmt.sharpV {
			p.fmt.fmtQ(v)
		} else {
			p.fmt.fmtS(v)
		}
	case 's':
		p.fmt.fmtS(v)
	case 'x':
		p.fmt.fmtSx(v, ldigits)
	case 'X':
		p.fmt.fmtSx(v, udigits)
	case 'q':
		p.fmt.fmtQ(v)
	default:
		p.badVerb(verb)
	}
}

// fmtBytes formats a []byte (or [N]byte, typeString naming it) for the string verbs, or as
// a list of numbers for the others.
func (p *pp) fmtBytes(v []byte, verb rune, typeString string) {
	switch verb {
	case 'v', 'd':
		if p.fmt.sharpV {
			p.buf = append(p.buf, typeString...)
			if v == nil {
				p.buf = append(p.buf, nilParenString...)
				return
			}
			p.buf = append(p.buf, '{')
			for i, c := range v {
				if i > 0 {
					p.buf = append(p.buf, commaSpaceString...)
				}
				p.fmt0x64(uint64(c), true)
			}
			p.buf = append(p.buf, '}')
		} else {
			p.buf = append(p.buf, '[')
			for i, c := range v {
				if i > 0 {
					p.buf = append(p.buf, ' ')
				}
				p.fmt.fmtInteger(uint64(c), 10, false, verb, ldigits)
			}
			p.buf = append(p.buf, ']')
		}
	case 's':
		p.fmt.fmtBs(v)
	case 'x':
		p.fmt.fmtBx(v, ldigits)
	case 'X':
		p.fmt.fmtBx(v, udigits)
	case 'q':
		p.fmt.fmtQ(string(v))
	default:
		p.printValue(reflectlite.ValueOf(v), verb, 0)
	}
}

// fmtPointer formats a pointer, map, chan, func or slice as an address.
func (p *pp) fmtPointer(value reflectlite.Value, verb rune) {
	var u uintptr
	switch value.Kind() {
	case reflectlite.Chan, reflectlite.Func, reflectlite.Map, reflectlite.Pointer, reflectlite.Slice, reflectlite.UnsafePointer:
		u = value.Pointer()
	default:
		p.badVerb(verb)
		return
	}
	switch verb {
	case 'v':
		if p.fmt.sharpV {
			p.buf = append(p.buf, '(')
			p.buf = append(p.buf, value.Type().String()...)
			p.buf = append(p.buf, ")("...)
			if u == 0 {
				p.buf = append(p.buf, nilString...)
			} else {
				p.fmt0x64(uint64(u), true)
			}
			p.buf = append(p.buf, ')')
		} else {
			if u == 0 {
				p.fmt.padString(nilAngleString)
			} else {
				p.fmt0x64(uint64(u), !p.fmt.sharp)
			}
		}
	case 'p':
		p.fmt0x64(uint64(u), !p.fmt.sharp)
	case 'b', 'o', 'd', 'x', 'X':
		p.fmtInteger(uint64(u), false, verb)
	default:
		p.badVerb(verb)
	}
}

// catchPanic turns a panic in an operand's method into %!verb(PANIC=Method method: value);
// a nil pointer receiver that panics prints as <nil>.
func (p *pp) catchPanic(arg any, verb rune, method string) {
	if err := recover(); err != nil {
		if v := reflectlite.ValueOf(arg); v.Kind() == reflectlite.Pointer && v.IsNil() {
			p.buf = append(p.buf, nilAngleString...)
			return
		}
		// A panic while printing a panic: give up, as Go does.
		if p.panicking {
			panic(err)
		}
		oldFlags := p.fmt
		p.fmt.clearFlags()
		p.buf = append(p.buf, percentBangString...)
		p.buf = utf8.AppendRune(p.buf, verb)
		p.buf = append(p.buf, panicString...)
		p.buf = append(p.buf, method...)
		p.buf = append(p.buf, " method: "...)
		p.panicking = true
		p.printArg(err, 'v')
		p.panicking = false
		p.buf = append(p.buf, ')')
		p.fmt = oldFlags
		p.fmt.buf = &p.buf
	}
}

// handleMethods prints the operand with its own methods when it has suitable ones, and
// reports whether it did.
func (p *pp) handleMethods(verb rune) (handled bool) {
	if p.erroring {
		return
	}
	if verb == 'w' {
		// %w is only for Errorf, and only with an error operand.
		err, ok := p.arg.(error)
		if !ok || !p.wrapErrs || p.wrappedErr != nil {
			p.wrappedErr = nil
			p.wrapErrs = false
			p.badVerb(verb)
			return true
		}
		p.wrappedErr = err
		// From here on %w is %v.
		verb = 'v'
	}
	if formatter, ok := p.arg.(Formatter); ok {
		handled = true
		defer p.catchPanic(p.arg, verb, "Format")
		formatter.Format(p, verb)
		return
	}
	if p.fmt.sharpV {
		if stringer, ok := p.arg.(GoStringer); ok {
			handled = true
			defer p.catchPanic(p.arg, verb, "GoString")
			p.fmt.fmtS(stringer.GoString())
			return
		}
	} else {
		switch verb {
		case 'v', 's', 'x', 'X', 'q':
			switch v := p.arg.(type) {
			case error:
				handled = true
				defer p.catchPanic(p.arg, verb, "Error")
				p.fmtString(v.Error(), verb)
				return
			case Stringer:
				handled = true
				defer p.catchPanic(p.arg, verb, "String")
				p.fmtString(v.String(), verb)
				return
			}
		}
	}
	return false
}

// printArg prints one operand for one verb.
func (p *pp) printArg(arg any, verb rune) {
	p.arg = arg
	p.value = reflectlite.Value{}
	if arg == nil {
		switch verb {
		case 'T', 'v':
			p.fmt.padString(nilAngleString)
		default:
			p.badVerb(verb)
		}
		return
	}
	// %T and %p need no methods.
	switch verb {
	case 'T':
		p.fmt.fmtS(reflectlite.TypeOf(arg).String())
		return
	case 'p':
		p.fmtPointer(reflectlite.ValueOf(arg), 'p')
		return
	}
	// The common types without reflection (their named versions may have methods, so they
	// go the long way).
	switch f := arg.(type) {
	case bool:
		p.fmtBool(f, verb)
	case float32:
		p.fmtFloat(float64(f), 32, verb)
	case float64:
		p.fmtFloat(f, 64, verb)
	case complex64:
		p.fmtComplex(complex128(f), 64, verb)
	case complex128:
		p.fmtComplex(f, 128, verb)
	case int:
		p.fmtInteger(uint64(f), true, verb)
	case int8:
		p.fmtInteger(uint64(f), true, verb)
	case int16:
		p.fmtInteger(uint64(f), true, verb)
	case int32:
		p.fmtInteger(uint64(f), true, verb)
	case int64:
		p.fmtInteger(uint64(f), true, verb)
	case uint:
		p.fmtInteger(uint64(f), false, verb)
	case uint8:
		p.fmtInteger(uint64(f), false, verb)
	case uint16:
		p.fmtInteger(uint64(f), false, verb)
	case uint32:
		p.fmtInteger(uint64(f), false, verb)
	case uint64:
		p.fmtInteger(f, false, verb)
	case uintptr:
		p.fmtInteger(uint64(f), false, verb)
	case string:
		p.fmtString(f, verb)
	case []byte:
		p.fmtBytes(f, verb, "[]byte")
	default:
		if !p.handleMethods(verb) {
			p.printValue(reflectlite.ValueOf(f), verb, 0)
		}
	}
}

// printValue prints a value found by walking another one (depth > 0) or an operand of a
// type without fast path (depth 0).
func (p *pp) printValue(value reflectlite.Value, verb rune, depth int) {
	// A value inside another gets its methods called too, if it may be turned into an
	// interface (not when reached through unexported fields).
	if depth > 0 && value.IsValid() && value.CanInterface() {
		p.arg = value.Interface()
		if p.handleMethods(verb) {
			return
		}
	}
	p.arg = nil
	p.value = value

	switch f := value; value.Kind() {
	case reflectlite.Invalid:
		if depth == 0 {
			p.buf = append(p.buf, invReflectString...)
		} else {
			switch verb {
			case 'v':
				p.buf = append(p.buf, nilAngleString...)
			default:
				p.badVerb(verb)
			}
		}
	case reflectlite.Bool:
		p.fmtBool(f.Bool(), verb)
	case reflectlite.Int, reflectlite.Int8, reflectlite.Int16, reflectlite.Int32, reflectlite.Int64:
		p.fmtInteger(uint64(f.Int()), true, verb)
	case reflectlite.Uint, reflectlite.Uint8, reflectlite.Uint16, reflectlite.Uint32, reflectlite.Uint64, reflectlite.Uintptr:
		p.fmtInteger(f.Uint(), false, verb)
	case reflectlite.Float32:
		p.fmtFloat(f.Float(), 32, verb)
	case reflectlite.Float64:
		p.fmtFloat(f.Float(), 64, verb)
	case reflectlite.Complex64:
		p.fmtComplex(f.Complex(), 64, verb)
	case reflectlite.Complex128:
		p.fmtComplex(f.Complex(), 128, verb)
	case reflectlite.String:
		p.fmtString(f.String(), verb)
	case reflectlite.Map:
		if p.fmt.sharpV {
			p.buf = append(p.buf, f.Type().String()...)
			if f.IsNil() {
				p.buf = append(p.buf, nilParenString...)
				return
			}
			p.buf = append(p.buf, '{')
		} else {
			p.buf = append(p.buf, mapString...)
		}
		keys, elems := sortedMap(f)
		for i := range keys {
			if i > 0 {
				if p.fmt.sharpV {
					p.buf = append(p.buf, commaSpaceString...)
				} else {
					p.buf = append(p.buf, ' ')
				}
			}
			p.printValue(keys[i], verb, depth+1)
			p.buf = append(p.buf, ':')
			p.printValue(elems[i], verb, depth+1)
		}
		if p.fmt.sharpV {
			p.buf = append(p.buf, '}')
		} else {
			p.buf = append(p.buf, ']')
		}
	case reflectlite.Struct:
		if p.fmt.sharpV {
			p.buf = append(p.buf, f.Type().String()...)
		}
		p.buf = append(p.buf, '{')
		t := f.Type()
		for i := 0; i < t.NumField(); i++ {
			if i > 0 {
				if p.fmt.sharpV {
					p.buf = append(p.buf, commaSpaceString...)
				} else {
					p.buf = append(p.buf, ' ')
				}
			}
			if p.fmt.plusV || p.fmt.sharpV {
				if name := t.Field(i).Name; name != "" {
					p.buf = append(p.buf, name...)
					p.buf = append(p.buf, ':')
				}
			}
			p.printValue(f.Field(i), verb, depth+1)
		}
		p.buf = append(p.buf, '}')
	case reflectlite.Interface:
		value := f.Elem()
		if !value.IsValid() {
			if p.fmt.sharpV {
				p.buf = append(p.buf, f.Type().String()...)
				p.buf = append(p.buf, nilParenString...)
			} else {
				p.buf = append(p.buf, nilAngleString...)
			}
		} else {
			p.printValue(value, verb, depth+1)
		}
	case reflectlite.Array, reflectlite.Slice:
		switch verb {
		case 's', 'q', 'x', 'X':
			// Byte slices and arrays are strings for these verbs.
			if f.Type().Elem().Kind() == reflectlite.Uint8 {
				p.fmtBytes(f.Bytes(), verb, f.Type().String())
				return
			}
		}
		if p.fmt.sharpV {
			p.buf = append(p.buf, f.Type().String()...)
			if f.Kind() == reflectlite.Slice && f.IsNil() {
				p.buf = append(p.buf, nilParenString...)
				return
			}
			p.buf = append(p.buf, '{')
			for i := 0; i < f.Len(); i++ {
				if i > 0 {
					p.buf = append(p.buf, commaSpaceString...)
				}
				p.printValue(f.Index(i), verb, depth+1)
			}
			p.buf = append(p.buf, '}')
		} else {
			p.buf = append(p.buf, '[')
			for i := 0; i < f.Len(); i++ {
				if i > 0 {
					p.buf = append(p.buf, ' ')
				}
				p.printValue(f.Index(i), verb, depth+1)
			}
			p.buf = append(p.buf, ']')
		}
	case reflectlite.Pointer:
		// A pointer to an array, slice, struct or map prints as & and the value, at the top
		// level only (so that cycles cannot recurse forever).
		if depth == 0 && !f.IsNil() {
			switch a := f.Elem(); a.Kind() {
			case reflectlite.Array, reflectlite.Slice, reflectlite.Struct, reflectlite.Map:
				p.buf = append(p.buf, '&')
				p.printValue(a, verb, depth+1)
				return
			}
		}
		p.fmtPointer(f, verb)
	case reflectlite.Chan, reflectlite.Func, reflectlite.UnsafePointer:
		p.fmtPointer(f, verb)
	default:
		p.unknownType(f)
	}
}

// ---- the format string ----

// intFromArg reads operand argNum as a width or precision (*), which must be an int.
func intFromArg(a []any, argNum int) (num int, isInt bool, newArgNum int) {
	newArgNum = argNum
	if argNum < len(a) {
		num, isInt = a[argNum].(int)
		if !isInt {
			// Other integer types are accepted too, if the value fits.
			switch v := reflectlite.ValueOf(a[argNum]); v.Kind() {
			case reflectlite.Int, reflectlite.Int8, reflectlite.Int16, reflectlite.Int32, reflectlite.Int64:
				n := v.Int()
				if int64(int(n)) == n {
					num = int(n)
					isInt = true
				}
			case reflectlite.Uint, reflectlite.Uint8, reflectlite.Uint16, reflectlite.Uint32, reflectlite.Uint64, reflectlite.Uintptr:
				n := v.Uint()
				if int64(n) >= 0 && uint64(int(n)) == n {
					num = int(n)
					isInt = true
				}
			}
		}
		newArgNum = argNum + 1
		if tooLarge(num) {
			num = 0
			isInt = false
		}
	}
	return
}

// tooLarge reports whether a width or precision is absurd (guards against huge padding).
func tooLarge(x int) bool {
	const max int = 1e6
	return x > max || x < -max
}

// parsenum reads a decimal number at s[start:end].
func parsenum(s string, start, end int) (num int, isnum bool, newi int) {
	if start >= end {
		return 0, false, end
	}
	for newi = start; newi < end && '0' <= s[newi] && s[newi] <= '9'; newi++ {
		if tooLarge(num) {
			return 0, false, end
		}
		num = num*10 + int(s[newi]-'0')
		isnum = true
	}
	return
}

// parseArgNumber reads [n] at the start of format: the zero-based index, whether it is
// well formed, and its length.
func parseArgNumber(format string) (index int, wid int, ok bool) {
	if len(format) < 3 {
		return 0, 1, false
	}
	for i := 1; i < len(format); i++ {
		if format[i] == ']' {
			width, ok, newi := parsenum(format, 1, i)
			if !ok || newi != i {
				return 0, i + 1, false
			}
			return width - 1, i + 1, true
		}
	}
	return 0, 1, false
}

// argNumber handles an optional [n] at format[i:]: the operand number to use next.
func (p *pp) argNumber(argNum int, format string, i int, numArgs int) (newArgNum, newi int, found bool) {
	if len(format) <= i || format[i] != '[' {
		return argNum, i, false
	}
	p.reordered = true
	index, wid, ok := parseArgNumber(format[i:])
	if ok && 0 <= index && index < numArgs {
		return index, i + wid, true
	}
	p.goodArgNum = false
	return argNum, i + wid, ok
}

func (p *pp) badArgNum(verb rune) {
	p.buf = append(p.buf, percentBangString...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, badIndexString...)
}

func (p *pp) missingArg(verb rune) {
	p.buf = append(p.buf, percentBangString...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, missingString...)
}

func (p *pp) doPrintf(format string, a []any) {
	end := len(format)
	argNum := 0
	afterIndex := false
	p.reordered = false
formatLoop:
	for i := 0; i < end; {
		p.goodArgNum = true
		lasti := i
		for i < end && format[i] != '%' {
			i++
		}
		if i > lasti {
			p.buf = append(p.buf, format[lasti:i]...)
		}
		if i >= end {
			break
		}
		// Skip the %.
		i++
		p.fmt.clearFlags()
	simpleFormat:
		for ; i < end; i++ {
			c := format[i]
			switch c {
			case '#':
				p.fmt.sharp = true
			case '0':
				// Zero padding only to the left.
				p.fmt.zero = !p.fmt.minus
			case '+':
				p.fmt.plus = true
			case '-':
				p.fmt.minus = true
				p.fmt.zero = false
			case ' ':
				p.fmt.space = true
			default:
				// The common case: a plain verb with no width or precision.
				if 'a' <= c && c <= 'z' && argNum < len(a) {
					if c == 'v' {
						p.fmt.sharpV = p.fmt.sharp
						p.fmt.sharp = false
						p.fmt.plusV = p.fmt.plus
						p.fmt.plus = false
					}
					p.printArg(a[argNum], rune(c))
					argNum++
					i++
					continue formatLoop
				}
				break simpleFormat
			}
		}

		// An argument index before a * width?
		argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))

		// The width: a number or *.
		if i < end && format[i] == '*' {
			i++
			p.fmt.wid, p.fmt.widPresent, argNum = intFromArg(a, argNum)
			if !p.fmt.widPresent {
				p.buf = append(p.buf, badWidthString...)
			}
			// A negative width means - and its absolute value.
			if p.fmt.wid < 0 {
				p.fmt.wid = -p.fmt.wid
				p.fmt.minus = true
				p.fmt.zero = false
			}
			afterIndex = false
		} else {
			p.fmt.wid, p.fmt.widPresent, i = parsenum(format, i, end)
			if afterIndex && p.fmt.widPresent {
				// "%[3]2d" is not allowed.
				p.goodArgNum = false
			}
		}

		// The precision: . followed by a number, *, or nothing (zero).
		if i+1 <= end && i < end && format[i] == '.' {
			i++
			if afterIndex {
				p.goodArgNum = false
			}
			argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
			if i < end && format[i] == '*' {
				i++
				p.fmt.prec, p.fmt.precPresent, argNum = intFromArg(a, argNum)
				// A negative precision means none.
				if p.fmt.prec < 0 {
					p.fmt.prec = 0
					p.fmt.precPresent = false
				}
				if !p.fmt.precPresent {
					p.buf = append(p.buf, badPrecString...)
				}
				afterIndex = false
			} else {
				p.fmt.prec, p.fmt.precPresent, i = parsenum(format, i, end)
				if !p.fmt.precPresent {
					p.fmt.prec = 0
					p.fmt.precPresent = true
				}
			}
		}

		if !afterIndex {
			argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
		}

		if i >= end {
			p.buf = append(p.buf, noVerbString...)
			break
		}

		verb, size := rune(format[i]), 1
		if verb >= utf8.RuneSelf {
			verb, size = utf8.DecodeRuneInString(format[i:])
		}
		i += size

		switch {
		case verb == '%':
			// %% prints a percent sign and takes no operand.
			p.buf = append(p.buf, '%')
		case !p.goodArgNum:
			p.badArgNum(verb)
		case argNum >= len(a):
			p.missingArg(verb)
		case verb == 'v':
			p.fmt.sharpV = p.fmt.sharp
			p.fmt.sharp = false
			p.fmt.plusV = p.fmt.plus
			p.fmt.plus = false
			fallthrough
		default:
			p.printArg(a[argNum], verb)
			argNum++
		}
	}

	// Operands left over: %!(EXTRA type=value, ...), unless an index was used.
	if !p.reordered && argNum < len(a) {
		p.fmt.clearFlags()
		p.buf = append(p.buf, extraString...)
		for i, arg := range a[argNum:] {
			if i > 0 {
				p.buf = append(p.buf, commaSpaceString...)
			}
			if arg == nil {
				p.buf = append(p.buf, nilAngleString...)
			} else {
				p.buf = append(p.buf, reflectlite.TypeOf(arg).String()...)
				p.buf = append(p.buf, '=')
				p.printArg(arg, 'v')
			}
		}
		p.buf = append(p.buf, ')')
	}
}

// doPrint prints the operands with %v, with a space between two operands when neither is
// a string.
func (p *pp) doPrint(a []any) {
	prevString := false
	for argNum, arg := range a {
		isString := arg != nil && reflectlite.TypeOf(arg).Kind() == reflectlite.String
		if argNum > 0 && !isString && !prevString {
			p.buf = append(p.buf, ' ')
		}
		p.printArg(arg, 'v')
		prevString = isString
	}
}

// doPrintln prints the operands with %v, spaces between them, and a newline.
func (p *pp) doPrintln(a []any) {
	for argNum, arg := range a {
		if argNum > 0 {
			p.buf = append(p.buf, ' ')
		}
		p.printArg(arg, 'v')
	}
	p.buf = append(p.buf, '\n')
}
