//! [`ForumFilter`], and the lists its conditions read.

use hashbrown::HashMap;

use super::conditions::{Conditions, entry, facet, filter_common};
use crate::Dataset;
use crate::index::Tables;
use crate::index::links::{Postings, push, push_sorted};
use crate::model::{CalendarDate, Forum, ForumKind, Kind, Relation};

/// What the forum conditions read, beyond the shared link lists.
#[derive(Clone, Debug, Default)]
pub(crate) struct ForumIndex {
    by_kind: HashMap<ForumKind, Postings>,
    /// Per organisation: the forums it hosts, organises or partners, and meetings of it.
    by_organization: Vec<Postings>,
}

impl ForumIndex {
    pub(crate) fn build(t: &Tables) -> Self {
        let mut index = ForumIndex { by_organization: vec![Vec::new(); t.organizations.len()], ..Self::default() };
        for (i, f) in t.forums.iter().enumerate() {
            push(&mut index.by_kind, f.kind, i as u32);
            let involved = f.organizations.iter().map(|o| o.organization.as_str());
            let mut orgs: Vec<u32> = involved
                .chain(f.meeting_of.iter().map(|m| m.id.as_str()))
                .filter_map(|o| t.organizations.position(o))
                .collect();
            orgs.sort_unstable();
            orgs.dedup();
            for o in orgs {
                push_sorted(&mut index.by_organization[o as usize], i as u32);
            }
        }
        index
    }
}

/// Filters forums: council meetings, forums, expos and roundtables. Start one with
/// [`Dataset::forum_filter`]; each method sets one condition (see
/// [the filter rules](crate::guide#filters)).
///
/// ```
/// let ds = china_singapore::dataset();
/// assert!(ds.forum_filter().place("shanghai").iter().any(|f| f.id == "trade-in-services-forum-4"));
/// ```
#[derive(Clone)]
#[must_use = "a filter does nothing until iterated"]
pub struct ForumFilter<'a> {
    ds: &'a Dataset,
    conditions: Conditions<'a, 4>,
}

/// The filter's conditions, by the name of the method that sets each.
const FORUM_CONDITIONS: [&str; 4] = ["place", "parent", "organization", "kind"];

filter_common!(ForumFilter => Forum, forums, forum_filter, "forum_filter().parent(\"China International Import Expo 4\")");

impl<'a> ForumFilter<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Self {
        Self { ds, conditions: Conditions::new(&FORUM_CONDITIONS) }
    }

    /// Keeps forums held in this place (by id, name or alias) or in a place within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.forum_filter().place("singapore").iter().any(|f| f.id == "jcbc-18"));
    /// ```
    pub fn place(mut self, place: impl AsRef<str>) -> Self {
        let link = (Kind::Forum, Relation::Place, Kind::Place);
        self.conditions.resolve_link(self.ds, "place", place.as_ref(), link, true);
        self
    }

    /// Keeps forums that are part of this event (by id, name or alias), directly or through
    /// another.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.forum_filter().parent("ciie-4").iter().any(|f| f.id == "trade-in-services-forum-4"));
    /// ```
    pub fn parent(mut self, forum: impl AsRef<str>) -> Self {
        let link = (Kind::Forum, Relation::ParentEvent, Kind::Forum);
        self.conditions.resolve_link(self.ds, "parent", forum.as_ref(), link, true);
        self
    }

    /// Keeps forums this organisation (by id, name or alias) hosts, organises or partners,
    /// and meetings of it (of a council such as the JCBC).
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let ids: Vec<&str> = ds.forum_filter().organization("Yicai Media Group").iter().map(|f| f.id.as_str()).collect();
    /// assert_eq!(ids, ["trade-in-services-forum-4"]);
    /// assert!(ds.forum_filter().organization("JCBC").iter().any(|f| f.id == "jcbc-18"));
    /// ```
    pub fn organization(mut self, organization: impl AsRef<str>) -> Self {
        let lists = &self.ds.links().forums.by_organization;
        let q = organization.as_ref();
        self.conditions.resolve(self.ds, "organization", Kind::Organization, q, |at| entry(lists, at));
        self
    }

    /// Keeps forums of this kind.
    ///
    /// ```
    /// use china_singapore::model::ForumKind;
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.forum_filter().kind(ForumKind::Expo).iter().count(), 1);
    /// ```
    pub fn kind(mut self, kind: ForumKind) -> Self {
        self.conditions.set("kind", facet(&self.ds.links().forums.by_kind, &kind));
        self
    }

    /// Keeps forums whose date lies wholly within `[from, to]` (every day it can mean is in
    /// the range). Unknown years never match; a single day is `between(day, day)`.
    ///
    /// ```
    /// use china_singapore::model::CalendarDate;
    /// let ds = china_singapore::dataset();
    /// let (from, to) = ("2021-01-01".parse().unwrap(), "2021-12-31".parse().unwrap());
    /// assert!(ds.forum_filter().between(from, to).iter().any(|f| f.id == "trade-in-services-forum-4"));
    /// ```
    pub fn between(mut self, from: CalendarDate, to: CalendarDate) -> Self {
        self.conditions.between(self.ds.links().dates(Kind::Forum), from, to);
        self
    }
}
