//! golift's inlining costs against gc's: for every function of the programs in `examples/`
//! and `tests/stdlib/`, the cost `-gcflags=-m=2` gives ("can inline f with cost N", "cannot
//! inline f: function too complex: cost N exceeds budget 80") must be gc 1.19's, which
//! `scripts/gc-costs.sh` recorded in `tests/inline/gc_costs.txt`.
//!
//! `tests/inline/cost_differences.txt` lists the functions whose cost differs, with golift's
//! cost and the reason. The test fails when a function outside the list differs, when a listed
//! function's cost is not the one listed, or when a listed function now agrees with gc.
//! gc's instances of generic functions (named by shape, `F[go.shape.int_0]`) are left out:
//! golift makes one instance per type argument, not per shape.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// (program, line, function) → cost.
type Costs = BTreeMap<(String, u32, String), u32>;

/// A listed function golift does not have.
const NONE: u32 = u32::MAX;

fn read_table(path: &Path) -> Costs {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e));
    let mut t = Costs::new();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let line = line.split(" # ").next().unwrap();
        let f: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(f.len(), 4, "{}: bad line {:?}", path.display(), line);
        // "-": golift has no such function.
        let cost = if f[3] == "-" { NONE } else { f[3].parse().unwrap() };
        t.insert((f[0].to_string(), f[1].parse().unwrap(), f[2].to_string()), cost);
    }
    t
}

/// The costs golift's -m=2 gives the functions of one program.
fn golift_costs(program: &str, src: &Path, dir: &Path) -> Costs {
    let work = dir.join(program);
    std::fs::create_dir_all(&work).unwrap();
    std::fs::copy(src, work.join("main.go")).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_golift"))
        .args(["build", "-gcflags=-m=2", "-o", "out.bin", "main.go"])
        .current_dir(&work)
        .env("GOLIFTCACHE", "off")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stderr).to_string() + &String::from_utf8_lossy(&o.stdout);
    let re = regex::Regex::new(r"(?m)^\.?/?main\.go:(\d+):\d+: (?:can inline (\S+) with cost (\d+) as:|cannot inline ([^ :]+): function too complex: cost (\d+) )").unwrap();
    let mut t = Costs::new();
    for c in re.captures_iter(&text) {
        let name = c.get(2).or(c.get(4)).unwrap().as_str().to_string();
        let cost = c.get(3).or(c.get(5)).unwrap().as_str().parse().unwrap();
        t.insert((program.to_string(), c[1].parse().unwrap(), name), cost);
    }
    t
}

#[test]
fn inline_costs_are_gcs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let gc = read_table(&root.join("tests/inline/gc_costs.txt"));
    let known = read_table(&root.join("tests/inline/cost_differences.txt"));
    let dir = std::env::temp_dir().join(format!("golift-inline-cost-{}", std::process::id()));
    let programs: Vec<String> = gc.keys().map(|k| k.0.clone()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    // Two at a time: each build is one process.
    let mut ours = Costs::new();
    for chunk in programs.chunks(2) {
        let handles: Vec<_> = chunk
            .iter()
            .map(|p| {
                let src = ["examples", "tests/stdlib"].iter().map(|d| root.join(d).join(format!("{}.go", p))).find(|s| s.exists()).unwrap_or_else(|| panic!("no program {}", p));
                let (p, dir) = (p.clone(), dir.clone());
                std::thread::spawn(move || golift_costs(&p, &src, &dir))
            })
            .collect();
        for h in handles {
            ours.extend(h.join().unwrap());
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    let mut problems = vec![];
    let (mut same, mut total) = (0, 0);
    for (k, &want) in gc.iter().filter(|(k, _)| !k.2.contains("go.shape.")) {
        total += 1;
        let got = ours.get(k).copied().or(Some(NONE).filter(|_| known.get(k) == Some(&NONE)));
        match (got, known.get(k)) {
            (Some(g), None) if g == want => same += 1,
            (Some(g), Some(&listed)) if g == want => problems.push(format!("{} {} {}: now gc's cost {}: remove it from cost_differences.txt (listed {})", k.0, k.1, k.2, g, listed)),
            (Some(g), Some(&listed)) if g == listed => {}
            (g, listed) => problems.push(format!("{} {} {}: golift {:?}, gc {}, listed {:?}", k.0, k.1, k.2, g, want, listed)),
        }
    }
    for k in known.keys().filter(|k| !gc.contains_key(*k)) {
        problems.push(format!("{} {} {}: listed in cost_differences.txt but gc has no cost for it", k.0, k.1, k.2));
    }
    eprintln!("inlining costs: {} of {} functions cost what they cost in gc", same, total);
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}
