// Package reflectlite is the seed of reflect that golift's fmt is built on: it looks at a
// value of any type through the type descriptor that the compiler emitted for its type
// (runtime/src/types.rs describes the layout; docs/TYPES.md draws it).
//
// A Value is a type and the address of a value of that type in memory. Reading a field, an
// element or a map entry gives another Value pointing into the same memory, so walking a
// big structure copies nothing. The functions without a body are answered by the golift
// runtime (runtime/src/reflectlite.rs), which reads the descriptors and the memory; this
// file holds the rest, in Go.
package reflectlite

// A Kind is the kind of a type, numbered as Go's reflect.Kind.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

var kindNames = []string{
	Invalid: "invalid", Bool: "bool", Int: "int", Int8: "int8", Int16: "int16", Int32: "int32",
	Int64: "int64", Uint: "uint", Uint8: "uint8", Uint16: "uint16", Uint32: "uint32",
	Uint64: "uint64", Uintptr: "uintptr", Float32: "float32", Float64: "float64",
	Complex64: "complex64", Complex128: "complex128", Array: "array", Chan: "chan",
	Func: "func", Interface: "interface", Map: "map", Pointer: "ptr", Slice: "slice",
	String: "string", Struct: "struct", UnsafePointer: "unsafe.Pointer",
}

// String returns the kind's name as reflect prints it.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind" + itoa(int(k))
}

// rtype stands for a type descriptor; Go code only passes pointers to it around.
type rtype struct {
	_ [8]uintptr
}

// A Type is a Go type at run time; nil is no type (the type of a nil interface value).
type Type struct {
	t *rtype
}

// Value is a value of type typ stored at address ptr. ro marks a value reached through an
// unexported struct field: it can be read but not turned back into an interface value (Go's
// reflect says such a value cannot Interface, and fmt then does not call its methods).
type Value struct {
	typ *rtype
	ptr *byte
	ro  bool
}

// Field is a struct field as StructField returns it.
type Field struct {
	Name     string
	Type     Type
	Embedded bool
	Exported bool
	offset   uintptr
}

// ---- the runtime's part ----

// valueOf returns the dynamic type of x and the address of a copy of its value (nil, nil
// for a nil interface).
func valueOf(x any) (*rtype, *byte)

// packEface makes an interface value holding a copy of the value of type t at p.
func packEface(t *rtype, p *byte) any

func kindOf(t *rtype) Kind
func nameOf(t *rtype) string
func sizeOf(t *rtype) uintptr
func elemOf(t *rtype) *rtype
func keyOf(t *rtype) *rtype
func arrayLen(t *rtype) int
func numField(t *rtype) int
func fieldName(t *rtype, i int) string
func fieldType(t *rtype, i int) *rtype
func fieldOffset(t *rtype, i int) uintptr

// fieldFlags: 1 if field i is embedded, 2 if it is exported.
func fieldFlags(t *rtype, i int) int
func numMethod(t *rtype) int
func isNamed(t *rtype) bool
func comparable(t *rtype) bool

// add returns p + off.
func add(p *byte, off uintptr) *byte

func loadBool(p *byte) bool
func loadInt(p *byte, size uintptr) int64
func loadUint(p *byte, size uintptr) uint64
func loadFloat(p *byte, size uintptr) float64
func loadString(p *byte) string

// loadWord returns the pointer-sized word at p (a pointer, map, chan or func value).
func loadWord(p *byte) *byte

// wordValue returns a word as an integer, to print it as an address.
func wordValue(w *byte) uintptr

// sliceData returns the data pointer and length of the slice at p.
func sliceData(p *byte) (*byte, int)

// ifaceValue returns the dynamic type and value of the interface value at p (whose type is
// t: an empty or a non-empty interface).
func ifaceValue(t *rtype, p *byte) (*rtype, *byte)

func mapLen(m *byte) int

// mapIter is the runtime's map iterator, kept in Go memory; start gives the first entry.
type mapIter struct {
	_ [12]uintptr
}

func mapIterStart(t *rtype, m *byte, it *mapIter)

// mapIterEntry returns the current key and element (nil, nil after the last) and moves on.
func mapIterEntry(it *mapIter) (*byte, *byte)

// ---- types ----

// TypeOf returns the dynamic type of x.
func TypeOf(x any) Type {
	t, _ := valueOf(x)
	return Type{t}
}

// IsNil reports whether the Type is no type.
func (t Type) IsNil() bool { return t.t == nil }

func (t Type) Kind() Kind {
	if t.t == nil {
		return Invalid
	}
	return kindOf(t.t)
}

// String returns the type as Go prints it (`main.Point`, `[]int`, `map[string]bool`).
func (t Type) String() string {
	if t.t == nil {
		return "<nil>"
	}
	return nameOf(t.t)
}

func (t Type) Size() uintptr { return sizeOf(t.t) }

// Elem returns the element type of an array, chan, map, pointer or slice type.
func (t Type) Elem() Type { return Type{elemOf(t.t)} }

// Key returns the key type of a map type.
func (t Type) Key() Type { return Type{keyOf(t.t)} }

// Len returns the length of an array type.
func (t Type) Len() int { return arrayLen(t.t) }

func (t Type) NumField() int { return numField(t.t) }

// Field returns field i of a struct type.
func (t Type) Field(i int) Field {
	flags := fieldFlags(t.t, i)
	return Field{Name: fieldName(t.t, i), Type: Type{fieldType(t.t, i)}, Embedded: flags&1 != 0, Exported: flags&2 != 0, offset: fieldOffset(t.t, i)}
}

// NumMethod returns the number of methods in the type's method set.
func (t Type) NumMethod() int { return numMethod(t.t) }

// Named reports whether the type is a defined type (has a name of its own).
func (t Type) Named() bool { return isNamed(t.t) }

// Comparable reports whether == is defined on the type.
func (t Type) Comparable() bool { return comparable(t.t) }

// ---- values ----

// ValueOf returns a Value holding a copy of x's dynamic value (the zero Value for nil).
func ValueOf(x any) Value {
	t, p := valueOf(x)
	return Value{typ: t, ptr: p}
}

// CanInterface reports whether Interface may be called: false for values reached through
// unexported fields.
func (v Value) CanInterface() bool { return v.typ != nil && !v.ro }

// IsValid reports whether v holds a value (it does not for a nil interface).
func (v Value) IsValid() bool { return v.typ != nil }

func (v Value) Type() Type { return Type{v.typ} }

func (v Value) Kind() Kind {
	if v.typ == nil {
		return Invalid
	}
	return kindOf(v.typ)
}

// Interface returns v's value as an interface value.
func (v Value) Interface() any {
	if v.typ == nil {
		return nil
	}
	return packEface(v.typ, v.ptr)
}

func (v Value) Bool() bool { return loadBool(v.ptr) }

// Int returns the value of any signed integer kind.
func (v Value) Int() int64 { return loadInt(v.ptr, sizeOf(v.typ)) }

// Uint returns the value of any unsigned integer kind.
func (v Value) Uint() uint64 { return loadUint(v.ptr, sizeOf(v.typ)) }

// Float returns the value of float32 or float64 kind.
func (v Value) Float() float64 { return loadFloat(v.ptr, sizeOf(v.typ)) }

// Complex returns the value of complex64 or complex128 kind.
func (v Value) Complex() complex128 {
	half := sizeOf(v.typ) / 2
	return complex(loadFloat(v.ptr, half), loadFloat(add(v.ptr, half), half))
}

func (v Value) String() string { return loadString(v.ptr) }

// Len returns the length of an array, slice, string or map value.
func (v Value) Len() int {
	switch v.Kind() {
	case Array:
		return arrayLen(v.typ)
	case Slice:
		_, n := sliceData(v.ptr)
		return n
	case String:
		return len(loadString(v.ptr))
	case Map:
		return mapLen(loadWord(v.ptr))
	}
	panic("reflectlite: Len of " + v.Kind().String())
}

// Index returns element i of an array or slice value, or the byte of a string.
func (v Value) Index(i int) Value {
	et := elemOf(v.typ)
	switch v.Kind() {
	case Array:
		return Value{et, add(v.ptr, uintptr(i)*sizeOf(et)), v.ro}
	case Slice:
		data, _ := sliceData(v.ptr)
		return Value{et, add(data, uintptr(i)*sizeOf(et)), v.ro}
	}
	panic("reflectlite: Index of " + v.Kind().String())
}

// Bytes returns the elements of a []byte or [N]byte value.
func (v Value) Bytes() []byte {
	n := v.Len()
	b := make([]byte, n)
	for i := 0; i < n; i++ {
		b[i] = byte(loadUint(v.Index(i).ptr, 1))
	}
	return b
}

// Field returns field i of a struct value.
func (v Value) Field(i int) Value {
	ro := v.ro || fieldFlags(v.typ, i)&2 == 0
	return Value{fieldType(v.typ, i), add(v.ptr, fieldOffset(v.typ, i)), ro}
}

// IsNil reports whether a pointer, map, slice, func, chan or interface value is nil.
func (v Value) IsNil() bool {
	switch v.Kind() {
	case Slice:
		data, _ := sliceData(v.ptr)
		return data == nil
	case Interface:
		t, _ := ifaceValue(v.typ, v.ptr)
		return t == nil
	}
	return loadWord(v.ptr) == nil
}

// Pointer returns the address held by a pointer, map, chan, func or slice value, as an
// integer (for %p and for printing func values).
func (v Value) Pointer() uintptr {
	if v.Kind() == Slice {
		data, _ := sliceData(v.ptr)
		return wordValue(data)
	}
	return wordValue(loadWord(v.ptr))
}

// Elem returns the value a pointer points to, or the dynamic value of an interface value.
func (v Value) Elem() Value {
	switch v.Kind() {
	case Pointer:
		p := loadWord(v.ptr)
		if p == nil {
			return Value{}
		}
		return Value{elemOf(v.typ), p, v.ro}
	case Interface:
		t, p := ifaceValue(v.typ, v.ptr)
		if t == nil {
			return Value{}
		}
		return Value{t, p, v.ro}
	}
	panic("reflectlite: Elem of " + v.Kind().String())
}

// MapEntries returns the keys and elements of a map value, in the runtime's (random) order.
func (v Value) MapEntries() (keys, elems []Value) {
	m := loadWord(v.ptr)
	if m == nil {
		return nil, nil
	}
	kt, et := keyOf(v.typ), elemOf(v.typ)
	var it mapIter
	mapIterStart(v.typ, m, &it)
	for {
		k, e := mapIterEntry(&it)
		if k == nil {
			break
		}
		keys = append(keys, Value{kt, k, v.ro})
		elems = append(elems, Value{et, e, v.ro})
	}
	return keys, elems
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
