//! Retrieval, selection, grouping and the sections of a brief.

use super::question::{claim_terms, Concept, Intent, Question, Subject};
use super::{
    brief_words, coverage, fill, holds, texts, AskOptions, Brief, Citation, Claim, Item, Named,
    Refusal, Scope, Section, Status, StoryRef,
};
use crate::entities::names::base_form;
use crate::entities::translit::{cyrillic_lang, is_cyrillic};
use crate::kb::TitleClass;
use crate::lang::packs::BriefWords;
use crate::search::{country_word_terms, loose_prefix, speaker_country, stems_meet, word_terms};
use parallax_model::search::{entity_term, speaker_country_term, Field};
use parallax_model::{
    ArticleId, Confidence, EntityId, EntityRecord, Kind, Lang, PartialDate, Script, SearchExpr,
    SearchFilter, SearchQuery, SourceKind, Span, Statement, Store, StoreResult, StoredArticle,
    StoryId,
};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// How much more a line counts when it reports the act the question asks about (what X
/// demanded: a line with "demanded" in it).
const ACT_BONUS: f64 = 1.25;

/// The most citations a line carries (its own, then one per other article with the claim).
const MAX_CITATIONS: usize = 24;

/// How many articles a refusal reads to name the nearest stories.
const NEAREST_READ: usize = 10;

/// How many articles the index hands to selection, at most.
const READ: usize = 60;

/// A line must name this share of the best line's topic (weighted) to be kept: the answer is
/// what fits the question best, and what fits it half as well is left out.
const RELATIVE: f64 = 0.5;

/// An article read to answer, with the terms of each sentence.
pub(super) struct Doc {
    pub(super) a: StoredArticle,
    story: Option<StoryId>,
    /// The terms of each sentence: stems, entity ids, country terms.
    pub(super) sents: Vec<HashSet<String>>,
    /// The terms of the title.
    title: HashSet<String>,
    /// Every term of the article and its title.
    all: HashSet<String>,
}

impl Doc {
    pub(super) fn new(a: StoredArticle, story: Option<StoryId>) -> Doc {
        let lang = a.article.language;
        let text = &a.article.text;
        let an = &a.analysis;
        let mut sents: Vec<HashSet<String>> = an
            .sentences
            .iter()
            .map(|s| {
                let t = s.text(text).unwrap_or("");
                let l = lang_at(&a, s.start).or(lang);
                word_terms(t, l)
                    .map(|(_, w)| w)
                    .chain(country_word_terms(t).map(|(_, c)| c))
                    .collect()
            })
            .collect();
        for m in &an.entities.mentions {
            let Some(i) = sentence_of(&an.sentences, m.start) else { continue };
            let Some(c) = an.entities.clusters.get(m.cluster) else { continue };
            if let Some(id) = &c.entity {
                sents[i].insert(entity_term(id));
            }
            if let Some(cc) = c.kb.as_deref().and_then(|k| k.strip_prefix("country:")) {
                sents[i].insert(parallax_model::search::country_term(cc));
            }
        }
        let title: HashSet<String> = a
            .article
            .title
            .as_deref()
            .map(|t| word_terms(t, lang).map(|(_, w)| w).collect())
            .unwrap_or_default();
        let all = sents.iter().flatten().chain(title.iter()).cloned().collect();
        Doc { a, story, sents, title, all }
    }

    pub(super) fn text(&self) -> &str {
        &self.a.article.text
    }

    /// The sentences (index range) a span touches.
    fn sentences_over(&self, span: Span) -> (usize, usize) {
        let s = &self.a.analysis.sentences;
        let from = sentence_of(s, span.start).unwrap_or(0);
        let to = sentence_of(s, span.end.saturating_sub(1)).map_or(from + 1, |i| i + 1);
        (from, to.max(from + 1).min(s.len().max(from + 1)))
    }

    /// The span of sentences `from..to`.
    fn span_of(&self, from: usize, to: usize) -> Option<Span> {
        let s = &self.a.analysis.sentences;
        Some(Span::new(s.get(from)?.start, s.get(to.checked_sub(1)?)?.end))
    }

    fn union(&self, from: usize, to: usize) -> HashSet<&str> {
        self.sents
            .get(from..to.min(self.sents.len()))
            .into_iter()
            .flatten()
            .flat_map(|s| s.iter().map(String::as_str))
            .collect()
    }

    fn outlet(&self) -> Option<&str> {
        self.a.article.outlet.as_deref()
    }

    fn aggregator(&self) -> bool {
        self.a.article.kind == Kind::AggregatorSummary
    }

    fn cite(&self, span: Span) -> Option<Citation> {
        let quote = span.text(self.text())?;
        Some(Citation {
            article: self.a.article.id.clone(),
            start: span.start,
            end: span.end,
            quote: quote.to_string(),
        })
    }
}

/// The paragraph language at a byte.
fn lang_at(a: &StoredArticle, at: usize) -> Option<Lang> {
    a.analysis
        .paragraph_languages
        .iter()
        .find(|p| p.start <= at && at < p.end)
        .and_then(|p| p.language)
}

/// The sentence holding a byte.
pub(super) fn sentence_index(sentences: &[Span], at: usize) -> Option<usize> {
    sentence_of(sentences, at)
}

fn sentence_of(sentences: &[Span], at: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= at);
    (i < sentences.len() && sentences[i].start <= at).then_some(i).or_else(|| {
        // Between sentences: the one before.
        i.checked_sub(1).filter(|_| !sentences.is_empty())
    })
}

/// Whether a set of terms holds every term of an alternative (Slavic stems by their loose
/// prefix).
fn has<S: std::borrow::Borrow<str> + std::hash::Hash + Eq>(
    set: &HashSet<S>,
    alt: &[String],
) -> bool {
    !alt.is_empty()
        && alt.iter().all(|t| {
            !t.contains(' ')
                && (set.contains(t.as_str())
                    || (loose_prefix(t).is_some() && set.iter().any(|x| stems_meet(x.borrow(), t))))
        })
}

/// Whether a set of terms names a concept.
pub(super) fn names<S: std::borrow::Borrow<str> + std::hash::Hash + Eq>(
    set: &HashSet<S>,
    c: &Concept,
) -> bool {
    c.alts.iter().any(|a| has(set, a))
}

/// A concept is one of the question's focus when its weight is at least this share of the
/// heaviest's.
const FOCUS: f64 = 0.75;

/// The most sentences of an article that is about its title throughout (a news item, not a
/// long piece that moves from matter to matter).
const SHORT: usize = 15;

/// Whether a short article's title names one of the question's focus concepts (the whole
/// article is about it).
fn focus_in_title(doc: &Doc, topics: &[Concept]) -> bool {
    if doc.sents.len() > SHORT {
        return false;
    }
    let top = topics.iter().map(|c| c.weight).fold(0.0, f64::max);
    topics.iter().any(|c| c.weight >= FOCUS * top && names(&doc.title, c))
}

/// How much of the topic a statement's own words name (weighted share), and whether they name
/// a focus concept.
fn content_score(doc: &Doc, st: &Statement, topics: &[Concept]) -> (f64, bool) {
    if topics.is_empty() {
        return (1.0, true);
    }
    let text = st.content.text(doc.text()).unwrap_or("");
    let mut set: HashSet<String> = word_terms(text, doc.a.article.language)
        .map(|(_, w)| w)
        .chain(country_word_terms(text).map(|(_, c)| c))
        .collect();
    for m in &doc.a.analysis.entities.mentions {
        if m.start >= st.content.start && m.end <= st.content.end {
            if let Some(id) =
                doc.a.analysis.entities.clusters.get(m.cluster).and_then(|c| c.entity.as_ref())
            {
                set.insert(entity_term(id));
            }
        }
    }
    let top = topics.iter().map(|c| c.weight).fold(0.0, f64::max);
    let total: f64 = topics.iter().map(|c| c.weight.max(0.1)).sum();
    let (mut got, mut close) = (0.0, false);
    for c in topics {
        if names(&set, c) {
            got += c.weight.max(0.1);
            close |= c.weight >= FOCUS * top;
        }
    }
    (got / total, close)
}

/// How much of the topic a passage (sentences `from..to`) names: each concept counts its
/// weight in full in the passage, half in the sentence before or after, a third anywhere else
/// in the article or its title (the article is about it).
/// Returns the weighted share and whether one of the focus concepts (the rarest) is in the
/// passage or next to it.
fn topic_score(doc: &Doc, topics: &[Concept], from: usize, to: usize) -> (f64, bool) {
    if topics.is_empty() {
        return (1.0, true);
    }
    let ctx = doc.union(from, to);
    let near =
        doc.union(from.saturating_sub(1), from).into_iter().chain(doc.union(to, to + 1)).collect();
    let total: f64 = topics.iter().map(|c| c.weight.max(0.1)).sum();
    // The question's most telling concepts: those nearly as rare as the rarest. A line must
    // name one of them in or next to its passage.
    let top = topics.iter().map(|c| c.weight).fold(0.0, f64::max);
    let mut got = 0.0;
    let mut close = false;
    for c in topics {
        let focus = c.weight >= FOCUS * top;
        let m = if names(&ctx, c) {
            1.0
        } else if names(&near, c) {
            0.5
        } else if names(&doc.all, c) {
            0.3
        } else {
            0.0
        };
        close |= focus && m >= 0.5;
        got += c.weight.max(0.1) * m;
    }
    (got / total, close)
}

/// The name of an entity for a reader of `lang`: the name the articles use in that script
/// (its nominative, the commonest among equals) when the question is in Cyrillic and the
/// articles write it so, else the canonical name.
fn display(record: &EntityRecord, lang: Lang) -> String {
    if lang.script() == Script::Cyrillic && record.kb.is_none() {
        let cyr: Vec<(&str, usize)> = record
            .names
            .iter()
            .filter(|n| is_cyrillic(&n.name))
            .map(|n| (n.name.as_str(), n.count))
            .collect();
        let own: Vec<(&str, usize)> =
            cyr.iter().copied().filter(|(n, _)| cyrillic_lang(n, Some(lang)) == lang).collect();
        if let Some(b) = base_form(if own.is_empty() { cyr } else { own }) {
            return b.to_string();
        }
    }
    record.canonical.clone()
}

/// Entity records, looked up once.
struct Records<'a> {
    store: &'a dyn Store,
    cache: std::cell::RefCell<HashMap<EntityId, Option<EntityRecord>>>,
}

impl Records<'_> {
    fn get(&self, id: &EntityId) -> Option<EntityRecord> {
        if let Some(r) = self.cache.borrow().get(id) {
            return r.clone();
        }
        let r = self.store.entity(id).ok().flatten();
        self.cache.borrow_mut().insert(id.clone(), r.clone());
        r
    }
}

/// One candidate line before grouping.
#[derive(Debug, Clone)]
struct Line {
    doc: usize,
    /// The speaker's entity, or its label, or none.
    speaker_id: Option<EntityId>,
    speaker_key: Option<String>,
    speaker_name: Option<String>,
    outlet: String,
    relayed_from: Option<String>,
    aggregator: bool,
    text: String,
    citations: Vec<Citation>,
    terms: HashSet<String>,
    score: f64,
    date: Option<PartialDate>,
    story: Option<StoryId>,
    /// The statement's confidence; `None` for a line that is no statement.
    confidence: Option<Confidence>,
}

/// The search expression of a concept: any alternative, each with all its terms.
pub(super) fn concept_expr(c: &Concept) -> SearchExpr {
    let alts: Vec<SearchExpr> = c
        .alts
        .iter()
        .filter(|a| !a.is_empty() && a.iter().all(|t| !t.contains(' ')))
        .map(|a| SearchExpr::And(a.iter().map(|t| term_expr(t)).collect()))
        .collect();
    SearchExpr::Or(alts)
}

fn term_expr(t: &str) -> SearchExpr {
    if t.starts_with("id:") || t.starts_with("cc:") {
        return SearchExpr::field(Field::Names, t);
    }
    match loose_prefix(t) {
        Some(p) => SearchExpr::Prefix(None, p.to_string()),
        None => SearchExpr::term(t),
    }
}

/// The search expression that finds articles quoting a subject.
fn subject_expr(s: &Subject) -> SearchExpr {
    let mut parts = vec![];
    if let Some(e) = &s.entity {
        parts.push(concept_expr(e));
        for id in e.entity_ids() {
            parts
                .push(SearchExpr::field(Field::Speakers, parallax_model::search::speaker_term(id)));
        }
        if let Some(cc) = e.country() {
            parts.push(SearchExpr::field(Field::Speakers, speaker_country_term(cc)));
        }
        // Speakers titled by a word derived from the name ("еврокомиссар", see `derived`).
        for a in e.alts.iter().filter(|a| a.len() == 1 && a[0].chars().count() >= 7) {
            parts.push(SearchExpr::Prefix(Some(Field::Speakers), a[0].clone()));
        }
    }
    if let Some(g) = &s.group {
        for a in g.alts.iter().filter(|a| a.len() == 1 && !a[0].contains(' ')) {
            parts.push(SearchExpr::field(Field::Speakers, a[0].clone()));
        }
        if s.entity.is_none() {
            parts.push(concept_expr(g));
        }
    }
    SearchExpr::Or(parts)
}

/// The articles to read, best first: those that quote the subject and name the topic; those
/// that quote the subject when none names the topic; else those that name the topic.
fn retrieve(store: &dyn Store, q: &Question, filter: &SearchFilter) -> StoreResult<Vec<ArticleId>> {
    let topic =
        (!q.topics.is_empty()).then(|| SearchExpr::Or(q.topics.iter().map(concept_expr).collect()));
    let mut subjects: Vec<SearchExpr> = q.subject.iter().map(subject_expr).collect();
    subjects.extend(q.parties.iter().map(subject_expr));
    let subject = (!subjects.is_empty()).then_some(SearchExpr::Or(subjects));
    // Each try fills what the ones before left of the budget: the articles that hold every
    // part of the question come before those that hold some.
    let mut tries: Vec<SearchExpr> = vec![];
    match (&subject, &topic) {
        (Some(s), Some(t)) => {
            tries.push(SearchExpr::And(vec![s.clone(), t.clone()]));
        }
        (Some(s), None) => tries.push(s.clone()),
        (None, Some(t)) => {
            if q.topics.len() >= 2 {
                tries.push(SearchExpr::And(q.topics.iter().map(concept_expr).collect()));
            }
            tries.push(t.clone());
        }
        (None, None) => {
            if let Some(a) = &q.act {
                tries.push(concept_expr(a));
            }
        }
    }
    let mut out: Vec<ArticleId> = vec![];
    for expr in tries {
        if expr.is_empty() || out.len() >= READ {
            continue;
        }
        let hits = store.search(&SearchQuery { expr, filter: filter.clone(), limit: READ })?;
        for h in hits {
            if out.len() < READ && !out.contains(&h.article) {
                out.push(h.article);
            }
        }
    }
    Ok(out)
}

/// Builds the brief.
pub(super) fn answer(store: &dyn Store, q: &Question, opts: &AskOptions) -> StoreResult<Brief> {
    let words = brief_words(q.lang);
    let records = Records { store, cache: Default::default() };
    let mut filter = opts.filter.clone();
    if let Some((lo, hi)) = q.window {
        filter.since = filter.since.or(Some(lo));
        filter.until = filter.until.or(Some(hi));
    }
    if filter.story.is_none() {
        filter.story = opts.story.clone();
    }
    let subject_text = q.subject.as_ref().map(|s| s.text.clone());
    let mut scope = Scope {
        over: if opts.story.is_some() { "story".into() } else { "store".into() },
        story: opts.story.as_ref().map(|s| s.0.clone()),
        intent: q.intent,
        lang: q.lang.code().to_string(),
        subject: subject_text.clone(),
        parties: q.parties.iter().map(|p| p.text.clone()).collect(),
        act: q.act.as_ref().and_then(|a| a.lexicon_id()).map(str::to_string),
        entities: named(q),
        topics: q.topics.clone(),
        window: q.window,
        stories: vec![],
        unmatched: q.unmatched.clone(),
    };
    let store_articles = store.count()?;
    let refuse = |kind: &str,
                  reason: String,
                  looked_for: Vec<String>,
                  nearest: Vec<StoryRef>,
                  scope: Scope| Brief {
        question: q.text.clone(),
        scope,
        sections: vec![],
        coverage: super::Coverage { store_articles, ..Default::default() },
        refusal: Some(Refusal { kind: kind.into(), reason, looked_for, nearest }),
        more: 0,
        more_text: String::new(),
        timings: vec![],
    };
    // A name or word no article uses: refused, with the stories nearest to the rest of the
    // question.
    let unknown = q
        .unknown_names
        .first()
        .map(|n| ("unknown_name", fill(words.unknown_name, "", "", n, 0), &q.unknown_names))
        .or_else(|| {
            q.unknown_words
                .first()
                .map(|w| ("unknown_word", fill(words.unknown_word, "", "", w, 0), &q.unknown_words))
        });
    if let Some((kind, reason, looked)) = unknown {
        let mut docs = vec![];
        let rest = Question { subject: None, parties: vec![], ..q.clone() };
        for id in retrieve(store, &rest, &filter)?.into_iter().take(NEAREST_READ) {
            if let Some(a) = store.get(&id)? {
                let story = store.story_of(&id)?;
                docs.push(Doc::new(a, story));
            }
        }
        let nearest = nearest_stories(store, &docs)?;
        return Ok(refuse(kind, reason, looked.clone(), nearest, scope));
    }
    if q.is_empty() {
        return Ok(refuse(
            "not_understood",
            words.not_understood.to_string(),
            vec![],
            vec![],
            scope,
        ));
    }
    let clock = std::time::Instant::now();
    let ms = |t: std::time::Instant| t.elapsed().as_secs_f64() * 1000.0;
    let ids = retrieve(store, q, &filter)?;
    let retrieved = ms(clock);
    let clock = std::time::Instant::now();
    let mut docs: Vec<Doc> = vec![];
    for id in &ids {
        if let Some(a) = store.get(id)? {
            let story = store.story_of(id)?;
            docs.push(Doc::new(a, story));
        }
    }
    let loaded = ms(clock);
    let clock = std::time::Instant::now();
    let (mut sections, more) = match q.intent {
        Intent::Saying => saying(q, &docs, &records, words, opts.limit),
        Intent::WhoSaid => who_said(q, &docs, &records, words, opts.limit),
        Intent::Describe => describe(q, &docs, &records, words, opts.limit),
        Intent::When | Intent::Timeline => when(q, &docs, words, opts.limit),
        Intent::HowMany => figures(q, &docs, words, opts.limit),
        Intent::Disagree => disagree(q, &docs, &records, words, opts.limit),
        Intent::Reports => reports(q, &docs, &records, words, opts.limit),
    };
    let refs: Vec<&StoredArticle> = docs.iter().map(|d| &d.a).collect();
    let dropped = super::verify(&mut sections, &refs);
    sections.retain(|s| !s.items.is_empty());
    let nearest = nearest_stories(store, &docs)?;
    if sections.is_empty() {
        let (kind, reason) = match (&q.subject, q.intent) {
            (Some(s), Intent::Saying) => {
                ("not_quoted", fill(words.not_quoted, &s.text, &q.about, "", 0))
            }
            _ => ("nothing", words.nothing.to_string()),
        };
        let looked: Vec<String> = q
            .subject
            .iter()
            .map(|s| s.text.clone())
            .chain(q.topics.iter().map(|c| c.text.clone()))
            .collect();
        let mut b = refuse(kind, reason, looked, nearest, scope);
        b.coverage.read = docs.len();
        return Ok(b);
    }
    // The stories the lines come from, best first.
    let mut stories: Vec<StoryRef> = vec![];
    for s in &sections {
        for i in &s.items {
            let Some(id) = &i.story else { continue };
            match stories.iter_mut().find(|r| &r.id == id) {
                Some(r) => r.lines += 1,
                None => stories.push(StoryRef {
                    id: id.clone(),
                    title: story_title(store, id)?,
                    lines: 1,
                }),
            }
        }
    }
    scope.stories = stories;
    let cited_ids: BTreeSet<&ArticleId> = sections
        .iter()
        .flat_map(|s| &s.items)
        .flat_map(|i| &i.citations)
        .map(|c| &c.article)
        .collect();
    let cited: Vec<&StoredArticle> =
        refs.iter().copied().filter(|a| cited_ids.contains(&a.article.id)).collect();
    let asked_about: Vec<String> =
        q.subject.iter().filter_map(|s| s.entity.as_ref()?.country().map(str::to_string)).collect();
    let mut cov = coverage(&cited, &asked_about);
    cov.dropped = dropped;
    cov.read = docs.len();
    if !q.all_statements {
        // Statements of the articles read that a brief does not rely on by default.
        cov.unsure_left_out = docs
            .iter()
            .flat_map(|d| d.a.analysis.statements.statements.iter().map(move |s| (d, s)))
            .filter(|(d, s)| !s.confidence.is_confident() && says_something(d, s))
            .count();
    }
    cov.store_articles = store_articles;
    cov.stories = scope.stories.len();
    Ok(Brief {
        question: q.text.clone(),
        scope,
        sections,
        coverage: cov,
        refusal: None,
        more,
        more_text: if more > 0 { fill(words.more, "", "", "", more) } else { String::new() },
        timings: vec![
            ("retrieve", retrieved),
            ("read articles", loaded),
            ("select and verify", ms(clock)),
        ],
    })
}

fn named(q: &Question) -> Vec<Named> {
    let mut out = vec![];
    let concepts = q
        .subject
        .iter()
        .flat_map(|s| s.entity.iter())
        .chain(q.parties.iter().flat_map(|p| p.entity.iter()))
        .chain(q.topics.iter());
    for c in concepts {
        if let super::ConceptKind::Entity { ids, name, .. } = &c.kind {
            if let Some(id) = ids.first() {
                out.push(Named { id: id.clone(), name: name.clone(), words: c.text.clone() });
            }
        }
    }
    out
}

fn story_title(store: &dyn Store, id: &StoryId) -> StoreResult<Option<String>> {
    Ok(store.story_profile(id)?.and_then(|p| p.title))
}

/// The stories of the articles read, in retrieval order, with how many of them each holds.
fn nearest_stories(store: &dyn Store, docs: &[Doc]) -> StoreResult<Vec<StoryRef>> {
    let mut out: Vec<StoryRef> = vec![];
    for d in docs {
        let Some(id) = &d.story else { continue };
        if let Some(r) = out.iter_mut().find(|r| &r.id == id) {
            r.lines += 1;
        } else if out.len() < 3 {
            out.push(StoryRef { id: id.clone(), title: story_title(store, id)?, lines: 1 });
        }
    }
    Ok(out)
}

/// The heading of an outlet and date: "TASS, 2025-11-02".
fn header(doc: &Doc, words: &BriefWords) -> String {
    let outlet = doc.outlet().unwrap_or(words.unnamed_outlet).to_string();
    match doc.a.article.published {
        Some(d) => format!("{outlet}, {d}"),
        None => outlet,
    }
}

/// Whether a statement's speaker speaks for the subject (see the module docs: what "Russia
/// says" covers).
fn speaks_for(
    s: &Subject,
    known: &[EntityId],
    doc: &Doc,
    st: &Statement,
    records: &Records<'_>,
) -> bool {
    let an = &doc.a.analysis;
    let cluster = st.speaker_cluster.and_then(|c| an.entities.clusters.get(c));
    let eid = cluster.and_then(|c| c.entity.as_ref());
    if eid.is_some_and(|id| known.contains(id)) {
        return true;
    }
    // The words that name the speaker here: the speaker's phrase, the labels the article gives
    // the speaker, and the speaker's label when no entity (`phrase`); and with them the words
    // before the speaker's name that open its sentence, which hold a title (`wide`).
    let (own, prefix) = label_spans(doc, st);
    let lang = doc.a.article.language;
    let terms_of = |spans: &[Span], terms: &mut Vec<String>, ids: &mut Vec<EntityId>| {
        for sp in spans {
            if let Some(t) = sp.text(doc.text()) {
                terms.extend(word_terms(t, lang).map(|(_, w)| w));
                terms.extend(country_word_terms(t).map(|(_, c)| c));
            }
            for m in &an.entities.mentions {
                if m.start >= sp.start && m.end <= sp.end {
                    if let Some(c) = an.entities.clusters.get(m.cluster) {
                        if let Some(id) = &c.entity {
                            ids.push(id.clone());
                            terms.push(entity_term(id));
                        }
                        if let Some(cc) = c.kb.as_deref().and_then(|k| k.strip_prefix("country:")) {
                            terms.push(parallax_model::search::country_term(cc));
                        }
                    }
                }
            }
        }
    };
    let mut phrase_terms: Vec<String> = vec![];
    let mut narrow_ids: Vec<EntityId> = vec![];
    terms_of(&own, &mut phrase_terms, &mut narrow_ids);
    if let Some(l) = &st.speaker_label {
        phrase_terms.extend(word_terms(l, lang).map(|(_, w)| w));
    }
    let mut wide_terms = phrase_terms.clone();
    let mut ids_in_phrase = narrow_ids.clone();
    terms_of(&prefix.into_iter().collect::<Vec<_>>(), &mut wide_terms, &mut ids_in_phrase);
    let phrase: HashSet<&str> = phrase_terms.iter().map(String::as_str).collect();
    let phrase_terms = wide_terms;
    match (&s.entity, &s.group) {
        (Some(e), None) => {
            let ids = e.entity_ids();
            if eid.is_some_and(|id| ids.contains(id)) {
                return true;
            }
            if let Some(cc) = e.country() {
                let own = cluster.and_then(speaker_country);
                let registry = eid.and_then(|id| records.get(id)).and_then(|r| r.affiliation);
                let outlet_of = cluster
                    .and_then(|c| c.kb.as_deref()?.strip_prefix("outlet:"))
                    .and_then(crate::kb::outlet_by_name)
                    .is_some_and(|o| o.country == cc && o.ownership == crate::kb::Ownership::State);
                return own.as_deref() == Some(cc)
                    || registry.as_deref() == Some(cc)
                    || outlet_of
                    || phrase.contains(parallax_model::search::country_term(cc).as_str());
            }
            // A body speaks through those whose title names it ("Kremlin spokesman"); a person
            // only for themselves.
            if super::question::is_person(e) {
                return false;
            }
            if ids_in_phrase.iter().any(|id| ids.contains(id)) {
                return true;
            }
            let phrase: HashSet<&str> = phrase_terms.iter().map(String::as_str).collect();
            // A title derived from the body's name ("еврокомиссар" of "Еврокомиссия"), or from
            // the head noun of its name in an article that names the body ("комиссар" of
            // "Европейская комиссия").
            let stems: Vec<&str> =
                e.alts.iter().filter(|a| a.len() == 1).map(|a| a[0].as_str()).collect();
            if phrase_terms.iter().any(|w| stems.iter().any(|n| derived(w, n))) {
                return true;
            }
            let heads: Vec<&str> = e
                .alts
                .iter()
                .filter(|a| a.len() > 1)
                .filter_map(|a| a.last())
                .map(String::as_str)
                .collect();
            if names(&doc.all, e)
                && phrase_terms.iter().any(|w| heads.iter().any(|n| derived_from_head(w, n)))
            {
                return true;
            }
            // A seat of power ("the Kremlin", "the White House") is its country's head of state
            // or government and their office: a speaker of that country whose labels here name
            // such a head ("Russian President", "пресс-секретарь президента России").
            let seat = e.kb().and_then(|k| k.strip_prefix("seat:"));
            seat.is_some_and(|cc| {
                let own = cluster.and_then(speaker_country);
                let registry = eid.and_then(|id| records.get(id)).and_then(|r| r.affiliation);
                let of_country = own.as_deref() == Some(cc)
                    || registry.as_deref() == Some(cc)
                    || phrase.contains(parallax_model::search::country_term(cc).as_str());
                of_country && titled(doc, st, &[TitleClass::Head])
            })
        }
        (entity, Some(g)) => {
            names(&phrase, g)
                && entity.as_ref().is_none_or(|e| {
                    names(&phrase, e) || {
                        let (from, to) = doc.sentences_over(st.content);
                        names(&doc.union(from.saturating_sub(1), to + 1), e)
                    }
                })
        }
        (None, None) => false,
    }
}

/// The words that name a statement's speaker in its article: the speaker's own span, the labels
/// the article attaches to the speaker, and the words before the speaker's name at the start of
/// its sentence ("Комиссар по вопросам миграции … Димитрис Аврамопулос заявил").
fn label_spans(doc: &Doc, st: &Statement) -> (Vec<Span>, Option<Span>) {
    /// The most words before a speaker's name that can be its title.
    const TITLE_WORDS: usize = 8;
    let an = &doc.a.analysis;
    let mut spans: Vec<Span> = st.speaker.into_iter().collect();
    if let Some(c) = st.speaker_cluster {
        spans.extend(
            an.entities
                .descriptors
                .iter()
                .filter(|d| d.cluster == c)
                .map(|d| Span::new(d.start, d.end)),
        );
    }
    let mut prefix = None;
    if let Some(sp) = st.speaker {
        if let Some(i) = sentence_of(&an.sentences, sp.start) {
            let start = an.sentences[i].start;
            let before = doc.text().get(start..sp.start).unwrap_or("");
            if crate::text::word_count(before) <= TITLE_WORDS && !before.trim().is_empty() {
                prefix = Some(Span::new(start, sp.start));
            }
        }
    }
    (spans, prefix)
}

/// Whether the speaker's own words or labels in the article hold a title of one of `classes`.
fn titled(doc: &Doc, st: &Statement, classes: &[TitleClass]) -> bool {
    let an = &doc.a.analysis;
    let lang = doc.a.article.language;
    let _ = an;
    let (mut spans, prefix) = label_spans(doc, st);
    spans.extend(prefix);
    spans.iter().filter_map(|sp| sp.text(doc.text())).any(|t| {
        crate::stories::features::words(t)
            .any(|(_, w)| crate::kb::title(&w, lang).is_some_and(|t| classes.contains(&t.class)))
    })
}

/// Whether a word is derived from the head noun of a name: it starts with the whole stem of
/// the head (of at least five letters) and goes on ("комиссар" of "комисс-", "minister" of
/// "ministr-").
fn derived_from_head(word: &str, head: &str) -> bool {
    head.chars().count() >= 5 && word.len() > head.len() && word.starts_with(head)
}

/// Whether a word is derived from a name: they share a beginning of at least seven letters
/// that is most of the shorter ("еврокомиссар" / "еврокомисс-", "кремлевский" / "кремл-" is
/// too short to say).
fn derived(word: &str, name: &str) -> bool {
    let common = word.chars().zip(name.chars()).take_while(|(a, b)| a == b).count();
    let shorter = word.chars().count().min(name.chars().count());
    common >= 7 && common * 5 >= shorter * 4
}

/// The people a group subject names in the articles: for "чоловік Асії Бібі", the person
/// named right after the words "муж Асии Биби" ("муж Асии Биби Ашик Масих", "Asia Bibi's
/// husband Ashiq Masih"): a person mention that follows the group's word within a few words,
/// with the subject's entity named next to that word.
fn appositives(s: &Subject, docs: &[Doc]) -> Vec<EntityId> {
    /// The most words between the group's word and the entity it belongs to, and between the
    /// group's word and the person's name (a relative clause may stand between).
    const ENTITY_WORDS: usize = 5;
    const PERSON_WORDS: usize = 12;
    let (Some(g), Some(e)) = (&s.group, &s.entity) else { return vec![] };
    let e_ids = e.entity_ids();
    let mut out: Vec<EntityId> = vec![];
    for doc in docs {
        let an = &doc.a.analysis;
        let lang = doc.a.article.language;
        let text = doc.text();
        let words_between = |a: usize, b: usize| {
            text.get(a.min(b)..a.max(b)).map_or(usize::MAX, crate::text::word_count)
        };
        for (i, set) in doc.sents.iter().enumerate() {
            if !names(set, g) || !names(set, e) {
                continue;
            }
            let sent = an.sentences[i];
            let Some(sentence) = sent.text(text) else { continue };
            let singles: Vec<&String> =
                g.alts.iter().filter(|a| a.len() == 1).map(|a| &a[0]).collect();
            for (at, term) in word_terms(sentence, lang) {
                if !singles.iter().any(|w| stems_meet(w, &term)) {
                    continue;
                }
                let gw = sent.start + at;
                let in_sentence =
                    |m: &&parallax_model::Mention| m.start >= sent.start && m.end <= sent.end;
                let linked = |m: &parallax_model::Mention| {
                    an.entities.clusters.get(m.cluster).and_then(|c| c.entity.clone())
                };
                let e_near = an.entities.mentions.iter().filter(in_sentence).any(|m| {
                    linked(m).is_some_and(|id| e_ids.contains(&id))
                        && words_between(gw, m.start) <= ENTITY_WORDS
                });
                if !e_near {
                    continue;
                }
                for m in an.entities.mentions.iter().filter(in_sentence) {
                    let Some(id) = linked(m) else { continue };
                    if m.kind == parallax_model::EntityType::Person
                        && m.start > gw
                        && words_between(gw, m.start) <= PERSON_WORDS
                        && !e_ids.contains(&id)
                        && !out.contains(&id)
                    {
                        out.push(id);
                    }
                }
            }
        }
    }
    out
}

/// Whether a statement's content says something: a quotation, or reported words of at least
/// four words (a clause, not the bare object of "described", "denied": "отставку министра").
fn says_something(doc: &Doc, st: &Statement) -> bool {
    st.form == parallax_model::StatementForm::Direct
        || st.content.text(doc.text()).is_some_and(|t| crate::text::word_count(t) >= 4)
}

/// The passage a statement rests on: the sentences from its cue to the end of its content, at
/// most three.
fn passage(doc: &Doc, st: &Statement) -> (usize, usize) {
    let mut span = st.content;
    span.start = span.start.min(st.cue.start);
    span.end = span.end.max(st.cue.end);
    if let Some(sp) = st.speaker {
        span.start = span.start.min(sp.start);
        span.end = span.end.max(sp.end);
    }
    let (from, to) = doc.sentences_over(span);
    (from, to.min(from + 3))
}

/// A statement as a line.
/// A statement as a line; the speaker named for a reader of `lang` (canonically when `None`).
fn statement_line(
    d: usize,
    doc: &Doc,
    st: &Statement,
    lookup: &dyn Fn(&EntityId) -> Option<EntityRecord>,
    lang: Option<Lang>,
    words: &BriefWords,
    score: f64,
) -> Option<Line> {
    let an = &doc.a.analysis;
    let (from, to) = passage(doc, st);
    let content = doc.cite(st.content)?;
    let mut citations = vec![];
    if let Some(p) = doc.span_of(from, to).and_then(|p| doc.cite(p)) {
        citations.push(p);
    }
    citations.push(content.clone());
    let cluster = st.speaker_cluster.and_then(|c| an.entities.clusters.get(c));
    let record = cluster.and_then(|c| c.entity.as_ref()).and_then(lookup);
    let speaker_name = record
        .as_ref()
        .map(|r| lang.map_or_else(|| r.canonical.clone(), |l| display(r, l)))
        .or_else(|| st.speaker_label.clone());
    let relayed_from = st.via.iter().find(|v| v.kind == SourceKind::Outlet).map(|v| v.name.clone());
    let who = speaker_name.clone().unwrap_or_else(|| words.unnamed_source.to_string());
    let via = relayed_from.as_deref().map(|v| format!(", {} {v}", words.via)).unwrap_or_default();
    Some(Line {
        doc: d,
        speaker_id: record.as_ref().map(|r| r.id.clone()),
        speaker_key: record.as_ref().map(|r| r.id.0.clone()).or_else(|| st.speaker_label.clone()),
        speaker_name,
        outlet: doc.outlet().map_or_else(|| doc.a.article.id.0.clone(), str::to_string),
        relayed_from,
        aggregator: doc.aggregator(),
        text: format!("{who} ({}{via}): “{}”", header(doc, words), content.quote),
        citations,
        terms: claim_terms(&content.quote, doc.a.article.language),
        score,
        date: st.date.or(doc.a.article.published),
        story: doc.story.clone(),
        confidence: Some(st.confidence),
    })
}

/// A sentence as a line ("TASS, 2025-11-02: …").
fn sentence_line(
    d: usize,
    doc: &Doc,
    i: usize,
    words: &BriefWords,
    score: f64,
    lead: Option<String>,
) -> Option<Line> {
    let span = *doc.a.analysis.sentences.get(i)?;
    let c = doc.cite(span)?;
    let lead = lead.map(|l| format!("{l} — ")).unwrap_or_default();
    Some(Line {
        doc: d,
        speaker_id: None,
        speaker_key: None,
        speaker_name: None,
        outlet: doc.outlet().map_or_else(|| doc.a.article.id.0.clone(), str::to_string),
        relayed_from: relayed(doc, span),
        aggregator: doc.aggregator(),
        text: format!("{lead}{}: {}", header(doc, words), c.quote),
        terms: claim_terms(&c.quote, doc.a.article.language),
        citations: vec![c],
        score,
        date: doc.a.article.published,
        story: doc.story.clone(),
        confidence: None,
    })
}

/// The outlet a sentence relays, when a statement in it came through one (two articles relaying
/// one report count once).
fn relayed(doc: &Doc, span: Span) -> Option<String> {
    let an = &doc.a.analysis;
    an.statements
        .statements
        .iter()
        .filter(|st| st.content.start < span.end && span.start < st.content.end)
        .find_map(|st| {
            let via = st.via.iter().find(|v| v.kind == SourceKind::Outlet);
            via.map(|v| v.name.clone()).or_else(|| {
                let c = an.entities.clusters.get(st.speaker_cluster?)?;
                c.kb.as_deref()?.starts_with("outlet:").then(|| c.name.clone())
            })
        })
}

/// Scored candidates: those that name the topic close by and fit it at least half as well as
/// the best.
fn keep_best(mut lines: Vec<(Line, bool)>) -> Vec<Line> {
    lines.retain(|(_, close)| *close);
    let best = lines.iter().map(|(l, _)| l.score).fold(0.0, f64::max);
    lines
        .into_iter()
        .map(|(l, _)| l)
        .filter(|l| l.score >= best * RELATIVE && l.score > 0.0)
        .collect()
}

/// The statements of the articles by a subject, about the topic.
fn statements_by(
    s: &Subject,
    q: &Question,
    docs: &[Doc],
    records: &Records<'_>,
    words: &BriefWords,
) -> Vec<Line> {
    let known = appositives(s, docs);
    select_statements(q, docs, records, words, &|doc, st| {
        if !speaks_for(s, &known, doc, st, records) {
            return None;
        }
        let (from, to) = passage(doc, st);
        let (mut score, close) = topic_score(doc, &q.topics, from, to);
        // The subject's own words in an article whose title names the topic are on it.
        let close = close || focus_in_title(doc, &q.topics);
        if let Some(act) = &q.act {
            let cue = doc.cite(st.cue).map(|c| c.quote).unwrap_or_default();
            let cue_terms: HashSet<String> =
                word_terms(&cue, doc.a.article.language).map(|(_, w)| w).collect();
            if names(&cue_terms, act) || names(&doc.union(from, to), act) {
                score *= ACT_BONUS;
            }
        }
        Some((score, close))
    })
}

/// How a statement fits a question: its topic score and whether it names a focus concept near
/// it, or `None` when it does not count at all.
type Scorer<'a> = dyn Fn(&Doc, &Statement) -> Option<(f64, bool)> + 'a;

/// The statements of the articles that say something and that `score` keeps (their topic
/// score and whether they name a focus concept near them), as lines, the best kept (see
/// [`keep_best`]).
fn select_statements(
    q: &Question,
    docs: &[Doc],
    records: &Records<'_>,
    words: &BriefWords,
    score: &Scorer<'_>,
) -> Vec<Line> {
    let lookup = |id: &EntityId| records.get(id);
    let mut out = vec![];
    for (d, doc) in docs.iter().enumerate() {
        for st in &doc.a.analysis.statements.statements {
            if !says_something(doc, st) || !(q.all_statements || st.confidence.is_confident()) {
                continue;
            }
            let Some((score, close)) = score(doc, st) else { continue };
            if let Some(l) = statement_line(d, doc, st, &lookup, Some(q.lang), words, score) {
                out.push((l, close));
            }
        }
    }
    keep_best(out)
}

/// Sentences in which the subject (an entity) does the act asked about, not already a
/// statement's: "Moreno asked Russia for radars" as a report.
fn acts_of(
    s: &Subject,
    q: &Question,
    docs: &[Doc],
    words: &BriefWords,
    taken: &[Line],
) -> Vec<Line> {
    let Some(act) = &q.act else { return vec![] };
    // Who acts: the group's noun when the subject is a group (the entity it belongs to may be
    // named next to it), else the entity.
    let (who, with) = match (&s.group, &s.entity) {
        (Some(g), e) => (g, e.as_ref()),
        (None, Some(e)) => (e, None),
        (None, None) => return vec![],
    };
    let mut out = vec![];
    for (d, doc) in docs.iter().enumerate() {
        let lang = doc.a.article.language;
        let pronouns: Vec<&str> = lang
            .map(|l| {
                crate::lang::packs::pack(l)
                    .speech
                    .pronouns
                    .iter()
                    .filter_map(|p| p.split(':').next())
                    .collect()
            })
            .unwrap_or_default();
        for (i, set) in doc.sents.iter().enumerate() {
            if !names(set, act) {
                continue;
            }
            // The actor is named here, or a pronoun opening the sentence points back to the
            // sentence before, which names it ("…исламисты… Они требуют казнить…").
            let span = doc.a.analysis.sentences[i];
            let opens_with_pronoun = span
                .text(doc.text())
                .and_then(|t| crate::stories::features::words(t).next())
                .is_some_and(|(_, w)| pronouns.contains(&w.as_str()));
            let here = names(set, who);
            let before = i > 0 && opens_with_pronoun && names(&doc.sents[i - 1], who);
            if !here && !before {
                continue;
            }
            if let Some(e) = with {
                let from = i.saturating_sub(1);
                if !names(&doc.union(from, i + 1), e) {
                    continue;
                }
            }
            let covered = taken.iter().any(|l| {
                l.doc == d && l.citations.iter().any(|c| c.start < span.end && span.start < c.end)
            });
            if covered {
                continue;
            }
            let (score, close) = topic_score(doc, &q.topics, i, i + 1);
            if let Some(mut l) = sentence_line(d, doc, i, words, score * ACT_BONUS, None) {
                l.speaker_key = Some(format!("act:{}", s.text));
                l.speaker_id = s
                    .entity
                    .as_ref()
                    .and_then(|e| e.entity_ids().first().cloned())
                    .filter(|_| s.group.is_none());
                l.speaker_name = Some(s.text.clone());
                out.push((l, close));
            }
        }
    }
    keep_best(out)
}

/// One claim: lines of one speaker with overlapping content.
struct Group {
    lines: Vec<Line>,
}

impl Group {
    fn sources(&self) -> BTreeSet<String> {
        self.lines
            .iter()
            .filter(|l| !l.aggregator)
            .map(|l| l.relayed_from.clone().unwrap_or_else(|| l.outlet.clone()))
            .collect()
    }

    fn unattributed(&self) -> bool {
        self.lines
            .iter()
            .all(|l| l.aggregator || l.speaker_name.is_none() && l.speaker_key.is_none())
    }

    fn status(&self) -> Status {
        if self.unattributed() {
            Status::Unattributed
        } else if self.sources().len() >= 2 {
            Status::Corroborated
        } else {
            Status::SingleSource
        }
    }

    fn score(&self) -> f64 {
        self.lines.iter().map(|l| l.score).fold(0.0, f64::max)
    }

    fn articles(&self) -> Vec<ArticleId> {
        let mut out: Vec<ArticleId> = vec![];
        for l in &self.lines {
            if let Some(c) = l.citations.first() {
                if !out.contains(&c.article) {
                    out.push(c.article.clone());
                }
            }
        }
        out
    }

    fn item(&self, words: &BriefWords) -> Item {
        let first = &self.lines[0];
        let others = self.articles().len().saturating_sub(1);
        let text = match others {
            0 => first.text.clone(),
            n => format!("{} [{}]", first.text, fill(words.also_in, "", "", "", n)),
        };
        let mut citations = first.citations.clone();
        for l in &self.lines[1..] {
            if let Some(c) = l.citations.first() {
                if !citations.contains(c) && citations.len() < MAX_CITATIONS {
                    citations.push(c.clone());
                }
            }
        }
        Item {
            text,
            speaker: first.speaker_name.clone(),
            speaker_id: first.speaker_id.clone(),
            status: self.status(),
            story: first.story.clone(),
            confidence: first.confidence,
            citations,
        }
    }
}

/// Whether two lines say the same: the same speaker (or both none) and words that overlap by
/// half (lexicon concepts and names across languages), or the same passage.
fn same_claim(a: &Line, b: &Line) -> bool {
    if a.speaker_key != b.speaker_key {
        return false;
    }
    if a.citations.first() == b.citations.first() {
        return true;
    }
    let shared = a.terms.intersection(&b.terms).count();
    let union = a.terms.union(&b.terms).count().max(1);
    shared >= 2 && shared * 2 >= union
}

/// Lines grouped into claims, best first.
fn group(mut lines: Vec<Line>) -> Vec<Group> {
    lines.sort_by(|a, b| {
        b.score.total_cmp(&a.score).then(b.date.cmp(&a.date)).then(a.doc.cmp(&b.doc))
    });
    let mut groups: Vec<Group> = vec![];
    for l in lines {
        match groups.iter_mut().find(|g| same_claim(&g.lines[0], &l)) {
            Some(g) => g.lines.push(l),
            None => groups.push(Group { lines: vec![l] }),
        }
    }
    groups.sort_by(|a, b| {
        b.score()
            .total_cmp(&a.score())
            .then(b.sources().len().cmp(&a.sources().len()))
            .then(b.lines[0].date.cmp(&a.lines[0].date))
    });
    groups
}

/// The best `limit` claims as sections: attributed lines by story (the best story first), then
/// the unattributed ones. Returns the sections and how many claims were left out.
fn sections_of(
    groups: Vec<Group>,
    title: &str,
    words: &BriefWords,
    limit: usize,
) -> (Vec<Section>, usize) {
    split_sections(groups, title, words, limit, true)
}

/// As [`sections_of`]; with `split` false, unattributed lines (an article's own sentences from
/// an unknown outlet) stay in the one section, each marked.
fn split_sections(
    groups: Vec<Group>,
    title: &str,
    words: &BriefWords,
    limit: usize,
    split: bool,
) -> (Vec<Section>, usize) {
    let more = groups.len().saturating_sub(limit);
    let kept: Vec<Group> = groups.into_iter().take(limit).collect();
    let (unattributed, attributed): (Vec<Group>, Vec<Group>) =
        kept.into_iter().partition(|g| split && g.unattributed());
    // Stories in order of their best claim; lines of a story together, best first.
    let mut order: Vec<Option<StoryId>> = vec![];
    for g in &attributed {
        if !order.contains(&g.lines[0].story) {
            order.push(g.lines[0].story.clone());
        }
    }
    let mut items: Vec<Item> = vec![];
    for s in &order {
        items.extend(attributed.iter().filter(|g| &g.lines[0].story == s).map(|g| g.item(words)));
    }
    let mut out = vec![Section { title: title.to_string(), items }];
    if !unattributed.is_empty() {
        out.push(Section {
            title: words.unattributed.to_string(),
            items: unattributed.iter().map(|g| g.item(words)).collect(),
        });
    }
    (out, more)
}

fn saying(
    q: &Question,
    docs: &[Doc],
    records: &Records<'_>,
    words: &BriefWords,
    limit: usize,
) -> (Vec<Section>, usize) {
    let Some(s) = &q.subject else { return reports(q, docs, records, words, limit) };
    let mut lines = statements_by(s, q, docs, records, words);
    let acts = acts_of(s, q, docs, words, &lines);
    lines.extend(acts);
    let template = if q.act.is_some() { words.acts } else { words.statements };
    let title = fill(template, &s.text, &q.about, "", 0);
    sections_of(group(lines), &title, words, limit)
}

/// Statements by anyone whose content names the topic.
fn who_said(
    q: &Question,
    docs: &[Doc],
    records: &Records<'_>,
    words: &BriefWords,
    limit: usize,
) -> (Vec<Section>, usize) {
    let lines = any_statements(q, docs, records, words, true);
    sections_of(group(lines), words.who_said, words, limit)
}

/// Statements by anyone about the topic. With `own_words`, what counts is what the statement's
/// own words name (who said *these* words), not its sentence.
fn any_statements(
    q: &Question,
    docs: &[Doc],
    records: &Records<'_>,
    words: &BriefWords,
    own_words: bool,
) -> Vec<Line> {
    select_statements(q, docs, records, words, &|doc, st| {
        Some(if own_words {
            content_score(doc, st, &q.topics)
        } else {
            let (from, to) = doc.sentences_over(st.content);
            topic_score(doc, &q.topics, from, to)
        })
    })
}

/// How the outlets label the entity asked about: the labels the articles attach to it (titles,
/// appositions, descriptions), each with the sentence it stands in.
fn describe(
    q: &Question,
    docs: &[Doc],
    records: &Records<'_>,
    words: &BriefWords,
    limit: usize,
) -> (Vec<Section>, usize) {
    let Some(target) = q.topics.iter().find(|c| c.is_entity()) else { return (vec![], 0) };
    let ids = target.entity_ids();
    let base =
        ids.first().and_then(|id| records.get(id)).and_then(|r| super::question::cyrillic_base(&r));
    let mut lines: Vec<Line> = vec![];
    for (d, doc) in docs.iter().enumerate() {
        let an = &doc.a.analysis;
        for label in super::labels::labels(&doc.a, ids, base.as_deref()) {
            let Some(cited) = doc.cite(label.span) else { continue };
            let i = sentence_of(&an.sentences, label.span.start).unwrap_or(0);
            let Some(sentence) = doc.span_of(i, i + 1).and_then(|s| doc.cite(s)) else { continue };
            let gloss = label
                .gloss
                .as_deref()
                .filter(|g| !cited.quote.to_lowercase().contains(&g.to_lowercase()))
                .map(|g| format!(" ({g})"))
                .unwrap_or_default();
            let judged = if label.evaluative { " [evaluative]" } else { "" };
            let outlet = doc.outlet().unwrap_or(words.unnamed_outlet);
            lines.push(Line {
                doc: d,
                speaker_id: None,
                speaker_key: Some("label".into()),
                speaker_name: Some(outlet.to_string()),
                outlet: outlet.to_string(),
                relayed_from: None,
                aggregator: doc.aggregator(),
                text: format!("{outlet}: “{}”{gloss}{judged}", cited.quote),
                terms: claim_terms(&cited.quote, doc.a.article.language),
                citations: vec![sentence, cited],
                score: 1.0 + f64::from(u8::from(label.evaluative)),
                date: doc.a.article.published,
                story: doc.story.clone(),
                confidence: None,
            });
        }
    }
    // One label in several articles (any case, any language the lexicon knows) is one line,
    // the most widespread first.
    let mut groups: Vec<Group> = vec![];
    for l in lines {
        match groups.iter_mut().find(|g| g.lines[0].terms == l.terms) {
            Some(g) => g.lines.push(l),
            None => groups.push(Group { lines: vec![l] }),
        }
    }
    groups.sort_by(|a, b| {
        b.articles().len().cmp(&a.articles().len()).then(b.score().total_cmp(&a.score()))
    });
    let title = fill(words.describe, "", "", &target.text, 0);
    let (mut sections, more) = sections_of(groups, &title, words, limit);
    for s in &mut sections {
        for i in &mut s.items {
            i.speaker = None;
        }
    }
    (sections, more)
}

/// Dated sentences about the topic, in date order.
fn when(q: &Question, docs: &[Doc], words: &BriefWords, limit: usize) -> (Vec<Section>, usize) {
    let topics = all_topics(q);
    let mut lines = vec![];
    for (d, doc) in docs.iter().enumerate() {
        for ds in &doc.a.analysis.statements.dated_sentences {
            let Some(i) = sentence_of(&doc.a.analysis.sentences, ds.start) else { continue };
            let (score, close) = topic_score(doc, &topics, i, i + 1);
            if let Some(mut l) = sentence_line(d, doc, i, words, score, Some(ds.date.to_string())) {
                l.date = Some(ds.date);
                lines.push((l, close));
            }
        }
    }
    let mut groups = group(keep_best(lines));
    groups.truncate(limit.max(1));
    let more = 0;
    if q.intent == Intent::Timeline {
        groups.sort_by(|a, b| a.lines[0].date.cmp(&b.lines[0].date));
    }
    let items = groups.iter().map(|g| g.item(words)).collect();
    (vec![Section { title: words.timeline.to_string(), items }], more)
}

/// The subject and parties count as topics where the intent has no speaker.
fn all_topics(q: &Question) -> Vec<Concept> {
    let mut t: Vec<Concept> = q.topics.clone();
    for s in q.subject.iter().chain(&q.parties) {
        t.extend(s.entity.iter().cloned());
        t.extend(s.group.iter().cloned());
    }
    if let Some(a) = &q.act {
        t.push(a.clone());
    }
    t
}

/// Sentences that give figures about the topic.
fn figures(q: &Question, docs: &[Doc], words: &BriefWords, limit: usize) -> (Vec<Section>, usize) {
    let topics = all_topics(q);
    let mut lines = vec![];
    for (d, doc) in docs.iter().enumerate() {
        let an = &doc.a.analysis;
        let mut seen: BTreeSet<usize> = BTreeSet::new();
        for qty in &an.statements.quantities {
            let Some(i) = sentence_of(&an.sentences, qty.start) else { continue };
            if !seen.insert(i) {
                continue;
            }
            let (score, close) = topic_score(doc, &topics, i, i + 1);
            if let Some(l) = sentence_line(d, doc, i, words, score, None) {
                lines.push((l, close));
            }
        }
    }
    split_sections(group(keep_best(lines)), words.figures, words, limit, false)
}

/// Where the sources disagree: for named parties, what each says about the topic; otherwise
/// the contradicting dates and figures among the articles about the topic, and what the
/// speakers on it say.
fn disagree(
    q: &Question,
    docs: &[Doc],
    records: &Records<'_>,
    words: &BriefWords,
    limit: usize,
) -> (Vec<Section>, usize) {
    if q.parties.len() >= 2 {
        let mut sections = vec![];
        let mut more = 0;
        let per = (limit / q.parties.len()).max(2);
        for p in &q.parties {
            let lines = statements_by(p, q, docs, records, words);
            let title = fill(words.statements, &p.text, &q.about, "", 0);
            let (s, m) = sections_of(group(lines), &title, words, per);
            sections.extend(s);
            more += m;
        }
        return (sections, more);
    }
    // What the question asks the sources to disagree on: the dates they give, the figures, or
    // (by default) what each side says, with contested dates and figures after it.
    let topics = all_topics(q);
    let sides = |n: usize| {
        sections_of(group(any_statements(q, docs, records, words, false)), words.sides, words, n)
    };
    let contested = |dates: bool, figures: bool, n: usize| -> (Section, usize) {
        let mut items = vec![];
        if dates {
            items.extend(contested_dates(&topics, docs, words));
        }
        if figures {
            items.extend(contested_figures(&topics, docs, words));
        }
        let more = items.len().saturating_sub(n);
        items.truncate(n);
        (Section { title: words.disagree.to_string(), items }, more)
    };
    if q.asks_date || q.asks_number {
        let (first, more_contested) = contested(q.asks_date, q.asks_number, limit);
        let rest = limit.saturating_sub(first.items.len()).max(2);
        let (mut sections, more) = sides(rest);
        sections.insert(0, first);
        return (sections, more + more_contested);
    }
    let (mut sections, more) = sides(limit);
    let shown: usize = sections.iter().map(|s| s.items.len()).sum();
    let (last, more_contested) = contested(true, true, limit.saturating_sub(shown).min(MAX_SIDES));
    sections.push(last);
    (sections, more + more_contested)
}

/// The days the articles give for the topic, when they give more than one within a month:
/// each day is one side (its sentences from every article), earliest first.
fn contested_dates(topics: &[Concept], docs: &[Doc], words: &BriefWords) -> Vec<Item> {
    let mut lines = vec![];
    for (d, doc) in docs.iter().enumerate() {
        for ds in &doc.a.analysis.statements.dated_sentences {
            if !ds.date.is_full() {
                continue;
            }
            let Some(i) = sentence_of(&doc.a.analysis.sentences, ds.start) else { continue };
            // A date is the date of what its own sentence names: every name of the topic there.
            let own = doc.sents.get(i);
            if !topics
                .iter()
                .filter(|c| c.is_entity())
                .all(|c| own.is_some_and(|set| names(set, c)))
            {
                continue;
            }
            let (score, close) = topic_score(doc, topics, i, i + 1);
            if let Some(mut l) = sentence_line(d, doc, i, words, score, Some(ds.date.to_string())) {
                l.date = Some(ds.date);
                lines.push((l, close));
            }
        }
    }
    let mut by_day: BTreeMap<PartialDate, Vec<Line>> = BTreeMap::new();
    for l in keep_best(lines) {
        if let Some(d) = l.date {
            by_day.entry(d).or_default().push(l);
        }
    }
    // The event's day is the one most articles give; the other days within a week of it are
    // what the sources disagree on (a day further off is another event).
    let articles = |ls: &Vec<Line>| ls.iter().map(|l| l.doc).collect::<BTreeSet<_>>().len();
    let Some(anchor) =
        by_day.iter().max_by_key(|(d, ls)| (articles(ls), std::cmp::Reverse(**d))).map(|(d, _)| *d)
    else {
        return vec![];
    };
    let near = |d: &PartialDate| {
        parallax_model::day_number(d)
            .zip(parallax_model::day_number(&anchor))
            .is_some_and(|(a, b)| (a - b).abs() <= 7)
    };
    by_day.retain(|d, _| near(d));
    // Days that only one article gives are that article's account of several events, not a
    // disagreement between sources.
    let docs_of = |ls: &Vec<Line>| ls.iter().map(|l| l.doc).collect::<BTreeSet<_>>();
    let all_docs: BTreeSet<usize> = by_day.values().flat_map(docs_of).collect();
    if by_day.len() < 2 || all_docs.len() < 2 {
        return vec![];
    }
    let mut sides: Vec<(PartialDate, Vec<Line>)> = by_day.into_iter().collect();
    sides.sort_by_key(|(d, ls)| (std::cmp::Reverse(articles(ls)), *d));
    sides.truncate(MAX_SIDES);
    sides.sort_by_key(|(d, _)| *d);
    sides.into_iter().map(|(_, ls)| contested_item(ls, words)).collect()
}

/// Two sentences speak of the same matter when their words (lexicon concepts, stems, names)
/// overlap by this many tenths (and in three words at least).
const SAME_MATTER: usize = 5;

/// The most sides a disagreement shows (the days or values most articles give).
const MAX_SIDES: usize = 4;

/// The figures the articles give for the topic in one unit, when they differ by more than a
/// tenth: each value is one side.
fn contested_figures(topics: &[Concept], docs: &[Doc], words: &BriefWords) -> Vec<Item> {
    let mut lines = vec![];
    for (d, doc) in docs.iter().enumerate() {
        let an = &doc.a.analysis;
        for qty in &an.statements.quantities {
            let Some(unit) = &qty.unit else { continue };
            let Some(i) = sentence_of(&an.sentences, qty.start) else { continue };
            let (score, close) = topic_score(doc, topics, i, i + 1);
            if let Some(mut l) = sentence_line(d, doc, i, words, score, None) {
                l.speaker_key = Some(format!("{unit}\u{1f}{}", qty.value));
                lines.push((l, close));
            }
        }
    }
    let mut by_unit: BTreeMap<String, BTreeMap<String, (f64, Vec<Line>)>> = BTreeMap::new();
    for l in keep_best(lines) {
        let Some((unit, value)) = l.speaker_key.as_deref().and_then(|k| k.split_once('\u{1f}'))
        else {
            continue;
        };
        let v: f64 = value.parse().unwrap_or(0.0);
        by_unit
            .entry(unit.to_string())
            .or_default()
            .entry(value.to_string())
            .or_insert((v, vec![]))
            .1
            .push(l);
    }
    let mut out = vec![];
    for mut values in by_unit.into_values() {
        // Figures contradict when they measure the same matter: a line is a side only when a
        // line giving another value says much the same besides the number.
        // (In another article: one article's different figures are different measures.)
        let all: Vec<(String, usize, HashSet<String>)> = values
            .iter()
            .flat_map(|(v, (_, ls))| ls.iter().map(move |l| (v.clone(), l.doc, l.terms.clone())))
            .collect();
        let alike = |a: &HashSet<String>, b: &HashSet<String>| {
            let shared = a.intersection(b).count();
            shared >= 3 && shared * 10 >= a.union(b).count().max(1) * SAME_MATTER
        };
        // The values each article gives: two articles that both give both values (the same
        // survey reported twice) do not disagree.
        let mut given: HashMap<usize, BTreeSet<String>> = HashMap::new();
        for (v, d, _) in &all {
            given.entry(*d).or_default().insert(v.clone());
        }
        let gives = |d: usize, v: &str| given.get(&d).is_some_and(|g| g.contains(v));
        for (v, (_, ls)) in values.iter_mut() {
            ls.retain(|l| {
                all.iter().any(|(w, d, t)| {
                    w != v && *d != l.doc && !gives(*d, v) && !gives(l.doc, w) && alike(&l.terms, t)
                })
            });
        }
        values.retain(|_, (_, ls)| !ls.is_empty());
        let vs: Vec<f64> = values.values().map(|(v, _)| *v).collect();
        let (lo, hi) = vs.iter().fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
        if vs.len() < 2 || hi <= 0.0 || (hi - lo) / hi <= 0.1 {
            continue;
        }
        let mut sides: Vec<(f64, Vec<Line>)> = values.into_values().collect();
        let articles = |ls: &Vec<Line>| ls.iter().map(|l| l.doc).collect::<BTreeSet<_>>().len();
        sides.sort_by_key(|(_, ls)| std::cmp::Reverse(articles(ls)));
        sides.truncate(MAX_SIDES);
        sides.sort_by(|a, b| a.0.total_cmp(&b.0));
        out.extend(sides.into_iter().map(|(_, ls)| contested_item(ls, words)));
    }
    out
}

/// One side of a disagreement: its first line, cited with every article that says the same.
fn contested_item(mut lines: Vec<Line>, words: &BriefWords) -> Item {
    lines.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
    let g = Group { lines };
    let mut item = g.item(words);
    item.status = Status::Contested;
    item
}

/// Statements and sentences about the topic, for a question with no other intent.
fn reports(
    q: &Question,
    docs: &[Doc],
    records: &Records<'_>,
    words: &BriefWords,
    limit: usize,
) -> (Vec<Section>, usize) {
    let topics = all_topics(q);
    let q2 = Question { topics: topics.clone(), ..q.clone() };
    let mut lines = any_statements(&q2, docs, records, words, false);
    let mut sentence_lines = vec![];
    for (d, doc) in docs.iter().enumerate() {
        for i in 0..doc.sents.len() {
            let (score, close) = topic_score(doc, &topics, i, i + 1);
            if let Some(l) = sentence_line(d, doc, i, words, score, None) {
                sentence_lines.push((l, close));
            }
        }
    }
    let taken = lines.clone();
    for l in keep_best(sentence_lines) {
        let covered = taken.iter().any(|t| {
            t.doc == l.doc
                && t.citations.iter().any(|c| {
                    l.citations.first().is_some_and(|x| c.start < x.end && x.start < c.end)
                })
        });
        if !covered {
            lines.push(l);
        }
    }
    sections_of(group(lines), words.reports, words, limit)
}

/// The claims of a story's articles (every statement), for `parallax story`.
pub(super) fn story_claims(
    articles: &[&StoredArticle],
    entity: &dyn Fn(&EntityId) -> Option<EntityRecord>,
) -> Vec<Claim> {
    let words = brief_words(Lang::En);
    let docs: Vec<Doc> = articles.iter().map(|a| Doc::new((*a).clone(), None)).collect();
    let mut lines = vec![];
    for (d, doc) in docs.iter().enumerate() {
        for st in &doc.a.analysis.statements.statements {
            if let Some(l) = statement_line(d, doc, st, entity, None, words, 1.0) {
                lines.push(l);
            }
        }
    }
    let text_of = texts(articles);
    group(lines)
        .into_iter()
        .map(|g| {
            let item = g.item(words);
            Claim {
                text: item.text,
                articles: g.articles(),
                independent_sources: g.sources().len(),
                status: item.status,
                citations: item.citations,
            }
        })
        .filter(|c| holds(&c.citations, &text_of))
        .collect()
}
