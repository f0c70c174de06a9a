//! The query API: composable filters for each kind and navigation between records.
//!
//! Every filter method sets one condition (calling it again replaces that condition); a
//! record matches when it meets all of them. A condition naming an unknown id matches
//! nothing. Results come in file order, except a filter with only a date range, which
//! yields in date order.

mod filters;
mod linked;
mod navigate;
mod search;
mod select;
mod timeline;

pub use filters::{AgreementFilter, ForumFilter, Matches, ProjectFilter, SpeakerFilter};
pub use linked::{End, Linked, Shown};
pub use search::Hit;
pub use timeline::{Placement, TimelineEvent};
