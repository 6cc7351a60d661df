//! `fuse` (gc's `fuse`, its plain case): merges a block into its predecessor when the
//! predecessor ends in a plain jump to it and it has no other predecessor. Inlining and the
//! SSA builder leave such chains (a call split around an inlined body, the blocks of `if`s
//! and loops whose branches deadcode removed); fused, ssa.html shows the control flow that
//! remains, and later passes walk fewer blocks.
//!
//! Assumes: a checked function. Guarantees: the same values in the same order on every path;
//! no block that ends in `Plain` jumps to a block whose only predecessor it is (other than
//! the entry or itself); phis of a merged block, which have one argument, are replaced by
//! that argument.

use crate::HashMap;

use super::super::ir::*;
use crate::types::ty::TypeTable;

pub fn fuse(f: &mut Func, _tt: &TypeTable) {
    let mut changed = false;
    loop {
        let mut did = false;
        let ids: Vec<BlockId> = f.live_blocks().map(|b| b.id).collect();
        for b in ids {
            if f.dead_blocks[b as usize] {
                continue;
            }
            let blk = &f.blocks[b as usize];
            if blk.kind != BlockKind::Plain || blk.succs.len() != 1 {
                continue;
            }
            let s = blk.succs[0];
            if s == b || s == f.entry || f.blocks[s as usize].preds.len() != 1 {
                continue;
            }
            // The merged block's phis have one argument each: they become it.
            let phis: Vec<ValueId> = f.blocks[s as usize].values.iter().copied().filter(|&v| f.v(v).op == Op::Phi).collect();
            if !phis.is_empty() {
                let map: HashMap<ValueId, ValueId> = phis.iter().map(|&p| (p, f.v(p).args[0])).collect();
                f.replace_all_uses(&map);
                f.remove_values(phis);
            }
            let moved = std::mem::take(&mut f.blocks[s as usize].values);
            for &v in &moved {
                f.values[v as usize].block = b;
            }
            f.blocks[b as usize].values.extend(moved);
            let kind = std::mem::replace(&mut f.blocks[s as usize].kind, BlockKind::Plain);
            f.blocks[b as usize].kind = kind;
            f.blocks[b as usize].cond_pos = f.blocks[s as usize].cond_pos;
            let succs = std::mem::take(&mut f.blocks[s as usize].succs);
            for &t in &succs {
                for p in f.blocks[t as usize].preds.iter_mut() {
                    if *p == s {
                        *p = b;
                    }
                }
            }
            f.blocks[b as usize].succs = succs;
            f.blocks[s as usize].preds.clear();
            f.dead_blocks[s as usize] = true;
            did = true;
        }
        if !did {
            break;
        }
        changed = true;
    }
    if changed {
        f.cfg_changed();
    }
}
