use core::fmt;

use serde::{Deserialize, Serialize};

use super::{Alias, Country, Describe, Kind, Link, NameSource, PlaceId, Quote, Ref, Relation, Visitor, impl_record};

closed_enum! {
    /// What kind of place a [`Place`] is.
    #[non_exhaustive]
    pub enum PlaceKind {
        /// A sovereign country.
        Country = "country",
        /// A province.
        Province = "province",
        /// A special administrative region.
        SpecialAdministrativeRegion = "special-administrative-region",
        /// A city.
        City = "city",
        /// A region spanning several administrative units.
        Region = "region",
        /// A building or venue.
        Venue = "venue",
    }
}

/// A place: a country, province, city, region or venue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Place {
    /// The id, e.g. `guangzhou`.
    pub id: PlaceId,
    /// The canonical name.
    pub name: String,
    /// Whether the text gives the name or it describes the place.
    #[serde(default, skip_serializing_if = "NameSource::is_text")]
    pub name_source: NameSource,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<Alias>,
    /// What kind of place.
    pub kind: PlaceKind,
    /// The country it is in (or is).
    pub country: Ref<Country>,
    /// The places that directly contain it. Filters follow these transitively.
    #[serde(default)]
    pub within: Vec<Ref<PlaceId>>,
    /// Verbatim passages.
    pub quotes: Vec<Quote>,
}

impl_record!(Place, Kind::Place, name);

impl Describe for Place {
    fn describe<'r>(&'r self, v: &mut dyn Visitor<'r>) {
        v.link(Link::country(Relation::Country, "country", &self.country));
        for w in &self.within {
            v.link(Link::to(Relation::Within, "within", Kind::Place, w));
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] — {}", self.name, self.id, self.kind)?;
        Ok(())
    }
}
