//! Synthetic data in the `data/` layout, of any size, for round-trip tests and the scale
//! benches. Every record is valid: quotes occur in the one synthetic document, and each
//! organisation is involved in exactly ten projects (so an organisation filter returns ten),
//! and the words `cluster<k>` and `zone<k>` each occur in the descriptions of exactly ten
//! projects (so a search for them finds ten).

#![allow(dead_code)]

use std::fmt::Write;

/// Record counts of a synthetic dataset of `total` records.
pub struct Sizes {
    pub places: usize,
    pub organizations: usize,
    pub projects: usize,
    pub agreements: usize,
    pub forums: usize,
    pub speakers: usize,
}

impl Sizes {
    pub fn for_total(total: usize) -> Sizes {
        let places = (total / 100).max(8);
        let agreements = (total / 100).max(2);
        let forums = (total / 1000).max(2);
        let speakers = (total / 100).max(2);
        // Projects and organisations share the rest, one organisation per ten projects.
        let rest = total - 1 - places - agreements - forums - speakers;
        let organizations = rest.div_ceil(11);
        let projects = rest - organizations;
        Sizes { places, organizations, projects, agreements, forums, speakers }
    }

    pub fn total(&self) -> usize {
        1 + self.places + self.organizations + self.projects + self.agreements + self.forums + self.speakers
    }
}

fn quote(out: &mut String, text: &str) {
    let _ = write!(out, r#""quotes":[{{"document":"synthetic","text":"{text}"}}]"#);
}

/// The files of a synthetic dataset with `total` records (at least 100), as
/// (path within the data layout, bytes) pairs.
pub fn files(total: usize) -> Vec<(String, Vec<u8>)> {
    let s = Sizes::for_total(total);
    let mut text = String::from("Synthetic data for china-singapore tests.\n");
    let (mut places, mut orgs, mut projects, mut agreements, mut forums, mut speakers) = (
        String::from("["),
        String::from("["),
        String::from("["),
        String::from("["),
        String::from("["),
        String::from("["),
    );
    let sep = |buf: &mut String| {
        if buf.len() > 1 {
            buf.push(',');
        }
        buf.push('\n');
    };
    for k in 0..s.places {
        let line = format!("Place {k} is a place.");
        let _ = writeln!(text, "{line}");
        sep(&mut places);
        let within =
            if k == 0 { String::new() } else { format!(r#""within":[{{"id":"place-{}","basis":"context"}}],"#, k / 8) };
        let kind = if k == 0 { "country" } else { "city" };
        let _ = write!(
            places,
            r#"{{"id":"place-{k}","name":"Place {k}","kind":"{kind}","country":{{"id":"china","basis":"context"}},{within}"#
        );
        quote(&mut places, &line);
        places.push('}');
    }
    for k in 0..s.organizations {
        let line = format!("Org {k} is a company.");
        let _ = writeln!(text, "{line}");
        sep(&mut orgs);
        let country = if k % 2 == 0 { r#""country":{"id":"singapore","basis":"context"},"# } else { "" };
        let _ = write!(
            orgs,
            r#"{{"id":"org-{k}","name":"Org {k}","aliases":[{{"name":"O{k}","kind":"abbreviation","basis":"common-usage"}}],"kind":"company",{country}"#
        );
        quote(&mut orgs, &line);
        orgs.push('}');
    }
    const SECTORS: [&str; 4] = ["biomedicine", "digital-economy", "green-development", "financial-services"];
    for i in 0..s.projects {
        let line = format!("Project {i} opened in Place {} and is run by Org {}.", i % s.places, i / 10);
        let _ = writeln!(text, "{line}");
        sep(&mut projects);
        let _ = write!(
            projects,
            r#"{{"id":"project-{i}","name":"Project {i}","aliases":[{{"name":"P-{i}","kind":"abbreviation","basis":"common-usage"}}],"kind":"park","description":"Run by cluster{} in zone{}","sectors":["{}"],"status":"operating","places":[{{"id":"place-{}","basis":"stated"}}],"organizations":[{{"organization":"org-{}","role":"operator","basis":"stated"}}],"amounts":[{{"value":{},"currency":"CNY","kind":"total-investment","as_written":"{i} thousand yuan"}}],"counts":[{{"value":{},"qualifier":"more-than","unit":"enterprises","status":"actual","as_written":"more than {} firms"}}],"started":{{"year":{{"value":{}}},"month":{},"precision":"month","as_written":"in month {} of {}"}},"#,
            i / 10,
            i / 10,
            SECTORS[i % 4],
            i % s.places,
            i / 10,
            i * 1000,
            i % 500,
            i % 500,
            2000 + i % 25,
            1 + i % 12,
            1 + i % 12,
            2000 + i % 25,
        );
        quote(&mut projects, &line);
        projects.push('}');
    }
    for k in 0..s.forums {
        let line = format!("Forum {k} was held.");
        let _ = writeln!(text, "{line}");
        sep(&mut forums);
        let _ = write!(
            forums,
            r#"{{"id":"forum-{k}","name":"Forum {k}","kind":"forum","edition":{},{}"place":{{"id":"place-{}","basis":"context"}},"date":{{"year":{{"value":2021}},"month":11,"day":{},"precision":"day","as_written":"November {} 2021"}},"#,
            k + 1,
            if k == 0 { String::new() } else { format!(r#""parent":{{"id":"forum-{}","basis":"context"}},"#, k / 2) },
            k % s.places,
            1 + k % 28,
            1 + k % 28,
        );
        quote(&mut forums, &line);
        forums.push('}');
    }
    for k in 0..s.agreements {
        let line = format!("Agreement {k} was signed by Org {}.", k % s.organizations);
        let _ = writeln!(text, "{line}");
        sep(&mut agreements);
        let _ = write!(
            agreements,
            r#"{{"id":"agreement-{k}","name":"Agreement {k}","kind":"mou","parties":[{{"organization":"org-{}","basis":"stated"}}],"forum":{{"id":"forum-{}","basis":"context"}},"#,
            k % s.organizations,
            k % s.forums,
        );
        quote(&mut agreements, &line);
        agreements.push('}');
    }
    for k in 0..s.speakers {
        let line = format!("Speaker {k} of Org {} spoke.", k % s.organizations);
        let _ = writeln!(text, "{line}");
        sep(&mut speakers);
        let _ = write!(
            speakers,
            r#"{{"id":"speaker-{k}","name":"Speaker {k}","posts":[{{"title":"director","organization":{{"id":"org-{}","basis":"stated"}}}}],"forum":{{"id":"forum-{}","basis":"context"}},"roles":[{{"role":"keynote","basis":"stated"}}],"#,
            k % s.organizations,
            k % s.forums,
        );
        quote(&mut speakers, &line);
        speakers.push('}');
    }
    let documents = r#"[{"id":"synthetic","title":"Synthetic data for china-singapore tests.","file":"synthetic.txt","date_note":"generated","quotes":[{"document":"synthetic","text":"Synthetic data for china-singapore tests."}]}]"#;
    let close = |mut b: String| {
        b.push_str("\n]\n");
        b.into_bytes()
    };
    vec![
        ("sources/synthetic.txt".to_owned(), text.into_bytes()),
        ("documents.json".to_owned(), documents.as_bytes().to_vec()),
        ("places.json".to_owned(), close(places)),
        ("organizations.json".to_owned(), close(orgs)),
        ("projects.json".to_owned(), close(projects)),
        ("agreements.json".to_owned(), close(agreements)),
        ("forums.json".to_owned(), close(forums)),
        ("speakers.json".to_owned(), close(speakers)),
    ]
}
