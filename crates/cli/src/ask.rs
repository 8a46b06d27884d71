//! `parallax ask "QUESTION"`: an extractive brief from the stored articles, every line cited to
//! exact spans and marked for how well it is supported.

use crate::show::{open, wrap};
use crate::{out, Global};
use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use parallax_engine::ask::{self, Brief};
use parallax_model::{ArticleId, EntityId, Store, StoredArticle};
use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::process::ExitCode;

pub const LONG_ABOUT: &str = "\
Answer a question from the stored articles with a brief in which every line is a span of an
article (a statement, a dated sentence, a label), joined to its speaker and outlet by fixed
connecting words, cited by article id and byte offsets, and marked: corroborated (two or more
independent outlets), single source, unattributed (only aggregator summaries or no named
speaker), or contested. Before anything is printed, every citation is checked against the
stored text; a line that fails the check is dropped. A coverage footer says what the answer
rests on and what is missing.

Questions in English, Ukrainian or Russian:
  what is X saying about Y · what did X ask / say / deny · who said … · how do outlets
  describe X · what happened / timeline · what do the sources disagree on";

const AFTER_HELP: &str = "\
Examples:
  parallax ask \"What is Russia saying about Venezuela?\"
  parallax ask \"Що Росія каже про Венесуелу?\" --story s637a
  parallax ask \"Как СМИ описывают Гриценко?\" --format markdown > brief.md
  parallax ask \"What do the sources disagree on?\" --json";

/// How the brief is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For a terminal: readable lines with their citations.
    Text,
    /// Markdown with citations as footnote-style references.
    Markdown,
    /// A standalone HTML page.
    Html,
    /// The JSON contract (same as the global --json).
    Json,
}

#[derive(Debug, Args)]
#[command(long_about = LONG_ABOUT, after_help = AFTER_HELP)]
pub struct AskArgs {
    /// The question (en, uk or ru).
    question: String,
    /// Answer from one story only (any unique id prefix, or an article id prefix).
    #[arg(long, value_name = "ID")]
    story: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Print to stderr how long loading the articles and building the brief took.
    #[arg(long)]
    timings: bool,
}

pub fn run(global: &Global, args: &AskArgs) -> Result<ExitCode> {
    if args.question.trim().is_empty() {
        bail!("empty question: ask something such as \"What is Russia saying about Venezuela?\"");
    }
    let started = std::time::Instant::now();
    let store = open(global)?;
    let (stored, story) = match &args.story {
        Some(prefix) => {
            let id = crate::stories::resolve(&store, prefix)?;
            let s = store.story(&id)?.ok_or_else(|| anyhow::anyhow!("story {id} not found"))?;
            let mut v = vec![];
            for a in &s.articles {
                if let Some(x) = store.get(a)? {
                    v.push(x);
                }
            }
            (v, Some(id.as_str().to_string()))
        }
        None => {
            let mut ids: Vec<ArticleId> = vec![];
            store.scan(&mut |a| {
                ids.push(a.id.clone());
                ControlFlow::Continue(())
            })?;
            let mut v = vec![];
            for id in ids {
                if let Some(x) = store.get(&id)? {
                    v.push(x);
                }
            }
            (v, None)
        }
    };
    if stored.is_empty() {
        bail!("the store has no articles to answer from (try `parallax ingest PATH`)");
    }
    let refs: Vec<&StoredArticle> = stored.iter().collect();
    let lookup = |e: &EntityId| store.entity(e).ok().flatten();
    let loaded = started.elapsed();
    parallax_engine::kb::warm_up();
    let warm = started.elapsed();
    let brief = ask::answer(&args.question, &refs, &lookup, story);
    if args.timings {
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        eprintln!(
            "loaded {} articles in {:.1} ms; knowledge base built in {:.1} ms (once per \
             process); brief built and verified in {:.1} ms",
            refs.len(),
            ms(loaded),
            ms(warm - loaded),
            ms(started.elapsed() - warm)
        );
    }
    let format = if global.json { Format::Json } else { args.format };
    let text = match format {
        Format::Json => serde_json::to_string(&brief)?,
        Format::Text => render_text(&brief, &stored),
        Format::Markdown => render_markdown(&brief, &stored),
        Format::Html => render_html(&brief, &stored),
    };
    out(text.trim_end())?;
    Ok(ExitCode::SUCCESS)
}

/// Short labels for the cited articles (`[1]`, `[2]`...) in order of first citation.
fn references(brief: &Brief) -> BTreeMap<ArticleId, usize> {
    let mut refs: BTreeMap<ArticleId, usize> = BTreeMap::new();
    for s in &brief.sections {
        for i in &s.items {
            for c in &i.citations {
                let n = refs.len() + 1;
                refs.entry(c.article.clone()).or_insert(n);
            }
        }
    }
    refs
}

fn describe(id: &ArticleId, stored: &[StoredArticle]) -> String {
    stored.iter().find(|a| &a.article.id == id).map_or_else(
        || id.as_str().to_string(),
        |a| {
            let a = &a.article;
            format!(
                "{} · {} · {} · {}",
                a.outlet.as_deref().unwrap_or("unnamed outlet"),
                a.published.map_or_else(|| "undated".into(), |d| d.to_string()),
                a.language.map_or("-", |l| l.code()),
                a.title.as_deref().unwrap_or(a.id.as_str())
            )
        },
    )
}

fn cites(item: &ask::Item, refs: &BTreeMap<ArticleId, usize>) -> String {
    let parts: Vec<String> = item
        .citations
        .iter()
        .map(|c| format!("[{}:{}-{}]", refs.get(&c.article).copied().unwrap_or(0), c.start, c.end))
        .collect();
    parts.join(" ")
}

fn footer(brief: &Brief) -> Vec<String> {
    let c = &brief.coverage;
    let mut lines = vec![format!(
        "Rests on {} article(s) · outlets: {} · languages: {} · kinds: {}",
        c.articles,
        if c.outlets.is_empty() { "none named".into() } else { c.outlets.join(", ") },
        c.languages.join(", "),
        c.kinds.join(", ")
    )];
    if !c.outlet_countries.is_empty() || !c.ownership.is_empty() {
        let owners: Vec<String> = c.ownership.iter().map(|(k, n)| format!("{k} {n}")).collect();
        lines.push(format!(
            "Outlet countries: {} · ownership: {}",
            if c.outlet_countries.is_empty() { "-".into() } else { c.outlet_countries.join(", ") },
            owners.join(", ")
        ));
    }
    if !c.missing.is_empty() {
        lines.push(format!("Missing: {}", c.missing.join("; ")));
    }
    if c.dropped > 0 {
        lines.push(format!("{} line(s) dropped: their citations did not hold", c.dropped));
    }
    lines
}

fn render_text(brief: &Brief, stored: &[StoredArticle]) -> String {
    let refs = references(brief);
    let mut o = vec![brief.question.clone(), String::new()];
    let mut any = false;
    for s in &brief.sections {
        o.push(s.title.clone());
        if s.items.is_empty() {
            o.push("  (nothing in the articles answers this)".into());
        }
        for i in &s.items {
            any = true;
            let mut first = true;
            for line in wrap(&i.text, 92) {
                o.push(format!("{} {line}", if first { "  •" } else { "   " }));
                first = false;
            }
            o.push(format!("    {} · {}", i.status.as_str(), cites(i, &refs)));
        }
        o.push(String::new());
    }
    if !any {
        o.push("No article says anything that answers this question.".into());
        o.push(String::new());
    }
    o.push("Sources:".into());
    let mut by_n: Vec<(&ArticleId, &usize)> = refs.iter().collect();
    by_n.sort_by_key(|(_, n)| **n);
    for (id, n) in by_n {
        o.push(format!("  [{n}] {id} {}", describe(id, stored)));
    }
    o.extend(footer(brief));
    o.join("\n")
}

fn render_markdown(brief: &Brief, stored: &[StoredArticle]) -> String {
    let refs = references(brief);
    let mut o = vec![format!("# {}", brief.question), String::new()];
    for s in &brief.sections {
        o.push(format!("## {}", s.title));
        o.push(String::new());
        for i in &s.items {
            o.push(format!("- {} — *{}* {}", i.text, i.status.as_str(), cites(i, &refs)));
        }
        o.push(String::new());
    }
    o.push("## Sources".into());
    o.push(String::new());
    let mut by_n: Vec<(&ArticleId, &usize)> = refs.iter().collect();
    by_n.sort_by_key(|(_, n)| **n);
    for (id, n) in by_n {
        o.push(format!("{n}. `{id}` {}", describe(id, stored)));
    }
    o.push(String::new());
    for l in footer(brief) {
        o.push(format!("*{l}*  "));
    }
    o.join("\n")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn render_html(brief: &Brief, stored: &[StoredArticle]) -> String {
    let refs = references(brief);
    let mut o = vec![
        "<!doctype html><html><head><meta charset=\"utf-8\">".to_string(),
        format!("<title>{}</title>", escape(&brief.question)),
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50em;margin:2em auto}\
         .status{font-size:.85em;color:#555}.unattributed{color:#a33}.contested{color:#a60}\
         cite{font-style:normal;color:#357}</style></head><body>"
            .to_string(),
        format!("<h1>{}</h1>", escape(&brief.question)),
    ];
    for s in &brief.sections {
        o.push(format!("<h2>{}</h2><ul>", escape(&s.title)));
        for i in &s.items {
            let status = i.status.as_str();
            o.push(format!(
                "<li>{} <span class=\"status {}\">{}</span> <cite>{}</cite></li>",
                escape(&i.text),
                status.replace(' ', "-"),
                status,
                escape(&cites(i, &refs))
            ));
        }
        o.push("</ul>".into());
    }
    o.push("<h2>Sources</h2><ol>".into());
    let mut by_n: Vec<(&ArticleId, &usize)> = refs.iter().collect();
    by_n.sort_by_key(|(_, n)| **n);
    for (id, _) in by_n {
        o.push(format!("<li><code>{}</code> {}</li>", id, escape(&describe(id, stored))));
    }
    o.push("</ol>".into());
    for l in footer(brief) {
        o.push(format!("<p class=\"status\">{}</p>", escape(&l)));
    }
    o.push("</body></html>".into());
    o.join("\n")
}
