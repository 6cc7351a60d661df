package fmt

import "internal/reflectlite"

// sortedMap returns the keys and elements of a map value in the order fmt prints them, so
// that printing a map gives the same text every time:
//   - numbers and strings in increasing order, false before true;
//   - floats with NaNs first, complex numbers by real then imaginary part;
//   - pointers and channels by address;
//   - structs and arrays element by element;
//   - interfaces with nil first, then by dynamic type (an arbitrary but fixed order), then
//     by value.
func sortedMap(m reflectlite.Value) ([]reflectlite.Value, []reflectlite.Value) {
	keys, elems := m.MapEntries()
	// Insertion sort into a stable order: maps printed by programs are small, and equal
	// keys (NaNs) keep the order in which the map gave them.
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && compare(keys[j], keys[j-1]) < 0; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
			elems[j], elems[j-1] = elems[j-1], elems[j]
		}
	}
	return keys, elems
}

// compare orders two values of the same type: -1, 0 or 1.
func compare(a, b reflectlite.Value) int {
	switch a.Kind() {
	case reflectlite.Int, reflectlite.Int8, reflectlite.Int16, reflectlite.Int32, reflectlite.Int64:
		x, y := a.Int(), b.Int()
		return order(x < y, x > y)
	case reflectlite.Uint, reflectlite.Uint8, reflectlite.Uint16, reflectlite.Uint32, reflectlite.Uint64, reflectlite.Uintptr:
		x, y := a.Uint(), b.Uint()
		return order(x < y, x > y)
	case reflectlite.String:
		x, y := a.String(), b.String()
		return order(x < y, x > y)
	case reflectlite.Float32, reflectlite.Float64:
		return floatCompare(a.Float(), b.Float())
	case reflectlite.Complex64, reflectlite.Complex128:
		x, y := a.Complex(), b.Complex()
		if c := floatCompare(real(x), real(y)); c != 0 {
			return c
		}
		return floatCompare(imag(x), imag(y))
	case reflectlite.Bool:
		x, y := a.Bool(), b.Bool()
		return order(!x && y, x && !y)
	case reflectlite.Pointer, reflectlite.Chan, reflectlite.UnsafePointer:
		x, y := a.Pointer(), b.Pointer()
		return order(x < y, x > y)
	case reflectlite.Struct:
		for i := 0; i < a.Type().NumField(); i++ {
			if c := compare(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflectlite.Array:
		for i := 0; i < a.Len(); i++ {
			if c := compare(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflectlite.Interface:
		x, y := a.Elem(), b.Elem()
		if !x.IsValid() || !y.IsValid() {
			return order(!x.IsValid() && y.IsValid(), x.IsValid() && !y.IsValid())
		}
		if x.Type() != y.Type() {
			// Different dynamic types: by the type's name, which is fixed for a program.
			xs, ys := x.Type().String(), y.Type().String()
			return order(xs < ys, xs > ys)
		}
		return compare(x, y)
	}
	return 0
}

func order(less, greater bool) int {
	if less {
		return -1
	}
	if greater {
		return 1
	}
	return 0
}

// floatCompare orders floats with NaNs before every number.
func floatCompare(a, b float64) int {
	switch {
	case a != a && b != b:
		return 0
	case a != a:
		return -1
	case b != b:
		return 1
	}
	return order(a < b, a > b)
}
