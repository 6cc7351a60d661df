//! What inlining a function costs, counted on its syntax tree the way gc 1.19 counts it on
//! its own tree (cmd/compile/internal/inline, `hairyVisitor`): one per node of the tree gc's
//! front end makes of the body, with gc's exceptions (a conversion that makes no code costs
//! nothing, a constant expression is one node, `panic`'s implicit conversion is free, ...).
//!
//! Counted here: the nodes. Not here: what a call costs besides its node, which is the
//! callee's own cost when the callee can be inlined and 57 when it cannot. That depends on
//! what inlining decided about the callees, so `ssa::inline` adds it at each call it finds in
//! the SSA form; and a function literal, counted here as one node, costs 15 more plus its
//! own body, also added there (a literal is a function of its own in golift's SSA).
//!
//! gc's tree differs from the source in ways that cost: `x := e` declares `x` first (two
//! nodes: the declaration and the name); `var x T` also assigns the zero value; a call whose
//! results are passed on (`f(g())`, `return g()` with several results) goes through
//! temporaries, each declared; `a + b + c` on strings is one node with three operands;
//! implicit conversions to an interface are nodes where a value is assigned, passed,
//! returned, sent or stored in a composite literal, but not where it is compared; a method
//! call has the method expression as its function (one node for it and one for its type)
//! and the receiver, with the `&` or `*` gc adds (and three nodes more when the receiver is
//! a call's result); an embedded field's selection is a node; a `select` receive is an
//! assignment to two names. An `if` on a constant costs only the branch taken, and a branch
//! that returns ends the list; a `switch` on a constant costs only the clause that runs
//! (gc's `deadcode` pass runs before inlining).
//!
//! These rules were measured against gc's `-m=2` costs ("can inline f with cost N") on small
//! functions, one construct each; `compiler/tests/inline_cost.rs` compares the whole cost of the
//! examples' functions with gc's.

use super::*;

struct Count {
    nodes: u32,
    calls: Vec<(u32, u32)>,
    /// The result types of the function counted.
    results: Vec<TypeId>,
}

impl<'a> Builder<'a> {
    /// The nodes of `body`, a function's whose results have the types `results`.
    pub(super) fn node_cost(&mut self, body: &ast::Block, results: &[TypeId]) -> NodeCost {
        let mut c = Count { nodes: 0, calls: vec![], results: results.to_vec() };
        self.cost_stmts(&mut c, &body.stmts);
        NodeCost { nodes: c.nodes, calls: c.calls }
    }

    fn cost_stmts(&mut self, c: &mut Count, stmts: &[Stmt]) {
        let last_label = stmts.iter().rposition(|s| matches!(*s.kind, StmtKind::Labeled(..)));
        for (i, s) in stmts.iter().enumerate() {
            // (gc's deadcode: after a constant `if` whose branch returns, nothing runs.)
            if self.cost_stmt(c, s) && last_label.map_or(true, |l| i > l) {
                break;
            }
        }
    }

    /// Counts a statement; true if it is an `if` on a constant whose branch taken ends in a
    /// `return` or a `panic`.
    fn cost_stmt(&mut self, c: &mut Count, s: &Stmt) -> bool {
        match &*s.kind {
            StmtKind::Empty | StmtKind::Fallthrough => {}
            StmtKind::Decl(ast::Decl::Var(specs)) => {
                for sp in specs {
                    self.cost_var_spec(c, sp);
                }
            }
            StmtKind::Decl(_) => {}
            StmtKind::Labeled(_, st) => {
                c.nodes += 1;
                return self.cost_stmt(c, st);
            }
            StmtKind::Expr(e) => self.cost_expr(c, e),
            StmtKind::Send(ch, v) => {
                c.nodes += 1;
                self.cost_expr(c, ch);
                let ct = self.type_of(ch);
                let et = match self.tt.under_kind(ct) {
                    TypeKind::Chan(_, e) => *e,
                    _ => INVALID,
                };
                self.cost_value(c, v, et);
            }
            // x++ is x += 1.
            StmtKind::IncDec(x, _) => {
                c.nodes += 2;
                self.cost_expr(c, x);
            }
            StmtKind::Assign(lhs, op, rhs) => self.cost_assign(c, lhs, *op, rhs),
            StmtKind::Go(e) | StmtKind::Defer(e) => {
                c.nodes += 1;
                self.cost_expr(c, e);
            }
            StmtKind::Return(rs) => {
                c.nodes += 1;
                let n = c.results.len() as u32;
                if rs.len() == 1 && n > 1 {
                    // `return f()`: f's results go to declared temporaries, returned.
                    c.nodes += n + 1 + n + 2 * n;
                    self.cost_expr(c, &rs[0]);
                } else {
                    let results = c.results.clone();
                    for (i, r) in rs.iter().enumerate() {
                        self.cost_value(c, r, results.get(i).copied().unwrap_or(INVALID));
                    }
                }
            }
            StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Goto(_) => c.nodes += 1,
            StmtKind::Block(b) => self.cost_stmts(c, &b.stmts),
            StmtKind::If { init, cond, then, els } => {
                if let Some(Const::Bool(v)) = self.info.consts.get(&cond.id) {
                    let v = *v;
                    if let Some(i) = init {
                        self.cost_stmt(c, i);
                    }
                    let taken: &[Stmt] = match (v, els.as_deref()) {
                        (true, _) => &then.stmts,
                        (false, Some(e)) => match &*e.kind {
                            StmtKind::Block(b) => &b.stmts,
                            _ => std::slice::from_ref(e),
                        },
                        (false, None) => &[],
                    };
                    self.cost_stmts(c, taken);
                    return taken.last().map_or(false, |l| self.returns(l));
                }
                c.nodes += 1;
                if let Some(i) = init {
                    self.cost_stmt(c, i);
                }
                self.cost_expr(c, cond);
                self.cost_stmts(c, &then.stmts);
                if let Some(e) = els {
                    self.cost_stmt(c, e);
                }
            }
            StmtKind::Switch { init, tag, cases, .. } => {
                c.nodes += 1;
                if let Some(i) = init {
                    self.cost_stmt(c, i);
                }
                if let Some(t) = tag {
                    self.cost_expr(c, t);
                }
                match self.constant_case(tag.as_ref(), cases) {
                    // On a constant: the clause that runs, with the value that matched.
                    Some(chosen) => {
                        if let Some(cl) = chosen.map(|i| &cases[i]) {
                            c.nodes += 1 + !cl.default as u32;
                            self.cost_stmts(c, &cl.body);
                        }
                    }
                    None => {
                        for cl in cases {
                            c.nodes += 1;
                            for e in &cl.exprs {
                                self.cost_expr(c, e);
                            }
                            self.cost_stmts(c, &cl.body);
                        }
                    }
                }
            }
            StmtKind::TypeSwitch { init, bind, x, cases } => {
                // The switch, its guard, and with a name bound, the name and a variable per
                // clause; each type listed is a node.
                c.nodes += 2;
                if let Some(i) = init {
                    self.cost_stmt(c, i);
                }
                if bind.is_some() {
                    c.nodes += 1;
                }
                self.cost_expr(c, x);
                for cl in cases {
                    c.nodes += 1 + bind.is_some() as u32 + cl.exprs.len() as u32;
                    self.cost_stmts(c, &cl.body);
                }
            }
            StmtKind::Select(clauses) => {
                c.nodes += 1;
                for cl in clauses {
                    c.nodes += 1;
                    match cl.comm.as_deref().map(|s| &*s.kind) {
                        // A receive is an assignment to two names (`_` for those not
                        // written), each new one declared.
                        Some(StmtKind::Expr(e)) => {
                            c.nodes += 3;
                            self.cost_expr(c, e);
                        }
                        Some(StmtKind::Assign(lhs, op, rhs)) => {
                            c.nodes += 1 + 2u32.saturating_sub(lhs.len() as u32);
                            for l in lhs {
                                c.nodes += 2 * self.declares(*op, l) as u32;
                                self.cost_expr(c, l);
                            }
                            for r in rhs {
                                self.cost_expr(c, r);
                            }
                        }
                        Some(_) => {
                            self.cost_stmt(c, cl.comm.as_deref().unwrap());
                        }
                        None => {}
                    }
                    self.cost_stmts(c, &cl.body);
                }
            }
            StmtKind::For { init, cond, post, body } => {
                c.nodes += 1;
                if let Some(i) = init {
                    self.cost_stmt(c, i);
                }
                if let Some(e) = cond {
                    self.cost_expr(c, e);
                }
                if let Some(p) = post {
                    self.cost_stmt(c, p);
                }
                self.cost_stmts(c, &body.stmts);
            }
            StmtKind::Range { key, value, define, x, body } => {
                c.nodes += 1;
                for v in [key, value].into_iter().flatten() {
                    if *define {
                        // The name, and its declaration unless blank.
                        let blank = matches!(&v.kind, ExprKind::Ident(n) if n == "_");
                        c.nodes += if blank { 1 } else { 3 };
                    } else {
                        self.cost_expr(c, v);
                    }
                }
                self.cost_expr(c, x);
                self.cost_stmts(c, &body.stmts);
            }
        }
        false
    }

    /// Whether a statement ends its list by returning or panicking (gc's deadcode test).
    fn returns(&self, s: &Stmt) -> bool {
        match &*s.kind {
            StmtKind::Return(_) => true,
            StmtKind::Expr(Expr { kind: ExprKind::Call { fun, .. }, .. }) => self.builtin_of(strip_parens(fun)) == Some(Builtin::Panic),
            _ => false,
        }
    }

    fn cost_var_spec(&mut self, c: &mut Count, sp: &ast::ValueSpec) {
        let n = sp.names.len() as u32;
        if sp.values.is_empty() {
            // Declared, then assigned the zero value.
            c.nodes += 4 * n;
        } else if sp.values.len() == sp.names.len() {
            for (name, v) in sp.names.iter().zip(&sp.values) {
                c.nodes += 4;
                let t = match self.info.defs.get(&name.span.lo) {
                    Some(&o) => self.obj_ty(o),
                    None => INVALID,
                };
                self.cost_value(c, v, t);
            }
        } else {
            // `var a, b = f()`: each declared, one assignment of the call's results.
            c.nodes += 2 * n + 1 + n;
            self.cost_expr(c, &sp.values[0]);
        }
    }

    fn cost_assign(&mut self, c: &mut Count, lhs: &[Expr], op: ast::AssignOp, rhs: &[Expr]) {
        if let ast::AssignOp::Op(_) = op {
            c.nodes += 1;
            self.cost_expr(c, &lhs[0]);
            self.cost_expr(c, &rhs[0]);
            return;
        }
        for l in lhs {
            c.nodes += 2 * self.declares(op, l) as u32;
        }
        c.nodes += 1;
        for l in lhs {
            self.cost_expr(c, l);
        }
        if lhs.len() == rhs.len() {
            for (l, r) in lhs.iter().zip(rhs) {
                let blank = matches!(&l.kind, ExprKind::Ident(n) if n == "_");
                let t = if blank { INVALID } else { self.type_of(l) };
                self.cost_value(c, r, t);
            }
        } else {
            for r in rhs {
                self.cost_expr(c, r);
            }
        }
    }

    /// Whether `l`, on the left of an assignment with `op`, is a variable it declares (gc
    /// declares it first: two nodes).
    fn declares(&self, op: ast::AssignOp, l: &Expr) -> bool {
        op == ast::AssignOp::Define && matches!(&l.kind, ExprKind::Ident(n) if n != "_") && !self.info.uses.contains_key(&l.id)
    }

    /// An expression used where a value of type `to` is wanted: with gc's implicit
    /// conversion to an interface.
    fn cost_value(&mut self, c: &mut Count, e: &Expr, to: TypeId) {
        self.cost_expr(c, e);
        if to != INVALID && self.tt.is_interface(to) && !self.is_nil(e) {
            let from = self.type_of(e);
            if from != to && from != INVALID && from != UNTYPED_NIL {
                c.nodes += 1;
            }
        }
    }

    fn is_nil(&self, e: &Expr) -> bool {
        let e = strip_parens(e);
        matches!(e.kind, ExprKind::Ident(_)) && matches!(self.info.uses.get(&e.id).map(|&o| &self.info.objects[o as usize].kind), Some(ObjKind::Nil))
    }

    fn cost_expr(&mut self, c: &mut Count, e: &Expr) {
        if self.info.consts.contains_key(&e.id) {
            // A constant expression is one literal.
            c.nodes += 1;
            return;
        }
        match &e.kind {
            ExprKind::Bad | ExprKind::Ellipsis(_) | ExprKind::Union(_) => {}
            ExprKind::Ident(_) | ExprKind::BasicLit(..) => c.nodes += 1,
            ExprKind::CompositeLit { elems, .. } => {
                let t = self.type_of(e);
                self.cost_composite(c, t, elems);
            }
            // The closure; its body is added by inlining, with 15 more.
            ExprKind::FuncLit { .. } => c.nodes += 1,
            ExprKind::Paren(x) => self.cost_expr(c, x),
            ExprKind::Selector(x, _) => match self.info.selections.get(&e.id).cloned() {
                Some(Selection::Field { path, .. }) => {
                    c.nodes += path.len() as u32;
                    self.cost_expr(c, x);
                }
                // A method value: one node more than most (gc's count).
                Some(Selection::Method { path, ptr_recv, .. }) => {
                    c.nodes += 2 + path.len() as u32 + self.recv_fixup(x, &path, ptr_recv);
                    self.cost_expr(c, x);
                }
                Some(Selection::IfaceMethod { path, .. }) => {
                    c.nodes += 2 + path.len() as u32;
                    self.cost_expr(c, x);
                }
                // A method expression is free, its type one node; a qualified name is a name.
                _ => c.nodes += 1,
            },
            ExprKind::Index(x, idx) => {
                if self.info.instances.contains_key(&e.id) {
                    c.nodes += 1;
                    return;
                }
                c.nodes += 1;
                let xt = self.type_of(x);
                // An array through a pointer: the implicit `*`.
                if matches!(self.tt.under_kind(xt), TypeKind::Pointer(_)) {
                    c.nodes += 1;
                }
                self.cost_expr(c, x);
                let kt = match self.tt.under_kind(xt) {
                    TypeKind::Map(k, _) => *k,
                    _ => INVALID,
                };
                for i in idx {
                    self.cost_value(c, i, kt);
                }
            }
            ExprKind::Slice { x, lo, hi, max } => {
                c.nodes += 1;
                let xt = self.type_of(x);
                // Slicing an array takes its address.
                if matches!(self.tt.under_kind(xt), TypeKind::Array(..)) {
                    c.nodes += 1;
                }
                self.cost_expr(c, x);
                for p in [lo, hi, max].into_iter().flatten() {
                    self.cost_expr(c, p);
                }
            }
            ExprKind::TypeAssert(x, _) => {
                c.nodes += 1;
                self.cost_expr(c, x);
            }
            ExprKind::Call { fun, args, ellipsis } => self.cost_call(c, e, fun, args, *ellipsis),
            ExprKind::Unary(op, x) => {
                c.nodes += 1;
                // `*&x` is cheap (gc undoes half of it), also through conversions that make
                // no code (`*(*uint32)(unsafe.Pointer(&f))`).
                if *op == UnOp::Deref && self.is_addr_through_free_conversions(x) {
                    c.nodes -= 1;
                }
                self.cost_expr(c, x);
            }
            ExprKind::Binary(op, l, r) => {
                let t = self.type_of(e);
                if *op == BinOp::Add && matches!(self.tt.under_kind(t), TypeKind::Basic(Basic::String | Basic::UntypedString)) {
                    // One node with all the operands of a chain of concatenations.
                    c.nodes += 1;
                    let mut ops = vec![];
                    self.concat_operands(e, &mut ops);
                    for o in ops {
                        self.cost_expr(c, o);
                    }
                    return;
                }
                c.nodes += 1;
                self.cost_expr(c, l);
                self.cost_expr(c, r);
            }
            // A type where an expression may be: one node.
            _ => c.nodes += 1,
        }
    }

    fn is_addr_through_free_conversions(&mut self, x: &Expr) -> bool {
        let mut x = strip_parens(x);
        for _ in 0..8 {
            match &x.kind {
                ExprKind::Unary(UnOp::Addr, _) => return true,
                ExprKind::Call { fun, args, .. } if args.len() == 1 && self.info.type_exprs.contains(&strip_parens(fun).id) => {
                    let (from, to) = (self.type_of(&args[0]), self.type_of(x));
                    if !self.conversion_is_free(from, to) {
                        return false;
                    }
                    x = strip_parens(&args[0]);
                }
                _ => return false,
            }
        }
        false
    }

    /// The operands of a string concatenation, nested concatenations flattened (gc makes
    /// one node of `a + b + (c + d)`); constant ones are already literals.
    fn concat_operands<'e>(&self, e: &'e Expr, out: &mut Vec<&'e Expr>) {
        let s = strip_parens(e);
        match &s.kind {
            ExprKind::Binary(BinOp::Add, l, r) if !self.info.consts.contains_key(&s.id) => {
                self.concat_operands(l, out);
                self.concat_operands(r, out);
            }
            _ => out.push(e),
        }
    }

    /// A receiver that is a call's result is first assigned to a temporary (three nodes
    /// more, as measured).
    fn call_receiver(&self, x: &Expr) -> u32 {
        match &strip_parens(x).kind {
            ExprKind::Call { fun, .. } if !self.info.type_exprs.contains(&strip_parens(fun).id) && self.builtin_of(strip_parens(fun)).is_none() => 3,
            _ => 0,
        }
    }

    /// The `&` or `*` gc puts on a method's receiver (after the embedding path) when the
    /// method wants a pointer and has a value, or the other way round.
    fn recv_fixup(&mut self, x: &Expr, path: &[usize], ptr_recv: bool) -> u32 {
        let mut t = self.type_of(x);
        for &i in path {
            let mut u = self.tt.under(t);
            if let TypeKind::Pointer(b) = self.tt.kind(u) {
                u = self.tt.under(*b);
            }
            t = match self.tt.kind(u) {
                TypeKind::Struct(fs) => fs.get(i).map_or(INVALID, |f| f.ty),
                _ => INVALID,
            };
        }
        let is_ptr = matches!(self.tt.under_kind(t), TypeKind::Pointer(_));
        (ptr_recv != is_ptr) as u32
    }

    fn cost_composite(&mut self, c: &mut Count, t: TypeId, elems: &[ast::KeyedElement]) {
        let mut u = self.tt.under(t);
        if let TypeKind::Pointer(b) = self.tt.kind(u) {
            // `&T{...}` left out in an enclosing literal.
            c.nodes += 1;
            u = self.tt.under(*b);
        }
        match self.tt.kind(u).clone() {
            TypeKind::Struct(fields) => {
                c.nodes += 1;
                for (i, el) in elems.iter().enumerate() {
                    c.nodes += 1;
                    let ft = match &el.key {
                        Some(Expr { kind: ExprKind::Ident(n), .. }) => fields.iter().find(|f| &f.name == n).map_or(INVALID, |f| f.ty),
                        _ => fields.get(i).map_or(INVALID, |f| f.ty),
                    };
                    self.cost_value(c, &el.value, ft);
                }
            }
            TypeKind::Map(kt, vt) => {
                c.nodes += 1;
                for el in elems {
                    c.nodes += 1;
                    if let Some(k) = &el.key {
                        self.cost_value(c, k, kt);
                    }
                    self.cost_value(c, &el.value, vt);
                }
            }
            kind => {
                let et = match kind {
                    // A slice literal costs one more (gc's count).
                    TypeKind::Slice(et) => {
                        c.nodes += 2;
                        et
                    }
                    TypeKind::Array(_, et) => {
                        c.nodes += 1;
                        et
                    }
                    _ => {
                        c.nodes += 1;
                        INVALID
                    }
                };
                for el in elems {
                    if let Some(k) = &el.key {
                        c.nodes += 1;
                        self.cost_expr(c, k);
                    }
                    self.cost_value(c, &el.value, et);
                }
            }
        }
    }

    fn cost_call(&mut self, c: &mut Count, e: &Expr, fun: &Expr, args: &[Expr], ellipsis: bool) {
        let f = strip_parens(fun);
        if self.info.type_exprs.contains(&f.id) {
            if let Some(a) = args.first() {
                let to = self.type_of(e);
                let from = self.type_of(a);
                if !self.conversion_is_free(from, to) {
                    c.nodes += 1;
                }
                self.cost_expr(c, a);
            }
            return;
        }
        if let Some(b) = self.builtin_of(f) {
            match b {
                // The node and its type.
                Builtin::New => c.nodes += 2,
                Builtin::Make => {
                    c.nodes += 1;
                    for a in args.iter().skip(1) {
                        self.cost_expr(c, a);
                    }
                    // A channel or map made without a size is made with size 0.
                    if args.len() == 1 && !matches!(args.first().map(|a| self.type_of(a)).map(|t| self.tt.under_kind(t).clone()), Some(TypeKind::Slice(_))) {
                        c.nodes += 1;
                    }
                }
                // gc does not charge a panic (one more node), nor its implicit conversion.
                Builtin::Panic => {
                    c.nodes += 2;
                    if let Some(a) = args.first() {
                        self.cost_expr(c, a);
                    }
                }
                Builtin::Append if !ellipsis && !args.is_empty() => {
                    c.nodes += 1;
                    self.cost_expr(c, &args[0]);
                    let st = self.type_of(&args[0]);
                    let et = match self.tt.under_kind(st) {
                        TypeKind::Slice(et) => *et,
                        _ => INVALID,
                    };
                    for a in &args[1..] {
                        self.cost_value(c, a, et);
                    }
                }
                _ => {
                    c.nodes += 1;
                    for a in args {
                        self.cost_expr(c, a);
                    }
                }
            }
            return;
        }
        c.calls.push((f.span.hi, c.nodes));
        c.nodes += 1;
        // The function: for a method, its method expression (one node, its type) and the
        // receiver; for an interface's method, the selection.
        match (&f.kind, self.info.selections.get(&f.id).cloned()) {
            (ExprKind::Selector(x, _), Some(Selection::Method { path, ptr_recv, .. })) => {
                c.nodes += 1 + path.len() as u32 + self.recv_fixup(x, &path, ptr_recv) + self.call_receiver(x);
                self.cost_expr(c, x);
            }
            (ExprKind::Selector(x, _), Some(Selection::IfaceMethod { path, .. })) => {
                c.nodes += 1 + path.len() as u32 + self.call_receiver(x);
                self.cost_expr(c, x);
            }
            _ => self.cost_expr(c, f),
        }
        let ft = self.type_of(fun);
        let sig = match self.tt.under_kind(ft) {
            TypeKind::Func(s) => s.clone(),
            _ => Signature { params: vec![], results: vec![], variadic: false },
        };
        if args.len() == 1 && sig.params.len() > 1 {
            let at = self.type_of(&args[0]);
            if let TypeKind::Tuple(ts) = self.tt.kind(at) {
                // `f(g())`: g's results go to declared temporaries, passed on.
                let n = ts.len() as u32;
                c.nodes += 4 * n + 1;
                self.cost_expr(c, &args[0]);
                return;
            }
        }
        let np = sig.params.len();
        for (i, a) in args.iter().enumerate() {
            let pt = if sig.variadic && i + 1 >= np && !ellipsis {
                match sig.params.last().map(|&l| self.tt.under_kind(l).clone()) {
                    Some(TypeKind::Slice(et)) => et,
                    _ => INVALID,
                }
            } else {
                sig.params.get(i).copied().unwrap_or(INVALID)
            };
            self.cost_value(c, a, pt);
        }
    }

    /// Whether a conversion makes no code (gc's OCONVNOP, which costs nothing): between
    /// types with the same underlying type but floating-point ones (gc keeps those, for
    /// their rounding), integers of one size, pointers to types with the same underlying
    /// type, channels of the same element, an unsafe.Pointer and a pointer.
    fn conversion_is_free(&self, from: TypeId, to: TypeId) -> bool {
        let (uf, ut) = (self.tt.under(from), self.tt.under(to));
        let float = |k: &TypeKind| matches!(k, TypeKind::Basic(Basic::Float32 | Basic::Float64 | Basic::Complex64 | Basic::Complex128));
        if uf == ut {
            return (!self.tt.is_interface(to) || from == to) && !float(self.tt.kind(ut));
        }
        match (self.tt.kind(uf), self.tt.kind(ut)) {
            // gc's "simple types": int is int64 and uint, uintptr are uint64 (64-bit targets).
            (TypeKind::Basic(a), TypeKind::Basic(b)) => {
                let simple = |k: Basic| match k {
                    Basic::Int => Basic::Int64,
                    Basic::Uint | Basic::Uintptr => Basic::Uint64,
                    k => k,
                };
                simple(*a) == simple(*b)
            }
            (TypeKind::Pointer(a), TypeKind::Pointer(b)) => self.tt.under(*a) == self.tt.under(*b),
            (TypeKind::Chan(_, a), TypeKind::Chan(_, b)) => a == b,
            (TypeKind::Pointer(_), TypeKind::Basic(Basic::UnsafePointer)) | (TypeKind::Basic(Basic::UnsafePointer), TypeKind::Pointer(_)) => true,
            _ => false,
        }
    }
}
