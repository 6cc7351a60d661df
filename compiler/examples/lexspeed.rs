//! Front-end profiling helper: lexes, then parses, the whole Go std library and prints the
//! time of each (`cargo run --release --example lexspeed`).
use std::time::Instant;
fn main() {
    let mut texts = vec![];
    let mut stack = vec![std::path::PathBuf::from("/usr/lib/go-1.19/src")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() && !p.ends_with("testdata") { stack.push(p); } else if p.extension().map_or(false, |x| x == "go") { if let Ok(t) = std::fs::read_to_string(&p) { texts.push(t); } }
        }
    }
    let t = Instant::now();
    let mut n = 0;
    for s in &texts { n += golift::syntax::lexer::Lexer::new(s, 0).count(); }
    println!("lex: {} tokens {:?}", n, t.elapsed());
    let t = Instant::now();
    for s in &texts {
        let mut d = golift::source::Diagnostics::default();
        let mut id = 0;
        let _ = golift::syntax::parser::parse_file(s, 0, &mut id, &mut d);
    }
    println!("lex+parse: {:?}", t.elapsed());
}
