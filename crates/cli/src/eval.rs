//! `parallax eval TASK`: measurements on data nobody on the team wrote.

use crate::{out, Global};
use anyhow::{bail, Result};
use clap::Args;
use parallax_eval::{EvalOptions, Report};
use std::path::PathBuf;
use std::process::ExitCode;

pub const LONG_ABOUT: &str = "\
Measure a stage of the engine and print its scores, one line per dataset (with --json, one JSON
object per line: {\"task\",\"dataset\",\"n\", metrics..., \"seconds\"}).

Tasks and their datasets (folders of ../shared/data):
  seeds     the document-level items of ../shared/gold/seeds.json
  extract   article-extraction-benchmark (token F1, pages/s), trafilatura-eval (snippets)
  plaintext bsnlp (ru/uk), article-extraction-benchmark (en): real bodies written as plain-text
            files (title line, blank line, paragraphs), clean and with an advertising line after
            every third paragraph; the share of articles losing more than a tenth of their body
            words, and of titles found. For the benchmark also each whole page's visible text
            (navigation and footers included, as a copy of the page gives it): the lost share,
            word precision, and the share of pages keeping more than a tenth of words not the
            article's
  lang      bsnlp (ru/uk documents), itn-corpus (en/ru/uk blurbs)
  fuzz      the team's own inputs (examples/, the engine's fixtures; --path gives the repository
            root), mutated (bit flips, cuts, splices, control and multi-byte characters, long
            lines) and run through read, extract, segment, time and the whole analysis:
            executions, crashes (a panic or a span off the text) and executions per second;
            --limit N executions (20,000 by default). Needs no ../shared data
  ner       ner-uk (uk test split), factrueval-2016 (ru testset), nerel (ru test): mention P/R/F1
  entities  bsnlp (cross-lingual identity, pairwise), itn-corpus (blurb subjects, pairwise)
  dates     fixtures (the team's en/uk/ru/es/de cases), seeds (timeline and quantities of
            seeds.json), nerel (ru test: DATE/MONEY/PERCENT mention overlap)
  stories   bsnlp (topic folders as stories, ru and uk mixed: BCubed P/R/F1, language split
            rate), itn-corpus (en/ru/uk blurbs: pairwise P/R/F1 of same-subject pairs within 7
            days, all and cross-lingual), ruwa-russia-ukraine-war-news (English headlines against
            coarse event tags), synthetic-1m (only when asked for with --dataset: a million-article
            stream replayed from the three, throughput and peak memory; --limit N sets its length)
  ask       scale (only when asked for with --dataset scale: a store of 100,000 articles
            replayed from the story datasets, --limit N sets its size, --path DIR keeps it for the
            next run; ingest docs/s, index size and cost, ask and search latency p50/p95 over
            the questions of ../shared/gold/questions-dev.json). Answer quality on that question
            set is measured by ../shared/tools/ask_check.py
  quotes    polnear (en test split: source/cue/content span P/R/F1, exact and overlap),
            quotes-ru-cs-adaq (ru sentences: token P/R/F1 per role), ruopinionne-2024 (ru:
            opinion holders found as speakers)

The data is looked for in ../shared beside the project (or PARALLAX_SHARED, or --shared).
--dataset runs one dataset; --path reads another copy of it in the same format.";

const TASKS: &[(&str, &str)] = &[
    ("seeds", "seeds"),
    ("extract", "article-extraction-benchmark, trafilatura-eval"),
    ("plaintext", "bsnlp, article-extraction-benchmark"),
    ("lang", "bsnlp, itn-corpus"),
    ("fuzz", "team corpus"),
    ("ner", "ner-uk, factrueval-2016, nerel"),
    ("entities", "bsnlp, itn-corpus"),
    ("dates", "fixtures, seeds, nerel"),
    ("stories", "bsnlp, itn-corpus, ruwa-russia-ukraine-war-news, synthetic-1m"),
    ("quotes", "polnear, quotes-ru-cs-adaq, ruopinionne-2024"),
    ("ask", "scale"),
];

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// What to measure: seeds, extract, plaintext, fuzz, lang, ner, entities, dates, stories, quotes, ask.
    task: String,
    /// Run only this dataset (its folder name under ../shared/data).
    #[arg(long, value_name = "NAME")]
    dataset: Option<String>,
    /// Read the dataset from here instead (another copy in the same format, e.g. a held-out split).
    #[arg(long, value_name = "PATH")]
    path: Option<PathBuf>,
    /// Score at most N items per dataset (a quick run).
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// The shared folder holding data/, gold/ and corpus/ [default: ../shared, found upwards].
    #[arg(long, env = "PARALLAX_SHARED", value_name = "DIR")]
    shared: Option<PathBuf>,
    /// stories: ingest every article with its publication date removed (as a folder of undated
    /// plain-text files would be), reported as dataset "NAME (no dates)".
    #[arg(long)]
    no_dates: bool,
    /// Print every note (failures, worst items), not just the first twenty.
    #[arg(long, short)]
    verbose: bool,
}

pub fn run(global: &Global, args: &EvalArgs) -> Result<ExitCode> {
    let Some((_, datasets)) = TASKS.iter().find(|(t, _)| *t == args.task) else {
        return Err(crate::usage(format!(
            "unknown eval task {:?}; available: {}",
            args.task,
            TASKS.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(", ")
        )));
    };
    if args.task == "ask" && args.dataset.is_none() {
        return Err(crate::usage("eval ask measures speed on a large store: run `parallax eval ask --dataset scale` (it builds 100,000 articles; --limit N for fewer, --path DIR to keep the store); answer quality is measured by ../shared/tools/ask_check.py"));
    }
    if let Some(d) = &args.dataset {
        if !datasets.split(", ").any(|k| k == d) {
            return Err(crate::usage(format!(
                "task {} has no dataset {d:?}; its datasets: {datasets}",
                args.task
            )));
        }
    }
    let shared = match args.shared.clone().or_else(parallax_eval::locate_shared) {
        Some(s) => s,
        None if args.task == "fuzz" => PathBuf::new(),
        None => bail!("cannot find the shared data folder: put ../shared beside the project, or pass --shared DIR"),
    };
    let opts = EvalOptions {
        shared,
        dataset: args.dataset.clone(),
        path: args.path.clone(),
        limit: args.limit,
        no_dates: args.no_dates,
    };
    if args.no_dates && args.task != "stories" {
        return Err(crate::usage("--no-dates applies to eval stories only"));
    }
    let reports = match args.task.as_str() {
        "seeds" => parallax_eval::seeds::run(&opts)?,
        "extract" => parallax_eval::extract::run(&opts)?,
        "plaintext" => parallax_eval::plaintext::run(&opts)?,
        "fuzz" => parallax_eval::fuzz::run(&opts)?,
        "lang" => parallax_eval::lang::run(&opts)?,
        "ner" => parallax_eval::ner::run(&opts)?,
        "entities" => parallax_eval::entities::run(&opts)?,
        "dates" => parallax_eval::dates::run(&opts)?,
        "quotes" => parallax_eval::quotes::run(&opts)?,
        "stories" => parallax_eval::stories::run(&opts)?,
        "ask" => parallax_eval::ask::run(&opts)?,
        _ => unreachable!("task list and dispatch agree"),
    };
    for r in &reports {
        print_report(r, global.json, args.verbose)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(r: &Report, json: bool, verbose: bool) -> Result<()> {
    if json {
        return out(&serde_json::to_string(r)?);
    }
    let metrics: Vec<String> = r
        .metrics
        .iter()
        .map(|(k, v)| {
            if v.fract() == 0.0 && v.abs() < 1e9 {
                format!("{k} {v:.0}")
            } else {
                format!("{k} {v:.4}")
            }
        })
        .collect();
    out(&format!(
        "{} / {}: n {} · {} · {:.2} s",
        r.task,
        r.dataset,
        r.n,
        metrics.join(" · "),
        r.seconds
    ))?;
    let shown = if verbose { r.notes.len() } else { r.notes.len().min(20) };
    for n in &r.notes[..shown] {
        out(&format!("  {n}"))?;
    }
    if shown < r.notes.len() {
        out(&format!("  ... {} more notes (--verbose shows them)", r.notes.len() - shown))?;
    }
    Ok(())
}
