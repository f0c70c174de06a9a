//! Lookups by id and by name or alias, and filters, make no heap allocation per call.
//! Counted per thread by allocation-counter's global allocator (so no `unsafe` here).

use std::hint::black_box;

use china_singapore::{
    Record, Table,
    model::{Country, Sector, SpeakerRole},
};

fn queries<T: Record>(table: &Table<T>) -> Vec<String> {
    let mut q = Vec::new();
    for r in table {
        q.push(r.id().to_owned());
        q.push(r.id().to_uppercase());
        q.push(format!("{}-missing", r.id()));
        for name in r.names() {
            q.push(name.to_owned());
            q.push(name.to_uppercase());
            q.push(name.to_lowercase().replace('-', " "));
            q.push(format!(" {} ", name.replace(' ', "  ")));
        }
    }
    q.push("É".repeat(300)); // past the stack buffer: the streaming path
    q.push("x".repeat(1000));
    q.push(String::new());
    q
}

fn look<T: Record>(table: &Table<T>, qs: &[String]) -> usize {
    qs.iter().filter(|q| table.by_id(black_box(q)).is_some()).count()
        + qs.iter().filter(|q| table.by_name(black_box(q)).is_some()).count()
}

#[test]
fn lookups_and_filters_allocate_nothing() {
    let ds = china_singapore::dataset();
    let (p, a, f, s, o, l) = (
        queries(ds.projects()),
        queries(ds.agreements()),
        queries(ds.forums()),
        queries(ds.speakers()),
        queries(ds.organizations()),
        queries(ds.places()),
    );
    // The link indexes behind filters, and each transitive list a filter asks for, are
    // built on first use; run every call once before counting.
    let run = |found: &mut usize| {
        *found += look(ds.projects(), &p);
        *found += look(ds.agreements(), &a);
        *found += look(ds.forums(), &f);
        *found += look(ds.speakers(), &s);
        *found += look(ds.organizations(), &o);
        *found += look(ds.places(), &l);
        *found += ds.project_filter().sector(Sector::Biomedicine).place("china").iter().count();
        *found += ds.speaker_filter().forum("trade-in-services-forum-4").role(SpeakerRole::Keynote).iter().count();
        *found += ds.project_filter().place("guangzhou").iter().count()
            + ds.agreement_filter().forum("jcbc-18").iter().count()
            + ds.organization_filter().above("NCS").iter().count()
            + ds.project_filter().country(Country::Singapore).iter().count();
    };
    let mut warm = 0;
    run(&mut warm);
    let mut found = 0;
    let info = allocation_counter::measure(|| run(&mut found));
    assert_eq!(info.count_total, 0, "lookups allocated: {info:?}");
    assert!(found > 500, "the lookups found only {found} records");
}

#[test]
fn the_counter_sees_allocations() {
    // Guards the test above: if counting were broken, it would pass vacuously.
    let info = allocation_counter::measure(|| {
        black_box(String::from("allocates"));
    });
    assert!(info.count_total >= 1);
}

#[path = "common/synthetic.rs"]
mod synthetic;

/// The peak heap size while writing a synthetic dataset of `n` records as JSON-LD, and
/// the size of its largest record as JSON.
fn json_ld_peak(n: usize) -> (u64, u64) {
    let ds = china_singapore::Loader::new().max_file_bytes(1 << 30).files(synthetic::files(n)).load().unwrap();
    let largest = ds.records().map(|r| serde_json::to_vec(&r).unwrap().len() as u64).max().unwrap();
    // Indexes a write reads are built on first use: build them before measuring.
    china_singapore::export::write_json_ld(&ds, std::io::sink()).unwrap();
    let info = allocation_counter::measure(|| {
        china_singapore::export::write_json_ld(&ds, std::io::sink()).unwrap();
    });
    (info.bytes_max, largest)
}

#[test]
fn json_ld_is_written_in_memory_bounded_by_a_record_not_the_dataset() {
    for n in [1_000, 4_000] {
        let (peak, largest) = json_ld_peak(n);
        // A record's node, its statements and their JSON: a few times the record's size.
        assert!(peak < 8 * largest + (256 << 10), "{n} records: peak {peak} bytes, largest record {largest}");
    }
}
