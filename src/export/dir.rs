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

/// A directory being written, by handle on unix (every file is created relative to it, so
/// a link swapped in for the directory's path cannot redirect a write), by path elsewhere.
struct Staging {
    path: PathBuf,
    #[cfg(unix)]
    fd: std::os::fd::OwnedFd,
}

impl Staging {
    /// Opens an existing directory, refusing a link.
    fn open(path: PathBuf) -> Result<Self, WriteError> {
        #[cfg(unix)]
        {
            use rustix::fs::{CWD, Mode, OFlags, openat};
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            let fd = openat(CWD, &path, flags, Mode::empty()).map_err(|e| io(&path)(e.into()))?;
            Ok(Staging { path, fd })
        }
        #[cfg(not(unix))]
        {
            Ok(Staging { path })
        }
    }

    /// Creates directory `name` in this one and opens it.
    fn mkdir(&self, name: &str) -> Result<Staging, WriteError> {
        let path = self.path.join(name);
        #[cfg(unix)]
        rustix::fs::mkdirat(&self.fd, name, rustix::fs::Mode::from_raw_mode(0o755)).map_err(|e| io(&path)(e.into()))?;
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags, openat};
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            let fd = openat(&self.fd, name, flags, Mode::empty()).map_err(|e| io(&path)(e.into()))?;
            Ok(Staging { path, fd })
        }
        #[cfg(not(unix))]
        {
            std::fs::create_dir(&path).map_err(io(&path))?;
            Ok(Staging { path })
        }
    }

    /// Creates file `name` in this directory (never an existing file or a link) holding `bytes`.
    fn create(&self, name: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = self.path.join(name);
        #[cfg(unix)]
        let mut f = {
            use rustix::fs::{Mode, OFlags, openat};
            let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            let fd = openat(&self.fd, name, flags, Mode::from_raw_mode(0o644)).map_err(|e| io(&path)(e.into()))?;
            std::fs::File::from(fd)
        };
        #[cfg(not(unix))]
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(io(&path))?;
        f.write_all(bytes).and_then(|()| f.sync_all()).map_err(io(&path))
    }

    /// True when `name` in this directory is still the directory `child` has open.
    fn holds(&self, name: &str, child: &Staging) -> bool {
        #[cfg(unix)]
        {
            use rustix::fs::{AtFlags, fstat, statat};
            let (Ok(now), Ok(open)) = (statat(&self.fd, name, AtFlags::SYMLINK_NOFOLLOW), fstat(&child.fd)) else {
                return false;
            };
            now.st_dev == open.st_dev && now.st_ino == open.st_ino
        }
        #[cfg(not(unix))]
        {
            std::fs::symlink_metadata(self.path.join(name)).is_ok_and(|m| m.is_dir()) && child.path.is_dir()
        }
    }

    /// Removes file or link `name` from this directory, if it is one (never a directory).
    fn remove_file(&self, name: &str) {
        #[cfg(unix)]
        {
            let _ = rustix::fs::unlinkat(&self.fd, name, rustix::fs::AtFlags::empty());
        }
        #[cfg(not(unix))]
        {
            let _ = std::fs::remove_file(self.path.join(name));
        }
    }

    /// Moves `from` (in this directory) to `to`, replacing an empty directory `to` if `empty`.
    fn rename(&self, from: &str, to: &str, empty: bool) -> Result<(), WriteError> {
        let target = self.path.join(to);
        #[cfg(unix)]
        {
            if empty {
                rustix::fs::unlinkat(&self.fd, to, rustix::fs::AtFlags::REMOVEDIR)
                    .map_err(|e| io(&target)(e.into()))?;
            }
            rustix::fs::renameat(&self.fd, from, &self.fd, to).map_err(|e| io(&target)(e.into()))
        }
        #[cfg(not(unix))]
        {
            if empty {
                std::fs::remove_dir(&target).map_err(io(&target))?;
            }
            std::fs::rename(self.path.join(from), &target).map_err(io(&target))
        }
    }
}

/// Writes each kind's table as its record file.
struct WriteTables<'p> {
    dir: &'p Staging,
    result: Result<(), WriteError>,
}

impl<'t> TableVisitor<'t> for WriteTables<'_> {
    fn visit<T: Stored>(&mut self, table: &'t Table<T>) {
        if self.result.is_ok() {
            self.result = write_table(self.dir, table);
        }
    }
}

fn write_table<T: Stored>(dir: &Staging, table: &Table<T>) -> Result<(), WriteError> {
    let name = T::KIND.file_name();
    let failed = |e: serde_json::Error| WriteError::Serialize { path: dir.path.join(name), message: e.to_string() };
    let mut value = serde_json::to_value(table).map_err(failed)?;
    if T::KIND == Kind::Document {
        // A document's text lives under sources/, not in documents.json.
        for record in value.as_array_mut().into_iter().flatten().filter_map(|d| d.as_object_mut()) {
            record.remove("text");
        }
    }
    let mut text = serde_json::to_string_pretty(&value).map_err(failed)?;
    text.push('\n');
    dir.create(name, text.as_bytes())
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

/// A name no one can guess for the staging directory: the target's name and 64 bits from
/// the standard library's per-process random hash keys.
fn staging_name(name: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    static N: AtomicUsize = AtomicUsize::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_usize(N.fetch_add(1, Ordering::Relaxed));
    h.write_u32(std::process::id());
    format!(".{name}.partial-{:016x}", h.finish())
}

/// Writes the dataset in the `data/` layout: `sources/` plus one JSON file per kind.
/// Loading the directory back gives an equal dataset.
///
/// The target must not exist yet, or be an empty directory. Everything is first
/// written into a new directory beside it, under a name no one can guess, which is moved
/// into place only when every file is written: a failure leaves the target as it was. On
/// unix every file is created through the new directory's handle, and the move checks that
/// the name still holds that directory, so a link swapped in cannot redirect a write. No
/// link is followed, and nothing is written outside the target.
///
/// # Errors
///
/// [`WriteError`], naming the path: the target is a link or a non-empty directory, a
/// file could not be created or written, the new directory was swapped while being
/// written, or the move into place failed.
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
    let name = dir.file_name().and_then(|n| n.to_str()).filter(|n| is_plain_file_name(n));
    let Some(name) = name else {
        return Err(WriteError::BadFileName { path: dir.to_path_buf(), name: dir.display().to_string() });
    };
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let parent = Staging::open(parent.to_path_buf())?;
    let tmp_name = staging_name(name);
    let tmp = parent.mkdir(&tmp_name)?;
    let swapped = |path: &Path| WriteError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other("the staging directory was replaced while being written"),
    };
    let written = write_into(ds, &tmp).and_then(|()| {
        if !parent.holds(&tmp_name, &tmp) {
            return Err(swapped(&tmp.path));
        }
        parent.rename(&tmp_name, name, existed)?;
        // Swapped between the check and the move: what was moved is not ours. Take it away.
        if !parent.holds(name, &tmp) {
            parent.remove_file(name);
            return Err(swapped(dir));
        }
        Ok(())
    });
    if written.is_err() && parent.holds(&tmp_name, &tmp) {
        let _ = std::fs::remove_dir_all(&tmp.path);
    }
    written
}

fn write_into(ds: &Dataset, tmp: &Staging) -> Result<(), WriteError> {
    let sources = tmp.mkdir("sources")?;
    for d in ds.documents() {
        if !is_plain_file_name(&d.file) {
            return Err(WriteError::BadFileName { path: sources.path.clone(), name: d.file.clone() });
        }
        sources.create(&d.file, d.text.as_bytes())?;
    }
    let mut w = WriteTables { dir: tmp, result: Ok(()) };
    ds.tables.visit(&mut w);
    w.result
}
