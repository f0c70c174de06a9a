//! [`Dataset`]: every record of every kind, indexed.

use once_cell::sync::OnceCell;

use crate::error::NotFound;
use crate::index::Suggestion;
use crate::index::Tables;
use crate::index::links::Links;
use crate::index::search::SearchIndex;
use crate::load::Skipped;
use crate::model::{AnyRecord, Kind};
use crate::query::{AgreementFilter, ForumFilter, OrganizationFilter, ProjectFilter, SpeakerFilter};

/// Every record of every kind, with the indexes that serve lookups, filters and search.
///
/// Get the embedded one with [`dataset()`](crate::dataset), or load your own with
/// [`Dataset::from_dir`]. Two datasets are equal when they hold equal records; it serialises
/// as one object with a key per kind, each an array of records with every field (documents
/// include their full `text`).
///
/// ```
/// let ds = china_singapore::dataset();
/// let park = ds.projects().by_id("china-singapore-smart-park").unwrap();
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
                /// use china_singapore::Record;
                #[doc = concat!("let table = china_singapore::dataset().", stringify!($field), "();")]
                /// for r in table {
                ///     assert!(!r.quotes().is_empty(), "every record is cited");
                /// }
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

    /// The reverse link indexes, built the first time a filter or a link in names needs them.
    pub(crate) fn links(&self) -> &Links {
        self.links.get_or_init(|| Links::build(&self.tables))
    }

    /// The record of `kind` with this id (for following a link inside the crate).
    pub(crate) fn record_by_id(&self, kind: Kind, id: &str) -> Option<AnyRecord<'_>> {
        self.tables.record(kind, self.tables.position(kind, id)?)
    }

    /// Every record of every kind: kind by kind in the order of [`Kind::ALL`], each kind in
    /// file order.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.records().count(), ds.projects().len() + ds.places().len() + ds.organizations().len()
    ///     + ds.agreements().len() + ds.forums().len() + ds.speakers().len() + ds.documents().len());
    /// assert_eq!(ds.records().next().unwrap().kind(), china_singapore::Kind::ALL[0]);
    /// ```
    pub fn records(&self) -> impl Iterator<Item = AnyRecord<'_>> {
        Kind::ALL
            .iter()
            .flat_map(move |&k| (0..self.tables.len_of(k) as u32).filter_map(move |i| self.tables.record(k, i)))
    }

    /// The record of any kind with this id, or else this name or alias: ids of every kind
    /// first, then names, each in the order of [`Kind::ALL`] (so a name that a place and an
    /// organisation share finds the place; ask its table to choose). When nothing matches,
    /// an error carrying the closest names of every kind.
    ///
    /// # Errors
    ///
    /// [`NotFound`] when no record of any kind has this id, name or alias.
    ///
    /// ```
    /// use china_singapore::Kind;
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.lookup("CSGKC").unwrap().kind(), Kind::Project);
    /// assert_eq!(ds.lookup("ncs").unwrap().name(), "NCS");
    /// let err = ds.lookup("Wei Zhi").unwrap_err();
    /// assert_eq!(err.suggestions[0], "Wei Zhe");
    /// ```
    pub fn lookup(&self, id_or_name: impl AsRef<str>) -> Result<AnyRecord<'_>, NotFound> {
        let q = id_or_name.as_ref();
        let by_id = Kind::ALL.iter().find_map(|&k| self.tables.record(k, self.tables.position(k, q)?));
        let by_name = || Kind::ALL.iter().find_map(|&k| self.tables.record(k, self.tables.position_of(k, q)?));
        by_id.or_else(by_name).ok_or_else(|| NotFound {
            kind: None,
            query: q.to_owned(),
            suggestions: self.suggest(q, 3).into_iter().map(|s| s.name.to_owned()).collect(),
            elsewhere: Vec::new(),
        })
    }

    /// The records of every kind whose names are closest to `query`, best first, at most
    /// `n`: what [`Table::suggest`](crate::Table::suggest) gives for each kind, merged by
    /// distance (ties in the order of [`Kind::ALL`]). A name equal under the name rule
    /// comes first, at distance 0.
    ///
    /// ```
    /// use china_singapore::Kind;
    /// let ds = china_singapore::dataset();
    /// let s = ds.suggest("Knowlege City", 3);
    /// assert_eq!(s[0].record.id(), "china-singapore-guangzhou-knowledge-city");
    /// let exact = ds.suggest("Chi Fu Lin", 1);
    /// assert_eq!((exact[0].record.kind(), exact[0].distance), (Kind::Speaker, 0.0));
    /// ```
    pub fn suggest(&self, query: impl AsRef<str>, n: usize) -> Vec<Suggestion<'_, AnyRecord<'_>>> {
        let mut all = self.tables.suggest(query.as_ref(), n);
        all.sort_by(|a, b| a.distance.total_cmp(&b.distance));
        all.truncate(n);
        all
    }

    /// Starts a filter over projects; it matches every project until narrowed.
    ///
    /// ```
    /// use china_singapore::model::Sector;
    /// let ds = china_singapore::dataset();
    /// let digital = ds.project_filter().sector(Sector::DigitalEconomy).place("guangzhou");
    /// assert!(digital.iter().any(|p| p.id == "ncs-gba-fintech-delivery-center"));
    /// ```
    pub fn project_filter(&self) -> ProjectFilter<'_> {
        ProjectFilter::new(self)
    }

    /// Starts a filter over agreements; it matches every agreement until narrowed.
    ///
    /// ```
    /// use china_singapore::model::AgreementKind;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.agreement_filter().kind(AgreementKind::TradeAgreement).iter().any(|a| a.id == "cptpp"));
    /// ```
    pub fn agreement_filter(&self) -> AgreementFilter<'_> {
        AgreementFilter::new(self)
    }

    /// Starts a filter over forums; it matches every forum until narrowed.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.forum_filter().place("china").iter().any(|f| f.id == "ciie-4"));
    /// ```
    pub fn forum_filter(&self) -> ForumFilter<'_> {
        ForumFilter::new(self)
    }

    /// Starts a filter over speakers; it matches every speaker until narrowed.
    ///
    /// ```
    /// use china_singapore::model::SpeakerRole;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.speaker_filter().role(SpeakerRole::Quoted).iter().any(|s| !s.is_named()));
    /// ```
    pub fn speaker_filter(&self) -> SpeakerFilter<'_> {
        SpeakerFilter::new(self)
    }

    /// Starts a filter over organisations; it matches every organisation until narrowed.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.organization_filter().parent("singapore-telecom").iter().any(|o| o.id == "ncs"));
    /// ```
    pub fn organization_filter(&self) -> OrganizationFilter<'_> {
        OrganizationFilter::new(self)
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
