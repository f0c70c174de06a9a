use core::fmt;

use serde::{Deserialize, Serialize};

use super::{
    Alias, Amount, Count, Describe, Event, Kind, Link, OrganizationId, PartialDate, PlaceRef, ProjectId, Quote,
    Relation, Role, Visitor, impl_record,
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

/// An organisation's part in a project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Involvement {
    /// The organisation.
    pub organization: OrganizationId,
    /// Its roles.
    pub roles: Vec<ProjectRole>,
}

/// A cooperation project: a park, institute, zone, production base, programme or initiative.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// The id, e.g. `china-singapore-smart-park`.
    pub id: ProjectId,
    /// The canonical name.
    pub name: String,
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
    /// Where it is.
    #[serde(default)]
    pub place: Option<PlaceRef>,
    /// The larger project it belongs to.
    #[serde(default)]
    pub part_of: Option<ProjectId>,
    /// Its phase, e.g. `1` for "Phase I".
    #[serde(default)]
    pub phase: Option<u32>,
    /// Organisations involved, with their roles.
    #[serde(default)]
    pub organizations: Vec<Involvement>,
    /// Sums of money.
    #[serde(default)]
    pub amounts: Vec<Amount>,
    /// Counted figures.
    #[serde(default)]
    pub counts: Vec<Count>,
    /// When it opened or started, if the text says.
    #[serde(default)]
    pub started: Option<PartialDate>,
    /// Projects it leads to or starts from.
    #[serde(default)]
    pub related: Vec<ProjectId>,
    /// How the text describes it.
    #[serde(default)]
    pub description: Option<String>,
    /// What it aims at or has achieved, as the text words it.
    #[serde(default)]
    pub aims: Vec<String>,
    /// Verbatim passages.
    pub quotes: Vec<Quote>,
}

impl_record!(Project, Kind::Project, name);

impl Describe for Project {
    fn describe<'r>(&'r self, v: &mut dyn Visitor<'r>) {
        if let Some(p) = &self.place {
            v.link(Link::to(Relation::Place, "place", Kind::Place, p.place.as_str()));
        }
        if let Some(p) = &self.part_of {
            v.link(Link::to(Relation::PartOf, "part_of", Kind::Project, p.as_str()));
        }
        for inv in &self.organizations {
            let link = Link::to(Relation::Involves, "organizations", Kind::Organization, inv.organization.as_str());
            for &role in &inv.roles {
                v.link(link.with_role(Role::Project(role)));
            }
            if inv.roles.is_empty() {
                v.link(link);
                v.problem(
                    Some(inv.organization.as_str()),
                    "an involvement with no role; expected at least one".to_owned(),
                );
            }
        }
        for r in &self.related {
            v.link(Link::to(Relation::Related, "related", Kind::Project, r.as_str()));
        }
        for a in &self.amounts {
            v.amount(a);
        }
        for c in &self.counts {
            c.describe(v);
        }
        if let Some(d) = &self.started {
            v.date(Event::Started, d);
        }
        if self.phase == Some(0) {
            v.problem(None, "phase 0; expected 1 or more".to_owned());
        }
    }
}

impl Project {
    /// The first amount of the given kind, e.g. the total investment.
    ///
    /// ```
    /// use china_singapore::{AmountKind, Currency};
    /// let park = china_singapore::dataset().projects().get("china-singapore-smart-park").unwrap();
    /// let cost = park.amount(AmountKind::TotalInvestment).unwrap();
    /// assert_eq!((cost.value, cost.currency), (1_400_000_000, Currency::Cny));
    /// ```
    pub fn amount(&self, kind: super::AmountKind) -> Option<&Amount> {
        self.amounts.iter().find(|a| a.kind == kind)
    }

    /// The first count of the given unit, e.g. the enterprises a park houses.
    ///
    /// ```
    /// use china_singapore::{CountUnit, Qualifier};
    /// let ds = china_singapore::dataset();
    /// let phase1 = ds.projects().get("ascendas-onehub-gkc-phase-i").unwrap();
    /// let firms = phase1.count(CountUnit::Enterprises).unwrap();
    /// assert_eq!((firms.value, firms.qualifier), (400, Qualifier::MoreThan));
    /// ```
    pub fn count(&self, unit: super::CountUnit) -> Option<&Count> {
        self.counts.iter().find(|c| c.unit == unit)
    }
}

impl fmt::Display for Project {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] — {}", self.name, self.id, self.kind)?;
        if let Some(p) = &self.place {
            write!(f, " in {}", p.place)?;
        }
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
