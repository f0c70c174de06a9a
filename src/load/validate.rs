//! The checks every load runs after parsing: ids, references, names, quotes and values.
//!
//! Checks go through the tables' indexes (built once) rather than scanning, and each
//! problem becomes a [`Diagnostic`] pointing at the record, and at the offending value
//! where it can be found in the file.

use std::collections::{HashMap, HashSet};

use super::Input;
use super::json::{Loc, element_spans, line_col};
use super::text_index::TextIndex;
use crate::error::{Diagnostic, DiagnosticKind as K};
use crate::index::{Clash, Table};
use crate::model::*;

/// Everything the checks need, and the diagnostics they produce.
pub(crate) struct Checker<'a> {
    pub(crate) inputs: &'a [Input],
    pub(crate) texts: &'a [Option<&'a str>],
    /// Ids of records that failed to parse, per kind: references to them are not dangling.
    pub(crate) broken: HashMap<Kind, HashSet<String>>,
    /// Kinds with a file that could not be read or parsed at all: their ids are unknown, so
    /// references to them are not checked (every one would be a false alarm).
    pub(crate) incomplete: HashSet<Kind>,
    pub(crate) diags: Vec<Diagnostic>,
    spans: HashMap<usize, Option<Vec<(usize, usize)>>>,
}

impl<'a> Checker<'a> {
    pub(crate) fn new(inputs: &'a [Input], texts: &'a [Option<&'a str>]) -> Self {
        Self {
            inputs,
            texts,
            broken: HashMap::new(),
            incomplete: HashSet::new(),
            diags: Vec::new(),
            spans: HashMap::new(),
        }
    }

    /// Reports a problem with a record; `needle` is a value to point at within the record.
    pub(crate) fn report(&mut self, loc: Loc, kind: K, record: &str, needle: Option<&str>, message: String) {
        let (line, column) = self.position(loc, needle).map_or((None, None), |(l, c)| (Some(l), Some(c)));
        self.diags.push(Diagnostic {
            kind,
            file: self.inputs[loc.file].path.clone(),
            record: Some(record.to_owned()),
            line,
            column,
            message,
        });
    }

    fn position(&mut self, loc: Loc, needle: Option<&str>) -> Option<(usize, usize)> {
        let text = self.texts.get(loc.file).copied().flatten()?;
        let spans = self.spans.entry(loc.file).or_insert_with(|| element_spans(text));
        let &(start, end) = spans.as_ref()?.get(loc.element)?;
        let span = &text[start..end];
        // Point at the value, skipping the record's own `"id": …` when the needle is the id.
        let is_id_field =
            |p: usize| span[..p].trim_end().strip_suffix(':').is_some_and(|b| b.trim_end().ends_with("\"id\""));
        let at = needle
            .and_then(|n| serde_json::to_string(n).ok())
            .and_then(|quoted| {
                span.match_indices(quoted.as_str())
                    .map(|(p, _)| p)
                    .find(|&p| !is_id_field(p))
                    .or_else(|| span.find(&quoted))
            })
            .map_or(start, |p| start + p);
        Some(line_col(text, at))
    }

    fn refer<T: Record>(&mut self, table: &Table<T>, loc: Loc, record: &str, field: &str, target: &str) {
        let ok = table.get(target).is_some_and(|r| r.id() == target);
        let broken =
            self.incomplete.contains(&T::KIND) || self.broken.get(&T::KIND).is_some_and(|b| b.contains(target));
        if !ok && !broken {
            let hint = match table.get(target) {
                Some(r) => format!(" (ids are exact: did you mean `{}`?)", r.id()),
                None => String::new(),
            };
            self.report(
                loc,
                K::DanglingReference,
                record,
                Some(target),
                format!(
                    "`{field}` refers to {} `{target}`, which does not exist; expected the id of a record in {}{hint}",
                    T::KIND,
                    T::KIND.file_name()
                ),
            );
        }
    }

    fn impossible(&mut self, loc: Loc, record: &str, needle: Option<&str>, message: String) {
        self.report(loc, K::ImpossibleValue, record, needle, message);
    }
}

/// True for a lower-case slug: letters, digits and single inner hyphens.
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Replaces no-break spaces and curly quotes by their plain forms, for a "did you mean" hint.
fn loosen(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{a0}' => ' ',
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect()
}

/// Checks what every record has: its id, names and quotes, and reports shared ids and names.
pub(crate) fn check_common<T: Record>(
    c: &mut Checker<'_>,
    table: &Table<T>,
    locs: &[Loc],
    clashes: &[Clash],
    documents: &Table<Document>,
    texts: &[TextIndex<'_>],
) {
    for (r, &loc) in table.iter().zip(locs) {
        let id = r.id();
        if !is_slug(id) {
            c.report(loc, K::InvalidId, id, Some(id), format!("id `{id}` is not a slug; expected lower-case letters and digits joined by single hyphens, e.g. `china-singapore-smart-park`"));
        }
        for name in r.names() {
            if !name.chars().any(char::is_alphanumeric) {
                c.report(
                    loc,
                    K::EmptyName,
                    id,
                    Some(name),
                    format!("name or alias {name:?} is empty or has no letter or digit; expected a name"),
                );
            }
        }
        if r.quotes().is_empty() {
            c.report(
                loc,
                K::MissingQuote,
                id,
                None,
                "no quote; expected at least one verbatim passage from a source document".to_owned(),
            );
        }
        for q in r.quotes() {
            let found = documents.position(q.document.as_str()).map(|i| i as usize);
            let Some((doc, index)) = found
                .and_then(|i| Some((documents.as_slice().get(i)?, texts.get(i)?)))
                .filter(|(d, _)| d.id == q.document)
            else {
                let broken = c.incomplete.contains(&Kind::Document)
                    || c.broken.get(&Kind::Document).is_some_and(|b| b.contains(q.document.as_str()));
                if !broken {
                    c.report(loc, K::UnknownDocument, id, Some(q.document.as_str()), format!("quote cites document `{}`, which does not exist; expected the id of a record in documents.json", q.document));
                }
                continue;
            };
            if doc.text.is_empty() {
                continue; // its missing source is reported once, on the document
            }
            if q.text.is_empty() || !index.contains(&q.text) {
                let loose = !q.text.is_empty() && loosen(&doc.text).contains(&loosen(&q.text));
                let hint = if loose {
                    "; it does occur with plain spaces or straight quotes: copy it exactly (the source uses no-break spaces U+00A0 and curly quotes)"
                } else {
                    ""
                };
                let shown: String = q.text.chars().take(60).collect();
                c.report(loc, K::QuoteNotFound, id, Some(&q.text), format!("quote {shown:?} is not found verbatim in document `{}`{hint}; expected an exact passage of sources/{}", doc.id, doc.file));
            }
        }
    }
    for cl in clashes {
        let Some(first) = table.as_slice().get(cl.first as usize) else { continue };
        let (loc, second) = (locs[cl.second as usize], table.as_slice()[cl.second as usize].id().to_owned());
        if cl.is_id {
            let first_file = c.inputs[locs[cl.first as usize].file].path.clone();
            c.report(
                loc,
                K::DuplicateId,
                &second,
                Some(&cl.key),
                format!(
                    "{} id `{}` is already taken by a record in {first_file}; expected each id once per kind",
                    T::KIND,
                    cl.key
                ),
            );
        } else {
            c.report(loc, K::DuplicateName, &second, Some(&cl.key), format!("name or alias {:?} is also a name of {} `{}`; expected names unique within a kind (ignoring case, spaces and punctuation)", cl.key, T::KIND, first.id()));
        }
    }
}

fn check_date(c: &mut Checker<'_>, loc: Loc, id: &str, field: &str, d: &PartialDate) {
    let mut bad =
        |m: String| c.impossible(loc, id, Some(&d.as_written), format!("`{field}` ({:?}): {m}", d.as_written));
    if let Some(m) = d.month
        && !(1..=12).contains(&m)
    {
        bad(format!("month {m}; expected 1 to 12"));
    }
    if let Some(day) = d.day {
        let month = d.month.filter(|m| (1..=12).contains(m));
        let max = month.map_or(31, |m| days_in_month(d.year.as_ref().map_or(2000, |y| y.value), m));
        if day == 0 || day > max {
            bad(format!("day {day}; expected 1 to {max}"));
        }
        if d.month.is_none() && d.relative.is_none() {
            bad("a day without a month; expected a month too".to_owned());
        }
    }
    if d.relative.is_none() {
        let ok = match d.precision {
            Precision::Year => d.year.is_some() && d.month.is_none() && d.day.is_none(),
            Precision::Month => d.month.is_some() && d.day.is_none(),
            Precision::Day => d.month.is_some() && d.day.is_some(),
        };
        if !ok {
            bad(format!(
                "precision `{}` does not fit the fields given; expected year only, a month, or a month and day",
                d.precision
            ));
        }
    }
    if d.as_written.trim().is_empty() {
        bad("empty `as_written`; expected the words of the text".to_owned());
    }
    if d.year.as_ref().is_some_and(|y| y.inferred_from.as_deref().is_some_and(|s| s.trim().is_empty())) {
        bad("empty `inferred_from`; expected what the year was inferred from".to_owned());
    }
}

fn check_count(c: &mut Checker<'_>, loc: Loc, id: &str, n: &Count) {
    match (n.qualifier, n.max) {
        (Qualifier::Range, Some(max)) if max < n.value => c.impossible(
            loc,
            id,
            Some(&n.as_written),
            format!(
                "count {:?}: minimum {} is above maximum {max}; expected a minimum at most the maximum",
                n.as_written, n.value
            ),
        ),
        (Qualifier::Range, None) => c.impossible(
            loc,
            id,
            Some(&n.as_written),
            format!("count {:?}: a range without `max`; expected a maximum", n.as_written),
        ),
        (q, Some(_)) if q != Qualifier::Range => c.impossible(
            loc,
            id,
            Some(&n.as_written),
            format!("count {:?}: `max` with qualifier `{q}`; expected `max` only for `range`", n.as_written),
        ),
        _ => {}
    }
    if let Some(d) = &n.date {
        check_date(c, loc, id, "count date", d);
    }
    if n.period.as_ref().is_some_and(|p| p.length == 0) {
        c.impossible(loc, id, None, "a period of length 0; expected at least 1".to_owned());
    }
}

/// Follows single parent links from every record and reports each cycle once.
fn check_cycles<T: Record>(
    c: &mut Checker<'_>,
    table: &Table<T>,
    locs: &[Loc],
    field: &str,
    parents: impl Fn(&T) -> Vec<&str>,
) {
    let n = table.len();
    // 0 = unvisited, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; n];
    for root in 0..n {
        let mut stack: Vec<(usize, Vec<usize>)> = Vec::new();
        if state[root] != 0 {
            continue;
        }
        let next = |i: usize| -> Vec<usize> {
            parents(&table.as_slice()[i]).into_iter().filter_map(|p| table.position(p)).map(|p| p as usize).collect()
        };
        state[root] = 1;
        stack.push((root, next(root)));
        while let Some((node, kids)) = stack.last_mut() {
            let node = *node;
            match kids.pop() {
                Some(k) if state[k] == 1 => {
                    let id = table.as_slice()[node].id().to_owned();
                    let target = table.as_slice()[k].id().to_owned();
                    c.impossible(
                        locs[node],
                        &id,
                        Some(&target),
                        format!("`{field}` of `{id}` leads back to `{target}` in a cycle; expected a hierarchy"),
                    );
                }
                Some(k) if state[k] == 0 => {
                    state[k] = 1;
                    let nk = next(k);
                    stack.push((k, nk));
                }
                Some(_) => {}
                None => {
                    state[node] = 2;
                    stack.pop();
                }
            }
        }
    }
}

/// The tables of a load, with where each record came from.
pub(crate) struct Loaded<'t> {
    pub(crate) documents: &'t (Table<Document>, Vec<Loc>),
    pub(crate) places: &'t (Table<Place>, Vec<Loc>),
    pub(crate) organizations: &'t (Table<Organization>, Vec<Loc>),
    pub(crate) projects: &'t (Table<Project>, Vec<Loc>),
    pub(crate) agreements: &'t (Table<Agreement>, Vec<Loc>),
    pub(crate) forums: &'t (Table<Forum>, Vec<Loc>),
    pub(crate) speakers: &'t (Table<Speaker>, Vec<Loc>),
}

/// Checks every reference and value of every kind.
pub(crate) fn check_links(c: &mut Checker<'_>, t: &Loaded<'_>) {
    let (places, orgs, projects, agreements, forums, speakers) =
        (&t.places.0, &t.organizations.0, &t.projects.0, &t.agreements.0, &t.forums.0, &t.speakers.0);

    for (d, &loc) in t.documents.0.iter().zip(&t.documents.1) {
        if d.text.is_empty() {
            c.report(
                loc,
                K::MissingSource,
                d.id.as_str(),
                Some(&d.file),
                format!("document text `sources/{}` is missing or empty; expected the article's text there", d.file),
            );
        }
    }

    for (p, &loc) in places.iter().zip(&t.places.1) {
        for w in &p.within {
            c.refer(places, loc, p.id.as_str(), "within", w.place.as_str());
        }
    }
    check_cycles(c, places, &t.places.1, "within", |p: &Place| p.within.iter().map(|w| w.place.as_str()).collect());

    for (o, &loc) in orgs.iter().zip(&t.organizations.1) {
        let id = o.id.as_str();
        if let Some(p) = &o.parent {
            c.refer(orgs, loc, id, "parent", p.organization.as_str());
        }
        if let Some(b) = &o.based_in {
            c.refer(places, loc, id, "based_in", b.as_str());
        }
        if o.country.is_some() != o.country_basis.is_some() {
            c.impossible(
                loc,
                id,
                None,
                "`country` without `country_basis`, or the reverse; expected both or neither".to_owned(),
            );
        }
    }
    check_cycles(c, orgs, &t.organizations.1, "parent", |o: &Organization| {
        o.parent.iter().map(|p| p.organization.as_str()).collect()
    });

    for (p, &loc) in projects.iter().zip(&t.projects.1) {
        let id = p.id.as_str();
        if let Some(r) = &p.place {
            c.refer(places, loc, id, "place", r.place.as_str());
        }
        if let Some(parent) = &p.part_of {
            c.refer(projects, loc, id, "part_of", parent.as_str());
        }
        for r in &p.related {
            c.refer(projects, loc, id, "related", r.as_str());
        }
        for inv in &p.organizations {
            c.refer(orgs, loc, id, "organizations", inv.organization.as_str());
            if inv.roles.is_empty() {
                c.impossible(
                    loc,
                    id,
                    Some(inv.organization.as_str()),
                    "an involvement with no role; expected at least one".to_owned(),
                );
            }
        }
        for a in &p.amounts {
            if a.value < 0 {
                c.impossible(
                    loc,
                    id,
                    Some(&a.as_written),
                    format!("amount {:?} is negative ({}); expected zero or more", a.as_written, a.value),
                );
            }
        }
        for n in &p.counts {
            check_count(c, loc, id, n);
        }
        if let Some(d) = &p.started {
            check_date(c, loc, id, "started", d);
        }
        if p.phase == Some(0) {
            c.impossible(loc, id, None, "phase 0; expected 1 or more".to_owned());
        }
    }
    check_cycles(c, projects, &t.projects.1, "part_of", |p: &Project| p.part_of.iter().map(|x| x.as_str()).collect());

    for (a, &loc) in agreements.iter().zip(&t.agreements.1) {
        let id = a.id.as_str();
        let parties = a.parties.iter().chain(a.milestones.iter().filter_map(|m| m.party.as_ref()));
        for party in parties {
            if let Party::Organization(o) = party {
                c.refer(orgs, loc, id, "parties", o.as_str());
            }
        }
        for s in &a.signatories {
            c.refer(speakers, loc, id, "signatories", s.as_str());
        }
        for inv in &a.organizations {
            c.refer(orgs, loc, id, "organizations", inv.organization.as_str());
        }
        if let Some(f) = &a.forum {
            c.refer(forums, loc, id, "forum", f.as_str());
        }
        if let Some(p) = &a.part_of {
            c.refer(agreements, loc, id, "part_of", p.as_str());
        }
        if let Some(j) = &a.jurisdiction {
            c.refer(places, loc, id, "jurisdiction", j.as_str());
        }
        for p in &a.projects {
            c.refer(projects, loc, id, "projects", p.as_str());
        }
        for m in &a.milestones {
            if let Some(d) = &m.date {
                check_date(c, loc, id, "milestones.date", d);
            }
        }
        for n in &a.counts {
            check_count(c, loc, id, n);
        }
    }
    check_cycles(c, agreements, &t.agreements.1, "part_of", |a: &Agreement| {
        a.part_of.iter().map(|x| x.as_str()).collect()
    });

    for (f, &loc) in forums.iter().zip(&t.forums.1) {
        let id = f.id.as_str();
        if let Some(p) = &f.parent {
            c.refer(forums, loc, id, "parent", p.as_str());
        }
        if let Some(r) = &f.place {
            c.refer(places, loc, id, "place", r.place.as_str());
        }
        for inv in &f.organizations {
            c.refer(orgs, loc, id, "organizations", inv.organization.as_str());
        }
        if let Some(d) = &f.date {
            check_date(c, loc, id, "date", d);
        }
        if f.edition == Some(0) {
            c.impossible(loc, id, None, "edition 0; expected 1 or more".to_owned());
        }
        for n in &f.counts {
            check_count(c, loc, id, n);
        }
    }
    check_cycles(c, forums, &t.forums.1, "parent", |f: &Forum| f.parent.iter().map(|x| x.as_str()).collect());

    for (s, &loc) in speakers.iter().zip(&t.speakers.1) {
        let id = s.id.as_str();
        if let Some(f) = &s.forum {
            c.refer(forums, loc, id, "forum", f.as_str());
        }
        for o in s.organizations() {
            c.refer(orgs, loc, id, "posts.organization", o.as_str());
        }
        if s.roles.is_empty() {
            c.impossible(loc, id, None, "no role; expected at least one".to_owned());
        }
        if let Some(talk) = &s.talk {
            let current = talk.titles.iter().filter(|t| t.status == TitleStatus::Current).count();
            if current != 1 {
                c.impossible(loc, id, None, format!("a talk with {current} current titles; expected exactly one"));
            }
        }
    }
}
