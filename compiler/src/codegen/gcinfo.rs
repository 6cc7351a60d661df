//! What the garbage collector needs to know about compiled code and data: where the live
//! pointers of every stack frame are, and which words of the globals can hold pointers.
//!
//! Stack frames. Codegen declares every Cranelift value that holds a Go pointer (a pointer,
//! map, chan, func or unsafe.Pointer value, the pointer of a string or slice, the data word of
//! an interface) as needing a stack map. Cranelift then keeps such values in stack slots
//! across every call (a safepoint) and records, for each call's return address, the offsets
//! from the stack pointer of the slots that hold live pointers there ("user stack maps").
//! Memory that lives in the frame itself (stack-allocated objects, defer records) is described
//! separately: its stack pointer offset and a bitmap of its pointer words; the collector scans
//! it at every safepoint of the function.
//!
//! The tables the runtime reads (runtime/src/gc/stackmap.rs). Numbers in a record are
//! unsigned LEB128 (7 bits a byte, low first: most take one byte), and offsets in a list are
//! each written as the difference from the one before, so that the tables stay a small part
//! of a program:
//!
//! ```text
//! go.gcfuncs:    u64 count, then count × (u64 function address, u32 code length,
//!                u32 offset of the function's record in go.gcfuncdata), little-endian
//! record:        frame pointer − stack pointer, number of sites, number of frame objects,
//!                sites:   return-address offset (from the previous site's), n, then n stack
//!                         pointer offsets of live pointer slots (ascending, as differences)
//!                objects: stack pointer offset, words, ⌈words/8⌉ bytes of pointer bitmap
//! go.gcglobals:  u64 count, then count × (u64 address, u64 words, ⌈words/64⌉ × u64 bitmap)
//! ```
//!
//! Both tables are referenced by the runtime, so the linker keeps them.
use cranelift_codegen::ir::StackSlot;
use cranelift_module::{DataDescription, DataId, FuncId, Linkage, Module};

use super::typedesc::pointer_words;
use crate::types::ty::*;

/// Which Cranelift components of a Go value of type `t` hold pointers (parallel to
/// `components`). The first word of an interface (a type descriptor or itab) is never a heap
/// pointer; uintptr is not a pointer, as in Go.
pub fn pointer_components(tt: &TypeTable, t: TypeId) -> Vec<bool> {
    match tt.under_kind(t) {
        TypeKind::Basic(b) => match b {
            Basic::Invalid => vec![],
            Basic::String | Basic::UntypedString => vec![true, false],
            Basic::UnsafePointer => vec![true],
            Basic::Complex64 | Basic::Complex128 => vec![false, false],
            _ => vec![false],
        },
        TypeKind::Slice(_) => vec![true, false, false],
        TypeKind::Interface(_) => vec![false, true],
        TypeKind::Tuple(ts) => ts.iter().flat_map(|t| pointer_components(tt, *t)).collect(),
        TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => vec![true],
        // A struct or array value is handled by the address of its memory, which may be on
        // the heap.
        TypeKind::Struct(_) | TypeKind::Array(..) => vec![true],
        _ => vec![false],
    }
}

/// The pointer words of a value of type `t` (indices of 8-byte words), if any.
pub fn pointer_bitmap(tt: &TypeTable, t: TypeId) -> Vec<u64> {
    let mut words = vec![];
    pointer_words(tt, t, 0, &mut words);
    words
}

/// A frame object: a stack slot and the indices of its words that can hold pointers.
pub struct FrameObject {
    pub slot: StackSlot,
    pub words: u32,
    pub pointers: Vec<u64>,
}

/// The collector's view of one compiled function.
pub struct FuncGcInfo {
    pub func: FuncId,
    pub code_len: u32,
    pub sp_to_fp: u32,
    /// (return-address offset, stack pointer offsets of live pointers).
    pub sites: Vec<(u32, Vec<u32>)>,
    /// (stack pointer offset, words, pointer word indices).
    pub objects: Vec<(u32, u32, Vec<u64>)>,
}

impl FuncGcInfo {
    /// Reads the stack maps and frame layout of a compiled function.
    pub fn new(func: FuncId, compiled: &cranelift_codegen::CompiledCode, objects: &[FrameObject]) -> FuncGcInfo {
        let buf = &compiled.buffer;
        let sites = buf
            .user_stack_maps()
            .iter()
            .map(|(ret, _, map)| {
                let mut offs: Vec<u32> = map.entries().map(|(_, off)| off).collect();
                offs.sort();
                (*ret, offs)
            })
            .collect();
        let (sp_to_fp, objs) = match buf.frame_layout() {
            Some(l) => (l.frame_to_fp_offset, objects.iter().map(|o| (l.stackslots[o.slot].offset, o.words, o.pointers.clone())).collect()),
            None => (0, vec![]),
        };
        FuncGcInfo { func, code_len: buf.data().len() as u32, sp_to_fp, sites, objects: objs }
    }
}

/// Appends `v` as unsigned LEB128.
fn uleb(bytes: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            bytes.push(b);
            return;
        }
        bytes.push(b | 0x80);
    }
}

/// A function's record in go.gcfuncdata (see the module's comment).
fn record(fi: &FuncGcInfo) -> Vec<u8> {
    let mut bytes = vec![];
    uleb(&mut bytes, fi.sp_to_fp as u64);
    uleb(&mut bytes, fi.sites.len() as u64);
    uleb(&mut bytes, fi.objects.len() as u64);
    let mut last_ret = 0;
    for (ret, offs) in &fi.sites {
        uleb(&mut bytes, (ret - last_ret) as u64);
        last_ret = *ret;
        uleb(&mut bytes, offs.len() as u64);
        let mut last = 0;
        for &o in offs {
            uleb(&mut bytes, (o - last) as u64);
            last = o;
        }
    }
    for (off, words, ptrs) in &fi.objects {
        uleb(&mut bytes, *off as u64);
        uleb(&mut bytes, *words as u64);
        let mut bm = vec![0u8; (*words as usize).div_ceil(8)];
        for &w in ptrs {
            bm[w as usize / 8] |= 1 << (w % 8);
        }
        bytes.extend(bm);
    }
    bytes
}

/// A shape descriptor: the header of a type descriptor (runtime/src/types.rs `Type`, 64
/// bytes) with only the size, the pointer data length and the pointer bitmap filled in. Heap
/// allocations pass it, so that the collector knows the object's pointers without the
/// program carrying the type's whole descriptor (its name, its methods and their wrappers).
pub fn define_shape(module: &mut cranelift_object::ObjectModule, n: usize, size: u64, pointers: &[u64]) -> Result<DataId, String> {
    let ptrdata = pointers.iter().max().map_or(0, |w| (w + 1) * 8);
    let mut bits = vec![0u8; (ptrdata / 8).div_ceil(8) as usize];
    for &w in pointers {
        bits[w as usize / 8] |= 1 << (w % 8);
    }
    let bm = module.declare_data(&format!("go.gcshape.{}.bits", n), Linkage::Local, false, false).map_err(|e| e.to_string())?;
    let mut d = DataDescription::new();
    d.define(bits.into_boxed_slice());
    module.define_data(bm, &d).map_err(|e| e.to_string())?;
    let mut h = vec![0u8; 64];
    h[0..8].copy_from_slice(&size.to_le_bytes());
    h[8..16].copy_from_slice(&ptrdata.to_le_bytes());
    h[21] = 8; // align
    h[22] = 8; // field align
    let id = module.declare_data(&format!("go.gcshape.{}", n), Linkage::Local, false, false).map_err(|e| e.to_string())?;
    let mut d = DataDescription::new();
    d.set_align(8);
    d.define(h.into_boxed_slice());
    let gv = module.declare_data_in_data(bm, &mut d);
    d.write_data_addr(24, gv, 0);
    module.define_data(id, &d).map_err(|e| e.to_string())?;
    Ok(id)
}

/// Writes the function records (`go.gcfuncdata`) and their index (`go.gcfuncs`).
pub fn define_func_tables(module: &mut cranelift_object::ObjectModule, infos: &[FuncGcInfo]) -> Result<(), String> {
    let mut data: Vec<u8> = vec![];
    let mut index = (infos.len() as u64).to_le_bytes().to_vec();
    for fi in infos {
        index.extend(0u64.to_le_bytes());
        index.extend(fi.code_len.to_le_bytes());
        index.extend((data.len() as u32).to_le_bytes());
        data.extend(record(fi));
    }
    let blob = module.declare_data("go.gcfuncdata", Linkage::Export, false, false).map_err(|e| e.to_string())?;
    let mut d = DataDescription::new();
    d.define(data.into_boxed_slice());
    module.define_data(blob, &d).map_err(|e| e.to_string())?;
    let mut d = DataDescription::new();
    d.set_align(8);
    d.define(index.into_boxed_slice());
    for (i, fi) in infos.iter().enumerate() {
        let fr = module.declare_func_in_data(fi.func, &mut d);
        d.write_function_addr(8 + 16 * i as u32, fr);
    }
    let id = module.declare_data("go.gcfuncs", Linkage::Export, false, false).map_err(|e| e.to_string())?;
    module.define_data(id, &d).map_err(|e| e.to_string())
}

/// Writes `go.gcglobals`: the globals that can hold pointers, each with its pointer bitmap.
/// `globals`: (data object, size in bytes, pointer word indices).
pub fn define_globals_table(module: &mut cranelift_object::ObjectModule, globals: &[(DataId, u64, Vec<u64>)]) -> Result<(), String> {
    let mut bytes = vec![];
    let mut relocs = vec![];
    let with_ptrs: Vec<_> = globals.iter().filter(|g| !g.2.is_empty()).collect();
    bytes.extend((with_ptrs.len() as u64).to_le_bytes());
    for (id, size, ptrs) in with_ptrs {
        let words = (size + 7) / 8;
        relocs.push((bytes.len() as u32, *id));
        bytes.extend(0u64.to_le_bytes());
        bytes.extend(words.to_le_bytes());
        let mut bm = vec![0u64; (words as usize + 63) / 64];
        for &w in ptrs {
            bm[w as usize / 64] |= 1 << (w % 64);
        }
        for w in bm {
            bytes.extend(w.to_le_bytes());
        }
    }
    let mut d = DataDescription::new();
    d.set_align(8);
    d.define(bytes.into_boxed_slice());
    for (off, id) in relocs {
        let gv = module.declare_data_in_data(id, &mut d);
        d.write_data_addr(off, gv, 0);
    }
    let id = module.declare_data("go.gcglobals", Linkage::Export, false, false).map_err(|e| e.to_string())?;
    module.define_data(id, &d).map_err(|e| e.to_string())
}
