//! The filter builders: [`ProjectFilter`], [`AgreementFilter`], [`ForumFilter`] and
//! [`SpeakerFilter`].

use core::fmt;
use hashbrown::HashMap;
use std::hash::Hash;

use super::select::{Cond, Constraints, DateRange, Select};
use crate::Dataset;
use crate::error::NotFound;
use crate::index::links::{Links, Postings};
use crate::model::{
    Agreement, AgreementKind, CalendarDate, Country, Forum, ForumKind, Kind, Project, ProjectKind, ProjectStatus,
    Relation, Sector, Speaker, SpeakerRole,
};

/// The records a filter matches, in file order. Created by a filter's `iter`. Serialises
/// as a sequence of the records it has yet to yield.
///
/// ```
/// use china_singapore::Sector;
/// let ds = china_singapore::dataset();
/// let json = serde_json::to_value(ds.project_filter().sector(Sector::Biomedicine).iter()).unwrap();
/// assert_eq!(json.as_array().unwrap().len(), 3);
/// ```
pub struct Matches<'a, T> {
    records: &'a [T],
    select: Select<'a>,
}

impl<T> Clone for Matches<'_, T> {
    fn clone(&self) -> Self {
        Self { records: self.records, select: self.select.clone() }
    }
}

impl<T> fmt::Debug for Matches<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Matches").field("records", &self.records.len()).finish_non_exhaustive()
    }
}

impl<'a, T> Iterator for Matches<'a, T> {
    type Item = &'a T;
    fn next(&mut self) -> Option<&'a T> {
        let i = self.select.next()?;
        self.records.get(i as usize)
    }
}

impl<T: serde::Serialize> serde::Serialize for Matches<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.clone())
    }
}

/// The names and ids a filter was given that matched no record: which condition, the kind
/// asked for, and what was typed. Empty (and unallocated) while every one matched.
#[derive(Clone, Debug, Default)]
struct Unknown(Vec<(&'static str, Kind, Box<str>)>);

impl Unknown {
    /// The position of the record of `kind` that `q` names (by id, name or alias), noting
    /// `q` under `condition` if none; setting a condition again forgets its earlier miss.
    fn resolve(&mut self, ds: &Dataset, condition: &'static str, kind: Kind, q: &str) -> Option<u32> {
        self.0.retain(|u| u.0 != condition);
        let at = ds.tables.position_by_id_or_name(kind, q);
        if at.is_none() {
            self.0.push((condition, kind, q.into()));
        }
        at
    }

    /// The first miss, with the names closest to it.
    fn check(&self, ds: &Dataset) -> Result<(), NotFound> {
        match self.0.first() {
            Some((_, kind, q)) => Err(ds.tables.not_found(*kind, q)),
            None => Ok(()),
        }
    }
}

/// The condition "the record at `at` of the list" (nothing for an unknown record).
fn entry<'a>(lists: &'a [Postings], at: Option<u32>) -> Cond<'a> {
    match at {
        Some(at) => Cond::List(lists.get(at as usize).map_or(&[][..], Vec::as_slice)),
        None => Cond::Nothing,
    }
}

/// The condition "linked by `relation` to the record `at` of `target`" for records of
/// `source`.
pub(super) fn linked(
    ds: &Dataset,
    source: Kind,
    relation: Relation,
    target: Kind,
    at: Option<u32>,
    transitive: bool,
) -> Cond<'_> {
    match at {
        Some(at) => Cond::List(ds.links().sources(source, relation, target, at, transitive)),
        None => Cond::Nothing,
    }
}

/// The condition "has this value" for a closed set.
fn facet<'a, K: Hash + Eq>(map: &'a HashMap<K, Postings>, key: &K) -> Cond<'a> {
    Cond::List(map.get(key).map_or(&[][..], Vec::as_slice))
}

fn range(ds: &Dataset, kind: Kind, from: CalendarDate, to: CalendarDate) -> DateRange<'_> {
    DateRange { index: ds.links().dates(kind), from: from.key(), to: to.key() }
}

pub(super) fn run<'a, T, const N: usize>(
    records: &'a [T],
    conds: [Cond<'a>; N],
    date: Option<DateRange<'a>>,
) -> Matches<'a, T> {
    Matches { records, select: Constraints::new(conds, date).run(records.len()) }
}

/// Shows which conditions a filter has set.
fn debug_conditions<const N: usize>(
    f: &mut fmt::Formatter<'_>,
    name: &str,
    conds: [(&str, &Cond<'_>); N],
    dated: bool,
) -> fmt::Result {
    let mut d = f.debug_struct(name);
    for (field, cond) in conds {
        if !matches!(cond, Cond::Unset) {
            d.field(field, &matches!(cond, Cond::List(_)));
        }
    }
    if dated {
        d.field("between", &true);
    }
    d.finish_non_exhaustive()
}

/// Filters projects by sector, place (including everything within it), organisation
/// involved (alone or with its units), country, kind, status and date. Start one with [`Dataset::project_filter`].
///
/// ```
/// use china_singapore::Sector;
/// let ds = china_singapore::dataset();
/// let bio: Vec<&str> = ds.project_filter().sector(Sector::Biomedicine).iter().map(|p| p.name.as_str()).collect();
/// assert!(bio.len() >= 2);
/// ```
#[derive(Clone)]
pub struct ProjectFilter<'a> {
    ds: &'a Dataset,
    sector: Cond<'a>,
    place: Cond<'a>,
    organization: Cond<'a>,
    group: Cond<'a>,
    country: Cond<'a>,
    kind: Cond<'a>,
    status: Cond<'a>,
    date: Option<DateRange<'a>>,
    unknown: Unknown,
}

impl<'a> ProjectFilter<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Self {
        let unset = Cond::Unset;
        let unknown = Unknown::default();
        Self {
            ds,
            sector: unset,
            place: unset,
            organization: unset,
            group: unset,
            country: unset,
            kind: unset,
            status: unset,
            date: None,
            unknown,
        }
    }

    fn links(&self) -> &'a Links {
        self.ds.links()
    }

    /// Keeps projects filed under this sector.
    ///
    /// ```
    /// use china_singapore::Sector;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.project_filter().sector(Sector::FinancialServices).iter().any(|p| p.id == "green-bond-issuance"));
    /// ```
    pub fn sector(mut self, sector: Sector) -> Self {
        self.sector = facet(&self.links().projects_by_sector, &sector);
        self
    }

    /// Keeps projects in this place (by id, name or alias), in any place within it, or part
    /// of a project that is.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let in_gba = ds.project_filter().place("greater-bay-area").iter().count();
    /// let in_china = ds.project_filter().place("china").iter().count();
    /// assert!(in_gba > 0 && in_china >= in_gba);
    /// ```
    pub fn place(mut self, place: impl AsRef<str>) -> Self {
        let at = self.unknown.resolve(self.ds, "place", Kind::Place, place.as_ref());
        self.place = entry(&self.links().projects_in_place, at);
        self
    }

    /// Keeps projects this organisation (by id, name or alias) is involved in, in any role.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.project_filter().organization("sp-group").iter().any(|p| p.id == "regional-energy-projects"));
    /// ```
    pub fn organization(mut self, organization: impl AsRef<str>) -> Self {
        let at = self.unknown.resolve(self.ds, "organization", Kind::Organization, organization.as_ref());
        self.organization = linked(self.ds, Kind::Project, Relation::Involves, Kind::Organization, at, false);
        self
    }

    /// Keeps projects this organisation (by id, name or alias), or any of its units at any
    /// depth (subsidiaries, committees under it), is involved in: the group's projects.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let group: Vec<&str> = ds.project_filter().group("Singapore Telecom").iter().map(|p| p.id.as_str()).collect();
    /// assert!(group.contains(&"ncs-gba-fintech-delivery-center")); // through NCS, its subsidiary
    /// assert_eq!(ds.project_filter().organization("Singapore Telecom").iter().count(), 0);
    /// ```
    pub fn group(mut self, organization: impl AsRef<str>) -> Self {
        let at = self.unknown.resolve(self.ds, "group", Kind::Organization, organization.as_ref());
        self.group = linked(self.ds, Kind::Project, Relation::Involves, Kind::Organization, at, true);
        self
    }

    /// Keeps projects located in this country or involving an organisation from it.
    ///
    /// ```
    /// use china_singapore::Country;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.project_filter().country(Country::Singapore).iter().any(|p| p.id == "nus-guangzhou-innovation-institute"));
    /// ```
    pub fn country(mut self, country: Country) -> Self {
        self.country = facet(&self.links().projects_by_country, &country);
        self
    }

    /// Keeps projects of this kind.
    ///
    /// ```
    /// use china_singapore::ProjectKind;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.project_filter().kind(ProjectKind::Park).iter().all(|p| p.kind == ProjectKind::Park));
    /// ```
    pub fn kind(mut self, kind: ProjectKind) -> Self {
        self.kind = facet(&self.links().projects_by_kind, &kind);
        self
    }

    /// Keeps projects with this status.
    ///
    /// ```
    /// use china_singapore::ProjectStatus;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.project_filter().status(ProjectStatus::Planned).iter().any(|p| p.id == "lion-tcr-gmp-cell-production-base"));
    /// ```
    pub fn status(mut self, status: ProjectStatus) -> Self {
        self.status = facet(&self.links().projects_by_status, &status);
        self
    }

    /// Keeps projects with a date (started, or a dated figure) that lies wholly within
    /// `[from, to]`. Dates whose year the text leaves unknown never match.
    ///
    /// ```
    /// use china_singapore::CalendarDate;
    /// let ds = china_singapore::dataset();
    /// let (from, to) = ("2000-01-01".parse().unwrap(), "2010-12-31".parse().unwrap());
    /// let ids: Vec<&str> = ds.project_filter().between(from, to).iter().map(|p| p.id.as_str()).collect();
    /// assert_eq!(ids, ["suzhou-service-trade-pilot"]);
    /// ```
    pub fn between(mut self, from: CalendarDate, to: CalendarDate) -> Self {
        self.date = Some(range(self.ds, Kind::Project, from, to));
        self
    }

    /// The matching projects, in file order.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.project_filter().iter().count(), ds.projects().len());
    /// ```
    pub fn iter(&self) -> Matches<'a, Project> {
        let conds = [self.sector, self.place, self.organization, self.group, self.country, self.kind, self.status];
        run(self.ds.projects().as_slice(), conds, self.date)
    }
}

impl fmt::Debug for ProjectFilter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let conds = [
            ("sector", &self.sector),
            ("place", &self.place),
            ("organization", &self.organization),
            ("group", &self.group),
            ("country", &self.country),
            ("kind", &self.kind),
            ("status", &self.status),
        ];
        debug_conditions(f, "ProjectFilter", conds, self.date.is_some())
    }
}

/// Filters agreements by kind, sector, party, country, forum (including events within it)
/// and date range. Start one with [`Dataset::agreement_filter`].
///
/// ```
/// use china_singapore::AgreementKind;
/// let ds = china_singapore::dataset();
/// assert!(ds.agreement_filter().kind(AgreementKind::Mou).iter().count() >= 3);
/// ```
#[derive(Clone)]
pub struct AgreementFilter<'a> {
    ds: &'a Dataset,
    kind: Cond<'a>,
    sector: Cond<'a>,
    party: Cond<'a>,
    country: Cond<'a>,
    forum: Cond<'a>,
    date: Option<DateRange<'a>>,
    unknown: Unknown,
}

impl<'a> AgreementFilter<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Self {
        let unset = Cond::Unset;
        let unknown = Unknown::default();
        Self { ds, kind: unset, sector: unset, party: unset, country: unset, forum: unset, date: None, unknown }
    }

    /// Keeps agreements of this kind.
    ///
    /// ```
    /// use china_singapore::AgreementKind;
    /// let ds = china_singapore::dataset();
    /// let ids: Vec<&str> = ds.agreement_filter().kind(AgreementKind::StrategicAgreement).iter().map(|a| a.id.as_str()).collect();
    /// assert_eq!(ids, ["sip-strategic-agreement"]);
    /// ```
    pub fn kind(mut self, kind: AgreementKind) -> Self {
        self.kind = facet(&self.ds.links().agreements_by_kind, &kind);
        self
    }

    /// Keeps agreements filed under this sector.
    ///
    /// ```
    /// use china_singapore::Sector;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.agreement_filter().sector(Sector::DigitalEconomy).iter().any(|a| a.id == "depa"));
    /// ```
    pub fn sector(mut self, sector: Sector) -> Self {
        self.sector = facet(&self.ds.links().agreements_by_sector, &sector);
        self
    }

    /// Keeps agreements this organisation (by id, name or alias) is party to, is named in, or signed
    /// through one of its people.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.agreement_filter().party("bank-of-communications").iter().any(|a| a.id == "sip-strategic-agreement"));
    /// ```
    pub fn party(mut self, organization: impl AsRef<str>) -> Self {
        let at = self.unknown.resolve(self.ds, "party", Kind::Organization, organization.as_ref());
        self.party = entry(&self.ds.links().agreements_by_org, at);
        self
    }

    /// Keeps agreements to which this country is party as a state.
    ///
    /// ```
    /// use china_singapore::Country;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.agreement_filter().country(Country::Chile).iter().any(|a| a.id == "depa"));
    /// ```
    pub fn country(mut self, country: Country) -> Self {
        self.country = Cond::List(self.ds.links().country_sources(Kind::Agreement, Relation::Party, country));
        self
    }

    /// Keeps agreements signed at this forum (by id, name or alias) or at an event within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.agreement_filter().forum("jcbc-18").iter().count() >= 2);
    /// ```
    pub fn forum(mut self, forum: impl AsRef<str>) -> Self {
        let at = self.unknown.resolve(self.ds, "forum", Kind::Forum, forum.as_ref());
        self.forum = linked(self.ds, Kind::Agreement, Relation::SignedAt, Kind::Forum, at, true);
        self
    }

    /// Keeps agreements with a dated milestone, or a forum date, that lies wholly within
    /// `[from, to]`: every day the date can mean is in the range ("in 2022" is in 2022,
    /// not in January 2022). Dates whose year the text leaves unknown never match.
    ///
    /// ```
    /// use china_singapore::CalendarDate;
    /// let ds = china_singapore::dataset();
    /// let (from, to) = ("2020-01-01".parse().unwrap(), "2020-12-31".parse().unwrap());
    /// assert!(ds.agreement_filter().between(from, to).iter().any(|a| a.id == "depa"));
    /// ```
    pub fn between(mut self, from: CalendarDate, to: CalendarDate) -> Self {
        self.date = Some(range(self.ds, Kind::Agreement, from, to));
        self
    }

    /// The matching agreements, in file order.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.agreement_filter().iter().count(), ds.agreements().len());
    /// ```
    pub fn iter(&self) -> Matches<'a, Agreement> {
        let conds = [self.kind, self.sector, self.party, self.country, self.forum];
        run(self.ds.agreements().as_slice(), conds, self.date)
    }
}

impl fmt::Debug for AgreementFilter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let conds = [
            ("kind", &self.kind),
            ("sector", &self.sector),
            ("party", &self.party),
            ("country", &self.country),
            ("forum", &self.forum),
        ];
        debug_conditions(f, "AgreementFilter", conds, self.date.is_some())
    }
}

/// Filters forums by place (including everything within it), parent event (at any
/// depth), organisation, kind and date. Start one with [`Dataset::forum_filter`].
///
/// ```
/// let ds = china_singapore::dataset();
/// assert!(ds.forum_filter().place("shanghai").iter().count() >= 1);
/// ```
#[derive(Clone)]
pub struct ForumFilter<'a> {
    ds: &'a Dataset,
    place: Cond<'a>,
    parent: Cond<'a>,
    organization: Cond<'a>,
    kind: Cond<'a>,
    date: Option<DateRange<'a>>,
    unknown: Unknown,
}

impl<'a> ForumFilter<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Self {
        let unset = Cond::Unset;
        let unknown = Unknown::default();
        Self { ds, place: unset, parent: unset, organization: unset, kind: unset, date: None, unknown }
    }

    /// Keeps forums held in this place (by id, name or alias) or in a place within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.forum_filter().place("singapore").iter().any(|f| f.id == "jcbc-18"));
    /// ```
    pub fn place(mut self, place: impl AsRef<str>) -> Self {
        let at = self.unknown.resolve(self.ds, "place", Kind::Place, place.as_ref());
        self.place = linked(self.ds, Kind::Forum, Relation::Place, Kind::Place, at, true);
        self
    }

    /// Keeps forums that are part of this event (by id, name or alias), directly or through
    /// another.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.forum_filter().parent("ciie-4").iter().any(|f| f.id == "trade-in-services-forum-4"));
    /// ```
    pub fn parent(mut self, forum: impl AsRef<str>) -> Self {
        let at = self.unknown.resolve(self.ds, "parent", Kind::Forum, forum.as_ref());
        self.parent = linked(self.ds, Kind::Forum, Relation::ParentEvent, Kind::Forum, at, true);
        self
    }

    /// Keeps forums this organisation (by id, name or alias) hosts, organises or partners,
    /// and meetings of it (of a council such as the JCBC).
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let ids: Vec<&str> = ds.forum_filter().organization("Yicai Media Group").iter().map(|f| f.id.as_str()).collect();
    /// assert_eq!(ids, ["trade-in-services-forum-4"]);
    /// assert!(ds.forum_filter().organization("JCBC").iter().any(|f| f.id == "jcbc-18"));
    /// ```
    pub fn organization(mut self, organization: impl AsRef<str>) -> Self {
        let at = self.unknown.resolve(self.ds, "organization", Kind::Organization, organization.as_ref());
        self.organization = entry(&self.ds.links().forums_by_org, at);
        self
    }

    /// Keeps forums of this kind.
    ///
    /// ```
    /// use china_singapore::ForumKind;
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.forum_filter().kind(ForumKind::Expo).iter().count(), 1);
    /// ```
    pub fn kind(mut self, kind: ForumKind) -> Self {
        self.kind = facet(&self.ds.links().forums_by_kind, &kind);
        self
    }

    /// Keeps forums whose date lies wholly within `[from, to]` (every day it can mean is in
    /// the range). Unknown years never match.
    ///
    /// ```
    /// use china_singapore::CalendarDate;
    /// let ds = china_singapore::dataset();
    /// let (from, to) = ("2021-01-01".parse().unwrap(), "2021-12-31".parse().unwrap());
    /// assert!(ds.forum_filter().between(from, to).iter().any(|f| f.id == "trade-in-services-forum-4"));
    /// ```
    pub fn between(mut self, from: CalendarDate, to: CalendarDate) -> Self {
        self.date = Some(range(self.ds, Kind::Forum, from, to));
        self
    }

    /// Keeps forums held on this day, as far as the text says: a date known only to the
    /// month or year ("yesterday" in an article whose day is not given) is not on any day.
    ///
    /// ```
    /// use china_singapore::CalendarDate;
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.forum_filter().on("2021-11-04".parse().unwrap()).iter().count(), 0);
    /// ```
    pub fn on(self, day: CalendarDate) -> Self {
        self.between(day, day)
    }

    /// The matching forums, in file order.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.forum_filter().iter().count(), ds.forums().len());
    /// ```
    pub fn iter(&self) -> Matches<'a, Forum> {
        run(self.ds.forums().as_slice(), [self.place, self.parent, self.organization, self.kind], self.date)
    }
}

impl fmt::Debug for ForumFilter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let conds = [
            ("place", &self.place),
            ("parent", &self.parent),
            ("organization", &self.organization),
            ("kind", &self.kind),
        ];
        debug_conditions(f, "ForumFilter", conds, self.date.is_some())
    }
}

/// Filters speakers by forum (including events within it), organisation and role.
/// Start one with [`Dataset::speaker_filter`].
///
/// ```
/// use china_singapore::SpeakerRole;
/// let ds = china_singapore::dataset();
/// let keynotes = ds.speaker_filter().forum("trade-in-services-forum-4").role(SpeakerRole::Keynote);
/// assert_eq!(keynotes.iter().count(), 4);
/// ```
#[derive(Clone)]
pub struct SpeakerFilter<'a> {
    ds: &'a Dataset,
    forum: Cond<'a>,
    organization: Cond<'a>,
    role: Cond<'a>,
    unknown: Unknown,
}

impl<'a> SpeakerFilter<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Self {
        let unset = Cond::Unset;
        Self { ds, forum: unset, organization: unset, role: unset, unknown: Unknown::default() }
    }

    /// Keeps people who spoke at this forum (by id, name or alias) or at an event within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.speaker_filter().forum("trade-in-services-forum-4").iter().any(|s| s.id == "yang-yudong"));
    /// ```
    pub fn forum(mut self, forum: impl AsRef<str>) -> Self {
        let at = self.unknown.resolve(self.ds, "forum", Kind::Forum, forum.as_ref());
        self.forum = linked(self.ds, Kind::Speaker, Relation::SpokeAt, Kind::Forum, at, true);
        self
    }

    /// Keeps people holding a post in this organisation (by id, name or alias).
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.speaker_filter().organization("yicai-media-group").iter().any(|s| s.name == "Yang Yudong"));
    /// ```
    pub fn organization(mut self, organization: impl AsRef<str>) -> Self {
        let at = self.unknown.resolve(self.ds, "organization", Kind::Organization, organization.as_ref());
        self.organization = linked(self.ds, Kind::Speaker, Relation::PostIn, Kind::Organization, at, false);
        self
    }

    /// Keeps people who played this role.
    ///
    /// ```
    /// use china_singapore::SpeakerRole;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.speaker_filter().role(SpeakerRole::Signatory).iter().any(|s| s.name == "Chua Teng Hoe"));
    /// ```
    pub fn role(mut self, role: SpeakerRole) -> Self {
        self.role = facet(&self.ds.links().speakers_by_role, &role);
        self
    }

    /// The matching speakers, in file order.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.speaker_filter().iter().count(), ds.speakers().len());
    /// ```
    pub fn iter(&self) -> Matches<'a, Speaker> {
        run(self.ds.speakers().as_slice(), [self.forum, self.organization, self.role], None)
    }
}

impl fmt::Debug for SpeakerFilter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let conds = [("forum", &self.forum), ("organization", &self.organization), ("role", &self.role)];
        debug_conditions(f, "SpeakerFilter", conds, false)
    }
}

macro_rules! into_iter {
    ($($f:ident => $t:ty, $unknown:literal),+ $(,)?) => {$(
        impl<'a> $f<'a> {
            /// The matching records, like `iter`; or, if an id or name given to this filter
            /// matched no record, an error naming it with the closest names (where `iter`
            /// would quietly match nothing).
            ///
            /// ```
            /// let ds = china_singapore::dataset();
            #[doc = concat!("let err = ds.", $unknown, ".try_iter().unwrap_err();")]
            /// assert!(!err.suggestions.is_empty());
            #[doc = concat!("assert_eq!(ds.", $unknown, ".iter().count(), 0);")]
            /// ```
            ///
            /// # Errors
            ///
            /// [`NotFound`] for the first id or name that matched nothing.
            pub fn try_iter(&self) -> Result<Matches<'a, $t>, NotFound> {
                self.unknown.check(self.ds)?;
                Ok(self.iter())
            }
        }

        impl<'a> IntoIterator for $f<'a> {
            type Item = &'a $t;
            type IntoIter = Matches<'a, $t>;
            fn into_iter(self) -> Self::IntoIter {
                self.iter()
            }
        }

        /// Serialises as the sequence of matching records.
        impl serde::Serialize for $f<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.iter().serialize(s)
            }
        }
    )+};
}
into_iter!(
    ProjectFilter => Project, "project_filter().place(\"Guangzhuo\")",
    AgreementFilter => Agreement, "agreement_filter().party(\"Singapore Exchnage\")",
    ForumFilter => Forum, "forum_filter().parent(\"China International Import Expo 4\")",
    SpeakerFilter => Speaker, "speaker_filter().forum(\"4th Trade in Services Forum\")",
);
