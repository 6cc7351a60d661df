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
        let before = self.f.values.len() as ValueId;
        let (c, slot, el) = self.send_operands(ch, v, pos);
        // gc reports the value's conversion to an interface at the channel's name.
        self.move_conversion(before, v, el, super::stmt::target_base(ch));
        self.rt("chansend1", INVALID, vec![c, slot], pos);
        self.clear_slot(slot, el, pos);
    }

    /// A send's operands, evaluated: the channel, and a slot holding the value (with the
    /// element type).
    fn send_operands(&mut self, ch: &Expr, v: &Expr, pos: u32) -> (ValueId, ValueId, TypeId) {
        let ty_59 = self.type_of(ch);
        let el = self.chan_elem(ty_59);
        let c = self.expr(ch);
        let x = self.expr_to(v, el);
        let slot = self.temp_slot(el, pos);
        self.store(slot, x, el, pos);
        (c, slot, el)
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
        let mut list: Vec<SelectCase> = vec![];
        let mut default = None;
        for (i, cc) in cases.iter().enumerate() {
            let Some(comm) = &cc.comm else {
                default = Some(i);
                continue;
            };
            let r = match &*comm.kind {
                StmtKind::Send(ch, v) => {
                    let (chan, slot, elem) = self.send_operands(ch, v, comm.span.lo);
                    list.push(SelectCase { clause: i, chan, slot, elem, recv: None });
                    continue;
                }
                StmtKind::Expr(e) => e,
                StmtKind::Assign(_, _, rhs) => &rhs[0],
                _ => continue,
            };
            let r = strip_parens(r);
            let ExprKind::Unary(UnOp::Recv, ch) = &r.kind else { continue };
            let ty_144 = self.type_of(ch);
            let elem = self.chan_elem(ty_144);
            let chan = self.expr(ch);
            let slot = self.temp_slot(elem, comm.span.lo);
            list.push(SelectCase { clause: i, chan, slot, elem, recv: Some(r.id) });
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
        list.sort_by_key(|c| c.recv.is_some());
        // With only a default case there is nothing to ask the runtime.
        let chosen = if list.is_empty() {
            None
        } else {
            let okslot = self.temp_slot(BOOL, pos);
            Some((self.selectgo(&list, default.is_none(), okslot, pos), okslot))
        };
        let exit = self.new_block(pos);
        self.select_dispatch(&list, chosen, cases, default, exit, label, pos);
        self.seal(exit);
        self.start(exit);
    }

    /// Fills the array of cases `{channel, slot}` and calls runtime.selectgo: the index of the
    /// case that ran, or -1 (nothing ready, and a default case).
    fn selectgo(&mut self, list: &[SelectCase], block: bool, okslot: ValueId, pos: u32) -> ValueId {
        let scase = self.tt.intern(TypeKind::Struct(vec![
            Field { name: "c".into(), ty: UNSAFE_POINTER, embedded: false },
            Field { name: "elem".into(), ty: UNSAFE_POINTER, embedded: false },
        ]));
        let arr_t = self.tt.intern(TypeKind::Array(list.len() as u64, scase));
        let arr = self.temp_slot(arr_t, pos);
        let pu = self.tt.pointer(UNSAFE_POINTER);
        for (k, c) in list.iter().enumerate() {
            for (off, v) in [(0, c.chan), (8, c.slot)] {
                let p = self.add(Op::OffPtr, pu, vec![arr], Aux::Int(16 * k as i64 + off), pos);
                let w = self.add(Op::Copy, UNSAFE_POINTER, vec![v], Aux::None, pos);
                self.store(p, w, UNSAFE_POINTER, pos);
            }
        }
        let nsends = list.iter().filter(|c| c.recv.is_none()).count();
        let ns = self.int(INT, nsends as i64);
        let nr = self.int(INT, (list.len() - nsends) as i64);
        let block = self.int(BOOL, block as i64);
        let idx = self.rt("selectgo", INT, vec![arr, ns, nr, block, okslot], pos);
        for c in list.iter().filter(|c| c.recv.is_none()) {
            self.clear_slot(c.slot, c.elem, pos);
        }
        idx
    }

    /// The switch on selectgo's result (`chosen`: the index, and the slot of a receive's "ok"):
    /// case k of `list` runs when the index is k, the default case when it is -1 (or at once,
    /// when there is no other case).
    #[allow(clippy::too_many_arguments)]
    fn select_dispatch(&mut self, list: &[SelectCase], chosen: Option<(ValueId, ValueId)>, cases: &[ast::CommClause], default: Option<usize>, exit: BlockId, label: Option<&str>, pos: u32) {
        let mut arms: Vec<(i64, usize, Option<&SelectCase>)> = list.iter().enumerate().map(|(k, c)| (k as i64, c.clause, Some(c))).collect();
        if let Some(d) = default {
            arms.push((-1, d, None));
        }
        let n = arms.len();
        for (j, (k, clause, case)) in arms.into_iter().enumerate() {
            let body = self.new_block(cases[clause].span.lo);
            let next = if j + 1 < n { Some(self.new_block(pos)) } else { None };
            match (next, chosen) {
                (Some(nb), Some((idx, _))) => {
                    let kv = self.int(INT, k);
                    let eq = self.add(Op::Eq, BOOL, vec![idx, kv], Aux::Int(INT as i64), pos);
                    self.branch(eq, body, nb);
                }
                _ => self.jump(body),
            }
            self.seal(body);
            self.start(body);
            let cc = &cases[clause];
            let recv = case.and_then(|c| c.recv.map(|id| (id, c.slot, c.elem)));
            if let (Some((id, slot, el)), Some((_, okslot))) = (recv, chosen) {
                let cpos = cc.comm.as_ref().map_or(pos, |c| c.span.lo);
                let v = self.load_value(slot, el, cpos);
                let ok = self.load(okslot, BOOL, cpos);
                self.clear_slot(slot, el, cpos);
                self.recv_override.insert(id, (v, ok));
                // The receive's assignment, if any, reads the values received.
                self.stmt(cc.comm.as_ref().unwrap(), None);
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

/// A send or receive case of a select, its operands evaluated.
struct SelectCase {
    /// Its index among the select's clauses.
    clause: usize,
    chan: ValueId,
    /// The value to send, or where the value received goes.
    slot: ValueId,
    elem: TypeId,
    /// For a receive: the receive expression, whose value the case's assignment reads.
    recv: Option<ast::ExprId>,
}
