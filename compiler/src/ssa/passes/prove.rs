//! `prove`: removes the bounds checks that facts known at the check make true, in the manner
//! of gc's `prove` pass and its `loopbce` (induction variables).
//!
//! Assumes a checked function after `cse` (one value per `len(s)`) and `opt` (lengths of
//! slices made in view are their values), whose builder put an `IsInBounds i n` or
//! `IsSliceInBounds i n` (and an `If` on it) before every index and slice expression.
//!
//! Guarantees: an `IsInBounds i n` (0 <= i < n) or `IsSliceInBounds i n` (0 <= i <= n)
//! becomes the constant true only when the facts below imply it; the branch to the panic is
//! then removed by `late deadcode`.
//!
//! The facts, all about signed 64-bit integers (`int`, `int64`), are gathered walking the
//! dominator tree, so that a block sees exactly the facts of the blocks that dominate it:
//! - limits: lo <= v <= hi, for constants, lengths and capacities (>= 0), `x & c`, narrower
//!   integers converted, `x + c` from the limits of x (when it cannot overflow), and the
//!   comparisons of v with constants on the branches taken to get here;
//! - orderings: x <= y + k between two values, from the comparisons on the branches taken
//!   (`x < y` is x <= y - 1; the false edge of `x < y` is y <= x), with `x + c` read as x
//!   with an offset when that cannot overflow; `len(s) <= cap(s)`; and one step of
//!   transitivity when a query needs it;
//! - induction variables (loopbce): `i = Phi(init, i + step)` tested by the loop's header
//!   against a limit, where the increment cannot wrap around (gc's rules: a constant limit,
//!   a step of 1 against `<`, or a limit that is a length minus enough). In the loop's body
//!   i lies between init and the limit, which adds `init <= i` (counting up) or `i <= init`
//!   (counting down) to the branch's own fact.
//!
//! - conditions: a branch on a condition that a dominating branch already tested goes the
//!   same way (cse makes the two checks of `s[i]` in `s[i], s[j] = s[j], s[i]` one value).
//!
//! With `-d=ssa/prove/debug=1` each induction variable and each proof is reported as gc
//! reports it: `Induction variable: limits [0,?), increment 1` at the loop, `Proved
//! IsInBounds` at the index.

use crate::HashMap;

use super::super::ir::*;
use crate::types::ty::{TypeId, TypeTable};

const MIN: i128 = i64::MIN as i128;
const MAX: i128 = i64::MAX as i128;

/// lo <= v <= hi, in i128 so that offsets and sums cannot overflow while computing them.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Lim {
    lo: i128,
    hi: i128,
}

const FULL: Lim = Lim { lo: MIN, hi: MAX };

impl Lim {
    fn meet(self, o: Lim) -> Lim {
        Lim { lo: self.lo.max(o.lo), hi: self.hi.min(o.hi) }
    }
    fn shift(self, c: i128) -> Option<Lim> {
        let l = Lim { lo: self.lo + c, hi: self.hi + c };
        (l.lo >= MIN && l.hi <= MAX).then_some(l)
    }
}

/// The facts that hold on entry to a block.
#[derive(Clone, Default)]
struct Facts {
    lims: HashMap<ValueId, Lim>,
    /// (x, y, k): x <= y + k.
    order: Vec<(ValueId, ValueId, i128)>,
    /// Conditions of the branches taken to get here, and which way they went.
    conds: HashMap<ValueId, bool>,
}

/// A value as a base plus a constant offset (`Const` values are all offset, no base).
#[derive(Clone, Copy, Debug)]
enum Lin {
    Const(i128),
    Off(ValueId, i128),
}

/// An induction variable found by `find_ind_vars`.
struct IndVar {
    ind: ValueId,
    /// The loop's first block (entered only when the test holds).
    entry: BlockId,
    /// Counting up: init <= ind; counting down: ind <= init.
    init: ValueId,
    up: bool,
}

struct Prover<'a> {
    f: &'a Func,
    tt: &'a TypeTable,
    /// The `SliceLen` value of each slice whose capacity is asked about (len <= cap).
    len_of: HashMap<ValueId, ValueId>,
}

pub fn prove(f: &mut Func, tt: &TypeTable) {
    let an = f.analysis();
    let inds = find_ind_vars(f, tt, &an);
    let mut len_of = HashMap::default();
    for b in f.live_blocks() {
        for &v in &b.values {
            if f.v(v).op == Op::SliceLen {
                len_of.insert(f.v(v).args[0], v);
            }
        }
    }
    let p = Prover { f, tt, len_of };
    let mut proved = vec![];
    let mut decided = vec![];
    let mut marked = vec![];
    let mut stack: Vec<(BlockId, Facts)> = vec![(f.entry, Facts::default())];
    while let Some((b, mut facts)) = stack.pop() {
        p.edge_facts(b, &mut facts);
        for iv in inds.iter().filter(|iv| iv.entry == b) {
            if iv.up {
                p.add_le(&mut facts, iv.init, iv.ind, 0);
            } else {
                p.add_le(&mut facts, iv.ind, iv.init, 0);
            }
        }
        for &v in &f.blocks[b as usize].values {
            let val = f.v(v);
            if let Some(what) = p.needs_no_fix_up(v, &facts) {
                marked.push((v, what));
                continue;
            }
            let k = match val.op {
                Op::IsInBounds => -1,
                Op::IsSliceInBounds => 0,
                _ => continue,
            };
            let (i, n) = (val.args[0], val.args[1]);
            if p.lim(i, &facts, 0).lo >= 0 && p.le(i, n, k, &facts) {
                proved.push(v);
            }
        }
        if let BlockKind::If(c) = f.blocks[b as usize].kind {
            if let Some(&k) = facts.conds.get(&c) {
                // A second branch on the same condition (cse made `s[i]`'s two checks in
                // `s[i], s[j] = s[j], s[i]` one value).
                decided.push((b, c, k));
            } else if let Some(k) = p.decide(c, &facts) {
                decided.push((b, c, k));
            }
        }
        for &c in &an.children[b as usize] {
            stack.push((c, facts.clone()));
        }
    }
    // Divisions that cannot overflow and shifts whose count is below the width: codegen
    // leaves out the code for those cases (aux 1, as gc's AuxInt).
    for (v, what) in marked {
        let pos = f.inlined_at.get(&v).copied().unwrap_or(f.v(v).pos);
        f.remarks.push(("prove", pos, what));
        f.values[v as usize].aux = Aux::Int(1);
    }
    // Branches whose outcome is known: the block branches on a constant, which late
    // deadcode turns into a jump (the comparison itself may be used elsewhere).
    for (b, c, k) in decided {
        let op = f.v(c).op;
        let pos = f.branch_pos(b);
        let what = match op {
            Op::IsInBounds | Op::IsSliceInBounds => Some(op.name().to_string()),
            Op::Less | Op::Leq | Op::Eq | Op::Neq if matches!(f.v(c).aux, Aux::Int(t) if int64(tt, t as TypeId)) => Some(format!("{}64", op.name())),
            _ => None,
        };
        if let Some(what) = what {
            f.remarks.push(("prove", pos, format!("{} {}", if k { "Proved" } else { "Disproved" }, what)));
        }
        let kc = f.add(b, Op::Const, crate::types::ty::BOOL, vec![], Aux::Int(k as i64), pos);
        f.values[kc as usize].rule = Some("prove: the branch's condition is known here");
        f.blocks[b as usize].kind = BlockKind::If(kc);
    }
    for v in proved {
        let pos = f.inlined_at.get(&v).copied().unwrap_or(f.v(v).pos);
        let what = if f.v(v).op == Op::IsInBounds { "Proved IsInBounds" } else { "Proved IsSliceInBounds" };
        f.remarks.push(("prove", pos, what.into()));
        let m = &mut f.values[v as usize];
        m.op = Op::Const;
        m.args.clear();
        m.aux = Aux::Int(1);
        m.rule = Some("prove: the index is within its bounds here");
    }
}

/// Whether `t` is a signed 64-bit integer type, the only one these facts are about.
fn int64(tt: &TypeTable, t: TypeId) -> bool {
    tt.is_integer(t) && !tt.is_unsigned(t) && tt.size(t) == 8
}

/// v without conversions between signed 64-bit types (`int64(len(s))`), which change
/// nothing.
fn strip(f: &Func, tt: &TypeTable, mut v: ValueId) -> ValueId {
    for _ in 0..8 {
        let val = f.v(v);
        match (val.op, &val.aux) {
            (Op::Cvt, Aux::Int(from)) if int64(tt, *from as TypeId) && int64(tt, val.ty) => v = val.args[0],
            (Op::Copy, _) => v = val.args[0],
            _ => break,
        }
    }
    v
}

fn konst(f: &Func, v: ValueId) -> Option<i128> {
    match (f.v(v).op, &f.v(v).aux) {
        (Op::Const, Aux::Int(k)) => Some(*k as i128),
        _ => None,
    }
}

/// The comparison `c` as (x, y, k) with x <= y + k when it is true (`taken`) or false.
fn comparison(f: &Func, tt: &TypeTable, c: ValueId, taken: bool) -> Vec<(ValueId, ValueId, i128)> {
    let cond = f.v(c);
    let Aux::Int(t) = cond.aux else { return vec![] };
    if !int64(tt, t as TypeId) || cond.args.len() != 2 {
        return vec![];
    }
    let (x, y) = (cond.args[0], cond.args[1]);
    match (cond.op, taken) {
        (Op::Less, true) => vec![(x, y, -1)],
        (Op::Less, false) => vec![(y, x, 0)],
        (Op::Leq, true) => vec![(x, y, 0)],
        (Op::Leq, false) => vec![(y, x, -1)],
        (Op::Eq, true) | (Op::Neq, false) => vec![(x, y, 0), (y, x, 0)],
        _ => vec![],
    }
}

impl<'a> Prover<'a> {
    /// The facts of the branch that leads to `b` when it is `b`'s only way in.
    fn edge_facts(&self, b: BlockId, facts: &mut Facts) {
        let Some((c, taken, _)) = self.f.entered_by(b) else { return };
        facts.conds.insert(c, taken);
        for (x, y, k) in comparison(self.f, self.tt, c, taken) {
            self.add_le(facts, x, y, k);
        }
    }

    /// Records x <= y + k: as limits when one side is constant, else as an ordering, and
    /// narrows each side's limits by the other's.
    fn add_le(&self, facts: &mut Facts, x: ValueId, y: ValueId, k: i128) {
        let (lx, ly) = (self.lin(x, facts, 0), self.lin(y, facts, 0));
        match (lx, ly) {
            (Lin::Const(_), Lin::Const(_)) => {}
            (Lin::Off(bx, ox), Lin::Const(c)) => narrow(facts, bx, Lim { lo: MIN, hi: c + k - ox }),
            (Lin::Const(c), Lin::Off(by, oy)) => narrow(facts, by, Lim { lo: c - k - oy, hi: MAX }),
            (Lin::Off(bx, ox), Lin::Off(by, oy)) => {
                let k = oy + k - ox;
                facts.order.push((bx, by, k));
                let (mx, my) = (self.lim(bx, facts, 0), self.lim(by, facts, 0));
                narrow(facts, bx, Lim { lo: MIN, hi: my.hi + k });
                narrow(facts, by, Lim { lo: mx.lo - k, hi: MAX });
            }
        }
    }

    /// For a signed 64-bit division or remainder that cannot be MinInt64 / -1 (the divisor is
    /// not -1, or the dividend not the minimum), or a shift whose count is below the width:
    /// gc's message for it.
    fn needs_no_fix_up(&self, v: ValueId, facts: &Facts) -> Option<String> {
        let (f, tt) = (self.f, self.tt);
        let val = f.v(v);
        // A constant divisor or count is opt's and Cranelift's business (gc's rules), not a
        // proof.
        if val.aux != Aux::None || val.args.len() != 2 || konst(f, strip(f, tt, val.args[1])).is_some() || konst(f, val.args[1]).is_some() {
            return None;
        }
        match val.op {
            Op::Div | Op::Mod if int64(tt, val.ty) => {
                let (x, y) = (self.lim(val.args[0], facts, 0), self.lim(val.args[1], facts, 0));
                (y.hi < -1 || y.lo > -1 || x.lo > MIN).then(|| format!("Proved {}64 does not need fix-up", val.op.name()))
            }
            Op::Lsh | Op::Rsh if tt.is_integer(val.ty) => {
                let width = tt.size(val.ty) as i128 * 8;
                // The count as written: the builder widens narrower counts to uint64.
                let mut c = val.args[1];
                let mut cw = tt.size(f.v(c).ty) * 8;
                let mut known = None;
                if let (Op::Cvt, Aux::Int(from)) = (f.v(c).op, &f.v(c).aux) {
                    let from = *from as TypeId;
                    cw = tt.size(from) * 8;
                    if tt.is_unsigned(from) {
                        known = Some(Lim { lo: 0, hi: (1i128 << cw) - 1 });
                    }
                    c = f.v(c).args[0];
                }
                // `x >> (n & 31)`: a mask bounds a count of any type.
                if known.is_none() {
                    let cv = f.v(c);
                    if cv.op == Op::And {
                        if let Some(m) = cv.args.iter().find_map(|&a| konst(f, a)).filter(|m| *m >= 0) {
                            known = Some(Lim { lo: 0, hi: m });
                        }
                    }
                }
                let l = match known {
                    Some(l) => l,
                    None if int64(tt, f.v(strip(f, tt, c)).ty) => self.lim(c, facts, 0),
                    None => return None,
                };
                let unsigned = val.op == Op::Rsh && tt.is_unsigned(val.ty);
                (l.lo >= 0 && l.hi < width).then(|| format!("Proved {}{}{}x{} bounded", val.op.name(), width, if unsigned { "U" } else { "" }, cw))
            }
            _ => None,
        }
    }

    /// The value of comparison `c` where the facts hold, when they decide it.
    fn decide(&self, c: ValueId, facts: &Facts) -> Option<bool> {
        let cond = self.f.v(c);
        let Aux::Int(t) = cond.aux else { return None };
        if !int64(self.tt, t as TypeId) || cond.args.len() != 2 || cond.args[0] == cond.args[1] {
            return None;
        }
        let (x, y) = (cond.args[0], cond.args[1]);
        let le = |a, b, k| self.le(a, b, k, facts);
        match cond.op {
            Op::Less if le(x, y, -1) => Some(true),
            Op::Less if le(y, x, 0) => Some(false),
            Op::Leq if le(x, y, 0) => Some(true),
            Op::Leq if le(y, x, -1) => Some(false),
            Op::Eq | Op::Neq => {
                let eq = if le(x, y, 0) && le(y, x, 0) {
                    true
                } else if le(x, y, -1) || le(y, x, -1) {
                    false
                } else {
                    return None;
                };
                Some(eq == (cond.op == Op::Eq))
            }
            _ => None,
        }
    }

    /// Whether x <= y + k follows from the facts.
    fn le(&self, x: ValueId, y: ValueId, k: i128, facts: &Facts) -> bool {
        if self.lim(x, facts, 0).hi <= self.lim(y, facts, 0).lo + k {
            return true;
        }
        let (Lin::Off(bx, ox), ly) = (self.lin(x, facts, 0), self.lin(y, facts, 0)) else { return false };
        let Lin::Off(by, oy) = ly else { return false };
        // bx <= by + need
        let need = oy + k - ox;
        if self.le_base(bx, by, need, facts) {
            return true;
        }
        // len(s) <= cap(s): what holds against the length holds against the capacity.
        let y = self.f.v(by);
        if y.op == Op::SliceCap {
            if let Some(&l) = self.len_of.get(&y.args[0]) {
                return self.le_base(bx, l, need, facts);
            }
        }
        false
    }

    /// x <= y + k between bases: the same value, an ordering, or two orderings in a row.
    fn le_base(&self, x: ValueId, y: ValueId, k: i128, facts: &Facts) -> bool {
        if x == y {
            return k >= 0;
        }
        for &(_, m, k1) in facts.order.iter().filter(|o| o.0 == x) {
            if m == y && k1 <= k {
                return true;
            }
            if facts.order.iter().any(|&(m2, b, k2)| m2 == m && b == y && k1 + k2 <= k) {
                return true;
            }
        }
        false
    }

    /// The limits of v where the facts hold.
    fn lim(&self, v: ValueId, facts: &Facts, depth: u32) -> Lim {
        let v = strip(self.f, self.tt, v);
        let known = facts.lims.get(&v).copied().unwrap_or(FULL);
        if depth > 8 {
            return known;
        }
        let f = self.f;
        let val = f.v(v);
        let own = match val.op {
            Op::Const => konst(f, v).map_or(FULL, |k| Lim { lo: k, hi: k }),
            Op::SliceLen | Op::SliceCap | Op::StringLen => Lim { lo: 0, hi: MAX },
            Op::Add | Op::Sub if int64(self.tt, val.ty) => match self.lin(v, facts, depth) {
                Lin::Const(c) => Lim { lo: c, hi: c },
                Lin::Off(b, o) if b != v => self.lim(b, facts, depth + 1).shift(o).unwrap_or(FULL),
                _ => FULL,
            },
            Op::And if int64(self.tt, val.ty) => {
                match (konst(f, val.args[0]), konst(f, val.args[1])) {
                    (Some(c), _) | (_, Some(c)) if c >= 0 => Lim { lo: 0, hi: c },
                    _ => FULL,
                }
            }
            Op::Cvt => {
                let Aux::Int(from) = val.aux else { return known };
                let from = from as TypeId;
                let bits = self.tt.size(from) * 8;
                if !self.tt.is_integer(from) || !int64(self.tt, val.ty) || bits >= 64 {
                    FULL
                } else if self.tt.is_unsigned(from) {
                    Lim { lo: 0, hi: (1i128 << bits) - 1 }
                } else {
                    Lim { lo: -(1i128 << (bits - 1)), hi: (1i128 << (bits - 1)) - 1 }
                }
            }
            _ => FULL,
        };
        own.meet(known)
    }

    /// v as base + offset: `x + c`, `c + x` and `x - c` (repeatedly) when the sum cannot
    /// overflow for any value x may have here.
    fn lin(&self, v: ValueId, facts: &Facts, depth: u32) -> Lin {
        let f = self.f;
        let v = strip(f, self.tt, v);
        if let Some(k) = konst(f, v) {
            return Lin::Const(k);
        }
        let val = f.v(v);
        if depth > 8 || !int64(self.tt, val.ty) || !matches!(val.op, Op::Add | Op::Sub) {
            return Lin::Off(v, 0);
        }
        let (x, c) = match (val.op, konst(f, val.args[0]), konst(f, val.args[1])) {
            (Op::Add, _, Some(c)) => (val.args[0], c),
            (Op::Add, Some(c), _) => (val.args[1], c),
            (Op::Sub, _, Some(c)) => (val.args[0], -c),
            _ => return Lin::Off(v, 0),
        };
        if self.lim(x, facts, depth + 1).shift(c).is_none() {
            return Lin::Off(v, 0);
        }
        match self.lin(x, facts, depth + 1) {
            Lin::Const(k) => Lin::Const(k + c),
            Lin::Off(b, o) => Lin::Off(b, o + c),
        }
    }
}

fn narrow(facts: &mut Facts, v: ValueId, l: Lim) {
    let e = facts.lims.entry(v).or_insert(FULL);
    *e = e.meet(l);
}

/// `i = Phi(init, i + step)`: (init, step, the next value), as gc's parseIndVar.
fn parse_ind_var(f: &Func, tt: &TypeTable, ind: ValueId) -> Option<(ValueId, i128, ValueId)> {
    let val = f.v(ind);
    if val.op != Op::Phi || val.args.len() != 2 || !int64(tt, val.ty) {
        return None;
    }
    for (n, init) in [(val.args[0], val.args[1]), (val.args[1], val.args[0])] {
        let nv = f.v(n);
        let step = match (nv.op, nv.args.as_slice()) {
            (Op::Add, [a, b]) if *a == ind => konst(f, *b),
            (Op::Add, [a, b]) if *b == ind => konst(f, *a),
            (Op::Sub, [a, b]) if *a == ind => konst(f, *b).map(|c| -c),
            _ => continue,
        };
        return step.map(|s| (init, s, n));
    }
    None
}

/// A limit that is a length or capacity minus k (k may be negative): (the length, k).
fn len_minus(f: &Func, tt: &TypeTable, v: ValueId) -> Option<i128> {
    let v = strip(f, tt, v);
    let val = f.v(v);
    let is_len = |x: ValueId| matches!(f.v(strip(f, tt, x)).op, Op::SliceLen | Op::StringLen | Op::SliceCap);
    if is_len(v) {
        return Some(0);
    }
    match (val.op, val.args.as_slice()) {
        (Op::Sub, [x, c]) if is_len(*x) => konst(f, *c),
        (Op::Add, [x, c]) if is_len(*x) => konst(f, *c).map(|k| -k),
        (Op::Add, [c, x]) if is_len(*x) => konst(f, *c).map(|k| -k),
        _ => None,
    }
}

/// The loops' induction variables (gc's findIndVar), each reported with
/// `-d=ssa/prove/debug=1`.
fn find_ind_vars(f: &mut Func, tt: &TypeTable, an: &crate::ssa::analysis::Analysis) -> Vec<IndVar> {
    let mut out = vec![];
    let mut remarks = vec![];
    for b in f.live_blocks() {
        let BlockKind::If(c) = b.kind else { continue };
        if b.preds.len() != 2 || b.succs.len() != 2 {
            continue;
        }
        let cond = f.v(c);
        let Aux::Int(t) = cond.aux else { continue };
        if !matches!(cond.op, Op::Less | Op::Leq) || !int64(tt, t as TypeId) {
            continue;
        }
        let inclusive = cond.op == Op::Leq;
        let (mut ind, mut limit) = (cond.args[0], cond.args[1]);
        let mut less = true;
        let parsed = match parse_ind_var(f, tt, ind) {
            Some(p) => p,
            None => {
                // `for i := n; i >= 0; i--`: the variable on the right.
                let Some(p) = parse_ind_var(f, tt, limit) else { continue };
                std::mem::swap(&mut ind, &mut limit);
                less = false;
                p
            }
        };
        let (init, step, nxt) = parsed;
        if step == 0 || (step > 0) != less {
            continue;
        }
        // The body is entered only through the test, and it computes the next value.
        let entry = b.succs[0];
        if f.blocks[entry as usize].preds.len() != 1 || !an.dominates(entry, f.v(nxt).block) {
            continue;
        }
        if !no_wrap(f, tt, init, limit, step, inclusive) {
            continue;
        }
        let show = |v: ValueId| konst(f, v).map_or("?".to_string(), |k| k.to_string());
        let (lo, hi, lo_ex, hi_in) = if step > 0 { (init, limit, false, inclusive) } else { (limit, init, !inclusive, true) };
        let text = format!(
            "Induction variable: limits {}{},{}{}, increment {}",
            if lo_ex { "(" } else { "[" },
            show(lo),
            show(hi),
            if hi_in { "]" } else { ")" },
            step.abs()
        );
        remarks.push((f.branch_pos(b.id), text));
        out.push(IndVar { ind, entry, init, up: step > 0 });
    }
    for (pos, text) in remarks {
        f.remarks.push(("prove", pos, text));
    }
    out
}

/// Whether adding `step` to the variable can never wrap around while the test
/// `ind < limit` (or `<=`; `>`/`>=` when counting down) holds, by gc's rules.
fn no_wrap(f: &Func, tt: &TypeTable, init: ValueId, limit: ValueId, step: i128, inclusive: bool) -> bool {
    if step > 0 {
        if let Some(l) = konst(f, limit) {
            // The largest value the test lets through, then the last one the variable takes.
            let mut v = if inclusive { l } else { l - 1 };
            if v < MIN {
                return false;
            }
            if let Some(i) = konst(f, init) {
                if i > v {
                    return false;
                }
                v = i + (v - i) / step * step;
            }
            return v + step <= MAX;
        }
        if step == 1 && !inclusive {
            return true;
        }
        // limit = (something non-negative) - k: the variable stays below max - k.
        let Some(k) = len_minus(f, tt, limit) else { return false };
        if k < 0 {
            return false;
        }
        return if inclusive { step <= k } else { step <= k + 1 };
    }
    if let Some(l) = konst(f, limit) {
        let mut v = if inclusive { l } else { l + 1 };
        if v > MAX {
            return false;
        }
        if let Some(i) = konst(f, init) {
            if i < v {
                return false;
            }
            v = i - (i - v) / -step * -step;
        }
        return v + step >= MIN;
    }
    step == -1 && !inclusive
}
