//! Links with names: a record's links resolved to the records (or countries) at their far
//! end, both ways, with the passage each rests on, and a display of a record that shows the
//! names of what it links to.

use core::fmt;

use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::Dataset;
use crate::index::mentions::{Mentions, TargetNames};
use crate::model::{AnyRecord, Basis, Country, Kind, Link, Position, Quote, Relation, Role, Target};

/// The far end of a link: a record, or a country acting as a state.
///
/// ```
/// let ds = china_singapore::dataset();
/// let depa = ds.agreements().by_name("DEPA").unwrap();
/// let parties: Vec<&str> = ds.links_of(depa).iter().map(|l| l.other.name()).collect();
/// assert!(parties.contains(&"New Zealand"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Endpoint<'a> {
    /// A record of the dataset.
    Record(AnyRecord<'a>),
    /// A country (by its English name; countries are also place records).
    Country(Country),
}

impl<'a> Endpoint<'a> {
    /// The record's canonical name, or the country's English name.
    ///
    /// ```
    /// use china_singapore::{model::Country, query::Endpoint};
    /// assert_eq!(Endpoint::Country(Country::NewZealand).name(), "New Zealand");
    /// ```
    pub fn name(&self) -> &'a str {
        match self {
            Endpoint::Record(r) => r.name(),
            Endpoint::Country(c) => c.name(),
        }
    }

    /// The record's id, or the country's slug.
    ///
    /// ```
    /// use china_singapore::{model::Country, query::Endpoint};
    /// assert_eq!(Endpoint::Country(Country::NewZealand).id(), "new-zealand");
    /// ```
    pub fn id(&self) -> &'a str {
        match self {
            Endpoint::Record(r) => r.id(),
            Endpoint::Country(c) => c.as_str(),
        }
    }

    /// The record, if the end is one.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let ncs = ds.organizations().by_id("ncs").unwrap();
    /// let parent = ds.links_of(ncs).into_iter().find(|l| l.relation == china_singapore::model::Relation::Parent).unwrap();
    /// assert_eq!(parent.other.record().unwrap().id(), "singapore-telecom");
    /// ```
    pub fn record(&self) -> Option<AnyRecord<'a>> {
        match self {
            Endpoint::Record(r) => Some(*r),
            Endpoint::Country(_) => None,
        }
    }
}

/// Serialised as `{"kind": "place", "id": "guangzhou", "name": "Guangzhou"}`; a country's
/// kind is `country`.
impl Serialize for Endpoint<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let kind = match self {
            Endpoint::Record(r) => r.kind().as_str(),
            Endpoint::Country(_) => "country",
        };
        let mut st = s.serialize_struct("Endpoint", 3)?;
        st.serialize_field("kind", kind)?;
        st.serialize_field("id", self.id())?;
        st.serialize_field("name", self.name())?;
        st.end()
    }
}

/// Serialises a record as its [`Endpoint`]: kind, id and name.
pub(crate) fn as_endpoint<S: serde::Serializer>(r: &AnyRecord<'_>, s: S) -> Result<S::Ok, S::Error> {
    Endpoint::Record(*r).serialize(s)
}

/// The passage a link rests on: a quote of the record that makes the link, and the words in
/// it that name the far end.
///
/// The quote is the record's first quote that names both ends (the far end, and the record
/// itself by a name or alias); else its first quote that names the far end; else, for a
/// link the text implies (`context`), the record's first quote, the passage whose place in
/// a list or paragraph implies it. A link known only by a name or by common geography may
/// have none. Every link marked `stated` has a quote naming both ends: the loader checks it.
///
/// ```
/// use china_singapore::model::Relation;
/// let ds = china_singapore::dataset();
/// let centre = ds.projects().by_name("Fintech Delivery Center").unwrap();
/// let link = ds.links_of(centre).into_iter().find(|l| l.other.id() == "china-singapore-guangzhou-knowledge-city").unwrap();
/// let evidence = link.evidence.unwrap();
/// assert_eq!(evidence.words, Some("CSGKS"));
/// assert!(evidence.quote.text.contains("selected the CSGKS to set up the Greater Bay Area Fintech Delivery Center"));
/// let doc = ds.documents().by_id(&evidence.quote.document).unwrap();
/// let at = evidence.words_at.unwrap();
/// assert_eq!(&doc.text[at.start..at.end], "CSGKS");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Evidence<'a> {
    /// The passage, with its document and position.
    pub quote: &'a Quote,
    /// The words of the passage that name the far end, as written there, where it names it.
    pub words: Option<&'a str>,
    /// Where those words sit in the document.
    pub words_at: Option<Position>,
}

/// A link with the record at its far end resolved: from [`Dataset::links_of`] (the other
/// end is the target) or [`Dataset::linked_from`] (the other end is the record linking).
///
/// ```
/// let ds = china_singapore::dataset();
/// let park = ds.projects().by_name("China-Singapore Smart Park").unwrap();
/// for link in ds.links_of(park) {
///     println!("{link}"); // e.g. "place: Guangzhou"
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Connection<'a> {
    /// What the link says, read from the record that makes it.
    pub relation: Relation,
    /// The record (or country) at the other end.
    pub other: Endpoint<'a>,
    /// The part played, for `involves` and `parent` links.
    pub role: Option<Role>,
    /// How the link is known.
    pub basis: Basis,
    /// The passage the link rests on, if any (see [`Evidence`]).
    pub evidence: Option<Evidence<'a>>,
}

/// Serialised as `{"relation", "other", "role", "basis", "evidence"}`, `role` and
/// `evidence` `null` where there is none.
impl Serialize for Connection<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Connection", 5)?;
        st.serialize_field("relation", &self.relation)?;
        st.serialize_field("other", &self.other)?;
        st.serialize_field("role", &self.role.map(|r| r.to_string()))?;
        st.serialize_field("basis", &self.basis)?;
        st.serialize_field("evidence", &self.evidence)?;
        st.end()
    }
}

/// `relation: Name`, then the role and, for a link the text does not state, its basis.
impl fmt::Display for Connection<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.relation, self.other.name())?;
        match (self.role, self.basis.is_inferred()) {
            (Some(role), true) => write!(f, " ({role}; inferred: {})", self.basis),
            (Some(role), false) => write!(f, " ({role})"),
            (None, true) => write!(f, " (inferred: {})", self.basis),
            (None, false) => Ok(()),
        }
    }
}

/// Resolves links of one record into [`Connection`]s, with their evidence.
pub(crate) struct Resolver<'a> {
    ds: &'a Dataset,
    source: AnyRecord<'a>,
    mentions: Mentions<'a>,
    names: TargetNames<'a>,
}

impl<'a> Resolver<'a> {
    pub(crate) fn new(ds: &'a Dataset, source: AnyRecord<'a>) -> Self {
        let own = core::iter::once(source.name()).chain(source.aliases().iter().map(|a| a.name.as_str()));
        let names = TargetNames::new(&ds.tables);
        let mentions = Mentions::new(source.quotes(), own, names.all_of(&source.links()).collect::<Vec<_>>());
        Resolver { ds, source, mentions, names }
    }

    /// The link with its far end (`None` if that end is not in the dataset) and evidence;
    /// `other` is the far end when `forward`, else the source.
    pub(crate) fn resolve(&self, l: Link<'a>, forward: bool) -> Option<Connection<'a>> {
        let other = if forward { self.ds.end(l.target)? } else { Endpoint::Record(self.source) };
        Some(Connection { relation: l.relation, other, role: l.role, basis: l.basis, evidence: self.evidence(&l) })
    }

    /// The index among the source's quotes of a link's evidence, and the byte range of
    /// the words in it that name the far end (see [`Evidence`] for the rule).
    pub(crate) fn evidence_at(&self, l: &Link<'a>) -> Option<(usize, Option<(usize, usize)>)> {
        match self.names.evidence(l, &self.mentions) {
            Some(f) => Some((f.quote, f.words)),
            None if l.basis == Basis::Context && !self.source.quotes().is_empty() => Some((0, None)),
            None => None,
        }
    }

    fn evidence(&self, l: &Link<'a>) -> Option<Evidence<'a>> {
        let (at, words) = self.evidence_at(l)?;
        let quote = self.source.quotes().get(at)?;
        let words_at = words.and_then(|(from, to)| Some(quote.position()?.within(&quote.text, from, to)));
        Some(Evidence { quote, words: words.and_then(|(from, to)| quote.text.get(from..to)), words_at })
    }
}

impl Dataset {
    /// The end of a link: the record it names, or its country.
    pub(crate) fn end(&self, target: Target<'_>) -> Option<Endpoint<'_>> {
        match target {
            Target::Record(kind, id) => self.record_by_id(kind, id).map(Endpoint::Record),
            Target::Country(c) => Some(Endpoint::Country(c)),
        }
    }

    /// Every link a record makes, in field order, with the record (or country) at the far
    /// end: the names of its places, parties, organisations, parent, forum, …
    ///
    /// ```
    /// use china_singapore::model::Relation;
    /// let ds = china_singapore::dataset();
    /// let ncs = ds.organizations().by_name("NCS").unwrap();
    /// let parent = ds.links_of(ncs).into_iter().find(|l| l.relation == Relation::Parent).unwrap();
    /// assert_eq!(parent.other.name(), "Singapore Telecom");
    /// ```
    pub fn links_of<'a>(&'a self, record: impl Into<AnyRecord<'a>>) -> Vec<Connection<'a>> {
        let record = record.into();
        let resolver = Resolver::new(self, record);
        record.links().into_iter().filter_map(|l| resolver.resolve(l, true)).collect()
    }

    /// Every link other records make to this one, with the record making it: the projects
    /// in a place, the agreements a person signed, an organisation's units, a forum's
    /// agreements and speakers, … For a place that is a country, links to the country
    /// count too. Ordered by kind, then file order, then field order.
    ///
    /// ```
    /// use china_singapore::model::Relation;
    /// let ds = china_singapore::dataset();
    /// let telecom = ds.organizations().by_name("Singapore Telecom").unwrap();
    /// let units: Vec<&str> = ds
    ///     .linked_from(telecom)
    ///     .iter()
    ///     .filter(|l| l.relation == Relation::Parent)
    ///     .map(|l| l.other.name())
    ///     .collect();
    /// assert_eq!(units, ["NCS"]);
    /// ```
    pub fn linked_from<'a>(&'a self, record: impl Into<AnyRecord<'a>>) -> Vec<Connection<'a>> {
        let record = record.into();
        let (kind, id) = (record.kind(), record.id());
        let Some(at) = self.tables.position(kind, id) else { return Vec::new() };
        let country = (kind == Kind::Place).then(|| id.parse::<Country>().ok()).flatten();
        let mut sources: Vec<(Kind, u32)> = self.links().linking_to(kind, at, country);
        sources.sort_unstable();
        sources.dedup();
        let points_here = |t: Target<'_>| match t {
            Target::Record(k, i) => k == kind && self.tables.position(k, i) == Some(at),
            Target::Country(c) => Some(c) == country,
        };
        let mut out = Vec::new();
        for (k, i) in sources {
            let Some(source) = self.tables.record(k, i) else { continue };
            let resolver = Resolver::new(self, source);
            let here = source.links().into_iter().filter(|l| points_here(l.target));
            out.extend(here.filter_map(|l| resolver.resolve(l, false)));
        }
        out
    }

    /// A record's answer card: the record with every field, what it links to and what
    /// links to it, by name, each link with its basis and evidence, and its quotes with
    /// their positions. Serialises to the JSON a chat tool or dashboard shows; displays as
    /// the record's line and one line per link it makes (see [`Connection`]'s display).
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let ncs = ds.organizations().by_name("NCS").unwrap();
    /// let card = ds.card(ncs);
    /// assert!(card.to_string().starts_with("NCS [ncs]"));
    /// assert!(card.to_string().contains("\n  parent: Singapore Telecom (wholly-owned-subsidiary)"));
    ///
    /// let json = serde_json::to_value(&card).unwrap();
    /// assert_eq!(json["fields"]["kind"], "company");
    /// assert_eq!(json["links"][1]["other"]["name"], "Singapore Telecom");
    /// assert_eq!(json["links"][1]["evidence"]["words"], "Singapore Telecom");
    /// assert_eq!(json["fields"]["quotes"][0]["position"]["line"], 19);
    /// ```
    pub fn card<'a>(&'a self, record: impl Into<AnyRecord<'a>>) -> Card<'a> {
        let record = record.into();
        Card { record, links: self.links_of(record), linked_from: self.linked_from(record) }
    }
}

/// One record with its links both ways; see [`Dataset::card`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Card<'a> {
    /// The record.
    pub record: AnyRecord<'a>,
    /// The links it makes ([`Dataset::links_of`]).
    pub links: Vec<Connection<'a>>,
    /// The links other records make to it ([`Dataset::linked_from`]).
    pub linked_from: Vec<Connection<'a>>,
}

/// `{"kind", "id", "name", "fields", "links", "linked_from"}`: `fields` is the record as
/// its JSON file holds it, quotes with their positions.
impl Serialize for Card<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Card", 6)?;
        st.serialize_field("kind", self.record.kind().as_str())?;
        st.serialize_field("id", self.record.id())?;
        st.serialize_field("name", self.record.name())?;
        st.serialize_field("fields", &self.record)?;
        st.serialize_field("links", &self.links)?;
        st.serialize_field("linked_from", &self.linked_from)?;
        st.end()
    }
}

impl fmt::Display for Card<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.record)?;
        for link in &self.links {
            write!(f, "\n  {link}")?;
        }
        Ok(())
    }
}
