//! `phielim`: removes redundant phis. Assumes a checked function. Guarantees:
//!
//! - no phi whose arguments are all one value or the phi itself remains (a trivial phi);
//! - no group of phis that only refer to each other and to one value from outside remains
//!   (the loop-carried copies of a value that does not change in the loop: `n` in
//!   `for i := 0; i <= n; i++ { ... continue ... }`, which SSA construction leaves as a
//!   cycle of phis). These groups are the strongly connected components of the graph of
//!   phis and their phi arguments (Braun et al. 2013, "Simple and Efficient Construction of
//!   Static Single Assignment Form", section 3.2).
//!
//! Uses of a removed phi use the value it stood for.

use crate::{HashMap, HashSet};

use petgraph::graph::{DiGraph, NodeIndex};

use super::super::ir::*;
use crate::types::ty::TypeTable;

pub fn phielim(f: &mut Func, _tt: &TypeTable) {
    loop {
        let phis: Vec<ValueId> = f.live_blocks().flat_map(|b| b.values.iter().copied()).filter(|&v| f.v(v).op == Op::Phi).collect();
        if phis.is_empty() {
            return;
        }
        // Trivial phis first (all arguments one value, or the phi itself): one may sit inside
        // a larger group that is not redundant as a whole, which the groups below miss.
        let mut trivial: HashMap<ValueId, ValueId> = HashMap::default();
        loop {
            let mut more = false;
            for &p in &phis {
                if trivial.contains_key(&p) {
                    continue;
                }
                let mut only: Option<ValueId> = None;
                let mut one = true;
                for &a in &f.v(p).args {
                    let mut a = a;
                    while let Some(&w) = trivial.get(&a) {
                        a = w;
                    }
                    if a == p || Some(a) == only {
                        continue;
                    }
                    if only.is_some() {
                        one = false;
                        break;
                    }
                    only = Some(a);
                }
                if let (true, Some(v)) = (one, only) {
                    trivial.insert(p, v);
                    more = true;
                }
            }
            if !more {
                break;
            }
        }
        if !trivial.is_empty() {
            replace(f, trivial);
            continue;
        }
        let mut g: DiGraph<ValueId, ()> = DiGraph::new();
        let node: HashMap<ValueId, NodeIndex> = phis.iter().map(|&p| (p, g.add_node(p))).collect();
        for &p in &phis {
            for a in &f.v(p).args {
                if let Some(&n) = node.get(a) {
                    g.add_edge(node[&p], n, ());
                }
            }
        }
        // Tarjan's order: a component comes after the components it refers to, so a group
        // whose outside value is itself a redundant phi sees that phi replaced first.
        let mut repl: HashMap<ValueId, ValueId> = HashMap::default();
        for scc in petgraph::algo::tarjan_scc(&g) {
            let members: HashSet<ValueId> = scc.iter().map(|n| g[*n]).collect();
            let mut outside: Option<ValueId> = None;
            let mut redundant = true;
            'scan: for &p in &members {
                for &a in &f.v(p).args {
                    let a = repl.get(&a).copied().unwrap_or(a);
                    if members.contains(&a) || Some(a) == outside {
                        continue;
                    }
                    if outside.is_some() {
                        redundant = false;
                        break 'scan;
                    }
                    outside = Some(a);
                }
            }
            if let (true, Some(v)) = (redundant, outside) {
                for p in members {
                    repl.insert(p, v);
                }
            }
        }
        if repl.is_empty() {
            return;
        }
        replace(f, repl);
    }
}

/// Replaces each removed phi by the value it stands for; chains (a phi replaced by a phi
/// replaced in turn) resolve to their end.
fn replace(f: &mut Func, mut repl: HashMap<ValueId, ValueId>) {
    let keys: Vec<ValueId> = repl.keys().copied().collect();
    for k in keys {
        let mut v = repl[&k];
        let mut n = 0;
        while let Some(&w) = repl.get(&v) {
            if w == v || n > repl.len() {
                break;
            }
            v = w;
            n += 1;
        }
        repl.insert(k, v);
    }
    f.replace_all_uses(&repl);
    f.remove_values(repl.keys().copied().collect::<Vec<_>>());
}
