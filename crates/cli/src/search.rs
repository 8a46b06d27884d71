//! `parallax search QUERY`: keyword search over the full-text index, with filters and snippets.

use crate::ask::{FilterArgs, REFUSED};
use crate::show::open;
use crate::{out, Global};
use anyhow::{bail, Result};
use clap::Args;
use parallax_engine::ask::find;
use parallax_engine::search::EngineIndexer;
use parallax_model::{EntityId, Store};
use std::process::ExitCode;

pub const LONG_ABOUT: &str = "\
Find the articles that hold every word and name of a query, best first (BM25 over the
full-text index), each with its matching sentences and the matched words marked.

Words match in any inflected form (stems per language) and, through the lexicon of news words,
in English, Ukrainian, Russian, German and Spanish: `resignation` also finds отставка and
відставка. Names match in any script and grammatical case (Zakharova, Захарова, Захаровой)
through the entity registry. Every part of the query must be in an article.";

const AFTER_HELP: &str = "\
Examples:
  parallax search \"Nord Stream sanctions\"
  parallax search \"отставка Джонсона\" --lang ru,uk --since 2018-07
  parallax search strike --outlet \"Kyiv Post\" --json | jq .article
  parallax search radars --entity e93ec12973065 --story s3f2a

In the terminal the matched words are shown between [brackets]. Exit codes: 0 when something
was found, 3 when nothing was, 1 on errors, 2 on usage errors.";

#[derive(Debug, Args)]
#[command(long_about = LONG_ABOUT, after_help = AFTER_HELP)]
pub struct SearchArgs {
    /// Words and names to find (all of them).
    query: String,
    #[command(flatten)]
    filter: FilterArgs,
    /// Only articles of this story (any unique id prefix).
    #[arg(long, value_name = "ID")]
    story: Option<String>,
    /// Only articles that name this entity (its id, or a name any article used).
    #[arg(long, value_name = "ID|NAME")]
    entity: Option<String>,
    /// At most this many articles.
    #[arg(long, value_name = "N", default_value_t = 20)]
    limit: usize,
}

/// Indexes the articles a store holds from before it had a full-text index (a store made by an
/// older Parallax), so that search and ask see them. A store that cannot be written is read as
/// it is.
pub fn catch_up(store: &mut dyn Store) {
    loop {
        match store.index_pending(&EngineIndexer, 512) {
            Ok(0) => break,
            Ok(n) => eprintln!("indexed {n} earlier articles for search"),
            Err(e) => {
                eprintln!(
                    "warning: articles stored before the search index are not searchable yet: {e}"
                );
                break;
            }
        }
    }
}

/// An entity by id or by a name any article used.
fn entity_of(store: &dyn Store, key: &str) -> Result<EntityId> {
    let id = EntityId(key.trim().to_string());
    if store.entity(&id)?.is_some() {
        return Ok(id);
    }
    let found = find::search(store, key, &Default::default(), None, 1)?;
    let ids: Vec<&EntityId> = found.parts.iter().flat_map(|p| p.entity_ids()).collect();
    match ids.first() {
        Some(id) => Ok((*id).clone()),
        None => bail!(
            "--entity {key:?}: no entity has this id or name (see `parallax entities --name`)"
        ),
    }
}

pub fn run(global: &Global, args: &SearchArgs) -> Result<ExitCode> {
    if args.query.trim().is_empty() {
        return Err(crate::usage(
            "empty query: give the words to find, such as \"Nord Stream sanctions\"",
        ));
    }
    let mut store = open(global)?;
    catch_up(&mut store);
    let mut filter = args.filter.filter()?;
    if let Some(prefix) = &args.story {
        filter.story = Some(crate::stories::resolve(&store, prefix)?);
    }
    let entity = args.entity.as_deref().map(|e| entity_of(&store, e)).transpose()?;
    let found = find::search(&store, &args.query, &filter, entity.as_ref(), args.limit.max(1))?;
    if global.json {
        for h in &found.hits {
            out(&serde_json::to_string(h)?)?;
        }
    } else {
        let parts: Vec<String> = found
            .parts
            .iter()
            .map(|p| match &p.kind {
                parallax_engine::ask::ConceptKind::Entity { name, .. } => {
                    format!("{name} ({} articles)", p.articles)
                }
                parallax_engine::ask::ConceptKind::Word { .. } => {
                    format!("“{}” ({} articles)", p.text, p.articles)
                }
            })
            .collect();
        if !parts.is_empty() {
            out(&format!("Looking for: {}", parts.join(" · ")))?;
        }
        if !found.unknown.is_empty() {
            out(&format!("No article uses: {}", found.unknown.join(", ")))?;
        }
        for h in &found.hits {
            out(&format!(
                "{} · {} · {} · {} · {}",
                h.article,
                h.outlet.as_deref().unwrap_or("-"),
                h.published.map_or_else(|| "-".into(), |d| d.to_string()),
                h.language.map_or("-", |l| l.code()),
                h.title.as_deref().unwrap_or("")
            ))?;
            for s in &h.snippets {
                out(&format!("    {}  [{}..{}]", marked(s), s.start, s.end))?;
            }
        }
        if found.hits.is_empty() {
            out("Nothing found.")?;
        }
    }
    Ok(if found.hits.is_empty() { ExitCode::from(REFUSED) } else { ExitCode::SUCCESS })
}

/// A snippet with its matched words between brackets.
fn marked(s: &find::Snippet) -> String {
    let mut o = String::new();
    let mut at = s.start;
    for (a, b) in &s.matches {
        if *a < at {
            continue;
        }
        let (Some(before), Some(word)) =
            (s.text.get(at - s.start..a - s.start), s.text.get(a - s.start..b - s.start))
        else {
            continue;
        };
        o.push_str(before);
        o.push('[');
        o.push_str(word);
        o.push(']');
        at = *b;
    }
    o.push_str(s.text.get(at - s.start..).unwrap_or(""));
    o
}
