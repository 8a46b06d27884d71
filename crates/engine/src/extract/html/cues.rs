//! What an element's `class`, `id`, `role`, `itemprop`, `style` and `hidden` say about it.
//!
//! This is the broad boilerplate vocabulary every extractor uses (readability's
//! `unlikelyCandidates`, trafilatura's discard XPaths, boilerpipe's and jusText's cues): words for
//! navigation, footers, comments, sharing, related stories, advertising, cookie banners and
//! subscriptions, bylines, captions, dates, tags; and the opposite vocabulary of article bodies
//! (`article-body`, `entry-content`, `itemprop="articleBody"`). Nothing here names a site.
//!
//! Long stems are matched as substrings (`relatedPosts`, `sharebar`, `commentlist`); short words
//! only as whole words of the class (`ad`, `nav`, `tags`), so that `shadow` or `header` do not
//! look like ads. Results are cached per distinct attribute string: a page repeats the same few
//! hundred class names thousands of times.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

/// Boilerplate: dropped unless it holds the article body.
pub(crate) const NEG_STRONG: u32 = 1;
/// Weakly negative (readability's "unlikely" words that a positive word may cancel).
pub(crate) const NEG: u32 = 1 << 1;
/// Weakly positive (`article`, `content`, `main`, `story`...).
pub(crate) const POS: u32 = 1 << 2;
/// An article-body container (`article-body`, `entry-content`, `itemprop=articleBody`).
pub(crate) const BODY: u32 = 1 << 3;
pub(crate) const HIDDEN: u32 = 1 << 4;
pub(crate) const BYLINE: u32 = 1 << 5;
pub(crate) const CAPTION: u32 = 1 << 6;
pub(crate) const CREDIT: u32 = 1 << 7;
pub(crate) const DATE: u32 = 1 << 8;
pub(crate) const SHARE: u32 = 1 << 9;
pub(crate) const TEASER: u32 = 1 << 10;
pub(crate) const COMMENT: u32 = 1 << 11;
pub(crate) const AD: u32 = 1 << 12;
pub(crate) const NAV: u32 = 1 << 13;
pub(crate) const LABEL: u32 = 1 << 14;
pub(crate) const DISCLAIMER: u32 = 1 << 15;
pub(crate) const BIO: u32 = 1 << 16;
pub(crate) const TITLE: u32 = 1 << 17;
pub(crate) const SUBSCRIBE: u32 = 1 << 18;

const S: u32 = NEG_STRONG;

/// Substrings of the lower-cased `class id` string.
const STEMS: &[(&str, u32)] = &[
    ("comment", S | COMMENT),
    ("commentar", 0), // "commentary" is a genre, not a comment thread
    ("kommentar", S | COMMENT),
    ("comentario", S | COMMENT),
    ("disqus", S | COMMENT),
    ("cookie", S | DISCLAIMER),
    ("consent", S | DISCLAIMER),
    ("gdpr", S | DISCLAIMER),
    ("newsletter", S | SUBSCRIBE),
    ("subscribe", S | SUBSCRIBE),
    ("subscription", S | SUBSCRIBE),
    ("signup", S | SUBSCRIBE),
    ("sign-up", S | SUBSCRIBE),
    ("related", S | TEASER),
    ("recommend", S | TEASER),
    ("trending", S | TEASER),
    ("most-read", S | TEASER),
    ("mostread", S | TEASER),
    ("most-popular", S | TEASER),
    ("mostpopular", S | TEASER),
    ("teaser", S | TEASER),
    ("outbrain", S | TEASER),
    ("taboola", S | TEASER),
    ("recirc", S | TEASER),
    ("readmore", S | TEASER),
    ("read-more", S | TEASER),
    ("read-next", S | TEASER),
    ("readnext", S | TEASER),
    ("more-stories", S | TEASER),
    ("morestories", S | TEASER),
    ("share", S | SHARE),
    ("sharing", S | SHARE),
    ("social", S | SHARE),
    ("sociable", S | SHARE),
    ("addthis", S | SHARE),
    ("addtoany", S | SHARE),
    ("sidebar", S),
    ("side-bar", S),
    ("footer", S | DISCLAIMER),
    ("masthead", S | NAV),
    ("breadcrumb", S | NAV),
    ("pagination", S | NAV),
    ("navbar", S | NAV),
    ("navigation", S | NAV),
    ("toolbar", S | NAV),
    ("banner", NEG),
    ("promo", S | TEASER),
    ("sponsor", S | AD),
    ("advert", S | AD),
    ("adslot", S | AD),
    ("ad-slot", S | AD),
    ("adunit", S | AD),
    ("ad-unit", S | AD),
    ("ad-container", S | AD),
    ("ad-wrapper", S | AD),
    ("adsense", S | AD),
    ("doubleclick", S | AD),
    ("werbung", S | AD),
    ("anzeige", S | AD),
    ("publicidad", S | AD),
    ("widget", S),
    ("popup", S),
    ("modal", S),
    ("lightbox", S),
    ("tooltip", S),
    ("byline", S | BYLINE),
    ("author", S | BYLINE),
    ("dateline", S | DATE),
    ("timestamp", S | DATE),
    ("pubdate", S | DATE),
    ("publish-date", S | DATE),
    ("caption", S | CAPTION),
    ("credit", S | CREDIT),
    ("copyright", S | DISCLAIMER),
    ("disclaimer", S | DISCLAIMER),
    ("header", NEG),
    ("skiplink", S | NAV),
    ("skip-link", S | NAV),
    ("screen-reader", S | HIDDEN),
    ("screenreader", S | HIDDEN),
    ("tag-list", S | LABEL),
    ("taglist", S | LABEL),
];

/// Whole words of the class (split at non-alphanumerics and camelCase humps).
const WORDS: &[(&str, u32)] = &[
    ("ad", S | AD),
    ("ads", S | AD),
    ("adv", S | AD),
    ("dfp", S | AD),
    ("gpt", S | AD),
    ("nav", S | NAV),
    ("menu", S | NAV),
    ("pager", S | NAV),
    ("tags", S | LABEL),
    ("tag", S | LABEL),
    ("keywords", S | LABEL),
    ("topics", S | LABEL),
    ("meta", NEG),
    ("respond", S | COMMENT),
    ("bio", S | BIO),
    ("rail", S),
    ("aside", NEG),
    ("extra", NEG),
    ("date", S | DATE),
    ("time", S | DATE),
    ("published", S | DATE),
    ("login", S),
    ("signin", S),
    ("overlay", NEG),
    ("headline", TITLE),
    ("print", NEG),
    ("article", POS),
    ("content", POS),
    ("main", POS),
    ("body", POS),
    ("story", POS),
    ("post", POS),
    ("entry", POS),
    ("text", POS),
    ("blog", POS),
    ("hentry", POS),
    ("column", POS),
    ("prose", POS),
];

/// Class names that hide an element.
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "is-hidden",
    "hide",
    "d-none",
    "js-hidden",
    "u-hidden",
    "element-hidden",
    "element-invisible",
    "invisible",
    "offscreen",
    "screen-reader-text",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
];

/// Substrings of the class with separators removed: article-body containers.
const BODY_STEMS: &[&str] = &[
    "articlebody",
    "articlecontent",
    "articletext",
    "articlecopy",
    "storybody",
    "storycontent",
    "storytext",
    "entrycontent",
    "entrybody",
    "entrytext",
    "postcontent",
    "postbody",
    "posttext",
    "postentry",
    "bodytext",
    "bodycopy",
    "contentbody",
    "newsbody",
    "newstext",
    "newscontent",
    "maintext",
    "fulltext",
    "richtext",
    "textbody",
    "artikeltext",
    "artikelinhalt",
    "articleinner",
    "singlecontent",
];

/// Words that make a body-named class a part of the article other than its text.
const BODY_PARTS: &[&str] = &[
    "header",
    "footer",
    "title",
    "meta",
    "image",
    "img",
    "figure",
    "caption",
    "related",
    "share",
    "author",
    "byline",
    "tags",
    "date",
    "ad-",
    "promo",
    "aside",
    "sidebar",
    "comment",
    "nav",
    "wrapper-top",
    "lede-",
];

static STEM_AC: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(STEMS.iter().map(|(s, _)| s))
        .ok()
});

static BODY_AC: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasickBuilder::new().build(BODY_STEMS).ok());

/// Classifies a `class` + `id` string.
pub(crate) fn classify(names: &str) -> u32 {
    let mut bits = 0u32;
    let lower = names.to_ascii_lowercase();
    if let Some(ac) = STEM_AC.as_ref() {
        for m in ac.find_iter(&lower) {
            bits |= STEMS.get(m.pattern().as_usize()).map_or(0, |(_, b)| *b);
        }
    }
    // A body container names itself in one class token that says nothing else:
    // "article-body" is one, "article__content-header" is its header.
    if let Some(ac) = BODY_AC.as_ref() {
        for token in lower.split_ascii_whitespace() {
            let squashed: String = token.chars().filter(|c| !matches!(c, '-' | '_')).collect();
            if ac.is_match(&squashed) && !BODY_PARTS.iter().any(|p| token.contains(p)) {
                bits |= BODY | POS;
            }
        }
    }
    // Whole words, with camelCase split.
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in names.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            cur.push(c.to_ascii_lowercase());
        } else {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    // Hiding classes only count as whole class names: "field-label-hidden" hides a label, and
    // "overflow-hidden" or "hidden-xs" are layout.
    for token in lower.split_ascii_whitespace() {
        if HIDDEN_CLASSES.contains(&token) {
            bits |= S | HIDDEN;
        }
    }
    for w in &words {
        if let Some((_, b)) = WORDS.iter().find(|(x, _)| x == w) {
            let mut b = *b;
            if b & DATE != 0 && words.len() > 3 {
                // "date" inside a long compound class is usually a layout hint.
                b &= !S;
            }
            bits |= b;
        }
    }
    if bits & BODY != 0 {
        bits &= !(NEG_STRONG | NEG);
    }
    bits
}

/// Classifies a `role` value.
pub(crate) fn classify_role(role: &str) -> u32 {
    let r = role.trim().to_ascii_lowercase();
    match r.as_str() {
        "navigation" | "menu" | "menubar" | "toolbar" | "search" | "tablist" => S | NAV,
        "banner" => NEG,
        "contentinfo" => S | DISCLAIMER,
        "complementary" => S,
        "dialog" | "alertdialog" => S,
        "article" | "main" => POS,
        _ => 0,
    }
}

/// Classifies an `itemprop` value.
pub(crate) fn classify_itemprop(prop: &str) -> u32 {
    let mut bits = 0;
    for p in prop.split_ascii_whitespace() {
        bits |= match p {
            "articleBody" | "articlebody" | "reviewBody" => BODY | POS,
            "author" | "creator" => S | BYLINE,
            "datePublished" | "dateModified" | "dateCreated" => S | DATE,
            "headline" => TITLE,
            "caption" => S | CAPTION,
            "keywords" => S | LABEL,
            "comment" => S | COMMENT,
            _ => 0,
        };
    }
    bits
}

/// Whether an inline `style` hides the element.
pub(crate) fn style_hides(style: &str) -> bool {
    let s: String =
        style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary() {
        assert_ne!(classify("related-posts") & TEASER, 0);
        assert_ne!(classify("socialShareBar") & SHARE, 0);
        assert_ne!(classify("ad-slot top") & AD, 0);
        assert_eq!(classify("shadow header-wrap") & AD, 0);
        assert_ne!(classify("article-body") & BODY, 0);
        assert_ne!(classify("articleBody__inner") & BODY, 0);
        assert_eq!(classify("article__content-header") & BODY, 0);
        assert_eq!(classify("overflow-hidden container") & HIDDEN, 0);
        assert_eq!(classify("field field-label-hidden") & HIDDEN, 0);
        assert_ne!(classify("note hidden") & HIDDEN, 0);
        assert_ne!(classify("sr-only") & HIDDEN, 0);
        assert_eq!(classify("commentary") & COMMENT, 0);
        assert_ne!(classify("comments-list") & COMMENT, 0);
    }
}
