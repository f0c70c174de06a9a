//! Ways out: relational tables (CSV, and with the `sqlite` feature a SQLite database),
//! JSON-LD, and (with the `rdf` feature) Turtle and N-Triples.
//!
//! Linked data is derived, not hand-written per kind: one neutral list of statements built
//! from the records' names, quotes, `Describe` output and serde fields (`graph.rs`), so a
//! new field reaches it with no edit here. The tables follow a fixed schema (`tables.rs`),
//! so their headers never depend on the data; a test proves that every field of the JSON
//! has a column.
//!
//! # Tables (CSV and SQLite)
//!
//! [`tables`] gives every [`Table`]: a fixed header of typed [`Column`]s, a primary key,
//! foreign keys and rows of [`Cell`]s, one value per cell. `examples/export.rs --format csv`
//! writes each as `<name>.csv` (`--bom` for spreadsheets that guess the encoding), and
//! `write_sqlite` (the `sqlite` feature) writes them all into a SQLite database, `STRICT`
//! tables with their keys declared and enforced.
//!
//! - A kind's own table (`documents`, `places`, `organizations`, `projects`,
//!   `agreements`, `forums`, `speakers`) has a row per record: `id`, then its scalar
//!   fields; a nested object's fields are `object_field` (`started_year`,
//!   `date_precision`); a link is the target's id under the field's name, a foreign key,
//!   with its basis in `field_basis`. A date has `_as_written`, `_year` (the comparable
//!   year, stated or inferred), `_year_inferred_from` (set only when inferred), `_month`,
//!   `_day`, `_precision`, `_relative` and `_relative_to`.
//! - A list is a table with a row per item: the record in a column named after its kind
//!   (`project`, `forum`; `record_kind` and `record_id` when several kinds have the list),
//!   the item's 1-based place in `ord`, and the item's fields (a list in a list item adds
//!   the outer item's place: `session_speakers.session`, `milestone_aims.milestone`).
//!   Lists of one kind: `subheadings`, `place_within`, `project_part_of`,
//!   `project_places`, `project_relations`, `features`, `amounts`, `parties`,
//!   `signatories`, `agreement_projects`, `milestones`, `milestone_aims`, `key_issues`,
//!   `findings`, `notes`, `sessions` (the programme), `session_speakers` (speaking order:
//!   `session`, then `ord`), `posts`, `speaker_roles`, `talk_titles`, `talk_summary`,
//!   `statements`. Lists of several kinds: `involvements` (the organisations of projects,
//!   agreements and forums, with `role`), `sectors`, `aims`, `achievements`, `counts`,
//!   `count_including`, `aliases`, and `quotes` (`document`, `text`, `char_start` and
//!   `char_end`, character offsets from 0, so that `substr(text, char_start + 1,
//!   char_end - char_start)` of the document's text is the quote; `byte_start` and
//!   `byte_end` in UTF-8 bytes; `line` and `column`, from 1).
//! - Derived tables: `records` (every record's kind, id and name: the key of the tables
//!   of several kinds), `countries` (each country a record can name, with its place
//!   record), `links` (every link of every record as the API gives it, in one table:
//!   `relation`, `target_kind` and `target_id` (a country as its place record), `country`,
//!   `role`, `basis`, `inferred`, the JSON `field` it comes from, and `evidence`, the `ord`
//!   of the record's quote it rests on), and `events` (the timeline in time order:
//!   `event`, `as_written`, `precision`, `year` with `year_source` (`date`, `document` or
//!   `unknown`; see [the timeline rule](crate::guide#the-timeline)), `month`, `day`,
//!   `document`, `quote`).
//! - Types: `INTEGER` for whole numbers (booleans as 0 and 1), `TEXT` otherwise; an
//!   enum is its JSON spelling (`state-level-bilateral`); an empty cell (`NULL`) is a field
//!   left out.
//!
//! ```
//! use china_singapore::export::{Cell, tables};
//! let tables = tables(china_singapore::dataset());
//! let speakers = tables.iter().find(|t| t.name == "session_speakers").unwrap();
//! assert_eq!(speakers.primary_key, ["forum", "session", "ord"]);
//! assert_eq!(speakers.cell(0, "ord"), Some(&Cell::Integer(1)));
//! ```
//!
//! # Linked data
//!
//! Records are resources under [`BASE_IRI`] (`urn:china-singapore:project:china-singapore-smart-park`),
//! typed with the crate's class for their kind (`cs:Project`) and with schema.org where a
//! type fits: `schema:Event` (forums), `schema:Person` (speakers), `schema:Organization`,
//! `schema:Place`, `schema:CreativeWork` (documents); countries are `schema:Country`.
//! Every record has `schema:identifier` (its id), `schema:name`, `schema:alternateName`
//! for each alias (and a `cs:alias` node with its `cs:aliasKind` and `cs:basis`), and a
//! `cs:quote` node per quote (`cs:text`, `cs:document`, `cs:line`, `cs:column`, `cs:start`,
//! `cs:end`, byte offsets). Each quote is also a W3C Web Annotation `oa:SpecificResource`
//! of its document (`oa:hasSource`) with an `oa:TextPositionSelector` (`oa:start`,
//! `oa:end`: character offsets, as SPARQL's `SUBSTR` counts) and an
//! `oa:TextQuoteSelector` (`oa:exact`, `oa:prefix`, `oa:suffix`). A name the crate made up
//! is marked `cs:nameSource "descriptive"`.
//!
//! - **No statement is said twice**: a link given once per role is one plain statement,
//!   each role on its own `rdf:Statement` node. **A country is its place record**
//!   (`place:singapore`, also a `schema:Country`) wherever the dataset has one.
//! - **Links** are plain statements, `project:x cs:partOf project:y`, the predicate the
//!   [`Relation`](crate::model::Relation) in camelCase; each is also an `rdf:Statement` node
//!   (`…:link:N`) with `cs:basis` (`stated`, `context`, `name`, `geography`,
//!   `common-usage`), `cs:inferred` (`true` unless stated), `cs:role` for the part played,
//!   and `cs:evidence`, the quote the link rests on (see [`Evidence`](crate::query::Evidence)).
//! - **Dates** are `cs:date` nodes: `cs:event` (`held`, `signed`, …), `cs:asWritten`,
//!   `cs:precision`, `cs:yearInferredFrom`, `cs:relative`/`cs:relativeTo`; when the year is
//!   known, `cs:year` (an `xsd:integer`, comparable whatever the precision) with
//!   `cs:yearInferred`, and a typed `cs:value` (`xsd:date`, `xsd:gYearMonth` or `xsd:gYear`).
//!   A forum's held date is also its `schema:startDate`. Date and figure nodes carry
//!   `cs:evidence`, the record's first quote that holds their words as written.
//! - **Figures**: `cs:count` nodes are `schema:QuantitativeValue` (`schema:value`,
//!   `schema:maxValue`, `schema:unitText`, `cs:qualifier`, `cs:status`, `cs:asWritten`);
//!   `cs:amount` nodes are `schema:MonetaryAmount` (`schema:value`, `schema:currency` as
//!   ISO 4217, `cs:amountKind`, `cs:asWritten`).
//! - **Texts** (descriptions, aims, statements, talk titles, findings, …) are
//!   `cs:description`, `cs:aim`, …; every other field keeps its JSON name in camelCase
//!   (`cs:kind`, `cs:sectors`, `cs:status`): a scalar as a literal, an object as a node
//!   `…:field:N` holding its own fields the same way, each item of a list with its 1-based
//!   `cs:order`. So speaking order, sessions, post titles, the current talk title,
//!   cooperation levels, count periods and role notes are all triples; no field is left
//!   out, and none is an opaque literal.
//!
//! # The vocabulary
//!
//! Prefixes: `cs:` is [`VOCAB`], `schema:` is [`SCHEMA`], `oa:` the W3C Web Annotation
//! vocabulary (`http://www.w3.org/ns/oa#`), `rdf:` and `xsd:` the usual.
//!
//! | term | meaning | domain | range |
//! |---|---|---|---|
//! | `cs:Project`, `cs:Agreement`, `cs:Forum`, `cs:Speaker`, `cs:Organization`, `cs:Place`, `cs:Document` | a record of that kind; also `schema:Project`, `schema:CreativeWork` (agreements, documents), `schema:Event`, `schema:Person`, `schema:Organization`, `schema:Place` (and `schema:Country` for a country) | — | — |
//! | `schema:identifier`, `schema:name`, `schema:alternateName` | the record's id, canonical name, each alias | record | string |
//! | `cs:nameSource` | `descriptive` when the crate made the name up | record | string |
//! | `cs:alias` → `cs:Alias` | an alias with `schema:name`, `cs:aliasKind`, `cs:basis` | record | node |
//! | `cs:quote` → `cs:Quote`, `oa:SpecificResource` | a passage: `cs:text`, `cs:document`, `cs:start`/`cs:end` (bytes), `cs:line`, `cs:column` (characters) | record | node |
//! | `oa:hasSource`, `oa:hasSelector` | the quote's document; its `oa:TextPositionSelector` (`oa:start`, `oa:end`, character offsets) and `oa:TextQuoteSelector` (`oa:exact`, `oa:prefix`, `oa:suffix`) | quote | node |
//! | `cs:<relation>` (`cs:partOf`, `cs:within`, `cs:place`, `cs:party`, `cs:involves`, `cs:spokeAt`, … one per [`Relation`](crate::model::Relation)) | a link, said once however many roles it has | record | record |
//! | `schema:location`, `schema:containedInPlace`, `schema:parentOrganization`, `schema:superEvent`, `schema:organizer`, `schema:affiliation` | the same links in schema.org terms, where one fits | record | record |
//! | `rdf:Statement` with `rdf:subject`/`rdf:predicate`/`rdf:object` | one link, with `cs:basis`, `cs:inferred` (boolean), `cs:role`, `cs:evidence` (the quote it rests on) | — | — |
//! | `cs:date` → `cs:Date` | a date: `cs:event`, `cs:asWritten`, `cs:precision`, `cs:year` (integer), `cs:yearInferred`, `cs:yearInferredFrom`, `cs:relative`, `cs:relativeTo`, `cs:value` (typed), `cs:evidence` | record | node |
//! | `schema:startDate` | a forum's held date | forum | `xsd:date`, `gYearMonth` or `gYear` |
//! | `cs:count` → `schema:QuantitativeValue` | a count: `schema:value`, `schema:maxValue`, `schema:unitText`, `cs:qualifier`, `cs:status`, `cs:asWritten`, `cs:including`, `cs:evidence` | record | node |
//! | `cs:amount` → `schema:MonetaryAmount` | an amount: `schema:value`, `schema:currency`, `cs:amountKind`, `cs:asWritten`, `cs:evidence` | record | node |
//! | `cs:description`, `cs:aim`, `cs:achievement`, `cs:statement`, `cs:theme`, `cs:finding`, `cs:talkTitle`, … (one per [`TextKind`](crate::model::TextKind)) | every text a record holds, for text search | record | string |
//! | `cs:<field>` (`cs:sectors`, `cs:programme`, `cs:posts`, `cs:roles`, `cs:talk`, …) | every field of the record's JSON under its name in camelCase: a scalar as a literal, an object as a node `…:field:N` holding its own fields so | record or field node | literal or node |
//! | `cs:order` | a list item's 1-based place in its list (speaking order, sessions) | field node | integer |
//!
//! ```
//! use china_singapore::export;
//! let ds = china_singapore::dataset();
//! let mut out = Vec::new();
//! export::write_json_ld(ds, &mut out).unwrap();
//! let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! assert_eq!(doc["@context"]["schema"], "https://schema.org/");
//! assert!(doc["@graph"].as_array().unwrap().len() > ds.records().count());
//! ```

mod dir;
mod graph;
mod jsonld;
#[cfg(feature = "rdf")]
mod rdf;
#[cfg(feature = "sqlite")]
mod sqlite;
mod tables;

pub use dir::{WriteError, write_dir};
pub use graph::{BASE_IRI, SCHEMA, VOCAB};
#[cfg(feature = "rdf")]
#[cfg_attr(docsrs, doc(cfg(feature = "rdf")))]
pub use rdf::{RdfError, rdf_triples, write_ntriples, write_turtle};
/// The rusqlite crate `write_sqlite` takes a connection of, so that a program opens one of
/// the same version.
#[cfg(feature = "sqlite")]
#[cfg_attr(docsrs, doc(cfg(feature = "sqlite")))]
pub use rusqlite;
#[cfg(feature = "sqlite")]
#[cfg_attr(docsrs, doc(cfg(feature = "sqlite")))]
pub use sqlite::write_sqlite;
pub use tables::{Cell, Column, ColumnType, ForeignKey, Table, tables};

use crate::{AnyRecord, Dataset, Kind};

/// Writes the whole dataset as one JSON-LD document: `@context` (schema.org, the crate's
/// vocabulary, rdf, xsd) and `@graph`, one node object per resource. It says exactly what
/// the Turtle export says. Written a record at a time, so memory stays bounded by the
/// largest record; and, like [`script_json`], safe to embed in an HTML page.
///
/// # Errors
///
/// Any error of `out`.
///
/// ```
/// let mut out = Vec::new();
/// china_singapore::export::write_json_ld(china_singapore::dataset(), &mut out).unwrap();
/// let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// let park = doc["@graph"].as_array().unwrap().iter()
///     .find(|n| n["@id"] == "urn:china-singapore:project:china-singapore-smart-park").unwrap();
/// assert_eq!(park["schema:name"][0], "China-Singapore Smart Park");
/// ```
pub fn write_json_ld(ds: &Dataset, out: impl std::io::Write) -> std::io::Result<()> {
    jsonld::write(ds, out)
}

/// JSON text of `value` that an HTML page can hold in a `<script>` element: `<`, `>`, `&`,
/// U+2028 and U+2029 inside strings written as `\uXXXX` (the same data), so no text of
/// the records can close the element (`</script>`) or open a comment.
///
/// ```
/// let value = serde_json::json!({"name": "</script><script>alert(1)</script>"});
/// let text = china_singapore::export::script_json(&value);
/// assert!(!text.contains('<') && !text.contains('>'));
/// assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), value);
/// ```
pub fn script_json(value: &serde_json::Value) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and serde_json writes valid UTF-8.
    let _ = jsonld::write_safe(&mut out, value);
    String::from_utf8(out).unwrap_or_default()
}

/// A cell a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return) with a leading apostrophe, which spreadsheets show as text;
/// any other cell as it is. For CSV meant for a spreadsheet; `examples/export.rs` applies
/// it unless given `--raw-cells`.
///
/// ```
/// use china_singapore::export::inert;
/// assert_eq!(inert("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(inert("China-Singapore Smart Park"), "China-Singapore Smart Park");
/// ```
pub fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// One record as a JSON-LD document, for a web page to embed: its own node and the nodes
/// under it (quotes, aliases, dates, figures, link statements); the records it links to
/// appear by IRI.
///
/// ```
/// use china_singapore::Kind;
/// let ds = china_singapore::dataset();
/// let forum = ds.lookup("trade-in-services-forum-4").unwrap();
/// let doc = china_singapore::export::json_ld_record(ds, forum);
/// assert_eq!(doc["@graph"][0]["@type"][1], "schema:Event");
/// ```
pub fn json_ld_record(ds: &Dataset, record: AnyRecord<'_>) -> serde_json::Value {
    jsonld::document(&graph::record_triples(ds, record))
}

/// The IRI a record has in the linked-data exports.
///
/// ```
/// use china_singapore::{Kind, export};
/// assert_eq!(export::iri(Kind::Agreement, "depa"), "urn:china-singapore:agreement:depa");
/// ```
pub fn iri(kind: Kind, id: &str) -> String {
    graph::record_iri(kind, id)
}
