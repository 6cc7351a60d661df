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

pub struct Loaded {
    pub sm: SourceMap,
    pub packages: Vec<Package>,
}

const SHIPPED: &[(&str, &str, &str)] = &[("os", "lib/os/os.go", include_str!("../lib/os/os.go"))];

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
    let mut sm = SourceMap::new();
    let mut diags = Diagnostics::default();
    let mut next_id = 0u32;
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
        let (src, base) = (sm.files[fi].text.clone(), sm.files[fi].base);
        if src.trim().is_empty() {
            diags.error(base, "expected 'package', found 'EOF'");
            continue;
        }
        if let Some(ast) = parse_file(&src, base, &mut next_id, &mut diags) {
            user.push(ast);
        }
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
    if !name.is_empty() && name != "main" {
        return Err(Failure::Message(format!("package {} is not a main package (golift builds commands)", name)));
    }
    let mut packages = vec![];
    for (pkg, path, text) in SHIPPED {
        let fi = sm.add(&format!("$GOLIFT/{}", path), text.to_string());
        let (src, base) = (sm.files[fi].text.clone(), sm.files[fi].base);
        let ast = parse_file(&src, base, &mut next_id, &mut diags).expect("shipped package parses");
        packages.push(Package { path: pkg.to_string(), name: pkg.to_string(), files: std::rc::Rc::new(vec![ast]), scope: Default::default() });
    }
    packages.push(Package { path: "main".into(), name: "main".into(), files: std::rc::Rc::new(user), scope: Default::default() });
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
    pub check_each: bool,
    pub disabled: Vec<String>,
    /// Stop before the pass table (for `golift tool ssa -start`).
    pub no_passes: bool,
    /// `-d=ssa/all/time`: print the time of each pass.
    pub time: bool,
    /// `-d=ssa/<pass>/dump[=func]`: write the text after that pass to `<func>_<NN>__<pass>.dump`.
    pub dump: Vec<(String, Option<String>)>,
}

pub fn build_ssa(c: &mut Checked, opts: &SsaOptions) -> Result<ssa::ir::Program, Failure> {
    let mut diags = Diagnostics::default();
    let mut prog = ssa::build::build_program(&c.info, &mut c.tt, &c.packages, &mut diags);
    if !diags.is_empty() {
        return Err(Failure::Diagnostics(diags.render(&c.sm)));
    }
    if !opts.no_passes {
        for f in &mut prog.funcs {
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
                n += 1;
            };
            ssa::passes::run_all(f, &c.tt, opts.check_each, &opts.disabled, &mut observe).map_err(|e| Failure::Message(format!("internal compiler error: SSA check failed: {}", e)))?;
        }
    }
    Ok(prog)
}

pub fn codegen(c: &Checked, prog: &ssa::ir::Program, target: &Target) -> Result<Vec<u8>, Failure> {
    let err = |e: String| Failure::Message(format!("internal compiler error: codegen: {}", e));
    let mut cg = Codegen::new(target, &c.tt).map_err(err)?;
    cg.declare_program(prog).map_err(err)?;
    for f in &prog.funcs {
        cg.function(f).map_err(err)?;
    }
    cg.finish().map_err(err)
}

fn runtime_archive(target: &Target) -> &'static [u8] {
    let _ = target;
    include_bytes!(env!("GOLIFT_RUNTIME_LINUX_AMD64"))
}

fn rust_lld() -> PathBuf {
    let host = "x86_64-unknown-linux-gnu";
    let p = PathBuf::from(env!("GOLIFT_SYSROOT")).join("lib/rustlib").join(host).join("bin/rust-lld");
    if p.exists() {
        return p;
    }
    // The toolchain may have moved: ask rustc.
    if let Ok(o) = std::process::Command::new("rustc").args(["--print", "sysroot"]).output() {
        let s = String::from_utf8_lossy(&o.stdout).trim().to_string();
        return PathBuf::from(s).join("lib/rustlib").join(host).join("bin/rust-lld");
    }
    p
}

/// Links the object with the runtime into `out`, writing to a temporary file first and
/// renaming it into place.
pub fn link(obj: &[u8], target: &Target, out: &Path, strip: bool) -> Result<(), Failure> {
    let dir = std::env::temp_dir().join(format!("golift-{}-{}", std::process::id(), std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)));
    std::fs::create_dir_all(&dir).map_err(|e| Failure::Message(format!("creating {}: {}", dir.display(), e)))?;
    let result = (|| {
        let o = dir.join("main.o");
        let rt = dir.join("libgolift_runtime.a");
        std::fs::write(&o, obj).map_err(|e| Failure::Message(e.to_string()))?;
        std::fs::write(&rt, runtime_archive(target)).map_err(|e| Failure::Message(e.to_string()))?;
        let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let tmp = parent.join(format!(".{}.golift-tmp", out.file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_default()));
        let args = target.link_args(&[o.display().to_string()], &rt.display().to_string(), &tmp.display().to_string(), strip);
        let lld = rust_lld();
        let res = std::process::Command::new(&lld).args(&args).output().map_err(|e| Failure::Message(format!("running {}: {}", lld.display(), e)))?;
        if !res.status.success() {
            let _ = std::fs::remove_file(&tmp);
            return Err(Failure::Message(format!("link failed:\n{}", String::from_utf8_lossy(&res.stderr))));
        }
        std::fs::rename(&tmp, out).map_err(|e| Failure::Message(format!("writing {}: {}", out.display(), e)))?;
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// The whole pipeline: files to an executable.
pub fn build(files: &[PathBuf], target: &Target, out: &Path, opts: &SsaOptions, strip: bool) -> Result<(), Failure> {
    let loaded = load(files)?;
    let mut checked = check(loaded)?;
    let prog = build_ssa(&mut checked, opts)?;
    let obj = codegen(&checked, &prog, target)?;
    link(&obj, target, out, strip)
}
