//! Typed, cited records of China–Singapore cooperation.
//!
//! This crate compiles what two news articles report — the China-Singapore Guangzhou
//! Knowledge City and the fourth China-Singapore Trade in Services Innovation Forum — into
//! static, strongly typed records: [`Project`]s, [`Agreement`]s, [`Forum`]s, [`Speaker`]s,
//! and the [`Organization`]s, [`Place`]s and source [`Document`]s they point to.
//!
//! **Where the data comes from.** Both articles are bundled verbatim under `data/sources/`.
//! Every record cites one or more [`Quote`]s, and every quote is checked, on every load, to
//! occur character for character in the document it names. Figures are typed ([`Amount`]s
//! with an ISO 4217 [`Currency`], [`Count`]s with a [`Qualifier`] such as "more than" or
//! "nearly"), and dates keep the words and precision the text gives ([`PartialDate`]): no
//! year is invented, and an inferred year says what it was inferred from.
//!
//! **When to use it.** When you need these facts as data you can trust and cite — in a
//! dashboard, a chat tool, an analysis — rather than sentences to re-read. When you follow
//! more articles, load your own records in the same layout with [`Dataset::from_dir`] or
//! add them to the embedded ones with [`Dataset::embedded_with_dir`].
//!
//! ```
//! use china_singapore::{model::{AmountKind, Sector, SpeakerRole}};
//!
//! let ds = china_singapore::dataset();
//!
//! // What did the China-Singapore Smart Park cost?
//! let park = ds.projects().by_name("China-Singapore Smart Park").unwrap();
//! let cost = park.amount(AmountKind::TotalInvestment).unwrap();
//! assert_eq!(cost.value, 1_400_000_000);
//! assert_eq!(cost.currency.as_str(), "CNY");
//!
//! // Which projects are in biomedicine?
//! for p in ds.project_filter().sector(Sector::Biomedicine) {
//!     println!("{} — “{}”", p.name, p.quotes[0].text);
//! }
//!
//! // Who gave keynotes at the fourth Trade in Services Innovation Forum?
//! let forum = ds.forums().by_name("fourth China-Singapore Trade in Services Innovation Forum").unwrap();
//! let keynotes = ds.speaker_filter().forum(&forum.id).role(SpeakerRole::Keynote);
//! assert_eq!(keynotes.iter().count(), 4);
//! ```
//!
//! Lookups by id ([`Table::get`]) and by name or alias ([`Table::find`]) ignore case and
//! allocate nothing; filters intersect prebuilt indexes, so they cost what they return.
//!
//! Ask as a person would: [`Dataset::search`] ranks records over every text they hold,
//! [`Table::suggest`] offers the closest names for a typo, [`Dataset::timeline`] lists every
//! dated event in time order, and every filter takes an id, a name or an alias — its
//! `try_iter` form says which name matched nothing, with the closest names ([`NotFound`]).
//! [`Dataset::display`] and [`Dataset::links_of`] answer in names, not ids.
//!
//! **Ways out.** [`export`] turns a dataset into CSV-ready sheets (one per kind), JSON-LD
//! with a schema.org context, and, with the `rdf` feature, Turtle and N-Triples (oxrdf,
//! oxttl). The `embedded` feature (on by default) carries the bundled articles and
//! records and [`dataset()`]; without it, a program that loads only its own data compiles
//! none of them.
//!
//! **Where things are.** `src/model/` holds the data model (one file per kind, and
//! `kinds.rs`, the one list of kinds); `src/load/` the loader and its checks; `src/index/`
//! the id, name, link, search and suggestion indexes; `src/query/` the filters,
//! navigation, search, timeline and links in names; `src/export/` the sheets and linked data.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[macro_use]
pub mod model;

mod dataset;
mod error;
pub mod export;
pub mod guide;
mod index;
pub mod load;
pub mod query;

pub use dataset::Dataset;
pub use error::{Error, NotFound};
pub use index::Table;
pub use load::Loader;
pub use model::{Agreement, AnyRecord, Document, Forum, Kind, Organization, Place, Project, Quote, Record, Speaker};

#[cfg(feature = "embedded")]
static DATASET: once_cell::sync::Lazy<Result<Dataset, Error>> = once_cell::sync::Lazy::new(Dataset::embedded);

/// The embedded dataset, built on first use and shared by every thread after that.
/// Needs the `embedded` feature (on by default).
///
/// # Panics
///
/// Only if the embedded data fails its own checks, which the crate's tests rule out
/// before release. Use [`try_dataset`] to get the error instead.
///
/// ```
/// let ds = china_singapore::dataset();
/// assert!(std::ptr::eq(ds, china_singapore::dataset()));
/// ```
#[cfg(feature = "embedded")]
pub fn dataset() -> &'static Dataset {
    match try_dataset() {
        Ok(ds) => ds,
        Err(e) => panic!("the embedded china-singapore data is invalid: {e}"),
    }
}

/// The embedded dataset, or the error that its checks found.
///
/// # Errors
///
/// The loader's [`Error`] if the embedded data fails its checks (the crate's tests rule
/// this out).
///
/// ```
/// assert!(china_singapore::try_dataset().is_ok());
/// ```
#[cfg(feature = "embedded")]
pub fn try_dataset() -> Result<&'static Dataset, &'static Error> {
    DATASET.as_ref()
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
