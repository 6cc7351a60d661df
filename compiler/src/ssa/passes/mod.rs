//! The pass table, in order, as gc's compile.go `passes`: each pass has a name, says whether
//! it is required (cannot be turned off), and is a function over one `Func`.
//! `check` can run after every pass (tests do so).

use super::ir::Func;
use crate::types::ty::TypeTable;

pub mod check;
pub mod copyelim;
pub mod cse;
pub mod deadcode;
pub mod fuse;
pub mod lower;
pub mod mem2reg;
pub mod nilcheck;
pub mod opt;
pub mod phielim;
pub mod prove;

pub struct Pass {
    pub name: &'static str,
    pub required: bool,
    pub run: fn(&mut Func, &TypeTable),
}

/// The passes in order (gc's compile.go `passes`).
pub const PASSES: &[Pass] = &[
    Pass { name: "early phielim", required: false, run: phielim::phielim },
    Pass { name: "early copyelim", required: false, run: copyelim::copyelim },
    Pass { name: "early deadcode", required: false, run: deadcode::deadcode },
    Pass { name: "mem2reg", required: false, run: mem2reg::mem2reg },
    Pass { name: "opt", required: false, run: opt::opt },
    Pass { name: "copyelim", required: false, run: copyelim::copyelim },
    Pass { name: "phielim", required: false, run: phielim::phielim },
    Pass { name: "deadcode", required: false, run: deadcode::deadcode },
    Pass { name: "fuse", required: false, run: fuse::fuse },
    Pass { name: "cse", required: false, run: cse::cse },
    Pass { name: "prove", required: false, run: prove::prove },
    Pass { name: "nilcheck", required: false, run: nilcheck::nilcheck },
    Pass { name: "lower", required: true, run: lower::lower },
    Pass { name: "late deadcode", required: false, run: deadcode::deadcode },
    Pass { name: "late phielim", required: false, run: phielim::phielim },
];

/// Ordering constraints (gc's `passOrder`): the first pass must run before the second.
pub const ORDER: &[(&str, &str)] = &[
    // mem2reg needs the unreachable blocks gone; its loads become values that opt folds.
    ("early deadcode", "mem2reg"),
    ("mem2reg", "opt"),
    // opt rewrites values into copies; copyelim removes them.
    ("opt", "copyelim"),
    // opt folds branch conditions into constants; deadcode removes the dead branches.
    ("opt", "deadcode"),
    // cse is more effective once copies are gone.
    ("copyelim", "cse"),
    // Inlining and opt leave phis that a copy made redundant; cse and prove see through
    // fewer phis.
    ("copyelim", "phielim"),
    ("phielim", "cse"),
    // fuse merges the chains of blocks that deadcode's folded branches leave; cse, prove and
    // nilcheck then walk the smaller graph.
    ("deadcode", "fuse"),
    ("fuse", "cse"),
    ("fuse", "nilcheck"),
    // prove compares lengths as values: one value per length after cse; the branches it
    // decides are removed by late deadcode.
    ("cse", "prove"),
    ("prove", "late deadcode"),
    // nilcheck needs the dominator tree after the CFG is final.
    ("deadcode", "nilcheck"),
    // Generic ops must be rewritten after every pass that understands them.
    ("nilcheck", "lower"),
    ("cse", "lower"),
    ("lower", "late deadcode"),
    // cse and prove make phis whose arguments became one value; each phi left is a block
    // parameter that Cranelift's register allocator must move into place on every edge.
    ("late deadcode", "late phielim"),
];

/// Checks `ORDER` against `PASSES` (at start-up, as gc does).
pub fn check_order() -> Result<(), String> {
    let index = |n: &str| PASSES.iter().position(|p| p.name == n).ok_or_else(|| format!("pass order names unknown pass {}", n));
    for (a, b) in ORDER {
        if index(a)? >= index(b)? {
            return Err(format!("internal error: pass {} must come before {}", a, b));
        }
    }
    Ok(())
}

/// Runs the pass table on `f`; with `check_each`, the checker runs after every pass and its
/// findings are returned as errors naming the pass.
/// `observe` sees the function after each pass that ran ("start" first) and the pass's time.
pub fn run_all(f: &mut Func, tt: &TypeTable, check_each: bool, skip: &[String], observe: &mut dyn FnMut(&str, &Func, std::time::Duration)) -> Result<(), String> {
    if check_each {
        check::check(f, tt).map_err(|e| format!("{}: after start: {}", f.name, e))?;
    }
    observe("start", f, std::time::Duration::ZERO);
    for p in PASSES {
        if !p.required && skip.iter().any(|s| s == p.name) {
            continue;
        }
        let t = std::time::Instant::now();
        (p.run)(f, tt);
        let d = t.elapsed();
        if check_each {
            check::check(f, tt).map_err(|e| format!("{}: after {}: {}", f.name, p.name, e))?;
        }
        observe(p.name, f, d);
    }
    Ok(())
}
