//! `nilcheck`: removes `NilCheck`s that cannot fail. Assumes a checked function whose builder
//! put a `NilCheck` before every dereference of a pointer that may be nil. Guarantees a check
//! remains unless its pointer is known non-nil: the result of `New`, `Addr` or another address of
//! something that exists (descriptors, itabs, functions, stack slots), an `OffPtr` or
//! `PtrIndex` of a non-nil pointer, or a pointer already checked in a dominating position
//! (earlier in the same block, or in a dominating block).

use std::collections::HashSet;

use super::super::ir::*;
use crate::types::ty::TypeTable;

pub fn nilcheck(f: &mut Func, _tt: &TypeTable) {
    let an = f.analysis();
    let mut remove = vec![];
    // Walk the dominator tree keeping the set of pointers checked on the way down.
    let mut stack: Vec<(BlockId, HashSet<ValueId>)> = vec![(f.entry, HashSet::new())];
    while let Some((b, mut checked)) = stack.pop() {
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
