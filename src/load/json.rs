//! JSON parsing with positions: each record file is a top-level array of records.
//!
//! The fast path parses the whole array at once. Only when that fails does the slow path
//! split the array into elements and parse each one alone, so that every bad record is
//! reported, with its id and its line and column, not just the first. Positions come from
//! a table of line starts built once per file, so placing a diagnostic costs a binary
//! search, not a scan from the start of the file.

use crate::index::lines::LineIndex;
use once_cell::unsync::OnceCell;
use serde::de::DeserializeOwned;

use crate::error::DiagnosticKind;

/// Where a record came from: which input file, and which element of its array.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Loc {
    pub(crate) file: usize,
    pub(crate) element: usize,
}

/// One input file as the checks see it: its path for messages, its text if it could be
/// decoded, and (built the first time a diagnostic needs them) its line starts and the
/// spans of its records.
pub(crate) struct File<'a> {
    pub(crate) path: &'a str,
    pub(crate) text: Option<&'a str>,
    lines: OnceCell<LineIndex>,
    spans: OnceCell<Option<Vec<(usize, usize)>>>,
}

impl<'a> File<'a> {
    pub(crate) fn new(path: &'a str, text: Option<&'a str>) -> Self {
        File { path, text, lines: OnceCell::new(), spans: OnceCell::new() }
    }

    pub(crate) fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.text.unwrap_or_default()))
    }

    pub(crate) fn span(&self, element: usize) -> Option<(usize, usize)> {
        let text = self.text?;
        self.spans.get_or_init(|| element_spans(text)).as_ref()?.get(element).copied()
    }
}

/// A problem found while parsing, before it is tied to a file path.
pub(crate) struct Problem {
    pub(crate) kind: DiagnosticKind,
    pub(crate) record: Option<String>,
    pub(crate) offset: usize,
    pub(crate) message: String,
}

/// The records parsed from one file, the problems found, and the ids of records that
/// failed to parse (so references to them are not reported a second time).
pub(crate) struct Parsed<T> {
    pub(crate) records: Vec<(T, Loc)>,
    /// True when the file could not be split into records at all.
    pub(crate) whole_file_failed: bool,
    pub(crate) problems: Vec<Problem>,
    pub(crate) broken_ids: Vec<String>,
}

/// Splits the text of a top-level JSON array into its elements, at the coarse level of
/// strings, brackets and commas.
struct Splitter<'t> {
    b: &'t [u8],
    i: usize,
}

impl Splitter<'_> {
    fn skip_ws(&mut self) {
        while self.b.get(self.i).is_some_and(u8::is_ascii_whitespace) {
            self.i += 1;
        }
    }

    /// True when only white space is left after the closing bracket at `self.i`.
    fn ends_here(&mut self) -> bool {
        self.i += 1;
        self.skip_ws();
        self.i == self.b.len()
    }

    /// Advances to the comma or closing bracket that ends the element starting at `self.i`.
    fn element_end(&mut self) -> Option<()> {
        let (mut depth, mut in_str) = (0usize, false);
        loop {
            let c = *self.b.get(self.i)?;
            match (in_str, c) {
                (true, b'\\') => self.i += 1,
                (true, b'"') | (false, b'"') => in_str = !in_str,
                (false, b'{' | b'[') => depth += 1,
                (false, b'}' | b']') if depth > 0 => depth -= 1,
                (false, b',' | b']') if depth == 0 => return Some(()),
                _ => {}
            }
            self.i += 1;
        }
    }
}

/// The byte spans of the elements of a top-level JSON array, or `None` if the text is not
/// a well-formed array at this coarse level (strings, brackets and commas).
pub(crate) fn element_spans(text: &str) -> Option<Vec<(usize, usize)>> {
    let mut s = Splitter { b: text.as_bytes(), i: 0 };
    s.skip_ws();
    if s.b.get(s.i) != Some(&b'[') {
        return None;
    }
    s.i += 1;
    let mut spans = Vec::new();
    loop {
        s.skip_ws();
        if spans.is_empty() && s.b.get(s.i) == Some(&b']') {
            return s.ends_here().then_some(spans);
        }
        let start = s.i;
        s.element_end()?;
        let end = start + text[start..s.i].trim_end().len();
        spans.push((start, end));
        if s.b[s.i] == b']' {
            return s.ends_here().then_some(spans);
        }
        s.i += 1;
    }
}

/// How deep arrays and objects may nest in a record file: records need a handful of levels.
pub(crate) const MAX_DEPTH: usize = 32;

/// Where the text first nests arrays or objects deeper than [`MAX_DEPTH`] (strings
/// skipped), if it does: one pass.
fn too_deep(text: &str) -> Option<usize> {
    let (mut depth, mut in_str, mut escaped) = (0usize, false, false);
    for (i, &c) in text.as_bytes().iter().enumerate() {
        match (in_str, escaped, c) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (_, false, b'"') => in_str = !in_str,
            (false, _, b'{' | b'[') => depth += 1,
            (false, _, b'}' | b']') => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_DEPTH {
            return Some(i);
        }
    }
    None
}

/// Sorts a serde_json error into a diagnostic kind.
fn classify(e: &serde_json::Error) -> DiagnosticKind {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => DiagnosticKind::Truncated,
        Category::Syntax | Category::Io => DiagnosticKind::Syntax,
        Category::Data => {
            let m = e.to_string();
            if m.starts_with("unknown field") {
                DiagnosticKind::UnknownField
            } else if m.starts_with("missing field") {
                DiagnosticKind::MissingField
            } else if m.starts_with("unknown variant") {
                DiagnosticKind::UnknownVariant
            } else if m.starts_with("duplicate field") {
                DiagnosticKind::DuplicateKey
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
    if e.classify() == serde_json::error::Category::Eof {
        format!(
            "the file ends before its JSON does ({m}); expected the rest of the file, which may have been cut short"
        )
    } else if m.contains("expected") {
        m
    } else if m.starts_with("missing field") {
        format!("{m}; expected the field, which is required")
    } else if m.starts_with("duplicate field") {
        format!("{m}; expected each field once per record")
    } else {
        format!("{m}; expected well-formed JSON")
    }
}

/// The `"id"` of a JSON element: the first `"id": "…"` in its text, so that a record with a
/// syntax error or a repeated `id` is still named by the id it starts with.
fn element_id(element: &str) -> Option<String> {
    let (at, _) = element.match_indices("\"id\"").next()?;
    let rest = element[at + 4..].trim_start().strip_prefix(':')?.trim_start();
    let mut de = serde_json::Deserializer::from_str(rest);
    serde::Deserialize::deserialize(&mut de).ok()
}

/// The offset a serde_json error points at within `text`.
fn error_offset(e: &serde_json::Error, text: &str, lines: &LineIndex) -> usize {
    lines.offset(text, e.line().max(1), e.column().max(1))
}

/// Parses one element of a record file's array, which starts at byte `start` of the file.
fn parse_element<T: DeserializeOwned>(src: &str, start: usize) -> Result<T, Problem> {
    serde_json::from_str::<T>(src).map_err(|e| Problem {
        kind: classify(&e),
        record: element_id(src),
        offset: start + LineIndex::new(src).offset(src, e.line().max(1), e.column().max(1)),
        message: message(&e),
    })
}

impl<T> Parsed<T> {
    fn new() -> Self {
        Parsed { records: Vec::new(), whole_file_failed: false, problems: Vec::new(), broken_ids: Vec::new() }
    }

    /// A file that yields no record: one problem covers it.
    fn failed(problem: Problem) -> Self {
        Parsed { whole_file_failed: true, problems: vec![problem], ..Parsed::new() }
    }
}

/// Parses one record file: `f` is the file, `file` its position among the inputs.
pub(crate) fn parse_file<T: DeserializeOwned>(f: &File<'_>, file: usize) -> Parsed<T> {
    let text = f.text.unwrap_or_default();
    let whole = match serde_json::from_str::<Vec<T>>(text) {
        Ok(records) => {
            let records = records.into_iter().enumerate().map(|(element, r)| (r, Loc { file, element })).collect();
            return Parsed { records, ..Parsed::new() };
        }
        Err(e) => e,
    };
    if let Some(at) = too_deep(text) {
        let message =
            format!("arrays or objects nested more than {MAX_DEPTH} levels deep; expected records a few levels deep");
        return Parsed::failed(Problem { kind: DiagnosticKind::TooDeep, record: None, offset: at, message });
    }
    let whole_problem = |message: String| Problem {
        kind: classify(&whole),
        record: None,
        offset: error_offset(&whole, text, f.lines()),
        message,
    };
    let Some(spans) = element_spans(text) else {
        let m = message(&whole);
        let m = if whole.classify() == serde_json::error::Category::Eof {
            m
        } else {
            format!("{m}; expected a JSON array of records")
        };
        return Parsed::failed(whole_problem(m));
    };
    let mut out = Parsed::new();
    for (element, &(start, end)) in spans.iter().enumerate() {
        match parse_element::<T>(&text[start..end], start) {
            Ok(r) => out.records.push((r, Loc { file, element })),
            Err(problem) => {
                out.broken_ids.extend(problem.record.clone());
                out.problems.push(problem);
            }
        }
    }
    if out.problems.is_empty() {
        // The elements parse alone but not together: report the whole-file error.
        return Parsed::failed(whole_problem(message(&whole)));
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
        assert_eq!(element_spans(" [ ] \n"), Some(vec![]));
        assert_eq!(element_spans("[1, 2"), None);
        assert_eq!(element_spans("[1] x"), None);
        assert_eq!(element_spans("{}"), None);
    }

    #[test]
    fn an_ascii_line_and_column_round_trip_to_the_offset() {
        let t = "ab\ncde\n\nf";
        let lines = LineIndex::new(t);
        for off in 0..t.len() {
            let (l, c) = lines.line_col(t.as_bytes(), off);
            assert_eq!(lines.offset(t, l, c), off);
        }
        assert_eq!(lines.line_col(t.as_bytes(), 4), (2, 2));
        assert_eq!(lines.line_col(t.as_bytes(), 0), (1, 1));
    }

    #[test]
    fn the_id_is_the_first_one_given() {
        assert_eq!(element_id(r#"{"id": "a", "id": "b"}"#).as_deref(), Some("a"));
        assert_eq!(element_id(r#"{"id": "a\"b", "x": }"#).as_deref(), Some("a\"b"));
        assert_eq!(element_id(r#"{"name": "x"}"#), None);
    }
}
