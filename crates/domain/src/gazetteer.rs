//! The embedded GeoNames gazetteer: the world's cities of 15,000 inhabitants or more, so
//! that a city written by hand ("Montréal", "Ciudad de México") can be placed on a map
//! without any network access.
//!
//! The data is `data/gazetteer/cities15000.tsv.gz`, built by `scripts/build-gazetteer.py`
//! from GeoNames (CC BY 4.0); `data/gazetteer/README.md` describes its format.

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use flate2::read::GzDecoder;

use crate::text::fold;

static EMBEDDED_GZIP: &[u8] = include_bytes!("../../../data/gazetteer/cities15000.tsv.gz");

/// A city as GeoNames knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct GazetteerPlace {
    pub geoname_id: u32,
    pub name: String,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: String,
    pub latitude: f64,
    pub longitude: f64,
    pub population: u64,
    /// IANA time zone, e.g. `America/Toronto`.
    pub time_zone: String,
}

/// Why a gazetteer file could not be read. Line numbers count from 1, comments included.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("the gazetteer is not valid gzip-compressed UTF-8: {0}")]
    Decompress(#[source] std::io::Error),
    #[error("line {line}: expected 7 or 8 tab-separated fields, found {found}")]
    FieldCount { line: usize, found: usize },
    #[error("line {line}: invalid {field} {value:?}")]
    InvalidField { line: usize, field: &'static str, value: String },
    #[error("line {line}: geonameid {geoname_id} already appears on line {first_line}")]
    DuplicateId { line: usize, geoname_id: u32, first_line: usize },
}

/// A country code as stored in the index: two upper-case ASCII letters.
type CountryKey = [u8; 2];

/// The cities, with an index from (folded name, country) to the city that name means there:
/// the answer of [`Gazetteer::find`], worked out once at load time.
#[derive(Debug)]
pub struct Gazetteer {
    /// Sorted by `geoname_id`, so `get` is a binary search.
    places: Vec<GazetteerPlace>,
    by_name: HashMap<(String, CountryKey), NameMatch>,
}

/// The city a folded name points to, and whether that name is the city's own.
#[derive(Debug, Clone, Copy)]
struct NameMatch {
    index: usize,
    own_name: bool,
}

impl Gazetteer {
    /// The gazetteer shipped in the binary, parsed on first use.
    pub fn embedded() -> &'static Gazetteer {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            // The file is checked by this module's tests, so failing here is a build defect.
            Gazetteer::from_gzip(EMBEDDED_GZIP).expect("the embedded gazetteer is valid")
        })
    }

    pub fn from_gzip(bytes: &[u8]) -> Result<Self, GazetteerError> {
        let mut text = String::with_capacity(bytes.len() * 3);
        GzDecoder::new(bytes).read_to_string(&mut text).map_err(GazetteerError::Decompress)?;
        Gazetteer::from_tsv(&text)
    }

    /// Parses the TSV format of `data/gazetteer/README.md`. Blank lines and lines starting
    /// with `#` are skipped; the alternate names column may be left out.
    pub fn from_tsv(text: &str) -> Result<Self, GazetteerError> {
        let mut rows = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            rows.push(parse_row(line, raw)?);
        }
        // The shipped file is already in id order; a stable sort keeps that cheap.
        rows.sort_by_key(|row| row.place.geoname_id);
        if let Some(pair) = rows.windows(2).find(|w| w[0].place.geoname_id == w[1].place.geoname_id) {
            let (first, second) = (&pair[0], &pair[1]);
            return Err(GazetteerError::DuplicateId {
                line: first.line.max(second.line),
                geoname_id: second.place.geoname_id,
                first_line: first.line.min(second.line),
            });
        }

        let keys: Vec<Vec<(String, bool)>> = rows.iter().map(Row::folded_names).collect();
        let mut by_name: HashMap<(String, CountryKey), NameMatch> =
            HashMap::with_capacity(keys.iter().map(Vec::len).sum());
        let mut places: Vec<GazetteerPlace> = Vec::with_capacity(rows.len());
        for (row, row_keys) in rows.into_iter().zip(keys) {
            let index = places.len();
            places.push(row.place);
            let place = &places[index];
            let country = country_key(&place.country).expect("validated by parse_row");
            for (folded, own_name) in row_keys {
                let candidate = NameMatch { index, own_name };
                by_name
                    .entry((folded, country))
                    .and_modify(|current| {
                        if outranks((candidate, place), (*current, &places[current.index])) {
                            *current = candidate;
                        }
                    })
                    .or_insert(candidate);
            }
        }
        Ok(Gazetteer { places, by_name })
    }

    /// The most populous cities of each time zone, largest first, at most `per_zone`.
    pub fn cities_by_zone(&self, per_zone: usize) -> HashMap<&str, Vec<&GazetteerPlace>> {
        let mut zones: HashMap<&str, Vec<&GazetteerPlace>> = HashMap::new();
        for place in &self.places {
            zones.entry(place.time_zone.as_str()).or_default().push(place);
        }
        for cities in zones.values_mut() {
            cities.sort_by_key(|p| (std::cmp::Reverse(p.population), p.geoname_id));
            cities.truncate(per_zone);
        }
        zones
    }

    /// The most populous city called `name` (its own name or another it goes by) in any
    /// country.
    pub fn find_anywhere(&self, name: &str) -> Option<&GazetteerPlace> {
        let folded = crate::text::fold(name);
        self.by_name
            .iter()
            .filter(|((n, _), _)| *n == folded)
            .map(|(_, found)| (*found, &self.places[found.index]))
            .max_by(
                |a, b| if outranks(*a, *b) { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Less },
            )
            .map(|(_, place)| place)
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Matches a city as written locally + ISO country code, case-, accent- and
    /// punctuation-insensitively, against names and alternate names; when several match,
    /// the most populous wins, except that a city's own name beats another city's alternate
    /// name (GeoNames lists former names as alternates: "Stavropol" must stay Stavropol, not
    /// become Tolyatti, once Stavropol-on-Volga).
    pub fn find(&self, city: &str, country: &str) -> Option<&GazetteerPlace> {
        let country = country_key(country.trim())?;
        let folded = fold(city);
        self.by_name.get(&(folded, country)).map(|found| &self.places[found.index])
    }

    pub fn get(&self, geoname_id: u32) -> Option<&GazetteerPlace> {
        let index = self.places.binary_search_by_key(&geoname_id, |p| p.geoname_id).ok()?;
        Some(&self.places[index])
    }
}

/// Whether `candidate` should replace `current` as the answer for a shared name: a city's
/// own name first, then the larger population, then the older (lower) GeoNames id, so the
/// result never depends on file order.
fn outranks(candidate: (NameMatch, &GazetteerPlace), current: (NameMatch, &GazetteerPlace)) -> bool {
    let rank = |(found, place): (NameMatch, &GazetteerPlace)| {
        (found.own_name, place.population, std::cmp::Reverse(place.geoname_id))
    };
    rank(candidate) > rank(current)
}

fn country_key(code: &str) -> Option<CountryKey> {
    match code.as_bytes() {
        &[a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            Some([a.to_ascii_uppercase(), b.to_ascii_uppercase()])
        }
        _ => None,
    }
}

struct Row<'a> {
    line: usize,
    place: GazetteerPlace,
    /// Still `|`-joined: folded straight into the index, never stored.
    alternates: &'a str,
}

impl Row<'_> {
    /// The index keys of this row: each folded name, and whether it is the city's own.
    fn folded_names(&self) -> Vec<(String, bool)> {
        let own = std::iter::once((self.place.name.as_str(), true));
        let alternates = self.alternates.split('|').map(|name| (name, false));
        own.chain(alternates)
            .map(|(name, own_name)| (fold(name), own_name))
            .filter(|(folded, _)| !folded.is_empty())
            .collect()
    }
}

fn parse_row(line: usize, raw: &str) -> Result<Row<'_>, GazetteerError> {
    let fields: Vec<&str> = raw.split('\t').collect();
    if !(7..=8).contains(&fields.len()) {
        return Err(GazetteerError::FieldCount { line, found: fields.len() });
    }
    let invalid = |field: &'static str, value: &str| GazetteerError::InvalidField {
        line,
        field,
        value: value.to_string(),
    };

    let geoname_id = fields[0].parse::<u32>().map_err(|_| invalid("geonameid", fields[0]))?;
    let name = fields[1].trim();
    if name.is_empty() {
        return Err(invalid("name", fields[1]));
    }
    let country = fields[2];
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(invalid("country code", country));
    }
    let latitude = parse_coordinate(fields[3], 90.0).ok_or_else(|| invalid("latitude", fields[3]))?;
    let longitude = parse_coordinate(fields[4], 180.0).ok_or_else(|| invalid("longitude", fields[4]))?;
    let population = fields[5].parse::<u64>().map_err(|_| invalid("population", fields[5]))?;
    let time_zone = fields[6].trim();
    if time_zone.is_empty() || time_zone.contains(char::is_whitespace) {
        return Err(invalid("time zone", fields[6]));
    }

    Ok(Row {
        line,
        place: GazetteerPlace {
            geoname_id,
            name: name.to_string(),
            country: country.to_string(),
            latitude,
            longitude,
            population,
            time_zone: time_zone.to_string(),
        },
        alternates: fields.get(7).copied().unwrap_or(""),
    })
}

fn parse_coordinate(value: &str, limit: f64) -> Option<f64> {
    let parsed = value.parse::<f64>().ok()?;
    (parsed.is_finite() && parsed.abs() <= limit).then_some(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = "\
# a fixture in the shipped format
6077243\tMontréal\tCA\t45.50884\t-73.58781\t1762949\tAmerica/Toronto\tMonreal|Mons Regius
2660646\tGeneva\tCH\t46.20222\t6.14569\t201741\tEurope/Zurich\tGeneve|Genf|Ginevra
4951788\tSpringfield\tUS\t42.10148\t-72.58981\t155929\tAmerica/New_York\t
4409896\tSpringfield\tUS\t37.21533\t-93.29824\t169176\tAmerica/Chicago\t
4250542\tSpringfield\tUS\t39.80172\t-89.64371\t114394\tAmerica/Chicago\tSpringfield City
5\tTwin\tFR\t46.0\t5.0\t20000\tEurope/Paris\t
1\tTwinville\tFR\t47.0\t1.0\t90000\tEurope/Paris\tTwin|Shared Alias
2\tTwin\tFR\t48.0\t2.0\t20000\tEurope/Paris\t
3\tSmallton\tFR\t49.0\t3.0\t16000\tEurope/Paris\tShared Alias
";

    fn fixture() -> Gazetteer {
        Gazetteer::from_tsv(FIXTURE).expect("fixture parses")
    }

    #[test]
    fn parses_the_fixture() {
        let g = fixture();
        assert_eq!(g.len(), 9);
        assert!(!g.is_empty());
        let montreal = g.get(6077243).expect("by id");
        assert_eq!(montreal.name, "Montréal");
        assert_eq!(montreal.country, "CA");
        assert_eq!(montreal.population, 1762949);
        assert_eq!(montreal.time_zone, "America/Toronto");
        assert!((montreal.latitude - 45.50884).abs() < 1e-9);
        assert!(g.get(42).is_none());
    }

    #[test]
    fn matches_names_regardless_of_case_accents_and_punctuation() {
        let g = fixture();
        for written in ["MONTREAL", "Montréal", " montreal ", "Montréal."] {
            assert_eq!(g.find(written, "CA").map(|p| p.geoname_id), Some(6077243), "{written}");
        }
        assert_eq!(g.find("Montreal", "ca").map(|p| p.geoname_id), Some(6077243));
    }

    #[test]
    fn matches_alternate_names() {
        let g = fixture();
        assert_eq!(g.find("Genève", "CH").map(|p| p.name.as_str()), Some("Geneva"));
        assert_eq!(g.find("GENF", "ch").map(|p| p.name.as_str()), Some("Geneva"));
        assert_eq!(g.find("mons-regius", "CA").map(|p| p.name.as_str()), Some("Montréal"));
    }

    #[test]
    fn the_most_populous_match_wins() {
        let g = fixture();
        let found = |city: &str| g.find(city, if city.starts_with("Spring") { "US" } else { "FR" });
        assert_eq!(found("Springfield").map(|p| p.geoname_id), Some(4409896));
        assert_eq!(found("Springfield City").map(|p| p.geoname_id), Some(4250542));
        // Among cities that share an alternate name, too.
        assert_eq!(found("Shared Alias").map(|p| p.geoname_id), Some(1));
        // Equal populations: the lower GeoNames id, whatever the file order.
        assert_eq!(found("twin").map(|p| p.geoname_id), Some(2));
    }

    #[test]
    fn a_city_own_name_beats_a_bigger_city_alternate_name() {
        // Twinville (90,000) is also called "Twin", but the two towns named Twin come first.
        let g = fixture();
        assert_eq!(g.find("Twin", "FR").map(|p| p.name.as_str()), Some("Twin"));
        assert_eq!(g.find("Twinville", "FR").map(|p| p.geoname_id), Some(1));
    }

    #[test]
    fn unknown_cities_and_countries_find_nothing() {
        let g = fixture();
        assert!(g.find("Montréal", "FR").is_none());
        assert!(g.find("Montréal", "ZZ").is_none());
        assert!(g.find("Montréal", "CAN").is_none());
        assert!(g.find("Montréal", "").is_none());
        assert!(g.find("Atlantis", "CA").is_none());
        assert!(g.find("", "CA").is_none());
        assert!(g.find("  -- ", "CA").is_none());
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        let header = "# header\n6077243\tMontréal\tCA\t45.5\t-73.5\t1762949\tAmerica/Toronto\t\n";
        let cases = [
            ("1\tX\tFR\tnorth\t1.0\t20000\tEurope/Paris\t", "line 3: invalid latitude \"north\""),
            ("1\tX\tFR\t91\t1.0\t20000\tEurope/Paris\t", "line 3: invalid latitude \"91\""),
            ("1\tX\tFR\t1.0\t1.0\t20000", "line 3: expected 7 or 8 tab-separated fields, found 6"),
            ("x1\tX\tFR\t1.0\t1.0\t20000\tEurope/Paris\t", "line 3: invalid geonameid \"x1\""),
            ("1\tX\tfra\t1.0\t1.0\t20000\tEurope/Paris\t", "line 3: invalid country code \"fra\""),
            ("1\tX\tFR\t1.0\t1.0\t-5\tEurope/Paris\t", "line 3: invalid population \"-5\""),
            ("1\t \tFR\t1.0\t1.0\t5\tEurope/Paris\t", "line 3: invalid name \" \""),
            ("1\tX\tFR\t1.0\t1.0\t5\t\t", "line 3: invalid time zone \"\""),
            (
                "6077243\tX\tFR\t1.0\t1.0\t5\tEurope/Paris\t",
                "line 3: geonameid 6077243 already appears on line 2",
            ),
        ];
        for (row, expected) in cases {
            let error = Gazetteer::from_tsv(&format!("{header}{row}\n")).expect_err(row);
            assert_eq!(error.to_string(), expected);
        }
    }

    #[test]
    fn reads_gzip_and_rejects_other_bytes() {
        use flate2::write::GzEncoder;
        use std::io::Write;

        let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(FIXTURE.as_bytes()).unwrap();
        let g = Gazetteer::from_gzip(&encoder.finish().unwrap()).expect("gzip fixture parses");
        assert_eq!(g.len(), 9);

        let error = Gazetteer::from_gzip(FIXTURE.as_bytes()).expect_err("plain text is not gzip");
        assert!(matches!(error, GazetteerError::Decompress(_)), "{error}");
    }

    /// (as written, country, expected name, latitude, longitude, time zone)
    const KNOWN_CITIES: [(&str, &str, &str, f64, f64, &str); 9] = [
        ("Montréal", "CA", "Montréal", 45.51, -73.59, "America/Toronto"),
        ("Ciudad de México", "MX", "Mexico City", 19.43, -99.13, "America/Mexico_City"),
        ("Bogotá", "CO", "Bogotá", 4.61, -74.08, "America/Bogota"),
        ("Genève", "CH", "Geneva", 46.20, 6.15, "Europe/Zurich"),
        ("Bruxelles", "BE", "Brussels", 50.85, 4.35, "Europe/Brussels"),
        ("New York City", "US", "New York City", 40.71, -74.01, "America/New_York"),
        ("Medellín", "CO", "Medellín", 6.25, -75.56, "America/Bogota"),
        ("Nantes", "FR", "Nantes", 47.22, -1.55, "Europe/Paris"),
        ("Cape Town", "ZA", "Cape Town", -33.93, 18.42, "Africa/Johannesburg"),
    ];

    #[test]
    fn the_embedded_gazetteer_knows_the_cities_we_expect() {
        let g = Gazetteer::embedded();
        assert!(g.len() > 30_000, "only {} cities", g.len());
        for (written, country, name, latitude, longitude, time_zone) in KNOWN_CITIES {
            let place = g.find(written, country).unwrap_or_else(|| panic!("{written} ({country}) not found"));
            assert_eq!(place.name, name, "{written}");
            assert_eq!(place.country, country, "{written}");
            assert_eq!(place.time_zone, time_zone, "{written}");
            assert!(
                (place.latitude - latitude).abs() < 0.1 && (place.longitude - longitude).abs() < 0.1,
                "{written}: {}, {}",
                place.latitude,
                place.longitude
            );
            assert!(place.population > 200_000, "{written}: {}", place.population);
            assert_eq!(g.get(place.geoname_id), Some(place));
        }
    }

    #[test]
    fn the_embedded_gazetteer_is_parsed_once() {
        assert!(std::ptr::eq(Gazetteer::embedded(), Gazetteer::embedded()));
    }
}
