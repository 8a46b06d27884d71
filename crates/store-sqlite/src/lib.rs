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

use parallax_model::{
    Analysis, Article, ArticleId, DocEntities, EntityId, EntityIndex, EntityLink, EntityRecord,
    Ingested, InputFormat, Linker, PutOutcome, RawRecord, Store, StoreError, StoreResult,
    StoredArticle,
};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema this build writes and reads.
pub const SCHEMA_VERSION: i64 = 2;

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
        self.conn.busy_timeout(Duration::from_secs(10)).map_err(backend)?;
        // WAL: a crash leaves the last committed transaction intact; NORMAL sync is durable in WAL
        // mode up to the last checkpointed commit and never corrupts the database.
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .and_then(|_| self.conn.pragma_update(None, "synchronous", "NORMAL"))
            .and_then(|_| self.conn.pragma_update(None, "foreign_keys", "ON"))
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
            let tx = self.conn.transaction().map_err(backend)?;
            tx.execute_batch(SCHEMA).map_err(backend)?;
            tx.execute_batch(SCHEMA_V2).map_err(backend)?;
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
        let tx = self.conn.transaction().map_err(backend)?;
        if from < 2 {
            tx.execute_batch(SCHEMA_V2).map_err(backend)?;
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

    /// The schema version of the open database.
    pub fn schema_version(&self) -> StoreResult<i64> {
        self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(backend)
    }
}

fn backend(e: rusqlite::Error) -> StoreError {
    StoreError::Backend(e.to_string())
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
        // Compressed before the transaction opens, so that readers wait less. Not on a thread pool:
        // callers may be feeding this writer from one, and would deadlock against it.
        let compressed: Vec<(&'static str, Vec<u8>)> =
            batch.iter().map(|d| compress(&d.raw.bytes)).collect();
        let tx = self.conn.transaction().map_err(backend)?;
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
                insert_article
                    .execute(params![
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
                let links = linker.link(a, &doc.analysis.entities, &me);
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
                out.push(PutOutcome::Stored(a.id.clone()));
            }
        }
        tx.commit().map_err(backend)?;
        Ok(out)
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

    fn put_analysis(&mut self, id: &ArticleId, analysis: &Analysis) -> StoreResult<bool> {
        let json =
            serde_json::to_string(analysis).map_err(|e| StoreError::Backend(e.to_string()))?;
        let n = self
            .conn
            .execute(
                "UPDATE analyses SET engine = ?2, analysis = ?3 WHERE id = ?1",
                params![id.0, analysis.engine, json],
            )
            .map_err(backend)?;
        Ok(n > 0)
    }
}

/// Borrowed view used inside a transaction.
struct SqliteStoreRef<'a> {
    conn: &'a Connection,
}

/// Links nothing: for batches stored without entity linking.
struct NoLinker;

impl Linker for NoLinker {
    fn link(&self, _: &Article, _: &DocEntities, _: &dyn EntityIndex) -> Vec<EntityLink> {
        vec![]
    }
}

impl EntityIndex for SqliteStoreRef<'_> {
    fn find(&self, key: &str) -> Vec<EntityRecord> {
        let run = || -> rusqlite::Result<Vec<EntityRecord>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT e.id, e.record FROM entity_keys k JOIN entities e ON e.id = k.entity_id WHERE k.key = ?1 ORDER BY e.seq",
            )?;
            let rows = stmt.query_map(params![key], |r| {
                let id: String = r.get(0)?;
                let json: String = r.get(1)?;
                decode::<EntityRecord>(&json, "entity", &id)
            })?;
            rows.collect()
        };
        // A registry that cannot be read links nothing new to it; the article is still stored.
        run().unwrap_or_default()
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
