//! The program: symbols for functions and globals, the functions it can reach built (the
//! others never are), the entry function
//! that initialises the packages and calls main.main, and the run-time type information the
//! program needs (gc's reflectdata): the type descriptors its code refers to, closed under
//! the references between descriptors, the method tables of those types (with the wrappers
//! they point to), and the static itabs.

use crate::HashSet;

use super::*;
use crate::types::methods;

/// What escape analysis needs of a function of the user's package declared without a body.
fn extern_func(info: &Info, tt: &TypeTable, sym: &str, params: &[ObjId], noescape: bool) -> crate::ssa::escape::notes::ExternFunc {
    let params = params
        .iter()
        .map(|&o| &info.objects[o as usize])
        .filter(|ob| !ob.name.is_empty() && ob.name != "_" && tt.has_pointers(ob.ty))
        .map(|ob| crate::ssa::escape::notes::ParamNote { name: ob.name.clone(), pos: ob.pos, obj: None })
        .collect();
    crate::ssa::escape::notes::ExternFunc { sym: sym.to_string(), params, noescape }
}

/// Builds every function of the program, and the entry function that initialises package
/// variables, runs `init` functions and calls main.main.
/// `noescape`: the positions of the `func` keywords of declarations marked `//go:noescape`.
/// `inline`: inline calls (unless -l), with the positions of the declarations marked
/// `//go:noinline`; inlining runs before escape analysis, as gc's does.
/// `typeflow`: run type flow (`ssa::typeflow`). `report`: escape analysis and the inliner
/// see every function of the user's package, reachable or not (-m reports on them all).
pub fn build_program(info: &Info, tt: &mut TypeTable, packages: &[Package], noescape: &HashSet<u32>, inline: Option<(&HashSet<u32>, bool)>, typeflow: bool, report: bool, diags: &mut Diagnostics) -> Program {
    let mut func_syms: HashMap<ObjId, String> = HashMap::default();
    let mut global_syms: HashMap<ObjId, String> = HashMap::default();
    let mut globals = vec![];
    for fi in &info.funcs {
        if info.generic.contains_key(&fi.obj) {
            continue;
        }
        let o = &info.objects[fi.obj as usize];
        let pkg = &packages[fi.pkg].path;
        let sym = match o.recv_named {
            Some(nt) => {
                let recv = if info.ptr_methods.contains(&fi.obj) { tt.pointer(nt) } else { nt };
                Builder::method_sym(tt, recv, &o.name)
            }
            None if o.name == "init" => format!("{}.init.{}", pkg, info.inits.iter().position(|x| *x == fi.obj).unwrap_or(0)),
            None => format!("{}.{}", pkg, o.name),
        };
        func_syms.insert(fi.obj, sym);
    }
    for (oi, o) in info.objects.iter().enumerate() {
        if o.global && matches!(o.kind, ObjKind::Var) && o.pkg < packages.len() {
            let sym = format!("{}.{}", packages[o.pkg].path, if o.name == "_" { format!("_{}", oi) } else { o.name.clone() });
            global_syms.insert(oi as ObjId, sym.clone());
            globals.push((sym, tt.size(o.ty).max(1), o.ty));
        }
    }
    let mut env = Env {
        func_syms,
        global_syms,
        extra: vec![],
        generated: HashSet::default(),
        lit_count: HashMap::default(),
        static_closures: vec![],
        instances_todo: vec![],
        files: packages.iter().map(|p| p.files.clone()).collect(),
        pkg_paths: packages.iter().map(|p| p.path.clone()).collect(),
    };
    let times = std::env::var_os("GOLIFT_TIMES").is_some();
    let t_build = std::time::Instant::now();
    let mut funcs = vec![];
    let mut externs = vec![];
    let mut decls: HashMap<String, usize> = HashMap::default();
    for (k, fi) in info.funcs.iter().enumerate() {
        if info.generic.contains_key(&fi.obj) {
            continue;
        }
        let ast::Decl::Func(fd) = &packages[fi.pkg].files[fi.decl.0].decls[fi.decl.1] else { continue };
        let Some(_) = &fd.body else {
            if fi.pkg + 1 == packages.len() {
                externs.push(extern_func(info, tt, &env.func_syms[&fi.obj], &fi.params, noescape.contains(&fd.span.lo)));
            }
            continue;
        };
        let sym = env.func_syms[&fi.obj].clone();
        // The roots now; the shipped packages' functions when something reaches them
        // (`reachable`): most of a package is never called.
        if is_root(&sym) {
            funcs.push(build_decl(info, tt, diags, &mut env, packages, k));
        }
        decls.insert(sym, k);
    }
    // The entry: package variable initialisation in dependency order, inits, main.
    let mut global_inits: HashMap<String, StaticData> = HashMap::default();
    let mut static_data: Vec<(String, StaticData)> = vec![];
    let run = inits_to_run(info, packages, &env);
    let mut b = Builder::new(info, tt, diags, &mut env, "go.entry", "go.entry");
    for (idx, &(pi, fi, di, si)) in info.var_inits.iter().enumerate() {
        let ast::Decl::Var(specs) = &packages[pi].files[fi].decls[di] else { continue };
        let sp = &specs[si];
        if sp.values.is_empty() || !run[idx] {
            continue;
        }
        // A value known at compile time is laid out as data, not computed at start-up.
        if sp.names.len() == 1 && sp.values.len() == 1 {
            let o = info.defs[&sp.names[0].span.lo];
            if let Some(sym) = b.env.global_syms.get(&o).cloned() {
                let t = info.objects[o as usize].ty;
                if let Some(d) = static_value(info, b.tt, &sp.values[0], t, &sym, &mut static_data) {
                    global_inits.insert(sym, d);
                    continue;
                }
            }
        }
        let pos = sp.span.lo;
        let objs: Vec<ObjId> = sp.names.iter().map(|n| info.defs[&n.span.lo]).collect();
        let targets: Vec<TypeId> = objs.iter().map(|o| info.objects[*o as usize].ty).collect();
        let vals = b.rhs_to(&sp.values, &targets, pos);
        for (o, v) in objs.into_iter().zip(vals) {
            b.write_obj(o, v, pos);
        }
    }
    for &o in &info.inits {
        let sym = b.env.func_syms[&o].clone();
        b.add(Op::Call, INVALID, vec![], Aux::Sym(sym), 0);
    }
    if let Some(m) = info.main {
        let sym = b.env.func_syms[&m].clone();
        b.add(Op::Call, INVALID, vec![], Aux::Sym(sym), 0);
    }
    let cur = b.cur;
    b.f.blocks[cur as usize].kind = BlockKind::Ret(vec![]);
    funcs.push(b.f);
    super::instances::build_instances(info, tt, diags, &mut env);

    // Inlining, then escape analysis, on the functions the program can reach (the others
    // are not compiled) and on every function of the user's package (so that -m reports
    // them all, as gc).
    let mut funcs = funcs;
    funcs.append(&mut env.extra);
    let user = packages.last().map(|p| format!("{}.", p.path)).unwrap_or_default();
    let user_funcs: Vec<Func> = if report { funcs.iter().filter(|f| !user.is_empty() && f.sym.starts_with(&user)).cloned().collect() } else { vec![] };
    if times {
        eprintln!("golift:   build {:.1} ms ({} functions)", t_build.elapsed().as_secs_f64() * 1e3, funcs.len());
    }
    let t0 = std::time::Instant::now();
    let (mut funcs, types, methods, itabs) = reachable(info, tt, diags, &mut env, packages, funcs, &decls);
    if times {
        eprintln!("golift:   reachable {:.1} ms ({} functions)", t0.elapsed().as_secs_f64() * 1e3, funcs.len());
    }
    if typeflow && !report {
        // Inlining and escape analysis cost time per function, and most of what `reachable`
        // found in the shipped packages no run reaches: type flow, run once more here, drops
        // it first. What the functions it keeps name is kept too, so that the inliner and
        // escape analysis see every callee they would have seen: the code is the same. (With
        // -m they see everything, to report on every function as gc does.)
        let t0 = std::time::Instant::now();
        let flow = crate::ssa::typeflow::analyze(&funcs, tt, &methods, &is_root);
        let mut keep: HashSet<String> = flow.reached.clone();
        for f in funcs.iter().filter(|f| flow.reached.contains(&f.sym)) {
            keep.extend(syms_of(f).cloned());
        }
        let before = funcs.len();
        funcs.retain(|f| keep.contains(&f.sym));
        if times {
            eprintln!("golift:   type flow first {:.1} ms ({} of {} functions kept)", t0.elapsed().as_secs_f64() * 1e3, funcs.len(), before);
        }
    }
    let t0 = std::time::Instant::now();
    let n = funcs.len();
    if report {
        let compiled: HashSet<String> = funcs.iter().map(|f| f.sym.clone()).collect();
        funcs.extend(user_funcs.into_iter().filter(|f| !compiled.contains(&f.sym)));
    }
    let inlining = inline.map(|(noinline, full)| crate::ssa::inline::inline_program(&mut funcs, "go.entry", tt, noinline, full));
    if times {
        eprintln!("golift:   inlining {:.1} ms", t0.elapsed().as_secs_f64() * 1e3);
    }
    // The calls in allocations' texts, now that it is known which were inlined.
    let none = HashSet::default();
    let inlined = inlining.as_ref().map_or(&none, |r| &r.inlined_calls);
    for f in funcs.iter_mut() {
        for n in f.esc.allocs.values_mut() {
            n.text = crate::ssa::escape::exprfmt::inlined_calls(&n.text, inlined);
            n.outside = None;
        }
    }
    let t0 = std::time::Instant::now();
    let gone = inlining.as_ref().map(|r| r.literals_gone.clone()).unwrap_or_default();
    let escape = crate::ssa::escape::analyze(&mut funcs, tt, &externs, &gone);
    if times {
        eprintln!("golift:   escape analysis {:.1} ms ({} functions)", t0.elapsed().as_secs_f64() * 1e3, funcs.len());
    }
    funcs.truncate(n);
    // Type flow: the type tests no run can pass (or fail) are decided, and what only they
    // led to is dropped, with the method table entries no interface call can reach.
    let mut typeflow_report = None;
    let (types, methods, itabs) = if typeflow {
        let t0 = std::time::Instant::now();
        let flow = crate::ssa::typeflow::analyze(&funcs, tt, &methods, &is_root);
        if times {
            eprintln!("golift:   type flow {:.1} ms ({} rounds, {} of {} functions kept)", t0.elapsed().as_secs_f64() * 1e3, flow.rounds, flow.reached.len(), funcs.len());
        }
        crate::ssa::typeflow::apply(&mut funcs, &flow);
        funcs.retain(|f| flow.reached.contains(&f.sym));
        typeflow_report = Some(flow.report(tt));
        prune_types(tt, &funcs, types, methods, &flow.reached)
    } else {
        (types, methods, itabs)
    };
    // Without goroutines there is nothing to preempt and one stack, whose overflow the
    // guard page catches: the stack checks go.
    let goroutines = funcs.iter().any(|f| f.values.iter().any(|v| v.op == Op::CallRT && matches!(&v.aux, Aux::Sym(s) if s == "runtime.newproc")));
    if !goroutines {
        for f in &mut funcs {
            remove_stack_checks(f);
        }
    }
    let kept: HashSet<&str> = funcs.iter().map(|f| f.sym.as_str()).collect();
    let mut static_closures: Vec<(String, String)> = env.static_closures.iter().filter(|(_, w)| kept.contains(w.as_str())).cloned().collect();
    static_closures.sort();
    static_closures.dedup();
    Program { funcs, globals, entry_sym: "go.entry".into(), types, methods, itabs, static_closures, global_inits, static_data, escape: escape.messages, inlining, typeflow: typeflow_report, goroutines }
}

fn remove_stack_checks(f: &mut Func) {
    let checks: Vec<ValueId> = f.values.iter().filter(|v| v.op == Op::StackCheck).map(|v| v.id).collect();
    if !checks.is_empty() {
        f.remove_values(checks);
    }
}

/// Builds the declared function `info.funcs[k]` (which has a body).
fn build_decl(info: &Info, tt: &mut TypeTable, diags: &mut Diagnostics, env: &mut Env, packages: &[Package], k: usize) -> Func {
    let fi = &info.funcs[k];
    let ast::Decl::Func(fd) = &packages[fi.pkg].files[fi.decl.0].decls[fi.decl.1] else { unreachable!("info.funcs names a function declaration") };
    let body = fd.body.as_ref().expect("built functions have bodies");
    let sym = env.func_syms[&fi.obj].clone();
    let mut b = Builder::new(info, tt, diags, env, &sym, &sym);
    b.function(fi.recv, &fi.params, &fi.results, body, fd.span.lo);
    b.f
}

/// Which package-variable initialisers the entry must run (indexes as `info.var_inits`). An
/// initialiser with effects always runs; one without (constants, names, composite literals
/// and &composite literals of such: `var Categories = map[string]*RangeTable{...}`) only
/// if some function, or another initialiser that runs, refers to one of its variables, so
/// that a program importing unicode does not build maps it never reads. Initialisers come
/// in dependency order, so walking them backwards sees every use before the definition.
fn inits_to_run(info: &Info, packages: &[Package], env: &Env) -> Vec<bool> {
    // The package variables that function bodies name: every use the checker resolved but
    // those in the initialisers themselves (which count only if their initialiser runs).
    let mut in_inits: HashSet<ast::ExprId> = HashSet::default();
    for &(pi, fi, di, si) in &info.var_inits {
        let ast::Decl::Var(specs) = &packages[pi].files[fi].decls[di] else { continue };
        for v in &specs[si].values {
            expr_ids(v, &mut in_inits);
        }
    }
    let mut needed: HashSet<String> = info.uses.iter().filter(|(id, _)| !in_inits.contains(id)).filter_map(|(_, o)| env.global_syms.get(o)).cloned().collect();
    let mut run = vec![false; info.var_inits.len()];
    for (idx, &(pi, fi, di, si)) in info.var_inits.iter().enumerate().rev() {
        let ast::Decl::Var(specs) = &packages[pi].files[fi].decls[di] else { continue };
        let sp = &specs[si];
        if sp.values.is_empty() {
            continue;
        }
        let pure = sp.values.iter().all(|v| pure_init(info, v));
        let used = sp.names.iter().any(|n| info.defs.get(&n.span.lo).and_then(|o| env.global_syms.get(o)).map_or(true, |s| needed.contains(s)));
        if pure && !used {
            continue;
        }
        run[idx] = true;
        for v in &sp.values {
            if !globals_in(info, env, v, &mut needed) {
                // An initialiser whose references cannot all be seen here (a function
                // literal's body): every initialiser runs, as without this analysis.
                return vec![true; info.var_inits.len()];
            }
        }
    }
    run
}

/// The ids of e and the expressions in it (not in function literals' bodies, whose uses
/// then count as a function's: the initialiser always runs anyway).
fn expr_ids(e: &ast::Expr, out: &mut HashSet<ast::ExprId>) {
    crate::syntax::parser::walk_expr(e, &mut |x| {
        out.insert(x.id);
    });
}

/// Whether evaluating e has no effect besides giving its value.
fn pure_init(info: &Info, e: &ast::Expr) -> bool {
    if info.consts.contains_key(&e.id) {
        return true;
    }
    match &e.kind {
        ast::ExprKind::Ident(_) => true,
        ast::ExprKind::Paren(x) => pure_init(info, x),
        ast::ExprKind::Selector(..) => matches!(info.selections.get(&e.id), Some(Selection::Qualified(_))),
        ast::ExprKind::CompositeLit { elems, .. } => elems.iter().all(|kv| kv.key.as_ref().map_or(true, |k| pure_init(info, k)) && pure_init(info, &kv.value)),
        ast::ExprKind::Unary(ast::UnOp::Addr, x) => matches!(x.kind, ast::ExprKind::CompositeLit { .. }) && pure_init(info, x),
        _ => false,
    }
}

/// Adds to `out` the symbols of the package variables and functions that expression e
/// names; false if e holds something whose references cannot be seen from its syntax here
/// (a function literal's body).
fn globals_in(info: &Info, env: &Env, e: &ast::Expr, out: &mut HashSet<String>) -> bool {
    use ast::ExprKind as K;
    let all = |es: &[&ast::Expr], out: &mut HashSet<String>| es.iter().all(|x| globals_in(info, env, x, out));
    match &e.kind {
        K::Ident(_) => {
            if let Some(&o) = info.uses.get(&e.id) {
                if let Some(s) = env.global_syms.get(&o).or_else(|| env.func_syms.get(&o)) {
                    out.insert(s.clone());
                }
            }
            true
        }
        K::Selector(x, _) => match info.selections.get(&e.id) {
            Some(Selection::Qualified(o)) => {
                if let Some(s) = env.global_syms.get(o).or_else(|| env.func_syms.get(o)) {
                    out.insert(s.clone());
                }
                true
            }
            _ => globals_in(info, env, x, out),
        },
        K::Paren(x) | K::Unary(_, x) | K::TypeAssert(x, _) => globals_in(info, env, x, out),
        K::CompositeLit { elems, .. } => elems.iter().all(|kv| kv.key.as_ref().map_or(true, |k| globals_in(info, env, k, out)) && globals_in(info, env, &kv.value, out)),
        K::Call { fun, args, .. } => globals_in(info, env, fun, out) && args.iter().all(|a| globals_in(info, env, a, out)),
        K::Binary(_, x, y) => all(&[x, y], out),
        K::Index(x, idx) => globals_in(info, env, x, out) && idx.iter().all(|i| globals_in(info, env, i, out)),
        K::Slice { x, lo, hi, max } => globals_in(info, env, x, out) && [lo, hi, max].iter().all(|o| o.as_ref().map_or(true, |y| globals_in(info, env, y, out))),
        K::BasicLit(..) | K::Bad => true,
        // Types name no variables.
        K::ArrayType { .. } | K::SliceType(_) | K::StructType(_) | K::FuncType(_) | K::InterfaceType(_) | K::MapType(..) | K::ChanType(..) | K::Ellipsis(_) | K::Union(_) => true,
        K::FuncLit { .. } => false,
    }
}

/// The contents of a value of type `t` given by expression `e`, if the compiler knows them:
/// a constant of a basic type, or an array or slice literal of such constants (a slice's
/// backing array goes into `data`, named after `sym`). None for anything else.
fn static_value(info: &Info, tt: &TypeTable, e: &ast::Expr, t: TypeId, sym: &str, data: &mut Vec<(String, StaticData)>) -> Option<StaticData> {
    if let Some(c) = info.consts.get(&e.id) {
        let mut d = StaticData::default();
        static_const(tt, c, t, &mut d)?;
        return Some(d);
    }
    let ast::ExprKind::CompositeLit { elems, .. } = &e.kind else { return None };
    let (el, len) = match tt.under_kind(t) {
        TypeKind::Array(n, el) => (*el, Some(*n)),
        TypeKind::Slice(el) => (*el, None),
        _ => return None,
    };
    if tt.basic(el).is_none() {
        return None;
    }
    // The elements, at their indexes (keys must be constants).
    let mut vals: Vec<(u64, &Const)> = vec![];
    let mut i = 0u64;
    for kv in elems {
        if let Some(k) = &kv.key {
            i = info.consts.get(&k.id)?.to_i64()? as u64;
        }
        vals.push((i, info.consts.get(&kv.value.id)?));
        i += 1;
    }
    let n = len.unwrap_or_else(|| vals.iter().map(|(i, _)| i + 1).max().unwrap_or(0));
    let size = tt.size(el);
    let mut arr = StaticData { bytes: vec![0; (n * size) as usize], relocs: vec![] };
    for (i, c) in vals {
        let mut one = StaticData::default();
        static_const(tt, c, el, &mut one)?;
        let off = (i * size) as usize;
        arr.bytes[off..off + one.bytes.len()].copy_from_slice(&one.bytes);
        arr.relocs.extend(one.relocs.into_iter().map(|(o, r)| (o + off as u32, r)));
    }
    // All zeros (`[1 << 20]byte{}`): the zeroed global (or the start-up code) is better than
    // that many bytes of data in the executable.
    if arr.relocs.is_empty() && arr.bytes.len() > 64 && arr.bytes.iter().all(|&b| b == 0) {
        return None;
    }
    if len.is_some() {
        return Some(arr);
    }
    // A slice: its header points to the backing array (even an empty one is not nil).
    let name = format!("{}·backing", sym);
    data.push((name.clone(), arr));
    let mut d = StaticData { bytes: vec![0; 24], relocs: vec![(0, StaticRef::Data(name))] };
    d.bytes[8..16].copy_from_slice(&n.to_le_bytes());
    d.bytes[16..24].copy_from_slice(&n.to_le_bytes());
    Some(d)
}

/// Appends the bytes of constant `c` as a value of basic type `t` (little-endian, as on all
/// of golift's targets), with the same conversions the code for a constant makes.
fn static_const(tt: &TypeTable, c: &Const, t: TypeId, d: &mut StaticData) -> Option<()> {
    let b = tt.basic(t)?;
    if b.is_complex() {
        return None;
    }
    let size = tt.size(t) as usize;
    match c {
        Const::Bool(v) => d.bytes.push(*v as u8),
        Const::String(s) => {
            let at = d.bytes.len() as u32;
            d.bytes.extend_from_slice(&[0u8; 8]);
            d.bytes.extend_from_slice(&(s.len() as u64).to_le_bytes());
            if !s.is_empty() {
                d.relocs.push((at, StaticRef::Str(s.clone())));
            }
        }
        c if tt.is_float(t) => {
            if size == 4 {
                d.bytes.extend_from_slice(&c.to_f32().to_le_bytes());
            } else {
                d.bytes.extend_from_slice(&c.to_f64().to_le_bytes());
            }
        }
        c => {
            let i = c.to_int()?;
            let v = i.to_string().parse::<i128>().ok()?;
            d.bytes.extend_from_slice(&(v as i64).to_le_bytes()[..size]);
        }
    }
    Some(())
}

/// The functions the program can run, and their descriptors, method tables and itabs. A
/// program compiles the shipped packages it imports whole, but runs only part of them: the
/// functions reachable from the roots (the entry, every function of package main, which a
/// student may want to see in ssa.html even if nothing calls it, and package runtime, whose
/// functions the Rust runtime calls) through calls, func values and the method tables of the
/// types whose descriptors reachable code uses, for the methods that some interface type of
/// the program has (only an interface can call a method through a table). Only those go on
/// to the passes and codegen, which makes builds faster and executables smaller.
/// `funcs` are the functions built so far; `decls` names every declared function with a
/// body (index in `info.funcs`), to be built when first reached.
fn reachable(info: &Info, tt: &mut TypeTable, diags: &mut Diagnostics, env: &mut Env, packages: &[Package], funcs: Vec<Func>, decls: &HashMap<String, usize>) -> (Vec<Func>, Vec<TypeId>, HashMap<TypeId, Vec<MethodEntry>>, Vec<(TypeId, TypeId)>) {
    let mut want: Vec<String> = vec![];
    let mut pool: HashMap<String, Func> = HashMap::default();
    // The order of the kept functions: declared ones in declaration order, the others (the
    // entry, literals, wrappers, instances) after them in the order they were made.
    let mut order: HashMap<String, usize> = HashMap::default();
    let made = |order: &HashMap<String, usize>| info.funcs.len() + order.len();
    // Functions made on the way (literals, wrappers, instances) join the pool in the order
    // they were made; one already asked for is wanted now.
    let adopt = |fs: Vec<Func>, order: &mut HashMap<String, usize>, pool: &mut HashMap<String, Func>, want: &mut Vec<String>, wanted: &HashSet<String>| {
        for f in fs {
            order.insert(f.sym.clone(), made(order));
            if wanted.contains(&f.sym) {
                want.push(f.sym.clone());
            }
            pool.insert(f.sym.clone(), f);
        }
    };
    for f in funcs.into_iter().chain(env.extra.drain(..)) {
        let k = decls.get(&f.sym).copied().unwrap_or_else(|| made(&order));
        order.insert(f.sym.clone(), k);
        if is_root(&f.sym) {
            want.push(f.sym.clone());
        }
        pool.insert(f.sym.clone(), f);
    }
    // Every symbol asked for, so that one made later (a literal, an instance) is kept.
    let mut wanted: HashSet<String> = want.iter().cloned().collect();
    let mut kept: Vec<Func> = vec![];
    loop {
        while let Some(s) = want.pop() {
            // A declared function is built the first time it is reached.
            if let Some(&k) = decls.get(&s) {
                if !order.contains_key(&s) {
                    let f = build_decl(info, tt, diags, env, packages, k);
                    order.insert(s.clone(), k);
                    pool.insert(s.clone(), f);
                    adopt(std::mem::take(&mut env.extra), &mut order, &mut pool, &mut want, &wanted);
                }
            }
            if let Some(f) = pool.remove(&s) {
                for c in syms_of(&f) {
                    if wanted.insert(c.clone()) {
                        want.push(c.clone());
                    }
                }
                kept.push(f);
            }
        }
        // The descriptors the kept code uses, with their method tables; making those may
        // generate wrappers, which join the pool.
        let (types, methods, itabs) = runtime_types(info, tt, diags, env, &kept);
        super::instances::build_instances(info, tt, diags, env);
        adopt(std::mem::take(&mut env.extra), &mut order, &mut pool, &mut want, &wanted);
        // A method table entry is only called through an interface (or by the runtime, which
        // calls Error and String to print panics): the methods that no interface type of the
        // program has are left out, and their entries stay null.
        let mut callable: HashSet<(String, String)> = types.iter().flat_map(|&t| tt.imethods(t).iter().map(|m| (m.name.clone(), m.pkg.clone()))).collect();
        callable.insert(("Error".into(), String::new()));
        callable.insert(("String".into(), String::new()));
        let mut entries: Vec<String> = methods.values().flatten().filter(|e| callable.contains(&(e.name.clone(), e.pkg.clone()))).map(|e| e.ifn.clone()).filter(|s| (pool.contains_key(s) || decls.contains_key(s)) && !wanted.contains(s)).collect();
        // In a fixed order (the tables are a hash map): the order functions are built in
        // decides the names and order of what they make.
        entries.sort();
        entries.dedup();
        wanted.extend(entries.iter().cloned());
        want.extend(entries);
        if want.is_empty() {
            // The order in which the functions were made, whatever the order they were
            // found in: the output must not depend on hash order.
            kept.sort_by_key(|f| order[&f.sym]);
            let kept_syms: HashSet<&str> = kept.iter().map(|f| f.sym.as_str()).collect();
            let mut methods = methods;
            for e in methods.values_mut().flatten() {
                if !kept_syms.contains(e.ifn.as_str()) {
                    e.ifn = String::new();
                }
            }
            return (kept, types, methods, itabs);
        }
    }
}

/// Where the program starts: the entry, package main (every function, for ssa.html), and
/// package runtime (whose functions the Rust runtime calls).
fn is_root(sym: &str) -> bool {
    sym == "go.entry" || sym.starts_with("main.") || sym.starts_with("runtime.")
}

/// What a method table entry holds for a method type flow left out.
pub const DEAD_METHOD: &str = "runtime.deadMethod";

/// The descriptors, method tables and itabs that the functions left after type flow need:
/// the types they refer to, closed under the descriptors' references; the method table
/// entries of functions no longer compiled point to `DEAD_METHOD`.
fn prune_types(tt: &TypeTable, funcs: &[Func], types: Vec<TypeId>, mut methods: HashMap<TypeId, Vec<MethodEntry>>, reached: &HashSet<String>) -> RuntimeTypes {
    let mut want = vec![];
    let mut itabs = vec![];
    referenced(funcs, &mut want, &mut itabs);
    let had: HashSet<TypeId> = types.into_iter().collect();
    let mut seen: HashSet<TypeId> = HashSet::default();
    while let Some(t) = want.pop() {
        if !had.contains(&t) || !seen.insert(t) {
            continue;
        }
        want.extend(descriptor_refs(tt, t));
        if let Some(entries) = methods.get(&t) {
            want.extend(entries.iter().map(|e| e.sig));
        }
    }
    methods.retain(|t, _| seen.contains(t));
    // An entry that some interface has but no call reaches still needs code, for the itabs
    // (the runtime takes an itab whose first method is null for a failed lookup).
    for e in methods.values_mut().flatten() {
        if !e.ifn.is_empty() && !reached.contains(&e.ifn) {
            e.ifn = DEAD_METHOD.into();
        }
    }
    let mut types: Vec<TypeId> = seen.into_iter().collect();
    types.sort();
    itabs.sort();
    itabs.dedup();
    (types, methods, itabs)
}

/// The symbols (functions, globals) that f's values name.
fn syms_of(f: &Func) -> impl Iterator<Item = &String> {
    f.live_blocks().flat_map(move |b| b.values.iter()).filter_map(move |&v| match &f.v(v).aux {
        Aux::Sym(s) => Some(s),
        _ => None,
    })
}

/// The types whose descriptors the functions refer to, and the itabs.
fn referenced(funcs: &[Func], types: &mut Vec<TypeId>, itabs: &mut Vec<(TypeId, TypeId)>) {
    for f in funcs {
        for b in f.live_blocks() {
            for &v in &b.values {
                // A shape for the collector is not the type's descriptor.
                if f.v(v).op == Op::GCShape {
                    continue;
                }
                match &f.v(v).aux {
                    Aux::Type(t) => types.push(*t),
                    Aux::Itab(t, i) => {
                        types.push(*t);
                        types.push(*i);
                        itabs.push((*t, *i));
                    }
                    _ => {}
                }
            }
        }
    }
}

/// The types a descriptor of `t` points to.
pub fn descriptor_refs(tt: &TypeTable, t: TypeId) -> Vec<TypeId> {
    match tt.under_kind(t) {
        TypeKind::Pointer(e) | TypeKind::Slice(e) | TypeKind::Array(_, e) | TypeKind::Chan(_, e) => vec![*e],
        TypeKind::Map(k, v) => vec![*k, *v],
        TypeKind::Func(s) => s.params.iter().chain(s.results.iter()).copied().collect(),
        TypeKind::Interface(ms) => ms.iter().map(|m| m.sig).collect(),
        TypeKind::Struct(fs) => fs.iter().map(|f| f.ty).collect(),
        _ => vec![],
    }
}

type RuntimeTypes = (Vec<TypeId>, HashMap<TypeId, Vec<MethodEntry>>, Vec<(TypeId, TypeId)>);

/// Closes the referenced descriptors under their references and method tables, generating
/// the wrappers the method tables need (which can refer to more types).
fn runtime_types(info: &Info, tt: &mut TypeTable, diags: &mut Diagnostics, env: &mut Env, funcs: &[Func]) -> RuntimeTypes {
    let mut want = vec![];
    let mut itabs = vec![];
    referenced(funcs, &mut want, &mut itabs);
    let mut seen: HashSet<TypeId> = HashSet::default();
    let mut types: Vec<TypeId> = vec![];
    let mut methods_of: HashMap<TypeId, Vec<MethodEntry>> = HashMap::default();
    let mut scanned_extra = 0;
    loop {
        let mut progress = false;
        while let Some(t) = want.pop() {
            if t == INVALID || tt.is_untyped(t) || matches!(tt.kind(t), TypeKind::Tuple(_)) || !seen.insert(t) {
                continue;
            }
            progress = true;
            types.push(t);
            want.extend(descriptor_refs(tt, t));
            // The method table, and the wrappers it points to.
            if tt.is_interface(t) {
                continue;
            }
            let set = methods::method_set(tt, t);
            if set.is_empty() {
                continue;
            }
            let mut entries = vec![];
            for m in set {
                want.push(m.sig);
                let mut b = Builder::new(info, tt, diags, env, "go.methods", "go.methods");
                let ifn = b.itab_func(t, &m.name);
                entries.push(MethodEntry { name: m.name, pkg: m.pkg, sig: m.sig, ifn });
            }
            methods_of.insert(t, entries);
        }
        // The wrappers made meanwhile may refer to more types.
        if scanned_extra < env.extra.len() {
            referenced(&env.extra[scanned_extra..], &mut want, &mut itabs);
            scanned_extra = env.extra.len();
            progress = true;
        }
        if !progress && want.is_empty() {
            break;
        }
    }
    types.sort();
    itabs.sort();
    itabs.dedup();
    (types, methods_of, itabs)
}
