//! Filter entry points and navigation between records, both ways.
//!
//! Every method takes a record's id, name or alias. One that matches nothing gives
//! nothing; to be told instead, look the record up first with
//! [`Table::try_lookup`](crate::Table::try_lookup), or use a filter's `try_iter`.

use super::filters::{AgreementFilter, ForumFilter, Matches, ProjectFilter, SpeakerFilter, linked, run};
use crate::Dataset;
use crate::model::{Agreement, Forum, Kind, Organization, Project, Record, Relation, Speaker};

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

    /// The people who spoke, signed or took part at a forum (by id, name or alias) or an event within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.forum_speakers("trade-in-services-forum-4").any(|s| s.name == "Chi Fulin"));
    /// ```
    pub fn forum_speakers(&self, forum: impl AsRef<str>) -> Matches<'_, Speaker> {
        self.speaker_filter().forum(forum).iter()
    }

    /// The agreements signed at a forum (by id, name or alias) or an event within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.forum_agreements("jcbc-18").any(|a| a.id == "mou-singapore-companies-csgks"));
    /// ```
    pub fn forum_agreements(&self, forum: impl AsRef<str>) -> Matches<'_, Agreement> {
        self.agreement_filter().forum(forum).iter()
    }

    /// The projects an organisation (by id, name or alias) is involved in.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.organization_projects("ncs").any(|p| p.id == "ncs-gba-fintech-delivery-center"));
    /// ```
    pub fn organization_projects(&self, organization: impl AsRef<str>) -> Matches<'_, Project> {
        self.project_filter().organization(organization).iter()
    }

    /// The agreements an organisation (by id, name or alias) is party to, named in, or signed through its people.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.organization_agreements("singapore-exchange").any(|a| a.id == "sgx-green-bond-mou"));
    /// ```
    pub fn organization_agreements(&self, organization: impl AsRef<str>) -> Matches<'_, Agreement> {
        self.agreement_filter().party(organization).iter()
    }

    /// The people holding posts in an organisation (by id, name or alias).
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let names: Vec<&str> = ds.organization_people("bank-of-communications").map(|s| s.name.as_str()).collect();
    /// assert_eq!(names, ["Qian Bin"]);
    /// ```
    pub fn organization_people(&self, organization: impl AsRef<str>) -> Matches<'_, Speaker> {
        self.speaker_filter().organization(organization).iter()
    }

    /// The projects in a place (by id, name or alias) or anywhere within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.place_projects("guangzhou").any(|p| p.id == "biosyngen-production-base"));
    /// ```
    pub fn place_projects(&self, place: impl AsRef<str>) -> Matches<'_, Project> {
        self.project_filter().place(place).iter()
    }

    /// The forums held in a place (by id, name or alias) or anywhere within it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.place_forums("shanghai").any(|f| f.id == "trade-in-services-forum-4"));
    /// ```
    pub fn place_forums(&self, place: impl AsRef<str>) -> Matches<'_, Forum> {
        self.forum_filter().place(place).iter()
    }

    /// The forums an organisation hosts, organises or partners, and meetings of it.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let names: Vec<&str> = ds.organization_forums("Jiangsu Provincial People’s Government").map(|f| f.name.as_str()).collect();
    /// assert_eq!(names, ["fourth China-Singapore Trade in Services Innovation Forum"]);
    /// ```
    pub fn organization_forums(&self, organization: impl AsRef<str>) -> Matches<'_, Forum> {
        self.forum_filter().organization(organization).iter()
    }

    /// The organisations under an organisation: its subsidiaries, committees and other
    /// units, at any depth.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let units: Vec<&str> = ds.organization_units("Singapore Telecom").map(|o| o.name.as_str()).collect();
    /// assert_eq!(units, ["NCS"]);
    /// ```
    pub fn organization_units(&self, organization: impl AsRef<str>) -> Matches<'_, Organization> {
        self.linked_to(self.organizations().as_slice(), Relation::Parent, Kind::Organization, organization, true)
    }

    /// The projects an organisation or any of its units is involved in (see
    /// [`ProjectFilter::group`]).
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// assert!(ds.group_projects("Singapore Telecom").any(|p| p.id == "ncs-gba-fintech-delivery-center"));
    /// ```
    pub fn group_projects(&self, organization: impl AsRef<str>) -> Matches<'_, Project> {
        self.project_filter().group(organization).iter()
    }

    /// The agreements within an agreement (a package's parts), at any depth.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let package = ds.agreements().get("jcbc-18-agreements").unwrap();
    /// assert!(ds.agreement_parts(&package.id).any(|a| a.id == "mou-singapore-companies-csgks"));
    /// ```
    pub fn agreement_parts(&self, agreement: impl AsRef<str>) -> Matches<'_, Agreement> {
        self.linked_to(self.agreements().as_slice(), Relation::PartOf, Kind::Agreement, agreement, true)
    }

    /// The projects within a project (its phases, the parks in a city), at any depth.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let parts: Vec<&str> = ds.project_parts("Greater Bay Area Fintech Delivery Center").map(|p| p.id.as_str()).collect();
    /// assert_eq!(parts, ["ncs-gba-fintech-delivery-center-phase-1"]);
    /// ```
    pub fn project_parts(&self, project: impl AsRef<str>) -> Matches<'_, Project> {
        self.linked_to(self.projects().as_slice(), Relation::PartOf, Kind::Project, project, true)
    }

    /// The agreements a person signed.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let signed: Vec<&str> = ds.speaker_agreements("Chua Teng Hoe").map(|a| a.id.as_str()).collect();
    /// assert_eq!(signed, ["mou-service-industry-development"]);
    /// ```
    pub fn speaker_agreements(&self, speaker: impl AsRef<str>) -> Matches<'_, Agreement> {
        self.linked_to(self.agreements().as_slice(), Relation::Signatory, Kind::Speaker, speaker, false)
    }

    /// A forum's speakers in the order its programme gives, each with the session they
    /// spoke in.
    ///
    /// ```
    /// let ds = china_singapore::dataset();
    /// let order: Vec<&str> = ds.speaking_order("4th China-Singapore Trade in Services Innovation Forum")
    ///     .map(|(_, s)| s.name.as_str())
    ///     .collect();
    /// assert_eq!(order, ["Chi Fulin", "Qian Bin", "Li Tao", "Wei Zhe"]);
    /// ```
    pub fn speaking_order(&self, forum: impl AsRef<str>) -> impl Iterator<Item = (&str, &Speaker)> {
        let forum = self.forums().lookup(forum);
        forum
            .into_iter()
            .flat_map(|f| f.speaking_order())
            .filter_map(|(session, id)| Some((session, self.resolve(id)?)))
    }
}

impl Dataset {
    /// The records of `records` (all of one kind) that link by `relation` to the record of
    /// kind `target` with this id, name or alias; with `transitive`, through a containment
    /// relation at any depth. Nothing when no record has the name.
    fn linked_to<'a, T: Record>(
        &'a self,
        records: &'a [T],
        relation: Relation,
        target: Kind,
        name: impl AsRef<str>,
        transitive: bool,
    ) -> Matches<'a, T> {
        let at = self.tables.position_by_id_or_name(target, name.as_ref());
        run(records, [linked(self, T::KIND, relation, target, at, transitive)], None)
    }
}
