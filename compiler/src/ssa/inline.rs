//! Inlining (gc's `inline` package, done on SSA): a call of a small function is replaced by
//! a copy of the function's body, so that the call's cost goes and the passes that follow
//! (`opt`, `cse`, `prove`) see caller and callee as one piece of code.
//!
//! Which functions: as gc, those whose body costs at most `BUDGET` (80), counting one per
//! SSA value that does work and `CALL_COST` (57) per call the body makes; not recursive
//! ones (a function in a cycle of the call graph), not those marked `//go:noinline`, and
//! not those whose bodies need a frame of their own: `defer` and `recover` (the frame is what
//! they act on), closures' bodies (their hidden context), generated wrappers. `-l` turns
//! inlining off, as in gc.
//!
//! How: functions are processed callees first (petgraph's strongly connected components of
//! the call graph, in reverse topological order), so a function's body has its own callees
//! inlined before it is itself copied into callers. A call's block is split after the call;
//! the callee's blocks are copied in with its arguments for its `Arg`s, its returns jump to
//! the second half, where phis (one per result) replace the call's results.
//!
//! Runs after escape analysis: the callee's allocations keep the decision made for the
//! callee (an object that does not escape the callee does not escape its caller), and its
//! stack slots become slots of the caller's frame.
//!
//! Assumes: built functions; escape analysis done. Guarantees: a call is replaced only by
//! code with the same effects in the same order; every function still passes `check`.

use std::collections::{HashMap, HashSet};

use petgraph::graph::{DiGraph, NodeIndex};

use super::ir::*;
use crate::types::ty::TypeTable;

/// gc's inlining budget (cmd/compile/internal/inline: inlineMaxBudget).
pub const BUDGET: u32 = 80;
/// What a call costs in a body that is considered for inlining (gc's inlineExtraCallCost).
pub const CALL_COST: u32 = 57;

/// What inlining decided, for `-gcflags=-m`: (position, message, level) in gc's words;
/// a message of level 2 shows only with `-m=2`. A function's messages are at its `func`.
#[derive(Default)]
pub struct Report {
    pub messages: Vec<(u32, String, u32)>,
}

/// Why a function cannot be inlined, or its cost. A call of a function that can be inlined
/// costs that function's cost (gc charges the body it would copy), others `CALL_COST`.
fn cost(f: &Func, tt: &TypeTable, inlinable: &HashMap<String, Inlinable>) -> Result<u32, &'static str> {
    if f.has_ctx {
        return Err("closure");
    }
    if f.wrapper {
        return Err("wrapper");
    }
    if let Some(why) = f.no_inline {
        return Err(why);
    }
    // A result that lives in memory is returned as the address of the callee's object; the
    // caller may treat that address as a fresh temporary, which the callee's object (a
    // global, an argument) need not be.
    if f.results.iter().any(|&t| !crate::ssa::build::is_ssa_type(tt, t)) {
        return Err("result in memory");
    }
    let mut c = 0u32;
    for b in f.live_blocks() {
        for &v in &b.values {
            let x = f.v(v);
            match x.op {
                Op::DeferInit | Op::DeferProc | Op::DeferReturn => return Err("unhandled op DEFER"),
                Op::GetCallerSP => return Err("call to recover"),
                Op::WrapperAdjust | Op::ClosurePtr => return Err("wrapper"),
                Op::Arg | Op::Phi | Op::Copy | Op::StackCheck => {}
                Op::Call => {
                    c += match &x.aux {
                        Aux::Sym(s) if *s != f.sym => inlinable.get(s).map_or(CALL_COST, |i| i.cost),
                        _ => CALL_COST,
                    }
                }
                Op::ClosureCall | Op::InterCall => c += CALL_COST,
                Op::CallRT if matches!(&x.aux, Aux::Sym(s) if s == "runtime.newproc") => return Err("unhandled op GO"),
                Op::CallRT if matches!(&x.aux, Aux::Sym(s) if s.starts_with("runtime.select")) => return Err("unhandled op SELECT"),
                _ => c += 1,
            }
        }
    }
    Ok(c)
}

/// A body that calls may copy: the function after its own calls were inlined, its cost
/// (before), and the names of the calls inlined into it, in order (gc reports them again at
/// each call site the body is copied to).
pub struct Inlinable {
    body: Func,
    cost: u32,
    nested: Vec<String>,
}

/// The symbols a function calls directly.
fn callees(f: &Func) -> Vec<String> {
    let mut out = vec![];
    for b in f.live_blocks() {
        for &v in &b.values {
            let x = f.v(v);
            if x.op == Op::Call {
                if let Aux::Sym(s) = &x.aux {
                    out.push(s.clone());
                }
            }
        }
    }
    out
}

/// Inlines calls of small functions throughout the program. `noinline` holds the positions
/// (of `func`) of the functions marked `//go:noinline`.
pub fn inline_program(prog: &mut Program, tt: &TypeTable, noinline: &HashSet<u32>) -> Report {
    let mut report = Report::default();
    let index: HashMap<String, usize> = prog.funcs.iter().enumerate().map(|(i, f)| (f.sym.clone(), i)).collect();
    // The call graph and its strongly connected components, callees first.
    let mut g: DiGraph<usize, ()> = DiGraph::new();
    let nodes: Vec<NodeIndex> = (0..prog.funcs.len()).map(|i| g.add_node(i)).collect();
    for (i, f) in prog.funcs.iter().enumerate() {
        for c in callees(f) {
            if let Some(&j) = index.get(&c) {
                g.add_edge(nodes[i], nodes[j], ());
            }
        }
    }
    let sccs = petgraph::algo::tarjan_scc(&g);
    let mut recursive: HashSet<usize> = HashSet::new();
    for scc in &sccs {
        if scc.len() > 1 {
            recursive.extend(scc.iter().map(|n| g[*n]));
        } else if g.contains_edge(scc[0], scc[0]) {
            recursive.insert(g[scc[0]]);
        }
    }
    // Bodies as they are once their own callees are inlined, by symbol. As gc: each
    // function (callees first) is judged on its own body, then the calls in it are inlined.
    let mut inlinable: HashMap<String, Inlinable> = HashMap::new();
    for scc in sccs {
        for n in scc {
            let i = g[n];
            let f = &prog.funcs[i];
            // gc speaks only of the user's declared functions (not literals or wrappers).
            let user = f.sym.starts_with("main.") && !f.has_ctx && !f.wrapper;
            let name = gc_name(&f.sym);
            let why = if f.sym == prog.entry_sym {
                Err(String::new())
            } else if noinline.contains(&f.pos) {
                Err("marked go:noinline".to_string())
            } else if recursive.contains(&i) {
                Err("recursive".to_string())
            } else {
                match cost(f, tt, &inlinable) {
                    Ok(c) if c <= BUDGET => Ok(c),
                    Ok(c) => Err(format!("function too complex: cost {} exceeds budget {}", c, BUDGET)),
                    Err(e) => Err(e.to_string()),
                }
            };
            match &why {
                Ok(c) if user => {
                    report.messages.push((f.pos, format!("can inline {}", name), 1));
                    report.messages.push((f.pos, format!("can inline {} with cost {}", name, c), 2));
                }
                Err(e) if user && !e.is_empty() => report.messages.push((f.pos, format!("cannot inline {}: {}", name, e), 2)),
                _ => {}
            }
            let nested = inline_calls(&mut prog.funcs[i], &inlinable, &mut report);
            if let Ok(c) = why {
                let mut body = prog.funcs[i].clone();
                body.cache = None;
                inlinable.insert(body.sym.clone(), Inlinable { body, cost: c, nested });
            }
        }
    }
    report
}

/// `main.(*T).M` → `(*T).M`, `main.f` → `f`: how gc names a function in -m messages.
fn gc_name(sym: &str) -> String {
    sym.strip_prefix("main.").unwrap_or(sym).to_string()
}

/// Replaces every call in `f` of a function in `inlinable` by a copy of its body; returns
/// the names of the calls inlined (those inside the copied bodies included).
fn inline_calls(f: &mut Func, inlinable: &HashMap<String, Inlinable>, report: &mut Report) -> Vec<String> {
    let mut changed = false;
    let mut names = vec![];
    loop {
        // One call at a time (splitting a block changes the lists being walked), in source
        // order (gc's).
        let site = f
            .live_blocks()
            .flat_map(|b| b.values.iter().enumerate().map(move |(k, &v)| (b.id, k, v)))
            .filter(|&(_, _, v)| {
                let x = f.v(v);
                x.op == Op::Call && matches!(&x.aux, Aux::Sym(s) if inlinable.contains_key(s) && *s != f.sym)
            })
            .min_by_key(|&(_, _, v)| (f.lparens.get(&v).copied().unwrap_or(f.v(v).pos), v))
            .map(|(b, k, _)| (b, k));
        let Some((b, k)) = site else { break };
        let call = f.blocks[b as usize].values[k];
        let Aux::Sym(sym) = f.v(call).aux.clone() else { break };
        let callee = &inlinable[&sym];
        let mut here = vec![gc_name(&sym)];
        here.extend(callee.nested.iter().cloned());
        if f.sym.starts_with("main.") && !f.wrapper {
            let at = f.lparens.get(&call).copied().unwrap_or(f.v(call).pos);
            for n in &here {
                report.messages.push((at, format!("inlining call to {}", n), 1));
            }
        }
        names.extend(here);
        splice(f, b, k, &callee.body);
        changed = true;
    }
    if changed {
        f.cfg_changed();
    }
    names
}

/// Copies `callee`'s body in place of the call at index `k` of block `b`.
fn splice(f: &mut Func, b: BlockId, k: usize, callee: &Func) {
    let call = f.blocks[b as usize].values[k];
    let call_pos = f.v(call).pos;
    let at = f.lparens.get(&call).copied().unwrap_or(call_pos);
    let args = f.v(call).args.clone();
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
    let mut bmap: HashMap<BlockId, BlockId> = HashMap::new();
    for cb in callee.live_blocks() {
        let nb = f.new_block(cb.pos);
        bmap.insert(cb.id, nb);
    }
    let mut vmap: HashMap<ValueId, ValueId> = HashMap::new();
    for cb in callee.live_blocks() {
        for &v in &cb.values {
            let x = callee.v(v);
            if x.op == Op::Arg {
                let Aux::Int(i) = x.aux else { continue };
                vmap.insert(v, args[i as usize]);
                continue;
            }
            let nv = f.add_detached(bmap[&cb.id], x.op, x.ty, vec![], x.aux.clone(), x.pos);
            f.values[nv as usize].rule = x.rule;
            if let Some(&lp) = callee.lparens.get(&v) {
                f.lparens.insert(nv, lp);
            }
            f.inlined_at.insert(nv, at);
            vmap.insert(v, nv);
        }
    }
    for cb in callee.live_blocks() {
        let nb = bmap[&cb.id];
        for &v in &cb.values {
            let x = callee.v(v);
            if x.op == Op::Arg {
                continue;
            }
            let nv = vmap[&v];
            f.values[nv as usize].args = x.args.iter().map(|a| vmap[a]).collect();
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
                rets.push((nb, vs.iter().map(|v| vmap[v]).collect()));
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
    } else if nres > 1 {
        let selects: Vec<ValueId> = f.values.iter().filter(|x| x.op == Op::Select && x.args.first() == Some(&call) && !f.dead_values[x.id as usize]).map(|x| x.id).collect();
        let mut map = HashMap::new();
        for s in selects {
            let Aux::Int(i) = f.v(s).aux else { continue };
            map.insert(s, results[i as usize]);
        }
        f.replace_all_uses(&map);
        let dead: Vec<ValueId> = map.keys().copied().collect();
        f.remove_values(dead);
    }
    f.dead_values[call as usize] = true;
}
