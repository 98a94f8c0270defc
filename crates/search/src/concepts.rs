//! The concept layer: a multilingual glossary of urban-policy concepts (written for
//! Praxis, kept in `data/glossary/*.jsonl`) that recognises concepts in a query written
//! in one language and carries them into the others ("aide au loyer" → "rent relief",
//! "subsidio de alquiler").

use crate::analysis::{stem_tokens, tokens};
use praxis_domain::text::fold;
use praxis_domain::{Lang, Theme, Vocabulary};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

// `GLOSSARY_FILES`: every `data/glossary/*.jsonl` (concepts) and
// `data/glossary/{lang}/*.jsonl` (one language's labels), collected by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/glossary.rs"));

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    pub id: String,
    pub theme: Theme,
    /// Labels per language (indexed like `Lang::all()`), the preferred one first.
    pub labels: Vec<Vec<String>>,
    pub broader: Option<String>,
}

impl Concept {
    pub fn labels(&self, lang: Lang) -> &[String] {
        self.labels.get(lang.index()).map_or(&[], Vec::as_slice)
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{file}:{line}: {message}")]
pub struct GlossaryError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// A line of a glossary file: a concept (`theme` given) with labels in any languages,
/// or more labels for a concept defined elsewhere (a language's own file).
#[derive(Deserialize)]
struct Row {
    id: String,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    broader: Option<String>,
    #[serde(flatten)]
    labels: std::collections::BTreeMap<String, serde_json::Value>,
}

/// A concept found in a query: which one, in which language, through which label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub concept: usize,
    pub lang: Lang,
    pub label: String,
}

pub struct Glossary {
    concepts: Vec<Concept>,
    /// (language, stemmed label terms joined by spaces) → concepts.
    labels: HashMap<(Lang, String), Vec<usize>>,
    longest: usize,
}

/// Two folded words alike but for an ending of at most three letters (a plural, a
/// gender, "social" and "sociaux"), or one a word of six letters or more that the other
/// derives from ("informal", "informalidade"); not a short stem ("abord", "abordable").
fn same_word(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (shorter, longer) = {
        let (x, y) = (a.chars().count(), b.chars().count());
        (x.min(y), x.max(y))
    };
    common + 3 >= longer || (common == shorter && shorter >= 6)
}

impl Glossary {
    /// The glossary compiled into the binary.
    pub fn embedded() -> &'static Glossary {
        static GLOSSARY: OnceLock<Glossary> = OnceLock::new();
        GLOSSARY.get_or_init(|| {
            let sources: Vec<(&str, &str)> = GLOSSARY_FILES.to_vec();
            Glossary::parse(&sources).unwrap_or_else(|e| panic!("the bundled glossary is invalid: {e}"))
        })
    }

    /// Reads glossary files (JSON Lines), checking ids, themes, labels and links. Concept
    /// files come first; a line without `theme` adds labels to a concept of an earlier
    /// file. A language may lack labels here ([`Glossary::unlabelled`] says where); the
    /// bundled glossary is checked to have them all.
    pub fn parse(sources: &[(&str, &str)]) -> Result<Glossary, GlossaryError> {
        let mut concepts: Vec<Concept> = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut lines: Vec<(String, usize)> = Vec::new();
        let langs = Lang::all().len();
        for (file, text) in sources {
            for (i, raw) in text.lines().enumerate() {
                let line = i + 1;
                let err = |message: String| GlossaryError { file: file.to_string(), line, message };
                if raw.trim().is_empty() {
                    continue;
                }
                let row: Row = serde_json::from_str(raw).map_err(|e| err(format!("not a concept: {e}")))?;
                let n = match &row.theme {
                    Some(theme_id) => {
                        let theme = Theme::from_id(theme_id)
                            .ok_or_else(|| err(format!("unknown theme {theme_id:?}")))?;
                        if !row.id.starts_with(&format!("{theme_id}/")) {
                            return Err(err(format!(
                                "id {:?} must start with its theme {theme_id:?}",
                                row.id
                            )));
                        }
                        if let Some(n) = ids.get(&row.id) {
                            let (f, l) = &lines[*n];
                            return Err(err(format!("id {:?} already used at {f}:{l}", row.id)));
                        }
                        ids.insert(row.id.clone(), concepts.len());
                        lines.push((file.to_string(), line));
                        concepts.push(Concept {
                            id: row.id.clone(),
                            theme,
                            labels: vec![Vec::new(); langs],
                            broader: row.broader.clone(),
                        });
                        concepts.len() - 1
                    }
                    None => *ids.get(&row.id).ok_or_else(|| {
                        err(format!("labels for {:?}, a concept no earlier file defines", row.id))
                    })?,
                };
                for (key, value) in &row.labels {
                    // Labels of a language not (yet) in the registry wait unused.
                    let Ok(lang) = key.parse::<Lang>() else { continue };
                    let list: Vec<String> = serde_json::from_value(value.clone())
                        .map_err(|_| err(format!("{lang}: labels must be a list of strings")))?;
                    if list.is_empty() || list.iter().any(|l| l.trim().is_empty()) {
                        return Err(err(format!("{lang}: needs at least one non-empty label")));
                    }
                    let slot = &mut concepts[n].labels[lang.index()];
                    if !slot.is_empty() {
                        return Err(err(format!("{lang}: {:?} is labelled twice", row.id)));
                    }
                    *slot = list;
                }
            }
        }
        for (concept, (file, line)) in concepts.iter().zip(&lines) {
            let at = |message: String| GlossaryError { file: file.clone(), line: *line, message };
            if let Some(b) = &concept.broader {
                if !ids.contains_key(b) {
                    return Err(at(format!("broader concept {b:?} does not exist")));
                }
            }
        }
        let mut labels: HashMap<(Lang, String), Vec<usize>> = HashMap::new();
        let mut longest = 1;
        for (n, concept) in concepts.iter().enumerate() {
            for &lang in Lang::all() {
                for label in concept.labels(lang) {
                    let terms = stem_tokens(&tokens(label), lang);
                    if terms.is_empty() {
                        continue;
                    }
                    longest = longest.max(terms.len());
                    let entry = labels.entry((lang, terms.join(" "))).or_default();
                    if !entry.contains(&n) {
                        entry.push(n);
                    }
                }
            }
        }
        Ok(Glossary { concepts, labels, longest })
    }

    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    /// (concept id, language) for every concept without a label in a registry language.
    pub fn unlabelled(&self) -> Vec<(String, Lang)> {
        self.concepts
            .iter()
            .flat_map(|c| Lang::all().iter().filter(|l| c.labels(**l).is_empty()).map(|l| (c.id.clone(), *l)))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }

    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    pub fn concept(&self, n: usize) -> &Concept {
        &self.concepts[n]
    }

    /// Concepts named in a text. Every language's labels are tried (people search in the
    /// interface language, but not always), longest labels first, without overlaps.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let words = tokens(text);
        let mut found: Vec<Match> = Vec::new();
        for &lang in Lang::all() {
            let terms = stem_tokens(&words, lang);
            let mut i = 0;
            while i < terms.len() {
                let mut advanced = false;
                for n in (1..=self.longest.min(terms.len() - i)).rev() {
                    let key = (lang, terms[i..i + n].join(" "));
                    let typed = &words[i..i + n];
                    let concepts: Vec<usize> = self
                        .labels
                        .get(&key)
                        .into_iter()
                        .flatten()
                        .copied()
                        .filter(|c| self.written_alike(*c, lang, typed))
                        .collect();
                    if !concepts.is_empty() {
                        for c in &concepts {
                            if !found.iter().any(|m| m.concept == *c) {
                                found.push(Match { concept: *c, lang, label: words[i..i + n].join(" ") });
                            }
                        }
                        i += n;
                        advanced = true;
                        break;
                    }
                }
                if !advanced {
                    i += 1;
                }
            }
        }
        found
    }

    /// Whether the words typed are one of the concept's labels in `lang` as written, give
    /// or take an ending: stems alone make "abordable" (affordable) the "abord" of
    /// "logement d'abord" (Housing First).
    fn written_alike(&self, concept: usize, lang: Lang, typed: &[String]) -> bool {
        self.concepts[concept].labels(lang).iter().any(|label| {
            let label = tokens(label);
            label.len() == typed.len() && label.iter().zip(typed).all(|(a, b)| same_word(a, b))
        })
    }

    /// Labels in `lang` that start with what was typed (folded), shortest first: search
    /// suggestions.
    pub fn suggest(&self, typed: &str, lang: Lang, limit: usize) -> Vec<&str> {
        let typed = fold(typed);
        if typed.chars().count() < 2 {
            return Vec::new();
        }
        let mut found: Vec<&str> = self
            .concepts
            .iter()
            .flat_map(|c| c.labels(lang).iter())
            .filter(|label| {
                let folded = fold(label);
                folded.starts_with(&typed) || folded.split(' ').any(|w| w.starts_with(&typed))
            })
            .map(String::as_str)
            .collect();
        found.sort_by_key(|l| (!fold(l).starts_with(&typed), l.chars().count(), *l));
        found.dedup();
        found.truncate(limit);
        found
    }

    /// The glossary as SKOS (Turtle): one `skos:Concept` per concept with preferred and
    /// alternative labels per language, its theme as a top concept, and broader links.
    /// The glossary as SKOS (Turtle) under `base`. `label(key, lang)` gives the
    /// interface's translations: `glossary-title` names the scheme, `theme-{id}` each
    /// theme, which are the top concepts. Every registry language is labelled.
    pub fn to_skos(&self, base: &str, label: &dyn Fn(&str, Lang) -> String) -> String {
        let base = base.trim_end_matches('/');
        let iri = |id: &str| format!("<{base}/concepts/{id}>");
        let literal =
            |s: &str, lang: Lang| format!("\"{}\"@{}", s.replace('\\', "\\\\").replace('"', "\\\""), lang);
        let labels_of = |key: &str| -> String {
            Lang::all().iter().map(|&lang| literal(&label(key, lang), lang)).collect::<Vec<_>>().join(", ")
        };
        let mut out = String::new();
        let _ = writeln!(out, "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .");
        let _ = writeln!(out, "@prefix dct: <http://purl.org/dc/terms/> .\n");
        let _ = writeln!(out, "<{base}/concepts> a skos:ConceptScheme ;");
        let _ = writeln!(out, "    skos:prefLabel {} ;", labels_of("glossary-title"));
        let _ = writeln!(out, "    dct:license <https://creativecommons.org/licenses/by/4.0/> .\n");
        for theme in Theme::ALL {
            let _ = writeln!(
                out,
                "{} a skos:Concept ;\n    skos:inScheme <{base}/concepts> ;\n    skos:topConceptOf <{base}/concepts> ;\n    skos:prefLabel {} ;\n    skos:notation \"{}\" .\n",
                iri(theme.id()),
                labels_of(&theme.label_key()),
                theme.id()
            );
        }
        for c in &self.concepts {
            let _ = writeln!(out, "{} a skos:Concept ;", iri(&c.id));
            let _ = writeln!(out, "    skos:inScheme <{base}/concepts> ;");
            for &lang in Lang::all() {
                let labels = c.labels(lang);
                let _ = writeln!(out, "    skos:prefLabel {} ;", literal(&labels[0], lang));
                if labels.len() > 1 {
                    let alts: Vec<String> = labels[1..].iter().map(|l| literal(l, lang)).collect();
                    let _ = writeln!(out, "    skos:altLabel {} ;", alts.join(", "));
                }
            }
            let broader = c.broader.as_deref().unwrap_or(c.theme.id());
            let _ = writeln!(out, "    skos:broader {} .\n", iri(broader));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_glossary_is_valid_and_large_enough() {
        let g = Glossary::embedded();
        assert!(g.len() >= 600, "{} concepts", g.len());
        for theme in Theme::ALL {
            let n = g.concepts().iter().filter(|c| c.theme == *theme).count();
            assert!(n >= 20, "{theme}: {n}");
        }
        let mut preferred: Vec<&str> =
            g.concepts().iter().map(|c| c.labels(Lang::known("en"))[0].as_str()).collect();
        preferred.sort_unstable();
        let before = preferred.len();
        preferred.dedup();
        assert_eq!(before, preferred.len(), "a preferred English label names two concepts");
    }

    #[test]
    fn the_bundled_glossary_labels_every_concept_in_every_language() {
        let missing = Glossary::embedded().unlabelled();
        assert!(missing.is_empty(), "{} labels missing, e.g. {:?}", missing.len(), missing.first());
    }

    #[test]
    fn finds_concepts_across_inflections_and_languages() {
        let fixture = r#"{"id": "housing/rent-subsidy", "theme": "housing", "en": ["rent subsidy", "rent relief"], "fr": ["aide au loyer", "allocation logement"], "es": ["subsidio de alquiler"]}
{"id": "housing/tenant", "theme": "housing", "en": ["tenant"], "fr": ["locataire"], "es": ["inquilino"], "broader": "housing/rent-subsidy"}"#;
        let g = Glossary::parse(&[("fixture.jsonl", fixture)]).unwrap();
        let found = g.find("Aides aux loyers pour les locataires");
        let ids: Vec<&str> = found.iter().map(|m| g.concept(m.concept).id.as_str()).collect();
        assert_eq!(ids, ["housing/rent-subsidy", "housing/tenant"]);
        assert_eq!(found[0].lang, Lang::known("fr"));
        let es = g.find("subsidios de alquiler");
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].lang, Lang::known("es"));
        assert!(g.find("bus lanes").is_empty());
    }

    #[test]
    fn a_concept_is_found_only_when_its_label_is_written_not_merely_stemmed_alike() {
        let g = Glossary::embedded();
        let ids = |text: &str| -> Vec<String> {
            g.find(text).iter().map(|m| g.concept(m.concept).id.clone()).collect()
        };
        // "abordable" and "d'abord" share a French stem; only affordable housing is named.
        assert_eq!(ids("logement abordable"), ["housing/affordable-housing"]);
        assert_eq!(ids("logement d'abord"), ["social-care/housing-first"]);
        // Endings still match.
        assert_eq!(ids("logements abordables"), ["housing/affordable-housing"]);
        assert_eq!(ids("viviendas sociales"), ["housing/social-housing"]);
    }

    #[test]
    fn reports_bad_rows_with_file_and_line() {
        let bad =
            "{\"id\": \"housing/x\", \"theme\": \"housing\", \"en\": [\"x\"], \"fr\": [], \"es\": [\"x\"]}";
        let e = Glossary::parse(&[("g.jsonl", bad)]).err().unwrap();
        assert_eq!(e.to_string(), "g.jsonl:1: fr: needs at least one non-empty label");
        let e = Glossary::parse(&[("g.jsonl", "\n{\"id\": \"food/x\", \"theme\": \"castles\", \"en\": [\"x\"], \"fr\": [\"x\"], \"es\": [\"x\"]}")]).err().unwrap();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn suggests_labels_by_prefix() {
        let g = Glossary::embedded();
        let s = g.suggest("loge", Lang::known("fr"), 5);
        assert!(!s.is_empty());
        assert!(s.iter().all(|l| fold(l).split(' ').any(|w| w.starts_with("loge"))), "{s:?}");
        assert!(g.suggest("a", Lang::known("en"), 5).is_empty(), "one letter suggests nothing");
    }

    #[test]
    fn exports_skos() {
        let ttl =
            Glossary::embedded().to_skos("https://praxis.example", &|key, lang| format!("{key} in {lang}"));
        assert!(ttl.contains("a skos:ConceptScheme"));
        assert!(ttl.contains("skos:prefLabel \"public health\"@en"));
        assert!(ttl.matches("a skos:Concept ;").count() >= 600);
    }
}
