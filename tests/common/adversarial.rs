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
/// whose UTF-8 differs only in bit 5 of some bytes, which the old key hash folded together.
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
