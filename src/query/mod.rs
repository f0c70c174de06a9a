//! Asking the dataset: filters, search hits, the timeline, and links in names.
//!
//! Each filter starts from a [`Dataset`](crate::Dataset) method (`project_filter`,
//! `agreement_filter`, `forum_filter`, `speaker_filter`, `organization_filter`) and
//! matches every record of its kind until narrowed. The rules every filter follows are in
//! [the guide](crate::guide#filters).
//!
//! Each filter lives in one file here, with the lists its conditions read, so what a
//! condition means is decided next to where it is documented.

mod agreement;
mod conditions;
pub(crate) mod connection;
mod derivation;
mod figures;
mod forum;
mod organization;
mod project;
mod search;
mod speaker;
mod timeline;

pub use crate::index::Suggestion;
pub use agreement::AgreementFilter;
pub(crate) use agreement::AgreementIndex;
pub use conditions::Matches;
pub use connection::{Card, Connection, Endpoint, Evidence};
pub use derivation::Derivation;
pub use figures::{Figure, Measure};
pub use forum::ForumFilter;
pub(crate) use forum::ForumIndex;
pub use organization::OrganizationFilter;
pub(crate) use organization::OrganizationIndex;
pub use project::ProjectFilter;
pub(crate) use project::ProjectIndex;
pub use search::Hit;
pub use speaker::SpeakerFilter;
pub(crate) use speaker::SpeakerIndex;
pub use timeline::{Event, YearSource};
