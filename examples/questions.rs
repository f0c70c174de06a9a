//! Everyday questions about the two articles, each answered in at most five lines of the
//! crate's API and no helper of this program's own: names as people write them, answers
//! in names, quotes with their place in the article.
//!
//! Run with `cargo run --example questions`.

use std::io::Write;

use china_singapore::model::*;
use china_singapore::query::YearSource;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let ds = china_singapore::try_dataset()?;
    let orgs = ds.organizations();
    let mut o = std::io::stdout().lock();

    writeln!(o, "1. Which projects are in biomedicine?")?;
    for p in ds.project_filter().sector(Sector::Biomedicine) {
        writeln!(o, "   {}", p.name)?;
    }

    writeln!(o, "2. Who spoke at the fourth forum, and in what order?")?;
    let fourth = "4th China-Singapore Trade in Services Innovation Forum";
    for (session, id) in ds.forums().lookup(fourth)?.speaking_order() {
        writeln!(o, "   {} ({session})", ds.speakers().lookup(id)?.name)?;
    }

    writeln!(o, "3. Who gave keynotes there, and where do they work?")?;
    for s in ds.speaker_filter().forum(fourth).role(SpeakerRole::Keynote) {
        let mut at: Vec<&str> = s.organizations().filter_map(|id| orgs.by_id(id)).map(|o| &*o.name).collect();
        at.dedup();
        writeln!(o, "   {}: {}", s.name, at.join("; "))?;
    }

    writeln!(o, "4. What did NCS's parent own?")?;
    let ncs = ds.organizations().lookup("NCS")?;
    let parent = ds.links_of(ncs).into_iter().find(|l| l.relation == Relation::Parent).ok_or("no parent")?.other;
    for p in ds.project_filter().group(parent.id()).iter() {
        writeln!(o, "   {} owns NCS, and through it {}", parent.name(), p.name)?;
    }

    writeln!(o, "5. What happened in 2021?")?;
    for e in ds.timeline().iter().filter(|e| e.year == Some(2021)) {
        writeln!(o, "   {e}")?;
    }

    writeln!(o, "6. Where is the Smart Park's investment stated?")?;
    let park = ds.projects().lookup("China-Singapore Smart Park")?;
    let cost = park.amount(AmountKind::TotalInvestment).ok_or("no investment")?;
    let quote = park.quote_containing(&cost.as_written).ok_or("not quoted")?;
    let at = quote.locate(&cost.as_written).ok_or("not located")?;
    writeln!(o, "   “{}”: {}, {at}", cost.as_written, quote.document)?;

    writeln!(o, "7. Who are the parties of DEPA?")?;
    let parties: Vec<&str> = ds.links_of(ds.agreements().lookup("DEPA")?).iter().map(|l| l.other.name()).collect();
    writeln!(o, "   {}", parties.join(", "))?;

    writeln!(o, "8. Which agreements were signed at the 18th JCBC?")?;
    for a in ds.agreement_filter().forum("18th JCBC").iter() {
        writeln!(o, "   {}", a.name)?;
    }

    writeln!(o, "9. What is in Guangzhou?")?;
    for p in ds.project_filter().place("Guangzhou").iter() {
        writeln!(o, "   {}", p.name)?;
    }

    writeln!(o, "10. Who hosted, organised and reported the fourth forum?")?;
    let links = ds.links_of(ds.forums().lookup(fourth)?);
    for (role, name) in links.iter().filter_map(|l| Some((l.role?, l.other.name()))) {
        writeln!(o, "   {role}: {name}")?;
    }

    writeln!(o, "11. Which talk title did the article correct?")?;
    for (s, talk) in ds.speakers().iter().filter_map(|s| Some((s, s.talk.as_ref()?))) {
        for old in talk.superseded() {
            writeln!(o, "   {}: “{old}”, now “{}”", s.name, talk.title().unwrap_or("?"))?;
        }
    }

    writeln!(o, "12. When does RCEP take effect?")?;
    let rcep = ds.agreements().lookup("RCEP")?;
    writeln!(o, "   {}", rcep.milestone(EventKind::TakesEffect).and_then(|m| m.date.as_ref()).ok_or("not said")?)?;

    writeln!(o, "13. How many enterprises has Ascendas OneHub GKC's first phase drawn?")?;
    let phase = ds.projects().lookup("Ascendas OneHub GKC’s Phase I Industrial Park")?;
    writeln!(o, "   {}", phase.count(CountUnit::Enterprises).ok_or("not said")?)?;

    writeln!(o, "14. Which agreements is Singapore party to as a state?")?;
    for a in ds.agreement_filter().country(Country::Singapore) {
        writeln!(o, "   {}", a.name)?;
    }

    writeln!(o, "15. What did Chua Teng Hoe sign?")?;
    for a in ds.agreement_filter().signed_by("Chua Teng Hoe").iter() {
        writeln!(o, "   {}", a.name)?;
    }

    writeln!(o, "16. What lies within the Smart Park?")?;
    for p in ds.project_filter().part_of("China-Singapore Smart Park").iter() {
        writeln!(o, "   {}", p.name)?;
    }

    writeln!(o, "17. What mentions green bonds?")?;
    for hit in ds.search("green bonds").iter().take(2) {
        writeln!(o, "   {} ({}): {}", hit.record.name(), hit.field, hit.snippet)?;
    }

    writeln!(o, "18. Is there a \"Knowlege City\"?")?;
    if let Err(e) = ds.projects().lookup("Knowlege City") {
        writeln!(o, "   {e}")?;
    }

    writeln!(o, "19. Which events have no known year?")?;
    for e in ds.timeline().iter().filter(|e| e.year_source == YearSource::Unknown) {
        writeln!(o, "   {e}")?;
    }

    writeln!(o, "20. Which of the Knowledge City's links does the text not state?")?;
    for l in ds.links_of(ds.projects().lookup("CSGKC")?).iter().filter(|l| l.basis.is_inferred()) {
        writeln!(o, "   {l}")?;
    }

    writeln!(o, "21. What else is the Knowledge City called?")?;
    let names: Vec<&str> = ds.projects().lookup("Knowledge City")?.names().collect();
    writeln!(o, "   {}", names.join(" | "))?;

    writeln!(o, "22. Which events were part of the fourth CIIE?")?;
    for f in ds.forum_filter().parent("4th China International Import Expo") {
        writeln!(o, "   {}", f.name)?;
    }

    writeln!(o, "23. Who is quoted without a name?")?;
    for s in ds.speaker_filter().role(SpeakerRole::Quoted).iter().filter(|s| !s.is_named()) {
        writeln!(o, "   {}", s.name)?;
    }

    writeln!(o, "24. How many talents will the NUS Guangzhou Innovation Institute train?")?;
    let nus = ds.projects().lookup("NUS Guangzhou Innovation Institute")?;
    writeln!(o, "   {}", nus.count(CountUnit::Talents).ok_or("not said")?)?;

    writeln!(o, "25. Which agreements are dated in 2020?")?;
    for a in ds.agreement_filter().between("2020-01-01".parse()?, "2020-12-31".parse()?) {
        writeln!(o, "   {}", a.name)?;
    }

    writeln!(o, "26. What did the roundtable find?")?;
    let roundtable = ds.forum_filter().kind(ForumKind::Roundtable).iter().next().ok_or("no roundtable")?;
    for f in &roundtable.findings {
        writeln!(o, "   ({}) {}", f.by, f.text)?;
    }

    writeln!(o, "27. Which forums did Yicai Media Group support?")?;
    for f in ds.forum_filter().organization("Yicai Media Group").iter() {
        writeln!(o, "   {}", f.name)?;
    }

    writeln!(o, "28. What does the dataset say of NCS, in names?")?;
    writeln!(o, "   {}", ds.card(ds.organizations().lookup("NCS")?))?;
    Ok(())
}
