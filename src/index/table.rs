//! [`Table`]: the records of one kind with their id and name indexes.

use super::key::{self, NAME_BUF};
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

/// A string-keyed hash index whose keys live in one arena, so a hit touches two cache lines.
#[derive(Clone, Debug, Default)]
pub(crate) struct KeyIndex {
    slots: Vec<Slot>,
    arena: String,
    mask: usize,
}

/// A key waiting to be placed: its hash, where it is in the arena, and its record.
struct Pending {
    hash: u64,
    off: u32,
    len: u32,
    target: u32,
}

/// Keys gathered (ASCII-lower-cased into one arena) before a [`KeyIndex`] is built.
#[derive(Default)]
pub(crate) struct KeyBuilder {
    arena: String,
    keys: Vec<Pending>,
}

impl KeyBuilder {
    /// Adds a key for `target`; returns its position among the pushed keys.
    pub(crate) fn push(&mut self, key: &str, target: u32) -> usize {
        let off = self.arena.len();
        self.arena.push_str(key);
        self.arena[off..].make_ascii_lowercase();
        let hash = key::hash_key(&self.arena.as_bytes()[off..]);
        self.keys.push(Pending { hash, off: off as u32, len: key.len() as u32, target });
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
        let KeyBuilder { arena, keys } = keys;
        // Small indexes (the usual case) get a load factor of at most a quarter, so a miss
        // almost always ends at its first slot; large ones at most a half, to stay compact.
        let spread = if keys.len() <= 1 << 16 { 4 } else { 2 };
        let cap = (keys.len().max(4) * spread).next_power_of_two();
        let mut index = Self { slots: vec![EMPTY; cap], arena, mask: cap - 1 };
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

    /// Looks up an id, ignoring ASCII case.
    #[inline(always)]
    pub(crate) fn get_id(&self, id: &str) -> Option<u32> {
        let q = id.as_bytes();
        self.probe(key::hash_key(q), |k| key::eq_folded(q, k))
    }

    /// Looks up a name by its normalised form.
    #[inline]
    pub(crate) fn get_name(&self, name: &str) -> Option<u32> {
        let mut buf = [0u8; NAME_BUF + 8];
        match key::normalize_into(name, &mut buf) {
            Some(q) => self.probe(key::hash_key(q), |k| key::eq_bytes(k, q)),
            None => self.probe(key::hash_name_stream(name), |k| key::name_bytes(name).eq(k.iter().copied())),
        }
    }
}

/// The records of one kind, with case-insensitive lookup by id and by name or alias.
///
/// ```
/// let projects = china_singapore::dataset().projects();
/// assert!(projects.len() > 10);
/// assert_eq!(projects.get("China-Singapore-Smart-Park").unwrap().name, "China-Singapore Smart Park");
/// assert_eq!(projects.find("csgks").unwrap().id.as_str(), "china-singapore-guangzhou-knowledge-city");
/// ```
#[derive(Clone, Debug)]
pub struct Table<T> {
    records: Vec<T>,
    ids: KeyIndex,
    /// Every name and alias in three forms: normalised (letters and digits only, lower-
    /// cased), as written (ASCII-lower-cased), and spaced (lower-cased, each run of other
    /// characters one space). A query typed in any of these forms, in any case, is found
    /// without normalising it; any other form is normalised (on the stack) and found too.
    names: KeyIndex,
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

impl<T: Record> Table<T> {
    /// Builds the indexes. Clashing ids and names are reported; the first record keeps them.
    pub(crate) fn build(records: Vec<T>) -> (Self, Vec<Clash>) {
        let mut ids = KeyBuilder::default();
        for (i, r) in records.iter().enumerate() {
            ids.push(r.id(), i as u32);
        }
        // Every name in three forms. Only a clash of normalised forms is reported: a raw or
        // spaced form shared by two records implies their normalised forms clash too.
        // Forms equal to one already pushed for the same name are skipped.
        let mut names = KeyBuilder::default();
        let mut reported: Vec<(usize, u32, usize)> = Vec::new(); // (key, record, name number)
        let (mut normal, mut spaced) = (String::new(), String::new());
        for (i, r) in records.iter().enumerate() {
            let i = i as u32;
            for (n, name) in r.names().enumerate() {
                key::normalize_name_into(name, &mut normal);
                reported.push((names.push(&normal, i), i, n));
                if !normal.eq_ignore_ascii_case(name) {
                    names.push(name, i);
                }
                key::spaced_name_into(name, &mut spaced);
                if !spaced.eq_ignore_ascii_case(name) && spaced != normal {
                    names.push(&spaced, i);
                }
            }
        }
        let (ids, taken_ids) = KeyIndex::build(ids);
        let (names, taken_names) = KeyIndex::build(names);
        let mut clashes: Vec<Clash> = taken_ids
            .into_iter()
            .map(|(k, first)| Clash { key: records[k].id().to_owned(), is_id: true, first, second: k as u32 })
            .collect();
        let taken: std::collections::HashMap<usize, u32> = taken_names.into_iter().collect();
        for (k, second, n) in reported {
            if let Some(&first) = taken.get(&k)
                && first != second
                && let Some(name) = records[second as usize].names().nth(n)
            {
                clashes.push(Clash { key: name.to_owned(), is_id: false, first, second });
            }
        }
        (Self { records, ids, names }, clashes)
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
    /// assert_eq!(ds.agreements().get("RCEP").unwrap().id.as_str(), "rcep");
    /// assert!(ds.agreements().get("no-such-agreement").is_none());
    /// ```
    pub fn get(&self, id: impl AsRef<str>) -> Option<&T> {
        self.ids.get_id(id.as_ref()).and_then(|i| self.records.get(i as usize))
    }

    /// The record whose name or any alias matches, ignoring case, spaces, hyphens and
    /// punctuation. Allocates nothing: the query is normalised on the stack (or, past 256
    /// normalised bytes, streamed).
    ///
    /// ```
    /// let projects = china_singapore::dataset().projects();
    /// let a = projects.find("csgks").unwrap();
    /// assert!(std::ptr::eq(a, projects.find("CSGKC").unwrap()));
    /// assert!(std::ptr::eq(a, projects.find("China-Singapore Guangzhou Knowledge City").unwrap()));
    /// ```
    pub fn find(&self, name: impl AsRef<str>) -> Option<&T> {
        let name = name.as_ref();
        let i = self.names.get_id(name).or_else(|| self.names.get_name(name))?;
        self.records.get(i as usize)
    }

    /// The position of the record with this id, for index-based navigation.
    pub(crate) fn position(&self, id: &str) -> Option<u32> {
        self.ids.get_id(id)
    }
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self { records: Vec::new(), ids: KeyIndex::default(), names: KeyIndex::default() }
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
