//! Floats in package strconv: FormatFloat and ParseFloat must give exactly what Go 1.19
//! gives, for every float. This test generates 11 Go programs that hold 10,000 inputs each
//! (more than 100,000 floats in all), builds each with golift and with `go build`, runs
//! both, and compares their output byte for byte.
//!
//! - Programs f64-0..3 format float64s with random bit patterns (the first also edge
//!   cases: zeros, subnormals, extremes, infinities, NaN) in the formats 'e', 'f', 'g' with
//!   precisions -1, 0, 1, 5, 17, and 'E', 'G', 'b', 'x', 'X' with a few, then read every
//!   decimal text back with ParseFloat (round trip: "=" if it gives the float back).
//! - Programs f32-0..2 do the same with bitSize 32 for float32 bit patterns.
//! - Program exact-64 formats float64s whose decimal expansions are short (small binary
//!   fractions, where fixed precisions meet exact ties), powers of 2 and powers of 10;
//!   exact-32 float32s with short expansions (where shortest digits can tie) and powers of 2.
//! - Programs parse-64 and parse-32 read decimal texts: the exact midpoints between
//!   adjacent floats (ties, which go to the even float) and texts just above and below
//!   them, random decimals of 1 to 25 digits, hexadecimal mantissas, underscores, special
//!   values, overflow and underflow, and malformed texts.
//!
//! The inputs are float bit patterns written as hexadecimal float literals, which the
//! programs read with ParseFloat (so hexadecimal parsing is checked on the way).
//! GOLIFT_FLOATS_SEED=n draws other random inputs. Without `go` the test is skipped.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

const PER_PROGRAM: usize = 10_000;

/// xorshift64*: small, deterministic random numbers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
}

/// A Go hexadecimal float literal with exactly the value of the float64 with these bits
/// (or inf, -inf, nan).
fn hex64(bits: u64) -> String {
    let neg = if bits >> 63 != 0 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7FF) as i64;
    let mant = bits & ((1 << 52) - 1);
    match exp {
        0x7FF if mant != 0 => "nan".into(),
        0x7FF => format!("{}inf", neg),
        0 => format!("{}0x0.{:013x}p-1022", neg, mant),
        _ => format!("{}0x1.{:013x}p{:+}", neg, mant, exp - 1023),
    }
}

/// The same for a float32's bits (23 mantissa bits, shifted to fill 6 hexadecimal digits).
fn hex32(bits: u32) -> String {
    let neg = if bits >> 31 != 0 { "-" } else { "" };
    let exp = ((bits >> 23) & 0xFF) as i64;
    let mant = bits & ((1 << 23) - 1);
    match exp {
        0xFF if mant != 0 => "nan".into(),
        0xFF => format!("{}inf", neg),
        0 => format!("{}0x0.{:06x}p-126", neg, mant << 1),
        _ => format!("{}0x1.{:06x}p{:+}", neg, mant << 1, exp - 127),
    }
}

/// A Go string literal.
fn quote(s: &str) -> String {
    let mut q = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                q.push('\\');
                q.push(c);
            }
            ' '..='~' => q.push(c),
            _ => {
                let _ = write!(q, "\\u{:04x}", c as u32);
            }
        }
    }
    q.push('"');
    q
}

/// A program that formats each float of `inputs` (hexadecimal literals of bitSize-bit
/// floats) in many ways, one line per float, and reads the decimal texts back.
fn format_program(bit_size: u32, inputs: &[String]) -> String {
    let mut src = String::from("package main\n\nimport \"strconv\"\n\nvar inputs = [...]string{\n");
    for s in inputs {
        let _ = writeln!(src, "\t{},", quote(s));
    }
    src.push_str("}\n");
    src.push_str(&FORMAT_MAIN.replace("BITS", &bit_size.to_string()));
    src
}

const FORMAT_MAIN: &str = r#"
func main() {
	var out []byte
	decimal := []byte{'e', 'f', 'g'}
	precs := []int{-1, 0, 1, 5, 17}
	for i, s := range inputs {
		v, err := strconv.ParseFloat(s, BITS)
		out = strconv.AppendInt(out, int64(i), 10)
		if err != nil {
			out = append(out, " error: "...)
			out = append(out, err.Error()...)
		}
		for _, f := range decimal {
			for _, p := range precs {
				out = append(out, ' ')
				t := strconv.FormatFloat(v, f, p, BITS)
				out = append(out, t...)
				// Round trip: "=" if the text reads back as v, else what it reads as.
				w, err := strconv.ParseFloat(t, BITS)
				if w == v || w != w && v != v {
					out = append(out, '=')
				} else {
					out = append(out, '~')
					out = strconv.AppendFloat(out, w, 'x', -1, BITS)
				}
				if err != nil {
					out = append(out, '!')
				}
			}
		}
		for _, p := range []int{-1, 3} {
			out = append(out, ' ')
			out = strconv.AppendFloat(out, v, 'E', p, BITS)
			out = append(out, ' ')
			out = strconv.AppendFloat(out, v, 'G', p, BITS)
			out = append(out, ' ')
			out = strconv.AppendFloat(out, v, 'x', p, BITS)
			out = append(out, ' ')
			out = strconv.AppendFloat(out, v, 'X', p+10, BITS)
		}
		out = append(out, ' ')
		out = strconv.AppendFloat(out, v, 'b', -1, BITS)
		out = append(out, '\n')
		if len(out) > 1<<16 {
			out = flush(out)
		}
	}
	flush(out)
}

// flush prints out in pieces of at most 4096 bytes, which a pipe takes whole: gc's print
// does not retry a partial write, which a longer one can be when a signal interrupts it.
func flush(out []byte) []byte {
	for i := 0; i < len(out); i += 4096 {
		j := i + 4096
		if j > len(out) {
			j = len(out)
		}
		print(string(out[i:j]))
	}
	return out[:0]
}
"#;

/// A program that reads each text of `inputs` with ParseFloat(s, bitSize) and prints the
/// float exactly (hexadecimal), its shortest decimal form and the error.
fn parse_program(bit_size: u32, inputs: &[String]) -> String {
    let mut src = String::from("package main\n\nimport \"strconv\"\n\nvar inputs = [...]string{\n");
    for s in inputs {
        let _ = writeln!(src, "\t{},", quote(s));
    }
    src.push_str("}\n");
    src.push_str(&PARSE_MAIN.replace("BITS", &bit_size.to_string()));
    src
}

const PARSE_MAIN: &str = r#"
func main() {
	var out []byte
	for i, s := range inputs {
		v, err := strconv.ParseFloat(s, BITS)
		out = strconv.AppendInt(out, int64(i), 10)
		out = append(out, ' ')
		out = strconv.AppendFloat(out, v, 'x', -1, BITS)
		out = append(out, ' ')
		out = strconv.AppendFloat(out, v, 'g', -1, BITS)
		if err != nil {
			out = append(out, ' ')
			if len(s) > 100 {
				out = append(out, err.(*strconv.NumError).Err.Error()...)
			} else {
				out = append(out, err.Error()...)
			}
		}
		out = append(out, '\n')
		if len(out) > 1<<16 {
			out = flush(out)
		}
	}
	flush(out)
}

// flush prints out in pieces of at most 4096 bytes, which a pipe takes whole: gc's print
// does not retry a partial write, which a longer one can be when a signal interrupts it.
func flush(out []byte) []byte {
	for i := 0; i < len(out); i += 4096 {
		j := i + 4096
		if j > len(out) {
			j = len(out)
		}
		print(string(out[i:j]))
	}
	return out[:0]
}
"#;

/// Edge cases of float64, as bits.
fn edge64() -> Vec<u64> {
    let mut v = vec![
        0,
        1 << 63,                   // -0
        1,                         // the smallest subnormal
        2,
        3,
        0x000F_FFFF_FFFF_FFFF, // the largest subnormal
        0x0008_0000_0000_0000,
        0x0010_0000_0000_0000, // the smallest normal
        0x0010_0000_0000_0001,
        0x7FEF_FFFF_FFFF_FFFF, // the largest
        0x7FEF_FFFF_FFFF_FFFE,
        0x7FE0_0000_0000_0000,
        0x7FF0_0000_0000_0000, // +Inf
        0xFFF0_0000_0000_0000, // -Inf
        0x7FF8_0000_0000_0001, // NaN
    ];
    for x in [1.0f64, -1.0, 0.1, 0.2, 0.3, 1.0 / 3.0, 2.0 / 3.0, 0.5, 1.5, 2.5, 1e23, 8.41e21, 5e-324, 9007199254740992.0, 9007199254740993.0, 4503599627370496.5, 2.2250738585072011e-308, 2.2250738585072012e-308, 1.7976931348623157e308, 123456789.0, 0.000001, 1e-7, 1e20, 1e21, 1e22, 100.0, 1e15, 1e16, 1e17, 299792458.0, 3.141592653589793, 2.718281828459045] {
        v.push(x.to_bits());
        v.push((-x).to_bits());
    }
    // Shortest-form ties: 2^50 + k/4 lies halfway between two 17-digit decimals.
    for k in 0..16u64 {
        v.push((1125899906842624.0f64 + k as f64 * 0.25).to_bits());
        v.push((2251799813685248.0f64 + k as f64 * 0.5).to_bits());
    }
    v
}

/// Edge cases of float32, as bits.
fn edge32() -> Vec<u32> {
    let mut v = vec![0, 1 << 31, 1, 2, 3, 0x007F_FFFF, 0x0040_0000, 0x0080_0000, 0x0080_0001, 0x7F7F_FFFF, 0x7F7F_FFFE, 0x7F00_0000, 0x7F80_0000, 0xFF80_0000, 0x7FC0_0001];
    for x in [1.0f32, -1.0, 0.1, 0.2, 0.3, 1.0 / 3.0, 0.5, 1.5, 2.5, 1e10, 16777216.0, 16777217.0, 8388608.5, 3.4028235e38, 1.1754944e-38, 1e-45, 1e-38, 123456.79, 3.1415927, 0.000001, 1e7, 1e8, 1e9] {
        v.push(x.to_bits());
        v.push((-x).to_bits());
    }
    for k in 0..16u32 {
        v.push((4194304.0f32 + k as f32 * 0.5).to_bits());
        v.push((2097152.0f32 + k as f32 * 0.25).to_bits());
    }
    v
}

/// float64s with short decimal expansions, where the fixed precisions meet exact ties,
/// and the powers of 2 and 10.
fn exact64(rng: &mut Rng) -> Vec<u64> {
    let mut v = vec![];
    for e in -1074..=1023 {
        v.push(2f64.powi(e.max(-1022)).to_bits() >> if e < -1022 { (-1022 - e) as u32 } else { 0 });
    }
    for k in -325..=309 {
        v.push(format!("1e{}", k).parse::<f64>().unwrap().to_bits());
        v.push(format!("5e{}", k).parse::<f64>().unwrap().to_bits());
    }
    while v.len() < PER_PROGRAM {
        // A random integer of up to 53 bits over a power of two up to 2^60, times a power
        // of ten up to 10^8: values like 12.375, 0.0625, 1234.5, 2.5e7.
        let bits = rng.range(1, 53);
        let m = rng.next() >> (64 - bits);
        let mut x = m as f64 / 2f64.powi(rng.range(0, 60) as i32);
        if rng.below(4) == 0 {
            x *= 10f64.powi(rng.range(0, 8) as i32);
        }
        if rng.below(2) == 0 {
            x = -x;
        }
        v.push(x.to_bits());
    }
    v
}

/// The same for float32: short decimal expansions (up to 24 bits over a power of two), where
/// the shortest digits can tie (runtime/src/floatconv.rs decides those without parsing),
/// and the float32 powers of 2.
fn exact32(rng: &mut Rng) -> Vec<u32> {
    let mut v = vec![];
    for e in -149..=127 {
        v.push((2f64.powi(e)) as f32);
    }
    while v.len() < PER_PROGRAM {
        let bits = rng.range(1, 24);
        let m = rng.next() >> (64 - bits);
        let mut x = m as f64 / 2f64.powi(rng.range(0, 30) as i32);
        if rng.below(2) == 0 {
            x = -x;
        }
        v.push(x as f32);
    }
    v.into_iter().map(f32::to_bits).collect()
}

/// Arbitrary precision natural numbers, only as much as midpoints need: little-endian
/// 32-bit limbs.
fn big_mul_small(a: &mut Vec<u32>, m: u32) {
    let mut carry = 0u64;
    for limb in a.iter_mut() {
        let x = *limb as u64 * m as u64 + carry;
        *limb = x as u32;
        carry = x >> 32;
    }
    if carry != 0 {
        a.push(carry as u32);
    }
}

fn big_decimal(a: &[u32]) -> String {
    let mut a = a.to_vec();
    let mut chunks = vec![];
    while a.iter().any(|&l| l != 0) {
        let mut rem = 0u64;
        for limb in a.iter_mut().rev() {
            let x = (rem << 32) | *limb as u64;
            *limb = (x / 1_000_000_000) as u32;
            rem = x % 1_000_000_000;
        }
        chunks.push(rem as u32);
    }
    let mut s = String::new();
    for (i, c) in chunks.iter().rev().enumerate() {
        if i == 0 {
            let _ = write!(s, "{}", c);
        } else {
            let _ = write!(s, "{:09}", c);
        }
    }
    if s.is_empty() {
        s.push('0');
    }
    s
}

/// The exact decimal value of n × 2^e, as (digits, exponent of ten).
fn exact_decimal(n: u64, e: i64) -> (String, i64) {
    let mut a = vec![n as u32, (n >> 32) as u32];
    if e >= 0 {
        for _ in 0..e {
            big_mul_small(&mut a, 2);
        }
        (big_decimal(&a), 0)
    } else {
        for _ in 0..-e {
            big_mul_small(&mut a, 5);
        }
        (big_decimal(&a), e)
    }
}

/// The decimal number one unit below the digits d (d > 0).
fn decrement(d: &str) -> String {
    let mut b = d.as_bytes().to_vec();
    let mut i = b.len() - 1;
    while b[i] == b'0' {
        b[i] = b'9';
        i -= 1;
    }
    b[i] -= 1;
    let s = String::from_utf8(b).unwrap();
    let t = s.trim_start_matches('0');
    if t.is_empty() { "0".into() } else { t.into() }
}

/// Texts for ParseFloat(s, bitSize): midpoints and their neighbours, random decimals,
/// hexadecimal mantissas, and the odd ones.
fn parse_inputs(rng: &mut Rng, bit_size: u32) -> Vec<String> {
    let (mant_bits, min_exp, exp_bits) = if bit_size == 32 { (23u32, -149i64, 8u32) } else { (52, -1074, 11) };
    let mut v: Vec<String> = vec![];
    for s in [
        "0", "-0", "+0", "0.0", "00000", ".0", "0.", "1", "-1", "+1.5", ".5", "5.", "1e", "1e+", "e1", ".", "", "+", "-", "1.2.3", "1e1.5", "0x", "0x1", "0x1p", "0x.8p1", "0x1.p1", "0X1P-2", "0x1p+2_0", "0x_1p0", "0x1__0p0",
        "1_000", "1__000", "_1000", "1000_", "1_000.000_1", "1e1_0", "0.1_2e-1_0", "inf", "-inf", "+inf", "Inf", "INF", "infinity", "-Infinity", "+INFINITY", "infin", "infinit", "infinityy", "nan", "NaN", "NAN", "-nan", "+nan", "nanx", "in", "i", "n",
        "1e308", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "-1e309", "1e-324", "3e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "5e-324", "1e-400", "-1e-400",
        "3.4028234663852886e38", "3.4028235677973366e38", "3.4028236e38", "1e39", "1e-45", "7e-46", "7.006492321624085e-46", "7.006492321624086e-46", "1.401298464324817e-45",
        "0x1p1023", "0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023", "0x1p1024", "0x1p-1074", "0x1p-1075", "0x1.000001p-1075", "0x1.8p-1075", "0x1p-149", "0x1p-150", "0x1.000002p-150", "0x1p127", "0x1.fffffep127", "0x1.ffffffp127", "0x1p128",
        "0x123456789abcdef0123p0", "0x123456789abcdef01p-4", "0x8000000000000008p0", "0x80000000000000080p-4", "0x80000000000000081p-4", "0x.0000000000000000000001p0", "0x1.00000000000008p0", "0x1.00000000000008000000001p0", "0x1.00000000000018p0",
        "9007199254740993", "9007199254740993.0000000000000000000001", "9007199254740995", "4503599627370496.5", "4503599627370497.5", "2.2250738585072011e-308", "2.2250738585072012e-308", "1e23", "8.41e21", "16777217", "16777219", "33554435",
        "0.000000000000000000000000000000000000000000001e45", "100000000000000000000000000000000000000000000e-44", "1e99999", "1e-99999", "0e99999", "1e+0000000000000000000000001", "1e0_0",
        "12x", "x12", "1 ", " 1", "1,5", "1e5x", "0x1p5x", "1.5e", "0b101", "0o17", "1e+-5", "--1", "+-1", "١",
    ] {
        v.push(s.to_string());
    }
    // The exponent stops growing at 10000, even when leading zeros would bring the number
    // back into range.
    v.push(format!("0.{}1e10005", "0".repeat(10000)));
    v.push(format!("0.{}1e9999", "0".repeat(10000)));
    // Very long mantissas: beyond 800 digits, and a tie decided by the last digit.
    v.push(format!("1{}", "0".repeat(900)));
    v.push(format!("0.{}1", "0".repeat(900)));
    v.push(format!("9007199254740993.{}", "0".repeat(900)));
    v.push(format!("9007199254740993.{}1", "0".repeat(900)));
    v.push(format!("0.{}9007199254740993{}e310", "0".repeat(300), "0".repeat(900)));
    v.push(format!("1.{}", "9".repeat(1000)));

    // Midpoints between a float and the next one up, and just above and below them.
    let max_exp = (1i64 << (exp_bits - 1)) - 1;
    while v.len() < PER_PROGRAM / 3 {
        let e2 = rng.range(min_exp, max_exp - mant_bits as i64);
        let m = if e2 == min_exp && rng.below(2) == 0 { rng.below(1 << mant_bits) } else { (1 << mant_bits) | rng.below(1 << mant_bits) };
        // The float is m × 2^e2; the midpoint (2m+1) × 2^(e2-1).
        let (d, k) = exact_decimal(2 * m + 1, e2 - 1);
        let sign = if rng.below(4) == 0 { "-" } else { "" };
        v.push(format!("{}{}e{}", sign, d, k));
        v.push(format!("{}{}1e{}", sign, d, k - 1));
        v.push(format!("{}{}9e{}", sign, decrement(&d), k - 1));
    }
    // Random decimals.
    while v.len() < PER_PROGRAM - 1000 {
        let nd = rng.range(1, 25) as usize;
        let mut d: String = (0..nd).map(|_| (b'0' + rng.below(10) as u8) as char).collect();
        let e = if bit_size == 32 { rng.range(-55, 45) } else { rng.range(-345, 320) };
        match rng.below(6) {
            0 => d.insert(rng.below(nd as u64 + 1) as usize, '.'),
            1 => d = format!("0.{}{}", "0".repeat(rng.below(20) as usize), d),
            2 if nd > 2 => d.insert(1 + rng.below(nd as u64 - 2) as usize, '_'),
            _ => {}
        }
        let exp = match rng.below(4) {
            0 => format!("E{:+}", e),
            1 => String::new(),
            _ => format!("e{}", e),
        };
        v.push(format!("{}{}{}", if rng.below(3) == 0 { "-" } else { "" }, d, exp));
    }
    // Random hexadecimal mantissas of 1 to 20 digits, which round when long.
    while v.len() < PER_PROGRAM {
        let nd = rng.range(1, 20) as usize;
        let d: String = (0..nd).map(|_| b"0123456789abcdefABCDEF"[rng.below(22) as usize] as char).collect();
        let e = if bit_size == 32 { rng.range(-230, 200) } else { rng.range(-1200, 1100) };
        let dot = rng.below(nd as u64 + 1) as usize;
        v.push(format!("0x{}.{}p{}", &d[..dot], &d[dot..], e));
    }
    v
}

/// The output of running exe (stdout, then stderr, then the exit status).
fn run(exe: &Path) -> Result<String, String> {
    let out = Command::new(exe).output().map_err(|e| format!("running {}: {}", exe.display(), e))?;
    let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
    s.push_str(&String::from_utf8_lossy(&out.stderr));
    let _ = write!(s, "exit status {:?}\n", out.status.code());
    Ok(s)
}

/// Builds and runs one program with golift and go, and describes the differences.
fn check(dir: &Path, name: &str, src: &str, inputs: &[String]) -> Result<(), String> {
    let file = dir.join(format!("{}.go", name));
    std::fs::write(&file, src).unwrap();
    let ours = dir.join(format!("{}-golift", name));
    let theirs = dir.join(format!("{}-go", name));
    let b = Command::new(env!("CARGO_BIN_EXE_golift")).arg("build").arg("-o").arg(&ours).arg(&file).output().unwrap();
    if !b.status.success() {
        return Err(format!("{}: golift build failed:\n{}", name, String::from_utf8_lossy(&b.stderr)));
    }
    let b = Command::new("go").arg("build").arg("-o").arg(&theirs).arg(&file).env("GO111MODULE", "off").output().unwrap();
    if !b.status.success() {
        return Err(format!("{}: go build failed:\n{}", name, String::from_utf8_lossy(&b.stderr)));
    }
    let got = run(&ours)?;
    let want = run(&theirs)?;
    if got == want {
        return Ok(());
    }
    let mut report = format!("{}: golift's output differs from Go's ({} bytes against {}); the program is {}\n", name, got.len(), want.len(), file.display());
    let mut shown = 0;
    let (mut g, mut w) = (got.lines(), want.lines());
    for i in 0.. {
        let (a, b) = (g.next(), w.next());
        if a.is_none() && b.is_none() {
            break;
        }
        if a != b {
            let input = inputs.get(i).map(|s| if s.len() > 120 { format!("{}...", &s[..120]) } else { s.clone() }).unwrap_or_default();
            let _ = write!(report, "  input {} {:?}:\n    golift: {}\n    go:     {}\n", i, input, a.unwrap_or("(nothing)"), b.unwrap_or("(nothing)"));
            shown += 1;
            if shown == 5 {
                break;
            }
        }
    }
    Err(report)
}

#[test]
fn floats_match_go_1_19() {
    if Command::new("go").arg("version").output().map_or(true, |o| !o.status.success()) {
        eprintln!("floats_match_go_1_19: skipped, `go` (Go 1.19) is not installed (scripts/setup.sh installs it)");
        return;
    }
    let seed: u64 = std::env::var("GOLIFT_FLOATS_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5EED_F10A7);
    let mut rng = Rng(seed | 1);

    // (name, source, inputs) of the eleven programs.
    let mut programs: Vec<(String, String, Vec<String>)> = vec![];
    for p in 0..4 {
        let mut bits = if p == 0 { edge64() } else { vec![] };
        while bits.len() < PER_PROGRAM {
            bits.push(rng.next());
        }
        let inputs: Vec<String> = bits.iter().map(|&b| hex64(b)).collect();
        programs.push((format!("f64-{}", p), format_program(64, &inputs), inputs));
    }
    for p in 0..3 {
        let mut bits = if p == 0 { edge32() } else { vec![] };
        while bits.len() < PER_PROGRAM {
            bits.push(rng.next() as u32);
        }
        let inputs: Vec<String> = bits.iter().map(|&b| hex32(b)).collect();
        programs.push((format!("f32-{}", p), format_program(32, &inputs), inputs));
    }
    let inputs: Vec<String> = exact64(&mut rng).iter().map(|&b| hex64(b)).collect();
    programs.push(("exact-64".into(), format_program(64, &inputs), inputs));
    let inputs: Vec<String> = exact32(&mut rng).iter().map(|&b| hex32(b)).collect();
    programs.push(("exact-32".into(), format_program(32, &inputs), inputs));
    for size in [64, 32] {
        let inputs = parse_inputs(&mut rng, size);
        programs.push((format!("parse-{}", size), parse_program(size, &inputs), inputs));
    }
    let total: usize = programs.iter().map(|p| p.2.len()).sum();
    assert!(total >= 100_000, "only {} floats", total);

    let dir: PathBuf = std::env::temp_dir().join(format!("golift-floats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Two workers, each taking the next program.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(vec![]);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some((name, src, inputs)) = programs.get(i) else { break };
                if let Err(e) = check(&dir, name, src, inputs) {
                    failures.lock().unwrap().push(e);
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    if failures.is_empty() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(failures.is_empty(), "seed {}: {} of {} programs differ ({} floats in all):\n{}", seed, failures.len(), programs.len(), total, failures.join("\n"));
}
