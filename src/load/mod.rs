//! The loader: one path from files to a [`Dataset`], for the embedded data and for yours.
//!
//! A data directory holds `sources/` (one text file per document) and up to seven record
//! files, `documents.json`, `places.json`, `organizations.json`, `projects.json`,
//! `agreements.json`, `forums.json` and `speakers.json`, each a JSON array. Every load runs
//! every check and returns either a whole dataset or every problem found.
//!
//! The phases, in order: decode each file ([`decode`]), name the files that are not record
//! files, collect the sources, parse and index each kind (`Parse`), attach each document's
//! text, then check every record's quotes, links and values (`validate`).

mod json;
mod quotes;
mod read;
mod validate;
mod write;

use std::collections::BTreeMap;
use std::path::Path;

pub use read::embedded_files;
use read::{Input, embedded_inputs, read_dir, too_large};
pub use write::WriteError;

use crate::Dataset;
use crate::error::{Diagnostic, DiagnosticKind, Error};
use crate::index::{Stored, Table, TableBuilder, Tables};
use crate::model::Kind;
use json::{File, Loc, parse_file};
use quotes::QuoteIndex;
use validate::{At, Checker, RecordChecks};

/// Settings for a load.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct LoadOptions {
    /// The largest file the loader reads, in bytes. Larger files are reported, not read.
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self { max_file_bytes: 16 * 1024 * 1024 }
    }
}

impl LoadOptions {
    /// Options with a different file size limit.
    ///
    /// ```
    /// let opts = china_singapore::LoadOptions::default().with_max_file_bytes(1024);
    /// assert_eq!(opts.max_file_bytes, 1024);
    /// ```
    pub fn with_max_file_bytes(mut self, bytes: u64) -> Self {
        self.max_file_bytes = bytes;
        self
    }
}

impl Dataset {
    /// Loads a directory laid out like the crate's `data/`.
    ///
    /// # Errors
    ///
    /// [`Error::DirectoryNotFound`] if `dir` is not a directory, [`Error::NoRecordFiles`] if
    /// it holds no record file, and [`Error::Invalid`] with every problem found otherwise.
    ///
    /// ```
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/my-data");
    /// let ds = china_singapore::Dataset::from_dir(dir).unwrap();
    /// assert!(ds.projects().find("Demo Park").is_some());
    /// ```
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Dataset, Error> {
        Self::from_dir_with(dir, &LoadOptions::default())
    }

    /// Loads a directory with explicit [`LoadOptions`].
    ///
    /// # Errors
    ///
    /// As [`Dataset::from_dir`].
    ///
    /// ```
    /// use china_singapore::{Dataset, DiagnosticKind, LoadOptions};
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/my-data");
    /// let err = Dataset::from_dir_with(dir, &LoadOptions::default().with_max_file_bytes(10)).unwrap_err();
    /// assert!(err.diagnostics().iter().all(|d| d.kind == DiagnosticKind::TooLarge));
    /// ```
    pub fn from_dir_with(dir: impl AsRef<Path>, options: &LoadOptions) -> Result<Dataset, Error> {
        let (inputs, diags) = read_dir(dir.as_ref(), options)?;
        require_record_files(&inputs, &diags, dir.as_ref())?;
        load(inputs, diags, options)
    }

    /// Loads from files held in memory, given as (path within the data layout, bytes) pairs,
    /// e.g. `("projects.json", json)` and `("sources/article.txt", text)`.
    ///
    /// # Errors
    ///
    /// [`Error::NoRecordFiles`] if no path is a record file, and [`Error::Invalid`] with
    /// every problem found otherwise.
    ///
    /// ```
    /// use china_singapore::Dataset;
    /// let ds = Dataset::from_files([
    ///     ("sources/a.txt", "Lion City is a nickname."),
    ///     ("documents.json", r#"[{"id": "a", "title": "A", "file": "a.txt", "date_note": "undated",
    ///         "quotes": [{"document": "a", "text": "Lion City"}]}]"#),
    ///     ("places.json", r#"[{"id": "lion-city", "name": "Lion City", "kind": "city", "country": "singapore",
    ///         "quotes": [{"document": "a", "text": "Lion City"}]}]"#),
    /// ]).unwrap();
    /// assert_eq!(ds.places().get("lion-city").unwrap().name, "Lion City");
    /// ```
    pub fn from_files<P, B>(files: impl IntoIterator<Item = (P, B)>) -> Result<Dataset, Error>
    where
        P: Into<String>,
        B: Into<Vec<u8>>,
    {
        Self::from_files_with(files, &LoadOptions::default())
    }

    /// Loads from files in memory with explicit [`LoadOptions`].
    ///
    /// # Errors
    ///
    /// As [`Dataset::from_files`].
    ///
    /// ```
    /// use china_singapore::{Dataset, DiagnosticKind, LoadOptions};
    /// let err = Dataset::from_files_with([("places.json", "[]   ")], &LoadOptions::default().with_max_file_bytes(2)).unwrap_err();
    /// assert_eq!(err.diagnostics()[0].kind, DiagnosticKind::TooLarge);
    /// ```
    pub fn from_files_with<P, B>(
        files: impl IntoIterator<Item = (P, B)>,
        options: &LoadOptions,
    ) -> Result<Dataset, Error>
    where
        P: Into<String>,
        B: Into<Vec<u8>>,
    {
        let inputs: Vec<Input> = files
            .into_iter()
            .map(|(p, b)| {
                let rel: String = p.into();
                Input { path: rel.clone(), rel, bytes: b.into().into() }
            })
            .collect();
        require_record_files(&inputs, &[], Path::new("."))?;
        load(inputs, Vec::new(), options)
    }

    /// Builds a fresh copy of the embedded dataset, through the same loader and checks as
    /// user data. Most callers want the cached [`dataset()`](crate::dataset) instead.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] if the embedded data fails its checks, which the crate's tests
    /// rule out.
    ///
    /// ```
    /// let ds = china_singapore::Dataset::embedded().unwrap();
    /// assert_eq!(&ds, china_singapore::dataset());
    /// ```
    pub fn embedded() -> Result<Dataset, Error> {
        load(embedded_inputs(), Vec::new(), &LoadOptions::default())
    }

    /// Loads the embedded dataset plus the records and sources of your directory. An id
    /// that the embedded data already uses is reported as a duplicate.
    ///
    /// # Errors
    ///
    /// As [`Dataset::from_dir`], for the embedded data and your directory together.
    ///
    /// ```
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/my-data");
    /// let ds = china_singapore::Dataset::embedded_with_dir(dir).unwrap();
    /// assert!(ds.projects().find("Demo Park").is_some());
    /// assert!(ds.projects().find("CSGKC").is_some());
    /// ```
    pub fn embedded_with_dir(dir: impl AsRef<Path>) -> Result<Dataset, Error> {
        let options = LoadOptions::default();
        let (mut user, diags) = read_dir(dir.as_ref(), &options)?;
        require_record_files(&user, &diags, dir.as_ref())?;
        let mut inputs = embedded_inputs();
        inputs.append(&mut user);
        load(inputs, diags, &options)
    }
}

/// The kind whose records a file holds, from its path within the data layout.
fn kind_of(rel: &str) -> Option<Kind> {
    Kind::ALL.iter().copied().find(|k| k.file_name() == rel)
}

/// A directory with no record file at all is not a data directory (unless a record file
/// was there but could not be read, which its diagnostic reports).
fn require_record_files(inputs: &[Input], diags: &[Diagnostic], path: &Path) -> Result<(), Error> {
    let named = |p: &str| kind_of(p.rsplit(['/', '\\']).next().unwrap_or(p)).is_some();
    if inputs.iter().any(|i| kind_of(&i.rel).is_some()) || diags.iter().any(|d| named(&d.file)) {
        Ok(())
    } else {
        Err(Error::NoRecordFiles { path: path.to_path_buf() })
    }
}

/// Size and encoding, per file: the text of each file that is within the size limit and
/// valid UTF-8, and a diagnostic for each that is not.
fn decode<'i>(inputs: &'i [Input], options: &LoadOptions, diags: &mut Vec<Diagnostic>) -> Vec<Option<&'i str>> {
    inputs.iter().map(|input| decode_one(input, options).map_err(|d| diags.push(d)).ok()).collect()
}

fn decode_one<'i>(input: &'i Input, options: &LoadOptions) -> Result<&'i str, Diagnostic> {
    if input.bytes.len() as u64 > options.max_file_bytes {
        return Err(too_large(&input.path, input.bytes.len() as u64, options));
    }
    std::str::from_utf8(&input.bytes).map_err(|e| {
        let valid = std::str::from_utf8(&input.bytes[..e.valid_up_to()]).unwrap_or_default();
        let (line, column) = json::LineIndex::new(valid).line_col(valid.len());
        Diagnostic {
            kind: DiagnosticKind::NotUtf8,
            file: input.path.clone(),
            record: None,
            line: Some(line),
            column: Some(column),
            message: format!("invalid UTF-8 at byte {}; expected UTF-8 text", e.valid_up_to()),
        }
    })
}

/// Reports `.json` files at the top level that are not record files (usually misspelt).
fn check_file_names(inputs: &[Input], diags: &mut Vec<Diagnostic>) {
    let expected: Vec<&str> = Kind::ALL.iter().map(|k| k.file_name()).collect();
    for input in inputs.iter().filter(|i| i.rel.ends_with(".json") && !i.rel.contains('/') && kind_of(&i.rel).is_none())
    {
        diags.push(Diagnostic {
            kind: DiagnosticKind::UnknownFile,
            file: input.path.clone(),
            record: None,
            line: None,
            column: None,
            message: format!("not a record file; expected one of: {}", expected.join(", ")),
        });
    }
}

/// The text of each source file by name; a name given twice is reported.
fn sources<'i>(
    inputs: &'i [Input],
    texts: &[Option<&'i str>],
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<&'i str, &'i str> {
    let mut sources = BTreeMap::new();
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (input, text) in inputs.iter().zip(texts) {
        let Some(name) = input.rel.strip_prefix("sources/") else { continue };
        if let Some(first) = seen.insert(name, &input.path) {
            diags.push(Diagnostic {
                kind: DiagnosticKind::DuplicateSource,
                file: input.path.clone(),
                record: None,
                line: None,
                column: None,
                message: format!("source `{name}` is also given by {first}; expected each source file name once"),
            });
        } else if let Some(t) = text {
            sources.insert(name, *t);
        }
    }
    sources
}

/// Parses and indexes each kind's files, in the order of the kinds.
struct Parse<'p, 'a> {
    inputs: &'p [Input],
    c: &'p mut Checker<'a>,
}

impl TableBuilder for Parse<'_, '_> {
    fn build<T: Stored>(&mut self) -> Table<T> {
        let kind = T::KIND.index();
        let mut records: Vec<(T, Loc)> = Vec::new();
        for (file, _) in self.inputs.iter().enumerate().filter(|(_, i)| kind_of(&i.rel) == Some(T::KIND)) {
            if self.c.files[file].text.is_none() {
                self.c.incomplete[kind] = true; // too large or not UTF-8, already reported
                continue;
            }
            let parsed = parse_file::<T>(&self.c.files[file], file);
            self.c.incomplete[kind] |= parsed.whole_file_failed;
            for p in parsed.problems {
                self.c.report_file(file, p.kind, p.record, Some(p.offset), p.message);
            }
            self.c.broken[kind].extend(parsed.broken_ids);
            records.extend(parsed.records);
        }
        let (records, locs): (Vec<T>, Vec<Loc>) = records.into_iter().unzip();
        let (table, clashes) = Table::build(records);
        self.c.locs[kind] = locs;
        self.c.report_clashes(&table, &clashes);
        table
    }
}

/// Gives each document the text of its source file; a document without one is reported.
fn attach_sources(tables: &mut Tables, sources: &BTreeMap<&str, &str>, c: &mut Checker<'_>) {
    let mut missing = Vec::new();
    for (i, d) in tables.documents.records_mut().iter_mut().enumerate() {
        match sources.get(d.file.as_str()).filter(|t| !t.is_empty()) {
            Some(text) => d.text = (*text).to_owned(),
            None => missing.push((i, d.id.as_str().to_owned(), d.file.clone())),
        }
    }
    for (i, id, file) in missing {
        let message = format!("document text `sources/{file}` is missing or empty; expected the article's text there");
        c.report(At::new(Kind::Document, i, &id), DiagnosticKind::MissingSource, Some(&file), message);
    }
}

/// The one loader: files in, a checked and indexed dataset (or every problem) out.
pub(crate) fn load(inputs: Vec<Input>, mut diags: Vec<Diagnostic>, options: &LoadOptions) -> Result<Dataset, Error> {
    let texts = decode(&inputs, options, &mut diags);
    check_file_names(&inputs, &mut diags);
    let sources = sources(&inputs, &texts, &mut diags);
    let files = inputs.iter().zip(&texts).map(|(i, t)| File::new(&i.path, *t)).collect();
    let mut c = Checker::new(files);
    c.diags = diags;
    let mut tables = Tables::build(&mut Parse { inputs: &inputs, c: &mut c });
    attach_sources(&mut tables, &sources, &mut c);
    let quotes = QuoteIndex::build(&tables);
    tables.visit(&mut RecordChecks { c: &mut c, tables: &tables, quotes: &quotes });
    drop(quotes);
    let mut diags = c.diags;
    if !diags.is_empty() {
        diags.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        return Err(Error::Invalid { diagnostics: diags });
    }
    Ok(Dataset::new(tables))
}
