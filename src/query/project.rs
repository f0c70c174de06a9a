//! [`ProjectFilter`], and the lists its conditions read.

use hashbrown::HashMap;

use super::conditions::{Cond, Conditions, facet, filter_common};
use crate::Dataset;
use crate::index::Tables;
use once_cell::sync::OnceCell;

use crate::index::links::{EMPTY, Links, Postings, push, sorted};
use crate::model::{CalendarDate, Country, Kind, Project, ProjectKind, ProjectStatus, Relation, Sector};

/// What the project conditions read, beyond the shared link lists.
#[derive(Clone, Debug, Default)]
pub(crate) struct ProjectIndex {
    by_sector: HashMap<Sector, Postings>,
    by_kind: HashMap<ProjectKind, Postings>,
    by_status: HashMap<ProjectStatus, Postings>,
    /// Per country (in the order of `Country::ALL`): the projects in it or involving an
    /// organisation from it, found the first time asked.
    by_country: Vec<OnceCell<Postings>>,
    /// Per place: the projects in it, in a place within it, or part of a project that is,
    /// found the first time asked.
    in_place: Vec<OnceCell<Postings>>,
}

impl ProjectIndex {
    pub(crate) fn build(t: &Tables) -> Self {
        let mut index = ProjectIndex {
            in_place: vec![OnceCell::new(); t.places.len()],
            by_country: vec![OnceCell::new(); Country::ALL.len()],
            ..Self::default()
        };
        for (i, p) in t.projects.iter().enumerate() {
            let i = i as u32;
            for s in &p.sectors {
                push(&mut index.by_sector, *s, i);
            }
            push(&mut index.by_kind, p.kind, i);
            if let Some(s) = p.status {
                push(&mut index.by_status, s, i);
            }
        }
        index
    }

    /// The projects in place `at`, in a place within it, or part of a project that is.
    fn in_place<'i>(&'i self, links: &Links, at: u32) -> &'i [u32] {
        let Some(cell) = self.in_place.get(at as usize) else { return EMPTY };
        cell.get_or_init(|| projects_in(links, vec![at]))
    }

    /// The projects in a place of country `c` (or within one, or part of a project that is),
    /// and those involving an organisation from it.
    fn in_country<'i>(&'i self, ds: &Dataset, c: Country) -> &'i [u32] {
        let Some(cell) = Country::ALL.iter().position(|x| *x == c).and_then(|i| self.by_country.get(i)) else {
            return EMPTY;
        };
        cell.get_or_init(|| {
            let t = &ds.tables;
            let places = t.places.iter().enumerate().filter(|(_, p)| p.country.id == c).map(|(i, _)| i as u32);
            let orgs = |p: &Project| {
                let country = |inv: &crate::model::Involvement| {
                    Some(t.organizations.by_id(&inv.organization)?.country.as_ref()?.id)
                };
                p.organizations.iter().any(|inv| country(inv) == Some(c))
            };
            let by_org = t.projects.iter().enumerate().filter(|(_, p)| orgs(p)).map(|(i, _)| i as u32);
            sorted(projects_in(ds.links(), places.collect()).into_iter().chain(by_org))
        })
    }
}

/// The projects in `places` or a place within one, and every project part of one of those
/// at any depth; sorted. Walks down from the places, so it costs what it reaches.
fn projects_in(links: &Links, places: Vec<u32>) -> Postings {
    let within = links.down(Kind::Place, places);
    let direct: Vec<u32> = within
        .into_iter()
        .flat_map(|pl| links.sources(Kind::Project, Relation::Place, Kind::Place, pl, false).iter().copied())
        .collect();
    sorted(links.down(Kind::Project, direct))
}

/// Filters projects. Start one with [`Dataset::project_filter`]; each method sets one
/// condition (see [the filter rules](crate::guide#filters)).
///
/// ```
/// use china_singapore::model::Sector;
/// let ds = china_singapore::dataset();
/// let bio: Vec<&str> = ds.project_filter().sector(Sector::Biomedicine).iter().map(|p| p.name.as_str()).collect();
/// assert!(bio.contains(&"Biosyngen immunocellular drug production base"));
/// ```
#[derive(Clone)]
#[must_use = "a filter does nothing until iterated"]
pub struct ProjectFilter<'a> {
    ds: &'a Dataset,
    conditions: Conditions<'a, 8>,
}

/// The filter's conditions, by the name of the method that sets each.
const PROJECT_CONDITIONS: [&str; 8] =
    ["sector", "place", "part_of", "organization", "group", "country", "kind", "status"];

filter_common!(ProjectFilter => Project, projects, project_filter, "project_filter().place(\"Guangzhuo\")");

impl<'a> ProjectFilter<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Self {
        Self { ds, conditions: Conditions::new(&PROJECT_CONDITIONS) }
    }

    fn index(&self) -> &'a ProjectIndex {
        &self.ds.links().projects
    }

    /// Keeps projects filed under this sector.
    ///
    /// ```
    /// use china_singapore::model::Sector;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.project_filter().sector(Sector::FinancialServices).iter().any(|p| p.id == "green-bond-issuance"));
    /// ```
    pub fn sector(mut self, sector: Sector) -> Self {
        self.conditions.set("sector", facet(&self.index().by_sector, &sector));
        self
    }

    /// Keeps projects located in this place (by id, name or alias) or in a place within
    /// it, and projects part of (at any depth) a project that is.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let in_gba = ds.project_filter().place("greater-bay-area").iter().count();
    /// let in_china = ds.project_filter().place("china").iter().count();
    /// assert!(in_gba > 0 && in_china >= in_gba);
    /// ```
    pub fn place(mut self, place: impl AsRef<str>) -> Self {
        let (index, links) = (self.index(), self.ds.links());
        let list = |at: Option<u32>| at.map_or(Cond::Nothing, |at| Cond::List(index.in_place(links, at)));
        self.conditions.resolve(self.ds, "place", Kind::Place, place.as_ref(), list);
        self
    }

    /// Keeps projects part of this project (by id, name or alias), directly or through
    /// another: its phases, the parks and offices within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let parts: Vec<&str> = ds.project_filter().part_of("Greater Bay Area Fintech Delivery Center").iter().map(|p| p.id.as_str()).collect();
    /// assert_eq!(parts, ["ncs-gba-fintech-delivery-center-phase-1"]);
    /// ```
    pub fn part_of(mut self, project: impl AsRef<str>) -> Self {
        let link = (Kind::Project, Relation::PartOf, Kind::Project);
        self.conditions.resolve_link(self.ds, "part_of", project.as_ref(), link, true);
        self
    }

    /// Keeps projects this organisation (by id, name or alias) is involved in, in any role.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.project_filter().organization("sp-group").iter().any(|p| p.id == "regional-energy-projects"));
    /// ```
    pub fn organization(mut self, organization: impl AsRef<str>) -> Self {
        let link = (Kind::Project, Relation::Involves, Kind::Organization);
        self.conditions.resolve_link(self.ds, "organization", organization.as_ref(), link, false);
        self
    }

    /// Keeps projects this organisation (by id, name or alias), or any organisation under
    /// it at any depth (subsidiaries, committees), is involved in: the group's projects.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let group: Vec<&str> = ds.project_filter().group("Singapore Telecom").iter().map(|p| p.id.as_str()).collect();
    /// assert!(group.contains(&"ncs-gba-fintech-delivery-center")); // through NCS, its subsidiary
    /// assert_eq!(ds.project_filter().organization("Singapore Telecom").iter().count(), 0);
    /// ```
    pub fn group(mut self, organization: impl AsRef<str>) -> Self {
        let link = (Kind::Project, Relation::Involves, Kind::Organization);
        self.conditions.resolve_link(self.ds, "group", organization.as_ref(), link, true);
        self
    }

    /// Keeps projects located in this country (through any of their places) or involving
    /// an organisation from it.
    ///
    /// ```
    /// use china_singapore::model::Country;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.project_filter().country(Country::Singapore).iter().any(|p| p.id == "nus-guangzhou-innovation-institute"));
    /// ```
    pub fn country(mut self, country: Country) -> Self {
        self.conditions.set("country", Cond::List(self.index().in_country(self.ds, country)));
        self
    }

    /// Keeps projects of this kind.
    ///
    /// ```
    /// use china_singapore::model::ProjectKind;
    /// let ds = china_singapore::dataset();
    /// let parks: Vec<_> = ds.project_filter().kind(ProjectKind::Park).iter().collect();
    /// assert!(!parks.is_empty() && parks.iter().all(|p| p.kind == ProjectKind::Park));
    /// ```
    pub fn kind(mut self, kind: ProjectKind) -> Self {
        self.conditions.set("kind", facet(&self.index().by_kind, &kind));
        self
    }

    /// Keeps projects with this status.
    ///
    /// ```
    /// use china_singapore::model::ProjectStatus;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.project_filter().status(ProjectStatus::Planned).iter().any(|p| p.id == "lion-tcr-gmp-cell-production-base"));
    /// ```
    pub fn status(mut self, status: ProjectStatus) -> Self {
        self.conditions.set("status", facet(&self.index().by_status, &status));
        self
    }

    /// Keeps projects with a date (started, or a dated figure) that lies wholly within
    /// `[from, to]`. Dates whose year the text leaves unknown never match.
    ///
    /// ```
    /// use china_singapore::model::CalendarDate;
    /// let ds = china_singapore::dataset();
    /// let (from, to) = ("2000-01-01".parse().unwrap(), "2010-12-31".parse().unwrap());
    /// let ids: Vec<&str> = ds.project_filter().between(from, to).iter().map(|p| p.id.as_str()).collect();
    /// assert_eq!(ids, ["suzhou-service-trade-pilot"]);
    /// ```
    pub fn between(mut self, from: CalendarDate, to: CalendarDate) -> Self {
        self.conditions.between(self.ds.links().dates(Kind::Project), from, to);
        self
    }
}
