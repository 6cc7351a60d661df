//! Closures and func values.
//!
//! A func value is a pointer to a closure object whose first word is the address of code
//! that takes the closure object as a hidden first argument (`ClosurePtr` in the callee):
//!
//! ```text
//! func value ──► [ code | captured 1 | captured 2 | ... ]
//! ```
//!
//! A function literal's closure holds the addresses of the variables it captures (captured
//! variables live in memory, so the literal and its enclosing function share them: Go
//! captures by reference). A top-level function used as a value is a static closure of a
//! small wrapper (`f·fv`) that drops the hidden argument; a method value `x.M` is a closure
//! holding the receiver, whose code (`T.M-fm`) calls the method with it.

use super::*;

impl<'a> Builder<'a> {
    /// A function literal: its body is built now, as a function of its own; here, the
    /// closure object is made.
    pub(super) fn func_lit(&mut self, e: &Expr, ty: &ast::FuncType, body: &ast::Block, pos: u32) -> ValueId {
        let t = self.type_of(e);
        let Some((params, results, _)) = self.info.lit_funcs.get(&e.id).cloned() else {
            self.unsupported(pos, "this function literal");
            return self.zero(t, pos);
        };
        let captured: Vec<ObjId> = self.info.closures.get(&e.id).cloned().unwrap_or_default();
        // Numbered per enclosing function, as gc's names: main.func1, main.func2, and
        // main.func2.1 for the first literal written inside main.func2.
        let key = if self.f.has_ctx { self.f.sym.clone() } else { self.outer.clone() };
        let n = self.env.lit_count.entry(key).or_insert(0);
        *n += 1;
        let sym = if self.f.has_ctx && self.outer != self.f.sym {
            format!("{}.{}", self.f.sym, n)
        } else {
            format!("{}.func{}", self.outer, n)
        };
        let _ = ty;
        // The addresses of the captured variables, from here.
        let addrs: Vec<ValueId> = captured.iter().map(|&o| self.obj_addr(o, pos)).collect();
        {
            let outer = self.outer.clone();
            let mut b = Builder::new(self.info, &mut *self.tt, &mut *self.diags, &mut *self.env, &sym, &sym);
            b.outer = outer;
            b.subst = self.subst.clone();
            b.f.has_ctx = true;
            b.f.esc.parent = Some(self.f.sym.clone());
            b.not_by_value = self.not_by_value.clone();
            b.captured = captured.clone();
            b.function(None, &params, &results, body, pos);
            let f = b.f;
            self.env.extra.push(f);
        }
        let fv = self.make_closure(&sym, t, &addrs, pos);
        let obj = self.f.v(fv).args[0];
        self.f.esc.closures.insert(obj, (sym, addrs));
        fv
    }

    /// A closure object: the code of `sym` followed by the given words.
    pub(super) fn make_closure(&mut self, sym: &str, ft: TypeId, words: &[ValueId], pos: u32) -> ValueId {
        let ct = self.closure_type(&words.iter().map(|w| self.f.v(*w).ty).collect::<Vec<_>>());
        let p = self.new_obj(ct, pos);
        let code = self.add(Op::FuncAddr, UINTPTR, vec![], Aux::Sym(sym.to_string()), pos);
        let cp = self.tt.pointer(UINTPTR);
        let c0 = self.add(Op::Copy, cp, vec![p], Aux::None, pos);
        self.add(Op::Store, UINTPTR, vec![c0, code], Aux::None, pos);
        let offs = self.tt.field_offsets(ct);
        for (i, &w) in words.iter().enumerate() {
            let wt = self.f.v(w).ty;
            let pt = self.tt.pointer(wt);
            let fp = self.add(Op::OffPtr, pt, vec![p], Aux::Int(offs[i + 1] as i64), pos);
            self.store(fp, w, wt, pos);
        }
        self.add(Op::Copy, ft, vec![p], Aux::None, pos)
    }

    /// The struct type of a closure object holding words of the given types after the code.
    pub(super) fn closure_type(&mut self, words: &[TypeId]) -> TypeId {
        let mut fs = vec![Field { name: "F".into(), ty: UINTPTR, embedded: false }];
        for (i, &t) in words.iter().enumerate() {
            fs.push(Field { name: format!("X{}", i), ty: t, embedded: false });
        }
        self.tt.intern(TypeKind::Struct(fs))
    }

    /// In a function literal: the captured variables' addresses, loaded from the closure.
    pub(super) fn load_captured(&mut self, pos: u32) {
        if self.captured.is_empty() {
            return;
        }
        let ctx = self.add(Op::ClosurePtr, UNSAFE_POINTER, vec![], Aux::None, pos);
        let tys: Vec<TypeId> = self.captured.clone().iter().map(|&o| {
            let t = self.obj_ty(o);
            self.tt.pointer(t)
        }).collect();
        let ct = self.closure_type(&tys);
        let offs = self.tt.field_offsets(ct);
        for (i, &o) in self.captured.clone().iter().enumerate() {
            let pt = tys[i];
            let ppt = self.tt.pointer(pt);
            let fp = self.add(Op::OffPtr, ppt, vec![ctx], Aux::Int(offs[i + 1] as i64), pos);
            let addr = self.load(fp, pt, pos);
            self.f.esc.captured.push((addr, i));
            self.locs.insert(o, Loc::Mem(addr));
        }
    }

    /// The func value of function symbol `sym` (of func type `ft`): a static closure of its
    /// `·fv` wrapper.
    pub(super) fn func_value(&mut self, sym: &str, ft: TypeId, pos: u32) -> ValueId {
        let w = self.fv_wrapper(sym, ft);
        self.add(Op::StaticClosure, ft, vec![], Aux::Sym(w), pos)
    }

    /// Calls func value `fv` (of func type `ft`) with the given arguments.
    pub(super) fn closure_call(&mut self, fv: ValueId, ft: TypeId, args: Vec<ValueId>, pos: u32) -> Option<ValueId> {
        let TypeKind::Func(sig) = self.tt.under_kind(ft).clone() else { return None };
        // Calling a nil func value is a nil dereference.
        self.nil_check(fv, pos);
        let rty = match sig.results.len() {
            0 => INVALID,
            1 => sig.results[0],
            _ => self.tt.tuple(sig.results.clone()),
        };
        let mut all = vec![fv];
        all.extend(args);
        let v = self.add(Op::ClosureCall, rty, all, Aux::Int(ft as i64), pos);
        if sig.results.is_empty() { None } else { Some(v) }
    }

    /// A method value `x.M` (not called): a closure of the receiver, evaluated now.
    pub(super) fn method_value(&mut self, e: &Expr, x: &Expr, sel: &Selection, pos: u32) -> ValueId {
        let ft = self.type_of(e);
        match sel.clone() {
            Selection::Method { func, path, derefs, ptr_recv } => {
                let recv = self.receiver(x, func, &path, &derefs, ptr_recv, pos);
                let xt = self.type_of(x);
                let owner = self.method_owner(func, xt);
                let msym = self.method_target(func, owner);
                let recv_t = self.f.v(recv).ty;
                let w = self.fm_wrapper(&msym, recv_t, ft);
                let fv = self.make_closure(&w, ft, &[recv], pos);
                let obj = self.f.v(fv).args[0];
                self.f.esc.method_values.insert(obj, (msym, recv));
                fv
            }
            Selection::IfaceMethod { iface, index, path, derefs } => {
                let iv = self.iface_operand(x, &path, &derefs, pos);
                // Evaluating i.M of a nil interface panics.
                let tab = self.add(Op::ITab, UINTPTR, vec![iv], Aux::None, pos);
                self.nil_check(tab, pos);
                let w = self.iface_fm_wrapper(iface, index, ft);
                let fv = self.make_closure(&w, ft, &[iv], pos);
                let obj = self.f.v(fv).args[0];
                self.f.esc.method_values.insert(obj, (String::new(), iv));
                fv
            }
            _ => {
                self.unsupported(pos, "this method value");
                self.zero(ft, pos)
            }
        }
    }

    /// A method expression `T.M` as a func value.
    pub(super) fn method_expr_value(&mut self, e: &Expr, recv: TypeId, found: &crate::types::methods::Found, pos: u32) -> ValueId {
        let ft = self.type_of(e);
        let sym = self.method_expr_func(recv, found, ft);
        self.func_value(&sym, ft, pos)
    }

    /// The receiver argument of a concrete method call or method value `x.M`: x (or the
    /// embedded field on `path`), as a pointer for pointer methods, else as a value copy.
    pub(super) fn receiver(&mut self, x: &Expr, func: ObjId, path: &[usize], derefs: &[bool], ptr_recv: bool, pos: u32) -> ValueId {
        let xt = self.type_of(x);
        let recv_t = self.method_owner(func, xt);
        if path.is_empty() {
            let x_is_ptr = matches!(self.tt.kind(xt), TypeKind::Pointer(_));
            return match (ptr_recv, x_is_ptr) {
                (true, true) => self.expr(x),
                (true, false) => self.addr(x),
                (false, true) => {
                    let p = self.expr(x);
                    self.nil_check(p, pos);
                    if is_ssa_type(self.tt, recv_t) { self.load(p, recv_t, pos) } else { self.copy_mem(p, recv_t, pos) }
                }
                (false, false) => {
                    let v = self.expr(x);
                    if is_ssa_type(self.tt, recv_t) { v } else { self.copy_mem(v, recv_t, pos) }
                }
            };
        }
        let base = if derefs[0] { self.expr(x) } else { self.addr(x) };
        let p = self.field_addr(base, xt, path, derefs, pos);
        let ft = self.f.v(p).ty;
        let ft = match self.tt.kind(ft) { TypeKind::Pointer(b) => *b, _ => ft };
        let field_is_ptr = matches!(self.tt.kind(ft), TypeKind::Pointer(_));
        let p = if field_is_ptr { self.load(p, ft, pos) } else { p };
        if ptr_recv {
            p
        } else {
            if field_is_ptr {
                self.nil_check(p, pos);
            }
            if is_ssa_type(self.tt, recv_t) { self.load(p, recv_t, pos) } else { self.copy_mem(p, recv_t, pos) }
        }
    }

    /// The interface value that an interface method selector `x.M` calls: x itself, or the
    /// embedded interface field on `path`.
    pub(super) fn iface_operand(&mut self, x: &Expr, path: &[usize], derefs: &[bool], pos: u32) -> ValueId {
        if path.is_empty() {
            return self.expr(x);
        }
        let xt = self.type_of(x);
        let base = if derefs[0] { self.expr(x) } else { self.addr(x) };
        let p = self.field_addr(base, xt, path, derefs, pos);
        let it = crate::types::methods::field_path_type(self.tt, xt, path);
        self.load(p, it, pos)
    }
}
