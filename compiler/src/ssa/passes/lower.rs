//! `lower`: rewrites the generic ops (string operations, panics, printing) into calls of the
//! runtime, so that every remaining op maps one to one onto Cranelift instructions or a call.
//! Assumes a checked function; guarantees no op with `OpInfo::generic` remains.

use super::super::ir::*;
use crate::types::ty::TypeTable;

pub fn lower(f: &mut Func, _tt: &TypeTable) {
    for v in 0..f.values.len() {
        if f.dead_values[v] {
            continue;
        }
        let val = &mut f.values[v];
        let rt = |s: &str| Aux::Sym(format!("runtime.{}", s));
        let (name, rule) = match (&val.op, &val.aux) {
            (Op::StringConcat, _) => ("concatstring2".to_string(), "StringConcat -> concatstring2"),
            (Op::StringCmp, _) => ("cmpstring".to_string(), "StringCmp -> cmpstring"),
            (Op::StringEq, _) => ("eqstring".to_string(), "StringEq -> eqstring"),
            (Op::PanicIndex, _) => ("panicIndex".to_string(), "PanicIndex -> panicIndex"),
            (Op::PanicSlice, Aux::Sym(k)) => (format!("panicSlice_{}", k), "PanicSlice -> panicSlice"),
            (Op::PanicDivide, _) => ("panicdivide".to_string(), "PanicDivide -> panicdivide"),
            (Op::PanicShift, _) => ("panicshift".to_string(), "PanicShift -> panicshift"),
            (Op::Print, Aux::Sym(k)) => {
                if let Some(rest) = k.strip_prefix("panic:") {
                    let kind = rest.split(':').next().unwrap_or("int");
                    (format!("gopanic_{}", kind), "Print -> gopanic")
                } else {
                    (format!("print{}", k), "Print -> print")
                }
            }
            _ => continue,
        };
        val.op = Op::CallRT;
        val.aux = rt(&name);
        let _ = rule;
    }
}
