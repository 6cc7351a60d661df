//! Calls: function and method calls, conversions (the spec's "Conversions"), and the
//! built-in functions.

use super::check::{Builtin, Checker};
use super::constant::Const;
use super::expr::{Mode, Operand};
use super::ty::*;
use crate::syntax::ast::{Expr, ExprKind};

impl<'a> Checker<'a> {
    pub(crate) fn call(&mut self, e: &Expr, fun: &Expr, args: &[Expr], ellipsis: bool) -> Operand {
        // A call of a generic function, with type arguments given or not.
        let (gbase, explicit): (&Expr, &[Expr]) = match &super::expr::strip_parens(fun).kind {
            ExprKind::Index(b, targs) => (&**b, &targs[..]),
            _ => (fun, &[]),
        };
        let gbase_ok = matches!(super::expr::strip_parens(gbase).kind, ExprKind::Ident(_) | ExprKind::Selector(..));
        if gbase_ok {
            let saved = std::mem::replace(&mut self.allow_generic, true);
            let fo = self.expr_or_type(gbase, None);
            self.allow_generic = saved;
            if fo.mode == Mode::Value {
                if let Some(o) = self.generic_func_of(gbase) {
                    return self.generic_call(e, fun, o, explicit, args, ellipsis);
                }
            }
            if explicit.is_empty() {
                return self.call_with(e, fun, fo, args, ellipsis);
            }
        }
        let fo = self.expr_or_type(fun, None);
        self.call_with(e, fun, fo, args, ellipsis)
    }

    fn call_with(&mut self, e: &Expr, fun: &Expr, fo: Operand, args: &[Expr], ellipsis: bool) -> Operand {
        match fo.mode {
            Mode::Invalid => {
                for a in args {
                    let _ = self.expr_or_type(a, None);
                }
                Operand::invalid()
            }
            Mode::Type => self.conversion(e, fo.ty, args),
            Mode::Builtin(b) => self.builtin(e, b, args, ellipsis),
            _ => {
                let TypeKind::Func(sig) = self.tt.under_kind(fo.ty).clone() else {
                    let d = self.describe(fun, &fo);
                    self.error(e.span.lo, format!("invalid operation: cannot call non-function {}", d));
                    return Operand::invalid();
                };
                self.call_args(e, fun, &sig, args, ellipsis);
                match sig.results.len() {
                    0 => Operand { mode: Mode::NoValue, ty: INVALID, val: None },
                    1 => Operand { mode: Mode::Value, ty: sig.results[0], val: None },
                    _ => Operand { mode: Mode::Tuple, ty: self.tt.tuple(sig.results.clone()), val: None },
                }
            }
        }
    }

    fn call_args(&mut self, e: &Expr, fun: &Expr, sig: &Signature, args: &[Expr], ellipsis: bool) {
        let name = self.sm.snippet(fun.span).to_string();
        let np = sig.params.len();
        // f(g()) with multi-valued g (to a variadic f too: fmt.Println(g())). Only a call
        // can have several values, so only a call is looked at here (and only once).
        if args.len() == 1 && (np > 1 || sig.variadic) && !ellipsis && matches!(args[0].kind, ExprKind::Call { .. }) {
            let mut op = self.expr_or_type(&args[0], None);
            if let (Mode::Tuple, TypeKind::Tuple(ts)) = (op.mode, self.tt.kind(op.ty).clone()) {
                let ok = if sig.variadic { ts.len() >= np - 1 } else { ts.len() == np };
                if ok {
                    for (i, t) in ts.iter().enumerate() {
                        let pt = self.param_type(sig, i);
                        if !self.assignable(*t, pt) {
                            self.error(args[0].span.lo, format!("cannot use {} value as {} value in argument to {}", self.tt.name(*t), self.tt.name(pt), name));
                        }
                    }
                    return;
                }
                self.report_count(e, fun, sig, args);
                return;
            }
            if op.mode == Mode::Invalid {
                return;
            }
            // One value: an ordinary call with one argument.
            let ok = if sig.variadic { np <= 2 } else { np == 1 };
            if !ok {
                self.report_count(e, fun, sig, args);
                return;
            }
            let pt = self.param_type(sig, 0);
            self.assign(&args[0], &mut op, pt, &format!("argument to {}", name));
            return;
        }
        if ellipsis {
            if !sig.variadic {
                self.error(e.span.lo, format!("have (...) but function is not variadic: {}", name).replace("have (...) but function is not variadic: ", &format!("cannot use ... in call to non-variadic {}", "")).trim_end().to_string());
                return;
            }
            if args.len() != np {
                self.report_count(e, fun, sig, args);
                return;
            }
            for (i, a) in args.iter().enumerate() {
                let pt = sig.params[i];
                let mut o = self.expr(a, Some(pt));
                self.assign(a, &mut o, pt, &format!("argument to {}", name));
            }
            return;
        }
        let ok = if sig.variadic { args.len() >= np - 1 } else { args.len() == np };
        if !ok {
            for a in args {
                let _ = self.expr_or_type(a, None);
            }
            self.report_count(e, fun, sig, args);
            return;
        }
        for (i, a) in args.iter().enumerate() {
            let pt = self.param_type(sig, i);
            let mut o = self.expr(a, Some(pt));
            self.assign(a, &mut o, pt, &format!("argument to {}", name));
        }
    }

    /// The result types of the one argument of a builtin, if it is a call with several
    /// results (`copy(f())`); the call is checked here, once.
    fn tuple_arg(&mut self, args: &[Expr]) -> Option<Vec<TypeId>> {
        if args.len() != 1 || !matches!(args[0].kind, ExprKind::Call { .. }) {
            return None;
        }
        let x = self.expr_or_type(&args[0], None);
        match (x.mode, self.tt.kind(x.ty).clone()) {
            (Mode::Tuple, TypeKind::Tuple(ts)) => Some(ts),
            _ => None,
        }
    }

    fn param_type(&mut self, sig: &Signature, i: usize) -> TypeId {
        let np = sig.params.len();
        if sig.variadic && i >= np - 1 {
            match self.tt.kind(sig.params[np - 1]) {
                TypeKind::Slice(e) => *e,
                _ => INVALID,
            }
        } else {
            sig.params[i]
        }
    }

    fn report_count(&mut self, e: &Expr, fun: &Expr, sig: &Signature, args: &[Expr]) {
        let have: Vec<String> = args.iter().map(|a| self.type_desc(a)).collect();
        let want = self.tt.sig_string(&Signature { params: sig.params.clone(), results: vec![], variadic: sig.variadic });
        let msg = if args.len() < sig.params.len() { "not enough arguments" } else { "too many arguments" };
        // gc: at the first extra argument, else at the last argument, else at the ")".
        let pos = match (args.len() < sig.params.len(), args.last()) {
            (false, _) => args[sig.params.len()].span.lo,
            (true, Some(last)) => last.span.lo,
            (true, None) => e.span.hi - 1,
        };
        self.error(pos, format!("{} in call to {}\n\thave ({})\n\twant {}", msg, self.sm.snippet(fun.span), have.join(", "), want));
    }

    /// How gc names an operand's type in "have (...)" lists: untyped constants by kind.
    pub(crate) fn type_desc(&self, e: &Expr) -> String {
        let t = self.info.types.get(&e.id).copied().unwrap_or(INVALID);
        match t {
            UNTYPED_INT | UNTYPED_RUNE | UNTYPED_FLOAT => "number".into(),
            UNTYPED_STRING => "string".into(),
            UNTYPED_BOOL => "bool".into(),
            UNTYPED_NIL => "nil".into(),
            t => self.tt.name(t),
        }
    }

    fn conversion(&mut self, e: &Expr, t: TypeId, args: &[Expr]) -> Operand {
        if args.len() != 1 {
            let tn = self.tt.name(t);
            if args.is_empty() {
                self.error(e.span.hi - 1, format!("missing argument in conversion to {}", tn));
            } else {
                self.error(args[1].span.lo, format!("too many arguments in conversion to {}", tn));
            }
            return Operand::invalid();
        }
        let a = &args[0];
        let mut x = self.expr(a, Some(t));
        if x.mode == Mode::Invalid || t == INVALID {
            return Operand::invalid();
        }
        // Constant conversions.
        if let Some(v) = x.val.clone() {
            if self.tt.basic(t).is_some() {
                let tb = self.tt.basic(t).unwrap();
                // int → string
                if tb.is_string() && self.tt.is_integer(x.ty) {
                    // Any integer converts, however large: out of range gives U+FFFD.
                    let c = v.to_i64().and_then(|i| u32::try_from(i).ok()).and_then(char::from_u32).unwrap_or('\u{FFFD}');
                    return Operand { mode: Mode::Const, ty: t, val: Some(Const::String(c.to_string().into_bytes())) };
                }
                let ok_kind = (self.tt.is_numeric(x.ty) && tb.is_numeric()) || (self.tt.is_string(x.ty) && tb.is_string()) || (self.tt.is_boolean(x.ty) && tb.is_boolean());
                if ok_kind {
                    // float → int conversion of a constant must be exact
                    let conv = if tb.is_integer() && !self.tt.is_integer(x.ty) && v.to_int().is_none() {
                        None
                    } else {
                        self.representable(&v, t)
                    };
                    match conv {
                        Some(v2) => {
                            if self.tt.is_untyped(x.ty) {
                                // The operand itself takes the target type.
                                x.ty = t;
                                x.val = Some(v2.clone());
                                self.record(a, &x);
                            }
                            return Operand { mode: Mode::Const, ty: t, val: Some(v2) };
                        }
                        None => {
                            let d = self.describe(a, &x);
                            let tn = self.tt.name(t);
                            if tb.is_integer() && v.to_int().is_none() {
                                self.error(a.span.lo, format!("cannot convert {} to type {}", d, tn));
                            } else {
                                self.error(a.span.lo, format!("cannot convert {} to type {}", d, tn).replace("cannot convert", "cannot convert"));
                                if let Some(last) = self.diags.list.last_mut() {
                                    // gc: "cannot convert 300 (untyped int constant) to type uint8"? No:
                                    // gc 1.19 says "constant 300 overflows uint8" for typed targets.
                                    last.msg = format!("constant {} overflows {}", v.describe(), tn);
                                }
                            }
                            return Operand::invalid();
                        }
                    }
                }
            }
        }
        if self.tt.is_type_param(t) && self.tt.is_untyped(x.ty) && x.val.is_some() {
            // `T(0)`: a constant that every type of T's type set can represent; not a
            // constant itself. The operand takes type T, which the builder substitutes.
            if !self.untyped_fits_type_set(&x, t, true) {
                let d = self.describe(a, &x);
                self.error(a.span.lo, format!("cannot convert {} to type {}", d, self.tt.name(t)));
                return Operand::invalid();
            }
            self.info.types.insert(a.id, t);
            return Operand { mode: Mode::Value, ty: t, val: None };
        }
        if self.tt.is_untyped(x.ty) {
            if x.ty == UNTYPED_NIL {
                if matches!(self.tt.under_kind(t), TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Interface(_) | TypeKind::Basic(Basic::UnsafePointer)) {
                    self.convert_untyped(a, &mut x, t);
                    return Operand { mode: Mode::Value, ty: t, val: None };
                }
                self.error(a.span.lo, format!("cannot convert nil to type {}", self.tt.name(t)));
                return Operand::invalid();
            }
            let d = self.tt.default_type(x.ty);
            // An untyped constant that is not representable: convert via its default type.
            if !self.convertible(d, t) {
                let desc = self.describe(a, &x);
                self.error(a.span.lo, format!("cannot convert {} to type {}", desc, self.tt.name(t)));
                return Operand::invalid();
            }
            self.convert_untyped(a, &mut x, d);
        }
        if !self.convertible(x.ty, t) {
            if self.tt.has_invalid(x.ty) || self.tt.has_invalid(t) {
                return Operand::invalid();
            }
            let d = self.describe(a, &x);
            self.error(a.span.lo, format!("cannot convert {} to type {}", d, self.tt.name(t)));
            return Operand::invalid();
        }
        Operand { mode: Mode::Value, ty: t, val: None }
    }

    pub fn convertible(&self, v: TypeId, t: TypeId) -> bool {
        if self.assignable(v, t) {
            return true;
        }
        // unsafe.Pointer: to and from any pointer type and uintptr.
        let (vu0, tu0) = (self.tt.under(v), self.tt.under(t));
        if (vu0 == UNSAFE_POINTER && (tu0 == UINTPTR || matches!(self.tt.kind(tu0), TypeKind::Pointer(_))))
            || (tu0 == UNSAFE_POINTER && (vu0 == UINTPTR || matches!(self.tt.kind(vu0), TypeKind::Pointer(_))))
        {
            return true;
        }
        // With type parameters: convertible for every pair of types of their type sets.
        let (vp, tp) = (self.tt.is_type_param(v), self.tt.is_type_param(t));
        if vp || tp {
            let terms = |x: TypeId| -> Option<Vec<TypeId>> {
                if self.tt.is_type_param(x) {
                    self.tt.type_set(x).0.filter(|ts| !ts.is_empty()).map(|ts| ts.into_iter().map(|(_, y)| y).collect())
                } else {
                    Some(vec![x])
                }
            };
            let (Some(vs), Some(ts)) = (terms(v), terms(t)) else {
                // No terms: only to or from an interface type the other implements.
                return (tp && self.tt.is_interface(v)) || (vp && self.tt.is_interface(t) && super::methods::implements(&self.tt, v, t));
            };
            return vs.iter().all(|&a| ts.iter().all(|&b| self.convertible(a, b)));
        }
        let (vu, tu) = (self.tt.under(v), self.tt.under(t));
        if vu == tu {
            return true;
        }
        // A slice to a pointer to an array of its element type (Go 1.17).
        if let (TypeKind::Slice(se), TypeKind::Pointer(p)) = (self.tt.under_kind(v), self.tt.under_kind(t)) {
            if let TypeKind::Array(_, ae) = self.tt.under_kind(*p) {
                if se == ae {
                    return true;
                }
            }
        }
        if self.tt.is_interface(t) && !self.tt.is_interface(v) {
            return super::methods::implements(&self.tt, v, t);
        }
        if let (TypeKind::Pointer(a), TypeKind::Pointer(b)) = (self.tt.kind(v), self.tt.kind(t)) {
            if self.tt.under(*a) == self.tt.under(*b) {
                return true;
            }
        }
        if self.tt.is_numeric(v) && self.tt.is_numeric(t) {
            return !(self.tt.basic(v).unwrap().is_complex() ^ self.tt.basic(t).unwrap().is_complex());
        }
        if self.tt.is_string(t) {
            if self.tt.is_integer(v) {
                return true;
            }
            if let TypeKind::Slice(e) = self.tt.under_kind(v) {
                return matches!(self.tt.under(*e), UINT8 | INT32);
            }
        }
        if self.tt.is_string(v) {
            if let TypeKind::Slice(e) = self.tt.under_kind(t) {
                return matches!(self.tt.under(*e), UINT8 | INT32);
            }
        }
        false
    }

    fn builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr], ellipsis: bool) -> Operand {
        let name = match &e.kind {
            ExprKind::Call { fun, .. } => self.sm.snippet(fun.span).to_string(),
            _ => String::new(),
        };
        let nargs = |c: &mut Self, min: usize, max: usize| -> bool {
            if args.len() < min {
                c.error(e.span.hi - 1, format!("not enough arguments for {}() (expected {}, found {})", name, min, args.len()));
                false
            } else if args.len() > max {
                c.error(args[max].span.lo, format!("too many arguments for {}() (expected {}, found {})", name, max, args.len()));
                false
            } else {
                true
            }
        };
        if ellipsis && b != Builtin::Append {
            self.error(e.span.lo, format!("invalid operation: invalid use of ... with built-in {}", name));
            return Operand::invalid();
        }
        match b {
            Builtin::Sizeof | Builtin::Alignof => {
                if !nargs(self, 1, 1) {
                    return Operand::invalid();
                }
                let mut x = self.expr(&args[0], None);
                if x.mode == Mode::Invalid {
                    return Operand::invalid();
                }
                if self.tt.is_untyped(x.ty) {
                    let d = self.tt.default_type(x.ty);
                    self.convert_untyped(&args[0], &mut x, d);
                }
                if self.tt.has_tparams(x.ty) {
                    return Operand::value(UINTPTR);
                }
                let v = if b == Builtin::Sizeof { self.tt.size(x.ty) } else { self.tt.align(x.ty) };
                Operand::konst(UINTPTR, Const::Int(v.into()))
            }
            Builtin::Offsetof => {
                if !nargs(self, 1, 1) {
                    return Operand::invalid();
                }
                let arg = super::expr::strip_parens(&args[0]);
                let ExprKind::Selector(base, sel) = &arg.kind else {
                    let d = self.sm.snippet(args[0].span).to_string();
                    self.error(args[0].span.lo, format!("invalid argument: {} is not a selector expression", d));
                    return Operand::invalid();
                };
                let x = self.expr(arg, None);
                if x.mode == Mode::Invalid {
                    return Operand::invalid();
                }
                let Some(super::check::Selection::Field { path, derefs }) = self.info.selections.get(&arg.id).cloned() else {
                    let d = self.sm.snippet(args[0].span).to_string();
                    self.error(args[0].span.lo, format!("invalid argument: {} is a method value", d));
                    return Operand::invalid();
                };
                if derefs.iter().skip(1).any(|d| *d) {
                    self.error(args[0].span.lo, format!("invalid argument: field {} is embedded via a pointer in {}", sel.name, self.sm.snippet(base.span)));
                    return Operand::invalid();
                }
                // The offset from the base struct: the sum along the embedding path (in generic
                // code, each instance's: the builder computes it).
                let bt = self.info.types.get(&base.id).copied().unwrap_or(INVALID);
                if self.tt.has_tparams(bt) {
                    return Operand::value(UINTPTR);
                }
                let off = self.tt.field_path_offset(bt, &path);
                Operand::konst(UINTPTR, Const::Int(off.into()))
            }
            Builtin::UnsafeAdd => {
                if !nargs(self, 2, 2) {
                    return Operand::invalid();
                }
                let mut p = self.expr(&args[0], Some(UNSAFE_POINTER));
                self.assign(&args[0], &mut p, UNSAFE_POINTER, "argument to unsafe.Add");
                let mut n = self.expr(&args[1], None);
                if n.mode == Mode::Invalid || p.mode == Mode::Invalid {
                    return Operand::invalid();
                }
                if self.tt.is_untyped(n.ty) {
                    self.convert_untyped(&args[1], &mut n, INT);
                }
                if !self.tt.is_integer(n.ty) {
                    let d = self.describe(&args[1], &n);
                    self.error(args[1].span.lo, format!("cannot convert {} to type int", d));
                    return Operand::invalid();
                }
                Operand::value(UNSAFE_POINTER)
            }
            Builtin::UnsafeSlice => {
                if !nargs(self, 2, 2) {
                    return Operand::invalid();
                }
                let p = self.expr(&args[0], None);
                let mut n = self.expr(&args[1], None);
                if n.mode == Mode::Invalid || p.mode == Mode::Invalid {
                    return Operand::invalid();
                }
                let TypeKind::Pointer(el) = self.tt.under_kind(p.ty).clone() else {
                    let d = self.describe(&args[0], &p);
                    self.error(args[0].span.lo, format!("invalid argument: {} is not a pointer", d));
                    return Operand::invalid();
                };
                if self.tt.is_untyped(n.ty) {
                    self.convert_untyped(&args[1], &mut n, INT);
                }
                if !self.tt.is_integer(n.ty) {
                    let d = self.describe(&args[1], &n);
                    self.error(args[1].span.lo, format!("cannot convert {} to type int", d));
                    return Operand::invalid();
                }
                Operand::value(self.tt.slice(el))
            }
            Builtin::Len | Builtin::Cap => {
                if !nargs(self, 1, 1) {
                    return Operand::invalid();
                }
                let mut x = self.expr(&args[0], None);
                if x.mode == Mode::Invalid {
                    return x;
                }
                let t = self.tt.under(x.ty);
                let mut konst = None;
                let ok = match self.tt.kind(t).clone() {
                    TypeKind::Basic(bb) if bb.is_string() && b == Builtin::Len => {
                        if let Some(Const::String(s)) = &x.val {
                            konst = Some(s.len() as i64);
                        }
                        if self.tt.is_untyped(x.ty) {
                            self.convert_untyped(&args[0], &mut x, STRING);
                        }
                        true
                    }
                    TypeKind::Slice(_) => true,
                    TypeKind::Array(n, _) => {
                        if !has_call(&args[0]) {
                            konst = Some(n as i64);
                        }
                        true
                    }
                    TypeKind::Pointer(p) => match self.tt.under_kind(p) {
                        TypeKind::Array(n, _) => {
                            if !has_call(&args[0]) {
                                konst = Some(*n as i64);
                            }
                            true
                        }
                        _ => false,
                    },
                    TypeKind::Map(..) if b == Builtin::Len => true,
                    TypeKind::Chan(..) => true,
                    _ => false,
                };
                if !ok {
                    let d = self.describe(&args[0], &x);
                    self.error(args[0].span.lo, format!("invalid argument: {} for {}", d, name));
                    return Operand::invalid();
                }
                match konst {
                    Some(n) => Operand { mode: Mode::Const, ty: INT, val: Some(Const::Int(n.into())) },
                    None => Operand { mode: Mode::Value, ty: INT, val: None },
                }
            }
            Builtin::New => {
                if !nargs(self, 1, 1) {
                    return Operand::invalid();
                }
                let t = self.type_expr(&args[0]);
                if t == INVALID {
                    return Operand::invalid();
                }
                Operand { mode: Mode::Value, ty: self.tt.pointer(t), val: None }
            }
            Builtin::Make => {
                if args.is_empty() {
                    self.error(e.span.hi - 1, "not enough arguments for make() (expected 1, found 0)");
                    return Operand::invalid();
                }
                let t = self.type_expr(&args[0]);
                if t == INVALID {
                    return Operand::invalid();
                }
                match self.tt.under_kind(t) {
                    TypeKind::Slice(_) => {
                        if args.len() < 2 {
                            self.error(e.span.lo, format!("invalid operation: {} expects 2 or 3 arguments; found {}", self.sm.snippet(e.span), args.len()));
                            return Operand::invalid();
                        }
                        if args.len() > 3 {
                            self.error(e.span.lo, format!("invalid operation: {} expects 2 or 3 arguments; found {}", self.sm.snippet(e.span), args.len()));
                            return Operand::invalid();
                        }
                        let mut consts = vec![];
                        for a in &args[1..] {
                            match self.index_value(a, None, "index") {
                                None => return Operand::invalid(),
                                Some(v) => consts.push(v),
                            }
                        }
                        if let (Some(Some(l)), Some(Some(c))) = (consts.first(), consts.get(1)) {
                            if l > c {
                                self.error(args[1].span.lo, format!("invalid argument: length and capacity swapped"));
                                return Operand::invalid();
                            }
                        }
                    }
                    TypeKind::Map(..) => {
                        if args.len() > 2 {
                            self.error(args[2].span.lo, format!("invalid operation: {} expects 1 or 2 arguments; found {}", self.sm.snippet(e.span), args.len()));
                            return Operand::invalid();
                        }
                        if let Some(h) = args.get(1) {
                            if self.index_value(h, None, "size argument").is_none() {
                                return Operand::invalid();
                            }
                        }
                    }
                    TypeKind::Chan(..) => {
                        if args.len() > 2 {
                            self.error(args[2].span.lo, format!("invalid operation: {} expects 1 or 2 arguments; found {}", self.sm.snippet(e.span), args.len()));
                            return Operand::invalid();
                        }
                        if let Some(h) = args.get(1) {
                            if self.index_value(h, None, "buffer size").is_none() {
                                return Operand::invalid();
                            }
                        }
                    }
                    _ => {
                        self.error(args[0].span.lo, format!("invalid argument: cannot make {}; type must be slice, map, or channel", self.sm.snippet(args[0].span)));
                        return Operand::invalid();
                    }
                }
                Operand { mode: Mode::Value, ty: t, val: None }
            }
            Builtin::Append => {
                if args.is_empty() {
                    self.error(e.span.hi - 1, "not enough arguments for append() (expected 1, found 0)");
                    return Operand::invalid();
                }
                // append(f()) with f returning the slice and the elements.
                if args.len() == 1 && !ellipsis {
                    let x = self.expr_or_type(&args[0], None);
                    if let (Mode::Tuple, TypeKind::Tuple(ts)) = (x.mode, self.tt.kind(x.ty).clone()) {
                        if let TypeKind::Slice(el) = self.tt.under_kind(ts[0]).clone() {
                            for t in &ts[1..] {
                                if !self.assignable(*t, el) {
                                    self.error(args[0].span.lo, format!("cannot use {} value as {} value in argument to append", self.tt.name(*t), self.tt.name(el)));
                                    return Operand::invalid();
                                }
                            }
                            return Operand { mode: Mode::Value, ty: ts[0], val: None };
                        }
                    }
                    if x.mode == Mode::Invalid {
                        return x;
                    }
                }
                let s = self.expr(&args[0], None);
                if s.mode == Mode::Invalid {
                    return s;
                }
                let TypeKind::Slice(el) = self.tt.under_kind(s.ty).clone() else {
                    let d = self.describe(&args[0], &s);
                    self.error(args[0].span.lo, format!("invalid argument: {} is not a slice", d));
                    return Operand::invalid();
                };
                if ellipsis {
                    if args.len() != 2 {
                        self.error(e.span.lo, "can only use ... with final argument in list");
                        return Operand::invalid();
                    }
                    let mut x = self.expr(&args[1], None);
                    if x.mode == Mode::Invalid {
                        return x;
                    }
                    if el == UINT8 && self.tt.is_string(x.ty) {
                        if self.tt.is_untyped(x.ty) {
                            self.convert_untyped(&args[1], &mut x, STRING);
                        }
                    } else {
                        let st = s.ty;
                        self.assign(&args[1], &mut x, st, "argument to append");
                    }
                } else {
                    for a in &args[1..] {
                        let mut x = self.expr(a, Some(el));
                        self.assign(a, &mut x, el, "argument to append");
                    }
                }
                Operand { mode: Mode::Value, ty: s.ty, val: None }
            }
            Builtin::Copy => {
                // copy(f()) with f returning the destination and the source.
                if let Some(ts) = self.tuple_arg(args) {
                    let ok = ts.len() == 2
                        && match (self.tt.under_kind(ts[0]).clone(), self.tt.under_kind(ts[1]).clone()) {
                            (TypeKind::Slice(de), TypeKind::Slice(se)) => self.tt.under(de) == self.tt.under(se),
                            (TypeKind::Slice(de), TypeKind::Basic(bb)) => bb.is_string() && self.tt.under(de) == UINT8,
                            _ => false,
                        };
                    if !ok {
                        let tt = self.tt.tuple(ts.clone());
                        let found = self.tt.name(tt);
                        self.error(args[0].span.lo, format!("invalid argument: copy expects slice arguments; found {}", found));
                        return Operand::invalid();
                    }
                    return Operand { mode: Mode::Value, ty: INT, val: None };
                }
                if !nargs(self, 2, 2) {
                    return Operand::invalid();
                }
                let d = self.expr(&args[0], None);
                let mut s = self.expr(&args[1], None);
                if d.mode == Mode::Invalid || s.mode == Mode::Invalid {
                    return Operand::invalid();
                }
                let TypeKind::Slice(de) = self.tt.under_kind(d.ty).clone() else {
                    self.error(e.span.lo, format!("invalid argument: copy expects slice arguments; found {} and {}", self.describe(&args[0], &d), self.describe(&args[1], &s)));
                    return Operand::invalid();
                };
                let ok = match self.tt.under_kind(s.ty).clone() {
                    TypeKind::Slice(se) => self.tt.under(se) == self.tt.under(de),
                    TypeKind::Basic(bb) if bb.is_string() => {
                        if self.tt.is_untyped(s.ty) {
                            self.convert_untyped(&args[1], &mut s, STRING);
                        }
                        self.tt.under(de) == UINT8
                    }
                    _ => false,
                };
                if !ok {
                    self.error(e.span.lo, format!("invalid argument: arguments to copy {} and {} have different element types", self.describe(&args[0], &d), self.describe(&args[1], &s)));
                    return Operand::invalid();
                }
                Operand { mode: Mode::Value, ty: INT, val: None }
            }
            Builtin::Panic => {
                if !nargs(self, 1, 1) {
                    return Operand::invalid();
                }
                let mut x = self.expr(&args[0], None);
                if x.mode == Mode::Invalid {
                    return Operand { mode: Mode::NoValue, ty: INVALID, val: None };
                }
                // The argument is converted to interface{}.
                self.assign(&args[0], &mut x, EMPTY_IFACE, "argument to panic");
                Operand { mode: Mode::NoValue, ty: INVALID, val: None }
            }
            Builtin::Print | Builtin::Println => {
                // print(f()) with a multi-valued f prints each result.
                if args.len() == 1 {
                    let x = self.expr_or_type(&args[0], None);
                    if x.mode == Mode::Tuple {
                        return Operand { mode: Mode::NoValue, ty: INVALID, val: None };
                    }
                }
                for a in args {
                    let mut x = self.expr(a, None);
                    if x.mode == Mode::Invalid {
                        continue;
                    }
                    if x.ty == UNTYPED_NIL {
                        self.error(a.span.lo, "use of untyped nil in argument to built-in print");
                        continue;
                    }
                    if self.tt.is_untyped(x.ty) {
                        let d = self.tt.default_type(x.ty);
                        self.convert_untyped(a, &mut x, d);
                    }
                    match self.tt.under_kind(x.ty) {
                        TypeKind::Basic(_) | TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Interface(_) => {}
                        // A type parameter: each instance prints its type argument.
                        TypeKind::TypeParam(_) => {}
                        _ => {
                            let d = self.describe(a, &x);
                            self.error(a.span.lo, format!("illegal types for operand: print\n\t{}", d.split(" (").next().unwrap_or("")).replace(&d.split(" (").next().unwrap_or("").to_string(), &self.tt.name(x.ty)));
                        }
                    }
                }
                Operand { mode: Mode::NoValue, ty: INVALID, val: None }
            }
            Builtin::Recover => {
                if !nargs(self, 0, 0) {
                    return Operand::invalid();
                }
                Operand { mode: Mode::Value, ty: EMPTY_IFACE, val: None }
            }
            Builtin::Delete => {
                // delete(f()) with f returning the map and the key.
                if let Some(ts) = self.tuple_arg(args) {
                    let ok = ts.len() == 2 && matches!(self.tt.under_kind(ts[0]).clone(), TypeKind::Map(kt, _) if self.assignable(ts[1], kt));
                    if !ok {
                        let tt = self.tt.tuple(ts.clone());
                        let found = self.tt.name(tt);
                        self.error(args[0].span.lo, format!("invalid argument: delete expects a map and a key; found {}", found));
                        return Operand::invalid();
                    }
                    return Operand { mode: Mode::NoValue, ty: INVALID, val: None };
                }
                if !nargs(self, 2, 2) {
                    return Operand::invalid();
                }
                let m = self.expr(&args[0], None);
                if m.mode == Mode::Invalid {
                    let _ = self.expr(&args[1], None);
                    return Operand::invalid();
                }
                let TypeKind::Map(kt, _) = self.tt.under_kind(m.ty).clone() else {
                    let d = self.describe(&args[0], &m);
                    self.error(args[0].span.lo, format!("invalid argument: {} is not a map", d));
                    let _ = self.expr(&args[1], None);
                    return Operand::invalid();
                };
                let mut k = self.expr(&args[1], Some(kt));
                if k.mode == Mode::Invalid {
                    return Operand::invalid();
                }
                let d = self.describe(&args[0], &m);
                self.assign(&args[1], &mut k, kt, &format!("argument to delete({}, …)", d.split(" (").next().unwrap_or("")));
                Operand { mode: Mode::NoValue, ty: INVALID, val: None }
            }
            Builtin::Complex => {
                // complex(f()) with a two-valued f.
                if args.len() == 1 {
                    let x = self.expr_or_type(&args[0], None);
                    if let (Mode::Tuple, TypeKind::Tuple(ts)) = (x.mode, self.tt.kind(x.ty).clone()) {
                        if ts.len() == 2 && ts[0] == ts[1] {
                            return match self.tt.basic(ts[0]) {
                                Some(Basic::Float32) => Operand { mode: Mode::Value, ty: COMPLEX64, val: None },
                                Some(Basic::Float64) => Operand { mode: Mode::Value, ty: COMPLEX128, val: None },
                                _ => {
                                    self.error(args[0].span.lo, format!("invalid argument: arguments have type {}, expected floating-point", self.tt.name(ts[0])));
                                    Operand::invalid()
                                }
                            };
                        }
                    }
                    if x.mode == Mode::Invalid {
                        return Operand::invalid();
                    }
                }
                if !nargs(self, 2, 2) {
                    return Operand::invalid();
                }
                let mut x = self.expr(&args[0], None);
                let mut y = self.expr(&args[1], None);
                if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
                    return Operand::invalid();
                }
                // An untyped operand takes the other's type; two untyped ones stay untyped.
                if self.tt.is_untyped(x.ty) && !self.tt.is_untyped(y.ty) {
                    let t = y.ty;
                    self.convert_untyped(&args[0], &mut x, t);
                } else if self.tt.is_untyped(y.ty) && !self.tt.is_untyped(x.ty) {
                    let t = x.ty;
                    self.convert_untyped(&args[1], &mut y, t);
                }
                if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
                    return Operand::invalid();
                }
                let res = if self.tt.is_untyped(x.ty) && self.tt.is_untyped(y.ty) {
                    UNTYPED_COMPLEX
                } else if x.ty != y.ty {
                    self.error(e.span.lo, format!("invalid operation: {} (mismatched types {} and {})", self.sm.snippet(e.span), self.tt.name(x.ty), self.tt.name(y.ty)));
                    return Operand::invalid();
                } else {
                    match self.tt.basic(x.ty) {
                        Some(Basic::Float32) => COMPLEX64,
                        Some(Basic::Float64) => COMPLEX128,
                        _ => {
                            let d = self.describe(&args[0], &x);
                            self.error(args[0].span.lo, format!("invalid argument: arguments have type {}, expected floating-point", self.tt.name(x.ty)));
                            let _ = d;
                            return Operand::invalid();
                        }
                    }
                };
                if let (Some(a), Some(b)) = (&x.val, &y.val) {
                    let (Some(re), Some(im)) = (a.to_rat(), b.to_rat()) else {
                        self.error(e.span.lo, format!("invalid operation: {} (complex parts must be real)", self.sm.snippet(e.span)));
                        return Operand::invalid();
                    };
                    let v = Const::Complex(re, im);
                    let v = if res == UNTYPED_COMPLEX { v } else { self.representable(&v, res).unwrap_or(v) };
                    return Operand { mode: Mode::Const, ty: res, val: Some(v) };
                }
                if res == UNTYPED_COMPLEX {
                    // Non-constant untyped operands (shifts) default to float64.
                    self.convert_untyped(&args[0], &mut x, FLOAT64);
                    self.convert_untyped(&args[1], &mut y, FLOAT64);
                    return Operand { mode: Mode::Value, ty: COMPLEX128, val: None };
                }
                Operand { mode: Mode::Value, ty: res, val: None }
            }
            Builtin::Real | Builtin::Imag => {
                if !nargs(self, 1, 1) {
                    return Operand::invalid();
                }
                let x = self.expr(&args[0], None);
                if x.mode == Mode::Invalid {
                    return Operand::invalid();
                }
                let res = match self.tt.basic(x.ty) {
                    Some(Basic::Complex64) => FLOAT32,
                    Some(Basic::Complex128) => FLOAT64,
                    Some(Basic::UntypedComplex | Basic::UntypedFloat | Basic::UntypedInt | Basic::UntypedRune) => UNTYPED_FLOAT,
                    _ => {
                        let d = self.describe(&args[0], &x);
                        self.error(args[0].span.lo, format!("invalid argument: {} not of complex type", d).replace(" not of complex type", " must be of complex type"));
                        return Operand::invalid();
                    }
                };
                if let Some(v) = &x.val {
                    let (re, im) = v.to_complex().unwrap_or_default();
                    let part = if b == Builtin::Real { re } else { im };
                    let c = Const::Float(part);
                    let c = if res == UNTYPED_FLOAT { c } else { self.representable(&c, res).unwrap_or(c) };
                    return Operand { mode: Mode::Const, ty: res, val: Some(c) };
                }
                Operand { mode: Mode::Value, ty: res, val: None }
            }
            Builtin::Close => {
                if !nargs(self, 1, 1) {
                    return Operand::invalid();
                }
                let x = self.expr(&args[0], None);
                if x.mode == Mode::Invalid {
                    return x;
                }
                match self.tt.chan_of(x.ty) {
                    Some((ChanDir::Recv, _)) => {
                        let d = self.describe(&args[0], &x);
                        self.error(args[0].span.lo, format!("invalid operation: cannot close receive-only channel {}", d));
                        Operand::invalid()
                    }
                    Some(_) => Operand { mode: Mode::NoValue, ty: INVALID, val: None },
                    None => {
                        let d = self.describe(&args[0], &x);
                        self.error(args[0].span.lo, format!("invalid operation: cannot close non-channel {}", d));
                        Operand::invalid()
                    }
                }
            }
        }
    }
}

/// Whether `e` contains a function call or a receive (then `len(e)` of an array is not a
/// constant, and a range over it evaluates it).
pub(crate) fn has_call(e: &Expr) -> bool {
    let mut found = false;
    let mut e2 = e.clone();
    crate::syntax::parser::walk_expr_mut(&mut e2, &mut |x| {
        if matches!(x.kind, ExprKind::Call { .. } | ExprKind::Unary(crate::syntax::ast::UnOp::Recv, _)) {
            found = true;
        }
    });
    found
}
