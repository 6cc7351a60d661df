//! Codegen: lowered SSA to Cranelift IR to one object file.
//!
//! The recipe, per function (as in cranelift-jit-demo): make a signature from the Go types,
//! declare the function in the `ObjectModule`, build its body with a `FunctionBuilder` (one
//! Cranelift block per SSA block, phis as block parameters), define it, and finally emit the
//! object. A Go value becomes one or more Cranelift values ("components"): a string is
//! (ptr, len), a slice (ptr, len, cap); struct and array values are handled by address.

use std::collections::HashMap;

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types as ct, AbiParam, StackSlotData, StackSlotKind, BlockArg, InstBuilder, MemFlagsData, Signature as ClifSig, TrapCode, UserFuncName};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataDescription, DataId, FuncId, Linkage, Module};
use cranelift_object::{ObjectBuilder, ObjectModule};

use crate::ssa::ir::*;
use crate::target::Target;
use crate::types::ty::*;

/// The Cranelift components of a Go type.
pub fn components(tt: &TypeTable, t: TypeId) -> Vec<ct::Type> {
    match tt.under_kind(t) {
        TypeKind::Basic(b) => match b {
            Basic::Invalid => vec![],
            Basic::Bool | Basic::Int8 | Basic::Uint8 => vec![ct::I8],
            Basic::Int16 | Basic::Uint16 => vec![ct::I16],
            Basic::Int32 | Basic::Uint32 | Basic::UntypedRune => vec![ct::I32],
            Basic::Float32 => vec![ct::F32],
            Basic::Float64 | Basic::UntypedFloat => vec![ct::F64],
            Basic::String | Basic::UntypedString => vec![ct::I64, ct::I64],
            Basic::UntypedBool => vec![ct::I8],
            _ => vec![ct::I64],
        },
        TypeKind::Slice(_) => vec![ct::I64, ct::I64, ct::I64],
        TypeKind::Tuple(ts) => ts.iter().flat_map(|t| components(tt, *t)).collect(),
        _ => vec![ct::I64],
    }
}

/// At most this many result components travel in registers (rax and rdx on x86-64).
const MAX_REG_RESULTS: usize = 2;

fn comp_offsets(n: usize) -> Vec<i32> {
    (0..n as i32).map(|i| i * 8).collect()
}

pub struct Codegen<'a> {
    pub module: ObjectModule,
    tt: &'a TypeTable,
    funcs: HashMap<String, FuncId>,
    strings: HashMap<Vec<u8>, DataId>,
    globals: HashMap<String, DataId>,
    /// The functions whose Cranelift IR and machine code are wanted (GOSSAFUNC), and them:
    /// (IR before Cranelift's optimisation, after it, machine code).
    pub want_text: std::collections::HashSet<String>,
    pub text: HashMap<String, (String, String, String)>,
}

fn mf() -> MemFlagsData {
    MemFlagsData::trusted()
}

impl<'a> Codegen<'a> {
    pub fn new(target: &Target, tt: &'a TypeTable) -> Result<Codegen<'a>, String> {
        let mut flags = settings::builder();
        flags.set("opt_level", "speed").map_err(|e| e.to_string())?;
        flags.set("is_pic", if target.is_pic() { "true" } else { "false" }).map_err(|e| e.to_string())?;
        let triple: target_lexicon::Triple = target.triple().parse().map_err(|e| format!("{:?}", e))?;
        let isa = cranelift_codegen::isa::lookup(triple)
            .map_err(|e| e.to_string())?
            .finish(settings::Flags::new(flags))
            .map_err(|e| e.to_string())?;
        let builder = ObjectBuilder::new(isa, "golift", cranelift_module::default_libcall_names()).map_err(|e| e.to_string())?;
        Ok(Codegen {
            module: ObjectModule::new(builder),
            tt,
            funcs: HashMap::new(),
            strings: HashMap::new(),
            globals: HashMap::new(),
            want_text: Default::default(),
            text: HashMap::new(),
        })
    }

    fn sig_for(&self, params: &[ct::Type], results: &[ct::Type]) -> ClifSig {
        // Values narrower than 32 bits are zero-extended, as the C ABI that the Rust runtime
        // follows expects (LLVM assumes `bool` arguments arrive extended).
        let abi = |t: &ct::Type| if t.bits() < 32 && t.is_int() { AbiParam::new(*t).uext() } else { AbiParam::new(*t) };
        let mut s = self.module.make_signature();
        s.params.extend(params.iter().map(abi));
        s.returns.extend(results.iter().map(abi));
        s
    }

    /// A Go function's signature. Results of more than `MAX_REG_RESULTS` components are
    /// returned through a "return area": the caller passes a pointer to it as the first
    /// argument and the callee stores the components there, 8 bytes apart.
    fn go_sig(&self, f: &Func) -> ClifSig {
        let mut ps: Vec<ct::Type> = f.params.iter().flat_map(|t| components(self.tt, *t)).collect();
        let mut rs: Vec<ct::Type> = f.results.iter().flat_map(|t| components(self.tt, *t)).collect();
        if rs.len() > MAX_REG_RESULTS {
            ps.insert(0, ct::I64);
            rs.clear();
        }
        self.sig_for(&ps, &rs)
    }

    fn func_id(&mut self, name: &str, sig: &ClifSig, linkage: Linkage) -> Result<FuncId, String> {
        if let Some(&id) = self.funcs.get(name) {
            return Ok(id);
        }
        let id = self.module.declare_function(name, linkage, sig).map_err(|e| format!("{}: {}", name, e))?;
        self.funcs.insert(name.to_string(), id);
        Ok(id)
    }

    pub fn declare_program(&mut self, p: &Program) -> Result<(), String> {
        for f in &p.funcs {
            let sig = self.go_sig(f);
            self.func_id(&f.sym, &sig, Linkage::Export)?;
        }
        for (sym, size) in &p.globals {
            let id = self.module.declare_data(sym, Linkage::Export, true, false).map_err(|e| e.to_string())?;
            let mut d = DataDescription::new();
            d.define_zeroinit(*size as usize);
            d.set_align(8);
            self.module.define_data(id, &d).map_err(|e| e.to_string())?;
            self.globals.insert(sym.clone(), id);
        }
        Ok(())
    }

    fn string_data(&mut self, bytes: &[u8]) -> Result<DataId, String> {
        if let Some(&id) = self.strings.get(bytes) {
            return Ok(id);
        }
        let name = format!("go.str.{}", self.strings.len());
        let id = self.module.declare_data(&name, Linkage::Local, false, false).map_err(|e| e.to_string())?;
        let mut d = DataDescription::new();
        d.define(bytes.to_vec().into_boxed_slice());
        self.module.define_data(id, &d).map_err(|e| e.to_string())?;
        self.strings.insert(bytes.to_vec(), id);
        Ok(id)
    }

    pub fn function(&mut self, f: &Func) -> Result<(), String> {
        let sig = self.go_sig(f);
        let id = self.func_id(&f.sym, &sig, Linkage::Export)?;
        let mut ctx = self.module.make_context();
        ctx.func.signature = sig;
        ctx.func.name = UserFuncName::user(0, id.as_u32());
        let mut fctx = FunctionBuilderContext::new();
        {
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
            let mut fb = FnBuild { cg: self, b: &mut b, f, vals: HashMap::new(), blocks: HashMap::new() };
            fb.build()?;
        }
        let wanted = self.want_text.contains(&f.sym);
        let before = if wanted {
            ctx.set_disasm(true);
            ctx.func.display().to_string()
        } else {
            String::new()
        };
        self.module.define_function(id, &mut ctx).map_err(|e| format!("{}: {:?}", f.sym, e))?;
        if wanted {
            // Compilation optimised ctx.func in place.
            let after = ctx.func.display().to_string();
            let asm = ctx.compiled_code().and_then(|c| c.vcode.clone()).unwrap_or_default();
            self.text.insert(f.sym.clone(), (before, after, asm));
        }
        Ok(())
    }

    pub fn finish(self) -> Result<Vec<u8>, String> {
        self.module.finish().emit().map_err(|e| e.to_string())
    }
}

struct FnBuild<'a, 'b, 'c> {
    cg: &'a mut Codegen<'c>,
    b: &'a mut FunctionBuilder<'b>,
    f: &'a Func,
    vals: HashMap<ValueId, Vec<cranelift_codegen::ir::Value>>,
    blocks: HashMap<BlockId, cranelift_codegen::ir::Block>,
}

type CV = cranelift_codegen::ir::Value;

impl FnBuild<'_, '_, '_> {
    fn ret_area(&self) -> bool {
        self.f.results.iter().map(|t| components(self.cg.tt, *t).len()).sum::<usize>() > MAX_REG_RESULTS
    }

    fn comps(&self, t: TypeId) -> Vec<ct::Type> {
        components(self.cg.tt, t)
    }

    fn get(&self, v: ValueId) -> Vec<CV> {
        self.vals.get(&v).cloned().unwrap_or_default()
    }

    fn one(&self, v: ValueId) -> CV {
        self.vals[&v][0]
    }

    fn build(&mut self) -> Result<(), String> {
        let order = self.f.rpo();
        for &bid in &order {
            let blk = self.b.create_block();
            self.blocks.insert(bid, blk);
            // Phis become block parameters.
            for &v in &self.f.blocks[bid as usize].values {
                let val = self.f.v(v);
                if val.op == Op::Phi {
                    let mut ps = vec![];
                    for t in self.comps(val.ty) {
                        ps.push(self.b.append_block_param(blk, t));
                    }
                    self.vals.insert(v, ps);
                }
            }
        }
        let entry = self.blocks[&self.f.entry];
        self.b.append_block_params_for_function_params(entry);
        let params: Vec<CV> = self.b.block_params(entry).to_vec();
        for &bid in &order {
            let blk = self.blocks[&bid];
            self.b.switch_to_block(blk);
            for &v in &self.f.blocks[bid as usize].values.clone() {
                self.value(v, &params)?;
            }
            self.terminator(bid)?;
        }
        self.b.seal_all_blocks();
        Ok(())
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
                self.b.ins().brif(c, self.blocks[&y], &ya, self.blocks[&n], &na);
            }
            BlockKind::Ret(vs) => {
                let mut r = vec![];
                for v in vs {
                    r.extend(self.get(*v));
                }
                if self.ret_area() {
                    let entry = self.blocks[&self.f.entry];
                    let area = self.b.block_params(entry)[0];
                    for (x, o) in r.iter().zip(comp_offsets(r.len())) {
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
                let start: usize = self.f.params[..i as usize].iter().map(|t| components(tt, *t).len()).sum::<usize>() + self.ret_area() as usize;
                params[start..start + comps.len()].to_vec()
            }
            Op::Copy => self.get(val.args[0]),
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
                        // x64 converts to 32 or 64 bits only; narrower results are truncated
                        // from 64 bits, as gc does.
                        let wide = if to.bits() < 32 { ct::I64 } else { to };
                        let r = if self.is_signed(val.ty) || wide != to { self.b.ins().fcvt_to_sint_sat(wide, x) } else { self.b.ins().fcvt_to_uint_sat(wide, x) };
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
                self.rt("runtime.newobject", &[s], &[ct::I64])?
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
                let offs = comp_offsets(comps.len());
                comps.iter().zip(offs).map(|(t, o)| self.b.ins().load(*t, mf(), p, o)).collect()
            }
            Op::Store => {
                let p = a(self, 0);
                let xs = self.get(val.args[1]);
                for (x, o) in xs.iter().zip(comp_offsets(xs.len())) {
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
                let n = self.b.ins().iconst(ct::I64, n);
                self.rt("runtime.memclr", &[d, n], &[])?;
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
                    let size = 8 * comps.len() as u32;
                    let slot = self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size, 3));
                    let area = self.b.ins().stack_addr(ct::I64, slot, 0);
                    args.insert(0, area);
                    self.call_sym(&s, &args, &[], linkage)?;
                    comps.iter().zip(comp_offsets(comps.len())).map(|(t, o)| self.b.ins().load(*t, mf(), area, o)).collect()
                } else {
                    self.call_sym(&s, &args, &comps, linkage)?
                }
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
        self.vals.insert(v, out);
        Ok(())
    }
}
