package strings

import (
	"errors"
	"io"
	"unicode/utf8"
)

// Reader reads a string: it is an io.Reader, io.ReaderAt, io.ByteScanner, io.RuneScanner,
// io.Seeker and io.WriterTo. The zero Reader reads the empty string.
type Reader struct {
	s        string
	i        int64 // where the next read starts
	prevRune int   // where the rune that ReadRune returned last starts, or -1
}

// The whence values of Seek, as io.SeekStart, io.SeekCurrent and io.SeekEnd.
const (
	seekStart   = 0
	seekCurrent = 1
	seekEnd     = 2
)

// NewReader returns a Reader reading s.
func NewReader(s string) *Reader { return &Reader{s, 0, -1} }

// Len returns the number of bytes not yet read.
func (r *Reader) Len() int {
	if r.i >= int64(len(r.s)) {
		return 0
	}
	return int(int64(len(r.s)) - r.i)
}

// Size returns the length of the whole string, whatever has been read.
func (r *Reader) Size() int64 { return int64(len(r.s)) }

// Read reads up to len(b) bytes into b. At the end of the string it returns 0, io.EOF.
func (r *Reader) Read(b []byte) (n int, err error) {
	if r.i >= int64(len(r.s)) {
		return 0, io.EOF
	}
	r.prevRune = -1
	n = copy(b, r.s[r.i:])
	r.i += int64(n)
	return n, nil
}

// ReadAt reads up to len(b) bytes into b from offset off, whatever has been read; it
// returns io.EOF if it reads fewer than len(b) bytes.
func (r *Reader) ReadAt(b []byte, off int64) (n int, err error) {
	if off < 0 {
		return 0, errors.New("strings.Reader.ReadAt: negative offset")
	}
	if off >= int64(len(r.s)) {
		return 0, io.EOF
	}
	n = copy(b, r.s[off:])
	if n < len(b) {
		err = io.EOF
	}
	return n, err
}

// ReadByte reads one byte; at the end of the string it returns 0, io.EOF.
func (r *Reader) ReadByte() (byte, error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, io.EOF
	}
	c := r.s[r.i]
	r.i++
	return c, nil
}

// UnreadByte steps back one byte.
func (r *Reader) UnreadByte() error {
	if r.i <= 0 {
		return errors.New("strings.Reader.UnreadByte: at beginning of string")
	}
	r.prevRune = -1
	r.i--
	return nil
}

// ReadRune reads one rune and returns it and its width (an invalid byte is RuneError of
// width 1); at the end of the string it returns 0, 0, io.EOF.
func (r *Reader) ReadRune() (ch rune, size int, err error) {
	if r.i >= int64(len(r.s)) {
		r.prevRune = -1
		return 0, 0, io.EOF
	}
	r.prevRune = int(r.i)
	if c := r.s[r.i]; c < utf8.RuneSelf {
		r.i++
		return rune(c), 1, nil
	}
	ch, size = utf8.DecodeRuneInString(r.s[r.i:])
	r.i += int64(size)
	return ch, size, nil
}

// UnreadRune steps back over the rune that the last call, which must be ReadRune, read.
func (r *Reader) UnreadRune() error {
	if r.i <= 0 {
		return errors.New("strings.Reader.UnreadRune: at beginning of string")
	}
	if r.prevRune < 0 {
		return errors.New("strings.Reader.UnreadRune: previous operation was not ReadRune")
	}
	r.i = int64(r.prevRune)
	r.prevRune = -1
	return nil
}

// Seek sets where the next read starts: offset from the start (whence io.SeekStart), from
// there (io.SeekCurrent) or from the end (io.SeekEnd). It returns the new position, which
// may be past the end but not negative.
func (r *Reader) Seek(offset int64, whence int) (int64, error) {
	r.prevRune = -1
	var abs int64
	switch whence {
	case seekStart:
		abs = offset
	case seekCurrent:
		abs = r.i + offset
	case seekEnd:
		abs = int64(len(r.s)) + offset
	default:
		return 0, errors.New("strings.Reader.Seek: invalid whence")
	}
	if abs < 0 {
		return 0, errors.New("strings.Reader.Seek: negative position")
	}
	r.i = abs
	return abs, nil
}

// WriteTo writes the unread part of the string to w.
func (r *Reader) WriteTo(w io.Writer) (n int64, err error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, nil
	}
	s := r.s[r.i:]
	m, err := io.WriteString(w, s)
	if m > len(s) {
		panic("strings.Reader.WriteTo: invalid WriteString count")
	}
	r.i += int64(m)
	n = int64(m)
	if m != len(s) && err == nil {
		err = io.ErrShortWrite
	}
	return n, err
}

// Reset makes r read s from the start.
func (r *Reader) Reset(s string) { *r = Reader{s, 0, -1} }
