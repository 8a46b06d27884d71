//! Stems for search: one term for the inflected forms of a word, in each supported language.
//!
//! Retrieval must meet "отставке" in a question with "отставку" in an article, and "sanctions"
//! with "sanction". Snowball's algorithmic stemmers (the `rust-stemmers` crate, BSD-licensed
//! algorithms by Martin Porter) do this for English, Russian, German, Spanish, French, Italian,
//! Portuguese and Dutch. No Snowball stemmer exists for Ukrainian or Polish, and the public
//! Ukrainian ones are GPL, so [`ukrainian`] is the project's own suffix stripper, written from the
//! language's inflection tables in the manner of Snowball's Russian stemmer: reflexive particles,
//! then the longest verb, adjective or noun ending, then a final soft sign, always keeping a stem
//! of three letters with a vowel in it. Polish words are only lower-cased.
//!
//! A word is stemmed by the rules of the language it is written in: a Latin-script word inside a
//! Russian article ("Nord Stream") by the English rules, a Cyrillic word in an English article by
//! the Ukrainian or Russian rules its letters suggest.

use crate::entities::translit::{cyrillic_lang, is_cyrillic};
use parallax_model::{Lang, Script};
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

/// The Snowball stemmer of each language that has one, in the order of [`Lang::ALL`].
static SNOWBALL: LazyLock<Vec<Option<Stemmer>>> = LazyLock::new(|| {
    Lang::ALL
        .iter()
        .map(|l| {
            let algorithm = match l {
                Lang::En => Algorithm::English,
                Lang::Ru => Algorithm::Russian,
                Lang::De => Algorithm::German,
                Lang::Es => Algorithm::Spanish,
                Lang::Fr => Algorithm::French,
                Lang::It => Algorithm::Italian,
                Lang::Pt => Algorithm::Portuguese,
                Lang::Nl => Algorithm::Dutch,
                Lang::Uk | Lang::Pl => return None,
            };
            Some(Stemmer::create(algorithm))
        })
        .collect()
});

/// The language whose rules stem `word` in a text in `lang`: the text's own when the word is
/// written in its script, else the usual language of the word's script.
pub fn word_lang(word: &str, lang: Option<Lang>) -> Lang {
    let cyrillic = is_cyrillic(word);
    match lang {
        Some(l) if (l.script() == Script::Cyrillic) == cyrillic => l,
        _ if cyrillic => cyrillic_lang(word, lang),
        _ => Lang::En,
    }
}

/// The stem of a lower-case word in `lang`. Digits and words of one or two letters are kept as
/// they are; Russian ё is read as е.
pub fn stem(lower: &str, lang: Lang) -> String {
    if lower.chars().count() <= 2 || lower.chars().any(|c| c.is_ascii_digit()) {
        return lower.to_string();
    }
    match lang {
        Lang::Uk => ukrainian(lower),
        Lang::Pl => lower.to_string(),
        Lang::Ru => snowball(&lower.replace('ё', "е"), lang),
        _ => snowball(lower, lang),
    }
}

/// The stem of a lower-case word found in a text in `lang` (see [`word_lang`]).
pub fn stem_in(lower: &str, lang: Option<Lang>) -> String {
    stem(lower, word_lang(lower, lang))
}

fn snowball(lower: &str, lang: Lang) -> String {
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    match SNOWBALL.get(i).and_then(Option::as_ref) {
        Some(s) => s.stem(lower).into_owned(),
        None => lower.to_string(),
    }
}

/// Reflexive particles of Ukrainian verbs and participles.
const UK_REFLEXIVE: &[&str] = &["ся", "сь"];

/// Inflectional (and the commonest derivational) endings of Ukrainian verbs, adjectives and
/// nouns. One is stripped, the longest that leaves a stem of three letters with a vowel.
const UK_ENDINGS: &[&str] = &[
    // Verbs: infinitive, present, future, past, imperative; -ува-/-юва- stems.
    "увати",
    "ювати",
    "увала",
    "увало",
    "ували",
    "ювала",
    "ювали",
    "ував",
    "ював",
    "ують",
    "юють",
    "уємо",
    "уєте",
    "ує",
    "ює",
    "итиме",
    "итимуть",
    "атиме",
    "атимуть",
    "ятиме",
    "ити",
    "іти",
    "ати",
    "яти",
    "ути",
    "оти",
    "ети",
    "ить",
    "ать",
    "ять",
    "уть",
    "ють",
    "ете",
    "ите",
    "емо",
    "имо",
    "ємо",
    "іть",
    "йте",
    "ила",
    "ило",
    "или",
    "ала",
    "ало",
    "али",
    "яла",
    "яли",
    "ула",
    "уло",
    "ули",
    "ла",
    "ло",
    "ли",
    "ив",
    "ав",
    "яв",
    "ув",
    "ов",
    "еш",
    "иш",
    "єш",
    // Qualities (action nouns in -ння are in UK_ACTION).
    "ість",
    "ості",
    "істю",
    "остей",
    // Adjectives.
    "ього",
    "ьому",
    "ого",
    "ому",
    "ими",
    "іми",
    "ьої",
    "ьою",
    "ої",
    "ою",
    "их",
    "іх",
    "им",
    "ім",
    "ий",
    "ій",
    // Nouns.
    "ями",
    "ами",
    "ові",
    "еві",
    "єві",
    "ям",
    "ам",
    "ах",
    "ях",
    "ом",
    "ем",
    "єм",
    "ею",
    "єю",
    "ією",
    "іям",
    "іями",
    "іях",
    "ів",
    "їв",
    "ей",
    "ія",
    "ії",
    "ію",
    "ья",
    "а",
    "я",
    "у",
    "ю",
    "і",
    "и",
    "ї",
    "о",
    "е",
    "є",
    "й",
];

/// Action nouns (звільнення, звільненням): a vowel of the verb's stem, then -ння and its case
/// ending; stripping it all meets the verb's stem (звільн-).
const UK_ACTION: (&[&str], &[&str]) =
    (&["ува", "юва", "е", "а", "я", "і", ""], &["ння", "нням", "ннями", "ннях", "нні", "нню"]);

static UK_BY_LENGTH: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = UK_ENDINGS.iter().map(|e| e.to_string()).collect();
    for vowel in UK_ACTION.0 {
        for end in UK_ACTION.1 {
            v.push(format!("{vowel}{end}"));
        }
    }
    v.sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
    v.dedup();
    v
});

fn has_vowel(s: &str) -> bool {
    s.chars().any(|c| "аеєиіїоуюя".contains(c))
}

/// The stem of a lower-case Ukrainian word.
pub fn ukrainian(lower: &str) -> String {
    let mut w = lower.replace(['\u{2019}', 'ʼ'], "'");
    let keep = |s: &str| s.chars().count() >= 3 && has_vowel(s);
    for r in UK_REFLEXIVE {
        if let Some(s) = w.strip_suffix(r) {
            if keep(s) {
                w = s.to_string();
                break;
            }
        }
    }
    for e in UK_BY_LENGTH.iter() {
        if let Some(s) = w.strip_suffix(e.as_str()) {
            if keep(s) {
                w = s.to_string();
                break;
            }
        }
    }
    if let Some(s) = w.strip_suffix('ь') {
        if keep(s) {
            w = s.to_string();
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(lang: Lang, forms: &[&str]) {
        let stems: Vec<String> = forms.iter().map(|f| stem(f, lang)).collect();
        assert!(stems.windows(2).all(|w| w[0] == w[1]), "{lang}: {forms:?} → {stems:?}");
    }

    fn differ(lang: Lang, a: &str, b: &str) {
        assert_ne!(stem(a, lang), stem(b, lang), "{lang}: {a} and {b}");
    }

    #[test]
    fn inflected_forms_share_a_stem() {
        same(Lang::Ru, &["отставка", "отставки", "отставке", "отставку", "отставкой"]);
        same(Lang::Ru, &["санкции", "санкций", "санкциями", "санкциях"]);
        same(Lang::Ru, &["заявил", "заявила", "заявили"]);
        same(Lang::Uk, &["відставка", "відставки", "відставку", "відставкою"]);
        same(Lang::Uk, &["санкції", "санкцій", "санкціями", "санкціях"]);
        same(Lang::Uk, &["страйк", "страйку", "страйки", "страйків", "страйками"]);
        same(Lang::Uk, &["погрожував", "погрожувала", "погрожувати", "погрожують"]);
        same(Lang::Uk, &["незалежність", "незалежності", "незалежний", "незалежного"]);
        same(Lang::Uk, &["повернувся", "повернулася", "повернулись"]);
        same(Lang::Uk, &["звільнення", "звільненням", "звільненні"]);
        same(Lang::En, &["sanction", "sanctions", "sanctioned"]);
        same(Lang::De, &["sanktion", "sanktionen"]);
    }

    #[test]
    fn different_words_keep_apart_and_short_words_stay() {
        differ(Lang::Uk, "страйк", "страх");
        differ(Lang::Uk, "рада", "ряд");
        assert_eq!(stem("ми", Lang::Uk), "ми");
        assert_eq!(stem("2018", Lang::Ru), "2018");
        assert_eq!(ukrainian("газ"), "газ", "a three-letter stem is not cut");
    }

    #[test]
    fn each_word_is_stemmed_by_the_rules_of_its_script() {
        assert_eq!(word_lang("stream", Some(Lang::Ru)), Lang::En);
        assert_eq!(word_lang("поток", Some(Lang::En)), Lang::Ru);
        assert_eq!(word_lang("потік", Some(Lang::En)), Lang::Uk);
        assert_eq!(word_lang("потоку", Some(Lang::Uk)), Lang::Uk);
        assert_eq!(stem_in("streams", Some(Lang::Ru)), "stream");
    }
}
