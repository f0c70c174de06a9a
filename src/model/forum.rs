use core::fmt;

use serde::{Deserialize, Serialize};

use super::{
    Alias, Count, Describe, Event, ForumId, Kind, Link, OrganizationId, PartialDate, PlaceRef, Quote, Relation, Role,
    Visitor, impl_record,
};

closed_enum! {
    /// What kind of meeting or event a [`Forum`] is.
    #[non_exhaustive]
    pub enum ForumKind {
        /// A meeting of a standing bilateral council, e.g. the JCBC.
        CouncilMeeting = "council-meeting",
        /// A forum.
        Forum = "forum",
        /// An expo.
        Expo = "expo",
        /// A roundtable within a larger event.
        Roundtable = "roundtable",
    }
}

closed_enum! {
    /// The part an organisation plays in a forum.
    #[non_exhaustive]
    pub enum ForumRole {
        /// Hosts it.
        Host = "host",
        /// Organises it.
        Organizer = "organizer",
        /// Its media partner.
        MediaPartner = "media-partner",
    }
}

closed_enum! {
    /// How often a series of meetings recurs.
    #[non_exhaustive]
    pub enum Recurrence {
        /// Every year.
        Annual = "annual",
    }
}

/// An organisation's part in a forum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForumInvolvement {
    /// The organisation.
    pub organization: OrganizationId,
    /// Its role.
    pub role: ForumRole,
    /// Qualifiers the text adds, e.g. "exclusive", "all-media support".
    #[serde(default)]
    pub note: Option<String>,
}

/// A meeting or event: a council meeting, forum, expo or roundtable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forum {
    /// The id, e.g. `trade-in-services-forum-4`.
    pub id: ForumId,
    /// The canonical name.
    pub name: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<Alias>,
    /// What kind of event.
    pub kind: ForumKind,
    /// The recurring series it belongs to, by name.
    #[serde(default)]
    pub series: Option<String>,
    /// Which edition of the series (18 for the 18th).
    #[serde(default)]
    pub edition: Option<u32>,
    /// How often the series recurs.
    #[serde(default)]
    pub recurrence: Option<Recurrence>,
    /// The event it is part of or supports.
    #[serde(default)]
    pub parent: Option<ForumId>,
    /// How the text relates it to its parent, e.g. "an important official supporting event".
    #[serde(default)]
    pub parent_note: Option<String>,
    /// Where it was held.
    #[serde(default)]
    pub place: Option<PlaceRef>,
    /// When it was held (or began).
    #[serde(default)]
    pub date: Option<PartialDate>,
    /// Hosts, organisers and media partners.
    #[serde(default)]
    pub organizations: Vec<ForumInvolvement>,
    /// The theme or topic, as written.
    #[serde(default)]
    pub theme: Option<String>,
    /// Who took part, as the text describes them when it does not name them.
    #[serde(default)]
    pub participants: Option<String>,
    /// The key issues the text says it addressed.
    #[serde(default)]
    pub issues: Vec<String>,
    /// What was concluded or said there, as the text reports it.
    #[serde(default)]
    pub findings: Vec<String>,
    /// Counted figures.
    #[serde(default)]
    pub counts: Vec<Count>,
    /// Other facts the text gives, e.g. a first.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Verbatim passages.
    pub quotes: Vec<Quote>,
}

impl_record!(Forum, Kind::Forum, name);

impl Describe for Forum {
    fn describe<'r>(&'r self, v: &mut dyn Visitor<'r>) {
        if let Some(p) = &self.parent {
            v.link(Link::to(Relation::ParentEvent, "parent", Kind::Forum, p.as_str()));
        }
        if let Some(p) = &self.place {
            v.link(Link::to(Relation::Place, "place", Kind::Place, p.place.as_str()));
        }
        for inv in &self.organizations {
            let link = Link::to(Relation::Involves, "organizations", Kind::Organization, inv.organization.as_str());
            v.link(link.with_role(Role::Forum(inv.role)));
        }
        if let Some(d) = &self.date {
            v.date(Event::Held, d);
        }
        for c in &self.counts {
            c.describe(v);
        }
        if self.edition == Some(0) {
            v.problem(None, "edition 0; expected 1 or more".to_owned());
        }
    }
}

impl fmt::Display for Forum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] — {}", self.name, self.id, self.kind)?;
        if let Some(p) = &self.place {
            write!(f, " at {}", p.place)?;
        }
        if let Some(d) = &self.date {
            write!(f, ", {d}")?;
        }
        Ok(())
    }
}
