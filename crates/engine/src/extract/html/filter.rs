//! Block-level furniture: what survives element cleaning but is still not article text.
//!
//! Link lists ("Read more: ..."), button and label lines ("Share", "Advertisement"), bylines and
//! date lines at the edges of the text, the headline repeated, repeated paragraphs, and headings
//! left dangling at the end. The phrases are the visible words of such furniture in the
//! languages Parallax reads first (en, uk, ru, es, de) and a few neighbours.

use super::content::RawBlock;
use super::{Block, BlockKind};
use parallax_model::FurnitureKind;
use std::collections::HashSet;

/// Prefixes of lines that point elsewhere ("Read more: ..."), lower-cased.
const TEASER_PREFIXES: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "read next",
    "see also",
    "related:",
    "related articles",
    "related stories",
    "related coverage",
    "related content",
    "more:",
    "more from",
    "more on this",
    "more stories",
    "recommended",
    "continue reading",
    "click here",
    "watch:",
    "listen:",
    "читайте також",
    "читайте також:",
    "читати також",
    "дивіться також",
    "по темі",
    "читайте также",
    "смотрите также",
    "по теме",
    "подробнее",
    "читать далее",
    "lesen sie auch",
    "lesen sie mehr",
    "lesen sie hier",
    "mehr zum thema",
    "auch interessant",
    "das könnte sie auch interessieren",
    "weiterlesen",
    "leer más",
    "lee también",
    "lea también",
    "ver también",
    "te puede interesar",
    "puede interesarte",
    "más información",
    "lire aussi",
    "à lire aussi",
    "czytaj także",
    "czytaj też",
    "leggi anche",
];

/// Whole lines that are controls or labels, lower-cased, without trailing punctuation.
const BUTTON_LINES: &[&str] = &[
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "comments",
    "comment",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "telegram",
    "copy link",
    "subscribe",
    "sign up",
    "log in",
    "close",
    "menu",
    "follow us",
    "show more",
    "show less",
    "load more",
    "back to top",
    "skip to content",
    "image",
    "photo",
    "video",
    "реклама",
    "поділитися",
    "поделиться",
    "коментарі",
    "комментарии",
    "anzeige",
    "werbung",
    "teilen",
    "kommentare",
    "publicidad",
    "compartir",
    "comentarios",
];

const BYLINE_PREFIXES: &[&str] =
    &["by ", "von ", "por ", "par ", "автор:", "автор ", "author:", "written by", "reporting by"];

const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "січ",
    "лют",
    "берез",
    "квіт",
    "трав",
    "черв",
    "лип",
    "серп",
    "верес",
    "жовт",
    "листоп",
    "груд",
    "янв",
    "фев",
    "мар",
    "апр",
    "мая",
    "май",
    "июн",
    "июл",
    "авг",
    "сен",
    "окт",
    "ноя",
    "дек",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

fn strip_trailing_punct(s: &str) -> &str {
    s.trim_end_matches(|c: char| {
        c.is_ascii_punctuation() || c == '»' || c == '›' || c.is_whitespace()
    })
}

fn is_button_line(lower: &str) -> bool {
    let core = strip_trailing_punct(lower.trim());
    BUTTON_LINES.contains(&core)
}

fn is_teaser_line(lower: &str, chars: usize, link_ratio: f32) -> bool {
    let t = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    TEASER_PREFIXES.iter().any(|p| t.starts_with(p)) && (chars < 200 || link_ratio > 0.3)
}

fn looks_like_byline(lower: &str, chars: usize) -> bool {
    chars <= 100
        && BYLINE_PREFIXES.iter().any(|p| lower.starts_with(p))
        && lower.split_whitespace().count() <= 12
        && !lower.trim_end().ends_with('.')
}

fn looks_like_dateline(lower: &str, chars: usize) -> bool {
    if chars > 80 || !lower.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let words = lower.split_whitespace().count();
    if words > 12 {
        return false;
    }
    let has_year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    let has_time = lower.contains(':') && lower.chars().filter(char::is_ascii_digit).count() >= 3;
    let has_month = MONTHS.iter().any(|m| lower.contains(m));
    let marker = [
        "updated",
        "published",
        "posted",
        "last modified",
        "оновлено",
        "опубліковано",
        "обновлено",
        "опубликовано",
        "aktualisiert",
        "veröffentlicht",
        "actualizado",
        "publicado",
    ]
    .iter()
    .any(|m| lower.contains(m));
    (has_year || has_time)
        && (has_month || marker || words <= 4)
        && !lower.trim_end().ends_with('.')
}

/// Why a block is furniture, if it is.
fn furniture_kind(
    b: &RawBlock,
    index: usize,
    count: usize,
    title: Option<&str>,
) -> Option<FurnitureKind> {
    let text = b.block.text.as_str();
    let chars = text.chars().count();
    let lower = text.to_lowercase();
    let link_ratio = if chars == 0 { 0.0 } else { b.link_chars as f32 / chars as f32 };
    if b.block.kind == BlockKind::Heading {
        if let Some(t) = title {
            if same_text(text, t) {
                return Some(FurnitureKind::Title);
            }
        }
    } else if let Some(t) = title {
        if index < 3 && same_text(text, t) {
            return Some(FurnitureKind::Title);
        }
    }
    if is_button_line(&lower) {
        return Some(FurnitureKind::Button);
    }
    if is_teaser_line(&lower, chars, link_ratio) {
        return Some(FurnitureKind::Teaser);
    }
    if link_ratio >= 0.8 && chars < 400 && b.block.kind != BlockKind::Heading {
        return Some(FurnitureKind::Teaser);
    }
    let edge = index < 4 || index + 3 >= count;
    if edge && looks_like_byline(&lower, chars) {
        return Some(FurnitureKind::Byline);
    }
    if edge && looks_like_dateline(&lower, chars) {
        return Some(FurnitureKind::DateLine);
    }
    if index + 3 >= count
        && (lower.starts_with('©') || lower.starts_with("copyright") || lower.starts_with("(c) "))
    {
        return Some(FurnitureKind::Disclaimer);
    }
    None
}

fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>()
    };
    let (x, y) = (norm(a), norm(b));
    !x.is_empty() && x == y
}

const DEDUPE_MIN_BYTES: usize = 400;

/// Filters the collected blocks; removed ones are reported through `furniture`.
pub(crate) fn finish(
    raw: Vec<RawBlock>,
    title: Option<&str>,
    furniture: &mut dyn FnMut(FurnitureKind, String),
) -> Vec<Block> {
    let count = raw.len();
    let mut seen: HashSet<String> = HashSet::new();
    let mut out: Vec<Block> = Vec::with_capacity(count);
    for (i, b) in raw.into_iter().enumerate() {
        if let Some(kind) = furniture_kind(&b, i, count, title) {
            furniture(kind, b.block.text);
            continue;
        }
        // Repeated paragraphs (pull quotes, sticky teasers) count once.
        // Long paragraphs seen twice are copies (a hidden duplicate of the body, a pull quote);
        // short ones may repeat for real (recipes, tables, lists).
        if b.block.text.len() > DEDUPE_MIN_BYTES && !seen.insert(b.block.text.clone()) {
            continue;
        }
        out.push(b.block);
    }
    // Headings left dangling at the end belong to removed sections.
    while out.last().is_some_and(|b| b.kind == BlockKind::Heading) {
        if let Some(b) = out.pop() {
            furniture(FurnitureKind::Label, b.text);
        }
    }
    out
}
