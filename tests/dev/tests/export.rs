//! `examples/export.rs --format csv` writes one CSV file per kind that the csv crate (and
//! so pandas or a spreadsheet) reads back with the right columns and values.

use std::path::{Path, PathBuf};
use std::process::Command;

use china_singapore::{Kind, Record, export, model::AmountKind};

/// Runs the export example with `args` (cargo builds it first if needed).
fn run_example(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .args(["run", "-q", "-p", "china-singapore-dev", "--example", "export", "--"])
        .args(args)
        .output()
        .unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("china-singapore-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// A CSV file's header and rows, read strictly (every row as long as the header).
fn read(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = r.records().map(|row| row.unwrap().iter().map(str::to_owned).collect()).collect();
    (header, rows)
}

/// A list cell split into its pieces, with `\|` and `\\` undone.
fn pieces(cell: &str) -> Vec<String> {
    cell.split(" | ").map(|p| p.replace("\\|", "|").replace("\\\\", "\\")).collect()
}

fn cell<'r>(header: &[String], row: &'r [String], column: &str) -> &'r str {
    let i = header.iter().position(|c| c == column).unwrap_or_else(|| panic!("no column {column}"));
    &row[i]
}

#[test]
fn csv_export_writes_seven_files_that_read_back() {
    let ds = china_singapore::dataset();
    let dir = scratch("csv");
    let out = run_example(&["--format", "csv", "--out", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut files: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    files.sort();
    let mut expected: Vec<String> = Kind::ALL.iter().map(|k| k.file_name().replace(".json", ".csv")).collect();
    expected.sort();
    assert_eq!(files, expected);
    for sheet in export::sheets(ds) {
        let (header, rows) = read(&dir.join(sheet.file_name()));
        assert_eq!(header, sheet.columns, "{}", sheet.file_name());
        assert_eq!(&header[..1], ["id"]);
        assert!(header[1] == "name" || header[1] == "title", "{header:?}");
        assert_eq!(rows.len(), ds.records().filter(|r| r.kind() == sheet.kind).count());
        let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        let api: Vec<&str> = ds.records().filter(|r| r.kind() == sheet.kind).map(|r| r.id()).collect();
        assert_eq!(ids, api);
    }
    let (header, rows) = read(&dir.join("projects.csv"));
    for column in ["kind", "sectors", "places", "part_of", "part_of.basis", "quotes.text", "amounts.value"] {
        assert!(header.iter().any(|c| c == column), "projects.csv lacks {column}: {header:?}");
    }
    for (row, p) in rows.iter().zip(ds.projects().iter()) {
        let quotes: Vec<String> = p.quotes.iter().map(|q| q.text.clone()).collect();
        assert_eq!(pieces(cell(&header, row, "quotes.text")), quotes, "{}", p.id);
        let sectors: Vec<&str> = p.sectors.iter().map(|s| s.as_str()).collect();
        assert_eq!(cell(&header, row, "sectors"), sectors.join(" | "), "{}", p.id);
        let part_of: Vec<&str> = p.part_of.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(cell(&header, row, "part_of"), part_of.join(" | "), "{}", p.id);
    }
    let park = ds.projects().by_name("China-Singapore Smart Park").unwrap();
    let row = rows.iter().find(|r| r[0] == park.id()).unwrap();
    let cost = park.amount(AmountKind::TotalInvestment).unwrap();
    assert_eq!(cell(&header, row, "amounts.value"), cost.value.to_string());
    assert_eq!(cell(&header, row, "amounts.currency"), "CNY");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_needs_a_directory_and_json_ld_goes_to_stdout() {
    let out = run_example(&["--format", "csv"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
    let out = run_example(&["--format", "jsonld"]);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut written = Vec::new();
    export::write_json_ld(china_singapore::dataset(), &mut written).unwrap();
    assert_eq!(doc, serde_json::from_slice::<serde_json::Value>(&written).unwrap());
}

#[test]
fn csv_with_bom_starts_every_file_with_the_mark_and_reads_back() {
    let dir = scratch("bom");
    let out = run_example(&["--format", "csv", "--out", dir.to_str().unwrap(), "--bom"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for sheet in export::sheets(china_singapore::dataset()) {
        let bytes = std::fs::read(dir.join(sheet.file_name())).unwrap();
        let text = bytes.strip_prefix("\u{feff}".as_bytes()).expect("a byte order mark");
        let header = csv::Reader::from_reader(text).headers().unwrap().clone();
        assert_eq!(header.get(0), Some("id"), "{}", sheet.file_name());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
