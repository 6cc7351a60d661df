package main

import "strconv"

func main() {
	strs := []string{"", "hello", "tab\there", "quote\"back\\slash'", "nl\ncr\rff\fvt\vbell\abs\b", "\x00\x01\x1f\x7f",
		"héllo wörld", "日本語", "☺\u263a", "\U0001F600 emoji", "\u00a0nbsp\u2000\u3000spaces", "\u00ad soft hyphen", "\u200b zero width",
		"\ufeffbom", "\u0080\u009f c1", "\xff\xfe bad", "a\xc3", "\xed\xa0\x80 surrogate", "\xf4\x90\x80\x80 too big", "`back`",
		"\U0010FFFF max", "\uFFFD replacement", "\u0378 unassigned", "\U000E0001 tag", "\U000F0000 private"}
	for _, s := range strs {
		println(strconv.Quote(s), strconv.QuoteToASCII(s), strconv.QuoteToGraphic(s), strconv.CanBackquote(s))
	}
	b := []byte("q:")
	b = strconv.AppendQuote(b, "a\"b")
	b = strconv.AppendQuoteToASCII(b, "é")
	b = strconv.AppendQuoteToGraphic(b, "\u00a0")
	b = strconv.AppendQuoteRune(b, '\'')
	b = strconv.AppendQuoteRuneToASCII(b, '☺')
	b = strconv.AppendQuoteRuneToGraphic(b, '\u2000')
	println(string(b))

	runes := []rune{'a', '\'', '"', '\\', '\n', '\t', 0, 0x7f, 0x80, 0xa0, 0xad, 'é', '☺', 0x2028, 0xfeff, 0xd800, 0xdfff, 0xfffd,
		0x1f600, 0x10ffff, 0x110000, -1, 0x7fffffff, 0xe0001, 0x3000}
	for _, r := range runes {
		println(r, strconv.QuoteRune(r), strconv.QuoteRuneToASCII(r), strconv.QuoteRuneToGraphic(r), strconv.IsPrint(r), strconv.IsGraphic(r))
	}

	// Unquote and QuotedPrefix.
	for _, s := range []string{`""`, `"abc"`, `"a\"b"`, `"a'b"`, `"a\'b"`, `'a'`, `'\''`, `'"'`, `'\"'`, `'ab'`, `''`, `'`, `"`, "``", "`a\\nb`",
		"`a\rb\r`", "`a`b`", `"\x41\101\u00e9\U0001F600"`, `"\xff"`, `"\377"`, `"\400"`, `"\08"`, `"\u12"`, `"\uD800"`, `"\U00110000"`,
		`"\q"`, `"\a\b\f\n\r\t\v\\"`, "\"a\nb\"", "'\n'", `"abc`, `abc"`, `x`, `"abc"d`, `'\x41'`, `'\u263a'`, `'☺'`, "'\xff'", "\"\xff\"",
		`"日本"`, `'日本'`, "'\\", `"\`, `"\"`, `"\x4"`, `"\xg0"`, `"\1"`, `"\12"`, `'\a'`} {
		u, err := strconv.Unquote(s)
		p, perr := strconv.QuotedPrefix(s + "tail")
		line := "Unquote(" + strconv.Quote(s) + ") = " + strconv.Quote(u)
		if err != nil {
			line += " error: " + err.Error()
		}
		line += "; QuotedPrefix = " + strconv.Quote(p)
		if perr != nil {
			line += " error: " + perr.Error()
		}
		println(line)
	}

	// UnquoteChar.
	type ucCase struct {
		s     string
		quote byte
	}
	for _, c := range []ucCase{{`a`, '"'}, {`\n`, '"'}, {`\'x`, '\''}, {`\'x`, '"'}, {`\"x`, '"'}, {`"x`, '"'}, {`'x`, '\''}, {`'x`, '"'}, {"`x", '`'},
		{`\x41rest`, 0}, {`\u263arest`, 0}, {`\U0001F600`, 0}, {`\777`, 0}, {`\101`, 0}, {`\z`, 0}, {``, 0}, {`\`, 0}, {"é!", 0}, {"\xff!", 0}} {
		v, mb, tail, err := strconv.UnquoteChar(c.s, c.quote)
		line := "UnquoteChar(" + strconv.Quote(c.s) + ", " + strconv.QuoteRune(rune(c.quote)) + ") = " + strconv.Itoa(int(v)) + " " +
			strconv.FormatBool(mb) + " " + strconv.Quote(tail)
		if err != nil {
			line += " error: " + err.Error()
		}
		println(line)
	}

	// IsPrint and IsGraphic over all of Unicode: counts and a checksum per plane.
	for plane := rune(0); plane <= 0x10; plane++ {
		printable, graphic, sum := 0, 0, 0
		for r := plane << 16; r < (plane+1)<<16; r++ {
			if strconv.IsPrint(r) {
				printable++
				sum = (sum*31 + int(r)) % 1000000007
			}
			if strconv.IsGraphic(r) {
				graphic++
			}
		}
		println("plane", plane, printable, graphic, sum)
	}
	println(strconv.IsPrint(-1), strconv.IsPrint(0x110000), strconv.IsGraphic(-5), strconv.IsPrint(' '), strconv.IsGraphic(' '))

	// Booleans.
	for _, s := range []string{"1", "t", "T", "true", "TRUE", "True", "0", "f", "F", "false", "FALSE", "False", "", "yes", "tRUE", " true"} {
		v, err := strconv.ParseBool(s)
		line := "ParseBool(" + strconv.Quote(s) + ") = " + strconv.FormatBool(v)
		if err != nil {
			line += " error: " + err.Error()
		}
		println(line)
	}
	println(string(strconv.AppendBool(strconv.AppendBool([]byte("b:"), true), false)))
}
