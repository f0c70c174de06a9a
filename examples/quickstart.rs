//! Answers a handful of real questions over the embedded data, each with its citation.
//!
//! Run with `cargo run --example quickstart`.

use china_singapore::{AmountKind, Quote, Record, Sector, SpeakerRole};

fn cite(q: &Quote) -> String {
    format!("      source [{}]: “{}”", q.document, q.text.replace('\u{a0}', " "))
}

fn main() {
    let ds = match china_singapore::try_dataset() {
        Ok(ds) => ds,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    println!("china-singapore: {} records from {} articles\n", ds.len(), ds.documents().len());

    println!("Q: Which projects are in biomedicine?");
    for p in ds.project_filter().sector(Sector::Biomedicine) {
        println!("  - {p}");
        println!("{}", cite(&p.quotes[0]));
    }

    println!(
        "\nQ: Who gave keynotes at the fourth China–Singapore Trade in Services Innovation Forum, and whom do they represent?"
    );
    let forum = ds.forums().find("fourth China-Singapore Trade in Services Innovation Forum");
    if let Some(forum) = forum {
        for s in ds.speaker_filter().forum(forum.id()).role(SpeakerRole::Keynote) {
            let mut orgs: Vec<&str> = Vec::new();
            for o in s.organizations().filter_map(|o| ds.organizations().get(o.as_str())) {
                if !orgs.contains(&o.name.as_str()) {
                    orgs.push(&o.name);
                }
            }
            let title = s.talk.as_ref().and_then(|t| t.title()).unwrap_or("(untitled)");
            println!("  - {} ({}): “{}”", s.name, orgs.join("; "), title);
            println!("{}", cite(&s.quotes[0]));
        }
    }

    println!("\nQ: What did the China–Singapore Smart Park cost?");
    if let Some(park) = ds.projects().find("China-Singapore Smart Park")
        && let Some(cost) = park.amount(AmountKind::TotalInvestment)
    {
        println!("  - {cost}, as written “{}”", cost.as_written);
        println!("{}", cite(&park.quotes[0]));
    }

    println!("\nQ: Which agreements were signed at the 18th JCBC?");
    if let Some(jcbc) = ds.forums().find("18th JCBC") {
        for a in ds.forum_agreements(jcbc.id()) {
            println!("  - {a}");
            println!("{}", cite(&a.quotes[0]));
        }
    }

    println!("\nQ: What is in Guangzhou?");
    for p in ds.place_projects("guangzhou") {
        let basis = p.place.as_ref().map_or("", |r| r.basis.as_str());
        println!("  - {} [{}] (location basis: {basis})", p.name, p.id);
        println!("{}", cite(&p.quotes[0]));
    }
    for f in ds.place_forums("guangzhou") {
        println!("  - forum: {f}");
        println!("{}", cite(&f.quotes[0]));
    }

    println!("\nQ: Which talk title did the article correct?");
    for s in ds.speakers().iter() {
        let Some(talk) = &s.talk else { continue };
        if talk.titles.len() > 1 {
            for t in &talk.titles {
                println!("  - {} — {}: “{}”", s.name, t.status, t.title);
            }
            println!("{}", cite(&s.quotes[0]));
        }
    }
}
