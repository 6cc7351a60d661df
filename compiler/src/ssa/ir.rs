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
    pub cache: Option<std::rc::Rc<super::analysis::Analysis>>,
}

impl Func {
    pub fn new(name: &str, sym: &str) -> Func {
        Func {
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
        }
    }

    pub fn new_block(&mut self, pos: u32) -> BlockId {
        let id = self.blocks.len() as BlockId;
        self.blocks.push(Block { id, kind: BlockKind::Plain, values: vec![], succs: vec![], preds: vec![], pos });
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

    /// The shared control-flow analysis, computed on first use.
    pub fn analysis(&mut self) -> std::rc::Rc<super::analysis::Analysis> {
        if self.cache.is_none() {
            self.cache = Some(std::rc::Rc::new(super::analysis::Analysis::new(self)));
        }
        self.cache.clone().unwrap()
    }

    /// Passes that add or remove blocks or edges call this.
    pub fn cfg_changed(&mut self) {
        self.cache = None;
    }

    pub fn num_live_values(&self) -> usize {
        self.live_blocks().map(|b| b.values.len()).sum()
    }
}

/// A whole program in SSA form.
pub struct Program {
    pub funcs: Vec<Func>,
    /// Global variables: symbol and size in bytes.
    pub globals: Vec<(String, u64)>,
    /// The function that initialises package variables and runs `init`s, then `main.main`.
    pub entry_sym: String,
}
