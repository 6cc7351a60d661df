//! print and println, with the Go runtime's formats (runtime/print.go). They write to stderr.
use crate::os;

pub fn out(b: &[u8]) {
    os::write(2, b);
}

pub fn fmt_uint(mut v: u64, buf: &mut [u8; 24]) -> usize {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    i
}

pub fn print_uint(v: u64) {
    let mut buf = [0u8; 24];
    let i = fmt_uint(v, &mut buf);
    out(&buf[i..]);
}

pub fn print_int(v: i64) {
    if v < 0 {
        out(b"-");
        print_uint((v as u64).wrapping_neg());
    } else {
        print_uint(v as u64);
    }
}

pub fn print_hex(v: u64) {
    const DIG: &[u8] = b"0123456789abcdef";
    let mut buf = [0u8; 24];
    let mut i = buf.len();
    let mut v = v;
    loop {
        i -= 1;
        buf[i] = DIG[(v % 16) as usize];
        v /= 16;
        if v == 0 {
            break;
        }
    }
    i -= 1;
    buf[i] = b'x';
    i -= 1;
    buf[i] = b'0';
    out(&buf[i..]);
}

pub fn print_float(v: f64) {
    if v != v {
        out(b"NaN");
        return;
    }
    if v + v == v && v > 0.0 {
        out(b"+Inf");
        return;
    }
    if v + v == v && v < 0.0 {
        out(b"-Inf");
        return;
    }
    const N: usize = 7;
    let mut buf = [0u8; N + 7];
    buf[0] = b'+';
    let mut e: i32 = 0;
    let mut v = v;
    if v == 0.0 {
        if (1.0 / v) < 0.0 {
            buf[0] = b'-';
        }
    } else {
        if v < 0.0 {
            v = -v;
            buf[0] = b'-';
        }
        while v >= 10.0 {
            e += 1;
            v /= 10.0;
        }
        while v < 1.0 {
            e -= 1;
            v *= 10.0;
        }
        let mut h = 5.0;
        for _ in 0..N {
            h /= 10.0;
        }
        v += h;
        if v >= 10.0 {
            e += 1;
            v /= 10.0;
        }
    }
    for i in 0..N {
        let s = v as i64;
        buf[i + 2] = (s as u8).wrapping_add(b'0');
        v -= s as f64;
        v *= 10.0;
    }
    buf[1] = buf[2];
    buf[2] = b'.';
    buf[N + 2] = b'e';
    buf[N + 3] = b'+';
    if e < 0 {
        e = -e;
        buf[N + 3] = b'-';
    }
    buf[N + 4] = (e / 100) as u8 + b'0';
    buf[N + 5] = ((e / 10) % 10) as u8 + b'0';
    buf[N + 6] = (e % 10) as u8 + b'0';
    out(&buf);
}

/// A complex number as print shows it: `(+1.000000e+000+2.000000e+000i)`.
pub fn print_complex(re: f64, im: f64) {
    out(b"(");
    print_float(re);
    print_float(im);
    out(b"i)");
}

go_abi! {
    #[export_name = "runtime.printcomplex"]
    pub extern "Go" fn printcomplex(re: f64, im: f64) {
        print_complex(re, im);
    }
}

go_abi! {
    /// An empty interface: (type word, data word).
    #[export_name = "runtime.printeface"]
    pub extern "Go" fn printeface(t: u64, d: u64) {
        out(b"(");
        print_hex(t);
        out(b",");
        print_hex(d);
        out(b")");
    }
}

go_abi! {
    /// A non-empty interface: (itab, data word).
    #[export_name = "runtime.printiface"]
    pub extern "Go" fn printiface(t: u64, d: u64) {
        printeface(t, d)
    }
}

go_abi! {
    #[export_name = "runtime.printint"]
    pub extern "Go" fn printint(v: i64) {
        print_int(v);
    }
}
go_abi! {
    #[export_name = "runtime.printuint"]
    pub extern "Go" fn printuint(v: u64) {
        print_uint(v);
    }
}
go_abi! {
    #[export_name = "runtime.printfloat"]
    pub extern "Go" fn printfloat(v: f64) {
        print_float(v);
    }
}
go_abi! {
    #[export_name = "runtime.printbool"]
    pub extern "Go" fn printbool(v: bool) {
        out(if v { b"true" } else { b"false" });
    }
}
go_abi! {
    #[export_name = "runtime.printstring"]
    pub unsafe extern "Go" fn printstring(p: *const u8, n: i64) {
        if n > 0 {
            out(core::slice::from_raw_parts(p, n as usize));
        }
    }
}
go_abi! {
    #[export_name = "runtime.printpointer"]
    pub extern "Go" fn printpointer(p: u64) {
        print_hex(p);
    }
}
go_abi! {
    #[export_name = "runtime.printslice"]
    pub extern "Go" fn printslice(p: u64, len: i64, cap: i64) {
        out(b"[");
        print_int(len);
        out(b"/");
        print_int(cap);
        out(b"]");
        print_hex(p);
    }
}
go_abi! {
    #[export_name = "runtime.printsp"]
    pub extern "Go" fn printsp() {
        out(b" ");
    }
}
go_abi! {
    #[export_name = "runtime.printnl"]
    pub extern "Go" fn printnl() {
        out(b"\n");
    }
}
