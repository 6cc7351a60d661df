//! The floating-point cores of package strconv (compiler/lib/strconv/float.go declares
//! these functions without a body): the bits of a float, the decimal digits of a float, and
//! the float nearest to a decimal number.
//!
//! Converting between binary and decimal floating point exactly and quickly is hard (Ryū,
//! Grisu with a big-number fallback, Eisel-Lemire with a big-decimal fallback...). Rust's
//! `core` already does it, correctly rounded and without an allocator: `{:e}` prints the
//! shortest digits that read back as the same float (choosing as Go does, but for one rare
//! case: see `shortest`), `{:.N$e}` and `{:.N$}` print exactly rounded digits (ties to
//! even, as Go), and `str::parse::<f64>`/`::<f32>` round to nearest, ties to even. So
//! these functions only turn Go's questions into `core` calls and hand back bare digits;
//! package strconv checks the syntax and lays the digits out as Go does.

use core::fmt::Write;

#[repr(C)]
pub struct DigitsDp {
    /// How many digits were written to the buffer.
    pub nd: i64,
    /// Where the decimal point goes: the value is 0.d1d2d3... times 10^dp.
    pub dp: i64,
}

/// Collects the digits that `core::fmt` prints for a non-negative, finite float, in one of
/// the shapes "123.45", "1.2345e-7" or "12e3": it keeps the significant digits (from the
/// first non-zero one to the last non-zero one) and works out the decimal point's place.
struct DigitSink<'a> {
    buf: &'a mut [u8],
    /// Significant digits stored in buf so far.
    nd: usize,
    /// Zeros seen after a non-zero digit but not stored yet: they are stored only if a
    /// non-zero digit follows (trailing zeros are dropped).
    zeros: usize,
    /// All digits seen before the exponent, zeros included.
    seen: usize,
    /// Index (among `seen`) of the first non-zero digit.
    first: Option<usize>,
    /// Number of digits before the '.', once it is seen.
    int_digits: Option<usize>,
    in_exp: bool,
    exp_neg: bool,
    exp: i64,
}

impl<'a> DigitSink<'a> {
    fn new(buf: &'a mut [u8]) -> Self {
        DigitSink { buf, nd: 0, zeros: 0, seen: 0, first: None, int_digits: None, in_exp: false, exp_neg: false, exp: 0 }
    }

    fn store(&mut self, d: u8) {
        if self.nd < self.buf.len() {
            self.buf[self.nd] = d;
        }
        self.nd += 1;
    }

    fn push(&mut self, c: u8) {
        if self.in_exp {
            match c {
                b'-' => self.exp_neg = true,
                b'0'..=b'9' => self.exp = self.exp * 10 + (c - b'0') as i64,
                _ => {}
            }
            return;
        }
        match c {
            b'.' => self.int_digits = Some(self.seen),
            b'e' | b'E' => self.in_exp = true,
            b'0' => {
                if self.first.is_some() {
                    self.zeros += 1;
                }
                self.seen += 1;
            }
            b'1'..=b'9' => {
                if self.first.is_none() {
                    self.first = Some(self.seen);
                }
                while self.zeros > 0 {
                    self.store(b'0');
                    self.zeros -= 1;
                }
                self.store(c);
                self.seen += 1;
            }
            _ => {} // a sign
        }
    }

    /// The number of digits stored and the decimal point's place (0, 0 for zero).
    fn finish(&self) -> (usize, i64) {
        let Some(first) = self.first else { return (0, 0) };
        let int_digits = self.int_digits.unwrap_or(self.seen) as i64;
        let exp = if self.exp_neg { -self.exp } else { self.exp };
        (self.nd.min(self.buf.len()), int_digits - first as i64 + exp)
    }
}

impl Write for DigitSink<'_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for c in s.bytes() {
            self.push(c);
        }
        Ok(())
    }
}

/// Formats with `args` into `buf` and returns (digits, decimal point).
fn digits_of(buf: &mut [u8], args: core::fmt::Arguments) -> (usize, i64) {
    let mut sink = DigitSink::new(buf);
    let _ = sink.write_fmt(args);
    sink.finish()
}

/// A positive finite float as m × 2^e with m odd: (m, e, the full mantissa and the exponent
/// of its last bit, whether the gap to the float below is half the gap above: the mantissa
/// is a power of two and the float below has a smaller exponent).
struct Parts {
    m: u64,
    e: i64,
    full: u64,
    last: i64,
    narrow_below: bool,
}

fn parts(bits: u64, is32: bool) -> Parts {
    let (mant_bits, exp_bits, bias) = if is32 { (23, 8, 127) } else { (52, 11, 1023) };
    let field = ((bits >> mant_bits) & ((1 << exp_bits) - 1)) as i64;
    let mut full = bits & ((1u64 << mant_bits) - 1);
    let narrow_below = field > 1 && full == 0;
    let mut last = 1 - bias - mant_bits as i64; // the exponent of subnormals' last bit
    if field != 0 {
        full |= 1 << mant_bits;
        last = field - bias - mant_bits as i64;
    }
    let tz = full.trailing_zeros().min(63);
    Parts { m: full >> tz, e: last + tz as i64, full, last, narrow_below }
}

/// The float's exact value times 10^-e, m × 5^-e, when it has at most 18 digits (then e is
/// in -25..=-1: an integer float is never halfway between two decimals).
fn tie_digits(p: &Parts) -> Option<u128> {
    // m × 5^k has at most 18 digits only if 5^k < 10^18, so k <= 25.
    if p.m == 0 || p.e >= 0 || p.e < -25 {
        return None;
    }
    Some(p.m as u128 * 5u128.pow((-p.e) as u32))
}

/// Whether the float can lie exactly halfway between two decimals of nd digits: its exact
/// decimal expansion must have nd+1 significant digits. Written m × 2^e with m odd, the
/// float has that many digits only if e < 0, where it is m × 5^-e × 10^e, whose digits are
/// those of m × 5^-e (which ends in 5).
fn may_tie(bits: u64, is32: bool, nd: usize) -> bool {
    let Some(p) = tie_digits(&parts(bits, is32)) else { return false };
    // Count its digits by powers of ten (a 128-bit division would be a library call).
    let mut digits = 0;
    let mut ten = 1u128;
    while ten <= p {
        ten *= 10;
        digits += 1;
    }
    digits == nd + 1
}

/// For a float halfway between two decimals of nd digits (`may_tie`): whether the one of
/// them that rounding to nearest, ties to even, picks reads back as the float. Both are
/// δ = 5 × 10^e from it; the float's rounding interval reaches half the gap to each
/// neighbouring float (a quarter of the gap above, below a power of two), ends included when
/// the mantissa is even. With δ = 2^e × 5^(e+1) and the half gap 2^h, δ < 2^h exactly when
/// 2^(e-h) < 5^(-e-1): small integers, where parsing the decimal back would take a
/// decimal-to-float converter (kilobytes of code and tables) into every program that prints
/// a float.
fn tie_reads_back(bits: u64, is32: bool) -> bool {
    let p = parts(bits, is32);
    let Some(exact) = tie_digits(&p) else { return false };
    // The digits rounded to nd: up when the digit before the final 5 is odd.
    let up = (exact as u64 / 10) % 2 == 1; // at most 18 digits: it fits 64 bits
    let h = if !up && p.narrow_below { p.last - 2 } else { p.last - 1 };
    let (lhs, rhs) = (1u128 << (p.e - h), 5u128.pow((-p.e - 1) as u32));
    lhs < rhs || (lhs == rhs && p.full % 2 == 0)
}

/// The shortest digits that read back as the float: `core`'s, except for the choice
/// between two shortest candidates equally near the float, where `core` takes the larger
/// and Go the even one. The candidate nearest the float, ties to even, is the float
/// correctly rounded to that many digits; when it differs from `core`'s and also reads
/// back, it is the answer.
fn shortest(buf: &mut [u8], bits: u64, is32: bool) -> (usize, i64) {
    let (nd, dp) = if is32 {
        digits_of(buf, format_args!("{:e}", f32::from_bits(bits as u32)))
    } else {
        digits_of(buf, format_args!("{:e}", f64::from_bits(bits)))
    };
    if nd == 0 || nd > 17 || !may_tie(bits, is32, nd) {
        return (nd, dp);
    }
    let v = if is32 { f32::from_bits(bits as u32) as f64 } else { f64::from_bits(bits) };
    let mut near = [0u8; 17];
    let (nnd, ndp) = digits_of(&mut near, format_args!("{:.*e}", nd - 1, v));
    if (nnd, ndp) != (nd, dp) || near[..nnd] != buf[..nd] {
        if nnd <= nd && tie_reads_back(bits, is32) {
            buf[..nnd].copy_from_slice(&near[..nnd]);
            return (nnd, ndp);
        }
    }
    (nd, dp)
}

go_abi! {
    /// The bits of a float64 (math.Float64bits).
    #[export_name = "strconv.float64bits"]
    pub extern "Go" fn float64bits(f: f64) -> u64 {
        f.to_bits()
    }
}

go_abi! {
    /// The float64 with these bits (math.Float64frombits).
    #[export_name = "strconv.float64frombits"]
    pub extern "Go" fn float64frombits(b: u64) -> f64 {
        f64::from_bits(b)
    }
}

go_abi! {
    /// The bits of float32(f), for an f that is a float32 value; passed as a float64 and
    /// returned widened, so that no float32 crosses the call.
    #[export_name = "strconv.float32bits64"]
    pub extern "Go" fn float32bits64(f: f64) -> u64 {
        (f as f32).to_bits() as u64
    }
}

go_abi! {
    /// The float32 with the low 32 bits of b, widened to float64 (exactly).
    #[export_name = "strconv.float32frombits64"]
    pub extern "Go" fn float32frombits64(b: u64) -> f64 {
        f32::from_bits(b as u32) as f64
    }
}

go_abi! {
    /// Writes to buf (a Go []byte: pointer, length, capacity) the decimal digits of the
    /// non-negative finite float with these bits (a float32's bits when bit_size is 32),
    /// without leading or trailing zeros, and returns their count and the decimal point's
    /// place. mode 0: the shortest digits that read back as the same float; mode 1: the
    /// value rounded to n significant digits (n >= 1); mode 2: rounded to n digits after
    /// the decimal point. The buffer must hold 800 digits (every digit of any float64).
    #[export_name = "strconv.decimalDigits"]
    pub unsafe extern "Go" fn decimal_digits(p: *mut u8, len: i64, _cap: i64, bits: u64, bit_size: i64, mode: i64, n: i64) -> DigitsDp {
        let buf = if len <= 0 { &mut [][..] } else { core::slice::from_raw_parts_mut(p, len as usize) };
        let is32 = bit_size == 32;
        let v = if is32 { f32::from_bits(bits as u32) as f64 } else { f64::from_bits(bits) }.abs();
        let n = if n < 0 { 0 } else { n as usize };
        let (nd, dp) = match mode {
            0 => shortest(buf, bits, is32),
            1 => digits_of(buf, format_args!("{:.*e}", n.max(1) - 1, v)),
            _ => digits_of(buf, format_args!("{:.*}", n, v)),
        };
        DigitsDp { nd: nd as i64, dp }
    }
}

go_abi! {
    /// The bits of the float nearest to the decimal number in s (a Go string: pointer,
    /// length), which strconv has already checked: a sign, digits with at most one '.',
    /// and an exponent, as Rust's parser reads them too. float64 bits, or float32 bits
    /// when bit_size is 32; numbers too large give infinity.
    #[export_name = "strconv.parseDecimal"]
    pub unsafe extern "Go" fn parse_decimal(p: *const u8, len: i64, bit_size: i64) -> u64 {
        let s = if len <= 0 { &[][..] } else { core::slice::from_raw_parts(p, len as usize) };
        let text = core::str::from_utf8_unchecked(s);
        if bit_size == 32 {
            text.parse::<f32>().map(|f| f.to_bits() as u64).unwrap_or(0)
        } else {
            text.parse::<f64>().map(|f| f.to_bits()).unwrap_or(0)
        }
    }
}
