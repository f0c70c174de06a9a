//! [`Derivation`]: why one record reaches another through a chain of links, the reason
//! behind a filter's transitive match ([`Dataset::explain`]).

use core::fmt;
use std::collections::{HashMap, VecDeque};

use serde::Serialize;

use super::connection::{Connection, Resolver};
use crate::Dataset;
use crate::model::{AnyRecord, Basis, Kind, Link, Relation, Target};

/// A chain of links from one record to another, each with its basis and evidence: the
/// reason a record matches a condition through a place within a place, a project part of a
/// project, a forum within a forum or an organisation's parent. From [`Dataset::explain`].
///
/// ```
/// let ds = china_singapore::dataset();
/// let centre = ds.projects().by_name("Fintech Delivery Center").unwrap();
/// let guangzhou = ds.places().by_name("Guangzhou").unwrap();
/// let why = ds.explain(centre, guangzhou).unwrap();
/// assert_eq!(why.to_string(), "Greater Bay Area Fintech Delivery Center → part-of China-Singapore Guangzhou Knowledge City \
///     (stated: “…selected the CSGKS to set up…”) → place Guangzhou (name)");
/// assert_eq!(why.basis(), china_singapore::model::Basis::Name);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Derivation<'a> {
    /// Where the chain starts.
    #[serde(serialize_with = "super::connection::as_endpoint")]
    pub from: AnyRecord<'a>,
    /// The links in order; each one's `other` is where the next starts.
    pub steps: Vec<Connection<'a>>,
}

impl Derivation<'_> {
    /// How the whole chain is known: its weakest link. From strongest to weakest: `stated`,
    /// `name`, `context`, `geography`, `common-usage`.
    ///
    /// ```
    /// use china_singapore::model::Basis;
    /// let ds = china_singapore::dataset();
    /// let base = ds.projects().by_id("biosyngen-production-base").unwrap();
    /// let guangzhou = ds.places().by_id("guangzhou").unwrap();
    /// assert_eq!(ds.explain(base, guangzhou).unwrap().basis(), Basis::Context);
    /// ```
    pub fn basis(&self) -> Basis {
        self.steps.iter().map(|s| s.basis).max_by_key(|b| weakness(*b)).unwrap_or(Basis::Stated)
    }
}

/// How far a basis is from the text's own words: the larger, the weaker.
fn weakness(b: Basis) -> u8 {
    match b {
        Basis::Stated => 0,
        Basis::Name => 1,
        Basis::Context => 2,
        Basis::Geography => 3,
        _ => 4,
    }
}

/// `From → relation To (basis: “…words…”) → …`: each step's relation, far end, basis, and
/// for a step with evidence words, the words with a few around them.
impl fmt::Display for Derivation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.from.name())?;
        for step in &self.steps {
            write!(f, " → {} {} ({}", step.relation, step.other.name(), step.basis)?;
            let words = step.evidence.filter(|_| step.basis == Basis::Stated).and_then(|e| {
                let (w, q) = (e.words_at?, e.quote.position()?);
                Some(around(&e.quote.text, w.start - q.start, w.end - q.start))
            });
            if let Some(words) = words {
                write!(f, ": “…{words}…”")?;
            }
            write!(f, ")")?;
        }
        Ok(())
    }
}

/// The words at `from..to` of `text` with up to two words before and three after.
fn around(text: &str, from: usize, to: usize) -> &str {
    let start = text[..from].rmatch_indices(' ').nth(2).map_or(0, |(i, _)| i + 1);
    let end = text[to..].match_indices(' ').nth(3).map_or(text.len(), |(i, _)| to + i);
    text[start..end].trim_end_matches([',', '.', ';', ':'])
}

/// A record's place in its table.
type Node = (Kind, u32);

impl Dataset {
    /// Why `from` reaches `to`: the shortest chain of links that starts with any link of
    /// `from` and goes on through containment (`part-of`, `within`, `parent`,
    /// `parent-event`), `place` and `country` links. This is the chain behind every
    /// transitive filter match: a project in Guangzhou through the project it is part of, a
    /// speaker at a forum within the CIIE, an organisation under a parent. A link to a
    /// country reaches the country's place record. `None` when no chain leads there (or
    /// `from` is `to`). Costs a walk of what `from` reaches; filters never pay it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let speaker = ds.speakers().by_name("Wei Zhe").unwrap();
    /// let ciie = ds.forums().by_name("fourth CIIE").unwrap();
    /// let why = ds.explain(speaker, ciie).unwrap();
    /// let hops: Vec<&str> = why.steps.iter().map(|s| s.other.id()).collect();
    /// assert_eq!(hops, ["trade-in-services-forum-4", "ciie-4"]);
    /// ```
    pub fn explain<'a>(
        &'a self,
        from: impl Into<AnyRecord<'a>>,
        to: impl Into<AnyRecord<'a>>,
    ) -> Option<Derivation<'a>> {
        let (from, to) = (from.into(), to.into());
        let start = (from.kind(), self.tables.position(from.kind(), from.id())?);
        let goal = (to.kind(), self.tables.position(to.kind(), to.id())?);
        let came_from = self.walk(start, goal)?;
        let mut path = vec![goal];
        while let Some(&(prev, _)) = came_from.get(path.last()?) {
            path.push(prev);
        }
        path.reverse();
        let mut steps = Vec::with_capacity(path.len() - 1);
        for pair in path.windows(2) {
            let (prev, link) = came_from.get(&pair[1]).copied()?;
            let source = self.tables.record(prev.0, prev.1)?;
            let link = *source.links().get(link)?;
            steps.push(Resolver::new(self, source).resolve(link, true)?);
        }
        Some(Derivation { from, steps })
    }

    /// Breadth-first from `start` until `goal`: for each node reached, the node and the
    /// index of the link it was reached by.
    fn walk(&self, start: Node, goal: Node) -> Option<HashMap<Node, (Node, usize)>> {
        let mut came_from: HashMap<Node, (Node, usize)> = HashMap::new();
        let mut queue = VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            let record = self.tables.record(node.0, node.1)?;
            for (i, link) in record.links().iter().enumerate() {
                if node != start && !followed(link) {
                    continue;
                }
                let Some(next) = self.node(link.target) else { continue };
                if next == start || came_from.contains_key(&next) {
                    continue;
                }
                came_from.insert(next, (node, i));
                if next == goal {
                    return Some(came_from);
                }
                queue.push_back(next);
            }
        }
        None
    }

    /// The record a link's target is: a record, or a country's place record.
    fn node(&self, target: Target<'_>) -> Option<Node> {
        match target {
            Target::Record(kind, id) => Some((kind, self.tables.position(kind, id)?)),
            Target::Country(c) => Some((Kind::Place, self.tables.position(Kind::Place, c.as_str())?)),
        }
    }
}

/// The links a chain goes on through after its first.
fn followed(link: &Link<'_>) -> bool {
    link.relation.is_containment() || matches!(link.relation, Relation::Place | Relation::Country)
}
