//! Where things happen: places named in the text, resolved to gazetteer entries, and the
//! GDELT 2.0-style geography of each event (ActionGeo, Actor1Geo, Actor2Geo).

use crate::Span;
use serde::{Deserialize, Serialize};

/// What kind of gazetteer entry a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Country,
    /// A first-level division: a US state, an oblast, a province, a region.
    Admin1,
    City,
}

/// A point on the map with the fields GDELT 2.0 gives every geography.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    pub kind: PlaceKind,
    /// GDELT `Geo_Type`: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
    pub geo_type: u8,
    /// `Geo_FullName`: "Irving, Texas, United States".
    pub full_name: String,
    /// `Geo_CountryCode`, here ISO 3166-1 alpha-3 (the code actor codes start with) rather than
    /// GDELT's FIPS 10-4.
    pub country_code: String,
    /// `Geo_ADM1Code`: ISO 3166-1 alpha-2 followed by the GeoNames admin-1 code (`USTX`, `UA07`),
    /// as GDELT concatenates country and division; `None` for a country.
    pub adm1_code: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// `Geo_FeatureID`: the GeoNames id, or `CC-ADM1` for a division without one.
    pub feature_id: String,
}

/// A place named in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub span: Span,
    pub sentence: usize,
    pub geo: Geo,
    /// True when the place is the article's dateline ("KYIV, Ukraine (AP) —").
    pub dateline: bool,
}

/// Where an event's location was read from, nearest evidence first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeoSource {
    /// A place attached to the event's trigger ("fired at Seoul", "met in Riyadh").
    Clause,
    /// Another place in the event's sentence.
    Sentence,
    /// The article's dateline.
    Dateline,
    /// The country of the event's source or target actor.
    ActorCountry,
}

/// The geography of one event: where it happened and where its actors are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventGeo {
    /// Index into [`crate::Article::events`].
    pub event: usize,
    /// `ActionGeo_*`.
    pub action: Option<Geo>,
    pub action_source: Option<GeoSource>,
    /// Index into [`crate::Article::places`] of the place the action geography came from.
    pub action_place: Option<usize>,
    /// `Actor1Geo_*` / `Actor2Geo_*`: where the text says the source / target actor is
    /// ("officials in Kyiv").
    pub actor1: Option<Geo>,
    pub actor2: Option<Geo>,
}
