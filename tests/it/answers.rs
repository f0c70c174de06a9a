//! Answers that show how they are known: derivations, evidence, answer cards, positions,
//! figures and the search modes, checked against the articles' own words.

use china_singapore::model::{Basis, Relation};
use china_singapore::query::{Derivation, Measure};
use china_singapore::{AnyRecord, Dataset, Kind, dataset};

fn ds() -> &'static Dataset {
    dataset()
}

/// Letters and digits only, lower-cased: enough to see whether a passage holds a name.
fn bare(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn names_in(record: AnyRecord<'_>, text: &str) -> bool {
    let text = bare(text);
    core::iter::once(record.name()).chain(record.aliases().iter().map(|a| a.name.as_str())).any(|n| {
        let n = bare(n);
        !n.is_empty() && text.contains(&n)
    })
}

#[test]
fn every_name_a_reader_types_resolves() {
    let expected = [
        ("Smart Park", "china-singapore-smart-park"),
        ("fourth CIIE", "ciie-4"),
        ("4th CIIE", "ciie-4"),
        ("CIRD", "china-institute-for-reform-and-development"),
        ("Trade in Services Innovation Forum", "china-singapore-trade-in-services-innovation-forum"),
        ("Fintech Delivery Center", "ncs-gba-fintech-delivery-center"),
        ("Regulations on CSGKC", "regulations-on-csgkc"),
        ("NUS", "national-university-of-singapore"),
        ("SGX", "singapore-exchange"),
        ("Knowledge City", "china-singapore-guangzhou-knowledge-city"),
        ("CIIE", "ciie"),
        ("Singtel", "singapore-telecom"),
        ("JCBC", "jcbc"),
        ("DEPA", "depa"),
        ("CPTPP", "cptpp"),
        ("ChiFulin", "chi-fulin"),
        ("Chua Teng Hoe", "chua-teng-hoe"),
        ("Wei Zhe", "wei-zhe"),
        ("YangYudong", "yang-yudong"),
        ("RCEP", "rcep"),
        ("CSGKS", "china-singapore-guangzhou-knowledge-city"),
        ("GBA", "greater-bay-area"),
        ("SIP", "suzhou-industrial-park"),
        ("BoCom", "bank-of-communications"),
        ("NTU", "nanyang-technological-university"),
    ];
    for (typed, id) in expected {
        assert_eq!(ds().lookup(typed).map(|r| r.id()), Ok(id), "{typed}");
    }
}

#[test]
fn a_stated_link_rests_on_a_quote_naming_both_ends() {
    let mut stated = 0;
    for r in ds().records() {
        for link in ds().links_of(r).into_iter().filter(|l| l.basis == Basis::Stated) {
            let e = link.evidence.unwrap_or_else(|| panic!("{} → {}: no evidence", r.id(), link.other.id()));
            let words = e.words.unwrap_or_else(|| panic!("{} → {}: no words", r.id(), link.other.id()));
            assert!(e.quote.text.contains(words));
            assert!(names_in(r, &e.quote.text), "{} → {}: the quote does not name {}", r.id(), link.other.id(), r.id());
            let target_names = match link.other.record() {
                Some(t) => names_in(t, words),
                None => bare(words).contains(&bare(link.other.name())),
            };
            assert!(target_names, "{} → {}: {words:?} does not name it", r.id(), link.other.id());
            stated += 1;
        }
    }
    assert!(stated > 50, "{stated}");
}

#[test]
fn evidence_words_sit_where_their_position_says() {
    for r in ds().records() {
        for link in ds().links_of(r) {
            let Some(e) = link.evidence else { continue };
            let (Some(words), Some(at)) = (e.words, e.words_at) else { continue };
            let doc = ds().documents().by_id(&e.quote.document).unwrap();
            assert_eq!(&doc.text[at.start..at.end], words);
            let chars: String = doc.text.chars().skip(at.char_start).take(at.char_end - at.char_start).collect();
            assert_eq!(chars, words);
            let line = doc.text.lines().nth(at.line - 1).unwrap();
            assert!(line.chars().skip(at.column - 1).collect::<String>().starts_with(words));
        }
    }
}

#[test]
fn a_link_the_text_implies_cites_the_passage_that_implies_it() {
    let base = ds().projects().by_id("biosyngen-production-base").unwrap();
    let link = ds().links_of(base).into_iter().find(|l| l.relation == Relation::PartOf).unwrap();
    assert_eq!(link.basis, Basis::Context);
    let e = link.evidence.unwrap();
    assert!(e.quote.text.contains("have been launched in the CSGKS"));
    assert_eq!(e.words, Some("CSGKS"));
}

#[test]
fn the_derivation_puts_the_ncs_centre_in_guangzhou_through_the_knowledge_city() {
    let centre = ds().projects().by_id("ncs-gba-fintech-delivery-center").unwrap();
    let guangzhou = ds().places().by_id("guangzhou").unwrap();
    let why = ds().explain(centre, guangzhou).unwrap();
    let steps: Vec<(Relation, &str, Basis)> = why.steps.iter().map(|s| (s.relation, s.other.id(), s.basis)).collect();
    assert_eq!(
        steps,
        [
            (Relation::PartOf, "china-singapore-guangzhou-knowledge-city", Basis::Stated),
            (Relation::Place, "guangzhou", Basis::Name)
        ]
    );
    assert_eq!(why.basis(), Basis::Name);
    assert_eq!(why.steps[0].evidence.unwrap().words, Some("CSGKS"));
    assert_eq!(why.steps[1].evidence.unwrap().words, Some("Guangzhou"));
    let json = serde_json::to_value(&why).unwrap();
    assert_eq!(json["from"]["id"], "ncs-gba-fintech-delivery-center");
    assert_eq!(json["steps"][0]["relation"], "part-of");
    assert_eq!(json["steps"][0]["evidence"]["words"], "CSGKS");
    assert_eq!(json["steps"][1]["other"]["name"], "Guangzhou");
}

#[test]
fn a_chain_is_as_strong_as_its_weakest_link() {
    let sp = ds().projects().by_id("sp-group-smart-park-project").unwrap();
    let guangdong = ds().places().by_id("guangdong").unwrap();
    let why = ds().explain(sp, guangdong).unwrap();
    let bases: Vec<Basis> = why.steps.iter().map(|s| s.basis).collect();
    assert_eq!(bases, [Basis::Context, Basis::Context, Basis::Name, Basis::Geography]);
    assert_eq!(why.basis(), Basis::Geography);
}

#[test]
fn a_speaker_reaches_the_expo_through_the_forum_within_it() {
    let wei = ds().speakers().by_id("wei-zhe").unwrap();
    let expo = ds().forums().by_id("ciie-4").unwrap();
    let why = ds().explain(wei, expo).unwrap();
    let steps: Vec<(Relation, &str)> = why.steps.iter().map(|s| (s.relation, s.other.id())).collect();
    assert_eq!(steps, [(Relation::SpokeAt, "trade-in-services-forum-4"), (Relation::ParentEvent, "ciie-4")]);
}

#[test]
fn no_chain_leads_where_no_link_goes() {
    let sip = ds().projects().by_id("suzhou-industrial-park").unwrap();
    let guangzhou = ds().places().by_id("guangzhou").unwrap();
    assert_eq!(ds().explain(sip, guangzhou), None::<Derivation<'_>>);
    assert_eq!(ds().explain(sip, sip), None);
}

#[test]
fn every_transitive_place_match_has_its_chain() {
    for place in ds().places().iter() {
        for p in ds().project_filter().place(place.id.as_str()) {
            let why = ds().explain(p, place);
            assert!(why.is_some(), "{} is in {} with no chain", p.id, place.id);
        }
        for f in ds().forum_filter().place(place.id.as_str()) {
            assert!(ds().explain(f, place).is_some(), "{} is in {} with no chain", f.id, place.id);
        }
    }
    for org in ds().organizations().iter() {
        for below in ds().organization_filter().parent(org.id.as_str()) {
            assert!(below.id == org.id || ds().explain(below, org).is_some(), "{} under {}", below.id, org.id);
        }
    }
}

#[test]
fn the_answer_card_holds_fields_links_with_evidence_and_positioned_quotes() {
    let park = ds().projects().by_id("china-singapore-smart-park").unwrap();
    let card = serde_json::to_value(ds().card(park)).unwrap();
    assert_eq!((card["kind"].as_str(), card["id"].as_str()), (Some("project"), Some("china-singapore-smart-park")));
    assert_eq!(card["fields"]["amounts"][0]["as_written"], "1.4 billion yuan");
    let links = card["links"].as_array().unwrap();
    assert_eq!(links[0]["other"]["id"], "china-singapore-guangzhou-knowledge-city");
    assert_eq!(links[0]["basis"], "context");
    let from: Vec<&str> =
        card["linked_from"].as_array().unwrap().iter().map(|l| l["other"]["id"].as_str().unwrap()).collect();
    assert_eq!(
        from,
        [
            "ncs-gba-fintech-delivery-center",
            "sp-group-smart-park-project",
            "guangzhou-lion-tcr",
            "star-3d-oral-digital-medicine"
        ]
    );
    let q = &card["fields"]["quotes"][0];
    let doc = ds().documents().by_id("csgkc-knowledge-highland").unwrap();
    let (start, end) =
        (q["position"]["start"].as_u64().unwrap() as usize, q["position"]["end"].as_u64().unwrap() as usize);
    assert_eq!(doc.text[start..end], *q["text"].as_str().unwrap());
}

#[test]
fn a_phrase_inside_a_quote_is_located_in_bytes_characters_lines_and_columns() {
    let doc = ds().documents().by_id("trade-in-services-forum").unwrap();
    let mou = ds().agreements().by_id("mou-service-industry-development").unwrap();
    let q = &mou.quotes[0];
    let at = q.locate("People’s Government of Suzhou").unwrap();
    assert_eq!(&doc.text[at.start..at.end], "People’s Government of Suzhou");
    assert_eq!(doc.text[..at.start].chars().count(), at.char_start);
    assert_eq!(at.char_end - at.char_start, "People’s Government of Suzhou".chars().count());
    let line = doc.text.lines().nth(at.line - 1).unwrap();
    assert!(line.chars().skip(at.column - 1).collect::<String>().starts_with("People’s Government"));
    // Case and the kind of space do not matter; a phrase the quote lacks is not found.
    assert_eq!(q.locate("republic of singapore in shanghai").map(|p| p.line), Some(at.line));
    assert_eq!(q.locate("Lion City"), None);
}

#[test]
fn every_figure_comes_with_its_record_and_the_words_that_state_it() {
    let figures = ds().figures();
    let got: Vec<(&str, &str)> = figures.iter().map(|f| (f.record.id(), f.measure.as_written())).collect();
    assert_eq!(
        got,
        [
            ("china-singapore-international-joint-research-institute", "nine industrialization systems"),
            ("china-singapore-smart-park", "1.4 billion yuan"),
            ("china-singapore-smart-park", "more than 60 industrialization projects"),
            ("ncs-gba-fintech-delivery-center", "500 IT professionals"),
            ("ascendas-onehub-gkc-phase-i", "more than 400 enterprises"),
            ("ascendas-onehub-gkc-phase-i", "employed 3,000 people"),
            ("nus-guangzhou-innovation-institute", "nearly 3,000 high-level talents"),
            ("green-bond-issuance", "US $1.34 billion"),
            ("green-bond-issuance", "three state-owned enterprises"),
            ("jcbc-18-agreements", "19 Memoranda of Understanding (MOUs) and cooperation agreements"),
            ("forum-contracts", "21 groups of company representatives"),
            ("forum-contracts", "three batches"),
        ]
    );
    for f in &figures {
        let at = f.at.unwrap_or_else(|| panic!("{f}: no position"));
        let doc = ds().documents().by_id(&f.quote.unwrap().document).unwrap();
        // As written, up to the kind of space (the text has no-break spaces).
        assert_eq!(doc.text[at.start..at.end].replace('\u{a0}', " "), f.measure.as_written().replace('\u{a0}', " "));
    }
    let shown: Vec<String> = figures.iter().map(|f| f.measure.to_string()).collect();
    assert_eq!(shown[3], "500 IT professionals (expected)");
    assert_eq!(shown[6], "nearly 3,000 talents (target)");
    assert_eq!(shown[7], "USD 1,340,000,000 (cumulative issuance)");
    assert!(matches!(figures[1].measure, Measure::Amount(_)) && matches!(figures[2].measure, Measure::Count(_)));
}

#[test]
fn the_timeline_marks_every_year_the_text_does_not_state() {
    for e in ds().timeline() {
        let inferred = e.date.year.as_ref().is_some_and(|y| y.is_inferred());
        assert_eq!(e.to_string().contains("(inferred)"), inferred, "{e}");
    }
}

#[test]
fn all_words_finds_only_texts_with_every_word_and_any_word_ranks_more() {
    let any = ds().search("5G blockchain digital twins");
    let all = ds().search("+5G +blockchain +digital +twins");
    assert_eq!(any[0].record.id(), "ncs-gba-fintech-delivery-center");
    assert!(any.len() > 5, "{}", any.len());
    let ids: Vec<&str> = all.iter().map(|h| h.record.id()).collect();
    assert_eq!(ids, ["ncs-gba-fintech-delivery-center"]);
    // One required word among loose ones.
    let mixed: Vec<&str> = ds().search("+bonds green").iter().map(|h| h.record.id()).collect();
    assert_eq!(mixed, ["green-bond-issuance", "sgx-green-bond-mou"]);
}

#[test]
fn every_hit_carries_a_quote_and_a_position_even_on_a_name() {
    for query in
        ["\"smart park\"", "Knowledge Tower", "Biosyngen immunocellular drug production base", "SGX", "+keynote"]
    {
        let hits = ds().search(query);
        assert!(!hits.is_empty(), "{query}");
        for h in &hits {
            assert!(h.quote.is_some() && h.at.is_some(), "{query}: {} has no quote", h.record.id());
        }
    }
    let park = &ds().search("\"smart park\"")[0];
    assert_eq!(park.record.id(), "china-singapore-smart-park");
    let doc = ds().documents().by_id(&park.quote.unwrap().document).unwrap();
    let at = park.at.unwrap();
    assert_eq!(&doc.text[at.start..at.end], "China-Singapore Smart Park");
    assert!(ds().search_in(Kind::Speaker, "+keynote").iter().all(|h| h.record.kind() == Kind::Speaker));
}
