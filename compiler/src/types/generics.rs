//! Generics in the checker (the spec's "Type parameter declarations", "Instantiations" and
//! "Type inference"): declaring type parameters and their constraints, checking that type
//! arguments satisfy them, instantiating generic types, and calls of generic functions with
//! their type arguments given, inferred from the arguments (function argument type
//! inference), or inferred from the constraints' core types (constraint type inference).
//!
//! A generic body is checked once, with each type parameter a type of its own whose
//! operations are those that all types of its type set allow. The checker records, for each
//! use of a generic function, the type arguments (`Info::instances`); the SSA builder makes
//! one function per list of type arguments (see subst.rs).

use crate::HashMap;

use super::check::{Checker, ObjId, ObjKind};
use super::expr::{Mode, Operand};
use super::methods;
use super::subst::Subst;
use super::ty::*;
use crate::syntax::ast::{self, Expr, ExprKind};

impl<'a> Checker<'a> {
    /// Declares the type parameters of `fields` in the innermost scope and evaluates their
    /// constraints (which may refer to any of them: `[S ~[]E, E any]`).
    pub(crate) fn declare_tparams(&mut self, fields: &[ast::Field]) -> Vec<TypeId> {
        let mut tps = vec![];
        for f in fields {
            for n in &f.names {
                // The constraint is set below; until then (INVALID) checks that need it
                // wait (a map key type `K` in an earlier parameter's constraint).
                let t = self.tt.new_tparam(&n.name, INVALID);
                let o = self.new_obj(&n.name, ObjKind::TypeName, t, n.span.lo, false);
                self.info.defs.insert(n.span.lo, o);
                self.info.objects[o as usize].used = true;
                if let Some(scope) = self.scopes.last_mut() {
                    scope.insert(n.name.clone(), o);
                }
                tps.push(t);
            }
        }
        let mut k = 0;
        for f in fields {
            let c = self.constraint_type(&f.ty);
            for _ in &f.names {
                if let TypeKind::TypeParam(i) = *self.tt.kind(tps[k]) {
                    self.tt.tparams[i as usize].constraint = c;
                }
                k += 1;
            }
        }
        tps
    }

    /// A constraint: an interface (possibly with type elements), or a bare type set
    /// (`[T ~int | ~string]`, `[T int]`), which stands for `interface{ ~int | ~string }`.
    fn constraint_type(&mut self, e: &Expr) -> TypeId {
        if matches!(e.kind, ExprKind::Union(_) | ExprKind::Unary(ast::UnOp::Tilde, _)) {
            let terms = self.type_terms(e);
            return self.tt.intern(TypeKind::Constraint { methods: vec![], terms: Some(terms), comparable: false });
        }
        let t = self.type_expr(e);
        if t == INVALID {
            return EMPTY_IFACE;
        }
        match self.tt.under_kind(t) {
            TypeKind::Interface(_) | TypeKind::Constraint { .. } => t,
            _ => self.tt.intern(TypeKind::Constraint { methods: vec![], terms: Some(vec![(false, t)]), comparable: false }),
        }
    }

    /// Whether untyped operand `op` converts to every type of type parameter t's type set:
    /// same kind of value, and a constant representable in each type. A conversion `T(65)`
    /// also allows an integer to a string type (and then any integer).
    pub(crate) fn untyped_fits_type_set(&self, op: &Operand, t: TypeId, conversion: bool) -> bool {
        let terms = self.tt.type_set(t).0.unwrap_or_default();
        !terms.is_empty()
            && terms.iter().all(|&(_, x)| {
                let int_to_string = conversion && self.tt.is_integer(op.ty) && self.tt.is_string(x);
                let kind_ok = (self.tt.is_numeric(op.ty) && self.tt.is_numeric(x)) || (self.tt.is_string(op.ty) && self.tt.is_string(x)) || (self.tt.is_boolean(op.ty) && self.tt.is_boolean(x)) || int_to_string;
                match &op.val {
                    Some(v) => kind_ok && (int_to_string || self.representable(v, x).is_some()),
                    None => kind_ok,
                }
            })
    }

    /// Puts type parameters declared earlier back in scope (a generic function's body).
    pub(crate) fn scope_tparams(&mut self, tps: &[TypeId]) {
        for &t in tps {
            let name = self.tt.tparam_data(t).map(|p| p.name.clone()).unwrap_or_default();
            if name == "_" {
                continue;
            }
            let o = self.new_obj(&name, ObjKind::TypeName, t, 0, false);
            self.info.objects[o as usize].used = true;
            if let Some(scope) = self.scopes.last_mut() {
                scope.insert(name, o);
            }
        }
    }

    /// Why `targ` does not satisfy the constraint `c` (with the substitution of the other
    /// type arguments already applied), in gc's words; None if it does.
    pub(crate) fn unsatisfied(&self, targ: TypeId, c: TypeId) -> Option<String> {
        let cu = self.tt.under(c);
        let (cmethods, cterms, ccomparable) = match self.tt.kind(cu) {
            TypeKind::Interface(ms) => (ms.clone(), None, false),
            TypeKind::Constraint { methods, terms, comparable } => (methods.clone(), terms.clone(), *comparable),
            _ => return None,
        };
        if targ == INVALID || self.tt.has_invalid(targ) {
            return None;
        }
        let cname = self.tt.name(c);
        if !cmethods.is_empty() {
            let iface = cu;
            if let Some(why) = methods::missing_method(&self.tt, targ, iface) {
                return Some(format!("{} does not implement {} {}", self.tt.name(targ), cname, why));
            }
        }
        let pending = if ccomparable && !self.strictly_comparable(targ) { Some(format!("{} does not implement comparable", self.tt.name(targ))) } else { None };
        let Some(terms) = cterms else { return pending };
        let includes = |x: TypeId| terms.iter().any(|&(tilde, t)| if tilde { self.tt.under(x) == self.tt.under(t) } else { x == t });
        if self.tt.is_type_param(targ) {
            // A type parameter satisfies it if all of its own types do.
            let ok = match self.tt.type_set(targ).0 {
                Some(ts) => ts.iter().all(|&(tilde, x)| terms.iter().any(|&(ctilde, t)| if ctilde { self.tt.under(x) == self.tt.under(t) } else { !tilde && x == t })),
                None => false,
            };
            if !ok {
                return Some(format!("{} does not implement {}", self.tt.name(targ), cname));
            }
            return pending;
        }
        if !includes(targ) {
            // gc suggests the ~ when only it is missing.
            if let Some(&(_, alt)) = terms.iter().find(|&&(tilde, t)| !tilde && self.tt.under(t) == t && self.tt.under(targ) == t) {
                return Some(format!("{} does not implement {} (possibly missing ~ for {} in constraint {})", self.tt.name(targ), cname, self.tt.name(alt), cname));
            }
            return Some(format!("{} does not implement {} ({} missing in {})", self.tt.name(targ), cname, self.tt.name(targ), self.tt.terms_string(&terms)));
        }
        pending
    }

    /// Comparable as a type argument for `comparable` (Go 1.19: interfaces are not).
    fn strictly_comparable(&self, t: TypeId) -> bool {
        match self.tt.under_kind(t) {
            TypeKind::Interface(_) => false,
            TypeKind::Struct(fs) => fs.clone().iter().all(|f| self.strictly_comparable(f.ty)),
            TypeKind::Array(_, e) => self.strictly_comparable(*e),
            _ => self.tt.comparable(t),
        }
    }

    /// Checks type arguments against their type parameters' constraints; reports the first
    /// failure at `pos`.
    pub(crate) fn verify_targs(&mut self, pos: &[u32], tparams: &[TypeId], targs: &[TypeId]) -> bool {
        let s: Subst = tparams.iter().copied().zip(targs.iter().copied()).collect();
        for (i, (&tp, &ta)) in tparams.iter().zip(targs).enumerate() {
            let c = self.tt.tparam_data(tp).map_or(EMPTY_IFACE, |p| p.constraint);
            let c = self.tt.subst(c, &s);
            if let Some(why) = self.unsatisfied(ta, c) {
                let p = pos.get(i).or(pos.last()).copied().unwrap_or(0);
                self.error(p, why);
                return false;
            }
        }
        true
    }

    /// `List[int]` as a type.
    pub(crate) fn instantiate_type_expr(&mut self, e: &Expr, base: &Expr, args: &[Expr]) -> TypeId {
        let g = self.type_expr_generic(base);
        if g == INVALID {
            return INVALID;
        }
        let tparams = self.tt.named_data(g).map(|n| n.tparams.clone()).unwrap_or_default();
        if tparams.is_empty() {
            let n = self.tt.name(g);
            self.error(e.span.lo, format!("{} is not a generic type", n));
            return INVALID;
        }
        let targs: Vec<TypeId> = args.iter().map(|a| self.type_expr(a)).collect();
        if targs.contains(&INVALID) {
            return INVALID;
        }
        if targs.len() != tparams.len() {
            self.error(e.span.lo, format!("got {} arguments but {} type parameters", targs.len(), tparams.len()));
            return INVALID;
        }
        // The constraints may not be known yet while the generic type is being declared
        // (`type List[T any] struct { next *List[T] }`): those uses are checked by the
        // declaration itself.
        let ready = tparams.iter().all(|&tp| self.tt.tparam_data(tp).map_or(false, |p| p.constraint != INVALID));
        if ready {
            let pos: Vec<u32> = args.iter().map(|a| a.span.lo).collect();
            if !self.verify_targs(&pos, &tparams, &targs) {
                return INVALID;
            }
        }
        self.tt.instantiate(g, &targs)
    }

    /// The generic type a type expression names, without "without instantiation" errors.
    fn type_expr_generic(&mut self, e: &Expr) -> TypeId {
        let saved = std::mem::replace(&mut self.allow_generic, true);
        let t = self.type_expr(e);
        self.allow_generic = saved;
        t
    }

    /// The generic function that `fun` (a name or `pkg.Name`) denotes, if it is one.
    pub(crate) fn generic_func_of(&self, fun: &Expr) -> Option<ObjId> {
        let fun = super::expr::strip_parens(fun);
        let o = match &fun.kind {
            ExprKind::Ident(_) => *self.info.uses.get(&fun.id)?,
            ExprKind::Selector(..) => match self.info.selections.get(&fun.id)? {
                super::check::Selection::Qualified(o) => *o,
                _ => return None,
            },
            _ => return None,
        };
        self.info.generic.contains_key(&o).then_some(o)
    }

    /// `F[int, string]` (an explicit instantiation, possibly partial in a call): the type
    /// arguments given.
    fn explicit_targs(&mut self, args: &[Expr], tparams: &[TypeId]) -> Option<Vec<TypeId>> {
        let targs: Vec<TypeId> = args.iter().map(|a| self.type_expr(a)).collect();
        if targs.contains(&INVALID) {
            return None;
        }
        if targs.len() > tparams.len() {
            self.error(args[tparams.len()].span.lo, format!("got {} type arguments but want {}", targs.len(), tparams.len()));
            return None;
        }
        Some(targs)
    }

    /// A generic function used as a value with all its type arguments: `F[int]`.
    pub(crate) fn generic_func_value(&mut self, e: &Expr, base: &Expr, o: ObjId, args: &[Expr]) -> Operand {
        let tparams = self.info.generic[&o].clone();
        let Some(targs) = self.explicit_targs(args, &tparams) else { return Operand::invalid() };
        if targs.len() < tparams.len() {
            self.error(e.span.lo, format!("cannot use generic function {} without instantiation", crate::syntax::dump::expr_string(base)));
            return Operand::invalid();
        }
        let pos: Vec<u32> = args.iter().map(|a| a.span.lo).collect();
        if !self.verify_targs(&pos, &tparams, &targs) {
            return Operand::invalid();
        }
        let s: Subst = tparams.iter().copied().zip(targs.iter().copied()).collect();
        let ft = self.obj(o).ty;
        let t = self.tt.subst(ft, &s);
        self.info.instances.insert(e.id, (o, targs));
        Operand { mode: Mode::Value, ty: t, val: None }
    }

    /// A call of generic function `o`: `fun(args)` or `fun[targs](args)`. Infers the missing
    /// type arguments, checks them against the constraints, and checks the arguments
    /// against the instantiated signature.
    pub(crate) fn generic_call(&mut self, e: &Expr, fun: &Expr, o: ObjId, explicit: &[Expr], args: &[Expr], ellipsis: bool) -> Operand {
        let tparams = self.info.generic[&o].clone();
        let TypeKind::Func(sig) = self.tt.kind(self.obj(o).ty).clone() else { return Operand::invalid() };
        let name = crate::syntax::dump::expr_string(fun);
        let Some(given) = self.explicit_targs(explicit, &tparams) else {
            for a in args {
                let _ = self.expr_or_type(a, None);
            }
            return Operand::invalid();
        };
        let mut bound: HashMap<TypeId, TypeId> = tparams.iter().copied().zip(given.iter().copied()).collect();
        let mut untyped_from_defaults: Vec<TypeId> = vec![];
        fn given_has(tparams: &[TypeId], given: &[TypeId], tp: TypeId) -> bool {
            tparams.iter().position(|t| *t == tp).map_or(false, |i| i < given.len())
        }
        // The argument count first, as for any call.
        let np = sig.params.len();
        let count_ok = if sig.variadic && !ellipsis { args.len() + 1 >= np } else { args.len() == np };
        if !count_ok {
            for a in args {
                self.expr_or_type(a, None);
            }
            let have: Vec<String> = args.iter().map(|a| self.type_desc(a)).collect();
            let want = self.tt.sig_string(&Signature { params: sig.params.clone(), results: vec![], variadic: sig.variadic });
            let msg = if args.len() < np { "not enough arguments" } else { "too many arguments" };
            let pos = if args.len() >= np { args[np].span.lo } else { args.last().map_or(e.span.hi - 1, |a| a.span.lo) };
            self.error(pos, format!("{} in call to {}\n\thave ({})\n\twant {}", msg, name, have.join(", "), want));
            return Operand::invalid();
        }
        let param_of = |i: usize| -> TypeId {
            if sig.variadic && !ellipsis && i + 1 >= np {
                sig.params[np - 1]
            } else {
                sig.params[i]
            }
        };
        // Evaluate the arguments once; typed ones take part in inference now, untyped
        // constants only if their parameter is a bare type parameter left unbound.
        let mut ops = vec![];
        for (i, a) in args.iter().enumerate() {
            let mut pt = param_of(i);
            if sig.variadic && !ellipsis && i + 1 >= np {
                pt = match self.tt.kind(pt) {
                    TypeKind::Slice(x) => *x,
                    _ => pt,
                };
            }
            let hint = if self.mentions(pt, &tparams) { None } else { Some(pt) };
            let op = self.expr(a, hint);
            if op.mode == Mode::Invalid {
                for rest in &args[i + 1..] {
                    let _ = self.expr_or_type(rest, None);
                }
                return Operand::invalid();
            }
            if given.len() < tparams.len() && !self.tt.is_untyped(op.ty) && self.mentions(pt, &tparams) && !self.unify(pt, op.ty, &tparams, &mut bound) {
                self.infer_error("type", pt, op.ty, a, &tparams, &bound);
                return Operand::invalid();
            }
            ops.push((op, pt));
        }
        self.constraint_inference(&tparams, &mut bound);
        // Untyped constants for still unbound bare type parameters: their default type.
        for ((op, pt), a) in ops.iter().zip(args) {
            if self.tt.is_untyped(op.ty) && tparams.contains(pt) && op.ty != UNTYPED_NIL && !given_has(&tparams, &given, *pt) {
                let d = self.tt.default_type(op.ty);
                match bound.get(pt).copied() {
                    None => {
                        bound.insert(*pt, d);
                    }
                    Some(b) if b != d && untyped_from_defaults.contains(pt) => {
                        self.infer_error("default type", *pt, d, a, &tparams, &bound);
                        return Operand::invalid();
                    }
                    Some(_) => continue,
                }
                untyped_from_defaults.push(*pt);
            }
        }
        self.constraint_inference(&tparams, &mut bound);
        let mut targs = vec![];
        for &tp in &tparams {
            match bound.get(&tp) {
                Some(&t) => targs.push(t),
                None => {
                    let n = self.tt.tparam_data(tp).map(|p| p.name.clone()).unwrap_or_default();
                    let decl = self.obj_pos_of_tparam(o, &n);
                    self.error(self.call_paren(e, fun), format!("cannot infer {} ({})", n, decl));
                    return Operand::invalid();
                }
            }
        }
        self.finish_generic_call(e, fun, o, explicit, args, ellipsis, ops, targs)
    }

    /// gc's message for an argument whose type does not unify with its parameter's.
    fn infer_error(&mut self, kind: &str, pt: TypeId, targ: TypeId, a: &Expr, tparams: &[TypeId], bound: &HashMap<TypeId, TypeId>) {
        let text = crate::syntax::dump::expr_string(a);
        let tn = self.tt.name(targ);
        if !bound.contains_key(&tparams[0]) && tparams.iter().all(|t| !bound.contains_key(t)) {
            let names: Vec<String> = tparams.iter().map(|t| self.tt.name(*t)).collect();
            let list = match names.len() {
                1 => names[0].clone(),
                2 => format!("{} and {}", names[0], names[1]),
                n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
            };
            let pn = self.tt.name(pt);
            self.error(a.span.lo, format!("{} {} of {} does not match {} (cannot infer {})", kind, tn, text, pn, list));
            return;
        }
        let s: Subst = bound.clone();
        let inferred = self.tt.subst(pt, &s);
        let pn = self.tt.name(pt);
        if inferred != pt {
            let iname = self.tt.name(inferred);
            self.error(a.span.lo, format!("{} {} of {} does not match inferred type {} for {}", kind, tn, text, iname, pn));
        } else {
            self.error(a.span.lo, format!("{} {} of {} does not match {}", kind, tn, text, pn));
        }
    }

    /// Constraint type inference: a type parameter whose constraint has a core type
    /// (`S ~[]E`) unifies with it.
    fn constraint_inference(&mut self, tparams: &[TypeId], bound: &mut HashMap<TypeId, TypeId>) {
        let tparams = tparams.to_vec();
        for _ in 0..tparams.len() + 1 {
            let mut progress = false;
            for &tp in &tparams {
                let Some(c) = self.tt.constraint_of(tp) else { continue };
                let TypeKind::Constraint { terms: Some(ts), .. } = self.tt.kind(c).clone() else { continue };
                if ts.len() != 1 {
                    continue;
                }
                let (tilde, core) = ts[0];
                match bound.get(&tp).copied() {
                    Some(b) => {
                        // A bound type parameter stands for its core type here.
                        let target = if tilde || self.tt.is_type_param(b) { self.tt.under(b) } else { b };
                        let before = bound.len();
                        if self.unify(core, target, &tparams, bound) && bound.len() > before {
                            progress = true;
                        }
                    }
                    None => {
                        if !self.mentions(core, &tparams) || tparams.iter().filter(|t| self.mentions(core, &[**t])).all(|t| bound.contains_key(t)) {
                            let s: Subst = bound.clone();
                            let v = self.tt.subst(core, &s);
                            bound.insert(tp, v);
                            progress = true;
                        }
                    }
                }
            }
            if !progress {
                break;
            }
        }
    }

    /// The rest of a generic call once all type arguments are known: the constraints, then
    /// the arguments against the instantiated signature.
    #[allow(clippy::too_many_arguments)]
    fn finish_generic_call(&mut self, e: &Expr, fun: &Expr, o: ObjId, explicit: &[Expr], args: &[Expr], ellipsis: bool, ops: Vec<(Operand, TypeId)>, targs: Vec<TypeId>) -> Operand {
        let tparams = self.info.generic[&o].clone();
        let name = crate::syntax::dump::expr_string(fun);
        let TypeKind::Func(sig) = self.tt.kind(self.obj(o).ty).clone() else { return Operand::invalid() };
        let np = sig.params.len();
        // gc reports at the type argument given, or at the call's "(" for inferred ones.
        let paren = self.call_paren(e, fun);
        let pos: Vec<u32> = (0..tparams.len()).map(|i| explicit.get(i).map_or(paren, |a| a.span.lo)).collect();
        if !self.verify_targs(&pos, &tparams, &targs) {
            return Operand::invalid();
        }
        let s: Subst = tparams.iter().copied().zip(targs.iter().copied()).collect();
        let ft = self.obj(o).ty;
        let it = self.tt.subst(ft, &s);
        let TypeKind::Func(isig) = self.tt.kind(it).clone() else { return Operand::invalid() };
        // The arguments against the instantiated signature.
        for (i, (a, (mut op, _))) in args.iter().zip(ops).enumerate() {
            let pt = if isig.variadic && !ellipsis && i + 1 >= np {
                match self.tt.kind(isig.params[np - 1]) {
                    TypeKind::Slice(x) => *x,
                    _ => INVALID,
                }
            } else {
                isig.params[i]
            };
            self.assign(a, &mut op, pt, &format!("argument to {}", name));
        }
        self.info.instances.insert(fun.id, (o, targs));
        self.info.types.insert(fun.id, it);
        match isig.results.len() {
            0 => Operand { mode: Mode::NoValue, ty: INVALID, val: None },
            1 => Operand { mode: Mode::Value, ty: isig.results[0], val: None },
            _ => Operand { mode: Mode::Tuple, ty: self.tt.tuple(isig.results.clone()), val: None },
        }
    }

    /// Where gc reports a failed inference: the call's opening parenthesis.
    fn call_paren(&self, e: &Expr, fun: &Expr) -> u32 {
        let text = self.sm.snippet(e.span);
        let flen = fun.span.hi - fun.span.lo;
        let rest = &text[flen as usize..];
        fun.span.hi + rest.find('(').unwrap_or(0) as u32
    }

    fn obj_pos_of_tparam(&self, o: ObjId, name: &str) -> String {
        let tparams = &self.info.generic[&o];
        for &t in tparams {
            if self.tt.tparam_data(t).map_or(false, |p| p.name == name) {
                if let Some(def) = self.info.objects.iter().find(|ob| ob.ty == t && matches!(ob.kind, ObjKind::TypeName) && ob.pos != 0) {
                    // gc gives the declaration's full path (the go command passes full paths).
                    let p = self.sm.position(def.pos).to_string();
                    if p.starts_with('/') {
                        return p;
                    }
                    return std::env::current_dir().map(|d| format!("{}/{}", d.display(), p)).unwrap_or(p);
                }
            }
        }
        String::new()
    }

    /// Whether any of `tparams` occurs in t.
    pub(crate) fn mentions(&self, t: TypeId, tparams: &[TypeId]) -> bool {
        self.tt.any_tparam(t, &|p| tparams.contains(&p))
    }

    /// Unifies parameter type `p` (mentioning `tparams`) with argument type `a`, binding
    /// type parameters in `bound`; inexact as Go's: a defined type's underlying type matches
    /// a type literal.
    pub(crate) fn unify(&self, p: TypeId, a: TypeId, tparams: &[TypeId], bound: &mut HashMap<TypeId, TypeId>) -> bool {
        self.unify_depth(p, a, tparams, bound, 0)
    }

    fn unify_depth(&self, p: TypeId, a: TypeId, tps: &[TypeId], bound: &mut HashMap<TypeId, TypeId>, depth: u32) -> bool {
        if depth > 32 {
            return false;
        }
        let d = depth + 1;
        if tps.contains(&p) {
            return match bound.get(&p).copied() {
                Some(b) => {
                    if b == a {
                        true
                    } else if self.tt.named_data(b).is_none() && self.tt.named_data(a).is_some() && self.tt.under(a) == b {
                        // A defined type and its underlying type literal: the defined type wins.
                        bound.insert(p, a);
                        true
                    } else {
                        self.tt.named_data(a).is_none() && self.tt.named_data(b).is_some() && self.tt.under(b) == a
                    }
                }
                None => {
                    bound.insert(p, a);
                    true
                }
            };
        }
        if !self.mentions(p, tps) {
            return self.tt.under(p) == self.tt.under(a) || p == a;
        }
        let (pk, ak) = (self.tt.kind(p).clone(), self.tt.kind(a).clone());
        match (&pk, &ak) {
            (TypeKind::Named(pn), TypeKind::Named(an)) => {
                let (po, ao) = (self.tt.named[*pn as usize].origin.clone(), self.tt.named[*an as usize].origin.clone());
                match (po, ao) {
                    (Some((pg, pargs)), Some((ag, aargs))) if pg == ag => pargs.iter().zip(&aargs).all(|(x, y)| self.unify_depth(*x, *y, tps, bound, d)),
                    _ => false,
                }
            }
            // A type literal against a defined type: its underlying type (either way round).
            (_, TypeKind::Named(_)) if !matches!(pk, TypeKind::Named(_)) => {
                let au = self.tt.under(a);
                au != a && self.unify_depth(p, au, tps, bound, d)
            }
            (TypeKind::Named(_), _) if !matches!(ak, TypeKind::Named(_) | TypeKind::TypeParam(_)) => {
                let pu = self.tt.under(p);
                pu != p && pu != INVALID && self.unify_depth(pu, a, tps, bound, d)
            }
            (TypeKind::Pointer(x), TypeKind::Pointer(y)) | (TypeKind::Slice(x), TypeKind::Slice(y)) => self.unify_depth(*x, *y, tps, bound, d),
            (TypeKind::Array(n, x), TypeKind::Array(m, y)) => n == m && self.unify_depth(*x, *y, tps, bound, d),
            (TypeKind::Chan(_, x), TypeKind::Chan(_, y)) => self.unify_depth(*x, *y, tps, bound, d),
            (TypeKind::Map(k1, v1), TypeKind::Map(k2, v2)) => self.unify_depth(*k1, *k2, tps, bound, d) && self.unify_depth(*v1, *v2, tps, bound, d),
            (TypeKind::Func(s1), TypeKind::Func(s2)) => {
                s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1.variadic == s2.variadic
                    && s1.params.iter().zip(&s2.params).all(|(x, y)| self.unify_depth(*x, *y, tps, bound, d))
                    && s1.results.iter().zip(&s2.results).all(|(x, y)| self.unify_depth(*x, *y, tps, bound, d))
            }
            (TypeKind::Struct(f1), TypeKind::Struct(f2)) => {
                f1.len() == f2.len() && f1.iter().zip(f2).all(|(x, y)| x.name == y.name && x.embedded == y.embedded && self.unify_depth(x.ty, y.ty, tps, bound, d))
            }
            (TypeKind::Interface(m1), TypeKind::Interface(m2)) => {
                m1.len() == m2.len() && m1.iter().zip(m2).all(|(x, y)| x.name == y.name && self.unify_depth(x.sig, y.sig, tps, bound, d))
            }
            _ => false,
        }
    }
}
