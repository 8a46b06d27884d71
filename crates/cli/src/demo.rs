//! `parallax demo`: the bundled example corpus, ingested and summarised.

use crate::show::{article_view, print_table};
use crate::{out, Global};
use anyhow::{Context, Result};
use clap::Args;
use parallax_model::{Article, Store, Story};
use parallax_store_sqlite::SqliteStore;
use serde_json::json;
use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

include!(concat!(env!("OUT_DIR"), "/demo_files.rs"));

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Keep the demo store in DIR (then explore it with `parallax --data DIR ...`) instead of a
    /// temporary directory.
    #[arg(long, value_name = "DIR")]
    keep: Option<PathBuf>,
}

pub fn run(global: &Global, args: &DemoArgs) -> Result<ExitCode> {
    let temp = tempfile::tempdir().context("creating a temporary directory")?;
    let dir = args.keep.clone().unwrap_or_else(|| temp.path().to_path_buf());
    let mut store =
        SqliteStore::open(&dir).with_context(|| format!("opening a store in {}", dir.display()))?;
    let (stored, failures) = crate::ingest::ingest_bytes(&mut store, DEMO_FILES)?;
    let mut articles: Vec<Article> = Vec::new();
    store.scan(&mut |a| {
        articles.push(a.clone());
        ControlFlow::Continue(())
    })?;
    let mut stories: Vec<Story> = Vec::new();
    store.stories(&mut |s| {
        stories.push(s.clone());
        ControlFlow::Continue(())
    })?;
    let mut encodings: BTreeMap<String, usize> = BTreeMap::new();
    for a in &articles {
        if let Some(raw) = store.raw(&a.id)? {
            *encodings.entry(raw.encoding).or_default() += 1;
        }
    }
    if global.json {
        let failures: Vec<_> =
            failures.iter().map(|f| json!({"source": f.input, "reason": f.reason})).collect();
        out(&serde_json::to_string(&json!({
            "files": DEMO_FILES.len(),
            "stored": stored,
            "articles": articles.iter().map(article_view).collect::<Vec<_>>(),
            "stories": stories.iter().map(crate::stories::story_view).collect::<Vec<_>>(),
            "failures": failures,
        }))?)?;
        return Ok(ExitCode::SUCCESS);
    }
    out(&format!(
        "Parallax demo: {} example files → {} articles stored{}",
        DEMO_FILES.len(),
        stored,
        if failures.is_empty() { String::new() } else { format!(", {} failed", failures.len()) }
    ))?;
    out("")?;
    print_table(&articles)?;
    out("")?;
    let tally = |f: &dyn Fn(&Article) -> Vec<String>| -> String {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for a in &articles {
            for k in f(a) {
                *counts.entry(k).or_default() += 1;
            }
        }
        let mut v: Vec<_> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ")
    };
    out(&format!(
        "Languages:  {}",
        tally(&|a| vec![a.language.map_or("unknown", |l| l.name()).to_string()])
    ))?;
    out(&format!("Kinds:      {}", tally(&|a| vec![a.kind.as_str().to_string()])))?;
    out(&format!("Outlets:    {}", tally(&|a| a.outlet.iter().cloned().collect())))?;
    out(&format!("Formats:    {}", tally(&|a| vec![format!("{:?}", a.format).to_lowercase()])))?;
    out(&format!(
        "Encodings:  {}",
        encodings.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ")
    ))?;
    out(&format!(
        "Removed:    {} pieces of page furniture ({})",
        articles.iter().map(|a| a.furniture.len()).sum::<usize>(),
        tally(&|a| a.furniture.iter().map(|f| format!("{:?}", f.kind).to_lowercase()).collect())
    ))?;
    let datelines: Vec<String> =
        articles.iter().filter_map(|a| a.dateline.as_ref().map(|d| d.text.clone())).collect();
    if !datelines.is_empty() {
        out(&format!("Datelines:  {}", datelines.join(" · ")))?;
    }
    for f in &failures {
        out(&format!("Failed:     {}: {}", f.input, f.reason))?;
    }
    out("")?;
    let copies: usize = stories.iter().map(|s| s.articles.len() - s.distinct()).sum();
    out(&format!(
        "Stories: {} (the same event across languages and outlets is one story; {} reprinted cop{} counted once)",
        stories.len(),
        copies,
        if copies == 1 { "y" } else { "ies" }
    ))?;
    out("")?;
    crate::stories::print_list(&stories)?;
    out("")?;
    match &args.keep {
        Some(d) => out(&format!(
            "The store is kept in {0}: try `parallax --data {0} show {1}` or `parallax --data {0} story {2}`.",
            d.display(),
            articles.first().map_or("ID", |a| a.id.as_str()),
            stories.first().map_or("ID", |s| s.id.as_str())
        ))?,
        None => out("Keep the store with `parallax demo --keep DIR`, or store your own with `parallax ingest PATH`.")?,
    }
    Ok(ExitCode::SUCCESS)
}
