//! `opt`: constant folding and algebraic simplification, written as a table of rules in the
//! manner of gc's generic.rules. Each rule names its pattern and result; the function beside
//! it matches one value. A matched value is rewritten in place, into a `Const` or into a `Copy`
//! of a simpler value (which `copyelim` then removes), and records the rule that made it.
//! Assumes a checked function; guarantees the result means the same, with Go's wrap-around
//! integer semantics, and that no rule matches any more (it runs to a fixed point).

use super::super::ir::*;
use crate::types::ty::*;

pub enum Rewrite {
    /// Becomes `Const [k]` of its own type (a bool is 0 or 1).
    Const(i64),
    /// Becomes `Copy x`.
    Copy(ValueId),
    /// Becomes another op with these arguments and aux (keeping its type).
    Op(Op, Vec<ValueId>, Aux),
}

pub struct Rule {
    pub name: &'static str,
    pub op: Op,
    pub apply: fn(&Func, &TypeTable, &Value) -> Option<Rewrite>,
}

/// The rules, as gc writes them: `(Op args) => result`.
pub const RULES: &[Rule] = &[
    Rule { name: "(Add (Const [c]) (Const [d])) => (Const [c+d])", op: Op::Add, apply: |f, tt, v| fold2(f, tt, v, |c, d| c.wrapping_add(d)) },
    Rule { name: "(Sub (Const [c]) (Const [d])) => (Const [c-d])", op: Op::Sub, apply: |f, tt, v| fold2(f, tt, v, |c, d| c.wrapping_sub(d)) },
    Rule { name: "(Mul (Const [c]) (Const [d])) => (Const [c*d])", op: Op::Mul, apply: |f, tt, v| fold2(f, tt, v, |c, d| c.wrapping_mul(d)) },
    Rule { name: "(And (Const [c]) (Const [d])) => (Const [c&d])", op: Op::And, apply: |f, tt, v| fold2(f, tt, v, |c, d| c & d) },
    Rule { name: "(Or (Const [c]) (Const [d])) => (Const [c|d])", op: Op::Or, apply: |f, tt, v| fold2(f, tt, v, |c, d| c | d) },
    Rule { name: "(Xor (Const [c]) (Const [d])) => (Const [c^d])", op: Op::Xor, apply: |f, tt, v| fold2(f, tt, v, |c, d| c ^ d) },
    Rule { name: "(AndNot (Const [c]) (Const [d])) => (Const [c&^d])", op: Op::AndNot, apply: |f, tt, v| fold2(f, tt, v, |c, d| c & !d) },
    Rule { name: "(Neg (Const [c])) => (Const [-c])", op: Op::Neg, apply: |f, tt, v| fold1(f, tt, v, |c| c.wrapping_neg()) },
    Rule { name: "(Com (Const [c])) => (Const [^c])", op: Op::Com, apply: |f, tt, v| fold1(f, tt, v, |c| !c) },
    Rule { name: "(Not (Const [c])) => (Const [1-c])", op: Op::Not, apply: |f, _, v| konst(f, v.args[0]).map(|c| Rewrite::Const(1 - c)) },
    Rule { name: "(Lsh (Const [c]) (Const [d])) => (Const [c<<d])", op: Op::Lsh, apply: |f, tt, v| fold2(f, tt, v, |c, d| if (d as u64) >= 64 { 0 } else { c << d }) },
    Rule { name: "(Rsh (Const [c]) (Const [d])) => (Const [c>>d])", op: Op::Rsh, apply: fold_rsh },
    Rule { name: "(Add x (Const [0])) => x", op: Op::Add, apply: |f, tt, v| ident_right(f, tt, v, 0).or_else(|| ident_left(f, tt, v, 0)) },
    Rule { name: "(Sub x (Const [0])) => x", op: Op::Sub, apply: |f, tt, v| ident_right(f, tt, v, 0) },
    Rule { name: "(Mul x (Const [1])) => x", op: Op::Mul, apply: |f, tt, v| ident_right(f, tt, v, 1).or_else(|| ident_left(f, tt, v, 1)) },
    Rule { name: "(Mul x (Const [2.0])) => (Add x x) for floats", op: Op::Mul, apply: float_double },
    Rule { name: "(Mul x (Const [0])) => (Const [0])", op: Op::Mul, apply: |f, tt, v| (int(tt, v.ty) && (konst(f, v.args[0]) == Some(0) || konst(f, v.args[1]) == Some(0))).then_some(Rewrite::Const(0)) },
    Rule { name: "(Sub x x) => (Const [0])", op: Op::Sub, apply: |_, tt, v| (int(tt, v.ty) && v.args[0] == v.args[1]).then_some(Rewrite::Const(0)) },
    Rule { name: "(Xor x x) => (Const [0])", op: Op::Xor, apply: |_, _, v| (v.args[0] == v.args[1]).then_some(Rewrite::Const(0)) },
    Rule { name: "(And x x) => x", op: Op::And, apply: |_, _, v| (v.args[0] == v.args[1]).then_some(Rewrite::Copy(v.args[0])) },
    Rule { name: "(Or x x) => x", op: Op::Or, apply: |_, _, v| (v.args[0] == v.args[1]).then_some(Rewrite::Copy(v.args[0])) },
    Rule { name: "(Not (Not x)) => x", op: Op::Not, apply: |f, _, v| twice(f, v, Op::Not) },
    Rule { name: "(Neg (Neg x)) => x", op: Op::Neg, apply: |f, tt, v| if int(tt, v.ty) { twice(f, v, Op::Neg) } else { None } },
    Rule { name: "(Com (Com x)) => x", op: Op::Com, apply: |f, _, v| twice(f, v, Op::Com) },
    Rule { name: "(Eq (Const [c]) (Const [d])) => (Const [c==d])", op: Op::Eq, apply: |f, tt, v| cmp(f, tt, v, |o| o.is_eq()) },
    Rule { name: "(Neq (Const [c]) (Const [d])) => (Const [c!=d])", op: Op::Neq, apply: |f, tt, v| cmp(f, tt, v, |o| o.is_ne()) },
    Rule { name: "(Less (Const [c]) (Const [d])) => (Const [c<d])", op: Op::Less, apply: |f, tt, v| cmp(f, tt, v, |o| o.is_lt()) },
    Rule { name: "(Leq (Const [c]) (Const [d])) => (Const [c<=d])", op: Op::Leq, apply: |f, tt, v| cmp(f, tt, v, |o| o.is_le()) },
    Rule { name: "(Eq x x) => (Const [1])", op: Op::Eq, apply: |_, tt, v| same_int(tt, v).then_some(Rewrite::Const(1)) },
    Rule { name: "(Neq x x) => (Const [0])", op: Op::Neq, apply: |_, tt, v| same_int(tt, v).then_some(Rewrite::Const(0)) },
    Rule { name: "(Leq x x) => (Const [1])", op: Op::Leq, apply: |_, tt, v| same_int(tt, v).then_some(Rewrite::Const(1)) },
    Rule { name: "(Less x x) => (Const [0])", op: Op::Less, apply: |_, tt, v| same_int(tt, v).then_some(Rewrite::Const(0)) },
    Rule { name: "(IsInBounds (Const [i]) (Const [n])) => (Const [0 <= i < n])", op: Op::IsInBounds, apply: |f, _, v| bounds(f, v, |i, n| i < n) },
    Rule { name: "(IsSliceInBounds (Const [i]) (Const [n])) => (Const [0 <= i <= n])", op: Op::IsSliceInBounds, apply: |f, _, v| bounds(f, v, |i, n| i <= n) },
    Rule { name: "(Cvt (Const [c])) => (Const [c]) for integers", op: Op::Cvt, apply: fold_cvt },
    Rule { name: "(SliceLen (SliceMake _ len _)) => len", op: Op::SliceLen, apply: |f, _, v| part_of(f, v, Op::SliceMake, 1) },
    Rule { name: "(SliceCap (SliceMake _ _ cap)) => cap", op: Op::SliceCap, apply: |f, _, v| part_of(f, v, Op::SliceMake, 2) },
    Rule { name: "(StringLen (StringMake _ len)) => len", op: Op::StringLen, apply: |f, _, v| part_of(f, v, Op::StringMake, 1) },
    Rule { name: "(StringLen (Const {s})) => (Const [len(s)])", op: Op::StringLen, apply: |f, _, v| match &f.v(through_copies(f, v.args[0])).aux {
        Aux::Str(s) if f.v(through_copies(f, v.args[0])).op == Op::Const => Some(Rewrite::Const(s.len() as i64)),
        _ => None,
    } },
    Rule { name: "(ITab (IMake tab _)) => tab", op: Op::ITab, apply: |f, _, v| part_of(f, v, Op::IMake, 0) },
    Rule { name: "(IData (IMake _ data)) => data", op: Op::IData, apply: |f, _, v| part_of(f, v, Op::IMake, 1) },
    Rule { name: "(InterCall (ItabAddr {T, I}) data ...) => (Call {T's method} data ...)", op: Op::InterCall, apply: devirtualize },
];

/// The value behind a chain of copies (which `copyelim` removes later).
fn through_copies(f: &Func, mut v: ValueId) -> ValueId {
    for _ in 0..64 {
        if f.v(v).op != Op::Copy {
            break;
        }
        v = f.v(v).args[0];
    }
    v
}

/// Part `i` of a slice, string or interface value made in view by `op`.
fn part_of(f: &Func, v: &Value, op: Op, i: usize) -> Option<Rewrite> {
    let x = f.v(through_copies(f, v.args[0]));
    (x.op == op).then(|| Rewrite::Copy(x.args[i]))
}

/// An interface call whose itab is known statically calls the concrete type's method
/// directly (the function the itab holds: the method, or its pointer or promotion wrapper).
fn devirtualize(f: &Func, tt: &TypeTable, v: &Value) -> Option<Rewrite> {
    let tab = f.v(through_copies(f, v.args[0]));
    let (Op::ItabAddr, Aux::Itab(t, _)) = (tab.op, &tab.aux) else { return None };
    let Aux::Method(_, name) = &v.aux else { return None };
    let recv = if tt.is_direct_iface(*t) { *t } else { tt.pointer_if_exists(*t)? };
    let sym = crate::ssa::build::Builder::method_sym(tt, recv, name);
    Some(Rewrite::Op(Op::Call, v.args[1..].to_vec(), Aux::Sym(sym)))
}

fn int(tt: &TypeTable, t: TypeId) -> bool {
    tt.is_integer(t)
}

fn konst(f: &Func, v: ValueId) -> Option<i64> {
    let val = f.v(through_copies(f, v));
    match (val.op, &val.aux) {
        (Op::Const, Aux::Int(k)) => Some(*k),
        _ => None,
    }
}

/// A value of integer type `t` as Go stores it: wrapped to the type's width, sign- or
/// zero-extended to 64 bits.
pub fn normalize(tt: &TypeTable, t: TypeId, k: i64) -> i64 {
    let bits = tt.size(t) * 8;
    if bits >= 64 {
        return k;
    }
    let shift = 64 - bits;
    if tt.is_unsigned(t) {
        ((k as u64) << shift >> shift) as i64
    } else {
        (k << shift) >> shift
    }
}

fn fold1(f: &Func, tt: &TypeTable, v: &Value, op: fn(i64) -> i64) -> Option<Rewrite> {
    if !int(tt, v.ty) {
        return None;
    }
    Some(Rewrite::Const(normalize(tt, v.ty, op(konst(f, v.args[0])?))))
}

fn fold2(f: &Func, tt: &TypeTable, v: &Value, op: fn(i64, i64) -> i64) -> Option<Rewrite> {
    if !int(tt, v.ty) {
        return None;
    }
    let (c, d) = (konst(f, v.args[0])?, konst(f, v.args[1])?);
    Some(Rewrite::Const(normalize(tt, v.ty, op(c, d))))
}

fn fold_rsh(f: &Func, tt: &TypeTable, v: &Value) -> Option<Rewrite> {
    if !int(tt, v.ty) {
        return None;
    }
    let (c, d) = (konst(f, v.args[0])?, konst(f, v.args[1])? as u64);
    let r = if tt.is_unsigned(v.ty) {
        if d >= 64 { 0 } else { ((c as u64) >> d) as i64 }
    } else {
        c >> d.min(63)
    };
    Some(Rewrite::Const(normalize(tt, v.ty, r)))
}

/// x*2 is x+x for floats, exactly (both round the same true result), and an addition needs
/// no constant in a register: gc's `(Mul64F x (Const64F [2])) => (Add64F x x)`.
fn float_double(f: &Func, tt: &TypeTable, v: &Value) -> Option<Rewrite> {
    if !tt.is_float(v.ty) {
        return None;
    }
    let two = |a: ValueId| matches!((f.v(a).op, &f.v(a).aux), (Op::Const, Aux::Float(x)) if *x == 2.0);
    let x = if two(v.args[1]) { v.args[0] } else if two(v.args[0]) { v.args[1] } else { return None };
    Some(Rewrite::Op(Op::Add, vec![x, x], Aux::None))
}

fn ident_right(f: &Func, tt: &TypeTable, v: &Value, k: i64) -> Option<Rewrite> {
    (int(tt, v.ty) && konst(f, v.args[1]) == Some(k)).then_some(Rewrite::Copy(v.args[0]))
}

fn ident_left(f: &Func, tt: &TypeTable, v: &Value, k: i64) -> Option<Rewrite> {
    (int(tt, v.ty) && konst(f, v.args[0]) == Some(k)).then_some(Rewrite::Copy(v.args[1]))
}

fn twice(f: &Func, v: &Value, op: Op) -> Option<Rewrite> {
    let inner = f.v(v.args[0]);
    (inner.op == op).then(|| Rewrite::Copy(inner.args[0]))
}

fn operand_type(v: &Value) -> TypeId {
    match v.aux {
        Aux::Int(t) => t as TypeId,
        _ => INVALID,
    }
}

fn same_int(tt: &TypeTable, v: &Value) -> bool {
    v.args[0] == v.args[1] && int(tt, operand_type(v))
}

fn cmp(f: &Func, tt: &TypeTable, v: &Value, pick: fn(std::cmp::Ordering) -> bool) -> Option<Rewrite> {
    let t = operand_type(v);
    if !int(tt, t) && t != BOOL {
        return None;
    }
    let (c, d) = (konst(f, v.args[0])?, konst(f, v.args[1])?);
    let o = if tt.is_unsigned(t) { (c as u64).cmp(&(d as u64)) } else { c.cmp(&d) };
    Some(Rewrite::Const(pick(o) as i64))
}

fn bounds(f: &Func, v: &Value, ok: fn(u64, u64) -> bool) -> Option<Rewrite> {
    let (i, n) = (konst(f, v.args[0])?, konst(f, v.args[1])?);
    Some(Rewrite::Const(ok(i as u64, n as u64) as i64))
}

fn fold_cvt(f: &Func, tt: &TypeTable, v: &Value) -> Option<Rewrite> {
    let from = operand_type(v);
    if !int(tt, from) || !int(tt, v.ty) {
        return None;
    }
    let c = normalize(tt, from, konst(f, v.args[0])?);
    Some(Rewrite::Const(normalize(tt, v.ty, c)))
}

pub fn opt(f: &mut Func, tt: &TypeTable) {
    loop {
        let mut changed = false;
        let vals: Vec<ValueId> = f.live_blocks().flat_map(|b| b.values.iter().copied()).collect();
        for v in vals {
            let val = f.v(v).clone();
            for rule in RULES.iter().filter(|r| r.op == val.op) {
                let Some(rw) = (rule.apply)(f, tt, &val) else { continue };
                let m = &mut f.values[v as usize];
                match rw {
                    Rewrite::Const(k) => {
                        m.op = Op::Const;
                        m.args.clear();
                        m.aux = Aux::Int(k);
                    }
                    Rewrite::Copy(x) => {
                        m.op = Op::Copy;
                        m.args = vec![x];
                        m.aux = Aux::None;
                    }
                    Rewrite::Op(op, args, aux) => {
                        m.op = op;
                        m.args = args;
                        m.aux = aux;
                    }
                }
                m.rule = Some(rule.name);
                changed = true;
                break;
            }
        }
        if !changed {
            return;
        }
    }
}
