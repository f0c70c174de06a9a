//! The engine every filter shares: intersect sorted posting lists, driving from the
//! shortest, with an optional date-range check. Results always come in file order.

use core::ops::Range;

use crate::index::links::DateIndex;

/// The most list conditions any filter has. A filter with more fails to compile (see
/// [`Constraints::new`]), so no condition can be dropped.
pub(crate) const MAX_CONDITIONS: usize = 8;

/// One condition of a filter.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) enum Cond<'a> {
    /// Not set: every record passes.
    #[default]
    Unset,
    /// Records whose position is in this sorted list pass.
    List(&'a [u32]),
    /// Nothing passes (an unknown id or value).
    Nothing,
}

/// A date range over a [`DateIndex`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct DateRange<'a> {
    pub(crate) index: &'a DateIndex,
    pub(crate) from: i64,
    pub(crate) to: i64,
}

/// The conditions of one filter, before it runs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Constraints<'a> {
    lists: [&'a [u32]; MAX_CONDITIONS],
    n: usize,
    date: Option<DateRange<'a>>,
    empty: bool,
}

impl<'a> Constraints<'a> {
    /// The constraints of a filter with `N` list conditions (a compile error past
    /// [`MAX_CONDITIONS`]).
    pub(crate) fn new<const N: usize>(conds: [Cond<'a>; N], date: Option<DateRange<'a>>) -> Self {
        const { assert!(N <= MAX_CONDITIONS, "a filter has more conditions than MAX_CONDITIONS") };
        let mut c = Constraints { lists: [&[]; MAX_CONDITIONS], n: 0, date, empty: false };
        for cond in conds {
            match cond {
                Cond::Unset => {}
                Cond::List(l) => {
                    c.lists[c.n] = l;
                    c.n += 1;
                }
                Cond::Nothing => c.empty = true,
            }
        }
        c
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
            // The date index yields in date order; the result is sorted back to file order.
            Driver::Positions(d.index.range(d.from, d.to).into_iter())
        } else {
            Driver::All(0..len as u32)
        };
        Select { driver, c: self }
    }
}

#[derive(Clone, Debug)]
enum Driver<'a> {
    Empty,
    All(Range<u32>),
    List(core::slice::Iter<'a, u32>),
    Positions(std::vec::IntoIter<u32>),
}

/// Positions of the records that pass every constraint, in file order.
#[derive(Clone, Debug)]
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
                Driver::Positions(it) => it.next()?,
            };
            let in_lists = self.c.lists[..self.c.n].iter().all(|l| l.binary_search(&i).is_ok());
            let in_dates = self.c.date.is_none_or(|d| d.index.within(i, d.from, d.to));
            if in_lists && in_dates {
                return Some(i);
            }
        }
    }
}
