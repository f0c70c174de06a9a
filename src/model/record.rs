//! What every record has ([`Record`]), and the one place each kind describes its fields.
//!
//! Each kind implements a crate-private `Describe` trait next to its struct: one method that
//! hands every link, date, figure and text of a record to a visitor. The loader's checks,
//! the link indexes behind filters and links in names, and [`Record::links`] all read records
//! through it, so a new field is described once, in its kind's file.

use core::fmt;

use super::{Alias, Kind, Quote};

/// What every record has: a kind, an id, names and quotes, and its links to other records.
///
/// The trait is sealed: the crate's seven kinds implement it, and only they can.
///
/// ```
/// use china_singapore::Record;
/// let p = china_singapore::dataset().projects().by_name("CSGKC").unwrap();
/// assert_eq!(p.id(), "china-singapore-guangzhou-knowledge-city");
/// assert_eq!(p.name(), "China-Singapore Guangzhou Knowledge City");
/// ```
pub trait Record: sealed::Sealed + fmt::Display + fmt::Debug + Send + Sync + 'static {
    /// Which kind of record this is.
    ///
    /// ```
    /// use china_singapore::{Kind, Project, Record};
    /// assert_eq!(Project::KIND, Kind::Project);
    /// ```
    const KIND: Kind;

    /// The record's id.
    ///
    /// ```
    /// use china_singapore::Record;
    /// let rcep = china_singapore::dataset().agreements().by_name("RCEP").unwrap();
    /// assert_eq!(rcep.id(), "rcep");
    /// ```
    fn id(&self) -> &str;

    /// The canonical name.
    ///
    /// ```
    /// use china_singapore::Record;
    /// let gba = china_singapore::dataset().places().by_name("GBA").unwrap();
    /// assert_eq!(gba.name(), "Guangdong-Hong Kong-Macao Greater Bay Area");
    /// ```
    fn name(&self) -> &str;

    /// Whether the text gives the canonical name, or it describes a record the text does
    /// not name.
    ///
    /// ```
    /// use china_singapore::{Record, model::NameSource};
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.projects().by_id("china-singapore-smart-park").unwrap().name_source(), NameSource::Text);
    /// assert_eq!(ds.projects().by_id("biosyngen-production-base").unwrap().name_source(), NameSource::Descriptive);
    /// ```
    fn name_source(&self) -> super::NameSource;

    /// Every other name, with its kind.
    ///
    /// ```
    /// use china_singapore::{Record, model::AliasKind};
    /// let gba = china_singapore::dataset().places().by_id("greater-bay-area").unwrap();
    /// assert_eq!((gba.aliases()[0].name.as_str(), gba.aliases()[0].kind), ("GBA", AliasKind::Abbreviation));
    /// ```
    fn aliases(&self) -> &[Alias];

    /// The verbatim passages the record rests on.
    ///
    /// ```
    /// use china_singapore::Record;
    /// let ds = china_singapore::dataset();
    /// let park = ds.projects().by_id("china-singapore-smart-park").unwrap();
    /// let q = &park.quotes()[0];
    /// assert!(ds.documents().by_id(&q.document).unwrap().text.contains(&q.text));
    /// ```
    fn quotes(&self) -> &[Quote];

    /// The first of the record's quotes that holds `words` (as written, or else ignoring
    /// case and the kind of space): where a figure or a date the record gives is stated. Pair it with
    /// [`Quote::position`](crate::Quote::position) for the line and column.
    ///
    /// ```
    /// use china_singapore::{Record, model::AmountKind};
    /// let ds = china_singapore::dataset();
    /// let park = ds.projects().by_name("China-Singapore Smart Park").unwrap();
    /// let investment = park.amount(AmountKind::TotalInvestment).unwrap();
    /// let quote = park.quote_containing(&investment.as_written).unwrap();
    /// assert!(quote.text.contains("1.4 billion yuan"));
    /// assert!(quote.position().unwrap().line > 1);
    /// ```
    fn quote_containing(&self, words: &str) -> Option<&Quote> {
        quote_containing(self.quotes(), words)
    }

    /// The canonical name followed by every alias.
    ///
    /// ```
    /// use china_singapore::Record;
    /// let kc = china_singapore::dataset().projects().by_name("csgkc").unwrap();
    /// let names: Vec<&str> = kc.names().collect();
    /// assert_eq!(names[0], "China-Singapore Guangzhou Knowledge City");
    /// assert!(names.contains(&"CSGKC"));
    /// ```
    fn names(&self) -> impl Iterator<Item = &str> {
        core::iter::once(self.name()).chain(self.aliases().iter().map(|a| a.name.as_str()))
    }

    /// Every link this record makes to another record or to a country, in field order.
    ///
    /// ```
    /// use china_singapore::{Kind, Record, model::{Relation, Target}};
    /// let ncs = china_singapore::dataset().organizations().by_id("ncs").unwrap();
    /// let parent = ncs.links().into_iter().find(|l| l.relation == Relation::Parent).unwrap();
    /// assert_eq!(parent.target, Target::Record(Kind::Organization, "singapore-telecom"));
    /// ```
    fn links(&self) -> Vec<Link<'_>> {
        let mut d = Described::default();
        sealed::Describe::describe(self, &mut d);
        d.links
    }
}

/// The first quote holding `words`, as written or else ignoring case and the kind of
/// space (a no-break space matches a space).
pub(crate) fn quote_containing<'q>(quotes: &'q [Quote], words: &str) -> Option<&'q Quote> {
    let as_written = quotes.iter().find(|q| q.text.contains(words) && !words.trim().is_empty());
    as_written.or_else(|| quotes.iter().find(|q| find_loosely(&q.text, words).is_some()))
}

/// Where a word was found: its quote, and its byte range in the quote's text.
pub(crate) type FoundIn<'q> = Option<(&'q Quote, usize, usize)>;

/// For each of `words`, the quote [`quote_containing`] returns and where in it the words
/// are, found in one pass over the quotes (and one more, ignoring case and the kind of
/// space, for the words not found as written): many words cost their length plus the
/// quotes', not their product.
pub(crate) fn quotes_containing<'q>(quotes: &'q [Quote], words: &[&str]) -> Vec<FoundIn<'q>> {
    // The texts joined by NUL (which no searched words hold), and where each one starts.
    fn joined<'s>(texts: impl Iterator<Item = &'s str>) -> (String, Vec<usize>) {
        let (mut all, mut starts) = (String::new(), Vec::new());
        for t in texts {
            starts.push(all.len());
            all.push_str(t);
            all.push('\0');
        }
        (all, starts)
    }
    // The quote holding byte `at` of the joined text, and the offset within it.
    let locate = |starts: &[usize], at: usize| {
        let i = starts.partition_point(|&s| s <= at).checked_sub(1)?;
        Some((i, at - starts[i]))
    };
    let searchable = |w: &&str| !w.trim().is_empty() && !w.contains('\0');
    let (text, starts) = joined(quotes.iter().map(|q| q.text.as_str()));
    let patterns: Vec<&[u8]> = words.iter().map(|w| if searchable(w) { w.as_bytes() } else { &[] }).collect();
    let firsts = crate::index::quotes::first_occurrences(text.as_bytes(), &patterns);
    let mut found: Vec<FoundIn<'q>> = firsts
        .into_iter()
        .zip(words)
        .map(|(at, w)| {
            let (i, from) = locate(&starts, at.filter(|_| searchable(w))?)?;
            Some((quotes.get(i)?, from, from + w.len()))
        })
        .collect();
    if found.iter().zip(words).any(|(f, w)| f.is_none() && searchable(w)) {
        let folded_quotes: Vec<(String, Vec<(usize, usize)>)> = quotes.iter().map(|q| folded(&q.text)).collect();
        let (text, starts) = joined(folded_quotes.iter().map(|(f, _)| f.as_str()));
        let folded_words: Vec<String> = words.iter().map(|w| folded(w.trim()).0).collect();
        let patterns: Vec<&[u8]> =
            folded_words.iter().zip(words).map(|(f, w)| if searchable(w) { f.as_bytes() } else { &[] }).collect();
        let loose = crate::index::quotes::first_occurrences(text.as_bytes(), &patterns);
        for (((slot, at), w), f) in found.iter_mut().zip(loose).zip(words).zip(&folded_words) {
            if slot.is_some() || !searchable(w) || f.is_empty() {
                continue;
            }
            *slot = at.and_then(|at| {
                let (i, from) = locate(&starts, at)?;
                let map = &folded_quotes.get(i)?.1;
                Some((quotes.get(i)?, map.get(from)?.0, map.get(from + f.len() - 1)?.1))
            });
        }
    }
    found
}

/// The byte range of the first occurrence of `phrase` in `text`, as written or else
/// ignoring case and the kind of space; `None` for a phrase with no visible character.
pub(crate) fn find_loosely(text: &str, phrase: &str) -> Option<(usize, usize)> {
    if phrase.trim().is_empty() {
        return None;
    }
    if let Some(at) = text.find(phrase) {
        return Some((at, at + phrase.len()));
    }
    let (hay, map) = folded(text);
    let (needle, _) = folded(phrase.trim());
    let at = memchr::memmem::find(hay.as_bytes(), needle.as_bytes())?;
    Some((map[at].0, map[at + needle.len() - 1].1))
}

/// `text` lower-cased with each run of white space one space, and, for each byte of the
/// result, the byte range of the character of `text` it comes from.
fn folded(text: &str) -> (String, Vec<(usize, usize)>) {
    let (mut out, mut map) = (String::with_capacity(text.len()), Vec::with_capacity(text.len()));
    let mut space = false;
    for (i, c) in text.char_indices() {
        let source = (i, i + c.len_utf8());
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                map.push(source);
            }
            space = true;
            continue;
        }
        space = false;
        for lower in c.to_lowercase() {
            out.push(lower);
            map.extend(core::iter::repeat_n(source, lower.len_utf8()));
        }
    }
    (out, map)
}

/// Everything a record's `Describe` hands over, collected, for code that reads it all
/// (the loader's checks, the linked-data export). Texts are kept only when asked for
/// ([`Described::with_texts`]): the loader has no use for them.
#[derive(Default)]
pub(crate) struct Described<'r> {
    pub(crate) links: Vec<Link<'r>>,
    pub(crate) dates: Vec<(EventKind, &'r super::PartialDate)>,
    pub(crate) counts: Vec<&'r super::Count>,
    pub(crate) amounts: Vec<&'r super::Amount>,
    /// `None` unless made [`Described::with_texts`].
    pub(crate) texts: Option<Vec<(TextKind, &'r str)>>,
    pub(crate) problems: Vec<(Option<&'r str>, String)>,
}

impl Described<'_> {
    /// A collector that keeps the texts too.
    pub(crate) fn with_texts() -> Self {
        Described { texts: Some(Vec::new()), ..Described::default() }
    }
}

impl<'r> sealed::Visitor<'r> for Described<'r> {
    fn link(&mut self, link: Link<'r>) {
        self.links.push(link);
    }
    fn date(&mut self, event: EventKind, date: &'r super::PartialDate) {
        self.dates.push((event, date));
    }
    fn count(&mut self, count: &'r super::Count) {
        self.counts.push(count);
    }
    fn amount(&mut self, amount: &'r super::Amount) {
        self.amounts.push(amount);
    }
    fn text(&mut self, field: TextKind, text: &'r str) {
        if let Some(texts) = &mut self.texts {
            texts.push((field, text));
        }
    }
    fn problem(&mut self, at: Option<&'r str>, message: String) {
        self.problems.push((at, message));
    }
}

/// Mutable access to a record's quotes, for the loader, which finds where each sits.
pub(crate) trait Quoted {
    fn quotes_mut(&mut self) -> &mut [Quote];
}

pub(crate) mod sealed {
    /// Seals [`Record`](super::Record): implemented for the seven kinds by `for_each_kind!`.
    pub trait Sealed: Describe {
        /// The record as an [`AnyRecord`](crate::AnyRecord).
        fn as_any(&self) -> crate::model::AnyRecord<'_>;
    }

    /// How a kind hands its fields to a [`Visitor`](super::Visitor). Written by hand, once
    /// per kind, next to the kind's struct.
    pub trait Describe {
        /// Hands every link, date, figure and text of the record to `v`, and reports any
        /// value the type forbids (a phase 0, a talk without a current title, …).
        fn describe<'r>(&'r self, v: &mut dyn Visitor<'r>);
    }

    /// Receives a record's fields from `Describe::describe`. Every method has an empty default,
    /// so a visitor implements only what it reads.
    pub trait Visitor<'r> {
        /// A link to another record or a country.
        fn link(&mut self, _link: super::Link<'r>) {}
        /// A date, and what happened on it.
        fn date(&mut self, _event: super::EventKind, _date: &'r crate::model::PartialDate) {}
        /// A counted figure (its date, if any, is also given to [`Visitor::date`]).
        fn count(&mut self, _count: &'r crate::model::Count) {}
        /// An amount of money.
        fn amount(&mut self, _amount: &'r crate::model::Amount) {}
        /// A value the record's type forbids: where to point (a value in the record's JSON, if
        /// any) and what is wrong.
        fn problem(&mut self, _at: Option<&'r str>, _message: String) {}
        /// A text the record holds, other than its names and quotes (for search).
        fn text(&mut self, _field: super::TextKind, _text: &'r str) {}
    }
}

closed_enum! {
    /// What a [`Link`] says about its source and its target.
    #[non_exhaustive]
    pub enum Relation {
        /// A place lies within another place.
        Within = "within",
        /// A record lies in, or belongs to, a country.
        Country = "country",
        /// An organisation is based in a place.
        BasedIn = "based-in",
        /// An organisation belongs to, or is owned by, another ([`Link::role`] says how).
        Parent = "parent",
        /// A project or forum is located in a place.
        Place = "place",
        /// A project or agreement is part of a larger one.
        PartOf = "part-of",
        /// An organisation takes part in a project, agreement or forum ([`Link::role`] says how).
        Involves = "involves",
        /// A project or an organisation belongs to a project (an office of the Knowledge City).
        BelongsTo = "belongs-to",
        /// A project starts from another (regional energy starting from the Knowledge Tower).
        StartsFrom = "starts-from",
        /// A project extends, or is to extend, to another.
        ExtendsTo = "extends-to",
        /// A project integrates the strategy of an initiative or agreement.
        Integrates = "integrates",
        /// A project is set against the backdrop of another.
        Backdrop = "backdrop",
        /// An organisation or country is a party to an agreement.
        Party = "party",
        /// A person signed an agreement.
        Signatory = "signatory",
        /// An agreement was signed at a meeting.
        SignedAt = "signed-at",
        /// An agreement is the law of a place.
        Jurisdiction = "jurisdiction",
        /// An agreement concerns a project.
        Concerns = "concerns",
        /// A party named by an agreement's milestone (e.g. who takes over a presidency).
        MilestoneParty = "milestone-party",
        /// An event is part of, or supports, a larger event.
        ParentEvent = "parent-event",
        /// An event is an edition of a recurring series.
        EditionOf = "edition-of",
        /// A meeting is a meeting of a standing council.
        MeetingOf = "meeting-of",
        /// A person speaks in a forum's programme, in order.
        Programme = "programme",
        /// A person's statements are about an agreement.
        SpeaksAbout = "speaks-about",
        /// A person spoke or took part at a meeting.
        SpokeAt = "spoke-at",
        /// A person holds a post in an organisation.
        PostIn = "post-in",
        /// A person's post represents a country.
        Represents = "represents",
    }
}

impl Relation {
    /// True for the relations that nest records (`within`, `parent`, `part-of`,
    /// `parent-event`): they must form a hierarchy, and filters follow them transitively.
    /// (`edition-of` is not one: a series holds its editions, not the other way.)
    ///
    /// ```
    /// use china_singapore::model::Relation;
    /// assert!(Relation::PartOf.is_containment());
    /// assert!(!Relation::Party.is_containment());
    /// ```
    pub fn is_containment(self) -> bool {
        matches!(self, Relation::Within | Relation::Parent | Relation::PartOf | Relation::ParentEvent)
    }
}

/// What a [`Link`] points at: a record of some kind (by id), or a country.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target<'a> {
    /// A record, by kind and id.
    Record(Kind, &'a str),
    /// A country acting as a state, or the country something lies in.
    Country(super::Country),
}

impl fmt::Display for Target<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Record(kind, id) => write!(f, "{kind} `{id}`"),
            Target::Country(c) => write!(f, "country `{c}`"),
        }
    }
}

/// The part an organisation plays, or how it relates to its parent, on a [`Link`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// In a project.
    Project(super::ProjectRole),
    /// In an agreement, other than as a party.
    Agreement(super::AgreementRole),
    /// In a forum.
    Forum(super::ForumRole),
    /// To a parent organisation.
    Parent(super::ParentRelation),
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Role::Project(r) => r.fmt(f),
            Role::Agreement(r) => r.fmt(f),
            Role::Forum(r) => r.fmt(f),
            Role::Parent(r) => r.fmt(f),
        }
    }
}

/// One link from a record to another record or to a country.
///
/// ```
/// use china_singapore::{Record, model::Relation};
/// let ds = china_singapore::dataset();
/// let mou = ds.agreements().by_id("mou-service-industry-development").unwrap();
/// let signers: Vec<_> = mou.links().into_iter().filter(|l| l.relation == Relation::Signatory).collect();
/// assert_eq!(signers.len(), 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Link<'a> {
    /// What the link says.
    pub relation: Relation,
    /// What it points at.
    pub target: Target<'a>,
    /// The part played, for `involves` and `parent` links.
    pub role: Option<Role>,
    /// How the link is known: stated by the text, implied, plain geography, …
    pub basis: super::Basis,
    /// The JSON field that holds the link, for messages (e.g. `posts.organization`).
    pub(crate) field: &'static str,
}

impl<'a> Link<'a> {
    /// A link to a record of kind `kind`, held in the JSON field `field`.
    pub(crate) fn to(relation: Relation, field: &'static str, kind: Kind, r: &'a super::Ref<impl AsRef<str>>) -> Self {
        Link { relation, target: Target::Record(kind, r.id.as_ref()), role: None, basis: r.basis, field }
    }

    /// A link to a country, held in the JSON field `field`.
    pub(crate) fn country(relation: Relation, field: &'static str, r: &super::Ref<super::Country>) -> Self {
        Link { relation, target: Target::Country(r.id), role: None, basis: r.basis, field }
    }

    /// A link to a target given with its basis.
    pub(crate) fn target(relation: Relation, field: &'static str, target: Target<'a>, basis: super::Basis) -> Self {
        Link { relation, target, role: None, basis, field }
    }

    /// The same link with a role.
    pub(crate) fn with_role(mut self, role: Role) -> Self {
        self.role = Some(role);
        self
    }
}

closed_enum! {
    /// Which of a record's texts a search hit is in.
    #[non_exhaustive]
    pub enum TextKind {
        /// The canonical name.
        Name = "name",
        /// An alias.
        Alias = "alias",
        /// A verbatim quote.
        Quote = "quote",
        /// A description.
        Description = "description",
        /// An aim.
        Aim = "aim",
        /// An achievement.
        Achievement = "achievement",
        /// A person's statement.
        Statement = "statement",
        /// A meeting's theme or topic.
        Theme = "theme",
        /// A finding of a meeting.
        Finding = "finding",
        /// A key issue.
        Issue = "issue",
        /// A note.
        Note = "note",
        /// A talk's title (any version).
        TalkTitle = "talk-title",
        /// What a talk did or argued.
        Summary = "summary",
        /// Who took part.
        Participants = "participants",
        /// A document's subheading.
        Subheading = "subheading",
    }
}

closed_enum! {
    /// What happened on a date a record gives.
    #[non_exhaustive]
    pub enum EventKind {
        /// A project opened or started.
        Started = "started",
        /// A meeting was held.
        Held = "held",
        /// An agreement was signed.
        Signed = "signed",
        /// An agreement came into force.
        InForce = "in-force",
        /// An agreement takes effect.
        TakesEffect = "takes-effect",
        /// Follow-up talks on an upgrade were announced.
        UpgradeTalksAnnounced = "upgrade-talks-announced",
        /// A party takes over a presidency.
        PresidencyTakenOver = "presidency-taken-over",
        /// The date a counted figure applies to.
        Figure = "figure",
    }
}

impl EventKind {
    /// True for what can happen to an agreement, and so be an agreement milestone:
    /// signed, in force, takes effect, upgrade talks announced, presidency taken over.
    ///
    /// ```
    /// use china_singapore::model::EventKind;
    /// assert!(EventKind::Signed.is_milestone());
    /// assert!(!EventKind::Held.is_milestone());
    /// ```
    pub fn is_milestone(self) -> bool {
        !matches!(self, EventKind::Started | EventKind::Held | EventKind::Figure)
    }
}
