//! The parser: tokens to AST, driven by the LALRPOP grammar in `go.lalrpop`.
//!
//! `Ctx` is the grammar's context: it numbers expressions, builds nodes whose construction is
//! more than a constructor call (parameter grouping, const groups, statement headers), and
//! collects the errors that are found while building (gc reports them as syntax errors).

use std::cell::{Cell, RefCell};

use super::ast::*;
use super::lexer::{LexError, Lexer};
use super::token::Tok;
use crate::source::{Diagnostics, Span};

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, unused_parens, dead_code, unused_imports)]
    grammar,
    "/syntax/go.rs"
);

pub struct Ctx {
    next_id: Cell<u32>,
    errors: RefCell<Vec<(u32, String)>>,
}

pub enum ParamEntry {
    Type(Expr),
    Named(Ident, Expr),
}

/// The header of `if` and `switch`, boxed to keep the parser's stack entries small.
pub struct Header {
    pub init: Option<Box<Stmt>>,
    pub tag: Option<Box<Stmt>>,
}

impl Ctx {
    pub fn new(first_id: u32) -> Ctx {
        Ctx { next_id: Cell::new(first_id), errors: RefCell::new(vec![]) }
    }

    pub fn next_id(&self) -> u32 {
        self.next_id.get()
    }

    fn error(&self, pos: u32, msg: impl Into<String>) {
        self.errors.borrow_mut().push((pos, msg.into()));
    }

    pub fn expr(&self, lo: usize, hi: usize, kind: ExprKind) -> Expr {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        Expr { id, span: Span::new(lo, hi), kind }
    }

    pub fn ident_expr(&self, i: Ident) -> Expr {
        let (lo, hi) = (i.span.lo as usize, i.span.hi as usize);
        self.expr(lo, hi, ExprKind::Ident(i.name))
    }

    /// A generic instance `T[args]` in a type position.
    pub fn instance(&self, x: Expr, args: (Vec<Expr>, usize)) -> Expr {
        let (a, hi) = args;
        let lo = x.span.lo as usize;
        self.expr(lo, hi, ExprKind::Index(Box::new(x), a))
    }

    pub fn binary(&self, lo: usize, hi: usize, op: BinOp, l: Expr, r: Expr) -> Expr {
        self.expr(lo, hi, ExprKind::Binary(op, Box::new(l), Box::new(r)))
    }

    pub fn stmt(&self, lo: usize, hi: usize, kind: StmtKind) -> Stmt {
        Stmt { span: Span::new(lo, hi), pos: lo as u32, kind: Box::new(kind) }
    }

    /// An assignment, positioned at its operator.
    pub fn assign(&self, lo: usize, op_pos: usize, hi: usize, l: Vec<Expr>, op: AssignOp, r: Vec<Expr>) -> Stmt {
        Stmt { span: Span::new(lo, hi), pos: op_pos as u32, kind: Box::new(StmtKind::Assign(l, op, r)) }
    }

    pub fn complit(&self, lo: usize, ty: Option<Expr>, v: (Vec<KeyedElement>, Span)) -> Expr {
        let (elems, rbrace) = v;
        self.expr(lo, rbrace.hi as usize, ExprKind::CompositeLit { ty: ty.map(Box::new), elems, rbrace })
    }

    /// Groups parameter entries: `a, b int, c string` arrives as `a`, `b int`, `c string`.
    pub fn params(&self, entries: Vec<ParamEntry>) -> Vec<Field> {
        let named = entries.iter().any(|e| matches!(e, ParamEntry::Named(..)));
        let mut out = vec![];
        if !named {
            for e in entries {
                if let ParamEntry::Type(t) = e {
                    let span = t.span;
                    out.push(Field { names: vec![], ty: t, tag: None, span });
                }
            }
            return out;
        }
        let mut pending: Vec<Ident> = vec![];
        for e in entries {
            match e {
                ParamEntry::Type(t) => match t.kind {
                    ExprKind::Ident(name) => pending.push(Ident { name, span: t.span }),
                    _ => self.error(t.span.lo, "syntax error: mixed named and unnamed parameters"),
                },
                ParamEntry::Named(n, t) => {
                    let lo = pending.first().map(|p| p.span).unwrap_or(n.span);
                    let span = lo.to(t.span);
                    pending.push(n);
                    out.push(Field { names: std::mem::take(&mut pending), ty: t, tag: None, span });
                }
            }
        }
        if let Some(p) = pending.first() {
            self.error(p.span.lo, "syntax error: mixed named and unnamed parameters");
        }
        out
    }

    /// An embedded generic field `G[T]`, which the grammar reads as a name list and brackets.
    pub fn embedded_instance(&self, mut names: Vec<Ident>, args: Vec<Expr>, hi: usize) -> Expr {
        if names.len() != 1 {
            self.error(names[0].span.lo, "syntax error: unexpected [ in struct type; possibly missing type");
        }
        let n = names.swap_remove(0);
        let lo = n.span.lo as usize;
        let x = self.ident_expr(n);
        self.expr(lo, hi, ExprKind::Index(Box::new(x), args))
    }

    pub fn receiver(&self, recv: (Vec<Field>, Span)) -> Option<Field> {
        let (mut fields, span) = recv;
        if fields.len() != 1 || fields[0].names.len() > 1 {
            let msg = if fields.is_empty() { "method has no receiver" } else { "method has multiple receivers" };
            self.error(span.lo, msg);
            return None;
        }
        fields.pop()
    }

    /// Numbers the specs of a const group and fills in the implicit repetitions.
    pub fn const_group(&self, mut specs: Vec<ValueSpec>) -> Vec<ValueSpec> {
        let mut last: Option<(Option<Expr>, Vec<Expr>)> = None;
        for (i, s) in specs.iter_mut().enumerate() {
            s.iota = i as u32;
            if s.implicit {
                match &last {
                    Some((ty, values)) => {
                        s.ty = ty.as_ref().map(|t| self.reid(t));
                        s.values = values.iter().map(|v| self.reid(v)).collect();
                    }
                    None => self.error(s.span.lo, "missing init expr for const declaration"),
                }
            } else {
                last = Some((s.ty.clone(), s.values.clone()));
            }
        }
        specs
    }

    /// A copy of an expression with fresh ids (for a const spec that repeats the previous one).
    fn reid(&self, e: &Expr) -> Expr {
        let mut e = e.clone();
        walk_expr_mut(&mut e, &mut |x| {
            let id = self.next_id.get();
            self.next_id.set(id + 1);
            x.id = id;
        });
        e
    }

    fn header_expr(&self, s: Stmt) -> Option<Expr> {
        match *s.kind {
            StmtKind::Expr(x) => Some(x),
            _ => {
                self.error(s.span.lo, format!("syntax error: cannot use {} as value", describe_stmt(&s.kind)));
                None
            }
        }
    }

    pub fn if_stmt(&self, lo: usize, hi: usize, h: Header, then: Block, els: Option<Stmt>) -> Stmt {
        let cond = match h.tag {
            Some(s) => self.header_expr(*s),
            None => {
                self.error(lo as u32, "missing condition in if statement");
                None
            }
        };
        let cond = cond.unwrap_or_else(|| self.expr(lo, lo, ExprKind::Bad));
        self.stmt(lo, hi, StmtKind::If { init: h.init, cond, then, els: els.map(Box::new) })
    }

    pub fn switch(&self, lo: usize, hi: usize, h: Header, cases: Vec<CaseClause>, rbrace: Span) -> Stmt {
        let init = h.init;
        let Some(tag) = h.tag.map(|t| *t) else {
            return self.stmt(lo, hi, StmtKind::Switch { init, tag: None, cases, rbrace });
        };
        match *tag.kind {
            StmtKind::Expr(Expr { kind: ExprKind::TypeAssert(x, None), .. }) => {
                self.stmt(lo, hi, StmtKind::TypeSwitch { init, bind: None, x: *x, cases })
            }
            StmtKind::Assign(mut l, AssignOp::Define, mut r)
                if r.len() == 1 && matches!(r[0].kind, ExprKind::TypeAssert(_, None)) =>
            {
                let bind = match l.pop() {
                    Some(Expr { kind: ExprKind::Ident(name), span, .. }) if l.is_empty() => Some(Ident { name, span }),
                    _ => {
                        self.error(tag.span.lo, "syntax error: invalid variable name in type switch");
                        None
                    }
                };
                let x = match r.pop().unwrap().kind {
                    ExprKind::TypeAssert(x, None) => *x,
                    _ => unreachable!(),
                };
                self.stmt(lo, hi, StmtKind::TypeSwitch { init, bind, x, cases })
            }
            _ => {
                let tag = self.header_expr(tag);
                self.stmt(lo, hi, StmtKind::Switch { init, tag, cases, rbrace })
            }
        }
    }

    pub fn range(&self, lo: usize, hi: usize, l: Vec<Expr>, define: bool, x: Expr, body: Block) -> Stmt {
        if l.len() > 2 {
            self.error(l[2].span.lo, "range clause permits at most two iteration variables");
        }
        let mut it = l.into_iter();
        let key = it.next().map(Box::new);
        let value = it.next().map(Box::new);
        self.stmt(lo, hi, StmtKind::Range { key, value, define, x: Box::new(x), body })
    }
}

fn describe_stmt(s: &StmtKind) -> &'static str {
    match s {
        StmtKind::Assign(_, AssignOp::Define, _) => "short variable declaration",
        StmtKind::Assign(..) => "assignment",
        StmtKind::IncDec(..) => "increment statement",
        StmtKind::Send(..) => "send statement",
        _ => "statement",
    }
}

/// Calls `f` on `e` and every expression nested in it (not into function literal bodies).
pub fn walk_expr_mut(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    f(e);
    let fields = |fs: &mut Vec<Field>, f: &mut dyn FnMut(&mut Expr)| {
        for fl in fs {
            walk_expr_mut(&mut fl.ty, f);
        }
    };
    match &mut e.kind {
        ExprKind::Bad | ExprKind::Ident(_) | ExprKind::BasicLit(..) => {}
        ExprKind::CompositeLit { ty, elems, .. } => {
            if let Some(t) = ty {
                walk_expr_mut(t, f);
            }
            for el in elems {
                if let Some(k) = &mut el.key {
                    walk_expr_mut(k, f);
                }
                walk_expr_mut(&mut el.value, f);
            }
        }
        ExprKind::FuncLit { ty, .. } | ExprKind::FuncType(ty) => {
            fields(&mut ty.params, f);
            fields(&mut ty.results, f);
        }
        ExprKind::Paren(x) | ExprKind::Selector(x, _) | ExprKind::Unary(_, x) | ExprKind::SliceType(x)
        | ExprKind::ChanType(_, x) | ExprKind::Ellipsis(x) => walk_expr_mut(x, f),
        ExprKind::Index(x, l) => {
            walk_expr_mut(x, f);
            l.iter_mut().for_each(|y| walk_expr_mut(y, f));
        }
        ExprKind::Slice { x, lo, hi, max } => {
            walk_expr_mut(x, f);
            for y in [lo, hi, max].into_iter().flatten() {
                walk_expr_mut(y, f);
            }
        }
        ExprKind::TypeAssert(x, t) => {
            walk_expr_mut(x, f);
            if let Some(t) = t {
                walk_expr_mut(t, f);
            }
        }
        ExprKind::Call { fun, args, .. } => {
            walk_expr_mut(fun, f);
            args.iter_mut().for_each(|y| walk_expr_mut(y, f));
        }
        ExprKind::Binary(_, l, r) | ExprKind::MapType(l, r) => {
            walk_expr_mut(l, f);
            walk_expr_mut(r, f);
        }
        ExprKind::ArrayType { len, elem } => {
            if let Some(l) = len {
                walk_expr_mut(l, f);
            }
            walk_expr_mut(elem, f);
        }
        ExprKind::StructType(fs) | ExprKind::InterfaceType(fs) => fields(fs, f),
        ExprKind::Union(l) => l.iter_mut().for_each(|y| walk_expr_mut(y, f)),
    }
}

/// As `walk_expr`, reading.
pub fn walk_expr(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    let fields = |fs: &Vec<Field>, f: &mut dyn FnMut(&Expr)| {
        for fl in fs {
            walk_expr(&fl.ty, f);
        }
    };
    match &e.kind {
        ExprKind::Bad | ExprKind::Ident(_) | ExprKind::BasicLit(..) => {}
        ExprKind::CompositeLit { ty, elems, .. } => {
            if let Some(t) = ty {
                walk_expr(t, f);
            }
            for el in elems {
                if let Some(k) = &el.key {
                    walk_expr(k, f);
                }
                walk_expr(&el.value, f);
            }
        }
        ExprKind::FuncLit { ty, .. } | ExprKind::FuncType(ty) => {
            fields(&ty.params, f);
            fields(&ty.results, f);
        }
        ExprKind::Paren(x) | ExprKind::Selector(x, _) | ExprKind::Unary(_, x) | ExprKind::SliceType(x)
        | ExprKind::ChanType(_, x) | ExprKind::Ellipsis(x) => walk_expr(x, f),
        ExprKind::Index(x, l) => {
            walk_expr(x, f);
            l.iter().for_each(|y| walk_expr(y, f));
        }
        ExprKind::Slice { x, lo, hi, max } => {
            walk_expr(x, f);
            for y in [lo, hi, max].into_iter().flatten() {
                walk_expr(y, f);
            }
        }
        ExprKind::TypeAssert(x, t) => {
            walk_expr(x, f);
            if let Some(t) = t {
                walk_expr(t, f);
            }
        }
        ExprKind::Call { fun, args, .. } => {
            walk_expr(fun, f);
            args.iter().for_each(|y| walk_expr(y, f));
        }
        ExprKind::Binary(_, l, r) | ExprKind::MapType(l, r) => {
            walk_expr(l, f);
            walk_expr(r, f);
        }
        ExprKind::ArrayType { len, elem } => {
            if let Some(l) = len {
                walk_expr(l, f);
            }
            walk_expr(elem, f);
        }
        ExprKind::StructType(fs) | ExprKind::InterfaceType(fs) => fields(fs, f),
        ExprKind::Union(l) => l.iter().for_each(|y| walk_expr(y, f)),
    }
}

/// How gc 1.19 names a token in "unexpected X": names and keywords bare, literals with their
/// kind, the semicolon by how it was written.
fn tok_desc(t: &Tok, src_at: &str) -> String {
    match t {
        Tok::Semi if src_at.starts_with(';') => "semicolon".into(),
        Tok::Semi if src_at.is_empty() => "EOF".into(),
        Tok::Semi => "newline".into(),
        Tok::Int(s) | Tok::Float(s) | Tok::Imag(s) | Tok::Char(s) | Tok::Str(s) => format!("literal {}", s),
        Tok::Comma => "comma".into(),
        t => t.text(),
    }
}

/// Parses one file whose text starts at global offset `base`. Expression ids start at
/// `*next_id`, which is advanced past the ids used.
pub fn parse_file(src: &str, base: u32, next_id: &mut u32, diags: &mut Diagnostics) -> Option<File> {
    let ctx = Ctx::new(*next_id);
    let lexer = Lexer::new(src, base);
    let res = grammar::SourceFileParser::new().parse(&ctx, lexer);
    *next_id = ctx.next_id();
    for (pos, msg) in ctx.errors.into_inner() {
        diags.error(pos, msg);
    }
    let at = |pos: usize| &src[(pos - base as usize).min(src.len())..];
    match res {
        Ok(f) => Some(f),
        Err(e) => {
            use lalrpop_util::ParseError::*;
            let (pos, msg) = match e {
                InvalidToken { location } => (location as u32, "syntax error: invalid token".to_string()),
                UnrecognizedEof { expected, .. } => {
                    // gc reports at the end of the file, and names the closing brace it wants.
                    let end = base + src.len() as u32;
                    let want = if expected.iter().any(|e| e == "\"}\"") { ", expecting }" } else { "" };
                    (end, format!("syntax error: unexpected EOF{}", want))
                }
                UnrecognizedToken { token: (lo, t, _), expected } => {
                    let mut msg = format!("syntax error: unexpected {}", tok_desc(&t, at(lo)));
                    if src[..(lo - base as usize).min(src.len())].trim().is_empty() && !matches!(t, Tok::Package) {
                        msg = "syntax error: package statement must be first".to_string();
                    } else if let Some(exp) = expecting(&expected) {
                        msg.push_str(&exp);
                    }
                    (lo as u32, msg)
                }
                ExtraToken { token: (lo, t, _) } => (lo as u32, format!("syntax error: unexpected {}", tok_desc(&t, at(lo)))),
                User { error: LexError { pos, msg } } => (pos, msg),
            };
            diags.error(pos, msg);
            None
        }
    }
}

/// What gc adds to "unexpected X": ", expecting Y" when one token would do, or the list being
/// parsed when a comma or a closing bracket would do.
fn expecting(expected: &[String]) -> Option<String> {
    let names: Vec<&str> = expected.iter().map(|s| s.trim_matches('"')).collect();
    if names.contains(&",") && !names.contains(&";") {
        if names.contains(&"}") {
            return Some(" in composite literal; possibly missing comma or }".to_string());
        }
        if names.contains(&")") {
            return Some(" in argument list; possibly missing comma or )".to_string());
        }
    }
    if names.len() == 1 {
        let n = names[0];
        return Some(format!(", expecting {}", match n {
            "," => "comma",
            ";" => "semicolon or newline",
            "ident" => "name",
            n => n,
        }));
    }
    None
}
