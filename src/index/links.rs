//! Reverse indexes behind filters and navigation: for each place, organisation, forum,
//! sector, kind, role and country, the sorted positions of the records that point to it.
//!
//! Filters intersect these lists (driving from the shortest), so they cost what they
//! return, not what the dataset holds.

use std::collections::HashMap;
use std::hash::Hash;

use crate::model::{
    Agreement, AgreementKind, Country, Forum, Organization, PartialDate, Party, Place, Project, Sector, Speaker,
    SpeakerRole,
};

use super::Table;

/// Sorted record positions.
pub(crate) type Postings = Vec<u32>;

/// Date intervals of records, sorted by start, for range queries.
#[derive(Clone, Debug, Default)]
pub(crate) struct DateIndex {
    /// (first day key, last day key, record) sorted by first day, then record.
    entries: Vec<(i64, i64, u32)>,
    /// Each record's intervals, sorted by first day.
    per_record: Vec<Vec<(i64, i64)>>,
    /// The longest interval, so a range scan knows how far back to start.
    max_span: i64,
}

impl DateIndex {
    fn build<'a>(n: usize, dates: impl Fn(usize) -> Vec<&'a PartialDate>) -> Self {
        let mut per_record = vec![Vec::new(); n];
        let mut entries = Vec::new();
        let mut max_span = 0;
        for (i, slot) in per_record.iter_mut().enumerate() {
            for d in dates(i) {
                if let Some((a, b)) = d.bounds() {
                    let (a, b) = (a.key(), b.key());
                    slot.push((a, b));
                    entries.push((a, b, i as u32));
                    max_span = max_span.max(b - a);
                }
            }
            slot.sort_unstable();
        }
        entries.sort_unstable_by_key(|&(a, _, i)| (a, i));
        Self { entries, per_record, max_span }
    }

    /// True when a record has an interval overlapping `[from, to]`.
    pub(crate) fn overlaps(&self, record: u32, from: i64, to: i64) -> bool {
        self.per_record.get(record as usize).is_some_and(|v| v.iter().any(|&(a, b)| a <= to && b >= from))
    }

    /// Records with an interval overlapping `[from, to]`, each once, in date order.
    pub(crate) fn range(&self, from: i64, to: i64) -> DateIter<'_> {
        let lo = self.entries.partition_point(|&(a, _, _)| a < from - self.max_span);
        let hi = self.entries.partition_point(|&(a, _, _)| a <= to);
        DateIter { index: self, entries: self.entries[lo..hi.max(lo)].iter(), from, to }
    }
}

/// Iterator of [`DateIndex::range`].
#[derive(Clone)]
pub(crate) struct DateIter<'a> {
    index: &'a DateIndex,
    entries: core::slice::Iter<'a, (i64, i64, u32)>,
    from: i64,
    to: i64,
}

impl Iterator for DateIter<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let (from, to) = (self.from, self.to);
        for &(a, b, i) in self.entries.by_ref() {
            if b < from {
                continue;
            }
            // Yield a record only at its first overlapping interval.
            let first = self.index.per_record[i as usize].iter().find(|&&(x, y)| x <= to && y >= from);
            if first == Some(&(a, b)) {
                return Some(i);
            }
        }
        None
    }
}

/// All reverse indexes of a dataset.
#[derive(Clone, Debug, Default)]
pub(crate) struct Links {
    pub(crate) projects_by_sector: HashMap<Sector, Postings>,
    pub(crate) projects_by_place: Vec<Postings>,
    pub(crate) projects_by_org: Vec<Postings>,
    pub(crate) projects_by_country: HashMap<Country, Postings>,
    pub(crate) agreements_by_kind: HashMap<AgreementKind, Postings>,
    pub(crate) agreements_by_org: Vec<Postings>,
    pub(crate) agreements_by_country: HashMap<Country, Postings>,
    pub(crate) agreements_by_forum: Vec<Postings>,
    pub(crate) agreement_dates: DateIndex,
    pub(crate) forums_by_place: Vec<Postings>,
    pub(crate) forums_by_parent: Vec<Postings>,
    pub(crate) forum_dates: DateIndex,
    pub(crate) speakers_by_forum: Vec<Postings>,
    pub(crate) speakers_by_org: Vec<Postings>,
    pub(crate) speakers_by_role: HashMap<SpeakerRole, Postings>,
}

/// The tables the link indexes are built from.
pub(crate) struct Tables<'a> {
    pub(crate) places: &'a Table<Place>,
    pub(crate) organizations: &'a Table<Organization>,
    pub(crate) projects: &'a Table<Project>,
    pub(crate) agreements: &'a Table<Agreement>,
    pub(crate) forums: &'a Table<Forum>,
    pub(crate) speakers: &'a Table<Speaker>,
}

/// Each record's position plus every ancestor's, following `parent` links; cycles stop.
fn closure(n: usize, parents: impl Fn(usize) -> Vec<u32>) -> Vec<Vec<u32>> {
    (0..n)
        .map(|start| {
            let mut seen = vec![start as u32];
            let mut stack = vec![start];
            while let Some(i) = stack.pop() {
                for p in parents(i) {
                    if !seen.contains(&p) {
                        seen.push(p);
                        stack.push(p as usize);
                    }
                }
            }
            seen
        })
        .collect()
}

fn push<K: Hash + Eq>(map: &mut HashMap<K, Postings>, key: K, i: u32) {
    let list = map.entry(key).or_default();
    if list.last() != Some(&i) {
        list.push(i);
    }
}

fn push_at(lists: &mut [Postings], at: u32, i: u32) {
    if let Some(list) = lists.get_mut(at as usize)
        && list.last() != Some(&i)
    {
        list.push(i);
    }
}

impl Links {
    /// Builds every index. References must already resolve (the loader checks first);
    /// any that do not are skipped rather than trusted.
    pub(crate) fn build(t: &Tables<'_>) -> Self {
        let place_up = closure(t.places.len(), |i| {
            t.places.as_slice()[i].within.iter().filter_map(|w| t.places.position(w.place.as_str())).collect()
        });
        let forum_up = closure(t.forums.len(), |i| {
            t.forums.as_slice()[i].parent.iter().filter_map(|p| t.forums.position(p.as_str())).collect()
        });
        let n_places = t.places.len();
        let n_orgs = t.organizations.len();
        let n_forums = t.forums.len();
        let mut l = Links {
            projects_by_place: vec![Vec::new(); n_places],
            projects_by_org: vec![Vec::new(); n_orgs],
            agreements_by_org: vec![Vec::new(); n_orgs],
            agreements_by_forum: vec![Vec::new(); n_forums],
            forums_by_place: vec![Vec::new(); n_places],
            forums_by_parent: vec![Vec::new(); n_forums],
            speakers_by_forum: vec![Vec::new(); n_forums],
            speakers_by_org: vec![Vec::new(); n_orgs],
            ..Links::default()
        };
        let place_country = |p: u32| t.places.as_slice().get(p as usize).map(|p| p.country);
        let org_country = |o: u32| t.organizations.as_slice().get(o as usize).and_then(|o| o.country);

        for (i, p) in t.projects.iter().enumerate() {
            let i = i as u32;
            for s in &p.sectors {
                push(&mut l.projects_by_sector, *s, i);
            }
            let mut countries: Vec<Country> = Vec::new();
            if let Some(at) = p.place.as_ref().and_then(|r| t.places.position(r.place.as_str())) {
                for &up in &place_up[at as usize] {
                    push_at(&mut l.projects_by_place, up, i);
                }
                countries.extend(place_country(at));
            }
            for inv in &p.organizations {
                if let Some(o) = t.organizations.position(inv.organization.as_str()) {
                    push_at(&mut l.projects_by_org, o, i);
                    countries.extend(org_country(o));
                }
            }
            for c in countries {
                push(&mut l.projects_by_country, c, i);
            }
        }

        for (i, a) in t.agreements.iter().enumerate() {
            let i = i as u32;
            push(&mut l.agreements_by_kind, a.kind, i);
            let mut orgs: Vec<u32> = Vec::new();
            for party in &a.parties {
                match party {
                    Party::Organization(o) => orgs.extend(t.organizations.position(o.as_str())),
                    Party::Country(c) => push(&mut l.agreements_by_country, *c, i),
                }
            }
            orgs.extend(a.organizations.iter().filter_map(|x| t.organizations.position(x.organization.as_str())));
            for s in a.signatories.iter().filter_map(|s| t.speakers.get(s.as_str())) {
                orgs.extend(s.organizations().filter_map(|o| t.organizations.position(o.as_str())));
            }
            orgs.sort_unstable();
            orgs.dedup();
            for o in orgs {
                push_at(&mut l.agreements_by_org, o, i);
            }
            if let Some(f) = a.forum.as_ref().and_then(|f| t.forums.position(f.as_str())) {
                for &up in &forum_up[f as usize] {
                    push_at(&mut l.agreements_by_forum, up, i);
                }
            }
        }
        let forums = t.forums.as_slice();
        l.agreement_dates = DateIndex::build(t.agreements.len(), |i| {
            let a = &t.agreements.as_slice()[i];
            let mut d: Vec<&PartialDate> = a.milestones.iter().filter_map(|m| m.date.as_ref()).collect();
            if let Some(f) = a.forum.as_ref().and_then(|f| t.forums.get(f.as_str())) {
                d.extend(f.date.as_ref());
            }
            d
        });

        for (i, f) in forums.iter().enumerate() {
            let i = i as u32;
            if let Some(at) = f.place.as_ref().and_then(|r| t.places.position(r.place.as_str())) {
                for &up in &place_up[at as usize] {
                    push_at(&mut l.forums_by_place, up, i);
                }
            }
            for &up in forum_up[i as usize].iter().skip(1) {
                push_at(&mut l.forums_by_parent, up, i);
            }
        }
        l.forum_dates = DateIndex::build(forums.len(), |i| forums[i].date.iter().collect());

        for (i, s) in t.speakers.iter().enumerate() {
            let i = i as u32;
            if let Some(f) = s.forum.as_ref().and_then(|f| t.forums.position(f.as_str())) {
                for &up in &forum_up[f as usize] {
                    push_at(&mut l.speakers_by_forum, up, i);
                }
            }
            for o in s.organizations().filter_map(|o| t.organizations.position(o.as_str())) {
                push_at(&mut l.speakers_by_org, o, i);
            }
            for r in &s.roles {
                push(&mut l.speakers_by_role, *r, i);
            }
        }
        l
    }
}
