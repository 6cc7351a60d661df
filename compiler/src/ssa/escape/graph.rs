//! The location graph of one batch of functions (a strongly connected component of the call
//! graph), built from their SSA and the builder's notes.
//!
//! Every SSA value is a temporary location; Go variables kept as SSA values are one location
//! each (their reads and writes, from the notes, flow through it); every `New` is an
//! allocation; parameters and results have locations of their own, and so does the heap. An
//! edge `src -(d)-> dst` means the value of src, dereferenced d times, flows to dst; d = -1
//! means the address of src. The edges are stored at their destination, as the walk goes
//! backwards from each root.

use crate::{HashMap, HashSet};

use super::Leaks;
use crate::ssa::build::is_ssa_type;
use crate::ssa::ir::*;
use crate::types::check::ObjId;
use crate::types::ty::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Kind {
    Heap,
    /// An SSA value.
    Temp,
    /// An allocation: batch function, value (a `New`, or a noted allocation site).
    Alloc(usize, ValueId),
    /// A Go variable kept as SSA values.
    Var(usize, ObjId),
    /// Parameter k (receiver first) of a batch function.
    Param(usize, usize),
    /// Result k of a batch function.
    Result(usize, usize),
    /// The memory a call's struct or array result lives in.
    CallTmp,
}

/// `src`, dereferenced `derefs` times, flows here: at `pos`, because of `why` (for -m=2).
#[derive(Clone, Debug)]
pub(super) struct Edge {
    pub src: usize,
    pub derefs: i32,
    pub pos: u32,
    pub why: &'static str,
}

#[derive(Clone, Debug)]
pub(super) struct Loc {
    pub kind: Kind,
    /// The batch function it belongs to (usize::MAX for the heap).
    pub func: usize,
    /// Loop depth of its declaration; u32::MAX for temporaries (which never outlive).
    pub depth: u32,
    pub edges: Vec<Edge>,
    pub escapes: bool,
    // The walk's state (see solve.rs).
    pub walkgen: u32,
    pub derefs: i32,
    pub queued: bool,
    /// Where the walk reached this location from: (location, index of the edge there).
    pub dst: Option<(usize, usize)>,
    /// For parameters: where the value leaks.
    pub leaks: Leaks,
    /// For -m=2: the path (location, edge index there) by which it escaped; for a
    /// parameter, by which it leaks to the heap (None) or to a result.
    pub path: Vec<(usize, usize)>,
    pub leak_paths: Vec<(Option<usize>, i32, Vec<(usize, usize)>)>,
}

pub(super) struct Graph<'t> {
    tt: &'t TypeTable,
    /// The functions without a body that keep nothing of their arguments.
    noescape: &'t HashSet<String>,
    pub locs: Vec<Loc>,
    pub heap: usize,
    /// Per batch function: the function's index in the program.
    pub funcs: Vec<usize>,
    /// Per batch function: its parent's batch index (function literals).
    pub parent: Vec<Option<usize>>,
    vals: Vec<HashMap<ValueId, usize>>,
    pub allocs: HashMap<(usize, ValueId), usize>,
    vars: HashMap<(usize, ObjId), usize>,
    pub params: Vec<Vec<usize>>,
    pub results: Vec<Vec<usize>>,
    /// Allocations that live on the heap whatever the graph says (struct results returned
    /// by address).
    pub forced: Vec<usize>,
    /// (caller's copy, callee's parameter): a struct argument in the batch, whose copy must
    /// be on the heap if the callee keeps the parameter's address.
    pub mem_args: Vec<(usize, usize)>,
    /// Batch functions (literals) that are called where they are written: their results
    /// do not outlive the locations of the functions around them.
    pub closure_called: Vec<bool>,
    /// Interface calls made static (gc's devirtualize): batch function, position, message.
    pub devirt: Vec<(usize, u32, String)>,
    /// Per batch function: the values that are reads of a variable, and how many times
    /// each variable is assigned.
    reads: Vec<HashMap<ValueId, ObjId>>,
    writes: Vec<HashMap<ObjId, usize>>,
}

/// What a call calls, for its arguments' flows.
enum Callee<'t> {
    /// A function of this batch (batch index).
    Batch(usize),
    /// A function already analysed: its tags and parameter types.
    Tagged(&'t [Leaks], Vec<TypeId>),
    /// Unknown code: every argument escapes.
    Unknown,
    /// A function without a body known to keep nothing of its arguments: one of the Rust
    /// runtime's in `NO_ESCAPE`, or a declaration marked `//go:noescape`.
    NoEscape,
}

/// Functions of the shipped packages implemented in the Rust runtime (declared without a
/// body) that only read or write through their arguments during the call and return nothing
/// derived from them: their arguments do not escape.
pub(super) const NO_ESCAPE: &[&str] = &[
    "os.sysOpen",
    "os.sysRead",
    "os.sysWrite",
    "os.sysRemove",
    "strconv.decimalDigits",
    "strconv.parseDecimal",
    "sort.lenOf",
    "sort.kindOf",
    "sort.elemSize",
    "sort.swapElems",
    // (Not sort.elemBase: its result points into x's slice, and gc's sort.Slice keeps x in
    // the closure reflectlite.Swapper makes, so x leaks in both.)
    "errors.comparable",
    "errors.checkTarget",
    // runtime.KeepAlive's body: the value only has to be live until the call.
    "runtime.keepAlive",
];

/// The blocks the analysis looks at: all but those that only a never-taken branch of an `if`
/// with a constant condition reaches (gc removes those before escape analysis). Code after
/// a `return` is looked at, as gc does.
fn analysed_blocks(f: &Func) -> impl Iterator<Item = &Block> {
    let mut seen = vec![false; f.blocks.len()];
    if !f.esc.dead_branches.is_empty() {
        let mut stack: Vec<BlockId> = f.live_blocks().filter(|b| b.preds.is_empty() && !f.esc.dead_branches.contains(&b.id)).map(|b| b.id).collect();
        while let Some(b) = stack.pop() {
            if std::mem::replace(&mut seen[b as usize], true) {
                continue;
            }
            stack.extend(f.blocks[b as usize].succs.iter().copied().filter(|s| !f.esc.dead_branches.contains(s)));
        }
    }
    let all = f.esc.dead_branches.is_empty();
    f.live_blocks().filter(move |b| all || seen[b.id as usize])
}

impl<'t> Graph<'t> {
    fn new_loc(&mut self, kind: Kind, func: usize, depth: u32) -> usize {
        self.locs.push(Loc { kind, func, depth, edges: vec![], escapes: false, walkgen: 0, derefs: 0, queued: false, dst: None, leaks: Leaks::default(), path: vec![], leak_paths: vec![] });
        self.locs.len() - 1
    }

    fn flow(&mut self, dst: usize, src: usize, derefs: i32, pos: u32, why: &'static str) {
        if dst == src && derefs >= 0 {
            return;
        }
        self.locs[dst].edges.push(Edge { src, derefs, pos, why });
    }

    /// The temporary location of value v of batch function bi.
    fn val(&mut self, bi: usize, v: ValueId) -> usize {
        if let Some(&l) = self.vals[bi].get(&v) {
            return l;
        }
        let l = self.new_loc(Kind::Temp, bi, u32::MAX);
        self.vals[bi].insert(v, l);
        l
    }

    pub(super) fn build(funcs: &[Func], batch: &[usize], by_sym: &HashMap<String, usize>, tags: &HashMap<String, Vec<Leaks>>, noescape: &'t HashSet<String>, tt: &'t TypeTable) -> Graph<'t> {
        let mut g = Graph {
            tt,
            noescape,
            locs: vec![],
            heap: 0,
            funcs: batch.to_vec(),
            parent: vec![],
            vals: vec![HashMap::default(); batch.len()],
            allocs: HashMap::default(),
            vars: HashMap::default(),
            params: vec![],
            results: vec![],
            forced: vec![],
            mem_args: vec![],
            closure_called: vec![false; batch.len()],
            devirt: vec![],
            reads: batch.iter().map(|&fi| funcs[fi].esc.reads.iter().copied().collect()).collect(),
            writes: batch
                .iter()
                .map(|&fi| {
                    let mut m: HashMap<ObjId, usize> = HashMap::default();
                    for (_, o) in &funcs[fi].esc.writes {
                        *m.entry(*o).or_default() += 1;
                    }
                    m
                })
                .collect(),
        };
        g.heap = g.new_loc(Kind::Heap, usize::MAX, 0);
        g.locs[g.heap].escapes = true;
        let index: HashMap<usize, usize> = batch.iter().enumerate().map(|(i, &f)| (f, i)).collect();
        for (bi, &fi) in batch.iter().enumerate() {
            let f = &funcs[fi];
            g.parent.push(f.esc.parent.as_ref().and_then(|p| by_sym.get(p)).and_then(|p| index.get(p)).copied());
            let ps: Vec<usize> = (0..f.params.len()).map(|k| g.new_loc(Kind::Param(bi, k), bi, 0)).collect();
            g.params.push(ps);
            let rs: Vec<usize> = (0..f.results.len()).map(|k| g.new_loc(Kind::Result(bi, k), bi, 0)).collect();
            g.results.push(rs);
            let mut vars: Vec<(&ObjId, &super::notes::VarNote)> = f.esc.vars.iter().collect();
            vars.sort_by_key(|(o, _)| **o);
            for (&o, n) in vars {
                let l = g.new_loc(Kind::Var(bi, o), bi, n.depth);
                g.vars.insert((bi, o), l);
            }
            for b in analysed_blocks(f) {
                for &v in &b.values {
                    let x = f.v(v);
                    if matches!(x.op, Op::New | Op::StackSlot) || f.esc.allocs.contains_key(&v) {
                        let depth = f.esc.allocs.get(&v).map(|n| n.depth).or_else(|| f.esc.new_depth.get(&v).copied()).unwrap_or(0);
                        let l = g.new_loc(Kind::Alloc(bi, v), bi, depth);
                        g.allocs.insert((bi, v), l);
                        if let Some(reason) = f.esc.allocs.get(&v).and_then(|n| n.heap_reason) {
                            g.flow(g.heap, l, -1, x.pos, reason);
                        }
                    }
                }
            }
        }
        for bi in 0..batch.len() {
            g.function(funcs, bi, &index, by_sym, tags, tt);
        }
        g
    }

    /// The location whose memory `v` points into, if `v` is the address of (a part of) a
    /// variable or allocation: stores through it assign that location.
    fn root(&self, funcs: &[Func], bi: usize, v: ValueId) -> Option<usize> {
        let f = &funcs[self.funcs[bi]];
        let mut v = v;
        loop {
            let x = f.v(v);
            match x.op {
                Op::New | Op::StackSlot => return self.allocs.get(&(bi, v)).copied(),
                Op::Arg => {
                    let Aux::Int(k) = x.aux else { return None };
                    let t = *f.params.get(k as usize)?;
                    return if is_mem(self.tt, t) { Some(self.params[bi][k as usize]) } else { None };
                }
                // A read of a pointer variable is not its memory: gc is flow-insensitive.
                Op::Copy if self.reads[bi].contains_key(&v) => return None,
                Op::Copy | Op::OffPtr | Op::PtrIndex => v = x.args[0],
                Op::Load => {
                    let (pb, addr) = self.captured_addr(funcs, bi, v)?;
                    return self.root(funcs, pb, addr);
                }
                _ => return None,
            }
        }
    }

    /// For a value of a function literal that loads a captured variable's address: the
    /// function that made the closure, and its value for that address.
    fn captured_addr(&self, funcs: &[Func], bi: usize, v: ValueId) -> Option<(usize, ValueId)> {
        let f = &funcs[self.funcs[bi]];
        let &(_, i) = f.esc.captured.iter().find(|(x, _)| *x == v)?;
        let pb = self.parent[bi]?;
        let pf = &funcs[self.funcs[pb]];
        let (_, addrs) = pf.esc.closures.values().find(|(s, _)| *s == f.sym)?;
        Some((pb, *addrs.get(i)?))
    }

    /// gc's StaticValue: follows copies and variables assigned exactly once to the value
    /// that defines `v`.
    fn static_value(&self, funcs: &[Func], bi: usize, v: ValueId) -> ValueId {
        let f = &funcs[self.funcs[bi]];
        let mut v = v;
        for _ in 0..64 {
            let x = f.v(v);
            if x.op != Op::Copy {
                break;
            }
            match self.reads[bi].get(&v) {
                Some(o) => {
                    if self.writes[bi].get(o) != Some(&1) {
                        break;
                    }
                    match f.esc.writes.iter().find(|(_, w)| w == o) {
                        Some(&(w, _)) => v = w,
                        None => break,
                    }
                }
                None => v = x.args[0],
            }
        }
        v
    }

    /// The function a func value calls, if known: a function literal (and whether it is
    /// called where it is written), or a top-level function's func value.
    fn func_value_callee(&self, funcs: &[Func], bi: usize, fv: ValueId) -> Option<(String, bool)> {
        let f = &funcs[self.funcs[bi]];
        let direct = self.root(funcs, bi, fv).is_some();
        let v = self.static_value(funcs, bi, fv);
        let x = f.v(v);
        match (x.op, &x.aux) {
            (Op::StaticClosure, Aux::Sym(s)) => Some((s.clone(), false)),
            (Op::New, _) => f.esc.closures.get(&v).map(|(s, _)| (s.clone(), direct)),
            _ => None,
        }
    }

    fn callee<'c>(&self, funcs: &[Func], sym: &str, index: &HashMap<usize, usize>, by_sym: &HashMap<String, usize>, tags: &'c HashMap<String, Vec<Leaks>>) -> Callee<'c> {
        let Some(&fi) = by_sym.get(sym) else {
            return if self.noescape.contains(sym) { Callee::NoEscape } else { Callee::Unknown };
        };
        if let Some(&bi) = index.get(&fi) {
            return Callee::Batch(bi);
        }
        match tags.get(sym) {
            Some(t) => Callee::Tagged(t, funcs[fi].params.clone()),
            None => Callee::Unknown,
        }
    }

    /// gc's devirtualization: an interface call whose interface value is statically a
    /// conversion from a concrete type T calls T's method. Returns the method's symbol and
    /// the dereferences that turn the data word into the receiver.
    fn devirtualize(&mut self, funcs: &[Func], bi: usize, call: ValueId, by_sym: &HashMap<String, usize>) -> Option<(String, i32)> {
        let f = &funcs[self.funcs[bi]];
        let (text, pos) = f.esc.iface_calls.get(&call)?.clone();
        let Aux::Method(_, name) = &f.v(call).aux else { return None };
        let data = f.v(f.v(call).args[1]);
        if data.op != Op::IData {
            return None;
        }
        let name = name.clone();
        self.devirtualize_value(funcs, bi, data.args[0], &name, &text, pos, by_sym)
    }

    /// The receiver location of a devirtualized call on interface value iv: its data word,
    /// dereferenced `extra` times.
    fn iface_receiver(&mut self, bi: usize, iv: ValueId, extra: i32, pos: u32) -> usize {
        let i = self.val(bi, iv);
        let t = self.new_loc(Kind::Temp, bi, u32::MAX);
        self.flow(t, i, extra, pos, "");
        t
    }

    /// As `devirtualize`, for method `name` of interface value `iv`.
    #[allow(clippy::too_many_arguments)]
    fn devirtualize_value(&mut self, funcs: &[Func], bi: usize, iv: ValueId, name: &str, text: &str, pos: u32, by_sym: &HashMap<String, usize>) -> Option<(String, i32)> {
        let f = &funcs[self.funcs[bi]];
        let x = self.static_value(funcs, bi, iv);
        let x = f.v(x);
        if x.op != Op::IMake {
            return None;
        }
        let t = match &f.v(x.args[0]).aux {
            Aux::Itab(t, _) | Aux::Type(t) => *t,
            _ => return None,
        };
        if self.promoted_from_interface(t, name) {
            self.devirt.push((bi, pos, format!("partially devirtualizing {} to {}", text, self.tt.name(t))));
            // The call goes to the interface inside the value: the value's contents.
            return Some((String::new(), 1));
        }
        let sym = crate::ssa::build::Builder::method_sym(self.tt, t, name);
        let &mi = by_sym.get(&sym)?;
        let pt = *funcs[mi].params.first()?;
        let extra = if !is_mem(self.tt, pt) && !self.tt.is_direct_iface(t) { 1 } else { 0 };
        self.devirt.push((bi, pos, format!("devirtualizing {} to {}", text, self.tt.name(t))));
        Some((sym, extra))
    }

    /// Whether method `name` of concrete type t is promoted from an embedded field of
    /// interface type (a call of it is a call through that interface).
    fn promoted_from_interface(&self, t: TypeId, name: &str) -> bool {
        let tt = self.tt;
        let t = match tt.kind(t) {
            TypeKind::Pointer(b) => *b,
            _ => t,
        };
        if tt.named_data(t).map_or(false, |n| n.methods.iter().any(|m| m.name == name)) {
            return false;
        }
        match tt.under_kind(t) {
            TypeKind::Struct(fs) => fs.iter().any(|f| f.embedded && tt.is_interface(f.ty) && tt.imethods(f.ty).iter().any(|m| m.name == name)),
            _ => false,
        }
    }

    /// The flows of a call's arguments: into the callee's parameters (same batch), by its
    /// tags, or to the heap. `res` are the locations the call's results flow to.
    #[allow(clippy::too_many_arguments)]
    fn call(&mut self, funcs: &[Func], bi: usize, args: &[ValueId], callee: &Callee, res: &[usize], pos: u32, tt: &TypeTable) {
        self.call_locs(funcs, bi, None, args, callee, res, pos, tt);
    }

    /// As `call`, with the first argument given as a location (`first`) when it is not a
    /// value of its own.
    #[allow(clippy::too_many_arguments)]
    fn call_locs(&mut self, funcs: &[Func], bi: usize, first: Option<usize>, args: &[ValueId], callee: &Callee, res: &[usize], pos: u32, tt: &TypeTable) {
        let f = &funcs[self.funcs[bi]];
        let all: Vec<Option<ValueId>> = first.iter().map(|_| None).chain(args.iter().map(|&a| Some(a))).collect();
        for (k, &a) in all.iter().enumerate() {
            let av = match a {
                Some(a) => {
                    if !tt.has_pointers(f.v(a).ty) {
                        continue;
                    }
                    self.val(bi, a)
                }
                None => match first {
                    Some(l) => l,
                    None => continue,
                },
            };
            match callee {
                Callee::Batch(cb) => {
                    let cf = &funcs[self.funcs[*cb]];
                    let Some(&pt) = cf.params.get(k) else { continue };
                    let p = self.params[*cb][k];
                    if is_mem(self.tt, pt) {
                        self.flow(p, av, 1, pos, "call parameter");
                        match a.and_then(|a| self.root(funcs, bi, a)) {
                            Some(r) => self.mem_args.push((r, p)),
                            // Memory we cannot name: it must outlive whatever the callee
                            // does with the parameter's address.
                            None => self.flow(self.heap, av, 0, pos, "call parameter"),
                        }
                    } else {
                        self.flow(p, av, 0, pos, "call parameter");
                    }
                }
                Callee::Tagged(tags, pts) => {
                    let (Some(l), Some(&pt)) = (tags.get(k), pts.get(k)) else {
                        self.flow(self.heap, av, 0, pos, "call parameter");
                        continue;
                    };
                    let extra = if is_ssa_type(tt, pt) { 0 } else { 1 };
                    if let Some(d) = l.heap {
                        self.flow(self.heap, av, d + extra, pos, "call parameter");
                    }
                    for (j, r) in l.results.iter().enumerate() {
                        if let (Some(d), Some(&rl)) = (r, res.get(j)) {
                            self.flow(rl, av, d + extra, pos, "call parameter");
                        }
                    }
                    if l.addr {
                        self.flow(self.heap, av, 0, pos, "call parameter");
                    }
                }
                Callee::Unknown => self.flow(self.heap, av, 0, pos, "call parameter"),
                Callee::NoEscape => {}
            }
        }
        if let Callee::Batch(cb) = callee {
            for (j, &r) in res.iter().enumerate() {
                if let Some(&cr) = self.results[*cb].get(j) {
                    self.flow(r, cr, 0, pos, "call result");
                }
            }
        }
    }

    /// Locations for a call's results: each result value (or the memory of a struct result)
    /// gets one, which `Select` reads.
    fn call_results(&mut self, f: &Func, bi: usize, v: ValueId, tt: &TypeTable) -> Vec<usize> {
        let x = f.v(v);
        let tys: Vec<TypeId> = match tt.kind(x.ty) {
            TypeKind::Tuple(ts) => ts.clone(),
            _ if x.ty == INVALID => vec![],
            _ => vec![x.ty],
        };
        let single = tys.len() == 1;
        let mut out = vec![];
        for (j, &t) in tys.iter().enumerate() {
            if is_ssa_type(tt, t) {
                if single {
                    out.push(self.val(bi, v));
                } else {
                    let l = self.new_loc(Kind::Temp, bi, u32::MAX);
                    self.vals[bi].insert(select_key(v, j), l);
                    out.push(l);
                }
            } else {
                let m = self.new_loc(Kind::CallTmp, bi, 0);
                let target = if single { self.val(bi, v) } else {
                    let l = self.new_loc(Kind::Temp, bi, u32::MAX);
                    self.vals[bi].insert(select_key(v, j), l);
                    l
                };
                self.flow(target, m, -1, x.pos, "call result");
                out.push(m);
            }
        }
        out
    }

    fn function(&mut self, funcs: &[Func], bi: usize, index: &HashMap<usize, usize>, by_sym: &HashMap<String, usize>, tags: &HashMap<String, Vec<Leaks>>, tt: &TypeTable) {
        let f = &funcs[self.funcs[bi]];
        let reads: HashMap<ValueId, ObjId> = f.esc.reads.iter().copied().collect();
        for &(d, s, derefs) in &f.esc.extra_flows {
            let (dl, sl) = (self.val(bi, d), self.val(bi, s));
            self.flow(dl, sl, derefs, f.v(d).pos, if derefs > 0 { "range-deref" } else { "assign" });
        }
        for &(v, o) in &f.esc.writes {
            if is_ssa_type(tt, f.v(v).ty) && !tt.has_pointers(f.v(v).ty) {
                continue;
            }
            if let Some(&var) = self.vars.get(&(bi, o)) {
                let src = self.val(bi, v);
                self.flow(var, src, 0, f.v(v).pos, "assign");
            }
        }
        for b in analysed_blocks(f) {
            for &v in &b.values {
                self.value(funcs, bi, v, &reads, index, by_sym, tags, tt);
            }
            if let BlockKind::Ret(rs) = &b.kind {
                for (k, &r) in rs.iter().enumerate() {
                    let Some(&rl) = self.results[bi].get(k) else { continue };
                    let t = f.results[k];
                    // A struct or array result is returned as the address of a copy, which
                    // the caller reads after the frame is gone: the copy is on the heap.
                    if !is_ssa_type(tt, t) {
                        if let Some(a) = self.root(funcs, bi, r) {
                            self.forced.push(a);
                        }
                    }
                    if !tt.has_pointers(t) {
                        continue;
                    }
                    let src = self.val(bi, r);
                    let d = if is_ssa_type(tt, t) { 0 } else { 1 };
                    self.flow(rl, src, d, b.pos, "return");
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn value(&mut self, funcs: &[Func], bi: usize, v: ValueId, reads: &HashMap<ValueId, ObjId>, index: &HashMap<usize, usize>, by_sym: &HashMap<String, usize>, tags: &HashMap<String, Vec<Leaks>>, tt: &TypeTable) {
        let f = &funcs[self.funcs[bi]];
        let x = f.v(v);
        let pos = x.pos;
        let a = x.args.clone();
        // Values without pointers carry nothing that can escape (gc does not track them).
        // (A value of struct or array type is an address: it keeps its edges.)
        if matches!(x.op, Op::Copy | Op::Load | Op::Phi | Op::Select | Op::IData | Op::MapAccess1 | Op::MapAccess2) && is_ssa_type(tt, x.ty) && !tt.has_pointers(x.ty) {
            return;
        }
        let me = self.val(bi, v);
        match x.op {
            // unsafe.Pointer(uintptr(p) + off): the pointer arithmetic of package unsafe keeps
            // p's value (gc's unsafeValue): p flows here, through the integer operations.
            Op::Copy if tt.under(x.ty) == UNSAFE_POINTER && tt.is_integer(f.v(a[0]).ty) => {
                if f.esc.laundered.contains(&v) {
                    return;
                }
                let mut from = vec![];
                unsafe_sources(f, tt, a[0], &mut from, 0);
                for p in from {
                    let s = self.val(bi, p);
                    self.flow(me, s, 0, pos, "");
                }
            }
            Op::Copy => {
                if let Some(o) = reads.get(&v) {
                    if let Some(&var) = self.vars.get(&(bi, *o)) {
                        self.flow(me, var, 0, pos, "");
                        return;
                    }
                }
                let s = self.val(bi, a[0]);
                self.flow(me, s, 0, pos, "");
            }
            Op::OffPtr | Op::PtrIndex | Op::SliceMake | Op::SlicePtr | Op::StringMake | Op::StringPtr | Op::IData => {
                let s = self.val(bi, a[0]);
                self.flow(me, s, 0, pos, "");
            }
            Op::IMake => {
                let s = self.val(bi, a[1]);
                self.flow(me, s, 0, pos, "interface-converted");
            }
            Op::Phi => {
                for &p in &a {
                    let s = self.val(bi, p);
                    self.flow(me, s, 0, pos, "");
                }
            }
            Op::Select => {
                let Aux::Int(j) = x.aux else { return };
                let s = match self.vals[bi].get(&select_key(a[0], j as usize)) {
                    Some(&l) => l,
                    None => self.val(bi, a[0]),
                };
                self.flow(me, s, 0, pos, "");
            }
            Op::Arg => {
                let Aux::Int(k) = x.aux else { return };
                let Some(&p) = self.params[bi].get(k as usize) else { return };
                let d = if is_mem(self.tt, f.params[k as usize]) { -1 } else { 0 };
                self.flow(me, p, d, pos, "");
            }
            Op::New | Op::StackSlot => {
                let l = self.allocs[&(bi, v)];
                self.flow(me, l, -1, pos, "spill");
                if let Some((m, recv)) = f.esc.method_values.get(&v).cloned() {
                    // The receiver of a method value also flows to the method's receiver
                    // parameter; its results, which nobody knows, to the heap.
                    let r = self.val(bi, recv);
                    if m.is_empty() {
                        self.flow(self.heap, r, 0, pos, "method value");
                    } else {
                        let callee = self.callee(funcs, &m, index, by_sym, tags);
                        let n = by_sym.get(&m).map(|&i| funcs[i].results.len()).unwrap_or(0);
                        let res = vec![self.heap; n];
                        self.call(funcs, bi, &[recv], &callee, &res, pos, tt);
                    }
                }
            }
            Op::Load => {
                if let Some((pb, addr)) = self.captured_addr(funcs, bi, v) {
                    let s = self.val(pb, addr);
                    self.flow(me, s, 0, pos, "captured");
                    return;
                }
                match self.root(funcs, bi, a[0]) {
                    Some(r) => self.flow(me, r, 0, pos, ""),
                    None => {
                        let s = self.val(bi, a[0]);
                        self.flow(me, s, 1, pos, "dereference");
                    }
                }
            }
            Op::Store if f.esc.ignored.contains(&v) => {}
            Op::Move if f.esc.ignored.contains(&v) => {}
            Op::Store => {
                if !tt.has_pointers(f.v(a[1]).ty) {
                    return;
                }
                let s = self.val(bi, a[1]);
                match self.root(funcs, bi, a[0]) {
                    Some(r) => self.flow(r, s, 0, pos, "assign"),
                    None => self.flow(self.heap, s, 0, pos, "assign"),
                }
            }
            Op::Move => {
                let (s, d) = match self.root(funcs, bi, a[1]) {
                    Some(r) => (r, 0),
                    None => (self.val(bi, a[1]), 1),
                };
                match self.root(funcs, bi, a[0]) {
                    Some(r) => self.flow(r, s, d, pos, "assign"),
                    None => self.flow(self.heap, s, d, pos, "assign"),
                }
            }
            Op::Call => {
                let Aux::Sym(sym) = &x.aux else { return };
                let callee = self.callee(funcs, sym, index, by_sym, tags);
                let res = self.call_results(f, bi, v, tt);
                self.call(funcs, bi, &a, &callee, &res, pos, tt);
            }
            Op::ClosureCall => {
                // A call of a known func value (a function literal, or a function) is a call
                // of its code; the func value itself does not escape by being called.
                let callee = match self.func_value_callee(funcs, bi, a[0]) {
                    Some((s, direct)) => {
                        let c = self.callee(funcs, &s, index, by_sym, tags);
                        if let (true, Callee::Batch(cb)) = (direct, &c) {
                            self.closure_called[*cb] = true;
                        }
                        c
                    }
                    None => Callee::Unknown,
                };
                let res = self.call_results(f, bi, v, tt);
                self.call(funcs, bi, &a[1..], &callee, &res, pos, tt);
            }
            Op::InterCall => {
                let res = self.call_results(f, bi, v, tt);
                match self.devirtualize(funcs, bi, v, by_sym) {
                    Some((sym, extra)) if sym.is_empty() => {
                        // Partially devirtualized: the call goes to the embedded interface
                        // value, which the concrete value holds: its contents escape.
                        let recv = self.val(bi, a[1]);
                        self.flow(self.heap, recv, extra, pos, "call parameter");
                        self.call(funcs, bi, &a[2..], &Callee::Unknown, &[], pos, tt);
                    }
                    Some((sym, extra)) => {
                        let callee = self.callee(funcs, &sym, index, by_sym, tags);
                        // The receiver is the interface's data word (for a boxed value
                        // passed by value: what it points to).
                        let recv = self.val(bi, a[1]);
                        let r = if extra > 0 {
                            let t = self.new_loc(Kind::Temp, bi, u32::MAX);
                            self.flow(t, recv, extra, pos, "");
                            t
                        } else {
                            recv
                        };
                        self.call_locs(funcs, bi, Some(r), &a[2..], &callee, &res, pos, tt);
                    }
                    None => self.call(funcs, bi, &a[1..], &Callee::Unknown, &[], pos, tt),
                }
            }
            Op::CallRT => self.runtime_call(funcs, bi, v, tt),
            Op::StringConcat | Op::MapMake => {
                if let Some(&l) = self.allocs.get(&(bi, v)) {
                    self.flow(me, l, -1, pos, "spill");
                }
            }
            // Map ops take the map's type descriptor first, then the map and the key.
            // Reading m[k] gives a value that was stored in the map, and whatever is stored
            // in a map has already flowed to the heap (MapAssign below): as gc (which
            // discards the map and the key of an index), the read makes nothing escape.
            Op::MapAccess1 | Op::MapAccess2 => {}
            Op::MapAssign => {
                let s = self.val(bi, a[1]);
                self.flow(me, s, 0, pos, "");
                let kt = match &x.aux {
                    Aux::Type(mt) => match tt.under_kind(*mt) {
                        TypeKind::Map(k, _) => *k,
                        _ => INVALID,
                    },
                    _ => INVALID,
                };
                if a.len() > 2 && tt.has_pointers(kt) {
                    // The key is copied into the map: a key passed by address flows by
                    // its contents.
                    let by_addr = !is_ssa_type(tt, kt) || f.v(a[2]).op == Op::StackSlot;
                    match (by_addr, self.root(funcs, bi, a[2])) {
                        (true, Some(r)) => self.flow(self.heap, r, 0, pos, "key of map put"),
                        (true, None) => {
                            let k = self.val(bi, a[2]);
                            self.flow(self.heap, k, 1, pos, "key of map put");
                        }
                        (false, _) => {
                            let k = self.val(bi, a[2]);
                            self.flow(self.heap, k, 0, pos, "key of map put");
                        }
                    }
                }
            }
            Op::DeferInit => {
                for &p in &a {
                    let s = self.val(bi, p);
                    self.flow(self.heap, s, 0, pos, "defer");
                }
            }
            Op::DeferProc => {
                let in_loop = f.esc.defer_in_loop.contains(&v);
                if let (Some((c, args)), false) = (f.esc.defer_calls.get(&v).cloned(), in_loop) {
                    // `defer g(args)` outside loops: the arguments flow as in a call of g
                    // (at the function's end); the closure keeping them lives in the frame.
                    use super::notes::DeferCallee;
                    let callee = match &c {
                        DeferCallee::Static(s) => self.callee(funcs, s, index, by_sym, tags),
                        DeferCallee::Value(fv) => match self.func_value_callee(funcs, bi, *fv) {
                            Some((s, direct)) => {
                                // gc wraps the deferred call in a closure that calls the
                                // function literal directly.
                                let c = self.callee(funcs, &s, index, by_sym, tags);
                                if let (true, Callee::Batch(cb)) = (direct, &c) {
                                    self.closure_called[*cb] = true;
                                }
                                c
                            }
                            None => Callee::Unknown,
                        },
                        DeferCallee::Iface(iv, name, text, at) => {
                            let (iv, name, text, at) = (*iv, name.clone(), text.clone(), *at);
                            match self.devirtualize_value(funcs, bi, iv, &name, &text, at, by_sym) {
                                Some((sym, extra)) if !sym.is_empty() => {
                                    let c = self.callee(funcs, &sym, index, by_sym, tags);
                                    let recv = self.iface_receiver(bi, iv, extra, pos);
                                    self.call_locs(funcs, bi, Some(recv), &args, &c, &[], pos, tt);
                                    return;
                                }
                                Some(_) => {
                                    let recv = self.iface_receiver(bi, iv, 0, pos);
                                    self.flow(self.heap, recv, 1, pos, "call parameter");
                                }
                                None => {
                                    let s = self.val(bi, iv);
                                    self.flow(self.heap, s, 0, pos, "defer");
                                }
                            }
                            Callee::Unknown
                        }
                    };
                    // Its results are dropped.
                    self.call(funcs, bi, &args, &callee, &[], pos, tt);
                } else if in_loop || !f.esc.defer_literal.contains(&v) {
                    let s = self.val(bi, a[1]);
                    self.flow(self.heap, s, 0, pos, "defer");
                }
            }
            _ => {}
        }
    }

    /// Calls of runtime functions that the builder makes: what each does with its arguments.
    fn runtime_call(&mut self, funcs: &[Func], bi: usize, v: ValueId, tt: &TypeTable) {
        let f = &funcs[self.funcs[bi]];
        let x = f.v(v);
        let pos = x.pos;
        let a = x.args.clone();
        let me = self.val(bi, v);
        let Aux::Sym(sym) = &x.aux else { return };
        let name = sym.strip_prefix("runtime.").unwrap_or(sym);
        match name {
            "makeslice" | "slicebytetostring" | "slicerunetostring" | "intstring" | "stringtoslicebyte" | "stringtoslicerune" => {
                let l = match self.allocs.get(&(bi, v)) {
                    Some(&l) => l,
                    None => {
                        let l = self.new_loc(Kind::Alloc(bi, v), bi, 0);
                        self.allocs.insert((bi, v), l);
                        l
                    }
                };
                self.flow(me, l, -1, pos, "spill");
            }
            "growslice" => {
                // append: the old elements are copied into a new heap array.
                let s = self.val(bi, a[0]);
                self.flow(me, s, 0, pos, "appendee slice");
                if !f.esc.pointer_free.contains(&v) {
                    self.flow(self.heap, s, 1, pos, "appendee slice");
                }
            }
            "memmove" | "slicecopy" if f.esc.pointer_free.contains(&v) => {}
            "memmove" => {
                let s = self.val(bi, a[1]);
                self.flow(self.heap, s, 1, pos, "copied slice");
            }
            "slicecopy" => {
                let s = self.val(bi, a[2]);
                self.flow(self.heap, s, 1, pos, "copied slice");
            }
            "chansend1" => {
                // The value sent is copied to wherever the receiver keeps it.
                let s = self.val(bi, a[1]);
                self.flow(self.heap, s, 1, pos, "sent value");
            }
            "selectgo" => {
                // The cases are {channel, slot} pairs, the sends' first. A send's slot holds
                // the value sent, copied to wherever the receiver keeps it (as chansend1's);
                // nothing else leaks (a channel received from or sent to does not).
                let nsends = match (&f.v(a[1]).op, &f.v(a[1]).aux) {
                    (Op::Const, Aux::Int(n)) => *n,
                    _ => i64::MAX,
                };
                let arr = a[0];
                let mut slots = vec![];
                for b in f.live_blocks() {
                    for &st in &b.values {
                        let sv = f.v(st);
                        if sv.op != Op::Store {
                            continue;
                        }
                        let p = f.v(sv.args[0]);
                        if let (Op::OffPtr, Aux::Int(off)) = (&p.op, &p.aux) {
                            if p.args[0] == arr && off % 16 == 8 && off / 16 < nsends {
                                slots.push(sv.args[1]);
                            }
                        }
                    }
                }
                for w in slots {
                    let s = self.val(bi, w);
                    self.flow(self.heap, s, 1, pos, "sent value");
                }
            }
            "makechan" | "chanrecv1" | "chanrecv2" | "closechan" | "chanlen" | "chancap" | "block" => {}
            "gorecover" | "decoderune" | "memequal" | "typeequal" | "efaceeq" | "ifaceeq" | "convI2I" | "assertE2I" | "assertE2I2" => {}
            _ if name.starts_with("panic") => {}
            _ => {
                for &p in &a {
                    if tt.has_pointers(f.v(p).ty) {
                        let s = self.val(bi, p);
                        self.flow(self.heap, s, 0, pos, "call parameter");
                    }
                }
            }
        }
    }

    /// Records each allocation's fate in its function (`esc_decisions`).
    pub(super) fn record_decisions(&self, funcs: &mut [Func], batch: &[usize]) {
        let mut forced: Vec<usize> = self.forced.clone();
        for &(copy, param) in &self.mem_args {
            if self.locs[param].escapes {
                forced.push(copy);
            }
        }
        for (&(bi, v), &l) in &self.allocs {
            let f = &mut funcs[batch[bi]];
            let esc = self.locs[l].escapes || forced.contains(&l);
            f.esc_decisions.insert(v, esc);
        }
    }
}

/// Whether a parameter or result of type t travels in memory (by address).
fn is_mem(tt: &TypeTable, t: TypeId) -> bool {
    !is_ssa_type(tt, t)
}

/// The key under which result j of a tuple-valued call is kept among the values (values
/// never reach these numbers).
fn select_key(v: ValueId, j: usize) -> ValueId {
    u32::MAX - (v.wrapping_mul(16) + j as u32)
}

/// The pointers an integer value computed from `uintptr(p)` conversions carries (gc's
/// unsafeValue): through arithmetic and bit operations (a shift's count carries nothing), to
/// the unsafe.Pointer values converted.
fn unsafe_sources(f: &Func, tt: &TypeTable, v: ValueId, out: &mut Vec<ValueId>, depth: u32) {
    if depth > 16 {
        return;
    }
    let x = f.v(v);
    match x.op {
        Op::Copy if tt.under(f.v(x.args[0]).ty) == UNSAFE_POINTER => out.push(x.args[0]),
        Op::Copy | Op::Lsh | Op::Rsh | Op::Neg | Op::Com => unsafe_sources(f, tt, x.args[0], out, depth + 1),
        Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Mod | Op::And | Op::Or | Op::Xor | Op::AndNot => {
            for &a in &x.args {
                unsafe_sources(f, tt, a, out, depth + 1);
            }
        }
        _ => {}
    }
}
