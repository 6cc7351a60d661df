//! A function as gc's `-m=2` shows an inlinable one: `can inline f with cost 10 as:
//! func(int) int { return x * (x + 1) }`. gc prints its typed IR in a short form: the
//! function's type without parameter names (`method(T) func() int` for a method), then the
//! statements separated by `; `, with loops as `for loop`, switches as `switch statement`,
//! `var x T` as `var x T; x = <nil>` (the declaration and its zero assignment), `x++` as
//! `x += 1`, and expressions as `-m` spells them elsewhere (escape/exprfmt.rs).
//!
//! The driver calls `inline_text` for the functions inlining reports on, finding their
//! source by position (`find_func`).

use crate::syntax::ast::{AssignOp, Block, Decl, Expr, ExprKind, File, FuncDecl, Stmt, StmtKind};
use crate::types::check::Info;
use crate::types::ty::TypeTable;

use super::escape::exprfmt::{gc_expr, gc_sig, gc_type};

/// A function in the source: a declaration or a function literal.
pub enum FuncAt<'a> {
    Decl(&'a FuncDecl),
    Lit(&'a Expr, &'a Block),
}

/// The function whose `func` keyword is at `pos`.
pub fn find_func(files: &[File], pos: u32) -> Option<FuncAt<'_>> {
    for f in files {
        if pos < f.span.lo || pos > f.span.hi {
            continue;
        }
        for d in &f.decls {
            match d {
                Decl::Func(fd) if fd.span.lo == pos => return Some(FuncAt::Decl(fd)),
                Decl::Func(fd) if fd.span.lo < pos && pos < fd.span.hi => {
                    if let Some(found) = fd.body.as_ref().and_then(|b| in_block(b, pos)) {
                        return Some(found);
                    }
                }
                Decl::Var(specs) | Decl::Const(specs) => {
                    for e in specs.iter().flat_map(|s| s.values.iter()) {
                        if let Some(found) = in_expr(e, pos) {
                            return Some(found);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    None
}

fn in_block(b: &Block, pos: u32) -> Option<FuncAt<'_>> {
    b.stmts.iter().find_map(|s| in_stmt(s, pos))
}

fn in_opt_stmt(s: &Option<Box<Stmt>>, pos: u32) -> Option<FuncAt<'_>> {
    s.as_ref().and_then(|s| in_stmt(s, pos))
}

fn in_opt_expr(x: &Option<Box<Expr>>, pos: u32) -> Option<FuncAt<'_>> {
    x.as_ref().and_then(|x| in_expr(x, pos))
}

fn in_stmt(s: &Stmt, pos: u32) -> Option<FuncAt<'_>> {
    if pos < s.span.lo || pos > s.span.hi {
        return None;
    }
    let opt = |s| in_opt_stmt(s, pos);
    match &*s.kind {
        StmtKind::Decl(Decl::Var(specs)) | StmtKind::Decl(Decl::Const(specs)) => specs.iter().flat_map(|s| s.values.iter()).find_map(|e| in_expr(e, pos)),
        StmtKind::Labeled(_, s) => in_stmt(s, pos),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) | StmtKind::IncDec(e, _) => in_expr(e, pos),
        StmtKind::Send(a, b) => in_expr(a, pos).or_else(|| in_expr(b, pos)),
        StmtKind::Assign(l, _, r) => l.iter().chain(r.iter()).find_map(|e| in_expr(e, pos)),
        StmtKind::Return(es) => es.iter().find_map(|e| in_expr(e, pos)),
        StmtKind::Block(b) => in_block(b, pos),
        StmtKind::If { init, cond, then, els } => opt(init).or_else(|| in_expr(cond, pos)).or_else(|| in_block(then, pos)).or_else(|| opt(els)),
        StmtKind::Switch { init, tag, cases, .. } => opt(init)
            .or_else(|| tag.as_ref().and_then(|t| in_expr(t, pos)))
            .or_else(|| cases.iter().find_map(|c| c.exprs.iter().find_map(|e| in_expr(e, pos)).or_else(|| c.body.iter().find_map(|s| in_stmt(s, pos))))),
        StmtKind::TypeSwitch { init, x, cases, .. } => opt(init).or_else(|| in_expr(x, pos)).or_else(|| cases.iter().find_map(|c| c.body.iter().find_map(|s| in_stmt(s, pos)))),
        StmtKind::Select(cases) => cases.iter().find_map(|c| c.comm.as_ref().and_then(|s| in_stmt(s, pos)).or_else(|| c.body.iter().find_map(|s| in_stmt(s, pos)))),
        StmtKind::For { init, cond, post, body } => opt(init).or_else(|| cond.as_ref().and_then(|c| in_expr(c, pos))).or_else(|| opt(post)).or_else(|| in_block(body, pos)),
        StmtKind::Range { key, value, x, body, .. } => key
            .as_ref()
            .and_then(|k| in_expr(k, pos))
            .or_else(|| value.as_ref().and_then(|v| in_expr(v, pos)))
            .or_else(|| in_expr(x, pos))
            .or_else(|| in_block(body, pos)),
        _ => None,
    }
}

fn in_expr(e: &Expr, pos: u32) -> Option<FuncAt<'_>> {
    if pos < e.span.lo || pos > e.span.hi {
        return None;
    }
    let boxed = |x| in_opt_expr(x, pos);
    match &e.kind {
        ExprKind::FuncLit { body, .. } if e.span.lo == pos => Some(FuncAt::Lit(e, body)),
        ExprKind::FuncLit { body, .. } => in_block(body, pos),
        ExprKind::CompositeLit { elems, .. } => elems.iter().find_map(|k| k.key.as_ref().and_then(|x| in_expr(x, pos)).or_else(|| in_expr(&k.value, pos))),
        ExprKind::Paren(x) | ExprKind::Selector(x, _) | ExprKind::Unary(_, x) | ExprKind::TypeAssert(x, _) => in_expr(x, pos),
        ExprKind::Index(x, is) => in_expr(x, pos).or_else(|| is.iter().find_map(|i| in_expr(i, pos))),
        ExprKind::Slice { x, lo, hi, max } => in_expr(x, pos).or_else(|| boxed(lo)).or_else(|| boxed(hi)).or_else(|| boxed(max)),
        ExprKind::Call { fun, args, .. } => in_expr(fun, pos).or_else(|| args.iter().find_map(|a| in_expr(a, pos))),
        ExprKind::Binary(_, a, b) => in_expr(a, pos).or_else(|| in_expr(b, pos)),
        _ => None,
    }
}

/// `<type> { <statements> }` of a function, as gc's `-m=2` prints it after "as: ".
pub fn inline_text(at: &FuncAt, info: &Info, tt: &TypeTable) -> Option<String> {
    let (ty, body) = match at {
        FuncAt::Decl(fd) => {
            let fi = info.funcs.iter().find(|fi| info.objects[fi.obj as usize].pos == fd.name.span.lo)?;
            let sig = format!("func{}", gc_sig(tt, &fi.sig));
            let ty = match fi.recv {
                Some(r) => format!("method({}) {}", gc_type(tt, info.objects[r as usize].ty), sig),
                None => sig,
            };
            (ty, fd.body.as_ref()?)
        }
        FuncAt::Lit(e, body) => (gc_type(tt, *info.types.get(&e.id)?), *body),
    };
    Some(format!("{} {{ {} }}", ty, stmts(&body.stmts, info, tt)))
}

fn stmts(ss: &[Stmt], info: &Info, tt: &TypeTable) -> String {
    ss.iter().map(|s| stmt(s, info, tt)).filter(|s| !s.is_empty()).collect::<Vec<_>>().join("; ")
}

fn list(es: &[Expr], info: &Info, tt: &TypeTable) -> String {
    es.iter().map(|e| gc_expr(e, info, tt)).collect::<Vec<_>>().join(", ")
}

fn stmt(s: &Stmt, info: &Info, tt: &TypeTable) -> String {
    match &*s.kind {
        StmtKind::Empty => String::new(),
        StmtKind::Decl(Decl::Var(specs)) => {
            let mut out = vec![];
            for sp in specs {
                for (i, n) in sp.names.iter().enumerate() {
                    let t = info.defs.get(&n.span.lo).map(|o| gc_type(tt, info.objects[*o as usize].ty)).unwrap_or_default();
                    out.push(format!("var {} {}", n.name, t));
                    match sp.values.get(i) {
                        Some(v) if sp.values.len() == sp.names.len() => out.push(format!("{} = {}", n.name, gc_expr(v, info, tt))),
                        _ if sp.values.is_empty() => out.push(format!("{} = <nil>", n.name)),
                        _ => {}
                    }
                }
                if !sp.values.is_empty() && sp.values.len() != sp.names.len() {
                    let names: Vec<&str> = sp.names.iter().map(|n| n.name.as_str()).collect();
                    out.push(format!("{} = {}", names.join(", "), list(&sp.values, info, tt)));
                }
            }
            out.join("; ")
        }
        StmtKind::Decl(_) => String::new(),
        StmtKind::Labeled(l, s) => format!("{}: ; {}", l.name, stmt(s, info, tt)),
        StmtKind::Expr(e) => gc_expr(e, info, tt),
        StmtKind::Send(c, v) => format!("{} <- {}", gc_expr(c, info, tt), gc_expr(v, info, tt)),
        StmtKind::IncDec(x, inc) => format!("{} {}= 1", gc_expr(x, info, tt), if *inc { "+" } else { "-" }),
        StmtKind::Assign(l, op, r) => match op {
            AssignOp::Define => format!("{} := {}", list(l, info, tt), list(r, info, tt)),
            AssignOp::Assign => format!("{} = {}", list(l, info, tt), list(r, info, tt)),
            AssignOp::Op(b) => format!("{} {}= {}", list(l, info, tt), b.text(), list(r, info, tt)),
        },
        StmtKind::Go(e) => format!("go {}", gc_expr(e, info, tt)),
        StmtKind::Defer(e) => format!("defer {}", gc_expr(e, info, tt)),
        StmtKind::Return(es) => format!("return {}", list(es, info, tt)),
        StmtKind::Break(l) => l.as_ref().map_or("break".into(), |l| format!("break {}", l.name)),
        StmtKind::Continue(l) => l.as_ref().map_or("continue".into(), |l| format!("continue {}", l.name)),
        StmtKind::Goto(l) => format!("goto {}", l.name),
        StmtKind::Fallthrough => "fallthrough".into(),
        StmtKind::Block(b) => stmts(&b.stmts, info, tt),
        StmtKind::If { init, cond, then, els } => {
            let mut out = match init {
                Some(i) => format!("if {}; {} {{ {} }}", stmt(i, info, tt), gc_expr(cond, info, tt), stmts(&then.stmts, info, tt)),
                None => format!("if {} {{ {} }}", gc_expr(cond, info, tt), stmts(&then.stmts, info, tt)),
            };
            if let Some(e) = els {
                out.push_str(&format!(" else {{ {} }}", stmt(e, info, tt)));
            }
            out
        }
        StmtKind::Switch { .. } | StmtKind::TypeSwitch { .. } => "switch statement".into(),
        StmtKind::Select(_) => "select statement".into(),
        StmtKind::For { .. } | StmtKind::Range { .. } => "for loop".into(),
    }
}
