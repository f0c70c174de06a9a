//! Hostile or careless input to the loader and to `write_dir`: each test is one hostile
//! case, and asserts what the loader must do instead. Large cases are generated
//! here at run time, kept small enough to be fast; `benches/scale.rs` measures how the cost
//! grows (`adversarial/*` rows).

use crate::common;

use std::path::{Path, PathBuf};

use china_singapore::export::{WriteError, write_dir};
use china_singapore::{Dataset, Error, Loader, load::DiagnosticKind as K};
use common::corpus::{case_dir, valid_dir};

/// A fresh, empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("china-singapore-adversarial-{}", std::process::id())).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The test corpus's valid dataset (the embedded data need not be compiled in).
fn valid() -> Dataset {
    Dataset::from_dir(valid_dir()).unwrap()
}

fn kinds(e: &Error) -> Vec<K> {
    e.diagnostics().iter().map(|d| d.kind).collect()
}

fn load_err(dir: &Path) -> Error {
    match Dataset::from_dir(dir) {
        Ok(_) => panic!("{} loaded", dir.display()),
        Err(e) => e,
    }
}

// --- Linear loads ---------------------------------------------------------------------

#[test]
fn a_file_with_thousands_of_problems_lists_the_first_hundred_and_counts_the_rest() {
    let elements = vec!["{}"; 5_000].join(",");
    let err = Loader::new().files([("places.json", format!("[{elements}]"))]).load().unwrap_err();
    let d = err.diagnostics();
    assert_eq!(d.len(), 101, "100 listed and one count of the rest");
    assert!(d[..100].iter().all(|d| d.kind == K::MissingField && d.line.is_some()));
    let last = d.iter().find(|d| d.kind == K::MoreProblems).unwrap();
    assert!(last.message.starts_with("4900 more problem(s)"), "{last}");
}

#[test]
fn one_record_with_thousands_of_unknown_ids_is_capped_too() {
    let dir = case_dir("valid");
    let ids: Vec<String> = (0..3_000)
        .map(|i| format!(r#"{{"organization": "nobody-{i}", "role": "operator", "basis": "context"}}"#))
        .collect();
    let path = dir.join("projects.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let organizations = text.find(r#""organizations": ["#).unwrap() + r#""organizations": ["#.len();
    std::fs::write(&path, format!("{}{},{}", &text[..organizations], ids.join(","), &text[organizations..])).unwrap();
    let err = Loader::new().max_diagnostics_per_file(10).dir(&dir).load().unwrap_err();
    let dangling = kinds(&err).iter().filter(|k| **k == K::DanglingReference).count();
    assert_eq!(dangling, 10);
    assert!(err.diagnostics().iter().any(|d| d.kind == K::MoreProblems && d.message.starts_with("2990 more")));
}

// --- Quotes ---------------------------------------------------------------------------

/// A document of `text` and `n` places, each quoting `quote(i)`.
fn quoting(text: &str, n: usize, quote: impl Fn(usize) -> String) -> Vec<(String, Vec<u8>)> {
    let doc = r#"[{"id": "d", "title": "D", "file": "d.txt", "date_note": "-", "quotes": [{"document": "d", "text": "Lion City"}]}]"#;
    let places: Vec<String> = (0..n)
        .map(|i| {
            let q = serde_json::to_string(&quote(i)).unwrap();
            format!(r#"{{"id": "p-{i}", "name": "Place {i}", "kind": "city", "country": {{"id": "china", "basis": "context"}}, "quotes": [{{"document": "d", "text": {q}}}]}}"#)
        })
        .collect();
    vec![
        ("sources/d.txt".into(), format!("Lion City. {text}").into_bytes()),
        ("documents.json".into(), doc.as_bytes().to_vec()),
        ("places.json".into(), format!("[{}]", places.join(",")).into_bytes()),
    ]
}

#[test]
fn quotes_in_periodic_text_are_found_and_missed_exactly() {
    let text = "a a ".repeat(20_000) + "b b";
    let ok = quoting(&text, 300, |i| format!("{}b b", "a a ".repeat(i % 50)));
    assert!(Loader::new().files(ok).load().is_ok());
    let missing = quoting(&text, 300, |i| format!("{}c c", "a a ".repeat(i % 50)));
    let err = Loader::new().files(missing).load().unwrap_err();
    assert_eq!(kinds(&err).iter().filter(|k| **k == K::QuoteNotFound).count(), 100, "capped at 100 per file");
}

#[test]
fn a_quote_needs_at_least_two_words() {
    for thin in [" ", "Lion", "  City. "] {
        let err = Loader::new().files(quoting("", 1, |_| thin.to_owned())).load().unwrap_err();
        assert_eq!(kinds(&err), [K::ThinQuote], "{thin:?}");
    }
}

// --- Keys -----------------------------------------------------------------------------

#[test]
fn names_equal_under_unicode_case_folding_and_normalisation_are_one_name() {
    for (a, b) in [("Straße", "STRASSE"), ("Caf\u{e9}", "Cafe\u{301}"), ("\u{fb01}sh", "fish")] {
        let files = quoting("", 2, |_| "Lion City".to_owned());
        let mut files: Vec<(String, Vec<u8>)> = files;
        let places = format!(
            r#"[{{"id": "a", "name": "{a}", "kind": "city", "country": {{"id": "china", "basis": "context"}}, "quotes": [{{"document": "d", "text": "Lion City"}}]}},
                {{"id": "b", "name": "{b}", "kind": "city", "country": {{"id": "china", "basis": "context"}}, "quotes": [{{"document": "d", "text": "Lion City"}}]}}]"#
        );
        files[2].1 = places.into_bytes();
        let err = Loader::new().files(files).load().unwrap_err();
        assert_eq!(kinds(&err), [K::DuplicateName], "{a} / {b}");
    }
    let ds = Loader::new().files({
        let mut files = quoting("", 1, |_| "Lion City".to_owned());
        files[2].1 = r#"[{"id": "a", "name": "Straße", "kind": "city", "country": {"id": "china", "basis": "context"}, "quotes": [{"document": "d", "text": "Lion City"}]}]"#.into();
        files
    }).load()
    .unwrap();
    assert_eq!(ds.places().by_name("STRASSE").unwrap().id, "a");
    assert_eq!(ds.places().by_name("strasse").unwrap().id, "a");
}

#[test]
fn names_that_differ_only_in_bit_5_of_punctuation_are_different_names() {
    // The old hash folded every byte pair differing in bit 5 ('[' and '{', '@' and '`'),
    // so these all collided; now they are distinct keys, found each by its own name.
    let names: Vec<String> =
        (0..64).map(|i| (0..6).map(|b| if i & (1 << b) != 0 { '[' } else { '{' }).collect()).collect();
    let places: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!(r#"{{"id": "p-{i}", "name": "x{n}{i}", "kind": "city", "country": {{"id": "china", "basis": "context"}}, "quotes": [{{"document": "d", "text": "Lion City"}}]}}"#))
        .collect();
    let mut files = quoting("", 0, |_| String::new());
    files[2].1 = format!("[{}]", places.join(",")).into_bytes();
    let ds = Loader::new().files(files).load().unwrap();
    for (i, n) in names.iter().enumerate() {
        assert_eq!(ds.places().by_name(format!("x{n}{i}")).unwrap().id, format!("p-{i}"));
    }
}

// --- Confined reads -------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_record_file_that_is_no_regular_file_is_reported_not_skipped() {
    use std::os::unix::fs::symlink;
    type Make<'a> = &'a dyn Fn(&Path);
    let cases: [(&str, Make); 4] = [
        ("directory", &|p| std::fs::create_dir(p).unwrap()),
        ("fifo", &|p| {
            assert!(std::process::Command::new("mkfifo").arg(p).status().unwrap().success());
        }),
        ("loop", &|p| symlink(p, p).unwrap()),
        ("dev-null", &|p| symlink("/dev/null", p).unwrap()),
    ];
    for (name, make) in cases {
        let dir = case_dir("valid");
        let dir = dir.parent().unwrap().join(format!("not-a-file-{name}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for f in ["documents.json", "places.json", "organizations.json"] {
            std::fs::copy(common::corpus::valid_dir().join(f), dir.join(f)).unwrap();
        }
        std::fs::create_dir(dir.join("sources")).unwrap();
        std::fs::copy(common::corpus::valid_dir().join("sources/note.txt"), dir.join("sources/note.txt")).unwrap();
        make(&dir.join("projects.json"));
        let err = load_err(&dir);
        let d = err.diagnostics();
        assert_eq!(d.len(), 1, "{name}: {d:#?}");
        assert!(matches!(d[0].kind, K::NotAFile | K::OutsideDirectory | K::Io), "{name}: {}", d[0]);
        assert!(d[0].file.ends_with("projects.json"), "{name}: {}", d[0]);
    }
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_directory_is_refused() {
    use std::os::unix::fs::symlink;
    for (target, name) in
        [("/etc/passwd", "passwd.txt"), ("/proc/self/environ", "environ.txt"), ("/proc/self/pagemap", "pagemap.txt")]
    {
        let dir = case_dir("valid");
        symlink(target, dir.join("sources").join(name)).unwrap();
        let docs = std::fs::read_to_string(dir.join("documents.json")).unwrap().replace("note.txt", name);
        std::fs::write(dir.join("documents.json"), docs).unwrap();
        let err = load_err(&dir);
        let outside: Vec<_> = err.diagnostics().iter().filter(|d| d.kind == K::OutsideDirectory).collect();
        assert_eq!(outside.len(), 1, "{target}: {err}");
        assert!(outside[0].file.ends_with(name));
    }
}

#[cfg(unix)]
#[test]
fn a_link_inside_the_directory_is_followed() {
    use std::os::unix::fs::symlink;
    let dir = case_dir("valid");
    std::fs::rename(dir.join("places.json"), dir.join("places.data")).unwrap();
    symlink(dir.join("places.data"), dir.join("places.json")).unwrap();
    let ds = Dataset::from_dir(&dir).unwrap();
    assert!(ds.places().by_id("lion-city").is_some());
    assert_eq!(ds.skipped().len(), 1, "places.data is reported as not used");
}

#[test]
fn uncited_sources_are_not_read_and_are_reported() {
    let dir = case_dir("valid");
    std::fs::write(dir.join("sources/extra.txt"), "not cited").unwrap();
    std::fs::write(dir.join("README.md"), "notes").unwrap();
    let ds = Dataset::from_dir(&dir).unwrap();
    let skipped: Vec<&str> = ds.skipped().iter().map(|s| s.path.as_str()).collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped.iter().any(|p| p.ends_with("extra.txt")) && skipped.iter().any(|p| p.ends_with("README.md")));
}

#[test]
fn the_total_bound_covers_the_whole_load() {
    let dir = case_dir("valid");
    let err = Loader::new().max_total_bytes(600).dir(&dir).load().unwrap_err();
    assert!(err.diagnostics().iter().any(|d| d.kind == K::TooLarge && d.message.contains("max_total_bytes")), "{err}");
}

#[test]
fn a_kind_whose_file_cannot_be_read_raises_no_false_dangling_references() {
    let dir = case_dir("valid");
    std::fs::remove_file(dir.join("places.json")).unwrap();
    std::fs::create_dir(dir.join("places.json")).unwrap();
    let err = load_err(&dir);
    assert_eq!(kinds(&err), [K::NotAFile], "{err}");
    let dir = case_dir("valid");
    std::fs::write(dir.join("organizations.json"), "\u{feff}[]").unwrap();
    let err = load_err(&dir);
    assert_eq!(kinds(&err), [K::ByteOrderMark], "{err}");
    assert_eq!((err.diagnostics()[0].line, err.diagnostics()[0].column), (Some(1), Some(1)));
}

// --- Confined writes ------------------------------------------------------------------

#[test]
fn a_document_file_must_be_one_plain_name() {
    for bad in ["../../x.txt", "/etc/x.txt", "sub/x.txt", "..", "a\\b.txt"] {
        let dir = case_dir("valid");
        let docs = std::fs::read_to_string(dir.join("documents.json")).unwrap();
        let docs = docs.replace("\"note.txt\"", &serde_json::to_string(bad).unwrap());
        std::fs::write(dir.join("documents.json"), docs).unwrap();
        let err = load_err(&dir);
        assert!(kinds(&err).contains(&K::InvalidFileName), "{bad}: {err}");
    }
}

#[test]
fn write_dir_refuses_a_target_with_files_and_leaves_it_alone() {
    let dir = scratch("non-empty");
    std::fs::write(dir.join("keep.txt"), "mine").unwrap();
    let err = write_dir(&valid(), &dir).unwrap_err();
    assert!(matches!(err, WriteError::NotEmpty { .. }) && err.path() == dir, "{err}");
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1);
    // Nothing was left beside it either.
    let siblings = std::fs::read_dir(dir.parent().unwrap()).unwrap().filter_map(Result::ok);
    assert!(siblings.filter(|e| e.file_name().to_string_lossy().contains(".non-empty.partial")).count() == 0);
}

#[cfg(unix)]
#[test]
fn write_dir_does_not_follow_a_link() {
    let outside = scratch("link-target");
    let dir = scratch("link-parent").join("data");
    std::os::unix::fs::symlink(&outside, &dir).unwrap();
    let err = write_dir(&valid(), &dir).unwrap_err();
    assert!(matches!(err, WriteError::Link { .. }), "{err}");
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0, "nothing was written through the link");
}

#[test]
fn write_dir_failing_part_way_leaves_nothing_and_names_the_path() {
    let parent = scratch("parent-is-a-file");
    let file = parent.join("plain-file");
    std::fs::write(&file, "x").unwrap();
    let err = write_dir(&valid(), file.join("data")).unwrap_err();
    assert!(err.to_string().contains("plain-file"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
}

#[test]
fn write_dir_into_an_empty_directory_round_trips() {
    let dir = scratch("empty-target");
    let ds = valid();
    write_dir(&ds, &dir).unwrap();
    assert_eq!(Dataset::from_dir(&dir).unwrap(), ds);
}

// --- Honest messages ------------------------------------------------------------------

#[test]
fn control_characters_in_data_are_escaped_when_printed() {
    let forged = "x\n  data/places.json:1:1: io: \u{1b}[31mforged\u{1b}[0m";
    let record = format!(
        r#"[{{"id": {}, "name": "N", "kind": "city", "country": {{"id": "china", "basis": "context"}}, "quotes": []}}]"#,
        serde_json::to_string(forged).unwrap()
    );
    let err = Loader::new().files([("places.json", record)]).load().unwrap_err();
    let text = err.to_string();
    assert_eq!(text.lines().count(), 1 + err.diagnostics().len(), "{text}");
    assert!(!text.contains('\u{1b}') && text.contains("\\u{1b}") && text.contains("\\u{a}"), "{text}");
}

#[test]
fn a_repeated_key_is_reported_as_such_under_the_record_it_starts() {
    let record = r#"[{"id": "first", "id": "second", "name": "N", "kind": "city", "country": {{"id": "china", "basis": "context"}}, "quotes": []}]"#;
    let err = Loader::new().files([("places.json", record)]).load().unwrap_err();
    let d = &err.diagnostics()[0];
    assert_eq!((d.kind, d.record.as_deref()), (K::DuplicateKey, Some("first")), "{d}");
}

#[test]
fn the_generated_hostile_inputs_load_as_they_should() {
    use common::adversarial;
    let err = Loader::new().files(adversarial::diagnostics(500)).load().unwrap_err();
    assert_eq!(err.diagnostics().len(), 101);
    let ds = Loader::new().files(adversarial::quotes(300)).load().unwrap();
    assert_eq!(ds.places().len(), 300);
    let ds = Loader::new().files(adversarial::colliding_names(2_000)).load().unwrap();
    let p = ds.places().by_id("p-1234").unwrap();
    assert!(std::ptr::eq(ds.places().by_name(&p.name).unwrap(), p));
}

#[test]
fn the_same_path_given_twice_in_memory_is_an_error() {
    let err = Loader::new().files([("places.json", "[]"), ("places.json", "[]")]).load().unwrap_err();
    assert_eq!(kinds(&err), [K::DuplicateFile]);
}

/// Swaps `path` back and forth `times` times on another thread, between a regular file
/// (written afresh each time from `text`) and what `other` puts at a side path, while
/// `load` runs on this thread until the swapping ends, once more after; returns each
/// load's result.
#[cfg(unix)]
fn while_swapping<T: Send>(
    path: &Path,
    text: &str,
    times: usize,
    other: impl Fn(&Path) + Sync,
    load: impl Fn() -> T,
) -> Vec<T> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let done = AtomicBool::new(false);
    let (regular, swapped) = (path.with_extension("regular"), path.with_extension("swapped"));
    std::thread::scope(|s| {
        s.spawn(|| {
            for _ in 0..times {
                std::fs::write(&regular, text).unwrap();
                std::fs::rename(&regular, path).unwrap();
                other(&swapped);
                std::fs::rename(&swapped, path).unwrap();
            }
            std::fs::write(&regular, text).unwrap();
            std::fs::rename(&regular, path).unwrap();
            done.store(true, Ordering::Release);
        });
        // At least one load, and one more after the swapping ends (the file then regular).
        let mut results = Vec::new();
        loop {
            let finished = done.load(Ordering::Acquire);
            results.push(load());
            if finished {
                break results;
            }
        }
    })
}

#[cfg(unix)]
#[test]
fn a_source_swapped_for_a_link_outside_is_never_quoted() {
    let dir = case_dir("valid");
    let secret_dir = scratch("secret");
    let secret = secret_dir.join("secret.txt");
    std::fs::write(&secret, "Lion City Park opened on a secret day. Secret text.").unwrap();
    let source = dir.join("sources/note.txt");
    let text = std::fs::read_to_string(&source).unwrap();
    let link = |at: &Path| std::os::unix::fs::symlink(&secret, at).unwrap();
    let loads = while_swapping(&source, &text, 400, link, || Dataset::from_dir(&dir));
    assert!(!loads.is_empty());
    for ds in loads.iter().flatten() {
        assert_eq!(&*ds.documents().by_id("note").unwrap().text, text.as_str(), "a load read the file the link led to");
    }
    for err in loads.iter().filter_map(|r| r.as_ref().err()) {
        assert!(
            err.diagnostics().iter().all(|d| matches!(d.kind, K::OutsideDirectory | K::Io | K::MissingSource)),
            "{err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_record_file_swapped_for_a_pipe_never_stalls_a_load() {
    let dir = case_dir("valid");
    let projects = dir.join("projects.json");
    let text = std::fs::read_to_string(&projects).unwrap();
    let fifo = |at: &Path| {
        let made = std::process::Command::new("mkfifo").arg(at).status().unwrap();
        assert!(made.success());
    };
    // A load that opened the pipe and waited for a writer would never return.
    let loads = while_swapping(&projects, &text, 100, fifo, || Dataset::from_dir(&dir));
    for err in loads.iter().filter_map(|r| r.as_ref().err()) {
        assert!(err.diagnostics().iter().all(|d| matches!(d.kind, K::NotAFile | K::Io)), "{err}");
    }
    assert!(loads.iter().any(Result::is_ok));
}

#[test]
fn a_path_that_is_a_file_is_not_a_directory_and_not_missing() {
    let dir = case_dir("valid");
    let err = Dataset::from_dir(dir.join("places.json")).unwrap_err();
    assert!(matches!(err, Error::NotADirectory { .. }), "{err}");
    assert!(err.to_string().starts_with("not a directory: "), "{err}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_directory_says_why() {
    use std::os::unix::fs::PermissionsExt;
    let dir = case_dir("valid");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o000)).unwrap();
    let result = Dataset::from_dir(&dir);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    if is_root() {
        // Root reads a directory whatever its permissions: the load goes through.
        assert!(result.is_ok(), "{result:?}");
        return;
    }
    let err = result.unwrap_err();
    assert!(err.to_string().to_lowercase().contains("permission denied"), "{err}");
}

/// True when the tests run as root (who may read a directory with no permissions).
#[cfg(unix)]
fn is_root() -> bool {
    std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[test]
fn a_path_with_control_characters_is_escaped_in_the_error() {
    let err = Dataset::from_dir("/no/such\n\u{1b}[2Jerror: forged").unwrap_err();
    let shown = err.to_string();
    assert!(!shown.contains('\n') && !shown.contains('\u{1b}'), "{shown:?}");
    assert!(shown.contains("\\u{a}") && shown.contains("\\u{1b}"), "{shown:?}");
}

#[test]
fn one_source_cited_by_many_documents_is_read_and_held_once() {
    let text = "Lion City Park opened. ".repeat(10_000);
    let docs: Vec<String> = (0..200)
        .map(|i| {
            format!(r#"{{"id": "d{i}", "title": "D{i}", "file": "a.txt", "date_note": "-", "quotes": [{{"document": "d{i}", "text": "Lion City"}}]}}"#)
        })
        .collect();
    let ds = Loader::new()
        .max_total_bytes(1 << 20)
        .files([
            ("sources/a.txt".to_owned(), text.into_bytes()),
            ("documents.json".to_owned(), format!("[{}]", docs.join(",")).into_bytes()),
        ])
        .load()
        .unwrap();
    let (first, last) = (ds.documents().by_id("d0").unwrap(), ds.documents().by_id("d199").unwrap());
    assert!(std::sync::Arc::ptr_eq(&first.text, &last.text), "each document holds its own copy");
}

#[test]
fn files_given_in_memory_count_against_the_total_bound() {
    let big = vec![b' '; 4096];
    let err = Loader::new()
        .max_total_bytes(6000)
        .files([("places.json", b"[]".to_vec()), ("sources/a.txt", big.clone()), ("sources/b.txt", big)])
        .load()
        .unwrap_err();
    assert!(err.diagnostics().iter().any(|d| d.kind == K::TooLarge && d.file == "sources/b.txt"), "{err}");
}

#[test]
fn paths_outside_the_layout_are_reported_and_a_wrong_case_json_is_no_record_file() {
    let ds = Loader::new()
        .files([("places.json", "[]"), ("sub/places.json", "[]"), ("/abs/projects.json", "[]"), ("notes.txt", "x")])
        .load()
        .unwrap();
    let skipped: Vec<&str> = ds.skipped().iter().map(|s| s.path.as_str()).collect();
    assert_eq!(skipped, ["sub/places.json", "/abs/projects.json", "notes.txt"]);
    let err = Loader::new().files([("places.json", "[]"), ("speakers.JSON", "[]")]).load().unwrap_err();
    assert_eq!(kinds(&err), [K::UnknownFile], "{err}");
    let dir = case_dir("valid");
    std::fs::write(dir.join("speakers.JSON"), "[]").unwrap();
    assert_eq!(kinds(&load_err(&dir)), [K::UnknownFile]);
}

#[cfg(target_os = "linux")]
#[test]
fn a_source_name_that_is_not_utf8_is_reported_and_never_matched_by_a_lossy_name() {
    use std::os::unix::ffi::OsStrExt;
    let dir = case_dir("valid");
    let odd = std::ffi::OsStr::from_bytes(b"note\xff.txt");
    let odder = std::ffi::OsStr::from_bytes(b"note\xfe.txt");
    std::fs::write(dir.join("sources").join(odd), "Lion City Park opened").unwrap();
    std::fs::write(dir.join("sources").join(odder), "Lion City Park opened").unwrap();
    let docs = std::fs::read_to_string(dir.join("documents.json")).unwrap().replace("note.txt", "note\u{fffd}.txt");
    std::fs::write(dir.join("documents.json"), docs).unwrap();
    let err = load_err(&dir);
    assert_eq!(kinds(&err), [K::MissingSource], "{err}");
    std::fs::write(dir.join("documents.json"), std::fs::read_to_string(valid_dir().join("documents.json")).unwrap())
        .unwrap();
    let ds = Dataset::from_dir(&dir).unwrap();
    let odd_names = ds.skipped().iter().filter(|s| s.reason.contains("not UTF-8")).count();
    assert_eq!(odd_names, 2, "{:?}", ds.skipped());
}

#[test]
fn a_year_at_the_end_of_the_range_moved_by_next_year_is_reported_not_wrapped() {
    let doc = r#"[{"id": "d", "title": "D", "file": "d.txt", "year": {"value": 2147483647}, "date_note": "-", "quotes": [{"document": "d", "text": "Lion City"}]}]"#;
    let project = r#"[{"id": "p", "name": "P", "kind": "park", "started": {"precision": "year", "year": {"value": 2147483647}, "as_written": "next year", "relative": "next-year", "relative_to": "d"}, "quotes": [{"document": "d", "text": "Lion City"}]}]"#;
    let err = Loader::new()
        .files([("sources/d.txt", "Lion City opens next year."), ("documents.json", doc), ("projects.json", project)])
        .load()
        .unwrap_err();
    let years: Vec<&str> = err
        .diagnostics()
        .iter()
        .map(|d| d.message.as_str())
        .filter(|m| m.contains("expected a year from 1 to 9999"))
        .collect();
    assert_eq!(years.len(), 2, "{err}");
}

#[test]
fn deep_nesting_and_a_file_cut_short_say_so() {
    let deep = format!(
        r#"[{{"id": "x", "name": {}"a"{}, "kind": "city", "quotes": []}}]"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = Loader::new().files([("places.json", deep)]).load().unwrap_err();
    assert_eq!(kinds(&err), [K::TooDeep], "{err}");
    let err = Loader::new().files([("places.json", r#"[{"id": "x", "name": "Lion"#)]).load().unwrap_err();
    assert_eq!(kinds(&err), [K::Truncated], "{err}");
    assert!(err.to_string().contains("cut short"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_link_swapped_in_for_the_staging_directory_redirects_no_write() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let ds = valid();
    let root = scratch("staging-race");
    let elsewhere = root.join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let parent = root.join("parent");
    std::fs::create_dir(&parent).unwrap();
    let done = AtomicBool::new(false);
    /// Stops the watcher however the writing ends, a failed assertion included.
    struct Stop<'a>(&'a AtomicBool);
    impl Drop for Stop<'_> {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Release);
        }
    }
    let mut swaps = 0;
    std::thread::scope(|s| {
        let watcher = s.spawn(|| {
            let mut swapped = 0;
            while !done.load(Ordering::Acquire) {
                for entry in std::fs::read_dir(&parent).into_iter().flatten().flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    let path = entry.path();
                    if name.contains(".partial-") && !path.is_symlink() {
                        let moved = root.join(format!("moved-{swapped}"));
                        if std::fs::rename(&path, &moved).is_ok() {
                            let _ = std::os::unix::fs::symlink(&elsewhere, &path);
                            swapped += 1;
                        }
                    }
                }
            }
            swapped
        });
        let stop = Stop(&done);
        for i in 0..100 {
            let target = parent.join(format!("out-{i}"));
            if write_dir(&ds, &target).is_ok() {
                let meta = std::fs::symlink_metadata(&target).unwrap();
                assert!(meta.is_dir() && !meta.file_type().is_symlink(), "the target became a link");
                assert!(Dataset::from_dir(&target).is_ok());
            }
        }
        drop(stop);
        swaps = watcher.join().unwrap();
    });
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0, "a write went through the link ({swaps} swaps)");
}
