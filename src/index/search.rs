//! Full-text search: an inverted index, ranked with Okapi BM25 (term frequency saturating,
//! document frequencies counted when the index is built), over every text every record
//! holds — names, aliases, quotes, and the texts each kind describes (aims, statements,
//! themes, findings, talk titles, …).
//!
//! Words are found with Unicode word boundaries (`unicode-segmentation`), lower-cased and
//! stemmed with the Snowball English stemmer (`rust-stemmers`), so "Bonds", "bond" and
//! "bonds" are one word. Each posting keeps its word's position, so a quoted phrase can be
//! required to appear word for word. A query costs what its words' postings hold, not what
//! the dataset holds.

use hashbrown::HashMap;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use super::{Stored, Table, TableVisitor, Tables};
use crate::model::{Kind, TextKind, Visitor};

/// One searchable text: which record and field it is, and the text itself.
#[derive(Clone, Debug)]
pub(crate) struct Passage {
    pub(crate) kind: Kind,
    pub(crate) record: u32,
    pub(crate) field: TextKind,
    /// For a quote: its index among the record's quotes.
    pub(crate) quote: Option<u32>,
    pub(crate) text: Box<str>,
    /// How many words it has.
    len: u32,
}

/// Where a word occurs: a passage, and the word's position in it.
#[derive(Clone, Copy, Debug)]
struct Posting {
    passage: u32,
    position: u32,
}

/// The search index of a dataset.
#[derive(Clone, Debug, Default)]
pub(crate) struct SearchIndex {
    pub(crate) passages: Vec<Passage>,
    postings: HashMap<Box<str>, Vec<Posting>>,
    /// Per word: how many passages hold it, counted when the index is built.
    document_frequency: HashMap<Box<str>, u32>,
    average_len: f32,
}

/// The words of a text, each with its byte offset, lower-cased and stemmed.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    let stemmer = Stemmer::create(Algorithm::English);
    text.unicode_word_indices().map(move |(at, w)| (at, stemmer.stem(&w.to_lowercase()).into_owned()))
}

/// Okapi BM25 with k1 = 1.2 and b = 0.75: a word's weight in a passage, saturating as it
/// recurs (`tf`) and normalized by the passage's length against the average.
fn bm25(idf: f32, tf: f32, len: u32, average_len: f32) -> f32 {
    const K1: f32 = 1.2;
    const B: f32 = 0.75;
    let norm = K1 * (1.0 - B + B * len as f32 / average_len.max(1.0));
    idf * tf * (K1 + 1.0) / (tf + norm)
}

/// How much a word in each field counts.
fn weight(field: TextKind) -> f32 {
    match field {
        TextKind::Name => 3.0,
        TextKind::Alias => 2.5,
        TextKind::TalkTitle | TextKind::Theme => 1.5,
        _ => 1.0,
    }
}

/// Gathers a record's texts from its kind's description.
#[derive(Default)]
struct Texts<'r>(Vec<(TextKind, &'r str)>);

impl<'r> Visitor<'r> for Texts<'r> {
    fn text(&mut self, field: TextKind, text: &'r str) {
        self.0.push((field, text));
    }
}

impl<'t> TableVisitor<'t> for SearchIndex {
    fn visit<T: Stored>(&mut self, table: &'t Table<T>) {
        for (i, r) in table.iter().enumerate() {
            let i = i as u32;
            self.add(T::KIND, i, TextKind::Name, None, r.name());
            for a in r.aliases() {
                self.add(T::KIND, i, TextKind::Alias, None, &a.name);
            }
            for (n, q) in r.quotes().iter().enumerate() {
                self.add(T::KIND, i, TextKind::Quote, Some(n as u32), &q.text);
            }
            let mut texts = Texts::default();
            r.describe(&mut texts);
            for (field, text) in texts.0 {
                self.add(T::KIND, i, field, None, text);
            }
        }
    }
}

/// The most words a query holds: loose, required and in phrases together. Words past it
/// are ignored, so a search costs at most this many posting lists.
pub(crate) const MAX_QUERY_WORDS: usize = 64;

/// A query: required phrases, required words, and loose words.
pub(crate) struct Query {
    phrases: Vec<Vec<String>>,
    required: Vec<String>,
    loose: Vec<String>,
}

impl Query {
    /// Phrases in double quotes (straight or curly); a word led by `+` is required. Only
    /// the first [`MAX_QUERY_WORDS`] words count.
    pub(crate) fn parse(query: &str) -> Query {
        let mut q = Query { phrases: Vec::new(), required: Vec::new(), loose: Vec::new() };
        let mut left = MAX_QUERY_WORDS;
        for (n, part) in query.split(['"', '“', '”']).enumerate() {
            if left == 0 {
                break;
            }
            if n % 2 == 1 {
                let stems: Vec<String> = words(part).map(|(_, w)| w).take(left).collect();
                left -= stems.len();
                if stems.len() > 1 {
                    q.phrases.push(stems);
                } else {
                    q.loose.extend(stems);
                }
                continue;
            }
            for token in part.split_whitespace() {
                let (list, token) = match token.strip_prefix('+') {
                    Some(rest) => (&mut q.required, rest),
                    None => (&mut q.loose, token),
                };
                let before = list.len();
                list.extend(words(token).map(|(_, w)| w).take(left));
                left -= list.len() - before;
                if left == 0 {
                    break;
                }
            }
        }
        q
    }

    /// Every word of the query, loose, required or in a phrase, sorted, once each.
    fn all_words(&self) -> Vec<&String> {
        let mut words: Vec<&String> =
            self.loose.iter().chain(&self.required).chain(self.phrases.iter().flatten()).collect();
        words.sort_unstable();
        words.dedup();
        words
    }
}

impl SearchIndex {
    pub(crate) fn build(tables: &Tables) -> Self {
        let mut index = SearchIndex::default();
        tables.visit(&mut index);
        for (word, postings) in &index.postings {
            let mut df = 0;
            let mut last = None;
            for p in postings {
                df += u32::from(last != Some(p.passage));
                last = Some(p.passage);
            }
            index.document_frequency.insert(word.clone(), df);
        }
        let total: u64 = index.passages.iter().map(|p| u64::from(p.len)).sum();
        index.average_len = total as f32 / index.passages.len().max(1) as f32;
        index
    }

    fn add(&mut self, kind: Kind, record: u32, field: TextKind, quote: Option<u32>, text: &str) {
        let passage = self.passages.len() as u32;
        let mut len = 0;
        for (position, (_, w)) in words(text).enumerate() {
            self.postings.entry(w.into_boxed_str()).or_default().push(Posting { passage, position: position as u32 });
            len += 1;
        }
        self.passages.push(Passage { kind, record, field, quote, text: text.into(), len });
    }

    fn postings(&self, word: &str) -> &[Posting] {
        self.postings.get(word).map_or(&[], Vec::as_slice)
    }

    /// The positions of a word in one passage (postings are in passage order).
    fn positions(&self, word: &str, passage: u32) -> impl Iterator<Item = u32> + '_ {
        let all = self.postings(word);
        let from = all.partition_point(|p| p.passage < passage);
        all[from..].iter().take_while(move |p| p.passage == passage).map(|p| p.position)
    }

    /// True when `passage` holds the phrase's words one after another: the positions of
    /// the first word, narrowed by merging with each next word's positions (shifted back
    /// by its place in the phrase), so the cost is the length of those position lists.
    fn has_phrase(&self, passage: u32, phrase: &[String]) -> bool {
        let Some((first, rest)) = phrase.split_first() else { return true };
        let mut starts: Vec<u32> = self.positions(first, passage).collect();
        for (k, w) in rest.iter().enumerate() {
            let shift = k as u32 + 1;
            let mut next = self.positions(w, passage).filter_map(|p| p.checked_sub(shift)).peekable();
            starts.retain(|&s| {
                while next.next_if(|&p| p < s).is_some() {}
                next.peek() == Some(&s)
            });
            if starts.is_empty() {
                return false;
            }
        }
        true
    }

    /// Scores every passage holding a query word (and every phrase), best first; at most
    /// one passage per record, and only records of `kind` if given.
    pub(crate) fn search(&self, q: &Query, kind: Option<Kind>) -> Vec<(f32, &Passage)> {
        let words = q.all_words();
        let n = self.passages.len() as f32;
        let mut scores: HashMap<u32, f32> = HashMap::new();
        for w in &words {
            let postings = self.postings(w);
            let df = self.document_frequency.get(w.as_str()).copied().unwrap_or(0) as f32;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            // Postings are in passage order: each run is one passage, its length the term
            // frequency.
            for run in postings.chunk_by(|a, b| a.passage == b.passage) {
                let passage = &self.passages[run[0].passage as usize];
                if kind.is_some_and(|k| k != passage.kind) {
                    continue;
                }
                *scores.entry(run[0].passage).or_default() +=
                    bm25(idf, run.len() as f32, passage.len, self.average_len) * weight(passage.field);
            }
        }
        let mut best: HashMap<(Kind, u32), (f32, u32)> = HashMap::new();
        for (passage, score) in scores {
            let has_word = |w: &String| self.positions(w, passage).next().is_some();
            if !q.phrases.iter().all(|ph| self.has_phrase(passage, ph)) || !q.required.iter().all(has_word) {
                continue;
            }
            let p = &self.passages[passage as usize];
            let slot = best.entry((p.kind, p.record)).or_insert((score, passage));
            if score > slot.0 || (score == slot.0 && passage < slot.1) {
                *slot = (score, passage);
            }
        }
        let mut out: Vec<(f32, &Passage)> = best.into_values().map(|(s, p)| (s, &self.passages[p as usize])).collect();
        out.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1.kind, a.1.record).cmp(&(b.1.kind, b.1.record))));
        out
    }

    /// A short part of a passage around its first word that the query holds.
    pub(crate) fn snippet(&self, passage: &Passage, q: &Query) -> String {
        let wanted = q.all_words();
        let text = &passage.text;
        let at = words(text).find(|(_, w)| wanted.binary_search(&w).is_ok()).map_or(0, |(at, _)| at);
        let start = text[..at].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
        let start = text[start..at].find(' ').map_or(start, |s| if start == 0 { 0 } else { start + s + 1 });
        let end = text[at..].char_indices().nth(100).map_or(text.len(), |(i, _)| at + i);
        let end = text[end..].find(' ').map_or(text.len(), |s| end + s);
        let (pre, post) = (if start > 0 { "…" } else { "" }, if end < text.len() { "…" } else { "" });
        format!("{pre}{}{post}", &text[start..end])
    }
}

#[cfg(test)]
mod tests {
    use super::bm25;

    #[test]
    fn bm25_term_frequency_saturates() {
        let once = bm25(1.0, 1.0, 10, 10.0);
        let twice = bm25(1.0, 2.0, 10, 10.0);
        let many = bm25(1.0, 100.0, 10, 10.0);
        assert!(twice > once && twice < 2.0 * once, "{once} {twice}");
        assert!(many < 2.2 && many > 2.1, "tends to k1 + 1: {many}");
        assert!(bm25(1.0, 1.0, 40, 10.0) < once, "a longer passage counts a word less");
    }
}
