//! [`AgreementFilter`], and the lists its conditions read.

use hashbrown::HashMap;

use super::conditions::{Cond, Conditions, entry, facet, filter_common};
use crate::Dataset;
use crate::index::Tables;
use crate::index::links::{DateIndex, Links, Postings, push, push_sorted};
use crate::model::{Agreement, AgreementKind, CalendarDate, Country, Kind, Party, Relation, Sector};

/// What the agreement conditions read, beyond the shared link lists.
#[derive(Clone, Debug, Default)]
pub(crate) struct AgreementIndex {
    by_kind: HashMap<AgreementKind, Postings>,
    by_sector: HashMap<Sector, Postings>,
    /// Per organisation: the agreements it is a party to.
    parties: Vec<Postings>,
    /// Per organisation: the agreements it is a party to, is named in, or that one of its
    /// people signed.
    involving: Vec<Postings>,
    /// Each agreement's milestone dates and the date of the meeting it was signed at.
    dates: DateIndex,
}

impl AgreementIndex {
    pub(crate) fn build(t: &Tables, _links: &Links) -> Self {
        let n = t.organizations.len();
        let mut index =
            AgreementIndex { parties: vec![Vec::new(); n], involving: vec![Vec::new(); n], ..Self::default() };
        let mut dates = Vec::with_capacity(t.agreements.len());
        for (i, a) in t.agreements.iter().enumerate() {
            let i = i as u32;
            push(&mut index.by_kind, a.kind, i);
            for s in &a.sectors {
                push(&mut index.by_sector, *s, i);
            }
            let parties: Vec<u32> = a
                .parties
                .iter()
                .filter_map(|p| match &p.party {
                    Party::Organization(o) => t.organizations.position(o.as_str()),
                    Party::Country(_) => None,
                })
                .collect();
            let named = a.organizations.iter().filter_map(|x| t.organizations.position(x.organization.as_str()));
            let signers = a.signatories.iter().filter_map(|s| t.speakers.by_id(s)).flat_map(|s| s.organizations());
            let signers = signers.filter_map(|o| t.organizations.position(o.as_str()));
            let mut involving: Vec<u32> = parties.iter().copied().chain(named).chain(signers).collect();
            involving.sort_unstable();
            involving.dedup();
            for o in parties {
                push_sorted(&mut index.parties[o as usize], i);
            }
            for o in involving {
                push_sorted(&mut index.involving[o as usize], i);
            }
            // An agreement signed at a meeting is dated by the meeting too: the text says it
            // was signed there.
            let own = a.milestones.iter().filter_map(|m| m.date.as_ref());
            let meeting = a.forum.as_ref().and_then(|f| t.forums.by_id(f)?.date.as_ref());
            dates.push(own.chain(meeting).collect());
        }
        index.dates = DateIndex::build(dates);
        index
    }
}

/// Filters agreements. Start one with [`Dataset::agreement_filter`]; each method sets one
/// condition (see [the filter rules](crate::guide#filters)).
///
/// ```
/// use china_singapore::model::AgreementKind;
/// let ds = china_singapore::dataset();
/// assert!(ds.agreement_filter().kind(AgreementKind::Mou).iter().count() >= 3);
/// ```
#[derive(Clone)]
#[must_use = "a filter does nothing until iterated"]
pub struct AgreementFilter<'a> {
    ds: &'a Dataset,
    conditions: Conditions<'a, 8>,
}

/// The filter's conditions, by the name of the method that sets each.
const AGREEMENT_CONDITIONS: [&str; 8] =
    ["kind", "sector", "party", "involving", "country", "signed_by", "forum", "part_of"];

filter_common!(AgreementFilter => Agreement, agreements, agreement_filter, "agreement_filter().party(\"Singapore Exchnage\")");

impl<'a> AgreementFilter<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Self {
        Self { ds, conditions: Conditions::new(&AGREEMENT_CONDITIONS) }
    }

    fn index(&self) -> &'a AgreementIndex {
        &self.ds.links().agreements
    }

    /// Keeps agreements of this kind.
    ///
    /// ```
    /// use china_singapore::model::AgreementKind;
    /// let ds = china_singapore::dataset();
    /// let ids: Vec<&str> = ds.agreement_filter().kind(AgreementKind::StrategicAgreement).iter().map(|a| a.id.as_str()).collect();
    /// assert_eq!(ids, ["sip-strategic-agreement"]);
    /// ```
    pub fn kind(mut self, kind: AgreementKind) -> Self {
        self.conditions.set("kind", facet(&self.index().by_kind, &kind));
        self
    }

    /// Keeps agreements filed under this sector.
    ///
    /// ```
    /// use china_singapore::model::Sector;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.agreement_filter().sector(Sector::DigitalEconomy).iter().any(|a| a.id == "depa"));
    /// ```
    pub fn sector(mut self, sector: Sector) -> Self {
        self.conditions.set("sector", facet(&self.index().by_sector, &sector));
        self
    }

    /// Keeps agreements to which this organisation (by id, name or alias) is a party. For
    /// states, see [`AgreementFilter::country`]; for organisations named in an agreement in
    /// other roles, [`AgreementFilter::involving`].
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let ids: Vec<&str> = ds.agreement_filter().party("SGX").iter().map(|a| a.id.as_str()).collect();
    /// assert!(ids.contains(&"sgx-green-bond-mou"));
    /// ```
    pub fn party(mut self, organization: impl AsRef<str>) -> Self {
        let lists = &self.index().parties;
        self.conditions.resolve(self.ds, "party", Kind::Organization, organization.as_ref(), |at| entry(lists, at));
        self
    }

    /// Keeps agreements that involve this organisation (by id, name or alias): it is a
    /// party, it is named in the agreement in another role, or one of its people signed it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let involving = ds.agreement_filter().involving("bank-of-communications").iter().count();
    /// let party = ds.agreement_filter().party("bank-of-communications").iter().count();
    /// assert!(involving >= party && involving > 0);
    /// ```
    pub fn involving(mut self, organization: impl AsRef<str>) -> Self {
        let lists = &self.index().involving;
        self.conditions.resolve(self.ds, "involving", Kind::Organization, organization.as_ref(), |at| entry(lists, at));
        self
    }

    /// Keeps agreements to which this country is a party as a state.
    ///
    /// ```
    /// use china_singapore::model::Country;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.agreement_filter().country(Country::Chile).iter().any(|a| a.id == "depa"));
    /// ```
    pub fn country(mut self, country: Country) -> Self {
        let list = self.ds.links().country_sources(Kind::Agreement, Relation::Party, country);
        self.conditions.set("country", Cond::List(list));
        self
    }

    /// Keeps agreements this person (by id, name or alias) signed.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let signed: Vec<&str> = ds.agreement_filter().signed_by("Chua Teng Hoe").iter().map(|a| a.id.as_str()).collect();
    /// assert_eq!(signed, ["mou-service-industry-development"]);
    /// ```
    pub fn signed_by(mut self, speaker: impl AsRef<str>) -> Self {
        let link = (Kind::Agreement, Relation::Signatory, Kind::Speaker);
        self.conditions.resolve_link(self.ds, "signed_by", speaker.as_ref(), link, false);
        self
    }

    /// Keeps agreements signed at this forum (by id, name or alias) or at an event within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.agreement_filter().forum("jcbc-18").iter().any(|a| a.id == "mou-singapore-companies-csgks"));
    /// ```
    pub fn forum(mut self, forum: impl AsRef<str>) -> Self {
        let link = (Kind::Agreement, Relation::SignedAt, Kind::Forum);
        self.conditions.resolve_link(self.ds, "forum", forum.as_ref(), link, true);
        self
    }

    /// Keeps agreements part of this agreement (by id, name or alias), directly or through
    /// another: a package's parts.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.agreement_filter().part_of("jcbc-18-agreements").iter().any(|a| a.id == "mou-singapore-companies-csgks"));
    /// ```
    pub fn part_of(mut self, agreement: impl AsRef<str>) -> Self {
        let link = (Kind::Agreement, Relation::PartOf, Kind::Agreement);
        self.conditions.resolve_link(self.ds, "part_of", agreement.as_ref(), link, true);
        self
    }

    /// Keeps agreements with a date that lies wholly within `[from, to]`: a dated
    /// milestone, or the date of the meeting they were signed at: every day the date can mean is in the range ("in
    /// 2022" is in 2022, not in January 2022). Dates whose year the text leaves unknown
    /// never match.
    ///
    /// ```
    /// use china_singapore::model::CalendarDate;
    /// let ds = china_singapore::dataset();
    /// let (from, to) = ("2020-01-01".parse().unwrap(), "2020-12-31".parse().unwrap());
    /// assert!(ds.agreement_filter().between(from, to).iter().any(|a| a.id == "depa"));
    /// ```
    pub fn between(mut self, from: CalendarDate, to: CalendarDate) -> Self {
        self.conditions.between(&self.index().dates, from, to);
        self
    }
}
