//! `parallax eval lang`: language identification on documents whose language someone else set.
//!
//! Two datasets:
//!
//! - `bsnlp` (BSNLP shared task news, Russian and Ukrainian): every `<topic>/raw/{ru,uk}/*.txt`
//!   file; the gold language is the folder's. A file is four header lines (id, language, date,
//!   URL), then the title and the text; only the title and text are identified, as an article
//!   whose paragraphs are its non-blank lines
//!   ([`parallax_engine::lang::article_language`]). The header's language line
//!   is not read. A gold label that the text contradicts outright (a "uk" file without a single
//!   Ukrainian-only letter but with many Russian-only ones) is reported in the notes as a likely
//!   label error; it still counts against the accuracy.
//! - `itn-corpus` (Wikipedia "In the news" blurbs): every English, Russian and Ukrainian blurb,
//!   tags stripped and entities decoded, identified as one text
//!   ([`parallax_engine::lang::identify`]). These are single sentences, often full of
//!   names, so they test short-text identification. Blurbs in the other supported languages are
//!   scored too, in the notes only.
//!
//! `accuracy` is the share of documents whose guess is the gold language (no guess counts as
//! wrong); `docs_per_second` times identification alone, on one thread, after the files are read.
//! `--limit N` scores N documents spread evenly over the sorted list.

use crate::{read_file, require_dir, EvalError, EvalOptions, Report};
use parallax_engine::lang::{article_language, identify, Guess};
use parallax_model::{Lang, Span};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const BSNLP: &str = "bsnlp";
const ITN: &str = "itn-corpus";

/// The misclassified documents listed in the notes, at most.
const MAX_LISTED: usize = 40;

/// Runs the language task on every dataset `opts` asks for.
pub fn run(opts: &EvalOptions) -> Result<Vec<Report>, EvalError> {
    if let Some(d) = &opts.dataset {
        if d != BSNLP && d != ITN {
            return Err(EvalError::UnknownDataset {
                task: "lang".into(),
                name: d.clone(),
                known: format!("{BSNLP}, {ITN}"),
            });
        }
    }
    let mut reports = Vec::new();
    if opts.wants(BSNLP) {
        reports.push(bsnlp(opts)?);
    }
    if opts.wants(ITN) {
        reports.push(itn(opts)?);
    }
    Ok(reports)
}

/// Every `limit`-th item spread evenly, or all of them.
fn spread<T>(items: Vec<T>, limit: Option<usize>) -> Vec<T> {
    match limit {
        Some(n) if n < items.len() => {
            let len = items.len();
            let keep: Vec<usize> = (0..n).map(|i| i * len / n).collect();
            items
                .into_iter()
                .enumerate()
                .filter(|(i, _)| keep.binary_search(i).is_ok())
                .map(|(_, t)| t)
                .collect()
        }
        _ => items,
    }
}

/// Correct and total counts per gold language.
#[derive(Default)]
struct Tally {
    per: BTreeMap<Lang, (usize, usize)>,
    wrong: Vec<String>,
}

impl Tally {
    fn add(&mut self, gold: Lang, got: Option<Guess>, what: impl FnOnce() -> String) {
        let e = self.per.entry(gold).or_default();
        e.1 += 1;
        if got.map(|g| g.lang) == Some(gold) {
            e.0 += 1;
        } else {
            let got =
                got.map_or("none".to_string(), |g| format!("{} ({:.2})", g.lang, g.confidence));
            self.wrong.push(format!("gold {gold} -> {got}: {}", what()));
        }
    }

    fn totals(&self) -> (usize, usize) {
        self.per.values().fold((0, 0), |a, &(c, n)| (a.0 + c, a.1 + n))
    }

    fn lines(&self) -> Vec<String> {
        self.per.iter().map(|(l, &(c, n))| format!("{l}: {c}/{n} = {:.4}", ratio(c, n))).collect()
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn finish(report: &mut Report, tally: &Tally, spent: Duration, started: Instant) {
    let (correct, n) = tally.totals();
    report.n = n;
    report.metric("accuracy", ratio(correct, n));
    report.metric(
        "docs_per_second",
        if spent.is_zero() { 0.0 } else { n as f64 / spent.as_secs_f64() },
    );
    report.seconds = started.elapsed().as_secs_f64();
    report.notes.extend(tally.lines());
    if !tally.wrong.is_empty() {
        report.notes.push(format!("misclassified ({}):", tally.wrong.len()));
        report.notes.extend(tally.wrong.iter().take(MAX_LISTED).map(|w| format!("  {w}")));
        if tally.wrong.len() > MAX_LISTED {
            report.notes.push(format!("  ... and {} more", tally.wrong.len() - MAX_LISTED));
        }
    }
}

/// Counts of the letters only Ukrainian (і ї є ґ) and only Russian (ы э ъ ё) uses.
fn unique_letters(text: &str) -> (usize, usize) {
    text.chars().flat_map(char::to_lowercase).fold((0, 0), |(uk, ru), c| match c {
        'і' | 'ї' | 'є' | 'ґ' => (uk + 1, ru),
        'ы' | 'э' | 'ъ' | 'ё' => (uk, ru + 1),
        _ => (uk, ru),
    })
}

/// A BSNLP file's title and text (everything after the four header lines).
fn bsnlp_body(raw: &str) -> &str {
    let mut rest = raw;
    for _ in 0..4 {
        rest = rest.split_once('\n').map_or("", |(_, r)| r);
    }
    rest
}

/// The non-blank lines of `text`, as spans.
fn line_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let span = Span::new(at, at + line.len()).trim(text);
        if !span.is_empty() {
            out.push(span);
        }
        at += line.len();
    }
    out
}

fn bsnlp(opts: &EvalOptions) -> Result<Report, EvalError> {
    let started = Instant::now();
    let dir = opts.dataset_dir(BSNLP);
    require_dir(BSNLP, &dir)?;
    let mut files: Vec<(Lang, PathBuf)> = Vec::new();
    for topic in sorted_dir(&dir)? {
        for gold in [Lang::Ru, Lang::Uk] {
            let folder = topic.join("raw").join(gold.code());
            if folder.is_dir() {
                files.extend(
                    sorted_dir(&folder)?
                        .into_iter()
                        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                        .map(|p| (gold, p)),
                );
            }
        }
    }
    let files = spread(files, opts.limit);
    let mut docs = Vec::with_capacity(files.len());
    for (gold, path) in files {
        let raw = String::from_utf8_lossy(&read_file(&path)?).into_owned();
        docs.push((gold, path, raw));
    }

    let mut report = Report::new("lang", BSNLP);
    let mut tally = Tally::default();
    let mut suspect = Vec::new();
    let mut spent = Duration::ZERO;
    for (gold, path, raw) in &docs {
        let body = bsnlp_body(raw);
        let t = Instant::now();
        let spans = line_spans(body);
        let got = article_language(body, &spans);
        spent += t.elapsed();
        let name = path.strip_prefix(&dir).unwrap_or(path).display().to_string();
        if got.map(|g| g.lang) != Some(*gold) {
            let (uk, ru) = unique_letters(body);
            let contradicts = match gold {
                Lang::Uk => uk == 0 && ru >= 5,
                Lang::Ru => ru == 0 && uk >= 5,
                _ => false,
            };
            if contradicts {
                suspect.push(format!(
                    "  {name}: labelled {gold} but has {uk} of і/ї/є/ґ and {ru} of ы/э/ъ/ё"
                ));
            }
        }
        tally.add(*gold, got, || name.clone());
    }
    finish(&mut report, &tally, spent, started);
    if !suspect.is_empty() {
        let (correct, n) = tally.totals();
        report.notes.push(format!(
            "gold labels that look wrong ({}; still counted as errors above; accuracy without them {:.4}):",
            suspect.len(),
            ratio(correct, n - suspect.len())
        ));
        report.notes.extend(suspect);
    }
    Ok(report)
}

fn sorted_dir(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    let read = std::fs::read_dir(dir)
        .map_err(|e| EvalError::Read { path: dir.into(), reason: e.to_string() })?;
    let mut out: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
    out.sort();
    Ok(out)
}

/// Strips tags and decodes the entities of one HTML fragment, collapsing white space.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode_entities(&text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes `&amp;`-style named entities (the common ones) and numeric character references.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let tail = rest.get(amp..).unwrap_or("");
        let semi = tail.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| {
            let name = tail.get(1..i)?;
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "ndash" => '–',
                "mdash" => '—',
                "laquo" => '«',
                "raquo" => '»',
                "hellip" => '…',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, i + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = tail.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

fn itn(opts: &EvalOptions) -> Result<Report, EvalError> {
    let started = Instant::now();
    let dir = opts.dataset_dir(ITN);
    require_dir(ITN, &dir)?;
    let path = if dir.is_file() { dir.clone() } else { dir.join("itn-2022.json") };
    let bytes = read_file(&path)?;
    let json: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| EvalError::Read { path: path.clone(), reason: e.to_string() })?;
    let mut scored: Vec<(Lang, String, String)> = Vec::new(); // (gold, id, text)
    let mut others: Vec<(Lang, String, String)> = Vec::new();
    for (qid, items) in json.as_object().into_iter().flatten() {
        for (ts, item) in items.as_object().into_iter().flatten() {
            let code = item.get("lang").and_then(|v| v.as_str()).unwrap_or("");
            let html = item.get("blurb").and_then(|v| v.as_str()).unwrap_or("");
            let Ok(gold) = code.parse::<Lang>() else { continue };
            if gold.code() != code {
                continue; // "ua", "eng"...: not the dataset's convention
            }
            let entry = (gold, format!("{qid}/{ts}"), html_to_text(html));
            if matches!(gold, Lang::En | Lang::Ru | Lang::Uk) {
                scored.push(entry);
            } else {
                others.push(entry);
            }
        }
    }
    let scored = spread(scored, opts.limit);

    let mut report = Report::new("lang", ITN);
    let mut tally = Tally::default();
    let mut spent = Duration::ZERO;
    for (gold, id, text) in &scored {
        let t = Instant::now();
        let got = identify(text);
        spent += t.elapsed();
        tally.add(*gold, got, || format!("{id} {text:?}"));
    }
    finish(&mut report, &tally, spent, started);
    let mut other = Tally::default();
    for (gold, id, text) in &others {
        other.add(*gold, identify(text), || format!("{id} {text:?}"));
    }
    let (c, n) = other.totals();
    if n > 0 {
        report.notes.push(format!(
            "other supported languages (not in the metrics): {c}/{n} = {:.4}",
            ratio(c, n)
        ));
        report.notes.extend(other.lines().into_iter().map(|l| format!("  {l}")));
        report.notes.extend(other.wrong.iter().take(MAX_LISTED).map(|w| format!("  {w}")));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_fragments_become_plain_text() {
        let html = r#"<b><a href="x" title="y">Союз&nbsp;МС-22</a></b> &amp; co &#8212; &#x41;  <i>(on the left)</i>"#;
        assert_eq!(html_to_text(html), "Союз МС-22 & co — A (on the left)");
        assert_eq!(html_to_text("AT&T and &bogus;"), "AT&T and &bogus;");
    }

    #[test]
    fn bsnlp_headers_are_skipped() {
        let raw = "ua-1\nuk\n2018-07-15\nhttps://x\nTitle\n\nBody line.\n";
        assert_eq!(bsnlp_body(raw), "Title\n\nBody line.\n");
        let spans = line_spans(bsnlp_body(raw));
        assert_eq!(spans.len(), 2);
    }

    #[test]
    fn limits_spread_over_the_list() {
        assert_eq!(spread((0..10).collect(), Some(3)), vec![0, 3, 6]);
        assert_eq!(spread((0..3).collect(), Some(5)), vec![0, 1, 2]);
    }
}
