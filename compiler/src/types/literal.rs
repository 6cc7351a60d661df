//! Composite literals (structs, arrays, slices, maps, with elided element types) and
//! function literals.

use super::check::Checker;
use super::constant::Const;
use super::expr::Operand;
use super::ty::*;
use crate::syntax::ast::{self, Expr, ExprKind};

impl<'a> Checker<'a> {
    pub(crate) fn composite(&mut self, e: &Expr, ty: Option<&Expr>, elems: &[ast::KeyedElement], hint: Option<TypeId>) -> Operand {
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
                    let mut seen = crate::HashSet::default();
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
    pub(crate) fn composite_elem(&mut self, e: &Expr, t: TypeId) -> Operand {
        self.expr(e, Some(t))
    }

    /// gc's short form of a composite literal in messages: `Point{…}`.
    pub(crate) fn lit_desc(&self, ty: Option<&Expr>, t: TypeId) -> String {
        let name = match ty {
            Some(te) => self.sm.snippet(te.span).to_string(),
            None => self.tt.name(t),
        };
        format!("{}{{…}}", name)
    }

    pub(crate) fn array_lit_len(&mut self, elems: &[ast::KeyedElement]) -> u64 {
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

    pub(crate) fn array_elems(&mut self, elems: &[ast::KeyedElement], el: TypeId, len: Option<u64>) {
        let mut i: i64 = 0;
        let mut seen = crate::HashSet::default();
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

    pub(crate) fn func_lit(&mut self, e: &Expr, ty: &ast::FuncType, body: &ast::Block) -> Operand {
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
    }}
