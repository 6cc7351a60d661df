package main

import (
	"errors"
	"unicode/utf8"
)

type MyErr struct{ Code int }

func (e MyErr) Error() string { return "myerr" }

type wrap struct {
	msg string
	err error
}

func (w *wrap) Error() string { return w.msg + ": " + w.err.Error() }
func (w *wrap) Unwrap() error { return w.err }

type sliceErr []int

func (s sliceErr) Error() string { return "slice" }

var ErrNotFound = errors.New("not found")

func main() {
	e1 := &wrap{"outer", &wrap{"inner", ErrNotFound}}
	println(e1.Error())
	println(errors.Is(e1, ErrNotFound), errors.Is(e1, errors.New("not found")))
	println(errors.Unwrap(e1) != nil, errors.Unwrap(ErrNotFound) == nil)
	var e2 error = &wrap{"w", MyErr{42}}
	var me MyErr
	println(errors.As(e2, &me), me.Code)
	var w *wrap
	println(errors.As(e2, &w), w.msg)
	var se sliceErr
	println(errors.Is(sliceErr{1}, sliceErr{1}), errors.As(&wrap{"x", sliceErr{7, 8}}, &se), len(se), se[1])
	var ie interface{ Unwrap() error }
	println(errors.As(e2, &ie))
	s := "héllo, 世界\xff!"
	println(utf8.RuneCountInString(s), utf8.ValidString(s), utf8.RuneLen('世'), utf8.ValidRune(0xD800))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		print(r, ":", n, " ")
		i += n
	}
	println()
	r, n := utf8.DecodeLastRuneInString(s[:len(s)-2])
	println(r, n)
	b := utf8.AppendRune(nil, '界')
	b = utf8.AppendRune(b, -1)
	println(len(b), b[0], b[3], utf8.FullRune(b[:2]), utf8.RuneCount(b))
	defer func() { println("recovered:", recover().(string)) }()
	errors.As(e2, nil)
}
