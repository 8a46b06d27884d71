//! # parallax-store-sqlite: the embedded store
//!
//! The default [`Store`]: one data directory holding one SQLite database, so Parallax needs no
//! server on a laptop. SQLite gives what the system of record needs: transactions (a batch of
//! articles is committed whole or not at all, also when the process is killed), a write-ahead log
//! (readers never block the writer), and a file format that stays readable for decades.
//!
//! Articles are stored as JSON documents beside a few indexed columns, so adding a field to the
//! model does not need a migration; the schema version (`PRAGMA user_version`) changes only when
//! tables or columns do, and a store written by a newer Parallax is refused rather than damaged.
//! The original bytes of every document are kept, so that a newer engine can reprocess them.

use parallax_model::search::{self, Field};
use parallax_model::{
    Analysis, Article, ArticleId, DocEntities, EntityId, EntityIndex, EntityLink, EntityRecord,
    FingerprintHit, Indexer, Ingested, InputFormat, Lang, Linker, Member, PutOutcome, RawRecord,
    SearchExpr, SearchHit, SearchQuery, SearchText, Store, StoreError, StoreResult, StoredArticle,
    Story, StoryAssigner, StoryAssignment, StoryId, StoryIndex, StoryProfile,
};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema this build writes and reads.
pub const SCHEMA_VERSION: i64 = 5;

/// The database file inside a data directory.
pub const DB_FILE: &str = "parallax.sqlite3";

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    raw_hash    TEXT NOT NULL UNIQUE,
    text_hash   TEXT NOT NULL UNIQUE,
    source      TEXT NOT NULL,
    language    TEXT,
    published   TEXT,
    outlet      TEXT,
    article     TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS raw (
    id          TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    source      TEXT NOT NULL,
    format      TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    compression TEXT NOT NULL,
    bytes       BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS analyses (
    id       TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    engine   TEXT NOT NULL,
    analysis TEXT NOT NULL
);
"#;

/// Schema 2: the entity registry.
const SCHEMA_V2: &str = r#"
CREATE TABLE IF NOT EXISTS entities (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    id        TEXT NOT NULL UNIQUE,
    kind      TEXT NOT NULL,
    canonical TEXT NOT NULL,
    articles  INTEGER NOT NULL DEFAULT 0,
    record    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_by_articles ON entities(articles DESC);
CREATE TABLE IF NOT EXISTS entity_keys (
    key       TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity_articles (
    entity_id  TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
"#;

/// Schema 3: the story registry. Feature keys are the engine's 64-bit keys stored as SQLite
/// integers (the same bits); days are day numbers (days since 1970-01-01).
const SCHEMA_V3: &str = r#"
CREATE TABLE IF NOT EXISTS stories (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    id       TEXT NOT NULL UNIQUE,
    members  INTEGER NOT NULL DEFAULT 0,
    last_day INTEGER,
    profile  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_by_size ON stories(members DESC, last_day DESC, id);
CREATE TABLE IF NOT EXISTS story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL,
    copy_of    TEXT
);
CREATE INDEX IF NOT EXISTS story_members_by_story ON story_members(story_id);
CREATE TABLE IF NOT EXISTS story_postings (
    key       INTEGER NOT NULL,
    story_seq INTEGER NOT NULL,
    day       INTEGER,
    PRIMARY KEY (key, story_seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_postings_recent ON story_postings(key, day DESC, story_seq DESC);
CREATE INDEX IF NOT EXISTS story_postings_by_story ON story_postings(story_seq);
CREATE TABLE IF NOT EXISTS story_keys (
    key      INTEGER PRIMARY KEY,
    articles INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS story_fingerprints (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    day         INTEGER,
    fingerprint TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_bands (
    band        INTEGER NOT NULL,
    article_seq INTEGER NOT NULL,
    PRIMARY KEY (band, article_seq)
) WITHOUT ROWID;
"#;

/// Schema 4: the full-text index. An FTS5 table over the engine's terms (stems and entity ids,
/// never raw words: the engine does all language work), one row per article with the article's
/// `seq` as its rowid, contentless (the terms are not kept twice) with deletes allowed so that a
/// new analysis can replace a row. The `ascii` tokenizer splits only at spaces and ASCII
/// punctuation other than `:` and `_`, so a term such as `id:e93ec12973065` or `отставк` is one
/// token; `detail=full` keeps term frequencies for BM25. `search_terms` reads document
/// frequencies. Articles by language are counted from an index (questions ask which languages
/// the store has; a scan of the articles would read every stored document).
const SCHEMA_V4: &str = r#"
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    title, body, names, speakers,
    content = '', contentless_delete = 1, detail = full,
    tokenize = "ascii tokenchars ':_'"
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_terms USING fts5vocab(search, 'row');
CREATE INDEX IF NOT EXISTS articles_language ON articles(language);
"#;

/// Version 5: analyses by the engine that made them, so that counting the stale ones
/// (`Store::engines`, asked after every ingest) reads an index instead of every stored analysis.
const SCHEMA_V5: &str = r#"
CREATE INDEX IF NOT EXISTS analyses_by_engine ON analyses(engine);
"#;

/// Meta keys of the backfill of articles stored before the index existed: the next `seq` to
/// index and the last one that needs it.
const META_BACKFILL_NEXT: &str = "search_backfill_next";
const META_BACKFILL_END: &str = "search_backfill_end";

/// The embedded store: a data directory with one SQLite database in it.
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").field("path", &self.path).finish()
    }
}

impl SqliteStore {
    /// Opens the store in `dir`, creating the directory and the database if needed.
    pub fn open(dir: &Path) -> StoreResult<Self> {
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        Self::open_file(&dir.join(DB_FILE), true)
    }

    /// Opens an existing store in `dir`; fails with a clear message when there is none.
    pub fn open_existing(dir: &Path) -> StoreResult<Self> {
        let file = dir.join(DB_FILE);
        if !file.exists() {
            return Err(StoreError::Io {
                path: dir.display().to_string(),
                reason: "no Parallax store here (run `parallax ingest` first, or pass --data DIR)"
                    .into(),
            });
        }
        Self::open_file(&file, false)
    }

    /// A store in memory, for tests.
    pub fn in_memory() -> StoreResult<Self> {
        let conn = Connection::open_in_memory().map_err(backend)?;
        let mut s = SqliteStore { conn, path: PathBuf::from(":memory:") };
        s.prepare(true)?;
        Ok(s)
    }

    /// Opens an existing store for reading only: commands that only read never take a write
    /// lock, never wait for a writer (WAL readers see the last commit) and work on a store they
    /// cannot write (a read-only mount, another user's files). A store whose schema is older than
    /// this build is opened for writing once, to bring it up to date.
    pub fn open_read_only(dir: &Path) -> StoreResult<Self> {
        let file = dir.join(DB_FILE);
        if !file.exists() {
            return Self::open_existing(dir);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = match Connection::open_with_flags(&file, flags) {
            Ok(c) => c,
            Err(e) => return Err(corrupt_or_io(&file, e)),
        };
        let mut s = SqliteStore { conn, path: file.clone() };
        s.conn.busy_timeout(Duration::from_secs(BUSY_SECS)).map_err(backend)?;
        let version = match s.schema_version() {
            Ok(v) => v,
            // The WAL index cannot be made beside a database in a folder nobody may write to:
            // read it as an immutable file (nothing can be writing to it either).
            Err(_) => {
                let uri = format!("file:{}?immutable=1", file.display());
                let conn = Connection::open_with_flags(&uri, flags | OpenFlags::SQLITE_OPEN_URI)
                    .map_err(|e| corrupt_or_io(&file, e))?;
                s = SqliteStore { conn, path: file.clone() };
                s.schema_version().map_err(|e| match e {
                    StoreError::Backend(reason) => {
                        StoreError::Io { path: file.display().to_string(), reason }
                    }
                    other => other,
                })?
            }
        };
        match version {
            v if v > SCHEMA_VERSION => Err(StoreError::SchemaTooNew {
                path: file.display().to_string(),
                found: v,
                supported: SCHEMA_VERSION,
            }),
            v if v == SCHEMA_VERSION => Ok(s),
            _ => {
                drop(s);
                Self::open_existing(dir)
            }
        }
    }

    /// Whether this connection can write.
    pub fn is_read_only(&self) -> bool {
        self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
    }

    /// Starts a write transaction at once (`BEGIN IMMEDIATE`): a second writer waits for the
    /// first one's commit (up to the busy timeout) instead of failing when it upgrades a read.
    fn write_transaction(&mut self) -> StoreResult<rusqlite::Transaction<'_>> {
        self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(backend)
    }

    fn open_file(file: &Path, create: bool) -> StoreResult<Self> {
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn = Connection::open_with_flags(file, flags).map_err(|e| corrupt_or_io(file, e))?;
        let mut s = SqliteStore { conn, path: file.to_path_buf() };
        s.prepare(create)?;
        Ok(s)
    }

    fn prepare(&mut self, create: bool) -> StoreResult<()> {
        let path = self.path.display().to_string();
        self.conn.busy_timeout(Duration::from_secs(BUSY_SECS)).map_err(backend)?;
        // Every statement the store runs stays prepared (the default cache of 16 is smaller than
        // the set one ingest uses, and re-preparing was a tenth of ingest's time).
        self.conn.set_prepared_statement_cache_capacity(128);
        // The query planner's stability guarantee: a plan does not depend on the values bound to
        // it. Without it SQLite re-prepares a cached statement whenever a bound value that could
        // change the plan changes (a LIMIT, a range bound): the story index's lookups were
        // re-parsed on nearly every call, a fifth of the writer's time.
        self.conn
            .set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
            .map_err(backend)?;
        // WAL: a crash leaves the last committed transaction intact; NORMAL sync is durable in WAL
        // mode up to the last checkpointed commit and never corrupts the database.
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .and_then(|_| self.conn.pragma_update(None, "synchronous", "NORMAL"))
            .and_then(|_| self.conn.pragma_update(None, "foreign_keys", "ON"))
            // 64 MiB of page cache: the story and search indexes a write touches stay in memory
            // instead of being read again from the file on every batch.
            .and_then(|_| self.conn.pragma_update(None, "cache_size", -65_536))
            .map_err(|e| corrupt_or_io(&self.path, e))?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| corrupt_or_io(&self.path, e))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                path,
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if version == 0 {
            if !create {
                return Err(StoreError::Corrupt {
                    path,
                    reason: "no Parallax schema in this database".into(),
                });
            }
            let tx = self.write_transaction()?;
            tx.execute_batch(SCHEMA).map_err(backend)?;
            tx.execute_batch(SCHEMA_V2).map_err(backend)?;
            tx.execute_batch(SCHEMA_V3).map_err(backend)?;
            tx.execute_batch(SCHEMA_V4).map_err(backend)?;
            tx.execute_batch(SCHEMA_V5).map_err(backend)?;
            tx.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('created_by', ?1)",
                params![concat!("parallax ", env!("CARGO_PKG_VERSION"))],
            )
            .map_err(backend)?;
            tx.pragma_update(None, "user_version", SCHEMA_VERSION).map_err(backend)?;
            tx.commit().map_err(backend)?;
        } else if version < SCHEMA_VERSION {
            self.migrate(version)?;
        }
        Ok(())
    }

    /// Brings an older schema up to date in one transaction: all or nothing.
    fn migrate(&mut self, from: i64) -> StoreResult<()> {
        let tx = self.write_transaction()?;
        if from < 2 {
            tx.execute_batch(SCHEMA_V2).map_err(backend)?;
        }
        if from < 3 {
            // Articles stored before stories existed get theirs from `Store::assign_pending`.
            tx.execute_batch(SCHEMA_V3).map_err(backend)?;
        }
        if from < 4 {
            // Articles stored before the index existed get their rows from
            // `Store::index_pending`, in stored order.
            tx.execute_batch(SCHEMA_V4).map_err(backend)?;
            let end: Option<i64> =
                tx.query_row("SELECT max(seq) FROM articles", [], |r| r.get(0)).map_err(backend)?;
            if let Some(end) = end {
                let me = SqliteStoreRef { conn: &tx };
                me.set_meta(META_BACKFILL_NEXT, 1)?;
                me.set_meta(META_BACKFILL_END, end)?;
            }
        }
        if from < 5 {
            tx.execute_batch(SCHEMA_V5).map_err(backend)?;
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION).map_err(backend)?;
        tx.commit().map_err(backend)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs SQLite's full integrity check; `Ok(())` when the database is sound.
    pub fn check_integrity(&self) -> StoreResult<()> {
        let result: String =
            self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(backend)?;
        if result == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt { path: self.path.display().to_string(), reason: result })
        }
    }

    /// Empties the full-text index and marks every stored article for indexing again (by
    /// [`Store::index_pending`]): after a change of the engine's terms, or to measure what
    /// indexing costs. One transaction.
    pub fn reset_search_index(&mut self) -> StoreResult<()> {
        let tx = self.write_transaction()?;
        tx.execute_batch("DELETE FROM search;").map_err(backend)?;
        let end: Option<i64> =
            tx.query_row("SELECT max(seq) FROM articles", [], |r| r.get(0)).map_err(backend)?;
        if let Some(end) = end {
            let me = SqliteStoreRef { conn: &tx };
            me.set_meta(META_BACKFILL_NEXT, 1)?;
            me.set_meta(META_BACKFILL_END, end)?;
        }
        tx.commit().map_err(backend)
    }

    /// The bytes the full-text index takes in the database file, and the file's size.
    pub fn search_index_bytes(&self) -> StoreResult<(u64, u64)> {
        let number = |sql: &str| -> StoreResult<u64> {
            let n: i64 = self.conn.query_row(sql, [], |r| r.get(0)).map_err(backend)?;
            Ok(n.max(0) as u64)
        };
        Ok((
            number("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'search%'")?,
            number("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")?,
        ))
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> StoreResult<i64> {
        self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(backend)
    }
}

/// How long a command waits for another process's write transaction before giving up.
const BUSY_SECS: u64 = 60;

fn backend(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            StoreError::Busy { waited_secs: BUSY_SECS }
        }
        _ => StoreError::Backend(e.to_string()),
    }
}

fn io(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Io { path: path.display().to_string(), reason: e.to_string() }
}

fn corrupt_or_io(path: &Path, e: rusqlite::Error) -> StoreError {
    let path = path.display().to_string();
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
            StoreError::Corrupt { path, reason: e.to_string() }
        }
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            StoreError::Busy { waited_secs: BUSY_SECS }
        }
        _ => StoreError::Io { path, reason: e.to_string() },
    }
}

fn format_name(f: InputFormat) -> &'static str {
    match f {
        InputFormat::Text => "text",
        InputFormat::Html => "html",
        InputFormat::Json => "json",
        InputFormat::Feed => "feed",
    }
}

fn parse_format(s: &str) -> InputFormat {
    match s {
        "html" => InputFormat::Html,
        "json" => InputFormat::Json,
        "feed" => InputFormat::Feed,
        _ => InputFormat::Text,
    }
}

/// Original bytes are kept deflated when that saves space (HTML shrinks about fivefold); level 1
/// costs little next to extraction.
fn compress(bytes: &[u8]) -> (&'static str, Vec<u8>) {
    use std::io::Write;
    if bytes.len() >= 512 {
        let mut enc = flate2::write::DeflateEncoder::new(
            Vec::with_capacity(bytes.len() / 3),
            flate2::Compression::fast(),
        );
        if enc.write_all(bytes).is_ok() {
            if let Ok(out) = enc.finish() {
                if out.len() < bytes.len() {
                    return ("deflate", out);
                }
            }
        }
    }
    ("identity", bytes.to_vec())
}

fn decompress(compression: &str, stored: Vec<u8>) -> Result<Vec<u8>, String> {
    use std::io::Read;
    match compression {
        "identity" => Ok(stored),
        "deflate" => {
            let mut out = Vec::with_capacity(stored.len() * 4);
            flate2::read::DeflateDecoder::new(&stored[..])
                .read_to_end(&mut out)
                .map_err(|e| format!("raw bytes: {e}"))?;
            Ok(out)
        }
        other => Err(format!("raw bytes in an unknown compression {other:?}")),
    }
}

fn decode<T: serde::de::DeserializeOwned>(json: &str, what: &str, id: &str) -> rusqlite::Result<T> {
    serde_json::from_str(json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("{what} of {id}: {e}").into(),
        )
    })
}

impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    fn find_raw(&self, raw_hash: &str) -> StoreResult<Option<ArticleId>> {
        self.conn
            .query_row("SELECT id FROM articles WHERE raw_hash = ?1", params![raw_hash], |r| {
                r.get::<_, String>(0)
            })
            .optional()
            .map(|o| o.map(ArticleId))
            .map_err(backend)
    }

    fn put_batch(&mut self, batch: &[Ingested]) -> StoreResult<Vec<PutOutcome>> {
        self.put_batch_linked(batch, &NoLinker)
    }

    fn put_batch_linked(
        &mut self,
        batch: &[Ingested],
        linker: &dyn Linker,
    ) -> StoreResult<Vec<PutOutcome>> {
        self.put(batch, linker, None)
    }

    fn put_batch_assigned(
        &mut self,
        batch: &[Ingested],
        linker: &dyn Linker,
        assigner: &dyn StoryAssigner,
    ) -> StoreResult<Vec<PutOutcome>> {
        self.put(batch, linker, Some(assigner))
    }

    fn reset_stories(&mut self) -> StoreResult<()> {
        let tx = self.write_transaction()?;
        tx.execute_batch(
            "DELETE FROM story_bands; DELETE FROM story_fingerprints; DELETE FROM story_keys;
             DELETE FROM story_postings; DELETE FROM story_members; DELETE FROM stories;",
        )
        .map_err(backend)?;
        tx.execute(
            "DELETE FROM meta WHERE key IN (?1, ?2)",
            params![META_DOCUMENTS, META_LATEST_DAY],
        )
        .map_err(backend)?;
        tx.commit().map_err(backend)
    }

    fn assign_pending(&mut self, assigner: &dyn StoryAssigner, limit: usize) -> StoreResult<usize> {
        let tx = self.write_transaction()?;
        let pending: Vec<(String, String, String)> = {
            let mut stmt = tx
                .prepare(
                    "SELECT a.id, a.article, n.analysis FROM articles a JOIN analyses n ON n.id = a.id
                     WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)
                     ORDER BY a.published IS NULL, a.published, a.seq LIMIT ?1",
                )
                .map_err(backend)?;
            let rows = stmt
                .query_map(params![limit.min(i64::MAX as usize) as i64], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .map_err(backend)?;
            rows.collect::<rusqlite::Result<_>>().map_err(backend)?
        };
        {
            let me = SqliteStoreRef { conn: &tx };
            for (id, article, analysis) in &pending {
                let article: Article = decode(article, "article", id).map_err(backend)?;
                let analysis: Analysis = decode(analysis, "analysis", id).map_err(backend)?;
                let a = assigner.assign(&article, &analysis, &me)?;
                me.apply_story(&article.id, a)?;
            }
        }
        tx.commit().map_err(backend)?;
        Ok(pending.len())
    }

    fn story(&self, id: &StoryId) -> StoreResult<Option<Story>> {
        SqliteStoreRef { conn: &self.conn }.story(id)
    }

    fn story_of(&self, article: &ArticleId) -> StoreResult<Option<StoryId>> {
        self.conn
            .query_row(
                "SELECT story_id FROM story_members WHERE article_id = ?1",
                params![article.0],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .map(|o| o.map(StoryId))
            .map_err(backend)
    }

    fn stories(&self, f: &mut dyn FnMut(&Story) -> ControlFlow<()>) -> StoreResult<()> {
        let me = SqliteStoreRef { conn: &self.conn };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM stories ORDER BY members DESC, last_day DESC, id")
            .map_err(backend)?;
        let mut rows = stmt.query([]).map_err(backend)?;
        while let Some(row) = rows.next().map_err(backend)? {
            let id = StoryId(row.get(0).map_err(backend)?);
            if let Some(s) = me.story(&id)? {
                if f(&s).is_break() {
                    break;
                }
            }
        }
        Ok(())
    }

    fn story_ids_with_prefix(&self, prefix: &str, limit: usize) -> StoreResult<Vec<StoryId>> {
        if !prefix.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Ok(vec![]);
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM stories WHERE id GLOB ?1 ORDER BY id LIMIT ?2")
            .map_err(backend)?;
        let rows = stmt
            .query_map(params![format!("{prefix}*"), limit.min(i64::MAX as usize) as i64], |r| {
                r.get::<_, String>(0)
            })
            .map_err(backend)?;
        rows.map(|r| r.map(StoryId).map_err(backend)).collect()
    }

    fn story_profile(&self, id: &StoryId) -> StoreResult<Option<StoryProfile>> {
        SqliteStoreRef { conn: &self.conn }.story_profile(id)
    }

    fn entity(&self, id: &EntityId) -> StoreResult<Option<EntityRecord>> {
        SqliteStoreRef { conn: &self.conn }.entity(id)
    }

    fn scan_entities(
        &self,
        f: &mut dyn FnMut(&EntityRecord) -> ControlFlow<()>,
    ) -> StoreResult<()> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, record FROM entities ORDER BY articles DESC, canonical, seq",
            )
            .map_err(backend)?;
        let mut rows = stmt.query([]).map_err(backend)?;
        while let Some(row) = rows.next().map_err(backend)? {
            let id: String = row.get(0).map_err(backend)?;
            let json: String = row.get(1).map_err(backend)?;
            let e: EntityRecord = decode(&json, "entity", &id).map_err(backend)?;
            if f(&e).is_break() {
                break;
            }
        }
        Ok(())
    }

    fn entity_articles(&self, id: &EntityId) -> StoreResult<Vec<ArticleId>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT ea.article_id FROM entity_articles ea JOIN articles a ON a.id = ea.article_id
                 WHERE ea.entity_id = ?1 ORDER BY a.seq",
            )
            .map_err(backend)?;
        let rows = stmt.query_map(params![id.0], |r| r.get::<_, String>(0)).map_err(backend)?;
        rows.map(|r| r.map(ArticleId).map_err(backend)).collect()
    }

    fn get(&self, id: &ArticleId) -> StoreResult<Option<StoredArticle>> {
        self.conn
            .query_row(
                "SELECT a.article, n.analysis FROM articles a JOIN analyses n ON n.id = a.id WHERE a.id = ?1",
                params![id.0],
                |r| {
                    let article: String = r.get(0)?;
                    let analysis: String = r.get(1)?;
                    Ok(StoredArticle {
                        article: decode(&article, "article", &id.0)?,
                        analysis: decode(&analysis, "analysis", &id.0)?,
                    })
                },
            )
            .optional()
            .map_err(backend)
    }

    fn raw(&self, id: &ArticleId) -> StoreResult<Option<RawRecord>> {
        self.conn
            .query_row(
                "SELECT source, format, encoding, compression, bytes FROM raw WHERE id = ?1",
                params![id.0],
                |r| {
                    let compression: String = r.get(3)?;
                    let stored: Vec<u8> = r.get(4)?;
                    Ok(RawRecord {
                        source: r.get(0)?,
                        format: parse_format(&r.get::<_, String>(1)?),
                        encoding: r.get(2)?,
                        bytes: decompress(&compression, stored).map_err(|e| {
                            rusqlite::Error::FromSqlConversionFailure(
                                4,
                                rusqlite::types::Type::Blob,
                                e.into(),
                            )
                        })?,
                    })
                },
            )
            .optional()
            .map_err(backend)
    }

    fn ids_with_prefix(&self, prefix: &str, limit: usize) -> StoreResult<Vec<ArticleId>> {
        // Ids are lower-case hex; anything else cannot match and must not reach GLOB as a pattern.
        if !prefix.chars().all(|c| c.is_ascii_hexdigit()) {
            return Ok(vec![]);
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE id GLOB ?1 ORDER BY seq LIMIT ?2")
            .map_err(backend)?;
        let rows = stmt
            .query_map(params![format!("{}*", prefix.to_ascii_lowercase()), limit as i64], |r| {
                r.get::<_, String>(0)
            })
            .map_err(backend)?;
        rows.map(|r| r.map(ArticleId).map_err(backend)).collect()
    }

    fn scan(&self, f: &mut dyn FnMut(&Article) -> ControlFlow<()>) -> StoreResult<()> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, article FROM articles ORDER BY seq")
            .map_err(backend)?;
        let mut rows = stmt.query([]).map_err(backend)?;
        while let Some(row) = rows.next().map_err(backend)? {
            let id: String = row.get(0).map_err(backend)?;
            let json: String = row.get(1).map_err(backend)?;
            let article: Article = decode(&json, "article", &id).map_err(backend)?;
            if f(&article).is_break() {
                break;
            }
        }
        Ok(())
    }

    fn count(&self) -> StoreResult<usize> {
        self.conn
            .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(backend)
    }

    fn put_analysis(
        &mut self,
        id: &ArticleId,
        analysis: &Analysis,
        search: &SearchText,
    ) -> StoreResult<bool> {
        let json =
            serde_json::to_string(analysis).map_err(|e| StoreError::Backend(e.to_string()))?;
        let tx = self.write_transaction()?;
        let n = tx
            .execute(
                "UPDATE analyses SET engine = ?2, analysis = ?3 WHERE id = ?1",
                params![id.0, analysis.engine, json],
            )
            .map_err(backend)?;
        if n > 0 {
            let seq: i64 = tx
                .query_row("SELECT seq FROM articles WHERE id = ?1", params![id.0], |r| r.get(0))
                .map_err(backend)?;
            let me = SqliteStoreRef { conn: &tx };
            tx.execute("DELETE FROM search WHERE rowid = ?1", params![seq]).map_err(backend)?;
            let records = me.linked_records(analysis)?;
            me.index(seq, analysis, search, &|e| records.get(e).cloned())?;
        }
        tx.commit().map_err(backend)?;
        Ok(n > 0)
    }

    fn search(&self, query: &SearchQuery) -> StoreResult<Vec<SearchHit>> {
        let Some(expr) = fts_expr(&query.expr) else { return Ok(vec![]) };
        let f = &query.filter;
        let mut sql = String::from(
            "SELECT a.id, -bm25(search, ?2, ?3, ?4, ?5) AS score FROM search
             JOIN articles a ON a.seq = search.rowid WHERE search MATCH ?1",
        );
        let w = |field: Field| {
            search::FIELD_WEIGHTS.iter().find(|(x, _)| *x == field).map_or(1.0, |(_, w)| *w)
        };
        let mut args: Vec<rusqlite::types::Value> = vec![
            expr.into(),
            w(Field::Title).into(),
            w(Field::Body).into(),
            w(Field::Names).into(),
            w(Field::Speakers).into(),
        ];
        let arg = |v: rusqlite::types::Value, args: &mut Vec<rusqlite::types::Value>| {
            args.push(v);
            format!("?{}", args.len())
        };
        if !f.languages.is_empty() {
            let list: Vec<String> =
                f.languages.iter().map(|l| arg(l.code().to_string().into(), &mut args)).collect();
            sql.push_str(&format!(" AND a.language IN ({})", list.join(", ")));
        }
        if !f.outlets.is_empty() {
            let list: Vec<String> =
                f.outlets.iter().map(|o| arg(o.to_lowercase().into(), &mut args)).collect();
            sql.push_str(&format!(" AND lower(a.outlet) IN ({})", list.join(", ")));
        }
        if let Some(d) = f.since {
            sql.push_str(&format!(" AND a.published >= {}", arg(d.to_string().into(), &mut args)));
        }
        if let Some(d) = f.until {
            sql.push_str(&format!(" AND a.published <= {}", arg(d.to_string().into(), &mut args)));
        }
        if let Some(story) = &f.story {
            sql.push_str(&format!(
                " AND a.id IN (SELECT article_id FROM story_members WHERE story_id = {})",
                arg(story.0.clone().into(), &mut args)
            ));
        }
        let limit = arg((query.limit.min(i64::MAX as usize) as i64).into(), &mut args);
        sql.push_str(&format!(" ORDER BY score DESC, a.seq LIMIT {limit}"));
        let mut stmt = self.conn.prepare_cached(&sql).map_err(backend)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args), |r| {
                Ok(SearchHit { article: ArticleId(r.get(0)?), score: r.get(1)? })
            })
            .map_err(backend)?;
        rows.collect::<rusqlite::Result<_>>().map_err(backend)
    }

    fn term_counts(&self, terms: &[String]) -> StoreResult<Vec<u64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT doc FROM search_terms WHERE term = ?1")
            .map_err(backend)?;
        terms
            .iter()
            .map(|t| {
                stmt.query_row(params![t], |r| r.get::<_, i64>(0))
                    .optional()
                    .map(|n| n.map_or(0, |n| n.max(0) as u64))
                    .map_err(backend)
            })
            .collect()
    }

    fn index_pending(&mut self, indexer: &dyn Indexer, limit: usize) -> StoreResult<usize> {
        // Looked at before a write lock is asked for: a reader (or a read-only store) with
        // nothing to index never takes it.
        let me = SqliteStoreRef { conn: &self.conn };
        if me.meta_i64(META_BACKFILL_NEXT)?.is_none() {
            return Ok(0);
        }
        let tx = self.write_transaction()?;
        let done = {
            let me = SqliteStoreRef { conn: &tx };
            let (Some(next), Some(end)) =
                (me.meta_i64(META_BACKFILL_NEXT)?, me.meta_i64(META_BACKFILL_END)?)
            else {
                return Ok(0);
            };
            let rows: Vec<(i64, String, String, String)> = {
                let mut stmt = tx
                    .prepare(
                        "SELECT a.seq, a.id, a.article, n.analysis FROM articles a
                         JOIN analyses n ON n.id = a.id
                         WHERE a.seq >= ?1 AND a.seq <= ?2 ORDER BY a.seq LIMIT ?3",
                    )
                    .map_err(backend)?;
                let rows = stmt
                    .query_map(params![next, end, limit.min(i64::MAX as usize) as i64], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                    })
                    .map_err(backend)?;
                rows.collect::<rusqlite::Result<_>>().map_err(backend)?
            };
            for (seq, id, article, analysis) in &rows {
                let article: Article = decode(article, "article", id).map_err(backend)?;
                let analysis: Analysis = decode(analysis, "analysis", id).map_err(backend)?;
                let text = indexer.index_text(&article, &analysis);
                let records = me.linked_records(&analysis)?;
                me.index(*seq, &analysis, &text, &|e| records.get(e).cloned())?;
            }
            match rows.last() {
                Some((seq, ..)) if *seq < end && rows.len() >= limit => {
                    me.set_meta(META_BACKFILL_NEXT, seq + 1)?;
                }
                _ => {
                    tx.execute(
                        "DELETE FROM meta WHERE key IN (?1, ?2)",
                        params![META_BACKFILL_NEXT, META_BACKFILL_END],
                    )
                    .map_err(backend)?;
                }
            }
            rows.len()
        };
        tx.commit().map_err(backend)?;
        Ok(done)
    }

    fn find_entities(&self, key: &str) -> StoreResult<Vec<EntityRecord>> {
        SqliteStoreRef { conn: &self.conn }.find_entities(key).map_err(backend)
    }

    fn engines(&self) -> StoreResult<Vec<(String, usize)>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT engine, COUNT(*) AS n FROM analyses GROUP BY engine ORDER BY n DESC, engine",
            )
            .map_err(backend)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as usize)))
            .map_err(backend)?;
        rows.collect::<rusqlite::Result<_>>().map_err(backend)
    }

    fn languages(&self) -> StoreResult<Vec<(Lang, usize)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT language, COUNT(*) AS n FROM articles WHERE language IS NOT NULL
                 GROUP BY language ORDER BY n DESC, language",
            )
            .map_err(backend)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .map_err(backend)?;
        let mut out = vec![];
        for row in rows {
            let (l, n) = row.map_err(backend)?;
            if let Ok(lang) = l.parse::<Lang>() {
                out.push((lang, n.max(0) as usize));
            }
        }
        Ok(out)
    }
}

impl SqliteStore {
    /// Stores a batch in one transaction: articles, raw bytes, entity links, and stories when an
    /// assigner is given.
    fn put(
        &mut self,
        batch: &[Ingested],
        linker: &dyn Linker,
        assigner: Option<&dyn StoryAssigner>,
    ) -> StoreResult<Vec<PutOutcome>> {
        // Compressed before the transaction opens, so that readers wait less. Not on a thread pool:
        // callers may be feeding this writer from one, and would deadlock against it.
        let compressed: Vec<(&'static str, Vec<u8>)> =
            batch.iter().map(|d| compress(&d.raw.bytes)).collect();
        let tx = self.write_transaction()?;
        let mut out = Vec::with_capacity(batch.len());
        {
            let me = SqliteStoreRef { conn: &tx };
            let mut insert_article = tx
                .prepare_cached(
                    "INSERT INTO articles(id, raw_hash, text_hash, source, language, published, outlet, article)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .map_err(backend)?;
            let mut insert_raw = tx
                .prepare_cached(
                    "INSERT INTO raw(id, source, format, encoding, compression, bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(backend)?;
            let mut insert_analysis = tx
                .prepare_cached("INSERT INTO analyses(id, engine, analysis) VALUES (?1, ?2, ?3)")
                .map_err(backend)?;
            for (doc, (compression, bytes)) in batch.iter().zip(compressed) {
                if let Some(of) = me.existing(doc)? {
                    out.push(PutOutcome::Duplicate { of });
                    continue;
                }
                let a = &doc.article;
                let article_json =
                    serde_json::to_string(a).map_err(|e| StoreError::Backend(e.to_string()))?;
                let seq = insert_article
                    .insert(params![
                        a.id.0,
                        doc.raw_hash,
                        doc.text_hash,
                        a.source,
                        a.language.map(|l| l.code()),
                        a.published.map(|d| d.to_string()),
                        a.outlet,
                        article_json
                    ])
                    .map_err(backend)?;
                insert_raw
                    .execute(params![
                        a.id.0,
                        doc.raw.source,
                        format_name(doc.raw.format),
                        doc.raw.encoding,
                        compression,
                        bytes
                    ])
                    .map_err(backend)?;
                // A registry that cannot be read aborts the batch: linking on an empty answer
                // would found second identities for known entities.
                let links = linker.link(a, &doc.analysis.entities, &me)?;
                let mut analysis = doc.analysis.clone();
                for link in &links {
                    me.apply_link(&a.id, link)?;
                    if let Some(c) = analysis.entities.clusters.get_mut(link.cluster) {
                        c.entity = Some(link.entity.id.clone());
                    }
                }
                let analysis_json = serde_json::to_string(&analysis)
                    .map_err(|e| StoreError::Backend(e.to_string()))?;
                insert_analysis
                    .execute(params![a.id.0, analysis.engine, analysis_json])
                    .map_err(backend)?;
                let record = |id: &EntityId| {
                    links.iter().find(|l| &l.entity.id == id).map(|l| l.entity.clone())
                };
                me.index(seq, &analysis, &doc.search, &record)?;
                if let Some(assigner) = assigner {
                    let story = assigner.assign(a, &analysis, &me)?;
                    me.apply_story(&a.id, story)?;
                }
                out.push(PutOutcome::Stored(a.id.clone()));
            }
        }
        tx.commit().map_err(backend)?;
        Ok(out)
    }
}

/// Borrowed view used inside a transaction.
struct SqliteStoreRef<'a> {
    conn: &'a Connection,
}

/// Links nothing: for batches stored without entity linking.
struct NoLinker;

impl Linker for NoLinker {
    fn link(
        &self,
        _: &Article,
        _: &DocEntities,
        _: &dyn EntityIndex,
    ) -> StoreResult<Vec<EntityLink>> {
        Ok(vec![])
    }
}

impl EntityIndex for SqliteStoreRef<'_> {
    fn find(&self, key: &str) -> StoreResult<Vec<EntityRecord>> {
        self.find_entities(key).map_err(backend)
    }
}

impl SqliteStoreRef<'_> {
    fn find_entities(&self, key: &str) -> rusqlite::Result<Vec<EntityRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.record FROM entity_keys k JOIN entities e ON e.id = k.entity_id WHERE k.key = ?1 ORDER BY e.seq",
        )?;
        let rows = stmt.query_map(params![key], |r| {
            let id: String = r.get(0)?;
            let json: String = r.get(1)?;
            decode::<EntityRecord>(&json, "entity", &id)
        })?;
        rows.collect()
    }

    /// The registry's records of the entities an analysis links to (a read failure is an error,
    /// not an entity left out of the index).
    fn linked_records(
        &self,
        analysis: &Analysis,
    ) -> StoreResult<std::collections::HashMap<EntityId, EntityRecord>> {
        let mut out = std::collections::HashMap::new();
        for id in analysis.entities.clusters.iter().filter_map(|c| c.entity.as_ref()) {
            if !out.contains_key(id) {
                if let Some(e) = self.entity(id)? {
                    out.insert(id.clone(), e);
                }
            }
        }
        Ok(out)
    }

    /// Writes an article's row of the full-text index: the engine's terms and the linked ones.
    fn index(
        &self,
        seq: i64,
        analysis: &Analysis,
        engine: &SearchText,
        record: &dyn Fn(&EntityId) -> Option<EntityRecord>,
    ) -> StoreResult<()> {
        let (names, speakers) = search::linked_terms(analysis, record);
        self.conn
            .prepare_cached(
                "INSERT INTO search(rowid, title, body, names, speakers) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    seq,
                    engine.title,
                    engine.body,
                    search::join_terms(&engine.names, &names),
                    search::join_terms(&engine.speakers, &speakers)
                ])
            })
            .map(|_| ())
            .map_err(backend)
    }
}

/// An FTS5 query for an expression: every term quoted (so that no term is read as query
/// syntax), fields as column filters. `None` when the expression can match nothing.
fn fts_expr(e: &SearchExpr) -> Option<String> {
    let quote = |t: &str| format!("\"{}\"", t.replace('"', "\"\""));
    match e {
        SearchExpr::Term(_, t) | SearchExpr::Prefix(_, t) if t.trim().is_empty() => None,
        SearchExpr::Term(None, t) => Some(quote(t)),
        SearchExpr::Term(Some(f), t) => Some(format!("{} : {}", f.as_str(), quote(t))),
        SearchExpr::Prefix(None, t) => Some(format!("{}*", quote(t))),
        SearchExpr::Prefix(Some(f), t) => Some(format!("{} : {}*", f.as_str(), quote(t))),
        SearchExpr::And(v) => {
            let parts: Option<Vec<String>> = v.iter().map(fts_expr).collect();
            let parts = parts?;
            (!parts.is_empty()).then(|| format!("({})", parts.join(" AND ")))
        }
        SearchExpr::Or(v) => {
            let parts: Vec<String> = v.iter().filter_map(fts_expr).collect();
            (!parts.is_empty()).then(|| format!("({})", parts.join(" OR ")))
        }
    }
}

/// A 64-bit feature key as an SQLite integer (the same bits).
fn sql_key(k: u64) -> i64 {
    i64::from_ne_bytes(k.to_ne_bytes())
}

fn json<T: serde::Serialize>(v: &T) -> StoreResult<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Backend(e.to_string()))
}

const META_DOCUMENTS: &str = "story_documents";
const META_LATEST_DAY: &str = "story_latest_day";

impl StoryIndex for SqliteStoreRef<'_> {
    fn stories_by_key(
        &self,
        key: u64,
        since: Option<i32>,
        limit: usize,
    ) -> StoreResult<Vec<StoryId>> {
        let run = || -> rusqlite::Result<Vec<StoryId>> {
            let limit = limit.min(i64::MAX as usize) as i64;
            let map = |r: &rusqlite::Row<'_>| r.get::<_, String>(0).map(StoryId);
            match since {
                Some(d) => {
                    let mut stmt = self.conn.prepare_cached(
                        "SELECT s.id FROM story_postings p JOIN stories s ON s.seq = p.story_seq
                         WHERE p.key = ?1 AND p.day >= ?2 ORDER BY p.day DESC, p.story_seq DESC LIMIT ?3",
                    )?;
                    let rows = stmt.query_map(params![sql_key(key), d, limit], map)?;
                    rows.collect()
                }
                None => {
                    let mut stmt = self.conn.prepare_cached(
                        "SELECT s.id FROM story_postings p JOIN stories s ON s.seq = p.story_seq
                         WHERE p.key = ?1 ORDER BY p.day DESC, p.story_seq DESC LIMIT ?2",
                    )?;
                    let rows = stmt.query_map(params![sql_key(key), limit], map)?;
                    rows.collect()
                }
            }
        };
        run().map_err(backend)
    }

    fn profile(&self, id: &StoryId) -> StoreResult<Option<StoryProfile>> {
        self.story_profile(id)
    }

    fn key_frequency(&self, key: u64) -> StoreResult<u64> {
        let n = self
            .conn
            .prepare_cached("SELECT articles FROM story_keys WHERE key = ?1")
            .and_then(|mut s| s.query_row(params![sql_key(key)], |r| r.get::<_, i64>(0)).optional())
            .map_err(backend)?;
        Ok(n.map_or(0, |n| n.max(0) as u64))
    }

    fn documents(&self) -> StoreResult<u64> {
        Ok(self.meta_i64(META_DOCUMENTS)?.map_or(0, |n| n.max(0) as u64))
    }

    fn fingerprints(
        &self,
        band: u64,
        since: Option<i32>,
        limit: usize,
    ) -> StoreResult<Vec<FingerprintHit>> {
        let run = || -> rusqlite::Result<Vec<FingerprintHit>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT a.id, m.story_id, m.copy_of, f.day, f.fingerprint
                 FROM story_bands b JOIN articles a ON a.seq = b.article_seq
                 JOIN story_fingerprints f ON f.article_id = a.id
                 JOIN story_members m ON m.article_id = a.id
                 WHERE b.band = ?1 AND (?2 IS NULL OR f.day >= ?2)
                 ORDER BY b.article_seq DESC LIMIT ?3",
            )?;
            let rows = stmt.query_map(
                params![sql_key(band), since, limit.min(i64::MAX as usize) as i64],
                |r| {
                    let article: String = r.get(0)?;
                    let fp: String = r.get(4)?;
                    Ok(FingerprintHit {
                        fingerprint: decode(&fp, "fingerprint", &article)?,
                        article: ArticleId(article),
                        story: StoryId(r.get(1)?),
                        copy_of: r.get::<_, Option<String>>(2)?.map(ArticleId),
                        day: r.get(3)?,
                    })
                },
            )?;
            rows.collect()
        };
        run().map_err(backend)
    }

    fn latest_day(&self) -> StoreResult<Option<i32>> {
        Ok(self.meta_i64(META_LATEST_DAY)?.and_then(|d| i32::try_from(d).ok()))
    }
}

impl SqliteStoreRef<'_> {
    /// A number kept in the `meta` table (`None` when absent; a value that is no number is
    /// damage and an error).
    fn meta_i64(&self, key: &str) -> StoreResult<Option<i64>> {
        let v = self
            .conn
            .prepare_cached("SELECT value FROM meta WHERE key = ?1")
            .and_then(|mut s| s.query_row(params![key], |r| r.get::<_, String>(0)).optional())
            .map_err(backend)?;
        v.map(|v| {
            v.parse().map_err(|_| StoreError::Backend(format!("meta {key}: {v:?} is no number")))
        })
        .transpose()
    }

    fn set_meta(&self, key: &str, value: i64) -> StoreResult<()> {
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)")
            .and_then(|mut s| s.execute(params![key, value.to_string()]))
            .map(|_| ())
            .map_err(backend)
    }

    fn story_profile(&self, id: &StoryId) -> StoreResult<Option<StoryProfile>> {
        self.conn
            .prepare_cached("SELECT profile FROM stories WHERE id = ?1")
            .and_then(|mut s| {
                s.query_row(params![id.0], |r| {
                    let json: String = r.get(0)?;
                    decode(&json, "story profile", &id.0)
                })
                .optional()
            })
            .map_err(backend)
    }

    fn story(&self, id: &StoryId) -> StoreResult<Option<Story>> {
        let Some(profile) = self.story_profile(id)? else { return Ok(None) };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT m.article_id, m.copy_of, a.language, a.outlet, a.published
                 FROM story_members m JOIN articles a ON a.id = m.article_id
                 WHERE m.story_id = ?1 ORDER BY a.seq",
            )
            .map_err(backend)?;
        let rows = stmt
            .query_map(params![id.0], |r| {
                Ok(Member {
                    article: ArticleId(r.get(0)?),
                    copy_of: r.get::<_, Option<String>>(1)?.map(ArticleId),
                    language: r.get::<_, Option<String>>(2)?.and_then(|l| l.parse().ok()),
                    outlet: r.get(3)?,
                    published: r.get::<_, Option<String>>(4)?.and_then(|d| d.parse().ok()),
                })
            })
            .map_err(backend)?;
        let members: Vec<Member> = rows.collect::<rusqlite::Result<_>>().map_err(backend)?;
        Ok(Some(Story::assemble(&profile, &members)))
    }

    /// Applies what the assigner decided for a newly stored article.
    fn apply_story(&self, article: &ArticleId, a: StoryAssignment) -> StoreResult<()> {
        let c = self.conn;
        let id = &a.profile.id;
        let latest = self.latest_day()?;
        let file_day = a.day.or(latest);
        for gone in a.absorbed.iter().filter(|g| *g != id) {
            let seq: Option<i64> = c
                .query_row("SELECT seq FROM stories WHERE id = ?1", params![gone.0], |r| r.get(0))
                .optional()
                .map_err(backend)?;
            let Some(seq) = seq else { continue };
            c.execute(
                "UPDATE story_members SET story_id = ?1 WHERE story_id = ?2",
                params![id.0, gone.0],
            )
            .map_err(backend)?;
            c.execute("DELETE FROM story_postings WHERE story_seq = ?1", params![seq])
                .map_err(backend)?;
            c.execute("DELETE FROM stories WHERE seq = ?1", params![seq]).map_err(backend)?;
        }
        let profile = json(&a.profile)?;
        c.prepare_cached(
            "INSERT INTO stories(id, last_day, profile) VALUES (?1, ?2, ?3)
             ON CONFLICT(id) DO UPDATE SET last_day = ?2, profile = ?3",
        )
        .and_then(|mut s| s.execute(params![id.0, a.profile.last_day, profile]))
        .map_err(backend)?;
        c.prepare_cached(
            "INSERT INTO story_members(article_id, story_id, copy_of) VALUES (?1, ?2, ?3)",
        )
        .and_then(|mut s| {
            s.execute(params![article.0, id.0, a.copy_of.as_ref().map(|x| x.0.as_str())])
        })
        .map_err(backend)?;
        // One more member; counted again only when stories were merged, so that a write costs
        // the same in a story of ten articles as in one of ten thousand.
        let count = if a.absorbed.iter().any(|g| g != id) {
            "UPDATE stories SET members = (SELECT COUNT(*) FROM story_members WHERE story_id = ?1)
             WHERE id = ?1 RETURNING seq"
        } else {
            "UPDATE stories SET members = members + 1 WHERE id = ?1 RETURNING seq"
        };
        let seq: i64 = c
            .prepare_cached(count)
            .and_then(|mut s| s.query_row(params![id.0], |r| r.get(0)))
            .map_err(backend)?;
        {
            let mut post = c
                .prepare_cached(
                    "INSERT INTO story_postings(key, story_seq, day) VALUES (?1, ?2, ?3)
                     ON CONFLICT(key, story_seq) DO UPDATE SET day = max(coalesce(day, ?3), coalesce(?3, day))",
                )
                .map_err(backend)?;
            for k in &a.file_under {
                post.execute(params![sql_key(*k), seq, file_day]).map_err(backend)?;
            }
            let mut df = c
                .prepare_cached(
                    "INSERT INTO story_keys(key, articles) VALUES (?1, 1)
                     ON CONFLICT(key) DO UPDATE SET articles = articles + 1",
                )
                .map_err(backend)?;
            for k in &a.frequencies {
                df.execute(params![sql_key(*k)]).map_err(backend)?;
            }
        }
        if a.copy_of.is_none() {
            let n = self.meta_i64(META_DOCUMENTS)?.unwrap_or(0);
            self.set_meta(META_DOCUMENTS, n + 1)?;
        }
        if let Some(fp) = &a.fingerprint {
            let fp_json = json(fp)?;
            c.prepare_cached(
                "INSERT OR REPLACE INTO story_fingerprints(article_id, day, fingerprint) VALUES (?1, ?2, ?3)",
            )
            .and_then(|mut s| s.execute(params![article.0, a.day, fp_json]))
            .map_err(backend)?;
            let mut band = c
                .prepare_cached(
                    "INSERT OR IGNORE INTO story_bands(band, article_seq)
                     SELECT ?1, seq FROM articles WHERE id = ?2",
                )
                .map_err(backend)?;
            for b in &fp.bands {
                band.execute(params![sql_key(*b), article.0]).map_err(backend)?;
            }
        }
        if let Some(d) = a.day {
            if latest.is_none_or(|l| d > l) {
                self.set_meta(META_LATEST_DAY, i64::from(d))?;
            }
        }
        Ok(())
    }
}

impl SqliteStoreRef<'_> {
    fn entity(&self, id: &EntityId) -> StoreResult<Option<EntityRecord>> {
        self.conn
            .query_row("SELECT record FROM entities WHERE id = ?1", params![id.0], |r| {
                let json: String = r.get(0)?;
                decode(&json, "entity", &id.0)
            })
            .optional()
            .map_err(backend)
    }

    /// Files an article under an entity and writes the entity's updated record.
    fn apply_link(&self, article: &ArticleId, link: &EntityLink) -> StoreResult<()> {
        let e = &link.entity;
        self.conn
            .execute(
                "INSERT OR IGNORE INTO entity_articles(entity_id, article_id) VALUES (?1, ?2)",
                params![e.id.0, article.0],
            )
            .map_err(backend)?;
        let articles: i64 = self
            .conn
            .query_row(
                "SELECT COUNT(*) FROM entity_articles WHERE entity_id = ?1",
                params![e.id.0],
                |r| r.get(0),
            )
            .map_err(backend)?;
        let mut record = e.clone();
        record.articles = articles as usize;
        let json =
            serde_json::to_string(&record).map_err(|err| StoreError::Backend(err.to_string()))?;
        self.conn
            .execute(
                "INSERT INTO entities(id, kind, canonical, articles, record) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(id) DO UPDATE SET kind = ?2, canonical = ?3, articles = ?4, record = ?5",
                params![e.id.0, e.kind.as_str(), e.canonical, articles, json],
            )
            .map_err(backend)?;
        let mut key_stmt = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO entity_keys(key, entity_id) VALUES (?1, ?2)")
            .map_err(backend)?;
        for k in &e.keys {
            key_stmt.execute(params![k, e.id.0]).map_err(backend)?;
        }
        Ok(())
    }

    fn existing(&self, doc: &Ingested) -> StoreResult<Option<ArticleId>> {
        self.conn
            .query_row(
                "SELECT id FROM articles WHERE raw_hash = ?1 OR text_hash = ?2 OR id = ?3 LIMIT 1",
                params![doc.raw_hash, doc.text_hash, doc.article.id.0],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .map(|o| o.map(ArticleId))
            .map_err(backend)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use parallax_model::conformance;

    #[test]
    fn conforms_in_memory() {
        conformance::run_all(&mut || Box::new(SqliteStore::in_memory().unwrap()));
    }

    #[test]
    fn conforms_on_disk() {
        let dirs: std::cell::RefCell<Vec<tempfile::TempDir>> = Default::default();
        conformance::run_all(&mut || {
            let d = tempfile::tempdir().unwrap();
            let s = SqliteStore::open(d.path()).unwrap();
            dirs.borrow_mut().push(d);
            Box::new(s)
        });
    }

    #[test]
    fn reopening_keeps_everything() {
        let dir = tempfile::tempdir().unwrap();
        let doc = conformance::sample(9);
        {
            let mut s = SqliteStore::open(dir.path()).unwrap();
            s.put_batch(std::slice::from_ref(&doc)).unwrap();
        }
        let s = SqliteStore::open_existing(dir.path()).unwrap();
        assert_eq!(s.get(&doc.article.id).unwrap().unwrap().article, doc.article);
        assert_eq!(s.raw(&doc.article.id).unwrap().unwrap(), doc.raw);
        s.check_integrity().unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn refuses_missing_newer_and_foreign_databases() {
        let dir = tempfile::tempdir().unwrap();
        let err = SqliteStore::open_existing(dir.path()).unwrap_err();
        assert!(err.to_string().contains("no Parallax store"), "{err}");

        drop(SqliteStore::open(dir.path()).unwrap());
        {
            let c = Connection::open(dir.path().join(DB_FILE)).unwrap();
            c.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        }
        let err = SqliteStore::open(dir.path()).unwrap_err();
        assert!(matches!(err, StoreError::SchemaTooNew { .. }), "{err}");

        let junk = tempfile::tempdir().unwrap();
        std::fs::write(
            junk.path().join(DB_FILE),
            b"this is not a database, just text that fills a page",
        )
        .unwrap();
        let err = SqliteStore::open(junk.path()).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    }

    #[test]
    fn a_version_1_store_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        {
            let c = Connection::open(dir.path().join(DB_FILE)).unwrap();
            c.execute_batch(SCHEMA).unwrap();
            c.pragma_update(None, "user_version", 1).unwrap();
        }
        let mut s = SqliteStore::open(dir.path()).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        let doc = conformance::sample_with_entities(1, &["Ana Rusu"]);
        s.put_batch_linked(&[doc], &conformance::NameLinker).unwrap();
        assert!(s.entity(&EntityId("e:ana rusu".into())).unwrap().is_some());
    }

    /// A registry lookup that cannot be read aborts the batch and is reported: nothing of the
    /// batch is stored (an empty answer would have founded a second identity for a known entity).
    struct UnreadableRegistry;

    impl Linker for UnreadableRegistry {
        fn link(
            &self,
            _: &Article,
            _: &DocEntities,
            index: &dyn EntityIndex,
        ) -> StoreResult<Vec<EntityLink>> {
            index.find("name:ana rusu")?;
            Err(StoreError::Backend("registry unreadable".into()))
        }
    }

    #[test]
    fn an_unreadable_registry_aborts_the_batch() {
        let mut s = SqliteStore::in_memory().unwrap();
        let a = conformance::sample_with_entities(1, &["Ana Rusu"]);
        let b = conformance::sample_with_entities(2, &["Ana Rusu"]);
        let err = s.put_batch_linked(&[a.clone(), b], &UnreadableRegistry).unwrap_err();
        assert!(err.to_string().contains("registry unreadable"), "{err}");
        assert_eq!(s.count().unwrap(), 0, "the batch's articles are rolled back");
        s.put_batch_linked(&[a], &conformance::NameLinker).unwrap();
        assert_eq!(s.count().unwrap(), 1, "the store is sound for the next batch");
    }

    /// Damage in the story index (a frequency total that is no number) is an error of the write
    /// that reads it, not a silent zero.
    #[test]
    fn a_damaged_story_index_aborts_the_write_that_reads_it() {
        let mut s = SqliteStore::in_memory().unwrap();
        let assigner = conformance::KeyAssigner::default();
        let first =
            conformance::story_sample(1, "quake", "w1 alpha", Lang::En, "Outlet A", "2026-03-01");
        s.put_batch_assigned(&[first], &NoLinker, &assigner).unwrap();
        s.conn
            .execute("UPDATE meta SET value = 'x' WHERE key = ?1", params![META_DOCUMENTS])
            .unwrap();
        let second =
            conformance::story_sample(2, "quake", "w2 beta", Lang::En, "Outlet B", "2026-03-02");
        let err = s.put_batch_assigned(&[second], &NoLinker, &assigner).unwrap_err();
        assert!(err.to_string().contains("story_documents"), "{err}");
        assert_eq!(s.count().unwrap(), 1, "the second article is not stored");
    }

    /// Indexes with the terms the sample articles carry.
    struct SampleIndexer;

    impl Indexer for SampleIndexer {
        fn index_text(&self, article: &Article, _: &Analysis) -> SearchText {
            SearchText {
                title: article.title.clone().unwrap_or_default().to_lowercase(),
                body: "backfilled".into(),
                names: String::new(),
                speakers: String::new(),
            }
        }
    }

    #[test]
    fn a_version_4_store_gets_the_index_that_counts_analyses_by_engine() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut s = SqliteStore::open(dir.path()).unwrap();
            s.put_batch(&[conformance::sample(1), conformance::sample(2)]).unwrap();
            s.conn.execute_batch("DROP INDEX analyses_by_engine").unwrap();
            s.conn.pragma_update(None, "user_version", 4).unwrap();
        }
        let s = SqliteStore::open_read_only(dir.path()).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        let plan: String = s
            .conn
            .query_row(
                "EXPLAIN QUERY PLAN SELECT engine, COUNT(*) FROM analyses GROUP BY engine",
                [],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("analyses_by_engine"), "{plan}");
        assert_eq!(s.engines().unwrap().iter().map(|e| e.1).sum::<usize>(), 2);
    }

    #[test]
    fn a_version_3_store_is_migrated_and_its_articles_indexed_in_stored_order() {
        let dir = tempfile::tempdir().unwrap();
        let docs: Vec<_> = (1..=5).map(conformance::sample).collect();
        {
            let c = Connection::open(dir.path().join(DB_FILE)).unwrap();
            for schema in [SCHEMA, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4] {
                c.execute_batch(schema).unwrap();
            }
            c.pragma_update(None, "user_version", 3).unwrap();
            let mut s = SqliteStore { conn: c, path: dir.path().join(DB_FILE) };
            s.put_batch(&docs).unwrap();
            s.conn.execute_batch("DROP TABLE search_terms; DROP TABLE search;").unwrap();
        }
        let mut s = SqliteStore::open(dir.path()).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        let q = |t: &str| SearchQuery {
            expr: SearchExpr::term(t),
            filter: Default::default(),
            limit: 10,
        };
        assert!(s.search(&q("backfilled")).unwrap().is_empty(), "not indexed before the backfill");
        // A new article is indexed at once, whatever the backfill's progress.
        let mut new = conformance::sample(9);
        new.search.body = "fresh".into();
        s.put_batch(std::slice::from_ref(&new)).unwrap();
        assert_eq!(s.search(&q("fresh")).unwrap().len(), 1);
        assert_eq!(s.index_pending(&SampleIndexer, 2).unwrap(), 2);
        assert_eq!(s.search(&q("backfilled")).unwrap().len(), 2);
        drop(s);
        // Reopened (as after a kill), the backfill goes on where it stopped.
        let mut s = SqliteStore::open(dir.path()).unwrap();
        assert_eq!(s.index_pending(&SampleIndexer, 10).unwrap(), 3);
        assert_eq!(s.index_pending(&SampleIndexer, 10).unwrap(), 0);
        let hits = s.search(&q("backfilled")).unwrap();
        assert_eq!(hits.len(), 5);
        assert_eq!(s.search(&q("sample")).unwrap().len(), 5, "titles indexed too");
        assert_eq!(s.term_counts(&["backfilled".into(), "fresh".into()]).unwrap(), vec![5, 1]);
    }

    #[test]
    fn the_search_index_can_be_rebuilt_and_measured() {
        let mut s = SqliteStore::in_memory().unwrap();
        s.put_batch(&(1..=3).map(conformance::sample).collect::<Vec<_>>()).unwrap();
        let q = SearchQuery {
            expr: SearchExpr::term("backfilled"),
            filter: Default::default(),
            limit: 10,
        };
        s.reset_search_index().unwrap();
        assert!(s.search(&q).unwrap().is_empty());
        assert_eq!(s.index_pending(&SampleIndexer, 10).unwrap(), 3);
        assert_eq!(s.search(&q).unwrap().len(), 3);
        let (index, total) = s.search_index_bytes().unwrap();
        assert!(index > 0 && total >= index, "{index} {total}");
    }

    #[test]
    fn a_version_2_store_is_migrated_and_its_articles_get_stories() {
        let dir = tempfile::tempdir().unwrap();
        let old = conformance::story_sample(
            1,
            "alpha",
            "t1",
            parallax_model::Lang::En,
            "A",
            "2025-10-01",
        );
        {
            let c = Connection::open(dir.path().join(DB_FILE)).unwrap();
            c.execute_batch(SCHEMA).unwrap();
            c.execute_batch(SCHEMA_V2).unwrap();
            // This build's writer also fills the index; a version 2 store has none.
            c.execute_batch(SCHEMA_V4).unwrap();
            c.pragma_update(None, "user_version", 2).unwrap();
            let mut s = SqliteStore { conn: c, path: dir.path().join(DB_FILE) };
            s.put_batch_linked(std::slice::from_ref(&old), &conformance::NameLinker).unwrap();
            s.conn.execute_batch("DROP TABLE search_terms; DROP TABLE search;").unwrap();
        }
        let mut s = SqliteStore::open(dir.path()).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(s.story_of(&old.article.id).unwrap(), None);
        let assigner = conformance::KeyAssigner::default();
        assert_eq!(s.assign_pending(&assigner, 100).unwrap(), 1);
        let new = conformance::story_sample(
            2,
            "alpha",
            "t2",
            parallax_model::Lang::En,
            "B",
            "2025-10-02",
        );
        s.put_batch_assigned(std::slice::from_ref(&new), &conformance::NameLinker, &assigner)
            .unwrap();
        let story = s.story_of(&old.article.id).unwrap().unwrap();
        assert_eq!(s.story(&story).unwrap().unwrap().articles.len(), 2);
        s.check_integrity().unwrap();
    }

    #[test]
    fn large_raw_bytes_are_compressed_and_restored() {
        let mut s = SqliteStore::in_memory().unwrap();
        let mut doc = conformance::sample(3);
        doc.raw.bytes = "<p>Повторений абзац новини.</p>\n".repeat(500).into_bytes();
        s.put_batch(std::slice::from_ref(&doc)).unwrap();
        let stored: (String, usize) = s
            .conn
            .query_row("SELECT compression, length(bytes) FROM raw", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(stored.0, "deflate");
        assert!(stored.1 * 5 < doc.raw.bytes.len(), "{} of {}", stored.1, doc.raw.bytes.len());
        assert_eq!(s.raw(&doc.article.id).unwrap().unwrap().bytes, doc.raw.bytes);
    }

    #[test]
    fn prefix_lookup_rejects_glob_patterns() {
        let mut s = SqliteStore::in_memory().unwrap();
        s.put_batch(&[conformance::sample(1)]).unwrap();
        assert!(s.ids_with_prefix("*", 10).unwrap().is_empty());
        assert!(s.ids_with_prefix("?", 10).unwrap().is_empty());
        assert_eq!(s.ids_with_prefix("", 10).unwrap().len(), 1);
    }
}
