//! The timeline: every dated event of every kind, in time order. The placement rule is
//! stated publicly in [the guide](crate::guide#the-timeline).

use core::fmt;

use crate::Dataset;
use crate::index::{Stored, Table, TableVisitor};
use crate::model::common::days_in_month;
use crate::model::{AnyRecord, Document, EventKind, Kind, PartialDate, Quote, Relative, Visitor};

/// Where an [`Event`]'s year comes from, and so how it is placed in time (see
/// [the timeline rule](crate::guide#the-timeline)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum YearSource {
    /// The date's own year, stated or inferred (see [`Year`](crate::model::Year)).
    Date,
    /// The year of the document the date is written in (stated or inferred), moved by the
    /// date's relative words ("last year"): where the event is placed, not a fact the text
    /// states.
    Document,
    /// No year is known: placed after every event with one, grouped by document.
    Unknown,
}

/// `the date's own year`, `the document's year` or `year unknown`.
///
/// ```
/// use china_singapore::query::YearSource;
/// assert_eq!(YearSource::Document.to_string(), "the document's year");
/// ```
impl fmt::Display for YearSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            YearSource::Date => "the date's own year",
            YearSource::Document => "the document's year",
            YearSource::Unknown => "year unknown",
        })
    }
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
pub struct Event<'a> {
    /// What happened: held, signed, started, a figure's date, …
    pub event: EventKind,
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
    pub year_source: YearSource,
}

/// `when — event: record name — “as written”`; a year the text does not state says
/// `(inferred)` or `(the document's year)`.
///
/// ```
/// let ds = china_singapore::dataset();
/// let forum = ds.timeline().into_iter().find(|e| e.record.id() == "trade-in-services-forum-4").unwrap();
/// assert_eq!(forum.to_string(), "2021 (inferred) — held: fourth China-Singapore Trade in Services Innovation Forum — “yesterday afternoon”");
/// ```
impl fmt::Display for Event<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.date;
        match (self.year_source, self.year) {
            (YearSource::Date, _) => {
                write!(f, "{}", Day(d, d.year.as_ref().map(|y| y.value)))?;
                if d.year.as_ref().is_some_and(|y| y.is_inferred()) {
                    f.write_str(" (inferred)")?;
                }
            }
            (YearSource::Document, y) => write!(f, "{} (the document's year)", Day(d, y))?,
            (YearSource::Unknown, _) if d.month.is_none() => f.write_str("year unknown")?,
            (YearSource::Unknown, _) => write!(f, "{}, year unknown", Day(d, None))?,
        }
        let event = crate::model::common::words(self.event.as_str());
        write!(f, " — {event}: {} — “{}”", self.record.name(), d.as_written)
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
    out: Vec<(SortKey, Event<'a>)>,
}

struct Dates<'r>(Vec<(EventKind, &'r PartialDate)>);

impl<'r> Visitor<'r> for Dates<'r> {
    fn date(&mut self, event: EventKind, date: &'r PartialDate) {
        self.0.push((event, date));
    }
}

impl<'a> TableVisitor<'a> for Collect<'a> {
    fn visit<T: Stored>(&mut self, table: &'a Table<T>) {
        for r in table.iter() {
            let mut dates = Dates(Vec::new());
            r.describe(&mut dates);
            let words: Vec<&str> = dates.0.iter().map(|(_, d)| d.as_written.as_str()).collect();
            let quotes = crate::model::record::quotes_containing(r.quotes(), &words);
            for ((event, date), found) in dates.0.into_iter().zip(quotes) {
                let e = self.event(r.as_any(), event, date, found.map(|(q, _, _)| q));
                self.out.push(e);
            }
        }
    }
}

impl<'a> Collect<'a> {
    fn event(
        &self,
        record: AnyRecord<'a>,
        event: EventKind,
        date: &'a PartialDate,
        quote: Option<&'a Quote>,
    ) -> (SortKey, Event<'a>) {
        let documents = self.ds.documents();
        let document = date.relative_to.as_ref().or(quote.map(|q| &q.document)).and_then(|d| documents.by_id(d));
        let document_year = document.and_then(|d| d.year.as_ref()).map(|y| y.value);
        let offset = date.relative.and_then(Relative::year_offset);
        let (year, year_source) = match (&date.year, document_year) {
            (Some(y), _) => (Some(y.value), YearSource::Date),
            (None, Some(dy)) if date.relative != Some(Relative::RecentYears) => {
                (dy.checked_add(offset.unwrap_or(0)), YearSource::Document)
            }
            _ => (None, YearSource::Unknown),
        };
        let key = match year {
            Some(y) => dated_key(y, date),
            None => undated_key(self.ds, document, date),
        };
        (key, Event { event, date, record, quote, document, year, year_source })
    }
}

/// The first and last day a date in year `y` can mean.
fn dated_key(y: i32, d: &PartialDate) -> SortKey {
    let (m0, m1) = d.month.map_or((1, 12), |m| (m, m));
    let (d0, d1) = d.day.map_or((1, days_in_month(y, m1)), |day| (day, day));
    SortKey::Dated { first: (y, m0, d0), last: (y, m1, d1) }
}

/// Where a date with no year sorts among its document's others.
fn undated_key(ds: &Dataset, document: Option<&Document>, d: &PartialDate) -> SortKey {
    let last = ds.documents().len();
    let document =
        document.and_then(|doc| ds.tables.position(Kind::Document, doc.id.as_str())).map_or(last, |p| p as usize);
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
    /// force, projects started, dated figures. Dates without a year are placed by
    /// [the timeline rule](crate::guide#the-timeline): by their document's year where it is
    /// known, otherwise after the rest, grouped by document.
    ///
    /// ```
    /// use china_singapore::query::YearSource;
    /// let ds = china_singapore::dataset();
    /// let timeline = ds.timeline();
    /// let in_2021: Vec<&str> = timeline.iter().filter(|e| e.year == Some(2021)).map(|e| e.record.id()).collect();
    /// assert_eq!(in_2021, ["trade-in-services-forum-4"]);
    /// assert!(timeline.windows(2).all(|w| w[0].year.is_some() || w[1].year.is_none()));
    /// assert_eq!(timeline.last().unwrap().year_source, YearSource::Unknown);
    /// ```
    pub fn timeline(&self) -> Vec<Event<'_>> {
        let mut c = Collect { ds: self, out: Vec::new() };
        self.tables.visit(&mut c);
        // A stable sort keeps kind, file and field order among equal keys.
        c.out.sort_by_key(|&(key, _)| key);
        c.out.into_iter().map(|(_, e)| e).collect()
    }
}
