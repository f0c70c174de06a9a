//! The dataset as one neutral list of RDF statements, written by no library: the JSON-LD
//! writer renders it with serde_json, and (with the `rdf` feature) the Turtle and N-Triples
//! writers hand it to oxrdf and oxttl. One builder, so every format says the same thing.
//!
//! What is said about a record, and where it comes from:
//! - its types, id, name, aliases and quotes: from [`Record`](crate::Record);
//! - its links, dates, counts and amounts: from the kind's `Describe` (the one place a kind
//!   lists them), each link also as an `rdf:Statement` carrying its basis and evidence;
//! - every other top-level scalar field (and list of scalars), under its JSON name in
//!   camelCase: from the record's serde serialisation, so a new field needs no edit here;
//! - every other field of the record's JSON, nested objects as nodes and lists in order,
//!   so nothing the record holds is left out.

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

use crate::Dataset;
use crate::model::record::Described;
use crate::model::{
    Amount, AnyRecord, Count, Country, EventKind, Kind, Link, NameSource, PartialDate, Precision, Target,
};
use crate::query::connection::Resolver;

/// The namespace of the crate's records: a record's IRI is this, its kind, `:` and its id
/// (`urn:china-singapore:project:china-singapore-smart-park`).
pub const BASE_IRI: &str = "urn:china-singapore:";
/// The crate's own vocabulary (prefix `cs:`), for what schema.org has no term for.
pub const VOCAB: &str = "urn:china-singapore:vocab:";
/// schema.org (prefix `schema:`).
pub const SCHEMA: &str = "https://schema.org/";
pub(crate) const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub(crate) const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// The W3C Web Annotation vocabulary, for where a quote sits in its document.
pub(crate) const OA: &str = "http://www.w3.org/ns/oa#";

/// How many characters of context a quote's `oa:TextQuoteSelector` gives either side.
const CONTEXT_CHARS: usize = 32;

/// A literal's datatype.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Datatype {
    String,
    Integer,
    Double,
    Boolean,
    Date,
    GYearMonth,
    GYear,
}

impl Datatype {
    /// The datatype's IRI.
    pub(crate) fn iri(self) -> String {
        let (ns, local) = match self {
            Datatype::String => (XSD, "string"),
            Datatype::Integer => (XSD, "integer"),
            Datatype::Double => (XSD, "double"),
            Datatype::Boolean => (XSD, "boolean"),
            Datatype::Date => (XSD, "date"),
            Datatype::GYearMonth => (XSD, "gYearMonth"),
            Datatype::GYear => (XSD, "gYear"),
        };
        format!("{ns}{local}")
    }
}

/// What a statement says about its subject: another node, or a literal.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Object {
    Node(String),
    Literal(String, Datatype),
}

/// One statement; subject and predicate are IRIs. No blank nodes: every node has an IRI
/// under its record's, so two exports of one dataset are equal statement for statement.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Triple {
    pub(crate) subject: String,
    pub(crate) predicate: String,
    pub(crate) object: Object,
}

/// The IRI of a record.
pub(crate) fn record_iri(kind: Kind, id: &str) -> String {
    format!("{BASE_IRI}{kind}:{}", escape(id))
}

/// The IRI of a country.
fn country_iri(c: Country) -> String {
    format!("{BASE_IRI}country:{c}")
}

/// Percent-encodes what an IRI's path may not hold (ids are slugs, so this rarely acts).
fn escape(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `part-of` or `as_written` in camelCase: `partOf`, `asWritten`.
fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '-' || c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn cs(local: &str) -> String {
    format!("{VOCAB}{local}")
}

fn oa(local: &str) -> String {
    format!("{OA}{local}")
}

fn schema(local: &str) -> String {
    format!("{SCHEMA}{local}")
}

/// The schema.org type of a kind.
fn schema_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Forum => "Event",
        Kind::Speaker => "Person",
        Kind::Organization => "Organization",
        Kind::Place => "Place",
        Kind::Document | Kind::Agreement => "CreativeWork",
        Kind::Project => "Project",
    }
}

/// The schema.org property a link is also said with, where one fits.
fn schema_property(source: Kind, l: &Link<'_>) -> Option<&'static str> {
    use crate::model::{ForumRole, Relation as R, Role};
    Some(match (source, l.relation, l.role) {
        (Kind::Project | Kind::Forum, R::Place, _) => "location",
        (Kind::Place, R::Within, _) => "containedInPlace",
        (Kind::Organization, R::Parent, _) => "parentOrganization",
        (Kind::Forum, R::ParentEvent, _) => "superEvent",
        (Kind::Forum, R::Involves, Some(Role::Forum(ForumRole::Host | ForumRole::Organizer))) => "organizer",
        (Kind::Organization, R::BasedIn, _) => "location",
        (Kind::Speaker, R::PostIn, _) => "affiliation",
        _ => return None,
    })
}

/// The whole dataset's statements, record by record in [`Dataset::records`] order, then
/// the countries the records point at.
#[cfg(feature = "rdf")]
pub(crate) fn dataset_triples(ds: &Dataset) -> Vec<Triple> {
    let mut all = Vec::new();
    let collect: Result<(), core::convert::Infallible> = each_record(ds, |t| {
        all.extend_from_slice(t);
        Ok(())
    });
    match collect {
        Ok(()) => all,
        Err(never) => match never {},
    }
}

/// The same statements handed to `f` a record at a time (then the countries' at the end),
/// so a writer streams them in memory bounded by the largest record.
pub(crate) fn each_record<E>(ds: &Dataset, mut f: impl FnMut(&[Triple]) -> Result<(), E>) -> Result<(), E> {
    let mut g = Builder::new(ds);
    for r in ds.records() {
        g.record(r);
        f(&g.take())?;
    }
    for c in std::mem::take(&mut g.countries) {
        let iri = country_iri(c);
        g.node(&iri, &schema("Country"));
        g.text(&iri, schema("identifier"), c.as_str());
        g.text(&iri, schema("name"), c.name());
    }
    f(&g.take())
}

/// One record's statements: its own node and the nodes under it (quotes, aliases, dates,
/// figures, link statements). Linked records and countries appear only as IRIs.
pub(crate) fn record_triples(ds: &Dataset, r: AnyRecord<'_>) -> Vec<Triple> {
    let mut g = Builder::new(ds);
    g.record(r);
    g.take()
}

struct Builder<'d> {
    ds: &'d Dataset,
    out: Vec<Triple>,
    /// The statements of `out`, so that none is said twice (a link given once per role is
    /// one plain statement, each role on its own `rdf:Statement`).
    said: HashSet<Triple>,
    countries: BTreeSet<Country>,
}

impl<'d> Builder<'d> {
    fn new(ds: &'d Dataset) -> Self {
        Builder { ds, out: Vec::new(), said: HashSet::new(), countries: BTreeSet::new() }
    }

    /// Hands out the statements gathered so far, and forgets them.
    fn take(&mut self) -> Vec<Triple> {
        self.said.clear();
        std::mem::take(&mut self.out)
    }

    fn push(&mut self, subject: &str, predicate: String, object: Object) {
        let t = Triple { subject: subject.to_owned(), predicate, object };
        if self.said.insert(t.clone()) {
            self.out.push(t);
        }
    }

    fn node(&mut self, subject: &str, class: &str) {
        self.push(subject, format!("{RDF}type"), Object::Node(class.to_owned()));
    }

    fn text(&mut self, subject: &str, predicate: String, text: &str) {
        self.push(subject, predicate, Object::Literal(text.to_owned(), Datatype::String));
    }

    fn literal(&mut self, subject: &str, predicate: String, value: impl ToString, datatype: Datatype) {
        self.push(subject, predicate, Object::Literal(value.to_string(), datatype));
    }

    fn link_to(&mut self, subject: &str, predicate: String, object: String) {
        self.push(subject, predicate, Object::Node(object));
    }

    fn record(&mut self, r: AnyRecord<'_>) {
        let iri = record_iri(r.kind(), r.id());
        self.node(&iri, &cs(&camel_type(r.kind())));
        self.node(&iri, &schema(schema_type(r.kind())));
        if let AnyRecord::Place(p) = r
            && p.kind == crate::model::PlaceKind::Country
        {
            self.node(&iri, &schema("Country"));
        }
        self.text(&iri, schema("identifier"), r.id());
        self.text(&iri, schema("name"), r.name());
        if r.name_source() == NameSource::Descriptive {
            self.text(&iri, cs("nameSource"), NameSource::Descriptive.as_str());
        }
        self.aliases(&iri, r);
        self.quotes(&iri, r);
        let mut d = Described::with_texts();
        r.describe(&mut d);
        let texts = d.texts.unwrap_or_default();
        self.links(&iri, r, &d.links);
        self.dates(&iri, r, &d.dates);
        self.figures(&iri, r, &d.counts, &d.amounts);
        for (field, text) in &texts {
            self.text(&iri, cs(&camel(field.as_str())), text);
        }
        self.fields(&iri, r);
    }

    fn aliases(&mut self, iri: &str, r: AnyRecord<'_>) {
        for (i, a) in r.aliases().iter().enumerate() {
            self.text(iri, schema("alternateName"), &a.name);
            let node = format!("{iri}:alias:{}", i + 1);
            self.link_to(iri, cs("alias"), node.clone());
            self.node(&node, &cs("Alias"));
            self.text(&node, schema("name"), &a.name);
            self.text(&node, cs("aliasKind"), a.kind.as_str());
            self.text(&node, cs("basis"), a.basis.as_str());
        }
    }

    fn quotes(&mut self, iri: &str, r: AnyRecord<'_>) {
        for (i, q) in r.quotes().iter().enumerate() {
            let node = quote_iri(iri, i);
            self.link_to(iri, cs("quote"), node.clone());
            self.node(&node, &cs("Quote"));
            self.text(&node, cs("text"), &q.text);
            let document = record_iri(Kind::Document, q.document.as_str());
            self.link_to(&node, cs("document"), document.clone());
            let Some(p) = q.position() else { continue };
            for (name, v) in [("start", p.start), ("end", p.end), ("line", p.line), ("column", p.column)] {
                self.literal(&node, cs(name), v, Datatype::Integer);
            }
            self.selectors(&node, document, q, p);
        }
    }

    /// A quote as a W3C Web Annotation target: an `oa:SpecificResource` of its document with
    /// an `oa:TextPositionSelector` (character offsets, as annotation tools and SPARQL's
    /// `SUBSTR` count) and an `oa:TextQuoteSelector` (the exact text, with a little before and
    /// after).
    fn selectors(&mut self, node: &str, document: String, q: &crate::Quote, p: &crate::model::Position) {
        self.node(node, &oa("SpecificResource"));
        self.link_to(node, oa("hasSource"), document);
        let at = format!("{node}:position");
        self.link_to(node, oa("hasSelector"), at.clone());
        self.node(&at, &oa("TextPositionSelector"));
        self.literal(&at, oa("start"), p.char_start, Datatype::Integer);
        self.literal(&at, oa("end"), p.char_end, Datatype::Integer);
        let words = format!("{node}:words");
        self.link_to(node, oa("hasSelector"), words.clone());
        self.node(&words, &oa("TextQuoteSelector"));
        self.text(&words, oa("exact"), &q.text);
        let text = self.ds.documents().by_id(&q.document).map(|d| d.text.clone());
        if let Some(text) = text {
            let before: String =
                text[..p.start].chars().rev().take(CONTEXT_CHARS).collect::<Vec<_>>().into_iter().rev().collect();
            let after: String = text[p.end..].chars().take(CONTEXT_CHARS).collect();
            self.text(&words, oa("prefix"), &before);
            self.text(&words, oa("suffix"), &after);
        }
    }

    /// Each link as a plain statement, and again as an `rdf:Statement` node that says how
    /// it is known (`cs:basis`, `cs:inferred`), the part played (`cs:role`) and which of the
    /// record's quotes names the target (`cs:evidence`).
    fn links(&mut self, iri: &str, r: AnyRecord<'_>, links: &[Link<'_>]) {
        let resolver = Resolver::new(self.ds, r);
        for (i, l) in links.iter().enumerate() {
            let predicate = cs(&camel(l.relation.as_str()));
            let object = self.target_iri(l.target);
            self.link_to(iri, predicate.clone(), object.clone());
            if let Some(property) = schema_property(r.kind(), l) {
                self.link_to(iri, schema(property), object.clone());
            }
            let node = format!("{iri}:link:{}", i + 1);
            self.node(&node, &format!("{RDF}Statement"));
            self.link_to(&node, format!("{RDF}subject"), iri.to_owned());
            self.link_to(&node, format!("{RDF}predicate"), predicate);
            self.link_to(&node, format!("{RDF}object"), object);
            self.text(&node, cs("basis"), l.basis.as_str());
            self.literal(&node, cs("inferred"), l.basis.is_inferred(), Datatype::Boolean);
            if let Some(role) = l.role {
                self.text(&node, cs("role"), &role.to_string());
            }
            if let Some((q, _)) = resolver.evidence_at(l) {
                self.link_to(&node, cs("evidence"), quote_iri(iri, q));
            }
        }
    }

    fn target_iri(&mut self, target: Target<'_>) -> String {
        match target {
            Target::Record(kind, id) => record_iri(kind, id),
            // A country is its place record where the dataset has one: one IRI per thing.
            Target::Country(c) if self.ds.places().by_id(c.as_str()).is_some() => record_iri(Kind::Place, c.as_str()),
            Target::Country(c) => {
                self.countries.insert(c);
                country_iri(c)
            }
        }
    }

    fn dates(&mut self, iri: &str, r: AnyRecord<'_>, dates: &[(EventKind, &PartialDate)]) {
        for (i, (event, date)) in dates.iter().enumerate() {
            let node = format!("{iri}:date:{}", i + 1);
            self.link_to(iri, cs("date"), node.clone());
            self.node(&node, &cs("Date"));
            self.text(&node, cs("event"), event.as_str());
            self.written(&node, iri, r, &date.as_written);
            self.text(&node, cs("precision"), date.precision.as_str());
            if let Some(reason) = date.year.as_ref().and_then(|y| y.inferred_from.as_deref()) {
                self.text(&node, cs("yearInferredFrom"), reason);
            }
            if let Some(rel) = date.relative {
                self.text(&node, cs("relative"), rel.as_str());
            }
            if let Some(doc) = &date.relative_to {
                self.link_to(&node, cs("relativeTo"), record_iri(Kind::Document, doc.as_str()));
            }
            if let Some(y) = &date.year {
                // One comparable year for every date that has one, whatever its precision.
                self.literal(&node, cs("year"), y.value, Datatype::Integer);
                self.literal(&node, cs("yearInferred"), y.is_inferred(), Datatype::Boolean);
            }
            let Some((value, datatype)) = date_literal(date) else { continue };
            self.literal(&node, cs("value"), &value, datatype);
            if r.kind() == Kind::Forum && *event == EventKind::Held {
                self.literal(iri, schema("startDate"), value, datatype);
            }
        }
    }

    fn figures(&mut self, iri: &str, r: AnyRecord<'_>, counts: &[&Count], amounts: &[&Amount]) {
        for (i, c) in counts.iter().enumerate() {
            let node = format!("{iri}:count:{}", i + 1);
            self.link_to(iri, cs("count"), node.clone());
            self.node(&node, &schema("QuantitativeValue"));
            self.literal(&node, schema("value"), c.value, Datatype::Integer);
            if let Some(max) = c.max {
                self.literal(&node, schema("maxValue"), max, Datatype::Integer);
            }
            self.text(&node, schema("unitText"), c.unit.as_str());
            self.text(&node, cs("qualifier"), c.qualifier.as_str());
            self.text(&node, cs("status"), c.status.as_str());
            self.written(&node, iri, r, &c.as_written);
            for item in &c.including {
                self.text(&node, cs("including"), item);
            }
        }
        for (i, a) in amounts.iter().enumerate() {
            let node = format!("{iri}:amount:{}", i + 1);
            self.link_to(iri, cs("amount"), node.clone());
            self.node(&node, &schema("MonetaryAmount"));
            self.literal(&node, schema("value"), a.value, Datatype::Integer);
            self.text(&node, schema("currency"), a.currency.as_str());
            self.text(&node, cs("amountKind"), a.kind.as_str());
            self.written(&node, iri, r, &a.as_written);
        }
    }

    /// A date's or figure's words as written, and the record's first quote that holds them.
    fn written(&mut self, node: &str, iri: &str, r: AnyRecord<'_>, words: &str) {
        self.text(node, cs("asWritten"), words);
        if let Some(i) = quote_index(r, words) {
            self.link_to(node, cs("evidence"), quote_iri(iri, i));
        }
    }

    /// Every field of the record's JSON but those said already (its id, names, aliases and
    /// quotes), under its JSON name in camelCase: a scalar as a literal, an object as a node
    /// `…:field:N` holding its own fields the same way, a list item by item, each item node
    /// with its 1-based `cs:order`.
    fn fields(&mut self, iri: &str, r: AnyRecord<'_>) {
        let Ok(Value::Object(fields)) = serde_json::to_value(r) else { return };
        for (name, value) in &fields {
            if !matches!(name.as_str(), "id" | "name" | "title" | "name_source" | "aliases" | "quotes") {
                self.field(iri, name, value);
            }
        }
    }

    /// One field's value under `subject`.
    fn field(&mut self, subject: &str, name: &str, value: &Value) {
        let predicate = cs(&camel(name));
        let items: &[Value] = match value {
            Value::Array(items) => items,
            one => std::slice::from_ref(one),
        };
        let ordered = value.is_array();
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::Object(map) => self.object(subject, name, map, i + 1, ordered),
                Value::Array(_) => self.field(subject, name, item),
                scalar => self.scalar(subject, &predicate, scalar),
            }
        }
    }

    /// The `n`-th object of field `name` as a node `…:name:n` holding its own fields, with
    /// its place as `cs:order` when the field is a list.
    fn object(&mut self, subject: &str, name: &str, map: &serde_json::Map<String, Value>, n: usize, ordered: bool) {
        let node = format!("{subject}:{}:{n}", camel(name));
        self.link_to(subject, cs(&camel(name)), node.clone());
        if ordered {
            self.literal(&node, cs("order"), n, Datatype::Integer);
        }
        for (k, v) in map {
            self.field(&node, k, v);
        }
    }

    /// One scalar value of a field.
    fn scalar(&mut self, subject: &str, predicate: &str, item: &Value) {
        match item {
            Value::String(s) => self.text(subject, predicate.to_owned(), s),
            Value::Number(n) if n.is_f64() => self.literal(subject, predicate.to_owned(), n, Datatype::Double),
            Value::Number(n) => self.literal(subject, predicate.to_owned(), n, Datatype::Integer),
            Value::Bool(b) => self.literal(subject, predicate.to_owned(), b, Datatype::Boolean),
            _ => {}
        }
    }
}

/// The index of the record's first quote holding `words` (as `Record::quote_containing`).
fn quote_index(r: AnyRecord<'_>, words: &str) -> Option<usize> {
    let quotes = r.quotes();
    let q = crate::model::record::quote_containing(quotes, words)?;
    quotes.iter().position(|x| std::ptr::eq(x, q))
}

fn quote_iri(record: &str, index: usize) -> String {
    format!("{record}:quote:{}", index + 1)
}

/// `Project`, `Agreement`, …: the class of a kind in the crate's vocabulary.
fn camel_type(kind: Kind) -> String {
    let mut s = camel(kind.as_str());
    if let Some(first) = s.get(..1) {
        s.replace_range(..1, &first.to_ascii_uppercase());
    }
    s
}

/// A date's typed value, when the text gives (or implies) its year: `xsd:date`,
/// `xsd:gYearMonth` or `xsd:gYear` by its precision. A day with no day-of-month (a
/// relative "yesterday") has none.
fn date_literal(date: &PartialDate) -> Option<(String, Datatype)> {
    let year = date.year.as_ref()?.value;
    match (date.precision, date.month, date.day) {
        (Precision::Day, Some(m), Some(d)) => Some((format!("{year:04}-{m:02}-{d:02}"), Datatype::Date)),
        (Precision::Month, Some(m), _) => Some((format!("{year:04}-{m:02}"), Datatype::GYearMonth)),
        (Precision::Year, _, _) => Some((format!("{year:04}"), Datatype::GYear)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_names() {
        assert_eq!(camel("part-of"), "partOf");
        assert_eq!(camel("as_written"), "asWritten");
        assert_eq!(camel("party"), "party");
        assert_eq!(camel_type(Kind::Organization), "Organization");
    }

    #[test]
    fn ids_outside_the_slug_alphabet_are_escaped() {
        assert_eq!(record_iri(Kind::Place, "a b/é"), "urn:china-singapore:place:a%20b%2F%C3%A9");
    }
}
