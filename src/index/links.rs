//! Reverse indexes behind filters and navigation, built from every record's links.
//!
//! For each (source kind, relation, target kind) there is a sorted list of source positions
//! per target record, both for direct links and following the target's containment upwards
//! (a project in Guangzhou is also listed under Guangdong and China). Filters intersect
//! these lists, driving from the shortest, so they cost what they return.

use hashbrown::HashMap;
use std::hash::Hash;

use super::{Stored, Table, TableVisitor, Tables};
use crate::model::record::Described;
use crate::model::{
    AgreementKind, Country, ForumKind, Kind, Link, PartialDate, Party, ProjectKind, ProjectStatus, Relation, Sector,
    SpeakerRole, Target,
};

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
    fn build(dates: Vec<Vec<&PartialDate>>) -> Self {
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
    /// Per target position: the sources that link to it or to anything it contains.
    transitive: Vec<Postings>,
}

/// Identifies a [`Reverse`] index: who links, how, and to what.
type Key = (Kind, Relation, Kind);

/// All reverse indexes of a dataset.
#[derive(Clone, Debug, Default)]
pub(crate) struct Links {
    reverse: HashMap<Key, Reverse>,
    countries: HashMap<(Kind, Relation, Country), Postings>,
    /// Per kind, per record: its position and every container's, following containment links.
    up: Vec<Vec<Vec<u32>>>,
    /// Per kind: the dates of its records.
    dates: Vec<DateIndex>,
    pub(crate) projects_by_sector: HashMap<Sector, Postings>,
    /// Per place: the projects in it, in a place within it, or part of a project there.
    pub(crate) projects_in_place: Vec<Postings>,
    pub(crate) projects_by_country: HashMap<Country, Postings>,
    pub(crate) projects_by_kind: HashMap<ProjectKind, Postings>,
    pub(crate) projects_by_status: HashMap<ProjectStatus, Postings>,
    pub(crate) agreements_by_kind: HashMap<AgreementKind, Postings>,
    pub(crate) agreements_by_sector: HashMap<Sector, Postings>,
    pub(crate) forums_by_kind: HashMap<ForumKind, Postings>,
    /// Per organisation: the forums it hosts, organises or partners, or that are meetings of it.
    pub(crate) forums_by_org: Vec<Postings>,
    /// Agreements an organisation is party to, is named in, or signed through one of its people.
    pub(crate) agreements_by_org: Vec<Postings>,
    pub(crate) speakers_by_role: HashMap<SpeakerRole, Postings>,
}

const EMPTY: &[u32] = &[];

/// Appends `i` to a sorted list unless it is already its last entry.
fn push_sorted(list: &mut Postings, i: u32) {
    if list.last() != Some(&i) {
        list.push(i);
    }
}

fn push<K: Hash + Eq>(map: &mut HashMap<K, Postings>, key: K, i: u32) {
    push_sorted(map.entry(key).or_default(), i);
}

/// The position `start` plus every container's, following `parents`; cycles stop.
fn ancestors(start: usize, parents: &[Vec<u32>]) -> Vec<u32> {
    let mut seen = vec![start as u32];
    let mut stack = vec![start];
    while let Some(i) = stack.pop() {
        for &p in parents.get(i).map_or(EMPTY, Vec::as_slice) {
            if !seen.contains(&p) {
                seen.push(p);
                stack.push(p as usize);
            }
        }
    }
    seen
}

/// Each record's position plus every container's.
fn closure(parents: &[Vec<u32>]) -> Vec<Vec<u32>> {
    (0..parents.len()).map(|start| ancestors(start, parents)).collect()
}

/// First pass: every kind's containment parents, closed transitively.
struct Containment<'t> {
    tables: &'t Tables,
    up: Vec<Vec<Vec<u32>>>,
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
        self.up[T::KIND.index()] = closure(&parents);
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
            .or_insert_with(|| Reverse { direct: vec![Vec::new(); n], transitive: vec![Vec::new(); n] });
        push_sorted(&mut rev.direct[at as usize], i);
        for &up in &self.links.up[kind.index()][at as usize] {
            push_sorted(&mut rev.transitive[up as usize], i);
        }
    }
}

impl Links {
    /// Builds every index. References must already resolve (the loader checks first).
    pub(crate) fn build(tables: &Tables) -> Self {
        let mut c = Containment { tables, up: vec![Vec::new(); Kind::ALL.len()] };
        tables.visit(&mut c);
        let links = Links { up: c.up, dates: vec![DateIndex::default(); Kind::ALL.len()], ..Links::default() };
        let mut b = Builder { tables, links };
        tables.visit(&mut b);
        let mut links = b.links;
        links.build_facets(tables);
        links.add_meeting_dates(tables);
        links
    }

    /// An agreement signed at a meeting is dated by the meeting, too: the text says it was
    /// signed there.
    fn add_meeting_dates(&mut self, t: &Tables) {
        let dates = t
            .agreements
            .iter()
            .map(|a| {
                let own = a.milestones.iter().filter_map(|m| m.date.as_ref());
                let meeting = a.forum.as_ref().and_then(|f| t.forums.get(f)?.date.as_ref());
                own.chain(meeting).collect()
            })
            .collect();
        self.dates[Kind::Agreement.index()] = DateIndex::build(dates);
    }

    /// The closed sets filters use, and the derived place, organisation and country lists.
    fn build_facets(&mut self, t: &Tables) {
        self.projects_in_place = vec![Vec::new(); t.places.len()];
        for (i, p) in t.projects.iter().enumerate() {
            let i = i as u32;
            for s in &p.sectors {
                push(&mut self.projects_by_sector, *s, i);
            }
            push(&mut self.projects_by_kind, p.kind, i);
            if let Some(s) = p.status {
                push(&mut self.projects_by_status, s, i);
            }
            let places = self.project_places(t, i);
            let place_countries =
                places.iter().filter_map(|&pl| Some(t.places.as_slice().get(pl as usize)?.country.id));
            let orgs = p
                .organizations
                .iter()
                .filter_map(|inv| Some(t.organizations.get(&inv.organization)?.country.as_ref()?.id));
            let mut countries: Vec<Country> = place_countries.chain(orgs).collect();
            countries.sort_unstable();
            countries.dedup();
            for c in countries {
                push(&mut self.projects_by_country, c, i);
            }
            for pl in places {
                push_sorted(&mut self.projects_in_place[pl as usize], i);
            }
        }
        self.build_agreement_facets(t);
        self.forums_by_org = vec![Vec::new(); t.organizations.len()];
        for (i, f) in t.forums.iter().enumerate() {
            push(&mut self.forums_by_kind, f.kind, i as u32);
            let involved = f.organizations.iter().map(|o| o.organization.as_str());
            let mut orgs: Vec<u32> = involved
                .chain(f.meeting_of.iter().map(|m| m.id.as_str()))
                .filter_map(|o| t.organizations.position(o))
                .collect();
            orgs.sort_unstable();
            orgs.dedup();
            for o in orgs {
                push_sorted(&mut self.forums_by_org[o as usize], i as u32);
            }
        }
        for (i, s) in t.speakers.iter().enumerate() {
            for r in &s.roles {
                push(&mut self.speakers_by_role, *r, i as u32);
            }
        }
    }

    /// Every place a project lies in: its own places and those of the projects it is part
    /// of, and every place containing those; sorted.
    fn project_places(&self, t: &Tables, project: u32) -> Vec<u32> {
        let projects = self.up[Kind::Project.index()].get(project as usize).map_or(EMPTY, Vec::as_slice);
        let own = projects.iter().filter_map(|&p| t.projects.as_slice().get(p as usize)).flat_map(|p| &p.places);
        let direct = own.filter_map(|r| t.places.position(r.id.as_str()));
        let mut all: Vec<u32> =
            direct.flat_map(|pl| self.up[Kind::Place.index()][pl as usize].iter().copied()).collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    fn build_agreement_facets(&mut self, t: &Tables) {
        self.agreements_by_org = vec![Vec::new(); t.organizations.len()];
        for (i, a) in t.agreements.iter().enumerate() {
            push(&mut self.agreements_by_kind, a.kind, i as u32);
            for s in &a.sectors {
                push(&mut self.agreements_by_sector, *s, i as u32);
            }
            let parties = a.parties.iter().filter_map(|p| match &p.party {
                Party::Organization(o) => Some(o.as_str()),
                Party::Country(_) => None,
            });
            let named = a.organizations.iter().map(|x| x.organization.as_str());
            let signers = a.signatories.iter().filter_map(|s| t.speakers.get(s)).flat_map(|s| s.organizations());
            let mut orgs: Vec<u32> = parties
                .chain(named)
                .chain(signers.map(|o| o.as_str()))
                .filter_map(|o| t.organizations.position(o))
                .collect();
            orgs.sort_unstable();
            orgs.dedup();
            for o in orgs {
                push_sorted(&mut self.agreements_by_org[o as usize], i as u32);
            }
        }
    }

    /// The `source` records that link to record `at` of `target` by `relation`; with
    /// `transitive`, also those linking to anything `at` contains.
    pub(crate) fn sources(&self, source: Kind, relation: Relation, target: Kind, at: u32, transitive: bool) -> &[u32] {
        let Some(rev) = self.reverse.get(&(source, relation, target)) else { return EMPTY };
        let lists = if transitive { &rev.transitive } else { &rev.direct };
        lists.get(at as usize).map_or(EMPTY, Vec::as_slice)
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
