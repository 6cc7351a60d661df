// Package unicode, as shipped with golift: the properties of runes (is it a letter, a digit,
// a space, upper case, ...) and their case mappings, following Unicode 13.0 as Go 1.19 does.
//
// The data lives in tables.go, which scripts/gen-unicode.sh generates; this file reads it.
// A set of runes is a RangeTable. golift's own tables keep their ranges packed in a string
// (the field packed): a sorted list of 7-byte records, each giving the first rune of a range
// (3 bytes, big-endian), its last rune (3 bytes) and a stride (1 byte): the range holds first,
// first+stride, ... up to last. Finding a rune is a binary search over the records. Such a
// string is plain read-only data: the program neither builds nor allocates anything for it.
// A RangeTable that a program builds itself uses Go's exported fields R16 and R32 instead.
//
// The properties of the 256 Latin-1 runes, the most frequent by far, are looked up directly
// in a 256-byte string of flags (latin1), and ASCII letters change case by arithmetic.
//
// Unlike Go, the exported tables (Letter, Han, ...) leave R16 and R32 empty: their ranges are
// only in the packed form. Is, In and the other functions treat both forms alike.
package unicode

const (
	MaxRune         = '\U0010FFFF' // the largest valid code point
	ReplacementChar = '\uFFFD'     // stands for an invalid code point
	MaxASCII        = '\u007F'     // the largest ASCII value
	MaxLatin1       = '\u00FF'     // the largest Latin-1 value
)

// The cases, to pass to To, and indexes into a CaseRange's Delta.
const (
	UpperCase = iota
	LowerCase
	TitleCase
	MaxCase
)

// UpperLower, as each delta of a CaseRange, marks a range of alternating upper and lower case
// letters: Lo, Lo+2, ... are upper case and the rune after each is its lower case. No real
// delta can be this large.
const UpperLower = MaxRune + 1

// RangeTable is a set of runes, given as sorted, non-overlapping ranges: R16 holds those
// below 0x10000, R32 the others. LatinOffset is the number of ranges of R16 whose Hi is at
// most MaxLatin1 (Go uses it to skip them; golift only keeps it for compatibility).
type RangeTable struct {
	R16         []Range16
	R32         []Range32
	LatinOffset int

	packed string // golift's own tables: the ranges packed as described in the package comment
}

// Range16 is the range of runes Lo, Lo+Stride, Lo+2*Stride, ... up to Hi, all below 0x10000.
type Range16 struct {
	Lo     uint16
	Hi     uint16
	Stride uint16
}

// Range32 is the range of runes Lo, Lo+Stride, ... up to Hi, for runes of 0x10000 or more.
type Range32 struct {
	Lo     uint32
	Hi     uint32
	Stride uint32
}

// d holds the deltas of a CaseRange, indexed by UpperCase, LowerCase and TitleCase.
type d [MaxCase]rune

// CaseRange maps the runes Lo..Hi to the other cases: add Delta[UpperCase] to a rune to get
// its upper case, and so on (see UpperLower for the alternating ranges).
type CaseRange struct {
	Lo    uint32
	Hi    uint32
	Delta d
}

// SpecialCase is a language-specific case mapping, such as TurkishCase. Its ranges take
// precedence over the general mapping.
type SpecialCase []CaseRange

// The flags of Latin-1 runes in latin1 (tables.go); scripts/genunicode uses the same bits.
const (
	fControl = 1 << iota // category Cc
	fPunct               // category P
	fNumber              // category N
	fSymbol              // category S
	fSpace               // white space, as IsSpace
	fUpper               // category Lu
	fLower               // category Ll
	fLetter              // category L
)

// The tables that IsGraphic and IsPrint consult beyond Latin-1.
var (
	GraphicRanges = []*RangeTable{L, M, N, P, S, Zs}
	PrintRanges   = []*RangeTable{L, M, N, P, S}
)

// get3 returns the 3-byte big-endian number at offset o of s.
func get3(s string, o int) rune {
	return rune(s[o])<<16 | rune(s[o+1])<<8 | rune(s[o+2])
}

// inPacked reports whether r is in the packed ranges p.
func inPacked(p string, r rune) bool {
	const size = 7
	lo, hi := 0, len(p)/size
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		rec := p[m*size : m*size+size] // one bounds check for the whole record
		// The fields are decoded here rather than by get3: golift does not inline calls.
		first := rune(rec[0])<<16 | rune(rec[1])<<8 | rune(rec[2])
		if r < first {
			hi = m
		} else if r > rune(rec[3])<<16|rune(rec[4])<<8|rune(rec[5]) {
			lo = m + 1
		} else {
			stride := rune(rec[6])
			return stride == 1 || (r-first)%stride == 0
		}
	}
	return false
}

// Is reports whether r is in the set rangeTab.
func Is(rangeTab *RangeTable, r rune) bool {
	if rangeTab.packed != "" {
		return inPacked(rangeTab.packed, r)
	}
	r16 := rangeTab.R16
	// Comparing as uint32 keeps negative runes out.
	if len(r16) > 0 && uint32(r) <= uint32(r16[len(r16)-1].Hi) {
		return is16(r16, uint16(r))
	}
	r32 := rangeTab.R32
	if len(r32) > 0 && r >= rune(r32[0].Lo) {
		return is32(r32, uint32(r))
	}
	return false
}

// linearMax is the length up to which a linear search is faster than a binary one.
const linearMax = 18

// is16 reports whether r is in one of the sorted ranges.
func is16(ranges []Range16, r uint16) bool {
	if len(ranges) <= linearMax || r <= MaxLatin1 {
		for i := range ranges {
			rg := &ranges[i]
			if r < rg.Lo {
				return false
			}
			if r <= rg.Hi {
				return rg.Stride == 1 || (r-rg.Lo)%rg.Stride == 0
			}
		}
		return false
	}
	lo, hi := 0, len(ranges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		rg := &ranges[m]
		if r < rg.Lo {
			hi = m
		} else if r > rg.Hi {
			lo = m + 1
		} else {
			return rg.Stride == 1 || (r-rg.Lo)%rg.Stride == 0
		}
	}
	return false
}

// is32 is is16 for Range32.
func is32(ranges []Range32, r uint32) bool {
	if len(ranges) <= linearMax {
		for i := range ranges {
			rg := &ranges[i]
			if r < rg.Lo {
				return false
			}
			if r <= rg.Hi {
				return rg.Stride == 1 || (r-rg.Lo)%rg.Stride == 0
			}
		}
		return false
	}
	lo, hi := 0, len(ranges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		rg := ranges[m]
		if r < rg.Lo {
			hi = m
		} else if r > rg.Hi {
			lo = m + 1
		} else {
			return rg.Stride == 1 || (r-rg.Lo)%rg.Stride == 0
		}
	}
	return false
}

// In reports whether r is in one of the sets.
func In(r rune, ranges ...*RangeTable) bool {
	for _, t := range ranges {
		if Is(t, r) {
			return true
		}
	}
	return false
}

// IsOneOf reports whether r is in one of the sets; In is the same with a variadic argument.
func IsOneOf(ranges []*RangeTable, r rune) bool {
	for _, t := range ranges {
		if Is(t, r) {
			return true
		}
	}
	return false
}

// IsControl reports whether r is a control character (category Cc: all are in Latin-1).
func IsControl(r rune) bool {
	return uint32(r) <= MaxLatin1 && latin1[uint8(r)]&fControl != 0
}

// IsLetter reports whether r is a letter (category L).
func IsLetter(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin1[uint8(r)]&fLetter != 0
	}
	return Is(L, r)
}

// IsUpper reports whether r is an upper case letter (category Lu).
func IsUpper(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin1[uint8(r)]&fUpper != 0
	}
	return Is(Lu, r)
}

// IsLower reports whether r is a lower case letter (category Ll).
func IsLower(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin1[uint8(r)]&fLower != 0
	}
	return Is(Ll, r)
}

// IsTitle reports whether r is a title case letter (category Lt), such as ǅ.
func IsTitle(r rune) bool {
	if r <= MaxLatin1 {
		return false
	}
	return Is(Lt, r)
}

// IsDigit reports whether r is a decimal digit (category Nd).
func IsDigit(r rune) bool {
	if r <= MaxLatin1 {
		return '0' <= r && r <= '9'
	}
	return Is(Nd, r)
}

// IsNumber reports whether r is a number (category N: digits, but also ² or Ⅻ).
func IsNumber(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin1[uint8(r)]&fNumber != 0
	}
	return Is(N, r)
}

// IsMark reports whether r is a mark, such as a combining accent (category M).
func IsMark(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return false // Latin-1 has no marks
	}
	return Is(M, r)
}

// IsPunct reports whether r is punctuation (category P).
func IsPunct(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin1[uint8(r)]&fPunct != 0
	}
	return Is(P, r)
}

// IsSymbol reports whether r is a symbol (category S), such as + or €.
func IsSymbol(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin1[uint8(r)]&fSymbol != 0
	}
	return Is(S, r)
}

// IsSpace reports whether r is white space: in Latin-1 '\t', '\n', '\v', '\f', '\r', ' ',
// U+0085 (NEL) and U+00A0 (NBSP); beyond, the runes of the property White_Space.
func IsSpace(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0:
			return true
		}
		return false
	}
	return Is(White_Space, r)
}

// IsGraphic reports whether r is graphic: a letter, mark, number, punctuation, symbol or
// space character (categories L, M, N, P, S, Zs).
func IsGraphic(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin1[uint8(r)]&(fLetter|fNumber|fPunct|fSymbol) != 0 || r == ' ' || r == 0xA0
	}
	return In(r, GraphicRanges...)
}

// IsPrint reports whether r is printable as Go defines it: graphic, but the only space
// character allowed is ' ' (U+0020).
func IsPrint(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin1[uint8(r)]&(fLetter|fNumber|fPunct|fSymbol) != 0 || r == ' '
	}
	return In(r, PrintRanges...)
}

// caseRecord is the size of a record of cases (tables.go).
const caseRecord = 15

// caseBias is added to the deltas stored in cases; alternatingDelta marks a range of
// upper/lower pairs.
const (
	caseBias         = 0x800000
	alternatingDelta = 0xFFFFFF
)

// To maps r to the given case: UpperCase, LowerCase or TitleCase. Another case gives
// ReplacementChar.
func To(_case int, r rune) rune {
	r, _ = toCase(_case, r, cases)
	return r
}

// toCase maps r to case _case by a binary search of table, records of caseRecord bytes
// (cases, tables.go); found is false for a rune without other cases (mapped is r) and for
// an invalid case (mapped is ReplacementChar).
func toCase(_case int, r rune, table string) (mapped rune, found bool) {
	if _case < 0 || MaxCase <= _case {
		return ReplacementChar, false
	}
	lo, hi := 0, len(table)/caseRecord
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		rec := table[m*caseRecord : m*caseRecord+caseRecord]
		first := rune(rec[0])<<16 | rune(rec[1])<<8 | rune(rec[2])
		if r < first {
			hi = m
		} else if r > rune(rec[3])<<16|rune(rec[4])<<8|rune(rec[5]) {
			lo = m + 1
		} else {
			delta := get3(rec, 6+3*_case)
			if delta == alternatingDelta {
				// Pairs start at first: clear the low bit of the offset to get the upper
				// case; the lower case is the one after it.
				upper := first + (r-first)&^1
				if _case == LowerCase {
					return upper + 1, true
				}
				return upper, true
			}
			return r + delta - caseBias, true
		}
	}
	return r, false
}

// ToUpper maps r to upper case.
//
// Not inlined where it is called, as gc does not inline it (with To inlined into it, its
// cost is above gc's budget): -m reports the same calls.
//
//go:noinline
func ToUpper(r rune) rune {
	if r <= MaxASCII {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return To(UpperCase, r)
}

// ToLower maps r to lower case.
//
// Not inlined where it is called, as gc does not inline it (with To inlined into it, its
// cost is above gc's budget): -m reports the same calls.
//
//go:noinline
func ToLower(r rune) rune {
	if r <= MaxASCII {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return To(LowerCase, r)
}

// ToTitle maps r to title case (the same as upper case but for a few digraphs such as ǆ).
//
// Not inlined where it is called, as gc does not inline it (with To inlined into it, its
// cost is above gc's budget): -m reports the same calls.
//
//go:noinline
func ToTitle(r rune) rune {
	if r <= MaxASCII {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return To(TitleCase, r)
}

// SimpleFold returns the next rune after r in r's orbit under simple case folding: the
// smallest rune above r that is equivalent to it, or, if there is none, the smallest rune
// equivalent to it. For example SimpleFold('K') is 'k', SimpleFold('k') is 'K' (U+212A,
// the Kelvin sign) and SimpleFold('K') is 'K'. A rune without other cases is returned as is,
// and so is an invalid one.
func SimpleFold(r rune) rune {
	if r < 0 || r > MaxRune {
		return r
	}
	// Orbits of three or more runes (and a few odd pairs) are listed in foldOrbits.
	const size = 6
	lo, hi := 0, len(foldOrbits)/size
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		rec := foldOrbits[m*size : m*size+size]
		k := rune(rec[0])<<16 | rune(rec[1])<<8 | rune(rec[2])
		if r < k {
			hi = m
		} else if r > k {
			lo = m + 1
		} else {
			return get3(rec, 3)
		}
	}
	// Otherwise the orbit is r and its other case, if it has one.
	if l := ToLower(r); l != r {
		return l
	}
	return ToUpper(r)
}

// to maps r to the given case with the ranges caseRange; found says whether a range had r.
func to(_case int, r rune, caseRange []CaseRange) (mapped rune, found bool) {
	if _case < 0 || MaxCase <= _case {
		return ReplacementChar, false
	}
	lo, hi := 0, len(caseRange)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		cr := caseRange[m]
		if r < rune(cr.Lo) {
			hi = m
		} else if r > rune(cr.Hi) {
			lo = m + 1
		} else {
			delta := cr.Delta[_case]
			if delta > MaxRune { // UpperLower
				upper := rune(cr.Lo) + (r-rune(cr.Lo))&^1
				if _case == LowerCase {
					return upper + 1, true
				}
				return upper, true
			}
			return r + delta, true
		}
	}
	return r, false
}

// ToUpper maps r to upper case, with special's mapping first.
func (special SpecialCase) ToUpper(r rune) rune {
	r1, found := to(UpperCase, r, special)
	if r1 == r && !found {
		r1 = ToUpper(r)
	}
	return r1
}

// ToLower maps r to lower case, with special's mapping first.
func (special SpecialCase) ToLower(r rune) rune {
	r1, found := to(LowerCase, r, special)
	if r1 == r && !found {
		r1 = ToLower(r)
	}
	return r1
}

// ToTitle maps r to title case, with special's mapping first.
func (special SpecialCase) ToTitle(r rune) rune {
	r1, found := to(TitleCase, r, special)
	if r1 == r && !found {
		r1 = ToTitle(r)
	}
	return r1
}

// CaseRanges is the general case mapping as a table of CaseRange (golift's To reads the
// packed form in tables.go; this table is built from it when the program starts).
var CaseRanges = unpackCases()

// unpackCases builds CaseRanges from cases.
func unpackCases() []CaseRange {
	n := len(cases) / caseRecord
	t := make([]CaseRange, n)
	for i := 0; i < n; i++ {
		o := i * caseRecord
		t[i].Lo = uint32(get3(cases, o))
		t[i].Hi = uint32(get3(cases, o+3))
		for k := 0; k < MaxCase; k++ {
			delta := get3(cases, o+6+3*k)
			if delta == alternatingDelta {
				t[i].Delta[k] = UpperLower
			} else {
				t[i].Delta[k] = delta - caseBias
			}
		}
	}
	return t
}
