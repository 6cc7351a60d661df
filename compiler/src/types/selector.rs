//! Selectors `x.f`: qualified identifiers `pkg.Name`, struct fields (also promoted through
//! embedded fields), methods of defined types and of interfaces (calls and method values),
//! and method expressions `T.M`, `(*T).M`, `I.M`. The search itself is `methods::lookup`.

use super::check::{Checker, ObjKind, Selection};
use super::expr::{Mode, Operand};
use super::methods::{self, Found};
use super::ty::*;
use crate::syntax::ast::{self, Expr, ExprKind};

impl<'a> Checker<'a> {
    pub(crate) fn selector(&mut self, e: &Expr, x: &Expr, sel: &ast::Ident) -> Operand {
        // Qualified identifier pkg.Name.
        if let ExprKind::Ident(pn) = &x.kind {
            if let Some(o) = self.lookup(pn) {
                if let ObjKind::Package(p) = self.obj(o).kind {
                    return self.qualified(e, x, o, p, pn, sel);
                }
            }
        }
        let xo = self.expr_or_type(x, None);
        if xo.mode == Mode::Invalid {
            return xo;
        }
        if xo.mode == Mode::Type {
            return self.method_expr(e, x, xo.ty, sel);
        }
        if !matches!(xo.mode, Mode::Var | Mode::Value | Mode::MapIndex | Mode::Const | Mode::CommaOk) {
            let _ = self.single_value(x, xo);
            return Operand::invalid();
        }
        let found = methods::lookup(&self.tt, xo.ty, &sel.name);
        match found {
            Some(Found::Field { path, derefs, ty }) => {
                let through_ptr = derefs.iter().any(|d| *d);
                self.info.selections.insert(e.id, Selection::Field { path, derefs });
                let mode = if xo.mode == Mode::Var || through_ptr { Mode::Var } else { Mode::Value };
                Operand { mode, ty, val: None }
            }
            Some(f @ Found::Method { .. }) => {
                let Found::Method { func, path, derefs, ptr_recv, sig, .. } = f.clone() else { unreachable!() };
                // A pointer method needs a pointer, or an addressable operand whose address
                // is taken implicitly.
                if ptr_recv && !methods::in_method_set(&self.tt, xo.ty, &f) {
                    if xo.mode != Mode::Var {
                        let tn = self.tt.name(xo.ty);
                        self.error(sel.span.lo, format!("cannot call pointer method {} on {}", sel.name, tn));
                        return Operand::invalid();
                    }
                    self.mark_addressed(x);
                }
                self.info.selections.insert(e.id, Selection::Method { func, path, derefs, ptr_recv });
                if let Some(d) = &mut self.deps {
                    d.insert(func);
                }
                Operand::value(sig)
            }
            Some(Found::IfaceMethod { iface, index, path, derefs, sig }) => {
                self.info.selections.insert(e.id, Selection::IfaceMethod { iface, index, path, derefs });
                Operand::value(sig)
            }
            Some(Found::Ambiguous) => {
                self.error(sel.span.lo, format!("ambiguous selector {}.{}", self.sm.snippet(x.span), sel.name));
                Operand::invalid()
            }
            None if self.tt.has_invalid(xo.ty) => Operand::invalid(),
            None => {
                let xs = self.sm.snippet(x.span).to_string();
                if let TypeKind::Pointer(b) = self.tt.kind(xo.ty) {
                    if self.tt.is_interface(*b) {
                        let tn = self.tt.name(xo.ty);
                        self.error(sel.span.lo, format!("{}.{} undefined (type {} is pointer to interface, not interface)", xs, sel.name, tn));
                        return Operand::invalid();
                    }
                }
                let tn = self.tt.name(xo.ty);
                self.error(sel.span.lo, format!("{}.{} undefined (type {} has no field or method {})", xs, sel.name, tn, sel.name));
                Operand::invalid()
            }
        }
    }

    fn qualified(&mut self, e: &Expr, x: &Expr, o: u32, p: usize, pn: &str, sel: &ast::Ident) -> Operand {
        self.info.objects[o as usize].used = true;
        self.info.uses.insert(x.id, o);
        let Some(&m) = self.packages[p].scope.get(&sel.name) else {
            self.error(sel.span.lo, format!("undefined: {}.{}", pn, sel.name));
            return Operand::invalid();
        };
        if !sel.name.starts_with(|c: char| c.is_uppercase()) {
            self.error(sel.span.lo, format!("name {} not exported by package {}", sel.name, pn));
            return Operand::invalid();
        }
        self.resolve(m);
        if let Some(d) = &mut self.deps {
            d.insert(m);
        }
        self.info.selections.insert(e.id, Selection::Qualified(m));
        self.info.uses.insert(e.id, m);
        let ob = self.obj(m).clone();
        match ob.kind {
            ObjKind::Var => Operand { mode: Mode::Var, ty: ob.ty, val: None },
            ObjKind::Const(v) => Operand { mode: Mode::Const, ty: ob.ty, val: Some(v) },
            ObjKind::TypeName => Operand { mode: Mode::Type, ty: ob.ty, val: None },
            ObjKind::Func => Operand::value(ob.ty),
            ObjKind::Builtin(b) => Operand { mode: Mode::Builtin(b), ty: INVALID, val: None },
            _ => Operand::invalid(),
        }
    }

    /// `T.M`: a function whose first parameter is the receiver.
    fn method_expr(&mut self, e: &Expr, x: &Expr, t: TypeId, sel: &ast::Ident) -> Operand {
        let f = methods::lookup(&self.tt, t, &sel.name);
        let sig = match &f {
            Some(Found::Method { sig, .. }) | Some(Found::IfaceMethod { sig, .. }) => *sig,
            Some(Found::Ambiguous) => {
                self.error(sel.span.lo, format!("ambiguous selector {}.{}", self.sm.snippet(x.span), sel.name));
                return Operand::invalid();
            }
            _ => {
                let (xs, tn) = (self.sm.snippet(x.span).to_string(), self.tt.name(t));
                self.error(sel.span.lo, format!("{}.{} undefined (type {} has no method {})", xs, sel.name, tn, sel.name));
                return Operand::invalid();
            }
        };
        let f = f.unwrap();
        if !methods::in_method_set(&self.tt, t, &f) {
            let tn = self.tt.name(t);
            self.error(sel.span.lo, format!("cannot call pointer method {} on {}", sel.name, tn));
            return Operand::invalid();
        }
        if let Found::Method { func, .. } = &f {
            if let Some(d) = &mut self.deps {
                d.insert(*func);
            }
        }
        let TypeKind::Func(s) = self.tt.kind(sig).clone() else { return Operand::invalid() };
        let mut params = vec![t];
        params.extend(s.params);
        let ft = self.tt.intern(TypeKind::Func(Signature { params, results: s.results, variadic: s.variadic }));
        self.info.selections.insert(e.id, Selection::MethodExpr { recv: t, found: f });
        Operand::value(ft)
    }
}
