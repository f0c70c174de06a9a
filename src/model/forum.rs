use core::fmt;

use serde::{Deserialize, Serialize};

use super::{
    Alias, Basis, Count, Describe, EventKind, Finding, ForumId, Kind, Link, NameSource, OrganizationId, PartialDate,
    PlaceId, Quote, Ref, Relation, Role, SpeakerId, Target, Visitor, impl_record,
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
        /// A recurring series (an annual forum, an expo), of which other records are editions.
        Series = "series",
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
#[non_exhaustive]
pub struct ForumInvolvement {
    /// The organisation.
    pub organization: OrganizationId,
    /// Its role.
    pub role: ForumRole,
    /// How the role is known.
    pub basis: Basis,
    /// Qualifiers the text adds, e.g. "exclusive", "all-media support".
    #[serde(default)]
    pub note: Option<String>,
}

/// One session of a forum's programme, and who spoke in it, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Session {
    /// The session as the text names it, e.g. "subsequent keynote speech session".
    pub session: String,
    /// The speakers, in the order the text gives.
    pub speakers: Vec<Ref<SpeakerId>>,
}

/// Issues the text raises beside a forum, and whose concerns they are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct KeyIssues {
    /// The issues, as written.
    pub issues: Vec<String>,
    /// Whose concerns the text says they are, as written (e.g. "all parties").
    pub concerned: String,
    /// How they are tied to the forum.
    pub basis: Basis,
}

/// A meeting or event: a council meeting, forum, expo, roundtable, or a recurring series.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Forum {
    /// The id, e.g. `trade-in-services-forum-4`.
    pub id: ForumId,
    /// The canonical name.
    pub name: String,
    /// Whether the text gives the name or it describes the event.
    #[serde(default, skip_serializing_if = "NameSource::is_text")]
    pub name_source: NameSource,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<Alias>,
    /// What kind of event.
    pub kind: ForumKind,
    /// The recurring series it is an edition of.
    #[serde(default)]
    pub series: Option<Ref<ForumId>>,
    /// The standing council it is a meeting of.
    #[serde(default)]
    pub meeting_of: Option<Ref<OrganizationId>>,
    /// Which edition of its series or council (18 for the 18th).
    #[serde(default)]
    pub edition: Option<u32>,
    /// How often the series recurs.
    #[serde(default)]
    pub recurrence: Option<Recurrence>,
    /// The event it is part of or supports.
    #[serde(default)]
    pub parent: Option<Ref<ForumId>>,
    /// How the text relates it to its parent, e.g. "an important official supporting event".
    #[serde(default)]
    pub parent_note: Option<String>,
    /// Where it was held.
    #[serde(default)]
    pub place: Option<Ref<PlaceId>>,
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
    /// The programme: sessions in order, each with its speakers in order.
    #[serde(default)]
    pub programme: Vec<Session>,
    /// Issues the text raises beside it.
    #[serde(default)]
    pub key_issues: Option<KeyIssues>,
    /// What was concluded or reported there, and whose words each is.
    #[serde(default)]
    pub findings: Vec<Finding>,
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
        if let Some(s) = &self.series {
            v.link(Link::to(Relation::EditionOf, "series", Kind::Forum, s));
        }
        if let Some(m) = &self.meeting_of {
            v.link(Link::to(Relation::MeetingOf, "meeting_of", Kind::Organization, m));
        }
        if let Some(p) = &self.parent {
            v.link(Link::to(Relation::ParentEvent, "parent", Kind::Forum, p));
        }
        if let Some(p) = &self.place {
            v.link(Link::to(Relation::Place, "place", Kind::Place, p));
        }
        for inv in &self.organizations {
            let target = Target::Record(Kind::Organization, inv.organization.as_str());
            let link = Link::target(Relation::Involves, "organizations", target, inv.basis);
            v.link(link.with_role(Role::Forum(inv.role)));
        }
        for s in self.programme.iter().flat_map(|s| &s.speakers) {
            v.link(Link::to(Relation::Programme, "programme.speakers", Kind::Speaker, s));
        }
        if let Some(d) = &self.date {
            v.date(EventKind::Held, d);
        }
        for c in &self.counts {
            c.describe(v);
        }
        if self.edition == Some(0) {
            v.problem(None, "edition 0; expected 1 or more".to_owned());
        }
        self.describe_texts(v);
    }
}

impl Forum {
    /// The first count of the given unit.
    ///
    /// ```
    /// use china_singapore::model::CountUnit;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.forums().iter().all(|f| f.count(CountUnit::Agreements).is_none()));
    /// ```
    pub fn count(&self, unit: super::CountUnit) -> Option<&Count> {
        super::common::count_of(&self.counts, unit)
    }

    /// The organisations playing this role in the forum (host, organiser, media partner), in
    /// order.
    ///
    /// ```
    /// use china_singapore::model::ForumRole;
    /// let forum = china_singapore::dataset().forums().by_id("trade-in-services-forum-4").unwrap();
    /// let organizers: Vec<&str> = forum.organizations_in(ForumRole::Organizer).map(|o| o.as_str()).collect();
    /// assert_eq!(organizers, ["suzhou-municipal-government", "sip-administrative-committee"]);
    /// ```
    pub fn organizations_in(&self, role: ForumRole) -> impl Iterator<Item = &OrganizationId> {
        self.organizations.iter().filter(move |o| o.role == role).map(|o| &o.organization)
    }

    /// Every speaker of the programme in the order the text gives, with the session each
    /// spoke in.
    ///
    /// ```
    /// let forum = china_singapore::dataset().forums().by_id("trade-in-services-forum-4").unwrap();
    /// let (session, first) = forum.speaking_order().next().unwrap();
    /// assert_eq!((session, first.as_str()), ("keynote speech", "chi-fulin"));
    /// ```
    pub fn speaking_order(&self) -> impl Iterator<Item = (&str, &SpeakerId)> {
        self.programme.iter().flat_map(|s| s.speakers.iter().map(move |r| (s.session.as_str(), &r.id)))
    }

    fn describe_texts<'r>(&'r self, v: &mut dyn Visitor<'r>) {
        use super::TextKind;
        let single = [
            (TextKind::Theme, &self.theme),
            (TextKind::Participants, &self.participants),
            (TextKind::Note, &self.parent_note),
        ];
        for (field, text) in single {
            if let Some(t) = text {
                v.text(field, t);
            }
        }
        for i in self.key_issues.iter().flat_map(|k| &k.issues) {
            v.text(TextKind::Issue, i);
        }
        for f in &self.findings {
            v.text(TextKind::Finding, &f.text);
        }
        for n in &self.notes {
            v.text(TextKind::Note, n);
        }
    }
}

impl fmt::Display for Forum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] — {}", self.name, self.id, self.kind)?;
        if let Some(d) = &self.date {
            write!(f, ", {d}")?;
        }
        Ok(())
    }
}
