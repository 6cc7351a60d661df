//! The lexer: Go source text to tokens, with the spec's automatic semicolon insertion.
//!
//! logos recognises the raw tokens (including newlines and comments, which matter for
//! semicolon insertion); `Lexer` wraps it, inserts `;` after a line's final token when the
//! spec says so (also at end of file, and for a general comment that spans lines), and drops
//! comments. Offsets are global (see `source::SourceMap`).

use super::token::Tok;
use logos::Logos;

#[derive(Logos, Debug, PartialEq, Clone, Copy)]
#[logos(skip r"[ \t\r\f]+")]
enum Raw {
    #[token("\n")]
    Newline,
    #[regex(r"//[^\n]*")]
    LineComment,
    #[regex(r"/\*([^*]|\*+[^*/])*\*+/")]
    BlockComment,
    #[regex(r"/\*([^*]|\*+[^*/])*\**")]
    UnterminatedComment,

    #[regex(r"[\p{L}_][\p{L}\p{Nd}_]*")]
    Ident,

    #[regex(r"[0-9][0-9_]*")]
    #[regex(r"0[xX][0-9a-fA-F_]+")]
    #[regex(r"0[oO][0-7_]+")]
    #[regex(r"0[bB][01_]+")]
    Int,
    #[regex(r"[0-9][0-9_]*\.[0-9_]*([eE][+-]?[0-9_]+)?")]
    #[regex(r"[0-9][0-9_]*[eE][+-]?[0-9_]+")]
    #[regex(r"\.[0-9][0-9_]*([eE][+-]?[0-9_]+)?")]
    #[regex(r"0[xX][0-9a-fA-F_]*(\.[0-9a-fA-F_]*)?[pP][+-]?[0-9_]+")]
    Float,
    #[regex(r"([0-9][0-9_]*|0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+)i")]
    #[regex(r"([0-9][0-9_]*\.[0-9_]*([eE][+-]?[0-9_]+)?|[0-9][0-9_]*[eE][+-]?[0-9_]+|\.[0-9][0-9_]*([eE][+-]?[0-9_]+)?|0[xX][0-9a-fA-F_]*(\.[0-9a-fA-F_]*)?[pP][+-]?[0-9_]+)i")]
    Imag,
    #[regex(r"'(\\[^\n]|[^\\'\n])+'")]
    Char,
    #[regex(r#""(\\[^\n]|[^\\"\n])*""#)]
    Str,
    #[regex(r"`[^`]*`")]
    RawStr,
    #[regex(r#""(\\[^\n]|[^\\"\n])*"#)]
    UnterminatedStr,
    #[regex(r"`[^`]*")]
    UnterminatedRawStr,
    #[regex(r"'(\\[^\n]|[^\\'\n])*")]
    UnterminatedChar,

    #[token("+")] Add, #[token("-")] Sub, #[token("*")] Mul, #[token("/")] Quo,
    #[token("%")] Rem, #[token("&")] And, #[token("|")] Or, #[token("^")] Xor,
    #[token("<<")] Shl, #[token(">>")] Shr, #[token("&^")] AndNot,
    #[token("+=")] AddAssign, #[token("-=")] SubAssign, #[token("*=")] MulAssign,
    #[token("/=")] QuoAssign, #[token("%=")] RemAssign, #[token("&=")] AndAssign,
    #[token("|=")] OrAssign, #[token("^=")] XorAssign, #[token("<<=")] ShlAssign,
    #[token(">>=")] ShrAssign, #[token("&^=")] AndNotAssign,
    #[token("&&")] LAnd, #[token("||")] LOr, #[token("<-")] Arrow, #[token("++")] Inc,
    #[token("--")] Dec, #[token("==")] Eql, #[token("<")] Lss, #[token(">")] Gtr,
    #[token("=")] Assign, #[token("!")] Not, #[token("~")] Tilde, #[token("!=")] Neq,
    #[token("<=")] Leq, #[token(">=")] Geq, #[token(":=")] Define, #[token("...")] Ellipsis,
    #[token("(")] LParen, #[token("[")] LBrack, #[token("{")] LBrace, #[token(",")] Comma,
    #[token(".")] Period, #[token(")")] RParen, #[token("]")] RBrack, #[token("}")] RBrace,
    #[token(";")] Semi, #[token(":")] Colon,
}

/// A lexical error, with its global offset and gc's wording.
#[derive(Clone, Debug, PartialEq)]
pub struct LexError {
    pub pos: u32,
    pub msg: String,
}

pub type Spanned = (usize, Tok, usize);

pub struct Lexer<'a> {
    raw: logos::Lexer<'a, Raw>,
    base: usize,
    /// The previous token emitted, for the semicolon rule.
    last_ends_stmt: bool,
    last_end: usize,
    pending: Option<Result<Spanned, LexError>>,
    done: bool,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str, base: u32) -> Lexer<'a> {
        Lexer {
            raw: Raw::lexer(src),
            base: base as usize,
            last_ends_stmt: false,
            last_end: base as usize,
            pending: None,
            done: false,
        }
    }

    fn keyword(s: &str) -> Option<Tok> {
        use Tok::*;
        Some(match s {
            "break" => Break, "case" => Case, "chan" => Chan, "const" => Const,
            "continue" => Continue, "default" => Default, "defer" => Defer, "else" => Else,
            "fallthrough" => Fallthrough, "for" => For, "func" => Func, "go" => Go,
            "goto" => Goto, "if" => If, "import" => Import, "interface" => Interface,
            "map" => Map, "package" => Package, "range" => Range, "return" => Return,
            "select" => Select, "struct" => Struct, "switch" => Switch, "type" => Type,
            "var" => Var,
            _ => return None,
        })
    }

    fn convert(&self, raw: Raw, text: &str, lo: usize) -> Result<Tok, LexError> {
        use Tok::*;
        let err = |msg: &str| Err(LexError { pos: lo as u32, msg: msg.to_string() });
        Ok(match raw {
            Raw::Ident => Self::keyword(text).unwrap_or_else(|| Ident(text.to_string())),
            Raw::Int => Int(text.to_string()),
            Raw::Float => Float(text.to_string()),
            Raw::Imag => Imag(text.to_string()),
            Raw::Char => Char(text.to_string()),
            Raw::Str | Raw::RawStr => {
                if raw == Raw::RawStr && text.contains('\r') {
                    // Carriage returns are discarded from raw strings (spec).
                    Str(text.replace('\r', ""))
                } else {
                    Str(text.to_string())
                }
            }
            Raw::UnterminatedStr => return err("string literal not terminated"),
            Raw::UnterminatedRawStr => return err("raw string literal not terminated"),
            Raw::UnterminatedChar => return err("rune literal not terminated"),
            Raw::UnterminatedComment => return err("comment not terminated"),
            Raw::Add => Add, Raw::Sub => Sub, Raw::Mul => Mul, Raw::Quo => Quo, Raw::Rem => Rem,
            Raw::And => And, Raw::Or => Or, Raw::Xor => Xor, Raw::Shl => Shl, Raw::Shr => Shr,
            Raw::AndNot => AndNot, Raw::AddAssign => AddAssign, Raw::SubAssign => SubAssign,
            Raw::MulAssign => MulAssign, Raw::QuoAssign => QuoAssign,
            Raw::RemAssign => RemAssign, Raw::AndAssign => AndAssign, Raw::OrAssign => OrAssign,
            Raw::XorAssign => XorAssign, Raw::ShlAssign => ShlAssign,
            Raw::ShrAssign => ShrAssign, Raw::AndNotAssign => AndNotAssign, Raw::LAnd => LAnd,
            Raw::LOr => LOr, Raw::Arrow => Arrow, Raw::Inc => Inc, Raw::Dec => Dec,
            Raw::Eql => Eql, Raw::Lss => Lss, Raw::Gtr => Gtr, Raw::Assign => Assign,
            Raw::Not => Not, Raw::Tilde => Tilde, Raw::Neq => Neq, Raw::Leq => Leq,
            Raw::Geq => Geq, Raw::Define => Define, Raw::Ellipsis => Ellipsis,
            Raw::LParen => LParen, Raw::LBrack => LBrack, Raw::LBrace => LBrace,
            Raw::Comma => Comma, Raw::Period => Period, Raw::RParen => RParen,
            Raw::RBrack => RBrack, Raw::RBrace => RBrace, Raw::Semi => Semi, Raw::Colon => Colon,
            Raw::Newline | Raw::LineComment | Raw::BlockComment => unreachable!(),
        })
    }

    fn semi_at(&mut self, pos: usize) -> Option<Result<Spanned, LexError>> {
        self.last_ends_stmt = false;
        Some(Ok((pos, Tok::Semi, pos)))
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Result<Spanned, LexError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(p) = self.pending.take() {
            return Some(p);
        }
        loop {
            if self.done {
                return None;
            }
            let raw = match self.raw.next() {
                Some(r) => r,
                None => {
                    self.done = true;
                    if self.last_ends_stmt {
                        let end = self.base + self.raw.source().len();
                        return self.semi_at(end);
                    }
                    return None;
                }
            };
            let span = self.raw.span();
            let (lo, hi) = (span.start + self.base, span.end + self.base);
            let raw = match raw {
                Ok(r) => r,
                Err(()) => {
                    let c = self.raw.slice().chars().next().unwrap_or('?');
                    self.done = true;
                    let msg = match c {
                        '\u{feff}' => "invalid BOM in the middle of the file".to_string(),
                        '\0' => "invalid NUL character".to_string(),
                        c if c.is_control() => format!("invalid character U+{:04X}", c as u32),
                        c => format!("invalid character U+{:04X} '{}'", c as u32, c),
                    };
                    return Some(Err(LexError { pos: lo as u32, msg }));
                }
            };
            match raw {
                Raw::Newline => {
                    if self.last_ends_stmt {
                        return self.semi_at(lo);
                    }
                    continue;
                }
                Raw::LineComment => {
                    if self.last_ends_stmt {
                        // The newline ending the comment acts as the statement end.
                        return self.semi_at(lo);
                    }
                    continue;
                }
                Raw::BlockComment => {
                    if self.last_ends_stmt && self.raw.slice().contains('\n') {
                        return self.semi_at(lo);
                    }
                    continue;
                }
                _ => {}
            }
            let text = self.raw.slice();
            match self.convert(raw, text, lo) {
                Ok(tok) => {
                    self.last_ends_stmt = tok.ends_statement();
                    self.last_end = hi;
                    return Some(Ok((lo, tok, hi)));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
    }
}

/// Lexes a whole file into tokens (for `golift tool tokens` and tests).
pub fn tokenize(src: &str, base: u32) -> Result<Vec<Spanned>, LexError> {
    Lexer::new(src, base).collect()
}
