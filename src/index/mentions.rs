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

use memchr::memmem::Finder;
use once_cell::unsync::OnceCell;
use unicode_normalization::char::is_combining_mark;

use super::Tables;
use super::name::{is_plain, normalized, normalized_chars};
use crate::model::{Country, Link, PlaceKind, Quote, Record, Target};

/// A record's quotes, ready to be searched for names, and which of them name the record
/// itself.
pub(crate) struct Mentions<'r> {
    raw: Vec<&'r str>,
    lower: Vec<String>,
    /// Each quote under the name rule, normalised the first time a name is looked for so.
    normal: Vec<OnceCell<Normalized>>,
    /// The record's own names and aliases.
    own_names: Vec<&'r str>,
    /// Per quote: true when it holds one of the record's own names.
    own: OnceCell<Vec<bool>>,
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

impl<'r> Mentions<'r> {
    /// The quotes of a record whose names and aliases are `own`.
    pub(crate) fn new(quotes: &'r [Quote], own: impl IntoIterator<Item = &'r str>) -> Self {
        let raw: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
        let lower = raw.iter().map(|q| q.to_ascii_lowercase()).collect();
        let normal = raw.iter().map(|_| OnceCell::new()).collect();
        Mentions { lower, raw, normal, own_names: own.into_iter().collect(), own: OnceCell::new() }
    }

    /// True when some quote names `name`.
    pub(crate) fn names(&self, name: &str) -> bool {
        self.find_each([name], true).iter().any(Option::is_some)
    }

    /// Per quote: true when it names the record itself.
    fn own(&self) -> &[bool] {
        self.own
            .get_or_init(|| self.find_each(self.own_names.iter().copied(), true).iter().map(Option::is_some).collect())
    }

    /// True when some quote names the record itself and one of `names`. Looks as written
    /// (up to ASCII case) first, and under the full name rule only if that finds none.
    pub(crate) fn names_with_own<'n>(&self, names: impl IntoIterator<Item = &'n str> + Clone) -> bool {
        let both = |a: &[Option<(usize, usize)>], b: &[Option<(usize, usize)>]| {
            a.iter().zip(b).any(|(x, y)| x.is_some() && y.is_some())
        };
        let written = self.find_each(names.clone(), false);
        both(&written, &self.find_each(self.own_names.iter().copied(), false))
            || self.find_each(names, true).iter().zip(self.own()).any(|(x, own)| x.is_some() && *own)
    }

    /// For each quote, the byte range of the first of `names` it holds (the first name in
    /// order that it holds, at its first occurrence); under the full name rule when
    /// `normalize`, else only as written up to ASCII case.
    fn find_each<'n>(&self, names: impl IntoIterator<Item = &'n str>, normalize: bool) -> Vec<Option<(usize, usize)>> {
        let mut found = vec![None; self.raw.len()];
        for name in names {
            let lower = name.chars().any(char::is_alphanumeric).then(|| name.to_ascii_lowercase());
            let lower = lower.as_ref().map(|l| Finder::new(l.as_bytes()));
            let mut normal: Option<(String, Finder<'static>)> = None;
            for (i, slot) in found.iter_mut().enumerate().filter(|(_, s)| s.is_none()) {
                if let Some(at) = lower.as_ref().and_then(|l| self.as_written(i, l)) {
                    *slot = Some((at, at + name.len()));
                    continue;
                }
                if !normalize {
                    continue;
                }
                let (normal, finder) = normal.get_or_insert_with(|| {
                    let n = normalized(name);
                    let finder = Finder::new(n.as_bytes()).into_owned();
                    (n, finder)
                });
                if !normal.is_empty() {
                    *slot = self.normalized_at(i, finder);
                }
            }
        }
        found
    }

    /// Where quote `i`, under the name rule, holds the normalized name `finder` looks for.
    fn normalized_at(&self, i: usize, finder: &Finder<'_>) -> Option<(usize, usize)> {
        let raw = self.raw.get(i)?;
        let quote = self.normal.get(i)?.get_or_init(|| normalize_mapped(raw));
        let at = finder.find(quote.text.as_bytes())?;
        quote.source(raw, at, finder.needle().len())
    }

    /// Where quote `i` holds the ASCII-lower-cased name `finder` looks for, as written up to
    /// ASCII case, not followed by a combining mark (which would make it another letter
    /// under the name rule).
    fn as_written(&self, i: usize, finder: &Finder<'_>) -> Option<usize> {
        let q = self.lower.get(i)?;
        let end = |at: usize| at + finder.needle().len();
        finder.find_iter(q.as_bytes()).find(|&at| !q[end(at)..].chars().next().is_some_and(is_combining_mark))
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
/// name and the names of the country's place records.
pub(crate) struct TargetNames<'t> {
    tables: &'t Tables,
    countries: HashMap<Country, Vec<&'t str>>,
}

impl<'t> TargetNames<'t> {
    pub(crate) fn new(tables: &'t Tables) -> Self {
        let mut countries: HashMap<Country, Vec<&'t str>> = HashMap::new();
        for c in Country::ALL {
            countries.insert(*c, vec![c.name()]);
        }
        for p in tables.places.iter().filter(|p| p.kind == PlaceKind::Country) {
            countries.entry(p.country.id).or_default().extend(p.names());
        }
        TargetNames { tables, countries }
    }

    /// The names of a link's target; `None` for a target that does not exist.
    fn of(&self, target: Target<'_>) -> Option<impl Iterator<Item = &'t str> + Clone> {
        let (record, country) = match target {
            Target::Record(kind, id) => (Some(self.tables.record(kind, self.tables.position(kind, id)?)?), &[][..]),
            Target::Country(c) => (None, self.countries.get(&c).map_or(&[][..], Vec::as_slice)),
        };
        let names = record
            .into_iter()
            .flat_map(|r| core::iter::once(r.name()).chain(r.aliases().iter().map(|a| a.name.as_str())));
        Some(names.chain(country.iter().copied()))
    }

    /// True when the target has no name with a letter or digit to look for (reported as an
    /// empty name, not as an unstated link), or does not exist (reported as dangling).
    pub(crate) fn unnamable(&self, target: Target<'_>) -> bool {
        self.of(target).is_none_or(|mut names| names.all(|n| normalized(n).is_empty()))
    }

    /// True when one of `mentions`' quotes names both the link's target and the record
    /// itself (false for a target that does not exist).
    pub(crate) fn both_named(&self, link: &Link<'_>, mentions: &Mentions) -> bool {
        self.of(link.target).is_some_and(|names| mentions.names_with_own(names))
    }

    /// The first of `mentions`' quotes that names the link's target and the record itself;
    /// else the first that names the target.
    pub(crate) fn evidence(&self, link: &Link<'_>, mentions: &Mentions) -> Option<Found> {
        let found = mentions.find_each(self.of(link.target)?, true);
        let named = |i: &usize| found[*i].is_some();
        let both = (0..found.len()).filter(named).find(|&i| mentions.own()[i]);
        let quote = both.or_else(|| (0..found.len()).find(named))?;
        Some(Found { quote, words: found[quote] })
    }
}

#[cfg(test)]
mod tests {
    use super::Mentions;

    fn mentions(quotes: &[&'static str]) -> Mentions<'static> {
        let raw: Vec<&str> = quotes.to_vec();
        Mentions::new_texts(raw)
    }

    impl<'r> Mentions<'r> {
        fn new_texts(raw: Vec<&'r str>) -> Self {
            let lower = raw.iter().map(|q| q.to_ascii_lowercase()).collect();
            let normal = raw.iter().map(|_| Default::default()).collect();
            Mentions { lower, raw, normal, own_names: Vec::new(), own: Default::default() }
        }

        fn find(&self, i: usize, name: &str) -> Option<(usize, usize)> {
            self.find_each([name], true)[i]
        }
    }

    #[test]
    fn a_name_is_found_as_written_or_under_the_name_rule() {
        let m = mentions(&["The China\u{a0}Singapore Smart-Park opened.", "Run by the café owners"]);
        assert_eq!(m.find(0, "smart-park"), Some((21, 31))); // as written, up to ASCII case
        assert_eq!(m.find(0, "China Singapore Smart Park"), Some((4, 31))); // under the name rule
        assert_eq!(m.find(1, "CAFÉ"), Some((11, 16)));
        assert!(!m.names("Lion City"));
        assert!(!m.names("-")); // no letter or digit: names nothing
        assert!(!m.names("opened. run")); // a name never spans two quotes
    }

    #[test]
    fn a_match_followed_by_a_combining_mark_is_another_letter() {
        // "cafe" followed by U+0301 is "café" under the name rule, which does not hold "cafe".
        let m = mentions(&["the cafe\u{301} owners"]);
        assert!(!m.names("cafe"));
        assert_eq!(m.find(0, "café"), Some((4, 10)));
    }
}
