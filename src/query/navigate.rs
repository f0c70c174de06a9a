//! Filter entry points and navigation between records, both ways.

use super::filters::{AgreementFilter, ForumFilter, Matches, ProjectFilter, SpeakerFilter};
use crate::Dataset;
use crate::model::{Agreement, Forum, Project, Speaker};

impl Dataset {
    /// Starts a project filter that matches every project until narrowed.
    ///
    /// ```
    /// use china_singapore::Sector;
    /// let ds = china_singapore::dataset();
    /// let n = ds.project_filter().sector(Sector::DigitalEconomy).place("guangzhou").iter().count();
    /// assert!(n >= 1);
    /// ```
    pub fn project_filter(&self) -> ProjectFilter<'_> {
        ProjectFilter::new(self)
    }

    /// Starts an agreement filter that matches every agreement until narrowed.
    ///
    /// ```
    /// use china_singapore::AgreementKind;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.agreement_filter().kind(AgreementKind::TradeAgreement).iter().any(|a| a.id == "cptpp"));
    /// ```
    pub fn agreement_filter(&self) -> AgreementFilter<'_> {
        AgreementFilter::new(self)
    }

    /// Starts a forum filter that matches every forum until narrowed.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.forum_filter().place("china").iter().any(|f| f.id == "ciie-4"));
    /// ```
    pub fn forum_filter(&self) -> ForumFilter<'_> {
        ForumFilter::new(self)
    }

    /// Starts a speaker filter that matches every speaker until narrowed.
    ///
    /// ```
    /// use china_singapore::SpeakerRole;
    /// let ds = china_singapore::dataset();
    /// assert!(ds.speaker_filter().role(SpeakerRole::Quoted).iter().any(|s| !s.is_named()));
    /// ```
    pub fn speaker_filter(&self) -> SpeakerFilter<'_> {
        SpeakerFilter::new(self)
    }

    /// The people who spoke, signed or took part at a forum (by id) or an event within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.forum_speakers("trade-in-services-forum-4").any(|s| s.name == "Chi Fulin"));
    /// ```
    pub fn forum_speakers(&self, forum: impl AsRef<str>) -> Matches<'_, Speaker> {
        self.speaker_filter().forum(forum).iter()
    }

    /// The agreements signed at a forum (by id) or an event within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.forum_agreements("jcbc-18").any(|a| a.id == "mou-singapore-companies-csgks"));
    /// ```
    pub fn forum_agreements(&self, forum: impl AsRef<str>) -> Matches<'_, Agreement> {
        self.agreement_filter().forum(forum).iter()
    }

    /// The projects an organisation (by id) is involved in.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.organization_projects("ncs").any(|p| p.id == "ncs-gba-fintech-delivery-center"));
    /// ```
    pub fn organization_projects(&self, organization: impl AsRef<str>) -> Matches<'_, Project> {
        self.project_filter().organization(organization).iter()
    }

    /// The agreements an organisation (by id) is party to, named in, or signed through its people.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.organization_agreements("singapore-exchange").any(|a| a.id == "sgx-green-bond-mou"));
    /// ```
    pub fn organization_agreements(&self, organization: impl AsRef<str>) -> Matches<'_, Agreement> {
        self.agreement_filter().party(organization).iter()
    }

    /// The people holding posts in an organisation (by id).
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let names: Vec<&str> = ds.organization_people("bank-of-communications").map(|s| s.name.as_str()).collect();
    /// assert_eq!(names, ["Qian Bin"]);
    /// ```
    pub fn organization_people(&self, organization: impl AsRef<str>) -> Matches<'_, Speaker> {
        self.speaker_filter().organization(organization).iter()
    }

    /// The projects in a place (by id) or anywhere within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.place_projects("guangzhou").any(|p| p.id == "biosyngen-production-base"));
    /// ```
    pub fn place_projects(&self, place: impl AsRef<str>) -> Matches<'_, Project> {
        self.project_filter().place(place).iter()
    }

    /// The forums held in a place (by id) or anywhere within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.place_forums("shanghai").any(|f| f.id == "trade-in-services-forum-4"));
    /// ```
    pub fn place_forums(&self, place: impl AsRef<str>) -> Matches<'_, Forum> {
        self.forum_filter().place(place).iter()
    }
}
