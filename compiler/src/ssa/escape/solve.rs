//! Solving the location graph (gc's walkAll): from each root location, walk the edges
//! backwards, keeping for each location reached the fewest dereferences on a path to the
//! root. A location whose address (fewer than zero dereferences) reaches a root that
//! outlives it escapes, and then becomes a root itself (everything that flows into an
//! escaping location flows to the heap). A parameter reached from the heap or from a result
//! records the leak, which becomes its tag.
//!
//! Assumes: the graph of `graph.rs`. Guarantees: `Loc::escapes` and, for parameters,
//! `Loc::leaks` are final when `walk_all` returns.

use super::graph::{Graph, Kind};
use super::Leaks;
use crate::ssa::ir::Func;

pub(super) fn walk_all(g: &mut Graph) {
    let mut todo: Vec<usize> = vec![];
    for i in 0..g.locs.len() {
        if g.locs[i].kind != Kind::Temp && i != g.heap {
            g.locs[i].queued = true;
            todo.push(i);
        }
    }
    // The heap is walked first.
    g.locs[g.heap].queued = true;
    todo.push(g.heap);
    let mut walkgen = 0u32;
    while let Some(root) = todo.pop() {
        g.locs[root].queued = false;
        walkgen += 1;
        walk_one(g, root, walkgen, &mut todo);
    }
}

fn walk_one(g: &mut Graph, root: usize, walkgen: u32, todo: &mut Vec<usize>) {
    g.locs[root].walkgen = walkgen;
    g.locs[root].derefs = 0;
    g.locs[root].dst = None;
    let mut stack = vec![root];
    while let Some(l) = stack.pop() {
        let mut derefs = g.locs[l].derefs;
        let address_of = derefs < 0;
        if address_of {
            derefs = 0;
        }
        if outlives(g, root, l) {
            if let Kind::Param(..) = g.locs[l].kind {
                leak_to(g, l, root, derefs);
            }
            if address_of && !g.locs[l].escapes {
                g.locs[l].escapes = true;
                g.locs[l].path = path(g, l);
                if !g.locs[l].queued {
                    g.locs[l].queued = true;
                    todo.push(l);
                }
                continue;
            }
        }
        for i in 0..g.locs[l].edges.len() {
            let e = &g.locs[l].edges[i];
            let (src, d) = (e.src, derefs + e.derefs);
            if g.locs[src].escapes {
                continue;
            }
            if g.locs[src].walkgen != walkgen || g.locs[src].derefs > d {
                let s = &mut g.locs[src];
                s.walkgen = walkgen;
                s.derefs = d;
                s.dst = Some((l, i));
                stack.push(src);
            }
        }
    }
}

/// Whether values stored in `root` live longer than location `l` (gc's outlives).
fn outlives(g: &Graph, root: usize, l: usize) -> bool {
    let (r, x) = (&g.locs[root], &g.locs[l]);
    if r.escapes {
        return true;
    }
    // Callers may keep results anywhere; but a function literal called where it is
    // written returns to the function around it.
    if let Kind::Result(rf, _) = r.kind {
        let inside = x.func != usize::MAX && contains(g, x.func, rf);
        if !(inside && g.closure_called[rf]) {
            return true;
        }
    }
    if r.func == x.func && r.depth < x.depth {
        return true;
    }
    // A location of a function literal is outlived by those of the functions around it.
    x.func != usize::MAX && r.func != usize::MAX && contains(g, r.func, x.func)
}

/// Whether batch function `inner` is a function literal written (at any depth) in `outer`.
fn contains(g: &Graph, outer: usize, inner: usize) -> bool {
    let mut f = g.parent[inner];
    while let Some(p) = f {
        if p == outer {
            return true;
        }
        f = g.parent[p];
    }
    false
}

/// The walk's links from l to the current root.
fn path(g: &Graph, l: usize) -> Vec<(usize, usize)> {
    let mut out = vec![];
    let mut cur = l;
    while let Some((next, i)) = g.locs[cur].dst {
        out.push((next, i));
        cur = next;
        if out.len() > 256 {
            break;
        }
    }
    out
}

fn leak_to(g: &mut Graph, param: usize, root: usize, derefs: i32) {
    let Kind::Param(pf, _) = g.locs[param].kind else { return };
    let mut sink = None;
    if !g.locs[root].escapes {
        if let Kind::Result(rf, k) = g.locs[root].kind {
            if rf == pf {
                sink = Some(k);
            }
        }
    }
    let leaks = &mut g.locs[param].leaks;
    let slot = match sink {
        Some(k) => {
            if leaks.results.len() <= k {
                leaks.results.resize(k + 1, None);
            }
            &mut leaks.results[k]
        }
        None => &mut leaks.heap,
    };
    if slot.map_or(true, |o| derefs < o) {
        *slot = Some(derefs);
        let p = path(g, param);
        let lp = &mut g.locs[param].leak_paths;
        lp.retain(|(s, _, _)| *s != sink);
        lp.push((sink, derefs, p));
    }
}

/// The parameter tags of the batch's functions.
pub(super) fn tags(g: &Graph, funcs: &[Func], batch: &[usize]) -> Vec<Vec<Leaks>> {
    batch
        .iter()
        .enumerate()
        .map(|(bi, &fi)| {
            g.params[bi]
                .iter()
                .map(|&p| {
                    let mut l = g.locs[p].leaks.clone();
                    l.results.resize(funcs[fi].results.len(), None);
                    l.optimize();
                    l.addr = g.locs[p].escapes;
                    l
                })
                .collect()
        })
        .collect()
}
