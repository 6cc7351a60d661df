//! `deadcode` (run as `early deadcode`, `deadcode` and `late deadcode`): folds branches on
//! constant conditions, removes unreachable blocks (and their edges into reachable blocks,
//! fixing phis), then pure values that nothing uses. Assumes a checked function. Guarantees
//! every remaining block is reachable from the entry, no `If` tests a constant, and every
//! remaining pure value is used.

use super::super::ir::*;
use crate::types::ty::TypeTable;

pub fn deadcode(f: &mut Func, _tt: &TypeTable) {
    fold_constant_branches(f);
    let rpo = f.rpo();
    let mut reach = vec![false; f.blocks.len()];
    for b in rpo {
        reach[b as usize] = true;
    }
    let mut cfg_changed = false;
    for b in 0..f.blocks.len() {
        if reach[b] || f.dead_blocks[b] {
            continue;
        }
        cfg_changed = true;
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
    if cfg_changed {
        f.cfg_changed();
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
        f.remove_values(dead);
    }
}

/// `If (Const [k]) -> yes no` becomes `Plain -> yes` (or `no`).
fn fold_constant_branches(f: &mut Func) {
    for b in 0..f.blocks.len() {
        if f.dead_blocks[b] {
            continue;
        }
        let BlockKind::If(c) = f.blocks[b].kind else { continue };
        let (Op::Const, Aux::Int(k)) = (f.v(c).op, &f.v(c).aux) else { continue };
        let (keep, drop) = if *k != 0 { (0, 1) } else { (1, 0) };
        let (keep_b, drop_b) = (f.blocks[b].succs[keep], f.blocks[b].succs[drop]);
        f.blocks[b].kind = BlockKind::Plain;
        f.blocks[b].succs = vec![keep_b];
        if keep_b != drop_b {
            remove_pred(f, drop_b, b as BlockId);
        } else {
            // Both edges went to the same block: drop one of its two pred entries.
            remove_pred(f, drop_b, b as BlockId);
        }
        f.cfg_changed();
    }
}

/// Removes one edge p -> b from b's predecessors, with the matching phi args.
pub fn remove_pred(f: &mut Func, b: BlockId, p: BlockId) {
    let Some(i) = f.blocks[b as usize].preds.iter().position(|&x| x == p) else { return };
    f.blocks[b as usize].preds.remove(i);
    let vals = f.blocks[b as usize].values.clone();
    for v in vals {
        if f.values[v as usize].op == Op::Phi {
            f.values[v as usize].args.remove(i);
        }
    }
}
