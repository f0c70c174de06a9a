//! [`Figure`]: every amount and count of every kind, with its record and the words that
//! state it ([`Dataset::figures`]).

use core::fmt;

use serde::Serialize;

use crate::Dataset;
use crate::model::{Amount, AnyRecord, Count, Position, Quote, Visitor};

/// An amount of money or a counted quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Measure<'a> {
    /// A sum of money.
    Amount(&'a Amount),
    /// A counted quantity.
    Count(&'a Count),
}

impl<'a> Measure<'a> {
    /// The words as the text writes them, e.g. `1.4 billion yuan`.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.figures()[1].measure.as_written(), "1.4 billion yuan");
    /// ```
    pub fn as_written(&self) -> &'a str {
        match self {
            Measure::Amount(a) => &a.as_written,
            Measure::Count(c) => &c.as_written,
        }
    }
}

impl fmt::Display for Measure<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Measure::Amount(a) => a.fmt(f),
            Measure::Count(c) => c.fmt(f),
        }
    }
}

/// One figure, the record it belongs to, and where the text states it.
///
/// ```
/// let ds = china_singapore::dataset();
/// let figures = ds.figures();
/// let park = figures.iter().find(|f| f.record.id() == "china-singapore-smart-park").unwrap();
/// assert_eq!(park.to_string(), "China-Singapore Smart Park: CNY 1,400,000,000 (total investment) — “1.4 billion yuan”");
/// let at = park.at.unwrap();
/// let doc = ds.documents().by_id(&park.quote.unwrap().document).unwrap();
/// assert_eq!(&doc.text[at.start..at.end], "1.4 billion yuan");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Figure<'a> {
    /// The record that gives the figure.
    #[serde(serialize_with = "super::connection::as_endpoint")]
    pub record: AnyRecord<'a>,
    /// The figure.
    pub measure: Measure<'a>,
    /// The record's quote holding the figure's words, if one does.
    pub quote: Option<&'a Quote>,
    /// Where those words sit in the document.
    pub at: Option<Position>,
}

/// `Record: figure — “as written”`.
impl fmt::Display for Figure<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} — “{}”", self.record.name(), self.measure, self.measure.as_written())
    }
}

/// Collects a record's figures in the order its kind describes them.
struct Collect<'a> {
    measures: Vec<Measure<'a>>,
}

impl<'a> Visitor<'a> for Collect<'a> {
    fn amount(&mut self, amount: &'a Amount) {
        self.measures.push(Measure::Amount(amount));
    }
    fn count(&mut self, count: &'a Count) {
        self.measures.push(Measure::Count(count));
    }
}

impl Dataset {
    /// Every amount and count of every kind, by kind, then file order, then field order,
    /// each with its record, the quote that holds its words and their position.
    ///
    /// ```
    /// use china_singapore::query::Measure;
    /// let ds = china_singapore::dataset();
    /// let counts = ds.figures().into_iter().filter(|f| matches!(f.measure, Measure::Count(_))).count();
    /// assert!(counts > 5);
    /// ```
    pub fn figures(&self) -> Vec<Figure<'_>> {
        let mut out = Vec::new();
        for record in self.records() {
            let mut c = Collect { measures: Vec::new() };
            record.describe(&mut c);
            let words: Vec<&str> = c.measures.iter().map(Measure::as_written).collect();
            let quotes = crate::model::record::quotes_containing(record.quotes(), &words);
            for (measure, found) in c.measures.into_iter().zip(quotes) {
                let at = found.and_then(|(q, from, to)| Some(q.position()?.within(&q.text, from, to)));
                out.push(Figure { record, measure, quote: found.map(|(q, _, _)| q), at });
            }
        }
        out
    }
}
