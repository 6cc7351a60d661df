//! Interfaces: implicit conversions to interface types (boxing the value unless it is
//! pointer-shaped), conversions between interfaces, type assertions, type switches, and
//! method calls through itabs.
//!
//! An interface value is (tab, data): tab is the dynamic type's descriptor for an empty
//! interface, or the itab of (dynamic type, interface) for a non-empty one; nil is (0, 0).
//! data is the value itself for pointer-shaped types, else a pointer to a copy.

use super::*;

/// Whether values of type `t` are stored directly in an interface's data word.
pub fn is_direct_iface(tt: &TypeTable, t: TypeId) -> bool {
    tt.is_direct_iface(t)
}

impl<'a> Builder<'a> {
    /// `v` (of type `from`) as a value of type `to`: the implicit conversion of assignability.
    /// Only conversions to interface types change the representation.
    pub(super) fn coerce(&mut self, v: ValueId, from: TypeId, to: TypeId, pos: u32) -> ValueId {
        if from == to || to == INVALID || from == INVALID || from == UNTYPED_NIL || !self.tt.is_interface(to) {
            return v;
        }
        if self.tt.is_interface(from) {
            return self.iface_to_iface(v, from, to, pos);
        }
        self.make_iface(v, from, to, pos)
    }

    /// An expression's value converted to type `to`.
    pub(super) fn expr_to(&mut self, e: &Expr, to: TypeId) -> ValueId {
        let v = self.expr(e);
        let from = self.type_of(e);
        let r = self.coerce(v, from, to, e.span.lo);
        self.note_boxing(e, r);
        r
    }

    /// If `r` boxed expression `e` into a new object, records the allocation for escape
    /// analysis (gc: `e escapes to heap`, `e does not escape`).
    pub(super) fn note_boxing(&mut self, e: &Expr, r: ValueId) {
        let x = self.f.v(r).clone();
        if x.op != Op::IMake {
            return;
        }
        let d = self.f.v(x.args[1]);
        if d.op != Op::Copy || self.f.v(d.args[0]).op != Op::New {
            return;
        }
        let p = d.args[0];
        if self.f.esc.allocs.contains_key(&p) {
            return;
        }
        // gc stores pointer-shaped values (a struct or array of one pointer too) in the
        // interface itself: it has no allocation to report.
        let ty_55 = self.type_of(e);
        if crate::ssa::escape::gc_direct_iface(self.tt, ty_55) {
            return;
        }
        let size = match &self.f.v(p).aux { Aux::Int(s) => *s as u64, _ => 0 };
        let reason = crate::ssa::escape::heap_reason_implicit(size);
        let text = crate::ssa::escape::exprfmt::gc_expr_marked(e, self.info, self.tt);
        let pos = crate::ssa::escape::exprfmt::gc_pos(e);
        let outside = self.outside_text(e, Some(x.ty));
        self.note_expr_alloc(p, crate::ssa::escape::notes::AllocKind::Expr, text, pos, reason);
        if let Some(n) = self.f.esc.allocs.get_mut(&p) {
            n.outside = outside;
        }
    }

    /// The tab word for concrete type `t` in interface `iface`.
    pub(super) fn tab_for(&mut self, t: TypeId, iface: TypeId, pos: u32) -> ValueId {
        // In an instance, a type assertion may name a type that does not implement the
        // interface (the checker could not know): its type descriptor's address, which no
        // itab address equals, makes the assertion fail as it must.
        let impossible = !self.subst.is_empty() && !self.tt.is_interface(t) && !crate::types::methods::implements(self.tt, t, iface);
        if self.tt.imethods(iface).is_empty() || impossible {
            self.add(Op::TypeAddr, UINTPTR, vec![], Aux::Type(t), pos)
        } else {
            self.add(Op::ItabAddr, UINTPTR, vec![], Aux::Itab(t, iface), pos)
        }
    }

    /// Boxes a concrete value into interface type `iface`.
    fn make_iface(&mut self, v: ValueId, t: TypeId, iface: TypeId, pos: u32) -> ValueId {
        let tab = self.tab_for(t, iface, pos);
        let data = if is_direct_iface(self.tt, t) {
            self.add(Op::Copy, UNSAFE_POINTER, vec![v], Aux::None, pos)
        } else {
            let p = self.new_obj(t, pos);
            self.store(p, v, t, pos);
            self.add(Op::Copy, UNSAFE_POINTER, vec![p], Aux::None, pos)
        };
        self.add(Op::IMake, iface, vec![tab, data], Aux::None, pos)
    }

    /// The dynamic type's descriptor of an interface value (0 for nil).
    pub(super) fn dyn_type(&mut self, x: ValueId, xt: TypeId, pos: u32) -> ValueId {
        let tab = self.add(Op::ITab, UINTPTR, vec![x], Aux::None, pos);
        if self.tt.imethods(xt).is_empty() {
            return tab;
        }
        // itab.typ, or 0 for a nil interface.
        let var = self.new_var(UINTPTR);
        self.write_var(var, self.cur, tab);
        let zero = self.int(UINTPTR, 0);
        let nonnil = self.add(Op::Neq, BOOL, vec![tab, zero], Aux::Int(UINTPTR as i64), pos);
        let load = self.new_block(pos);
        let join = self.new_block(pos);
        self.branch(nonnil, load, join);
        self.seal(load);
        self.start(load);
        let pt = self.tt.pointer(UINTPTR);
        let tp = self.add(Op::Copy, pt, vec![tab], Aux::None, pos);
        let fp = self.add(Op::OffPtr, pt, vec![tp], Aux::Int(8), pos);
        let typ = self.load(fp, UINTPTR, pos);
        self.write_var(var, self.cur, typ);
        self.continue_at(join);
        self.read_var(var, join)
    }

    fn iface_to_iface(&mut self, v: ValueId, from: TypeId, to: TypeId, pos: u32) -> ValueId {
        let data = self.add(Op::IData, UNSAFE_POINTER, vec![v], Aux::None, pos);
        if self.tt.imethods(to).is_empty() {
            if self.tt.imethods(from).is_empty() {
                return self.add(Op::Copy, to, vec![v], Aux::None, pos);
            }
            let typ = self.dyn_type(v, from, pos);
            return self.add(Op::IMake, to, vec![typ, data], Aux::None, pos);
        }
        // A non-empty interface from another (that statically implements it): the itab for
        // the dynamic type, made or found at run time; nil stays nil.
        let typ = self.dyn_type(v, from, pos);
        let inter = self.add(Op::TypeAddr, UINTPTR, vec![], Aux::Type(to), pos);
        let tab = self.rt("convI2I", UINTPTR, vec![inter, typ], pos);
        self.add(Op::IMake, to, vec![tab, data], Aux::None, pos)
    }

    /// The value of concrete type `t` in interface value `x` (whose dynamic type is known to
    /// be `t`).
    fn unbox(&mut self, x: ValueId, t: TypeId, pos: u32) -> ValueId {
        let data = self.add(Op::IData, UNSAFE_POINTER, vec![x], Aux::None, pos);
        if is_direct_iface(self.tt, t) {
            return self.add(Op::Copy, t, vec![data], Aux::None, pos);
        }
        let pt = self.tt.pointer(t);
        let p = self.add(Op::Copy, pt, vec![data], Aux::None, pos);
        self.load_value(p, t, pos)
    }

    /// Whether interface value `x` (of type `xt`) holds concrete type `t`.
    fn holds_concrete(&mut self, x: ValueId, xt: TypeId, t: TypeId, pos: u32) -> ValueId {
        let tab = self.add(Op::ITab, UINTPTR, vec![x], Aux::None, pos);
        // Itabs are unique per (type, interface) (the runtime registers the static ones), so
        // comparing the tab word decides for both kinds of interface.
        let want = self.tab_for(t, xt, pos);
        self.add(Op::Eq, BOOL, vec![tab, want], Aux::Int(UINTPTR as i64), pos)
    }

    /// `x.(T)`: the value, and with `comma_ok` the success flag (else a failure panics).
    pub(super) fn type_assert(&mut self, x: &Expr, t: TypeId, comma_ok: bool, pos: u32) -> (ValueId, Option<ValueId>) {
        let xt = self.type_of(x);
        let xv = self.expr(x);
        if self.tt.is_interface(t) {
            return self.assert_iface(xv, xt, t, comma_ok, pos);
        }
        let ok = self.holds_concrete(xv, xt, t, pos);
        if !comma_ok {
            let have = self.dyn_type(xv, xt, pos);
            let want = self.add(Op::TypeAddr, UINTPTR, vec![], Aux::Type(t), pos);
            let iface = self.add(Op::TypeAddr, UINTPTR, vec![], Aux::Type(xt), pos);
            self.check_rt(ok, "panicdottype", vec![have, want, iface], pos);
            return (self.unbox(xv, t, pos), None);
        }
        // v, ok: the zero value when it does not hold t.
        let var = self.new_var(t);
        let z = self.zero_value(t, pos);
        self.write_var(var, self.cur, z);
        let yes = self.new_block(pos);
        let join = self.new_block(pos);
        self.branch(ok, yes, join);
        self.seal(yes);
        self.start(yes);
        let v = self.unbox(xv, t, pos);
        self.write_var(var, self.cur, v);
        self.continue_at(join);
        (self.read_var(var, join), Some(ok))
    }

    /// `x.(I)` for an interface type I.
    fn assert_iface(&mut self, xv: ValueId, xt: TypeId, t: TypeId, comma_ok: bool, pos: u32) -> (ValueId, Option<ValueId>) {
        let typ = self.dyn_type(xv, xt, pos);
        let data = self.add(Op::IData, UNSAFE_POINTER, vec![xv], Aux::None, pos);
        let inter = self.add(Op::TypeAddr, UINTPTR, vec![], Aux::Type(t), pos);
        if self.tt.imethods(t).is_empty() {
            // To interface{}: any non-nil value.
            let zero = self.int(UINTPTR, 0);
            let ok = self.add(Op::Neq, BOOL, vec![typ, zero], Aux::Int(UINTPTR as i64), pos);
            if !comma_ok {
                let src = self.add(Op::TypeAddr, UINTPTR, vec![], Aux::Type(xt), pos);
                self.check_rt(ok, "panicdottype", vec![typ, inter, src], pos);
            }
            let v = self.add(Op::IMake, t, vec![typ, data], Aux::None, pos);
            if !comma_ok {
                return (v, None);
            }
            // On failure v is the nil interface: typ and data are both 0 then.
            return (v, Some(ok));
        }
        if !comma_ok {
            let tab = self.rt("assertE2I", UINTPTR, vec![inter, typ], pos);
            return (self.add(Op::IMake, t, vec![tab, data], Aux::None, pos), None);
        }
        let tab = self.rt("assertE2I2", UINTPTR, vec![inter, typ], pos);
        let zero = self.int(UINTPTR, 0);
        let ok = self.add(Op::Neq, BOOL, vec![tab, zero], Aux::Int(UINTPTR as i64), pos);
        // On failure the result is the nil interface, not (nil, data).
        let zp = self.add(Op::ConstNil, UNSAFE_POINTER, vec![], Aux::None, pos);
        let var = self.new_var(UNSAFE_POINTER);
        self.write_var(var, self.cur, zp);
        let yes = self.new_block(pos);
        let join = self.new_block(pos);
        self.branch(ok, yes, join);
        self.seal(yes);
        self.start(yes);
        self.write_var(var, self.cur, data);
        self.continue_at(join);
        let d = self.read_var(var, join);
        (self.add(Op::IMake, t, vec![tab, d], Aux::None, pos), Some(ok))
    }

    /// `if !ok { runtime.name(args) }` (a panicking runtime call).
    pub(super) fn check_rt(&mut self, ok: ValueId, name: &str, args: Vec<ValueId>, pos: u32) {
        let good = self.new_block(pos);
        let bad = self.new_block(pos);
        self.branch(ok, good, bad);
        self.seal(good);
        self.seal(bad);
        self.start(bad);
        self.rt(name, INVALID, args, pos);
        let b = self.cur;
        self.f.blocks[b as usize].kind = BlockKind::Exit;
        self.start(good);
    }

    /// `switch [v :=] x.(type) { ... }`
    pub(super) fn type_switch(&mut self, init: Option<&Stmt>, bind: Option<&ast::Ident>, x: &Expr, cases: &[ast::CaseClause], label: Option<&str>, pos: u32) {
        if let Some(i) = init {
            self.stmt(i, None);
        }
        let xt = self.type_of(x);
        let xv = self.expr(x);
        let tab = self.add(Op::ITab, UINTPTR, vec![xv], Aux::None, pos);
        let exit = self.new_block(pos);
        let bodies: Vec<BlockId> = cases.iter().map(|c| self.new_block(c.span.lo)).collect();
        // For each clause with a bound variable of interface type, the itab found by its test.
        let mut found_tab: HashMap<usize, usize> = HashMap::default();
        for (ci, c) in cases.iter().enumerate() {
            if c.default {
                continue;
            }
            for e in &c.exprs {
                let next = self.new_block(e.span.lo);
                let is_nil = matches!(self.info.uses.get(&strip_parens(e).id).map(|o| &self.info.objects[*o as usize].kind), Some(ObjKind::Nil));
                let t = self.type_of(e);
                let ok = if is_nil {
                    let zero = self.int(UINTPTR, 0);
                    self.add(Op::Eq, BOOL, vec![tab, zero], Aux::Int(UINTPTR as i64), e.span.lo)
                } else if self.tt.is_interface(t) {
                    let typ = self.dyn_type(xv, xt, e.span.lo);
                    if self.tt.imethods(t).is_empty() {
                        let zero = self.int(UINTPTR, 0);
                        self.add(Op::Neq, BOOL, vec![typ, zero], Aux::Int(UINTPTR as i64), e.span.lo)
                    } else {
                        let inter = self.add(Op::TypeAddr, UINTPTR, vec![], Aux::Type(t), e.span.lo);
                        let itab = self.rt("assertE2I2", UINTPTR, vec![inter, typ], e.span.lo);
                        if c.exprs.len() == 1 {
                            let var = *found_tab.entry(ci).or_insert_with(|| self.new_var(UINTPTR));
                            self.write_var(var, self.cur, itab);
                        }
                        let zero = self.int(UINTPTR, 0);
                        self.add(Op::Neq, BOOL, vec![itab, zero], Aux::Int(UINTPTR as i64), e.span.lo)
                    }
                } else {
                    self.holds_concrete(xv, xt, t, e.span.lo)
                };
                self.branch(ok, bodies[ci], next);
                self.seal(next);
                self.start(next);
            }
        }
        match cases.iter().position(|c| c.default) {
            Some(d) => self.jump(bodies[d]),
            None => self.jump(exit),
        }
        self.targets.push(Target { label: label.map(String::from), brk: exit, cont: None });
        for (ci, c) in cases.iter().enumerate() {
            self.seal(bodies[ci]);
            self.start(bodies[ci]);
            if bind.is_some() {
                if let Some(&o) = self.info.implicits.get(&c.span.lo) {
                    let vt = self.obj_ty(o);
                    let v = if vt == xt || vt == INVALID {
                        xv
                    } else if self.tt.is_interface(vt) {
                        let data = self.add(Op::IData, UNSAFE_POINTER, vec![xv], Aux::None, pos);
                        let t2 = if self.tt.imethods(vt).is_empty() {
                            self.dyn_type(xv, xt, pos)
                        } else {
                            match found_tab.get(&ci) {
                                Some(&var) => self.read_var(var, self.cur),
                                None => self.add(Op::ConstNil, UINTPTR, vec![], Aux::None, pos),
                            }
                        };
                        self.add(Op::IMake, vt, vec![t2, data], Aux::None, pos)
                    } else {
                        self.unbox(xv, vt, pos)
                    };
                    self.declare_value(o, v, pos);
                    // gc reports a clause's variable at the clause's `case`.
                    for n in self.f.esc.allocs.values_mut() {
                        if n.kind == crate::ssa::escape::notes::AllocKind::Var(o) {
                            n.pos = c.span.lo;
                        }
                    }
                    if let Some(n) = self.f.esc.vars.get_mut(&o) {
                        n.pos = c.span.lo;
                    }
                }
            }
            self.stmts(&c.body);
            self.jump(exit);
        }
        self.targets.pop();
        self.seal(exit);
        self.start(exit);
    }

    /// A call of interface method `index` on interface value `x` of type `it`.
    pub(super) fn iface_call(&mut self, x: ValueId, it: TypeId, index: usize, args: Vec<ValueId>, rty: TypeId, pos: u32) -> ValueId {
        let tab = self.add(Op::ITab, UINTPTR, vec![x], Aux::None, pos);
        // Calling a method of a nil interface is a nil dereference.
        self.nil_check(tab, pos);
        let data = self.add(Op::IData, UNSAFE_POINTER, vec![x], Aux::None, pos);
        let name = self.tt.imethods(it)[index].name.clone();
        let mut all = vec![tab, data];
        all.extend(args);
        self.add(Op::InterCall, rty, all, Aux::Method(index as i64, name), pos)
    }
}
