//! [`Dataset`]: every record of every kind, indexed.

use once_cell::sync::OnceCell;

use crate::index::Tables;
use crate::index::links::Links;
use crate::index::search::SearchIndex;
use crate::load::Skipped;
use crate::model::{AnyRecord, Kind, RecordId};

/// Every record of every kind, with the indexes that serve lookups, filters and navigation.
///
/// Get the embedded one with [`dataset()`](crate::dataset), or load your own with
/// [`Dataset::from_dir`]. Two datasets are equal when they hold equal records; it serialises
/// as one object with a key per kind, each an array of records with every field (documents
/// include their full `text`).
///
/// ```
/// let ds = china_singapore::dataset();
/// let park = ds.projects().get("china-singapore-smart-park").unwrap();
/// println!("{park}");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub(crate) tables: Tables,
    /// The link indexes, built on first use so that loading does not pay for them.
    links: OnceCell<Links>,
    /// The search index, built on first use.
    pub(crate) search: OnceCell<SearchIndex>,
    /// The files the load did not use, and why.
    skipped: Vec<Skipped>,
}

macro_rules! accessors {
    ($(($ty:ident, $field:ident, $id:ident, $text:literal, $file:literal, $what:literal)),+ $(,)?) => {
        impl Dataset {
            $(
                #[doc = $what]
                ///
                /// ```
                #[doc = concat!("let table = china_singapore::dataset().", stringify!($field), "();")]
                /// assert!(!table.is_empty());
                /// ```
                pub fn $field(&self) -> &crate::Table<crate::model::$ty> {
                    &self.tables.$field
                }
            )+
        }
    };
}
for_each_kind!(accessors);

impl Dataset {
    pub(crate) fn new(tables: Tables, skipped: Vec<Skipped>) -> Self {
        Dataset { tables, links: OnceCell::new(), search: OnceCell::new(), skipped }
    }

    /// The files of the data directory the load did not use, and why: other files beside
    /// the record files, and sources no document cites (which are not read). The loader
    /// never passes over a file without saying so here or in a diagnostic.
    ///
    /// ```
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/my-data");
    /// let ds = china_singapore::Dataset::from_dir(dir).unwrap();
    /// assert!(ds.skipped().is_empty());
    /// assert!(china_singapore::dataset().skipped().is_empty());
    /// ```
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// The reverse link indexes, built the first time a filter or navigation needs them.
    pub(crate) fn links(&self) -> &Links {
        self.links.get_or_init(|| Links::build(&self.tables))
    }

    /// The total number of records of every kind.
    ///
    /// ```
    /// use china_singapore::Kind;
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.len(), Kind::ALL.iter().map(|&k| ds.len_of(k)).sum::<usize>());
    /// ```
    pub fn len(&self) -> usize {
        Kind::ALL.iter().map(|&k| self.tables.len_of(k)).sum()
    }

    /// The number of records of one kind.
    ///
    /// ```
    /// use china_singapore::Kind;
    /// assert_eq!(china_singapore::dataset().len_of(Kind::Document), 2);
    /// ```
    pub fn len_of(&self, kind: Kind) -> usize {
        self.tables.len_of(kind)
    }

    /// Every record of every kind: kind by kind in the order of [`Kind::ALL`], each kind in
    /// file order.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.records().count(), ds.len());
    /// assert_eq!(ds.records().next().unwrap().kind(), china_singapore::Kind::ALL[0]);
    /// ```
    pub fn records(&self) -> impl Iterator<Item = AnyRecord<'_>> {
        Kind::ALL.iter().flat_map(move |&k| (0..self.len_of(k) as u32).filter_map(move |i| self.tables.record(k, i)))
    }

    /// True when the dataset holds no records at all.
    ///
    /// ```
    /// assert!(!china_singapore::dataset().is_empty());
    /// assert!(china_singapore::Dataset::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The record of `kind` with this id (ignoring ASCII case), or else this name or alias.
    ///
    /// ```
    /// use china_singapore::Kind;
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.record(Kind::Organization, "ncs").unwrap().name(), "NCS");
    /// assert_eq!(ds.record(Kind::Agreement, "DEPA").unwrap().id(), "depa");
    /// assert!(ds.record(Kind::Project, "ncs").is_none());
    /// ```
    pub fn record(&self, kind: Kind, id_or_name: impl AsRef<str>) -> Option<AnyRecord<'_>> {
        self.tables.record(kind, self.tables.position_by_id_or_name(kind, id_or_name.as_ref())?)
    }

    /// The checked form of [`Dataset::record`]: an error carrying the closest names of
    /// that kind when nothing matches.
    ///
    /// ```
    /// use china_singapore::Kind;
    /// let ds = china_singapore::dataset();
    /// let err = ds.try_record(Kind::Speaker, "Wei Zhi").unwrap_err();
    /// assert_eq!(err.suggestions[0], "Wei Zhe");
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::NotFound) when no record of `kind` has this id, name or alias.
    pub fn try_record(&self, kind: Kind, id_or_name: impl AsRef<str>) -> Result<AnyRecord<'_>, crate::NotFound> {
        let q = id_or_name.as_ref();
        self.record(kind, q).ok_or_else(|| self.tables.not_found(kind, q))
    }

    /// The record a typed id refers to: follows a link such as a project's `part_of`.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let ncs = ds.organizations().get("ncs").unwrap();
    /// let parent = ds.resolve(&ncs.parent.as_ref().unwrap().organization).unwrap();
    /// assert_eq!(parent.name, "Singapore Telecom");
    /// ```
    pub fn resolve<I: RecordId>(&self, id: &I) -> Option<&I::Record> {
        self.tables.resolve(id)
    }
}

impl PartialEq for Dataset {
    fn eq(&self, other: &Self) -> bool {
        self.tables == other.tables
    }
}

impl serde::Serialize for Dataset {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.tables.serialize(s)
    }
}
