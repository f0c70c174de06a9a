use core::fmt;

use serde::{Deserialize, Serialize};

use super::{
    AgreementId, Alias, Amount, Basis, CooperationLevel, Count, Describe, EventKind, Kind, Link, NameSource,
    OrganizationId, PartialDate, PlaceId, ProjectId, Quote, Ref, Relation, Role, Target, Visitor, impl_record,
};

closed_enum! {
    /// A field of cooperation.
    #[non_exhaustive]
    pub enum Sector {
        /// Biomedicine: cell therapy, drug production.
        Biomedicine = "biomedicine",
        /// The digital economy.
        DigitalEconomy = "digital-economy",
        /// Green development: energy, green finance.
        GreenDevelopment = "green-development",
        /// Financial services.
        FinancialServices = "financial-services",
        /// Scientific and technological innovation.
        ScienceAndTechnology = "science-and-technology",
        /// Smart cities.
        SmartCity = "smart-city",
        /// Trade in services.
        TradeInServices = "trade-in-services",
        /// Digital trade.
        DigitalTrade = "digital-trade",
        /// Education and the training of talent.
        Education = "education",
    }
}

closed_enum! {
    /// What kind of undertaking a [`Project`] is.
    #[non_exhaustive]
    pub enum ProjectKind {
        /// A city-scale cooperation zone, e.g. the Knowledge City.
        KnowledgeCity = "knowledge-city",
        /// An industrial or science park.
        Park = "park",
        /// A research or teaching institute.
        Institute = "institute",
        /// A demonstration zone.
        DemonstrationZone = "demonstration-zone",
        /// A production base.
        ProductionBase = "production-base",
        /// A delivery or service centre.
        Centre = "centre",
        /// A project a park has brought in.
        IndustrializationProject = "industrialization-project",
        /// Energy infrastructure.
        Energy = "energy",
        /// A building.
        Building = "building",
        /// A financing programme, e.g. bond issuance.
        Financing = "financing",
        /// A national or international initiative.
        Initiative = "initiative",
        /// A government pilot programme.
        Pilot = "pilot",
        /// An industry cluster.
        Cluster = "cluster",
    }
}

closed_enum! {
    /// How far along a project is, as the text reports it.
    #[non_exhaustive]
    pub enum ProjectStatus {
        /// Put forward as an idea or opportunity.
        Proposed = "proposed",
        /// Planned or agreed, not yet built.
        Planned = "planned",
        /// Being prepared to start ("about to recruit students").
        Preparing = "preparing",
        /// Built.
        Built = "built",
        /// Open or in operation.
        Operating = "operating",
    }
}

closed_enum! {
    /// The part an organisation plays in a project.
    #[non_exhaustive]
    pub enum ProjectRole {
        /// Administers the project area.
        Administrator = "administrator",
        /// Sets up or builds up the project.
        Developer = "developer",
        /// Invests in it.
        Investor = "investor",
        /// Constructs it.
        Builder = "builder",
        /// Operates it.
        Operator = "operator",
        /// Owns or runs it as its own.
        Owner = "owner",
        /// A cooperation partner.
        Partner = "partner",
        /// Takes part, e.g. by setting up projects in it.
        Participant = "participant",
    }
}

/// An organisation's part in a project, and how it is known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Involvement {
    /// The organisation.
    pub organization: OrganizationId,
    /// Its role.
    pub role: ProjectRole,
    /// How the role is known.
    pub basis: Basis,
}

closed_enum! {
    /// How a project relates to another project or to an agreement, in one direction.
    #[non_exhaustive]
    pub enum ProjectRelationKind {
        /// It starts from the other (regional energy projects "starting from the Knowledge
        /// Tower project").
        StartsFrom = "starts-from",
        /// It extends, or is to extend, to the other.
        ExtendsTo = "extends-to",
        /// It integrates the other's development strategy.
        Integrates = "integrates",
        /// It is set against the backdrop of the other.
        Backdrop = "backdrop",
    }
}

impl ProjectRelationKind {
    /// The link relation this is.
    pub(crate) fn relation(self) -> Relation {
        match self {
            ProjectRelationKind::StartsFrom => Relation::StartsFrom,
            ProjectRelationKind::ExtendsTo => Relation::ExtendsTo,
            ProjectRelationKind::Integrates => Relation::Integrates,
            ProjectRelationKind::Backdrop => Relation::Backdrop,
        }
    }
}

/// What a project relation points at.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RelatedTo {
    /// A project.
    Project(ProjectId),
    /// An agreement (the Knowledge City integrates RCEP).
    Agreement(AgreementId),
}

/// A directed relation from a project to another project or an agreement. In JSON:
/// `{"relation": "starts-from", "project": "knowledge-tower", "basis": "stated"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawRelation", into = "RawRelation")]
#[non_exhaustive]
pub struct ProjectRelation {
    /// How the two relate.
    pub relation: ProjectRelationKind,
    /// The other end.
    pub to: RelatedTo,
    /// How it is known.
    pub basis: Basis,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelation {
    relation: ProjectRelationKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    project: Option<ProjectId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agreement: Option<AgreementId>,
    basis: Basis,
}

impl TryFrom<RawRelation> for ProjectRelation {
    type Error = String;
    fn try_from(r: RawRelation) -> Result<Self, String> {
        let to = match (r.project, r.agreement) {
            (Some(p), None) => RelatedTo::Project(p),
            (None, Some(a)) => RelatedTo::Agreement(a),
            _ => return Err("a relation names a `project` and an `agreement`, or neither; expected exactly one".into()),
        };
        Ok(ProjectRelation { relation: r.relation, to, basis: r.basis })
    }
}

impl From<ProjectRelation> for RawRelation {
    fn from(r: ProjectRelation) -> Self {
        let (project, agreement) = match r.to {
            RelatedTo::Project(p) => (Some(p), None),
            RelatedTo::Agreement(a) => (None, Some(a)),
        };
        RawRelation { relation: r.relation, project, agreement, basis: r.basis }
    }
}

/// A cooperation project: a park, institute, zone, production base, programme or initiative.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Project {
    /// The id, e.g. `china-singapore-smart-park`.
    pub id: ProjectId,
    /// The canonical name.
    pub name: String,
    /// Whether the text gives the name or it describes the project.
    #[serde(default, skip_serializing_if = "NameSource::is_text")]
    pub name_source: NameSource,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<Alias>,
    /// What kind of undertaking.
    pub kind: ProjectKind,
    /// Fields of cooperation the text files it under.
    #[serde(default)]
    pub sectors: Vec<Sector>,
    /// How far along it is, if the text says.
    #[serde(default)]
    pub status: Option<ProjectStatus>,
    /// Where it is. Place filters also count a project in the places of the projects it is
    /// part of.
    #[serde(default)]
    pub places: Vec<Ref<PlaceId>>,
    /// The larger projects it belongs to.
    #[serde(default)]
    pub part_of: Vec<Ref<ProjectId>>,
    /// Its phase, e.g. `1` for "Phase I".
    #[serde(default)]
    pub phase: Option<u32>,
    /// Organisations involved, one entry per role.
    #[serde(default)]
    pub organizations: Vec<Involvement>,
    /// Sums of money.
    #[serde(default)]
    pub amounts: Vec<Amount>,
    /// Counted figures.
    #[serde(default)]
    pub counts: Vec<Count>,
    /// When it opened, started or was launched, if the text says.
    #[serde(default)]
    pub started: Option<PartialDate>,
    /// Directed relations to other projects and to agreements.
    #[serde(default)]
    pub relations: Vec<ProjectRelation>,
    /// How the text files the cooperation ("state-level bilateral").
    #[serde(default)]
    pub cooperation_level: Option<Ref<CooperationLevel>>,
    /// How the text describes it.
    #[serde(default)]
    pub description: Option<String>,
    /// What else the text says it has or is, beyond the description ("boasts the special
    /// gene that marks the partnership between China and Singapore").
    #[serde(default)]
    pub features: Vec<String>,
    /// For a project its article names that does not lie within the project the article is
    /// about: why not (the Belt and Road Initiative is a strategy the Knowledge City
    /// integrates, not a part of it).
    #[serde(default)]
    pub elsewhere: Option<String>,
    /// What it aims at, as the text words it.
    #[serde(default)]
    pub aims: Vec<String>,
    /// What it has achieved, as the text words it.
    #[serde(default)]
    pub achievements: Vec<String>,
    /// Verbatim passages.
    pub quotes: Vec<Quote>,
}

impl_record!(Project, Kind::Project, name);

/// Hands a description, aims and achievements to a visitor (projects and agreements).
pub(crate) fn texts<'r>(v: &mut dyn Visitor<'r>, description: Option<&'r str>, aims: &'r [String], done: &'r [String]) {
    if let Some(d) = description {
        v.text(super::TextKind::Description, d);
    }
    for a in aims {
        v.text(super::TextKind::Aim, a);
    }
    for a in done {
        v.text(super::TextKind::Achievement, a);
    }
}

impl Describe for Project {
    fn describe<'r>(&'r self, v: &mut dyn Visitor<'r>) {
        for p in &self.places {
            v.link(Link::to(Relation::Place, "places", Kind::Place, p));
        }
        for p in &self.part_of {
            v.link(Link::to(Relation::PartOf, "part_of", Kind::Project, p));
        }
        for inv in &self.organizations {
            let target = Target::Record(Kind::Organization, inv.organization.as_str());
            v.link(
                Link::target(Relation::Involves, "organizations", target, inv.basis).with_role(Role::Project(inv.role)),
            );
        }
        for r in &self.relations {
            let target = match &r.to {
                RelatedTo::Project(p) => Target::Record(Kind::Project, p.as_str()),
                RelatedTo::Agreement(a) => Target::Record(Kind::Agreement, a.as_str()),
            };
            v.link(Link::target(r.relation.relation(), "relations", target, r.basis));
        }
        for a in &self.amounts {
            v.amount(a);
        }
        for c in &self.counts {
            c.describe(v);
        }
        if let Some(d) = &self.started {
            v.date(EventKind::Started, d);
        }
        if self.phase == Some(0) {
            v.problem(None, "phase 0; expected 1 or more".to_owned());
        }
        texts(v, self.description.as_deref(), &self.aims, &self.achievements);
        for f in &self.features {
            v.text(super::TextKind::Description, f);
        }
        if let Some(e) = &self.elsewhere {
            v.text(super::TextKind::Note, e);
        }
    }
}

impl Project {
    /// The first amount of the given kind, e.g. the total investment.
    ///
    /// ```
    /// use china_singapore::model::{AmountKind, Currency};
    /// let park = china_singapore::dataset().projects().by_id("china-singapore-smart-park").unwrap();
    /// let cost = park.amount(AmountKind::TotalInvestment).unwrap();
    /// assert_eq!((cost.value, cost.currency), (1_400_000_000, Currency::Cny));
    /// ```
    pub fn amount(&self, kind: super::AmountKind) -> Option<&Amount> {
        self.amounts.iter().find(|a| a.kind == kind)
    }

    /// The first count of the given unit, e.g. the enterprises a park houses.
    ///
    /// ```
    /// use china_singapore::model::{CountUnit, Qualifier};
    /// let ds = china_singapore::dataset();
    /// let phase1 = ds.projects().by_id("ascendas-onehub-gkc-phase-i").unwrap();
    /// let firms = phase1.count(CountUnit::Enterprises).unwrap();
    /// assert_eq!((firms.value, firms.qualifier), (400, Qualifier::MoreThan));
    /// ```
    pub fn count(&self, unit: super::CountUnit) -> Option<&Count> {
        super::common::count_of(&self.counts, unit)
    }

    /// The organisations playing this role in the project, in order.
    ///
    /// ```
    /// use china_singapore::model::ProjectRole;
    /// let ds = china_singapore::dataset();
    /// let sip = ds.projects().by_name("Suzhou Industrial Park").unwrap();
    /// let partners: Vec<&str> = sip.organizations_in(ProjectRole::Partner).map(|o| o.as_str()).collect();
    /// assert_eq!(partners, ["government-of-china", "government-of-singapore"]);
    /// ```
    pub fn organizations_in(&self, role: ProjectRole) -> impl Iterator<Item = &OrganizationId> {
        self.organizations.iter().filter(move |o| o.role == role).map(|o| &o.organization)
    }
}

impl fmt::Display for Project {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] — {}", self.name, self.id, self.kind)?;
        if !self.sectors.is_empty() {
            let s: Vec<&str> = self.sectors.iter().map(|s| s.as_str()).collect();
            write!(f, "; {}", s.join(", "))?;
        }
        for a in &self.amounts {
            write!(f, "; {a}")?;
        }
        for c in &self.counts {
            write!(f, "; {c}")?;
        }
        Ok(())
    }
}
