//! Inlining (gc's `inline` package, done on SSA): a call of a small function is replaced by
//! a copy of the function's body, so that the call's cost goes and the passes that follow
//! (`opt`, `cse`, `prove`) see caller and callee as one piece of code.
//!
//! Which functions: as gc, those whose body costs at most `BUDGET` (80) in gc's units: one
//! per node of gc's syntax tree of the body (counted by the builder, `build::cost`), plus per
//! call the callee's cost if it can be inlined and `CALL_COST` (57) if not, plus per function
//! literal `CLOSURE_COST` (15) and the literal's cost; not a function that calls itself
//! (functions calling each other in a longer cycle may be inlined, but a cycle is not copied
//! into itself again), not those marked `//go:noinline`, and not those that need a frame of
//! their own: `defer`, `recover`, `go` (gc's reasons), generated wrappers. `-l` turns
//! inlining off, as in gc.
//!
//! How: functions are processed callees first (petgraph's strongly connected components of
//! the call graph, in reverse topological order), so a function's body has its own callees
//! inlined before it is itself copied into callers. A call's block is split after the call;
//! the callee's blocks are copied in with its arguments for its `Arg`s, its returns jump to
//! the second half, where phis (one per result) replace the call's results.
//!
//! Runs before escape analysis, as gc's: the builder's notes for escape analysis travel
//! with the copied values (`copy_notes`), so the analysis decides the callee's allocations
//! again in each caller (`new(T)` returned by an inlined constructor can live on the
//! caller's stack), and reports them at the call, as gc does.
//!
//! Assumes: built functions, with their escape notes. Guarantees: a call is replaced only by
//! code with the same effects in the same order; every function still passes `check`.

use crate::{HashMap, HashSet};

use petgraph::graph::{DiGraph, NodeIndex};

use super::ir::*;
use crate::types::ty::TypeTable;

/// gc's inlining budget (cmd/compile/internal/inline: inlineMaxBudget).
pub const BUDGET: u32 = 80;
/// What a call costs in a body that is considered for inlining (gc's inlineExtraCallCost).
pub const CALL_COST: u32 = 57;
/// The largest struct or array result (in bytes) a function may have and be inlined.
pub const MAX_INLINED_RESULT: u64 = 128;
/// gc's inlineBigFunctionNodes (5,000 nodes) in SSA values (about 1.6 per node), and its
/// inlineBigFunctionMaxCost.
pub const BIG_FUNCTION_SIZE: usize = 8000;
pub const BIG_FUNCTION_MAX_COST: u32 = 20;
/// What a function literal costs in a body, besides its own body (gc's OCLOSURE case).
pub const CLOSURE_COST: u32 = 15;

/// What inlining decided, for `-gcflags=-m`: (position, message, level) in gc's words;
/// a message of level 2 shows only with `-m=2`. A function's messages are at its `func`.
#[derive(Default)]
pub struct Report {
    pub messages: Vec<(u32, String, u32)>,
    /// The positions of the function literals inlined where they are written
    /// (`func() { ... }()`): no closure is made for them any more, so escape analysis's
    /// `func literal does not escape` for them goes, as in gc (which inlines first).
    pub literals_gone: Vec<u32>,
    /// For `-m=2`'s "can inline f with cost N as: <body>": the position of each such
    /// message → the position of the function's `func` (where the driver finds its source).
    pub funcs_at: HashMap<u32, u32>,
    /// The '(' of every call inlined into the user's code: gc's messages then name the
    /// call's result (`~R0`) where they would show the call (exprfmt::inlined_calls).
    pub inlined_calls: HashSet<u32>,
}

/// Why a function cannot be inlined, or its cost, as gc counts it: the nodes of its body
/// (counted by the builder on the syntax tree, `build::cost`), plus for each call the
/// callee's cost if the callee can be inlined and `CALL_COST` if not, plus for each function
/// literal written in the body `CLOSURE_COST` and the literal's own cost.
/// Also returns the literals the body calls directly that gc judges while it costs the body
/// (with `-m` it stops once over budget; with `-m=2`, `full`, it goes on): gc reports those
/// first.
fn cost(f: &Func, tt: &TypeTable, inlinable: &HashMap<String, Inlinable>, literals: &HashMap<String, Result<u32, &'static str>>, full: bool) -> (Result<u32, &'static str>, Vec<String>) {
    let mut called = vec![];
    if f.wrapper {
        return (Err("wrapper"), called);
    }
    if let Some(why) = f.no_inline {
        return (Err(why), called);
    }
    let Some(nc) = &f.node_cost else {
        return (Err("generated"), called);
    };
    // A struct or array result is copied into an object of the caller's, which escape
    // analysis usually puts in the caller's frame. golift's stacks do not grow as gc's do:
    // a big result copied into every level of a deep recursion would overflow the stack
    // where the call (whose result object is on the heap) does not.
    if f.results.iter().any(|&t| !crate::ssa::build::is_ssa_type(tt, t) && tt.size(t) > MAX_INLINED_RESULT) {
        return (Err("result too large"), called);
    }
    // What each call and literal adds, at its position, with the literal a call calls; in
    // the code that can run (not in the branches a constant condition never takes, which gc
    // removes before it costs the body).
    let mut priced: Vec<(u32, u32, Option<String>)> = vec![];
    for b in f.rpo() {
        for &v in &f.blocks[b as usize].values {
            let x = f.v(v);
            match x.op {
                Op::DeferInit | Op::DeferProc | Op::DeferReturn => return (Err("unhandled op DEFER"), called),
                Op::GetCallerSP => return (Err("call to recover"), called),
                Op::WrapperAdjust => return (Err("wrapper"), called),
                Op::Call => {
                    let Some(&at) = f.lparens.get(&v) else { continue };
                    let price = match &x.aux {
                        Aux::Sym(s) if *s != f.sym => inlinable.get(s).map_or(CALL_COST, |i| i.cost),
                        _ => CALL_COST,
                    };
                    priced.push((at, price, None));
                }
                Op::ClosureCall => {
                    let at = f.lparens.get(&v).copied().unwrap_or(x.pos);
                    match static_callee(f, v).and_then(|(s, lit)| inlinable.get(&s).map(|i| (s, lit, i.cost))) {
                        Some((s, lit, k)) => priced.push((at, k, lit.then_some(s))),
                        None => priced.push((at, CALL_COST, None)),
                    }
                }
                Op::InterCall => {
                    let at = f.esc.iface_calls.get(&v).map_or(x.pos, |c| c.1);
                    priced.push((at, CALL_COST, None));
                }
                Op::FuncAddr => {
                    if let Aux::Sym(s) = &x.aux {
                        if let Some(k) = literals.get(s) {
                            match k {
                                Ok(k) => priced.push((x.pos, CLOSURE_COST + k, None)),
                                Err(e) => return (Err(e), called),
                            }
                        }
                    }
                }
                Op::CallRT if matches!(&x.aux, Aux::Sym(s) if s == "runtime.newproc") => return (Err("unhandled op GO"), called),
                _ => {}
            }
        }
    }
    priced.sort_by_key(|p| p.0);
    let before: HashMap<u32, u32> = nc.calls.iter().copied().collect();
    let mut c = nc.nodes;
    let mut prices = 0;
    for (at, price, lit) in priced {
        if let Some(s) = lit {
            // gc judges a literal when its walk reaches the call, which it does while the
            // cost so far is within the budget.
            if full || before.get(&at).map_or(0, |n| n + prices) <= BUDGET {
                called.push(s);
            }
        }
        prices += price;
    }
    c += prices;
    (Ok(c), called)
}

/// The function a `ClosureCall` calls, when its func value is known here (gc's static
/// value of the callee): a closure of a literal made in this function, or a top-level
/// function used as a value; seen through copies and through variables assigned once
/// (gc does not inline through a variable that is assigned again). Also says whether the
/// code takes the closure (a literal's captured variables).
fn static_callee(f: &Func, call: ValueId) -> Option<(String, bool)> {
    let x = func_value_source(f, call)?;
    if let Some((sym, _)) = f.esc.closures.get(&x) {
        return Some((sym.clone(), true));
    }
    match &f.v(x).aux {
        Aux::Sym(w) => w.strip_suffix("·fv").map(|s| (s.to_string(), false)),
        _ => None,
    }
}

/// Where the func value a `ClosureCall` calls comes from: a closure object made in `f` or a
/// `StaticClosure`, seen through copies and through variables assigned once.
fn func_value_source(f: &Func, call: ValueId) -> Option<ValueId> {
    let mut seen = HashSet::default();
    value_source(f, *f.v(call).args.first()?, &mut seen, 0)?
}

/// The closure object or `StaticClosure` that value `x` is, through copies, variables
/// assigned once, and the phis a loop makes of such a variable (each of whose arguments is
/// that value, or a phi met already). None: not known; Some(None): only phis met already.
fn value_source(f: &Func, mut x: ValueId, seen: &mut HashSet<ValueId>, depth: u32) -> Option<Option<ValueId>> {
    for _ in 0..16 {
        let v = f.v(x);
        if f.esc.closures.contains_key(&x) || v.op == Op::StaticClosure {
            return Some(Some(x));
        }
        if v.op == Op::Phi && depth < 64 {
            if !seen.insert(x) {
                return Some(None);
            }
            let mut found = None;
            for &a in &v.args {
                if let Some(s) = value_source(f, a, seen, depth + 1)? {
                    if found.map_or(false, |p| p != s) {
                        return None;
                    }
                    found = Some(s);
                }
            }
            return Some(found);
        }
        if v.op != Op::Copy || v.args.len() != 1 {
            return None;
        }
        if let Some((_, o)) = f.esc.reads.iter().find(|(r, _)| *r == x) {
            // A read of a variable assigned once is the value assigned (gc's StaticValue).
            let mut ws = f.esc.writes.iter().filter(|(_, w)| w == o);
            match (ws.next(), ws.next()) {
                (Some(&(w, _)), None) => {
                    x = w;
                    continue;
                }
                _ => return None,
            }
        }
        x = v.args[0];
    }
    None
}

/// A body that calls may copy: the function after its own calls were inlined, its cost
/// (before), and the names of the calls inlined into it, in order (gc reports them again at
/// each call site the body is copied to).
pub struct Inlinable {
    body: Func,
    cost: u32,
    nested: Vec<Nested>,
}

/// A call inlined into a body, reported again wherever the body is copied.
#[derive(Clone)]
struct Nested {
    sym: String,
    /// A function literal called where it is written (`func() { ... }()`): gc copies the
    /// literal with the body, under a new name, and inlines the copy.
    literal: bool,
}

/// The function literals of the program, for gc's names of their copies.
struct Literals {
    /// Each function's literals (written directly in it), in source order.
    own: HashMap<String, Vec<String>>,
    /// Each literal's position and cost.
    info: HashMap<String, (u32, Result<u32, &'static str>)>,
}

/// The symbols a function calls directly or uses as func values, and the code of the
/// closures it makes (a literal is judged and has its own calls inlined before the function
/// it is written in).
fn callees(f: &Func) -> Vec<String> {
    let mut out = vec![];
    for b in f.live_blocks() {
        for &v in &b.values {
            let x = f.v(v);
            match (&x.op, &x.aux) {
                (Op::Call | Op::FuncAddr, Aux::Sym(s)) => out.push(s.clone()),
                // A function used as a value may be called through it.
                (Op::StaticClosure, Aux::Sym(w)) => out.extend(w.strip_suffix("·fv").map(String::from)),
                _ => {}
            }
        }
    }
    out
}

/// A message with, for an inlined call of a function literal, the literal's symbol (gc
/// judges a literal when it first meets a call of it).
type Msg = (u32, String, u32, Option<String>);

/// What inlining said of a function literal, held until the declared function it is
/// written in is done: gc reports a literal with that function.
struct Held {
    pos: u32,
    /// "can inline" / "cannot inline", once printed, None.
    judgment: Option<Vec<Msg>>,
    /// The calls inlined into the literal.
    calls: Vec<Msg>,
}

/// Inlines calls of small functions throughout the program. `noinline` holds the positions
/// (of `func`) of the functions marked `//go:noinline`.
/// `full`: cost every function to its end, as gc does with `-m=2` (with `-m` it stops once
/// over budget, which decides which literals it judges while costing).
pub fn inline_program(funcs: &mut [Func], entry_sym: &str, tt: &TypeTable, noinline: &HashSet<u32>, full: bool) -> Report {
    let mut report = Report::default();
    let index: HashMap<String, usize> = funcs.iter().enumerate().map(|(i, f)| (f.sym.clone(), i)).collect();
    // The call graph and its strongly connected components, callees first.
    let mut g: DiGraph<usize, ()> = DiGraph::new();
    let nodes: Vec<NodeIndex> = (0..funcs.len()).map(|i| g.add_node(i)).collect();
    for (i, f) in funcs.iter().enumerate() {
        for c in callees(f) {
            if let Some(&j) = index.get(&c) {
                g.add_edge(nodes[i], nodes[j], ());
            }
        }
    }
    let mut sccs = petgraph::algo::tarjan_scc(&g);
    // As gc: a function that calls itself (directly, or through function literals of its
    // own) is not inlined; functions that call each other in a cycle of several may be
    // (inlining stops where the cycle would repeat). In a cycle, gc judges the functions in
    // the order it met them, callers first, which is usually the order they are written in.
    let mut recursive: HashSet<usize> = HashSet::default();
    for scc in &mut sccs {
        let cycle = scc.len() > 1 || g.contains_edge(scc[0], scc[0]);
        let declared = scc.iter().filter(|n| !funcs[g[**n]].has_ctx).count();
        if cycle && declared <= 1 {
            recursive.extend(scc.iter().map(|n| g[*n]));
        }
        if scc.len() > 1 {
            scc.sort_by_key(|n| funcs[g[*n]].pos);
        }
    }
    // The declared function each literal is written in (through literals in literals).
    let parent: HashMap<String, String> = funcs.iter().filter_map(|f| f.esc.parent.clone().map(|p| (f.sym.clone(), p))).collect();
    let owner = |sym: &str| -> String {
        let mut s = sym.to_string();
        while let Some(p) = parent.get(&s) {
            s = p.clone();
        }
        s
    };
    // Bodies as they are once their own callees are inlined, by symbol. As gc: each
    // function (callees first) is judged on its own body, then the calls in it are inlined.
    let mut inlinable: HashMap<String, Inlinable> = HashMap::default();
    let mut literals: HashMap<String, Result<u32, &'static str>> = HashMap::default();
    let mut held: HashMap<String, Held> = HashMap::default();
    let mut out: Vec<Msg> = vec![];
    let mut lits = Literals { own: HashMap::default(), info: HashMap::default() };
    for f in funcs.iter().filter(|f| f.has_ctx && !f.wrapper) {
        if let Some(p) = &f.esc.parent {
            lits.own.entry(p.clone()).or_default().push(f.sym.clone());
        }
    }
    let pos_of: HashMap<&str, u32> = funcs.iter().map(|f| (f.sym.as_str(), f.pos)).collect();
    for v in lits.own.values_mut() {
        v.sort_by_key(|s| pos_of.get(s.as_str()).copied().unwrap_or(u32::MAX));
    }
    for scc in sccs {
        for n in scc {
            let i = g[n];
            let f = &funcs[i];
            let literal = f.has_ctx && !f.wrapper;
            // gc speaks only of the user's functions (not of generated ones).
            let user = f.sym.starts_with("main.") && !f.wrapper && f.pos != u32::MAX;
            let name = gc_name(&f.sym);
            // A declared function's messages are at its name (5 past `func`, the receiver's
            // `(` for a method), a literal's at its `func`.
            let at = if literal { f.pos } else { f.pos.saturating_add(5) };
            let (judged, called) = cost(f, tt, &inlinable, &literals, full);
            if literal {
                literals.insert(f.sym.clone(), judged);
                lits.info.insert(f.sym.clone(), (f.pos, judged));
            }
            let why = if f.sym == entry_sym {
                Err(String::new())
            } else if noinline.contains(&f.pos) {
                Err("marked go:noinline".to_string())
            } else if recursive.contains(&i) {
                Err("recursive".to_string())
            } else {
                match judged {
                    Ok(c) if c <= BUDGET => Ok(c),
                    Ok(c) => Err(format!("function too complex: cost {} exceeds budget {}", c, BUDGET)),
                    Err(e) => Err(e.to_string()),
                }
            };
            let mut judgment: Vec<Msg> = vec![];
            match &why {
                Ok(c) if user => {
                    report.funcs_at.insert(at, f.pos);
                    judgment.push((at, format!("can inline {}", name), 1, None));
                    judgment.push((at, format!("can inline {} with cost {}", name, c), 2, None));
                }
                Err(e) if user && !e.is_empty() => judgment.push((at, format!("cannot inline {}: {}", name, e), 2, None)),
                _ => {}
            }
            let fpos = f.pos;
            let mut calls: Vec<Msg> = vec![];
            let nested = inline_calls(&mut funcs[i], tt, &inlinable, &lits, &mut calls, &mut report.literals_gone, &mut report.inlined_calls);
            let sym = funcs[i].sym.clone();
            if literal {
                held.insert(sym.clone(), Held { pos: fpos, judgment: Some(judgment), calls });
            } else {
                // gc's order: the literals it calls directly (judged while it costs the
                // body), its own judgment, the calls inlined into it (a literal judged at its
                // first call), then its other literals, each with the calls inlined into it.
                fn judge(held: &mut HashMap<String, Held>, s: &str, out: &mut Vec<Msg>) {
                    if let Some(j) = held.get_mut(s).and_then(|h| h.judgment.take()) {
                        out.extend(j);
                    }
                }
                for s in &called {
                    judge(&mut held, s, &mut out);
                }
                out.extend(judgment);
                for m in calls {
                    if let Some(s) = &m.3 {
                        judge(&mut held, s, &mut out);
                    }
                    out.push(m);
                }
                let mut mine: Vec<(u32, String)> = held.iter().filter(|(s, _)| owner(s) == sym).map(|(s, h)| (h.pos, s.clone())).collect();
                mine.sort();
                for (_, s) in mine {
                    judge(&mut held, &s, &mut out);
                    if let Some(h) = held.remove(&s) {
                        out.extend(h.calls);
                    }
                }
            }
            if let Ok(c) = why {
                let mut body = funcs[i].clone();
                body.cache = None;
                inlinable.insert(body.sym.clone(), Inlinable { body, cost: c, nested });
            }
        }
    }
    report.messages = out.into_iter().map(|(p, t, l, _)| (p, t, l)).collect();
    report
}

/// `main.(*T).M` → `(*T).M`, `main.f` → `f`: how gc names a function in -m messages.
fn gc_name(sym: &str) -> String {
    if let Some(rest) = sym.strip_prefix("main.") {
        return rest.to_string();
    }
    // A package is named by its name, the last element of its path (utf8.RuneLen).
    let pkg_end = sym.find('.').unwrap_or(sym.len());
    match sym[..pkg_end].rfind('/') {
        Some(slash) => sym[slash + 1..].to_string(),
        None => sym.to_string(),
    }
}

/// Replaces every call in `f` of a function in `inlinable` (and every call of a function
/// literal made in `f` whose body is there) by a copy of its body; returns the calls
/// inlined (those inside the copied bodies included).
///
/// As gc, a literal in a body copied by inlining is a new function literal of `f`, named
/// after `f`'s own (`main.func6` when `main` has five): a call of it is reported by that
/// name, where it is judged and inlined. golift does not copy the literal's code (the copy
/// would be the same); the name is what the messages show.
fn inline_calls(f: &mut Func, tt: &TypeTable, inlinable: &HashMap<String, Inlinable>, lits: &Literals, report: &mut Vec<Msg>, gone: &mut Vec<u32>, inlined_calls: &mut HashSet<u32>) -> Vec<Nested> {
    let mut changed = false;
    let mut names = vec![];
    // gc's big-function rule: into a function of more than 5,000 nodes only callees of cost
    // at most 20 are inlined (its size would grow too much). golift's units: about 1.6 SSA
    // values per gc node.
    let size = f.live_blocks().map(|b| b.values.len()).sum::<usize>();
    let max_cost = if size > BIG_FUNCTION_SIZE { BIG_FUNCTION_MAX_COST } else { u32::MAX };
    // For the calls copied in by inlining: the functions inlined on the way to them.
    let mut chains: HashMap<ValueId, Vec<String>> = HashMap::default();
    // The copies of literals made so far (numbered after f's own literals), and the name of
    // the copy each closure made by a copied body is.
    let mut copies = lits.own.get(&f.sym).map_or(0, |v| v.len());
    let mut copy_of: HashMap<ValueId, String> = HashMap::default();
    let mut judged: HashSet<String> = HashSet::default();
    // (The entry runs the package variables' initialisers: gc reports the calls inlined
    // into the user's; the driver leaves out those of the shipped packages.)
    let reporting = (f.sym.starts_with("main.") || f.sym == "go.entry") && !f.wrapper;
    loop {
        // One call at a time (splitting a block changes the lists being walked), in gc's
        // order: by where the call ends, so that the calls in a call's arguments come first.
        let target = |f: &Func, v: ValueId| -> Option<String> {
            let x = f.v(v);
            let sym = match (&x.op, &x.aux) {
                (Op::Call, Aux::Sym(s)) => s.clone(),
                (Op::ClosureCall, _) => static_callee(f, v)?.0,
                _ => return None,
            };
            let repeats = chains.get(&v).map_or(false, |c| c.contains(&sym));
            (inlinable.get(&sym).map_or(false, |i| i.cost <= max_cost) && sym != f.sym && !repeats).then_some(sym)
        };
        // The entry's own calls of main and the init functions are not the user's code
        // (gc never inlines them); the initialisers' calls come from source, with a '('.
        let entry = f.sym == "go.entry";
        let site = f
            .live_blocks()
            .flat_map(|b| b.values.iter().enumerate().map(move |(k, &v)| (b.id, k, v)))
            .filter(|&(_, _, v)| target(f, v).is_some() && (!entry || f.lparens.contains_key(&v) || f.inlined_at.contains_key(&v)))
            .min_by_key(|&(_, _, v)| (f.call_ends.get(&v).or_else(|| f.lparens.get(&v)).copied().unwrap_or(f.v(v).pos), v))
            .map(|(b, k, _)| (b, k));
        let Some((b, k)) = site else { break };
        let call = f.blocks[b as usize].values[k];
        let Some(sym) = target(f, call) else { break };
        let callee = &inlinable[&sym];
        let by_value = f.v(call).op == Op::ClosureCall;
        let literal = by_value && callee.body.has_ctx;
        // A closure made by a body copied here is a copy of its literal.
        let copy = if literal { func_value_source(f, call).and_then(|o| copy_of.get(&o).cloned()) } else { None };
        let direct = by_value && literal && {
            // `func() { ... }()`: the func value called is the literal itself (not a read
            // of a variable holding it).
            let fv = f.v(call).args[0];
            !f.esc.reads.iter().any(|(v, _)| *v == fv) && matches!(f.v(fv).args.first(), Some(o) if f.esc.closures.contains_key(o))
        };
        // What is inlined here: the callee, then what was inlined into it. Each body copied
        // brings copies of its literals, named as they are made.
        let mut entries = vec![Nested { sym: sym.clone(), literal: false }];
        entries.extend(callee.nested.iter().cloned());
        let at = f.inlined_at.get(&call).or_else(|| f.lparens.get(&call)).copied().unwrap_or(f.v(call).pos);
        let mut copy_names: HashMap<String, String> = HashMap::default();
        for (j, e) in entries.iter().enumerate() {
            // The literal this call runs a copy of, and the copy's name.
            let copied = match (j, &copy) {
                (0, Some(c)) => Some((c.clone(), sym.clone())),
                (0, None) => None,
                _ if e.literal => copy_names.get(&e.sym).map(|c| (c.clone(), e.sym.clone())),
                _ => None,
            };
            if reporting {
                if let Some((c, l)) = &copied {
                    // gc judges the copy at its first call.
                    if let (true, Some((pos, Ok(k)))) = (judged.insert(c.clone()), lits.info.get(l)) {
                        report.push((*pos, format!("can inline {}", gc_name(c)), 1, None));
                        report.push((*pos, format!("can inline {} with cost {}", gc_name(c), k), 2, None));
                    }
                }
                // At the call's '(', or for a call inside a body inlined here, at that body's
                // call (gc reports inlined code at the outermost call).
                inlined_calls.insert(at);
                let shown = copied.as_ref().map_or(e.sym.as_str(), |c| c.0.as_str());
                let lit = (j == 0 && literal && copy.is_none()).then(|| sym.clone());
                report.push((at, format!("inlining call to {}", gc_name(shown)), 1, lit));
            }
            if j > 0 && e.literal {
                // The copy of a literal called where it is written was inlined with the body
                // that calls it: no closure is made for it, and no message given.
                gone.push(at);
            }
            for l in lits.own.get(&e.sym).into_iter().flatten() {
                copies += 1;
                let name = if f.has_ctx { format!("{}.{}", f.sym, copies) } else { format!("{}.func{}", f.sym, copies) };
                copy_names.insert(l.clone(), name);
            }
        }
        if direct && !f.inlined_at.contains_key(&call) {
            let fv = f.v(call).args[0];
            if let Some(n) = f.v(fv).args.first().and_then(|o| f.esc.allocs.get(o)) {
                gone.push(n.pos);
            }
        }
        // What f's callers copy with f: its calls (a literal only where it is called as it
        // is written: gc does not find the literal again through a variable of the copy).
        if !literal || (direct && copy.is_none()) {
            names.push(Nested { sym: sym.clone(), literal });
            names.extend(callee.nested.iter().cloned());
        }
        // The calls the copy brings in were reached through this call: inlining stops where a
        // cycle of functions that call each other would repeat (gc's "repeated recursive
        // cycle").
        let first_new = f.values.len();
        let mut chain = chains.get(&call).cloned().unwrap_or_default();
        chain.push(sym.clone());
        splice(f, tt, b, k, &callee.body);
        for v in first_new..f.values.len() {
            let v = v as ValueId;
            if matches!(f.v(v).op, Op::Call | Op::ClosureCall) {
                chains.insert(v, chain.clone());
            }
            if let Some(name) = f.esc.closures.get(&v).and_then(|(l, _)| copy_names.get(l)) {
                copy_of.insert(v, name.clone());
            }
        }
        changed = true;
    }
    if changed {
        f.cfg_changed();
    }
    names
}

/// Copies `callee`'s body in place of the call at index `k` of block `b`.
fn splice(f: &mut Func, tt: &TypeTable, b: BlockId, k: usize, callee: &Func) {
    let call = f.blocks[b as usize].values[k];
    let call_pos = f.v(call).pos;
    // Where gc reports the copied code: the outermost call it was inlined at.
    let at = f.inlined_at.get(&call).or_else(|| f.lparens.get(&call)).copied().unwrap_or(call_pos);
    // gc reports the copied code's allocations after the call's arguments': in the order of
    // the outermost call's end.
    let end = f.inlined_end.get(&call).or_else(|| f.call_ends.get(&call)).copied().unwrap_or(at);
    let depth = f.esc.call_depth.get(&call).copied().unwrap_or(0);
    // A literal's captured variables: the words of the closure it is called through.
    let words: Option<Vec<ValueId>> = if f.v(call).op == Op::ClosureCall && callee.has_ctx { func_value_source(f, call).and_then(|o| f.esc.closures.get(&o)).map(|c| c.1.clone()) } else { None };
    // A literal's call passes the func value first: the closure object the body's
    // `ClosurePtr` reads its captured variables from.
    // (A top-level function called through its func value takes no closure.)
    let mut args = f.v(call).args.clone();
    let ctx = if f.v(call).op == Op::ClosureCall { Some(args.remove(0)).filter(|_| callee.has_ctx) } else { None };
    // The block's second half: the values after the call, its kind and its successors.
    let after = f.new_block(call_pos);
    let tail: Vec<ValueId> = f.blocks[b as usize].values.split_off(k + 1);
    f.blocks[b as usize].values.pop(); // the call itself
    for &v in &tail {
        f.values[v as usize].block = after;
    }
    f.blocks[after as usize].values = tail;
    let kind = std::mem::replace(&mut f.blocks[b as usize].kind, BlockKind::Plain);
    f.blocks[after as usize].kind = kind;
    f.blocks[after as usize].cond_pos = f.blocks[b as usize].cond_pos;
    let succs = std::mem::take(&mut f.blocks[b as usize].succs);
    for &s in &succs {
        for p in f.blocks[s as usize].preds.iter_mut() {
            if *p == b {
                *p = after;
            }
        }
    }
    f.blocks[after as usize].succs = succs;
    // The callee's blocks and values, renumbered.
    let mut bmap: HashMap<BlockId, BlockId> = HashMap::default();
    for cb in callee.live_blocks() {
        let nb = f.new_block(cb.pos);
        bmap.insert(cb.id, nb);
    }
    let mut vmap: HashMap<ValueId, ValueId> = HashMap::default();
    for cb in callee.live_blocks() {
        for &v in &cb.values {
            let x = callee.v(v);
            if x.op == Op::Arg {
                let Aux::Int(i) = x.aux else { continue };
                vmap.insert(v, args[i as usize]);
                continue;
            }
            let op = if x.op == Op::ClosurePtr && ctx.is_some() { Op::Copy } else { x.op };
            let nv = f.add_detached(bmap[&cb.id], op, x.ty, vec![], x.aux.clone(), x.pos);
            f.values[nv as usize].rule = x.rule;
            if let Some(&lp) = callee.lparens.get(&v) {
                f.lparens.insert(nv, lp);
            }
            if let Some(&end) = callee.call_ends.get(&v) {
                f.call_ends.insert(nv, end);
            }
            f.inlined_at.insert(nv, at);
            f.inlined_end.insert(nv, end);
            vmap.insert(v, nv);
        }
    }
    f.bounded_index.extend(callee.bounded_index.iter().map(|_| at));
    for cb in callee.live_blocks() {
        let nb = bmap[&cb.id];
        for &v in &cb.values {
            let x = callee.v(v);
            if x.op == Op::Arg {
                continue;
            }
            let nv = vmap[&v];
            f.values[nv as usize].args = match (x.op, ctx) {
                // The closure pointer becomes a copy of the func value called.
                (Op::ClosurePtr, Some(c)) => vec![c],
                _ => x.args.iter().map(|a| vmap[a]).collect(),
            };
            f.blocks[nb as usize].values.push(nv);
        }
        f.blocks[nb as usize].succs = cb.succs.iter().map(|s| bmap[s]).collect();
        f.blocks[nb as usize].preds = cb.preds.iter().map(|p| bmap[p]).collect();
    }
    // The call's block goes on into the callee's entry.
    let centry = bmap[&callee.entry];
    f.blocks[b as usize].succs = vec![centry];
    f.blocks[centry as usize].preds.push(b);
    // Returns jump to the second half, whose phis are the results.
    let mut rets: Vec<(BlockId, Vec<ValueId>)> = vec![];
    for cb in callee.live_blocks() {
        let nb = bmap[&cb.id];
        match &cb.kind {
            BlockKind::Ret(vs) => {
                let mut vals: Vec<ValueId> = vs.iter().map(|v| vmap[v]).collect();
                // A struct or array result is the address of the callee's object (a local,
                // a global, an argument): the caller gets a copy of its own, as a call's
                // result is.
                for (r, val) in vals.iter_mut().enumerate() {
                    let t = callee.results[r];
                    if crate::ssa::build::is_ssa_type(tt, t) {
                        continue;
                    }
                    let size = tt.size(t).max(1) as i64;
                    let pt = f.v(*val).ty;
                    let n = f.add_detached(nb, Op::New, pt, vec![], Aux::Int(size), call_pos);
                    let m = f.add_detached(nb, Op::Move, t, vec![n, *val], Aux::Int(tt.size(t) as i64), call_pos);
                    f.blocks[nb as usize].values.extend([n, m]);
                    if depth > 0 {
                        f.esc.new_depth.insert(n, depth);
                    }
                    *val = n;
                }
                rets.push((nb, vals));
                f.blocks[nb as usize].kind = BlockKind::Plain;
                f.blocks[nb as usize].succs = vec![after];
                f.blocks[after as usize].preds.push(nb);
            }
            BlockKind::If(c) => {
                f.blocks[nb as usize].kind = BlockKind::If(vmap[c]);
                f.blocks[nb as usize].cond_pos = at;
            }
            k => f.blocks[nb as usize].kind = k.clone(),
        }
    }
    let nres = callee.results.len();
    let mut results: Vec<ValueId> = vec![];
    for r in 0..nres {
        let ty = callee.results[r];
        let vals: Vec<ValueId> = rets.iter().map(|(_, vs)| vs[r]).collect();
        let v = if vals.is_empty() {
            // The callee never returns: its result is never used.
            let z = f.add_detached(after, Op::Const, ty, vec![], Aux::Int(0), call_pos);
            f.blocks[after as usize].values.insert(0, z);
            z
        } else if vals.iter().all(|v| *v == vals[0]) {
            vals[0]
        } else {
            let phi = f.add_detached(after, Op::Phi, ty, vals, Aux::None, call_pos);
            f.blocks[after as usize].values.insert(0, phi);
            phi
        };
        results.push(v);
    }
    // Uses of the call: its one result, or Selects of its tuple.
    if nres == 1 {
        f.replace_uses(call, results[0]);
        f.esc.replace_value(call, results[0]);
    } else if nres > 1 {
        let selects: Vec<ValueId> = f.values.iter().filter(|x| x.op == Op::Select && x.args.first() == Some(&call) && !f.dead_values[x.id as usize]).map(|x| x.id).collect();
        let mut map = HashMap::default();
        for s in selects {
            let Aux::Int(i) = f.v(s).aux else { continue };
            map.insert(s, results[i as usize]);
        }
        f.replace_all_uses(&map);
        for (&old, &new) in &map {
            f.esc.replace_value(old, new);
        }
        let dead: Vec<ValueId> = map.keys().copied().collect();
        f.remove_values(dead);
    }
    f.dead_values[call as usize] = true;
    // The literal's loads of its captured variables' addresses read the closure's words,
    // which never change: the addresses themselves replace them (escape analysis then sees
    // the variables used directly, as gc's inlined closure does).
    if let Some(words) = &words {
        for &(load, i) in &callee.esc.captured {
            if let (Some(&nl), Some(&w)) = (vmap.get(&load), words.get(i)) {
                f.replace_uses(nl, w);
            }
        }
    }
    copy_notes(f, callee, &vmap, &bmap, at, end, depth);
}

/// Escape analysis runs after inlining (as gc's): the builder's notes on the callee's values
/// are copied along with them, for the copies. The callee's variables become variables of
/// their own in the caller (an object number per copy), its allocation sites are reported
/// at the call (gc reports inlined code at the outermost call), and loop depths grow by the
/// call's.
fn copy_notes(f: &mut Func, callee: &Func, vmap: &HashMap<ValueId, ValueId>, bmap: &HashMap<BlockId, BlockId>, at: u32, end: u32, depth: u32) {
    use crate::ssa::escape::notes::{AllocKind, AllocNote};
    let ce = &callee.esc;
    let mut objs: HashMap<crate::types::check::ObjId, crate::types::check::ObjId> = HashMap::default();
    let mut next = f.esc.next_copy_obj.unwrap_or(u32::MAX - 1);
    let mut obj = |o: crate::types::check::ObjId| -> crate::types::check::ObjId {
        *objs.entry(o).or_insert_with(|| {
            let n = next;
            next -= 1;
            n
        })
    };
    let val = |v: &ValueId| vmap.get(v).copied();
    // gc names a type of the callee's package with the package's name once it is inlined
    // into another package (`&errors.errorString{...}`); the builder's `outside` text,
    // where there is one, says all of how gc spells it there.
    let pkg = |sym: &str| -> String {
        let rest = sym.rsplit_once('/').map_or(sym, |(_, r)| r);
        rest.split('.').next().unwrap_or("").to_string()
    };
    let (cp, fp) = (pkg(&callee.sym), pkg(&f.sym));
    let crossing = !(cp == fp || cp.is_empty() || f.sym == "go.entry" && cp == "main");
    let qualify = |text: &str| -> String {
        if !crossing {
            return text.to_string();
        }
        let (amp, rest) = text.strip_prefix('&').map_or(("", text), |r| ("&", r));
        let name_len = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        if name_len > 0 && rest[name_len..].starts_with('{') && rest.starts_with(|c: char| c.is_alphabetic()) {
            format!("{}{}.{}", amp, cp, rest)
        } else {
            text.to_string()
        }
    };
    let mut allocs = vec![];
    for (v, n) in &ce.allocs {
        let Some(nv) = val(v) else { continue };
        let mut n = n.clone();
        if n.kind == AllocKind::Expr || n.kind == AllocKind::ReportOnly {
            n.text = match (&n.outside, crossing) {
                (Some(o), true) => o.clone(),
                _ => qualify(&n.text),
            };
        }
        if n.pos != u32::MAX {
            n.pos = at;
            n.order = end;
        }
        n.depth += depth;
        if let AllocKind::Var(o) = n.kind {
            n.kind = AllocKind::Var(obj(o));
        }
        allocs.push((nv, n));
    }
    // A parameter passed in memory is the caller's copy of the argument: once the body is
    // copied in, that copy is the parameter's variable, which gc reports as such
    // (`moved to heap: it` at the call).
    for cb in callee.live_blocks() {
        for &v in &cb.values {
            let x = callee.v(v);
            let (Op::Arg, Aux::Int(i)) = (&x.op, &x.aux) else { continue };
            let Some(p) = ce.params.get(*i as usize).filter(|p| !p.name.is_empty()) else { continue };
            let Some(&nv) = vmap.get(&v) else { continue };
            if f.v(nv).op != Op::New || f.esc.allocs.contains_key(&nv) || allocs.iter().any(|(a, _)| *a == nv) {
                continue;
            }
            let o = obj(p.obj.unwrap_or(u32::MAX - 2));
            allocs.push((nv, AllocNote { kind: AllocKind::Var(o), text: p.name.clone(), pos: at, depth, heap_reason: None, const_bytes: None, by_value_capture: false, after: None, order: end, written_at: u32::MAX, outside: None }));
        }
    }
    let mut vars = vec![];
    for (o, n) in &ce.vars {
        let mut n = n.clone();
        n.pos = at;
        n.depth += depth;
        vars.push((obj(*o), n));
    }
    let writes: Vec<_> = ce.writes.iter().filter_map(|(v, o)| Some((val(v)?, obj(*o)))).collect();
    let reads: Vec<_> = ce.reads.iter().filter_map(|(v, o)| Some((val(v)?, obj(*o)))).collect();
    let laundered: Vec<_> = ce.laundered.iter().filter_map(val).collect();
    let fe = &mut f.esc;
    fe.allocs.extend(allocs);
    fe.vars.extend(vars);
    fe.writes.extend(writes);
    fe.reads.extend(reads);
    fe.laundered.extend(laundered);
    for (o, (sym, words)) in &ce.closures {
        if let Some(no) = val(o) {
            fe.closures.insert(no, (sym.clone(), words.iter().filter_map(|w| val(w)).collect()));
        }
    }
    for (o, (sym, recv)) in &ce.method_values {
        if let (Some(no), Some(nr)) = (val(o), val(recv)) {
            fe.method_values.insert(no, (sym.clone(), nr));
        }
    }
    for (v, x) in callee.values.iter().enumerate() {
        if x.op == Op::New {
            if let Some(nv) = val(&(v as ValueId)) {
                let d = ce.new_depth.get(&(v as ValueId)).copied().unwrap_or(0) + depth;
                if d > 0 {
                    fe.new_depth.insert(nv, d);
                }
            }
        }
    }
    for (c, d) in &ce.call_depth {
        if let Some(nc) = val(c) {
            fe.call_depth.insert(nc, d + depth);
        }
    }
    fe.ignored.extend(ce.ignored.iter().filter_map(|v| val(v)));
    fe.pointer_free.extend(ce.pointer_free.iter().filter_map(|v| val(v)));
    fe.extra_flows.extend(ce.extra_flows.iter().filter_map(|(d, s, k)| Some((val(d)?, val(s)?, *k))));
    fe.dead_branches.extend(ce.dead_branches.iter().filter_map(|b| bmap.get(b).copied()));
    for (c, (text, _)) in &ce.iface_calls {
        if let Some(nc) = val(c) {
            fe.iface_calls.insert(nc, (text.clone(), at));
        }
    }
    // "f ignoring self-assignment in ..." is said again of the caller, at the call.
    let (from, to) = (gc_name(&callee.sym), gc_name(&f.sym));
    for (_, text) in &ce.remarks {
        let t = text.strip_prefix(&format!("{} ", from)).map(|r| format!("{} {}", to, r)).unwrap_or_else(|| text.clone());
        fe.remarks.push((at, t));
    }
    fe.next_copy_obj = Some(next);
}
