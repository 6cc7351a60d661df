//! `mem2reg`: scalar replacement of stack objects. A stack slot (a local object that escape
//! analysis kept on the stack) whose address is used only to load and store its fields at
//! constant offsets, and to zero it whole, is not memory at all: each field becomes an SSA
//! variable, its stores definitions, its loads uses, with phis where definitions meet (the
//! classic construction: phis at the iterated dominance frontier of the definitions, then
//! renaming along the dominator tree). A `struct{x, y int}` local, a `[2]float64` accumulator,
//! a closure's captured variable that does not escape: their loads and stores disappear and
//! their values live in registers.
//!
//! Assumes a checked function whose unreachable blocks are gone (early deadcode), with stack
//! slots as escape analysis makes them (`StackSlot` then `Zero` of its whole size). The
//! fields of a slot are the scalar leaves of its type (struct fields, elements of arrays of
//! up to 4, at most 8 in all). Guarantees: a slot is replaced only if every use of its
//! address (through `OffPtr`s with constant offsets) is a `Load` or `Store` of exactly one of
//! its fields, a `NilCheck`, a `Zero` of the whole slot, or a `Move` of the whole slot in or
//! out; anything else (a call argument, an index with a variable, a phi, a stored address)
//! leaves it in memory. Loads become the value the dominating definition stored (or the zero
//! value); a `Move` between two promoted slots copies the fields' values, a `Move` in from
//! memory becomes a load per field, a `Move` out a store per field; the slot, its stores,
//! zeroes, checks and offsets are removed.

use crate::HashMap;

use super::super::ir::*;
use crate::types::ty::*;

/// One promoted field: its slot, offset and type.
struct Var {
    off: i64,
    ty: TypeId,
}

/// What a use of a slot's address does.
enum Access {
    Load(usize),
    Store(usize),
    Zero(ValueId),
    /// A `Move` of a whole slot: into it (from `src`), out of it, or both (two promoted slots).
    Move,
    Drop,
}

pub fn mem2reg(f: &mut Func, tt: &TypeTable) {
    // Uses of every value.
    let mut users: HashMap<ValueId, Vec<ValueId>> = HashMap::default();
    let mut escapes: crate::HashSet<ValueId> = Default::default();
    for b in f.live_blocks() {
        for &v in &b.values {
            for &a in &f.v(v).args {
                users.entry(a).or_default().push(v);
            }
        }
        match &b.kind {
            BlockKind::If(c) => {
                escapes.insert(*c);
            }
            BlockKind::Ret(vs) => escapes.extend(vs.iter().copied()),
            _ => {}
        }
    }
    let slots: Vec<ValueId> = f.live_blocks().flat_map(|b| b.values.iter().copied()).filter(|&v| f.v(v).op == Op::StackSlot).collect();
    let mut vars: Vec<Var> = vec![];
    let mut access: HashMap<ValueId, Access> = HashMap::default();
    let mut removed: Vec<ValueId> = vec![];
    // The variables of each promoted slot (for its Zero).
    let mut slot_vars: HashMap<ValueId, Vec<usize>> = HashMap::default();
    for s in slots {
        let Aux::Int(size) = f.v(s).aux else { continue };
        if let Some((fields, acc, offs)) = promotable(f, tt, s, size, &users, &escapes) {
            let base = vars.len();
            let mut ids = vec![];
            let mut index: HashMap<i64, usize> = HashMap::default();
            for (k, (off, ty)) in fields.iter().enumerate() {
                vars.push(Var { off: *off, ty: *ty });
                index.insert(*off, base + k);
                ids.push(base + k);
            }
            for (v, a) in acc {
                let a = match a {
                    RawAccess::Load(off) => Access::Load(index[&off]),
                    RawAccess::Store(off) => Access::Store(index[&off]),
                    RawAccess::Zero => Access::Zero(s),
                    RawAccess::Move => Access::Move,
                    RawAccess::Drop => Access::Drop,
                };
                access.insert(v, a);
            }
            slot_vars.insert(s, ids);
            removed.push(s);
            removed.extend(offs);
        }
    }
    if vars.is_empty() {
        return;
    }
    let an = f.analysis();
    // Definitions per variable: the blocks with stores or zeroes.
    let mut def_blocks: Vec<Vec<BlockId>> = vec![vec![]; vars.len()];
    for (&v, a) in &access {
        let b = f.v(v).block;
        match a {
            Access::Store(x) => def_blocks[*x].push(b),
            Access::Zero(s) => {
                for &x in &slot_vars[s] {
                    def_blocks[x].push(b);
                }
            }
            Access::Move => {
                if let Some(xs) = slot_vars.get(&f.v(v).args[0]) {
                    for &x in xs {
                        def_blocks[x].push(b);
                    }
                }
            }
            _ => {}
        }
    }
    // Phis at the iterated dominance frontier of each variable's definitions.
    let df = frontiers(f, &an);
    let mut phis: HashMap<BlockId, Vec<(usize, ValueId)>> = HashMap::default();
    for (x, defs) in def_blocks.iter().enumerate() {
        let mut work = defs.clone();
        let mut has = crate::HashSet::default();
        while let Some(b) = work.pop() {
            for &d in &df[b as usize] {
                if has.insert(d) {
                    let pos = f.blocks[d as usize].pos;
                    let n = f.blocks[d as usize].preds.len();
                    let p = f.add_detached(d, Op::Phi, vars[x].ty, vec![0; n], Aux::None, pos);
                    phis.entry(d).or_default().push((x, p));
                    work.push(d);
                }
            }
        }
    }
    for (b, ps) in &phis {
        let vals = &mut f.blocks[*b as usize].values;
        for (i, (_, p)) in ps.iter().enumerate() {
            vals.insert(i, *p);
        }
    }
    // Zero values, made once in the entry block.
    let mut zeros: HashMap<TypeId, ValueId> = HashMap::default();
    let mut zero_at = 0;
    for v in &vars {
        if !zeros.contains_key(&v.ty) {
            let z = zero_value(f, tt, v.ty, &mut zero_at);
            zeros.insert(v.ty, z);
        }
    }
    // Renaming along the dominator tree.
    let mut replace: HashMap<ValueId, ValueId> = HashMap::default();
    // Loads and stores that take the place of a Move to or from memory, inserted before it.
    let mut inserts: Vec<(ValueId, Vec<ValueId>)> = vec![];
    let init: Vec<ValueId> = vars.iter().map(|v| zeros[&v.ty]).collect();
    let mut stack: Vec<(BlockId, Vec<ValueId>)> = vec![(f.entry, init)];
    while let Some((b, mut cur)) = stack.pop() {
        if let Some(ps) = phis.get(&b) {
            for &(x, p) in ps {
                cur[x] = p;
            }
        }
        for v in f.blocks[b as usize].values.clone() {
            match access.get(&v) {
                Some(Access::Move) => {
                    let (dst, src, pos) = (f.v(v).args[0], f.v(v).args[1], f.v(v).pos);
                    let mut new = vec![];
                    match (slot_vars.get(&dst).cloned(), slot_vars.get(&src).cloned()) {
                        (Some(d), Some(sv)) => {
                            for (x, y) in d.iter().zip(sv.iter()) {
                                cur[*x] = cur[*y];
                            }
                        }
                        (Some(d), None) => {
                            for x in d {
                                let p = f.add_detached(b, Op::OffPtr, UNSAFE_POINTER, vec![src], Aux::Int(vars[x].off), pos);
                                let l = f.add_detached(b, Op::Load, vars[x].ty, vec![p], Aux::None, pos);
                                new.extend([p, l]);
                                cur[x] = l;
                            }
                        }
                        (None, Some(sv)) => {
                            for y in sv {
                                let p = f.add_detached(b, Op::OffPtr, UNSAFE_POINTER, vec![dst], Aux::Int(vars[y].off), pos);
                                let st = f.add_detached(b, Op::Store, vars[y].ty, vec![p, cur[y]], Aux::None, pos);
                                new.extend([p, st]);
                            }
                        }
                        (None, None) => {}
                    }
                    inserts.push((v, new));
                }
                Some(Access::Load(x)) => {
                    replace.insert(v, cur[*x]);
                }
                Some(Access::Store(x)) => cur[*x] = f.v(v).args[1],
                Some(Access::Zero(s)) => {
                    for &x in &slot_vars[s] {
                        cur[x] = zeros[&vars[x].ty];
                    }
                }
                _ => {}
            }
        }
        for &s in &f.blocks[b as usize].succs.clone() {
            if let Some(ps) = phis.get(&s) {
                for (i, &p) in f.blocks[s as usize].preds.clone().iter().enumerate() {
                    if p == b {
                        for &(x, phi) in ps {
                            f.values[phi as usize].args[i] = cur[x];
                        }
                    }
                }
            }
        }
        for &c in &an.children[b as usize] {
            stack.push((c, cur.clone()));
        }
    }
    // A load's replacement may itself be a replaced load.
    let resolve = |mut v: ValueId| {
        while let Some(&w) = replace.get(&v) {
            v = w;
        }
        v
    };
    let map: HashMap<ValueId, ValueId> = replace.keys().map(|&k| (k, resolve(k))).collect();
    for (mv, new) in inserts {
        let b = f.v(mv).block as usize;
        let at = f.blocks[b].values.iter().position(|&x| x == mv).unwrap_or(0);
        f.blocks[b].values.splice(at..at, new);
    }
    f.replace_all_uses(&map);
    removed.extend(access.keys().copied());
    f.remove_values(removed);
}

enum RawAccess {
    Load(i64),
    Store(i64),
    Zero,
    Move,
    Drop,
}

type Fields = Vec<(i64, TypeId)>;

/// If slot `s` can be promoted: its fields (offset, type) in offset order, what each use
/// does, and the `OffPtr`s to remove.
fn promotable(f: &Func, tt: &TypeTable, s: ValueId, size: i64, users: &HashMap<ValueId, Vec<ValueId>>, escapes: &crate::HashSet<ValueId>) -> Option<(Fields, Vec<(ValueId, RawAccess)>, Vec<ValueId>)> {
    let TypeKind::Pointer(elem) = tt.under_kind(f.v(s).ty) else { return None };
    if tt.size(*elem) as i64 != size {
        return None;
    }
    let mut fields: Fields = vec![];
    if !leaves(tt, *elem, 0, &mut fields) || fields.is_empty() || fields.len() > 8 {
        return None;
    }
    let mut acc = vec![];
    let mut offs = vec![];
    let mut work = vec![(s, 0i64)];
    while let Some((addr, off)) = work.pop() {
        if escapes.contains(&addr) {
            return None;
        }
        let is_field = |ty: TypeId| fields.iter().any(|&(o, t)| o == off && t == ty);
        for &u in users.get(&addr).map(|v| v.as_slice()).unwrap_or(&[]) {
            let uv = f.v(u);
            match uv.op {
                Op::OffPtr if uv.args[0] == addr => {
                    let Aux::Int(c) = uv.aux else { return None };
                    offs.push(u);
                    work.push((u, off + c));
                }
                Op::Load if uv.args[0] == addr && is_field(uv.ty) => acc.push((u, RawAccess::Load(off))),
                Op::Store if uv.args[0] == addr && uv.args[1] != addr && is_field(uv.ty) => acc.push((u, RawAccess::Store(off))),
                Op::Zero if addr == s && uv.aux == Aux::Int(size) => acc.push((u, RawAccess::Zero)),
                Op::Move if addr == s && uv.aux == Aux::Int(size) && uv.args[0] != uv.args[1] => {
                    // The other side, if a slot too, must hold the same type (same fields).
                    let other = f.v(if uv.args[0] == s { uv.args[1] } else { uv.args[0] });
                    if other.op == Op::StackSlot && other.ty != f.v(s).ty {
                        return None;
                    }
                    acc.push((u, RawAccess::Move));
                }
                Op::NilCheck => acc.push((u, RawAccess::Drop)),
                _ => return None,
            }
        }
    }
    Some((fields, acc, offs))
}

/// The scalar leaves of a value of type `t` at offset `base`; false if it has too many or
/// some cannot be SSA values.
fn leaves(tt: &TypeTable, t: TypeId, base: i64, out: &mut Fields) -> bool {
    match tt.under_kind(t) {
        TypeKind::Struct(fs) => {
            let offs = tt.field_offsets(t);
            fs.iter().zip(offs).all(|(fl, o)| leaves(tt, fl.ty, base + o as i64, out))
        }
        TypeKind::Array(n, e) => *n <= 4 && (0..*n).all(|i| leaves(tt, *e, base + (i * tt.size(*e)) as i64, out)),
        TypeKind::Tuple(_) => false,
        _ => {
            if tt.size(t) == 0 {
                return true;
            }
            out.push((base, t));
            out.len() <= 8
        }
    }
}

/// The zero value of `t`, inserted at the start of the entry block.
fn zero_value(f: &mut Func, tt: &TypeTable, t: TypeId, at: &mut usize) -> ValueId {
    let e = f.entry;
    super::super::ir::zero_value(tt, t, &mut |op, ty, args, aux, _| {
        let v = f.add_detached(e, op, ty, args, aux, u32::MAX);
        f.blocks[e as usize].values.insert(*at, v);
        *at += 1;
        v
    })
}

/// Dominance frontiers (Cooper, Harvey and Kennedy): for each join point, walk up from each
/// predecessor to the join's immediate dominator.
fn frontiers(f: &Func, an: &super::super::analysis::Analysis) -> Vec<Vec<BlockId>> {
    let mut df: Vec<Vec<BlockId>> = vec![vec![]; f.blocks.len()];
    for &b in &an.rpo {
        let preds = &f.blocks[b as usize].preds;
        if preds.len() < 2 {
            continue;
        }
        let Some(idom) = an.idom[b as usize] else { continue };
        for &p in preds {
            let mut runner = p;
            while an.reachable(runner) && runner != idom {
                if !df[runner as usize].contains(&b) {
                    df[runner as usize].push(b);
                }
                match an.idom[runner as usize] {
                    Some(d) if d != runner => runner = d,
                    _ => break,
                }
            }
        }
    }
    df
}
