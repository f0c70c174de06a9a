//! Where a load's files come from: a directory on disk, the embedded `data/`, or memory.
//!
//! Reading a directory is confined to it: a record file or source must be a regular file
//! whose real path (links followed) lies inside the directory; anything else with a record
//! file's name is reported, never silently passed over. Sizes are bounded by the bytes
//! actually read (a file whose metadata says 0 bytes but that streams forever is cut off),
//! per file and for the whole load. Sources are read only when a document cites them.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};

#[cfg(feature = "embedded")]
use include_dir::{Dir, include_dir};

use super::Limits;
use crate::error::{Diagnostic, DiagnosticKind, Error};
use crate::model::Kind;

/// The crate's own data directory, compiled in.
#[cfg(feature = "embedded")]
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");

/// One input file: where it is (for messages), its path within the data layout, and its bytes.
pub(crate) struct Input {
    pub(crate) path: String,
    pub(crate) rel: String,
    pub(crate) bytes: Cow<'static, [u8]>,
}

/// A file the load did not use, and why: reported, never silently passed over.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Skipped {
    /// The file, as given to the loader.
    pub path: String,
    /// Why it was not used.
    pub reason: String,
}

/// Everything a load starts from.
#[derive(Default)]
pub(crate) struct Inputs {
    /// Record files, and sources held in memory.
    pub(crate) files: Vec<Input>,
    /// Sources on disk by name, read only when a document cites them.
    pub(crate) disk_sources: BTreeMap<String, PathBuf>,
    /// Problems found while reading.
    pub(crate) diags: Vec<Diagnostic>,
    /// Files not used.
    pub(crate) skipped: Vec<Skipped>,
    /// Kinds with a record file that could not be read: their ids are unknown.
    pub(crate) unreadable: Vec<Kind>,
    /// How many bytes have been read so far, against [`Loader::max_total_bytes`].
    pub(crate) total: u64,
    /// The data directory's real path, when reading one.
    pub(crate) root: Option<PathBuf>,
}

/// The files of the embedded `data/` directory, as (path within `data/`, bytes) pairs,
/// sorted by path: the documents' sources and the record files, exactly as compiled in.
/// Handy to start a data directory of your own from the crate's.
///
/// ```
/// let files = china_singapore::load::embedded_files();
/// assert!(files.iter().any(|(path, _)| *path == "projects.json"));
/// assert!(files.iter().any(|(path, _)| *path == "sources/trade-in-services-forum.txt"));
/// ```
///
/// Needs the `embedded` feature (on by default).
#[cfg(feature = "embedded")]
pub fn embedded_files() -> Vec<(&'static str, &'static [u8])> {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<(&'static str, &'static [u8])>) {
        out.extend(dir.files().filter_map(|f| Some((f.path().to_str()?, f.contents()))));
        for d in dir.dirs() {
            walk(d, out);
        }
    }
    let mut out = Vec::new();
    walk(&EMBEDDED, &mut out);
    out.sort_unstable_by_key(|&(p, _)| p);
    out
}

/// The embedded data's files, in memory.
#[cfg(feature = "embedded")]
pub(crate) fn embedded_inputs(inputs: &mut Inputs) {
    inputs.files.extend(embedded_files().into_iter().map(|(path, bytes)| {
        let rel = path.replace('\\', "/");
        Input { path: format!("data/{rel}"), rel, bytes: Cow::Borrowed(bytes) }
    }));
}

/// Files given in memory. A path given twice, or past the total byte bound, is reported;
/// a path outside the data layout (not a record file at the top, nor `sources/<name>`) is
/// listed as skipped.
pub(crate) fn memory_inputs(inputs: &mut Inputs, files: Vec<(String, Vec<u8>)>, options: &Limits) {
    let mut seen = std::collections::BTreeSet::new();
    for (path, bytes) in files {
        if !seen.insert(path.clone()) {
            let message = "the same path is given twice; expected each file once".to_owned();
            inputs.diags.push(file_diag(DiagnosticKind::DuplicateFile, &path, message));
            continue;
        }
        let rel = path.replace('\\', "/");
        let in_layout = match rel.strip_prefix("sources/") {
            Some(name) => is_plain_file_name(name),
            None => is_json(&rel) && is_plain_file_name(&rel),
        };
        if !in_layout {
            let reason = "not in the data layout: record files (*.json) sit at the top, sources in sources/<name>";
            inputs.skipped.push(Skipped { path, reason: reason.to_owned() });
            continue;
        }
        inputs.total += bytes.len() as u64;
        if inputs.total > options.max_total_bytes {
            let message = format!(
                "the files given pass {} bytes in all; expected at most that (Loader::max_total_bytes)",
                options.max_total_bytes
            );
            inputs.diags.push(file_diag(DiagnosticKind::TooLarge, &path, message));
            continue;
        }
        inputs.files.push(Input { rel, path, bytes: Cow::Owned(bytes) });
    }
}

/// True for a JSON file name, whatever the case of its extension (`speakers.JSON`).
pub(crate) fn is_json(name: &str) -> bool {
    name.len() > 5 && name.get(name.len() - 5..).is_some_and(|ext| ext.eq_ignore_ascii_case(".json"))
}

pub(crate) fn file_diag(kind: DiagnosticKind, path: &str, message: String) -> Diagnostic {
    Diagnostic { kind, file: path.to_owned(), record: None, line: None, column: None, message }
}

fn io_diag(path: &Path, e: &std::io::Error) -> Diagnostic {
    let message = format!("cannot read: {e}; expected a readable file or directory");
    file_diag(DiagnosticKind::Io, &path.display().to_string(), message)
}

pub(crate) fn too_large(path: &str, len: u64, options: &Limits) -> Diagnostic {
    let message =
        format!("more than {len} bytes; expected at most {} (Loader::max_file_bytes)", options.max_file_bytes);
    file_diag(DiagnosticKind::TooLarge, path, message)
}

/// The kind whose records a file holds, from its path within the data layout.
pub(crate) fn kind_of(rel: &str) -> Option<Kind> {
    Kind::ALL.iter().copied().find(|k| k.file_name() == rel)
}

impl Inputs {
    /// A reading that goes on from this one: its byte count starts from this one's, so the
    /// total bound covers the whole load.
    pub(crate) fn next(&self) -> Inputs {
        Inputs { total: self.total, ..Inputs::default() }
    }

    /// Adds what a reading begun with [`Inputs::next`] gathered (a directory's, or files
    /// given in memory) after what this one holds.
    pub(crate) fn absorb(&mut self, other: Inputs) {
        self.files.extend(other.files);
        self.disk_sources.extend(other.disk_sources);
        self.diags.extend(other.diags);
        self.skipped.extend(other.skipped);
        self.unreadable.extend(other.unreadable);
        self.total = other.total;
        self.root = other.root.or(self.root.take());
    }

    /// Reads a file of the data directory into memory, if it is a regular file inside the
    /// directory and within the size limits; otherwise says why not.
    ///
    /// The file is opened first and checked after, through its handle: the path's real
    /// path (links inside the directory are followed) is opened without following a link
    /// at its last component and without blocking on a pipe, the handle must be a regular
    /// file, and it must be the very file the path resolves to, inside the directory, once
    /// open. A file swapped for a link, a pipe or another file while the loader opens it is
    /// refused, not read.
    pub(crate) fn read_confined(&mut self, path: &Path, options: &Limits) -> Result<Vec<u8>, Diagnostic> {
        let shown = path.display().to_string();
        let real = self.inside(path, &shown)?;
        let file = open_no_follow(&real).map_err(|e| io_diag(path, &e))?;
        let meta = file.metadata().map_err(|e| io_diag(path, &e))?;
        if !meta.is_file() {
            let what = if meta.is_dir() { "a directory" } else { "not a regular file (a pipe, socket or device)" };
            return Err(file_diag(DiagnosticKind::NotAFile, &shown, format!("{what}; expected a regular file")));
        }
        let now = self.inside(path, &shown)?;
        let still = std::fs::metadata(&now).map_err(|e| io_diag(path, &e))?;
        if !same_file(&meta, &still) {
            let message =
                "changed while the loader opened it; expected a file that stays put while it is read".to_owned();
            return Err(file_diag(DiagnosticKind::Io, &shown, message));
        }
        let left = options.max_total_bytes.saturating_sub(self.total);
        let limit = options.max_file_bytes.min(left);
        let mut bytes = Vec::new();
        file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| io_diag(path, &e))?;
        self.total += bytes.len() as u64;
        if bytes.len() as u64 > options.max_file_bytes {
            return Err(too_large(&shown, options.max_file_bytes, options));
        }
        if bytes.len() as u64 > left {
            let message = format!(
                "the files read so far pass {} bytes in all; expected at most that (Loader::max_total_bytes)",
                options.max_total_bytes
            );
            return Err(file_diag(DiagnosticKind::TooLarge, &shown, message));
        }
        Ok(bytes)
    }

    /// The real path of `path`, if it lies inside the data directory.
    fn inside(&self, path: &Path, shown: &str) -> Result<PathBuf, Diagnostic> {
        let real = std::fs::canonicalize(path).map_err(|e| io_diag(path, &e))?;
        if let Some(root) = &self.root
            && !real.starts_with(root)
        {
            let message =
                format!("a link to {}, outside the data directory; expected a file inside it", real.display());
            return Err(file_diag(DiagnosticKind::OutsideDirectory, shown, message));
        }
        Ok(real)
    }

    /// Lists `sources/`: each file by name, to be read only when a document cites it. A
    /// name that is not UTF-8 is listed as skipped: no document can cite it, and no lossy
    /// spelling of it is matched.
    fn list_sources(&mut self, dir: &Path) {
        for path in entries(dir, &mut self.diags) {
            let Some(name) = utf8_name(&path) else {
                self.skip(&path, "a file name that is not UTF-8, which no document can cite");
                continue;
            };
            if path.is_dir() {
                self.skip(&path, "a directory inside sources/; sources are files directly in sources/");
            } else {
                self.disk_sources.insert(name, path);
            }
        }
    }

    fn skip(&mut self, path: &Path, reason: &str) {
        self.skipped.push(Skipped { path: path.display().to_string(), reason: reason.to_owned() });
    }

    /// Reads one top-level entry of the data directory.
    fn read_entry(&mut self, path: PathBuf, options: &Limits) {
        let Some(name) = utf8_name(&path) else {
            self.skip(&path, "a file name that is not UTF-8, which is no record file's");
            return;
        };
        if name == "sources" {
            match self.read_sources_dir(&path) {
                Ok(real) => self.list_sources(&real),
                Err(d) => self.diags.push(d),
            }
            return;
        }
        if !is_json(&name) {
            self.skip(&path, "not a record file (*.json) nor sources/");
            return;
        }
        match self.read_confined(&path, options) {
            Ok(bytes) => {
                self.files.push(Input { path: path.display().to_string(), rel: name, bytes: Cow::Owned(bytes) })
            }
            Err(d) => {
                self.unreadable.extend(kind_of(&name));
                self.diags.push(d);
            }
        }
    }

    /// Checks that `sources` is a directory inside the data directory; returns its real path.
    fn read_sources_dir(&self, path: &Path) -> Result<PathBuf, Diagnostic> {
        let real = std::fs::canonicalize(path).map_err(|e| io_diag(path, &e))?;
        let shown = path.display().to_string();
        if self.root.as_ref().is_some_and(|root| !real.starts_with(root)) {
            let message =
                format!("a link to {}, outside the data directory; expected a directory inside it", real.display());
            return Err(file_diag(DiagnosticKind::OutsideDirectory, &shown, message));
        }
        if !real.is_dir() {
            return Err(file_diag(
                DiagnosticKind::NotAFile,
                &shown,
                "not a directory; expected sources/ to be a directory".to_owned(),
            ));
        }
        Ok(real)
    }
}

/// Opens `path` to read: on unix without following a link at its last component
/// (`O_NOFOLLOW`) and without waiting for a writer on a pipe (`O_NONBLOCK`).
fn open_no_follow(path: &Path) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use rustix::fs::{CWD, Mode, OFlags, openat};
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
        Ok(std::fs::File::from(openat(CWD, path, flags, Mode::empty())?))
    }
    #[cfg(not(unix))]
    {
        std::fs::File::open(path)
    }
}

/// True when two metadata describe one file (device and inode on unix; elsewhere, where
/// the standard library has no file identity, size and modification time).
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        a.len() == b.len() && a.modified().ok() == b.modified().ok()
    }
}

/// The sorted entries of a directory (an unreadable one, or entry, is reported).
fn entries(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let listing = match std::fs::read_dir(dir) {
        Ok(it) => it,
        Err(e) => {
            diags.push(io_diag(dir, &e));
            return Vec::new();
        }
    };
    let mut v: Vec<PathBuf> =
        listing.filter_map(|e| e.map_err(|e| diags.push(io_diag(dir, &e))).ok()).map(|e| e.path()).collect();
    v.sort();
    v
}

/// A path's file name, if it is UTF-8.
fn utf8_name(path: &Path) -> Option<String> {
    path.file_name()?.to_str().map(str::to_owned)
}

/// Reads a data directory: its record files now, its sources when cited.
pub(crate) fn read_dir(dir: &Path, options: &Limits, inputs: &mut Inputs) -> Result<(), Error> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(Error::NotADirectory { path: dir.to_path_buf() }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::DirectoryNotFound { path: dir.to_path_buf() });
        }
        Err(e) => return Err(Error::Invalid { diagnostics: vec![io_diag(dir, &e)] }),
    }
    inputs.root = Some(std::fs::canonicalize(dir).map_err(|_| Error::DirectoryNotFound { path: dir.to_path_buf() })?);
    for path in entries(dir, &mut inputs.diags) {
        inputs.read_entry(path, options);
    }
    Ok(())
}

/// True for one plain file name: no separator, no `..`, not absolute, no NUL.
pub(crate) fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0'])
        && Path::new(name).file_name().is_some_and(|f| f == name)
}
