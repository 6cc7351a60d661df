//! Go types, interned in a `TypeTable`: structurally equal types get the same `TypeId`, so
//! type identity (the spec's "Type identity") is `==` on ids. Defined (named) types are unique.

use crate::HashMap;

pub type TypeId = u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basic {
    Invalid,
    Bool,
    Int, Int8, Int16, Int32, Int64,
    Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
    Float32, Float64,
    Complex64, Complex128,
    String,
    UnsafePointer,
    UntypedBool, UntypedInt, UntypedRune, UntypedFloat, UntypedString, UntypedNil,
    UntypedComplex,
}

impl Basic {
    pub fn name(self) -> &'static str {
        use Basic::*;
        match self {
            Invalid => "invalid type", Bool => "bool", Int => "int", Int8 => "int8", Int16 => "int16",
            Int32 => "int32", Int64 => "int64", Uint => "uint", Uint8 => "uint8", Uint16 => "uint16",
            Uint32 => "uint32", Uint64 => "uint64", Uintptr => "uintptr", Float32 => "float32",
            Float64 => "float64", Complex64 => "complex64", Complex128 => "complex128",
            String => "string", UnsafePointer => "unsafe.Pointer", UntypedBool => "untyped bool",
            UntypedInt => "untyped int", UntypedRune => "untyped rune",
            UntypedFloat => "untyped float", UntypedString => "untyped string",
            UntypedNil => "untyped nil",
            UntypedComplex => "untyped complex",
        }
    }
    pub fn is_untyped(self) -> bool {
        use Basic::*;
        matches!(self, UntypedBool | UntypedInt | UntypedRune | UntypedFloat | UntypedString | UntypedNil | UntypedComplex)
    }
    pub fn is_integer(self) -> bool {
        use Basic::*;
        matches!(self, Int | Int8 | Int16 | Int32 | Int64 | Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr | UntypedInt | UntypedRune)
    }
    pub fn is_unsigned(self) -> bool {
        use Basic::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }
    pub fn is_float(self) -> bool {
        matches!(self, Basic::Float32 | Basic::Float64 | Basic::UntypedFloat)
    }
    pub fn is_complex(self) -> bool {
        matches!(self, Basic::Complex64 | Basic::Complex128 | Basic::UntypedComplex)
    }
    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }
    pub fn is_string(self) -> bool {
        matches!(self, Basic::String | Basic::UntypedString)
    }
    pub fn is_boolean(self) -> bool {
        matches!(self, Basic::Bool | Basic::UntypedBool)
    }
    /// Size in bytes on a 64-bit target.
    pub fn size(self) -> u64 {
        use Basic::*;
        match self {
            Bool | Int8 | Uint8 => 1,
            Int16 | Uint16 => 2,
            Int32 | Uint32 | Float32 => 4,
            Int | Int64 | Uint | Uint64 | Uintptr | Float64 | UnsafePointer | Complex64 => 8,
            Complex128 | String => 16,
            _ => 8,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub ty: TypeId,
    pub embedded: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    pub variadic: bool,
}

/// A method of an interface type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IMethod {
    pub name: String,
    /// The declaring package of an unexported method ("" for exported methods): unexported
    /// methods of different packages are different methods.
    pub pkg: String,
    /// The method's signature (a `Func` type, without receiver).
    pub sig: TypeId,
}

/// A method declared on a defined type.
#[derive(Clone, Debug)]
pub struct NamedMethod {
    pub name: String,
    /// As `IMethod::pkg`.
    pub pkg: String,
    /// The method's function object (an index into the checker's objects).
    pub obj: u32,
    /// Declared with a pointer receiver (`func (t *T) M()`).
    pub ptr_recv: bool,
    /// The signature without the receiver (a `Func` type); INVALID until resolved.
    pub sig: TypeId,
    /// A method of a generic type: the type parameters its receiver declares
    /// (`func (s *Stack[T]) Push(v T)` declares its own T), which an instance binds to its
    /// type arguments.
    pub rtparams: Vec<TypeId>,
}

/// A channel's direction: `chan T`, `chan<- T` (send only), `<-chan T` (receive only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeKind {
    Basic(Basic),
    /// A defined type; its data is in `TypeTable::named`.
    Named(u32),
    Pointer(TypeId),
    Slice(TypeId),
    Array(u64, TypeId),
    Struct(Vec<Field>),
    Func(Signature),
    Tuple(Vec<TypeId>),
    Map(TypeId, TypeId),
    /// A channel type: its direction and element type.
    Chan(ChanDir, TypeId),
    /// An interface: its whole method set (embedded interfaces expanded), sorted by name and
    /// package, so that identical interfaces intern to one id.
    Interface(Vec<IMethod>),
    /// A type parameter; its data is in `TypeTable::tparams`. Unique, like defined types.
    TypeParam(u32),
    /// An interface that only constraints may use: its methods, its type set's terms (None:
    /// all types; `~int | string` is `[(true, int), (false, string)]`), and whether it
    /// embeds `comparable`.
    Constraint { methods: Vec<IMethod>, terms: Option<Vec<(bool, TypeId)>>, comparable: bool },
}

/// A type parameter: its name and constraint (an `Interface` or `Constraint` type, or a
/// defined type whose underlying type is one).
#[derive(Clone, Debug)]
pub struct TParam {
    pub name: String,
    pub constraint: TypeId,
}

#[derive(Clone, Debug)]
pub struct Named {
    /// The name in compiler messages (gc leaves out `main.`): `Point`, `os.File`, `error`.
    pub name: String,
    /// The declaring package's name ("" for the universe's `error`).
    pub pkg: String,
    /// The name as declared, without package.
    pub local: String,
    pub underlying: TypeId,
    /// The methods declared on the type, in declaration order (for an instance, the
    /// generic type's methods with their signatures substituted).
    pub methods: Vec<NamedMethod>,
    /// A generic type's type parameters (empty for other types).
    pub tparams: Vec<TypeId>,
    /// An instance `List[int]`: the generic type and the type arguments.
    pub origin: Option<(TypeId, Vec<TypeId>)>,
}

pub struct TypeTable {
    kinds: Vec<TypeKind>,
    map: HashMap<TypeKind, TypeId>,
    pub named: Vec<Named>,
    pub tparams: Vec<TParam>,
    /// Instances of generic types made so far: (generic type, type arguments) → instance.
    pub instances: HashMap<(TypeId, Vec<TypeId>), TypeId>,
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

// Fixed ids of the basic types, in the order of `Basic` (interned first).
pub const INVALID: TypeId = 0;
pub const BOOL: TypeId = 1;
pub const INT: TypeId = 2;
pub const INT8: TypeId = 3;
pub const INT16: TypeId = 4;
pub const INT32: TypeId = 5;
pub const INT64: TypeId = 6;
pub const UINT: TypeId = 7;
pub const UINT8: TypeId = 8;
pub const UINT16: TypeId = 9;
pub const UINT32: TypeId = 10;
pub const UINT64: TypeId = 11;
pub const UINTPTR: TypeId = 12;
pub const FLOAT32: TypeId = 13;
pub const FLOAT64: TypeId = 14;
pub const COMPLEX64: TypeId = 15;
pub const COMPLEX128: TypeId = 16;
pub const STRING: TypeId = 17;
pub const UNSAFE_POINTER: TypeId = 18;
pub const UNTYPED_BOOL: TypeId = 19;
pub const UNTYPED_INT: TypeId = 20;
pub const UNTYPED_RUNE: TypeId = 21;
pub const UNTYPED_FLOAT: TypeId = 22;
pub const UNTYPED_STRING: TypeId = 23;
pub const UNTYPED_NIL: TypeId = 24;
pub const UNTYPED_COMPLEX: TypeId = 25;
/// `interface{}` (also `any`), interned right after the basic types.
pub const EMPTY_IFACE: TypeId = 26;

impl TypeTable {
    pub fn new() -> TypeTable {
        use Basic::*;
        let mut t = TypeTable { kinds: vec![], map: HashMap::default(), named: vec![], tparams: vec![], instances: HashMap::default() };
        for b in [
            Invalid, Bool, Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64,
            Uintptr, Float32, Float64, Complex64, Complex128, String, UnsafePointer, UntypedBool,
            UntypedInt, UntypedRune, UntypedFloat, UntypedString, UntypedNil, UntypedComplex,
        ] {
            t.intern(TypeKind::Basic(b));
        }
        let e = t.intern(TypeKind::Interface(vec![]));
        debug_assert_eq!(e, EMPTY_IFACE);
        t
    }

    pub fn intern(&mut self, k: TypeKind) -> TypeId {
        if let Some(&id) = self.map.get(&k) {
            return id;
        }
        let id = self.kinds.len() as TypeId;
        self.kinds.push(k.clone());
        self.map.insert(k, id);
        id
    }

    /// A new defined type `local` of package `pkg`, shown as `name` in messages.
    pub fn new_named(&mut self, name: &str, pkg: &str, local: &str) -> TypeId {
        let n = self.named.len() as u32;
        self.named.push(Named { name: name.to_string(), pkg: pkg.to_string(), local: local.to_string(), underlying: INVALID, methods: vec![], tparams: vec![], origin: None });
        let id = self.kinds.len() as TypeId;
        self.kinds.push(TypeKind::Named(n));
        id
    }

    pub fn kind(&self, t: TypeId) -> &TypeKind {
        &self.kinds[t as usize]
    }

    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    pub fn pointer(&mut self, t: TypeId) -> TypeId {
        self.intern(TypeKind::Pointer(t))
    }
    /// `*t`, if some part of the program made it.
    pub fn pointer_if_exists(&self, t: TypeId) -> Option<TypeId> {
        self.map.get(&TypeKind::Pointer(t)).copied()
    }

    /// `[]t`, if some part of the program made it.
    pub fn slice_if_exists(&self, t: TypeId) -> Option<TypeId> {
        self.map.get(&TypeKind::Slice(t)).copied()
    }

    pub fn slice(&mut self, t: TypeId) -> TypeId {
        self.intern(TypeKind::Slice(t))
    }
    pub fn tuple(&mut self, ts: Vec<TypeId>) -> TypeId {
        self.intern(TypeKind::Tuple(ts))
    }

    /// The defined type with this (printed) name, if any.
    pub fn named_by_name(&self, name: &str) -> Option<TypeId> {
        (0..self.kinds.len() as TypeId).find(|&t| matches!(self.kinds[t as usize], TypeKind::Named(n) if self.named[n as usize].name == name))
    }

    pub fn named_data(&self, t: TypeId) -> Option<&Named> {
        match self.kind(t) {
            TypeKind::Named(n) => Some(&self.named[*n as usize]),
            _ => None,
        }
    }

    /// Whether an invalid type occurs in `t` (it came from an error or an unsupported
    /// construct, which was reported already: messages about `t` would be noise).
    pub fn has_invalid(&self, t: TypeId) -> bool {
        self.has_invalid_depth(t, 0)
    }

    fn has_invalid_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > 20 {
            return false;
        }
        let d = depth + 1;
        match self.kind(t) {
            TypeKind::Basic(Basic::Invalid) => true,
            TypeKind::Basic(_) => false,
            TypeKind::Named(n) => self.has_invalid_depth(self.named[*n as usize].underlying, d),
            TypeKind::Pointer(e) | TypeKind::Slice(e) | TypeKind::Array(_, e) => self.has_invalid_depth(*e, d),
            TypeKind::Map(k, v) => self.has_invalid_depth(*k, d) || self.has_invalid_depth(*v, d),
            TypeKind::Chan(_, e) => self.has_invalid_depth(*e, d),
            TypeKind::Struct(fs) => fs.iter().any(|f| self.has_invalid_depth(f.ty, d)),
            TypeKind::Func(s) => s.params.iter().chain(s.results.iter()).any(|t| self.has_invalid_depth(*t, d)),
            TypeKind::Tuple(ts) => ts.iter().any(|t| self.has_invalid_depth(*t, d)),
            TypeKind::Interface(ms) => ms.iter().any(|m| self.has_invalid_depth(m.sig, d)),
            TypeKind::TypeParam(_) => false,
            TypeKind::Constraint { methods, terms, .. } => methods.iter().any(|m| self.has_invalid_depth(m.sig, d)) || terms.iter().flatten().any(|(_, t)| self.has_invalid_depth(*t, d)),
        }
    }

    /// The underlying type (the spec's "Underlying types"). For a type parameter: its core
    /// type (the one underlying type of all types in its type set) if it has one, else the
    /// type parameter itself, so that operations needing a core type (indexing, range,
    /// make, composite literals) see it as that type.
    pub fn under(&self, t: TypeId) -> TypeId {
        let mut t = t;
        for _ in 0..100 {
            match self.kind(t) {
                TypeKind::Named(n) => t = self.named[*n as usize].underlying,
                TypeKind::TypeParam(_) => return self.core_type(t).unwrap_or(t),
                _ => return t,
            }
        }
        INVALID
    }

    /// The terms of a type parameter's type set (None: no restriction), and whether its
    /// constraint is `comparable`.
    pub fn type_set(&self, t: TypeId) -> (Option<Vec<(bool, TypeId)>>, bool) {
        let TypeKind::TypeParam(i) = self.kind(t) else { return (Some(vec![(false, t)]), false) };
        let mut c = self.tparams[*i as usize].constraint;
        for _ in 0..100 {
            match self.kind(c) {
                TypeKind::Named(n) => c = self.named[*n as usize].underlying,
                _ => break,
            }
        }
        match self.kind(c) {
            TypeKind::Constraint { terms, comparable, .. } => (terms.clone(), *comparable),
            _ => (None, false),
        }
    }

    /// A type parameter's core type: the underlying type shared by all types of its type set.
    pub fn core_type(&self, t: TypeId) -> Option<TypeId> {
        let (terms, _) = self.type_set(t);
        let terms = terms?;
        let mut core = None;
        for (_, x) in terms {
            let u = self.under(x);
            match core {
                None => core = Some(u),
                Some(c) if c == u => {}
                Some(_) => return None,
            }
        }
        core
    }

    /// Whether every type in t's type set satisfies `pred` (for a type parameter with no
    /// terms: false); for other types, pred of t's underlying type.
    pub fn all_terms(&self, t: TypeId, pred: &dyn Fn(&TypeTable, TypeId) -> bool) -> bool {
        if !matches!(self.kind(t), TypeKind::TypeParam(_)) {
            return pred(self, t);
        }
        match self.type_set(t).0 {
            Some(terms) if !terms.is_empty() => terms.iter().all(|(_, x)| self.all_terms(*x, pred)),
            _ => false,
        }
    }

    pub fn is_type_param(&self, t: TypeId) -> bool {
        matches!(self.kind(t), TypeKind::TypeParam(_))
    }

    /// A new type parameter.
    pub fn new_tparam(&mut self, name: &str, constraint: TypeId) -> TypeId {
        let n = self.tparams.len() as u32;
        self.tparams.push(TParam { name: name.to_string(), constraint });
        let id = self.kinds.len() as TypeId;
        self.kinds.push(TypeKind::TypeParam(n));
        id
    }

    /// A type parameter's constraint with defined types looked through (an `Interface` or
    /// `Constraint` type).
    pub fn constraint_of(&self, t: TypeId) -> Option<TypeId> {
        let mut c = self.tparam_data(t)?.constraint;
        for _ in 0..100 {
            match self.kind(c) {
                TypeKind::Named(n) => c = self.named[*n as usize].underlying,
                _ => break,
            }
        }
        Some(c)
    }

    pub fn tparam_data(&self, t: TypeId) -> Option<&TParam> {
        match self.kind(t) {
            TypeKind::TypeParam(i) => Some(&self.tparams[*i as usize]),
            _ => None,
        }
    }

    /// Whether a type parameter occurs in t (it belongs to generic code).
    pub fn has_tparams(&self, t: TypeId) -> bool {
        self.any_tparam(t, &|_| true)
    }

    /// Whether a type parameter for which `pred` holds occurs in t.
    pub fn any_tparam(&self, t: TypeId, pred: &dyn Fn(TypeId) -> bool) -> bool {
        self.any_tparam_depth(t, pred, 0)
    }

    fn any_tparam_depth(&self, t: TypeId, pred: &dyn Fn(TypeId) -> bool, depth: u32) -> bool {
        if depth > 20 {
            return false;
        }
        let m = |x: TypeId| self.any_tparam_depth(x, pred, depth + 1);
        match self.kind(t) {
            TypeKind::TypeParam(_) => pred(t),
            TypeKind::Basic(_) => false,
            TypeKind::Named(n) => self.named[*n as usize].origin.as_ref().map_or(false, |(_, args)| args.iter().any(|a| m(*a))),
            TypeKind::Pointer(e) | TypeKind::Slice(e) | TypeKind::Array(_, e) | TypeKind::Chan(_, e) => m(*e),
            TypeKind::Map(k, v) => m(*k) || m(*v),
            TypeKind::Struct(fs) => fs.iter().any(|f| m(f.ty)),
            TypeKind::Func(s) => s.params.iter().chain(s.results.iter()).any(|x| m(*x)),
            TypeKind::Tuple(ts) => ts.iter().any(|x| m(*x)),
            TypeKind::Interface(ms) => ms.iter().any(|x| m(x.sig)),
            TypeKind::Constraint { methods, terms, .. } => methods.iter().any(|x| m(x.sig)) || terms.iter().flatten().any(|(_, x)| m(*x)),
        }
    }

    /// The byte offset of the field reached by `path` (field indices through embedded
    /// struct values) from the start of struct type t (or of the struct t points to).
    pub fn field_path_offset(&self, t: TypeId, path: &[usize]) -> u64 {
        let mut st = match self.under_kind(t) {
            TypeKind::Pointer(e) => *e,
            _ => t,
        };
        let mut off = 0;
        for &i in path {
            off += self.field_offsets(st).get(i).copied().unwrap_or(0);
            st = match self.under_kind(st) {
                TypeKind::Struct(fs) => fs[i].ty,
                _ => INVALID,
            };
        }
        off
    }

    pub fn under_kind(&self, t: TypeId) -> &TypeKind {
        self.kind(self.under(t))
    }

    pub fn basic(&self, t: TypeId) -> Option<Basic> {
        match self.under_kind(t) {
            TypeKind::Basic(b) => Some(*b),
            _ => None,
        }
    }

    pub fn is_untyped(&self, t: TypeId) -> bool {
        matches!(self.kind(t), TypeKind::Basic(b) if b.is_untyped())
    }

    // The predicates hold for a type parameter when they hold for every type of its type set.
    fn basic_pred(&self, t: TypeId, p: fn(Basic) -> bool) -> bool {
        if self.is_type_param(t) {
            return self.all_terms(t, &|tt, x| tt.basic(x).map_or(false, p));
        }
        self.basic(t).map_or(false, p)
    }
    pub fn is_integer(&self, t: TypeId) -> bool {
        self.basic_pred(t, Basic::is_integer)
    }
    pub fn is_unsigned(&self, t: TypeId) -> bool {
        self.basic_pred(t, Basic::is_unsigned)
    }
    pub fn is_float(&self, t: TypeId) -> bool {
        self.basic_pred(t, Basic::is_float)
    }
    pub fn is_numeric(&self, t: TypeId) -> bool {
        self.basic_pred(t, Basic::is_numeric)
    }
    pub fn is_string(&self, t: TypeId) -> bool {
        self.basic_pred(t, Basic::is_string)
    }
    pub fn is_boolean(&self, t: TypeId) -> bool {
        self.basic_pred(t, Basic::is_boolean)
    }

    /// The default type of an untyped constant (the spec's "Constants").
    pub fn default_type(&self, t: TypeId) -> TypeId {
        match t {
            UNTYPED_BOOL => BOOL,
            UNTYPED_INT => INT,
            UNTYPED_RUNE => INT32,
            UNTYPED_FLOAT => FLOAT64,
            UNTYPED_COMPLEX => COMPLEX128,
            UNTYPED_STRING => STRING,
            t => t,
        }
    }

    /// Whether a value of type `t` can hold a pointer (the collector must scan it).
    pub fn has_pointers(&self, t: TypeId) -> bool {
        match self.under_kind(t) {
            TypeKind::Basic(b) => matches!(b, Basic::String | Basic::UntypedString | Basic::UnsafePointer),
            TypeKind::Pointer(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Slice(_) | TypeKind::Interface(_) => true,
            TypeKind::Array(n, e) => *n > 0 && self.has_pointers(*e),
            TypeKind::Struct(fs) => fs.iter().any(|f| self.has_pointers(f.ty)),
            TypeKind::Tuple(ts) => ts.iter().any(|t| self.has_pointers(*t)),
            TypeKind::Named(_) | TypeKind::TypeParam(_) | TypeKind::Constraint { .. } => false,
        }
    }

    /// Size in bytes (64-bit targets).
    pub fn size(&self, t: TypeId) -> u64 {
        match self.under_kind(t) {
            TypeKind::Basic(b) => b.size(),
            TypeKind::Pointer(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Chan(..) => 8,
            TypeKind::Interface(_) | TypeKind::Constraint { .. } => 16,
            TypeKind::Slice(_) => 24,
            TypeKind::Array(n, e) => n * self.size(*e),
            TypeKind::Struct(fs) => {
                let mut off = 0;
                for f in fs.clone() {
                    let a = self.align(f.ty);
                    off = (off + a - 1) / a * a + self.size(f.ty);
                }
                let a = self.align(t);
                (off + a - 1) / a * a
            }
            TypeKind::Tuple(_) | TypeKind::Named(_) | TypeKind::TypeParam(_) => 8,
        }
    }

    pub fn align(&self, t: TypeId) -> u64 {
        match self.under_kind(t) {
            TypeKind::Basic(b) => match b {
                Basic::String | Basic::Complex128 => 8,
                Basic::Complex64 => 4,
                b => b.size().max(1),
            },
            TypeKind::Array(_, e) => self.align(*e),
            TypeKind::Struct(fs) => fs.iter().map(|f| self.align(f.ty)).max().unwrap_or(1),
            _ => 8,
        }
    }

    /// Byte offsets of a struct's fields.
    pub fn field_offsets(&self, t: TypeId) -> Vec<u64> {
        let TypeKind::Struct(fs) = self.under_kind(t) else { return vec![] };
        let mut off = 0;
        let mut v = vec![];
        for f in fs {
            let a = self.align(f.ty);
            off = (off + a - 1) / a * a;
            v.push(off);
            off += self.size(f.ty);
        }
        v
    }

    /// How gc prints a type in messages.
    pub fn name(&self, t: TypeId) -> String {
        match self.kind(t) {
            TypeKind::Basic(b) => b.name().to_string(),
            TypeKind::Named(n) => self.named[*n as usize].name.clone(),
            TypeKind::Pointer(e) => format!("*{}", self.name(*e)),
            TypeKind::Slice(e) => format!("[]{}", self.name(*e)),
            TypeKind::Array(n, e) => format!("[{}]{}", n, self.name(*e)),
            TypeKind::Map(k, v) => format!("map[{}]{}", self.name(*k), self.name(*v)),
            TypeKind::Chan(d, e) => self.chan_name(*d, *e, |t| self.name(t)),
            TypeKind::Struct(fs) => {
                let parts: Vec<String> = fs
                    .iter()
                    .map(|f| if f.embedded { self.name(f.ty) } else { format!("{} {}", f.name, self.name(f.ty)) })
                    .collect();
                format!("struct{{{}}}", parts.join("; "))
            }
            TypeKind::Func(s) => format!("func{}", self.sig_string(s)),
            TypeKind::Tuple(ts) => {
                let parts: Vec<String> = ts.iter().map(|t| self.name(*t)).collect();
                format!("({})", parts.join(", "))
            }
            TypeKind::Interface(ms) => {
                let parts: Vec<String> = ms.iter().map(|m| format!("{}{}", m.name, self.method_sig_string(m.sig))).collect();
                format!("interface{{{}}}", parts.join("; "))
            }
            TypeKind::TypeParam(i) => self.tparams[*i as usize].name.clone(),
            TypeKind::Constraint { methods, terms, comparable } => {
                let mut parts: Vec<String> = vec![];
                if *comparable {
                    parts.push("comparable".into());
                }
                parts.extend(methods.iter().map(|m| format!("{}{}", m.name, self.method_sig_string(m.sig))));
                if let Some(ts) = terms {
                    parts.push(self.terms_string(ts));
                }
                format!("interface{{{}}}", parts.join("; "))
            }
        }
    }

    /// `~int | ~float64`
    pub fn terms_string(&self, ts: &[(bool, TypeId)]) -> String {
        ts.iter().map(|(tilde, t)| format!("{}{}", if *tilde { "~" } else { "" }, self.name(*t))).collect::<Vec<_>>().join(" | ")
    }

    /// A method's signature after its name: `(x int) string` → `(int) string`.
    pub fn method_sig_string(&self, sig: TypeId) -> String {
        match self.kind(sig) {
            TypeKind::Func(s) => self.sig_string(s),
            _ => "()".into(),
        }
    }

    /// The type's name as Go's runtime and reflect print it (`%T`, panics): package-qualified
    /// defined types (`main.Point`), `struct { X int }`, `interface {}`, `func(int) string`.
    pub fn rt_name(&self, t: TypeId) -> String {
        self.rt_name_depth(t, 0)
    }

    fn rt_name_depth(&self, t: TypeId, depth: u32) -> String {
        if depth > 50 {
            return "...".into();
        }
        let n = |t: TypeId| self.rt_name_depth(t, depth + 1);
        match self.kind(t) {
            TypeKind::Basic(b) => b.name().to_string(),
            TypeKind::Named(i) => {
                let nd = &self.named[*i as usize];
                let base = if nd.pkg.is_empty() { nd.local.clone() } else { format!("{}.{}", nd.pkg, nd.local) };
                match &nd.origin {
                    // main.Pair[int,main.Point]
                    Some((_, args)) => format!("{}[{}]", base, args.iter().map(|a| n(*a)).collect::<Vec<_>>().join(",")),
                    None => base,
                }
            }
            TypeKind::TypeParam(i) => self.tparams[*i as usize].name.clone(),
            TypeKind::Constraint { .. } => self.name(t),
            TypeKind::Pointer(e) => format!("*{}", n(*e)),
            TypeKind::Slice(e) => format!("[]{}", n(*e)),
            TypeKind::Array(k, e) => format!("[{}]{}", k, n(*e)),
            TypeKind::Map(k, v) => format!("map[{}]{}", n(*k), n(*v)),
            TypeKind::Chan(d, e) => self.chan_name(*d, *e, n),
            TypeKind::Struct(fs) => {
                if fs.is_empty() {
                    return "struct {}".into();
                }
                let parts: Vec<String> = fs.iter().map(|f| if f.embedded { n(f.ty) } else { format!("{} {}", f.name, n(f.ty)) }).collect();
                format!("struct {{ {} }}", parts.join("; "))
            }
            TypeKind::Func(s) => format!("func{}", self.rt_sig_string(s, depth)),
            TypeKind::Tuple(ts) => {
                let parts: Vec<String> = ts.iter().map(|t| n(*t)).collect();
                format!("({})", parts.join(", "))
            }
            TypeKind::Interface(ms) => {
                if ms.is_empty() {
                    return "interface {}".into();
                }
                let parts: Vec<String> = ms
                    .iter()
                    .map(|m| match self.kind(m.sig) {
                        TypeKind::Func(s) => format!("{}{}", m.name, self.rt_sig_string(s, depth)),
                        _ => m.name.clone(),
                    })
                    .collect();
                format!("interface {{ {} }}", parts.join("; "))
            }
        }
    }

    fn rt_sig_string(&self, s: &Signature, depth: u32) -> String {
        let n = |t: TypeId| self.rt_name_depth(t, depth + 1);
        let mut ps: Vec<String> = s.params.iter().map(|t| n(*t)).collect();
        if s.variadic {
            if let Some(last) = ps.last_mut() {
                *last = format!("...{}", &last[2..]);
            }
        }
        let mut out = format!("({})", ps.join(", "));
        match s.results.len() {
            0 => {}
            1 => out.push_str(&format!(" {}", n(s.results[0]))),
            _ => {
                let rs: Vec<String> = s.results.iter().map(|t| n(*t)).collect();
                out.push_str(&format!(" ({})", rs.join(", ")));
            }
        }
        out
    }

    /// Whether an interface holds a value of type `t` directly in its data word (the
    /// pointer-shaped types), rather than a pointer to a copy.
    pub fn is_direct_iface(&self, t: TypeId) -> bool {
        matches!(self.under_kind(t), TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) | TypeKind::Basic(Basic::UnsafePointer))
    }

    /// `chan T`, `chan<- T`, `<-chan T`; `chan (<-chan T)` where the element would otherwise
    /// read as part of the channel's direction.
    fn chan_name(&self, d: ChanDir, e: TypeId, n: impl Fn(TypeId) -> String) -> String {
        let en = n(e);
        match d {
            ChanDir::Both if matches!(self.kind(e), TypeKind::Chan(ChanDir::Recv, _)) => format!("chan ({})", en),
            ChanDir::Both => format!("chan {}", en),
            ChanDir::Send => format!("chan<- {}", en),
            ChanDir::Recv => format!("<-chan {}", en),
        }
    }

    /// Whether values of `t` can be compared with `==` (the spec's "Comparison operators").
    pub fn comparable(&self, t: TypeId) -> bool {
        match self.under_kind(t) {
            TypeKind::Basic(_) | TypeKind::Pointer(_) | TypeKind::Chan(..) | TypeKind::Interface(_) => true,
            TypeKind::TypeParam(_) => {
                let (terms, comparable) = self.type_set(t);
                comparable || terms.map_or(false, |ts| !ts.is_empty() && ts.iter().all(|(_, x)| self.comparable(*x)))
            }
            TypeKind::Struct(fs) => fs.iter().all(|f| self.comparable(f.ty)),
            TypeKind::Array(_, e) => self.comparable(*e),
            _ => false,
        }
    }

    /// The element type and direction of a channel type.
    pub fn chan_of(&self, t: TypeId) -> Option<(ChanDir, TypeId)> {
        match self.under_kind(t) {
            TypeKind::Chan(d, e) => Some((*d, *e)),
            _ => None,
        }
    }

    /// Whether values of `t` can be compared and hashed as plain bytes: no floats, strings,
    /// interfaces, nor padding inside (gc's "regular memory").
    pub fn is_regular_memory(&self, t: TypeId) -> bool {
        match self.under_kind(t) {
            TypeKind::Basic(b) => !(b.is_float() || b.is_complex() || b.is_string()),
            TypeKind::Pointer(_) | TypeKind::Chan(..) => true,
            TypeKind::Array(_, e) => self.is_regular_memory(*e),
            TypeKind::Struct(fs) => {
                let offs = self.field_offsets(t);
                let mut end = 0;
                for (f, o) in fs.iter().zip(&offs) {
                    if *o != end || f.name == "_" || !self.is_regular_memory(f.ty) {
                        return false;
                    }
                    end = o + self.size(f.ty);
                }
                end == self.size(t)
            }
            _ => false,
        }
    }

    pub fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.under_kind(t), TypeKind::Interface(_))
    }

    /// The methods of an interface type (empty for other types).
    pub fn imethods(&self, t: TypeId) -> &[IMethod] {
        match self.under_kind(t) {
            TypeKind::Interface(ms) | TypeKind::Constraint { methods: ms, .. } => ms,
            _ => &[],
        }
    }

    pub fn sig_string(&self, s: &Signature) -> String {
        let mut ps: Vec<String> = s.params.iter().map(|t| self.name(*t)).collect();
        if s.variadic {
            if let Some(last) = ps.last_mut() {
                *last = format!("...{}", &last[2..]);
            }
        }
        let mut out = format!("({})", ps.join(", "));
        match s.results.len() {
            0 => {}
            1 => out.push_str(&format!(" {}", self.name(s.results[0]))),
            _ => {
                let rs: Vec<String> = s.results.iter().map(|t| self.name(*t)).collect();
                out.push_str(&format!(" ({})", rs.join(", ")));
            }
        }
        out
    }
}
