//! Which words of a record's quotes name a record: the evidence of a link, and the
//! loader's check that a link marked `stated` has a quote naming both of its ends.
//!
//! A quote names a record when it holds one of the record's names or aliases under the name
//! rule (case, spacing and punctuation ignored). Most names occur as written up to ASCII
//! case: that is looked for first, on the quote lower-cased in ASCII (which keeps every
//! byte offset). Only a name not found so is looked for under the full name rule, on the
//! quote normalised (with the source range of every normalised byte) the first time one
//! is needed.

use std::collections::HashMap;

use once_cell::unsync::OnceCell;
use unicode_normalization::char::is_combining_mark;

use super::Tables;
use super::name::{is_plain, normalized, normalized_chars};
use crate::model::{Link, PlaceKind, Quote, Target};

/// Where a name occurs in one quote: the quote's index, and the byte range of the first
/// occurrence.
type Hit = (usize, usize, usize);

/// A record's quotes, and where in them each name the record's checks or answers look for
/// occurs: the record's own names and aliases, and those of every record it links to.
///
/// All names are looked for together, in one multi-pattern pass over the quotes as written
/// (up to ASCII case), and only if asked, one more under the full name rule; so a record
/// with many links and long quotes costs their sizes added, not multiplied.
pub(crate) struct Mentions<'a> {
    raw: Vec<&'a str>,
    /// Every name looked for, once each, and its index.
    names: HashMap<&'a str, usize>,
    /// The record's own names' indexes.
    own: Vec<usize>,
    /// Per name: the quotes holding it as written up to ASCII case, in quote order.
    written: Vec<Vec<Hit>>,
    /// Per name: the quotes holding it under the full name rule, found the first time asked.
    normal: OnceCell<Vec<Vec<Hit>>>,
    /// Per quote: true when it names the record itself as written / under the rule.
    own_written: Vec<bool>,
    own_normal: OnceCell<Vec<bool>>,
}

impl<'a> Mentions<'a> {
    /// The quotes of a record whose names and aliases are `own`, ready to look for `own`
    /// and `others` in.
    pub(crate) fn new(
        quotes: &'a [Quote],
        own: impl IntoIterator<Item = &'a str>,
        others: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let raw: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
        let mut names: HashMap<&'a str, usize> = HashMap::new();
        let mut order: Vec<&'a str> = Vec::new();
        let mut index_of = |n: &'a str| {
            *names.entry(n).or_insert_with(|| {
                order.push(n);
                order.len() - 1
            })
        };
        let own: Vec<usize> = own.into_iter().map(&mut index_of).collect();
        for n in others {
            index_of(n);
        }
        let written = written_hits(&raw, &order);
        let own_written = covered(raw.len(), own.iter().map(|&i| &written[i]));
        Mentions { raw, names, own, written, normal: OnceCell::new(), own_written, own_normal: OnceCell::new() }
    }

    /// The hits of every name under the full name rule.
    fn normal(&self) -> &[Vec<Hit>] {
        self.normal.get_or_init(|| {
            let mut order = vec![""; self.names.len()];
            for (&n, &i) in &self.names {
                order[i] = n;
            }
            normal_hits(&self.raw, &order)
        })
    }

    fn own_normal(&self) -> &[bool] {
        self.own_normal.get_or_init(|| {
            let normal = self.normal();
            covered(
                self.raw.len(),
                self.own.iter().map(|&i| &self.written[i]).chain(self.own.iter().map(|&i| &normal[i])),
            )
        })
    }

    /// Every hit of `names` (as written, then under the rule when `normalize`), name by
    /// name in order; names not given to [`Mentions::new`] have none.
    fn hits<'n>(
        &'n self,
        names: impl IntoIterator<Item = &'n str> + 'n,
        normalize: bool,
    ) -> impl Iterator<Item = Hit> + 'n {
        names.into_iter().filter_map(|n| self.names.get(n).copied()).flat_map(move |i| {
            let normal = normalize.then(|| self.normal()[i].iter()).into_iter().flatten();
            self.written[i].iter().chain(normal).copied()
        })
    }

    /// True when some quote names both the record and one of `names`: as written first, and
    /// under the full name rule only if that finds none.
    pub(crate) fn names_with_own<'n>(&'n self, names: impl IntoIterator<Item = &'n str> + Clone + 'n) -> bool {
        self.hits(names.clone(), false).any(|(q, _, _)| self.own_written[q])
            || self.hits(names, true).any(|(q, _, _)| self.own_normal()[q])
    }

    /// The first quote that names both the record and one of `names`, else the first that
    /// names one of `names`; with the range of the first of `names` (in order) it holds.
    pub(crate) fn first_naming<'n>(
        &'n self,
        names: impl IntoIterator<Item = &'n str> + Clone + 'n,
    ) -> Option<(usize, (usize, usize))> {
        let own = self.own_normal();
        let (mut first, mut first_with_own) = (None::<usize>, None::<usize>);
        for (q, _, _) in self.hits(names.clone(), true) {
            first = Some(first.map_or(q, |f| f.min(q)));
            if own[q] {
                first_with_own = Some(first_with_own.map_or(q, |f| f.min(q)));
            }
        }
        let quote = first_with_own.or(first)?;
        let (_, from, to) = self.hits(names, true).find(|&(q, _, _)| q == quote)?;
        Some((quote, (from, to)))
    }

    /// True when some quote holds `name` (one of the names given to [`Mentions::new`]):
    /// as written first, under the full name rule only if not.
    pub(crate) fn holds(&self, name: &str) -> bool {
        self.hits([name], false).next().is_some() || self.hits([name], true).next().is_some()
    }
}

/// Per quote: true when one of `lists` has a hit in it.
fn covered<'h>(quotes: usize, lists: impl Iterator<Item = &'h Vec<Hit>>) -> Vec<bool> {
    let mut out = vec![false; quotes];
    for &(q, _, _) in lists.flatten() {
        out[q] = true;
    }
    out
}

/// For each pattern, the texts holding it and where it first starts in each.
fn first_in_each<'t>(texts: impl Iterator<Item = &'t str>, patterns: &[String]) -> Vec<Vec<(usize, usize)>> {
    let texts: Vec<&[u8]> = texts.map(str::as_bytes).collect();
    let patterns: Vec<&[u8]> = patterns.iter().map(|p| p.as_bytes()).collect();
    super::quotes::occurrences(&texts, &patterns)
}

/// Where each name occurs as written up to ASCII case, not followed by a combining mark
/// (which would make it another letter under the name rule).
fn written_hits(quotes: &[&str], names: &[&str]) -> Vec<Vec<Hit>> {
    let lower: Vec<String> = quotes.iter().map(|q| q.to_ascii_lowercase()).collect();
    let patterns: Vec<String> = names
        .iter()
        .map(|n| if n.chars().any(char::is_alphanumeric) { n.to_ascii_lowercase() } else { String::new() })
        .collect();
    let found = first_in_each(lower.iter().map(String::as_str), &patterns);
    let hit = |p: &str, (q, at): (usize, usize)| {
        let text = lower[q].as_str();
        let ok = |at: usize| !text[at + p.len()..].chars().next().is_some_and(is_combining_mark);
        // The first occurrence may run into a combining mark; a later one may not.
        let at = if ok(at) { Some(at) } else { text.match_indices(p).map(|(i, _)| i).find(|&i| ok(i)) }?;
        Some((q, at, at + p.len()))
    };
    found.into_iter().zip(&patterns).map(|(hits, p)| hits.into_iter().filter_map(|h| hit(p, h)).collect()).collect()
}

/// Where each name occurs under the full name rule, with ranges in the quotes as written.
fn normal_hits(quotes: &[&str], names: &[&str]) -> Vec<Vec<Hit>> {
    let normal: Vec<Normalized> = quotes.iter().map(|q| normalize_mapped(q)).collect();
    let patterns: Vec<String> = names.iter().map(|n| normalized(n)).collect();
    let found = first_in_each(normal.iter().map(|n| n.text.as_str()), &patterns);
    let hit = |len: usize, (q, at): (usize, usize)| {
        let (from, to) = normal[q].source(quotes[q], at, len)?;
        Some((q, from, to))
    };
    found
        .into_iter()
        .zip(&patterns)
        .map(|(hits, p)| hits.into_iter().filter_map(|h| hit(p.len(), h)).collect())
        .collect()
}

/// A quote under the name rule, and for each byte of it the byte range of the quote it
/// comes from (left empty for a quote the rule reduces byte by byte, whose ranges are
/// found by counting when a match needs them).
struct Normalized {
    text: String,
    from: Vec<(usize, usize)>,
}

impl Normalized {
    /// The byte range of `quote` that bytes `at..at + len` of the normalized text come from.
    fn source(&self, quote: &str, at: usize, len: usize) -> Option<(usize, usize)> {
        if !self.from.is_empty() {
            return Some((self.from.get(at)?.0, self.from.get(at + len - 1)?.1));
        }
        let mut kept = quote.bytes().enumerate().filter(|(_, b)| b.is_ascii_alphanumeric()).map(|(i, _)| i);
        let start = kept.nth(at)?;
        let last = if len > 1 { kept.nth(len - 2)? } else { start };
        Some((start, last + 1))
    }
}

/// A quote normalised a cluster (a character and the combining marks after it) at a time,
/// with the source range of each byte of the result.
fn normalize_mapped(quote: &str) -> Normalized {
    if is_plain(quote) {
        return Normalized { text: normalized(quote), from: Vec::new() };
    }
    let mut out = Normalized { text: String::with_capacity(quote.len()), from: Vec::with_capacity(quote.len()) };
    let mut chars = quote.char_indices().peekable();
    while let Some((start, _)) = chars.next() {
        let mut end = quote.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_combining_mark(c) {
                end = i;
                break;
            }
            chars.next();
        }
        for c in normalized_chars(&quote[start..end]) {
            out.text.push(c);
            out.from.extend(core::iter::repeat_n((start, end), c.len_utf8()));
        }
    }
    out
}

/// The quote that is a link's evidence, found by [`TargetNames::evidence`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The index of the quote among the record's quotes.
    pub(crate) quote: usize,
    /// The byte range of the quote that names the target.
    pub(crate) words: Option<(usize, usize)>,
}

/// The names a link's target goes by: a record's names and aliases; a country's English
/// name and the names of its place record (the place whose id is the country's slug).
pub(crate) struct TargetNames<'t> {
    tables: &'t Tables,
}

impl<'t> TargetNames<'t> {
    pub(crate) fn new(tables: &'t Tables) -> Self {
        TargetNames { tables }
    }

    /// The names of a link's target; `None` for a target that does not exist.
    fn of(&self, target: Target<'_>) -> Option<impl Iterator<Item = &'t str> + Clone> {
        let t = self.tables;
        let (record, country) = match target {
            Target::Record(kind, id) => (Some(t.record(kind, t.position(kind, id)?)?), None),
            Target::Country(c) => {
                let place = t.places.by_id(c.as_str()).filter(|p| p.kind == PlaceKind::Country && p.country.id == c);
                (place.map(crate::model::AnyRecord::Place), Some(c.name()))
            }
        };
        let names = record
            .into_iter()
            .flat_map(|r| core::iter::once(r.name()).chain(r.aliases().iter().map(|a| a.name.as_str())));
        Some(country.into_iter().chain(names))
    }

    /// True when the target has no name with a letter or digit to look for (reported as an
    /// empty name, not as an unstated link), or does not exist (reported as dangling).
    pub(crate) fn unnamable(&self, target: Target<'_>) -> bool {
        self.of(target).is_none_or(|mut names| names.all(|n| normalized(n).is_empty()))
    }

    /// Every name of every target of `links`, for [`Mentions::new`].
    pub(crate) fn all_of<'l>(
        &'l self,
        links: impl IntoIterator<Item = &'l Link<'l>> + 'l,
    ) -> impl Iterator<Item = &'t str> + 'l {
        links.into_iter().filter_map(|l| self.of(l.target)).flatten()
    }

    /// True when one of `mentions`' quotes names both the link's target and the record
    /// itself (false for a target that does not exist).
    pub(crate) fn both_named(&self, link: &Link<'_>, mentions: &Mentions<'t>) -> bool {
        self.of(link.target).is_some_and(|names| mentions.names_with_own(names))
    }

    /// The first of `mentions`' quotes that names the link's target and the record itself;
    /// else the first that names the target.
    pub(crate) fn evidence(&self, link: &Link<'_>, mentions: &Mentions<'t>) -> Option<Found> {
        let (quote, words) = mentions.first_naming(self.of(link.target)?)?;
        Some(Found { quote, words: Some(words) })
    }
}

#[cfg(test)]
mod tests {
    use super::Mentions;
    use crate::model::{DocumentId, Quote};

    fn quotes(texts: &[&str]) -> Vec<Quote> {
        texts.iter().map(|t| Quote { document: DocumentId::new("d"), text: (*t).to_owned(), at: None }).collect()
    }

    fn find(quotes: &[Quote], name: &'static str) -> Option<(usize, (usize, usize))> {
        Mentions::new(quotes, [], [name]).first_naming([name])
    }

    #[test]
    fn a_name_is_found_as_written_or_under_the_name_rule() {
        let q = quotes(&["The China\u{a0}Singapore Smart-Park opened.", "Run by the café owners"]);
        assert_eq!(find(&q, "smart-park"), Some((0, (21, 31)))); // as written, up to ASCII case
        assert_eq!(find(&q, "China Singapore Smart Park"), Some((0, (4, 31)))); // under the name rule
        assert_eq!(find(&q, "CAFÉ"), Some((1, (11, 16))));
        assert_eq!(find(&q, "Lion City"), None);
        assert_eq!(find(&q, "-"), None); // no letter or digit: names nothing
        assert_eq!(find(&q, "opened. run"), None); // a name never spans two quotes
    }

    #[test]
    fn a_match_followed_by_a_combining_mark_is_another_letter() {
        // "cafe" followed by U+0301 is "café" under the name rule, which does not hold "cafe".
        let q = quotes(&["the cafe\u{301} owners"]);
        assert_eq!(find(&q, "cafe"), None);
        assert_eq!(find(&q, "café"), Some((0, (4, 10))));
    }

    #[test]
    fn a_quote_naming_both_ends_is_preferred_and_found_among_many() {
        let mut texts: Vec<String> = (0..500).map(|i| format!("Lion City holds item {i}.")).collect();
        texts.push("Example Co runs Lion City.".to_owned());
        let q = quotes(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let m = Mentions::new(&q, ["Example Co"], ["Lion City"]);
        assert_eq!(m.first_naming(["Lion City"]), Some((500, (16, 25))));
        assert!(m.names_with_own(["Lion City"]));
        assert!(!m.names_with_own(["Nowhere"]));
    }
}
