//! JSON-LD through serde_json: the neutral statements of `graph.rs`, grouped by subject
//! into node objects, with a context that names schema.org and the crate's vocabulary.

use std::io::Write;

use serde_json::{Map, Value, json};

use super::graph::{Datatype, OA, Object, RDF, SCHEMA, Triple, VOCAB, XSD};

/// The `@context` every JSON-LD document the crate writes carries.
fn context() -> Value {
    json!({ "schema": SCHEMA, "cs": VOCAB, "rdf": RDF, "xsd": XSD, "oa": OA })
}

/// An IRI in compact form when one of the context's prefixes fits.
fn compact(iri: &str) -> String {
    for (prefix, ns) in [("schema", SCHEMA), ("cs", VOCAB), ("rdf", RDF), ("xsd", XSD), ("oa", OA)] {
        if let Some(local) = iri.strip_prefix(ns) {
            return format!("{prefix}:{local}");
        }
    }
    iri.to_owned()
}

fn value(object: &Object) -> Value {
    match object {
        Object::Node(iri) => json!({ "@id": iri }),
        Object::Literal(text, Datatype::String) => Value::String(text.clone()),
        Object::Literal(text, dt) => json!({ "@value": text, "@type": compact(&dt.iri()) }),
    }
}

/// A JSON-LD document: `{"@context": …, "@graph": [node, …]}`, one node object per
/// subject, in the order subjects first appear.
pub(crate) fn document(triples: &[Triple]) -> Value {
    json!({ "@context": context(), "@graph": nodes(triples) })
}

/// Writes the dataset as one JSON-LD document, a record's nodes at a time (a record's
/// statements are about its own nodes, so none is split), escaped by [`ScriptSafe`].
pub(crate) fn write(ds: &crate::Dataset, mut out: impl Write) -> std::io::Result<()> {
    out.write_all(b"{\"@context\":")?;
    write_safe(&mut out, &context())?;
    out.write_all(b",\"@graph\":[")?;
    let mut first = true;
    super::graph::each_record(ds, |triples| {
        for node in nodes(triples) {
            if !std::mem::take(&mut first) {
                out.write_all(b",")?;
            }
            write_safe(&mut out, &node)?;
        }
        Ok::<(), std::io::Error>(())
    })?;
    out.write_all(b"]}\n")?;
    out.flush()
}

/// `value` as JSON text through [`ScriptSafe`].
pub(crate) fn write_safe(out: &mut impl Write, value: &Value) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, ScriptSafe);
    serde::Serialize::serialize(value, &mut ser).map_err(std::io::Error::other)
}

/// Compact JSON with `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX` inside strings:
/// the same data, and text an HTML page can hold in a `<script>` element (no `</script>`,
/// no `<!--`) and that older JavaScript parses.
struct ScriptSafe;

impl serde_json::ser::Formatter for ScriptSafe {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        let mut last = 0;
        for (i, c) in fragment.char_indices().filter(|&(_, c)| matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}')) {
            w.write_all(&fragment.as_bytes()[last..i])?;
            write!(w, "\\u{:04x}", u32::from(c))?;
            last = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[last..])
    }
}

/// One node object per subject of `triples`, in the order subjects first appear.
fn nodes(triples: &[Triple]) -> Vec<Value> {
    let mut order: Vec<&str> = Vec::new();
    let mut nodes: std::collections::HashMap<&str, Map<String, Value>> = std::collections::HashMap::new();
    for t in triples {
        let node = nodes.entry(&t.subject).or_insert_with(|| {
            order.push(&t.subject);
            let mut m = Map::new();
            m.insert("@id".to_owned(), Value::String(t.subject.clone()));
            m
        });
        let (key, v) = match (&t.object, t.predicate.strip_prefix(RDF)) {
            (Object::Node(class), Some("type")) => ("@type".to_owned(), Value::String(compact(class))),
            (object, _) => (compact(&t.predicate), value(object)),
        };
        // Every key but `@id` (never a predicate) holds an array.
        if let Value::Array(values) = node.entry(key).or_insert_with(|| Value::Array(Vec::new())) {
            values.push(v);
        }
    }
    order.iter().filter_map(|s| nodes.remove(s)).map(Value::Object).collect()
}
