//! `eval ask --dataset scale`: how fast `ask` and `search` answer over a store of 100,000
//! articles, in one warm process, and what the full-text index costs.
//!
//! The store is built from the texts of the three story datasets (BSNLP ru/uk documents, ITN
//! en/ru/uk/de/es… blurbs, RUWA English headlines: about 18,000 texts) replayed in epochs until
//! it holds `--limit` articles (100,000 by default): epoch `e` gives every text a paragraph of
//! another text of its language (so that no two articles are the same) and shifts its date by `e`
//! times the corpus's span. Every article goes through the whole pipeline (extraction, analysis,
//! entity linking, story assignment, the full-text index) into the embedded SQLite store, as
//! `parallax ingest` runs it. With `--path DIR` the store is kept there and reused by the next
//! run (building it takes minutes).
//!
//! Measured: ingest throughput (documents per second, end to end); the index's size and the
//! time to rebuild it from the stored analyses (what indexing adds to ingest, per article);
//! then, in the same warm process, every question of `gold/questions-dev.json` asked three
//! times, and one keyword search per question (its topic words) three times: p50, p95 and
//! maximum latency of each.

use crate::stories::{bsnlp_docs, itn_docs, ruwa_docs, Doc};
use crate::{EvalError, EvalOptions, Report};
use parallax_engine::ask::{self, find, AskOptions};
use parallax_engine::entities::link::EngineLinker;
use parallax_engine::search::EngineIndexer;
use parallax_engine::stories::EngineAssigner;
use parallax_model::{Content, Store};
use parallax_store_sqlite::SqliteStore;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

/// Articles in the store unless `--limit` says otherwise.
pub const DEFAULT_ARTICLES: usize = 100_000;
/// Documents processed in one parallel chunk and stored in batches of [`BATCH`].
const CHUNK: usize = 2_048;
const BATCH: usize = 128;
/// How many times each question and search is timed.
const ROUNDS: usize = 3;

pub fn run(opts: &EvalOptions) -> Result<Vec<Report>, EvalError> {
    if opts.dataset.as_deref() != Some("scale") {
        return Ok(vec![]);
    }
    Ok(vec![scale(opts)?])
}

fn scale(opts: &EvalOptions) -> Result<Report, EvalError> {
    let started = Instant::now();
    let mut report = Report::new("ask", "scale");
    let target = opts.limit.unwrap_or(DEFAULT_ARTICLES);
    let tmp;
    let dir: &Path = match &opts.path {
        Some(p) => p,
        None => {
            tmp = std::env::temp_dir().join(format!("parallax-scale-{}", std::process::id()));
            &tmp
        }
    };
    let fail =
        |e: parallax_model::StoreError| EvalError::Read { path: dir.into(), reason: e.to_string() };
    let mut store = SqliteStore::open(dir).map_err(fail)?;
    let have = store.count().map_err(fail)?;
    if have < target {
        let t = Instant::now();
        let stored = build(opts, &mut store, target - have)?;
        let secs = t.elapsed().as_secs_f64();
        report.metric("ingest_docs_per_second", round(stored as f64 / secs.max(1e-9)));
        report.notes.push(format!("built {stored} articles in {secs:.0} s into {}", dir.display()));
    } else {
        report.notes.push(format!("reused the store in {} ({have} articles)", dir.display()));
    }
    let n = store.count().map_err(fail)?;
    report.n = n;
    // The index: its size, and what rebuilding it from the stored analyses costs per article.
    let (index, total) = store.search_index_bytes().map_err(fail)?;
    report
        .metric("index_mb", round(index as f64 / 1e6))
        .metric("store_mb", round(total as f64 / 1e6));
    let t = Instant::now();
    store.reset_search_index().map_err(fail)?;
    while store.index_pending(&EngineIndexer, 4_096).map_err(fail)? > 0 {}
    let rebuild = t.elapsed().as_secs_f64();
    report.metric("index_ms_per_article", round(rebuild * 1000.0 / n.max(1) as f64));
    // Questions and searches, in this warm process.
    let questions = dev_questions(opts)?;
    parallax_engine::kb::warm_up();
    let mut ask_ms = vec![];
    let mut search_ms = vec![];
    let mut answered = 0;
    for q in &questions {
        let parsed = ask::question::parse(&store, q, &AskOptions::default()).map_err(fail)?;
        let query: Vec<String> = parsed.topics.iter().map(|c| c.text.clone()).collect();
        for round in 0..=ROUNDS {
            let t = Instant::now();
            let brief = ask::ask(&store, q, &AskOptions::default()).map_err(fail)?;
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            if round > 0 {
                ask_ms.push(ms);
            } else if brief.refusal.is_none() {
                answered += 1;
            }
            if query.is_empty() {
                continue;
            }
            let t = Instant::now();
            find::search(&store, &query.join(" "), &Default::default(), None, 20).map_err(fail)?;
            if round > 0 {
                search_ms.push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
    }
    for (name, v) in [("ask", &mut ask_ms), ("search", &mut search_ms)] {
        v.sort_by(f64::total_cmp);
        report
            .metric(&format!("{name}_p50_ms"), round(percentile(v, 0.50)))
            .metric(&format!("{name}_p95_ms"), round(percentile(v, 0.95)))
            .metric(&format!("{name}_max_ms"), round(v.last().copied().unwrap_or(0.0)));
    }
    report.metric("questions", questions.len() as f64).metric("answered", answered as f64);
    report.metric("peak_rss_mb", round(crate::stories::peak_rss_mb()));
    report.seconds = started.elapsed().as_secs_f64();
    if opts.path.is_none() {
        drop(store);
        let _ = std::fs::remove_dir_all(dir);
    }
    Ok(report)
}

/// Stores `want` more articles replayed from the story datasets' texts; returns how many.
fn build(opts: &EvalOptions, store: &mut SqliteStore, want: usize) -> Result<usize, EvalError> {
    let data = opts.shared.join("data");
    let mut base: Vec<Doc> = vec![];
    for (dir, read) in [
        (data.join("bsnlp"), bsnlp_docs as fn(&Path, Option<usize>) -> _),
        (data.join("itn-corpus"), itn_docs),
        (data.join("ruwa-russia-ukraine-war-news"), ruwa_docs),
    ] {
        crate::require_dir(&dir.display().to_string(), &dir)?;
        base.extend(read(&dir, None)?);
    }
    if base.is_empty() {
        return Ok(0);
    }
    // Texts by language, for the paragraph each replay borrows.
    let mut by_lang: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, d) in base.iter().enumerate() {
        by_lang.entry(d.lang.clone()).or_default().push(i);
    }
    let span_days = 3_000;
    let fail = |e: parallax_model::StoreError| EvalError::Read {
        path: "store".into(),
        reason: e.to_string(),
    };
    let assigner = EngineAssigner::default();
    let already = store.count().map_err(fail)?;
    let mut stored = 0;
    let mut k = already;
    while stored < want {
        let docs: Vec<parallax_model::RawDoc> =
            (k..k + CHUNK).map(|i| replay(&base, &by_lang, i, span_days)).collect();
        k += CHUNK;
        let processed: Vec<_> =
            docs.par_iter().filter_map(|d| parallax_engine::process(d).ok()).collect();
        for batch in processed.chunks(BATCH) {
            let take = (want - stored).min(batch.len());
            let out =
                store.put_batch_assigned(&batch[..take], &EngineLinker, &assigner).map_err(fail)?;
            stored +=
                out.iter().filter(|o| matches!(o, parallax_model::PutOutcome::Stored(_))).count();
            if stored >= want {
                break;
            }
        }
    }
    Ok(stored)
}

/// The `i`-th article of the replayed stream: text `i % n` of the base in epoch `i / n`, with
/// a paragraph of another text of its language and its date shifted by the epoch.
fn replay(
    base: &[Doc],
    by_lang: &HashMap<String, Vec<usize>>,
    i: usize,
    span_days: i64,
) -> parallax_model::RawDoc {
    let n = base.len();
    let (epoch, j) = (i / n, i % n);
    let d = &base[j];
    let mut raw = d.raw.clone();
    if epoch == 0 {
        return raw;
    }
    let body = match &raw.content {
        Content::Text(t) | Content::Html(t) => t.clone(),
    };
    let same = &by_lang[&d.lang];
    let other = &base[same[(j * 7 + epoch * 13) % same.len()]];
    let borrowed = match &other.raw.content {
        Content::Text(t) | Content::Html(t) => t.split("\n\n").next().unwrap_or("").to_string(),
    };
    let text = format!("{body}\n\n{borrowed}");
    raw.source = format!("{}#replay{epoch}", raw.source);
    raw.bytes = text.clone().into_bytes();
    raw.content = Content::Text(text);
    if let Some(p) = raw.hints.published.as_deref() {
        let shifted = parallax_engine::calendar::parse_meta_date(p)
            .and_then(|d| parallax_model::day_number(&d))
            .and_then(|day| i32::try_from(i64::from(day) + span_days * epoch as i64).ok());
        raw.hints.published = shifted.and_then(parallax_model::date_of_day).map(|d| d.to_string());
    }
    raw
}

/// The questions of `gold/questions-dev.json`.
fn dev_questions(opts: &EvalOptions) -> Result<Vec<String>, EvalError> {
    let path = opts.shared.join("gold").join("questions-dev.json");
    let bytes = crate::read_file(&path)?;
    let v: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| EvalError::Read { path: path.clone(), reason: e.to_string() })?;
    Ok(v["questions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|q| q["question"].as_str().map(str::to_string))
        .collect())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_and_day_numbers() {
        let v = [1.0, 2.0, 3.0, 4.0, 100.0];
        assert_eq!(percentile(&v, 0.5), 3.0);
        assert_eq!(percentile(&v, 0.95), 100.0);
        let d = parallax_model::date_of_day(19_723).unwrap();
        assert_eq!(d.to_string(), "2024-01-01");
        assert_eq!(parallax_model::day_number(&d), Some(19_723));
    }
}
