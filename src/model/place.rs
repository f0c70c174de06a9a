use core::fmt;

use serde::{Deserialize, Serialize};

use super::{Alias, Country, Describe, Kind, Link, PlaceId, PlaceRef, Quote, Relation, Visitor, impl_record};

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
pub struct Place {
    /// The id, e.g. `guangzhou`.
    pub id: PlaceId,
    /// The canonical name.
    pub name: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<Alias>,
    /// What kind of place.
    pub kind: PlaceKind,
    /// The country it is in (or is).
    pub country: Country,
    /// The places that directly contain it. Filters follow these transitively.
    #[serde(default)]
    pub within: Vec<PlaceRef>,
    /// Verbatim passages.
    pub quotes: Vec<Quote>,
}

impl_record!(Place, Kind::Place, name);

impl Describe for Place {
    fn describe<'r>(&'r self, v: &mut dyn Visitor<'r>) {
        v.link(Link::country(Relation::Country, "country", self.country));
        for w in &self.within {
            v.link(Link::to(Relation::Within, "within", Kind::Place, w.place.as_str()));
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] — {}", self.name, self.id, self.kind)?;
        if let Some(first) = self.within.first() {
            write!(f, " in {}", first.place)?;
        }
        Ok(())
    }
}
