//! Places: the cities, metropolitan areas and regions that initiatives belong to.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceKind {
    City,
    MetropolitanArea,
    Region,
}

impl PlaceKind {
    pub fn id(self) -> &'static str {
        match self {
            PlaceKind::City => "city",
            PlaceKind::MetropolitanArea => "metropolitan-area",
            PlaceKind::Region => "region",
        }
    }
    pub fn from_id(id: &str) -> Option<Self> {
        [PlaceKind::City, PlaceKind::MetropolitanArea, PlaceKind::Region].into_iter().find(|k| k.id() == id)
    }
}

/// A place as stored: matched to the gazetteer when possible (`geoname_id`), otherwise
/// kept as written with no facts, and reported so an editor can complete it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// URL slug, unique: `{country}-{folded name}`, e.g. `mx-ciudad-de-mexico`.
    pub slug: String,
    pub name: String,
    pub country: String,
    pub kind: PlaceKind,
    pub geoname_id: Option<u32>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub population: Option<u64>,
    pub time_zone: Option<String>,
}

impl Place {
    pub fn slug_for(name: &str, country: &str) -> String {
        format!("{}-{}", country.to_ascii_lowercase(), crate::text::slug(name))
    }

    /// Resolves a city as written in an initiative to a place: the gazetteer's facts when
    /// it knows the city (keeping the name as written), else the name alone.
    pub fn resolve(city: &str, country: &str) -> Place {
        let gazetteer = crate::gazetteer::Gazetteer::embedded();
        match gazetteer.find(city, country) {
            Some(g) => Place {
                slug: Place::slug_for(&g.name, country),
                name: city.trim().to_string(),
                country: country.to_string(),
                kind: PlaceKind::City,
                geoname_id: Some(g.geoname_id),
                latitude: Some(g.latitude),
                longitude: Some(g.longitude),
                population: Some(g.population),
                time_zone: Some(g.time_zone.clone()),
            },
            None => Place {
                slug: Place::slug_for(city, country),
                name: city.trim().to_string(),
                country: country.to_string(),
                kind: PlaceKind::City,
                geoname_id: None,
                latitude: None,
                longitude: None,
                population: None,
                time_zone: None,
            },
        }
    }
}

static REGIONS: &str = include_str!("../../../data/gazetteer/regions.tsv");

/// The world region of a country (ISO 3166-1 alpha-2, any case), from
/// `data/gazetteer/regions.tsv`: `africa`, `asia`, `europe`, `latin-america-caribbean`,
/// `northern-america`, `oceania` or `antarctica`; translated as `region-{id}`.
pub fn region_of(country: &str) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        REGIONS.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t')).collect()
    });
    table.get(country.to_ascii_uppercase().as_str()).copied()
}

#[cfg(test)]
mod region_tests {
    use super::region_of;

    #[test]
    fn regions_follow_the_table() {
        assert_eq!(region_of("uy"), Some("latin-america-caribbean"));
        assert_eq!(region_of("MX"), Some("latin-america-caribbean"));
        assert_eq!(region_of("CA"), Some("northern-america"));
        assert_eq!(region_of("PT"), Some("europe"));
        assert_eq!(region_of("MZ"), Some("africa"));
        assert_eq!(region_of("XX"), None);
    }
}
