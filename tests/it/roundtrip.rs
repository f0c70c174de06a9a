//! Writing a dataset out in the data/ layout and loading it back gives an equal dataset.

use crate::common;

use china_singapore::export::write_dir;
use china_singapore::{Dataset, Loader};
use common::synthetic;

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("china-singapore-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn the_embedded_dataset_round_trips() {
    let dir = temp_dir("embedded");
    let ds = china_singapore::dataset();
    write_dir(ds, &dir).unwrap();
    let back = Dataset::from_dir(&dir).unwrap();
    assert!(&back == ds);
    assert_eq!(back.records().count(), ds.records().count());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_synthetic_dataset_round_trips() {
    let files = synthetic::files(2_000);
    let ds = Loader::new().files(files).load().unwrap();
    assert_eq!(ds.records().count(), 2_000);
    assert_eq!(synthetic::Sizes::for_total(2_000).total(), 2_000);
    let dir = temp_dir("synthetic");
    write_dir(&ds, &dir).unwrap();
    let back = Dataset::from_dir(&dir).unwrap();
    assert!(back == ds);
    assert_eq!(back.project_filter().organization("org-7").iter().count(), 10);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_changed_record_does_not_compare_equal() {
    let dir = temp_dir("changed");
    write_dir(china_singapore::dataset(), &dir).unwrap();
    let path = dir.join("projects.json");
    let text = std::fs::read_to_string(&path).unwrap().replace("1400000000", "1400000001");
    std::fs::write(&path, text).unwrap();
    let back = Dataset::from_dir(&dir).unwrap();
    assert!(&back != china_singapore::dataset());
    std::fs::remove_dir_all(&dir).unwrap();
}
