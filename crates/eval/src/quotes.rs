//! `parallax eval quotes`: attribution — who said what — on three corpora someone else
//! annotated.
//!
//! - `polnear` (English US political news, PolNeAR 1.0, research use): the **test split**
//!   (`data/test`, 84 articles). Each `text/<name>.txt` is a title line, a blank line and the body;
//!   its attributions are brat standoff in `attributions/<name>_<annotator>.ann` (`T` lines are
//!   Source, Cue, Content and Attribution spans, `E` lines tie them). A few articles were
//!   annotated by several annotators: the file of the **first annotator id in sort order** is
//!   used, always. A span written in fragments is taken from its first character to its last.
//! - `quotes-ru-cs-adaq` (Russian sentences from the Russian National Corpus with token tags
//!   source / cue / content / None; research use): `data/ru_sentences.tsv` and
//!   `data/ru_tokens.tsv`. The Czech half is not a language Parallax reads and is skipped.
//! - `ruopinionne-2024` (Russian news sentences with opinion tuples, MIT): the labelled
//!   validation split `validation_labeled.jsonl` (the test split has no labels). Only the
//!   *holder* (`Source`) is used, as a proxy for speaker detection: most holders are people or
//!   bodies who state an opinion, though not all opinions are speech.
//!
//! **How the engine runs.** Each text goes through the engine's per-document stages exactly as
//! an article body would — paragraphs (the non-empty lines), paragraph languages, sentences,
//! entities, statements — but on the dataset's *original* text rather than the normalised one,
//! so that the gold character offsets only need converting to byte offsets (the normaliser would
//! move them; these texts are already clean). The dataset's language is given as the article
//! language.
//!
//! **Span scores (PolNeAR).** For each role — source (the statement's speaker span), cue and
//! content — the distinct gold spans of an article are compared with the distinct predicted
//! spans of that role (spans repeated by several attributions count once):
//! - *exact*: a predicted span is correct when it equals a gold span once white space, quotation
//!   marks and the punctuation `, . ; :` are trimmed from both ends of each; a gold span is found
//!   when a predicted span equals it so;
//! - *overlap* (the partial match of the quotation-detection literature): a predicted span is
//!   correct when it shares at least one character with a gold span of the role; a gold span is
//!   found when some predicted span shares a character with it;
//! - *one to one* (stricter): predicted and gold spans that share characters are paired greedily,
//!   largest overlap first, each span in at most one pair; pairs count for both precision and
//!   recall. Nested gold contents (an attribution inside another's content) and a prediction split
//!   in two are where this differs from *overlap*.
//!
//! Precision is correct predicted spans over predicted spans, recall found gold spans over gold
//! spans, summed over all articles (micro-average). Metrics: `source_f1`, `cue_f1`,
//! `content_f1` (overlap), `source_exact_f1`, `cue_exact_f1`, `content_exact_f1` (exact) and
//! `*_one_to_one_f1`, each with its `_precision` and `_recall`; `exact_f1` and `overlap_f1` are
//! the content scores, as are `precision`, `recall` and `f1`. PolNeAR annotates every attribution, not only speech: beliefs
//! ("Republicans fear"), knowledge, intentions, polls that "show", stances ("criticized"). The
//! notes give recall separately on gold attributions whose cue is a verb of saying, so the two
//! can be told apart.
//!
//! **Token scores (adaq).** A token is predicted as source, cue or content when it overlaps a
//! predicted span of that role; precision, recall and F1 per role over all tokens (`source_f1`,
//! `cue_f1`, `content_f1`).
//!
//! **Holder detection (RuOpinionNE).** Of the opinions whose holder is written in the sentence
//! (not `NULL` or `AUTHOR`, which are counted apart), the share whose holder span a predicted
//! speaker span overlaps (`source_recall`); of the predicted speaker spans, the share that
//! overlap some holder (`source_precision`), and their `source_f1`.
//!
//! `docs_per_second` (PolNeAR) times the statement stage alone, on one thread, on the texts
//! already segmented and tagged: the best of three passes over the split after a warm-up pass,
//! in CPU time where Linux reports it per thread (so that other work on a shared machine does not
//! count), else in wall-clock time.

use crate::{read_file, require_dir, EvalError, EvalOptions, Report};
use parallax_model::{DocEntities, Lang, LangSpan, Span, Statement};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

const POLNEAR: &str = "polnear";
const ADAQ: &str = "quotes-ru-cs-adaq";
const RUOPINION: &str = "ruopinionne-2024";

/// Runs the quotes task on every dataset `opts` asks for.
pub fn run(opts: &EvalOptions) -> Result<Vec<Report>, EvalError> {
    if let Some(d) = &opts.dataset {
        if ![POLNEAR, ADAQ, RUOPINION].contains(&d.as_str()) {
            return Err(EvalError::UnknownDataset {
                task: "quotes".into(),
                name: d.clone(),
                known: format!("{POLNEAR}, {ADAQ}, {RUOPINION}"),
            });
        }
    }
    let mut out = vec![];
    if opts.wants(POLNEAR) {
        out.push(polnear(opts)?);
    }
    if opts.wants(ADAQ) {
        out.push(adaq(opts)?);
    }
    if opts.wants(RUOPINION) {
        out.push(ruopinion(opts)?);
    }
    Ok(out)
}

/// What the statement stage reads of a text: its paragraph languages, sentences and entities.
pub struct Prepared {
    pub lang: Lang,
    pub langs: Vec<LangSpan>,
    pub sentences: Vec<Span>,
    pub entities: DocEntities,
}

/// Runs the stages before statement extraction on `text`.
pub fn prepare(text: &str, lang: Lang) -> Prepared {
    let paragraphs = line_spans(text);
    let langs: Vec<LangSpan> = parallax_engine::lang::identify_spans(text, &paragraphs);
    let sentences = parallax_engine::segment::sentences(text, Some(lang));
    let entities: DocEntities =
        parallax_engine::entities::analyze(text, &sentences, &langs, Some(lang));
    Prepared { lang, langs, sentences, entities }
}

/// The statement stage on a prepared text.
pub fn statements_of(text: &str, p: &Prepared) -> Vec<Statement> {
    parallax_engine::statements::analyze(
        text,
        &p.sentences,
        &p.langs,
        Some(p.lang),
        &p.entities,
        &[],
    )
    .0
}

/// The engine's statements of one text.
pub fn statements(text: &str, lang: Lang) -> Vec<Statement> {
    statements_of(text, &prepare(text, lang))
}

/// The CPU time this thread has used, in seconds, where the system says (Linux); `None`
/// elsewhere.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Documents per second of the statement stage alone, on one thread, over prepared texts: the
/// best of three passes, after one pass that loads the lexicons and the knowledge base. Time is
/// the thread's CPU time where the system reports it (so that other work on a shared machine
/// does not count), else wall-clock time. Returns (documents per second, µs per document).
fn throughput(docs: &[(&str, &Prepared)]) -> (f64, f64) {
    if docs.is_empty() {
        return (0.0, 0.0);
    }
    let mut best = f64::INFINITY;
    for pass in 0..4 {
        let (t, c) = (Instant::now(), thread_cpu_seconds());
        for (text, p) in docs {
            std::hint::black_box(statements_of(text, p));
        }
        let s = match (c, thread_cpu_seconds()) {
            (Some(a), Some(b)) if b > a => b - a,
            _ => t.elapsed().as_secs_f64(),
        };
        if pass > 0 {
            best = best.min(s);
        }
    }
    let n = docs.len() as f64;
    ((n / best).round(), best * 1e6 / n)
}

/// The spans of the non-empty lines of `text`, trimmed.
fn line_spans(text: &str) -> Vec<Span> {
    let mut out = vec![];
    let mut start = 0;
    for line in text.split('\n') {
        let span = Span::new(start, start + line.len()).trim(text);
        if !span.is_empty() {
            out.push(span);
        }
        start += line.len() + 1;
    }
    out
}

/// Byte offset of every character offset of `text` (and of its end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// A span with white space, quotation marks and `, . ; :` trimmed from both ends.
fn core(text: &str, s: Span) -> Span {
    let Some(t) = s.text(text) else { return s };
    let trim = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | ',' | '.' | ';' | ':'
            )
    };
    let lead = t.len() - t.trim_start_matches(trim).len();
    let rest = t.trim_start_matches(trim);
    let body = rest.trim_end_matches(trim);
    if body.is_empty() {
        return s;
    }
    Span::new(s.start + lead, s.start + lead + body.len())
}

/// Match counts of one role in one document.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    gold: usize,
    pred: usize,
    /// Gold spans equal (up to trimming) to a predicted span, and predicted spans equal to a
    /// gold span.
    exact_gold: usize,
    exact_pred: usize,
    /// Gold spans overlapped by some predicted span, and predicted spans overlapping some gold.
    overlap_gold: usize,
    overlap_pred: usize,
    /// Pairs matched one to one by overlap, largest overlap first.
    one_to_one: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.exact_gold += o.exact_gold;
        self.exact_pred += o.exact_pred;
        self.overlap_gold += o.overlap_gold;
        self.overlap_pred += o.overlap_pred;
        self.one_to_one += o.one_to_one;
    }
}

fn dedup(mut v: Vec<Span>) -> Vec<Span> {
    v.retain(|s| !s.is_empty());
    v.sort();
    v.dedup();
    v
}

/// Exact and overlap matches (one to one) between gold and predicted spans of `text`.
fn score(text: &str, gold: &[Span], pred: &[Span]) -> Counts {
    let gold = dedup(gold.to_vec());
    let pred = dedup(pred.to_vec());
    let mut c = Counts { gold: gold.len(), pred: pred.len(), ..Counts::default() };
    let gcore: Vec<Span> = gold.iter().map(|s| core(text, *s)).collect();
    let pcore: Vec<Span> = pred.iter().map(|s| core(text, *s)).collect();
    let ov = |a: &Span, b: &Span| a.start < b.end && b.start < a.end;
    c.exact_gold = gcore.iter().filter(|g| pcore.contains(g)).count();
    c.exact_pred = pcore.iter().filter(|p| gcore.contains(p)).count();
    c.overlap_gold = gold.iter().filter(|g| pred.iter().any(|p| ov(g, p))).count();
    c.overlap_pred = pred.iter().filter(|p| gold.iter().any(|g| ov(g, p))).count();
    // One to one, largest overlap first.
    let mut pairs: Vec<(usize, usize, usize)> = vec![];
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in pred.iter().enumerate() {
            let ov = g.end.min(p.end).saturating_sub(g.start.max(p.start));
            if ov > 0 {
                pairs.push((ov, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gu, mut pu) = (vec![false; gold.len()], vec![false; pred.len()]);
    for (_, i, j) in pairs {
        if !gu[i] && !pu[j] {
            gu[i] = true;
            pu[j] = true;
            c.one_to_one += 1;
        }
    }
    c
}

fn prf(matched: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    prf2(matched, pred, matched, gold)
}

/// Precision from the matched predicted spans, recall from the matched gold spans.
fn prf2(pred_ok: usize, pred: usize, gold_ok: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 { 0.0 } else { pred_ok as f64 / pred as f64 };
    let r = if gold == 0 { 0.0 } else { gold_ok as f64 / gold as f64 };
    (p, r, crate::f1(p, r))
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Writes the scores of one role: `<role>_f1` etc. from overlap, `<role>_exact_f1` from exact,
/// `<role>_one_to_one_f1` from overlap matched one to one.
fn put_role(report: &mut Report, role: &str, c: Counts) {
    let (p, r, f) = prf2(c.overlap_pred, c.pred, c.overlap_gold, c.gold);
    report.metric(&format!("{role}_precision"), round4(p));
    report.metric(&format!("{role}_recall"), round4(r));
    report.metric(&format!("{role}_f1"), round4(f));
    let (p, r, f) = prf2(c.exact_pred, c.pred, c.exact_gold, c.gold);
    report.metric(&format!("{role}_exact_precision"), round4(p));
    report.metric(&format!("{role}_exact_recall"), round4(r));
    report.metric(&format!("{role}_exact_f1"), round4(f));
    let (p, r, f) = prf(c.one_to_one, c.pred, c.gold);
    report.metric(&format!("{role}_one_to_one_precision"), round4(p));
    report.metric(&format!("{role}_one_to_one_recall"), round4(r));
    report.metric(&format!("{role}_one_to_one_f1"), round4(f));
}

/// One PolNeAR attribution: its spans (byte offsets), and its cue's text.
#[derive(Debug, Clone, Default)]
struct Attribution {
    source: Option<Span>,
    cue: Option<Span>,
    content: Option<Span>,
}

/// Reads a brat `.ann` file into attributions (character offsets converted to bytes of `text`).
fn read_ann(ann: &str, text: &str) -> Vec<Attribution> {
    let bytes = char_to_byte(text);
    let at = |c: usize| bytes.get(c).copied();
    let mut spans: BTreeMap<&str, Span> = BTreeMap::new();
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(def)) = (parts.next(), parts.next()) else { continue };
        if !id.starts_with('T') {
            continue;
        }
        // "Content 11 43" or "Content 11 20;25 43".
        let mut words = def.splitn(2, ' ');
        let _kind = words.next();
        let Some(ranges) = words.next() else { continue };
        let nums: Vec<usize> = ranges.split([' ', ';']).filter_map(|n| n.parse().ok()).collect();
        let (Some(&a), Some(&b)) = (nums.first(), nums.last()) else { continue };
        if let (Some(sa), Some(sb)) = (at(a), at(b)) {
            if sb > sa {
                spans.insert(id, Span::new(sa, sb));
            }
        }
    }
    let mut out = vec![];
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(def)) = (parts.next(), parts.next()) else { continue };
        if !id.starts_with('E') {
            continue;
        }
        let mut a = Attribution::default();
        for arg in def.split(' ') {
            let Some((role, t)) = arg.split_once(':') else { continue };
            let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
            let span = spans.get(t).copied();
            match role {
                "Source" => a.source = a.source.or(span),
                "Cue" => a.cue = a.cue.or(span),
                "Content" => a.content = a.content.or(span),
                _ => {}
            }
        }
        out.push(a);
    }
    out
}

/// The PolNeAR split folder: `--path` may name the split itself (holding `text/`) or a copy of
/// the dataset (holding `data/test`).
fn polnear_split(opts: &EvalOptions) -> PathBuf {
    let root = opts.dataset_dir(POLNEAR);
    if root.join("text").is_dir() {
        root
    } else {
        root.join("data").join("test")
    }
}

/// The annotation file chosen for an article: the first annotator id in sort order.
fn annotation_for(dir: &Path, stem: &str) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.ends_with(".ann")
                    && n.strip_prefix(stem)
                        .and_then(|r| r.strip_prefix('_'))
                        .is_some_and(|r| !r.trim_end_matches(".ann").contains('_'))
            })
        })
        .collect();
    found.sort();
    found.into_iter().next()
}

/// Whether a gold cue is a verb of saying (or "according to"): for the speech-only recall note.
fn is_speech_cue(cue: &str) -> bool {
    let lex = parallax_engine::lang::packs::pack(Lang::En);
    let last = cue.split_whitespace().last().unwrap_or("").to_lowercase();
    let lower = cue.to_lowercase();
    lower.contains("according to")
        || lex.speech.verbs.iter().any(|e| {
            let body = e.split_once(':').map_or(*e, |(_, b)| b);
            body.split(',').any(|f| f.trim() == last)
        })
}

fn polnear(opts: &EvalOptions) -> Result<Report, EvalError> {
    use rayon::prelude::*;
    let split = polnear_split(opts);
    require_dir(POLNEAR, &split.join("text"))?;
    let started = Instant::now();
    let mut names: Vec<PathBuf> = std::fs::read_dir(split.join("text"))
        .map_err(|e| EvalError::Read { path: split.join("text"), reason: e.to_string() })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    if let Some(n) = opts.limit {
        names.truncate(n);
    }
    let mut docs = vec![];
    for path in &names {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let Some(ann_path) = annotation_for(&split.join("attributions"), &stem) else { continue };
        let text = String::from_utf8_lossy(&read_file(path)?).into_owned();
        let ann = String::from_utf8_lossy(&read_file(&ann_path)?).into_owned();
        let gold = read_ann(&ann, &text);
        docs.push((stem, text, gold));
    }
    struct Scored {
        source: Counts,
        cue: Counts,
        content: Counts,
        speech_gold: usize,
        speech_found: usize,
        statements: usize,
        misses: Vec<String>,
    }
    let prepared: Vec<Prepared> =
        docs.par_iter().map(|(_, text, _)| prepare(text, Lang::En)).collect();
    let scored: Vec<Scored> = docs
        .par_iter()
        .zip(&prepared)
        .map(|((stem, text, gold), prep)| {
            let st = statements_of(text, prep);
            let roles = |f: &dyn Fn(&Attribution) -> Option<Span>| -> Vec<Span> {
                gold.iter().filter_map(f).collect()
            };
            let pred_source: Vec<Span> = st.iter().filter_map(|s| s.speaker).collect();
            let pred_cue: Vec<Span> = st.iter().map(|s| s.cue).collect();
            let pred_content: Vec<Span> = st.iter().map(|s| s.content).collect();
            let source = score(text, &roles(&|a| a.source), &pred_source);
            let cue = score(text, &roles(&|a| a.cue), &pred_cue);
            let content = score(text, &roles(&|a| a.content), &pred_content);
            // Recall on speech attributions: gold content overlapped by a predicted content.
            let mut speech_gold = 0;
            let mut speech_found = 0;
            let mut misses = vec![];
            for a in gold {
                let (Some(c), Some(cue_span)) = (a.content, a.cue) else { continue };
                let cue_text = cue_span.text(text).unwrap_or_default();
                if !is_speech_cue(cue_text) {
                    continue;
                }
                speech_gold += 1;
                if pred_content.iter().any(|p| p.start < c.end && c.start < p.end) {
                    speech_found += 1;
                } else if misses.len() < 3 {
                    let around = cue_span.text(text).unwrap_or_default();
                    let ctx: String = c.text(text).unwrap_or_default().chars().take(60).collect();
                    misses.push(format!("{stem}: missed [{around}] {ctx}…"));
                }
            }
            Scored { source, cue, content, speech_gold, speech_found, statements: st.len(), misses }
        })
        .collect();
    let mut report = Report::new("quotes", POLNEAR);
    report.n = scored.len();
    let (mut s, mut c, mut k) = (Counts::default(), Counts::default(), Counts::default());
    let (mut sg, mut sf, mut n_st) = (0, 0, 0);
    let mut bytes = 0usize;
    for (x, (_, text, _)) in scored.iter().zip(&docs) {
        s.add(x.source);
        c.add(x.cue);
        k.add(x.content);
        sg += x.speech_gold;
        sf += x.speech_found;
        n_st += x.statements;
        bytes += text.len();
    }
    put_role(&mut report, "source", s);
    put_role(&mut report, "cue", c);
    put_role(&mut report, "content", k);
    let (p, r, f) = prf2(k.overlap_pred, k.pred, k.overlap_gold, k.gold);
    report.metric("precision", round4(p)).metric("recall", round4(r)).metric("f1", round4(f));
    report.metric("overlap_f1", round4(f));
    report.metric("exact_f1", round4(prf2(k.exact_pred, k.pred, k.exact_gold, k.gold).2));
    let pairs: Vec<(&str, &Prepared)> =
        docs.iter().zip(&prepared).map(|((_, t, _), p)| (t.as_str(), p)).collect();
    let (dps, micros) = throughput(&pairs);
    report.metric("docs_per_second", dps);
    report.notes.push(format!(
        "gold spans: {} sources, {} cues, {} contents; predicted statements: {n_st}",
        s.gold, c.gold, k.gold
    ));
    report.notes.push(format!(
        "content recall on attributions whose cue is a verb of saying or \"according to\": {}/{} = {:.3}",
        sf,
        sg,
        if sg == 0 { 0.0 } else { sf as f64 / sg as f64 }
    ));
    report.notes.push(format!(
        "statement stage alone, one thread: {micros:.1} µs per article (mean {} bytes)",
        if scored.is_empty() { 0 } else { bytes / scored.len() }
    ));
    report.notes.extend(scored.iter().flat_map(|x| x.misses.iter().cloned()).take(30));
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Token-level scores for one role.
#[derive(Debug, Default, Clone, Copy)]
struct Tok {
    tp: usize,
    fp: usize,
    fn_: usize,
}

fn adaq(opts: &EvalOptions) -> Result<Report, EvalError> {
    use rayon::prelude::*;
    let root = opts.dataset_dir(ADAQ);
    let data = if root.join("data").is_dir() { root.join("data") } else { root.clone() };
    require_dir(ADAQ, &data)?;
    let started = Instant::now();
    let sentences =
        String::from_utf8_lossy(&read_file(&data.join("ru_sentences.tsv"))?).into_owned();
    let tokens = String::from_utf8_lossy(&read_file(&data.join("ru_tokens.tsv"))?).into_owned();
    // id → (text, tokens [(surface, tag)]).
    let mut order: Vec<String> = vec![];
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    for line in sentences.lines().skip(1) {
        let Some((text, id)) = line.rsplit_once('\t') else { continue };
        if !texts.contains_key(id) {
            order.push(id.to_string());
        }
        texts.insert(id.to_string(), tsv_field(text));
    }
    let mut toks: BTreeMap<String, Vec<(usize, String, String)>> = BTreeMap::new();
    for line in tokens.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 5 {
            continue;
        }
        let idx: usize = f[3].parse().unwrap_or(0);
        toks.entry(f[2].to_string()).or_default().push((idx, tsv_field(f[1]), f[4].to_string()));
    }
    if let Some(n) = opts.limit {
        order.truncate(n);
    }
    let results: Vec<([Tok; 3], usize)> = order
        .par_iter()
        .filter_map(|id| {
            let text = texts.get(id)?;
            let mut tk = toks.get(id).cloned().unwrap_or_default();
            tk.sort_by_key(|t| t.0);
            let st = statements(text, Lang::Ru);
            let mut counts = [Tok::default(); 3];
            let mut cursor = 0;
            let mut unaligned = 0;
            for (_, surface, tag) in &tk {
                let Some(rel) = text.get(cursor..).and_then(|r| r.find(surface.as_str())) else {
                    unaligned += 1;
                    continue;
                };
                let span = Span::new(cursor + rel, cursor + rel + surface.len());
                cursor = span.end;
                let hit = |s: Span| s.start < span.end && span.start < s.end;
                let pred = [
                    st.iter().filter_map(|s| s.speaker).any(hit),
                    st.iter().map(|s| s.cue).any(hit),
                    st.iter().map(|s| s.content).any(hit),
                ];
                for (r, name) in ["source", "cue", "content"].iter().enumerate() {
                    let gold = tag == name;
                    match (gold, pred[r]) {
                        (true, true) => counts[r].tp += 1,
                        (false, true) => counts[r].fp += 1,
                        (true, false) => counts[r].fn_ += 1,
                        _ => {}
                    }
                }
            }
            Some((counts, unaligned))
        })
        .collect();
    let mut report = Report::new("quotes", ADAQ);
    report.n = results.len();
    let mut total = [Tok::default(); 3];
    let mut unaligned = 0;
    for (c, u) in &results {
        for r in 0..3 {
            total[r].tp += c[r].tp;
            total[r].fp += c[r].fp;
            total[r].fn_ += c[r].fn_;
        }
        unaligned += u;
    }
    for (r, name) in ["source", "cue", "content"].iter().enumerate() {
        let t = total[r];
        let (p, rc, f) = prf(t.tp, t.tp + t.fp, t.tp + t.fn_);
        report.metric(&format!("{name}_precision"), round4(p));
        report.metric(&format!("{name}_recall"), round4(rc));
        report.metric(&format!("{name}_f1"), round4(f));
    }
    let t = total[2];
    let (p, rc, f) = prf(t.tp, t.tp + t.fp, t.tp + t.fn_);
    report.metric("precision", round4(p)).metric("recall", round4(rc)).metric("f1", round4(f));
    report.notes.push(format!(
        "Russian sentences only (the Czech half is skipped); token-level scores; {unaligned} tokens could not be aligned to their sentence and are not scored"
    ));
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// A field of the adaq files, which quote a field holding a quotation mark as CSV does: the
/// field in quotation marks, each mark inside doubled.
fn tsv_field(f: &str) -> String {
    match f.strip_prefix('"').and_then(|x| x.strip_suffix('"')) {
        Some(inner) if f.len() >= 2 => inner.replace("\"\"", "\""),
        _ => f.to_string(),
    }
}

fn ruopinion(opts: &EvalOptions) -> Result<Report, EvalError> {
    use rayon::prelude::*;
    let root = opts.dataset_dir(RUOPINION);
    let file = if root.is_file() { root.clone() } else { root.join("validation_labeled.jsonl") };
    if !file.exists() {
        return Err(EvalError::Missing { dataset: RUOPINION.into(), path: file });
    }
    let started = Instant::now();
    let raw = String::from_utf8_lossy(&read_file(&file)?).into_owned();
    let mut items: Vec<(String, Vec<Span>, usize, usize)> = vec![];
    for line in raw.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
        let bytes = char_to_byte(text);
        let (mut holders, mut null, mut author) = (vec![], 0, 0);
        for op in v.get("opinions").and_then(|o| o.as_array()).into_iter().flatten() {
            let src = op.get("Source");
            let words: Vec<&str> = src
                .and_then(|s| s.get(0))
                .and_then(|s| s.as_array())
                .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
                .unwrap_or_default();
            let offs: Vec<&str> = src
                .and_then(|s| s.get(1))
                .and_then(|s| s.as_array())
                .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
                .unwrap_or_default();
            if words.first() == Some(&"NULL") {
                null += 1;
                continue;
            }
            if words.first() == Some(&"AUTHOR") {
                author += 1;
                continue;
            }
            let spans: Vec<Span> = offs
                .iter()
                .filter_map(|o| {
                    let (a, b) = o.split_once(':')?;
                    let (a, b): (usize, usize) = (a.parse().ok()?, b.parse().ok()?);
                    Some(Span::new(*bytes.get(a)?, *bytes.get(b)?))
                })
                .collect();
            if let (Some(first), Some(last)) = (spans.first(), spans.last()) {
                holders.push(Span::new(first.start, last.end));
            }
        }
        items.push((text.to_string(), holders, null, author));
    }
    if let Some(n) = opts.limit {
        items.truncate(n);
    }
    let results: Vec<(usize, usize, usize, usize)> = items
        .par_iter()
        .map(|(text, holders, _, _)| {
            let st = statements(text, Lang::Ru);
            let speakers: Vec<Span> = st.iter().filter_map(|s| s.speaker).collect();
            let ov = |a: &Span, b: &Span| a.start < b.end && b.start < a.end;
            let found = holders.iter().filter(|h| speakers.iter().any(|s| ov(s, h))).count();
            let right = speakers.iter().filter(|s| holders.iter().any(|h| ov(s, h))).count();
            (holders.len(), found, speakers.len(), right)
        })
        .collect();
    let mut report = Report::new("quotes", RUOPINION);
    report.n = results.len();
    let (mut gold, mut found, mut pred, mut right) = (0, 0, 0, 0);
    for (g, f, p, r) in &results {
        gold += g;
        found += f;
        pred += p;
        right += r;
    }
    let rec = if gold == 0 { 0.0 } else { found as f64 / gold as f64 };
    let prec = if pred == 0 { 0.0 } else { right as f64 / pred as f64 };
    report.metric("source_recall", round4(rec));
    report.metric("source_precision", round4(prec));
    report.metric("source_f1", round4(crate::f1(prec, rec)));
    let null: usize = items.iter().map(|x| x.2).sum();
    let author: usize = items.iter().map(|x| x.3).sum();
    report.notes.push(format!(
        "{gold} opinions with a holder in the sentence ({found} found); {null} with holder NULL and {author} with holder AUTHOR are not scored; {pred} predicted speakers, {right} on a holder"
    ));
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_ignores_quotes_and_punctuation_overlap_is_one_to_one() {
        let t = "He said “we will win.” Then more words here.";
        let gold = [Span::new(8, 26)]; // “we will win.”
        let pred = [Span::new(11, 23), Span::new(0, 2)]; // we will win.  /  He
        let c = score(t, &gold, &pred);
        assert_eq!((c.gold, c.pred, c.exact_gold, c.exact_pred), (1, 2, 1, 1));
        assert_eq!((c.overlap_gold, c.overlap_pred, c.one_to_one), (1, 1, 1));
        // Two predictions inside one gold span: both overlap it, one pairs with it.
        let c = score(t, &gold, &[Span::new(11, 13), Span::new(14, 18)]);
        assert_eq!((c.overlap_gold, c.overlap_pred, c.one_to_one), (1, 2, 1));
    }

    #[test]
    fn csv_quoted_fields_are_unquoted() {
        assert_eq!(tsv_field("\"Он сказал: \"\"да\"\"\""), "Он сказал: \"да\"");
        assert_eq!(tsv_field("\"\"\"\""), "\"");
        assert_eq!(tsv_field("Папа"), "Папа");
    }

    #[test]
    fn brat_spans_become_byte_offsets() {
        let text = "Ґ said: yes.";
        let ann = "T1\tSource 0 1\tҐ\nT2\tCue 2 6\tsaid\nT3\tContent 8 11\tyes\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n";
        let a = read_ann(ann, text);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].source.and_then(|s| s.text(text)), Some("Ґ"));
        assert_eq!(a[0].cue.and_then(|s| s.text(text)), Some("said"));
        assert_eq!(a[0].content.and_then(|s| s.text(text)), Some("yes"));
    }
}
