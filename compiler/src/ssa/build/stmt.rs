//! Statements: assignments and declarations, lvalues and addresses, if/for/switch/range.

use super::*;

impl<'a> Builder<'a> {
    // ------------------------------------------------------------------------------------
    // Statements

    pub(super) fn stmts(&mut self, stmts: &[Stmt]) {
        // A label that a later goto jumps back to starts a loop (for escape analysis's
        // loop depth), until the end of its block.
        let depth = self.loop_depth;
        for s in stmts {
            self.stmt(s, None);
        }
        self.loop_depth = depth;
    }

    pub(super) fn stmt(&mut self, s: &Stmt, label: Option<&str>) {
        let pos = s.span.lo;
        match &*s.kind {
            StmtKind::Empty => {}
            StmtKind::Labeled(l, inner) => {
                if self.backward_gotos.iter().any(|(n, at)| *n == l.name && *at > pos) {
                    self.loop_depth += 1;
                }
                let b = self.label_block(&l.name, pos);
                self.jump(b);
                self.start(b);
                self.stmt(inner, Some(&l.name))
            }
            StmtKind::Expr(e) => {
                self.expr_any(e);
            }
            StmtKind::IncDec(x, inc) => {
                let t = self.type_of(x);
                let op = if *inc { BinOp::Add } else { BinOp::Sub };
                self.op_assign(x, op, &mut |b: &mut Builder| b.constant(Const::Int(1.into()), t, pos), pos);
            }
            StmtKind::Assign(lhs, op, rhs) => {
                let before = self.f.esc.remarks.len();
                self.assign(lhs, *op, rhs, pos);
                // gc places an assignment at its operator.
                for r in &mut self.f.esc.remarks[before..] {
                    r.0 = s.pos;
                }
            }
            StmtKind::Decl(ast::Decl::Var(specs)) => {
                for sp in specs {
                    self.var_spec(sp);
                }
            }
            StmtKind::Decl(ast::Decl::Type(_)) => {
                // gc 1.19 does not inline a function that declares a type.
                self.f.no_inline = Some("unhandled op DCLTYPE");
            }
            StmtKind::Decl(_) => {}
            StmtKind::Block(b) => self.stmts(&b.stmts),
            StmtKind::Return(results) => {
                let want = self.results.clone();
                if !results.is_empty() {
                    let types: Vec<TypeId> = want.iter().map(|o| self.obj_ty(*o)).collect();
                    let vals = self.rhs_to(results, &types, pos);
                    // Assign to the result variables first (they may be named and addressed).
                    for (o, v) in want.iter().zip(vals) {
                        self.write_obj(*o, v, pos);
                    }
                }
                let rs = self.result_values(pos);
                let b = self.cur;
                self.f.blocks[b as usize].kind = BlockKind::Ret(rs);
                self.dead_block(pos);
            }
            StmtKind::If { init, cond, then, els } => {
                if let Some(i) = init {
                    self.stmt(i, None);
                }
                let yes = self.new_block(then.lbrace.lo);
                let no = self.new_block(pos);
                match self.info.consts.get(&cond.id) {
                    // A constant condition: the branch never taken is built without an
                    // edge into it (deadcode removes it); escape analysis skips it, as gc's
                    // deadcode removes it before escape analysis runs.
                    Some(crate::types::constant::Const::Bool(taken)) => {
                        let (live, dead) = if *taken { (yes, no) } else { (no, yes) };
                        self.jump(live);
                        self.f.esc.dead_branches.push(dead);
                    }
                    _ => self.cond(cond, yes, no),
                }
                self.seal(yes);
                self.seal(no);
                let join = self.new_block(pos);
                self.start(yes);
                self.stmts(&then.stmts);
                self.jump(join);
                self.start(no);
                if let Some(e) = els {
                    self.stmt(e, None);
                }
                self.continue_at(join);
            }
            StmtKind::For { init, cond, post, body } => {
                if let Some(i) = init {
                    self.stmt(i, None);
                }
                let header = self.new_block(pos);
                let bodyb = self.new_block(body.lbrace.lo);
                let postb = self.new_block(pos);
                let exit = self.new_block(pos);
                self.jump(header);
                self.start(header);
                match cond {
                    Some(c) => self.cond(c, bodyb, exit),
                    None => self.jump(bodyb),
                }
                self.seal(bodyb);
                self.start(bodyb);
                self.loop_body(label, body, exit, postb);
                if let Some(p) = post {
                    self.stmt(p, None);
                }
                self.loop_back(header, exit);
            }
            StmtKind::Range { key, value, define, x, body } => self.range(key.as_deref(), value.as_deref(), *define, x, body, label, pos),
            StmtKind::Switch { init, tag, cases, .. } => self.switch(init.as_deref(), tag.as_ref(), cases, label, pos),
            StmtKind::Break(l) | StmtKind::Continue(l) => {
                let is_break = matches!(*s.kind, StmtKind::Break(_));
                let t = match l {
                    None => self.targets.iter().rev().find(|t| is_break || t.cont.is_some()),
                    Some(l) => self.targets.iter().rev().find(|t| t.label.as_deref() == Some(l.name.as_str())),
                };
                let Some(t) = t else { return };
                let to = if is_break { t.brk } else { t.cont.unwrap() };
                self.jump(to);
                self.dead_block(pos);
            }
            StmtKind::Fallthrough => {
                if let Some(to) = self.fallthrough_to {
                    self.jump(to);
                    self.dead_block(pos);
                }
            }
            StmtKind::Goto(l) => {
                let b = self.label_block(&l.name, pos);
                self.jump(b);
                self.dead_block(pos);
            }
            StmtKind::Defer(e) => self.defer_stmt(e, pos),
            StmtKind::TypeSwitch { init, bind, x, cases } => self.type_switch(init.as_deref(), bind.as_ref(), x, cases, label, pos),
            StmtKind::Go(e) => self.go_stmt(e, pos),
            StmtKind::Send(ch, v) => self.send_stmt(ch, v, pos),
            StmtKind::Select(cases) => self.select_stmt(cases, label, pos),
        }
    }

    pub(super) fn var_spec(&mut self, sp: &ast::ValueSpec) {
        let pos = sp.span.lo;
        let objs: Vec<ObjId> = sp.names.iter().map(|n| self.info.defs[&n.span.lo]).collect();
        if sp.values.is_empty() {
            for o in objs {
                self.declare_zero(o, pos);
            }
            return;
        }
        let targets: Vec<TypeId> = objs.iter().map(|o| self.obj_ty(*o)).collect();
        let before = self.f.values.len() as ValueId;
        let vals = self.rhs_to(&sp.values, &targets, pos);
        // gc places the conversions to an interface of a declaration with a type where its
        // type checker last set its position: at the '{' of the last composite literal of
        // the values (`var a, b any = T{}, T{}`: both at the second '{'), or, for one
        // value without any, at the name (`var i I = v`).
        let mut lbraces = vec![];
        for v in &sp.values {
            last_lbraces(v, &mut lbraces);
        }
        if sp.ty.is_some() && sp.values.len() == targets.len() {
            if let Some(&at) = lbraces.last() {
                for (v, &t) in sp.values.iter().zip(&targets) {
                    let vt = self.type_of(v);
                    // (A pointer-shaped value goes into the interface as it is: no conversion
                    // to place.)
                    if self.tt.is_interface(t) && !self.tt.is_interface(vt) && !self.tt.is_direct_iface(vt) {
                        self.move_notes(before, crate::ssa::escape::exprfmt::gc_pos(v), at);
                    }
                }
            } else if let ([n], [v]) = (&sp.names[..], &sp.values[..]) {
                let vt = self.type_of(v);
                if self.tt.is_interface(targets[0]) && !self.tt.is_interface(vt) && !self.tt.is_direct_iface(vt) {
                    self.place_last_conversion(before, n.span.lo);
                }
            }
        }
        for (o, v) in objs.into_iter().zip(vals) {
            self.declare_value(o, v, pos);
        }
    }

    /// Evaluates right-hand sides for targets of the given types (INVALID: keep the value's
    /// type): one expression per target, a multi-valued call, or a "comma, ok" expression.
    pub(super) fn rhs_to(&mut self, rhs: &[Expr], targets: &[TypeId], pos: u32) -> Vec<ValueId> {
        let n = targets.len();
        if rhs.len() == 1 && n == 2 && self.info.comma_ok.contains(&strip_parens(&rhs[0]).id) {
            let (v, ok) = self.comma_ok(&rhs[0]);
            let vt = self.type_of(&rhs[0]);
            let v = self.coerce(v, vt, targets[0], pos);
            let ok = self.coerce(ok, BOOL, targets[1], pos);
            return vec![v, ok];
        }
        if rhs.len() == 1 && n > 1 {
            let call = self.expr_any(&rhs[0]).unwrap_or(0);
            let TypeKind::Tuple(ts) = self.tt.kind(self.f.v(call).ty).clone() else { return vec![] };
            let mut out = vec![];
            for (i, t) in ts.iter().enumerate() {
                let v = self.add(Op::Select, *t, vec![call], Aux::Int(i as i64), pos);
                out.push(self.coerce(v, *t, targets[i], pos));
            }
            return out;
        }
        rhs.iter().zip(targets).map(|(r, t)| if *t == INVALID { self.expr(r) } else { self.expr_to(r, *t) }).collect()
    }

    /// The two values of a "comma, ok" expression: `x.(T)` or `m[k]`.
    pub(super) fn comma_ok(&mut self, e: &Expr) -> (ValueId, ValueId) {
        let e = strip_parens(e);
        let pos = e.span.lo;
        match &e.kind {
            ExprKind::TypeAssert(x, Some(_)) => {
                let t = self.type_of(e);
                let (v, ok) = self.type_assert(x, t, true, pos);
                (v, ok.unwrap())
            }
            ExprKind::Index(x, idx) => {
                let (v, ok) = self.map_index(x, &idx[0], true, pos);
                (v, ok.unwrap())
            }
            ExprKind::Unary(UnOp::Recv, x) => {
                let (v, ok) = self.recv_expr(e, x, true, pos);
                (v, ok.unwrap())
            }
            _ => {
                let v = self.expr(e);
                let t = self.int(BOOL, 1);
                (v, t)
            }
        }
    }

    /// The type each left-hand side of an assignment or definition receives (INVALID for `_`).
    fn lhs_types(&mut self, lhs: &[Expr], define: bool) -> Vec<TypeId> {
        lhs.iter()
            .map(|l| {
                if matches!(&l.kind, ExprKind::Ident(n) if n == "_") {
                    return INVALID;
                }
                if define {
                    if let Some(&o) = self.info.defs.get(&l.span.lo) {
                        return self.obj_ty(o);
                    }
                }
                self.type_of(l)
            })
            .collect()
    }

    pub(super) fn assign(&mut self, lhs: &[Expr], op: ast::AssignOp, rhs: &[Expr], pos: u32) {
        match op {
            ast::AssignOp::Op(bop) => {
                let r = &rhs[0];
                self.op_assign(&lhs[0], bop, &mut |b: &mut Builder| b.expr(r), pos);
            }
            ast::AssignOp::Define => {
                let targets = self.lhs_types(lhs, true);
                let vals = self.rhs_to(rhs, &targets, pos);
                for (l, v) in lhs.iter().zip(vals) {
                    let ExprKind::Ident(name) = &l.kind else { continue };
                    if name == "_" {
                        continue;
                    }
                    if let Some(&o) = self.info.defs.get(&l.span.lo) {
                        self.declare_value(o, v, pos);
                    } else if let Some(&o) = self.info.uses.get(&l.id) {
                        self.write_obj(o, v, pos);
                    }
                }
            }
            ast::AssignOp::Assign => {
                // Evaluate the left-hand operands and right-hand values first (tuple assign);
                // with several targets, their checks wait for their stores.
                let mut targets = vec![];
                for l in lhs {
                    targets.push(if lhs.len() > 1 { self.lvalue_deferred(l) } else { self.lvalue(l) });
                }
                let types = self.lhs_types(lhs, false);
                let before = self.f.values.len() as ValueId;
                let vals = self.rhs_to(rhs, &types, pos);
                // gc places the conversions to an interface of `x = v` where its type checker
                // last set its position: at the name the (last) target is reached from (`n` of
                // `n.f = v`, `p` of `*p = v`, `m` of `m[k] = v`, `y` of `x, y = v, w`).
                if lhs.len() == rhs.len() {
                    let at = target_base(&lhs[lhs.len() - 1]);
                    for (r, &t) in rhs.iter().zip(&types) {
                        self.move_conversion(before, r, t, at);
                    }
                }
                // Memory values must be copied before any store (a, b = b, a on arrays).
                let vals: Vec<ValueId> = if lhs.len() > 1 {
                    vals.into_iter()
                        .zip(lhs)
                        .map(|(v, l)| {
                            let t = self.type_of(l);
                            if t != INVALID && !is_ssa_type(self.tt, t) {
                                let p = self.new_obj(t, pos);
                                self.store(p, v, t, pos);
                                p
                            } else {
                                v
                            }
                        })
                        .collect()
                } else {
                    vals
                };
                let selfs: Vec<bool> = lhs.iter().enumerate().map(|(i, l)| rhs.len() == lhs.len() && crate::ssa::escape::selfassign::is_self_assign(self.info, self.tt, l, &rhs[i])).collect();
                // gc says it once for each target that is a self-assignment.
                for _ in selfs.iter().filter(|s| **s) {
                    let fname = self.f.name.strip_prefix("main.").unwrap_or(&self.f.name).to_string();
                    let text = crate::ssa::escape::selfassign::assign_text(self.info, self.tt, lhs, rhs);
                    self.f.esc.remarks.push((pos, format!("{} ignoring self-assignment in {}", fname, text)));
                }
                for (i, (t, v)) in targets.into_iter().zip(vals).enumerate() {
                    let start = self.f.values.len() as ValueId;
                    self.store_lvalue(t, v, pos);
                    if selfs[i] {
                        let end = self.f.values.len() as ValueId;
                        self.f.esc.ignored.extend(start..end);
                    }
                }
            }
        }
    }

    /// `x op= r`: x's operands are evaluated first, then r, then x is read and written.
    pub(super) fn op_assign(&mut self, x: &Expr, op: BinOp, r: &mut dyn FnMut(&mut Builder) -> ValueId, pos: u32) {
        let t = self.type_of(x);
        let lv = self.lvalue(x);
        let rv = r(self);

        if let LValue::MapElem(mt, m, k) = lv {
            // `m[k] op= r` with an operator that cannot panic: one lookup, which inserts the
            // key (gc does the same); the others read and then assign.
            if matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Or | BinOp::And | BinOp::Xor | BinOp::AndNot) {
                let p = self.map_assign_addr(mt, m, k, pos);
                let cur = self.load(p, t, pos);
                let v = self.arith(op, t, cur, rv, pos);
                self.store(p, v, t, pos);
                return;
            }
        }
        let cur = self.load_lvalue(&lv, t, pos);
        let v = self.arith(op, t, cur, rv, pos);
        if self.tt.is_string(t) {
            // gc: `s += x` assigns x to s, for escape analysis.
            self.f.esc.extra_flows.push((v, rv, 0));
        }
        self.store_lvalue(lv, v, pos);
    }

    // ------------------------------------------------------------------------------------
    // Lvalues

    pub(super) fn lvalue(&mut self, e: &Expr) -> LValue {
        let e = strip_parens(e);
        if let ExprKind::Ident(n) = &e.kind {
            if n == "_" {
                return LValue::Blank;
            }
            if let Some(&o) = self.info.uses.get(&e.id) {
                if let Some(Loc::Ssa(_)) = self.locs.get(&o) {
                    return LValue::Var(o);
                }
            }
        }
        if let ExprKind::Index(x, idx) = &e.kind {
            let mt = self.type_of(x);
            if let TypeKind::Map(kt, _) = self.tt.under_kind(mt).clone() {
                // The element's slot is found when the value is stored.
                let m = self.expr(x);
                let k = self.map_key(x, &idx[0], kt);
                return LValue::MapElem(mt, m, k);
            }
        }
        let t = self.type_of(e);
        let p = self.addr(e);
        LValue::Mem(p, t)
    }

    /// A target of a tuple assignment: its operands evaluated now, its nil or bounds check
    /// and address left for the store (see `LValue::DerefLater`).
    fn lvalue_deferred(&mut self, e: &Expr) -> LValue {
        let e = strip_parens(e);
        let t = self.type_of(e);
        match &e.kind {
            ExprKind::Unary(UnOp::Deref, x) => {
                let p = self.expr(x);
                LValue::DerefLater(p, t)
            }
            ExprKind::Index(x, idx) if matches!(self.tt.under_kind(self.raw_type_of(x)), TypeKind::Slice(_)) => {
                let s = self.expr(x);
                let i = self.index_int(&idx[0]);
                LValue::SliceElemLater(s, i, t)
            }
            ExprKind::Selector(x, _) => match self.info.selections.get(&e.id).cloned() {
                Some(Selection::Field { path, derefs }) if derefs[0] => {
                    let base = self.expr(x);
                    LValue::FieldLater(base, self.type_of(x), path, derefs, t)
                }
                _ => self.lvalue(e),
            },
            _ => self.lvalue(e),
        }
    }

    /// The address of a deferred target, with its checks.
    fn deferred_addr(&mut self, lv: &LValue, pos: u32) -> Option<(ValueId, TypeId)> {
        match lv {
            LValue::DerefLater(p, t) => {
                self.nil_check(*p, pos);
                Some((*p, *t))
            }
            LValue::SliceElemLater(s, i, el) => {
                let (s, i, el) = (*s, *i, *el);
                let len = self.add(Op::SliceLen, INT, vec![s], Aux::None, pos);
                self.bounds(i, len, pos);
                let pt = self.tt.pointer(el);
                let p = self.add(Op::SlicePtr, pt, vec![s], Aux::None, pos);
                let size = self.tt.size(el) as i64;
                Some((self.add(Op::PtrIndex, pt, vec![p, i], Aux::Int(size), pos), el))
            }
            LValue::FieldLater(base, xt, path, derefs, t) => {
                let (base, xt, t, path, derefs) = (*base, *xt, *t, path.clone(), derefs.clone());
                Some((self.field_addr(base, xt, &path, &derefs, pos), t))
            }
            _ => None,
        }
    }

    pub(super) fn load_lvalue(&mut self, lv: &LValue, t: TypeId, pos: u32) -> ValueId {
        if let Some((p, _)) = self.deferred_addr(lv, pos) {
            return self.load(p, t, pos);
        }
        match lv {
            LValue::Var(o) => self.read_obj(*o, pos),
            LValue::Mem(p, _) => self.load(*p, t, pos),
            LValue::MapElem(mt, m, k) => {
                let (mt, m, k) = (*mt, *m, *k);
                let pv = self.tt.pointer(t);
                let p = self.map_op(Op::MapAccess1, pv, mt, m, Some(k), pos);
                self.load(p, t, pos)
            }
            LValue::Blank => self.zero(t, pos),
            LValue::DerefLater(..) | LValue::SliceElemLater(..) | LValue::FieldLater(..) => unreachable!("handled by deferred_addr"),
        }
    }

    pub(super) fn store_lvalue(&mut self, lv: LValue, v: ValueId, pos: u32) {
        if let Some((p, t)) = self.deferred_addr(&lv, pos) {
            self.store(p, v, t, pos);
            return;
        }
        match lv {
            LValue::Var(o) => self.write_obj(o, v, pos),
            LValue::Mem(p, t) => self.store(p, v, t, pos),
            LValue::MapElem(mt, m, k) => {
                let vt = match self.tt.under_kind(mt) { TypeKind::Map(_, v) => *v, _ => INVALID };
                let p = self.map_assign_addr(mt, m, k, pos);
                self.store(p, v, vt, pos);
            }
            LValue::Blank => {}
            LValue::DerefLater(..) | LValue::SliceElemLater(..) | LValue::FieldLater(..) => unreachable!("handled by deferred_addr"),
        }
    }

    /// The address of an addressable expression.
    pub(super) fn addr(&mut self, e: &Expr) -> ValueId {
        let e = strip_parens(e);
        let pos = e.span.lo;
        let t = self.type_of(e);
        match &e.kind {
            ExprKind::Ident(_) => {
                let o = self.info.uses[&e.id];
                self.obj_addr(o, pos)
            }
            ExprKind::Selector(x, _) => match self.info.selections.get(&e.id).cloned() {
                Some(Selection::Field { path, derefs }) => {
                    let xt = self.type_of(x);
                    let base = if derefs[0] { self.expr(x) } else { self.addr(x) };
                    self.field_addr(base, xt, &path, &derefs, pos)
                }
                Some(Selection::Qualified(o)) => self.obj_addr(o, pos),
                _ => {
                    self.unsupported(pos, "this selector");
                    self.zero(UNSAFE_POINTER, pos)
                }
            },
            ExprKind::Index(x, idx) => {
                let xt = self.type_of(x);
                match self.tt.under_kind(xt).clone() {
                    TypeKind::Slice(el) => {
                        let s = self.expr(x);
                        let i = self.index_int(&idx[0]);
                        let len = self.add(Op::SliceLen, INT, vec![s], Aux::None, pos);
                        // Checks are placed at the '[' (where gc reports them).
                        self.bounds(i, len, x.span.hi);
                        let ptr_t = self.tt.pointer(el);
                        let p = self.add(Op::SlicePtr, ptr_t, vec![s], Aux::None, pos);
                        let size = self.tt.size(el) as i64;
                        let pt = self.tt.pointer(el);
                        self.add(Op::PtrIndex, pt, vec![p, i], Aux::Int(size), pos)
                    }
                    TypeKind::Array(n, el) => {
                        let base = self.addr(x);
                        self.array_elem_addr(base, n, el, &idx[0], x.span.hi)
                    }
                    TypeKind::Pointer(a) => {
                        let TypeKind::Array(n, el) = self.tt.under_kind(a).clone() else { unreachable!() };
                        let base = self.expr(x);
                        self.nil_check(base, pos);
                        self.array_elem_addr(base, n, el, &idx[0], x.span.hi)
                    }
                    TypeKind::Map(..) => {
                        // A map element is not addressable; its (memory-typed) value is the
                        // address of a copy, which is what selecting or indexing into it needs.
                        self.map_index(x, &idx[0], false, pos).0
                    }
                    _ => {
                        self.unsupported(pos, "this index expression");
                        self.zero(UNSAFE_POINTER, pos)
                    }
                }
            }
            ExprKind::Unary(UnOp::Deref, x) => {
                let p = self.expr(x);
                self.nil_check(p, pos);
                p
            }
            ExprKind::CompositeLit { .. } => {
                // Addressable only for &T{}; also used for memory-typed values.
                let v = self.expr(e);
                self.to_heap(v, t, pos)
            }
            _ => {
                // A memory-typed value (e.g. a call result): its value is its address.
                if !is_ssa_type(self.tt, t) {
                    return self.expr(e);
                }
                self.unsupported(pos, "taking this address");
                self.zero(UNSAFE_POINTER, pos)
            }
        }
    }

    pub(super) fn array_elem_addr(&mut self, base: ValueId, n: u64, el: TypeId, idx: &Expr, pos: u32) -> ValueId {
        let i = self.index_int(idx);
        if self.info.consts.get(&idx.id).is_none() {
            if self.bounded(idx, n) {
                self.f.bounded_index.push(pos);
            } else {
                let len = self.int(INT, n as i64);
                self.bounds(i, len, pos);
            }
        }
        let size = self.tt.size(el) as i64;
        let pt = self.tt.pointer(el);
        self.add(Op::PtrIndex, pt, vec![base, i], Aux::Int(size), pos)
    }

    pub(super) fn field_addr(&mut self, base: ValueId, xt: TypeId, path: &[usize], derefs: &[bool], pos: u32) -> ValueId {
        let mut p = base;
        let mut t = xt;
        for (k, &i) in path.iter().enumerate() {
            if derefs[k] {
                if k > 0 {
                    // base holds a pointer field: load it
                    p = self.load(p, t, pos);
                }
                self.nil_check(p, pos);
                t = match self.tt.under_kind(t) {
                    TypeKind::Pointer(b) => *b,
                    _ => t,
                };
            }
            let offs = self.tt.field_offsets(t);
            let TypeKind::Struct(fs) = self.tt.under_kind(t).clone() else { break };
            let ft = fs[i].ty;
            let pt = self.tt.pointer(ft);
            p = self.add(Op::OffPtr, pt, vec![p], Aux::Int(offs[i] as i64), pos);
            t = ft;
        }
        p
    }

    // ------------------------------------------------------------------------------------
    // Control flow helpers

    /// Branches on a boolean expression, with short-circuit && and ||.
    pub(super) fn cond(&mut self, e: &Expr, yes: BlockId, no: BlockId) {
        let e = strip_parens(e);
        match &e.kind {
            ExprKind::Binary(BinOp::LAnd, l, r) if self.info.consts.get(&e.id).is_none() => {
                let mid = self.new_block(r.span.lo);
                self.cond(l, mid, no);
                self.seal(mid);
                self.start(mid);
                self.cond(r, yes, no);
            }
            ExprKind::Binary(BinOp::LOr, l, r) if self.info.consts.get(&e.id).is_none() => {
                let mid = self.new_block(r.span.lo);
                self.cond(l, yes, mid);
                self.seal(mid);
                self.start(mid);
                self.cond(r, yes, no);
            }
            ExprKind::Unary(UnOp::Not, x) if self.info.consts.get(&e.id).is_none() => self.cond(x, no, yes),
            _ => {
                let c = self.expr(e);
                self.branch(c, yes, no);
            }
        }
    }

    pub(super) fn switch(&mut self, init: Option<&Stmt>, tag: Option<&Expr>, cases: &[ast::CaseClause], label: Option<&str>, pos: u32) {
        if let Some(i) = init {
            self.stmt(i, None);
        }
        let chosen = self.constant_case(tag, cases);
        let tagv = if chosen.is_some() { None } else { tag.map(|t| (self.expr(t), self.type_of(t))) };
        let exit = self.new_block(pos);
        let bodies: Vec<BlockId> = cases.iter().map(|c| self.new_block(c.span.lo)).collect();
        if let Some(chosen) = chosen {
            // A constant switch: only the clause that matches runs; the others are built
            // without an edge into them and escape analysis skips them (gc's deadcode
            // removes them before).
            self.jump(chosen.map_or(exit, |i| bodies[i]));
            for (i, &b) in bodies.iter().enumerate() {
                if chosen != Some(i) {
                    self.f.esc.dead_branches.push(b);
                }
            }
        }
        // Tests in source order; default last.
        for (ci, c) in cases.iter().enumerate() {
            if c.default || chosen.is_some() {
                continue;
            }
            for e in &c.exprs {
                let next = self.new_block(e.span.lo);
                match tagv {
                    Some((tv, tt)) => {
                        let ct = self.type_of(e);
                        let v = self.expr(e);
                        // Tag and case compare in the interface type if one of them has it.
                        let (cmp_t, a, b) = if ct != tt && self.tt.is_interface(ct) && !self.tt.is_interface(tt) {
                            let a = self.coerce(tv, tt, ct, e.span.lo);
                            (ct, a, v)
                        } else {
                            let b = self.coerce(v, ct, tt, e.span.lo);
                            (tt, tv, b)
                        };
                        let eq = self.compare(BinOp::Eql, cmp_t, a, b, e.span.lo);
                        self.branch(eq, bodies[ci], next);
                    }
                    None if self.tt.is_interface(self.raw_type_of(e)) => {
                        // `case i` of a tagless switch: true == i.
                        let it = self.type_of(e);
                        let v = self.expr(e);
                        let t = self.int(BOOL, 1);
                        let tv = self.coerce(t, BOOL, it, e.span.lo);
                        let eq = self.compare(BinOp::Eql, it, tv, v, e.span.lo);
                        self.branch(eq, bodies[ci], next);
                    }
                    None => self.cond(e, bodies[ci], next),
                }
                self.seal(next);
                self.start(next);
            }
        }
        if chosen.is_none() {
            match cases.iter().position(|c| c.default) {
                Some(d) => self.jump(bodies[d]),
                None => self.jump(exit),
            }
        }
        self.targets.push(Target { label: label.map(String::from), brk: exit, cont: None });
        for (ci, c) in cases.iter().enumerate() {
            // A body's predecessors are the tests and possibly the previous body's fallthrough,
            // all known once the previous body is built.
            self.seal(bodies[ci]);
            self.start(bodies[ci]);
            let saved = self.fallthrough_to;
            self.fallthrough_to = bodies.get(ci + 1).copied();
            self.stmts(&c.body);
            self.fallthrough_to = saved;
            self.jump(exit);
        }
        self.targets.pop();
        self.seal(exit);
        self.start(exit);
    }

    /// For a switch on a constant (or a tagless one) whose cases are constants up to the one
    /// that matches: the clause that runs (None: none), as gc's deadcode finds it. None if
    /// that is not known before running, or the clause falls through.
    pub(super) fn constant_case(&self, tag: Option<&Expr>, cases: &[ast::CaseClause]) -> Option<Option<usize>> {
        let x = match tag {
            Some(t) => self.info.consts.get(&t.id)?.clone(),
            None => Const::Bool(true),
        };
        let falls = |c: &ast::CaseClause| c.body.iter().any(|s| matches!(*s.kind, StmtKind::Fallthrough));
        let mut default = None;
        for (i, c) in cases.iter().enumerate() {
            if c.default {
                default = Some(i);
                continue;
            }
            for e in &c.exprs {
                if *self.info.consts.get(&e.id)? == x {
                    return (!falls(c)).then_some(Some(i));
                }
            }
        }
        match default {
            Some(d) if falls(&cases[d]) => None,
            d => Some(d),
        }
    }

    #[allow(clippy::too_many_arguments)]
    /// The iteration variables of a range loop: declared once before the loop (`:=`; Go 1.19
    /// has one variable per loop, not per iteration), or the expressions assigned to.
    pub(super) fn range_vars(&mut self, key: Option<&Expr>, value: Option<&Expr>, define: bool, types: &[TypeId], pos: u32) -> Vec<Option<RangeVar>> {
        let _ = types;
        [key, value]
            .iter()
            .map(|e| {
                let e = (*e)?;
                if matches!(&e.kind, ExprKind::Ident(n) if n == "_") {
                    return None;
                }
                if define {
                    let o = *self.info.defs.get(&e.span.lo)?;
                    self.declare_zero(o, pos);
                    Some(RangeVar::Obj(o))
                } else {
                    Some(RangeVar::Expr(e.clone()))
                }
            })
            .collect()
    }

    /// Assigns one iteration's values (of the given types) to the iteration variables.
    /// The assignment is a parallel one (`for i, x[i] = range y` indexes x with the old i):
    /// the operands of the left-hand sides are evaluated before any is assigned.
    pub(super) fn assign_range_vars(&mut self, vars: &[Option<RangeVar>], vals: &[Option<ValueId>], types: &[TypeId], pos: u32) {
        let mut targets = vec![];
        for (i, var) in vars.iter().enumerate() {
            let (Some(var), Some(v)) = (var, vals.get(i).copied().flatten()) else { continue };
            match var {
                RangeVar::Obj(o) => targets.push((i, v, None, Some(*o))),
                RangeVar::Expr(e) => {
                    let lv = if vars.iter().flatten().count() > 1 { self.lvalue_deferred(e) } else { self.lvalue(e) };
                    targets.push((i, v, Some((lv, self.type_of(e))), None));
                }
            }
        }
        for (i, v, lv, obj) in targets {
            if let Some(o) = obj {
                let t = self.obj_ty(o);
                let v = self.coerce(v, types[i], t, pos);
                self.write_obj(o, v, pos);
            } else if let Some((lv, t)) = lv {
                let v = self.coerce(v, types[i], t, pos);
                self.store_lvalue(lv, v, pos);
            }
        }
    }

    pub(super) fn range(&mut self, key: Option<&Expr>, value: Option<&Expr>, define: bool, x: &Expr, body: &ast::Block, label: Option<&str>, pos: u32) {
        let xt = self.type_of(x);
        if let TypeKind::Map(..) = self.tt.under_kind(xt) {
            return self.range_map(key, value, define, x, body, label, pos);
        }
        if let TypeKind::Chan(..) = self.tt.under_kind(xt) {
            return self.range_chan(key, define, x, body, label, pos);
        }
        let is_string = self.tt.is_string(xt);
        // `for i, _ := range` does not read the elements.
        let value = value.filter(|v| !matches!(&v.kind, ExprKind::Ident(n) if n == "_"));
        // The ranged value is evaluated once.
        let (len, base, elem) = match self.tt.under_kind(xt).clone() {
            TypeKind::Basic(_) => {
                let s = self.expr(x);
                let l = self.add(Op::StringLen, INT, vec![s], Aux::None, pos);
                (l, s, UINT8)
            }
            TypeKind::Slice(el) => {
                let s = self.expr(x);
                let l = self.add(Op::SliceLen, INT, vec![s], Aux::None, pos);
                (l, s, el)
            }
            TypeKind::Array(n, el) => {
                // Ranging over an array copies it (only when the value is used).
                let a = if value.is_some() {
                    let src = self.addr(x);
                    let p = self.new_obj(xt, pos);
                    self.store(p, src, xt, pos);
                    p
                } else {
                    // Not even evaluated, unless it has calls or receives (then len(x) is
                    // not a constant).
                    if crate::types::builtins::has_call(x) {
                        self.expr(x);
                    }
                    self.zero(UNSAFE_POINTER, pos)
                };
                let l = self.int(INT, n as i64);
                (l, a, el)
            }
            TypeKind::Pointer(p) => {
                let TypeKind::Array(n, el) = self.tt.under_kind(p).clone() else { unreachable!() };
                let a = self.expr(x);
                if value.is_some() {
                    self.nil_check(a, pos);
                }
                let l = self.int(INT, n as i64);
                (l, a, el)
            }
            _ => {
                self.unsupported(pos, "this range loop");
                return;
            }
        };
        let kt = INT;
        let vt = if is_string { INT32 } else { elem };
        // Go 1.19: one variable per loop, assigned by each iteration.
        let vars = self.range_vars(key, value, define, &[kt, vt], pos);
        let idx_var = self.new_var(INT);
        let zero = self.int(INT, 0);
        self.write_var(idx_var, self.cur, zero);
        let header = self.new_block(pos);
        let bodyb = self.new_block(body.lbrace.lo);
        let postb = self.new_block(pos);
        let exit = self.new_block(pos);
        self.jump(header);
        self.start(header);
        let i = self.read_var(idx_var, header);
        let c = self.add(Op::Less, BOOL, vec![i, len], Aux::Int(INT as i64), pos);
        self.branch(c, bodyb, exit);
        self.seal(bodyb);
        self.start(bodyb);
        // The iteration values.
        let (kv, vv, next_i) = if is_string {
            // (rune, next index) = decoderune(s, i)
            let p = self.add(Op::StringPtr, UNSAFE_POINTER, vec![base], Aux::None, pos);
            let tup = self.tt.tuple(vec![INT32, INT]);
            let r = self.rt("decoderune", tup, vec![p, len, i], pos);
            let rv = self.add(Op::Select, INT32, vec![r], Aux::Int(0), pos);
            let ni = self.add(Op::Select, INT, vec![r], Aux::Int(1), pos);
            (i, Some(rv), Some(ni))
        } else {
            let vv = if value.is_some() {
                let pt = self.tt.pointer(elem);
                let p = match self.tt.under_kind(xt) {
                    TypeKind::Slice(_) => self.add(Op::SlicePtr, pt, vec![base], Aux::None, pos),
                    _ => base,
                };
                let size = self.tt.size(elem) as i64;
                let ep = self.add(Op::PtrIndex, pt, vec![p, i], Aux::Int(size), pos);
                Some(if is_ssa_type(self.tt, elem) { self.load(ep, elem, pos) } else { ep })
            } else {
                None
            };
            (i, vv, None)
        };
        self.assign_range_vars(&vars, &[Some(kv), vv], &[kt, vt], pos);
        // For strings the next index comes from decoderune, computed at the top of the body;
        // it reaches the post block through a variable.
        let step_var = self.new_var(INT);
        if let Some(ni) = next_i {
            let b = self.f.v(ni).block;
            self.write_var(step_var, b, ni);
        }
        self.loop_body(label, body, exit, postb);
        let i2 = if next_i.is_some() {
            self.read_var(step_var, postb)
        } else {
            let i_now = self.read_var(idx_var, postb);
            let one = self.int(INT, 1);
            self.add(Op::Add, INT, vec![i_now, one], Aux::None, pos)
        };
        self.write_var(idx_var, postb, i2);
        self.loop_back(header, exit);
    }

}

/// The gotos in a function body (not in its function literals): label and position.
pub(super) fn gotos(stmts: &[Stmt], out: &mut Vec<(String, u32)>) {
    for s in stmts {
        goto_stmt(s, out);
    }
}

fn goto_stmt(s: &Stmt, out: &mut Vec<(String, u32)>) {
    match &*s.kind {
        StmtKind::Goto(l) => out.push((l.name.clone(), s.span.lo)),
        StmtKind::Labeled(_, inner) => goto_stmt(inner, out),
        StmtKind::Block(b) => gotos(&b.stmts, out),
        StmtKind::If { then, els, .. } => {
            gotos(&then.stmts, out);
            if let Some(e) = els {
                goto_stmt(e, out);
            }
        }
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => gotos(&body.stmts, out),
        StmtKind::Switch { cases, .. } | StmtKind::TypeSwitch { cases, .. } => {
            for c in cases {
                gotos(&c.body, out);
            }
        }
        _ => {}
    }
}

/// The '{' of every composite literal in `e`, outer ones before inner ones, in source order.
fn last_lbraces(e: &Expr, out: &mut Vec<u32>) {
    let e = strip_parens(e);
    match &e.kind {
        ExprKind::CompositeLit { elems, .. } => {
            out.push(crate::ssa::escape::exprfmt::gc_pos(e));
            for el in elems {
                if let Some(k) = &el.key {
                    last_lbraces(k, out);
                }
                last_lbraces(&el.value, out);
            }
        }
        ExprKind::Unary(_, x) | ExprKind::Paren(x) => last_lbraces(x, out),
        _ => {}
    }
}

impl<'a> Builder<'a> {
    /// Reports the implicit conversion of `r` to type `to` (if it is one to an interface
    /// that makes a value, noted since value `before`) at `at`.
    pub(super) fn move_conversion(&mut self, before: ValueId, r: &Expr, to: TypeId, at: u32) {
        let rt = self.type_of(r);
        if to == INVALID || !self.tt.is_interface(to) || self.tt.is_interface(rt) || self.tt.is_direct_iface(rt) {
            return;
        }
        let conv = self.last_expr_note(before, Some(crate::ssa::escape::exprfmt::gc_pos(r)));
        if let Some(n) = conv.and_then(|v| self.f.esc.allocs.get_mut(&v)) {
            n.pos = at;
        }
    }
}

/// Where the target of an assignment (or the channel of a send) starts for gc: the name it
/// is reached from.
pub(super) fn target_base(e: &Expr) -> u32 {
    match &strip_parens(e).kind {
        ExprKind::Selector(x, _) | ExprKind::Index(x, _) | ExprKind::Unary(UnOp::Deref, x) => target_base(x),
        _ => strip_parens(e).span.lo,
    }
}
