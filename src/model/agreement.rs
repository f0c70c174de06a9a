use core::fmt;

use serde::{Deserialize, Serialize};

use super::{
    AgreementId, Alias, Basis, Count, Country, Describe, EventKind, ForumId, Kind, Link, NameSource, OrganizationId,
    PartialDate, PlaceId, ProjectId, Quote, Ref, Relation, Role, Sector, SpeakerId, Target, Visitor, impl_record,
};

closed_enum! {
    /// What kind of instrument an [`Agreement`] is.
    #[non_exhaustive]
    pub enum AgreementKind {
        /// A memorandum of understanding.
        Mou = "mou",
        /// A cooperation agreement.
        CooperationAgreement = "cooperation-agreement",
        /// A strategic agreement.
        StrategicAgreement = "strategic-agreement",
        /// Commercial contracts.
        Contracts = "contracts",
        /// A set of agreements counted together, not each named.
        Package = "package",
        /// A provincial regulation (legislation).
        ProvincialRegulation = "provincial-regulation",
        /// A bilateral free trade agreement.
        FreeTradeAgreement = "free-trade-agreement",
        /// A plurilateral trade or economic partnership agreement.
        TradeAgreement = "trade-agreement",
    }
}

/// A party to an agreement: an organisation, or a country as a state.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum Party {
    /// An organisation record.
    Organization(OrganizationId),
    /// A country acting as a state.
    Country(Country),
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Party::Organization(id) => write!(f, "{id}"),
            Party::Country(c) => write!(f, "{c}"),
        }
    }
}

/// A party and how it is known. In JSON `{"organization": "sp-group", "basis": "stated"}`
/// or `{"country": "singapore", "basis": "context"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawParty", into = "RawParty")]
#[non_exhaustive]
pub struct PartyRef {
    /// The party.
    pub party: Party,
    /// How it is known.
    pub basis: Basis,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParty {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    organization: Option<OrganizationId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    country: Option<Country>,
    basis: Basis,
}

impl TryFrom<RawParty> for PartyRef {
    type Error = String;
    fn try_from(r: RawParty) -> Result<Self, String> {
        let party = match (r.organization, r.country) {
            (Some(o), None) => Party::Organization(o),
            (None, Some(c)) => Party::Country(c),
            _ => return Err("a party names an `organization` and a `country`, or neither; expected exactly one".into()),
        };
        Ok(PartyRef { party, basis: r.basis })
    }
}

impl From<PartyRef> for RawParty {
    fn from(p: PartyRef) -> Self {
        let (organization, country) = match p.party {
            Party::Organization(o) => (Some(o), None),
            Party::Country(c) => (None, Some(c)),
        };
        RawParty { organization, country, basis: p.basis }
    }
}

impl PartyRef {
    /// The party as a link.
    pub(crate) fn link(&self, relation: Relation, field: &'static str) -> Link<'_> {
        let target = match &self.party {
            Party::Organization(o) => Target::Record(Kind::Organization, o.as_str()),
            Party::Country(c) => Target::Country(*c),
        };
        Link::target(relation, field, target, self.basis)
    }
}

closed_enum! {
    /// The part an organisation other than a party plays in an agreement.
    #[non_exhaustive]
    pub enum AgreementRole {
        /// Receives authority the agreement (a regulation) delegates.
        Delegate = "delegate",
    }
}

/// An organisation named by an agreement in a role other than party.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AgreementInvolvement {
    /// The organisation.
    pub organization: OrganizationId,
    /// Its role.
    pub role: AgreementRole,
    /// How the role is known.
    pub basis: Basis,
}

/// A dated event in an agreement's life.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Milestone {
    /// What happened: one of the agreement events of [`EventKind`] (signed, in force,
    /// takes effect, upgrade talks announced, presidency taken over).
    pub event: EventKind,
    /// When, as the text gives it.
    #[serde(default)]
    pub date: Option<PartialDate>,
    /// The party concerned, where one is (e.g. who takes over a presidency).
    #[serde(default)]
    pub party: Option<PartyRef>,
    /// What the event (e.g. upgrade talks) is for, as the text words it.
    #[serde(default)]
    pub aims: Vec<String>,
}

/// An agreement: an MOU, contract, strategic agreement, regulation or trade agreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Agreement {
    /// The id, e.g. `rcep`.
    pub id: AgreementId,
    /// The canonical name.
    pub name: String,
    /// Whether the text gives the name or it describes the agreement.
    #[serde(default, skip_serializing_if = "NameSource::is_text")]
    pub name_source: NameSource,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<Alias>,
    /// What kind of instrument.
    pub kind: AgreementKind,
    /// Fields it concerns.
    #[serde(default)]
    pub sectors: Vec<Sector>,
    /// Its parties (members, for a trade agreement), as far as the text names them.
    #[serde(default)]
    pub parties: Vec<PartyRef>,
    /// The people who signed it.
    #[serde(default)]
    pub signatories: Vec<Ref<SpeakerId>>,
    /// Organisations named in other roles.
    #[serde(default)]
    pub organizations: Vec<AgreementInvolvement>,
    /// The meeting where it was signed.
    #[serde(default)]
    pub forum: Option<Ref<ForumId>>,
    /// The package of agreements it belongs to.
    #[serde(default)]
    pub part_of: Option<Ref<AgreementId>>,
    /// The place whose law it is (for a regulation).
    #[serde(default)]
    pub jurisdiction: Option<Ref<PlaceId>>,
    /// The projects it concerns.
    #[serde(default)]
    pub projects: Vec<Ref<ProjectId>>,
    /// Dated events: signed, in force, talks announced, …
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Counted figures (e.g. 19 agreements, 21 groups in three batches).
    #[serde(default)]
    pub counts: Vec<Count>,
    /// How the text describes it.
    #[serde(default)]
    pub description: Option<String>,
    /// What it is for, as the text words it.
    #[serde(default)]
    pub aims: Vec<String>,
    /// What it has achieved, as the text words it.
    #[serde(default)]
    pub achievements: Vec<String>,
    /// Verbatim passages.
    pub quotes: Vec<Quote>,
}

impl_record!(Agreement, Kind::Agreement, name);

impl Describe for Agreement {
    fn describe<'r>(&'r self, v: &mut dyn Visitor<'r>) {
        for p in &self.parties {
            v.link(p.link(Relation::Party, "parties"));
        }
        for s in &self.signatories {
            v.link(Link::to(Relation::Signatory, "signatories", Kind::Speaker, s));
        }
        for inv in &self.organizations {
            let target = Target::Record(Kind::Organization, inv.organization.as_str());
            let link = Link::target(Relation::Involves, "organizations", target, inv.basis);
            v.link(link.with_role(Role::Agreement(inv.role)));
        }
        if let Some(f) = &self.forum {
            v.link(Link::to(Relation::SignedAt, "forum", Kind::Forum, f));
        }
        if let Some(p) = &self.part_of {
            v.link(Link::to(Relation::PartOf, "part_of", Kind::Agreement, p));
        }
        if let Some(j) = &self.jurisdiction {
            v.link(Link::to(Relation::Jurisdiction, "jurisdiction", Kind::Place, j));
        }
        for p in &self.projects {
            v.link(Link::to(Relation::Concerns, "projects", Kind::Project, p));
        }
        super::project::texts(v, self.description.as_deref(), &self.aims, &self.achievements);
        for m in &self.milestones {
            for a in &m.aims {
                v.text(super::TextKind::Aim, a);
            }
            if let Some(p) = &m.party {
                v.link(p.link(Relation::MilestoneParty, "milestones.party"));
            }
            if !m.event.is_milestone() {
                v.problem(
                    Some(m.event.as_str()),
                    format!("`{}` is not something that happens to an agreement", m.event),
                );
            }
            if let Some(d) = &m.date {
                v.date(m.event, d);
            }
        }
        for c in &self.counts {
            c.describe(v);
        }
    }
}

impl Agreement {
    /// The first milestone of this kind: when it was signed, came into force, …
    ///
    /// ```
    /// use china_singapore::model::EventKind;
    /// let depa = china_singapore::dataset().agreements().by_name("DEPA").unwrap();
    /// let signed = depa.milestone(EventKind::Signed).unwrap();
    /// assert_eq!(signed.date.as_ref().unwrap().as_written, "June 12 last year");
    /// assert!(depa.milestone(EventKind::InForce).is_none());
    /// ```
    pub fn milestone(&self, kind: EventKind) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.event == kind)
    }

    /// The first count of the given unit, e.g. the agreements signed in a package.
    ///
    /// ```
    /// use china_singapore::model::CountUnit;
    /// let ds = china_singapore::dataset();
    /// let contracts = ds.agreements().by_id("forum-contracts").unwrap();
    /// assert_eq!(contracts.count(CountUnit::Groups).unwrap().value, 21);
    /// ```
    pub fn count(&self, unit: super::CountUnit) -> Option<&Count> {
        super::common::count_of(&self.counts, unit)
    }

    /// The organisations playing this role (other than party) in the agreement, in order.
    ///
    /// ```
    /// use china_singapore::model::AgreementRole;
    /// let ds = china_singapore::dataset();
    /// let regs = ds.agreements().by_id("regulations-on-csgkc").unwrap();
    /// let delegates: Vec<&str> = regs.organizations_in(AgreementRole::Delegate).map(|o| o.as_str()).collect();
    /// assert_eq!(delegates, ["csgks-management-committee"]);
    /// ```
    pub fn organizations_in(&self, role: AgreementRole) -> impl Iterator<Item = &OrganizationId> {
        self.organizations.iter().filter(move |o| o.role == role).map(|o| &o.organization)
    }
}

impl fmt::Display for Agreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] — {}", self.name, self.id, self.kind)?;
        for m in &self.milestones {
            if let Some(d) = &m.date {
                write!(f, "; {} {d}", m.event)?;
            }
        }
        Ok(())
    }
}
