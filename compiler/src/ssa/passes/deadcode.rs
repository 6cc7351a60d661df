//! `deadcode`: removes unreachable blocks (and their edges into reachable blocks, fixing
//! phis), then pure values that nothing uses. Assumes a checked function; guarantees every
//! remaining block is reachable from the entry and every remaining pure value is used.

use super::super::ir::*;
use crate::types::ty::TypeTable;

pub fn deadcode(f: &mut Func, _tt: &TypeTable) {
    let rpo = f.rpo();
    let mut reach = vec![false; f.blocks.len()];
    for b in rpo {
        reach[b as usize] = true;
    }
    for b in 0..f.blocks.len() {
        if reach[b] || f.dead_blocks[b] {
            continue;
        }
        f.dead_blocks[b] = true;
        let succs = std::mem::take(&mut f.blocks[b].succs);
        for s in succs {
            remove_pred(f, s, b as BlockId);
        }
        for v in std::mem::take(&mut f.blocks[b].values) {
            f.dead_values[v as usize] = true;
        }
        f.blocks[b].preds.clear();
    }
    // Dead pure values, to a fixed point.
    loop {
        let mut used = vec![false; f.values.len()];
        for b in f.live_blocks() {
            for &v in &b.values {
                for &a in &f.v(v).args {
                    used[a as usize] = true;
                }
            }
            match &b.kind {
                BlockKind::If(c) => used[*c as usize] = true,
                BlockKind::Ret(vs) => vs.iter().for_each(|v| used[*v as usize] = true),
                _ => {}
            }
        }
        let dead: Vec<ValueId> = f
            .live_blocks()
            .flat_map(|b| b.values.iter().copied())
            .filter(|&v| !used[v as usize] && f.v(v).op.info().pure)
            .collect();
        if dead.is_empty() {
            break;
        }
        for v in dead {
            f.remove_value(v);
        }
    }
}

/// Removes the edge p -> b from b's predecessors, with the matching phi args.
fn remove_pred(f: &mut Func, b: BlockId, p: BlockId) {
    let Some(i) = f.blocks[b as usize].preds.iter().position(|&x| x == p) else { return };
    f.blocks[b as usize].preds.remove(i);
    let vals = f.blocks[b as usize].values.clone();
    for v in vals {
        if f.values[v as usize].op == Op::Phi {
            f.values[v as usize].args.remove(i);
        }
    }
}
