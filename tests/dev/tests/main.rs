//! The tests that check the crate against an independent oracle or need heavy crates:
//! filters against a plain scan, SPARQL in Oxigraph against the API, property tests, and
//! the CSV export read back by the csv crate. They live in this workspace member so that
//! none of those crates is compiled for the crate's users or its quickstart.

#[path = "../../common/mod.rs"]
mod common;

#[cfg(any(feature = "rdf", feature = "sqlite"))]
mod answers;
mod export;
mod oracle;
mod props;
#[cfg(feature = "rdf")]
mod rdf;
#[cfg(feature = "sqlite")]
mod sql;

/// Without the `rdf` and `sqlite` features, `cargo test` still runs the SPARQL and SQL
/// tests: in a second cargo that turns them on for this package alone. (A feature on the
/// dev-dependency itself would reach every build of the workspace, the quickstart's too.)
#[cfg(not(all(feature = "rdf", feature = "sqlite")))]
#[test]
fn sparql_and_sql_answers_equal_the_api() {
    let status = std::process::Command::new(env!("CARGO"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["test", "-q", "-p", "china-singapore-dev", "--features", "rdf sqlite", "--test", "oracles", "--"])
        .args(["rdf::", "sql::"])
        .status()
        .unwrap();
    assert!(status.success(), "the SPARQL or SQL tests failed: see their output above");
}
