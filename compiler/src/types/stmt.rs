//! Statements: blocks and scopes, assignments and declarations, control flow, labels, and the
//! spec's "Terminating statements" (for "missing return").

use crate::HashMap;

use super::check::{Checker, ObjKind};
use super::expr::{Mode, Operand};
use super::ty::*;
use crate::syntax::ast::{self, AssignOp, Expr, ExprKind, Stmt, StmtKind};

impl<'a> Checker<'a> {
    pub fn block_stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn open(&mut self) {
        self.scopes.push(HashMap::default());
    }

    fn close(&mut self) {
        self.scopes.pop();
    }

    fn stmt(&mut self, s: &Stmt) {
        match &*s.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Labeled(_, inner) => self.stmt(inner),
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send(ch, v) => self.send_stmt(s, ch, v),
            StmtKind::IncDec(x, inc) => {
                let op = if *inc { ast::BinOp::Add } else { ast::BinOp::Sub };
                let xo = self.expr(x, None);
                if xo.mode == Mode::Invalid {
                    return;
                }
                if !self.tt.is_numeric(xo.ty) {
                    let d = self.describe(x, &xo);
                    self.error(s.span.lo, format!("invalid operation: {}{} (non-numeric type {})", self.sm.snippet(x.span), if *inc { "++" } else { "--" }, self.tt.name(xo.ty)));
                    let _ = (d, op);
                    return;
                }
                self.check_assignable_lhs(x, &xo);
            }
            StmtKind::Assign(lhs, op, rhs) => self.assign_stmt(s, lhs, *op, rhs),
            StmtKind::Go(e) => self.go_defer_stmt(e, "go"),
            StmtKind::Defer(e) => self.go_defer_stmt(e, "defer"),
            StmtKind::Return(results) => self.return_stmt(s, results),
            StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Goto(_) | StmtKind::Fallthrough => {}
            StmtKind::Block(b) => {
                self.open();
                self.block_stmts(&b.stmts);
                self.close();
            }
            StmtKind::If { init, cond, then, els } => {
                self.open();
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.cond(cond, "if");
                self.open();
                self.block_stmts(&then.stmts);
                self.close();
                if let Some(e) = els {
                    self.stmt(e);
                }
                self.close();
            }
            StmtKind::Switch { init, tag, cases, .. } => {
                self.open();
                if let Some(i) = init {
                    self.stmt(i);
                }
                let mut tag_op = tag.as_ref().map(|t| (t, self.expr(t, None)));
                if let Some((t, op)) = &mut tag_op {
                    if self.tt.is_untyped(op.ty) && op.mode != Mode::Invalid {
                        let d = self.tt.default_type(op.ty);
                        if op.ty == UNTYPED_NIL {
                            self.error(t.span.lo, "use of untyped nil in switch expression");
                            op.mode = Mode::Invalid;
                        } else {
                            self.convert_untyped(t, op, d);
                        }
                    }
                }
                let mut defaults = 0;
                for (ci, c) in cases.iter().enumerate() {
                    if c.default {
                        defaults += 1;
                        if defaults > 1 {
                            self.error(c.span.lo, "multiple defaults in switch");
                        }
                    }
                    for e in &c.exprs {
                        match &tag_op {
                            Some((t, top)) if top.mode != Mode::Invalid => {
                                let mut eo = self.expr(e, Some(top.ty));
                                if eo.mode == Mode::Invalid {
                                    continue;
                                }
                                if self.tt.is_untyped(eo.ty) {
                                    self.convert_untyped(e, &mut eo, top.ty);
                                    continue;
                                }
                                if eo.ty != top.ty && !self.assignable(eo.ty, top.ty) && !self.assignable(top.ty, eo.ty) {
                                    let text = format!("{} == {}", self.sm.snippet(e.span), self.sm.snippet(t.span));
                                    self.error(e.span.lo, format!("invalid case {} in switch on {} (mismatched types {} and {})", self.sm.snippet(e.span), self.sm.snippet(t.span), self.tt.name(eo.ty), self.tt.name(top.ty)));
                                    let _ = text;
                                }
                            }
                            Some(_) => {
                                let _ = self.expr(e, None);
                            }
                            None => {
                                let mut eo = self.expr(e, None);
                                if eo.mode != Mode::Invalid {
                                    // A tagless switch compares `true == case`: an interface
                                    // that bool implements will do too.
                                    if self.tt.is_interface(eo.ty) && super::methods::implements(&self.tt, BOOL, eo.ty) {
                                    } else if !self.tt.is_boolean(eo.ty) {
                                        let d = self.describe(e, &eo);
                                        self.error(e.span.lo, format!("invalid case {} in switch (mismatched types {} and bool)", self.sm.snippet(e.span), self.tt.name(eo.ty)));
                                        let _ = d;
                                    } else {
                                        self.convert_untyped(e, &mut eo, BOOL);
                                    }
                                }
                            }
                        }
                    }
                    self.open();
                    self.block_stmts(&c.body);
                    if let Some(last) = c.body.last() {
                        if matches!(*last.kind, StmtKind::Fallthrough) && ci == cases.len() - 1 {
                            self.error(last.span.lo, "cannot fallthrough final case in switch");
                        }
                    }
                    self.close();
                }
                self.close();
            }
            StmtKind::TypeSwitch { init, bind, x, cases } => self.type_switch(init.as_deref(), bind.as_ref(), x, cases),
            StmtKind::Select(cases) => self.select_stmt(cases),
            StmtKind::For { init, cond, post, body } => {
                self.open();
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.cond(c, "for");
                }
                if let Some(p) = post {
                    if let StmtKind::Assign(_, AssignOp::Define, _) = *p.kind {
                        self.error(p.span.lo, "cannot declare in post statement of for loop");
                    } else {
                        self.stmt(p);
                    }
                }
                self.open();
                self.block_stmts(&body.stmts);
                self.close();
                self.close();
            }
            StmtKind::Range { key, value, define, x, body } => self.range_stmt(s, key.as_deref(), value.as_deref(), *define, x, body),
        }
    }

    /// `defer f(args)`: a call (not a conversion, nor a builtin whose result would be lost).
    /// `c <- v`
    fn send_stmt(&mut self, s: &Stmt, ch: &Expr, v: &Expr) {
        let co = self.expr(ch, None);
        let mut vo = self.expr(v, None);
        if co.mode == Mode::Invalid || vo.mode == Mode::Invalid {
            return;
        }
        match self.tt.chan_of(co.ty) {
            Some((ChanDir::Recv, _)) => {
                let d = self.describe(ch, &co);
                self.error(s.span.lo, format!("invalid operation: cannot send to receive-only channel {}", d));
            }
            Some((_, elem)) => {
                self.assign(v, &mut vo, elem, "send");
            }
            None => {
                let d = self.describe(ch, &co);
                self.error(s.span.lo, format!("invalid operation: cannot send to non-channel {}", d));
            }
        }
    }

    /// `select { case ...: }`: each case is a send, a receive, or an assignment or short
    /// variable declaration of a receive's result(s).
    fn select_stmt(&mut self, cases: &[ast::CommClause]) {
        for c in cases {
            self.open();
            if let Some(comm) = &c.comm {
                let ok = match &*comm.kind {
                    StmtKind::Send(..) => true,
                    StmtKind::Expr(e) => is_recv(e),
                    StmtKind::Assign(lhs, _, rhs) => lhs.len() <= 2 && rhs.len() == 1 && is_recv(&rhs[0]),
                    _ => false,
                };
                if ok {
                    self.stmt(comm);
                } else {
                    self.error(comm.span.lo, "select case must be receive, send or assign recv");
                }
            }
            self.block_stmts(&c.body);
            self.close();
        }
    }

    /// `go f(x)` and `defer f(x)`: the expression must be a call, not of a conversion nor of a
    /// builtin whose result would be discarded.
    fn go_defer_stmt(&mut self, e: &Expr, kw: &str) {
        let inner = super::expr::strip_parens(e);
        let ExprKind::Call { fun, .. } = &inner.kind else {
            let _ = self.expr_or_type(e, None);
            self.error(e.span.lo, format!("expression in {} must be function call", kw));
            return;
        };
        let op = self.expr_or_type(e, None);
        if op.mode == Mode::Invalid {
            return;
        }
        if self.info.type_exprs.contains(&super::expr::strip_parens(fun).id) {
            let d = self.describe(e, &op);
            self.error(e.span.lo, format!("{} requires function call, not conversion {}", kw, d));
            return;
        }
        if let Some(&o) = self.info.uses.get(&super::expr::strip_parens(fun).id) {
            if let ObjKind::Builtin(b) = self.obj(o).kind {
                use super::check::Builtin::*;
                if matches!(b, Append | Cap | Len | Make | New | Complex | Real | Imag) {
                    let d = self.describe(e, &op);
                    self.error(e.span.lo, format!("{} discards result of {}", kw, d));
                }
            }
        }
    }

    /// `switch [x :=] y.(type) { case T1, T2: ... }`
    fn type_switch(&mut self, init: Option<&Stmt>, bind: Option<&ast::Ident>, x: &Expr, cases: &[ast::CaseClause]) {
        self.open();
        if let Some(i) = init {
            self.stmt(i);
        }
        let xo = self.expr(x, None);
        let valid = xo.mode != Mode::Invalid;
        if valid && !self.tt.is_interface(xo.ty) {
            let d = self.describe(x, &xo);
            self.error(x.span.lo, format!("{} is not an interface", d));
        }
        let iface = if valid && self.tt.is_interface(xo.ty) { Some(xo.ty) } else { None };
        let mut seen: Vec<(TypeId, u32)> = vec![];
        let mut defaults = 0;
        let mut implicits = vec![];
        for c in cases {
            if c.default {
                defaults += 1;
                if defaults > 1 {
                    self.error(c.span.lo, "multiple defaults in switch");
                }
            }
            let mut single: Option<TypeId> = None;
            for (k, e) in c.exprs.iter().enumerate() {
                let is_nil = matches!(&super::expr::strip_parens(e).kind, ExprKind::Ident(n) if n == "nil" && self.lookup("nil").map_or(false, |o| matches!(self.obj(o).kind, ObjKind::Nil)));
                let t = if is_nil {
                    let _ = self.expr(e, None);
                    UNTYPED_NIL
                } else {
                    self.type_expr(e)
                };
                if c.exprs.len() == 1 && t != UNTYPED_NIL {
                    single = Some(t);
                }
                let _ = k;
                if t == INVALID {
                    continue;
                }
                if let Some((_, prev)) = seen.iter().find(|(p, _)| *p == t) {
                    let p = self.sm.position(*prev);
                    let tn = if t == UNTYPED_NIL { "nil".to_string() } else { self.tt.name(t) };
                    self.error(e.span.lo, format!("duplicate case {} in type switch\n\t{}: previous case", tn, p));
                    continue;
                }
                seen.push((t, e.span.lo));
                if let (Some(i), false) = (iface, t == UNTYPED_NIL) {
                    if !self.tt.is_interface(t) && !self.tt.has_tparams(t) && !self.tt.has_tparams(i) {
                        if let Some(why) = super::methods::missing_method(&self.tt, t, i) {
                            let d = self.describe(x, &xo);
                            self.error(e.span.lo, format!("impossible type switch case: {}\n\t{} cannot have dynamic type {} {}", self.sm.snippet(e.span), d, self.tt.name(t), why));
                        }
                    }
                }
            }
            self.open();
            if let Some(b) = bind {
                // The clause's own variable: of the case's type when it names exactly one
                // type, else of the switch operand's type.
                let t = single.unwrap_or(if valid { xo.ty } else { INVALID });
                let o = self.new_obj(&b.name, ObjKind::Var, t, b.span.lo, false);
                if b.name != "_" {
                    self.scopes.last_mut().unwrap().insert(b.name.clone(), o);
                }
                self.info.implicits.insert(c.span.lo, o);
                implicits.push(o);
            }
            self.block_stmts(&c.body);
            if let Some(last) = c.body.last() {
                if matches!(*last.kind, StmtKind::Fallthrough) {
                    self.error(last.span.lo, "cannot fallthrough in type switch");
                }
            }
            self.close();
        }
        if let Some(b) = bind {
            if b.name == "_" {
                self.error(b.span.lo, "no new variable on left side of :=");
            } else if !implicits.iter().any(|o| self.obj(*o).used) && !implicits.is_empty() {
                self.unused.push((b.span.lo, format!("{} declared but not used", b.name)));
            } else if implicits.is_empty() {
                self.unused.push((b.span.lo, format!("{} declared but not used", b.name)));
            }
            self.info.defs.insert(b.span.lo, implicits.first().copied().unwrap_or(u32::MAX));
        }
        self.close();
    }

    fn cond(&mut self, c: &Expr, what: &str) {
        let mut o = self.expr(c, None);
        if o.mode == Mode::Invalid {
            return;
        }
        if !self.tt.is_boolean(o.ty) {
            let d = self.describe(c, &o);
            self.error(c.span.lo, format!("non-boolean condition in {} statement", what));
            let _ = d;
            return;
        }
        self.convert_untyped(c, &mut o, BOOL);
    }

    fn expr_stmt(&mut self, e: &Expr) {
        let inner = super::expr::strip_parens(e);
        // A call or a receive may stand as a statement.
        let is_call = matches!(inner.kind, ExprKind::Call { .. } | ExprKind::Unary(crate::syntax::ast::UnOp::Recv, _));
        let op = self.expr_or_type(e, None);
        if op.mode == Mode::Invalid {
            return;
        }
        if !is_call {
            let d = self.describe(e, &op);
            self.error(e.span.lo, format!("{} is not used", d));
            return;
        }
        // Builtins whose result must be used.
        if let ExprKind::Call { fun, .. } = &inner.kind {
            if let ExprKind::Ident(n) = &super::expr::strip_parens(fun).kind {
                if let Some(&o) = self.info.uses.get(&super::expr::strip_parens(fun).id) {
                    if let ObjKind::Builtin(b) = self.obj(o).kind {
                        use super::check::Builtin::*;
                        if matches!(b, Append | Cap | Len | Make | New | Complex | Real | Imag) {
                            let d = self.describe(e, &op);
                            self.error(e.span.lo, format!("{} is not used", d));
                            let _ = n;
                        }
                    }
                }
            }
        }
        if op.mode == Mode::Type {
            let d = self.sm.snippet(e.span).to_string();
            self.error(e.span.lo, format!("{} is not an expression", d));
        }
    }

    fn check_assignable_lhs(&mut self, x: &Expr, xo: &Operand) -> bool {
        match xo.mode {
            Mode::Var | Mode::MapIndex => true,
            Mode::Invalid => false,
            _ => {
                let d = self.describe(x, xo);
                self.error(x.span.lo, format!("cannot assign to {}", d));
                false
            }
        }
    }

    /// The right-hand sides of an assignment or declaration: either one value per left-hand
    /// side, or one call whose results are the values.
    fn rhs_values(&mut self, rhs: &[Expr], n: usize, hints: &[Option<TypeId>]) -> Option<Vec<Operand>> {
        // gc reports a count mismatch at the first right-hand side.
        let pos = rhs[0].span.lo;
        let plural = |k: usize| if k == 1 { "" } else { "s" };
        let call = rhs.first().and_then(|r| match &super::expr::strip_parens(r).kind {
            ExprKind::Call { fun, .. } => Some(self.sm.snippet(fun.span).to_string()),
            _ => None,
        });
        if rhs.len() == 1 && (n > 1 || call.is_some()) {
            let op = self.expr_or_type(&rhs[0], if n == 1 { hints[0] } else { None });
            if op.mode == Mode::Invalid {
                return None;
            }
            // `v, ok := x.(T)` and `v, ok := m[k]`: the value and an untyped boolean.
            if n == 2 && matches!(op.mode, Mode::CommaOk | Mode::MapIndex) {
                self.info.comma_ok.insert(super::expr::strip_parens(&rhs[0]).id);
                return Some(vec![Operand { mode: Mode::Value, ty: op.ty, val: None }, Operand { mode: Mode::Value, ty: UNTYPED_BOOL, val: None }]);
            }
            let results = match (op.mode, self.tt.kind(op.ty).clone()) {
                (Mode::Tuple, TypeKind::Tuple(ts)) => ts,
                (Mode::NoValue, _) => vec![],
                _ => vec![op.ty],
            };
            if n == 1 && op.mode != Mode::Tuple && op.mode != Mode::NoValue {
                return Some(vec![self.single_value(&rhs[0], op)]);
            }
            if results.len() == n {
                return Some(results.into_iter().map(|t| Operand { mode: Mode::Value, ty: t, val: None }).collect());
            }
            let msg = match call {
                Some(f) => format!("assignment mismatch: {} variable{} but {} returns {} value{}", n, plural(n), f, results.len(), plural(results.len())),
                None => format!("assignment mismatch: {} variable{} but 1 value", n, plural(n)),
            };
            self.error(pos, msg);
            return None;
        }
        if rhs.len() != n {
            self.error(pos, format!("assignment mismatch: {} variable{} but {} value{}", n, plural(n), rhs.len(), plural(rhs.len())));
            for r in rhs {
                let _ = self.expr_or_type(r, None);
            }
            return None;
        }
        Some(rhs.iter().zip(hints).map(|(r, h)| self.expr(r, *h)).collect())
    }

    fn assign_stmt(&mut self, s: &Stmt, lhs: &[Expr], op: AssignOp, rhs: &[Expr]) {
        match op {
            AssignOp::Op(bop) => {
                let xo = self.expr(&lhs[0], None);
                // x op= y is checked as x = x op y.
                let fake = Expr { id: u32::MAX, span: s.span, kind: ExprKind::Binary(bop, Box::new(lhs[0].clone()), Box::new(rhs[0].clone())) };
                let saved = self.info.types.get(&lhs[0].id).copied();
                let r = self.expr(&fake, None);
                self.info.types.remove(&u32::MAX);
                self.info.consts.remove(&u32::MAX);
                if let Some(t) = saved {
                    self.info.types.insert(lhs[0].id, t);
                }
                if xo.mode == Mode::Invalid || r.mode == Mode::Invalid {
                    return;
                }
                self.check_assignable_lhs(&lhs[0], &xo);
            }
            AssignOp::Assign => {
                let mut lops = vec![];
                for l in lhs {
                    if let ExprKind::Ident(n) = &l.kind {
                        if n == "_" {
                            lops.push(None);
                            continue;
                        }
                    }
                    // A variable assigned to is not "used" by that.
                    let was_used = self.ident_obj(l).map(|o| self.obj(o).used);
                    let lo = self.expr(l, None);
                    if let (Some(u), Some(o)) = (was_used, self.ident_obj(l)) {
                        self.info.objects[o as usize].used = u;
                    }
                    if lo.mode == Mode::Invalid {
                        lops.push(Some(Operand::invalid()));
                        continue;
                    }
                    self.check_assignable_lhs(l, &lo);
                    lops.push(Some(lo));
                }
                let hints: Vec<Option<TypeId>> = lops.iter().map(|o| o.as_ref().map(|o| o.ty)).collect();
                let Some(mut vals) = self.rhs_values(rhs, lhs.len(), &hints) else { return };
                let single = rhs.len() == lhs.len();
                for (i, (lo, v)) in lops.iter().zip(vals.iter_mut()).enumerate() {
                    let re = if single { &rhs[i] } else { &rhs[0] };
                    match lo {
                        None => {
                            if self.tt.is_untyped(v.ty) && v.mode != Mode::Invalid {
                                if v.ty == UNTYPED_NIL {
                                    self.error(re.span.lo, "use of untyped nil in assignment");
                                } else {
                                    let d = self.tt.default_type(v.ty);
                                    self.convert_untyped(re, v, d);
                                }
                            }
                        }
                        Some(lo) if lo.mode != Mode::Invalid => {
                            if single {
                                self.assign(re, v, lo.ty, "assignment");
                            } else if v.ty == UNTYPED_BOOL && self.tt.is_boolean(lo.ty) {
                            } else if !self.assignable(v.ty, lo.ty) {
                                self.error(re.span.lo, format!("cannot use {} value as {} value in assignment", self.tt.name(v.ty), self.tt.name(lo.ty)));
                            }
                        }
                        _ => {}
                    }
                }
            }
            AssignOp::Define => {
                // At least one new non-blank variable on the left.
                let mut names = vec![];
                for l in lhs {
                    match &l.kind {
                        ExprKind::Ident(n) => names.push(ast::Ident { name: n.clone(), span: l.span }),
                        _ => {
                            self.error(l.span.lo, format!("non-name {} on left side of :=", self.sm.snippet(l.span)));
                            return;
                        }
                    }
                }
                let scope = self.scopes.last().unwrap();
                let existing: Vec<Option<u32>> = names.iter().map(|n| scope.get(&n.name).copied()).collect();
                let any_new = names.iter().zip(&existing).any(|(n, e)| e.is_none() && n.name != "_");
                if !any_new {
                    self.error(s.pos, "no new variables on left side of :=");
                }
                let hints: Vec<Option<TypeId>> = existing.iter().map(|e| e.map(|o| self.obj(o).ty)).collect();
                let vals = self.rhs_values(rhs, lhs.len(), &hints);
                let single = rhs.len() == lhs.len();
                for (i, n) in names.iter().enumerate() {
                    let mut ty = INVALID;
                    if let Some(vals) = &vals {
                        let mut v = vals[i].clone();
                        let re = if single { &rhs[i] } else { &rhs[0] };
                        if let Some(o) = existing[i] {
                            let t = self.obj(o).ty;
                            self.assign(re, &mut v, t, "assignment");
                            self.info.uses.insert(lhs[i].id, o);
                            self.info.types.insert(lhs[i].id, t);
                            continue;
                        }
                        if v.mode != Mode::Invalid {
                            if v.ty == UNTYPED_NIL {
                                self.error(re.span.lo, "use of untyped nil in assignment");
                            } else {
                                let d = self.tt.default_type(v.ty);
                                self.convert_untyped(re, &mut v, d);
                                ty = v.ty;
                            }
                        }
                    } else if let Some(o) = existing[i] {
                        self.info.uses.insert(lhs[i].id, o);
                        continue;
                    }
                    let o = self.declare_local(n, ObjKind::Var, ty);
                    if ty == INVALID {
                        // Suppress follow-on "declared but not used" errors.
                        self.info.objects[o as usize].used = true;
                    }
                    self.info.types.insert(lhs[i].id, ty);
                }
            }
        }
    }

    fn ident_obj(&self, e: &Expr) -> Option<u32> {
        if let ExprKind::Ident(n) = &e.kind {
            for s in self.scopes.iter().rev() {
                if let Some(&o) = s.get(n) {
                    return Some(o);
                }
            }
        }
        None
    }

    fn local_decl(&mut self, d: &ast::Decl) {
        match d {
            ast::Decl::Var(specs) => {
                for s in specs {
                    self.var_spec_local(s);
                }
            }
            ast::Decl::Const(specs) => {
                for s in specs {
                    let mut objs = vec![];
                    for (i, n) in s.names.iter().enumerate() {
                        let o = self.new_obj(&n.name, ObjKind::Const(super::constant::Const::Int(0.into())), INVALID, n.span.lo, false);
                        self.const_spec_one(o, s, i);
                        objs.push((n, o));
                    }
                    // Constants are in scope after their spec.
                    for (n, o) in objs {
                        self.info.defs.insert(n.span.lo, o);
                        if n.name != "_" {
                            self.scopes.last_mut().unwrap().insert(n.name.clone(), o);
                        }
                    }
                }
            }
            ast::Decl::Type(specs) => {
                for s in specs {
                    let o = self.declare_local(&s.name, ObjKind::TypeName, INVALID);
                    self.type_spec(o, s);
                }
            }
            ast::Decl::Func(_) => {}
        }
    }

    fn var_spec_local(&mut self, s: &ast::ValueSpec) {
        let types = self.var_spec_value_types(s);
        for (i, n) in s.names.iter().enumerate() {
            let o = self.declare_local(n, ObjKind::Var, types[i]);
            if types[i] == INVALID {
                // Suppress follow-on "declared but not used" errors.
                self.info.objects[o as usize].used = true;
            }
        }
    }

    /// Package-level var spec: sets the objects' types.
    pub(crate) fn var_spec_types(&mut self, s: &ast::ValueSpec, objs: &[u32]) {
        let types = self.var_spec_value_types(s);
        for (i, &o) in objs.iter().enumerate() {
            self.info.objects[o as usize].ty = types[i];
        }
    }

    /// Checks a var spec's type and values; returns the type of each declared name
    /// (INVALID where it could not be determined).
    fn var_spec_value_types(&mut self, s: &ast::ValueSpec) -> Vec<TypeId> {
        let ty = s.ty.as_ref().map(|t| self.type_expr(t));
        let mut types = vec![ty.unwrap_or(INVALID); s.names.len()];
        if s.values.is_empty() {
            return types;
        }
        let hints = vec![ty; s.names.len()];
        let Some(mut vals) = self.rhs_values(&s.values, s.names.len(), &hints) else {
            return types;
        };
        let single = s.values.len() == s.names.len();
        for (i, v) in vals.iter_mut().enumerate() {
            let re = if single { &s.values[i] } else { &s.values[0] };
            match ty {
                Some(t) => {
                    if single {
                        self.assign(re, v, t, "variable declaration");
                    }
                }
                None => {
                    if v.mode == Mode::Invalid {
                        continue;
                    }
                    if v.ty == UNTYPED_NIL {
                        self.error(re.span.lo, "use of untyped nil in variable declaration");
                        continue;
                    }
                    let d = self.tt.default_type(v.ty);
                    self.convert_untyped(re, v, d);
                    types[i] = v.ty;
                }
            }
        }
        types
    }

    fn return_stmt(&mut self, s: &Stmt, results: &[Expr]) {
        let Some(f) = self.funcs.last() else { return };
        let want = f.sig.results.clone();
        let named = f.named_results;
        if results.is_empty() {
            if !want.is_empty() && !named {
                let w: Vec<String> = want.iter().map(|t| self.tt.name(*t)).collect();
                self.error(s.span.lo, format!("not enough return values\n\thave ()\n\twant ({})", w.join(", ")));
            }
            return;
        }
        if want.is_empty() {
            for r in results {
                let _ = self.expr_or_type(r, None);
            }
            let have: Vec<String> = results.iter().map(|r| self.type_desc(r)).collect();
            self.error(results[0].span.lo, format!("too many return values\n\thave ({})\n\twant ()", have.join(", ")));
            return;
        }
        if results.len() == 1 && want.len() > 1 {
            let op = self.expr_or_type(&results[0], None);
            if let (Mode::Tuple, TypeKind::Tuple(ts)) = (op.mode, self.tt.kind(op.ty).clone()) {
                if ts.len() == want.len() && ts.iter().zip(&want).all(|(a, b)| self.assignable(*a, *b)) {
                    return;
                }
            }
            if op.mode == Mode::Invalid {
                return;
            }
        }
        let mut ops = vec![];
        for (i, r) in results.iter().enumerate() {
            ops.push(self.expr(r, want.get(i).copied()));
        }
        if results.len() != want.len() {
            let have: Vec<String> = results.iter().map(|r| self.type_desc(r)).collect();
            let w: Vec<String> = want.iter().map(|t| self.tt.name(*t)).collect();
            let msg = if results.len() < want.len() { "not enough return values" } else { "too many return values" };
            self.error(results[0].span.lo, format!("{}\n\thave ({})\n\twant ({})", msg, have.join(", "), w.join(", ")));
            return;
        }
        for (i, r) in results.iter().enumerate() {
            let mut o = ops[i].clone();
            self.assign(r, &mut o, want[i], "return statement");
        }
    }

    fn range_stmt(&mut self, s: &Stmt, key: Option<&Expr>, value: Option<&Expr>, define: bool, x: &Expr, body: &ast::Block) {
        self.open();
        let xo = self.expr(x, None);
        let (kt, vt) = match self.tt.under_kind(xo.ty).clone() {
            _ if xo.mode == Mode::Invalid => (INVALID, INVALID),
            TypeKind::Basic(b) if b.is_string() => (INT, INT32),
            TypeKind::Slice(e) => (INT, e),
            TypeKind::Array(_, e) => (INT, e),
            TypeKind::Pointer(p) => match self.tt.under_kind(p).clone() {
                TypeKind::Array(_, e) => (INT, e),
                _ => {
                    let d = self.describe(x, &xo);
                    self.error(x.span.lo, format!("cannot range over {}", d));
                    (INVALID, INVALID)
                }
            },
            TypeKind::Basic(b) if b.is_integer() => {
                let d = self.describe(x, &xo);
                self.error(x.span.lo, format!("cannot range over {}", d));
                (INVALID, INVALID)
            }
            TypeKind::Map(k, v) => (k, v),
            TypeKind::Chan(ChanDir::Send, _) => {
                let d = self.describe(x, &xo);
                self.error(x.span.lo, format!("cannot range over {} (receive from send-only channel)", d));
                (INVALID, INVALID)
            }
            TypeKind::Chan(_, e) => {
                if let Some(v) = value {
                    let d = self.describe(x, &xo);
                    self.error(v.span.lo, format!("range over {} permits only one iteration variable", d));
                }
                (e, INVALID)
            }
            _ => {
                let d = self.describe(x, &xo);
                self.error(x.span.lo, format!("cannot range over {}", d));
                (INVALID, INVALID)
            }
        };
        if self.tt.is_untyped(xo.ty) && xo.mode != Mode::Invalid {
            let mut o = xo.clone();
            self.convert_untyped(x, &mut o, STRING);
        }
        let pairs = [(key, kt), (value, vt)];
        if define {
            let mut any_new = false;
            for (e, t) in pairs.iter() {
                if let Some(e) = e {
                    match &e.kind {
                        ExprKind::Ident(n) => {
                            let o = self.declare_local(&ast::Ident { name: n.clone(), span: e.span }, ObjKind::Var, *t);
                            if *t == INVALID {
                                self.info.objects[o as usize].used = true;
                            }
                            self.info.types.insert(e.id, *t);
                            any_new |= n != "_";
                        }
                        _ => self.error(e.span.lo, format!("non-name {} on left side of :=", self.sm.snippet(e.span))),
                    }
                }
            }
            let _ = any_new;
        } else {
            for (e, t) in pairs.iter() {
                if let Some(e) = e {
                    if matches!(&e.kind, ExprKind::Ident(n) if n == "_") {
                        continue;
                    }
                    let lo = self.expr(e, None);
                    if lo.mode == Mode::Invalid || *t == INVALID {
                        continue;
                    }
                    if self.check_assignable_lhs(e, &lo) && !self.assignable(*t, lo.ty) {
                        self.error(e.span.lo, format!("cannot use {} (value of type {}) as type {} in range", self.sm.snippet(e.span), self.tt.name(*t), self.tt.name(lo.ty)).replace(&format!("cannot use {} (value", self.sm.snippet(e.span)), "cannot use (value"));
                    }
                }
            }
        }
        let _ = s;
        self.open();
        self.block_stmts(&body.stmts);
        self.close();
        self.close();
    }

    /// The spec's "Terminating statements".
    pub fn is_terminating_list(&self, stmts: &[Stmt]) -> bool {
        // Trailing empty statements do not count.
        let mut it = stmts.iter().rev().skip_while(|s| matches!(*s.kind, StmtKind::Empty));
        it.next().map_or(false, |s| self.is_terminating(s, ""))
    }

    fn is_terminating(&self, s: &Stmt, label: &str) -> bool {
        match &*s.kind {
            StmtKind::Return(_) | StmtKind::Goto(_) => true,
            StmtKind::Expr(e) => {
                if let ExprKind::Call { fun, .. } = &super::expr::strip_parens(e).kind {
                    if let Some(&o) = self.info.uses.get(&super::expr::strip_parens(fun).id) {
                        return matches!(self.obj(o).kind, ObjKind::Builtin(super::check::Builtin::Panic));
                    }
                }
                false
            }
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts),
            StmtKind::If { then, els, .. } => {
                els.as_ref().map_or(false, |e| self.is_terminating(e, "")) && self.is_terminating_list(&then.stmts)
            }
            StmtKind::For { cond, body, .. } => cond.is_none() && !has_break(&body.stmts, label, true),
            StmtKind::Switch { cases, .. } | StmtKind::TypeSwitch { cases, .. } => {
                cases.iter().any(|c| c.default)
                    && cases.iter().all(|c| {
                        !has_break(&c.body, label, true)
                            && (self.is_terminating_list(&c.body)
                                || c.body.last().map_or(false, |l| matches!(*l.kind, StmtKind::Fallthrough)))
                    })
            }
            StmtKind::Select(cases) => cases.iter().all(|c| !has_break(&c.body, label, true) && self.is_terminating_list(&c.body)),
            StmtKind::Labeled(l, inner) => self.is_terminating(inner, &l.name),
            _ => false,
        }
    }

    /// Label checks: undefined labels, unused labels, misplaced break/continue/goto.
    pub fn check_labels(&mut self, stmts: &[Stmt]) {
        let mut labels: HashMap<String, (u32, bool)> = HashMap::default();
        collect_labels(stmts, &mut labels, self);
        let mut ctx = LabelCtx { loops: vec![], labels: &mut labels, errors: vec![] };
        walk_jumps(stmts, &mut ctx);
        let mut errs = std::mem::take(&mut ctx.errors);
        let mut unused: Vec<(u32, String)> = labels.iter().filter(|(_, v)| !v.1).map(|(k, v)| (v.0, k.clone())).collect();
        unused.sort();
        for (pos, name) in unused {
            errs.push((pos, format!("label {} defined and not used", name)));
        }
        for (p, m) in errs {
            self.error(p, m);
        }
    }
}

fn has_break(stmts: &[Stmt], label: &str, top: bool) -> bool {
    stmts.iter().any(|s| stmt_has_break(s, label, top))
}

fn stmt_has_break(s: &Stmt, label: &str, top: bool) -> bool {
    match &*s.kind {
        StmtKind::Break(None) => top,
        StmtKind::Break(Some(l)) => l.name == label,
        StmtKind::Block(b) => has_break(&b.stmts, label, top),
        StmtKind::If { then, els, .. } => has_break(&then.stmts, label, top) || els.as_ref().map_or(false, |e| stmt_has_break(e, label, top)),
        StmtKind::Labeled(_, inner) => stmt_has_break(inner, label, top),
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => has_break(&body.stmts, label, false),
        StmtKind::Switch { cases, .. } | StmtKind::TypeSwitch { cases, .. } => cases.iter().any(|c| has_break(&c.body, label, false)),
        StmtKind::Select(cases) => cases.iter().any(|c| has_break(&c.body, label, false)),
        _ => false,
    }
}

fn collect_labels(stmts: &[Stmt], labels: &mut HashMap<String, (u32, bool)>, c: &mut Checker) {
    for s in stmts {
        match &*s.kind {
            StmtKind::Labeled(l, inner) => {
                if l.name != "_" {
                    if let Some(prev) = labels.get(&l.name) {
                        let p = c.sm.position(prev.0);
                        c.error(l.span.lo, format!("label {} already defined\n\t{}: previous definition", l.name, p).replace("\n\t", " at "));
                    } else {
                        labels.insert(l.name.clone(), (l.span.lo, false));
                    }
                }
                collect_labels(std::slice::from_ref(inner), labels, c);
            }
            StmtKind::Block(b) => collect_labels(&b.stmts, labels, c),
            StmtKind::If { then, els, .. } => {
                collect_labels(&then.stmts, labels, c);
                if let Some(e) = els {
                    collect_labels(std::slice::from_ref(e), labels, c);
                }
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => collect_labels(&body.stmts, labels, c),
            StmtKind::Switch { cases, .. } | StmtKind::TypeSwitch { cases, .. } => {
                for cc in cases {
                    collect_labels(&cc.body, labels, c);
                }
            }
            StmtKind::Select(cases) => {
                for cc in cases {
                    collect_labels(&cc.body, labels, c);
                }
            }
            _ => {}
        }
    }
}

struct LabelCtx<'l> {
    /// Enclosing breakable statements: (label, is_loop).
    loops: Vec<(Option<String>, bool)>,
    labels: &'l mut HashMap<String, (u32, bool)>,
    errors: Vec<(u32, String)>,
}

fn walk_jumps(stmts: &[Stmt], c: &mut LabelCtx) {
    for s in stmts {
        walk_jump(s, None, c);
    }
}

fn walk_jump(s: &Stmt, label: Option<&str>, c: &mut LabelCtx) {
    match &*s.kind {
        StmtKind::Labeled(l, inner) => walk_jump(inner, Some(&l.name), c),
        StmtKind::Break(l) | StmtKind::Continue(l) => {
            let is_break = matches!(*s.kind, StmtKind::Break(_));
            let kw = if is_break { "break" } else { "continue" };
            match l {
                None => {
                    let ok = if is_break { !c.loops.is_empty() } else { c.loops.iter().any(|x| x.1) };
                    if !ok {
                        let msg = if is_break { "break is not in a loop, switch, or select" } else { "continue is not in a loop" };
                        c.errors.push((s.span.lo, msg.to_string()));
                    }
                }
                Some(l) => {
                    if let Some(e) = c.labels.get_mut(&l.name) {
                        e.1 = true;
                    }
                    match c.loops.iter().rev().find(|x| x.0.as_deref() == Some(l.name.as_str())) {
                        Some(x) if is_break || x.1 => {}
                        Some(_) => c.errors.push((l.span.lo, format!("invalid continue label {}", l.name))),
                        None => {
                            if c.labels.contains_key(&l.name) {
                                c.errors.push((l.span.lo, format!("invalid {} label {}", kw, l.name)));
                            } else {
                                c.errors.push((l.span.lo, format!("{} label not defined: {}", kw, l.name)));
                            }
                        }
                    }
                }
            }
        }
        StmtKind::Goto(l) => match c.labels.get_mut(&l.name) {
            Some(e) => e.1 = true,
            None => c.errors.push((l.span.lo, format!("label {} not defined", l.name))),
        },
        StmtKind::Block(b) => walk_jumps(&b.stmts, c),
        StmtKind::If { then, els, .. } => {
            walk_jumps(&then.stmts, c);
            if let Some(e) = els {
                walk_jump(e, None, c);
            }
        }
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            c.loops.push((label.map(String::from), true));
            walk_jumps(&body.stmts, c);
            c.loops.pop();
        }
        StmtKind::Switch { cases, .. } | StmtKind::TypeSwitch { cases, .. } => {
            c.loops.push((label.map(String::from), false));
            for cc in cases {
                walk_jumps(&cc.body, c);
            }
            c.loops.pop();
        }
        StmtKind::Select(cases) => {
            c.loops.push((label.map(String::from), false));
            for cc in cases {
                walk_jumps(&cc.body, c);
            }
            c.loops.pop();
        }
        _ => {}
    }
}

/// Whether `e` is a receive operation `<-c` (in parentheses or not).
fn is_recv(e: &Expr) -> bool {
    matches!(&super::expr::strip_parens(e).kind, ExprKind::Unary(ast::UnOp::Recv, _))
}
