//! `cse`: common subexpression elimination over the dominator tree. Assumes a checked
//! function. Guarantees that of two pure values with the same op, type, args and aux where one
//! dominates the other, only the dominating one remains (phis are compared within a block).

use std::collections::HashMap;

use super::super::ir::*;
use crate::types::ty::TypeTable;

type Key = (Op, u32, Vec<ValueId>, String, Option<BlockId>);

pub fn cse(f: &mut Func, _tt: &TypeTable) {
    let an = f.analysis();
    let mut replace: HashMap<ValueId, ValueId> = HashMap::new();
    // Scoped table: a stack of (block, entries added in it).
    let mut table: HashMap<Key, ValueId> = HashMap::new();
    let mut order: Vec<(BlockId, bool)> = vec![(f.entry, false)];
    let mut added: Vec<Vec<Key>> = vec![];
    while let Some((b, leaving)) = order.pop() {
        if leaving {
            for k in added.pop().unwrap_or_default() {
                table.remove(&k);
            }
            continue;
        }
        order.push((b, true));
        let mut mine = vec![];
        for &v in &f.blocks[b as usize].values {
            let val = f.v(v);
            if !val.op.info().pure {
                continue;
            }
            let args: Vec<ValueId> = val.args.iter().map(|a| *replace.get(a).unwrap_or(a)).collect();
            // Phis are only equal within one block (their args depend on the predecessors).
            let scope = if val.op == Op::Phi { Some(b) } else { None };
            let key: Key = (val.op, val.ty, args, format!("{:?}", val.aux), scope);
            match table.get(&key) {
                Some(&w) => {
                    replace.insert(v, w);
                }
                None => {
                    table.insert(key.clone(), v);
                    mine.push(key);
                }
            }
        }
        added.push(mine);
        for &c in an.children[b as usize].iter().rev() {
            order.push((c, false));
        }
    }
    for (v, w) in replace {
        f.replace_uses(v, w);
        f.remove_value(v);
    }
}
