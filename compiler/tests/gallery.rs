//! The ssa-dumps gallery: it must be what `scripts/ssa-dumps.sh` makes now (the test fails
//! when the checked-in gallery is out of date), and a page must work in a real browser:
//! headless Chromium opens a dump, a value is clicked, and the DOM must show the same value
//! highlighted in several columns. A screenshot is saved to target/test-output/.
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn gallery_is_up_to_date() {
    let tmp = std::env::temp_dir().join(format!("golift-gallery-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let mut examples: Vec<String> = std::fs::read_dir(root().join("examples")).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().map_or(false, |x| x == "go")).map(|p| format!("examples/{}", p.file_name().unwrap().to_string_lossy())).collect();
    examples.sort();
    let o = Command::new(env!("CARGO_BIN_EXE_golift")).args(["tool", "ssadumps"]).arg(&tmp).args(&examples).current_dir(root()).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let checked_in = root().join("ssa-dumps");
    let (want, got) = (files(&checked_in), files(&tmp));
    assert_eq!(want, got, "the set of pages differs: run scripts/ssa-dumps.sh");
    for f in &want {
        let (a, b) = (std::fs::read(checked_in.join(f)).unwrap(), std::fs::read(tmp.join(f)).unwrap());
        assert!(a == b, "ssa-dumps/{} is out of date: run scripts/ssa-dumps.sh", f.display());
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

fn chromium(args: &[&str], profile: &Path) -> std::process::Output {
    let _ = std::fs::remove_dir_all(profile);
    Command::new("chromium")
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--virtual-time-budget=5000"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium is missing: run scripts/setup.sh (Debian package chromium)")
}

#[test]
fn clicking_a_value_highlights_it_in_every_column() {
    let page = root().join("ssa-dumps/gcd/gcd.html");
    let url = format!("file://{}#click=v5", std::fs::canonicalize(&page).unwrap().display());
    let profile = std::env::temp_dir().join(format!("golift-chromium-{}", std::process::id()));
    let o = chromium(&["--dump-dom", &url], &profile);
    let dom = String::from_utf8_lossy(&o.stdout);
    let body = dom.split("<body").nth(1).and_then(|b| b.split('>').next()).unwrap_or_else(|| panic!("no DOM from chromium: {}", String::from_utf8_lossy(&o.stderr)));
    let attr = |name: &str| -> usize {
        body.split(&format!("{}=\"", name)).nth(1).and_then(|r| r.split('"').next()).and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("no {} in <body{}>", name, body))
    };
    // v5 exists in the start column and survives to the end: several columns show it.
    assert!(attr("data-columns") >= 3, "<body{}>", body);
    assert!(attr("data-highlighted") >= 6, "<body{}>", body);
    let shot_dir = root().join("target/test-output");
    std::fs::create_dir_all(&shot_dir).unwrap();
    let shot = shot_dir.join("ssa-click.png");
    let _ = std::fs::remove_file(&shot);
    chromium(&["--window-size=1600,900", &format!("--screenshot={}", shot.display()), &url], &profile);
    assert!(std::fs::metadata(&shot).map(|m| m.len() > 10_000).unwrap_or(false), "no screenshot at {}", shot.display());
    let _ = std::fs::remove_dir_all(&profile);
}
