//! Reverse indexes behind filters and links in names, built from every record's links.
//!
//! For each (source kind, relation, target kind) there is a sorted list of source positions
//! per target record, for direct links; and, built the first time a filter asks for a
//! record, the list of sources linking to it or to anything it contains (a project in
//! Guangzhou is also listed under Guangdong and China), found by walking down the
//! containment from that record. Nothing is materialised for records no one asks for, so a
//! containment chain thousands deep costs its length, not its square. Filters intersect
//! these lists, driving from the shortest, so they cost what they return.
//!
//! The lists a single filter alone reads (a project's sectors, the places a project lies
//! in through the projects it is part of, …) are built in that filter's file under
//! `query/`, beside the condition they give meaning to; they live in [`Links`] too.

use hashbrown::{HashMap, HashSet};
use once_cell::sync::OnceCell;
use std::hash::Hash;

use super::{Stored, Table, TableVisitor, Tables};
use crate::model::record::Described;
use crate::model::{Country, Kind, Link, PartialDate, Relation, Target};

/// Sorted record positions.
pub(crate) type Postings = Vec<u32>;

/// Date intervals of records, sorted by start, for range queries.
#[derive(Clone, Debug, Default)]
pub(crate) struct DateIndex {
    /// (first day key, last day key, record) sorted by first day, then record.
    entries: Vec<(i64, i64, u32)>,
    /// Each record's intervals, sorted by first day.
    per_record: Vec<Vec<(i64, i64)>>,
}

impl DateIndex {
    pub(crate) fn build(dates: Vec<Vec<&PartialDate>>) -> Self {
        let mut per_record = vec![Vec::new(); dates.len()];
        let mut entries = Vec::new();
        for (i, (slot, ds)) in per_record.iter_mut().zip(dates).enumerate() {
            for (a, b) in ds.iter().filter_map(|d| d.bounds()) {
                let (a, b) = (a.key(), b.key());
                slot.push((a, b));
                entries.push((a, b, i as u32));
            }
            slot.sort_unstable();
        }
        entries.sort_unstable_by_key(|&(a, _, i)| (a, i));
        Self { entries, per_record }
    }

    /// True when a record has a date all of whose days lie in `[from, to]`.
    pub(crate) fn within(&self, record: u32, from: i64, to: i64) -> bool {
        self.per_record.get(record as usize).is_some_and(|v| v.iter().any(|&(a, b)| a >= from && b <= to))
    }

    /// Records with a date all of whose days lie in `[from, to]`, each once, in position
    /// order. Reads only the dates that start in the range.
    pub(crate) fn range(&self, from: i64, to: i64) -> Vec<u32> {
        let lo = self.entries.partition_point(|&(a, _, _)| a < from);
        let hi = self.entries.partition_point(|&(a, _, _)| a <= to);
        let mut out: Vec<u32> =
            self.entries[lo..hi.max(lo)].iter().filter(|&&(_, b, _)| b <= to).map(|&(_, _, i)| i).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The records of one source kind that link to each record of a target kind by one relation.
#[derive(Clone, Debug, Default)]
pub(crate) struct Reverse {
    /// Per target position: the sources that link to it.
    direct: Vec<Postings>,
    /// Per target position: the sources that link to it or to anything it contains, found
    /// the first time asked.
    transitive: Vec<OnceCell<Postings>>,
}

/// Identifies a [`Reverse`] index: who links, how, and to what.
type Key = (Kind, Relation, Kind);

/// All reverse indexes of a dataset.
#[derive(Clone, Debug, Default)]
pub(crate) struct Links {
    reverse: HashMap<Key, Reverse>,
    countries: HashMap<(Kind, Relation, Country), Postings>,
    /// Per kind, per record: the records that directly contain it, and that it directly
    /// contains, by containment links.
    parents: Vec<Vec<Vec<u32>>>,
    children: Vec<Vec<Vec<u32>>>,
    /// Per kind: the dates of its records.
    dates: Vec<DateIndex>,
    /// What the project filter reads.
    pub(crate) projects: crate::query::ProjectIndex,
    /// What the agreement filter reads.
    pub(crate) agreements: crate::query::AgreementIndex,
    /// What the forum filter reads.
    pub(crate) forums: crate::query::ForumIndex,
    /// What the speaker filter reads.
    pub(crate) speakers: crate::query::SpeakerIndex,
    /// What the organisation filter reads.
    pub(crate) organizations: crate::query::OrganizationIndex,
}

pub(crate) const EMPTY: &[u32] = &[];

/// Appends `i` to a sorted list unless it is already its last entry.
pub(crate) fn push_sorted(list: &mut Postings, i: u32) {
    if list.last() != Some(&i) {
        list.push(i);
    }
}

pub(crate) fn push<K: Hash + Eq>(map: &mut HashMap<K, Postings>, key: K, i: u32) {
    push_sorted(map.entry(key).or_default(), i);
}

/// Positions as a sorted list, each once.
pub(crate) fn sorted(positions: impl IntoIterator<Item = u32>) -> Postings {
    let mut out: Postings = positions.into_iter().collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// `starts` and every record reachable from them by `next`, each once (cycles stop): a walk
/// that costs what it visits.
fn reach(starts: impl IntoIterator<Item = u32>, next: &[Vec<u32>]) -> Vec<u32> {
    let mut seen: HashSet<u32> = HashSet::new();
    let mut out: Vec<u32> = starts.into_iter().filter(|&s| seen.insert(s)).collect();
    let mut i = 0;
    while let Some(&at) = out.get(i) {
        for &n in next.get(at as usize).map_or(EMPTY, Vec::as_slice) {
            if seen.insert(n) {
                out.push(n);
            }
        }
        i += 1;
    }
    out
}

/// First pass: every kind's containment parents and children.
struct Containment<'t> {
    tables: &'t Tables,
    parents: Vec<Vec<Vec<u32>>>,
    children: Vec<Vec<Vec<u32>>>,
}

impl<'t> TableVisitor<'t> for Containment<'_> {
    fn visit<T: Stored>(&mut self, table: &'t Table<T>) {
        let parents: Vec<Vec<u32>> = table
            .iter()
            .map(|r| {
                let links = r.links();
                links.iter().filter(|l| l.relation.is_containment()).filter_map(|l| self.position(l)).collect()
            })
            .collect();
        let mut children = vec![Vec::new(); parents.len()];
        for (child, ps) in parents.iter().enumerate() {
            for &p in ps {
                if let Some(list) = children.get_mut(p as usize) {
                    push_sorted(list, child as u32);
                }
            }
        }
        self.parents[T::KIND.index()] = parents;
        self.children[T::KIND.index()] = children;
    }
}

impl Containment<'_> {
    /// The position of a link's target when it is a record of the link's own kind's table.
    fn position(&self, link: &Link<'_>) -> Option<u32> {
        match link.target {
            Target::Record(kind, id) => self.tables.position(kind, id),
            Target::Country(_) => None,
        }
    }
}

/// Second pass: every link of every record into the reverse indexes, and every date.
struct Builder<'t> {
    tables: &'t Tables,
    links: Links,
}

impl<'t> TableVisitor<'t> for Builder<'_> {
    fn visit<T: Stored>(&mut self, table: &'t Table<T>) {
        let mut dates = Vec::with_capacity(table.len());
        for (i, r) in table.iter().enumerate() {
            let mut f = Described::default();
            crate::model::Describe::describe(r, &mut f);
            for link in &f.links {
                self.add(T::KIND, i as u32, link);
            }
            dates.push(f.dates.into_iter().map(|(_, d)| d).collect());
        }
        self.links.dates[T::KIND.index()] = DateIndex::build(dates);
    }
}

impl Builder<'_> {
    fn add(&mut self, source: Kind, i: u32, link: &Link<'_>) {
        let (kind, id) = match link.target {
            Target::Record(kind, id) => (kind, id),
            Target::Country(c) => return push(&mut self.links.countries, (source, link.relation, c), i),
        };
        // References must resolve (the loader checks first); any that do not are skipped.
        let Some(at) = self.tables.position(kind, id) else { return };
        let n = self.tables.len_of(kind);
        let rev = self
            .links
            .reverse
            .entry((source, link.relation, kind))
            .or_insert_with(|| Reverse { direct: vec![Vec::new(); n], transitive: vec![OnceCell::new(); n] });
        push_sorted(&mut rev.direct[at as usize], i);
    }
}

impl Links {
    /// Builds every index. References must already resolve (the loader checks first).
    pub(crate) fn build(tables: &Tables) -> Self {
        let none = vec![Vec::new(); Kind::ALL.len()];
        let mut c = Containment { tables, parents: none.clone(), children: none };
        tables.visit(&mut c);
        let dates = vec![DateIndex::default(); Kind::ALL.len()];
        let links = Links { parents: c.parents, children: c.children, dates, ..Links::default() };
        let mut b = Builder { tables, links };
        tables.visit(&mut b);
        let mut links = b.links;
        links.projects = crate::query::ProjectIndex::build(tables);
        links.agreements = crate::query::AgreementIndex::build(tables, &links);
        links.forums = crate::query::ForumIndex::build(tables);
        links.speakers = crate::query::SpeakerIndex::build(tables);
        links.organizations = crate::query::OrganizationIndex::build(tables);
        links
    }

    /// Records `starts` of `kind` and every record they contain, at any depth; unordered.
    pub(crate) fn down(&self, kind: Kind, starts: impl IntoIterator<Item = u32>) -> Vec<u32> {
        reach(starts, self.children.get(kind.index()).map_or(&[], Vec::as_slice))
    }

    /// Record `at` of `kind` and every record containing it, at any depth; unordered.
    pub(crate) fn up(&self, kind: Kind, at: u32) -> Vec<u32> {
        reach([at], self.parents.get(kind.index()).map_or(&[], Vec::as_slice))
    }

    /// The `source` records that link to record `at` of `target` by `relation`; with
    /// `transitive`, also those linking to anything `at` contains (found by walking down
    /// from `at` the first time, then kept).
    pub(crate) fn sources(&self, source: Kind, relation: Relation, target: Kind, at: u32, transitive: bool) -> &[u32] {
        let Some(rev) = self.reverse.get(&(source, relation, target)) else { return EMPTY };
        if !transitive {
            return rev.direct.get(at as usize).map_or(EMPTY, Vec::as_slice);
        }
        let Some(cell) = rev.transitive.get(at as usize) else { return EMPTY };
        cell.get_or_init(|| {
            let within = self.down(target, [at]);
            sorted(
                within
                    .into_iter()
                    .flat_map(|d| rev.direct.get(d as usize).map_or(EMPTY, Vec::as_slice).iter().copied()),
            )
        })
    }

    /// Every record (kind, position) that links to record `at` of `kind` directly, or to
    /// `country` when given; unordered, possibly repeated.
    pub(crate) fn linking_to(&self, kind: Kind, at: u32, country: Option<Country>) -> Vec<(Kind, u32)> {
        let records =
            self.reverse.iter().filter(|((_, _, target), _)| *target == kind).flat_map(|((source, _, _), rev)| {
                rev.direct.get(at as usize).into_iter().flatten().map(|&i| (*source, i))
            });
        let countries = self
            .countries
            .iter()
            .filter(|((_, _, c), _)| Some(*c) == country)
            .flat_map(|((source, _, _), list)| list.iter().map(|&i| (*source, i)));
        records.chain(countries).collect()
    }

    /// The `source` records that link to a country by `relation`.
    pub(crate) fn country_sources(&self, source: Kind, relation: Relation, country: Country) -> &[u32] {
        self.countries.get(&(source, relation, country)).map_or(EMPTY, Vec::as_slice)
    }

    /// The date index of a kind.
    pub(crate) fn dates(&self, kind: Kind) -> &DateIndex {
        &self.dates[kind.index()]
    }
}
