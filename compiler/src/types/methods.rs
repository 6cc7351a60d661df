//! Selectors and method sets (the spec's "Selectors", "Method sets" and "Interface types"):
//! finding a field or method by name through embedded fields, the method set of a type, and
//! whether a type implements an interface. These read only the `TypeTable`, so the later
//! stages (itabs and method wrappers in the SSA builder, descriptors in codegen) use them too.

use crate::HashSet;

use super::ty::*;

/// What a selector `x.name` denotes.
#[derive(Clone, Debug)]
pub enum Found {
    /// A struct field: `path` are field indices from x's type, `derefs[i]` says whether step
    /// i goes through a pointer first.
    Field { path: Vec<usize>, derefs: Vec<bool>, ty: TypeId },
    /// A method declared on a defined type, reached through the embedded fields `path`.
    Method { func: u32, path: Vec<usize>, derefs: Vec<bool>, ptr_recv: bool, sig: TypeId, recv: TypeId },
    /// A method of an interface (x's type, or an embedded interface field reached by `path`):
    /// `index` in the interface's sorted method list.
    IfaceMethod { iface: TypeId, index: usize, path: Vec<usize>, derefs: Vec<bool>, sig: TypeId },
    /// Several candidates at the shallowest depth.
    Ambiguous,
}

impl Found {
    pub fn path(&self) -> &[usize] {
        match self {
            Found::Field { path, .. } | Found::Method { path, .. } | Found::IfaceMethod { path, .. } => path,
            Found::Ambiguous => &[],
        }
    }
}

/// Finds field or method `name` of type `t`, breadth-first through embedded fields: the
/// shallowest depth with exactly one candidate wins; several there are ambiguous (also when
/// one embedded type occurs twice at that depth).
///
/// `derefs[k]` tells whether the value that step k selects from is a pointer (the builder
/// dereferences it first): for k = 0 that is x itself, after that the embedded field of
/// step k-1.
pub fn lookup(tt: &TypeTable, t: TypeId, name: &str) -> Option<Found> {
    if name == "_" {
        return None;
    }
    let mut level: Vec<(TypeId, Vec<usize>, Vec<bool>)> = vec![(t, vec![], vec![])];
    let mut seen_shallower: HashSet<TypeId> = HashSet::default();
    let mut depth = 0;
    while !level.is_empty() && depth < 32 {
        let mut found: Vec<Found> = vec![];
        let mut next = vec![];
        let mut this_level = vec![];
        for (ty, path, derefs) in &level {
            // The type searched, whether it is reached through a pointer, and whether its
            // methods count (a defined pointer type has none, but its base's fields do).
            let (base, through_ptr, methods_ok) = match tt.kind(*ty) {
                TypeKind::Pointer(b) => (*b, true, true),
                TypeKind::Named(_) => match tt.under_kind(*ty) {
                    TypeKind::Pointer(b) if depth == 0 => (*b, true, false),
                    _ => (*ty, false, true),
                },
                _ => (*ty, false, true),
            };
            if matches!(tt.kind(base), TypeKind::Pointer(_)) {
                continue; // **T selects nothing
            }
            if through_ptr && depth == 0 && tt.is_interface(base) {
                continue; // pointer to interface
            }
            if tt.named_data(base).is_some() {
                if seen_shallower.contains(&base) {
                    continue;
                }
                this_level.push(base);
            }
            if methods_ok {
                if let Some(m) = tt.named_data(base).and_then(|n| n.methods.iter().find(|m| m.name == name)) {
                    found.push(Found::Method { func: m.obj, path: path.clone(), derefs: derefs.clone(), ptr_recv: m.ptr_recv, sig: m.sig, recv: base });
                    continue;
                }
            }
            // A type parameter has the methods of its constraint.
            if let Some(c) = tt.constraint_of(base) {
                let ms = tt.imethods(c);
                if let Some(i) = ms.iter().position(|m| m.name == name) {
                    found.push(Found::IfaceMethod { iface: c, index: i, path: path.clone(), derefs: derefs.clone(), sig: ms[i].sig });
                }
                continue;
            }
            match tt.under_kind(base) {
                TypeKind::Struct(fs) => {
                    for (i, f) in fs.iter().enumerate() {
                        let mut p = path.clone();
                        p.push(i);
                        let mut d = derefs.clone();
                        d.push(through_ptr);
                        if f.name == name {
                            found.push(Found::Field { path: p, derefs: d, ty: f.ty });
                        } else if f.embedded {
                            next.push((f.ty, p, d));
                        }
                    }
                }
                TypeKind::Interface(ms) => {
                    if let Some(i) = ms.iter().position(|m| m.name == name) {
                        found.push(Found::IfaceMethod { iface: base, index: i, path: path.clone(), derefs: derefs.clone(), sig: ms[i].sig });
                    }
                }
                _ => {}
            }
        }
        match found.len() {
            0 => {}
            1 => return found.pop(),
            _ => return Some(Found::Ambiguous),
        }
        seen_shallower.extend(this_level);
        level = next;
        depth += 1;
    }
    None
}

/// The type reached by following `path` (field indices) from `t` through pointers.
pub fn field_path_type(tt: &TypeTable, t: TypeId, path: &[usize]) -> TypeId {
    let mut t = t;
    for &i in path {
        let mut u = tt.under(t);
        if let TypeKind::Pointer(b) = tt.kind(u) {
            u = tt.under(*b);
        }
        if let TypeKind::Struct(fs) = tt.kind(u) {
            t = fs[i].ty;
        }
    }
    t
}

/// Whether the method found is in the method set of `t` (the spec's "Method sets"): methods
/// with pointer receivers only for pointer types, or when promoted through an embedded
/// pointer field.
pub fn in_method_set(tt: &TypeTable, t: TypeId, f: &Found) -> bool {
    match f {
        Found::Method { ptr_recv: false, .. } | Found::IfaceMethod { .. } => true,
        Found::Method { ptr_recv: true, path, .. } => {
            if path.is_empty() {
                matches!(tt.kind(t), TypeKind::Pointer(_))
            } else {
                // The receiver is addressable when t is a pointer or an embedded field on the
                // path is one.
                matches!(tt.kind(t), TypeKind::Pointer(_)) || path_has_ptr(tt, t, path)
            }
        }
        _ => false,
    }
}

/// Whether any embedded field along `path` is a pointer.
fn path_has_ptr(tt: &TypeTable, t: TypeId, path: &[usize]) -> bool {
    (1..=path.len()).any(|k| matches!(tt.kind(field_path_type(tt, t, &path[..k])), TypeKind::Pointer(_)))
}

/// An entry of a method set.
#[derive(Clone, Debug)]
pub struct MethodSetEntry {
    pub name: String,
    pub pkg: String,
    pub sig: TypeId,
    pub found: Found,
}

/// The method set of `t`, sorted by name then package (the order of descriptors and itabs).
pub fn method_set(tt: &TypeTable, t: TypeId) -> Vec<MethodSetEntry> {
    if let TypeKind::Interface(ms) = tt.under_kind(t) {
        return ms
            .iter()
            .enumerate()
            .map(|(i, m)| MethodSetEntry { name: m.name.clone(), pkg: m.pkg.clone(), sig: m.sig, found: Found::IfaceMethod { iface: t, index: i, path: vec![], derefs: vec![], sig: m.sig } })
            .collect();
    }
    let mut names: Vec<(String, String)> = vec![];
    collect_names(tt, t, &mut names, &mut HashSet::default(), 0);
    names.sort();
    names.dedup();
    let mut out = vec![];
    for (name, pkg) in names {
        let Some(f) = lookup(tt, t, &name) else { continue };
        let sig = match &f {
            Found::Method { sig, .. } | Found::IfaceMethod { sig, .. } => *sig,
            _ => continue,
        };
        if in_method_set(tt, t, &f) {
            out.push(MethodSetEntry { name, pkg, sig, found: f });
        }
    }
    out
}

fn collect_names(tt: &TypeTable, t: TypeId, out: &mut Vec<(String, String)>, seen: &mut HashSet<TypeId>, depth: u32) {
    if depth > 16 {
        return;
    }
    let base = match tt.kind(t) {
        TypeKind::Pointer(b) => *b,
        _ => t,
    };
    if !seen.insert(base) {
        return;
    }
    if let Some(n) = tt.named_data(base) {
        if !(depth == 0 && matches!(tt.under_kind(t), TypeKind::Pointer(_)) && tt.named_data(t).is_some()) {
            for m in &n.methods {
                out.push((m.name.clone(), m.pkg.clone()));
            }
        }
    }
    if let Some(c) = tt.constraint_of(base) {
        for m in tt.imethods(c) {
            out.push((m.name.clone(), m.pkg.clone()));
        }
        return;
    }
    match tt.under_kind(base) {
        TypeKind::Struct(fs) => {
            for f in fs {
                if f.embedded {
                    collect_names(tt, f.ty, out, seen, depth + 1);
                }
            }
        }
        TypeKind::Interface(ms) => {
            for m in ms {
                out.push((m.name.clone(), m.pkg.clone()));
            }
        }
        _ => {}
    }
}

/// Why `t` does not implement interface `iface`, as gc says it after "T does not implement
/// I ": `(missing M method)`, `(M method has pointer receiver)`, or `(wrong type for M
/// method)` followed by have/want lines. None when it does implement it.
pub fn missing_method(tt: &TypeTable, t: TypeId, iface: TypeId) -> Option<String> {
    for m in tt.imethods(iface) {
        let f = lookup(tt, t, &m.name);
        let (sig, found) = match &f {
            Some(x @ (Found::Method { sig, .. } | Found::IfaceMethod { sig, .. })) => (*sig, x.clone()),
            _ => return Some(format!("(missing {} method)", m.name)),
        };
        if sig != m.sig {
            return Some(format!(
                "(wrong type for {} method)\n\t\thave {}{}\n\t\twant {}{}",
                m.name,
                m.name,
                tt.method_sig_string(sig),
                m.name,
                tt.method_sig_string(m.sig)
            ));
        }
        if !in_method_set(tt, t, &found) {
            return Some(format!("({} method has pointer receiver)", m.name));
        }
    }
    None
}

/// The runtime's wording for a failed assertion to an interface (`missing method M`).
pub fn missing_method_name(tt: &TypeTable, t: TypeId, iface: TypeId) -> Option<String> {
    for m in tt.imethods(iface) {
        match lookup(tt, t, &m.name) {
            Some(f @ (Found::Method { .. } | Found::IfaceMethod { .. })) => {
                let sig = match &f {
                    Found::Method { sig, .. } | Found::IfaceMethod { sig, .. } => *sig,
                    _ => unreachable!(),
                };
                if sig != m.sig || !in_method_set(tt, t, &f) {
                    return Some(m.name.clone());
                }
            }
            _ => return Some(m.name.clone()),
        }
    }
    None
}

pub fn implements(tt: &TypeTable, t: TypeId, iface: TypeId) -> bool {
    missing_method(tt, t, iface).is_none()
}
