use core::fmt;

use serde::{Deserialize, Serialize};

use super::{
    AgreementId, Alias, Basis, Country, Describe, ForumId, Kind, Link, NameSource, OrganizationId, Quote, Ref,
    Relation, SpeakerId, Visitor, impl_record,
};

closed_enum! {
    /// The part a person plays at a forum, or in the text.
    #[non_exhaustive]
    pub enum SpeakerRole {
        /// Gave a keynote speech.
        Keynote = "keynote",
        /// Took part in a roundtable.
        Roundtable = "roundtable",
        /// Signed an agreement.
        Signatory = "signatory",
        /// Is quoted.
        Quoted = "quoted",
    }
}

/// A part a person plays, and how it is known: `{"role": "keynote", "basis": "context"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PlayedRole {
    /// The part.
    pub role: SpeakerRole,
    /// `stated` when a sentence naming the person says it; `context` when the passage
    /// sits in a session or paragraph that does ("In the subsequent keynote speech
    /// session, …").
    pub basis: Basis,
}

/// A title or post a person holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Post {
    /// The title as written, e.g. "vice president".
    pub title: String,
    /// The organisation the post is in.
    #[serde(default)]
    pub organization: Option<Ref<OrganizationId>>,
    /// The country the post represents, for diplomats.
    #[serde(default)]
    pub country: Option<Ref<Country>>,
}

closed_enum! {
    /// Whether a version of a title is the one in force.
    pub enum TitleStatus {
        /// The current version.
        Current = "current",
        /// An earlier version the text corrects.
        Superseded = "superseded",
    }
}

/// One version of a talk's title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TitleVersion {
    /// The title as written.
    pub title: String,
    /// Whether this version is current.
    pub status: TitleStatus,
    /// Where the version comes from, e.g. "as per the previous story".
    #[serde(default)]
    pub note: Option<String>,
}

/// A talk a person gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Talk {
    /// Every version of the title; exactly one is current.
    pub titles: Vec<TitleVersion>,
    /// How it is known that the person gave this talk.
    pub basis: Basis,
    /// What the text says the talk did or argued.
    #[serde(default)]
    pub summary: Vec<String>,
}

impl Talk {
    /// The current title.
    ///
    /// ```
    /// let wei = china_singapore::dataset().speakers().by_id("wei-zhe").unwrap();
    /// let talk = wei.talk.as_ref().unwrap();
    /// assert!(talk.title().unwrap().starts_with("Systematic Capacity Improvement of Companies"));
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.titles.iter().find(|t| t.status == TitleStatus::Current).map(|t| t.title.as_str())
    }

    /// The earlier versions of the title that the text corrects, in order.
    ///
    /// ```
    /// let wei = china_singapore::dataset().speakers().by_id("wei-zhe").unwrap();
    /// let old: Vec<&str> = wei.talk.as_ref().unwrap().superseded().collect();
    /// assert_eq!(old, ["CEO Systematic Capacity Improvement in the Digital Economy Era"]);
    /// ```
    pub fn superseded(&self) -> impl Iterator<Item = &str> {
        self.titles.iter().filter(|t| t.status == TitleStatus::Superseded).map(|t| t.title.as_str())
    }
}

/// A person who speaks, signs or is quoted, at a forum or in the text, and in what capacity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Speaker {
    /// The id, e.g. `chi-fulin`.
    pub id: SpeakerId,
    /// The person's name, or a description when the text does not name them.
    pub name: String,
    /// `descriptive` when the text does not name the person.
    #[serde(default, skip_serializing_if = "NameSource::is_text")]
    pub name_source: NameSource,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<Alias>,
    /// Titles and posts, each with its organisation.
    #[serde(default)]
    pub posts: Vec<Post>,
    /// The forum the person spoke at, if any.
    #[serde(default)]
    pub forum: Option<Ref<ForumId>>,
    /// The parts the person played, each with how it is known.
    pub roles: Vec<PlayedRole>,
    /// The talk, if the text gives its title.
    #[serde(default)]
    pub talk: Option<Talk>,
    /// What the person is reported to have said.
    #[serde(default)]
    pub statements: Vec<String>,
    /// The agreement the statements are about.
    #[serde(default)]
    pub statements_about: Option<Ref<AgreementId>>,
    /// Verbatim passages.
    pub quotes: Vec<Quote>,
}

impl_record!(Speaker, Kind::Speaker, name);

impl Describe for Speaker {
    fn describe<'r>(&'r self, v: &mut dyn Visitor<'r>) {
        if let Some(f) = &self.forum {
            v.link(Link::to(Relation::SpokeAt, "forum", Kind::Forum, f));
        }
        for p in &self.posts {
            if let Some(o) = &p.organization {
                v.link(Link::to(Relation::PostIn, "posts.organization", Kind::Organization, o));
            }
            if let Some(c) = &p.country {
                v.link(Link::country(Relation::Represents, "posts.country", c));
            }
        }
        if let Some(a) = &self.statements_about {
            v.link(Link::to(Relation::SpeaksAbout, "statements_about", Kind::Agreement, a));
        }
        for s in &self.statements {
            v.text(super::TextKind::Statement, s);
        }
        for t in self.talk.iter().flat_map(|t| &t.titles) {
            v.text(super::TextKind::TalkTitle, &t.title);
        }
        for s in self.talk.iter().flat_map(|t| &t.summary) {
            v.text(super::TextKind::Summary, s);
        }
        if self.roles.is_empty() {
            v.problem(None, "no role; expected at least one".to_owned());
        }
        if let Some(talk) = &self.talk {
            let current = talk.titles.iter().filter(|t| t.status == TitleStatus::Current).count();
            if current != 1 {
                v.problem(None, format!("a talk with {current} current titles; expected exactly one"));
            }
        }
    }
}

impl Speaker {
    /// The organisations the person holds posts in, in order.
    ///
    /// ```
    /// let qian = china_singapore::dataset().speakers().by_name("Qian Bin").unwrap();
    /// let orgs: Vec<&str> = qian.organizations().map(|o| o.as_str()).collect();
    /// assert_eq!(orgs[0], "bank-of-communications");
    /// ```
    pub fn organizations(&self) -> impl Iterator<Item = &OrganizationId> {
        self.posts.iter().filter_map(|p| Some(&p.organization.as_ref()?.id))
    }

    /// True when the text names the person.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.speakers().by_id("chi-fulin").unwrap().is_named());
    /// assert!(!ds.speakers().by_id("csgks-commission-official").unwrap().is_named());
    /// ```
    pub fn is_named(&self) -> bool {
        self.name_source == NameSource::Text
    }
}

impl fmt::Display for Speaker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]", self.name, self.id)?;
        if let Some(p) = self.posts.first() {
            write!(f, " — {}", p.title)?;
        }
        let roles: Vec<&str> = self.roles.iter().map(|r| r.role.as_str()).collect();
        write!(f, "; {}", roles.join(", "))?;
        if let Some(t) = self.talk.as_ref().and_then(Talk::title) {
            write!(f, "; “{t}”")?;
        }
        Ok(())
    }
}
