//! The engine every filter shares: a filter is a list of named conditions, each a sorted
//! list of record positions; running it intersects the lists, driving from the shortest,
//! with an optional date-range check. Results always come in file order.

use core::fmt;
use core::ops::Range;
use hashbrown::HashMap;
use std::hash::Hash;

use crate::Dataset;
use crate::error::NotFound;
use crate::index::links::{DateIndex, EMPTY, Postings};
use crate::model::{CalendarDate, Kind, Relation};

/// One condition of a filter.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Cond<'a> {
    /// Records whose position is in this sorted list pass.
    List(&'a [u32]),
    /// Nothing passes (an unknown id or name).
    Nothing,
}

/// The condition "has this value" for a closed set.
pub(crate) fn facet<'a, K: Hash + Eq>(map: &'a HashMap<K, Postings>, key: &K) -> Cond<'a> {
    Cond::List(map.get(key).map_or(EMPTY, Vec::as_slice))
}

/// The condition "listed under record `at`" (nothing for an unknown record).
pub(crate) fn entry(lists: &[Postings], at: Option<u32>) -> Cond<'_> {
    match at {
        Some(at) => Cond::List(lists.get(at as usize).map_or(EMPTY, Vec::as_slice)),
        None => Cond::Nothing,
    }
}

/// The condition "links by `relation` to record `at` of `target`" for records of `source`;
/// with `transitive`, also to anything `at` contains.
pub(crate) fn linked(
    ds: &Dataset,
    source: Kind,
    relation: Relation,
    target: Kind,
    at: Option<u32>,
    transitive: bool,
) -> Cond<'_> {
    match at {
        Some(at) => Cond::List(ds.links().sources(source, relation, target, at, transitive)),
        None => Cond::Nothing,
    }
}

/// The most conditions a filter has; [`Conditions::new`] refuses more at compile time.
const MAX_CONDITIONS: usize = 8;

/// What a filter has been told: its conditions, one slot per name in `names`, its date
/// range, and the first name it was given that matched no record. Holds no heap memory
/// unless a name matched nothing.
#[derive(Clone)]
pub(crate) struct Conditions<'a, const N: usize> {
    names: &'static [&'static str; N],
    set: [Option<Cond<'a>>; N],
    dates: Option<(&'a DateIndex, i64, i64)>,
    unknown: [Option<(Kind, Box<str>)>; N],
}

impl<'a, const N: usize> Conditions<'a, N> {
    /// No condition set yet, for a filter whose conditions are `names`.
    pub(crate) const fn new(names: &'static [&'static str; N]) -> Self {
        const { assert!(N <= MAX_CONDITIONS, "a filter has more conditions than MAX_CONDITIONS") };
        Self { names, set: [const { None }; N], dates: None, unknown: [const { None }; N] }
    }

    fn slot(&self, name: &str) -> usize {
        let slot = self.names.iter().position(|n| *n == name);
        debug_assert!(slot.is_some(), "condition `{name}` is not among {:?}", self.names);
        slot.unwrap_or(0)
    }

    /// Sets condition `name`, replacing any earlier one of that name.
    pub(crate) fn set(&mut self, name: &'static str, cond: Cond<'a>) {
        let i = self.slot(name);
        self.set[i] = Some(cond);
        self.unknown[i] = None;
    }

    /// Sets condition `name` to `cond(position)` of the record of `kind` that `q` names
    /// (by id, name or alias); remembers `q` if it names nothing.
    pub(crate) fn resolve(
        &mut self,
        ds: &'a Dataset,
        name: &'static str,
        kind: Kind,
        q: &str,
        cond: impl FnOnce(Option<u32>) -> Cond<'a>,
    ) {
        let at = ds.tables.position_of(kind, q);
        self.set(name, cond(at));
        if at.is_none() {
            self.unknown[self.slot(name)] = Some((kind, q.into()));
        }
    }

    /// Sets condition `name` to "links by `relation` to the record of `target` that `q`
    /// names" for records of `source`; with `transitive`, also to anything it contains.
    pub(crate) fn resolve_link(
        &mut self,
        ds: &'a Dataset,
        name: &'static str,
        q: &str,
        (source, relation, target): (Kind, Relation, Kind),
        transitive: bool,
    ) {
        self.resolve(ds, name, target, q, |at| linked(ds, source, relation, target, at, transitive));
    }

    /// Keeps records with a date in `index` that lies wholly within `[from, to]`.
    pub(crate) fn between(&mut self, index: &'a DateIndex, from: CalendarDate, to: CalendarDate) {
        self.dates = Some((index, from.key(), to.key()));
    }

    /// The first name that matched nothing (in the order of the conditions), with the
    /// names closest to it.
    pub(crate) fn check(&self, ds: &Dataset) -> Result<(), NotFound> {
        match self.unknown.iter().flatten().next() {
            Some((kind, q)) => Err(ds.tables.not_found(*kind, q)),
            None => Ok(()),
        }
    }

    /// Runs the filter over `records`.
    pub(crate) fn run<T>(&self, records: &'a [T]) -> Matches<'a, T> {
        let mut lists: [&'a [u32]; MAX_CONDITIONS] = [EMPTY; MAX_CONDITIONS];
        let mut n = 0;
        let mut empty = false;
        for cond in self.set.iter().flatten() {
            match *cond {
                Cond::List(l) => {
                    lists[n] = l;
                    n += 1;
                }
                Cond::Nothing => empty = true,
            }
        }
        lists[..n].sort_unstable_by_key(|l| l.len());
        let driver = match (empty, n) {
            (true, _) => Driver::Empty,
            (false, 0) => match self.dates {
                // The date index yields in date order; it is sorted back to file order.
                Some((index, from, to)) => Driver::Positions(index.range(from, to).into_iter()),
                None => Driver::All(0..records.len() as u32),
            },
            (false, _) => Driver::List(lists[0].iter()),
        };
        lists.rotate_left(1);
        Matches { records, driver, rest: lists, n_rest: n.saturating_sub(1), dates: self.dates }
    }
}

impl<const N: usize> fmt::Debug for Conditions<'_, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.names.iter().zip(&self.set).filter(|(_, c)| c.is_some()).map(|(n, _)| *n).collect();
        f.debug_struct("Conditions").field("set", &names).field("dated", &self.dates.is_some()).finish()
    }
}

#[derive(Clone, Debug)]
enum Driver<'a> {
    Empty,
    All(Range<u32>),
    List(core::slice::Iter<'a, u32>),
    Positions(std::vec::IntoIter<u32>),
}

/// The records a filter matches, in file order: from a filter's `iter`. Serialises as the
/// sequence of the records it has yet to yield.
///
/// ```
/// use china_singapore::model::Sector;
/// let ds = china_singapore::dataset();
/// let json = serde_json::to_value(ds.project_filter().sector(Sector::Biomedicine).iter()).unwrap();
/// assert_eq!(json.as_array().unwrap().len(), 3);
/// ```
pub struct Matches<'a, T> {
    records: &'a [T],
    driver: Driver<'a>,
    rest: [&'a [u32]; MAX_CONDITIONS],
    n_rest: usize,
    dates: Option<(&'a DateIndex, i64, i64)>,
}

impl<T> Clone for Matches<'_, T> {
    fn clone(&self) -> Self {
        Self {
            records: self.records,
            driver: self.driver.clone(),
            rest: self.rest,
            n_rest: self.n_rest,
            dates: self.dates,
        }
    }
}

impl<T> fmt::Debug for Matches<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Matches").field("records", &self.records.len()).finish_non_exhaustive()
    }
}

impl<'a, T> Iterator for Matches<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        loop {
            let i = match &mut self.driver {
                Driver::Empty => return None,
                Driver::All(r) => r.next()?,
                Driver::List(it) => *it.next()?,
                Driver::Positions(it) => it.next()?,
            };
            let in_lists = self.rest[..self.n_rest].iter().all(|l| l.binary_search(&i).is_ok());
            let in_dates = self.dates.is_none_or(|(index, from, to)| index.within(i, from, to));
            if in_lists && in_dates {
                return self.records.get(i as usize);
            }
        }
    }
}

impl<T: serde::Serialize> serde::Serialize for Matches<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.clone())
    }
}

/// What every filter has besides its conditions: `iter`, `try_iter`, `IntoIterator`,
/// `Serialize` and `Debug`. `$miss` is a filter expression naming nothing, for the doctest.
macro_rules! filter_common {
    ($filter:ident => $record:ident, $table:ident, $entry:ident, $miss:literal) => {
        impl<'a> $filter<'a> {
            /// The matching records, in file order. A name given to a condition that
            /// matched no record makes that condition match nothing.
            ///
            /// ```
            /// let ds = china_singapore::dataset();
            #[doc = concat!("assert_eq!(ds.", $miss, ".iter().count(), 0);")]
            #[doc = concat!("let first = ds.", stringify!($table), "().iter().next();")]
            #[doc = concat!("assert_eq!(ds.", stringify!($entry), "().iter().next().map(|r| &r.id), first.map(|r| &r.id));")]
            /// ```
            pub fn iter(&self) -> $crate::query::Matches<'a, $record> {
                self.conditions.run(self.ds.$table().as_slice())
            }

            /// The matching records, like `iter`; or, if a name given to a condition
            /// matched no record, an error naming it with the closest names (and the kinds
            /// it does name, if any).
            ///
            /// # Errors
            ///
            /// [`NotFound`](crate::NotFound) for the first name that matched nothing.
            ///
            /// ```
            /// let ds = china_singapore::dataset();
            #[doc = concat!("let err = ds.", $miss, ".try_iter().unwrap_err();")]
            /// assert!(!err.suggestions.is_empty() || !err.elsewhere.is_empty());
            /// ```
            pub fn try_iter(&self) -> Result<$crate::query::Matches<'a, $record>, $crate::NotFound> {
                self.conditions.check(self.ds)?;
                Ok(self.iter())
            }
        }

        impl<'a> IntoIterator for $filter<'a> {
            type Item = &'a $record;
            type IntoIter = $crate::query::Matches<'a, $record>;
            fn into_iter(self) -> Self::IntoIter {
                self.iter()
            }
        }

        /// Serialises as the sequence of matching records.
        impl serde::Serialize for $filter<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.iter().serialize(s)
            }
        }

        impl core::fmt::Debug for $filter<'_> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_tuple(stringify!($filter)).field(&self.conditions).finish()
            }
        }
    };
}
pub(crate) use filter_common;
