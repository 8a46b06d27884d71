//! Killing an ingest midway leaves every committed article intact and nothing half-written; the
//! next run stores only what is missing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::string_slice)]

mod util;

use parallax_model::{ArticleId, Store};
use parallax_store_sqlite::SqliteStore;
use std::ops::ControlFlow;
use util::*;

const FILES: usize = 3000;

#[test]
fn a_killed_ingest_leaves_a_sound_store_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for n in 0..FILES {
        std::fs::write(input.join(format!("{n:05}.txt")), article_text(n).repeat(3)).unwrap();
    }
    let data = dir.path().join("store");
    // Wait for the first commits, then kill it.
    let seen = ingest_then_kill(&data, &input);
    assert!(seen > 0, "the ingest committed nothing before the deadline");

    let store = SqliteStore::open_existing(&data).unwrap();
    store.check_integrity().unwrap();
    let count = store.count().unwrap();
    assert!(count < FILES, "killed before the end ({count} stored)");
    let mut ids: Vec<ArticleId> = vec![];
    store
        .scan(&mut |a| {
            ids.push(a.id.clone());
            ControlFlow::Continue(())
        })
        .unwrap();
    assert_eq!(ids.len(), count);
    for id in &ids {
        let a = store.get(id).unwrap().expect("article with its analysis");
        assert!(!a.article.text.is_empty() && !a.analysis.sentences.is_empty());
        assert!(store.raw(id).unwrap().is_some(), "raw bytes stored with the article");
    }
    drop(store);

    let o = run(&data, &["ingest", "--json", input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(summary["stored"].as_u64().unwrap() as usize, FILES - count);
    assert_eq!(summary["duplicates"].as_u64().unwrap() as usize, count);
    assert_eq!(SqliteStore::open_existing(&data).unwrap().count().unwrap(), FILES);
}
