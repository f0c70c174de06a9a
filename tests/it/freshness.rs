//! The embedded data must be the data on disk. include_dir tracks the files it embedded,
//! but not the directory: a file added to data/ would not trigger a rebuild. build.rs
//! makes cargo watch data/ and everything in it. These tests notice stale data, and
//! `.ci/run` proves the rebuild by adding a file to data/ and running them again.

use std::path::Path;

fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, base, out);
        } else {
            let rel = path.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/");
            out.push((rel, std::fs::read(&path).unwrap()));
        }
    }
}

#[test]
fn embedded_files_are_the_files_in_data() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut on_disk = Vec::new();
    walk(&base, &base, &mut on_disk);
    on_disk.sort();
    let embedded: Vec<(String, Vec<u8>)> =
        china_singapore::load::embedded_files().into_iter().map(|(p, b)| (p.to_owned(), b.to_vec())).collect();
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(names(&embedded), names(&on_disk), "the embedded file list is stale: rebuild did not happen");
    assert!(embedded == on_disk, "an embedded file's bytes are stale: rebuild did not happen");
}

#[test]
fn embedded_dataset_equals_loading_the_data_directory() {
    let on_disk = china_singapore::Dataset::from_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data")).unwrap();
    assert!(&on_disk == china_singapore::dataset(), "the embedded data is stale");
}
