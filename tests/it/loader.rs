//! The loader on bad input: one corpus case per kind of problem (`tests/corpus/valid/`
//! plus one edit, see `tests/common/corpus.rs`), each test asserting the error kind and
//! where it points.

use crate::common;

use std::path::PathBuf;

use china_singapore::{
    Dataset, Error, Loader,
    load::{Diagnostic, DiagnosticKind as K},
};
use common::corpus::case_dir;

/// The corpus case's directory: `tests/corpus/valid/` with the case's edit applied.
fn corpus(case: &str) -> PathBuf {
    case_dir(case)
}

fn diagnostics(case: &str) -> Vec<Diagnostic> {
    match Dataset::from_dir(corpus(case)) {
        Ok(_) => panic!("corpus `{case}` loaded without error"),
        Err(e) => e.diagnostics().to_vec(),
    }
}

/// The 1-based line and byte column of the last `needle` in a corpus file (each corpus case
/// adds its defect after the records it clashes with).
fn position(case: &str, file: &str, needle: impl AsRef<[u8]>) -> (usize, usize) {
    let (bytes, needle) = (std::fs::read(corpus(case).join(file)).unwrap(), needle.as_ref());
    let at =
        bytes.windows(needle.len()).rposition(|w| w == needle).unwrap_or_else(|| panic!("{needle:?} not in {file}"));
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = at - before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
    (line, col)
}

/// Asserts exactly one diagnostic, of this kind, in this file, for this record, on the
/// line of `needle` (and, if `exact`, at its column).
fn expect(case: &str, kind: K, file: &str, record: Option<&str>, needle: &str, exact: bool) -> Diagnostic {
    let d = diagnostics(case);
    assert_eq!(d.len(), 1, "{case}: expected one diagnostic, got {d:#?}");
    let d = d.into_iter().next().unwrap();
    assert_eq!(d.kind, kind, "{case}: {d}");
    assert!(d.file.ends_with(&format!("{case}/{file}")), "{case}: file {}", d.file);
    assert_eq!(d.record.as_deref(), record, "{case}: {d}");
    let (line, col) = position(case, file, needle);
    assert_eq!(d.line, Some(line), "{case}: {d}");
    if exact {
        assert_eq!(d.column, Some(col), "{case}: {d}");
    } else {
        let c = d.column.unwrap();
        assert!(c >= col && c <= col + needle.len() + 1, "{case}: column {c} not at {needle:?} ({col}): {d}");
    }
    assert!(d.message.contains("expected"), "{case}: the message should say what was expected: {d}");
    d
}

#[test]
fn the_valid_corpus_base_loads() {
    let ds = Dataset::from_dir(corpus("valid")).unwrap();
    assert_eq!(ds.projects().by_id("lion-city-park").unwrap().amounts[0].value, 5_000_000);
}

#[test]
fn json_syntax() {
    expect("syntax", K::Syntax, "places.json", Some("lion-city"), "\"kind\"", false);
}

#[test]
fn unknown_field_is_rejected_not_ignored() {
    let d = expect("unknown-field", K::UnknownField, "projects.json", Some("lion-city-park"), "\"budgett\"", false);
    assert!(d.message.contains("budgett"));
}

#[test]
fn missing_required_field() {
    // serde_json reports a missing field at the end of the object.
    let d = expect("missing-field", K::MissingField, "organizations.json", Some("example-co"), "  }", false);
    assert!(d.message.contains("`kind`"), "{d}");
}

#[test]
fn wrong_type() {
    expect("wrong-type", K::WrongType, "projects.json", Some("lion-city-park"), "\"twenty\"", false);
}

#[test]
fn unknown_enum_value() {
    let d =
        expect("unknown-variant", K::UnknownVariant, "projects.json", Some("lion-city-park"), "\"parkland\"", false);
    assert!(d.message.contains("parkland") && d.message.contains("park"), "{d}");
}

#[test]
fn duplicate_id() {
    // Points at the second record with the id.
    let d = diagnostics("duplicate-id");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!((d[0].kind, d[0].record.as_deref()), (K::DuplicateId, Some("lion-city")));
    let text = std::fs::read_to_string(corpus("duplicate-id").join("places.json")).unwrap();
    let second = text.match_indices("\"lion-city\"").nth(1).unwrap().0;
    assert_eq!(d[0].line, Some(text[..second].lines().count()));
}

#[test]
fn dangling_reference() {
    let d = expect(
        "dangling-reference",
        K::DanglingReference,
        "projects.json",
        Some("lion-city-park"),
        "\"atlantis\"",
        true,
    );
    assert!(d.message.contains("place `atlantis`"), "{d}");
}

#[test]
fn alias_shared_by_two_records() {
    let d = expect("shared-alias", K::DuplicateName, "places.json", Some("lion-town"), "\"lion-city\"", true);
    assert!(d.message.contains("`lion-city`"), "{d}");
}

#[test]
fn quote_not_verbatim() {
    expect(
        "quote-not-found",
        K::QuoteNotFound,
        "organizations.json",
        Some("example-co"),
        "\"Example Co owns the park.\"",
        true,
    );
}

#[test]
fn cited_document_does_not_exist() {
    expect("unknown-document", K::UnknownDocument, "places.json", Some("lion-city"), "\"no-such-note\"", true);
}

#[test]
fn negative_amount() {
    let d = expect(
        "negative-amount",
        K::ImpossibleValue,
        "projects.json",
        Some("lion-city-park"),
        "\"5 million dollars\"",
        true,
    );
    assert!(d.message.contains("negative"), "{d}");
}

#[test]
fn month_13() {
    let d =
        expect("month-13", K::ImpossibleValue, "projects.json", Some("lion-city-park"), "\"on May 4 this year\"", true);
    assert!(d.message.contains("month 13"), "{d}");
}

#[test]
fn minimum_above_maximum() {
    let d = expect(
        "min-above-max",
        K::ImpossibleValue,
        "projects.json",
        Some("lion-city-park"),
        "\"30 to 20 firms\"",
        true,
    );
    assert!(d.message.contains("above maximum"), "{d}");
}

#[test]
fn empty_name() {
    expect("empty-name", K::EmptyName, "organizations.json", Some("example-co"), "\"  \"", true);
}

#[test]
fn not_utf8() {
    let d = diagnostics("not-utf8");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].kind, K::NotUtf8);
    assert!(d[0].file.ends_with("not-utf8/places.json"));
    let (line, col) = position("not-utf8", "places.json", [0xff]);
    assert_eq!((d[0].line, d[0].column), (Some(line), Some(col)));
}

#[test]
fn file_over_the_configured_limit() {
    let err = Loader::new().max_file_bytes(4096).dir(corpus("too-large")).load().unwrap_err();
    let d = err.diagnostics();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].kind, K::TooLarge);
    assert!(d[0].file.ends_with("too-large/projects.json"));
    assert!(d[0].message.contains("4096"));
    // Under the default limit the same directory loads.
    assert!(Dataset::from_dir(corpus("too-large")).is_ok());
}

#[test]
fn directory_that_does_not_exist() {
    let missing = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/no-such-directory");
    match Dataset::from_dir(&missing) {
        Err(Error::DirectoryNotFound { path }) => assert_eq!(path, missing),
        other => panic!("expected DirectoryNotFound, got {other:?}"),
    }
    #[cfg(feature = "embedded")]
    assert!(matches!(Loader::new().embedded().dir(&missing).load(), Err(Error::DirectoryNotFound { .. })));
}

#[test]
fn misnamed_record_file() {
    let d = diagnostics("unknown-file");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].kind, K::UnknownFile);
    assert!(d[0].file.ends_with("project.json") && d[0].message.contains("projects.json"));
}

#[test]
fn document_without_its_source_file() {
    expect("missing-source", K::MissingSource, "documents.json", Some("note"), "\"gone.txt\"", true);
}

#[test]
fn id_that_is_not_a_slug() {
    expect("invalid-id", K::InvalidId, "places.json", Some("Lion_Town"), "\"Lion_Town\"", true);
}

#[test]
fn containment_cycle() {
    expect("cycle", K::ImpossibleValue, "places.json", Some("lion-city"), "\"lion-city\"", true);
}

#[test]
fn every_problem_is_reported_in_one_pass() {
    let d = diagnostics("multiple");
    let kinds: Vec<K> = d.iter().map(|d| d.kind).collect();
    for k in [K::UnknownVariant, K::DanglingReference, K::ImpossibleValue, K::QuoteNotFound] {
        assert!(kinds.contains(&k), "{k} missing from {d:#?}");
    }
    assert_eq!(d.len(), 4, "{d:#?}");
    assert!(d.iter().all(|d| d.line.is_some() && d.column.is_some()), "{d:#?}");
}

#[test]
fn a_quote_typed_with_plain_spaces_gets_a_hint() {
    let doc = r#"[{"id": "n", "title": "N", "file": "n.txt", "date_note": "undated", "quotes": [{"document": "n", "text": "On November 1"}]}]"#;
    let err = Loader::new()
        .files([("sources/n.txt", "On\u{a0}November 1, it began."), ("documents.json", doc)])
        .load()
        .unwrap_err();
    let d = err.diagnostics();
    assert_eq!((d.len(), d[0].kind), (1, K::QuoteNotFound), "{d:#?}");
    assert!(d[0].message.contains("plain spaces"), "{}", d[0].message);
    assert_eq!((d[0].file.as_str(), d[0].line, d[0].record.as_deref()), ("documents.json", Some(1), Some("n")));
}

#[test]
fn in_memory_files_report_every_problem_too() {
    let err = Loader::new()
        .files([("places.json", &b"[{\"id\": 1}]"[..]), ("forums.json", &b"\xff"[..])])
        .load()
        .unwrap_err();
    let kinds: Vec<K> = err.diagnostics().iter().map(|d| d.kind).collect();
    assert_eq!(kinds, [K::NotUtf8, K::WrongType]);
}

#[cfg(feature = "embedded")]
#[test]
fn an_id_the_embedded_data_already_uses_is_an_error() {
    let err = Loader::new().embedded().dir(corpus("clashes-with-embedded")).load().unwrap_err();
    let d = err.diagnostics();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!((d[0].kind, d[0].record.as_deref()), (K::DuplicateId, Some("singapore")));
    assert!(d[0].file.ends_with("clashes-with-embedded/places.json"), "{}", d[0].file);
    assert!(d[0].message.contains("data/places.json"), "{}", d[0].message);
}

#[cfg(feature = "embedded")]
#[test]
fn user_data_extends_the_embedded_data() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/my-data");
    let ds = Loader::new().embedded().dir(&dir).load().unwrap();
    let own = Dataset::from_dir(&dir).unwrap();
    assert_eq!(ds.records().count(), china_singapore::dataset().records().count() + own.records().count());
    assert!(ds.projects().by_name("Demo Park").is_some() && ds.projects().by_name("CSGKC").is_some());
    assert_eq!(ds.speaker_filter().forum("demo-forum").iter().count(), 1);
}

#[test]
fn the_error_lists_every_diagnostic_with_its_location() {
    let err = Dataset::from_dir(corpus("multiple")).unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("4 problem(s) in the data:"), "{text}");
    for d in err.diagnostics() {
        assert!(text.contains(&d.to_string()));
        assert!(d.to_string().contains(&format!(":{}:{}: ", d.line.unwrap(), d.column.unwrap())));
    }
}

#[cfg(feature = "embedded")]
#[test]
fn a_source_file_the_embedded_data_already_has_is_an_error() {
    let dir = std::env::temp_dir().join(format!("china-singapore-dup-source-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    std::fs::write(dir.join("sources/trade-in-services-forum.txt"), "not the article").unwrap();
    std::fs::write(dir.join("places.json"), "[]").unwrap();
    let err = Loader::new().embedded().dir(&dir).load().unwrap_err();
    let d = err.diagnostics();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].kind, K::DuplicateSource);
    assert!(
        d[0].file.ends_with("sources/trade-in-services-forum.txt") && d[0].message.contains("data/sources/"),
        "{}",
        d[0]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_directory_without_record_files_is_an_error() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    match Dataset::from_dir(&src) {
        Err(e @ Error::NoRecordFiles { .. }) => {
            assert!(matches!(&e, Error::NoRecordFiles { path } if *path == src));
            assert!(e.to_string().contains("no record files"), "{e}");
        }
        other => panic!("expected NoRecordFiles, got {other:?}"),
    }
    #[cfg(feature = "embedded")]
    assert!(matches!(Loader::new().embedded().dir(&src).load(), Err(Error::NoRecordFiles { .. })));
    let only_sources = Loader::new().files([("sources/a.txt", "text")]).load();
    assert!(matches!(only_sources, Err(Error::NoRecordFiles { .. })), "{only_sources:?}");
    // An empty record file is a record file: the directory is a (small) data directory.
    assert!(Loader::new().files([("places.json", "[]")]).load().is_ok_and(|d| d.records().next().is_none()));
}

#[test]
fn a_link_marked_stated_must_be_named_in_a_quote() {
    let d = expect("not-stated-link", K::NotStated, "organizations.json", Some("example-co"), "\"chile\"", true);
    assert!(d.message.contains("country `chile`") && d.message.contains("context"), "{d}");
    // Given its true basis, the same link loads.
    let dir = corpus("not-stated-link");
    let text = std::fs::read_to_string(dir.join("organizations.json"))
        .unwrap()
        .replace(r#""basis": "stated"}"#, r#""basis": "common-usage"}"#);
    std::fs::write(dir.join("organizations.json"), text).unwrap();
    assert!(Dataset::from_dir(&dir).is_ok());
}

#[test]
fn a_stated_link_needs_a_quote_naming_both_ends_not_it_or_the_park() {
    // "Example Co runs the park." names the operator, and the park only as "the park".
    let d = expect(
        "stated-link-naming-one-end",
        K::NotStated,
        "projects.json",
        Some("lion-city-park"),
        "\"example-co\"",
        true,
    );
    assert!(d.message.contains("names both it and this record"), "{d}");
    // Recorded as a mention the text uses for the park, "the park" names it.
    let dir = corpus("stated-link-naming-one-end");
    let text = std::fs::read_to_string(dir.join("projects.json")).unwrap().replacen(
        r#""kind": "park","#,
        r#""aliases": [{"name": "the park", "kind": "descriptive", "basis": "stated"}], "kind": "park","#,
        1,
    );
    std::fs::write(dir.join("projects.json"), text).unwrap();
    assert!(Dataset::from_dir(&dir).is_ok());
}

#[test]
fn a_position_a_file_gives_must_be_where_the_quote_is() {
    let d = expect(
        "given-position-wrong",
        K::ImpossibleValue,
        "projects.json",
        Some("lion-city-park"),
        "\"Example Co runs the park.\"",
        true,
    );
    assert!(d.message.contains("gives position") && d.message.contains("expected Position { start: 130"), "{d}");
}

#[test]
fn an_alias_marked_stated_must_be_used_in_a_quote() {
    let d = diagnostics("not-stated-alias");
    assert_eq!((d.len(), d[0].kind, d[0].record.as_deref()), (1, K::NotStated, Some("example-co")), "{d:#?}");
    assert!(d[0].message.contains("\"ExCo\""), "{}", d[0]);
}

#[test]
fn a_diagnostics_column_counts_characters_not_bytes() {
    let text = r#"[{"id": "x", "name": "Ünïcödé “Park”", "kind": "city", "budgett": 1, "quotes": []}]"#;
    let e = Loader::new().files([("places.json", text)]).load().unwrap_err();
    let d = &e.diagnostics()[0];
    assert_eq!(d.kind, K::UnknownField, "{d}");
    // serde_json reports the end of the unknown key: its closing quote.
    let at = text.find("\"budgett\"").unwrap() + "\"budgett".len();
    assert_eq!((d.line, d.column), (Some(1), Some(text[..at].chars().count() + 1)), "{d}");
    assert_ne!(d.column, Some(at + 1), "the byte column differs here");
}
