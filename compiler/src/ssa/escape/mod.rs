//! Escape analysis (gc's cmd/compile/internal/escape, rebuilt on golift's SSA): which
//! allocations may live in their function's stack frame instead of the heap.
//!
//! Why on the SSA and not on the typed AST: the SSA builder has already spelled out every
//! allocation golift makes (addressed variables, `new`, composite literals, closures and the
//! variables they capture, boxed interface values, `...` slices, the copies made for struct
//! arguments and results), so the analysis decides about exactly the objects that codegen
//! allocates, temporaries included, and a decision can never miss a pointer that the
//! lowering introduced. What the SSA lost, the builder keeps in a side table
//! (`notes::Notes`): which values are reads and writes of which Go variable (so that, as in
//! gc, a variable is one location whatever the flow of control), names, positions, gc's
//! spelling of each allocating expression, and loop depths. With those, the graph is gc's.
//!
//! The model (see docs/ESCAPE.md): a graph of locations (variables, allocations, parameters,
//! results, temporaries, and the heap) whose edges say "the value of `src`, dereferenced
//! `derefs` times, flows to `dst`" (derefs -1 is "the address of src"). `Store(p, v)` is
//! `*p = v`, `Load(p)` is `*p`, `Move` is `*dst = *src`; a store into a variable's own memory
//! (through `OffPtr`/`PtrIndex` of its `New`) is an assignment to the variable, while a store
//! through any other pointer goes to the heap, as gc's `*p = v` does. An allocation escapes
//! when its address reaches a location that outlives it: the heap, a result, or a variable
//! declared outside the loop it is allocated in.
//!
//! Where it runs: `build_program` calls `analyze` once on every function it built, after
//! inlining (as gc: inlined code is decided again in its caller; `inline::copy_notes`
//! carries the notes along) and before any per-function pass (the notes name values of the
//! freshly built functions). Functions are solved per strongly connected
//! component of the call graph, callees first (petgraph's Tarjan): a function in another
//! component is known by its parameter tags (`Leaks`), calls within a component link the
//! callee's parameter and result locations directly. A function literal is solved with the
//! function that contains it. `rewrite` then turns every non-escaping `New` into a zeroed
//! `StackSlot`, and a non-escaping `make([]T, c)` with constant size into one too.
//!
//! Files: `notes.rs` (the builder's side table), `exprfmt.rs` (gc's spelling of
//! expressions), `capture.rs` (gc's by-value captures, for messages), `selfassign.rs` (gc's
//! self-assignment rule), `callgraph.rs` (the batches), `graph.rs` (locations and edges from
//! SSA), `solve.rs` (the walk, tags), `report.rs` (`-m` messages), `rewrite.rs` (stack
//! slots).

pub mod exprfmt;
mod callgraph;
pub mod capture;
mod graph;
pub mod notes;
mod report;
mod rewrite;
pub mod selfassign;
mod solve;

use crate::{HashMap, HashSet};

use super::ir::*;
use crate::types::ty::*;

/// gc's limit for explicitly declared variables on the stack (ir.MaxStackVarSize).
pub const MAX_STACK_VAR_SIZE: u64 = 10 * 1024 * 1024;
/// gc's limit for implicit allocations (`new`, `&T{}`, `make`, closures) on the stack.
pub const MAX_IMPLICIT_STACK_VAR_SIZE: u64 = 64 * 1024;

/// Why gc keeps an implicit allocation of `size` bytes on the heap, if it does.
pub fn heap_reason_implicit(size: u64) -> Option<&'static str> {
    if size > MAX_IMPLICIT_STACK_VAR_SIZE { Some("too large for stack") } else { None }
}

/// Whether gc stores values of type `t` directly in an interface's data word (pointer-shaped
/// types, and arrays and structs of exactly one such element): converting them allocates
/// nothing in gc, so `-m` has nothing to say about it.
pub fn gc_direct_iface(tt: &TypeTable, t: TypeId) -> bool {
    match tt.under_kind(t) {
        TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => true,
        TypeKind::Basic(_) => tt.under(t) == UNSAFE_POINTER,
        TypeKind::Array(1, e) => gc_direct_iface(tt, *e),
        TypeKind::Struct(fs) => fs.len() == 1 && gc_direct_iface(tt, fs[0].ty),
        _ => false,
    }
}

/// How a parameter's value leaks, as seen by its callers (gc's parameter tag): to the heap,
/// to result i, each after at least that many dereferences; and, for a parameter passed in
/// memory (a struct or array), whether the callee keeps the address of its memory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Leaks {
    pub heap: Option<i32>,
    pub results: Vec<Option<i32>>,
    pub addr: bool,
}

impl Leaks {
    pub fn is_empty(&self) -> bool {
        self.heap.is_none() && self.results.iter().all(|r| r.is_none())
    }

    /// A path to the heap makes equal or longer paths to results pointless (gc's Optimize).
    pub fn optimize(&mut self) {
        if let Some(h) = self.heap {
            for r in self.results.iter_mut() {
                if r.map_or(false, |x| x >= h) {
                    *r = None;
                }
            }
        }
    }
}

/// A message of `-gcflags=-m`: source offset, text, and for `-m=2` the explanation lines
/// printed before it (each with the position its `at` names, if any).
#[derive(Clone, Debug)]
pub struct Message {
    pub pos: u32,
    pub text: String,
    pub explain: Vec<(Option<u32>, String)>,
    /// Printed after the other messages of this source range (AllocNote::after).
    pub after: Option<(u32, u32)>,
}

/// What `analyze` found for the program.
#[derive(Default)]
pub struct Outcome {
    /// The `-m` messages, in gc's order (components callees first; in a component the
    /// parameters, then variables, then expressions).
    pub messages: Vec<Message>,
    /// Each function's parameter tags, by symbol.
    pub tags: HashMap<String, Vec<Leaks>>,
}

/// Analyses every function, records the decisions in `Func::esc_decisions` and rewrites the
/// allocations that do not escape into stack slots.
/// `externs`: the user's functions declared without a body. `gone`: the positions of the
/// function literals inlined where they are written: no closure is made for them, and gc
/// does not compile their bodies on their own, so neither says anything of them.
pub fn analyze(funcs: &mut [Func], tt: &TypeTable, externs: &[notes::ExternFunc], gone: &[u32]) -> Outcome {
    let mut out = Outcome::default();
    let by_sym: HashMap<String, usize> = funcs.iter().enumerate().map(|(i, f)| (f.sym.clone(), i)).collect();
    // Calls that keep nothing of their arguments: the runtime's functions known to, and the
    // declarations marked //go:noescape. gc reports each body-less declaration's parameters.
    let mut noescape: HashSet<String> = graph::NO_ESCAPE.iter().map(|s| s.to_string()).collect();
    for e in externs {
        if e.noescape {
            noescape.insert(e.sym.clone());
        }
        for p in &e.params {
            let text = if e.noescape { format!("{} does not escape", p.name) } else { format!("leaking param: {}", p.name) };
            out.messages.push(Message { pos: p.pos, text, explain: vec![], after: None });
        }
    }
    for batch in callgraph::components(funcs, &by_sym) {
        let mut g = graph::Graph::build(funcs, &batch, &by_sym, &out.tags, &noescape, tt);
        solve::walk_all(&mut g);
        let tags = solve::tags(&g, funcs, &batch);
        report::messages(&g, funcs, &batch, &tags, tt, gone, &mut out.messages);
        for (i, &fi) in batch.iter().enumerate() {
            out.tags.insert(funcs[fi].sym.clone(), tags[i].clone());
        }
        g.record_decisions(funcs, &batch);
    }
    for f in funcs.iter_mut() {
        rewrite::stack_allocate(f);
    }
    // gc devirtualizes in a phase of its own before escape analysis: its messages come first.
    let (devirt, rest): (Vec<Message>, Vec<Message>) = out.messages.into_iter().partition(|m| m.text.starts_with("devirtualizing ") || m.text.starts_with("partially devirtualizing "));
    out.messages = devirt.into_iter().chain(rest).collect();
    place_after(&mut out.messages);
    out
}

/// Moves each message that says where it goes (`Message::after`) to just after the last
/// other message of its source range, wherever the functions' order put it (or leaves it
/// where it is when the range has no other message).
fn place_after(msgs: &mut Vec<Message>) {
    let mut moving = vec![];
    let mut rest = vec![];
    for (i, m) in std::mem::take(msgs).into_iter().enumerate() {
        if m.after.is_some() {
            moving.push((i - moving.len(), m));
        } else {
            rest.push(m);
        }
    }
    // (Each moving message's index is where it stood among the others.)
    let mut inserted = 0;
    for (at, m) in moving {
        let (lo, hi) = m.after.unwrap_or_default();
        let j = match rest.iter().rposition(|o| o.pos >= lo && o.pos <= hi) {
            Some(j) => j + 1,
            None => (at + inserted).min(rest.len()),
        };
        rest.insert(j, Message { after: None, ..m });
        inserted += 1;
    }
    *msgs = rest;
}
