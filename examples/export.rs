//! Writes the whole dataset, every record of every kind with every field, as one JSON
//! document on stdout. The shape is documented in the README ("Export").
//!
//! Run with `cargo run --example export > dataset.json`.

use std::io::Write;

fn main() {
    // Panics with every diagnostic only if the embedded data were invalid (tests rule it out).
    let ds = china_singapore::dataset();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written =
        serde_json::to_writer_pretty(&mut out, ds).map_err(std::io::Error::other).and_then(|()| writeln!(out));
    if let Err(e) = written {
        eprintln!("export failed: {e}");
        std::process::exit(1);
    }
}
