//! Indexes: the per-kind [`Table`] (lookup by id and by name) and the link indexes behind
//! filters and navigation.

pub(crate) mod key;
pub(crate) mod links;
mod table;

pub(crate) use table::Clash;
pub use table::Table;
