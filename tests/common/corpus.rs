//! The broken-input corpus: `tests/corpus/valid/` plus one edit per case, applied at run
//! time into a fresh directory, so no case is a copy of another.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// One change to the valid directory.
pub enum Edit {
    /// Replace the first occurrence of `find` in `file` by `with`.
    Replace { file: &'static str, find: &'static str, with: &'static str },
    /// Add a record (JSON object text) at the end of `file`'s array.
    Append { file: &'static str, record: &'static str },
    /// Write a new file (or overwrite one) with these bytes.
    Write { file: &'static str, bytes: &'static [u8] },
    /// Remove a file.
    Remove { file: &'static str },
    /// Pad a file with trailing white space to `len` bytes.
    Pad { file: &'static str, len: usize },
}

use Edit::*;

/// A second place whose id is `lion-city` again.
const DUPLICATE_ID: &str = r#"{"id": "lion-city", "name": "Lion Town", "kind": "city", "country": {"id": "singapore", "basis": "context"},
    "quotes": [{"document": "note", "text": "in Lion City"}]}"#;
const INVALID_ID: &str = r#"{"id": "Lion_Town", "name": "Lion Town", "kind": "city", "country": {"id": "singapore", "basis": "context"},
    "quotes": [{"document": "note", "text": "in Lion City"}]}"#;
const SHARED_ALIAS: &str = r#"{"id": "lion-town", "name": "Lion Town", "aliases": [{"name": "lion-city", "kind": "variant", "basis": "common-usage"}],
    "kind": "city", "country": {"id": "singapore", "basis": "context"}, "quotes": [{"document": "note", "text": "in Lion City"}]}"#;

/// Every case: its name and its edits.
pub fn edits(case: &str) -> Vec<Edit> {
    match case {
        "valid" => vec![],
        "syntax" => {
            vec![Replace { file: "places.json", find: r#""name": "Lion City","#, with: r#""name": "Lion City""# }]
        }
        "unknown-field" => {
            vec![Replace { file: "projects.json", find: r#""quotes""#, with: r#""budgett": 1, "quotes""# }]
        }
        "missing-field" => vec![Replace { file: "organizations.json", find: r#""kind": "company","#, with: "" }],
        "wrong-type" => vec![Replace { file: "projects.json", find: r#""value": 20,"#, with: r#""value": "twenty","# }],
        "unknown-variant" => {
            vec![Replace { file: "projects.json", find: r#""kind": "park""#, with: r#""kind": "parkland""# }]
        }
        "duplicate-id" => vec![Append { file: "places.json", record: DUPLICATE_ID }],
        "invalid-id" => vec![Append { file: "places.json", record: INVALID_ID }],
        "shared-alias" => vec![Append { file: "places.json", record: SHARED_ALIAS }],
        "dangling-reference" => vec![Replace { file: "projects.json", find: r#""lion-city""#, with: r#""atlantis""# }],
        "quote-not-found" => {
            vec![Replace { file: "organizations.json", find: "Example Co runs", with: "Example Co owns" }]
        }
        "unknown-document" => {
            vec![Replace { file: "places.json", find: r#""document": "note""#, with: r#""document": "no-such-note""# }]
        }
        "negative-amount" => vec![Replace { file: "projects.json", find: "5000000", with: "-5000000" }],
        "month-13" => vec![Replace { file: "projects.json", find: r#""month": 5"#, with: r#""month": 13"# }],
        "min-above-max" => vec![Replace {
            file: "projects.json",
            find: r#""value": 20,
        "qualifier": "more-than",
        "unit": "enterprises",
        "status": "actual",
        "as_written": "more than 20 firms""#,
            with: r#""value": 30, "max": 20, "qualifier": "range", "unit": "enterprises", "status": "actual",
        "as_written": "30 to 20 firms""#,
        }],
        "empty-name" => {
            vec![Replace { file: "organizations.json", find: r#""name": "Example Co""#, with: r#""name": "  ""# }]
        }
        "not-utf8" => {
            vec![Write { file: "places.json", bytes: b"[{\"id\": \"lion-city\", \"name\": \"Lion City\xff\"}]" }]
        }
        "missing-source" => {
            vec![Replace { file: "documents.json", find: r#""file": "note.txt""#, with: r#""file": "gone.txt""# }]
        }
        "cycle" => vec![Replace {
            file: "places.json",
            find: r#""kind": "city","#,
            with: r#""kind": "city", "within": [{"id": "lion-city", "basis": "context"}],"#,
        }],
        "unknown-file" => vec![Write { file: "project.json", bytes: b"[]\n" }],
        "not-stated-link" => vec![Replace {
            file: "organizations.json",
            find: r#""kind": "company","#,
            with: r#""kind": "company", "country": {"id": "chile", "basis": "stated"},"#,
        }],
        "stated-link-naming-one-end" => vec![Replace {
            file: "projects.json",
            find: "\"role\": \"operator\",\n        \"basis\": \"context\"",
            with: "\"role\": \"operator\",\n        \"basis\": \"stated\"",
        }],
        "given-position-wrong" => vec![Replace {
            file: "projects.json",
            find: r#""text": "Example Co runs the park.""#,
            with: r#""text": "Example Co runs the park.", "position": {"start": 0, "end": 25, "char_start": 0, "char_end": 25, "line": 1, "column": 1}"#,
        }],
        "not-stated-alias" => vec![Replace {
            file: "organizations.json",
            find: r#""kind": "company","#,
            with: r#""kind": "company", "aliases": [{"name": "ExCo", "kind": "abbreviation", "basis": "stated"}],"#,
        }],
        "too-large" => vec![Pad { file: "projects.json", len: 5000 }],
        "clashes-with-embedded" => vec![
            Replace { file: "places.json", find: r#""id": "lion-city""#, with: r#""id": "singapore""# },
            Remove { file: "projects.json" },
            Remove { file: "organizations.json" },
        ],
        "multiple" => vec![
            Replace { file: "organizations.json", find: r#""kind": "company""#, with: r#""kind": "conglomerate""# },
            Replace { file: "places.json", find: "in Lion City", with: "in Lion  City" },
            Replace { file: "projects.json", find: r#""lion-city""#, with: r#""atlantis""# },
            Replace { file: "projects.json", find: "5000000", with: "-1" },
        ],
        other => panic!("no corpus case `{other}`"),
    }
}

/// The valid base directory.
pub fn valid_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/valid")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

fn apply(dir: &Path, edit: &Edit) {
    match edit {
        Replace { file, find, with } => {
            let path = dir.join(file);
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains(find), "{file} has no {find:?}");
            std::fs::write(&path, text.replacen(find, with, 1)).unwrap();
        }
        Append { file, record } => {
            let path = dir.join(file);
            let text = std::fs::read_to_string(&path).unwrap();
            let end = text.rfind(']').unwrap();
            std::fs::write(&path, format!("{},\n  {record}\n]\n", text[..end].trim_end())).unwrap();
        }
        Write { file, bytes } => std::fs::write(dir.join(file), bytes).unwrap(),
        Remove { file } => std::fs::remove_file(dir.join(file)).unwrap(),
        Pad { file, len } => {
            let path = dir.join(file);
            let mut text = std::fs::read(&path).unwrap();
            text.resize((*len).max(text.len()), b' ');
            std::fs::write(&path, text).unwrap();
        }
    }
}

/// A fresh directory holding the case: the valid base with the case's edits applied.
///
/// Each call gets its own directory, so tests running in parallel never share one.
pub fn case_dir(case: &str) -> PathBuf {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir()
        .join(format!("china-singapore-corpus-{}", std::process::id()))
        .join(call.to_string())
        .join(case);
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&valid_dir(), &dir);
    for edit in edits(case) {
        apply(&dir, &edit);
    }
    dir
}
