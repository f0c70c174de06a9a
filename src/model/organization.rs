use core::fmt;

use serde::{Deserialize, Serialize};

use super::{
    Alias, Basis, Country, Describe, Kind, Link, NameSource, OrganizationId, PlaceId, ProjectId, Quote, Ref, Relation,
    Role, Visitor, impl_record,
};

closed_enum! {
    /// What kind of body an [`Organization`] is.
    #[non_exhaustive]
    pub enum OrganizationKind {
        /// A national, provincial or municipal government.
        Government = "government",
        /// A ministry, committee or office of a government.
        GovernmentBody = "government-body",
        /// A company.
        Company = "company",
        /// A university.
        University = "university",
        /// A research institute or think tank.
        ResearchInstitute = "research-institute",
        /// A media group.
        Media = "media",
        /// A bank.
        Bank = "bank",
        /// A stock exchange.
        Exchange = "exchange",
        /// A committee within an organisation.
        Committee = "committee",
        /// A body of several states.
        Intergovernmental = "intergovernmental",
        /// An embassy or consulate of a state abroad.
        DiplomaticMission = "diplomatic-mission",
    }
}

closed_enum! {
    /// How an organisation relates to its parent.
    #[non_exhaustive]
    pub enum ParentRelation {
        /// A wholly-owned subsidiary.
        WhollyOwnedSubsidiary = "wholly-owned-subsidiary",
        /// A unit, branch or committee of the parent.
        Unit = "unit",
    }
}

/// The owner or parent of an organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Parent {
    /// The parent organisation.
    pub organization: OrganizationId,
    /// How the two relate.
    pub relation: ParentRelation,
    /// How the link is known.
    pub basis: Basis,
}

/// A company, government, university or other body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Organization {
    /// The id, e.g. `ncs`.
    pub id: OrganizationId,
    /// The canonical name.
    pub name: String,
    /// Whether the text gives the name or it describes the organisation.
    #[serde(default, skip_serializing_if = "NameSource::is_text")]
    pub name_source: NameSource,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<Alias>,
    /// What kind of body.
    pub kind: OrganizationKind,
    /// The country it belongs to, where known.
    #[serde(default)]
    pub country: Option<Ref<Country>>,
    /// Where it is based, if the text says.
    #[serde(default)]
    pub based_in: Option<Ref<PlaceId>>,
    /// Its parent or owner.
    #[serde(default)]
    pub parent: Option<Parent>,
    /// The project it belongs to (an office of the Knowledge City).
    #[serde(default)]
    pub project: Option<Ref<ProjectId>>,
    /// How the text describes it, e.g. "the world’s leading TCR-T cell therapy company".
    #[serde(default)]
    pub description: Option<String>,
    /// Verbatim passages.
    pub quotes: Vec<Quote>,
}

impl_record!(Organization, Kind::Organization, name);

impl Describe for Organization {
    fn describe<'r>(&'r self, v: &mut dyn Visitor<'r>) {
        if let Some(c) = &self.country {
            v.link(Link::country(Relation::Country, "country", c));
        }
        if let Some(b) = &self.based_in {
            v.link(Link::to(Relation::BasedIn, "based_in", Kind::Place, b));
        }
        if let Some(p) = &self.parent {
            let target = super::Target::Record(Kind::Organization, p.organization.as_str());
            v.link(Link::target(Relation::Parent, "parent", target, p.basis).with_role(Role::Parent(p.relation)));
        }
        if let Some(p) = &self.project {
            v.link(Link::to(Relation::BelongsTo, "project", Kind::Project, p));
        }
        if let Some(d) = &self.description {
            v.text(super::TextKind::Description, d);
        }
    }
}

impl fmt::Display for Organization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] — {}", self.name, self.id, self.kind)?;
        if let Some(c) = &self.country {
            write!(f, ", {}", c.id.name())?;
        }
        Ok(())
    }
}
