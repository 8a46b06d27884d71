//! # parallax: the command line
//!
//! The only place that chooses a store backend and touches the terminal. Every command reads or
//! writes the store in `--data DIR` and prints for a person, or, with `--json`, for a machine (one
//! JSON object per line for lists, one object otherwise). Exit codes: 0 success, 1 when an input
//! or a lookup failed (each failure named on stderr), 2 on usage errors, 3 when `ask` refuses a
//! question or `search` finds nothing, 4 when the store stayed busy with another writer.

mod ask;
mod demo;
mod entities;
mod eval;
mod ingest;
mod reanalyse;
mod search;
mod show;
mod statements;
mod stories;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use parallax_model::StoreError;
use std::path::PathBuf;
use std::process::ExitCode;

const ABOUT: &str = "Multilingual news intelligence: ingest articles, see what each source says.";

const LONG_ABOUT: &str = "\
Parallax reads news as it arrives (scraped pages, HTML, feeds, JSON, plain text; English,
Ukrainian, Russian, Spanish, German and more), separates each article from its page furniture,
and stores it with its language, sentences, title, date, outlet and kind, and groups articles
into stories: the articles that tell one event, across languages, scripts and outlets, with
reprinted wire copy counted once. Every annotation is a byte span into the article's clean
text, so any output can be traced to its source.

Start with `parallax demo` to see it work on the bundled example corpus.";

const AFTER_HELP: &str = "\
Examples:
  parallax demo                              try it on the bundled examples
  parallax ingest ~/news/ feed.xml dump.jsonl  store articles (folders are read recursively)
  curl -s https://example.org/a | parallax ingest -   read a page from stdin
  parallax articles                          list what is stored
  parallax show 3f2a                         one article (any unique id prefix)
  parallax entities --type person            who the corpus names, across scripts
  parallax statements --speaker hrytsenko    who said what, with exact source spans
  parallax stories                           the stories: one event across languages and outlets
  parallax story s3f2a                       one story's articles (any unique id prefix)
  parallax restory                           rebuild the stories in date order
  parallax reanalyse                         bring a store made by an older Parallax up to date
  parallax ask \"What is Russia saying about Venezuela?\"   a brief citing exact spans
  parallax search \"Nord Stream sanctions\" --lang ru   articles with every word, any language
  parallax articles --json | jq .title       machine-readable output
  parallax eval extract                      measure extraction on ../shared/data

The store lives in ./parallax-data unless --data DIR or PARALLAX_DATA says otherwise.
Exit codes: 0 success, 1 an input or lookup failed, 2 usage error, 3 a question refused or a
search with no hit, 4 the store stayed busy with another process's writes.";

#[derive(Debug, Parser)]
#[command(name = "parallax", version, about = ABOUT, long_about = LONG_ABOUT, after_help = AFTER_HELP)]
struct Cli {
    /// The store: a data directory (created on first ingest).
    #[arg(
        long,
        global = true,
        env = "PARALLAX_DATA",
        default_value = "parallax-data",
        value_name = "DIR"
    )]
    data: PathBuf,

    /// Print JSON: one object per line for lists, one object otherwise.
    #[arg(long, global = true)]
    json: bool,

    /// Worker threads for parallel work [default: all cores].
    #[arg(long, global = true, value_name = "N")]
    jobs: Option<usize>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read articles from files, folders, feeds, JSON or stdin into the store.
    #[command(long_about = ingest::LONG_ABOUT)]
    Ingest(ingest::IngestArgs),
    /// List stored articles.
    Articles(ArticlesArgs),
    /// Show one article with its analysis.
    Show(ShowArgs),
    /// List the people, organisations, countries and places the corpus names.
    Entities(entities::EntitiesArgs),
    /// List who said what: quotes and reported speech with speakers, sources and spans.
    Statements(statements::StatementsArgs),
    /// List the stories: the articles that tell one event, across languages and outlets.
    #[command(long_about = stories::STORIES_ABOUT)]
    Stories(stories::StoriesArgs),
    /// Show one story: its articles with their outlets, languages, dates and copies.
    #[command(long_about = stories::STORY_ABOUT)]
    Story(stories::StoryArgs),
    /// Rebuild every story from the stored articles, in publication-date order.
    #[command(long_about = ingest::RESTORY_ABOUT)]
    Restory(ingest::RestoryArgs),
    /// Bring a store made by an older Parallax up to date from the raw bytes it keeps.
    #[command(long_about = reanalyse::REANALYSE_ABOUT)]
    Reanalyse(reanalyse::ReanalyseArgs),
    /// Answer a question from the articles: a brief in which every line cites exact spans.
    Ask(ask::AskArgs),
    /// Find articles by words and names (any language, script and case), with snippets.
    #[command(long_about = search::LONG_ABOUT)]
    Search(search::SearchArgs),
    /// Ingest the bundled example corpus into a temporary store and show what was found.
    Demo(demo::DemoArgs),
    /// Measure a stage on third-party evaluation data (../shared/data) or the seed gold.
    #[command(long_about = eval::LONG_ABOUT)]
    Eval(eval::EvalArgs),
}

#[derive(Debug, Args)]
struct ArticlesArgs {
    /// Only articles in this language (ISO 639-1: en, uk, ru...).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Only articles from this outlet (case-insensitive).
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,
    /// At most this many articles [default: 50 in text, all with --json]; the list says how
    /// many more there are.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Only articles published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only articles published on or before this date.
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
}

#[derive(Debug, Args)]
struct ShowArgs {
    /// The article's id, or any prefix of it that is unique in the store.
    id: String,
    /// Also print the sentences one per line.
    #[arg(long)]
    sentences: bool,
}

/// Options shared by every command.
#[derive(Debug, Clone)]
pub struct Global {
    pub data: PathBuf,
    pub json: bool,
    pub jobs: Option<usize>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let global = Global { data: cli.data, json: cli.json, jobs: cli.jobs };
    if let Some(n) = global.jobs {
        // Ignore the error of a pool already built: only the first configuration counts.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let result = match cli.command {
        Command::Ingest(args) => ingest::run(&global, &args),
        Command::Articles(args) => show::articles(
            &global,
            args.lang.as_deref(),
            args.outlet.as_deref(),
            args.limit,
            args.since.as_deref(),
            args.until.as_deref(),
        ),
        Command::Show(args) => show::show(&global, &args.id, args.sentences),
        Command::Entities(args) => entities::run(&global, &args),
        Command::Statements(args) => statements::run(&global, &args),
        Command::Stories(args) => stories::list(&global, &args),
        Command::Story(args) => stories::show(&global, &args),
        Command::Restory(args) => ingest::restory(&global, &args),
        Command::Reanalyse(args) => reanalyse::run(&global, &args),
        Command::Ask(args) => ask::run(&global, &args),
        Command::Search(args) => search::run(&global, &args),
        Command::Demo(args) => demo::run(&global, &args),
        Command::Eval(args) => eval::run(&global, &args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", safe(&format!("{e:#}")));
            exit_code(&e)
        }
    }
}

/// Exit code 2: the command was called wrongly (a bad option value), as for clap's own errors.
pub const USAGE: u8 = 2;
/// Exit code 4: another process held the store's write lock for longer than the wait.
pub const BUSY: u8 = 4;

/// An error in how a command was called: exits with [`USAGE`].
#[derive(Debug)]
pub struct Usage(String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// A usage error with this message.
pub fn usage(msg: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(Usage(msg.into()))
}

/// The exit code of a failed command: usage errors 2, a busy store 4, anything else 1.
fn exit_code(e: &anyhow::Error) -> ExitCode {
    if e.chain().any(|c| c.downcast_ref::<Usage>().is_some()) {
        ExitCode::from(USAGE)
    } else if e.chain().any(|c| {
        matches!(c.downcast_ref::<parallax_model::StoreError>(), Some(StoreError::Busy { .. }))
    }) {
        ExitCode::from(BUSY)
    } else {
        ExitCode::FAILURE
    }
}

/// `--lang` as a language code; a usage error otherwise.
pub fn parse_lang(lang: Option<&str>) -> Result<Option<parallax_model::Lang>> {
    lang.map(|l| l.trim().parse().map_err(|e| usage(format!("--lang {l:?}: {e}")))).transpose()
}

/// Text for the terminal: control characters (a newline or an escape in a file name) are shown
/// escaped, so that no input can forge a line of output or drive the terminal.
pub fn safe(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars()
        .map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() })
        .collect()
}

/// Prints a line to stdout, ending quietly when the reader has gone (`parallax articles | head`).
pub fn out(line: &str) -> Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{line}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        r => Ok(r?),
    }
}

/// A progress bar on stderr with `template` (an indicatif template), ticking while work runs;
/// hidden unless `show` (a terminal, and neither --quiet nor --json).
pub fn progress(len: Option<u64>, template: &str, show: bool) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    if !show {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(len, ProgressDrawTarget::stderr());
    let fallback =
        if len.is_some() { ProgressStyle::default_bar() } else { ProgressStyle::default_spinner() };
    bar.set_style(ProgressStyle::with_template(template).unwrap_or(fallback));
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
