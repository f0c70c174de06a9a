//! The linked-data export in a real triple store: the Turtle loads into an in-memory
//! Oxigraph store, and SPARQL answers equal the Rust API's. Run with
//! `cargo test -p china-singapore-dev --features rdf --test oracles rdf::` (plain
//! `cargo test` runs it too, in a second cargo).

use std::collections::BTreeSet;

use crate::answers;
use china_singapore::{
    Kind, Record, export,
    model::{AmountKind, Currency, Relation, Sector, Target},
};
use oxigraph::io::RdfFormat;
use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

const PREFIXES: &str = "PREFIX cs: <urn:china-singapore:vocab:>
PREFIX schema: <https://schema.org/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX oa: <http://www.w3.org/ns/oa#>
";

fn load(format: RdfFormat, bytes: &[u8]) -> Store {
    let store = Store::new().unwrap();
    store.load_from_reader(format, bytes).unwrap();
    store
}

fn turtle_store() -> Store {
    let mut ttl = Vec::new();
    export::write_turtle(china_singapore::dataset(), &mut ttl).unwrap();
    load(RdfFormat::Turtle, &ttl)
}

/// The values of `?x` in every solution, as text (a literal's value, or an IRI).
fn select(store: &Store, query: &str) -> Vec<String> {
    let query = format!("{PREFIXES}{query}");
    let results = SparqlEvaluator::new().parse_query(&query).unwrap().on_store(store).execute().unwrap();
    let QueryResults::Solutions(solutions) = results else { panic!("not a SELECT: {query}") };
    solutions
        .map(|s| match s.unwrap().get("x") {
            Some(Term::Literal(l)) => l.value().to_owned(),
            Some(Term::NamedNode(n)) => n.as_str().to_owned(),
            other => panic!("unexpected ?x: {other:?}"),
        })
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn set<T: Into<String>>(items: impl IntoIterator<Item = T>) -> BTreeSet<String> {
    items.into_iter().map(Into::into).collect()
}

#[test]
fn keynote_speakers_of_the_fourth_forum_in_speaking_order_each_once() {
    let (forum, api) = answers::keynotes_of_the_fourth_forum(china_singapore::dataset());
    let query = format!(
        "SELECT ?x WHERE {{ <{}> cs:programme ?session . ?session cs:order ?so ; cs:speakers ?slot .
                             ?slot cs:order ?o ; cs:id ?x .
                             ?s schema:identifier ?x ; cs:roles ?r . ?r cs:role \"keynote\" }}
         ORDER BY ?so ?o",
        export::iri(Kind::Forum, &forum)
    );
    let sparql = select(&turtle_store(), &query);
    assert_eq!(sparql, api);
    assert_eq!(sparql, ["chi-fulin", "qian-bin", "li-tao", "wei-zhe"]);
}

#[test]
fn every_amount_with_its_currency_and_record() {
    let ds = china_singapore::dataset();
    let api = answers::amounts(ds).into_iter().map(|a| a.join(" "));
    let query = "SELECT (CONCAT(?id, \" \", STR(?v), \" \", ?c) AS ?x) WHERE {
        ?r schema:identifier ?id ; cs:amount ?a . ?a a schema:MonetaryAmount ; schema:value ?v ; schema:currency ?c }";
    let (sparql, api) = (sorted(select(&turtle_store(), query)), sorted(api.collect()));
    assert!(!api.is_empty());
    assert_eq!(sparql, api);
    let park = ds.projects().by_name("China-Singapore Smart Park").unwrap();
    assert_eq!(park.amount(AmountKind::TotalInvestment).unwrap().currency, Currency::Cny);
}

#[test]
fn every_agreements_parties_with_their_bases() {
    let parties = answers::parties(china_singapore::dataset());
    let api = parties.iter().map(|(a, (kind, id), basis)| format!("{a} {} {basis}", export::iri(*kind, id)));
    let query = "SELECT (CONCAT(?id, \" \", STR(?o), \" \", ?b) AS ?x) WHERE {
        ?a a cs:Agreement ; schema:identifier ?id .
        ?st rdf:subject ?a ; rdf:predicate cs:party ; rdf:object ?o ; cs:basis ?b }";
    assert!(parties.len() > 5, "{parties:?}");
    assert_eq!(sorted(select(&turtle_store(), query)), sorted(api.collect()));
}

#[test]
fn projects_in_biomedicine() {
    let ds = china_singapore::dataset();
    let api: Vec<&str> = ds.project_filter().sector(Sector::Biomedicine).iter().map(|p| p.id.as_str()).collect();
    let query = "SELECT ?x WHERE { ?p a cs:Project ; cs:sectors \"biomedicine\" ; schema:identifier ?x }";
    assert!(api.len() >= 3, "{api:?}");
    assert_eq!(set(select(&turtle_store(), query)), set(api));
}

#[test]
fn parties_of_depa_and_how_each_is_known() {
    let ds = china_singapore::dataset();
    let depa = ds.agreements().by_name("DEPA").unwrap();
    let parties: Vec<_> = depa.links().into_iter().filter(|l| l.relation == Relation::Party).collect();
    let api = parties.iter().map(|l| match l.target {
        Target::Record(kind, id) => export::iri(kind, id),
        // A country is its place.
        Target::Country(c) => export::iri(Kind::Place, c.as_str()),
    });
    assert!(parties.len() >= 2, "{parties:?}");
    let depa_iri = export::iri(Kind::Agreement, depa.id.as_str());
    let store = turtle_store();
    let sparql = select(&store, &format!("SELECT ?x WHERE {{ <{depa_iri}> cs:party ?x }}"));
    assert_eq!(set(sparql), set(api));
    // The reified statements carry each party's basis.
    let inferred = select(
        &store,
        &format!(
            "SELECT ?x WHERE {{ ?st rdf:subject <{depa_iri}> ; rdf:predicate cs:party ; rdf:object ?x ; cs:inferred true }}"
        ),
    );
    assert_eq!(inferred.len(), parties.iter().filter(|l| l.basis.is_inferred()).count());
}

#[test]
fn every_quote_is_in_its_document_and_every_stated_link_has_evidence() {
    let store = turtle_store();
    let misquoted = "SELECT ?x WHERE { ?x cs:text ?t ; cs:document ?d . ?d cs:text ?dt FILTER(!CONTAINS(?dt, ?t)) }";
    assert_eq!(select(&store, misquoted), Vec::<String>::new());
    let quotes = select(&store, "SELECT ?x WHERE { ?x a cs:Quote }");
    let api_quotes: usize = china_singapore::dataset().records().map(|r| r.quotes().len()).sum();
    assert_eq!(quotes.len(), api_quotes);
    let unbacked =
        "SELECT ?x WHERE { ?x a rdf:Statement ; cs:basis \"stated\" FILTER NOT EXISTS { ?x cs:evidence ?q } }";
    assert_eq!(select(&store, unbacked), Vec::<String>::new());
}

#[test]
fn json_ld_and_n_triples_say_what_turtle_says() {
    let ds = china_singapore::dataset();
    let turtle: BTreeSet<String> = turtle_store().iter().map(|q| q.unwrap().to_string()).collect();
    let mut nt = Vec::new();
    export::write_ntriples(ds, &mut nt).unwrap();
    let ntriples: BTreeSet<String> = load(RdfFormat::NTriples, &nt).iter().map(|q| q.unwrap().to_string()).collect();
    let mut jsonld = Vec::new();
    export::write_json_ld(ds, &mut jsonld).unwrap();
    let format = RdfFormat::JsonLd { profile: Default::default() };
    let from_jsonld: BTreeSet<String> = load(format, &jsonld).iter().map(|q| q.unwrap().to_string()).collect();
    assert!(turtle.len() > 1000);
    assert_eq!(ntriples, turtle);
    let missing: Vec<_> = turtle.difference(&from_jsonld).take(5).collect();
    let extra: Vec<_> = from_jsonld.difference(&turtle).take(5).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing {missing:?}, extra {extra:?}");
}

#[test]
fn one_record_as_json_ld_holds_its_own_nodes() {
    let ds = china_singapore::dataset();
    let forum = ds.lookup("trade-in-services-forum-4").unwrap();
    let doc = export::json_ld_record(ds, forum);
    let bytes = serde_json::to_vec(&doc).unwrap();
    let store = load(RdfFormat::JsonLd { profile: Default::default() }, &bytes);
    let forum_iri = export::iri(Kind::Forum, forum.id());
    let subjects = select(&store, "SELECT DISTINCT ?x WHERE { ?x ?p ?o }");
    assert!(subjects.iter().all(|s| s.starts_with(&forum_iri)), "{subjects:?}");
    let quotes = select(&store, "SELECT ?x WHERE { ?x a cs:Quote }");
    assert_eq!(quotes.len(), forum.quotes().len());
}

#[test]
fn the_ntriples_say_no_statement_twice() {
    let mut nt = Vec::new();
    export::write_ntriples(china_singapore::dataset(), &mut nt).unwrap();
    let text = String::from_utf8(nt).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let unique: BTreeSet<&str> = lines.iter().copied().collect();
    assert_eq!(lines.len(), unique.len(), "{} repeated lines", lines.len() - unique.len());
}

#[test]
fn organisations_in_singapore_by_the_natural_query() {
    let ds = china_singapore::dataset();
    let api =
        ds.organization_filter().country(china_singapore::model::Country::Singapore).iter().map(|o| o.id.as_str());
    let singapore = export::iri(Kind::Place, "singapore");
    let query = format!("SELECT ?x WHERE {{ ?o a cs:Organization ; cs:country <{singapore}> ; schema:identifier ?x }}");
    let sparql = select(&turtle_store(), &query);
    assert!(!sparql.is_empty());
    assert_eq!(set(sparql), set(api));
}

#[test]
fn forums_held_in_2021_by_their_comparable_year() {
    let api = answers::forums_held_in_2021(china_singapore::dataset());
    let query =
        "SELECT ?x WHERE { ?f a cs:Forum ; schema:identifier ?x ; cs:date ?d . ?d cs:event \"held\" ; cs:year 2021 }";
    let sparql = select(&turtle_store(), query);
    assert!(!sparql.is_empty());
    assert_eq!(set(sparql), set(api));
}

#[test]
fn every_quote_cut_out_by_its_character_offsets_in_sparql_is_the_quote() {
    let store = turtle_store();
    let all = "SELECT ?x WHERE { ?x oa:hasSelector ?at . ?at a oa:TextPositionSelector }";
    let quotes = select(&store, all);
    let total: usize = china_singapore::dataset().records().map(|r| r.quotes().len()).sum();
    assert_eq!(quotes.len(), total);
    let cut = |test: &str| {
        let query = format!(
            "SELECT ?x WHERE {{
                ?x oa:hasSource ?doc ; oa:hasSelector ?at , ?words .
                ?at a oa:TextPositionSelector ; oa:start ?s ; oa:end ?e .
                ?words a oa:TextQuoteSelector ; oa:exact ?exact .
                ?doc cs:text ?text .
                FILTER(SUBSTR(?text, ?s + 1, ?e - ?s) {test} ?exact) }}"
        );
        select(&store, &query).len()
    };
    assert_eq!((cut("="), cut("!=")), (total, 0));
}

/// Every key path in a JSON value, as `a.b.c` (list items share their list's path).
fn paths(value: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            // A null field holds nothing to say.
            for (k, v) in map.iter().filter(|(_, v)| !v.is_null()) {
                let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                out.insert(path.clone());
                paths(v, &path, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| paths(v, prefix, out)),
        _ => {}
    }
}

fn camel(key: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in key.chars() {
        if c == '_' || c == '-' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn every_field_of_the_json_reaches_the_rdf_as_a_predicate() {
    let ds = china_singapore::dataset();
    let mut all = BTreeSet::new();
    for r in ds.records() {
        paths(&serde_json::to_value(r).unwrap(), "", &mut all);
    }
    let store = turtle_store();
    let predicates = set(select(&store, "SELECT DISTINCT ?x WHERE { ?s ?x ?o }"));
    // The fields every record has are said with schema.org terms or their own nodes.
    let special = |path: &str| -> Option<&'static str> {
        Some(match path {
            "id" => "https://schema.org/identifier",
            "name" | "title" | "aliases.name" => "https://schema.org/name",
            "name_source" => "urn:china-singapore:vocab:nameSource",
            "aliases" => "urn:china-singapore:vocab:alias",
            "aliases.kind" => "urn:china-singapore:vocab:aliasKind",
            "quotes" => "urn:china-singapore:vocab:quote",
            "quotes.position" | "quotes.position.char_start" => "http://www.w3.org/ns/oa#start",
            "quotes.position.char_end" => "http://www.w3.org/ns/oa#end",
            _ => return None,
        })
    };
    let mut missing = Vec::new();
    for path in &all {
        let key = path.rsplit('.').next().unwrap();
        let expected = special(path).map_or_else(|| format!("urn:china-singapore:vocab:{}", camel(key)), str::to_owned);
        if !predicates.contains(&expected) {
            missing.push(format!("{path} → {expected}"));
        }
    }
    assert!(all.len() > 60, "{} paths", all.len());
    assert!(missing.is_empty(), "fields with no predicate: {missing:#?}");
}

#[test]
fn every_record_has_a_schema_org_type_and_links_use_schema_org_where_they_fit() {
    let ds = china_singapore::dataset();
    let store = turtle_store();
    let typed = select(
        &store,
        "SELECT DISTINCT ?x WHERE { ?r schema:identifier ?x ; a ?t . FILTER(STRSTARTS(STR(?t), \"https://schema.org/\")) }",
    );
    assert_eq!(typed.len(), ds.records().count());
    let iri = |k: Kind, id: &str| export::iri(k, id);
    let one = |s: String, p: &str| select(&store, &format!("SELECT ?x WHERE {{ <{s}> schema:{p} ?x }}"));
    assert_eq!(
        one(iri(Kind::Organization, "ncs"), "parentOrganization"),
        [iri(Kind::Organization, "singapore-telecom")]
    );
    assert_eq!(one(iri(Kind::Forum, "trade-in-services-forum-4"), "superEvent"), [iri(Kind::Forum, "ciie-4")]);
    let within = ds.places().by_id("guangzhou").unwrap().within.iter().map(|w| iri(Kind::Place, w.id.as_str()));
    assert_eq!(set(one(iri(Kind::Place, "guangzhou"), "containedInPlace")), set(within));
    let organizers = set(one(iri(Kind::Forum, "trade-in-services-forum-4"), "organizer"));
    assert_eq!(organizers.len(), 3, "{organizers:?}"); // the host and the two organisers
}

#[test]
fn a_transitive_answer_is_derived_in_sparql_as_the_api_explains_it() {
    let ds = china_singapore::dataset();
    let store = turtle_store();
    let speaker = ds.speakers().by_name("Wei Zhe").unwrap();
    let ciie = ds.forums().by_name("fourth CIIE").unwrap();
    let why = ds.explain(speaker, ciie).unwrap();
    assert!(why.steps.len() >= 2, "{why}");
    let (from, to) = (export::iri(Kind::Speaker, speaker.id.as_str()), export::iri(Kind::Forum, ciie.id.as_str()));
    // Any first link, then containment, place and country links, as a property path.
    let path = "(cs:partOf|cs:within|cs:parent|cs:parentEvent|cs:place|cs:country)*";
    let reached = format!("SELECT ?x WHERE {{ <{from}> ?first ?x . ?x {path} <{to}> FILTER(?first != rdf:type) }}");
    let firsts = select(&store, &reached);
    assert!(
        firsts.contains(&why.steps[0].other.record().map(|r| export::iri(r.kind(), r.id())).unwrap()),
        "{firsts:?}"
    );
    // Each step of the chain is a link statement with the basis the API gives it.
    let mut at = from;
    for step in &why.steps {
        let other = step.other.record().map(|r| export::iri(r.kind(), r.id())).unwrap();
        let predicate = format!("cs:{}", camel(step.relation.as_str()));
        let basis = select(
            &store,
            &format!(
                "SELECT ?x WHERE {{ ?s rdf:subject <{at}> ; rdf:predicate {predicate} ; rdf:object <{other}> ; cs:basis ?x }}"
            ),
        );
        assert_eq!(basis, [step.basis.as_str()], "{at} {predicate} {other}");
        at = other;
    }
    assert_eq!(at, to);
}
