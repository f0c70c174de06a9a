//! Asking as a person would: search, suggestions, names or ids everywhere, answers in
//! names, the accessors people reach for, the timeline and quote positions. Each test
//! states the exact answer the articles give.

use china_singapore::model::*;
use china_singapore::query::*;
use china_singapore::*;

fn ids<'a, T: Record + 'a>(it: impl IntoIterator<Item = &'a T>) -> Vec<&'a str> {
    it.into_iter().map(|r| r.id()).collect()
}

// --- Search ---------------------------------------------------------------------------

#[test]
fn green_bonds_ranks_the_issuance_and_the_sgx_mou_first() {
    let ds = dataset();
    let hits = ds.search("green bonds");
    let top: Vec<(&str, TextKind)> = hits.iter().take(2).map(|h| (h.record.id(), h.field)).collect();
    assert_eq!(top, [("green-bond-issuance", TextKind::Name), ("sgx-green-bond-mou", TextKind::Aim)]);
    assert!(hits[0].score > hits[1].score && hits[1].score > hits[2].score);
}

#[test]
fn words_match_across_case_punctuation_and_inflection() {
    let ds = dataset();
    let answer = |q: &str| ds.search(q).iter().map(|h| h.record.id()).collect::<Vec<_>>();
    let bonds = answer("bonds");
    assert_eq!(bonds, ["green-bond-issuance", "sgx-green-bond-mou"]);
    assert_eq!(answer("bond"), bonds);
    assert_eq!(answer("BONDS!"), bonds);
    assert!(answer("xyzzy").is_empty());
}

#[test]
fn a_quoted_phrase_must_appear_word_for_word() {
    let ds = dataset();
    let phrase = ds.search("\"digital economy era\"");
    assert_eq!(phrase.iter().map(|h| h.record.id()).collect::<Vec<_>>(), ["wei-zhe"]);
    assert_eq!(phrase[0].field, TextKind::TalkTitle);
    // The same words loose find far more.
    assert!(ds.search("digital economy era").len() > 5);
    // Reversed, the phrase is nowhere.
    assert!(ds.search("\"era economy digital\"").is_empty());
}

#[test]
fn a_search_limited_to_a_kind_returns_only_that_kind() {
    let ds = dataset();
    let all = ds.search("trade rules");
    let speakers = ds.search_in(Kind::Speaker, "trade rules");
    assert_eq!(speakers[0].record.id(), "chi-fulin");
    assert!(speakers.iter().all(|h| h.record.kind() == Kind::Speaker));
    let from_all: Vec<&str> = all.iter().filter(|h| h.record.kind() == Kind::Speaker).map(|h| h.record.id()).collect();
    assert_eq!(speakers.iter().map(|h| h.record.id()).collect::<Vec<_>>(), from_all);
}

#[test]
fn a_quote_hit_carries_its_quote_and_where_it_sits() {
    let ds = dataset();
    let hits = ds.search_in(Kind::Place, "immunocellular drugs");
    let hit = &hits[0];
    assert_eq!((hit.record.id(), hit.field), ("south-china", TextKind::Quote));
    let quote = hit.quote.expect("a quote hit has its quote");
    assert_eq!(quote.text, hit.text);
    let at = quote.position().unwrap();
    let doc = ds.documents().by_id(&quote.document).unwrap();
    assert_eq!(&doc.text[at.start..at.end], quote.text);
    assert!(hit.snippet.contains("immunocellular drugs"), "{}", hit.snippet);
    // A hit on another field carries the quote that holds its text.
    let name_hit = &ds.search("green bonds")[0];
    assert_ne!(name_hit.field, TextKind::Quote);
    assert!(name_hit.quote.unwrap().text.to_lowercase().contains("green bonds"), "{name_hit:?}");
}

#[test]
fn each_record_comes_once() {
    let ds = dataset();
    let hits = ds.search("China Singapore");
    let mut seen: Vec<(Kind, &str)> = hits.iter().map(|h| (h.record.kind(), h.record.id())).collect();
    let n = seen.len();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), n);
}

// --- Suggestions ----------------------------------------------------------------------

#[test]
fn suggestions_forgive_typos_order_missing_words_and_ordinals() {
    let ds = dataset();
    let first = |q: &str| ds.projects().suggest(q, 3)[0].record.id.as_str();
    assert_eq!(first("Knowlege City"), "china-singapore-guangzhou-knowledge-city");
    assert_eq!(first("Smart Prak"), "china-singapore-smart-park");
    assert_eq!(first("City Knowledge"), "china-singapore-guangzhou-knowledge-city");
    assert_eq!(ds.speakers().suggest("Wei Zhi", 1)[0].record.id, "wei-zhe");
    assert_eq!(ds.speakers().suggest("Chi Fulni", 1)[0].record.id, "chi-fulin");
    assert_eq!(ds.organizations().suggest("Singapore Exchnage", 1)[0].record.id, "singapore-exchange");
    let forum = ds.forums().suggest("fourth Trade in Services Forum", 2);
    assert_eq!(forum[0].record.id, "trade-in-services-forum-4");
    assert_eq!(ds.forums().suggest("4th Trade in Services Forum", 1)[0].distance, forum[0].distance);
}

#[test]
fn suggestions_are_ranked_and_name_what_matched() {
    let ds = dataset();
    let s = ds.projects().suggest("Knowlege City", 3);
    assert_eq!(s[0].name, "Knowledge City"); // the alias, closer than the full name
    assert!(s.windows(2).all(|w| w[0].distance <= w[1].distance));
    assert_eq!(ds.projects().suggest("Knowledge City", 1)[0].distance, 0.0);
    assert!(ds.places().suggest("Atlantis", 3).is_empty());
    assert!(ds.projects().suggest("Knowlege City", 0).is_empty());
}

// --- Names or ids, and no silent misses -----------------------------------------------

#[test]
fn every_filter_takes_an_id_a_name_or_an_alias() {
    let ds = dataset();
    for place in ds.places().iter() {
        let by_id = ids(ds.project_filter().place(&place.id));
        for name in place.names() {
            assert_eq!(ids(ds.project_filter().place(name)), by_id, "{name}");
            assert_eq!(ids(ds.forum_filter().place(name)), ids(ds.forum_filter().place(&place.id)), "{name}");
        }
    }
    for org in ds.organizations().iter() {
        for name in org.names() {
            assert_eq!(ids(ds.project_filter().organization(name)), ids(ds.project_filter().organization(&org.id)));
            assert_eq!(ids(ds.project_filter().group(name)), ids(ds.project_filter().group(&org.id)));
            assert_eq!(ids(ds.agreement_filter().involving(name)), ids(ds.agreement_filter().involving(&org.id)));
            assert_eq!(ids(ds.forum_filter().organization(name)), ids(ds.forum_filter().organization(&org.id)));
            assert_eq!(ids(ds.speaker_filter().organization(name)), ids(ds.speaker_filter().organization(&org.id)));
        }
    }
    for forum in ds.forums().iter() {
        for name in forum.names() {
            assert_eq!(ids(ds.agreement_filter().forum(name)), ids(ds.agreement_filter().forum(&forum.id)));
            assert_eq!(ids(ds.forum_filter().parent(name)), ids(ds.forum_filter().parent(&forum.id)));
            assert_eq!(ids(ds.speaker_filter().forum(name)), ids(ds.speaker_filter().forum(&forum.id)));
        }
    }
}

#[test]
fn names_typed_as_a_reader_would_find_their_records() {
    let ds = dataset();
    let forum = "4th China-Singapore Trade in Services Innovation Forum";
    assert_eq!(ds.forums().lookup(forum).unwrap().id, "trade-in-services-forum-4");
    assert_eq!(ds.agreements().lookup("DEPA").unwrap().id, "depa");
    assert_eq!(
        ds.projects().lookup("NUS Guangzhou Innovation Institute").unwrap().id,
        "nus-guangzhou-innovation-institute"
    );
    assert_eq!(
        ds.speaker_filter().forum(forum).iter().count(),
        ds.speaker_filter().forum("trade-in-services-forum-4").iter().count()
    );
}

#[test]
fn checked_forms_name_the_miss_and_suggest() {
    let ds = dataset();
    let err = ds.project_filter().sector(Sector::Biomedicine).place("Guangzhuo").try_iter().unwrap_err();
    assert_eq!((err.kind, err.query.as_str()), (Some(Kind::Place), "Guangzhuo"));
    assert_eq!(err.suggestions, ["Guangzhou"]);
    assert_eq!(err.to_string(), r#"no place has the id, name or alias "Guangzhuo"; did you mean "Guangzhou"?"#);
    // Setting the condition again forgets the miss.
    let fixed = ds.project_filter().place("Guangzhuo").place("Guangzhou");
    assert_eq!(ids(fixed.try_iter().unwrap()), ids(ds.project_filter().place("guangzhou")));
    // The first miss is the one reported.
    let two = ds.speaker_filter().forum("Nowhere Forum").organization("Bank of Comunications");
    assert_eq!(two.try_iter().unwrap_err().kind, Some(Kind::Forum));
    let err = ds.lookup("Bank of Comunications").unwrap_err();
    assert_eq!(err.suggestions[0], "Bank of Communications");
    assert!(ds.agreements().lookup("DEPA").is_ok());
}

// --- Answers in names -----------------------------------------------------------------

#[test]
fn links_resolve_to_names_both_ways() {
    let ds = dataset();
    let depa = ds.agreements().lookup("DEPA").unwrap();
    let parties: Vec<(Relation, &str)> = ds.links_of(depa).iter().map(|l| (l.relation, l.other.name())).collect();
    assert_eq!(parties, [(Relation::Party, "New Zealand"), (Relation::Party, "Singapore"), (Relation::Party, "Chile")]);
    let telecom = ds.organizations().lookup("Singapore Telecom").unwrap();
    let back: Vec<String> = ds.linked_from(telecom).iter().map(ToString::to_string).collect();
    assert_eq!(back, ["parent: NCS (wholly-owned-subsidiary)"]);
    // Links to a country count for the place that is that country.
    let nz = ds.places().by_id("new-zealand").unwrap();
    assert!(ds.linked_from(nz).iter().any(|l| l.relation == Relation::Party && l.other.id() == "depa"));
}

#[test]
fn a_record_displays_with_the_names_of_what_it_links_to() {
    let ds = dataset();
    let ncs = ds.organizations().lookup("NCS").unwrap();
    assert_eq!(
        ds.card(ncs).to_string(),
        "NCS [ncs] — company, Singapore\n  country: Singapore (inferred: context)\n  parent: Singapore Telecom (wholly-owned-subsidiary)"
    );
}

#[test]
fn linked_from_goes_everywhere_a_link_does() {
    let ds = dataset();
    assert_eq!(ids(ds.organization_filter().parent("Singapore Telecom").iter()), ["ncs"]);
    assert_eq!(
        ids(ds.project_filter().group("Singapore Telecom").iter()),
        ["ncs-gba-fintech-delivery-center", "ncs-gba-fintech-delivery-center-phase-1"]
    );
    assert_eq!(ids(ds.forum_filter().organization("Yicai Media Group").iter()), ["trade-in-services-forum-4"]);
    assert_eq!(ids(ds.forum_filter().organization("JCBC").iter()), ["jcbc-18"]);
    let package = ds.agreements().by_id("jcbc-18-agreements").unwrap();
    let parts: Vec<&str> = ds
        .agreements()
        .iter()
        .filter(|a| a.part_of.as_ref().is_some_and(|p| p.id == package.id))
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids(ds.agreement_filter().part_of(&package.id).iter()), parts);
    assert_eq!(
        ids(ds.project_filter().part_of("China-Singapore Smart Park").iter()),
        [
            "ncs-gba-fintech-delivery-center",
            "ncs-gba-fintech-delivery-center-phase-1",
            "sp-group-smart-park-project",
            "guangzhou-lion-tcr",
            "star-3d-oral-digital-medicine"
        ]
    );
    assert_eq!(ids(ds.agreement_filter().signed_by("Chua Teng Hoe").iter()), ["mou-service-industry-development"]);
    let forum = ds.forums().by_name("fourth China-Singapore Trade in Services Innovation Forum").unwrap();
    let order: Vec<(&str, &str)> =
        forum.speaking_order().filter_map(|(s, id)| Some((s, ds.speakers().by_id(id)?.name.as_str()))).collect();
    assert_eq!(
        order,
        [
            ("keynote speech", "Chi Fulin"),
            ("subsequent keynote speech session", "Qian Bin"),
            ("subsequent keynote speech session", "Li Tao"),
            ("subsequent keynote speech session", "Wei Zhe")
        ]
    );
}

#[test]
fn the_accessors_people_reach_for() {
    let ds = dataset();
    let park = ds.projects().lookup("China-Singapore Smart Park").unwrap();
    let cost = park.amount(AmountKind::TotalInvestment).unwrap();
    assert_eq!((cost.value, cost.currency), (1_400_000_000, Currency::Cny));
    assert_eq!(park.count(CountUnit::IndustrializationProjects).unwrap().value, 60);
    let contracts = ds.agreements().by_id("forum-contracts").unwrap();
    assert_eq!(contracts.count(CountUnit::Batches).unwrap().value, 3);
    let rcep = ds.agreements().lookup("RCEP").unwrap();
    assert_eq!(rcep.milestone(EventKind::TakesEffect).unwrap().date.as_ref().unwrap().as_written, "next Jan. 1");
    let sip = ds.projects().lookup("Suzhou Industrial Park").unwrap();
    assert_eq!(
        sip.organizations_in(ProjectRole::Administrator).map(|o| o.as_str()).collect::<Vec<_>>(),
        ["sip-administrative-committee"]
    );
    let forum = ds.forums().by_id("trade-in-services-forum-4").unwrap();
    assert_eq!(
        forum.organizations_in(ForumRole::Host).map(|o| o.as_str()).collect::<Vec<_>>(),
        ["jiangsu-provincial-government"]
    );
    let talk = ds.speakers().by_id("wei-zhe").unwrap().talk.as_ref().unwrap();
    assert_eq!(talk.superseded().count(), 1);
    assert_ne!(talk.superseded().next(), talk.title());
    // A link is as good as its id.
    let lion = ds.projects().by_id("guangzhou-lion-tcr").unwrap();
    assert_eq!(ds.places().by_id(&lion.places[0]).unwrap().name, "Guangzhou");
    assert_eq!(ds.projects().by_id(&lion.part_of[0]).unwrap().name, "China-Singapore Smart Park");
}

// --- The timeline ---------------------------------------------------------------------

#[test]
fn the_timeline_orders_every_dated_event_and_places_unknown_years_last() {
    let ds = dataset();
    let got: Vec<(&str, EventKind, Option<i32>, YearSource)> =
        ds.timeline().iter().map(|e| (e.record.id(), e.event, e.year, e.year_source)).collect();
    use YearSource::{Date as OwnYear, Unknown as YearUnknown};
    assert_eq!(
        got,
        [
            ("suzhou-service-trade-pilot", EventKind::Started, Some(2006), OwnYear),
            ("depa", EventKind::Signed, Some(2020), OwnYear),
            ("china-singapore-fta", EventKind::UpgradeTalksAnnounced, Some(2020), OwnYear),
            ("trade-in-services-forum-4", EventKind::Held, Some(2021), OwnYear),
            ("rcep", EventKind::TakesEffect, Some(2022), OwnYear),
            ("cptpp", EventKind::PresidencyTakenOver, Some(2022), OwnYear),
            // The Knowledge City article gives no year: "in recent years", then "this year" by
            // month, "at the end of the year", then "On November 1" with no relative words.
            ("ncs-gba-fintech-delivery-center", EventKind::Started, None, YearUnknown),
            ("biosyngen-production-base", EventKind::Started, None, YearUnknown),
            ("green-bond-issuance", EventKind::Started, None, YearUnknown),
            ("sp-group-regional-energy-agreement", EventKind::Signed, None, YearUnknown),
            ("sgx-green-bond-mou", EventKind::Signed, None, YearUnknown),
            ("regulations-on-csgkc", EventKind::InForce, None, YearUnknown),
            ("china-singapore-smart-park", EventKind::Started, None, YearUnknown),
            ("ncs-gba-fintech-delivery-center", EventKind::Figure, None, YearUnknown),
            ("jcbc-18", EventKind::Held, None, YearUnknown),
        ]
    );
}

#[test]
fn every_timeline_event_cites_the_quote_holding_its_date() {
    for e in dataset().timeline() {
        let q = e.quote.unwrap_or_else(|| panic!("{e}: no quote holds {:?}", e.date.as_written));
        let loose = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        assert!(loose(&q.text).contains(&loose(&e.date.as_written)), "{e}");
        assert_eq!(e.document.map(|d| &d.id), Some(&q.document), "{e}");
    }
    let first = dataset().timeline()[0].to_string();
    assert_eq!(first, "2006 — started: Suzhou pilot city for service trade innovative development — “in 2006”");
}

#[test]
fn a_yearless_date_is_placed_in_its_documents_year() {
    let doc = r#"[{"id": "d", "title": "Lion City news", "file": "d.txt", "year": {"value": 2020}, "date_note": "-",
        "quotes": [{"document": "d", "text": "Lion City news"}]}]"#;
    let forums = r#"[
        {"id": "a", "name": "Alpha Forum", "kind": "forum", "quotes": [{"document": "d", "text": "Alpha Forum met in March last year"}],
         "date": {"year": {"value": 2019}, "month": 3, "precision": "month",
                  "as_written": "in March last year", "relative": "last-year", "relative_to": "d"}},
        {"id": "b", "name": "Beta Forum", "kind": "forum", "quotes": [{"document": "d", "text": "Beta Forum met On May 2"}],
         "date": {"month": 5, "day": 2, "precision": "day", "as_written": "On May 2"}}
    ]"#;
    let text = "Lion City news\nAlpha Forum met in March last year. Beta Forum met On May 2.\n";
    let ds = Loader::new()
        .files([
            ("documents.json", doc.as_bytes()),
            ("forums.json", forums.as_bytes()),
            ("sources/d.txt", text.as_bytes()),
        ])
        .load()
        .unwrap();
    let got: Vec<(&str, Option<i32>, YearSource)> =
        ds.timeline().iter().map(|e| (e.record.id(), e.year, e.year_source)).collect();
    assert_eq!(got, [("a", Some(2019), YearSource::Date), ("b", Some(2020), YearSource::Document)]);
    // A placement is not a date the text gives: date filters leave "On May 2" out.
    let (from, to) = ("2019-01-01".parse().unwrap(), "2020-12-31".parse().unwrap());
    assert_eq!(ids(ds.forum_filter().between(from, to)), ["a"]);
}

// --- Positions ------------------------------------------------------------------------

#[test]
fn every_quote_knows_its_line_and_column() {
    let ds = dataset();
    let mut n = 0;
    for q in ds.records().flat_map(|r| r.quotes()) {
        let at = q.position().expect("every quote is located at load");
        let text = &ds.documents().by_id(&q.document).unwrap().text;
        assert_eq!(&text[at.start..at.end], q.text);
        let before = &text[..at.start];
        assert_eq!(at.line, before.matches('\n').count() + 1);
        assert_eq!(at.column, before.rsplit('\n').next().unwrap().chars().count() + 1);
        n += 1;
    }
    assert!(n > 100, "{n} quotes");
}

#[test]
fn where_the_smart_parks_investment_is_stated() {
    let ds = dataset();
    let park = ds.projects().lookup("China-Singapore Smart Park").unwrap();
    let investment = park.amount(AmountKind::TotalInvestment).unwrap();
    let q = park.quote_containing(&investment.as_written).unwrap();
    let at = q.position().unwrap();
    let doc = ds.documents().by_id(&q.document).unwrap();
    assert_eq!(doc.id, "csgkc-knowledge-highland");
    let line = doc.text.lines().nth(at.line - 1).unwrap();
    assert!(line.starts_with("In June this year, the China-Singapore Smart Park"));
    assert!(line.contains("1.4 billion yuan"));
}
