//! `copyelim`: removes `Copy` values (the builder makes them for conversions that keep the
//! representation, such as between a defined type and its underlying type). Assumes a checked
//! function. Guarantees no `Copy` remains; its uses use the copied value directly.

use super::super::ir::*;
use crate::types::ty::TypeTable;

pub fn copyelim(f: &mut Func, _tt: &TypeTable) {
    let copies: Vec<ValueId> = f.live_blocks().flat_map(|b| b.values.iter().copied()).filter(|&v| f.v(v).op == Op::Copy).collect();
    for c in copies {
        // Follow chains of copies to the original.
        let mut src = f.v(c).args[0];
        while f.v(src).op == Op::Copy && src != c {
            src = f.v(src).args[0];
        }
        f.replace_uses(c, src);
    }
    for c in f.live_blocks().flat_map(|b| b.values.iter().copied()).filter(|&v| f.v(v).op == Op::Copy).collect::<Vec<_>>() {
        f.remove_value(c);
    }
}
