//! JSON-LD through serde_json: the neutral statements of `graph.rs`, grouped by subject
//! into node objects, with a context that names schema.org and the crate's vocabulary.

use serde_json::{Map, Value, json};

use super::graph::{Datatype, Object, RDF, SCHEMA, Triple, VOCAB, XSD};

/// The `@context` every JSON-LD document the crate writes carries.
fn context() -> Value {
    json!({ "schema": SCHEMA, "cs": VOCAB, "rdf": RDF, "xsd": XSD })
}

/// An IRI in compact form when one of the context's prefixes fits.
fn compact(iri: &str) -> String {
    for (prefix, ns) in [("schema", SCHEMA), ("cs", VOCAB), ("rdf", RDF), ("xsd", XSD)] {
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
    let graph: Vec<Value> = order.iter().filter_map(|s| nodes.remove(s)).map(Value::Object).collect();
    json!({ "@context": context(), "@graph": graph })
}
