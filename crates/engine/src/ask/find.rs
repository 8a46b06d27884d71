//! `parallax search`: the articles that hold every word and name of a query, best first, each
//! with the sentences that match and the matched words' spans.
//!
//! A query is read like a question ([`super::question::parse`]): names are looked up in the
//! registry (any script, any case), words through the lexicon (any of its languages) or by their
//! stem. Unlike a question, every part of the query must be in the article (an AND of the
//! parts, each part an OR of its forms), and the index ranks the articles (BM25).

use super::answer::Doc;
use super::question::{self, Concept};
use super::AskOptions;
use crate::search::{country_word_terms, loose_prefix, stems_meet, word_terms};
use parallax_model::search::{entity_term, Field};
use parallax_model::{
    ArticleId, EntityId, Lang, PartialDate, SearchExpr, SearchFilter, SearchQuery, Span, Store,
    StoreResult, StoryId,
};
use serde::Serialize;

/// A matched sentence and where in it the query's words are.
#[derive(Debug, Clone, Serialize)]
pub struct Snippet {
    pub start: usize,
    pub end: usize,
    /// Exactly the article's `text[start..end]`.
    pub text: String,
    /// Byte spans (into the article's text) of the words and names that matched.
    pub matches: Vec<(usize, usize)>,
}

/// One article found.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub article: ArticleId,
    pub score: f64,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<PartialDate>,
    pub language: Option<Lang>,
    pub story: Option<StoryId>,
    pub snippets: Vec<Snippet>,
}

/// What a search found.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    pub query: String,
    /// The parts of the query, as understood.
    pub parts: Vec<Concept>,
    /// Names and words of the query that no article uses.
    pub unknown: Vec<String>,
    pub hits: Vec<Hit>,
}

/// Searches the store. `entity` (an entity id) restricts the hits to articles that name it.
pub fn search(
    store: &dyn Store,
    query: &str,
    filter: &SearchFilter,
    entity: Option<&EntityId>,
    limit: usize,
) -> StoreResult<Found> {
    let opts = AskOptions { filter: filter.clone(), ..Default::default() };
    let q = question::parse(store, query, &opts)?;
    let mut parts: Vec<Concept> = vec![];
    for s in q.subject.iter().chain(&q.parties) {
        parts.extend(s.entity.iter().cloned());
        parts.extend(s.group.iter().cloned());
    }
    parts.extend(q.act.iter().cloned());
    parts.extend(q.topics.iter().cloned());
    let unknown: Vec<String> = q.unknown_names.iter().chain(&q.unknown_words).cloned().collect();
    let mut all: Vec<SearchExpr> = parts.iter().map(super::answer::concept_expr).collect();
    if let Some(e) = entity {
        all.push(SearchExpr::field(Field::Names, entity_term(e)));
    }
    let mut filter = filter.clone();
    if let Some((lo, hi)) = q.window {
        filter.since = filter.since.or(Some(lo));
        filter.until = filter.until.or(Some(hi));
    }
    let expr = SearchExpr::And(all);
    let hits = if !unknown.is_empty() || expr.is_empty() {
        vec![]
    } else {
        store.search(&SearchQuery { expr, filter, limit })?
    };
    let mut out = vec![];
    for h in hits {
        let Some(a) = store.get(&h.article)? else { continue };
        let story = store.story_of(&h.article)?;
        let doc = Doc::new(a, story.clone());
        out.push(Hit {
            article: h.article,
            score: h.score,
            title: doc.a.article.title.clone(),
            outlet: doc.a.article.outlet.clone(),
            published: doc.a.article.published,
            language: doc.a.article.language,
            story,
            snippets: snippets(&doc, &parts, 2),
        });
    }
    Ok(Found { query: query.to_string(), parts, unknown, hits: out })
}

/// The sentences of an article that match the most parts (at most `n`, in text order), with
/// the spans of the matching words.
fn snippets(doc: &Doc, parts: &[Concept], n: usize) -> Vec<Snippet> {
    let mut scored: Vec<(usize, usize)> = doc
        .sents
        .iter()
        .enumerate()
        .map(|(i, set)| {
            let set: std::collections::HashSet<&str> = set.iter().map(String::as_str).collect();
            (parts.iter().filter(|c| super::answer::names(&set, c)).count(), i)
        })
        .filter(|(k, _)| *k > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<usize> = scored.into_iter().take(n).map(|(_, i)| i).collect();
    chosen.sort_unstable();
    let text = doc.text();
    let lang = doc.a.article.language;
    let wanted: Vec<&String> = parts.iter().flat_map(|c| c.alts.iter().flatten()).collect();
    chosen
        .into_iter()
        .filter_map(|i| {
            let span: Span = *doc.a.analysis.sentences.get(i)?;
            let sentence = span.text(text)?;
            let mut matches: Vec<(usize, usize)> = vec![];
            let words: Vec<(usize, String)> =
                word_terms(sentence, lang).chain(country_word_terms(sentence)).collect();
            for (at, term) in words {
                let hit = wanted
                    .iter()
                    .any(|w| *w == &term || (loose_prefix(w).is_some() && stems_meet(w, &term)));
                if hit {
                    let rest = sentence.get(at..).unwrap_or("");
                    let len = crate::stories::features::words(rest)
                        .next()
                        .map_or(0, |(_, w)| word_len(rest, &w));
                    matches.push((span.start + at, span.start + at + len));
                }
            }
            let ids: Vec<String> =
                parts.iter().flat_map(|c| c.entity_ids().iter().map(entity_term)).collect();
            for m in &doc.a.analysis.entities.mentions {
                if m.start < span.start || m.end > span.end {
                    continue;
                }
                let linked = doc
                    .a
                    .analysis
                    .entities
                    .clusters
                    .get(m.cluster)
                    .and_then(|c| c.entity.as_ref())
                    .is_some_and(|e| ids.contains(&entity_term(e)));
                if linked {
                    matches.push((m.start, m.end));
                }
            }
            matches.sort_unstable();
            matches.dedup();
            Some(Snippet { start: span.start, end: span.end, text: sentence.to_string(), matches })
        })
        .collect()
}

/// The byte length of the word at the start of `s` (whose lower-case form is `lower`).
fn word_len(s: &str, lower: &str) -> usize {
    let n = lower.chars().count();
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}
