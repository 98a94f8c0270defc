//! The in-memory catalogue index: filters, facets, sorting and simple text matching.

use crate::analysis::{stem_tokens, tokens};
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
    /// their language when there is one, else the original), indexed like `Lang::all()`.
    pub sort_titles: Vec<String>,
    /// Searchable text: each field in each language it is written in.
    pub texts: Vec<(Lang, Field, String)>,
    /// City, organisation and partners: names people search for, matched as written
    /// (folded, not stemmed) whatever the query's language.
    pub names: String,
}

/// The parts of an initiative's text, which weigh differently in ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Summary,
    Body,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Field::Title => 3.0,
            Field::Summary => 1.5,
            Field::Body => 1.0,
        }
    }
}

const NAMES_WEIGHT: f32 = 2.5;

/// Index terms for names carry a marker so that they never meet stemmed words.
fn name_term(word: &str) -> String {
    format!("@{word}")
}

impl Document {
    pub fn from_record(record: &InitiativeRecord, place_slug: &str) -> Document {
        let mut texts = Vec::new();
        for (field, text) in
            [(Field::Title, &record.title), (Field::Summary, &record.summary), (Field::Body, &record.body)]
        {
            for (lang, value) in &text.0 {
                texts.push((*lang, field, value.clone()));
            }
        }
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
            sort_titles: Lang::all()
                .iter()
                .map(|&l| praxis_domain::text::fold(record.title_in(l).1))
                .collect(),
            texts,
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
    language: Lang,
    /// Field-weighted number of terms.
    length: f32,
    /// Where this entry's interned facet values (theme, aim, kind, country, language,
    /// level, year) sit in `Catalogue::pool`: counting and filtering then walk one
    /// contiguous array of small integers.
    values_at: u32,
    values_len: u8,
    /// The start date as YYYYMMDD, 0 when unknown: compared as an integer.
    date: u32,
    sort_titles: Vec<String>,
    /// The place's slug, to keep lists of neighbours from crowding into one city.
    place: String,
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

/// The index. Updating a document retires its old entry rather than rewriting postings;
/// retired entries cost a little memory until the next rebuild from the store (every
/// start), which is cheap and starts clean.
#[derive(Default)]
pub struct Catalogue {
    entries: Vec<Entry>,
    values: Values,
    pool: Vec<u16>,
    by_id: HashMap<String, u32>,
    /// Term → (entry, field-weighted term frequency).
    terms: BTreeMap<String, Vec<(u32, f32)>>,
    /// Sum of the weighted lengths of live entries, for BM25's length normalisation.
    total_length: f64,
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
        let mut frequencies: HashMap<String, f32> = HashMap::new();
        let mut length = 0f32;
        for (lang, field, text) in &d.texts {
            for term in stem_tokens(&tokens(text), *lang) {
                *frequencies.entry(term).or_default() += field.weight();
                length += field.weight();
            }
        }
        for word in tokens(&d.names) {
            *frequencies.entry(name_term(&word)).or_default() += NAMES_WEIGHT;
            length += NAMES_WEIGHT;
        }
        for (term, tf) in frequencies {
            self.terms.entry(term).or_default().push((slot, tf));
        }
        self.total_length += f64::from(length);
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
            language: d.language,
            length,
            values_at,
            values_len,
            date,
            sort_titles: d.sort_titles,
            place: d.place,
        });
        self.live += 1;
    }

    /// Takes a document out (unpublished or deleted). Unknown ids are ignored.
    pub fn remove(&mut self, id: &str) {
        if let Some(slot) = self.by_id.remove(id) {
            self.entries[slot as usize].live = false;
            self.total_length -= f64::from(self.entries[slot as usize].length);
            self.live -= 1;
        }
    }

    pub fn search(&self, query: &Query) -> Results {
        let scores = self.text_scores(&query.text, query.lang);
        self.search_scored(query, scores)
    }

    /// Filters, counts and orders entries given their text scores (from any layer or
    /// their fusion); `None` means no text: every entry is a candidate.
    pub fn search_scored(&self, query: &Query, scores: Option<HashMap<u32, f32>>) -> Results {
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
        let l = query.lang.index();
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

    /// Scores of the entries that match `text` (written in `lang`); `None` when the text
    /// has no terms (everything matches).
    fn text_scores(&self, text: &str, lang: Lang) -> Option<HashMap<u32, f32>> {
        let mut terms = query_terms(text, lang);
        self.tolerate_typos(&mut terms);
        if terms.is_empty() {
            return None;
        }
        Some(self.bm25(&terms))
    }

    /// BM25 over field-weighted frequencies: any term may match (OR), and entries that
    /// match more of the query's weight rank higher (a coordination factor), so that a
    /// long natural question still finds the documents that answer most of it.
    pub fn bm25(&self, groups: &[QueryTerm]) -> HashMap<u32, f32> {
        const K1: f32 = 1.2;
        const B: f32 = 0.75;
        let n = self.live.max(1) as f32;
        let average = ((self.total_length / self.live.max(1) as f64) as f32).max(1.0);
        let total_weight: f32 = groups.iter().map(|g| g.weight).sum::<f32>().max(f32::EPSILON);
        // Dense accumulators indexed by entry: no hashing in the inner loop.
        let mut score = vec![0f32; self.entries.len()];
        let mut matched = vec![0f32; self.entries.len()];
        let mut best = vec![0f32; self.entries.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut group_touched: Vec<u32> = Vec::new();
        for group in groups {
            // A word counts once: its best-scoring form (stem under one language or
            // another, or the word as a name).
            for term in &group.forms {
                let Some(postings) = self.terms.get(term) else { continue };
                // Retired entries still in the postings are few (until the next
                // rebuild); counting them in the document frequency is harmless.
                let df = postings.len() as f32;
                let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
                for (slot, tf) in postings {
                    let entry = &self.entries[*slot as usize];
                    if !entry.live {
                        continue;
                    }
                    let norm = K1 * (1.0 - B + B * entry.length / average);
                    let s = idf * tf * (K1 + 1.0) / (tf + norm);
                    let b = &mut best[*slot as usize];
                    if *b == 0.0 {
                        group_touched.push(*slot);
                    }
                    if s > *b {
                        *b = s;
                    }
                }
            }
            for slot in group_touched.drain(..) {
                let i = slot as usize;
                if matched[i] == 0.0 {
                    touched.push(slot);
                }
                score[i] += group.weight * best[i];
                matched[i] += group.weight;
                best[i] = 0.0;
            }
        }
        let mut out = HashMap::with_capacity(touched.len());
        for slot in touched {
            let i = slot as usize;
            out.insert(slot, score[i] * (matched[i] / total_weight));
        }
        out
    }

    /// Typo tolerance: a word of five letters or more that the index does not know also
    /// matches the index's terms one edit away (same first two letters), so "subsido"
    /// finds "subsidio".
    pub fn tolerate_typos(&self, terms: &mut [QueryTerm]) {
        for term in terms.iter_mut() {
            if term.forms.iter().any(|f| self.terms.contains_key(f)) {
                continue;
            }
            let mut extra = Vec::new();
            for form in term.forms.iter().filter(|f| !f.starts_with('@') && f.chars().count() >= 5) {
                let prefix: String = form.chars().take(2).collect();
                let upper = format!("{prefix}\u{10FFFF}");
                for (candidate, _) in self.terms.range(prefix.clone()..upper) {
                    if one_edit_apart(form, candidate) && !extra.contains(candidate) {
                        extra.push(candidate.clone());
                    }
                }
            }
            term.forms.extend(extra);
        }
    }

    /// The entry id of a slot, for callers that combine scores from several layers.
    pub fn id_of(&self, slot: u32) -> Option<&str> {
        self.entries.get(slot as usize).filter(|e| e.live).map(|e| e.id.as_str())
    }

    /// Live entries whose names (city, organisation, partners) contain every one of
    /// these folded words.
    pub fn entries_naming(&self, words: &[String]) -> Vec<u32> {
        let mut result: Option<Vec<u32>> = None;
        for word in words {
            let slots: Vec<u32> = self
                .terms
                .get(&name_term(word))
                .map(|p| p.iter().map(|(slot, _)| *slot).filter(|s| self.entries[*s as usize].live).collect())
                .unwrap_or_default();
            result = Some(match result {
                None => slots,
                Some(previous) => previous.into_iter().filter(|s| slots.contains(s)).collect(),
            });
        }
        result.unwrap_or_default()
    }

    /// The language a live entry was written in.
    pub fn language_of(&self, slot: u32) -> Option<Lang> {
        self.entries.get(slot as usize).filter(|e| e.live).map(|e| e.language)
    }

    pub fn slot_of(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// The place (slug) of a live entry.
    pub fn place_of(&self, slot: u32) -> Option<&str> {
        self.entries.get(slot as usize).filter(|e| e.live).map(|e| e.place.as_str())
    }

    /// The values a live entry has for one facet (its themes, say).
    pub fn values_of(&self, slot: u32, facet: Facet) -> Vec<&str> {
        let Some(entry) = self.entries.get(slot as usize).filter(|e| e.live) else { return Vec::new() };
        let at = entry.values_at as usize;
        self.pool[at..at + entry.values_len as usize]
            .iter()
            .map(|id| &self.values.names[*id as usize])
            .filter(|(f, _)| *f == facet)
            .map(|(_, value)| value.as_str())
            .collect()
    }

    /// Whether an entry holds every one of these terms (in any of each term's forms).
    pub fn holds_all(&self, slot: u32, terms: &[QueryTerm]) -> bool {
        !terms.is_empty()
            && terms.iter().all(|term| {
                term.forms.iter().any(|form| {
                    // Postings are in slot order: entries are only ever appended.
                    self.terms.get(form).is_some_and(|p| p.binary_search_by_key(&slot, |(s, _)| *s).is_ok())
                })
            })
    }

    /// Every live entry's slot.
    pub fn live_slots(&self) -> impl Iterator<Item = u32> + '_ {
        self.entries.iter().enumerate().filter(|(_, e)| e.live).map(|(slot, _)| slot as u32)
    }
}

/// Whether two words differ by at most one insertion, deletion or substitution.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        // One substitution: everything after the first difference is equal.
        short[prefix..].iter().skip(1).eq(long[prefix..].iter().skip(1))
    } else {
        // One insertion in the longer word.
        short[prefix..] == long[prefix + 1..]
    }
}

/// One word of a query and the forms it may take in the index.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryTerm {
    pub forms: Vec<String>,
    pub weight: f32,
}

/// The terms of a query: each word stemmed as the searcher's language would (and, in
/// case the words are in another language, as the other languages would), and the word
/// as a name, so "Montevideo" or "CCAS de Nantes" match the places and bodies they name.
pub fn query_terms(text: &str, lang: Lang) -> Vec<QueryTerm> {
    let words = tokens(text);
    let mut stems: Vec<Vec<String>> = vec![Vec::new(); words.len()];
    for l in std::iter::once(lang).chain(Lang::all().iter().copied().filter(|l| *l != lang)) {
        for (i, stem) in stem_tokens(&words, l).into_iter().enumerate() {
            if !stems[i].contains(&stem) {
                stems[i].push(stem);
            }
        }
    }
    let mut terms: Vec<QueryTerm> = Vec::new();
    for (word, mut forms) in words.iter().zip(stems) {
        forms.push(name_term(word));
        if !terms.iter().any(|t| t.forms == forms) {
            terms.push(QueryTerm { forms, weight: 1.0 });
        }
    }
    terms
}

/// Terms for labels in a known language (the glossary's), weighted.
pub fn label_terms(label: &str, lang: Lang, weight: f32) -> Vec<QueryTerm> {
    stem_tokens(&tokens(label), lang)
        .into_iter()
        .map(|stem| QueryTerm { forms: vec![stem], weight })
        .collect()
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
            sort_titles: Lang::all().iter().map(|_| praxis_domain::text::fold(title)).collect(),
            texts: vec![(lang, Field::Title, title.into())],
            names: String::new(),
        }
    }

    fn fixture() -> Catalogue {
        Catalogue::from_documents([
            doc(
                "a",
                Lang::known("fr"),
                "Aide au loyer pour les étudiants",
                &[Theme::Housing],
                "FR",
                "2021-01-01",
            ),
            doc(
                "b",
                Lang::known("es"),
                "Subsidio de alquiler",
                &[Theme::Housing, Theme::SocialCare],
                "UY",
                "2019-06-01",
            ),
            doc("c", Lang::known("en"), "Rent relief for tenants", &[Theme::Housing], "DE", "2020-03-01"),
            doc(
                "d",
                Lang::known("en"),
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
    fn text_matches_folded_and_stemmed_words_in_any_language() {
        let c = fixture();
        let ids = |q: &str| {
            c.search(&query(q, Filters::default())).hits.into_iter().map(|h| h.id).collect::<Vec<_>>()
        };
        assert_eq!(ids("LOYERS"), ["a"], "case, plural, and a French word under an English interface");
        assert_eq!(ids("étudiant"), ["a"], "accents fold and stems meet");
        assert_eq!(ids("alquiler subsidio"), ["b"]);
        assert_eq!(ids("relief for tenants"), ["c"]);
        // Any word may match; those matching more of the query come first.
        let both = c.search(&query("subsidio alquiler relief", Filters::default()));
        assert_eq!(both.hits[0].id, "b");
        assert_eq!(both.total, 2);
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
            Lang::known("fr"),
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
        let mut translated =
            doc("t", Lang::known("en"), "Zebra crossings", &[Theme::Mobility], "GB", "2020-01-01");
        // The Spanish reader sees "Aceras seguras" first; the English reader sees it last.
        translated.sort_titles[2] = "aceras seguras".into();
        let c = Catalogue::from_documents([
            translated,
            doc("m", Lang::known("en"), "Market halls", &[Theme::Food], "GB", "2020-01-01"),
        ]);
        let order = |lang| {
            let q = Query { sort: Sort::Title, lang, limit: 10, ..Query::default() };
            c.search(&q).hits.into_iter().map(|h| h.id).collect::<Vec<_>>()
        };
        assert_eq!(order(Lang::known("en")), ["m", "t"]);
        assert_eq!(order(Lang::known("es")), ["t", "m"]);
    }

    #[test]
    fn typos_in_longer_words_are_forgiven() {
        let c = fixture();
        let ids = |q: &str| {
            c.search(&query(q, Filters::default())).hits.into_iter().map(|h| h.id).collect::<Vec<_>>()
        };
        assert_eq!(ids("subsido"), ["b"], "a missing letter");
        assert_eq!(ids("alquilar"), ["b"], "a wrong letter");
        assert!(ids("sub").is_empty(), "short words are not stretched");
        assert!(one_edit_apart("tenant", "tenants"));
        assert!(!one_edit_apart("tenant", "tennis"));
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
                let mut doc = doc(&format!("d{i:03}"), Lang::all()[i % Lang::all().len()], &format!("title {}", d * 7 % 13), &[Theme::Housing], "FR", &started);
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
