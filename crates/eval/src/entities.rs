//! `eval entities`: cross-document, cross-lingual identity.
//!
//! - `bsnlp`: every annotated ru and uk document of a topic goes through the whole engine into one
//!   registry (extraction, tagging, clustering, linking). Each gold item is a distinct
//!   (document, mention string); its predicted entity is the entity of the engine's mention with
//!   that string in that document (the most frequent, if several; none if the engine missed it).
//!   Scores are pairwise over items within each topic: a pair is positive in the gold when both
//!   items carry the same cross-lingual id, and in the prediction when both got the same entity.
//!   Pair counts are summed over topics.
//! - `itn-corpus`: the en, ru and uk blurbs, each with its bold subject; the gold groups blurbs by
//!   the subject's Wikidata id, the prediction by the entity of the mention covering the bold
//!   text. Pairwise again, over all blurbs.

use crate::{require_dir, EvalError, EvalOptions, Report};
use parallax_engine::entities::link::EngineLinker;
use parallax_model::{EntityId, MemStore, Store};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

pub fn run(opts: &EvalOptions) -> Result<Vec<Report>, EvalError> {
    let mut out = vec![];
    if opts.wants("bsnlp") {
        out.push(bsnlp(opts)?);
    }
    if opts.wants("itn-corpus") {
        out.push(itn(opts)?);
    }
    Ok(out)
}

/// Pair counts for pairwise precision and recall.
#[derive(Debug, Default, Clone, Copy)]
pub struct Pairs {
    pub predicted: u64,
    pub gold: u64,
    pub both: u64,
}

impl Pairs {
    /// Counts pairs over items labelled `(gold, predicted)`; an item without a prediction pairs
    /// with nothing.
    pub fn count<G: Ord + Clone, P: Ord + Clone>(items: &[(G, Option<P>)]) -> Pairs {
        let pairs = |n: u64| n * n.saturating_sub(1) / 2;
        let mut by_gold: BTreeMap<G, u64> = BTreeMap::new();
        let mut by_pred: BTreeMap<P, u64> = BTreeMap::new();
        let mut by_both: BTreeMap<(G, P), u64> = BTreeMap::new();
        for (g, p) in items {
            *by_gold.entry(g.clone()).or_default() += 1;
            if let Some(p) = p {
                *by_pred.entry(p.clone()).or_default() += 1;
                *by_both.entry((g.clone(), p.clone())).or_default() += 1;
            }
        }
        Pairs {
            gold: by_gold.values().map(|&n| pairs(n)).sum(),
            predicted: by_pred.values().map(|&n| pairs(n)).sum(),
            both: by_both.values().map(|&n| pairs(n)).sum(),
        }
    }

    fn add(&mut self, o: Pairs) {
        self.predicted += o.predicted;
        self.gold += o.gold;
        self.both += o.both;
    }

    fn report(&self, r: &mut Report) {
        let p = if self.predicted == 0 { 0.0 } else { self.both as f64 / self.predicted as f64 };
        let rc = if self.gold == 0 { 0.0 } else { self.both as f64 / self.gold as f64 };
        r.metric("pairwise_precision", p)
            .metric("pairwise_recall", rc)
            .metric("pairwise_f1", crate::f1(p, rc));
    }
}

/// A document to analyse: its name and its body, one paragraph per line.
struct Doc {
    source: String,
    body: String,
}

fn raw_text_doc(source: String, body: String) -> Doc {
    Doc { source, body }
}

/// Analysis time over a dataset.
#[derive(Debug, Default)]
struct Timing {
    docs: usize,
    bytes: usize,
    seconds: f64,
}

impl Timing {
    fn report(&self, report: &mut Report) {
        if self.seconds > 0.0 {
            report.metric("analysis_docs_per_second", (self.docs as f64 / self.seconds).round());
            report.notes.push(format!(
                "analysis after extraction: {} docs ({:.1} KB on average) in {:.2} s on {} threads",
                self.docs,
                self.bytes as f64 / self.docs.max(1) as f64 / 1024.0,
                self.seconds,
                rayon::current_num_threads()
            ));
        }
    }
}

/// Runs documents through the engine into one registry; returns, per document, each mention's
/// surface (lower case) with its entity.
///
/// The analysis (normalisation, language, sentences, entities, dates, quantities, statements;
/// extraction is not part of it) runs on every core; its time is added to `timing`.
fn link_all(
    docs: &[Doc],
    timing: &mut Timing,
) -> Vec<Vec<(String, parallax_model::Span, EntityId)>> {
    use rayon::prelude::*;
    // The knowledge base and the tagger's tables are built on first use, once per process: warm
    // them up outside the timing.
    if let Some(d) = docs.first() {
        let _ = parallax_engine::process_body(&d.source, &d.body);
    }
    let t = Instant::now();
    let processed: Vec<Option<parallax_model::Ingested>> =
        docs.par_iter().map(|d| Some(parallax_engine::process_body(&d.source, &d.body))).collect();
    timing.docs += docs.len();
    timing.bytes += docs.iter().map(|d| d.body.len()).sum::<usize>();
    timing.seconds += t.elapsed().as_secs_f64();
    let mut store = MemStore::new();
    let mut out = Vec::with_capacity(docs.len());
    for p in processed {
        let Some(p) = p else {
            out.push(vec![]);
            continue;
        };
        let id = p.article.id.clone();
        let _ = store.put_batch_linked(std::slice::from_ref(&p), &EngineLinker);
        let Ok(Some(stored)) = store.get(&id) else {
            out.push(vec![]);
            continue;
        };
        let ents = &stored.analysis.entities;
        let text = &stored.article.text;
        out.push(
            ents.mentions
                .iter()
                .filter_map(|m| {
                    let e = ents.clusters.get(m.cluster)?.entity.clone()?;
                    Some((m.span().text(text)?.to_lowercase(), m.span(), e))
                })
                .collect(),
        );
    }
    out
}

fn clean_mention(s: &str) -> String {
    s.trim().trim_matches(|c| matches!(c, '"' | '«' | '»' | '„' | '“' | '”')).trim().to_lowercase()
}

fn bsnlp(opts: &EvalOptions) -> Result<Report, EvalError> {
    let root = opts.dataset_dir("bsnlp");
    require_dir("bsnlp", &root)?;
    let started = Instant::now();
    let mut report = Report::new("entities", "bsnlp");
    let mut total = Pairs::default();
    let mut timing = Timing::default();
    let mut topics: Vec<_> = std::fs::read_dir(&root)
        .map_err(|e| EvalError::Read { path: root.clone(), reason: e.to_string() })?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("annotated").is_dir())
        .collect();
    topics.sort();
    let mut docs_seen = 0;
    for topic in topics {
        let mut docs: Vec<Doc> = vec![];
        let mut gold: Vec<Vec<(String, String)>> = vec![];
        for lang in ["ru", "uk"] {
            let raw = read_by_id(&topic.join("raw").join(lang))?;
            let ann = read_by_id(&topic.join("annotated").join(lang))?;
            for (id, body) in ann {
                let Some(text) = raw.get(&id) else { continue };
                if opts.limit.is_some_and(|l| docs_seen >= l) {
                    break;
                }
                docs_seen += 1;
                let text: String = text.lines().skip(4).collect::<Vec<_>>().join("\n");
                docs.push(raw_text_doc(format!("{}/{lang}/{id}", topic.display()), text));
                gold.push(
                    body.lines()
                        .skip(1)
                        .filter_map(|l| {
                            let f: Vec<&str> = l.split('\t').collect();
                            (f.len() >= 4).then(|| (clean_mention(f[0]), f[3].trim().to_string()))
                        })
                        .collect(),
                );
            }
        }
        let predicted = link_all(&docs, &mut timing);
        let mut items: Vec<(String, Option<EntityId>)> = vec![];
        let (mut found, mut all) = (0usize, 0usize);
        for (g, p) in gold.iter().zip(&predicted) {
            let mut seen = std::collections::HashSet::new();
            for (mention, gid) in g {
                if !seen.insert(mention.clone()) {
                    continue;
                }
                let mut votes: HashMap<&EntityId, usize> = HashMap::new();
                for (surface, _, e) in p {
                    if clean_mention(surface) == *mention {
                        *votes.entry(e).or_default() += 1;
                    }
                }
                let best = votes
                    .into_iter()
                    .max_by_key(|(e, n)| (*n, std::cmp::Reverse((*e).clone())))
                    .map(|(e, _)| e.clone());
                all += 1;
                found += usize::from(best.is_some());
                items.push((gid.clone(), best));
            }
        }
        let pairs = Pairs::count(&items);
        let name = topic.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        report.notes.push(format!(
            "{name}: {} docs, {all} gold items, {found} found by the tagger; pairs gold {} predicted {} both {}",
            docs.len(),
            pairs.gold,
            pairs.predicted,
            pairs.both
        ));
        for line in losses(&items, 3) {
            report.notes.push(format!("  {name}: {line}"));
        }
        report.n += all;
        total.add(pairs);
    }
    total.report(&mut report);
    timing.report(&mut report);
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The gold entities that lose the most same-entity pairs, worst first, as note lines: how many
/// of their pairs were lost, how many of their items the tagger did not find, and into how many
/// predicted entities the found ones were split.
fn losses(items: &[(String, Option<EntityId>)], top: usize) -> Vec<String> {
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let mut by_gold: BTreeMap<&str, Vec<Option<&EntityId>>> = BTreeMap::new();
    for (g, p) in items {
        by_gold.entry(g.as_str()).or_default().push(p.as_ref());
    }
    let mut rows: Vec<(u64, String)> = by_gold
        .into_iter()
        .map(|(g, preds)| {
            let mut groups: BTreeMap<&EntityId, u64> = BTreeMap::new();
            for p in preds.iter().flatten() {
                *groups.entry(p).or_default() += 1;
            }
            let total = pairs(preds.len() as u64);
            let kept: u64 = groups.values().map(|&n| pairs(n)).sum();
            let missing = preds.iter().filter(|p| p.is_none()).count();
            let line = format!(
                "{g} lost {} of {total} pairs ({missing} of {} items not found, the rest in {} entities)",
                total - kept,
                preds.len(),
                groups.len()
            );
            (total - kept, line)
        })
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    rows.into_iter().take(top).map(|r| r.1).collect()
}

/// The files of a folder keyed by their first line (the BSNLP document id).
fn read_by_id(dir: &Path) -> Result<BTreeMap<String, String>, EvalError> {
    let mut out = BTreeMap::new();
    let Ok(rd) = std::fs::read_dir(dir) else { return Ok(out) };
    for e in rd.flatten() {
        let text = String::from_utf8_lossy(&crate::read_file(&e.path())?).into_owned();
        let id = text.lines().next().unwrap_or("").trim().to_string();
        out.insert(id, text);
    }
    Ok(out)
}

fn itn(opts: &EvalOptions) -> Result<Report, EvalError> {
    let dir = opts.dataset_dir("itn-corpus");
    require_dir("itn-corpus", &dir)?;
    let path = dir.join("itn-2022.json");
    let started = Instant::now();
    let data: serde_json::Value = serde_json::from_slice(&crate::read_file(&path)?)
        .map_err(|e| EvalError::Read { path: path.clone(), reason: e.to_string() })?;
    let mut docs = vec![];
    let mut subjects: Vec<(String, (usize, usize))> = vec![];
    for (qid, blurbs) in data.as_object().into_iter().flatten() {
        for (ts, b) in blurbs.as_object().into_iter().flatten() {
            let lang = b.get("lang").and_then(|l| l.as_str()).unwrap_or("");
            if !matches!(lang, "en" | "ru" | "uk") {
                continue;
            }
            if opts.limit.is_some_and(|l| docs.len() >= l) {
                break;
            }
            let html = b.get("blurb").and_then(|l| l.as_str()).unwrap_or("");
            let (text, bold) = strip_blurb(html);
            let Some(bold) = bold else { continue };
            docs.push(raw_text_doc(format!("{qid}/{ts}"), text));
            subjects.push((qid.clone(), bold));
        }
    }
    let mut timing = Timing::default();
    let predicted = link_all(&docs, &mut timing);
    let mut items: Vec<(String, Option<EntityId>)> = vec![];
    for ((qid, (bs, be)), p) in subjects.iter().zip(&predicted) {
        // The mention that overlaps the bold subject most.
        let best = p
            .iter()
            .filter_map(|(_, span, e)| {
                let overlap = span.end.min(*be).saturating_sub(span.start.max(*bs));
                (overlap > 0).then_some((overlap, e))
            })
            .max_by_key(|(o, _)| *o)
            .map(|(_, e)| e.clone());
        items.push((qid.clone(), best));
    }
    let found = items.iter().filter(|(_, p)| p.is_some()).count();
    let mut report = Report::new("entities", "itn-corpus");
    report.n = items.len();
    Pairs::count(&items).report(&mut report);
    timing.report(&mut report);
    report
        .notes
        .push(format!("{} blurbs (en/ru/uk), subject found by the tagger in {found}", items.len()));
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// A blurb's text without tags, and the byte range of its bold subject in that text. The text is
/// normalised as the engine normalises a one-paragraph article, so offsets agree.
fn strip_blurb(html: &str) -> (String, Option<(usize, usize)>) {
    let mut out = String::new();
    let mut bold: (Option<usize>, Option<usize>) = (None, None);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(rest.get(..lt).unwrap_or("")));
        let Some(gt) = rest.get(lt..).and_then(|r| r.find('>')) else { break };
        let tag = rest.get(lt + 1..lt + gt).unwrap_or("").trim().to_ascii_lowercase();
        if tag == "b" && bold.0.is_none() {
            bold.0 = Some(out.len());
        } else if tag == "/b" && bold.1.is_none() {
            bold.1 = Some(out.len());
        }
        rest = rest.get(lt + gt + 1..).unwrap_or("");
    }
    out.push_str(&decode_entities(rest));
    // Normalise while keeping the bold range: collapse white space the same way on both sides.
    let (s, e) = (bold.0.unwrap_or(0), bold.1.unwrap_or(0));
    let before = parallax_engine::text::normalize_inline(out.get(..s).unwrap_or(""));
    let inner = parallax_engine::text::normalize_inline(out.get(s..e).unwrap_or(""));
    let after = parallax_engine::text::normalize_inline(out.get(e..).unwrap_or(""));
    let mut text = before.clone();
    let glue = |t: &mut String, part: &str, orig_gap: bool| {
        if !t.is_empty() && !part.is_empty() && orig_gap {
            t.push(' ');
        }
    };
    glue(&mut text, &inner, out.get(..s).is_some_and(|x| x.ends_with(char::is_whitespace)));
    let start = text.len();
    text.push_str(&inner);
    let end = text.len();
    glue(&mut text, &after, out.get(e..).is_some_and(|x| x.starts_with(char::is_whitespace)));
    text.push_str(&after);
    let range = (bold.0.is_some() && bold.1.is_some() && end > start).then_some((start, end));
    (text, range)
}

fn decode_entities(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairwise_counts() {
        let items = [("a", Some(1)), ("a", Some(1)), ("a", Some(2)), ("b", Some(2)), ("b", None)];
        let p = Pairs::count(&items);
        assert_eq!((p.gold, p.predicted, p.both), (3 + 1, 1 + 1, 1));
    }

    #[test]
    fn blurb_subject_offsets() {
        let (text, bold) =
            strip_blurb("In <a href=x>Brazil</a>, <b><a href=y>Lula</a></b> wins the  election.");
        assert_eq!(text, "In Brazil, Lula wins the election.");
        let (s, e) = bold.unwrap();
        assert_eq!(text.get(s..e), Some("Lula"));
    }
}
