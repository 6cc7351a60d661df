//! `copyelim`: removes `Copy` values (the builder makes them for conversions that keep the
//! representation, such as between a defined type and its underlying type). Assumes a checked
//! function. Guarantees no `Copy` remains; its uses use the copied value directly.

use super::super::ir::*;
use crate::types::ty::TypeTable;

pub fn copyelim(f: &mut Func, _tt: &TypeTable) {
    let copies: Vec<ValueId> = f.live_blocks().flat_map(|b| b.values.iter().copied()).filter(|&v| f.v(v).op == Op::Copy).collect();
    if copies.is_empty() {
        return;
    }
    // Each copy's original, following chains of copies.
    let mut src: crate::HashMap<ValueId, ValueId> = crate::HashMap::default();
    for &c in &copies {
        let mut s = f.v(c).args[0];
        let mut n = 0;
        while f.v(s).op == Op::Copy && s != c && n < copies.len() {
            s = f.v(s).args[0];
            n += 1;
        }
        src.insert(c, s);
    }
    f.replace_all_uses(&src);
    f.remove_values(copies);
}
