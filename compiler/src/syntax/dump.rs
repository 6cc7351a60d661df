//! The AST as an indented tree (`golift tool ast`): one node per line, children indented,
//! each with its position, in the spirit of go/ast's Fprint but shorter.

use super::ast::*;
use crate::source::SourceMap;

pub struct Printer<'a> {
    sm: &'a SourceMap,
    out: String,
    depth: usize,
}

impl<'a> Printer<'a> {
    pub fn new(sm: &'a SourceMap) -> Printer<'a> {
        Printer { sm, out: String::new(), depth: 0 }
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn line(&mut self, pos: u32, text: &str) {
        let lc = self.sm.line_col(pos).1;
        self.out.push_str(&format!("{:indent$}{} @{}:{}\n", "", text, lc.line, lc.col, indent = self.depth * 2));
    }

    fn nest(&mut self, f: impl FnOnce(&mut Self)) {
        self.depth += 1;
        f(self);
        self.depth -= 1;
    }

    pub fn file(&mut self, f: &File) {
        self.line(f.span.lo, &format!("File package {}", f.package.name));
        self.nest(|p| {
            for i in &f.imports {
                let name = i.name.as_ref().map(|n| format!("{} ", n.name)).unwrap_or_default();
                p.line(i.span.lo, &format!("Import {}{}", name, i.path));
            }
            for d in &f.decls {
                p.decl(d);
            }
        });
    }

    /// One function declaration (for the ssa.html AST column).
    pub fn func_decl(&mut self, f: &FuncDecl) {
        self.decl(&Decl::Func(Box::new(f.clone())));
    }

    fn decl(&mut self, d: &Decl) {
        match d {
            Decl::Func(f) => {
                let recv = if f.recv.is_some() { "Method" } else { "Func" };
                self.line(f.span.lo, &format!("{} {}", recv, f.name.name));
                self.nest(|p| {
                    if let Some(r) = &f.recv {
                        p.fields("Recv", std::slice::from_ref(r), f.span.lo);
                    }
                    p.func_type(&f.ty);
                    if let Some(b) = &f.body {
                        p.block(b);
                    }
                });
            }
            Decl::Var(specs) | Decl::Const(specs) => {
                let kw = if matches!(d, Decl::Var(_)) { "Var" } else { "Const" };
                for s in specs {
                    let names: Vec<&str> = s.names.iter().map(|n| n.name.as_str()).collect();
                    let iota = if kw == "Const" { format!(" iota={}", s.iota) } else { String::new() };
                    self.line(s.span.lo, &format!("{} {}{}", kw, names.join(", "), iota));
                    self.nest(|p| {
                        if let Some(t) = &s.ty {
                            p.expr(t);
                        }
                        for v in &s.values {
                            p.expr(v);
                        }
                    });
                }
            }
            Decl::Type(specs) => {
                for s in specs {
                    let alias = if s.alias { " =" } else { "" };
                    self.line(s.span.lo, &format!("Type {}{}", s.name.name, alias));
                    self.nest(|p| {
                        if !s.tparams.is_empty() {
                            p.fields("TypeParams", &s.tparams, s.span.lo);
                        }
                        p.expr(&s.ty)
                    });
                }
            }
        }
    }

    fn fields(&mut self, what: &str, fs: &[Field], pos: u32) {
        self.line(pos, what);
        self.nest(|p| {
            for f in fs {
                let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
                let tag = f.tag.as_ref().map(|t| format!(" tag {}", t)).unwrap_or_default();
                p.line(f.span.lo, &format!("Field {}{}", names.join(", "), tag).trim_end().to_string());
                p.nest(|p| p.expr(&f.ty));
            }
        });
    }

    fn func_type(&mut self, t: &FuncType) {
        self.fields("Params", &t.params, t.span.lo);
        if !t.results.is_empty() {
            self.fields("Results", &t.results, t.span.lo);
        }
    }

    fn block(&mut self, b: &Block) {
        self.line(b.lbrace.lo, "Block");
        self.nest(|p| p.stmts(&b.stmts));
    }

    fn stmts(&mut self, ss: &[Stmt]) {
        for s in ss {
            self.stmt(s);
        }
    }

    fn opt_stmt(&mut self, what: &str, s: &Option<Box<Stmt>>) {
        if let Some(s) = s {
            self.line(s.span.lo, what);
            self.nest(|p| p.stmt(s));
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        let pos = s.span.lo;
        match &*s.kind {
            StmtKind::Empty => self.line(pos, "Empty"),
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::Labeled(l, inner) => {
                self.line(pos, &format!("Labeled {}", l.name));
                self.nest(|p| p.stmt(inner));
            }
            StmtKind::Expr(e) => {
                self.line(pos, "ExprStmt");
                self.nest(|p| p.expr(e));
            }
            StmtKind::Send(c, v) => {
                self.line(pos, "Send");
                self.nest(|p| {
                    p.expr(c);
                    p.expr(v)
                });
            }
            StmtKind::IncDec(x, inc) => {
                self.line(pos, if *inc { "IncDec ++" } else { "IncDec --" });
                self.nest(|p| p.expr(x));
            }
            StmtKind::Assign(l, op, r) => {
                let op = match op {
                    AssignOp::Assign => "=".to_string(),
                    AssignOp::Define => ":=".to_string(),
                    AssignOp::Op(b) => format!("{}=", b.text()),
                };
                self.line(s.pos, &format!("Assign {}", op));
                self.nest(|p| {
                    l.iter().for_each(|e| p.expr(e));
                    r.iter().for_each(|e| p.expr(e));
                });
            }
            StmtKind::Go(e) | StmtKind::Defer(e) => {
                self.line(pos, if matches!(*s.kind, StmtKind::Go(_)) { "Go" } else { "Defer" });
                self.nest(|p| p.expr(e));
            }
            StmtKind::Return(rs) => {
                self.line(pos, "Return");
                self.nest(|p| rs.iter().for_each(|e| p.expr(e)));
            }
            StmtKind::Break(l) | StmtKind::Continue(l) => {
                let kw = if matches!(*s.kind, StmtKind::Break(_)) { "Break" } else { "Continue" };
                let l = l.as_ref().map(|l| format!(" {}", l.name)).unwrap_or_default();
                self.line(pos, &format!("{}{}", kw, l));
            }
            StmtKind::Goto(l) => self.line(pos, &format!("Goto {}", l.name)),
            StmtKind::Fallthrough => self.line(pos, "Fallthrough"),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If { init, cond, then, els } => {
                self.line(pos, "If");
                self.nest(|p| {
                    p.opt_stmt("Init", init);
                    p.expr(cond);
                    p.block(then);
                    p.opt_stmt("Else", els);
                });
            }
            StmtKind::Switch { init, tag, cases, .. } => {
                self.line(pos, "Switch");
                self.nest(|p| {
                    p.opt_stmt("Init", init);
                    if let Some(t) = tag {
                        p.expr(t);
                    }
                    p.cases(cases);
                });
            }
            StmtKind::TypeSwitch { init, bind, x, cases } => {
                let b = bind.as_ref().map(|b| format!(" {} :=", b.name)).unwrap_or_default();
                self.line(pos, &format!("TypeSwitch{}", b));
                self.nest(|p| {
                    p.opt_stmt("Init", init);
                    p.expr(x);
                    p.cases(cases);
                });
            }
            StmtKind::Select(cases) => {
                self.line(pos, "Select");
                self.nest(|p| {
                    for c in cases {
                        p.line(c.span.lo, if c.comm.is_some() { "CommClause" } else { "CommClause default" });
                        p.nest(|p| {
                            if let Some(s) = &c.comm {
                                p.stmt(s);
                            }
                            p.stmts(&c.body);
                        });
                    }
                });
            }
            StmtKind::For { init, cond, post, body } => {
                self.line(pos, "For");
                self.nest(|p| {
                    p.opt_stmt("Init", init);
                    if let Some(c) = cond {
                        p.expr(c);
                    }
                    p.opt_stmt("Post", post);
                    p.block(body);
                });
            }
            StmtKind::Range { key, value, define, x, body } => {
                self.line(pos, if *define { "Range :=" } else { "Range =" });
                self.nest(|p| {
                    for e in [key, value].into_iter().flatten() {
                        p.expr(e);
                    }
                    p.expr(x);
                    p.block(body);
                });
            }
        }
    }

    fn cases(&mut self, cases: &[CaseClause]) {
        for c in cases {
            self.line(c.span.lo, if c.default { "Default" } else { "Case" });
            self.nest(|p| {
                c.exprs.iter().for_each(|e| p.expr(e));
                p.stmts(&c.body);
            });
        }
    }

    pub fn expr(&mut self, e: &Expr) {
        let pos = e.span.lo;
        let kids: Vec<&Expr>;
        let label = match &e.kind {
            ExprKind::Bad => {
                kids = vec![];
                "Bad".to_string()
            }
            ExprKind::Ident(n) => {
                kids = vec![];
                format!("Ident {}", n)
            }
            ExprKind::BasicLit(k, s) => {
                kids = vec![];
                format!("BasicLit {:?} {}", k, s)
            }
            ExprKind::CompositeLit { ty, elems, .. } => {
                self.line(pos, "CompositeLit");
                self.nest(|p| {
                    if let Some(t) = ty {
                        p.expr(t);
                    }
                    for el in elems {
                        match &el.key {
                            Some(k) => {
                                p.line(k.span.lo, "KeyValue");
                                p.nest(|p| {
                                    p.expr(k);
                                    p.expr(&el.value)
                                });
                            }
                            None => p.expr(&el.value),
                        }
                    }
                });
                return;
            }
            ExprKind::FuncLit { ty, body } => {
                self.line(pos, "FuncLit");
                self.nest(|p| {
                    p.func_type(ty);
                    p.block(body)
                });
                return;
            }
            ExprKind::FuncType(t) => {
                self.line(pos, "FuncType");
                self.nest(|p| p.func_type(t));
                return;
            }
            ExprKind::StructType(fs) | ExprKind::InterfaceType(fs) => {
                let kw = if matches!(e.kind, ExprKind::StructType(_)) { "StructType" } else { "InterfaceType" };
                self.fields(kw, fs, pos);
                return;
            }
            ExprKind::Paren(x) => {
                kids = vec![x];
                "Paren".to_string()
            }
            ExprKind::Selector(x, s) => {
                kids = vec![x];
                format!("Selector .{}", s.name)
            }
            ExprKind::Index(x, i) => {
                kids = std::iter::once(&**x).chain(i.iter()).collect();
                "Index".to_string()
            }
            ExprKind::Slice { x, lo, hi, max } => {
                kids = std::iter::once(&**x).chain([lo, hi, max].into_iter().flatten().map(|b| &**b)).collect();
                format!("Slice{}", if max.is_some() { " 3-index" } else { "" })
            }
            ExprKind::TypeAssert(x, t) => {
                kids = std::iter::once(&**x).chain(t.iter().map(|b| &**b)).collect();
                if t.is_some() { "TypeAssert".to_string() } else { "TypeAssert (type)".to_string() }
            }
            ExprKind::Call { fun, args, ellipsis } => {
                kids = std::iter::once(&**fun).chain(args.iter()).collect();
                format!("Call{}", if *ellipsis { " ..." } else { "" })
            }
            ExprKind::Unary(op, x) => {
                kids = vec![x];
                format!("Unary {}", op.text())
            }
            ExprKind::Binary(op, l, r) => {
                kids = vec![l, r];
                format!("Binary {}", op.text())
            }
            ExprKind::ArrayType { len, elem } => {
                kids = len.iter().map(|b| &**b).chain(std::iter::once(&**elem)).collect();
                if len.is_some() { "ArrayType".to_string() } else { "ArrayType [...]".to_string() }
            }
            ExprKind::SliceType(x) => {
                kids = vec![x];
                "SliceType".to_string()
            }
            ExprKind::MapType(k, v) => {
                kids = vec![k, v];
                "MapType".to_string()
            }
            ExprKind::ChanType(d, x) => {
                kids = vec![x];
                format!("ChanType {:?}", d)
            }
            ExprKind::Ellipsis(x) => {
                kids = vec![x];
                "Ellipsis".to_string()
            }
            ExprKind::Union(ts) => {
                kids = ts.iter().collect();
                "Union".to_string()
            }
        };
        self.line(pos, &label);
        self.nest(|p| kids.into_iter().for_each(|k| p.expr(k)));
    }
}

/// An expression as gc prints it in messages (`x + "s"`, `f(a, b)`, `T{…}`, `func(…)`).
pub fn expr_string(e: &Expr) -> String {
    let list = |v: &[Expr]| v.iter().map(expr_string).collect::<Vec<_>>().join(", ");
    match &e.kind {
        ExprKind::Bad => "_".into(),
        ExprKind::Ident(n) => n.clone(),
        ExprKind::BasicLit(_, s) => s.clone(),
        ExprKind::CompositeLit { ty, .. } => format!("{}{{…}}", ty.as_ref().map(|t| expr_string(t)).unwrap_or_default()),
        ExprKind::FuncLit { .. } => "func literal".into(),
        ExprKind::Paren(x) => format!("({})", expr_string(x)),
        ExprKind::Selector(x, s) => format!("{}.{}", expr_string(x), s.name),
        ExprKind::Index(x, i) => format!("{}[{}]", expr_string(x), list(i)),
        ExprKind::Slice { x, lo, hi, max } => {
            let o = |v: &Option<Box<Expr>>| v.as_ref().map(|e| expr_string(e)).unwrap_or_default();
            match max {
                Some(m) => format!("{}[{}:{}:{}]", expr_string(x), o(lo), o(hi), expr_string(m)),
                None => format!("{}[{}:{}]", expr_string(x), o(lo), o(hi)),
            }
        }
        ExprKind::TypeAssert(x, t) => format!("{}.({})", expr_string(x), t.as_ref().map(|t| expr_string(t)).unwrap_or_else(|| "type".into())),
        ExprKind::Call { fun, args, ellipsis } => format!("{}({}{})", expr_string(fun), list(args), if *ellipsis { "..." } else { "" }),
        ExprKind::Unary(op, x) => format!("{}{}", op.text(), expr_string(x)),
        ExprKind::Binary(op, l, r) => format!("{} {} {}", expr_string(l), op.text(), expr_string(r)),
        ExprKind::ArrayType { len, elem } => format!("[{}]{}", len.as_ref().map(|l| expr_string(l)).unwrap_or_else(|| "...".into()), expr_string(elem)),
        ExprKind::SliceType(x) => format!("[]{}", expr_string(x)),
        ExprKind::StructType(_) => "struct{…}".into(),
        ExprKind::InterfaceType(_) => "interface{…}".into(),
        ExprKind::FuncType(_) => "func(…)".into(),
        ExprKind::MapType(k, v) => format!("map[{}]{}", expr_string(k), expr_string(v)),
        ExprKind::ChanType(d, x) => match d {
            ChanDir::Both => format!("chan {}", expr_string(x)),
            ChanDir::Send => format!("chan<- {}", expr_string(x)),
            ChanDir::Recv => format!("<-chan {}", expr_string(x)),
        },
        ExprKind::Ellipsis(x) => format!("...{}", expr_string(x)),
        ExprKind::Union(ts) => ts.iter().map(expr_string).collect::<Vec<_>>().join(" | "),
    }
}
