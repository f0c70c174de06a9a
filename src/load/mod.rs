//! Loading: the [`Loader`] builder, and what a load reports ([`Diagnostic`]s in an
//! [`Error`], [`Skipped`] files). The checks every load runs are listed in
//! [the guide](crate::guide#the-loaders-checks).
//!
//! A data directory holds `sources/` (one text file per document) and up to seven record
//! files, `documents.json`, `places.json`, `organizations.json`, `projects.json`,
//! `agreements.json`, `forums.json` and `speakers.json`, each a JSON array. Every load runs
//! every check and returns either a whole dataset or every problem found.
//!
//! `read` gathers the files (confined to the directory), `pipeline` runs the phases (decode,
//! parse and index each kind, attach each cited source, check), `validate` holds the checks
//! and `index/quotes.rs` the quote search.

mod json;
mod pipeline;
mod provenance;
mod read;
mod validate;

use std::path::{Path, PathBuf};

use pipeline::load;
pub use read::Skipped;
#[cfg(feature = "embedded")]
#[cfg_attr(docsrs, doc(cfg(feature = "embedded")))]
pub use read::embedded_files;
#[cfg(feature = "embedded")]
use read::embedded_inputs;
pub(crate) use read::is_plain_file_name;
use read::{Inputs, memory_inputs, read_dir};

use crate::Dataset;
use crate::error::Error;
pub use crate::error::{Diagnostic, DiagnosticKind};

/// The bounds that keep a hostile or mistaken directory from costing more than it should.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Limits {
    pub(crate) max_file_bytes: u64,
    pub(crate) max_total_bytes: u64,
    pub(crate) max_diagnostics_per_file: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_file_bytes: 16 * 1024 * 1024, max_total_bytes: 256 * 1024 * 1024, max_diagnostics_per_file: 100 }
    }
}

/// A load, configured: its limits and what it reads. [`Dataset::from_dir`] and
/// [`Dataset::embedded`] are the one-line forms; a `Loader` takes the same options on every
/// path.
///
/// The embedded data ([`Loader::embedded`]) comes first, then the directory, then each set
/// of files in the order given, so an id that the embedded data already uses is reported
/// on yours. A load reads nothing outside the directories it is given, and returns either a
/// whole dataset or every problem found.
///
/// ```
/// use china_singapore::Loader;
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/my-data");
/// let ds = Loader::new().max_file_bytes(1 << 20).embedded().dir(dir).load().unwrap();
/// assert!(ds.projects().by_name("Demo Park").is_some());
/// assert!(ds.projects().by_name("CSGKC").is_some());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[must_use = "a loader does nothing until `load` is called"]
pub struct Loader {
    limits: Limits,
    embedded: bool,
    dir: Option<PathBuf>,
    files: Vec<Vec<(String, Vec<u8>)>>,
}

impl Loader {
    /// A loader with the default limits (16 MiB a file, 256 MiB in all, 100 diagnostics
    /// listed per file) that reads nothing yet.
    ///
    /// ```
    /// let err = china_singapore::Loader::new().load().unwrap_err();
    /// assert!(matches!(err, china_singapore::Error::NoRecordFiles { .. }));
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// The largest file the loader reads, in bytes (16 MiB by default), counted as read:
    /// larger files are reported, and never read past this.
    ///
    /// ```
    /// use china_singapore::{Loader, load::DiagnosticKind};
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/my-data");
    /// let err = Loader::new().max_file_bytes(10).dir(dir).load().unwrap_err();
    /// assert!(err.diagnostics().iter().all(|d| d.kind == DiagnosticKind::TooLarge));
    /// ```
    pub fn max_file_bytes(mut self, bytes: u64) -> Self {
        self.limits.max_file_bytes = bytes;
        self
    }

    /// The most bytes a load reads in all its files (256 MiB by default).
    ///
    /// ```
    /// use china_singapore::{Loader, load::DiagnosticKind};
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/my-data");
    /// let err = Loader::new().max_total_bytes(100).dir(dir).load().unwrap_err();
    /// assert!(err.diagnostics().iter().any(|d| d.kind == DiagnosticKind::TooLarge));
    /// ```
    pub fn max_total_bytes(mut self, bytes: u64) -> Self {
        self.limits.max_total_bytes = bytes;
        self
    }

    /// The most diagnostics listed per file (100 by default); past it, one more diagnostic
    /// counts the rest.
    ///
    /// ```
    /// use china_singapore::{Loader, load::DiagnosticKind};
    /// let places = r#"[{"id": "A"}, {"id": "B"}, {"id": "C"}]"#;
    /// let err = Loader::new().max_diagnostics_per_file(1).files([("places.json", places)]).load().unwrap_err();
    /// assert_eq!(err.diagnostics().last().unwrap().kind, DiagnosticKind::MoreProblems);
    /// ```
    pub fn max_diagnostics_per_file(mut self, n: usize) -> Self {
        self.limits.max_diagnostics_per_file = n;
        self
    }

    /// Reads the embedded data too, before everything else. Needs the `embedded` feature
    /// (on by default).
    ///
    /// ```
    /// let ds = china_singapore::Loader::new().embedded().load().unwrap();
    /// assert_eq!(&ds, china_singapore::dataset());
    /// ```
    #[cfg(feature = "embedded")]
    #[cfg_attr(docsrs, doc(cfg(feature = "embedded")))]
    pub fn embedded(mut self) -> Self {
        self.embedded = true;
        self
    }

    /// Reads a directory laid out like the crate's `data/`: `sources/` and the record files.
    /// A load reads one directory: a second call replaces the first.
    ///
    /// ```
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/my-data");
    /// let ds = china_singapore::Loader::new().dir(dir).load().unwrap();
    /// assert!(ds.projects().by_name("Demo Park").is_some());
    /// ```
    pub fn dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Reads files held in memory, given as (path within the data layout, bytes) pairs,
    /// e.g. `("projects.json", json)` and `("sources/article.txt", text)`.
    ///
    /// ```
    /// let ds = china_singapore::Loader::new().files([
    ///     ("sources/a.txt", "Lion City is a nickname."),
    ///     ("documents.json", r#"[{"id": "a", "title": "A", "file": "a.txt", "date_note": "undated",
    ///         "quotes": [{"document": "a", "text": "Lion City"}]}]"#),
    ///     ("places.json", r#"[{"id": "lion-city", "name": "Lion City", "kind": "city",
    ///         "country": {"id": "singapore", "basis": "context"},
    ///         "quotes": [{"document": "a", "text": "Lion City"}]}]"#),
    /// ]).load().unwrap();
    /// assert_eq!(ds.places().by_id("lion-city").unwrap().name, "Lion City");
    /// ```
    pub fn files<P, B>(mut self, files: impl IntoIterator<Item = (P, B)>) -> Self
    where
        P: Into<String>,
        B: Into<Vec<u8>>,
    {
        self.files.push(files.into_iter().map(|(p, b)| (p.into(), b.into())).collect());
        self
    }

    /// Runs the load: reads everything it was given, runs every check, and returns the
    /// dataset or every problem found.
    ///
    /// # Errors
    ///
    /// [`Error::DirectoryNotFound`] if a directory is not one, [`Error::NoRecordFiles`] if a
    /// directory or set of files holds no record file (or nothing was given to read), and
    /// [`Error::Invalid`] with every problem found otherwise.
    ///
    /// ```
    /// let err = china_singapore::Loader::new().files([("places.json", "[{]")]).load().unwrap_err();
    /// assert_eq!(err.diagnostics()[0].kind, china_singapore::load::DiagnosticKind::Syntax);
    /// ```
    pub fn load(self) -> Result<Dataset, Error> {
        let mut inputs = Inputs::default();
        #[cfg(feature = "embedded")]
        if self.embedded {
            embedded_inputs(&mut inputs);
        }
        if !self.embedded && self.dir.is_none() && self.files.is_empty() {
            return Err(Error::NoRecordFiles { path: PathBuf::from(".") });
        }
        if let Some(dir) = &self.dir {
            let mut own = inputs.next();
            read_dir(dir, &self.limits, &mut own)?;
            own.require_record_files(dir)?;
            inputs.absorb(own);
        }
        for files in self.files {
            let mut own = inputs.next();
            memory_inputs(&mut own, files, &self.limits);
            own.require_record_files(Path::new("."))?;
            inputs.absorb(own);
        }
        load(inputs, &self.limits)
    }
}

impl Dataset {
    /// Loads a directory laid out like the crate's `data/`: `Loader::new().dir(dir).load()`.
    ///
    /// # Errors
    ///
    /// As [`Loader::load`].
    ///
    /// ```
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/my-data");
    /// let ds = china_singapore::Dataset::from_dir(dir).unwrap();
    /// assert!(ds.projects().by_name("Demo Park").is_some());
    /// ```
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Dataset, Error> {
        Loader::new().dir(dir).load()
    }

    /// Builds a fresh copy of the embedded dataset, through the same loader and checks as
    /// user data: `Loader::new().embedded().load()`. Most callers want the cached
    /// [`dataset()`](crate::dataset) instead. Needs the `embedded` feature (on by default).
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
    #[cfg(feature = "embedded")]
    #[cfg_attr(docsrs, doc(cfg(feature = "embedded")))]
    pub fn embedded() -> Result<Dataset, Error> {
        Loader::new().embedded().load()
    }
}
