//! The data model: one struct per kind of record, and the value types they share.
//!
//! Every record has an id (a readable slug), a canonical name, aliases, and the verbatim
//! [`Quote`]s it rests on. Links between records are typed ids (a [`PlaceId`], an
//! [`OrganizationId`], …) that the loader checks resolve. Closed sets are enums.

#[macro_use]
mod macros;

mod agreement;
pub(crate) mod common;
#[macro_use]
mod kinds;
mod document;
mod forum;
mod organization;
mod place;
mod project;
pub(crate) mod record;
mod speaker;

pub use agreement::*;
pub use common::*;
pub use document::*;
pub use forum::*;
pub use kinds::{AnyRecord, Kind};
pub use organization::*;
pub use place::*;
pub use project::*;
pub(crate) use record::sealed::Describe;
pub(crate) use record::sealed::Visitor;
pub use record::{EventKind, Link, Record, Relation, Role, Target, TextKind};
pub use speaker::*;

/// Implements [`Record`] for a struct with `id`, `name`, `aliases` and `quotes` fields.
macro_rules! impl_record {
    ($ty:ty, $kind:expr, $name_field:ident) => {
        impl_record!($ty, $kind, $name_field, |r: &$ty| r.name_source);
    };
    ($ty:ty, $kind:expr, $name_field:ident, $source:expr) => {
        impl $crate::model::Record for $ty {
            const KIND: $crate::model::Kind = $kind;
            fn name_source(&self) -> $crate::model::NameSource {
                ($source)(self)
            }
            fn id(&self) -> &str {
                self.id.as_str()
            }
            fn name(&self) -> &str {
                &self.$name_field
            }
            fn aliases(&self) -> &[$crate::model::Alias] {
                &self.aliases
            }
            fn quotes(&self) -> &[$crate::model::Quote] {
                &self.quotes
            }
        }

        impl $crate::model::record::Quoted for $ty {
            fn quotes_mut(&mut self) -> &mut [$crate::model::Quote] {
                &mut self.quotes
            }
        }
    };
}
pub(crate) use impl_record;
