//! Intrinsics: calls of library functions that the builder replaces by an SSA op, because
//! the processor does the whole function in one or two instructions (gc's `ssagen`
//! intrinsics table). `math.Sqrt(x)` becomes `Sqrt x` rather than a call: no call, no
//! registers saved around it, and inlining counts it as one node, as gc does.
//!
//! Only functions whose op means the same on every target are here (Cranelift lowers each op
//! for the target; codegen adjusts the one difference, arm64's NaN from `Sqrt` of a negative
//! number; `Floor`, `Ceil` and `Trunc`, which are one instruction on arm64 but need SSE4.1 on
//! x86-64, where gc checks for it at run time and golift, built for every x86-64, rounds
//! with integer operations on the bits, without a call). Left out: `math.FMA` (FMA is not on
//! every x86-64 either), and `math/bits.Mul64`/`Add64` (two results).
//!
//! `math.Float64bits` and its kin are not here, as they are not in gc's table: they are
//! functions of one line that inlining copies, each around the bodyless `math.float64bits`,
//! which is.
//!
//! The library functions stay as they are: a func value of `math.Sqrt` still calls the
//! function, which is itself built from the intrinsic.

use super::*;

/// What an intrinsic does with its arguments.
#[derive(Clone, Copy)]
enum Shape {
    /// One op on the argument, giving the result type: `Sqrt x`.
    Unary(Op),
    /// One op on the two arguments: `Copysign x y`, `RotateLeft x k`.
    Binary(Op),
    /// Reinterprets the argument's bits as the result type (`Float64bits`).
    Bits,
    /// A count on the argument (`Ctz`, `Clz`, `PopCount` of the argument's type), converted to
    /// `int`.
    Count(Op),
    /// The argument's width minus its leading zeros (`bits.Len`), as `int`.
    Len,
}

/// The table: (package-qualified symbol, shape).
const TABLE: &[(&str, Shape)] = &[
    ("math.Sqrt", Shape::Unary(Op::Sqrt)),
    ("math.archSqrt", Shape::Unary(Op::Sqrt)),
    ("math.Abs", Shape::Unary(Op::Abs)),
    ("math.Copysign", Shape::Binary(Op::Copysign)),
    ("math.Floor", Shape::Unary(Op::Floor)),
    ("math.Ceil", Shape::Unary(Op::Ceil)),
    ("math.Trunc", Shape::Unary(Op::Trunc)),
    ("math.float64bits", Shape::Bits),
    ("math.float64frombits", Shape::Bits),
    ("math.float32bits", Shape::Bits),
    ("math.float32frombits", Shape::Bits),
    ("math/bits.TrailingZeros", Shape::Count(Op::Ctz)),
    ("math/bits.TrailingZeros8", Shape::Count(Op::Ctz)),
    ("math/bits.TrailingZeros16", Shape::Count(Op::Ctz)),
    ("math/bits.TrailingZeros32", Shape::Count(Op::Ctz)),
    ("math/bits.TrailingZeros64", Shape::Count(Op::Ctz)),
    ("math/bits.LeadingZeros", Shape::Count(Op::Clz)),
    ("math/bits.LeadingZeros8", Shape::Count(Op::Clz)),
    ("math/bits.LeadingZeros16", Shape::Count(Op::Clz)),
    ("math/bits.LeadingZeros32", Shape::Count(Op::Clz)),
    ("math/bits.LeadingZeros64", Shape::Count(Op::Clz)),
    ("math/bits.OnesCount", Shape::Count(Op::PopCount)),
    ("math/bits.OnesCount8", Shape::Count(Op::PopCount)),
    ("math/bits.OnesCount16", Shape::Count(Op::PopCount)),
    ("math/bits.OnesCount32", Shape::Count(Op::PopCount)),
    ("math/bits.OnesCount64", Shape::Count(Op::PopCount)),
    ("math/bits.Len", Shape::Len),
    ("math/bits.Len8", Shape::Len),
    ("math/bits.Len16", Shape::Len),
    ("math/bits.Len32", Shape::Len),
    ("math/bits.Len64", Shape::Len),
    ("math/bits.RotateLeft", Shape::Binary(Op::RotateLeft)),
    ("math/bits.RotateLeft8", Shape::Binary(Op::RotateLeft)),
    ("math/bits.RotateLeft16", Shape::Binary(Op::RotateLeft)),
    ("math/bits.RotateLeft32", Shape::Binary(Op::RotateLeft)),
    ("math/bits.RotateLeft64", Shape::Binary(Op::RotateLeft)),
    ("math/bits.ReverseBytes", Shape::Unary(Op::Bswap)),
    ("math/bits.ReverseBytes16", Shape::Unary(Op::Bswap)),
    ("math/bits.ReverseBytes32", Shape::Unary(Op::Bswap)),
    ("math/bits.ReverseBytes64", Shape::Unary(Op::Bswap)),
];

/// Whether a call of `sym` is made into an op (for tools and tests).
pub fn is_intrinsic(sym: &str) -> bool {
    TABLE.iter().any(|(s, _)| *s == sym)
}

impl<'a> Builder<'a> {
    /// The op that stands for a call of `sym` with the (already evaluated) arguments `vals`,
    /// whose one result has type `rty`; None when `sym` is not an intrinsic.
    pub(super) fn intrinsic(&mut self, sym: &str, vals: &[ValueId], rty: TypeId, pos: u32) -> Option<ValueId> {
        let &(_, shape) = TABLE.iter().find(|(s, _)| *s == sym)?;
        let at = self.f.v(*vals.first()?).ty;
        Some(match shape {
            Shape::Unary(op) => self.add(op, rty, vec![vals[0]], Aux::None, pos),
            Shape::Binary(op) => self.add(op, rty, vec![vals[0], vals[1]], Aux::None, pos),
            Shape::Bits => self.add(Op::Bitcast, rty, vec![vals[0]], Aux::None, pos),
            Shape::Count(op) => {
                let n = self.add(op, at, vec![vals[0]], Aux::None, pos);
                self.add(Op::Cvt, rty, vec![n], Aux::Int(at as i64), pos)
            }
            Shape::Len => {
                let n = self.add(Op::Clz, at, vec![vals[0]], Aux::None, pos);
                let n = self.add(Op::Cvt, rty, vec![n], Aux::Int(at as i64), pos);
                let w = self.tt.size(at) * 8;
                let w = self.int(rty, w as i64);
                self.add(Op::Sub, rty, vec![w, n], Aux::None, pos)
            }
        })
    }
}
