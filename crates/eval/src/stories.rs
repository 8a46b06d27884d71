//! `eval stories`: online, cross-lingual story assignment against third-party groupings.
//!
//! Every dataset is turned into a stream of articles in a fixed order, run through the whole
//! engine (extraction, analysis, entity linking) and stored one article at a time in a
//! [`MemStore`] with the engine's [`EngineAssigner`], exactly as `parallax ingest` does; the
//! stories that result are compared with the dataset's grouping.
//!
//! - `bsnlp`: every raw ru and uk document of every topic folder (annotated or not), the topic
//!   being the gold cluster. Each file's third line is its publication date; the stream is in
//!   date order, Russian and Ukrainian interleaved within a day (undated files last, interleaved
//!   the same way). Scores: BCubed precision, recall and F1 (Bagga and Baldwin 1998; averaged
//!   over articles), and `language_split_rate`: among topics with articles in both languages,
//!   the share whose Russian articles and Ukrainian articles are mostly in different stories
//!   (the story holding most of the topic's Russian articles is not the one holding most of its
//!   Ukrainian ones), cluster purity, the largest story and how many stories mix topics.
//!   `--no-dates` ingests the same stream with every publication date removed (an archive of
//!   undated plain-text files): stories must then hold together on content alone.
//! - `itn-corpus`: the en, ru and uk blurbs of Wikipedia's "In the news", each a one-sentence
//!   article (HTML stripped) published at its timestamp, in time order. A pair of blurbs within
//!   seven days of each other is positive in the gold when both have a subject (Wikidata id) in
//!   common, and in the prediction when both are in one story: pairwise precision, recall and
//!   F1, over all pairs and over pairs of two languages (`cross_pairwise_*`). The corpus lists a
//!   blurb once under each subject it links in bold ("Liz Truss announces her resignation" under
//!   Liz Truss and under the government crisis), so a blurb's subjects are all those its text is
//!   listed under in its language. `strict_cross_pairwise_*` score each listing as a separate
//!   blurb with its one subject: two listings of one text then count as a false pair whenever the
//!   engine (rightly) puts them together.
//! - `ruwa-russia-ukraine-war-news`: English headlines with their subheadings from nine outlets,
//!   in date order, against the dataset's event tags. The tags come from a keyword search and
//!   are coarse (one tag covers months of war news), so recall against them means little: the
//!   meaningful figures are BCubed precision (do stories mix events?), the pairwise scores within
//!   seven days, how many stories span several outlets, and the copies found.
//! - `synthetic-1m`: the scale benchmark (see [`synthetic`]).
//!
//! Every report gives `docs_per_second` for the sequential store step (storing, entity linking
//! and story assignment; extraction and analysis excluded, they run in parallel before it) and
//! `peak_rss_mb`.

use crate::{require_dir, EvalError, EvalOptions, Report};
use parallax_engine::entities::link::EngineLinker;
use parallax_engine::stories::{Config, EngineAssigner};
use parallax_model::{
    Content, Hints, Ingested, InputFormat, MemStore, PutOutcome, RawDoc, Store, StoryId,
};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

pub mod synthetic;

pub fn run(opts: &EvalOptions) -> Result<Vec<Report>, EvalError> {
    let config = Config::default();
    let mut out = vec![];
    if opts.wants("bsnlp") {
        out.push(bsnlp(opts, std::slice::from_ref(&config))?.remove(0));
    }
    if opts.wants("itn-corpus") {
        out.push(itn(opts, std::slice::from_ref(&config))?.remove(0));
    }
    if opts.wants("ruwa-russia-ukraine-war-news") {
        out.push(ruwa(opts, std::slice::from_ref(&config))?.remove(0));
    }
    if opts.dataset.as_deref() == Some("synthetic-1m") {
        out.push(synthetic::run(opts, &config)?);
    }
    Ok(out)
}

/// One article of a dataset stream with its gold group.
#[derive(Debug, Clone)]
pub struct Doc {
    pub raw: RawDoc,
    /// The gold group (topic, subject, event).
    pub gold: String,
    /// The dataset's language label.
    pub lang: String,
    /// Seconds since 1970 (a day's midnight when only the date is known), if dated.
    pub time: Option<i64>,
}

/// A document for the engine: a plain-text body with the metadata a feed or JSON record would
/// carry. (The fields a dataset reader fills, in one call: a builder would add nothing.)
#[allow(clippy::too_many_arguments)]
pub fn raw_doc(
    source: String,
    bytes: Vec<u8>,
    title: Option<String>,
    body: String,
    published: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    language: Option<String>,
) -> RawDoc {
    RawDoc {
        source,
        format: InputFormat::Text,
        bytes,
        encoding: "UTF-8".into(),
        content: Content::Text(body),
        hints: Hints { url, title, published, outlet, language, ..Default::default() },
    }
}

/// With `no_dates`, removes every document's publication date (the gold side keeps its time):
/// the stream an archive of undated plain-text files would make.
pub fn undate(docs: &mut [Doc], no_dates: bool) {
    if no_dates {
        for d in docs {
            d.raw.hints.published = None;
        }
    }
}

/// A dataset's report name, marked when the dates were removed.
fn dataset_name(name: &str, no_dates: bool) -> String {
    if no_dates {
        format!("{name} (no dates)")
    } else {
        name.to_string()
    }
}

/// Runs extraction and analysis on every document in parallel; a document whose body the
/// extractor rejects is analysed as it stands (each of its lines a paragraph).
pub fn process_all(docs: &[Doc]) -> Vec<Ingested> {
    docs.par_iter()
        .map(|d| match parallax_engine::process(&d.raw) {
            Ok(i) => i,
            Err(_) => {
                let body = match &d.raw.content {
                    Content::Text(t) | Content::Html(t) => t.as_str(),
                };
                let mut i = parallax_engine::process_body(&d.raw.source, body);
                let h = &d.raw.hints;
                i.article.title = h.title.clone();
                i.article.published =
                    h.published.as_deref().and_then(parallax_engine::calendar::parse_meta_date);
                i.article.outlet = h.outlet.clone();
                i.article.url = h.url.clone();
                i.raw_hash = parallax_engine::hash_hex(&d.raw.bytes);
                i.article.id = parallax_engine::article_id(&i.raw_hash);
                i
            }
        })
        .collect()
}

/// The outcome of storing a stream.
#[derive(Debug)]
pub struct Assigned {
    /// The story of each document (a duplicate's is the story of what it duplicates).
    pub stories: Vec<Option<StoryId>>,
    /// Seconds spent in the sequential store step.
    pub seconds: f64,
    pub store: MemStore,
}

/// Stores the documents one at a time, linking entities and assigning stories.
pub fn assign_all(docs: &[Ingested], config: &Config) -> Assigned {
    let assigner = EngineAssigner::new(config.clone());
    let mut store = MemStore::new();
    let started = Instant::now();
    let mut ids = Vec::with_capacity(docs.len());
    for d in docs {
        let outcome = store
            .put_batch_assigned(std::slice::from_ref(d), &EngineLinker, &assigner)
            .ok()
            .and_then(|mut o| o.pop());
        ids.push(match outcome {
            Some(PutOutcome::Stored(id)) | Some(PutOutcome::Duplicate { of: id }) => Some(id),
            None => None,
        });
    }
    let seconds = started.elapsed().as_secs_f64();
    let stories =
        ids.iter().map(|id| id.as_ref().and_then(|id| store.story_of(id).ok().flatten())).collect();
    Assigned { stories, seconds, store }
}

/// BCubed precision and recall of a predicted clustering against a gold one (items without a
/// prediction are singletons).
pub fn bcubed(gold: &[&str], pred: &[Option<StoryId>]) -> (f64, f64) {
    let n = gold.len().min(pred.len());
    if n == 0 {
        return (0.0, 0.0);
    }
    let key = |i: usize| pred[i].clone().map_or_else(|| format!("#{i}"), |s| s.0);
    let mut by_pred: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_gold: HashMap<&str, usize> = HashMap::new();
    let mut both: HashMap<(String, &str), usize> = HashMap::new();
    for (i, &g) in gold.iter().enumerate().take(n) {
        by_pred.entry(key(i)).or_default().push(i);
        *by_gold.entry(g).or_default() += 1;
        *both.entry((key(i), g)).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for (i, &g) in gold.iter().enumerate().take(n) {
        let k = key(i);
        let common = both.get(&(k.clone(), g)).copied().unwrap_or(0) as f64;
        p += common / by_pred.get(&k).map_or(1, Vec::len) as f64;
        r += common / by_gold.get(g).copied().unwrap_or(1) as f64;
    }
    (p / n as f64, r / n as f64)
}

/// Cluster purity (the share of items whose story's most common gold group is their own), the
/// size of the largest story, and how many stories hold items of two or more gold groups.
pub fn purity(gold: &[&str], pred: &[Option<StoryId>]) -> (f64, usize, usize) {
    let mut by_story: HashMap<&StoryId, HashMap<&str, usize>> = HashMap::new();
    let mut alone = 0;
    for (g, p) in gold.iter().zip(pred) {
        match p {
            Some(p) => *by_story.entry(p).or_default().entry(g).or_default() += 1,
            None => alone += 1,
        }
    }
    let n = gold.len().min(pred.len());
    if n == 0 {
        return (0.0, 0, 0);
    }
    let majority: usize = by_story.values().map(|m| m.values().max().copied().unwrap_or(0)).sum();
    let largest = by_story.values().map(|m| m.values().sum::<usize>()).max().unwrap_or(0);
    let mixed = by_story.values().filter(|m| m.len() > 1).count();
    ((majority + alone) as f64 / n as f64, largest, mixed)
}

/// The share of gold groups with members in two languages whose languages mostly sit in
/// different stories (see the module docs), and how many such groups there are.
pub fn language_split(gold: &[&str], langs: &[&str], pred: &[Option<StoryId>]) -> (f64, usize) {
    let mut counts: BTreeMap<&str, BTreeMap<&str, BTreeMap<String, usize>>> = BTreeMap::new();
    for (i, (g, l)) in gold.iter().zip(langs).enumerate() {
        let s = pred.get(i).cloned().flatten().map_or_else(|| format!("#{i}"), |s| s.0);
        *counts.entry(g).or_default().entry(l).or_default().entry(s).or_default() += 1;
    }
    let (mut groups, mut split) = (0, 0);
    for by_lang in counts.values() {
        if by_lang.len() < 2 {
            continue;
        }
        groups += 1;
        let main: Vec<&String> = by_lang
            .values()
            .filter_map(|m| m.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|x| x.0))
            .collect();
        if main.windows(2).any(|w| w[0] != w[1]) {
            split += 1;
        }
    }
    (if groups == 0 { 0.0 } else { split as f64 / groups as f64 }, groups)
}

/// Pair counts over pairs of items at most `window` seconds apart.
#[derive(Debug, Default, Clone, Copy)]
pub struct WindowPairs {
    pub gold: u64,
    pub predicted: u64,
    pub both: u64,
}

impl WindowPairs {
    /// Counts pairs within `window` seconds; `want` picks which pairs count (by their two
    /// indices).
    pub fn count(
        gold: &[&str],
        pred: &[Option<StoryId>],
        time: &[Option<i64>],
        window: i64,
        want: impl Fn(usize, usize) -> bool,
    ) -> WindowPairs {
        Self::count_by(|i, j| gold[i] == gold[j], pred, time, window, want)
    }

    /// [`WindowPairs::count`] with the gold given as a relation: `same(i, j)` when the gold puts
    /// items `i` and `j` together (items may belong to several gold groups).
    pub fn count_by(
        same: impl Fn(usize, usize) -> bool,
        pred: &[Option<StoryId>],
        time: &[Option<i64>],
        window: i64,
        want: impl Fn(usize, usize) -> bool,
    ) -> WindowPairs {
        let mut order: Vec<usize> =
            (0..pred.len().min(time.len())).filter(|i| time[*i].is_some()).collect();
        order.sort_by_key(|i| time[*i]);
        let mut out = WindowPairs::default();
        for (a, &i) in order.iter().enumerate() {
            for &j in order.get(a + 1..).unwrap_or_default() {
                let (Some(ti), Some(tj)) = (time[i], time[j]) else { continue };
                if tj - ti > window {
                    break;
                }
                if !want(i, j) {
                    continue;
                }
                let g = same(i, j);
                let p = pred[i].is_some() && pred[i] == pred[j];
                out.gold += u64::from(g);
                out.predicted += u64::from(p);
                out.both += u64::from(g && p);
            }
        }
        out
    }

    pub fn scores(&self) -> (f64, f64, f64) {
        let p = if self.predicted == 0 { 0.0 } else { self.both as f64 / self.predicted as f64 };
        let r = if self.gold == 0 { 0.0 } else { self.both as f64 / self.gold as f64 };
        (p, r, crate::f1(p, r))
    }

    fn report(&self, r: &mut Report, prefix: &str) {
        let (p, rc, f) = self.scores();
        r.metric(&format!("{prefix}pairwise_precision"), p)
            .metric(&format!("{prefix}pairwise_recall"), rc)
            .metric(&format!("{prefix}pairwise_f1"), f);
    }
}

/// The process's peak resident set size in MB (Linux; 0 elsewhere).
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| (kb / 1024.0 * 10.0).round() / 10.0)
}

/// Counts of the stories made: how many, how many span two or more languages or outlets, how
/// many copies were found.
fn story_notes(store: &MemStore, report: &mut Report) {
    let (mut n, mut multi_lang, mut multi_outlet, mut copies, mut singletons) = (0, 0, 0, 0, 0);
    let _ = store.stories(&mut |s| {
        n += 1;
        multi_lang += usize::from(s.languages.len() > 1);
        multi_outlet += usize::from(s.outlets.len() > 1);
        copies += s.copies.iter().map(|g| g.copies.len()).sum::<usize>();
        singletons += usize::from(s.articles.len() == 1);
        std::ops::ControlFlow::Continue(())
    });
    report.metric("stories", n as f64).metric("copies", copies as f64);
    report.notes.push(format!(
        "{n} stories: {singletons} single articles, {multi_lang} in two or more languages, \
         {multi_outlet} from two or more outlets; {copies} near-duplicate copies"
    ));
}

/// The largest predicted stories with their gold composition, for a human reader.
fn composition_notes(gold: &[&str], pred: &[Option<StoryId>], report: &mut Report, top: usize) {
    let mut by_story: BTreeMap<&StoryId, BTreeMap<&str, usize>> = BTreeMap::new();
    for (g, p) in gold.iter().zip(pred) {
        if let Some(p) = p {
            *by_story.entry(p).or_default().entry(g).or_default() += 1;
        }
    }
    let mut sizes: Vec<(&StoryId, usize, &BTreeMap<&str, usize>)> =
        by_story.iter().map(|(s, m)| (*s, m.values().sum(), m)).collect();
    sizes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (s, n, m) in sizes.into_iter().take(top) {
        let mut parts: Vec<(&&str, &usize)> = m.iter().collect();
        parts.sort_by(|a, b| b.1.cmp(a.1));
        let parts: Vec<String> = parts.iter().take(4).map(|(g, c)| format!("{g} {c}")).collect();
        report.notes.push(format!("story {s}: {n} articles ({})", parts.join(", ")));
    }
}

// ---------------------------------------------------------------------------------------------
// BSNLP

/// The BSNLP stream: every raw ru and uk file of every topic, in date order with the languages
/// interleaved.
pub fn bsnlp_docs(root: &Path, limit: Option<usize>) -> Result<Vec<Doc>, EvalError> {
    let mut topics: Vec<_> = std::fs::read_dir(root)
        .map_err(|e| EvalError::Read { path: root.into(), reason: e.to_string() })?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("raw").is_dir())
        .collect();
    topics.sort();
    // (date or "~" for undated, language, topic, file) → doc
    let mut by_day: BTreeMap<String, BTreeMap<String, Vec<Doc>>> = BTreeMap::new();
    for topic in &topics {
        let name = topic.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        for lang in ["ru", "uk"] {
            let dir = topic.join("raw").join(lang);
            let Ok(rd) = std::fs::read_dir(&dir) else { continue };
            let mut files: Vec<_> = rd.flatten().map(|e| e.path()).collect();
            files.sort();
            for f in files {
                let bytes = crate::read_file(&f)?;
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let mut lines = text.lines();
                let _id = lines.next();
                let _lang = lines.next();
                let date = lines.next().unwrap_or("").trim().to_string();
                let url = lines.next().map(str::trim).filter(|u| !u.is_empty()).map(String::from);
                let rest: Vec<&str> = lines.collect();
                let title_at = rest.iter().position(|l| !l.trim().is_empty());
                let title = title_at.map(|i| rest[i].trim().to_string());
                let body = title_at
                    .map(|i| rest.get(i + 1..).unwrap_or_default().join("\n"))
                    .unwrap_or_default();
                let published = parallax_engine::calendar::parse_meta_date(&date);
                let day_key = published
                    .filter(|d| d.is_full())
                    .map_or_else(|| "~".to_string(), |d| d.to_string());
                let time = published
                    .as_ref()
                    .and_then(parallax_model::day_number)
                    .map(|d| i64::from(d) * 86_400);
                let outlet = url
                    .as_deref()
                    .and_then(parallax_engine::kb::url_host)
                    .map(|h| h.trim_start_matches("www.").to_string());
                let doc = Doc {
                    raw: raw_doc(
                        f.display().to_string(),
                        bytes,
                        title,
                        body,
                        published.map(|d| d.to_string()),
                        url,
                        outlet,
                        Some(lang.to_string()),
                    ),
                    gold: name.clone(),
                    lang: lang.to_string(),
                    time,
                };
                by_day.entry(day_key).or_default().entry(lang.to_string()).or_default().push(doc);
            }
        }
    }
    let mut out = vec![];
    for (_, by_lang) in by_day {
        let mut lists: Vec<std::vec::IntoIter<Doc>> =
            by_lang.into_values().map(Vec::into_iter).collect();
        loop {
            let mut any = false;
            for l in &mut lists {
                if let Some(d) = l.next() {
                    out.push(d);
                    any = true;
                }
            }
            if !any {
                break;
            }
        }
    }
    if let Some(l) = limit {
        out.truncate(l);
    }
    Ok(out)
}

/// Runs BSNLP with each configuration (one report each).
pub fn bsnlp(opts: &EvalOptions, configs: &[Config]) -> Result<Vec<Report>, EvalError> {
    let root = opts.dataset_dir("bsnlp");
    require_dir("bsnlp", &root)?;
    let started = Instant::now();
    let mut docs = bsnlp_docs(&root, opts.limit)?;
    undate(&mut docs, opts.no_dates);
    let processed = process_all(&docs);
    let prep = started.elapsed().as_secs_f64();
    let gold: Vec<&str> = docs.iter().map(|d| d.gold.as_str()).collect();
    let langs: Vec<&str> = docs.iter().map(|d| d.lang.as_str()).collect();
    let mut out = vec![];
    for config in configs {
        let a = assign_all(&processed, config);
        let mut report = Report::new("stories", &dataset_name("bsnlp", opts.no_dates));
        report.n = docs.len();
        let (p, r) = bcubed(&gold, &a.stories);
        let (split, groups) = language_split(&gold, &langs, &a.stories);
        let (pure, largest, mixed) = purity(&gold, &a.stories);
        report
            .metric("bcubed_precision", p)
            .metric("bcubed_recall", r)
            .metric("bcubed_f1", crate::f1(p, r))
            .metric("language_split_rate", split)
            .metric("purity", pure)
            .metric("largest_story", largest as f64)
            .metric("mixed_stories", mixed as f64)
            .metric("docs_per_second", rate(docs.len(), a.seconds))
            .metric("peak_rss_mb", peak_rss_mb());
        report.notes.push(format!(
            "{} topics with both languages; extraction and analysis {prep:.1} s, store step {:.2} s",
            groups, a.seconds
        ));
        story_notes(&a.store, &mut report);
        composition_notes(&gold, &a.stories, &mut report, 12);
        report.seconds = prep + a.seconds;
        out.push(report);
    }
    Ok(out)
}

fn rate(n: usize, seconds: f64) -> f64 {
    if seconds > 0.0 {
        (n as f64 / seconds).round()
    } else {
        0.0
    }
}

// ---------------------------------------------------------------------------------------------
// ITN

/// The ITN stream: en, ru and uk blurbs in time order.
pub fn itn_docs(dir: &Path, limit: Option<usize>) -> Result<Vec<Doc>, EvalError> {
    let path = dir.join("itn-2022.json");
    let data: serde_json::Value = serde_json::from_slice(&crate::read_file(&path)?)
        .map_err(|e| EvalError::Read { path: path.clone(), reason: e.to_string() })?;
    let mut docs = vec![];
    for (qid, blurbs) in data.as_object().into_iter().flatten() {
        for (ts, b) in blurbs.as_object().into_iter().flatten() {
            let lang = b.get("lang").and_then(|l| l.as_str()).unwrap_or("");
            if !matches!(lang, "en" | "ru" | "uk") {
                continue;
            }
            let Ok(t) = ts.parse::<f64>() else { continue };
            let t = t as i64;
            let html = b.get("blurb").and_then(|l| l.as_str()).unwrap_or("");
            let text = strip_html(html);
            if text.is_empty() {
                continue;
            }
            let date = parallax_model::date_of_day((t.div_euclid(86_400)) as i32);
            docs.push(Doc {
                raw: raw_doc(
                    format!("itn/{qid}/{ts}/{lang}"),
                    format!("{qid}\t{ts}\t{lang}\t{html}").into_bytes(),
                    None,
                    text,
                    date.map(|d| d.to_string()),
                    None,
                    Some("Wikipedia".into()),
                    Some(lang.to_string()),
                ),
                gold: qid.clone(),
                lang: lang.to_string(),
                time: Some(t),
            });
        }
    }
    docs.sort_by(|a, b| a.time.cmp(&b.time).then(a.raw.source.cmp(&b.raw.source)));
    if let Some(l) = limit {
        docs.truncate(l);
    }
    Ok(docs)
}

/// Text without tags and with the common entities decoded, white space collapsed.
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ");
    parallax_engine::text::normalize_inline(&out)
}

/// Runs ITN with each configuration.
pub fn itn(opts: &EvalOptions, configs: &[Config]) -> Result<Vec<Report>, EvalError> {
    let dir = opts.dataset_dir("itn-corpus");
    require_dir("itn-corpus", &dir)?;
    let started = Instant::now();
    let mut docs = itn_docs(&dir, opts.limit)?;
    undate(&mut docs, opts.no_dates);
    let processed = process_all(&docs);
    let prep = started.elapsed().as_secs_f64();
    let gold: Vec<&str> = docs.iter().map(|d| d.gold.as_str()).collect();
    let langs: Vec<&str> = docs.iter().map(|d| d.lang.as_str()).collect();
    let time: Vec<Option<i64>> = docs.iter().map(|d| d.time).collect();
    // One blurb is listed under each subject it links in bold: the same text in the same
    // language is about every subject it is listed under.
    let mut listed: HashMap<(&str, &str), Vec<&str>> = HashMap::new();
    for (d, p) in docs.iter().zip(&processed) {
        listed.entry((d.lang.as_str(), p.article.text.as_str())).or_default().push(&d.gold);
    }
    let subjects: Vec<&Vec<&str>> = docs
        .iter()
        .zip(&processed)
        .map(|(d, p)| &listed[&(d.lang.as_str(), p.article.text.as_str())])
        .collect();
    let mut out = vec![];
    for config in configs {
        let a = assign_all(&processed, config);
        let mut report = Report::new("stories", &dataset_name("itn-corpus", opts.no_dates));
        report.n = docs.len();
        let week = 7 * 86_400;
        let shares = |i: usize, j: usize| subjects[i].iter().any(|s| subjects[j].contains(s));
        let all = WindowPairs::count_by(shares, &a.stories, &time, week, |_, _| true);
        let cross =
            WindowPairs::count_by(shares, &a.stories, &time, week, |i, j| langs[i] != langs[j]);
        all.report(&mut report, "");
        cross.report(&mut report, "cross_");
        let strict =
            WindowPairs::count(&gold, &a.stories, &time, week, |i, j| langs[i] != langs[j]);
        strict.report(&mut report, "strict_cross_");
        let (p, r) = bcubed(&gold, &a.stories);
        report
            .metric("bcubed_precision", p)
            .metric("bcubed_recall", r)
            .metric("bcubed_f1", crate::f1(p, r))
            .metric("docs_per_second", rate(docs.len(), a.seconds))
            .metric("peak_rss_mb", peak_rss_mb());
        report.notes.push(format!(
            "pairs within 7 days: gold {} predicted {} both {}; across languages: gold {} predicted {} both {}",
            all.gold, all.predicted, all.both, cross.gold, cross.predicted, cross.both
        ));
        story_notes(&a.store, &mut report);
        composition_notes(&gold, &a.stories, &mut report, 8);
        report.seconds = prep + a.seconds;
        out.push(report);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// RUWA

/// The first entry of a zip archive (stored or deflated), read from its local header: the RUWA
/// archive holds one CSV (and a macOS resource fork after it), so a zip library is not needed.
pub fn first_zip_entry(bytes: &[u8]) -> Result<(String, Vec<u8>), String> {
    use std::io::Read;
    let u16_at = |i: usize| bytes.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    if bytes.get(..4) != Some(b"PK\x03\x04") {
        return Err("not a zip archive".into());
    }
    let method = u16_at(8).ok_or("truncated zip header")?;
    let name_len = usize::from(u16_at(26).ok_or("truncated zip header")?);
    let extra_len = usize::from(u16_at(28).ok_or("truncated zip header")?);
    let name = bytes
        .get(30..30 + name_len)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .ok_or("truncated zip header")?;
    let data = bytes.get(30 + name_len + extra_len..).ok_or("truncated zip entry")?;
    match method {
        8 => {
            let mut out = Vec::new();
            flate2::read::DeflateDecoder::new(data)
                .read_to_end(&mut out)
                .map_err(|e| format!("zip entry {name}: {e}"))?;
            Ok((name, out))
        }
        0 => {
            let size = bytes
                .get(18..22)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
                .ok_or("truncated zip header")?;
            Ok((name, data.get(..size).ok_or("truncated zip entry")?.to_vec()))
        }
        m => Err(format!("zip entry {name}: compression method {m} is not supported")),
    }
}

/// Parses CSV (RFC 4180: quoted fields may hold commas, quotes doubled, and line breaks).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '\r' => {}
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// The RUWA stream: headlines with their subheadings, in date order.
pub fn ruwa_docs(dir: &Path, limit: Option<usize>) -> Result<Vec<Doc>, EvalError> {
    let path = dir.join("RUWA_01.08.23.csv.zip");
    let (_, csv) = first_zip_entry(&crate::read_file(&path)?)
        .map_err(|reason| EvalError::Read { path: path.clone(), reason })?;
    let text = String::from_utf8_lossy(&csv);
    let rows = parse_csv(&text);
    let Some(header) = rows.first() else { return Ok(vec![]) };
    let col = |name: &str| header.iter().position(|h| h == name);
    let (Some(src), Some(desc), Some(title), Some(date), Some(site), Some(event)) =
        (col("src"), col("desc"), col("title"), col("Date"), col("Site"), col("Event"))
    else {
        return Err(EvalError::Read { path, reason: "unexpected CSV columns".into() });
    };
    let mut docs = vec![];
    for (i, r) in rows.iter().enumerate().skip(1) {
        let get = |c: usize| r.get(c).map(|s| s.trim()).unwrap_or("");
        let (t, d) = (get(title), get(desc));
        if t.is_empty() && d.is_empty() {
            continue;
        }
        // MM/DD/YYYY
        let mut parts = get(date).split('/');
        let (m, dd, y) = (parts.next(), parts.next(), parts.next());
        let published = match (m, dd, y) {
            (Some(m), Some(dd), Some(y)) => y
                .parse()
                .ok()
                .zip(m.parse().ok())
                .zip(dd.parse().ok())
                .and_then(|((y, m), d)| parallax_model::PartialDate::ymd(y, m, d)),
            _ => None,
        };
        let time =
            published.as_ref().and_then(parallax_model::day_number).map(|d| i64::from(d) * 86_400);
        let title = (!t.is_empty()).then(|| t.to_string());
        let body = if d.is_empty() { t.to_string() } else { d.to_string() };
        docs.push(Doc {
            raw: raw_doc(
                format!("ruwa/{i}"),
                format!("{i}\t{}", r.join("\t")).into_bytes(),
                title,
                body,
                published.map(|d| d.to_string()),
                Some(get(src).to_string()),
                Some(get(site).to_string()),
                Some("en".into()),
            ),
            gold: get(event).to_string(),
            lang: "en".into(),
            time,
        });
    }
    docs.sort_by_key(|d| d.time);
    if let Some(l) = limit {
        docs.truncate(l);
    }
    Ok(docs)
}

/// Runs RUWA with each configuration.
pub fn ruwa(opts: &EvalOptions, configs: &[Config]) -> Result<Vec<Report>, EvalError> {
    let dir = opts.dataset_dir("ruwa-russia-ukraine-war-news");
    require_dir("ruwa-russia-ukraine-war-news", &dir)?;
    let started = Instant::now();
    let mut docs = ruwa_docs(&dir, opts.limit)?;
    undate(&mut docs, opts.no_dates);
    let processed = process_all(&docs);
    let prep = started.elapsed().as_secs_f64();
    let gold: Vec<&str> = docs.iter().map(|d| d.gold.as_str()).collect();
    let time: Vec<Option<i64>> = docs.iter().map(|d| d.time).collect();
    let mut out = vec![];
    for config in configs {
        let a = assign_all(&processed, config);
        let mut report =
            Report::new("stories", &dataset_name("ruwa-russia-ukraine-war-news", opts.no_dates));
        report.n = docs.len();
        let (p, r) = bcubed(&gold, &a.stories);
        report
            .metric("bcubed_precision", p)
            .metric("bcubed_recall", r)
            .metric("bcubed_f1", crate::f1(p, r));
        WindowPairs::count(&gold, &a.stories, &time, 7 * 86_400, |_, _| true)
            .report(&mut report, "");
        report
            .metric("docs_per_second", rate(docs.len(), a.seconds))
            .metric("peak_rss_mb", peak_rss_mb());
        story_notes(&a.store, &mut report);
        composition_notes(&gold, &a.stories, &mut report, 12);
        report.seconds = prep + a.seconds;
        out.push(report);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Option<StoryId> {
        Some(StoryId(x.into()))
    }

    #[test]
    fn bcubed_of_a_known_clustering() {
        let gold = ["a", "a", "a", "b", "b"];
        let pred = [s("1"), s("1"), s("2"), s("2"), s("2")];
        let (p, r) = bcubed(&gold, &pred);
        // precision: a1 a2 → 1, a3 → 1/3, b1 b2 → 2/3; recall: a1 a2 → 2/3, a3 → 1/3, b → 1
        assert!((p - (1.0 + 1.0 + 1.0 / 3.0 + 2.0 / 3.0 + 2.0 / 3.0) / 5.0).abs() < 1e-9);
        assert!((r - (2.0 / 3.0 + 2.0 / 3.0 + 1.0 / 3.0 + 1.0 + 1.0) / 5.0).abs() < 1e-9);
    }

    #[test]
    fn purity_of_a_known_clustering() {
        let gold = ["a", "a", "a", "b", "b"];
        let pred = [s("1"), s("1"), s("2"), s("2"), None];
        let (p, largest, mixed) = purity(&gold, &pred);
        // story 1: a a (2 of 2); story 2: a b (1 of 2); the unassigned b is its own
        assert!((p - 4.0 / 5.0).abs() < 1e-9, "{p}");
        assert_eq!((largest, mixed), (2, 1));
    }

    #[test]
    fn language_split_counts_groups_whose_languages_part() {
        let gold = ["a", "a", "a", "b", "b", "c"];
        let langs = ["ru", "ru", "uk", "ru", "uk", "ru"];
        let pred = [s("1"), s("1"), s("1"), s("2"), s("3"), s("4")];
        assert_eq!(language_split(&gold, &langs, &pred), (0.5, 2));
    }

    #[test]
    fn window_pairs() {
        let gold = ["a", "a", "b", "a"];
        let pred = [s("1"), s("1"), s("1"), s("2")];
        let time = [Some(0), Some(10), Some(20), Some(1_000)];
        let w = WindowPairs::count(&gold, &pred, &time, 100, |_, _| true);
        assert_eq!((w.gold, w.predicted, w.both), (1, 3, 1));
    }

    #[test]
    fn csv_with_quotes_and_line_breaks() {
        let rows = parse_csv("a,b,c\n1,\"x, \"\"y\"\"\",\"two\nlines\"\n");
        assert_eq!(rows[1], vec!["1", "x, \"y\"", "two\nlines"]);
    }

    #[test]
    fn html_is_stripped() {
        assert_eq!(
            strip_html("In <a href=x>Brazil</a>,  <b>Lula</b> wins &amp; more."),
            "In Brazil, Lula wins & more."
        );
    }
}
