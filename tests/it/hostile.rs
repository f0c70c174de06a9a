//! Hostile queries and data: every query linear in its input, with the bounds the docs
//! state. Large inputs are generated here, at run time; what each costs is measured by
//! the `adversarial/*` rows of `benches/scale.rs`, and what each allocates by `tests/alloc.rs`.

use china_singapore::{Dataset, Loader, dataset};

use crate::common::adversarial;

fn load(files: adversarial::Files) -> Dataset {
    Loader::new().max_file_bytes(1 << 30).files(files).load().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_word_past_the_edit_bound_suggests_only_a_name_equal_to_it() {
    let ds = dataset();
    assert!(ds.projects().suggest("knowledge".repeat(60), 5).is_empty());
    assert!(ds.suggest("x".repeat(100_000), 5).is_empty());
    // A typo within the bound is still found.
    assert_eq!(ds.projects().suggest("Knowlege City", 5)[0].name, "Knowledge City");
    // A user's place named by one 400-letter word: a miss costs no more than its length.
    let ds = load(adversarial::long_word_place(400));
    let name = ds.places().by_id("p-0").unwrap().name.clone();
    assert!(ds.places().suggest(&name[..399], 5).is_empty(), "two edits on 400 letters are past the bound");
    assert_eq!(ds.places().suggest(&name, 5)[0].name, name);
}

#[test]
fn text_without_spaces_is_matched_a_character_at_a_time() {
    let ds = load(adversarial::colliding_names(4));
    let typed: String = "\u{4e00}".repeat(300);
    let near = ds.places().suggest(&typed, 5);
    assert!(!near.is_empty(), "a run of ideographs is words, one per character");
    let misses = ds.project_filter().place(typed.as_str()).try_iter().unwrap_err();
    assert!(misses.to_string().contains("no place"), "{misses}");
}

#[test]
fn a_huge_query_is_read_up_to_its_word_bound() {
    let ds = dataset();
    let query = "green bonds ".repeat(100_000);
    let hits = ds.search(&query);
    assert_eq!(hits[0].record.id(), "green-bond-issuance");
    // Words past the bound are ignored: a million words equal the first sixty-four.
    let first: String = query.split(' ').take(64).collect::<Vec<_>>().join(" ");
    let same: Vec<&str> = ds.search(&first).iter().map(|h| h.record.id()).collect();
    assert_eq!(hits.iter().map(|h| h.record.id()).collect::<Vec<_>>(), same);
}

#[test]
fn a_long_phrase_matches_exactly_where_its_words_run_in_order() {
    let (files, run) = adversarial::word_run(4_000);
    let ds = load(files);
    let found = |phrase: &str| ds.search(&format!("\"{phrase}\"")).iter().any(|h| h.record.id() == "p-0");
    let words: Vec<&str> = run.split(' ').collect();
    assert!(found(&words[1000..1060].join(" ")));
    let mut swapped = words[1000..1060].to_vec();
    swapped.swap(10, 11);
    assert!(!found(&swapped.join(" ")));
    // The phrase's words past the query bound are ignored, so a longer phrase still matches.
    assert!(found(&run));
}

#[test]
fn every_date_of_a_record_with_thousands_finds_its_quote() {
    let ds = load(adversarial::dated_counts(5_000));
    let timeline = ds.timeline();
    assert_eq!(timeline.len(), 5_000);
    assert!(timeline.iter().all(|e| e.quote.is_some()));
    let figures = ds.figures();
    assert_eq!(figures.len(), 5_000);
    let doc = ds.documents().by_id("d").unwrap();
    for f in figures.iter().step_by(499) {
        let at = f.at.unwrap();
        assert_eq!(&doc.text[at.start..at.end], f.measure.as_written());
    }
}

#[test]
fn a_deep_chain_of_places_is_followed_to_its_end() {
    let ds = load(adversarial::chain(16_000));
    let top = ds.places().by_id("p-15999").unwrap();
    let bottom = ds.places().by_id("p-0").unwrap();
    assert_eq!(ds.explain(bottom, top).unwrap().steps.len(), 15_999);
    assert!(ds.explain(top, bottom).is_none());
    fn ids(f: china_singapore::query::ProjectFilter<'_>) -> Vec<String> {
        f.iter().map(|p| p.id.to_string()).collect()
    }
    assert_eq!(ids(ds.project_filter().place("p-15999")), ["deep"]);
    assert_eq!(ids(ds.project_filter().place("p-7000")), ["deep"]);
    assert_eq!(ids(ds.project_filter().country(china_singapore::model::Country::China)), ["deep"]);
    let project = ds.projects().by_id("deep").unwrap();
    assert_eq!(ds.explain(project, top).unwrap().steps.len(), 16_000);
}

#[test]
fn json_ld_text_can_sit_in_a_page_whatever_the_records_hold() {
    let place = r#"[{"id": "x", "name": "</script><script>alert(1)</script> & \u2028", "kind": "city", "country": {"id": "china", "basis": "context"}, "quotes": [{"document": "d", "text": "Lion City"}]}]"#;
    let doc = r#"[{"id": "d", "title": "D", "file": "d.txt", "date_note": "-", "quotes": [{"document": "d", "text": "Lion City"}]}]"#;
    let ds = Loader::new()
        .files([("places.json", place), ("documents.json", doc), ("sources/d.txt", "Lion City.")])
        .load()
        .unwrap();
    let mut out = Vec::new();
    china_singapore::export::write_json_ld(&ds, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains('<') && !text.contains('>') && !text.contains('\u{2028}'), "{text}");
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    let names: Vec<&str> =
        parsed["@graph"].as_array().unwrap().iter().filter_map(|n| n["schema:name"][0].as_str()).collect();
    assert!(names.contains(&"</script><script>alert(1)</script> & \u{2028}"));
}

#[test]
fn a_record_with_thousands_of_stated_links_and_a_long_quote_loads_and_cites_each() {
    let n = 3_000;
    let names: Vec<String> = (0..n).map(|i| format!("Org Number {i:05}")).collect();
    let quote = format!("Lion Park works with {}.", names.join(", "));
    let orgs: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": "o-{i}", "name": "{}", "kind": "company", "quotes": [{{"document": "d", "text": "Lion Park works with"}}]}}"#, names[i]))
        .collect();
    let links: Vec<String> =
        (0..n).map(|i| format!(r#"{{"organization": "o-{i}", "role": "partner", "basis": "stated"}}"#)).collect();
    let project = format!(
        r#"[{{"id": "lion-park", "name": "Lion Park", "kind": "park", "organizations": [{}], "quotes": [{{"document": "d", "text": {}}}]}}]"#,
        links.join(","),
        serde_json::to_string(&quote).unwrap()
    );
    let doc = r#"[{"id": "d", "title": "D", "file": "d.txt", "date_note": "-", "quotes": [{"document": "d", "text": "Lion Park works"}]}]"#;
    let ds = Loader::new()
        .max_file_bytes(1 << 30)
        .files([
            ("sources/d.txt".to_owned(), quote.clone().into_bytes()),
            ("documents.json".to_owned(), doc.as_bytes().to_vec()),
            ("organizations.json".to_owned(), format!("[{}]", orgs.join(",")).into_bytes()),
            ("projects.json".to_owned(), project.into_bytes()),
        ])
        .load()
        .unwrap_or_else(|e| panic!("{e}"));
    let park = ds.projects().by_id("lion-park").unwrap();
    let links = ds.links_of(park);
    assert_eq!(links.len(), n);
    assert!(links.iter().all(|l| l.evidence.and_then(|e| e.words) == Some(l.other.name())));
}
