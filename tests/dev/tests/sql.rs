//! The relational export in SQLite: the database `export::write_sqlite` writes answers the
//! same questions as the Rust API, holds every field of the JSON, and keeps its foreign
//! keys. Run with `cargo test -p china-singapore-dev --features sqlite --test oracles sql::`
//! (plain `cargo test` runs it too, in a second cargo).

use std::collections::BTreeMap;

use crate::answers;
use china_singapore::export::rusqlite::{self, Connection};
use china_singapore::{Kind, export};

fn db() -> Connection {
    let mut db = Connection::open_in_memory().unwrap();
    export::write_sqlite(china_singapore::dataset(), &mut db).unwrap();
    db
}

/// Every row of `sql`, each cell as text (a number in decimal, NULL as `NULL`).
fn rows(db: &Connection, sql: &str, params: impl rusqlite::Params) -> Vec<Vec<String>> {
    let mut st = db.prepare(sql).unwrap();
    let n = st.column_count();
    let rows = st.query_map(params, |r| {
        (0..n)
            .map(|i| {
                Ok(match r.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => "NULL".to_owned(),
                    rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                    rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    other => panic!("unexpected cell {other:?}"),
                })
            })
            .collect::<rusqlite::Result<Vec<String>>>()
    });
    rows.unwrap().map(Result::unwrap).collect()
}

fn column(db: &Connection, sql: &str, params: impl rusqlite::Params) -> Vec<String> {
    rows(db, sql, params).into_iter().map(|mut r| r.remove(0)).collect()
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

#[test]
fn keynote_speakers_of_the_fourth_forum_in_speaking_order_each_once() {
    let (forum, api) = answers::keynotes_of_the_fourth_forum(china_singapore::dataset());
    let sql = column(
        &db(),
        "SELECT s.speaker FROM session_speakers s JOIN speaker_roles r ON r.speaker = s.speaker AND r.role = 'keynote'
         WHERE s.forum = ?1 GROUP BY s.speaker ORDER BY MIN(s.session * 1000 + s.ord)",
        [forum.as_str()],
    );
    assert_eq!(sql, api);
    assert_eq!(sql, ["chi-fulin", "qian-bin", "li-tao", "wei-zhe"]);
}

#[test]
fn organisations_in_singapore_by_the_natural_query() {
    let ds = china_singapore::dataset();
    let api =
        ds.organization_filter().country(china_singapore::model::Country::Singapore).iter().map(|o| o.id.to_string());
    let sql = column(&db(), "SELECT id FROM organizations WHERE country = 'singapore'", []);
    assert!(!sql.is_empty());
    assert_eq!(sorted(sql), sorted(api.collect()));
}

#[test]
fn every_amount_with_its_currency_and_record() {
    let api: Vec<Vec<String>> = answers::amounts(china_singapore::dataset()).into_iter().map(Vec::from).collect();
    let sql = rows(&db(), "SELECT project, value, currency FROM amounts ORDER BY rowid", []);
    assert!(!api.is_empty());
    assert_eq!(sql, api);
}

#[test]
fn every_agreements_parties_with_their_bases() {
    let api: Vec<Vec<String>> = answers::parties(china_singapore::dataset())
        .into_iter()
        .map(|(a, (_, id), basis)| vec![a, id, basis])
        .collect();
    let db = db();
    let sql = rows(&db, "SELECT agreement, COALESCE(country, organization), basis FROM parties ORDER BY rowid", []);
    assert!(api.len() > 5, "{api:?}");
    assert_eq!(sql, api);
    // The links table says the same, a country as its place record.
    let links = rows(&db, "SELECT record_id, target_id, basis FROM links WHERE relation = 'party' ORDER BY rowid", []);
    assert_eq!(links, api);
}

#[test]
fn forums_held_in_2021_by_their_year() {
    let api = answers::forums_held_in_2021(china_singapore::dataset());
    let db = db();
    let sql = column(&db, "SELECT id FROM forums WHERE date_year = 2021", []);
    assert!(!sql.is_empty());
    assert_eq!(sorted(sql), sorted(api.clone()));
    let events = column(
        &db,
        "SELECT record_id FROM events WHERE record_kind = 'forum' AND event = 'held' AND year = 2021 AND year_source = 'date'",
        [],
    );
    assert_eq!(sorted(events), sorted(api));
}

/// The shortest chain of links from one record to another by the derivation rule (any
/// first link, then containment, place and country links), as `relation id (basis)` steps;
/// of chains as short, the one whose links come first in their records.
const CHAIN: &str = "
WITH RECURSIVE chain(kind, id, depth, ords, steps) AS (
  SELECT ?1, ?2, 0, '', ''
  UNION ALL
  SELECT l.target_kind, l.target_id, c.depth + 1, c.ords || printf('%04d', l.ord),
         c.steps || l.relation || ' ' || l.target_id || ' (' || l.basis || ');'
  FROM chain c JOIN links l ON l.record_kind = c.kind AND l.record_id = c.id
  WHERE c.depth < 8 AND l.target_id IS NOT NULL
    AND (c.depth = 0 OR l.relation IN ('part-of', 'within', 'parent', 'parent-event', 'place', 'country'))
)
SELECT steps FROM chain WHERE kind = ?3 AND id = ?4 ORDER BY depth, ords LIMIT 1";

#[test]
fn a_transitive_answer_is_derived_in_sql_as_the_api_explains_it() {
    let ds = china_singapore::dataset();
    let db = db();
    let cases = [
        (Kind::Speaker, "wei-zhe", Kind::Forum, "ciie-4"),
        (Kind::Project, "greater-bay-area-fintech-delivery-center", Kind::Place, "guangzhou"),
    ];
    for (from_kind, from, to_kind, to) in cases {
        let (a, b) = (ds.lookup(from).unwrap(), ds.lookup(to).unwrap());
        assert_eq!((a.kind(), b.kind()), (from_kind, to_kind));
        let why = ds.explain(a, b).unwrap();
        let api: String =
            why.steps.iter().map(|s| format!("{} {} ({});", s.relation, s.other.id(), s.basis.as_str())).collect();
        let sql = column(&db, CHAIN, [from_kind.as_str(), a.id(), to_kind.as_str(), b.id()]);
        assert!(why.steps.len() >= 2, "{why}");
        assert_eq!(sql, [api], "{why}");
    }
}

#[test]
fn every_quote_cut_out_by_its_character_offsets_in_sql_is_the_quote() {
    let db = db();
    let cut = |op: &str| {
        let sql = format!(
            "SELECT COUNT(*) FROM quotes q JOIN documents d ON d.id = q.document
             WHERE substr(d.text, q.char_start + 1, q.char_end - q.char_start) {op} q.text"
        );
        column(&db, &sql, [])[0].parse::<usize>().unwrap()
    };
    let total: usize = china_singapore::dataset().records().map(|r| r.quotes().len()).sum();
    assert!(total > 100);
    assert_eq!((cut("="), cut("!=")), (total, 0));
}

#[test]
fn foreign_keys_hold_and_are_enforced() {
    let db = db();
    assert_eq!(rows(&db, "PRAGMA foreign_key_check", []), Vec::<Vec<String>>::new());
    let declared = column(&db, "SELECT COUNT(*) FROM pragma_foreign_key_list('quotes')", []);
    assert_ne!(declared, ["0"]);
    db.pragma_update(None, "foreign_keys", true).unwrap();
    let dangling = db.execute(
        "INSERT INTO quotes (record_kind, record_id, ord, document, text) VALUES ('project', 'no-such-project', 1, 'nowhere', 'x')",
        [],
    );
    assert!(dangling.is_err(), "a quote of no record was accepted");
    let mistyped = db.execute("UPDATE amounts SET value = 'a lot'", []);
    assert!(mistyped.is_err(), "a text value was accepted in an INTEGER column");
}

#[test]
fn writing_into_a_database_that_has_the_tables_fails_and_adds_nothing() {
    let mut db = db();
    let before = column(&db, "SELECT COUNT(*) FROM records", []);
    assert!(export::write_sqlite(china_singapore::dataset(), &mut db).is_err());
    assert_eq!(column(&db, "SELECT COUNT(*) FROM records", []), before);
}

/// Every leaf of a record's JSON: its path (list items marked `[]`) and its value, `None`
/// for a null.
fn leaves(value: &serde_json::Value, path: &str, out: &mut Vec<(String, Option<String>)>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                leaves(v, &p, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| leaves(v, &format!("{path}[]"), out)),
        serde_json::Value::Null => out.push((path.to_owned(), None)),
        serde_json::Value::String(s) => out.push((path.to_owned(), Some(s.clone()))),
        other => out.push((path.to_owned(), Some(other.to_string()))),
    }
}

#[test]
fn every_field_of_the_json_reaches_the_sqlite_with_its_values() {
    let ds = china_singapore::dataset();
    let db = db();
    let tables = export::tables(ds);
    // Where each JSON field path lives: its table, its column, and the column naming the record.
    let mut home: BTreeMap<(Kind, String), (&str, &str, &str)> = BTreeMap::new();
    for t in &tables {
        for c in &t.columns {
            let Some(field) = &c.field else { continue };
            for &kind in Kind::ALL {
                // A kind's own table names the record in `id`; a list table in `record_id`
                // (several kinds) or in a column named after the kind.
                let holder = if t.name == kind.file_name().trim_end_matches(".json") {
                    Some("id")
                } else {
                    ["record_id", kind.as_str()]
                        .into_iter()
                        .find(|h| t.columns.iter().any(|x| x.name == *h && x.field.is_none()))
                };
                if let Some(holder) = holder {
                    home.entry((kind, field.clone())).or_insert((t.name, c.name, holder));
                }
            }
        }
    }
    let mut paths = 0;
    for r in ds.records() {
        let mut all = Vec::new();
        leaves(&serde_json::to_value(r).unwrap(), "", &mut all);
        let mut by_path: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (path, value) in all {
            let values = by_path.entry(path).or_default();
            values.extend(value);
        }
        for (path, values) in by_path {
            let covered = home.range((r.kind(), path.clone())..).next().filter(|((k, f), _)| {
                *k == r.kind() && (*f == path || (values.is_empty() && f.starts_with(&format!("{path}."))))
            });
            let Some(((_, field), (table, col, holder))) = covered else {
                panic!("{} {}: no column holds {path}", r.kind(), r.id());
            };
            if *field != path {
                continue; // a null object: its fields have columns
            }
            paths += 1;
            let kind_filter = if *holder == "record_id" { " AND record_kind = ?2" } else { "" };
            let sql = format!(
                "SELECT \"{col}\" FROM \"{table}\" WHERE \"{holder}\" = ?1{kind_filter} AND \"{col}\" IS NOT NULL"
            );
            let got = if kind_filter.is_empty() {
                column(&db, &sql, [r.id()])
            } else {
                column(&db, &sql, [r.id(), r.kind().as_str()])
            };
            assert_eq!(sorted(got), sorted(values), "{} {}: {path} in {table}.{col}", r.kind(), r.id());
        }
    }
    assert!(paths > 300, "{paths} fields checked");
}
