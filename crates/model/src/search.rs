//! Full-text search: what the index holds for an article, and how it is queried.
//!
//! The index is kept by the store, in the same transaction as the article it indexes, so that a
//! search never sees an article that is not stored nor misses one that is. It holds *terms*, not
//! words: the engine turns each word into a language-aware stem (`санкциями` and `санкций` are one
//! term), and each name into the corpus id of the entity it names, so that a name matches in
//! either script and in any grammatical case. A backend only stores and matches terms; it never
//! stems or parses text itself, which keeps every backend's results the same.
//!
//! An article has four fields, each a list of terms separated by single spaces:
//!
//! - `title` and `body` — the stems of the words of its title and its text (stop words left out);
//! - `names` — one term per mention of an entity: [`entity_term`] of its corpus id once linked,
//!   [`country_term`] for a country or for a word that names one ("Russian", "российского");
//! - `speakers` — who is quoted: [`speaker_term`] of each speaker's entity,
//!   [`speaker_country_term`] of the country a speaker belongs to, and the stems of the words
//!   that name a speaker who is no entity ("officials", "исламисты").
//!
//! The engine writes the word fields before the article reaches the store ([`SearchText`] in
//! [`crate::Ingested`]); the store adds the linked terms (entity and speaker ids, which exist
//! only once linking has run inside its transaction) with [`linked_terms`].

use crate::{Analysis, ArticleId, EntityId, EntityRecord, Lang, PartialDate, StoryId};
use serde::{Deserialize, Serialize};

/// The terms of one article for the full-text index, as the engine computes them before linking.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchText {
    pub title: String,
    pub body: String,
    pub names: String,
    pub speakers: String,
}

impl SearchText {
    /// Whether every field is empty.
    pub fn is_empty(&self) -> bool {
        self.title.is_empty()
            && self.body.is_empty()
            && self.names.is_empty()
            && self.speakers.is_empty()
    }
}

/// Computes an article's [`SearchText`] (the engine implements it); stores use it to index
/// articles stored before they had an index.
pub trait Indexer {
    fn index_text(&self, article: &crate::Article, analysis: &Analysis) -> SearchText;
}

/// A field of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Body,
    Names,
    Speakers,
}

impl Field {
    pub const ALL: [Field; 4] = [Field::Title, Field::Body, Field::Names, Field::Speakers];

    pub const fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Body => "body",
            Field::Names => "names",
            Field::Speakers => "speakers",
        }
    }
}

/// A query over terms. Terms are matched exactly (they are already stems or ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchExpr {
    /// A term, in one field or (None) in any.
    Term(Option<Field>, String),
    /// Any term that starts with this prefix, in one field or in any.
    Prefix(Option<Field>, String),
    /// Every part matches.
    And(Vec<SearchExpr>),
    /// At least one part matches.
    Or(Vec<SearchExpr>),
}

impl SearchExpr {
    /// A term in any field.
    pub fn term(t: impl Into<String>) -> Self {
        SearchExpr::Term(None, t.into())
    }

    /// A term in one field.
    pub fn field(f: Field, t: impl Into<String>) -> Self {
        SearchExpr::Term(Some(f), t.into())
    }

    /// Whether the expression can match nothing (an empty Or, or an And containing one).
    pub fn is_empty(&self) -> bool {
        match self {
            SearchExpr::Term(_, t) | SearchExpr::Prefix(_, t) => t.is_empty(),
            SearchExpr::And(v) => v.is_empty() || v.iter().any(SearchExpr::is_empty),
            SearchExpr::Or(v) => v.iter().all(SearchExpr::is_empty),
        }
    }

    /// Whether an article whose fields hold these terms matches.
    pub fn matches(&self, text: &SearchText) -> bool {
        let has = |f: Field, t: &str| field_text(text, f).split(' ').any(|w| w == t);
        let starts = |f: Field, t: &str| {
            !t.is_empty() && field_text(text, f).split(' ').any(|w| w.starts_with(t))
        };
        match self {
            SearchExpr::Term(Some(f), t) => has(*f, t),
            SearchExpr::Term(None, t) => Field::ALL.iter().any(|f| has(*f, t)),
            SearchExpr::Prefix(Some(f), t) => starts(*f, t),
            SearchExpr::Prefix(None, t) => Field::ALL.iter().any(|f| starts(*f, t)),
            SearchExpr::And(v) => !v.is_empty() && v.iter().all(|e| e.matches(text)),
            SearchExpr::Or(v) => v.iter().any(|e| e.matches(text)),
        }
    }

    /// Every term and prefix the expression names (as one-term expressions).
    pub fn leaves(&self) -> Vec<&SearchExpr> {
        match self {
            SearchExpr::Term(..) | SearchExpr::Prefix(..) => vec![self],
            SearchExpr::And(v) | SearchExpr::Or(v) => v.iter().flat_map(|e| e.leaves()).collect(),
        }
    }
}

/// The text of one field.
pub fn field_text(text: &SearchText, f: Field) -> &str {
    match f {
        Field::Title => &text.title,
        Field::Body => &text.body,
        Field::Names => &text.names,
        Field::Speakers => &text.speakers,
    }
}

/// Which articles a search may return, besides matching its expression.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchFilter {
    /// Only articles in one of these languages (all when empty).
    pub languages: Vec<Lang>,
    /// Only articles of one of these outlets, compared case-insensitively (all when empty).
    pub outlets: Vec<String>,
    /// Only articles published on or after this date (undated articles are left out).
    pub since: Option<PartialDate>,
    /// Only articles published on or before this date (undated articles are left out).
    pub until: Option<PartialDate>,
    /// Only the articles of this story.
    pub story: Option<StoryId>,
}

/// A search: an expression, filters, and how many hits at most, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchQuery {
    pub expr: SearchExpr,
    pub filter: SearchFilter,
    pub limit: usize,
}

/// One matching article and its relevance (higher is better; BM25 over the fields, weighted).
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub article: ArticleId,
    pub score: f64,
}

/// How much a match in each field counts in ranking: a title match says what an article is
/// about, a speaker match that the one asked about is quoted in it.
pub const FIELD_WEIGHTS: [(Field, f64); 4] =
    [(Field::Title, 2.0), (Field::Body, 1.0), (Field::Names, 1.5), (Field::Speakers, 1.5)];

/// An id as one term: characters other than letters and digits become `_`.
fn id_part(id: &str) -> String {
    id.chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect()
}

/// The term of a corpus entity in the `names` field.
pub fn entity_term(id: &EntityId) -> String {
    format!("id:{}", id_part(&id.0))
}

/// The term of a country (ISO 3166 code) in the `names` field.
pub fn country_term(code: &str) -> String {
    format!("cc:{}", code.to_ascii_lowercase())
}

/// The term of a quoted entity in the `speakers` field.
pub fn speaker_term(id: &EntityId) -> String {
    format!("spk:{}", id_part(&id.0))
}

/// The term of the country a quoted person or body belongs to, in the `speakers` field.
pub fn speaker_country_term(code: &str) -> String {
    format!("spkcc:{}", code.to_ascii_lowercase())
}

/// The terms only linking can give, appended to the engine's `names` and `speakers`: each
/// linked mention's entity, each speaker's entity and the country it belongs to (from the
/// registry's record when the article itself does not say).
pub fn linked_terms(
    analysis: &Analysis,
    record: &dyn Fn(&EntityId) -> Option<EntityRecord>,
) -> (String, String) {
    let clusters = &analysis.entities.clusters;
    let mut names: Vec<String> = vec![];
    for m in &analysis.entities.mentions {
        if let Some(id) = clusters.get(m.cluster).and_then(|c| c.entity.as_ref()) {
            names.push(entity_term(id));
        }
    }
    let mut speakers: Vec<String> = vec![];
    for s in &analysis.statements.statements {
        let Some(c) = s.speaker_cluster.and_then(|i| clusters.get(i)) else { continue };
        let Some(id) = &c.entity else { continue };
        speakers.push(speaker_term(id));
        let country = c.affiliation.clone().or_else(|| record(id).and_then(|r| r.affiliation));
        if let Some(cc) = country {
            speakers.push(speaker_country_term(&cc));
        }
    }
    (names.join(" "), speakers.join(" "))
}

/// Ranks `docs` against a query with BM25 (k1 = 1.2, b = 0.75) per field, each field's score
/// weighted by [`FIELD_WEIGHTS`], over the terms of the expression; only matching documents are
/// returned, best first, ties in the order given. The reference ranking for in-memory stores;
/// other backends rank with their own BM25 and may differ in the last digits.
pub fn rank(docs: &[(&ArticleId, &SearchText)], expr: &SearchExpr, limit: usize) -> Vec<SearchHit> {
    let n = docs.len().max(1) as f64;
    let mut avg = [0.0f64; 4];
    for (_, d) in docs {
        for (i, f) in Field::ALL.iter().enumerate() {
            avg[i] += field_text(d, *f).split(' ').filter(|w| !w.is_empty()).count() as f64;
        }
    }
    avg.iter_mut().for_each(|a| *a = (*a / n).max(1.0));
    let mut leaves: Vec<&SearchExpr> = vec![];
    for l in expr.leaves() {
        if !leaves.contains(&l) {
            leaves.push(l);
        }
    }
    let df: Vec<f64> =
        leaves.iter().map(|l| docs.iter().filter(|(_, d)| l.matches(d)).count() as f64).collect();
    let mut hits: Vec<(usize, f64)> = vec![];
    for (i, (_, d)) in docs.iter().enumerate() {
        if !expr.matches(d) {
            continue;
        }
        let mut score = 0.0;
        for (leaf, df) in leaves.iter().zip(&df) {
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            let (f, t, prefix) = match leaf {
                SearchExpr::Term(f, t) => (*f, t.as_str(), false),
                SearchExpr::Prefix(f, t) => (*f, t.as_str(), true),
                _ => continue,
            };
            for (j, field) in Field::ALL.iter().enumerate() {
                if f.is_some_and(|f| f != *field) {
                    continue;
                }
                let words: Vec<&str> =
                    field_text(d, *field).split(' ').filter(|w| !w.is_empty()).collect();
                let tf = words
                    .iter()
                    .filter(|w| if prefix { w.starts_with(t) } else { **w == t })
                    .count() as f64;
                if tf == 0.0 {
                    continue;
                }
                let len = words.len() as f64;
                let w = FIELD_WEIGHTS[j].1;
                score += w * idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len / avg[j]));
            }
        }
        hits.push((i, score));
    }
    hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    hits.into_iter()
        .take(limit)
        .map(|(i, score)| SearchHit { article: docs[i].0.clone(), score })
        .collect()
}

/// `a` and `b` joined by a space, either may be empty.
pub fn join_terms(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a} {b}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> SearchText {
        SearchText {
            title: "strik pilot".into(),
            body: "airlin strik cancel".into(),
            names: "id:e1 cc:ie".into(),
            speakers: "spk:e1".into(),
        }
    }

    #[test]
    fn expressions_match_terms_in_their_fields() {
        let t = text();
        assert!(SearchExpr::term("strik").matches(&t));
        assert!(SearchExpr::field(Field::Title, "pilot").matches(&t));
        assert!(!SearchExpr::field(Field::Body, "pilot").matches(&t));
        assert!(!SearchExpr::term("stri").matches(&t), "terms match whole, not as prefixes");
        let both = SearchExpr::And(vec![
            SearchExpr::field(Field::Speakers, "spk:e1"),
            SearchExpr::Or(vec![SearchExpr::term("none"), SearchExpr::term("cancel")]),
        ]);
        assert!(both.matches(&t));
        assert!(!SearchExpr::And(vec![]).matches(&t), "an empty And matches nothing");
        assert!(SearchExpr::Or(vec![]).is_empty());
        assert_eq!(both.leaves().len(), 3);
        assert!(SearchExpr::Prefix(None, "stri".into()).matches(&t));
        assert!(SearchExpr::Prefix(Some(Field::Title), "pil".into()).matches(&t));
        assert!(!SearchExpr::Prefix(Some(Field::Body), "pil".into()).matches(&t));
    }
}
