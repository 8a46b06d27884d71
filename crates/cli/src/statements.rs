//! `parallax statements`: who said what, in which article, in what words — across the store,
//! filtered by speaker, entity, story, language or form.

use crate::show::{clip, cluster_entities, open, statement_views, wrap};
use crate::{out, Global};
use anyhow::Result;
use clap::Args;
use parallax_engine::text::fold_name as fold;
use parallax_model::{ArticleId, Confidence, Lang, Store, StoredArticle};
use serde_json::Value;
use std::ops::ControlFlow;
use std::process::ExitCode;

pub const LONG_ABOUT: &str = "\
List the statements of the stored articles: direct quotes, reported speech and mixed forms,
each with its speaker (the canonical entity when the speaker is named or clearly referred to),
the cue, the content as an exact span of the article, the addressee and the sources it came
through (\"according to X, citing Y\"). Statements nobody is named for are shown as such.

Each statement has a confidence: high when a named speaker is the cue's subject and the content
is a quotation or marked as speech; medium when the speaker is reached through a descriptor, a
pronoun or a description; low when the speaker is a guess or missing, or the content is only a
noun phrase. Briefs (`parallax ask`) use medium and high by default.

Filters combine: --speaker and --entity match names in any script or case form the corpus
has seen (\"Hrytsenko\" finds \"Гриценко\" once the two are one entity).

--sample N --seed S prints N statements drawn at random (the same for the same store and seed),
each with the sentence it was read from, for a person to mark right or wrong: an audit of the
attribution's precision.";

const AFTER_HELP: &str = "\
Examples:
  parallax statements --speaker hrytsenko      what one person said, in every language
  parallax statements --entity venezuela       statements by or about an entity
  parallax statements --story 9c1e --lang uk   one story's statements in Ukrainian
  parallax statements --form direct --json     machine-readable, one object per line
  parallax statements --confidence high        only firmly attributed statements
  parallax statements --sample 100 --seed 7    a random audit sample, with sentences";

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
    /// Only statements of at least this confidence: low (all), medium or high.
    #[arg(long, value_name = "LEVEL", default_value = "low")]
    confidence: Confidence,
    /// At most this many statements [default: 50 in text, all with --json]; the list says when
    /// more match.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Print N statements drawn at random from those the filters keep, each with its sentence.
    #[arg(long, value_name = "N")]
    sample: Option<usize>,
    /// The seed of --sample: the same seed on the same store draws the same statements.
    #[arg(long, value_name = "S", default_value_t = 1, requires = "sample")]
    seed: u64,
}

pub fn run(global: &Global, args: &StatementsArgs) -> Result<ExitCode> {
    let store = open(global)?;
    let lang: Option<Lang> = crate::parse_lang(args.lang.as_deref())?;
    let story = args.story.as_deref().map(|s| crate::stories::resolve(&store, s)).transpose()?;
    let speaker = args.speaker.as_deref().map(fold);
    let entity = args.entity.as_deref().map(fold);
    let limit = match (args.sample, args.limit) {
        (Some(_), _) => usize::MAX,
        (None, Some(n)) => n,
        (None, None) if global.json => usize::MAX,
        (None, None) => LISTED,
    };
    // Set when one more statement than the budget matches: the text then says there are more.
    let mut more = false;
    // Reservoir sampling (algorithm R) over the statements the filters keep.
    let mut rng = fastrand::Rng::with_seed(args.seed);
    let mut reservoir: Vec<(ArticleId, usize)> = vec![];
    let mut seen = 0usize;
    let mut ids: Vec<ArticleId> = vec![];
    store.scan(&mut |a| {
        if lang.is_none_or(|l| a.language == Some(l)) {
            ids.push(a.id.clone());
        }
        ControlFlow::Continue(())
    })?;
    let mut shown = 0usize;
    for id in ids {
        if more {
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
        for (k, (x, v)) in stored.analysis.statements.statements.iter().zip(views).enumerate() {
            if more {
                break;
            }
            if args.form.as_deref().is_some_and(|f| v["form"].as_str() != Some(f))
                || x.confidence < args.confidence
            {
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
            if shown >= limit {
                more = true;
                break;
            }
            shown += 1;
            if let Some(n) = args.sample {
                let item = (id.clone(), k);
                if reservoir.len() < n {
                    reservoir.push(item);
                } else {
                    let j = rng.usize(..=seen);
                    if j < n {
                        reservoir[j] = item;
                    }
                }
                seen += 1;
                continue;
            }
            print(global, &stored, v, None)?;
        }
    }
    if args.sample.is_some() {
        return print_sample(global, &store, reservoir);
    }
    if more && !global.json {
        out(&format!("… and more: the first {limit} are shown (--limit N shows more)"))?;
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

/// Statements a text list shows when `--limit` is not given.
const LISTED: usize = 50;

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

/// Prints the sampled statements (article id, index), numbered, each with its sentence.
fn print_sample(
    global: &Global,
    store: &parallax_store_sqlite::SqliteStore,
    picked: Vec<(ArticleId, usize)>,
) -> Result<ExitCode> {
    if picked.is_empty() && !global.json {
        eprintln!("no statements to sample");
    }
    for (n, (id, k)) in picked.iter().enumerate() {
        let Some(stored) = store.get(id)? else { continue };
        let lookup = |e: &parallax_model::EntityId| store.entity(e).ok().flatten();
        let names = cluster_entities(&stored, &lookup);
        let Some(v) = statement_views(&stored, &names).into_iter().nth(*k) else { continue };
        let x = &stored.analysis.statements.statements[*k];
        let a = &stored.article;
        let from = x.speaker.map_or(x.cue.start, |s| s.start.min(x.cue.start)).min(x.content.start);
        let to = x.content.end.max(x.cue.end);
        let sentence = stored
            .analysis
            .sentences
            .iter()
            .filter(|s| s.end > from && s.start < to)
            .fold(None, |acc: Option<parallax_model::Span>, s| {
                Some(acc.map_or(*s, |a| {
                    parallax_model::Span::new(a.start.min(s.start), a.end.max(s.end))
                }))
            })
            .and_then(|s| s.text(&a.text))
            .unwrap_or_default();
        if !global.json {
            out(&format!("#{}", n + 1))?;
        }
        print(global, &stored, v, Some(sentence))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print(
    global: &Global,
    stored: &StoredArticle,
    mut v: Value,
    sentence: Option<&str>,
) -> Result<()> {
    let a = &stored.article;
    if let Some(sentence) = sentence {
        v["sentence"] = serde_json::json!(sentence);
    }
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
    if let Some(c) = v["confidence"].as_str().filter(|c| *c != "medium") {
        head.push_str(&format!(" · {c} confidence"));
    }
    out(&head)?;
    let content = v["content"]["text"].as_str().unwrap_or("");
    let (start, end) = (&v["content"]["start"], &v["content"]["end"]);
    for line in wrap(&format!("“{content}”"), 96) {
        out(&format!("    {line}"))?;
    }
    out(&format!("    [{} {start}..{end}]", a.id))?;
    if let Some(sentence) = sentence {
        for line in
            wrap(&format!("in: {}", sentence.split_whitespace().collect::<Vec<_>>().join(" ")), 96)
        {
            out(&format!("    {line}"))?;
        }
    }
    Ok(())
}
