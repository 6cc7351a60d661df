//! Expressions as gc's `-m` messages spell them. gc prints its IR, not the source: so
//! composite literals are abbreviated to their type and `{...}` (`&T{...}`, `[]int{...}`, or
//! `T{}` when empty), parentheses are those that operator precedence needs, conversions to
//! types without a name are written `([]byte)(s)`, and a function literal is `func literal`.
//! The builder calls `gc_expr` when it records an allocation site for escape analysis.

use crate::syntax::ast::{BinOp, Expr, ExprKind, UnOp};
use crate::types::check::{Info, ObjKind, Selection};
use crate::types::ty::{Signature, TypeId, TypeKind, TypeTable};

/// A type as gc prints it: `struct { x int; y string }`, `interface {}`, `func(int) bool`.
pub fn gc_type(tt: &TypeTable, t: TypeId) -> String {
    match tt.kind(t) {
        TypeKind::Named(_) | TypeKind::Basic(_) | TypeKind::Chan(..) | TypeKind::TypeParam(_) | TypeKind::Constraint { .. } => tt.name(t),
        TypeKind::Pointer(e) => format!("*{}", gc_type(tt, *e)),
        TypeKind::Slice(e) => format!("[]{}", gc_type(tt, *e)),
        TypeKind::Array(n, e) => format!("[{}]{}", n, gc_type(tt, *e)),
        TypeKind::Map(k, v) => format!("map[{}]{}", gc_type(tt, *k), gc_type(tt, *v)),
        TypeKind::Struct(fs) if fs.is_empty() => "struct {}".into(),
        TypeKind::Struct(fs) => {
            let parts: Vec<String> = fs.iter().map(|f| if f.embedded { gc_type(tt, f.ty) } else { format!("{} {}", f.name, gc_type(tt, f.ty)) }).collect();
            format!("struct {{ {} }}", parts.join("; "))
        }
        TypeKind::Interface(ms) if ms.is_empty() => "interface {}".into(),
        TypeKind::Interface(ms) => {
            let parts: Vec<String> = ms
                .iter()
                .map(|m| match tt.kind(m.sig) {
                    TypeKind::Func(s) => format!("{}{}", m.name, gc_sig(tt, s)),
                    _ => m.name.clone(),
                })
                .collect();
            format!("interface {{ {} }}", parts.join("; "))
        }
        TypeKind::Func(s) => format!("func{}", gc_sig(tt, s)),
        TypeKind::Tuple(ts) => format!("({})", ts.iter().map(|t| gc_type(tt, *t)).collect::<Vec<_>>().join(", ")),
    }
}

/// A signature as gc prints it after `func`: `(int, string) (bool, error)`.
pub fn gc_sig(tt: &TypeTable, s: &Signature) -> String {
    let mut ps: Vec<String> = s.params.iter().map(|t| gc_type(tt, *t)).collect();
    if s.variadic {
        if let Some(last) = ps.last_mut() {
            *last = format!("...{}", last.trim_start_matches("[]"));
        }
    }
    let mut out = format!("({})", ps.join(", "));
    match s.results.len() {
        0 => {}
        1 => out.push_str(&format!(" {}", gc_type(tt, s.results[0]))),
        _ => out.push_str(&format!(" ({})", s.results.iter().map(|t| gc_type(tt, *t)).collect::<Vec<_>>().join(", "))),
    }
    out
}

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
            Some(&t) => gc_type(tt, t),
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
                _ => info.types.get(&e.id).map(|&t| gc_type(tt, t)).unwrap_or_default(),
            };
            out.push_str(&t);
            out.push_str(if elems.is_empty() { "{}" } else { "{...}" });
        }
        ExprKind::FuncLit { .. } => out.push_str("func literal"),
        ExprKind::Paren(x) => fmt(x, info, tt, need, out),
        ExprKind::Selector(x, s) => {
            fmt(x, info, tt, 8, out);
            // gc spells out the embedded fields a promoted field is reached through.
            if let Some(Selection::Field { path, .. }) = info.selections.get(&e.id) {
                if path.len() > 1 {
                    if let Some(&xt) = info.types.get(&strip(x).id) {
                        let mut t = xt;
                        for &i in &path[..path.len() - 1] {
                            if let TypeKind::Pointer(b) = tt.under_kind(t) {
                                t = *b;
                            }
                            let TypeKind::Struct(fs) = tt.under_kind(t) else { break };
                            let Some(f) = fs.get(i) else { break };
                            out.push('.');
                            out.push_str(&f.name);
                            t = f.ty;
                        }
                    }
                }
            }
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
            // gc writes a method call as a call of the method expression: T.M(x, args),
            // (*T).M(&x, args).
            if let ExprKind::Selector(x, m) = &strip(fun).kind {
                if let Some(Selection::Method { ptr_recv, path, .. }) = info.selections.get(&strip(fun).id) {
                    if path.is_empty() {
                        if let Some(&xt) = info.types.get(&strip(x).id) {
                            let base = match tt.kind(xt) {
                                TypeKind::Pointer(b) => *b,
                                _ => xt,
                            };
                            let tn = gc_type(tt, base);
                            out.push_str(&if *ptr_recv { format!("(*{}).{}(", tn, m.name) } else { format!("{}.{}(", tn, m.name) });
                            // (The implicit & or * of the receiver is not printed.)
                            fmt(x, info, tt, 8, out);
                            if !args.is_empty() {
                                out.push_str(", ");
                                list(args, info, tt, out);
                            }
                            out.push(')');
                            return;
                        }
                    }
                }
            }
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

/// The position gc gives an expression's node, where its messages point: the operator of a
/// binary expression, the '.' of a selector, the '(' of a call or conversion, the '[' of an
/// index or slice expression, the start of anything else. (golift's tree keeps spans, not
/// operator positions; gofmt's spacing puts the operator in the middle of the gap between
/// the operands.)
pub fn gc_pos(e: &Expr) -> u32 {
    match &e.kind {
        ExprKind::Paren(x) => gc_pos(x),
        ExprKind::Selector(_, id) => id.span.lo.saturating_sub(1),
        ExprKind::Call { fun, .. } => fun.span.hi,
        ExprKind::Index(x, _) | ExprKind::Slice { x, .. } => x.span.hi,
        // A composite literal is at its '{'.
        ExprKind::CompositeLit { ty: Some(t), .. } => t.span.hi,
        ExprKind::Binary(op, l, r) => {
            let gap = r.span.lo.saturating_sub(l.span.hi);
            let len = op.text().len() as u32;
            l.span.hi + gap.saturating_sub(len) / 2
        }
        _ => e.span.lo,
    }
}
