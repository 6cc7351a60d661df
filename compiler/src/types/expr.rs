//! Expressions and types: operands, type expressions, identifiers and literals, untyped
//! constants and their conversion, assignability. Operators are in `operators.rs`, selectors
//! in `selector.rs`, indexing in `index.rs`, literals in `literal.rs`, calls in `builtins.rs`.

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use super::check::{Builtin, Checker, ObjKind};
use super::constant::{self, Const};
use super::ty::*;
use crate::syntax::ast::{self, Expr, ExprKind, UnOp};

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
        let mut t = self.tt.name(op.ty);
        if let Some(p) = self.tt.tparam_data(op.ty) {
            let c = if p.constraint == EMPTY_IFACE { "any".to_string() } else { self.tt.name(p.constraint) };
            t = format!("{} constrained by {}", t, c);
        }
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

    pub(crate) fn type_expr_inner(&mut self, e: &Expr) -> TypeId {
        match &e.kind {
            ExprKind::Ident(_) | ExprKind::Selector(..) => {
                let op = self.expr_or_type(e, None);
                match op.mode {
                    Mode::Type => {
                        if !self.allow_generic && self.tt.named_data(op.ty).map_or(false, |n| !n.tparams.is_empty()) {
                            let n = self.tt.named_data(op.ty).unwrap();
                            let tps: Vec<String> = n.tparams.iter().map(|t| format!("{} {}", self.tt.name(*t), self.tt.name(self.tt.tparam_data(*t).map_or(EMPTY_IFACE, |p| p.constraint)).replace("interface{}", "any"))).collect();
                            let name = format!("{}[{}]", n.name, tps.join(", "));
                            self.error(e.span.lo, format!("cannot use generic type {} without instantiation", name));
                            return INVALID;
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
                let mut seen = crate::HashSet::default();
                for f in fields {
                    let t = self.type_expr(&f.ty);
                    if f.names.is_empty() {
                        // Embedded field: named after its type.
                        let mut base = &f.ty;
                        if let ExprKind::Unary(UnOp::Deref, b) = &base.kind {
                            base = b;
                        }
                        // An embedded instance `List[T]` is named after its generic type.
                        if let ExprKind::Index(b, _) = &base.kind {
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
                let pending = self.tt.tparam_data(kt).map_or(false, |p| p.constraint == INVALID);
                if self.tt.under(kt) != INVALID && !pending && !self.comparable(kt) {
                    let kn = self.tt.name(kt);
                    self.error(k.span.lo, format!("invalid map key type {}", kn));
                    return INVALID;
                }
                self.tt.intern(TypeKind::Map(kt, vt))
            }
            ExprKind::ChanType(dir, elem) => {
                let et = self.type_expr(elem);
                if et == INVALID {
                    return INVALID;
                }
                let d = match dir {
                    ast::ChanDir::Both => ChanDir::Both,
                    ast::ChanDir::Send => ChanDir::Send,
                    ast::ChanDir::Recv => ChanDir::Recv,
                };
                self.tt.intern(TypeKind::Chan(d, et))
            }
            ExprKind::InterfaceType(elems) => self.interface_type(e, elems),
            ExprKind::Index(base, args) => {
                let saved = std::mem::replace(&mut self.allow_generic, false);
                let t = self.instantiate_type_expr(e, base, args);
                self.allow_generic = saved;
                t
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
            Mode::Value if self.generic_func_of(e).is_some() => {
                let d = crate::syntax::dump::expr_string(e);
                self.error(e.span.lo, format!("cannot use generic function {} without instantiation", d));
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

    pub(crate) fn expr_inner(&mut self, e: &Expr, hint: Option<TypeId>) -> Operand {
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

    pub(crate) fn ident(&mut self, e: &Expr, name: &str) -> Operand {
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
            ObjKind::Func if ob.ty == INVALID => Operand::invalid(),
            ObjKind::Func => Operand { mode: Mode::Value, ty: ob.ty, val: None },
            ObjKind::Builtin(b) => Operand { mode: Mode::Builtin(b), ty: INVALID, val: None },
            ObjKind::Nil => Operand { mode: Mode::Value, ty: UNTYPED_NIL, val: None },
            ObjKind::Package(p) => Operand { mode: Mode::Package(p), ty: INVALID, val: None },
        }
    }

    pub(crate) fn basic_lit(&mut self, e: &Expr, kind: ast::LitKind, text: &str) -> Operand {
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
                let f = if b == Complex64 { constant::rat_to_f32(r) as f64 } else { constant::rat_to_f64(r) };
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
                // Rounded once, to the type's own precision.
                let f = if b == Float32 { constant::rat_to_f32(&r) as f64 } else { constant::rat_to_f64(&r) };
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
                TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Interface(_) => {
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
        if self.tt.is_type_param(target) {
            // An untyped value converts to a type parameter if it would convert to every
            // type of its type set; the result is not a constant (the builder gives the
            // recorded constant each instance's type).
            if !self.untyped_fits_type_set(op, target, false) {
                let d = self.describe(e, op);
                let t = self.tt.name(target);
                self.error(e.span.lo, format!("cannot use {} as {} value in assignment", d, t));
                *op = Operand::invalid();
                return;
            }
            op.ty = target;
            op.mode = Mode::Value;
            op.val = None;
            self.info.types.insert(e.id, target);
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

    /// Gives an untyped non-constant expression (`-(1 << s)`) and its untyped operands their
    /// final type, as go/types' updateExprType does.
    pub(crate) fn update_untyped(&mut self, e: &Expr, t: TypeId) {
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
            return matches!(self.tt.kind(tu), TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Interface(_) | TypeKind::Basic(Basic::UnsafePointer));
        }
        if self.tt.is_interface(t) && super::methods::implements(&self.tt, v, t) {
            return true;
        }
        // A bidirectional channel is assignable to a channel type with the same element
        // type (of any direction), if one of the two types is not a defined type.
        if let (TypeKind::Chan(ChanDir::Both, ve), TypeKind::Chan(_, te)) = (self.tt.kind(vu), self.tt.kind(tu)) {
            if ve == te && (!matches!(self.tt.kind(v), TypeKind::Named(_)) || !matches!(self.tt.kind(t), TypeKind::Named(_))) {
                return true;
            }
        }
        let v_named = matches!(self.tt.kind(v), TypeKind::Named(_)) || (self.tt.basic(v).is_some() && !self.tt.is_untyped(v));
        let t_named = matches!(self.tt.kind(t), TypeKind::Named(_)) || self.tt.basic(t).is_some();
        vu == tu && (!v_named || !t_named)
    }

}




pub fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}

