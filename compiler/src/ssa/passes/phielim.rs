//! `early phielim`: removes trivial phis. Assumes a checked function. Guarantees no phi whose
//! arguments are all one value or the phi itself remains; its uses now use that value.

use super::super::ir::*;
use crate::types::ty::TypeTable;

pub fn phielim(f: &mut Func, _tt: &TypeTable) {
    loop {
        let mut changed = false;
        let phis: Vec<ValueId> = f.live_blocks().flat_map(|b| b.values.iter().copied()).filter(|&v| f.v(v).op == Op::Phi).collect();
        for p in phis {
            if f.dead_values[p as usize] {
                continue;
            }
            let mut same: Option<ValueId> = None;
            let mut trivial = true;
            for &a in &f.v(p).args {
                if a == p || Some(a) == same {
                    continue;
                }
                if same.is_some() {
                    trivial = false;
                    break;
                }
                same = Some(a);
            }
            if let (true, Some(v)) = (trivial, same) {
                f.replace_uses(p, v);
                f.remove_value(p);
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}
