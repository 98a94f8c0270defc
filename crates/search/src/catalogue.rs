//! The in-memory catalogue index: filters, facets, sorting and simple text matching.

use crate::analysis::tokens;
use praxis_domain::{Aim, InitiativeRecord, Kind, Lang, Level, Theme, Vocabulary};
use std::collections::{BTreeMap, HashMap};

/// The filterable dimensions, in the order the catalogue shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Theme,
    Aim,
    Kind,
    Country,
    Language,
    Level,
    Year,
}

pub const FACETS: [Facet; 7] =
    [Facet::Theme, Facet::Aim, Facet::Kind, Facet::Country, Facet::Language, Facet::Level, Facet::Year];

impl Facet {
    /// The name used in URLs, JSON and translation keys.
    pub fn id(self) -> &'static str {
        match self {
            Facet::Theme => "theme",
            Facet::Aim => "aim",
            Facet::Kind => "kind",
            Facet::Country => "country",
            Facet::Language => "language",
            Facet::Level => "level",
            Facet::Year => "year",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// What the index needs to know of one published initiative.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: String,
    pub language: Lang,
    pub country: String,
    pub place: String,
    pub themes: Vec<Theme>,
    pub aims: Vec<Aim>,
    pub kind: Kind,
    pub level: Option<Level>,
    pub year: Option<i32>,
    pub started: Option<String>,
    /// For alphabetical order: the folded title each reader sees (the translation in
    /// their language when there is one, else the original), indexed like [`Lang::ALL`].
    pub sort_titles: [String; 3],
    /// Searchable text by field, every language together.
    pub title: String,
    pub summary: String,
    pub body: String,
    /// City, organisation and partners: names people search for.
    pub names: String,
}

impl Document {
    pub fn from_record(record: &InitiativeRecord, place_slug: &str) -> Document {
        let join = |m: &praxis_domain::Multilingual| m.0.values().cloned().collect::<Vec<_>>().join("\n");
        let mut names = vec![record.city.clone()];
        names.extend(record.organisation.clone());
        names.extend(record.partners.iter().cloned());
        Document {
            id: record.id.clone(),
            language: record.language,
            country: record.country.clone(),
            place: place_slug.to_string(),
            themes: record.themes.clone(),
            aims: record.aims.clone(),
            kind: record.kind,
            level: record.level,
            year: record.year(),
            started: record.started.clone(),
            sort_titles: Lang::ALL.map(|l| praxis_domain::text::fold(record.title_in(l).1)),
            title: join(&record.title),
            summary: join(&record.summary),
            body: join(&record.body),
            names: names.join("\n"),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub themes: Vec<Theme>,
    pub aims: Vec<Aim>,
    pub kinds: Vec<Kind>,
    pub countries: Vec<String>,
    pub languages: Vec<Lang>,
    pub levels: Vec<Level>,
    pub years: Vec<i32>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self == &Filters::default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best text match first; newest first when there is no text.
    #[default]
    Relevance,
    Newest,
    Oldest,
    Title,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Newest, Sort::Oldest, Sort::Title];
    pub fn id(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Title => "title",
        }
    }
    pub fn from_id(id: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.id() == id)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Query {
    pub text: String,
    /// The reader's language: titles are sorted as they read them.
    pub lang: Lang,
    pub filters: Filters,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub score: f32,
}

/// For each facet, how many hits each value would have. A facet's own filter is left out
/// when counting it, so choosing one theme still shows how many the other themes have.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts(pub BTreeMap<Facet, BTreeMap<String, usize>>);

impl FacetCounts {
    pub fn get(&self, facet: Facet) -> Option<&BTreeMap<String, usize>> {
        self.0.get(&facet)
    }
    pub fn count(&self, facet: Facet, value: &str) -> usize {
        self.0.get(&facet).and_then(|m| m.get(value)).copied().unwrap_or(0)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: FacetCounts,
}

struct Entry {
    id: String,
    live: bool,
    /// Where this entry's interned facet values (theme, aim, kind, country, language,
    /// level, year) sit in `Catalogue::pool`: counting and filtering then walk one
    /// contiguous array of small integers.
    values_at: u32,
    values_len: u8,
    /// The start date as YYYYMMDD, 0 when unknown: compared as an integer.
    date: u32,
    sort_titles: [String; 3],
}

/// Facet values seen so far, each with a small id.
#[derive(Default)]
struct Values {
    ids: HashMap<(Facet, String), u16>,
    names: Vec<(Facet, String)>,
    /// The facet bit of each value, by id.
    facet_bits: Vec<u8>,
}

impl Values {
    fn intern(&mut self, facet: Facet, value: String) -> u16 {
        if let Some(id) = self.ids.get(&(facet, value.clone())) {
            return *id;
        }
        let id = u16::try_from(self.names.len()).expect("fewer than 65,536 distinct facet values");
        self.names.push((facet, value.clone()));
        self.facet_bits.push(facet.bit());
        self.ids.insert((facet, value), id);
        id
    }

    fn get(&self, facet: Facet, value: String) -> Option<u16> {
        self.ids.get(&(facet, value)).copied()
    }
}

const FIELD_TITLE: u8 = 1;
const FIELD_SUMMARY: u8 = 2;
const FIELD_BODY: u8 = 4;
const FIELD_NAMES: u8 = 8;

fn field_weight(mask: u8) -> f32 {
    if mask & FIELD_TITLE != 0 {
        3.0
    } else if mask & FIELD_NAMES != 0 {
        2.5
    } else if mask & FIELD_SUMMARY != 0 {
        1.5
    } else {
        1.0
    }
}

/// The index. Updating a document retires its old entry rather than rewriting postings;
/// retired entries cost a little memory until the next rebuild from the store (every
/// start), which is cheap and starts clean.
#[derive(Default)]
pub struct Catalogue {
    entries: Vec<Entry>,
    values: Values,
    pool: Vec<u16>,
    by_id: HashMap<String, u32>,
    terms: BTreeMap<String, Vec<(u32, u8)>>,
    live: usize,
}

impl Catalogue {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn from_documents(documents: impl IntoIterator<Item = Document>) -> Self {
        let mut catalogue = Catalogue::new();
        for d in documents {
            catalogue.upsert(d);
        }
        catalogue
    }

    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    /// Adds a document, replacing any earlier version of it.
    pub fn upsert(&mut self, d: Document) {
        self.remove(&d.id);
        let slot = u32::try_from(self.entries.len()).expect("fewer than 4 billion entries");
        let mut fields: HashMap<String, u8> = HashMap::new();
        for (text, field) in [
            (&d.title, FIELD_TITLE),
            (&d.summary, FIELD_SUMMARY),
            (&d.body, FIELD_BODY),
            (&d.names, FIELD_NAMES),
        ] {
            for t in tokens(text) {
                *fields.entry(t).or_default() |= field;
            }
        }
        for (term, mask) in fields {
            self.terms.entry(term).or_default().push((slot, mask));
        }
        self.by_id.insert(d.id.clone(), slot);
        let values_at = u32::try_from(self.pool.len()).expect("index under 4 billion values");
        for (facet, value) in facet_values(&d) {
            let id = self.values.intern(facet, value);
            self.pool.push(id);
        }
        let values_len =
            u8::try_from(self.pool.len() - values_at as usize).expect("under 256 values per entry");
        let date = d.started.as_deref().map(|s| s.replace('-', "")).and_then(|s| s.parse().ok()).unwrap_or(0);
        self.entries.push(Entry {
            id: d.id,
            live: true,
            values_at,
            values_len,
            date,
            sort_titles: d.sort_titles,
        });
        self.live += 1;
    }

    /// Takes a document out (unpublished or deleted). Unknown ids are ignored.
    pub fn remove(&mut self, id: &str) {
        if let Some(slot) = self.by_id.remove(id) {
            self.entries[slot as usize].live = false;
            self.live -= 1;
        }
    }

    pub fn search(&self, query: &Query) -> Results {
        let scores = self.text_scores(&query.text);
        let (wanted, filtered) = self.wanted_values(&query.filters);
        let facet_of = &self.values.facet_bits;
        let mut counts = vec![0usize; self.values.names.len()];
        let mut matched: Vec<(u32, f32)> = Vec::new();
        let candidates: Box<dyn Iterator<Item = (u32, f32)>> = match &scores {
            Some(s) => Box::new(s.iter().map(|(slot, score)| (*slot, *score))),
            None => Box::new((0..self.entries.len() as u32).map(|slot| (slot, 0.0))),
        };
        for (slot, score) in candidates {
            let entry = &self.entries[slot as usize];
            if !entry.live {
                continue;
            }
            let start = entry.values_at as usize;
            let values = &self.pool[start..start + entry.values_len as usize];
            let mut satisfied = 0u8;
            for v in values {
                if wanted[*v as usize] {
                    satisfied |= facet_of[*v as usize];
                }
            }
            let failing = filtered & !satisfied;
            if failing == 0 {
                matched.push((slot, score));
                for v in values {
                    counts[*v as usize] += 1;
                }
            } else if failing.is_power_of_two() {
                // Disjunctive counting: a facet counts entries that pass every other
                // filter, so choosing one theme still shows what the others would give.
                for v in values {
                    if facet_of[*v as usize] == failing {
                        counts[*v as usize] += 1;
                    }
                }
            }
        }
        let mut facets: BTreeMap<Facet, BTreeMap<String, usize>> = BTreeMap::new();
        for (id, count) in counts.into_iter().enumerate() {
            if count > 0 {
                let (facet, value) = &self.values.names[id];
                facets.entry(*facet).or_default().insert(value.clone(), count);
            }
        }
        let sort = match (query.sort, scores.is_some()) {
            (Sort::Relevance, false) => Sort::Newest,
            (sort, _) => sort,
        };
        let entries = &self.entries;
        let newest = |a: &(u32, f32), b: &(u32, f32)| {
            let (ea, eb) = (&entries[a.0 as usize], &entries[b.0 as usize]);
            eb.date.cmp(&ea.date).then_with(|| ea.id.cmp(&eb.id))
        };
        let l = Lang::ALL.iter().position(|l| *l == query.lang).unwrap_or(0);
        let order = |a: &(u32, f32), b: &(u32, f32)| match sort {
            Sort::Relevance => b.1.total_cmp(&a.1).then_with(|| newest(a, b)),
            Sort::Newest => newest(a, b),
            Sort::Oldest => {
                let (ea, eb) = (&entries[a.0 as usize], &entries[b.0 as usize]);
                // Undated initiatives go last rather than first.
                (ea.date == 0, ea.date, &ea.id).cmp(&(eb.date == 0, eb.date, &eb.id))
            }
            Sort::Title => {
                let (ea, eb) = (&entries[a.0 as usize], &entries[b.0 as usize]);
                ea.sort_titles[l].cmp(&eb.sort_titles[l]).then_with(|| ea.id.cmp(&eb.id))
            }
        };
        // Only the requested page needs full order: select the first offset+limit in
        // linear time, then sort just those.
        let wanted = query.offset.saturating_add(query.limit).min(matched.len());
        if wanted > 0 && wanted < matched.len() {
            matched.select_nth_unstable_by(wanted - 1, order);
        }
        let total = matched.len();
        matched.truncate(wanted);
        matched.sort_by(order);
        let hits = matched
            .into_iter()
            .skip(query.offset)
            .take(query.limit)
            .map(|(slot, score)| Hit { id: entries[slot as usize].id.clone(), score })
            .collect();
        Results { total, hits, facets: FacetCounts(facets) }
    }

    /// Which interned values the filters ask for, and a bit per facet that is filtered.
    /// A value nobody has yet still filters (it matches nothing).
    fn wanted_values(&self, f: &Filters) -> (Vec<bool>, u8) {
        let mut wanted = vec![false; self.values.names.len()];
        let mut filtered = 0u8;
        let mut want = |facet: Facet, values: Vec<String>| {
            if values.is_empty() {
                return;
            }
            filtered |= facet.bit();
            for v in values {
                if let Some(id) = self.values.get(facet, v) {
                    wanted[id as usize] = true;
                }
            }
        };
        want(Facet::Theme, f.themes.iter().map(|v| v.id().to_string()).collect());
        want(Facet::Aim, f.aims.iter().map(|v| v.id().to_string()).collect());
        want(Facet::Kind, f.kinds.iter().map(|v| v.id().to_string()).collect());
        want(Facet::Country, f.countries.clone());
        want(Facet::Language, f.languages.iter().map(|v| v.code().to_string()).collect());
        want(Facet::Level, f.levels.iter().map(|v| v.id().to_string()).collect());
        want(Facet::Year, f.years.iter().map(|v| v.to_string()).collect());
        (wanted, filtered)
    }

    /// Scores of the entries that match every term of `text`; `None` when the text has no
    /// terms (everything matches).
    fn text_scores(&self, text: &str) -> Option<HashMap<u32, f32>> {
        let terms = tokens(text);
        if terms.is_empty() {
            return None;
        }
        let n = self.entries.len().max(1) as f32;
        let mut total: Option<HashMap<u32, f32>> = None;
        for term in terms {
            let mut this: HashMap<u32, f32> = HashMap::new();
            // Exact term, and longer words that start with it (a cheap stand-in for stemming:
            // "loyer" finds "loyers"). Prefix matches weigh less than exact ones.
            let prefix = term.chars().count() >= 4;
            let upper = format!("{term}\u{10FFFF}");
            let range = if prefix {
                self.terms.range(term.clone()..upper)
            } else {
                self.terms.range(term.clone()..=term.clone())
            };
            for (word, postings) in range {
                let idf = (1.0 + n / postings.len() as f32).ln();
                let exactness = if *word == term { 1.0 } else { 0.7 };
                for (slot, mask) in postings {
                    let s = field_weight(*mask) * idf * exactness;
                    let best = this.entry(*slot).or_default();
                    if s > *best {
                        *best = s;
                    }
                }
            }
            total = Some(match total {
                None => this,
                Some(previous) => previous
                    .into_iter()
                    .filter_map(|(slot, s)| this.get(&slot).map(|t| (slot, s + t)))
                    .collect(),
            });
        }
        total
    }
}

/// The facet values of a document, as (facet, value id) pairs.
fn facet_values(d: &Document) -> Vec<(Facet, String)> {
    let mut values = Vec::new();
    values.extend(d.themes.iter().map(|t| (Facet::Theme, t.id().to_string())));
    values.extend(d.aims.iter().map(|a| (Facet::Aim, a.id().to_string())));
    values.push((Facet::Kind, d.kind.id().to_string()));
    values.push((Facet::Country, d.country.clone()));
    values.push((Facet::Language, d.language.code().to_string()));
    values.extend(d.level.map(|l| (Facet::Level, l.id().to_string())));
    values.extend(d.year.map(|y| (Facet::Year, y.to_string())));
    values.sort();
    values.dedup();
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn doc(id: &str, lang: Lang, title: &str, themes: &[Theme], country: &str, started: &str) -> Document {
        Document {
            id: id.into(),
            language: lang,
            country: country.into(),
            place: format!("{}-x", country.to_lowercase()),
            themes: themes.to_vec(),
            aims: vec![Aim::Inclusive],
            kind: Kind::Program,
            level: Some(Level::Local),
            year: started.get(..4).and_then(|y| y.parse().ok()),
            started: Some(started.into()),
            sort_titles: [0, 1, 2].map(|_| praxis_domain::text::fold(title)),
            title: title.into(),
            summary: String::new(),
            body: String::new(),
            names: String::new(),
        }
    }

    fn fixture() -> Catalogue {
        Catalogue::from_documents([
            doc("a", Lang::Fr, "Aide au loyer pour les étudiants", &[Theme::Housing], "FR", "2021-01-01"),
            doc(
                "b",
                Lang::Es,
                "Subsidio de alquiler",
                &[Theme::Housing, Theme::SocialCare],
                "UY",
                "2019-06-01",
            ),
            doc("c", Lang::En, "Rent relief for tenants", &[Theme::Housing], "DE", "2020-03-01"),
            doc(
                "d",
                Lang::En,
                "Cooling centres in heatwaves",
                &[Theme::Health, Theme::EnvironmentClimate],
                "AU",
                "2022-12-01",
            ),
        ])
    }

    fn query(text: &str, filters: Filters) -> Query {
        Query { text: text.into(), filters, limit: 10, ..Query::default() }
    }

    #[test]
    fn empty_text_lists_everything_newest_first() {
        let r = fixture().search(&query("", Filters::default()));
        assert_eq!(r.total, 4);
        assert_eq!(r.hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["d", "a", "c", "b"]);
    }

    #[test]
    fn text_matches_folded_words_and_prefixes() {
        let c = fixture();
        let ids = |q: &str| {
            c.search(&query(q, Filters::default())).hits.into_iter().map(|h| h.id).collect::<Vec<_>>()
        };
        assert_eq!(ids("LOYER"), ["a"]);
        assert_eq!(ids("etudiant"), ["a"], "accents fold and prefixes match");
        assert_eq!(ids("alquiler subsidio"), ["b"]);
        assert!(ids("alquiler relief").is_empty(), "every word must match");
    }

    #[test]
    fn facets_are_disjunctive_within_a_dimension() {
        let c = fixture();
        let filters = Filters { themes: vec![Theme::Health], ..Filters::default() };
        let r = c.search(&query("", filters));
        assert_eq!(r.total, 1);
        // Other themes still show what choosing them would give.
        assert_eq!(r.facets.count(Facet::Theme, "housing"), 3);
        // Other dimensions count only the filtered hits.
        assert_eq!(r.facets.count(Facet::Country, "AU"), 1);
        assert_eq!(r.facets.count(Facet::Country, "FR"), 0);
    }

    #[test]
    fn upsert_replaces_and_remove_hides() {
        let mut c = fixture();
        c.upsert(doc(
            "a",
            Lang::Fr,
            "Budget participatif",
            &[Theme::GovernanceParticipation],
            "FR",
            "2021-01-01",
        ));
        assert_eq!(c.len(), 4);
        assert!(c.search(&query("loyer", Filters::default())).hits.is_empty());
        assert_eq!(c.search(&query("budget", Filters::default())).total, 1);
        c.remove("a");
        assert_eq!(c.len(), 3);
        assert_eq!(c.search(&query("budget", Filters::default())).total, 0);
        assert_eq!(c.search(&query("", Filters::default())).facets.count(Facet::Language, "fr"), 0);
    }

    #[test]
    fn sorts_and_pages() {
        let c = fixture();
        let mut q = query("", Filters::default());
        q.sort = Sort::Title;
        q.limit = 2;
        q.offset = 1;
        let r = c.search(&q);
        assert_eq!(r.total, 4);
        assert_eq!(r.hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["d", "c"]);
    }

    #[test]
    fn titles_sort_as_each_reader_sees_them() {
        let mut translated = doc("t", Lang::En, "Zebra crossings", &[Theme::Mobility], "GB", "2020-01-01");
        // The Spanish reader sees "Aceras seguras" first; the English reader sees it last.
        translated.sort_titles[2] = "aceras seguras".into();
        let c = Catalogue::from_documents([
            translated,
            doc("m", Lang::En, "Market halls", &[Theme::Food], "GB", "2020-01-01"),
        ]);
        let order = |lang| {
            let q = Query { sort: Sort::Title, lang, limit: 10, ..Query::default() };
            c.search(&q).hits.into_iter().map(|h| h.id).collect::<Vec<_>>()
        };
        assert_eq!(order(Lang::En), ["m", "t"]);
        assert_eq!(order(Lang::Es), ["t", "m"]);
    }

    proptest! {
        #[test]
        fn any_page_is_the_slice_of_the_full_order(
            dates in proptest::collection::vec(0u32..40, 1..60),
            sort_pick in 0usize..4,
            offset in 0usize..70,
            limit in 1usize..25,
        ) {
            let docs = dates.iter().enumerate().map(|(i, d)| {
                let started = if *d == 0 { String::new() } else { format!("20{:02}-01-01", d % 25) };
                let mut doc = doc(&format!("d{i:03}"), Lang::ALL[i % 3], &format!("title {}", d * 7 % 13), &[Theme::Housing], "FR", &started);
                if *d == 0 { doc.started = None; doc.year = None; }
                doc
            });
            let c = Catalogue::from_documents(docs);
            let sort = Sort::ALL[sort_pick];
            let full = c.search(&Query { sort, limit: 1000, ..Query::default() });
            let page = c.search(&Query { sort, offset, limit, ..Query::default() });
            let expected: Vec<String> = full.hits.iter().skip(offset).take(limit).map(|h| h.id.clone()).collect();
            prop_assert_eq!(page.hits.into_iter().map(|h| h.id).collect::<Vec<_>>(), expected);
            prop_assert_eq!(page.total, full.total);
        }

        #[test]
        fn facet_counts_match_filtering(theme_pick in 0usize..16, country_pick in 0usize..4) {
            let c = fixture();
            let countries = ["FR", "UY", "DE", "AU"];
            let theme = Theme::ALL[theme_pick];
            let base = Filters { countries: vec![countries[country_pick].to_string()], ..Filters::default() };
            let counted = c.search(&query("", base.clone())).facets.count(Facet::Theme, theme.id());
            let filtered = Filters { themes: vec![theme], ..base };
            prop_assert_eq!(counted, c.search(&query("", filtered)).total);
        }
    }
}
