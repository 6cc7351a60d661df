//! gc's choice between capturing a variable by value or by reference in a closure: a
//! variable that is never assigned after its declaration, whose address is never taken, and
//! that is at most 128 bytes is captured by value. golift always captures by reference (the
//! closure holds the variable's address), so the analysis decides with the reference; but a
//! variable gc would capture by value is never "moved to heap" in gc's messages, and golift
//! leaves that message out too. This file finds, by walking a function's syntax (its function
//! literals included), the variables that are assigned or whose address is taken.

use crate::HashSet;

use crate::syntax::ast::{AssignOp, Block, Decl, Expr, ExprKind, Stmt, StmtKind, UnOp};
use crate::types::check::{Info, ObjId, Selection};
use crate::types::expr::strip_parens;
use crate::types::ty::{TypeKind, TypeTable};

/// The variables of a function body that gc would not capture by value: assigned after
/// their declaration, or addressed.
pub fn not_by_value(info: &Info, tt: &TypeTable, body: &Block) -> HashSet<ObjId> {
    let mut w = Walker { info, tt, out: HashSet::default() };
    w.stmts(&body.stmts);
    w.out
}

struct Walker<'a> {
    info: &'a Info,
    tt: &'a TypeTable,
    out: HashSet<ObjId>,
}

impl<'a> Walker<'a> {
    /// The variable an assignable or addressable expression is part of (x in x, x.f, x[i]
    /// of an array x).
    fn base(&self, e: &Expr) -> Option<ObjId> {
        let e = strip_parens(e);
        match &e.kind {
            ExprKind::Ident(_) => self.info.uses.get(&e.id).copied(),
            ExprKind::Selector(x, _) if matches!(self.info.selections.get(&e.id), Some(Selection::Field { derefs, .. }) if !derefs.iter().any(|d| *d)) => self.base(x),
            ExprKind::Index(x, _) if self.is_array(x) => self.base(x),
            _ => None,
        }
    }

    fn is_array(&self, e: &Expr) -> bool {
        self.info.types.get(&strip_parens(e).id).map_or(false, |&t| matches!(self.tt.under_kind(t), TypeKind::Array(..)))
    }

    fn mark(&mut self, e: &Expr) {
        if let Some(o) = self.base(e) {
            self.out.insert(o);
        }
    }

    fn stmts(&mut self, ss: &[Stmt]) {
        for s in ss {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &*s.kind {
            StmtKind::Decl(Decl::Var(specs)) => specs.iter().flat_map(|sp| sp.values.iter()).for_each(|e| self.expr(e)),
            StmtKind::Labeled(_, inner) => self.stmt(inner),
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => self.expr(e),
            StmtKind::Send(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            StmtKind::IncDec(x, _) => {
                self.mark(x);
                self.expr(x);
            }
            StmtKind::Assign(lhs, op, rhs) => {
                for l in lhs {
                    let new = *op == AssignOp::Define && self.info.defs.contains_key(&l.span.lo);
                    if !new {
                        self.mark(l);
                    }
                    self.expr(l);
                }
                rhs.iter().for_each(|e| self.expr(e));
            }
            StmtKind::Return(es) => es.iter().for_each(|e| self.expr(e)),
            StmtKind::Block(b) => self.stmts(&b.stmts),
            StmtKind::If { init, cond, then, els } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(cond);
                self.stmts(&then.stmts);
                if let Some(e) = els {
                    self.stmt(e);
                }
            }
            StmtKind::Switch { init, tag, cases, .. } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(t) = tag {
                    self.expr(t);
                }
                for c in cases {
                    c.exprs.iter().for_each(|e| self.expr(e));
                    self.stmts(&c.body);
                }
            }
            StmtKind::TypeSwitch { init, x, cases, .. } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(x);
                cases.iter().for_each(|c| self.stmts(&c.body));
            }
            StmtKind::Select(cs) => {
                for c in cs {
                    if let Some(s) = &c.comm {
                        self.stmt(s);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::For { init, cond, post, body } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.expr(c);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.stmts(&body.stmts);
            }
            StmtKind::Range { key, value, define, x, body } => {
                for k in key.iter().chain(value.iter()) {
                    if !*define {
                        self.mark(k);
                    }
                    self.expr(k);
                }
                self.expr(x);
                self.stmts(&body.stmts);
            }
            _ => {}
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Unary(UnOp::Addr, x) => {
                self.mark(x);
                self.expr(x);
            }
            ExprKind::Unary(_, x) | ExprKind::Paren(x) | ExprKind::TypeAssert(x, _) => self.expr(x),
            ExprKind::Binary(_, l, r) => {
                self.expr(l);
                self.expr(r);
            }
            ExprKind::Selector(x, _) => {
                // x.M with a pointer method on an addressable x takes x's address.
                if let Some(Selection::Method { ptr_recv: true, derefs, .. }) = self.info.selections.get(&e.id) {
                    if !derefs.iter().any(|d| *d) && !self.info.types.get(&strip_parens(x).id).map_or(false, |&t| matches!(self.tt.under_kind(t), TypeKind::Pointer(_))) {
                        self.mark(x);
                    }
                }
                self.expr(x);
            }
            ExprKind::Index(x, i) => {
                self.expr(x);
                i.iter().for_each(|e| self.expr(e));
            }
            ExprKind::Slice { x, lo, hi, max } => {
                if self.is_array(x) {
                    self.mark(x);
                }
                self.expr(x);
                for p in [lo, hi, max].into_iter().flatten() {
                    self.expr(p);
                }
            }
            ExprKind::Call { fun, args, .. } => {
                self.expr(fun);
                args.iter().for_each(|e| self.expr(e));
            }
            ExprKind::CompositeLit { elems, .. } => {
                for el in elems {
                    if let Some(k) = &el.key {
                        self.expr(k);
                    }
                    self.expr(&el.value);
                }
            }
            ExprKind::FuncLit { body, .. } => self.stmts(&body.stmts),
            _ => {}
        }
    }
}
