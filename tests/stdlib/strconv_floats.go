package main

import (
	"errors"
	"strconv"
)

func parse(s string, bitSize int) {
	f, err := strconv.ParseFloat(s, bitSize)
	line := "ParseFloat(" + strconv.Quote(s) + ", " + strconv.Itoa(bitSize) + ") = " + strconv.FormatFloat(f, 'g', -1, 64) +
		" " + strconv.FormatFloat(f, 'x', -1, 64)
	if err != nil {
		line += " error: " + err.Error()
		if errors.Is(err, strconv.ErrRange) {
			line += " (range)"
		}
		if errors.Is(err, strconv.ErrSyntax) {
			line += " (syntax)"
		}
	}
	println(line)
}

func main() {
	// One row per value: every format, several precisions, both sizes.
	zero := 0.0
	values := []float64{0, -zero, 1, -1, 0.5, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 10, 100, 1e6, 1e20, 1e21, 1e23, 123456.789, -123456.789,
		0.000123, 1e-5, 1e-7, 3.141592653589793, 2.718281828459045, 1.7976931348623157e308, 4.9406564584124654e-324,
		2.2250738585072014e-308, 9007199254740993, 0.125, 0.375, 2.5, 3.5, -2.5, 1.5e-10, 5e-324, 1e300, 123456789012345678,
		3.4028234663852886e38, 1.401298464324817e-45, 1.1754943508222875e-38, 16777217, 0.1 + 0.2, 299792458, 6.02214076e23,
		1 / zero, -1 / zero, zero / zero}
	formats := []byte{'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X'}
	precs := []int{-1, 0, 1, 2, 3, 6, 10, 17, 20}
	for _, v := range values {
		for _, size := range []int{64, 32} {
			for _, f := range formats {
				line := string(f) + strconv.Itoa(size) + ":"
				for _, p := range precs {
					line += " " + strconv.FormatFloat(v, f, p, size)
				}
				println(line)
			}
		}
	}

	// Large precisions, and the precision that exceeds the digits.
	println(strconv.FormatFloat(1.0/3, 'f', 60, 64))
	println(strconv.FormatFloat(1e-300, 'e', 40, 64))
	println(strconv.FormatFloat(5e-324, 'f', 1100, 64))
	println(strconv.FormatFloat(0.1, 'g', 60, 64))
	println(strconv.FormatFloat(0.1, 'g', 60, 32))
	println(strconv.FormatFloat(1<<62, 'x', 20, 64))
	println(strconv.FormatFloat(123, 'x', 0, 64), strconv.FormatFloat(1.5, 'x', 0, 64), strconv.FormatFloat(2.5, 'x', 0, 64), strconv.FormatFloat(0x1.08p0, 'x', 1, 64), strconv.FormatFloat(0x1.18p0, 'x', 1, 64), strconv.FormatFloat(0x1.f8p0, 'x', 1, 64))
	// Rounding ties to even in fixed precision.
	for _, v := range []float64{0.5, 1.5, 2.5, 3.5, -0.5, 0.25, 0.75, 0.125, 0.375, 1.0625, 1e-10, 0.05, 0.15, 0.25, 0.35, 0.45, 9.5, 99.5, 999.5} {
		println(strconv.FormatFloat(v, 'f', 0, 64), strconv.FormatFloat(v, 'f', 1, 64), strconv.FormatFloat(v, 'f', 2, 64), strconv.FormatFloat(v, 'e', 0, 64), strconv.FormatFloat(v, 'g', 1, 64), strconv.FormatFloat(v, 'g', 2, 64))
	}
	// Unknown formats.
	println(strconv.FormatFloat(1, 'z', -1, 64), strconv.FormatFloat(1, 'v', 3, 32), strconv.FormatFloat(1/zero, 'z', -1, 64))
	// AppendFloat.
	b := []byte("pi=")
	b = strconv.AppendFloat(b, 3.14159, 'f', 2, 64)
	b = append(b, ", e="...)
	b = strconv.AppendFloat(b, 2.71828, 'e', -1, 32)
	println(string(b))

	// Parsing.
	for _, s := range []string{"0", "-0", "+0", "1", "-1", "1.5", "-1.5", ".5", "5.", "1e10", "1E10", "1e+10", "1e-10", "1.5e3", "-1.5E-3",
		"123456789012345678901234567890", "0.000000000000000000000000000000000001", "1e308", "1e309", "-1e309", "1e-320", "1e-400",
		"1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "4.9e-324", "2.4e-324", "2.5e-324",
		"3.4028235e38", "3.4028236e38", "1e39", "1e-46", "7e-46", "8e-46",
		"0x1p0", "0x1.8p1", "0X1.8P1", "-0x1p-2", "0x.8p0", "0x1p1024", "0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023", "0x1p-1074", "0x1p-1075", "0x1.8p-1075", "0x123.abcp-4",
		"0x1", "0x1p", "0x", "0x1.8", "0x1e3", "1_000", "1_000.000_001", "1__000", "_1", "1_", "0x_1p0", "1e1_0", "1_e10",
		"inf", "Inf", "+INF", "-inf", "infinity", "-Infinity", "INFINITY", "infinit", "nan", "NaN", "NAN", "-nan", "+NaN",
		"", " ", "1 ", " 1", "1x", "x1", "1e", "1e+", "1e-", "e5", ".", "+.", "-.e1", "1.2.3", "1e2e3", "--1", "+-1", "0b101", "0o17", "1,5", "١",
		"9007199254740993", "9007199254740993.0000000000001", "2.2250738585072011e-308", "0.1", "0.2", "0.30000000000000004"} {
		parse(s, 64)
		parse(s, 32)
	}
	parse("1e-1000000", 64)
	parse("1e1000000", 64)
	parse("123", 16) // any other bit size means 64

	// Complex numbers.
	for _, c := range []complex128{0, 1, 1i, -1 - 1i, complex(1.5, -2.25), complex(1e300, 1e-300), complex(zero/zero, 1/zero), complex(0.1, 0.2)} {
		println(strconv.FormatComplex(c, 'g', -1, 128), strconv.FormatComplex(c, 'e', 3, 64), strconv.FormatComplex(c, 'f', 1, 128))
	}
	for _, s := range []string{"1", "1i", "-1i", "1+2i", "(1+2i)", "1-2i", "1+-2i", "1++2i", "1e3-0x1p-2i", "(1+2i", "1+2", "1+2j", "i", "+i", "infi", "-infi", "NaN+NaNi", "inf-infi",
		"1e400+1i", "1+1e400i", "1e400", "1e40+1e40i", "()", "(1)", "1i+2", "", "1 +2i", "0x1p1+0x1p-1i"} {
		for _, size := range []int{128, 64} {
			c, err := strconv.ParseComplex(s, size)
			line := "ParseComplex(" + strconv.Quote(s) + ", " + strconv.Itoa(size) + ") = " + strconv.FormatComplex(c, 'g', -1, 128)
			if err != nil {
				line += " error: " + err.Error()
			}
			println(line)
		}
	}

	// An invalid bit size panics.
	defer func() {
		println("recovered:", recover().(string))
		strconv.FormatComplex(1, 'g', -1, 32)
	}()
	strconv.FormatFloat(1, 'g', -1, 16)
}
