package main

import "unicode"

// hash mixes r into h (FNV-1a on the rune's value).
func hash(h uint32, r rune) uint32 {
	return (h ^ uint32(r)) * 16777619
}

// nextRune steps through the runes worth testing exhaustively: every rune of planes 0-3 and
// 14-16 (and a few invalid values around), and every 97th rune of the unassigned planes
// 4-13, to keep the test short.
func nextRune(r rune) rune {
	if r >= 0x40000 && r < 0xE0000 {
		return r + 97
	}
	return r + 1
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func main() {
	// Every predicate over every rune (and a few invalid ones), as a count and a checksum.
	names := []string{"IsLetter", "IsDigit", "IsNumber", "IsSpace", "IsUpper", "IsLower", "IsTitle",
		"IsPunct", "IsControl", "IsGraphic", "IsPrint", "IsMark", "IsSymbol"}
	preds := []func(rune) bool{unicode.IsLetter, unicode.IsDigit, unicode.IsNumber, unicode.IsSpace,
		unicode.IsUpper, unicode.IsLower, unicode.IsTitle, unicode.IsPunct, unicode.IsControl,
		unicode.IsGraphic, unicode.IsPrint, unicode.IsMark, unicode.IsSymbol}
	for i, p := range preds {
		var h uint32 = 2166136261
		n := 0
		for r := rune(-3); r <= unicode.MaxRune+3; r = nextRune(r) {
			if p(r) {
				h = hash(h, r)
				n++
			}
		}
		println(names[i], n, h)
	}

	// Case mappings and folding over every rune.
	var hu, hl, ht, hf uint32
	changed := 0
	for r := rune(-3); r <= unicode.MaxRune+3; r = nextRune(r) {
		u, l, t := unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r)
		if u != r || l != r || t != r {
			changed++
		}
		hu, hl, ht = hash(hu, u), hash(hl, l), hash(ht, t)
		hf = hash(hf, unicode.SimpleFold(r))
		if unicode.To(unicode.UpperCase, r) != u || unicode.To(unicode.LowerCase, r) != l || unicode.To(unicode.TitleCase, r) != t {
			println("To differs at", r)
		}
	}
	println("cases", changed, hu, hl, ht, hf)

	// Some runes in detail.
	runes := []rune{0, 9, 10, 13, ' ', '!', '0', '9', 'A', 'Z', 'a', 'z', '_', '~', 0x7F, 0x80, 0x85,
		0xA0, 0xAA, 0xB2, 0xB5, 0xBA, 0xBC, 0xC0, 0xD7, 0xDF, 0xE0, 0xF7, 0xFF, 0x100, 0x101, 0x130,
		0x131, 0x149, 0x17F, 0x1C4, 0x1C5, 0x1C6, 0x1F0, 0x2C6, 0x300, 0x345, 0x391, 0x3A3, 0x3C2,
		0x3C3, 0x3F4, 0x401, 0x451, 0x660, 0x669, 0x903, 0x1E9E, 0x1F88, 0x2000, 0x2028, 0x2029,
		0x202F, 0x205F, 0x20AC, 0x2126, 0x212A, 0x212B, 0x2160, 0x2170, 0x24B6, 0x3000, 0x3007,
		0x4E2D, 0xFB00, 0xFEFF, 0xFF10, 0xFF21, 0xFFFD, 0x10400, 0x10428, 0x1D7CE, 0x1F600,
		0x1E900, 0x1E922, 0x10FFFF, 0x110000, -1, unicode.ReplacementChar}
	for _, r := range runes {
		print(r, ":")
		for _, p := range preds {
			print(b2i(p(r)))
		}
		println(" ", unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r), unicode.SimpleFold(r))
	}

	// Folding orbits.
	for _, r := range []rune{'K', 'k', 0x212A, 'S', 's', 0x17F, 0x3A3, 0x3B8, 0x1E60, 'A', '1', 0x10FFFF, 0x110000, -5} {
		print(r, ":")
		f := r
		for i := 0; i < 5; i++ {
			f = unicode.SimpleFold(f)
			print(" ", f)
			if f == r {
				break
			}
		}
		println()
	}

	// To with an invalid case.
	println(unicode.To(-1, 'a'), unicode.To(3, 'a'), unicode.To(unicode.MaxCase, 'b'))
	println(unicode.MaxRune, unicode.ReplacementChar, unicode.MaxASCII, unicode.MaxLatin1,
		unicode.UpperCase, unicode.LowerCase, unicode.TitleCase, unicode.MaxCase, unicode.UpperLower, unicode.Version)
}
