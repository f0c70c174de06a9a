//! The timeline: every dated event of every kind, in time order.
//!
//! # How events are placed
//!
//! 1. An event whose date has a year (stated, or inferred with a reason, see
//!    [`Year`](crate::Year)) is placed by the days it can mean: by its first day, then its
//!    last (so "in 2022" comes before "January 1, 2022", which comes before "June 2022").
//! 2. An event whose date has no year, in a document whose year is known (stated or
//!    inferred), is placed in that year, moved by its relative words ("last year" is the
//!    year before), and marked [`Placement::DocumentYear`]: the year is where it is placed,
//!    not a fact the text states.
//! 3. Every other event has no year anyone can know. These come after all events with a
//!    year, grouped by their document (in the order of the documents), and within a
//!    document ordered as its words allow: "in recent years", then "last year", then "this
//!    year" (by month and day; "at the end of the year" after December 31, an unknown
//!    month or day after the known ones), then "next year", then dates given with no year
//!    and no relative words ("On November 1"), by month and day. They are marked
//!    [`Placement::YearUnknown`].
//!
//! Ties keep the order of the kinds, then file order, then field order.

use core::fmt;

use crate::Dataset;
use crate::index::{Stored, Table, TableVisitor};
use crate::model::common::days_in_month;
use crate::model::{AnyRecord, Document, Event, PartialDate, Quote, Relative, Visitor};

/// How a [`TimelineEvent`] is placed in time (see the module rule above).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Placement {
    /// By its date's own year, stated or inferred.
    OwnYear,
    /// In its document's year (stated or inferred), moved by its relative words.
    DocumentYear,
    /// No year is known: after every event with one, grouped by document.
    YearUnknown,
}

/// One dated event: what happened, to which record, when, and the quote that says so.
///
/// ```
/// let ds = china_singapore::dataset();
/// let first = &ds.timeline()[0];
/// println!("{first}"); // 2006 — started: Suzhou pilot city … — “in 2006”
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct TimelineEvent<'a> {
    /// What happened: held, signed, started, a figure's date, …
    pub event: Event,
    /// When, as the text gives it.
    pub date: &'a PartialDate,
    /// The record it happened to.
    pub record: AnyRecord<'a>,
    /// The record's quote holding the date's words, if one does.
    pub quote: Option<&'a Quote>,
    /// The document the date is written in (or counted from, for a relative date).
    pub document: Option<&'a Document>,
    /// The year the event is placed in, if any.
    pub year: Option<i32>,
    /// How it was placed.
    pub placement: Placement,
}

/// `when — event: record name — “as written”`.
impl fmt::Display for TimelineEvent<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.date;
        match (self.placement, self.year) {
            (Placement::OwnYear, _) => write!(f, "{}", Day(d, d.year.as_ref().map(|y| y.value)))?,
            (Placement::DocumentYear, y) => write!(f, "{} (the document's year)", Day(d, y))?,
            (Placement::YearUnknown, _) if d.month.is_none() => f.write_str("year unknown")?,
            (Placement::YearUnknown, _) => write!(f, "{}, year unknown", Day(d, None))?,
        }
        write!(f, " — {}: {} — “{}”", self.event, self.record.name(), d.as_written)
    }
}

/// A date as `12 June 2020`, `June 2020`, `2020`, or without the year (`1 March`).
struct Day<'d>(&'d PartialDate, Option<i32>);

impl fmt::Display for Day<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MONTHS: [&str; 12] =
            ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
        let mut parts: Vec<String> = Vec::new();
        if let Some(day) = self.0.day {
            parts.push(day.to_string());
        }
        if let Some(m) = self.0.month.and_then(|m| MONTHS.get(usize::from(m).checked_sub(1)?)) {
            parts.push((*m).to_owned());
        }
        if let Some(y) = self.1 {
            parts.push(y.to_string());
        }
        f.write_str(&parts.join(" "))
    }
}

/// Where an event sorts: events with a year by their days, then the rest by document and
/// wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Dated { first: (i32, u8, u8), last: (i32, u8, u8) },
    Undated { document: usize, offset: i32, month: u8, day: u8 },
}

/// Collects every date of every record, with its record.
struct Collect<'a> {
    ds: &'a Dataset,
    out: Vec<(SortKey, TimelineEvent<'a>)>,
}

struct Dates<'r>(Vec<(Event, &'r PartialDate)>);

impl<'r> Visitor<'r> for Dates<'r> {
    fn date(&mut self, event: Event, date: &'r PartialDate) {
        self.0.push((event, date));
    }
}

impl<'a> TableVisitor<'a> for Collect<'a> {
    fn visit<T: Stored>(&mut self, table: &'a Table<T>) {
        for r in table.iter() {
            let mut dates = Dates(Vec::new());
            r.describe(&mut dates);
            for (event, date) in dates.0 {
                let e = self.event(r.as_any(), event, date);
                self.out.push(e);
            }
        }
    }
}

impl<'a> Collect<'a> {
    fn event(&self, record: AnyRecord<'a>, event: Event, date: &'a PartialDate) -> (SortKey, TimelineEvent<'a>) {
        let quote = record.quote_containing(&date.as_written);
        let documents = self.ds.documents();
        let document = date.relative_to.as_ref().or(quote.map(|q| &q.document)).and_then(|d| documents.get(d));
        let document_year = document.and_then(|d| d.year.as_ref()).map(|y| y.value);
        let offset = date.relative.and_then(Relative::year_offset);
        let (year, placement) = match (&date.year, document_year) {
            (Some(y), _) => (Some(y.value), Placement::OwnYear),
            (None, Some(dy)) if date.relative != Some(Relative::RecentYears) => {
                (Some(dy + offset.unwrap_or(0)), Placement::DocumentYear)
            }
            _ => (None, Placement::YearUnknown),
        };
        let key = match year {
            Some(y) => dated_key(y, date),
            None => undated_key(documents.as_slice(), document, date),
        };
        (key, TimelineEvent { event, date, record, quote, document, year, placement })
    }
}

/// The first and last day a date in year `y` can mean.
fn dated_key(y: i32, d: &PartialDate) -> SortKey {
    let (m0, m1) = d.month.map_or((1, 12), |m| (m, m));
    let (d0, d1) = d.day.map_or((1, days_in_month(y, m1)), |day| (day, day));
    SortKey::Dated { first: (y, m0, d0), last: (y, m1, d1) }
}

/// Where a date with no year sorts among its document's others.
fn undated_key(documents: &[Document], document: Option<&Document>, d: &PartialDate) -> SortKey {
    let document =
        document.and_then(|doc| documents.iter().position(|x| core::ptr::eq(x, doc))).unwrap_or(documents.len());
    let offset = match d.relative {
        Some(Relative::RecentYears) => -2,
        Some(r) => r.year_offset().unwrap_or(0),
        None => 2,
    };
    let (month, day) = match d.relative {
        Some(Relative::EndOfThisYear) => (12, 32),
        _ => (d.month.unwrap_or(13), d.day.unwrap_or(32)),
    };
    SortKey::Undated { document, offset, month, day }
}

impl Dataset {
    /// Every dated event of every kind, in time order: forums held, agreements signed or in
    /// force, projects started, dated figures. Dates without a year are placed by the rule
    /// of the [timeline module](crate::TimelineEvent): by their document's year where it is
    /// known, otherwise after the rest, grouped by document.
    ///
    /// ```
    /// use china_singapore::Placement;
    /// let ds = china_singapore::dataset();
    /// let timeline = ds.timeline();
    /// let in_2021: Vec<&str> = timeline.iter().filter(|e| e.year == Some(2021)).map(|e| e.record.id()).collect();
    /// assert_eq!(in_2021, ["trade-in-services-forum-4"]);
    /// assert!(timeline.windows(2).all(|w| w[0].year.is_some() || w[1].year.is_none()));
    /// assert_eq!(timeline.last().unwrap().placement, Placement::YearUnknown);
    /// ```
    pub fn timeline(&self) -> Vec<TimelineEvent<'_>> {
        let mut c = Collect { ds: self, out: Vec::new() };
        self.tables.visit(&mut c);
        // A stable sort keeps kind, file and field order among equal keys.
        c.out.sort_by_key(|&(key, _)| key);
        c.out.into_iter().map(|(_, e)| e).collect()
    }
}
