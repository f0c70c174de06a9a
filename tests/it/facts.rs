//! Fact tests: the articles' facts as a user would ask for them, and how each link is known.
//! Every expected value is taken from the articles in data/sources/.

use china_singapore::model::*;
use china_singapore::*;

fn ds() -> &'static Dataset {
    dataset()
}

fn ids<'a, T: Record + 'a>(it: impl IntoIterator<Item = &'a T>) -> Vec<&'a str> {
    it.into_iter().map(|r| r.id()).collect()
}

fn project(id: &str) -> &'static Project {
    ds().projects().by_id(id).unwrap_or_else(|| panic!("no project {id}"))
}

/// Each link of a record as (relation, target id or country, basis).
fn links<T: Record>(r: &T) -> Vec<(Relation, String, Basis)> {
    r.links()
        .into_iter()
        .map(|l| {
            let target = match l.target {
                Target::Record(_, id) => id.to_owned(),
                Target::Country(c) => c.to_string(),
            };
            (l.relation, target, l.basis)
        })
        .collect()
}

fn link_basis<T: Record>(r: &T, relation: Relation, target: &str) -> Option<Basis> {
    links(r).into_iter().find(|(rel, t, _)| *rel == relation && t == target).map(|(_, _, b)| b)
}

const KC: &str = "china-singapore-guangzhou-knowledge-city";

#[test]
fn biomedicine_reaches_the_knowledge_city_and_its_two_bases() {
    let got = ids(ds().project_filter().sector(Sector::Biomedicine));
    assert_eq!(got, [KC, "biosyngen-production-base", "lion-tcr-gmp-cell-production-base"]);
    let kc = project(KC);
    assert!(kc.sectors.contains(&Sector::FinancialServices), "by its bullets, financial services");
    let finance = ids(ds().project_filter().sector(Sector::FinancialServices));
    assert_eq!(finance, [KC, "green-bond-issuance"]);
}

#[test]
fn the_knowledge_city_lies_in_the_bay_area_as_stated_and_in_guangzhou_by_its_name() {
    let kc = project(KC);
    assert_eq!(link_basis(kc, Relation::Place, "greater-bay-area"), Some(Basis::Stated));
    assert_eq!(link_basis(kc, Relation::Place, "guangzhou"), Some(Basis::Name));
    for (id, basis) in [("guangzhou-lion-tcr", Basis::Name), ("nus-guangzhou-innovation-institute", Basis::Name)] {
        assert_eq!(link_basis(project(id), Relation::Place, "guangzhou"), Some(basis), "{id}");
    }
    let zone = project("china-singapore-innovation-cooperation-demonstration-zone");
    assert!(zone.places.is_empty(), "the text calls it one of 'other regions'");
    assert!(project("regional-energy-projects").places.is_empty(), "extended to other regions");
    for hk in ["hong-kong", "macao"] {
        let p = ds().places().by_id(hk).unwrap();
        assert_eq!(link_basis(p, Relation::Within, "greater-bay-area"), Some(Basis::Name), "{hk}");
    }
}

#[test]
fn the_regulations_achieved_and_the_knowledge_city_is_state_level() {
    let reg = ds().agreements().by_id("regulations-on-csgkc").unwrap();
    assert!(reg.aims.is_empty());
    assert_eq!(
        reg.achievements,
        ["has made remarkable achievements in ChinaSingapore state-level bilateral cooperation projects"]
    );
    let level = project(KC).cooperation_level.as_ref().unwrap();
    assert_eq!((level.id, level.basis), (CooperationLevel::StateLevelBilateral, Basis::Context));
    let sip = project("suzhou-industrial-park");
    assert_eq!(sip.cooperation_level.as_ref().map(|l| l.id), Some(CooperationLevel::Intergovernmental));
}

#[test]
fn yesterday_has_no_invented_day_and_the_roundtable_no_borrowed_date() {
    let f = ds().forums().by_id("trade-in-services-forum-4").unwrap();
    let d = f.date.as_ref().unwrap();
    assert_eq!((d.relative, d.precision, d.month, d.day), (Some(Relative::Yesterday), Precision::Day, None, None));
    assert_eq!(d.relative_to.as_ref().unwrap(), "trade-in-services-forum");
    assert!(d.year.as_ref().unwrap().is_inferred());
    for day in ["2021-01-01", "2021-11-04", "2021-12-31"] {
        assert_eq!(ds().forum_filter().between(day.parse().unwrap(), day.parse().unwrap()).iter().count(), 0, "{day}");
    }
    let year = ds().forum_filter().between("2021-01-01".parse().unwrap(), "2021-12-31".parse().unwrap());
    assert_eq!(ids(year), ["trade-in-services-forum-4"]);
    let rt = ds().forums().by_id("trade-in-services-forum-4-roundtable").unwrap();
    assert!(rt.date.is_none());
}

#[test]
fn the_office_belongs_to_the_knowledge_city_the_official_speaks_of_the_mou_and_recent_starts_are_relative() {
    let office = ds().organizations().by_id("csgks-cooperation-affairs-office").unwrap();
    let p = office.project.as_ref().unwrap();
    assert_eq!((p.id.as_str(), p.basis), (KC, Basis::Name));
    let official = ds().speakers().by_id("csgks-commission-official").unwrap();
    assert_eq!(official.statements_about.as_ref().unwrap().id, "mou-singapore-companies-csgks");
    let launched: Vec<&str> = ds()
        .projects()
        .iter()
        .filter(|p| p.started.as_ref().is_some_and(|d| d.relative == Some(Relative::RecentYears)))
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(launched, ["ncs-gba-fintech-delivery-center", "biosyngen-production-base", "green-bond-issuance"]);
    assert_eq!(project("green-bond-issuance").started.as_ref().unwrap().as_written, "In recent years");
}

#[test]
fn the_keynote_order_and_the_concerns_of_all_parties_are_fields() {
    let f = ds().forums().by_id("trade-in-services-forum-4").unwrap();
    let order: Vec<(&str, Vec<&str>)> =
        f.programme.iter().map(|s| (s.session.as_str(), s.speakers.iter().map(|r| r.id.as_str()).collect())).collect();
    assert_eq!(
        order,
        [
            ("keynote speech", vec!["chi-fulin"]),
            ("subsequent keynote speech session", vec!["qian-bin", "li-tao", "wei-zhe"])
        ]
    );
    let issues = f.key_issues.as_ref().unwrap();
    assert_eq!((issues.concerned.as_str(), issues.basis, issues.issues.len()), ("all parties", Basis::Context, 3));
}

#[test]
fn party_and_role_links_carry_their_true_basis() {
    let mou = ds().agreements().by_id("mou-service-industry-development").unwrap();
    assert_eq!(link_basis(mou, Relation::Party, "singapore"), Some(Basis::Context), "the signer's post");
    assert_eq!(link_basis(mou, Relation::Party, "suzhou-municipal-government"), Some(Basis::Stated));
    let cptpp = ds().agreements().by_id("cptpp").unwrap();
    assert_eq!(link_basis(cptpp, Relation::Party, "singapore"), Some(Basis::Context), "implied by the presidency");
    let roles = |id: &str| -> Vec<(ProjectRole, Basis)> {
        project(id).organizations.iter().map(|i| (i.role, i.basis)).collect()
    };
    assert_eq!(roles(KC), [(ProjectRole::Administrator, Basis::Context)]);
    assert_eq!(roles("nus-guangzhou-innovation-institute"), [(ProjectRole::Owner, Basis::Name)]);
    assert_eq!(
        roles("regional-energy-projects"),
        [
            (ProjectRole::Partner, Basis::Stated),
            (ProjectRole::Investor, Basis::Context),
            (ProjectRole::Builder, Basis::Context),
            (ProjectRole::Operator, Basis::Context)
        ]
    );
    assert_eq!(roles("guangzhou-lion-tcr"), [(ProjectRole::Participant, Basis::Name)]);
    let sip = ds().organizations().by_id("sip-administrative-committee").unwrap();
    assert!(sip.aliases.is_empty(), "the text uses 'Suzhou Industrial Park' for the park");
    assert_eq!(ds().projects().by_name("Suzhou Industrial Park").unwrap().id, "suzhou-industrial-park");
}

#[test]
fn the_knowledge_citys_direct_parts_and_how_each_is_known() {
    let parts: Vec<(&str, Basis)> = ds()
        .projects()
        .iter()
        .filter_map(|p| Some((p.id.as_str(), p.part_of.iter().find(|r| r.id == KC)?.basis)))
        .collect();
    assert_eq!(
        parts,
        [
            ("china-singapore-international-joint-research-institute", Basis::Context),
            ("china-singapore-smart-park", Basis::Context),
            ("ncs-gba-fintech-delivery-center", Basis::Stated),
            ("ascendas-onehub-gkc", Basis::Name),
            ("nus-guangzhou-innovation-institute", Basis::Context),
            ("biosyngen-production-base", Basis::Context),
            ("lion-tcr-gmp-cell-production-base", Basis::Context),
            ("regional-energy-projects", Basis::Context),
            ("knowledge-tower", Basis::Context),
            ("green-bond-issuance", Basis::Context),
        ]
    );
    // RCEP is not the city's project; the city integrates its strategy.
    assert!(ds().agreements().by_id("rcep").unwrap().projects.is_empty());
    assert_eq!(link_basis(project(KC), Relation::Integrates, "rcep"), Some(Basis::Stated));
    assert_eq!(link_basis(project(KC), Relation::Integrates, "belt-and-road-initiative"), Some(Basis::Stated));
}

#[test]
fn every_project_the_knowledge_city_article_names_is_in_it_or_says_where_else() {
    let kc = project(KC);
    let in_article =
        ds().projects().iter().filter(|p| p.quotes.iter().any(|q| q.document == "csgkc-knowledge-highland"));
    let mut elsewhere = Vec::new();
    for p in in_article {
        if p.id == KC || ds().project_filter().part_of(KC).iter().any(|q| q.id == p.id) {
            assert!(p.id == KC || ds().explain(p, kc).is_some(), "{}: a part with no chain", p.id);
            continue;
        }
        assert!(p.elsewhere.is_some(), "{} is neither in the Knowledge City nor says where else", p.id);
        elsewhere.push(p.id.as_str());
    }
    assert_eq!(elsewhere, ["china-singapore-innovation-cooperation-demonstration-zone", "belt-and-road-initiative"]);
}

#[test]
fn aims_sit_on_the_right_record_and_achievements_apart() {
    let kc = project(KC);
    assert!(!kc.aims.iter().any(|a| a.starts_with("polish the CSGKS")), "the official's expectation of the MOU");
    let mou = ds().agreements().by_id("mou-singapore-companies-csgks").unwrap();
    assert!(mou.aims.iter().any(|a| a.starts_with("polish the CSGKS")));
    let fta = ds().agreements().by_id("china-singapore-fta").unwrap();
    assert!(fta.aims.is_empty());
    assert_eq!(fta.milestones[0].event, EventKind::UpgradeTalksAnnounced);
    assert_eq!(fta.milestones[0].aims.len(), 2, "the aims are the upgrade talks'");
    let sip = project("suzhou-industrial-park");
    assert!(sip.aims.is_empty());
    assert_eq!(
        sip.achievements,
        [
            "a leader in service trade development in the city and even Jiangsu province",
            "in recent years has been hitting new record highs in the scale of services trade with better structure and higher quality"
        ]
    );
    assert!(
        sip.features[0].starts_with("boasts the special gene") && sip.features[1].starts_with("has the advantages")
    );
}

#[test]
fn the_first_phase_operates_not_the_whole_centre() {
    let centre = project("ncs-gba-fintech-delivery-center");
    assert_eq!(centre.status, None);
    let phase = project("ncs-gba-fintech-delivery-center-phase-1");
    assert_eq!(
        (phase.status, phase.phase, phase.name_source),
        (Some(ProjectStatus::Operating), Some(1), NameSource::Descriptive)
    );
    assert_eq!(phase.part_of[0].id, "ncs-gba-fintech-delivery-center");
}

#[test]
fn names_the_crate_made_up_are_flagged() {
    for id in ["biosyngen-production-base", "lion-tcr-gmp-cell-production-base", "green-bond-issuance"] {
        assert_eq!(project(id).name_source(), NameSource::Descriptive, "{id}");
    }
    assert_eq!(project("china-singapore-smart-park").name_source(), NameSource::Text);
    assert!(!ds().speakers().by_id("csgks-commission-official").unwrap().is_named());
}

#[test]
fn yang_yudong_took_part_in_the_roundtable_and_gave_no_talk() {
    let y = ds().speakers().by_id("yang-yudong").unwrap();
    assert!(y.talk.is_none());
    assert_eq!(y.forum.as_ref().unwrap().id, "trade-in-services-forum-4-roundtable");
    let rt = ds().forums().by_id("trade-in-services-forum-4-roundtable").unwrap();
    let by: Vec<Attribution> = rt.findings.iter().map(|f| f.by).collect();
    assert_eq!(by, [Attribution::Participants, Attribution::Article, Attribution::Article, Attribution::Article]);
}

#[test]
fn the_second_articles_year_and_every_year_from_it_say_they_are_inferred() {
    let d2 = ds().documents().by_id("trade-in-services-forum").unwrap();
    let y = d2.year.as_ref().unwrap();
    assert_eq!(y.value, 2021);
    let reason = y.inferred_from.as_deref().unwrap();
    assert!(
        reason.contains("only an upper bound") && reason.contains("Outside knowledge agrees with 2021"),
        "{reason}"
    );
    for (id, year) in [("depa", 2020), ("rcep", 2022), ("china-singapore-fta", 2020)] {
        let d = ds().agreements().by_id(id).unwrap().milestones[0].date.as_ref().unwrap();
        let dy = d.year.as_ref().unwrap();
        assert_eq!((dy.value, dy.is_inferred()), (year, true), "{id}");
        assert!(dy.inferred_from.as_deref().unwrap().contains("itself inferred"), "{id}");
        assert_eq!(d.relative_to.as_ref().unwrap(), "trade-in-services-forum");
    }
    let cptpp = ds().agreements().by_id("cptpp").unwrap().milestones[0].date.as_ref().unwrap();
    assert!(!cptpp.year.as_ref().unwrap().is_inferred(), "'in 2022' is stated");
}

#[test]
fn directed_relations_and_the_council_a_meeting_belongs_to() {
    let energy = project("regional-energy-projects");
    assert_eq!(link_basis(energy, Relation::StartsFrom, "knowledge-tower"), Some(Basis::Stated));
    assert_eq!(
        link_basis(energy, Relation::ExtendsTo, "china-singapore-innovation-cooperation-demonstration-zone"),
        Some(Basis::Stated)
    );
    let jcbc = ds().forums().by_id("jcbc-18").unwrap();
    assert_eq!(jcbc.meeting_of.as_ref().unwrap().id, "jcbc");
    assert_eq!(ds().organizations().by_name("JCBC").unwrap().id, "jcbc");
    assert_eq!(ds().forums().by_name("18th JCBC").unwrap().id, "jcbc-18");
    let f4 = ds().forums().by_id("trade-in-services-forum-4").unwrap();
    assert_eq!(f4.series.as_ref().unwrap().id, "china-singapore-trade-in-services-innovation-forum");
    assert_eq!(
        ds().forums().by_name("China-Singapore Trade in Services Innovation Forum").unwrap().kind,
        ForumKind::Series
    );
}

#[test]
fn the_names_people_type_resolve_with_their_basis() {
    let project = |q: &str| ds().projects().by_name(q).map(|r| r.id.as_str());
    let org = |q: &str| ds().organizations().by_name(q).map(|r| r.id.as_str());
    let agreement = |q: &str| ds().agreements().by_name(q).map(|r| r.id.as_str());
    let place = |q: &str| ds().places().by_name(q).map(|r| r.id.as_str());
    let forum = |q: &str| ds().forums().by_name(q).map(|r| r.id.as_str());
    for q in ["Knowledge City", "Guangzhou Knowledge City"] {
        assert_eq!(project(q), Some(KC), "{q}");
    }
    for q in ["BRI", "Belt and Road"] {
        assert_eq!(project(q), Some("belt-and-road-initiative"), "{q}");
    }
    for q in ["CSFTA", "China-Singapore FTA"] {
        assert_eq!(agreement(q), Some("china-singapore-fta"), "{q}");
    }
    let orgs = [
        ("NUS", "national-university-of-singapore"),
        ("NTU", "nanyang-technological-university"),
        ("SGX", "singapore-exchange"),
        ("Singtel", "singapore-telecom"),
        ("MTI", "singapore-ministry-of-trade-and-industry"),
        ("BoCom", "bank-of-communications"),
        ("Philips", "philips-greater-china"),
        ("Yicai", "yicai-media-group"),
        ("JCBC", "jcbc"),
    ];
    for (q, id) in orgs {
        assert_eq!(org(q), Some(id), "{q}");
    }
    assert_eq!(project("SIP"), Some("suzhou-industrial-park"));
    assert_eq!(place("YRD"), Some("yangtze-river-delta"));
    assert_eq!(place("NECC"), Some("national-exhibition-and-convention-center"));
    assert_eq!(project("Ascendas OneHub"), Some("ascendas-onehub-gkc"));
    assert_eq!(agreement("DEPA"), Some("depa"));
    assert_eq!(agreement("CPTPP"), Some("cptpp"));
    assert_eq!(forum("18th JCBC"), Some("jcbc-18"));
    assert_eq!(forum("4th China-Singapore Trade in Services Innovation Forum"), Some("trade-in-services-forum-4"));
    assert_eq!(forum("4th China International Import Expo"), Some("ciie-4"));
    assert_eq!(project("NUS Guangzhou Innovation Institute"), Some("nus-guangzhou-innovation-institute"));
    // Each such alias says it is common usage, not the text's.
    let nus = ds().organizations().by_id("national-university-of-singapore").unwrap();
    assert_eq!((nus.aliases[0].name.as_str(), nus.aliases[0].basis), ("NUS", Basis::CommonUsage));
}

#[test]
fn keynote_speakers_at_the_fourth_forum_and_their_organisations() {
    let forum = ds().forums().by_name("fourth China-Singapore Trade in Services Innovation Forum").unwrap();
    assert_eq!(forum.edition, Some(4));
    let keynotes: Vec<(&str, Vec<&str>)> = ds()
        .speaker_filter()
        .forum(&forum.id)
        .role(SpeakerRole::Keynote)
        .iter()
        .map(|s| (s.name.as_str(), s.organizations().map(|o| o.as_str()).collect()))
        .collect();
    assert_eq!(
        keynotes,
        [
            ("Chi Fulin", vec!["china-institute-for-reform-and-development"]),
            ("Qian Bin", vec!["bank-of-communications", "bank-of-communications-party-committee"]),
            ("Li Tao", vec!["philips-greater-china"]),
            ("Wei Zhe", vec!["vision-knight-capital", "vision-knight-capital"]),
        ]
    );
    let chi = ds().speakers().by_id("chi-fulin").unwrap();
    assert_eq!(
        chi.talk.as_ref().unwrap().title(),
        Some("Benchmarking International High-Level Economic and Trade Rules")
    );
    let cird = ds().organizations().by_id("china-institute-for-reform-and-development").unwrap();
    assert_eq!(cird.based_in.as_ref().unwrap().id, "hainan");
}

#[test]
fn smart_park_cost_opening_and_projects() {
    let park = ds().projects().by_name("china singapore smart park").unwrap();
    let cost = park.amount(AmountKind::TotalInvestment).unwrap();
    assert_eq!(
        (cost.value, cost.currency, cost.as_written.as_str()),
        (1_400_000_000, Currency::Cny, "1.4 billion yuan")
    );
    let opened = park.started.as_ref().unwrap();
    assert_eq!(
        (opened.month, opened.precision, opened.relative),
        (Some(6), Precision::Month, Some(Relative::ThisYear))
    );
    assert!(opened.year.is_none(), "the article gives no year for 'June this year'");
    let n = park.count(CountUnit::IndustrializationProjects).unwrap();
    assert_eq!((n.value, n.qualifier), (60, Qualifier::MoreThan));
    let parts = ids(ds().projects().iter().filter(|p| p.part_of.iter().any(|x| x.id == park.id)));
    assert_eq!(
        parts,
        [
            "ncs-gba-fintech-delivery-center",
            "sp-group-smart-park-project",
            "guangzhou-lion-tcr",
            "star-3d-oral-digital-medicine"
        ]
    );
    // The sentence that lists them names the park only as "It".
    assert!(parts.iter().all(|p| link_basis(project(p), Relation::PartOf, park.id.as_str()) == Some(Basis::Context)));
}

#[test]
fn agreements_signed_at_the_18th_jcbc() {
    let jcbc = ds().forums().by_name("18th JCBC").unwrap();
    assert_eq!((jcbc.edition, jcbc.place.as_ref().unwrap().id.as_str()), (Some(18), "singapore"));
    let date = jcbc.date.as_ref().unwrap();
    assert_eq!((date.month, date.day, date.year.is_none()), (Some(11), Some(1), true));
    assert_eq!(
        ids(ds().agreement_filter().forum(&jcbc.id).iter()),
        ["jcbc-18-agreements", "mou-singapore-companies-csgks"]
    );
    let package = ds().agreements().by_id("jcbc-18-agreements").unwrap();
    assert_eq!((package.counts[0].value, package.counts[0].qualifier), (19, Qualifier::Exact));
    let mou = ds().agreements().by_id("mou-singapore-companies-csgks").unwrap();
    assert_eq!((mou.kind, mou.part_of.as_ref().unwrap().id.as_str()), (AgreementKind::Mou, "jcbc-18-agreements"));
    assert_eq!(mou.aims.len(), 4);
}

#[test]
fn figures_keep_their_qualifiers_and_units() {
    let phase1 = project("ascendas-onehub-gkc-phase-i");
    let e = phase1.count(CountUnit::Enterprises).unwrap();
    assert_eq!((e.value, e.qualifier), (400, Qualifier::MoreThan));
    assert_eq!(phase1.count(CountUnit::People).map(|c| (c.value, c.qualifier)), Some((3000, Qualifier::Exact)));
    let t = project("nus-guangzhou-innovation-institute").count(CountUnit::Talents).unwrap();
    assert_eq!((t.value, t.qualifier, t.status), (3000, Qualifier::Nearly, FigureStatus::Target));
    assert_eq!(t.period.as_ref().map(|p| (p.length, p.unit)), Some((10, PeriodUnit::Year)));
    let it = project("ncs-gba-fintech-delivery-center").count(CountUnit::ItProfessionals).unwrap();
    assert_eq!((it.value, it.status), (500, FigureStatus::Expected));
    assert_eq!(it.date.as_ref().unwrap().relative, Some(Relative::EndOfThisYear));
    let bonds = project("green-bond-issuance");
    let a = bonds.amount(AmountKind::CumulativeIssuance).unwrap();
    assert_eq!((a.value, a.currency), (1_340_000_000, Currency::Usd));
    assert_eq!(bonds.count(CountUnit::Enterprises).unwrap().value, 3);
    let jri = project("china-singapore-international-joint-research-institute");
    assert_eq!(jri.count(CountUnit::IndustrializationSystems).unwrap().value, 9);
    let contracts = ds().agreements().by_id("forum-contracts").unwrap();
    let c: Vec<(u64, CountUnit)> = contracts.counts.iter().map(|c| (c.value, c.unit)).collect();
    assert_eq!(c, [(21, CountUnit::Groups), (3, CountUnit::Batches)]);
}

#[test]
fn the_corrected_talk_title_keeps_both_versions() {
    let talk = ds().speakers().by_name("Wei Zhe").unwrap().talk.as_ref().unwrap();
    let versions: Vec<(&str, TitleStatus)> = talk.titles.iter().map(|t| (t.title.as_str(), t.status)).collect();
    assert_eq!(
        versions,
        [
            (
                "Systematic Capacity Improvement of Companies Engaged in Trade in Services in the Digital Economy Era",
                TitleStatus::Current
            ),
            ("CEO Systematic Capacity Improvement in the Digital Economy Era", TitleStatus::Superseded),
        ]
    );
    assert_eq!(talk.titles[1].note.as_deref(), Some("as per the previous story"));
}

#[test]
fn forum_hosts_organisers_media_partner_parent_and_theme() {
    let f = ds().forums().by_id("trade-in-services-forum-4").unwrap();
    let roles: Vec<(&str, ForumRole)> = f.organizations.iter().map(|o| (o.organization.as_str(), o.role)).collect();
    assert_eq!(
        roles,
        [
            ("jiangsu-provincial-government", ForumRole::Host),
            ("suzhou-municipal-government", ForumRole::Organizer),
            ("sip-administrative-committee", ForumRole::Organizer),
            ("yicai-media-group", ForumRole::MediaPartner),
        ]
    );
    assert_eq!(f.parent.as_ref().unwrap().id, "ciie-4");
    let series = ds().forums().by_id("china-singapore-trade-in-services-innovation-forum").unwrap();
    assert_eq!(series.recurrence, Some(Recurrence::Annual));
    assert_eq!(
        f.theme.as_deref(),
        Some("Digital Empowerment, Create the New Pattern of High-Level Opening-up in Trade in Service.")
    );
    assert_eq!(f.place.as_ref().unwrap().id, "national-exhibition-and-convention-center");
    let rt = ds().forum_filter().parent(&f.id).iter().next().unwrap();
    assert_eq!(rt.kind, ForumKind::Roundtable);
}

#[test]
fn trade_agreements_and_their_dates() {
    let depa = ds().agreements().by_id("depa").unwrap();
    let parties: Vec<&Party> = depa.parties.iter().map(|p| &p.party).collect();
    assert_eq!(
        parties,
        [&Party::Country(Country::NewZealand), &Party::Country(Country::Singapore), &Party::Country(Country::Chile)]
    );
    let signed = depa.milestones[0].date.as_ref().unwrap();
    assert_eq!((signed.year.as_ref().unwrap().value, signed.month, signed.day), (2020, Some(6), Some(12)));
    let rcep = ds().agreements().by_name("RCEP").unwrap();
    assert_eq!(rcep.milestones[0].event, EventKind::TakesEffect);
    let cptpp = ds().agreements().by_id("cptpp").unwrap();
    let pres = &cptpp.milestones[0];
    assert_eq!(
        (pres.event, pres.party.as_ref().map(|p| &p.party)),
        (EventKind::PresidencyTakenOver, Some(&Party::Country(Country::Singapore)))
    );
    let reg = ds().agreements().by_id("regulations-on-csgkc").unwrap();
    let in_force = reg.milestones[0].date.as_ref().unwrap();
    assert_eq!((in_force.month, in_force.day, in_force.year.is_none()), (Some(3), Some(1), true));
    assert_eq!(reg.jurisdiction.as_ref().unwrap().id, "guangdong");
    assert_eq!(reg.organizations[0].organization, "csgks-management-committee");
}

#[test]
fn organisation_parents_and_units_both_ways() {
    let ncs = ds().organizations().by_id("ncs").unwrap();
    let parent = ncs.parent.as_ref().unwrap();
    assert_eq!(
        (parent.organization.as_str(), parent.relation, parent.basis),
        ("singapore-telecom", ParentRelation::WhollyOwnedSubsidiary, Basis::Stated)
    );
    assert_eq!(
        ids(ds().project_filter().organization("sp-group").iter()),
        ["sp-group-smart-park-project", "regional-energy-projects"]
    );
    assert_eq!(ids(ds().agreement_filter().involving("sp-group").iter()), ["sp-group-regional-energy-agreement"]);
    assert_eq!(ids(ds().speaker_filter().organization("yicai-media-group").iter()), ["yang-yudong"]);
    assert_eq!(
        ids(ds().forum_filter().place("shanghai").iter()),
        ["ciie-4", "trade-in-services-forum-4", "trade-in-services-forum-4-roundtable"]
    );
}

#[test]
fn what_is_in_guangzhou_counts_the_projects_of_projects_there() {
    let got = ids(ds().project_filter().place("guangzhou").iter());
    for id in [
        KC,
        "biosyngen-production-base",
        "nus-guangzhou-innovation-institute",
        "guangzhou-lion-tcr",
        "china-singapore-international-joint-research-institute",
        "china-singapore-smart-park",
        "star-3d-oral-digital-medicine",
        "ascendas-onehub-gkc",
        "ascendas-onehub-gkc-phase-i",
        "knowledge-tower",
    ] {
        assert!(got.contains(&id), "{id} missing from {got:?}");
    }
    let guangdong = ids(ds().project_filter().place("Guangdong Province").iter());
    assert!(got.iter().all(|p| guangdong.contains(p)));
    assert!(!got.contains(&"suzhou-industrial-park"));
    let china = ids(ds().project_filter().place("china").iter());
    assert!(got.iter().all(|p| china.contains(p)) && china.contains(&"suzhou-industrial-park"));
}

#[test]
fn suzhou_pilot_year_is_stated() {
    let y = project("suzhou-service-trade-pilot").started.as_ref().unwrap().year.as_ref().unwrap();
    assert_eq!((y.value, y.is_inferred()), (2006, false));
}

#[test]
fn date_ranges_hold_only_dates_wholly_inside_them() {
    let d = |s: &str| s.parse::<CalendarDate>().unwrap();
    let in_2022 = ids(ds().agreement_filter().between(d("2022-01-01"), d("2022-12-31")));
    assert_eq!(in_2022, ["rcep", "cptpp"]);
    let jan = ids(ds().agreement_filter().between(d("2022-01-01"), d("2022-01-31")));
    assert_eq!(jan, ["rcep"], "'in 2022' is not wholly in January");
    assert!(!ids(ds().agreement_filter().between(d("1900-01-01"), d("2100-01-01"))).contains(&"regulations-on-csgkc"));
}

#[test]
fn documents_and_their_dates() {
    let d1 = ds().documents().by_id("csgkc-knowledge-highland").unwrap();
    assert!(d1.year.is_none() && d1.text.starts_with(&d1.title));
    let d2 = ds().documents().by_id("trade-in-services-forum").unwrap();
    assert_eq!(d2.subheadings, ["Exploring New Paths to Open Up Services"]);
}

#[test]
fn chua_teng_hoes_post_is_at_the_consulate_general_in_shanghai_not_the_state() {
    let chua = ds().speakers().by_id("chua-teng-hoe").unwrap();
    let post = &chua.posts[0];
    assert_eq!(post.title, "consul-general of the Republic of Singapore in Shanghai");
    assert_eq!(post.organization.as_ref().unwrap().id, "singapore-consulate-general-shanghai");
    assert!(post.country.is_none() && !chua.links().iter().any(|l| l.relation == Relation::Represents));
    let mission = ds().organizations().by_id("singapore-consulate-general-shanghai").unwrap();
    assert_eq!(
        (mission.kind, mission.name_source, mission.based_in.as_ref().unwrap().id.as_str()),
        (OrganizationKind::DiplomaticMission, NameSource::Descriptive, "shanghai")
    );
    // So Singapore being a party to DEPA, RCEP, CPTPP and the FTA does not make him one of
    // their people: no person links to the state.
    let singapore = ds().places().by_id("singapore").unwrap();
    assert!(ds().linked_from(singapore).iter().all(|l| l.other.record().is_none_or(|r| r.kind() != Kind::Speaker)));
}

#[test]
fn sp_group_is_singaporean_by_context() {
    let sp = ds().organizations().by_id("sp-group").unwrap();
    let c = sp.country.as_ref().unwrap();
    assert_eq!((c.id, c.basis), (Country::Singapore, Basis::Context));
}

#[test]
fn sectors_the_text_never_gives_are_not_recorded() {
    assert!(project("nus-guangzhou-innovation-institute").sectors.is_empty());
    assert!(ds().agreements().by_id("mou-service-industry-development").unwrap().sectors.is_empty());
}

#[test]
fn the_suzhou_pilots_name_is_the_crates_and_says_so() {
    let pilot = project("suzhou-service-trade-pilot");
    assert_eq!(pilot.name_source, NameSource::Descriptive);
    assert!(pilot.aliases.iter().any(|a| a.kind == AliasKind::Descriptive && a.basis == Basis::Stated));
}

#[test]
fn the_fourth_forums_organisers_and_programme_are_known_from_context() {
    let forum = ds().forums().by_id("trade-in-services-forum-4").unwrap();
    assert!(forum.organizations.iter().all(|o| o.basis == Basis::Context), "“The forum was hosted by …”");
    let programme: Vec<(&str, Basis)> =
        forum.programme.iter().flat_map(|s| &s.speakers).map(|r| (r.id.as_str(), r.basis)).collect();
    assert_eq!(
        programme,
        [
            ("chi-fulin", Basis::Context),
            ("qian-bin", Basis::Context),
            ("li-tao", Basis::Context),
            ("wei-zhe", Basis::Context)
        ]
    );
    let keynote = |id: &str| {
        let s = ds().speakers().by_id(id).unwrap();
        s.roles.iter().find(|r| r.role == SpeakerRole::Keynote).map(|r| r.basis)
    };
    assert_eq!(keynote("chi-fulin"), Some(Basis::Stated), "“delivered a keynote speech”");
    assert_eq!(keynote("qian-bin"), Some(Basis::Stated), "“In the subsequent keynote speech session, Qian Bin …”");
    assert_eq!(keynote("wei-zhe"), Some(Basis::Context), "his sentence names no keynote");
}

#[test]
fn the_meeting_and_the_country_make_links_context() {
    let agreement = |id: &str| ds().agreements().by_id(id).unwrap();
    assert_eq!(agreement("jcbc-18-agreements").forum.as_ref().unwrap().basis, Basis::Context);
    assert_eq!(agreement("mou-singapore-companies-csgks").forum.as_ref().unwrap().basis, Basis::Context);
    assert_eq!(agreement("cptpp").milestones[0].party.as_ref().unwrap().basis, Basis::Context);
    let energy = agreement("sp-group-regional-energy-agreement");
    assert!(energy.parties.iter().all(|p| p.basis == Basis::Context), "“the agreement was signed with SP Group”");
}

#[test]
fn what_is_planned_has_no_start_and_the_energy_projects_date_is_the_agreements() {
    assert!(project("lion-tcr-gmp-cell-production-base").started.is_none(), "the text says it plans to build it");
    assert!(project("regional-energy-projects").started.is_none());
    for id in ["sp-group-regional-energy-agreement", "sgx-green-bond-mou"] {
        let signed = &ds().agreements().by_id(id).unwrap().milestones[0];
        let date = signed.date.as_ref().unwrap();
        assert_eq!(
            (signed.event, date.relative, date.year.as_ref()),
            (EventKind::Signed, Some(Relative::RecentYears), None),
            "{id}"
        );
    }
}
