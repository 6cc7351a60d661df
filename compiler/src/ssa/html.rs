//! `GOSSAFUNC` ssa.html: one self-contained page (CSS and JS inline, works offline) showing a
//! function through the whole compiler: its source, its AST, the SSA after every pass (passes
//! that change nothing share a column, as in gc), then what gc cannot show: the Cranelift IR
//! before and after Cranelift's optimisation, and the machine code. Clicking a value or block
//! highlights it in every column; clicking a source line highlights its values; columns
//! collapse; values the next pass removes are greyed; rewritten values name their rule. The
//! control-flow graph of chosen columns is drawn as inline SVG, back edges dashed. The output
//! is deterministic: no timestamps, numbering as in the compiler.

use crate::{HashMap, HashSet};

use super::analysis::Analysis;
use super::ir::*;
use super::print::{aux_string, block_end};
use crate::types::ty::{TypeTable, INVALID};

pub struct Snapshot {
    pub pass: String,
    pub func: Func,
}

pub struct HtmlInput<'a> {
    pub name: String,
    /// (line number, text) of the function's source.
    pub source: Vec<(u32, String)>,
    pub ast: String,
    pub snapshots: Vec<Snapshot>,
    /// Passes whose columns show the CFG (`GOSSAFUNC=f:first-last`); None: the first and the
    /// last column.
    pub cfg_range: Option<(String, String)>,
    pub clif_before: String,
    pub clif_after: String,
    pub machine: String,
    /// GOOS/GOARCH of the machine code.
    pub target: String,
    pub tt: &'a TypeTable,
    /// Source line of a position.
    pub line_of: &'a dyn Fn(u32) -> Option<u32>,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

const CSS: &str = r#"
body { font-family: sans-serif; font-size: 13px; margin: 8px; }
h1 { font-size: 16px; }
#columns { display: flex; align-items: flex-start; gap: 6px; overflow-x: auto; }
.col { border: 1px solid #bbb; min-width: 220px; max-width: 720px; overflow: auto; background: #fdfdfd; }
.col.collapsed { min-width: 24px; max-width: 24px; }
.col.collapsed .body { display: none; }
.col .head { background: #e8e8f0; padding: 3px 5px; cursor: pointer; font-weight: bold; white-space: nowrap; }
.col.collapsed .head { writing-mode: vertical-rl; }
.body { padding: 4px; font-family: monospace; white-space: pre; }
.block { margin: 4px 0; }
.value { padding-left: 2em; }
.bname, .vname, .line { cursor: pointer; }
.vname { color: #036; }
.bname { color: #630; font-weight: bold; }
.dead { color: #aaa; }
.rule { color: #080; font-style: italic; }
.esc { color: #a50; font-style: italic; }
.hl { background: #ffe066; outline: 1px solid #d4a000; }
.hl2 { background: #9ce8ff; }
.src .line.hl2 { background: #9ce8ff; }
.end { color: #555; }
svg { display: block; margin: 4px 0; }
svg .back { stroke-dasharray: 4 3; stroke: #c22; }
"#;

const JS: &str = r##"
function toggle(cls, attr, v) {
  var on = !document.querySelector('[' + attr + '="' + v + '"].' + cls);
  document.querySelectorAll('.' + cls).forEach(function (e) { e.classList.remove(cls); });
  if (on) document.querySelectorAll('[' + attr + '="' + v + '"]').forEach(function (e) { e.classList.add(cls); });
}
// Self-test for the browser test: "#click=v3" clicks the first v3 and records what is
// highlighted, in <body data-highlighted="N" data-columns="M">.
window.addEventListener('load', function () {
  var m = /^#click=(v[0-9]+)$/.exec(location.hash);
  if (!m) return;
  document.querySelector('[data-v="' + m[1] + '"]').click();
  var hl = document.querySelectorAll('.hl');
  var cols = new Set();
  hl.forEach(function (e) { cols.add(e.closest('.col').id); });
  document.body.dataset.highlighted = hl.length;
  document.body.dataset.columns = cols.size;
  document.body.dataset.value = m[1];
});
document.addEventListener('click', function (ev) {
  var t = ev.target.closest('[data-v],[data-b],[data-line],.head');
  if (!t) return;
  if (t.classList.contains('head')) { t.parentElement.classList.toggle('collapsed'); return; }
  if (t.dataset.v) toggle('hl', 'data-v', t.dataset.v);
  else if (t.dataset.b) toggle('hl', 'data-b', t.dataset.b);
  else if (t.dataset.line) toggle('hl2', 'data-line', t.dataset.line);
});
"##;

/// The value's line as text, and the same for its position attribute.
fn value_html(v: &Value, tt: &TypeTable, dead: bool, escapes: Option<bool>, line_of: &dyn Fn(u32) -> Option<u32>) -> String {
    let line = line_of(v.pos);
    let ty = if v.ty == INVALID { "void".to_string() } else { tt.name(v.ty) };
    let mut s = String::new();
    let cls = if dead { " dead" } else { "" };
    let line_attr = line.map(|l| format!(" data-line=\"{}\"", l)).unwrap_or_default();
    s.push_str(&format!("<div class=\"value{}\"{}>", cls, line_attr));
    s.push_str(&format!("<span class=\"vname\" data-v=\"v{}\">v{}</span>", v.id, v.id));
    s.push_str(&format!(" ({}) = {} &lt;{}&gt;", line.map(|l| l.to_string()).unwrap_or("?".into()), v.op.name(), esc(&ty)));
    for a in &v.args {
        s.push_str(&format!(" <span class=\"vname\" data-v=\"v{}\">v{}</span>", a, a));
    }
    s.push_str(&esc(&aux_string(&v.aux, tt)));
    if let Some(r) = v.rule {
        s.push_str(&format!(" <span class=\"rule\" title=\"rewritten by opt\">({})</span>", esc(r)));
    }
    // Escape analysis's decision on an allocation.
    match escapes {
        Some(true) => s.push_str(" <span class=\"esc\" title=\"escape analysis: escapes, allocated on the heap\">(escapes)</span>"),
        Some(false) => s.push_str(" <span class=\"esc\" title=\"escape analysis: does not escape, allocated in the frame\">(does not escape)</span>"),
        None => {}
    }
    s.push_str("</div>");
    s
}

fn func_html(f: &Func, next: Option<&Func>, tt: &TypeTable, line_of: &dyn Fn(u32) -> Option<u32>) -> String {
    let mut s = String::new();
    for b in f.live_blocks() {
        s.push_str(&format!("<div class=\"block\"><div><span class=\"bname\" data-b=\"b{}\">b{}</span>:", b.id, b.id));
        if !b.preds.is_empty() {
            s.push_str(" &larr;");
        }
        for p in &b.preds {
            s.push_str(&format!(" <span class=\"bname\" data-b=\"b{}\">b{}</span>", p, p));
        }
        s.push_str("</div>");
        for &v in &b.values {
            let dead = next.map_or(false, |n| (v as usize) >= n.dead_values.len() || n.dead_values[v as usize]);
            s.push_str(&value_html(f.v(v), tt, dead, f.esc_decisions.get(&v).copied(), line_of));
        }
        // The block's end with clickable references.
        let mut end = esc(&block_end(b));
        for id in b.succs.iter() {
            end = end.replacen(&format!("b{}", id), &format!("<span class=\"bname\" data-b=\"b{}\">b{}</span>", id, id), 1);
        }
        let ctrl: Vec<ValueId> = match &b.kind {
            BlockKind::If(c) => vec![*c],
            BlockKind::Ret(vs) => vs.clone(),
            _ => vec![],
        };
        for c in ctrl {
            end = end.replacen(&format!("v{}", c), &format!("<span class=\"vname\" data-v=\"v{}\">v{}</span>", c, c), 1);
        }
        s.push_str(&format!("<span class=\"end\">{}</span></div>", end));
    }
    s
}

/// The CFG as SVG: blocks in layers by longest forward path from the entry, edges as lines,
/// back edges dashed and routed on the right.
pub fn cfg_svg(f: &Func) -> String {
    let an = Analysis::new(f);
    let back: HashSet<(BlockId, BlockId)> = an.back_edges.iter().copied().collect();
    let mut layer: HashMap<BlockId, usize> = HashMap::default();
    for &b in &an.rpo {
        let l = f.blocks[b as usize].preds.iter().filter(|&&p| !back.contains(&(p, b)) && layer.contains_key(&p)).map(|p| layer[p] + 1).max().unwrap_or(0);
        layer.insert(b, l);
    }
    let mut rows: Vec<Vec<BlockId>> = vec![];
    for &b in &an.rpo {
        let l = layer[&b];
        if rows.len() <= l {
            rows.resize(l + 1, vec![]);
        }
        rows[l].push(b);
    }
    let (w, h, gx, gy) = (54.0, 22.0, 24.0, 30.0);
    let width = rows.iter().map(|r| r.len()).max().unwrap_or(1) as f64 * (w + gx) + 60.0;
    let height = rows.len() as f64 * (h + gy) + 10.0;
    let mut pos: HashMap<BlockId, (f64, f64)> = HashMap::default();
    for (i, row) in rows.iter().enumerate() {
        let row_w = row.len() as f64 * (w + gx) - gx;
        for (j, &b) in row.iter().enumerate() {
            pos.insert(b, ((width - 60.0 - row_w) / 2.0 + j as f64 * (w + gx), 5.0 + i as f64 * (h + gy)));
        }
    }
    let mut s = format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0}\" height=\"{:.0}\" font-family=\"monospace\" font-size=\"11\">", width, height);
    s.push_str("<defs><marker id=\"arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#555\"/></marker></defs>");
    for &b in &an.rpo {
        let (x, y) = pos[&b];
        for &t in &f.blocks[b as usize].succs {
            let Some(&(tx, ty)) = pos.get(&t) else { continue };
            if back.contains(&(b, t)) {
                let (x1, y1, x2, y2) = (x + w, y + h / 2.0, tx + w, ty + h / 2.0);
                let cx = x1.max(x2) + 30.0;
                s.push_str(&format!("<path class=\"back\" d=\"M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"none\" stroke=\"#c22\" marker-end=\"url(#arrow)\"><title>back edge b{} -&gt; b{}</title></path>", x1, y1, cx, y1, cx, y2, x2, y2, b, t));
            } else {
                s.push_str(&format!("<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>", x + w / 2.0, y + h, tx + w / 2.0, ty - 1.0));
            }
        }
    }
    for &b in &an.rpo {
        let (x, y) = pos[&b];
        let fill = if an.loop_headers.contains(&b) { "#ffe9d6" } else { "#eef" };
        s.push_str(&format!("<g class=\"bname\" data-b=\"b{}\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"{}\" stroke=\"#446\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">b{}</text></g>", b, x, y, w, h, fill, x + w / 2.0, y + 15.0, b));
    }
    s.push_str("</svg>");
    s
}

pub fn render(input: &HtmlInput) -> String {
    let line_of = input.line_of;
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
    out.push_str(&esc(&input.name));
    out.push_str("</title><style>");
    out.push_str(CSS);
    out.push_str("</style></head><body>\n");
    out.push_str(&format!("<h1>{}</h1>\n<p>Click a value or block to highlight it in every column, a source line to highlight its values, a column's title to collapse it. Grey values are removed by the next pass; green notes name the opt rule that made a value; dashed red edges in the CFG are back edges.</p>\n<div id=\"columns\">\n", esc(&input.name)));
    // Source.
    out.push_str("<div class=\"col src\" id=\"col-sources\"><div class=\"head\">sources</div><div class=\"body\">");
    for (l, text) in &input.source {
        out.push_str(&format!("<div class=\"line\" data-line=\"{}\">{:>4} {}</div>", l, l, esc(text)));
    }
    out.push_str("</div></div>\n");
    out.push_str(&format!("<div class=\"col\" id=\"col-ast\"><div class=\"head\">AST</div><div class=\"body\">{}</div></div>\n", esc(&input.ast)));
    // SSA columns: consecutive passes with the same text share one.
    let texts: Vec<String> = input.snapshots.iter().map(|s| func_html(&s.func, None, input.tt, line_of)).collect();
    let mut groups: Vec<(Vec<&str>, usize)> = vec![];
    for (i, s) in input.snapshots.iter().enumerate() {
        match groups.last_mut() {
            Some((names, first)) if texts[*first] == texts[i] => names.push(&s.pass),
            _ => groups.push((vec![&s.pass], i)),
        }
    }
    let cfg_cols: HashSet<usize> = match &input.cfg_range {
        Some((a, b)) => {
            let idx = |n: &str| input.snapshots.iter().position(|s| s.pass == n);
            match (idx(a), idx(b)) {
                (Some(i), Some(j)) => (i..=j).collect(),
                _ => HashSet::default(),
            }
        }
        None => [0, input.snapshots.len().saturating_sub(1)].into_iter().collect(),
    };
    for (gi, (names, first)) in groups.iter().enumerate() {
        // The last snapshot of the group is the state the next group starts from.
        let last = groups.get(gi + 1).map(|g| g.1 - 1).unwrap_or(input.snapshots.len() - 1);
        let next = groups.get(gi + 1).map(|g| &input.snapshots[g.1].func);
        let f = &input.snapshots[last].func;
        let id = names[0].replace(' ', "-");
        out.push_str(&format!("<div class=\"col ssa\" id=\"col-{}\"><div class=\"head\" title=\"{}\">{}</div><div class=\"body\">", id, esc(&names.join(", ")), esc(&names.join(" + "))));
        if (*first..=last).any(|i| cfg_cols.contains(&i)) {
            out.push_str(&cfg_svg(f));
        }
        out.push_str(&func_html(f, next, input.tt, line_of));
        out.push_str("</div></div>\n");
    }
    let machine = format!("machine code ({})", input.target);
    for (id, title, text) in [("clif", "Cranelift IR", &input.clif_before), ("clif-opt", "Cranelift IR, optimised", &input.clif_after), ("asm", machine.as_str(), &input.machine)] {
        out.push_str(&format!("<div class=\"col\" id=\"col-{}\"><div class=\"head\">{}</div><div class=\"body\">{}</div></div>\n", id, title, esc(text)));
    }
    out.push_str("</div>\n<script>");
    out.push_str(JS);
    out.push_str("</script>\n</body></html>\n");
    out
}
