//! `prove`: removes the bounds checks that the branches above them already prove, as gc's
//! `prove` pass does for the common loops (`for i := 0; i < len(s); i++ { s[i] }` and
//! `for i := range s { s[i] }`).
//!
//! Assumes a checked function after `cse` (so that `len(s)` is one value wherever it is
//! computed), whose builder put an `IsInBounds i n` (and an `If` on it) before every index.
//!
//! Guarantees: an `IsInBounds i n` becomes the constant true only when
//! - every path to it went through the true edge of an `If (Less i n)` on signed integers
//!   (the block with the check is dominated by a block whose only predecessor is that edge),
//!   so i < n; and
//! - i is known not to be negative: a constant >= 0, a length, or an induction variable: a
//!   phi whose other inputs are non-negative or the phi itself plus a non-negative constant
//!   (it could only wrap around after 2^63 / c steps).
//!
//! Then 0 <= i < n, which is what `IsInBounds` tests. The `If` on the constant and the
//! panic branch are removed by the next `deadcode`. With `-d=ssa/prove/debug=1` each proof
//! is reported as gc reports it: `file:line:col: Proved IsInBounds`.

use std::collections::HashSet;

use super::super::ir::*;
use crate::types::ty::{TypeId, TypeTable};

pub fn prove(f: &mut Func, tt: &TypeTable) {
    let an = f.analysis();
    let mut proved = vec![];
    // Walk the dominator tree with the facts (x < y) known on entry to each block.
    let mut stack: Vec<(BlockId, Vec<(ValueId, ValueId)>)> = vec![(f.entry, vec![])];
    while let Some((b, mut facts)) = stack.pop() {
        if let Some(fact) = edge_fact(f, tt, b) {
            facts.push(fact);
        }
        for &v in &f.blocks[b as usize].values {
            let val = f.v(v);
            if val.op == Op::IsInBounds && facts.contains(&(val.args[0], val.args[1])) && non_negative(f, val.args[0], &mut HashSet::new()) {
                proved.push(v);
            }
        }
        for &c in &an.children[b as usize] {
            stack.push((c, facts.clone()));
        }
    }
    for v in proved {
        let pos = f.v(v).pos;
        f.remarks.push(("prove", pos, "Proved IsInBounds".into()));
        let m = &mut f.values[v as usize];
        m.op = Op::Const;
        m.args.clear();
        m.aux = Aux::Int(1);
        m.rule = Some("prove: 0 <= i < n holds here");
    }
}

/// The fact that holds on entry to block `b` because its only predecessor branches to it on
/// a true `Less x y` between signed integers.
fn edge_fact(f: &Func, tt: &TypeTable, b: BlockId) -> Option<(ValueId, ValueId)> {
    let blk = &f.blocks[b as usize];
    let [p] = blk.preds[..] else { return None };
    let pred = &f.blocks[p as usize];
    let BlockKind::If(c) = pred.kind else { return None };
    if pred.succs.first() != Some(&b) || pred.succs.get(1) == Some(&b) {
        return None;
    }
    let cond = f.v(c);
    let Aux::Int(t) = cond.aux else { return None };
    if cond.op != Op::Less || !tt.is_integer(t as TypeId) || tt.is_unsigned(t as TypeId) {
        return None;
    }
    Some((cond.args[0], cond.args[1]))
}

/// Whether v is known to be >= 0 (see the module comment); `seen` holds the phis being
/// looked at, which count as non-negative inside their own induction.
fn non_negative(f: &Func, v: ValueId, seen: &mut HashSet<ValueId>) -> bool {
    let val = f.v(v);
    match val.op {
        Op::Const => matches!(val.aux, Aux::Int(k) if k >= 0),
        Op::SliceLen | Op::StringLen => true,
        Op::Phi => {
            if !seen.insert(v) {
                return true;
            }
            let ok = val.args.iter().all(|&a| {
                let av = f.v(a);
                let step = av.op == Op::Add
                    && av.args.len() == 2
                    && ((av.args[0] == v && non_negative_const(f, av.args[1])) || (av.args[1] == v && non_negative_const(f, av.args[0])));
                step || non_negative(f, a, seen)
            });
            seen.remove(&v);
            ok
        }
        _ => false,
    }
}

fn non_negative_const(f: &Func, v: ValueId) -> bool {
    let val = f.v(v);
    val.op == Op::Const && matches!(val.aux, Aux::Int(k) if k >= 0)
}
