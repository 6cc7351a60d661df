//! Reads SSA text (the format `print.rs` writes) back into a `Func`, so that a pass's input
//! can be written by hand and its output compared as text. Line numbers are not kept (values
//! read back print `(?)`); value and block numbers are kept exactly.
//!
//! ```text
//! main.f (int) int
//!   b0:
//!     v0 (?) = Arg <int> [0]
//!     v1 (?) = Const <int> [0]
//!     v2 (?) = Add <int> v0 v1
//!   Ret v2
//! ```

use super::ir::*;
use crate::types::ty::*;

pub fn parse_func(text: &str, tt: &mut TypeTable) -> Result<Func, String> {
    let mut lines = text.lines().map(str::trim_end).filter(|l| !l.trim().is_empty());
    let header = lines.next().ok_or("empty SSA text")?.trim();
    let (name, sig) = header.split_once(' ').unwrap_or((header, "()"));
    let mut f = Func::new(name, name);
    let (params, results) = parse_sig(sig.trim(), tt)?;
    f.params = params;
    f.results = results;
    let mut cur: Option<BlockId> = None;
    let mut edges: Vec<(BlockId, Vec<BlockId>)> = vec![];
    let mut preds_text: Vec<(BlockId, Vec<BlockId>)> = vec![];
    for line in lines {
        let l = line.trim();
        let err = |m: &str| format!("{}: {}", m, l);
        if let Some(rest) = l.strip_prefix('b').filter(|r| r.contains(':') && r.split(':').next().map_or(false, |n| n.chars().all(|c| c.is_ascii_digit()))) {
            let (id, preds) = rest.split_once(':').unwrap();
            let id: BlockId = id.parse().map_err(|_| err("bad block number"))?;
            ensure_block(&mut f, id);
            f.dead_blocks[id as usize] = false;
            cur = Some(id);
            let preds: Vec<BlockId> = preds.trim().trim_start_matches("<-").split_whitespace().map(|p| block_ref(p)).collect::<Result<_, _>>().map_err(|e| err(&e))?;
            preds_text.push((id, preds));
            continue;
        }
        let b = cur.ok_or_else(|| err("value or control outside a block"))?;
        if let Some(rest) = l.strip_prefix('v') {
            let (id, rest) = rest.split_once(' ').ok_or_else(|| err("bad value"))?;
            let id: ValueId = id.parse().map_err(|_| err("bad value number"))?;
            let rest = rest.trim_start();
            let rest = rest.strip_prefix('(').and_then(|r| r.split_once(')')).map(|(_, r)| r).ok_or_else(|| err("missing (line)"))?;
            let rest = rest.trim_start().strip_prefix('=').ok_or_else(|| err("missing ="))?.trim_start();
            let (op, rest) = rest.split_once(' ').ok_or_else(|| err("missing type"))?;
            let op = Op::from_name(op).ok_or_else(|| err("unknown op"))?;
            let rest = rest.trim_start().strip_prefix('<').ok_or_else(|| err("missing <type>"))?;
            let close = matching_angle(rest).ok_or_else(|| err("unclosed <type>"))?;
            let ty = parse_type(&rest[..close], tt).map_err(|e| err(&e))?;
            let mut rest = rest[close + 1..].trim_start();
            let mut args = vec![];
            let mut aux = Aux::None;
            let mut rule = None;
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix("(rule ") {
                    let end = r.rfind(')').ok_or_else(|| err("unclosed (rule"))?;
                    rule = super::passes::opt::RULES.iter().find(|x| x.name == &r[..end]).map(|x| x.name);
                    rest = "";
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r.find(']').ok_or_else(|| err("unclosed ["))?;
                    let s = &r[..end];
                    aux = if s.contains(['.', 'e', 'n', 'N', 'i']) { Aux::Float(s.parse().map_err(|_| err("bad float"))?) } else { Aux::Int(s.parse().map_err(|_| err("bad int"))?) };
                    rest = r[end + 1..].trim_start();
                } else if let Some(r) = rest.strip_prefix('{') {
                    // The matching brace (types and strings inside may hold braces too).
                    let end = if r.starts_with('"') { r.rfind("\"}").map(|i| i + 1) } else { matching_brace(r) }.ok_or_else(|| err("unclosed {"))?;
                    let s = &r[..end];
                    aux = if s.starts_with('"') {
                        Aux::Str(unquote(s).ok_or_else(|| err("bad string"))?)
                    } else if let Some(t) = s.strip_prefix("type ") {
                        Aux::Type(parse_type(t, tt).map_err(|e| err(&e))?)
                    } else if let Some(r) = s.strip_prefix("itab ") {
                        let (a, b) = split_top(r).ok_or_else(|| err("bad itab"))?;
                        Aux::Itab(parse_type(a, tt).map_err(|e| err(&e))?, parse_type(b, tt).map_err(|e| err(&e))?)
                    } else if let Some(r) = s.strip_prefix("method ") {
                        let (k, n) = r.split_once(' ').ok_or_else(|| err("bad method"))?;
                        Aux::Method(k.parse().map_err(|_| err("bad method index"))?, n.to_string())
                    } else {
                        Aux::Sym(s.to_string())
                    };
                    rest = r[end + 1..].trim_start();
                } else if let Some(r) = rest.strip_prefix('v') {
                    let (n, r) = r.split_once(' ').unwrap_or((r, ""));
                    args.push(n.parse().map_err(|_| err("bad argument"))?);
                    rest = r.trim_start();
                } else {
                    return Err(err("unexpected text"));
                }
            }
            ensure_value(&mut f, id);
            f.values[id as usize] = Value { id, op, ty, args, aux, pos: u32::MAX, block: b, rule };
            f.dead_values[id as usize] = false;
            f.blocks[b as usize].values.push(id);
            continue;
        }
        // The block's control.
        let mut words = l.split_whitespace();
        match words.next() {
            Some("Plain") => {
                let succs = l.split("->").nth(1).unwrap_or("").split_whitespace().map(block_ref).collect::<Result<Vec<_>, _>>().map_err(|e| err(&e))?;
                f.blocks[b as usize].kind = BlockKind::Plain;
                edges.push((b, succs));
            }
            Some("If") => {
                let c = words.next().and_then(|w| w.strip_prefix('v')).and_then(|n| n.parse().ok()).ok_or_else(|| err("bad If control"))?;
                let succs = l.split("->").nth(1).unwrap_or("").split_whitespace().map(block_ref).collect::<Result<Vec<_>, _>>().map_err(|e| err(&e))?;
                f.blocks[b as usize].kind = BlockKind::If(c);
                edges.push((b, succs));
            }
            Some("Ret") => {
                let vs = words.map(|w| w.strip_prefix('v').and_then(|n| n.parse().ok()).ok_or_else(|| err("bad Ret value"))).collect::<Result<Vec<_>, _>>()?;
                f.blocks[b as usize].kind = BlockKind::Ret(vs);
            }
            Some("Exit") => f.blocks[b as usize].kind = BlockKind::Exit,
            _ => return Err(err("unexpected line")),
        }
    }
    // Successors in the order written; predecessors in the order written (phi args follow it).
    for (b, succs) in edges {
        f.blocks[b as usize].succs = succs;
    }
    for (b, preds) in preds_text {
        f.blocks[b as usize].preds = preds;
    }
    let entry = f.live_blocks().next().map(|b| b.id).ok_or("no blocks")?;
    f.entry = entry;
    Ok(f)
}

fn block_ref(s: &str) -> Result<BlockId, String> {
    s.strip_prefix('b').and_then(|n| n.parse().ok()).ok_or_else(|| format!("bad block reference {}", s))
}

fn ensure_block(f: &mut Func, id: BlockId) {
    while f.blocks.len() <= id as usize {
        let b = f.new_block(u32::MAX);
        f.dead_blocks[b as usize] = true;
    }
}

fn ensure_value(f: &mut Func, id: ValueId) {
    while f.values.len() <= id as usize {
        let n = f.values.len() as ValueId;
        f.values.push(Value { id: n, op: Op::Copy, ty: INVALID, args: vec![], aux: Aux::None, pos: u32::MAX, block: 0, rule: None });
        f.dead_values.push(true);
    }
}

fn matching_brace(s: &str) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some(i),
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

fn matching_angle(s: &str) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            // A channel's arrow (`<-chan T`, `chan<- T`) is not a bracket.
            '<' if s[i + 1..].starts_with('-') => {}
            '<' => depth += 1,
            '>' if depth == 0 => return Some(i),
            '>' => depth -= 1,
            _ => {}
        }
    }
    None
}

fn unquote(s: &str) -> Option<Vec<u8>> {
    // The printer uses Rust's Debug quoting of the (lossy) text.
    let inner = s.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut cs = inner.chars();
    while let Some(c) = cs.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match cs.next()? {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            '0' => out.push('\0'),
            '\\' => out.push('\\'),
            '"' => out.push('"'),
            '\'' => out.push('\''),
            'u' => {
                let hex: String = cs.by_ref().skip(1).take_while(|c| *c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
            }
            _ => return None,
        }
    }
    Some(out.into_bytes())
}

/// Parses a Go type as the printer writes it: basic and defined names, `*T`, `[]T`, `[N]T`,
/// `map[K]V`, `func(A, ...B) (R, S)`, `struct{X int; T}`, `interface{M() int}`, tuples
/// `(T, U)`, `void`.
pub fn parse_type(s: &str, tt: &mut TypeTable) -> Result<TypeId, String> {
    let s = s.trim();
    if s == "void" {
        return Ok(INVALID);
    }
    let mut p = TypeParser { s: s.as_bytes(), i: 0 };
    let t = p.ty(tt)?;
    if p.i != p.s.len() {
        return Err(format!("unexpected text in type {}", s));
    }
    Ok(t)
}

struct TypeParser<'s> {
    s: &'s [u8],
    i: usize,
}

impl TypeParser<'_> {
    fn eat(&mut self, lit: &str) -> bool {
        if self.s[self.i..].starts_with(lit.as_bytes()) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, lit: &str) -> Result<(), String> {
        if self.eat(lit) { Ok(()) } else { Err(format!("expected {} in type at {}", lit, String::from_utf8_lossy(&self.s[self.i..]))) }
    }

    /// A name: letters, digits, `_` and `.` (package-qualified names).
    fn name(&mut self) -> String {
        let st = self.i;
        while self.i < self.s.len() && (self.s[self.i].is_ascii_alphanumeric() || self.s[self.i] == b'_' || self.s[self.i] == b'.' || self.s[self.i] >= 0x80) {
            self.i += 1;
        }
        String::from_utf8_lossy(&self.s[st..self.i]).into_owned()
    }

    fn ty(&mut self, tt: &mut TypeTable) -> Result<TypeId, String> {
        if self.eat("*") {
            let e = self.ty(tt)?;
            return Ok(tt.pointer(e));
        }
        if self.eat("[]") {
            let e = self.ty(tt)?;
            return Ok(tt.slice(e));
        }
        if self.eat("[") {
            let n: u64 = self.name().parse().map_err(|_| "bad array length")?;
            self.expect("]")?;
            let e = self.ty(tt)?;
            return Ok(tt.intern(TypeKind::Array(n, e)));
        }
        if self.eat("map[") {
            let k = self.ty(tt)?;
            self.expect("]")?;
            let v = self.ty(tt)?;
            return Ok(tt.intern(TypeKind::Map(k, v)));
        }
        if self.eat("<-chan ") {
            let e = self.ty(tt)?;
            return Ok(tt.intern(TypeKind::Chan(ChanDir::Recv, e)));
        }
        if self.eat("chan<- ") {
            let e = self.ty(tt)?;
            return Ok(tt.intern(TypeKind::Chan(ChanDir::Send, e)));
        }
        if self.eat("chan (") {
            let e = self.ty(tt)?;
            self.expect(")")?;
            return Ok(tt.intern(TypeKind::Chan(ChanDir::Both, e)));
        }
        if self.eat("chan ") {
            let e = self.ty(tt)?;
            return Ok(tt.intern(TypeKind::Chan(ChanDir::Both, e)));
        }
        if self.eat("func") {
            let sig = self.sig(tt)?;
            return Ok(tt.intern(TypeKind::Func(sig)));
        }
        if self.eat("struct{") {
            let mut fs = vec![];
            while !self.eat("}") {
                let name = self.name();
                let f = if self.eat(" ") {
                    let t = self.ty(tt)?;
                    Field { name, ty: t, embedded: false }
                } else {
                    let t = named(tt, &name)?;
                    Field { name: name.rsplit('.').next().unwrap_or(&name).to_string(), ty: t, embedded: true }
                };
                fs.push(f);
                self.eat("; ");
            }
            return Ok(tt.intern(TypeKind::Struct(fs)));
        }
        if self.eat("interface{") {
            let mut ms = vec![];
            while !self.eat("}") {
                let name = self.name();
                let sig = self.sig(tt)?;
                let st = tt.intern(TypeKind::Func(sig));
                let pkg = if name.starts_with(|c: char| c.is_uppercase()) { String::new() } else { "main".into() };
                ms.push(IMethod { name, pkg, sig: st });
                self.eat("; ");
            }
            return Ok(tt.intern(TypeKind::Interface(ms)));
        }
        if self.s[self.i..].starts_with(b"(") {
            let ts = self.list(tt)?;
            return Ok(tt.tuple(ts));
        }
        let mut name = self.name();
        // An instance of a generic type, `Pair[int,Point]`: its name includes the brackets.
        if self.s[self.i..].starts_with(b"[") {
            let st = self.i;
            let mut depth = 0;
            while self.i < self.s.len() {
                match self.s[self.i] {
                    b'[' => depth += 1,
                    b']' => {
                        depth -= 1;
                        if depth == 0 {
                            self.i += 1;
                            break;
                        }
                    }
                    _ => {}
                }
                self.i += 1;
            }
            name.push_str(&String::from_utf8_lossy(&self.s[st..self.i]));
        }
        named(tt, &name)
    }

    /// `(T, U)` (possibly empty).
    fn list(&mut self, tt: &mut TypeTable) -> Result<Vec<TypeId>, String> {
        self.expect("(")?;
        let mut ts = vec![];
        while !self.eat(")") {
            ts.push(self.ty(tt)?);
            self.eat(", ");
        }
        Ok(ts)
    }

    /// `(A, ...B) R` or `(A) (R, S)`.
    fn sig(&mut self, tt: &mut TypeTable) -> Result<Signature, String> {
        self.expect("(")?;
        let mut params = vec![];
        let mut variadic = false;
        while !self.eat(")") {
            if self.eat("...") {
                variadic = true;
                let e = self.ty(tt)?;
                params.push(tt.slice(e));
            } else {
                params.push(self.ty(tt)?);
            }
            self.eat(", ");
        }
        let results = if self.eat(" (") {
            self.i -= 1;
            self.list(tt)?
        } else if self.eat(" ") {
            vec![self.ty(tt)?]
        } else {
            vec![]
        };
        Ok(Signature { params, results, variadic })
    }
}

/// A basic or defined type by name.
fn named(tt: &mut TypeTable, s: &str) -> Result<TypeId, String> {
    if let Some(t) = tt.named_by_name(s) {
        return Ok(t);
    }
    let basic = [
        ("bool", BOOL), ("int", INT), ("int8", INT8), ("int16", INT16), ("int32", INT32), ("int64", INT64),
        ("uint", UINT), ("uint8", UINT8), ("uint16", UINT16), ("uint32", UINT32), ("uint64", UINT64),
        ("uintptr", UINTPTR), ("float32", FLOAT32), ("float64", FLOAT64), ("complex64", COMPLEX64),
        ("complex128", COMPLEX128), ("string", STRING), ("unsafe.Pointer", UNSAFE_POINTER),
        ("untyped nil", UNTYPED_NIL),
    ];
    basic.iter().find(|(n, _)| *n == s).map(|(_, t)| *t).ok_or_else(|| format!("unknown type {}", s))
}

/// "T, U" at its top-level comma.
fn split_top(s: &str) -> Option<(&str, &str)> {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => return Some((&s[..i], s[i + 1..].trim_start())),
            _ => {}
        }
    }
    None
}

fn parse_sig(s: &str, tt: &mut TypeTable) -> Result<(Vec<TypeId>, Vec<TypeId>), String> {
    // "(a, b) r" or "(a, b) (r1, r2)" or "(a)"
    let mut p = TypeParser { s: s.trim().as_bytes(), i: 0 };
    let sig = p.sig(tt)?;
    Ok((sig.params, sig.results))
}
