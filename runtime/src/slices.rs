//! Slice helpers: make, growth (exactly as Go 1.19's growslice, with its size classes), copy.
use crate::mem::newobject;
use crate::strings::Str;
use crate::types::Type;

/// Go 1.19's malloc size classes (runtime/sizeclasses.go), for capacity rounding.
const SIZE_CLASSES: [usize; 68] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
    352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
    2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472,
    9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264,
    28672, 32768,
];

fn roundupsize(size: usize) -> usize {
    if size <= 32768 {
        for &c in SIZE_CLASSES.iter() {
            if c >= size {
                return c;
            }
        }
    }
    (size + 8191) & !8191
}

go_abi! {
    #[export_name = "runtime.makeslice"]
    pub unsafe extern "Go" fn makeslice(len: i64, cap: i64, esize: i64, typ: *const Type) -> *mut u8 {
        let max = if esize > 0 { (1i64 << 47) / esize } else { i64::MAX };
        if len < 0 || len > max {
            crate::panic::panic_makeslicelen();
        }
        if cap < len || cap > max {
            crate::panic::panic_makeslicecap();
        }
        newobject(cap * esize, typ)
    }
}

go_abi! {
    /// Grows a slice to hold at least `newlen` elements; returns (new ptr, new cap).
    #[export_name = "runtime.growslice"]
    pub unsafe extern "Go" fn growslice(p: *const u8, len: i64, cap: i64, newlen: i64, esize: i64, typ: *const Type) -> Str {
        if newlen < 0 {
            crate::panic::panic_error_string(&[b"growslice: cap out of range"]);
        }
        let old_cap = cap as usize;
        let want = newlen as usize;
        let mut newcap = old_cap;
        let doublecap = newcap + newcap;
        if want > doublecap {
            newcap = want;
        } else {
            const THRESHOLD: usize = 256;
            if old_cap < THRESHOLD {
                newcap = doublecap;
            } else {
                while newcap > 0 && newcap < want {
                    newcap += (newcap + 3 * THRESHOLD) / 4;
                }
                if newcap == 0 {
                    newcap = want;
                }
            }
        }
        let es = esize as usize;
        let newcap = if es == 0 {
            newcap
        } else {
            let mem = roundupsize(newcap * es);
            mem / es
        };
        let d = newobject((newcap * es) as i64, typ);
        if len > 0 {
            core::ptr::copy_nonoverlapping(p, d, len as usize * es);
        }
        Str { ptr: d, len: newcap as i64 }
    }
}

go_abi! {
    #[export_name = "runtime.slicecopy"]
    pub unsafe extern "Go" fn slicecopy(dp: *mut u8, dl: i64, sp: *const u8, sl: i64, esize: i64) -> i64 {
        let n = dl.min(sl);
        if n > 0 {
            crate::mem::memmove(dp, sp, (n * esize) as usize);
        }
        n
    }
}
