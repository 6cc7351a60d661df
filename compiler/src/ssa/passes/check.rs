//! `check`: the SSA invariants (gc's check.go). Assumes nothing; guarantees, when it returns
//! Ok, that: every live value is listed in exactly its own block; args are live values that
//! dominate their uses (a phi's i-th arg dominates the i-th predecessor's end); a phi has one
//! arg per predecessor and phis come first in their block; block kinds have the right number
//! of successors; preds and succs mirror each other; and each op's own rules (`check_op`):
//! its number of args and kind of aux, interface ops on interface values, itabs only for
//! types that implement the interface, the closure pointer only in functions that get one,
//! defer ops on the function's defer frame.

use super::super::ir::*;
use crate::types::ty::{TypeKind, TypeTable, BOOL};

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
    let pos_in_block: crate::HashMap<ValueId, usize> =
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
    for b in f.live_blocks() {
        for &v in &b.values {
            check_op(f, tt, f.v(v)).map_err(|e| format!("v{} ({}): {}", v, f.v(v).op.name(), e))?;
        }
    }
    Ok(())
}

/// The rules of one op.
fn check_op(f: &Func, tt: &TypeTable, v: &Value) -> Result<(), String> {
    let nargs = |n: usize| if v.args.len() == n { Ok(()) } else { Err(format!("{} args, want {}", v.args.len(), n)) };
    let arg_ty = |i: usize| f.v(v.args[i]).ty;
    match v.op {
        Op::IMake => {
            nargs(2)?;
            if !tt.is_interface(v.ty) {
                return Err("makes a non-interface".into());
            }
        }
        Op::ITab | Op::IData => {
            nargs(1)?;
            if !tt.is_interface(arg_ty(0)) {
                return Err("of a non-interface value".into());
            }
        }
        Op::TypeAddr | Op::GCShape => {
            nargs(0)?;
            if !matches!(v.aux, Aux::Type(_)) {
                return Err("aux is not a type".into());
            }
        }
        Op::ItabAddr => {
            nargs(0)?;
            let Aux::Itab(t, i) = v.aux else { return Err("aux is not an itab".into()) };
            if !tt.is_interface(i) || tt.is_interface(t) || !crate::types::methods::implements(tt, t, i) {
                return Err(format!("no itab for {} in {}", tt.name(t), tt.name(i)));
            }
        }
        Op::InterCall => {
            if v.args.len() < 2 || !matches!(v.aux, Aux::Method(..)) {
                return Err("wants an itab, a receiver and a method".into());
            }
        }
        Op::ClosurePtr => {
            nargs(0)?;
            if !f.has_ctx {
                return Err("in a function without a closure".into());
            }
        }
        Op::ClosureCall => {
            // A func value, or (once copies are gone) the closure object's pointer.
            let ok = !v.args.is_empty()
                && matches!(tt.under_kind(arg_ty(0)), TypeKind::Func(_) | TypeKind::Pointer(_) | TypeKind::Basic(crate::types::ty::Basic::UnsafePointer | crate::types::ty::Basic::Uintptr));
            if !ok {
                return Err("calls a non-func".into());
            }
        }
        Op::FuncAddr | Op::StaticClosure => {
            nargs(0)?;
            if !matches!(v.aux, Aux::Sym(_)) {
                return Err("aux is not a symbol".into());
            }
        }
        Op::DeferInit => {
            if v.block != f.entry {
                return Err("not in the entry block".into());
            }
        }
        Op::DeferProc | Op::DeferReturn => {
            nargs(if v.op == Op::DeferProc { 2 } else { 1 })?;
            if f.v(v.args[0]).op != Op::DeferInit {
                return Err("not on the function's defer frame".into());
            }
        }
        Op::StackSlot => {
            if !matches!(v.aux, Aux::Int(n) if n > 0) {
                return Err("no size".into());
            }
        }
        Op::MapMake | Op::MapAccess1 | Op::MapAccess2 | Op::MapAssign | Op::MapDelete | Op::MapIterInit => {
            let Aux::Type(mt) = v.aux else { return Err("aux is not the map type".into()) };
            if !matches!(tt.under_kind(mt), TypeKind::Map(..)) {
                return Err("aux is not a map type".into());
            }
            let want = match v.op {
                Op::MapMake => 2,
                Op::MapIterInit => 3,
                _ => 3,
            };
            nargs(want)?;
        }
        Op::ComplexMake => {
            nargs(2)?;
            if !tt.basic(v.ty).map_or(false, |b| b.is_complex()) {
                return Err("makes a non-complex".into());
            }
        }
        _ => {}
    }
    Ok(())
}
