//! What the SSA builder tells escape analysis about a function: the side table that links
//! SSA values back to the Go source (variables, allocation sites, their text and positions,
//! loop depths). The builder fills it while it builds; `escape` reads it and nothing else
//! does. Values are named by their ids in the freshly built function (the analysis runs
//! before any pass renumbers or deletes anything).

use crate::HashMap;

use crate::types::check::ObjId;

use crate::ssa::ir::ValueId;

/// What an allocation site is, for the messages of `-gcflags=-m`.
#[derive(Clone, Debug, PartialEq)]
pub enum AllocKind {
    /// A variable that lives in memory (its address is taken, it is captured by a closure,
    /// or it is of struct or array type): `moved to heap: x` when it escapes.
    Var(ObjId),
    /// An allocating expression (`new(T)`, `&T{...}`, `make([]T, n)`, a closure, a boxed
    /// interface value, `...` arguments): `E escapes to heap` or `E does not escape`.
    Expr,
    /// Only reported: the run time allocates it whatever the analysis finds (maps, strings
    /// made by concatenation or conversion), so the value keeps its op.
    ReportOnly,
}

#[derive(Clone, Debug)]
pub struct AllocNote {
    pub kind: AllocKind,
    /// The variable's name, or the expression as gc spells it.
    pub text: String,
    /// Where gc reports it (a source offset).
    pub pos: u32,
    /// Loop depth at the allocation (the declaration, for variables).
    pub depth: u32,
    /// gc's reason to keep it on the heap whatever flows where (`too large for stack`,
    /// `non-constant size`), if any.
    pub heap_reason: Option<&'static str>,
    /// For `make([]T, len, cap)` with constant len and cap: the bytes a stack slot needs.
    pub const_bytes: Option<i64>,
    /// gc reports it after the other messages of this source range (the `...` argument of
    /// a deferred call, after the call's arguments).
    pub after: Option<(u32, u32)>,
    /// For code copied by inlining, the end of the (outermost) call: gc reports it after
    /// the call's arguments, so it is sorted there. 0 otherwise (sorted at `pos`).
    pub order: u32,
    /// Where the code was written (`pos` before inlining moved it to the call): at one
    /// call, gc reports the allocations of the inlined body in the order its walk meets
    /// them, an expression before those inside it, which is the order they were written in.
    pub written_at: u32,
    /// For an allocation of a shipped package: its text as gc prints it once inlined into
    /// another package (exprfmt::gc_expr_outside).
    pub outside: Option<String>,
    /// gc would capture this variable by value in its closures (it is never reassigned nor
    /// addressed and is small), so it reports no `moved to heap` for it: golift captures by
    /// reference, so it still decides with the reference.
    pub by_value_capture: bool,
}

/// A local variable kept as SSA values (its reads and writes are recorded).
#[derive(Clone, Debug)]
pub struct VarNote {
    pub name: String,
    pub pos: u32,
    pub depth: u32,
}

/// A parameter (the receiver first), in `Arg` order.
#[derive(Clone, Debug)]
pub struct ParamNote {
    /// "" for unnamed and blank parameters.
    pub name: String,
    pub pos: u32,
    pub obj: Option<ObjId>,
}

/// A function of the user's package declared without a body (implemented in assembly, in
/// gc): calls of it are opaque to the analysis, and so every argument escapes, unless a
/// `//go:noescape` directive stands before the declaration.
#[derive(Clone, Debug)]
pub struct ExternFunc {
    pub sym: String,
    /// The named parameters whose types hold pointers (what gc reports on).
    pub params: Vec<ParamNote>,
    pub noescape: bool,
}

/// What a deferred call calls.
#[derive(Clone, Debug)]
pub enum DeferCallee {
    Static(String),
    Value(ValueId),
    /// An interface method: the interface value (its receiver), the method's name, gc's
    /// text of `x.M` and its position (for devirtualization).
    Iface(ValueId, String, String, u32),
}

#[derive(Clone, Debug, Default)]
pub struct Notes {
    /// Allocation sites: a `New`, a `CallRT` of makeslice, or a report-only value.
    pub allocs: HashMap<ValueId, AllocNote>,
    /// SSA variables of the Go source, by object.
    pub vars: HashMap<ObjId, VarNote>,
    /// `(value, variable)`: the value is assigned to the variable.
    pub writes: Vec<(ValueId, ObjId)>,
    /// `(value, variable)`: the value is a read of the variable (a fresh `Copy`).
    pub reads: Vec<(ValueId, ObjId)>,
    /// Conversions of an integer to unsafe.Pointer that carry no pointer for gc (the
    /// integer is not arithmetic on `uintptr(p)` conversions: `unsafe.Pointer(x ^ 0)` with
    /// x a variable, the idiom of `noescape`).
    pub laundered: Vec<ValueId>,
    pub params: Vec<ParamNote>,
    /// Result names as gc prints them (`~r0` for unnamed ones).
    pub results: Vec<String>,
    /// In a function literal: the function it is written in, and the values that load the
    /// address of its captured variable number i from the closure.
    pub parent: Option<String>,
    pub captured: Vec<(ValueId, usize)>,
    /// The closures this function makes: closure object (a `New`) → the code's symbol and
    /// the captured words (the addresses of captured variables, for function literals).
    pub closures: HashMap<ValueId, (String, Vec<ValueId>)>,
    /// Method values: closure object → (the method's symbol, or "" for an interface method;
    /// the receiver value).
    pub method_values: HashMap<ValueId, (String, ValueId)>,
    /// `DeferProc` values inside a loop (their closure must be a distinct object per
    /// iteration).
    pub defer_in_loop: Vec<ValueId>,
    /// `DeferProc` values of `defer func() {...}()` outside loops.
    pub defer_literal: Vec<ValueId>,
    /// The loop depth of every `New` made inside a loop (temporaries included).
    pub new_depth: HashMap<ValueId, u32>,
    /// Stores and moves that gc ignores: the assignment is a self-assignment
    /// (`p.x = p.y`), which stores no new pointer into p.
    pub ignored: Vec<ValueId>,
    /// Messages found while building (`f ignoring self-assignment in ...`).
    pub remarks: Vec<(u32, String)>,
    /// `defer f(args)`: the `DeferProc`, the function called (a symbol, or the func value
    /// for `defer fv(args)`), and the argument values.
    pub defer_calls: HashMap<ValueId, (DeferCallee, Vec<ValueId>)>,
    /// Interface method calls `x.M(...)`: the `InterCall` → gc's text of `x.M`, and the
    /// call's position (for `devirtualizing x.M to T`).
    pub iface_calls: HashMap<ValueId, (String, u32)>,
    /// Runtime calls that copy elements without pointers (append's growslice and memmove,
    /// copy's slicecopy): nothing they copy can make anything escape.
    pub pointer_free: Vec<ValueId>,
    /// Flows gc sees that golift's SSA does not show: (dst, src, dereferences). gc treats
    /// `s += x` on strings as the assignment `s = x`: x flows to the concatenation's result
    /// (0). In `for k, v := range m` over a map, v gets what m points to (1), as gc's
    /// "range-deref" (golift's v comes through the runtime's iterator, which the analysis
    /// does not follow).
    pub extra_flows: Vec<(ValueId, ValueId, i32)>,
    /// The first blocks of the branches of `if` statements with a constant condition that
    /// are never taken: gc's deadcode removes them before escape analysis, so the analysis
    /// skips what only they reach.
    pub dead_branches: Vec<crate::ssa::ir::BlockId>,
    /// Calls made inside loops: the loop depth there (inlining adds it to the depths of the
    /// body it copies in).
    pub call_depth: HashMap<ValueId, u32>,
    /// Variables that inlining copied in get objects of their own, numbered from here down.
    pub next_copy_obj: Option<ObjId>,
    /// The function was built from user source (its messages are printed by `-m`).
    pub built: bool,
}

impl Notes {
    /// Value `old` is replaced by `new` throughout the function (inlining replaces a call
    /// by the callee's result): the notes that name values as what flows follow it.
    pub fn replace_value(&mut self, old: ValueId, new: ValueId) {
        for (v, _) in self.writes.iter_mut().chain(self.reads.iter_mut()) {
            if *v == old {
                *v = new;
            }
        }
        for (d, s, _) in self.extra_flows.iter_mut() {
            if *d == old {
                *d = new;
            }
            if *s == old {
                *s = new;
            }
        }
    }
}
