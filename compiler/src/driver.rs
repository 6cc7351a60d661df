//! The driver: from files on disk to an executable, stage by stage. Each stage is a function
//! here that calls into its module; `golift tool ...` stops after a stage and dumps it.

use std::path::{Path, PathBuf};

use crate::codegen::Codegen;
use crate::source::{Diagnostics, SourceMap};
use crate::ssa;
use crate::syntax::parser::parse_file;
use crate::target::Target;
use crate::types::{self, Package};

/// A compile error: already rendered diagnostics (exit status 2) or a plain message (1).
pub enum Failure {
    Diagnostics(String),
    Message(String),
}

impl Failure {
    /// Prints the failure as the go command would and exits.
    pub fn exit(self) -> ! {
        match self {
            Failure::Diagnostics(d) => {
                eprint!("{}", d);
                std::process::exit(2)
            }
            Failure::Message(m) => {
                eprintln!("golift: {}", m);
                std::process::exit(1)
            }
        }
    }
}

/// `golift build` accepts a package other than main (gc compiles it and writes nothing):
/// set by the command before loading.
pub static ALLOW_LIBRARY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub struct Loaded {
    pub sm: SourceMap,
    pub packages: Vec<Package>,
}

// The Go packages shipped inside golift (`compiler/lib/<import path>/*.go`, listed by
// build.rs): `SHIPPED`, (import path, file name, source). `runtime` is part of every
// program; the others when imported, directly or not.
include!(concat!(env!("OUT_DIR"), "/shipped.rs"));

/// Go 1.19's standard library import paths.
const STD_PACKAGES: &str = include_str!("../lib/std-packages.txt");

/// The files of shipped package `path`: (file name, source). With `GOLIFT_LIB` set to a
/// directory laid out as compiler/lib, they are read from there instead of from golift's
/// own copy, so that a package can be changed and tried without rebuilding golift.
fn shipped_files(path: &str) -> Vec<(String, String)> {
    if let Some(lib) = std::env::var_os("GOLIFT_LIB").filter(|v| !v.is_empty()) {
        let dir = Path::new(&lib).join(path);
        let mut v: Vec<(String, String)> = std::fs::read_dir(&dir)
            .map(|rd| rd.flatten().map(|e| e.path()).filter(|p| p.extension().map_or(false, |x| x == "go")).collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|p| Some((format!("lib/{}/{}", path, p.file_name()?.to_string_lossy()), std::fs::read_to_string(&p).ok()?)))
            .collect();
        v.sort();
        return v;
    }
    SHIPPED.iter().filter(|(p, _, _)| *p == path).map(|(_, n, t)| (n.to_string(), t.to_string())).collect()
}

fn is_shipped(path: &str) -> bool {
    // Package unsafe has no source: the compiler provides it.
    if path == "unsafe" {
        return true;
    }
    match std::env::var_os("GOLIFT_LIB").filter(|v| !v.is_empty()) {
        Some(lib) => std::fs::read_dir(Path::new(&lib).join(path)).map_or(false, |rd| rd.flatten().any(|e| e.path().extension().map_or(false, |x| x == "go"))),
        None => SHIPPED.iter().any(|(p, _, _)| *p == path),
    }
}

/// The paths a Go file imports, read from its import declarations by the lexer alone, so
/// that the shipped packages a program needs are known before any of them is parsed. (A
/// file whose header does not lex this way is parsed anyway, and the parser reports it.)
fn import_paths(src: &str) -> Vec<String> {
    use crate::syntax::token::Tok;
    let mut toks = crate::syntax::lexer::Lexer::new(src, 0).map_while(|t| t.ok()).map(|(_, t, _)| t);
    let mut paths = vec![];
    // package name ;
    if !matches!((toks.next(), toks.next(), toks.next()), (Some(Tok::Package), Some(Tok::Ident(_)), Some(Tok::Semi))) {
        return paths;
    }
    let mut spec = |t: Option<Tok>, toks: &mut dyn Iterator<Item = Tok>| {
        let t = match t {
            Some(Tok::Ident(_) | Tok::Period) => toks.next(),
            t => t,
        };
        if let Some(Tok::Str(lit)) = t {
            paths.push(lit.trim_matches(|c| c == '"' || c == '`').to_string());
        }
    };
    while let Some(Tok::Import) = toks.next() {
        match toks.next() {
            Some(Tok::LParen) => loop {
                match toks.next() {
                    Some(Tok::RParen) | None => break,
                    Some(Tok::Semi) => {}
                    t => spec(t, &mut toks),
                }
            },
            t => spec(t, &mut toks),
        }
        if toks.next() != Some(Tok::Semi) {
            break;
        }
    }
    paths
}

/// The shipped packages a program needs: `order` has each after the packages it imports;
/// `files` has their files (package, name, text) in the order they are first reached, which
/// is the order they take in the source map.
#[derive(Default)]
struct Shipped {
    order: Vec<String>,
    files: Vec<(String, String, String)>,
}

fn add_shipped(path: &str, target: &Target, shipped: &mut Shipped, visiting: &mut Vec<String>) {
    if shipped.order.iter().any(|p| p == path) || visiting.iter().any(|p| p == path) {
        return;
    }
    if path == "unsafe" {
        shipped.order.push(path.to_string());
        return;
    }
    visiting.push(path.to_string());
    let mut sources = shipped_files(path);
    if path == "runtime" {
        // The target, as constants (gc generates the same per GOOS/GOARCH).
        sources.push(("lib/runtime/zgoos.go".into(), format!("package runtime\n\n// GOOS and GOARCH are the target the program was built for.\nconst GOOS = {:?}\n\nconst GOARCH = {:?}\n", target.goos, target.goarch)));
    }
    let deps: Vec<String> = sources.iter().flat_map(|(_, text)| import_paths(text)).collect();
    shipped.files.extend(sources.into_iter().map(|(name, text)| (path.to_string(), format!("$GOLIFT/{}", name), text)));
    for d in deps {
        add_shipped(&d, target, shipped, visiting);
    }
    visiting.pop();
    shipped.order.push(path.to_string());
}

/// Ids for the expressions of files that outgrow their own range (see `parse_at`).
const OVERFLOW_IDS: u32 = 1 << 31;

/// Parses file `fi` of the source map, its expressions' ids from `*next` on.
fn parse_numbered(sm: &SourceMap, fi: usize, next: &mut u32) -> (Option<crate::syntax::ast::File>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let ast = parse_file(&sm.files[fi].text, sm.files[fi].base, next, &mut diags);
    (ast, diags)
}

/// Parses file `fi` with its expressions' ids from the file's base position on, so files
/// can be parsed in any order, or at once, and every id is still unique and in the order of
/// the sources: a file of n bytes has room for n + 1 ids before the next file's base. The
/// one way to need more (a constant spec repeated by iota copies its expressions) gives
/// None, and the file is parsed again with ids from `OVERFLOW_IDS` on.
fn parse_at(sm: &SourceMap, fi: usize) -> Option<(Option<crate::syntax::ast::File>, Diagnostics)> {
    let f = &sm.files[fi];
    let mut next = f.base;
    let parsed = parse_numbered(sm, fi, &mut next);
    (next <= f.base + f.text.len() as u32 + 1).then_some(parsed)
}

/// The .go files of the arguments: a directory (its non-test .go files) or files.
pub fn expand_args(args: &[String]) -> Result<Vec<PathBuf>, String> {
    if args.is_empty() {
        return expand_args(&[".".to_string()]);
    }
    let mut files = vec![];
    for a in args {
        let p = Path::new(a);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| format!("{}: {}", a, e))?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().map_or(false, |x| x == "go") && !p.to_string_lossy().ends_with("_test.go"))
                .collect();
            v.sort();
            if v.is_empty() {
                return Err(format!("no Go files in {}", p.display()));
            }
            files.extend(v);
        } else if a.ends_with(".go") {
            if !p.exists() {
                return Err(format!("stat {}: no such file or directory", a));
            }
            files.push(p.to_path_buf());
        } else {
            return Err(format!("package {} is not in std (golift builds a directory or .go files)", a));
        }
    }
    Ok(files)
}

/// Reads and parses the user's files and the shipped packages they need.
pub fn load(files: &[PathBuf]) -> Result<Loaded, Failure> {
    load_for(files, &Target::host())
}

/// `load` for a target (package runtime's GOOS and GOARCH depend on it).
pub fn load_for(files: &[PathBuf], target: &Target) -> Result<Loaded, Failure> {
    let mut sm = SourceMap::new();
    let mut diags = Diagnostics::default();
    let mut overflow = OVERFLOW_IDS;
    let mut user = vec![];
    for f in files {
        let bytes = std::fs::read(f).map_err(|e| Failure::Message(format!("open {}: {}", f.display(), e)))?;
        let path = f.display().to_string();
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let off = e.utf8_error().valid_up_to();
                let fi = sm.add(&path, String::from_utf8_lossy(e.as_bytes()).into_owned());
                diags.error(sm.files[fi].base + off as u32, "invalid UTF-8 encoding");
                continue;
            }
        };
        let fi = sm.add(&path, text);
        if sm.files[fi].text.trim().is_empty() {
            diags.error(sm.files[fi].base, "expected 'package', found 'EOF'");
            continue;
        }
        let (ast, d) = parse_at(&sm, fi).unwrap_or_else(|| parse_numbered(&sm, fi, &mut overflow));
        diags.list.extend(d.list);
        user.extend(ast);
    }
    if !diags.is_empty() {
        return Err(Failure::Diagnostics(diags.render(&sm)));
    }
    // Package clause agreement.
    let name = user.first().map(|f| f.package.name.clone()).unwrap_or_default();
    for f in &user {
        if f.package.name != name {
            diags.error(f.package.span.lo, format!("package {}; expected package {}", f.package.name, name));
        }
    }
    let library = !name.is_empty() && name != "main";
    if library && !ALLOW_LIBRARY.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(Failure::Message(format!("package {} is not a main package (golift builds commands)", name)));
    }
    // Imports of packages golift does not ship are errors at the import.
    for f in &user {
        for imp in &f.imports {
            let path = imp.path.trim_matches(|c| c == '"' || c == '`');
            if !is_shipped(path) {
                if STD_PACKAGES.lines().any(|l| l == path) {
                    diags.error(imp.span.lo, format!("package {} is not supported by golift yet", path));
                } else {
                    diags.error(imp.span.lo, format!("package {} is not in std", path));
                }
            }
        }
    }
    if !diags.is_empty() {
        return Err(Failure::Diagnostics(diags.render(&sm)));
    }
    // The shipped packages the program needs, each after the packages it imports.
    let mut shipped = Shipped::default();
    let mut visiting: Vec<String> = vec![];
    let mut roots: Vec<String> = vec!["runtime".into()];
    roots.extend(user.iter().flat_map(|f| f.imports.iter().map(|i| i.path.trim_matches(|c| c == '"' || c == '`').to_string())));
    for r in roots {
        add_shipped(&r, target, &mut shipped, &mut visiting);
    }
    let first = sm.files.len();
    let mut package_of = vec![];
    for (package, name, text) in shipped.files {
        sm.add(&name, text);
        package_of.push(package);
    }
    if sm.files.last().map_or(false, |f| f.base as usize + f.text.len() >= OVERFLOW_IDS as usize) {
        return Err(Failure::Message("the sources are larger than 2 GB".into()));
    }
    // Their files are parsed on every core at once (each file's expression ids are its own:
    // see `parse_at`), and a shipped file that does not parse is reported like any other.
    let mut indexes: Vec<usize> = (first..sm.files.len()).collect();
    let parsed = crate::parallel::map_mut(&mut indexes, |fi| parse_at(&sm, *fi));
    let mut files_of: crate::HashMap<String, Vec<crate::syntax::ast::File>> = Default::default();
    for ((fi, result), package) in (first..).zip(parsed).zip(package_of) {
        let (ast, d) = result.unwrap_or_else(|| parse_numbered(&sm, fi, &mut overflow));
        diags.list.extend(d.list);
        files_of.entry(package).or_default().extend(ast);
    }
    let mut packages = vec![];
    for path in shipped.order {
        let files = files_of.remove(&path).unwrap_or_default();
        let name = files.first().map(|f| f.package.name.clone()).unwrap_or_else(|| path.clone());
        packages.push(Package { path, name, files: std::rc::Rc::new(files), scope: Default::default(), library: false });
    }
    // A library keeps the path and name "main" inside golift (its symbols and its types'
    // names in messages are those of the package being compiled, as in gc).
    packages.push(Package { path: "main".into(), name: "main".into(), files: std::rc::Rc::new(user), scope: Default::default(), library });
    if !diags.is_empty() {
        return Err(Failure::Diagnostics(diags.render(&sm)));
    }
    Ok(Loaded { sm, packages })
}

pub struct Checked {
    pub sm: SourceMap,
    pub info: types::Info,
    pub tt: types::ty::TypeTable,
    pub packages: Vec<Package>,
}

pub fn check(l: Loaded) -> Result<Checked, Failure> {
    let mut diags = Diagnostics::default();
    match types::check_program(&l.sm, &mut diags, l.packages) {
        Some((info, tt, packages)) => Ok(Checked { sm: l.sm, info, tt, packages }),
        None => Err(Failure::Diagnostics(diags.render(&l.sm))),
    }
}

#[derive(Default)]
pub struct SsaOptions {
    /// `-l`: no inlining.
    pub no_inline: bool,
    /// `-d=typeflow/off`: no type flow analysis (`ssa::typeflow`).
    pub no_typeflow: bool,
    /// `-d=typeflow/debug=1`: print what type flow found.
    pub typeflow_debug: bool,
    pub check_each: bool,
    pub disabled: Vec<String>,
    /// Stop before the pass table (for `golift tool ssa -start`).
    pub no_passes: bool,
    /// `-d=ssa/all/time`: print the time of each pass.
    pub time: bool,
    /// `-d=ssa/<pass>/dump[=func]`: write the text after that pass to `<func>_<NN>__<pass>.dump`.
    pub dump: Vec<(String, Option<String>)>,
    /// `GOSSAFUNC=f[:first-last]`: the function to write ssa.html for, and the passes whose
    /// columns show the CFG.
    pub ssafunc: Option<(String, Option<(String, String)>)>,
    /// `GOSSADIR`: where ssa.html goes (as `main.<f>.html`); else ./ssa.html.
    pub ssadir: Option<PathBuf>,
    /// `-d=ssa/<pass>/debug=N`: the passes whose remarks are printed.
    pub debug: Vec<String>,
    /// `-m` (1), `-m=2` or `-m -m` (2): print escape analysis's decisions.
    pub escape_m: u32,
}

impl SsaOptions {
    /// Whether `GOSSAFUNC` names the function with symbol `sym` (`f`, `T.m` or `(*T).m`).
    pub fn is_ssafunc(&self, sym: &str) -> bool {
        let Some((want, _)) = &self.ssafunc else { return false };
        if want == "*" {
            // Every function of package main (the ssa-dumps gallery).
            return sym.starts_with("main.");
        }
        let plain = |s: &str| s.replace("(*", "").replace(')', "");
        let local = sym.split_once('.').map(|(_, r)| r).unwrap_or(sym);
        sym == want || local == want || plain(local) == plain(want)
    }
}

pub fn build_ssa(c: &mut Checked, opts: &SsaOptions) -> Result<ssa::ir::Program, Failure> {
    build_ssa_capturing(c, opts, &mut vec![])
}

/// As `build_ssa`, also keeping a copy of the `GOSSAFUNC` function after every pass.
pub fn build_ssa_capturing(c: &mut Checked, opts: &SsaOptions, snapshots: &mut Vec<ssa::html::Snapshot>) -> Result<ssa::ir::Program, Failure> {
    let mut diags = Diagnostics::default();
    let noescape = c.sm.directive_funcs("noescape");
    let noinline = c.sm.directive_funcs("noinline");
    // (gc with -m=2 costs every function to its end, which changes when it judges literals.)
    let inline = (!opts.no_inline && !opts.no_passes).then_some((&noinline, opts.escape_m >= 2));
    let mut prog = ssa::build::build_program(&c.info, &mut c.tt, &c.packages, &noescape, inline, !opts.no_passes && !opts.no_typeflow, opts.escape_m > 0, &mut diags);
    if !diags.is_empty() {
        return Err(Failure::Diagnostics(diags.render(&c.sm)));
    }
    if opts.typeflow_debug {
        if let Some(r) = &prog.typeflow {
            eprint!("{}", r);
        }
    }
    if let Some(report) = prog.inlining.take() {
        if opts.escape_m > 0 {
            print_inlining(c, &report, opts.escape_m);
        }
    }
    if opts.escape_m > 0 {
        print_escape(c, &prog.escape, opts.escape_m);
        print_bounded(c, &prog);
    }
    if !opts.no_passes {
        let t0 = std::time::Instant::now();
        // Nothing to watch between passes: the functions go through the table on every core
        // at once (each is independent), as codegen compiles them.
        let watched = opts.time || !opts.dump.is_empty() || opts.ssafunc.is_some();
        if !watched {
            run_passes_parallel(&mut prog.funcs, &c.tt, opts)?;
        }
        for f in prog.funcs.iter_mut().filter(|_| watched) {
            let mut n = 0;
            let mut observe = |pass: &str, f: &ssa::ir::Func, d: std::time::Duration| {
                if opts.time && pass != "start" {
                    // A closed stdout (`| head`) must not stop the build.
                    use std::io::Write;
                    let _ = writeln!(std::io::stdout(), "{}\t{}\t{:.3}µs", f.name, pass, d.as_secs_f64() * 1e6);
                }
                for (p, func) in &opts.dump {
                    if p == pass && func.as_ref().map_or(true, |x| *x == f.name) {
                        let name = format!("{}_{:02}__{}.dump", f.name, n, pass).replace(' ', "_").replace('/', "_");
                        let _ = std::fs::write(&name, ssa::print::func_string(f, &c.tt, Some(&c.sm)));
                    }
                }
                if opts.is_ssafunc(&f.sym) && f.sym != "go.entry" {
                    let mut copy = f.clone();
                    copy.cache = None;
                    snapshots.push(ssa::html::Snapshot { pass: pass.to_string(), func: copy });
                }
                n += 1;
            };
            ssa::passes::run_all(f, &c.tt, opts.check_each, &opts.disabled, &mut observe).map_err(|e| Failure::Message(format!("internal compiler error: SSA check failed: {}", e)))?;
        }
        if std::env::var_os("GOLIFT_TIMES").is_some() {
            eprintln!("golift:   pass table {:.1} ms ({} functions)", t0.elapsed().as_secs_f64() * 1e3, prog.funcs.len());
        }
        // Remarks of the passes asked for, in source order, as gc prints them (package main's
        // functions only: the shipped packages are not the user's code).
        if !opts.debug.is_empty() {
            let mut lines: Vec<(u32, String)> = vec![];
            for f in prog.funcs.iter().filter(|f| f.sym != "go.entry") {
                for (pass, pos, text) in &f.remarks {
                    if opts.debug.iter().any(|d| d == pass) && *pos != u32::MAX && !c.sm.files.is_empty() {
                        let (fi, lc) = c.sm.line_col(*pos);
                        let file = &c.sm.files[fi];
                        if !file.path.starts_with("$GOLIFT/") {
                            lines.push((*pos, format!("{}:{}:{}: {}", file.path, lc.line, lc.col, text)));
                        }
                    }
                }
            }
            // Sorted by position, in the order the passes made them at one position; a message
            // repeats when it is about two things there (two loops of a function inlined at
            // one call), as gc's do.
            lines.sort_by_key(|l| l.0);
            use std::io::Write;
            for (_, l) in lines {
                let _ = writeln!(std::io::stdout(), "{}", l);
            }
        }
    }
    Ok(prog)
}

/// The pass table over `funcs` on every core (`parallel.rs`). The first failure, in the
/// functions' order (an SSA check), is returned.
fn run_passes_parallel(funcs: &mut [ssa::ir::Func], tt: &types::ty::TypeTable, opts: &SsaOptions) -> Result<(), Failure> {
    let results = crate::parallel::map_mut(funcs, |f| ssa::passes::run_all(f, tt, opts.check_each, &opts.disabled, &mut |_, _, _| {}));
    match results.into_iter().find_map(Result::err) {
        Some(e) => Err(Failure::Message(format!("internal compiler error: SSA check failed: {}", e))),
        None => Ok(()),
    }
}

/// `-gcflags=-m`: inlining's messages for the user's files, before escape analysis's (gc
/// prints each phase's messages in position order, inlining first).
fn print_inlining(c: &Checked, report: &ssa::inline::Report, level: u32) {
    use std::io::Write;
    let mut lines: Vec<(u32, String)> = vec![];
    for (pos, text, lvl) in &report.messages {
        // -m prints the level 1 messages, -m=2 those of level 2 in their place.
        if (*lvl == 1 && level >= 2 && text.starts_with("can inline")) || *lvl > level {
            continue;
        }
        if *pos == u32::MAX || c.sm.files.is_empty() {
            continue;
        }
        let at = *pos;
        // -m=2 shows the body it would copy, as gc.
        let mut text = text.clone();
        if *lvl == 2 && text.starts_with("can inline ") && text.contains(" with cost ") {
            let body = report.funcs_at.get(pos).and_then(|&fp| {
                let files = &c.packages.last()?.files;
                ssa::bodyfmt::inline_text(&ssa::bodyfmt::find_func(files, fp)?, &c.info, &c.tt)
            });
            if let Some(b) = body {
                text = format!("{} as: {}", text, b);
            }
        }
        let (fi, lc) = c.sm.line_col(at);
        let file = &c.sm.files[fi];
        if file.path.starts_with("$GOLIFT/") {
            continue;
        }
        lines.push((at, format!("{}:{}:{}: {}", file.path, lc.line, lc.col, text)));
    }
    // In the order inlining decided them (functions callees first; in each, its decision and
    // then the calls inlined into it), as gc prints them.
    let out: String = lines.into_iter().map(|(_, l)| l + "\n").collect();
    let _ = std::io::stderr().write_all(out.as_bytes());
}

/// `-m`: the index expressions whose bounds check the index's type makes needless (gc
/// reports them as its walk, after escape analysis, goes through the user's functions).
fn print_bounded(c: &Checked, prog: &ssa::ir::Program) {
    use std::io::Write;
    let mut at: Vec<u32> = prog.funcs.iter().filter(|f| f.sym.starts_with("main.") && !f.wrapper).flat_map(|f| f.bounded_index.iter().copied()).collect();
    at.sort();
    let mut out = String::new();
    for pos in at {
        if pos == u32::MAX || c.sm.files.is_empty() {
            continue;
        }
        let (fi, lc) = c.sm.line_col(pos);
        let file = &c.sm.files[fi];
        if !file.path.starts_with("$GOLIFT/") {
            out.push_str(&format!("{}:{}:{}: index bounds check elided\n", file.path, lc.line, lc.col));
        }
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
}

/// `-gcflags=-m`: escape analysis's messages for the user's files, on standard error (where
/// the go command shows the compiler's output), in gc's order.
fn print_escape(c: &Checked, msgs: &[ssa::escape::Message], level: u32) {
    use std::io::Write;
    let at = |pos: u32| -> Option<String> {
        if pos == u32::MAX || c.sm.files.is_empty() {
            return None;
        }
        let (fi, lc) = c.sm.line_col(pos);
        let file = &c.sm.files[fi];
        if file.path.starts_with("$GOLIFT/") {
            return None;
        }
        Some(format!("{}:{}:{}", file.path, lc.line, lc.col))
    };
    let mut out = String::new();
    for m in msgs {
        let Some(p) = at(m.pos) else { continue };
        if level >= 2 {
            for (wpos, line) in &m.explain {
                match wpos.and_then(|w| at(w)) {
                    Some(w) => out.push_str(&format!("{}: {} at {}\n", p, line, w)),
                    None => out.push_str(&format!("{}: {}\n", p, line)),
                }
            }
        }
        out.push_str(&format!("{}: {}\n", p, m.text));
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
}

pub fn codegen(c: &Checked, prog: &ssa::ir::Program, target: &Target) -> Result<Vec<u8>, Failure> {
    codegen_with_text(c, prog, target, Default::default(), false, None).map(|r| r.0)
}

/// The Cranelift IR before and after optimisation, and the machine code, of functions.
pub type ClifText = crate::HashMap<String, (String, String, String)>;

/// Codegen, also returning the Cranelift text of the functions with symbols in `want`.
/// `verify`: run Cranelift's IR verifier on every function (with `-d=ssa/check/on`).
/// `code_cache`: a directory where compiled functions are kept between builds.
pub fn codegen_with_text(c: &Checked, prog: &ssa::ir::Program, target: &Target, want: crate::HashSet<String>, verify: bool, code_cache: Option<&Path>) -> Result<(Vec<u8>, ClifText), Failure> {
    let err = |e: String| Failure::Message(format!("internal compiler error: codegen: {}", e));
    let mut cg = Codegen::new(target, &c.tt, verify).map_err(err)?;
    cg.want_text = want;
    cg.code_cache = code_cache.map(Path::to_path_buf);
    cg.declare_program(prog).map_err(err)?;
    cg.functions(&prog.funcs).map_err(err)?;
    let text = std::mem::take(&mut cg.text);
    Ok((cg.finish().map_err(err)?, text))
}

/// The whole pipeline: files to an executable.
/// With `GOLIFT_TIMES` set, `build` prints how long each stage took to standard error.
struct StageTimes {
    on: bool,
    last: std::time::Instant,
}

impl StageTimes {
    fn new() -> StageTimes {
        StageTimes { on: std::env::var_os("GOLIFT_TIMES").is_some(), last: std::time::Instant::now() }
    }
    fn done(&mut self, stage: &str) {
        if self.on {
            eprintln!("golift: {:<8} {:>8.1} ms", stage, self.last.elapsed().as_secs_f64() * 1e3);
        }
        self.last = std::time::Instant::now();
    }
}

/// The flags of a build that change its executable, written out for its action ID; None when
/// the build prints or writes something besides the executable (`-m`, dumps, `GOSSAFUNC`,
/// timings, type flow's findings) or reads the shipped packages from `GOLIFT_LIB`, and so does not use the cache.
fn cache_flags(opts: &SsaOptions, strip: bool) -> Option<String> {
    let quiet = opts.escape_m == 0 && opts.debug.is_empty() && opts.dump.is_empty() && opts.ssafunc.is_none() && !opts.time && !opts.no_passes && !opts.typeflow_debug;
    let env = ["GOLIFT_TIMES", "GOLIFT_LIB"].iter().any(|v| std::env::var_os(v).is_some());
    (quiet && !env).then(|| format!("strip={} l={} check={} off={:?} typeflow={}", strip, opts.no_inline, opts.check_each, opts.disabled, !opts.no_typeflow))
}

pub fn build(files: &[PathBuf], target: &Target, out: &Path, opts: &SsaOptions, strip: bool) -> Result<(), Failure> {
    // A program built before with the same golift, flags and sources is copied from the cache.
    let cache = crate::cache::Cache::open();
    let cached = cache.as_ref().and_then(|cache| Some((cache, crate::cache::action_id(files, target, &cache_flags(opts, strip)?)?)));
    if let Some((cache, id)) = &cached {
        if cache.get(id, out) {
            return Ok(());
        }
    }
    let mut times = StageTimes::new();
    let loaded = load_for(files, target)?;
    times.done("parse");
    // The linker starts now, and waits for the object (link.rs): its start-up runs beside
    // the checker, which uses one core (parsing used them all).
    let link = crate::link::Link::start(target, out, strip, cache.as_ref());
    times.done("link start");
    let mut checked = check(loaded)?;
    times.done("check");
    let mut snapshots = vec![];
    let prog = build_ssa_capturing(&mut checked, opts, &mut snapshots)?;
    times.done("ssa");
    if checked.packages.last().map_or(false, |p| p.library) {
        return Ok(());
    }
    let want = snapshots.iter().map(|s| s.func.sym.clone()).collect();
    // Compiled functions are kept even by builds whose executable is not (those that print):
    // Cranelift names them by their IR, whatever asked for them.
    let (obj, mut text) = codegen_with_text(&checked, &prog, target, want, opts.check_each, cache.as_ref().map(|c| c.dir()))?;
    times.done("codegen");
    for (sym, snaps) in group_snapshots(snapshots) {
        let t = text.remove(&sym).unwrap_or_default();
        write_ssa_html(&checked, opts, snaps, t, target)?;
    }
    link.finish(&obj)?;
    times.done("link");
    if let Some((cache, id)) = &cached {
        cache.put(id, out);
    }
    Ok(())
}

/// Snapshots of several functions, grouped per function in the order the functions came.
pub fn group_snapshots(snapshots: Vec<ssa::html::Snapshot>) -> Vec<(String, Vec<ssa::html::Snapshot>)> {
    let mut groups: Vec<(String, Vec<ssa::html::Snapshot>)> = vec![];
    for s in snapshots {
        match groups.iter_mut().find(|g| g.0 == s.func.sym) {
            Some(g) => g.1.push(s),
            None => groups.push((s.func.sym.clone(), vec![s])),
        }
    }
    groups
}

/// Writes the GOSSAFUNC page and says where, as gc does.
fn write_ssa_html(c: &Checked, opts: &SsaOptions, snapshots: Vec<ssa::html::Snapshot>, text: (String, String, String), target: &Target) -> Result<(), Failure> {
    let f = &snapshots[0].func;
    let name = f.name.clone();
    let html = ssa_html(c, opts, snapshots, text, target);
    let path = match &opts.ssadir {
        Some(d) => {
            std::fs::create_dir_all(d).map_err(|e| Failure::Message(format!("GOSSADIR {}: {}", d.display(), e)))?;
            d.join(format!("{}.html", name.replace(['/', ' '], "_")))
        }
        None => PathBuf::from("ssa.html"),
    };
    let tmp = path.with_extension("html.tmp");
    std::fs::write(&tmp, html).and_then(|_| std::fs::rename(&tmp, &path)).map_err(|e| Failure::Message(format!("writing {}: {}", path.display(), e)))?;
    let abs = std::fs::canonicalize(&path).unwrap_or(path);
    use std::io::Write;
    let _ = writeln!(std::io::stdout(), "dumped SSA to {}", abs.display());
    Ok(())
}

/// The page for one function (also used by the ssa-dumps gallery).
/// The machine code column names the target: GOARCH=arm64 shows arm64 code.
pub fn ssa_html(c: &Checked, opts: &SsaOptions, snapshots: Vec<ssa::html::Snapshot>, text: (String, String, String), target: &Target) -> String {
    let f = &snapshots[0].func;
    // The function's declaration: its source lines and its AST.
    let decl = c.packages.iter().flat_map(|p| p.files.iter()).flat_map(|file| file.decls.iter()).find_map(|d| match d {
        crate::syntax::ast::Decl::Func(fd) if fd.span.lo == f.pos => Some(fd),
        _ => None,
    });
    let (source, ast) = match decl {
        Some(fd) => {
            let (fi, start) = c.sm.line_col(fd.span.lo);
            let end = c.sm.line_col(fd.span.hi.saturating_sub(1)).1.line;
            let text = &c.sm.files[fi].text;
            let lines: Vec<(u32, String)> = text.lines().enumerate().map(|(i, l)| (i as u32 + 1, l.to_string())).filter(|(n, _)| *n >= start.line && *n <= end).collect();
            let mut pr = crate::syntax::dump::Printer::new(&c.sm);
            pr.func_decl(fd);
            (lines, pr.finish())
        }
        None => (vec![], String::new()),
    };
    let sm = &c.sm;
    let line_of = |pos: u32| if pos == u32::MAX || sm.files.is_empty() { None } else { Some(sm.line(pos)) };
    let input = ssa::html::HtmlInput {
        name: f.name.clone(),
        source,
        ast,
        snapshots,
        cfg_range: opts.ssafunc.as_ref().and_then(|(_, r)| r.clone()),
        clif_before: text.0,
        clif_after: text.1,
        machine: text.2,
        target: target.name(),
        tt: &c.tt,
        line_of: &line_of,
    };
    ssa::html::render(&input)
}

#[cfg(test)]
mod tests {
    use super::import_paths;

    #[test]
    fn import_paths_are_read_from_the_header() {
        let src = "// a comment\npackage p\n\nimport \"fmt\"\nimport (\n\t\"os\"\n\tu \"unicode/utf8\"\n\t. `strings`\n\t_ \"sort\"\n)\nimport \"errors\"\n\nfunc f() { _ = \"not/an/import\" }\n";
        assert_eq!(import_paths(src), ["fmt", "os", "unicode/utf8", "strings", "sort", "errors"]);
        assert_eq!(import_paths("package p\n\nfunc f() {}\n"), Vec::<String>::new());
        assert_eq!(import_paths("package p; import \"io\"; var x int\n"), ["io"]);
        assert_eq!(import_paths("not go at all"), Vec::<String>::new());
    }
}
