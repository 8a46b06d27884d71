//! Sentence segmentation.
//!
//! PLACEHOLDER: to be replaced by the real segmenter. The interface below is fixed.

use parallax_model::{Lang, Span};

/// Sentences of `text` (a normalised article body: paragraphs separated by blank lines) as spans
/// without surrounding white space. Paragraph breaks always end a sentence.
pub fn sentences(text: &str, lang: Option<Lang>) -> Vec<Span> {
    let _ = lang;
    let mut out = vec![];
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?' | '\n') {
            let s = Span::new(start, i + c.len_utf8()).trim(text);
            if !s.is_empty() {
                out.push(s);
            }
            start = i + c.len_utf8();
        }
    }
    let s = Span::new(start, text.len()).trim(text);
    if !s.is_empty() {
        out.push(s);
    }
    out
}
