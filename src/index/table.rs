//! [`Table`]: the records of one kind with their id and name indexes.

use once_cell::sync::OnceCell;

use super::key::{self, NAME_BUF, NameBuf, Seed};
use super::suggest::SuggestIndex;
use crate::error::NotFound;
use crate::model::Record;

/// One slot of an open-addressing hash table. `len == u32::MAX` marks an empty slot.
#[derive(Clone, Copy, Debug)]
struct Slot {
    tag: u32,
    target: u32,
    off: u32,
    len: u32,
}

const EMPTY: Slot = Slot { tag: 0, target: 0, off: 0, len: u32::MAX };

/// A string-keyed hash index whose keys live in one arena, hashed with the process's
/// random seed. A slot keeps 32 bits of its key's hash, so a hit reads one slot and the
/// key, and almost no miss reads a key at all.
///
/// (A `hashbrown::HashTable` of arena offsets was tried in its place: lookups were 1.4 to
/// 1.8 times an `FxHashMap`'s against 1.0 to 1.3 for this table, missing the benches'
/// targets, because its control bytes and entries are two reads before the key.)
#[derive(Clone, Debug)]
pub(crate) struct KeyIndex {
    slots: Vec<Slot>,
    arena: String,
    mask: usize,
    seed: Seed,
}

impl Default for KeyIndex {
    fn default() -> Self {
        KeyIndex { slots: Vec::new(), arena: String::new(), mask: 0, seed: Seed::random() }
    }
}

/// A key waiting to be placed: its hash, where it is in the arena, and its record.
struct Pending {
    hash: u64,
    off: u32,
    len: u32,
    target: u32,
}

/// Keys gathered into one arena, each as it is to be matched, before a [`KeyIndex`] is
/// built in one pass.
pub(crate) struct KeyBuilder {
    arena: String,
    keys: Vec<Pending>,
    seed: Seed,
}

impl KeyBuilder {
    pub(crate) fn new() -> Self {
        KeyBuilder { arena: String::new(), keys: Vec::new(), seed: Seed::random() }
    }

    /// Adds a key for `target`; returns its position among the pushed keys.
    pub(crate) fn push(&mut self, k: &str, target: u32) -> usize {
        let off = self.arena.len();
        self.arena.push_str(k);
        let hash = key::hash_key::<false>(self.seed, k.as_bytes());
        self.keys.push(Pending { hash, off: off as u32, len: k.len() as u32, target });
        self.keys.len() - 1
    }
}

impl KeyIndex {
    fn start(&self, h: u64) -> usize {
        (h as usize ^ (h >> 32) as usize) & self.mask
    }

    /// Builds the index from gathered keys in one pass. Keys are placed in the order of
    /// their home slots, so the slot array is written almost sequentially (this matters
    /// once it outgrows the caches). Among equal keys the first pushed wins; returns, for
    /// each later one, its position among the pushed keys and the winner's target.
    pub(crate) fn build(keys: KeyBuilder) -> (Self, Vec<(usize, u32)>) {
        let KeyBuilder { arena, keys, seed } = keys;
        // Small indexes (the usual case) get a load factor of at most a quarter, so a miss
        // almost always ends at its first slot; large ones at most a half, to stay compact.
        let spread = if keys.len() <= 1 << 16 { 4 } else { 2 };
        let cap = (keys.len().max(4) * spread).next_power_of_two();
        let mut index = Self { slots: vec![EMPTY; cap], arena, mask: cap - 1, seed };
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_unstable_by_key(|&k| (index.start(keys[k].hash), k));
        let mut taken = Vec::new();
        for k in order {
            let p = &keys[k];
            let arena = index.arena.as_bytes();
            let key = &arena[p.off as usize..(p.off + p.len) as usize];
            if let Some(t) = index.probe(p.hash, |other| other == key) {
                taken.push((k, t));
                continue;
            }
            let mut i = index.start(p.hash);
            while index.slots[i].len != u32::MAX {
                i = (i + 1) & index.mask;
            }
            index.slots[i] = Slot { tag: (p.hash >> 32) as u32, target: p.target, off: p.off, len: p.len };
        }
        (index, taken)
    }

    #[inline(always)]
    fn probe(&self, h: u64, mut eq: impl FnMut(&[u8]) -> bool) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let tag = (h >> 32) as u32;
        let arena = self.arena.as_bytes();
        let mut i = self.start(h);
        loop {
            let s = self.slots[i];
            if s.len == u32::MAX {
                return None;
            }
            if s.tag == tag {
                let key = arena.get(s.off as usize..(s.off as usize + s.len as usize))?;
                if eq(key) {
                    return Some(s.target);
                }
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Looks up a key as given, then, if it has ASCII capitals, among the lower-cased keys
    /// ignoring ASCII case.
    #[inline(always)]
    pub(crate) fn get_exact(&self, q: &str) -> Option<u32> {
        let q = q.as_bytes();
        let (h, capitals) = key::hash_and_case::<false>(self.seed, &q[..q.len().min(NAME_BUF)], q.len());
        let hit = self.probe(h, |k| key::eq_bytes(q, k));
        if hit.is_some() || !capitals { hit } else { self.get_folded(q) }
    }

    #[inline(never)]
    fn get_folded(&self, q: &[u8]) -> Option<u32> {
        self.probe(key::hash_key::<true>(self.seed, q), |k| key::eq_folded(q, k))
    }

    /// Looks up a key exactly as given (a name in one of its stored forms).
    #[inline(always)]
    pub(crate) fn get_as_given(&self, q: &str) -> Option<u32> {
        let q = q.as_bytes();
        self.probe(key::hash_key::<false>(self.seed, q), |k| key::eq_bytes(q, k))
    }

    /// Looks up a name by its normalised form.
    #[inline]
    pub(crate) fn get_normalised(&self, name: &str) -> Option<u32> {
        let mut buf: NameBuf = [0; NAME_BUF + 8];
        let n = key::normalize_into(name, &mut buf);
        let prefix = &buf[..n.min(NAME_BUF)];
        let h = key::hash::<false>(self.seed, prefix, n);
        if n <= NAME_BUF {
            self.probe(h, |k| key::eq_bytes(k, prefix))
        } else {
            self.probe(h, |k| key::normalized_bytes(name).eq(k.iter().copied()))
        }
    }
}

/// The records of one kind, with case-insensitive lookup by id and by name or alias.
///
/// ```
/// let projects = china_singapore::dataset().projects();
/// assert!(projects.len() > 10);
/// assert_eq!(projects.get("China-Singapore-Smart-Park").unwrap().name, "China-Singapore Smart Park");
/// assert_eq!(projects.find("csgks").unwrap().id, "china-singapore-guangzhou-knowledge-city");
/// ```
#[derive(Clone, Debug)]
pub struct Table<T> {
    records: Vec<T>,
    ids: KeyIndex,
    /// Every name and alias, normalised (see the name rule in `key.rs`).
    names: KeyIndex,
    /// Every name and alias in the forms people type them in (see `typed_forms`), which a
    /// query is first looked up among as given, before it is normalised. Built on the first
    /// lookup by name, so that loading does not pay for it.
    typed: OnceCell<KeyIndex>,
    /// The words of every name, for suggestions; built on the first suggestion.
    suggestions: OnceCell<SuggestIndex>,
}

/// How far (see [`Suggestion::distance`]) a name may be from what was typed to be offered
/// in a [`NotFound`]: about three typos, or a dozen missing words.
const NOT_FOUND_MAX_DISTANCE: f32 = 4.0;

/// A record whose name is close to what was typed (see [`Table::suggest`]).
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Suggestion<'a, T> {
    /// The record.
    pub record: &'a T,
    /// Which of its names (the canonical name or an alias) was closest.
    pub name: &'a str,
    /// How far it was: 0 for every word matched as typed, about one per edit, a little
    /// more for each missing or extra word.
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

/// The normalised keys of a name: its normalised form, and the same with each ordinal
/// written the other way (`fourth` ↔ `4th`) if it has one.
fn normalised_keys(name: &str) -> Vec<String> {
    let normal = key::normalized(name);
    let variant = key::might_have_ordinal(name).then(|| key::ordinal_variant(&key::spaced(name))).flatten();
    let variant = variant.map(|v| key::normalized(&v)).filter(|v| *v != normal);
    core::iter::once(normal).chain(variant).collect()
}

/// The forms people type a name in, which normalise like it and are found without
/// normalising the query: normalised, as written, lower case, upper case, spaced (lower
/// case, one space for each run of other characters) and run together (letters and digits
/// only, as written). Only for names of ASCII and typographic punctuation, whose forms are sure to
/// normalise alike.
fn typed_forms(name: &str) -> Vec<String> {
    if !name.chars().all(|c| c.is_ascii() || key::is_inert(c)) {
        return Vec::new();
    }
    let run_together: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
    let normal = run_together.to_ascii_lowercase();
    let forms =
        [name.to_owned(), name.to_ascii_lowercase(), name.to_ascii_uppercase(), key::spaced(name), run_together];
    let mut out: Vec<String> = vec![normal];
    for form in forms {
        if !out.contains(&form) {
            out.push(form);
        }
    }
    out
}

impl<T: Record> Table<T> {
    /// Builds the indexes. Clashing ids and names are reported; the first record keeps them.
    pub(crate) fn build(records: Vec<T>) -> (Self, Vec<Clash>) {
        let mut ids = KeyBuilder::new();
        for (i, r) in records.iter().enumerate() {
            ids.push(&r.id().to_ascii_lowercase(), i as u32);
        }
        let mut names = KeyBuilder::new();
        // (record, name number) of every normalised key, by its position among the keys.
        let mut owners: Vec<(u32, usize)> = Vec::new();
        for (i, r) in records.iter().enumerate() {
            for (n, name) in r.names().enumerate() {
                for k in normalised_keys(name) {
                    names.push(&k, i as u32);
                    owners.push((i as u32, n));
                }
            }
        }
        let (ids, taken_ids) = KeyIndex::build(ids);
        let (names, taken_names) = KeyIndex::build(names);
        let mut clashes: Vec<Clash> = taken_ids
            .into_iter()
            .map(|(k, first)| Clash { key: records[k].id().to_owned(), is_id: true, first, second: k as u32 })
            .collect();
        for (k, first) in taken_names {
            let (second, n) = owners[k];
            if let Some(name) = records[second as usize].names().nth(n).filter(|_| first != second) {
                clashes.push(Clash { key: name.to_owned(), is_id: false, first, second });
            }
        }
        (Self { records, ids, names, typed: OnceCell::new(), suggestions: OnceCell::new() }, clashes)
    }

    /// The index of typed forms, built on first use.
    fn typed(&self) -> &KeyIndex {
        self.typed.get_or_init(|| {
            let mut b = KeyBuilder::new();
            for (i, r) in self.records.iter().enumerate() {
                for form in r.names().flat_map(typed_forms) {
                    b.push(&form, i as u32);
                }
            }
            KeyIndex::build(b).0
        })
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
    /// let n = china_singapore::dataset().forums().iter().count();
    /// assert!(n >= 4);
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
    /// assert!(!china_singapore::dataset().speakers().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The record with this id, ignoring ASCII case. Allocates nothing.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.agreements().get("RCEP").unwrap().id, "rcep");
    /// assert!(ds.agreements().get("no-such-agreement").is_none());
    /// ```
    pub fn get(&self, id: impl AsRef<str>) -> Option<&T> {
        self.ids.get_exact(id.as_ref()).and_then(|i| self.records.get(i as usize))
    }

    /// The record whose name or any alias matches under the crate's name rule: Unicode
    /// case and compatibility forms ignored, only letters and digits compared, and an
    /// ordinal written either way (`fourth` or `4th`). Allocates nothing: the query is
    /// normalised on the stack.
    ///
    /// ```
    /// let projects = china_singapore::dataset().projects();
    /// let a = projects.find("csgks").unwrap();
    /// assert!(std::ptr::eq(a, projects.find("CSGKC").unwrap()));
    /// assert!(std::ptr::eq(a, projects.find("China-Singapore Guangzhou Knowledge City").unwrap()));
    /// let forums = china_singapore::dataset().forums();
    /// assert_eq!(forums.find("4th China International Import Expo").unwrap().id, "ciie-4");
    /// ```
    pub fn find(&self, name: impl AsRef<str>) -> Option<&T> {
        let name = name.as_ref();
        let i = self.typed().get_as_given(name).or_else(|| self.names.get_normalised(name))?;
        self.records.get(i as usize)
    }

    /// The position of the record with this id, for index-based navigation.
    pub(crate) fn position(&self, id: &str) -> Option<u32> {
        self.ids.get_exact(id)
    }

    /// The position of the record with this id, or else with this name or alias.
    pub(crate) fn position_by_id_or_name(&self, q: &str) -> Option<u32> {
        let by_name = || self.typed().get_as_given(q).or_else(|| self.names.get_normalised(q));
        self.ids.get_exact(q).or_else(by_name)
    }

    /// The record with this id, or else with this name or alias.
    ///
    /// ```
    /// let places = china_singapore::dataset().places();
    /// assert_eq!(places.lookup("guangzhou").unwrap().name, "Guangzhou");
    /// assert_eq!(places.lookup("Greater Bay Area").unwrap().id, "greater-bay-area");
    /// assert!(places.lookup("Atlantis").is_none());
    /// ```
    pub fn lookup(&self, id_or_name: impl AsRef<str>) -> Option<&T> {
        self.records.get(self.position_by_id_or_name(id_or_name.as_ref())? as usize)
    }

    /// The record with this id, name or alias, or else an error carrying the closest names:
    /// the checked form of [`Table::lookup`], for a "did you mean".
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.speakers().try_lookup("Wei Zhe").unwrap().id, "wei-zhe");
    /// let err = ds.speakers().try_lookup("Wei Zhi").unwrap_err();
    /// assert_eq!(err.suggestions[0], "Wei Zhe");
    /// ```
    pub fn try_lookup(&self, id_or_name: impl AsRef<str>) -> Result<&T, NotFound> {
        let q = id_or_name.as_ref();
        self.lookup(q).ok_or_else(|| self.not_found(q))
    }

    /// The error for a name or id that matched nothing here: the three closest names, each
    /// at most [`NOT_FOUND_MAX_DISTANCE`] off, and none much further off than the best.
    pub(crate) fn not_found(&self, q: &str) -> NotFound {
        let found = self.suggest(q, 3);
        let best = found.first().map_or(0.0, |s| s.distance);
        let near = |s: &&Suggestion<'_, T>| s.distance <= NOT_FOUND_MAX_DISTANCE && s.distance <= best + 1.5;
        let suggestions = found.iter().filter(near).map(|s| s.name.to_owned()).collect();
        NotFound { kind: T::KIND, query: q.to_owned(), suggestions }
    }

    /// The records whose names or aliases are closest to `query`, best first, at most `n`,
    /// each record once: for "did you mean". Typos cost their edits (a swap of two letters
    /// is one), words may come in any order, and missing or extra words cost a little;
    /// ordinals match written either way.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let s = ds.projects().suggest("Knowlege City", 3);
    /// assert_eq!(s[0].record.id, "china-singapore-guangzhou-knowledge-city");
    /// assert_eq!(ds.projects().suggest("Smart Prak", 1)[0].record.id, "china-singapore-smart-park");
    /// assert_eq!(ds.speakers().suggest("Wei Zhi", 1)[0].record.name, "Wei Zhe");
    /// assert_eq!(ds.forums().suggest("4th Trade Services Forum", 1)[0].record.id, "trade-in-services-forum-4");
    /// ```
    pub fn suggest(&self, query: impl AsRef<str>, n: usize) -> Vec<Suggestion<'_, T>> {
        let index = self.suggestions.get_or_init(|| SuggestIndex::build(&self.records));
        let found = index.suggest(query.as_ref(), n);
        found
            .into_iter()
            .filter_map(|(r, nth, distance)| {
                let record = self.records.get(r as usize)?;
                Some(Suggestion { record, name: record.names().nth(nth as usize)?, distance })
            })
            .collect()
    }
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            records: Vec::new(),
            ids: KeyIndex::default(),
            names: KeyIndex::default(),
            typed: OnceCell::new(),
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
