//! The abstract syntax tree: what the parser produces and the type checker reads.
//!
//! As in go/ast and gc's syntax package, types written in expression position (conversions,
//! `make([]int, n)`, composite literal types) are expressions: `ExprKind` has both value and
//! type forms, and the checker decides which one a node denotes. Every expression has an `id`,
//! unique in its compilation, by which the checker records its type and value.

use crate::source::Span;

pub type ExprId = u32;

#[derive(Clone, Debug)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct File {
    pub package: Ident,
    pub imports: Vec<Import>,
    pub decls: Vec<Decl>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Import {
    /// `None`: the package's own name; `Some(".")` and `Some("_")` as written.
    pub name: Option<Ident>,
    pub path: String,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum Decl {
    // Boxed, like the big expression and statement variants below: the parser moves AST
    // nodes on its stack, so small nodes make a fast parser.
    Func(Box<FuncDecl>),
    Var(Vec<ValueSpec>),
    Const(Vec<ValueSpec>),
    Type(Vec<TypeSpec>),
}

#[derive(Clone, Debug)]
pub struct ValueSpec {
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    pub values: Vec<Expr>,
    /// For constants: the position within its const group (the value of `iota`).
    pub iota: u32,
    /// For constants with no values: the spec they repeat was filled in by the parser.
    pub implicit: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct TypeSpec {
    pub name: Ident,
    pub tparams: Vec<Field>,
    /// `type A = B`
    pub alias: bool,
    pub ty: Expr,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct FuncDecl {
    pub recv: Option<Field>,
    pub name: Ident,
    pub tparams: Vec<Field>,
    pub ty: FuncType,
    pub body: Option<Block>,
    pub span: Span,
}

/// A parameter, result, struct field or interface element group.
#[derive(Clone, Debug)]
pub struct Field {
    /// Empty for an unnamed parameter or an embedded field.
    pub names: Vec<Ident>,
    pub ty: Expr,
    pub tag: Option<String>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct FuncType {
    pub params: Vec<Field>,
    pub results: Vec<Field>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub lbrace: Span,
    pub rbrace: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    LOr, LAnd, Eql, Neq, Lss, Leq, Gtr, Geq,
    Add, Sub, Or, Xor, Mul, Quo, Rem, Shl, Shr, And, AndNot,
}

impl BinOp {
    pub fn text(self) -> &'static str {
        use BinOp::*;
        match self {
            LOr => "||", LAnd => "&&", Eql => "==", Neq => "!=", Lss => "<", Leq => "<=",
            Gtr => ">", Geq => ">=", Add => "+", Sub => "-", Or => "|", Xor => "^", Mul => "*",
            Quo => "/", Rem => "%", Shl => "<<", Shr => ">>", And => "&", AndNot => "&^",
        }
    }
    pub fn is_comparison(self) -> bool {
        use BinOp::*;
        matches!(self, Eql | Neq | Lss | Leq | Gtr | Geq)
    }
    pub fn is_shift(self) -> bool {
        matches!(self, BinOp::Shl | BinOp::Shr)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Pos, Neg, Not, Xor, Recv, Addr, Deref, Tilde,
}

impl UnOp {
    pub fn text(self) -> &'static str {
        match self {
            UnOp::Pos => "+", UnOp::Neg => "-", UnOp::Not => "!", UnOp::Xor => "^",
            UnOp::Recv => "<-", UnOp::Addr => "&", UnOp::Deref => "*", UnOp::Tilde => "~",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Char,
    String,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub id: ExprId,
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Clone, Debug)]
pub struct KeyedElement {
    pub key: Option<Expr>,
    pub value: Expr,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Bad,
    Ident(String),
    BasicLit(LitKind, String),
    /// `T{...}`; `ty` is None for an elided type inside another literal.
    CompositeLit { ty: Option<Box<Expr>>, elems: Vec<KeyedElement>, rbrace: Span },
    FuncLit { ty: Box<FuncType>, body: Box<Block> },
    Paren(Box<Expr>),
    Selector(Box<Expr>, Ident),
    /// `x[i]`, or an instantiation `f[T1, T2]`.
    Index(Box<Expr>, Vec<Expr>),
    Slice { x: Box<Expr>, lo: Option<Box<Expr>>, hi: Option<Box<Expr>>, max: Option<Box<Expr>> },
    /// `x.(T)`; `None` is `x.(type)` in a type switch.
    TypeAssert(Box<Expr>, Option<Box<Expr>>),
    Call { fun: Box<Expr>, args: Vec<Expr>, ellipsis: bool },
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    // Types.
    /// `[N]T`; `len` None is `[...]T`.
    ArrayType { len: Option<Box<Expr>>, elem: Box<Expr> },
    SliceType(Box<Expr>),
    StructType(Vec<Field>),
    FuncType(Box<FuncType>),
    InterfaceType(Vec<Field>),
    MapType(Box<Expr>, Box<Expr>),
    ChanType(ChanDir, Box<Expr>),
    /// `...T` in a parameter list.
    Ellipsis(Box<Expr>),
    /// `A | B` and `~A` in a constraint (type sets).
    Union(Vec<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Define,
    Op(BinOp),
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub span: Span,
    /// Where gc places the statement in messages: its start, or for an assignment the
    /// assignment operator.
    pub pos: u32,
    /// Boxed: the parser moves statements on its stack, and a small `Stmt` keeps that fast.
    pub kind: Box<StmtKind>,
}

#[derive(Clone, Debug)]
pub struct CaseClause {
    /// Empty list with `default` true is `default:`.
    pub exprs: Vec<Expr>,
    pub default: bool,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct CommClause {
    /// None is `default:`.
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Empty,
    Decl(Decl),
    Labeled(Ident, Box<Stmt>),
    Expr(Expr),
    Send(Expr, Expr),
    IncDec(Expr, bool),
    Assign(Vec<Expr>, AssignOp, Vec<Expr>),
    Go(Expr),
    Defer(Expr),
    Return(Vec<Expr>),
    Break(Option<Ident>),
    Continue(Option<Ident>),
    Goto(Ident),
    Fallthrough,
    Block(Block),
    If { init: Option<Box<Stmt>>, cond: Expr, then: Block, els: Option<Box<Stmt>> },
    Switch { init: Option<Box<Stmt>>, tag: Option<Expr>, cases: Vec<CaseClause>, rbrace: Span },
    /// `switch [init;] [bind :=] x.(type) { ... }`
    TypeSwitch { init: Option<Box<Stmt>>, bind: Option<Ident>, x: Expr, cases: Vec<CaseClause> },
    Select(Vec<CommClause>),
    For { init: Option<Box<Stmt>>, cond: Option<Expr>, post: Option<Box<Stmt>>, body: Block },
    /// `for k, v := range x` / `for k, v = range x` / `for range x`
    Range { key: Option<Box<Expr>>, value: Option<Box<Expr>>, define: bool, x: Box<Expr>, body: Block },
}
