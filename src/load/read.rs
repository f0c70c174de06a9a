//! Where a load's files come from: a directory on disk, the embedded `data/`, or memory.

use std::borrow::Cow;
use std::path::Path;

use include_dir::{Dir, include_dir};

use super::LoadOptions;
use crate::error::{Diagnostic, DiagnosticKind, Error};

/// The crate's own data directory, compiled in.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");

/// One input file: where it is (for messages), its path within the data layout, and its bytes.
pub(crate) struct Input {
    pub(crate) path: String,
    pub(crate) rel: String,
    pub(crate) bytes: Cow<'static, [u8]>,
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

pub(crate) fn embedded_inputs() -> Vec<Input> {
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

pub(crate) fn too_large(path: &str, len: u64, options: &LoadOptions) -> Diagnostic {
    Diagnostic {
        kind: DiagnosticKind::TooLarge,
        file: path.to_owned(),
        record: None,
        line: None,
        column: None,
        message: format!("{len} bytes; expected at most {} (LoadOptions::max_file_bytes)", options.max_file_bytes),
    }
}

/// The sorted entries of a directory (an unreadable one is reported).
fn entries(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(it) => {
            let mut v: Vec<_> = it.filter_map(|e| e.ok().map(|e| e.path())).collect();
            v.sort();
            v
        }
        Err(e) => {
            diags.push(io_diag(dir, &e));
            Vec::new()
        }
    }
}

fn read_one(path: &Path, rel: String, options: &LoadOptions, inputs: &mut Vec<Input>, diags: &mut Vec<Diagnostic>) {
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
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Reads a data directory's `*.json` files and `sources/` (files over the size limit are
/// reported, not read).
pub(crate) fn read_dir(dir: &Path, options: &LoadOptions) -> Result<(Vec<Input>, Vec<Diagnostic>), Error> {
    if !dir.is_dir() {
        return Err(Error::DirectoryNotFound { path: dir.to_path_buf() });
    }
    let mut inputs = Vec::new();
    let mut diags = Vec::new();
    for path in entries(dir, &mut diags) {
        let name = file_name(&path);
        if path.is_dir() && name == "sources" {
            for src in entries(&path, &mut diags).into_iter().filter(|s| s.is_file()) {
                read_one(&src, format!("sources/{}", file_name(&src)), options, &mut inputs, &mut diags);
            }
        } else if path.is_file() && name.ends_with(".json") {
            read_one(&path, name, options, &mut inputs, &mut diags);
        }
    }
    Ok((inputs, diags))
}
