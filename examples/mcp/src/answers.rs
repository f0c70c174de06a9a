//! The tools' inputs, outputs and answers: plain functions over the dataset, each citing
//! what it returns. Bad input is an `Err` with a message that says what was expected.

use std::collections::BTreeMap;

use china_singapore::model::{CalendarDate, Quote};
use china_singapore::query::{Derivation, Endpoint};
use china_singapore::{AnyRecord, Dataset, Kind, NotFound};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// The longest query the search tool reads, in bytes.
const MAX_QUERY_BYTES: usize = 10_000;

/// The most results a tool returns.
const MAX_RESULTS: usize = 100;

/// The URI of a document resource.
pub fn document_uri(id: &str) -> String {
    format!("china-singapore://document/{id}")
}

/// Search input.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchInput {
    /// Words, or a phrase in double quotes; a word led by `+` is required.
    pub query: String,
    /// Only records of this kind: document, place, organization, project, agreement, forum, speaker.
    pub kind: Option<String>,
    /// `any` (default): any word may match; `all`: every word must appear in the matching text.
    pub mode: Option<String>,
    /// How many hits at most (default 10, at most 100).
    pub limit: Option<usize>,
}

/// Lookup input.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LookupInput {
    /// An id, name or alias, of any kind.
    pub name: String,
}

/// Filter input.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FilterInput {
    /// project, agreement, forum, speaker or organization.
    pub kind: String,
    /// Condition name → value: a record's id, name or alias, or a closed-set value. project:
    /// sector, place, part_of, organization, group, country, kind, status; agreement: kind,
    /// sector, party, involving, country, signed_by, forum, part_of; forum: place, parent,
    /// organization, kind; speaker: forum, organization, role; organization: country, kind,
    /// parent, above.
    #[serde(default)]
    pub conditions: BTreeMap<String, String>,
    /// Keep records with a date wholly on or after this day (YYYY-MM-DD); with `to`.
    pub from: Option<String>,
    /// Keep records with a date wholly on or before this day (YYYY-MM-DD); with `from`.
    pub to: Option<String>,
}

/// Timeline input.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimelineInput {
    /// Only events wholly on or after this day (YYYY-MM-DD).
    pub from: Option<String>,
    /// Only events wholly on or before this day (YYYY-MM-DD).
    pub to: Option<String>,
}

/// Figures input.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FiguresInput {
    /// Only this record's figures (id, name or alias).
    pub record: Option<String>,
}

/// Explain input.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExplainInput {
    /// Where the chain starts (id, name or alias).
    pub from: String,
    /// Where it should lead (id, name or alias).
    pub to: String,
}

/// What a tool returns: the answer's items, each cited, and a one-line summary.
#[derive(Serialize, JsonSchema)]
pub struct Output {
    /// One line saying what was found.
    pub summary: String,
    /// The answer's items (hits, records, events, figures, a card, a chain): each holds its
    /// citation (`quote`: document, text, position) where the answer rests on a passage.
    pub items: Vec<Value>,
}

fn output(summary: String, items: Vec<Value>) -> Output {
    Output { summary, items }
}

/// A quote with its document and position, as the answers cite it.
fn cite(q: &Quote) -> Value {
    serde_json::to_value(q).unwrap_or(Value::Null)
}

fn endpoint(r: AnyRecord<'_>) -> Value {
    serde_json::to_value(Endpoint::Record(r)).unwrap_or(Value::Null)
}

fn kind(s: &str) -> Result<Kind, String> {
    s.parse::<Kind>().map_err(|e| e.to_string())
}

fn date(field: &str, s: &str) -> Result<CalendarDate, String> {
    s.parse::<CalendarDate>().map_err(|e| format!("`{field}` {s:?}: {e}; expected YYYY-MM-DD"))
}

/// A `from`/`to` pair: both or neither, in order.
fn range(from: Option<&str>, to: Option<&str>) -> Result<Option<(CalendarDate, CalendarDate)>, String> {
    let (from, to) = match (from, to) {
        (None, None) => return Ok(None),
        (Some(f), Some(t)) => (date("from", f)?, date("to", t)?),
        (Some(f), None) => (date("from", f)?, date("to", "9999-12-31")?),
        (None, Some(t)) => (date("from", "0001-01-01")?, date("to", t)?),
    };
    if from > to {
        return Err(format!("`from` {from} is after `to` {to}; expected from ≤ to"));
    }
    Ok(Some((from, to)))
}

fn record<'a>(ds: &'a Dataset, name: &str) -> Result<AnyRecord<'a>, String> {
    ds.lookup(name).map_err(|e: NotFound| e.to_string())
}

pub fn search(ds: &Dataset, input: &SearchInput) -> Result<Output, String> {
    if input.query.len() > MAX_QUERY_BYTES {
        return Err(format!(
            "the query is {} bytes; expected at most {MAX_QUERY_BYTES} (at most 64 words count)",
            input.query.len()
        ));
    }
    let query = match input.mode.as_deref() {
        None | Some("any") => input.query.clone(),
        Some("all") => all_words(&input.query),
        Some(other) => return Err(format!("mode {other:?}; expected `any` or `all`")),
    };
    let hits = match input.kind.as_deref() {
        Some(k) => ds.search_in(kind(k)?, &query),
        None => ds.search(&query),
    };
    let limit = input.limit.unwrap_or(10).min(MAX_RESULTS);
    let items: Vec<Value> = hits.iter().take(limit).map(|h| serde_json::to_value(h).unwrap_or(Value::Null)).collect();
    Ok(output(format!("{} record(s) match; {} shown", hits.len(), items.len()), items))
}

/// Every word outside quotes required (`+word`); phrases kept as they are.
fn all_words(query: &str) -> String {
    let mut out = String::new();
    for (n, part) in query.split('"').enumerate() {
        if n % 2 == 1 {
            out.push_str(&format!(" \"{part}\" "));
        } else {
            for w in part.split_whitespace() {
                out.push_str(&format!(" +{}", w.trim_start_matches('+')));
            }
        }
    }
    out
}

pub fn lookup(ds: &Dataset, input: &LookupInput) -> Result<Output, String> {
    match ds.lookup(&input.name) {
        Ok(r) => {
            let card = serde_json::to_value(ds.card(r)).unwrap_or(Value::Null);
            Ok(output(format!("{} {} [{}]", r.kind(), r.name(), r.id()), vec![card]))
        }
        Err(e) => {
            let near: Vec<Value> = ds
                .suggest(&input.name, 5)
                .iter()
                .map(|s| json!({"record": endpoint(s.record), "name": s.name, "distance": s.distance}))
                .collect();
            Ok(output(e.to_string(), near))
        }
    }
}

/// A match of a filter with its citation and, for each transitive condition, its chain.
fn matched<'a>(ds: &'a Dataset, r: AnyRecord<'a>, chains: &[(&str, AnyRecord<'a>, bool)]) -> Value {
    let derivations: Vec<Value> = chains
        .iter()
        .filter_map(|&(condition, target, upward)| {
            let d: Option<Derivation<'_>> = if upward { ds.explain(target, r) } else { ds.explain(r, target) };
            let d = d?;
            Some(json!({"condition": condition, "basis": d.basis(), "text": d.to_string(), "chain": d}))
        })
        .collect();
    json!({"record": endpoint(r), "quote": r.quotes().first().map(cite), "derivations": derivations})
}

pub fn filter(ds: &Dataset, input: &FilterInput) -> Result<Output, String> {
    let between = range(input.from.as_deref(), input.to.as_deref())?;
    let k = kind(&input.kind)?;
    let (records, transitive) = match k {
        Kind::Project => crate_filters::projects(ds, &input.conditions, between)?,
        Kind::Agreement => crate_filters::agreements(ds, &input.conditions, between)?,
        Kind::Forum => crate_filters::forums(ds, &input.conditions, between)?,
        Kind::Speaker => crate_filters::speakers(ds, &input.conditions, between)?,
        Kind::Organization => crate_filters::organizations(ds, &input.conditions, between)?,
        other => {
            return Err(format!(
                "kind `{other}` has no filter; expected project, agreement, forum, speaker or organization"
            ));
        }
    };
    let mut chains = Vec::new();
    for (condition, upward) in transitive {
        if let Some(value) = input.conditions.get(condition) {
            chains.push((condition, record(ds, value)?, upward));
        }
    }
    let items: Vec<Value> = records.iter().take(MAX_RESULTS).map(|&r| matched(ds, r, &chains)).collect();
    Ok(output(format!("{} {}(s) match; {} shown", records.len(), k, items.len()), items))
}

pub fn timeline(ds: &Dataset, input: &TimelineInput) -> Result<Output, String> {
    let between = range(input.from.as_deref(), input.to.as_deref())?;
    let events = ds.timeline();
    let within = |first: CalendarDate, last: CalendarDate| between.is_none_or(|(a, b)| a <= first && last <= b);
    let items: Vec<Value> = events
        .iter()
        .filter(|e| match (between, e.date.bounds()) {
            (None, _) => true,
            (Some(_), Some((first, last))) => within(first, last),
            (Some(_), None) => false,
        })
        .take(MAX_RESULTS)
        .map(|e| {
            json!({
                "event": e.event,
                "record": endpoint(e.record),
                "as_written": e.date.as_written,
                "year": e.year,
                "year_source": e.year_source.to_string(),
                "year_inferred": e.date.year.as_ref().is_some_and(|y| y.is_inferred()),
                "inferred_from": e.date.year.as_ref().and_then(|y| y.inferred_from.clone()),
                "text": e.to_string(),
                "quote": e.quote.map(cite),
            })
        })
        .collect();
    Ok(output(format!("{} event(s)", items.len()), items))
}

pub fn figures(ds: &Dataset, input: &FiguresInput) -> Result<Output, String> {
    let only = input.record.as_deref().map(|n| record(ds, n)).transpose()?;
    let items: Vec<Value> = ds
        .figures()
        .iter()
        .filter(|f| only.is_none_or(|r| r.kind() == f.record.kind() && r.id() == f.record.id()))
        .map(|f| {
            let mut v = serde_json::to_value(f).unwrap_or(Value::Null);
            v["text"] = Value::String(f.to_string());
            v
        })
        .collect();
    Ok(output(format!("{} figure(s)", items.len()), items))
}

pub fn explain(ds: &Dataset, input: &ExplainInput) -> Result<Output, String> {
    let (from, to) = (record(ds, &input.from)?, record(ds, &input.to)?);
    let d = ds.explain(from, to).ok_or_else(|| {
        format!(
            "no chain of links leads from {} to {} (through containment, place and country)",
            from.name(),
            to.name()
        )
    })?;
    let text = d.to_string();
    Ok(output(text.clone(), vec![json!({"basis": d.basis(), "text": text, "chain": d})]))
}

/// The filters of each kind, condition by condition: which conditions a tool call may set,
/// what each means (the crate's filter of the same name), and which follow containment.
mod crate_filters {
    use std::collections::BTreeMap;

    use china_singapore::model::CalendarDate;
    use china_singapore::{AnyRecord, Dataset};

    /// The matches, and the transitive conditions (name, whether the chain runs from the
    /// condition's record to the match).
    pub type Found<'a> = (Vec<AnyRecord<'a>>, Vec<(&'static str, bool)>);

    fn parse<T: std::str::FromStr>(name: &str, value: &str) -> Result<T, String>
    where
        T::Err: std::fmt::Display,
    {
        value.parse::<T>().map_err(|e| format!("`{name}`: {e}"))
    }

    fn unknown(name: &str, accepted: &[&str]) -> String {
        format!("unknown condition `{name}`; expected one of: {}", accepted.join(", "))
    }

    pub fn projects<'a>(
        ds: &'a Dataset,
        c: &BTreeMap<String, String>,
        between: Option<(CalendarDate, CalendarDate)>,
    ) -> Result<Found<'a>, String> {
        const ACCEPTED: [&str; 8] =
            ["sector", "place", "part_of", "organization", "group", "country", "kind", "status"];
        let mut f = ds.project_filter();
        for (name, v) in c {
            f = match name.as_str() {
                "sector" => f.sector(parse(name, v)?),
                "place" => f.place(v),
                "part_of" => f.part_of(v),
                "organization" => f.organization(v),
                "group" => f.group(v),
                "country" => f.country(parse(name, v)?),
                "kind" => f.kind(parse(name, v)?),
                "status" => f.status(parse(name, v)?),
                other => return Err(unknown(other, &ACCEPTED)),
            };
        }
        if let Some((a, b)) = between {
            f = f.between(a, b);
        }
        let found = f.try_iter().map_err(|e| e.to_string())?.map(AnyRecord::from).collect();
        Ok((found, vec![("place", false), ("part_of", false), ("group", false)]))
    }

    pub fn agreements<'a>(
        ds: &'a Dataset,
        c: &BTreeMap<String, String>,
        between: Option<(CalendarDate, CalendarDate)>,
    ) -> Result<Found<'a>, String> {
        const ACCEPTED: [&str; 8] =
            ["kind", "sector", "party", "involving", "country", "signed_by", "forum", "part_of"];
        let mut f = ds.agreement_filter();
        for (name, v) in c {
            f = match name.as_str() {
                "kind" => f.kind(parse(name, v)?),
                "sector" => f.sector(parse(name, v)?),
                "party" => f.party(v),
                "involving" => f.involving(v),
                "country" => f.country(parse(name, v)?),
                "signed_by" => f.signed_by(v),
                "forum" => f.forum(v),
                "part_of" => f.part_of(v),
                other => return Err(unknown(other, &ACCEPTED)),
            };
        }
        if let Some((a, b)) = between {
            f = f.between(a, b);
        }
        let found = f.try_iter().map_err(|e| e.to_string())?.map(AnyRecord::from).collect();
        Ok((found, vec![("forum", false), ("part_of", false)]))
    }

    pub fn forums<'a>(
        ds: &'a Dataset,
        c: &BTreeMap<String, String>,
        between: Option<(CalendarDate, CalendarDate)>,
    ) -> Result<Found<'a>, String> {
        const ACCEPTED: [&str; 4] = ["place", "parent", "organization", "kind"];
        let mut f = ds.forum_filter();
        for (name, v) in c {
            f = match name.as_str() {
                "place" => f.place(v),
                "parent" => f.parent(v),
                "organization" => f.organization(v),
                "kind" => f.kind(parse(name, v)?),
                other => return Err(unknown(other, &ACCEPTED)),
            };
        }
        if let Some((a, b)) = between {
            f = f.between(a, b);
        }
        let found = f.try_iter().map_err(|e| e.to_string())?.map(AnyRecord::from).collect();
        Ok((found, vec![("place", false), ("parent", false)]))
    }

    pub fn speakers<'a>(
        ds: &'a Dataset,
        c: &BTreeMap<String, String>,
        between: Option<(CalendarDate, CalendarDate)>,
    ) -> Result<Found<'a>, String> {
        const ACCEPTED: [&str; 3] = ["forum", "organization", "role"];
        if between.is_some() {
            return Err("speakers have no dates; expected no `from`/`to`".to_owned());
        }
        let mut f = ds.speaker_filter();
        for (name, v) in c {
            f = match name.as_str() {
                "forum" => f.forum(v),
                "organization" => f.organization(v),
                "role" => f.role(parse(name, v)?),
                other => return Err(unknown(other, &ACCEPTED)),
            };
        }
        let found = f.try_iter().map_err(|e| e.to_string())?.map(AnyRecord::from).collect();
        Ok((found, vec![("forum", false)]))
    }

    pub fn organizations<'a>(
        ds: &'a Dataset,
        c: &BTreeMap<String, String>,
        between: Option<(CalendarDate, CalendarDate)>,
    ) -> Result<Found<'a>, String> {
        const ACCEPTED: [&str; 4] = ["country", "kind", "parent", "above"];
        if between.is_some() {
            return Err("organisations have no dates; expected no `from`/`to`".to_owned());
        }
        let mut f = ds.organization_filter();
        for (name, v) in c {
            f = match name.as_str() {
                "country" => f.country(parse(name, v)?),
                "kind" => f.kind(parse(name, v)?),
                "parent" => f.parent(v),
                "above" => f.above(v),
                other => return Err(unknown(other, &ACCEPTED)),
            };
        }
        let found = f.try_iter().map_err(|e| e.to_string())?.map(AnyRecord::from).collect();
        Ok((found, vec![("parent", false), ("above", true)]))
    }
}
