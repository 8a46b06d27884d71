//! Main text of an HTML page versus its furniture.
//!
//! [`extract`] turns a page into an [`HtmlDoc`]: the article's blocks of text in page order,
//! its metadata, its captions, and a sample of what was removed (bylines, teasers, buttons...)
//! with a [`FurnitureKind`](parallax_model::FurnitureKind). It never fails and never panics;
//! a page with no article gives no blocks.
//!
//! # The pipeline
//!
//! 1. **Parse** (`dom.rs`): a hand-written tokenizer over `memchr` builds a compact arena DOM
//!    (one 32-byte node per element or text run, attribute values kept as byte ranges, only the
//!    fifteen attributes the extractor reads). The tree builder applies the HTML5 rules that
//!    change a page's shape (void elements, implied `</p>`, `</li>`, `</td>`, unmatched end
//!    tags ignored, raw-text `script`/`style`) and caps nesting at 256.
//! 2. **Metadata** (`meta.rs`): one pass over the nodes reads `<meta>` (Open Graph, `article:*`,
//!    Twitter, Dublin Core, `author`, `keywords`), JSON-LD (`NewsArticle` and kin, inside
//!    `@graph` too), microdata (`itemprop`), `<link rel=canonical>`, `<html lang>`, `<h1>`,
//!    `<time datetime>`, `rel=author`. Machine-declared values win over visible ones; the
//!    `<title>` loses its " | Site" suffix; JSON-LD `OpinionNewsArticle` or `og:type`
//!    `article:opinion` make `section` "Opinion".
//! 3. **Cues** (`cues.rs`): every element's `class`/`id`/`role`/`itemprop`/`style`/`hidden` is
//!    classified against the broad boilerplate vocabulary all extractors share (nav, footer,
//!    comment, share, related, sidebar, cookie, newsletter, ad, byline, caption, date, tags,
//!    hidden...) and the article-body vocabulary (`article-body`, `entry-content`,
//!    `itemprop=articleBody`...). Long stems match as substrings, short words only as whole
//!    class words (`ad` is not in `shadow`), results are cached per distinct class string.
//! 4. **Removal** (`content.rs`): code, media and controls always go; `nav`,
//!    `aside`, `footer`, `header`, small `form`s and strongly negative cues go unless the
//!    element holds the article-body container or most of the page's paragraph text (wrappers
//!    such as `content-with-sidebar`); hidden elements go. Embedded social posts (a
//!    `blockquote` inside a "social embed") are kept: quoted statements are content.
//! 5. **Scoring** (`content.rs`): readability's algorithm. Each paragraph-like element
//!    (`p`, `pre`, `td`, `blockquote`, a `div` without block children, text directly in a
//!    container) of 25+ characters scores `1 + commas + min(chars/100, 3)`, given to its
//!    parent in full, its grandparent by half and further ancestors by `3 × level`; candidates
//!    start from a tag score and a class weight and are scaled by `1 − link density`. The best
//!    candidate is widened to an ancestor when near-equal candidates share it or when an
//!    ancestor scores nearly as well with much more text, and siblings that score alike (or
//!    are long, link-poor paragraphs) join it, unless they look like a listing of other
//!    stories.
//! 6. **Declared body**: when the page marks its article body (`itemprop=articleBody`,
//!    `article-body`...), those containers replace the scored roots if they agree with the
//!    scoring (inside or around it; parts with the same class are gathered) and hold enough of
//!    its text. Copies of the body (microdata duplicates) are dropped by a text signature.
//! 7. **Blocks** (`content.rs`): a walk of the chosen roots emits one block per block
//!    element, with inline elements inside their paragraph, `<br><br>` splitting paragraphs,
//!    `<pre>` keeping its lines, kinds from the innermost heading/list item/quote/cell.
//!    Readability's conditional cleaning drops nested `div`/`ul`/`table`... that are mostly
//!    links, images or form fields. Figures give captions, not text.
//! 8. **Block filters** (`filter.rs`): "Read more: ..." and "Читайте також" teasers, button and
//!    label lines ("Share", "Advertisement", "Реклама", "Anzeige"), link-only lines, bylines
//!    and date lines at the edges, the headline repeated, long paragraphs seen twice,
//!    dangling trailing headings.
//! 9. **Fallback**: under 250 characters of text, the page is redone with only structural
//!    removals (no cue drops, no conditional cleaning) and the longer result is kept
//!    (readability's retry).
//!
//! Nothing names a site. The phrase lists are the visible words of furniture in English,
//! Ukrainian, Russian, German and Spanish, with a few neighbours.
//!
//! # Why a hand-written parser
//!
//! The target is 500 pages per second on one thread for pages of 174 KB on average, about
//! 90 MB/s of HTML, most of it inline scripts and styles. Parse-only throughput on the 181
//! pages of the article-extraction benchmark (release build, one thread, this machine while
//! shared with two builds):
//!
//! | parser                             | pages/s | MB/s |
//! |------------------------------------|--------:|-----:|
//! | `scraper` 0.20 (html5ever)         |     554 |   96 |
//! | `tl` 0.7                           |   3,630 |  631 |
//! | `lol_html` 2 (streaming, 2 handlers)|  4,867 |  846 |
//! | this module, whole [`extract`]     |  ~1,600 |  ~280 |
//!
//! html5ever alone would use the whole budget before any extraction; `lol_html` streams and
//! cannot answer the questions scoring asks (ancestors, sibling text, link density); `tl` is
//! fast but keeps no parent links and does not apply HTML's implied end tags, which matter for
//! unclosed `<p>` and `<li>`. The arena DOM here is built in one pass, keeps only what
//! extraction reads, and every later pass is a linear loop over node indices (children always
//! follow their parents, so a reverse loop is a bottom-up pass).
//!
//! # Measured quality
//!
//! `cargo run --release -p parallax-eval --example eval_extract` (see `crates/eval/src/extract.rs`
//! for the metrics): on the article-extraction benchmark F1 0.979 (P 0.974, R 0.985, 45% of
//! pages token-identical to the gold) against trafilatura 2.3.1's 0.960 without comments
//! (0.953 with its defaults; `scripts/bench-trafilatura.sh`); on trafilatura's own 990-page
//! evaluation set F1 0.907 (precision 0.926, recall 0.889).

mod content;
mod cues;
mod dom;
mod entities;
mod filter;
mod meta;
mod text;

use content::{Collector, Mode, Page};
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
    let dom = dom::parse(html);
    let mut doc = HtmlDoc::default();
    let found = meta::scan(&dom);
    let h1 = found.h1.clone();
    meta::fill(&mut doc, found, url);
    let title = doc.title.clone().or(h1);

    let mut page = Page::new(&dom);
    page.prepare(Mode::Strict);
    let mut best = main_text(&page, title.as_deref(), true);
    if text_chars(&best.blocks) < MIN_TEXT {
        // The cues or the cleaning may have thrown the article away: try again more gently and
        // keep the longer result (readability's retry).
        page.prepare(Mode::Relaxed);
        let relaxed = main_text(&page, title.as_deref(), false);
        if text_chars(&relaxed.blocks) > text_chars(&best.blocks) {
            best = relaxed;
        }
    }
    doc.blocks = best.blocks;
    doc.captions = best.captions;
    doc.furniture = best.furniture;
    if doc.published.is_none() {
        // No machine-readable date: the visible date line is the page's own string.
        doc.published = doc
            .furniture
            .iter()
            .find(|f| f.kind == parallax_model::FurnitureKind::DateLine)
            .map(|f| f.text.clone());
    }
    doc
}

/// Below this many characters of text, extraction is retried in [`Mode::Relaxed`].
const MIN_TEXT: usize = 250;

struct MainText {
    blocks: Vec<Block>,
    captions: Vec<String>,
    furniture: Vec<Furniture>,
}

fn text_chars(blocks: &[Block]) -> usize {
    blocks.iter().map(|b| b.text.chars().count()).sum()
}

fn main_text(page: &Page, title: Option<&str>, clean: bool) -> MainText {
    let choice = content::choose(page);
    let bodies = content::body_containers(page);
    let roots = pick_roots(page, choice.roots, bodies);
    let mut c = Collector::new(page, clean);
    for &r in &roots {
        c.collect(r);
    }
    c.captions_around(&roots);
    let raw = std::mem::take(&mut c.blocks);
    let mut furniture = std::mem::take(&mut c.furniture);
    let blocks = filter::finish(raw, title, &mut |kind, text| {
        if furniture.len() < 48 && !furniture.iter().any(|f: &Furniture| f.text == text) {
            furniture.push(Furniture { kind, text: content::truncate_chars(&text, 300) });
        }
    });
    MainText { blocks, captions: c.captions, furniture }
}

/// Chooses between the scored content and the page's declared article-body containers.
fn pick_roots(page: &Page, scored: Vec<u32>, bodies: Vec<u32>) -> Vec<u32> {
    if bodies.is_empty() {
        return scored;
    }
    let max_body = bodies.iter().map(|&b| page.text[b as usize]).max().unwrap_or(0);
    let mut seen: Vec<String> = Vec::new();
    let bodies: Vec<u32> = bodies
        .into_iter()
        .filter(|&b| page.text[b as usize] * 5 >= max_body)
        .filter(|&b| {
            // Pages repeat the body as microdata or for another layout: keep the first copy.
            let head = content::kept_text_head(page, b, 60);
            if seen.contains(&head) {
                false
            } else {
                seen.push(head);
                true
            }
        })
        .collect();
    let text_of =
        |roots: &[u32]| -> u64 { roots.iter().map(|&r| u64::from(page.text[r as usize])).sum() };
    let scored_text = text_of(&scored);
    // Containers that agree with the scoring (inside or around a scored root) win outright.
    let related: Vec<u32> = bodies
        .iter()
        .copied()
        .filter(|&b| {
            scored
                .iter()
                .any(|&r| page.dom.is_ancestor_or_self(b, r) || page.dom.is_ancestor_or_self(r, b))
        })
        .collect();
    let chosen = if related.is_empty() {
        bodies
    } else {
        // The body may come in several parts with the same class (split around ads).
        let classes: Vec<&str> = related
            .iter()
            .filter_map(|&b| page.dom.attr_raw(b, dom::AttrName::Class))
            .filter(|c| !c.trim().is_empty())
            .collect();
        bodies
            .iter()
            .copied()
            .filter(|&b| {
                related.contains(&b)
                    || page
                        .dom
                        .attr_raw(b, dom::AttrName::Class)
                        .is_some_and(|c| classes.contains(&c))
            })
            .collect()
    };
    if text_of(&chosen) * 10 >= scored_text * 3 {
        chosen
    } else {
        scored
    }
}

/// All visible text of a page as plain text, one line per block element, lines separated by a
/// blank line: what a reader gets by selecting the whole page and copying it (navigation,
/// teasers and footers included). Measures of plain-text extraction start from it.
pub fn page_text(html: &str) -> String {
    let dom = dom::parse(html);
    let mut out = String::new();
    let mut line = text::Collapser::new();
    let flush = |line: &mut text::Collapser, out: &mut String| {
        let l = std::mem::replace(line, text::Collapser::new()).out;
        if !l.trim().is_empty() {
            out.push_str(l.trim());
            out.push_str("\n\n");
        }
    };
    let root = 0;
    let mut cur = dom.node(root).first_child;
    while cur != dom::NONE {
        let n = dom.node(cur);
        match n.tag {
            dom::Tag::Text => {
                line.push_raw(dom.raw(cur));
                cur = dom.next_skipping(cur, root);
            }
            dom::Tag::Head
            | dom::Tag::Script
            | dom::Tag::Style
            | dom::Tag::Noscript
            | dom::Tag::Template
            | dom::Tag::Svg => cur = dom.next_skipping(cur, root),
            t => {
                if t == dom::Tag::Br || content::is_block_tag(t) {
                    flush(&mut line, &mut out);
                }
                cur = dom.next_in(cur, root);
            }
        }
    }
    flush(&mut line, &mut out);
    out
}

/// A human-readable account of the extractor's decisions on a page: the elements it removed
/// (with their cue bits and text) and the content roots it chose. For debugging only.
#[doc(hidden)]
pub fn explain(html: &str) -> String {
    use std::fmt::Write;
    let dom = dom::parse(html);
    let mut page = Page::new(&dom);
    page.prepare(Mode::Strict);
    let mut out = String::new();
    for i in 1..dom.nodes.len() {
        let why = page.dropped[i];
        if why != 0 && page.raw_text[i] > 0 {
            let t = meta::element_text(&dom, i as u32, 120);
            let class = dom.attr_raw(i as u32, dom::AttrName::Class).unwrap_or_default();
            let _ = writeln!(
                out,
                "drop #{i} {:?} .{class} cue={:#x} why={why:#x} raw={} :: {}",
                dom.tag(i as u32),
                page.cue[i],
                page.raw_text[i],
                t.chars().take(100).collect::<String>()
            );
        }
    }
    let choice = content::choose(&page);
    for (c, score) in &choice.ranked {
        let class = dom.attr_raw(*c, dom::AttrName::Class).unwrap_or_default();
        let _ = writeln!(
            out,
            "candidate #{c} {:?} .{class} score={score:.1} text={}",
            dom.tag(*c),
            page.text[*c as usize]
        );
    }
    for r in &choice.roots {
        let class = dom.attr_raw(*r, dom::AttrName::Class).unwrap_or_default();
        let _ =
            writeln!(out, "root #{r} {:?} .{class} text={}", dom.tag(*r), page.text[*r as usize]);
    }
    for b in content::body_containers(&page) {
        let class = dom.attr_raw(b, dom::AttrName::Class).unwrap_or_default();
        let _ = writeln!(out, "body #{b} {:?} .{class} text={}", dom.tag(b), page.text[b as usize]);
    }
    out
}
