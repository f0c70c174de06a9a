//! Indexes: the per-kind [`Table`] (lookup by id and by name), the [`Tables`] of a dataset,
//! and the link indexes behind filters and navigation.

pub(crate) mod key;
pub(crate) mod links;
pub(crate) mod search;
mod suggest;
mod table;
pub(crate) mod tables;

pub(crate) use table::Clash;
pub use table::{Suggestion, Table};
pub(crate) use tables::{Stored, TableBuilder, TableVisitor, TableVisitorMut, Tables};
