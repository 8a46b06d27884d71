//! `parallax entities`: the corpus's people, organisations, countries and places, one identity
//! each across scripts and cases.

use crate::show::{clip, open};
use crate::{out, Global};
use anyhow::Result;
use clap::Args;
use parallax_model::{EntityRecord, Store};
use serde_json::{json, Value};
use std::ops::ControlFlow;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Only this type: person, organization, country, place, event, equipment, other.
    #[arg(long = "type", value_name = "TYPE")]
    kind: Option<String>,
    /// Only entities so named, in any script and grammatical case ("lavrov" finds "Сергея
    /// Лаврова"), or whose names contain this (case-insensitive).
    #[arg(long, value_name = "TEXT")]
    name: Option<String>,
    /// At most this many entities, most mentioned first [default: 50 in text, all with --json];
    /// the list says how many more there are.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

/// The contract's view of an entity.
pub fn entity_view(e: &EntityRecord, articles: &[String]) -> Value {
    let mut names: Vec<&parallax_model::NameCount> = e.names.iter().collect();
    names.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    json!({
        "id": e.id,
        "canonical": e.canonical,
        "type": e.kind,
        "affiliation": e.affiliation.as_deref().map(parallax_engine::entities::country_name),
        "names": names.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(),
        "articles": articles,
        "kb": e.kb,
    })
}

pub fn run(global: &Global, args: &EntitiesArgs) -> Result<ExitCode> {
    let store = open(global)?;
    let needle = args.name.as_deref();
    let budget = args.limit.is_none() && !global.json;
    let limit = args.limit.unwrap_or(if global.json { usize::MAX } else { LISTED });
    let mut rows: Vec<EntityRecord> = vec![];
    let mut hidden = 0usize;
    let mut any = false;
    store.scan_entities(&mut |e| {
        any = true;
        if args.kind.as_deref().is_some_and(|k| k != e.kind.as_str()) {
            return ControlFlow::Continue(());
        }
        if let Some(n) = needle {
            let names = std::iter::once(e.canonical.as_str())
                .chain(e.names.iter().map(|x| x.name.as_str()));
            if !parallax_engine::entities::names::matches_query(n, names) {
                return ControlFlow::Continue(());
            }
        }
        if rows.len() >= limit {
            if budget {
                // Counted for the "and N more" line of the default budget.
                hidden += 1;
                return ControlFlow::Continue(());
            }
            return ControlFlow::Break(());
        }
        rows.push(e.clone());
        ControlFlow::Continue(())
    })?;
    if global.json {
        for e in &rows {
            let articles: Vec<String> =
                store.entity_articles(&e.id)?.into_iter().map(|a| a.0).collect();
            out(&serde_json::to_string(&entity_view(e, &articles))?)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        let what = match (args.name.as_deref(), args.kind.as_deref()) {
            (Some(n), Some(k)) => format!(
                " the name \"{}\" (in any script or grammatical case) of type {}",
                crate::safe(n),
                crate::safe(k)
            ),
            (Some(n), None) => {
                format!(" the name \"{}\" in any script or grammatical case", crate::safe(n))
            }
            (None, Some(k)) => format!(" the type {}", crate::safe(k)),
            (None, None) => String::new(),
        };
        if any {
            eprintln!("no entities match{what}");
        } else {
            eprintln!("no entities (ingest some articles first)");
        }
        return Ok(ExitCode::SUCCESS);
    }
    out(&format!(
        "{:<14} {:<12} {:>4}  {:<28} {:<14} {}",
        "ID", "TYPE", "ARTS", "CANONICAL", "AFFILIATION", "NAMES"
    ))?;
    for e in &rows {
        let mut names: Vec<&parallax_model::NameCount> = e.names.iter().collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.count));
        let names: Vec<&str> = names.iter().take(5).map(|n| n.name.as_str()).collect();
        out(&format!(
            "{:<14} {:<12} {:>4}  {:<28} {:<14} {}",
            e.id,
            e.kind.as_str(),
            e.articles,
            clip(&e.canonical, 28),
            clip(e.affiliation.as_deref().map_or("-", parallax_engine::entities::country_name), 14),
            clip(&names.join(" · "), 60)
        ))?;
    }
    if hidden > 0 {
        out(&format!("  … and {hidden} more entities (--limit N shows more)"))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Entities a text list shows when `--limit` is not given.
const LISTED: usize = 50;
