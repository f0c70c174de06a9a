//! The relational tables as a SQLite database, through rusqlite.

use rusqlite::types::{ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, params_from_iter};

use super::tables::{Cell, Table, tables};
use crate::Dataset;

/// Creates every table of [`tables`] in `db`, with its types, keys and foreign keys, and
/// fills it, in one transaction: `db` holds all of the dataset or, on an error, none of it.
///
/// Tables are `STRICT` (a cell of the wrong type is refused) and every foreign key is
/// declared `DEFERRABLE INITIALLY DEFERRED`; foreign keys are switched on for the
/// connection (`PRAGMA foreign_keys = ON`), so a reference to no row fails the commit.
/// SQLite checks foreign keys per connection: a program that opens the file later and
/// writes to it turns them on itself.
///
/// # Errors
///
/// Any error of SQLite, among them a table of the same name already in `db`.
///
/// ```
/// let mut db = china_singapore::export::rusqlite::Connection::open_in_memory().unwrap();
/// china_singapore::export::write_sqlite(china_singapore::dataset(), &mut db).unwrap();
/// let currency: String = db
///     .query_row("SELECT currency FROM amounts WHERE project = 'china-singapore-smart-park'", [], |r| r.get(0))
///     .unwrap();
/// assert_eq!(currency, "CNY");
/// ```
pub fn write_sqlite(ds: &Dataset, db: &mut Connection) -> rusqlite::Result<()> {
    db.pragma_update(None, "foreign_keys", true)?;
    let tx = db.transaction()?;
    let tables = tables(ds);
    for table in &tables {
        tx.execute_batch(&create(table))?;
    }
    for table in &tables {
        let marks = vec!["?"; table.columns.len()].join(", ");
        let mut insert = tx.prepare(&format!("INSERT INTO \"{}\" VALUES ({marks})", table.name))?;
        for row in &table.rows {
            insert.execute(params_from_iter(row))?;
        }
    }
    tx.commit()
}

/// The table's `CREATE TABLE` statement.
fn create(t: &Table) -> String {
    let quoted = |cols: &[&str]| cols.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
    let mut parts: Vec<String> = t
        .columns
        .iter()
        .map(|c| {
            let required = if t.primary_key.contains(&c.name) { " NOT NULL" } else { "" };
            format!("\"{}\" {}{required}", c.name, c.ty.sql())
        })
        .collect();
    parts.push(format!("PRIMARY KEY ({})", quoted(t.primary_key)));
    for k in t.foreign_keys {
        parts.push(format!(
            "FOREIGN KEY ({}) REFERENCES \"{}\" ({}) DEFERRABLE INITIALLY DEFERRED",
            quoted(k.columns),
            k.table,
            quoted(k.references)
        ));
    }
    format!("CREATE TABLE \"{}\" (\n  {}\n) STRICT;", t.name, parts.join(",\n  "))
}

/// A cell as an SQL value, its text borrowed: `NULL`, an integer or text.
///
/// ```
/// use china_singapore::export::{Cell, rusqlite};
/// let db = rusqlite::Connection::open_in_memory().unwrap();
/// let n: i64 = db.query_row("SELECT ?1 + 1", [Cell::Integer(2020)], |r| r.get(0)).unwrap();
/// assert_eq!(n, 2021);
/// ```
impl ToSql for Cell {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Cell::Null => ValueRef::Null,
            Cell::Integer(n) => ValueRef::Integer(*n),
            Cell::Text(s) => ValueRef::Text(s.as_bytes()),
        }))
    }
}
