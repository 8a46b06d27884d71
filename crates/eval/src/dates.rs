//! `eval dates`: time expressions resolved to dates, and quantities.
//!
//! - `fixtures`: the team's own multilingual cases (en, uk, ru, es, de), the same files the
//!   engine's golden tests assert (`crates/engine/tests/fixtures/time/dates.tsv` and
//!   `quantities.tsv`, compiled in; `--path` reads another copy: a folder holding files of those
//!   names, or one dates file). Each line gives a text, its publication date and every expression
//!   a reader finds with its date. An expression is correct when its words and its date are both
//!   exactly the gold's; `precision`, `recall` and `f1` count expressions, `accuracy` the lines
//!   whose expressions are all correct. Quantities are scored the same way (words, value, unit
//!   and approximation all equal) as `quantity_precision`, `quantity_recall`, `quantity_f1`.
//!   These cases were written by the people who wrote the rules: they show what works and keep
//!   it working, they do not measure accuracy on unseen text.
//! - `seeds`: the `timeline` items of `gold/seeds.json`. Each seed file goes through the whole
//!   pipeline (extraction included, as `parallax ingest` runs it), and an item is found in a file
//!   when one of the file's `dates` has the gold date. `recall` is over all items and files;
//!   `must_*`, `should_*`, `stretch_*` count by level. The gold `quantities` fragments are found
//!   when every number in the fragment lies inside a quantity of the file
//!   (`quantity_found`/`quantity_total`). Misses are listed in the notes with what the file
//!   gave instead.
//! - `nerel` (Russian Wikinews, NEREL 1.1, the `test` split; third-party, evaluation only): how
//!   the finder's spans agree with the annotators' `DATE` and `TIME` mentions, with no reference
//!   date (the texts carry none). `precision` is the share of found expressions that overlap a
//!   gold `DATE`/`TIME`; `recall` the share of gold `DATE`s written with a digit or a month name
//!   (calendar dates, not durations such as "два года" nor vague ones such as "в последние
//!   годы") that a found expression overlaps. Quantities likewise: `quantity_precision` against
//!   any numeric mention (`MONEY`, `PERCENT`, `NUMBER`, `AGE`, `DATE`, `ORDINAL`, `TIME`),
//!   `quantity_recall` of `MONEY` and `PERCENT` mentions.

use crate::seeds::{process_file, seed_paths, Level};
use crate::{read_file, EvalError, EvalOptions, Report};
use parallax_engine::{quantities, segment, time};
use parallax_model::{Ingested, Lang, PartialDate};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

const DATES_TSV: &str = include_str!("../../engine/tests/fixtures/time/dates.tsv");
const QUANTITIES_TSV: &str = include_str!("../../engine/tests/fixtures/time/quantities.tsv");

pub fn run(opts: &EvalOptions) -> Result<Vec<Report>, EvalError> {
    let mut out = vec![];
    if opts.wants("fixtures") {
        out.push(fixtures(opts)?);
    }
    if opts.wants("seeds") {
        out.push(seeds(opts)?);
    }
    if opts.wants("nerel") {
        out.push(nerel(opts)?);
    }
    Ok(out)
}

/// The fixture texts: from `--path` when it was given for this dataset, else the compiled-in copy.
fn fixture_texts(opts: &EvalOptions) -> Result<(String, Option<String>), EvalError> {
    let path: Option<PathBuf> = match (&opts.path, opts.dataset.as_deref()) {
        (Some(p), Some("fixtures")) | (Some(p), None) => Some(p.clone()),
        _ => None,
    };
    let Some(p) = path else {
        return Ok((DATES_TSV.to_string(), Some(QUANTITIES_TSV.to_string())));
    };
    let read = |f: &Path| -> Result<String, EvalError> {
        String::from_utf8(read_file(f)?)
            .map_err(|e| EvalError::Read { path: f.into(), reason: e.to_string() })
    };
    if p.is_dir() {
        let q = p.join("quantities.tsv");
        let quantities = if q.exists() { Some(read(&q)?) } else { None };
        Ok((read(&p.join("dates.tsv"))?, quantities))
    } else {
        Ok((read(&p)?, None))
    }
}

/// The data lines of a fixture file, split on tabs.
fn rows(tsv: &str, columns: usize) -> Vec<Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f.len() == columns)
        .collect()
}

fn items(field: &str) -> Vec<&str> {
    if field == "-" {
        vec![]
    } else {
        field.split(" | ").collect()
    }
}

/// Counts for precision and recall.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    predicted: usize,
    gold: usize,
    correct: usize,
    lines: usize,
    lines_correct: usize,
}

impl Counts {
    fn add(&mut self, got: &[String], want: &[&str]) -> bool {
        self.predicted += got.len();
        self.gold += want.len();
        let mut left: Vec<&str> = want.to_vec();
        for g in got {
            if let Some(i) = left.iter().position(|w| w == g) {
                left.swap_remove(i);
                self.correct += 1;
            }
        }
        let all = left.is_empty() && got.len() == want.len();
        self.lines += 1;
        self.lines_correct += usize::from(all);
        all
    }

    fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn fixtures(opts: &EvalOptions) -> Result<Report, EvalError> {
    let started = Instant::now();
    let (dates_tsv, quantities_tsv) = fixture_texts(opts)?;
    let mut report = Report::new("dates", "fixtures");
    let mut counts = Counts::default();
    let mut per_kind: HashMap<String, Counts> = HashMap::new();
    for (k, f) in rows(&dates_tsv, 5).into_iter().enumerate() {
        if opts.limit.is_some_and(|l| k >= l) {
            break;
        }
        let (Some(&kind), Some(lang), Some(&reference), Some(&text), Some(&expected)) = (
            f.first(),
            f.get(1).and_then(|l| l.parse::<Lang>().ok()),
            f.get(2),
            f.get(3),
            f.get(4),
        ) else {
            continue;
        };
        let reference = reference.parse::<PartialDate>().ok();
        let sentences = segment::sentences(text, Some(lang));
        let (exprs, _) = time::analyze(text, &sentences, Some(lang), reference);
        let got: Vec<String> = exprs
            .iter()
            .map(|e| format!("{}={}", text.get(e.start..e.end).unwrap_or(""), e.date))
            .collect();
        let want = items(expected);
        per_kind.entry(kind.to_string()).or_default().add(&got, &want);
        if !counts.add(&got, &want) {
            report.notes.push(format!("MISS [{kind} {lang}] {text}: want {want:?}, got {got:?}"));
        }
    }
    report.n = counts.lines;
    let (p, r) = (counts.precision(), counts.recall());
    report.metric("precision", p).metric("recall", r).metric("f1", crate::f1(p, r));
    report.metric("accuracy", ratio(counts.lines_correct, counts.lines));
    let mut kinds: Vec<_> = per_kind.into_iter().collect();
    kinds.sort_by(|a, b| a.0.cmp(&b.0));
    for (kind, c) in kinds {
        report.notes.insert(
            0,
            format!("{kind}: {}/{} lines, recall {:.3}", c.lines_correct, c.lines, c.recall()),
        );
    }
    if let Some(qtsv) = quantities_tsv {
        let mut qc = Counts::default();
        for f in rows(&qtsv, 4) {
            let (Some(&kind), Some(lang), Some(&text), Some(&expected)) =
                (f.first(), f.get(1).and_then(|l| l.parse::<Lang>().ok()), f.get(2), f.get(3))
            else {
                continue;
            };
            let got: Vec<String> = quantities::find(text, Some(lang))
                .iter()
                .map(|q| {
                    format!(
                        "{}={},{},{}",
                        text.get(q.start..q.end).unwrap_or(""),
                        q.value,
                        q.unit.as_deref().unwrap_or("-"),
                        q.approx.as_deref().unwrap_or("-")
                    )
                })
                .collect();
            let want = items(expected);
            if !qc.add(&got, &want) {
                report.notes.push(format!(
                    "MISS quantity [{kind} {lang}] {text}: want {want:?}, got {got:?}"
                ));
            }
        }
        let (p, r) = (qc.precision(), qc.recall());
        report
            .metric("quantity_precision", p)
            .metric("quantity_recall", r)
            .metric("quantity_f1", crate::f1(p, r));
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

fn seeds(opts: &EvalOptions) -> Result<Report, EvalError> {
    let started = Instant::now();
    let (corpus, gold_path) = seed_paths(opts);
    crate::require_dir("seeds", &corpus)?;
    let gold: Value = serde_json::from_slice(&read_file(&gold_path)?)
        .map_err(|e| EvalError::Read { path: gold_path.clone(), reason: e.to_string() })?;
    let mut cache: HashMap<String, Ingested> = HashMap::new();
    let mut load = |file: &str| -> Result<Ingested, EvalError> {
        if let Some(doc) = cache.get(file) {
            return Ok(doc.clone());
        }
        let doc = process_file(&corpus.join(file))?;
        cache.insert(file.to_string(), doc.clone());
        Ok(doc)
    };
    let mut report = Report::new("dates", "seeds");
    // (level, found) per item and file.
    let mut results: Vec<(Level, bool)> = vec![];
    for item in gold.get("timeline").and_then(Value::as_array).into_iter().flatten() {
        let Some(want) = item.get("date").and_then(Value::as_str) else { continue };
        let level = level_of(item.get("level"));
        let evidence = item.get("evidence").and_then(Value::as_str).unwrap_or("");
        for file in item.get("files").and_then(Value::as_array).into_iter().flatten() {
            let Some(file) = file.as_str() else { continue };
            let doc = load(file)?;
            let text = &doc.article.text;
            let dates = &doc.analysis.statements.dates;
            let hit = dates.iter().find(|d| d.date.to_string() == want);
            results.push((level, hit.is_some()));
            match hit {
                Some(d) => report.notes.push(format!(
                    "found [{}] {file}: {want} from {:?}",
                    level.name(),
                    text.get(d.start..d.end).unwrap_or("")
                )),
                None => {
                    let got: Vec<String> = dates
                        .iter()
                        .map(|d| format!("{:?}={}", text.get(d.start..d.end).unwrap_or(""), d.date))
                        .collect();
                    report.notes.insert(
                        0,
                        format!(
                            "MISS [{}] {file}: {want} ({evidence:?}); the file gave {}",
                            level.name(),
                            if got.is_empty() { "no dates".to_string() } else { got.join(", ") }
                        ),
                    );
                }
            }
        }
    }
    let count = |l: Level, found: bool| {
        results.iter().filter(|(lv, f)| *lv == l && (!found || *f)).count() as f64
    };
    report.n = results.len();
    let found = results.iter().filter(|(_, f)| *f).count();
    report.metric("recall", ratio(found, results.len()));
    for l in [Level::Must, Level::Should, Level::Stretch] {
        report
            .metric(&format!("{}_found", l.name()), count(l, true))
            .metric(&format!("{}_total", l.name()), count(l, false));
    }
    // The quantities fragments.
    let (mut q_found, mut q_total) = (0usize, 0usize);
    for item in gold.get("quantities").and_then(Value::as_array).into_iter().flatten() {
        let (Some(file), Some(fragment)) = (
            item.get("file").and_then(Value::as_str),
            item.get("fragment").and_then(Value::as_str),
        ) else {
            continue;
        };
        let doc = load(file)?;
        q_total += 1;
        let ok = fragment_found(&doc, fragment);
        q_found += usize::from(ok);
        let level = level_of(item.get("level"));
        if !ok {
            let text = &doc.article.text;
            let got: Vec<String> = doc
                .analysis
                .statements
                .quantities
                .iter()
                .map(|q| format!("{:?}", text.get(q.start..q.end).unwrap_or("")))
                .collect();
            report.notes.insert(
                0,
                format!(
                    "MISS quantity [{}] {file}: {fragment:?}; the file gave {}",
                    level.name(),
                    got.join(", ")
                ),
            );
        }
    }
    report.metric("quantity_found", q_found as f64).metric("quantity_total", q_total as f64);
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

fn level_of(v: Option<&Value>) -> Level {
    match v.and_then(Value::as_str) {
        Some("must") => Level::Must,
        Some("stretch") => Level::Stretch,
        _ => Level::Should,
    }
}

/// Whether every number of `fragment` (a word with a digit, or a number word of the article's
/// language) lies inside one of the article's quantities. The fragment is looked up in the text
/// as written, then with typographic apostrophes and spaces normalised.
fn fragment_found(doc: &Ingested, fragment: &str) -> bool {
    let text = &doc.article.text;
    let start = text.find(fragment).or_else(|| {
        let norm = |s: &str| s.replace(['\u{2019}', '\u{2018}'], "'").replace('\u{a0}', " ");
        norm(text).find(&norm(fragment))
    });
    let Some(start) = start else { return false };
    let lang = doc.article.language.unwrap_or(Lang::En);
    let cardinals = &parallax_engine::lang::packs::pack(lang).numbers.cardinals;
    let english = &parallax_engine::lang::packs::pack(Lang::En).numbers.cardinals;
    let is_number_word = |w: &str| {
        let w = w.to_lowercase();
        cardinals.iter().chain(english.iter()).any(|(c, _)| *c == w)
    };
    let qs = &doc.analysis.statements.quantities;
    let mut numbers = 0;
    let mut offset = 0;
    for word in fragment.split(' ') {
        let (a, b) = (start + offset, start + offset + word.len());
        offset += word.len() + 1;
        if word.chars().any(|c| c.is_ascii_digit()) || is_number_word(word) {
            numbers += 1;
            // The word may carry punctuation or a glued unit ("10%"): overlap is enough.
            if !qs.iter().any(|q| q.start < b && a < q.end) {
                return false;
            }
        }
    }
    numbers > 0
}

/// One brat mention: type and byte span (converted from the character offsets brat uses).
struct Mention {
    kind: String,
    start: usize,
    end: usize,
}

/// The mentions of a brat `.ann` file over `text`, with character offsets turned into bytes.
fn brat_mentions(ann: &str, text: &str) -> Vec<Mention> {
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let mut out = vec![];
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let Some(spec) = line.split('\t').nth(1) else { continue };
        let mut parts = spec.split(' ');
        let kind = parts.next().unwrap_or("").to_string();
        // Discontinuous spans ("12 20;25 30") keep their outer bounds.
        let nums: Vec<usize> =
            parts.flat_map(|p| p.split(';')).filter_map(|n| n.parse().ok()).collect();
        let (Some(&a), Some(&b)) = (nums.first(), nums.last()) else { continue };
        if let (Some(&start), Some(&end)) = (bytes.get(a), bytes.get(b)) {
            out.push(Mention { kind, start, end });
        }
    }
    out
}

fn nerel(opts: &EvalOptions) -> Result<Report, EvalError> {
    let started = Instant::now();
    let dir = opts.dataset_dir("nerel");
    crate::require_dir("nerel", &dir)?;
    let split = dir.join("NEREL-v1.1").join("test");
    let dir = if split.is_dir() { split } else { dir };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| EvalError::Read { path: dir.clone(), reason: e.to_string() })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    if let Some(l) = opts.limit {
        files.truncate(l);
    }
    let mut report = Report::new("dates", "nerel");
    let (mut d_pred, mut d_pred_ok, mut d_gold, mut d_gold_ok) = (0usize, 0usize, 0usize, 0usize);
    let (mut q_pred, mut q_pred_ok, mut q_gold, mut q_gold_ok) = (0usize, 0usize, 0usize, 0usize);
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    for path in &files {
        let text = String::from_utf8_lossy(&read_file(path)?).into_owned();
        let ann_path = path.with_extension("ann");
        let ann = String::from_utf8_lossy(&read_file(&ann_path)?).into_owned();
        let gold = brat_mentions(&ann, &text);
        let found = time::find_spans(&text, Some(Lang::Ru));
        let qs = quantities::find(&text, Some(Lang::Ru));
        let is = |m: &Mention, kinds: &[&str]| kinds.contains(&m.kind.as_str());
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        for f in &found {
            d_pred += 1;
            let ok = gold
                .iter()
                .any(|m| is(m, &["DATE", "TIME"]) && overlaps((f.start, f.end), (m.start, m.end)));
            d_pred_ok += usize::from(ok);
            if !ok {
                report.notes.push(format!(
                    "extra date {name}: {:?}",
                    text.get(f.start..f.end).unwrap_or("")
                ));
            }
        }
        for m in gold.iter().filter(|m| is(m, &["DATE"])) {
            let words = text.get(m.start..m.end).unwrap_or("");
            let calendar = words.chars().any(|c| c.is_ascii_digit())
                || words
                    .split_whitespace()
                    .any(|w| parallax_engine::calendar::month_number(w).is_some());
            if !calendar {
                continue;
            }
            d_gold += 1;
            let ok = found.iter().any(|f| overlaps((f.start, f.end), (m.start, m.end)));
            d_gold_ok += usize::from(ok);
            if !ok {
                report.notes.push(format!("missed date {name}: {words:?}"));
            }
        }
        let numeric = ["MONEY", "PERCENT", "NUMBER", "AGE", "DATE", "ORDINAL", "TIME"];
        for q in &qs {
            q_pred += 1;
            let ok = gold
                .iter()
                .any(|m| is(m, &numeric) && overlaps((q.start, q.end), (m.start, m.end)));
            q_pred_ok += usize::from(ok);
            if !ok {
                report.notes.push(format!(
                    "extra quantity {name}: {:?}",
                    text.get(q.start..q.end).unwrap_or("")
                ));
            }
        }
        for m in gold.iter().filter(|m| is(m, &["MONEY", "PERCENT"])) {
            q_gold += 1;
            let ok = qs.iter().any(|q| overlaps((q.start, q.end), (m.start, m.end)));
            q_gold_ok += usize::from(ok);
            if !ok {
                report.notes.push(format!(
                    "missed quantity {name}: {:?}",
                    text.get(m.start..m.end).unwrap_or("")
                ));
            }
        }
    }
    report.n = files.len();
    let (p, r) = (ratio(d_pred_ok, d_pred), ratio(d_gold_ok, d_gold));
    report.metric("precision", p).metric("recall", r).metric("f1", crate::f1(p, r));
    let (p, r) = (ratio(q_pred_ok, q_pred), ratio(q_gold_ok, q_gold));
    report
        .metric("quantity_precision", p)
        .metric("quantity_recall", r)
        .metric("quantity_f1", crate::f1(p, r));
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}
