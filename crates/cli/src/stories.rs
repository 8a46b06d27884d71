//! `parallax stories` and `parallax story ID`: the articles that tell one event, across
//! languages, scripts and outlets.
//!
//! Stories are made as articles are stored (`parallax ingest`); these commands only read them.
//! The JSON shapes are the contract in DESIGN.md (`id`, `title`, `articles`, `languages`,
//! `outlets`, `first`, `last`); the extra fields (`distinct`, `copies`, `members`) may grow.

use crate::show::{clip, open};
use crate::{out, Global};
use anyhow::{bail, Context, Result};
use clap::Args;
use parallax_engine::{ask, compare};
use parallax_model::{
    ArticleId, EntityId, Lang, PartialDate, Store, StoredArticle, Story, StoryId,
};
use serde_json::{json, Value};
use std::ops::ControlFlow;
use std::process::ExitCode;

pub const STORIES_ABOUT: &str = "\
List the stories in the store: groups of articles that tell one event, across languages, scripts
and outlets, made as the articles were ingested. The stories with the most articles come first,
then the most recently active.

Each line gives the story's id (use it, or any unique prefix, with `parallax story ID`), how many
articles it holds (near-duplicate copies of a wire story counted once, their number shown apart),
its languages, how many outlets carried it, its first and last dates, and its title (that of the
article that represents it best).

With --json, one object per line: {\"id\",\"title\",\"articles\": [ids],\"languages\": [..],
\"outlets\": [..],\"first\",\"last\",\"distinct\",\"copies\": [..]}.";

pub const STORY_ABOUT: &str = "\
Show one story: its title, languages, outlets and dates, and every article in it with its
outlet, language and date. A reprinted or lightly edited copy of another article (a wire story
carried by several outlets) is listed under its original and counted once; its reach is the
number of articles that carried the text.

ID is a story id from `parallax stories`, or any prefix of it that is unique; the id of an
article (or a unique prefix of it) shows the story that article belongs to.

With --json, one object: the fields of `parallax stories --json` plus \"members\": [{\"id\",
\"title\",\"outlet\",\"language\",\"published\",\"kind\",\"copy_of\",\"reach\"}].";

#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// Only stories with an article in this language (ISO 639-1: en, uk, ru...).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Only stories with an article from this outlet (case-insensitive).
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,
    /// Only stories with at least N articles (copies counted once).
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_articles: usize,
    /// At most this many stories [default: 50 in text, all with --json]; the list says how many
    /// more there are.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct StoryArgs {
    /// The story's id, or a unique prefix of it; or the id (or a unique prefix) of one of its
    /// articles.
    id: String,
    /// At most N articles, timeline events and disagreements each [default: 20 in text, all
    /// with --json]; the report says how many more there are.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

/// What a text report shows of each list when `--limit` is not given.
const SHOWN: usize = 20;

/// "… and N more": the line that ends a list cut at `limit`.
fn more(total: usize, limit: usize, what: &str) -> Result<()> {
    if total > limit {
        out(&format!("  … and {} more {what} (--limit N shows more)", total - limit))?;
    }
    Ok(())
}

/// The contract's view of a story (`parallax stories --json`).
pub fn story_view(s: &Story) -> Value {
    json!({
        "id": s.id,
        "title": s.title,
        "articles": s.articles,
        "languages": s.languages,
        "outlets": s.outlets,
        "first": s.first,
        "last": s.last,
        "distinct": s.distinct(),
        "copies": s.copies.iter().map(|g| json!({
            "original": g.original,
            "copies": g.copies,
            "outlets": g.outlets,
            "reach": g.reach(),
        })).collect::<Vec<_>>(),
    })
}

pub fn list(global: &Global, args: &StoriesArgs) -> Result<ExitCode> {
    let store = open(global)?;
    let lang: Option<Lang> = crate::parse_lang(args.lang.as_deref())?;
    let outlet = args.outlet.as_deref().map(str::to_lowercase);
    let limit = args.limit.unwrap_or(if global.json { usize::MAX } else { LISTED });
    let mut rows: Vec<Story> = vec![];
    let mut shown = 0usize;
    let mut hidden = 0usize;
    let mut failure: Option<anyhow::Error> = None;
    store.stories(&mut |s| {
        if shown >= limit && (global.json || args.limit.is_some()) {
            return ControlFlow::Break(());
        }
        if s.distinct() < args.min_articles
            || lang.is_some_and(|l| !s.languages.contains(&l))
            || outlet.as_deref().is_some_and(|o| !s.outlets.iter().any(|x| x.to_lowercase() == o))
        {
            return ControlFlow::Continue(());
        }
        if shown >= limit {
            // Counted for the "and N more" line of a default budget.
            hidden += 1;
            return ControlFlow::Continue(());
        }
        shown += 1;
        if global.json {
            if let Err(e) = serde_json::to_string(&story_view(s))
                .map_err(anyhow::Error::from)
                .and_then(|line| out(&line))
            {
                failure = Some(e);
                return ControlFlow::Break(());
            }
        } else {
            rows.push(s.clone());
        }
        ControlFlow::Continue(())
    })?;
    if let Some(e) = failure {
        return Err(e);
    }
    if global.json {
        return Ok(ExitCode::SUCCESS);
    }
    if shown == 0 {
        eprintln!(
            "no stories{}",
            if store.count()? == 0 {
                " (the store is empty: try `parallax ingest PATH`)"
            } else {
                " match"
            }
        );
        return Ok(ExitCode::SUCCESS);
    }
    print_list(&rows)?;
    more(hidden, 0, "stories")?;
    Ok(ExitCode::SUCCESS)
}

/// Stories a text list shows when `--limit` is not given.
const LISTED: usize = 50;

/// The table of `parallax stories` (also used by the demo).
pub fn print_list(rows: &[Story]) -> Result<()> {
    out(&format!(
        "{:<17}  {:>4} {:>6}  {:<11} {:>7}  {:<23}  {}",
        "ID", "ARTS", "COPIES", "LANGS", "OUTLETS", "DATES", "TITLE"
    ))?;
    for s in rows {
        let copies: usize = s.copies.iter().map(|g| g.copies.len()).sum();
        out(&format!(
            "{:<17}  {:>4} {:>6}  {:<11} {:>7}  {:<23}  {}",
            s.id,
            s.distinct(),
            copies,
            clip(&languages(&s.languages), 11),
            s.outlets.len(),
            dates(s.first, s.last),
            clip(s.title.as_deref().unwrap_or("(untitled)"), 70)
        ))?;
    }
    Ok(())
}

fn languages(l: &[Lang]) -> String {
    if l.is_empty() {
        "-".into()
    } else {
        l.iter().map(|l| l.code()).collect::<Vec<_>>().join(",")
    }
}

fn dates(first: Option<PartialDate>, last: Option<PartialDate>) -> String {
    match (first, last) {
        (Some(f), Some(l)) if f == l => f.to_string(),
        (Some(f), Some(l)) => format!("{f}…{l}"),
        (Some(d), None) | (None, Some(d)) => d.to_string(),
        (None, None) => "-".into(),
    }
}

/// Finds the one story an id prefix names: a story id prefix, else an article id prefix (the
/// story of that article).
pub fn resolve(store: &dyn Store, prefix: &str) -> Result<StoryId> {
    let prefix = prefix.trim();
    if prefix.is_empty() {
        return Err(crate::usage("empty story id"));
    }
    let ids = store.story_ids_with_prefix(prefix, 3)?;
    match ids.as_slice() {
        [one] => return Ok(one.clone()),
        [] => {}
        many => bail!(
            "story id prefix {prefix:?} is ambiguous: it matches {}{} — give more characters",
            many.iter().take(2).map(StoryId::as_str).collect::<Vec<_>>().join(", "),
            if many.len() > 2 { ", ..." } else { "" }
        ),
    }
    let articles = store.ids_with_prefix(prefix, 3)?;
    match articles.as_slice() {
        [] => bail!("no story with id {prefix:?} (list them with `parallax stories`)"),
        [one] => store.story_of(one)?.with_context(|| {
            format!("article {one} has no story yet (run `parallax ingest` again to assign it)")
        }),
        many => bail!(
            "article id prefix {prefix:?} is ambiguous: it matches {}{} — give more characters",
            many.iter().take(2).map(ArticleId::as_str).collect::<Vec<_>>().join(", "),
            if many.len() > 2 { ", ..." } else { "" }
        ),
    }
}

/// One member of a story, as `parallax story` shows it.
struct MemberRow {
    id: ArticleId,
    title: Option<String>,
    outlet: Option<String>,
    language: Option<Lang>,
    published: Option<PartialDate>,
    kind: Option<&'static str>,
    copy_of: Option<ArticleId>,
    reach: usize,
}

fn members(store: &dyn Store, s: &Story) -> Result<Vec<MemberRow>> {
    let mut rows = Vec::with_capacity(s.articles.len());
    for id in &s.articles {
        let a = store.get(id)?.map(|x| x.article);
        let group = s.copies.iter().find(|g| &g.original == id || g.copies.contains(id));
        rows.push(MemberRow {
            id: id.clone(),
            title: a.as_ref().and_then(|a| a.title.clone()),
            outlet: a.as_ref().and_then(|a| a.outlet.clone()),
            language: a.as_ref().and_then(|a| a.language),
            published: a.as_ref().and_then(|a| a.published),
            kind: a.as_ref().map(|a| a.kind.as_str()),
            copy_of: group.filter(|g| &g.original != id).map(|g| g.original.clone()),
            reach: group.map_or(1, parallax_model::CopyGroup::reach),
        });
    }
    Ok(rows)
}

/// The stored articles of a story's originals (copies repeat them), in story order.
fn originals(store: &dyn Store, rows: &[MemberRow]) -> Result<Vec<StoredArticle>> {
    let mut out = vec![];
    for m in rows.iter().filter(|m| m.copy_of.is_none()) {
        if let Some(a) = store.get(&m.id)? {
            out.push(a);
        }
    }
    Ok(out)
}

pub fn show(global: &Global, args: &StoryArgs) -> Result<ExitCode> {
    let store = open(global)?;
    let id = resolve(&store, &args.id)?;
    let s = store.story(&id)?.with_context(|| format!("story {id} vanished from the store"))?;
    let rows = members(&store, &s)?;
    if args.limit == Some(0) {
        return Err(crate::usage("--limit must be at least 1"));
    }
    if global.json {
        let limit = args.limit.unwrap_or(usize::MAX);
        let mut v = story_view(&s);
        v["members"] = rows
            .iter()
            .map(|m| {
                json!({
                    "id": m.id,
                    "title": m.title,
                    "outlet": m.outlet,
                    "language": m.language,
                    "published": m.published,
                    "kind": m.kind,
                    "copy_of": m.copy_of,
                    "reach": m.reach,
                })
            })
            .collect();
        let stored = originals(&store, &rows)?;
        let refs: Vec<&StoredArticle> = stored.iter().collect();
        let lookup = |e: &EntityId| store.entity(e).ok().flatten();
        let name_of = |e: &EntityId| lookup(e).map(|r| r.canonical);
        let mut timeline = compare::timeline(&refs);
        timeline.truncate(limit);
        v["timeline"] = serde_json::to_value(timeline)?;
        v["framing"] = serde_json::to_value(compare::framing(&refs, &name_of))?;
        let mut discrepancies = compare::discrepancies(&refs);
        discrepancies.extend(compare::number_discrepancies(&refs));
        discrepancies.truncate(limit);
        v["discrepancies"] = serde_json::to_value(discrepancies)?;
        v["claims"] = serde_json::to_value(ask::claims(&refs, &lookup))?;
        out(&serde_json::to_string(&v)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let limit = args.limit.unwrap_or(SHOWN);
    let copies = s.articles.len() - s.distinct();
    out(s.title.as_deref().unwrap_or("(untitled story)"))?;
    out(&format!("Story:      {}", s.id))?;
    out(&format!(
        "Articles:   {}{}",
        s.distinct(),
        if copies > 0 {
            format!(" (and {copies} near-duplicate cop{})", if copies == 1 { "y" } else { "ies" })
        } else {
            String::new()
        }
    ))?;
    out(&format!(
        "Languages:  {}",
        if s.languages.is_empty() {
            "-".into()
        } else {
            s.languages.iter().map(|l| l.name()).collect::<Vec<_>>().join(", ")
        }
    ))?;
    out(&format!(
        "Outlets:    {}",
        if s.outlets.is_empty() { "-".into() } else { s.outlets.join(", ") }
    ))?;
    out(&format!("Dates:      {}", dates(s.first, s.last)))?;
    out("")?;
    out(&format!(
        "{:<18}  {:<10}  {:<4} {:<20} {:>5}  {}",
        "ARTICLE", "PUBLISHED", "LANG", "OUTLET", "REACH", "TITLE"
    ))?;
    // Originals in stored order, each followed by its copies.
    let originals_count = rows.iter().filter(|m| m.copy_of.is_none()).count();
    for m in rows.iter().filter(|m| m.copy_of.is_none()).take(limit) {
        print_member(m, "")?;
        for c in rows.iter().filter(|c| c.copy_of.as_ref() == Some(&m.id)) {
            print_member(c, "↳ ")?;
        }
    }
    more(originals_count, limit, "articles")?;
    let stored = originals(&store, &rows)?;
    let refs: Vec<&StoredArticle> = stored.iter().collect();
    let outlet_of = |id: &ArticleId| {
        rows.iter()
            .find(|m| &m.id == id)
            .and_then(|m| m.outlet.clone())
            .unwrap_or_else(|| id.as_str().to_string())
    };
    let name_of = |e: &EntityId| store.entity(e).ok().flatten().map(|r| r.canonical);
    let framing = compare::framing(&refs, &name_of);
    if !framing.is_empty() {
        out("")?;
        out("How each outlet labels whom (* evaluative):")?;
        for row in framing.iter().take(8) {
            let labels: Vec<String> = row
                .labels
                .iter()
                .map(|l| {
                    format!(
                        "{}{} ({})",
                        l.text,
                        if l.evaluative { "*" } else { "" },
                        clip(&outlet_of(&l.article), 18)
                    )
                })
                .collect();
            out(&format!("  {:<24} {}", clip(&row.entity, 24), labels.join("; ")))?;
        }
    }
    let timeline = compare::timeline(&refs);
    if !timeline.is_empty() {
        out("")?;
        out("Timeline (dated events):")?;
        for e in timeline.iter().take(limit) {
            let outlets: Vec<String> = e.articles.iter().map(&outlet_of).collect();
            out(&format!(
                "  {:<10}  {}  [{}]",
                e.date.to_string(),
                clip(&e.text, 90),
                outlets.join(", ")
            ))?;
        }
        more(timeline.len(), limit, "events")?;
    }
    let mut discrepancies = compare::discrepancies(&refs);
    discrepancies.extend(compare::number_discrepancies(&refs));
    for d in discrepancies.iter().take(limit) {
        out("")?;
        out(&format!("Disagreement about {}", clip(&d.about, 100)))?;
        for side in &d.sides {
            out(&format!("  {} says {}", outlet_of(&side.article), side.says))?;
        }
    }
    if discrepancies.len() > limit {
        out("")?;
        more(discrepancies.len(), limit, "disagreements")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_member(m: &MemberRow, mark: &str) -> Result<()> {
    let id = format!("{mark}{}", m.id);
    let reach = if mark.is_empty() && m.reach > 1 { m.reach.to_string() } else { String::new() };
    let title = if mark.is_empty() {
        m.title.clone().unwrap_or_else(|| "(untitled)".into())
    } else {
        format!("copy of {}", m.copy_of.as_ref().map_or("?", ArticleId::as_str))
    };
    out(&format!(
        "{:<18}  {:<10}  {:<4} {:<20} {:>5}  {}",
        id,
        m.published.map_or_else(|| "-".into(), |d| d.to_string()),
        m.language.map_or("-", Lang::code),
        clip(m.outlet.as_deref().unwrap_or("-"), 20),
        reach,
        clip(&title, 70)
    ))
}
