//! `dataset()` is built once and shared: sixteen threads that ask for it at the same
//! moment all get the same, complete dataset. (Its own test binary, so nothing else has
//! built the dataset first.)

use std::sync::{Arc, Barrier};

#[test]
fn sixteen_threads_see_one_identical_dataset() {
    let barrier = Arc::new(Barrier::new(16));
    let handles: Vec<_> = (0..16)
        .map(|_| {
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                let ds = china_singapore::dataset();
                let csgkc = ds.projects().by_name("CSGKC").map(|p| p.id.as_str().to_owned());
                (ds as *const china_singapore::Dataset as usize, ds.records().count(), csgkc)
            })
        })
        .collect();
    let seen: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let first = seen[0].clone();
    assert!(first.1 > 0);
    assert_eq!(first.2.as_deref(), Some("china-singapore-guangzhou-knowledge-city"));
    assert!(seen.iter().all(|s| *s == first), "threads saw different datasets: {seen:?}");
}
