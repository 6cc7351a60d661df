package main

import (
	"io"
	"strings"
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

func copied() {
	defer func() {
		println("recovered:", recover().(string))
	}()
	var a strings.Builder
	a.WriteString("x")
	b := a // a copy of a Builder in use
	println(b.Len(), b.String(), b.Cap())
	b.WriteString("y")
	println("not reached")
}

func growNegative() {
	defer func() {
		println("recovered:", recover().(string))
	}()
	var b strings.Builder
	b.Grow(-1)
}

type sink struct {
	max int
	got string
}

func (s *sink) Write(p []byte) (int, error) {
	if len(p) > s.max {
		s.got += string(p[:s.max])
		return s.max, nil // a short write without an error
	}
	s.got += string(p)
	return len(p), nil
}

func main() {
	var b strings.Builder
	println(b.Len(), b.Cap(), b.String() == "")
	n, err := b.WriteString("hello")
	println(n, err == nil, b.Len(), b.Cap())
	err = b.WriteByte(',')
	println(err == nil, b.Len(), b.Cap())
	for _, r := range []rune{' ', 'é', '世', 0x1F600, -1, 0x110000, 0xD800} {
		n, err = b.WriteRune(r)
		print(n, err == nil, b.Len(), b.Cap(), " ")
	}
	println()
	n, err = b.Write([]byte(" bytes"))
	println(n, err == nil, b.String(), b.Len(), b.Cap())
	b.Grow(10)
	println(b.Len(), b.Cap())
	b.Grow(1000)
	println(b.Len(), b.Cap())
	b.Reset()
	println(b.Len(), b.Cap(), b.String() == "")
	c := b // fine: b is empty after Reset
	c.WriteString("copy ok")
	println(c.String())
	var g strings.Builder
	g.Grow(5)
	println(g.Cap())
	for i := 0; i < 10; i++ {
		g.WriteRune('ü')
		print(g.Cap(), " ")
	}
	println(g.String())
	var big strings.Builder
	for i := 0; i < 1000; i++ {
		big.WriteString("abc")
	}
	println(big.Len(), big.Cap(), big.String()[2990:])
	var w io.Writer = &big
	w.Write([]byte("!"))
	println(big.Len())
	copied()
	growNegative()

	// Reader.
	r := strings.NewReader("héllo, wörld\xff!")
	println(r.Len(), r.Size())
	buf := make([]byte, 4)
	for {
		n, err := r.Read(buf)
		println("Read", n, errText(err), string(buf[:n]), r.Len())
		if err != nil {
			break
		}
	}
	n, err = r.Read(nil)
	println("Read nil at end", n, errText(err))
	r.Reset("ab€\xffc")
	n, err = r.Read(nil)
	println("Read nil", n, errText(err))
	for {
		ch, size, err := r.ReadRune()
		println("ReadRune", ch, size, errText(err), r.Len())
		if err != nil {
			break
		}
	}
	println("UnreadRune after EOF:", errText(r.UnreadRune()))
	r.Seek(0, 0) // io.SeekStart
	println("UnreadRune at start:", errText(r.UnreadRune()), errText(r.UnreadByte()))
	ch, size, _ := r.ReadRune()
	ch, size, _ = r.ReadRune()
	println(ch, size, errText(r.UnreadRune()), r.Len(), errText(r.UnreadRune()))
	bt, err := r.ReadByte()
	println(bt, errText(err), errText(r.UnreadRune()), errText(r.UnreadByte()), r.Len())
	ch, size, _ = r.ReadRune()
	println(ch, size)
	ch, size, _ = r.ReadRune()
	println(ch, size, errText(r.UnreadByte()), errText(r.UnreadRune()), r.Len())

	for _, sk := range [][2]int64{{0, 0}, {2, 0}, {1, 1}, {-1, 1}, {-2, 2}, {100, 0}, {-100, 1}, {0, 3}, {0, 2}, {-7, 2}} {
		pos, err := r.Seek(sk[0], int(sk[1]))
		bt, err2 := r.ReadByte()
		println("Seek", sk[0], sk[1], pos, errText(err), bt, errText(err2), r.Len())
	}
	r.Seek(1000, 0) // io.SeekStart
	n, err = r.Read(buf)
	println("past end", n, errText(err), r.Len(), errText(r.UnreadByte()), r.Len())

	r.Reset("0123456789")
	for _, off := range []int64{0, 3, 8, 10, 11, -1} {
		b5 := make([]byte, 5)
		n, err := r.ReadAt(b5, off)
		println("ReadAt", off, n, errText(err), string(b5[:n]), r.Len())
	}

	r.Reset("write me out")
	r.ReadByte()
	var sb strings.Builder
	m, err := r.WriteTo(&sb)
	println("WriteTo", m, errText(err), sb.String(), r.Len())
	m, err = r.WriteTo(&sb)
	println("WriteTo again", m, errText(err))
	r.Reset("short write here")
	s := &sink{max: 5}
	m, err = r.WriteTo(s)
	println("WriteTo short", m, errText(err), s.got, r.Len())

	var zr strings.Reader
	n, err = zr.Read(buf)
	println("zero Reader", zr.Len(), zr.Size(), n, errText(err))

	// Readers as io interfaces.
	var rd io.Reader = strings.NewReader("via interface")
	all, err := io.ReadAll(rd)
	println(string(all), errText(err))
	var rs io.RuneScanner = strings.NewReader("ü")
	ch, size, err = rs.ReadRune()
	println(ch, size, errText(err), errText(rs.UnreadRune()))
	var bs io.ByteScanner = strings.NewReader("z")
	bt, err = bs.ReadByte()
	println(bt, errText(err), errText(bs.UnreadByte()))
}
