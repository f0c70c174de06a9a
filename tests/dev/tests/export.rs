//! `examples/export.rs --format csv` writes one CSV file per table of the relational export
//! that the csv crate (and so pandas or a spreadsheet) reads back with the right columns and
//! values.

use std::path::{Path, PathBuf};
use std::process::Command;

use china_singapore::{Record, export, model::AmountKind};

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

fn cell<'r>(header: &[String], row: &'r [String], column: &str) -> &'r str {
    let i = header.iter().position(|c| c == column).unwrap_or_else(|| panic!("no column {column}"));
    &row[i]
}

#[test]
fn csv_export_writes_one_file_per_table_with_its_fixed_header() {
    let ds = china_singapore::dataset();
    let tables = export::tables(ds);
    let dir = scratch("csv");
    let out = run_example(&["--format", "csv", "--out", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut files: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    files.sort();
    let mut expected: Vec<String> = tables.iter().map(|t| format!("{}.csv", t.name)).collect();
    expected.sort();
    assert_eq!(files, expected);
    for t in &tables {
        let (header, rows) = read(&dir.join(format!("{}.csv", t.name)));
        let names: Vec<&str> = t.columns.iter().map(|c| c.name).collect();
        assert_eq!(header, names, "{}", t.name);
        assert_eq!(rows.len(), t.rows.len(), "{}", t.name);
    }
    let (header, rows) = read(&dir.join("projects.csv"));
    let ids: Vec<&str> = rows.iter().map(|r| cell(&header, r, "id")).collect();
    let api: Vec<&str> = ds.projects().iter().map(|p| p.id()).collect();
    assert_eq!(ids, api);
    // One value per cell: a project's sectors are rows of `sectors`, in order.
    let (header, rows) = read(&dir.join("sectors.csv"));
    for p in ds.projects().iter() {
        let cells: Vec<&str> = rows
            .iter()
            .filter(|r| cell(&header, r, "record_kind") == "project" && cell(&header, r, "record_id") == p.id())
            .map(|r| cell(&header, r, "sector"))
            .collect();
        let sectors: Vec<&str> = p.sectors.iter().map(|s| s.as_str()).collect();
        assert_eq!(cells, sectors, "{}", p.id);
    }
    // Every project–organisation pair is one row, its role beside it.
    let (header, rows) = read(&dir.join("involvements.csv"));
    let csv_pairs: Vec<[&str; 3]> = rows
        .iter()
        .filter(|r| cell(&header, r, "record_kind") == "project")
        .map(|r| [cell(&header, r, "record_id"), cell(&header, r, "organization"), cell(&header, r, "role")])
        .collect();
    let api_pairs: Vec<[&str; 3]> = ds
        .projects()
        .iter()
        .flat_map(|p| p.organizations.iter().map(move |o| [p.id(), o.organization.as_str(), o.role.as_str()]))
        .collect();
    assert!(api_pairs.len() > 10, "{api_pairs:?}");
    assert_eq!(csv_pairs, api_pairs);
    let park = ds.projects().by_name("China-Singapore Smart Park").unwrap();
    let cost = park.amount(AmountKind::TotalInvestment).unwrap();
    let (header, rows) = read(&dir.join("amounts.csv"));
    let row = rows.iter().find(|r| cell(&header, r, "project") == park.id()).unwrap();
    assert_eq!(cell(&header, row, "value"), cost.value.to_string());
    assert_eq!(cell(&header, row, "currency"), "CNY");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_tables_header_is_the_same_whatever_the_data_holds() {
    let full = export::tables(china_singapore::dataset());
    let empty = export::tables(&china_singapore::Dataset::default());
    let header = |ts: &[export::Table]| -> Vec<(String, Vec<&str>)> {
        ts.iter().map(|t| (t.name.to_owned(), t.columns.iter().map(|c| c.name).collect())).collect()
    };
    assert_eq!(header(&full), header(&empty));
    assert!(empty.iter().all(|t| t.rows.is_empty() || t.name == "countries"));
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
    for t in export::tables(china_singapore::dataset()) {
        let bytes = std::fs::read(dir.join(format!("{}.csv", t.name))).unwrap();
        let text = bytes.strip_prefix("\u{feff}".as_bytes()).expect("a byte order mark");
        let header = csv::Reader::from_reader(text).headers().unwrap().clone();
        assert_eq!(header.get(0), Some(t.columns[0].name), "{}", t.name);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
