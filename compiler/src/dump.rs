//! `golift tool tokens|ast|types|ssa FILES`: every stage can be dumped.
use std::process::exit;

use crate::driver::{self, Failure, SsaOptions};
use crate::syntax::lexer::tokenize;

pub fn tool(args: &[String]) {
    let Some(what) = args.first() else {
        eprintln!("usage: golift tool tokens|ast|types|ssa [-start] files.go\n       golift tool ssadumps OUTDIR files.go...\n       golift tool dist list");
        exit(2)
    };
    if what == "dist" {
        // As `go tool dist list`: the supported GOOS/GOARCH pairs.
        if args.get(1).map(String::as_str) != Some("list") || args.len() > 2 {
            eprintln!("usage: golift tool dist list");
            exit(2)
        }
        for (os, arch) in crate::target::SUPPORTED {
            println!("{}/{}", os, arch);
        }
        return;
    }
    if what == "ssadumps" {
        let Some(out) = args.get(1) else {
            eprintln!("usage: golift tool ssadumps OUTDIR files.go...");
            exit(2)
        };
        let files: Vec<std::path::PathBuf> = args[2..].iter().map(std::path::PathBuf::from).collect();
        if let Err(e) = gallery(std::path::Path::new(out), &files) {
            e.exit()
        }
        return;
    }
    let mut rest: Vec<String> = args[1..].to_vec();
    let start_only = rest.first().map_or(false, |a| a == "-start");
    if start_only {
        rest.remove(0);
    }
    let files = driver::expand_args(&rest).unwrap_or_else(|e| Failure::Message(e).exit());
    print!("{}", render(what, &files, start_only).unwrap_or_else(|e| e.exit()));
}

/// The ssa-dumps gallery: the ssa.html of every function of package main of each program, in
/// `out/<program>/<function>.html`, and `out/index.html` linking them. Deterministic.
pub fn gallery(out: &std::path::Path, files: &[std::path::PathBuf]) -> Result<(), Failure> {
    let io = |e: std::io::Error| Failure::Message(format!("{}: {}", out.display(), e));
    let mut files = files.to_vec();
    files.sort();
    let target = crate::target::Target::from_env(None, None).map_err(Failure::Message)?;
    let opts = SsaOptions { check_each: true, ssafunc: Some(("*".into(), None)), ..Default::default() };
    let mut index = String::from("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>golift SSA gallery</title>\n<style>body{font-family:sans-serif;margin:16px} li{margin:2px 0} code{font-size:13px}</style></head><body>\n<h1>golift SSA gallery</h1>\n<p>Each page shows one function through every stage: source, AST, the SSA after each pass, Cranelift IR before and after optimisation, machine code. Regenerate with <code>scripts/ssa-dumps.sh</code>.</p>\n");
    for file in &files {
        let prog_name = file.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        let mut c = driver::check(driver::load(std::slice::from_ref(file))?)?;
        let mut snaps = vec![];
        let prog = driver::build_ssa_capturing(&mut c, &opts, &mut snaps)?;
        let want = snaps.iter().map(|s| s.func.sym.clone()).collect();
        let (_, mut text) = driver::codegen_with_text(&c, &prog, &target, want, true, None)?;
        let dir = out.join(&prog_name);
        std::fs::create_dir_all(&dir).map_err(io)?;
        index.push_str(&format!("<h2>{}.go</h2>\n<ul>\n", prog_name));
        for (sym, group) in driver::group_snapshots(snaps) {
            let t = text.remove(&sym).unwrap_or_default();
            let html = driver::ssa_html(&c, &opts, group, t, &target);
            let fname = format!("{}.html", sym.trim_start_matches("main.").replace(['(', ')', '*', '/'], ""));
            std::fs::write(dir.join(&fname), html).map_err(io)?;
            index.push_str(&format!("<li><a href=\"{}/{}\"><code>{}</code></a></li>\n", prog_name, fname, sym));
        }
        index.push_str("</ul>\n");
    }
    index.push_str("</body></html>\n");
    std::fs::write(out.join("index.html"), index).map_err(io)
}

/// The dump as text (also used by the snapshot tests).
pub fn render(what: &str, files: &[std::path::PathBuf], start_only: bool) -> Result<String, Failure> {
    let mut out = String::new();
    match what {
        "tokens" => {
            for f in files {
                let text = std::fs::read_to_string(f).map_err(|e| Failure::Message(format!("{}: {}", f.display(), e)))?;
                let mut sm = crate::source::SourceMap::new();
                sm.add(&f.display().to_string(), text.clone());
                match tokenize(&text, 0) {
                    Ok(toks) => {
                        for (lo, t, _) in toks {
                            let text = if t == crate::syntax::token::Tok::Semi && !text[lo..].starts_with(';') { "\\n".to_string() } else { t.text() };
                            out.push_str(&format!("{}\t{}\t{}\n", sm.position(lo as u32), t.kind(), text));
                        }
                    }
                    Err(e) => return Err(Failure::Diagnostics(format!("{}: {}\n", sm.position(e.pos), e.msg))),
                }
            }
        }
        "ast" => {
            let l = driver::load(files)?;
            for p in l.packages.iter().filter(|p| p.name == "main") {
                for f in p.files.iter() {
                    let mut pr = crate::syntax::dump::Printer::new(&l.sm);
                    pr.file(f);
                    out.push_str(&pr.finish());
                }
            }
        }
        "types" => {
            let mut c = driver::check(driver::load(files)?)?;
            let mut objs: Vec<&crate::types::Object> = c.info.objects.iter().filter(|o| o.global && o.pkg == c.packages.len() - 1).collect();
            objs.sort_by_key(|o| o.pos);
            for o in objs {
                let kind = match &o.kind {
                    crate::types::ObjKind::Var => "var".to_string(),
                    crate::types::ObjKind::Const(v) => format!("const = {}", v.describe()),
                    crate::types::ObjKind::TypeName => "type".to_string(),
                    crate::types::ObjKind::Func => "func".to_string(),
                    _ => continue,
                };
                let ty = if matches!(o.kind, crate::types::ObjKind::TypeName) {
                    let u = c.tt.under(o.ty);
                    c.tt.name(u)
                } else {
                    c.tt.name(o.ty)
                };
                // A generic function or type: its type parameters and their constraints.
                let oid = c.info.objects.iter().position(|x| std::ptr::eq(x, o)).unwrap_or(0) as u32;
                let tps = match (&o.kind, c.info.generic.get(&oid)) {
                    (crate::types::ObjKind::Func, Some(tps)) => tps.clone(),
                    (crate::types::ObjKind::TypeName, _) => c.tt.named_data(o.ty).map(|n| n.tparams.clone()).unwrap_or_default(),
                    _ => vec![],
                };
                let tps = if tps.is_empty() {
                    String::new()
                } else {
                    let parts: Vec<String> = tps
                        .iter()
                        .map(|t| {
                            let cst = c.tt.tparam_data(*t).map_or(crate::types::ty::EMPTY_IFACE, |p| p.constraint);
                            let cn = if cst == crate::types::ty::EMPTY_IFACE { "any".to_string() } else { c.tt.name(cst) };
                            format!("{} {}", c.tt.name(*t), cn)
                        })
                        .collect();
                    format!("[{}]", parts.join(", "))
                };
                // A method of a generic type: named with its receiver's type parameters.
                let (name, tps) = match (o.recv_named, c.info.generic.get(&oid)) {
                    (Some(nt), Some(rtps)) => {
                        let names: Vec<String> = rtps.iter().map(|t| c.tt.name(*t)).collect();
                        (format!("({}[{}]).{}", c.tt.name(nt), names.join(", "), o.name), String::new())
                    }
                    _ => (o.name.clone(), tps),
                };
                out.push_str(&format!("{}: {} {}{} {}\n", c.sm.position(o.pos), kind, name, tps, ty));
            }
            // The run-time type information the program carries.
            let prog = driver::build_ssa(&mut c, &SsaOptions { no_passes: true, ..Default::default() })?;
            // The instances of generic functions and types that the program uses (one
            // function each: golift compiles generics by monomorphisation).
            let mut inst: Vec<String> = prog.funcs.iter().filter(|f| f.sym.starts_with("main.") && f.sym.contains('[') && !f.wrapper).map(|f| format!("instance func {}\n", f.sym)).collect();
            let mut tinst: Vec<String> = c
                .tt
                .instances
                .values()
                .filter(|&&t| !c.tt.has_tparams(t) && c.tt.named_data(t).map_or(false, |n| n.pkg == "main"))
                .map(|&t| format!("instance type {} {}\n", c.tt.rt_name(t), c.tt.name(c.tt.under(t))))
                .collect();
            inst.sort();
            tinst.sort();
            out.push_str(&tinst.concat());
            out.push_str(&inst.concat());
            out.push_str(&crate::codegen::typedesc::describe(&c.tt, &prog));
        }
        "ssa" => {
            let mut c = driver::check(driver::load(files)?)?;
            let opts = SsaOptions { check_each: true, no_passes: start_only, ..Default::default() };
            let prog = driver::build_ssa(&mut c, &opts)?;
            // Package main's functions (with their literals and wrappers) and the entry; the
            // shipped packages' are left out.
            for f in prog.funcs.iter().filter(|f| f.sym.starts_with("main.") || f.sym == "go.entry") {
                out.push_str(&crate::ssa::print::func_string(f, &c.tt, Some(&c.sm)));
                out.push('\n');
            }
        }
        _ => return Err(Failure::Message(format!("unknown tool {} (tokens, ast, types, ssa)", what))),
    }
    Ok(out)
}
