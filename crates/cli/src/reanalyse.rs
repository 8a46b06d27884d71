//! `parallax reanalyse`: brings a store made by an older engine up to date from the raw bytes it
//! keeps.
//!
//! Every analysis carries the stamp of the engine that made it ([`ENGINE_VERSION`]: the crate's
//! version and a hash of the engine's source and data). When some analyses are stale, the whole
//! store is rebuilt beside the old one (`DIR.reanalysis`), article by article in stored order,
//! from each article's raw bytes: extraction, analysis, entity linking and stories are all the
//! new engine's, and the registry and the stories stay consistent with the analyses (redoing
//! analyses in place would leave entity counts and stories made by the old one). The old store
//! is only read. When the rebuild is complete the two directories are swapped and the old store
//! is kept as `DIR.before-reanalysis`.
//!
//! A kill loses nothing: the old store is untouched, the new one commits as it goes, and the next
//! run resumes where the last stopped (articles already rebuilt are skipped). A kill between the
//! two renames of the swap leaves `DIR` missing; the next `reanalyse` finishes the swap.

use crate::{out, safe, Global};
use anyhow::{bail, Context, Result};
use clap::Args;
use parallax_engine::entities::link::EngineLinker;
use parallax_engine::read::{read, ReadOptions};
use parallax_engine::stories::EngineAssigner;
use parallax_engine::ENGINE_VERSION;
use parallax_model::{ArticleId, Ingested, RawRecord, Store};
use parallax_store_sqlite::SqliteStore;
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

pub const REANALYSE_ABOUT: &str = "\
Bring a store made by an older Parallax up to date. Every analysis carries the stamp of the engine
that made it; when some are older than this build's, the store is rebuilt from the raw bytes it
keeps (extraction, analysis, entities and stories by this engine) in DIR.reanalysis beside it,
then swapped in; the old store stays as DIR.before-reanalysis until you remove it. The old store
is only read, the new one is committed as it goes: a killed reanalyse loses nothing and the next
one resumes. Documents that the new engine refuses are reported and left out.";

/// Options of `parallax reanalyse`.
#[derive(Debug, Args)]
pub struct ReanalyseArgs {
    /// No progress and no summary.
    #[arg(long, short)]
    quiet: bool,
    /// Rebuild even when every analysis is by this engine.
    #[arg(long)]
    force: bool,
}

/// Articles read, analysed and written at a time.
const WINDOW: usize = 64;

fn sibling(data: &Path, suffix: &str) -> PathBuf {
    let mut name = data.file_name().map(|n| n.to_os_string()).unwrap_or_else(|| "store".into());
    name.push(suffix);
    data.with_file_name(name)
}

/// `parallax reanalyse`.
pub fn run(global: &Global, args: &ReanalyseArgs) -> Result<ExitCode> {
    let data = &global.data;
    let target = sibling(data, ".reanalysis");
    let backup = sibling(data, ".before-reanalysis");
    if !data.exists() && target.exists() && backup.exists() {
        // A swap cut short between its two renames.
        std::fs::rename(&target, data).with_context(|| {
            format!("finishing the swap: {} → {}", target.display(), data.display())
        })?;
        if !args.quiet {
            eprintln!(
                "finished an interrupted swap: {} is up to date; the old store is {}",
                data.display(),
                backup.display()
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let old = SqliteStore::open_read_only(data)
        .with_context(|| format!("opening the store in {}", data.display()))?;
    let engines = old.engines().context("reading the analyses' engine stamps")?;
    let total: usize = engines.iter().map(|(_, n)| n).sum();
    let stale: usize = engines.iter().filter(|(e, _)| e != ENGINE_VERSION).map(|(_, n)| n).sum();
    if stale == 0 && !args.force {
        if global.json {
            out(&serde_json::json!({"articles": total, "stale": 0, "rebuilt": 0, "engine": ENGINE_VERSION}).to_string())?;
        } else if !args.quiet {
            eprintln!("all {total} analyses are by this engine ({ENGINE_VERSION}); nothing to do");
        }
        return Ok(ExitCode::SUCCESS);
    }
    if backup.exists() {
        bail!(
            "{} holds the store kept by an earlier reanalyse; remove it (or move it away) first",
            backup.display()
        );
    }
    let started = Instant::now();
    let mut ids: Vec<ArticleId> = Vec::with_capacity(total);
    old.scan(&mut |a| {
        ids.push(a.id.clone());
        std::ops::ControlFlow::Continue(())
    })
    .context("listing the stored articles")?;
    let mut new = SqliteStore::open(&target)
        .with_context(|| format!("opening the new store in {}", target.display()))?;
    let show_progress = !args.quiet && !global.json && std::io::stderr().is_terminal();
    let bar = crate::progress(
        Some(ids.len() as u64),
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} articles {msg}",
        show_progress,
    );
    let (linker, assigner) = (EngineLinker, EngineAssigner::default());
    let (mut rebuilt, mut resumed, mut failed) = (0usize, 0usize, Vec::<String>::new());
    for chunk in ids.chunks(WINDOW) {
        // Articles a killed run already rebuilt are skipped.
        let mut raws: Vec<RawRecord> = Vec::with_capacity(chunk.len());
        for id in chunk {
            if new.ids_with_prefix(&id.0, 1)?.first() == Some(id) {
                resumed += 1;
                continue;
            }
            match old.raw(id)? {
                Some(r) => raws.push(r),
                None => failed.push(format!("{}: no raw bytes stored", id.0)),
            }
        }
        let docs: Vec<Result<Ingested, String>> = raws.par_iter().map(redo).collect();
        let mut batch = Vec::with_capacity(docs.len());
        for d in docs {
            match d {
                Ok(doc) => batch.push(doc),
                Err(reason) => {
                    if !args.quiet && !global.json {
                        bar.suspend(|| eprintln!("error: {}", safe(&reason)));
                    }
                    failed.push(reason);
                }
            }
        }
        if !batch.is_empty() {
            new.put_batch_assigned(&batch, &linker, &assigner).context("writing the new store")?;
            rebuilt += batch.len();
        }
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    drop(new);
    drop(old);
    std::fs::rename(data, &backup)
        .with_context(|| format!("moving the old store to {}", backup.display()))?;
    std::fs::rename(&target, data)
        .with_context(|| format!("moving the new store to {}", data.display()))?;
    let seconds = started.elapsed().as_secs_f64();
    if global.json {
        out(&serde_json::json!({
            "articles": total, "stale": stale, "rebuilt": rebuilt, "resumed": resumed,
            "failed": failed.len(), "failures": failed, "engine": ENGINE_VERSION,
            "backup": backup.display().to_string(), "seconds": seconds,
        })
        .to_string())?;
    } else if !args.quiet {
        eprintln!(
            "{stale} of {total} analyses were by an older engine; rebuilt {} articles with {ENGINE_VERSION} in {seconds:.1} s ({} failed); the old store is {} (remove it when satisfied)",
            rebuilt + resumed,
            failed.len(),
            backup.display()
        );
    }
    Ok(if failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// One stored document read again from its raw bytes and processed by this engine.
fn redo(r: &RawRecord) -> Result<Ingested, String> {
    // The document was accepted once: no size limit refuses it now, and bytes read with
    // replacement characters then are read so again.
    let opts =
        ReadOptions { max_document: usize::MAX, max_container: usize::MAX, lossy_utf8: true };
    let mut docs: Vec<_> = read(&r.bytes, &r.source, &opts).into_iter().flatten().collect();
    let at = docs.iter().position(|d| d.bytes == r.bytes).or((docs.len() == 1).then_some(0));
    let Some(at) = at else {
        return Err(format!("{}: its stored bytes no longer read as one document", r.source));
    };
    let mut doc = docs.swap_remove(at);
    // The stored bytes are the document's own (a feed item is kept as its JSON record): they
    // name it, so the article keeps its id.
    doc.source.clone_from(&r.source);
    doc.bytes.clone_from(&r.bytes);
    parallax_engine::process(&doc).map_err(|e| format!("{}: {e}", r.source))
}
