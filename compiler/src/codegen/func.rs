//! One function: SSA blocks and values to Cranelift IR.

use crate::HashMap;

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types as ct, BlockArg, InstBuilder, Signature as ClifSig, StackSlotData, StackSlotKind, TrapCode};
use cranelift_frontend::FunctionBuilder;
use cranelift_module::{Linkage, Module};

use super::{comp_offsets, components, defer_frame, gcinfo, mf, ret_offsets, typedesc, Codegen, MAX_REG_RESULTS};
use crate::ssa::ir::*;
use crate::types::ty::*;

pub(super) struct FnBuild<'a, 'b, 'c> {
    cg: &'a mut Codegen<'c>,
    b: &'a mut FunctionBuilder<'b>,
    f: &'a Func,
    vals: HashMap<ValueId, Vec<cranelift_codegen::ir::Value>>,
    blocks: HashMap<BlockId, cranelift_codegen::ir::Block>,
    /// The function's parameters (Cranelift values of the entry block).
    params: Vec<CV>,
    /// Stack slots that can hold pointers, for the collector.
    pub(super) frame_objects: Vec<gcinfo::FrameObject>,
}

type CV = cranelift_codegen::ir::Value;

impl<'a, 'b, 'c> FnBuild<'a, 'b, 'c> {
    pub(super) fn new(cg: &'a mut Codegen<'c>, b: &'a mut FunctionBuilder<'b>, f: &'a Func) -> Self {
        FnBuild { cg, b, f, vals: HashMap::default(), blocks: HashMap::default(), params: vec![], frame_objects: vec![] }
    }

    /// Cranelift parameter index of the hidden closure argument, or of parameter 0.
    fn first_param(&self) -> usize {
        self.ret_area() as usize + self.f.has_ctx as usize
    }

    fn ret_area(&self) -> bool {
        self.f.results.iter().map(|t| components(self.cg.tt, *t).len()).sum::<usize>() > MAX_REG_RESULTS
    }

    fn comps(&self, t: TypeId) -> Vec<ct::Type> {
        components(self.cg.tt, t)
    }

    /// Declares the components of a value of type `t` that hold pointers as GC roots:
    /// Cranelift keeps them in stack slots across calls and records where (`gcinfo`).
    fn roots(&mut self, t: TypeId, cvs: &[CV]) {
        for (c, p) in cvs.iter().zip(gcinfo::pointer_components(self.cg.tt, t)) {
            if p && self.b.func.dfg.value_type(*c) == ct::I64 {
                self.b.declare_value_needs_stack_map(*c);
            }
        }
    }

    fn get(&self, v: ValueId) -> Vec<CV> {
        self.vals.get(&v).cloned().unwrap_or_default()
    }

    fn one(&self, v: ValueId) -> CV {
        self.vals[&v][0]
    }

    pub(super) fn build(&mut self) -> Result<(), String> {
        let order = self.f.rpo();
        for &bid in &order {
            let blk = self.b.create_block();
            self.blocks.insert(bid, blk);
            // The paths that end the program (panics) go out of the hot code, at the end.
            if self.f.blocks[bid as usize].kind == BlockKind::Exit && bid != self.f.entry {
                self.b.set_cold_block(blk);
            }
            // Phis become block parameters.
            for &v in &self.f.blocks[bid as usize].values {
                let val = self.f.v(v);
                if val.op == Op::Phi {
                    let mut ps = vec![];
                    for t in self.comps(val.ty) {
                        ps.push(self.b.append_block_param(blk, t));
                    }
                    self.roots(val.ty, &ps);
                    self.vals.insert(v, ps);
                }
            }
        }
        let entry = self.blocks[&self.f.entry];
        self.b.append_block_params_for_function_params(entry);
        let params: Vec<CV> = self.b.block_params(entry).to_vec();
        self.params = params.clone();
        for &bid in &order {
            let blk = self.blocks[&bid];
            self.b.switch_to_block(blk);
            if bid == self.f.entry && self.cg.stack_checks && self.calls() {
                self.stack_check()?;
            }
            for &v in &self.f.blocks[bid as usize].values.clone() {
                self.value(v, &params)?;
            }
            self.terminator(bid)?;
        }
        self.b.seal_all_blocks();
        Ok(())
    }

    /// The negation of boolean `c`: the complementary comparison when `c` is one (so no
    /// instruction is added), else `c == 0`.
    fn complement(&mut self, c: CV) -> CV {
        use cranelift_codegen::ir::condcodes::CondCode;
        use cranelift_codegen::ir::InstructionData;
        if let cranelift_codegen::ir::ValueDef::Result(inst, 0) = self.b.func.dfg.value_def(c) {
            match self.b.func.dfg.insts[inst] {
                InstructionData::IntCompare { cond, args, .. } => return self.b.ins().icmp(cond.complement(), args[0], args[1]),
                InstructionData::FloatCompare { cond, args, .. } => return self.b.ins().fcmp(cond.complement(), args[0], args[1]),
                _ => {}
            }
        }
        self.b.ins().icmp_imm_u(IntCC::Equal, c, 0)
    }

    fn phi_args(&self, from: BlockId, to: BlockId) -> Vec<BlockArg> {
        let tb = &self.f.blocks[to as usize];
        let i = tb.preds.iter().position(|&p| p == from).unwrap();
        let mut args = vec![];
        for &v in &tb.values {
            let val = self.f.v(v);
            if val.op == Op::Phi {
                for c in self.get(val.args[i]) {
                    args.push(BlockArg::Value(c));
                }
            }
        }
        args
    }

    fn terminator(&mut self, bid: BlockId) -> Result<(), String> {
        let blk = &self.f.blocks[bid as usize];
        match &blk.kind {
            BlockKind::Plain => {
                let to = blk.succs[0];
                let args = self.phi_args(bid, to);
                self.b.ins().jump(self.blocks[&to], &args);
            }
            BlockKind::If(c) => {
                let (y, n) = (blk.succs[0], blk.succs[1]);
                let ya = self.phi_args(bid, y);
                let na = self.phi_args(bid, n);
                let c = self.one(*c);
                // Cranelift lays blocks out in the reverse postorder of a depth-first walk
                // that visits a branch's first target first, so the second target would come
                // right after this block. Branching on the complement, with the targets
                // swapped, places the true target (the then-block, a loop's body) next: it
                // falls through, and a loop takes one branch per iteration (the jump back)
                // instead of two.
                let nc = self.complement(c);
                self.b.ins().brif(nc, self.blocks[&n], &na, self.blocks[&y], &ya);
            }
            BlockKind::Ret(vs) => {
                let mut r = vec![];
                for v in vs {
                    r.extend(self.get(*v));
                }
                if self.ret_area() {
                    let area = self.params[0];
                    for (x, o) in r.iter().zip(ret_offsets(r.len())) {
                        self.b.ins().store(mf(), *x, area, o);
                    }
                    r.clear();
                }
                self.b.ins().return_(&r);
            }
            BlockKind::Exit => {
                self.b.ins().trap(TrapCode::unwrap_user(1));
            }
        }
        Ok(())
    }

    fn call_sym(&mut self, name: &str, args: &[CV], rets: &[ct::Type], linkage: Linkage) -> Result<Vec<CV>, String> {
        let ps: Vec<ct::Type> = args.iter().map(|a| self.b.func.dfg.value_type(*a)).collect();
        let sig = self.cg.sig_for(&ps, rets);
        let id = self.cg.func_id(name, &sig, linkage)?;
        let fref = self.cg.module.declare_func_in_func(id, self.b.func);
        let call = self.b.ins().call(fref, args);
        Ok(self.b.inst_results(call).to_vec())
    }

    fn rt(&mut self, name: &str, args: &[CV], rets: &[ct::Type]) -> Result<Vec<CV>, String> {
        self.call_sym(name, args, rets, Linkage::Import)
    }

    fn is_signed(&self, t: TypeId) -> bool {
        self.cg.tt.is_integer(t) && !self.cg.tt.is_unsigned(t)
    }

    fn value(&mut self, v: ValueId, params: &[CV]) -> Result<(), String> {
        let val = self.f.v(v).clone();
        let tt = self.cg.tt;
        let comps = self.comps(val.ty);
        let a = |s: &Self, i: usize| s.one(val.args[i]);
        let out: Vec<CV> = match val.op {
            Op::Phi => return Ok(()),
            Op::Const => match &val.aux {
                Aux::Int(i) => vec![self.b.ins().iconst(comps[0], *i)],
                Aux::Float(x) => {
                    if comps[0] == ct::F32 { vec![self.b.ins().f32const(*x as f32)] } else { vec![self.b.ins().f64const(*x)] }
                }
                Aux::Str(s) => {
                    let len = self.b.ins().iconst(ct::I64, s.len() as i64);
                    if s.is_empty() {
                        vec![self.b.ins().iconst(ct::I64, 0), len]
                    } else {
                        let id = self.cg.string_data(s)?;
                        let gv = self.cg.module.declare_data_in_func(id, self.b.func);
                        vec![self.b.ins().symbol_value(ct::I64, gv), len]
                    }
                }
                _ => return Err(format!("bad const aux in v{}", v)),
            },
            Op::ConstNil => comps.iter().map(|t| self.b.ins().iconst(*t, 0)).collect(),
            Op::Arg => {
                let Aux::Int(i) = val.aux else { return Err("arg".into()) };
                // Components of earlier params come first.
                let start: usize = self.f.params[..i as usize].iter().map(|t| components(tt, *t).len()).sum::<usize>() + self.first_param();
                params[start..start + comps.len()].to_vec()
            }
            Op::ClosurePtr => vec![params[self.ret_area() as usize]],
            Op::Copy => self.get(val.args[0]),
            Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Neg if comps.len() == 2 && comps[0].is_float() => self.complex_arith(&val)?,
            Op::Eq | Op::Neq if self.is_complex_aux(&val.aux) => {
                let (x, y) = (self.get(val.args[0]), self.get(val.args[1]));
                let cc = if val.op == Op::Eq { FloatCC::Equal } else { FloatCC::NotEqual };
                let r = self.b.ins().fcmp(cc, x[0], y[0]);
                let i = self.b.ins().fcmp(cc, x[1], y[1]);
                vec![if val.op == Op::Eq { self.b.ins().band(r, i) } else { self.b.ins().bor(r, i) }]
            }
            Op::ComplexMake => vec![a(self, 0), a(self, 1)],
            Op::ComplexReal => vec![self.get(val.args[0])[0]],
            Op::ComplexImag => vec![self.get(val.args[0])[1]],
            Op::Cvt if comps.len() == 2 && comps[0].is_float() => {
                // complex64 <-> complex128, part by part.
                let x = self.get(val.args[0]);
                x.iter()
                    .map(|p| {
                        let from = self.b.func.dfg.value_type(*p);
                        if from == comps[0] { *p } else if comps[0] == ct::F64 { self.b.ins().fpromote(ct::F64, *p) } else { self.b.ins().fdemote(ct::F32, *p) }
                    })
                    .collect()
            }
            Op::Add | Op::Sub | Op::Mul | Op::And | Op::Or | Op::Xor | Op::AndNot => {
                let (x, y) = (a(self, 0), a(self, 1));
                let fl = tt.is_float(val.ty);
                let i = self.b.ins();
                vec![match (val.op, fl) {
                    (Op::Add, false) => i.iadd(x, y),
                    (Op::Add, true) => i.fadd(x, y),
                    (Op::Sub, false) => i.isub(x, y),
                    (Op::Sub, true) => i.fsub(x, y),
                    (Op::Mul, false) => i.imul(x, y),
                    (Op::Mul, true) => i.fmul(x, y),
                    (Op::And, _) => i.band(x, y),
                    (Op::Or, _) => i.bor(x, y),
                    (Op::Xor, _) => i.bxor(x, y),
                    _ => i.band_not(x, y),
                }]
            }
            Op::Div | Op::Mod => {
                let (x, y) = (a(self, 0), a(self, 1));
                if tt.is_float(val.ty) {
                    vec![self.b.ins().fdiv(x, y)]
                } else if !self.is_signed(val.ty) {
                    vec![if val.op == Op::Div { self.b.ins().udiv(x, y) } else { self.b.ins().urem(x, y) }]
                } else if val.aux == Aux::Int(1) {
                    // prove found that x / -1 with x the minimum cannot happen.
                    vec![if val.op == Op::Div { self.b.ins().sdiv(x, y) } else { self.b.ins().srem(x, y) }]
                } else {
                    // x / -1 overflows for the minimum value: Go defines it as -x (and 0 for %).
                    let t = comps[0];
                    let m1 = self.b.ins().iconst(t, -1);
                    let is_m1 = self.b.ins().icmp(IntCC::Equal, y, m1);
                    let one = self.b.ins().iconst(t, 1);
                    let safe = self.b.ins().select(is_m1, one, y);
                    if val.op == Op::Div {
                        let q = self.b.ins().sdiv(x, safe);
                        let nx = self.b.ins().ineg(x);
                        vec![self.b.ins().select(is_m1, nx, q)]
                    } else {
                        let r = self.b.ins().srem(x, safe);
                        let z = self.b.ins().iconst(t, 0);
                        vec![self.b.ins().select(is_m1, z, r)]
                    }
                }
            }
            Op::Lsh | Op::Rsh if val.aux == Aux::Int(1) => {
                // prove found the count below the width: the machine's shift is Go's.
                let (x, c) = (a(self, 0), a(self, 1));
                let signed = self.is_signed(val.ty);
                let i = self.b.ins();
                vec![match val.op {
                    Op::Lsh => i.ishl(x, c),
                    _ if signed => i.sshr(x, c),
                    _ => i.ushr(x, c),
                }]
            }
            Op::Lsh | Op::Rsh => {
                let (x, c) = (a(self, 0), a(self, 1));
                let t = comps[0];
                let w = t.bits() as i64;
                let big = self.b.ins().icmp_imm_u(IntCC::UnsignedGreaterThanOrEqual, c, w);
                if val.op == Op::Lsh {
                    let r = self.b.ins().ishl(x, c);
                    let z = self.b.ins().iconst(t, 0);
                    vec![self.b.ins().select(big, z, r)]
                } else if self.is_signed(val.ty) {
                    let wm1 = self.b.ins().iconst(ct::I64, w - 1);
                    let c2 = self.b.ins().select(big, wm1, c);
                    vec![self.b.ins().sshr(x, c2)]
                } else {
                    let r = self.b.ins().ushr(x, c);
                    let z = self.b.ins().iconst(t, 0);
                    vec![self.b.ins().select(big, z, r)]
                }
            }
            Op::Neg => {
                let x = a(self, 0);
                vec![if tt.is_float(val.ty) { self.b.ins().fneg(x) } else { self.b.ins().ineg(x) }]
            }
            Op::Com => {
                let x = a(self, 0);
                vec![self.b.ins().bnot(x)]
            }
            Op::Sqrt => {
                let x = a(self, 0);
                let r = self.b.ins().sqrt(x);
                if self.cg.x86_conversions {
                    vec![r]
                } else {
                    // arm64's fsqrt of a negative number gives the NaN with the sign bit
                    // clear; golift gives x86-64's (sign set) everywhere, so that
                    // Float64bits(Sqrt(-1)) prints the same on every target.
                    let t = comps[0];
                    let zero = if t == ct::F32 { self.b.ins().f32const(0.0) } else { self.b.ins().f64const(0.0) };
                    let neg = self.b.ins().fcmp(FloatCC::LessThan, x, zero);
                    let nan = if t == ct::F32 { self.b.ins().f32const(f32::from_bits(0xffc0_0000)) } else { self.b.ins().f64const(f64::from_bits(0xfff8_0000_0000_0000)) };
                    vec![self.b.ins().select(neg, nan, r)]
                }
            }
            Op::Abs => {
                let x = a(self, 0);
                vec![self.b.ins().fabs(x)]
            }
            Op::Floor | Op::Ceil | Op::Trunc => {
                let x = a(self, 0);
                vec![self.round_float(val.op, x)]
            }
            Op::Copysign => {
                let (x, y) = (a(self, 0), a(self, 1));
                vec![self.b.ins().fcopysign(x, y)]
            }
            Op::Bitcast => {
                let x = a(self, 0);
                vec![self.b.ins().bitcast(comps[0], cranelift_codegen::ir::MemFlagsData::new(), x)]
            }
            Op::Ctz | Op::Clz | Op::PopCount | Op::Bswap => {
                let x = a(self, 0);
                let i = self.b.ins();
                vec![match val.op {
                    Op::Ctz => i.ctz(x),
                    Op::Clz => i.clz(x),
                    Op::PopCount => i.popcnt(x),
                    _ => i.bswap(x),
                }]
            }
            Op::RotateLeft => {
                let (x, k) = (a(self, 0), a(self, 1));
                vec![self.b.ins().rotl(x, k)]
            }
            Op::Not => {
                let x = a(self, 0);
                vec![self.b.ins().bxor_imm_u(x, 1)]
            }
            Op::Eq | Op::Neq | Op::Less | Op::Leq => {
                let Aux::Int(ot) = val.aux else { return Err("cmp aux".into()) };
                let ot = ot as TypeId;
                let (x, y) = (a(self, 0), a(self, 1));
                if tt.is_float(ot) {
                    let cc = match val.op { Op::Eq => FloatCC::Equal, Op::Neq => FloatCC::NotEqual, Op::Less => FloatCC::LessThan, _ => FloatCC::LessThanOrEqual };
                    vec![self.b.ins().fcmp(cc, x, y)]
                } else {
                    let signed = self.is_signed(ot);
                    let cc = match (val.op, signed) {
                        (Op::Eq, _) => IntCC::Equal,
                        (Op::Neq, _) => IntCC::NotEqual,
                        (Op::Less, true) => IntCC::SignedLessThan,
                        (Op::Less, false) => IntCC::UnsignedLessThan,
                        (_, true) => IntCC::SignedLessThanOrEqual,
                        _ => IntCC::UnsignedLessThanOrEqual,
                    };
                    vec![self.b.ins().icmp(cc, x, y)]
                }
            }
            Op::Cvt => {
                let Aux::Int(from) = val.aux else { return Err("cvt aux".into()) };
                let from = from as TypeId;
                let x = a(self, 0);
                let ft = components(tt, from)[0];
                let to = comps[0];
                let ff = tt.is_float(from);
                let tf = tt.is_float(val.ty);
                vec![match (ff, tf) {
                    (false, false) => {
                        if ft.bits() == to.bits() {
                            x
                        } else if ft.bits() > to.bits() {
                            self.b.ins().ireduce(to, x)
                        } else if self.is_signed(from) {
                            self.b.ins().sextend(to, x)
                        } else {
                            self.b.ins().uextend(to, x)
                        }
                    }
                    (false, true) => {
                        if self.is_signed(from) { self.b.ins().fcvt_from_sint(to, x) } else { self.b.ins().fcvt_from_uint(to, x) }
                    }
                    (true, false) => {
                        // Narrower results are truncated from a 64-bit conversion on amd64 and
                        // from a 32-bit one on arm64, as gc does (it matters only out of range).
                        let wide = if to.bits() < 32 { if self.cg.x86_conversions { ct::I64 } else { ct::I32 } } else { to };
                        let signed = self.is_signed(val.ty) || wide != to;
                        let mut r = if signed { self.b.ins().fcvt_to_sint_sat(wide, x) } else { self.b.ins().fcvt_to_uint_sat(wide, x) };
                        if signed && self.cg.x86_conversions {
                            // cvttsd2si gives the minimum integer for NaN and out-of-range
                            // values; Cranelift's conversion saturates, so pick that value
                            // when x is not in [-2^(n-1), 2^(n-1)).
                            let bits = wide.bits() as i32 - 1;
                            let (lo, hi) = if ft == ct::F32 {
                                (self.b.ins().f32const(-(2f32.powi(bits))), self.b.ins().f32const(2f32.powi(bits)))
                            } else {
                                (self.b.ins().f64const(-(2f64.powi(bits))), self.b.ins().f64const(2f64.powi(bits)))
                            };
                            use cranelift_codegen::ir::condcodes::FloatCC;
                            let ge = self.b.ins().fcmp(FloatCC::GreaterThanOrEqual, x, lo);
                            let lt = self.b.ins().fcmp(FloatCC::LessThan, x, hi);
                            let ok = self.b.ins().band(ge, lt);
                            let min = self.b.ins().iconst(wide, if wide == ct::I64 { i64::MIN } else { i32::MIN as i64 });
                            r = self.b.ins().select(ok, r, min);
                        }
                        if wide != to { self.b.ins().ireduce(to, r) } else { r }
                    }
                    (true, true) => {
                        if ft == to { x } else if to == ct::F64 { self.b.ins().fpromote(to, x) } else { self.b.ins().fdemote(to, x) }
                    }
                }]
            }
            Op::StringMake | Op::SliceMake => val.args.iter().map(|x| self.one(*x)).collect(),
            Op::StringPtr | Op::SlicePtr => vec![self.get(val.args[0])[0]],
            Op::StringLen | Op::SliceLen => vec![self.get(val.args[0])[1]],
            Op::SliceCap => vec![self.get(val.args[0])[2]],
            Op::New => {
                let Aux::Int(size) = val.aux else { return Err("new".into()) };
                let s = self.b.ins().iconst(ct::I64, size);
                // The descriptor tells the collector where the object's pointers are.
                let td = match tt.under_kind(val.ty) {
                    TypeKind::Pointer(e) if tt.has_pointers(*e) => self.shape_addr(*e)?,
                    _ => self.b.ins().iconst(ct::I64, 0),
                };
                self.rt("runtime.newobject", &[s, td], &[ct::I64])?
            }
            Op::Addr => {
                let Aux::Sym(s) = &val.aux else { return Err("addr".into()) };
                let id = match self.cg.globals.get(s) {
                    Some(id) => *id,
                    None => return Err(format!("unknown global {}", s)),
                };
                let gv = self.cg.module.declare_data_in_func(id, self.b.func);
                vec![self.b.ins().symbol_value(ct::I64, gv)]
            }
            Op::OffPtr => {
                let Aux::Int(off) = val.aux else { return Err("offptr".into()) };
                let p = a(self, 0);
                vec![self.b.ins().iadd_imm_s(p, off)]
            }
            Op::PtrIndex => {
                let Aux::Int(size) = val.aux else { return Err("ptrindex".into()) };
                let (p, i) = (a(self, 0), a(self, 1));
                let off = self.b.ins().imul_imm_s(i, size);
                vec![self.b.ins().iadd(p, off)]
            }
            Op::Load => {
                let p = a(self, 0);
                let offs = comp_offsets(&comps);
                comps.iter().zip(offs).map(|(t, o)| self.b.ins().load(*t, mf(), p, o)).collect()
            }
            Op::Store => {
                let p = a(self, 0);
                let xs = self.get(val.args[1]);
                let tys: Vec<ct::Type> = xs.iter().map(|x| self.b.func.dfg.value_type(*x)).collect();
                for (x, o) in xs.iter().zip(comp_offsets(&tys)) {
                    self.b.ins().store(mf(), *x, p, o);
                }
                vec![]
            }
            Op::Move => {
                let Aux::Int(n) = val.aux else { return Err("move".into()) };
                let (d, s) = (a(self, 0), a(self, 1));
                let n = self.b.ins().iconst(ct::I64, n);
                self.rt("runtime.memmove", &[d, s, n], &[])?;
                vec![]
            }
            Op::Zero => {
                let Aux::Int(n) = val.aux else { return Err("zero".into()) };
                let d = a(self, 0);
                if n <= 128 {
                    // Small objects (most stack slots) are cleared inline: a few stores
                    // instead of a call.
                    let mut fl = cranelift_codegen::ir::MemFlagsData::new();
                    fl.set_notrap();
                    let zero = self.b.ins().iconst(ct::I64, 0);
                    let mut off = 0i64;
                    for (w, t) in [(8, ct::I64), (4, ct::I32), (2, ct::I16), (1, ct::I8)] {
                        let z = if t == ct::I64 { zero } else { self.b.ins().ireduce(t, zero) };
                        while n - off >= w {
                            self.b.ins().store(fl, z, d, off as i32);
                            off += w;
                        }
                    }
                } else {
                    let n = self.b.ins().iconst(ct::I64, n);
                    self.rt("runtime.memclr", &[d, n], &[])?;
                }
                vec![]
            }
            Op::NilCheck => {
                let p = a(self, 0);
                let bad = self.b.create_block();
                let good = self.b.create_block();
                self.b.set_cold_block(bad);
                self.b.ins().brif(p, good, &[], bad, &[]);
                self.b.switch_to_block(bad);
                self.rt("runtime.panicnil", &[], &[])?;
                self.b.ins().trap(TrapCode::unwrap_user(1));
                self.b.switch_to_block(good);
                vec![]
            }
            Op::IsInBounds | Op::IsSliceInBounds => {
                let (i, n) = (a(self, 0), a(self, 1));
                let cc = if val.op == Op::IsInBounds { IntCC::UnsignedLessThan } else { IntCC::UnsignedLessThanOrEqual };
                vec![self.b.ins().icmp(cc, i, n)]
            }
            Op::Call | Op::CallRT => {
                let Aux::Sym(s) = &val.aux else { return Err("call".into()) };
                let mut args = vec![];
                for x in &val.args {
                    args.extend(self.get(*x));
                }
                let linkage = if val.op == Op::CallRT || !self.cg.funcs.contains_key(s) { Linkage::Import } else { Linkage::Export };
                let s = s.clone();
                if comps.len() > MAX_REG_RESULTS {
                    let area = self.ret_slot(comps.len());
                    args.insert(0, area);
                    self.call_sym(&s, &args, &[], linkage)?;
                    self.load_ret_area(area, &comps)
                } else {
                    self.call_sym(&s, &args, &comps, linkage)?
                }
            }
            Op::InterCall => {
                // The code is the itab's method slot; the receiver is the data word.
                let Aux::Method(k, _) = &val.aux else { return Err("intercall aux".into()) };
                let tab = a(self, 0);
                let code = self.b.ins().load(ct::I64, mf(), tab, typedesc::ITAB_FUN_OFFSET + 8 * (*k as i32));
                let mut args = vec![];
                for x in &val.args[1..] {
                    args.extend(self.get(*x));
                }
                self.call_indirect(code, args, &comps)?
            }
            Op::ClosureCall => {
                // The code is the closure's first word; the closure is the hidden argument.
                let fv = a(self, 0);
                let code = self.b.ins().load(ct::I64, mf(), fv, 0);
                let mut args = vec![fv];
                for x in &val.args[1..] {
                    args.extend(self.get(*x));
                }
                self.call_indirect_ctx(code, args, &comps)?
            }
            Op::IMake => {
                let mut v = self.get(val.args[0]);
                v.extend(self.get(val.args[1]));
                v
            }
            Op::ITab => vec![self.get(val.args[0])[0]],
            Op::IData => vec![self.get(val.args[0])[1]],
            Op::TypeAddr => {
                let Aux::Type(t) = val.aux else { return Err("typeaddr aux".into()) };
                vec![self.type_addr(t)?]
            }
            Op::GCShape => {
                let Aux::Type(t) = val.aux else { return Err("gcshape aux".into()) };
                vec![self.shape_addr(t)?]
            }
            Op::ItabAddr => {
                let Aux::Itab(t, i) = val.aux else { return Err("itabaddr aux".into()) };
                let id = *self.cg.rtsyms.itabs.get(&(t, i)).ok_or("no itab")?;
                let gv = self.cg.module.declare_data_in_func(id, self.b.func);
                vec![self.b.ins().symbol_value(ct::I64, gv)]
            }
            Op::StaticClosure => {
                let Aux::Sym(w) = &val.aux else { return Err("closure aux".into()) };
                let id = *self.cg.rtsyms.closures.get(w).ok_or_else(|| format!("no static closure for {}", w))?;
                let gv = self.cg.module.declare_data_in_func(id, self.b.func);
                vec![self.b.ins().symbol_value(ct::I64, gv)]
            }
            Op::FuncAddr => {
                let Aux::Sym(s) = &val.aux else { return Err("funcaddr aux".into()) };
                let id = *self.cg.funcs.get(s).ok_or_else(|| format!("unknown function {}", s))?;
                let fr = self.cg.module.declare_func_in_func(id, self.b.func);
                vec![self.b.ins().func_addr(ct::I64, fr)]
            }
            Op::GetCallerSP => {
                // With frame pointers, the caller's stack pointer at the call is the frame
                // pointer + 16 on every target (saved frame pointer and return address, or
                // frame pointer and link register, sit between them).
                let fp = self.b.ins().get_frame_pointer(ct::I64);
                vec![self.b.ins().iadd_imm_s(fp, 16)]
            }
            Op::StackCheck => {
                self.stack_check()?;
                vec![]
            }
            Op::WrapperAdjust => {
                // Only while a deferred call is being made by a panic is there anything to do:
                // if this wrapper is the deferred function (its caller's stack pointer is the
                // panic's argp), the function it calls next takes its place (argp becomes our
                // stack pointer), so that its recover works. Done inline rather than by a
                // runtime call: a call would make Cranelift keep the wrapper's pointer
                // arguments in stack slots across it (they need stack maps) on the hot path too.
                // The offsets are the runtime's (`sched::M::curg`, `G::panic`, `Panic::argp`),
                // asserted there.
                let flag = self.rt_data("runtime.deferring")?;
                let on = self.b.ins().load(ct::I32, mf(), flag, 0);
                let adjust = self.b.create_block();
                let check = self.b.create_block();
                let store = self.b.create_block();
                let done = self.b.create_block();
                for blk in [adjust, check, store] {
                    self.b.set_cold_block(blk);
                }
                self.b.ins().brif(on, adjust, &[], done, &[]);
                self.b.switch_to_block(adjust);
                let m0 = self.rt_data("runtime.m0")?;
                let g = self.b.ins().load(ct::I64, mf(), m0, 8);
                let p = self.b.ins().load(ct::I64, mf(), g, 8);
                self.b.ins().brif(p, check, &[], done, &[]);
                self.b.switch_to_block(check);
                let argp = self.b.ins().load(ct::I64, mf(), p, 0);
                let fp = self.b.ins().get_frame_pointer(ct::I64);
                let caller_sp = self.b.ins().iadd_imm_s(fp, 16);
                let mine = self.b.ins().icmp(IntCC::Equal, argp, caller_sp);
                self.b.ins().brif(mine, store, &[], done, &[]);
                self.b.switch_to_block(store);
                let sp = self.b.ins().get_stack_pointer(ct::I64);
                self.b.ins().store(mf(), sp, p, 0);
                self.b.ins().jump(done, &[]);
                self.b.switch_to_block(done);
                vec![]
            }
            Op::StackSlot => {
                let Aux::Int(size) = val.aux else { return Err("stackslot".into()) };
                let slot = self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size as u32, 3));
                // An object in the frame that can hold pointers is scanned at every safepoint.
                let words = (size as u64 + 7) / 8;
                let pointers: Vec<u64> = match tt.under_kind(val.ty) {
                    TypeKind::Pointer(e) => {
                        let es = tt.size(*e).max(1);
                        let one = gcinfo::pointer_bitmap(tt, *e);
                        // The slot may hold several elements (a stack-allocated array for a slice).
                        (0..(size as u64 / es).max(1)).flat_map(|i| one.iter().map(move |w| i * es / 8 + w)).filter(|w| *w < words).collect()
                    }
                    _ => (0..words).collect(),
                };
                if !pointers.is_empty() {
                    self.frame_objects.push(gcinfo::FrameObject { slot, words: words as u32, pointers });
                }
                vec![self.b.ins().stack_addr(ct::I64, slot, 0)]
            }
            Op::DeferInit => self.defer_init(v)?,
            Op::DeferProc => {
                let (fr, fv) = (a(self, 0), a(self, 1));
                self.rt("runtime.deferproc", &[fr, fv], &[])?;
                vec![]
            }
            Op::DeferReturn => {
                let fr = a(self, 0);
                self.rt("runtime.deferreturn", &[fr], &[])?;
                vec![]
            }
            Op::Select => {
                let Aux::Int(i) = val.aux else { return Err("select".into()) };
                let tup = self.f.v(val.args[0]).ty;
                let TypeKind::Tuple(ts) = tt.kind(tup) else { return Err("select of non-tuple".into()) };
                let start: usize = ts[..i as usize].iter().map(|t| components(tt, *t).len()).sum();
                let all = self.get(val.args[0]);
                all[start..start + comps.len()].to_vec()
            }
            op if op.info().generic => return Err(format!("generic op {} reached codegen (lower did not run)", op.name())),
            op => return Err(format!("codegen: op {} not implemented", op.name())),
        };
        self.roots(val.ty, &out);
        self.vals.insert(v, out);
        Ok(())
    }

    /// The address of the descriptor of type `t`.
    /// math.Floor, Ceil or Trunc of the float64 `x`. arm64 has an instruction for each; on
    /// x86-64 they need SSE4.1, which golift does not assume, so the bits are cleared as
    /// math.Trunc does: a float64 of exponent e in [0, 52) has 52-e fraction bits below the
    /// binary point, one of |x| < 1 keeps only its sign, and one of e >= 52 (Inf and NaN too)
    /// is an integer already. Floor and Ceil then step from the truncation when it moved the
    /// wrong way.
    fn round_float(&mut self, op: Op, x: CV) -> CV {
        if !self.cg.x86_conversions {
            let i = self.b.ins();
            return match op {
                Op::Floor => i.floor(x),
                Op::Ceil => i.ceil(x),
                _ => i.trunc(x),
            };
        }
        let i64t = ct::I64;
        let flags = cranelift_codegen::ir::MemFlagsData::new();
        let b = self.b.ins().bitcast(i64t, flags, x);
        let field = self.b.ins().ushr_imm_u(b, 52);
        let e = self.b.ins().band_imm_u(field, 0x7ff);
        let sh = self.b.ins().iadd_imm_s(e, -1023);
        let frac = self.b.ins().iconst(i64t, 0x000f_ffff_ffff_ffff);
        let below = self.b.ins().ushr(frac, sh);
        let small = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, sh, 0);
        let all = self.b.ins().iconst(i64t, 0x7fff_ffff_ffff_ffff);
        let m = self.b.ins().select(small, all, below);
        let whole = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThanOrEqual, sh, 52);
        let zero = self.b.ins().iconst(i64t, 0);
        let m = self.b.ins().select(whole, zero, m);
        let tb = self.b.ins().band_not(b, m);
        let t = self.b.ins().bitcast(ct::F64, flags, tb);
        match op {
            Op::Floor => {
                // Below a negative non-integer, one less (NaN compares false).
                let one = self.b.ins().f64const(1.0);
                let down = self.b.ins().fsub(t, one);
                let lt = self.b.ins().fcmp(FloatCC::LessThan, x, t);
                self.b.ins().select(lt, down, t)
            }
            Op::Ceil => {
                let one = self.b.ins().f64const(1.0);
                let up = self.b.ins().fadd(t, one);
                let gt = self.b.ins().fcmp(FloatCC::GreaterThan, x, t);
                self.b.ins().select(gt, up, t)
            }
            _ => t,
        }
    }

    fn type_addr(&mut self, t: TypeId) -> Result<CV, String> {
        let id = *self.cg.rtsyms.types.get(&t).ok_or_else(|| format!("no descriptor for {}", self.cg.tt.rt_name(t)))?;
        let gv = self.cg.module.declare_data_in_func(id, self.b.func);
        Ok(self.b.ins().symbol_value(ct::I64, gv))
    }

    /// The address of the collector's shape descriptor for type `t` (gcinfo.rs).
    fn shape_addr(&mut self, t: TypeId) -> Result<CV, String> {
        let id = self.cg.gc_shape(t)?;
        let gv = self.cg.module.declare_data_in_func(id, self.b.func);
        Ok(self.b.ins().symbol_value(ct::I64, gv))
    }

    /// A stack slot for a return area of `n` components.
    fn ret_slot(&mut self, n: usize) -> CV {
        let size = 8 * n as u32;
        let slot = self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size, 3));
        self.b.ins().stack_addr(ct::I64, slot, 0)
    }

    fn load_ret_area(&mut self, area: CV, comps: &[ct::Type]) -> Vec<CV> {
        comps.iter().zip(ret_offsets(comps.len())).map(|(t, o)| self.b.ins().load(*t, mf(), area, o)).collect()
    }

    /// An indirect call of Go code taking these argument components, with these results.
    fn call_indirect(&mut self, code: CV, mut args: Vec<CV>, comps: &[ct::Type]) -> Result<Vec<CV>, String> {
        let area = if comps.len() > MAX_REG_RESULTS {
            let a = self.ret_slot(comps.len());
            args.insert(0, a);
            Some(a)
        } else {
            None
        };
        let ps: Vec<ct::Type> = args.iter().map(|a| self.b.func.dfg.value_type(*a)).collect();
        let rs: Vec<ct::Type> = if area.is_some() { vec![] } else { comps.to_vec() };
        let sig: ClifSig = self.cg.sig_for(&ps, &rs);
        let sr = self.b.import_signature(sig);
        let call = self.b.ins().call_indirect(sr, code, &args);
        Ok(match area {
            Some(a) => self.load_ret_area(a, comps),
            None => self.b.inst_results(call).to_vec(),
        })
    }

    /// As `call_indirect`, for code whose first argument (after a return area) is a closure.
    fn call_indirect_ctx(&mut self, code: CV, args: Vec<CV>, comps: &[ct::Type]) -> Result<Vec<CV>, String> {
        self.call_indirect(code, args, comps)
    }

    /// The address of a data symbol of the runtime.
    /// Whether the function calls Go code (a leaf's frame fits in the red zone below the
    /// stack guard, so it need not check).
    fn calls(&self) -> bool {
        self.f.values.iter().any(|v| matches!(v.op, Op::Call | Op::ClosureCall | Op::InterCall | Op::DeferProc))
    }

    /// `if sp < runtime.stackguard { runtime.morestack() }`: gc's stack check, which also
    /// serves as the preemption point (the scheduler sets the guard above every stack).
    fn stack_check(&mut self) -> Result<(), String> {
        let guard = self.rt_data("runtime.stackguard")?;
        let limit = self.b.ins().load(ct::I64, mf(), guard, 0);
        let sp = self.b.ins().get_stack_pointer(ct::I64);
        let low = self.b.ins().icmp(IntCC::UnsignedLessThan, sp, limit);
        let more = self.b.create_block();
        let done = self.b.create_block();
        self.b.set_cold_block(more);
        self.b.ins().brif(low, more, &[], done, &[]);
        self.b.switch_to_block(more);
        self.rt("runtime.morestack", &[], &[])?;
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
        Ok(())
    }

    fn rt_data(&mut self, name: &str) -> Result<CV, String> {
        let id = match self.cg.globals.get(name) {
            Some(id) => *id,
            None => {
                let id = self.cg.module.declare_data(name, Linkage::Import, true, false).map_err(|e| e.to_string())?;
                self.cg.globals.insert(name.to_string(), id);
                id
            }
        };
        let gv = self.cg.module.declare_data_in_func(id, self.b.func);
        Ok(self.b.ins().symbol_value(ct::I64, gv))
    }

    /// The defer frame record of a function with deferred calls (a stack slot): it is linked
    /// into the goroutine's chain, and marks where the function resumes after one of its
    /// deferred calls recovers a panic. The resumption path (made here, not in SSA) uses
    /// nothing but the frame address that the runtime passes back: it runs the remaining
    /// deferred calls and returns the results from the result variables.
    fn defer_init(&mut self, v: ValueId) -> Result<Vec<CV>, String> {
        let val = self.f.v(v).clone();
        let n = val.args.len() as i32;
        let size = (defer_frame::RESULTS + 8 * n) as u32;
        let slot = self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size, 4));
        // The collector scans the record's list of deferred calls and the result addresses.
        let words = size / 8;
        let pointers = (defer_frame::JMPBUF_WORDS as u64 + 1..words as u64).collect();
        self.frame_objects.push(gcinfo::FrameObject { slot, words, pointers });
        let fr = self.b.ins().stack_addr(ct::I64, slot, 0);
        let area = if self.ret_area() { self.params[0] } else { self.b.ins().iconst(ct::I64, 0) };
        self.b.ins().store(mf(), area, fr, defer_frame::RETAREA);
        for (k, &p) in val.args.iter().enumerate() {
            let pv = self.one(p);
            self.b.ins().store(mf(), pv, fr, defer_frame::RESULTS + 8 * k as i32);
        }
        self.rt("runtime.deferinit", &[fr], &[])?;
        let r = self.rt("runtime.setjmp", &[fr], &[ct::I64])?[0];
        let resume = self.b.create_block();
        let cont = self.b.create_block();
        self.b.set_cold_block(resume);
        self.b.ins().brif(r, resume, &[], cont, &[]);
        // Resumed after a recover: r is the frame.
        self.b.switch_to_block(resume);
        self.rt("runtime.deferreturn", &[r], &[])?;
        let mut outs = vec![];
        for (k, &t) in self.f.results.clone().iter().enumerate() {
            let p = self.b.ins().load(ct::I64, mf(), r, defer_frame::RESULTS + 8 * k as i32);
            if crate::ssa::build::is_ssa_type(self.cg.tt, t) {
                let comps = self.comps(t);
                for (c, o) in comps.iter().zip(comp_offsets(&comps)) {
                    outs.push(self.b.ins().load(*c, mf(), p, o));
                }
            } else {
                // A memory-typed result is returned as the address of its value.
                outs.push(p);
            }
        }
        if self.ret_area() {
            let area = self.b.ins().load(ct::I64, mf(), r, defer_frame::RETAREA);
            for (x, o) in outs.iter().zip(ret_offsets(outs.len())) {
                self.b.ins().store(mf(), *x, area, o);
            }
            outs.clear();
        }
        self.b.ins().return_(&outs);
        self.b.switch_to_block(cont);
        Ok(vec![fr])
    }

    fn is_complex_aux(&self, aux: &Aux) -> bool {
        matches!(aux, Aux::Int(t) if self.cg.tt.basic(*t as TypeId).map_or(false, |b| b.is_complex()))
    }

    /// Complex +, -, *, / and negation, on (real, imag) pairs; division as gc does it, by
    /// the runtime's complex128div.
    fn complex_arith(&mut self, val: &Value) -> Result<Vec<CV>, String> {
        let x = self.get(val.args[0]);
        if val.op == Op::Neg {
            return Ok(vec![self.b.ins().fneg(x[0]), self.b.ins().fneg(x[1])]);
        }
        let y = self.get(val.args[1]);
        let (a, b, c, d) = (x[0], x[1], y[0], y[1]);
        let i = self.b.ins();
        Ok(match val.op {
            Op::Add => vec![i.fadd(a, c), self.b.ins().fadd(b, d)],
            Op::Sub => vec![i.fsub(a, c), self.b.ins().fsub(b, d)],
            Op::Mul => {
                let ac = self.b.ins().fmul(a, c);
                let bd = self.b.ins().fmul(b, d);
                let ad = self.b.ins().fmul(a, d);
                let bc = self.b.ins().fmul(b, c);
                vec![self.b.ins().fsub(ac, bd), self.b.ins().fadd(ad, bc)]
            }
            _ => {
                let t = self.b.func.dfg.value_type(a);
                let wide: Vec<CV> = [a, b, c, d].iter().map(|v| if t == ct::F32 { self.b.ins().fpromote(ct::F64, *v) } else { *v }).collect();
                let r = self.rt("runtime.complex128div", &wide, &[ct::F64, ct::F64])?;
                if t == ct::F32 {
                    vec![self.b.ins().fdemote(ct::F32, r[0]), self.b.ins().fdemote(ct::F32, r[1])]
                } else {
                    r
                }
            }
        })
    }
}
