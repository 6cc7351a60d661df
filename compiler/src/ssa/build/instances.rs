//! Instances of generic functions and of the methods of generic types (monomorphisation):
//! each use names the instance for its type arguments (after the substitution of the code
//! that uses it, which may itself be an instance), and each instance is built once, from the
//! generic body, by a builder whose `subst` maps the type parameters to the arguments.
//!
//! Symbols follow gc's spelling with the type arguments written out: `main.Map[int,string]`,
//! `main.(*Stack[int]).Push`, which is also what GOSSAFUNC matches.

use super::*;
use crate::types::methods::{self, Found};

/// An instance waiting to be built.
pub struct InstanceReq {
    pub obj: ObjId,
    pub targs: Vec<TypeId>,
    pub sym: String,
}

impl<'a> Builder<'a> {
    /// The symbol of generic function `o`'s instance for `targs` (types of the code being
    /// built, substituted here); the instance is built later, once.
    pub(super) fn instance_sym(&mut self, o: ObjId, targs: &[TypeId]) -> String {
        let targs: Vec<TypeId> = targs.iter().map(|t| self.sub(*t)).collect();
        let ob = &self.info.objects[o as usize];
        let pkg = self.env.pkg_paths.get(ob.pkg).cloned().unwrap_or_default();
        let args: Vec<String> = targs.iter().map(|t| self.tt.rt_name(*t)).collect();
        let sym = format!("{}.{}[{}]", pkg, ob.name, args.join(","));
        self.queue_instance(o, targs, &sym);
        sym
    }

    fn queue_instance(&mut self, o: ObjId, targs: Vec<TypeId>, sym: &str) {
        if self.env.generated.insert(sym.to_string()) {
            self.env.instances_todo.push(InstanceReq { obj: o, targs, sym: sym.to_string() });
        }
    }

    /// The function that method `func` declared on `owner` is: the declared one, or for a
    /// method of a generic type, the instance for `owner`'s type arguments.
    pub(super) fn method_target(&mut self, func: ObjId, owner: TypeId) -> String {
        if !self.info.generic.contains_key(&func) {
            return self.env.func_syms[&func].clone();
        }
        let owner = self.sub(owner);
        let targs = self.tt.named_data(owner).and_then(|n| n.origin.clone()).map(|(_, a)| a).unwrap_or_default();
        let recv = if self.info.ptr_methods.contains(&func) { self.tt.pointer(owner) } else { owner };
        let name = self.info.objects[func as usize].name.clone();
        let sym = Self::method_sym(self.tt, recv, &name);
        self.queue_instance(func, targs, &sym);
        sym
    }

    /// The defined type whose method `func` a selector on a value of type `xt` calls (for
    /// a method of a generic type: the instance).
    pub(super) fn method_owner(&mut self, func: ObjId, xt: TypeId) -> TypeId {
        let declared = self.info.objects[func as usize].recv_named.unwrap_or(INVALID);
        if !self.info.generic.contains_key(&func) {
            return declared;
        }
        let name = self.info.objects[func as usize].name.clone();
        match methods::lookup(self.tt, xt, &name) {
            Some(Found::Method { recv, .. }) => recv,
            _ => declared,
        }
    }

    /// A use of a generic function recorded by the checker at `e` (a name, `pkg.F` or
    /// `F[int]`): the instance's symbol.
    pub(super) fn instance_at(&mut self, e: &Expr) -> Option<String> {
        let (o, targs) = self.info.instances.get(&strip_parens(e).id).cloned()?;
        Some(self.instance_sym(o, &targs))
    }
}

/// Builds the instances requested so far (and those they request), into `env.extra`.
pub fn build_instances(info: &Info, tt: &mut TypeTable, diags: &mut Diagnostics, env: &mut Env) {
    while let Some(req) = env.instances_todo.pop() {
        let Some(fi) = info.funcs.iter().find(|f| f.obj == req.obj) else { continue };
        let files = env.files[fi.pkg].clone();
        let ast::Decl::Func(fd) = &files[fi.decl.0].decls[fi.decl.1] else { continue };
        let Some(body) = &fd.body else { continue };
        let tparams = info.generic.get(&req.obj).cloned().unwrap_or_default();
        let subst: crate::types::subst::Subst = tparams.into_iter().zip(req.targs.iter().copied()).collect();
        let mut b = Builder::new(info, tt, diags, env, &req.sym, &req.sym);
        b.subst = std::rc::Rc::new(subst);
        b.function(fi.recv, &fi.params, &fi.results, body, fd.span.lo);
        let f = b.f;
        env.extra.push(f);
    }
}
