//! Codegen: lowered SSA to Cranelift IR to one object file.
//!
//! The recipe, per function (as in cranelift-jit-demo): make a signature from the Go types,
//! declare the function in the `ObjectModule`, build its body with a `FunctionBuilder` (one
//! Cranelift block per SSA block, phis as block parameters; `func.rs`), define it, and finally
//! emit the object. A Go value becomes one or more Cranelift values ("components"): a string
//! is (ptr, len), a slice (ptr, len, cap), an interface (tab, data); struct and array values
//! are handled by address. The run-time type information is data (`typedesc.rs`).
//!
//! The calling convention is the target's C convention (so the Rust runtime can call Go
//! functions and back): the components of the parameters in order, and at most two result
//! components in registers; more results travel through a return area whose address the
//! caller passes first. Function literals and the code of func values take their closure
//! object as a hidden argument after the return area (`ClosurePtr`).

use crate::HashMap;

use cranelift_codegen::ir::{types as ct, AbiParam, MemFlagsData, Signature as ClifSig, UserFuncName};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataDescription, DataId, FuncId, Linkage, Module};
use cranelift_object::{ObjectBuilder, ObjectModule};

use crate::ssa::ir::*;
use crate::target::Target;
use crate::types::ty::*;

mod codecache;
mod func;
pub mod gcinfo;
pub mod typedesc;

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
            Basic::Complex64 => vec![ct::F32, ct::F32],
            Basic::Complex128 => vec![ct::F64, ct::F64],
            Basic::String | Basic::UntypedString => vec![ct::I64, ct::I64],
            Basic::UntypedBool => vec![ct::I8],
            _ => vec![ct::I64],
        },
        TypeKind::Slice(_) => vec![ct::I64, ct::I64, ct::I64],
        TypeKind::Interface(_) => vec![ct::I64, ct::I64],
        TypeKind::Tuple(ts) => ts.iter().flat_map(|t| components(tt, *t)).collect(),
        _ => vec![ct::I64],
    }
}

/// At most this many result components travel in registers (rax and rdx on x86-64).
pub const MAX_REG_RESULTS: usize = 2;

/// Byte offsets of the components of a value in memory.
pub fn comp_offsets(comps: &[ct::Type]) -> Vec<i32> {
    let mut off = 0i32;
    comps
        .iter()
        .map(|c| {
            let size = c.bytes() as i32;
            off = (off + size - 1) / size * size;
            let o = off;
            off += size;
            o
        })
        .collect()
}

/// Offsets of the return area's slots (one 8-byte slot per component).
fn ret_offsets(n: usize) -> Vec<i32> {
    (0..n as i32).map(|i| i * 8).collect()
}

pub struct Codegen<'a> {
    pub module: ObjectModule,
    tt: &'a TypeTable,
    funcs: HashMap<String, FuncId>,
    strings: HashMap<Vec<u8>, DataId>,
    globals: HashMap<String, DataId>,
    rtsyms: typedesc::TypeSyms,
    /// The calling convention of Go code and of its calls into the runtime.
    call_conv: cranelift_codegen::isa::CallConv,
    /// Float-to-integer conversions out of range give what the x86-64 instruction gives
    /// (the minimum integer), as with gc on amd64; arm64's instructions saturate.
    pub(super) x86_conversions: bool,
    /// Counter for anonymous run-time data objects.
    anon: usize,
    /// The functions whose Cranelift IR and machine code are wanted (GOSSAFUNC), and them:
    /// (IR before Cranelift's optimisation, after it, machine code).
    pub want_text: crate::HashSet<String>,
    /// Where compiled functions are kept between builds (`codecache.rs`), if anywhere.
    pub code_cache: Option<std::path::PathBuf>,
    pub text: HashMap<String, (String, String, String)>,
    /// The collector's view of each compiled function (stack maps, frame objects).
    gc_funcs: Vec<gcinfo::FuncGcInfo>,
    /// Shape descriptors by (size, pointer words).
    gc_shapes: HashMap<(u64, Vec<u64>), DataId>,
    /// Whether functions check the goroutine's stack guard at entry (programs that start
    /// goroutines: `Program::goroutines`).
    pub(super) stack_checks: bool,
}

fn mf() -> MemFlagsData {
    MemFlagsData::trusted()
}

impl<'a> Codegen<'a> {
    /// `verify`: run Cranelift's verifier on each function's IR (a check of golift's
    /// codegen, worth its time in tests, not in every build).
    pub fn new(target: &Target, tt: &'a TypeTable, verify: bool) -> Result<Codegen<'a>, String> {
        let mut flags = settings::builder();
        flags.set("opt_level", "speed").map_err(|e| e.to_string())?;
        flags.set("enable_verifier", if verify { "true" } else { "false" }).map_err(|e| e.to_string())?;
        flags.set("is_pic", if target.is_pic() { "true" } else { "false" }).map_err(|e| e.to_string())?;
        // Frame pointers: recover compares the caller's stack pointer (frame pointer + 16),
        // and stack walks (panics' traces, the collector) follow the chain.
        flags.set("preserve_frame_pointers", "true").map_err(|e| e.to_string())?;
        if target.needs_stack_probes() {
            flags.set("enable_probestack", "true").map_err(|e| e.to_string())?;
            flags.set("probestack_strategy", "inline").map_err(|e| e.to_string())?;
        }
        let triple: target_lexicon::Triple = target.triple().parse().map_err(|e| format!("{:?}", e))?;
        let isa = cranelift_codegen::isa::lookup(triple)
            .map_err(|e| e.to_string())?
            .finish(settings::Flags::new(flags))
            .map_err(|e| e.to_string())?;
        let mut builder = ObjectBuilder::new(isa, "golift", cranelift_module::default_libcall_names()).map_err(|e| e.to_string())?;
        // A section per function and data object: the linker keeps only what main, the
        // runtime and the descriptors reach (--gc-sections).
        builder.per_function_section(true).per_data_object_section(true);
        Ok(Codegen {
            module: ObjectModule::new(builder),
            tt,
            funcs: HashMap::default(),
            strings: HashMap::default(),
            globals: HashMap::default(),
            rtsyms: typedesc::TypeSyms { types: HashMap::default(), itabs: HashMap::default(), closures: HashMap::default() },
            call_conv: target.call_conv(),
            x86_conversions: target.goarch == "amd64",
            anon: 0,
            want_text: Default::default(),
            code_cache: None,
            text: HashMap::default(),
            gc_funcs: vec![],
            gc_shapes: HashMap::default(),
            stack_checks: false,
        })
    }

    fn sig_for(&self, params: &[ct::Type], results: &[ct::Type]) -> ClifSig {
        // Values narrower than 32 bits are zero-extended, as the C ABI that the Rust runtime
        // follows expects (LLVM assumes `bool` arguments arrive extended).
        let abi = |t: &ct::Type| if t.bits() < 32 && t.is_int() { AbiParam::new(*t).uext() } else { AbiParam::new(*t) };
        let mut s = self.module.make_signature();
        s.call_conv = self.call_conv;
        s.params.extend(params.iter().map(abi));
        s.returns.extend(results.iter().map(abi));
        s
    }

    /// The signature of a Go function with these parameter and result types, with a hidden
    /// closure argument if `ctx`. Results of more than `MAX_REG_RESULTS` components are
    /// returned through a "return area": the caller passes a pointer to it as the first
    /// argument and the callee stores the components there, 8 bytes apart.
    pub fn go_sig_of(&self, params: &[TypeId], results: &[TypeId], ctx: bool) -> ClifSig {
        let mut ps: Vec<ct::Type> = params.iter().flat_map(|t| components(self.tt, *t)).collect();
        let mut rs: Vec<ct::Type> = results.iter().flat_map(|t| components(self.tt, *t)).collect();
        if ctx {
            ps.insert(0, ct::I64);
        }
        if rs.len() > MAX_REG_RESULTS {
            ps.insert(0, ct::I64);
            rs.clear();
        }
        self.sig_for(&ps, &rs)
    }

    fn go_sig(&self, f: &Func) -> ClifSig {
        self.go_sig_of(&f.params, &f.results, f.has_ctx)
    }

    pub(super) fn func_id(&mut self, name: &str, sig: &ClifSig, linkage: Linkage) -> Result<FuncId, String> {
        if let Some(&id) = self.funcs.get(name) {
            return Ok(id);
        }
        let id = self.module.declare_function(name, linkage, sig).map_err(|e| format!("{}: {}", name, e))?;
        self.funcs.insert(name.to_string(), id);
        Ok(id)
    }

    pub fn declare_program(&mut self, p: &Program) -> Result<(), String> {
        self.stack_checks = p.goroutines;
        for f in &p.funcs {
            let sig = self.go_sig(f);
            self.func_id(&f.sym, &sig, Linkage::Export)?;
        }
        // Data that initialised globals point to (slices' backing arrays), then the globals:
        // zeroed, or laid out with their initial contents.
        let mut statics: HashMap<String, DataId> = HashMap::default();
        for (sym, _) in &p.static_data {
            let id = self.module.declare_data(sym, Linkage::Local, true, false).map_err(|e| e.to_string())?;
            statics.insert(sym.clone(), id);
        }
        for (sym, data) in &p.static_data {
            self.define_static(statics[sym], data, &statics)?;
        }
        for (sym, size, _) in &p.globals {
            let id = self.module.declare_data(sym, Linkage::Export, true, false).map_err(|e| e.to_string())?;
            match p.global_inits.get(sym) {
                Some(data) => self.define_static(id, data, &statics)?,
                None => {
                    let mut d = DataDescription::new();
                    d.define_zeroinit(*size as usize);
                    d.set_align(8);
                    self.module.define_data(id, &d).map_err(|e| e.to_string())?;
                }
            }
            self.globals.insert(sym.clone(), id);
        }
        // The collector's roots among the data: the globals' pointer words, and every word of
        // the data that initialised slices point to (it is writable and untyped).
        let mut roots: Vec<(DataId, u64, Vec<u64>)> = p.globals.iter().map(|(sym, size, t)| (self.globals[sym], *size, gcinfo::pointer_bitmap(self.tt, *t))).collect();
        for (sym, data) in &p.static_data {
            let words = data.bytes.len() as u64 / 8;
            roots.push((statics[sym], words * 8, (0..words).collect()));
        }
        gcinfo::define_globals_table(&mut self.module, &roots)?;
        self.declare_runtime_types(p)?;
        self.define_runtime_types(p)
    }

    /// Defines data object `id` with initial contents.
    fn define_static(&mut self, id: DataId, data: &crate::ssa::ir::StaticData, statics: &HashMap<String, DataId>) -> Result<(), String> {
        use crate::ssa::ir::StaticRef;
        let mut d = DataDescription::new();
        d.set_align(8);
        // A zero-sized object still gets a byte, so that it has an address of its own.
        let mut bytes = data.bytes.clone();
        if bytes.is_empty() {
            bytes.push(0);
        }
        d.define(bytes.into_boxed_slice());
        for (off, target) in &data.relocs {
            let tid = match target {
                StaticRef::Data(sym) => *statics.get(sym).ok_or_else(|| format!("no static data {}", sym))?,
                StaticRef::Str(s) => self.string_data(s)?,
            };
            let gv = self.module.declare_data_in_data(tid, &mut d);
            d.write_data_addr(*off, gv, 0);
        }
        self.module.define_data(id, &d).map_err(|e| e.to_string())
    }

    /// The collector's descriptor of the shape of type `t` (made on first use).
    fn gc_shape(&mut self, t: TypeId) -> Result<DataId, String> {
        let key = (self.tt.size(t), gcinfo::pointer_bitmap(self.tt, t));
        if let Some(&id) = self.gc_shapes.get(&key) {
            return Ok(id);
        }
        let n = self.gc_shapes.len();
        let id = gcinfo::define_shape(&mut self.module, n, key.0, &key.1)?;
        self.gc_shapes.insert(key, id);
        Ok(id)
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

    /// Compiles the functions: their Cranelift IR is built one after the other (building
    /// declares symbols in the module), then Cranelift compiles a batch of them on every
    /// core at once (each function is independent), then their code goes into the object
    /// in order, so the output does not depend on the threads.
    pub fn functions(&mut self, funcs: &[Func]) -> Result<(), String> {
        const BATCH: usize = 256;
        let workers = crate::parallel::workers();
        let (mut ta, mut tb, mut tc) = (0f64, 0f64, 0f64);
        for batch in funcs.chunks(BATCH) {
            let t0 = std::time::Instant::now();
            let mut built: Vec<(FuncId, cranelift_codegen::Context, String)> = vec![];
            let mut objects: Vec<Vec<gcinfo::FrameObject>> = vec![];
            for f in batch {
                let (id, ctx, before, objs) = self.build_ir(f)?;
                built.push((id, ctx, before));
                objects.push(objs);
            }
            ta += t0.elapsed().as_secs_f64();
            let t1 = std::time::Instant::now();
            let isa = self.module.isa();
            let store = self.code_cache.as_deref();
            let preferred_align = isa.function_alignment().preferred as u64;
            let errors: Vec<Option<String>> = crate::parallel::map_mut(&mut built, |(_, ctx, _)| compile(ctx, isa, store));
            tb += t1.elapsed().as_secs_f64();
            let t2 = std::time::Instant::now();
            for (((id, ctx, before), (f, err)), objs) in built.into_iter().zip(batch.iter().zip(errors)).zip(objects) {
                if let Some(e) = err {
                    return Err(format!("{}: {}", f.sym, e));
                }
                let compiled = ctx.compiled_code().ok_or_else(|| format!("{}: not compiled", f.sym))?;
                self.gc_funcs.push(gcinfo::FuncGcInfo::new(id, compiled, &objs));
                let relocs: Vec<cranelift_module::ModuleReloc> = compiled.buffer.relocs().iter().map(|r| cranelift_module::ModuleReloc::from_mach_reloc(r, &ctx.func, id)).collect();
                // Functions start at the target's preferred alignment (32 bytes on x86-64 and
                // arm64, as gc aligns them), not the 1 byte x86-64 allows: a hot loop or a small
                // function called in one should not straddle fetch blocks by accident.
                let align = (compiled.buffer.alignment as u64).max(preferred_align);
                self.module
                    .define_function_bytes(id, align, compiled.buffer.data(), &relocs)
                    .map_err(|e| format!("{}: {:?}", f.sym, e))?;
                if self.want_text.contains(&f.sym) {
                    // Compilation optimised ctx.func in place.
                    let after = ctx.func.display().to_string();
                    let asm = compiled.vcode.clone().unwrap_or_default();
                    self.text.insert(f.sym.clone(), (before, after, asm));
                }
            }
            tc += t2.elapsed().as_secs_f64();
        }
        if std::env::var_os("GOLIFT_TIMES").is_some() {
            eprintln!("golift:   ir {:.1} ms, compile {:.1} ms ({} threads), emit {:.1} ms", ta * 1e3, tb * 1e3, workers, tc * 1e3);
        }
        Ok(())
    }

    /// The Cranelift IR of one function (and its text before optimisation, if wanted).
    fn build_ir(&mut self, f: &Func) -> Result<(FuncId, cranelift_codegen::Context, String, Vec<gcinfo::FrameObject>), String> {
        let sig = self.go_sig(f);
        let id = self.func_id(&f.sym, &sig, Linkage::Export)?;
        let mut ctx = self.module.make_context();
        ctx.func.signature = sig;
        ctx.func.name = UserFuncName::user(0, id.as_u32());
        let mut fctx = FunctionBuilderContext::new();
        let objects = {
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
            let mut fb = func::FnBuild::new(self, &mut b, f);
            fb.build()?;
            let objects = std::mem::take(&mut fb.frame_objects);
            drop(fb);
            // Finalising runs the frontend's safepoint pass: values declared as GC roots are
            // spilled to stack slots around calls, which gives the stack maps.
            b.finalize(self.module.isa().frontend_config());
            objects
        };
        let before = if self.want_text.contains(&f.sym) {
            ctx.set_disasm(true);
            ctx.func.display().to_string()
        } else {
            String::new()
        };
        Ok((id, ctx, before, objects))
    }

    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        gcinfo::define_func_tables(&mut self.module, &self.gc_funcs)?;
        self.module.finish().emit().map_err(|e| e.to_string())
    }
}

/// The layout of a defer frame record (runtime/src/defer.rs `Frame`): a jump buffer for
/// resuming after a recover, the link to the next older frame, the pending deferred calls,
/// the return area, then the addresses of the result variables.
pub mod defer_frame {
    pub const JMPBUF_WORDS: i32 = 24;
    pub const RETAREA: i32 = (JMPBUF_WORDS + 2) * 8;
    pub const RESULTS: i32 = RETAREA + 8;
}

/// Compiles one function's IR to machine code in `ctx`; the error, if any.
/// Compiles one function, through the code cache when there is one (and the function's
/// text is not asked for: the cache keeps no disassembly).
fn compile(ctx: &mut cranelift_codegen::Context, isa: &dyn cranelift_codegen::isa::TargetIsa, store: Option<&std::path::Path>) -> Option<String> {
    let mut ctrl = cranelift_codegen::control::ControlPlane::default();
    match store {
        Some(dir) if !ctx.want_disasm => {
            let mut store = codecache::CodeStore { dir };
            ctx.compile_with_cache(isa, &mut store, &mut ctrl).err().map(|e| format!("{:?}", e.inner))
        }
        _ => ctx.compile(isa, &mut ctrl).err().map(|e| format!("{:?}", e.inner)),
    }
}
