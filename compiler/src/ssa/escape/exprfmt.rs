//! Expressions as gc's `-m` messages spell them. gc prints its IR, not the source: so
//! composite literals are abbreviated to their type and `{...}` (`&T{...}`, `[]int{...}`, or
//! `T{}` when empty), parentheses are those that operator precedence needs, conversions to
//! types without a name are written `([]byte)(s)`, and a function literal is `func literal`.
//! The builder calls `gc_expr` when it records an allocation site for escape analysis.

use crate::syntax::ast::{BinOp, Expr, ExprKind, UnOp};
use crate::types::check::{Info, ObjKind};
use crate::types::ty::TypeTable;

/// The text of `e` in gc's messages.
pub fn gc_expr(e: &Expr, info: &Info, tt: &TypeTable) -> String {
    let mut s = String::new();
    fmt(e, info, tt, 0, &mut s);
    s
}

/// gc's precedence of an expression (larger binds tighter).
fn prec(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::Paren(x) => prec(x),
        ExprKind::Unary(..) => 7,
        ExprKind::Binary(op, ..) => bin_prec(*op),
        _ => 8,
    }
}

fn bin_prec(op: BinOp) -> u8 {
    use BinOp::*;
    match op {
        Mul | Quo | Rem | Shl | Shr | And | AndNot => 6,
        Add | Sub | Or | Xor => 5,
        Eql | Neq | Lss | Leq | Gtr | Geq => 4,
        LAnd => 3,
        LOr => 2,
    }
}

/// Whether `f` (a call's function) names a type, making the call a conversion.
fn is_type(f: &Expr, info: &Info) -> bool {
    let f = strip(f);
    info.type_exprs.contains(&f.id)
        || matches!(f.kind, ExprKind::ArrayType { .. } | ExprKind::SliceType(_) | ExprKind::MapType(..) | ExprKind::FuncType(_) | ExprKind::StructType(_) | ExprKind::InterfaceType(_) | ExprKind::ChanType(..))
}

fn strip(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip(x),
        _ => e,
    }
}

/// A type expression as gc prints the type: the checker's type if it has one, else the source.
fn type_text(e: &Expr, info: &Info, tt: &TypeTable) -> String {
    let e = strip(e);
    match &e.kind {
        ExprKind::Ident(n) => n.clone(),
        ExprKind::Selector(x, sel) => format!("{}.{}", type_text(x, info, tt), sel.name),
        ExprKind::Unary(UnOp::Deref, x) => format!("*{}", type_text(x, info, tt)),
        ExprKind::SliceType(x) => format!("[]{}", type_text(x, info, tt)),
        ExprKind::MapType(k, v) => format!("map[{}]{}", type_text(k, info, tt), type_text(v, info, tt)),
        _ => match info.types.get(&e.id) {
            Some(&t) => tt.name(t),
            None => crate::syntax::dump::expr_string(e),
        },
    }
}

fn list(es: &[Expr], info: &Info, tt: &TypeTable, out: &mut String) {
    for (i, a) in es.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        fmt(a, info, tt, 0, out);
    }
}

fn fmt(e: &Expr, info: &Info, tt: &TypeTable, need: u8, out: &mut String) {
    let e = strip(e);
    if prec(e) < need {
        out.push('(');
        fmt(e, info, tt, 0, out);
        out.push(')');
        return;
    }
    match &e.kind {
        ExprKind::Bad => out.push('_'),
        ExprKind::Ident(n) => out.push_str(n),
        ExprKind::BasicLit(_, s) => out.push_str(s),
        ExprKind::CompositeLit { ty, elems, .. } => {
            let t = match ty {
                Some(t) if !matches!(t.kind, ExprKind::ArrayType { len: None, .. }) => type_text(t, info, tt),
                _ => info.types.get(&e.id).map(|&t| tt.name(t)).unwrap_or_default(),
            };
            out.push_str(&t);
            out.push_str(if elems.is_empty() { "{}" } else { "{...}" });
        }
        ExprKind::FuncLit { .. } => out.push_str("func literal"),
        ExprKind::Paren(x) => fmt(x, info, tt, need, out),
        ExprKind::Selector(x, s) => {
            fmt(x, info, tt, 8, out);
            out.push('.');
            out.push_str(&s.name);
        }
        ExprKind::Index(x, i) => {
            fmt(x, info, tt, 8, out);
            out.push('[');
            list(i, info, tt, out);
            out.push(']');
        }
        ExprKind::Slice { x, lo, hi, max } => {
            fmt(x, info, tt, 8, out);
            out.push('[');
            if let Some(l) = lo {
                fmt(l, info, tt, 0, out);
            }
            out.push(':');
            if let Some(h) = hi {
                fmt(h, info, tt, 0, out);
            }
            if let Some(m) = max {
                out.push(':');
                fmt(m, info, tt, 0, out);
            }
            out.push(']');
        }
        ExprKind::TypeAssert(x, t) => {
            fmt(x, info, tt, 8, out);
            out.push_str(".(");
            match t {
                Some(t) => out.push_str(&type_text(t, info, tt)),
                None => out.push_str("type"),
            }
            out.push(')');
        }
        ExprKind::Call { fun, args, ellipsis } => {
            if is_type(fun, info) {
                // A conversion: gc parenthesises types without a name.
                let t = type_text(fun, info, tt);
                let named = matches!(strip(fun).kind, ExprKind::Ident(_) | ExprKind::Selector(..));
                if named {
                    out.push_str(&t);
                } else {
                    out.push('(');
                    out.push_str(&t);
                    out.push(')');
                }
                out.push('(');
                list(args, info, tt, out);
                out.push(')');
                return;
            }
            let builtin = match &strip(fun).kind {
                ExprKind::Ident(_) => info.uses.get(&strip(fun).id).map(|&o| matches!(info.objects[o as usize].kind, ObjKind::Builtin(_))).unwrap_or(false),
                _ => false,
            };
            fmt(fun, info, tt, 8, out);
            out.push('(');
            if builtin && !args.is_empty() && info.type_exprs.contains(&strip(&args[0]).id) {
                // new(T), make(T, n): the first argument is a type.
                out.push_str(&type_text(&args[0], info, tt));
                if args.len() > 1 {
                    out.push_str(", ");
                    list(&args[1..], info, tt, out);
                }
            } else {
                list(args, info, tt, out);
            }
            if *ellipsis {
                out.push_str("...");
            }
            out.push(')');
        }
        ExprKind::Unary(op, x) => {
            out.push_str(op.text());
            fmt(x, info, tt, 8, out);
        }
        ExprKind::Binary(op, l, r) => {
            let p = bin_prec(*op);
            fmt(l, info, tt, p, out);
            out.push(' ');
            out.push_str(op.text());
            out.push(' ');
            fmt(r, info, tt, p + 1, out);
        }
        _ => out.push_str(&type_text(e, info, tt)),
    }
}
