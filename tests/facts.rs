//! Fact tests: the articles' facts as a user would ask for them. Every expected value is
//! taken from the articles in data/sources/.

use china_singapore::*;

fn ds() -> &'static Dataset {
    dataset()
}

fn ids<'a, T: Record + 'a>(it: impl Iterator<Item = &'a T>) -> Vec<&'a str> {
    it.map(|r| r.id()).collect()
}

#[test]
fn biomedicine_projects_are_the_two_the_article_lists() {
    let got = ids(ds().project_filter().sector(Sector::Biomedicine).iter());
    assert_eq!(got, ["biosyngen-production-base", "lion-tcr-gmp-cell-production-base"]);
}

#[test]
fn each_sector_heading_has_its_projects() {
    let digital = ids(ds().project_filter().sector(Sector::DigitalEconomy).iter());
    assert!(digital.contains(&"ncs-gba-fintech-delivery-center"));
    let green = ids(ds().project_filter().sector(Sector::GreenDevelopment).iter());
    assert!(green.contains(&"regional-energy-projects"));
    let finance = ids(ds().project_filter().sector(Sector::FinancialServices).iter());
    assert_eq!(finance, ["green-bond-issuance"]);
}

#[test]
fn keynote_speakers_at_the_fourth_forum_and_their_organisations() {
    let forum = ds().forums().find("fourth China-Singapore Trade in Services Innovation Forum").unwrap();
    assert_eq!(forum.edition, Some(4));
    let keynotes: Vec<(&str, Vec<&str>)> = ds()
        .speaker_filter()
        .forum(forum.id())
        .role(SpeakerRole::Keynote)
        .iter()
        .map(|s| (s.name.as_str(), s.organizations().map(|o| o.as_ref()).collect()))
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
    let chi = ds().speakers().get("chi-fulin").unwrap();
    assert_eq!(
        chi.talk.as_ref().unwrap().title(),
        Some("Benchmarking International High-Level Economic and Trade Rules")
    );
    let cird = ds().organizations().get("china-institute-for-reform-and-development").unwrap();
    assert_eq!(cird.based_in.as_ref().unwrap(), "hainan");
}

#[test]
fn smart_park_cost_opening_and_projects() {
    let park = ds().projects().find("china singapore smart park").unwrap();
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
    assert_eq!(opened.as_written, "In June this year");
    let n = park.count(CountUnit::IndustrializationProjects).unwrap();
    assert_eq!((n.value, n.qualifier), (60, Qualifier::MoreThan));
    assert_eq!(
        n.including,
        [
            "NCS Greater Bay Area Fintech Delivery Center",
            "SP Group",
            "Guangzhou Lion TCR",
            "Star 3D Oral digital Medicine"
        ]
    );
    let parts = ids(ds().projects().iter().filter(|p| p.part_of.as_ref().is_some_and(|x| x == park.id())));
    assert_eq!(
        parts,
        [
            "ncs-gba-fintech-delivery-center",
            "sp-group-smart-park-project",
            "guangzhou-lion-tcr",
            "star-3d-oral-digital-medicine"
        ]
    );
}

#[test]
fn agreements_signed_at_the_18th_jcbc() {
    let jcbc = ds().forums().find("18th JCBC").unwrap();
    assert_eq!((jcbc.edition, jcbc.place.as_ref().unwrap().place.as_str()), (Some(18), "singapore"));
    let date = jcbc.date.as_ref().unwrap();
    assert_eq!((date.month, date.day, date.year.is_none()), (Some(11), Some(1), true));
    let got = ids(ds().forum_agreements(jcbc.id()));
    assert_eq!(got, ["jcbc-18-agreements", "mou-singapore-companies-csgks"]);
    let package = ds().agreements().get("jcbc-18-agreements").unwrap();
    assert_eq!((package.counts[0].value, package.counts[0].qualifier), (19, Qualifier::Exact));
    let mou = ds().agreements().get("mou-singapore-companies-csgks").unwrap();
    assert_eq!(mou.kind, AgreementKind::Mou);
    assert_eq!(mou.part_of.as_ref().unwrap(), "jcbc-18-agreements");
    assert_eq!(mou.aims.len(), 4);
}

#[test]
fn what_is_in_guangzhou_includes_the_knowledge_city_and_its_projects() {
    let got = ids(ds().place_projects("guangzhou"));
    for id in [
        "china-singapore-guangzhou-knowledge-city",
        "china-singapore-smart-park",
        "nus-guangzhou-innovation-institute",
        "biosyngen-production-base",
    ] {
        assert!(got.contains(&id), "{id} missing from {got:?}");
    }
    assert!(!got.contains(&"suzhou-industrial-park"));
    // Guangzhou lies in the Greater Bay Area, which is in China.
    let gba = ids(ds().place_projects("greater-bay-area"));
    let china = ids(ds().place_projects("china"));
    assert!(got.iter().all(|p| gba.contains(p) && china.contains(p)));
    assert!(china.contains(&"suzhou-industrial-park") && !gba.contains(&"suzhou-industrial-park"));
}

#[test]
fn the_knowledge_city_is_abbreviated_two_ways() {
    let p = ds().projects();
    let a = p.find("csgks").unwrap();
    assert_eq!(a.id(), "china-singapore-guangzhou-knowledge-city");
    assert!(std::ptr::eq(a, p.find("CSGKC").unwrap()));
    assert!(std::ptr::eq(a, p.find("China-Singapore Guangzhou Knowledge City").unwrap()));
    let kinds: Vec<(&str, AliasKind)> = a.aliases.iter().map(|x| (x.name.as_str(), x.kind)).collect();
    assert_eq!(kinds, [("CSGKS", AliasKind::Abbreviation), ("CSGKC", AliasKind::Variant)]);
}

#[test]
fn figures_keep_their_qualifiers_and_units() {
    let phase1 = ds().projects().get("ascendas-onehub-gkc-phase-i").unwrap();
    let e = phase1.count(CountUnit::Enterprises).unwrap();
    assert_eq!((e.value, e.qualifier), (400, Qualifier::MoreThan));
    let people = phase1.count(CountUnit::People).unwrap();
    assert_eq!((people.value, people.qualifier), (3000, Qualifier::Exact));
    assert_eq!(phase1.phase, Some(1));

    let nus = ds().projects().get("nus-guangzhou-innovation-institute").unwrap();
    let t = nus.count(CountUnit::Talents).unwrap();
    assert_eq!((t.value, t.qualifier, t.status), (3000, Qualifier::Nearly, FigureStatus::Target));
    let period = t.period.as_ref().unwrap();
    assert_eq!((period.length, period.unit), (10, PeriodUnit::Year));

    let ncs = ds().projects().get("ncs-gba-fintech-delivery-center").unwrap();
    let it = ncs.count(CountUnit::ItProfessionals).unwrap();
    assert_eq!((it.value, it.status), (500, FigureStatus::Expected));
    assert_eq!(it.date.as_ref().unwrap().relative, Some(Relative::EndOfThisYear));

    let bonds = ds().projects().get("green-bond-issuance").unwrap();
    let a = bonds.amount(AmountKind::CumulativeIssuance).unwrap();
    assert_eq!((a.value, a.currency), (1_340_000_000, Currency::Usd));
    assert_eq!(bonds.count(CountUnit::Enterprises).unwrap().value, 3);

    let jri = ds().projects().get("china-singapore-international-joint-research-institute").unwrap();
    assert_eq!(jri.count(CountUnit::IndustrializationSystems).unwrap().value, 9);

    let contracts = ds().agreements().get("forum-contracts").unwrap();
    let c: Vec<(u64, CountUnit)> = contracts.counts.iter().map(|c| (c.value, c.unit)).collect();
    assert_eq!(c, [(21, CountUnit::Groups), (3, CountUnit::Batches)]);
}

#[test]
fn the_corrected_talk_title_keeps_both_versions() {
    let wei = ds().speakers().find("Wei Zhe").unwrap();
    let talk = wei.talk.as_ref().unwrap();
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
    let f = ds().forums().get("trade-in-services-forum-4").unwrap();
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
    assert_eq!(f.parent.as_ref().unwrap(), "ciie-4");
    assert_eq!(ds().forums().get("ciie-4").unwrap().edition, Some(4));
    assert_eq!(f.recurrence, Some(Recurrence::Annual));
    assert_eq!(
        f.theme.as_deref(),
        Some("Digital Empowerment, Create the New Pattern of High-Level Opening-up in Trade in Service.")
    );
    assert_eq!(f.place.as_ref().unwrap().place, "national-exhibition-and-convention-center");
    let date = f.date.as_ref().unwrap();
    assert_eq!((date.relative, date.as_written.as_str()), (Some(Relative::Yesterday), "yesterday afternoon"));
    assert!(date.year.as_ref().unwrap().is_inferred());
    let rt = ds().forum_filter().parent(f.id()).iter().next().unwrap();
    assert_eq!(rt.kind, ForumKind::Roundtable);
    assert!(
        rt.theme
            .as_deref()
            .unwrap()
            .starts_with("Vision under the New Pattern of Shanghai-Suzhou Integrated Development")
    );
}

#[test]
fn trade_agreements_and_their_dates() {
    let depa = ds().agreements().get("depa").unwrap();
    let parties: Vec<&Party> = depa.parties.iter().collect();
    assert_eq!(
        parties,
        [&Party::Country(Country::NewZealand), &Party::Country(Country::Singapore), &Party::Country(Country::Chile)]
    );
    let signed = depa.milestones[0].date.as_ref().unwrap();
    assert_eq!((signed.year.as_ref().unwrap().value, signed.month, signed.day), (2020, Some(6), Some(12)));
    assert!(signed.year.as_ref().unwrap().is_inferred());

    let rcep = ds().agreements().find("RCEP").unwrap();
    let effect = &rcep.milestones[0];
    assert_eq!(effect.event, MilestoneKind::TakesEffect);
    assert_eq!(effect.date.as_ref().unwrap().year.as_ref().unwrap().value, 2022);

    let cptpp = ds().agreements().get("cptpp").unwrap();
    let pres = &cptpp.milestones[0];
    assert_eq!(
        (pres.event, pres.party.clone()),
        (MilestoneKind::PresidencyTakenOver, Some(Party::Country(Country::Singapore)))
    );
    let y = pres.date.as_ref().unwrap().year.as_ref().unwrap();
    assert_eq!((y.value, y.is_inferred()), (2022, false));

    let fta = ds().agreements().get("china-singapore-fta").unwrap();
    assert_eq!(fta.kind, AgreementKind::FreeTradeAgreement);
    assert_eq!(fta.milestones[0].date.as_ref().unwrap().month, Some(12));

    let reg = ds().agreements().get("regulations-on-csgkc").unwrap();
    let in_force = reg.milestones[0].date.as_ref().unwrap();
    assert_eq!((in_force.month, in_force.day, in_force.year.is_none()), (Some(3), Some(1), true));
    assert_eq!(reg.jurisdiction.as_ref().unwrap(), "guangdong");
    assert_eq!(reg.organizations[0].organization, "csgks-management-committee");
}

#[test]
fn forum_agreements_parties_and_signatories() {
    let got = ids(ds().forum_agreements("trade-in-services-forum-4"));
    assert_eq!(got, ["mou-service-industry-development", "sip-strategic-agreement", "forum-contracts"]);
    let mou = ds().agreements().get("mou-service-industry-development").unwrap();
    assert_eq!(mou.signatories[0], "chua-teng-hoe");
    assert!(mou.parties.contains(&Party::Organization(OrganizationId::new("suzhou-municipal-government"))));
    let strat = ds().agreements().get("sip-strategic-agreement").unwrap();
    assert_eq!(strat.parties.len(), 3);
    let chua = ds().speakers().get("chua-teng-hoe").unwrap();
    assert_eq!(
        (chua.roles.as_slice(), chua.posts[0].country),
        (&[SpeakerRole::Signatory][..], Some(Country::Singapore))
    );
}

#[test]
fn organisation_parents_and_navigation() {
    let ncs = ds().organizations().get("ncs").unwrap();
    let parent = ncs.parent.as_ref().unwrap();
    assert_eq!(
        (parent.organization.as_str(), parent.relation),
        ("singapore-telecom", ParentRelation::WhollyOwnedSubsidiary)
    );
    assert_eq!(
        ids(ds().organization_projects("sp-group")),
        ["sp-group-smart-park-project", "regional-energy-projects"]
    );
    assert_eq!(ids(ds().organization_agreements("sp-group")), ["sp-group-regional-energy-agreement"]);
    assert_eq!(ids(ds().organization_people("yicai-media-group")), ["yang-yudong"]);
    assert_eq!(
        ids(ds().place_forums("shanghai")),
        ["ciie-4", "trade-in-services-forum-4", "trade-in-services-forum-4-roundtable"]
    );
}

#[test]
fn the_unnamed_official_is_a_quoted_speaker() {
    let quoted = ds().speaker_filter().role(SpeakerRole::Quoted).iter().filter(|s| !s.named).collect::<Vec<_>>();
    assert_eq!(quoted.len(), 1);
    assert_eq!(quoted[0].posts[0].organization.as_ref().unwrap(), "csgks-cooperation-affairs-office");
    assert_eq!(quoted[0].statements.len(), 4);
}

#[test]
fn documents_and_their_dates() {
    let d1 = ds().documents().get("csgkc-knowledge-highland").unwrap();
    assert!(d1.year.is_none());
    assert!(d1.text.starts_with(&d1.title));
    let d2 = ds().documents().get("trade-in-services-forum").unwrap();
    assert_eq!(d2.year.as_ref().map(|y| (y.value, y.is_inferred())), Some((2021, true)));
    assert_eq!(d2.subheadings, ["Exploring New Paths to Open Up Services"]);
    assert!(d2.text.starts_with(&d2.title));
}

#[test]
fn suzhou_pilot_year_is_stated() {
    let pilot = ds().projects().get("suzhou-service-trade-pilot").unwrap();
    let y = pilot.started.as_ref().unwrap().year.as_ref().unwrap();
    assert_eq!((y.value, y.is_inferred()), (2006, false));
}

#[test]
fn date_range_filters_use_known_years_only() {
    let d = |y, m, day| CalendarDate::new(y, m, day).unwrap();
    let in_2022 = ids(ds().agreement_filter().between(d(2022, 1, 1), d(2022, 12, 31)).iter());
    assert_eq!(in_2022, ["rcep", "cptpp"]);
    // The regulation came into force on "March 1 this year": no year, so no range matches it.
    assert!(
        !ids(ds().agreement_filter().between(d(1900, 1, 1), d(2100, 1, 1)).iter()).contains(&"regulations-on-csgkc")
    );
}
