//! Answers a handful of real questions over the embedded data, each with its citation.
//!
//! Run with `cargo run --example quickstart`.

use china_singapore::model::{AmountKind, Sector, SpeakerRole};
use china_singapore::{Quote, Record};

/// Prints a line; a closed pipe (`quickstart | head`) ends the program quietly.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            std::process::exit(if e.kind() == std::io::ErrorKind::BrokenPipe { 0 } else { 1 });
        }
    }};
}

fn cite(q: &Quote) -> String {
    format!("      source [{}]: “{}”", q.document, q.text.replace('\u{a0}', " "))
}

/// What is in Guangzhou: every match reaches it through a chain of links, printed with the
/// chain's basis (its weakest link) and the passage its first link rests on.
fn in_guangzhou(ds: &china_singapore::Dataset) {
    say!("\nQ: What is in Guangzhou, and how is that known?");
    let Some(guangzhou) = ds.places().by_name("Guangzhou") else { return };
    for p in ds.project_filter().place(guangzhou.id()) {
        let Some(why) = ds.explain(p, guangzhou) else { continue };
        say!("  - {why}\n      basis: {}", why.basis());
        let evidence = why.steps.first().and_then(|s| s.evidence);
        say!("{}", cite(evidence.map_or(&p.quotes[0], |e| e.quote)));
    }
}

fn main() {
    // Panics with every diagnostic only if the embedded data were invalid (tests rule it out).
    let ds = china_singapore::dataset();
    say!("china-singapore: {} records from {} articles\n", ds.records().count(), ds.documents().len());

    say!("Q: Which projects are in biomedicine?");
    for p in ds.project_filter().sector(Sector::Biomedicine) {
        say!("  - {p}");
        say!("{}", cite(&p.quotes[0]));
    }

    say!(
        "\nQ: Who gave keynotes at the fourth China–Singapore Trade in Services Innovation Forum, and whom do they represent?"
    );
    let forum = ds.forums().by_name("fourth China-Singapore Trade in Services Innovation Forum");
    if let Some(forum) = forum {
        for s in ds.speaker_filter().forum(forum.id()).role(SpeakerRole::Keynote) {
            let mut orgs: Vec<&str> = Vec::new();
            for o in s.organizations().filter_map(|o| ds.organizations().by_id(o)) {
                if !orgs.contains(&o.name.as_str()) {
                    orgs.push(&o.name);
                }
            }
            let title = s.talk.as_ref().and_then(|t| t.title()).unwrap_or("(untitled)");
            say!("  - {} ({}): “{}”", s.name, orgs.join("; "), title);
            say!("{}", cite(&s.quotes[0]));
        }
    }

    say!("\nQ: What did the China–Singapore Smart Park cost?");
    if let Some(park) = ds.projects().by_name("China-Singapore Smart Park")
        && let Some(cost) = park.amount(AmountKind::TotalInvestment)
    {
        say!("  - {cost}, as written “{}”", cost.as_written);
        say!("{}", cite(&park.quotes[0]));
    }

    say!("\nQ: Which agreements were signed at the 18th JCBC?");
    if let Some(jcbc) = ds.forums().by_name("18th JCBC") {
        for a in ds.agreement_filter().forum(jcbc.id()).iter() {
            say!("  - {a}");
            say!("{}", cite(&a.quotes[0]));
        }
    }

    in_guangzhou(ds);

    say!("\nQ: Which talk title did the article correct?");
    for s in ds.speakers().iter() {
        let Some(talk) = &s.talk else { continue };
        if talk.titles.len() > 1 {
            for t in &talk.titles {
                say!("  - {} — {}: “{}”", s.name, t.status, t.title);
            }
            say!("{}", cite(&s.quotes[0]));
        }
    }
}
