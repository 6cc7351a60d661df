//! The SSA builder: typed AST to SSA, one function at a time (gc's ssagen).
//!
//! Local variables of SSA-able types (scalars, strings, slices, pointers) whose address is
//! never taken become SSA values, with phis placed by the algorithm of Braun et al. ("Simple
//! and Efficient Construction of SSA Form", 2013): blocks are sealed once all their
//! predecessors are known. Variables of struct and array type, and addressed variables, live in
//! heap memory (there is no escape analysis yet). The builder makes runtime checks explicit:
//! bounds checks as `IsInBounds` and a branch to a panicking block, nil checks as `NilCheck`.

use std::collections::HashMap;

use super::ir::*;
use crate::source::Diagnostics;
use crate::syntax::ast::{self, BinOp, Expr, ExprKind, Stmt, StmtKind, UnOp};
use crate::types::check::{Builtin, Info, ObjId, ObjKind, Package, Selection};
use crate::types::constant::Const;
use crate::types::expr::strip_parens;
use crate::types::ty::*;

enum Loc {
    /// An SSA variable (index into the builder's variables).
    Ssa(usize),
    /// Memory at this address value.
    Mem(ValueId),
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
    pub func_syms: &'a HashMap<ObjId, String>,
    pub global_syms: &'a HashMap<ObjId, String>,
}

pub fn is_ssa_type(tt: &TypeTable, t: TypeId) -> bool {
    !matches!(tt.under_kind(t), TypeKind::Struct(_) | TypeKind::Array(..))
}

impl<'a> Builder<'a> {
    pub fn new(
        info: &'a Info,
        tt: &'a mut TypeTable,
        diags: &'a mut Diagnostics,
        name: &str,
        sym: &str,
        func_syms: &'a HashMap<ObjId, String>,
        global_syms: &'a HashMap<ObjId, String>,
    ) -> Builder<'a> {
        let mut f = Func::new(name, sym);
        let entry = f.new_block(0);
        f.entry = entry;
        Builder {
            info,
            tt,
            diags,
            f,
            cur: entry,
            locs: HashMap::new(),
            var_types: vec![],
            defs: HashMap::new(),
            sealed: vec![true],
            incomplete: HashMap::new(),
            targets: vec![],
            results: vec![],
            fallthrough_to: None,
            labels: HashMap::new(),
            unsupported: false,
            func_syms,
            global_syms,
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
        self.stmts(&body.stmts);
        self.targets.pop();
        self.continue_at(cont);
    }

    /// Closes a loop: the back edge to `header`, then code continues at `exit`.
    fn loop_back(&mut self, header: BlockId, exit: BlockId) {
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
        match self.tt.under_kind(t).clone() {
            TypeKind::Basic(b) if b.is_string() => {
                let p = self.add(Op::ConstNil, UNSAFE_POINTER, vec![], Aux::None, pos);
                let l = self.int(INT, 0);
                self.add(Op::StringMake, t, vec![p, l], Aux::None, pos)
            }
            TypeKind::Basic(b) if b.is_float() => self.add(Op::Const, t, vec![], Aux::Float(0.0), pos),
            TypeKind::Basic(_) => self.add(Op::Const, t, vec![], Aux::Int(0), pos),
            TypeKind::Slice(_) => {
                let p = self.add(Op::ConstNil, UNSAFE_POINTER, vec![], Aux::None, pos);
                let l = self.int(INT, 0);
                self.add(Op::SliceMake, t, vec![p, l, l], Aux::None, pos)
            }
            _ => self.add(Op::ConstNil, t, vec![], Aux::None, pos),
        }
    }

    fn ptr_to(&mut self, t: TypeId) -> TypeId {
        self.tt.pointer(t)
    }

    fn type_of(&self, e: &Expr) -> TypeId {
        self.info.types.get(&e.id).copied().unwrap_or(INVALID)
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

    fn new_obj(&mut self, t: TypeId, pos: u32) -> ValueId {
        let size = self.tt.size(t).max(1) as i64;
        let pt = self.ptr_to(t);
        self.add(Op::New, pt, vec![], Aux::Int(size), pos)
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
        let all: Vec<ObjId> = recv.iter().chain(params.iter()).copied().collect();
        for (i, &o) in all.iter().enumerate() {
            let t = self.info.objects[o as usize].ty;
            self.f.params.push(t);
            let pt = if is_ssa_type(self.tt, t) { t } else { self.ptr_to(t) };
            let a = self.add(Op::Arg, pt, vec![], Aux::Int(i as i64), pos);
            if is_ssa_type(self.tt, t) {
                if self.info.addressed.contains(&o) {
                    let p = self.new_obj(t, pos);
                    self.store(p, a, t, pos);
                    self.locs.insert(o, Loc::Mem(p));
                } else {
                    let var = self.new_var(t);
                    self.write_var(var, self.cur, a);
                    self.locs.insert(o, Loc::Ssa(var));
                }
            } else {
                // Memory arguments arrive as a pointer to the caller's copy.
                self.locs.insert(o, Loc::Mem(a));
            }
        }
        for &o in results {
            let t = self.info.objects[o as usize].ty;
            self.f.results.push(t);
            self.declare_zero(o, pos);
        }
        self.results = results.to_vec();
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
        let rs = self.results.clone();
        rs.iter()
            .map(|&o| {
                let v = self.read_obj(o, pos);
                let t = self.info.objects[o as usize].ty;
                if is_ssa_type(self.tt, t) { v } else { self.copy_mem(v, t, pos) }
            })
            .collect()
    }

    /// Declares a local variable initialised to its zero value.
    fn declare_zero(&mut self, o: ObjId, pos: u32) {
        let t = self.info.objects[o as usize].ty;
        if is_ssa_type(self.tt, t) && !self.info.addressed.contains(&o) {
            let z = self.zero(t, pos);
            let var = self.new_var(t);
            self.write_var(var, self.cur, z);
            self.locs.insert(o, Loc::Ssa(var));
        } else {
            let p = self.new_obj(t, pos);
            self.locs.insert(o, Loc::Mem(p));
        }
    }

    /// Declares a local variable with a value (SSA value, or address for memory types).
    fn declare_value(&mut self, o: ObjId, v: ValueId, pos: u32) {
        let t = self.info.objects[o as usize].ty;
        if is_ssa_type(self.tt, t) && !self.info.addressed.contains(&o) {
            let var = self.new_var(t);
            self.write_var(var, self.cur, v);
            self.locs.insert(o, Loc::Ssa(var));
        } else {
            let p = self.new_obj(t, pos);
            self.store(p, v, t, pos);
            self.locs.insert(o, Loc::Mem(p));
        }
    }

    fn read_obj(&mut self, o: ObjId, pos: u32) -> ValueId {
        let t = self.info.objects[o as usize].ty;
        match self.locs.get(&o) {
            Some(Loc::Ssa(var)) => {
                let var = *var;
                self.read_var(var, self.cur)
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
        let t = self.info.objects[o as usize].ty;
        let pt = self.ptr_to(t);
        match self.global_syms.get(&o) {
            Some(sym) => self.add(Op::Addr, pt, vec![], Aux::Sym(sym.clone()), pos),
            None => {
                self.unsupported(pos, "this variable reference (a closure capture)");
                self.add(Op::ConstNil, pt, vec![], Aux::None, pos)
            }
        }
    }

    fn write_obj(&mut self, o: ObjId, v: ValueId, pos: u32) {
        let t = self.info.objects[o as usize].ty;
        match self.locs.get(&o) {
            Some(Loc::Ssa(var)) => {
                let var = *var;
                self.write_var(var, self.cur, v);
            }
            _ => {
                let p = self.obj_addr(o, pos);
                self.store(p, v, t, pos);
            }
        }
    }

    // ------------------------------------------------------------------------------------
    // Statements

    fn stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s, None);
        }
    }

    fn stmt(&mut self, s: &Stmt, label: Option<&str>) {
        let pos = s.span.lo;
        match &*s.kind {
            StmtKind::Empty => {}
            StmtKind::Labeled(l, inner) => {
                let b = self.label_block(&l.name, pos);
                self.jump(b);
                self.start(b);
                self.stmt(inner, Some(&l.name))
            }
            StmtKind::Expr(e) => {
                self.expr_any(e);
            }
            StmtKind::IncDec(x, inc) => {
                let t = self.type_of(x);
                let one = if self.tt.is_float(t) { self.add(Op::Const, t, vec![], Aux::Float(1.0), pos) } else { self.int(t, 1) };
                let op = if *inc { BinOp::Add } else { BinOp::Sub };
                self.op_assign(x, op, one, pos);
            }
            StmtKind::Assign(lhs, op, rhs) => self.assign(lhs, *op, rhs, pos),
            StmtKind::Decl(ast::Decl::Var(specs)) => {
                for sp in specs {
                    self.var_spec(sp);
                }
            }
            StmtKind::Decl(_) => {}
            StmtKind::Block(b) => self.stmts(&b.stmts),
            StmtKind::Return(results) => {
                let want = self.results.clone();
                if !results.is_empty() {
                    let vals = self.rhs(results, want.len(), pos);
                    // Assign to the result variables first (they may be named and addressed).
                    for (o, v) in want.iter().zip(vals) {
                        self.write_obj(*o, v, pos);
                    }
                }
                let rs = self.result_values(pos);
                let b = self.cur;
                self.f.blocks[b as usize].kind = BlockKind::Ret(rs);
                self.dead_block(pos);
            }
            StmtKind::If { init, cond, then, els } => {
                if let Some(i) = init {
                    self.stmt(i, None);
                }
                let yes = self.new_block(then.lbrace.lo);
                let no = self.new_block(pos);
                self.cond(cond, yes, no);
                self.seal(yes);
                self.seal(no);
                let join = self.new_block(pos);
                self.start(yes);
                self.stmts(&then.stmts);
                self.jump(join);
                self.start(no);
                if let Some(e) = els {
                    self.stmt(e, None);
                }
                self.continue_at(join);
            }
            StmtKind::For { init, cond, post, body } => {
                if let Some(i) = init {
                    self.stmt(i, None);
                }
                let header = self.new_block(pos);
                let bodyb = self.new_block(body.lbrace.lo);
                let postb = self.new_block(pos);
                let exit = self.new_block(pos);
                self.jump(header);
                self.start(header);
                match cond {
                    Some(c) => self.cond(c, bodyb, exit),
                    None => self.jump(bodyb),
                }
                self.seal(bodyb);
                self.start(bodyb);
                self.loop_body(label, body, exit, postb);
                if let Some(p) = post {
                    self.stmt(p, None);
                }
                self.loop_back(header, exit);
            }
            StmtKind::Range { key, value, define, x, body } => self.range(key.as_deref(), value.as_deref(), *define, x, body, label, pos),
            StmtKind::Switch { init, tag, cases, .. } => self.switch(init.as_deref(), tag.as_ref(), cases, label, pos),
            StmtKind::Break(l) | StmtKind::Continue(l) => {
                let is_break = matches!(*s.kind, StmtKind::Break(_));
                let t = match l {
                    None => self.targets.iter().rev().find(|t| is_break || t.cont.is_some()),
                    Some(l) => self.targets.iter().rev().find(|t| t.label.as_deref() == Some(l.name.as_str())),
                };
                let Some(t) = t else { return };
                let to = if is_break { t.brk } else { t.cont.unwrap() };
                self.jump(to);
                self.dead_block(pos);
            }
            StmtKind::Fallthrough => {
                if let Some(to) = self.fallthrough_to {
                    self.jump(to);
                    self.dead_block(pos);
                }
            }
            StmtKind::Goto(l) => {
                let b = self.label_block(&l.name, pos);
                self.jump(b);
                self.dead_block(pos);
            }
            StmtKind::Go(_) | StmtKind::Defer(_) | StmtKind::Send(..) | StmtKind::Select(_) | StmtKind::TypeSwitch { .. } => {
                self.unsupported(pos, "this statement")
            }
        }
    }

    fn var_spec(&mut self, sp: &ast::ValueSpec) {
        let pos = sp.span.lo;
        let objs: Vec<ObjId> = sp.names.iter().map(|n| self.info.defs[&n.span.lo]).collect();
        if sp.values.is_empty() {
            for o in objs {
                self.declare_zero(o, pos);
            }
            return;
        }
        let vals = self.rhs(&sp.values, objs.len(), pos);
        for (o, v) in objs.into_iter().zip(vals) {
            self.declare_value(o, v, pos);
        }
    }

    /// Evaluates right-hand sides: one per target, or a multi-valued call.
    fn rhs(&mut self, rhs: &[Expr], n: usize, pos: u32) -> Vec<ValueId> {
        if rhs.len() == 1 && n > 1 {
            let call = self.expr_any(&rhs[0]).unwrap_or(0);
            let TypeKind::Tuple(ts) = self.tt.kind(self.f.v(call).ty).clone() else { return vec![] };
            return ts.iter().enumerate().map(|(i, t)| self.add(Op::Select, *t, vec![call], Aux::Int(i as i64), pos)).collect();
        }
        rhs.iter().map(|r| self.expr(r)).collect()
    }

    fn assign(&mut self, lhs: &[Expr], op: ast::AssignOp, rhs: &[Expr], pos: u32) {
        match op {
            ast::AssignOp::Op(bop) => {
                let r = self.expr(&rhs[0]);
                self.op_assign(&lhs[0], bop, r, pos);
            }
            ast::AssignOp::Define => {
                let vals = self.rhs(rhs, lhs.len(), pos);
                for (l, v) in lhs.iter().zip(vals) {
                    let ExprKind::Ident(name) = &l.kind else { continue };
                    if name == "_" {
                        continue;
                    }
                    if let Some(&o) = self.info.defs.get(&l.span.lo) {
                        self.declare_value(o, v, pos);
                    } else if let Some(&o) = self.info.uses.get(&l.id) {
                        self.write_obj(o, v, pos);
                    }
                }
            }
            ast::AssignOp::Assign => {
                // Evaluate the left-hand addresses and right-hand values first (tuple assign).
                let mut targets = vec![];
                for l in lhs {
                    targets.push(self.lvalue(l));
                }
                let vals = self.rhs(rhs, lhs.len(), pos);
                // Memory values must be copied before any store (a, b = b, a on arrays).
                let vals: Vec<ValueId> = if lhs.len() > 1 {
                    vals.into_iter()
                        .zip(lhs)
                        .map(|(v, l)| {
                            let t = self.type_of(l);
                            if t != INVALID && !is_ssa_type(self.tt, t) {
                                let p = self.new_obj(t, pos);
                                self.store(p, v, t, pos);
                                p
                            } else {
                                v
                            }
                        })
                        .collect()
                } else {
                    vals
                };
                for (t, v) in targets.into_iter().zip(vals) {
                    self.store_lvalue(t, v, pos);
                }
            }
        }
    }

    fn op_assign(&mut self, x: &Expr, op: BinOp, r: ValueId, pos: u32) {
        let t = self.type_of(x);
        let lv = self.lvalue(x);
        let cur = self.load_lvalue(&lv, t, pos);
        let v = self.arith(op, t, cur, r, pos);
        self.store_lvalue(lv, v, pos);
    }

    // ------------------------------------------------------------------------------------
    // Lvalues

    fn lvalue(&mut self, e: &Expr) -> LValue {
        let e = strip_parens(e);
        if let ExprKind::Ident(n) = &e.kind {
            if n == "_" {
                return LValue::Blank;
            }
            if let Some(&o) = self.info.uses.get(&e.id) {
                if let Some(Loc::Ssa(_)) = self.locs.get(&o) {
                    return LValue::Var(o);
                }
            }
        }
        let t = self.type_of(e);
        let p = self.addr(e);
        LValue::Mem(p, t)
    }

    fn load_lvalue(&mut self, lv: &LValue, t: TypeId, pos: u32) -> ValueId {
        match lv {
            LValue::Var(o) => self.read_obj(*o, pos),
            LValue::Mem(p, _) => self.load(*p, t, pos),
            LValue::Blank => self.zero(t, pos),
        }
    }

    fn store_lvalue(&mut self, lv: LValue, v: ValueId, pos: u32) {
        match lv {
            LValue::Var(o) => self.write_obj(o, v, pos),
            LValue::Mem(p, t) => self.store(p, v, t, pos),
            LValue::Blank => {}
        }
    }

    /// The address of an addressable expression.
    fn addr(&mut self, e: &Expr) -> ValueId {
        let e = strip_parens(e);
        let pos = e.span.lo;
        let t = self.type_of(e);
        match &e.kind {
            ExprKind::Ident(_) => {
                let o = self.info.uses[&e.id];
                self.obj_addr(o, pos)
            }
            ExprKind::Selector(x, _) => match self.info.selections.get(&e.id).cloned() {
                Some(Selection::Field { path, derefs }) => {
                    let xt = self.type_of(x);
                    let base = if derefs[0] { self.expr(x) } else { self.addr(x) };
                    self.field_addr(base, xt, &path, &derefs, pos)
                }
                Some(Selection::Qualified(o)) => self.obj_addr(o, pos),
                _ => {
                    self.unsupported(pos, "this selector");
                    self.zero(UNSAFE_POINTER, pos)
                }
            },
            ExprKind::Index(x, idx) => {
                let xt = self.type_of(x);
                match self.tt.under_kind(xt).clone() {
                    TypeKind::Slice(el) => {
                        let s = self.expr(x);
                        let i = self.index_int(&idx[0]);
                        let len = self.add(Op::SliceLen, INT, vec![s], Aux::None, pos);
                        self.bounds(i, len, pos);
                        let ptr_t = self.tt.pointer(el);
                        let p = self.add(Op::SlicePtr, ptr_t, vec![s], Aux::None, pos);
                        let size = self.tt.size(el) as i64;
                        let pt = self.tt.pointer(el);
                        self.add(Op::PtrIndex, pt, vec![p, i], Aux::Int(size), pos)
                    }
                    TypeKind::Array(n, el) => {
                        let base = self.addr(x);
                        self.array_elem_addr(base, n, el, &idx[0], pos)
                    }
                    TypeKind::Pointer(a) => {
                        let TypeKind::Array(n, el) = self.tt.under_kind(a).clone() else { unreachable!() };
                        let base = self.expr(x);
                        self.nil_check(base, pos);
                        self.array_elem_addr(base, n, el, &idx[0], pos)
                    }
                    _ => {
                        self.unsupported(pos, "this index expression");
                        self.zero(UNSAFE_POINTER, pos)
                    }
                }
            }
            ExprKind::Unary(UnOp::Deref, x) => {
                let p = self.expr(x);
                self.nil_check(p, pos);
                p
            }
            ExprKind::CompositeLit { .. } => {
                // Addressable only for &T{}; also used for memory-typed values.
                let v = self.expr(e);
                self.to_heap(v, t, pos)
            }
            _ => {
                // A memory-typed value (e.g. a call result): its value is its address.
                if !is_ssa_type(self.tt, t) {
                    return self.expr(e);
                }
                self.unsupported(pos, "taking this address");
                self.zero(UNSAFE_POINTER, pos)
            }
        }
    }

    fn array_elem_addr(&mut self, base: ValueId, n: u64, el: TypeId, idx: &Expr, pos: u32) -> ValueId {
        let i = self.index_int(idx);
        if self.info.consts.get(&idx.id).is_none() {
            let len = self.int(INT, n as i64);
            self.bounds(i, len, pos);
        }
        let size = self.tt.size(el) as i64;
        let pt = self.tt.pointer(el);
        self.add(Op::PtrIndex, pt, vec![base, i], Aux::Int(size), pos)
    }

    fn field_addr(&mut self, base: ValueId, xt: TypeId, path: &[usize], derefs: &[bool], pos: u32) -> ValueId {
        let mut p = base;
        let mut t = xt;
        for (k, &i) in path.iter().enumerate() {
            if derefs[k] {
                if k > 0 {
                    // base holds a pointer field: load it
                    p = self.load(p, t, pos);
                }
                self.nil_check(p, pos);
                t = match self.tt.under_kind(t) {
                    TypeKind::Pointer(b) => *b,
                    _ => t,
                };
            }
            let offs = self.tt.field_offsets(t);
            let TypeKind::Struct(fs) = self.tt.under_kind(t).clone() else { break };
            let ft = fs[i].ty;
            let pt = self.tt.pointer(ft);
            p = self.add(Op::OffPtr, pt, vec![p], Aux::Int(offs[i] as i64), pos);
            t = ft;
        }
        p
    }

    // ------------------------------------------------------------------------------------
    // Control flow helpers

    /// Branches on a boolean expression, with short-circuit && and ||.
    fn cond(&mut self, e: &Expr, yes: BlockId, no: BlockId) {
        let e = strip_parens(e);
        match &e.kind {
            ExprKind::Binary(BinOp::LAnd, l, r) if self.info.consts.get(&e.id).is_none() => {
                let mid = self.new_block(r.span.lo);
                self.cond(l, mid, no);
                self.seal(mid);
                self.start(mid);
                self.cond(r, yes, no);
            }
            ExprKind::Binary(BinOp::LOr, l, r) if self.info.consts.get(&e.id).is_none() => {
                let mid = self.new_block(r.span.lo);
                self.cond(l, yes, mid);
                self.seal(mid);
                self.start(mid);
                self.cond(r, yes, no);
            }
            ExprKind::Unary(UnOp::Not, x) if self.info.consts.get(&e.id).is_none() => self.cond(x, no, yes),
            _ => {
                let c = self.expr(e);
                self.branch(c, yes, no);
            }
        }
    }

    fn switch(&mut self, init: Option<&Stmt>, tag: Option<&Expr>, cases: &[ast::CaseClause], label: Option<&str>, pos: u32) {
        if let Some(i) = init {
            self.stmt(i, None);
        }
        let tagv = tag.map(|t| (self.expr(t), self.type_of(t)));
        let exit = self.new_block(pos);
        let bodies: Vec<BlockId> = cases.iter().map(|c| self.new_block(c.span.lo)).collect();
        // Tests in source order; default last.
        for (ci, c) in cases.iter().enumerate() {
            if c.default {
                continue;
            }
            for e in &c.exprs {
                let next = self.new_block(e.span.lo);
                match tagv {
                    Some((tv, tt)) => {
                        let v = self.expr(e);
                        let eq = self.compare(BinOp::Eql, tt, tv, v, e.span.lo);
                        self.branch(eq, bodies[ci], next);
                    }
                    None => self.cond(e, bodies[ci], next),
                }
                self.seal(next);
                self.start(next);
            }
        }
        match cases.iter().position(|c| c.default) {
            Some(d) => self.jump(bodies[d]),
            None => self.jump(exit),
        }
        self.targets.push(Target { label: label.map(String::from), brk: exit, cont: None });
        for (ci, c) in cases.iter().enumerate() {
            // A body's predecessors are the tests and possibly the previous body's fallthrough,
            // all known once the previous body is built.
            self.seal(bodies[ci]);
            self.start(bodies[ci]);
            let saved = self.fallthrough_to;
            self.fallthrough_to = bodies.get(ci + 1).copied();
            self.stmts(&c.body);
            self.fallthrough_to = saved;
            self.jump(exit);
        }
        self.targets.pop();
        self.seal(exit);
        self.start(exit);
    }

    #[allow(clippy::too_many_arguments)]
    fn range(&mut self, key: Option<&Expr>, value: Option<&Expr>, define: bool, x: &Expr, body: &ast::Block, label: Option<&str>, pos: u32) {
        let xt = self.type_of(x);
        let is_string = self.tt.is_string(xt);
        // `for i, _ := range` does not read the elements.
        let value = value.filter(|v| !matches!(&v.kind, ExprKind::Ident(n) if n == "_"));
        // The ranged value is evaluated once.
        let (len, base, elem) = match self.tt.under_kind(xt).clone() {
            TypeKind::Basic(_) => {
                let s = self.expr(x);
                let l = self.add(Op::StringLen, INT, vec![s], Aux::None, pos);
                (l, s, UINT8)
            }
            TypeKind::Slice(el) => {
                let s = self.expr(x);
                let l = self.add(Op::SliceLen, INT, vec![s], Aux::None, pos);
                (l, s, el)
            }
            TypeKind::Array(n, el) => {
                // Ranging over an array copies it (only when the value is used).
                let a = if value.is_some() {
                    let src = self.addr(x);
                    let p = self.new_obj(xt, pos);
                    self.store(p, src, xt, pos);
                    p
                } else {
                    self.zero(UNSAFE_POINTER, pos)
                };
                let l = self.int(INT, n as i64);
                (l, a, el)
            }
            TypeKind::Pointer(p) => {
                let TypeKind::Array(n, el) = self.tt.under_kind(p).clone() else { unreachable!() };
                let a = self.expr(x);
                if value.is_some() {
                    self.nil_check(a, pos);
                }
                let l = self.int(INT, n as i64);
                (l, a, el)
            }
            _ => {
                self.unsupported(pos, "this range loop");
                return;
            }
        };
        let idx_var = self.new_var(INT);
        let zero = self.int(INT, 0);
        self.write_var(idx_var, self.cur, zero);
        let header = self.new_block(pos);
        let bodyb = self.new_block(body.lbrace.lo);
        let postb = self.new_block(pos);
        let exit = self.new_block(pos);
        self.jump(header);
        self.start(header);
        let i = self.read_var(idx_var, header);
        let c = self.add(Op::Less, BOOL, vec![i, len], Aux::Int(INT as i64), pos);
        self.branch(c, bodyb, exit);
        self.seal(bodyb);
        self.start(bodyb);
        // The iteration values.
        let (kv, vv, next_i) = if is_string {
            // (rune, next index) = decoderune(s, i)
            let p = self.add(Op::StringPtr, UNSAFE_POINTER, vec![base], Aux::None, pos);
            let tup = self.tt.tuple(vec![INT32, INT]);
            let r = self.rt("decoderune", tup, vec![p, len, i], pos);
            let rv = self.add(Op::Select, INT32, vec![r], Aux::Int(0), pos);
            let ni = self.add(Op::Select, INT, vec![r], Aux::Int(1), pos);
            (i, Some(rv), Some(ni))
        } else {
            let vv = if value.is_some() {
                let pt = self.tt.pointer(elem);
                let p = match self.tt.under_kind(xt) {
                    TypeKind::Slice(_) => self.add(Op::SlicePtr, pt, vec![base], Aux::None, pos),
                    _ => base,
                };
                let size = self.tt.size(elem) as i64;
                let ep = self.add(Op::PtrIndex, pt, vec![p, i], Aux::Int(size), pos);
                Some(if is_ssa_type(self.tt, elem) { self.load(ep, elem, pos) } else { ep })
            } else {
                None
            };
            (i, vv, None)
        };
        for (e, v) in [(key, Some(kv)), (value, vv)] {
            let (Some(e), Some(v)) = (e, v) else { continue };
            if matches!(&e.kind, ExprKind::Ident(n) if n == "_") {
                continue;
            }
            if define {
                if let Some(&o) = self.info.defs.get(&e.span.lo) {
                    self.declare_value(o, v, pos);
                }
            } else {
                let lv = self.lvalue(e);
                self.store_lvalue(lv, v, pos);
            }
        }
        // For strings the next index comes from decoderune, computed at the top of the body;
        // it reaches the post block through a variable.
        let step_var = self.new_var(INT);
        if let Some(ni) = next_i {
            let b = self.f.v(ni).block;
            self.write_var(step_var, b, ni);
        }
        self.loop_body(label, body, exit, postb);
        let i2 = if next_i.is_some() {
            self.read_var(step_var, postb)
        } else {
            let i_now = self.read_var(idx_var, postb);
            let one = self.int(INT, 1);
            self.add(Op::Add, INT, vec![i_now, one], Aux::None, pos)
        };
        self.write_var(idx_var, postb, i2);
        self.loop_back(header, exit);
    }

    // ------------------------------------------------------------------------------------
    // Expressions

    /// An expression statement or call that may have no value.
    fn expr_any(&mut self, e: &Expr) -> Option<ValueId> {
        let inner = strip_parens(e);
        if let ExprKind::Call { fun, args, ellipsis } = &inner.kind {
            return self.call(inner, fun, args, *ellipsis);
        }
        Some(self.expr(e))
    }

    fn index_int(&mut self, e: &Expr) -> ValueId {
        let v = self.expr(e);
        let t = self.type_of(e);
        self.to_int(v, t, e.span.lo)
    }

    fn to_int(&mut self, v: ValueId, t: TypeId, pos: u32) -> ValueId {
        if self.tt.under(t) == INT {
            return v;
        }
        if self.tt.size(t) == 8 && self.tt.is_unsigned(t) {
            return v;
        }
        self.add(Op::Cvt, INT, vec![v], Aux::Int(t as i64), pos)
    }

    /// The value of an expression (for memory types: the address of a copy or of the value).
    pub fn expr(&mut self, e: &Expr) -> ValueId {
        let pos = e.span.lo;
        let t = self.type_of(e);
        if let Some(c) = self.info.consts.get(&e.id) {
            return self.constant(c.clone(), t, pos);
        }
        match &e.kind {
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Ident(_) => {
                let o = self.info.uses[&e.id];
                match &self.info.objects[o as usize].kind {
                    ObjKind::Nil => self.zero(t, pos),
                    ObjKind::Func => {
                        self.unsupported(pos, "a function value");
                        self.zero(t, pos)
                    }
                    _ => self.read_obj(o, pos),
                }
            }
            ExprKind::Unary(op, x) => self.unary(e, *op, x, t, pos),
            ExprKind::Binary(op, l, r) => self.binary(*op, l, r, t, pos),
            ExprKind::Call { fun, args, ellipsis } => match self.call(e, fun, args, *ellipsis) {
                Some(v) => v,
                None => self.zero(t, pos),
            },
            ExprKind::Selector(x, _) => {
                if let Some(Selection::Qualified(o)) = self.info.selections.get(&e.id) {
                    let o = *o;
                    return self.read_obj(o, pos);
                }
                if let Some(Selection::Method { .. }) = self.info.selections.get(&e.id) {
                    self.unsupported(pos, "a method value");
                    return self.zero(t, pos);
                }
                let _ = x;
                let p = self.addr(e);
                if is_ssa_type(self.tt, t) { self.load(p, t, pos) } else { p }
            }
            ExprKind::Index(x, idx) => {
                let xt = self.type_of(x);
                if self.tt.is_string(xt) {
                    let s = self.expr(x);
                    let i = self.index_int(&idx[0]);
                    let len = self.add(Op::StringLen, INT, vec![s], Aux::None, pos);
                    self.bounds(i, len, pos);
                    let ptr_t = self.tt.pointer(UINT8);
                        let p = self.add(Op::StringPtr, ptr_t, vec![s], Aux::None, pos);
                    let pt = self.tt.pointer(UINT8);
                    let ep = self.add(Op::PtrIndex, pt, vec![p, i], Aux::Int(1), pos);
                    return self.load(ep, UINT8, pos);
                }
                let p = self.addr(e);
                if is_ssa_type(self.tt, t) { self.load(p, t, pos) } else { p }
            }
            ExprKind::Slice { x, lo, hi, max } => self.slice(e, x, lo.as_deref(), hi.as_deref(), max.as_deref(), t, pos),
            ExprKind::CompositeLit { elems, .. } => self.composite(t, elems, pos),
            ExprKind::FuncLit { .. } => {
                self.unsupported(pos, "a function literal");
                self.zero(t, pos)
            }
            _ => {
                self.unsupported(pos, "this expression");
                self.zero(t, pos)
            }
        }
    }

    fn constant(&mut self, c: Const, t: TypeId, pos: u32) -> ValueId {
        match c {
            Const::Bool(b) => self.add(Op::Const, t, vec![], Aux::Int(b as i64), pos),
            Const::String(s) => self.add(Op::Const, t, vec![], Aux::Str(s), pos),
            c if self.tt.is_float(t) => {
                let f = c.to_f64();
                let f = if self.tt.under(t) == FLOAT32 { f as f32 as f64 } else { f };
                self.add(Op::Const, t, vec![], Aux::Float(f), pos)
            }
            c => {
                let i = c.to_int().unwrap_or_default();
                let v = i.to_string().parse::<i128>().unwrap_or(0);
                self.add(Op::Const, t, vec![], Aux::Int(v as i64), pos)
            }
        }
    }

    fn unary(&mut self, e: &Expr, op: UnOp, x: &Expr, t: TypeId, pos: u32) -> ValueId {
        match op {
            // &T{...} included: `addr` puts a composite literal in a new heap object.
            UnOp::Addr => self.addr(x),
            UnOp::Deref => {
                let p = self.expr(x);
                self.nil_check(p, pos);
                if is_ssa_type(self.tt, t) {
                    self.load(p, t, pos)
                } else {
                    // A copy, so that later stores through the pointer do not change it.
                    let c = self.new_obj(t, pos);
                    self.store(c, p, t, pos);
                    c
                }
            }
            UnOp::Neg => {
                let v = self.expr(x);
                self.add(Op::Neg, t, vec![v], Aux::None, pos)
            }
            UnOp::Pos => self.expr(x),
            UnOp::Xor => {
                let v = self.expr(x);
                self.add(Op::Com, t, vec![v], Aux::None, pos)
            }
            UnOp::Not => {
                let v = self.expr(x);
                self.add(Op::Not, t, vec![v], Aux::None, pos)
            }
            _ => {
                let _ = e;
                self.unsupported(pos, "this operator");
                self.zero(t, pos)
            }
        }
    }

    fn binary(&mut self, op: BinOp, l: &Expr, r: &Expr, t: TypeId, pos: u32) -> ValueId {
        match op {
            BinOp::LAnd | BinOp::LOr => {
                // v = l; if (op == && ? v : !v) { v = r }
                let var = self.new_var(t);
                let lv = self.expr(l);
                self.write_var(var, self.cur, lv);
                let rhs = self.new_block(r.span.lo);
                let join = self.new_block(pos);
                if op == BinOp::LAnd {
                    self.branch(lv, rhs, join);
                } else {
                    self.branch(lv, join, rhs);
                }
                self.seal(rhs);
                self.start(rhs);
                let rv = self.expr(r);
                self.write_var(var, self.cur, rv);
                self.continue_at(join);
                self.read_var(var, join)
            }
            _ if op.is_comparison() => {
                let ot = self.type_of(l);
                let ot = if ot == UNTYPED_NIL { self.type_of(r) } else { ot };
                let a = self.expr(l);
                let b = self.expr(r);
                self.compare(op, ot, a, b, pos)
            }
            _ => {
                // A constant shifted by a variable count has the shift's type.
                let a = match (op.is_shift(), self.info.consts.get(&l.id)) {
                    (true, Some(c)) => self.constant(c.clone(), t, l.span.lo),
                    _ => self.expr(l),
                };
                let b = self.expr(r);
                if op.is_shift() {
                    let rt = self.type_of(r);
                    return self.shift(op, t, a, b, rt, pos);
                }
                self.arith(op, t, a, b, pos)
            }
        }
    }

    fn shift(&mut self, op: BinOp, t: TypeId, a: ValueId, b: ValueId, rt: TypeId, pos: u32) -> ValueId {
        if !self.tt.is_unsigned(rt) && self.f.v(b).op != Op::Const {
            let zero = self.int(rt, 0);
            let neg = self.add(Op::Less, BOOL, vec![b, zero], Aux::Int(rt as i64), pos);
            let ok = self.add(Op::Not, BOOL, vec![neg], Aux::None, pos);
            self.check(ok, Op::PanicShift, vec![], Aux::None, pos);
        }
        let b64 = if self.tt.size(rt) == 8 { b } else { self.add(Op::Cvt, UINT64, vec![b], Aux::Int(rt as i64), pos) };
        let o = if op == BinOp::Shl { Op::Lsh } else { Op::Rsh };
        self.add(o, t, vec![a, b64], Aux::None, pos)
    }

    fn arith(&mut self, op: BinOp, t: TypeId, a: ValueId, b: ValueId, pos: u32) -> ValueId {
        if op == BinOp::Add && self.tt.is_string(t) {
            return self.add(Op::StringConcat, t, vec![a, b], Aux::None, pos);
        }
        if op.is_shift() {
            return self.shift(op, t, a, b, t, pos);
        }
        let o = match op {
            BinOp::Add => Op::Add,
            BinOp::Sub => Op::Sub,
            BinOp::Mul => Op::Mul,
            BinOp::Quo => Op::Div,
            BinOp::Rem => Op::Mod,
            BinOp::And => Op::And,
            BinOp::Or => Op::Or,
            BinOp::Xor => Op::Xor,
            BinOp::AndNot => Op::AndNot,
            _ => Op::Add,
        };
        if matches!(o, Op::Div | Op::Mod) && self.tt.is_integer(t) {
            let is_const_nonzero = matches!(self.f.v(b).aux, Aux::Int(k) if k != 0) && self.f.v(b).op == Op::Const;
            if !is_const_nonzero {
                let zero = self.int(t, 0);
                let ok = self.add(Op::Neq, BOOL, vec![b, zero], Aux::Int(t as i64), pos);
                self.check(ok, Op::PanicDivide, vec![], Aux::None, pos);
            }
        }
        self.add(o, t, vec![a, b], Aux::None, pos)
    }

    fn compare(&mut self, op: BinOp, t: TypeId, a: ValueId, b: ValueId, pos: u32) -> ValueId {
        if self.tt.is_string(t) {
            if matches!(op, BinOp::Eql | BinOp::Neq) {
                let eq = self.add(Op::StringEq, BOOL, vec![a, b], Aux::None, pos);
                return if op == BinOp::Eql { eq } else { self.add(Op::Not, BOOL, vec![eq], Aux::None, pos) };
            }
            let c = self.add(Op::StringCmp, INT, vec![a, b], Aux::None, pos);
            let z = self.int(INT, 0);
            return self.compare(op, INT, c, z, pos);
        }
        if !is_ssa_type(self.tt, t) {
            // Struct and array equality: compare byte-wise (no padding in the subset's types).
            let size = self.tt.size(t) as i64;
            let sz = self.int(INT, size);
            let eq = self.rt("memequal", BOOL, vec![a, b, sz], pos);
            return if op == BinOp::Eql { eq } else { self.add(Op::Not, BOOL, vec![eq], Aux::None, pos) };
        }
        if matches!(self.tt.under_kind(t), TypeKind::Slice(_)) {
            // Only comparison with nil is allowed.
            let (pa, pb) = (self.add(Op::SlicePtr, UNSAFE_POINTER, vec![a], Aux::None, pos), self.add(Op::SlicePtr, UNSAFE_POINTER, vec![b], Aux::None, pos));
            let o = if op == BinOp::Eql { Op::Eq } else { Op::Neq };
            return self.add(o, BOOL, vec![pa, pb], Aux::Int(UNSAFE_POINTER as i64), pos);
        }
        let ty = Aux::Int(t as i64);
        match op {
            BinOp::Eql => self.add(Op::Eq, BOOL, vec![a, b], ty, pos),
            BinOp::Neq => self.add(Op::Neq, BOOL, vec![a, b], ty, pos),
            BinOp::Lss => self.add(Op::Less, BOOL, vec![a, b], ty, pos),
            BinOp::Leq => self.add(Op::Leq, BOOL, vec![a, b], ty, pos),
            BinOp::Gtr => self.add(Op::Less, BOOL, vec![b, a], ty, pos),
            _ => self.add(Op::Leq, BOOL, vec![b, a], ty, pos),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn slice(&mut self, e: &Expr, x: &Expr, lo: Option<&Expr>, hi: Option<&Expr>, max: Option<&Expr>, t: TypeId, pos: u32) -> ValueId {
        let _ = e;
        let xt = self.type_of(x);
        let (ptr, len, cap, elem) = match self.tt.under_kind(xt).clone() {
            TypeKind::Basic(_) => {
                let s = self.expr(x);
                let p = self.add(Op::StringPtr, UNSAFE_POINTER, vec![s], Aux::None, pos);
                let l = self.add(Op::StringLen, INT, vec![s], Aux::None, pos);
                (p, l, l, UINT8)
            }
            TypeKind::Slice(el) => {
                let s = self.expr(x);
                let p = self.add(Op::SlicePtr, UNSAFE_POINTER, vec![s], Aux::None, pos);
                let l = self.add(Op::SliceLen, INT, vec![s], Aux::None, pos);
                let c = self.add(Op::SliceCap, INT, vec![s], Aux::None, pos);
                (p, l, c, el)
            }
            TypeKind::Array(n, el) => {
                let p = self.addr(x);
                let l = self.int(INT, n as i64);
                (p, l, l, el)
            }
            TypeKind::Pointer(a) => {
                let TypeKind::Array(n, el) = self.tt.under_kind(a).clone() else { unreachable!() };
                let p = self.expr(x);
                self.nil_check(p, pos);
                let l = self.int(INT, n as i64);
                (p, l, l, el)
            }
            _ => unreachable!(),
        };
        let lo_v = match lo { Some(l) => self.index_int(l), None => self.int(INT, 0) };
        let hi_v = match hi { Some(h) => self.index_int(h), None => len };
        let max_v = match max { Some(m) => self.index_int(m), None => cap };
        // 0 <= lo <= hi <= max <= cap
        if max.is_some() {
            let ok = self.add(Op::IsSliceInBounds, BOOL, vec![max_v, cap], Aux::None, pos);
            self.check(ok, Op::PanicSlice, vec![max_v, cap], Aux::Sym("3cap".into()), pos);
        }
        if hi.is_some() {
            let ok = self.add(Op::IsSliceInBounds, BOOL, vec![hi_v, max_v], Aux::None, pos);
            let kind = if max.is_some() { "3b" } else if self.tt.is_string(xt) { "len" } else { "cap" };
            self.check(ok, Op::PanicSlice, vec![hi_v, max_v], Aux::Sym(kind.into()), pos);
        }
        if lo.is_some() {
            let ok = self.add(Op::IsSliceInBounds, BOOL, vec![lo_v, hi_v], Aux::None, pos);
            self.check(ok, Op::PanicSlice, vec![lo_v, hi_v], Aux::Sym("b".into()), pos);
        }
        let size = self.tt.size(elem) as i64;
        let np = self.add(Op::PtrIndex, UNSAFE_POINTER, vec![ptr, lo_v], Aux::Int(size), pos);
        let nl = self.add(Op::Sub, INT, vec![hi_v, lo_v], Aux::None, pos);
        if self.tt.is_string(t) {
            return self.add(Op::StringMake, t, vec![np, nl], Aux::None, pos);
        }
        let nc = self.add(Op::Sub, INT, vec![max_v, lo_v], Aux::None, pos);
        self.add(Op::SliceMake, t, vec![np, nl, nc], Aux::None, pos)
    }

    fn composite(&mut self, t: TypeId, elems: &[ast::KeyedElement], pos: u32) -> ValueId {
        // An elided &T element of a []*T literal.
        if let TypeKind::Pointer(b) = self.tt.under_kind(t).clone() {
            let v = self.composite(b, elems, pos);
            return self.to_heap(v, b, pos);
        }
        match self.tt.under_kind(t).clone() {
            TypeKind::Struct(fs) => {
                let p = self.new_obj(t, pos);
                let offs = self.tt.field_offsets(t);
                for (i, el) in elems.iter().enumerate() {
                    let fi = match &el.key {
                        Some(k) => match &k.kind {
                            ExprKind::Ident(n) => fs.iter().position(|f| &f.name == n).unwrap_or(0),
                            _ => 0,
                        },
                        None => i,
                    };
                    let ft = fs[fi].ty;
                    let v = self.elem_value(&el.value, ft);
                    let pt = self.tt.pointer(ft);
                    let fp = self.add(Op::OffPtr, pt, vec![p], Aux::Int(offs[fi] as i64), pos);
                    self.store(fp, v, ft, pos);
                }
                p
            }
            TypeKind::Array(_, el) => {
                let p = self.new_obj(t, pos);
                self.fill_elems(p, el, elems, pos);
                p
            }
            TypeKind::Slice(el) => {
                // The backing array's length is the largest index + 1.
                let mut n = 0i64;
                let mut i = 0i64;
                for kv in elems {
                    if let Some(k) = &kv.key {
                        i = self.info.consts.get(&k.id).and_then(|c| c.to_i64()).unwrap_or(i);
                    }
                    i += 1;
                    n = n.max(i);
                }
                let at = self.tt.intern(TypeKind::Array(n as u64, el));
                let p = self.new_obj(at, pos);
                self.fill_elems(p, el, elems, pos);
                let l = self.int(INT, n);
                self.add(Op::SliceMake, t, vec![p, l, l], Aux::None, pos)
            }
            _ => {
                self.unsupported(pos, "this composite literal");
                self.zero(t, pos)
            }
        }
    }

    fn elem_value(&mut self, e: &Expr, t: TypeId) -> ValueId {
        if let ExprKind::CompositeLit { ty: None, elems, .. } = &e.kind {
            return self.composite(t, elems, e.span.lo);
        }
        self.expr(e)
    }

    fn fill_elems(&mut self, base: ValueId, el: TypeId, elems: &[ast::KeyedElement], pos: u32) {
        let size = self.tt.size(el) as i64;
        let mut i = 0i64;
        for kv in elems {
            if let Some(k) = &kv.key {
                i = self.info.consts.get(&k.id).and_then(|c| c.to_i64()).unwrap_or(i);
            }
            let v = self.elem_value(&kv.value, el);
            let pt = self.tt.pointer(el);
            let ep = self.add(Op::OffPtr, pt, vec![base], Aux::Int(i * size), pos);
            self.store(ep, v, el, pos);
            i += 1;
        }
    }

    // ------------------------------------------------------------------------------------
    // Calls

    fn call(&mut self, e: &Expr, fun: &Expr, args: &[Expr], ellipsis: bool) -> Option<ValueId> {
        let pos = e.span.lo;
        let t = self.type_of(e);
        let f = strip_parens(fun);
        if self.info.type_exprs.contains(&f.id) {
            return Some(self.conversion(t, &args[0], pos));
        }
        if let ExprKind::Ident(_) = &f.kind {
            if let Some(&o) = self.info.uses.get(&f.id) {
                if let ObjKind::Builtin(b) = self.info.objects[o as usize].kind {
                    return self.builtin(b, args, ellipsis, t, pos);
                }
            }
        }
        // The callee: a function or method known statically.
        let (sym, recv) = match &f.kind {
            ExprKind::Ident(_) => {
                let o = self.info.uses[&f.id];
                match self.func_syms.get(&o) {
                    Some(s) => (s.clone(), None),
                    None => {
                        self.unsupported(pos, "calling a function value");
                        return None;
                    }
                }
            }
            ExprKind::Selector(x, _) => match self.info.selections.get(&f.id).cloned() {
                Some(Selection::Qualified(o)) => (self.func_syms[&o].clone(), None),
                Some(Selection::Method { func, path, derefs, ptr_recv }) => {
                    let xt = self.type_of(x);
                    let recv_t = self.info.objects[func as usize].recv_named.unwrap_or(INVALID);
                    // Walk the embedding path, then take the address or value the method wants.
                    let rv = if path.is_empty() {
                        let x_is_ptr = matches!(self.tt.kind(xt), TypeKind::Pointer(_));
                        match (ptr_recv, x_is_ptr) {
                            (true, true) => self.expr(x),
                            (true, false) => self.addr(x),
                            (false, true) => {
                                let p = self.expr(x);
                                self.nil_check(p, pos);
                                if is_ssa_type(self.tt, recv_t) { self.load(p, recv_t, pos) } else { self.copy_mem(p, recv_t, pos) }
                            }
                            (false, false) => {
                                let v = self.expr(x);
                                if is_ssa_type(self.tt, recv_t) { v } else { self.copy_mem(v, recv_t, pos) }
                            }
                        }
                    } else {
                        let base = if derefs[0] { self.expr(x) } else { self.addr(x) };
                        let p = self.field_addr(base, xt, &path, &derefs, pos);
                        let ft = self.f.v(p).ty;
                        let ft = match self.tt.kind(ft) { TypeKind::Pointer(b) => *b, _ => ft };
                        let field_is_ptr = matches!(self.tt.kind(ft), TypeKind::Pointer(_));
                        let p = if field_is_ptr { self.load(p, ft, pos) } else { p };
                        if ptr_recv {
                            p
                        } else if is_ssa_type(self.tt, recv_t) {
                            self.load(p, recv_t, pos)
                        } else {
                            self.copy_mem(p, recv_t, pos)
                        }
                    };
                    (self.func_syms[&func].clone(), Some(rv))
                }
                _ => {
                    self.unsupported(pos, "calling a function value");
                    return None;
                }
            },
            _ => {
                self.unsupported(pos, "calling a function value");
                return None;
            }
        };
        let ft = self.type_of(fun);
        let TypeKind::Func(sig) = self.tt.under_kind(ft).clone() else { return None };
        let mut vals: Vec<ValueId> = recv.into_iter().collect();
        vals.extend(self.call_args(&sig, args, ellipsis, pos));
        let rty = match sig.results.len() {
            0 => INVALID,
            1 => sig.results[0],
            _ => self.tt.tuple(sig.results.clone()),
        };
        let v = self.add(Op::Call, rty, vals, Aux::Sym(sym), pos);
        if sig.results.is_empty() { None } else { Some(v) }
    }

    /// A composite literal's value in memory: SSA values (slices) are stored into a new heap
    /// object; struct and array literals already are one.
    fn to_heap(&mut self, v: ValueId, t: TypeId, pos: u32) -> ValueId {
        if !is_ssa_type(self.tt, t) {
            return v;
        }
        let p = self.new_obj(t, pos);
        self.store(p, v, t, pos);
        p
    }

    fn copy_mem(&mut self, p: ValueId, t: TypeId, pos: u32) -> ValueId {
        let c = self.new_obj(t, pos);
        self.store(c, p, t, pos);
        c
    }

    fn call_args(&mut self, sig: &Signature, args: &[Expr], ellipsis: bool, pos: u32) -> Vec<ValueId> {
        let np = sig.params.len();
        let mut vals = vec![];
        if args.len() == 1 && np > 1 && !ellipsis {
            if let TypeKind::Tuple(ts) = self.tt.kind(self.type_of(&args[0])).clone() {
                let call = self.expr_any(&args[0]).unwrap_or(0);
                let parts: Vec<ValueId> = ts.iter().enumerate().map(|(i, t)| self.add(Op::Select, *t, vec![call], Aux::Int(i as i64), pos)).collect();
                if sig.variadic {
                    let fixed = np - 1;
                    vals.extend(&parts[..fixed]);
                    let el = match self.tt.kind(sig.params[np - 1]) { TypeKind::Slice(e) => *e, _ => INVALID };
                    let s = self.make_slice_of(el, sig.params[np - 1], &parts[fixed..], pos);
                    vals.push(s);
                } else {
                    vals.extend(parts);
                }
                return vals;
            }
        }
        let fixed = if sig.variadic && !ellipsis { np - 1 } else { np };
        for (i, a) in args.iter().take(fixed).enumerate() {
            let v = self.expr(a);
            let pt = sig.params[i];
            vals.push(if is_ssa_type(self.tt, pt) { v } else { self.copy_mem(v, pt, pos) });
        }
        if sig.variadic && !ellipsis {
            let el = match self.tt.kind(sig.params[np - 1]) { TypeKind::Slice(e) => *e, _ => INVALID };
            let rest: Vec<ValueId> = args[fixed..].iter().map(|a| self.expr(a)).collect();
            let s = self.make_slice_of(el, sig.params[np - 1], &rest, pos);
            vals.push(s);
        }
        vals
    }

    fn make_slice_of(&mut self, el: TypeId, st: TypeId, items: &[ValueId], pos: u32) -> ValueId {
        if items.is_empty() {
            return self.zero(st, pos);
        }
        let at = self.tt.intern(TypeKind::Array(items.len() as u64, el));
        let p = self.new_obj(at, pos);
        let size = self.tt.size(el) as i64;
        for (i, &v) in items.iter().enumerate() {
            let pt = self.tt.pointer(el);
            let ep = self.add(Op::OffPtr, pt, vec![p], Aux::Int(i as i64 * size), pos);
            self.store(ep, v, el, pos);
        }
        let n = self.int(INT, items.len() as i64);
        self.add(Op::SliceMake, st, vec![p, n, n], Aux::None, pos)
    }

    fn conversion(&mut self, t: TypeId, a: &Expr, pos: u32) -> ValueId {
        let from = self.type_of(a);
        let v = self.expr(a);
        let (fu, tu) = (self.tt.under(from), self.tt.under(t));
        if fu == tu || !is_ssa_type(self.tt, t) {
            // Same representation: retype.
            if fu == tu && from == t {
                return v;
            }
            return self.add(Op::Copy, t, vec![v], Aux::None, pos);
        }
        if self.tt.is_string(t) {
            if self.tt.is_integer(from) {
                let v64 = self.to_int(v, from, pos);
                return self.rt("intstring", t, vec![v64], pos);
            }
            if let TypeKind::Slice(el) = self.tt.under_kind(from).clone() {
                let name = if self.tt.under(el) == UINT8 { "slicebytetostring" } else { "slicerunetostring" };
                return self.rt(name, t, vec![v], pos);
            }
        }
        if self.tt.is_string(from) {
            if let TypeKind::Slice(el) = self.tt.under_kind(t).clone() {
                let name = if self.tt.under(el) == UINT8 { "stringtoslicebyte" } else { "stringtoslicerune" };
                // The runtime returns (ptr, len); the capacity is the length.
                let tup = self.tt.tuple(vec![UNSAFE_POINTER, INT]);
                let r = self.rt(name, tup, vec![v], pos);
                let p = self.add(Op::Select, UNSAFE_POINTER, vec![r], Aux::Int(0), pos);
                let l = self.add(Op::Select, INT, vec![r], Aux::Int(1), pos);
                return self.add(Op::SliceMake, t, vec![p, l, l], Aux::None, pos);
            }
        }
        if matches!(self.tt.under_kind(t), TypeKind::Pointer(_)) {
            return self.add(Op::Copy, t, vec![v], Aux::None, pos);
        }
        self.add(Op::Cvt, t, vec![v], Aux::Int(from as i64), pos)
    }

    fn builtin(&mut self, b: Builtin, args: &[Expr], ellipsis: bool, t: TypeId, pos: u32) -> Option<ValueId> {
        match b {
            Builtin::Len | Builtin::Cap => {
                let at = self.type_of(&args[0]);
                let v = self.expr(&args[0]);
                Some(match self.tt.under_kind(at).clone() {
                    TypeKind::Basic(_) => self.add(Op::StringLen, INT, vec![v], Aux::None, pos),
                    TypeKind::Slice(_) => {
                        let op = if b == Builtin::Len { Op::SliceLen } else { Op::SliceCap };
                        self.add(op, INT, vec![v], Aux::None, pos)
                    }
                    TypeKind::Array(n, _) => self.int(INT, n as i64),
                    TypeKind::Pointer(p) => match self.tt.under_kind(p).clone() {
                        TypeKind::Array(n, _) => self.int(INT, n as i64),
                        _ => self.int(INT, 0),
                    },
                    _ => self.int(INT, 0),
                })
            }
            Builtin::New => {
                let TypeKind::Pointer(el) = self.tt.kind(t).clone() else { return None };
                Some(self.new_obj(el, pos))
            }
            Builtin::Make => {
                let TypeKind::Slice(el) = self.tt.under_kind(t).clone() else { return None };
                let len = self.index_int(&args[1]);
                let cap = if args.len() > 2 { self.index_int(&args[2]) } else { len };
                let size = self.int(INT, self.tt.size(el) as i64);
                let p = self.rt("makeslice", UNSAFE_POINTER, vec![len, cap, size], pos);
                Some(self.add(Op::SliceMake, t, vec![p, len, cap], Aux::None, pos))
            }
            Builtin::Append => {
                let s = self.expr(&args[0]);
                let TypeKind::Slice(el) = self.tt.under_kind(t).clone() else { return None };
                let esize = self.tt.size(el) as i64;
                if ellipsis {
                    let other = self.expr(&args[1]);
                    let ot = self.type_of(&args[1]);
                    let (op, ol) = if self.tt.is_string(ot) {
                        (self.add(Op::StringPtr, UNSAFE_POINTER, vec![other], Aux::None, pos), self.add(Op::StringLen, INT, vec![other], Aux::None, pos))
                    } else {
                        (self.add(Op::SlicePtr, UNSAFE_POINTER, vec![other], Aux::None, pos), self.add(Op::SliceLen, INT, vec![other], Aux::None, pos))
                    };
                    let grown = self.grow(s, t, ol, esize, pos);
                    // copy the new elements after the old length
                    let p = self.add(Op::SlicePtr, UNSAFE_POINTER, vec![grown.0], Aux::None, pos);
                    let dst = self.add(Op::PtrIndex, UNSAFE_POINTER, vec![p, grown.1], Aux::Int(esize), pos);
                    let sz = self.int(INT, esize);
                    let bytes = self.add(Op::Mul, INT, vec![ol, sz], Aux::None, pos);
                    self.rt("memmove", INVALID, vec![dst, op, bytes], pos);
                    return Some(grown.0);
                }
                let items: Vec<ValueId> = args[1..].iter().map(|a| self.expr(a)).collect();
                if items.is_empty() {
                    return Some(s);
                }
                let n = self.int(INT, items.len() as i64);
                let (ns, oldlen) = self.grow(s, t, n, esize, pos);
                let ptr_t = self.tt.pointer(el);
                        let p = self.add(Op::SlicePtr, ptr_t, vec![ns], Aux::None, pos);
                for (k, v) in items.into_iter().enumerate() {
                    let kk = self.int(INT, k as i64);
                    let idx = self.add(Op::Add, INT, vec![oldlen, kk], Aux::None, pos);
                    let pt = self.tt.pointer(el);
                    let ep = self.add(Op::PtrIndex, pt, vec![p, idx], Aux::Int(esize), pos);
                    self.store(ep, v, el, pos);
                }
                Some(ns)
            }
            Builtin::Copy => {
                let d = self.expr(&args[0]);
                let s = self.expr(&args[1]);
                let st = self.type_of(&args[1]);
                let dt = self.type_of(&args[0]);
                let el = match self.tt.under_kind(dt) { TypeKind::Slice(e) => *e, _ => UINT8 };
                let (sp, sl) = if self.tt.is_string(st) {
                    (self.add(Op::StringPtr, UNSAFE_POINTER, vec![s], Aux::None, pos), self.add(Op::StringLen, INT, vec![s], Aux::None, pos))
                } else {
                    (self.add(Op::SlicePtr, UNSAFE_POINTER, vec![s], Aux::None, pos), self.add(Op::SliceLen, INT, vec![s], Aux::None, pos))
                };
                let dp = self.add(Op::SlicePtr, UNSAFE_POINTER, vec![d], Aux::None, pos);
                let dl = self.add(Op::SliceLen, INT, vec![d], Aux::None, pos);
                let size = self.int(INT, self.tt.size(el) as i64);
                Some(self.rt("slicecopy", INT, vec![dp, dl, sp, sl, size], pos))
            }
            Builtin::Panic => {
                let at = self.type_of(&args[0]);
                let v = self.expr(&args[0]);
                self.print_value(v, at, pos, true);
                let b = self.cur;
                self.f.blocks[b as usize].kind = BlockKind::Exit;
                self.dead_block(pos);
                None
            }
            Builtin::Print | Builtin::Println => {
                // The values to print, with their types (a multi-valued call gives several).
                let mut vals = vec![];
                let tuple = match args {
                    [a] => match self.tt.kind(self.type_of(a)) {
                        TypeKind::Tuple(ts) => Some(ts.clone()),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(ts) = tuple {
                    let call = self.expr_any(&args[0]).unwrap_or(0);
                    for (i, t) in ts.into_iter().enumerate() {
                        vals.push((self.add(Op::Select, t, vec![call], Aux::Int(i as i64), pos), t));
                    }
                } else {
                    for a in args {
                        let at = self.type_of(a);
                        vals.push((self.expr(a), at));
                    }
                }
                for (i, (v, t)) in vals.into_iter().enumerate() {
                    if i > 0 && b == Builtin::Println {
                        self.add(Op::Print, INVALID, vec![], Aux::Sym("sp".into()), pos);
                    }
                    self.print_value(v, t, pos, false);
                }
                if b == Builtin::Println {
                    self.add(Op::Print, INVALID, vec![], Aux::Sym("nl".into()), pos);
                }
                None
            }
            _ => {
                self.unsupported(pos, "this built-in");
                None
            }
        }
    }

    /// Ensures room for `n` more elements; returns the new slice (length increased) and the
    /// old length.
    fn grow(&mut self, s: ValueId, t: TypeId, n: ValueId, esize: i64, pos: u32) -> (ValueId, ValueId) {
        let p = self.add(Op::SlicePtr, UNSAFE_POINTER, vec![s], Aux::None, pos);
        let l = self.add(Op::SliceLen, INT, vec![s], Aux::None, pos);
        let c = self.add(Op::SliceCap, INT, vec![s], Aux::None, pos);
        let nl = self.add(Op::Add, INT, vec![l, n], Aux::None, pos);
        let fits = self.add(Op::Leq, BOOL, vec![nl, c], Aux::Int(UINT as i64), pos);
        let var = self.new_var(t);
        let fast = self.add(Op::SliceMake, t, vec![p, nl, c], Aux::None, pos);
        self.write_var(var, self.cur, fast);
        let slow = self.new_block(pos);
        let join = self.new_block(pos);
        self.branch(fits, join, slow);
        self.seal(slow);
        self.start(slow);
        let sz = self.int(INT, esize);
        let tup = self.tt.tuple(vec![UNSAFE_POINTER, INT]);
        let g = self.rt("growslice", tup, vec![p, l, c, nl, sz], pos);
        let np = self.add(Op::Select, UNSAFE_POINTER, vec![g], Aux::Int(0), pos);
        let nc = self.add(Op::Select, INT, vec![g], Aux::Int(1), pos);
        let grown = self.add(Op::SliceMake, t, vec![np, nl, nc], Aux::None, pos);
        self.write_var(var, self.cur, grown);
        self.continue_at(join);
        (self.read_var(var, join), l)
    }

    fn print_value(&mut self, v: ValueId, t: TypeId, pos: u32, panic: bool) {
        let kind = match self.tt.under_kind(t) {
            TypeKind::Basic(b) if b.is_string() => "string",
            TypeKind::Basic(Basic::Bool) => "bool",
            TypeKind::Basic(b) if b.is_float() => "float",
            TypeKind::Basic(b) if b.is_unsigned() => "uint",
            TypeKind::Basic(b) if b.is_integer() => "int",
            TypeKind::Slice(_) => "slice",
            _ => "pointer",
        };
        let v = match kind {
            "int" => self.to_int(v, t, pos),
            "uint" if self.tt.size(t) != 8 => self.add(Op::Cvt, UINT64, vec![v], Aux::Int(t as i64), pos),
            "float" if self.tt.under(t) == FLOAT32 => self.add(Op::Cvt, FLOAT64, vec![v], Aux::Int(t as i64), pos),
            _ => v,
        };
        let aux = if panic {
            // gc prints a named type's panic value as T(v); plain types as the value.
            let tn = if self.tt.named_data(t).is_some() { self.tt.name(t) } else { String::new() };
            Aux::Sym(format!("panic:{}:{}", kind, tn))
        } else {
            Aux::Sym(kind.to_string())
        };
        self.add(Op::Print, INVALID, vec![v], aux, pos);
    }
}

enum LValue {
    Var(ObjId),
    Mem(ValueId, TypeId),
    Blank,
}

/// Builds every function of the program, and the entry function that initialises package
/// variables, runs `init` functions and calls main.main.
pub fn build_program(info: &Info, tt: &mut TypeTable, packages: &[Package], diags: &mut Diagnostics) -> Program {
    let mut func_syms: HashMap<ObjId, String> = HashMap::new();
    let mut global_syms: HashMap<ObjId, String> = HashMap::new();
    let mut globals = vec![];
    for fi in &info.funcs {
        let o = &info.objects[fi.obj as usize];
        let pkg = &packages[fi.pkg].name;
        let sym = match o.recv_named {
            Some(nt) => {
                let tn = tt.name(nt);
                let tn = tn.rsplit('.').next().unwrap_or(&tn).to_string();
                if info.ptr_methods.contains(&fi.obj) { format!("{}.(*{}).{}", pkg, tn, o.name) } else { format!("{}.{}.{}", pkg, tn, o.name) }
            }
            None if o.name == "init" => format!("{}.init.{}", pkg, info.inits.iter().position(|x| *x == fi.obj).unwrap_or(0)),
            None => format!("{}.{}", pkg, o.name),
        };
        func_syms.insert(fi.obj, sym);
    }
    for (oi, o) in info.objects.iter().enumerate() {
        if o.global && matches!(o.kind, ObjKind::Var) && o.pkg < packages.len() {
            let sym = format!("{}.{}", packages[o.pkg].name, if o.name == "_" { format!("_{}", oi) } else { o.name.clone() });
            global_syms.insert(oi as ObjId, sym.clone());
            globals.push((sym, tt.size(o.ty).max(1)));
        }
    }
    let mut funcs = vec![];
    for fi in &info.funcs {
        let ast::Decl::Func(fd) = &packages[fi.pkg].files[fi.decl.0].decls[fi.decl.1] else { continue };
        let Some(body) = &fd.body else { continue };
        let sym = func_syms[&fi.obj].clone();
        let name = sym.clone();
        let mut b = Builder::new(info, tt, diags, &name, &sym, &func_syms, &global_syms);
        b.function(fi.recv, &fi.params, &fi.results, body, fd.span.lo);
        funcs.push(b.f);
    }
    // The entry: package variable initialisation in dependency order, inits, main.
    let mut b = Builder::new(info, tt, diags, "go.entry", "go.entry", &func_syms, &global_syms);
    for &(pi, fi, di, si) in &info.var_inits {
        let ast::Decl::Var(specs) = &packages[pi].files[fi].decls[di] else { continue };
        let sp = &specs[si];
        if sp.values.is_empty() {
            continue;
        }
        let pos = sp.span.lo;
        let objs: Vec<ObjId> = sp.names.iter().map(|n| info.defs[&n.span.lo]).collect();
        let vals = b.rhs(&sp.values, objs.len(), pos);
        for (o, v) in objs.into_iter().zip(vals) {
            b.write_obj(o, v, pos);
        }
    }
    for &o in &info.inits {
        let sym = func_syms[&o].clone();
        b.add(Op::Call, INVALID, vec![], Aux::Sym(sym), 0);
    }
    if let Some(m) = info.main {
        let sym = func_syms[&m].clone();
        b.add(Op::Call, INVALID, vec![], Aux::Sym(sym), 0);
    }
    let cur = b.cur;
    b.f.blocks[cur as usize].kind = BlockKind::Ret(vec![]);
    funcs.push(b.f);
    Program { funcs, globals, entry_sym: "go.entry".into() }
}
