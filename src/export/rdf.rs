//! Turtle and N-Triples through oxrdf and oxttl (the `rdf` feature): the neutral
//! statements of `graph.rs` as oxrdf triples.

use std::io::Write;

use oxrdf::{Literal, NamedNode, Triple};
use oxttl::{NTriplesSerializer, TurtleSerializer};

use super::graph::{self, BASE_IRI, Datatype, OA, Object, RDF, SCHEMA, VOCAB, XSD};
use crate::{Dataset, Kind};

/// Why an RDF export failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RdfError {
    /// A node's IRI was not a valid IRI (an id the loader let through that no IRI can hold).
    #[error("`{iri}` is not a valid IRI: {source}")]
    Iri {
        /// The text that was to be an IRI.
        iri: String,
        /// What is wrong with it.
        source: oxrdf::IriParseError,
    },
    /// Writing failed.
    #[error("could not write the RDF: {0}")]
    Io(#[from] std::io::Error),
}

fn node(iri: &str) -> Result<NamedNode, RdfError> {
    NamedNode::new(iri).map_err(|source| RdfError::Iri { iri: iri.to_owned(), source })
}

fn convert(t: &graph::Triple) -> Result<Triple, RdfError> {
    let object: oxrdf::Term = match &t.object {
        Object::Node(iri) => node(iri)?.into(),
        Object::Literal(text, Datatype::String) => Literal::new_simple_literal(text).into(),
        Object::Literal(text, dt) => Literal::new_typed_literal(text, node(&dt.iri())?).into(),
    };
    Ok(Triple::new(node(&t.subject)?, node(&t.predicate)?, object))
}

/// The whole dataset as oxrdf triples, to insert into a graph or a store of your own.
/// The vocabulary is described in the [module docs](super).
///
/// # Errors
///
/// [`RdfError::Iri`] if a record's id cannot be part of an IRI.
///
/// ```
/// let triples = china_singapore::export::rdf_triples(china_singapore::dataset()).unwrap();
/// assert!(triples.iter().any(|t| t.predicate.as_str() == "https://schema.org/name"));
/// ```
pub fn rdf_triples(ds: &Dataset) -> Result<Vec<Triple>, RdfError> {
    graph::dataset_triples(ds).iter().map(convert).collect()
}

/// Writes the whole dataset as Turtle, a record at a time (memory bounded by the largest
/// record), with prefixes for schema.org (`schema:`), the
/// crate's vocabulary (`cs:`) and each kind's records (`project:`, `forum:`, …).
///
/// # Errors
///
/// [`RdfError::Io`] if writing fails; [`RdfError::Iri`] as [`rdf_triples`].
///
/// ```
/// let mut out = Vec::new();
/// china_singapore::export::write_turtle(china_singapore::dataset(), &mut out).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains("@prefix schema: <https://schema.org/>"));
/// ```
pub fn write_turtle(ds: &Dataset, out: impl Write) -> Result<(), RdfError> {
    let prefixes = [("schema", SCHEMA), ("cs", VOCAB), ("rdf", RDF), ("xsd", XSD), ("oa", OA)];
    let kinds = Kind::ALL.iter().map(|k| (k.as_str(), format!("{BASE_IRI}{k}:")));
    let mut s = TurtleSerializer::new();
    for (name, iri) in prefixes.iter().map(|&(n, i)| (n, i.to_owned())).chain(kinds) {
        s = s.with_prefix(name, iri.as_str()).map_err(|source| RdfError::Iri { iri, source })?;
    }
    let mut w = s.for_writer(out);
    graph::each_record(ds, |triples| {
        for t in triples {
            w.serialize_triple(&convert(t)?)?;
        }
        Ok::<(), RdfError>(())
    })?;
    w.finish()?.flush()?;
    Ok(())
}

/// Writes the whole dataset as N-Triples, one statement per line, a record at a time.
///
/// # Errors
///
/// [`RdfError::Io`] if writing fails; [`RdfError::Iri`] as [`rdf_triples`].
///
/// ```
/// let mut out = Vec::new();
/// china_singapore::export::write_ntriples(china_singapore::dataset(), &mut out).unwrap();
/// assert!(String::from_utf8(out).unwrap().lines().all(|l| l.ends_with(" .")));
/// ```
pub fn write_ntriples(ds: &Dataset, out: impl Write) -> Result<(), RdfError> {
    let mut w = NTriplesSerializer::new().for_writer(out);
    graph::each_record(ds, |triples| {
        for t in triples {
            w.serialize_triple(&convert(t)?)?;
        }
        Ok::<(), RdfError>(())
    })?;
    w.finish().flush()?;
    Ok(())
}
