//! JSON parsing with positions: each record file is a top-level array of records.
//!
//! The fast path parses the whole array at once. Only when that fails does the slow path
//! split the array into elements and parse each one alone, so that every bad record is
//! reported, with its id and its line and column, not just the first.

use serde::de::DeserializeOwned;

use crate::error::{Diagnostic, DiagnosticKind};

/// Where a record came from: which input file, and which element of its array.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Loc {
    pub(crate) file: usize,
    pub(crate) element: usize,
}

/// The records parsed from one file, the problems found, and the ids of records that
/// failed to parse (so references to them are not reported a second time).
pub(crate) struct Parsed<T> {
    pub(crate) records: Vec<(T, Loc)>,
    /// True when the file could not be split into records at all.
    pub(crate) whole_file_failed: bool,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) broken_ids: Vec<String>,
}

/// The 1-based line and byte column of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = offset - before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
    (line, col)
}

/// The byte offset of a 1-based line and column (as serde_json reports them).
fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(p) => start += p + 1,
            None => return text.len(),
        }
    }
    (start + col.saturating_sub(1)).min(text.len())
}

/// The byte spans of the elements of a top-level JSON array, or `None` if the text is not
/// a well-formed array at this coarse level (strings, brackets and commas).
pub(crate) fn element_spans(text: &str) -> Option<Vec<(usize, usize)>> {
    let b = text.as_bytes();
    let skip_ws = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let mut i = skip_ws(0);
    if b.get(i) != Some(&b'[') {
        return None;
    }
    i += 1;
    let mut spans = Vec::new();
    loop {
        i = skip_ws(i);
        match b.get(i)? {
            b']' if spans.is_empty() => return (skip_ws(i + 1) == b.len()).then_some(spans),
            _ => {}
        }
        let start = i;
        let mut depth = 0usize;
        let mut in_str = false;
        loop {
            let c = *b.get(i)?;
            if in_str {
                match c {
                    b'\\' => i += 1,
                    b'"' => in_str = false,
                    _ => {}
                }
            } else {
                match c {
                    b'"' => in_str = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => depth -= 1,
                    b',' | b']' if depth == 0 => break,
                    _ => {}
                }
            }
            i += 1;
        }
        let mut end = i;
        while end > start && b[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        spans.push((start, end));
        if b[i] == b']' {
            return (skip_ws(i + 1) == b.len()).then_some(spans);
        }
        i += 1;
    }
}

/// Sorts a serde_json error into a diagnostic kind.
fn classify(e: &serde_json::Error) -> DiagnosticKind {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => DiagnosticKind::Syntax,
        Category::Data => {
            let m = e.to_string();
            if m.starts_with("unknown field") {
                DiagnosticKind::UnknownField
            } else if m.starts_with("missing field") {
                DiagnosticKind::MissingField
            } else if m.starts_with("unknown variant") {
                DiagnosticKind::UnknownVariant
            } else {
                DiagnosticKind::WrongType
            }
        }
    }
}

/// The error's message without serde_json's " at line N column M" suffix, saying what was
/// expected where serde_json does not.
fn message(e: &serde_json::Error) -> String {
    let m = e.to_string();
    let m = match m.rfind(" at line ") {
        Some(p) => m[..p].to_owned(),
        None => m,
    };
    if m.contains("expected") {
        m
    } else if m.starts_with("missing field") {
        format!("{m}; expected the field, which is required")
    } else {
        format!("{m}; expected well-formed JSON")
    }
}

/// The `"id"` of a JSON element: from the parsed object if it parses, else from the first
/// `"id": "…"` in its text (so a record with a syntax error is still named).
fn element_id(element: &str) -> Option<String> {
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(element) {
        return v.get("id")?.as_str().map(str::to_owned);
    }
    let (at, _) = element.match_indices("\"id\"").next()?;
    let rest = element[at + 4..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].to_owned())
}

/// Parses one record file.
pub(crate) fn parse_file<T: DeserializeOwned>(text: &str, file: usize, path: &str) -> Parsed<T> {
    let whole = match serde_json::from_str::<Vec<T>>(text) {
        Ok(records) => {
            let records = records.into_iter().enumerate().map(|(element, r)| (r, Loc { file, element })).collect();
            return Parsed { records, whole_file_failed: false, diagnostics: Vec::new(), broken_ids: Vec::new() };
        }
        Err(e) => e,
    };
    let diag = |kind, record: Option<String>, (line, column): (usize, usize), message: String| Diagnostic {
        kind,
        file: path.to_owned(),
        record,
        line: Some(line),
        column: Some(column),
        message,
    };
    let Some(spans) = element_spans(text) else {
        let kind = classify(&whole);
        let msg = if kind == DiagnosticKind::Syntax {
            format!("{}; expected a JSON array of records", message(&whole))
        } else {
            format!("{}; expected a JSON array of {} records", message(&whole), path)
        };
        return Parsed {
            records: Vec::new(),
            whole_file_failed: true,
            diagnostics: vec![diag(kind, None, (whole.line().max(1), whole.column().max(1)), msg)],
            broken_ids: Vec::new(),
        };
    };
    let mut out =
        Parsed { records: Vec::new(), whole_file_failed: false, diagnostics: Vec::new(), broken_ids: Vec::new() };
    for (element, &(start, end)) in spans.iter().enumerate() {
        let src = &text[start..end];
        match serde_json::from_str::<T>(src) {
            Ok(r) => out.records.push((r, Loc { file, element })),
            Err(e) => {
                let id = element_id(src);
                let at = start + offset_of(src, e.line().max(1), e.column().max(1));
                out.diagnostics.push(diag(classify(&e), id.clone(), line_col(text, at), message(&e)));
                out.broken_ids.extend(id);
            }
        }
    }
    if out.diagnostics.is_empty() {
        // The elements parse alone but not together: report the whole-file error.
        out.diagnostics.push(diag(
            classify(&whole),
            None,
            (whole.line().max(1), whole.column().max(1)),
            message(&whole),
        ));
        out.records.clear();
        out.whole_file_failed = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_split_top_level_elements_only() {
        let t = "[ {\"a\": [1, 2], \"s\": \"x,]\\\"\"} , {\"b\": {}} ]";
        let spans = element_spans(t).unwrap();
        let parts: Vec<&str> = spans.iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(parts, ["{\"a\": [1, 2], \"s\": \"x,]\\\"\"}", "{\"b\": {}}"]);
        assert_eq!(element_spans("[]"), Some(vec![]));
        assert_eq!(element_spans("[1, 2"), None);
        assert_eq!(element_spans("{}"), None);
    }

    #[test]
    fn line_col_and_offset_round_trip() {
        let t = "ab\ncde\n\nf";
        for off in 0..t.len() {
            let (l, c) = line_col(t, off);
            assert_eq!(offset_of(t, l, c), off);
        }
        assert_eq!(line_col(t, 4), (2, 2));
    }
}
