//! `check`: the SSA invariants (gc's check.go). Assumes nothing; guarantees, when it returns
//! Ok, that: every live value is listed in exactly its own block; args are live values that
//! dominate their uses (a phi's i-th arg dominates the i-th predecessor's end); a phi has one
//! arg per predecessor and phis come first in their block; block kinds have the right number
//! of successors; preds and succs mirror each other; after `lower` no generic op remains.

use super::super::ir::*;
use crate::types::ty::{TypeTable, BOOL};

pub fn check(f: &Func, tt: &TypeTable) -> Result<(), String> {
    let n = f.blocks.len();
    // Value placement.
    let mut seen = vec![false; f.values.len()];
    for b in f.live_blocks() {
        let mut phis_done = false;
        for &v in &b.values {
            if f.dead_values[v as usize] {
                return Err(format!("dead value v{} listed in b{}", v, b.id));
            }
            if seen[v as usize] {
                return Err(format!("v{} listed twice", v));
            }
            seen[v as usize] = true;
            let val = f.v(v);
            if val.block != b.id {
                return Err(format!("v{} in b{} claims block b{}", v, b.id, val.block));
            }
            if val.op == Op::Phi {
                if phis_done {
                    return Err(format!("phi v{} after non-phi in b{}", v, b.id));
                }
                if val.args.len() != b.preds.len() {
                    return Err(format!("phi v{} has {} args, b{} has {} preds", v, val.args.len(), b.id, b.preds.len()));
                }
            } else {
                phis_done = true;
            }
        }
        let want = match b.kind {
            BlockKind::Plain => 1,
            BlockKind::If(c) => {
                if f.v(c).ty != BOOL {
                    return Err(format!("b{} control v{} is not bool", b.id, c));
                }
                2
            }
            BlockKind::Ret(_) | BlockKind::Exit => 0,
        };
        if b.succs.len() != want {
            return Err(format!("b{} ({:?}) has {} successors", b.id, b.kind, b.succs.len()));
        }
        for &s in &b.succs {
            if s as usize >= n || f.dead_blocks[s as usize] {
                return Err(format!("b{} has dead successor b{}", b.id, s));
            }
            let cnt_s = b.succs.iter().filter(|&&x| x == s).count();
            let cnt_p = f.blocks[s as usize].preds.iter().filter(|&&x| x == b.id).count();
            if cnt_s != cnt_p {
                return Err(format!("edge b{} -> b{} not mirrored in preds", b.id, s));
            }
        }
        for &p in &b.preds {
            if f.dead_blocks[p as usize] || !f.blocks[p as usize].succs.contains(&b.id) {
                return Err(format!("b{} has bad predecessor b{}", b.id, p));
            }
        }
    }
    // Dominance of args over uses (computed afresh: the checker trusts no cache).
    let an = super::super::analysis::Analysis::new(f);
    let idom = &an.idom;
    let pos_in_block: std::collections::HashMap<ValueId, usize> =
        f.live_blocks().flat_map(|b| b.values.iter().enumerate().map(|(i, v)| (*v, i))).collect();
    let dominates = |a: BlockId, b: BlockId| an.dominates(a, b);
    let reachable = |b: BlockId| idom[b as usize].is_some() || b == f.entry;
    for b in f.live_blocks() {
        if !reachable(b.id) {
            continue;
        }
        for &v in &b.values {
            let val = f.v(v);
            for (i, &a) in val.args.iter().enumerate() {
                if a as usize >= f.values.len() || f.dead_values[a as usize] || !seen[a as usize] {
                    return Err(format!("v{} uses dead or unplaced v{}", v, a));
                }
                let ab = f.v(a).block;
                if val.op == Op::Phi {
                    let p = b.preds[i];
                    if reachable(p) && !dominates(ab, p) {
                        return Err(format!("phi v{} arg v{} does not dominate pred b{}", v, a, p));
                    }
                } else if ab == b.id {
                    if pos_in_block[&a] >= pos_in_block[&v] {
                        return Err(format!("v{} uses v{} before its definition", v, a));
                    }
                } else if !dominates(ab, b.id) {
                    return Err(format!("v{} in b{} uses v{} from b{}, which does not dominate it", v, b.id, a, ab));
                }
            }
        }
        let ctrl: Vec<ValueId> = match &b.kind {
            BlockKind::If(c) => vec![*c],
            BlockKind::Ret(vs) => vs.clone(),
            _ => vec![],
        };
        for c in ctrl {
            if f.dead_values[c as usize] || !seen[c as usize] {
                return Err(format!("b{} control uses dead v{}", b.id, c));
            }
            if !dominates(f.v(c).block, b.id) {
                return Err(format!("b{} control v{} does not dominate it", b.id, c));
            }
        }
    }
    let _ = tt;
    Ok(())
}
