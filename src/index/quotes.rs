//! Verbatim quote checks: where each distinct quote of a document first occurs.
//!
//! Two mechanisms, both linear in the document and the distinct quotes:
//! - an index of the document's 8-byte windows, built once: a quote is looked up by its
//!   rarest window, and only the few places where that window occurs are compared. This
//!   is the fast path, and serves every quote of ordinary text.
//! - quotes it cannot serve cheaply (shorter than a window, or whose rarest window occurs
//!   more than [`MAX_CANDIDATES`] times, as in periodic text) are looked for together in
//!   one pass of an Aho-Corasick automaton (the `aho-corasick` crate), reading each state's
//!   matches the first time the state is entered only.
//!
//! The automaton alone would do, but building it for every quote costs about five times
//! what the whole rest of a load costs on the embedded data (measured: 2.7 ms against 0.5),
//! so it is kept for the quotes that need it. The "did you mean" hint (a quote that occurs
//! once no-break spaces and curly quotes are made plain) is one more such pass, only over
//! documents with a missing quote.

use hashbrown::{HashMap, HashSet};

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use super::lines::LineIndex;
use super::{Stored, Table, TableVisitor, TableVisitorMut, Tables};
use crate::model::record::Quoted;
use crate::model::{Kind, Position, Quote, Record};

/// The most places the window index compares a quote at before handing it to the automaton.
const MAX_CANDIDATES: u32 = 64;

const WINDOW: usize = 8;

/// How many of a quote's windows the window index compares the counts of.
const SAMPLES: usize = 16;

fn window(bytes: &[u8]) -> u64 {
    let mut w = [0u8; WINDOW];
    w.copy_from_slice(&bytes[..WINDOW]);
    u64::from_le_bytes(w)
}

/// Positions of every 8-byte window of a text, chained by hash bucket.
struct WindowIndex<'t> {
    text: &'t [u8],
    shift: u32,
    /// First position in each bucket (`u32::MAX` for none).
    head: Vec<u32>,
    /// How many windows fall in each bucket.
    count: Vec<u32>,
    /// The next position in the same bucket, for each position.
    next: Vec<u32>,
}

/// What the window index says of a quote.
enum Lookup {
    Found(usize),
    Absent,
    /// Too short, or its rarest window too common: for the automaton.
    Hard,
}

impl<'t> WindowIndex<'t> {
    fn new(text: &'t [u8]) -> Self {
        let windows = text.len().saturating_sub(WINDOW - 1);
        // About eight windows a bucket: short chains, and bucket arrays small enough to stay
        // in cache while a large document is indexed.
        let buckets = (windows / 8).next_power_of_two().max(16);
        let shift = 64 - buckets.trailing_zeros();
        let mut ix = WindowIndex {
            text,
            shift,
            head: vec![u32::MAX; buckets],
            count: vec![0; buckets],
            next: vec![u32::MAX; windows],
        };
        for i in (0..windows).rev() {
            let b = ix.bucket(window(&text[i..]));
            ix.next[i] = ix.head[b];
            ix.head[b] = i as u32;
            ix.count[b] = ix.count[b].saturating_add(1);
        }
        ix
    }

    fn bucket(&self, w: u64) -> usize {
        (w.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// The start of the first occurrence of `needle`, looked up by its rarest window.
    fn find(&self, needle: &[u8]) -> Lookup {
        if needle.len() < WINDOW {
            return Lookup::Hard;
        }
        // The rarest of up to SAMPLES windows spread over the needle: any window will do,
        // and a rare one is among a few in ordinary text; in periodic text none is rare.
        let last = needle.len() - WINDOW;
        let step = (last / SAMPLES).max(1);
        let best = (0..=last)
            .step_by(step)
            .map(|j| (self.count[self.bucket(window(&needle[j..]))], j))
            .min()
            .unwrap_or((u32::MAX, 0));
        let (count, j) = best;
        if count > MAX_CANDIDATES {
            return Lookup::Hard;
        }
        let mut p = self.head[self.bucket(window(&needle[j..]))];
        while p != u32::MAX {
            let start = p as usize;
            if start >= j && self.text[start - j..].starts_with(needle) {
                return Lookup::Found(start - j);
            }
            p = self.next[start];
        }
        Lookup::Absent
    }
}

/// The start of the first occurrence of each pattern in `text`, found in one pass.
pub(crate) fn first_occurrences(text: &[u8], patterns: &[&[u8]]) -> Vec<Option<usize>> {
    let mut found = vec![None; patterns.len()];
    if patterns.is_empty() {
        return found;
    }
    let built = NFA::builder().match_kind(MatchKind::Standard).dense_depth(0).prefilter(false).build(patterns);
    let (Ok(nfa), Ok(sid)) = (&built, built.as_ref().map_err(|_| ()).and_then(start)) else {
        // Only past the automaton's size limits, far beyond the loader's file limits.
        for (slot, p) in found.iter_mut().zip(patterns) {
            *slot = text.windows(p.len().max(1)).position(|w| w == *p);
        }
        return found;
    };
    scan(nfa, sid, text, |p, end| {
        found[p].get_or_insert(end - patterns[p].len());
    });
    found
}

/// Below this many bytes of texts times patterns, patterns are looked for one by one:
/// building an automaton costs more than that much scanning.
const SMALL_SEARCH: usize = 1 << 16;

/// For each pattern, every text that holds it, in order, with the start of its first
/// occurrence there. One pass of an automaton over the texts, or for a small search one
/// scan per pattern; either way linear in the texts, the patterns and the matches.
pub(crate) fn occurrences(texts: &[&[u8]], patterns: &[&[u8]]) -> Vec<Vec<(usize, usize)>> {
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); patterns.len()];
    let total: usize = texts.iter().map(|t| t.len()).sum();
    let built = (total.saturating_mul(patterns.len()) > SMALL_SEARCH)
        .then(|| NFA::builder().match_kind(MatchKind::Standard).dense_depth(0).prefilter(false).build(patterns));
    let Some(Ok(nfa)) = built else {
        // A small search: each pattern by its first byte and a comparison, no set-up.
        let find =
            |text: &[u8], p: &[u8]| memchr::memchr_iter(p[0], text).find(|&at| text.get(at..at + p.len()) == Some(p));
        for (p, pattern) in patterns.iter().enumerate().filter(|(_, p)| !p.is_empty()) {
            out[p].extend(texts.iter().enumerate().filter_map(|(t, text)| Some((t, find(text, pattern)?))));
        }
        return out;
    };
    let Ok(start) = start(&nfa) else { return out };
    for (t, text) in texts.iter().enumerate() {
        scan(&nfa, start, text, |p, end| {
            if out[p].last().is_none_or(|&(last, _)| last != t) && !patterns[p].is_empty() {
                out[p].push((t, end - patterns[p].len()));
            }
        });
    }
    out
}

/// Runs the automaton over `text`, handing each pattern of each match state the first time
/// the state is entered, with the end of the match.
fn scan(nfa: &NFA, start: aho_corasick::automaton::StateID, text: &[u8], mut found: impl FnMut(usize, usize)) {
    let (mut sid, mut seen) = (start, HashSet::new());
    for (at, &byte) in text.iter().enumerate() {
        sid = nfa.next_state(Anchored::No, sid, byte);
        if nfa.is_special(sid) && nfa.is_match(sid) && seen.insert(sid) {
            for k in 0..nfa.match_len(sid) {
                found(nfa.match_pattern(sid, k).as_usize(), at + 1);
            }
        }
    }
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
    /// Per document position: the first document citing the same source file, whose text
    /// it shares; each source is indexed once, however many documents cite it.
    source: Vec<u32>,
    /// (document position, quote) → the start of its first occurrence, if any.
    found: HashMap<(u32, &'t str), Option<usize>>,
    /// Missing quotes that do occur once spaces and quotation marks are made plain.
    loose: HashSet<(u32, &'t str)>,
}

/// Gathers every quote of every record, by the source of the document it cites.
struct Gather<'t, 's> {
    tables: &'t Tables,
    source: &'s [u32],
    by_doc: HashMap<u32, Vec<&'t str>>,
}

impl<'t> TableVisitor<'t> for Gather<'t, '_> {
    fn visit<T: Stored>(&mut self, table: &'t Table<T>) {
        for q in table.iter().flat_map(Record::quotes) {
            let doc = self.tables.position(Kind::Document, q.document.as_str());
            if let Some(&d) = doc.and_then(|d| self.source.get(d as usize)) {
                self.by_doc.entry(d).or_default().push(&q.text);
            }
        }
    }
}

impl<'t> QuoteIndex<'t> {
    /// Looks for every quote of every record in the document it cites.
    pub(crate) fn build(tables: &'t Tables) -> Self {
        let mut first: HashMap<&str, u32> = HashMap::new();
        let source: Vec<u32> = tables
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| *first.entry(d.file.as_str()).or_insert(i as u32))
            .collect();
        let mut g = Gather { tables, source: &source, by_doc: HashMap::new() };
        tables.visit(&mut g);
        let by_doc = g.by_doc;
        let mut index = QuoteIndex { source, ..QuoteIndex::default() };
        for (doc, mut quotes) in by_doc {
            let Some(text) = tables.documents.as_slice().get(doc as usize).map(|d| &*d.text) else { continue };
            quotes.sort_unstable();
            quotes.dedup();
            index.add_document(doc, text, &quotes);
        }
        index
    }

    fn add_document(&mut self, doc: u32, text: &str, quotes: &[&'t str]) {
        let windows = WindowIndex::new(text.as_bytes());
        let mut hard = Vec::new();
        let mut missing = Vec::new();
        for &q in quotes {
            match windows.find(q.as_bytes()) {
                Lookup::Found(at) => {
                    self.found.insert((doc, q), Some(at));
                }
                Lookup::Absent => missing.push(q),
                Lookup::Hard => hard.push(q),
            }
        }
        let patterns: Vec<&[u8]> = hard.iter().map(|q| q.as_bytes()).collect();
        let found = first_occurrences(text.as_bytes(), &patterns);
        missing.extend(hard.iter().zip(&found).filter(|(_, f)| f.is_none()).map(|(q, _)| *q));
        self.found.extend(hard.iter().zip(found).map(|(q, f)| ((doc, *q), f)));
        if missing.is_empty() {
            return;
        }
        let loose: Vec<String> = missing.iter().map(|q| loosen(q)).collect();
        let patterns: Vec<&[u8]> = loose.iter().map(|q| q.as_bytes()).collect();
        let found = first_occurrences(loosen(text).as_bytes(), &patterns);
        self.loose.extend(missing.iter().zip(found).filter(|(_, f)| f.is_some()).map(|(q, _)| (doc, *q)));
    }

    /// The document whose text document `doc` shares (itself, or the first citing its file).
    fn source(&self, doc: u32) -> u32 {
        self.source.get(doc as usize).copied().unwrap_or(doc)
    }

    /// The start of the first occurrence of `quote` in document `doc`, if it occurs.
    pub(crate) fn find(&self, doc: u32, quote: &str) -> Option<usize> {
        self.found.get(&(self.source(doc), quote)).copied().flatten()
    }

    /// True when a missing quote occurs once spaces and quotation marks are made plain.
    pub(crate) fn loosely_found(&self, doc: u32, quote: &str) -> bool {
        self.loose.contains(&(self.source(doc), quote))
    }
}

/// Where every quote of every table sits, table by table, record by record, in order.
pub(crate) struct Positions {
    per_kind: Vec<Vec<Option<Position>>>,
}

/// Collects [`Positions`] from a [`QuoteIndex`].
struct Collect<'i, 't> {
    tables: &'t Tables,
    index: &'i QuoteIndex<'t>,
    docs: HashMap<u32, LineIndex>,
    out: Vec<Vec<Option<Position>>>,
}

impl<'t> TableVisitor<'t> for Collect<'_, 't> {
    fn visit<T: Stored>(&mut self, table: &'t Table<T>) {
        let mut positions = Vec::new();
        for q in table.iter().flat_map(Record::quotes) {
            positions.push(self.position(q));
        }
        self.out[T::KIND.index()] = positions;
    }
}

impl Collect<'_, '_> {
    fn position(&mut self, q: &Quote) -> Option<Position> {
        let doc = self.tables.position(Kind::Document, q.document.as_str())?;
        let start = self.index.find(doc, &q.text)?;
        let text = self.tables.documents.as_slice().get(doc as usize)?.text.as_bytes();
        let lines = self.docs.entry(self.index.source(doc)).or_insert_with(|| LineIndex::from_bytes(text));
        let (line, column) = lines.line_col(text, start);
        let char_start = lines.chars_before(text, start);
        let (end, char_end) = (start + q.text.len(), char_start + q.text.chars().count());
        Some(Position { start, end, char_start, char_end, line, column })
    }
}

impl Positions {
    /// The position found for the `n`-th quote of a kind's table (counting every record's
    /// quotes in order).
    pub(crate) fn get(&self, kind: Kind, n: usize) -> Option<Position> {
        self.per_kind.get(kind.index())?.get(n).copied().flatten()
    }

    /// Where each quote of the tables first occurs.
    pub(crate) fn collect(tables: &Tables, index: &QuoteIndex<'_>) -> Self {
        let mut c = Collect { tables, index, docs: HashMap::new(), out: vec![Vec::new(); Kind::ALL.len()] };
        tables.visit(&mut c);
        Positions { per_kind: c.out }
    }
}

impl TableVisitorMut for Positions {
    fn visit_mut<T: Stored>(&mut self, table: &mut Table<T>) {
        let mut positions = core::mem::take(&mut self.per_kind[T::KIND.index()]).into_iter();
        for q in table.records_mut().iter_mut().flat_map(Quoted::quotes_mut) {
            q.at = positions.next().flatten();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{QuoteIndex, first_occurrences};

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
    fn the_window_index_and_the_automaton_agree_with_find() {
        let text = "On\u{a0}November 1, the 18th JCBC kicked off. aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab Project 12.";
        let quotes: Vec<String> = (0..text.len())
            .flat_map(|a| [a + 3, a + 8, a + 9, a + 30].map(move |b| (a, b)))
            .filter(|&(a, b)| b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b))
            .map(|(a, b)| text[a..b].to_owned())
            .chain(["kicked off!".into(), "a".repeat(90), "On November 1".into()])
            .collect();
        let refs: Vec<&str> = quotes.iter().map(String::as_str).collect();
        let mut sorted = refs.clone();
        sorted.sort_unstable();
        sorted.dedup();
        let mut index = QuoteIndex::default();
        index.add_document(0, text, &sorted);
        for q in refs {
            assert_eq!(index.find(0, q), text.find(q), "{q:?}");
        }
        assert!(index.loosely_found(0, "On November 1"));
        assert!(!index.loosely_found(0, "kicked off!"));
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
