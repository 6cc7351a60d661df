//! Go tokens (the spec's "Tokens" section), as the parser sees them.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    // Identifiers and basic literals carry their source text; literal values are decoded by
    // the type checker's constant evaluator, so that errors in them are reported there.
    Ident(String),
    Int(String),
    Float(String),
    Imag(String),
    Char(String),
    Str(String),
    // Keywords.
    Break, Case, Chan, Const, Continue, Default, Defer, Else, Fallthrough, For, Func, Go, Goto,
    If, Import, Interface, Map, Package, Range, Return, Select, Struct, Switch, Type, Var,
    // Operators and punctuation.
    Add, Sub, Mul, Quo, Rem, And, Or, Xor, Shl, Shr, AndNot,
    AddAssign, SubAssign, MulAssign, QuoAssign, RemAssign, AndAssign, OrAssign, XorAssign,
    ShlAssign, ShrAssign, AndNotAssign,
    LAnd, LOr, Arrow, Inc, Dec, Eql, Lss, Gtr, Assign, Not, Tilde,
    Neq, Leq, Geq, Define, Ellipsis,
    LParen, LBrack, LBrace, Comma, Period, RParen, RBrack, RBrace, Semi, Colon,
}

impl Tok {
    /// The spec's semicolon rule: a semicolon is inserted after a line's final token if it is
    /// one of these.
    pub fn ends_statement(&self) -> bool {
        use Tok::*;
        matches!(
            self,
            Ident(_) | Int(_) | Float(_) | Imag(_) | Char(_) | Str(_) | Break | Continue
                | Fallthrough | Return | Inc | Dec | RParen | RBrack | RBrace
        )
    }

    pub fn text(&self) -> String {
        use Tok::*;
        let s = match self {
            Ident(s) | Int(s) | Float(s) | Imag(s) | Char(s) | Str(s) => return s.clone(),
            Break => "break", Case => "case", Chan => "chan", Const => "const",
            Continue => "continue", Default => "default", Defer => "defer", Else => "else",
            Fallthrough => "fallthrough", For => "for", Func => "func", Go => "go", Goto => "goto",
            If => "if", Import => "import", Interface => "interface", Map => "map",
            Package => "package", Range => "range", Return => "return", Select => "select",
            Struct => "struct", Switch => "switch", Type => "type", Var => "var",
            Add => "+", Sub => "-", Mul => "*", Quo => "/", Rem => "%", And => "&", Or => "|",
            Xor => "^", Shl => "<<", Shr => ">>", AndNot => "&^",
            AddAssign => "+=", SubAssign => "-=", MulAssign => "*=", QuoAssign => "/=",
            RemAssign => "%=", AndAssign => "&=", OrAssign => "|=", XorAssign => "^=",
            ShlAssign => "<<=", ShrAssign => ">>=", AndNotAssign => "&^=",
            LAnd => "&&", LOr => "||", Arrow => "<-", Inc => "++", Dec => "--", Eql => "==",
            Lss => "<", Gtr => ">", Assign => "=", Not => "!", Tilde => "~", Neq => "!=",
            Leq => "<=", Geq => ">=", Define => ":=", Ellipsis => "...",
            LParen => "(", LBrack => "[", LBrace => "{", Comma => ",", Period => ".",
            RParen => ")", RBrack => "]", RBrace => "}", Semi => ";", Colon => ":",
        };
        s.to_string()
    }

    /// The kind name used by `golift tool tokens`, modelled on go/token's names.
    pub fn kind(&self) -> &'static str {
        use Tok::*;
        match self {
            Ident(_) => "IDENT",
            Int(_) => "INT",
            Float(_) => "FLOAT",
            Imag(_) => "IMAG",
            Char(_) => "CHAR",
            Str(_) => "STRING",
            Break | Case | Chan | Const | Continue | Default | Defer | Else | Fallthrough | For
            | Func | Go | Goto | If | Import | Interface | Map | Package | Range | Return | Select
            | Struct | Switch | Type | Var => "KEYWORD",
            _ => "OP",
        }
    }
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.text())
    }
}
