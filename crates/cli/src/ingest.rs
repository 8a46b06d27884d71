//! `parallax ingest`: inputs in, articles stored.
//!
//! Inputs are read and processed in parallel (the engine is pure), and stored by one writer in
//! small transactions, so that a killed ingest leaves every committed article whole and nothing
//! half-written; running it again stores only what is missing. A bad input is reported with its
//! name and reason and the run goes on.
//!
//! Each stored article is assigned to a story in the same transaction (after entity linking), so
//! a killed ingest never leaves an article without its story. Articles stored before the store
//! knew stories are assigned at the end of the run, in stored order.

use crate::{out, safe, Global};
use anyhow::{Context, Result};
use clap::Args;
use indicatif::ProgressBar;
use parallax_engine::entities::link::EngineLinker;
use parallax_engine::read::{read, ReadFailure, ReadOptions};
use parallax_engine::stories::EngineAssigner;
use parallax_model::{ArticleId, Ingested, PutOutcome, Store, StoryId};
use parallax_store_sqlite::SqliteStore;
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub const LONG_ABOUT: &str = "\
Read articles into the store. Each PATH may be a file, a folder (read recursively; hidden files
are skipped) or - for stdin. Accepted: plain-text pages, HTML pages, JSON and JSON Lines records
(fields such as url, title, text or html, published, outlet, language; other fields are kept),
RSS 2.0 and Atom feeds (one article per item), and gzip of any of these. Encodings are detected
(UTF-8, UTF-16, windows-1251, KOI8-R, ISO-8859-x...).

Articles already stored (the same bytes, or the same text from another input) are counted as
duplicates, so running an ingest twice stores nothing new. Inputs that cannot be read are named
on stderr with the reason, and the exit code is 1; the others are stored anyway.

Every new article joins a story (the articles that tell one event, across languages and
outlets) or founds one, as it is stored; a reprint of a stored article is kept as a copy of it.
See them with `parallax stories` and `parallax story ID`.";

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files, folders or - (stdin).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The largest single page accepted, in MiB.
    #[arg(long, default_value_t = 16, value_name = "MIB")]
    max_doc_mib: usize,
    /// The largest input file (a feed, a JSON dump, a gzip's content) accepted, in MiB.
    #[arg(long, default_value_t = 512, value_name = "MIB")]
    max_file_mib: usize,
    /// Read damaged UTF-8 with replacement characters instead of refusing the input.
    #[arg(long)]
    lossy: bool,
    /// No progress bar and no summary (errors are still printed).
    #[arg(long, short)]
    quiet: bool,
}

/// One input to read.
#[derive(Debug, Clone)]
enum Input {
    Stdin,
    File(PathBuf),
    /// A path that could not be listed or does not exist.
    Missing(PathBuf, String),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(p) | Input::Missing(p, _) => p.display().to_string(),
        }
    }
}

/// The outcome of one document.
enum Item {
    Ready(Box<Ingested>),
    Failed(ReadFailure),
    /// The last document of an input has gone before this (for the progress bar).
    InputDone,
}

/// What the reader hands the analysis: a document, a failure, or the end of an input.
enum Unit {
    Doc(Box<Result<parallax_model::RawDoc, ReadFailure>>),
    InputDone,
}

/// Documents analysed (in parallel) and handed to the writer at a time. Each such window is at
/// most one transaction, so a long input (a JSON Lines dump of 100,000 records) is committed as
/// it goes and a killed ingest keeps every committed window.
const WINDOW: usize = 64;

#[derive(Debug, Default, serde::Serialize)]
struct Summary {
    inputs: usize,
    stored: usize,
    duplicates: usize,
    failed: usize,
    /// Distinct stories holding the articles stored by this run.
    stories: usize,
    /// Of those, the stories this run founded.
    new_stories: usize,
    /// Articles stored by an earlier run without a story, assigned one by this run.
    assigned_earlier: usize,
    seconds: f64,
    stored_ids: Vec<String>,
    duplicate_of: Vec<DuplicateNote>,
    failures: Vec<FailureNote>,
}

#[derive(Debug, serde::Serialize)]
struct DuplicateNote {
    source: String,
    of: String,
}

#[derive(Debug, serde::Serialize)]
struct FailureNote {
    source: String,
    reason: String,
}

pub fn run(global: &Global, args: &IngestArgs) -> Result<ExitCode> {
    let mut store = SqliteStore::open(&global.data)
        .with_context(|| format!("opening the store in {}", global.data.display()))?;
    let limits = ReadOptions {
        max_document: args.max_doc_mib << 20,
        max_container: args.max_file_mib << 20,
        lossy_utf8: args.lossy,
    };
    let inputs = expand(&args.paths);
    let show_progress = !args.quiet && !global.json && std::io::stderr().is_terminal();
    let summary = ingest(&mut store, inputs, &limits, show_progress, !global.json)?;
    if global.json {
        out(&serde_json::to_string(&summary)?)?;
    } else if !args.quiet {
        eprintln!(
            "{} input{}: {} new, {} duplicate{}, {} failed in {:.1} s → {}",
            summary.inputs,
            if summary.inputs == 1 { "" } else { "s" },
            summary.stored,
            summary.duplicates,
            if summary.duplicates == 1 { "" } else { "s" },
            summary.failed,
            summary.seconds,
            global.data.display()
        );
        if summary.stored > 0 {
            eprintln!(
                "stories: the new articles are in {} stor{} ({} new){}; list them with `parallax stories`",
                summary.stories,
                if summary.stories == 1 { "y" } else { "ies" },
                summary.new_stories,
                if summary.assigned_earlier > 0 {
                    format!("; {} earlier articles assigned", summary.assigned_earlier)
                } else {
                    String::new()
                }
            );
        }
        // Articles an older build analysed stay as it read them until the store is rebuilt.
        let stale: usize = store
            .engines()
            .unwrap_or_default()
            .iter()
            .filter(|(e, _)| e != parallax_engine::ENGINE_VERSION)
            .map(|(_, n)| n)
            .sum();
        if stale > 0 {
            eprintln!(
                "note: {stale} stored article{} {} analysed by an older Parallax; `parallax reanalyse` brings {} up to date",
                if stale == 1 { "" } else { "s" },
                if stale == 1 { "was" } else { "were" },
                if stale == 1 { "it" } else { "them" },
            );
        }
    }
    Ok(if summary.failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Ingests `inputs` into `store`, printing each failure to stderr as it happens when
/// `print_failures`.
fn ingest(
    store: &mut dyn Store,
    inputs: Vec<Input>,
    limits: &ReadOptions,
    show_progress: bool,
    print_failures: bool,
) -> Result<Summary> {
    let started = Instant::now();
    let mut summary = Summary { inputs: inputs.len(), ..Default::default() };
    let bar = crate::progress(
        Some(inputs.len() as u64),
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} inputs {msg}",
        show_progress,
    );

    let assigner = EngineAssigner::default();
    let (tx, rx) = mpsc::sync_channel::<Vec<Item>>(8);
    let limits = *limits;
    // Inputs are read in parallel a few at a time, their documents analysed in parallel a window
    // at a time, and everything is written in input order, so that the same inputs give the same
    // store (story assignment and entity linking are online: their result depends on the order
    // articles arrive in).
    let worker = std::thread::spawn(move || {
        for chunk in groups(&inputs, &limits) {
            // A large JSON Lines input alone in its group is read as a stream, a window of
            // records at a time; everything else is read whole, a few inputs in parallel.
            let streamed = match chunk {
                [Input::File(path)] if is_big(path, &limits) => {
                    let name = Input::File(path.clone()).name();
                    parallax_engine::read::stream(path, &name, &limits).map(|docs| {
                        Box::new(
                            docs.map(|d| Unit::Doc(Box::new(d)))
                                .chain(std::iter::once(Unit::InputDone)),
                        ) as Box<dyn Iterator<Item = Unit> + Send>
                    })
                }
                _ => None,
            };
            let mut units: std::iter::Peekable<Box<dyn Iterator<Item = Unit> + Send>> =
                match streamed {
                    Some(units) => units.peekable(),
                    None => {
                        let read: Vec<Vec<Unit>> =
                            chunk.par_iter().map(|input| read_units(input, &limits)).collect();
                        (Box::new(read.into_iter().flatten())
                            as Box<dyn Iterator<Item = Unit> + Send>)
                            .peekable()
                    }
                };
            while units.peek().is_some() {
                let window: Vec<Unit> = units.by_ref().take(WINDOW).collect();
                let items: Vec<Item> = window.into_par_iter().map(analyse).collect();
                // A closed channel means the writer failed; its error is reported there.
                if tx.send(items).is_err() {
                    return;
                }
            }
        }
    });

    let mut batch: Vec<Ingested> = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    let mut last_flush = Instant::now();
    let report = |summary: &mut Summary, bar: &ProgressBar, f: ReadFailure| {
        if print_failures {
            bar.suspend(|| eprintln!("error: {}: {}", safe(&f.input), safe(&f.reason)));
        }
        summary.failed += 1;
        summary.failures.push(FailureNote { source: f.input, reason: f.reason });
    };
    for items in rx {
        for item in items {
            match item {
                Item::Ready(doc) => {
                    sources.push(doc.article.source.clone());
                    batch.push(*doc);
                }
                Item::Failed(f) => report(&mut summary, &bar, f),
                Item::InputDone => bar.inc(1),
            }
        }
        if batch.len() >= WINDOW
            || (!batch.is_empty() && last_flush.elapsed() > Duration::from_millis(250))
        {
            flush(store, &assigner, &mut batch, &mut sources, &mut summary)?;
            bar.set_message(format!(
                "{} new, {} duplicates, {} failed",
                summary.stored, summary.duplicates, summary.failed
            ));
            last_flush = Instant::now();
        }
    }
    flush(store, &assigner, &mut batch, &mut sources, &mut summary)?;
    let _ = worker.join();
    bar.finish_and_clear();
    summary.assigned_earlier = assign_pending(store, &assigner, show_progress)?;
    crate::search::catch_up(store);
    let (stories, new_stories) = count_stories(store, &summary.stored_ids)?;
    summary.stories = stories;
    summary.new_stories = new_stories;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

pub const RESTORY_ABOUT: &str = "\
Rebuild every story from the stored articles, in publication-date order (undated articles last).
Stories are assigned online as articles arrive, so the same articles ingested in another order
can group a little differently; restory gives the order-independent grouping of the articles as
they are dated. Articles, their analyses and entities are kept; only the stories are rebuilt (a
killed restory leaves articles without a story, which the next ingest or restory assigns).";

/// Options of `parallax restory`.
#[derive(Debug, Args)]
pub struct RestoryArgs {
    /// No progress and no summary.
    #[arg(long, short)]
    quiet: bool,
}

/// `parallax restory`: forgets the stories and assigns every article again in date order.
pub fn restory(global: &Global, args: &RestoryArgs) -> Result<ExitCode> {
    let mut store = SqliteStore::open_existing(&global.data)
        .with_context(|| format!("opening the store in {}", global.data.display()))?;
    let started = Instant::now();
    let show_progress = !args.quiet && !global.json && std::io::stderr().is_terminal();
    store.reset_stories().context("clearing the stories")?;
    let assigned = assign_pending(&mut store, &EngineAssigner::default(), show_progress)?;
    let mut stories = 0usize;
    store.stories(&mut |_| {
        stories += 1;
        std::ops::ControlFlow::Continue(())
    })?;
    let seconds = started.elapsed().as_secs_f64();
    if global.json {
        out(&serde_json::json!({"articles": assigned, "stories": stories, "seconds": seconds})
            .to_string())?;
    } else if !args.quiet {
        eprintln!(
            "{assigned} articles in {stories} stories, rebuilt in date order in {seconds:.1} s; list them with `parallax stories`"
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Assigns a story to every stored article that has none (stored by a build that did not know
/// stories), in stored order and in small transactions. Returns how many were assigned.
fn assign_pending(
    store: &mut dyn Store,
    assigner: &EngineAssigner,
    show_progress: bool,
) -> Result<usize> {
    let bar = crate::progress(None, "{spinner} [{elapsed_precise}] {msg}", show_progress);
    let mut total = 0;
    // Every call assigns what it returns; the bound only guards against a backend that does not.
    let most = store.count()?;
    loop {
        let n = store.assign_pending(assigner, 256).context("assigning stories")?;
        if n == 0 || total + n > most {
            break;
        }
        total += n;
        bar.set_message(format!("assigned stories to {total} articles"));
    }
    bar.finish_and_clear();
    Ok(total)
}

/// How many distinct stories hold `ids`, and how many of them one of `ids` founded.
fn count_stories(store: &dyn Store, ids: &[String]) -> Result<(usize, usize)> {
    let founders: HashSet<StoryId> =
        ids.iter().map(|i| StoryId::founded_by(&ArticleId(i.clone()))).collect();
    let mut stories: HashSet<StoryId> = HashSet::new();
    for id in ids {
        if let Some(s) = store.story_of(&ArticleId(id.clone()))? {
            stories.insert(s);
        }
    }
    let new = stories.iter().filter(|s| founders.contains(*s)).count();
    Ok((stories.len(), new))
}

fn flush(
    store: &mut dyn Store,
    assigner: &EngineAssigner,
    batch: &mut Vec<Ingested>,
    sources: &mut Vec<String>,
    summary: &mut Summary,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let outcomes =
        store.put_batch_assigned(batch, &EngineLinker, assigner).context("writing to the store")?;
    for (outcome, source) in outcomes.into_iter().zip(sources.drain(..)) {
        match outcome {
            PutOutcome::Stored(id) => {
                summary.stored += 1;
                summary.stored_ids.push(id.0);
            }
            PutOutcome::Duplicate { of } => {
                summary.duplicates += 1;
                summary.duplicate_of.push(DuplicateNote { source, of: of.0 });
            }
        }
    }
    batch.clear();
    Ok(())
}

/// Inputs read in parallel at a time.
const PARALLEL_READS: usize = 8;

/// The inputs in groups read in parallel: up to [`PARALLEL_READS`] small files together, and
/// each large or compressed input (or stdin) alone, so that the memory held by inputs being read
/// stays within about two inputs' allowance (`--max-file-mib`) for the whole process, whatever
/// the number of jobs: eight gzip bombs are expanded one after another, not all at once.
fn groups<'a>(inputs: &'a [Input], limits: &ReadOptions) -> Vec<&'a [Input]> {
    let big = |input: &Input| match input {
        Input::Stdin => true,
        Input::Missing(..) => false,
        Input::File(p) => is_big(p, limits),
    };
    let mut out = vec![];
    let mut start = 0;
    for (i, input) in inputs.iter().enumerate() {
        if big(input) {
            if start < i {
                out.push(&inputs[start..i]);
            }
            out.push(&inputs[i..=i]);
            start = i + 1;
        } else if i + 1 - start == PARALLEL_READS {
            out.push(&inputs[start..=i]);
            start = i + 1;
        }
    }
    if start < inputs.len() {
        out.push(&inputs[start..]);
    }
    out
}

/// Whether a file is read alone (and, when it is JSON Lines, as a stream): larger than its share
/// of the parallel reads' allowance, or compressed.
fn is_big(path: &Path, limits: &ReadOptions) -> bool {
    let large = std::fs::metadata(path)
        .is_ok_and(|m| m.len() as usize > limits.max_container / PARALLEL_READS);
    let mut magic = [0u8; 2];
    let gzip = std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok_and(|()| magic == [0x1f, 0x8b]);
    large || gzip
}

/// Reads one input into its documents (or its failure), followed by the end mark.
fn read_units(input: &Input, limits: &ReadOptions) -> Vec<Unit> {
    let mut units: Vec<Unit> = match read_input(input, limits) {
        Ok(bytes) => read(&bytes, &input.name(), limits)
            .into_iter()
            .map(|d| Unit::Doc(Box::new(d)))
            .collect(),
        Err(reason) => vec![Unit::Doc(Box::new(Err(ReadFailure::new(input.name(), reason))))],
    };
    units.push(Unit::InputDone);
    units
}

/// Extracts and analyses one document.
fn analyse(unit: Unit) -> Item {
    match unit {
        Unit::Doc(doc) => match *doc {
            Ok(raw) => match parallax_engine::process(&raw) {
                Ok(ingested) => Item::Ready(Box::new(ingested)),
                Err(e) => Item::Failed(ReadFailure::new(raw.source, e.to_string())),
            },
            Err(f) => Item::Failed(f),
        },
        Unit::InputDone => Item::InputDone,
    }
}

fn read_input(input: &Input, limits: &ReadOptions) -> Result<Vec<u8>, String> {
    match input {
        Input::Missing(_, reason) => Err(reason.clone()),
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .take(limits.max_container as u64 + 1)
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
            Ok(buf)
        }
        Input::File(path) => {
            let meta = std::fs::metadata(path).map_err(|e| describe_io(&e))?;
            if meta.len() > limits.max_container as u64 {
                return Err(format!(
                    "too large: {:.1} MiB, more than the {} MiB allowed for an input (see --max-file-mib)",
                    meta.len() as f64 / f64::from(1u32 << 20),
                    limits.max_container >> 20
                ));
            }
            std::fs::read(path).map_err(|e| describe_io(&e))
        }
    }
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Expands folders (recursively, in name order, skipping hidden entries) into their files.
fn expand(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            let walker = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()));
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() => out.push(Input::File(e.into_path())),
                    Ok(_) => {}
                    Err(e) => {
                        let path = e.path().map_or_else(|| p.clone(), Path::to_path_buf);
                        out.push(Input::Missing(path, format!("cannot list: {e}")));
                    }
                }
            }
        } else if p.exists() {
            out.push(Input::File(p.clone()));
        } else {
            out.push(Input::Missing(p.clone(), "no such file or directory".into()));
        }
    }
    out
}

fn is_hidden(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

/// Ingests already-read documents into `store` (the demo's path), assigning stories: returns
/// stored and failed counts.
pub fn ingest_bytes(
    store: &mut dyn Store,
    files: &[(&str, &[u8])],
) -> Result<(usize, Vec<ReadFailure>)> {
    let limits = ReadOptions::default();
    let items: Vec<Item> = files
        .par_iter()
        .flat_map_iter(|(name, bytes)| {
            read(bytes, name, &limits).into_iter().map(|d| Unit::Doc(Box::new(d)))
        })
        .map(analyse)
        .collect();
    let mut docs = Vec::new();
    let mut failures = Vec::new();
    for item in items {
        match item {
            Item::Ready(d) => docs.push(*d),
            Item::Failed(f) => failures.push(f),
            Item::InputDone => {}
        }
    }
    let stored = store
        .put_batch_assigned(&docs, &EngineLinker, &EngineAssigner::default())?
        .iter()
        .filter(|o| matches!(o, PutOutcome::Stored(_)))
        .count();
    Ok((stored, failures))
}
