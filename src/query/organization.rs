//! [`OrganizationFilter`], and the lists its conditions read.

use hashbrown::HashMap;

use super::conditions::{Cond, Conditions, facet, filter_common};
use crate::Dataset;
use crate::index::Tables;
use once_cell::sync::OnceCell;

use crate::index::links::{EMPTY, Links, Postings, push, sorted};
use crate::model::{Country, Kind, Organization, OrganizationKind, Relation};

/// What the organisation conditions read, beyond the shared link lists.
#[derive(Clone, Debug, Default)]
pub(crate) struct OrganizationIndex {
    by_kind: HashMap<OrganizationKind, Postings>,
    by_country: HashMap<Country, Postings>,
    /// Per organisation: every organisation it is under, at any depth, sorted; found the
    /// first time asked.
    above: Vec<OnceCell<Postings>>,
}

impl OrganizationIndex {
    pub(crate) fn build(t: &Tables) -> Self {
        let mut index = OrganizationIndex { above: vec![OnceCell::new(); t.organizations.len()], ..Self::default() };
        for (i, o) in t.organizations.iter().enumerate() {
            let i = i as u32;
            push(&mut index.by_kind, o.kind, i);
            if let Some(c) = &o.country {
                push(&mut index.by_country, c.id, i);
            }
        }
        index
    }

    /// Every organisation `at` is under, at any depth, sorted.
    fn above<'i>(&'i self, links: &Links, at: u32) -> &'i [u32] {
        let Some(cell) = self.above.get(at as usize) else { return EMPTY };
        cell.get_or_init(|| sorted(links.up(Kind::Organization, at).into_iter().filter(|&a| a != at)))
    }
}

/// Filters organisations: companies, governments, universities and other bodies. Start
/// one with [`Dataset::organization_filter`]; each method sets one condition (see
/// [the filter rules](crate::guide#filters)).
///
/// ```
/// use china_singapore::model::{Country, OrganizationKind};
/// let ds = china_singapore::dataset();
/// let companies = ds.organization_filter().country(Country::Singapore).kind(OrganizationKind::Company);
/// assert!(companies.iter().any(|o| o.name == "NCS"));
/// ```
#[derive(Clone)]
#[must_use = "a filter does nothing until iterated"]
pub struct OrganizationFilter<'a> {
    ds: &'a Dataset,
    conditions: Conditions<'a, 4>,
}

/// The filter's conditions, by the name of the method that sets each.
const ORGANIZATION_CONDITIONS: [&str; 4] = ["country", "kind", "parent", "above"];

filter_common!(OrganizationFilter => Organization, organizations, organization_filter, "organization_filter().parent(\"Singapore Telcom\")");

impl<'a> OrganizationFilter<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Self {
        Self { ds, conditions: Conditions::new(&ORGANIZATION_CONDITIONS) }
    }

    fn index(&self) -> &'a OrganizationIndex {
        &self.ds.links().organizations
    }

    /// Keeps organisations of this country.
    ///
    /// ```
    /// use china_singapore::model::Country;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.organization_filter().country(Country::China).iter().any(|o| o.id == "jiangsu-provincial-government"));
    /// ```
    pub fn country(mut self, country: Country) -> Self {
        self.conditions.set("country", facet(&self.index().by_country, &country));
        self
    }

    /// Keeps organisations of this kind.
    ///
    /// ```
    /// use china_singapore::model::OrganizationKind;
    /// let ds = china_singapore::dataset();
    /// let orgs: Vec<_> = ds.organization_filter().kind(OrganizationKind::University).iter().collect();
    /// assert!(!orgs.is_empty() && orgs.iter().all(|o| o.kind == OrganizationKind::University));
    /// ```
    pub fn kind(mut self, kind: OrganizationKind) -> Self {
        self.conditions.set("kind", facet(&self.index().by_kind, &kind));
        self
    }

    /// Keeps organisations under this one (by id, name or alias) at any depth: its
    /// subsidiaries, committees and other units, and theirs. The way down a parent chain.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let units: Vec<&str> = ds.organization_filter().parent("Singapore Telecom").iter().map(|o| o.name.as_str()).collect();
    /// assert_eq!(units, ["NCS"]);
    /// ```
    pub fn parent(mut self, organization: impl AsRef<str>) -> Self {
        let link = (Kind::Organization, Relation::Parent, Kind::Organization);
        self.conditions.resolve_link(self.ds, "parent", organization.as_ref(), link, true);
        self
    }

    /// Keeps organisations this one (by id, name or alias) is under, at any depth: its
    /// parent, its parent's parent, and so on. The way up a parent chain.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let above: Vec<&str> = ds.organization_filter().above("NCS").iter().map(|o| o.name.as_str()).collect();
    /// assert_eq!(above, ["Singapore Telecom"]);
    /// ```
    pub fn above(mut self, organization: impl AsRef<str>) -> Self {
        let (index, links) = (self.index(), self.ds.links());
        let list = |at: Option<u32>| at.map_or(Cond::Nothing, |at| Cond::List(index.above(links, at)));
        self.conditions.resolve(self.ds, "above", Kind::Organization, organization.as_ref(), list);
        self
    }
}
