// Complex numbers: complex64 and complex128, imaginary literals, arithmetic, real and imag,
// constants computed exactly, and the roots of a quadratic equation.
package main

// sqrt of a float64 by Newton's method (no math package needed).
func sqrt(x float64) float64 {
	if x == 0 {
		return 0
	}
	z := x
	for i := 0; i < 50; i++ {
		z -= (z*z - x) / (2 * z)
	}
	return z
}

// roots of a*x*x + b*x + c, complex when the discriminant is negative.
func roots(a, b, c float64) (complex128, complex128) {
	d := b*b - 4*a*c
	if d >= 0 {
		s := sqrt(d)
		return complex((-b+s)/(2*a), 0), complex((-b-s)/(2*a), 0)
	}
	s := sqrt(-d)
	return complex(-b/(2*a), s/(2*a)), complex(-b/(2*a), -s/(2*a))
}

// abs2 is |z|².
func abs2(z complex128) float64 { return real(z)*real(z) + imag(z)*imag(z) }

// escapes counts the iterations of z = z² + c until |z| > 2 (the Mandelbrot set).
func escapes(c complex128) int {
	z := 0i
	for i := 0; i < 50; i++ {
		z = z*z + c
		if abs2(z) > 4 {
			return i
		}
	}
	return -1
}

func main() {
	a := 3 + 4i
	b := complex(1, -2)
	println(a+b, a-b, a*b, a/b)
	println(real(a), imag(a), abs2(a))
	println(a == 3+4i, a != b)

	// Constants are exact: i*i is exactly -1.
	const i2 = 1i * 1i
	println(i2, real(i2) == -1)

	var c64 complex64 = complex64(a)
	println(c64 * c64)

	r1, r2 := roots(1, 2, 5)
	println(r1, r2)
	r1, r2 = roots(1, -3, 2)
	println(r1, r2)

	// A small view of the Mandelbrot set.
	for y := 1.0; y >= -1.0; y -= 0.25 {
		line := ""
		for x := -2.0; x <= 0.5; x += 0.125 {
			if escapes(complex(x, y)) < 0 {
				line += "*"
			} else {
				line += "."
			}
		}
		println(line)
	}
	var z complex128
	println(1/z, z/z)
}
