package strings

import (
	"unicode/utf8"
	"unsafe"
)

// Builder builds a string piece by piece, appending to a byte buffer. The zero Builder is
// empty and ready to use. A Builder must not be copied once it holds something: its methods
// panic if they find that they are called on a copy.
//
// String does not copy: the string shares the buffer (a Builder only appends, so the bytes
// a string covers never change; growing moves later bytes to a new buffer).
type Builder struct {
	addr *Builder // the Builder itself, once used: a copy is where this is not its address
	buf  []byte
}

// copyCheck panics if b is a copy of a Builder that was in use.
func (b *Builder) copyCheck() {
	if b.addr == nil {
		// Storing b's address in b would make escape analysis move every Builder to the
		// heap: the address goes through noescape, as in gc.
		b.addr = (*Builder)(noescape(unsafe.Pointer(b)))
	} else if b.addr != b {
		panic("strings: illegal use of non-zero Builder copied by value")
	}
}

// noescape returns p, made from an integer so that escape analysis does not see where it
// came from. Only for a pointer that goes nowhere its object does not: here, a Builder's
// own address, kept in the Builder.
func noescape(p unsafe.Pointer) unsafe.Pointer {
	x := uintptr(p)
	return unsafe.Pointer(x ^ 0)
}

// String returns the text built so far.
func (b *Builder) String() string {
	return bytesString(b.buf)
}

// bytesString is b as a string without a copy (the runtime's strings.bytesString).
func bytesString(b []byte) string

// Len returns the number of bytes built so far.
func (b *Builder) Len() int { return len(b.buf) }

// Cap returns the capacity of the buffer: how many bytes fit before it must grow.
func (b *Builder) Cap() int { return cap(b.buf) }

// Reset empties b (it may then be copied again).
func (b *Builder) Reset() {
	b.addr = nil
	b.buf = nil
}

// grow gives the buffer room for n more bytes: a new capacity of twice the old one plus n.
func (b *Builder) grow(n int) {
	buf := make([]byte, len(b.buf), 2*cap(b.buf)+n)
	copy(buf, b.buf)
	b.buf = buf
}

// Grow makes room for at least n more bytes, so that writing them does not reallocate.
// It panics if n is negative.
func (b *Builder) Grow(n int) {
	b.copyCheck()
	if n < 0 {
		panic("strings.Builder.Grow: negative count")
	}
	if cap(b.buf)-len(b.buf) < n {
		b.grow(n)
	}
}

// Write appends p; it returns len(p) and a nil error (the error is there to make Builder an
// io.Writer).
func (b *Builder) Write(p []byte) (int, error) {
	b.copyCheck()
	b.buf = append(b.buf, p...)
	return len(p), nil
}

// WriteByte appends the byte c; the error is always nil.
func (b *Builder) WriteByte(c byte) error {
	b.copyCheck()
	b.buf = append(b.buf, c)
	return nil
}

// WriteRune appends the UTF-8 encoding of r (U+FFFD's if r is invalid) and returns its
// length; the error is always nil.
func (b *Builder) WriteRune(r rune) (int, error) {
	b.copyCheck()
	if uint32(r) < utf8.RuneSelf {
		b.buf = append(b.buf, byte(r))
		return 1, nil
	}
	l := len(b.buf)
	if cap(b.buf)-l < utf8.UTFMax {
		b.grow(utf8.UTFMax)
	}
	n := utf8.EncodeRune(b.buf[l:l+utf8.UTFMax], r)
	b.buf = b.buf[:l+n]
	return n, nil
}

// WriteString appends s and returns len(s); the error is always nil.
func (b *Builder) WriteString(s string) (int, error) {
	b.copyCheck()
	b.buf = append(b.buf, s...)
	return len(s), nil
}
