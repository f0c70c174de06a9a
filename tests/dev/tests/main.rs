//! The tests that check the crate against an independent oracle or need heavy crates:
//! filters against a plain scan, SPARQL in Oxigraph against the API, property tests, and
//! the CSV export read back by the csv crate. They live in this workspace member so that
//! none of those crates is compiled for the crate's users or its quickstart.

#[path = "../../common/mod.rs"]
mod common;

mod export;
mod oracle;
mod props;
#[cfg(feature = "rdf")]
mod rdf;
