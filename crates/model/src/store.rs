//! The system of record, as a trait: what the pipeline needs from storage and nothing more.
//!
//! The CLI picks a backend; everything else sees `dyn Store`. [`MemStore`] is the reference
//! implementation, and [`conformance`](crate::conformance) holds the test functions every backend
//! must pass, run against each of them.

use crate::search::{self, SearchHit, SearchQuery, SearchText};
use crate::{
    Analysis, Article, ArticleId, EntityId, EntityIndex, EntityLink, EntityRecord, Fingerprint,
    FingerprintHit, InputFormat, Lang, Linker, Member, SearchExpr, StoredArticle, Story,
    StoryAssigner, StoryAssignment, StoryId, StoryIndex, StoryProfile,
};
use std::collections::{BTreeMap, HashMap};
use std::ops::ControlFlow;

/// An article ready to be stored, with the original bytes it was made from.
#[derive(Debug, Clone, PartialEq)]
pub struct Ingested {
    pub article: Article,
    pub analysis: Analysis,
    pub raw: RawRecord,
    /// Hex BLAKE3 of the original bytes: the same input is stored once.
    pub raw_hash: String,
    /// Hex BLAKE3 of the normalised body: the same article in another container is stored once.
    pub text_hash: String,
    /// The terms the engine gives the full-text index (the store adds the linked ones).
    pub search: SearchText,
}

/// The original bytes of a stored article, kept so that a newer engine can process them again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRecord {
    pub source: String,
    pub format: InputFormat,
    pub encoding: String,
    pub bytes: Vec<u8>,
}

/// What became of one article handed to [`Store::put_batch`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PutOutcome {
    Stored(ArticleId),
    /// Already stored (same bytes, or the same body text from another input) as `of`.
    Duplicate {
        of: ArticleId,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the store at {path} was written by a newer Parallax (schema {found}; this build reads up to {supported})")]
    SchemaTooNew { path: String, found: i64, supported: i64 },
    #[error("the store at {path} is damaged: {reason}")]
    Corrupt { path: String, reason: String },
    #[error("store I/O error at {path}: {reason}")]
    Io { path: String, reason: String },
    #[error("the store is busy: another process has been writing to it for {waited_secs} s; try again when it has finished")]
    Busy { waited_secs: u64 },
    #[error("store error: {0}")]
    Backend(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// The system of record for articles.
///
/// Writes are atomic per batch: after a crash, each article is either wholly stored or absent.
pub trait Store {
    /// A short name for messages: "sqlite", "memory".
    fn backend(&self) -> &'static str;

    /// The stored article whose original bytes hash to `raw_hash`, if any. Lets ingest skip a
    /// known input before paying for extraction.
    fn find_raw(&self, raw_hash: &str) -> StoreResult<Option<ArticleId>>;

    /// Stores each article unless it is a duplicate of a stored one or of an earlier one in the
    /// batch, all in one transaction. Outcomes are in input order.
    fn put_batch(&mut self, batch: &[Ingested]) -> StoreResult<Vec<PutOutcome>>;

    fn get(&self, id: &ArticleId) -> StoreResult<Option<StoredArticle>>;

    fn raw(&self, id: &ArticleId) -> StoreResult<Option<RawRecord>>;

    /// Ids that start with `prefix`, at most `limit` of them, in insertion order.
    fn ids_with_prefix(&self, prefix: &str, limit: usize) -> StoreResult<Vec<ArticleId>>;

    /// Calls `f` with every article in insertion order until it breaks.
    fn scan(&self, f: &mut dyn FnMut(&Article) -> ControlFlow<()>) -> StoreResult<()>;

    fn count(&self) -> StoreResult<usize>;

    /// Replaces the analysis of a stored article (after the engine improved) and its entry in the
    /// full-text index (`search`, the engine's terms for the new analysis). Returns false when
    /// the id is unknown.
    fn put_analysis(
        &mut self,
        id: &ArticleId,
        analysis: &Analysis,
        search: &SearchText,
    ) -> StoreResult<bool>;

    /// The articles that match a query, best first (BM25 over the fields, weighted by
    /// [`search::FIELD_WEIGHTS`]; ties by stored order), at most `query.limit`.
    fn search(&self, query: &SearchQuery) -> StoreResult<Vec<SearchHit>>;

    /// How many indexed articles hold each term, in any field (0 for an unknown term).
    fn term_counts(&self, terms: &[String]) -> StoreResult<Vec<u64>>;

    /// Indexes up to `limit` stored articles that the full-text index lacks (stored before the
    /// store had one), in stored order, in one transaction. Returns how many were indexed.
    fn index_pending(&mut self, indexer: &dyn search::Indexer, limit: usize) -> StoreResult<usize>;

    /// The entities of the registry filed under a lookup key (as linking finds them).
    fn find_entities(&self, key: &str) -> StoreResult<Vec<EntityRecord>>;

    /// How many stored analyses each engine version made (the `engine` stamp of
    /// [`Analysis`]), most first, then by version.
    fn engines(&self) -> StoreResult<Vec<(String, usize)>>;

    /// How many articles are stored in each language (articles of no known language left out),
    /// most first, then by language code.
    fn languages(&self) -> StoreResult<Vec<(Lang, usize)>>;

    /// Like [`put_batch`](Store::put_batch), and links the entities of every stored article to
    /// the corpus registry with `linker`, in the same transaction. The stored analyses carry the
    /// entity ids.
    fn put_batch_linked(
        &mut self,
        batch: &[Ingested],
        linker: &dyn Linker,
    ) -> StoreResult<Vec<PutOutcome>>;

    /// One entity of the registry.
    fn entity(&self, id: &EntityId) -> StoreResult<Option<EntityRecord>>;

    /// Calls `f` with every entity (most mentioned first) until it breaks.
    fn scan_entities(&self, f: &mut dyn FnMut(&EntityRecord) -> ControlFlow<()>)
        -> StoreResult<()>;

    /// The articles that mention an entity, in insertion order.
    fn entity_articles(&self, id: &EntityId) -> StoreResult<Vec<ArticleId>>;

    /// Like [`put_batch_linked`](Store::put_batch_linked), and then assigns every stored article
    /// to a story with `assigner`, in the same transaction: after a crash, an article is stored
    /// with its entities and its story, or not at all. The store applies each
    /// [`StoryAssignment`]: the profile, the member (and what it copies), the postings under
    /// `file_under`, the document frequencies, the fingerprint, and absorbed stories (their
    /// members move to the surviving story).
    fn put_batch_assigned(
        &mut self,
        batch: &[Ingested],
        linker: &dyn Linker,
        assigner: &dyn StoryAssigner,
    ) -> StoreResult<Vec<PutOutcome>>;

    /// Assigns a story to up to `limit` stored articles that have none (stored with
    /// [`put_batch_linked`](Store::put_batch_linked), or before the store knew stories, or after
    /// [`reset_stories`](Store::reset_stories)), in publication-date order (undated articles after
    /// the dated ones), then stored order, in one transaction. Returns how many were assigned.
    fn assign_pending(&mut self, assigner: &dyn StoryAssigner, limit: usize) -> StoreResult<usize>;

    /// Forgets every story (members, profiles and the story indexes) in one transaction, so
    /// that [`assign_pending`](Store::assign_pending) assigns every article again: online
    /// assignment depends on the order articles arrived in, and `parallax restory` rebuilds the
    /// stories in date order. Articles, analyses and entities are untouched.
    fn reset_stories(&mut self) -> StoreResult<()>;

    /// One story, with its members in stored order.
    fn story(&self, id: &StoryId) -> StoreResult<Option<Story>>;

    /// The story an article belongs to.
    fn story_of(&self, article: &ArticleId) -> StoreResult<Option<StoryId>>;

    /// Calls `f` with every story until it breaks: the most members first, then the most
    /// recently active, then by id.
    fn stories(&self, f: &mut dyn FnMut(&Story) -> ControlFlow<()>) -> StoreResult<()>;

    /// Story ids that start with `prefix`, at most `limit`, in id order.
    fn story_ids_with_prefix(&self, prefix: &str, limit: usize) -> StoreResult<Vec<StoryId>>;

    /// The profile the assigner keeps for a story (for inspection and tests).
    fn story_profile(&self, id: &StoryId) -> StoreResult<Option<StoryProfile>>;
}

/// An in-memory [`Store`], the reference implementation for tests and throw-away runs.
#[derive(Debug, Default)]
pub struct MemStore {
    order: Vec<ArticleId>,
    /// Each stored article's index in `order`.
    positions: HashMap<ArticleId, usize>,
    rows: HashMap<ArticleId, Ingested>,
    by_raw: HashMap<String, ArticleId>,
    by_text: HashMap<String, ArticleId>,
    entities: HashMap<EntityId, EntityRecord>,
    entity_order: Vec<EntityId>,
    by_key: HashMap<String, Vec<EntityId>>,
    entity_articles: HashMap<EntityId, Vec<ArticleId>>,
    stories: MemStories,
    /// Each indexed article's terms, linked terms included.
    index: HashMap<ArticleId, SearchText>,
}

/// The story registry of a [`MemStore`].
#[derive(Debug, Default)]
struct MemStories {
    profiles: HashMap<StoryId, StoryProfile>,
    /// Creation sequence of each live story (ties in lookups go to the newer story).
    seq: HashMap<StoryId, u64>,
    next_seq: u64,
    members: HashMap<StoryId, Vec<ArticleId>>,
    /// Story and original of every member.
    member_of: HashMap<ArticleId, (StoryId, Option<ArticleId>)>,
    /// Key → story → the latest day it was filed under the key.
    postings: HashMap<u64, BTreeMap<StoryId, Option<i32>>>,
    /// Story → the keys it is filed under (to take a merged story out of `postings`).
    filed: HashMap<StoryId, Vec<u64>>,
    frequencies: HashMap<u64, u64>,
    documents: u64,
    bands: HashMap<u64, Vec<ArticleId>>,
    fingerprints: HashMap<ArticleId, (Option<i32>, Fingerprint)>,
    latest_day: Option<i32>,
}

/// Whether a day passes a `since` filter: undated entries pass only an undated lookup.
fn active(day: Option<i32>, since: Option<i32>) -> bool {
    match (since, day) {
        (None, _) => true,
        (Some(s), Some(d)) => d >= s,
        (Some(_), None) => false,
    }
}

impl StoryIndex for MemStore {
    fn stories_by_key(
        &self,
        key: u64,
        since: Option<i32>,
        limit: usize,
    ) -> StoreResult<Vec<StoryId>> {
        let st = &self.stories;
        let Some(list) = st.postings.get(&key) else { return Ok(vec![]) };
        let mut hits: Vec<(Option<i32>, u64, &StoryId)> = list
            .iter()
            .filter(|(_, d)| active(**d, since))
            .map(|(s, d)| (*d, st.seq.get(s).copied().unwrap_or(0), s))
            .collect();
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        Ok(hits.into_iter().take(limit).map(|(_, _, s)| s.clone()).collect())
    }

    fn profile(&self, id: &StoryId) -> StoreResult<Option<StoryProfile>> {
        Ok(self.stories.profiles.get(id).cloned())
    }

    fn key_frequency(&self, key: u64) -> StoreResult<u64> {
        Ok(self.stories.frequencies.get(&key).copied().unwrap_or(0))
    }

    fn documents(&self) -> StoreResult<u64> {
        Ok(self.stories.documents)
    }

    fn fingerprints(
        &self,
        band: u64,
        since: Option<i32>,
        limit: usize,
    ) -> StoreResult<Vec<FingerprintHit>> {
        let st = &self.stories;
        let Some(list) = st.bands.get(&band) else { return Ok(vec![]) };
        Ok(list
            .iter()
            .rev()
            .filter_map(|a| {
                let (day, fp) = st.fingerprints.get(a)?;
                if !active(*day, since) {
                    return None;
                }
                let (story, copy_of) = st.member_of.get(a)?.clone();
                Some(FingerprintHit {
                    article: a.clone(),
                    story,
                    copy_of,
                    day: *day,
                    fingerprint: fp.clone(),
                })
            })
            .take(limit)
            .collect())
    }

    fn latest_day(&self) -> StoreResult<Option<i32>> {
        Ok(self.stories.latest_day)
    }
}

impl MemStore {
    /// The position of a stored article in insertion order.
    fn position(&self, id: &ArticleId) -> usize {
        self.positions.get(id).copied().unwrap_or(usize::MAX)
    }

    fn apply_story(&mut self, article: &ArticleId, a: StoryAssignment) {
        let id = a.profile.id.clone();
        let file_day = a.day.or(self.stories.latest_day);
        for gone in a.absorbed.iter().filter(|g| **g != id) {
            let moved = self.stories.members.remove(gone).unwrap_or_default();
            for m in &moved {
                if let Some(x) = self.stories.member_of.get_mut(m) {
                    x.0 = id.clone();
                }
            }
            let mut all = self.stories.members.remove(&id).unwrap_or_default();
            all.extend(moved);
            all.sort_by_key(|m| self.position(m));
            self.stories.members.insert(id.clone(), all);
            self.stories.profiles.remove(gone);
            self.stories.seq.remove(gone);
            for k in self.stories.filed.remove(gone).unwrap_or_default() {
                if let Some(list) = self.stories.postings.get_mut(&k) {
                    list.remove(gone);
                }
            }
        }
        let st = &mut self.stories;
        if !st.seq.contains_key(&id) {
            st.seq.insert(id.clone(), st.next_seq);
            st.next_seq += 1;
        }
        st.profiles.insert(id.clone(), a.profile);
        st.members.entry(id.clone()).or_default().push(article.clone());
        st.member_of.insert(article.clone(), (id.clone(), a.copy_of.clone()));
        for k in a.file_under {
            let list = st.postings.entry(k).or_default();
            if !list.contains_key(&id) {
                st.filed.entry(id.clone()).or_default().push(k);
            }
            let d = list.entry(id.clone()).or_insert(file_day);
            *d = (*d).max(file_day);
        }
        if a.copy_of.is_none() {
            st.documents += 1;
        }
        for k in a.frequencies {
            *st.frequencies.entry(k).or_default() += 1;
        }
        if let Some(fp) = a.fingerprint {
            for b in &fp.bands {
                st.bands.entry(*b).or_default().push(article.clone());
            }
            st.fingerprints.insert(article.clone(), (a.day, fp));
        }
        if let Some(d) = a.day {
            st.latest_day = Some(st.latest_day.map_or(d, |l| l.max(d)));
        }
    }

    fn member_view(&self, id: &ArticleId) -> Member {
        let a = self.rows.get(id).map(|d| &d.article);
        Member {
            article: id.clone(),
            copy_of: self.stories.member_of.get(id).and_then(|x| x.1.clone()),
            language: a.and_then(|a| a.language),
            outlet: a.and_then(|a| a.outlet.clone()),
            published: a.and_then(|a| a.published),
        }
    }

    fn story_view(&self, id: &StoryId) -> Option<Story> {
        let p = self.stories.profiles.get(id)?;
        let members: Vec<Member> = self
            .stories
            .members
            .get(id)
            .into_iter()
            .flatten()
            .map(|m| self.member_view(m))
            .collect();
        Some(Story::assemble(p, &members))
    }
}

impl EntityIndex for MemStore {
    fn find(&self, key: &str) -> StoreResult<Vec<EntityRecord>> {
        Ok(self
            .by_key
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|id| self.entities.get(id).cloned())
            .collect())
    }
}

impl MemStore {
    fn apply_link(&mut self, article: &ArticleId, link: &EntityLink) {
        let mut e = link.entity.clone();
        let arts = self.entity_articles.entry(e.id.clone()).or_default();
        if !arts.contains(article) {
            arts.push(article.clone());
        }
        e.articles = arts.len();
        for k in &e.keys {
            let ids = self.by_key.entry(k.clone()).or_default();
            if !ids.contains(&e.id) {
                ids.push(e.id.clone());
            }
        }
        if !self.entities.contains_key(&e.id) {
            self.entity_order.push(e.id.clone());
        }
        self.entities.insert(e.id.clone(), e);
    }
}

impl MemStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Indexes a stored article: the engine's terms and those of its linked entities.
    fn reindex(&mut self, id: &ArticleId, engine: &SearchText) {
        let Some(row) = self.rows.get(id) else { return };
        let (names, speakers) =
            search::linked_terms(&row.analysis, &|e| self.entities.get(e).cloned());
        let mut text = engine.clone();
        text.names = search::join_terms(&engine.names, &names);
        text.speakers = search::join_terms(&engine.speakers, &speakers);
        self.index.insert(id.clone(), text);
    }
}

static EMPTY: Vec<ArticleId> = Vec::new();

impl Store for MemStore {
    fn backend(&self) -> &'static str {
        "memory"
    }

    fn find_raw(&self, raw_hash: &str) -> StoreResult<Option<ArticleId>> {
        Ok(self.by_raw.get(raw_hash).cloned())
    }

    fn put_batch(&mut self, batch: &[Ingested]) -> StoreResult<Vec<PutOutcome>> {
        let mut out = Vec::with_capacity(batch.len());
        for doc in batch {
            let id = &doc.article.id;
            let existing = self
                .by_raw
                .get(&doc.raw_hash)
                .or_else(|| self.by_text.get(&doc.text_hash))
                .or_else(|| self.rows.get_key_value(id).map(|(k, _)| k));
            if let Some(of) = existing {
                out.push(PutOutcome::Duplicate { of: of.clone() });
                continue;
            }
            self.positions.insert(id.clone(), self.order.len());
            self.order.push(id.clone());
            self.by_raw.insert(doc.raw_hash.clone(), id.clone());
            self.by_text.insert(doc.text_hash.clone(), id.clone());
            self.rows.insert(id.clone(), doc.clone());
            self.index.insert(id.clone(), doc.search.clone());
            out.push(PutOutcome::Stored(id.clone()));
        }
        Ok(out)
    }

    fn get(&self, id: &ArticleId) -> StoreResult<Option<StoredArticle>> {
        Ok(self
            .rows
            .get(id)
            .map(|d| StoredArticle { article: d.article.clone(), analysis: d.analysis.clone() }))
    }

    fn raw(&self, id: &ArticleId) -> StoreResult<Option<RawRecord>> {
        Ok(self.rows.get(id).map(|d| d.raw.clone()))
    }

    fn ids_with_prefix(&self, prefix: &str, limit: usize) -> StoreResult<Vec<ArticleId>> {
        Ok(self.order.iter().filter(|id| id.0.starts_with(prefix)).take(limit).cloned().collect())
    }

    fn scan(&self, f: &mut dyn FnMut(&Article) -> ControlFlow<()>) -> StoreResult<()> {
        for id in &self.order {
            if let Some(d) = self.rows.get(id) {
                if f(&d.article).is_break() {
                    break;
                }
            }
        }
        Ok(())
    }

    fn count(&self) -> StoreResult<usize> {
        Ok(self.order.len())
    }

    fn put_analysis(
        &mut self,
        id: &ArticleId,
        analysis: &Analysis,
        search: &SearchText,
    ) -> StoreResult<bool> {
        Ok(match self.rows.get_mut(id) {
            Some(d) => {
                d.analysis = analysis.clone();
                self.reindex(id, search);
                true
            }
            None => false,
        })
    }

    fn search(&self, query: &SearchQuery) -> StoreResult<Vec<SearchHit>> {
        let f = &query.filter;
        let members: Option<&Vec<ArticleId>> =
            f.story.as_ref().map(|s| self.stories.members.get(s).unwrap_or(&EMPTY));
        let docs: Vec<(&ArticleId, &SearchText)> = self
            .order
            .iter()
            .filter(|id| {
                let Some(a) = self.rows.get(*id).map(|r| &r.article) else { return false };
                (f.languages.is_empty() || a.language.is_some_and(|l| f.languages.contains(&l)))
                    && (f.outlets.is_empty()
                        || a.outlet
                            .as_ref()
                            .is_some_and(|o| f.outlets.iter().any(|x| x.eq_ignore_ascii_case(o))))
                    && f.since.is_none_or(|s| a.published.is_some_and(|p| p >= s))
                    && f.until.is_none_or(|u| a.published.is_some_and(|p| p <= u))
                    && members.is_none_or(|m| m.contains(id))
            })
            .filter_map(|id| self.index.get(id).map(|t| (id, t)))
            .collect();
        Ok(search::rank(&docs, &query.expr, query.limit))
    }

    fn term_counts(&self, terms: &[String]) -> StoreResult<Vec<u64>> {
        Ok(terms
            .iter()
            .map(|t| {
                let e = SearchExpr::term(t.clone());
                self.index.values().filter(|d| e.matches(d)).count() as u64
            })
            .collect())
    }

    fn index_pending(&mut self, indexer: &dyn search::Indexer, limit: usize) -> StoreResult<usize> {
        let pending: Vec<ArticleId> = self
            .order
            .iter()
            .filter(|id| !self.index.contains_key(*id))
            .take(limit)
            .cloned()
            .collect();
        for id in &pending {
            if let Some(row) = self.rows.get(id) {
                let text = indexer.index_text(&row.article, &row.analysis);
                self.reindex(id, &text);
            }
        }
        Ok(pending.len())
    }

    fn find_entities(&self, key: &str) -> StoreResult<Vec<EntityRecord>> {
        EntityIndex::find(self, key)
    }

    fn engines(&self) -> StoreResult<Vec<(String, usize)>> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for row in self.rows.values() {
            *counts.entry(row.analysis.engine.as_str()).or_default() += 1;
        }
        let mut out: Vec<(String, usize)> =
            counts.into_iter().map(|(e, n)| (e.to_string(), n)).collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(out)
    }

    fn languages(&self) -> StoreResult<Vec<(Lang, usize)>> {
        let mut counts: BTreeMap<Lang, usize> = BTreeMap::new();
        for row in self.rows.values() {
            if let Some(l) = row.article.language {
                *counts.entry(l).or_default() += 1;
            }
        }
        let mut out: Vec<(Lang, usize)> = counts.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.code().cmp(b.0.code())));
        Ok(out)
    }

    fn put_batch_linked(
        &mut self,
        batch: &[Ingested],
        linker: &dyn Linker,
    ) -> StoreResult<Vec<PutOutcome>> {
        let mut out = Vec::with_capacity(batch.len());
        for doc in batch {
            let outcome = self.put_batch(std::slice::from_ref(doc))?.remove(0);
            if let PutOutcome::Stored(id) = &outcome {
                let links = linker.link(&doc.article, &doc.analysis.entities, self)?;
                for link in &links {
                    self.apply_link(id, link);
                }
                if let Some(row) = self.rows.get_mut(id) {
                    for link in links {
                        if let Some(c) = row.analysis.entities.clusters.get_mut(link.cluster) {
                            c.entity = Some(link.entity.id.clone());
                        }
                    }
                }
                self.reindex(id, &doc.search);
            }
            out.push(outcome);
        }
        Ok(out)
    }

    fn entity(&self, id: &EntityId) -> StoreResult<Option<EntityRecord>> {
        Ok(self.entities.get(id).cloned())
    }

    fn scan_entities(
        &self,
        f: &mut dyn FnMut(&EntityRecord) -> ControlFlow<()>,
    ) -> StoreResult<()> {
        let mut all: Vec<&EntityRecord> =
            self.entity_order.iter().filter_map(|id| self.entities.get(id)).collect();
        all.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| a.canonical.cmp(&b.canonical)));
        for e in all {
            if f(e).is_break() {
                break;
            }
        }
        Ok(())
    }

    fn entity_articles(&self, id: &EntityId) -> StoreResult<Vec<ArticleId>> {
        Ok(self.entity_articles.get(id).cloned().unwrap_or_default())
    }

    fn put_batch_assigned(
        &mut self,
        batch: &[Ingested],
        linker: &dyn Linker,
        assigner: &dyn StoryAssigner,
    ) -> StoreResult<Vec<PutOutcome>> {
        let mut out = Vec::with_capacity(batch.len());
        for doc in batch {
            let outcome = self.put_batch_linked(std::slice::from_ref(doc), linker)?.remove(0);
            if let PutOutcome::Stored(id) = &outcome {
                if let Some(row) = self.rows.get(id) {
                    let (article, analysis) = (row.article.clone(), row.analysis.clone());
                    let a = assigner.assign(&article, &analysis, self)?;
                    self.apply_story(id, a);
                }
            }
            out.push(outcome);
        }
        Ok(out)
    }

    fn assign_pending(&mut self, assigner: &dyn StoryAssigner, limit: usize) -> StoreResult<usize> {
        let mut pending: Vec<(bool, String, usize, ArticleId)> = self
            .order
            .iter()
            .enumerate()
            .filter(|(_, id)| !self.stories.member_of.contains_key(*id))
            .map(|(i, id)| {
                let published = self.rows.get(id).and_then(|r| r.article.published);
                (
                    published.is_none(),
                    published.map(|d| d.to_string()).unwrap_or_default(),
                    i,
                    id.clone(),
                )
            })
            .collect();
        pending.sort();
        let pending: Vec<ArticleId> = pending.into_iter().take(limit).map(|(.., id)| id).collect();
        for id in &pending {
            if let Some(row) = self.rows.get(id) {
                let (article, analysis) = (row.article.clone(), row.analysis.clone());
                let a = assigner.assign(&article, &analysis, self)?;
                self.apply_story(id, a);
            }
        }
        Ok(pending.len())
    }

    fn reset_stories(&mut self) -> StoreResult<()> {
        self.stories = MemStories::default();
        Ok(())
    }

    fn story(&self, id: &StoryId) -> StoreResult<Option<Story>> {
        Ok(self.story_view(id))
    }

    fn story_of(&self, article: &ArticleId) -> StoreResult<Option<StoryId>> {
        Ok(self.stories.member_of.get(article).map(|x| x.0.clone()))
    }

    fn stories(&self, f: &mut dyn FnMut(&Story) -> ControlFlow<()>) -> StoreResult<()> {
        let mut ids: Vec<(&StoryId, usize, Option<i32>)> = self
            .stories
            .profiles
            .iter()
            .map(|(id, p)| (id, self.stories.members.get(id).map_or(0, Vec::len), p.last_day))
            .collect();
        ids.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
        for (id, _, _) in ids {
            if let Some(s) = self.story_view(id) {
                if f(&s).is_break() {
                    break;
                }
            }
        }
        Ok(())
    }

    fn story_ids_with_prefix(&self, prefix: &str, limit: usize) -> StoreResult<Vec<StoryId>> {
        let mut ids: Vec<StoryId> =
            self.stories.profiles.keys().filter(|id| id.0.starts_with(prefix)).cloned().collect();
        ids.sort();
        ids.truncate(limit);
        Ok(ids)
    }

    fn story_profile(&self, id: &StoryId) -> StoreResult<Option<StoryProfile>> {
        Ok(self.stories.profiles.get(id).cloned())
    }
}
