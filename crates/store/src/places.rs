//! Places and the figures shown on the home page.

use crate::{with_pool, Result, Store, StoreError};
use praxis_domain::{Place, PlaceKind};

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct PlaceRow {
    pub slug: String,
    pub name: String,
    pub country: String,
    pub kind: String,
    pub geoname_id: Option<i64>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub population: Option<i64>,
    pub time_zone: Option<String>,
}

impl PlaceRow {
    pub(crate) fn into_place(self) -> Result<Place> {
        Ok(Place {
            kind: PlaceKind::from_id(&self.kind).ok_or_else(|| {
                StoreError::Corrupt(format!("place {} has kind {:?}", self.slug, self.kind))
            })?,
            slug: self.slug,
            name: self.name,
            country: self.country,
            geoname_id: self.geoname_id.and_then(|g| u32::try_from(g).ok()),
            latitude: self.latitude,
            longitude: self.longitude,
            population: self.population.and_then(|p| u64::try_from(p).ok()),
            time_zone: self.time_zone,
        })
    }
}

pub(crate) const PLACE_COLUMNS: &str =
    "p.slug, p.name, p.country, p.kind, p.geoname_id, p.latitude, p.longitude, p.population, p.time_zone";

/// A place with the number of published initiatives it has.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceSummary {
    pub place: Place,
    pub initiatives: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub initiatives: i64,
    pub cities: i64,
    pub countries: i64,
}

impl Store {
    pub async fn place(&self, slug: &str) -> Result<Option<Place>> {
        let sql = format!("SELECT {PLACE_COLUMNS} FROM places p WHERE p.slug = $1");
        let row: Option<PlaceRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(slug).fetch_optional(pool).await?
        });
        row.map(PlaceRow::into_place).transpose()
    }

    /// Places that have at least one published initiative, most initiatives first.
    pub async fn places_with_initiatives(&self) -> Result<Vec<PlaceSummary>> {
        let sql = format!(
            "SELECT {PLACE_COLUMNS}, COUNT(i.id) AS n FROM places p \
             JOIN initiatives i ON i.place_id = p.id AND i.status = 'published' \
             GROUP BY {PLACE_COLUMNS} ORDER BY n DESC, p.name"
        );
        let rows: Vec<PlaceRowWithCount> = with_pool!(self, pool => {
            sqlx::query_as(&sql).fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|r| Ok(PlaceSummary { initiatives: r.n, place: r.place.into_place()? }))
            .collect()
    }

    pub async fn counts(&self) -> Result<Counts> {
        let sql = "SELECT COUNT(*), COUNT(DISTINCT place_id), COUNT(DISTINCT country) \
                   FROM initiatives WHERE status = 'published'";
        let (initiatives, cities, countries): (i64, i64, i64) = with_pool!(self, pool => {
            sqlx::query_as(sql).fetch_one(pool).await?
        });
        Ok(Counts { initiatives, cities, countries })
    }
}

#[derive(Debug, sqlx::FromRow)]
struct PlaceRowWithCount {
    #[sqlx(flatten)]
    place: PlaceRow,
    n: i64,
}
