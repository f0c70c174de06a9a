//! The phases of a load, in order: decode each file, name the files that are not record
//! files, parse and index each kind (`Parse`), give each document the text of the source it
//! cites (read then, and only then), and check every record's quotes, links and values.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::Limits;
use super::json::{File, Loc, parse_file};
use super::read::{Input, Inputs, Skipped, file_diag, kind_of, too_large};
use super::read::{is_json, is_plain_file_name};
use super::validate::{At, Checker, RecordChecks};
use crate::Dataset;
use crate::error::{Diagnostic, DiagnosticKind, Error};
use crate::index::lines::LineIndex;
use crate::index::quotes::{Positions, QuoteIndex};
use crate::index::{Stored, Table, TableBuilder, Tables};
use crate::model::Kind;

impl Inputs {
    /// A directory with no record file at all is not a data directory (unless a record file
    /// was there but could not be read, which its diagnostic reports). A directory that
    /// could not be listed says why ("permission denied"), not that it holds no record file.
    pub(crate) fn require_record_files(&self, path: &std::path::Path) -> Result<(), Error> {
        let named = |p: &str| kind_of(p.rsplit(['/', '\\']).next().unwrap_or(p)).is_some();
        if self.files.iter().any(|i| kind_of(&i.rel).is_some()) || self.diags.iter().any(|d| named(&d.file)) {
            Ok(())
        } else if !self.diags.is_empty() {
            Err(Error::Invalid { diagnostics: self.diags.clone() })
        } else {
            Err(Error::NoRecordFiles { path: path.to_path_buf() })
        }
    }
}

/// Size, byte order mark and encoding, per file: the text of each file that passes, and a
/// diagnostic for each that does not.
fn decode<'i>(inputs: &'i [Input], options: &Limits, diags: &mut Vec<Diagnostic>) -> Vec<Option<&'i str>> {
    inputs.iter().map(|input| decode_one(input, options).map_err(|d| diags.push(d)).ok()).collect()
}

fn decode_one<'i>(input: &'i Input, options: &Limits) -> Result<&'i str, Diagnostic> {
    if input.bytes.len() as u64 > options.max_file_bytes {
        return Err(too_large(&input.path, options.max_file_bytes, options));
    }
    if input.rel.ends_with(".json") && input.bytes.starts_with(b"\xef\xbb\xbf") {
        let message =
            "the file starts with a UTF-8 byte order mark (EF BB BF); expected JSON text without one".to_owned();
        return Err(Diagnostic {
            line: Some(1),
            column: Some(1),
            ..file_diag(DiagnosticKind::ByteOrderMark, &input.path, message)
        });
    }
    std::str::from_utf8(&input.bytes).map_err(|e| {
        let valid = std::str::from_utf8(&input.bytes[..e.valid_up_to()]).unwrap_or_default();
        let (line, column) = LineIndex::new(valid).line_col(valid.as_bytes(), valid.len());
        let message = format!("invalid UTF-8 at byte {}; expected UTF-8 text", e.valid_up_to());
        Diagnostic {
            line: Some(line),
            column: Some(column),
            ..file_diag(DiagnosticKind::NotUtf8, &input.path, message)
        }
    })
}

/// Reports `.json` files at the top level that are not record files (usually misspelt).
fn check_file_names(inputs: &[Input], diags: &mut Vec<Diagnostic>) {
    let expected: Vec<&str> = Kind::ALL.iter().map(|k| k.file_name()).collect();
    let stray = inputs.iter().filter(|i| is_json(&i.rel) && !i.rel.contains('/') && kind_of(&i.rel).is_none());
    for input in stray {
        let message = format!("not a record file; expected one of: {}", expected.join(", "));
        diags.push(file_diag(DiagnosticKind::UnknownFile, &input.path, message));
    }
}

/// The sources held in memory, by name: (path for messages, text if it could be decoded).
type MemorySources<'i> = BTreeMap<&'i str, (&'i str, Option<&'i str>)>;

fn memory_sources<'i>(
    inputs: &'i [Input],
    texts: &[Option<&'i str>],
    diags: &mut Vec<Diagnostic>,
) -> MemorySources<'i> {
    let mut sources: MemorySources<'i> = BTreeMap::new();
    for (input, text) in inputs.iter().zip(texts) {
        let Some(name) = input.rel.strip_prefix("sources/") else { continue };
        if let Some((first, _)) = sources.get(name) {
            let message = format!("source `{name}` is also given by {first}; expected each source file name once");
            diags.push(file_diag(DiagnosticKind::DuplicateSource, &input.path, message));
        } else {
            sources.insert(name, (&input.path, *text));
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
                self.c.incomplete[kind] = true; // too large, a BOM or not UTF-8, already reported
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

/// Where each document's text comes from, and which sources were used.
struct Sources<'s, 'i> {
    memory: &'s MemorySources<'i>,
    inputs: &'s mut Inputs,
    options: &'s Limits,
    used: BTreeSet<String>,
    /// Each source's text once read: documents citing one source share it.
    read: BTreeMap<String, Arc<str>>,
}

impl Sources<'_, '_> {
    /// The text of source `name`: held in memory, or read now from the data directory; read
    /// once however many documents cite it.
    fn text(&mut self, name: &str) -> Result<Arc<str>, Option<Diagnostic>> {
        if let Some(text) = self.read.get(name) {
            return Ok(Arc::clone(text));
        }
        let text: Arc<str> = Arc::from(self.read_once(name)?);
        self.read.insert(name.to_owned(), Arc::clone(&text));
        Ok(text)
    }

    fn read_once(&mut self, name: &str) -> Result<String, Option<Diagnostic>> {
        let disk = self.inputs.disk_sources.get(name).cloned();
        let memory = self.memory.get(name).copied();
        self.used.insert(name.to_owned());
        match (memory, disk) {
            (Some((first, _)), Some(path)) => {
                let message = format!("source `{name}` is also given by {first}; expected each source file name once");
                Err(Some(file_diag(DiagnosticKind::DuplicateSource, &path.display().to_string(), message)))
            }
            (Some((_, text)), None) => text.map(str::to_owned).ok_or(None),
            (None, Some(path)) => {
                let bytes = self.inputs.read_confined(&path, self.options).map_err(Some)?;
                let input =
                    Input { path: path.display().to_string(), rel: format!("sources/{name}"), bytes: bytes.into() };
                decode_one(&input, self.options).map(str::to_owned).map_err(Some)
            }
            (None, None) => Err(None),
        }
    }

    /// The sources no document cited: reported as skipped.
    fn unused(&self) -> Vec<Skipped> {
        let memory = self.memory.iter().filter(|(n, _)| !self.used.contains(**n)).map(|(_, (p, _))| (*p).to_owned());
        let disk = self.inputs.disk_sources.iter().filter(|(n, _)| !self.used.contains(*n));
        let disk = disk.map(|(_, p)| p.display().to_string());
        let reason = "a source no document cites (not read)";
        memory.chain(disk).map(|path| Skipped { path, reason: reason.to_owned() }).collect()
    }
}

/// Gives each document the text of the source it cites. A file name that is not one plain
/// name, a missing source, or one that cannot be read is reported.
fn attach_sources(tables: &mut Tables, sources: &mut Sources<'_, '_>, c: &mut Checker<'_>) {
    let mut problems: Vec<(usize, String, String, DiagnosticKind)> = Vec::new();
    for (i, d) in tables.documents.records_mut().iter_mut().enumerate() {
        if !is_plain_file_name(&d.file) {
            problems.push((i, d.id.to_string(), d.file.clone(), DiagnosticKind::InvalidFileName));
            continue;
        }
        match sources.text(&d.file) {
            Ok(text) if !text.is_empty() => d.text = text,
            Ok(_) | Err(None) => problems.push((i, d.id.to_string(), d.file.clone(), DiagnosticKind::MissingSource)),
            Err(Some(diag)) => c.diags.push(diag),
        }
    }
    for (i, id, file, kind) in problems {
        let message = if kind == DiagnosticKind::InvalidFileName {
            format!(
                "`file` {file:?} is not one plain file name; expected a name of a file directly in sources/ (no `/`, `\\\\`, `..` or NUL)"
            )
        } else {
            format!("document text `sources/{file}` is missing or empty; expected the article's text there")
        };
        c.report(At::new(Kind::Document, i, &id), kind, Some(&file), message);
    }
}

/// The one loader: files in, a checked and indexed dataset (or every problem) out.
pub(crate) fn load(mut inputs: Inputs, options: &Limits) -> Result<Dataset, Error> {
    let files = std::mem::take(&mut inputs.files);
    let mut diags = std::mem::take(&mut inputs.diags);
    let texts = decode(&files, options, &mut diags);
    check_file_names(&files, &mut diags);
    let memory = memory_sources(&files, &texts, &mut diags);
    let mut c = Checker::new(files.iter().zip(&texts).map(|(i, t)| File::new(&i.path, *t)).collect(), options);
    c.diags = diags;
    for kind in &inputs.unreadable {
        c.incomplete[kind.index()] = true;
    }
    let mut tables = Tables::build(&mut Parse { inputs: &files, c: &mut c });
    let mut sources =
        Sources { memory: &memory, inputs: &mut inputs, options, used: BTreeSet::new(), read: BTreeMap::new() };
    attach_sources(&mut tables, &mut sources, &mut c);
    let mut skipped = sources.unused();
    let quotes = QuoteIndex::build(&tables);
    let mut positions = Positions::collect(&tables, &quotes);
    tables.visit(&mut RecordChecks::new(&mut c, &tables, &quotes, &positions));
    drop(quotes);
    let mut diags = c.finish();
    if !diags.is_empty() {
        // By file and position; a file's count of unlisted problems comes last.
        let key = |d: &Diagnostic| (d.file.clone(), d.kind == DiagnosticKind::MoreProblems, d.line, d.column);
        diags.sort_by_key(key);
        return Err(Error::Invalid { diagnostics: diags });
    }
    skipped.extend(std::mem::take(&mut inputs.skipped));
    tables.visit_mut(&mut positions);
    Ok(Dataset::new(tables, skipped))
}
