//! Filters against an oracle: for random condition sets and date ranges, each filter returns
//! exactly what a plain scan of its table returns, in the same (file) order. The scan is
//! written here from the documented rules, against the public fields only.
//!
//! `every_condition_of_every_filter_at_once` also runs in CI in a release build, where a
//! condition dropped by a debug-only check would go unnoticed.

use crate::common;

use china_singapore::model::*;
use china_singapore::*;
use proptest::prelude::*;

/// A place and every place it lies within.
fn place_chain<'a>(ds: &'a Dataset, id: &'a str) -> Vec<&'a str> {
    let mut out = vec![id];
    let mut i = 0;
    while let Some(&cur) = out.get(i) {
        for w in ds.places().by_id(cur).into_iter().flat_map(|p| &p.within) {
            if !out.contains(&w.id.as_str()) {
                out.push(w.id.as_str());
            }
        }
        i += 1;
    }
    out
}

/// A forum and every event it is part of.
fn forum_chain<'a>(ds: &'a Dataset, id: &'a str) -> Vec<&'a str> {
    let mut out = vec![id];
    while let Some(parent) = ds.forums().by_id(out[out.len() - 1]).and_then(|f| f.parent.as_ref()) {
        if out.contains(&parent.id.as_str()) {
            break;
        }
        out.push(parent.id.as_str());
    }
    out
}

/// An organisation and every organisation it is a unit of.
fn org_chain<'a>(ds: &'a Dataset, id: &'a str) -> Vec<&'a str> {
    let mut out = vec![id];
    while let Some(parent) = ds.organizations().by_id(out[out.len() - 1]).and_then(|o| o.parent.as_ref()) {
        if out.contains(&parent.organization.as_str()) {
            break;
        }
        out.push(parent.organization.as_str());
    }
    out
}

/// An agreement and every agreement it is part of.
fn agreement_chain<'a>(ds: &'a Dataset, a: &'a Agreement) -> Vec<&'a str> {
    let mut out = vec![a.id.as_str()];
    while let Some(up) = ds.agreements().by_id(out[out.len() - 1]).and_then(|x| x.part_of.as_ref()) {
        if out.contains(&up.id.as_str()) {
            break;
        }
        out.push(up.id.as_str());
    }
    out
}

/// A project's dates: when it started, and the dates of its figures.
fn project_dates(p: &Project) -> Vec<&PartialDate> {
    p.started.iter().chain(p.counts.iter().filter_map(|c| c.date.as_ref())).collect()
}

/// A project and every project it is part of.
fn project_chain<'a>(ds: &'a Dataset, p: &'a Project) -> Vec<&'a Project> {
    let mut out = vec![p];
    let mut i = 0;
    while let Some(cur) = out.get(i).copied() {
        for up in cur.part_of.iter().filter_map(|r| ds.projects().by_id(r)) {
            if !out.iter().any(|x| std::ptr::eq(*x, up)) {
                out.push(up);
            }
        }
        i += 1;
    }
    out
}

/// Every place a project lies in: its own, those of the projects it is part of, and every
/// place containing those.
fn project_places<'a>(ds: &'a Dataset, p: &'a Project) -> Vec<&'a str> {
    let own = project_chain(ds, p).into_iter().flat_map(|x| &x.places).map(|r| r.id.as_str());
    own.flat_map(|at| place_chain(ds, at)).collect()
}

/// A date lies in a range when every day it can mean does.
fn within(dates: &[&PartialDate], from: CalendarDate, to: CalendarDate) -> bool {
    dates.iter().filter_map(|d| d.bounds()).any(|(a, b)| a >= from && b <= to)
}

fn ids<'a, T: Record + 'a>(it: impl IntoIterator<Item = &'a T>) -> Vec<&'a str> {
    it.into_iter().map(|r| r.id()).collect()
}

/// Picks an id of the table, or (for the last index) one that names nothing.
fn pick<T: Record>(table: &Table<T>, i: usize) -> &str {
    table.as_slice().get(i % (table.len() + 1)).map_or("no-such-id", |r| r.id())
}

/// Sets a condition when a value was picked.
fn maybe<F, X>(f: F, x: Option<X>, set: impl FnOnce(F, X) -> F) -> F {
    match x {
        Some(x) => set(f, x),
        None => f,
    }
}

fn pick_enum<E: Copy>(all: &[E], i: usize) -> E {
    all[i % all.len()]
}

#[derive(Debug, Clone)]
struct Picks {
    set: [bool; 9],
    at: [usize; 9],
    from: (i32, u8, u8),
    to: (i32, u8, u8),
}

fn picks() -> impl Strategy<Value = Picks> {
    (any::<[bool; 9]>(), any::<[usize; 9]>(), (2018..2024i32, 1..=12u8, 1..=28u8), (2018..2024i32, 1..=12u8, 1..=28u8))
        .prop_map(|(set, at, from, to)| Picks { set, at, from, to })
}

impl Picks {
    fn dates(&self) -> (CalendarDate, CalendarDate) {
        let d = |(y, m, day): (i32, u8, u8)| CalendarDate::new(y, m, day).unwrap();
        (d(self.from), d(self.to))
    }
}

fn check_projects(ds: &Dataset, p: &Picks) -> Result<(), TestCaseError> {
    let sector = p.set[0].then(|| pick_enum(Sector::ALL, p.at[0]));
    let place = p.set[1].then(|| pick(ds.places(), p.at[1]));
    let org = p.set[2].then(|| pick(ds.organizations(), p.at[2]));
    let country = p.set[3].then(|| pick_enum(Country::ALL, p.at[3]));
    let kind = p.set[4].then(|| pick_enum(ProjectKind::ALL, p.at[4]));
    let status = p.set[5].then(|| pick_enum(ProjectStatus::ALL, p.at[5]));
    let group = p.set[6].then(|| pick(ds.organizations(), p.at[6]));
    let range = p.set[7].then(|| p.dates());
    let part_of = p.set[8].then(|| pick(ds.projects(), p.at[8]));
    let mut f = ds.project_filter();
    f = maybe(f, part_of, |f, x| f.part_of(x));
    f = maybe(f, sector, |f, x| f.sector(x));
    f = maybe(f, place, |f, x| f.place(x));
    f = maybe(f, org, |f, x| f.organization(x));
    f = maybe(f, country, |f, x| f.country(x));
    f = maybe(f, kind, |f, x| f.kind(x));
    f = maybe(f, status, |f, x| f.status(x));
    f = maybe(f, group, |f, x| f.group(x));
    f = maybe(f, range, |f, (a, b)| f.between(a, b));
    let scan = ds.projects().iter().filter(|r| {
        let places = project_places(ds, r);
        let countries: Vec<Country> = places
            .iter()
            .filter_map(|a| ds.places().by_id(a))
            .map(|pl| pl.country.id)
            .chain(
                r.organizations
                    .iter()
                    .filter_map(|i| Some(ds.organizations().by_id(&i.organization)?.country.as_ref()?.id)),
            )
            .collect();
        sector.is_none_or(|s| r.sectors.contains(&s))
            && place.is_none_or(|x| places.contains(&x))
            && org.is_none_or(|o| r.organizations.iter().any(|i| i.organization == o))
            && country.is_none_or(|c| countries.contains(&c))
            && kind.is_none_or(|k| r.kind == k)
            && status.is_none_or(|s| r.status == Some(s))
            && group.is_none_or(|g| r.organizations.iter().any(|i| org_chain(ds, i.organization.as_str()).contains(&g)))
            && range.is_none_or(|(from, to)| within(&project_dates(r), from, to))
            && part_of.is_none_or(|x| x != r.id && project_chain(ds, r).iter().any(|up| up.id == x))
    });
    prop_assert_eq!(ids(f.iter()), ids(scan), "{:?}", f);
    Ok(())
}

fn agreement_dates<'a>(ds: &'a Dataset, a: &'a Agreement) -> Vec<&'a PartialDate> {
    let own = a.milestones.iter().filter_map(|m| m.date.as_ref());
    own.chain(a.forum.as_ref().and_then(|f| ds.forums().by_id(f)?.date.as_ref())).collect()
}

fn involves(ds: &Dataset, a: &Agreement, org: &str) -> bool {
    let party = a.parties.iter().any(|p| matches!(&p.party, Party::Organization(o) if o == org));
    let named = a.organizations.iter().any(|i| i.organization == org);
    let signer =
        a.signatories.iter().filter_map(|s| ds.speakers().by_id(s)).any(|s| s.organizations().any(|o| o == org));
    party || named || signer
}

fn check_agreements(ds: &Dataset, p: &Picks) -> Result<(), TestCaseError> {
    let kind = p.set[0].then(|| pick_enum(AgreementKind::ALL, p.at[0]));
    let sector = p.set[1].then(|| pick_enum(Sector::ALL, p.at[1]));
    let party = p.set[2].then(|| pick(ds.organizations(), p.at[2]));
    let country = p.set[3].then(|| pick_enum(Country::ALL, p.at[3]));
    let forum = p.set[4].then(|| pick(ds.forums(), p.at[4]));
    let range = p.set[5].then(|| p.dates());
    let involving = p.set[6].then(|| pick(ds.organizations(), p.at[6]));
    let signer = p.set[7].then(|| pick(ds.speakers(), p.at[7]));
    let part_of = p.set[8].then(|| pick(ds.agreements(), p.at[8]));
    let mut f = ds.agreement_filter();
    f = maybe(f, kind, |f, x| f.kind(x));
    f = maybe(f, sector, |f, x| f.sector(x));
    f = maybe(f, party, |f, x| f.party(x));
    f = maybe(f, involving, |f, x| f.involving(x));
    f = maybe(f, signer, |f, x| f.signed_by(x));
    f = maybe(f, part_of, |f, x| f.part_of(x));
    f = maybe(f, country, |f, x| f.country(x));
    f = maybe(f, forum, |f, x| f.forum(x));
    f = maybe(f, range, |f, (a, b)| f.between(a, b));
    let scan = ds.agreements().iter().filter(|a| {
        kind.is_none_or(|k| a.kind == k)
            && sector.is_none_or(|s| a.sectors.contains(&s))
            && party.is_none_or(|o| a.parties.iter().any(|p| matches!(&p.party, Party::Organization(x) if x == o)))
            && involving.is_none_or(|o| involves(ds, a, o))
            && signer.is_none_or(|x| a.signatories.iter().any(|s| s.id == x))
            && country.is_none_or(|c| a.parties.iter().any(|p| p.party == Party::Country(c)))
            && forum.is_none_or(|x| a.forum.as_ref().is_some_and(|at| forum_chain(ds, at.id.as_str()).contains(&x)))
            && range.is_none_or(|(from, to)| within(&agreement_dates(ds, a), from, to))
            && part_of.is_none_or(|x| x != a.id && agreement_chain(ds, a).contains(&x))
    });
    prop_assert_eq!(ids(f.iter()), ids(scan), "{:?}", f);
    Ok(())
}

fn check_forums(ds: &Dataset, p: &Picks) -> Result<(), TestCaseError> {
    let place = p.set[0].then(|| pick(ds.places(), p.at[0]));
    let parent = p.set[1].then(|| pick(ds.forums(), p.at[1]));
    let kind = p.set[2].then(|| pick_enum(ForumKind::ALL, p.at[2]));
    let range = p.set[3].then(|| p.dates());
    let org = p.set[4].then(|| pick(ds.organizations(), p.at[4]));
    let mut f = ds.forum_filter();
    f = maybe(f, place, |f, x| f.place(x));
    f = maybe(f, parent, |f, x| f.parent(x));
    f = maybe(f, kind, |f, x| f.kind(x));
    f = maybe(f, range, |f, (a, b)| f.between(a, b));
    f = maybe(f, org, |f, x| f.organization(x));
    let scan = ds.forums().iter().filter(|r| {
        let at = r.place.as_ref().map(|pl| pl.id.as_str());
        place.is_none_or(|x| at.is_some_and(|a| place_chain(ds, a).contains(&x)))
            && parent.is_none_or(|x| forum_chain(ds, r.id()).iter().skip(1).any(|&up| up == x))
            && kind.is_none_or(|k| r.kind == k)
            && range.is_none_or(|(from, to)| within(&r.date.iter().collect::<Vec<_>>(), from, to))
            && org.is_none_or(|o| {
                r.organizations.iter().any(|i| i.organization == o) || r.meeting_of.as_ref().is_some_and(|m| m.id == o)
            })
    });
    prop_assert_eq!(ids(f.iter()), ids(scan), "{:?}", f);
    Ok(())
}

fn check_speakers(ds: &Dataset, p: &Picks) -> Result<(), TestCaseError> {
    let forum = p.set[0].then(|| pick(ds.forums(), p.at[0]));
    let org = p.set[1].then(|| pick(ds.organizations(), p.at[1]));
    let role = p.set[2].then(|| pick_enum(SpeakerRole::ALL, p.at[2]));
    let mut f = ds.speaker_filter();
    f = maybe(f, forum, |f, x| f.forum(x));
    f = maybe(f, org, |f, x| f.organization(x));
    f = maybe(f, role, |f, x| f.role(x));
    let scan = ds.speakers().iter().filter(|s| {
        forum.is_none_or(|x| s.forum.as_ref().is_some_and(|at| forum_chain(ds, at.id.as_str()).contains(&x)))
            && org.is_none_or(|o| s.organizations().any(|x| x == o))
            && role.is_none_or(|r| s.roles.iter().any(|p| p.role == r))
    });
    prop_assert_eq!(ids(f.iter()), ids(scan), "{:?}", f);
    Ok(())
}

fn check_organizations(ds: &Dataset, p: &Picks) -> Result<(), TestCaseError> {
    let country = p.set[0].then(|| pick_enum(Country::ALL, p.at[0]));
    let kind = p.set[1].then(|| pick_enum(OrganizationKind::ALL, p.at[1]));
    let parent = p.set[2].then(|| pick(ds.organizations(), p.at[2]));
    let above = p.set[3].then(|| pick(ds.organizations(), p.at[3]));
    let mut f = ds.organization_filter();
    f = maybe(f, country, |f, x| f.country(x));
    f = maybe(f, kind, |f, x| f.kind(x));
    f = maybe(f, parent, |f, x| f.parent(x));
    f = maybe(f, above, |f, x| f.above(x));
    let scan = ds.organizations().iter().filter(|o| {
        country.is_none_or(|c| o.country.as_ref().is_some_and(|r| r.id == c))
            && kind.is_none_or(|k| o.kind == k)
            && parent.is_none_or(|x| o.id != x && org_chain(ds, o.id.as_str()).contains(&x))
            && above.is_none_or(|x| x != o.id && org_chain(ds, x).contains(&o.id.as_str()))
    });
    prop_assert_eq!(ids(f.iter()), ids(scan), "{:?}", f);
    Ok(())
}

fn synthetic() -> &'static Dataset {
    static DS: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DS.get_or_init(|| Loader::new().files(common::synthetic::files(2_000)).load().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn filters_equal_a_plain_scan(p in picks()) {
        for ds in [china_singapore::dataset(), synthetic()] {
            check_projects(ds, &p)?;
            check_agreements(ds, &p)?;
            check_forums(ds, &p)?;
            check_speakers(ds, &p)?;
            check_organizations(ds, &p)?;
        }
    }
}

#[test]
fn every_condition_of_every_filter_at_once() {
    let ds = china_singapore::dataset();
    let d = |s: &str| s.parse::<CalendarDate>().unwrap();
    let seven = ds
        .project_filter()
        .sector(Sector::Biomedicine)
        .place("china")
        .organization("biosyngen")
        .group("biosyngen")
        .country(Country::China)
        .kind(ProjectKind::ProductionBase)
        .status(ProjectStatus::Built);
    assert_eq!(ids(seven), ["biosyngen-production-base"]);
    let dated = ds.project_filter().kind(ProjectKind::Pilot).place("suzhou").between(d("2006-01-01"), d("2006-12-31"));
    assert_eq!(ids(dated), ["suzhou-service-trade-pilot"]);
    let six = ds
        .agreement_filter()
        .kind(AgreementKind::Mou)
        .signed_by("chua-teng-hoe")
        .party("suzhou-municipal-government")
        .country(Country::Singapore)
        .forum("ciie-4")
        .between(d("2021-01-01"), d("2021-12-31"));
    assert_eq!(ids(six), ["mou-service-industry-development"]);
    let five = ds
        .forum_filter()
        .place("shanghai")
        .parent("ciie-4")
        .organization("yicai-media-group")
        .kind(ForumKind::Forum)
        .between(d("2021-01-01"), d("2021-12-31"));
    assert_eq!(ids(five), ["trade-in-services-forum-4"]);
    let three = ds.speaker_filter().forum("ciie-4").organization("bank-of-communications").role(SpeakerRole::Keynote);
    assert_eq!(ids(three), ["qian-bin"]);
    // Each condition narrows: dropping the last one of the projects' six widens the result.
    let five = ds.project_filter().sector(Sector::Biomedicine).place("china").country(Country::China);
    assert!(five.iter().count() > 1);
}
