//! `lower`: rewrites the generic ops (string operations, map operations, panics, printing)
//! into calls of the runtime, so that every remaining op maps one to one onto Cranelift
//! instructions or a call. Map operations on keys of 4 or 8 plain bytes and on strings call
//! the runtime's fast variants, which take the key by value.
//! Assumes a checked function; guarantees no op with `OpInfo::generic` remains.

use super::super::build::maps::{key_pass, KeyPass};
use super::super::ir::*;
use crate::types::ty::{TypeKind, TypeTable};

pub fn lower(f: &mut Func, tt: &TypeTable) {
    for v in 0..f.values.len() {
        if f.dead_values[v] {
            continue;
        }
        let val = &mut f.values[v];
        let rt = |s: &str| Aux::Sym(format!("runtime.{}", s));
        let map_variant = |aux: &Aux, base: &str| -> String {
            let Aux::Type(mt) = aux else { return base.to_string() };
            let TypeKind::Map(k, _) = tt.under_kind(*mt) else { return base.to_string() };
            match key_pass(tt, *k) {
                KeyPass::Fast64 => format!("{}_fast64", base),
                KeyPass::Fast32 => format!("{}_fast32", base),
                KeyPass::FastStr => format!("{}_faststr", base),
                KeyPass::Addr => base.to_string(),
            }
        };
        let name = match (&val.op, &val.aux) {
            (Op::StringConcat, _) => "concatstring2".to_string(),
            (Op::StringCmp, _) => "cmpstring".to_string(),
            (Op::StringEq, _) => "eqstring".to_string(),
            (Op::PanicIndex, _) => "panicIndex".to_string(),
            (Op::PanicSlice, Aux::Sym(k)) => format!("panicSlice_{}", k),
            (Op::PanicDivide, _) => "panicdivide".to_string(),
            (Op::PanicShift, _) => "panicshift".to_string(),
            (Op::Print, Aux::Sym(k)) => format!("print{}", k),
            (Op::MapMake, _) => "makemap".to_string(),
            (Op::MapAccess1, a) => map_variant(a, "mapaccess1"),
            (Op::MapAccess2, a) => map_variant(a, "mapaccess2"),
            (Op::MapAssign, a) => map_variant(a, "mapassign"),
            (Op::MapDelete, a) => map_variant(a, "mapdelete"),
            (Op::MapIterInit, _) => "mapiterinit".to_string(),
            (Op::MapIterNext, _) => "mapiternext".to_string(),
            _ => continue,
        };
        val.op = Op::CallRT;
        val.aux = rt(&name);
    }
}
