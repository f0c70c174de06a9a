//! Provenance checks: a link or alias marked `stated` must be named by a quote of its
//! record, and a date counted from its article must agree with the article's year.

use crate::index::Tables;
use crate::index::mentions::Mentions;
use crate::model::{Alias, Basis, Link, PartialDate};

/// The message for a link marked `stated` that no quote backs.
pub(crate) fn unstated_link(link: &Link<'_>) -> String {
    format!(
        "`{}` links to {} as `stated`, but no quote of this record names both it and this record; expected a quote \
         that names both ends (by a name or an alias; \"it\" or \"the meeting\" does not name), or the link's true \
         basis (context, name, geography or common-usage)",
        link.field, link.target
    )
}

/// The message for an alias marked `stated` that no quote shows, if it is one.
pub(crate) fn unstated_alias(alias: &Alias, mentions: &Mentions) -> Option<String> {
    (alias.basis == Basis::Stated && !mentions.holds(&alias.name)).then(|| {
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
    // Years outside the range are reported as such; no sum is made from them.
    if [date_year, doc_year].iter().flatten().any(|y| !crate::model::Year::RANGE.contains(&y.value)) {
        return None;
    }
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
