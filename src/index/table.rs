//! [`Table`]: the records of one kind with their id and name indexes.

use hashbrown::HashMap;
use hashbrown::hash_map::Entry;
use once_cell::sync::OnceCell;

use super::name::{self, NAME_BUF};
use super::suggest::SuggestIndex;
use crate::error::NotFound;
use crate::model::Record;

/// The longest id, in bytes, lower-cased on the stack; a longer query with capitals is
/// lower-cased on the heap, and only when some id is that long.
const ID_BUF: usize = 128;

/// The records of one kind, with lookups by id and by name.
///
/// Three ways to look a record up, by what you hold:
/// - [`by_id`](Table::by_id): an id, ignoring ASCII case;
/// - [`by_name`](Table::by_name): a name or alias, under the name rule;
/// - [`lookup`](Table::lookup): either, id first, with the closest names when neither
///   matches.
///
/// `by_id` and `by_name` allocate nothing (for ids up to 128 bytes and normalized names up
/// to 256). The keys sit in hashbrown maps with foldhash's per-process random seed, so
/// names in a user's data cannot be chosen to collide.
///
/// ```
/// let projects = china_singapore::dataset().projects();
/// assert_eq!(projects.by_id("China-Singapore-Smart-Park").unwrap().name, "China-Singapore Smart Park");
/// assert_eq!(projects.by_name("csgks").unwrap().id, "china-singapore-guangzhou-knowledge-city");
/// ```
#[derive(Clone, Debug)]
pub struct Table<T> {
    records: Vec<T>,
    /// Every id, lower-cased.
    ids: HashMap<Box<str>, u32>,
    /// Every name and alias, normalized, with ordinals both ways.
    names: HashMap<Box<str>, u32>,
    longest_id: usize,
    longest_name: usize,
    /// The words of every name, for suggestions; built on the first suggestion.
    suggestions: OnceCell<SuggestIndex>,
}

/// How far (see [`Suggestion::distance`]) a name may be from what was typed to be offered
/// in a [`NotFound`]: about three typos, or a dozen missing words.
const NOT_FOUND_MAX_DISTANCE: f32 = 4.0;

/// A record whose name is close to what was typed: from [`Table::suggest`] (`R` is `&T`)
/// or [`Dataset::suggest`](crate::Dataset::suggest) (`R` is an [`AnyRecord`](crate::AnyRecord)).
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Suggestion<'a, R> {
    /// The record.
    pub record: R,
    /// Which of its names (the canonical name or an alias) was closest.
    pub name: &'a str,
    /// How far it was: 0 for a name equal under the name rule, about one per edit, a
    /// little more for each missing or extra word.
    pub distance: f32,
}

/// An id, name or alias that two records of one kind share, found while building a [`Table`].
pub(crate) struct Clash {
    /// The id or name as the second record gives it.
    pub(crate) key: String,
    /// True for an id, false for a name or alias.
    pub(crate) is_id: bool,
    pub(crate) first: u32,
    pub(crate) second: u32,
}

/// Adds `key` for record `at`; returns the record already holding it, if another does.
fn insert(map: &mut HashMap<Box<str>, u32>, key: String, at: u32) -> Option<u32> {
    match map.entry(key.into_boxed_str()) {
        Entry::Occupied(e) => Some(*e.get()).filter(|&first| first != at),
        Entry::Vacant(e) => {
            e.insert(at);
            None
        }
    }
}

impl<T: Record> Table<T> {
    /// Builds the indexes. Clashing ids and names are reported; the first record keeps them.
    pub(crate) fn build(records: Vec<T>) -> (Self, Vec<Clash>) {
        let mut table = Table { records: Vec::new(), ..Table::default() };
        let mut clashes = Vec::new();
        for (i, r) in records.iter().enumerate() {
            let at = i as u32;
            let id = r.id().to_ascii_lowercase();
            table.longest_id = table.longest_id.max(id.len());
            if let Some(first) = insert(&mut table.ids, id, at) {
                clashes.push(Clash { key: r.id().to_owned(), is_id: true, first, second: at });
            }
            for given in r.names() {
                clashes.extend(table.add_name(given, at));
            }
        }
        table.records = records;
        (table, clashes)
    }

    /// Adds the keys of one name of record `at`; the clash, if another record holds one.
    fn add_name(&mut self, given: &str, at: u32) -> Option<Clash> {
        for key in name::keys(given) {
            self.longest_name = self.longest_name.max(key.len());
            if let Some(first) = insert(&mut self.names, key, at) {
                return Some(Clash { key: given.to_owned(), is_id: false, first, second: at });
            }
        }
        None
    }

    /// Every record, in file order.
    ///
    /// ```
    /// let places = china_singapore::dataset().places();
    /// assert!(places.as_slice().iter().any(|p| p.name == "Guangzhou"));
    /// ```
    pub fn as_slice(&self) -> &[T] {
        &self.records
    }

    /// Every record, mutably: for the loader, which fills in what the record files do not
    /// hold (a document's text). Ids and names must not change.
    pub(crate) fn records_mut(&mut self) -> &mut [T] {
        &mut self.records
    }

    /// Iterates over every record, in file order.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let first = ds.forums().iter().next().unwrap();
    /// assert!(std::ptr::eq(first, &ds.forums().as_slice()[0]));
    /// ```
    pub fn iter(&self) -> core::slice::Iter<'_, T> {
        self.records.iter()
    }

    /// The number of records.
    ///
    /// ```
    /// assert_eq!(china_singapore::dataset().documents().len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// True when there are no records.
    ///
    /// ```
    /// let ds = china_singapore::Dataset::default();
    /// assert!(ds.speakers().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The record with this id, ignoring ASCII case (`RCEP` finds `rcep`; the loader only
    /// accepts lower-case slugs). Allocates nothing.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.agreements().by_id("RCEP").unwrap().id, "rcep");
    /// assert!(ds.agreements().by_id("no-such-agreement").is_none());
    /// ```
    pub fn by_id(&self, id: impl AsRef<str>) -> Option<&T> {
        self.records.get(self.position(id.as_ref())? as usize)
    }

    /// The record whose name or any alias matches under **the name rule**: two names are
    /// one when they are equal after
    ///
    /// 1. Unicode compatibility caseless matching (NFKD, full case folding, NFKD again, as
    ///    in Unicode's definition D146), recomposed (NFC);
    /// 2. keeping only letters and digits;
    /// 3. reading an ordinal from 1 to 99 either way (`fourth` or `4th`).
    ///
    /// So `CSGKC`, `c.s.g.k.c.` and `Csgkc` are one name, and so are `Straße` and
    /// `STRASSE`, `Café` in NFC and NFD, and `ﬁsh` and `fish`. The loader refuses two
    /// records of one kind whose names are one under this rule. Allocates nothing: the
    /// query is normalized into a stack buffer.
    ///
    /// ```
    /// let projects = china_singapore::dataset().projects();
    /// let kc = projects.by_name("csgks").unwrap();
    /// assert!(std::ptr::eq(kc, projects.by_name("C.S.G.K.C.").unwrap()));
    /// assert!(std::ptr::eq(kc, projects.by_name("china singapore guangzhou knowledge city").unwrap()));
    /// let forums = china_singapore::dataset().forums();
    /// assert_eq!(forums.by_name("4th China International Import Expo").unwrap().id, "ciie-4");
    /// ```
    pub fn by_name(&self, name: impl AsRef<str>) -> Option<&T> {
        self.records.get(self.name_position(name.as_ref())? as usize)
    }

    /// The record with this id, or else this name or alias (see [`Table::by_id`] and
    /// [`Table::by_name`]); when neither matches, an error carrying the closest names of
    /// this kind, for a "did you mean".
    ///
    /// # Errors
    ///
    /// [`NotFound`] when no record has this id, name or alias.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.speakers().lookup("wei-zhe").unwrap().name, "Wei Zhe");
    /// assert_eq!(ds.speakers().lookup("Wei Zhe").unwrap().id, "wei-zhe");
    /// let err = ds.speakers().lookup("Wei Zhi").unwrap_err();
    /// assert_eq!(err.suggestions[0], "Wei Zhe");
    /// ```
    pub fn lookup(&self, id_or_name: impl AsRef<str>) -> Result<&T, NotFound> {
        let q = id_or_name.as_ref();
        self.position_of(q).and_then(|i| self.records.get(i as usize)).ok_or_else(|| self.not_found(q))
    }

    /// The position of the record with this id. Ids are stored lower-cased, so a query as
    /// typed is looked up first, and lower-cased (on the stack) only if that misses and it
    /// has capitals.
    #[inline]
    pub(crate) fn position(&self, id: &str) -> Option<u32> {
        if let Some(&at) = self.ids.get(id) {
            return Some(at);
        }
        // A fold rather than `any`, so that the scan of a query with no capitals vectorizes.
        if id.len() > self.longest_id || !id.bytes().fold(false, |caps, b| caps | b.is_ascii_uppercase()) {
            return None;
        }
        let mut buf = [0u8; ID_BUF];
        match buf.get_mut(..id.len()) {
            Some(lower) => {
                lower.copy_from_slice(id.as_bytes());
                lower.make_ascii_lowercase();
                self.ids.get(core::str::from_utf8(lower).ok()?).copied()
            }
            None => self.ids.get(id.to_ascii_lowercase().as_str()).copied(),
        }
    }

    /// The position of the record with this name or alias.
    #[inline]
    fn name_position(&self, q: &str) -> Option<u32> {
        let mut buf = [0u8; NAME_BUF];
        match name::normalize_into(q, &mut buf) {
            Some(key) => self.names.get(key).copied(),
            None if self.longest_name <= NAME_BUF => None,
            None => self.names.get(name::normalized(q).as_str()).copied(),
        }
    }

    /// The position of the record with this id, or else with this name or alias.
    pub(crate) fn position_of(&self, q: &str) -> Option<u32> {
        self.position(q).or_else(|| self.name_position(q))
    }

    /// The error for a name or id that matched nothing here: the three closest names, each
    /// at most [`NOT_FOUND_MAX_DISTANCE`] off, and none much further off than the best.
    pub(crate) fn not_found(&self, q: &str) -> NotFound {
        let found = self.suggest(q, 3);
        let best = found.first().map_or(0.0, |s| s.distance);
        let near = |s: &&Suggestion<'_, &T>| s.distance <= NOT_FOUND_MAX_DISTANCE && s.distance <= best + 1.5;
        let suggestions = found.iter().filter(near).map(|s| s.name.to_owned()).collect();
        NotFound { kind: Some(T::KIND), query: q.to_owned(), suggestions, elsewhere: Vec::new() }
    }

    /// The records whose names or aliases are closest to `query`, best first, at most `n`,
    /// each record once: for "did you mean". A record with this id, or a name equal under
    /// the name rule, comes first at distance 0. Otherwise typos cost their edits (a swap
    /// of two letters is one), words may come in any order, missing or extra words cost a
    /// little, and ordinals match written either way. Linear in what was typed: see
    /// [the bounds](crate::guide#bounds).
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let s = ds.projects().suggest("Knowlege City", 3);
    /// assert_eq!(s[0].record.id, "china-singapore-guangzhou-knowledge-city");
    /// assert_eq!(ds.projects().suggest("Smart Prak", 1)[0].record.id, "china-singapore-smart-park");
    /// assert_eq!(ds.speakers().suggest("Wei Zhi", 1)[0].record.name, "Wei Zhe");
    /// let exact = ds.speakers().suggest("Chi Fu Lin", 1);
    /// assert_eq!((exact[0].record.name.as_str(), exact[0].distance), ("Chi Fulin", 0.0));
    /// ```
    pub fn suggest(&self, query: impl AsRef<str>, n: usize) -> Vec<Suggestion<'_, &T>> {
        let query = query.as_ref();
        let exact = self.position_of(query).and_then(|i| {
            let record = self.records.get(i as usize)?;
            let normal = name::normalized(query);
            let name = record.names().find(|m| name::keys(m).contains(&normal)).unwrap_or(record.name());
            Some(Suggestion { record, name, distance: 0.0 })
        });
        let index = self.suggestions.get_or_init(|| SuggestIndex::build(&self.records));
        let near = index.suggest(query, n).into_iter().filter_map(|(r, nth, distance)| {
            let record = self.records.get(r as usize)?;
            let other = exact.is_none_or(|e| !core::ptr::eq(e.record, record));
            Some(Suggestion { record, name: record.names().nth(nth as usize)?, distance }).filter(|_| other)
        });
        exact.into_iter().chain(near).take(n).collect()
    }
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            records: Vec::new(),
            ids: HashMap::default(),
            names: HashMap::default(),
            longest_id: 0,
            longest_name: 0,
            suggestions: OnceCell::new(),
        }
    }
}

impl<T: PartialEq> PartialEq for Table<T> {
    fn eq(&self, other: &Self) -> bool {
        self.records == other.records
    }
}

impl<'a, T: Record> IntoIterator for &'a Table<T> {
    type Item = &'a T;
    type IntoIter = core::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: serde::Serialize> serde::Serialize for Table<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.records.serialize(s)
    }
}
