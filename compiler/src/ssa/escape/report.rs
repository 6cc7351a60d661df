//! The messages of `-gcflags=-m`, in gc 1.19's wording, and for `-m=2` the explanation of
//! why each escaping location escapes (the path the walk found to the heap).
//!
//! Order, as gc: batch by batch (callees first); in a batch, the parameters of each function
//! (`leaking param: p`, `p does not escape`, ...), then variables moved to the heap in
//! declaration order, then allocating expressions in source order. Generated functions and
//! positions outside the source are left out; the driver leaves out the shipped packages.

use super::graph::{Graph, Kind};
use super::notes::AllocKind;
use super::{Leaks, Message};
use crate::ssa::ir::*;
use crate::types::ty::TypeTable;

pub(super) fn messages(g: &Graph, funcs: &[Func], batch: &[usize], tags: &[Vec<Leaks>], tt: &TypeTable, gone: &[u32], out: &mut Vec<Message>) {
    for (bi, pos, text) in &g.devirt {
        let f = &funcs[batch[*bi]];
        if f.esc.built && !f.wrapper && f.sym != "go.entry" {
            out.push(Message { pos: *pos, text: text.clone(), explain: vec![], after: None });
        }
    }
    let mut vars: Vec<Message> = vec![];
    let mut exprs: Vec<(Message, u32, bool, usize, u32, ValueId)> = vec![];
    for (bi, &fi) in batch.iter().enumerate() {
        let f = &funcs[fi];
        if !f.esc.built || (f.has_ctx && gone.contains(&f.pos)) {
            continue;
        }
        // A generated function reports only allocations noted at a source position: the
        // `...` argument that a `defer` or `go` thunk builds when it makes its call. The
        // entry (the package variables' initialisers) only those of inlined calls: gc lays
        // out an initialiser's own composite literals as static data, without a message.
        let entry = f.sym == "go.entry";
        let generated = f.wrapper || f.pos == u32::MAX || entry;
        for (pos, text) in f.esc.remarks.iter().filter(|_| !generated) {
            out.push(Message { pos: *pos, text: text.clone(), explain: vec![], after: None });
        }
        // Parameters whose variable is moved to the heap get that message instead.
        let moved: Vec<u32> = g
            .allocs
            .iter()
            .filter(|(&(b, _), &l)| b == bi && g.locs[l].escapes)
            .filter_map(|(&(_, v), _)| match f.esc.allocs.get(&v) {
                Some(n) if !n.by_value_capture => match n.kind {
                    AllocKind::Var(o) => Some(o),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        for (k, p) in f.esc.params.iter().enumerate().filter(|_| !generated) {
            let Some(&t) = f.params.get(k) else { continue };
            if p.name.is_empty() || !tt.has_pointers(t) || p.pos == u32::MAX {
                continue;
            }
            if p.obj.map_or(false, |o| moved.contains(&o)) {
                continue;
            }
            let l = g.params[bi][k];
            if g.locs[l].escapes {
                vars.push(Message { pos: p.pos, text: format!("moved to heap: {}", p.name), explain: explain(g, funcs, l), after: None });
                continue;
            }
            let leaks = &tags[bi][k];
            // -m=2: how each leak happens.
            let mut why = vec![];
            for (sink, d, path) in &g.locs[l].leak_paths {
                let to = match sink {
                    Some(j) => f.esc.results.get(*j).cloned().unwrap_or_default(),
                    None => "{heap}".into(),
                };
                let kept = match sink {
                    Some(j) => leaks.results.get(*j).copied().flatten() == Some(*d),
                    None => leaks.heap == Some(*d),
                };
                if kept {
                    why.extend(render(g, funcs, l, path, format!("parameter {} leaks to {} with derefs={}:", p.name, to, d)));
                }
            }
            let mut why = Some(why);
            let mut say = |text: String| out.push(Message { pos: p.pos, text, explain: why.take().unwrap_or_default(), after: None });
            if leaks.is_empty() {
                say(format!("{} does not escape", p.name));
            }
            if let Some(h) = leaks.heap {
                say(if h == 0 { format!("leaking param: {}", p.name) } else { format!("leaking param content: {}", p.name) });
            }
            for (j, r) in leaks.results.iter().enumerate() {
                if let Some(d) = r {
                    let name = f.esc.results.get(j).cloned().unwrap_or_else(|| format!("~r{}", j));
                    say(format!("leaking param: {} to result {} level={}", p.name, name, d));
                }
            }
        }
        for (&(b, v), &l) in &g.allocs {
            if b != bi {
                continue;
            }
            let Some(n) = f.esc.allocs.get(&v) else { continue };
            if n.pos == u32::MAX || (generated && n.kind != AllocKind::Expr) || (entry && !f.inlined_at.contains_key(&v)) || (n.text == "func literal" && gone.contains(&n.pos)) {
                continue;
            }
            let esc = f.esc_decisions.get(&v).copied().unwrap_or(g.locs[l].escapes) || g.locs[l].escapes;
            match n.kind {
                AllocKind::Var(_) => {
                    if esc && !n.by_value_capture {
                        vars.push(Message { pos: n.pos, text: format!("moved to heap: {}", n.text), explain: explain(g, funcs, l), after: None });
                    }
                }
                AllocKind::Expr | AllocKind::ReportOnly => {
                    let m = if esc {
                        Message { pos: n.pos, text: format!("{} escapes to heap", n.text), explain: explain(g, funcs, l), after: n.after }
                    } else {
                        Message { pos: n.pos, text: format!("{} does not escape", n.text), explain: vec![], after: n.after }
                    };
                    exprs.push((m, n.order, n.text != "... argument", bi, n.written_at, v));
                }
            }
        }
    }
    vars.sort_by_key(|m| m.pos);
    // At one position: a call's `...` argument, then the rest in the order they were
    // written in (for the body of an inlined call), then in the order the builder made
    // them (the arguments' order, which is gc's).
    exprs.sort_by_key(|(m, order, not_dots, bi, written, v)| (if *order != 0 { *order } else { m.pos }, m.pos, *not_dots, *bi, *written, *v));
    out.extend(vars);
    out.extend(exprs.into_iter().map(|(m, ..)| m));
}

/// For -m=2: the path by which location l escaped (or a parameter leaked), as gc prints it:
/// a `flow: dst = src` line for each step between named locations (temporaries are left
/// out; `&` marks an address, `*` a dereference), each followed by the reasons of its edges.
fn render(g: &Graph, funcs: &[Func], l: usize, path: &[(usize, usize)], header: String) -> Vec<(Option<u32>, String)> {
    let mut out = vec![(None, header)];
    let mut src = l;
    let mut d = 0i32;
    let mut whys: Vec<(Option<u32>, String)> = vec![];
    for &(next, i) in path {
        let e = &g.locs[next].edges[i];
        d += e.derefs;
        if !e.why.is_empty() {
            // An allocation's own edge names it, as gc does (`from &x (address-of)`,
            // `from new(int) (spill)`).
            let what = match g.locs[e.src].kind {
                Kind::Alloc(ab, av) => match funcs[g.funcs[ab]].esc.allocs.get(&av) {
                    Some(n) if matches!(n.kind, AllocKind::Var(_)) => format!("&{} (address-of)", n.text),
                    Some(n) => format!("{} ({})", n.text, e.why),
                    None => format!("({})", e.why),
                },
                _ => format!("({})", e.why),
            };
            whys.push((if e.pos == u32::MAX { None } else { Some(e.pos) }, format!("    from {}", what)));
        }
        if matches!(g.locs[next].kind, Kind::Temp | Kind::CallTmp) {
            continue;
        }
        let prefix = if d < 0 { "&".to_string() } else { "*".repeat(d as usize) };
        let (to, from) = (name(g, funcs, next), name(g, funcs, src));
        if to == from && d == 0 {
            // A parameter into its variable: one location for gc.
            whys.clear();
        } else {
            out.push((None, format!("  flow: {} = {}{}:", to, prefix, from)));
            out.append(&mut whys);
        }
        src = next;
        d = 0;
    }
    out
}

fn explain(g: &Graph, funcs: &[Func], l: usize) -> Vec<(Option<u32>, String)> {
    if g.locs[l].path.is_empty() {
        return vec![];
    }
    let what = match g.locs[l].kind {
        Kind::Alloc(bi, v) => funcs[g.funcs[bi]].esc.allocs.get(&v).map(|n| n.text.clone()).unwrap_or_default(),
        _ => name(g, funcs, l),
    };
    let header = format!("{} escapes to heap:", what);
    render(g, funcs, l, &g.locs[l].path, header)
}

/// A location as -m=2 names it.
fn name(g: &Graph, funcs: &[Func], l: usize) -> String {
    match g.locs[l].kind {
        Kind::Heap => "{heap}".into(),
        Kind::Alloc(bi, v) => {
            let f = &funcs[g.funcs[bi]];
            match f.esc.allocs.get(&v) {
                Some(n) if matches!(n.kind, AllocKind::Var(_)) => n.text.clone(),
                Some(n) => format!("{{storage for {}}}", n.text),
                None => "{temp}".into(),
            }
        }
        Kind::Var(bi, o) => funcs[g.funcs[bi]].esc.vars.get(&o).map(|n| n.name.clone()).unwrap_or_default(),
        Kind::Param(bi, k) => funcs[g.funcs[bi]].esc.params.get(k).map(|p| p.name.clone()).unwrap_or_default(),
        Kind::Result(bi, k) => funcs[g.funcs[bi]].esc.results.get(k).cloned().unwrap_or_default(),
        Kind::Temp | Kind::CallTmp => "{temp}".into(),
    }
}
