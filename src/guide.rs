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
//!   size, and allocates nothing once the lists it reads exist: the list of what lies
//!   within a record at any depth is built the first time a filter asks for that record,
//!   by walking down from it (so a chain thousands deep costs its length), then kept.
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
//! Every link, alias and speaker role carries a [`Basis`](crate::model::Basis):
//!
//! - `stated`: a sentence of the text names both ends, the record (by its name, an alias,
//!   or a descriptive mention the data records as an alias) and the target. "It", "the
//!   meeting", "the forum" or "the country" does not name. The loader checks on every
//!   load that one quote of the record names both ends; it cannot see whether the two
//!   names fall in the sentence that makes the link, so a quote that runs over two
//!   sentences is the data's responsibility.
//! - `context`: the passage implies it, sitting in a list, session or paragraph about the
//!   target, or naming an end only as "it" or "the meeting".
//! - `name`: the record's own name implies it (the *Guangzhou* Knowledge City).
//! - `geography`, `common-usage`: knowledge outside the articles.
//!
//! From strongest to weakest: `stated`, `name`, `context`, `geography`, `common-usage`.
//! An inferred year says what it was inferred from. A name the crate had to make up is
//! marked [`NameSource::Descriptive`](crate::model::NameSource::Descriptive).
//!
//! # Answers with their reasons
//!
//! - **Evidence.** Each [`Connection`](crate::query::Connection) from
//!   [`Dataset::links_of`](crate::Dataset::links_of) or
//!   [`Dataset::linked_from`](crate::Dataset::linked_from) carries its
//!   [`Evidence`](crate::query::Evidence): the record's first quote naming both ends, else
//!   the first naming the far end, else (for `context`) its first quote; and the words
//!   naming the far end, with their position.
//! - **Derivations.** A filter that follows containment matches through a chain of links;
//!   [`Dataset::explain`](crate::Dataset::explain) returns that chain, each step with its
//!   basis and evidence, and the chain's basis is its weakest step's. Every record a place,
//!   part-of, forum or parent condition matches has one. Filters never compute it.
//! - **Cards.** [`Dataset::card`](crate::Dataset::card) is one record with every field,
//!   its links both ways with evidence, and its quotes with positions, as JSON.
//! - **Positions.** A [`Position`](crate::model::Position) gives byte and character
//!   offsets (0-based, ends exclusive), a 1-based line, and a 1-based column counted in
//!   characters. Every column the crate reports, in positions and in diagnostics, is
//!   counted so. [`Quote::locate`](crate::Quote::locate) places a phrase inside a quote.
//! - **Figures.** [`Dataset::figures`](crate::Dataset::figures) lists every amount and
//!   count with its record, its quote and the position of its words.
//!
//! ```
//! let ds = china_singapore::dataset();
//! let tower = ds.projects().by_name("Knowledge Tower").unwrap();
//! let why = ds.explain(tower, ds.places().by_name("Guangdong Province").unwrap()).unwrap();
//! assert_eq!(why.basis(), china_singapore::model::Basis::Geography);
//! ```
//!
//! # Search
//!
//! [`Dataset::search`](crate::Dataset::search) matches words whatever their case,
//! punctuation or inflection. Any word may match (more and rarer words rank higher); a
//! word led by `+` must appear in the matching text; words in double quotes must appear
//! together as a phrase. Each hit carries the quote holding the matched text and its
//! position.
//!
//! # Bounds
//!
//! Every query costs time and memory linear in its input, and these bounds say where
//! input stops counting:
//!
//! - a search reads at most 64 words of its query, loose, `+`-required and in phrases
//!   together; the rest are ignored;
//! - a suggestion ("did you mean", and every checked lookup or filter miss) reads at most
//!   16 words; a word of more than 32 characters is matched only to a name word equal to
//!   it, never with edits; a run of Han, kana or Hangul counts one word per character;
//! - the list of what lies within a record at any depth (for a place, part-of, parent or
//!   forum condition, and for [`Dataset::explain`](crate::Dataset::explain)) is found by
//!   walking from that record, never by listing every record's ancestors.
//!
//! ```
//! let ds = china_singapore::dataset();
//! assert!(ds.suggest("x".repeat(10_000), 3).is_empty());
//! assert_eq!(ds.search(&"green bonds ".repeat(10_000))[0].record.id(), "green-bond-issuance");
//! ```
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
//! - parsing: JSON syntax, a file cut short, arrays or objects nested more than 32 levels
//!   deep, an unknown or missing field, a wrong type, a key given twice, a value outside a
//!   closed set;
//! - records: an id that is not a lower-case slug, two records of one kind with one id or
//!   one name under the name rule, a reference to a record that does not exist, an empty
//!   name, a record with no quote, a quote that is not verbatim in its document or holds
//!   fewer than two words, a link marked `stated` with no quote of the record naming both
//!   its ends, an alias marked `stated` that no quote uses, a quote `position` that is not
//!   where the quote is, a document without its source file, and values that cannot be
//!   (a negative amount, month 13, a containment cycle, …).
//!
//! Reading is confined to the directory given: no link is followed out of it, a file is
//! opened first and checked through its handle (a regular file, the file its path names
//! once open), so a file swapped for a link, a pipe or another file while loading is
//! refused; and sources are read only when a document cites them, once each, however
//! many documents cite them. Files given in memory count against
//! [`Loader::max_total_bytes`](crate::Loader::max_total_bytes) too; a path outside the
//! layout, and a file name that is not UTF-8, is listed as skipped. Past
//! [`Loader::max_diagnostics_per_file`](crate::Loader::max_diagnostics_per_file), one more
//! diagnostic counts the rest. Files the load did not use are listed in
//! [`Dataset::skipped`](crate::Dataset::skipped).
//!
//! ```
//! let err = china_singapore::Loader::new().files([("places.json", "[{\"id\": \"Bad Id\"}]")]).load().unwrap_err();
//! let d = &err.diagnostics()[0];
//! assert_eq!((d.file.as_str(), d.line), ("places.json", Some(1)));
//! ```
