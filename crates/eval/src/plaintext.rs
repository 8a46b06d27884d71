//! Plain-text extraction: does an article saved as plain text keep its whole body and its title?
//!
//! Users often have news as plain-text files: a title line, a blank line, the paragraphs, and
//! the interface lines a copy from a page drags along ("Advertisement" between paragraphs). The
//! datasets give real bodies and titles; this task writes each article in that shape twice —
//! once clean, once with an advertising line after every third paragraph in the article's
//! language — runs the extractor on the text, and measures:
//!
//! - `lost_share`: the share of articles that lose more than a tenth of their body's words
//!   (words counted as a multiset of `\w+` tokens, the gold body's against the extracted text's);
//! - `title_found`: the share of articles whose extracted title is the title line.
//!
//! For `article-extraction-benchmark` a third variant, `page`, gives the extractor each page's
//! whole visible text ([`parallax_engine::extract::html::page_text`]: navigation, teasers and
//! footers included, as a reader's copy of the page has them) and also measures precision: the
//! mean share of kept words that are the article's, and `junk_share_page`, the share of pages
//! where more than a tenth of the kept words are not. It guards the rules that keep more text.
//!
//! Datasets: `bsnlp` (every raw ru and uk document; title and body as the files give them) and
//! `article-extraction-benchmark` (en; the gold article body, and the page's own title as the
//! engine's HTML extractor reads it). This is the team's measure, a guide for development; the
//! interstitial lines are a handful of common ones, so the figure says how the extractor treats
//! such lines, not how many kinds it knows.

use crate::{extract::tokens, Report};
use crate::{require_dir, EvalError, EvalOptions};
use parallax_model::{Content, Hints, InputFormat, RawDoc};
use std::collections::{HashMap, HashSet};
use std::time::Instant;

/// One article: its language, title and body paragraphs.
struct Article {
    source: String,
    lang: &'static str,
    title: String,
    paragraphs: Vec<String>,
    /// The whole page's visible text, where the dataset has the page.
    page: Option<String>,
}

pub fn run(opts: &EvalOptions) -> Result<Vec<Report>, EvalError> {
    let mut out = vec![];
    let wants = |d: &str| opts.dataset.as_deref().is_none_or(|x| x == d);
    if wants("bsnlp") {
        let dir = opts.dataset_dir("bsnlp");
        require_dir("bsnlp", &dir)?;
        out.push(score("bsnlp", &bsnlp_articles(&dir, opts.limit)?));
    }
    if wants(AEB) {
        let dir = opts.dataset_dir(AEB);
        require_dir(AEB, &dir)?;
        out.push(score(AEB, &aeb_articles(&dir, opts.limit)?));
    }
    Ok(out)
}

const AEB: &str = "article-extraction-benchmark";

fn bsnlp_articles(dir: &std::path::Path, limit: Option<usize>) -> Result<Vec<Article>, EvalError> {
    let docs = crate::stories::bsnlp_docs(dir, limit)?;
    Ok(docs
        .into_iter()
        .filter_map(|d| {
            let Content::Text(body) = &d.raw.content else { return None };
            let title = d.raw.hints.title.clone()?;
            let lang = if d.lang == "uk" { "uk" } else { "ru" };
            Some(Article {
                source: d.raw.source.clone(),
                lang,
                title,
                paragraphs: paragraphs(body),
                page: None,
            })
        })
        .collect())
}

fn aeb_articles(dir: &std::path::Path, limit: Option<usize>) -> Result<Vec<Article>, EvalError> {
    let (gt, keys) = crate::extract::aeb_ground_truth(dir, limit)?;
    let mut out = vec![];
    for key in keys {
        let body = gt[key.as_str()]["articleBody"].as_str().unwrap_or("");
        let path = dir.join("html").join(format!("{key}.html.gz"));
        let html = crate::extract::read_page(&path)?;
        let page = parallax_engine::extract::html::extract(&html, None);
        let Some(title) = page.title.map(|t| parallax_engine::text::normalize_inline(&t)) else {
            continue;
        };
        if title.is_empty() || body.trim().is_empty() {
            continue;
        }
        out.push(Article {
            source: path.display().to_string(),
            lang: "en",
            title,
            paragraphs: paragraphs(body),
            page: Some(parallax_engine::extract::html::page_text(&html)),
        });
    }
    Ok(out)
}

fn paragraphs(body: &str) -> Vec<String> {
    body.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
}

/// The advertising lines written between paragraphs, per language.
fn interstitials(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &["Advertisement", "ADVERTISEMENT", "Story continues below advertisement"],
        _ => &["Реклама", "РЕКЛАМА"],
    }
}

/// The article as a plain-text file: title, blank line, paragraphs separated by blank lines,
/// with an advertising line after every third paragraph when `ads`.
fn compose(a: &Article, ads: bool) -> String {
    let mut s = format!("{}\n\n", a.title);
    let ad_lines = interstitials(a.lang);
    for (i, p) in a.paragraphs.iter().enumerate() {
        s.push_str(p);
        s.push_str("\n\n");
        if ads && i % 3 == 2 && i + 1 < a.paragraphs.len() {
            s.push_str(ad_lines[(i / 3) % ad_lines.len()]);
            s.push_str("\n\n");
        }
    }
    s
}

/// Where an article lost its words: the gold paragraphs before the first kept one ("head"),
/// after the last kept one ("tail"), between kept ones ("inside"), or all of them ("all").
fn lost_where(gold: &[String], kept: &[String]) -> &'static str {
    let kept: HashSet<&str> = kept.iter().map(String::as_str).collect();
    let is_kept: Vec<bool> = gold.iter().map(|p| kept.contains(p.as_str())).collect();
    let Some(first) = is_kept.iter().position(|&k| k) else { return "all" };
    let last = is_kept.iter().rposition(|&k| k).unwrap_or(first);
    let words = |ps: &[String]| ps.iter().map(|p| tokens(p).len()).sum::<usize>();
    let head = words(&gold[..first]);
    let tail = words(&gold[last + 1..]);
    let inside: usize =
        (first..=last).filter(|&i| !is_kept[i]).map(|i| tokens(&gold[i]).len()).sum();
    let max = head.max(tail).max(inside);
    if max == 0 {
        "reworded"
    } else if max == head {
        "head"
    } else if max == tail {
        "tail"
    } else {
        "inside"
    }
}

/// The share of the gold words (as a multiset) found in `pred`.
fn word_recall(gold: &str, pred: &str) -> f64 {
    let mut have: HashMap<&str, i64> = HashMap::new();
    for t in tokens(pred) {
        *have.entry(t).or_default() += 1;
    }
    let gold_tokens = tokens(gold);
    if gold_tokens.is_empty() {
        return 1.0;
    }
    let mut found = 0usize;
    for t in &gold_tokens {
        if let Some(n) = have.get_mut(t) {
            if *n > 0 {
                *n -= 1;
                found += 1;
            }
        }
    }
    found as f64 / gold_tokens.len() as f64
}

fn score(dataset: &str, articles: &[Article]) -> Report {
    let started = Instant::now();
    let mut report = Report::new("plaintext", dataset);
    report.n = articles.len();
    for variant in ["clean", "ads", "page"] {
        let ads = variant == "ads";
        let page = variant == "page";
        if page && articles.iter().all(|a| a.page.is_none()) {
            continue;
        }
        let mut precision = 0.0;
        let mut junk = 0usize;
        let mut lost = 0usize;
        let mut titled = 0usize;
        let mut refused = 0usize;
        let mut worst: Vec<(f64, String)> = vec![];
        let mut untitled: Vec<String> = vec![];
        let mut where_lost: std::collections::BTreeMap<&str, usize> = Default::default();
        let tag = variant;
        for a in articles.iter().filter(|a| !page || a.page.is_some()) {
            let text = match &a.page {
                Some(p) if page => p.clone(),
                _ => compose(a, ads),
            };
            let raw = RawDoc {
                source: a.source.clone(),
                format: InputFormat::Text,
                bytes: text.clone().into_bytes(),
                encoding: "UTF-8".into(),
                content: Content::Text(text),
                hints: Hints::default(),
            };
            let gold = a.paragraphs.join("\n");
            match parallax_engine::extract::extract(&raw) {
                Ok(x) => {
                    let r = word_recall(&gold, &x.paragraphs.join("\n"));
                    let p = word_recall(&x.paragraphs.join("\n"), &gold);
                    precision += p;
                    junk += usize::from(p < 0.9);
                    if r < 0.9 {
                        lost += 1;
                        worst.push((r, a.source.clone()));
                        *where_lost.entry(lost_where(&a.paragraphs, &x.paragraphs)).or_default() +=
                            1;
                    }
                    if x.title.as_deref() == Some(a.title.as_str()) {
                        titled += 1;
                    } else if ads && untitled.len() < 8 {
                        untitled.push(format!(
                            "title {:?} read as {:?} ({})",
                            a.title, x.title, a.source
                        ));
                    }
                }
                Err(_) => {
                    refused += 1;
                    lost += 1;
                    worst.push((0.0, a.source.clone()));
                }
            }
        }
        let n = articles.iter().filter(|a| !page || a.page.is_some()).count().max(1) as f64;
        report.notes.push(format!("{tag}: where the lost words were: {where_lost:?}"));
        report.metric(&format!("lost_share_{tag}"), lost as f64 / n);
        if page {
            // A page copied whole carries its navigation and footer: how much of what the
            // extractor keeps is the article (mean word precision), and the share of pages
            // where more than a tenth of the kept words are not the article's.
            report
                .metric("precision_page", precision / n)
                .metric("junk_share_page", junk as f64 / n);
        } else {
            report.metric(&format!("title_found_{tag}"), titled as f64 / n);
        }
        if refused > 0 {
            report.notes.push(format!("{tag}: {refused} refused as having no text"));
        }
        report.notes.extend(untitled);
        worst.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (r, s) in worst.iter().take(8) {
            report.notes.push(format!("{tag}: body words kept {r:.2} {s}"));
        }
    }
    report.seconds = started.elapsed().as_secs_f64();
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_recall_counts_a_multiset() {
        assert_eq!(word_recall("a b a", "a b"), 2.0 / 3.0);
        assert_eq!(word_recall("a b", "b a x"), 1.0);
        assert_eq!(word_recall("", "x"), 1.0);
    }

    #[test]
    fn compose_puts_ads_between_paragraphs_only() {
        let a = Article {
            source: "x".into(),
            lang: "en",
            title: "T".into(),
            paragraphs: (1..=6).map(|i| format!("P{i}.")).collect(),
            page: None,
        };
        let s = compose(&a, true);
        assert_eq!(s.matches("Advertisement").count(), 1, "{s}");
        assert!(s.starts_with("T\n\nP1."));
        assert!(!compose(&a, false).contains("Advert"));
    }
}
