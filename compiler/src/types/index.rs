//! Index and slice expressions: `a[i]`, `m[k]`, `s[lo:hi:max]`, and index checks.

use super::check::Checker;
use super::constant::Const;
use super::expr::{Mode, Operand};
use super::ty::*;
use crate::syntax::ast::Expr;

impl<'a> Checker<'a> {
    pub(crate) fn index(&mut self, e: &Expr, x: &Expr, idx: &[Expr]) -> Operand {
        let saved = std::mem::replace(&mut self.allow_generic, true);
        let xo = self.expr_or_type(x, None);
        self.allow_generic = saved;
        if xo.mode == Mode::Invalid {
            return xo;
        }
        if xo.mode == Mode::Type {
            // `List[int]` in an expression (a conversion or composite literal's type).
            let t = self.instantiate_type_expr(e, x, idx);
            if t == INVALID {
                return Operand::invalid();
            }
            return Operand { mode: Mode::Type, ty: t, val: None };
        }
        if let Some(o) = self.generic_func_of(x) {
            return self.generic_func_value(e, x, o, idx);
        }
        if idx.len() != 1 {
            self.error(idx[1].span.lo, "unexpected comma; expecting ]");
            return Operand::invalid();
        }
        let i = &idx[0];
        if let TypeKind::Map(kt, vt) = self.tt.under_kind(xo.ty).clone() {
            let mut ko = self.expr(i, Some(kt));
            if ko.mode == Mode::Invalid {
                return Operand::invalid();
            }
            let xs = self.sm.snippet(x.span).to_string();
            if !self.assign(i, &mut ko, kt, &format!("map index")) {
                let _ = xs;
                return Operand::invalid();
            }
            return Operand { mode: Mode::MapIndex, ty: vt, val: None };
        }
        let (elem, len, mode) = match self.tt.under_kind(xo.ty).clone() {
            TypeKind::Basic(b) if b.is_string() => (UINT8, xo.val.as_ref().and_then(|v| if let Const::String(s) = v { Some(s.len() as u64) } else { None }), Mode::Value),
            TypeKind::Slice(el) => (el, None, Mode::Var),
            TypeKind::Array(n, el) => (el, Some(n), if xo.mode == Mode::Var { Mode::Var } else { Mode::Value }),
            TypeKind::Pointer(b) => match self.tt.under_kind(b).clone() {
                TypeKind::Array(n, el) => (el, Some(n), Mode::Var),
                _ => {
                    let d = self.describe(x, &xo);
                    self.error(x.span.lo, format!("invalid operation: cannot index {}", d));
                    return Operand::invalid();
                }
            },
            TypeKind::Func(_) => {
                let d = self.describe(x, &xo);
                self.error(x.span.lo, format!("invalid operation: cannot index {}", d));
                return Operand::invalid();
            }
            // A type parameter without a core type: every type of its set must be indexable
            // with the same element type (`[]int | [5]int`).
            TypeKind::TypeParam(_) => {
                let terms = self.tt.type_set(xo.ty).0.unwrap_or_default();
                let mut elem = None;
                let mut has_string = false;
                let mut ok = !terms.is_empty();
                for &(_, t) in &terms {
                    let el = match self.tt.under_kind(t).clone() {
                        TypeKind::Basic(b) if b.is_string() => {
                            has_string = true;
                            UINT8
                        }
                        TypeKind::Slice(el) | TypeKind::Array(_, el) => el,
                        TypeKind::Pointer(b) => match self.tt.under_kind(b).clone() {
                            TypeKind::Array(_, el) => el,
                            _ => INVALID,
                        },
                        _ => INVALID,
                    };
                    if el == INVALID || elem.map_or(false, |e| e != el) {
                        ok = false;
                    }
                    elem = Some(el);
                }
                if !ok {
                    let d = self.describe(x, &xo);
                    self.error(x.span.lo, format!("invalid operation: cannot index {}", d));
                    return Operand::invalid();
                }
                (elem.unwrap_or(INVALID), None, if has_string { Mode::Value } else { Mode::Var })
            }
            _ => {
                let d = self.describe(x, &xo);
                self.error(x.span.lo, format!("invalid operation: cannot index {}", d));
                return Operand::invalid();
            }
        };
        let iv = self.index_value(i, len, "index");
        if iv.is_none() {
            return Operand::invalid();
        }
        // Indexing a constant string with a constant index is not constant, but is checked.
        if let (Some(Const::String(s)), Some(Some(k))) = (&xo.val, iv) {
            if (k as usize) >= s.len() {
                return Operand::invalid();
            }
        }
        Operand { mode, ty: elem, val: None }
    }

    /// Checks an index operand; returns Some(constant value) / Some(None) if valid.
    pub(crate) fn index_value(&mut self, i: &Expr, len: Option<u64>, what: &str) -> Option<Option<i64>> {
        let mut io = self.expr(i, None);
        if io.mode == Mode::Invalid {
            return None;
        }
        if self.tt.is_untyped(io.ty) {
            if let Some(v) = &io.val {
                if v.to_int().is_none() {
                    let d = self.describe(i, &io);
                    self.error(i.span.lo, format!("invalid argument: {} {} truncated to int", what, d));
                    return None;
                }
            }
            self.convert_untyped(i, &mut io, INT);
            if io.mode == Mode::Invalid {
                return None;
            }
        }
        if !self.tt.is_integer(io.ty) {
            let d = self.describe(i, &io);
            self.error(i.span.lo, format!("invalid argument: {} {} must be integer", what, d));
            return None;
        }
        if let Some(v) = &io.val {
            let k = v.to_i64().unwrap_or(i64::MAX);
            if k < 0 {
                let d = self.describe(i, &io);
                self.error(i.span.lo, format!("invalid argument: {} {} must not be negative", what, d));
                return None;
            }
            if let Some(n) = len {
                if k as u64 >= n && what == "index" {
                    let d = self.sm.snippet(i.span).to_string();
                    self.error(i.span.lo, format!("invalid argument: index {} out of bounds [0:{}]", d, n));
                    return None;
                }
            }
            return Some(Some(k));
        }
        Some(None)
    }

    pub(crate) fn slice_expr(&mut self, e: &Expr, x: &Expr, lo: Option<&Expr>, hi: Option<&Expr>, max: Option<&Expr>) -> Operand {
        let xo = self.expr(x, None);
        if xo.mode == Mode::Invalid {
            return xo;
        }
        let (res, len) = match self.tt.under_kind(xo.ty).clone() {
            TypeKind::Basic(b) if b.is_string() => {
                if max.is_some() {
                    self.error(e.span.lo, format!("invalid operation: 3-index slice of string"));
                    return Operand::invalid();
                }
                let len = match &xo.val { Some(Const::String(s)) => Some(s.len() as u64), _ => None };
                (if b == Basic::UntypedString { STRING } else { xo.ty }, len)
            }
            TypeKind::Slice(_) => (xo.ty, None),
            TypeKind::Array(n, el) => {
                if xo.mode != Mode::Var {
                    let d = self.describe(x, &xo);
                    self.error(e.span.lo, format!("invalid operation: {} (slice of unaddressable value)", d).replace(&format!("{} (slice", d), &format!("{} (slice", self.sm.snippet(e.span))));
                    return Operand::invalid();
                }
                self.mark_addressed(x);
                (self.tt.slice(el), Some(n + 1))
            }
            TypeKind::Pointer(b) => match self.tt.under_kind(b).clone() {
                TypeKind::Array(n, el) => (self.tt.slice(el), Some(n + 1)),
                _ => {
                    let d = self.describe(x, &xo);
                    self.error(x.span.lo, format!("cannot slice {}", d));
                    return Operand::invalid();
                }
            },
            _ => {
                let d = self.describe(x, &xo);
                self.error(x.span.lo, format!("cannot slice {}", d));
                return Operand::invalid();
            }
        };
        let mut vals = vec![];
        for i in [lo, hi, max].into_iter().flatten() {
            match self.index_value(i, None, "index") {
                None => return Operand::invalid(),
                Some(v) => {
                    if let (Some(k), Some(n)) = (v, len) {
                        if k as u64 >= n {
                            let d = self.sm.snippet(i.span).to_string();
                            self.error(i.span.lo, format!("invalid argument: index {} out of bounds [0:{}]", d, n));
                            return Operand::invalid();
                        }
                    }
                    vals.push(v);
                }
            }
        }
        let consts: Vec<i64> = vals.iter().flatten().copied().collect();
        if consts.windows(2).any(|w| w[0] > w[1]) && consts.len() == vals.len() {
            self.error(e.span.lo, "invalid slice indices");
            return Operand::invalid();
        }
        Operand::value(res)
    }
}
