//! The Rust API's answers to the questions the SPARQL and SQL tests ask the exports: each
//! export must give the same.

use china_singapore::model::{CalendarDate, Relation, SpeakerRole, Target};
use china_singapore::query::Measure;
use china_singapore::{Dataset, Kind, Record};

/// The fourth Trade in Services Innovation Forum's id, and its keynote speakers' ids in
/// speaking order, each once.
pub fn keynotes_of_the_fourth_forum(ds: &Dataset) -> (String, Vec<String>) {
    let forum = ds.forums().by_name("fourth China-Singapore Trade in Services Innovation Forum").unwrap();
    let keynotes: Vec<&str> =
        ds.speaker_filter().forum(&forum.id).role(SpeakerRole::Keynote).iter().map(|s| s.id.as_str()).collect();
    let order = forum.speaking_order().map(|(_, s)| s.to_string()).filter(|s| keynotes.contains(&s.as_str()));
    (forum.id.to_string(), order.collect())
}

/// Every amount: its record's id, its value and its currency, in the API's order.
pub fn amounts(ds: &Dataset) -> Vec<[String; 3]> {
    let amount = |f: china_singapore::query::Figure<'_>| match f.measure {
        Measure::Amount(a) => Some([f.record.id().to_owned(), a.value.to_string(), a.currency.as_str().to_owned()]),
        _ => None,
    };
    ds.figures().into_iter().filter_map(amount).collect()
}

/// Every party of every agreement: the agreement's id, the party (a country as its place
/// record) and the link's basis, in the API's order.
pub fn parties(ds: &Dataset) -> Vec<(String, (Kind, String), String)> {
    let mut out = Vec::new();
    for a in ds.agreements().iter() {
        for l in a.links().into_iter().filter(|l| l.relation == Relation::Party) {
            let party = match l.target {
                Target::Record(kind, id) => (kind, id.to_owned()),
                Target::Country(c) => (Kind::Place, c.as_str().to_owned()),
            };
            out.push((a.id.to_string(), party, l.basis.as_str().to_owned()));
        }
    }
    out
}

/// The ids of the forums held in 2021, by the forum filter.
pub fn forums_held_in_2021(ds: &Dataset) -> Vec<String> {
    let d = |s: &str| s.parse::<CalendarDate>().unwrap();
    ds.forum_filter().between(d("2021-01-01"), d("2021-12-31")).iter().map(|f| f.id.to_string()).collect()
}
