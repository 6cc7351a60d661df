//! Expressions as gc's `-m` messages spell them. gc prints its IR, not the source: so
//! composite literals are abbreviated to their type and `{...}` (`&T{...}`, `[]int{...}`, or
//! `T{}` when empty), parentheses are those that operator precedence needs, conversions to
//! types without a name are written `([]byte)(s)`, and a function literal is `func literal`.
//! The builder calls `gc_expr` when it records an allocation site for escape analysis.

use crate::syntax::ast::{BinOp, Expr, ExprId, ExprKind, UnOp};
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

thread_local! {
    /// While printing for `gc_expr_outside`: the package whose names get qualified.
    static QUALIFY: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// Whether `fmt` marks the calls it prints (see `gc_expr_marked`).
    static MARK_CALLS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The call being printed inside its own mark.
    static SKIP_MARK: std::cell::Cell<Option<ExprId>> = const { std::cell::Cell::new(None) };
}

/// The text of `e` with every function call in it marked, for an allocation's message:
/// gc prints a call that it inlined as the variable that holds its result, `~R0` (in
/// parentheses where an operator binds it), and which calls are inlined is known only
/// after the builder. `inlined_calls` resolves the marks. A mark is
/// `\x01<call's '(' position>\x02<the inlined text>\x02<the call's text>\x03`.
pub fn gc_expr_marked(e: &Expr, info: &Info, tt: &TypeTable) -> String {
    MARK_CALLS.with(|m| m.set(true));
    let s = gc_expr(e, info, tt);
    MARK_CALLS.with(|m| m.set(false));
    s
}

/// The text of `e`, written in package `pkg`, as gc prints it once inlined into another
/// package: the package's own names qualified with its name (`sort.x`, `bufio.s.token`,
/// `sort.IntSlice(sort.x)`), and, for the boxing of `e` into interface type `iface`, the
/// conversion written out (`sort.Interface(...)`, `(interface {})(string("..."))` for an
/// untyped string constant). Calls are marked as by `gc_expr_marked`.
pub fn gc_expr_outside(e: &Expr, info: &Info, tt: &TypeTable, pkg: &str, iface: Option<TypeId>) -> String {
    QUALIFY.with(|q| *q.borrow_mut() = Some(pkg.to_string()));
    let inner = gc_expr_marked(e, info, tt);
    let out = match iface {
        Some(t) => {
            let name = match tt.kind(t) {
                TypeKind::Named(_) => qualified_type(tt, t, pkg),
                _ => format!("({})", gc_type(tt, t)),
            };
            format!("{}({})", name, inner)
        }
        None => inner,
    };
    QUALIFY.with(|q| *q.borrow_mut() = None);
    out
}

/// A named type's name as gc prints it from outside its package: `pkg.T` for a type of
/// package `pkg` printed without its package (golift's names of the shipped packages' types
/// seen from inside them).
fn qualified_type(tt: &TypeTable, t: TypeId, pkg: &str) -> String {
    let n = tt.name(t);
    if n.contains('.') { n } else { format!("{}.{}", pkg, n) }
}

/// `name` with the package qualifier of `gc_expr_outside`, if the object `o` (used or
/// declared at the name) is the package's own (not the universe's, not an imported
/// package's name).
fn qualified(name: &str, o: Option<u32>, info: &Info) -> String {
    let Some(pkg) = QUALIFY.with(|q| q.borrow().clone()) else { return name.to_string() };
    match o.map(|o| &info.objects[o as usize]) {
        Some(ob) if ob.pkg != usize::MAX && !matches!(ob.kind, ObjKind::Package(_) | ObjKind::Builtin(_) | ObjKind::Nil) => format!("{}.{}", pkg, name),
        _ => name.to_string(),
    }
}

/// Resolves the marks of `gc_expr_marked`: a call whose '(' is in `inlined` reads as its
/// result variable, the others as themselves.
pub fn inlined_calls(text: &str, inlined: &crate::HashSet<u32>) -> String {
    if !text.contains('\x01') {
        return text.to_string();
    }
    fn walk(t: &[char], i: &mut usize, inlined: &crate::HashSet<u32>, out: &mut String) {
        while *i < t.len() {
            match t[*i] {
                '\x01' => {
                    *i += 1;
                    let mut pos = 0u32;
                    while t[*i] != '\x02' {
                        pos = pos * 10 + t[*i].to_digit(10).unwrap_or(0);
                        *i += 1;
                    }
                    *i += 1;
                    let mut alt = String::new();
                    while t[*i] != '\x02' {
                        alt.push(t[*i]);
                        *i += 1;
                    }
                    *i += 1;
                    let mut orig = String::new();
                    walk(t, i, inlined, &mut orig);
                    out.push_str(if inlined.contains(&pos) { &alt } else { &orig });
                }
                '\x03' => {
                    *i += 1;
                    return;
                }
                c => {
                    out.push(c);
                    *i += 1;
                }
            }
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    walk(&chars, &mut i, inlined, &mut out);
    out
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

/// Whether `f` (a call's function) is a builtin (len, append, new, ...).
fn is_builtin(f: &Expr, info: &Info) -> bool {
    match &strip(f).kind {
        ExprKind::Ident(_) => info.uses.get(&strip(f).id).map(|&o| matches!(info.objects[o as usize].kind, ObjKind::Builtin(_))).unwrap_or(false),
        _ => false,
    }
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
        ExprKind::Ident(n) => qualified(n, info.uses.get(&e.id).copied(), info),
        ExprKind::Selector(x, sel) => format!("{}.{}", type_text(x, info, tt), sel.name),
        ExprKind::Unary(UnOp::Deref, x) => format!("*{}", type_text(x, info, tt)),
        ExprKind::SliceType(x) => format!("[]{}", type_text(x, info, tt)),
        ExprKind::MapType(k, v) => format!("map[{}]{}", type_text(k, info, tt), type_text(v, info, tt)),
        // As written: gc keeps `byte` and `rune` where the source has them.
        ExprKind::FuncType(ft) => {
            let fields = |fs: &[crate::syntax::ast::Field]| -> Vec<String> { fs.iter().flat_map(|f| std::iter::repeat(type_text(&f.ty, info, tt)).take(f.names.len().max(1))).collect() };
            let mut out = format!("func({})", fields(&ft.params).join(", "));
            let rs = fields(&ft.results);
            match rs.len() {
                0 => {}
                1 => out.push_str(&format!(" {}", rs[0])),
                _ => out.push_str(&format!(" ({})", rs.join(", "))),
            }
            out
        }
        ExprKind::Ellipsis(x) => format!("...{}", type_text(x, info, tt)),
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
        ExprKind::Ident(n) => out.push_str(&qualified(n, info.uses.get(&e.id).copied(), info)),
        ExprKind::BasicLit(_, s) => match (QUALIFY.with(|q| q.borrow().is_some()), info.types.get(&e.id)) {
            // From another package, gc's export data gives a constant its type: int(0).
            (true, Some(&t)) => {
                let t = if tt.is_untyped(t) { tt.default_type(t) } else { t };
                let name = gc_type(tt, t);
                if matches!(tt.kind(t), TypeKind::Named(_)) || name.contains(' ') {
                    out.push_str(s);
                } else {
                    out.push_str(&format!("{}({})", name, s));
                }
            }
            _ => out.push_str(s),
        },
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
            if !is_type(fun, info) && !is_builtin(fun, info) && MARK_CALLS.with(|m| m.get()) && SKIP_MARK.with(|m| m.get()) != Some(e.id) {
                // gc's inlined call prints as its result, in parentheses under any operator;
                // the call's own text marks the calls in its arguments.
                out.push_str(&format!("\x01{}\x02{}\x02", strip(fun).span.hi, if need > 0 { "(~R0)" } else { "~R0" }));
                SKIP_MARK.with(|m| m.set(Some(e.id)));
                fmt(e, info, tt, need, out);
                out.push('\x03');
                return;
            }
            SKIP_MARK.with(|m| m.set(None));
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
            let builtin = is_builtin(fun, info);
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
            // A concatenation of strings is one node for gc, which prints its operands with
            // no precedence of its own.
            let concat = *op == BinOp::Add && info.types.get(&e.id).map_or(false, |&t| tt.is_string(t));
            let p = bin_prec(*op);
            let (pl, pr) = if concat { (0, 0) } else { (p, p + 1) };
            fmt(l, info, tt, pl, out);
            out.push(' ');
            out.push_str(op.text());
            out.push(' ');
            fmt(r, info, tt, pr, out);
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
