//! Property tests: no input panics. Arbitrary strings go to every lookup, name lookup and
//! filter; arbitrary bytes, and valid files with random edits, go to the loader.

use china_singapore::{AgreementKind, CalendarDate, Country, Dataset, Sector, SpeakerRole};
use proptest::prelude::*;

const FILES: [&str; 9] = [
    "documents.json",
    "places.json",
    "organizations.json",
    "projects.json",
    "agreements.json",
    "forums.json",
    "speakers.json",
    "sources/note.txt",
    "other.json",
];

fn corpus_file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/corpus/valid/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn lookups_and_filters_never_panic(q in any::<String>(), d in "[-a-zA-Z0-9 .’É]{0,80}") {
        let ds = china_singapore::dataset();
        for s in [q.as_str(), d.as_str()] {
            let _ = ds.projects().get(s);
            let _ = ds.projects().find(s);
            let _ = ds.agreements().get(s);
            let _ = ds.agreements().find(s);
            let _ = ds.forums().get(s);
            let _ = ds.forums().find(s);
            let _ = ds.speakers().get(s);
            let _ = ds.speakers().find(s);
            let _ = ds.organizations().get(s);
            let _ = ds.organizations().find(s);
            let _ = ds.places().get(s);
            let _ = ds.places().find(s);
            let _ = ds.documents().get(s);
            let _ = ds.documents().find(s);
            let _ = ds.project_filter().place(s).organization(s).sector(Sector::Biomedicine).country(Country::China).iter().count();
            let _ = ds.agreement_filter().party(s).forum(s).kind(AgreementKind::Mou).iter().count();
            let _ = ds.forum_filter().place(s).parent(s).iter().count();
            let _ = ds.speaker_filter().forum(s).organization(s).role(SpeakerRole::Keynote).iter().count();
            let _ = ds.forum_speakers(s).count() + ds.forum_agreements(s).count();
            let _ = ds.organization_projects(s).count() + ds.organization_agreements(s).count() + ds.organization_people(s).count();
            let _ = ds.place_projects(s).count() + ds.place_forums(s).count();
            let _ = s.parse::<Sector>();
            let _ = s.parse::<Country>();
            let _ = s.parse::<SpeakerRole>();
        }
    }

    #[test]
    fn names_are_found_whatever_their_case_and_separators(
        pick in any::<prop::sample::Index>(),
        upper in any::<bool>(),
        sep in "[ .,_()\\-]{0,3}",
    ) {
        let ds = china_singapore::dataset();
        let all: Vec<(&str, &china_singapore::Project)> =
            ds.projects().iter().flat_map(|p| china_singapore::Record::names(p).map(move |n| (n, p))).collect();
        let (name, want) = all[pick.index(all.len())];
        let cased = if upper { name.to_uppercase() } else { name.to_lowercase() };
        let query = cased.replace([' ', '-'], &sep);
        let found = ds.projects().find(&query);
        prop_assert!(found.is_some_and(|p| std::ptr::eq(p, want)), "{query:?} did not find {}", want.id);
    }

    #[test]
    fn date_ranges_never_panic(y1 in any::<i32>(), m1 in any::<u8>(), d1 in any::<u8>(), y2 in any::<i32>(), m2 in 1u8..=12, d2 in 1u8..=28) {
        let ds = china_singapore::dataset();
        if let (Some(a), Some(b)) = (CalendarDate::new(y1, m1, d1), CalendarDate::new(y2, m2, d2)) {
            let _ = ds.agreement_filter().between(a, b).iter().count();
            let _ = ds.forum_filter().between(b, a).iter().count();
            let _ = ds.forum_filter().on(a).iter().count();
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(file in 0usize..FILES.len(), bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = Dataset::from_files([(FILES[file], bytes)]);
    }

    #[test]
    fn edited_valid_files_never_panic_the_loader(
        file in 0usize..8,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
    ) {
        let mut files: Vec<(String, Vec<u8>)> = FILES[..8].iter().map(|f| (f.to_string(), corpus_file(f))).collect();
        let target = &mut files[file].1;
        for (at, byte, op) in edits {
            if target.is_empty() {
                target.push(byte);
                continue;
            }
            let i = at.index(target.len());
            match op {
                0 => target[i] = byte,
                1 => target.insert(i, byte),
                _ => { target.remove(i); }
            }
        }
        match Dataset::from_files(files) {
            Ok(ds) => prop_assert!(!ds.is_empty()),
            Err(e) => prop_assert!(!e.diagnostics().is_empty()),
        }
    }
}
