//! Provenance checks: a link or alias marked `stated` must be named by a quote of its
//! record, and a date counted from its article must agree with the article's year.

use std::collections::HashMap;

use once_cell::unsync::OnceCell;
use unicode_normalization::char::is_combining_mark;

use crate::index::Tables;
use crate::index::name::normalized;
use crate::model::{Alias, Basis, Country, Link, PartialDate, PlaceKind, Record, Target};

/// What a record's quotes say, under the name rule (case, spacing and punctuation ignored).
///
/// Most names occur in a quote as written, up to ASCII case: that is checked first, on
/// the quotes lower-cased in ASCII (a byte map). Only a name not found so is looked for
/// under the full name rule, on quotes normalised the first time one is needed.
pub(crate) struct Mentions<'r> {
    raw: Vec<&'r str>,
    /// Every quote lower-cased in ASCII, each followed by a NUL (which no name holds), so
    /// that one scan looks through them all.
    lower: String,
    normal: OnceCell<Vec<String>>,
}

impl<'r> Mentions<'r> {
    pub(crate) fn new<T: Record>(r: &'r T) -> Self {
        let raw: Vec<&str> = r.quotes().iter().map(|q| q.text.as_str()).collect();
        Mentions { lower: lowered(&raw), raw, normal: OnceCell::new() }
    }

    /// True when a quote contains `name`.
    pub(crate) fn names(&self, name: &str) -> bool {
        if name.chars().any(char::is_alphanumeric) && self.names_as_written(&name.to_ascii_lowercase()) {
            return true;
        }
        let name = normalized(name);
        let quotes = self.normal.get_or_init(|| self.raw.iter().map(|q| normalized(q)).collect());
        !name.is_empty() && quotes.iter().any(|q| q.contains(&name))
    }

    /// True when a quote holds `lower` as written up to ASCII case, not followed by a
    /// combining mark (which would make it another letter under the name rule).
    fn names_as_written(&self, lower: &str) -> bool {
        let q = &self.lower;
        memchr::memmem::find_iter(q.as_bytes(), lower.as_bytes())
            .any(|at| !q[at + lower.len()..].chars().next().is_some_and(is_combining_mark))
    }
}

/// The quotes lower-cased in ASCII, each followed by a NUL.
fn lowered(quotes: &[&str]) -> String {
    let mut out = String::with_capacity(quotes.iter().map(|q| q.len() + 1).sum());
    for q in quotes {
        out.push_str(q);
        out.push('\0');
    }
    out.make_ascii_lowercase();
    out
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

    /// True when the record's quotes name the link's target (a dangling target is reported
    /// as such, not here).
    pub(crate) fn named_by(&self, link: &Link<'_>, mentions: &Mentions) -> bool {
        match link.target {
            Target::Record(kind, id) => {
                let Some(r) = self.tables.position(kind, id).and_then(|p| self.tables.record(kind, p)) else {
                    return true;
                };
                let names = core::iter::once(r.name()).chain(r.aliases().iter().map(|a| a.name.as_str()));
                // A target with no name to look for is reported as an empty name, not here.
                names.clone().any(|n| mentions.names(n)) || names.into_iter().all(|n| normalized(n).is_empty())
            }
            Target::Country(c) => self.countries.get(&c).is_some_and(|names| names.iter().any(|n| mentions.names(n))),
        }
    }
}

/// The message for a link marked `stated` that no quote backs.
pub(crate) fn unstated_link(link: &Link<'_>) -> String {
    format!(
        "`{}` links to {} as `stated`, but no quote of this record names it; expected a quote that names it, \
         or the link's true basis (context, name, geography or common-usage)",
        link.field, link.target
    )
}

/// The message for an alias marked `stated` that no quote shows, if it is one.
pub(crate) fn unstated_alias(alias: &Alias, mentions: &Mentions) -> Option<String> {
    (alias.basis == Basis::Stated && !mentions.names(&alias.name)).then(|| {
        format!(
            "alias {:?} is marked `stated`, but no quote of this record uses it; expected a quote that does, \
             or its true basis (common-usage, …)",
            alias.name
        )
    })
}

/// Problems with a date counted from its article: `relative_to` must name a document, and
/// a year fixed by the words must be that document's year moved by them, inferred exactly
/// when the document's year is.
pub(crate) fn relative_date_problem(tables: &Tables, d: &PartialDate) -> Option<String> {
    let relative = d.relative?;
    let Some(doc_id) = &d.relative_to else {
        return Some(format!(
            "`relative` is `{relative}` but `relative_to` is missing; expected the document it counts from"
        ));
    };
    let Some(doc) = tables.documents.by_id(doc_id).filter(|doc| doc.id == *doc_id) else {
        return Some(format!(
            "`relative_to` names document `{doc_id}`, which does not exist; expected the id of a record in documents.json"
        ));
    };
    let offset = relative.year_offset()?;
    let (date_year, doc_year) = (d.year.as_ref(), doc.year.as_ref());
    match (date_year, doc_year) {
        (None, None) => None,
        (Some(y), None) => Some(format!("year {} but document `{}` has no year; expected no year", y.value, doc.id)),
        (None, Some(dy)) => {
            Some(format!("no year; expected {} (document `{}`'s year, {})", dy.value + offset, doc.id, d.as_written))
        }
        (Some(y), Some(dy)) if y.value != dy.value + offset => Some(format!(
            "year {}; expected {} from document `{}`'s year {}",
            y.value,
            dy.value + offset,
            doc.id,
            dy.value
        )),
        (Some(y), Some(dy)) if y.is_inferred() != dy.is_inferred() => Some(format!(
            "year {} is {} but document `{}`'s year is {}; expected a year derived from it to say so",
            y.value,
            if y.is_inferred() { "marked inferred" } else { "not marked inferred" },
            doc.id,
            if dy.is_inferred() { "inferred" } else { "stated" }
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::Mentions;

    fn mentions(quotes: &[&'static str]) -> Mentions<'static> {
        let raw: Vec<&str> = quotes.to_vec();
        Mentions { lower: super::lowered(&raw), raw, normal: once_cell::unsync::OnceCell::new() }
    }

    #[test]
    fn a_name_is_found_as_written_or_under_the_name_rule() {
        let m = mentions(&["The China\u{a0}Singapore Smart-Park opened.", "Run by the café owners"]);
        assert!(m.names("smart-park")); // as written, up to ASCII case
        assert!(m.names("China Singapore Smart Park")); // only under the name rule
        assert!(m.names("CAFÉ"));
        assert!(!m.names("Lion City"));
        assert!(!m.names("-")); // no letter or digit: names nothing
        assert!(!m.names("opened. run")); // a name never spans two quotes
    }

    #[test]
    fn a_match_followed_by_a_combining_mark_is_another_letter() {
        // "cafe" followed by U+0301 is "café" under the name rule, which does not hold "cafe".
        let m = mentions(&["the cafe\u{301} owners"]);
        assert!(!m.names("cafe"));
        assert!(m.names("café"));
    }
}
