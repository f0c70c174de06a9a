//! Indexes: the per-kind [`Table`] (lookup by id and by name, under the rule in `name.rs`),
//! the [`Tables`] of a dataset, and the link, search and suggestion indexes.

pub(crate) mod links;
pub(crate) mod name;
pub(crate) mod search;
mod suggest;
mod table;
pub(crate) mod tables;

pub(crate) use table::Clash;
pub use table::{Suggestion, Table};
pub(crate) use tables::{Stored, TableBuilder, TableVisitor, TableVisitorMut, Tables};
