//! Records as flat tables, one per kind, for CSV, a spreadsheet or a data frame. Built from
//! each record's serde serialisation, so a new field becomes a column with no edit here.

use serde_json::Value;

use crate::Dataset;
use crate::model::Kind;

/// One kind's records as rows of text cells under named columns: what a CSV file holds.
/// See the [module docs](super) for how fields become columns.
///
/// ```
/// use china_singapore::{Kind, export};
/// let sheets = export::sheets(china_singapore::dataset());
/// let projects = sheets.iter().find(|s| s.kind == Kind::Project).unwrap();
/// assert_eq!(&projects.columns[..2], ["id", "name"]);
/// assert_eq!(projects.rows.len(), china_singapore::dataset().projects().len());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Sheet {
    /// The kind of record on each row.
    pub kind: Kind,
    /// The column names: `id`, then `name` or `title`, then the rest in alphabetical order.
    pub columns: Vec<String>,
    /// One row per record, in file order, each with one cell per column.
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    /// The conventional file name: the kind's record file with `.csv` for `.json`.
    ///
    /// ```
    /// use china_singapore::{Kind, export};
    /// let sheets = export::sheets(china_singapore::dataset());
    /// assert_eq!(sheets[0].file_name(), "documents.csv");
    /// ```
    pub fn file_name(&self) -> String {
        self.kind.file_name().replace(".json", ".csv")
    }

    /// The cell of `column` on row `row`, if both exist.
    ///
    /// ```
    /// use china_singapore::{Kind, export};
    /// let sheets = export::sheets(china_singapore::dataset());
    /// let places = sheets.iter().find(|s| s.kind == Kind::Place).unwrap();
    /// assert_eq!(places.cell(0, "id"), Some(places.rows[0][0].as_str()));
    /// ```
    pub fn cell(&self, row: usize, column: &str) -> Option<&str> {
        let i = self.columns.iter().position(|c| c == column)?;
        self.rows.get(row)?.get(i).map(String::as_str)
    }
}

/// Every kind's sheet, in [`Kind::ALL`] order (empty kinds included, with only `id`).
///
/// ```
/// let sheets = china_singapore::export::sheets(china_singapore::dataset());
/// assert_eq!(sheets.len(), china_singapore::Kind::ALL.len());
/// ```
pub fn sheets(ds: &Dataset) -> Vec<Sheet> {
    Kind::ALL.iter().map(|&kind| sheet(ds, kind)).collect()
}

fn sheet(ds: &Dataset, kind: Kind) -> Sheet {
    let records: Vec<Vec<(String, String)>> = ds
        .records()
        .filter(|r| r.kind() == kind)
        .map(|r| {
            let mut cells = Vec::new();
            if let Ok(Value::Object(fields)) = serde_json::to_value(r) {
                for (name, v) in fields {
                    flatten(&name, &v, false, &mut cells);
                }
            }
            cells
        })
        .collect();
    let mut columns = merge(records.iter().map(|cells| cells.iter().map(|(c, _)| c.as_str())));
    lead(&mut columns);
    let rows = records
        .into_iter()
        .map(|cells| {
            let mut by_column: std::collections::HashMap<String, String> = cells.into_iter().collect();
            columns.iter().map(|col| by_column.remove(col).unwrap_or_default()).collect()
        })
        .collect();
    Sheet { kind, columns, rows }
}

/// The union of every record's columns, sorted (serde_json's map order depends on its
/// features, which another crate in the build may turn on; sorting keeps the order fixed).
fn merge<'c>(records: impl Iterator<Item = impl Iterator<Item = &'c str>>) -> Vec<String> {
    let set: std::collections::BTreeSet<&str> = records.flatten().collect();
    set.into_iter().map(str::to_owned).collect()
}

/// Moves `id`, then `name` or `title`, to the front (adding `id` if no record has one).
fn lead(columns: &mut Vec<String>) {
    if !columns.iter().any(|c| c == "id") {
        columns.push("id".to_owned());
    }
    let mut front = 0;
    for name in ["id", "name", "title"] {
        if let Some(i) = columns.iter().position(|c| c == name) {
            let c = columns.remove(i);
            columns.insert(front, c);
            front += 1;
        }
    }
}

/// The cells a field becomes. A null (an absent optional field) is none; a scalar is one
/// cell; a link (an object with an `id`) is its id, with its other keys as `field.key`;
/// another object is one column per key, `field.key`; a list is one column per column of its items, the items' cells joined
/// with ` | ` in order (an item without the column adds an empty cell, so the n-th piece
/// of every `field.*` column belongs to the same item). Inside a list item, a nested list
/// is written as JSON.
fn flatten(column: &str, v: &Value, in_list: bool, out: &mut Vec<(String, String)>) {
    match v {
        Value::Null => {}
        Value::String(s) => out.push((column.to_owned(), s.clone())),
        Value::Bool(_) | Value::Number(_) => out.push((column.to_owned(), v.to_string())),
        Value::Array(_) if in_list => out.push((column.to_owned(), v.to_string())),
        Value::Array(items) => join(column, items, out),
        Value::Object(fields) => {
            if let Some(id) = fields.get("id") {
                flatten(column, id, in_list, out);
            }
            for (k, v) in fields.iter().filter(|(k, _)| *k != "id") {
                flatten(&format!("{column}.{k}"), v, in_list, out);
            }
        }
    }
}

/// A list's cells: each column's pieces, one per item, escaped and joined with ` | `.
fn join(column: &str, items: &[Value], out: &mut Vec<(String, String)>) {
    let per_item: Vec<Vec<(String, String)>> = items
        .iter()
        .map(|item| {
            let mut cells = Vec::new();
            flatten(column, item, true, &mut cells);
            cells
        })
        .collect();
    for col in merge(per_item.iter().map(|cells| cells.iter().map(|(c, _)| c.as_str()))) {
        let pieces: Vec<String> = per_item
            .iter()
            .map(|cells| cells.iter().find(|(c, _)| *c == col).map(|(_, v)| escape_piece(v)).unwrap_or_default())
            .collect();
        out.push((col, pieces.join(" | ")));
    }
}

/// A list item's text with `\` written `\\` and `|` written `\|`, so ` | ` only ever
/// separates items.
fn escape_piece(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cells(v: Value) -> Vec<(String, String)> {
        let mut out = Vec::new();
        flatten("f", &v, false, &mut out);
        out
    }

    #[test]
    fn links_become_ids_and_lists_are_joined_item_by_item() {
        assert_eq!(
            cells(json!({"id": "x", "basis": "stated"})),
            [("f".into(), "x".into()), ("f.basis".into(), "stated".into())]
        );
        let list = cells(json!([{"id": "a", "basis": "stated"}, {"id": "b"}]));
        assert_eq!(list, [("f".into(), "a | b".into()), ("f.basis".into(), "stated | ".into())]);
        assert_eq!(cells(json!(["x|y", "z"])), [("f".into(), "x\\|y | z".into())]);
        assert_eq!(cells(json!([{"v": [1, 2]}])), [("f.v".into(), "[1,2]".into())]);
    }

    #[test]
    fn columns_are_the_union_with_id_and_name_first() {
        let records = [vec!["id", "d", "b"], vec!["id", "b", "c", "d"], vec!["name", "id"]];
        let mut cols = merge(records.iter().map(|v| v.iter().copied()));
        assert_eq!(cols, ["b", "c", "d", "id", "name"]);
        lead(&mut cols);
        assert_eq!(cols, ["id", "name", "b", "c", "d"]);
    }
}
