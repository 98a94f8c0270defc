//! Initiatives like this one: what a reader who found one initiative should read next.
//!
//! With a model, neighbours are the initiatives whose centred embeddings lie closest
//! (the language bias taken out, so a French initiative finds its Spanish and English
//! kin), nudged by shared concepts and themes. Without one, they come from the concepts
//! the initiative names (which the glossary carries into every language) and its themes
//! and aims. Either way the list is diversified — at most one initiative per place, and
//! a share of it in other languages when such neighbours exist — and each neighbour says
//! why it is there: the themes, aims and concepts the two share.

use crate::catalogue::{label_terms, Catalogue, Facet};
use crate::concepts::Glossary;
use crate::semantic::VectorIndex;
use praxis_domain::Lang;
use std::collections::{HashMap, HashSet};

/// What the neighbours were found by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Embeddings, with concepts and themes.
    Meaning,
    /// Concepts, themes and aims only (no model loaded).
    Concepts,
}

/// Why a neighbour is there: what the two initiatives share.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Why {
    /// Theme ids.
    pub themes: Vec<String>,
    /// Aim ids.
    pub aims: Vec<String>,
    /// Concept indexes in the glossary.
    pub concepts: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Neighbour {
    pub id: String,
    pub score: f32,
    pub why: Why,
}

/// How the evidence weighs. Chosen on xling-dev with `praxis eval-similar` (a grid over
/// concepts 0–0.06, themes 0–0.6, aims 0–0.2): shared themes help most, and stop helping
/// past 0.3; the values below sit short of that so that embeddings still lead.
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    /// Each concept the two share.
    pub concept: f32,
    /// The Jaccard overlap of their themes.
    pub themes: f32,
    /// The Jaccard overlap of their aims.
    pub aims: f32,
    /// How many neighbours by meaning are considered.
    pub candidates: usize,
    /// The share of the list that should be in other languages, when such neighbours
    /// score at least `other_language_floor` of the best.
    pub other_languages: f32,
    pub other_language_floor: f32,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            concept: 0.03,
            themes: 0.2,
            aims: 0.1,
            candidates: 60,
            other_languages: 0.4,
            other_language_floor: 0.75,
        }
    }
}

fn jaccard(a: &[&str], b: &[&str]) -> f32 {
    let a: HashSet<&str> = a.iter().copied().collect();
    let b: HashSet<&str> = b.iter().copied().collect();
    let union = a.union(&b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(&b).count() as f32 / union as f32
    }
}

/// The neighbours of the initiative `id`, whose own text (title and summary, in any
/// language) is `text`. `None` when the catalogue does not hold it.
pub fn similar(
    catalogue: &Catalogue,
    glossary: &Glossary,
    vectors: Option<&VectorIndex>,
    id: &str,
    text: &str,
    limit: usize,
    weights: Weights,
) -> Option<(Vec<Neighbour>, Basis)> {
    let own = catalogue.slot_of(id).filter(|s| catalogue.id_of(*s).is_some())?;
    let own_lang = catalogue.language_of(own)?;
    let own_place = catalogue.place_of(own).unwrap_or_default().to_string();
    let own_themes = catalogue.values_of(own, Facet::Theme);
    let own_aims = catalogue.values_of(own, Facet::Aim);

    // The concepts the initiative names, each with the index terms of its labels in
    // every language.
    let mut concepts: Vec<(usize, Vec<Vec<crate::catalogue::QueryTerm>>)> = Vec::new();
    for m in glossary.find(text) {
        if concepts.iter().any(|(c, _)| *c == m.concept) {
            continue;
        }
        let concept = glossary.concept(m.concept);
        let labels = Lang::all()
            .iter()
            .flat_map(|&lang| concept.labels(lang).iter().map(move |l| label_terms(l, lang, 1.0)))
            .filter(|terms| !terms.is_empty())
            .collect();
        concepts.push((m.concept, labels));
    }
    let shared_concepts = |slot: u32| -> Vec<usize> {
        concepts
            .iter()
            .filter(|(_, labels)| labels.iter().any(|terms| catalogue.holds_all(slot, terms)))
            .map(|(c, _)| *c)
            .collect()
    };

    // Candidates: the nearest by meaning, and every entry sharing a concept or a theme.
    let by_meaning: HashMap<u32, f32> = vectors
        .map(|index| {
            index
                .neighbours(id, weights.candidates)
                .into_iter()
                .filter_map(|(other, s)| catalogue.slot_of(&other).map(|slot| (slot, s)))
                .collect()
        })
        .unwrap_or_default();
    let basis = if by_meaning.is_empty() { Basis::Concepts } else { Basis::Meaning };
    let mut candidates: HashSet<u32> = by_meaning.keys().copied().collect();
    if basis == Basis::Concepts {
        for slot in catalogue.live_slots().filter(|s| *s != own) {
            let themes = catalogue.values_of(slot, Facet::Theme);
            if themes.iter().any(|t| own_themes.contains(t)) {
                candidates.insert(slot);
            }
        }
    }

    let mut scored: Vec<(u32, f32, Why)> = candidates
        .into_iter()
        .filter(|slot| *slot != own && catalogue.id_of(*slot).is_some())
        .map(|slot| {
            let themes = catalogue.values_of(slot, Facet::Theme);
            let aims = catalogue.values_of(slot, Facet::Aim);
            let shared = shared_concepts(slot);
            let evidence = weights.themes * jaccard(&own_themes, &themes)
                + weights.aims * jaccard(&own_aims, &aims)
                + weights.concept * shared.len() as f32;
            let score = match basis {
                Basis::Meaning => by_meaning.get(&slot).copied().unwrap_or(0.0) + evidence,
                // Without meaning, shared concepts carry most: themes are broad.
                Basis::Concepts => 10.0 * weights.concept * shared.len() as f32 + evidence,
            };
            let why = Why {
                themes: own_themes.iter().filter(|t| themes.contains(t)).map(|t| t.to_string()).collect(),
                aims: own_aims.iter().filter(|a| aims.contains(a)).map(|a| a.to_string()).collect(),
                concepts: shared,
            };
            (slot, score, why)
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| catalogue.id_of(a.0).cmp(&catalogue.id_of(b.0))));

    // One per place (and not the initiative's own place twice over).
    let mut places: HashSet<String> = HashSet::new();
    places.insert(own_place);
    let mut diverse: Vec<(u32, f32, Why)> = Vec::new();
    for candidate in scored {
        let place = catalogue.place_of(candidate.0).unwrap_or_default().to_string();
        if place.is_empty() || places.insert(place) {
            diverse.push(candidate);
        }
    }

    let mut chosen: Vec<(u32, f32, Why)> = diverse.iter().take(limit).cloned().collect();
    // A share in other languages, when good enough neighbours exist.
    let wanted = (weights.other_languages * limit as f32).ceil() as usize;
    let best = chosen.first().map_or(0.0, |c| c.1);
    let other = |slot: u32| catalogue.language_of(slot).is_some_and(|l| l != own_lang);
    let mut spare = diverse
        .iter()
        .skip(limit)
        .filter(|c| other(c.0) && c.1 >= weights.other_language_floor * best)
        .cloned()
        .collect::<Vec<_>>()
        .into_iter();
    while chosen.iter().filter(|c| other(c.0)).count() < wanted {
        let Some(replacement) = spare.next() else { break };
        let Some(at) = chosen.iter().rposition(|c| !other(c.0)) else { break };
        chosen.remove(at);
        chosen.push(replacement);
    }
    chosen.sort_by(|a, b| b.1.total_cmp(&a.1));
    let neighbours = chosen
        .into_iter()
        .filter_map(|(slot, score, why)| {
            Some(Neighbour { id: catalogue.id_of(slot)?.to_string(), score, why })
        })
        .collect();
    Some((neighbours, basis))
}

/// What an initiative is about, for finding the concepts it names: its title and
/// summary in every language it is written in.
pub fn about(record: &praxis_domain::InitiativeRecord) -> String {
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(record.title.0.values().map(String::as_str));
    parts.extend(record.summary.0.values().map(String::as_str));
    parts.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Document, Field};
    use praxis_domain::{Aim, Kind, Theme};

    fn doc(id: &str, lang: &str, place: &str, title: &str, themes: &[Theme]) -> Document {
        let lang = Lang::known(lang);
        Document {
            id: id.into(),
            language: lang,
            country: "XX".into(),
            place: place.into(),
            themes: themes.to_vec(),
            aims: vec![Aim::Inclusive],
            kind: Kind::Program,
            level: None,
            year: None,
            started: None,
            sort_titles: Lang::all().iter().map(|_| title.to_lowercase()).collect(),
            texts: vec![(lang, Field::Title, title.into())],
            names: String::new(),
        }
    }

    fn catalogue() -> Catalogue {
        Catalogue::from_documents([
            doc("a", "en", "lyon", "Rent control for tenants", &[Theme::Housing]),
            doc("b", "fr", "paris", "Encadrement des loyers", &[Theme::Housing]),
            doc("c", "es", "madrid", "Control de alquileres", &[Theme::Housing]),
            doc("d", "en", "lyon", "Housing advice desk", &[Theme::Housing]),
            doc("e", "en", "boston", "Bus lanes", &[Theme::Mobility]),
            doc("f", "en", "leeds", "Tenant unions", &[Theme::Housing]),
        ])
    }

    fn ids(found: &[Neighbour]) -> Vec<&str> {
        found.iter().map(|n| n.id.as_str()).collect()
    }

    #[test]
    fn without_a_model_neighbours_share_themes_and_never_the_same_place() {
        let catalogue = catalogue();
        let glossary = Glossary::embedded();
        let (found, basis) =
            similar(&catalogue, glossary, None, "a", "Rent control for tenants", 5, Weights::default())
                .unwrap();
        assert_eq!(basis, Basis::Concepts);
        let mut got = ids(&found);
        got.sort();
        assert_eq!(got, ["b", "c", "f"], "d is in the same city, e shares nothing");
        assert!(found.iter().all(|n| n.why.themes == ["housing"]), "{found:?}");
        assert!(similar(&catalogue, glossary, None, "nope", "", 5, Weights::default()).is_none());
    }

    #[test]
    fn with_a_model_a_share_of_the_list_is_in_other_languages() {
        let mut catalogue = catalogue();
        for (id, lang, place) in [("x", "en", "york"), ("g", "fr", "nantes"), ("h", "es", "sevilla")] {
            catalogue.upsert(doc(id, lang, place, "Counterweight", &[Theme::Mobility]));
        }
        // Each language's vectors sum to zero, so centring leaves them as they are: the
        // English neighbours lie closest to "a", the French one a little further.
        let mut index = VectorIndex::new(4, Vec::new());
        for (id, lang, v) in [
            ("a", "en", [1.0, 0.0, 0.0, 0.0]),
            ("d", "en", [0.99, 0.1, 0.0, 0.0]),
            ("f", "en", [0.95, 0.2, 0.0, 0.0]),
            ("e", "en", [0.9, 0.3, 0.0, 0.0]),
            ("x", "en", [-3.84, -0.6, 0.0, 0.0]),
            ("b", "fr", [0.8, 0.0, 0.5, 0.0]),
            ("g", "fr", [-0.8, 0.0, -0.5, 0.0]),
            ("c", "es", [0.0, 0.0, 1.0, 0.0]),
            ("h", "es", [0.0, 0.0, -1.0, 0.0]),
        ] {
            index.upsert(id, Lang::known(lang), &v);
        }
        index.refresh();
        let weights = Weights { themes: 0.0, aims: 0.0, concept: 0.0, ..Weights::default() };
        let glossary = Glossary::embedded();
        let (found, basis) = similar(&catalogue, glossary, Some(&index), "a", "", 2, weights).unwrap();
        assert_eq!(basis, Basis::Meaning);
        assert_eq!(ids(&found), ["f", "b"], "d shares the city; b takes the place of e, in another language");
        // With no room asked for other languages, the closest stay.
        let same = Weights { other_languages: 0.0, ..weights };
        let (found, _) = similar(&catalogue, glossary, Some(&index), "a", "", 2, same).unwrap();
        assert_eq!(ids(&found), ["f", "e"]);
    }
}
