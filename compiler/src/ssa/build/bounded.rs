//! Indexes that cannot be out of range by their type alone (gc's `bounded`, applied by its
//! walk to every index into an array or a constant string): a `uint8` into an array of 256
//! elements, `i & 7` or `u % 8` into one of 8, `u >> 60` into one of 16. The builder makes
//! no bounds check for them, and `-m` says "index bounds check elided" there, as gc does.
//! (Other checks go later, in the prove pass, from what the code has tested.)
//!
//! The rules, for an index of an integer type whose width is `bits`:
//! - a constant: in range if 0 <= c < len;
//! - `c & x` or `x & c` (and `x &^ c`, which keeps the bits of ^c): in range if
//!   0 <= c < len;
//! - unsigned `x % c`: in range if c <= len;
//! - unsigned `x / c` and `x >> c`: the result has fewer significant bits;
//! - any unsigned value: in range if 2^bits <= len.

use super::*;
use crate::syntax::ast::BinOp;

impl<'a> Builder<'a> {
    /// Whether index expression `e` is in 0..len whatever its value.
    pub(super) fn bounded(&mut self, e: &Expr, len: u64) -> bool {
        let e = strip_parens(e);
        let t = self.type_of(e);
        let Some(b) = self.tt.basic(t) else { return false };
        if !b.is_integer() {
            return false;
        }
        let max = len.min(i64::MAX as u64) as i64;
        let signed = !b.is_unsigned();
        let mut bits = 8 * self.tt.size(t) as i64;
        let small = |x: &Expr| self.info.consts.get(&strip_parens(x).id).and_then(|c| c.to_i64());
        if let Some(v) = small(e) {
            return 0 <= v && v < max;
        }
        if let ExprKind::Binary(op, l, r) = &e.kind {
            match op {
                BinOp::And | BinOp::AndNot => {
                    let v = match (small(l), small(r)) {
                        (Some(v), _) => v,
                        (None, Some(v)) if *op == BinOp::And => v,
                        (None, Some(v)) => {
                            let mut v = !v;
                            if !signed && bits < 64 {
                                v &= (1i64 << bits) - 1;
                            }
                            v
                        }
                        _ => -1,
                    };
                    if 0 <= v && v < max {
                        return true;
                    }
                }
                BinOp::Rem if !signed => {
                    if let Some(v) = small(r) {
                        if 0 <= v && v <= max {
                            return true;
                        }
                    }
                }
                BinOp::Quo if !signed => {
                    if let Some(mut v) = small(r) {
                        while bits > 0 && v >= 2 {
                            bits -= 1;
                            v >>= 1;
                        }
                    }
                }
                BinOp::Shr if !signed => {
                    if let Some(v) = small(r) {
                        if v > bits {
                            return true;
                        }
                        bits -= v;
                    }
                }
                _ => {}
            }
        }
        !signed && bits <= 62 && (1i64 << bits) <= max
    }
}
