//! Maps: `make`, literals, `m[k]` (also in `v, ok` form), assignment to `m[k]`, `delete`,
//! `len`, and `range`. Each operation is one generic op (`MapAccess1`, `MapAssign`, ...),
//! whose arguments are the map type's descriptor, the map, and the key; `lower` turns them
//! into calls of the runtime's map (runtime/src/map.rs), choosing the fast variants for
//! 32- and 64-bit and string keys, which take the key by value. Other keys are passed by
//! address.

use super::*;

/// How a key reaches the runtime: by value (fast variants) or by address.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum KeyPass {
    Fast64,
    Fast32,
    FastStr,
    Addr,
}

/// As gc: keys of 8 or 4 bytes of plain memory (integers, pointers, small structs and
/// arrays of them) and strings take the fast paths.
pub fn key_pass(tt: &TypeTable, k: TypeId) -> KeyPass {
    if tt.is_string(k) {
        return KeyPass::FastStr;
    }
    if matches!(tt.under_kind(k), TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Basic(Basic::UnsafePointer)) {
        return KeyPass::Fast64;
    }
    if tt.is_regular_memory(k) {
        match tt.size(k) {
            8 => return KeyPass::Fast64,
            4 => return KeyPass::Fast32,
            _ => {}
        }
    }
    KeyPass::Addr
}

/// The iterator's size in words (the runtime's `hiter`).
const HITER_WORDS: u64 = 12;

impl<'a> Builder<'a> {
    pub(super) fn map_kv(&self, mt: TypeId) -> (TypeId, TypeId) {
        match self.tt.under_kind(mt) {
            TypeKind::Map(k, v) => (*k, *v),
            _ => (INVALID, INVALID),
        }
    }

    /// The key argument: the value, or its address.
    fn key_arg(&mut self, mt: TypeId, k: ValueId, pos: u32) -> ValueId {
        let (kt, _) = self.map_kv(mt);
        let pass = key_pass(self.tt, kt);
        if pass != KeyPass::Addr && !is_ssa_type(self.tt, kt) {
            // A small struct or array key: its bytes as one word.
            let wt = if pass == KeyPass::Fast64 { UINT64 } else { UINT32 };
            let pw = self.tt.pointer(wt);
            let p = self.add(Op::Copy, pw, vec![k], Aux::None, pos);
            return self.load(p, wt, pos);
        }
        if pass != KeyPass::Addr {
            return k;
        }
        if !is_ssa_type(self.tt, kt) {
            return k; // a memory-typed value is its address
        }
        let size = self.tt.size(kt).max(1) as i64;
        let pt = self.tt.pointer(kt);
        let slot = self.add(Op::StackSlot, pt, vec![], Aux::Int(size), pos);
        self.store(slot, k, kt, pos);
        slot
    }

    pub(super) fn map_op(&mut self, op: Op, ty: TypeId, mt: TypeId, m: ValueId, k: Option<ValueId>, pos: u32) -> ValueId {
        let td = self.add(Op::TypeAddr, UINTPTR, vec![], Aux::Type(mt), pos);
        let mut args = vec![td, m];
        if let Some(k) = k {
            let ka = self.key_arg(mt, k, pos);
            args.push(ka);
        }
        self.add(op, ty, args, Aux::Type(mt), pos)
    }

    /// `m[k]` as a value; with `comma_ok` also whether the key is present.
    /// The key of `x[key]` as the map's key type. gc reports the key's conversion to an
    /// interface key type at the start of the index expression (`m[1]`: at the `m`).
    pub(super) fn map_key(&mut self, x: &Expr, key: &Expr, kt: TypeId) -> ValueId {
        let before = self.f.values.len() as ValueId;
        let k = self.expr_to(key, kt);
        if self.tt.is_interface(kt) {
            self.move_notes(before, crate::ssa::escape::exprfmt::gc_pos(key), x.span.lo);
        }
        k
    }

    pub(super) fn map_index(&mut self, x: &Expr, idx: &Expr, comma_ok: bool, pos: u32) -> (ValueId, Option<ValueId>) {
        let mt = self.type_of(x);
        let (kt, vt) = self.map_kv(mt);
        let m = self.expr(x);
        let k = self.map_key(x, idx, kt);
        let pv = self.tt.pointer(vt);
        let (p, ok) = if comma_ok {
            let tup = self.tt.tuple(vec![pv, BOOL]);
            let r = self.map_op(Op::MapAccess2, tup, mt, m, Some(k), pos);
            let p = self.add(Op::Select, pv, vec![r], Aux::Int(0), pos);
            let ok = self.add(Op::Select, BOOL, vec![r], Aux::Int(1), pos);
            (p, Some(ok))
        } else {
            (self.map_op(Op::MapAccess1, pv, mt, m, Some(k), pos), None)
        };
        // A copy: the element may move when the map changes.
        let v = self.load_value(p, vt, pos);
        (v, ok)
    }

    /// The address of the element for key `k`, inserting the key (for `m[k] = v`, after the
    /// right-hand side is evaluated).
    pub(super) fn map_assign_addr(&mut self, mt: TypeId, m: ValueId, k: ValueId, pos: u32) -> ValueId {
        let (_, vt) = self.map_kv(mt);
        let pv = self.tt.pointer(vt);
        self.map_op(Op::MapAssign, pv, mt, m, Some(k), pos)
    }

    pub(super) fn map_delete(&mut self, m_e: &Expr, k_e: &Expr, pos: u32) {
        let mt = self.type_of(m_e);
        let (kt, _) = self.map_kv(mt);
        let m = self.expr(m_e);
        let k = self.expr_to(k_e, kt);
        self.map_delete_values(mt, m, k, pos);
    }

    pub(super) fn map_delete_values(&mut self, mt: TypeId, m: ValueId, k: ValueId, pos: u32) {
        self.map_op(Op::MapDelete, INVALID, mt, m, Some(k), pos);
    }

    pub(super) fn map_make(&mut self, mt: TypeId, hint: Option<ValueId>, pos: u32) -> ValueId {
        let h = match hint {
            Some(h) => h,
            None => self.int(INT, 0),
        };
        let td = self.add(Op::TypeAddr, UINTPTR, vec![], Aux::Type(mt), pos);
        self.add(Op::MapMake, mt, vec![td, h], Aux::Type(mt), pos)
    }

    /// `len(m)`: the count is the first word of the map header; a nil map has none.
    pub(super) fn map_len(&mut self, m: ValueId, pos: u32) -> ValueId {
        let var = self.new_var(INT);
        let zero = self.int(INT, 0);
        self.write_var(var, self.cur, zero);
        let mt = self.f.v(m).ty;
        let nilm = self.add(Op::ConstNil, mt, vec![], Aux::None, pos);
        let nonnil = self.add(Op::Neq, BOOL, vec![m, nilm], Aux::Int(UNSAFE_POINTER as i64), pos);
        let load = self.new_block(pos);
        let join = self.new_block(pos);
        self.branch(nonnil, load, join);
        self.seal(load);
        self.start(load);
        let pt = self.tt.pointer(INT);
        let p = self.add(Op::Copy, pt, vec![m], Aux::None, pos);
        let n = self.load(p, INT, pos);
        self.write_var(var, self.cur, n);
        self.continue_at(join);
        self.read_var(var, join)
    }

    /// A map composite literal.
    pub(super) fn map_lit(&mut self, mt: TypeId, elems: &[ast::KeyedElement], pos: u32) -> ValueId {
        let (kt, vt) = self.map_kv(mt);
        let n = self.int(INT, elems.len() as i64);
        let m = self.map_make(mt, Some(n), pos);
        for el in elems {
            let Some(ke) = &el.key else { continue };
            let k = self.elem_value_to(ke, kt);
            let v = self.elem_value_to(&el.value, vt);
            let p = self.map_assign_addr(mt, m, k, pos);
            self.store(p, v, vt, pos);
        }
        m
    }

    /// `for k, v := range m`
    #[allow(clippy::too_many_arguments)]
    pub(super) fn range_map(&mut self, key: Option<&Expr>, value: Option<&Expr>, define: bool, x: &Expr, body: &ast::Block, label: Option<&str>, pos: u32) {
        let mt = self.type_of(x);
        let (kt, vt) = self.map_kv(mt);
        let m = self.expr(x);
        let it_t = self.tt.intern(TypeKind::Array(HITER_WORDS, UNSAFE_POINTER));
        let it = self.new_obj(it_t, pos);
        let td = self.add(Op::TypeAddr, UINTPTR, vec![], Aux::Type(mt), pos);
        self.add(Op::MapIterInit, INVALID, vec![td, m, it], Aux::Type(mt), pos);
        let vars = self.range_vars(key, value, define, &[kt, vt], pos);
        let header = self.new_block(pos);
        let bodyb = self.new_block(body.lbrace.lo);
        let postb = self.new_block(pos);
        let exit = self.new_block(pos);
        self.jump(header);
        self.start(header);
        let ppk = self.tt.pointer(kt);
        let pit = self.tt.pointer(ppk);
        let itp = self.add(Op::Copy, pit, vec![it], Aux::None, pos);
        let kp = self.load(itp, ppk, pos);
        let nil = self.add(Op::ConstNil, ppk, vec![], Aux::None, pos);
        let more = self.add(Op::Neq, BOOL, vec![kp, nil], Aux::Int(UNSAFE_POINTER as i64), pos);
        self.branch(more, bodyb, exit);
        self.seal(bodyb);
        self.start(bodyb);
        let kv = self.load_value(kp, kt, pos);
        let vv = if value.is_some() {
            let ppv = self.tt.pointer(vt);
            let pitv = self.tt.pointer(ppv);
            let itv = self.add(Op::OffPtr, pitv, vec![it], Aux::Int(8), pos);
            let vp = self.load(itv, ppv, pos);
            let vv = self.load_value(vp, vt, pos);
            if is_ssa_type(self.tt, vt) {
                self.f.esc.extra_flows.push((vv, m, 1));
            }
            Some(vv)
        } else {
            None
        };
        self.assign_range_vars(&vars, &[Some(kv), vv], &[kt, vt], pos);
        self.loop_body(label, body, exit, postb);
        self.add(Op::MapIterNext, INVALID, vec![it], Aux::Type(mt), pos);
        self.loop_back(header, exit);
    }
}
