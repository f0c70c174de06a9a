//! include_dir embeds `data/` but, on stable Rust, does not tell cargo to rebuild when a
//! data file changes. This script does: it names `data/` and every file and folder in it.

use std::path::Path;

fn watch(dir: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            watch(&path);
        } else {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    // Without the `embedded` feature nothing under data/ is compiled in.
    if std::env::var_os("CARGO_FEATURE_EMBEDDED").is_some() {
        watch(Path::new("data"));
    }
}
