//! The relational export: every field of every record in fixed tables, with their keys.
//! The schema below is the source of truth for the CSV tables and the SQLite database; the
//! [module docs](super#tables-csv-and-sqlite) describe it for users.

use serde_json::Value;

use crate::Dataset;
use crate::model::{AnyRecord, Country, Kind, Target};
use crate::query::connection::Resolver;

/// One table of the relational export: a fixed header, keys, and rows. The same tables
/// make the CSV files and the SQLite database.
///
/// ```
/// let tables = china_singapore::export::tables(china_singapore::dataset());
/// let projects = tables.iter().find(|t| t.name == "projects").unwrap();
/// assert_eq!(&projects.columns[..2].iter().map(|c| c.name).collect::<Vec<_>>(), &["id", "name"]);
/// assert_eq!(projects.rows.len(), china_singapore::dataset().projects().len());
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Table {
    /// The table's name, also its CSV file's stem (`projects.csv`).
    pub name: &'static str,
    /// The columns, the same whatever the data holds.
    pub columns: Vec<Column>,
    /// The columns whose values together name one row.
    pub primary_key: &'static [&'static str],
    /// The references to other tables' keys.
    pub foreign_keys: &'static [ForeignKey],
    /// The rows, in file order (the timeline's order for `events`), one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The cell of `column` on row `row`, if both exist.
    ///
    /// ```
    /// use china_singapore::export::{Cell, tables};
    /// let tables = tables(china_singapore::dataset());
    /// let amounts = tables.iter().find(|t| t.name == "amounts").unwrap();
    /// assert_eq!(amounts.cell(0, "currency"), Some(&Cell::Text("CNY".into())));
    /// ```
    pub fn cell(&self, row: usize, column: &str) -> Option<&Cell> {
        let i = self.columns.iter().position(|c| c.name == column)?;
        self.rows.get(row)?.get(i)
    }
}

/// One column of a [`Table`].
///
/// ```
/// let tables = china_singapore::export::tables(china_singapore::dataset());
/// let quotes = tables.iter().find(|t| t.name == "quotes").unwrap();
/// let start = quotes.columns.iter().find(|c| c.name == "char_start").unwrap();
/// assert_eq!(start.field.as_deref(), Some("quotes[].position.char_start"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Column {
    /// The column's name.
    pub name: &'static str,
    /// What its cells hold.
    pub ty: ColumnType,
    /// The JSON field it holds, as a path in a record (`started.year.value`, a list's items
    /// marked `[]`: `programme[].speakers[].id`), or `None` for a column that names a row
    /// of a list table (the record's kind and id, the item's place in its list) and for the
    /// tables the crate derives (`records`, `countries`, `links`, `events`).
    pub field: Option<String>,
}

/// What a column's cells hold. A cell may also be empty ([`Cell::Null`]), except in a key.
///
/// ```
/// use china_singapore::export::ColumnType;
/// assert_eq!(ColumnType::Integer.sql(), "INTEGER");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ColumnType {
    /// Whole numbers (and booleans as 0 and 1).
    Integer,
    /// UTF-8 text.
    Text,
}

impl ColumnType {
    /// The SQL type name: `INTEGER` or `TEXT`.
    ///
    /// ```
    /// assert_eq!(china_singapore::export::ColumnType::Text.sql(), "TEXT");
    /// ```
    pub fn sql(self) -> &'static str {
        match self {
            ColumnType::Integer => "INTEGER",
            ColumnType::Text => "TEXT",
        }
    }
}

/// One cell: empty, a whole number, or text.
///
/// ```
/// use china_singapore::export::Cell;
/// assert_eq!(Cell::Integer(2021).to_string(), "2021");
/// assert_eq!(Cell::Null.to_string(), "");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Cell {
    /// No value: an optional field left out, or a column the row's kind does not have.
    Null,
    /// A whole number.
    Integer(i64),
    /// Text.
    Text(String),
}

/// Empty for [`Cell::Null`], the number or the text otherwise: what a CSV file holds.
impl core::fmt::Display for Cell {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Cell::Null => Ok(()),
            Cell::Integer(n) => write!(f, "{n}"),
            Cell::Text(s) => f.write_str(s),
        }
    }
}

/// A reference from some columns of a table to the key of another.
///
/// ```
/// let tables = china_singapore::export::tables(china_singapore::dataset());
/// let quotes = tables.iter().find(|t| t.name == "quotes").unwrap();
/// assert!(quotes.foreign_keys.iter().any(|k| k.table == "documents" && k.columns == ["document"]));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ForeignKey {
    /// The referring columns.
    pub columns: &'static [&'static str],
    /// The table referred to.
    pub table: &'static str,
    /// Its key columns, in the same order.
    pub references: &'static [&'static str],
}

/// Every table of the relational export: `records` and `countries`, each kind's table with
/// its lists, then `links` and `events`. See
/// the [module docs](super#tables-csv-and-sqlite) for what each holds.
///
/// ```
/// let tables = china_singapore::export::tables(china_singapore::dataset());
/// let names: Vec<&str> = tables.iter().map(|t| t.name).collect();
/// assert!(names.contains(&"links") && names.contains(&"events"));
/// ```
pub fn tables(ds: &Dataset) -> Vec<Table> {
    let json: Vec<(AnyRecord<'_>, Value)> =
        ds.records().map(|r| (r, serde_json::to_value(r).unwrap_or(Value::Null))).collect();
    let mut out = vec![records(ds), countries(ds)];
    out.extend(SCHEMA.iter().map(|spec| from_json(spec, &json)));
    out.push(links(ds));
    out.push(events(ds));
    out
}

/// How a column gets its value from a row's source.
#[derive(Clone, Copy)]
enum Get {
    /// The record's kind.
    Kind,
    /// The record's id.
    Id,
    /// The 1-based place of the row's item in the list at this depth (0 the outermost).
    Ord(usize),
    /// The field at this dotted path in the row's item (`""` the item itself).
    Field(&'static str),
}

/// A column of a table built from the records' JSON.
#[derive(Clone, Copy)]
struct Col(&'static str, ColumnType, Get);

/// A table built from the records' JSON: a row per record of `kinds` (`list` empty), or per
/// item the path `list` reaches in each, a step ending in `[]` being a list
/// (`["programme[]", "speakers[]"]`: each speaker of each session; `["talk", "titles[]"]`:
/// each title of the talk).
struct Spec {
    name: &'static str,
    kinds: &'static [Kind],
    list: &'static [&'static str],
    /// The columns, in groups so that tables share one (`DATE`).
    columns: &'static [&'static [Col]],
    primary_key: &'static [&'static str],
    foreign_keys: &'static [ForeignKey],
}

use ColumnType::{Integer as Int, Text};
use Get::{Field as F, Id, Kind as K, Ord};

const fn fk(columns: &'static [&'static str], table: &'static str, references: &'static [&'static str]) -> ForeignKey {
    ForeignKey { columns, table, references }
}

const ID: &[&str] = &["id"];
const RECORD: &[&str] = &["record_kind", "record_id"];
const OF_RECORD: ForeignKey = fk(RECORD, "records", &["kind", "id"]);
const ITEM: &[&str] = &["record_kind", "record_id", "ord"];
/// The columns that name an item of a list several kinds have: its record and its place.
const ITEM_COLUMNS: &[Col] = &[Col("record_kind", Text, K), Col("record_id", Text, Id), Col("ord", Int, Ord(0))];

/// The columns of a `date` field: what a [`PartialDate`](crate::model::PartialDate) holds.
const DATE: &[Col] = &[
    Col("date_as_written", Text, F("date.as_written")),
    Col("date_year", Int, F("date.year.value")),
    Col("date_year_inferred_from", Text, F("date.year.inferred_from")),
    Col("date_month", Int, F("date.month")),
    Col("date_day", Int, F("date.day")),
    Col("date_precision", Text, F("date.precision")),
    Col("date_relative", Text, F("date.relative")),
    Col("date_relative_to", Text, F("date.relative_to")),
];

/// The tables that hold the records' fields. Every JSON field path of every kind is a
/// column of one of them (a test proves it).
const SCHEMA: &[Spec] = &[
    Spec {
        name: "documents",
        kinds: &[Kind::Document],
        list: &[],
        columns: &[&[
            Col("id", Text, Id),
            Col("title", Text, F("title")),
            Col("file", Text, F("file")),
            Col("year", Int, F("year.value")),
            Col("year_inferred_from", Text, F("year.inferred_from")),
            Col("date_note", Text, F("date_note")),
            Col("text", Text, F("text")),
        ]],
        primary_key: ID,
        foreign_keys: &[],
    },
    Spec {
        name: "subheadings",
        kinds: &[Kind::Document],
        list: &["subheadings[]"],
        columns: &[&[Col("document", Text, Id), Col("ord", Int, Ord(0)), Col("subheading", Text, F(""))]],
        primary_key: &["document", "ord"],
        foreign_keys: &[fk(&["document"], "documents", ID)],
    },
    Spec {
        name: "places",
        kinds: &[Kind::Place],
        list: &[],
        columns: &[&[
            Col("id", Text, Id),
            Col("name", Text, F("name")),
            Col("kind", Text, F("kind")),
            Col("country", Text, F("country.id")),
            Col("country_basis", Text, F("country.basis")),
        ]],
        primary_key: ID,
        foreign_keys: &[fk(&["country"], "countries", ID)],
    },
    Spec {
        name: "place_within",
        kinds: &[Kind::Place],
        list: &["within[]"],
        columns: &[&[
            Col("place", Text, Id),
            Col("ord", Int, Ord(0)),
            Col("within", Text, F("id")),
            Col("basis", Text, F("basis")),
        ]],
        primary_key: &["place", "ord"],
        foreign_keys: &[fk(&["place"], "places", ID), fk(&["within"], "places", ID)],
    },
    Spec {
        name: "organizations",
        kinds: &[Kind::Organization],
        list: &[],
        columns: &[&[
            Col("id", Text, Id),
            Col("name", Text, F("name")),
            Col("name_source", Text, F("name_source")),
            Col("kind", Text, F("kind")),
            Col("description", Text, F("description")),
            Col("based_in", Text, F("based_in.id")),
            Col("based_in_basis", Text, F("based_in.basis")),
            Col("country", Text, F("country.id")),
            Col("country_basis", Text, F("country.basis")),
            Col("parent", Text, F("parent.organization")),
            Col("parent_relation", Text, F("parent.relation")),
            Col("parent_basis", Text, F("parent.basis")),
            Col("project", Text, F("project.id")),
            Col("project_basis", Text, F("project.basis")),
        ]],
        primary_key: ID,
        foreign_keys: &[
            fk(&["based_in"], "places", ID),
            fk(&["country"], "countries", ID),
            fk(&["parent"], "organizations", ID),
            fk(&["project"], "projects", ID),
        ],
    },
    Spec {
        name: "projects",
        kinds: &[Kind::Project],
        list: &[],
        columns: &[&[
            Col("id", Text, Id),
            Col("name", Text, F("name")),
            Col("name_source", Text, F("name_source")),
            Col("kind", Text, F("kind")),
            Col("description", Text, F("description")),
            Col("elsewhere", Text, F("elsewhere")),
            Col("phase", Int, F("phase")),
            Col("status", Text, F("status")),
            Col("cooperation_level", Text, F("cooperation_level.id")),
            Col("cooperation_level_basis", Text, F("cooperation_level.basis")),
            Col("started_as_written", Text, F("started.as_written")),
            Col("started_year", Int, F("started.year.value")),
            Col("started_year_inferred_from", Text, F("started.year.inferred_from")),
            Col("started_month", Int, F("started.month")),
            Col("started_day", Int, F("started.day")),
            Col("started_precision", Text, F("started.precision")),
            Col("started_relative", Text, F("started.relative")),
            Col("started_relative_to", Text, F("started.relative_to")),
        ]],
        primary_key: ID,
        foreign_keys: &[fk(&["started_relative_to"], "documents", ID)],
    },
    Spec {
        name: "project_part_of",
        kinds: &[Kind::Project],
        list: &["part_of[]"],
        columns: &[&[
            Col("project", Text, Id),
            Col("ord", Int, Ord(0)),
            Col("part_of", Text, F("id")),
            Col("basis", Text, F("basis")),
        ]],
        primary_key: &["project", "ord"],
        foreign_keys: &[fk(&["project"], "projects", ID), fk(&["part_of"], "projects", ID)],
    },
    Spec {
        name: "project_places",
        kinds: &[Kind::Project],
        list: &["places[]"],
        columns: &[&[
            Col("project", Text, Id),
            Col("ord", Int, Ord(0)),
            Col("place", Text, F("id")),
            Col("basis", Text, F("basis")),
        ]],
        primary_key: &["project", "ord"],
        foreign_keys: &[fk(&["project"], "projects", ID), fk(&["place"], "places", ID)],
    },
    Spec {
        name: "project_relations",
        kinds: &[Kind::Project],
        list: &["relations[]"],
        columns: &[&[
            Col("project", Text, Id),
            Col("ord", Int, Ord(0)),
            Col("relation", Text, F("relation")),
            Col("other_project", Text, F("project")),
            Col("agreement", Text, F("agreement")),
            Col("basis", Text, F("basis")),
        ]],
        primary_key: &["project", "ord"],
        foreign_keys: &[
            fk(&["project"], "projects", ID),
            fk(&["other_project"], "projects", ID),
            fk(&["agreement"], "agreements", ID),
        ],
    },
    Spec {
        name: "features",
        kinds: &[Kind::Project],
        list: &["features[]"],
        columns: &[&[Col("project", Text, Id), Col("ord", Int, Ord(0)), Col("feature", Text, F(""))]],
        primary_key: &["project", "ord"],
        foreign_keys: &[fk(&["project"], "projects", ID)],
    },
    Spec {
        name: "amounts",
        kinds: &[Kind::Project],
        list: &["amounts[]"],
        columns: &[&[
            Col("project", Text, Id),
            Col("ord", Int, Ord(0)),
            Col("value", Int, F("value")),
            Col("currency", Text, F("currency")),
            Col("kind", Text, F("kind")),
            Col("as_written", Text, F("as_written")),
        ]],
        primary_key: &["project", "ord"],
        foreign_keys: &[fk(&["project"], "projects", ID)],
    },
    Spec {
        name: "agreements",
        kinds: &[Kind::Agreement],
        list: &[],
        columns: &[&[
            Col("id", Text, Id),
            Col("name", Text, F("name")),
            Col("name_source", Text, F("name_source")),
            Col("kind", Text, F("kind")),
            Col("description", Text, F("description")),
            Col("forum", Text, F("forum.id")),
            Col("forum_basis", Text, F("forum.basis")),
            Col("jurisdiction", Text, F("jurisdiction.id")),
            Col("jurisdiction_basis", Text, F("jurisdiction.basis")),
            Col("part_of", Text, F("part_of.id")),
            Col("part_of_basis", Text, F("part_of.basis")),
        ]],
        primary_key: ID,
        foreign_keys: &[
            fk(&["forum"], "forums", ID),
            fk(&["jurisdiction"], "places", ID),
            fk(&["part_of"], "agreements", ID),
        ],
    },
    Spec {
        name: "parties",
        kinds: &[Kind::Agreement],
        list: &["parties[]"],
        columns: &[&[
            Col("agreement", Text, Id),
            Col("ord", Int, Ord(0)),
            Col("country", Text, F("country")),
            Col("organization", Text, F("organization")),
            Col("basis", Text, F("basis")),
        ]],
        primary_key: &["agreement", "ord"],
        foreign_keys: &[
            fk(&["agreement"], "agreements", ID),
            fk(&["country"], "countries", ID),
            fk(&["organization"], "organizations", ID),
        ],
    },
    Spec {
        name: "signatories",
        kinds: &[Kind::Agreement],
        list: &["signatories[]"],
        columns: &[&[
            Col("agreement", Text, Id),
            Col("ord", Int, Ord(0)),
            Col("speaker", Text, F("id")),
            Col("basis", Text, F("basis")),
        ]],
        primary_key: &["agreement", "ord"],
        foreign_keys: &[fk(&["agreement"], "agreements", ID), fk(&["speaker"], "speakers", ID)],
    },
    Spec {
        name: "agreement_projects",
        kinds: &[Kind::Agreement],
        list: &["projects[]"],
        columns: &[&[
            Col("agreement", Text, Id),
            Col("ord", Int, Ord(0)),
            Col("project", Text, F("id")),
            Col("basis", Text, F("basis")),
        ]],
        primary_key: &["agreement", "ord"],
        foreign_keys: &[fk(&["agreement"], "agreements", ID), fk(&["project"], "projects", ID)],
    },
    Spec {
        name: "milestones",
        kinds: &[Kind::Agreement],
        list: &["milestones[]"],
        columns: &[
            &[
                Col("agreement", Text, Id),
                Col("ord", Int, Ord(0)),
                Col("event", Text, F("event")),
                Col("party_country", Text, F("party.country")),
                Col("party_basis", Text, F("party.basis")),
            ],
            DATE,
        ],
        primary_key: &["agreement", "ord"],
        foreign_keys: &[
            fk(&["agreement"], "agreements", ID),
            fk(&["party_country"], "countries", ID),
            fk(&["date_relative_to"], "documents", ID),
        ],
    },
    Spec {
        name: "milestone_aims",
        kinds: &[Kind::Agreement],
        list: &["milestones[]", "aims[]"],
        columns: &[&[
            Col("agreement", Text, Id),
            Col("milestone", Int, Ord(0)),
            Col("ord", Int, Ord(1)),
            Col("aim", Text, F("")),
        ]],
        primary_key: &["agreement", "milestone", "ord"],
        foreign_keys: &[fk(&["agreement", "milestone"], "milestones", &["agreement", "ord"])],
    },
    Spec {
        name: "forums",
        kinds: &[Kind::Forum],
        list: &[],
        columns: &[
            &[
                Col("id", Text, Id),
                Col("name", Text, F("name")),
                Col("name_source", Text, F("name_source")),
                Col("kind", Text, F("kind")),
                Col("edition", Int, F("edition")),
                Col("theme", Text, F("theme")),
                Col("participants", Text, F("participants")),
                Col("recurrence", Text, F("recurrence")),
                Col("parent", Text, F("parent.id")),
                Col("parent_basis", Text, F("parent.basis")),
                Col("parent_note", Text, F("parent_note")),
                Col("series", Text, F("series.id")),
                Col("series_basis", Text, F("series.basis")),
                Col("meeting_of", Text, F("meeting_of.id")),
                Col("meeting_of_basis", Text, F("meeting_of.basis")),
                Col("place", Text, F("place.id")),
                Col("place_basis", Text, F("place.basis")),
            ],
            DATE,
            &[
                Col("key_issues_concerned", Text, F("key_issues.concerned")),
                Col("key_issues_basis", Text, F("key_issues.basis")),
            ],
        ],
        primary_key: ID,
        foreign_keys: &[
            fk(&["parent"], "forums", ID),
            fk(&["series"], "forums", ID),
            fk(&["meeting_of"], "organizations", ID),
            fk(&["place"], "places", ID),
            fk(&["date_relative_to"], "documents", ID),
        ],
    },
    Spec {
        name: "key_issues",
        kinds: &[Kind::Forum],
        list: &["key_issues", "issues[]"],
        columns: &[&[Col("forum", Text, Id), Col("ord", Int, Ord(0)), Col("issue", Text, F(""))]],
        primary_key: &["forum", "ord"],
        foreign_keys: &[fk(&["forum"], "forums", ID)],
    },
    Spec {
        name: "findings",
        kinds: &[Kind::Forum],
        list: &["findings[]"],
        columns: &[&[
            Col("forum", Text, Id),
            Col("ord", Int, Ord(0)),
            Col("by", Text, F("by")),
            Col("finding", Text, F("text")),
        ]],
        primary_key: &["forum", "ord"],
        foreign_keys: &[fk(&["forum"], "forums", ID)],
    },
    Spec {
        name: "notes",
        kinds: &[Kind::Forum],
        list: &["notes[]"],
        columns: &[&[Col("forum", Text, Id), Col("ord", Int, Ord(0)), Col("note", Text, F(""))]],
        primary_key: &["forum", "ord"],
        foreign_keys: &[fk(&["forum"], "forums", ID)],
    },
    Spec {
        name: "sessions",
        kinds: &[Kind::Forum],
        list: &["programme[]"],
        columns: &[&[Col("forum", Text, Id), Col("ord", Int, Ord(0)), Col("session", Text, F("session"))]],
        primary_key: &["forum", "ord"],
        foreign_keys: &[fk(&["forum"], "forums", ID)],
    },
    Spec {
        name: "session_speakers",
        kinds: &[Kind::Forum],
        list: &["programme[]", "speakers[]"],
        columns: &[&[
            Col("forum", Text, Id),
            Col("session", Int, Ord(0)),
            Col("ord", Int, Ord(1)),
            Col("speaker", Text, F("id")),
            Col("basis", Text, F("basis")),
        ]],
        primary_key: &["forum", "session", "ord"],
        foreign_keys: &[fk(&["forum", "session"], "sessions", &["forum", "ord"]), fk(&["speaker"], "speakers", ID)],
    },
    Spec {
        name: "speakers",
        kinds: &[Kind::Speaker],
        list: &[],
        columns: &[&[
            Col("id", Text, Id),
            Col("name", Text, F("name")),
            Col("name_source", Text, F("name_source")),
            Col("forum", Text, F("forum.id")),
            Col("forum_basis", Text, F("forum.basis")),
            Col("statements_about", Text, F("statements_about.id")),
            Col("statements_about_basis", Text, F("statements_about.basis")),
            Col("talk_basis", Text, F("talk.basis")),
        ]],
        primary_key: ID,
        foreign_keys: &[fk(&["forum"], "forums", ID), fk(&["statements_about"], "agreements", ID)],
    },
    Spec {
        name: "posts",
        kinds: &[Kind::Speaker],
        list: &["posts[]"],
        columns: &[&[
            Col("speaker", Text, Id),
            Col("ord", Int, Ord(0)),
            Col("title", Text, F("title")),
            Col("organization", Text, F("organization.id")),
            Col("organization_basis", Text, F("organization.basis")),
            Col("country", Text, F("country.id")),
            Col("country_basis", Text, F("country.basis")),
        ]],
        primary_key: &["speaker", "ord"],
        foreign_keys: &[
            fk(&["speaker"], "speakers", ID),
            fk(&["organization"], "organizations", ID),
            fk(&["country"], "countries", ID),
        ],
    },
    Spec {
        name: "speaker_roles",
        kinds: &[Kind::Speaker],
        list: &["roles[]"],
        columns: &[&[
            Col("speaker", Text, Id),
            Col("ord", Int, Ord(0)),
            Col("role", Text, F("role")),
            Col("basis", Text, F("basis")),
        ]],
        primary_key: &["speaker", "ord"],
        foreign_keys: &[fk(&["speaker"], "speakers", ID)],
    },
    Spec {
        name: "talk_titles",
        kinds: &[Kind::Speaker],
        list: &["talk", "titles[]"],
        columns: &[&[
            Col("speaker", Text, Id),
            Col("ord", Int, Ord(0)),
            Col("title", Text, F("title")),
            Col("status", Text, F("status")),
            Col("note", Text, F("note")),
        ]],
        primary_key: &["speaker", "ord"],
        foreign_keys: &[fk(&["speaker"], "speakers", ID)],
    },
    Spec {
        name: "talk_summary",
        kinds: &[Kind::Speaker],
        list: &["talk", "summary[]"],
        columns: &[&[Col("speaker", Text, Id), Col("ord", Int, Ord(0)), Col("summary", Text, F(""))]],
        primary_key: &["speaker", "ord"],
        foreign_keys: &[fk(&["speaker"], "speakers", ID)],
    },
    Spec {
        name: "statements",
        kinds: &[Kind::Speaker],
        list: &["statements[]"],
        columns: &[&[Col("speaker", Text, Id), Col("ord", Int, Ord(0)), Col("statement", Text, F(""))]],
        primary_key: &["speaker", "ord"],
        foreign_keys: &[fk(&["speaker"], "speakers", ID)],
    },
    Spec {
        name: "involvements",
        kinds: &[Kind::Project, Kind::Agreement, Kind::Forum],
        list: &["organizations[]"],
        columns: &[
            ITEM_COLUMNS,
            &[
                Col("organization", Text, F("organization")),
                Col("role", Text, F("role")),
                Col("basis", Text, F("basis")),
                Col("note", Text, F("note")),
            ],
        ],
        primary_key: ITEM,
        foreign_keys: &[OF_RECORD, fk(&["organization"], "organizations", ID)],
    },
    Spec {
        name: "sectors",
        kinds: &[Kind::Project, Kind::Agreement],
        list: &["sectors[]"],
        columns: &[ITEM_COLUMNS, &[Col("sector", Text, F(""))]],
        primary_key: ITEM,
        foreign_keys: &[OF_RECORD],
    },
    Spec {
        name: "aims",
        kinds: &[Kind::Project, Kind::Agreement],
        list: &["aims[]"],
        columns: &[ITEM_COLUMNS, &[Col("aim", Text, F(""))]],
        primary_key: ITEM,
        foreign_keys: &[OF_RECORD],
    },
    Spec {
        name: "achievements",
        kinds: &[Kind::Project, Kind::Agreement],
        list: &["achievements[]"],
        columns: &[ITEM_COLUMNS, &[Col("achievement", Text, F(""))]],
        primary_key: ITEM,
        foreign_keys: &[OF_RECORD],
    },
    Spec {
        name: "counts",
        kinds: &[Kind::Project, Kind::Agreement],
        list: &["counts[]"],
        columns: &[
            ITEM_COLUMNS,
            &[
                Col("value", Int, F("value")),
                Col("max", Int, F("max")),
                Col("unit", Text, F("unit")),
                Col("qualifier", Text, F("qualifier")),
                Col("status", Text, F("status")),
                Col("as_written", Text, F("as_written")),
                Col("period_length", Int, F("period.length")),
                Col("period_unit", Text, F("period.unit")),
                Col("period_as_written", Text, F("period.as_written")),
            ],
            DATE,
        ],
        primary_key: ITEM,
        foreign_keys: &[OF_RECORD, fk(&["date_relative_to"], "documents", ID)],
    },
    Spec {
        name: "count_including",
        kinds: &[Kind::Project, Kind::Agreement],
        list: &["counts[]", "including[]"],
        columns: &[&[
            Col("record_kind", Text, K),
            Col("record_id", Text, Id),
            Col("count", Int, Ord(0)),
            Col("ord", Int, Ord(1)),
            Col("item", Text, F("")),
        ]],
        primary_key: &["record_kind", "record_id", "count", "ord"],
        foreign_keys: &[fk(&["record_kind", "record_id", "count"], "counts", ITEM)],
    },
    Spec {
        name: "aliases",
        kinds: &[Kind::Place, Kind::Organization, Kind::Project, Kind::Agreement, Kind::Forum, Kind::Speaker],
        list: &["aliases[]"],
        columns: &[
            ITEM_COLUMNS,
            &[Col("alias", Text, F("name")), Col("kind", Text, F("kind")), Col("basis", Text, F("basis"))],
        ],
        primary_key: ITEM,
        foreign_keys: &[OF_RECORD],
    },
    Spec {
        name: "quotes",
        kinds: Kind::ALL,
        list: &["quotes[]"],
        columns: &[
            ITEM_COLUMNS,
            &[
                Col("document", Text, F("document")),
                Col("text", Text, F("text")),
                Col("char_start", Int, F("position.char_start")),
                Col("char_end", Int, F("position.char_end")),
                Col("byte_start", Int, F("position.start")),
                Col("byte_end", Int, F("position.end")),
                Col("line", Int, F("position.line")),
                Col("column", Int, F("position.column")),
            ],
        ],
        primary_key: ITEM,
        foreign_keys: &[OF_RECORD, fk(&["document"], "documents", ID)],
    },
];

/// The rows of `spec` from every record of its kinds.
fn from_json(spec: &Spec, records: &[(AnyRecord<'_>, Value)]) -> Table {
    let mut rows = Vec::new();
    for (r, json) in records.iter().filter(|(r, _)| spec.kinds.contains(&r.kind())) {
        let mut items = Vec::new();
        walk(json, spec.list, &mut Vec::new(), &mut items);
        for (ords, item) in items {
            let row = spec.columns.iter().copied().flatten().map(|Col(_, _, get)| match get {
                Get::Kind => Cell::Text(r.kind().as_str().to_owned()),
                Get::Id => Cell::Text(r.id().to_owned()),
                Get::Ord(depth) => ords.get(*depth).map_or(Cell::Null, |&n| Cell::Integer(n)),
                Get::Field(path) => cell(path.split('.').filter(|s| !s.is_empty()).try_fold(item, |v, k| v.get(k))),
            });
            rows.push(row.collect());
        }
    }
    let columns = spec
        .columns
        .iter()
        .copied()
        .flatten()
        .map(|&Col(name, ty, get)| Column { name, ty, field: field(spec, get) })
        .collect();
    Table { name: spec.name, columns, primary_key: spec.primary_key, foreign_keys: spec.foreign_keys, rows }
}

/// Every item the path `list` reaches under `v`, with its 1-based place in each list on the
/// way.
fn walk<'v>(v: &'v Value, list: &[&str], ords: &mut Vec<i64>, out: &mut Vec<(Vec<i64>, &'v Value)>) {
    let Some((first, rest)) = list.split_first() else {
        out.push((ords.clone(), v));
        return;
    };
    match (first.strip_suffix("[]"), v.get(first.trim_end_matches("[]"))) {
        (Some(_), Some(Value::Array(items))) => {
            for (i, item) in items.iter().enumerate() {
                ords.push(i as i64 + 1);
                walk(item, rest, ords, out);
                ords.pop();
            }
        }
        (None, Some(object @ Value::Object(_))) => walk(object, rest, ords, out),
        _ => {}
    }
}

/// The JSON field a column holds, as a path in a record (`programme[].speakers[].id`).
fn field(spec: &Spec, get: Get) -> Option<String> {
    let path = match get {
        Get::Field(path) => path,
        Get::Id if spec.list.is_empty() => "id",
        _ => return None,
    };
    let steps = spec.list.iter().copied().chain((!path.is_empty()).then_some(path));
    Some(steps.collect::<Vec<_>>().join("."))
}

/// A JSON value as a cell. A field is always a scalar where the schema puts a column; were
/// it ever an object or a list, its JSON text is kept rather than lost.
fn cell(v: Option<&Value>) -> Cell {
    match v {
        None | Some(Value::Null) => Cell::Null,
        Some(Value::String(s)) => Cell::Text(s.clone()),
        Some(Value::Number(n)) => n.as_i64().map_or_else(|| Cell::Text(n.to_string()), Cell::Integer),
        Some(Value::Bool(b)) => Cell::Integer(i64::from(*b)),
        Some(other) => Cell::Text(other.to_string()),
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

fn opt(v: Option<impl Into<i64>>) -> Cell {
    v.map_or(Cell::Null, |v| Cell::Integer(v.into()))
}

/// `records`: every record's kind, id and name (a document's title), the key that tables
/// holding several kinds refer to.
fn records(ds: &Dataset) -> Table {
    let rows = ds.records().map(|r| vec![text(r.kind().as_str()), text(r.id()), text(r.name())]).collect();
    Table {
        name: "records",
        columns: derived(&[("kind", Text), ("id", Text), ("name", Text)]),
        primary_key: &["kind", "id"],
        foreign_keys: &[],
        rows,
    }
}

/// `countries`: every country a record can name, with its place record where the dataset
/// has one.
fn countries(ds: &Dataset) -> Table {
    let rows = Country::ALL
        .iter()
        .map(|c| {
            let place = ds.places().by_id(c.as_str()).map_or(Cell::Null, |p| text(p.id.as_str()));
            vec![text(c.as_str()), text(c.name()), place]
        })
        .collect();
    Table {
        name: "countries",
        columns: derived(&[("id", Text), ("name", Text), ("place", Text)]),
        primary_key: ID,
        foreign_keys: const { &[fk(&["place"], "places", ID)] },
        rows,
    }
}

/// `links`: every link of every record as one row, with its basis, role and the quote it
/// rests on.
fn links(ds: &Dataset) -> Table {
    let mut rows = Vec::new();
    for r in ds.records() {
        let resolver = Resolver::new(ds, r);
        for (i, l) in r.links().iter().enumerate() {
            let (target_kind, target_id, country) = target(ds, l.target);
            let evidence = resolver.evidence_at(l).map_or(Cell::Null, |(q, _)| Cell::Integer(q as i64 + 1));
            rows.push(vec![
                text(r.kind().as_str()),
                text(r.id()),
                Cell::Integer(i as i64 + 1),
                text(l.relation.as_str()),
                target_kind,
                target_id,
                country,
                l.role.map_or(Cell::Null, |role| text(&role.to_string())),
                text(l.basis.as_str()),
                Cell::Integer(i64::from(l.basis.is_inferred())),
                text(l.field),
                evidence,
            ]);
        }
    }
    let columns = derived(&[
        ("record_kind", Text),
        ("record_id", Text),
        ("ord", Int),
        ("relation", Text),
        ("target_kind", Text),
        ("target_id", Text),
        ("country", Text),
        ("role", Text),
        ("basis", Text),
        ("inferred", Int),
        ("field", Text),
        ("evidence", Int),
    ]);
    Table {
        name: "links",
        columns,
        primary_key: ITEM,
        foreign_keys: const {
            &[
                OF_RECORD,
                fk(&["target_kind", "target_id"], "records", &["kind", "id"]),
                fk(&["country"], "countries", ID),
                fk(&["record_kind", "record_id", "evidence"], "quotes", ITEM),
            ]
        },
        rows,
    }
}

/// A link's `target_kind`, `target_id` and `country`: a country is its place record where
/// the dataset has one.
fn target(ds: &Dataset, t: Target<'_>) -> (Cell, Cell, Cell) {
    match t {
        Target::Record(kind, id) => (text(kind.as_str()), text(id), Cell::Null),
        Target::Country(c) if ds.places().by_id(c.as_str()).is_some() => {
            (text(Kind::Place.as_str()), text(c.as_str()), text(c.as_str()))
        }
        Target::Country(c) => (Cell::Null, Cell::Null, text(c.as_str())),
    }
}

/// `events`: the timeline, every dated event in time order, with the year it is placed in
/// and how.
fn events(ds: &Dataset) -> Table {
    let rows = ds
        .timeline()
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let quote = e.quote.and_then(|q| e.record.quotes().iter().position(|x| core::ptr::eq(x, q)));
            vec![
                Cell::Integer(i as i64 + 1),
                text(e.record.kind().as_str()),
                text(e.record.id()),
                text(e.event.as_str()),
                text(&e.date.as_written),
                text(e.date.precision.as_str()),
                opt(e.year),
                text(year_source(e.year_source)),
                opt(e.date.month),
                opt(e.date.day),
                e.document.map_or(Cell::Null, |d| text(d.id.as_str())),
                quote.map_or(Cell::Null, |q| Cell::Integer(q as i64 + 1)),
            ]
        })
        .collect();
    let columns = derived(&[
        ("ord", Int),
        ("record_kind", Text),
        ("record_id", Text),
        ("event", Text),
        ("as_written", Text),
        ("precision", Text),
        ("year", Int),
        ("year_source", Text),
        ("month", Int),
        ("day", Int),
        ("document", Text),
        ("quote", Int),
    ]);
    Table {
        name: "events",
        columns,
        primary_key: &["ord"],
        foreign_keys: const {
            &[OF_RECORD, fk(&["document"], "documents", ID), fk(&["record_kind", "record_id", "quote"], "quotes", ITEM)]
        },
        rows,
    }
}

/// `date` (the date's own year), `document` (the document's year) or `unknown`.
fn year_source(s: crate::query::YearSource) -> &'static str {
    match s {
        crate::query::YearSource::Date => "date",
        crate::query::YearSource::Document => "document",
        _ => "unknown",
    }
}

fn derived(columns: &[(&'static str, ColumnType)]) -> Vec<Column> {
    columns.iter().map(|&(name, ty)| Column { name, ty, field: None }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_and_reference_names_columns_of_its_tables() {
        let ds = Dataset::default();
        let tables = tables(&ds);
        let has = |table: &str, cols: &[&str]| {
            tables
                .iter()
                .find(|t| t.name == table)
                .is_some_and(|t| cols.iter().all(|c| t.columns.iter().any(|x| x.name == *c)))
        };
        for t in &tables {
            assert!(has(t.name, t.primary_key), "{}: key {:?}", t.name, t.primary_key);
            for k in t.foreign_keys {
                assert!(has(t.name, k.columns) && has(k.table, k.references), "{}: {k:?}", t.name);
                let target = tables.iter().find(|x| x.name == k.table).map(|x| x.primary_key);
                assert_eq!(target, Some(k.references), "{} refers to a key of {}", t.name, k.table);
            }
        }
    }

    #[test]
    fn a_path_through_an_object_gives_its_items_no_place() {
        let v = serde_json::json!({"talk": {"titles": [{"t": 1}, {"t": 2}]}});
        let mut out = Vec::new();
        walk(&v, &["talk", "titles[]"], &mut Vec::new(), &mut out);
        assert_eq!(out.iter().map(|(o, _)| o.clone()).collect::<Vec<_>>(), [vec![1], vec![2]]);
    }
}
