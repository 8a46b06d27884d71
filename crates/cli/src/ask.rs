//! `parallax ask "QUESTION"`: an extractive brief from the stored articles, every line cited to
//! exact spans and marked for how well it is supported. The engine answers
//! (`parallax_engine::ask::ask`); this module only parses options and renders.

use crate::show::{open, wrap};
use crate::{out, usage, Global};
use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use parallax_engine::ask::{self, AskOptions, Brief};
use parallax_engine::lang::packs;
use parallax_model::{ArticleId, Lang, PartialDate, SearchFilter, Store, StoredArticle};
use std::collections::BTreeMap;
use std::process::ExitCode;

pub const LONG_ABOUT: &str = "\
Answer a question from the stored articles with a brief in which every line is a span of an
article (a statement, a dated sentence, a label), joined to its speaker and outlet by fixed
connecting words in the question's language, cited by article id and byte offsets, and marked:
corroborated (two or more independent outlets), single source, unattributed (only aggregator
summaries or no named speaker), or contested. Before anything is printed, every citation is
checked against the stored text; a line that fails the check is dropped.

The answer comes from the articles that fit the question best (found through the full-text
index: names in any script and case, words through a lexicon of news words in en/uk/ru/de/es),
at most --limit claims (12 by default), grouped by story; the brief says how many more there
are. When nothing answers, the question is refused: the brief says what was looked for and
which stories come nearest, and the exit code is 3.

Questions in English, Ukrainian, Russian, German or Spanish:
  what is X saying about Y · what did X ask / deny / demand / propose… · who said … ·
  how do outlets describe X · when did … · what happened · how many / how much … ·
  where do the sources (or X and Y) disagree about …
\"What is Russia saying…\" covers Russia itself, its seat of power, the people and bodies the
articles tie to it (by their titles and labels), and its state media; each line names its
speaker.";

const AFTER_HELP: &str = "\
Examples:
  parallax ask \"What is Russia saying about Venezuela?\"
  parallax ask \"Що Росія каже про Венесуелу?\" --story s637a
  parallax ask \"Как СМИ описывают Гриценко?\" --format markdown > brief.md
  parallax ask \"When did the strike start?\" --since 2018-07-01 --lang uk
  parallax ask \"What do the sources disagree on about the death toll?\" --json

Exit codes: 0 answered, 3 refused (nothing in the store answers, or the question names
nothing the articles use), 1 on errors, 2 on usage errors.";

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
    /// The question (en, uk, ru, de or es).
    question: String,
    /// Answer from one story only (any unique id prefix, or an article id prefix).
    #[arg(long, value_name = "ID")]
    story: Option<String>,
    /// At most this many claims (lines) in the brief.
    #[arg(long, value_name = "N", default_value_t = ask::DEFAULT_LIMIT)]
    limit: usize,
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Print to stderr how long answering took.
    #[arg(long)]
    timings: bool,
    /// Print to stderr how the question was understood (intent, subject, topics and the terms
    /// each is looked for by), as JSON.
    #[arg(long)]
    explain: bool,
    /// Also answer from statements of low confidence (a guessed or missing speaker, a content
    /// that is only a noun phrase); they are marked in the brief. By default a brief relies on
    /// statements of medium and high confidence and says how many it left out.
    #[arg(long)]
    all_statements: bool,
}

/// Which articles a brief or a search may come from.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only articles in these languages (ISO 639-1, comma-separated: uk,ru).
    #[arg(long, value_name = "LANGS", value_delimiter = ',')]
    lang: Vec<String>,
    /// Only articles of these outlets (comma-separated, case-insensitive).
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    outlet: Vec<String>,
    /// Only articles published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only articles published on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
}

impl FilterArgs {
    pub fn filter(&self) -> Result<SearchFilter> {
        filter_of(&self.lang, &self.outlet, self.since.as_deref(), self.until.as_deref())
    }
}

/// The longest question `ask` reads, in characters.
const MAX_QUESTION: usize = 1_000;

/// The exit code of a refused question.
pub const REFUSED: u8 = 3;

/// Languages, outlets and dates from the command line, as a search filter.
pub fn filter_of(
    lang: &[String],
    outlet: &[String],
    since: Option<&str>,
    until: Option<&str>,
) -> Result<SearchFilter> {
    let languages = lang
        .iter()
        .map(|l| l.trim().parse::<Lang>().map_err(|e| usage(format!("--lang {l:?}: {e}"))))
        .collect::<Result<Vec<_>>>()?;
    let date = |flag: &str, v: Option<&str>| -> Result<Option<PartialDate>> {
        v.map(|d| {
            d.trim().parse::<PartialDate>().map_err(|e| {
                usage(format!("{flag} {d:?}: {e} (write YYYY, YYYY-MM or YYYY-MM-DD)"))
            })
        })
        .transpose()
    };
    Ok(SearchFilter {
        languages,
        outlets: outlet.iter().map(|o| o.trim().to_string()).filter(|o| !o.is_empty()).collect(),
        since: date("--since", since)?.map(first_day),
        until: date("--until", until)?.map(last_day),
        story: None,
    })
}

/// The first day of a date known to the month or year (dates compare as text in the store).
fn first_day(d: PartialDate) -> PartialDate {
    PartialDate::ymd(d.year, d.month.unwrap_or(1), d.day.unwrap_or(1)).unwrap_or(d)
}

fn last_day(d: PartialDate) -> PartialDate {
    let m = d.month.unwrap_or(12);
    let day = d.day.unwrap_or_else(|| parallax_model::days_in_month(d.year, m));
    PartialDate::ymd(d.year, m, day).unwrap_or(d)
}

/// Today's date (UTC), for relative dates in questions.
pub fn today() -> Option<PartialDate> {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    parallax_model::date_of_day(i32::try_from(secs / 86_400).ok()?)
}

pub fn run(global: &Global, args: &AskArgs) -> Result<ExitCode> {
    if args.question.trim().is_empty() {
        return Err(usage(
            "empty question: ask something such as \"What is Russia saying about Venezuela?\"",
        ));
    }
    if args.limit == 0 {
        return Err(usage("--limit must be at least 1"));
    }
    if args.question.chars().count() > MAX_QUESTION {
        return Err(usage(format!("the question is longer than {MAX_QUESTION} characters: ask one thing at a time (to find articles by many words, use `parallax search`)")));
    }
    let started = std::time::Instant::now();
    let mut store = open(global)?;
    crate::search::catch_up(&mut store);
    if store.count()? == 0 {
        bail!("the store has no articles to answer from (try `parallax ingest PATH`)");
    }
    let story = match &args.story {
        Some(prefix) => Some(crate::stories::resolve(&store, prefix)?),
        None => None,
    };
    let opts = AskOptions {
        limit: args.limit,
        story,
        filter: args.filter.filter()?,
        today: today(),
        all_statements: args.all_statements,
    };
    if args.explain {
        let q = ask::question::parse(&store, &args.question, &opts)?;
        eprintln!("{}", serde_json::to_string_pretty(&q.explain())?);
    }
    let brief = ask::ask(&store, &args.question, &opts)?;
    if args.timings {
        let steps: Vec<String> =
            brief.timings.iter().map(|(step, ms)| format!("{step} {ms:.1} ms")).collect();
        eprintln!(
            "answered in {:.1} ms (opening the store and the knowledge base included): {}",
            started.elapsed().as_secs_f64() * 1000.0,
            steps.join(", ")
        );
    }
    let format = if global.json { Format::Json } else { args.format };
    let cited = cited_articles(&store, &brief)?;
    let text = match format {
        Format::Json => serde_json::to_string(&brief)?,
        Format::Text => render_text(&brief, &cited),
        Format::Markdown => render_markdown(&brief, &cited),
        Format::Html => render_html(&brief, &cited),
    };
    out(text.trim_end())?;
    Ok(if brief.refusal.is_some() { ExitCode::from(REFUSED) } else { ExitCode::SUCCESS })
}

/// The cited articles, for the list of sources.
fn cited_articles(store: &dyn Store, brief: &Brief) -> Result<Vec<StoredArticle>> {
    let mut out = vec![];
    for id in references(brief).keys() {
        if let Some(a) = store.get(id)? {
            out.push(a);
        }
    }
    Ok(out)
}

/// The brief words of the question's language.
fn words(brief: &Brief) -> &'static packs::BriefWords {
    let lang: Lang = brief.scope.lang.parse().unwrap_or(Lang::En);
    &ask::question::words_of(lang).brief
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

fn describe(id: &ArticleId, stored: &[StoredArticle], words: &packs::BriefWords) -> String {
    stored.iter().find(|a| &a.article.id == id).map_or_else(
        || id.as_str().to_string(),
        |a| {
            let a = &a.article;
            format!(
                "{} · {} · {} · {}",
                a.outlet.as_deref().unwrap_or(words.unnamed_outlet),
                a.published.map_or_else(|| "-".into(), |d| d.to_string()),
                a.language.map_or("-", |l| l.code()),
                a.title.as_deref().unwrap_or(a.id.as_str())
            )
        },
    )
}

/// The mark of a line resting on a statement of low confidence.
fn unsure(i: &ask::Item) -> &'static str {
    if i.confidence == Some(parallax_model::Confidence::Low) {
        " · low confidence"
    } else {
        ""
    }
}

/// A line's status in the brief's language.
fn status(w: &packs::BriefWords, s: ask::Status) -> &'static str {
    match s {
        ask::Status::Corroborated => w.statuses[0],
        ask::Status::SingleSource => w.statuses[1],
        ask::Status::Unattributed => w.statuses[2],
        ask::Status::Contested => w.statuses[3],
    }
}

/// The citations of a line: the first four, and how many more.
fn cites(item: &ask::Item, refs: &BTreeMap<ArticleId, usize>) -> String {
    const SHOWN: usize = 4;
    let mut parts: Vec<String> = item
        .citations
        .iter()
        .take(SHOWN)
        .map(|c| format!("[{}:{}-{}]", refs.get(&c.article).copied().unwrap_or(0), c.start, c.end))
        .collect();
    if item.citations.len() > SHOWN {
        parts.push(format!("+{}", item.citations.len() - SHOWN));
    }
    parts.join(" ")
}

fn fill(template: &str, n: usize, x: &str) -> String {
    template.replace("{n}", &n.to_string()).replace("{x}", x)
}

/// The footer: what the answer rests on, then the store.
fn footer(brief: &Brief) -> Vec<String> {
    let w = words(brief);
    let c = &brief.coverage;
    let mut lines = vec![];
    if brief.refusal.is_none() {
        let mut first = fill(w.rests_on, c.articles, "");
        if !c.languages.is_empty() {
            first.push_str(&format!(" · {}", c.languages.join(", ")));
        }
        lines.push(first);
        let stories: Vec<String> = brief
            .scope
            .stories
            .iter()
            .map(|s| format!("{} ({})", s.title.as_deref().unwrap_or(s.id.as_str()), s.id))
            .collect();
        if !stories.is_empty() {
            lines.push(fill(w.stories, 0, &stories.join("; ")));
        }
        if !c.outlets.is_empty() {
            let owners: Vec<String> = c.ownership.iter().map(|(k, n)| format!("{k} {n}")).collect();
            lines.push(format!(
                "{} ({})",
                fill(w.outlets, 0, &c.outlets.join(", ")),
                owners.join(", ")
            ));
        }
        if !c.missing.is_empty() {
            lines.push(fill(w.missing, 0, &c.missing.join("; ")));
        }
    }
    lines.push(fill(w.store, c.store_articles, &c.read.to_string()));
    if c.dropped > 0 {
        lines.push(format!("{} line(s) dropped: their citations did not hold", c.dropped));
    }
    if c.unsure_left_out > 0 {
        lines.push(format!(
            "{} statement(s) of low confidence left out (a guessed or missing speaker, or no \
             clause): --all-statements shows them",
            c.unsure_left_out
        ));
    }
    lines
}

/// The refusal's lines: the reason, what was looked for, the nearest stories.
fn refusal_lines(brief: &Brief) -> Vec<String> {
    let Some(r) = &brief.refusal else { return vec![] };
    let w = words(brief);
    let mut o = vec![r.reason.clone()];
    if !r.nearest.is_empty() {
        o.push(w.nearest.to_string());
        for s in &r.nearest {
            o.push(format!("  {} {}", s.id, s.title.as_deref().unwrap_or("")));
        }
    }
    o
}

fn render_text(brief: &Brief, stored: &[StoredArticle]) -> String {
    let w = words(brief);
    let refs = references(brief);
    let mut o = vec![brief.question.clone(), String::new()];
    for s in &brief.sections {
        o.push(s.title.clone());
        for i in &s.items {
            let mut first = true;
            for line in wrap(&i.text, 92) {
                o.push(format!("{} {line}", if first { "  •" } else { "   " }));
                first = false;
            }
            o.push(format!("    {}{} · {}", status(w, i.status), unsure(i), cites(i, &refs)));
        }
        o.push(String::new());
    }
    if !brief.more_text.is_empty() {
        o.push(brief.more_text.clone());
        o.push(String::new());
    }
    for l in refusal_lines(brief) {
        o.push(l);
    }
    if brief.refusal.is_some() {
        o.push(String::new());
    }
    if !refs.is_empty() {
        o.push(format!("{}:", w.sources));
        let mut by_n: Vec<(&ArticleId, &usize)> = refs.iter().collect();
        by_n.sort_by_key(|(_, n)| **n);
        for (id, n) in by_n {
            o.push(format!("  [{n}] {id} {}", describe(id, stored, w)));
        }
    }
    o.extend(footer(brief));
    o.join("\n")
}

fn render_markdown(brief: &Brief, stored: &[StoredArticle]) -> String {
    let w = words(brief);
    let refs = references(brief);
    let mut o = vec![format!("# {}", brief.question), String::new()];
    for s in &brief.sections {
        o.push(format!("## {}", s.title));
        o.push(String::new());
        for i in &s.items {
            o.push(format!(
                "- {} — *{}{}* {}",
                i.text,
                status(w, i.status),
                unsure(i),
                cites(i, &refs)
            ));
        }
        o.push(String::new());
    }
    if !brief.more_text.is_empty() {
        o.push(format!("*{}*", brief.more_text));
        o.push(String::new());
    }
    for l in refusal_lines(brief) {
        o.push(format!("> {l}"));
    }
    if !refs.is_empty() {
        o.push(format!("## {}", w.sources));
        o.push(String::new());
        let mut by_n: Vec<(&ArticleId, &usize)> = refs.iter().collect();
        by_n.sort_by_key(|(_, n)| **n);
        for (id, n) in by_n {
            o.push(format!("{n}. `{id}` {}", describe(id, stored, w)));
        }
        o.push(String::new());
    }
    for l in footer(brief) {
        o.push(format!("*{l}*  "));
    }
    o.join("\n")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn render_html(brief: &Brief, stored: &[StoredArticle]) -> String {
    let w = words(brief);
    let refs = references(brief);
    let mut o = vec![
        format!(
            "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">",
            brief.scope.lang
        ),
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
            o.push(format!(
                "<li>{} <span class=\"status {}\">{}</span> <cite>{}</cite></li>",
                escape(&i.text),
                i.status.as_str().replace(' ', "-"),
                escape(status(w, i.status)),
                escape(&cites(i, &refs))
            ));
        }
        o.push("</ul>".into());
    }
    if !brief.more_text.is_empty() {
        o.push(format!("<p class=\"status\">{}</p>", escape(&brief.more_text)));
    }
    for l in refusal_lines(brief) {
        o.push(format!("<p>{}</p>", escape(&l)));
    }
    if !refs.is_empty() {
        o.push(format!("<h2>{}</h2><ol>", escape(w.sources)));
        let mut by_n: Vec<(&ArticleId, &usize)> = refs.iter().collect();
        by_n.sort_by_key(|(_, n)| **n);
        for (id, _) in by_n {
            o.push(format!("<li><code>{}</code> {}</li>", id, escape(&describe(id, stored, w))));
        }
        o.push("</ol>".into());
    }
    for l in footer(brief) {
        o.push(format!("<p class=\"status\">{}</p>", escape(&l)));
    }
    o.push("</body></html>".into());
    o.join("\n")
}
