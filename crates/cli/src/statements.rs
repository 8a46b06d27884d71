//! `parallax statements`: who said what, in which article, in what words — across the store,
//! filtered by speaker, entity, story, language or form.

use crate::show::{clip, cluster_entities, open, statement_views, wrap};
use crate::{out, Global};
use anyhow::Result;
use clap::Args;
use parallax_engine::text::fold_name as fold;
use parallax_model::{ArticleId, Lang, Store, StoredArticle};
use serde_json::Value;
use std::ops::ControlFlow;
use std::process::ExitCode;

pub const LONG_ABOUT: &str = "\
List the statements of the stored articles: direct quotes, reported speech and mixed forms,
each with its speaker (the canonical entity when the speaker is named or clearly referred to),
the cue, the content as an exact span of the article, the addressee and the sources it came
through (\"according to X, citing Y\"). Statements nobody is named for are shown as such.

Filters combine: --speaker and --entity match names in any script or case form the corpus
has seen (\"Hrytsenko\" finds \"Гриценко\" once the two are one entity).";

const AFTER_HELP: &str = "\
Examples:
  parallax statements --speaker hrytsenko      what one person said, in every language
  parallax statements --entity venezuela       statements by or about an entity
  parallax statements --story 9c1e --lang uk   one story's statements in Ukrainian
  parallax statements --form direct --json     machine-readable, one object per line";

#[derive(Debug, Args)]
#[command(long_about = LONG_ABOUT, after_help = AFTER_HELP)]
pub struct StatementsArgs {
    /// Only statements whose speaker's canonical name, entity id or words as written contain
    /// this (case-insensitive).
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,
    /// Only statements said by this entity or naming it in their content (a name any article
    /// used for it, or its id).
    #[arg(long, value_name = "NAME|ID")]
    entity: Option<String>,
    /// Only articles of this story (any unique id prefix).
    #[arg(long, value_name = "ID")]
    story: Option<String>,
    /// Only articles in this language (ISO 639-1: en, uk, ru...).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Only this form: direct, reported or mixed.
    #[arg(long, value_name = "FORM", value_parser = ["direct", "reported", "mixed"])]
    form: Option<String>,
    /// At most this many statements.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

pub fn run(global: &Global, args: &StatementsArgs) -> Result<ExitCode> {
    let store = open(global)?;
    let lang: Option<Lang> = args.lang.as_deref().map(str::parse).transpose()?;
    let story = args.story.as_deref().map(|s| crate::stories::resolve(&store, s)).transpose()?;
    let speaker = args.speaker.as_deref().map(fold);
    let entity = args.entity.as_deref().map(fold);
    let limit = args.limit.unwrap_or(usize::MAX);
    let mut ids: Vec<ArticleId> = vec![];
    store.scan(&mut |a| {
        if lang.is_none_or(|l| a.language == Some(l)) {
            ids.push(a.id.clone());
        }
        ControlFlow::Continue(())
    })?;
    let mut shown = 0usize;
    for id in ids {
        if shown >= limit {
            break;
        }
        if let Some(story) = &story {
            if store.story_of(&id)?.as_ref() != Some(story) {
                continue;
            }
        }
        let Some(stored) = store.get(&id)? else { continue };
        let lookup = |e: &parallax_model::EntityId| store.entity(e).ok().flatten();
        let names = cluster_entities(&stored, &lookup);
        let about: Vec<bool> = match &entity {
            Some(want) => {
                entity_clusters(&stored, &names, want, &|e| store.entity(e).ok().flatten())
            }
            None => vec![],
        };
        let views = statement_views(&stored, &names);
        for (x, v) in stored.analysis.statements.statements.iter().zip(views) {
            if shown >= limit {
                break;
            }
            if args.form.as_deref().is_some_and(|f| v["form"].as_str() != Some(f)) {
                continue;
            }
            if let Some(want) = &speaker {
                let hay = [&v["speaker"], &v["speaker_id"], &v["speaker_text"]];
                if !hay.iter().any(|h| h.as_str().is_some_and(|s| fold(s).contains(want))) {
                    continue;
                }
            }
            if entity.is_some() {
                let by = x.speaker_cluster.is_some_and(|c| about.get(c).copied().unwrap_or(false));
                let naming = stored.analysis.entities.mentions.iter().any(|m| {
                    about.get(m.cluster).copied().unwrap_or(false)
                        && x.content.start <= m.start
                        && m.end <= x.content.end
                });
                if !by && !naming {
                    continue;
                }
            }
            shown += 1;
            print(global, &stored, v)?;
        }
    }
    if shown == 0 && !global.json {
        eprintln!(
            "no statements{}",
            if store.count()? == 0 {
                " (the store is empty: try `parallax ingest PATH`)"
            } else {
                " match"
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Which of an article's clusters are the entity a user named (by id, canonical name, or any name
/// the corpus used for it).
fn entity_clusters(
    stored: &StoredArticle,
    names: &crate::show::ClusterNames,
    want: &str,
    lookup: &dyn Fn(&parallax_model::EntityId) -> Option<parallax_model::EntityRecord>,
) -> Vec<bool> {
    names
        .iter()
        .zip(&stored.analysis.entities.clusters)
        .map(|((id, shown), cluster)| {
            let record = id.as_ref().and_then(lookup);
            id.as_ref().is_some_and(|i| fold(&i.0) == want)
                || shown.as_deref().is_some_and(|n| fold(n) == want)
                || fold(&cluster.name) == want
                || record.is_some_and(|r| r.names.iter().any(|n| fold(&n.name) == want))
        })
        .collect()
}

fn print(global: &Global, stored: &StoredArticle, mut v: Value) -> Result<()> {
    let a = &stored.article;
    if global.json {
        v["article"] = serde_json::json!(a.id);
        v["outlet"] = serde_json::json!(a.outlet);
        v["published"] = serde_json::json!(a.published);
        v["language"] = serde_json::json!(a.language);
        return out(&serde_json::to_string(&v)?);
    }
    let speaker = v["speaker"].as_str().unwrap_or("(unnamed)");
    let form = v["form"].as_str().unwrap_or("");
    let via: Vec<&str> =
        v["via"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    let mut head = format!(
        "{} · {} · {} · {}",
        clip(speaker, 40),
        form,
        a.outlet.as_deref().unwrap_or("-"),
        a.published.map_or_else(|| "undated".into(), |d| d.to_string()),
    );
    if let Some(to) = v["to"].as_str() {
        head.push_str(&format!(" · to {to}"));
    }
    if !via.is_empty() {
        head.push_str(&format!(" · via {}", via.join(" ← ")));
    }
    out(&head)?;
    let content = v["content"]["text"].as_str().unwrap_or("");
    let (start, end) = (&v["content"]["start"], &v["content"]["end"]);
    for line in wrap(&format!("“{content}”"), 96) {
        out(&format!("    {line}"))?;
    }
    out(&format!("    [{} {start}..{end}]", a.id))?;
    Ok(())
}
