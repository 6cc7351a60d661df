//! Channels: `make(chan T, n)`, send, receive (also "comma, ok"), `close`, `len`/`cap`,
//! `for v := range c`, and `select`. Every channel operation is a call of the runtime
//! (`runtime/src/chan.rs`, `select.rs`), as in gc: a value travels through memory, so a send
//! stores it in a temporary stack slot and passes the slot's address; a receive passes the
//! address of a slot that the runtime fills (possibly later, from another goroutine, while
//! this one is parked).
//!
//! `select` evaluates every channel and every value to send first, in source order, fills
//! an array of cases (sends first, then receives: `{channel, slot}` each) and calls
//! `runtime.selectgo`, which returns the index of the case that ran (-1: none was ready and
//! there is a default). A switch on the index then runs the chosen case: a receive case's
//! assignment reads the received value from its slot (`recv_override`).

use super::*;

impl<'a> Builder<'a> {
    /// A temporary of type `t` in the function's stack frame.
    fn temp_slot(&mut self, t: TypeId, pos: u32) -> ValueId {
        let size = self.tt.size(t).max(1) as i64;
        let pt = self.tt.pointer(t);
        self.add(Op::StackSlot, pt, vec![], Aux::Int(size), pos)
    }

    /// Clears a temporary that held pointers, once the operation is done with it: the slot
    /// lives as long as the frame, and the collector would keep what it points to alive.
    fn clear_slot(&mut self, slot: ValueId, t: TypeId, pos: u32) {
        if self.tt.has_pointers(t) {
            let size = self.tt.size(t).max(1) as i64;
            self.add(Op::Zero, INVALID, vec![slot], Aux::Int(size), pos);
        }
    }

    fn chan_elem(&self, ct: TypeId) -> TypeId {
        self.tt.chan_of(ct).map_or(INVALID, |(_, e)| e)
    }

    /// `make(chan T[, n])`
    pub(super) fn chan_make(&mut self, t: TypeId, size: Option<ValueId>, pos: u32) -> ValueId {
        let el = self.chan_elem(t);
        let shape = self.gc_type(el, pos);
        let esize = self.int(INT, self.tt.size(el) as i64);
        let n = match size {
            Some(n) => n,
            None => self.int(INT, 0),
        };
        self.rt("makechan", t, vec![shape, esize, n], pos)
    }

    /// `c <- v`
    pub(super) fn send_stmt(&mut self, ch: &Expr, v: &Expr, pos: u32) {
        let ct = self.type_of(ch);
        let el = self.chan_elem(ct);
        let c = self.expr(ch);
        let x = self.expr_to(v, el);
        let slot = self.temp_slot(el, pos);
        self.store(slot, x, el, pos);
        self.rt("chansend1", INVALID, vec![c, slot], pos);
        self.clear_slot(slot, el, pos);
    }

    /// `<-c`, and with `comma_ok` also whether the value came from a send (not from the
    /// channel being closed). In a select case, the values the select received.
    pub(super) fn recv_expr(&mut self, e: &Expr, x: &Expr, comma_ok: bool, pos: u32) -> (ValueId, Option<ValueId>) {
        if let Some(&(v, ok)) = self.recv_override.get(&strip_parens(e).id) {
            return (v, Some(ok));
        }
        let ct = self.type_of(x);
        let el = self.chan_elem(ct);
        let c = self.expr(x);
        let slot = self.temp_slot(el, pos);
        let ok = if comma_ok {
            Some(self.rt("chanrecv2", BOOL, vec![c, slot], pos))
        } else {
            self.rt("chanrecv1", INVALID, vec![c, slot], pos);
            None
        };
        let v = self.load_value(slot, el, pos);
        self.clear_slot(slot, el, pos);
        (v, ok)
    }

    /// `close(c)`, `len(c)`, `cap(c)`
    pub(super) fn chan_close(&mut self, c: ValueId, pos: u32) {
        self.rt("closechan", INVALID, vec![c], pos);
    }

    pub(super) fn chan_len_cap(&mut self, c: ValueId, len: bool, pos: u32) -> ValueId {
        self.rt(if len { "chanlen" } else { "chancap" }, INT, vec![c], pos)
    }

    /// `for v := range c`: receives until the channel is closed and drained.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn range_chan(&mut self, key: Option<&Expr>, define: bool, x: &Expr, body: &ast::Block, label: Option<&str>, pos: u32) {
        let ct = self.type_of(x);
        let el = self.chan_elem(ct);
        let c = self.expr(x);
        let vars = self.range_vars(key, None, define, &[el], pos);
        let slot = self.temp_slot(el, pos);
        let header = self.new_block(pos);
        let bodyb = self.new_block(body.lbrace.lo);
        let postb = self.new_block(pos);
        let exit = self.new_block(pos);
        self.jump(header);
        self.start(header);
        let ok = self.rt("chanrecv2", BOOL, vec![c, slot], pos);
        self.branch(ok, bodyb, exit);
        self.seal(bodyb);
        self.start(bodyb);
        let v = self.load_value(slot, el, pos);
        self.clear_slot(slot, el, pos);
        self.assign_range_vars(&vars, &[Some(v)], &[el], pos);
        self.loop_body(label, body, exit, postb);
        self.loop_back(header, exit);
    }

    /// `select { ... }`
    pub(super) fn select_stmt(&mut self, cases: &[ast::CommClause], label: Option<&str>, pos: u32) {
        // The cases' operands, in source order.
        struct Case<'e> {
            clause: usize,
            send: bool,
            chan: ValueId,
            slot: ValueId,
            elem: TypeId,
            recv: Option<&'e Expr>,
        }
        let mut list: Vec<Case> = vec![];
        let mut default = None;
        for (i, cc) in cases.iter().enumerate() {
            let Some(comm) = &cc.comm else {
                default = Some(i);
                continue;
            };
            match &*comm.kind {
                StmtKind::Send(ch, v) => {
                    let ct = self.type_of(ch);
                    let el = self.chan_elem(ct);
                    let c = self.expr(ch);
                    let x = self.expr_to(v, el);
                    let slot = self.temp_slot(el, comm.span.lo);
                    self.store(slot, x, el, comm.span.lo);
                    list.push(Case { clause: i, send: true, chan: c, slot, elem: el, recv: None });
                }
                StmtKind::Expr(_) | StmtKind::Assign(..) => {
                    let r = match &*comm.kind {
                        StmtKind::Expr(e) => e,
                        StmtKind::Assign(_, _, rhs) => &rhs[0],
                        _ => continue,
                    };
                    let r = strip_parens(r);
                    let ExprKind::Unary(UnOp::Recv, ch) = &r.kind else { continue };
                    let ct = self.type_of(ch);
                    let el = self.chan_elem(ct);
                    let c = self.expr(ch);
                    let slot = self.temp_slot(el, comm.span.lo);
                    list.push(Case { clause: i, send: false, chan: c, slot, elem: el, recv: Some(r) });
                }
                _ => {}
            }
        }
        if list.is_empty() && default.is_none() {
            // `select {}` blocks forever.
            self.rt("block", INVALID, vec![], pos);
            let b = self.cur;
            self.f.blocks[b as usize].kind = BlockKind::Exit;
            self.dead_block(pos);
            return;
        }
        // Sends first, then receives (the runtime's order), each group in source order.
        list.sort_by_key(|c| !c.send);
        let nsends = list.iter().filter(|c| c.send).count();
        let exit = self.new_block(pos);
        let index = if list.is_empty() {
            self.int(INT, -1)
        } else {
            let scase = self.tt.intern(TypeKind::Struct(vec![
                Field { name: "c".into(), ty: UNSAFE_POINTER, embedded: false },
                Field { name: "elem".into(), ty: UNSAFE_POINTER, embedded: false },
            ]));
            let arr_t = self.tt.intern(TypeKind::Array(list.len() as u64, scase));
            let arr = self.temp_slot(arr_t, pos);
            for (k, c) in list.iter().enumerate() {
                let pu = self.tt.pointer(UNSAFE_POINTER);
                let cp = self.add(Op::OffPtr, pu, vec![arr], Aux::Int(16 * k as i64), pos);
                let cv = self.add(Op::Copy, UNSAFE_POINTER, vec![c.chan], Aux::None, pos);
                self.store(cp, cv, UNSAFE_POINTER, pos);
                let ep = self.add(Op::OffPtr, pu, vec![arr], Aux::Int(16 * k as i64 + 8), pos);
                let ev = self.add(Op::Copy, UNSAFE_POINTER, vec![c.slot], Aux::None, pos);
                self.store(ep, ev, UNSAFE_POINTER, pos);
            }
            let okslot = self.temp_slot(BOOL, pos);
            let ns = self.int(INT, nsends as i64);
            let nr = self.int(INT, (list.len() - nsends) as i64);
            let block = self.int(BOOL, default.is_none() as i64);
            let idx = self.rt("selectgo", INT, vec![arr, ns, nr, block, okslot], pos);
            for c in list.iter().filter(|c| c.send) {
                self.clear_slot(c.slot, c.elem, pos);
            }
            self.select_dispatch(&list.iter().map(|c| (c.clause, c.recv.map(|r| (r.id, c.slot, c.elem)))).collect::<Vec<_>>(), okslot, idx, cases, default, exit, label, pos);
            self.seal(exit);
            self.start(exit);
            return;
        };
        // Only a default case.
        let _ = index;
        if let Some(d) = default {
            self.targets.push(Target { label: label.map(String::from), brk: exit, cont: None });
            self.stmts(&cases[d].body);
            self.targets.pop();
        }
        self.jump(exit);
        self.seal(exit);
        self.start(exit);
    }

    /// The switch on selectgo's result: case k of `list` runs when the index is k; -1 runs the
    /// default case.
    #[allow(clippy::too_many_arguments)]
    fn select_dispatch(&mut self, list: &[(usize, Option<(ast::ExprId, ValueId, TypeId)>)], okslot: ValueId, idx: ValueId, cases: &[ast::CommClause], default: Option<usize>, exit: BlockId, label: Option<&str>, pos: u32) {
        let mut arms: Vec<(i64, usize, Option<(ast::ExprId, ValueId, TypeId)>)> = list.iter().enumerate().map(|(k, (cl, r))| (k as i64, *cl, *r)).collect();
        if let Some(d) = default {
            arms.push((-1, d, None));
        }
        let n = arms.len();
        for (j, (k, clause, recv)) in arms.into_iter().enumerate() {
            let body = self.new_block(cases[clause].span.lo);
            let next = if j + 1 < n { Some(self.new_block(pos)) } else { None };
            match next {
                Some(nb) => {
                    let kv = self.int(INT, k);
                    let eq = self.add(Op::Eq, BOOL, vec![idx, kv], Aux::Int(INT as i64), pos);
                    self.branch(eq, body, nb);
                }
                None => self.jump(body),
            }
            self.seal(body);
            self.start(body);
            let cc = &cases[clause];
            if let Some((id, slot, el)) = recv {
                let cpos = cc.comm.as_ref().map_or(pos, |c| c.span.lo);
                let v = self.load_value(slot, el, cpos);
                let ok = self.load(okslot, BOOL, cpos);
                self.clear_slot(slot, el, cpos);
                self.recv_override.insert(id, (v, ok));
            }
            if let Some(comm) = &cc.comm {
                if !matches!(&*comm.kind, StmtKind::Send(..)) {
                    self.stmt(comm, None);
                }
            }
            if let Some((id, _, _)) = recv {
                self.recv_override.remove(&id);
            }
            self.targets.push(Target { label: label.map(String::from), brk: exit, cont: None });
            self.stmts(&cc.body);
            self.targets.pop();
            self.jump(exit);
            if let Some(nb) = next {
                self.seal(nb);
                self.start(nb);
            }
        }
    }
}
