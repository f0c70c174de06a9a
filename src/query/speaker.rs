//! [`SpeakerFilter`], and the lists its conditions read.

use hashbrown::HashMap;

use super::conditions::{Conditions, facet, filter_common};
use crate::Dataset;
use crate::index::Tables;
use crate::index::links::{Postings, push};
use crate::model::{Kind, Relation, Speaker, SpeakerRole};

/// What the speaker conditions read, beyond the shared link lists.
#[derive(Clone, Debug, Default)]
pub(crate) struct SpeakerIndex {
    by_role: HashMap<SpeakerRole, Postings>,
}

impl SpeakerIndex {
    pub(crate) fn build(t: &Tables) -> Self {
        let mut index = SpeakerIndex::default();
        for (i, s) in t.speakers.iter().enumerate() {
            for r in &s.roles {
                push(&mut index.by_role, r.role, i as u32);
            }
        }
        index
    }
}

/// Filters speakers: people who speak, sign or are quoted, named or not. Start one with
/// [`Dataset::speaker_filter`]; each method sets one condition (see
/// [the filter rules](crate::guide#filters)).
///
/// ```
/// use china_singapore::model::SpeakerRole;
/// let ds = china_singapore::dataset();
/// let keynotes = ds.speaker_filter().forum("trade-in-services-forum-4").role(SpeakerRole::Keynote);
/// assert_eq!(keynotes.iter().count(), 4);
/// ```
#[derive(Clone)]
#[must_use = "a filter does nothing until iterated"]
pub struct SpeakerFilter<'a> {
    ds: &'a Dataset,
    conditions: Conditions<'a, 3>,
}

/// The filter's conditions, by the name of the method that sets each.
const SPEAKER_CONDITIONS: [&str; 3] = ["forum", "organization", "role"];

filter_common!(SpeakerFilter => Speaker, speakers, speaker_filter, "speaker_filter().forum(\"4th Trade in Services Forum\")");

impl<'a> SpeakerFilter<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Self {
        Self { ds, conditions: Conditions::new(&SPEAKER_CONDITIONS) }
    }

    /// Keeps people who spoke or took part at this forum (by id, name or alias) or at an
    /// event within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.speaker_filter().forum("trade-in-services-forum-4").iter().any(|s| s.id == "yang-yudong"));
    /// ```
    pub fn forum(mut self, forum: impl AsRef<str>) -> Self {
        let link = (Kind::Speaker, Relation::SpokeAt, Kind::Forum);
        self.conditions.resolve_link(self.ds, "forum", forum.as_ref(), link, true);
        self
    }

    /// Keeps people holding a post in this organisation (by id, name or alias).
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let names: Vec<&str> = ds.speaker_filter().organization("bank-of-communications").iter().map(|s| s.name.as_str()).collect();
    /// assert_eq!(names, ["Qian Bin"]);
    /// ```
    pub fn organization(mut self, organization: impl AsRef<str>) -> Self {
        let link = (Kind::Speaker, Relation::PostIn, Kind::Organization);
        self.conditions.resolve_link(self.ds, "organization", organization.as_ref(), link, false);
        self
    }

    /// Keeps people who played this role.
    ///
    /// ```
    /// use china_singapore::model::SpeakerRole;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.speaker_filter().role(SpeakerRole::Signatory).iter().any(|s| s.name == "Chua Teng Hoe"));
    /// ```
    pub fn role(mut self, role: SpeakerRole) -> Self {
        self.conditions.set("role", facet(&self.ds.links().speakers.by_role, &role));
        self
    }
}
