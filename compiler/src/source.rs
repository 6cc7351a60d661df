//! Source files and positions.
//!
//! Every file that takes part in a compilation is loaded into one `SourceMap`, which gives it a
//! range in a single global byte-offset space (as rustc does). A `Span` is two such offsets, so
//! a span alone identifies its file, line and column. Columns are 1-based byte columns, as gc
//! reports them.

use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    pub lo: u32,
    pub hi: u32,
}

impl Span {
    pub fn new(lo: usize, hi: usize) -> Span {
        Span { lo: lo as u32, hi: hi as u32 }
    }
    pub fn to(self, other: Span) -> Span {
        Span { lo: self.lo.min(other.lo), hi: self.hi.max(other.hi) }
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}..{}", self.lo, self.hi)
    }
}

pub struct SourceFile {
    /// The path as the user gave it (diagnostics print it as is).
    pub path: String,
    pub text: String,
    pub base: u32,
    line_starts: Vec<u32>,
}

#[derive(Default)]
pub struct SourceMap {
    pub files: Vec<SourceFile>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

impl SourceMap {
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    /// Adds a file; returns its index. Offsets of consecutive files are separated by one byte so
    /// that an end-of-file position still belongs to its own file.
    pub fn add(&mut self, path: &str, text: String) -> usize {
        let base = self.files.last().map(|f| f.base + f.text.len() as u32 + 1).unwrap_or(0);
        let mut line_starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        self.files.push(SourceFile { path: path.to_string(), text, base, line_starts });
        self.files.len() - 1
    }

    pub fn file_of(&self, pos: u32) -> usize {
        match self.files.binary_search_by(|f| f.base.cmp(&pos)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The positions of the `func` keywords of the declarations that a `//go:<name>`
    /// directive (`noinline`, `noescape`) stands before, as gc's pragmas: the directive
    /// applies to the next declaration, across blank lines and other comments.
    pub fn directive_funcs(&self, name: &str) -> crate::HashSet<u32> {
        let want = format!("//go:{}", name);
        let mut out = crate::HashSet::default();
        for f in &self.files {
            let mut marked = false;
            let mut off = 0u32;
            for line in f.text.split_inclusive('\n') {
                let t = line.trim_end();
                // gc allows words after the directive (`//go:noinline because ...`).
                if t == want || t.strip_prefix(want.as_str()).map_or(false, |r| r.starts_with(' ')) {
                    marked = true;
                } else if marked && t.starts_with("func") {
                    out.insert(f.base + off);
                    marked = false;
                } else if !t.is_empty() && !t.starts_with("//") {
                    marked = false;
                }
                off += line.len() as u32;
            }
        }
        out
    }

    pub fn line_col(&self, pos: u32) -> (usize, LineCol) {
        let fi = self.file_of(pos);
        let f = &self.files[fi];
        let off = pos.saturating_sub(f.base);
        let line = match f.line_starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (fi, LineCol { line: line as u32 + 1, col: off - f.line_starts[line] + 1 })
    }

    /// `path:line:col`, as gc prints positions.
    pub fn position(&self, pos: u32) -> String {
        if self.files.is_empty() {
            return String::from("<unknown>");
        }
        let (fi, lc) = self.line_col(pos);
        format!("{}:{}:{}", self.files[fi].path, lc.line, lc.col)
    }

    pub fn line(&self, pos: u32) -> u32 {
        self.line_col(pos).1.line
    }

    pub fn snippet(&self, span: Span) -> &str {
        let fi = self.file_of(span.lo);
        let f = &self.files[fi];
        let lo = (span.lo - f.base) as usize;
        let hi = ((span.hi - f.base) as usize).min(f.text.len());
        &f.text[lo..hi.max(lo)]
    }
}

/// One diagnostic: a position and gc-worded message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub pos: u32,
    pub msg: String,
}

/// Collected diagnostics. gc reports every error of a package (up to a limit), sorted by position.
#[derive(Default)]
pub struct Diagnostics {
    pub list: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn error(&mut self, pos: u32, msg: impl Into<String>) {
        self.list.push(Diagnostic { pos, msg: msg.into() });
    }
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
    /// Renders as gc does: sorted by position, an exact repeat on one line dropped, at most 10
    /// followed by "too many errors".
    pub fn render(&self, sm: &SourceMap) -> String {
        let mut l = self.list.clone();
        l.sort_by_key(|d| d.pos);
        let mut out = String::new();
        let mut n = 0;
        let mut last: Option<(usize, u32, &str)> = None;
        for d in &l {
            let (fi, lc) = sm.line_col(d.pos);
            if last == Some((fi, lc.line, d.msg.as_str())) {
                continue;
            }
            last = Some((fi, lc.line, d.msg.as_str()));
            if n == 10 {
                out.push_str(&format!("{}: too many errors\n", sm.position(d.pos)));
                break;
            }
            out.push_str(&format!("{}: {}\n", sm.position(d.pos), d.msg));
            n += 1;
        }
        out
    }
}
