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
use super::name::{normalized, normalized_chars};
use crate::model::{Country, Link, PlaceKind, Quote, Record, Target};

/// A record's quotes, ready to be searched for names.
pub(crate) struct Mentions<'r> {
    raw: Vec<&'r str>,
    lower: Vec<String>,
    normal: OnceCell<Vec<Normalized>>,
}

/// A quote under the name rule, and for each byte of it the byte range of the quote it
/// comes from.
struct Normalized {
    text: String,
    from: Vec<(usize, usize)>,
}

impl<'r> Mentions<'r> {
    pub(crate) fn new(quotes: &'r [Quote]) -> Self {
        let raw: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
        Mentions { lower: raw.iter().map(|q| q.to_ascii_lowercase()).collect(), raw, normal: OnceCell::new() }
    }

    /// True when some quote names `name`.
    pub(crate) fn names(&self, name: &str) -> bool {
        (0..self.raw.len()).any(|i| self.find(i, name).is_some())
    }

    /// The byte range of quote `i` that holds `name`, if it does.
    pub(crate) fn find(&self, i: usize, name: &str) -> Option<(usize, usize)> {
        if name.chars().any(char::is_alphanumeric) {
            let lower = name.to_ascii_lowercase();
            if let Some(at) = self.as_written(i, &lower) {
                return Some((at, at + lower.len()));
            }
        }
        let name = normalized(name);
        if name.is_empty() {
            return None;
        }
        let quote = self.normal.get_or_init(|| self.raw.iter().map(|q| normalize_mapped(q)).collect()).get(i)?;
        let at = memchr::memmem::find(quote.text.as_bytes(), name.as_bytes())?;
        Some((quote.from[at].0, quote.from[at + name.len() - 1].1))
    }

    /// Where quote `i` holds `lower` as written up to ASCII case, not followed by a
    /// combining mark (which would make it another letter under the name rule).
    fn as_written(&self, i: usize, lower: &str) -> Option<usize> {
        let q = self.lower.get(i)?;
        memchr::memmem::find_iter(q.as_bytes(), lower.as_bytes())
            .find(|&at| !q[at + lower.len()..].chars().next().is_some_and(is_combining_mark))
    }

    /// The first range of quote `i` that holds any of `names`.
    fn find_any<'n>(&self, i: usize, names: impl IntoIterator<Item = &'n str>) -> Option<(usize, usize)> {
        names.into_iter().find_map(|n| self.find(i, n))
    }
}

/// A quote normalised a cluster (a character and the combining marks after it) at a time,
/// with the source range of each byte of the result.
fn normalize_mapped(quote: &str) -> Normalized {
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
    /// True when the quote also names the record the link starts from.
    pub(crate) both_ends: bool,
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
    fn of(&self, target: Target<'_>) -> Option<Vec<&'t str>> {
        match target {
            Target::Record(kind, id) => {
                let r = self.tables.record(kind, self.tables.position(kind, id)?)?;
                Some(core::iter::once(r.name()).chain(r.aliases().iter().map(|a| a.name.as_str())).collect())
            }
            Target::Country(c) => Some(self.countries.get(&c).cloned().unwrap_or_default()),
        }
    }

    /// True when the target has no name with a letter or digit to look for (reported as an
    /// empty name, not as an unstated link), or does not exist (reported as dangling).
    pub(crate) fn unnamable(&self, target: Target<'_>) -> bool {
        self.of(target).is_none_or(|names| names.iter().all(|n| normalized(n).is_empty()))
    }

    /// The first quote (of `mentions`, a record's quotes) that names the link's target and
    /// the record itself (by one of `own`, its names); else the first that names the target.
    pub(crate) fn evidence(&self, own: &[&str], link: &Link<'_>, mentions: &Mentions) -> Option<Found> {
        let targets = self.of(link.target)?;
        let mut first = None;
        for i in 0..mentions.raw.len() {
            let Some(words) = mentions.find_any(i, targets.iter().copied()) else { continue };
            if mentions.find_any(i, own.iter().copied()).is_some() {
                return Some(Found { quote: i, words: Some(words), both_ends: true });
            }
            first = first.or(Some(Found { quote: i, words: Some(words), both_ends: false }));
        }
        first
    }
}

#[cfg(test)]
mod tests {
    use super::Mentions;

    fn mentions(quotes: &[&'static str]) -> Mentions<'static> {
        let raw: Vec<&str> = quotes.to_vec();
        Mentions { lower: raw.iter().map(|q| q.to_ascii_lowercase()).collect(), raw, normal: Default::default() }
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
