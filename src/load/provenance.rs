//! Provenance checks: a link or alias marked `stated` must be named by a quote of its
//! record, and a date counted from its article must agree with the article's year.

use std::collections::HashMap;

use crate::index::Tables;
use crate::index::key::normalized;
use crate::model::{Alias, Basis, Country, Link, PartialDate, PlaceKind, Record, Target};

/// What a record's quotes say, under the name rule (case, spacing and punctuation ignored).
pub(crate) struct Mentions {
    quotes: Vec<String>,
}

impl Mentions {
    pub(crate) fn new<T: Record>(r: &T) -> Self {
        Mentions { quotes: r.quotes().iter().map(|q| normalized(&q.text)).collect() }
    }

    /// True when a quote contains `name`.
    pub(crate) fn names(&self, name: &str) -> bool {
        let name = normalized(name);
        !name.is_empty() && self.quotes.iter().any(|q| q.contains(&name))
    }
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
                let mut names = core::iter::once(r.name()).chain(r.aliases().iter().map(|a| a.name.as_str()));
                // A target with no name to look for is reported as an empty name, not here.
                let nameless = names.clone().all(|n| normalized(n).is_empty());
                nameless || names.any(|n| mentions.names(n))
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
    let Some(doc) = tables.documents.get(doc_id).filter(|doc| doc.id == *doc_id) else {
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
