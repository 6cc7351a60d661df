//! Expressions and types: operands, untyped constants and their conversion, assignability,
//! operators, selectors, indexing, calls, composite and function literals.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::check::{Builtin, Checker, ObjKind};
use super::constant::{self, Const};
use super::ty::*;
use crate::syntax::ast::{self, BinOp, Expr, ExprKind, UnOp};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Invalid,
    NoValue,
    Value,
    /// An addressable value (variable, pointer indirection, slice element, field of those).
    Var,
    /// A map index expression (assignable, not addressable).
    MapIndex,
    Const,
    Type,
    Builtin(Builtin),
    Package(usize),
    /// A multi-value call result.
    Tuple,
    /// A value that also has a two-value "comma, ok" form: a type assertion (map index
    /// expressions are `MapIndex`).
    CommaOk,
}

#[derive(Clone, Debug)]
pub struct Operand {
    pub mode: Mode,
    pub ty: TypeId,
    pub val: Option<Const>,
}

impl Operand {
    pub fn invalid() -> Operand {
        Operand { mode: Mode::Invalid, ty: INVALID, val: None }
    }
    pub(crate) fn value(ty: TypeId) -> Operand {
        Operand { mode: Mode::Value, ty, val: None }
    }
    pub(crate) fn konst(ty: TypeId, v: Const) -> Operand {
        Operand { mode: Mode::Const, ty, val: Some(v) }
    }
}

const MAX_DEPTH: u32 = 250_000;

impl<'a> Checker<'a> {
    pub(crate) fn record(&mut self, e: &Expr, op: &Operand) {
        if op.mode == Mode::Invalid {
            return;
        }
        self.info.types.insert(e.id, op.ty);
        if let Some(v) = &op.val {
            self.info.consts.insert(e.id, v.clone());
        }
        if op.mode == Mode::Type {
            self.info.type_exprs.insert(e.id);
        }
    }

    /// gc's description of an operand in messages: `x (variable of type int)`.
    pub fn describe(&self, e: &Expr, op: &Operand) -> String {
        let text = crate::syntax::dump::expr_string(e);
        let t = self.tt.name(op.ty);
        match op.mode {
            Mode::Const => {
                let v = op.val.as_ref().map(|v| v.describe()).unwrap_or_default();
                if !self.tt.is_untyped(op.ty) {
                    format!("{} (constant {} of type {})", text, v, t)
                } else if text == v {
                    format!("{} ({} constant)", text, t)
                } else {
                    format!("{} ({} constant {})", text, t, v)
                }
            }
            Mode::Var | Mode::MapIndex => format!("{} (variable of type {})", text, t),
            Mode::Value if op.ty == UNTYPED_NIL => "nil".to_string(),
            Mode::Value | Mode::CommaOk => format!("{} (value of type {})", text, t),
            Mode::Type => format!("{} (type)", text),
            Mode::NoValue => format!("{} (no value)", text),
            _ => text,
        }
    }

    /// Evaluates a type expression.
    pub fn type_expr(&mut self, e: &Expr) -> TypeId {
        let t = self.type_expr_inner(e);
        self.info.types.insert(e.id, t);
        self.info.type_exprs.insert(e.id);
        t
    }

    fn type_expr_inner(&mut self, e: &Expr) -> TypeId {
        match &e.kind {
            ExprKind::Ident(_) | ExprKind::Selector(..) => {
                let op = self.expr_or_type(e, None);
                match op.mode {
                    Mode::Type => {
                        if op.ty == INVALID {
                            if let ExprKind::Ident(n) = &e.kind {
                                if n == "comparable" {
                                    self.unsupported(e.span.lo, "type comparable (a generic constraint)");
                                }
                            }
                        }
                        op.ty
                    }
                    Mode::Invalid => INVALID,
                    _ => {
                        let d = self.sm.snippet(e.span).to_string();
                        self.error(e.span.lo, format!("{} is not a type", d));
                        INVALID
                    }
                }
            }
            ExprKind::Paren(x) => self.type_expr(x),
            ExprKind::Unary(UnOp::Deref, x) => {
                let t = self.type_expr(x);
                self.tt.pointer(t)
            }
            ExprKind::SliceType(x) => {
                let t = self.type_expr(x);
                self.tt.slice(t)
            }
            ExprKind::ArrayType { len: Some(n), elem } => {
                let op = self.expr(n, None);
                let et = self.type_expr(elem);
                let len = match (&op.mode, &op.val) {
                    (Mode::Const, Some(v)) if self.tt.is_integer(op.ty) || v.to_int().is_some() => match v.to_int().and_then(|i| i.to_i64()) {
                        Some(n) if n >= 0 => n as u64,
                        _ => {
                            let d = self.describe(n, &op);
                            self.error(n.span.lo, format!("invalid array length {}", d));
                            return INVALID;
                        }
                    },
                    (Mode::Invalid, _) => return INVALID,
                    _ => {
                        let d = self.sm.snippet(n.span).to_string();
                        self.error(n.span.lo, format!("array length {} (value of type {}) must be constant", d, self.tt.name(op.ty)));
                        return INVALID;
                    }
                };
                self.tt.intern(TypeKind::Array(len, et))
            }
            ExprKind::ArrayType { len: None, .. } => {
                self.error(e.span.lo, "invalid use of [...] array (outside a composite literal)");
                INVALID
            }
            ExprKind::StructType(fields) => {
                let mut fs = vec![];
                let mut seen = std::collections::HashSet::new();
                for f in fields {
                    let t = self.type_expr(&f.ty);
                    if f.names.is_empty() {
                        // Embedded field: named after its type.
                        let mut base = &f.ty;
                        if let ExprKind::Unary(UnOp::Deref, b) = &base.kind {
                            base = b;
                        }
                        let name = match &base.kind {
                            ExprKind::Ident(n) => n.clone(),
                            ExprKind::Selector(_, s) => s.name.clone(),
                            _ => "?".into(),
                        };
                        if !seen.insert(name.clone()) {
                            self.error(f.ty.span.lo, format!("{} redeclared", name));
                        }
                        fs.push(Field { name, ty: t, embedded: true });
                    }
                    for n in &f.names {
                        if n.name != "_" && !seen.insert(n.name.clone()) {
                            self.error(n.span.lo, format!("{} redeclared", n.name));
                        }
                        fs.push(Field { name: n.name.clone(), ty: t, embedded: false });
                    }
                }
                self.tt.intern(TypeKind::Struct(fs))
            }
            ExprKind::FuncType(ft) => {
                let s = self.signature(ft);
                self.tt.intern(TypeKind::Func(s))
            }
            ExprKind::MapType(k, v) => {
                let kt = self.type_expr(k);
                let vt = self.type_expr(v);
                if kt == INVALID || vt == INVALID {
                    return INVALID;
                }
                // A key type still being declared is checked when it is complete.
                if self.tt.under(kt) != INVALID && !self.comparable(kt) {
                    let kn = self.tt.name(kt);
                    self.error(k.span.lo, format!("invalid map key type {}", kn));
                    return INVALID;
                }
                self.tt.intern(TypeKind::Map(kt, vt))
            }
            ExprKind::ChanType(..) => {
                self.unsupported(e.span.lo, "channel type");
                INVALID
            }
            ExprKind::InterfaceType(elems) => self.interface_type(e, elems),
            ExprKind::Index(..) => {
                self.unsupported(e.span.lo, "generic type instantiation");
                INVALID
            }
            _ => {
                let d = self.sm.snippet(e.span).to_string();
                self.error(e.span.lo, format!("{} is not a type", d));
                INVALID
            }
        }
    }

    /// Evaluates an expression that must be a single value; `hint` is the type the context
    /// expects (for untyped constants and elided composite literal types).
    pub fn expr(&mut self, e: &Expr, hint: Option<TypeId>) -> Operand {
        let op = self.expr_or_type(e, hint);
        self.single_value(e, op)
    }

    /// Checks that an evaluated operand is one value (not a type, nothing, or several).
    pub fn single_value(&mut self, e: &Expr, op: Operand) -> Operand {
        match op.mode {
            Mode::Type => {
                let d = self.sm.snippet(e.span).to_string();
                self.error(e.span.lo, format!("{} (type) is not an expression", d));
                Operand::invalid()
            }
            Mode::NoValue => {
                let d = self.sm.snippet(e.span).to_string();
                self.error(e.span.lo, format!("{} (no value) used as value", d));
                Operand::invalid()
            }
            Mode::Builtin(_) => {
                let d = self.sm.snippet(e.span).to_string();
                self.error(e.span.lo, format!("{} (built-in) must be called", d));
                Operand::invalid()
            }
            Mode::Package(_) => {
                let d = self.sm.snippet(e.span).to_string();
                self.error(e.span.lo, format!("use of package {} without selector", d));
                Operand::invalid()
            }
            Mode::Tuple => {
                let d = self.sm.snippet(e.span).to_string();
                let n = match self.tt.kind(op.ty) { TypeKind::Tuple(t) => t.len(), _ => 0 };
                self.error(e.span.lo, format!("multiple-value {} (value of type {}) in single-value context", d, self.tt.name(op.ty)));
                let _ = n;
                Operand::invalid()
            }
            _ => op,
        }
    }

    /// An expression in a context that allows a type too (conversions, builtin arguments).
    pub fn expr_or_type(&mut self, e: &Expr, hint: Option<TypeId>) -> Operand {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            self.error(e.span.lo, "expression nested too deeply");
            return Operand::invalid();
        }
        let op = self.expr_inner(e, hint);
        self.depth -= 1;
        self.record(e, &op);
        op
    }

    fn expr_inner(&mut self, e: &Expr, hint: Option<TypeId>) -> Operand {
        match &e.kind {
            ExprKind::Bad => Operand::invalid(),
            ExprKind::Ident(name) => self.ident(e, name),
            ExprKind::BasicLit(kind, text) => self.basic_lit(e, *kind, text),
            ExprKind::Paren(x) => {
                let op = self.expr_or_type(x, hint);
                op
            }
            ExprKind::Unary(op, x) => self.unary(e, *op, x, hint),
            ExprKind::Binary(op, l, r) => self.binary(e, *op, l, r, hint),
            ExprKind::Call { fun, args, ellipsis } => self.call(e, fun, args, *ellipsis),
            ExprKind::Selector(x, sel) => self.selector(e, x, sel),
            ExprKind::Index(x, idx) => self.index(e, x, idx),
            ExprKind::Slice { x, lo, hi, max } => self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref()),
            ExprKind::CompositeLit { ty, elems, .. } => self.composite(e, ty.as_deref(), elems, hint),
            ExprKind::FuncLit { ty, body } => self.func_lit(e, ty, body),
            ExprKind::TypeAssert(x, t) => self.type_assert(e, x, t.as_deref()),
            ExprKind::ArrayType { .. } | ExprKind::SliceType(_) | ExprKind::StructType(_) | ExprKind::FuncType(_)
            | ExprKind::InterfaceType(_) | ExprKind::MapType(..) | ExprKind::ChanType(..) => {
                let t = self.type_expr_inner(e);
                if t == INVALID {
                    return Operand::invalid();
                }
                Operand { mode: Mode::Type, ty: t, val: None }
            }
            ExprKind::Ellipsis(_) | ExprKind::Union(_) => {
                self.error(e.span.lo, "invalid use of ...");
                Operand::invalid()
            }
        }
    }

    fn ident(&mut self, e: &Expr, name: &str) -> Operand {
        if name == "_" {
            self.error(e.span.lo, "cannot use _ as value");
            return Operand::invalid();
        }
        let Some(o) = self.lookup(name) else {
            self.error(e.span.lo, format!("undefined: {}", name));
            return Operand::invalid();
        };
        self.info.uses.insert(e.id, o);
        if self.obj(o).global {
            self.resolve(o);
        }
        self.info.objects[o as usize].used = true;
        let ob = self.obj(o).clone();
        match ob.kind {
            ObjKind::Var => {
                if ob.ty == INVALID {
                    return Operand::invalid();
                }
                Operand { mode: Mode::Var, ty: ob.ty, val: None }
            }
            ObjKind::Const(v) => {
                if name == "iota" && ob.pkg == usize::MAX {
                    return match self.iota {
                        Some(i) => Operand::konst(UNTYPED_INT, Const::Int(i.into())),
                        None => {
                            self.error(e.span.lo, "cannot use iota outside constant declaration");
                            Operand::invalid()
                        }
                    };
                }
                if ob.ty == INVALID {
                    return Operand::invalid();
                }
                Operand::konst(ob.ty, v)
            }
            ObjKind::TypeName => {
                if ob.ty == INVALID && !matches!(name, "error" | "any" | "comparable") {
                    return Operand::invalid();
                }
                Operand { mode: Mode::Type, ty: ob.ty, val: None }
            }
            ObjKind::Func => Operand { mode: Mode::Value, ty: ob.ty, val: None },
            ObjKind::Builtin(b) => Operand { mode: Mode::Builtin(b), ty: INVALID, val: None },
            ObjKind::Nil => Operand { mode: Mode::Value, ty: UNTYPED_NIL, val: None },
            ObjKind::Package(p) => Operand { mode: Mode::Package(p), ty: INVALID, val: None },
        }
    }

    fn basic_lit(&mut self, e: &Expr, kind: ast::LitKind, text: &str) -> Operand {
        use ast::LitKind::*;
        match kind {
            Int => match constant::parse_int(text) {
                Some(v) => Operand::konst(UNTYPED_INT, Const::Int(v)),
                None => {
                    let msg = if text.starts_with('0') && text.len() > 1 && text[1..].chars().all(|c| c.is_ascii_digit() || c == '_') {
                        format!("invalid digit {:?} in octal literal", text.chars().find(|c| *c == '8' || *c == '9').unwrap_or('8'))
                    } else {
                        format!("invalid integer literal {}", text)
                    };
                    self.error(e.span.lo, msg.replace('"', "'"));
                    Operand::invalid()
                }
            },
            Float if constant::exponent_too_large(text) => {
                self.unsupported(e.span.lo, &format!("floating-point constant {} (decimal exponent beyond ±{})", text, constant::MAX_EXP10));
                Operand::invalid()
            }
            Float => match constant::parse_float(text) {
                Some(v) => Operand::konst(UNTYPED_FLOAT, Const::Float(v)),
                None => {
                    self.error(e.span.lo, format!("invalid floating-point literal {}", text));
                    Operand::invalid()
                }
            },
            Imag => {
                // The mantissa is decimal even with a leading 0 (`0123i` is 123i).
                let mant = text.trim_end_matches('i');
                let v = constant::parse_float(mant).or_else(|| constant::parse_int(mant).map(num_rational::BigRational::from_integer));
                match v {
                    Some(v) => Operand::konst(UNTYPED_COMPLEX, Const::Complex(num_rational::BigRational::zero(), v)),
                    None => {
                        self.error(e.span.lo, format!("invalid imaginary literal {}", text));
                        Operand::invalid()
                    }
                }
            }
            Char => match constant::rune_value(text) {
                Ok(v) => Operand::konst(UNTYPED_RUNE, Const::Int(v.into())),
                Err(m) => {
                    self.error(e.span.lo, m);
                    Operand::invalid()
                }
            },
            String => match constant::unquote(text) {
                Ok(b) => Operand::konst(UNTYPED_STRING, Const::String(b)),
                Err(m) => {
                    self.error(e.span.lo, m);
                    Operand::invalid()
                }
            },
        }
    }

    /// Whether constant `v` is representable as a value of basic type `t` (the spec's
    /// "Representability"); returns the value rounded to the type.
    pub fn representable(&self, v: &Const, t: TypeId) -> Option<Const> {
        let b = self.tt.basic(t)?;
        use Basic::*;
        if b.is_complex() {
            let (re, im) = v.to_complex()?;
            if b == UntypedComplex {
                return Some(Const::Complex(re, im));
            }
            let round = |r: &num_rational::BigRational| -> Option<num_rational::BigRational> {
                let f = constant::rat_to_f64(r);
                let f = if b == Complex64 { f as f32 as f64 } else { f };
                if f.is_infinite() { None } else { constant::f64_to_rat(f) }
            };
            return Some(Const::Complex(round(&re)?, round(&im)?));
        }
        // A complex constant with no imaginary part is a real number.
        let real;
        let v = match v {
            Const::Complex(re, im) if im.is_zero() => {
                real = Const::Float(re.clone());
                &real
            }
            _ => v,
        };
        match (v, b) {
            (Const::Bool(_), Bool | UntypedBool) => Some(v.clone()),
            (Const::String(_), String | UntypedString) => Some(v.clone()),
            (Const::Int(_) | Const::Float(_), _) if b.is_integer() => {
                let i = v.to_int()?;
                let (lo, hi): (BigInt, BigInt) = match b {
                    Int8 => ((-128).into(), 127.into()),
                    Int16 => ((-32768).into(), 32767.into()),
                    Int32 | UntypedRune => (i32::MIN.into(), i32::MAX.into()),
                    Int | Int64 => (i64::MIN.into(), i64::MAX.into()),
                    Uint8 => (0.into(), 255.into()),
                    Uint16 => (0.into(), 65535.into()),
                    Uint32 => (0.into(), u32::MAX.into()),
                    Uint | Uint64 | Uintptr => (0.into(), u64::MAX.into()),
                    UntypedInt => return Some(Const::Int(i)),
                    _ => return None,
                };
                if b == UntypedRune {
                    return Some(Const::Int(i));
                }
                (i >= lo && i <= hi).then_some(Const::Int(i))
            }
            (Const::Int(_) | Const::Float(_), Float32 | Float64 | UntypedFloat) => {
                let r = v.to_rat()?;
                if b == UntypedFloat {
                    return Some(Const::Float(r));
                }
                let f = constant::rat_to_f64(&r);
                let f = if b == Float32 { f as f32 as f64 } else { f };
                if f.is_infinite() {
                    return None;
                }
                Some(Const::Float(constant::f64_to_rat(f)?))
            }
            _ => None,
        }
    }

    /// Converts an untyped operand to type `target` in place (implicit conversion in an
    /// assignment or binary operation). Reports an error and invalidates on failure.
    pub fn convert_untyped(&mut self, e: &Expr, op: &mut Operand, target: TypeId) {
        if op.mode == Mode::Invalid || !self.tt.is_untyped(op.ty) || target == INVALID {
            return;
        }
        if self.tt.is_untyped(target) {
            // Both untyped: the "larger" kind wins (int < rune < float).
            if op.ty != target && self.tt.is_numeric(op.ty) && self.tt.is_numeric(target) {
                let rank = |t| match t { UNTYPED_INT => 0, UNTYPED_RUNE => 1, UNTYPED_FLOAT => 2, _ => 3 };
                if rank(target) > rank(op.ty) {
                    op.ty = target;
                    self.record(e, op);
                }
            }
            return;
        }
        if op.ty == UNTYPED_NIL {
            match self.tt.under_kind(target) {
                TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Interface(_) => {
                    op.ty = target;
                    self.record(e, op);
                }
                TypeKind::Basic(Basic::UnsafePointer) => {
                    op.ty = target;
                    self.record(e, op);
                }
                _ => {
                    let t = self.tt.name(target);
                    self.error(e.span.lo, format!("cannot use nil as {} value in assignment", t));
                    *op = Operand::invalid();
                }
            }
            return;
        }
        if self.tt.is_interface(target) {
            // An untyped constant becomes a value of its default type, which then converts
            // implicitly to the interface.
            let d = self.tt.default_type(op.ty);
            self.convert_untyped(e, op, d);
            if op.mode == Mode::Invalid {
                return;
            }
            if let Some(why) = self.not_implements(d, target) {
                let desc = self.describe(e, op);
                let t = self.tt.name(target);
                self.error(e.span.lo, format!("cannot use {} as {} value in assignment: {}", desc, t, why));
                *op = Operand::invalid();
            }
            return;
        }
        let Some(_) = self.tt.basic(target) else {
            let d = self.describe(e, op);
            let t = self.tt.name(target);
            self.error(e.span.lo, format!("cannot use {} as {} value in assignment", d, t));
            *op = Operand::invalid();
            return;
        };
        match &op.val {
            Some(v) => match self.representable(v, target) {
                Some(v2) => {
                    op.ty = target;
                    op.val = Some(v2);
                    self.record(e, op);
                }
                None => {
                    let d = self.describe(e, op);
                    let t = self.tt.name(target);
                    let compatible = (self.tt.is_numeric(op.ty) && self.tt.is_numeric(target))
                        || (self.tt.is_string(op.ty) && self.tt.is_string(target))
                        || (self.tt.is_boolean(op.ty) && self.tt.is_boolean(target));
                    if compatible && self.tt.is_numeric(target) {
                        let truncated = self.tt.is_integer(target) && v.to_int().is_none();
                        if truncated {
                            self.error(e.span.lo, format!("cannot use {} as {} value in {} (truncated)", d, t, "assignment"));
                        } else {
                            self.error(e.span.lo, format!("cannot use {} as {} value in {} (overflows)", d, t, "assignment"));
                        }
                    } else {
                        self.error(e.span.lo, format!("cannot use {} as {} value in assignment", d, t));
                    }
                    *op = Operand::invalid();
                }
            },
            None => {
                // Untyped non-constant values: bools from comparisons, shifted untyped consts.
                let ok = (self.tt.is_boolean(op.ty) && self.tt.is_boolean(target))
                    || (self.tt.is_numeric(op.ty) && self.tt.is_numeric(target));
                if ok {
                    op.ty = target;
                    self.update_untyped(e, target);
                } else {
                    let d = self.describe(e, op);
                    let t = self.tt.name(target);
                    self.error(e.span.lo, format!("cannot use {} as {} value in assignment", d, t));
                    *op = Operand::invalid();
                }
            }
        }
    }

    /// Where the operator of a binary expression with left operand `l` stands (gc reports
    /// constant overflow there): the first non-blank character after `l`.
    fn op_pos(&self, l: &Expr) -> u32 {
        let fi = self.sm.file_of(l.span.hi);
        let f = &self.sm.files[fi];
        let off = (l.span.hi - f.base) as usize;
        let skip = f.text[off..].chars().take_while(|c| c.is_whitespace() || *c == ')').map(|c| c.len_utf8()).sum::<usize>();
        l.span.hi + skip as u32
    }

    /// Gives an untyped non-constant expression (`-(1 << s)`) and its untyped operands their
    /// final type, as go/types' updateExprType does.
    fn update_untyped(&mut self, e: &Expr, t: TypeId) {
        match self.info.types.get(&e.id) {
            Some(&old) if self.tt.is_untyped(old) => {}
            _ => return,
        }
        self.info.types.insert(e.id, t);
        match &e.kind {
            ExprKind::Paren(x) | ExprKind::Unary(_, x) => self.update_untyped(x, t),
            ExprKind::Binary(op, l, r) if !op.is_comparison() => {
                if op.is_shift() && !self.tt.is_integer(t) {
                    // `(1 << s) + 4.5`: the shifted constant would have to be a float.
                    let d = crate::syntax::dump::expr_string(e);
                    self.error(e.span.lo, format!("invalid operation: {} (shift of type {})", d, self.tt.name(t)));
                    return;
                }
                self.update_untyped(l, t);
                if !op.is_shift() {
                    self.update_untyped(r, t);
                }
            }
            _ => {}
        }
    }

    /// Assignability (the spec's "Assignability") of `op` to type `t`; converts untyped
    /// operands. `ctx` names the context for messages ("assignment", "argument", ...).
    pub fn assign(&mut self, e: &Expr, op: &mut Operand, t: TypeId, ctx: &str) -> bool {
        if op.mode == Mode::Invalid || t == INVALID {
            return false;
        }
        if self.tt.is_untyped(op.ty) {
            let before = self.diags.list.len();
            self.convert_untyped(e, op, t);
            if self.diags.list.len() > before {
                // Reword the generic message for this context.
                if let Some(d) = self.diags.list.last_mut() {
                    d.msg = d.msg.replace(" in assignment", &format!(" in {}", ctx));
                }
                return false;
            }
            return op.mode != Mode::Invalid;
        }
        if self.assignable(op.ty, t) {
            return true;
        }
        if self.tt.has_invalid(op.ty) || self.tt.has_invalid(t) {
            *op = Operand::invalid();
            return false;
        }
        let d = self.describe(e, op);
        let tn = self.tt.name(t);
        let why = self.not_implements(op.ty, t).map(|w| format!(":\n\t{}", w)).unwrap_or_default();
        self.error(e.span.lo, format!("cannot use {} as type {} in {}{}", d, tn, ctx, why));
        *op = Operand::invalid();
        false
    }

    pub fn assignable(&self, v: TypeId, t: TypeId) -> bool {
        if v == t {
            return true;
        }
        let (vu, tu) = (self.tt.under(v), self.tt.under(t));
        if vu == INVALID || tu == INVALID {
            return false;
        }
        if v == UNTYPED_NIL {
            return matches!(self.tt.kind(tu), TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Interface(_) | TypeKind::Basic(Basic::UnsafePointer));
        }
        if self.tt.is_interface(t) && super::methods::implements(&self.tt, v, t) {
            return true;
        }
        let v_named = matches!(self.tt.kind(v), TypeKind::Named(_)) || (self.tt.basic(v).is_some() && !self.tt.is_untyped(v));
        let t_named = matches!(self.tt.kind(t), TypeKind::Named(_)) || self.tt.basic(t).is_some();
        vu == tu && (!v_named || !t_named)
    }

    fn unary(&mut self, e: &Expr, op: UnOp, x: &Expr, hint: Option<TypeId>) -> Operand {
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
                self.unsupported(e.span.lo, "channel receive");
                Operand::invalid()
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

    fn binary(&mut self, e: &Expr, op: BinOp, l: &Expr, r: &Expr, hint: Option<TypeId>) -> Operand {
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
    fn convert_operand(&mut self, x: &Expr, xo: &mut Operand, t: TypeId, e: &Expr, other: &Operand, oe: &Expr) {
        let nillable = matches!(self.tt.under_kind(t), TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Interface(_) | TypeKind::Basic(Basic::UnsafePointer));
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

    fn comparison(&mut self, op: BinOp, l: &Expr, lo: &Operand, ro: &Operand, text: &str, nil_cmp: bool) -> Operand {
        if nil_cmp {
            let other = if lo.ty == UNTYPED_NIL { ro.ty } else { lo.ty };
            let ok = matches!(self.tt.under_kind(other), TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Interface(_) | TypeKind::Basic(Basic::UnsafePointer)) || other == UNTYPED_NIL;
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
        let ordered = (self.tt.is_numeric(t) && !self.tt.basic(t).map_or(false, |b| b.is_complex())) || self.tt.is_string(t);
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
        match self.tt.under_kind(t) {
            TypeKind::Basic(_) | TypeKind::Pointer(_) | TypeKind::Interface(_) => true,
            TypeKind::Struct(fs) => fs.iter().all(|f| self.comparable(f.ty)),
            TypeKind::Array(_, e) => self.comparable(*e),
            _ => false,
        }
    }

    fn const_binary(&mut self, op: BinOp, a: &Const, b: &Const, t: TypeId) -> Option<Const> {
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

    fn shift(&mut self, e: &Expr, op: BinOp, l: &Expr, r: &Expr, hint: Option<TypeId>) -> Operand {
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
                    self.error(r.span.lo, format!("invalid shift count {} (must be non-negative)", d).replace("invalid shift count", "invalid operation: negative shift count"));
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
                if !self.tt.is_integer(t) {
                    let d = self.describe(l, &lo);
                    self.error(l.span.lo, format!("invalid operation: shifted operand {} (type {}) must be integer", d, self.tt.name(t)));
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

    fn index(&mut self, e: &Expr, x: &Expr, idx: &[Expr]) -> Operand {
        let xo = self.expr_or_type(x, None);
        if xo.mode == Mode::Invalid {
            return xo;
        }
        if xo.mode == Mode::Type || (xo.mode == Mode::Value && matches!(self.tt.kind(xo.ty), TypeKind::Func(_)) && idx.len() >= 1 && self.info.uses.get(&x.id).is_some()) && xo.mode == Mode::Type {
            self.unsupported(e.span.lo, "generic type instantiation");
            return Operand::invalid();
        }
        if idx.len() != 1 {
            self.unsupported(e.span.lo, "generic function instantiation");
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
                self.unsupported(e.span.lo, "generic function instantiation");
                return Operand::invalid();
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

    fn slice_expr(&mut self, e: &Expr, x: &Expr, lo: Option<&Expr>, hi: Option<&Expr>, max: Option<&Expr>) -> Operand {
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

    fn composite(&mut self, e: &Expr, ty: Option<&Expr>, elems: &[ast::KeyedElement], hint: Option<TypeId>) -> Operand {
        let t = match ty {
            Some(te) => {
                if let ExprKind::ArrayType { len: None, elem } = &te.kind {
                    // [...]T{...}: the length is the literal's.
                    let et = self.type_expr(elem);
                    let n = self.array_lit_len(elems);
                    let t = self.tt.intern(TypeKind::Array(n, et));
                    self.info.types.insert(te.id, t);
                    self.info.type_exprs.insert(te.id);
                    t
                } else {
                    self.type_expr(te)
                }
            }
            None => match hint {
                Some(h) => h,
                None => {
                    self.error(e.span.lo, "invalid composite literal type: missing type");
                    return Operand::invalid();
                }
            },
        };
        if t == INVALID {
            for el in elems {
                let _ = self.expr_or_type(&el.value, None);
            }
            return Operand::invalid();
        }
        // An elided &T in a []*T literal.
        let (lit_t, is_ptr) = match (ty, self.tt.under_kind(t).clone()) {
            (None, TypeKind::Pointer(b)) => (b, true),
            _ => (t, false),
        };
        match self.tt.under_kind(lit_t).clone() {
            TypeKind::Struct(fs) => {
                if elems.is_empty() {
                } else if elems[0].key.is_some() {
                    let mut seen = std::collections::HashSet::new();
                    for el in elems {
                        let Some(k) = &el.key else {
                            self.error(el.value.span.lo, "mixture of field:value and value elements in struct literal");
                            continue;
                        };
                        let ExprKind::Ident(fname) = &k.kind else {
                            self.error(k.span.lo, format!("invalid field name {} in struct literal", self.sm.snippet(k.span)));
                            continue;
                        };
                        let Some(fi) = fs.iter().position(|f| &f.name == fname) else {
                            self.error(k.span.lo, format!("unknown field '{}' in struct literal of type {}", fname, self.tt.name(lit_t)));
                            let _ = self.expr(&el.value, None);
                            continue;
                        };
                        if !seen.insert(fi) {
                            self.error(k.span.lo, format!("duplicate field name {} in struct literal", fname));
                        }
                        let ft = fs[fi].ty;
                        let mut vo = self.expr(&el.value, Some(ft));
                        self.assign(&el.value, &mut vo, ft, "struct literal");
                    }
                } else {
                    for (i, el) in elems.iter().enumerate() {
                        if el.key.is_some() {
                            self.error(el.value.span.lo, "mixture of field:value and value elements in struct literal");
                            continue;
                        }
                        let Some(f) = fs.get(i) else {
                            let lit = self.lit_desc(ty, lit_t);
                            self.error(el.value.span.lo, format!("too many values in {}", lit));
                            break;
                        };
                        let mut vo = self.expr(&el.value, Some(f.ty));
                        self.assign(&el.value, &mut vo, f.ty, "struct literal");
                    }
                    if elems.len() < fs.len() {
                        let rb = match &e.kind { ExprKind::CompositeLit { rbrace, .. } => rbrace.lo, _ => e.span.hi };
                        let lit = self.lit_desc(ty, lit_t);
                        self.error(rb, format!("too few values in {}", lit));
                    }
                }
            }
            TypeKind::Array(n, el) => {
                self.array_elems(elems, el, Some(n));
            }
            TypeKind::Slice(el) => {
                self.array_elems(elems, el, None);
            }
            TypeKind::Map(kt, vt) => {
                let mut seen: Vec<(Const, TypeId)> = vec![];
                for el in elems {
                    let Some(k) = &el.key else {
                        self.error(el.value.span.lo, "missing key in map literal");
                        let _ = self.expr(&el.value, Some(vt));
                        continue;
                    };
                    let mut ko = self.composite_elem(k, kt);
                    if self.assign(k, &mut ko, kt, "map literal") {
                        // Constant keys must be distinct.
                        if let Some(v) = &ko.val {
                            if seen.iter().any(|(c, t)| c == v && *t == ko.ty) {
                                self.error(k.span.lo, format!("duplicate key {} in map literal", self.sm.snippet(k.span)));
                            } else {
                                seen.push((v.clone(), ko.ty));
                            }
                        }
                    }
                    let mut vo = self.composite_elem(&el.value, vt);
                    self.assign(&el.value, &mut vo, vt, "map literal");
                }
            }
            _ => {
                self.error(e.span.lo, format!("invalid composite literal type {}", self.tt.name(lit_t)));
                return Operand::invalid();
            }
        }
        if is_ptr {
            // Record the element literal's own type for the builder.
            return Operand::value(t);
        }
        Operand::value(t)
    }

    /// An element (or key) of a composite literal: a literal without its type takes the
    /// element type.
    fn composite_elem(&mut self, e: &Expr, t: TypeId) -> Operand {
        self.expr(e, Some(t))
    }

    /// gc's short form of a composite literal in messages: `Point{…}`.
    fn lit_desc(&self, ty: Option<&Expr>, t: TypeId) -> String {
        let name = match ty {
            Some(te) => self.sm.snippet(te.span).to_string(),
            None => self.tt.name(t),
        };
        format!("{}{{…}}", name)
    }

    fn array_lit_len(&mut self, elems: &[ast::KeyedElement]) -> u64 {
        let mut max = 0u64;
        let mut i = 0u64;
        for el in elems {
            if let Some(k) = &el.key {
                let ko = self.expr(k, None);
                if let Some(v) = ko.val.as_ref().and_then(|v| v.to_i64()) {
                    i = v as u64;
                }
            }
            i += 1;
            max = max.max(i);
        }
        max
    }

    fn array_elems(&mut self, elems: &[ast::KeyedElement], el: TypeId, len: Option<u64>) {
        let mut i: i64 = 0;
        let mut seen = std::collections::HashSet::new();
        for kv in elems {
            if let Some(k) = &kv.key {
                match self.index_value(k, len, "index") {
                    Some(Some(v)) => i = v,
                    Some(None) => {
                        self.error(k.span.lo, format!("index {} must be integer constant", self.sm.snippet(k.span)));
                    }
                    None => {}
                }
            } else if let Some(n) = len {
                if i as u64 >= n {
                    self.error(kv.value.span.lo, format!("index {} out of bounds [0:{}]", i, n).replace("index", "array index"));
                }
            }
            if !seen.insert(i) {
                self.error(kv.value.span.lo, format!("duplicate index {} in array or slice literal", i));
            }
            let mut vo = self.expr(&kv.value, Some(el));
            self.assign(&kv.value, &mut vo, el, "array or slice literal");
            i += 1;
        }
    }

    fn func_lit(&mut self, e: &Expr, ty: &ast::FuncType, body: &ast::Block) -> Operand {
        let sig = self.signature(ty);
        let ft = self.tt.intern(TypeKind::Func(sig.clone()));
        self.info.closures.entry(e.id).or_default();
        self.closure_depth.push((self.scopes.len(), e.id));
        self.scopes.push(Default::default());
        let saved_locals = std::mem::take(&mut self.locals);
        let (params, results) = self.declare_params(ty, &sig);
        let named_results = ty.results.iter().any(|r| !r.names.is_empty());
        self.funcs.push(super::check::FuncCtx { sig: sig.clone(), named_results });
        self.block_stmts(&body.stmts);
        if !sig.results.is_empty() && !self.is_terminating_list(&body.stmts) {
            self.error(body.rbrace.lo, "missing return");
        }
        self.funcs.pop();
        self.check_labels(&body.stmts);
        let exempt: Vec<_> = params.iter().chain(results.iter()).copied().collect();
        self.report_unused(&exempt);
        self.locals = saved_locals;
        self.scopes.pop();
        self.closure_depth.pop();
        self.info.lit_funcs.insert(e.id, (params, results, sig));
        Operand::value(ft)
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

pub fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
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
