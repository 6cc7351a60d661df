//! Calls: functions and methods, arguments, conversions, the built-in functions, print.

use super::*;

impl<'a> Builder<'a> {
    // ------------------------------------------------------------------------------------
    // Calls

    pub(super) fn call(&mut self, e: &Expr, fun: &Expr, args: &[Expr], ellipsis: bool) -> Option<ValueId> {
        let pos = e.span.lo;
        let t = self.type_of(e);
        let f = strip_parens(fun);
        if self.info.type_exprs.contains(&f.id) {
            return Some(self.conversion(t, &args[0], pos));
        }
        if let Some(b) = self.builtin_of(f) {
            let before = self.f.values.len() as ValueId;
            let r = self.builtin(b, args, ellipsis, t, pos);
            if b == Builtin::Panic && !args.is_empty() && !matches!(strip_parens(&args[0]).kind, ExprKind::Ident(_) | ExprKind::CompositeLit { .. }) {
                // gc reports the conversion of panic's argument where its type checker last
                // set its position: at the last variable the argument names, or the '(' of
                // its last call without one (`panic(g())`), else at panic's '('.
                let at = self.type_of(&args[0]);
                if !self.tt.is_interface(at) && !self.tt.is_direct_iface(at) {
                    let pos = self.last_position(&args[0]).unwrap_or(f.span.hi);
                    // (It comes first among the argument's messages, as the outer node.)
                    let moved = self.place_last_conversion(before, pos);
                    if let Some(n) = moved.and_then(|v| self.f.esc.allocs.get_mut(&v)) {
                        if n.order == 0 {
                            n.order = f.span.hi;
                        }
                    }
                }
            }
            return r;
        }
        let (callee, recv) = self.callee(fun, pos)?;
        let ft = self.type_of(fun);
        let TypeKind::Func(sig) = self.tt.under_kind(ft).clone() else { return None };
        let mut vals: Vec<ValueId> = recv.into_iter().collect();
        let before = self.f.values.len() as ValueId;
        vals.extend(self.call_args(&sig, args, ellipsis, pos));
        self.place_arg_messages(before, fun, args, pos);
        let lparen = strip_parens(fun).span.hi;
        let start = self.f.values.len();
        let r = self.emit_call(&callee, ft, vals, pos);
        // gc places a call at its '(' (in inlining's messages).
        if let Some(c) = self.f.values[start..].iter().find(|v| matches!(v.op, Op::Call | Op::ClosureCall)).map(|v| v.id) {
            self.f.lparens.insert(c, lparen);
            self.f.call_ends.insert(c, e.span.hi);
            if self.loop_depth > 0 {
                self.f.esc.call_depth.insert(c, self.loop_depth);
            }
        }
        if let Callee::Iface(..) = callee {
            // For escape analysis, which may devirtualize the call.
            if let Some(ic) = self.f.values[start..].iter().find(|v| v.op == Op::InterCall).map(|v| v.id) {
                let text = crate::ssa::escape::exprfmt::gc_expr(fun, self.info, self.tt);
                self.f.esc.iface_calls.insert(ic, (text, strip_parens(fun).span.hi));
            }
        }
        r
    }

    /// Where gc's type checker last sets its position in expression `e`, as far as it matters
    /// for the messages: at a variable's name, and at a call's '(' before its arguments;
    /// literals, constants and function names leave it. None: nowhere in `e`.
    pub(super) fn last_position(&self, e: &Expr) -> Option<u32> {
        let e = strip_parens(e);
        if self.info.consts.contains_key(&e.id) {
            return None;
        }
        match &e.kind {
            ExprKind::Ident(_) => match self.info.uses.get(&e.id).map(|&o| &self.info.objects[o as usize].kind) {
                Some(ObjKind::Var) => Some(e.span.lo),
                _ => None,
            },
            ExprKind::Selector(x, _) | ExprKind::Unary(_, x) | ExprKind::TypeAssert(x, _) => self.last_position(x),
            ExprKind::Index(x, idx) => idx.iter().rev().find_map(|i| self.last_position(i)).or_else(|| self.last_position(x)),
            ExprKind::Slice { x, lo, hi, max } => [max, hi, lo].into_iter().flatten().find_map(|p| self.last_position(p)).or_else(|| self.last_position(x)),
            ExprKind::Binary(_, l, r) => self.last_position(r).or_else(|| self.last_position(l)),
            ExprKind::Call { fun, args, .. } => args.iter().rev().find_map(|a| self.last_position(a)).or(Some(strip_parens(fun).span.hi)),
            _ => None,
        }
    }

    /// The builtin a call's function expression names, if any.
    pub(super) fn builtin_of(&self, f: &Expr) -> Option<Builtin> {
        // unsafe.Add, unsafe.Slice
        if let (ExprKind::Selector(..), Some(Selection::Qualified(o))) = (&f.kind, self.info.selections.get(&f.id)) {
            if let ObjKind::Builtin(b) = self.info.objects[*o as usize].kind {
                return Some(b);
            }
        }
        if let ExprKind::Ident(_) = &f.kind {
            if let Some(&o) = self.info.uses.get(&f.id) {
                if let ObjKind::Builtin(b) = self.info.objects[o as usize].kind {
                    return Some(b);
                }
            }
        }
        None
    }

    /// Evaluates what a call calls: a function known statically (with the receiver argument
    /// of a method), a func value, or an interface method.
    pub(super) fn callee(&mut self, fun: &Expr, pos: u32) -> Option<(Callee, Option<ValueId>)> {
        let f = strip_parens(fun);
        let ft = self.type_of(fun);
        if let Some(sym) = self.instance_at(f) {
            return Some((Callee::Static(sym), None));
        }
        match &f.kind {
            ExprKind::Ident(_) => {
                let o = self.info.uses[&f.id];
                if let Some(s) = self.env.func_syms.get(&o) {
                    if matches!(self.info.objects[o as usize].kind, ObjKind::Func) {
                        return Some((Callee::Static(s.clone()), None));
                    }
                }
                let v = self.expr(f);
                Some((Callee::Value(v), None))
            }
            ExprKind::Selector(x, _) => match self.info.selections.get(&f.id).cloned() {
                Some(Selection::Qualified(o)) if matches!(self.info.objects[o as usize].kind, ObjKind::Func) => {
                    Some((Callee::Static(self.env.func_syms[&o].clone()), None))
                }
                Some(Selection::Method { func, path, derefs, ptr_recv }) => {
                    let rv = self.receiver(x, func, &path, &derefs, ptr_recv, pos);
                    let xt = self.type_of(x);
                    let owner = self.method_owner(func, xt);
                    Some((Callee::Static(self.method_target(func, owner)), Some(rv)))
                }
                // A method of a type parameter's constraint, called on a type argument that is
                // not an interface: the type's own method, called directly.
                Some(Selection::IfaceMethod { ref path, .. }) if path.is_empty() && self.tt.is_type_param(self.raw_type_of(x)) && {
                    let xt = self.type_of(x);
                    !self.tt.is_interface(xt)
                } =>
                {
                    let ExprKind::Selector(_, sel) = &f.kind else { return None };
                    let xt = self.type_of(x);
                    match crate::types::methods::lookup(self.tt, xt, &sel.name) {
                        Some(crate::types::methods::Found::Method { func, path, derefs, ptr_recv, recv, .. }) => {
                            let rv = self.receiver(x, func, &path, &derefs, ptr_recv, pos);
                            Some((Callee::Static(self.method_target(func, recv)), Some(rv)))
                        }
                        _ => {
                            self.unsupported(pos, "this method call on a type parameter");
                            None
                        }
                    }
                }
                Some(Selection::IfaceMethod { iface, index, path, derefs }) => {
                    let (mut iface, mut index) = (self.sub(iface), index);
                    if path.is_empty() && self.tt.is_type_param(self.raw_type_of(x)) {
                        // A constraint's method on a type argument that is an interface: the
                        // method's index in that interface.
                        let name = self.tt.imethods(iface)[index].name.clone();
                        let xt = self.type_of(x);
                        if let Some(i) = self.tt.imethods(xt).iter().position(|m| m.name == name) {
                            iface = xt;
                            index = i;
                        }
                    }
                    let iv = self.iface_operand(x, &path, &derefs, pos);
                    Some((Callee::Iface(iv, iface, index), None))
                }
                Some(Selection::MethodExpr { recv, found }) => {
                    let sym = self.method_expr_func(recv, &found, ft);
                    Some((Callee::Static(sym), None))
                }
                _ => {
                    let v = self.expr(f);
                    Some((Callee::Value(v), None))
                }
            },
            _ => {
                let v = self.expr(f);
                Some((Callee::Value(v), None))
            }
        }
    }

    /// Calls `callee` (whose type, without receiver, is `ft`) with the argument values.
    pub(super) fn emit_call(&mut self, callee: &Callee, ft: TypeId, vals: Vec<ValueId>, pos: u32) -> Option<ValueId> {
        let TypeKind::Func(sig) = self.tt.under_kind(ft).clone() else { return None };
        let rty = match sig.results.len() {
            0 => INVALID,
            1 => sig.results[0],
            _ => self.tt.tuple(sig.results.clone()),
        };
        let v = match callee {
            Callee::Static(sym) => match self.intrinsic(sym, &vals, rty, pos) {
                Some(v) => v,
                None => self.add(Op::Call, rty, vals, Aux::Sym(sym.clone()), pos),
            },
            Callee::Value(fv) => return self.closure_call(*fv, ft, vals, pos),
            Callee::Iface(iv, it, index) => self.iface_call(*iv, *it, *index, vals, rty, pos),
        };
        if sig.results.is_empty() { None } else { Some(v) }
    }

    /// A composite literal's value in memory: SSA values (slices) are stored into a new heap
    /// object; struct and array literals already are one.
    pub(super) fn to_heap(&mut self, v: ValueId, t: TypeId, pos: u32) -> ValueId {
        if !is_ssa_type(self.tt, t) {
            return v;
        }
        let p = self.new_obj(t, pos);
        self.store(p, v, t, pos);
        p
    }

    /// The value of type `t` stored at `p`: loaded if it is an SSA value, else a copy of the
    /// memory (whose address is then the value), so that later stores at `p` do not change it.
    pub(super) fn load_value(&mut self, p: ValueId, t: TypeId, pos: u32) -> ValueId {
        if is_ssa_type(self.tt, t) { self.load(p, t, pos) } else { self.copy_mem(p, t, pos) }
    }

    pub(super) fn copy_mem(&mut self, p: ValueId, t: TypeId, pos: u32) -> ValueId {
        let c = self.new_obj(t, pos);
        self.store(c, p, t, pos);
        c
    }

    pub(super) fn call_args(&mut self, sig: &Signature, args: &[Expr], ellipsis: bool, pos: u32) -> Vec<ValueId> {
        let (mut vals, rest) = self.call_args_parts(sig, args, ellipsis, pos);
        if let Some((el, st, items)) = rest {
            let s = self.make_slice_of(el, st, &items, pos);
            vals.push(s);
        }
        vals
    }

    /// Where gc reports what the builder noted (values from `before` on) for a call's
    /// arguments: the `...` array at the call's '(', and the boxing of an argument that is a
    /// plain name where the argument before it that is not a name is, or at the '(' (a name
    /// has no position of its own in gc's tree: the conversion takes the position gc's type
    /// checker last set, going through the arguments in order).
    pub(super) fn place_arg_messages(&mut self, before: ValueId, fun: &Expr, args: &[Expr], pos: u32) {
        let lparen = strip_parens(fun).span.hi;
        let mut names: Vec<(u32, u32)> = vec![];
        let mut last = lparen;
        for a in args {
            // (A named constant, `true` included, is a literal in gc's tree: it has its own
            // position.)
            if matches!(a.kind, ExprKind::Ident(_)) && !self.info.consts.contains_key(&a.id) {
                names.push((a.span.lo, last));
            } else {
                last = crate::ssa::escape::exprfmt::gc_pos(a);
            }
        }
        for (v, n) in self.f.esc.allocs.iter_mut() {
            if *v < before {
                continue;
            }
            if n.text == "... argument" && n.pos == pos {
                n.pos = lparen;
            } else if let Some(&(_, at)) = names.iter().find(|(p, _)| *p == n.pos).filter(|_| n.kind == crate::ssa::escape::notes::AllocKind::Expr) {
                n.pos = at;
            }
        }
    }

    /// A call's arguments, except that the items of a `...` parameter given one by one are
    /// returned apart, with the element and slice types, for the caller to make the slice
    /// (`defer` and `go` make it when the call is made, as gc does).
    pub(super) fn call_args_parts(&mut self, sig: &Signature, args: &[Expr], ellipsis: bool, pos: u32) -> (Vec<ValueId>, Option<(TypeId, TypeId, Vec<ValueId>)>) {
        let np = sig.params.len();
        let mut vals = vec![];
        let el = if sig.variadic { match self.tt.kind(sig.params[np - 1]) { TypeKind::Slice(e) => *e, _ => INVALID } } else { INVALID };
        if args.len() == 1 && (np > 1 || sig.variadic) && !ellipsis {
            let ty_147 = self.type_of(&args[0]);
            if let TypeKind::Tuple(ts) = self.tt.kind(ty_147).clone() {
                let call = self.expr_any(&args[0]).unwrap_or(0);
                let mut parts = vec![];
                for (i, t) in ts.iter().enumerate() {
                    let v = self.add(Op::Select, *t, vec![call], Aux::Int(i as i64), pos);
                    let pt = if sig.variadic && i >= np - 1 { el } else { sig.params[i] };
                    parts.push(self.coerce(v, *t, pt, pos));
                }
                if sig.variadic {
                    let fixed = np - 1;
                    vals.extend(&parts[..fixed]);
                    let s = self.make_slice_of(el, sig.params[np - 1], &parts[fixed..], pos);
                    vals.push(s);
                } else {
                    vals.extend(parts);
                }
                return (vals, None);
            }
        }
        let fixed = if sig.variadic && !ellipsis { np - 1 } else { np };
        for (i, a) in args.iter().take(fixed).enumerate() {
            let pt = sig.params[i];
            let v = self.expr_to(a, pt);
            // The callee owns a memory-typed argument: it gets a copy.
            vals.push(if is_ssa_type(self.tt, pt) { v } else { self.copy_mem(v, pt, pos) });
        }
        if sig.variadic && !ellipsis {
            let rest: Vec<ValueId> = args[fixed..].iter().map(|a| self.expr_to(a, el)).collect();
            return (vals, Some((el, sig.params[np - 1], rest)));
        }
        (vals, None)
    }

    pub(super) fn make_slice_of(&mut self, el: TypeId, st: TypeId, items: &[ValueId], pos: u32) -> ValueId {
        if items.is_empty() {
            return self.zero(st, pos);
        }
        let at = self.tt.intern(TypeKind::Array(items.len() as u64, el));
        let p = self.new_obj(at, pos);
        let reason = crate::ssa::escape::heap_reason_implicit(self.tt.size(at));
        self.note_expr_alloc(p, crate::ssa::escape::notes::AllocKind::Expr, "... argument".into(), pos, reason);
        let size = self.tt.size(el) as i64;
        for (i, &v) in items.iter().enumerate() {
            let pt = self.tt.pointer(el);
            let ep = self.add(Op::OffPtr, pt, vec![p], Aux::Int(i as i64 * size), pos);
            self.store(ep, v, el, pos);
        }
        let n = self.int(INT, items.len() as i64);
        self.add(Op::SliceMake, st, vec![p, n, n], Aux::None, pos)
    }

    /// Whether integer expression `e` may carry a pointer for gc's escape analysis (its
    /// unsafeValue): a `uintptr(p)` conversion of an unsafe.Pointer, seen through
    /// arithmetic, bit operations and the left operand of shifts; a name, a call or a load
    /// carries nothing.
    fn carries_pointer(&mut self, e: &Expr) -> bool {
        let e = strip_parens(e);
        match &e.kind {
            ExprKind::Call { fun, args, .. } if args.len() == 1 && self.info.type_exprs.contains(&strip_parens(fun).id) => {
                let at = self.type_of(&args[0]);
                self.tt.under(at) == UNSAFE_POINTER || (self.tt.is_integer(at) && self.carries_pointer(&args[0]))
            }
            ExprKind::Binary(op, l, r) => {
                use crate::syntax::ast::BinOp::*;
                match op {
                    Add | Sub | Or | Xor | Mul | Quo | Rem | And | AndNot => self.carries_pointer(l) || self.carries_pointer(r),
                    Shl | Shr => self.carries_pointer(l),
                    _ => false,
                }
            }
            ExprKind::Unary(op, x) => {
                use crate::syntax::ast::UnOp::*;
                matches!(op, Pos | Neg | Xor) && self.carries_pointer(x)
            }
            _ => false,
        }
    }

    pub(super) fn conversion(&mut self, t: TypeId, a: &Expr, pos: u32) -> ValueId {
        let from = self.type_of(a);
        let v = self.expr(a);
        if self.tt.is_interface(t) {
            let r = self.coerce(v, from, t, pos);
            self.note_boxing(a, r);
            return r;
        }
        if let (TypeKind::Slice(_), TypeKind::Pointer(p)) = (self.tt.under_kind(from).clone(), self.tt.under_kind(t).clone()) {
            // (*[N]T)(s): a pointer to the slice's array, if it has N elements.
            if let TypeKind::Array(n, _) = self.tt.under_kind(p).clone() {
                let len = self.add(Op::SliceLen, INT, vec![v], Aux::None, pos);
                let nv = self.int(INT, n as i64);
                let ok = self.add(Op::Leq, BOOL, vec![nv, len], Aux::Int(INT as i64), pos);
                self.check_rt(ok, "panicSliceConvert", vec![len, nv], pos);
                return self.add(Op::SlicePtr, t, vec![v], Aux::None, pos);
            }
        }
        let (fu, tu) = (self.tt.under(from), self.tt.under(t));
        if fu == tu || !is_ssa_type(self.tt, t) {
            // Same representation: retype.
            if fu == tu && from == t {
                return v;
            }
            return self.add(Op::Copy, t, vec![v], Aux::None, pos);
        }
        if self.tt.is_string(t) {
            if self.tt.is_integer(from) {
                let v64 = self.to_int(v, from, pos);
                return self.rt("intstring", t, vec![v64], pos);
            }
            if let TypeKind::Slice(el) = self.tt.under_kind(from).clone() {
                let name = if self.tt.under(el) == UINT8 { "slicebytetostring" } else { "slicerunetostring" };
                return self.rt(name, t, vec![v], pos);
            }
        }
        if self.tt.is_string(from) {
            if let TypeKind::Slice(el) = self.tt.under_kind(t).clone() {
                let name = if self.tt.under(el) == UINT8 { "stringtoslicebyte" } else { "stringtoslicerune" };
                // The runtime returns (ptr, len); the capacity is the length.
                let tup = self.tt.tuple(vec![UNSAFE_POINTER, INT]);
                let r = self.rt(name, tup, vec![v], pos);
                let p = self.add(Op::Select, UNSAFE_POINTER, vec![r], Aux::Int(0), pos);
                let l = self.add(Op::Select, INT, vec![r], Aux::Int(1), pos);
                return self.add(Op::SliceMake, t, vec![p, l, l], Aux::None, pos);
            }
        }
        // Pointers, unsafe.Pointer and uintptr are one machine word each.
        if matches!(self.tt.under_kind(t), TypeKind::Pointer(_)) || tu == UNSAFE_POINTER || fu == UNSAFE_POINTER {
            let r = self.add(Op::Copy, t, vec![v], Aux::None, pos);
            if tu == UNSAFE_POINTER && self.tt.is_integer(from) && !self.carries_pointer(a) {
                // gc's escape analysis follows a pointer into an integer only through
                // arithmetic on `uintptr(p)` conversions: one kept in a variable is lost.
                self.f.esc.laundered.push(r);
            }
            return r;
        }
        self.add(Op::Cvt, t, vec![v], Aux::Int(from as i64), pos)
    }

    pub(super) fn builtin(&mut self, b: Builtin, args: &[Expr], ellipsis: bool, t: TypeId, pos: u32) -> Option<ValueId> {
        match b {
            Builtin::Len | Builtin::Cap => {
                let at = self.type_of(&args[0]);
                let v = self.expr(&args[0]);
                Some(match self.tt.under_kind(at).clone() {
                    TypeKind::Map(..) => self.map_len(v, pos),
                    TypeKind::Chan(..) => self.chan_len_cap(v, b == Builtin::Len, pos),
                    TypeKind::Basic(_) => self.add(Op::StringLen, INT, vec![v], Aux::None, pos),
                    TypeKind::Slice(_) => {
                        let op = if b == Builtin::Len { Op::SliceLen } else { Op::SliceCap };
                        self.add(op, INT, vec![v], Aux::None, pos)
                    }
                    TypeKind::Array(n, _) => self.int(INT, n as i64),
                    TypeKind::Pointer(p) => match self.tt.under_kind(p).clone() {
                        TypeKind::Array(n, _) => self.int(INT, n as i64),
                        _ => self.int(INT, 0),
                    },
                    _ => self.int(INT, 0),
                })
            }
            Builtin::New => {
                let TypeKind::Pointer(el) = self.tt.kind(t).clone() else { return None };
                Some(self.new_obj(el, pos))
            }
            // Constants, which expr() emits before a call is looked at; with a type parameter's
            // type, each instance's own.
            Builtin::Sizeof | Builtin::Alignof => {
                let at = self.type_of(&args[0]);
                let v = if b == Builtin::Sizeof { self.tt.size(at) } else { self.tt.align(at) };
                Some(self.int(UINTPTR, v as i64))
            }
            Builtin::Offsetof => {
                let arg = strip_parens(&args[0]);
                let ExprKind::Selector(base, _) = &arg.kind else { return None };
                let Some(Selection::Field { path, .. }) = self.info.selections.get(&arg.id).cloned() else { return None };
                let bt = self.type_of(base);
                let off = self.tt.field_path_offset(bt, &path);
                Some(self.int(UINTPTR, off as i64))
            }
            // Sizeof, Alignof and Offsetof are constants (the checker's); these compute.
            Builtin::UnsafeAdd => {
                let p = self.expr(&args[0]);
                let nt = self.type_of(&args[1]);
                let n = self.expr(&args[1]);
                let n = self.to_int(n, nt, pos);
                Some(self.add(Op::PtrIndex, UNSAFE_POINTER, vec![p, n], Aux::Int(1), pos))
            }
            Builtin::UnsafeSlice => {
                let p = self.expr(&args[0]);
                let nt = self.type_of(&args[1]);
                let n = self.expr(&args[1]);
                let n = self.to_int(n, nt, pos);
                // gc's checks: a negative length, and a nil pointer with a length.
                let zero = self.int(INT, 0);
                let ok = self.add(Op::Leq, BOOL, vec![zero, n], Aux::Int(INT as i64), pos);
                self.check_rt(ok, "panicunsafeslicelen", vec![], pos);
                let nil = self.add(Op::ConstNil, self.f.v(p).ty, vec![], Aux::None, pos);
                let is_nil = self.add(Op::Eq, BOOL, vec![p, nil], Aux::Int(self.f.v(p).ty as i64), pos);
                let nonzero = self.add(Op::Neq, BOOL, vec![n, zero], Aux::Int(INT as i64), pos);
                let bad = self.add(Op::And, BOOL, vec![is_nil, nonzero], Aux::None, pos);
                let good = self.add(Op::Not, BOOL, vec![bad], Aux::None, pos);
                self.check_rt(good, "panicunsafeslicenilptr", vec![], pos);
                let raw = self.add(Op::Copy, UNSAFE_POINTER, vec![p], Aux::None, pos);
                Some(self.add(Op::SliceMake, t, vec![raw, n, n], Aux::None, pos))
            }
            Builtin::Make => {
                if let TypeKind::Map(..) = self.tt.under_kind(t) {
                    let hint = if args.len() > 1 { Some(self.index_int(&args[1])) } else { None };
                    return Some(self.map_make(t, hint, pos));
                }
                if let TypeKind::Chan(..) = self.tt.under_kind(t) {
                    let size = if args.len() > 1 { Some(self.index_int(&args[1])) } else { None };
                    return Some(self.chan_make(t, size, pos));
                }
                let TypeKind::Slice(el) = self.tt.under_kind(t).clone() else { return None };
                let len = self.index_int(&args[1]);
                let cap = if args.len() > 2 { self.index_int(&args[2]) } else { len };
                let size = self.int(INT, self.tt.size(el) as i64);
                let td = self.gc_type(el, pos);
                let p = self.rt("makeslice", UNSAFE_POINTER, vec![len, cap, size, td], pos);
                Some(self.add(Op::SliceMake, t, vec![p, len, cap], Aux::None, pos))
            }
            Builtin::Append if args.len() == 1 && matches!(self.info.types.get(&args[0].id).map(|t| self.tt.kind(*t)), Some(TypeKind::Tuple(_))) => {
                // append(f()): the first result is the slice, the others the elements.
                let ty_296 = self.type_of(&args[0]);
                let TypeKind::Tuple(ts) = self.tt.kind(ty_296).clone() else { return None };
                let TypeKind::Slice(el) = self.tt.under_kind(t).clone() else { return None };
                let call = self.expr_any(&args[0]).unwrap_or(0);
                let s = self.add(Op::Select, ts[0], vec![call], Aux::Int(0), pos);
                let mut items = vec![];
                for (i, et) in ts.iter().enumerate().skip(1) {
                    let v = self.add(Op::Select, *et, vec![call], Aux::Int(i as i64), pos);
                    items.push(self.coerce(v, *et, el, pos));
                }
                Some(self.append_items(s, t, el, items, pos))
            }
            Builtin::Append => {
                let s = self.expr(&args[0]);
                let TypeKind::Slice(el) = self.tt.under_kind(t).clone() else { return None };
                let esize = self.tt.size(el) as i64;
                if ellipsis {
                    let other = self.expr(&args[1]);
                    let ot = self.type_of(&args[1]);
                    let (op, ol) = if self.tt.is_string(ot) {
                        (self.add(Op::StringPtr, UNSAFE_POINTER, vec![other], Aux::None, pos), self.add(Op::StringLen, INT, vec![other], Aux::None, pos))
                    } else {
                        (self.add(Op::SlicePtr, UNSAFE_POINTER, vec![other], Aux::None, pos), self.add(Op::SliceLen, INT, vec![other], Aux::None, pos))
                    };
                    let grown = self.grow(s, t, ol, esize, pos);
                    // copy the new elements after the old length
                    let p = self.add(Op::SlicePtr, UNSAFE_POINTER, vec![grown.0], Aux::None, pos);
                    let dst = self.add(Op::PtrIndex, UNSAFE_POINTER, vec![p, grown.1], Aux::Int(esize), pos);
                    let sz = self.int(INT, esize);
                    let bytes = self.add(Op::Mul, INT, vec![ol, sz], Aux::None, pos);
                    let mv = self.rt("memmove", INVALID, vec![dst, op, bytes], pos);
                    if !self.tt.has_pointers(el) {
                        self.f.esc.pointer_free.push(mv);
                    }
                    return Some(grown.0);
                }
                let items: Vec<ValueId> = args[1..].iter().map(|a| self.expr_to(a, el)).collect();
                Some(self.append_items(s, t, el, items, pos))
            }
            Builtin::Copy => {
                // copy(f()): the call's two results.
                let ty_336 = self.type_of(&args[0]);
                let (d, s, dt, st) = match self.tt.kind(ty_336).clone() {
                    TypeKind::Tuple(ts) if args.len() == 1 => {
                        let call = self.expr_any(&args[0]).unwrap_or(0);
                        let d = self.add(Op::Select, ts[0], vec![call], Aux::Int(0), pos);
                        let s = self.add(Op::Select, ts[1], vec![call], Aux::Int(1), pos);
                        (d, s, ts[0], ts[1])
                    }
                    _ => (self.expr(&args[0]), self.expr(&args[1]), self.type_of(&args[0]), self.type_of(&args[1])),
                };
                Some(self.copy_values(d, s, dt, st, pos))
            }
            Builtin::Panic => {
                let v = self.expr_to(&args[0], EMPTY_IFACE);
                self.gopanic(v, pos);
                None
            }
            Builtin::Recover => Some(self.recover(pos)),
            Builtin::Complex if args.len() == 1 => {
                let ft = if self.tt.under(t) == COMPLEX64 { FLOAT32 } else { FLOAT64 };
                let call = self.expr_any(&args[0]).unwrap_or(0);
                let re = self.add(Op::Select, ft, vec![call], Aux::Int(0), pos);
                let im = self.add(Op::Select, ft, vec![call], Aux::Int(1), pos);
                Some(self.add(Op::ComplexMake, t, vec![re, im], Aux::None, pos))
            }
            Builtin::Complex => {
                let ft = if self.tt.under(t) == COMPLEX64 { FLOAT32 } else { FLOAT64 };
                let re = self.expr_to(&args[0], ft);
                let im = self.expr_to(&args[1], ft);
                Some(self.add(Op::ComplexMake, t, vec![re, im], Aux::None, pos))
            }
            Builtin::Real | Builtin::Imag => {
                let c = self.expr(&args[0]);
                let op = if b == Builtin::Real { Op::ComplexReal } else { Op::ComplexImag };
                Some(self.add(op, t, vec![c], Aux::None, pos))
            }
            Builtin::Close => {
                let c = self.expr(&args[0]);
                self.chan_close(c, pos);
                None
            }
            Builtin::Delete => {
                let ty_377 = self.type_of(&args[0]);
                if let (TypeKind::Tuple(ts), 1) = (self.tt.kind(ty_377).clone(), args.len()) {
                    // delete(f()): the call's two results.
                    let call = self.expr_any(&args[0]).unwrap_or(0);
                    let m = self.add(Op::Select, ts[0], vec![call], Aux::Int(0), pos);
                    let k = self.add(Op::Select, ts[1], vec![call], Aux::Int(1), pos);
                    let (kt, _) = self.map_kv(ts[0]);
                    let k = self.coerce(k, ts[1], kt, pos);
                    self.map_delete_values(ts[0], m, k, pos);
                    return None;
                }
                self.map_delete(&args[0], &args[1], pos);
                None
            }
            Builtin::Print | Builtin::Println => {
                // The values to print, with their types (a multi-valued call gives several).
                let mut vals = vec![];
                let tuple = match args {
                    [a] => {
                        let ta = self.type_of(a);
                        match self.tt.kind(ta) {
                            TypeKind::Tuple(ts) => Some(ts.clone()),
                            _ => None,
                        }
                    }
                    _ => None,
                };
                if let Some(ts) = tuple {
                    let call = self.expr_any(&args[0]).unwrap_or(0);
                    for (i, t) in ts.into_iter().enumerate() {
                        vals.push((self.add(Op::Select, t, vec![call], Aux::Int(i as i64), pos), t));
                    }
                } else {
                    for a in args {
                        let at = self.type_of(a);
                        vals.push((self.expr(a), at));
                    }
                }
                for (i, (v, t)) in vals.into_iter().enumerate() {
                    if i > 0 && b == Builtin::Println {
                        self.add(Op::Print, INVALID, vec![], Aux::Sym("sp".into()), pos);
                    }
                    self.print_value(v, t, pos);
                }
                if b == Builtin::Println {
                    self.add(Op::Print, INVALID, vec![], Aux::Sym("nl".into()), pos);
                }
                None
            }
        }
    }

    /// `copy(d, s)` of values already evaluated (s a slice or a string): the count copied.
    pub(super) fn copy_values(&mut self, d: ValueId, s: ValueId, dt: TypeId, st: TypeId, pos: u32) -> ValueId {
        let el = match self.tt.under_kind(dt) { TypeKind::Slice(e) => *e, _ => UINT8 };
        let (sp, sl) = if self.tt.is_string(st) {
            (self.add(Op::StringPtr, UNSAFE_POINTER, vec![s], Aux::None, pos), self.add(Op::StringLen, INT, vec![s], Aux::None, pos))
        } else {
            (self.add(Op::SlicePtr, UNSAFE_POINTER, vec![s], Aux::None, pos), self.add(Op::SliceLen, INT, vec![s], Aux::None, pos))
        };
        let dp = self.add(Op::SlicePtr, UNSAFE_POINTER, vec![d], Aux::None, pos);
        let dl = self.add(Op::SliceLen, INT, vec![d], Aux::None, pos);
        let size = self.int(INT, self.tt.size(el) as i64);
        let c = self.rt("slicecopy", INT, vec![dp, dl, sp, sl, size], pos);
        if !self.tt.has_pointers(el) {
            self.f.esc.pointer_free.push(c);
        }
        c
    }

    /// append(s, items...) for items already evaluated.
    fn append_items(&mut self, s: ValueId, t: TypeId, el: TypeId, items: Vec<ValueId>, pos: u32) -> ValueId {
        let esize = self.tt.size(el) as i64;
        if items.is_empty() {
            return s;
        }
        let n = self.int(INT, items.len() as i64);
        let (ns, oldlen) = self.grow(s, t, n, esize, pos);
        let ptr_t = self.tt.pointer(el);
        let p = self.add(Op::SlicePtr, ptr_t, vec![ns], Aux::None, pos);
        for (k, v) in items.into_iter().enumerate() {
            let kk = self.int(INT, k as i64);
            let idx = self.add(Op::Add, INT, vec![oldlen, kk], Aux::None, pos);
            let pt = self.tt.pointer(el);
            let ep = self.add(Op::PtrIndex, pt, vec![p, idx], Aux::Int(esize), pos);
            self.store(ep, v, el, pos);
        }
        ns
    }

    /// Ensures room for `n` more elements; returns the new slice (length increased) and the
    /// old length.
    pub(super) fn grow(&mut self, s: ValueId, t: TypeId, n: ValueId, esize: i64, pos: u32) -> (ValueId, ValueId) {
        let p = self.add(Op::SlicePtr, UNSAFE_POINTER, vec![s], Aux::None, pos);
        let l = self.add(Op::SliceLen, INT, vec![s], Aux::None, pos);
        let c = self.add(Op::SliceCap, INT, vec![s], Aux::None, pos);
        let nl = self.add(Op::Add, INT, vec![l, n], Aux::None, pos);
        let fits = self.add(Op::Leq, BOOL, vec![nl, c], Aux::Int(UINT as i64), pos);
        let var = self.new_var(t);
        let fast = self.add(Op::SliceMake, t, vec![p, nl, c], Aux::None, pos);
        self.write_var(var, self.cur, fast);
        let slow = self.new_block(pos);
        let join = self.new_block(pos);
        self.branch(fits, join, slow);
        self.seal(slow);
        self.start(slow);
        let sz = self.int(INT, esize);
        let TypeKind::Slice(el) = self.tt.under_kind(t).clone() else { unreachable!("append to a non-slice") };
        let td = self.gc_type(el, pos);
        let tup = self.tt.tuple(vec![UNSAFE_POINTER, INT]);
        let g = self.rt("growslice", tup, vec![p, l, c, nl, sz, td], pos);
        if !self.tt.has_pointers(el) {
            self.f.esc.pointer_free.push(g);
        }
        let np = self.add(Op::Select, UNSAFE_POINTER, vec![g], Aux::Int(0), pos);
        let nc = self.add(Op::Select, INT, vec![g], Aux::Int(1), pos);
        let grown = self.add(Op::SliceMake, t, vec![np, nl, nc], Aux::None, pos);
        self.write_var(var, self.cur, grown);
        self.continue_at(join);
        (self.read_var(var, join), l)
    }

    pub(super) fn print_value(&mut self, v: ValueId, t: TypeId, pos: u32) {
        let kind = match self.tt.under_kind(t) {
            TypeKind::Basic(b) if b.is_string() => "string",
            TypeKind::Basic(Basic::Bool) => "bool",
            TypeKind::Basic(b) if b.is_float() => "float",
            TypeKind::Basic(b) if b.is_complex() => "complex",
            TypeKind::Basic(b) if b.is_unsigned() => "uint",
            TypeKind::Basic(b) if b.is_integer() => "int",
            TypeKind::Slice(_) => "slice",
            TypeKind::Interface(ms) if ms.is_empty() => "eface",
            TypeKind::Interface(_) => "iface",
            _ => "pointer",
        };
        let v = match kind {
            "int" => self.to_int(v, t, pos),
            "uint" if self.tt.size(t) != 8 => self.add(Op::Cvt, UINT64, vec![v], Aux::Int(t as i64), pos),
            "float" if self.tt.under(t) == FLOAT32 => self.add(Op::Cvt, FLOAT64, vec![v], Aux::Int(t as i64), pos),
            "complex" if self.tt.under(t) == COMPLEX64 => self.add(Op::Cvt, COMPLEX128, vec![v], Aux::Int(t as i64), pos),
            _ => v,
        };
        self.add(Op::Print, INVALID, vec![v], Aux::Sym(kind.to_string()), pos);
    }
}
