//! gc's compiler flags as golift spells them: -gcflags='-d=ssa/...', -N, GOSSAFUNC, GOSSADIR.
use std::path::PathBuf;
use std::process::{Command, Output};

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("golift-flags-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::copy(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/gcd.go"), d.join("gcd.go")).unwrap();
    d
}

fn golift(d: &PathBuf, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_golift"));
    c.args(args).current_dir(d);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

#[test]
fn required_pass_cannot_be_disabled() {
    let d = dir("off");
    let o = golift(&d, &["build", "-gcflags=-d=ssa/lower/off", "gcd.go"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&o.stderr), "Cannot disable required SSA phase lower\n");
}

#[test]
fn optional_passes_can_be_disabled_and_the_program_still_works() {
    let d = dir("off2");
    let o = golift(&d, &["run", "-gcflags=-d=ssa/opt/off,ssa/cse/off,ssa/check/on", "gcd.go"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let o2 = golift(&d, &["run", "-gcflags=-N", "gcd.go"], &[]);
    assert_eq!(o.stderr, o2.stderr);
}

#[test]
fn unknown_flags_are_errors() {
    let d = dir("unknown");
    let o = golift(&d, &["build", "-gcflags=-d=ssa/nosuchpass/off", "gcd.go"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown SSA phase nosuchpass"));
    let o = golift(&d, &["build", "-frobnicate", "gcd.go"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("flag provided but not defined: -frobnicate"));
}

#[test]
fn time_and_dump_and_help() {
    let d = dir("dump");
    let o = golift(&d, &["build", "-o", "x", "-gcflags=-d=ssa/all/time,ssa/opt/dump=main.gcd", "gcd.go"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.lines().any(|l| l.starts_with("main.gcd\tcse\t") && l.ends_with("µs")), "{}", out);
    let dump = std::fs::read_to_string(d.join("main.gcd_05__opt.dump")).unwrap();
    assert!(dump.starts_with("main.gcd (int, int) int\n"), "{}", dump);
    let o = golift(&d, &["build", "-gcflags=-d=ssa/help"], &[]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("late_deadcode"));
}

#[test]
fn gossafunc_writes_ssa_html_where_gc_would() {
    let d = dir("html");
    let o = golift(&d, &["build", "-o", "x", "gcd.go"], &[("GOSSAFUNC", "gcd")]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let html = d.join("ssa.html");
    assert_eq!(String::from_utf8_lossy(&o.stdout), format!("dumped SSA to {}\n", std::fs::canonicalize(&html).unwrap().display()));
    let page = std::fs::read_to_string(&html).unwrap();
    for col in ["col-sources", "col-ast", "col-start", "col-lower", "col-clif", "col-clif-opt", "col-asm"] {
        assert!(page.contains(&format!("id=\"{}\"", col)), "missing {}", col);
    }
    assert!(page.contains("<svg"));
    // GOSSADIR and a method, with the CFG only for the columns from opt to cse.
    let o = golift(&d, &["build", "-o", "x", "gcd.go"], &[("GOSSAFUNC", "divmod:opt-cse"), ("GOSSADIR", "dumps")]);
    assert_eq!(o.status.code(), Some(0));
    let page = std::fs::read_to_string(d.join("dumps/main.divmod.html")).unwrap();
    assert!(page.contains("<svg"));
    assert!(!page[..page.find("id=\"col-early-deadcode\"").unwrap()].contains("<svg"), "the start column shows no CFG");
}

/// A course can put both architectures side by side: GOARCH picks the machine code that
/// ssa.html shows (arm64's stp/ldp/ret against amd64's pushq/popq/retq), and says which it is.
#[test]
fn gossafunc_shows_the_target_architectures_machine_code() {
    let d = dir("arch");
    let asm = |goarch: &str| {
        let o = golift(&d, &["build", "-o", "x", "gcd.go"], &[("GOSSAFUNC", "gcd"), ("GOARCH", goarch)]);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        let page = std::fs::read_to_string(d.join("ssa.html")).unwrap();
        let col = &page[page.find("id=\"col-asm\"").expect("machine code column")..];
        col[..col.find("</div></div>").unwrap()].to_string()
    };
    let (arm, amd) = (asm("arm64"), asm("amd64"));
    assert!(arm.contains("machine code (linux/arm64)"), "{}", arm);
    assert!(amd.contains("machine code (linux/amd64)"), "{}", amd);
    let words = |s: &str| s.split(|c: char| !c.is_ascii_alphanumeric()).map(str::to_string).collect::<std::collections::HashSet<String>>();
    let (arm, amd) = (words(&arm), words(&amd));
    for w in ["stp", "ldp", "ret", "x0"] {
        assert!(arm.contains(w), "arm64 code has no {}", w);
        assert!(!amd.contains(w), "amd64 code has {}", w);
    }
    for w in ["pushq", "popq", "retq", "rsp"] {
        assert!(amd.contains(w), "amd64 code has no {}", w);
        assert!(!arm.contains(w), "arm64 code has {}", w);
    }
}

/// `-d=ssa/prove/debug=1` reports each induction variable and each bounds check that prove
/// removed, at the '[' as gc: in sum, the counting loop's and the range loop's, not the one
/// indexed by a parameter; in main, where sum is inlined with a slice of 3, the two loops'
/// again, at the call's '(' (s[1] of a slice of 3 is folded by opt before prove). These are
/// gc 1.19's lines, messages and count; gc's columns of the loops differ.
#[test]
fn prove_debug_reports_proved_bounds_checks() {
    let d = dir("prove");
    std::fs::write(
        d.join("p.go"),
        "package main\n\nfunc sum(s []int, j int) int {\n\tt := 0\n\tfor i := 0; i < len(s); i++ {\n\t\tt += s[i]\n\t}\n\tfor i := range s {\n\t\tt += s[i]\n\t}\n\treturn t + s[j]\n}\n\nfunc main() {\n\tprintln(sum([]int{1, 2, 3}, 1))\n}\n",
    )
    .unwrap();
    let o = golift(&d, &["build", "-gcflags=-d=ssa/prove/debug=1", "-o", "p", "p.go"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "p.go:5:14: Induction variable: limits [0,?), increment 1\np.go:6:9: Proved IsInBounds\n\
         p.go:8:2: Induction variable: limits [0,?), increment 1\np.go:9:9: Proved IsInBounds\n\
         p.go:15:13: Induction variable: limits [0,3), increment 1\np.go:15:13: Induction variable: limits [0,3), increment 1\n\
         p.go:15:13: Proved IsInBounds\np.go:15:13: Proved IsInBounds\n"
    );
    let run = Command::new(d.join("p")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stderr), "14\n");
}

/// `-gcflags=-m` on docs/escape/points.go prints gc 1.19's decisions, at gc's positions and in
/// gc's order (checked against `go build -gcflags='-m -l'`), on standard error.
#[test]
fn escape_m_prints_gcs_decisions() {
    let d = dir("escape-m");
    std::fs::copy(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/escape/points.go"), d.join("points.go")).unwrap();
    let o = golift(&d, &["build", "-gcflags=-m -l", "-o", "points", "points.go"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let want = "points.go:9:9: &Point{...} escapes to heap
points.go:13:11: leaking param: p
points.go:18:12: leaking param: ps to result ~r0 level=1
points.go:22:10: ps does not escape
points.go:36:3: moved to heap: c
points.go:39:13: ... argument does not escape
points.go:39:32: []*Point{...} does not escape
";
    assert_eq!(String::from_utf8_lossy(&o.stderr), want);
    assert!(o.stdout.is_empty());
    // The program still prints what gc's does.
    let run = Command::new(d.join("points")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stderr), "7 3\n");
    // -m=2 and -m -m explain; the decisions stay.
    for flags in ["-gcflags=-m=2", "-gcflags=-m -m"] {
        let o = golift(&d, &["build", flags, "-o", "points", "points.go"], &[]);
        let text = String::from_utf8_lossy(&o.stderr).to_string();
        assert!(text.contains("points.go:36:3: c escapes to heap:\npoints.go:36:3:   flow: last = &c:\n"), "{}", text);
        assert!(text.contains("points.go:13:11: parameter p leaks to {heap} with derefs=0:\n"), "{}", text);
        for line in want.lines() {
            assert!(text.contains(line), "{} missing from\n{}", line, text);
        }
    }
}

/// What the decisions do to the SSA: a `New` that does not escape is a zeroed stack slot
/// (which mem2reg may then turn into values), one that escapes stays a `New`; a constant
/// `make` that does not escape is a slot too.
#[test]
fn escape_decisions_make_stack_slots() {
    let d = dir("escape-ssa");
    std::fs::write(
        d.join("s.go"),
        "package main\n\nvar g *int\n\nfunc main() {\n\tp := new(int)\n\t*p = 1\n\tq := new(int)\n\tg = q\n\ts := make([]byte, 8)\n\ts[0] = 2\n\tprintln(*p, *g, s[0])\n}\n",
    )
    .unwrap();
    let o = golift(&d, &["tool", "ssa", "s.go"], &[]);
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    let main: Vec<&str> = text.lines().skip_while(|l| !l.starts_with("main.main")).take_while(|l| !l.is_empty()).collect();
    let main = main.join("\n");
    // p's slot (line 6) holds one int that is only loaded and stored: mem2reg makes it a
    // value, so neither the slot nor its Zero is left.
    assert!(!main.contains("(6) = StackSlot"), "{}", main);
    assert!(main.contains("(8) = New <*int> [8]"), "{}", main);
    assert!(main.contains("(10) = StackSlot <unsafe.Pointer> [8]"), "{}", main);
    assert_eq!(main.matches(" = Zero ").count(), 1, "{}", main);
    let o = golift(&d, &["run", "s.go"], &[]);
    assert_eq!(String::from_utf8_lossy(&o.stderr), "1 0 2\n");
}

/// GOSSAFUNC names one instance of a generic function in gc's spelling, `Map[int,string]`:
/// its page shows the SSA specialised to those types, and another instance has its own page.
#[test]
fn gossafunc_names_an_instance_of_a_generic_function() {
    let d = dir("generic");
    std::fs::copy(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/mapfilter.go"), d.join("mapfilter.go")).unwrap();
    for (inst, want) in [("Map[int,string]", "Arg <[]int>"), ("Map[string,int]", "Arg <[]string>")] {
        let o = golift(&d, &["build", "-o", "x", "mapfilter.go"], &[("GOSSAFUNC", inst), ("GOSSADIR", "dumps")]);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        let page = std::fs::read_to_string(d.join(format!("dumps/main.{}.html", inst))).unwrap();
        assert!(page.contains(&want.replace('<', "&lt;").replace('>', "&gt;")), "{} lacks {}", inst, want);
    }
}

/// `-gcflags=-m` on examples/optimise.go prints what gc 1.19 prints for it, line for line:
/// the inlining decisions in gc's order (callees first; each function's decision, then the
/// calls inlined into it, nested ones again at the outer call), then escape analysis's
/// (`tests/inline/optimise.m`, made with `go build -gcflags=-m`; gc's `<autogenerated>`
/// wrapper lines left out).
#[test]
fn inlining_decisions_match_gc() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let o = Command::new(env!("CARGO_BIN_EXE_golift"))
        .args(["build", "-gcflags=-m", "-o", &std::env::temp_dir().join(format!("golift-optimise-{}", std::process::id())).display().to_string(), "examples/optimise.go"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let want = std::fs::read_to_string(root.join("tests/inline/optimise.m")).unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stderr), want);
}

/// `-gcflags=-m=2` on tests/inline/closures.go: function literals are judged and inlined as
/// gc 1.19 does (called where written, through a variable, passed into an inlined function),
/// in gc's order, and each "can inline" shows the body as gc prints it after "as:"
/// (`tests/inline/closures.m2`, from `go build -gcflags=-m=2`, with the costs masked:
/// golift's count SSA values).
#[test]
fn inlining_literals_and_bodies_match_gc() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let o = Command::new(env!("CARGO_BIN_EXE_golift"))
        .args(["build", "-gcflags=-m=2", "-o", &std::env::temp_dir().join(format!("golift-closures-{}", std::process::id())).display().to_string(), "closures.go"])
        .current_dir(root.join("tests/inline"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let mut got = String::new();
    for l in String::from_utf8_lossy(&o.stderr).lines().filter(|l| l.contains("can inline") || l.contains("inlining call")) {
        let masked = match (l.find(" with cost "), l.find(" as: ")) {
            (Some(a), Some(b)) => format!("{} with cost N{}", &l[..a], &l[b..]),
            _ => l.to_string(),
        };
        got.push_str(&masked);
        got.push('\n');
    }
    let want = std::fs::read_to_string(root.join("tests/inline/closures.m2")).unwrap();
    assert_eq!(got, want);
}

/// Type flow (compiler/src/ssa/typeflow.rs): in a fmt hello world only strings become
/// interface{} values, so fmt's other cases go, and the executable meets issue 7's size goal;
/// -d=typeflow/off keeps them; -d=typeflow/debug=1 prints the sets.
#[test]
fn typeflow_leaves_out_what_no_type_reaches() {
    let d = dir("typeflow");
    std::fs::write(d.join("hello.go"), "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello, world\")\n}\n").unwrap();
    let cache = d.join("cache");
    let env = [("GOLIFTCACHE", cache.to_str().unwrap())];
    let o = golift(&d, &["build", "-o", "h", "-ldflags=-s -w", "-gcflags=-d=typeflow/debug=1", "hello.go"], &env);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    insta::assert_snapshot!("typeflow_fmt_hello", String::from_utf8_lossy(&o.stderr));
    let small = std::fs::metadata(d.join("h")).unwrap().len();
    assert!(small <= 64 * 1024, "fmt hello world: {} bytes", small);
    let o = golift(&d, &["build", "-o", "h2", "-ldflags=-s -w", "-gcflags=-d=typeflow/off", "hello.go"], &env);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let big = std::fs::metadata(d.join("h2")).unwrap().len();
    assert!(big > small + 64 * 1024, "with type flow {} bytes, without {}", small, big);
    for exe in ["./h", "./h2"] {
        let run = Command::new(d.join(exe)).output().unwrap();
        assert_eq!(String::from_utf8_lossy(&run.stdout), "hello, world\n");
    }
}
