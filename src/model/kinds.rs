//! The one list of record kinds.
//!
//! `for_each_kind!(callback)` calls `callback!` with one tuple per kind:
//! `(Type, table field, id type, JSON spelling, record file, what it holds)`. Everything that
//! exists once per kind is generated from this list: the [`Kind`] enum, [`AnyRecord`], the
//! typed ids' [`RecordId`] impls, the dataset's tables and accessors, and the loader's
//! per-kind steps. Adding a kind is a line here plus its struct (see `data/README.md`).

/// Calls `$callback!` with the list of kinds.
macro_rules! for_each_kind {
    ($callback:ident) => {
        $callback! {
            (Document, documents, DocumentId, "document", "documents.json", "The source documents."),
            (Place, places, PlaceId, "place", "places.json", "Countries, provinces, cities, regions and venues."),
            (Organization, organizations, OrganizationId, "organization", "organizations.json",
                "Companies, governments, universities and other bodies."),
            (Project, projects, ProjectId, "project", "projects.json",
                "Parks, institutes, zones, production bases, programmes and initiatives."),
            (Agreement, agreements, AgreementId, "agreement", "agreements.json",
                "MOUs, contracts, strategic agreements, regulations and trade agreements."),
            (Forum, forums, ForumId, "forum", "forums.json", "Council meetings, forums, expos and roundtables."),
            (Speaker, speakers, SpeakerId, "speaker", "speakers.json",
                "People who speak, sign or are quoted, named or not."),
        }
    };
}

use core::fmt;

use super::record::{Link, Record};
use super::{Agreement, Alias, Document, Forum, Organization, Place, Project, Quote, Speaker};

macro_rules! kinds_in_model {
    ($(($ty:ident, $field:ident, $id:ident, $text:literal, $file:literal, $what:literal)),+ $(,)?) => {
        closed_enum! {
            /// The kinds of record, one JSON file each under `data/`.
            pub enum Kind {
                $(
                    #[doc = concat!("[`", stringify!($ty), "`]: `", $file, "`.")]
                    $ty = $text
                ),+
            }
        }

        impl Kind {
            /// The file, relative to a data directory, that holds records of this kind.
            ///
            /// ```
            /// assert_eq!(china_singapore::Kind::Project.file_name(), "projects.json");
            /// ```
            pub fn file_name(self) -> &'static str {
                match self {
                    $(Kind::$ty => $file,)+
                }
            }

            /// The position of this kind in [`Kind::ALL`], for per-kind arrays.
            pub(crate) fn index(self) -> usize {
                self as usize
            }
        }

        /// A record of any kind, borrowed from a dataset: what a search hit, a link target
        /// or a timeline event refers to.
        ///
        /// ```
        /// use china_singapore::{AnyRecord, Kind};
        /// let ds = china_singapore::dataset();
        /// let rec = ds.lookup("guangzhou").unwrap();
        /// assert!(matches!(rec, AnyRecord::Place(p) if p.name == "Guangzhou"));
        /// assert_eq!(rec.kind(), Kind::Place);
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum AnyRecord<'a> {
            $(
                #[doc = concat!("A [`", stringify!($ty), "`].")]
                $ty(&'a $ty),
            )+
        }

        impl<'a> AnyRecord<'a> {
            /// The record's kind.
            ///
            /// ```
            /// use china_singapore::Kind;
            /// let rec = china_singapore::dataset().lookup("jcbc-18").unwrap();
            /// assert_eq!(rec.kind(), Kind::Forum);
            /// ```
            pub fn kind(&self) -> Kind {
                match self {
                    $(AnyRecord::$ty(_) => Kind::$ty,)+
                }
            }

            /// The record's id.
            ///
            /// ```
            /// use china_singapore::Kind;
            /// let rec = china_singapore::dataset().lookup("JCBC-18").unwrap();
            /// assert_eq!(rec.id(), "jcbc-18");
            /// ```
            pub fn id(&self) -> &'a str {
                match self {
                    $(AnyRecord::$ty(r) => r.id(),)+
                }
            }

            /// The record's canonical name.
            ///
            /// ```
            /// use china_singapore::Kind;
            /// let rec = china_singapore::dataset().lookup("shanghai").unwrap();
            /// assert_eq!(rec.name(), "Shanghai");
            /// ```
            pub fn name(&self) -> &'a str {
                match self {
                    $(AnyRecord::$ty(r) => r.name(),)+
                }
            }

            /// The record's aliases.
            ///
            /// ```
            /// use china_singapore::Kind;
            /// let rec = china_singapore::dataset().lookup("greater-bay-area").unwrap();
            /// assert!(rec.aliases().iter().any(|a| a.name == "GBA"));
            /// ```
            pub fn aliases(&self) -> &'a [Alias] {
                match self {
                    $(AnyRecord::$ty(r) => r.aliases(),)+
                }
            }

            /// The record's quotes.
            ///
            /// ```
            /// use china_singapore::Kind;
            /// let rec = china_singapore::dataset().lookup("shanghai").unwrap();
            /// assert!(!rec.quotes().is_empty());
            /// ```
            pub fn quotes(&self) -> &'a [Quote] {
                match self {
                    $(AnyRecord::$ty(r) => r.quotes(),)+
                }
            }

            /// The first of the record's quotes that holds `words` (see
            /// [`Record::quote_containing`]).
            ///
            /// ```
            /// use china_singapore::Kind;
            /// let rec = china_singapore::dataset().lookup("jcbc-18").unwrap();
            /// assert!(rec.quote_containing("on november 1").is_some());
            /// ```
            pub fn quote_containing(&self, words: &str) -> Option<&'a Quote> {
                super::record::quote_containing(self.quotes(), words)
            }

            /// The record's links.
            ///
            /// ```
            /// use china_singapore::Kind;
            /// let rec = china_singapore::dataset().lookup("guangzhou").unwrap();
            /// assert!(!rec.links().is_empty());
            /// ```
            pub fn links(&self) -> Vec<Link<'a>> {
                match self {
                    $(AnyRecord::$ty(r) => r.links(),)+
                }
            }
        }

        impl<'a> AnyRecord<'a> {
            /// Hands the record's links, dates, figures and texts to `v` (see `Describe`).
            pub(crate) fn describe(&self, v: &mut dyn super::record::sealed::Visitor<'a>) {
                match self {
                    $(AnyRecord::$ty(r) => super::record::sealed::Describe::describe(*r, v),)+
                }
            }

            /// The record's name source.
            pub(crate) fn name_source(&self) -> super::NameSource {
                match self {
                    $(AnyRecord::$ty(r) => r.name_source(),)+
                }
            }
        }

        impl fmt::Display for AnyRecord<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    $(AnyRecord::$ty(r) => r.fmt(f),)+
                }
            }
        }

        impl serde::Serialize for AnyRecord<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(AnyRecord::$ty(r) => r.serialize(s),)+
                }
            }
        }

        $(
            impl super::record::sealed::Sealed for $ty {
                fn as_any(&self) -> AnyRecord<'_> {
                    AnyRecord::$ty(self)
                }
            }

            impl<'a> From<&'a $ty> for AnyRecord<'a> {
                fn from(r: &'a $ty) -> Self {
                    AnyRecord::$ty(r)
                }
            }
        )+
    };
}

for_each_kind!(kinds_in_model);
