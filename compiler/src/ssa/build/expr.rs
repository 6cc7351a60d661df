//! Expressions: constants, operators, comparisons, slicing, composite literals.

use super::*;

impl<'a> Builder<'a> {
    // ------------------------------------------------------------------------------------
    // Expressions

    /// An expression statement or call that may have no value.
    pub(super) fn expr_any(&mut self, e: &Expr) -> Option<ValueId> {
        let inner = strip_parens(e);
        if let ExprKind::Call { fun, args, ellipsis } = &inner.kind {
            return self.call(inner, fun, args, *ellipsis);
        }
        Some(self.expr(e))
    }

    pub(super) fn index_int(&mut self, e: &Expr) -> ValueId {
        let v = self.expr(e);
        let t = self.type_of(e);
        self.to_int(v, t, e.span.lo)
    }

    pub(super) fn to_int(&mut self, v: ValueId, t: TypeId, pos: u32) -> ValueId {
        if self.tt.under(t) == INT {
            return v;
        }
        if self.tt.size(t) == 8 && self.tt.is_unsigned(t) {
            return v;
        }
        self.add(Op::Cvt, INT, vec![v], Aux::Int(t as i64), pos)
    }

    /// The value of an expression (for memory types: the address of a copy or of the value).
    pub fn expr(&mut self, e: &Expr) -> ValueId {
        let v = self.expr_inner(e);
        self.note_expr(e, v);
        v
    }

    /// Records the allocation an expression makes, if any, for escape analysis (with gc's
    /// spelling of the expression and gc's position for it, and in a shipped package its
    /// spelling once inlined elsewhere).
    fn note_expr(&mut self, e: &Expr, v: ValueId) {
        self.note_expr_site(e, v);
        if let Some(p) = self.last_note.take() {
            let outside = self.outside_text(strip_parens(e), None);
            if let Some(n) = self.f.esc.allocs.get_mut(&p) {
                n.outside = outside;
            }
        }
    }

    fn note_expr_site(&mut self, e: &Expr, v: ValueId) {
        use crate::ssa::escape::notes::AllocKind;
        use crate::ssa::escape::{heap_reason_implicit, MAX_IMPLICIT_STACK_VAR_SIZE};
        let e = strip_parens(e);
        if self.info.consts.contains_key(&e.id) {
            return;
        }
        let t = self.type_of(e);
        self.last_note = None;
        let text = || crate::ssa::escape::exprfmt::gc_expr_marked(e, self.info, self.tt);
        // gc reports a composite literal at its '{'.
        let lbrace = match &e.kind {
            ExprKind::CompositeLit { ty: Some(t), .. } => t.span.hi,
            _ => e.span.lo,
        };
        let root = |f: &Func, mut v: ValueId| -> Option<ValueId> {
            loop {
                let x = f.v(v);
                match x.op {
                    Op::New | Op::CallRT | Op::MapMake | Op::StringConcat => return Some(v),
                    Op::Copy | Op::SliceMake | Op::Select if !x.args.is_empty() => v = x.args[0],
                    _ => return None,
                }
            }
        };
        match &e.kind {
            ExprKind::CompositeLit { .. } => match self.tt.under_kind(t).clone() {
                TypeKind::Slice(el) => {
                    if let Some(p) = root(&self.f, v) {
                        if self.f.v(p).op == Op::New {
                            let size = match &self.f.v(p).aux { Aux::Int(s) => *s as u64, _ => self.tt.size(el) };
                            let reason = heap_reason_implicit(size);
                            let text = text();
                            self.note_expr_alloc(p, AllocKind::Expr, text, lbrace, reason);
                        }
                    }
                }
                TypeKind::Map(..) => {
                    if let Some(p) = root(&self.f, v) {
                        let text = text();
                        self.note_expr_alloc(p, AllocKind::ReportOnly, text, lbrace, None);
                    }
                }
                _ => {}
            },
            ExprKind::Unary(UnOp::Addr, x) if matches!(strip_parens(x).kind, ExprKind::CompositeLit { .. }) => {
                if self.f.v(v).op == Op::New {
                    let size = match &self.f.v(v).aux { Aux::Int(s) => *s as u64, _ => 0 };
                    let reason = heap_reason_implicit(size);
                    let text = text();
                    self.note_expr_alloc(v, AllocKind::Expr, text, e.span.lo, reason);
                }
            }
            ExprKind::FuncLit { .. } => {
                if let Some(p) = root(&self.f, v) {
                    let size = match &self.f.v(p).aux { Aux::Int(s) => *s as u64, _ => 0 };
                    let reason = heap_reason_implicit(size);
                    self.note_expr_alloc(p, AllocKind::Expr, "func literal".into(), e.span.lo, reason);
                }
            }
            ExprKind::Selector(..) if matches!(self.info.selections.get(&e.id), Some(Selection::Method { .. } | Selection::IfaceMethod { .. })) => {
                if let Some(p) = root(&self.f, v) {
                    let text = text();
                    // gc reports a method value at its selector's dot.
                    self.note_expr_alloc(p, AllocKind::Expr, text, crate::ssa::escape::exprfmt::gc_pos(e), None);
                }
            }
            ExprKind::Binary(BinOp::Add, l, _) if self.tt.is_string(t) => {
                if self.f.v(v).op == Op::StringConcat {
                    // gc makes one allocation of a whole chain a + b + c: the inner
                    // concatenations are not reported.
                    for a in self.f.v(v).args.clone() {
                        if self.f.v(a).op == Op::StringConcat {
                            self.f.esc.allocs.remove(&a);
                        }
                    }
                    let text = text();
                    let pos = l.span.hi;
                    let _ = pos;
                    let opos = self.binary_op_pos(e);
                    self.note_expr_alloc(v, AllocKind::ReportOnly, text, opos, None);
                }
            }
            ExprKind::Call { fun, args, .. } => {
                // gc reports calls at their '('.
                let lparen = strip_parens(fun).span.hi;
                let Some(p) = root(&self.f, v) else { return };
                let builtin = self.builtin_of(strip_parens(fun));
                match (builtin, self.f.v(p).op) {
                    (Some(Builtin::New), Op::New) => {
                        let size = match &self.f.v(p).aux { Aux::Int(s) => *s as u64, _ => 0 };
                        let reason = heap_reason_implicit(size);
                        let text = text();
                        self.note_expr_alloc(p, AllocKind::Expr, text, lparen, reason);
                    }
                    (Some(Builtin::Make), Op::CallRT) => {
                        let TypeKind::Slice(el) = self.tt.under_kind(t).clone() else { return };
                        let esize = self.tt.size(el) as i64;
                        let c = |x: &Expr| self.info.consts.get(&x.id).and_then(|c| c.to_i64());
                        let len = args.get(1).and_then(c);
                        let cap = match args.get(2) { Some(x) => c(x), None => len };
                        let reason = match cap {
                            None => Some("non-constant size"),
                            Some(n) if esize != 0 && n > (MAX_IMPLICIT_STACK_VAR_SIZE as i64) / esize => Some("too large for stack"),
                            _ => None,
                        };
                        let text = text();
                        self.note_expr_alloc(p, AllocKind::Expr, text, lparen, reason);
                        if let (Some(l), Some(c)) = (len, cap) {
                            if reason.is_none() && l <= c {
                                self.f.esc.allocs.get_mut(&p).unwrap().const_bytes = Some((c * esize).max(1));
                            }
                        }
                    }
                    (Some(Builtin::Make), Op::MapMake) => {
                        let text = text();
                        self.note_expr_alloc(p, AllocKind::ReportOnly, text, lparen, None);
                    }
                    (None, Op::CallRT) if is_type(self.info, fun) => {
                        let text = text();
                        self.note_expr_alloc(p, AllocKind::ReportOnly, text, lparen, None);
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// The position of a binary expression's operator (where gc reports it).
    fn binary_op_pos(&self, e: &Expr) -> u32 {
        // The operator, between the operands' blanks (gc's position of a binary expression).
        crate::ssa::escape::exprfmt::gc_pos(e)
    }

    fn expr_inner(&mut self, e: &Expr) -> ValueId {
        let pos = e.span.lo;
        let t = self.type_of(e);
        if let Some(c) = self.info.consts.get(&e.id) {
            return self.constant(c.clone(), t, pos);
        }
        if let Some(sym) = self.instance_at(e) {
            return self.func_value(&sym, t, pos);
        }
        match &e.kind {
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Ident(_) => {
                let o = self.info.uses[&e.id];
                match &self.info.objects[o as usize].kind {
                    ObjKind::Nil => self.zero(t, pos),
                    ObjKind::Func => match self.env.func_syms.get(&o).cloned() {
                        Some(sym) => self.func_value(&sym, t, pos),
                        None => {
                            self.unsupported(pos, "a function value of a function without body");
                            self.zero(t, pos)
                        }
                    },
                    _ => self.read_obj(o, pos),
                }
            }
            ExprKind::Unary(op, x) => self.unary(e, *op, x, t, pos),
            ExprKind::Binary(op, l, r) => self.binary(*op, l, r, t, pos),
            ExprKind::Call { fun, args, ellipsis } => match self.call(e, fun, args, *ellipsis) {
                Some(v) => v,
                None => self.zero(t, pos),
            },
            ExprKind::Selector(x, _) => {
                match self.info.selections.get(&e.id).cloned() {
                    Some(Selection::Qualified(o)) => {
                        if matches!(self.info.objects[o as usize].kind, ObjKind::Func) {
                            let sym = self.env.func_syms[&o].clone();
                            return self.func_value(&sym, t, pos);
                        }
                        return self.read_obj(o, pos);
                    }
                    Some(sel @ (Selection::Method { .. } | Selection::IfaceMethod { .. })) => return self.method_value(e, x, &sel, pos),
                    Some(Selection::MethodExpr { recv, found }) => return self.method_expr_value(e, recv, &found, pos),
                    _ => {}
                }
                let p = self.addr(e);
                if is_ssa_type(self.tt, t) { self.load(p, t, pos) } else { p }
            }
            ExprKind::Index(x, idx) => {
                let xt = self.type_of(x);
                if let TypeKind::Map(..) = self.tt.under_kind(xt) {
                    return self.map_index(x, &idx[0], false, pos).0;
                }
                if self.tt.is_string(xt) {
                    let s = self.expr(x);
                    let i = self.index_int(&idx[0]);
                    let len = self.add(Op::StringLen, INT, vec![s], Aux::None, pos);
                    // Checks are placed at the '[' (where gc reports them).
                    let constant = match self.info.consts.get(&x.id) {
                        Some(Const::String(c)) if self.info.consts.get(&idx[0].id).is_none() => Some(c.len() as u64),
                        _ => None,
                    };
                    if constant.map_or(false, |n| self.bounded(&idx[0], n)) {
                        self.f.bounded_index.push(x.span.hi);
                    } else {
                        self.bounds(i, len, x.span.hi);
                    }
                    let ptr_t = self.tt.pointer(UINT8);
                        let p = self.add(Op::StringPtr, ptr_t, vec![s], Aux::None, pos);
                    let pt = self.tt.pointer(UINT8);
                    let ep = self.add(Op::PtrIndex, pt, vec![p, i], Aux::Int(1), pos);
                    return self.load(ep, UINT8, pos);
                }
                let p = self.addr(e);
                if is_ssa_type(self.tt, t) { self.load(p, t, pos) } else { p }
            }
            ExprKind::Slice { x, lo, hi, max } => self.slice(e, x, lo.as_deref(), hi.as_deref(), max.as_deref(), t, pos),
            ExprKind::CompositeLit { elems, .. } => self.composite(t, elems, pos),
            ExprKind::FuncLit { ty, body } => self.func_lit(e, ty, body, pos),
            ExprKind::TypeAssert(x, Some(_)) => self.type_assert(x, t, false, pos).0,
            _ => {
                self.unsupported(pos, "this expression");
                self.zero(t, pos)
            }
        }
    }

    pub(super) fn constant(&mut self, c: Const, t: TypeId, pos: u32) -> ValueId {
        match c {
            Const::Bool(b) => self.add(Op::Const, t, vec![], Aux::Int(b as i64), pos),
            Const::String(s) => self.add(Op::Const, t, vec![], Aux::Str(s), pos),
            c if self.tt.basic(t).map_or(false, |b| b.is_complex()) => {
                let (re, im) = c.to_complex().unwrap_or_default();
                let ft = if self.tt.under(t) == COMPLEX64 { FLOAT32 } else { FLOAT64 };
                let r = self.constant(Const::Float(re), ft, pos);
                let i = self.constant(Const::Float(im), ft, pos);
                self.add(Op::ComplexMake, t, vec![r, i], Aux::None, pos)
            }
            c if self.tt.is_float(t) => {
                let f = if self.tt.under(t) == FLOAT32 { c.to_f32() as f64 } else { c.to_f64() };
                self.add(Op::Const, t, vec![], Aux::Float(f), pos)
            }
            c => {
                let i = c.to_int().unwrap_or_default();
                let v = i.to_string().parse::<i128>().unwrap_or(0);
                self.add(Op::Const, t, vec![], Aux::Int(v as i64), pos)
            }
        }
    }

    pub(super) fn unary(&mut self, e: &Expr, op: UnOp, x: &Expr, t: TypeId, pos: u32) -> ValueId {
        match op {
            // &T{...} included: `addr` puts a composite literal in a new heap object.
            UnOp::Addr => self.addr(x),
            UnOp::Deref => {
                let p = self.expr(x);
                self.nil_check(p, pos);
                if is_ssa_type(self.tt, t) {
                    self.load(p, t, pos)
                } else {
                    // A copy, so that later stores through the pointer do not change it.
                    let c = self.new_obj(t, pos);
                    self.store(c, p, t, pos);
                    c
                }
            }
            UnOp::Neg => {
                let v = self.expr(x);
                self.add(Op::Neg, t, vec![v], Aux::None, pos)
            }
            UnOp::Pos => self.expr(x),
            UnOp::Xor => {
                let v = self.expr(x);
                self.add(Op::Com, t, vec![v], Aux::None, pos)
            }
            UnOp::Not => {
                let v = self.expr(x);
                self.add(Op::Not, t, vec![v], Aux::None, pos)
            }
            UnOp::Recv => self.recv_expr(e, x, false, pos).0,
            _ => {
                let _ = e;
                self.unsupported(pos, "this operator");
                self.zero(t, pos)
            }
        }
    }

    pub(super) fn binary(&mut self, op: BinOp, l: &Expr, r: &Expr, t: TypeId, pos: u32) -> ValueId {
        match op {
            BinOp::LAnd | BinOp::LOr => {
                // v = l; if (op == && ? v : !v) { v = r }
                let var = self.new_var(t);
                let lv = self.expr(l);
                self.write_var(var, self.cur, lv);
                let rhs = self.new_block(r.span.lo);
                let join = self.new_block(pos);
                if op == BinOp::LAnd {
                    self.branch(lv, rhs, join);
                } else {
                    self.branch(lv, join, rhs);
                }
                self.seal(rhs);
                self.start(rhs);
                let rv = self.expr(r);
                self.write_var(var, self.cur, rv);
                self.continue_at(join);
                self.read_var(var, join)
            }
            _ if op.is_comparison() => {
                let (lt, rt) = (self.type_of(l), self.type_of(r));
                let a = self.expr(l);
                let b = self.expr(r);
                // Operands of different types compare in the interface type.
                let ot = if lt == UNTYPED_NIL {
                    rt
                } else if rt == UNTYPED_NIL || lt == rt || self.tt.is_interface(lt) {
                    lt
                } else {
                    rt
                };
                let a = self.coerce(a, lt, ot, pos);
                let b = self.coerce(b, rt, ot, pos);
                let nil_side = lt == UNTYPED_NIL || rt == UNTYPED_NIL || self.f.v(a).op == Op::ConstNil || self.f.v(b).op == Op::ConstNil;
                if self.tt.is_interface(ot) && nil_side {
                    // x == nil: the type word alone decides.
                    let x = if self.f.v(a).op == Op::ConstNil { b } else { a };
                    let tab = self.add(Op::ITab, UINTPTR, vec![x], Aux::None, pos);
                    let zero = self.int(UINTPTR, 0);
                    let o = if op == BinOp::Eql { Op::Eq } else { Op::Neq };
                    return self.add(o, BOOL, vec![tab, zero], Aux::Int(UINTPTR as i64), pos);
                }
                self.compare(op, ot, a, b, pos)
            }
            _ => {
                // A constant shifted by a variable count has the shift's type.
                let a = match (op.is_shift(), self.info.consts.get(&l.id)) {
                    (true, Some(c)) => self.constant(c.clone(), t, l.span.lo),
                    _ => self.expr(l),
                };
                let b = self.expr(r);
                if op.is_shift() {
                    let rt = self.type_of(r);
                    return self.shift(op, t, a, b, rt, pos);
                }
                self.arith(op, t, a, b, pos)
            }
        }
    }

    pub(super) fn shift(&mut self, op: BinOp, t: TypeId, a: ValueId, b: ValueId, rt: TypeId, pos: u32) -> ValueId {
        // A count known to be >= 0 needs no check (a constant expression was checked by the
        // type checker; a variable holding a negative constant was not).
        let known_ok = matches!((self.f.v(b).op, &self.f.v(b).aux), (Op::Const, Aux::Int(k)) if *k >= 0);
        if !self.tt.is_unsigned(rt) && !known_ok {
            // 0 <= count, else gc's "negative shift amount" panic.
            let zero = self.int(rt, 0);
            let ok = self.add(Op::Leq, BOOL, vec![zero, b], Aux::Int(rt as i64), pos);
            self.check(ok, Op::PanicShift, vec![], Aux::None, pos);
        }
        let b64 = if self.tt.size(rt) == 8 { b } else { self.add(Op::Cvt, UINT64, vec![b], Aux::Int(rt as i64), pos) };
        let o = if op == BinOp::Shl { Op::Lsh } else { Op::Rsh };
        self.add(o, t, vec![a, b64], Aux::None, pos)
    }

    pub(super) fn arith(&mut self, op: BinOp, t: TypeId, a: ValueId, b: ValueId, pos: u32) -> ValueId {
        if op == BinOp::Add && self.tt.is_string(t) {
            return self.add(Op::StringConcat, t, vec![a, b], Aux::None, pos);
        }
        if op.is_shift() {
            return self.shift(op, t, a, b, t, pos);
        }
        let o = match op {
            BinOp::Add => Op::Add,
            BinOp::Sub => Op::Sub,
            BinOp::Mul => Op::Mul,
            BinOp::Quo => Op::Div,
            BinOp::Rem => Op::Mod,
            BinOp::And => Op::And,
            BinOp::Or => Op::Or,
            BinOp::Xor => Op::Xor,
            BinOp::AndNot => Op::AndNot,
            _ => Op::Add,
        };
        if matches!(o, Op::Div | Op::Mod) && self.tt.is_integer(t) {
            let is_const_nonzero = matches!(self.f.v(b).aux, Aux::Int(k) if k != 0) && self.f.v(b).op == Op::Const;
            if !is_const_nonzero {
                let zero = self.int(t, 0);
                let ok = self.add(Op::Neq, BOOL, vec![b, zero], Aux::Int(t as i64), pos);
                self.check(ok, Op::PanicDivide, vec![], Aux::None, pos);
            }
        }
        self.add(o, t, vec![a, b], Aux::None, pos)
    }

    pub(super) fn compare(&mut self, op: BinOp, t: TypeId, a: ValueId, b: ValueId, pos: u32) -> ValueId {
        if self.tt.is_string(t) {
            if matches!(op, BinOp::Eql | BinOp::Neq) {
                let eq = self.add(Op::StringEq, BOOL, vec![a, b], Aux::None, pos);
                return if op == BinOp::Eql { eq } else { self.add(Op::Not, BOOL, vec![eq], Aux::None, pos) };
            }
            let c = self.add(Op::StringCmp, INT, vec![a, b], Aux::None, pos);
            let z = self.int(INT, 0);
            return self.compare(op, INT, c, z, pos);
        }
        if !is_ssa_type(self.tt, t) {
            // Struct and array equality: byte-wise when the values are plain memory, else
            // field by field as the type descriptor says (floats, strings, interfaces).
            let eq = if self.tt.is_regular_memory(t) {
                let size = self.tt.size(t) as i64;
                let sz = self.int(INT, size);
                self.rt("memequal", BOOL, vec![a, b, sz], pos)
            } else {
                let td = self.add(Op::TypeAddr, UINTPTR, vec![], Aux::Type(t), pos);
                self.rt("typeequal", BOOL, vec![td, a, b], pos)
            };
            return if op == BinOp::Eql { eq } else { self.add(Op::Not, BOOL, vec![eq], Aux::None, pos) };
        }
        if self.tt.is_interface(t) {
            // Same dynamic type, then equal values (the runtime compares by the type, and
            // panics for uncomparable ones).
            let (ta, tb) = (self.add(Op::ITab, UINTPTR, vec![a], Aux::None, pos), self.add(Op::ITab, UINTPTR, vec![b], Aux::None, pos));
            let var = self.new_var(BOOL);
            let same = self.add(Op::Eq, BOOL, vec![ta, tb], Aux::Int(UINTPTR as i64), pos);
            self.write_var(var, self.cur, same);
            let deep = self.new_block(pos);
            let join = self.new_block(pos);
            self.branch(same, deep, join);
            self.seal(deep);
            self.start(deep);
            let (da, db) = (self.add(Op::IData, UNSAFE_POINTER, vec![a], Aux::None, pos), self.add(Op::IData, UNSAFE_POINTER, vec![b], Aux::None, pos));
            let name = if self.tt.imethods(t).is_empty() { "efaceeq" } else { "ifaceeq" };
            let eq = self.rt(name, BOOL, vec![ta, da, db], pos);
            self.write_var(var, self.cur, eq);
            self.continue_at(join);
            let eq = self.read_var(var, join);
            return if op == BinOp::Eql { eq } else { self.add(Op::Not, BOOL, vec![eq], Aux::None, pos) };
        }
        if matches!(self.tt.under_kind(t), TypeKind::Slice(_)) {
            // Only comparison with nil is allowed.
            let (pa, pb) = (self.add(Op::SlicePtr, UNSAFE_POINTER, vec![a], Aux::None, pos), self.add(Op::SlicePtr, UNSAFE_POINTER, vec![b], Aux::None, pos));
            let o = if op == BinOp::Eql { Op::Eq } else { Op::Neq };
            return self.add(o, BOOL, vec![pa, pb], Aux::Int(UNSAFE_POINTER as i64), pos);
        }
        let ty = Aux::Int(t as i64);
        match op {
            BinOp::Eql => self.add(Op::Eq, BOOL, vec![a, b], ty, pos),
            BinOp::Neq => self.add(Op::Neq, BOOL, vec![a, b], ty, pos),
            BinOp::Lss => self.add(Op::Less, BOOL, vec![a, b], ty, pos),
            BinOp::Leq => self.add(Op::Leq, BOOL, vec![a, b], ty, pos),
            BinOp::Gtr => self.add(Op::Less, BOOL, vec![b, a], ty, pos),
            _ => self.add(Op::Leq, BOOL, vec![b, a], ty, pos),
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn slice(&mut self, e: &Expr, x: &Expr, lo: Option<&Expr>, hi: Option<&Expr>, max: Option<&Expr>, t: TypeId, pos: u32) -> ValueId {
        let _ = e;
        let xt = self.type_of(x);
        let (ptr, len, cap, elem) = match self.tt.under_kind(xt).clone() {
            TypeKind::Basic(_) => {
                let s = self.expr(x);
                let p = self.add(Op::StringPtr, UNSAFE_POINTER, vec![s], Aux::None, pos);
                let l = self.add(Op::StringLen, INT, vec![s], Aux::None, pos);
                (p, l, l, UINT8)
            }
            TypeKind::Slice(el) => {
                let s = self.expr(x);
                let p = self.add(Op::SlicePtr, UNSAFE_POINTER, vec![s], Aux::None, pos);
                let l = self.add(Op::SliceLen, INT, vec![s], Aux::None, pos);
                let c = self.add(Op::SliceCap, INT, vec![s], Aux::None, pos);
                (p, l, c, el)
            }
            TypeKind::Array(n, el) => {
                let p = self.addr(x);
                let l = self.int(INT, n as i64);
                (p, l, l, el)
            }
            TypeKind::Pointer(a) => {
                let TypeKind::Array(n, el) = self.tt.under_kind(a).clone() else { unreachable!() };
                let p = self.expr(x);
                self.nil_check(p, pos);
                let l = self.int(INT, n as i64);
                (p, l, l, el)
            }
            _ => unreachable!(),
        };
        let lo_v = match lo { Some(l) => self.index_int(l), None => self.int(INT, 0) };
        let hi_v = match hi { Some(h) => self.index_int(h), None => len };
        let max_v = match max { Some(m) => self.index_int(m), None => cap };
        // 0 <= lo <= hi <= max <= cap
        if max.is_some() {
            let ok = self.add(Op::IsSliceInBounds, BOOL, vec![max_v, cap], Aux::None, pos);
            self.check(ok, Op::PanicSlice, vec![max_v, cap], Aux::Sym("3cap".into()), pos);
        }
        if hi.is_some() {
            let ok = self.add(Op::IsSliceInBounds, BOOL, vec![hi_v, max_v], Aux::None, pos);
            let kind = if max.is_some() { "3b" } else if self.tt.is_string(xt) { "len" } else { "cap" };
            self.check(ok, Op::PanicSlice, vec![hi_v, max_v], Aux::Sym(kind.into()), pos);
        }
        if lo.is_some() {
            let ok = self.add(Op::IsSliceInBounds, BOOL, vec![lo_v, hi_v], Aux::None, pos);
            self.check(ok, Op::PanicSlice, vec![lo_v, hi_v], Aux::Sym("b".into()), pos);
        }
        let size = self.tt.size(elem) as i64;
        let np = self.add(Op::PtrIndex, UNSAFE_POINTER, vec![ptr, lo_v], Aux::Int(size), pos);
        let nl = self.add(Op::Sub, INT, vec![hi_v, lo_v], Aux::None, pos);
        if self.tt.is_string(t) {
            return self.add(Op::StringMake, t, vec![np, nl], Aux::None, pos);
        }
        let nc = self.add(Op::Sub, INT, vec![max_v, lo_v], Aux::None, pos);
        self.add(Op::SliceMake, t, vec![np, nl, nc], Aux::None, pos)
    }

    pub(super) fn composite(&mut self, t: TypeId, elems: &[ast::KeyedElement], pos: u32) -> ValueId {
        // An elided &T element of a []*T literal.
        if let TypeKind::Pointer(b) = self.tt.under_kind(t).clone() {
            let v = self.composite(b, elems, pos);
            return self.to_heap(v, b, pos);
        }
        match self.tt.under_kind(t).clone() {
            TypeKind::Struct(fs) => {
                let p = self.new_obj(t, pos);
                let offs = self.tt.field_offsets(t);
                for (i, el) in elems.iter().enumerate() {
                    let fi = match &el.key {
                        Some(k) => match &k.kind {
                            ExprKind::Ident(n) => fs.iter().position(|f| &f.name == n).unwrap_or(0),
                            _ => 0,
                        },
                        None => i,
                    };
                    let ft = fs[fi].ty;
                    let before = self.f.values.len() as ValueId;
                    let v = self.elem_value_to(&el.value, ft);
                    let vt = self.type_of(&el.value);
                    if let (Some(k), true) = (&el.key, self.tt.is_interface(ft) && !self.tt.is_interface(vt)) {
                        // gc reports a keyed element's conversion at the ':' after the key.
                        self.place_last_conversion(before, k.span.hi);
                    }
                    let pt = self.tt.pointer(ft);
                    let fp = self.add(Op::OffPtr, pt, vec![p], Aux::Int(offs[fi] as i64), pos);
                    self.store(fp, v, ft, pos);
                }
                p
            }
            TypeKind::Array(_, el) => {
                let p = self.new_obj(t, pos);
                self.fill_elems(p, el, elems, pos);
                p
            }
            TypeKind::Slice(el) => {
                // The backing array's length is the largest index + 1.
                let mut n = 0i64;
                let mut i = 0i64;
                for kv in elems {
                    if let Some(k) = &kv.key {
                        i = self.info.consts.get(&k.id).and_then(|c| c.to_i64()).unwrap_or(i);
                    }
                    i += 1;
                    n = n.max(i);
                }
                let at = self.tt.intern(TypeKind::Array(n as u64, el));
                let p = self.new_obj(at, pos);
                self.fill_elems(p, el, elems, pos);
                let l = self.int(INT, n);
                self.add(Op::SliceMake, t, vec![p, l, l], Aux::None, pos)
            }
            TypeKind::Map(..) => self.map_lit(t, elems, pos),
            _ => {
                self.unsupported(pos, "this composite literal");
                self.zero(t, pos)
            }
        }
    }

    /// A composite literal element for a slot of type `t` (converted to it).
    pub(super) fn elem_value_to(&mut self, e: &Expr, t: TypeId) -> ValueId {
        let v = self.elem_value(e, t);
        let from = self.type_of(e);
        let r = self.coerce(v, from, t, e.span.lo);
        self.note_boxing(e, r);
        r
    }

    pub(super) fn elem_value(&mut self, e: &Expr, t: TypeId) -> ValueId {
        if let ExprKind::CompositeLit { ty: None, elems, .. } = &e.kind {
            let v = self.composite(t, elems, e.span.lo);
            self.note_elided(e, t, v);
            return v;
        }
        self.expr(e)
    }

    /// Notes for an element literal with its type left out (`{1, 2}` in `[]T{{1, 2}}`):
    /// gc spells it with the type (`T{...}`, `&T{...}` for a pointer element).
    fn note_elided(&mut self, e: &Expr, t: TypeId, v: ValueId) {
        use crate::ssa::escape::notes::AllocKind;
        let body = if let ExprKind::CompositeLit { elems, .. } = &e.kind { if elems.is_empty() { "{}" } else { "{...}" } } else { return };
        let (text, p) = match self.tt.under_kind(t).clone() {
            TypeKind::Slice(_) => {
                let x = self.f.v(v);
                if x.op != Op::SliceMake || self.f.v(x.args[0]).op != Op::New {
                    return;
                }
                (format!("{}{}", crate::ssa::escape::exprfmt::gc_type(self.tt, t), body), x.args[0])
            }
            TypeKind::Pointer(b) => {
                if self.f.v(v).op != Op::New {
                    return;
                }
                (format!("&{}{}", crate::ssa::escape::exprfmt::gc_type(self.tt, b), body), v)
            }
            TypeKind::Map(..) => (format!("{}{}", crate::ssa::escape::exprfmt::gc_type(self.tt, t), body), v),
            _ => return,
        };
        if self.f.esc.allocs.contains_key(&p) {
            return;
        }
        let size = match &self.f.v(p).aux { Aux::Int(s) => *s as u64, _ => 0 };
        let kind = if self.f.v(p).op == Op::MapMake { AllocKind::ReportOnly } else { AllocKind::Expr };
        let reason = crate::ssa::escape::heap_reason_implicit(size);
        self.note_expr_alloc(p, kind, text, e.span.lo, reason);
    }

    pub(super) fn fill_elems(&mut self, base: ValueId, el: TypeId, elems: &[ast::KeyedElement], pos: u32) {
        let size = self.tt.size(el) as i64;
        let mut i = 0i64;
        for kv in elems {
            if let Some(k) = &kv.key {
                i = self.info.consts.get(&k.id).and_then(|c| c.to_i64()).unwrap_or(i);
            }
            let v = self.elem_value_to(&kv.value, el);
            let pt = self.tt.pointer(el);
            let ep = self.add(Op::OffPtr, pt, vec![base], Aux::Int(i * size), pos);
            self.store(ep, v, el, pos);
            i += 1;
        }
    }

}

/// Whether a call's function names a type (the call is a conversion).
fn is_type(info: &Info, fun: &Expr) -> bool {
    info.type_exprs.contains(&strip_parens(fun).id)
}
