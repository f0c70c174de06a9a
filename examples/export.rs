//! Writes the whole dataset as JSON (every record, every field), CSV (one file per table of
//! the relational export), JSON-LD, or, built with `--features rdf`, Turtle or N-Triples,
//! or with `--features sqlite`, a SQLite database. The formats are described in the
//! `export` module's docs.
//!
//! ```sh
//! cargo run -p china-singapore-dev --example export > dataset.json
//! cargo run -p china-singapore-dev --example export -- --format csv --out csv/
//! cargo run -p china-singapore-dev --example export -- --format jsonld > dataset.jsonld
//! cargo run -p china-singapore-dev --features rdf --example export -- --format turtle > dataset.ttl
//! cargo run -p china-singapore-dev --features sqlite --example export -- --format sqlite --out db/
//! ```

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use china_singapore::{Dataset, export};
use clap::{Parser, ValueEnum};

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The records as the crate serialises them, one JSON document.
    Json,
    /// One CSV file per table of the relational export (needs --out).
    Csv,
    /// JSON-LD with a schema.org context.
    Jsonld,
    /// Turtle (needs the `rdf` feature).
    Turtle,
    /// N-Triples (needs the `rdf` feature).
    Ntriples,
    /// A SQLite database, `dataset.sqlite` (needs the `sqlite` feature and --out).
    Sqlite,
}

/// Write the dataset in another format.
#[derive(Parser)]
struct Args {
    /// What to write.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// A directory to write into (created if missing); without it, one document goes to stdout.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Write CSV cells as they are, even those a spreadsheet would run as a formula
    /// (`=`, `+`, `-`, `@`, …); by default such a cell gets a leading apostrophe.
    #[arg(long)]
    raw_cells: bool,
    /// Start each CSV file with a UTF-8 byte order mark, so spreadsheets that guess the
    /// encoding (LibreOffice's default import, Excel) read "People’s" as written.
    #[arg(long)]
    bom: bool,
}

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Writes one document in some format.
type Writer = fn(&Dataset, &mut dyn Write) -> Result;

fn main() {
    let args = Args::parse();
    // Panics with every diagnostic only if the embedded data were invalid (tests rule it out).
    let ds = china_singapore::dataset();
    if let Err(e) = run(ds, &args) {
        if broken_pipe(&*e) {
            return; // the reader stopped reading (`| head`): not an error
        }
        eprintln!("export failed: {e}");
        std::process::exit(1);
    }
}

/// True when writing failed because the reader went away, whichever error wraps it.
fn broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(e);
    while let Some(c) = cause {
        if c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) {
            return true;
        }
        if let Some(json) = c.downcast_ref::<serde_json::Error>() {
            return json.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe);
        }
        cause = c.source();
    }
    false
}

fn run(ds: &Dataset, args: &Args) -> Result {
    let (name, write): (&str, Writer) = match args.format {
        Format::Csv => {
            let dir = args.out.as_deref().ok_or("--format csv writes one file per table: give --out DIR")?;
            return write_csv(ds, dir, !args.raw_cells, args.bom);
        }
        Format::Sqlite => {
            let dir = args.out.as_deref().ok_or("--format sqlite writes a database file: give --out DIR")?;
            return sqlite(ds, dir);
        }
        Format::Json => ("dataset.json", |ds, w| Ok(serde_json::to_writer_pretty(w, ds)?)),
        Format::Jsonld => ("dataset.jsonld", |ds, w| Ok(export::write_json_ld(ds, w)?)),
        Format::Turtle => ("dataset.ttl", turtle),
        Format::Ntriples => ("dataset.nt", ntriples),
    };
    match &args.out {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            let path = dir.join(name);
            let mut w = BufWriter::new(File::create(&path)?);
            write(ds, &mut w)?;
            writeln!(w)?;
            w.flush()?;
            eprintln!("wrote {}", path.display());
        }
        None => {
            let mut w = std::io::stdout().lock();
            write(ds, &mut w)?;
            writeln!(w)?;
        }
    }
    Ok(())
}

/// One CSV file per table, `projects.csv`, `quotes.csv` and so on, each with its fixed
/// header, an empty cell for no value; with `inert`, a cell a spreadsheet would run as a
/// formula gets a leading apostrophe; with `bom`, each file starts with a UTF-8 byte order
/// mark.
fn write_csv(ds: &Dataset, dir: &Path, inert: bool, bom: bool) -> Result {
    std::fs::create_dir_all(dir)?;
    let tables = export::tables(ds);
    for table in &tables {
        let path = dir.join(format!("{}.csv", table.name));
        let mut file = BufWriter::new(File::create(&path)?);
        if bom {
            file.write_all("\u{feff}".as_bytes())?;
        }
        let mut w = csv::Writer::from_writer(file);
        w.write_record(table.columns.iter().map(|c| c.name))?;
        for row in &table.rows {
            let cell = |c: &export::Cell| {
                let text = c.to_string();
                if inert { export::inert(&text).into_owned() } else { text }
            };
            w.write_record(row.iter().map(cell))?;
        }
        w.flush()?;
    }
    eprintln!("wrote {} tables to {}", tables.len(), dir.display());
    Ok(())
}

/// `dataset.sqlite` in `dir`, which must not exist yet (not even as a link).
#[cfg(feature = "sqlite")]
fn sqlite(ds: &Dataset, dir: &Path) -> Result {
    std::fs::create_dir_all(dir)?;
    let path = dir.join("dataset.sqlite");
    if path.symlink_metadata().is_ok() {
        return Err(format!("{} exists: remove it or choose another --out", path.display()).into());
    }
    let mut db = export::rusqlite::Connection::open(&path)?;
    export::write_sqlite(ds, &mut db)?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

#[cfg(not(feature = "sqlite"))]
fn sqlite(_: &Dataset, _: &Path) -> Result {
    Err("SQLite needs the sqlite feature: cargo run -p china-singapore-dev --features sqlite --example export -- --format sqlite --out DIR".into())
}

#[cfg(feature = "rdf")]
fn turtle(ds: &Dataset, w: &mut dyn Write) -> Result {
    Ok(export::write_turtle(ds, w)?)
}

#[cfg(feature = "rdf")]
fn ntriples(ds: &Dataset, w: &mut dyn Write) -> Result {
    Ok(export::write_ntriples(ds, w)?)
}

#[cfg(not(feature = "rdf"))]
fn turtle(_: &Dataset, _: &mut dyn Write) -> Result {
    Err("Turtle needs the rdf feature: cargo run --features rdf --example export -- --format turtle".into())
}

#[cfg(not(feature = "rdf"))]
fn ntriples(_: &Dataset, _: &mut dyn Write) -> Result {
    Err("N-Triples needs the rdf feature: cargo run --features rdf --example export -- --format ntriples".into())
}
