//! `golift`: the command line, shaped like the go command.
use std::path::PathBuf;
use std::process::exit;

use golift::driver::{self, Failure, SsaOptions};
use golift::target::Target;

// The compiler allocates many small, short-lived objects (syntax trees, SSA values, hash
// maps); mimalloc does that faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "golift is an ahead-of-time compiler for Go.

Usage:

\tgolift <command> [arguments]

The commands are:

\tbuild       compile a program: golift build [-o output] [-gcflags=...] [-ldflags=...] [dir | files.go]
\trun         compile and run: golift run [build flags] files.go... [arguments]
\tversion     print golift's version
\ttool        dump a stage: golift tool tokens|ast|types|ssa file.go...
\thelp        this text

GOOS and GOARCH select the target: darwin/amd64, darwin/arm64, linux/amd64, linux/arm64,
windows/amd64 (golift tool dist list). `golift run` runs other targets' programs through
go_$GOOS_$GOARCH_exec from $PATH, as the go command does (e.g. a wrapper calling qemu-aarch64
or wine).
";

struct BuildFlags {
    out: Option<String>,
    strip: bool,
    ssa: SsaOptions,
    rest: Vec<String>,
}

fn parse_build_flags(args: &[String], stop_at_go_files: bool) -> BuildFlags {
    let mut f = BuildFlags { out: None, strip: false, ssa: SsaOptions::default(), rest: vec![] };
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if !a.starts_with('-') || a == "-" {
            break;
        }
        let (name, val) = match a.trim_start_matches('-').split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (a.trim_start_matches('-').to_string(), None),
        };
        let take = |i: &mut usize| -> String {
            if let Some(v) = &val {
                return v.clone();
            }
            *i += 1;
            args.get(*i).cloned().unwrap_or_else(|| {
                eprintln!("flag needs an argument: -{}", name);
                exit(2)
            })
        };
        match name.as_str() {
            "o" => f.out = Some(take(&mut i)),
            "ldflags" => {
                let v = take(&mut i);
                for w in v.split_whitespace() {
                    match w {
                        "-s" | "-w" => f.strip = true,
                        _ => {
                            eprintln!("golift: unsupported -ldflags option {}", w);
                            exit(2)
                        }
                    }
                }
            }
            "gcflags" => {
                let v = take(&mut i);
                for w in v.split_whitespace() {
                    if let Some(d) = w.strip_prefix("-d=") {
                        for item in d.split(',') {
                            match item.split('/').collect::<Vec<_>>().as_slice() {
                                ["ssa", "check", "on"] => f.ssa.check_each = true,
                                // gc 1.19's default (functions that contain closures may be
                                // inlined); golift never inlines those, with or without it.
                                ["inlfuncswithclosures=1"] => {}
                                ["ssa", "all", "time"] => f.ssa.time = true,
                                ["typeflow", "off"] => f.ssa.no_typeflow = true,
                                ["typeflow", debug] if debug.starts_with("debug=") => f.ssa.typeflow_debug = *debug != "debug=0",
                                ["ssa", "help"] => {
                                    use std::io::Write;
                                    let _ = write!(std::io::stdout(), "{}", ssa_help());
                                    exit(0)
                                }
                                ["ssa", pass, dump] if dump.starts_with("dump") => {
                                    let pass = pass.replace('_', " ");
                                    if pass != "start" && !golift::ssa::passes::PASSES.iter().any(|p| p.name == pass) {
                                        eprintln!("golift: unknown SSA phase {}", pass);
                                        exit(2)
                                    }
                                    let func = dump.strip_prefix("dump=").map(String::from);
                                    f.ssa.dump.push((pass, func));
                                }
                                ["ssa", pass, debug] if debug.starts_with("debug=") => {
                                    let pass = pass.replace('_', " ");
                                    if !golift::ssa::passes::PASSES.iter().any(|p| p.name == pass) {
                                        eprintln!("golift: unknown SSA phase {}", pass);
                                        exit(2)
                                    }
                                    if *debug != "debug=0" {
                                        f.ssa.debug.push(pass);
                                    }
                                }
                                ["ssa", pass, "off"] => {
                                    let pass = pass.replace('_', " ");
                                    match golift::ssa::passes::PASSES.iter().find(|p| p.name == pass) {
                                        Some(p) if p.required => {
                                            eprintln!("Cannot disable required SSA phase {}", pass);
                                            exit(2)
                                        }
                                        Some(_) => f.ssa.disabled.push(pass),
                                        None => {
                                            eprintln!("golift: unknown SSA phase {}", pass);
                                            exit(2)
                                        }
                                    }
                                }
                                _ => {
                                    eprintln!("golift: unsupported -gcflags -d option {}", item);
                                    exit(2)
                                }
                            }
                        }
                    } else if w == "-m" {
                        f.ssa.escape_m += 1;
                    } else if let Some(n) = w.strip_prefix("-m=") {
                        match n.parse::<u32>() {
                            Ok(n) => f.ssa.escape_m = n,
                            Err(_) => {
                                eprintln!("golift: invalid -gcflags option {}", w);
                                exit(2)
                            }
                        }
                    } else if w == "-l" {
                        f.ssa.no_inline = true;
                    } else if w == "-N" {
                        f.ssa.disabled = golift::ssa::passes::PASSES.iter().filter(|p| !p.required).map(|p| p.name.to_string()).collect();
                    } else {
                        eprintln!("golift: unsupported -gcflags option {}", w);
                        exit(2)
                    }
                }
            }
            _ => {
                eprintln!("flag provided but not defined: -{}", name);
                eprint!("{}", USAGE);
                exit(2)
            }
        }
        i += 1;
    }
    let _ = stop_at_go_files;
    f.rest = args[i..].to_vec();
    ssa_env(&mut f.ssa);
    f
}

/// `-d=ssa/help`: the phases and the flags that act on them.
fn ssa_help() -> String {
    let mut s = String::from("compile: SSA phases (as in -d=ssa/<phase>/<flag>; write spaces as _):\n");
    for p in golift::ssa::passes::PASSES {
        s.push_str(&format!("  {}{}\n", p.name.replace(' ', "_"), if p.required { " (required)" } else { "" }));
    }
    s.push_str("flags:\n  -d=ssa/<phase>/off        do not run the phase (not for required ones)\n  -d=ssa/<phase>/dump[=fn]  write the function after the phase to <fn>_<NN>__<phase>.dump\n  -d=ssa/check/on           run the SSA checker after every phase\n  -d=ssa/all/time           print the time of every phase\n  -d=ssa/<phase>/debug=1    print what the phase found (prove: \"Proved IsInBounds\")\n  -d=typeflow/debug=1       print the types each interface type can hold, and the type tests decided\n  -d=typeflow/off           do not run type flow (whole program, before the phases)\n  -N                        run only the required phases\nGOSSAFUNC=<fn>[:phase1-phase2] writes ssa.html for the function (into $GOSSADIR if set).\n");
    s
}

/// GOSSAFUNC and GOSSADIR, as gc reads them.
fn ssa_env(opts: &mut SsaOptions) {
    if let Ok(v) = std::env::var("GOSSAFUNC") {
        if !v.is_empty() {
            let (name, range) = match v.split_once(':') {
                Some((n, r)) => (n.to_string(), r.split_once('-').map(|(a, b)| (a.replace('_', " "), b.replace('_', " ")))),
                None => (v.clone(), None),
            };
            opts.ssafunc = Some((name, range));
        }
    }
    opts.ssadir = std::env::var("GOSSADIR").ok().filter(|d| !d.is_empty()).map(PathBuf::from);
}

/// The first executable file named `name` in $PATH.
fn find_in_path(name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| std::fs::metadata(p).map_or(false, |m| m.is_file() && m.permissions().mode() & 0o111 != 0))
}

fn target() -> Target {
    match Target::from_env(std::env::var("GOOS").ok(), std::env::var("GOARCH").ok()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("golift: {}", e);
            exit(2)
        }
    }
}

fn real_main() {
    if let Err(e) = golift::ssa::passes::check_order() {
        eprintln!("golift: {}", e);
        exit(3)
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(cmd) = args.first() else {
        eprint!("{}", USAGE);
        exit(2)
    };
    match cmd.as_str() {
        "help" | "-h" | "--help" => print!("{}", USAGE),
        "version" => println!("golift version {} (Go 1.19 subset) linux/amd64", env!("CARGO_PKG_VERSION")),
        "build" => {
            let f = parse_build_flags(&args[1..], false);
            driver::ALLOW_LIBRARY.store(true, std::sync::atomic::Ordering::Relaxed);
            let t = target();
            let files = driver::expand_args(&f.rest).unwrap_or_else(|e| Failure::Message(e).exit());
            let out = f.out.map(PathBuf::from).unwrap_or_else(|| {
                let stem = if f.rest.len() == 1 && f.rest[0].ends_with(".go") {
                    PathBuf::from(&f.rest[0]).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_else(|| "a.out".into())
                } else {
                    let dir = std::fs::canonicalize(f.rest.first().map(String::as_str).unwrap_or(".")).unwrap_or_default();
                    dir.file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_else(|| "a.out".into())
                };
                PathBuf::from(t.exe_name(&stem))
            });
            if out.is_dir() {
                Failure::Message(format!("build output \"{}\" already exists and is a directory", out.display())).exit();
            }
            if let Err(e) = driver::build(&files, &t, &out, &f.ssa, f.strip) {
                e.exit()
            }
        }
        "run" => {
            let f = parse_build_flags(&args[1..], true);
            let t = target();
            let n = f.rest.iter().take_while(|a| a.ends_with(".go")).count();
            if n == 0 {
                Failure::Message("no go files listed".into()).exit();
            }
            let files = driver::expand_args(&f.rest[..n]).unwrap_or_else(|e| Failure::Message(e).exit());
            let dir = std::env::temp_dir().join(format!("golift-run-{}", std::process::id()));
            let _ = std::fs::create_dir_all(&dir);
            let exe = dir.join(t.exe_name(&files[0].file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_else(|| "main".into())));
            // Another target's program runs through go_$GOOS_$GOARCH_exec from $PATH, as
            // with the go command (for example a script that calls qemu-aarch64 or wine).
            let mut cmd = std::process::Command::new(&exe);
            if t != Target::host() {
                let wrapper = format!("go_{}_{}_exec", t.goos, t.goarch);
                match find_in_path(&wrapper) {
                    Some(w) => {
                        cmd = std::process::Command::new(w);
                        cmd.arg(&exe);
                    }
                    None => {
                        let how = match t.goos.as_str() {
                            "linux" => " (scripts/exec has one that calls qemu-aarch64)",
                            "windows" => " (scripts/exec has one that calls wine)",
                            _ => "; nothing on Linux runs macOS programs: `golift build` one and copy it to a Mac",
                        };
                        Failure::Message(format!("cannot run a {} program on {}: put an executable {} in $PATH that runs the program it is given{}", t.name(), Target::host().name(), wrapper, how)).exit()
                    }
                }
            }
            if let Err(e) = driver::build(&files, &t, &exe, &f.ssa, f.strip) {
                let _ = std::fs::remove_dir_all(&dir);
                e.exit()
            }
            let status = cmd.args(&f.rest[n..]).status();
            let _ = std::fs::remove_dir_all(&dir);
            match status {
                Ok(s) => exit(s.code().unwrap_or(2)),
                Err(e) => Failure::Message(format!("running {}: {}", exe.display(), e)).exit(),
            }
        }
        "tool" => golift::dump::tool(&args[1..]),
        _ => {
            eprintln!("golift {}: unknown command\nRun 'golift help' for usage.", cmd);
            exit(2)
        }
    }
}

fn main() {
    // A bug in golift must still end in a clear message and a non-zero exit.
    std::panic::set_hook(Box::new(|info| {
        let msg = info.payload().downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| info.payload().downcast_ref::<String>().cloned()).unwrap_or_default();
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!("golift: internal compiler error: {}{}\nPlease report this with the input program.", msg, at);
    }));
    // The compiler runs on a thread with a large stack: deeply nested input must get an
    // error, never a stack overflow.
    let h = std::thread::Builder::new().stack_size(1 << 30).spawn(real_main).expect("spawning the compiler thread");
    match h.join() {
        Ok(()) => {}
        Err(_) => exit(3),
    }
}
