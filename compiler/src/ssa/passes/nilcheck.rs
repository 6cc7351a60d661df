//! `nilcheck`: removes `NilCheck`s that cannot fail. Assumes a checked function whose builder
//! put a `NilCheck` before every dereference of a pointer that may be nil. Guarantees a check
//! remains unless its pointer is known non-nil: the result of `New`, `Addr` or another address of
//! something that exists (descriptors, itabs, functions, stack slots), an `OffPtr` or
//! `PtrIndex` of a non-nil pointer, a pointer already checked in a dominating position
//! (earlier in the same block, or in a dominating block), or one a dominating branch found
//! not nil (the body of `if p != nil { ... }`, the rest of `if p == nil { return }`).

use crate::HashSet;

use super::super::ir::*;
use crate::types::ty::TypeTable;

pub fn nilcheck(f: &mut Func, _tt: &TypeTable) {
    let an = f.analysis();
    let mut remove = vec![];
    // Walk the dominator tree keeping the set of pointers checked on the way down.
    let mut stack: Vec<(BlockId, HashSet<ValueId>)> = vec![(f.entry, HashSet::default())];
    while let Some((b, mut checked)) = stack.pop() {
        if let Some(p) = tested_non_nil(f, b) {
            checked.insert(p);
        }
        for &v in &f.blocks[b as usize].values {
            let val = f.v(v);
            if val.op != Op::NilCheck {
                continue;
            }
            let p = val.args[0];
            if checked.contains(&p) || non_nil(f, p) {
                remove.push(v);
            } else {
                checked.insert(p);
            }
        }
        for &c in &an.children[b as usize] {
            stack.push((c, checked.clone()));
        }
    }
    for v in remove {
        f.remove_value(v);
    }
}

/// The pointer that the branch leading to `b` (its only way in) found not nil, if it is one.
fn tested_non_nil(f: &Func, b: BlockId) -> Option<ValueId> {
    let (c, taken, _) = f.entered_by(b)?;
    let cond = f.v(c);
    let nil = |v: ValueId| f.v(v).op == Op::ConstNil;
    let p = match cond.args.as_slice() {
        [x, y] if nil(*y) && !nil(*x) => *x,
        [x, y] if nil(*x) && !nil(*y) => *y,
        _ => return None,
    };
    match (cond.op, taken) {
        (Op::Neq, true) | (Op::Eq, false) => Some(p),
        _ => None,
    }
}

fn non_nil(f: &Func, p: ValueId) -> bool {
    let mut p = p;
    for _ in 0..32 {
        let v = f.v(p);
        match v.op {
            Op::New | Op::Addr | Op::TypeAddr | Op::GCShape | Op::ItabAddr | Op::FuncAddr | Op::StaticClosure | Op::StackSlot => return true,
            Op::OffPtr | Op::PtrIndex | Op::Copy => p = v.args[0],
            _ => return false,
        }
    }
    false
}
