//! gc's self-assignment rule: an assignment like `p.x = p.y`, `p.a[i] = p.a[j]` or
//! `b.buf = b.buf[n:m]` stores into p nothing that p did not already hold, so escape
//! analysis ignores it (and `-m` says so: `f ignoring self-assignment in p.x = p.y`).
//! Without the rule, the store through p would send p.y's pointers to the heap. The
//! builder asks `is_self_assign` for each target of an assignment and records the stores
//! it makes for those in `Notes::ignored`.

use crate::syntax::ast::{BinOp, Expr, ExprKind, UnOp};
use crate::types::check::{Info, Selection};
use crate::types::expr::strip_parens;
use crate::types::ty::{TypeKind, TypeTable};

use super::exprfmt::gc_expr;

/// Whether `dst = src` is a self-assignment for escape analysis (gc's isSelfAssign).
pub fn is_self_assign(info: &Info, tt: &TypeTable, dst: &Expr, src: &Expr) -> bool {
    let (dst, src) = (strip_parens(dst), strip_parens(src));
    if is_slice_self_assign(info, tt, dst, src) {
        return true;
    }
    match (&dst.kind, &src.kind) {
        (ExprKind::Selector(dx, _), ExprKind::Selector(sx, _)) => is_field(info, dst) && is_field(info, src) && same_safe(info, dx, sx),
        (ExprKind::Index(dx, di), ExprKind::Index(sx, si)) => {
            is_array_or_slice(info, tt, dx) && is_array_or_slice(info, tt, sx) && !affects_memory(info, &di[0]) && !affects_memory(info, &si[0]) && same_safe(info, dx, sx)
        }
        _ => false,
    }
}

/// `*x = (...)[...]` or `x.f = (...)[...]` with the slice taken of x's own memory.
fn is_slice_self_assign(info: &Info, tt: &TypeTable, dst: &Expr, src: &Expr) -> bool {
    let dst_x = match &dst.kind {
        ExprKind::Unary(UnOp::Deref, x) => strip_parens(x),
        ExprKind::Selector(x, _) if is_field(info, dst) && is_pointer(info, tt, x) => strip_parens(x),
        _ => return false,
    };
    if !matches!(dst_x.kind, ExprKind::Ident(_)) {
        return false;
    }
    let ExprKind::Slice { x, .. } = &src.kind else { return false };
    let x = strip_parens(x);
    // Slicing an array value takes its address: not allowed.
    if is_array_value(info, tt, x) {
        return false;
    }
    let base = match &x.kind {
        ExprKind::Unary(UnOp::Deref, b) => strip_parens(b),
        ExprKind::Selector(b, _) if is_field(info, x) && is_pointer(info, tt, b) => strip_parens(b),
        _ => return false,
    };
    same_name(info, dst_x, base)
}

fn is_field(info: &Info, e: &Expr) -> bool {
    matches!(info.selections.get(&e.id), Some(Selection::Field { .. }))
}

fn is_pointer(info: &Info, tt: &TypeTable, e: &Expr) -> bool {
    info.types.get(&strip_parens(e).id).map_or(false, |&t| matches!(tt.under_kind(t), TypeKind::Pointer(_)))
}

fn is_array_value(info: &Info, tt: &TypeTable, e: &Expr) -> bool {
    info.types.get(&e.id).map_or(false, |&t| matches!(tt.under_kind(t), TypeKind::Array(..)))
}

fn is_array_or_slice(info: &Info, tt: &TypeTable, e: &Expr) -> bool {
    info.types.get(&strip_parens(e).id).map_or(false, |&t| match tt.under_kind(t) {
        TypeKind::Array(..) | TypeKind::Slice(_) => true,
        TypeKind::Pointer(p) => matches!(tt.under_kind(*p), TypeKind::Array(..)),
        _ => false,
    })
}

fn same_name(info: &Info, a: &Expr, b: &Expr) -> bool {
    match (info.uses.get(&a.id), info.uses.get(&b.id)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// gc's SameSafeExpr: the two expressions denote the same memory, without side effects.
fn same_safe(info: &Info, a: &Expr, b: &Expr) -> bool {
    let (a, b) = (strip_parens(a), strip_parens(b));
    if let (Some(x), Some(y)) = (info.consts.get(&a.id), info.consts.get(&b.id)) {
        return x.to_i64().is_some() && x.to_i64() == y.to_i64();
    }
    match (&a.kind, &b.kind) {
        (ExprKind::Ident(_), ExprKind::Ident(_)) => same_name(info, a, b),
        (ExprKind::Selector(x, f), ExprKind::Selector(y, g)) => f.name == g.name && is_field(info, a) && is_field(info, b) && same_safe(info, x, y),
        (ExprKind::Unary(o1, x), ExprKind::Unary(o2, y)) if o1 == o2 && matches!(o1, UnOp::Deref | UnOp::Not | UnOp::Xor | UnOp::Pos | UnOp::Neg) => same_safe(info, x, y),
        (ExprKind::Index(x, i), ExprKind::Index(y, j)) => same_safe(info, x, y) && same_safe(info, &i[0], &j[0]),
        _ => false,
    }
}

/// gc's mayAffectMemory: whether evaluating an index expression may change memory.
fn affects_memory(info: &Info, e: &Expr) -> bool {
    let e = strip_parens(e);
    if info.consts.contains_key(&e.id) {
        return false;
    }
    match &e.kind {
        ExprKind::Ident(_) | ExprKind::BasicLit(..) => false,
        ExprKind::Binary(op, l, r) if !matches!(op, BinOp::LAnd | BinOp::LOr) && !op.is_comparison() => affects_memory(info, l) || affects_memory(info, r),
        ExprKind::Index(x, i) => affects_memory(info, x) || affects_memory(info, &i[0]),
        ExprKind::Unary(UnOp::Not | UnOp::Xor | UnOp::Pos | UnOp::Neg, x) => affects_memory(info, x),
        _ => true,
    }
}

/// The assignment as gc prints it: `a.x = a.y`, `a, b = c, d`.
pub fn assign_text(info: &Info, tt: &TypeTable, lhs: &[Expr], rhs: &[Expr]) -> String {
    let l: Vec<String> = lhs.iter().map(|e| gc_expr(e, info, tt)).collect();
    let r: Vec<String> = rhs.iter().map(|e| gc_expr(e, info, tt)).collect();
    format!("{} = {}", l.join(", "), r.join(", "))
}
