//! `cse`: common subexpression elimination over the dominator tree. Assumes a checked
//! function. Guarantees that of two pure values with the same op, type, args and aux where one
//! dominates the other, only the dominating one remains (phis are compared within a block).

use crate::HashMap;

use super::super::ir::*;
use crate::types::ty::TypeTable;

type Key = (Op, u32, Vec<ValueId>, AuxKey, Option<BlockId>);

/// An aux value as a hashable key (floats by their bits).
#[derive(Clone, PartialEq, Eq, Hash)]
enum AuxKey {
    None,
    Int(i64),
    Float(u64),
    Str(Vec<u8>),
    Sym(String),
    Type(u32),
    Itab(u32, u32),
    Method(i64),
}

fn aux_key(a: &Aux) -> AuxKey {
    match a {
        Aux::None => AuxKey::None,
        Aux::Int(i) => AuxKey::Int(*i),
        Aux::Float(f) => AuxKey::Float(f.to_bits()),
        Aux::Str(s) => AuxKey::Str(s.clone()),
        Aux::Sym(s) => AuxKey::Sym(s.clone()),
        Aux::Type(t) => AuxKey::Type(*t),
        Aux::Itab(t, i) => AuxKey::Itab(*t, *i),
        Aux::Method(k, _) => AuxKey::Method(*k),
    }
}

pub fn cse(f: &mut Func, _tt: &TypeTable) {
    let an = f.analysis();
    let mut replace: HashMap<ValueId, ValueId> = HashMap::default();
    // Scoped table: a stack of (block, entries added in it).
    let mut table: HashMap<Key, ValueId> = HashMap::default();
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
            let key: Key = (val.op, val.ty, args, aux_key(&val.aux), scope);
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
    if replace.is_empty() {
        return;
    }
    // One pass over all uses (the replacements already point at the surviving values).
    f.replace_all_uses(&replace);
    f.remove_values(replace.into_keys());
}
