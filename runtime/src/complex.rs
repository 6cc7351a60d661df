//! Complex division, as gc computes it: Smith's algorithm (R. L. Smith, "Algorithm 116:
//! Complex division", CACM 5(8), 1962), which scales by the larger part of the divisor to
//! avoid overflow, then, when both parts come out NaN, the infinities and zeros that C99
//! (ISO/IEC 9899:1999, G.5.1) prescribes.

#[repr(C)]
pub struct Complex128 {
    pub re: f64,
    pub im: f64,
}

fn is_inf(x: f64) -> bool {
    x.is_infinite()
}

fn finite(x: f64) -> bool {
    x.is_finite()
}

/// 1 or 0 with the sign of `sign`.
fn unit(is: bool, sign: f64) -> f64 {
    (if is { 1.0f64 } else { 0.0 }).copysign(sign)
}

go_abi! {
    /// (a + bi) / (c + di)
    #[export_name = "runtime.complex128div"]
    pub extern "Go" fn complex128div(a: f64, b: f64, c: f64, d: f64) -> Complex128 {
        let (mut e, mut f);
        if c.abs() >= d.abs() {
            let ratio = d / c;
            let denom = c + ratio * d;
            e = (a + b * ratio) / denom;
            f = (b - a * ratio) / denom;
        } else {
            let ratio = c / d;
            let denom = d + ratio * c;
            e = (a * ratio + b) / denom;
            f = (b * ratio - a) / denom;
        }
        if e.is_nan() && f.is_nan() {
            let inf = f64::INFINITY;
            if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
                // Division by zero: infinities with the signs of the dividend.
                e = inf.copysign(c) * a;
                f = inf.copysign(c) * b;
            } else if (is_inf(a) || is_inf(b)) && finite(c) && finite(d) {
                // Infinite dividend, finite divisor: an infinite quotient.
                let (a2, b2) = (unit(is_inf(a), a), unit(is_inf(b), b));
                e = inf * (a2 * c + b2 * d);
                f = inf * (b2 * c - a2 * d);
            } else if (is_inf(c) || is_inf(d)) && finite(a) && finite(b) {
                // Finite dividend, infinite divisor: a zero quotient.
                let (c2, d2) = (unit(is_inf(c), c), unit(is_inf(d), d));
                e = 0.0 * (a * c2 + b * d2);
                f = 0.0 * (b * c2 - a * d2);
            }
        }
        Complex128 { re: e, im: f }
    }
}
