//! Unit tests of the SSA passes on hand-written SSA text: each test runs one pass on its input
//! and compares the text that comes out; `check` runs on input and output. A round-trip test
//! reads back every function golift builds for the examples.
use golift::ssa::ir::Func;
use golift::ssa::parse::parse_func;
use golift::ssa::passes::{check::check, PASSES};
use golift::ssa::print::func_string;
use golift::types::ty::TypeTable;

fn run(pass: &str, input: &str) -> String {
    let mut tt = TypeTable::new();
    let mut f: Func = parse_func(input, &mut tt).unwrap_or_else(|e| panic!("parse: {}", e));
    check(&f, &tt).unwrap_or_else(|e| panic!("input fails check: {}", e));
    let p = PASSES.iter().find(|p| p.name == pass).expect("pass");
    (p.run)(&mut f, &tt);
    check(&f, &tt).unwrap_or_else(|e| panic!("output of {} fails check: {}", pass, e));
    func_string(&f, &tt, None)
}

fn text(s: &str) -> String {
    let lines: Vec<&str> = s.lines().filter(|l| !l.trim().is_empty()).collect();
    let indent = lines.iter().map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    lines.iter().map(|l| format!("{}\n", &l[indent..])).collect()
}

#[test]
fn pass_order_is_consistent() {
    golift::ssa::passes::check_order().unwrap();
}

#[test]
fn phielim_removes_trivial_phis() {
    let out = run("early phielim", "
        f (int) int
          b0:
            v0 (?) = Arg <int> [0]
          Plain -> b1
          b1: <- b0 b1
            v1 (?) = Phi <int> v0 v1
            v2 (?) = Less <bool> v1 v0 [2]
          If v2 -> b1 b2
          b2: <- b1
          Ret v1
    ");
    assert_eq!(out, text("
        f (int) int
          b0:
            v0 (?) = Arg <int> [0]
          Plain -> b1
          b1: <- b0 b1
            v2 (?) = Less <bool> v0 v0 [2]
          If v2 -> b1 b2
          b2: <- b1
          Ret v0
    "));
}

/// A cycle of phis that carries one value around a loop (what SSA construction leaves for a
/// variable a loop never changes) goes as a whole.
#[test]
fn phielim_removes_a_cycle_of_redundant_phis() {
    let out = run("phielim", "
        f (int) int
          b0:
            v0 (?) = Arg <int> [0]
          Plain -> b1
          b1: <- b0 b2
            v1 (?) = Phi <int> v0 v3
            v2 (?) = Less <bool> v1 v0 [2]
          If v2 -> b2 b3
          b2: <- b1
            v3 (?) = Phi <int> v1
          Plain -> b1
          b3: <- b1
          Ret v1
    ");
    assert_eq!(out, text("
        f (int) int
          b0:
            v0 (?) = Arg <int> [0]
          Plain -> b1
          b1: <- b0 b2
            v2 (?) = Less <bool> v0 v0 [2]
          If v2 -> b2 b3
          b2: <- b1
          Plain -> b1
          b3: <- b1
          Ret v0
    "));
}

/// A plain jump to a block with no other predecessor: the two blocks become one (its
/// one-argument phi becomes the argument).
#[test]
fn fuse_merges_a_block_into_its_only_predecessor() {
    let out = run("fuse", "
        f (int) int
          b0:
            v0 (?) = Arg <int> [0]
          Plain -> b1
          b1: <- b0
            v1 (?) = Phi <int> v0
            v2 (?) = Add <int> v1 v1
          Plain -> b2
          b2: <- b1
          Ret v2
    ");
    assert_eq!(out, text("
        f (int) int
          b0:
            v0 (?) = Arg <int> [0]
            v2 (?) = Add <int> v0 v0
          Ret v2
    "));
}

#[test]
fn mem2reg_turns_a_stack_slot_into_values_with_a_phi() {
    // x := 0; p := &x (kept on the stack); if c { *p = a }; return *p
    let out = run("mem2reg", "
        f (int, bool) int
          b0:
            v0 (?) = Arg <int> [0]
            v1 (?) = Arg <bool> [1]
            v2 (?) = StackSlot <*int> [8]
            v3 (?) = Zero <void> v2 [8]
          If v1 -> b1 b2
          b1: <- b0
            v4 (?) = Store <int> v2 v0
          Plain -> b2
          b2: <- b0 b1
            v5 (?) = NilCheck <void> v2
            v6 (?) = Load <int> v2
          Ret v6
    ");
    assert_eq!(out, text("
        f (int, bool) int
          b0:
            v8 (?) = Const <int> [0]
            v0 (?) = Arg <int> [0]
            v1 (?) = Arg <bool> [1]
          If v1 -> b1 b2
          b1: <- b0
          Plain -> b2
          b2: <- b0 b1
            v7 (?) = Phi <int> v8 v0
          Ret v7
    "));
}

#[test]
fn mem2reg_leaves_a_slot_whose_address_is_passed_on() {
    let input = "
        f (int) int
          b0:
            v0 (?) = Arg <int> [0]
            v1 (?) = StackSlot <*int> [8]
            v2 (?) = Zero <void> v1 [8]
            v3 (?) = Store <int> v1 v0
            v4 (?) = Call <int> v1 {main.g}
          Ret v4
    ";
    assert_eq!(run("mem2reg", input), text(input));
}

#[test]
fn copyelim_follows_chains() {
    let out = run("copyelim", "
        f (int) int
          b0:
            v0 (?) = Arg <int> [0]
            v1 (?) = Copy <int> v0
            v2 (?) = Copy <int> v1
            v3 (?) = Add <int> v2 v1
          Ret v3
    ");
    assert_eq!(out, text("
        f (int) int
          b0:
            v0 (?) = Arg <int> [0]
            v3 (?) = Add <int> v0 v0
          Ret v3
    "));
}

#[test]
fn deadcode_folds_constant_branches_and_drops_unreachable_blocks() {
    let out = run("deadcode", "
        f () int
          b0:
            v0 (?) = Const <bool> [1]
            v1 (?) = Const <int> [7]
            v2 (?) = Const <int> [9]
          If v0 -> b1 b2
          b1: <- b0
          Plain -> b3
          b2: <- b0
          Plain -> b3
          b3: <- b1 b2
            v3 (?) = Phi <int> v1 v2
          Ret v3
    ");
    assert_eq!(out, text("
        f () int
          b0:
            v1 (?) = Const <int> [7]
          Plain -> b1
          b1: <- b0
          Plain -> b3
          b3: <- b1
            v3 (?) = Phi <int> v1
          Ret v3
    "));
}

#[test]
fn deadcode_keeps_side_effects() {
    let out = run("deadcode", "
        f (*int) ()
          b0:
            v0 (?) = Arg <*int> [0]
            v1 (?) = Const <int> [3]
            v2 (?) = Const <int> [4]
            v3 (?) = Store <void> v0 v1
          Ret
    ");
    assert_eq!(out, text("
        f (*int)
          b0:
            v0 (?) = Arg <*int> [0]
            v1 (?) = Const <int> [3]
            v3 (?) = Store <void> v0 v1
          Ret
    "));
}

#[test]
fn opt_folds_constants_with_wraparound_and_names_the_rule() {
    let out = run("opt", "
        f () int8
          b0:
            v0 (?) = Const <int8> [127]
            v1 (?) = Const <int8> [1]
            v2 (?) = Add <int8> v0 v1
          Ret v2
    ");
    assert_eq!(out, text("
        f () int8
          b0:
            v0 (?) = Const <int8> [127]
            v1 (?) = Const <int8> [1]
            v2 (?) = Const <int8> [-128] (rule (Add (Const [c]) (Const [d])) => (Const [c+d]))
          Ret v2
    "));
}

#[test]
fn opt_simplifies_algebra() {
    let out = run("opt", "
        f (int) int
          b0:
            v0 (?) = Arg <int> [0]
            v1 (?) = Const <int> [0]
            v2 (?) = Add <int> v0 v1
            v3 (?) = Sub <int> v2 v2
          Ret v3
    ");
    assert_eq!(out, text("
        f (int) int
          b0:
            v0 (?) = Arg <int> [0]
            v1 (?) = Const <int> [0]
            v2 (?) = Copy <int> v0 (rule (Add x (Const [0])) => x)
            v3 (?) = Const <int> [0] (rule (Sub x x) => (Const [0]))
          Ret v3
    "));
}

#[test]
fn cse_shares_dominating_values() {
    let out = run("cse", "
        f (int, int) int
          b0:
            v0 (?) = Arg <int> [0]
            v1 (?) = Arg <int> [1]
            v2 (?) = Mul <int> v0 v1
            v3 (?) = Less <bool> v0 v1 [2]
          If v3 -> b1 b2
          b1: <- b0
            v4 (?) = Mul <int> v0 v1
          Ret v4
          b2: <- b0
            v5 (?) = Mul <int> v1 v0
          Ret v5
    ");
    assert_eq!(out, text("
        f (int, int) int
          b0:
            v0 (?) = Arg <int> [0]
            v1 (?) = Arg <int> [1]
            v2 (?) = Mul <int> v0 v1
            v3 (?) = Less <bool> v0 v1 [2]
          If v3 -> b1 b2
          b1: <- b0
          Ret v2
          b2: <- b0
            v5 (?) = Mul <int> v1 v0
          Ret v5
    "));
}

#[test]
fn nilcheck_removes_dominated_and_non_nil_checks() {
    let out = run("nilcheck", "
        f (*int) int
          b0:
            v0 (?) = Arg <*int> [0]
            v1 (?) = NilCheck <void> v0
            v2 (?) = Load <int> v0
            v3 (?) = New <*int> [8]
            v4 (?) = NilCheck <void> v3
            v5 (?) = Const <bool> [1]
          If v5 -> b1 b2
          b1: <- b0
            v6 (?) = NilCheck <void> v0
            v7 (?) = Load <int> v0
          Ret v7
          b2: <- b0
          Ret v2
    ");
    assert_eq!(out, text("
        f (*int) int
          b0:
            v0 (?) = Arg <*int> [0]
            v1 (?) = NilCheck <void> v0
            v2 (?) = Load <int> v0
            v3 (?) = New <*int> [8]
            v5 (?) = Const <bool> [1]
          If v5 -> b1 b2
          b1: <- b0
            v7 (?) = Load <int> v0
          Ret v7
          b2: <- b0
          Ret v2
    "));
}

#[test]
fn lower_turns_generic_ops_into_runtime_calls() {
    let out = run("lower", "
        f (string, string) string
          b0:
            v0 (?) = Arg <string> [0]
            v1 (?) = Arg <string> [1]
            v2 (?) = StringConcat <string> v0 v1
          Ret v2
    ");
    assert!(out.contains("v2 (?) = CallRT <string> v0 v1 {runtime.concatstring2}"), "{}", out);
}

#[test]
fn check_rejects_broken_ssa() {
    let mut tt = TypeTable::new();
    // v1 is used in b1 but defined in b2, which does not dominate b1.
    let f = parse_func("
        f (bool) int
          b0:
            v0 (?) = Arg <bool> [0]
          If v0 -> b1 b2
          b1: <- b0
          Ret v1
          b2: <- b0
            v1 (?) = Const <int> [1]
          Ret v1
    ", &mut tt).unwrap();
    let err = check(&f, &tt).unwrap_err();
    assert!(err.contains("does not dominate"), "{}", err);
    // A phi with the wrong number of arguments.
    let f = parse_func("
        f () int
          b0:
            v0 (?) = Const <int> [1]
          Plain -> b1
          b1: <- b0
            v1 (?) = Phi <int> v0 v0
          Ret v1
    ", &mut tt).unwrap();
    assert!(check(&f, &tt).unwrap_err().contains("phi v1 has 2 args"));
}

#[test]
fn every_example_function_round_trips_through_text() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut n = 0;
    for e in std::fs::read_dir(&root).unwrap().flatten() {
        let path = e.path();
        let Ok(loaded) = golift::driver::load(&[path.clone()]) else { panic!("load {}", path.display()) };
        let Ok(mut c) = golift::driver::check(loaded) else { panic!("check {}", path.display()) };
        let opts = golift::driver::SsaOptions { check_each: true, ..Default::default() };
        let Ok(prog) = golift::driver::build_ssa(&mut c, &opts) else { panic!("ssa {}", path.display()) };
        for f in &prog.funcs {
            let t1 = func_string(f, &c.tt, None);
            let g = parse_func(&t1, &mut c.tt).unwrap_or_else(|e| panic!("{}: {}\n{}", f.name, e, t1));
            let t2 = func_string(&g, &c.tt, None);
            assert_eq!(t1, t2, "{} does not round-trip", f.name);
            n += 1;
        }
    }
    assert!(n > 40);
}

/// A type table with `T` (an int with method `M() int`) and `I` (interface { M() int }).
fn iface_types() -> TypeTable {
    use golift::types::ty::*;
    let mut tt = TypeTable::new();
    let sig = tt.intern(TypeKind::Func(Signature { params: vec![], results: vec![INT], variadic: false }));
    let t = tt.new_named("T", "main", "T");
    let i = tt.new_named("I", "main", "I");
    let iface = tt.intern(TypeKind::Interface(vec![IMethod { name: "M".into(), pkg: String::new(), sig }]));
    for (n, u) in [(t, INT), (i, iface)] {
        if let TypeKind::Named(k) = tt.kind(n).clone() {
            tt.named[k as usize].underlying = u;
        }
    }
    if let TypeKind::Named(k) = tt.kind(t).clone() {
        tt.named[k as usize].methods.push(NamedMethod { name: "M".into(), pkg: String::new(), obj: 0, ptr_recv: false, sig, rtparams: vec![] });
    }
    tt
}

fn run_with(tt: &mut TypeTable, pass: &str, input: &str) -> String {
    let mut f: Func = parse_func(input, tt).unwrap_or_else(|e| panic!("parse: {}", e));
    check(&f, tt).unwrap_or_else(|e| panic!("input fails check: {}", e));
    let p = PASSES.iter().find(|p| p.name == pass).expect("pass");
    (p.run)(&mut f, tt);
    check(&f, tt).unwrap_or_else(|e| panic!("output of {} fails check: {}", pass, e));
    func_string(&f, tt, None)
}

#[test]
fn opt_devirtualizes_a_call_through_a_known_itab() {
    let mut tt = iface_types();
    let out = run_with(&mut tt, "opt", "
        main.f (T) int
          b0:
            v0 (?) = Arg <T> [0]
            v1 (?) = ItabAddr <uintptr> {itab T, I}
            v2 (?) = New <*T> [8]
            v3 (?) = Store <T> v2 v0
            v4 (?) = Copy <unsafe.Pointer> v2
            v5 (?) = IMake <I> v1 v4
            v6 (?) = ITab <uintptr> v5
            v7 (?) = IData <unsafe.Pointer> v5
            v8 (?) = InterCall <int> v6 v7 {method 0 M}
          Ret v8
    ");
    assert!(out.contains("v6 (?) = Copy <uintptr> v1 (rule (ITab (IMake tab _)) => tab)"), "{}", out);
    assert!(out.contains("v7 (?) = Copy <unsafe.Pointer> v4 (rule (IData (IMake _ data)) => data)"), "{}", out);
    // T is not pointer-shaped: the itab (and so the direct call) holds the pointer wrapper.
    assert!(out.contains("v8 (?) = Call <int> v7 {main.(*T).M} (rule (InterCall"), "{}", out);
}

#[test]
fn check_knows_the_rules_of_interface_closure_and_defer_ops() {
    let mut tt = iface_types();
    let bad = [
        ("IMake of a non-interface", "f () int\n  b0:\n    v0 (?) = Const <uintptr> [0]\n    v1 (?) = IMake <int> v0 v0\n  Ret v1\n", "makes a non-interface"),
        ("ITab of an int", "f (int)\n  b0:\n    v0 (?) = Arg <int> [0]\n    v1 (?) = ITab <uintptr> v0\n  Ret\n", "of a non-interface value"),
        ("itab of a type that does not implement", "f ()\n  b0:\n    v0 (?) = ItabAddr <uintptr> {itab int, I}\n  Ret\n", "no itab for int in I"),
        ("closure pointer without a closure", "f ()\n  b0:\n    v0 (?) = ClosurePtr <unsafe.Pointer>\n  Ret\n", "in a function without a closure"),
        ("defer on no frame", "f ()\n  b0:\n    v0 (?) = ConstNil <unsafe.Pointer>\n    v1 (?) = DeferReturn <void> v0\n  Ret\n", "not on the function's defer frame"),
    ];
    for (what, text, want) in bad {
        let f = parse_func(text, &mut tt).unwrap_or_else(|e| panic!("{}: parse: {}", what, e));
        let err = check(&f, &tt).expect_err(what);
        assert!(err.contains(want), "{}: {}", what, err);
    }
}

/// The loop `for i := 0; i < len(s); i++ { t += s[i] }`: the index is an induction variable
/// from 0 by 1 and the loop's condition is i < len(s), so prove turns the bounds check into
/// true; a check on an index that may be negative (the parameter j) stays.
#[test]
fn prove_removes_the_bounds_check_of_a_counting_loop() {
    let input = "
        f ([]int, int) int
          b0:
            v0 (?) = Arg <[]int> [0]
            v1 (?) = Arg <int> [1]
            v2 (?) = Const <int> [0]
            v3 (?) = Const <int> [1]
            v4 (?) = SliceLen <int> v0
          Plain -> b1
          b1: <- b0 b3
            v5 (?) = Phi <int> v2 v8
            v6 (?) = Less <bool> v5 v4 [2]
          If v6 -> b2 b4
          b2: <- b1
            v7 (?) = IsInBounds <bool> v5 v4
          If v7 -> b3 b5
          b3: <- b2
            v8 (?) = Add <int> v5 v3
          Plain -> b1
          b4: <- b1
            v9 (?) = Less <bool> v1 v4 [2]
          If v9 -> b6 b7
          b5: <- b2
            v10 (?) = CallRT <void> v5 v4 {runtime.panicIndex}
          Exit
          b6: <- b4
            v11 (?) = IsInBounds <bool> v1 v4
          If v11 -> b7 b8
          b7: <- b4 b6
          Ret v5
          b8: <- b6
            v12 (?) = CallRT <void> v1 v4 {runtime.panicIndex}
          Exit
    ";
    let out = run("prove", input);
    assert!(out.contains("v7 (?) = Const <bool> [1]"), "{}", out);
    assert!(out.contains("v11 (?) = IsInBounds <bool> v1 v4"), "the parameter may be negative:\n{}", out);
}

/// Counting down, `for i := len(s) - 1; i >= 0; i-- { s[i] }`: the induction variable lies
/// in [0, len(s) - 1] in the body, so the check goes.
#[test]
fn prove_removes_the_bounds_check_of_a_loop_counting_down() {
    let input = "
        f ([]int) int
          b0:
            v0 (?) = Arg <[]int> [0]
            v1 (?) = SliceLen <int> v0
            v2 (?) = Const <int> [1]
            v3 (?) = Sub <int> v1 v2
            v4 (?) = Const <int> [0]
          Plain -> b1
          b1: <- b0 b3
            v5 (?) = Phi <int> v3 v8
            v6 (?) = Leq <bool> v4 v5 [2]
          If v6 -> b2 b4
          b2: <- b1
            v7 (?) = IsInBounds <bool> v5 v1
          If v7 -> b3 b5
          b3: <- b2
            v8 (?) = Sub <int> v5 v2
          Plain -> b1
          b4: <- b1
          Ret v4
          b5: <- b2
            v9 (?) = CallRT <void> v5 v1 {runtime.panicIndex}
          Exit
    ";
    let out = run("prove", input);
    assert!(out.contains("v7 (?) = Const <bool> [1]"), "{}", out);
}

/// `for i := 10; i < 90; i++ { a[i+10]; a[i-11] }` on a [100]int: i+10 lies in [20, 99],
/// proved; i-11 may be -1, kept.
#[test]
fn prove_uses_the_limits_of_an_induction_variable_with_offsets() {
    let input = "
        f () int
          b0:
            v0 (?) = Const <int> [10]
            v1 (?) = Const <int> [90]
            v2 (?) = Const <int> [1]
            v3 (?) = Const <int> [100]
            v4 (?) = Const <int> [11]
          Plain -> b1
          b1: <- b0 b2
            v5 (?) = Phi <int> v0 v10
            v6 (?) = Less <bool> v5 v1 [2]
          If v6 -> b2 b3
          b2: <- b1
            v7 (?) = Add <int> v5 v0
            v8 (?) = IsInBounds <bool> v7 v3
            v9 (?) = Sub <int> v5 v4
            v11 (?) = IsInBounds <bool> v9 v3
            v10 (?) = Add <int> v5 v2
          Plain -> b1
          b3: <- b1
          Ret v5
    ";
    let out = run("prove", input);
    assert!(out.contains("v8 (?) = Const <bool> [1]"), "{}", out);
    assert!(out.contains("v11 (?) = IsInBounds <bool> v9 v3"), "i-11 may be -1:\n{}", out);
}

/// `if a < b { if a < b { ... } }` (two comparisons, as before cse): the inner branch is
/// known to go one way, so it branches on a constant; `if b <= a` inside is known false.
#[test]
fn prove_decides_branches_that_dominating_ones_settle() {
    let input = "
        f (int, int) int
          b0:
            v0 (?) = Arg <int> [0]
            v1 (?) = Arg <int> [1]
            v2 (?) = Less <bool> v0 v1 [2]
          If v2 -> b1 b4
          b1: <- b0
            v3 (?) = Less <bool> v0 v1 [2]
          If v3 -> b2 b4
          b2: <- b1
            v4 (?) = Leq <bool> v1 v0 [2]
          If v4 -> b3 b4
          b3: <- b2
          Ret v0
          b4: <- b0 b1 b2
          Ret v1
    ";
    let out = run("prove", input);
    let lines: Vec<&str> = out.lines().map(str::trim).collect();
    let b1 = lines.iter().position(|l| *l == "b1: <- b0").unwrap();
    let b2 = lines.iter().position(|l| *l == "b2: <- b1").unwrap();
    assert!(lines[b1..b2].iter().any(|l| l.contains("= Const <bool> [1]")), "{}", out);
    assert!(lines[b2..].iter().any(|l| l.contains("= Const <bool> [0]")), "{}", out);
    assert!(!lines[..b1].iter().any(|l| l.contains("= Const <bool>")), "the first branch is not known:\n{}", out);
}

/// `if p != nil { *p }` and `if p == nil { return } ; *p`: the branch already tested the
/// pointer, so the dereferences' checks go; a dereference on the nil side keeps its check.
#[test]
fn nilcheck_uses_the_branches_that_tested_the_pointer() {
    let out = run("nilcheck", "
        f (*int, *int) int
          b0:
            v0 (?) = Arg <*int> [0]
            v1 (?) = Arg <*int> [1]
            v2 (?) = ConstNil <*int>
            v3 (?) = Neq <bool> v0 v2 [0]
          If v3 -> b1 b2
          b1: <- b0
            v4 (?) = NilCheck <void> v0
            v5 (?) = Load <int> v0
          Ret v5
          b2: <- b0
            v6 (?) = Eq <bool> v1 v2 [0]
          If v6 -> b3 b4
          b3: <- b2
            v7 (?) = NilCheck <void> v1
            v8 (?) = Load <int> v1
          Ret v8
          b4: <- b2
            v9 (?) = NilCheck <void> v1
            v10 (?) = Load <int> v1
          Ret v10
    ");
    assert!(!out.contains("v4 (?) = NilCheck"), "{}", out);
    assert!(!out.contains("v9 (?) = NilCheck"), "{}", out);
    assert!(out.contains("v7 (?) = NilCheck <void> v1"), "the nil side keeps its check:\n{}", out);
}
