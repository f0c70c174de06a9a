//! The rules the crate's answers follow, in one place. Nothing here is code: each rule is
//! also stated on the item it governs, and this page gathers them.
//!
//! # The name rule
//!
//! Two names are one name when they are equal after Unicode compatibility caseless
//! matching (NFKD, full case folding, NFKD again, as in Unicode's definition D146),
//! recomposed (NFC), keeping only letters and digits, with an ordinal from 1 to 99 read
//! either way (`fourth` or `4th`). So `CSGKC`, `c.s.g.k.c.` and `Csgkc` are one name, and so
//! are `Straße` and `STRASSE`. Ids compare ignoring ASCII case only. Every lookup by name
//! ([`Table::by_name`](crate::Table::by_name)), every filter condition that takes a name,
//! and the loader's duplicate-name check use this one rule.
//!
//! ```
//! let ds = china_singapore::dataset();
//! let kc = ds.projects().by_name("c.s.g.k.c.").unwrap();
//! assert!(std::ptr::eq(kc, ds.projects().by_name("China Singapore Guangzhou Knowledge City").unwrap()));
//! assert_eq!(ds.forums().by_name("4th China International Import Expo").unwrap().id, "ciie-4");
//! ```
//!
//! # Filters
//!
//! - A filter starts matching every record of its kind. Each method sets one condition;
//!   calling it again replaces that condition. A record matches when it meets every
//!   condition set.
//! - A condition that takes a record takes its id, name or alias (looked up by id first).
//!   One that names no record matches nothing; `try_iter` says which name it was, the
//!   closest names, and the other kinds that have it ("CSGKC is a project, not a place").
//! - Containment is followed at any depth: a place includes the places within it, a
//!   project includes the projects part of it, a forum the events within it, and an
//!   organisation's group its units (`group`, `parent`). `above` walks the other way, up
//!   an organisation's parent chain.
//! - A date range keeps records with a date that lies wholly within it: every day the date
//!   can mean is in the range, so "in 2022" is in 2022 but not in January 2022. A date
//!   whose year the text leaves unknown never matches. An agreement signed at a meeting is
//!   dated by the meeting too.
//! - **Results always come in file order** (the order of the record file), whatever the
//!   conditions. A filter costs what its shortest condition list holds, not the table's
//!   size, and allocates nothing.
//!
//! ```
//! let ds = china_singapore::dataset();
//! let in_guangzhou = ds.project_filter().place("Guangzhou");
//! let positions: Vec<usize> = in_guangzhou
//!     .iter()
//!     .map(|p| ds.projects().iter().position(|q| std::ptr::eq(p, q)).unwrap())
//!     .collect();
//! assert!(positions.windows(2).all(|w| w[0] < w[1]));
//! ```
//!
//! # The timeline
//!
//! [`Dataset::timeline`](crate::Dataset::timeline) places every dated event:
//!
//! 1. An event whose date has a year (stated, or inferred with a reason, see
//!    [`Year`](crate::model::Year)) is placed by the days it can mean: by its first day,
//!    then its last (so "in 2022" comes before "January 1, 2022", which comes before "June
//!    2022"). Its [`YearSource`](crate::query::YearSource) is `Date`.
//! 2. An event whose date has no year, in a document whose year is known (stated or
//!    inferred), is placed in that year, moved by its relative words ("last year" is the
//!    year before), and marked `YearSource::Document`: the year is where it is placed, not
//!    a fact the text states.
//! 3. Every other event has no year anyone can know. These come after all events with a
//!    year, grouped by their document (in the order of the documents), and within a
//!    document ordered as its words allow: "in recent years", then "last year", then "this
//!    year" (by month and day; "at the end of the year" after December 31, an unknown
//!    month or day after the known ones), then "next year", then dates given with no year
//!    and no relative words ("On November 1"), by month and day. They are marked
//!    `YearSource::Unknown`.
//!
//! Ties keep the order of the kinds, then file order, then field order.
//!
//! # How a fact is known
//!
//! Every link and alias carries a [`Basis`](crate::model::Basis): `stated` (a quote of the
//! record names the target; the loader checks this on every load), `context` (the
//! passage implies it), `name` (the record's own name implies it), `geography` and
//! `common-usage` (knowledge outside the articles). An inferred year says what it was
//! inferred from. A name the crate had to make up is marked
//! [`NameSource::Descriptive`](crate::model::NameSource::Descriptive).
//!
//! # The loader's checks
//!
//! Every load — the embedded data's and yours — runs every check and returns either a
//! whole dataset or every problem found, each a [`Diagnostic`](crate::load::Diagnostic)
//! with the file, the record, the line and the column. Its
//! [`DiagnosticKind`](crate::load::DiagnosticKind) is one of:
//!
//! - reading: a file that cannot be read, is not a regular file, leads outside the
//!   directory (a link), is larger than [`Loader::max_file_bytes`](crate::Loader::max_file_bytes)
//!   or passes [`Loader::max_total_bytes`](crate::Loader::max_total_bytes), is not UTF-8 or
//!   starts with a byte order mark; a JSON file that is not a record file;
//! - parsing: JSON syntax, an unknown or missing field, a wrong type, a key given twice,
//!   a value outside a closed set;
//! - records: an id that is not a lower-case slug, two records of one kind with one id or
//!   one name under the name rule, a reference to a record that does not exist, an empty
//!   name, a record with no quote, a quote that is not verbatim in its document or holds
//!   fewer than two words, a link or alias marked `stated` that no quote of the record
//!   names, a document without its source file, and values that cannot be (a negative
//!   amount, month 13, a containment cycle, …).
//!
//! Reading is confined to the directory given: no link is followed out of it, and sources
//! are read only when a document cites them. Past
//! [`Loader::max_diagnostics_per_file`](crate::Loader::max_diagnostics_per_file), one more
//! diagnostic counts the rest. Files the load did not use are listed in
//! [`Dataset::skipped`](crate::Dataset::skipped).
//!
//! ```
//! let err = china_singapore::Loader::new().files([("places.json", "[{\"id\": \"Bad Id\"}]")]).load().unwrap_err();
//! let d = &err.diagnostics()[0];
//! assert_eq!((d.file.as_str(), d.line), ("places.json", Some(1)));
//! ```
