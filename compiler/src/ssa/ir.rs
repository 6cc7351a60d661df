//! The SSA form, modelled on Go's cmd/compile/internal/ssa: a function is a list of blocks;
//! a block holds values in program order and ends in a control kind; a value is
//! `vN = Op <type> args aux`. Types are Go types (ids in the checker's `TypeTable`); values of
//! struct and array type never exist: those live in memory and are handled through addresses.
//!
//! Side effects are ordered by position: passes may delete pure values and rewrite values in
//! place, but never move an impure value (`OpInfo::pure == false`) across another.

use crate::types::ty::TypeId;

pub type ValueId = u32;
pub type BlockId = u32;

/// How an op behaves, for passes: one row per op in `OPS`, as gc's opGen tables.
pub struct OpInfo {
    pub name: &'static str,
    /// No side effects and no faults: may be removed when unused, or shared by cse.
    pub pure: bool,
    /// Generic (machine-independent) ops are rewritten by `lower`; lowered ops map one to one
    /// onto Cranelift instructions or runtime calls.
    pub generic: bool,
}

macro_rules! ops {
    ($($name:ident: $pure:expr, $generic:expr;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Op { $($name),* }
        pub const OPS: &[OpInfo] = &[$(OpInfo { name: stringify!($name), pure: $pure, generic: $generic }),*];
        impl Op {
            pub fn info(self) -> &'static OpInfo { &OPS[self as usize] }
            pub fn name(self) -> &'static str { self.info().name }
            pub fn from_name(s: &str) -> Option<Op> {
                $(if s == stringify!($name) { return Some(Op::$name); })*
                None
            }
        }
    };
}

ops! {
    // Constants and arguments. Aux: Int / Float / Str; Arg: Int(index).
    Const: true, false;
    ConstNil: true, false;
    Arg: true, false;
    Phi: true, false;
    Copy: true, false;
    // Arithmetic on integers and floats (signedness and width from the type).
    Add: true, false;
    Sub: true, false;
    Mul: true, false;
    // Division and remainder: args are already checked for zero (integer case).
    Div: true, false;
    Mod: true, false;
    And: true, false;
    Or: true, false;
    Xor: true, false;
    AndNot: true, false;
    // Shifts with Go semantics (count >= width gives 0, or -1 for negative signed >>).
    Lsh: true, false;
    Rsh: true, false;
    Neg: true, false;
    Com: true, false;
    Not: true, false;
    // Comparisons: aux Int holds the operand type id; result bool.
    Eq: true, false;
    Neq: true, false;
    Less: true, false;
    Leq: true, false;
    // Numeric conversion: aux Int holds the source type id.
    Cvt: true, false;
    // Intrinsics (`build/intrinsics.rs`): library functions the processor does in an
    // instruction or two. Float square root, absolute value, and copysign(x, y).
    Sqrt: true, false;
    Abs: true, false;
    Copysign: true, false;
    // A float64 rounded to an integer value: down, up, towards zero (math.Floor, Ceil, Trunc).
    Floor: true, false;
    Ceil: true, false;
    Trunc: true, false;
    // The argument's bits as the result type (math.Float64bits and friends).
    Bitcast: true, false;
    // Trailing zeros, leading zeros, set bits (of the argument's width); x rotated left by
    // args[1] (modulo the width; negative rotates right); bytes reversed.
    Ctz: true, false;
    Clz: true, false;
    PopCount: true, false;
    RotateLeft: true, false;
    Bswap: true, false;
    // Complex numbers as values: (real, imag). Add, Sub, Mul, Div, Neg, Eq and Neq work on
    // them too (Div through the runtime, as gc).
    ComplexMake: true, false;
    ComplexReal: true, false;
    ComplexImag: true, false;
    // Strings and slices as values: (ptr, len) and (ptr, len, cap).
    StringMake: true, false;
    StringPtr: true, false;
    StringLen: true, false;
    SliceMake: true, false;
    SlicePtr: true, false;
    SliceLen: true, false;
    SliceCap: true, false;
    // Generic string operations, lowered to runtime calls.
    StringConcat: false, true;
    StringCmp: false, true;
    StringEq: false, true;
    // Memory. Aux Int: a byte offset or size.
    // Heap allocation of zeroed memory: aux Int size.
    New: false, false;
    // Address of a global: aux Sym.
    Addr: true, false;
    OffPtr: true, false;
    // ptr + index * aux(size)
    PtrIndex: true, false;
    Load: false, false;
    Store: false, false;
    // Copies aux Int bytes from args[1] to args[0].
    Move: false, false;
    // Zeroes aux Int bytes at args[0].
    Zero: false, false;
    // Panics if args[0] is nil.
    NilCheck: false, false;
    // Bounds: 0 <= a0 < a1 (unsigned compare), and 0 <= a0 <= a1.
    IsInBounds: true, false;
    IsSliceInBounds: true, false;
    // Calls: aux Sym names the callee; the result is the callee's result tuple (or its one
    // result). `CallRT` calls a runtime function.
    Call: false, false;
    CallRT: false, false;
    // Picks result aux Int of a tuple.
    Select: true, false;
    // Interfaces. An interface value is two words: the type descriptor (empty interface) or
    // itab (non-empty interface), and the data word.
    // Makes an interface value from the type/itab word and the data word.
    IMake: true, false;
    // The first word (type or itab) of an interface value.
    ITab: true, false;
    // The data word of an interface value.
    IData: true, false;
    // Address of a type descriptor: aux Type.
    TypeAddr: true, false;
    // Address of a descriptor for the collector with only the size and pointer bitmap of
    // aux Type (no name, no methods: many types share one), passed with heap allocations.
    GCShape: true, false;
    // Address of the static itab of a concrete type and an interface: aux Itab.
    ItabAddr: true, false;
    // Calls method aux Method of an interface through its itab: args are the itab, the data
    // word (the receiver), then the method's arguments.
    InterCall: false, false;
    // Closures and function values. A func value points to a closure object whose first word
    // is the code; the code takes the closure as a hidden first argument.
    // Code address of function aux Sym.
    FuncAddr: true, false;
    // A func value for top-level function aux Sym: a static closure of its wrapper.
    StaticClosure: true, false;
    // The hidden closure argument of the current function (its captured variables).
    ClosurePtr: true, false;
    // Calls a func value: args are the func value, then the arguments.
    ClosureCall: false, false;
    // The caller's stack pointer at the call of the current function (for recover).
    GetCallerSP: true, false;
    // defer: the frame record of a function with deferred calls, set up at entry; its args
    // are the addresses of the result variables. It also marks the point where the function
    // resumes after a deferred call recovers a panic (codegen makes that path, which runs the
    // remaining deferred calls and returns the results).
    DeferInit: false, false;
    // Pushes the deferred call of func value args[1] on frame args[0].
    DeferProc: false, false;
    // Runs the frame's deferred calls (before a return).
    DeferReturn: false, false;
    // In a generated wrapper: if a deferred call is being made by the panic machinery with
    // this wrapper as the deferred function, the function the wrapper calls takes its place
    // (may recover).
    WrapperAdjust: false, false;
    // At a loop's back edge (and, added by codegen, at the entry of a function that calls):
    // if the stack pointer is below the goroutine's guard, call runtime.morestack, which
    // reports a stack overflow or, when the scheduler asked for it, lets other goroutines
    // run (cooperative preemption, gc's stackguard). Only programs that start goroutines
    // keep them (`build_program`).
    StackCheck: false, false;
    // A stack slot of aux Int bytes for a value that lives only during one operation.
    StackSlot: false, false;
    // Maps, lowered to runtime calls. aux Type: the map type. A key argument is the key
    // value for SSA-able key types, else the key's address.
    // make(map[K]V, hint): args [hint].
    MapMake: false, true;
    // m[k], missing keys giving the zero value: args [m, k]; result *V.
    MapAccess1: false, true;
    // v, ok = m[k]: args [m, k]; result (*V, bool).
    MapAccess2: false, true;
    // The element slot for key k, inserting it: args [m, k]; result *V.
    MapAssign: false, true;
    MapDelete: false, true;
    // Starts an iteration: args [m, iterator address].
    MapIterInit: false, true;
    // Advances an iteration: args [iterator address].
    MapIterNext: false, true;
    // Generic ops that `lower` turns into runtime calls.
    PanicIndex: false, true;
    PanicSlice: false, true;
    PanicDivide: false, true;
    PanicShift: false, true;
    Print: false, true;
}

#[derive(Clone, Debug, PartialEq)]
pub enum Aux {
    None,
    Int(i64),
    Float(f64),
    Str(Vec<u8>),
    Sym(String),
    /// A type (its descriptor).
    Type(TypeId),
    /// The itab of (concrete type, interface type).
    Itab(TypeId, TypeId),
    /// A method of an interface: its index in the interface's method list, and its name.
    Method(i64, String),
}

#[derive(Clone, Debug)]
pub struct Value {
    pub id: ValueId,
    pub op: Op,
    pub ty: TypeId,
    pub args: Vec<ValueId>,
    pub aux: Aux,
    /// Source offset (for the line shown in dumps).
    pub pos: u32,
    pub block: BlockId,
    /// The `opt` rule that last rewrote this value, if any (shown in dumps).
    pub rule: Option<&'static str>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum BlockKind {
    /// One successor.
    Plain,
    /// Two successors: taken if the control value is true, else the second.
    If(ValueId),
    /// Returns the values (the function's results).
    Ret(Vec<ValueId>),
    /// Does not return (ends with a panicking or exiting call).
    Exit,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub id: BlockId,
    pub kind: BlockKind,
    pub values: Vec<ValueId>,
    pub succs: Vec<BlockId>,
    pub preds: Vec<BlockId>,
    pub pos: u32,
    /// Where the condition of the block's `If` was written (a branch's own position, even
    /// when cse shares its condition with an earlier one); u32::MAX if unknown.
    pub cond_pos: u32,
}

/// The nodes of a function's body as gc counts them for inlining (`build::cost`), and where
/// its calls are among them.
#[derive(Clone, Debug, Default)]
pub struct NodeCost {
    /// Every node but the calls' prices and the function literals' bodies.
    pub nodes: u32,
    /// Each call (its '(') and the nodes counted before it, in gc's order of visit: gc stops
    /// costing a body once it is over budget, and judges a called literal when it gets there.
    pub calls: Vec<(u32, u32)>,
}

/// How a parameter or result travels: SSA-able types by value, memory types by address.
#[derive(Clone, Debug)]
pub struct Func {
    pub name: String,
    /// The symbol name (package-qualified, as gc: `main.f`, `main.(*T).m`).
    pub sym: String,
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    pub blocks: Vec<Block>,
    pub values: Vec<Value>,
    /// Deleted values and blocks keep their slots (stable numbering) and are marked here.
    pub dead_values: Vec<bool>,
    pub dead_blocks: Vec<bool>,
    pub entry: BlockId,
    pub pos: u32,
    /// Dominators and loops, computed once and shared by the passes until one of them
    /// changes the control-flow graph (see `analysis` and `cfg_changed`).
    pub cache: Option<std::sync::Arc<super::analysis::Analysis>>,
    /// The function takes a closure as hidden first argument (function literals and the
    /// wrappers that func values call).
    pub has_ctx: bool,
    /// The function is a compiler-generated wrapper (it does not count as a frame for
    /// `recover`).
    pub wrapper: bool,
    /// What passes found worth telling (`-d=ssa/<pass>/debug=1`): pass, source offset, text.
    pub remarks: Vec<(&'static str, u32, String)>,
    /// What the builder recorded for escape analysis (see `escape::notes`).
    pub esc: super::escape::notes::Notes,
    /// Escape analysis's verdict on each allocation it looked at (`New` values and
    /// report-only sites): true when it escapes. Shown in ssa.html.
    pub esc_decisions: crate::HashMap<ValueId, bool>,
    /// The '(' of each call (where gc reports "inlining call to f").
    pub lparens: crate::HashMap<ValueId, u32>,
    /// The end of each call expression: gc inlines the calls in a call's arguments before
    /// the call, so inlining goes in the order of these ends.
    pub call_ends: crate::HashMap<ValueId, u32>,
    /// The values copied in by inlining, with the '(' of the (outermost) call they came
    /// from: passes report about them there, as gc does.
    pub inlined_at: crate::HashMap<ValueId, u32>,
    /// For the same values, the end of that outermost call.
    pub inlined_end: crate::HashMap<ValueId, u32>,
    /// Why the builder found the function not inlinable (gc's reason), if it did.
    pub no_inline: Option<&'static str>,
    /// The body's inlining cost in gc's nodes; None for generated functions.
    pub node_cost: Option<NodeCost>,
    /// Index expressions whose index cannot be out of range by its type alone (a `uint8`
    /// into a 256-element array, `i & 7` into an 8-element one): no bounds check is made,
    /// and `-m` says "index bounds check elided" there, as gc's walk does. Positions (the
    /// outermost call's for inlined code).
    pub bounded_index: Vec<u32>,
}

impl Func {
    pub fn new(name: &str, sym: &str) -> Func {
        Func {
            remarks: vec![],
            esc: Default::default(),
            esc_decisions: Default::default(),
            lparens: Default::default(),
            call_ends: Default::default(),
            inlined_at: Default::default(),
            inlined_end: Default::default(),
            no_inline: None,
            node_cost: None,
            bounded_index: vec![],
            name: name.into(),
            sym: sym.into(),
            params: vec![],
            results: vec![],
            blocks: vec![],
            values: vec![],
            dead_values: vec![],
            dead_blocks: vec![],
            entry: 0,
            pos: 0,
            cache: None,
            has_ctx: false,
            wrapper: false,
        }
    }

    pub fn new_block(&mut self, pos: u32) -> BlockId {
        let id = self.blocks.len() as BlockId;
        self.blocks.push(Block { id, kind: BlockKind::Plain, values: vec![], succs: vec![], preds: vec![], pos, cond_pos: u32::MAX });
        self.dead_blocks.push(false);
        id
    }

    /// Appends a value to block `b`.
    pub fn add(&mut self, b: BlockId, op: Op, ty: TypeId, args: Vec<ValueId>, aux: Aux, pos: u32) -> ValueId {
        let id = self.values.len() as ValueId;
        self.values.push(Value { id, op, ty, args, aux, pos, block: b, rule: None });
        self.dead_values.push(false);
        self.blocks[b as usize].values.push(id);
        id
    }

    /// Creates a value without placing it in a block's list (for phis placed later).
    pub fn add_detached(&mut self, b: BlockId, op: Op, ty: TypeId, args: Vec<ValueId>, aux: Aux, pos: u32) -> ValueId {
        let id = self.values.len() as ValueId;
        self.values.push(Value { id, op, ty, args, aux, pos, block: b, rule: None });
        self.dead_values.push(false);
        id
    }

    pub fn num_live_blocks(&self) -> usize {
        self.live_blocks().count()
    }

    pub fn add_edge(&mut self, from: BlockId, to: BlockId) {
        self.blocks[from as usize].succs.push(to);
        self.blocks[to as usize].preds.push(from);
    }

    pub fn v(&self, id: ValueId) -> &Value {
        &self.values[id as usize]
    }

    pub fn live_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| !self.dead_blocks[b.id as usize])
    }

    /// Blocks in reverse postorder from the entry.
    pub fn rpo(&self) -> Vec<BlockId> {
        let mut seen = vec![false; self.blocks.len()];
        let mut post = vec![];
        let mut stack = vec![(self.entry, 0usize)];
        seen[self.entry as usize] = true;
        while let Some((b, i)) = stack.pop() {
            let succs = &self.blocks[b as usize].succs;
            if i < succs.len() {
                stack.push((b, i + 1));
                let s = succs[i];
                if !seen[s as usize] {
                    seen[s as usize] = true;
                    stack.push((s, 0));
                }
            } else {
                post.push(b);
            }
        }
        post.reverse();
        post
    }

    /// Replaces every use of `old` by `new` (args and block controls).
    pub fn replace_uses(&mut self, old: ValueId, new: ValueId) {
        for v in &mut self.values {
            for a in &mut v.args {
                if *a == old {
                    *a = new;
                }
            }
        }
        for b in &mut self.blocks {
            match &mut b.kind {
                BlockKind::If(c) if *c == old => *c = new,
                BlockKind::Ret(vs) => {
                    for x in vs {
                        if *x == old {
                            *x = new;
                        }
                    }
                }
                _ => {}
            }
        }
    }

    pub fn remove_value(&mut self, id: ValueId) {
        self.dead_values[id as usize] = true;
        let b = self.values[id as usize].block as usize;
        self.blocks[b].values.retain(|&x| x != id);
    }

    /// Replaces every use of each key of `map` by its value (one pass over the function).
    pub fn replace_all_uses(&mut self, map: &crate::HashMap<ValueId, ValueId>) {
        let r = |x: &mut ValueId| {
            if let Some(&w) = map.get(x) {
                *x = w;
            }
        };
        for v in self.values.iter_mut() {
            v.args.iter_mut().for_each(r);
        }
        for b in self.blocks.iter_mut() {
            match &mut b.kind {
                BlockKind::If(c) => r(c),
                BlockKind::Ret(vs) => vs.iter_mut().for_each(r),
                _ => {}
            }
        }
    }

    /// Removes many values at once (one pass over each block concerned).
    pub fn remove_values(&mut self, ids: impl IntoIterator<Item = ValueId>) {
        let mut blocks = crate::HashSet::default();
        for id in ids {
            self.dead_values[id as usize] = true;
            blocks.insert(self.values[id as usize].block as usize);
        }
        for b in blocks {
            let dead = &self.dead_values;
            self.blocks[b].values.retain(|&x| !dead[x as usize]);
        }
    }

    /// The shared control-flow analysis, computed on first use.
    pub fn analysis(&mut self) -> std::sync::Arc<super::analysis::Analysis> {
        if self.cache.is_none() {
            self.cache = Some(std::sync::Arc::new(super::analysis::Analysis::new(self)));
        }
        self.cache.clone().unwrap()
    }

    /// The branch that is `b`'s only way in, if it is one: its condition, whether `b` is its
    /// true target, and where the condition was written (the branch's own position).
    pub fn entered_by(&self, b: BlockId) -> Option<(ValueId, bool, u32)> {
        let [p] = self.blocks[b as usize].preds[..] else { return None };
        let pred = &self.blocks[p as usize];
        let BlockKind::If(c) = pred.kind else { return None };
        if pred.succs.len() != 2 || pred.succs[0] == pred.succs[1] {
            return None;
        }
        Some((c, pred.succs[0] == b, self.branch_pos(p)))
    }

    /// Where block `b`'s branch condition was written: its `cond_pos`, else the condition's.
    pub fn branch_pos(&self, b: BlockId) -> u32 {
        let blk = &self.blocks[b as usize];
        match blk.kind {
            _ if blk.cond_pos != u32::MAX => blk.cond_pos,
            BlockKind::If(c) => self.v(c).pos,
            _ => u32::MAX,
        }
    }

    /// Passes that add or remove blocks or edges call this.
    pub fn cfg_changed(&mut self) {
        self.cache = None;
    }

    pub fn num_live_values(&self) -> usize {
        self.live_blocks().map(|b| b.values.len()).sum()
    }
}

/// A method of a type's method set, as its descriptor lists it.
#[derive(Clone, Debug)]
pub struct MethodEntry {
    pub name: String,
    /// The package of an unexported method ("" when exported).
    pub pkg: String,
    /// The method's signature without receiver (a func type).
    pub sig: TypeId,
    /// The function an itab holds for it: it takes the receiver as one word.
    pub ifn: String,
}

/// A whole program in SSA form.
pub struct Program {
    pub funcs: Vec<Func>,
    /// What inlining decided (None with -l).
    pub inlining: Option<super::inline::Report>,
    /// What type flow found, as text (`-d=typeflow/debug=1`); None when it did not run.
    pub typeflow: Option<String>,
    /// Global variables: symbol, size in bytes, and type.
    pub globals: Vec<(String, u64, TypeId)>,
    /// The function that initialises package variables and runs `init`s, then `main.main`.
    pub entry_sym: String,
    /// Every type whose descriptor the program uses (closed under the descriptors' references).
    pub types: Vec<TypeId>,
    /// The method sets of the types in `types` that have methods, sorted by name.
    pub methods: crate::HashMap<TypeId, Vec<MethodEntry>>,
    /// The static itabs the program uses: (concrete type, interface type).
    pub itabs: Vec<(TypeId, TypeId)>,
    /// Func values of top-level functions: (function symbol, its func-value wrapper symbol).
    pub static_closures: Vec<(String, String)>,
    /// Package variables whose initial value is known at compile time (constants, and
    /// composite literals of constants): their contents, laid out by the compiler instead of
    /// stored by the entry function (gc's static initialisation).
    pub global_inits: crate::HashMap<String, StaticData>,
    /// Data those contents point to (the backing arrays of slices): symbol and contents.
    pub static_data: Vec<(String, StaticData)>,
    /// Escape analysis's messages for `-gcflags=-m`, in gc's order.
    pub escape: Vec<super::escape::Message>,
    /// Whether the program can start goroutines (it calls runtime.newproc): only then does
    /// compiled code check its stack guard (`StackCheck`, and at function entry).
    pub goroutines: bool,
}

/// Bytes of initialised data, and the addresses to write into them.
#[derive(Clone, Debug, Default)]
pub struct StaticData {
    pub bytes: Vec<u8>,
    pub relocs: Vec<(u32, StaticRef)>,
}

/// What an address in static data points to.
#[derive(Clone, Debug)]
pub enum StaticRef {
    /// Another static data object (by symbol).
    Data(String),
    /// The bytes of a string constant.
    Str(Vec<u8>),
}

/// The zero value of SSA type `t`, made of constants (the builder's and mem2reg's): `add`
/// creates each value (op, type, args, aux, whether it is a length with no source position
/// of its own) where its caller wants it.
pub fn zero_value(tt: &crate::types::ty::TypeTable, t: TypeId, add: &mut dyn FnMut(Op, TypeId, Vec<ValueId>, Aux, bool) -> ValueId) -> ValueId {
    use crate::types::ty::*;
    match tt.under_kind(t).clone() {
        TypeKind::Basic(b) if b.is_string() => {
            let p = add(Op::ConstNil, UNSAFE_POINTER, vec![], Aux::None, false);
            let l = add(Op::Const, INT, vec![], Aux::Int(0), true);
            add(Op::StringMake, t, vec![p, l], Aux::None, false)
        }
        TypeKind::Basic(b) if b.is_float() => add(Op::Const, t, vec![], Aux::Float(0.0), false),
        TypeKind::Basic(b) if b.is_complex() => {
            let ft = if tt.under(t) == COMPLEX64 { FLOAT32 } else { FLOAT64 };
            let z = add(Op::Const, ft, vec![], Aux::Float(0.0), false);
            add(Op::ComplexMake, t, vec![z, z], Aux::None, false)
        }
        TypeKind::Basic(_) => add(Op::Const, t, vec![], Aux::Int(0), false),
        TypeKind::Slice(_) => {
            let p = add(Op::ConstNil, UNSAFE_POINTER, vec![], Aux::None, false);
            let l = add(Op::Const, INT, vec![], Aux::Int(0), true);
            add(Op::SliceMake, t, vec![p, l, l], Aux::None, false)
        }
        _ => add(Op::ConstNil, t, vec![], Aux::None, false),
    }
}
