package main

import (
	"bytes"
	"errors"
	"io"
)

func errText(err error) string {
	if err == nil {
		return "nil"
	}
	if err == io.EOF {
		return "EOF"
	}
	return err.Error()
}

func state(name string, b *bytes.Buffer) {
	println(name, "len", b.Len(), "cap", b.Cap(), "=", b.String())
}

func catch(name string, f func()) {
	defer func() {
		e := recover()
		if err, ok := e.(error); ok {
			println(name, "panics with error:", err.Error(), err == bytes.ErrTooLarge)
		} else if s, ok := e.(string); ok {
			println(name, "panics:", s)
		} else {
			println(name, "does not panic")
		}
	}()
	f()
}

// chunks is a reader giving its pieces one Read at a time, then an error (nil: io.EOF).
type chunks struct {
	parts []string
	err   error
}

func (c *chunks) Read(p []byte) (int, error) {
	if len(c.parts) == 0 {
		if c.err != nil {
			return 0, c.err
		}
		return 0, io.EOF
	}
	n := copy(p, c.parts[0])
	c.parts[0] = c.parts[0][n:]
	if c.parts[0] == "" {
		c.parts = c.parts[1:]
	}
	return n, nil
}

type shortWriter struct{ max int }

func (w *shortWriter) Write(p []byte) (int, error) {
	if len(p) > w.max {
		return w.max, nil
	}
	return len(p), nil
}

func main() {
	var b bytes.Buffer
	state("zero", &b)
	b.WriteString("hello")
	state("WriteString", &b)
	b.WriteByte(' ')
	n, err := b.WriteRune('世')
	println(n, errText(err))
	b.WriteRune(-1)
	b.Write([]byte("界!"))
	state("more", &b)
	for i := 0; i < 10; i++ {
		b.WriteString("0123456789")
		print(b.Cap(), " ")
	}
	println()
	state("grown", &b)

	// Reading.
	p := make([]byte, 7)
	n, err = b.Read(p)
	println("Read", n, errText(err), string(p[:n]), b.Len())
	println("UnreadByte", errText(b.UnreadByte()), b.Len(), errText(b.UnreadByte()))
	c, err := b.ReadByte()
	println("ReadByte", c, errText(err))
	r, size, err := b.ReadRune()
	println("ReadRune", r, size, errText(err), errText(b.UnreadRune()), b.Len(), errText(b.UnreadRune()))
	r, size, err = b.ReadRune()
	r, size, err = b.ReadRune()
	println("ReadRune", r, size, errText(err), errText(b.UnreadByte()), errText(b.UnreadRune()))
	next := b.Next(4)
	println("Next", string(next), b.Len())
	line, err := b.ReadString('5')
	println("ReadString", line, errText(err))
	lb, err := b.ReadBytes('9')
	println("ReadBytes", string(lb), errText(err), b.Len())
	rest, err := b.ReadString('#')
	println("ReadString to end", len(rest), errText(err), b.Len(), b.Cap())
	n, err = b.Read(p)
	println("Read at end", n, errText(err))
	n, err = b.Read(nil)
	println("Read nil at end", n, errText(err))
	_, _, err = b.ReadRune()
	_, err2 := b.ReadByte()
	println(errText(err), errText(err2), errText(b.UnreadRune()), errText(b.UnreadByte()))

	// Moving unread bytes to the front instead of growing.
	var m bytes.Buffer
	m.Grow(100)
	println("Grow", m.Len(), m.Cap())
	m.WriteString("abcdefghijklmnopqrstuvwxyz")
	m.Next(20)
	m.WriteString("0123456789012345678901234567890123456789012345678901234567890123456789")
	state("moved", &m)
	m.Truncate(3)
	state("Truncate 3", &m)
	m.Truncate(0)
	state("Truncate 0", &m)
	catch("Truncate -1", func() { m.Truncate(-1) })
	catch("Truncate 10", func() { m.WriteString("abc"); m.Truncate(10) })
	catch("Grow -1", func() { m.Grow(-1) })
	catch("Grow huge", func() { m.Grow(1 << 62) })
	m.Reset()
	state("Reset", &m)

	// Bytes and Next share memory with the buffer.
	s := bytes.NewBufferString("shared")
	view := s.Bytes()
	view[0] = 'S'
	println(s.String(), len(view)) // (its capacity is up to the compiler's []byte(string))
	nb := bytes.NewBuffer(make([]byte, 3, 10))
	nb.WriteString("xy")
	println(nb.Len(), nb.Cap(), nb.Bytes()[3], nb.Bytes()[4])
	var nilBuf *bytes.Buffer
	println(nilBuf.String())

	// Small and large first writes.
	var small, large bytes.Buffer
	small.WriteByte('x')
	large.Write(make([]byte, 100))
	println(small.Cap(), large.Cap())
	var runes bytes.Buffer
	for i := 0; i < 40; i++ {
		runes.WriteRune('é')
	}
	println(runes.Len(), runes.Cap())

	// ReadFrom and WriteTo.
	var rf bytes.Buffer
	rf.WriteString("start:")
	k, err := rf.ReadFrom(&chunks{parts: []string{"one,", "two,", "three"}})
	println("ReadFrom", k, errText(err), rf.String(), rf.Cap())
	k, err = rf.ReadFrom(&chunks{parts: []string{"x"}, err: errors.New("broken")})
	println("ReadFrom", k, errText(err), rf.String())
	var dst bytes.Buffer
	k, err = rf.WriteTo(&dst)
	println("WriteTo", k, errText(err), dst.String(), rf.Len())
	rf.WriteString("0123456789")
	k, err = rf.WriteTo(&shortWriter{max: 4})
	println("WriteTo short", k, errText(err), rf.String())
	var w io.Writer = &dst
	io.WriteString(w, "+via io.Writer")
	println(dst.String())
	all, err := io.ReadAll(&dst)
	println(string(all), errText(err), dst.Len())

	// Reader.
	data := []byte("héllo\xff!")
	rd := bytes.NewReader(data)
	println(rd.Len(), rd.Size())
	for {
		r, size, err := rd.ReadRune()
		println("ReadRune", r, size, errText(err), rd.Len())
		if err != nil {
			break
		}
	}
	println(errText(rd.UnreadRune()), errText(rd.UnreadByte()), rd.Len())
	pos, err := rd.Seek(-3, 2)
	println("Seek", pos, errText(err))
	q := make([]byte, 2)
	n, err = rd.Read(q)
	println("Read", n, errText(err), string(q[:n]))
	pos, err = rd.Seek(-10, 1)
	println("Seek", pos, errText(err))
	pos, err = rd.Seek(0, 9)
	println("Seek", pos, errText(err))
	for _, off := range []int64{0, 5, 7, 8, -1} {
		q3 := make([]byte, 3)
		n, err := rd.ReadAt(q3, off)
		println("ReadAt", off, n, errText(err), string(q3[:n]))
	}
	rd.Reset([]byte("reset"))
	bt, err := rd.ReadByte()
	println(bt, errText(err), errText(rd.UnreadRune()), errText(rd.UnreadByte()), errText(rd.UnreadByte()))
	var out bytes.Buffer
	k, err = rd.WriteTo(&out)
	println("WriteTo", k, errText(err), out.String(), rd.Len())
	var zr bytes.Reader
	n, err = zr.Read(q)
	println("zero Reader", zr.Len(), n, errText(err))
}
