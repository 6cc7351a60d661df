//! Interfaces in the checker: interface type literals (methods and embedded interfaces,
//! expanded into one sorted method set), implementation checks with gc's explanations, and
//! type assertions `x.(T)`.

use super::check::Checker;
use super::expr::{Mode, Operand};
use super::methods;
use super::ty::*;
use crate::syntax::ast::{self, Expr, ExprKind, UnOp};

impl<'a> Checker<'a> {
    /// `interface { M(); Embedded }`
    pub(crate) fn interface_type(&mut self, e: &Expr, elems: &[ast::Field]) -> TypeId {
        let mut ms: Vec<IMethod> = vec![];
        let pkg = if self.cur_pkg < self.packages.len() { self.packages[self.cur_pkg].name.clone() } else { String::new() };
        let mut invalid = false;
        // Type elements (constraints only): the type set's terms, and `comparable`.
        let mut terms: Option<Vec<(bool, TypeId)>> = None;
        let mut comparable = false;
        for f in elems {
            if let Some(name) = f.names.first() {
                let sig = self.type_expr(&f.ty);
                if name.name == "_" {
                    self.error(name.span.lo, "methods must have a unique non-blank name");
                    continue;
                }
                if ms.iter().any(|m| m.name == name.name) {
                    self.error(name.span.lo, format!("duplicate method {}", name.name));
                    continue;
                }
                let mpkg = if name.name.starts_with(|c: char| c.is_uppercase()) { String::new() } else { pkg.clone() };
                ms.push(IMethod { name: name.name.clone(), pkg: mpkg, sig });
                continue;
            }
            // An embedded element: an interface, or (in constraints) a type set.
            if matches!(f.ty.kind, ExprKind::Union(_) | ExprKind::Unary(UnOp::Tilde, _)) {
                let ts = self.type_terms(&f.ty);
                terms = Some(intersect_terms(terms, ts));
                continue;
            }
            let t = self.type_expr(&f.ty);
            if t == INVALID {
                invalid = true;
                continue;
            }
            if let Some(n) = self.tt.named_data(t) {
                if n.underlying == INVALID {
                    let name = n.name.clone();
                    self.error(f.ty.span.lo, format!("invalid recursive type {}", name));
                    invalid = true;
                    continue;
                }
            }
            let embedded: Vec<IMethod> = match self.tt.under_kind(t).clone() {
                TypeKind::Interface(ms) => ms,
                TypeKind::Constraint { methods, terms: ts, comparable: c } => {
                    comparable |= c;
                    if let Some(ts) = ts {
                        terms = Some(intersect_terms(terms, ts));
                    }
                    methods
                }
                // `interface{ int }`: a type set of one type.
                _ => {
                    terms = Some(intersect_terms(terms, vec![(false, t)]));
                    vec![]
                }
            };
            for m in embedded {
                match ms.iter().find(|x| x.name == m.name && x.pkg == m.pkg) {
                    Some(x) if x.sig != m.sig => {
                        self.error(f.ty.span.lo, format!("duplicate method {}", m.name));
                    }
                    Some(_) => {}
                    None => ms.push(m),
                }
            }
        }
        let _ = e;
        if invalid {
            return INVALID;
        }
        ms.sort_by(|a, b| (&a.name, &a.pkg).cmp(&(&b.name, &b.pkg)));
        if terms.is_some() || comparable {
            return self.tt.intern(TypeKind::Constraint { methods: ms, terms, comparable });
        }
        self.tt.intern(TypeKind::Interface(ms))
    }

    /// The terms of a union `~int | string | MyInt`.
    pub(crate) fn type_terms(&mut self, e: &Expr) -> Vec<(bool, TypeId)> {
        match &e.kind {
            ExprKind::Union(parts) => parts.iter().flat_map(|p| self.type_terms(p)).collect(),
            ExprKind::Paren(x) => self.type_terms(x),
            ExprKind::Unary(UnOp::Tilde, x) => {
                let t = self.type_expr(x);
                if t == INVALID {
                    return vec![];
                }
                if self.tt.under(t) != t {
                    let n = self.tt.name(t);
                    self.error(e.span.lo, format!("invalid use of ~ (underlying type of {} is {})", n, self.tt.name(self.tt.under(t))));
                    return vec![];
                }
                vec![(true, t)]
            }
            _ => {
                let t = self.type_expr(e);
                if t == INVALID {
                    return vec![];
                }
                match self.tt.under_kind(t).clone() {
                    // An embedded constraint in a union contributes its own terms.
                    TypeKind::Constraint { terms: Some(ts), .. } => ts,
                    _ => vec![(false, t)],
                }
            }
        }
    }

    /// gc's explanation of why `t` is not assignable to interface `iface`:
    /// "\n\tT does not implement I (missing M method)".
    pub(crate) fn not_implements(&self, t: TypeId, iface: TypeId) -> Option<String> {
        if !self.tt.is_interface(iface) {
            return None;
        }
        let why = methods::missing_method(&self.tt, t, iface)?;
        Some(format!("{} does not implement {} {}", self.tt.name(t), self.tt.name(iface), why))
    }

    /// `x.(T)`; `comma_ok` allows the two-value form's mode.
    pub(crate) fn type_assert(&mut self, e: &Expr, x: &Expr, t: Option<&Expr>) -> Operand {
        let xo = self.expr(x, None);
        let Some(te) = t else {
            self.error(e.span.lo, format!("invalid syntax tree: use of {}.(type) outside type switch", self.sm.snippet(x.span)));
            return Operand::invalid();
        };
        let tt_ = self.type_expr(te);
        if xo.mode == Mode::Invalid || tt_ == INVALID {
            return Operand::invalid();
        }
        if !self.tt.is_interface(xo.ty) {
            let d = self.describe(x, &xo);
            self.error(x.span.lo, format!("invalid operation: {} is not an interface", d));
            return Operand::invalid();
        }
        self.check_assertable(e, xo.ty, tt_);
        Operand { mode: Mode::CommaOk, ty: tt_, val: None }
    }

    /// A concrete type asserted from an interface must implement it ("impossible type
    /// assertion"); `at` is the assertion (or type switch case) for the message.
    pub(crate) fn check_assertable(&mut self, at: &Expr, iface: TypeId, t: TypeId) -> bool {
        // A type parameter may be any type of its set: only an instance could tell.
        if self.tt.is_interface(t) || self.tt.has_tparams(t) || self.tt.has_tparams(iface) {
            return true;
        }
        let Some(why) = methods::missing_method(&self.tt, t, iface) else { return true };
        let text = crate::syntax::dump::expr_string(at);
        let msg = format!("impossible type assertion: {}\n\t{} does not implement {} {}", text, self.tt.name(t), self.tt.name(iface), why);
        self.error(at.span.lo, msg);
        false
    }
}

/// The terms in both lists (a type in a constraint's type set must be in every type element's
/// set); `None` is all types.
fn intersect_terms(a: Option<Vec<(bool, TypeId)>>, b: Vec<(bool, TypeId)>) -> Vec<(bool, TypeId)> {
    let Some(a) = a else { return b };
    let mut out = vec![];
    for &(ta, x) in &a {
        for &(tb, y) in &b {
            // ~T ∩ ~T = ~T; ~T ∩ T = T; T ∩ T = T (types compared as given: a named type's
            // underlying-type relation is left to the check of type arguments).
            if x == y {
                out.push((ta && tb, x));
            }
        }
    }
    out
}
