//! Control-flow facts shared by the passes: reverse postorder, immediate dominators (Cooper,
//! Harvey and Kennedy's algorithm), dominator-tree children, and loops (back edges, headers).
//! Computed once per function and kept in `Func::cache` until a pass changes the CFG.

use super::ir::{BlockId, Func};

#[derive(Debug)]
pub struct Analysis {
    pub rpo: Vec<BlockId>,
    /// Immediate dominator; the entry's is itself; None for unreachable blocks.
    pub idom: Vec<Option<BlockId>>,
    pub children: Vec<Vec<BlockId>>,
    /// Edges (from, to) where `to` dominates `from`.
    pub back_edges: Vec<(BlockId, BlockId)>,
    /// Loop headers (targets of back edges), sorted.
    pub loop_headers: Vec<BlockId>,
}

impl Analysis {
    pub fn new(f: &Func) -> Analysis {
        let rpo = f.rpo();
        let idom = dominators(f, &rpo);
        let mut children = vec![vec![]; f.blocks.len()];
        for &b in &rpo {
            if let Some(d) = idom[b as usize] {
                if d != b {
                    children[d as usize].push(b);
                }
            }
        }
        let mut a = Analysis { rpo, idom, children, back_edges: vec![], loop_headers: vec![] };
        for &b in &a.rpo.clone() {
            for &s in &f.blocks[b as usize].succs {
                if a.dominates(s, b) {
                    a.back_edges.push((b, s));
                    if !a.loop_headers.contains(&s) {
                        a.loop_headers.push(s);
                    }
                }
            }
        }
        a.loop_headers.sort();
        a
    }

    pub fn reachable(&self, b: BlockId) -> bool {
        self.idom[b as usize].is_some()
    }

    /// Whether `a` dominates `b` (every block dominates itself).
    pub fn dominates(&self, a: BlockId, mut b: BlockId) -> bool {
        loop {
            if a == b {
                return true;
            }
            match self.idom[b as usize] {
                Some(p) if p != b => b = p,
                _ => return false,
            }
        }
    }

    /// Blocks of the dominator tree in preorder.
    pub fn dom_preorder(&self, entry: BlockId) -> Vec<BlockId> {
        let mut out = vec![];
        let mut stack = vec![entry];
        while let Some(b) = stack.pop() {
            out.push(b);
            for &c in self.children[b as usize].iter().rev() {
                stack.push(c);
            }
        }
        out
    }
}

fn dominators(f: &Func, rpo: &[BlockId]) -> Vec<Option<BlockId>> {
    let mut order = vec![usize::MAX; f.blocks.len()];
    for (i, &b) in rpo.iter().enumerate() {
        order[b as usize] = i;
    }
    let mut idom: Vec<Option<BlockId>> = vec![None; f.blocks.len()];
    idom[f.entry as usize] = Some(f.entry);
    let mut changed = true;
    while changed {
        changed = false;
        for &b in rpo.iter().skip(1) {
            let mut new: Option<BlockId> = None;
            for &p in &f.blocks[b as usize].preds {
                if idom[p as usize].is_none() {
                    continue;
                }
                new = Some(match new {
                    None => p,
                    Some(mut a) => {
                        let mut c = p;
                        while a != c {
                            while order[a as usize] > order[c as usize] {
                                a = idom[a as usize].unwrap();
                            }
                            while order[c as usize] > order[a as usize] {
                                c = idom[c as usize].unwrap();
                            }
                        }
                        a
                    }
                });
            }
            if new != idom[b as usize] {
                idom[b as usize] = new;
                changed = true;
            }
        }
    }
    idom
}
