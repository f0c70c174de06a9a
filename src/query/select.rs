//! The engine every filter shares: intersect sorted posting lists, driving from the
//! shortest, with an optional date-range check.

use core::ops::Range;

use crate::index::links::{DateIndex, DateIter};

/// Up to this many list constraints per filter.
const MAX_LISTS: usize = 4;

/// A date range over a [`DateIndex`].
#[derive(Clone, Copy)]
pub(crate) struct DateRange<'a> {
    pub(crate) index: &'a DateIndex,
    pub(crate) from: i64,
    pub(crate) to: i64,
}

/// The constraints of one filter, before it runs.
#[derive(Clone, Copy, Default)]
pub(crate) struct Constraints<'a> {
    lists: [&'a [u32]; MAX_LISTS],
    n: usize,
    date: Option<DateRange<'a>>,
    empty: bool,
}

impl<'a> Constraints<'a> {
    /// Requires membership in a list; `None` (an unknown id or value) matches nothing.
    pub(crate) fn require(&mut self, list: Option<&'a [u32]>) {
        match list {
            Some(l) if self.n < MAX_LISTS => {
                self.lists[self.n] = l;
                self.n += 1;
            }
            Some(_) => debug_assert!(false, "more than {MAX_LISTS} list constraints"),
            None => self.empty = true,
        }
    }

    /// Requires a date interval overlapping the range.
    pub(crate) fn date(&mut self, range: DateRange<'a>) {
        self.date = Some(range);
    }

    /// Runs the filter over a table of `len` records.
    pub(crate) fn run(mut self, len: usize) -> Select<'a> {
        let driver = if self.empty {
            Driver::Empty
        } else if self.n > 0 {
            let lists = &mut self.lists[..self.n];
            lists.sort_unstable_by_key(|l| l.len());
            let first = lists[0];
            lists.rotate_left(1);
            self.n -= 1;
            Driver::List(first.iter())
        } else if let Some(d) = self.date.take() {
            Driver::Dates(d.index.range(d.from, d.to))
        } else {
            Driver::All(0..len as u32)
        };
        Select { driver, c: self }
    }
}

#[derive(Clone)]
enum Driver<'a> {
    Empty,
    All(Range<u32>),
    List(core::slice::Iter<'a, u32>),
    Dates(DateIter<'a>),
}

/// Positions of the records that pass every constraint.
#[derive(Clone)]
pub(crate) struct Select<'a> {
    driver: Driver<'a>,
    c: Constraints<'a>,
}

impl Iterator for Select<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        loop {
            let i = match &mut self.driver {
                Driver::Empty => return None,
                Driver::All(r) => r.next()?,
                Driver::List(it) => *it.next()?,
                Driver::Dates(it) => it.next()?,
            };
            let in_lists = self.c.lists[..self.c.n].iter().all(|l| l.binary_search(&i).is_ok());
            let in_dates = self.c.date.is_none_or(|d| d.index.overlaps(i, d.from, d.to));
            if in_lists && in_dates {
                return Some(i);
            }
        }
    }
}
