//! The SSA builder: typed AST to SSA, one function at a time (gc's ssagen).
//!
//! Local variables of SSA-able types (scalars, strings, slices, pointers) whose address is
//! never taken become SSA values, with phis placed by the algorithm of Braun et al. ("Simple
//! and Efficient Construction of SSA Form", 2013): blocks are sealed once all their
//! predecessors are known. Variables of struct and array type, and addressed variables, live in
//! heap memory (there is no escape analysis yet). The builder makes runtime checks explicit:
//! bounds checks as `IsInBounds` and a branch to a panicking block, nil checks as `NilCheck`.

use crate::HashMap;

use super::ir::*;
use crate::source::Diagnostics;
use crate::syntax::ast::{self, BinOp, Expr, ExprKind, Stmt, StmtKind, UnOp};
use crate::types::check::{Builtin, Info, ObjId, ObjKind, Package, Selection};
use crate::types::constant::Const;
use crate::types::expr::strip_parens;
use crate::types::ty::*;

mod call;
mod bounded;
mod chan;
mod closure;
mod cost;
mod defer;
mod expr;
mod iface;
mod instances;
pub mod intrinsics;
pub mod maps;
mod program;
mod stmt;
mod wrappers;

pub use program::{build_program, descriptor_refs, DEAD_METHOD};

/// What the builders of all functions share: symbols, and the functions generated along the
/// way (function literals, wrappers), each generated once.
pub struct Env {
    pub func_syms: HashMap<ObjId, String>,
    pub global_syms: HashMap<ObjId, String>,
    /// Functions built besides the declared ones: literals and wrappers.
    pub extra: Vec<Func>,
    /// Symbols of generated functions (so that each is made once).
    pub generated: crate::HashSet<String>,
    /// Function literals made so far in each top-level function (for their names).
    pub lit_count: HashMap<String, usize>,
    /// Func values of functions: (function symbol, wrapper symbol).
    pub static_closures: Vec<(String, String)>,
    /// Instances of generic functions and methods still to build.
    pub instances_todo: Vec<instances::InstanceReq>,
    /// Each package's files (generic bodies are built when an instance is needed) and path.
    pub files: Vec<std::rc::Rc<Vec<ast::File>>>,
    pub pkg_paths: Vec<String>,
}

enum Loc {
    /// An SSA variable (index into the builder's variables).
    Ssa(usize),
    /// Memory at this address value.
    Mem(ValueId),
}

/// What a call calls.
#[derive(Clone, Debug)]
pub enum Callee {
    /// A function known statically.
    Static(String),
    /// A func value.
    Value(ValueId),
    /// Method `index` of interface value (of type) ...
    Iface(ValueId, TypeId, usize),
}

struct Target {
    label: Option<String>,
    brk: BlockId,
    cont: Option<BlockId>,
}

pub struct Builder<'a> {
    pub info: &'a Info,
    pub tt: &'a mut TypeTable,
    pub diags: &'a mut Diagnostics,
    pub env: &'a mut Env,
    pub f: Func,
    cur: BlockId,
    locs: HashMap<ObjId, Loc>,
    var_types: Vec<TypeId>,
    defs: HashMap<(usize, BlockId), ValueId>,
    sealed: Vec<bool>,
    incomplete: HashMap<BlockId, Vec<(usize, ValueId)>>,
    targets: Vec<Target>,
    results: Vec<ObjId>,
    /// Set when the current block has ended (after return/break/panic): further code in the
    /// same statement list is unreachable and goes into a fresh, unreachable block.
    /// Fallthrough target for switch cases.
    fallthrough_to: Option<BlockId>,
    /// The block each label starts; sealed only at the end of the function, since a goto
    /// anywhere may jump to it.
    labels: HashMap<String, BlockId>,
    unsupported: bool,
    /// The top-level function this code belongs to (function literals are named after it).
    outer: String,
    /// The defer frame, in functions with `defer` (the value of `DeferInit`).
    defer_frame: Option<ValueId>,
    /// In a function literal: the captured variables, in closure order.
    captured: Vec<ObjId>,
    /// How many loops the code being built is in (for escape analysis's notes).
    loop_depth: u32,
    /// The gotos of the function: (label, position).
    backward_gotos: Vec<(String, u32)>,
    /// Variables of the top-level function that gc would not capture by value in its
    /// closures (see `escape::capture`); None until the top-level body is scanned.
    not_by_value: Option<std::rc::Rc<crate::HashSet<ObjId>>>,
    /// The allocation the builder noted last (for note_expr).
    last_note: Option<ValueId>,
    /// In a select case: the value (and "ok") that the select received for the case's
    /// receive expression, which its assignment reads instead of receiving again.
    recv_override: HashMap<ast::ExprId, (ValueId, ValueId)>,
    /// In an instance of a generic function: its type parameters → the type arguments,
    /// applied to every type the checker recorded.
    pub subst: std::rc::Rc<crate::types::subst::Subst>,
}

pub fn is_ssa_type(tt: &TypeTable, t: TypeId) -> bool {
    !matches!(tt.under_kind(t), TypeKind::Struct(_) | TypeKind::Array(..))
}

impl<'a> Builder<'a> {
    pub fn new(info: &'a Info, tt: &'a mut TypeTable, diags: &'a mut Diagnostics, env: &'a mut Env, name: &str, sym: &str) -> Builder<'a> {
        let mut f = Func::new(name, sym);
        f.esc.built = true;
        let entry = f.new_block(0);
        f.entry = entry;
        Builder {
            info,
            tt,
            diags,
            f,
            cur: entry,
            locs: HashMap::default(),
            var_types: vec![],
            defs: HashMap::default(),
            sealed: vec![true],
            incomplete: HashMap::default(),
            targets: vec![],
            results: vec![],
            fallthrough_to: None,
            labels: HashMap::default(),
            unsupported: false,
            outer: sym.to_string(),
            defer_frame: None,
            captured: vec![],
            loop_depth: 0,
            backward_gotos: vec![],
            not_by_value: None,
            last_note: None,
            recv_override: HashMap::default(),
            subst: Default::default(),
            env,
        }
    }

    fn unsupported(&mut self, pos: u32, what: &str) {
        if !self.unsupported {
            self.diags.error(pos, format!("{} is not supported yet", what));
        }
        self.unsupported = true;
    }

    // ------------------------------------------------------------------------------------
    // Blocks and SSA variables (Braun et al.)

    fn new_block(&mut self, pos: u32) -> BlockId {
        let b = self.f.new_block(pos);
        self.sealed.push(false);
        b
    }

    fn jump(&mut self, to: BlockId) {
        let from = self.cur;
        self.f.blocks[from as usize].kind = BlockKind::Plain;
        self.f.add_edge(from, to);
    }

    fn branch(&mut self, c: ValueId, yes: BlockId, no: BlockId) {
        let from = self.cur;
        self.f.blocks[from as usize].kind = BlockKind::If(c);
        self.f.blocks[from as usize].cond_pos = self.f.v(c).pos;
        self.f.add_edge(from, yes);
        self.f.add_edge(from, no);
    }

    /// Starts emitting into `b`.
    fn start(&mut self, b: BlockId) {
        self.cur = b;
    }

    fn label_block(&mut self, name: &str, pos: u32) -> BlockId {
        if let Some(&b) = self.labels.get(name) {
            return b;
        }
        let b = self.new_block(pos);
        self.labels.insert(name.to_string(), b);
        b
    }

    /// Jumps to `b`, whose predecessors are now all known, and continues there.
    fn continue_at(&mut self, b: BlockId) {
        self.jump(b);
        self.seal(b);
        self.start(b);
    }

    /// The body of a loop, with `break` going to `brk` and `continue` to `cont`; continues at
    /// `cont` afterwards.
    fn loop_body(&mut self, label: Option<&str>, body: &ast::Block, brk: BlockId, cont: BlockId) {
        self.targets.push(Target { label: label.map(String::from), brk, cont: Some(cont) });
        self.loop_depth += 1;
        self.stmts(&body.stmts);
        self.loop_depth -= 1;
        self.targets.pop();
        self.continue_at(cont);
    }

    /// Closes a loop: the back edge to `header`, then code continues at `exit`.
    fn loop_back(&mut self, header: BlockId, exit: BlockId) {
        self.add(Op::StackCheck, INVALID, vec![], Aux::None, self.f.blocks[header as usize].pos);
        self.jump(header);
        self.seal(header);
        self.seal(exit);
        self.start(exit);
    }

    /// After a terminating statement: continue in a fresh unreachable block.
    fn dead_block(&mut self, pos: u32) {
        let b = self.new_block(pos);
        self.seal(b);
        self.start(b);
    }

    fn seal(&mut self, b: BlockId) {
        if let Some(list) = self.incomplete.remove(&b) {
            for (var, phi) in list {
                self.add_phi_operands(var, phi, b);
            }
        }
        self.sealed[b as usize] = true;
    }

    fn new_var(&mut self, t: TypeId) -> usize {
        self.var_types.push(t);
        self.var_types.len() - 1
    }

    fn write_var(&mut self, var: usize, b: BlockId, v: ValueId) {
        self.defs.insert((var, b), v);
    }

    fn read_var(&mut self, var: usize, b: BlockId) -> ValueId {
        if let Some(&v) = self.defs.get(&(var, b)) {
            return v;
        }
        let t = self.var_types[var];
        let v = if !self.sealed[b as usize] {
            let phi = self.f.add_detached(b, Op::Phi, t, vec![], Aux::None, self.f.blocks[b as usize].pos);
            self.place_phi(b, phi);
            self.incomplete.entry(b).or_default().push((var, phi));
            phi
        } else if self.f.blocks[b as usize].preds.len() == 1 {
            let p = self.f.blocks[b as usize].preds[0];
            self.read_var(var, p)
        } else if self.f.blocks[b as usize].preds.is_empty() {
            // Unreachable block: any value will do.
            self.zero_in(b, t)
        } else {
            let phi = self.f.add_detached(b, Op::Phi, t, vec![], Aux::None, self.f.blocks[b as usize].pos);
            self.place_phi(b, phi);
            self.write_var(var, b, phi);
            self.add_phi_operands(var, phi, b);
            phi
        };
        self.write_var(var, b, v);
        v
    }

    fn place_phi(&mut self, b: BlockId, phi: ValueId) {
        let vals = &mut self.f.blocks[b as usize].values;
        let at = vals.iter().position(|&v| self.f.values[v as usize].op != Op::Phi).unwrap_or(vals.len());
        vals.insert(at, phi);
    }

    fn add_phi_operands(&mut self, var: usize, phi: ValueId, b: BlockId) {
        let preds = self.f.blocks[b as usize].preds.clone();
        let mut args = vec![];
        for p in preds {
            args.push(self.read_var(var, p));
        }
        self.f.values[phi as usize].args = args;
    }

    fn zero_in(&mut self, b: BlockId, t: TypeId) -> ValueId {
        let saved = self.cur;
        self.cur = b;
        let v = self.zero(t, 0);
        self.cur = saved;
        v
    }

    // ------------------------------------------------------------------------------------
    // Value helpers

    fn add(&mut self, op: Op, ty: TypeId, args: Vec<ValueId>, aux: Aux, pos: u32) -> ValueId {
        self.f.add(self.cur, op, ty, args, aux, pos)
    }

    fn int(&mut self, ty: TypeId, v: i64) -> ValueId {
        self.add(Op::Const, ty, vec![], Aux::Int(v), u32::MAX)
    }

    fn zero(&mut self, t: TypeId, pos: u32) -> ValueId {
        let (f, cur, tt) = (&mut self.f, self.cur, &*self.tt);
        zero_value(tt, t, &mut |op, ty, args, aux, len| f.add(cur, op, ty, args, aux, if len { u32::MAX } else { pos }))
    }

    /// The zero value of any type: for memory types, the address of a new zeroed object.
    fn zero_value(&mut self, t: TypeId, pos: u32) -> ValueId {
        if is_ssa_type(self.tt, t) { self.zero(t, pos) } else { self.new_obj(t, pos) }
    }

    fn ptr_to(&mut self, t: TypeId) -> TypeId {
        self.tt.pointer(t)
    }

    fn type_of(&mut self, e: &Expr) -> TypeId {
        let t = self.info.types.get(&e.id).copied().unwrap_or(INVALID);
        self.sub(t)
    }

    /// The type the checker recorded, unsubstituted: for questions whose answer the
    /// substitution does not change (whether a type parameter's core type is a slice).
    pub(super) fn raw_type_of(&self, e: &Expr) -> TypeId {
        self.info.types.get(&e.id).copied().unwrap_or(INVALID)
    }

    /// A type the checker recorded, with the instance's type arguments for its type
    /// parameters.
    pub(super) fn sub(&mut self, t: TypeId) -> TypeId {
        if self.subst.is_empty() {
            return t;
        }
        let s = self.subst.clone();
        self.tt.subst(t, &s)
    }

    /// The type of object o (in an instance: substituted).
    pub(super) fn obj_ty(&mut self, o: ObjId) -> TypeId {
        let t = self.info.objects[o as usize].ty;
        self.sub(t)
    }

    fn rt(&mut self, name: &str, ty: TypeId, args: Vec<ValueId>, pos: u32) -> ValueId {
        self.add(Op::CallRT, ty, args, Aux::Sym(format!("runtime.{}", name)), pos)
    }

    /// Ends the current block with a call that does not return.
    fn exit_with(&mut self, op: Op, args: Vec<ValueId>, aux: Aux, pos: u32) {
        self.add(op, INVALID, args, aux, pos);
        let b = self.cur;
        self.f.blocks[b as usize].kind = BlockKind::Exit;
    }

    /// `if !cond { panic }`: the panic goes to its own block.
    fn check(&mut self, ok: ValueId, op: Op, args: Vec<ValueId>, aux: Aux, pos: u32) {
        let good = self.new_block(pos);
        let bad = self.new_block(pos);
        self.branch(ok, good, bad);
        self.seal(good);
        self.seal(bad);
        self.start(bad);
        self.exit_with(op, args, aux, pos);
        self.start(good);
    }

    fn bounds(&mut self, i: ValueId, len: ValueId, pos: u32) {
        let ok = self.add(Op::IsInBounds, BOOL, vec![i, len], Aux::None, pos);
        self.check(ok, Op::PanicIndex, vec![i, len], Aux::None, pos);
    }

    fn nil_check(&mut self, p: ValueId, pos: u32) {
        self.add(Op::NilCheck, INVALID, vec![p], Aux::None, pos);
    }

    /// What the collector needs to know about heap memory holding values of type `t`: a
    /// descriptor of its shape (size and pointer bitmap), or 0 when it holds no pointers.
    fn gc_type(&mut self, t: TypeId, pos: u32) -> ValueId {
        if self.tt.has_pointers(t) {
            self.add(Op::GCShape, UINTPTR, vec![], Aux::Type(t), pos)
        } else {
            self.int(UINTPTR, 0)
        }
    }

    fn new_obj(&mut self, t: TypeId, pos: u32) -> ValueId {
        let size = self.tt.size(t).max(1) as i64;
        let pt = self.ptr_to(t);
        let v = self.add(Op::New, pt, vec![], Aux::Int(size), pos);
        if self.loop_depth > 0 {
            self.f.esc.new_depth.insert(v, self.loop_depth);
        }
        v
    }

    /// Notes for escape analysis: `p` (a `New`) is the memory of variable `o`.
    fn note_var_alloc(&mut self, p: ValueId, o: ObjId) {
        let ob = &self.info.objects[o as usize];
        let size = self.tt.size(ob.ty);
        let note = crate::ssa::escape::notes::AllocNote {
            kind: crate::ssa::escape::notes::AllocKind::Var(o),
            text: ob.name.clone(),
            pos: ob.pos,
            depth: self.loop_depth,
            heap_reason: if size > crate::ssa::escape::MAX_STACK_VAR_SIZE { Some("too large for stack") } else { None },
            const_bytes: None,
            // gc: captured by value if never reassigned nor addressed, and small.
            by_value_capture: size <= 128
                && !self.results.contains(&o)
                && self.not_by_value.as_ref().map_or(false, |s| !s.contains(&o))
                && self.info.closures.values().any(|c| c.contains(&o)),
            after: None,
            order: 0,
            written_at: ob.pos,
            outside: None,
        };
        self.f.esc.allocs.insert(p, note);
    }

    /// Notes for escape analysis: `o` is an SSA variable, declared here with value `v`.
    fn note_ssa_var(&mut self, o: ObjId, v: ValueId) {
        let ob = &self.info.objects[o as usize];
        let note = crate::ssa::escape::notes::VarNote { name: ob.name.clone(), pos: ob.pos, depth: self.loop_depth };
        self.f.esc.vars.insert(o, note);
        self.f.esc.writes.push((v, o));
    }

    /// gc reports some implicit conversions to an interface elsewhere than at the value
    /// (at the panic's '(', a keyed element's ':', a declared name): the conversion is the
    /// last allocation noted since value `before`; its message goes to `pos`.
    /// The expression messages noted since value `before` at position `from` go to `at`
    /// (where gc's type checker last set its position when it made the conversion).
    fn move_notes(&mut self, before: ValueId, from: u32, at: u32) {
        for (v, n) in self.f.esc.allocs.iter_mut() {
            if *v >= before && n.pos == from && n.kind == crate::ssa::escape::notes::AllocKind::Expr {
                n.pos = at;
            }
        }
    }

    fn place_last_conversion(&mut self, before: ValueId, pos: u32) -> Option<ValueId> {
        let last = self.last_expr_note(before, None);
        if let Some(n) = last.and_then(|v| self.f.esc.allocs.get_mut(&v)) {
            n.pos = pos;
        }
        last
    }

    /// The expression note made last since value `before` (only among those at `at`, if
    /// given).
    fn last_expr_note(&self, before: ValueId, at: Option<u32>) -> Option<ValueId> {
        self.f
            .esc
            .allocs
            .iter()
            .filter(|(v, n)| **v >= before && n.kind == crate::ssa::escape::notes::AllocKind::Expr && at.map_or(true, |p| n.pos == p))
            .map(|(v, _)| *v)
            .max()
    }

    /// Notes for escape analysis: allocation site `v` is expression `text` at `pos`.
    fn note_expr_alloc(&mut self, v: ValueId, kind: crate::ssa::escape::notes::AllocKind, text: String, pos: u32, heap_reason: Option<&'static str>) {
        let note = crate::ssa::escape::notes::AllocNote { kind, text, pos, depth: self.loop_depth, heap_reason, const_bytes: None, by_value_capture: false, after: None, order: 0, written_at: pos, outside: None };
        self.f.esc.allocs.insert(v, note);
        self.last_note = Some(v);
    }

    /// The text gc gives expression `e` of this function once inlined into another package
    /// (None in package main). `iface`: the interface type it is converted to.
    fn outside_text(&self, e: &Expr, iface: Option<TypeId>) -> Option<String> {
        let sym = &self.f.sym;
        if sym.starts_with("main.") || sym.starts_with("go.") {
            return None;
        }
        let pkg_path = &sym[..sym.find('.')?];
        let pkg = pkg_path.rsplit('/').next().unwrap_or(pkg_path);
        Some(crate::ssa::escape::exprfmt::gc_expr_outside(e, self.info, self.tt, pkg, iface))
    }

    /// The `...` argument noted from value `before` on is reported after the messages of
    /// source range `range` (AllocNote::after).
    fn report_after(&mut self, before: ValueId, range: (u32, u32)) {
        for (v, n) in self.f.esc.allocs.iter_mut() {
            if *v >= before && n.text == "... argument" {
                n.after = Some(range);
            }
        }
    }

    fn load(&mut self, p: ValueId, t: TypeId, pos: u32) -> ValueId {
        self.add(Op::Load, t, vec![p], Aux::None, pos)
    }

    fn store(&mut self, p: ValueId, v: ValueId, t: TypeId, pos: u32) {
        if is_ssa_type(self.tt, t) {
            self.add(Op::Store, t, vec![p, v], Aux::None, pos);
        } else {
            let size = self.tt.size(t) as i64;
            self.add(Op::Move, t, vec![p, v], Aux::Int(size), pos);
        }
    }

    // ------------------------------------------------------------------------------------
    // Functions

    /// Builds a function body. `params` and `results` are the checker's objects.
    pub fn function(&mut self, recv: Option<ObjId>, params: &[ObjId], results: &[ObjId], body: &ast::Block, pos: u32) {
        self.f.pos = pos;
        if self.not_by_value.is_none() {
            self.not_by_value = Some(std::rc::Rc::new(crate::ssa::escape::capture::not_by_value(self.info, self.tt, body)));
        }
        let all: Vec<ObjId> = recv.iter().chain(params.iter()).copied().collect();
        for (i, &o) in all.iter().enumerate() {
            let t = self.obj_ty(o);
            self.f.params.push(t);
            let ob = &self.info.objects[o as usize];
            let name = if ob.name == "_" { String::new() } else { ob.name.clone() };
            self.f.esc.params.push(crate::ssa::escape::notes::ParamNote { name, pos: ob.pos, obj: Some(o) });
            let pt = if is_ssa_type(self.tt, t) { t } else { self.ptr_to(t) };
            let a = self.add(Op::Arg, pt, vec![], Aux::Int(i as i64), pos);
            if is_ssa_type(self.tt, t) {
                if self.info.addressed.contains(&o) {
                    let p = self.new_obj(t, pos);
                    self.note_var_alloc(p, o);
                    self.store(p, a, t, pos);
                    self.locs.insert(o, Loc::Mem(p));
                } else {
                    let var = self.new_var(t);
                    self.write_var(var, self.cur, a);
                    self.note_ssa_var(o, a);
                    self.locs.insert(o, Loc::Ssa(var));
                }
            } else {
                // Memory arguments arrive as a pointer to the caller's copy.
                self.locs.insert(o, Loc::Mem(a));
            }
        }
        self.load_captured(pos);
        stmt::gotos(&body.stmts, &mut self.backward_gotos);

        let with_defer = defer::has_defer(&body.stmts);
        self.results = results.to_vec();
        for (i, &o) in results.iter().enumerate() {
            let t = self.obj_ty(o);
            self.f.results.push(t);
            let name = &self.info.objects[o as usize].name;
            let name = if name.is_empty() || name == "_" || name.starts_with('~') { format!("~r{}", i) } else { name.clone() };
            self.f.esc.results.push(name);
            if with_defer {
                // Deferred calls may set the results, and a recovered panic returns them:
                // they live in memory.
                let p = self.new_obj(t, pos);
                self.locs.insert(o, Loc::Mem(p));
            } else {
                self.declare_zero(o, pos);
                // gc's results start as zero without an assignment: a result assigned once
                // (`return f`) is known to be that value where the function is inlined.
                if self.f.esc.writes.last().map_or(false, |w| w.1 == o) {
                    self.f.esc.writes.pop();
                }
            }
            // Escape analysis names an unnamed result as gc does (~r0, ~r1, ...).
            if let Some(n) = self.f.esc.vars.get_mut(&o) {
                n.name = self.f.esc.results[i].clone();
            }
        }
        self.results = results.to_vec();
        let rtys = self.f.results.clone();
        self.f.node_cost = Some(self.node_cost(body, &rtys));
        if with_defer {
            self.defer_init(results, pos);
        }
        self.stmts(&body.stmts);
        for b in self.labels.values().copied().collect::<Vec<_>>() {
            self.seal(b);
        }
        // Falling off the end returns (functions with results cannot, as the checker knows).
        if !matches!(self.f.blocks[self.cur as usize].kind, BlockKind::Exit) {
            let rs = self.result_values(body.rbrace.lo);
            let b = self.cur;
            self.f.blocks[b as usize].kind = BlockKind::Ret(rs);
        }
    }

    /// The values a `return` hands back. A struct or array result is returned as the address
    /// of a fresh copy (memory values are addresses throughout), so that the caller's value
    /// cannot change under it.
    fn result_values(&mut self, pos: u32) -> Vec<ValueId> {
        if let Some(fr) = self.defer_frame {
            self.add(Op::DeferReturn, INVALID, vec![fr], Aux::None, pos);
        }
        let rs = self.results.clone();
        rs.iter()
            .map(|&o| {
                let v = self.read_obj(o, pos);
                let t = self.obj_ty(o);
                if is_ssa_type(self.tt, t) { v } else { self.copy_mem(v, t, pos) }
            })
            .collect()
    }

    /// Declares a local variable initialised to its zero value.
    fn declare_zero(&mut self, o: ObjId, pos: u32) {
        let t = self.obj_ty(o);
        if is_ssa_type(self.tt, t) && !self.info.addressed.contains(&o) {
            let z = self.zero(t, pos);
            let var = self.new_var(t);
            self.write_var(var, self.cur, z);
            self.note_ssa_var(o, z);
            self.locs.insert(o, Loc::Ssa(var));
        } else {
            let p = self.new_obj(t, pos);
            self.note_var_alloc(p, o);
            self.locs.insert(o, Loc::Mem(p));
        }
    }

    /// Declares a local variable with a value (SSA value, or address for memory types).
    fn declare_value(&mut self, o: ObjId, v: ValueId, pos: u32) {
        let t = self.obj_ty(o);
        if is_ssa_type(self.tt, t) && !self.info.addressed.contains(&o) {
            let var = self.new_var(t);
            self.write_var(var, self.cur, v);
            self.note_ssa_var(o, v);
            self.locs.insert(o, Loc::Ssa(var));
        } else {
            let p = self.new_obj(t, pos);
            self.note_var_alloc(p, o);
            self.store(p, v, t, pos);
            self.locs.insert(o, Loc::Mem(p));
        }
    }

    fn read_obj(&mut self, o: ObjId, pos: u32) -> ValueId {
        let t = self.obj_ty(o);
        match self.locs.get(&o) {
            Some(Loc::Ssa(var)) => {
                let var = *var;
                let v = self.read_var(var, self.cur);
                // Each read of a variable holding pointers is a value of its own, so that
                // escape analysis can tell the reads of different variables apart.
                if self.tt.has_pointers(t) {
                    let c = self.add(Op::Copy, t, vec![v], Aux::None, pos);
                    self.f.esc.reads.push((c, o));
                    c
                } else {
                    v
                }
            }
            Some(Loc::Mem(p)) => {
                let p = *p;
                if is_ssa_type(self.tt, t) { self.load(p, t, pos) } else { p }
            }
            None => {
                let p = self.obj_addr(o, pos);
                if is_ssa_type(self.tt, t) { self.load(p, t, pos) } else { p }
            }
        }
    }

    /// The address of a variable in memory (local or global).
    fn obj_addr(&mut self, o: ObjId, pos: u32) -> ValueId {
        if let Some(Loc::Mem(p)) = self.locs.get(&o) {
            return *p;
        }
        let t = self.obj_ty(o);
        let pt = self.ptr_to(t);
        match self.env.global_syms.get(&o) {
            Some(sym) => self.add(Op::Addr, pt, vec![], Aux::Sym(sym.clone()), pos),
            None => {
                self.unsupported(pos, "this variable reference (a closure capture)");
                self.add(Op::ConstNil, pt, vec![], Aux::None, pos)
            }
        }
    }

    fn write_obj(&mut self, o: ObjId, v: ValueId, pos: u32) {
        let t = self.obj_ty(o);
        match self.locs.get(&o) {
            Some(Loc::Ssa(var)) => {
                let var = *var;
                self.write_var(var, self.cur, v);
                self.f.esc.writes.push((v, o));
            }
            _ => {
                let p = self.obj_addr(o, pos);
                self.store(p, v, t, pos);
            }
        }
    }

}


/// An iteration variable of a range loop.
pub(super) enum RangeVar {
    Obj(ObjId),
    Expr(Expr),
}

enum LValue {
    Var(ObjId),
    Mem(ValueId, TypeId),
    /// `m[k]`: map type, map, key.
    MapElem(TypeId, ValueId, ValueId),
    /// In a tuple assignment the operands of the targets are evaluated first and the
    /// targets assigned afterwards, left to right, each with its own checks: so
    /// `m[k], *p = 1, 2` stores into m before p's nil check panics. These are the targets
    /// whose nil or bounds check waits for the store: `*p` (pointer, type), `s[i]` (slice,
    /// index, element type), `x.f` through a pointer (base, base type, path, derefs, field type).
    DerefLater(ValueId, TypeId),
    SliceElemLater(ValueId, ValueId, TypeId),
    FieldLater(ValueId, TypeId, Vec<usize>, Vec<bool>, TypeId),
    Blank,
}

