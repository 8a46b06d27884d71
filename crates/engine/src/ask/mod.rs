//! Answering questions from the articles: an extractive, cited brief.
//!
//! [`ask`] reads a question in English, Ukrainian or Russian (German and Spanish too), finds what
//! answers it through the store's full-text index, and answers with *source spans only*: each
//! line is a statement, a sentence or a label exactly as an article wrote it, joined to its
//! speaker and outlet by fixed connecting words in the question's language. Nothing is
//! paraphrased, so nothing is said that no article says.
//!
//! # The steps
//!
//! 1. **Understand** ([`question`]): the intent (what someone says, who said something, how the
//!    outlets describe someone, when, how many, where the sources disagree), the subject (a
//!    person, a body, a country, or a group named by a common noun), the topic (names and words
//!    through the lexicon, in every language), and an optional window of dates. A name or word
//!    that no article uses is reported, and the question refused.
//! 2. **Retrieve**: the articles that quote the subject and name the topic, by the store's
//!    full-text index (BM25 over stems, entity ids, speakers), at most a few dozen, best first.
//! 3. **Select** (`answer`): within those articles, the statements (or sentences, labels,
//!    figures, dates) that fit the intent, scored by how much of the topic their own sentence
//!    and its neighbours name, rarer words counting more; only lines that name the topic near
//!    them are kept.
//! 4. **Group and budget**: lines reporting one speaker saying the same thing (their words and
//!    names overlap by half, across languages) are one claim with its independent sources;
//!    claims are ranked, at most `limit` are shown (the rest counted), grouped by story.
//! 5. **Verify**: every citation is checked against the stored text ([`verify`]) before anything
//!    is printed; a line whose citation does not hold is dropped.
//!
//! # What "Russia says" covers
//!
//! A country as subject speaks through everyone the articles tie to it: the country itself and
//! its seat of power ("Russia said", "the Kremlin said"), people and bodies whose own label or
//! title in the article names the country ("Russian Deputy Foreign Minister"), or whom the
//! registry affiliates with it, and its state media quoted as sources. Each line names its
//! speaker, so each is shown as what it is. A body as subject ("the European Commission", "the
//! Kremlin") speaks through itself and through the people whose title in the article names it
//! ("Kremlin spokesman", "глава Ryanair").
//!
//! # How sure each line is
//!
//! A claim's *independent sources* are the distinct outlets that carry it, where an outlet that
//! relays another (the statement came `via` a named outlet) counts as that outlet. Status:
//! **corroborated** (two or more independent sources), **single source**, or **unattributed**
//! (only aggregator summaries carry it, or no speaker is named). Two different statements of one
//! speaker are two claims.

mod answer;
pub mod find;
mod labels;
pub mod question;

pub use question::{Concept, ConceptKind, Intent, Question, Subject};

use crate::lang::packs::BriefWords;
use parallax_model::{
    ArticleId, EntityId, EntityRecord, PartialDate, SearchFilter, Store, StoreResult,
    StoredArticle, StoryId,
};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How a question is answered.
#[derive(Debug, Clone)]
pub struct AskOptions {
    /// The most claims (lines) a brief shows.
    pub limit: usize,
    /// Answer from this story only.
    pub story: Option<StoryId>,
    /// Languages, outlets and dates the answer may come from.
    pub filter: SearchFilter,
    /// Today, for relative dates in the question ("last week").
    pub today: Option<PartialDate>,
    /// Also use statements of low confidence (a guessed or missing speaker, a content that is
    /// only a noun phrase); by default a brief relies on medium and high only.
    pub all_statements: bool,
}

/// The default budget of a brief: about a dozen claims.
pub const DEFAULT_LIMIT: usize = 12;

impl Default for AskOptions {
    fn default() -> Self {
        AskOptions {
            limit: DEFAULT_LIMIT,
            story: None,
            filter: SearchFilter::default(),
            today: None,
            all_statements: false,
        }
    }
}

/// One cited span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    /// Exactly `text[start..end]` of the article.
    pub quote: String,
}

/// How well a line is supported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Status {
    #[serde(rename = "corroborated")]
    Corroborated,
    #[serde(rename = "single source")]
    SingleSource,
    #[serde(rename = "unattributed")]
    Unattributed,
    #[serde(rename = "contested")]
    Contested,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Corroborated => "corroborated",
            Status::SingleSource => "single source",
            Status::Unattributed => "unattributed",
            Status::Contested => "contested",
        }
    }
}

/// One line of a brief.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub text: String,
    /// Who speaks: the speaker's name as the question's reader knows it (the name the articles
    /// use in the question's script when they use one, else the canonical name); `null` for a
    /// line that is no statement.
    pub speaker: Option<String>,
    /// The speaker's entity id, when the speaker is an entity.
    pub speaker_id: Option<EntityId>,
    pub status: Status,
    /// How sure the attribution of the statement the line quotes is (`null` for a line that is
    /// no statement). Low-confidence statements appear only when asked for
    /// ([`AskOptions::all_statements`]).
    pub confidence: Option<parallax_model::Confidence>,
    /// The story of the passage the line rests on.
    pub story: Option<StoryId>,
    /// The first citation is the passage the line rests on (the sentence or sentences that hold
    /// it); the next ones the statement's own words and its speaker, then other articles that
    /// carry the same claim.
    pub citations: Vec<Citation>,
}

/// A titled group of lines.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
}

/// A story the answer draws on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryRef {
    pub id: StoryId,
    pub title: Option<String>,
    /// How many of the brief's lines come from it (for nearest stories: how many articles).
    pub lines: usize,
}

/// An entity the question names (kept for readers of the earlier scope).
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub id: EntityId,
    pub name: String,
    /// The words of the question that named it.
    pub words: String,
}

/// What the answer was drawn from and how the question was read.
#[derive(Debug, Clone, Serialize)]
pub struct Scope {
    /// "store" or "story".
    pub over: String,
    pub story: Option<String>,
    pub intent: Intent,
    /// The question's language.
    pub lang: String,
    /// Who speaks or acts, as the question names them.
    pub subject: Option<String>,
    /// The sides of a question about a disagreement.
    pub parties: Vec<String>,
    /// The act asked about ("deny", "demand"), when not plain saying.
    pub act: Option<String>,
    /// The entities the question names that the articles know.
    pub entities: Vec<Named>,
    /// What the answer had to be about.
    pub topics: Vec<Concept>,
    /// Dates the answer is limited to.
    pub window: Option<(PartialDate, PartialDate)>,
    /// The stories the lines come from, best first.
    pub stories: Vec<StoryRef>,
    /// Words of the question that could not be looked for (no article in their language, no
    /// translation known).
    pub unmatched: Vec<String>,
}

/// What the answer rests on.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Coverage {
    /// Articles cited by the brief.
    pub articles: usize,
    /// Stories the cited articles belong to.
    pub stories: usize,
    /// Outlets, languages and kinds of the cited articles.
    pub outlets: Vec<String>,
    pub languages: Vec<String>,
    pub kinds: Vec<String>,
    /// The countries of the cited outlets the knowledge base knows (ISO 3166 codes).
    pub outlet_countries: Vec<String>,
    /// Known outlets by ownership: "state", "public", "private", and "unknown".
    pub ownership: BTreeMap<String, usize>,
    /// What is missing: languages with no cited article, no named outlet, only aggregators...
    pub missing: Vec<String>,
    /// Lines dropped because a citation did not hold (should be zero).
    pub dropped: usize,
    /// Statements of low confidence in the articles read that the brief left out (zero when
    /// they were asked for).
    pub unsure_left_out: usize,
    /// Articles read to answer (retrieved from the index).
    pub read: usize,
    /// Articles in the store.
    pub store_articles: usize,
}

/// Why a question gets no answer.
#[derive(Debug, Clone, Serialize)]
pub struct Refusal {
    /// What kind of refusal: "not_understood", "unknown_name", "unknown_word", "not_quoted",
    /// "nothing".
    pub kind: String,
    /// In the question's language.
    pub reason: String,
    /// What was looked for.
    pub looked_for: Vec<String>,
    /// The stories nearest to the question, to try instead.
    pub nearest: Vec<StoryRef>,
}

/// The answer.
#[derive(Debug, Clone, Serialize)]
pub struct Brief {
    pub question: String,
    pub scope: Scope,
    pub sections: Vec<Section>,
    pub coverage: Coverage,
    /// Set when nothing answers the question; then no section has items.
    pub refusal: Option<Refusal>,
    /// Claims that matched but did not fit the budget.
    pub more: usize,
    /// The line telling how many more there are, in the question's language (empty when none).
    pub more_text: String,
    /// How long each step took, in milliseconds (for `--timings`; not part of the JSON).
    #[serde(skip)]
    pub timings: Vec<(&'static str, f64)>,
}

/// Answers a question from the store.
pub fn ask(store: &dyn Store, question: &str, opts: &AskOptions) -> StoreResult<Brief> {
    let started = std::time::Instant::now();
    let q = question::parse(store, question, opts)?;
    let parsed = started.elapsed().as_secs_f64() * 1000.0;
    let mut brief = answer::answer(store, &q, opts)?;
    brief.timings.insert(0, ("understand", parsed));
    Ok(brief)
}

/// Fills `{who}`, `{about}`, `{x}` and `{n}` in a pack's template.
pub(crate) fn fill(template: &str, who: &str, about: &str, x: &str, n: usize) -> String {
    template
        .replace("{who}", who)
        .replace("{about}", about)
        .replace("{x}", x)
        .replace("{n}", &n.to_string())
}

/// The brief words of a language.
pub(crate) fn brief_words(lang: parallax_model::Lang) -> &'static BriefWords {
    &question::words_of(lang).brief
}

/// A claim of a story: what one speaker said, as every article that carries it reports it.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    pub text: String,
    pub articles: Vec<ArticleId>,
    pub independent_sources: usize,
    pub status: Status,
    pub citations: Vec<Citation>,
}

/// Every statement of the articles, grouped into claims (the `claims` of `parallax story`),
/// best supported first.
pub fn claims(
    articles: &[&StoredArticle],
    entity: &dyn Fn(&EntityId) -> Option<EntityRecord>,
) -> Vec<Claim> {
    let mut out = answer::story_claims(articles, entity);
    let text_of = texts(articles);
    out.retain(|c| holds(&c.citations, &text_of));
    out.sort_by_key(|c| std::cmp::Reverse(c.independent_sources));
    out
}

/// Checks every citation against the article text and drops any line with one that does not
/// hold or with no citation at all; returns how many lines were dropped.
pub fn verify(sections: &mut [Section], articles: &[&StoredArticle]) -> usize {
    let text_of = texts(articles);
    let mut dropped = 0;
    for s in sections.iter_mut() {
        let before = s.items.len();
        s.items.retain(|item| holds(&item.citations, &text_of));
        dropped += before - s.items.len();
    }
    dropped
}

fn texts<'a>(articles: &[&'a StoredArticle]) -> BTreeMap<&'a ArticleId, &'a str> {
    articles.iter().map(|a| (&a.article.id, a.article.text.as_str())).collect()
}

/// Whether there is at least one citation and each quote is exactly its article's text between
/// its offsets.
fn holds(citations: &[Citation], text_of: &BTreeMap<&ArticleId, &str>) -> bool {
    !citations.is_empty()
        && citations.iter().all(|c| {
            text_of.get(&c.article).and_then(|t| t.get(c.start..c.end)) == Some(c.quote.as_str())
        })
}

/// What the cited articles are: outlets, languages, kinds, countries, ownership, gaps.
fn coverage(cited: &[&StoredArticle], asked_about: &[String]) -> Coverage {
    let mut outlets = BTreeSet::new();
    let mut languages = BTreeSet::new();
    let mut kinds = BTreeSet::new();
    let mut countries: BTreeSet<String> = BTreeSet::new();
    let mut ownership: BTreeMap<String, usize> = BTreeMap::new();
    for a in cited {
        if let Some(o) = &a.article.outlet {
            outlets.insert(o.clone());
            let known = crate::kb::outlet_by_name(o);
            if let Some(k) = known {
                countries.insert(k.country.to_string());
            }
            let owner = match known.map(|k| k.ownership) {
                Some(crate::kb::Ownership::State) => "state",
                Some(crate::kb::Ownership::Public) => "public",
                Some(crate::kb::Ownership::Private) => "private",
                None => "unknown",
            };
            *ownership.entry(owner.to_string()).or_default() += 1;
        }
        if let Some(l) = a.article.language {
            languages.insert(l.code().to_string());
        }
        kinds.insert(a.article.kind.as_str().to_string());
    }
    let mut missing = vec![];
    if !cited.is_empty() {
        for l in ["en", "uk", "ru"] {
            if !languages.contains(l) {
                missing.push(format!("no cited article in {l}"));
            }
        }
        let unnamed = cited.iter().filter(|a| a.article.outlet.is_none()).count();
        if unnamed > 0 {
            missing.push(format!("{unnamed} cited article(s) with no known outlet"));
        }
        for code in asked_about {
            if !countries.contains(code) {
                missing.push(format!(
                    "no known outlet from {} among the cited",
                    crate::entities::country_name(code)
                ));
            }
        }
        if cited.iter().all(|a| a.article.kind == parallax_model::Kind::AggregatorSummary) {
            missing.push("only aggregator summaries: nothing is attributed".into());
        }
    }
    Coverage {
        articles: cited.len(),
        outlets: outlets.into_iter().collect(),
        languages: languages.into_iter().collect(),
        kinds: kinds.into_iter().collect(),
        outlet_countries: countries.into_iter().collect(),
        ownership,
        missing,
        ..Default::default()
    }
}
