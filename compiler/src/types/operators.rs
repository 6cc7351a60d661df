//! Operators: unary and binary operations, comparisons, shifts, and constant arithmetic
//! (exact, as the spec's "Constant expressions" require).

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::check::Checker;
use super::constant::Const;
use super::expr::{strip_parens, Mode, Operand};
use super::ty::*;
use crate::syntax::ast::{BinOp, Expr, ExprKind, UnOp};

impl<'a> Checker<'a> {
    pub(crate) fn unary(&mut self, e: &Expr, op: UnOp, x: &Expr, hint: Option<TypeId>) -> Operand {
        match op {
            UnOp::Addr => {
                // &T{...} is allowed; otherwise the operand must be addressable.
                let inner = strip_parens(x);
                if let ExprKind::CompositeLit { .. } = inner.kind {
                    let h = hint.and_then(|h| match self.tt.under_kind(h) { TypeKind::Pointer(b) => Some(*b), _ => None });
                    let o = self.expr(x, h);
                    if o.mode == Mode::Invalid {
                        return o;
                    }
                    return Operand::value(self.tt.pointer(o.ty));
                }
                let o = self.expr(x, None);
                if o.mode == Mode::Invalid {
                    return o;
                }
                if o.mode != Mode::Var {
                    let d = self.describe(x, &o);
                    self.error(e.span.lo, format!("invalid operation: cannot take address of {}", d));
                    return Operand::invalid();
                }
                self.mark_addressed(x);
                Operand::value(self.tt.pointer(o.ty))
            }
            UnOp::Deref => {
                let o = self.expr_or_type(x, None);
                match o.mode {
                    Mode::Invalid => o,
                    Mode::Type => Operand { mode: Mode::Type, ty: self.tt.pointer(o.ty), val: None },
                    _ => {
                        if o.ty == UNTYPED_NIL {
                            self.error(e.span.lo, "invalid operation: cannot indirect nil");
                            return Operand::invalid();
                        }
                        match self.tt.under_kind(o.ty).clone() {
                            TypeKind::Pointer(b) => Operand { mode: Mode::Var, ty: b, val: None },
                            _ => {
                                let d = self.describe(x, &o);
                                self.error(e.span.lo, format!("invalid operation: cannot indirect {}", d));
                                Operand::invalid()
                            }
                        }
                    }
                }
            }
            UnOp::Recv => {
                let o = self.expr(x, None);
                if o.mode == Mode::Invalid {
                    return o;
                }
                match self.tt.chan_of(o.ty) {
                    Some((ChanDir::Send, _)) => {
                        let d = self.describe(x, &o);
                        self.error(x.span.lo, format!("invalid operation: cannot receive from send-only channel {}", d));
                        Operand::invalid()
                    }
                    Some((_, elem)) => Operand { mode: Mode::CommaOk, ty: elem, val: None },
                    None => {
                        let d = self.describe(x, &o);
                        self.error(x.span.lo, format!("invalid operation: cannot receive from non-channel {}", d));
                        Operand::invalid()
                    }
                }
            }
            UnOp::Tilde => {
                self.error(e.span.lo, "invalid use of ~");
                Operand::invalid()
            }
            UnOp::Pos | UnOp::Neg | UnOp::Not | UnOp::Xor => {
                let mut o = self.expr(x, hint);
                if o.mode == Mode::Invalid {
                    return o;
                }
                let ok = match op {
                    UnOp::Not => self.tt.is_boolean(o.ty),
                    UnOp::Xor => self.tt.is_integer(o.ty),
                    _ => self.tt.is_numeric(o.ty),
                };
                if !ok {
                    let d = self.describe(x, &o);
                    let what = match op { UnOp::Not => "boolean", UnOp::Xor => "integer", _ => "numeric" };
                    let _ = what;
                    self.error(x.span.lo, format!("invalid operation: operator {} not defined on {}", op.text(), d));
                    return Operand::invalid();
                }
                if let Some(v) = o.val.take() {
                    let r = match (op, v) {
                        (UnOp::Pos, v) => Some(v),
                        (UnOp::Neg, Const::Int(i)) => Some(Const::Int(-i)),
                        (UnOp::Neg, Const::Float(f)) => Some(Const::Float(-f)),
                        (UnOp::Neg, Const::Complex(re, im)) => Some(Const::Complex(-re, -im)),
                        (UnOp::Not, Const::Bool(b)) => Some(Const::Bool(!b)),
                        (UnOp::Xor, Const::Int(i)) => {
                            if self.tt.is_unsigned(o.ty) {
                                let bits = self.tt.size(o.ty) * 8;
                                let mask = (BigInt::one() << bits as usize) - 1;
                                Some(Const::Int(mask ^ i))
                            } else {
                                Some(Const::Int(-i - 1))
                            }
                        }
                        _ => None,
                    };
                    let Some(r) = r else { return Operand::invalid() };
                    if !self.tt.is_untyped(o.ty) {
                        if self.representable(&r, o.ty).is_none() {
                            let t = self.tt.name(o.ty);
                            self.error(e.span.lo, format!("constant {} overflows {}", r.describe(), t));
                            return Operand::invalid();
                        }
                    }
                    return Operand::konst(o.ty, r);
                }
                Operand::value(o.ty)
            }
        }
    }

    pub(crate) fn mark_addressed(&mut self, x: &Expr) {
        let x = strip_parens(x);
        match &x.kind {
            ExprKind::Ident(_) => {
                if let Some(&o) = self.info.uses.get(&x.id) {
                    self.info.addressed.insert(o);
                }
            }
            ExprKind::Selector(b, _) => {
                if let Some(super::check::Selection::Field { derefs, .. }) = self.info.selections.get(&x.id) {
                    if !derefs.iter().any(|d| *d) {
                        let b = (**b).clone();
                        self.mark_addressed(&b);
                    }
                }
            }
            ExprKind::Index(b, _) => {
                if matches!(self.info.types.get(&b.id).map(|t| self.tt.under_kind(*t).clone()), Some(TypeKind::Array(..))) {
                    let b = (**b).clone();
                    self.mark_addressed(&b);
                }
            }
            _ => {}
        }
    }

    pub(crate) fn binary(&mut self, e: &Expr, op: BinOp, l: &Expr, r: &Expr, hint: Option<TypeId>) -> Operand {
        if op.is_shift() {
            return self.shift(e, op, l, r, hint);
        }
        let mut lo = self.expr(l, None);
        let mut ro = self.expr(r, None);
        if lo.mode == Mode::Invalid || ro.mode == Mode::Invalid {
            return Operand::invalid();
        }
        // A comparison with nil stays one after nil takes the other side's type.
        let nil_cmp = lo.ty == UNTYPED_NIL || ro.ty == UNTYPED_NIL;
        // Untyped operands take the other side's type.
        if self.tt.is_untyped(lo.ty) && !self.tt.is_untyped(ro.ty) {
            let t = ro.ty;
            self.convert_operand(l, &mut lo, t, e, &ro, r);
        } else if self.tt.is_untyped(ro.ty) && !self.tt.is_untyped(lo.ty) {
            let t = lo.ty;
            self.convert_operand(r, &mut ro, t, e, &lo, l);
        } else if self.tt.is_untyped(lo.ty) && self.tt.is_untyped(ro.ty) && lo.ty != ro.ty {
            if lo.ty == UNTYPED_NIL || ro.ty == UNTYPED_NIL {
                // handled below
            } else if self.tt.is_numeric(lo.ty) && self.tt.is_numeric(ro.ty) {
                let rank = |t| match t { UNTYPED_INT => 0, UNTYPED_RUNE => 1, UNTYPED_FLOAT => 2, _ => 3 };
                let t = if rank(lo.ty) > rank(ro.ty) { lo.ty } else { ro.ty };
                lo.ty = t;
                ro.ty = t;
            }
        }
        if lo.mode == Mode::Invalid || ro.mode == Mode::Invalid {
            return Operand::invalid();
        }
        let text = crate::syntax::dump::expr_string(e);
        if op.is_comparison() {
            return self.comparison(op, l, &lo, &ro, &text, nil_cmp);
        }
        if op == BinOp::LAnd || op == BinOp::LOr {
            if !self.tt.is_boolean(lo.ty) || !self.tt.is_boolean(ro.ty) {
                let bad = if !self.tt.is_boolean(lo.ty) { self.describe(l, &lo) } else { self.describe(r, &ro) };
                let _ = bad;
                let t = if !self.tt.is_boolean(lo.ty) { lo.ty } else { ro.ty };
                self.error(l.span.lo, format!("invalid operation: operator {} not defined on {} ({} of type {})", op.text(), self.sm.snippet(if !self.tt.is_boolean(lo.ty) { l.span } else { r.span }), if lo.mode == Mode::Const { "constant" } else { "variable" }, self.tt.name(t)));
                return Operand::invalid();
            }
        }
        if lo.ty != ro.ty && !(lo.ty == UNTYPED_NIL || ro.ty == UNTYPED_NIL) {
            let (a, b) = (self.tt.name(lo.ty), self.tt.name(ro.ty));
            self.error(l.span.lo, format!("invalid operation: {} (mismatched types {} and {})", text, a, b));
            return Operand::invalid();
        }
        let t = lo.ty;
        let ok = match op {
            BinOp::Add if self.tt.is_type_param(t) => self.tt.all_terms(t, &|tt, x| tt.basic(x).map_or(false, |b| b.is_numeric() || b.is_string())),
            BinOp::Add => self.tt.is_numeric(t) || self.tt.is_string(t),
            BinOp::Sub | BinOp::Mul | BinOp::Quo => self.tt.is_numeric(t),
            BinOp::Rem | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot => self.tt.is_integer(t),
            BinOp::LAnd | BinOp::LOr => self.tt.is_boolean(t),
            _ => false,
        };
        if !ok {
            let d = self.describe(l, &lo);
            self.error(l.span.lo, format!("invalid operation: operator {} not defined on {}", op.text(), d));
            return Operand::invalid();
        }
        if matches!(op, BinOp::Quo | BinOp::Rem) {
            if let Some(v) = &ro.val {
                if v.to_rat().map_or(false, |r| r.is_zero()) && (self.tt.is_integer(t) || lo.val.is_some()) {
                    self.error(r.span.lo, "invalid operation: division by zero");
                    return Operand::invalid();
                }
            }
        }
        if let (Some(a), Some(b)) = (&lo.val, &ro.val) {
            let Some(v) = self.const_binary(op, a, b, t) else { return Operand::invalid() };
            if too_big(&v) {
                let pos = self.op_pos(l);
                self.error(pos, format!("constant {} overflow", op_name(op)));
                return Operand::invalid();
            }
            if !self.tt.is_untyped(t) && self.representable(&v, t).is_none() {
                let tn = self.tt.name(t);
                self.error(e.span.lo, format!("constant {} overflows {}", v.describe(), tn));
                return Operand::invalid();
            }
            let v = if !self.tt.is_untyped(t) { self.representable(&v, t).unwrap() } else { v };
            return Operand::konst(t, v);
        }
        Operand::value(t)
    }

    /// Converts the untyped operand `x` of a binary operation to the other operand's type `t`,
    /// with gc's binary-operation wording for failures.
    pub(crate) fn convert_operand(&mut self, x: &Expr, xo: &mut Operand, t: TypeId, e: &Expr, other: &Operand, oe: &Expr) {
        let nillable = matches!(self.tt.under_kind(t), TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Interface(_) | TypeKind::Basic(Basic::UnsafePointer));
        if self.tt.is_interface(t) && xo.ty != UNTYPED_NIL {
            // `x == 3` with an interface x: 3 takes its default type, which must implement it.
            let d = self.tt.default_type(xo.ty);
            if !super::methods::implements(&self.tt, d, t) {
                let desc = self.describe(x, xo);
                self.error(x.span.lo, format!("cannot convert {} to {}", desc, self.tt.name(t)));
                *xo = Operand::invalid();
                return;
            }
            let _ = (e, other, oe);
            self.convert_untyped(x, xo, d);
            return;
        }
        if xo.ty != UNTYPED_NIL && xo.val.is_some() && self.tt.basic(t).is_none() && !self.tt.is_interface(t) && !self.tt.is_type_param(t) {
            // An untyped constant compared with a pointer, channel, map...: gc says it cannot
            // be converted.
            let desc = self.describe(x, xo);
            self.error(x.span.lo, format!("cannot convert {} to {}", desc, self.tt.name(t)));
            *xo = Operand::invalid();
            return;
        }
        let compatible = (xo.ty == UNTYPED_NIL && nillable)
            || (self.tt.is_numeric(xo.ty) && self.tt.is_numeric(t))
            || (self.tt.is_string(xo.ty) && self.tt.is_string(t))
            || (self.tt.is_boolean(xo.ty) && self.tt.is_boolean(t));
        if !compatible {
            let text = crate::syntax::dump::expr_string(e);
            let (a, b) = if x.span.lo < oe.span.lo { (xo.ty, other.ty) } else { (other.ty, xo.ty) };
            let msg = format!("invalid operation: {} (mismatched types {} and {})", text, self.tt.name(a), self.tt.name(b));
            // gc reports at the operation, or at the nil that cannot be converted.
            let pos = if xo.ty == UNTYPED_NIL { x.span.lo } else { x.span.lo.min(oe.span.lo) };
            self.error(pos, msg);
            *xo = Operand::invalid();
            return;
        }
        if let Some(v) = &xo.val {
            if self.tt.basic(t).is_some() && self.representable(v, t).is_none() {
                let why = if self.tt.is_integer(t) && v.to_int().is_none() { "truncated to" } else { "overflows" };
                let msg = format!("{} {} {}", self.describe(x, xo), why, self.tt.name(t));
                self.error(x.span.lo, msg);
                *xo = Operand::invalid();
                return;
            }
        }
        self.convert_untyped(x, xo, t);
    }

    pub(crate) fn comparison(&mut self, op: BinOp, l: &Expr, lo: &Operand, ro: &Operand, text: &str, nil_cmp: bool) -> Operand {
        if nil_cmp {
            let other = if lo.ty == UNTYPED_NIL { ro.ty } else { lo.ty };
            let ok = matches!(self.tt.under_kind(other), TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Interface(_) | TypeKind::Basic(Basic::UnsafePointer)) || other == UNTYPED_NIL;
            if !ok || !matches!(op, BinOp::Eql | BinOp::Neq) {
                self.error(l.span.lo, format!("invalid operation: {} (mismatched types {} and {})", text, self.tt.name(lo.ty), self.tt.name(ro.ty)));
                return Operand::invalid();
            }
            if other == UNTYPED_NIL {
                self.error(l.span.lo, format!("invalid operation: {} (operator {} not defined on nil)", text, op.text()));
                return Operand::invalid();
            }
            return Operand::value(UNTYPED_BOOL);
        }
        // Operands of different types compare when one is assignable to the other (an
        // interface and a type implementing it); the comparison is in the interface type.
        let t = if lo.ty == ro.ty {
            lo.ty
        } else if self.tt.is_interface(ro.ty) && self.assignable(lo.ty, ro.ty) {
            if !self.comparable(lo.ty) {
                let d = self.describe(l, lo);
                self.error(l.span.lo, format!("invalid operation: {} (operator {} not defined on {})", text, op.text(), d));
                return Operand::invalid();
            }
            ro.ty
        } else if self.tt.is_interface(lo.ty) && self.assignable(ro.ty, lo.ty) {
            if !self.comparable(ro.ty) {
                let d = self.tt.name(ro.ty);
                self.error(l.span.lo, format!("invalid operation: {} (operator {} not defined on {})", text, op.text(), d));
                return Operand::invalid();
            }
            lo.ty
        } else if self.assignable(lo.ty, ro.ty) || self.assignable(ro.ty, lo.ty) {
            // A defined type and an unnamed type with its underlying type.
            lo.ty
        } else {
            if !self.tt.has_invalid(lo.ty) && !self.tt.has_invalid(ro.ty) {
                self.error(l.span.lo, format!("invalid operation: {} (mismatched types {} and {})", text, self.tt.name(lo.ty), self.tt.name(ro.ty)));
            }
            return Operand::invalid();
        };
        let ordered = if self.tt.is_type_param(t) {
            self.tt.all_terms(t, &|tt, x| tt.basic(x).map_or(false, |b| (b.is_numeric() && !b.is_complex()) || b.is_string()))
        } else {
            (self.tt.is_numeric(t) && !self.tt.basic(t).map_or(false, |b| b.is_complex())) || self.tt.is_string(t)
        };
        let comparable = self.comparable(t);
        let ok = if matches!(op, BinOp::Eql | BinOp::Neq) { comparable } else { ordered };
        if !ok {
            let what = match self.tt.under_kind(t) {
                TypeKind::Slice(_) => "slice can only be compared to nil".to_string(),
                TypeKind::Func(_) => "func can only be compared to nil".to_string(),
                TypeKind::Map(..) => "map can only be compared to nil".to_string(),
                _ => format!("operator {} not defined on {}", op.text(), self.describe(l, lo)),
            };
            self.error(l.span.lo, format!("invalid operation: {} ({})", text, what));
            return Operand::invalid();
        }
        if let (Some(a), Some(b)) = (&lo.val, &ro.val) {
            let res = match (a, b) {
                (Const::String(x), Const::String(y)) => cmp_result(op, x.cmp(y)),
                (Const::Bool(x), Const::Bool(y)) => cmp_result(op, x.cmp(y)),
                (Const::Complex(..), _) | (_, Const::Complex(..)) => {
                    let eq = a.to_complex() == b.to_complex();
                    if op == BinOp::Eql { eq } else { !eq }
                }
                _ => {
                    let (x, y) = (a.to_rat(), b.to_rat());
                    match (x, y) {
                        (Some(x), Some(y)) => cmp_result(op, x.cmp(&y)),
                        _ => false,
                    }
                }
            };
            return Operand::konst(UNTYPED_BOOL, Const::Bool(res));
        }
        Operand::value(UNTYPED_BOOL)
    }

    pub fn comparable(&self, t: TypeId) -> bool {
        self.tt.comparable(t)
    }

    pub(crate) fn const_binary(&mut self, op: BinOp, a: &Const, b: &Const, t: TypeId) -> Option<Const> {
        use BinOp::*;
        Some(match (a, b) {
            (Const::String(x), Const::String(y)) if op == Add => Const::String([x.as_slice(), y.as_slice()].concat()),
            (Const::Bool(x), Const::Bool(y)) => Const::Bool(if op == LAnd { *x && *y } else { *x || *y }),
            _ if matches!(a, Const::Complex(..)) || matches!(b, Const::Complex(..)) || self.tt.basic(t).map_or(false, |b| b.is_complex()) => {
                let ((ar, ai), (br, bi)) = (a.to_complex()?, b.to_complex()?);
                let (r, i) = match op {
                    Add => (ar + br, ai + bi),
                    Sub => (ar - br, ai - bi),
                    Mul => (&ar * &br - &ai * &bi, &ar * &bi + &ai * &br),
                    Quo => {
                        let d = &br * &br + &bi * &bi;
                        if d.is_zero() {
                            return None;
                        }
                        ((&ar * &br + &ai * &bi) / &d, (&ai * &br - &ar * &bi) / &d)
                    }
                    _ => return None,
                };
                Const::Complex(r, i)
            }
            _ => {
                let int_ops = self.tt.is_integer(t) || (matches!(a, Const::Int(_)) && matches!(b, Const::Int(_)) && t != UNTYPED_FLOAT);
                if int_ops {
                    let (x, y) = (a.to_int()?, b.to_int()?);
                    Const::Int(match op {
                        Add => x + y,
                        Sub => x - y,
                        Mul => x * y,
                        Quo => {
                            if y.is_zero() { return None; }
                            x / y
                        }
                        Rem => {
                            if y.is_zero() { return None; }
                            x % y
                        }
                        And => x & y,
                        Or => x | y,
                        Xor => x ^ y,
                        AndNot => {
                            // x &^ y == x & !y, with y's complement in two's complement
                            x & (-y - 1)
                        }
                        _ => return None,
                    })
                } else {
                    let (x, y) = (a.to_rat()?, b.to_rat()?);
                    Const::Float(match op {
                        Add => x + y,
                        Sub => x - y,
                        Mul => x * y,
                        Quo => {
                            if y.is_zero() { return None; }
                            x / y
                        }
                        _ => return None,
                    })
                }
            }
        })
    }

    pub(crate) fn shift(&mut self, e: &Expr, op: BinOp, l: &Expr, r: &Expr, hint: Option<TypeId>) -> Operand {
        let mut lo = self.expr(l, None);
        let mut ro = self.expr(r, None);
        if lo.mode == Mode::Invalid || ro.mode == Mode::Invalid {
            return Operand::invalid();
        }
        // The right operand: an integer, or an untyped constant representable as uint.
        if self.tt.is_untyped(ro.ty) && ro.val.is_none() && self.tt.is_integer(ro.ty) {
            // A non-constant untyped shift (`1 << s`) used as a count.
            self.convert_untyped(r, &mut ro, UINT);
        } else if self.tt.is_untyped(ro.ty) {
            match ro.val.as_ref().and_then(|v| v.to_int()) {
                Some(i) if !i.is_negative() => {
                    self.convert_untyped(r, &mut ro, UINT);
                }
                Some(_) => {
                    let d = self.describe(r, &ro);
                    self.error(r.span.lo, format!("invalid operation: negative shift count {}", d));
                    return Operand::invalid();
                }
                None => {
                    let d = self.describe(r, &ro);
                    self.error(r.span.lo, format!("invalid operation: shift count {} must be integer", d));
                    return Operand::invalid();
                }
            }
        } else if !self.tt.is_integer(ro.ty) {
            let d = self.describe(r, &ro);
            self.error(r.span.lo, format!("invalid operation: shift count {} must be integer", d));
            return Operand::invalid();
        } else if let Some(v) = &ro.val {
            if v.to_int().map_or(false, |i| i.is_negative()) {
                let d = self.describe(r, &ro);
                self.error(r.span.lo, format!("invalid operation: negative shift count {}", d));
                return Operand::invalid();
            }
        }
        if ro.mode == Mode::Invalid {
            return Operand::invalid();
        }
        // The left operand: an integer, or an untyped constant representable as an integer.
        if let (Some(lv), true) = (&lo.val, self.tt.is_untyped(lo.ty)) {
            if lv.to_int().is_none() {
                let d = self.describe(l, &lo);
                self.error(l.span.lo, format!("invalid operation: shifted operand {} must be integer", d));
                return Operand::invalid();
            }
            if ro.val.is_none() {
                // Non-constant shift of an untyped constant: it takes the type the context
                // would give it.
                // Without a typed context the shift stays untyped (a non-constant untyped
                // int) and takes its type when converted, as the other operand's in `v | 1<<s`.
                let Some(t) = hint.filter(|h| !self.tt.is_untyped(*h)) else {
                    return Operand::value(UNTYPED_INT);
                };
                // In an interface's place (`fmt.Println(1 << n)`) the constant would take its
                // default type.
                let t = if self.tt.is_interface(t) { self.tt.default_type(lo.ty) } else { t };
                if !self.tt.is_integer(t) {
                    let text = crate::syntax::dump::expr_string(e);
                    self.error(l.span.lo, format!("invalid operation: {} (shift of type {})", text, self.tt.name(t)));
                    return Operand::invalid();
                }
                self.convert_untyped(l, &mut lo, t);
                return Operand::value(t);
            }
            if lo.ty == UNTYPED_FLOAT {
                lo.ty = UNTYPED_INT;
                lo.val = lv.to_int().map(Const::Int);
            }
        } else if !self.tt.is_integer(lo.ty) {
            let d = self.describe(l, &lo);
            self.error(l.span.lo, format!("invalid operation: shifted operand {} must be integer", d));
            return Operand::invalid();
        }
        if let (Some(a), Some(b)) = (&lo.val, &ro.val) {
            let (x, s) = (a.to_int().unwrap(), b.to_int().unwrap());
            let Some(s) = s.to_u32().filter(|s| *s < 10000) else {
                self.error(r.span.lo, format!("invalid shift count {}", b.describe()));
                return Operand::invalid();
            };
            if op == BinOp::Shl && x.bits() + s as u64 > CONST_BITS {
                let pos = self.op_pos(l);
                self.error(pos, "constant shift overflow");
                return Operand::invalid();
            }
            let v = if op == BinOp::Shl { x << s as usize } else { x >> s as usize };
            let v = Const::Int(v);
            if !self.tt.is_untyped(lo.ty) {
                match self.representable(&v, lo.ty) {
                    Some(v) => return Operand::konst(lo.ty, v),
                    None => {
                        let tn = self.tt.name(lo.ty);
                        self.error(e.span.lo, format!("constant {} overflows {}", v.describe(), tn));
                        return Operand::invalid();
                    }
                }
            }
            return Operand::konst(lo.ty, v);
        }
        Operand::value(lo.ty)
    }

    /// Where the operator of a binary expression with left operand `l` stands (gc reports
    /// constant overflow there): the first non-blank character after `l`.
    pub(crate) fn op_pos(&self, l: &Expr) -> u32 {
        let fi = self.sm.file_of(l.span.hi);
        let f = &self.sm.files[fi];
        let off = (l.span.hi - f.base) as usize;
        let skip = f.text[off..].chars().take_while(|c| c.is_whitespace() || *c == ')').map(|c| c.len_utf8()).sum::<usize>();
        l.span.hi + skip as u32
    }
}

/// gc keeps untyped integer constants within 512 bits.
const CONST_BITS: u64 = 512;

fn too_big(v: &Const) -> bool {
    match v {
        Const::Int(i) => i.bits() > CONST_BITS,
        // Rationals: bound their size so that repeated multiplication cannot hang.
        Const::Float(f) => f.numer().bits() + f.denom().bits() > 64 * CONST_BITS,
        _ => false,
    }
}

fn op_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "addition",
        BinOp::Sub => "subtraction",
        BinOp::Mul => "multiplication",
        BinOp::Xor => "bitwise XOR",
        BinOp::Shl => "shift",
        _ => "operation",
    }
}

fn cmp_result(op: BinOp, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        BinOp::Eql => o == Equal,
        BinOp::Neq => o != Equal,
        BinOp::Lss => o == Less,
        BinOp::Leq => o != Greater,
        BinOp::Gtr => o == Greater,
        BinOp::Geq => o != Less,
        _ => false,
    }
}
