//! The checks every load runs after parsing: ids, names, quotes, links and values.
//!
//! The checks read records only through their kind's description of its fields (the
//! `Describe` trait), so they are written once for every kind. Each problem becomes a
//! [`Diagnostic`] pointing at the record, and at the offending value where it can be found
//! in the record's own span of the file.

use hashbrown::HashSet;

use super::Limits;
use super::json::{File, Loc};
use super::provenance::{relative_date_problem, unstated_alias, unstated_link};
use crate::error::{Diagnostic, DiagnosticKind as K};
use crate::index::mentions::{Mentions, TargetNames};
use crate::index::quotes::{Positions, QuoteIndex};
use crate::index::{Clash, Stored, Table, TableVisitor, Tables};
use crate::model::record::Described;
use crate::model::{Basis, Count, Kind, Link, PartialDate, Precision, Qualifier, Record, Target, days_in_month};

/// Where a record is, for messages: its kind, its position in its table and its id.
#[derive(Clone, Copy)]
pub(crate) struct At<'r> {
    kind: Kind,
    index: usize,
    id: &'r str,
}

impl<'r> At<'r> {
    pub(crate) fn new(kind: Kind, index: usize, id: &'r str) -> Self {
        At { kind, index, id }
    }
}

/// Everything the checks need, and the diagnostics they produce.
pub(crate) struct Checker<'a> {
    pub(crate) files: Vec<File<'a>>,
    /// Per kind: where each record of its table came from.
    pub(crate) locs: Vec<Vec<Loc>>,
    /// Per kind: ids of records that failed to parse; references to them are not dangling.
    pub(crate) broken: Vec<HashSet<String>>,
    /// Per kind: true when a file of the kind could not be read or parsed at all, so its ids
    /// are unknown and references to it are not checked (each would be a false alarm).
    pub(crate) incomplete: Vec<bool>,
    pub(crate) diags: Vec<Diagnostic>,
    /// Per file: how many problems were found in it, listed or not.
    found: Vec<usize>,
    /// The most problems listed per file.
    cap: usize,
}

impl<'a> Checker<'a> {
    pub(crate) fn new(files: Vec<File<'a>>, options: &Limits) -> Self {
        let n = Kind::ALL.len();
        Checker {
            found: vec![0; files.len()],
            files,
            locs: vec![Vec::new(); n],
            broken: vec![HashSet::new(); n],
            incomplete: vec![false; n],
            diags: Vec::new(),
            cap: options.max_diagnostics_per_file,
        }
    }

    /// Counts a problem in a file; true when it is to be listed (within the cap). Past the
    /// cap, nothing more is placed or listed, so a file with a million problems costs no
    /// more than one with a hundred, and the list stays readable.
    fn count(&mut self, file: usize) -> bool {
        self.found[file] += 1;
        self.found[file] <= self.cap
    }

    /// Every diagnostic, with one more per file whose problems passed the cap.
    pub(crate) fn finish(mut self) -> Vec<Diagnostic> {
        for (file, &n) in self.found.iter().enumerate().filter(|&(_, &n)| n > self.cap) {
            let message = format!(
                "{} more problem(s) in this file are not listed; expected at most {} per file (Loader::max_diagnostics_per_file)",
                n - self.cap,
                self.cap
            );
            self.diags.push(Diagnostic {
                kind: K::MoreProblems,
                file: self.files[file].path.to_owned(),
                record: None,
                line: None,
                column: None,
                message,
            });
        }
        self.diags
    }

    /// Reports a problem at a byte offset of a file (or the file as a whole).
    pub(crate) fn report_file(
        &mut self,
        file: usize,
        kind: K,
        record: Option<String>,
        at: Option<usize>,
        message: String,
    ) {
        if !self.count(file) {
            return;
        }
        let f = &self.files[file];
        let position = at.map(|offset| f.lines().line_col(f.text.unwrap_or_default().as_bytes(), offset));
        self.diags.push(Diagnostic {
            kind,
            file: f.path.to_owned(),
            record,
            line: position.map(|p| p.0),
            column: position.map(|p| p.1),
            message,
        });
    }

    /// Reports a problem with a record; `needle` is a value to point at within the record.
    pub(crate) fn report(&mut self, at: At<'_>, kind: K, needle: Option<&str>, message: String) {
        let Some(&loc) = self.locs[at.kind.index()].get(at.index) else { return };
        if self.found[loc.file] >= self.cap {
            self.found[loc.file] += 1; // past the cap: counted, not placed
            return;
        }
        let offset = self.offset(loc, needle);
        self.report_file(loc.file, kind, Some(at.id.to_owned()), offset, message);
    }

    /// The offset of `needle` (as a JSON string) within the record's span, skipping the
    /// record's own `"id": …`; the start of the record if the needle is not there.
    fn offset(&self, loc: Loc, needle: Option<&str>) -> Option<usize> {
        let file = &self.files[loc.file];
        let (start, end) = file.span(loc.element)?;
        let span = &file.text?[start..end];
        let is_id_field =
            |p: usize| span[..p].trim_end().strip_suffix(':').is_some_and(|b| b.trim_end().ends_with("\"id\""));
        let found = needle.and_then(|n| serde_json::to_string(n).ok()).and_then(|quoted| {
            let mut hits = span.match_indices(quoted.as_str()).map(|(p, _)| p);
            let first = hits.next()?;
            Some(if is_id_field(first) { hits.next().unwrap_or(first) } else { first })
        });
        Some(start + found.unwrap_or(0))
    }

    /// Reports ids and names that a table's records share.
    pub(crate) fn report_clashes<T: Record>(&mut self, table: &Table<T>, clashes: &[Clash]) {
        for cl in clashes {
            let (Some(first), Some(second)) =
                (table.as_slice().get(cl.first as usize), table.as_slice().get(cl.second as usize))
            else {
                continue;
            };
            let at = At { kind: T::KIND, index: cl.second as usize, id: second.id() };
            let message = if cl.is_id {
                let first_file = self.locs[T::KIND.index()].get(cl.first as usize).map(|l| self.files[l.file].path);
                format!(
                    "{} id `{}` is already taken by a record in {}; expected each id once per kind",
                    T::KIND,
                    cl.key,
                    first_file.unwrap_or("another file")
                )
            } else {
                format!(
                    "name or alias {:?} is also a name of {} `{}`; expected names unique within a kind (ignoring case, spaces and punctuation)",
                    cl.key,
                    T::KIND,
                    first.id()
                )
            };
            self.report(at, if cl.is_id { K::DuplicateId } else { K::DuplicateName }, Some(&cl.key), message);
        }
    }

    /// True when references to `id` of `kind` are not to be checked: the kind's files could
    /// not all be read, or the record failed to parse (both already reported).
    fn unknowable(&self, kind: Kind, id: &str) -> bool {
        self.incomplete[kind.index()] || self.broken[kind.index()].contains(id)
    }
}

/// True for a lower-case slug: letters, digits and single inner hyphens.
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Checks every record of every kind: ids, names, quotes, links and values, then cycles.
pub(crate) struct RecordChecks<'c, 'a, 't> {
    c: &'c mut Checker<'a>,
    tables: &'t Tables,
    quotes: &'t QuoteIndex<'t>,
    positions: &'t Positions,
    targets: TargetNames<'t>,
    /// How many quotes of the current table were checked before this record's.
    quotes_before: usize,
}

impl<'c, 'a, 't> RecordChecks<'c, 'a, 't> {
    pub(crate) fn new(
        c: &'c mut Checker<'a>,
        tables: &'t Tables,
        quotes: &'t QuoteIndex<'t>,
        positions: &'t Positions,
    ) -> Self {
        RecordChecks { c, tables, quotes, positions, targets: TargetNames::new(tables), quotes_before: 0 }
    }
}

impl<'t> TableVisitor<'t> for RecordChecks<'_, '_, 't> {
    fn visit<T: Stored>(&mut self, table: &'t Table<T>) {
        self.quotes_before = 0;
        for (index, r) in table.iter().enumerate() {
            let at = At { kind: T::KIND, index, id: r.id() };
            self.check_names(at, r);
            self.check_quotes(at, r);
            let mut fields = Described::default();
            r.describe(&mut fields);
            // Only a stated link's target is looked for in the quotes.
            let stated = fields.links.iter().filter(|l| l.basis == Basis::Stated);
            let mentions = Mentions::new(r.quotes(), r.names(), self.targets.all_of(stated));
            for message in r.aliases().iter().filter_map(|a| unstated_alias(a, &mentions)) {
                self.c.report(at, K::NotStated, None, message);
            }
            self.check_fields(at, fields, &mentions);
        }
        check_cycles(self.c, self.tables, table);
    }
}

impl RecordChecks<'_, '_, '_> {
    fn check_names<T: Record>(&mut self, at: At<'_>, r: &T) {
        if !is_slug(at.id) {
            let message = format!(
                "id `{}` is not a slug; expected lower-case letters and digits joined by single hyphens, e.g. `china-singapore-smart-park`",
                at.id
            );
            self.c.report(at, K::InvalidId, Some(at.id), message);
        }
        for name in r.names().filter(|n| !n.chars().any(char::is_alphanumeric)) {
            let message = format!("name or alias {name:?} is empty or has no letter or digit; expected a name");
            self.c.report(at, K::EmptyName, Some(name), message);
        }
    }

    fn check_quotes<T: Record>(&mut self, at: At<'_>, r: &T) {
        if r.quotes().is_empty() {
            let message = "no quote; expected at least one verbatim passage from a source document".to_owned();
            self.c.report(at, K::MissingQuote, None, message);
        }
        self.check_given_positions(at, r);
        for q in r.quotes() {
            if q.text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).nth(1).is_none() {
                let message = format!(
                    "quote {:?} has fewer than two words; expected a passage that shows where the fact comes from",
                    q.text
                );
                self.c.report(at, K::ThinQuote, Some(&q.text), message);
                continue;
            }
            let doc = self.tables.documents.position(q.document.as_str());
            let doc = doc.and_then(|i| Some((i, self.tables.documents.as_slice().get(i as usize)?)));
            let Some((i, doc)) = doc.filter(|(_, d)| d.id == q.document) else {
                if !self.c.unknowable(Kind::Document, q.document.as_str()) {
                    let message = format!(
                        "quote cites document `{}`, which does not exist; expected the id of a record in documents.json",
                        q.document
                    );
                    self.c.report(at, K::UnknownDocument, Some(q.document.as_str()), message);
                }
                continue;
            };
            if doc.text.is_empty() || self.quotes.find(i, &q.text).is_some() {
                continue; // a missing source is reported once, on its document
            }
            let hint = if self.quotes.loosely_found(i, &q.text) {
                "; it does occur with plain spaces or straight quotes: copy it exactly (the source uses no-break spaces U+00A0 and curly quotes)"
            } else {
                ""
            };
            let shown: String = q.text.chars().take(60).collect();
            let message = format!(
                "quote {shown:?} is not found verbatim in document `{}`{hint}; expected an exact passage of sources/{}",
                doc.id, doc.file
            );
            self.c.report(at, K::QuoteNotFound, Some(&q.text), message);
        }
    }

    /// A quote may carry the `position` a written dataset gives it; it must be the one found.
    fn check_given_positions<T: Record>(&mut self, at: At<'_>, r: &T) {
        for (n, q) in r.quotes().iter().enumerate() {
            let Some(given) = q.position() else { continue };
            let found = self.positions.get(T::KIND, self.quotes_before + n);
            if found.as_ref() != Some(given) {
                let expected = found.map_or("no position (the passage is not found)".to_owned(), |p| format!("{p:?}"));
                let message = format!(
                    "quote {:?} gives position {given:?}; expected {expected}, or no `position` (the loader finds it)",
                    q.text
                );
                self.c.report(at, K::ImpossibleValue, Some(&q.text), message);
            }
        }
        self.quotes_before += r.quotes().len();
    }

    fn check_fields(&mut self, at: At<'_>, fields: Described<'_>, mentions: &Mentions) {
        for link in &fields.links {
            self.refer(at, link);
            let both_named = || self.targets.both_named(link, mentions);
            if link.basis == Basis::Stated && !self.targets.unnamable(link.target) && !both_named() {
                let needle = match link.target {
                    Target::Record(_, id) => Some(id),
                    Target::Country(c) => Some(c.as_str()),
                };
                self.c.report(at, K::NotStated, needle, unstated_link(link));
            }
        }
        for &(_, date) in &fields.dates {
            check_date(self.c, at, date);
            if let Some(p) = relative_date_problem(self.tables, date) {
                self.c.report(
                    at,
                    K::ImpossibleValue,
                    Some(&date.as_written),
                    format!("date {:?}: {p}", date.as_written),
                );
            }
        }
        for count in fields.counts {
            check_count(self.c, at, count);
        }
        for a in fields.amounts.iter().filter(|a| a.value < 0) {
            let message = format!("amount {:?} is negative ({}); expected zero or more", a.as_written, a.value);
            self.c.report(at, K::ImpossibleValue, Some(&a.as_written), message);
        }
        for (needle, message) in fields.problems {
            self.c.report(at, K::ImpossibleValue, needle, message);
        }
    }

    /// Reports a link to a record that does not exist (ids are exact).
    fn refer(&mut self, at: At<'_>, link: &Link<'_>) {
        let Target::Record(kind, id) = link.target else { return };
        let position = self.tables.position(kind, id);
        let exact = position.and_then(|p| self.tables.record(kind, p)).filter(|r| r.id() == id);
        if exact.is_some() || self.c.unknowable(kind, id) {
            return;
        }
        let hint = match position.and_then(|p| self.tables.record(kind, p)) {
            Some(r) => format!(" (ids are exact: did you mean `{}`?)", r.id()),
            None => String::new(),
        };
        let message = format!(
            "`{}` refers to {kind} `{id}`, which does not exist; expected the id of a record in {}{hint}",
            link.field,
            kind.file_name()
        );
        self.c.report(at, K::DanglingReference, Some(id), message);
    }
}

fn check_date(c: &mut Checker<'_>, at: At<'_>, d: &PartialDate) {
    let mut problems = Vec::new();
    if let Some(m) = d.month.filter(|m| !(1..=12).contains(m)) {
        problems.push(format!("month {m}; expected 1 to 12"));
    }
    if let Some(y) = d.year.as_ref().filter(|y| !crate::model::Year::RANGE.contains(&y.value)) {
        problems.push(format!("year {}; expected a year from 1 to 9999", y.value));
    }
    if let Some(day) = d.day {
        let month = d.month.filter(|m| (1..=12).contains(m));
        let max = month.map_or(31, |m| days_in_month(d.year.as_ref().map_or(2000, |y| y.value), m));
        if day == 0 || day > max {
            problems.push(format!("day {day}; expected 1 to {max}"));
        }
        if d.month.is_none() && d.relative.is_none() {
            problems.push("a day without a month; expected a month too".to_owned());
        }
    }
    let fits = match d.precision {
        Precision::Year => d.year.is_some() && d.month.is_none() && d.day.is_none(),
        Precision::Month => d.month.is_some() && d.day.is_none(),
        Precision::Day => d.month.is_some() && d.day.is_some(),
    };
    if d.relative.is_none() && !fits {
        problems.push(format!(
            "precision `{}` does not fit the fields given; expected year only, a month, or a month and day",
            d.precision
        ));
    }
    if d.as_written.trim().is_empty() {
        problems.push("empty `as_written`; expected the words of the text".to_owned());
    }
    if d.year.as_ref().is_some_and(|y| y.inferred_from.as_deref().is_some_and(|s| s.trim().is_empty())) {
        problems.push("empty `inferred_from`; expected what the year was inferred from".to_owned());
    }
    for p in problems {
        c.report(at, K::ImpossibleValue, Some(&d.as_written), format!("date {:?}: {p}", d.as_written));
    }
}

fn check_count(c: &mut Checker<'_>, at: At<'_>, n: &Count) {
    let problem = match (n.qualifier, n.max) {
        (Qualifier::Range, Some(max)) if max < n.value => {
            Some(format!("minimum {} is above maximum {max}; expected a minimum at most the maximum", n.value))
        }
        (Qualifier::Range, None) => Some("a range without `max`; expected a maximum".to_owned()),
        (q, Some(_)) if q != Qualifier::Range => {
            Some(format!("`max` with qualifier `{q}`; expected `max` only for `range`"))
        }
        _ => None,
    };
    if let Some(p) = problem {
        c.report(at, K::ImpossibleValue, Some(&n.as_written), format!("count {:?}: {p}", n.as_written));
    }
    if n.period.as_ref().is_some_and(|p| p.length == 0) {
        c.report(at, K::ImpossibleValue, None, "a period of length 0; expected at least 1".to_owned());
    }
}

/// A containment parent: its position, its id, and the field that names it.
type Parent = (usize, String, &'static str);

/// The containment parents of each record of a table that are records of the same table.
fn parents<T: Record>(tables: &Tables, table: &Table<T>) -> Vec<Vec<Parent>> {
    table
        .iter()
        .map(|r| {
            let links = r.links();
            let inner = links.into_iter().filter(|l| l.relation.is_containment());
            inner
                .filter_map(|l| match l.target {
                    Target::Record(kind, id) if kind == T::KIND => {
                        Some((tables.position(kind, id)? as usize, id.to_owned(), l.field))
                    }
                    _ => None,
                })
                .collect()
        })
        .collect()
}

/// Follows containment links from every record and reports each cycle once.
fn check_cycles<T: Record>(c: &mut Checker<'_>, tables: &Tables, table: &Table<T>) {
    let parents = parents(tables, table);
    // 0 = unvisited, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; table.len()];
    for root in 0..table.len() {
        if state[root] == 0 {
            walk(c, table, &parents, &mut state, root);
        }
    }
}

/// A depth-first walk from `root` up the containment links, reporting each link that leads
/// back onto the current path.
fn walk<T: Record>(c: &mut Checker<'_>, table: &Table<T>, parents: &[Vec<Parent>], state: &mut [u8], root: usize) {
    state[root] = 1;
    let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
    while let Some((node, next)) = stack.pop() {
        let Some((parent, target, field)) = parents[node].get(next) else {
            state[node] = 2;
            continue;
        };
        stack.push((node, next + 1));
        match state[*parent] {
            0 => {
                state[*parent] = 1;
                stack.push((*parent, 0));
            }
            1 => report_cycle(c, table, node, target, field),
            _ => {}
        }
    }
}

fn report_cycle<T: Record>(c: &mut Checker<'_>, table: &Table<T>, node: usize, target: &str, field: &str) {
    let id = table.as_slice()[node].id();
    let at = At { kind: T::KIND, index: node, id };
    let message = format!("`{field}` of `{id}` leads back to `{target}` in a cycle; expected a hierarchy");
    c.report(at, K::ImpossibleValue, Some(target), message);
}
