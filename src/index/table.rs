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

impl KeyIndex {
    /// An index sized for `n` keys (load factor at most one third, so misses end quickly).
    pub(crate) fn with_capacity(n: usize) -> Self {
        let cap = (n.max(4) * 3).next_power_of_two();
        Self { slots: vec![EMPTY; cap], arena: String::new(), mask: cap - 1 }
    }

    fn start(&self, h: u64) -> usize {
        (h as usize ^ (h >> 32) as usize) & self.mask
    }

    /// Inserts a key, stored ASCII-lower-cased; returns the existing target if the key is
    /// taken (ignoring ASCII case).
    pub(crate) fn insert(&mut self, key: &str, target: u32) -> Result<(), u32> {
        let h = key::hash_key(key.as_bytes());
        if let Some(t) = self.probe(h, |k| key::eq_folded(key.as_bytes(), k)) {
            return Err(t);
        }
        let mut i = self.start(h);
        while self.slots[i].len != u32::MAX {
            i = (i + 1) & self.mask;
        }
        let off = self.arena.len() as u32;
        self.arena.push_str(key);
        self.arena[off as usize..].make_ascii_lowercase();
        self.slots[i] = Slot { tag: (h >> 32) as u32, target, off, len: key.len() as u32 };
        Ok(())
    }

    #[inline]
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
    #[inline]
    pub(crate) fn get_id(&self, id: &str) -> Option<u32> {
        let q = id.as_bytes();
        self.probe(key::hash_key(q), |k| key::eq_folded(q, k))
    }

    /// Looks up a name by its normalised form.
    #[inline]
    pub(crate) fn get_name(&self, name: &str) -> Option<u32> {
        let mut buf = [0u8; NAME_BUF + 8];
        match key::normalize_into(name, &mut buf) {
            Some(q) => self.probe(key::hash_key(q), |k| k == q),
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
        let mut ids = KeyIndex::with_capacity(records.len());
        let n_names: usize = records.iter().map(|r| 1 + r.aliases().len()).sum();
        let mut names = KeyIndex::with_capacity(3 * n_names);
        let mut clashes = Vec::new();
        let (mut normal, mut spaced) = (String::new(), String::new());
        for (i, r) in records.iter().enumerate() {
            let i = i as u32;
            if let Err(first) = ids.insert(r.id(), i) {
                clashes.push(Clash { key: r.id().to_owned(), is_id: true, first, second: i });
            }
            for name in r.names() {
                key::normalize_name_into(name, &mut normal);
                match names.insert(&normal, i) {
                    Err(first) if first != i => {
                        clashes.push(Clash { key: name.to_owned(), is_id: false, first, second: i })
                    }
                    _ => {}
                }
                // A raw or spaced form shared with another record means their normalised
                // forms clash too, which is reported above; so these results can be ignored.
                let _ = names.insert(name, i);
                key::spaced_name_into(name, &mut spaced);
                let _ = names.insert(&spaced, i);
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
    pub fn get(&self, id: &str) -> Option<&T> {
        self.ids.get_id(id).and_then(|i| self.records.get(i as usize))
    }

    /// The record whose name or any alias matches, ignoring case, spaces, hyphens and
    /// punctuation. Allocates nothing for names up to 256 normalised bytes.
    ///
    /// ```
    /// let projects = china_singapore::dataset().projects();
    /// let a = projects.find("csgks").unwrap();
    /// assert!(std::ptr::eq(a, projects.find("CSGKC").unwrap()));
    /// assert!(std::ptr::eq(a, projects.find("China-Singapore Guangzhou Knowledge City").unwrap()));
    /// ```
    pub fn find(&self, name: &str) -> Option<&T> {
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
