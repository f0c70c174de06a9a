//! Writing a dataset back in the `data/` layout: into a fresh directory beside the target,
//! moved into place when every file is written, never through a link, never outside it.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::Dataset;
use crate::index::{Stored, Table, TableVisitor};
use crate::load::is_plain_file_name;
use crate::model::Kind;

/// Why [`write_dir`] wrote nothing. Every variant names the path concerned.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The target exists and is not an empty directory.
    #[error("{} is not an empty directory; expected a new or empty directory to write into", path.display())]
    NotEmpty {
        /// The target.
        path: PathBuf,
    },
    /// The target is a symbolic link, which `write_dir` does not follow.
    #[error("{} is a symbolic link; expected a directory (write_dir does not follow links)", path.display())]
    Link {
        /// The target.
        path: PathBuf,
    },
    /// A document's file name is not one plain file name.
    #[error("{}: document file name {name:?} is not a plain file name", path.display())]
    BadFileName {
        /// Where the file would have gone.
        path: PathBuf,
        /// The file name.
        name: String,
    },
    /// A record could not be serialised.
    #[error("{}: cannot serialise the records: {message}", path.display())]
    Serialize {
        /// The file being written.
        path: PathBuf,
        /// What serde_json said.
        message: String,
    },
    /// Reading, creating, writing or renaming failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path the operation was on.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

impl WriteError {
    /// The path the error concerns.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("cs-doc-nonempty-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("keep.txt"), "mine").unwrap();
    /// let err = china_singapore::export::write_dir(china_singapore::dataset(), &dir).unwrap_err();
    /// assert_eq!(err.path(), dir.as_path());
    /// std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn path(&self) -> &Path {
        match self {
            WriteError::NotEmpty { path }
            | WriteError::Link { path }
            | WriteError::BadFileName { path, .. }
            | WriteError::Serialize { path, .. }
            | WriteError::Io { path, .. } => path,
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io { path: path.to_path_buf(), source }
}

/// Creates a new file (never opening an existing one or a link) and writes `bytes` to it.
fn create(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(io(path))?;
    f.write_all(bytes).and_then(|()| f.sync_all()).map_err(io(path))
}

/// Writes each kind's table as its record file.
struct WriteTables<'p> {
    dir: &'p Path,
    result: Result<(), WriteError>,
}

impl<'t> TableVisitor<'t> for WriteTables<'_> {
    fn visit<T: Stored>(&mut self, table: &'t Table<T>) {
        if self.result.is_ok() {
            self.result = write_table(self.dir, table);
        }
    }
}

fn write_table<T: Stored>(dir: &Path, table: &Table<T>) -> Result<(), WriteError> {
    let path = dir.join(T::KIND.file_name());
    let failed = |e: serde_json::Error| WriteError::Serialize { path: path.clone(), message: e.to_string() };
    let mut value = serde_json::to_value(table).map_err(failed)?;
    if T::KIND == Kind::Document {
        // A document's text lives under sources/, not in documents.json.
        for record in value.as_array_mut().into_iter().flatten().filter_map(|d| d.as_object_mut()) {
            record.remove("text");
        }
    }
    let mut text = serde_json::to_string_pretty(&value).map_err(failed)?;
    text.push('\n');
    create(&path, text.as_bytes())
}

/// Checks the target: absent, or an empty directory that is not a link.
fn check_target(dir: &Path) -> Result<bool, WriteError> {
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(io(dir)(e)),
    };
    if meta.file_type().is_symlink() {
        return Err(WriteError::Link { path: dir.to_path_buf() });
    }
    let empty = meta.is_dir() && std::fs::read_dir(dir).map_err(io(dir))?.next().is_none();
    if !empty {
        return Err(WriteError::NotEmpty { path: dir.to_path_buf() });
    }
    Ok(true)
}

/// A fresh, uniquely named directory beside `dir`.
fn staging(dir: &Path) -> Result<PathBuf, WriteError> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "data".to_owned());
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let tmp = parent.join(format!(".{name}.partial-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
    std::fs::create_dir(&tmp).map_err(io(&tmp))?;
    Ok(tmp)
}

/// Writes the dataset in the `data/` layout: `sources/` plus one JSON file per kind.
/// Loading the directory back gives an equal dataset.
///
/// The target must not exist yet, or be an empty directory. Everything is first
/// written into a new directory beside it, which is moved into place only when every
/// file is written: a failure leaves the target as it was. No link is followed, and
/// nothing is written outside the target.
///
/// # Errors
///
/// [`WriteError`], naming the path: the target is a link or a non-empty directory, a
/// file could not be created or written, or the move into place failed.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("cs-doc-write-{}", std::process::id()));
/// let ds = china_singapore::dataset();
/// china_singapore::export::write_dir(ds, &dir).unwrap();
/// assert_eq!(&china_singapore::Dataset::from_dir(&dir).unwrap(), ds);
/// assert!(china_singapore::export::write_dir(ds, &dir).is_err(), "the target is no longer empty");
/// std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn write_dir(ds: &Dataset, dir: impl AsRef<Path>) -> Result<(), WriteError> {
    let dir = dir.as_ref();
    let existed = check_target(dir)?;
    let tmp = staging(dir)?;
    let written = write_into(ds, &tmp).and_then(|()| {
        if existed {
            std::fs::remove_dir(dir).map_err(io(dir))?;
        }
        std::fs::rename(&tmp, dir).map_err(io(dir))
    });
    if written.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    written
}

fn write_into(ds: &Dataset, tmp: &Path) -> Result<(), WriteError> {
    let sources = tmp.join("sources");
    std::fs::create_dir(&sources).map_err(io(&sources))?;
    for d in ds.documents() {
        if !is_plain_file_name(&d.file) {
            return Err(WriteError::BadFileName { path: sources.clone(), name: d.file.clone() });
        }
        create(&sources.join(&d.file), d.text.as_bytes())?;
    }
    let mut w = WriteTables { dir: tmp, result: Ok(()) };
    ds.tables.visit(&mut w);
    w.result
}
