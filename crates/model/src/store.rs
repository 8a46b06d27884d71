//! The system of record, as a trait: what the pipeline needs from storage and nothing more.
//!
//! The CLI picks a backend; everything else sees `dyn Store`. [`MemStore`] is the reference
//! implementation, and [`conformance`](crate::conformance) holds the test functions every backend
//! must pass, run against each of them.

use crate::{
    Analysis, Article, ArticleId, EntityId, EntityIndex, EntityLink, EntityRecord, InputFormat,
    Linker, StoredArticle,
};
use std::collections::HashMap;
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

    /// Replaces the analysis of a stored article (after the engine improved). Returns false when
    /// the id is unknown.
    fn put_analysis(&mut self, id: &ArticleId, analysis: &Analysis) -> StoreResult<bool>;

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
}

/// An in-memory [`Store`], the reference implementation for tests and throw-away runs.
#[derive(Debug, Default)]
pub struct MemStore {
    order: Vec<ArticleId>,
    rows: HashMap<ArticleId, Ingested>,
    by_raw: HashMap<String, ArticleId>,
    by_text: HashMap<String, ArticleId>,
    entities: HashMap<EntityId, EntityRecord>,
    entity_order: Vec<EntityId>,
    by_key: HashMap<String, Vec<EntityId>>,
    entity_articles: HashMap<EntityId, Vec<ArticleId>>,
}

impl EntityIndex for MemStore {
    fn find(&self, key: &str) -> Vec<EntityRecord> {
        self.by_key
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|id| self.entities.get(id).cloned())
            .collect()
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
}

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
            self.order.push(id.clone());
            self.by_raw.insert(doc.raw_hash.clone(), id.clone());
            self.by_text.insert(doc.text_hash.clone(), id.clone());
            self.rows.insert(id.clone(), doc.clone());
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

    fn put_analysis(&mut self, id: &ArticleId, analysis: &Analysis) -> StoreResult<bool> {
        Ok(match self.rows.get_mut(id) {
            Some(d) => {
                d.analysis = analysis.clone();
                true
            }
            None => false,
        })
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
                let links = linker.link(&doc.article, &doc.analysis.entities, self);
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
}
