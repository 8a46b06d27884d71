//! Extraction: a [`RawDoc`] becomes clean paragraphs plus metadata.
//!
//! HTML and plain text have their own extractors ([`html`], [`plain`]); this module merges what
//! they find with what the container said ([`Hints`](parallax_model::Hints): a JSON record's or a
//! feed item's fields, which win because a publisher wrote them on purpose), resolves the outlet
//! against the knowledge base, and decides the article's kind.

pub mod html;
pub mod lexicon;
pub mod plain;

use crate::calendar::parse_meta_date;
use crate::kb;
use crate::text::normalize_inline;
use parallax_model::{Content, Dateline, Furniture, FurnitureKind, Kind, PartialDate, RawDoc};

/// The article found in a document, before language and analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub url: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<PartialDate>,
    pub outlet: Option<String>,
    pub kind: Option<Kind>,
    pub tags: Vec<String>,
    /// Normalised paragraphs of the body.
    pub paragraphs: Vec<String>,
    pub captions: Vec<String>,
    pub dateline: Option<Dateline>,
    pub furniture: Vec<Furniture>,
    /// A language the container or the page declared (`<html lang>`, a record's field).
    pub declared_language: Option<String>,
}

/// Why a document gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    #[error("no article text found: {0}")]
    NoText(String),
}

/// Extracts the article from a document.
pub fn extract(raw: &RawDoc) -> Result<Extracted, ExtractError> {
    let mut out = match &raw.content {
        Content::Html(h) => from_html(h, raw.hints.url.as_deref()),
        Content::Text(t) => from_plain(t),
    };
    let hints = &raw.hints;
    if let Some(t) = hints.title.as_deref().map(normalize_inline).filter(|t| !t.is_empty()) {
        out.title = Some(t);
    }
    if let Some(d) = hints.published.as_deref().and_then(parse_meta_date) {
        out.published = Some(d);
    }
    if let Some(a) = hints.author.as_deref().map(normalize_inline).filter(|a| !a.is_empty()) {
        out.author = Some(a);
    }
    if hints.url.is_some() {
        out.url = hints.url.clone();
    }
    if let Some(o) = hints.outlet.as_deref().map(normalize_inline).filter(|o| !o.is_empty()) {
        out.outlet = Some(o);
    }
    if hints.language.is_some() {
        out.declared_language = hints.language.clone();
    }
    for t in &hints.tags {
        if !out.tags.contains(t) {
            out.tags.push(t.clone());
        }
    }
    out.outlet = resolve_outlet(out.outlet.take(), out.url.as_deref());
    if out.paragraphs.iter().all(|p| p.chars().filter(|c| c.is_alphanumeric()).count() == 0) {
        let what = match &raw.content {
            Content::Html(h) => format!("{} bytes of HTML with no main text", h.len()),
            Content::Text(t) => {
                format!("{} characters, all of them page furniture", t.chars().count())
            }
        };
        return Err(ExtractError::NoText(what));
    }
    Ok(out)
}

/// The outlet's name as the knowledge base spells it; failing a name, the outlet the URL's host
/// belongs to.
fn resolve_outlet(named: Option<String>, url: Option<&str>) -> Option<String> {
    match named {
        Some(n) => Some(kb::outlet_by_name(&n).map_or(n, |o| o.name.to_string())),
        None => url.and_then(kb::url_host).and_then(kb::outlet_by_host).map(|o| o.name.to_string()),
    }
}

fn from_plain(text: &str) -> Extracted {
    let doc = plain::extract(text);
    let kind = if doc.aggregator_notice {
        Some(Kind::AggregatorSummary)
    } else if doc.opinion_marker {
        Some(Kind::Opinion)
    } else {
        None
    };
    // A wire tag names the outlet; when it is an abbreviation of a name the page spells out
    // elsewhere ("BSW" and "© Black Sea Wire"), the full name is the better one.
    let outlet = match (doc.dateline.as_ref().and_then(|d| d.outlet.clone()), doc.outlet) {
        (Some(tag), Some(full)) if initials(&full) == tag.to_uppercase() => Some(full),
        (Some(tag), _) => Some(tag),
        (None, full) => full,
    };
    Extracted {
        url: None,
        title: doc.title,
        author: doc.author,
        published: doc.published,
        outlet,
        kind,
        tags: doc.tags,
        paragraphs: doc.paragraphs,
        captions: doc.captions,
        dateline: doc.dateline,
        furniture: doc.furniture,
        declared_language: None,
    }
}

/// "Black Sea Wire" → "BSW".
fn initials(name: &str) -> String {
    name.split_whitespace().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect()
}

fn from_html(page: &str, url: Option<&str>) -> Extracted {
    let doc = html::extract(page, url);
    let mut furniture = doc.furniture;
    let mut paragraphs = Vec::with_capacity(doc.blocks.len());
    let mut aggregator = false;
    let mut opinion = doc.section.as_deref().is_some_and(lexicon::is_opinion_label);
    for block in &doc.blocks {
        let text = normalize_inline(&block.text);
        if text.is_empty() {
            continue;
        }
        // Furniture that survives markup-based extraction: buttons and notices written as
        // paragraphs, hashtag lines, credits.
        let residual = if lexicon::is_ui_label(&text) {
            Some(FurnitureKind::Button)
        } else if text.split_whitespace().all(|t| t.starts_with('#') && t.len() > 1) {
            Some(FurnitureKind::Hashtag)
        } else if lexicon::is_credit(&text) {
            Some(FurnitureKind::Credit)
        } else if text.split_whitespace().count() <= 60 && lexicon::is_aggregator_notice(&text) {
            aggregator = true;
            Some(FurnitureKind::Disclaimer)
        } else if text.split_whitespace().count() <= 60 && lexicon::is_opinion_notice(&text) {
            opinion = true;
            Some(FurnitureKind::Disclaimer)
        } else {
            None
        };
        match residual {
            Some(kind) => furniture.push(Furniture { kind, text }),
            None => paragraphs.push(text),
        }
    }
    // Wire copy has its dateline in HTML too; it stays in the body.
    let dateline =
        paragraphs.first().and_then(|first| plain::wire_dateline(first, None)).map(|(dl, _)| dl);
    aggregator |= furniture
        .iter()
        .any(|f| f.text.split_whitespace().count() <= 60 && lexicon::is_aggregator_notice(&f.text));
    let title = doc.title.as_deref().map(normalize_inline).filter(|t| !t.is_empty());
    let kind = if aggregator {
        Some(Kind::AggregatorSummary)
    } else if opinion {
        Some(Kind::Opinion)
    } else {
        None
    };
    Extracted {
        url: doc.canonical_url.or_else(|| url.map(str::to_string)),
        title,
        author: doc.author.as_deref().map(normalize_inline).filter(|a| !a.is_empty()),
        published: doc.published.as_deref().and_then(parse_meta_date),
        outlet: doc
            .site_name
            .as_deref()
            .map(normalize_inline)
            .filter(|s| !s.is_empty())
            .or_else(|| dateline.as_ref().and_then(|d| d.outlet.clone())),
        kind,
        tags: doc.tags,
        paragraphs,
        captions: doc
            .captions
            .iter()
            .map(|c| normalize_inline(c))
            .filter(|c| !c.is_empty())
            .collect(),
        dateline,
        furniture,
        declared_language: doc.lang,
    }
}
