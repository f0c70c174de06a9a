//! [`Dataset`]: every record of every kind, indexed.

use serde::ser::SerializeStruct;

use crate::index::Table;
use crate::index::links::Links;
use crate::model::{Agreement, Document, Forum, Organization, Place, Project, Speaker};

/// Every record of every kind, with the indexes that serve lookups, filters and navigation.
///
/// Get the embedded one with [`dataset()`](crate::dataset), or load your own with
/// [`Dataset::from_dir`].
///
/// ```
/// let ds = china_singapore::dataset();
/// let park = ds.projects().get("china-singapore-smart-park").unwrap();
/// println!("{park}");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub(crate) documents: Table<Document>,
    pub(crate) places: Table<Place>,
    pub(crate) organizations: Table<Organization>,
    pub(crate) projects: Table<Project>,
    pub(crate) agreements: Table<Agreement>,
    pub(crate) forums: Table<Forum>,
    pub(crate) speakers: Table<Speaker>,
    pub(crate) links: Links,
}

impl Dataset {
    /// The source documents.
    ///
    /// ```
    /// let docs = china_singapore::dataset().documents();
    /// assert!(docs.get("trade-in-services-forum").unwrap().text.contains("Chi Fulin"));
    /// ```
    pub fn documents(&self) -> &Table<Document> {
        &self.documents
    }

    /// Countries, provinces, cities, regions and venues.
    ///
    /// ```
    /// let gba = china_singapore::dataset().places().find("GBA").unwrap();
    /// assert_eq!(gba.id.as_str(), "greater-bay-area");
    /// ```
    pub fn places(&self) -> &Table<Place> {
        &self.places
    }

    /// Companies, governments, universities and other bodies.
    ///
    /// ```
    /// let ncs = china_singapore::dataset().organizations().get("ncs").unwrap();
    /// assert_eq!(ncs.parent.as_ref().unwrap().organization.as_str(), "singapore-telecom");
    /// ```
    pub fn organizations(&self) -> &Table<Organization> {
        &self.organizations
    }

    /// Parks, institutes, zones, production bases, programmes and initiatives.
    ///
    /// ```
    /// assert!(china_singapore::dataset().projects().find("Suzhou Industrial Park").is_some());
    /// ```
    pub fn projects(&self) -> &Table<Project> {
        &self.projects
    }

    /// MOUs, contracts, strategic agreements, regulations and trade agreements.
    ///
    /// ```
    /// let rcep = china_singapore::dataset().agreements().find("RCEP").unwrap();
    /// assert_eq!(rcep.name, "Regional Comprehensive Economic Partnership");
    /// ```
    pub fn agreements(&self) -> &Table<Agreement> {
        &self.agreements
    }

    /// Council meetings, forums, expos and roundtables.
    ///
    /// ```
    /// let jcbc = china_singapore::dataset().forums().find("18th JCBC").unwrap();
    /// assert_eq!(jcbc.edition, Some(18));
    /// ```
    pub fn forums(&self) -> &Table<Forum> {
        &self.forums
    }

    /// People who speak, sign or are quoted, named or not.
    ///
    /// ```
    /// let chi = china_singapore::dataset().speakers().find("chi fulin").unwrap();
    /// assert_eq!(chi.posts[0].title, "president");
    /// ```
    pub fn speakers(&self) -> &Table<Speaker> {
        &self.speakers
    }

    /// The total number of records of every kind.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert_eq!(ds.len(), ds.projects().len() + ds.agreements().len() + ds.forums().len()
    ///     + ds.speakers().len() + ds.organizations().len() + ds.places().len() + ds.documents().len());
    /// ```
    pub fn len(&self) -> usize {
        self.documents.len()
            + self.places.len()
            + self.organizations.len()
            + self.projects.len()
            + self.agreements.len()
            + self.forums.len()
            + self.speakers.len()
    }

    /// True when the dataset holds no records at all.
    ///
    /// ```
    /// assert!(!china_singapore::dataset().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl PartialEq for Dataset {
    fn eq(&self, other: &Self) -> bool {
        self.documents == other.documents
            && self.places == other.places
            && self.organizations == other.organizations
            && self.projects == other.projects
            && self.agreements == other.agreements
            && self.forums == other.forums
            && self.speakers == other.speakers
    }
}

/// Serialises as one object with a key per kind, each an array of records with every field
/// (documents include their full `text`).
impl serde::Serialize for Dataset {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Dataset", 7)?;
        st.serialize_field("documents", &self.documents)?;
        st.serialize_field("places", &self.places)?;
        st.serialize_field("organizations", &self.organizations)?;
        st.serialize_field("projects", &self.projects)?;
        st.serialize_field("agreements", &self.agreements)?;
        st.serialize_field("forums", &self.forums)?;
        st.serialize_field("speakers", &self.speakers)?;
        st.end()
    }
}
