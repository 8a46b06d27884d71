//! Documents as they move through the pipeline: [`RawDoc`] in, [`Article`] and [`Analysis`] out.

use crate::{Lang, PartialDate, Span};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A short content-derived identifier: the first 16 hex digits of the BLAKE3 hash of the
/// document's original bytes. The same input always gets the same id, in every store.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl ArticleId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What an input document was, before extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// A plain-text page (possibly scraped, with its furniture in the lines).
    Text,
    /// An HTML page.
    Html,
    /// One record of a JSON or JSON Lines file.
    Json,
    /// One item of an RSS 2.0 or Atom feed.
    Feed,
}

/// The body of a document as the reader found it, already decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "lowercase")]
pub enum Content {
    Html(String),
    Text(String),
}

/// Metadata that came with a document from its container (a JSON record's fields, a feed item's
/// elements) rather than from its text. Extraction prefers these to what it infers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Hints {
    pub url: Option<String>,
    pub title: Option<String>,
    /// As written by the source; extraction parses it.
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub language: Option<String>,
    pub tags: Vec<String>,
    /// Input fields Parallax does not interpret, kept as they were.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// One document read from an input, decoded but not yet extracted.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDoc {
    /// Where it came from: a path, `-` for stdin, a URL; `#N` names the item of a feed or JSON file.
    pub source: String,
    pub format: InputFormat,
    /// The original bytes of this document (the whole file, the JSON line, or the feed item as a
    /// JSON record), kept so that a later engine can process it again.
    pub bytes: Vec<u8>,
    /// The character encoding the bytes were decoded from (`UTF-8`, `windows-1251`, ...).
    pub encoding: String,
    pub content: Content,
    pub hints: Hints,
}

/// What kind of writing an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    #[serde(rename = "news report")]
    NewsReport,
    #[serde(rename = "opinion")]
    Opinion,
    /// Unsigned, unsourced text that says it was gathered from the internet or generated.
    #[serde(rename = "aggregator summary")]
    AggregatorSummary,
}

impl Kind {
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::NewsReport => "news report",
            Kind::Opinion => "opinion",
            Kind::AggregatorSummary => "aggregator summary",
        }
    }
}

/// Why a piece of a page is not part of the article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FurnitureKind {
    /// Section names, kickers and labels: "Russia", "Коротко:", "US Trends".
    Label,
    /// A headline repeated, or the title line itself.
    Title,
    /// A subtitle or standfirst printed apart from the body.
    Standfirst,
    /// "By ...", an author's name and role.
    Byline,
    /// A paragraph about the author.
    AuthorBio,
    /// A date line ("2025.10.31", "date 2025-11-02"), reading time.
    DateLine,
    /// Headlines and summaries of other stories.
    Teaser,
    /// A photo caption.
    Caption,
    /// "Photo: AFP", "(Reuters/...)".
    Credit,
    /// "#Venezuela".
    Hashtag,
    /// Share buttons, "Read more", "Show More", navigation.
    Button,
    /// "Information gathered from ...", copyright lines, cookie notices.
    Disclaimer,
    /// Stray fragments: a lone letter, an "Avatar" alt text.
    Debris,
}

/// A piece of the page that is not body text, kept for inspection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Furniture {
    pub kind: FurnitureKind,
    pub text: String,
}

/// A wire-agency dateline: "MOSCOW, November 2. /TASS/.", "KYIV (Reuters) -".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The dateline as written.
    pub text: String,
    /// The place, in title case: "Moscow".
    pub place: Option<String>,
    /// The agency named in it: "TASS".
    pub outlet: Option<String>,
}

/// A clean article: the body text with its metadata, the result of extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    pub source: String,
    pub format: InputFormat,
    pub url: Option<String>,
    pub title: Option<String>,
    /// ISO 639-1, or `None` when the text is too short or in no supported language.
    pub language: Option<Lang>,
    pub language_confidence: f32,
    pub published: Option<PartialDate>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub kind: Kind,
    pub tags: Vec<String>,
    /// The normalised body: NFC, one space between words, paragraphs separated by `\n\n`.
    pub text: String,
    /// The paragraphs of `text`.
    pub paragraphs: Vec<Span>,
    /// Photo captions, kept apart from the body.
    pub captions: Vec<String>,
    pub dateline: Option<Dateline>,
    /// What extraction removed from the page.
    pub furniture: Vec<Furniture>,
    /// Input fields Parallax does not interpret.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The language of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LangSpan {
    pub start: usize,
    pub end: usize,
    pub language: Option<Lang>,
    pub confidence: f32,
}

/// What the per-document analysis found in an article's text. Every item is a span of
/// `Article::text`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The engine version that made this analysis; a newer engine re-analyses older articles.
    pub engine: String,
    pub sentences: Vec<Span>,
    pub paragraph_languages: Vec<LangSpan>,
    /// Named entities, their in-document clusters and descriptors.
    #[serde(default)]
    pub entities: crate::DocEntities,
    /// Statements, citations, dates and quantities.
    #[serde(default)]
    pub statements: crate::DocStatements,
}

/// An article as stored: extraction and analysis together.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub article: Article,
    pub analysis: Analysis,
}
