//! [`Tables`]: the one owned set of tables, a [`Table`] per kind, generated from the list of
//! kinds. The dataset, the link indexes and the loader all hold or build this one struct.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{Suggestion, Table};
use crate::error::NotFound;
use crate::model::record::Quoted;
use crate::model::{Agreement, AnyRecord, Document, Forum, Kind, Organization, Place, Project, Record, Speaker};

/// What the crate's generic code needs of a kind: a record it can parse, write and find in
/// [`Tables`].
pub(crate) trait Stored: Record + Quoted + Serialize + DeserializeOwned {}

/// Something done to every table in turn (see [`Tables::visit`]); it may keep borrows of
/// the tables for `'t`.
pub(crate) trait TableVisitor<'t> {
    /// Called once per kind, in the order of [`Kind::ALL`].
    fn visit<T: Stored>(&mut self, table: &'t Table<T>);
}

/// Something done to every table in turn, mutably (see [`Tables::visit_mut`]).
pub(crate) trait TableVisitorMut {
    /// Called once per kind, in the order of [`Kind::ALL`].
    fn visit_mut<T: Stored>(&mut self, table: &mut Table<T>);
}

/// Something that makes every table in turn (see [`Tables::build`]).
pub(crate) trait TableBuilder {
    /// Called once per kind, in the order of [`Kind::ALL`].
    fn build<T: Stored>(&mut self) -> Table<T>;
}

macro_rules! tables {
    ($(($ty:ident, $field:ident, $id:ident, $text:literal, $file:literal, $what:literal)),+ $(,)?) => {
        /// One table per kind. Equality, serialisation (an object with a key per kind) and the
        /// empty default are derived, so they follow the list of kinds.
        #[derive(Clone, Debug, Default, PartialEq, Serialize)]
        pub(crate) struct Tables {
            $(
                #[doc = $what]
                pub(crate) $field: Table<$ty>,
            )+
        }

        impl Tables {
            /// Calls `v` with every table, in the order of the kinds.
            pub(crate) fn visit<'t, V: TableVisitor<'t>>(&'t self, v: &mut V) {
                $(v.visit(&self.$field);)+
            }

            /// Calls `v` with every table, mutably, in the order of the kinds.
            pub(crate) fn visit_mut<V: TableVisitorMut>(&mut self, v: &mut V) {
                $(v.visit_mut(&mut self.$field);)+
            }

            /// Builds every table with `b`, in the order of the kinds.
            pub(crate) fn build<B: TableBuilder>(b: &mut B) -> Self {
                Self { $($field: b.build(),)+ }
            }

            /// The position of the record of `kind` with this id (ignoring ASCII case).
            pub(crate) fn position(&self, kind: Kind, id: &str) -> Option<u32> {
                match kind {
                    $(Kind::$ty => self.$field.position(id),)+
                }
            }

            /// The position of the record of `kind` with this id, or else this name or alias.
            pub(crate) fn position_of(&self, kind: Kind, q: &str) -> Option<u32> {
                match kind {
                    $(Kind::$ty => self.$field.position_of(q),)+
                }
            }

            /// What to say when `q` names no record of `kind`: the closest names of that
            /// kind, and the other kinds it does name.
            pub(crate) fn not_found(&self, kind: Kind, q: &str) -> NotFound {
                let mut e = match kind {
                    $(Kind::$ty => self.$field.not_found(q),)+
                };
                e.elsewhere = Kind::ALL.iter().copied().filter(|&k| k != kind && self.position_of(k, q).is_some()).collect();
                e
            }

            /// Each kind's closest names to `q`, at most `n` per kind, in the order of the kinds.
            pub(crate) fn suggest(&self, q: &str, n: usize) -> Vec<Suggestion<'_, AnyRecord<'_>>> {
                let mut out = Vec::new();
                $(
                    out.extend(self.$field.suggest(q, n).into_iter().map(|s| Suggestion {
                        record: AnyRecord::$ty(s.record),
                        name: s.name,
                        distance: s.distance,
                    }));
                )+
                out
            }

            /// The record of `kind` at `position`.
            pub(crate) fn record(&self, kind: Kind, position: u32) -> Option<AnyRecord<'_>> {
                match kind {
                    $(Kind::$ty => self.$field.as_slice().get(position as usize).map(AnyRecord::$ty),)+
                }
            }

            /// How many records of `kind` there are.
            pub(crate) fn len_of(&self, kind: Kind) -> usize {
                match kind {
                    $(Kind::$ty => self.$field.len(),)+
                }
            }
        }

        $(impl Stored for $ty {})+
    };
}

for_each_kind!(tables);
