//! Property tests: no input panics, and what comes back is right. Arbitrary strings go to
//! every lookup, name lookup and filter (a hit is the record asked for, results come in file
//! order); arbitrary bytes, and valid files with random edits, go to the loader (a failure
//! names the files given).

use china_singapore::{
    Error, Loader, Record, Table,
    model::{AgreementKind, CalendarDate, Country, Sector, SpeakerRole},
};
use proptest::prelude::*;

/// A name as the crate compares names: letters and digits only, lower-cased.
fn folded(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// `by_id` finds only the record with that id (ignoring ASCII case); `by_name` only a record
/// with a name or alias equal to the query once case, spaces and punctuation are ignored.
fn lookups_answer<T: Record>(table: &Table<T>, s: &str) -> Result<(), TestCaseError> {
    if let Some(r) = table.by_id(s) {
        prop_assert!(r.id().eq_ignore_ascii_case(s), "by_id({s:?}) gave {}", r.id());
    }
    if let Some(r) = table.by_name(s) {
        prop_assert!(
            r.names().any(|n| folded(n) == folded(s)) || r.id().eq_ignore_ascii_case(s),
            "by_name({s:?}) gave {}",
            r.id()
        );
    }
    Ok(())
}

/// The records come in file order, each once; returns how many.
fn in_order<'a, T: Record + 'a>(
    table: &'a Table<T>,
    it: impl IntoIterator<Item = &'a T>,
) -> Result<usize, TestCaseError> {
    let at: Vec<usize> = it.into_iter().map(|r| table.iter().position(|x| std::ptr::eq(x, r)).unwrap()).collect();
    prop_assert!(at.windows(2).all(|w| w[0] < w[1]), "not in file order: {at:?}");
    Ok(at.len())
}

/// Every diagnostic of a failed load names one of the files given, and says what was expected.
fn names_the_files(e: &Error, files: &[impl AsRef<str>]) -> Result<(), TestCaseError> {
    prop_assert!(!e.diagnostics().is_empty(), "{e}");
    for d in e.diagnostics() {
        prop_assert!(files.iter().any(|f| f.as_ref() == d.file), "{d} names no file given");
        prop_assert!(d.message.contains("expected"), "{d}");
    }
    Ok(())
}

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
    fn lookups_and_filters_never_panic_and_answer_what_was_asked(q in any::<String>(), d in "[-a-zA-Z0-9 .’É]{0,80}") {
        let ds = china_singapore::dataset();
        for s in [q.as_str(), d.as_str()] {
            lookups_answer(ds.projects(), s)?;
            lookups_answer(ds.agreements(), s)?;
            lookups_answer(ds.forums(), s)?;
            lookups_answer(ds.speakers(), s)?;
            lookups_answer(ds.organizations(), s)?;
            lookups_answer(ds.places(), s)?;
            lookups_answer(ds.documents(), s)?;
            // An id that names nothing matches nothing; any result is in file order.
            let known = |t: &dyn Fn(&str) -> bool| t(s);
            let projects = in_order(ds.projects(), ds.project_filter().place(s).organization(s).sector(Sector::Biomedicine).country(Country::China))?;
            prop_assert!(projects == 0 || (known(&|x| ds.places().by_id(x).is_some()) && known(&|x| ds.organizations().by_id(x).is_some())));
            in_order(ds.agreements(), ds.agreement_filter().involving(s).forum(s).kind(AgreementKind::Mou))?;
            in_order(ds.forums(), ds.forum_filter().place(s).parent(s))?;
            in_order(ds.speakers(), ds.speaker_filter().forum(s).organization(s).role(SpeakerRole::Keynote))?;
            in_order(ds.speakers(), ds.speaker_filter().forum(s).iter())?;
            in_order(ds.agreements(), ds.agreement_filter().forum(s).iter())?;
            in_order(ds.projects(), ds.project_filter().organization(s).iter())?;
            in_order(ds.agreements(), ds.agreement_filter().involving(s).iter())?;
            in_order(ds.speakers(), ds.speaker_filter().organization(s).iter())?;
            in_order(ds.projects(), ds.project_filter().place(s).iter())?;
            in_order(ds.forums(), ds.forum_filter().place(s).iter())?;
            if let Ok(v) = s.parse::<Sector>() {
                prop_assert!(v.as_str().eq_ignore_ascii_case(s.trim()));
            }
            if let Ok(v) = s.parse::<Country>() {
                prop_assert!(v.as_str().eq_ignore_ascii_case(s.trim()));
            }
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
        let found = ds.projects().by_name(&query);
        prop_assert!(found.is_some_and(|p| std::ptr::eq(p, want)), "{query:?} did not find {}", want.id);
    }

    #[test]
    fn date_ranges_never_panic(y1 in any::<i32>(), m1 in any::<u8>(), d1 in any::<u8>(), y2 in any::<i32>(), m2 in 1u8..=12, d2 in 1u8..=28) {
        let ds = china_singapore::dataset();
        if let (Some(a), Some(b)) = (CalendarDate::new(y1, m1, d1), CalendarDate::new(y2, m2, d2)) {
            let forward = in_order(ds.agreements(), ds.agreement_filter().between(a, b))?;
            let backward = in_order(ds.agreements(), ds.agreement_filter().between(b, a))?;
            // A range whose end comes before its start is empty.
            prop_assert!(a <= b || forward == 0, "{a}..{b} matched {forward}");
            prop_assert!(b <= a || backward == 0, "{b}..{a} matched {backward}");
            in_order(ds.forums(), ds.forum_filter().between(a, a))?;
            // A parsed date is the date it displays.
            prop_assert_eq!(a.to_string().parse::<CalendarDate>().ok(), Some(a));
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(file in 0usize..FILES.len(), bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        match Loader::new().files([(FILES[file], bytes)]).load() {
            Ok(ds) => prop_assert!(FILES[file].ends_with(".json") && ds.records().count() <= 600),
            Err(Error::NoRecordFiles { .. }) => prop_assert!(!FILES[file].ends_with(".json") || FILES[file] == "other.json"),
            Err(e) => names_the_files(&e, &[FILES[file]])?,
        }
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
        let names: Vec<String> = files.iter().map(|(f, _)| f.clone()).collect();
        match Loader::new().files(files).load() {
            Ok(ds) => prop_assert!(ds.records().next().is_some()),
            Err(e) => names_the_files(&e, &names)?,
        }
    }
}
