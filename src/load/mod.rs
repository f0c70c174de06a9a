//! The loader: one path from files to a [`Dataset`], for the embedded data and for yours.
//!
//! A data directory holds `sources/` (one text file per document) and up to seven record
//! files, `documents.json`, `places.json`, `organizations.json`, `projects.json`,
//! `agreements.json`, `forums.json` and `speakers.json`, each a JSON array. Every load runs
//! every check and returns either a whole dataset or every problem found.
//!
//! `read` gathers the files (confined to the directory), `pipeline` runs the phases (decode,
//! parse and index each kind, attach each cited source, check), `validate` holds the checks
//! and `quotes` the quote search; `write` writes a dataset back.

mod json;
mod pipeline;
mod provenance;
mod quotes;
mod read;
mod validate;
mod write;

use std::path::Path;

use pipeline::load;
pub use read::Skipped;
#[cfg(feature = "embedded")]
pub use read::embedded_files;
#[cfg(feature = "embedded")]
use read::embedded_inputs;
use read::{Inputs, memory_inputs, read_dir};
pub use write::WriteError;

use crate::Dataset;
use crate::error::Error;

/// Settings for a load: the bounds that keep a hostile or mistaken directory from costing
/// more than it should.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct LoadOptions {
    /// The largest file the loader reads, in bytes (16 MiB by default), counted as read:
    /// larger files are reported, and never read past this.
    pub max_file_bytes: u64,
    /// The most bytes a load reads in all its files (256 MiB by default).
    pub max_total_bytes: u64,
    /// The most diagnostics listed per file (100 by default); past it, one more diagnostic
    /// counts the rest.
    pub max_diagnostics_per_file: usize,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self { max_file_bytes: 16 * 1024 * 1024, max_total_bytes: 256 * 1024 * 1024, max_diagnostics_per_file: 100 }
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

    /// Options with a different bound on the bytes read in all.
    ///
    /// ```
    /// let opts = china_singapore::LoadOptions::default().with_max_total_bytes(1 << 20);
    /// assert_eq!(opts.max_total_bytes, 1 << 20);
    /// ```
    pub fn with_max_total_bytes(mut self, bytes: u64) -> Self {
        self.max_total_bytes = bytes;
        self
    }

    /// Options with a different number of diagnostics listed per file.
    ///
    /// ```
    /// let opts = china_singapore::LoadOptions::default().with_max_diagnostics_per_file(5);
    /// assert_eq!(opts.max_diagnostics_per_file, 5);
    /// ```
    pub fn with_max_diagnostics_per_file(mut self, n: usize) -> Self {
        self.max_diagnostics_per_file = n;
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
        let mut inputs = Inputs::default();
        read_dir(dir.as_ref(), options, &mut inputs)?;
        inputs.require_record_files(dir.as_ref())?;
        load(inputs, options)
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
    ///     ("places.json", r#"[{"id": "lion-city", "name": "Lion City", "kind": "city",
    ///         "country": {"id": "singapore", "basis": "context"},
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
        let mut inputs = Inputs::default();
        memory_inputs(&mut inputs, files.into_iter().map(|(p, b)| (p.into(), b.into())).collect());
        inputs.require_record_files(Path::new("."))?;
        load(inputs, options)
    }

    /// Builds a fresh copy of the embedded dataset, through the same loader and checks as
    /// user data. Most callers want the cached [`dataset()`](crate::dataset) instead.
    /// Needs the `embedded` feature (on by default).
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
    pub fn embedded() -> Result<Dataset, Error> {
        let mut inputs = Inputs::default();
        embedded_inputs(&mut inputs);
        load(inputs, &LoadOptions::default())
    }

    /// Loads the embedded dataset plus the records and sources of your directory. An id
    /// that the embedded data already uses is reported as a duplicate. Needs the `embedded`
    /// feature (on by default).
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
    #[cfg(feature = "embedded")]
    pub fn embedded_with_dir(dir: impl AsRef<Path>) -> Result<Dataset, Error> {
        let options = LoadOptions::default();
        let mut inputs = Inputs::default();
        read_dir(dir.as_ref(), &options, &mut inputs)?;
        inputs.require_record_files(dir.as_ref())?;
        // The embedded files come first, so an id both use is reported on yours.
        let user = std::mem::take(&mut inputs.files);
        embedded_inputs(&mut inputs);
        inputs.files.extend(user);
        load(inputs, &options)
    }
}
