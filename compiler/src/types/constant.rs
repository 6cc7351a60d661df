//! Exact constant values (the spec's "Constants"): untyped constants are computed with
//! arbitrary precision, integers as big integers and floats as exact rationals, and only
//! rounded when they are given a type.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    Bool(bool),
    Int(BigInt),
    Float(BigRational),
    /// A complex constant: real and imaginary parts, exact.
    Complex(BigRational, BigRational),
    /// Go strings are byte strings, not necessarily UTF-8.
    String(Vec<u8>),
}

impl Const {
    /// The real value (a complex constant qualifies when its imaginary part is zero).
    pub fn to_rat(&self) -> Option<BigRational> {
        match self {
            Const::Int(i) => Some(BigRational::from_integer(i.clone())),
            Const::Float(f) => Some(f.clone()),
            Const::Complex(re, im) if im.is_zero() => Some(re.clone()),
            _ => None,
        }
    }

    /// The value as a complex number (any numeric constant).
    pub fn to_complex(&self) -> Option<(BigRational, BigRational)> {
        match self {
            Const::Complex(re, im) => Some((re.clone(), im.clone())),
            _ => self.to_rat().map(|r| (r, BigRational::zero())),
        }
    }

    /// The integer value, if the constant is an integer or a float with an integral value.
    pub fn to_int(&self) -> Option<BigInt> {
        match self {
            Const::Int(i) => Some(i.clone()),
            Const::Float(f) if f.is_integer() => Some(f.to_integer()),
            Const::Complex(re, im) if im.is_zero() && re.is_integer() => Some(re.to_integer()),
            _ => None,
        }
    }

    pub fn to_i64(&self) -> Option<i64> {
        self.to_int().and_then(|i| i.to_i64())
    }

    /// The float32 nearest to the real value (complex: its real part).
    pub fn to_f32(&self) -> f32 {
        match self {
            Const::Int(i) => rat_to_f32(&BigRational::from_integer(i.clone())),
            Const::Float(f) => rat_to_f32(f),
            Const::Complex(re, _) => rat_to_f32(re),
            _ => 0.0,
        }
    }

    pub fn to_f64(&self) -> f64 {
        match self {
            Const::Int(i) => i.to_f64().unwrap_or(f64::INFINITY),
            Const::Float(f) => rat_to_f64(f),
            Const::Complex(re, _) => rat_to_f64(re),
            _ => 0.0,
        }
    }

    /// gc's rendering of a constant in messages (`3.99`, `"s"`, `1e+100`).
    pub fn describe(&self) -> String {
        match self {
            Const::Bool(b) => b.to_string(),
            Const::Int(i) => i.to_string(),
            Const::Float(f) => {
                if f.is_integer() {
                    return f.to_integer().to_string();
                }
                let v = rat_to_f64(f);
                let s = format!("{}", v);
                if s.len() > 20 { format!("{:e}", v) } else { s }
            }
            Const::String(s) => format!("{:?}", String::from_utf8_lossy(s)),
            Const::Complex(re, im) => {
                let part = |r: &BigRational| Const::Float(r.clone()).describe();
                format!("({} + {}i)", part(re), part(im))
            }
        }
    }
}

pub fn rat_to_f64(r: &BigRational) -> f64 {
    rat_to_float(r, 53, 1023)
}

/// The float32 nearest to r (rounded once, from the exact value, not through a float64).
pub fn rat_to_f32(r: &BigRational) -> f32 {
    // Every float32 is a float64, so the result is exact in the f64 returned.
    rat_to_float(r, 24, 127) as f32
}

/// The value of r rounded to the nearest float with `mant` significant bits and largest
/// exponent `max_exp` (ties to even), subnormals included, returned as an f64 (exact for
/// both float32 and float64): m * 2^-s with m an integer of at most `mant` bits, found by an
/// exact division.
fn rat_to_float(r: &BigRational, mant: i64, max_exp: i64) -> f64 {
    if r.is_zero() {
        return 0.0;
    }
    let neg = r.is_negative();
    let n = r.numer().abs();
    let d = r.denom().abs();
    let min_exp = 1 - max_exp;
    // e = floor(log2(|r|)): 2^e <= n/d < 2^(e+1).
    let mut e = n.bits() as i64 - d.bits() as i64;
    let below = if e >= 0 { n < (&d << e as usize) } else { (&n << (-e) as usize) < d };
    if below {
        e -= 1;
    }
    if e > max_exp {
        return if neg { f64::NEG_INFINITY } else { f64::INFINITY };
    }
    // `mant` significant bits for normal numbers; subnormals have the fixed scale of the
    // smallest exponent.
    let s: i64 = if e >= min_exp { mant - 1 - e } else { mant - 1 - min_exp };
    let (num, den) = if s >= 0 { (&n << s as usize, d) } else { (n, &d << (-s) as usize) };
    let q = &num / &den;
    let twice_rem = (&num - &q * &den) * BigInt::from(2);
    let m = match twice_rem.cmp(&den) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + BigInt::from(1),
        std::cmp::Ordering::Equal => {
            if (&q % BigInt::from(2)).is_zero() { q } else { q + BigInt::from(1) }
        }
    };
    // Rounding up may carry into the next exponent: past the largest, that is infinity.
    if m.bits() as i64 > mant && e + 1 > max_exp {
        return if neg { f64::NEG_INFINITY } else { f64::INFINITY };
    }
    let mf = m.to_f64().unwrap_or(f64::INFINITY);
    // 2^-s exactly, as f64 bits: normal powers for s <= 1022, subnormal ones above.
    let scale = if s <= 1022 { f64::from_bits(((1023 - s) as u64) << 52) } else { f64::from_bits(1u64 << (1074 - s)) };
    let v = mf * scale;
    if neg { -v } else { v }
}

pub fn f64_to_rat(f: f64) -> Option<BigRational> {
    BigRational::from_float(f)
}

/// Parses an integer literal (decimal, 0x, 0o, 0b, legacy octal, with `_`).
pub fn parse_int(s: &str) -> Option<BigInt> {
    let s = s.replace('_', "");
    let (digits, radix) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (r.to_string(), 16)
    } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (r.to_string(), 8)
    } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (r.to_string(), 2)
    } else if s.len() > 1 && s.starts_with('0') {
        (s[1..].to_string(), 8)
    } else {
        (s, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// Parses a float literal exactly (decimal or hexadecimal mantissa).
pub fn parse_float(s: &str) -> Option<BigRational> {
    let s = s.replace('_', "");
    if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        let (mant, exp) = r.split_once(['p', 'P'])?;
        let exp: i64 = exp.parse().ok()?;
        let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
        let digits = format!("{}{}", ip, fp);
        let m = if digits.is_empty() { BigInt::zero() } else { BigInt::parse_bytes(digits.as_bytes(), 16)? };
        let e2 = exp - 4 * fp.len() as i64;
        return scale(BigRational::from_integer(m), 2, e2);
    }
    let (mant, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i64>().ok()?),
        None => (&s[..], 0),
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    let digits = format!("{}{}", ip, fp);
    let m = if digits.is_empty() { BigInt::zero() } else { BigInt::parse_bytes(digits.as_bytes(), 10)? };
    scale(BigRational::from_integer(m), 10, exp - fp.len() as i64)
}

/// The largest decimal exponent a float literal may have: exact rationals with larger ones
/// would be too big to compute with (gc's binary floats go further).
pub const MAX_EXP10: i64 = 100_000;

/// Whether a float literal's exponent is beyond `MAX_EXP10` (or its binary equivalent).
pub fn exponent_too_large(lit: &str) -> bool {
    let s = lit.replace('_', "");
    let hex = s.starts_with("0x") || s.starts_with("0X");
    let exp = if hex { s.split_once(['p', 'P']).map(|p| p.1) } else { s.split_once(['e', 'E']).map(|p| p.1) };
    let limit = if hex { MAX_EXP10 * 10 / 3 } else { MAX_EXP10 };
    exp.map_or(false, |e| e.trim_start_matches(['+', '-']).parse::<i64>().map_or(true, |v| v > limit))
}

fn scale(r: BigRational, base: u32, exp: i64) -> Option<BigRational> {
    if exp.unsigned_abs() > (MAX_EXP10 as u64) * 4 {
        return None;
    }
    let p = num_traits::pow(BigInt::from(base), exp.unsigned_abs() as usize);
    Some(if exp >= 0 { r * BigRational::from_integer(p) } else { r / BigRational::from_integer(p) })
}

/// Decodes the escapes of a rune or interpreted string literal body. Returns the bytes.
pub fn unquote(lit: &str) -> Result<Vec<u8>, String> {
    if let Some(raw) = lit.strip_prefix('`') {
        return Ok(raw.trim_end_matches('`').as_bytes().to_vec());
    }
    let quote = lit.chars().next().unwrap_or('"');
    let body = &lit[1..lit.len().saturating_sub(1).max(1)];
    let mut out = vec![];
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        let e = chars.next().ok_or("unknown escape sequence")?;
        let simple = match e {
            'a' => Some(7u8), 'b' => Some(8), 'f' => Some(12), 'n' => Some(10), 'r' => Some(13),
            't' => Some(9), 'v' => Some(11), '\\' => Some(b'\\'),
            '\'' if quote == '\'' => Some(b'\''),
            '"' if quote == '"' => Some(b'"'),
            _ => None,
        };
        if let Some(b) = simple {
            out.push(b);
            continue;
        }
        let mut take = |n: usize, radix: u32| -> Result<u32, String> {
            let mut v = 0u32;
            for _ in 0..n {
                let d = chars.next().and_then(|c| c.to_digit(radix)).ok_or("invalid escape sequence")?;
                v = v * radix + d;
            }
            Ok(v)
        };
        match e {
            '0'..='7' => {
                let rest = take(2, 8)?;
                let v = (e.to_digit(8).unwrap() << 6) | rest;
                if v > 255 {
                    return Err("octal escape value > 255".into());
                }
                out.push(v as u8);
            }
            'x' => out.push(take(2, 16)? as u8),
            'u' | 'U' => {
                let v = take(if e == 'u' { 4 } else { 8 }, 16)?;
                let c = char::from_u32(v).ok_or("escape sequence is invalid Unicode code point")?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            _ => return Err("unknown escape sequence".into()),
        }
    }
    Ok(out)
}

/// The value of a rune literal.
pub fn rune_value(lit: &str) -> Result<u32, String> {
    let body = &lit[1..lit.len() - 1];
    if !body.starts_with('\\') {
        let mut cs = body.chars();
        let c = cs.next().ok_or("empty rune literal or unescaped ' in rune literal")?;
        if cs.next().is_some() {
            return Err("more than one character in rune literal".into());
        }
        return Ok(c as u32);
    }
    // \x and octal escapes give a byte value, not UTF-8
    let b = body.as_bytes();
    if b.len() >= 2 && (b[1] == b'x' || (b'0'..=b'7').contains(&b[1])) {
        let bytes = unquote(lit)?;
        if bytes.len() != 1 {
            return Err("more than one character in rune literal".into());
        }
        return Ok(bytes[0] as u32);
    }
    let bytes = unquote(lit)?;
    let s = String::from_utf8(bytes).map_err(|_| "invalid rune")?;
    let mut cs = s.chars();
    let c = cs.next().ok_or("empty rune literal or unescaped ' in rune literal")?;
    if cs.next().is_some() {
        return Err("more than one character in rune literal".into());
    }
    Ok(c as u32)
}

pub fn is_one(i: &BigInt) -> bool {
    i.is_one()
}
