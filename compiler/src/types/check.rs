//! Objects, scopes, packages and package-level declarations; the checker's entry point.

use crate::{HashMap, HashSet};

use super::constant::Const;
use super::ty::*;
use crate::source::{Diagnostics, SourceMap};
use crate::syntax::ast;

pub type ObjId = u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Append, Cap, Close, Complex, Copy, Delete, Imag, Len, Make, New, Panic, Print, Println,
    Real, Recover,
    // Package unsafe's functions.
    Sizeof, Alignof, Offsetof, UnsafeAdd, UnsafeSlice,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ObjKind {
    Var,
    Const(Const),
    TypeName,
    Func,
    Builtin(Builtin),
    Nil,
    /// An imported package: its index in `Info::packages`.
    Package(usize),
}

#[derive(Clone, Debug)]
pub struct Object {
    pub name: String,
    pub kind: ObjKind,
    pub ty: TypeId,
    pub pos: u32,
    /// Package index; usize::MAX for the universe.
    pub pkg: usize,
    /// Declared at package level.
    pub global: bool,
    pub used: bool,
    /// For a method: the receiver's named type.
    pub recv_named: Option<TypeId>,
}

/// A resolved selector `x.f`.
#[derive(Clone, Debug)]
pub enum Selection {
    /// A struct field reached through `path` (field indices, each step possibly through an
    /// implicit pointer dereference); `derefs[i]` says whether step i dereferences first.
    Field { path: Vec<usize>, derefs: Vec<bool> },
    /// A method value or call `x.m` of a defined type's method: the method object, the
    /// embedding path to the receiver, and whether the method wants a pointer receiver.
    Method { func: ObjId, path: Vec<usize>, derefs: Vec<bool>, ptr_recv: bool },
    /// A method value or call `x.m` of an interface's method (x's type, or an embedded
    /// interface field at the end of `path`): `index` in the interface's method list.
    IfaceMethod { iface: TypeId, index: usize, path: Vec<usize>, derefs: Vec<bool> },
    /// A method expression `T.m`: a function taking the receiver of type `recv` first.
    MethodExpr { recv: TypeId, found: super::methods::Found },
    /// `pkg.Name`
    Qualified(ObjId),
}

pub struct FuncInfo {
    pub obj: ObjId,
    pub pkg: usize,
    /// (file index, decl index) of the FuncDecl in `Package::files`.
    pub decl: (usize, usize),
    pub recv: Option<ObjId>,
    pub params: Vec<ObjId>,
    pub results: Vec<ObjId>,
    pub sig: Signature,
}

pub struct Package {
    pub path: String,
    pub name: String,
    pub files: std::rc::Rc<Vec<ast::File>>,
    /// The file index of each file in the SourceMap.
    pub scope: HashMap<String, ObjId>,
    /// The user's package is not package main (`golift build` of a library: checked and
    /// analysed, nothing written).
    pub library: bool,
}

/// What the checker found: everything later stages need to know about the AST.
#[derive(Default)]
pub struct Info {
    pub types: HashMap<ast::ExprId, TypeId>,
    pub consts: HashMap<ast::ExprId, Const>,
    /// Identifier uses: expression id → object.
    pub uses: HashMap<ast::ExprId, ObjId>,
    /// Identifier definitions: the identifier's start offset → object.
    pub defs: HashMap<u32, ObjId>,
    pub selections: HashMap<ast::ExprId, Selection>,
    /// Expressions that denote types (conversions, make's first argument, ...).
    pub type_exprs: HashSet<ast::ExprId>,
    pub objects: Vec<Object>,
    pub funcs: Vec<FuncInfo>,
    /// Package-level variables in initialisation order, with the spec that initialises them:
    /// (package, file, decl, spec).
    pub var_inits: Vec<(usize, usize, usize, usize)>,
    /// `init` functions in order (object ids).
    pub inits: Vec<ObjId>,
    pub main: Option<ObjId>,
    /// Function literals: expression id → (captured variables, signature).
    pub closures: HashMap<ast::ExprId, Vec<ObjId>>,
    /// Local variables whose address is taken or that are captured by closures.
    pub addressed: HashSet<ObjId>,
    /// Methods with pointer receivers.
    pub ptr_methods: HashSet<ObjId>,
    /// Function literals: their parameter and result objects and signature.
    pub lit_funcs: HashMap<ast::ExprId, (Vec<ObjId>, Vec<ObjId>, Signature)>,
    /// Type-switch case variables: case span start → object.
    pub implicits: HashMap<u32, ObjId>,
    /// Type assertions and map index expressions used in the two-value form `v, ok = ...`.
    pub comma_ok: HashSet<ast::ExprId>,
    /// Generic functions and methods of generic types: their type parameters (a method's
    /// are those its receiver declares).
    pub generic: HashMap<ObjId, Vec<TypeId>>,
    /// Uses of generic functions (the function expression of a call, or `F[int]`): the
    /// function and its type arguments, which may mention the type parameters of the
    /// enclosing generic function.
    pub instances: HashMap<ast::ExprId, (ObjId, Vec<TypeId>)>,
}

pub(crate) enum DeclRef {
    Const { pkg: usize, file: usize, decl: usize, spec: usize, index: usize },
    Var { pkg: usize, file: usize, decl: usize, spec: usize },
    Type { pkg: usize, file: usize, decl: usize, spec: usize },
    Func { pkg: usize, file: usize, decl: usize },
}

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum State {
    Unresolved,
    Resolving,
    Resolved,
}

pub(crate) struct FuncCtx {
    pub sig: Signature,
    pub named_results: bool,
}

pub struct Checker<'a> {
    pub sm: &'a SourceMap,
    pub diags: &'a mut Diagnostics,
    pub tt: TypeTable,
    pub info: Info,
    pub packages: Vec<Package>,
    pub universe: HashMap<String, ObjId>,
    pub(crate) decls: HashMap<ObjId, DeclRef>,
    pub(crate) state: HashMap<ObjId, State>,
    /// Local scopes, innermost last.
    pub(crate) scopes: Vec<HashMap<String, ObjId>>,
    pub(crate) cur_pkg: usize,
    /// Imports of the file being checked: name → package object.
    pub(crate) file_imports: HashMap<String, ObjId>,
    pub(crate) imports_of: Vec<Vec<HashMap<String, ObjId>>>,
    pub(crate) funcs: Vec<FuncCtx>,
    /// Package-level objects the current declaration refers to (for initialisation order).
    pub(crate) deps: Option<HashSet<ObjId>>,
    pub(crate) obj_deps: HashMap<ObjId, HashSet<ObjId>>,
    pub(crate) iota: Option<u32>,
    /// Local variables declared in the current function, for "declared but not used".
    pub(crate) locals: Vec<ObjId>,
    /// Closures being checked: the index in `scopes` where each one's own scopes begin.
    pub(crate) closure_depth: Vec<(usize, ast::ExprId)>,
    pub depth: u32,
    /// "declared but not used" and "imported but not used" errors. They are reported at the
    /// end, and only if no construct was unsupported: an unsupported construct stops the
    /// checker from seeing the uses inside it.
    pub(crate) unused: Vec<(u32, String)>,
    pub(crate) had_unsupported: bool,
    /// Defined types whose underlying type is that of another defined type not finished yet.
    pub(crate) pending_under: Vec<(TypeId, TypeId)>,
    /// A generic type may be named without type arguments (the base of `List[int]`).
    pub(crate) allow_generic: bool,
}

impl<'a> Checker<'a> {
    pub fn error(&mut self, pos: u32, msg: impl Into<String>) {
        self.diags.error(pos, msg);
    }

    pub fn unsupported(&mut self, pos: u32, what: &str) {
        self.had_unsupported = true;
        self.diags.error(pos, format!("{} is not supported yet", what));
    }

    pub fn new_obj(&mut self, name: &str, kind: ObjKind, ty: TypeId, pos: u32, global: bool) -> ObjId {
        let id = self.info.objects.len() as ObjId;
        self.info.objects.push(Object {
            name: name.to_string(),
            kind,
            ty,
            pos,
            pkg: self.cur_pkg,
            global,
            used: false,
            recv_named: None,
        });
        id
    }

    pub fn obj(&self, id: ObjId) -> &Object {
        &self.info.objects[id as usize]
    }

    fn make_universe(&mut self) {
        let types: [(&str, TypeId); 20] = [
            ("bool", BOOL), ("int", INT), ("int8", INT8), ("int16", INT16), ("int32", INT32),
            ("int64", INT64), ("uint", UINT), ("uint8", UINT8), ("uint16", UINT16),
            ("uint32", UINT32), ("uint64", UINT64), ("uintptr", UINTPTR), ("float32", FLOAT32),
            ("float64", FLOAT64), ("complex64", COMPLEX64), ("complex128", COMPLEX128),
            ("string", STRING), ("byte", UINT8), ("rune", INT32), ("error", INVALID),
        ];
        // error: a defined type whose underlying type is interface { Error() string }.
        let err_sig = self.tt.intern(TypeKind::Func(Signature { params: vec![], results: vec![STRING], variadic: false }));
        let err_iface = self.tt.intern(TypeKind::Interface(vec![IMethod { name: "Error".into(), pkg: String::new(), sig: err_sig }]));
        let error_t = self.tt.new_named("error", "", "error");
        if let TypeKind::Named(n) = self.tt.kind(error_t).clone() {
            self.tt.named[n as usize].underlying = err_iface;
        }
        let types = types.map(|(n, t)| (n, if n == "error" { error_t } else { t }));
        self.cur_pkg = usize::MAX;
        for (n, t) in types {
            let o = self.new_obj(n, ObjKind::TypeName, t, 0, true);
            self.universe.insert(n.to_string(), o);
        }
        for (n, v) in [("true", true), ("false", false)] {
            let o = self.new_obj(n, ObjKind::Const(Const::Bool(v)), UNTYPED_BOOL, 0, true);
            self.universe.insert(n.to_string(), o);
        }
        let o = self.new_obj("iota", ObjKind::Const(Const::Int(0.into())), UNTYPED_INT, 0, true);
        self.universe.insert("iota".into(), o);
        let o = self.new_obj("nil", ObjKind::Nil, UNTYPED_NIL, 0, true);
        self.universe.insert("nil".into(), o);
        use Builtin::*;
        for (n, b) in [
            ("append", Append), ("cap", Cap), ("close", Close), ("complex", Complex), ("copy", Copy),
            ("delete", Delete), ("imag", Imag), ("len", Len), ("make", Make), ("new", New),
            ("panic", Panic), ("print", Print), ("println", Println), ("real", Real),
            ("recover", Recover),
        ] {
            let o = self.new_obj(n, ObjKind::Builtin(b), INVALID, 0, true);
            self.universe.insert(n.to_string(), o);
        }
        // any is an alias of interface{}; comparable (constraints only) is not supported yet.
        let empty = self.tt.intern(TypeKind::Interface(vec![]));
        let o = self.new_obj("any", ObjKind::TypeName, empty, 0, true);
        self.universe.insert("any".to_string(), o);
        let cmp = self.tt.new_named("comparable", "", "comparable");
        let cu = self.tt.intern(TypeKind::Constraint { methods: vec![], terms: None, comparable: true });
        if let TypeKind::Named(n) = self.tt.kind(cmp).clone() {
            self.tt.named[n as usize].underlying = cu;
        }
        let o = self.new_obj("comparable", ObjKind::TypeName, cmp, 0, true);
        self.universe.insert("comparable".to_string(), o);
    }

    /// Looks a name up through the local scopes, the package, the file's imports and the
    /// universe.
    pub fn lookup(&mut self, name: &str) -> Option<ObjId> {
        for (i, s) in self.scopes.iter().enumerate().rev() {
            if let Some(&o) = s.get(name) {
                // A variable of an enclosing function used inside a closure is captured.
                if let Some(&(depth, lit)) = self.closure_depth.last() {
                    if i < depth && matches!(self.obj(o).kind, ObjKind::Var) && !self.obj(o).global {
                        for &(d, l) in self.closure_depth.iter() {
                            if i < d {
                                let caps = self.info.closures.entry(l).or_default();
                                if !caps.contains(&o) {
                                    caps.push(o);
                                }
                            }
                        }
                        let _ = lit;
                        self.info.addressed.insert(o);
                    }
                }
                return Some(o);
            }
        }
        if let Some(&o) = self.packages[self.cur_pkg].scope.get(name) {
            if let Some(d) = &mut self.deps {
                d.insert(o);
            }
            return Some(o);
        }
        if let Some(&o) = self.file_imports.get(name) {
            return Some(o);
        }
        self.universe.get(name).copied()
    }

    pub fn declare_local(&mut self, name: &ast::Ident, kind: ObjKind, ty: TypeId) -> ObjId {
        let o = self.new_obj(&name.name, kind, ty, name.span.lo, false);
        self.info.defs.insert(name.span.lo, o);
        if name.name == "_" {
            return o;
        }
        let scope = self.scopes.last_mut().expect("a local scope");
        if let Some(&prev) = scope.get(&name.name) {
            let prev_pos = self.obj(prev).pos;
            let p = self.sm.position(prev_pos);
            self.error(name.span.lo, format!("{} redeclared in this block\n\t{}: other declaration of {}", name.name, p, name.name));
            // The first declaration stays in scope (gc does the same).
            self.info.objects[o as usize].used = true;
            return o;
        }
        self.scopes.last_mut().unwrap().insert(name.name.clone(), o);
        if matches!(self.obj(o).kind, ObjKind::Var) {
            self.locals.push(o);
        }
        o
    }

    /// Collects the package-level objects of package `pi`.
    fn collect(&mut self, pi: usize) {
        self.cur_pkg = pi;
        if self.packages[pi].path == "unsafe" {
            // Package unsafe has no source: its type Pointer and its functions, which the
            // compiler implements (as gc's types2 does).
            let o = self.new_obj("Pointer", ObjKind::TypeName, UNSAFE_POINTER, 0, true);
            self.packages[pi].scope.insert("Pointer".into(), o);
            for (n, b) in [("Sizeof", Builtin::Sizeof), ("Alignof", Builtin::Alignof), ("Offsetof", Builtin::Offsetof), ("Add", Builtin::UnsafeAdd), ("Slice", Builtin::UnsafeSlice)] {
                let o = self.new_obj(n, ObjKind::Builtin(b), INVALID, 0, true);
                self.packages[pi].scope.insert(n.into(), o);
            }
            self.imports_of.push(vec![]);
            return;
        }
        let files = self.packages[pi].files.clone();
        let mut imports_of = vec![];
        for (fi, f) in files.iter().enumerate() {
            let mut imports = HashMap::default();
            for imp in &f.imports {
                let path = imp.path.trim_matches(|c| c == '"' || c == '`').to_string();
                let Some(target) = self.packages.iter().position(|p| p.path == path) else {
                    self.error(imp.span.lo, format!("package {} is not in std", path));
                    continue;
                };
                let name = imp.name.as_ref().map(|n| n.name.clone()).unwrap_or_else(|| self.packages[target].name.clone());
                if name == "_" {
                    // Imported for its initialisation only (the package is loaded and its
                    // init functions run); no name is declared.
                    continue;
                }
                if name == "." {
                    self.unsupported(imp.span.lo, &format!("import {} \"{}\"", name, path));
                    continue;
                }
                let o = self.new_obj(&name, ObjKind::Package(target), INVALID, imp.span.lo, true);
                imports.insert(name, o);
            }
            imports_of.push(imports);
            for (di, d) in f.decls.iter().enumerate() {
                match d {
                    ast::Decl::Const(specs) => {
                        for (si, s) in specs.iter().enumerate() {
                            for (ni, n) in s.names.iter().enumerate() {
                                let o = self.new_obj(&n.name, ObjKind::Const(Const::Int(0.into())), INVALID, n.span.lo, true);
                                self.decls.insert(o, DeclRef::Const { pkg: pi, file: fi, decl: di, spec: si, index: ni });
                                self.declare_global(n, o);
                            }
                        }
                    }
                    ast::Decl::Var(specs) => {
                        for (si, s) in specs.iter().enumerate() {
                            for n in &s.names {
                                let o = self.new_obj(&n.name, ObjKind::Var, INVALID, n.span.lo, true);
                                self.decls.insert(o, DeclRef::Var { pkg: pi, file: fi, decl: di, spec: si });
                                self.declare_global(n, o);
                            }
                        }
                    }
                    ast::Decl::Type(specs) => {
                        for (si, s) in specs.iter().enumerate() {
                            let o = self.new_obj(&s.name.name, ObjKind::TypeName, INVALID, s.name.span.lo, true);
                            self.decls.insert(o, DeclRef::Type { pkg: pi, file: fi, decl: di, spec: si });
                            self.declare_global(&s.name, o);
                        }
                    }
                    ast::Decl::Func(fd) => {
                        let o = self.new_obj(&fd.name.name, ObjKind::Func, INVALID, fd.name.span.lo, true);
                        self.decls.insert(o, DeclRef::Func { pkg: pi, file: fi, decl: di });
                        self.info.defs.insert(fd.name.span.lo, o);
                        if fd.recv.is_none() {
                            if fd.name.name == "init" {
                                self.info.inits.push(o);
                                if !fd.ty.params.is_empty() || !fd.ty.results.is_empty() {
                                    self.error(fd.name.span.lo, "func init must have no arguments and no return values");
                                }
                            } else if fd.name.name == "main" && self.packages[pi].name == "main" {
                                self.info.main = Some(o);
                                if !fd.ty.params.is_empty() || !fd.ty.results.is_empty() {
                                    self.error(fd.name.span.lo, "func main must have no arguments and no return values");
                                }
                                self.declare_global(&fd.name, o);
                            } else {
                                self.declare_global(&fd.name, o);
                            }
                        }
                    }
                }
            }
        }
        self.imports_of.push(imports_of);
    }

    fn declare_global(&mut self, n: &ast::Ident, o: ObjId) {
        self.info.defs.insert(n.span.lo, o);
        if n.name == "_" {
            return;
        }
        let pi = self.cur_pkg;
        if let Some(&prev) = self.packages[pi].scope.get(&n.name) {
            let p = self.sm.position(self.obj(prev).pos);
            self.error(n.span.lo, format!("{} redeclared in this block\n\t{}: other declaration of {}", n.name, p, n.name));
            return;
        }
        self.packages[pi].scope.insert(n.name.clone(), o);
    }

    /// Resolves a package-level object (its type, and for constants its value).
    pub fn resolve(&mut self, o: ObjId) {
        let st = self.state.get(&o).copied().unwrap_or(State::Resolved);
        match st {
            State::Resolved => return,
            State::Resolving => {
                // A type may refer to itself (through pointers etc.); constants and
                // variables may not.
                if !matches!(self.obj(o).kind, ObjKind::TypeName | ObjKind::Func) {
                    let name = self.obj(o).name.clone();
                    let pos = self.obj(o).pos;
                    self.error(pos, format!("initialization cycle or invalid recursive reference to {}", name));
                    self.info.objects[o as usize].ty = INVALID;
                    self.state.insert(o, State::Resolved);
                }
                return;
            }
            State::Unresolved => {}
        }
        self.state.insert(o, State::Resolving);
        let Some(d) = self.decls.remove(&o) else { return };
        // Save the function-local context: package-level declarations are checked on their own.
        let saved_scopes = std::mem::take(&mut self.scopes);
        let saved_pkg = self.cur_pkg;
        let saved_imports = std::mem::take(&mut self.file_imports);
        let saved_deps = self.deps.take();
        let saved_iota = self.iota.take();
        let saved_funcs = std::mem::take(&mut self.funcs);
        let saved_closures = std::mem::take(&mut self.closure_depth);
        match d {
            DeclRef::Const { pkg, file, decl, spec, index } => {
                self.enter_file(pkg, file);
                self.resolve_const(o, pkg, file, decl, spec, index);
            }
            DeclRef::Var { pkg, file, decl, spec } => {
                self.enter_file(pkg, file);
                self.resolve_global_var(pkg, file, decl, spec);
            }
            DeclRef::Type { pkg, file, decl, spec } => {
                self.enter_file(pkg, file);
                self.resolve_type_decl(o, pkg, file, decl, spec);
            }
            DeclRef::Func { pkg, file, decl } => {
                self.enter_file(pkg, file);
                self.resolve_func_sig(o, pkg, file, decl);
            }
        }
        self.scopes = saved_scopes;
        self.cur_pkg = saved_pkg;
        self.file_imports = saved_imports;
        self.deps = saved_deps;
        self.iota = saved_iota;
        self.funcs = saved_funcs;
        self.closure_depth = saved_closures;
        self.state.insert(o, State::Resolved);
    }

    pub(crate) fn enter_file(&mut self, pkg: usize, file: usize) {
        self.cur_pkg = pkg;
        self.file_imports = self.imports_of[pkg][file].clone();
    }

    fn spec(f: &ast::File, decl: usize, spec: usize) -> &ast::ValueSpec {
        match &f.decls[decl] {
            ast::Decl::Const(s) | ast::Decl::Var(s) => &s[spec],
            _ => unreachable!(),
        }
    }

    fn resolve_const(&mut self, o: ObjId, pkg: usize, file: usize, decl: usize, spec: usize, index: usize) {
        let files = self.packages[pkg].files.clone();
        self.const_spec_one(o, Self::spec(&files[file], decl, spec), index);
    }

    /// Checks one name of a const spec (shared by package-level and local constants).
    pub(crate) fn const_spec_one(&mut self, o: ObjId, s: &ast::ValueSpec, index: usize) {
        self.iota = Some(s.iota);
        let ty = s.ty.as_ref().map(|t| self.type_expr(t));
        let Some(e) = s.values.get(index) else {
            let pos = s.names[index].span.lo;
            self.error(pos, "missing init expr for const declaration");
            self.info.objects[o as usize].ty = INVALID;
            self.iota = None;
            return;
        };
        if index == s.names.len() - 1 && s.values.len() > s.names.len() {
            self.error(s.values[s.names.len()].span.lo, "extra init expr");
        }
        let mut op = self.expr(e, ty);
        self.iota = None;
        if op.mode == super::expr::Mode::Invalid {
            self.info.objects[o as usize].ty = INVALID;
            return;
        }
        if op.mode != super::expr::Mode::Const {
            let d = self.describe(e, &op);
            self.error(e.span.lo, format!("{} is not constant", d));
            self.info.objects[o as usize].ty = INVALID;
            return;
        }
        if let Some(t) = ty {
            if !self.tt.is_untyped(t) && self.tt.basic(t).is_none() {
                let n = self.tt.name(t);
                self.error(s.ty.as_ref().unwrap().span.lo, format!("invalid constant type {}", n));
                self.info.objects[o as usize].ty = INVALID;
                return;
            }
            self.assign(e, &mut op, t, "constant declaration");
        }
        self.info.objects[o as usize].ty = op.ty;
        self.info.objects[o as usize].kind = ObjKind::Const(op.val.clone().unwrap_or(Const::Int(0.into())));
    }

    fn resolve_global_var(&mut self, pkg: usize, file: usize, decl: usize, spec: usize) {
        let files = self.packages[pkg].files.clone();
        let s = Self::spec(&files[file], decl, spec);
        // All names of the spec are resolved together.
        let objs: Vec<ObjId> = s.names.iter().map(|n| self.info.defs[&n.span.lo]).collect();
        for &x in &objs {
            self.state.insert(x, State::Resolving);
        }
        self.deps = Some(HashSet::default());
        self.var_spec_types(s, &objs);
        let deps = self.deps.take().unwrap_or_default();
        for &x in &objs {
            self.obj_deps.insert(x, deps.clone());
            self.state.insert(x, State::Resolved);
        }
    }

    fn resolve_type_decl(&mut self, o: ObjId, pkg: usize, file: usize, decl: usize, spec: usize) {
        let files = self.packages[pkg].files.clone();
        if let ast::Decl::Type(s) = &files[file].decls[decl] {
            self.type_spec(o, &s[spec]);
        }
    }

    /// A type declaration (package-level or local), for the object `o` already declared.
    pub(crate) fn type_spec(&mut self, o: ObjId, s: &ast::TypeSpec) {
        if s.alias && !s.tparams.is_empty() {
            self.error(s.name.span.lo, "generic type cannot be alias");
            self.info.objects[o as usize].ty = INVALID;
            return;
        }
        if s.alias {
            let t = self.type_expr(&s.ty);
            self.info.objects[o as usize].ty = t;
            return;
        }
        let pkg = if self.cur_pkg != usize::MAX { self.packages[self.cur_pkg].name.clone() } else { "main".to_string() };
        // gc names types of package main without the "main." prefix in messages.
        let name = if pkg == "main" { s.name.name.clone() } else { format!("{}.{}", pkg, s.name.name) };
        let named = self.tt.new_named(&name, &pkg, &s.name.name);
        self.info.objects[o as usize].ty = named;
        self.state.insert(o, State::Resolved);
        let generic = !s.tparams.is_empty();
        if generic {
            self.scopes.push(HashMap::default());
            let tps = self.declare_tparams(&s.tparams);
            if let TypeKind::Named(n) = self.tt.kind(named).clone() {
                self.tt.named[n as usize].tparams = tps;
            }
        }
        let rhs = self.type_expr(&s.ty);
        if generic {
            self.scopes.pop();
            if self.tt.is_type_param(rhs) {
                self.error(s.ty.span.lo, "cannot use a type parameter as RHS in type declaration");
            }
        }
        let u = self.tt.under(rhs);
        let n = match self.tt.kind(named) {
            TypeKind::Named(n) => *n as usize,
            _ => unreachable!(),
        };
        self.tt.named[n].underlying = u;
        if u == INVALID && self.tt.named_data(rhs).is_some() {
            // `type T2 T1` while T1's own underlying type is still being worked out (T1
            // refers to T2): take it once it is known.
            self.pending_under.push((named, rhs));
        }
        if generic {
            self.tt.complete_instances();
        }
    }

    fn resolve_func_sig(&mut self, o: ObjId, pkg: usize, file: usize, decl: usize) {
        let files = self.packages[pkg].files.clone();
        let ast::Decl::Func(fd) = &files[file].decls[decl] else { return };
        if !fd.tparams.is_empty() && fd.recv.is_some() {
            self.error(fd.tparams[0].span.lo, "methods cannot have type parameters");
            self.info.objects[o as usize].ty = INVALID;
            return;
        }
        if !fd.tparams.is_empty() {
            if fd.name.name == "main" || fd.name.name == "init" {
                self.error(fd.name.span.lo, format!("func {} must have no type parameters", fd.name.name));
            }
            self.scopes.push(HashMap::default());
            let tps = self.declare_tparams(&fd.tparams);
            let sig = self.signature(&fd.ty);
            self.scopes.pop();
            self.info.generic.insert(o, tps);
            let ft = self.tt.intern(TypeKind::Func(sig));
            self.info.objects[o as usize].ty = ft;
            return;
        }
        // A method of a generic type: its receiver's type parameters are in scope.
        let rtps = self.info.generic.get(&o).cloned();
        if let Some(tps) = &rtps {
            self.scopes.push(HashMap::default());
            self.scope_tparams(tps);
        }
        let sig = self.signature(&fd.ty);
        if rtps.is_some() {
            self.scopes.pop();
        }
        let ft = self.tt.intern(TypeKind::Func(sig));
        self.info.objects[o as usize].ty = ft;
    }

    pub fn signature(&mut self, ft: &ast::FuncType) -> Signature {
        let mut params = vec![];
        let mut variadic = false;
        let n = ft.params.len();
        for (i, p) in ft.params.iter().enumerate() {
            let t = if let ast::ExprKind::Ellipsis(elem) = &p.ty.kind {
                if i != n - 1 || p.names.len() > 1 {
                    self.error(p.ty.span.lo, "can only use ... with final parameter in list");
                }
                variadic = true;
                let e = self.type_expr(elem);
                self.tt.slice(e)
            } else {
                self.type_expr(&p.ty)
            };
            for _ in 0..p.names.len().max(1) {
                params.push(t);
            }
        }
        let mut results = vec![];
        for r in &ft.results {
            let t = self.type_expr(&r.ty);
            for _ in 0..r.names.len().max(1) {
                results.push(t);
            }
        }
        Signature { params, results, variadic }
    }

    /// Completes the types recorded in `pending_under`, in as many rounds as chains need.
    fn finish_underlying(&mut self) {
        loop {
            let mut progress = false;
            for (t, rhs) in std::mem::take(&mut self.pending_under) {
                let u = self.tt.under(rhs);
                if u == INVALID {
                    self.pending_under.push((t, rhs));
                    continue;
                }
                if let TypeKind::Named(n) = self.tt.kind(t).clone() {
                    self.tt.named[n as usize].underlying = u;
                }
                progress = true;
            }
            if !progress {
                return;
            }
        }
    }

    /// Attaches methods to their receiver types (after all types are resolved).
    fn collect_methods(&mut self, pi: usize) {
        let files = self.packages[pi].files.clone();
        for (fi, f) in files.iter().enumerate() {
            for d in &f.decls {
                let fd = match d {
                    ast::Decl::Func(f) if f.recv.is_some() => f,
                    _ => continue,
                };
                self.enter_file(pi, fi);
                let o = self.info.defs[&fd.name.span.lo];
                let recv = fd.recv.as_ref().unwrap();
                let (base, ptr) = match &recv.ty.kind {
                    ast::ExprKind::Unary(ast::UnOp::Deref, b) => (&**b, true),
                    ast::ExprKind::Paren(b) => (&**b, false),
                    _ => (&recv.ty, false),
                };
                // `func (s *Stack[T]) Push(v T)`: the receiver names the generic type's type
                // parameters, which the method declares anew.
                let (base, rnames): (&ast::Expr, Vec<&ast::Expr>) = match &base.kind {
                    ast::ExprKind::Index(b, args) => (&**b, args.iter().collect()),
                    _ => (base, vec![]),
                };
                let ast::ExprKind::Ident(tname) = &base.kind else {
                    self.error(base.span.lo, "invalid receiver type");
                    continue;
                };
                let Some(&to) = self.packages[pi].scope.get(tname) else {
                    self.error(base.span.lo, format!("undefined: {}", tname));
                    continue;
                };
                self.resolve(to);
                let nt = self.obj(to).ty;
                let TypeKind::Named(n) = self.tt.kind(nt).clone() else {
                    let d = self.tt.name(nt);
                    self.error(base.span.lo, format!("invalid receiver type {}", d));
                    continue;
                };
                if matches!(self.tt.under_kind(nt), TypeKind::Pointer(_)) {
                    self.error(base.span.lo, format!("invalid receiver type {} (pointer or interface type)", tname));
                    continue;
                }
                if matches!(self.tt.under_kind(nt), TypeKind::Interface(_)) {
                    self.error(base.span.lo, format!("invalid receiver type {} (pointer or interface type)", tname));
                    continue;
                }
                let gtps = self.tt.named[n as usize].tparams.clone();
                if gtps.len() != rnames.len() {
                    if gtps.is_empty() {
                        self.error(base.span.lo, format!("{} is not a generic type", tname));
                    } else if rnames.is_empty() {
                        self.error(base.span.lo, format!("cannot use generic type {} without instantiation", tname));
                    } else {
                        self.error(base.span.lo, format!("got {} type parameters, but receiver base type declares {}", rnames.len(), gtps.len()));
                    }
                    self.info.objects[o as usize].ty = INVALID;
                    self.state.insert(o, State::Resolved);
                    self.decls.remove(&o);
                    continue;
                }
                let mut rtparams = vec![];
                for (k, rn) in rnames.iter().enumerate() {
                    let name = match &rn.kind {
                        ast::ExprKind::Ident(x) => x.clone(),
                        _ => {
                            self.error(rn.span.lo, "receiver type parameter must be an identifier");
                            "_".into()
                        }
                    };
                    let c = self.tt.tparam_data(gtps[k]).map_or(EMPTY_IFACE, |p| p.constraint);
                    let tp = self.tt.new_tparam(&name, c);
                    let to = self.new_obj(&name, ObjKind::TypeName, tp, rn.span.lo, false);
                    self.info.defs.insert(rn.span.lo, to);
                    rtparams.push(tp);
                }
                if !rtparams.is_empty() {
                    // The constraints mention the generic type's parameters: the method's own.
                    let s: super::subst::Subst = gtps.iter().copied().zip(rtparams.iter().copied()).collect();
                    for &tp in &rtparams {
                        if let TypeKind::TypeParam(i) = *self.tt.kind(tp) {
                            let c = self.tt.tparams[i as usize].constraint;
                            self.tt.tparams[i as usize].constraint = self.tt.subst(c, &s);
                        }
                    }
                    self.info.generic.insert(o, rtparams.clone());
                }
                let mname = fd.name.name.clone();
                if mname != "_" && self.tt.named[n as usize].methods.iter().any(|m| m.name == mname) {
                    self.error(fd.name.span.lo, format!("method {}.{} already declared", tname, mname));
                    continue;
                }
                if let TypeKind::Struct(fs) = self.tt.under_kind(nt) {
                    if fs.iter().any(|f| f.name == mname) {
                        self.error(fd.name.span.lo, format!("field and method with the same name {}", mname));
                        continue;
                    }
                }
                let mpkg = if mname.starts_with(|c: char| c.is_uppercase()) { String::new() } else { self.packages[pi].name.clone() };
                if mname != "_" {
                    self.tt.named[n as usize].methods.push(NamedMethod { name: mname, pkg: mpkg, obj: o, ptr_recv: ptr, sig: INVALID, rtparams: rtparams.clone() });
                }
                if ptr {
                    self.info.ptr_methods.insert(o);
                }
                self.info.objects[o as usize].recv_named = Some(nt);
            }
        }
        // The methods' signatures, which interface satisfaction needs from now on.
        for n in 0..self.tt.named.len() {
            for k in 0..self.tt.named[n].methods.len() {
                let o = self.tt.named[n].methods[k].obj;
                if self.obj(o).pkg != pi {
                    continue;
                }
                self.resolve(o);
                self.tt.named[n].methods[k].sig = self.obj(o).ty;
            }
        }
        self.tt.complete_instances();
    }

    fn check_bodies(&mut self, pi: usize) {
        let files = self.packages[pi].files.clone();
        for (fi, f) in files.iter().enumerate() {
            for (di, d) in f.decls.iter().enumerate() {
                let ast::Decl::Func(fd) = d else { continue };
                self.enter_file(pi, fi);
                let o = self.info.defs[&fd.name.span.lo];
                self.resolve(o);
                if self.obj(o).ty == INVALID {
                    // A generic function or a method of a generic type (reported).
                    continue;
                }
                self.deps = Some(HashSet::default());
                self.func_body(o, fd, (fi, di));
                let deps = self.deps.take().unwrap_or_default();
                self.obj_deps.insert(o, deps);
            }
        }
    }

    fn func_body(&mut self, o: ObjId, fd: &ast::FuncDecl, at: (usize, usize)) {
        let TypeKind::Func(sig) = self.tt.kind(self.obj(o).ty).clone() else { return };
        self.scopes.push(HashMap::default());
        if let Some(tps) = self.info.generic.get(&o).cloned() {
            self.scope_tparams(&tps);
        }
        self.locals.clear();
        let generic_recv = match (self.obj(o).recv_named, self.info.generic.get(&o).cloned()) {
            (Some(nt), Some(tps)) => {
                let inst = self.tt.instantiate(nt, &tps);
                Some(if self.info.ptr_methods.contains(&o) { self.tt.pointer(inst) } else { inst })
            }
            _ => None,
        };
        let recv = fd.recv.as_ref().map(|r| {
            // A generic type's receiver (`*Foo[K, _]`) is the instance for the method's own
            // type parameters.
            let t = match generic_recv {
                Some(t) => t,
                None => self.type_expr(&r.ty),
            };
            let name = r.names.first().cloned().unwrap_or(ast::Ident { name: "_".into(), span: r.span });
            self.declare_local(&name, ObjKind::Var, t)
        });
        let (params, results) = self.declare_params(&fd.ty, &sig);
        let named_results = fd.ty.results.iter().any(|r| !r.names.is_empty());
        let params_and_results: Vec<ObjId> = params.iter().chain(results.iter()).chain(recv.iter()).copied().collect();
        if let Some(body) = &fd.body {
            self.funcs.push(FuncCtx { sig: sig.clone(), named_results });
            self.block_stmts(&body.stmts);
            if !sig.results.is_empty() && !self.is_terminating_list(&body.stmts) {
                self.error(body.rbrace.lo, "missing return");
            }
            self.funcs.pop();
            self.check_labels(&body.stmts);
        } else if self.packages[self.cur_pkg].name == "main" && !self.packages[self.cur_pkg].library {
            // (A library may declare functions implemented elsewhere, as gc allows.)
            self.error(fd.name.span.lo, "missing function body");
        }
        self.report_unused(&params_and_results);
        self.scopes.pop();
        self.info.funcs.push(FuncInfo { obj: o, pkg: self.cur_pkg, decl: at, recv, params, results, sig });
    }

    pub(crate) fn declare_params(&mut self, ft: &ast::FuncType, sig: &Signature) -> (Vec<ObjId>, Vec<ObjId>) {
        let mut params = vec![];
        let mut k = 0;
        for p in &ft.params {
            if p.names.is_empty() {
                let o = self.new_obj("_", ObjKind::Var, sig.params[k], p.span.lo, false);
                params.push(o);
                k += 1;
            }
            for n in &p.names {
                let o = self.declare_local(n, ObjKind::Var, sig.params[k]);
                params.push(o);
                k += 1;
            }
        }
        let mut results = vec![];
        let mut k = 0;
        for r in &ft.results {
            if r.names.is_empty() {
                let o = self.new_obj("~r", ObjKind::Var, sig.results[k], r.span.lo, false);
                results.push(o);
                k += 1;
            }
            for n in &r.names {
                let o = self.declare_local(n, ObjKind::Var, sig.results[k]);
                results.push(o);
                k += 1;
            }
        }
        (params, results)
    }

    pub(crate) fn report_unused(&mut self, exempt: &[ObjId]) {
        let locals = std::mem::take(&mut self.locals);
        for o in locals {
            let ob = self.obj(o);
            if !ob.used && ob.name != "_" && !exempt.contains(&o) && matches!(ob.kind, ObjKind::Var) {
                let (pos, name) = (ob.pos, ob.name.clone());
                self.unused.push((pos, format!("{} declared but not used", name)));
            }
        }
    }

    /// Orders package-level variable initialisation by dependencies (the spec's "Package
    /// initialization"): repeatedly the earliest variable in declaration order that has no
    /// uninitialised dependencies.
    fn init_order(&mut self, pi: usize) {
        let mut vars: Vec<(ObjId, (usize, usize, usize, usize))> = vec![];
        let mut rep: HashMap<ObjId, ObjId> = HashMap::default();
        for (fi, f) in self.packages[pi].files.iter().enumerate() {
            for (di, d) in f.decls.iter().enumerate() {
                if let ast::Decl::Var(specs) = d {
                    for (si, s) in specs.iter().enumerate() {
                        // A spec is initialised as a whole (`var a, b = f()`): its first name
                        // stands for all of them.
                        let Some(first) = s.names.first() else { continue };
                        let spec_obj = self.info.defs[&first.span.lo];
                        for n in &s.names {
                            rep.insert(self.info.defs[&n.span.lo], spec_obj);
                        }
                        vars.push((spec_obj, (pi, fi, di, si)));
                    }
                }
            }
        }
        // Transitive variable dependencies through functions.
        let mut closure: HashMap<ObjId, HashSet<ObjId>> = HashMap::default();
        for &(v, _) in &vars {
            let mut seen = HashSet::default();
            let mut stack: Vec<ObjId> = self.obj_deps.get(&v).map(|d| d.iter().copied().collect()).unwrap_or_default();
            let mut out = HashSet::default();
            while let Some(x) = stack.pop() {
                if !seen.insert(x) {
                    continue;
                }
                if let Some(&r) = rep.get(&x) {
                    out.insert(r);
                } else if let Some(d) = self.obj_deps.get(&x) {
                    stack.extend(d.iter().copied());
                }
            }
            closure.insert(v, out);
        }
        let mut done: HashSet<ObjId> = HashSet::default();
        let mut remaining = vars.clone();
        while !remaining.is_empty() {
            let pos = remaining.iter().position(|(v, _)| {
                closure[v].iter().all(|d| done.contains(d) || d == v)
            });
            let i = match pos {
                Some(i) => i,
                None => {
                    let (v, _) = remaining[0];
                    let (p, n) = (self.obj(v).pos, self.obj(v).name.clone());
                    self.error(p, format!("initialization cycle: {} refers to itself", n));
                    0
                }
            };
            let (v, at) = remaining.remove(i);
            done.insert(v);
            self.info.var_inits.push(at);
        }
    }
}

/// Checks a whole program: the shipped packages it imports and package main. Returns the
/// facts, the type table and the packages (with their ASTs), or nothing if there were errors.
pub fn check_program(
    sm: &SourceMap,
    diags: &mut Diagnostics,
    packages: Vec<Package>,
) -> Option<(Info, TypeTable, Vec<Package>)> {
    let mut c = Checker {
        sm,
        diags,
        tt: TypeTable::new(),
        info: Info::default(),
        packages,
        universe: HashMap::default(),
        decls: HashMap::default(),
        state: HashMap::default(),
        scopes: vec![],
        cur_pkg: 0,
        file_imports: HashMap::default(),
        imports_of: vec![],
        funcs: vec![],
        deps: None,
        obj_deps: HashMap::default(),
        iota: None,
        locals: vec![],
        closure_depth: vec![],
        depth: 0,
        unused: vec![],
        had_unsupported: false,
        pending_under: vec![],
        allow_generic: false,
    };
    c.make_universe();
    let n = c.packages.len();
    for pi in 0..n {
        c.collect(pi);
    }
    for o in c.decls.keys().copied().collect::<Vec<_>>() {
        c.state.insert(o, State::Unresolved);
    }
    for pi in 0..n {
        c.cur_pkg = pi;
        // Types first, so that methods can be attached before bodies are checked.
        let mut objs: Vec<(ObjId, u32)> = c
            .decls
            .iter()
            .filter(|(_, d)| matches!(d, DeclRef::Type { pkg, .. } if *pkg == pi))
            .map(|(o, _)| (*o, 0))
            .collect();
        objs.sort();
        for (o, _) in objs {
            c.resolve(o);
        }
        c.finish_underlying();
        c.collect_methods(pi);
        let mut objs: Vec<ObjId> = c
            .decls
            .iter()
            .filter(|(_, d)| match d {
                DeclRef::Const { pkg, .. } | DeclRef::Var { pkg, .. } | DeclRef::Func { pkg, .. } | DeclRef::Type { pkg, .. } => *pkg == pi,
            })
            .map(|(o, _)| *o)
            .collect();
        objs.sort();
        for o in objs {
            c.resolve(o);
        }
        c.check_bodies(pi);
        c.init_order(pi);
        // Unused imports.
        for fi in 0..c.imports_of[pi].len() {
            let mut imps: Vec<ObjId> = c.imports_of[pi][fi].values().copied().collect();
            imps.sort();
            for o in imps {
                if !c.obj(o).used {
                    let ObjKind::Package(t) = c.obj(o).kind else { continue };
                    let path = c.packages[t].path.clone();
                    let pos = c.obj(o).pos;
                    c.unused.push((pos, format!("imported and not used: \"{}\"", path)));
                }
            }
        }
    }
    if !c.had_unsupported {
        for (pos, msg) in std::mem::take(&mut c.unused) {
            c.error(pos, msg);
        }
    }
    if c.info.main.is_none() && !c.packages.last().map_or(false, |p| p.library) {
        let pos = c.packages.last().and_then(|p| p.files.first()).map(|f| f.package.span.lo).unwrap_or(0);
        c.error(pos, "function main is undeclared in the main package");
    }
    // Untyped leftovers get their default types.
    let tt = &c.tt;
    for t in c.info.types.values_mut() {
        if *t == UNTYPED_NIL {
            continue;
        }
        *t = tt.default_type(*t);
    }
    if !c.diags.is_empty() {
        return None;
    }
    Some((c.info, c.tt, c.packages))
}
