//! Links with names: a record's links resolved to the records (or countries) at their far
//! end, both ways, and a display of a record that shows the names of what it links to.

use core::fmt;

use crate::Dataset;
use crate::model::{AnyRecord, Basis, Country, Kind, Link, Relation, Role, Target};

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

impl Dataset {
    /// The end of a link: the record it names, or its country.
    fn end(&self, target: Target<'_>) -> Option<Endpoint<'_>> {
        match target {
            Target::Record(kind, id) => {
                Some(Endpoint::Record(self.tables.record(kind, self.tables.position(kind, id)?)?))
            }
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
        let resolve = |l: Link<'a>| {
            Some(Connection { relation: l.relation, other: self.end(l.target)?, role: l.role, basis: l.basis })
        };
        record.into().links().into_iter().filter_map(resolve).collect()
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
            for l in source.links().into_iter().filter(|l| points_here(l.target)) {
                out.push(Connection {
                    relation: l.relation,
                    other: Endpoint::Record(source),
                    role: l.role,
                    basis: l.basis,
                });
            }
        }
        out
    }

    /// A record shown with the names of what it links to, for printing: its own line, then
    /// one line per link (see [`Connection`]'s display).
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let ncs = ds.organizations().by_name("NCS").unwrap();
    /// let shown = ds.display(ncs).to_string();
    /// assert!(shown.starts_with("NCS [ncs]"));
    /// assert!(shown.contains("\n  parent: Singapore Telecom (wholly-owned-subsidiary)"));
    /// ```
    pub fn display<'a>(&'a self, record: impl Into<AnyRecord<'a>>) -> Shown<'a> {
        Shown { ds: self, record: record.into() }
    }
}

/// A record with the names of what it links to; see [`Dataset::display`].
#[derive(Clone, Copy, Debug)]
pub struct Shown<'a> {
    ds: &'a Dataset,
    record: AnyRecord<'a>,
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.record)?;
        for link in self.ds.links_of(self.record) {
            write!(f, "\n  {link}")?;
        }
        Ok(())
    }
}
