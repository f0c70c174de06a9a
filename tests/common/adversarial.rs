//! Hostile inputs of any size, for the adversarial tests and the `adversarial/*` bench rows:
//! each is a set of files in the data layout.

#![allow(dead_code)]

/// Files as (path within the data layout, bytes).
pub type Files = Vec<(String, Vec<u8>)>;

/// One document of `text` citing itself by its first two words.
fn document(text: String) -> Files {
    let doc = r#"[{"id": "d", "title": "D", "file": "d.txt", "date_note": "-", "quotes": [{"document": "d", "text": "Lion City"}]}]"#;
    vec![("sources/d.txt".into(), format!("Lion City. {text}").into_bytes()), ("documents.json".into(), doc.into())]
}

fn place(i: usize, name: &str, quote: &str) -> String {
    let (name, quote) = (serde_json::to_string(name).unwrap(), serde_json::to_string(quote).unwrap());
    format!(
        r#"{{"id": "p-{i}", "name": {name}, "kind": "city", "country": {{"id": "china", "basis": "context"}}, "quotes": [{{"document": "d", "text": {quote}}}]}}"#
    )
}

/// A places.json of `n` empty objects: `n` missing-field problems in one file.
pub fn diagnostics(n: usize) -> Files {
    let mut files = document(String::new());
    files.push(("places.json".into(), format!("[{}]", vec!["{}"; n].join(",")).into_bytes()));
    files
}

/// `n` places quoting periodic text: half quote runs of `a a ` of up to 40 pairs (which the
/// window index cannot serve), half such a run ending in a word of their own.
pub fn quotes(n: usize) -> Files {
    let text: String = (0..n).map(|i| format!("{}b{i} b ", "a a ".repeat(1 + i % 40))).collect();
    let mut files = document(text);
    let places: Vec<String> = (0..n)
        .map(|i| {
            let quote =
                if i % 2 == 0 { format!("{}b{i} b", "a a ".repeat(1 + i % 40)) } else { "a a ".repeat(1 + i % 40) };
            place(i, &format!("Place {i}"), quote.trim_end())
        })
        .collect();
    files.push(("places.json".into(), format!("[{}]", places.join(",\n")).into_bytes()));
    files
}

/// `n` places whose names are 17 letters, each 一 (U+4E00) or 丠 (U+4E20): distinct names
/// whose UTF-8 differs only in bit 5 of some bytes, which a careless byte hash folds together.
pub fn colliding_names(n: usize) -> Files {
    let mut files = document(String::new());
    let places: Vec<String> = (0..n)
        .map(|i| {
            let name: String = (0..17).map(|b| if i & (1 << b) != 0 { '\u{4e20}' } else { '\u{4e00}' }).collect();
            place(i, &name, "Lion City")
        })
        .collect();
    files.push(("places.json".into(), format!("[{}]", places.join(",\n")).into_bytes()));
    files
}

/// One place named by a single word of `n` letters (no dictionary word is near it).
pub fn long_word_place(n: usize) -> Files {
    let word: String = (0..n).map(|i| char::from(b'a' + (i * 7 % 26) as u8)).collect();
    let mut files = document(String::new());
    files.push(("places.json".into(), format!("[{}]", place(0, &word, "Lion City")).into_bytes()));
    files
}

/// One project with `n` dated counts, each written differently, in one quote of the text.
pub fn dated_counts(n: usize) -> Files {
    let words: Vec<String> = (0..n).map(|i| format!("{} firms in {}", i + 1, 1000 + i % 9000)).collect();
    let mut files = document(words.join(", "));
    let counts: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            format!(
                r#"{{"value": {}, "qualifier": "exact", "unit": "enterprises", "status": "actual", "as_written": "{w}", "date": {{"year": {{"value": {}}}, "precision": "year", "as_written": "in {}"}}}}"#,
                i + 1,
                1000 + i % 9000,
                1000 + i % 9000
            )
        })
        .collect();
    let quote = serde_json::to_string(&words.join(", ")).unwrap();
    let project = format!(
        r#"[{{"id": "busy", "name": "Busy Park", "kind": "park", "counts": [{}], "quotes": [{{"document": "d", "text": {quote}}}]}}]"#,
        counts.join(",")
    );
    files.push(("projects.json".into(), project.into_bytes()));
    files
}

/// `n` places, each within the next: a containment chain `n` deep, and a project in the
/// innermost.
pub fn chain(n: usize) -> Files {
    let mut files = document(String::new());
    let places: Vec<String> = (0..n)
        .map(|i| {
            let within = if i + 1 < n { format!(r#", "within": [{{"id": "p-{}", "basis": "context"}}]"#, i + 1) } else { String::new() };
            format!(
                r#"{{"id": "p-{i}", "name": "Place {i}", "kind": "city", "country": {{"id": "china", "basis": "context"}}{within}, "quotes": [{{"document": "d", "text": "Lion City"}}]}}"#
            )
        })
        .collect();
    files.push(("places.json".into(), format!("[{}]", places.join(",\n")).into_bytes()));
    let project = r#"[{"id": "deep", "name": "Deep Park", "kind": "park", "places": [{"id": "p-0", "basis": "context"}], "quotes": [{"document": "d", "text": "Lion City"}]}]"#;
    files.push(("projects.json".into(), project.into()));
    files
}

/// One place whose quote is a run of `n` words, "w0 w1 … w(n-1)", each once.
pub fn word_run(n: usize) -> (Files, String) {
    let run: String = (0..n).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
    let mut files = document(run.clone());
    files.push(("places.json".into(), format!("[{}]", place(0, "Run Town", &run)).into_bytes()));
    (files, run)
}
