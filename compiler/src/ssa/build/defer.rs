//! defer, panic and recover.
//!
//! A function that contains `defer` gets a frame record at entry (`DeferInit`, given the
//! addresses of its result variables, which then always live in memory). `defer f(x)`
//! evaluates f and x at once and pushes a closure that makes the call (`DeferProc`); a
//! function literal called with no arguments is pushed as it is. Every return runs the
//! deferred calls (`DeferReturn`) before it reads the results, so deferred closures can set
//! named results. `panic(v)` calls the runtime, which runs deferred calls frame by frame; if
//! one of them recovers, the runtime resumes the function that deferred it at the point
//! `DeferInit` marked, from where it runs its remaining deferred calls and returns normally.
//!
//! `recover()` passes the caller's stack pointer: the runtime only stops the panic when
//! recover is called directly by the deferred function (the spec's rule). Generated wrappers
//! (`WrapperAdjust`) hand that role on to the function they call.

use super::*;

/// Whether a function body contains a `defer` statement (not counting function literals,
/// which are functions of their own).
pub fn has_defer(stmts: &[Stmt]) -> bool {
    stmts.iter().any(stmt_has_defer)
}

fn stmt_has_defer(s: &Stmt) -> bool {
    match &*s.kind {
        StmtKind::Defer(_) => true,
        StmtKind::Labeled(_, inner) => stmt_has_defer(inner),
        StmtKind::Block(b) => has_defer(&b.stmts),
        StmtKind::If { init, then, els, .. } => init.as_deref().map_or(false, stmt_has_defer) || has_defer(&then.stmts) || els.as_deref().map_or(false, stmt_has_defer),
        StmtKind::For { init, post, body, .. } => init.as_deref().map_or(false, stmt_has_defer) || post.as_deref().map_or(false, stmt_has_defer) || has_defer(&body.stmts),
        StmtKind::Range { body, .. } => has_defer(&body.stmts),
        StmtKind::Switch { init, cases, .. } | StmtKind::TypeSwitch { init, cases, .. } => init.as_deref().map_or(false, stmt_has_defer) || cases.iter().any(|c| has_defer(&c.body)),
        StmtKind::Select(cases) => cases.iter().any(|c| has_defer(&c.body)),
        _ => false,
    }
}

/// A deferred call of a builtin, with its arguments evaluated.
#[derive(Clone)]
enum DeferredBuiltin {
    Print(bool, Vec<TypeId>),
    Panic,
    Recover,
    Delete(TypeId),
    Close,
    Copy(TypeId, TypeId),
}

impl<'a> Builder<'a> {
    /// Sets up the defer frame (at the function's entry, after the result variables).
    pub(super) fn defer_init(&mut self, results: &[ObjId], pos: u32) {
        let addrs: Vec<ValueId> = results.iter().map(|&o| self.obj_addr(o, pos)).collect();
        let fr = self.add(Op::DeferInit, UNSAFE_POINTER, addrs, Aux::None, pos);
        self.defer_frame = Some(fr);
    }

    /// `panic(v)`, v already an `interface{}`; ends the block.
    pub(super) fn gopanic(&mut self, v: ValueId, pos: u32) {
        self.rt("gopanic", INVALID, vec![v], pos);
        let b = self.cur;
        self.f.blocks[b as usize].kind = BlockKind::Exit;
        self.dead_block(pos);
    }

    pub(super) fn recover(&mut self, pos: u32) -> ValueId {
        let sp = self.add(Op::GetCallerSP, UINTPTR, vec![], Aux::None, pos);
        self.rt("gorecover", EMPTY_IFACE, vec![sp], pos)
    }

    /// `defer call`
    pub(super) fn defer_stmt(&mut self, e: &Expr, pos: u32) {
        let Some(frame) = self.defer_frame else { return };
        let Some(th) = self.call_thunk(e, "defer", pos) else { return };
        let d = self.add(Op::DeferProc, INVALID, vec![frame, th.fv], Aux::None, pos);
        if th.literal {
            if self.loop_depth > 0 {
                self.f.esc.defer_in_loop.push(d);
            } else {
                self.f.esc.defer_literal.push(d);
            }
            return;
        }
        // For escape analysis: the deferred call, with its arguments.
        if let Some(c) = th.callee {
            self.f.esc.defer_calls.insert(d, c);
        }
        if self.loop_depth > 0 {
            self.f.esc.defer_in_loop.push(d);
        }
    }

    /// `go call`: the call, with its function and arguments evaluated now, becomes a closure
    /// of no arguments that the runtime runs as a new goroutine.
    pub(super) fn go_stmt(&mut self, e: &Expr, pos: u32) {
        let Some(th) = self.call_thunk(e, "go", pos) else { return };
        self.rt("newproc", INVALID, vec![th.fv], pos);
    }

    /// The call of a `defer` or `go` statement as a closure of no arguments (a "thunk"): a
    /// function literal called without arguments is its own thunk; otherwise the function
    /// and its arguments are evaluated now and kept in a closure of a generated function
    /// (`f.deferwrapN`, `f.gowrapN`) whose code makes the call.
    fn call_thunk(&mut self, e: &Expr, kind: &str, pos: u32) -> Option<Thunk> {
        let call = strip_parens(e);
        let ExprKind::Call { fun, args, ellipsis } = &call.kind else { return None };
        // `defer func() { ... }()`: the closure is the deferred call.
        if args.is_empty() && matches!(strip_parens(fun).kind, ExprKind::FuncLit { .. }) {
            let fv = self.expr(fun);
            return Some(Thunk { fv, literal: true, callee: None });
        }
        // Otherwise the function and its arguments are evaluated now, and kept in a closure
        // whose code makes the call.
        let f = strip_parens(fun);
        let mut escape_callee: Option<crate::ssa::escape::notes::DeferCallee> = None;
        let mut nfixed_words = 0;
        let (words, make): (Vec<ValueId>, Box<dyn Fn(&mut Builder, Vec<ValueId>)>) = if let Some(b) = self.builtin_of(f) {
            let (vals, kind) = match b {
                Builtin::Print | Builtin::Println => {
                    let vals: Vec<ValueId> = args.iter().map(|a| self.expr(a)).collect();
                    let tys = args.iter().map(|a| self.type_of(a)).collect();
                    (vals, DeferredBuiltin::Print(b == Builtin::Println, tys))
                }
                Builtin::Panic => (vec![self.expr_to(&args[0], EMPTY_IFACE)], DeferredBuiltin::Panic),
                // `defer recover()` recovers as if recover were called by this function at
                // its return: the stack pointer recover checks is this function's, now.
                Builtin::Recover => (vec![self.add(Op::GetCallerSP, UINTPTR, vec![], Aux::None, pos)], DeferredBuiltin::Recover),
                Builtin::Delete => {
                    let mt = self.type_of(&args[0]);
                    let kt = match self.tt.under_kind(mt) { TypeKind::Map(k, _) => *k, _ => INVALID };
                    let m = self.expr(&args[0]);
                    let k = self.expr_to(&args[1], kt);
                    (vec![m, k], DeferredBuiltin::Delete(mt))
                }
                Builtin::Close => (vec![self.expr(&args[0])], DeferredBuiltin::Close),
                Builtin::Copy if args.len() == 2 => {
                    let (dt, st) = (self.type_of(&args[0]), self.type_of(&args[1]));
                    (vec![self.expr(&args[0]), self.expr(&args[1])], DeferredBuiltin::Copy(dt, st))
                }
                _ => {
                    self.unsupported(pos, &format!("{} of this built-in", kind));
                    return None;
                }
            };
            (vals, Box::new(move |b: &mut Builder, v: Vec<ValueId>| match &kind {
                DeferredBuiltin::Print(ln, tys) => {
                    for (i, (x, t)) in v.iter().zip(tys).enumerate() {
                        if i > 0 && *ln {
                            b.add(Op::Print, INVALID, vec![], Aux::Sym("sp".into()), u32::MAX);
                        }
                        b.print_value(*x, *t, u32::MAX);
                    }
                    if *ln {
                        b.add(Op::Print, INVALID, vec![], Aux::Sym("nl".into()), u32::MAX);
                    }
                }
                DeferredBuiltin::Panic => b.gopanic(v[0], u32::MAX),
                DeferredBuiltin::Recover => {
                    b.rt("gorecover", EMPTY_IFACE, vec![v[0]], u32::MAX);
                }
                DeferredBuiltin::Delete(mt) => {
                    b.map_delete_values(*mt, v[0], v[1], u32::MAX);
                }
                DeferredBuiltin::Close => b.chan_close(v[0], u32::MAX),
                DeferredBuiltin::Copy(dt, st) => {
                    b.copy_values(v[0], v[1], *dt, *st, u32::MAX);
                }
            }))
        } else {
            let Some((callee, recv)) = self.callee(fun, pos) else { return None };
            let ft = self.type_of(fun);
            let TypeKind::Func(sig) = self.tt.under_kind(ft).clone() else { return None };
            let mut vals: Vec<ValueId> = recv.into_iter().collect();
            // A thunk that outlives the frame (`go`, `defer` in a loop) keeps the items of a
            // `...` parameter and makes their slice when it calls, as gc does: the slice
            // does not escape, though the items it keeps do.
            // (gc reports the `...` argument at the call's '('.)
            let lparen = f.span.hi;
            let before = self.f.values.len() as ValueId;
            let (fixed, rest) = self.call_args_parts(&sig, args, *ellipsis, pos);
            self.place_arg_messages(before, fun, args, pos);
            vals.extend(fixed);
            // gc reports the `...` argument of a deferred call after its arguments' messages.
            let stmt = (fun.span.lo, call.span.hi);
            let mut variadic = None;
            if let Some((el, st, items)) = rest {
                if kind == "go" || self.loop_depth > 0 {
                    variadic = Some((el, st, items.len()));
                    vals.extend(items);
                } else {
                    let before = self.f.values.len() as ValueId;
                    let s = self.make_slice_of(el, st, &items, lparen);
                    self.report_after(before, stmt);
                    vals.push(s);
                }
            }
            let mut words = vec![];
            let shape = match &callee {
                Callee::Static(s) => Callee::Static(s.clone()),
                Callee::Value(fv) => {
                    words.push(*fv);
                    Callee::Value(0)
                }
                Callee::Iface(iv, it, k) => {
                    // Evaluating x.M of a nil interface panics at the defer statement.
                    let tab = self.add(Op::ITab, UINTPTR, vec![*iv], Aux::None, pos);
                    self.nil_check(tab, pos);
                    words.push(*iv);
                    Callee::Iface(0, *it, *k)
                }
            };
            let nfixed = words.len();
            escape_callee = Some(match &callee {
                Callee::Static(s) => crate::ssa::escape::notes::DeferCallee::Static(s.clone()),
                Callee::Value(fv) => crate::ssa::escape::notes::DeferCallee::Value(*fv),
                Callee::Iface(iv, it, k) => {
                    let name = self.tt.imethods(*it)[*k].name.clone();
                    let text = crate::ssa::escape::exprfmt::gc_expr(fun, self.info, self.tt);
                    crate::ssa::escape::notes::DeferCallee::Iface(*iv, name, text, strip_parens(fun).span.hi)
                }
            });
            nfixed_words = nfixed;
            words.extend(vals);
            (words, Box::new(move |b: &mut Builder, v: Vec<ValueId>| {
                let callee = match &shape {
                    Callee::Static(s) => Callee::Static(s.clone()),
                    Callee::Value(_) => Callee::Value(v[0]),
                    Callee::Iface(_, it, k) => Callee::Iface(v[0], *it, *k),
                };
                let mut cargs = v[nfixed..].to_vec();
                if let Some((el, st, n)) = variadic {
                    let items = cargs.split_off(cargs.len() - n);
                    let before = b.f.values.len() as ValueId;
                    let s = b.make_slice_of(el, st, &items, lparen);
                    b.report_after(before, stmt);
                    cargs.push(s);
                }
                b.emit_call(&callee, ft, cargs, u32::MAX);
            }))
        };
        let n = self.env.lit_count.entry(format!("{}·{}", self.outer, kind)).or_insert(0);
        *n += 1;
        let sym = format!("{}.{}wrap{}", self.outer, kind, n);
        let tys: Vec<TypeId> = words.iter().map(|w| self.f.v(*w).ty).collect();
        self.gen_func(&sym, vec![], vec![], true, &mut |b, _| {
            let ctx = b.add(Op::ClosurePtr, UNSAFE_POINTER, vec![], Aux::None, u32::MAX);
            let ct = b.closure_type(&tys);
            let offs = b.tt.field_offsets(ct);
            let mut vals = vec![];
            for (i, &t) in tys.iter().enumerate() {
                let pt = b.tt.pointer(t);
                let fp = b.add(Op::OffPtr, pt, vec![ctx], Aux::Int(offs[i + 1] as i64), u32::MAX);
                vals.push(if is_ssa_type(b.tt, t) { b.load(fp, t, u32::MAX) } else { fp });
            }
            make(b, vals);
            vec![]
        });
        let ft = self.tt.intern(TypeKind::Func(Signature { params: vec![], results: vec![], variadic: false }));
        let fv = self.make_closure(&sym, ft, &words, pos);
        let callee = escape_callee.map(|c| (c, words[nfixed_words..].to_vec()));
        Some(Thunk { fv, literal: false, callee })
    }
}

/// The call of a `defer` or `go` statement as a closure of no arguments.
struct Thunk {
    fv: ValueId,
    /// A function literal called without arguments: the closure is the literal itself.
    literal: bool,
    /// For escape analysis: the called function and the call's arguments.
    callee: Option<(crate::ssa::escape::notes::DeferCallee, Vec<ValueId>)>,
}
