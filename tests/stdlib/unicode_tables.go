package main

import "unicode"

func sortStrings(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func keys(m map[string]*unicode.RangeTable) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sortStrings(ks)
	return ks
}

// summary samples the table at every 13th rune and returns how many are in it and a checksum.
func summary(t *unicode.RangeTable) (int, uint32) {
	n := 0
	var h uint32 = 2166136261
	for r := rune(0); r <= unicode.MaxRune; r += 13 {
		if unicode.Is(t, r) {
			n++
			h = (h ^ uint32(r)) * 16777619
		}
	}
	return n, h
}

func main() {
	for _, m := range []map[string]*unicode.RangeTable{unicode.Categories, unicode.Scripts, unicode.Properties, unicode.FoldCategory, unicode.FoldScript} {
		println("map of", len(m))
		for _, k := range keys(m) {
			n, h := summary(m[k])
			println(" ", k, n, h)
		}
	}

	// Aliases are the same tables.
	println(unicode.Letter == unicode.L, unicode.Upper == unicode.Lu, unicode.Lower == unicode.Ll,
		unicode.Digit == unicode.Nd, unicode.Number == unicode.N, unicode.Punct == unicode.P,
		unicode.Symbol == unicode.S, unicode.Mark == unicode.M, unicode.Space == unicode.Z,
		unicode.Title == unicode.Lt, unicode.Other == unicode.C, unicode.STerm == unicode.Sentence_Terminal)
	println(unicode.Categories["Lu"] == unicode.Upper, unicode.Scripts["Han"] == unicode.Han,
		unicode.Properties["White_Space"] == unicode.White_Space, unicode.Scripts["Nope"] == nil)

	// Scripts of some runes.
	sample := []rune{'a', 'Z', 'é', 'ß', 'Ω', 'π', 'Ж', 'я', '中', '国', 'あ', 'カ', '한', 'ا', 'א', '1', ' ', '€', 0x1F600, 0x20000, -1, 0x110000}
	tables := []*unicode.RangeTable{unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Han,
		unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Arabic, unicode.Hebrew,
		unicode.Common, unicode.Letter, unicode.Upper, unicode.Lower, unicode.Digit, unicode.Space,
		unicode.Punct, unicode.Symbol, unicode.Sc, unicode.So, unicode.White_Space, unicode.Ideographic}
	for _, r := range sample {
		print(r, ":")
		for _, t := range tables {
			if unicode.Is(t, r) {
				print(1)
			} else {
				print(0)
			}
		}
		println(" ", unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana),
			unicode.IsOneOf([]*unicode.RangeTable{unicode.Latin, unicode.Greek}, r), unicode.In(r))
	}
	println(len(unicode.GraphicRanges), len(unicode.PrintRanges), unicode.GraphicRanges[0] == unicode.L)

	// A table built by the program: R16 with strides, R32, small and large.
	vowels := &unicode.RangeTable{R16: []unicode.Range16{{'A', 'A', 1}, {'E', 'E', 1}, {'I', 'I', 1}, {'a', 'z', 4}, {0x100, 0x17F, 2}}, LatinOffset: 4}
	for _, r := range []rune{'A', 'B', 'E', 'a', 'b', 'e', 'i', 'm', 'q', 'u', 'y', 'z', 0x100, 0x101, 0x17E, 0x17F, 0x180, -1} {
		print(unicode.Is(vowels, r), " ")
	}
	println()
	var big unicode.RangeTable
	for i := 0; i < 40; i++ {
		big.R16 = append(big.R16, unicode.Range16{uint16(0x300 + i*10), uint16(0x300 + i*10 + 4), 2})
		big.R32 = append(big.R32, unicode.Range32{uint32(0x10000 + i*100), uint32(0x10000 + i*100 + 50), 5})
	}
	n := 0
	for r := rune(0); r < 0x12000; r++ {
		if unicode.Is(&big, r) {
			n++
		}
	}
	println("big", n, unicode.Is(&big, 0x300), unicode.Is(&big, 0x301), unicode.Is(&big, 0x302), unicode.Is(&big, 0x10005), unicode.Is(&big, 0x10006))
	empty := &unicode.RangeTable{}
	println(unicode.Is(empty, 'a'), unicode.Is(empty, 0))
	only32 := &unicode.RangeTable{R32: []unicode.Range32{{0x1F600, 0x1F64F, 1}}}
	println(unicode.Is(only32, 0x1F600), unicode.Is(only32, 'a'), unicode.Is(only32, 0x1F650))

	// Special cases: Turkish.
	for _, r := range []rune{'i', 'I', 0x130, 0x131, 'a', 'Z', 'é', 0x1C6} {
		println(r, unicode.TurkishCase.ToUpper(r), unicode.TurkishCase.ToLower(r), unicode.TurkishCase.ToTitle(r),
			unicode.AzeriCase.ToUpper(r), len(unicode.TurkishCase))
	}
	// A special case of the program's own, with an UpperLower range.
	sc := unicode.SpecialCase{
		unicode.CaseRange{'a', 'f', [unicode.MaxCase]rune{unicode.UpperLower, unicode.UpperLower, unicode.UpperLower}},
		unicode.CaseRange{'x', 'x', [unicode.MaxCase]rune{2, 0, 1}},
	}
	for _, r := range []rune{'a', 'b', 'c', 'd', 'f', 'g', 'x', 'A'} {
		println(r, sc.ToUpper(r), sc.ToLower(r), sc.ToTitle(r))
	}

	// CaseRanges describes the same mapping as To.
	bad := 0
	for _, cr := range unicode.CaseRanges {
		for r := rune(cr.Lo); r <= rune(cr.Hi); r++ {
			for k := 0; k < unicode.MaxCase; k++ {
				want := r + cr.Delta[k]
				if cr.Delta[k] == unicode.UpperLower {
					want = rune(cr.Lo) + ((r-rune(cr.Lo))&^1 | rune(k&1))
				}
				if unicode.To(k, r) != want {
					bad++
				}
			}
		}
	}
	println("CaseRanges disagreeing:", bad, len(unicode.CaseRanges) > 100)
}
