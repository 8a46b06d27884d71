//! `parallax eval ner`: named-entity mentions, exact span and type, on three corpora someone
//! else annotated.
//!
//! - `ner-uk` (Ukrainian, NER-UK 2.0, CC BY-NC-SA: evaluation only): the test split listed in
//!   `v2.0/data/dev-test-split.txt` (the ids after `TEST`), each `<id>.txt` with its brat
//!   `<id>.ann` in `v2.0/data/{ng,bruk}`. The texts are tokenised (spaces around punctuation) and
//!   the offsets point into them. PERS → PER, ORG → ORG, LOC → LOC; the other ten types are
//!   ignored.
//! - `factrueval-2016` (Russian, MIT): the `testset` (the shipped model is trained on the
//!   `devset` only). A mention is an object of the `.objects` layer, its span the union (first
//!   character to last) of its spans in the `.spans` layer, which is the union of their tokens.
//!   When that span opens a quotation mark whose closing mark follows right after it (an object
//!   built from "движения" and "«Солидарность" ends before "»"), the closing mark is included, as
//!   the span of a quoted name is written everywhere else. As in the campaign's own comparator
//!   (`t1_eval.py`, table `QUALITY`), only the object's *name* spans are required (`name`,
//!   `surname`, `patronymic`, `nickname` of a person; `org_name`, `loc_name` of the others): a
//!   prediction is exact when it covers the name and keeps within the object and the quotation
//!   marks around it, so a descriptor ("журнале" of "журнале «Театр и искусство»") may be
//!   included or left out ([`Bounds`]). An object with no name ("власти") is not scored. The
//!   report also gives `f1_whole_spans`, with whole objects required. Person → PER, Org → ORG, Location
//!   and LocOrg → LOC (LocOrg is a place named as a political actor, "Россия заявила": NER-UK
//!   and NEREL call those places too); Project and Facility are ignored.
//! - `nerel` (Russian Wikinews, NEREL 1.1; no licence: evaluation only): the `test` split.
//!   PERSON → PER, ORGANIZATION → ORG, COUNTRY, CITY, STATE_OR_PROVINCE, DISTRICT and LOCATION
//!   → LOC; FACILITY (buildings, airports, stations) and the other 22 types are ignored.
//!
//! **Nesting.** factRuEval and NEREL nest mentions ("Верховный суд Испании" is an organisation
//! holding a country; "мэрии Москвы" an Org holding a LocOrg). The tagger finds one flat layer,
//! so every dataset is scored against its *top layer*: of the PER/ORG/LOC gold spans, those
//! contained in another PER/ORG/LOC span are dropped (and of two identical spans with different
//! types, the first listed is kept). NER-UK has no nesting among these types.
//!
//! **Offsets.** The engine's normaliser would move offsets (white space, NFC), so the tagger runs
//! on the original text: sentences from [`parallax_engine::segment::sentences`] and the mentions
//! from [`parallax_engine::entities::ner::detect`], with the dataset's language given as the
//! article language. Character offsets of the datasets are converted to byte offsets.
//!
//! Metrics: `precision`, `recall`, `f1` micro-averaged over PER, ORG and LOC (a predicted
//! mention is correct when its coarse type is a gold mention's and its span that mention's,
//! within the [`Bounds`] above; each gold mention is matched once), `per_f1`,
//! `org_f1`, `loc_f1`, and `docs_per_second` timing the tagger on one thread (sentence
//! segmentation, a stage of its own, is timed apart in the notes; the model and the knowledge
//! base are loaded before the clock starts).
//! `n` is the number of documents. `--limit N` scores N documents spread over the sorted list;
//! `--path` reads another copy: a folder in the dataset's layout, or a folder of the documents
//! themselves (all of them are scored).

use crate::{read_file, require_dir, EvalError, EvalOptions, Report};
use parallax_engine::entities::ner::{self, model::Class};
use parallax_model::{Lang, Span};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const NER_UK: &str = "ner-uk";
const FACTRU: &str = "factrueval-2016";
const NEREL: &str = "nerel";

/// Errors listed in the notes, at most.
const MAX_LISTED: usize = 30;

/// One annotated document.
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: String,
    pub text: String,
    /// Gold mentions: byte spans of `text`, top layer only, sorted.
    pub gold: Vec<(Span, Class)>,
    /// For each gold mention, in the same order, the bounds a predicted span must keep to.
    pub bounds: Vec<Bounds>,
}

/// What a predicted span must cover and may not pass, for one gold mention.
///
/// Where a dataset marks part of a mention optional (factRuEval's descriptors: "журнале" in
/// "журнале «Театр и искусство»", "столице" in "столице Великобритании"), a prediction is
/// exact when it covers the `name` and keeps within the `outer` span. Everywhere else both are
/// the gold span itself, and only that span is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub name: Span,
    pub outer: Span,
}

impl Bounds {
    fn exact(span: Span) -> Bounds {
        Bounds { name: span, outer: span }
    }

    /// Whether `p` covers the name and keeps within the outer span.
    pub fn admit(&self, p: Span) -> bool {
        self.outer.start <= p.start
            && p.start <= self.name.start
            && self.name.end <= p.end
            && p.end <= self.outer.end
    }
}

impl Doc {
    /// A document whose gold mentions have no optional part.
    fn exact(id: String, text: String, gold: Vec<(Span, Class)>) -> Doc {
        let bounds = gold.iter().map(|g| Bounds::exact(g.0)).collect();
        Doc { id, text, gold, bounds }
    }

    /// The index of the gold mention of class `c` that `p` matches exactly, if any.
    pub fn matching(&self, p: Span, c: Class) -> Option<usize> {
        matching(&self.gold, &self.bounds, p, c)
    }
}

fn matching(gold: &[(Span, Class)], bounds: &[Bounds], p: Span, c: Class) -> Option<usize> {
    gold.iter().zip(bounds).position(|(g, b)| g.1 == c && b.admit(p))
}

/// Runs the NER task on every dataset `opts` asks for.
pub fn run(opts: &EvalOptions) -> Result<Vec<Report>, EvalError> {
    if let Some(d) = &opts.dataset {
        if ![NER_UK, FACTRU, NEREL].contains(&d.as_str()) {
            return Err(EvalError::UnknownDataset {
                task: "ner".into(),
                name: d.clone(),
                known: format!("{NER_UK}, {FACTRU}, {NEREL}"),
            });
        }
    }
    let mut reports = Vec::new();
    for (name, lang) in [(NER_UK, Lang::Uk), (FACTRU, Lang::Ru), (NEREL, Lang::Ru)] {
        if !opts.wants(name) {
            continue;
        }
        let started = Instant::now();
        let dir = opts.dataset_dir(name);
        require_dir(name, &dir)?;
        let docs = match name {
            NER_UK => read_ner_uk(&dir)?,
            FACTRU => read_factrueval(&factru_dir(&dir, "testset"))?,
            _ => read_nerel(&nerel_dir(&dir, "test"))?,
        };
        let docs = spread(docs, opts.limit);
        reports.push(score(name, lang, &docs, started));
    }
    Ok(reports)
}

/// The folder of one factRuEval split (`devset`, `testset`), or `dir` itself when it holds the
/// documents.
pub fn factru_dir(dir: &Path, split: &str) -> PathBuf {
    let sub = dir.join(split);
    if sub.is_dir() {
        sub
    } else {
        dir.to_path_buf()
    }
}

fn nerel_dir(dir: &Path, split: &str) -> PathBuf {
    let sub = dir.join("NEREL-v1.1").join(split);
    if sub.is_dir() {
        sub
    } else {
        dir.to_path_buf()
    }
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

/// True positives, predictions and gold mentions of one class.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.pred)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
    pub fn f1(&self) -> f64 {
        crate::f1(self.precision(), self.recall())
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores predicted against gold mentions of one document, per class: a prediction is a true
/// positive when it matches a gold mention no other prediction has matched.
pub fn compare(doc: &Doc, pred: &[(Span, Class)]) -> HashMap<Class, Counts> {
    compare_within(&doc.gold, &doc.bounds, pred)
}

/// [`compare`] for gold mentions with the given bounds.
fn compare_within(
    gold: &[(Span, Class)],
    bounds: &[Bounds],
    pred: &[(Span, Class)],
) -> HashMap<Class, Counts> {
    let mut out: HashMap<Class, Counts> = HashMap::new();
    let mut taken = vec![false; gold.len()];
    for c in Class::ALL {
        let mut n = Counts { gold: gold.iter().filter(|x| x.1 == c).count(), ..Counts::default() };
        for (p, _) in pred.iter().filter(|x| x.1 == c) {
            n.pred += 1;
            if let Some(i) = matching(gold, bounds, *p, c).filter(|&i| !taken[i]) {
                taken[i] = true;
                n.tp += 1;
            }
        }
        out.insert(c, n);
    }
    out
}

/// The tagger's mentions in a dataset text (with its sentences), as coarse classes.
pub fn predict(text: &str, sentences: &[Span], lang: Lang) -> Vec<(Span, Class)> {
    ner::detect(text, sentences, &[], Some(lang))
        .into_iter()
        .filter_map(|d| ner::class_of(d.kind).map(|c| (d.span, c)))
        .collect()
}

fn score(name: &str, lang: Lang, docs: &[Doc], started: Instant) -> Report {
    let mut report = Report::new("ner", name);
    let mut totals: BTreeMap<&'static str, Counts> = BTreeMap::new();
    let mut spent = Duration::ZERO;
    let mut segmenting = Duration::ZERO;
    let mut misses: Vec<String> = Vec::new();
    let mut wrong: Vec<String> = Vec::new();
    // The same with every gold mention's whole span required, reported where the dataset marks
    // optional parts.
    let mut whole_spans = Counts::default();
    let mut optional = false;
    // The model and the knowledge base load on first use: not part of the per-document cost.
    let _ = predict("Warm-up.", &[], lang);
    for doc in docs {
        let t = Instant::now();
        let sentences = parallax_engine::segment::sentences(&doc.text, Some(lang));
        segmenting += t.elapsed();
        let t = Instant::now();
        let pred = predict(&doc.text, &sentences, lang);
        spent += t.elapsed();
        for (c, n) in compare(doc, &pred) {
            totals.entry(c.name()).or_default().add(n);
        }
        let exact: Vec<Bounds> = doc.gold.iter().map(|g| Bounds::exact(g.0)).collect();
        optional |= exact != doc.bounds;
        for n in compare_within(&doc.gold, &exact, &pred).into_values() {
            whole_spans.add(n);
        }
        let show = |s: &Span| s.text(&doc.text).unwrap_or("").replace('\n', " ");
        for ((s, c), b) in doc.gold.iter().zip(&doc.bounds) {
            if !pred.iter().any(|(p, pc)| pc == c && b.admit(*p)) {
                misses.push(format!("{}: {} {:?}", doc.id, c.name(), show(s)));
            }
        }
        for (s, c) in &pred {
            if doc.matching(*s, *c).is_none() {
                wrong.push(format!("{}: {} {:?}", doc.id, c.name(), show(s)));
            }
        }
    }
    let mut all = Counts::default();
    for n in totals.values() {
        all.add(*n);
    }
    report.n = docs.len();
    report.metric("precision", all.precision());
    report.metric("recall", all.recall());
    report.metric("f1", all.f1());
    for (c, key) in [("PER", "per_f1"), ("ORG", "org_f1"), ("LOC", "loc_f1")] {
        report.metric(key, totals.get(c).copied().unwrap_or_default().f1());
    }
    if optional {
        let w = whole_spans;
        report.metric("f1_whole_spans", w.f1());
        report.notes.push(format!(
            "with descriptors required (whole gold objects as spans): P {:.4} R {:.4} F1 {:.4}",
            w.precision(),
            w.recall(),
            w.f1()
        ));
    }
    report.metric(
        "docs_per_second",
        if spent.is_zero() { 0.0 } else { docs.len() as f64 / spent.as_secs_f64() },
    );
    report.seconds = started.elapsed().as_secs_f64();
    for (c, n) in &totals {
        report.notes.push(format!(
            "{c}: P {:.4} R {:.4} F1 {:.4} (gold {}, predicted {}, correct {})",
            n.precision(),
            n.recall(),
            n.f1(),
            n.gold,
            n.pred,
            n.tp
        ));
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    report.notes.push(format!(
        "{} documents, {:.1} KB on average; tagging {:.0} ms ({:.0} KB/s), sentence segmentation {:.0} ms (not in docs_per_second)",
        docs.len(),
        bytes as f64 / docs.len().max(1) as f64 / 1024.0,
        spent.as_secs_f64() * 1000.0,
        bytes as f64 / 1024.0 / spent.as_secs_f64().max(1e-9),
        segmenting.as_secs_f64() * 1000.0
    ));
    for (what, list) in [("missed", &misses), ("spurious or wrong", &wrong)] {
        report.notes.push(format!("{what} ({}):", list.len()));
        report.notes.extend(list.iter().take(MAX_LISTED).map(|m| format!("  {m}")));
    }
    report
}

/// Byte offset of every character index of `text` (and of its end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn byte_span(map: &[usize], text: &str, start: usize, end: usize) -> Option<Span> {
    let s = *map.get(start)?;
    let e = *map.get(end)?;
    let span = Span::new(s, e).trim(text);
    (!span.is_empty()).then_some(span)
}

/// Keeps the top layer: drops spans inside another span, and the later of two equal spans.
pub fn top_layer<T: Clone>(mut gold: Vec<(Span, Class, T)>) -> Vec<(Span, Class, T)> {
    let all: Vec<Span> = gold.iter().map(|g| g.0).collect();
    let mut seen: Vec<Span> = Vec::new();
    gold.retain(|(s, _, _)| {
        let inside = all.iter().any(|o| o.contains(*s) && o != s);
        let dup = seen.contains(s);
        seen.push(*s);
        !inside && !dup
    });
    gold.sort_by_key(|(s, _, _)| (s.start, s.end));
    gold
}

fn read_text(path: &Path) -> Result<String, EvalError> {
    let bytes = read_file(path)?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
}

fn files_with(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, EvalError> {
    let read = std::fs::read_dir(dir)
        .map_err(|e| EvalError::Read { path: dir.into(), reason: e.to_string() })?;
    let mut out: Vec<PathBuf> = read
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    out.sort();
    Ok(out)
}

/// Reads the documents of one factRuEval folder (`devset` or `testset`).
pub fn read_factrueval(dir: &Path) -> Result<Vec<Doc>, EvalError> {
    require_dir(FACTRU, dir)?;
    let mut docs = Vec::new();
    for objects in files_with(dir, "objects")? {
        let stem = objects.with_extension("");
        let text = read_text(&stem.with_extension("txt"))?;
        let spans_raw = read_text(&stem.with_extension("spans"))?;
        let objects_raw = read_text(&objects)?;
        // span id → (first char, end char, type); a span id may be listed twice (name and
        // nickname), and names when either type does.
        let mut spans: HashMap<&str, (usize, usize, Vec<&str>)> = HashMap::new();
        for line in spans_raw.lines() {
            let head = line.split('#').next().unwrap_or("");
            let f: Vec<&str> = head.split_whitespace().collect();
            let (Some(id), Some(tag), Some(start), Some(len)) =
                (f.first(), f.get(1), f.get(2), f.get(3))
            else {
                continue;
            };
            let (Ok(start), Ok(len)) = (start.parse::<usize>(), len.parse::<usize>()) else {
                continue;
            };
            spans.entry(id).or_insert((start, start + len, vec![])).2.push(tag);
        }
        let map = char_to_byte(&text);
        let mut gold = Vec::new();
        for line in objects_raw.lines() {
            let head = line.split('#').next().unwrap_or("");
            let f: Vec<&str> = head.split_whitespace().collect();
            let class = match f.get(1) {
                Some(&"Person") => Class::Per,
                Some(&"Org") => Class::Org,
                Some(&"Location" | &"LocOrg") => Class::Loc,
                _ => continue,
            };
            let parts: Vec<(usize, usize, bool)> = f
                .iter()
                .skip(2)
                .filter_map(|id| spans.get(id))
                .map(|(s, e, tags)| (*s, *e, tags.iter().any(|t| names(class, t))))
                .collect();
            let hull = |named_only: bool| {
                let p = parts.iter().filter(|p| p.2 || !named_only);
                let start = p.clone().map(|p| p.0).min()?;
                let end = p.map(|p| p.1).max()?;
                byte_span(&map, &text, start, end)
            };
            // An object without a name ("власти", "партии") names nothing; the comparator of
            // the campaign ignores it too.
            let (Some(span), Some(name)) = (hull(false), hull(true)) else { continue };
            let span = close_quote(&text, span);
            let name = close_quote(&text, name);
            let outer = around_quotes(&text, span);
            gold.push((span, class, Bounds { name, outer }));
        }
        let id = stem.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let top = top_layer(gold);
        let bounds = top.iter().map(|g| g.2).collect();
        let gold = top.into_iter().map(|(s, c, _)| (s, c)).collect();
        docs.push(Doc { id, text, gold, bounds });
    }
    Ok(docs)
}

/// Whether a factRuEval span of type `tag` names an object of class `c`. The others
/// (`org_descr`, `loc_descr`, `geo_adj`, `job`, and a person's name inside an organisation)
/// describe it, and the campaign's comparator (`t1_eval.py`, table `QUALITY`) gives their
/// tokens no weight: a mention may include them or leave them out.
fn names(c: Class, tag: &str) -> bool {
    match c {
        Class::Per => matches!(tag, "name" | "surname" | "patronymic" | "nickname"),
        _ => matches!(tag, "org_name" | "loc_name"),
    }
}

/// `span` widened by a quotation mark right before it and one right after it, which the
/// campaign's comparator lets a mention include.
fn around_quotes(text: &str, span: Span) -> Span {
    let quote = |c: char| matches!(c, '"' | '«' | '»' | '„' | '“' | '”');
    let mut out = span;
    if let Some(c) =
        text.get(..span.start).and_then(|t| t.chars().next_back()).filter(|&c| quote(c))
    {
        out.start -= c.len_utf8();
    }
    if let Some(c) = text.get(span.end..).and_then(|t| t.chars().next()).filter(|&c| quote(c)) {
        out.end += c.len_utf8();
    }
    out
}

/// Includes the closing quotation mark right after a span that opens one and does not close it.
fn close_quote(text: &str, span: Span) -> Span {
    let Some(s) = span.text(text) else { return span };
    let opens = s.chars().filter(|c| matches!(c, '«' | '„' | '“')).count();
    let closes = s.chars().filter(|c| matches!(c, '»' | '“' | '”')).count();
    let straight = s.chars().filter(|&c| c == '"').count();
    let next = text.get(span.end..).and_then(|r| r.chars().next());
    match next {
        Some(c @ ('»' | '”' | '“')) if opens > closes => {
            Span::new(span.start, span.end + c.len_utf8())
        }
        Some('"') if straight % 2 == 1 => Span::new(span.start, span.end + 1),
        _ => span,
    }
}

/// Reads brat `.ann` lines: `T1<TAB>TYPE start end<TAB>text` or NER-UK's
/// `T1<TAB>TYPE<TAB>start<TAB>end<TAB>text`; discontinuous spans ("0 5;7 12") become their hull.
fn read_brat(
    ann: &str,
    text: &str,
    map_type: impl Fn(&str) -> Option<Class>,
) -> Vec<(Span, Class)> {
    let map = char_to_byte(text);
    let mut out = Vec::new();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let f: Vec<&str> = line.split('\t').collect();
        let Some(second) = f.get(1) else { continue };
        let (ty, offsets): (&str, String) = if second.contains(' ') {
            let (ty, rest) = second.split_once(' ').unwrap_or((second, ""));
            (ty, rest.to_string())
        } else {
            (second, format!("{} {}", f.get(2).unwrap_or(&""), f.get(3).unwrap_or(&"")))
        };
        let Some(class) = map_type(ty) else { continue };
        let nums: Vec<usize> =
            offsets.split([' ', ';']).filter_map(|n| n.trim().parse().ok()).collect();
        let (Some(&start), Some(&end)) = (nums.iter().min(), nums.iter().max()) else { continue };
        if let Some(span) = byte_span(&map, text, start, end) {
            out.push((span, class, ()));
        }
    }
    top_layer(out).into_iter().map(|(s, c, ())| (s, c)).collect()
}

/// Reads the NER-UK test split (or every document of a folder of `.txt`/`.ann` pairs).
pub fn read_ner_uk(dir: &Path) -> Result<Vec<Doc>, EvalError> {
    let data = dir.join("v2.0").join("data");
    let pairs: Vec<PathBuf> = if data.is_dir() {
        let split = read_text(&data.join("dev-test-split.txt"))?;
        let mut test = false;
        let mut out = Vec::new();
        for line in split.lines().map(str::trim) {
            match line {
                "DEV" => test = false,
                "TEST" => test = true,
                "" => {}
                id if test => {
                    let found = ["ng", "bruk"]
                        .iter()
                        .map(|sub| data.join(sub).join(format!("{id}.ann")))
                        .find(|p| p.is_file());
                    match found {
                        Some(p) => out.push(p),
                        None => {
                            return Err(EvalError::Read {
                                path: data.join(id),
                                reason: "listed in dev-test-split.txt but not found".into(),
                            })
                        }
                    }
                }
                _ => {}
            }
        }
        out
    } else {
        files_with(dir, "ann")?
    };
    let mut docs = Vec::new();
    for ann_path in pairs {
        let text = read_text(&ann_path.with_extension("txt"))?;
        let ann = read_text(&ann_path)?;
        let gold = read_brat(&ann, &text, |t| match t {
            "PERS" | "PER" => Some(Class::Per),
            "ORG" => Some(Class::Org),
            "LOC" => Some(Class::Loc),
            _ => None,
        });
        let id = ann_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        docs.push(Doc::exact(id, text, gold));
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

/// Reads one NEREL folder of `.txt`/`.ann` pairs.
pub fn read_nerel(dir: &Path) -> Result<Vec<Doc>, EvalError> {
    require_dir(NEREL, dir)?;
    let mut docs = Vec::new();
    for ann_path in files_with(dir, "ann")? {
        let text = read_text(&ann_path.with_extension("txt"))?;
        let ann = read_text(&ann_path)?;
        let gold = read_brat(&ann, &text, |t| match t {
            "PERSON" => Some(Class::Per),
            "ORGANIZATION" => Some(Class::Org),
            "COUNTRY" | "CITY" | "STATE_OR_PROVINCE" | "DISTRICT" | "LOCATION" => Some(Class::Loc),
            _ => None,
        });
        let id = ann_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        docs.push(Doc::exact(id, text, gold));
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, part: &str) -> Span {
        let start = text.find(part).unwrap();
        Span::new(start, start + part.len())
    }

    #[test]
    fn a_mention_may_leave_out_its_descriptor_but_not_its_name() {
        let t = "в журнале «Театр и искусство» писали";
        let b = Bounds {
            name: at(t, "Театр и искусство"),
            outer: at(t, "журнале «Театр и искусство»"),
        };
        assert!(b.admit(at(t, "Театр и искусство")));
        assert!(b.admit(at(t, "«Театр и искусство»")));
        assert!(b.admit(at(t, "журнале «Театр и искусство»")));
        assert!(!b.admit(at(t, "журнале «Театр")));
        assert!(!b.admit(at(t, "в журнале «Театр и искусство»")));
        assert!(Bounds::exact(at(t, "Театр")).admit(at(t, "Театр")));
        assert!(!Bounds::exact(at(t, "журнале «Театр")).admit(at(t, "Театр")));
    }

    #[test]
    fn each_gold_mention_is_matched_once() {
        let t = "журнале «Театр» и".to_string();
        let name = at(&t, "Театр");
        let doc = Doc {
            id: "x".into(),
            gold: vec![(at(&t, "журнале «Театр»"), Class::Org)],
            bounds: vec![Bounds { name, outer: at(&t, "журнале «Театр»") }],
            text: t.clone(),
        };
        let pred = [(name, Class::Org), (at(&t, "«Театр»"), Class::Org), (name, Class::Per)];
        let c = compare(&doc, &pred);
        assert_eq!((c[&Class::Org].tp, c[&Class::Org].pred, c[&Class::Org].gold), (1, 2, 1));
        assert_eq!((c[&Class::Per].tp, c[&Class::Per].pred, c[&Class::Per].gold), (0, 1, 0));
    }

    #[test]
    fn factrueval_names_and_descriptors() {
        let dir = std::env::temp_dir().join(format!("parallax-factru-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let text = "Глава компании «Ромашка» Иван Петров и власти.";
        let chars = |part: &str| {
            let b = text.find(part).unwrap();
            (text.get(..b).unwrap().chars().count(), part.chars().count())
        };
        let span = |id: u32, tag: &str, part: &str| {
            let (s, n) = chars(part);
            format!("{id} {tag} {s} {n} 0 1  # 0 {part}\n")
        };
        let spans = [
            span(1, "org_descr", "компании"),
            span(2, "org_name", "Ромашка"),
            span(3, "name", "Иван"),
            span(4, "surname", "Петров"),
            span(5, "org_descr", "власти"),
        ]
        .concat();
        let objects = "10 Org 1 2 # x\n11 Person 3 4 # x\n12 Org 5 # x\n";
        std::fs::write(dir.join("book_1.txt"), text).unwrap();
        std::fs::write(dir.join("book_1.spans"), spans).unwrap();
        std::fs::write(dir.join("book_1.objects"), objects).unwrap();
        let docs = read_factrueval(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let d = &docs[0];
        let shown: Vec<(&str, &str, &str)> = d
            .gold
            .iter()
            .zip(&d.bounds)
            .map(|(g, b)| {
                (g.0.text(text).unwrap(), b.name.text(text).unwrap(), b.outer.text(text).unwrap())
            })
            .collect();
        // The organisation spans its descriptor and its quoted name, with the closing mark of
        // the quotation it opens; the name alone is what must be found. "власти" names nothing
        // and is not scored.
        assert_eq!(
            shown,
            vec![
                ("компании «Ромашка»", "Ромашка", "компании «Ромашка»"),
                ("Иван Петров", "Иван Петров", "Иван Петров"),
            ]
        );
    }

    #[test]
    fn brat_lines_in_both_layouts() {
        let text = "ПАТ «Газ» у Києві";
        let ann = "T1\tORG\t0\t9\tПАТ «Газ»\nT2\tLOC 12 17\tКиєві\nT3\tDATE 0 3\tx\n";
        let gold = read_brat(ann, text, |t| match t {
            "ORG" => Some(Class::Org),
            "LOC" => Some(Class::Loc),
            _ => None,
        });
        assert_eq!(gold.len(), 2);
        assert_eq!(gold[0].0.text(text), Some("ПАТ «Газ»"));
        assert_eq!(gold[1].0.text(text), Some("Києві"));
    }

    #[test]
    fn top_layer_drops_nested() {
        let g = vec![
            (Span::new(0, 10), Class::Org, ()),
            (Span::new(5, 10), Class::Loc, ()),
            (Span::new(12, 14), Class::Per, ()),
            (Span::new(12, 14), Class::Loc, ()),
        ];
        assert_eq!(
            top_layer(g),
            vec![(Span::new(0, 10), Class::Org, ()), (Span::new(12, 14), Class::Per, ())]
        );
    }

    #[test]
    fn quotes_close() {
        let t = "движения «Солидарность» и";
        let s = Span::new(0, t.find('»').unwrap());
        assert_eq!(close_quote(t, s).text(t), Some("движения «Солидарность»"));
    }
}
