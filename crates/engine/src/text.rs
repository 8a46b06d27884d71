//! Text normalisation: the one place that decides what an article's `text` looks like.
//!
//! Every annotation is a byte span into the normalised text, so normalisation happens once, before
//! any analysis, and never again. The rules: Unicode NFC (so "é" is one code point whichever way
//! the page wrote it), every kind of white space (NBSP, thin and ideographic spaces, tabs) becomes
//! one ASCII space, invisible characters (soft hyphens, zero-width spaces, byte-order marks) go,
//! and paragraphs are joined by one blank line. Quotation marks and apostrophes are kept as
//! written: they carry meaning (quotes) and the original bytes remain available anyway.

use parallax_model::Span;
use unicode_normalization::UnicodeNormalization;

/// Normalises one paragraph or line: NFC, white space collapsed to single spaces, invisible
/// characters removed, trimmed.
pub fn normalize_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
        if is_space(c) {
            pending_space = !out.is_empty();
        } else if !is_invisible(c) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    };
    if s.is_ascii() {
        for c in s.chars() {
            push(c, &mut out);
        }
    } else {
        for c in s.nfc() {
            push(c, &mut out);
        }
    }
    out
}

/// White space of any kind, including NBSP and the typographic spaces.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{180e}')
}

/// Characters with no visible form that only get in the way of matching.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
        || (c.is_control() && !c.is_whitespace())
}

/// Joins already-normalised paragraphs into an article body, returning the body and each
/// paragraph's span. Empty paragraphs are skipped.
pub fn join_paragraphs<S: AsRef<str>>(paragraphs: &[S]) -> (String, Vec<Span>) {
    let mut text = String::with_capacity(paragraphs.iter().map(|p| p.as_ref().len() + 2).sum());
    let mut spans = Vec::with_capacity(paragraphs.len());
    for p in paragraphs.iter().map(AsRef::as_ref).filter(|p| !p.is_empty()) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(p);
        spans.push(Span::new(start, text.len()));
    }
    (text, spans)
}

/// Lower case without accents ("Nicolás" → "nicolas"), for matching names as people type them.
pub fn fold_name(s: &str) -> String {
    s.nfd().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).collect::<String>().to_lowercase()
}

/// A comparison key for loose matching of phrases against text: NFKC, typographic apostrophes as
/// `'`, white space collapsed. Used where the gold data or a user's query were written
/// differently from the page, never to produce stored text.
pub fn loose_key(s: &str) -> String {
    let mapped: String = s
        .nfkc()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' => '\'',
            c => c,
        })
        .collect();
    normalize_inline(&mapped)
}

/// Word count: maximal runs of alphanumeric characters.
pub fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_every_kind_of_space_and_drops_invisibles() {
        assert_eq!(
            normalize_inline("  Kyiv\u{a0}\u{a0}is\t the\u{202f}capital\u{ad}\u{200b}. \n"),
            "Kyiv is the capital."
        );
        assert_eq!(normalize_inline("\u{feff}x"), "x");
    }

    #[test]
    fn composes_to_nfc() {
        let decomposed = "Nicola\u{301}s";
        assert_eq!(normalize_inline(decomposed), "Nicolás");
        assert_eq!(normalize_inline(decomposed).len(), "Nicolás".len());
    }

    #[test]
    fn joins_paragraphs_with_spans() {
        let (text, spans) = join_paragraphs(&["Перший абзац.", "", "Second."]);
        assert_eq!(text, "Перший абзац.\n\nSecond.");
        assert_eq!(
            spans.iter().map(|s| s.text(&text).unwrap()).collect::<Vec<_>>(),
            ["Перший абзац.", "Second."]
        );
    }

    #[test]
    fn loose_key_maps_typographic_apostrophes() {
        assert_eq!(loose_key("Russia’s  full-scale"), "Russia's full-scale");
        assert_eq!(word_count("U.S.-backed, 5,000 troops"), 6);
    }
}
