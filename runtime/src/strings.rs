//! String helpers (runtime/string.go and utf8.go).
use crate::mem::newobject;

#[repr(C)]
pub struct Str {
    pub ptr: *const u8,
    pub len: i64,
}

#[repr(C)]
pub struct RuneNext {
    pub rune: i32,
    pub next: i64,
}

unsafe fn bytes<'a>(p: *const u8, n: i64) -> &'a [u8] {
    if n <= 0 { &[] } else { core::slice::from_raw_parts(p, n as usize) }
}

go_abi! {
    #[export_name = "runtime.concatstring2"]
    pub unsafe extern "Go" fn concatstring2(p1: *const u8, l1: i64, p2: *const u8, l2: i64) -> Str {
        if l1 == 0 {
            return Str { ptr: p2, len: l2 };
        }
        if l2 == 0 {
            return Str { ptr: p1, len: l1 };
        }
        let n = l1 + l2;
        let d = newobject(n, core::ptr::null());
        core::ptr::copy_nonoverlapping(p1, d, l1 as usize);
        core::ptr::copy_nonoverlapping(p2, d.add(l1 as usize), l2 as usize);
        Str { ptr: d, len: n }
    }
}

go_abi! {
    #[export_name = "runtime.cmpstring"]
    pub unsafe extern "Go" fn cmpstring(p1: *const u8, l1: i64, p2: *const u8, l2: i64) -> i64 {
        match bytes(p1, l1).cmp(bytes(p2, l2)) {
            core::cmp::Ordering::Less => -1,
            core::cmp::Ordering::Equal => 0,
            core::cmp::Ordering::Greater => 1,
        }
    }
}

go_abi! {
    #[export_name = "runtime.eqstring"]
    pub unsafe extern "Go" fn eqstring(p1: *const u8, l1: i64, p2: *const u8, l2: i64) -> bool {
        l1 == l2 && bytes(p1, l1) == bytes(p2, l2)
    }
}

pub fn encoderune(r: i32, out: &mut [u8; 4]) -> usize {
    let r = if (0xD800..=0xDFFF).contains(&r) || r > 0x10FFFF || r < 0 { 0xFFFD } else { r as u32 };
    if r < 0x80 {
        out[0] = r as u8;
        1
    } else if r < 0x800 {
        out[0] = 0xC0 | (r >> 6) as u8;
        out[1] = 0x80 | (r & 0x3F) as u8;
        2
    } else if r < 0x10000 {
        out[0] = 0xE0 | (r >> 12) as u8;
        out[1] = 0x80 | ((r >> 6) & 0x3F) as u8;
        out[2] = 0x80 | (r & 0x3F) as u8;
        3
    } else {
        out[0] = 0xF0 | (r >> 18) as u8;
        out[1] = 0x80 | ((r >> 12) & 0x3F) as u8;
        out[2] = 0x80 | ((r >> 6) & 0x3F) as u8;
        out[3] = 0x80 | (r & 0x3F) as u8;
        4
    }
}

go_abi! {
    #[export_name = "runtime.intstring"]
    pub unsafe extern "Go" fn intstring(v: i64) -> Str {
        let r = if v < 0 || v > 0x10FFFF { 0xFFFD } else { v as i32 };
        let mut buf = [0u8; 4];
        let n = encoderune(r, &mut buf);
        let d = newobject(n as i64, core::ptr::null());
        core::ptr::copy_nonoverlapping(buf.as_ptr(), d, n);
        Str { ptr: d, len: n as i64 }
    }
}

go_abi! {
    /// Decodes the rune at byte k of s (Go's decoderune): invalid encodings give U+FFFD, width 1.
    #[export_name = "runtime.decoderune"]
    pub unsafe extern "Go" fn decoderune(p: *const u8, n: i64, k: i64) -> RuneNext {
        let s = bytes(p, n);
        let k = k as usize;
        let (r, w) = decode(&s[k..]);
        RuneNext { rune: r, next: (k + w) as i64 }
    }
}

pub fn decode(s: &[u8]) -> (i32, usize) {
    let b0 = s[0];
    if b0 < 0x80 {
        return (b0 as i32, 1);
    }
    let bad = (0xFFFD, 1);
    let cont = |i: usize| -> Option<u32> { s.get(i).filter(|b| **b & 0xC0 == 0x80).map(|b| (*b & 0x3F) as u32) };
    if b0 & 0xE0 == 0xC0 {
        let Some(c1) = cont(1) else { return bad };
        let r = ((b0 as u32 & 0x1F) << 6) | c1;
        if r < 0x80 { return bad; }
        return (r as i32, 2);
    }
    if b0 & 0xF0 == 0xE0 {
        let (Some(c1), Some(c2)) = (cont(1), cont(2)) else { return bad };
        let r = ((b0 as u32 & 0x0F) << 12) | (c1 << 6) | c2;
        if r < 0x800 || (0xD800..=0xDFFF).contains(&r) { return bad; }
        return (r as i32, 3);
    }
    if b0 & 0xF8 == 0xF0 {
        let (Some(c1), Some(c2), Some(c3)) = (cont(1), cont(2), cont(3)) else { return bad };
        let r = ((b0 as u32 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
        if !(0x10000..=0x10FFFF).contains(&r) { return bad; }
        return (r as i32, 4);
    }
    bad
}

go_abi! {
    #[export_name = "runtime.slicebytetostring"]
    pub unsafe extern "Go" fn slicebytetostring(p: *const u8, n: i64, _cap: i64) -> Str {
        if n == 0 {
            return Str { ptr: core::ptr::null(), len: 0 };
        }
        let d = newobject(n, core::ptr::null());
        core::ptr::copy_nonoverlapping(p, d, n as usize);
        Str { ptr: d, len: n }
    }
}

go_abi! {
    #[export_name = "runtime.slicerunetostring"]
    pub unsafe extern "Go" fn slicerunetostring(p: *const i32, n: i64, _cap: i64) -> Str {
        let mut total = 0usize;
        let mut buf = [0u8; 4];
        for i in 0..n as usize {
            total += encoderune(*p.add(i), &mut buf);
        }
        let d = newobject(total as i64, core::ptr::null());
        let mut off = 0;
        for i in 0..n as usize {
            let w = encoderune(*p.add(i), &mut buf);
            core::ptr::copy_nonoverlapping(buf.as_ptr(), d.add(off), w);
            off += w;
        }
        Str { ptr: d, len: total as i64 }
    }
}

go_abi! {
    /// []byte(s): returns (ptr, len); the caller's capacity is the length.
    #[export_name = "runtime.stringtoslicebyte"]
    pub unsafe extern "Go" fn stringtoslicebyte(p: *const u8, n: i64) -> Str {
        let d = newobject(n, core::ptr::null());
        core::ptr::copy_nonoverlapping(p, d, n.max(0) as usize);
        Str { ptr: d, len: n }
    }
}

go_abi! {
    /// []rune(s): returns (ptr, len) of a new []rune.
    #[export_name = "runtime.stringtoslicerune"]
    pub unsafe extern "Go" fn stringtoslicerune(p: *const u8, n: i64) -> Str {
        let s = bytes(p, n);
        let mut count = 0;
        let mut k = 0;
        while k < s.len() {
            k += decode(&s[k..]).1;
            count += 1;
        }
        let d = newobject(count as i64 * 4, core::ptr::null()) as *mut i32;
        let mut k = 0;
        let mut i = 0;
        while k < s.len() {
            let (r, w) = decode(&s[k..]);
            *d.add(i) = r;
            k += w;
            i += 1;
        }
        Str { ptr: d as *const u8, len: count as i64 }
    }
}

go_abi! {
    /// `strings.bytesString`: strings.Builder's String, the bytes seen as a string without a
    /// copy. Sound because a Builder only appends: bytes it has handed out never change.
    #[export_name = "strings.bytesString"]
    pub unsafe extern "Go" fn bytes_string(p: *const u8, len: i64, _cap: i64) -> crate::types::GoString {
        crate::types::GoString { ptr: p, len: len.max(0) as usize }
    }
}
