//! `eval stories --dataset synthetic-1m`: story assignment over a million articles in bounded
//! memory.
//!
//! The stream is built from the texts of the three story datasets (BSNLP ru/uk documents, ITN
//! en/ru/uk blurbs, RUWA English headlines: about 18,000 texts), never written to disk: each text
//! is extracted, analysed and entity-linked once (the "pre-analysed" corpus, held in memory),
//! then replayed in epochs. Epoch `e` replays every text in its dataset's own date order, its
//! date shifted by `e` × the corpus's whole span (about eight years), so epochs never overlap in
//! time and every epoch's stories must age out of the index before the next one's arrive. Each
//! replayed article drops a pseudo-random tenth of its keys (so no epoch repeats the last one
//! exactly), and one article in twenty is a wire reprint of an article seen shortly before it
//! (the same text a day later from another outlet), exercising the near-duplicate path.
//!
//! Measured: the time to assign each article from its analysed form (features — words, stems,
//! skeletons, entity ids, numbers, MinHash — computed in parallel chunks, then the sequential
//! index step in a [`StreamIndex`]), per 100,000 articles (the per-article cost curve), the index
//! size at each point (active stories, posting entries), and the process's peak RSS (of which
//! the pre-analysed corpus is a fixed part, reported separately). Extraction, analysis and
//! entity linking are excluded: they are per-document stages measured elsewhere.

use super::{bsnlp_docs, itn_docs, peak_rss_mb, process_all, ruwa_docs, Doc};
use crate::{EvalError, EvalOptions, Report};
use parallax_engine::entities::link::EngineLinker;
use parallax_engine::stories::features::{self, mix, Features};
use parallax_engine::stories::stream::StreamIndex;
use parallax_engine::stories::{Config, EngineAssigner};
use parallax_model::{Analysis, Article, ArticleId, MemStore, Store};
use rayon::prelude::*;
use std::time::Instant;

/// Articles in the stream unless `--limit` says otherwise.
pub const DEFAULT_ARTICLES: usize = 1_000_000;
/// Articles per point of the cost curve.
pub const STEP: usize = 100_000;
/// Articles whose features are computed in one parallel chunk.
const CHUNK: usize = 8_192;

/// The pre-analysed corpus: articles with linked analyses, in stream order per dataset.
struct Base {
    items: Vec<(Article, Analysis)>,
    /// Day span of the whole corpus (the epoch shift).
    span: i32,
}

fn base(opts: &EvalOptions) -> Result<Base, EvalError> {
    let mut docs: Vec<Doc> = vec![];
    let bsnlp = opts.shared.join("data").join("bsnlp");
    let itn = opts.shared.join("data").join("itn-corpus");
    let ruwa = opts.shared.join("data").join("ruwa-russia-ukraine-war-news");
    for (dir, read) in [
        (&bsnlp, bsnlp_docs as fn(&std::path::Path, Option<usize>) -> _),
        (&itn, itn_docs),
        (&ruwa, ruwa_docs),
    ] {
        crate::require_dir(&dir.display().to_string(), dir)?;
        docs.extend(read(dir, None)?);
    }
    let processed = process_all(&docs);
    let mut store = MemStore::new();
    let mut items = Vec::with_capacity(processed.len());
    for d in processed {
        let id = d.article.id.clone();
        let _ = store.put_batch_linked(std::slice::from_ref(&d), &EngineLinker);
        if let Ok(Some(s)) = store.get(&id) {
            items.push((s.article, s.analysis));
        }
    }
    // Chronological (undated last), so each epoch is a plausible stream.
    items.sort_by_key(|(a, _)| {
        (
            a.published.as_ref().and_then(parallax_model::day_number).unwrap_or(i32::MAX),
            a.id.clone(),
        )
    });
    let days: Vec<i32> = items
        .iter()
        .filter_map(|(a, _)| a.published.as_ref().and_then(parallax_model::day_number))
        .collect();
    let span = match (days.iter().min(), days.iter().max()) {
        (Some(a), Some(b)) => b - a + 60,
        _ => 365,
    };
    Ok(Base { items, span })
}

/// The features of stream article `i`: the base text it replays, shifted and perturbed.
fn synthetic_features(base: &Base, i: usize) -> Features {
    let n = base.items.len().max(1);
    let epoch = (i / n) as i32;
    let pos = i % n;
    // One in twenty is a reprint of the article five places earlier, a day later.
    let reprint = i >= 5 && mix(i as u64 ^ 0x5eed) % 20 == 0 && pos >= 5;
    let src = if reprint { pos - 5 } else { pos };
    let Some((article, analysis)) = base.items.get(src) else {
        return empty(i);
    };
    let mut f = features::features(article, analysis);
    f.article = ArticleId(format!("{:016x}", mix(i as u64)));
    f.day = f.day.map(|d| d + epoch * base.span + i32::from(reprint));
    if !reprint {
        // Drop a tenth of the keys, differently in every epoch.
        f.keys.retain(|(k, _)| mix(k ^ (epoch as u64).wrapping_mul(0x9e37_79b9)) % 10 != 0);
        if let Some(fp) = &mut f.fingerprint {
            // A new text as far as copies go: re-salt the bands by epoch.
            for b in &mut fp.bands {
                *b = mix(*b ^ epoch as u64);
            }
        }
    } else if let Some(fp) = &mut f.fingerprint {
        for b in &mut fp.bands {
            *b = mix(*b ^ epoch as u64);
        }
    }
    f
}

fn empty(i: usize) -> Features {
    Features {
        article: ArticleId(format!("{:016x}", mix(i as u64))),
        title: None,
        kind: parallax_model::Kind::NewsReport,
        language: None,
        day: None,
        text_day: None,
        keys: vec![],
        name_terms: vec![],
        fingerprint: None,
    }
}

/// Runs the benchmark; `--limit N` sets the stream's length.
pub fn run(opts: &EvalOptions, config: &Config) -> Result<Report, EvalError> {
    let total = opts.limit.unwrap_or(DEFAULT_ARTICLES);
    let started = Instant::now();
    let base = base(opts)?;
    let prep = started.elapsed().as_secs_f64();
    let base_rss = peak_rss_mb();
    let assigner = EngineAssigner::new(config.clone());
    let mut index = StreamIndex::new(config.window_days + 7, 4 * config.per_key);
    let mut report = Report::new("stories", "synthetic-1m");
    report.notes.push(format!(
        "base corpus: {} pre-analysed texts, epoch span {} days, prepared in {prep:.1} s, RSS {base_rss} MB",
        base.items.len(),
        base.span
    ));
    let (mut feature_secs, mut assign_secs) = (0.0, 0.0);
    let (mut stories, mut copies, mut joined) = (0u64, 0u64, 0u64);
    let (mut step_feature, mut step_assign, mut step_count) = (0.0, 0.0, 0usize);
    let mut curve = vec![];
    let mut done = 0;
    while done < total {
        let n = CHUNK.min(total - done);
        let t = Instant::now();
        let feats: Vec<Features> =
            (done..done + n).into_par_iter().map(|i| synthetic_features(&base, i)).collect();
        let ft = t.elapsed().as_secs_f64();
        let t = Instant::now();
        for f in &feats {
            let a = assigner.assign_features(f, &index)?;
            if a.copy_of.is_some() {
                copies += 1;
            } else if a.profile.articles == 1 {
                stories += 1;
            } else {
                joined += 1;
            }
            let _retired = index.apply(&f.article, a);
        }
        let at = t.elapsed().as_secs_f64();
        feature_secs += ft;
        assign_secs += at;
        step_feature += ft;
        step_assign += at;
        step_count += n;
        let before = done;
        done += n;
        if done / STEP > before / STEP || done == total {
            let in_step = step_count.max(1);
            curve.push(format!(
                "{:>9} articles: {:6.1} µs/article ({:5.1} features on {} threads, {:5.1} index step), {} active stories, {} postings, RSS {} MB",
                done,
                (step_feature + step_assign) * 1e6 / in_step as f64,
                step_feature * 1e6 / in_step as f64,
                rayon::current_num_threads(),
                step_assign * 1e6 / in_step as f64,
                index.active_stories(),
                index.postings(),
                peak_rss_mb()
            ));
            step_feature = 0.0;
            step_assign = 0.0;
            step_count = 0;
        }
    }
    report.n = total;
    report
        .metric("docs_per_second", (total as f64 / (feature_secs + assign_secs)).round())
        .metric("index_docs_per_second", (total as f64 / assign_secs.max(1e-9)).round())
        .metric("peak_rss_mb", peak_rss_mb())
        .metric("base_rss_mb", base_rss)
        .metric("stories", stories as f64)
        .metric("copies", copies as f64)
        .metric("joined", joined as f64);
    report.notes.extend(curve);
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}
