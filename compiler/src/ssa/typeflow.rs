//! Type flow: which dynamic types the values of each interface type can hold, over the whole
//! program, and the type tests this decides. The idea is Bacon and Sweeney's rapid type
//! analysis: start from nothing and grow. Only the code that can run counts:
//! - the functions reachable from the roots (the entry, package main, package runtime)
//!   through calls, func values, and the methods that interface calls can reach;
//! - in each of those, the blocks reachable from the entry, where a branch on a type test
//!   that cannot succeed (or cannot fail) goes one way only.
//!
//! From that code, each interface type (by its underlying type: `error` and
//! `interface{ Error() string }` hold the same values) gets the set of types converted to it,
//! and the sets flow along conversions between interfaces and type assertions. Panic values
//! are kept apart: they only become `interface{}` values if the program can `recover`. The
//! sets decide type switches and assertions (`case float64:` when no float64 is ever put in
//! an interface), and those decide which blocks, functions and methods are live. Integer
//! parameters are followed the same way (a constant propagation over the calls that can
//! run): a parameter every such call passes the same constant decides the comparisons with
//! it (`printArg(arg, 'v')` from Println decides `switch verb`); a function called other
//! than directly (func values, method tables, the roots) gets any value. The analysis
//! repeats with the bigger sets and values until nothing changes: the least solution.
//!
//! Assumes: functions are as built (and inlined): interface values are made by `IMake` from
//! a tab word that is a `TypeAddr`/`ItabAddr` constant, another interface's tab (through
//! `ITab`, the itab's type field, or the runtime's `convI2I`/`assertE2I*`), or nil. Anything
//! else, and an interface value returned by the Rust runtime, makes its interface's set
//! unknown ("any type"), which decides nothing; but reflectlite's `packEface` (fmt's
//! `Value.Interface`) gives the types that reflection can walk to from the values in
//! interfaces: their descriptors' elements, fields, keys and values, transitively; and
//! errors.As's store (`storeIfAssignable`) converts the error to the interface types that
//! targets point to.
//!
//! Guarantees: a test is folded only if no run of the program can take the other way; a
//! function, or a method table entry, is dropped only if no run can call it.
//!
//! Where this pays: `fmt.Println("hello, world")` reaches `printArg`'s `case string:` and
//! nothing of fmt's reflection, floats or pointers, because only strings ever become
//! `interface{}` values in that program.

use std::collections::{BTreeMap, BTreeSet};
use crate::{HashMap, HashSet};

use super::analysis::Analysis;
use super::ir::*;
use crate::types::methods;
use crate::types::ty::{TypeId, TypeKind, TypeTable, EMPTY_IFACE};

/// Where values can live: interface values of one (underlying) interface type, or panic
/// values on their way to `recover` and the runtime's printing.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub enum Bucket {
    Iface(TypeId),
    Panic,
}

/// The dynamic types of a bucket: a set, or unknown (any type).
#[derive(Clone, Default, PartialEq, Debug)]
pub struct TypeSet {
    pub any: bool,
    pub types: BTreeSet<TypeId>,
}

/// What the analysis found.
#[derive(Default)]
pub struct Flow {
    pub sets: BTreeMap<Bucket, TypeSet>,
    /// The functions that can run.
    pub reached: HashSet<String>,
    /// Per function, the `If` blocks whose branch is decided: block, and which way.
    pub decided: HashMap<String, Vec<(BlockId, bool)>>,
    pub rounds: usize,
}

/// Where a tab word comes from.
enum Src {
    Type(TypeId),
    /// The dynamic type of a value of another bucket; with Some(i), only the types that
    /// implement interface i (a conversion or assertion to i succeeded).
    From(Bucket, Option<TypeId>),
    Nil,
    Unknown,
}

/// What a branch condition tests: the tab word of interface value `x` equal to a type (None:
/// nil).
struct Test {
    x: ValueId,
    t: Option<TypeId>,
    eq: bool,
}

/// The value behind copies, and behind phis that merge one value (the builder's phis get
/// nil inputs from blocks no path reaches, such as the code after a `return`).
fn through_copies(f: &Func, v: ValueId) -> ValueId {
    root(f, v, 0)
}

fn root(f: &Func, mut v: ValueId, depth: u32) -> ValueId {
    for _ in 0..64 {
        let x = f.v(v);
        match x.op {
            Op::Copy => v = x.args[0],
            Op::Phi if depth < 8 => {
                let preds = &f.blocks[x.block as usize].preds;
                let mut one = None;
                for (i, &a) in x.args.iter().enumerate() {
                    // An input from a block without predecessors (never the entry here).
                    if preds.get(i).is_some_and(|&p| p != f.entry && f.blocks[p as usize].preds.is_empty()) {
                        continue;
                    }
                    let r = root(f, a, depth + 1);
                    if r == v {
                        continue;
                    }
                    if one.is_some_and(|o| o != r) {
                        return v;
                    }
                    one = Some(r);
                }
                match one {
                    Some(r) => return r,
                    None => return v,
                }
            }
            _ => return v,
        }
    }
    v
}

fn is_zero(f: &Func, v: ValueId) -> bool {
    let x = f.v(v);
    matches!((x.op, &x.aux), (Op::Const, Aux::Int(0)) | (Op::ConstNil, _))
}

pub fn bucket_of(tt: &TypeTable, t: TypeId) -> Bucket {
    Bucket::Iface(tt.under(t))
}

/// The interface value whose dynamic type (or tab) `v` is: `ITab x`, `x`'s itab's type
/// field, or the phi of the two that `dyn_type` builds for non-empty interfaces.
fn tab_owner(f: &Func, v: ValueId, depth: u32) -> Option<ValueId> {
    let v = through_copies(f, v);
    let x = f.v(v);
    match x.op {
        Op::ITab => Some(through_copies(f, x.args[0])),
        Op::Load => {
            let a = through_copies(f, x.args[0]);
            let off = f.v(a);
            if off.op == Op::OffPtr && off.aux == Aux::Int(8) {
                let t = through_copies(f, off.args[0]);
                if f.v(t).op == Op::ITab {
                    return Some(through_copies(f, f.v(t).args[0]));
                }
            }
            None
        }
        Op::Phi if depth < 4 => {
            let mut owner = None;
            for &a in &x.args {
                if is_zero(f, a) {
                    continue;
                }
                let o = tab_owner(f, a, depth + 1)?;
                if owner.is_some_and(|p| p != o) {
                    return None;
                }
                owner = Some(o);
            }
            owner
        }
        _ => None,
    }
}

/// The sources of tab word `v`.
fn sources(f: &Func, tt: &TypeTable, v: ValueId, out: &mut Vec<Src>, seen: &mut HashSet<ValueId>) {
    let v = through_copies(f, v);
    if !seen.insert(v) {
        return;
    }
    let x = f.v(v);
    match (x.op, &x.aux) {
        (Op::TypeAddr, Aux::Type(t)) | (Op::ItabAddr, Aux::Itab(t, _)) => out.push(Src::Type(*t)),
        (Op::Const, Aux::Int(0)) | (Op::ConstNil, _) => out.push(Src::Nil),
        (Op::Phi, _) => {
            for &a in &x.args {
                sources(f, tt, a, out, seen);
            }
        }
        (Op::CallRT, Aux::Sym(s)) if matches!(s.as_str(), "runtime.convI2I" | "runtime.assertE2I" | "runtime.assertE2I2") => {
            let inter = through_copies(f, x.args[0]);
            let owner = tab_owner(f, x.args[1], 0);
            match (&f.v(inter).aux, owner) {
                (Aux::Type(i), Some(o)) => out.push(Src::From(bucket_of(tt, f.v(o).ty), Some(*i))),
                _ => out.push(Src::Unknown),
            }
        }
        _ => match tab_owner(f, v, 0) {
            Some(o) => out.push(Src::From(bucket_of(tt, f.v(o).ty), None)),
            None => out.push(Src::Unknown),
        },
    }
}

/// `c` as a test of an interface value's tab word.
fn test_of(f: &Func, tt: &TypeTable, c: ValueId) -> Option<Test> {
    let c = through_copies(f, c);
    let x = f.v(c);
    let eq = match x.op {
        Op::Eq => true,
        Op::Neq => false,
        _ => return None,
    };
    if x.args.len() != 2 {
        return None;
    }
    for (a, b) in [(x.args[0], x.args[1]), (x.args[1], x.args[0])] {
        let a = through_copies(f, a);
        if f.v(a).op != Op::ITab {
            continue;
        }
        let owner = through_copies(f, f.v(a).args[0]);
        let b = through_copies(f, b);
        // A tab word equals a type descriptor only in an empty interface, and an itab of
        // the value's own interface only in a non-empty one; other tests are left alone.
        let empty = tt.imethods(f.v(owner).ty).is_empty();
        let t = match (f.v(b).op, &f.v(b).aux) {
            (Op::TypeAddr, Aux::Type(t)) if empty => Some(*t),
            (Op::ItabAddr, Aux::Itab(t, i)) if !empty && tt.under(*i) == tt.under(f.v(owner).ty) => Some(*t),
            _ if is_zero(f, b) => None,
            _ => continue,
        };
        return Some(Test { x: owner, t, eq });
    }
    None
}

/// The dynamic types (None: nil) interface value `x` can have at the start of block `b`:
/// its bucket's, narrowed by the type tests on the way that dominate `b`. Err: any type
/// but the excluded ones.
fn possible(f: &Func, dom: &Analysis, tt: &TypeTable, sets: &BTreeMap<Bucket, TypeSet>, x: ValueId, b: BlockId) -> Result<BTreeSet<Option<TypeId>>, BTreeSet<Option<TypeId>>> {
    let mut must: Option<Option<TypeId>> = None;
    let mut not: BTreeSet<Option<TypeId>> = BTreeSet::new();
    let mut cur = b;
    for _ in 0..10_000 {
        let preds = &f.blocks[cur as usize].preds;
        if preds.len() == 1 {
            let p = preds[0];
            let pb = &f.blocks[p as usize];
            if let BlockKind::If(c) = pb.kind {
                if pb.succs[0] != pb.succs[1] {
                    if let Some(t) = test_of(f, tt, c) {
                        if t.x == x {
                            let taken = pb.succs[0] == cur;
                            if taken == t.eq {
                                must.get_or_insert(t.t);
                            } else {
                                not.insert(t.t);
                            }
                        }
                    }
                }
            }
            cur = p;
        } else {
            match dom.idom.get(cur as usize).copied().flatten() {
                Some(d) if d != cur => cur = d,
                _ => break,
            }
        }
    }
    let set = sets.get(&bucket_of(tt, f.v(x).ty));
    if let Some(m) = must {
        let ok = !not.contains(&m) && (m.is_none() || set.is_some_and(|s| s.any || s.types.contains(&m.unwrap())));
        return Ok(if ok { [m].into_iter().collect() } else { BTreeSet::new() });
    }
    match set {
        Some(s) if s.any => Err(not),
        _ => {
            let mut all: BTreeSet<Option<TypeId>> = set.map(|s| s.types.iter().map(|&t| Some(t)).collect()).unwrap_or_default();
            all.insert(None);
            Ok(all.difference(&not).copied().collect())
        }
    }
}

/// Which ways a branch can go.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Way {
    Both,
    Then,
    Else,
    /// Neither: nothing reaches the test yet (no type, no argument value).
    Neither,
}

impl Way {
    fn of(holds: bool) -> Way {
        if holds {
            Way::Then
        } else {
            Way::Else
        }
    }
}

/// A parameter's value over the calls found so far: none yet, one constant, or several.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum ArgVal {
    None,
    Const(i64),
    Many,
}

impl ArgVal {
    fn join(self, o: ArgVal) -> ArgVal {
        match (self, o) {
            (ArgVal::None, x) | (x, ArgVal::None) => x,
            (ArgVal::Const(a), ArgVal::Const(b)) if a == b => ArgVal::Const(a),
            _ => ArgVal::Many,
        }
    }
}

/// What the decisions in one function see: its sets and its parameters' values.
struct View<'a> {
    f: &'a Func,
    /// f's dominators, computed when a type test first needs them.
    dom: &'a std::cell::OnceCell<Analysis>,
    /// f's `panic_only` values, computed when f is first scanned.
    panic_only: &'a std::cell::OnceCell<HashSet<ValueId>>,
    tt: &'a TypeTable,
    sets: &'a BTreeMap<Bucket, TypeSet>,
    /// Whether f may be called from anywhere (every parameter then has many values).
    open: bool,
    /// Else the values of f's parameters (index: the `Arg`'s) over the calls found so far.
    args: &'a [ArgVal],
}

impl View<'_> {
    /// An integer operand's value: a constant, or a parameter's.
    fn int_value(&self, v: ValueId) -> ArgVal {
        let r = through_copies(self.f, v);
        match (self.f.v(r).op, &self.f.v(r).aux) {
            (Op::Const, Aux::Int(k)) => ArgVal::Const(*k),
            (Op::Arg, _) if self.open => ArgVal::Many,
            (Op::Arg, Aux::Int(i)) => self.args.get(*i as usize).copied().unwrap_or(ArgVal::None),
            _ => ArgVal::Many,
        }
    }

    /// Which ways the branch on `c` at the end of block `b` can go.
    fn decide(&self, c: ValueId, b: BlockId) -> Way {
        let (f, tt) = (self.f, self.tt);
        let cv = through_copies(f, c);
        if let (Op::Const, Aux::Int(k)) = (f.v(cv).op, &f.v(cv).aux) {
            return Way::of(*k != 0);
        }
        if let Some(t) = test_of(f, tt, cv) {
            return match possible(f, self.dom.get_or_init(|| Analysis::new(f)), tt, self.sets, t.x, b) {
                Ok(s) if s.is_empty() => Way::Neither,
                Ok(s) if !s.contains(&t.t) => Way::of(!t.eq),
                Ok(s) if s.len() == 1 => Way::of(t.eq),
                Err(excl) if excl.contains(&t.t) => Way::of(!t.eq),
                _ => Way::Both,
            };
        }
        let x = f.v(cv);
        if matches!(x.op, Op::Eq | Op::Neq) && x.args.len() == 2 {
            // `assertE2I2(I, dyn type of x) != 0`: false when no type x can hold implements I.
            for (a, z) in [(x.args[0], x.args[1]), (x.args[1], x.args[0])] {
                let a = through_copies(f, a);
                let call = f.v(a);
                if !is_zero(f, z) || call.op != Op::CallRT || call.aux != Aux::Sym("runtime.assertE2I2".into()) {
                    continue;
                }
                let Aux::Type(i) = f.v(through_copies(f, call.args[0])).aux else { continue };
                let Some(owner) = tab_owner(f, call.args[1], 0) else { continue };
                if let Ok(s) = possible(f, self.dom.get_or_init(|| Analysis::new(f)), tt, self.sets, owner, b) {
                    if s.iter().flatten().all(|&t| !methods::implements(tt, t, i)) {
                        return Way::of(x.op == Op::Eq);
                    }
                }
                return Way::Both;
            }
            // An integer parameter compared with a constant.
            if tt.is_integer(f.v(x.args[0]).ty) || tt.is_boolean(f.v(x.args[0]).ty) {
                match (self.int_value(x.args[0]), self.int_value(x.args[1])) {
                    (ArgVal::None, _) | (_, ArgVal::None) => return Way::Neither,
                    (ArgVal::Const(p), ArgVal::Const(q)) => return Way::of((p == q) == (x.op == Op::Eq)),
                    _ => {}
                }
            }
        }
        Way::Both
    }

    /// The blocks that can run, and the decided branches among them.
    fn live(&self) -> (Vec<BlockId>, Vec<(BlockId, bool)>) {
        let f = self.f;
        let mut seen = vec![false; f.blocks.len()];
        let mut out = vec![];
        let mut decided = vec![];
        let mut stack = vec![f.entry];
        seen[f.entry as usize] = true;
        while let Some(b) = stack.pop() {
            out.push(b);
            let blk = &f.blocks[b as usize];
            let succs: Vec<BlockId> = match blk.kind {
                BlockKind::If(c) if blk.succs.len() == 2 => {
                    let constant = f.v(through_copies(f, c)).op == Op::Const;
                    match self.decide(c, b) {
                        Way::Both => blk.succs.clone(),
                        Way::Neither => vec![],
                        w => {
                            let k = w == Way::Then;
                            if !constant {
                                decided.push((b, k));
                            }
                            vec![if k { blk.succs[0] } else { blk.succs[1] }]
                        }
                    }
                }
                _ => blk.succs.clone(),
            };
            for s in succs {
                if !seen[s as usize] {
                    seen[s as usize] = true;
                    stack.push(s);
                }
            }
        }
        (out, decided)
    }
}

/// The constraints one round collects from the live code.
#[derive(Default)]
struct Constraints {
    adds: Vec<(Bucket, TypeId)>,
    edges: Vec<(Bucket, Bucket, Option<TypeId>)>,
    unknown: HashSet<Bucket>,
    /// Interface method calls: the bucket of the receiver (None: unknown), name, package.
    calls: HashSet<(Option<Bucket>, String, String)>,
    /// Direct calls of Go functions, with their integer arguments' values.
    direct: Vec<(String, Vec<ArgVal>)>,
    /// errors.As's store (the Rust runtime's `storeIfAssignable`) is live: the bucket of
    /// the errors it stores, into any interface a pointer to which is an `any` somewhere.
    stores_errors: Option<Bucket>,
    /// reflectlite's `packEface` is live (`Value.Interface`): these buckets get every type
    /// reflection can reach from the values in interfaces (their elements, fields, keys).
    reflected: HashSet<Bucket>,
    /// Functions named other than by a direct call (func values, deferred and go calls):
    /// they may be called with anything.
    open: HashSet<String>,
}

/// The interface values of f made only to be panicked (`panic(x)` converts x to
/// interface{}): all their uses, through copies, are `gopanic` calls.
fn panic_only(f: &Func) -> HashSet<ValueId> {
    let mut uses: HashMap<ValueId, Vec<ValueId>> = HashMap::default();
    for b in f.live_blocks() {
        for &v in &b.values {
            for &a in &f.v(v).args {
                uses.entry(a).or_default().push(v);
            }
        }
        // A block's control uses values too (a returned value is not only panicked).
        let controls: Vec<ValueId> = match &b.kind {
            BlockKind::If(c) => vec![*c],
            BlockKind::Ret(vs) => vs.clone(),
            _ => vec![],
        };
        for c in controls {
            uses.entry(c).or_default().push(ValueId::MAX);
        }
    }
    let is_panic = |v: ValueId| v != ValueId::MAX && f.v(v).op == Op::CallRT && matches!(&f.v(v).aux, Aux::Sym(s) if s == "runtime.gopanic");
    fn only(f: &Func, uses: &HashMap<ValueId, Vec<ValueId>>, v: ValueId, is_panic: &dyn Fn(ValueId) -> bool, depth: u32) -> bool {
        let Some(us) = uses.get(&v) else { return false };
        !us.is_empty() && us.iter().all(|&u| is_panic(u) || (u != ValueId::MAX && depth < 8 && f.v(u).op == Op::Copy && only(f, uses, u, is_panic, depth + 1)))
    }
    let mut out = HashSet::default();
    for b in f.live_blocks() {
        for &v in &b.values {
            if f.v(v).op == Op::IMake && only(f, &uses, v, &is_panic, 0) {
                out.insert(v);
            }
        }
    }
    out
}

/// Collects the constraints of one function's live blocks; returns the symbols it names.
fn scan(view: &View, blocks: &[BlockId], is_go: &dyn Fn(&str) -> bool, c: &mut Constraints) -> Vec<String> {
    let (f, tt) = (view.f, view.tt);
    let mut syms = vec![];
    let panic_only = view.panic_only.get_or_init(|| panic_only(f));
    for &b in blocks {
        for &v in &f.blocks[b as usize].values {
            let x = f.v(v);
            if let Aux::Sym(s) = &x.aux {
                syms.push(s.clone());
                if is_go(s) {
                    if x.op == Op::Call {
                        let vals = x.args.iter().map(|&a| if tt.is_integer(f.v(a).ty) || tt.is_boolean(f.v(a).ty) { view.int_value(a) } else { ArgVal::Many }).collect();
                        c.direct.push((s.clone(), vals));
                    } else {
                        c.open.insert(s.clone());
                    }
                }
            }
            match x.op {
                Op::IMake => {
                    let to = if panic_only.contains(&v) { Bucket::Panic } else { bucket_of(tt, x.ty) };
                    let mut srcs = vec![];
                    sources(f, tt, x.args[0], &mut srcs, &mut HashSet::default());
                    for s in srcs {
                        match s {
                            Src::Type(t) => c.adds.push((to, t)),
                            Src::From(from, filter) => c.edges.push((from, to, filter)),
                            Src::Nil => {}
                            Src::Unknown => {
                                c.unknown.insert(to);
                            }
                        }
                    }
                }
                Op::CallRT | Op::Call => {
                    let Aux::Sym(s) = &x.aux else { continue };
                    if s == "runtime.gopanic" {
                        let a = through_copies(f, x.args[0]);
                        if f.v(a).op != Op::IMake {
                            c.edges.push((bucket_of(tt, f.v(a).ty), Bucket::Panic, None));
                        }
                    } else if s == "errors.storeIfAssignable" {
                        c.stores_errors = Some(bucket_of(tt, f.v(x.args[0]).ty));
                    } else if s == "runtime.gorecover" {
                        c.edges.push((Bucket::Panic, bucket_of(tt, EMPTY_IFACE), None));
                    } else if s == "internal/reflectlite.packEface" {
                        c.reflected.insert(bucket_of(tt, x.ty));
                    } else if !is_go(s) {
                        // An interface value made by the Rust runtime.
                        let results: Vec<TypeId> = match tt.kind(x.ty) {
                            TypeKind::Tuple(ts) => ts.clone(),
                            _ => vec![x.ty],
                        };
                        for r in results {
                            if r != 0 && tt.is_interface(r) {
                                c.unknown.insert(bucket_of(tt, r));
                            }
                        }
                    }
                }
                Op::InterCall => {
                    let Aux::Method(idx, name) = &x.aux else { continue };
                    let owner = tab_owner(f, x.args[0], 0);
                    let bucket = owner.map(|o| bucket_of(tt, f.v(o).ty));
                    let pkg = owner.and_then(|o| tt.imethods(f.v(o).ty).get(*idx as usize).map(|m| m.pkg.clone())).unwrap_or_default();
                    c.calls.insert((bucket, name.clone(), pkg));
                }
                _ => {}
            }
        }
    }
    syms
}

/// Solves the set constraints: the least sets that hold the added types (and the sets of
/// the previous round, so that they only grow) and are closed under the edges.
fn solve(tt: &TypeTable, c: &Constraints, prev: &BTreeMap<Bucket, TypeSet>) -> BTreeMap<Bucket, TypeSet> {
    let mut sets = prev.clone();
    for &(b, t) in &c.adds {
        sets.entry(b).or_default().types.insert(t);
    }
    for &b in &c.unknown {
        sets.entry(b).or_default().any = true;
    }
    let mut implements: HashMap<(TypeId, TypeId), bool> = HashMap::default();
    // Adds `src` to bucket `to` (only the types that implement `filter`); whether it grew.
    let mut merge = |sets: &mut BTreeMap<Bucket, TypeSet>, src: &TypeSet, to: Bucket, filter: Option<TypeId>| {
        let dst = sets.entry(to).or_default();
        let mut changed = src.any && !dst.any;
        dst.any |= src.any;
        for &t in &src.types {
            if filter.map_or(true, |i| *implements.entry((t, i)).or_insert_with(|| methods::implements(tt, t, i))) {
                changed |= dst.types.insert(t);
            }
        }
        changed
    };
    loop {
        let mut changed = false;
        for &(from, to, filter) in &c.edges {
            let Some(src) = sets.get(&from).cloned() else { continue };
            changed |= merge(&mut sets, &src, to, filter);
        }
        if !c.reflected.is_empty() {
            // What reflection can walk to: the types in interfaces, closed under their
            // descriptors' references.
            let mut reach = TypeSet { any: sets.values().any(|s| s.any), types: BTreeSet::new() };
            let mut todo: Vec<TypeId> = sets.values().flat_map(|s| s.types.iter().copied()).collect();
            while let Some(t) = todo.pop() {
                if reach.types.insert(t) {
                    todo.extend(crate::ssa::build::descriptor_refs(tt, t).into_iter().filter(|&r| r != 0 && !tt.is_interface(r) && !matches!(tt.kind(r), TypeKind::Tuple(_))));
                }
            }
            for &b in &c.reflected {
                changed |= merge(&mut sets, &reach, b, None);
            }
        }
        if let Some(from) = c.stores_errors {
            let targets: Vec<TypeId> = sets.values().flat_map(|s| s.types.iter()).filter_map(|&t| match tt.kind(t) {
                TypeKind::Pointer(e) if tt.is_interface(*e) => Some(*e),
                _ => None,
            }).collect();
            let src = sets.get(&from).cloned().unwrap_or_default();
            for i in targets {
                changed |= merge(&mut sets, &src, bucket_of(tt, i), Some(i));
            }
        }
        if !changed {
            return sets;
        }
    }
}

/// Runs the analysis over `funcs` (the functions the program may call: every symbol they
/// name that is not among them is the Rust runtime's). `methods` are the method tables of
/// the types with descriptors.
///
/// Each round walks the live code with the previous round's sets and parameter values, and
/// collects bigger ones; the rounds stop when nothing grows. Sets, parameter values and
/// the ways a branch can go only grow from round to round, so this ends.
pub fn analyze(funcs: &[Func], tt: &TypeTable, methods: &HashMap<TypeId, Vec<MethodEntry>>, is_root: &dyn Fn(&str) -> bool) -> Flow {
    let index: HashMap<&str, usize> = funcs.iter().enumerate().map(|(i, f)| (f.sym.as_str(), i)).collect();
    let is_go = |s: &str| index.contains_key(s);
    let doms: Vec<std::cell::OnceCell<Analysis>> = funcs.iter().map(|_| std::cell::OnceCell::new()).collect();
    let panics: Vec<std::cell::OnceCell<HashSet<ValueId>>> = funcs.iter().map(|_| std::cell::OnceCell::new()).collect();
    let mut sets: BTreeMap<Bucket, TypeSet> = BTreeMap::new();
    // Per function, whether it may be called with anything, else its parameters' values.
    let mut open: Vec<bool> = funcs.iter().map(|f| is_root(&f.sym) || f.has_ctx).collect();
    let mut args: Vec<Vec<ArgVal>> = vec![vec![]; funcs.len()];
    let mut rounds = 0;
    loop {
        rounds += 1;
        let mut c = Constraints::default();
        let mut reached: HashSet<String> = HashSet::default();
        let mut decided: HashMap<String, Vec<(BlockId, bool)>> = HashMap::default();
        let mut next_open = open.clone();
        let mut next_args = args.clone();
        let mut want: Vec<usize> = funcs.iter().enumerate().filter(|(_, f)| is_root(&f.sym)).map(|(i, _)| i).collect();
        let mut now;
        loop {
            while let Some(i) = want.pop() {
                let f = &funcs[i];
                if !reached.insert(f.sym.clone()) {
                    continue;
                }
                let view = View { f, dom: &doms[i], panic_only: &panics[i], tt, sets: &sets, open: open[i], args: &args[i] };
                let (blocks, d) = view.live();
                if !d.is_empty() {
                    decided.insert(f.sym.clone(), d);
                }
                for s in scan(&view, &blocks, &is_go, &mut c) {
                    if let Some(&j) = index.get(s.as_str()) {
                        if !reached.contains(&funcs[j].sym) {
                            want.push(j);
                        }
                    }
                }
            }
            // The methods that interface calls (and the runtime's printing of panic values)
            // can reach, with the sets so far.
            now = solve(tt, &c, &sets);
            let mut calls: Vec<(Option<Bucket>, String, String)> = c.calls.iter().cloned().collect();
            calls.push((Some(Bucket::Panic), "Error".into(), String::new()));
            calls.push((Some(Bucket::Panic), "String".into(), String::new()));
            for (b, name, pkg) in &calls {
                let set = b.and_then(|b| now.get(&b));
                let all = b.is_none() || set.is_some_and(|s| s.any);
                for (t, entries) in methods {
                    if !all && !set.is_some_and(|s| s.types.contains(t)) {
                        continue;
                    }
                    for e in entries.iter().filter(|e| &e.name == name && &e.pkg == pkg) {
                        if let Some(&j) = index.get(e.ifn.as_str()) {
                            next_open[j] = true;
                            if !reached.contains(&funcs[j].sym) {
                                want.push(j);
                            }
                        }
                    }
                }
            }
            if want.is_empty() {
                break;
            }
        }
        for s in &c.open {
            next_open[index[s.as_str()]] = true;
        }
        for (s, vals) in &c.direct {
            let j = index[s.as_str()];
            // A call whose arguments do not match the parameters one for one says nothing
            // about them.
            if vals.len() != funcs[j].params.len() {
                next_open[j] = true;
                continue;
            }
            let a = &mut next_args[j];
            if a.len() < vals.len() {
                a.resize(vals.len(), ArgVal::None);
            }
            for (k, v) in vals.iter().enumerate() {
                a[k] = a[k].join(*v);
            }
        }
        if now == sets && next_open == open && next_args == args {
            return Flow { sets: now, reached, decided, rounds };
        }
        sets = now;
        open = next_open;
        args = next_args;
    }
}

impl Flow {
    /// The findings as text: the sets, then how many branches were decided per function.
    pub fn report(&self, tt: &TypeTable) -> String {
        let mut out = format!("typeflow: {} rounds, {} functions can run, {} type tests decided\n", self.rounds, self.reached.len(), self.decided.values().map(|d| d.len()).sum::<usize>());
        for (b, set) in &self.sets {
            let name = match b {
                Bucket::Iface(t) => tt.name(*t),
                Bucket::Panic => "panic values".into(),
            };
            let mut types: Vec<String> = set.types.iter().map(|&t| tt.name(t)).collect();
            types.sort();
            if set.any {
                types.push("(any type)".into());
            }
            out.push_str(&format!("  {}: {}\n", name, types.join(", ")));
        }
        let mut fs: Vec<(&String, usize)> = self.decided.iter().map(|(f, d)| (f, d.len())).collect();
        fs.sort();
        for (f, n) in fs {
            out.push_str(&format!("  decided in {}: {} branch{}\n", f, n, if n == 1 { "" } else { "es" }));
        }
        out
    }
}

/// Makes the decided branches constant (deadcode then removes the other way).
pub fn apply(funcs: &mut [Func], flow: &Flow) -> usize {
    let mut n = 0;
    for f in funcs.iter_mut() {
        let Some(d) = flow.decided.get(&f.sym) else { continue };
        for &(b, k) in d {
            let pos = f.blocks[b as usize].pos;
            let c = f.add(b, Op::Const, crate::types::ty::BOOL, vec![], Aux::Int(k as i64), pos);
            f.blocks[b as usize].kind = BlockKind::If(c);
            n += 1;
        }
        f.cache = None;
    }
    n
}
