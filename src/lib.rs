//! Typed, cited records of China–Singapore cooperation.
//!
//! This crate compiles what two news articles report — the China-Singapore Guangzhou
//! Knowledge City and the fourth China-Singapore Trade in Services Innovation Forum — into
//! static, strongly typed records: [`Project`]s (parks, institutes, zones, programmes),
//! [`Agreement`]s (MOUs, contracts, regulations, trade agreements), [`Forum`]s (council
//! meetings, forums, expos), [`Speaker`]s (people who speak, sign or are quoted), and the
//! [`Organization`]s, [`Place`]s and source [`Document`]s they point to.
//!
//! **Where the data comes from.** Both articles are bundled verbatim under `data/sources/`,
//! and `data/README.md` is the source of truth for the record files and their rules.
//! Every record cites [`Quote`]s, checked on every load to occur character for character
//! in the document they name. Figures are typed, dates keep the words and precision the
//! text gives, and a fact the text does not state says how it is known
//! ([`Basis`](model::Basis)): no year is invented.
//!
//! **When to use it.** When you need these facts as data you can trust and cite — in a
//! dashboard, a chat tool, an analysis — rather than sentences to re-read. When you follow
//! more articles, load your own records in the same layout with [`Dataset::from_dir`] or a
//! [`Loader`].
//!
//! ```
//! use china_singapore::model::{AmountKind, Sector, SpeakerRole};
//!
//! let ds = china_singapore::dataset();
//!
//! // What did the China-Singapore Smart Park cost?
//! let park = ds.projects().by_name("China-Singapore Smart Park").unwrap();
//! let cost = park.amount(AmountKind::TotalInvestment).unwrap();
//! assert_eq!((cost.value, cost.currency.as_str()), (1_400_000_000, "CNY"));
//!
//! // Which projects are in biomedicine, and where does the text say so?
//! for p in ds.project_filter().sector(Sector::Biomedicine) {
//!     println!("{} — “{}”", p.name, p.quotes[0].text);
//! }
//!
//! // Who gave keynotes at the fourth Trade in Services Innovation Forum?
//! let keynotes = ds.speaker_filter().forum("4th China-Singapore Trade in Services Innovation Forum").role(SpeakerRole::Keynote);
//! assert_eq!(keynotes.iter().count(), 4);
//!
//! // Why is the Smart Park in Guangzhou?
//! let why = ds.explain(park, ds.places().by_name("Guangzhou").unwrap()).unwrap();
//! assert_eq!(why.to_string(), "China-Singapore Smart Park → part-of China-Singapore Guangzhou Knowledge City (context) → place Guangzhou (name)");
//! ```
//!
//! # The front door
//!
//! - [`dataset()`] is the embedded [`Dataset`]; each kind is a [`Table`] (`ds.projects()`,
//!   …) with three lookups: [`by_id`](Table::by_id), [`by_name`](Table::by_name) (under the
//!   name rule) and [`lookup`](Table::lookup) (either, with "did you mean").
//! - Filters: `ds.project_filter()`, `agreement_filter`, `forum_filter`, `speaker_filter`,
//!   `organization_filter`, in [`query`]; every condition takes an id, a name or an alias.
//! - Any kind at once: [`Dataset::lookup`], [`Dataset::suggest`], [`Dataset::search`],
//!   [`Dataset::timeline`], [`Dataset::figures`], and links in names with their evidence
//!   ([`Dataset::links_of`], [`Dataset::linked_from`]).
//! - Answers with their reasons: [`Dataset::explain`] (the chain of links behind a
//!   transitive match, with its weakest basis) and [`Dataset::card`] (one record, its
//!   links with evidence and its positioned quotes, as JSON).
//! - The value types (sectors, dates, amounts, bases, …) are in [`model`]; loading your own
//!   data in [`load`]; CSV and SQLite tables, JSON-LD, RDF and the data layout in [`export`]. The rules
//!   users rely on are collected in [`guide`].
//!
//! # Features
//!
//! - `embedded` (default): the bundled articles and records, [`dataset()`] and
//!   [`Dataset::embedded`]. Without it, a program that loads only its own data compiles
//!   none of them.
//! - `rdf`: Turtle and N-Triples export through oxrdf and oxttl.
//! - `sqlite`: the relational tables as a SQLite database (`export::write_sqlite`)
//!   through rusqlite, with SQLite compiled in; it follows rusqlite's own minimum Rust
//!   version where that is higher than the crate's.
//!
//! # Policies
//!
//! **MSRV.** The minimum supported Rust version is 1.88. Raising it is a minor-version
//! change, never a patch release, and is noted in the release notes.
//!
//! **Data changes.** The records are part of the API. Until 1.0, a release that corrects a
//! fact, changes an id or removes a record is a minor version (0.x → 0.x+1), because code
//! may match on it; adding a record, an alias, a quote or a link the text supports is a
//! patch release. After 1.0 the same split holds with major and minor versions. An id,
//! once published, keeps meaning the same thing: a record whose meaning changes gets a
//! new id.
//!
//! **API changes.** Public structs and enums are `#[non_exhaustive]` where fields or
//! variants may be added; adding one is not a breaking change.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
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
#[cfg_attr(docsrs, doc(cfg(feature = "embedded")))]
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
#[cfg_attr(docsrs, doc(cfg(feature = "embedded")))]
pub fn try_dataset() -> Result<&'static Dataset, &'static Error> {
    DATASET.as_ref()
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
