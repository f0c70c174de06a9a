//! The data model: one struct per kind of record, and the value types they share.
//!
//! Every record has an id (a readable slug), a canonical name, aliases, and the verbatim
//! [`Quote`]s it rests on. Links between records are typed ids (a [`PlaceId`], an
//! [`OrganizationId`], …) that the loader checks resolve. Closed sets are enums.

#[macro_use]
mod macros;

mod agreement;
mod common;
mod document;
mod forum;
mod organization;
mod place;
mod project;
mod speaker;

pub use agreement::*;
pub use common::*;
pub use document::*;
pub use forum::*;
pub use organization::*;
pub use place::*;
pub use project::*;
pub use speaker::*;

closed_enum! {
    /// The kinds of record, one JSON file each under `data/`.
    pub enum Kind {
        /// [`Document`]: `documents.json`.
        Document = "document",
        /// [`Place`]: `places.json`.
        Place = "place",
        /// [`Organization`]: `organizations.json`.
        Organization = "organization",
        /// [`Project`]: `projects.json`.
        Project = "project",
        /// [`Agreement`]: `agreements.json`.
        Agreement = "agreement",
        /// [`Forum`]: `forums.json`.
        Forum = "forum",
        /// [`Speaker`]: `speakers.json`.
        Speaker = "speaker",
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
            Kind::Document => "documents.json",
            Kind::Place => "places.json",
            Kind::Organization => "organizations.json",
            Kind::Project => "projects.json",
            Kind::Agreement => "agreements.json",
            Kind::Forum => "forums.json",
            Kind::Speaker => "speakers.json",
        }
    }
}

/// What every record has: a kind, an id, names and quotes.
///
/// ```
/// use china_singapore::Record;
/// let p = china_singapore::dataset().projects().find("CSGKC").unwrap();
/// assert_eq!(p.id(), "china-singapore-guangzhou-knowledge-city");
/// assert_eq!(p.name(), "China-Singapore Guangzhou Knowledge City");
/// ```
pub trait Record: core::fmt::Display + serde::Serialize {
    /// Which kind of record this is.
    ///
    /// ```
    /// use china_singapore::{Kind, Project, Record};
    /// assert_eq!(Project::KIND, Kind::Project);
    /// ```
    const KIND: Kind;

    /// The record's id.
    ///
    /// ```
    /// use china_singapore::Record;
    /// let rcep = china_singapore::dataset().agreements().find("RCEP").unwrap();
    /// assert_eq!(rcep.id(), "rcep");
    /// ```
    fn id(&self) -> &str;

    /// The canonical name.
    ///
    /// ```
    /// use china_singapore::Record;
    /// let gba = china_singapore::dataset().places().find("GBA").unwrap();
    /// assert_eq!(gba.name(), "Guangdong-Hong Kong-Macao Greater Bay Area");
    /// ```
    fn name(&self) -> &str;

    /// Every other name, with its kind.
    ///
    /// ```
    /// use china_singapore::{AliasKind, Record};
    /// let gba = china_singapore::dataset().places().get("greater-bay-area").unwrap();
    /// assert_eq!((gba.aliases()[0].name.as_str(), gba.aliases()[0].kind), ("GBA", AliasKind::Abbreviation));
    /// ```
    fn aliases(&self) -> &[Alias];

    /// The verbatim passages the record rests on.
    ///
    /// ```
    /// use china_singapore::Record;
    /// let ds = china_singapore::dataset();
    /// let park = ds.projects().get("china-singapore-smart-park").unwrap();
    /// let q = &park.quotes()[0];
    /// assert!(ds.documents().get(q.document.as_str()).unwrap().text.contains(&q.text));
    /// ```
    fn quotes(&self) -> &[Quote];

    /// The canonical name followed by every alias.
    ///
    /// ```
    /// use china_singapore::Record;
    /// let kc = china_singapore::dataset().projects().find("csgkc").unwrap();
    /// let names: Vec<&str> = kc.names().collect();
    /// assert_eq!(names, ["China-Singapore Guangzhou Knowledge City", "CSGKS", "CSGKC"]);
    /// ```
    fn names(&self) -> impl Iterator<Item = &str> {
        core::iter::once(self.name()).chain(self.aliases().iter().map(|a| a.name.as_str()))
    }
}

/// Implements [`Record`] for a struct with `id`, `name`, `aliases` and `quotes` fields.
macro_rules! impl_record {
    ($ty:ty, $kind:expr, $name_field:ident) => {
        impl $crate::model::Record for $ty {
            const KIND: $crate::model::Kind = $kind;
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
    };
}
pub(crate) use impl_record;
