//! Main text of an HTML page versus its furniture.
//!
//! PLACEHOLDER: to be replaced by the real extractor. The interface below is fixed.

use parallax_model::Furniture;

/// The role of a block of main text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    Quote,
    Preformatted,
    TableCell,
}

/// One block of main text, in page order. `text` is visible text with inline white space
/// collapsed; callers normalise further.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

/// What the HTML extractor found in a page. Metadata fields hold the page's own strings
/// (`published` as written in the page, e.g. "2025-10-31T09:12:00+03:00"); the caller parses them.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct HtmlDoc {
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
    pub description: Option<String>,
    /// `<html lang>` or `og:locale`.
    pub lang: Option<String>,
    /// Keywords, `article:tag`, section tags.
    pub tags: Vec<String>,
    /// `article:section`, `og:type` and similar hints of the page's genre ("Opinion").
    pub section: Option<String>,
    pub blocks: Vec<Block>,
    pub captions: Vec<String>,
    /// Removed page text worth showing (bylines, teasers, buttons); bounded in size.
    pub furniture: Vec<Furniture>,
}

/// Extracts the main text and metadata of an HTML page. Never fails: a page with no article text
/// gives no blocks. `url` helps resolve the site when the page does not name itself.
pub fn extract(html: &str, url: Option<&str>) -> HtmlDoc {
    let _ = url;
    let mut doc = HtmlDoc::default();
    let text: String = strip_tags(html);
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        doc.blocks.push(Block { kind: BlockKind::Paragraph, text: para.to_string() });
    }
    doc
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
