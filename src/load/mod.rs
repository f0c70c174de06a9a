//! The loader: one path from files to a [`Dataset`], for the embedded data and for yours.
//!
//! A data directory holds `sources/` (one text file per document) and up to seven record
//! files, `documents.json`, `places.json`, `organizations.json`, `projects.json`,
//! `agreements.json`, `forums.json` and `speakers.json`, each a JSON array. Every load runs
//! every check and returns either a whole dataset or every problem found.

mod json;
mod text_index;
mod validate;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};
use serde::de::DeserializeOwned;

use crate::Dataset;
use crate::error::{Diagnostic, DiagnosticKind, Error};
use crate::index::Table;
use crate::index::links::{Links, Tables};
use crate::model::*;
use json::{Loc, line_col, parse_file};
use text_index::TextIndex;
use validate::{Checker, Loaded, check_common, check_links};

/// The crate's own data directory, compiled in.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");

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

/// One input file: where it is (for messages), its path within the data layout, and its bytes.
pub(crate) struct Input {
    pub(crate) path: String,
    rel: String,
    bytes: Cow<'static, [u8]>,
}

impl Dataset {
    /// Loads a directory laid out like the crate's `data/`.
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
    /// ```
    /// use china_singapore::{Dataset, DiagnosticKind, LoadOptions};
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/my-data");
    /// let err = Dataset::from_dir_with(dir, &LoadOptions::default().with_max_file_bytes(10)).unwrap_err();
    /// assert!(err.diagnostics().iter().all(|d| d.kind == DiagnosticKind::TooLarge));
    /// ```
    pub fn from_dir_with(dir: impl AsRef<Path>, options: &LoadOptions) -> Result<Dataset, Error> {
        let (inputs, diags) = read_dir(dir.as_ref(), options)?;
        load(inputs, diags, options)
    }

    /// Loads from files held in memory, given as (path within the data layout, bytes) pairs,
    /// e.g. `("projects.json", json)` and `("sources/article.txt", text)`.
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
        let inputs = files
            .into_iter()
            .map(|(p, b)| {
                let rel: String = p.into();
                Input { path: rel.clone(), rel, bytes: Cow::Owned(b.into()) }
            })
            .collect();
        load(inputs, Vec::new(), options)
    }

    /// Builds a fresh copy of the embedded dataset, through the same loader and checks as
    /// user data. Most callers want the cached [`dataset()`](crate::dataset) instead.
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
    /// ```
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/my-data");
    /// let ds = china_singapore::Dataset::embedded_with_dir(dir).unwrap();
    /// assert!(ds.projects().find("Demo Park").is_some());
    /// assert!(ds.projects().find("CSGKC").is_some());
    /// ```
    pub fn embedded_with_dir(dir: impl AsRef<Path>) -> Result<Dataset, Error> {
        let options = LoadOptions::default();
        let (mut user, diags) = read_dir(dir.as_ref(), &options)?;
        let mut inputs = embedded_inputs();
        inputs.append(&mut user);
        load(inputs, diags, &options)
    }

    /// Writes the dataset in the `data/` layout: `sources/` plus one JSON file per kind.
    /// Loading the directory back gives an equal dataset.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("cs-doc-write-{}", std::process::id()));
    /// let ds = china_singapore::dataset();
    /// ds.write_dir(&dir).unwrap();
    /// assert_eq!(&china_singapore::Dataset::from_dir(&dir).unwrap(), ds);
    /// std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn write_dir(&self, dir: impl AsRef<Path>) -> std::io::Result<()> {
        let dir = dir.as_ref();
        std::fs::create_dir_all(dir.join("sources"))?;
        for d in self.documents.iter() {
            std::fs::write(dir.join("sources").join(&d.file), &d.text)?;
        }
        let docs: Vec<Document> =
            self.documents.iter().map(|d| Document { text: String::new(), ..d.clone() }).collect();
        write_json(dir, Kind::Document, &DocumentsFile(&docs))?;
        write_json(dir, Kind::Place, &self.places)?;
        write_json(dir, Kind::Organization, &self.organizations)?;
        write_json(dir, Kind::Project, &self.projects)?;
        write_json(dir, Kind::Agreement, &self.agreements)?;
        write_json(dir, Kind::Forum, &self.forums)?;
        write_json(dir, Kind::Speaker, &self.speakers)
    }
}

/// Documents as they appear in `documents.json`: without their text.
struct DocumentsFile<'a>(&'a [Document]);

impl serde::Serialize for DocumentsFile<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error as _;
        let mut values = Vec::with_capacity(self.0.len());
        for d in self.0 {
            let mut v = serde_json::to_value(d).map_err(S::Error::custom)?;
            if let Some(o) = v.as_object_mut() {
                o.remove("text");
            }
            values.push(v);
        }
        values.serialize(s)
    }
}

fn write_json(dir: &Path, kind: Kind, value: &impl serde::Serialize) -> std::io::Result<()> {
    let mut text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
    text.push('\n');
    std::fs::write(dir.join(kind.file_name()), text)
}

/// The files of the embedded `data/` directory, as (path within `data/`, bytes) pairs,
/// sorted by path: the documents' sources and the record files, exactly as compiled in.
/// Handy to start a data directory of your own from the crate's.
///
/// ```
/// let files = china_singapore::embedded_files();
/// assert!(files.iter().any(|(path, _)| *path == "projects.json"));
/// assert!(files.iter().any(|(path, _)| *path == "sources/trade-in-services-forum.txt"));
/// ```
pub fn embedded_files() -> Vec<(&'static str, &'static [u8])> {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<(&'static str, &'static [u8])>) {
        for f in dir.files() {
            if let Some(path) = f.path().to_str() {
                out.push((path, f.contents()));
            }
        }
        for d in dir.dirs() {
            walk(d, out);
        }
    }
    let mut out = Vec::new();
    walk(&EMBEDDED, &mut out);
    out.sort_unstable_by_key(|&(p, _)| p);
    out
}

fn embedded_inputs() -> Vec<Input> {
    embedded_files()
        .into_iter()
        .map(|(path, bytes)| {
            let rel = path.replace('\\', "/");
            Input { path: format!("data/{rel}"), rel, bytes: Cow::Borrowed(bytes) }
        })
        .collect()
}

fn io_diag(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic {
        kind: DiagnosticKind::Io,
        file: path.display().to_string(),
        record: None,
        line: None,
        column: None,
        message: format!("cannot read: {e}; expected a readable file or directory"),
    }
}

/// Reads a data directory's `*.json` files and `sources/` (files over the size limit are
/// reported, not read).
fn read_dir(dir: &Path, options: &LoadOptions) -> Result<(Vec<Input>, Vec<Diagnostic>), Error> {
    if !dir.is_dir() {
        return Err(Error::DirectoryNotFound { path: dir.to_path_buf() });
    }
    let mut inputs = Vec::new();
    let mut diags = Vec::new();
    let read_one = |path: &Path, rel: String, inputs: &mut Vec<Input>, diags: &mut Vec<Diagnostic>| {
        match std::fs::metadata(path) {
            Ok(m) if m.len() > options.max_file_bytes => {
                diags.push(too_large(&path.display().to_string(), m.len(), options))
            }
            Ok(_) => match std::fs::read(path) {
                Ok(bytes) => inputs.push(Input { path: path.display().to_string(), rel, bytes: Cow::Owned(bytes) }),
                Err(e) => diags.push(io_diag(path, &e)),
            },
            Err(e) => diags.push(io_diag(path, &e)),
        }
    };
    let entries = |d: &Path, diags: &mut Vec<Diagnostic>| -> Vec<std::path::PathBuf> {
        match std::fs::read_dir(d) {
            Ok(it) => {
                let mut v: Vec<_> = it.filter_map(|e| e.ok().map(|e| e.path())).collect();
                v.sort();
                v
            }
            Err(e) => {
                diags.push(io_diag(d, &e));
                Vec::new()
            }
        }
    };
    for path in entries(dir, &mut diags) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if path.is_dir() && name == "sources" {
            for src in entries(&path, &mut diags) {
                if src.is_file() {
                    let file = src.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    read_one(&src, format!("sources/{file}"), &mut inputs, &mut diags);
                }
            }
        } else if path.is_file() && name.ends_with(".json") {
            read_one(&path, name, &mut inputs, &mut diags);
        }
    }
    Ok((inputs, diags))
}

fn too_large(path: &str, len: u64, options: &LoadOptions) -> Diagnostic {
    Diagnostic {
        kind: DiagnosticKind::TooLarge,
        file: path.to_owned(),
        record: None,
        line: None,
        column: None,
        message: format!("{len} bytes; expected at most {} (LoadOptions::max_file_bytes)", options.max_file_bytes),
    }
}

fn kind_of(rel: &str) -> Option<Kind> {
    Kind::ALL.iter().copied().find(|k| k.file_name() == rel)
}

/// Parses every file of one kind, recording which ids failed to parse.
fn parse_kind<T: DeserializeOwned + Record>(
    kind: Kind,
    inputs: &[Input],
    texts: &[Option<&str>],
    checker: &mut Checker<'_>,
) -> Vec<(T, Loc)> {
    let mut out = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        if kind_of(&input.rel) != Some(kind) {
            continue;
        }
        let Some(text) = texts[i] else {
            // Too large or not UTF-8 (already reported): this kind's ids are unknown.
            checker.incomplete.insert(kind);
            continue;
        };
        let parsed = parse_file::<T>(text, i, &input.path);
        if parsed.whole_file_failed {
            checker.incomplete.insert(kind);
        }
        checker.diags.extend(parsed.diagnostics);
        checker.broken.entry(kind).or_default().extend(parsed.broken_ids);
        out.extend(parsed.records);
    }
    out
}

fn table<T: Record>(
    c: &mut Checker<'_>,
    records: Vec<(T, Loc)>,
    docs: &Table<Document>,
    texts: &[TextIndex<'_>],
) -> (Table<T>, Vec<Loc>) {
    let (records, locs): (Vec<T>, Vec<Loc>) = records.into_iter().unzip();
    let (table, clashes) = Table::build(records);
    check_common(c, &table, &locs, &clashes, docs, texts);
    (table, locs)
}

/// The one loader: files in, a checked and indexed dataset (or every problem) out.
pub(crate) fn load(inputs: Vec<Input>, mut diags: Vec<Diagnostic>, options: &LoadOptions) -> Result<Dataset, Error> {
    // Size and encoding, per file.
    let texts: Vec<Option<&str>> = inputs
        .iter()
        .map(|input| {
            if input.bytes.len() as u64 > options.max_file_bytes {
                diags.push(too_large(&input.path, input.bytes.len() as u64, options));
                return None;
            }
            match std::str::from_utf8(&input.bytes) {
                Ok(t) => Some(t),
                Err(e) => {
                    let valid = std::str::from_utf8(&input.bytes[..e.valid_up_to()]).unwrap_or_default();
                    let (line, column) = line_col(valid, valid.len());
                    diags.push(Diagnostic {
                        kind: DiagnosticKind::NotUtf8,
                        file: input.path.clone(),
                        record: None,
                        line: Some(line),
                        column: Some(column),
                        message: format!("invalid UTF-8 at byte {}; expected UTF-8 text", e.valid_up_to()),
                    });
                    None
                }
            }
        })
        .collect();
    for input in &inputs {
        if input.rel.ends_with(".json") && !input.rel.contains('/') && kind_of(&input.rel).is_none() {
            let expected: Vec<&str> = Kind::ALL.iter().map(|k| k.file_name()).collect();
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
    let mut sources: BTreeMap<&str, &str> = BTreeMap::new();
    let mut source_files: BTreeMap<&str, &str> = BTreeMap::new();
    for (input, text) in inputs.iter().zip(&texts) {
        let Some(name) = input.rel.strip_prefix("sources/") else { continue };
        if let Some(first) = source_files.insert(name, &input.path) {
            diags.push(Diagnostic {
                kind: DiagnosticKind::DuplicateSource,
                file: input.path.clone(),
                record: None,
                line: None,
                column: None,
                message: format!("source `{name}` is also given by {first}; expected each source file name once"),
            });
        } else if let Some(t) = text {
            sources.insert(name, t);
        }
    }

    let mut c = Checker::new(&inputs, &texts);
    let mut docs: Vec<(Document, Loc)> = parse_kind(Kind::Document, &inputs, &texts, &mut c);
    for (d, _) in &mut docs {
        d.text = sources.get(d.file.as_str()).map(|t| (*t).to_owned()).unwrap_or_default();
    }
    // Documents are indexed first: every kind's quotes, theirs too, are checked against them.
    let (doc_table, doc_locs, doc_clashes) = {
        let (records, locs): (Vec<Document>, Vec<Loc>) = docs.into_iter().unzip();
        let (t, clashes) = Table::build(records);
        (t, locs, clashes)
    };
    // Indexed from the input bytes, which outlive the load, in document order.
    let text_index: Vec<TextIndex<'_>> =
        doc_table.iter().map(|d| TextIndex::new(sources.get(d.file.as_str()).copied().unwrap_or_default())).collect();
    check_common(&mut c, &doc_table, &doc_locs, &doc_clashes, &doc_table, &text_index);
    let documents = (doc_table, doc_locs);
    let places = parse_kind(Kind::Place, &inputs, &texts, &mut c);
    let places = table(&mut c, places, &documents.0, &text_index);
    let organizations = parse_kind(Kind::Organization, &inputs, &texts, &mut c);
    let organizations = table(&mut c, organizations, &documents.0, &text_index);
    let projects = parse_kind(Kind::Project, &inputs, &texts, &mut c);
    let projects = table(&mut c, projects, &documents.0, &text_index);
    let agreements = parse_kind(Kind::Agreement, &inputs, &texts, &mut c);
    let agreements = table(&mut c, agreements, &documents.0, &text_index);
    let forums = parse_kind(Kind::Forum, &inputs, &texts, &mut c);
    let forums = table(&mut c, forums, &documents.0, &text_index);
    let speakers = parse_kind(Kind::Speaker, &inputs, &texts, &mut c);
    let speakers = table(&mut c, speakers, &documents.0, &text_index);

    let loaded = Loaded {
        documents: &documents,
        places: &places,
        organizations: &organizations,
        projects: &projects,
        agreements: &agreements,
        forums: &forums,
        speakers: &speakers,
    };
    check_links(&mut c, &loaded);
    diags.append(&mut c.diags);
    if !diags.is_empty() {
        diags.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        return Err(Error::Invalid { diagnostics: diags });
    }
    let links = Links::build(&Tables {
        places: &places.0,
        organizations: &organizations.0,
        projects: &projects.0,
        agreements: &agreements.0,
        forums: &forums.0,
        speakers: &speakers.0,
    });
    Ok(Dataset {
        documents: documents.0,
        places: places.0,
        organizations: organizations.0,
        projects: projects.0,
        agreements: agreements.0,
        forums: forums.0,
        speakers: speakers.0,
        links,
    })
}
