//! The call graph of the program's functions and its strongly connected components, in the
//! order escape analysis solves them: callees before callers (petgraph's Tarjan gives the
//! components in reverse topological order). An edge goes from a function to every function
//! it calls, defers, or takes as a func value or method value; a function literal and the
//! function it is written in are joined both ways, so that they are solved together.

use crate::HashMap;

use petgraph::algo::tarjan_scc;
use petgraph::graph::DiGraph;

use crate::ssa::ir::*;

/// The functions in batches, callees before callers; a function literal is in the batch of
/// the function it is written in.
pub(super) fn components(funcs: &[Func], by_sym: &HashMap<String, usize>) -> Vec<Vec<usize>> {
    let mut g: DiGraph<usize, ()> = DiGraph::new();
    let nodes: Vec<_> = (0..funcs.len()).map(|i| g.add_node(i)).collect();
    for (i, f) in funcs.iter().enumerate() {
        for b in f.live_blocks() {
            for &v in &b.values {
                let x = f.v(v);
                // Calls, and func values of functions (which calls through them may use).
                if let (Op::Call | Op::StaticClosure, Aux::Sym(s)) = (x.op, &x.aux) {
                    if let Some(&j) = by_sym.get(s) {
                        g.add_edge(nodes[i], nodes[j], ());
                    }
                }
            }
        }
        for (c, _) in f.esc.defer_calls.values() {
            if let super::notes::DeferCallee::Static(s) = c {
                if let Some(&j) = by_sym.get(s) {
                    g.add_edge(nodes[i], nodes[j], ());
                }
            }
        }
        for (m, _) in f.esc.method_values.values() {
            if let Some(&j) = by_sym.get(m) {
                g.add_edge(nodes[i], nodes[j], ());
            }
        }
        if let Some(p) = f.esc.parent.as_ref().and_then(|p| by_sym.get(p)) {
            g.add_edge(nodes[i], nodes[*p], ());
            g.add_edge(nodes[*p], nodes[i], ());
        }
    }
    tarjan_scc(&g)
        .into_iter()
        .map(|c| {
            let mut c: Vec<usize> = c.into_iter().map(|n| g[n]).collect();
            c.sort();
            c
        })
        .collect()
}

