//! Runtime type descriptors: the one layout that everything looking at types at run time
//! reads (interfaces, maps, equality and hashing, panics, later fmt's reflection and the
//! garbage collector). The compiler emits one descriptor per type as read-only data
//! (`compiler/src/codegen/typedesc.rs` writes exactly these structures); a type's identity at
//! run time is its descriptor's address.
//!
//! Every descriptor starts with the common header `Type`; descriptors of composite kinds
//! continue with the fields of `ArrayType`, `PtrType`, ... (in the spirit of gc's
//! `runtime._type` and `abi.Type`). All five targets are 64-bit little-endian, so the layout
//! below is the same everywhere. See docs/TYPES.md for pictures.
//!
//! This is the whole ABI, including the parts only later readers use (fmt's reflection, the
//! collector, channels): they are defined here once, so the module allows unused items.
#![allow(dead_code)]

/// A Go string as the compiler lays it out: pointer and length.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct GoString {
    pub ptr: *const u8,
    pub len: usize,
}

impl GoString {
    pub const EMPTY: GoString = GoString { ptr: core::ptr::null(), len: 0 };

    pub fn bytes(&self) -> &[u8] {
        if self.len == 0 {
            &[]
        } else {
            unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
        }
    }
}

// Kinds, numbered as Go's reflect.Kind.
pub const KIND_BOOL: u8 = 1;
pub const KIND_INT: u8 = 2;
pub const KIND_INT8: u8 = 3;
pub const KIND_INT16: u8 = 4;
pub const KIND_INT32: u8 = 5;
pub const KIND_INT64: u8 = 6;
pub const KIND_UINT: u8 = 7;
pub const KIND_UINT8: u8 = 8;
pub const KIND_UINT16: u8 = 9;
pub const KIND_UINT32: u8 = 10;
pub const KIND_UINT64: u8 = 11;
pub const KIND_UINTPTR: u8 = 12;
pub const KIND_FLOAT32: u8 = 13;
pub const KIND_FLOAT64: u8 = 14;
pub const KIND_COMPLEX64: u8 = 15;
pub const KIND_COMPLEX128: u8 = 16;
pub const KIND_ARRAY: u8 = 17;
pub const KIND_CHAN: u8 = 18;
pub const KIND_FUNC: u8 = 19;
pub const KIND_INTERFACE: u8 = 20;
pub const KIND_MAP: u8 = 21;
pub const KIND_POINTER: u8 = 22;
pub const KIND_SLICE: u8 = 23;
pub const KIND_STRING: u8 = 24;
pub const KIND_STRUCT: u8 = 25;
pub const KIND_UNSAFE_POINTER: u8 = 26;
/// The low bits of `Type::kind` hold the kind.
pub const KIND_MASK: u8 = 0x1f;
/// Set in `Type::kind` when an interface holds a value of this type directly in its data
/// word (pointer-shaped types) instead of a pointer to a copy.
pub const KIND_DIRECT_IFACE: u8 = 0x20;

// Bits of `Type::tflag`.
/// The type has methods: `Type::uncommon` points to them.
pub const TFLAG_UNCOMMON: u8 = 1;
/// Equality and hashing may treat a value as `size` plain bytes (no floats, strings,
/// interfaces or padding inside).
pub const TFLAG_REGULAR_MEMORY: u8 = 2;
/// A defined (named) type.
pub const TFLAG_NAMED: u8 = 4;
/// `==` is defined on the type (the spec's "comparable").
pub const TFLAG_COMPARABLE: u8 = 8;

/// The common header of every type descriptor (64 bytes).
#[repr(C)]
pub struct Type {
    /// Size of a value in bytes.
    pub size: usize,
    /// Length of the prefix of a value that can hold pointers, in bytes (0: no pointers).
    pub ptrdata: usize,
    /// A hash of the type (FNV-1a of its name), mixed into hashes of interface values.
    pub hash: u32,
    pub tflag: u8,
    pub align: u8,
    pub field_align: u8,
    /// Kind (`KIND_*`) | `KIND_DIRECT_IFACE`.
    pub kind: u8,
    /// Pointer bitmap: bit i (LSB first, byte by byte) set when word i of a value can hold a
    /// pointer; covers `ptrdata / 8` words. Null when `ptrdata` is 0.
    pub gcdata: *const u8,
    /// The type's name as Go prints it: `main.Point`, `[]string`, `func(int) error`.
    pub name: GoString,
    /// The methods of the type (its method set), or null.
    pub uncommon: *const Uncommon,
    /// The descriptor of `*T`, if the program uses it; else null.
    pub ptr_to_this: *const Type,
}

// Descriptors are read-only data: the runtime's own (gc::WORDS) may live in a static.
unsafe impl Sync for Type {}

impl Type {
    pub fn kind(&self) -> u8 {
        self.kind & KIND_MASK
    }
    pub fn is_direct_iface(&self) -> bool {
        self.kind & KIND_DIRECT_IFACE != 0
    }
    pub fn is_regular_memory(&self) -> bool {
        self.tflag & TFLAG_REGULAR_MEMORY != 0
    }
    pub fn is_comparable(&self) -> bool {
        self.tflag & TFLAG_COMPARABLE != 0
    }
    pub fn name(&self) -> &[u8] {
        self.name.bytes()
    }
}

/// `[N]T`
#[repr(C)]
pub struct ArrayType {
    pub typ: Type,
    pub elem: *const Type,
    /// `[]T`, if the program uses it; else null.
    pub slice: *const Type,
    pub len: usize,
}

/// `*T`
#[repr(C)]
pub struct PtrType {
    pub typ: Type,
    pub elem: *const Type,
}

/// `[]T`
#[repr(C)]
pub struct SliceType {
    pub typ: Type,
    pub elem: *const Type,
}

/// `chan T`: `dir` is 1 (receive only), 2 (send only) or 3 (both), as reflect.ChanDir.
#[repr(C)]
pub struct ChanType {
    pub typ: Type,
    pub elem: *const Type,
    pub dir: usize,
}

// Bits of `MapType::flags`.
/// Keys are stored in buckets as pointers to the key (keys larger than 128 bytes).
pub const MAP_INDIRECT_KEY: u32 = 1;
/// Elements are stored in buckets as pointers to the element (larger than 128 bytes).
pub const MAP_INDIRECT_ELEM: u32 = 2;
/// `k == k` holds for every key (false for floats and for types containing floats or
/// interfaces).
pub const MAP_REFLEXIVE_KEY: u32 = 4;
/// Assigning to an existing key must overwrite the stored key too (+0.0 and -0.0 are equal
/// keys, but a later lookup of the key must see the latest one; likewise strings and
/// interfaces).
pub const MAP_NEED_KEY_UPDATE: u32 = 8;
/// Hashing a key may panic (interface keys holding unhashable types).
pub const MAP_HASH_MIGHT_PANIC: u32 = 16;

/// `map[K]V`. The bucket layout (8 slots of tophash bytes, then 8 keys, then 8 elements,
/// then the overflow pointer) is implied by `keysize`, `elemsize` and `bucketsize`.
#[repr(C)]
pub struct MapType {
    pub typ: Type,
    pub key: *const Type,
    pub elem: *const Type,
    /// Size of a key slot in a bucket (8 for an indirect key).
    pub keysize: u8,
    /// Size of an element slot in a bucket (8 for an indirect element).
    pub elemsize: u8,
    /// Size of a whole bucket in bytes.
    pub bucketsize: u16,
    pub flags: u32,
}

/// `func(params) results`: `params` points to `in_count + out_count` descriptors, the
/// parameters and then the results.
#[repr(C)]
pub struct FuncType {
    pub typ: Type,
    pub in_count: u16,
    /// Bit 15 set: the last parameter is variadic (`...T`, described as `[]T`).
    pub out_count: u16,
    pub _pad: u32,
    pub params: *const *const Type,
}

pub const FUNC_VARIADIC: u16 = 0x8000;

/// A method of an interface type.
#[repr(C)]
pub struct Imethod {
    pub name: GoString,
    /// The package path of an unexported method's package; empty for exported methods.
    pub pkgpath: GoString,
    /// The method's type, a `FuncType` without the receiver.
    pub typ: *const Type,
}

/// `interface { ... }`: the methods sorted by name (then package path), embedded interfaces
/// already expanded.
#[repr(C)]
pub struct InterfaceType {
    pub typ: Type,
    pub methods: *const Imethod,
    pub mcount: usize,
}

/// Bits of `StructField::flags`.
pub const FIELD_EMBEDDED: usize = 1;
pub const FIELD_EXPORTED: usize = 2;

#[repr(C)]
pub struct StructField {
    pub name: GoString,
    pub pkgpath: GoString,
    pub typ: *const Type,
    pub offset: usize,
    pub flags: usize,
    pub tag: GoString,
}

/// `struct { ... }`
#[repr(C)]
pub struct StructType {
    pub typ: Type,
    pub fields: *const StructField,
    pub nfields: usize,
}

/// A method of a concrete type.
#[repr(C)]
pub struct Method {
    pub name: GoString,
    /// The package path of an unexported method's package; empty for exported methods.
    pub pkgpath: GoString,
    /// The method's type without the receiver (a `FuncType`).
    pub mtyp: *const Type,
    /// The code that an itab holds for this method: it takes the receiver as one word (the
    /// interface's data word) followed by the method's parameters.
    pub ifn: *const u8,
}

/// The method set of a type, sorted by name (then package path).
#[repr(C)]
pub struct Uncommon {
    pub pkgpath: GoString,
    pub methods: *const Method,
    pub mcount: usize,
}

/// An interface table: the methods of the concrete type `typ` that implement interface
/// `inter`, in the interface's method order. A non-empty interface value is (itab, data);
/// an empty interface value is (type, data).
#[repr(C)]
pub struct Itab {
    pub inter: *const InterfaceType,
    pub typ: *const Type,
    pub hash: u32,
    pub _pad: u32,
    /// `inter.mcount` code pointers follow (declared with length 1, as in C).
    pub fun: [*const u8; 1],
}

/// A slice as the compiler lays it out: pointer, length, capacity.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct SliceHeader {
    pub ptr: *mut u8,
    pub len: usize,
    pub cap: usize,
}

/// An empty interface value.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Eface {
    pub typ: *const Type,
    pub data: *mut u8,
}

/// A non-empty interface value.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Iface {
    pub tab: *const Itab,
    pub data: *mut u8,
}

/// The methods of an interface type descriptor.
pub unsafe fn imethods<'a>(t: *const InterfaceType) -> &'a [Imethod] {
    let t = &*t;
    if t.mcount == 0 { &[] } else { core::slice::from_raw_parts(t.methods, t.mcount) }
}

/// The method set of a type descriptor (empty when it has none).
pub unsafe fn methods<'a>(t: *const Type) -> &'a [Method] {
    let u = (*t).uncommon;
    if u.is_null() || (*u).mcount == 0 { &[] } else { core::slice::from_raw_parts((*u).methods, (*u).mcount) }
}

/// The fields of a struct type descriptor.
pub unsafe fn fields<'a>(t: *const Type) -> &'a [StructField] {
    let s = &*(t as *const StructType);
    if s.nfields == 0 { &[] } else { core::slice::from_raw_parts(s.fields, s.nfields) }
}

/// The element type of an array, pointer, slice or chan descriptor.
pub unsafe fn elem(t: *const Type) -> *const Type {
    match (*t).kind() {
        KIND_ARRAY => (*(t as *const ArrayType)).elem,
        KIND_POINTER => (*(t as *const PtrType)).elem,
        KIND_SLICE => (*(t as *const SliceType)).elem,
        KIND_CHAN => (*(t as *const ChanType)).elem,
        KIND_MAP => (*(t as *const MapType)).elem,
        _ => core::ptr::null(),
    }
}
