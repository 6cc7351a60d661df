package main

import (
	"errors"
	"strconv"
)

// show prints a parse result: the value, or the error with its parts.
func show(what string, v string, err error) {
	if err == nil {
		println(what, "=", v)
		return
	}
	var ne *strconv.NumError
	if !errors.As(err, &ne) {
		println(what, "error (not a NumError):", err.Error())
		return
	}
	println(what, "=", v, "error:", err.Error(), "| Func", ne.Func, "Num", strconv.Quote(ne.Num),
		"range", errors.Is(err, strconv.ErrRange), "syntax", errors.Is(err, strconv.ErrSyntax), ne.Unwrap() == ne.Err)
}

func main() {
	println("IntSize", strconv.IntSize)

	// Formatting.
	for _, i := range []int{0, 1, -1, 9, 10, 99, 100, -100, 123456789, -987654321, 1<<63 - 1, -1 << 63} {
		println(strconv.Itoa(i), strconv.FormatInt(int64(i), 2), strconv.FormatInt(int64(i), 16), strconv.FormatInt(int64(i), 36))
	}
	for base := 2; base <= 36; base++ {
		println(base, strconv.FormatInt(-1<<63, base), strconv.FormatUint(1<<64-1, base), strconv.FormatInt(1<<63-1, base), strconv.FormatUint(12345, base))
	}
	for _, u := range []uint64{0, 7, 255, 256, 1 << 32, 1<<64 - 1} {
		println(strconv.FormatUint(u, 10), strconv.FormatUint(u, 8), strconv.FormatUint(u, 3))
	}
	buf := []byte("x=")
	buf = strconv.AppendInt(buf, -42, 10)
	buf = append(buf, ' ')
	buf = strconv.AppendUint(buf, 0xBEEF, 16)
	buf = append(buf, ' ')
	buf = strconv.AppendInt(buf, 5, 2)
	println(string(buf))

	// Atoi.
	for _, s := range []string{"0", "-0", "+0", "42", "-42", "+42", "007", "", "+", "-", "1a", " 1", "1 ", "1_000", "0x10",
		"123456789012345678", "-123456789012345678", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
		"-9223372036854775809", "99999999999999999999999", "١٢", "12\x00"} {
		n, err := strconv.Atoi(s)
		show("Atoi("+strconv.Quote(s)+")", strconv.Itoa(n), err)
	}

	// ParseInt with bases and bit sizes.
	type intCase struct {
		s       string
		base    int
		bitSize int
	}
	for _, c := range []intCase{
		{"127", 10, 8}, {"128", 10, 8}, {"-128", 10, 8}, {"-129", 10, 8}, {"32767", 10, 16}, {"-32769", 10, 16},
		{"2147483647", 10, 32}, {"2147483648", 10, 32}, {"-2147483648", 10, 32}, {"1", 10, 1}, {"0", 10, 1}, {"-1", 10, 1}, {"-2", 10, 1},
		{"ff", 16, 64}, {"FF", 16, 64}, {"-fF", 16, 64}, {"zz", 36, 64}, {"ZZ", 36, 64}, {"z", 35, 64}, {"102", 2, 64}, {"777", 8, 64}, {"8", 8, 64},
		{"0x1F", 0, 64}, {"0X1f", 0, 64}, {"0b101", 0, 64}, {"0B11", 0, 64}, {"0o17", 0, 64}, {"0O17", 0, 64}, {"017", 0, 64}, {"08", 0, 64}, {"0", 0, 64},
		{"0x", 0, 64}, {"0b", 0, 64}, {"0o", 0, 64}, {"-0x80", 0, 8}, {"0x80", 0, 8}, {"+0b1111111", 0, 8},
		{"1_000", 0, 64}, {"1__000", 0, 64}, {"_1000", 0, 64}, {"1000_", 0, 64}, {"0x_1F", 0, 64}, {"0_x1F", 0, 64}, {"0b_1_0", 0, 64}, {"-1_2_3", 0, 64}, {"1_000", 10, 64}, {"0_7", 0, 64},
		{"12", 1, 64}, {"12", 37, 64}, {"12", -1, 64}, {"12", 10, 65}, {"12", 10, -1}, {"", 10, 64}, {"", 1, 64}, {"-", 0, 64},
		{"9223372036854775807", 10, 0}, {"-9223372036854775808", 10, 0}, {"9223372036854775808", 10, 64}, {"-9223372036854775809", 10, 64},
		{"7fffffffffffffff", 16, 64}, {"8000000000000000", 16, 64}, {"-8000000000000000", 16, 64}, {"-8000000000000001", 16, 64},
		{"100000000000000000000000000000000", 10, 64}, {"100000000000000000000000000x", 10, 64}, {"x100000000000000000000000000", 10, 64},
		{"0xFFFFFFFFFFFFFFFFFF__", 0, 64},
	} {
		i, err := strconv.ParseInt(c.s, c.base, c.bitSize)
		show("ParseInt("+strconv.Quote(c.s)+", "+strconv.Itoa(c.base)+", "+strconv.Itoa(c.bitSize)+")", strconv.FormatInt(i, 10), err)
	}

	// ParseUint.
	for _, c := range []intCase{
		{"255", 10, 8}, {"256", 10, 8}, {"-1", 10, 64}, {"+1", 10, 64}, {"18446744073709551615", 10, 64}, {"18446744073709551616", 10, 64},
		{"4294967295", 10, 32}, {"4294967296", 10, 32}, {"ffffffffffffffff", 16, 64}, {"10000000000000000", 16, 64}, {"0xFFFF", 0, 16},
		{"0x1_0000", 0, 16}, {"1", 2, 0}, {"11111111111111111111111111111111111111111111111111111111111111111", 2, 64}, {"", 10, 64}, {"12", 0, 99},
		{"3w5e11264sgsf", 36, 64}, {"3w5e11264sgsg", 36, 64},
	} {
		u, err := strconv.ParseUint(c.s, c.base, c.bitSize)
		show("ParseUint("+strconv.Quote(c.s)+", "+strconv.Itoa(c.base)+", "+strconv.Itoa(c.bitSize)+")", strconv.FormatUint(u, 10), err)
	}

	// The error values.
	println(strconv.ErrRange.Error(), strconv.ErrSyntax.Error())
	e := &strconv.NumError{Func: "ParseThing", Num: "a\"b\n", Err: errors.New("custom")}
	println(e.Error(), errors.Unwrap(e).Error())
	var err error = e
	_, isNum := err.(*strconv.NumError)
	println(isNum)

	// An invalid base panics.
	defer func() {
		println("recovered:", recover().(string))
		strconv.FormatUint(1, 37)
	}()
	strconv.FormatInt(1, 1)
}
