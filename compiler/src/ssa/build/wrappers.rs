//! Generated functions ("wrappers"), each made once per program, as gc makes them:
//!
//! - `f·fv`: the code of the func value of a function `f`: drops the hidden closure argument.
//! - `T.M-fm`: the code of a method value `x.M`: calls M with the receiver kept in the closure.
//! - `(*T).M` for a value method `T.M`: calls it through a pointer (itabs of indirect types
//!   hold these, since an interface's data word then points to the value).
//! - `S.M`, `(*S).M` for a method promoted from an embedded field: finds the field, calls M.
//! - `I.M` for an interface method used as a method expression: calls it through the itab.

use super::*;
use crate::types::methods::{self, Found};

impl<'a> Builder<'a> {
    /// Builds function `sym` (unless it exists) with the given signature; `body` receives the
    /// parameters' values (memory-typed ones as addresses) and returns the results.
    pub(super) fn gen_func(&mut self, sym: &str, params: Vec<TypeId>, results: Vec<TypeId>, has_ctx: bool, body: &mut dyn FnMut(&mut Builder, Vec<ValueId>) -> Vec<ValueId>) {
        if !self.env.generated.insert(sym.to_string()) {
            return;
        }
        let mut b = Builder::new(self.info, &mut *self.tt, &mut *self.diags, &mut *self.env, sym, sym);
        b.f.has_ctx = has_ctx;
        b.f.wrapper = true;
        b.subst = self.subst.clone();
        let mut args = vec![];
        for (i, &t) in params.iter().enumerate() {
            b.f.params.push(t);
            let pt = if is_ssa_type(b.tt, t) { t } else { b.tt.pointer(t) };
            args.push(b.add(Op::Arg, pt, vec![], Aux::Int(i as i64), u32::MAX));
        }
        b.f.results = results;
        // A wrapper passes on the right to recover a panic to the function it calls.
        b.add(Op::WrapperAdjust, INVALID, vec![], Aux::None, u32::MAX);
        let rs = body(&mut b, args);
        if !matches!(b.f.blocks[b.cur as usize].kind, BlockKind::Exit) {
            let cur = b.cur;
            b.f.blocks[cur as usize].kind = BlockKind::Ret(rs);
        }
        let f = b.f;
        self.env.extra.push(f);
    }

    /// Calls function `sym` with `args`; returns its results as separate values.
    pub(super) fn call_sym(&mut self, sym: &str, args: Vec<ValueId>, results: &[TypeId], pos: u32) -> Vec<ValueId> {
        let rty = match results.len() {
            0 => INVALID,
            1 => results[0],
            _ => self.tt.tuple(results.to_vec()),
        };
        let v = self.add(Op::Call, rty, args, Aux::Sym(sym.to_string()), pos);
        self.results_of(v, results, pos)
    }

    /// The results of a call value as separate values.
    pub(super) fn results_of(&mut self, v: ValueId, results: &[TypeId], pos: u32) -> Vec<ValueId> {
        match results.len() {
            0 => vec![],
            1 => vec![v],
            _ => results.iter().enumerate().map(|(i, t)| self.add(Op::Select, *t, vec![v], Aux::Int(i as i64), pos)).collect(),
        }
    }

    fn sig_of(&self, ft: TypeId) -> Signature {
        match self.tt.under_kind(ft) {
            TypeKind::Func(s) => s.clone(),
            _ => Signature { params: vec![], results: vec![], variadic: false },
        }
    }

    /// The `·fv` wrapper of function `sym` whose type (without hidden argument) is `ft`.
    pub(super) fn fv_wrapper(&mut self, sym: &str, ft: TypeId) -> String {
        let w = format!("{}·fv", sym);
        let sig = self.sig_of(ft);
        let target = sym.to_string();
        let results = sig.results.clone();
        self.gen_func(&w, sig.params.clone(), sig.results.clone(), true, &mut |b, args| b.call_sym(&target, args, &results, u32::MAX));
        self.env.static_closures.push((sym.to_string(), w.clone()));
        w
    }

    /// The code of method values of method `msym` with receiver type `recv_t`.
    pub(super) fn fm_wrapper(&mut self, msym: &str, recv_t: TypeId, ft: TypeId) -> String {
        let w = format!("{}-fm", msym);
        let sig = self.sig_of(ft);
        let target = msym.to_string();
        let results = sig.results.clone();
        self.gen_func(&w, sig.params.clone(), sig.results.clone(), true, &mut |b, args| {
            let ctx = b.add(Op::ClosurePtr, UNSAFE_POINTER, vec![], Aux::None, u32::MAX);
            let ct = b.closure_type(&[recv_t]);
            let off = b.tt.field_offsets(ct)[1] as i64;
            let pt = b.tt.pointer(recv_t);
            let rp = b.add(Op::OffPtr, pt, vec![ctx], Aux::Int(off), u32::MAX);
            // A value receiver is copied again for each call (the method may change it).
            let recv = if is_ssa_type(b.tt, recv_t) { b.load(rp, recv_t, u32::MAX) } else { b.copy_mem(rp, recv_t, u32::MAX) };
            let mut all = vec![recv];
            all.extend(args);
            b.call_sym(&target, all, &results, u32::MAX)
        });
        w
    }

    /// The code of method values `i.M` of interface method `index` of `iface`.
    pub(super) fn iface_fm_wrapper(&mut self, iface: TypeId, index: usize, ft: TypeId) -> String {
        let name = self.tt.imethods(iface)[index].name.clone();
        let w = format!("{}.{}-fm", self.tt.rt_name(iface), name);
        let sig = self.sig_of(ft);
        let results = sig.results.clone();
        self.gen_func(&w, sig.params.clone(), sig.results.clone(), true, &mut |b, args| {
            let ctx = b.add(Op::ClosurePtr, UNSAFE_POINTER, vec![], Aux::None, u32::MAX);
            let ct = b.closure_type(&[iface]);
            let off = b.tt.field_offsets(ct)[1] as i64;
            let pt = b.tt.pointer(iface);
            let ip = b.add(Op::OffPtr, pt, vec![ctx], Aux::Int(off), u32::MAX);
            let iv = b.load(ip, iface, u32::MAX);
            let rty = match results.len() {
                0 => INVALID,
                1 => results[0],
                _ => b.tt.tuple(results.clone()),
            };
            let v = b.iface_call(iv, iface, index, args, rty, u32::MAX);
            b.results_of(v, &results, u32::MAX)
        });
        w
    }

    /// A method's symbol as gc spells it for receiver type `recv`: `main.T.M`,
    /// `main.(*T).M`, or the type's name then `.M` for unnamed types.
    pub fn method_sym(tt: &TypeTable, recv: TypeId, name: &str) -> String {
        // An instance of a generic type is named with its type arguments: Stack[int].
        let local = |t: TypeId, n: &Named| match &n.origin {
            Some(_) => {
                let full = tt.rt_name(t);
                full.strip_prefix(&format!("{}.", n.pkg)).map(str::to_string).unwrap_or(full)
            }
            None => n.local.clone(),
        };
        if let Some(n) = tt.named_data(recv) {
            return format!("{}.{}.{}", if n.pkg.is_empty() { "go" } else { &n.pkg }, local(recv, n), name);
        }
        if let TypeKind::Pointer(b) = tt.kind(recv) {
            if let Some(n) = tt.named_data(*b) {
                return format!("{}.(*{}).{}", if n.pkg.is_empty() { "go" } else { &n.pkg }, local(*b, n), name);
            }
        }
        format!("{}.{}", tt.rt_name(recv), name)
    }

    /// A function taking a receiver of type `recv` (a value of it: an address for memory
    /// types) and the method's arguments, that calls the method `found` (found by looking its
    /// name up in `recv`). The declared method itself when it already is such a function.
    pub(super) fn method_expr_func(&mut self, recv: TypeId, found: &Found, _ft: TypeId) -> String {
        // In an instance, the receiver type is substituted and the method found again on it
        // (`T.M` with a type parameter T is the type argument's own method).
        let refound;
        let (recv, found) = if self.subst.is_empty() {
            (recv, found)
        } else {
            let name = match found {
                Found::Method { func, .. } => self.info.objects[*func as usize].name.clone(),
                Found::IfaceMethod { iface, index, .. } => self.tt.imethods(*iface)[*index].name.clone(),
                _ => return String::new(),
            };
            let r = self.sub(recv);
            match methods::lookup(self.tt, r, &name) {
                Some(f) => {
                    refound = f;
                    (r, &refound)
                }
                None => return String::new(),
            }
        };
        let (name, sig) = match found {
            Found::Method { func, sig, .. } => (self.info.objects[*func as usize].name.clone(), *sig),
            Found::IfaceMethod { iface, index, sig, .. } => (self.tt.imethods(*iface)[*index].name.clone(), *sig),
            _ => return String::new(),
        };
        let msig = self.sig_of(sig);
        if let Found::Method { func, path, ptr_recv, recv: owner, .. } = found {
            if path.is_empty() {
                let own = if *ptr_recv { self.tt.pointer(*owner) } else { *owner };
                if own == recv {
                    return self.method_target(*func, *owner);
                }
            }
        }
        let sym = Self::method_sym(self.tt, recv, &name);
        let mut params = vec![recv];
        params.extend(msig.params.clone());
        let results = msig.results.clone();
        let found = found.clone();
        let recv_name = self.tt.rt_name(recv);
        self.gen_func(&sym, params, msig.results.clone(), false, &mut |b, args| {
            let pos = u32::MAX;
            let recv_v = args[0];
            let rest = args[1..].to_vec();
            match &found {
                Found::Method { func, path, derefs, ptr_recv, recv: owner, .. } => {
                    // The address of the receiver's storage: the argument itself for a pointer,
                    // else the argument (a memory-typed value is its address) or a copy of it.
                    let recv_is_ptr = matches!(b.tt.kind(recv), TypeKind::Pointer(_));
                    let base = if recv_is_ptr || !is_ssa_type(b.tt, recv) {
                        recv_v
                    } else {
                        // A pointer-shaped or scalar value receiver: put it in memory.
                        let p = b.new_obj(recv, pos);
                        b.store(p, recv_v, recv, pos);
                        p
                    };
                    let mut p = base;
                    if !path.is_empty() {
                        let mut d = derefs.clone();
                        if !recv_is_ptr {
                            d[0] = false;
                        }
                        p = b.field_addr(base, recv, path, &d, pos);
                        let fty = b.f.v(p).ty;
                        let fty = match b.tt.kind(fty) { TypeKind::Pointer(x) => *x, _ => fty };
                        if matches!(b.tt.kind(fty), TypeKind::Pointer(_)) {
                            p = b.load(p, fty, pos);
                        }
                    } else if recv_is_ptr && !ptr_recv {
                        // (*T).M for a value method: a nil pointer is reported as gc does.
                        let zero = b.add(Op::ConstNil, recv, vec![], Aux::None, pos);
                        let ok = b.add(Op::Neq, BOOL, vec![recv_v, zero], Aux::Int(recv as i64), pos);
                        let tn = b.tt.rt_name(*owner);
                        let msg = b.add(Op::Const, STRING, vec![], Aux::Str(format!("value method {}.{} called using nil *{} pointer", tn, name, tn.rsplit('.').next().unwrap_or(&tn)).into_bytes()), pos);
                        b.check_rt(ok, "panicwrap", vec![msg], pos);
                    }
                    let owner_t = *owner;
                    let rv = if *ptr_recv {
                        p
                    } else if is_ssa_type(b.tt, owner_t) {
                        b.load(p, owner_t, pos)
                    } else {
                        b.copy_mem(p, owner_t, pos)
                    };
                    let target = b.method_target(*func, owner_t);
                    let mut all = vec![rv];
                    all.extend(rest);
                    b.call_sym(&target, all, &results, pos)
                }
                Found::IfaceMethod { iface, index, path, derefs, .. } => {
                    let iv = if path.is_empty() {
                        recv_v
                    } else {
                        let recv_is_ptr = matches!(b.tt.kind(recv), TypeKind::Pointer(_));
                        let mut d = derefs.clone();
                        if !recv_is_ptr {
                            d[0] = false;
                        }
                        let fp = b.field_addr(recv_v, recv, path, &d, pos);
                        b.load(fp, *iface, pos)
                    };
                    let rty = match results.len() {
                        0 => INVALID,
                        1 => results[0],
                        _ => b.tt.tuple(results.clone()),
                    };
                    let v = b.iface_call(iv, *iface, *index, rest, rty, pos);
                    b.results_of(v, &results, pos)
                }
                _ => vec![],
            }
        });
        let _ = recv_name;
        sym
    }

    /// The function an itab (or a method table) holds for method `name` of concrete type
    /// `t`: it takes the interface's data word as its receiver.
    pub fn itab_func(&mut self, t: TypeId, name: &str) -> String {
        // Pointer-shaped types are the data word themselves; others are behind a pointer.
        let recv = if self.tt.is_direct_iface(t) { t } else { self.tt.pointer(t) };
        let Some(found) = methods::lookup(self.tt, recv, name) else { return String::new() };
        self.method_expr_func(recv, &found, INVALID)
    }
}
