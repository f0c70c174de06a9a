//! The filter builders: [`ProjectFilter`], [`AgreementFilter`], [`ForumFilter`] and
//! [`SpeakerFilter`].

use std::collections::HashMap;
use std::hash::Hash;

use super::select::{Constraints, DateRange, Select};
use crate::Dataset;
use crate::index::Table;
use crate::index::links::{DateIndex, Postings};
use crate::model::{
    Agreement, AgreementKind, CalendarDate, Country, Forum, Project, Record, Sector, Speaker, SpeakerRole,
};

/// The records a filter matches. Created by a filter's `iter`. Serialises as a sequence
/// of the records it has yet to yield.
///
/// ```
/// use china_singapore::Sector;
/// let ds = china_singapore::dataset();
/// let json = serde_json::to_value(ds.project_filter().sector(Sector::Biomedicine).iter()).unwrap();
/// assert_eq!(json.as_array().unwrap().len(), 2);
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

impl<'a, T> Iterator for Matches<'a, T> {
    type Item = &'a T;
    fn next(&mut self) -> Option<&'a T> {
        let i = self.select.next()?;
        self.records.get(i as usize)
    }
}

/// A condition on one dimension: unset, a posting list, or an unknown key (matches nothing).
type Cond<'a> = Option<Option<&'a [u32]>>;

fn by_id<'a, T: Record>(table: &Table<T>, lists: &'a [Postings], id: &str) -> Option<&'a [u32]> {
    table.position(id).and_then(|i| lists.get(i as usize)).map(Vec::as_slice)
}

fn by_key<'a, K: Hash + Eq>(map: &'a HashMap<K, Postings>, key: &K) -> Option<&'a [u32]> {
    Some(map.get(key).map_or(&[][..], Vec::as_slice))
}

fn range(index: &DateIndex, from: CalendarDate, to: CalendarDate) -> DateRange<'_> {
    DateRange { index, from: from.key(), to: to.key() }
}

fn run<'a, T>(records: &'a [T], conds: &[Cond<'a>], date: Option<DateRange<'a>>) -> Matches<'a, T> {
    let mut c = Constraints::default();
    for cond in conds.iter().flatten() {
        c.require(*cond);
    }
    if let Some(d) = date {
        c.date(d);
    }
    Matches { records, select: c.run(records.len()) }
}

/// Filters projects by sector, place (including everything within it), organisation
/// involved and country. Start one with [`Dataset::project_filter`].
///
/// ```
/// use china_singapore::Sector;
/// let ds = china_singapore::dataset();
/// let bio: Vec<&str> = ds.project_filter().sector(Sector::Biomedicine).iter().map(|p| p.name.as_str()).collect();
/// assert!(bio.len() >= 2);
/// ```
#[derive(Clone, Copy)]
pub struct ProjectFilter<'a> {
    ds: &'a Dataset,
    sector: Cond<'a>,
    place: Cond<'a>,
    organization: Cond<'a>,
    country: Cond<'a>,
}

impl<'a> ProjectFilter<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Self {
        Self { ds, sector: None, place: None, organization: None, country: None }
    }

    /// Keeps projects filed under this sector.
    ///
    /// ```
    /// use china_singapore::Sector;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.project_filter().sector(Sector::FinancialServices).iter().any(|p| p.id.as_str() == "green-bond-issuance"));
    /// ```
    pub fn sector(mut self, sector: Sector) -> Self {
        self.sector = Some(by_key(&self.ds.links.projects_by_sector, &sector));
        self
    }

    /// Keeps projects in this place (by id) or in any place within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let in_gba = ds.project_filter().place("greater-bay-area").iter().count();
    /// let in_china = ds.project_filter().place("china").iter().count();
    /// assert!(in_gba > 0 && in_china >= in_gba);
    /// ```
    pub fn place(mut self, place_id: &str) -> Self {
        self.place = Some(by_id(&self.ds.places, &self.ds.links.projects_by_place, place_id));
        self
    }

    /// Keeps projects this organisation (by id) is involved in, in any role.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.project_filter().organization("sp-group").iter().any(|p| p.id.as_str() == "regional-energy-projects"));
    /// ```
    pub fn organization(mut self, organization_id: &str) -> Self {
        self.organization = Some(by_id(&self.ds.organizations, &self.ds.links.projects_by_org, organization_id));
        self
    }

    /// Keeps projects located in this country or involving an organisation from it.
    ///
    /// ```
    /// use china_singapore::Country;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.project_filter().country(Country::Singapore).iter().any(|p| p.id.as_str() == "nus-guangzhou-innovation-institute"));
    /// ```
    pub fn country(mut self, country: Country) -> Self {
        self.country = Some(by_key(&self.ds.links.projects_by_country, &country));
        self
    }

    /// The matching projects, in file order.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.project_filter().iter().count(), ds.projects().len());
    /// ```
    pub fn iter(&self) -> Matches<'a, Project> {
        run(self.ds.projects.as_slice(), &[self.sector, self.place, self.organization, self.country], None)
    }
}

/// Filters agreements by kind, party, forum (including events within it) and date range.
/// Start one with [`Dataset::agreement_filter`].
///
/// ```
/// use china_singapore::AgreementKind;
/// let ds = china_singapore::dataset();
/// assert!(ds.agreement_filter().kind(AgreementKind::Mou).iter().count() >= 3);
/// ```
#[derive(Clone, Copy)]
pub struct AgreementFilter<'a> {
    ds: &'a Dataset,
    kind: Cond<'a>,
    party: Cond<'a>,
    country: Cond<'a>,
    forum: Cond<'a>,
    date: Option<DateRange<'a>>,
}

impl<'a> AgreementFilter<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Self {
        Self { ds, kind: None, party: None, country: None, forum: None, date: None }
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
        self.kind = Some(by_key(&self.ds.links.agreements_by_kind, &kind));
        self
    }

    /// Keeps agreements this organisation (by id) is party to, is named in, or signed
    /// through one of its people.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.agreement_filter().party("bank-of-communications").iter().any(|a| a.id.as_str() == "sip-strategic-agreement"));
    /// ```
    pub fn party(mut self, organization_id: &str) -> Self {
        self.party = Some(by_id(&self.ds.organizations, &self.ds.links.agreements_by_org, organization_id));
        self
    }

    /// Keeps agreements to which this country is party as a state.
    ///
    /// ```
    /// use china_singapore::Country;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.agreement_filter().country(Country::Chile).iter().any(|a| a.id.as_str() == "depa"));
    /// ```
    pub fn country(mut self, country: Country) -> Self {
        self.country = Some(by_key(&self.ds.links.agreements_by_country, &country));
        self
    }

    /// Keeps agreements signed at this forum (by id) or at an event within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.agreement_filter().forum("jcbc-18").iter().count() >= 2);
    /// ```
    pub fn forum(mut self, forum_id: &str) -> Self {
        self.forum = Some(by_id(&self.ds.forums, &self.ds.links.agreements_by_forum, forum_id));
        self
    }

    /// Keeps agreements with a dated milestone, or a forum date, that overlaps
    /// `[from, to]`. Dates whose year the text leaves unknown never match.
    ///
    /// ```
    /// use china_singapore::CalendarDate;
    /// let ds = china_singapore::dataset();
    /// let (from, to) = (CalendarDate::new(2020, 1, 1).unwrap(), CalendarDate::new(2020, 12, 31).unwrap());
    /// assert!(ds.agreement_filter().between(from, to).iter().any(|a| a.id.as_str() == "depa"));
    /// ```
    pub fn between(mut self, from: CalendarDate, to: CalendarDate) -> Self {
        self.date = Some(range(&self.ds.links.agreement_dates, from, to));
        self
    }

    /// The matching agreements.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.agreement_filter().iter().count(), ds.agreements().len());
    /// ```
    pub fn iter(&self) -> Matches<'a, Agreement> {
        run(self.ds.agreements.as_slice(), &[self.kind, self.party, self.country, self.forum], self.date)
    }
}

/// Filters forums by place (including everything within it), date and parent event
/// (at any depth). Start one with [`Dataset::forum_filter`].
///
/// ```
/// let ds = china_singapore::dataset();
/// assert!(ds.forum_filter().place("shanghai").iter().count() >= 1);
/// ```
#[derive(Clone, Copy)]
pub struct ForumFilter<'a> {
    ds: &'a Dataset,
    place: Cond<'a>,
    parent: Cond<'a>,
    date: Option<DateRange<'a>>,
}

impl<'a> ForumFilter<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Self {
        Self { ds, place: None, parent: None, date: None }
    }

    /// Keeps forums held in this place (by id) or in a place within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.forum_filter().place("singapore").iter().any(|f| f.id.as_str() == "jcbc-18"));
    /// ```
    pub fn place(mut self, place_id: &str) -> Self {
        self.place = Some(by_id(&self.ds.places, &self.ds.links.forums_by_place, place_id));
        self
    }

    /// Keeps forums that are part of this event (by id), directly or through another.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.forum_filter().parent("ciie-4").iter().any(|f| f.id.as_str() == "trade-in-services-forum-4"));
    /// ```
    pub fn parent(mut self, forum_id: &str) -> Self {
        self.parent = Some(by_id(&self.ds.forums, &self.ds.links.forums_by_parent, forum_id));
        self
    }

    /// Keeps forums whose date overlaps `[from, to]`. Unknown years never match.
    ///
    /// ```
    /// use china_singapore::CalendarDate;
    /// let ds = china_singapore::dataset();
    /// let (from, to) = (CalendarDate::new(2021, 1, 1).unwrap(), CalendarDate::new(2021, 12, 31).unwrap());
    /// assert!(ds.forum_filter().between(from, to).iter().any(|f| f.id.as_str() == "trade-in-services-forum-4"));
    /// ```
    pub fn between(mut self, from: CalendarDate, to: CalendarDate) -> Self {
        self.date = Some(range(&self.ds.links.forum_dates, from, to));
        self
    }

    /// Keeps forums whose date could be this day.
    ///
    /// ```
    /// use china_singapore::CalendarDate;
    /// let ds = china_singapore::dataset();
    /// // The forum was "yesterday" in a 2021 article: any 2021 day may match, none of 2020.
    /// assert_eq!(ds.forum_filter().on(CalendarDate::new(2020, 11, 5).unwrap()).iter().count(), 0);
    /// ```
    pub fn on(self, day: CalendarDate) -> Self {
        self.between(day, day)
    }

    /// The matching forums.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.forum_filter().iter().count(), ds.forums().len());
    /// ```
    pub fn iter(&self) -> Matches<'a, Forum> {
        run(self.ds.forums.as_slice(), &[self.place, self.parent], self.date)
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
#[derive(Clone, Copy)]
pub struct SpeakerFilter<'a> {
    ds: &'a Dataset,
    forum: Cond<'a>,
    organization: Cond<'a>,
    role: Cond<'a>,
}

impl<'a> SpeakerFilter<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Self {
        Self { ds, forum: None, organization: None, role: None }
    }

    /// Keeps people who spoke at this forum (by id) or at an event within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.speaker_filter().forum("trade-in-services-forum-4").iter().any(|s| s.id.as_str() == "yang-yudong"));
    /// ```
    pub fn forum(mut self, forum_id: &str) -> Self {
        self.forum = Some(by_id(&self.ds.forums, &self.ds.links.speakers_by_forum, forum_id));
        self
    }

    /// Keeps people holding a post in this organisation (by id).
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.speaker_filter().organization("yicai-media-group").iter().any(|s| s.name == "Yang Yudong"));
    /// ```
    pub fn organization(mut self, organization_id: &str) -> Self {
        self.organization = Some(by_id(&self.ds.organizations, &self.ds.links.speakers_by_org, organization_id));
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
        self.role = Some(by_key(&self.ds.links.speakers_by_role, &role));
        self
    }

    /// The matching speakers.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.speaker_filter().iter().count(), ds.speakers().len());
    /// ```
    pub fn iter(&self) -> Matches<'a, Speaker> {
        run(self.ds.speakers.as_slice(), &[self.forum, self.organization, self.role], None)
    }
}

impl<T: serde::Serialize> serde::Serialize for Matches<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.clone())
    }
}

macro_rules! into_iter {
    ($($f:ident => $t:ty),+) => {$(
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
into_iter!(ProjectFilter => Project, AgreementFilter => Agreement, ForumFilter => Forum, SpeakerFilter => Speaker);
