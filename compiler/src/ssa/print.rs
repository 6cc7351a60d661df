//! The SSA text dump, in gc's format (`GOSSAFUNC` / `-d=ssa/<pass>/dump`):
//!
//! ```text
//! b1:
//!     v1 (3) = Arg <int> [0]
//!     v2 (3) = Const <int> [1]
//!     v3 (4) = Add <int> v1 v2
//! Ret v3 (4)
//! ```
use super::ir::*;
use crate::source::SourceMap;
use crate::types::ty::TypeTable;

pub fn aux_string(a: &Aux, tt: &TypeTable) -> String {
    match a {
        Aux::None => String::new(),
        Aux::Int(i) => format!(" [{}]", i),
        Aux::Float(f) => format!(" [{:?}]", f),
        Aux::Str(s) => format!(" {{{:?}}}", String::from_utf8_lossy(s)),
        Aux::Sym(s) => format!(" {{{}}}", s),
        Aux::Type(t) => format!(" {{type {}}}", tt.name(*t)),
        Aux::Itab(t, i) => format!(" {{itab {}, {}}}", tt.name(*t), tt.name(*i)),
        Aux::Method(k, n) => format!(" {{method {} {}}}", k, n),
    }
}

pub fn value_string(v: &Value, tt: &TypeTable, sm: Option<&SourceMap>) -> String {
    let line = match sm {
        Some(sm) if v.pos != u32::MAX && !sm.files.is_empty() => sm.line(v.pos).to_string(),
        _ => "?".into(),
    };
    // Values that produce nothing (stores, calls without results) show as <void>.
    let ty = if v.ty == crate::types::ty::INVALID { "void".to_string() } else { tt.name(v.ty) };
    let mut s = format!("v{} ({}) = {} <{}>", v.id, line, v.op.name(), ty);
    for a in &v.args {
        s.push_str(&format!(" v{}", a));
    }
    s.push_str(&aux_string(&v.aux, tt));
    if let Some(r) = v.rule {
        s.push_str(&format!(" (rule {})", r));
    }
    s
}

pub fn block_end(b: &Block) -> String {
    let succ = |s: &[BlockId]| s.iter().map(|x| format!("b{}", x)).collect::<Vec<_>>().join(" ");
    match &b.kind {
        BlockKind::Plain => format!("Plain -> {}", succ(&b.succs)),
        BlockKind::If(c) => format!("If v{} -> {}", c, succ(&b.succs)),
        BlockKind::Ret(vs) => {
            let a: Vec<String> = vs.iter().map(|v| format!(" v{}", v)).collect();
            format!("Ret{}", a.concat())
        }
        BlockKind::Exit => "Exit".to_string(),
    }
}

/// The whole function as text.
pub fn func_string(f: &Func, tt: &TypeTable, sm: Option<&SourceMap>) -> String {
    let mut out = format!("{} {}\n", f.name, tt.sig_string(&crate::types::ty::Signature { params: f.params.clone(), results: f.results.clone(), variadic: false }));
    for b in f.live_blocks() {
        let preds: Vec<String> = b.preds.iter().map(|p| format!("b{}", p)).collect();
        if preds.is_empty() {
            out.push_str(&format!("  b{}:\n", b.id));
        } else {
            out.push_str(&format!("  b{}: <- {}\n", b.id, preds.join(" ")));
        }
        for &v in &b.values {
            out.push_str(&format!("    {}\n", value_string(f.v(v), tt, sm)));
        }
        out.push_str(&format!("  {}\n", block_end(b)));
    }
    out
}
