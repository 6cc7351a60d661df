//! The pass table, in order, as gc's compile.go `passes`: each pass has a name, says whether
//! it is required (cannot be turned off), and is a function over one `Func`.
//! `check` can run after every pass (tests do so).

use super::ir::Func;
use crate::types::ty::TypeTable;

pub mod check;
pub mod deadcode;
pub mod lower;

pub struct Pass {
    pub name: &'static str,
    pub required: bool,
    pub run: fn(&mut Func, &TypeTable),
}

pub const PASSES: &[Pass] = &[
    Pass { name: "early deadcode", required: false, run: deadcode::deadcode },
    Pass { name: "lower", required: true, run: lower::lower },
    Pass { name: "late deadcode", required: false, run: deadcode::deadcode },
];

/// Runs the pass table on `f`; with `check_each`, the checker runs after every pass and its
/// findings are returned as errors naming the pass.
pub fn run_all(f: &mut Func, tt: &TypeTable, check_each: bool, skip: &[String]) -> Result<(), String> {
    if check_each {
        check::check(f, tt).map_err(|e| format!("{}: after start: {}", f.name, e))?;
    }
    for p in PASSES {
        if !p.required && skip.iter().any(|s| s == p.name) {
            continue;
        }
        (p.run)(f, tt);
        if check_each {
            check::check(f, tt).map_err(|e| format!("{}: after {}: {}", f.name, p.name, e))?;
        }
    }
    Ok(())
}
