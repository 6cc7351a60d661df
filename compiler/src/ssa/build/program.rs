//! The program: symbols for functions and globals, every function built, and the entry
//! function that initialises the packages and calls main.main.

use super::*;

/// Builds every function of the program, and the entry function that initialises package
/// variables, runs `init` functions and calls main.main.
pub fn build_program(info: &Info, tt: &mut TypeTable, packages: &[Package], diags: &mut Diagnostics) -> Program {
    let mut func_syms: HashMap<ObjId, String> = HashMap::new();
    let mut global_syms: HashMap<ObjId, String> = HashMap::new();
    let mut globals = vec![];
    for fi in &info.funcs {
        let o = &info.objects[fi.obj as usize];
        let pkg = &packages[fi.pkg].name;
        let sym = match o.recv_named {
            Some(nt) => {
                let tn = tt.name(nt);
                let tn = tn.rsplit('.').next().unwrap_or(&tn).to_string();
                if info.ptr_methods.contains(&fi.obj) { format!("{}.(*{}).{}", pkg, tn, o.name) } else { format!("{}.{}.{}", pkg, tn, o.name) }
            }
            None if o.name == "init" => format!("{}.init.{}", pkg, info.inits.iter().position(|x| *x == fi.obj).unwrap_or(0)),
            None => format!("{}.{}", pkg, o.name),
        };
        func_syms.insert(fi.obj, sym);
    }
    for (oi, o) in info.objects.iter().enumerate() {
        if o.global && matches!(o.kind, ObjKind::Var) && o.pkg < packages.len() {
            let sym = format!("{}.{}", packages[o.pkg].name, if o.name == "_" { format!("_{}", oi) } else { o.name.clone() });
            global_syms.insert(oi as ObjId, sym.clone());
            globals.push((sym, tt.size(o.ty).max(1)));
        }
    }
    let mut funcs = vec![];
    for fi in &info.funcs {
        let ast::Decl::Func(fd) = &packages[fi.pkg].files[fi.decl.0].decls[fi.decl.1] else { continue };
        let Some(body) = &fd.body else { continue };
        let sym = func_syms[&fi.obj].clone();
        let name = sym.clone();
        let mut b = Builder::new(info, tt, diags, &name, &sym, &func_syms, &global_syms);
        b.function(fi.recv, &fi.params, &fi.results, body, fd.span.lo);
        funcs.push(b.f);
    }
    // The entry: package variable initialisation in dependency order, inits, main.
    let mut b = Builder::new(info, tt, diags, "go.entry", "go.entry", &func_syms, &global_syms);
    for &(pi, fi, di, si) in &info.var_inits {
        let ast::Decl::Var(specs) = &packages[pi].files[fi].decls[di] else { continue };
        let sp = &specs[si];
        if sp.values.is_empty() {
            continue;
        }
        let pos = sp.span.lo;
        let objs: Vec<ObjId> = sp.names.iter().map(|n| info.defs[&n.span.lo]).collect();
        let vals = b.rhs(&sp.values, objs.len(), pos);
        for (o, v) in objs.into_iter().zip(vals) {
            b.write_obj(o, v, pos);
        }
    }
    for &o in &info.inits {
        let sym = func_syms[&o].clone();
        b.add(Op::Call, INVALID, vec![], Aux::Sym(sym), 0);
    }
    if let Some(m) = info.main {
        let sym = func_syms[&m].clone();
        b.add(Op::Call, INVALID, vec![], Aux::Sym(sym), 0);
    }
    let cur = b.cur;
    b.f.blocks[cur as usize].kind = BlockKind::Ret(vec![]);
    funcs.push(b.f);
    Program { funcs, globals, entry_sym: "go.entry".into() }
}
