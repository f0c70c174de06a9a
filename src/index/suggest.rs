//! Suggestions: the names closest to what someone typed, for "did you mean".
//!
//! Names are split into words (normalized under the name rule, ordinals written as
//! numbers, so `fourth` and `4th` are one word). Each word of the dictionary is indexed by
//! its deletion variants (the symmetric-delete method): a typed word finds every dictionary
//! word within its edit distance (one edit for words of three to five letters, two for
//! longer ones) by looking up its own variants, not by comparing it with every word. The
//! distance itself is `strsim`'s optimal string alignment (a swap of two letters is one
//! edit). Candidate names are then scored word by word, in any order: a word typed with a
//! typo costs its edits, a missing or extra word a little, so "Knowlege City" finds the
//! Knowledge City and "Smart Prak" the Smart Park.
//!
//! Bounds keep the cost linear in what was typed: a word is compared on at most its first
//! [`MAX_WORD`] characters' worth (a longer word has no deletion variants, in the
//! dictionary or typed, and matches only a word equal to it), only the first
//! [`MAX_QUERY_WORDS`] words typed count, and a run of characters from a script written
//! without spaces (Han, kana, Hangul) is split into one word per character.

use std::hash::{BuildHasher, Hasher};

use hashbrown::HashMap;

use super::name;
use crate::model::Record;

/// One name of a table, split into dictionary words.
#[derive(Clone, Debug)]
struct Name {
    record: u32,
    /// Which of the record's names (0 for the canonical one).
    nth: u32,
    words: Vec<u32>,
}

/// The suggestion index of one table.
#[derive(Clone, Debug, Default)]
pub(crate) struct SuggestIndex {
    words: Vec<Box<str>>,
    /// Per word: the names holding it.
    names_with: Vec<Vec<u32>>,
    names: Vec<Name>,
    /// (hash of a deletion variant, word), sorted.
    deletes: Vec<(u64, u32)>,
    state: hashbrown::DefaultHashBuilder,
}

/// The longest word, in characters, that is matched with edits.
pub(crate) const MAX_WORD: usize = 32;

/// How many typed words count towards a suggestion.
pub(crate) const MAX_QUERY_WORDS: usize = 16;

/// The most edits a word of this many letters may be off by.
fn max_edits(len: usize) -> usize {
    match len {
        0..=2 => 0,
        3..=5 => 1,
        6..=MAX_WORD => 2,
        _ => 0,
    }
}

/// True for a character of a script written without spaces between words.
fn unspaced(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

/// The words of a name or query, normalized, with ordinals as numbers; a character of a
/// script written without spaces is a word of its own.
pub(crate) fn name_words(s: &str) -> Vec<String> {
    let spaced = name::spaced(s);
    let spaced = name::ordinals_as_numbers(&spaced).unwrap_or(spaced);
    let mut out: Vec<String> = spaced.split(' ').flat_map(split_unspaced).map(|w| name::normalized(&w)).collect();
    out.retain(|w| !w.is_empty());
    out
}

/// A word with each character of a script written without spaces made a word of its own.
fn split_unspaced(word: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for c in word.chars() {
        if unspaced(c) {
            out.extend([c.to_string(), String::new()]);
        } else if let Some(last) = out.last_mut() {
            last.push(c);
        }
    }
    out
}

/// Every string `w` becomes with up to `n` characters deleted (itself included), once each.
fn deletions(w: &str, n: usize) -> Vec<String> {
    let mut seen: hashbrown::HashSet<String> = hashbrown::HashSet::from_iter([w.to_owned()]);
    let mut out = vec![w.to_owned()];
    let mut frontier = vec![w.to_owned()];
    for _ in 0..n {
        let mut next = Vec::new();
        for d in frontier.iter().flat_map(|f| one_deleted(f)) {
            if seen.insert(d.clone()) {
                out.push(d.clone());
                next.push(d);
            }
        }
        frontier = next;
    }
    out
}

/// `f` with each one of its characters deleted in turn.
fn one_deleted(f: &str) -> impl Iterator<Item = String> + '_ {
    f.char_indices().map(move |(i, c)| format!("{}{}", &f[..i], &f[i + c.len_utf8()..]))
}

/// A candidate name's score: lower is closer.
struct Scored {
    cost: f32,
    name: u32,
}

impl SuggestIndex {
    pub(crate) fn build<T: Record>(records: &[T]) -> Self {
        let mut index = SuggestIndex::default();
        let mut ids: HashMap<String, u32> = HashMap::new();
        for (r, rec) in records.iter().enumerate() {
            for (nth, name) in rec.names().enumerate() {
                index.add_name(&mut ids, r as u32, nth as u32, name);
            }
        }
        index.deletes.sort_unstable();
        index
    }

    /// Adds one name of record `record`, word by word.
    fn add_name(&mut self, ids: &mut HashMap<String, u32>, record: u32, nth: u32, name: &str) {
        let name_id = self.names.len() as u32;
        let words: Vec<u32> = name_words(name).into_iter().map(|w| self.word_id(ids, w)).collect();
        for &w in &words {
            if self.names_with[w as usize].last() != Some(&name_id) {
                self.names_with[w as usize].push(name_id);
            }
        }
        self.names.push(Name { record, nth, words });
    }

    fn word_id(&mut self, ids: &mut HashMap<String, u32>, w: String) -> u32 {
        if let Some(&id) = ids.get(&w) {
            return id;
        }
        let id = self.words.len() as u32;
        for d in deletions(&w, max_edits(w.chars().count())) {
            let h = self.hash(&d);
            self.deletes.push((h, id));
        }
        self.words.push(w.clone().into_boxed_str());
        self.names_with.push(Vec::new());
        ids.insert(w, id);
        id
    }

    fn hash(&self, s: &str) -> u64 {
        let mut h = self.state.build_hasher();
        h.write(s.as_bytes());
        h.finish()
    }

    /// The dictionary words within edit distance of `q`, with their distances.
    fn close_words(&self, q: &str) -> Vec<(u32, usize)> {
        // A word past the bound matches only a word equal to it, so it is compared with
        // nothing longer than itself.
        let len = q.chars().count();
        let edits = match len {
            l if l > MAX_WORD + 2 => 0,
            l if l > MAX_WORD => 2,
            l => max_edits(l),
        };
        let mut found: HashMap<u32, usize> = HashMap::new();
        for d in deletions(q, edits) {
            let h = self.hash(&d);
            let from = self.deletes.partition_point(|&(x, _)| x < h);
            for &(_, w) in self.deletes[from..].iter().take_while(|&&(x, _)| x == h) {
                if found.contains_key(&w) {
                    continue;
                }
                let word = &self.words[w as usize];
                let bound = max_edits(len).max(max_edits(word.chars().count()));
                let dist = if **word == *q { 0 } else { strsim::osa_distance(q, word) };
                if dist <= bound {
                    found.insert(w, dist);
                }
            }
        }
        let mut found: Vec<(u32, usize)> = found.into_iter().collect();
        found.sort_unstable();
        found
    }

    /// How far a typed word is from a name's words: 0 for a word of the name, its edits
    /// for a near one, half an edit for a prefix of one; `None` if none is near.
    fn word_cost(&self, q: &str, close: &[(u32, usize)], name: &Name) -> Option<f32> {
        let exact = close.iter().filter(|(w, _)| name.words.contains(w)).map(|&(_, d)| d as f32).reduce(f32::min);
        let prefix = (q.len() >= 3)
            .then(|| name.words.iter().any(|&w| self.words[w as usize].starts_with(q)).then_some(0.5))
            .flatten();
        match (exact, prefix) {
            (Some(e), Some(p)) => Some(e.min(p)),
            (e, p) => e.or(p),
        }
    }

    /// Names to score: those holding a word near the typed word with the fewest such
    /// names, plus those near any other typed word if few.
    fn candidates(&self, close: &[Vec<(u32, usize)>]) -> Vec<u32> {
        let holders = |c: &[(u32, usize)]| c.iter().map(|&(w, _)| self.names_with[w as usize].len()).sum::<usize>();
        let rarest = (0..close.len()).filter(|&i| !close[i].is_empty()).min_by_key(|&i| holders(&close[i]));
        let mut out: Vec<u32> = Vec::new();
        for (i, c) in close.iter().enumerate() {
            if Some(i) == rarest || holders(c) <= 256 {
                out.extend(c.iter().flat_map(|&(w, _)| self.names_with[w as usize].iter().copied()));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The records whose names are closest to `query`, best first: (record, which of its
    /// names, cost), at most `n`, each record once.
    pub(crate) fn suggest(&self, query: &str, n: usize) -> Vec<(u32, u32, f32)> {
        let mut typed = name_words(query);
        typed.truncate(MAX_QUERY_WORDS);
        let close: Vec<Vec<(u32, usize)>> = typed.iter().map(|q| self.close_words(q)).collect();
        let mut scored: Vec<Scored> = self
            .candidates(&close)
            .into_iter()
            .map(|name| {
                let entry = &self.names[name as usize];
                let costs: Vec<Option<f32>> =
                    typed.iter().zip(&close).map(|(q, c)| self.word_cost(q, c, entry)).collect();
                let matched = costs.iter().flatten().count();
                let typo: f32 = costs.iter().map(|c| c.unwrap_or(2.5)).sum();
                let missing = entry.words.len().saturating_sub(matched) as f32 * 0.3;
                Scored { cost: typo + missing, name }
            })
            .collect();
        scored.sort_by(|a, b| a.cost.total_cmp(&b.cost).then(a.name.cmp(&b.name)));
        let mut out: Vec<(u32, u32, f32)> = Vec::new();
        for s in scored {
            let entry = &self.names[s.name as usize];
            if out.len() < n && !out.iter().any(|&(r, _, _)| r == entry.record) {
                out.push((entry.record, entry.nth, s.cost));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletions_are_every_string_within_n_deletes() {
        let d = deletions("park", 1);
        assert_eq!(d, ["park", "ark", "prk", "pak", "par"]);
        assert_eq!(deletions("ab", 2).len(), 4); // ab, b, a, ""
    }

    #[test]
    fn words_are_normalized_and_ordinals_are_numbers() {
        assert_eq!(name_words("The Fourth China-Singapore  Forum"), ["the", "4th", "china", "singapore", "forum"]);
        assert_eq!(name_words("18th JCBC"), ["18th", "jcbc"]);
        assert_eq!(name_words("twenty-first"), ["21st"]);
    }
}
