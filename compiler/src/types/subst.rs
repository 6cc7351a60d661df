//! Type substitution and instantiation (the spec's "Instantiations"): replacing type
//! parameters by type arguments in a type, and making the instance of a generic type,
//! `List[int]`, a defined type of its own whose underlying type and methods are the generic
//! type's with the substitution applied.
//!
//! golift compiles generics by monomorphisation: the checker checks a generic body once,
//! with its type parameters as types of their own, and the SSA builder builds it once per
//! list of type arguments, substituting as it goes (see docs/GENERICS.md).

use crate::HashMap;

use super::ty::*;

/// A substitution: type parameter → type.
pub type Subst = HashMap<TypeId, TypeId>;

impl TypeTable {
    /// `t` with the type parameters of `s` replaced.
    pub fn subst(&mut self, t: TypeId, s: &Subst) -> TypeId {
        if s.is_empty() {
            return t;
        }
        self.subst_depth(t, s, 0)
    }

    fn subst_depth(&mut self, t: TypeId, s: &Subst, depth: u32) -> TypeId {
        if depth > 64 {
            return t;
        }
        let d = depth + 1;
        match self.kind(t).clone() {
            TypeKind::TypeParam(_) => s.get(&t).copied().unwrap_or(t),
            TypeKind::Basic(_) => t,
            TypeKind::Named(n) => match self.named[n as usize].origin.clone() {
                Some((g, args)) => {
                    let new: Vec<TypeId> = args.iter().map(|a| self.subst_depth(*a, s, d)).collect();
                    if new == args {
                        t
                    } else {
                        self.instantiate(g, &new)
                    }
                }
                None => t,
            },
            TypeKind::Pointer(e) => {
                let e = self.subst_depth(e, s, d);
                self.intern(TypeKind::Pointer(e))
            }
            TypeKind::Slice(e) => {
                let e = self.subst_depth(e, s, d);
                self.intern(TypeKind::Slice(e))
            }
            TypeKind::Array(n, e) => {
                let e = self.subst_depth(e, s, d);
                self.intern(TypeKind::Array(n, e))
            }
            TypeKind::Chan(dir, e) => {
                let e = self.subst_depth(e, s, d);
                self.intern(TypeKind::Chan(dir, e))
            }
            TypeKind::Map(k, v) => {
                let k = self.subst_depth(k, s, d);
                let v = self.subst_depth(v, s, d);
                self.intern(TypeKind::Map(k, v))
            }
            TypeKind::Struct(fs) => {
                let fs = fs.into_iter().map(|f| Field { ty: self.subst_depth(f.ty, s, d), ..f }).collect();
                self.intern(TypeKind::Struct(fs))
            }
            TypeKind::Func(sig) => {
                let sig = self.subst_sig(&sig, s, d);
                self.intern(TypeKind::Func(sig))
            }
            TypeKind::Tuple(ts) => {
                let ts = ts.into_iter().map(|x| self.subst_depth(x, s, d)).collect();
                self.intern(TypeKind::Tuple(ts))
            }
            TypeKind::Interface(ms) => {
                let ms = ms.into_iter().map(|m| IMethod { sig: self.subst_depth(m.sig, s, d), ..m }).collect();
                self.intern(TypeKind::Interface(ms))
            }
            TypeKind::Constraint { methods, terms, comparable } => {
                let methods = methods.into_iter().map(|m| IMethod { sig: self.subst_depth(m.sig, s, d), ..m }).collect();
                let terms = terms.map(|ts| ts.into_iter().map(|(tilde, x)| (tilde, self.subst_depth(x, s, d))).collect());
                self.intern(TypeKind::Constraint { methods, terms, comparable })
            }
        }
    }

    fn subst_sig(&mut self, sig: &Signature, s: &Subst, d: u32) -> Signature {
        Signature {
            params: sig.params.iter().map(|x| self.subst_depth(*x, s, d)).collect(),
            results: sig.results.iter().map(|x| self.subst_depth(*x, s, d)).collect(),
            variadic: sig.variadic,
        }
    }

    /// The instance of generic type `g` for `args`: made once, then shared. Its underlying
    /// type is filled in now if g's is known, else by `complete_instances` once it is.
    pub fn instantiate(&mut self, g: TypeId, args: &[TypeId]) -> TypeId {
        let key = (g, args.to_vec());
        if let Some(&t) = self.instances.get(&key) {
            return t;
        }
        let gd = self.named_data(g).expect("a generic type").clone();
        // gc's names: Pair[int,Point] in messages, main.Pair[int,main.Point] at run time.
        let shown: Vec<String> = args.iter().map(|a| self.name(*a)).collect();
        let name = format!("{}[{}]", gd.name, shown.join(","));
        let t = self.new_named(&name, &gd.pkg, &gd.local);
        if let TypeKind::Named(n) = self.kind(t).clone() {
            self.named[n as usize].origin = Some((g, args.to_vec()));
        }
        self.instances.insert(key, t);
        self.complete_instance(t);
        t
    }

    /// Fills in an instance's underlying type and methods from its generic type, if that
    /// generic type is complete.
    pub fn complete_instance(&mut self, t: TypeId) {
        let Some(nd) = self.named_data(t).cloned() else { return };
        let Some((g, args)) = nd.origin else { return };
        let gd = self.named_data(g).cloned().expect("a generic type");
        let TypeKind::Named(n) = *self.kind(t) else { return };
        if nd.underlying == INVALID && gd.underlying != INVALID {
            let s: Subst = gd.tparams.iter().copied().zip(args.iter().copied()).collect();
            let u = self.subst(gd.underlying, &s);
            let u = self.under(u);
            self.named[n as usize].underlying = u;
        }
        if !gd.methods.is_empty() {
            let mut ms = vec![];
            for m in &gd.methods {
                let s: Subst = m.rtparams.iter().copied().zip(args.iter().copied()).collect();
                let sig = if m.sig == INVALID { INVALID } else { self.subst(m.sig, &s) };
                ms.push(NamedMethod { sig, ..m.clone() });
            }
            self.named[n as usize].methods = ms;
        }
    }

    /// Completes every instance made so far (after generic types or methods were added).
    pub fn complete_instances(&mut self) {
        let all: Vec<TypeId> = self.instances.values().copied().collect();
        for t in all {
            self.complete_instance(t);
        }
    }
}
