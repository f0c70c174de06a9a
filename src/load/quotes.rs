//! Verbatim quote checks: every distinct quote of a document is looked for in one pass over
//! the document, with an Aho-Corasick automaton (the `aho-corasick` crate).
//!
//! Cost is linear in the documents and the distinct quotes, whatever the quotes' lengths or
//! the text's shape: the automaton is walked once over each document, and each of its
//! states' matches is read only the first time the state is entered. The "did you mean"
//! hint (a quote that occurs once no-break spaces and curly quotes are made plain) costs one
//! more pass, only over documents with a missing quote.

use std::collections::{HashMap, HashSet};

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use crate::index::{Stored, Table, TableVisitor, Tables};
use crate::model::{Kind, Record};

/// The start of the first occurrence of each pattern in `text`, found in one pass.
pub(crate) fn first_occurrences(text: &[u8], patterns: &[&[u8]]) -> Vec<Option<usize>> {
    let mut found = vec![None; patterns.len()];
    if patterns.is_empty() {
        return found;
    }
    let built = NFA::builder().match_kind(MatchKind::Standard).build(patterns);
    let (Ok(nfa), Ok(mut sid)) = (&built, built.as_ref().map_err(|_| ()).and_then(start)) else {
        // Only past the automaton's size limits, far beyond the loader's file limits.
        for (slot, p) in found.iter_mut().zip(patterns) {
            *slot = text.windows(p.len().max(1)).position(|w| w == *p);
        }
        return found;
    };
    let mut seen = HashSet::new();
    for (at, &byte) in text.iter().enumerate() {
        sid = nfa.next_state(Anchored::No, sid, byte);
        if nfa.is_special(sid) && nfa.is_match(sid) && seen.insert(sid) {
            for k in 0..nfa.match_len(sid) {
                let p = nfa.match_pattern(sid, k).as_usize();
                found[p].get_or_insert(at + 1 - patterns[p].len());
            }
        }
    }
    found
}

fn start(nfa: &NFA) -> Result<aho_corasick::automaton::StateID, ()> {
    nfa.start_state(Anchored::No).map_err(|_| ())
}

/// Replaces no-break spaces and curly quotes by their plain forms, for the hint.
pub(crate) fn loosen(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{a0}' => ' ',
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect()
}

/// Where each distinct (document, quote) pair of a dataset occurs.
#[derive(Default)]
pub(crate) struct QuoteIndex<'t> {
    /// (document position, quote) → the start of its first occurrence, if any.
    found: HashMap<(u32, &'t str), Option<usize>>,
    /// Missing quotes that do occur once spaces and quotation marks are made plain.
    loose: HashSet<(u32, &'t str)>,
}

/// Gathers every quote of every record, by the position of the document it cites.
struct Gather<'t> {
    tables: &'t Tables,
    by_doc: HashMap<u32, Vec<&'t str>>,
}

impl<'t> TableVisitor<'t> for Gather<'t> {
    fn visit<T: Stored>(&mut self, table: &'t Table<T>) {
        for q in table.iter().flat_map(Record::quotes) {
            if let Some(d) = self.tables.position(Kind::Document, q.document.as_str()) {
                self.by_doc.entry(d).or_default().push(&q.text);
            }
        }
    }
}

impl<'t> QuoteIndex<'t> {
    /// Looks for every quote of every record in the document it cites.
    pub(crate) fn build(tables: &'t Tables) -> Self {
        let mut g = Gather { tables, by_doc: HashMap::new() };
        tables.visit(&mut g);
        let mut index = QuoteIndex::default();
        for (doc, mut quotes) in g.by_doc {
            let Some(text) = tables.documents.as_slice().get(doc as usize).map(|d| d.text.as_str()) else { continue };
            quotes.sort_unstable();
            quotes.dedup();
            index.add_document(doc, text, &quotes);
        }
        index
    }

    fn add_document(&mut self, doc: u32, text: &str, quotes: &[&'t str]) {
        let patterns: Vec<&[u8]> = quotes.iter().map(|q| q.as_bytes()).collect();
        let found = first_occurrences(text.as_bytes(), &patterns);
        let missing: Vec<&'t str> = quotes.iter().zip(&found).filter(|(_, f)| f.is_none()).map(|(q, _)| *q).collect();
        self.found.extend(quotes.iter().zip(found).map(|(q, f)| ((doc, *q), f)));
        if missing.is_empty() {
            return;
        }
        let loose: Vec<String> = missing.iter().map(|q| loosen(q)).collect();
        let patterns: Vec<&[u8]> = loose.iter().map(|q| q.as_bytes()).collect();
        let found = first_occurrences(loosen(text).as_bytes(), &patterns);
        self.loose.extend(missing.iter().zip(found).filter(|(_, f)| f.is_some()).map(|(q, _)| (doc, *q)));
    }

    /// The start of the first occurrence of `quote` in document `doc`, if it occurs.
    pub(crate) fn find(&self, doc: u32, quote: &str) -> Option<usize> {
        self.found.get(&(doc, quote)).copied().flatten()
    }

    /// True when a missing quote occurs once spaces and quotation marks are made plain.
    pub(crate) fn loosely_found(&self, doc: u32, quote: &str) -> bool {
        self.loose.contains(&(doc, quote))
    }
}

#[cfg(test)]
mod tests {
    use super::first_occurrences;

    #[test]
    fn finds_the_first_occurrence_of_exactly_what_contains_finds() {
        let text = "On\u{a0}November 1, the 18th China-Singapore Joint Council (JCBC) kicked off. Project 1 is here. Project 12 is there.";
        let mut needles: Vec<String> = Vec::new();
        for a in 0..text.len() {
            for b in [a + 1, a + 7, a + 8, a + 9, a + 20, text.len()] {
                if b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b) {
                    needles.push(text[a..b].to_owned());
                }
            }
        }
        needles.extend(["Project 13 is", "On November 1", "kicked off!", "x"].map(String::from));
        let patterns: Vec<&[u8]> = needles.iter().map(|n| n.as_bytes()).collect();
        let found = first_occurrences(text.as_bytes(), &patterns);
        for (n, f) in needles.iter().zip(found) {
            assert_eq!(f, text.find(n.as_str()), "{n:?}");
        }
    }

    #[test]
    fn periodic_text_and_nested_patterns() {
        let text = "a".repeat(10_000) + "b";
        let needles: Vec<String> = (1..200).map(|k| "a".repeat(k)).chain(["ab".into(), "ba".into()]).collect();
        let patterns: Vec<&[u8]> = needles.iter().map(|n| n.as_bytes()).collect();
        let found = first_occurrences(text.as_bytes(), &patterns);
        for (n, f) in needles.iter().zip(found) {
            assert_eq!(f, text.find(n.as_str()), "{n:?}");
        }
    }
}
