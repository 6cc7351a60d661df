//! Stack allocation: after the analysis, every `New` that does not escape becomes a stack
//! slot of the same size, zeroed where the `New` was (a `New` hands out zeroed memory, a
//! stack slot does not), keeping its value id, type `*T` and uses. A non-escaping
//! `make([]T, len, cap)` with constant len and cap (recorded by the builder) becomes one
//! too: the `CallRT` of makeslice is replaced by the slot.
//!
//! golift's stacks do not grow (gc's do): an object larger than `MAX_SLOT` bytes stays on
//! the heap even when it does not escape (gc would put an explicit variable of up to 10 MiB
//! on its stack), so that a program that ran with heap allocation cannot overflow its stack
//! because of one big local.
//!
//! Assumes: `Func::esc_decisions` filled by the analysis. Guarantees: no escaping object is
//! moved; other ops are untouched.

use crate::ssa::ir::*;

/// The largest object put in a stack frame (gc's limit for implicit allocations).
pub const MAX_SLOT: i64 = super::MAX_IMPLICIT_STACK_VAR_SIZE as i64;

pub(super) fn stack_allocate(f: &mut Func) {
    let mut todo: Vec<(ValueId, i64)> = vec![];
    for b in f.live_blocks() {
        for &v in &b.values {
            if f.esc_decisions.get(&v) != Some(&false) {
                continue;
            }
            let x = f.v(v);
            match (x.op, &x.aux) {
                (Op::New, Aux::Int(size)) => todo.push((v, *size)),
                (Op::CallRT, Aux::Sym(s)) if s == "runtime.makeslice" => {
                    if let Some(n) = f.esc.allocs.get(&v).and_then(|n| n.const_bytes) {
                        todo.push((v, n));
                    }
                }
                _ => {}
            }
        }
    }
    for (v, size) in todo {
        if size > MAX_SLOT {
            continue;
        }
        let val = &mut f.values[v as usize];
        val.op = Op::StackSlot;
        val.args.clear();
        val.aux = Aux::Int(size);
        let (b, pos) = (val.block, val.pos);
        // The Zero goes right after the slot.
        let z = f.add_detached(b, Op::Zero, crate::types::ty::INVALID, vec![v], Aux::Int(size), pos);
        let vals = &mut f.blocks[b as usize].values;
        let at = vals.iter().position(|&x| x == v).map_or(vals.len(), |i| i + 1);
        vals.insert(at, z);
    }
}
