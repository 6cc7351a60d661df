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
        let name = match (&val.op, &val.aux) {
            (Op::StringConcat, _) => "concatstring2".to_string(),
            (Op::StringCmp, _) => "cmpstring".to_string(),
            (Op::StringEq, _) => "eqstring".to_string(),
            (Op::PanicIndex, _) => "panicIndex".to_string(),
            (Op::PanicSlice, Aux::Sym(k)) => format!("panicSlice_{}", k),
            (Op::PanicDivide, _) => "panicdivide".to_string(),
            (Op::PanicShift, _) => "panicshift".to_string(),
            (Op::Print, Aux::Sym(k)) => {
                if let Some(rest) = k.strip_prefix("panic:") {
                    let kind = rest.split(':').next().unwrap_or("int");
                    format!("gopanic_{}", kind)
                } else {
                    format!("print{}", k)
                }
            }
            _ => continue,
        };
        val.op = Op::CallRT;
        val.aux = rt(&name);
    }
}
