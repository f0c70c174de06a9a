//! Errors: what went wrong while loading a dataset, and where.

use core::fmt;
use std::path::PathBuf;

use serde::Serialize;

closed_enum! {
    in load;
    /// What kind of problem a [`Diagnostic`] reports. One variant per check the loader makes.
    #[non_exhaustive]
    pub enum DiagnosticKind {
        /// A file could not be read.
        Io = "io",
        /// A record file or source that is not a regular file: a directory, a pipe, a device.
        NotAFile = "not-a-file",
        /// A link that leads out of the data directory.
        OutsideDirectory = "outside-directory",
        /// The same path given twice to [`Loader::files`](crate::Loader::files).
        DuplicateFile = "duplicate-file",
        /// A JSON file that starts with a UTF-8 byte order mark.
        ByteOrderMark = "byte-order-mark",
        /// A file is not valid UTF-8.
        NotUtf8 = "not-utf8",
        /// A file is larger than [`Loader::max_file_bytes`](crate::Loader::max_file_bytes),
        /// or the files read pass [`Loader::max_total_bytes`](crate::Loader::max_total_bytes).
        TooLarge = "too-large",
        /// A JSON file in the data directory that is not one of the record files.
        UnknownFile = "unknown-file",
        /// A JSON syntax error.
        Syntax = "syntax",
        /// The file ends before its JSON does: cut short.
        Truncated = "truncated",
        /// Arrays or objects nested deeper than any record needs.
        TooDeep = "too-deep",
        /// A field the record type does not have.
        UnknownField = "unknown-field",
        /// A required field is absent.
        MissingField = "missing-field",
        /// A value of the wrong JSON type (e.g. a string where a number belongs).
        WrongType = "wrong-type",
        /// A field given twice in one record.
        DuplicateKey = "duplicate-key",
        /// A string that is not one of a closed set's values.
        UnknownVariant = "unknown-variant",
        /// An id that is not a lower-case slug.
        InvalidId = "invalid-id",
        /// Two records of one kind share an id.
        DuplicateId = "duplicate-id",
        /// A reference to a record that does not exist.
        DanglingReference = "dangling-reference",
        /// Two records of one kind share a name or alias (after normalisation).
        DuplicateName = "duplicate-name",
        /// A name or alias that is empty, or has no letter or digit.
        EmptyName = "empty-name",
        /// A record with no quote.
        MissingQuote = "missing-quote",
        /// A quote not found verbatim in the document it cites.
        QuoteNotFound = "quote-not-found",
        /// A quote with fewer than two words: too little to show where a fact comes from.
        ThinQuote = "thin-quote",
        /// A link or alias marked `stated` that no quote of its record names.
        NotStated = "not-stated",
        /// A quote, or a link, citing a document that does not exist.
        UnknownDocument = "unknown-document",
        /// A document whose text file is not under `sources/`.
        MissingSource = "missing-source",
        /// A document whose `file` is not one plain file name (a separator, `..`, an absolute
        /// path or a NUL).
        InvalidFileName = "invalid-file-name",
        /// Two source files with one name (e.g. yours and the embedded data's).
        DuplicateSource = "duplicate-source",
        /// A value that cannot be: a negative amount, month 13, a minimum above its maximum,
        /// a containment cycle, …
        ImpossibleValue = "impossible-value",
        /// The count of a file's problems past
        /// [`Loader::max_diagnostics_per_file`](crate::Loader::max_diagnostics_per_file).
        MoreProblems = "more-problems",
    }
}

/// One problem found while loading: what, in which file, which record, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// What kind of problem.
    pub kind: DiagnosticKind,
    /// The file, as given to the loader (e.g. `my-data/projects.json`).
    pub file: String,
    /// The id of the record, where known.
    pub record: Option<String>,
    /// The 1-based line, where known.
    pub line: Option<usize>,
    /// The 1-based column, in characters, where known.
    pub column: Option<usize>,
    /// What was found and what was expected.
    pub message: String,
}

/// Text from the data, written with control characters (and the bidirectional controls
/// that reorder what a terminal shows) escaped as `\u{..}`, so that a data file cannot
/// forge a line of output.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            let bidi = matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            if c.is_control() || bidi {
                write!(f, "\\u{{{:x}}}", u32::from(c))?;
            } else {
                fmt::Write::write_char(f, c)?;
            }
        }
        Ok(())
    }
}

/// One line: `file:line:column: kind in record `id`: message`, with control characters in
/// any of them escaped.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Escaped(&self.file).fmt(f)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {}", self.kind)?;
        if let Some(r) = &self.record {
            write!(f, " in record `{}`", Escaped(r))?;
        }
        write!(f, ": {}", Escaped(&self.message))
    }
}

/// Why a dataset could not be loaded. A load returns a whole dataset or this, never part.
///
/// ```
/// let err = china_singapore::Dataset::from_dir("/no/such/dir").unwrap_err();
/// assert!(matches!(err, china_singapore::Error::DirectoryNotFound { .. }));
/// assert_eq!(err, china_singapore::Dataset::from_dir("/no/such/dir").unwrap_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "error", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Error {
    /// The data directory does not exist.
    #[error("data directory not found: {}", Escaped(&path.display().to_string()))]
    DirectoryNotFound {
        /// The path that was given.
        path: PathBuf,
    },
    /// The path given as the data directory exists but is not a directory (a file, a
    /// socket, a device).
    #[error("not a directory: {}; expected a data directory", Escaped(&path.display().to_string()))]
    NotADirectory {
        /// The path that was given.
        path: PathBuf,
    },
    /// The directory (or the set of files) holds none of the record files, so it is not a
    /// data directory: loading it would give an empty dataset.
    #[error(
        "no record files in {}: expected at least one of documents.json, places.json, organizations.json, \
         projects.json, agreements.json, forums.json or speakers.json",
        Escaped(&path.display().to_string())
    )]
    NoRecordFiles {
        /// The directory that was given (`.` for files given in memory).
        path: PathBuf,
    },
    /// The data has one or more problems; every one found is listed.
    #[error("{} problem(s) in the data:\n{}", diagnostics.len(), Lines(diagnostics))]
    Invalid {
        /// Every problem found, in file order.
        diagnostics: Vec<Diagnostic>,
    },
}

struct Lines<'a>(&'a [Diagnostic]);

impl fmt::Display for Lines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "  {d}")?;
        }
        Ok(())
    }
}

impl Error {
    /// Every problem found (empty for [`Error::DirectoryNotFound`], [`Error::NotADirectory`]
    /// and [`Error::NoRecordFiles`]).
    ///
    /// ```
    /// let err = china_singapore::Loader::new().files([("places.json", "[{]")]).load().unwrap_err();
    /// assert_eq!(err.diagnostics()[0].kind, china_singapore::load::DiagnosticKind::Syntax);
    /// ```
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Invalid { diagnostics } => diagnostics,
            Error::DirectoryNotFound { .. } | Error::NotADirectory { .. } | Error::NoRecordFiles { .. } => &[],
        }
    }
}

/// A name or id that matches no record, with the names closest to it: what a checked
/// lookup ([`Table::lookup`](crate::Table::lookup), [`Dataset::lookup`](crate::Dataset::lookup))
/// or a checked filter (such as
/// [`ProjectFilter::try_iter`](crate::query::ProjectFilter::try_iter)) returns instead of
/// nothing. A filter also says which other kinds the name belongs to.
///
/// ```
/// let ds = china_singapore::dataset();
/// let err = ds.projects().lookup("Knowlege City").unwrap_err();
/// assert_eq!(err.suggestions[0], "Knowledge City");
/// assert_eq!(err.to_string(), r#"no project has the id, name or alias "Knowlege City"; did you mean "Knowledge City"?"#);
/// let err = ds.project_filter().place("CSGKC").try_iter().unwrap_err();
/// assert_eq!(err.to_string(), r#"no place has the id, name or alias "CSGKC"; it is a project"#);
/// ```
#[derive(Clone, Debug, PartialEq, thiserror::Error, Serialize)]
#[non_exhaustive]
pub struct NotFound {
    /// The kind of record asked for; `None` for a lookup across every kind.
    pub kind: Option<crate::Kind>,
    /// What was asked, as given.
    pub query: String,
    /// The closest names or aliases of that kind, best first: at most three, none far off
    /// (about three typos at most), none much further off than the best; empty when
    /// nothing is near.
    pub suggestions: Vec<String>,
    /// The other kinds that have a record with this id, name or alias (filled in by
    /// filters, which know the whole dataset): `CSGKC` asked for as a place is a project.
    pub elsewhere: Vec<crate::Kind>,
}

impl fmt::Display for NotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Some(kind) => write!(f, "no {kind} has the id, name or alias \"{}\"", Escaped(&self.query))?,
            None => write!(f, "no record has the id, name or alias \"{}\"", Escaped(&self.query))?,
        }
        for (i, kind) in self.elsewhere.iter().enumerate() {
            let an = if kind.as_str().starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
            write!(f, "{} {an} {kind}", if i == 0 { "; it is" } else { " and" })?;
        }
        let n = self.suggestions.len();
        for (i, s) in self.suggestions.iter().enumerate() {
            let sep = match i {
                0 => "; did you mean ",
                _ if i + 1 == n => " or ",
                _ => ", ",
            };
            write!(f, "{sep}\"{}\"", Escaped(s))?;
        }
        if n > 0 {
            f.write_str("?")?;
        }
        Ok(())
    }
}
