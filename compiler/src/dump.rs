//! `golift tool tokens|ast|types|ssa FILES`: every stage can be dumped.
use std::process::exit;

use crate::driver::{self, Failure, SsaOptions};
use crate::syntax::lexer::tokenize;

pub fn tool(args: &[String]) {
    let Some(what) = args.first() else {
        eprintln!("usage: golift tool tokens|ast|types|ssa [-start] files.go");
        exit(2)
    };
    let mut rest: Vec<String> = args[1..].to_vec();
    let start_only = rest.first().map_or(false, |a| a == "-start");
    if start_only {
        rest.remove(0);
    }
    let files = driver::expand_args(&rest).unwrap_or_else(|e| Failure::Message(e).exit());
    print!("{}", render(what, &files, start_only).unwrap_or_else(|e| e.exit()));
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
            let c = driver::check(driver::load(files)?)?;
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
                out.push_str(&format!("{}: {} {} {}\n", c.sm.position(o.pos), kind, o.name, ty));
            }
        }
        "ssa" => {
            let mut c = driver::check(driver::load(files)?)?;
            let opts = SsaOptions { check_each: true, no_passes: start_only, ..Default::default() };
            let prog = driver::build_ssa(&mut c, &opts)?;
            for f in &prog.funcs {
                out.push_str(&crate::ssa::print::func_string(f, &c.tt, Some(&c.sm)));
                out.push('\n');
            }
        }
        _ => return Err(Failure::Message(format!("unknown tool {} (tokens, ast, types, ssa)", what))),
    }
    Ok(out)
}
