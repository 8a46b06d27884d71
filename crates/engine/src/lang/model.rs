//! The slow pass: `lingua`'s n-gram models, for the texts the fast pass cannot settle.
//!
//! Two detectors, built once: one choosing between Ukrainian and Russian, one among the Latin-script
//! languages. Splitting by script first means neither ever considers a language the letters rule
//! out, and keeps each decision small. Each call sees at most [`MAX_SAMPLE_CHARS`] characters: on
//! the short texts that reach this pass (a headline, a caption, a one-line paragraph) that is the
//! whole text, and on longer ones lingua's accuracy has levelled off long before.

use super::evidence::index;
use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use parallax_model::Lang;
use std::sync::LazyLock;

/// The most characters handed to lingua in one call.
pub(crate) const MAX_SAMPLE_CHARS: usize = 300;

fn to_lingua(lang: Lang) -> Language {
    match lang {
        Lang::En => Language::English,
        Lang::Uk => Language::Ukrainian,
        Lang::Ru => Language::Russian,
        Lang::Es => Language::Spanish,
        Lang::De => Language::German,
        Lang::Fr => Language::French,
        Lang::Pl => Language::Polish,
        Lang::It => Language::Italian,
        Lang::Pt => Language::Portuguese,
        Lang::Nl => Language::Dutch,
    }
}

fn from_lingua(lang: Language) -> Option<Lang> {
    Lang::ALL.into_iter().find(|&l| to_lingua(l) == lang)
}

fn build(langs: &[Lang]) -> LanguageDetector {
    let langs: Vec<Language> = langs.iter().map(|&l| to_lingua(l)).collect();
    LanguageDetectorBuilder::from_languages(&langs).build()
}

static CYRILLIC: LazyLock<LanguageDetector> = LazyLock::new(|| build(&[Lang::Uk, Lang::Ru]));

static LATIN: LazyLock<LanguageDetector> = LazyLock::new(|| {
    let latin: Vec<Lang> =
        Lang::ALL.into_iter().filter(|l| l.script() == parallax_model::Script::Latin).collect();
    build(&latin)
});

/// The first [`MAX_SAMPLE_CHARS`] characters of `text`, cut at a space when there is one.
fn sample(text: &str) -> &str {
    let Some((cut, _)) = text.char_indices().nth(MAX_SAMPLE_CHARS) else { return text };
    let head = text.get(..cut).unwrap_or(text);
    match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => head.get(..space).unwrap_or(head),
        _ => head,
    }
}

/// Lingua's confidence for each language of `script`, indexed as [`Lang::ALL`] (zero elsewhere).
pub(crate) fn confidences(text: &str, script: parallax_model::Script) -> [f64; 10] {
    let detector = match script {
        parallax_model::Script::Cyrillic => &*CYRILLIC,
        parallax_model::Script::Latin => &*LATIN,
    };
    let mut out = [0.0; 10];
    for (language, p) in detector.compute_language_confidence_values(sample(text)) {
        if let Some(lang) = from_lingua(language) {
            out[index(lang)] = p;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_bounded_and_cut_at_spaces() {
        let long = "слово ".repeat(200);
        let s = sample(&long);
        assert!(s.chars().count() <= MAX_SAMPLE_CHARS);
        assert!(s.ends_with("слово"));
        assert_eq!(sample("short"), "short");
    }

    #[test]
    fn every_language_maps_both_ways() {
        for l in Lang::ALL {
            assert_eq!(from_lingua(to_lingua(l)), Some(l));
        }
    }
}
