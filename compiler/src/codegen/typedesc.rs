//! Run-time type information as read-only data: one type descriptor per type the program
//! uses, the method tables, the static itabs (and `go:itablinks`, their list, which the
//! runtime registers at start-up so that itabs stay unique), and the static closures of
//! func values of functions.
//!
//! The layout is the runtime's (`runtime/src/types.rs`); the offsets are written out here:
//!
//! ```text
//!  type descriptor (header, 64 bytes)                kind-specific part
//!  ┌──────────────┬──────────────┬────────────────┐  Array:     elem, slice, len
//!  │ size     u64 │ ptrdata  u64 │ hash u32 │tflag│  Pointer:   elem
//!  │              │              │ align fieldalign kind       Slice:     elem
//!  ├──────────────┼──────────────┴────────────────┤  Map:       key, elem, keysize u8,
//!  │ gcdata  *u8  │ name (ptr, len)               │             elemsize u8, bucketsize u16,
//!  ├──────────────┼──────────────┬────────────────┘             flags u32
//!  │ uncommon     │ ptrToThis    │                   Func:      in u16, out u16, pad, params
//!  └──────────────┴──────────────┘                   Interface: methods, mcount
//!                                                    Struct:    fields, nfields
//! ```

use crate::HashMap;

use cranelift_module::{DataDescription, DataId, Linkage, Module};

use super::Codegen;
use crate::ssa::ir::Program;
use crate::types::ty::*;

// Kinds (reflect.Kind numbering) and flags, as in runtime/src/types.rs.
const KIND_DIRECT_IFACE: u8 = 0x20;
const TFLAG_UNCOMMON: u8 = 1;
const TFLAG_REGULAR_MEMORY: u8 = 2;
const TFLAG_NAMED: u8 = 4;
const TFLAG_COMPARABLE: u8 = 8;
const MAP_INDIRECT_KEY: u32 = 1;
const MAP_INDIRECT_ELEM: u32 = 2;
const MAP_REFLEXIVE_KEY: u32 = 4;
const MAP_NEED_KEY_UPDATE: u32 = 8;
const MAP_HASH_MIGHT_PANIC: u32 = 16;
const FUNC_VARIADIC: u16 = 0x8000;
const FIELD_EMBEDDED: u64 = 1;
const FIELD_EXPORTED: u64 = 2;
/// Keys and elements larger than this are stored in map buckets by pointer.
const MAP_MAX_INLINE: u64 = 128;
pub const HEADER_SIZE: usize = 64;
/// Offset of an itab's first method.
pub const ITAB_FUN_OFFSET: i32 = 24;

/// Go's reflect.Kind of a type.
pub fn kind_of(tt: &TypeTable, t: TypeId) -> u8 {
    match tt.under_kind(t) {
        TypeKind::Basic(b) => match b {
            Basic::Bool | Basic::UntypedBool => 1,
            Basic::Int | Basic::UntypedInt => 2,
            Basic::Int8 => 3,
            Basic::Int16 => 4,
            Basic::Int32 | Basic::UntypedRune => 5,
            Basic::Int64 => 6,
            Basic::Uint => 7,
            Basic::Uint8 => 8,
            Basic::Uint16 => 9,
            Basic::Uint32 => 10,
            Basic::Uint64 => 11,
            Basic::Uintptr => 12,
            Basic::Float32 => 13,
            Basic::Float64 | Basic::UntypedFloat => 14,
            Basic::Complex64 => 15,
            Basic::Complex128 => 16,
            Basic::String | Basic::UntypedString => 24,
            Basic::UnsafePointer => 26,
            _ => 0,
        },
        TypeKind::Array(..) => 17,
        TypeKind::Func(_) => 19,
        TypeKind::Interface(_) => 20,
        TypeKind::Chan(..) => 18,
        TypeKind::Map(..) => 21,
        TypeKind::Pointer(_) => 22,
        TypeKind::Slice(_) => 23,
        TypeKind::Struct(_) => 25,
        _ => 0,
    }
}

/// Which words of a value of type `t` can hold pointers (for a precise collector).
pub fn pointer_words(tt: &TypeTable, t: TypeId, base: u64, out: &mut Vec<u64>) {
    match tt.under_kind(t) {
        TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) | TypeKind::Basic(Basic::UnsafePointer) => out.push(base / 8),
        TypeKind::Basic(b) if b.is_string() => out.push(base / 8),
        TypeKind::Slice(_) => out.push(base / 8),
        TypeKind::Interface(_) => {
            out.push(base / 8);
            out.push(base / 8 + 1);
        }
        TypeKind::Array(n, e) => {
            let es = tt.size(*e);
            let mut inner = vec![];
            pointer_words(tt, *e, 0, &mut inner);
            if !inner.is_empty() {
                for i in 0..*n {
                    for w in &inner {
                        out.push(base / 8 + i * es / 8 + w);
                    }
                }
            }
        }
        TypeKind::Struct(fs) => {
            let offs = tt.field_offsets(t);
            for (f, o) in fs.clone().iter().zip(offs) {
                pointer_words(tt, f.ty, base + o, out);
            }
        }
        _ => {}
    }
}

fn comparable(tt: &TypeTable, t: TypeId) -> bool {
    tt.comparable(t)
}

/// Whether `k == k` for all values (no floats, no interfaces inside).
fn reflexive(tt: &TypeTable, t: TypeId) -> bool {
    match tt.under_kind(t) {
        TypeKind::Basic(b) => !(b.is_float() || b.is_complex()),
        TypeKind::Interface(_) => false,
        TypeKind::Struct(fs) => fs.iter().all(|f| reflexive(tt, f.ty)),
        TypeKind::Array(_, e) => reflexive(tt, *e),
        _ => true,
    }
}

/// Whether assigning to an existing key must store the new key (floats: +0/-0; strings and
/// interfaces: the new value may be a different representation of an equal key).
fn need_key_update(tt: &TypeTable, t: TypeId) -> bool {
    match tt.under_kind(t) {
        TypeKind::Basic(b) => b.is_float() || b.is_complex() || b.is_string(),
        TypeKind::Interface(_) => true,
        TypeKind::Struct(fs) => fs.iter().any(|f| need_key_update(tt, f.ty)),
        TypeKind::Array(_, e) => need_key_update(tt, *e),
        _ => false,
    }
}

fn hash_might_panic(tt: &TypeTable, t: TypeId) -> bool {
    match tt.under_kind(t) {
        TypeKind::Interface(_) => true,
        TypeKind::Struct(fs) => fs.iter().any(|f| hash_might_panic(tt, f.ty)),
        TypeKind::Array(_, e) => hash_might_panic(tt, *e),
        _ => false,
    }
}

fn fnv32(s: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in s {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// A data object being assembled: bytes plus relocations.
struct Blob {
    bytes: Vec<u8>,
    data_relocs: Vec<(usize, DataId)>,
    func_relocs: Vec<(usize, String)>,
}

impl Blob {
    fn new() -> Blob {
        Blob { bytes: vec![], data_relocs: vec![], func_relocs: vec![] }
    }
    fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    fn u16(&mut self, v: u16) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }
    /// A pointer to data (or null).
    fn ptr(&mut self, d: Option<DataId>) {
        if let Some(d) = d {
            self.data_relocs.push((self.bytes.len(), d));
        }
        self.u64(0);
    }
    /// The address of function `sym`; null for "" (a method no interface can call, left
    /// out of the program: see `reachable` in ssa/build/program.rs).
    fn func(&mut self, sym: &str) {
        if !sym.is_empty() {
            self.func_relocs.push((self.bytes.len(), sym.to_string()));
        }
        self.u64(0);
    }
}

/// The symbols of the run-time type information.
pub struct TypeSyms {
    pub types: HashMap<TypeId, DataId>,
    pub itabs: HashMap<(TypeId, TypeId), DataId>,
    pub closures: HashMap<String, DataId>,
}

impl<'a> Codegen<'a> {
    fn define_blob(&mut self, id: DataId, b: Blob) -> Result<(), String> {
        let mut d = DataDescription::new();
        d.set_align(8);
        d.define(b.bytes.into_boxed_slice());
        for (off, target) in b.data_relocs {
            let gv = self.module.declare_data_in_data(target, &mut d);
            d.write_data_addr(off as u32, gv, 0);
        }
        for (off, sym) in b.func_relocs {
            let fid = match self.funcs.get(&sym) {
                Some(f) => *f,
                None => return Err(format!("method table refers to unknown function {}", sym)),
            };
            let fr = self.module.declare_func_in_data(fid, &mut d);
            d.write_function_addr(off as u32, fr);
        }
        self.module.define_data(id, &d).map_err(|e| e.to_string())
    }

    fn anon_data(&mut self, b: Blob) -> Result<DataId, String> {
        let name = format!("go:rtdata.{}", self.anon);
        self.anon += 1;
        let id = self.module.declare_data(&name, Linkage::Local, false, false).map_err(|e| e.to_string())?;
        self.define_blob(id, b)?;
        Ok(id)
    }

    fn string_ref(&mut self, b: &mut Blob, s: &str) -> Result<(), String> {
        if s.is_empty() {
            b.u64(0);
        } else {
            let id = self.string_data(s.as_bytes())?;
            b.ptr(Some(id));
        }
        b.u64(s.len() as u64);
        Ok(())
    }

    /// Declares every descriptor, itab and static closure (so that code and data can refer to
    /// them in any order).
    pub fn declare_runtime_types(&mut self, p: &Program) -> Result<(), String> {
        let tt = self.tt;
        let mut used_names: HashMap<String, usize> = HashMap::default();
        for &t in &p.types {
            let base = format!("type:{}", tt.rt_name(t));
            let n = used_names.entry(base.clone()).or_insert(0);
            let name = if *n == 0 { base } else { format!("{}·{}", base, n) };
            *n += 1;
            let id = self.module.declare_data(&name, Linkage::Local, false, false).map_err(|e| format!("{}: {}", name, e))?;
            self.rtsyms.types.insert(t, id);
        }
        for &(t, i) in &p.itabs {
            let name = format!("go:itab.{},{}", tt.rt_name(t), tt.rt_name(i));
            let id = self.module.declare_data(&name, Linkage::Local, false, false).map_err(|e| format!("{}: {}", name, e))?;
            self.rtsyms.itabs.insert((t, i), id);
        }
        for (sym, wrapper) in &p.static_closures {
            let name = format!("{}·f", sym);
            let id = self.module.declare_data(&name, Linkage::Local, false, false).map_err(|e| format!("{}: {}", name, e))?;
            self.rtsyms.closures.insert(wrapper.clone(), id);
        }
        Ok(())
    }

    /// Defines what `declare_runtime_types` declared, and `go:itablinks`.
    pub fn define_runtime_types(&mut self, p: &Program) -> Result<(), String> {
        for &t in &p.types {
            let b = self.descriptor(p, t)?;
            let id = self.rtsyms.types[&t];
            self.define_blob(id, b)?;
        }
        for &(t, i) in &p.itabs {
            let mut b = Blob::new();
            b.ptr(self.rtsyms.types.get(&i).copied());
            b.ptr(self.rtsyms.types.get(&t).copied());
            b.u32(fnv32(self.tt.rt_name(t).as_bytes()));
            b.u32(0);
            let table = p.methods.get(&t).cloned().unwrap_or_default();
            for m in self.tt.imethods(i).to_vec() {
                match table.iter().find(|e| e.name == m.name && e.pkg == m.pkg) {
                    Some(e) => b.func(&e.ifn),
                    None => return Err(format!("itab {}, {}: no method {}", self.tt.rt_name(t), self.tt.rt_name(i), m.name)),
                }
            }
            let id = self.rtsyms.itabs[&(t, i)];
            self.define_blob(id, b)?;
        }
        for (_, wrapper) in &p.static_closures {
            let mut b = Blob::new();
            b.func(wrapper);
            let id = self.rtsyms.closures[wrapper];
            self.define_blob(id, b)?;
        }
        // The static itabs, for the runtime's itab table: count, then pointers.
        let mut b = Blob::new();
        b.u64(p.itabs.len() as u64);
        for k in &p.itabs {
            b.ptr(Some(self.rtsyms.itabs[k]));
        }
        let id = self.module.declare_data("go:itablinks", Linkage::Export, false, false).map_err(|e| e.to_string())?;
        self.define_blob(id, b)
    }

    fn tref(&self, t: TypeId) -> Option<DataId> {
        self.rtsyms.types.get(&t).copied()
    }

    fn descriptor(&mut self, p: &Program, t: TypeId) -> Result<Blob, String> {
        let tt = self.tt;
        let size = tt.size(t);
        let mut words = vec![];
        pointer_words(tt, t, 0, &mut words);
        let ptrdata = words.iter().max().map_or(0, |w| (w + 1) * 8);
        let gcdata = if words.is_empty() {
            None
        } else {
            let mut bits = vec![0u8; (ptrdata / 8).div_ceil(8) as usize];
            for w in &words {
                bits[(w / 8) as usize] |= 1 << (w % 8);
            }
            let mut g = Blob::new();
            g.bytes = bits;
            Some(self.anon_data(g)?)
        };
        let methods = p.methods.get(&t).cloned().unwrap_or_default();
        let uncommon = if methods.is_empty() {
            None
        } else {
            let mut arr = Blob::new();
            for m in &methods {
                self.string_ref(&mut arr, &m.name)?;
                self.string_ref(&mut arr, &m.pkg)?;
                arr.ptr(self.tref(m.sig));
                arr.func(&m.ifn);
            }
            let arr_id = self.anon_data(arr)?;
            let mut u = Blob::new();
            let pkg = tt.named_data(t).map(|n| n.pkg.clone()).unwrap_or_default();
            self.string_ref(&mut u, &pkg)?;
            u.ptr(Some(arr_id));
            u.u64(methods.len() as u64);
            Some(self.anon_data(u)?)
        };
        let mut tflag = 0u8;
        if uncommon.is_some() {
            tflag |= TFLAG_UNCOMMON;
        }
        if tt.is_regular_memory(t) {
            tflag |= TFLAG_REGULAR_MEMORY;
        }
        if tt.named_data(t).is_some() {
            tflag |= TFLAG_NAMED;
        }
        if comparable(tt, t) {
            tflag |= TFLAG_COMPARABLE;
        }
        let mut kind = kind_of(tt, t);
        if tt.is_direct_iface(t) {
            kind |= KIND_DIRECT_IFACE;
        }
        let name = tt.rt_name(t);
        let mut b = Blob::new();
        b.u64(size);
        b.u64(ptrdata);
        b.u32(fnv32(name.as_bytes()));
        b.u8(tflag);
        b.u8(tt.align(t) as u8);
        b.u8(tt.align(t) as u8);
        b.u8(kind);
        b.ptr(gcdata);
        self.string_ref(&mut b, &name)?;
        b.ptr(uncommon);
        let ptr_t = self.tt.pointer_if_exists(t);
        b.ptr(ptr_t.and_then(|pt| self.tref(pt)));
        debug_assert_eq!(b.bytes.len(), HEADER_SIZE);
        match tt.under_kind(t).clone() {
            TypeKind::Array(n, e) => {
                b.ptr(self.tref(e));
                let st = self.tt.slice_if_exists(e);
                b.ptr(st.and_then(|s| self.tref(s)));
                b.u64(n);
            }
            TypeKind::Pointer(e) | TypeKind::Slice(e) => b.ptr(self.tref(e)),
            TypeKind::Chan(d, e) => {
                // gc's chantype: the element type and the direction (1 recv, 2 send, 3 both).
                b.ptr(self.tref(e));
                b.u64(match d {
                    ChanDir::Recv => 1,
                    ChanDir::Send => 2,
                    ChanDir::Both => 3,
                });
            }
            TypeKind::Map(k, v) => {
                b.ptr(self.tref(k));
                b.ptr(self.tref(v));
                let (ks, vs) = (tt.size(k), tt.size(v));
                let mut flags = 0;
                let keysize = if ks > MAP_MAX_INLINE {
                    flags |= MAP_INDIRECT_KEY;
                    8
                } else {
                    ks
                };
                let elemsize = if vs > MAP_MAX_INLINE {
                    flags |= MAP_INDIRECT_ELEM;
                    8
                } else {
                    vs
                };
                if reflexive(tt, k) {
                    flags |= MAP_REFLEXIVE_KEY;
                }
                if need_key_update(tt, k) {
                    flags |= MAP_NEED_KEY_UPDATE;
                }
                if hash_might_panic(tt, k) {
                    flags |= MAP_HASH_MIGHT_PANIC;
                }
                b.u8(keysize as u8);
                b.u8(elemsize as u8);
                b.u16((8 + 8 * keysize + 8 * elemsize + 8) as u16);
                b.u32(flags);
            }
            TypeKind::Func(s) => {
                let mut arr = Blob::new();
                for x in s.params.iter().chain(s.results.iter()) {
                    arr.ptr(self.tref(*x));
                }
                let arr_id = if arr.bytes.is_empty() { None } else { Some(self.anon_data(arr)?) };
                b.u16(s.params.len() as u16);
                b.u16(s.results.len() as u16 | if s.variadic { FUNC_VARIADIC } else { 0 });
                b.u32(0);
                b.ptr(arr_id);
            }
            TypeKind::Interface(ms) => {
                let mut arr = Blob::new();
                for m in &ms {
                    self.string_ref(&mut arr, &m.name)?;
                    self.string_ref(&mut arr, &m.pkg)?;
                    arr.ptr(self.tref(m.sig));
                }
                let arr_id = if arr.bytes.is_empty() { None } else { Some(self.anon_data(arr)?) };
                b.ptr(arr_id);
                b.u64(ms.len() as u64);
            }
            TypeKind::Struct(fs) => {
                let offs = tt.field_offsets(t);
                let mut arr = Blob::new();
                let pkg = tt.named_data(t).map(|n| n.pkg.clone()).unwrap_or_else(|| "main".into());
                for (f, o) in fs.iter().zip(offs) {
                    let exported = f.name.starts_with(|c: char| c.is_uppercase());
                    self.string_ref(&mut arr, &f.name)?;
                    self.string_ref(&mut arr, if exported { "" } else { &pkg })?;
                    arr.ptr(self.tref(f.ty));
                    arr.u64(o);
                    arr.u64(if f.embedded { FIELD_EMBEDDED } else { 0 } | if exported { FIELD_EXPORTED } else { 0 });
                    self.string_ref(&mut arr, "")?;
                }
                let arr_id = if arr.bytes.is_empty() { None } else { Some(self.anon_data(arr)?) };
                b.ptr(arr_id);
                b.u64(fs.len() as u64);
            }
            _ => {}
        }
        Ok(b)
    }
}

/// The run-time type information of a program as text (`golift tool types`): each
/// descriptor with its layout facts, method table and kind-specific part, then the itabs.
pub fn describe(tt: &TypeTable, p: &Program) -> String {
    const KINDS: [&str; 27] = [
        "invalid", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
        "float32", "float64", "complex64", "complex128", "array", "chan", "func", "interface", "map", "ptr", "slice", "string",
        "struct", "unsafe.Pointer",
    ];
    let mut out = format!("\ntype descriptors ({}):\n", p.types.len());
    let mut types = p.types.clone();
    types.sort_by_key(|t| tt.rt_name(*t));
    for t in types {
        let mut words = vec![];
        pointer_words(tt, t, 0, &mut words);
        let ptrdata = words.iter().max().map_or(0, |w| (w + 1) * 8);
        let mut bits = String::new();
        for w in 0..ptrdata / 8 {
            bits.push(if words.contains(&w) { '1' } else { '0' });
        }
        let mut flags = vec![];
        if tt.named_data(t).is_some() {
            flags.push("named");
        }
        if comparable(tt, t) {
            flags.push("comparable");
        }
        if tt.is_regular_memory(t) {
            flags.push("regular-memory");
        }
        if tt.is_direct_iface(t) {
            flags.push("direct-iface");
        }
        let k = KINDS.get(kind_of(tt, t) as usize).copied().unwrap_or("?");
        out.push_str(&format!(
            "  {}\n    kind {}, size {}, align {}, ptrdata {}{}, hash {:#010x}{}\n",
            tt.rt_name(t),
            k,
            tt.size(t),
            tt.align(t),
            ptrdata,
            if bits.is_empty() { String::new() } else { format!(" (pointer words {})", bits) },
            fnv32(tt.rt_name(t).as_bytes()),
            if flags.is_empty() { String::new() } else { format!(", {}", flags.join(" ")) }
        ));
        match tt.under_kind(t) {
            TypeKind::Struct(fs) => {
                for (f, o) in fs.iter().zip(tt.field_offsets(t)) {
                    out.push_str(&format!("    field {}{} {} at {}\n", f.name, if f.embedded { " (embedded)" } else { "" }, tt.rt_name(f.ty), o));
                }
            }
            TypeKind::Map(kt, vt) => out.push_str(&format!("    key {}, elem {}\n", tt.rt_name(*kt), tt.rt_name(*vt))),
            TypeKind::Interface(ms) => {
                for m in ms {
                    out.push_str(&format!("    method {}{}\n", m.name, tt.method_sig_string(m.sig)));
                }
            }
            _ => {}
        }
        if let Some(ms) = p.methods.get(&t) {
            for m in ms {
                let code = if m.ifn.is_empty() {
                    "(not compiled: no interface has it)"
                } else if m.ifn == crate::ssa::build::DEAD_METHOD {
                    "(not compiled: no interface call reaches it)"
                } else {
                    m.ifn.as_str()
                };
                out.push_str(&format!("    method {}{} -> {}\n", m.name, tt.method_sig_string(m.sig), code));
            }
        }
    }
    out.push_str(&format!("\nitabs ({}):\n", p.itabs.len()));
    for (t, i) in &p.itabs {
        let table = p.methods.get(t).cloned().unwrap_or_default();
        let fns: Vec<String> = tt.imethods(*i).iter().map(|m| table.iter().find(|e| e.name == m.name).map(|e| e.ifn.clone()).unwrap_or_default()).collect();
        out.push_str(&format!("  {}, {}: [{}]\n", tt.rt_name(*t), tt.rt_name(*i), fns.join(", ")));
    }
    out
}
