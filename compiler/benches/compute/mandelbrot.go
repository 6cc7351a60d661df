// Mandelbrot set (2000 x 2000 points, 50 iterations): float arithmetic; prints a checksum
// of the bitmap instead of the image.
package main

func main() {
	const n = 2000
	sum := 0
	for y := 0; y < n; y++ {
		ci := 2*float64(y)/n - 1
		bits := 0
		for x := 0; x < n; x++ {
			cr := 2*float64(x)/n - 1.5
			zr, zi := 0.0, 0.0
			inside := 1
			for i := 0; i < 50; i++ {
				zr, zi = zr*zr-zi*zi+cr, 2*zr*zi+ci
				if zr*zr+zi*zi > 4 {
					inside = 0
					break
				}
			}
			bits = (bits<<1 | inside) & 0xffff
			sum += bits
		}
	}
	println(sum)
}
