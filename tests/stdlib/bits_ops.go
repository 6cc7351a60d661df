// math/bits: every function on edge values (0, 1, powers of two, all ones) and on
// pseudo-random ones; exhaustive checksums over all 16-bit values and many 128-bit
// products and divisions.
package main

import "math/bits"

var seed uint64 = 88172645463325252

func rnd() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func main() {
	vals := []uint64{0, 1, 2, 3, 0x80, 0xff, 0x100, 0xffff, 0x10000, 1<<31 - 1, 1 << 31, 1<<32 - 1, 1 << 32, 1<<63 - 1, 1 << 63, 1<<64 - 1, 0x0123456789abcdef}
	for i := 0; i < 40; i++ {
		vals = append(vals, rnd()>>(rnd()%64))
	}
	for _, v := range vals {
		println(v, bits.LeadingZeros(uint(v)), bits.LeadingZeros8(uint8(v)), bits.LeadingZeros16(uint16(v)), bits.LeadingZeros32(uint32(v)), bits.LeadingZeros64(v))
		println(bits.TrailingZeros(uint(v)), bits.TrailingZeros8(uint8(v)), bits.TrailingZeros16(uint16(v)), bits.TrailingZeros32(uint32(v)), bits.TrailingZeros64(v))
		println(bits.OnesCount(uint(v)), bits.OnesCount8(uint8(v)), bits.OnesCount16(uint16(v)), bits.OnesCount32(uint32(v)), bits.OnesCount64(v))
		println(bits.Len(uint(v)), bits.Len8(uint8(v)), bits.Len16(uint16(v)), bits.Len32(uint32(v)), bits.Len64(v))
		println(bits.Reverse(uint(v)), bits.Reverse8(uint8(v)), bits.Reverse16(uint16(v)), bits.Reverse32(uint32(v)), bits.Reverse64(v))
		println(bits.ReverseBytes(uint(v)), bits.ReverseBytes16(uint16(v)), bits.ReverseBytes32(uint32(v)), bits.ReverseBytes64(v))
		for _, k := range []int{0, 1, 3, 7, 8, 9, 15, 16, 31, 32, 33, 63, 64, 65, -1, -9, -33, -100} {
			print(bits.RotateLeft(uint(v), k), " ", bits.RotateLeft8(uint8(v), k), " ", bits.RotateLeft16(uint16(v), k), " ", bits.RotateLeft32(uint32(v), k), " ", bits.RotateLeft64(v, k), ";")
		}
		println()
	}
	for i := 0; i < len(vals); i++ {
		for j := 0; j < len(vals); j += 3 {
			x, y := vals[i], vals[j]
			for c := uint64(0); c < 2; c++ {
				s, co := bits.Add64(x, y, c)
				d, bo := bits.Sub64(x, y, c)
				s32, co32 := bits.Add32(uint32(x), uint32(y), uint32(c))
				d32, bo32 := bits.Sub32(uint32(x), uint32(y), uint32(c))
				su, cu := bits.Add(uint(x), uint(y), uint(c))
				du, bu := bits.Sub(uint(x), uint(y), uint(c))
				println(s, co, d, bo, s32, co32, d32, bo32, su, cu, du, bu)
			}
			h, l := bits.Mul64(x, y)
			h32, l32 := bits.Mul32(uint32(x), uint32(y))
			hu, lu := bits.Mul(uint(x), uint(y))
			println(h, l, h32, l32, hu, lu)
			if y != 0 {
				println(bits.Rem64(x, rnd(), y), bits.Rem(uint(x), uint(rnd()), uint(y)))
				if x < y {
					q, r := bits.Div64(x, rnd(), y)
					qu, ru := bits.Div(uint(x), uint(rnd()), uint(y))
					println(q, r, qu, ru)
				}
				if uint32(y) != 0 {
					println(bits.Rem32(uint32(x), uint32(rnd()), uint32(y)))
					if uint32(x) < uint32(y) {
						q, r := bits.Div32(uint32(x), uint32(rnd()), uint32(y))
						println(q, r)
					}
				}
			}
		}
	}
	println(bits.UintSize)
	// Exhaustive small checks via sums.
	var sum uint64
	for i := 0; i < 1<<16; i++ {
		v := uint16(i)
		sum = sum*31 + uint64(bits.Reverse16(v)) + uint64(bits.OnesCount16(v)) + uint64(bits.Len16(v))<<20 + uint64(bits.TrailingZeros16(v))<<30 + uint64(bits.ReverseBytes16(v))<<40
	}
	println(sum)
	for i := 0; i < 200000; i++ {
		x, y := rnd(), rnd()>>(rnd()%64)
		if y == 0 {
			continue
		}
		hi := rnd() % y
		q, r := bits.Div64(hi, x, y)
		sum = sum*31 + q ^ r<<1
		h, l := bits.Mul64(x, y)
		sum = sum*31 + h ^ l<<3
	}
	println(sum)
}
