//! Value types shared by every kind of record: ids, names, quotes, dates and figures.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::{EventKind, Visitor};

record_id!(
    /// The id of a [`Document`](crate::Document), e.g. `trade-in-services-forum`.
    DocumentId
);
record_id!(
    /// The id of a [`Place`](crate::Place), e.g. `guangzhou`.
    PlaceId
);
record_id!(
    /// The id of an [`Organization`](crate::Organization), e.g. `bank-of-communications`.
    OrganizationId
);
record_id!(
    /// The id of a [`Project`](crate::Project), e.g. `china-singapore-smart-park`.
    ProjectId
);
record_id!(
    /// The id of an [`Agreement`](crate::Agreement), e.g. `rcep`.
    AgreementId
);
record_id!(
    /// The id of a [`Forum`](crate::Forum) (any meeting or event), e.g. `jcbc-18`.
    ForumId
);
record_id!(
    /// The id of a [`Speaker`](crate::Speaker), e.g. `chi-fulin`.
    SpeakerId
);

/// A string that is not one of a closed set's spellings.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize)]
#[error("unknown {set} `{value}`; expected one of: {expected}")]
pub struct UnknownValue {
    /// The closed set, e.g. `Sector`.
    pub set: &'static str,
    /// The string that was given.
    pub value: String,
    /// The accepted spellings, comma-separated.
    pub expected: String,
}

/// A verbatim passage of a source document that a record rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Quote {
    /// The document the passage is taken from.
    pub document: DocumentId,
    /// The passage, character for character (no-break spaces and curly quotes included).
    pub text: String,
    /// Where the passage first occurs in its document, found when the dataset loads.
    /// Serialised as `position`; a file that gives one must give the one the loader finds.
    #[serde(default, rename = "position", skip_serializing_if = "Option::is_none")]
    pub(crate) at: Option<Position>,
}

impl Quote {
    /// Where the passage first occurs in its document: byte and character offsets, line
    /// and column. Computed once, when the dataset loads; reading it allocates nothing.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let park = ds.projects().by_name("China-Singapore Smart Park").unwrap();
    /// let q = &park.quotes[0];
    /// let at = q.position().unwrap();
    /// let doc = ds.documents().by_id(&q.document).unwrap();
    /// assert_eq!(&doc.text[at.start..at.end], q.text);
    /// let chars: String = doc.text.chars().skip(at.char_start).take(at.char_end - at.char_start).collect();
    /// assert_eq!(chars, q.text);
    /// assert!(at.line > 1);
    /// ```
    pub fn position(&self) -> Option<&Position> {
        self.at.as_ref()
    }

    /// Where `phrase` sits in the document, if the passage holds it: the first occurrence
    /// as written, or else ignoring case and the kind of space. `None` when the passage
    /// does not hold it, or was not found in its document.
    ///
    /// ```
    /// use china_singapore::Record;
    /// let ds = china_singapore::dataset();
    /// let park = ds.projects().by_name("China-Singapore Smart Park").unwrap();
    /// let q = park.quote_containing("1.4 billion yuan").unwrap();
    /// let at = q.locate("1.4 billion yuan").unwrap();
    /// let doc = ds.documents().by_id(&q.document).unwrap();
    /// assert_eq!(&doc.text[at.start..at.end], "1.4 billion yuan");
    /// assert_eq!(at.line, q.position().unwrap().line);
    /// assert!(at.column > q.position().unwrap().column);
    /// ```
    pub fn locate(&self, phrase: &str) -> Option<Position> {
        let (from, to) = super::record::find_loosely(&self.text, phrase)?;
        Some(self.at?.within(&self.text, from, to))
    }
}

/// Where a passage sits in its document. Offsets are 0-based, ends exclusive; `line` and
/// `column` are 1-based, and the column counts characters (Unicode scalar values) from
/// the start of the line, as every column the crate reports does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Position {
    /// The byte offset of its first byte.
    pub start: usize,
    /// The byte offset just past its last byte.
    pub end: usize,
    /// The character offset of its first character (what SPARQL's `SUBSTR` and most
    /// languages' string indexes count).
    pub char_start: usize,
    /// The character offset just past its last character.
    pub char_end: usize,
    /// The line it starts on.
    pub line: usize,
    /// The column it starts at, in characters.
    pub column: usize,
}

impl Position {
    /// The position of bytes `from..to` of the passage `text` that sits at `self`.
    pub(crate) fn within(&self, text: &str, from: usize, to: usize) -> Position {
        let (before, inside) = (&text[..from], &text[from..to]);
        let char_start = self.char_start + before.chars().count();
        let (line, column) = match before.rfind('\n') {
            Some(nl) => (self.line + before.matches('\n').count(), before[nl + 1..].chars().count() + 1),
            None => (self.line, self.column + before.chars().count()),
        };
        let char_end = char_start + inside.chars().count();
        Position { start: self.start + from, end: self.start + to, char_start, char_end, line, column }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {} (characters {}..{}, bytes {}..{})",
            self.line, self.column, self.char_start, self.char_end, self.start, self.end
        )
    }
}

closed_enum! {
    /// Whether a record's canonical name is the text's, or one the crate made up to describe
    /// a record the text does not name.
    #[derive(Default)]
    pub enum NameSource {
        /// The text names the record so.
        #[default]
        Text = "text",
        /// The text does not name the record; the name describes it (e.g. `Biosyngen
        /// immunocellular drug production base`).
        Descriptive = "descriptive",
    }
}

impl NameSource {
    /// True for [`NameSource::Text`], the default (for `skip_serializing_if`).
    pub(crate) fn is_text(&self) -> bool {
        *self == NameSource::Text
    }
}

closed_enum! {
    /// How an alias relates to a record's canonical name.
    #[non_exhaustive]
    pub enum AliasKind {
        /// An abbreviation the text uses, e.g. `CSGKS`.
        Abbreviation = "abbreviation",
        /// Another spelling or abbreviation of the same name that the text itself uses, e.g. `CSGKC`.
        Variant = "variant",
        /// A shorter form the text uses for the same thing, e.g. `Chi`.
        ShortForm = "short-form",
        /// A longer, formal form, e.g. `Republic of Singapore`.
        FormalName = "formal-name",
        /// A description the text uses in place of the name, e.g. `CIIE venue`.
        Descriptive = "descriptive",
        /// A title the record had before.
        EarlierTitle = "earlier-title",
    }
}

/// Another name a record goes by, what kind of name it is, and how it is known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Alias {
    /// The alias as written.
    pub name: String,
    /// What kind of alias it is.
    pub kind: AliasKind,
    /// `stated` when the text uses it for this record (a quote of the record shows it),
    /// `common-usage` for a name people use that the text does not (`NUS`), …
    pub basis: Basis,
}

closed_enum! {
    /// How a link, or an alias, is known.
    #[non_exhaustive]
    pub enum Basis {
        /// The text says so: a quote of the record names the linked record (checked on
        /// every load).
        Stated = "stated",
        /// The text implies it: the passage sits under a heading or in a paragraph about it,
        /// or says "the meeting", "the forum", "the country" of something named before.
        Context = "context",
        /// The record's own name implies it: Guangzhou for the *Guangzhou* Knowledge City.
        Name = "name",
        /// Common geography, not the articles: e.g. Guangzhou lies in Guangdong.
        Geography = "geography",
        /// Common usage outside the text: an alias such as `NUS`.
        CommonUsage = "common-usage",
    }
}

impl Basis {
    /// True unless the text states it: for drawing or filtering inferred links.
    ///
    /// ```
    /// use china_singapore::model::Basis;
    /// assert!(!Basis::Stated.is_inferred());
    /// assert!(Basis::Context.is_inferred() && Basis::Geography.is_inferred());
    /// ```
    pub fn is_inferred(self) -> bool {
        self != Basis::Stated
    }
}

/// A link to a record (or a country), with how it is known. In JSON:
/// `{"id": "guangzhou", "basis": "stated"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Ref<I> {
    /// What is linked to.
    pub id: I,
    /// How the link is known.
    pub basis: Basis,
}

/// A link to a record is as good as its id wherever an id is taken:
/// `ds.places().by_id(&project.places[0])`.
impl<I: AsRef<str>> AsRef<str> for Ref<I> {
    fn as_ref(&self) -> &str {
        self.id.as_ref()
    }
}

impl<I> Ref<I> {
    /// A link with its basis.
    ///
    /// ```
    /// use china_singapore::model::{Basis, PlaceId, Ref};
    /// let r = Ref::new(PlaceId::new("guangzhou"), Basis::Name);
    /// assert_eq!((r.id.as_str(), r.basis), ("guangzhou", Basis::Name));
    /// ```
    pub fn new(id: I, basis: Basis) -> Self {
        Ref { id, basis }
    }
}

closed_enum! {
    /// A country. Countries are also [`Place`](crate::Place) records of kind `country`.
    #[non_exhaustive]
    pub enum Country {
        /// The People's Republic of China.
        China = "china",
        /// The Republic of Singapore.
        Singapore = "singapore",
        /// New Zealand.
        NewZealand = "new-zealand",
        /// Chile.
        Chile = "chile",
    }
}

impl Country {
    /// The country's English name.
    ///
    /// ```
    /// assert_eq!(china_singapore::model::Country::NewZealand.name(), "New Zealand");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Country::China => "China",
            Country::Singapore => "Singapore",
            Country::NewZealand => "New Zealand",
            Country::Chile => "Chile",
        }
    }
}

closed_enum! {
    /// How close a cooperation project's parties are, as the text files it.
    #[non_exhaustive]
    pub enum CooperationLevel {
        /// A state-level bilateral cooperation project.
        StateLevelBilateral = "state-level-bilateral",
        /// A project between governments.
        Intergovernmental = "intergovernmental",
    }
}

closed_enum! {
    /// Who a finding is attributed to.
    pub enum Attribution {
        /// The participants (e.g. "according to guests at the brainstorming").
        Participants = "participants",
        /// The article itself.
        Article = "article",
    }
}

/// Something concluded or reported of a meeting, and whose words it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Finding {
    /// The finding, as the text words it.
    pub text: String,
    /// The participants', or the article's.
    pub by: Attribution,
}

closed_enum! {
    /// An ISO 4217 currency.
    #[non_exhaustive]
    pub enum Currency {
        /// Chinese yuan renminbi.
        Cny = "CNY",
        /// United States dollar.
        Usd = "USD",
        /// Singapore dollar.
        Sgd = "SGD",
    }
}

/// A year, stated by the text or inferred from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Year {
    /// The year, e.g. `2021`: from 1 to 9999 (the loader refuses others, so arithmetic on
    /// years cannot overflow).
    pub value: i32,
    /// Absent when the text states the year; otherwise what in the text it was inferred from.
    #[serde(default)]
    pub inferred_from: Option<String>,
}

impl Year {
    /// True when the text does not state this year and it was inferred.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let depa = ds.agreements().by_id("depa").unwrap();
    /// let signed = depa.milestones[0].date.as_ref().unwrap();
    /// assert!(signed.year.as_ref().unwrap().is_inferred()); // "June 12 last year"
    /// ```
    pub fn is_inferred(&self) -> bool {
        self.inferred_from.is_some()
    }

    /// The years a record may give.
    pub(crate) const RANGE: core::ops::RangeInclusive<i32> = 1..=9999;

    /// Reports an `inferred_from` that gives no reason, and a year outside [`Year::RANGE`].
    pub(crate) fn describe<'r>(&'r self, field: &str, v: &mut dyn Visitor<'r>) {
        if self.inferred_from.as_deref().is_some_and(|s| s.trim().is_empty()) {
            v.problem(None, format!("`{field}`: empty `inferred_from`; expected what the year was inferred from"));
        }
        if !Self::RANGE.contains(&self.value) {
            v.problem(None, format!("`{field}`: year {}; expected a year from 1 to 9999", self.value));
        }
    }
}

closed_enum! {
    /// The finest unit a date is given to.
    pub enum Precision {
        /// Only a year.
        Year = "year",
        /// A month.
        Month = "month",
        /// A day.
        Day = "day",
    }
}

closed_enum! {
    /// A date the text gives relative to when the article was written.
    #[non_exhaustive]
    pub enum Relative {
        /// "this year".
        ThisYear = "this-year",
        /// "at the end of the year".
        EndOfThisYear = "end-of-this-year",
        /// "last year", "last December".
        LastYear = "last-year",
        /// "next Jan. 1".
        NextYear = "next-year",
        /// "yesterday".
        Yesterday = "yesterday",
        /// "in recent years".
        RecentYears = "recent-years",
    }
}

impl Relative {
    /// How many years after its document's year a date so worded falls, where the words
    /// fix it (`last year` is -1); `None` for "in recent years".
    pub(crate) fn year_offset(self) -> Option<i32> {
        match self {
            Relative::ThisYear | Relative::EndOfThisYear | Relative::Yesterday => Some(0),
            Relative::LastYear => Some(-1),
            Relative::NextYear => Some(1),
            Relative::RecentYears => None,
        }
    }
}

/// A date as the text gives it: possibly without a year, with its precision and its words.
///
/// No year is invented: `year` is `None` unless the text states it, or lets it be
/// inferred, in which case [`Year::inferred_from`] says how. A date relative to its
/// article ("yesterday", "last year") names the article in `relative_to`; "yesterday"
/// has precision `day` but no month or day, since the article's own day is unknown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PartialDate {
    /// The year, if the text gives or implies one.
    #[serde(default)]
    pub year: Option<Year>,
    /// The month, 1 to 12.
    #[serde(default)]
    pub month: Option<u8>,
    /// The day of the month, 1 to 31.
    #[serde(default)]
    pub day: Option<u8>,
    /// The finest unit the text gives.
    pub precision: Precision,
    /// The words as written, e.g. `June this year`.
    pub as_written: String,
    /// Set when the text dates this relative to the article, e.g. `this-year`.
    #[serde(default)]
    pub relative: Option<Relative>,
    /// The document whose own date a relative date counts from (required with `relative`).
    #[serde(default)]
    pub relative_to: Option<DocumentId>,
}

/// A calendar day, used as a bound in date-range filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct CalendarDate {
    year: i32,
    month: u8,
    day: u8,
}

impl CalendarDate {
    /// A valid calendar day, or `None` (e.g. for month 13 or 31 April).
    ///
    /// ```
    /// use china_singapore::model::CalendarDate;
    /// assert!(CalendarDate::new(2021, 11, 5).is_some());
    /// assert!(CalendarDate::new(2021, 13, 1).is_none());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Self {
            year,
            month,
            day,
        })
    }

    /// The year.
    ///
    /// ```
    /// assert_eq!(china_singapore::model::CalendarDate::new(2020, 6, 12).unwrap().year(), 2020);
    /// ```
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    ///
    /// ```
    /// assert_eq!(china_singapore::model::CalendarDate::new(2020, 6, 12).unwrap().month(), 6);
    /// ```
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    ///
    /// ```
    /// assert_eq!(china_singapore::model::CalendarDate::new(2020, 6, 12).unwrap().day(), 12);
    /// ```
    pub fn day(self) -> u8 {
        self.day
    }

    /// A single ordered number for comparisons and index keys.
    pub(crate) fn key(self) -> i64 {
        i64::from(self.year) * 512 + i64::from(self.month) * 32 + i64::from(self.day)
    }
}

/// The error of parsing a [`CalendarDate`] from a string that is not a real `YYYY-MM-DD` day.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a calendar day; expected YYYY-MM-DD, e.g. 2021-11-05")]
pub struct BadDate(String);

/// Parses `YYYY-MM-DD` (the form `Display` writes; years before 1 take a `-` and years
/// past 9999 more digits, as in ISO 8601's expanded form).
///
/// ```
/// use china_singapore::model::CalendarDate;
/// let d: CalendarDate = "2021-11-05".parse().unwrap();
/// assert_eq!((d.year(), d.month(), d.day()), (2021, 11, 5));
/// assert!("2021-02-30".parse::<CalendarDate>().is_err());
/// assert!("5 Nov 2021".parse::<CalendarDate>().is_err());
/// assert_eq!("-0044-03-15".parse::<CalendarDate>().unwrap().year(), -44);
/// ```
impl core::str::FromStr for CalendarDate {
    type Err = BadDate;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadDate(s.to_owned());
        let t = s.trim();
        let (negative, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let mut parts = t.splitn(3, '-');
        let mut next = |len: core::ops::RangeInclusive<usize>| {
            parts.next().filter(|p| len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())).ok_or_else(bad)
        };
        let (y, m, d) = (next(4..=10)?, next(2..=2)?, next(2..=2)?);
        let year: i64 = y.parse().map_err(|_| bad())?;
        let year = i32::try_from(if negative { -year } else { year }).map_err(|_| bad())?;
        CalendarDate::new(year, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?).ok_or_else(bad)
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.year < 0 { "-" } else { "" };
        write!(f, "{sign}{:04}-{:02}-{:02}", self.year.unsigned_abs(), self.month, self.day)
    }
}

/// The number of days in a month (February has 29 in leap years).
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl PartialDate {
    /// The first and last calendar day this date can mean, or `None` when its year is unknown
    /// (or only relative, e.g. "yesterday" with no year).
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let depa = ds.agreements().by_id("depa").unwrap();
    /// let (first, last) = depa.milestones[0].date.as_ref().unwrap().bounds().unwrap();
    /// assert_eq!((first.to_string(), last.to_string()), ("2020-06-12".into(), "2020-06-12".into()));
    /// ```
    pub fn bounds(&self) -> Option<(CalendarDate, CalendarDate)> {
        let year = self.year.as_ref()?.value;
        let (m0, m1) = match self.month {
            Some(m) => (m, m),
            None => (1, 12),
        };
        let (d0, d1) = match self.day {
            Some(d) => (d, d),
            None => (1, days_in_month(year, m1)),
        };
        Some((CalendarDate::new(year, m0, d0)?, CalendarDate::new(year, m1, d1)?))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let mut parts: Vec<String> = Vec::new();
        if let Some(d) = self.day {
            parts.push(d.to_string());
        }
        if let Some(m) = self.month {
            parts.push(MONTHS.get(usize::from(m).wrapping_sub(1)).unwrap_or(&"?").to_string());
        }
        match &self.year {
            Some(y) if y.is_inferred() => parts.push(format!("{} (inferred)", y.value)),
            Some(y) => parts.push(y.value.to_string()),
            None => parts.push("(year not given)".to_owned()),
        }
        write!(f, "{} — “{}”", parts.join(" "), self.as_written)
    }
}

closed_enum! {
    /// How exact a figure is, as the text words it.
    #[non_exhaustive]
    pub enum Qualifier {
        /// Exactly this many ("19", "3,000").
        Exact = "exact",
        /// "more than".
        MoreThan = "more-than",
        /// "nearly".
        Nearly = "nearly",
        /// A range from `value` to `max`.
        Range = "range",
    }
}

closed_enum! {
    /// Whether a figure has happened, is expected, or is a goal.
    pub enum FigureStatus {
        /// Reported as done.
        Actual = "actual",
        /// Expected ("is expected that 500 … will be stationed").
        Expected = "expected",
        /// A commitment or goal ("commit itself to training nearly 3,000").
        Target = "target",
    }
}

closed_enum! {
    /// What a count counts.
    #[non_exhaustive]
    pub enum CountUnit {
        /// Agreements, MOUs or contracts.
        Agreements = "agreements",
        /// Industrialization systems (rules and regulations).
        IndustrializationSystems = "industrialization-systems",
        /// Industrialization projects.
        IndustrializationProjects = "industrialization-projects",
        /// Enterprises.
        Enterprises = "enterprises",
        /// People employed.
        People = "people",
        /// High-level talents.
        Talents = "talents",
        /// IT professionals.
        ItProfessionals = "it-professionals",
        /// Groups of company representatives.
        Groups = "groups",
        /// Batches.
        Batches = "batches",
    }
}

closed_enum! {
    /// A unit of time.
    pub enum PeriodUnit {
        /// Years.
        Year = "year",
        /// Months.
        Month = "month",
        /// Days.
        Day = "day",
    }
}

/// A length of time, e.g. "over a 10-year period".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Period {
    /// How many units.
    pub length: u32,
    /// The unit.
    pub unit: PeriodUnit,
    /// The words as written.
    pub as_written: String,
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}(s)", self.length, self.unit)
    }
}

/// A counted quantity with its qualifier and unit, e.g. "more than 400 enterprises".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Count {
    /// The number (the minimum, for a range).
    pub value: u64,
    /// The maximum, for a [`Qualifier::Range`] only.
    #[serde(default)]
    pub max: Option<u64>,
    /// Exact, more than, nearly, …
    pub qualifier: Qualifier,
    /// What is counted.
    pub unit: CountUnit,
    /// Done, expected or a target.
    pub status: FigureStatus,
    /// The words as written.
    pub as_written: String,
    /// When the figure applies, if the text says.
    #[serde(default)]
    pub date: Option<PartialDate>,
    /// The time span the figure covers, if the text says.
    #[serde(default)]
    pub period: Option<Period>,
    /// Items the text names as examples of what is counted.
    #[serde(default)]
    pub including: Vec<String>,
}

impl Count {
    /// Hands the count, and its date if it has one, to a visitor.
    pub(crate) fn describe<'r>(&'r self, v: &mut dyn Visitor<'r>) {
        v.count(self);
        if let Some(d) = &self.date {
            v.date(EventKind::Figure, d);
        }
    }
}

/// A number with its thousands grouped: `1,400,000,000`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A closed set's spelling as words: hyphens as spaces, `it` as `IT`
/// (`it-professionals` reads `IT professionals`).
pub(crate) fn words(slug: &str) -> String {
    slug.split('-').map(|w| if w == "it" { "IT" } else { w }).collect::<Vec<_>>().join(" ")
}

/// The first count of `unit` among `counts`: what each kind's `count` returns.
pub(crate) fn count_of(counts: &[Count], unit: CountUnit) -> Option<&Count> {
    counts.iter().find(|c| c.unit == unit)
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let q = match self.qualifier {
            Qualifier::Exact => String::new(),
            Qualifier::MoreThan => "more than ".to_owned(),
            Qualifier::Nearly => "nearly ".to_owned(),
            Qualifier::Range => String::new(),
        };
        let unit = words(self.unit.as_str());
        match (self.qualifier, self.max) {
            (Qualifier::Range, Some(max)) => write!(f, "{}–{} {unit}", grouped(self.value), grouped(max))?,
            _ => write!(f, "{q}{} {unit}", grouped(self.value))?,
        }
        if self.status != FigureStatus::Actual {
            write!(f, " ({})", self.status)?;
        }
        Ok(())
    }
}

closed_enum! {
    /// What an amount of money measures.
    #[non_exhaustive]
    pub enum AmountKind {
        /// Total investment in a project.
        TotalInvestment = "total-investment",
        /// The cumulative scale of bonds issued.
        CumulativeIssuance = "cumulative-issuance",
    }
}

/// An amount of money in whole units of an ISO 4217 currency, e.g. 1.4 billion yuan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Amount {
    /// The amount in whole units (1.4 billion yuan is `1_400_000_000`). Never negative.
    pub value: i64,
    /// The currency.
    pub currency: Currency,
    /// What the amount measures.
    pub kind: AmountKind,
    /// The words as written, e.g. `1.4 billion yuan`.
    pub as_written: String,
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.value < 0 { "-" } else { "" };
        write!(f, "{} {sign}{} ({})", self.currency, grouped(self.value.unsigned_abs()), words(self.kind.as_str()))
    }
}
