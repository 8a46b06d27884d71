//! Language identification, restricted to the supported set, and the language packs.
//!
//! PLACEHOLDER: to be replaced by the real identifier. The interface below is fixed.

use parallax_model::{Lang, LangSpan, Span};

pub mod packs;

/// A language guess with a confidence in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess {
    pub lang: Lang,
    pub confidence: f32,
}

/// The language of `text`, or `None` when there is too little text to tell.
pub fn identify(text: &str) -> Option<Guess> {
    let cyr = text.chars().filter(|c| ('\u{400}'..='\u{4ff}').contains(c)).count();
    let lat = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
    if cyr + lat == 0 {
        return None;
    }
    let lang = if cyr > lat {
        if text.contains(['і', 'ї', 'є']) {
            Lang::Uk
        } else {
            Lang::Ru
        }
    } else {
        Lang::En
    };
    Some(Guess { lang, confidence: 0.5 })
}

/// The language of each span of `text` (its paragraphs).
pub fn identify_spans(text: &str, spans: &[Span]) -> Vec<LangSpan> {
    spans
        .iter()
        .map(|s| {
            let g = s.text(text).and_then(identify);
            LangSpan {
                start: s.start,
                end: s.end,
                language: g.map(|g| g.lang),
                confidence: g.map_or(0.0, |g| g.confidence),
            }
        })
        .collect()
}
