//! Writes the dataset's graph as Graphviz DOT: one node per record, coloured by kind and
//! grouped by the article its quotes come from; one edge per link, labelled with the
//! relation; links the text states are solid, links known another way (context, a name,
//! geography, common usage) are dashed. A country is a node, its place record (as in the
//! linked data); a name two records share is followed by their kinds, so every label names
//! one record.
//!
//! ```sh
//! cargo run -p china-singapore-dev --example graph > docs/graph.dot
//! cargo run -p china-singapore-dev --example graph -- --around CSGKC   # one record and its neighbours
//! scripts/render-graph.sh   # renders docs/ (installs graphviz if missing)
//! ```
//!
//! CI checks that the committed `docs/*.dot` files are what this example writes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;

use china_singapore::{AnyRecord, Dataset, Kind, model::Target};
use clap::Parser;

/// Write the dataset's graph as Graphviz DOT.
#[derive(Parser)]
struct Args {
    /// Only this record (an id, name or alias of any kind) and the records it links to or
    /// that link to it.
    #[arg(long)]
    around: Option<String>,
}

/// A fill colour per kind (ColorBrewer Set3, readable with black text).
fn colour(kind: Kind) -> &'static str {
    match kind {
        Kind::Document => "#d9d9d9",
        Kind::Place => "#8dd3c7",
        Kind::Organization => "#ffffb3",
        Kind::Project => "#fb8072",
        Kind::Agreement => "#80b1d3",
        Kind::Forum => "#fdb462",
        Kind::Speaker => "#bc80bd",
    }
}

/// A record, as (kind, id).
type Node = (Kind, String);

/// The record called `name` and every record it links to or that links to it.
fn neighbourhood(ds: &Dataset, name: &str) -> Option<BTreeSet<Node>> {
    let centre = ds.lookup(name).ok()?;
    let mut keep = BTreeSet::from([(centre.kind(), centre.id().to_owned())]);
    for r in ds.records() {
        for link in r.links() {
            let Some((kind, id)) = target(ds, link.target) else { continue };
            if (r.kind(), r.id()) == (centre.kind(), centre.id()) {
                keep.insert((kind, id.to_owned()));
            } else if (kind, id) == (centre.kind(), centre.id()) {
                keep.insert((r.kind(), r.id().to_owned()));
            }
        }
    }
    Some(keep)
}

fn kept(keep: Option<&BTreeSet<Node>>, kind: Kind, id: &str) -> bool {
    keep.is_none_or(|k| k.contains(&(kind, id.to_owned())))
}

/// The record a link points at: a record, or a country's place record.
fn target<'a>(ds: &Dataset, t: Target<'a>) -> Option<(Kind, &'a str)> {
    match t {
        Target::Record(kind, id) => Some((kind, id)),
        Target::Country(c) => ds.places().by_id(c.as_str()).map(|_| (Kind::Place, c.as_str())),
    }
}

/// The label of a record: its name, wrapped, followed by its kind when another record has
/// the same name.
fn node_label(ds: &Dataset, r: &AnyRecord<'_>) -> String {
    let shared = ds.records().filter(|o| o.name() == r.name()).count() > 1;
    let name = wrap(r.name(), 18);
    if shared { format!("{name}\n({})", r.kind()) } else { name }
}

fn main() {
    let args = Args::parse();
    // Panics with every diagnostic only if the embedded data were invalid (tests rule it out).
    let ds = china_singapore::dataset();
    let keep = match &args.around {
        None => None,
        Some(name) => match neighbourhood(ds, name) {
            Some(keep) => Some(keep),
            None => {
                eprintln!("graph: no record is called {name:?}");
                std::process::exit(2);
            }
        },
    };
    let dot = dot(ds, keep.as_ref());
    if let Err(e) = std::io::stdout().lock().write_all(dot.as_bytes()) {
        eprintln!("graph: {e}");
        std::process::exit(1);
    }
}

/// A DOT string: `"id"` with `"` and `\` escaped.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn node_id(kind: Kind, id: &str) -> String {
    quoted(&format!("{kind}:{id}"))
}

/// A name broken into lines of about `width` characters, for a compact node.
fn wrap(name: &str, width: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for word in name.split_whitespace() {
        let line = lines.last_mut().map(|l| l.len()).unwrap_or(0);
        if line > 0 && line + word.len() > width {
            lines.push(String::new());
        }
        if let Some(l) = lines.last_mut() {
            if !l.is_empty() {
                l.push(' ');
            }
            l.push_str(word);
        }
    }
    lines.join("\n")
}

/// The articles a record quotes: the cluster it is drawn in.
fn articles(r: &AnyRecord<'_>) -> BTreeSet<String> {
    r.quotes().iter().map(|q| q.document.to_string()).collect()
}

fn dot(ds: &Dataset, keep: Option<&BTreeSet<Node>>) -> String {
    let mut out = String::new();
    out.push_str("digraph china_singapore {\n");
    // A close-up is drawn tighter and its names wrapped shorter, so that at 72 dpi it is
    // about as wide as a README page and its text reads without zooming.
    let (ranksep, fontsize, edge_fontsize) = if keep.is_some() { (0.25, 12, 10) } else { (0.9, 11, 9) };
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=18, nodesep=0.12, ranksep={ranksep}, newrank=true];"
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize={fontsize}, margin=\"0.08,0.03\"];"
    );
    let _ = writeln!(
        out,
        "  edge [fontname=\"Helvetica\", fontsize={edge_fontsize}, color=\"#555555\", fontcolor=\"#333333\", arrowsize=0.6];"
    );
    clusters(ds, keep, &mut out);
    edges(ds, keep, &mut out);
    if keep.is_none() {
        legend(&mut out);
    }
    out.push_str("}\n");
    out
}

/// One cluster per article (and one for records quoting both), holding their records.
fn clusters(ds: &Dataset, keep: Option<&BTreeSet<Node>>, out: &mut String) {
    let mut groups: BTreeMap<Vec<String>, Vec<AnyRecord<'_>>> = BTreeMap::new();
    for r in ds.records().filter(|r| kept(keep, r.kind(), r.id())) {
        groups.entry(articles(&r).into_iter().collect()).or_default().push(r);
    }
    for (i, (docs, records)) in groups.iter().enumerate() {
        let label = match docs.as_slice() {
            [] => "Quoting no article".to_owned(),
            [one] => article(ds, one),
            _ => "Quoting both articles".to_owned(),
        };
        let _ = writeln!(out, "  subgraph cluster_{i} {{");
        let _ = writeln!(out, "    label={}; style=\"rounded\"; color=\"#999999\";", quoted(&label));
        for r in records {
            let _ = writeln!(
                out,
                "    {} [label={}, fillcolor=\"{}\"];",
                node_id(r.kind(), r.id()),
                quoted(&node_label(ds, r)),
                colour(r.kind())
            );
        }
        out.push_str("  }\n");
    }
}

/// "Article 1: " and the article's title up to its colon, wrapped.
fn article(ds: &Dataset, id: &str) -> String {
    let Some((n, doc)) = ds.documents().iter().enumerate().find(|(_, d)| d.id == id) else { return id.to_owned() };
    let short = doc.title.split(':').next().unwrap_or(&doc.title).trim();
    format!("Article {}: {}", n + 1, wrap(short, 48))
}

/// One edge per link between two records drawn.
fn edges(ds: &Dataset, keep: Option<&BTreeSet<Node>>, out: &mut String) {
    for r in ds.records().filter(|r| kept(keep, r.kind(), r.id())) {
        for link in r.links() {
            let Some((kind, id)) = target(ds, link.target) else { continue };
            if !kept(keep, kind, id) {
                continue;
            }
            let style = if link.basis.is_inferred() { "dashed" } else { "solid" };
            let (from, to, label) = (node_id(r.kind(), r.id()), node_id(kind, id), quoted(link.relation.as_str()));
            let _ = writeln!(out, "  {from} -> {to} [label={label}, style={style}];");
        }
    }
}

/// A key to the colours and line styles, in one row.
fn legend(out: &mut String) {
    out.push_str("  subgraph cluster_legend {\n    label=\"Key\"; style=\"rounded\"; color=\"#999999\";\n");
    for kind in Kind::ALL {
        let _ = writeln!(out, "    \"key:{kind}\" [label=\"{kind}\", fillcolor=\"{}\"];", colour(*kind));
    }
    out.push_str("    \"key:a\" [label=\"\", shape=point]; \"key:b\" [label=\"\", shape=point];\n");
    out.push_str("    \"key:c\" [label=\"\", shape=point]; \"key:d\" [label=\"\", shape=point];\n");
    out.push_str("    \"key:a\" -> \"key:b\" [label=\"stated\", style=solid];\n");
    out.push_str("    \"key:c\" -> \"key:d\" [label=\"inferred\", style=dashed];\n");
    // Invisible edges lay the key out left to right.
    out.push_str("    ");
    for kind in Kind::ALL {
        let _ = write!(out, "\"key:{kind}\" -> ");
    }
    out.push_str("\"key:a\" [style=invis];\n  }\n");
}
