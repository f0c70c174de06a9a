//! Indexes: the per-kind [`Table`] (lookup by id and by name, under the rule in `name.rs`),
//! the [`Tables`] of a dataset, the link, search and suggestion indexes, and the quote and
//! line indexes the loader uses to find each quote and report positions. The lists that a
//! single filter alone reads are built in that filter's file under `query/` (see
//! `links.rs`).

pub(crate) mod lines;
pub(crate) mod links;
pub(crate) mod mentions;
pub(crate) mod name;
pub(crate) mod quotes;
pub(crate) mod search;
mod suggest;
mod table;
pub(crate) mod tables;

pub(crate) use table::Clash;
pub use table::{Suggestion, Table};
pub(crate) use tables::{Stored, TableBuilder, TableVisitor, TableVisitorMut, Tables};
