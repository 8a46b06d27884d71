//! Names in their base form, across grammatical cases.
//!
//! Ukrainian and Russian decline names: Дорохін, Дорохіна, Дорохіну, Дорохіним; Ніколас, Ніколаса;
//! Зеленський, Зеленського, Зеленським. No dictionary covers the names in the news, and the
//! public Ukrainian stemmers are GPL, so the rules here are the project's own and deliberately
//! small: [`stem`] strips one case ending from a Cyrillic word (keeping at least three letters),
//! which gives every form of a name the same key without needing to know its base form, and
//! [`base_form`] picks, among the forms an article or corpus actually used, the one most likely to
//! be the nominative. Latin-script names only lose a possessive `'s`.

/// Case endings of nouns and adjectival surnames, longest first.
const ENDINGS: &[&str] = &[
    "ього", "ого", "его", "ему", "ому", "ими", "ыми", "ами", "ями", "ові", "еві", "єві", "ою",
    "ею", "єю", "ом", "ем", "єм", "им", "ым", "ій", "ий", "ый", "ой", "ей", "ая", "яя", "ої", "ах",
    "ях", "ое", "ее", "ые", "ие", "а", "я", "у", "ю", "і", "и", "ы", "е", "є", "о",
];

fn is_cyrillic_word(w: &str) -> bool {
    w.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// The inflection-free key of one word: lower case, one case ending stripped from Cyrillic words
/// (the stem keeps at least three letters), a possessive stripped from Latin ones.
pub fn stem(word: &str) -> String {
    // Russian writes ё or е as it pleases: "Соединённое", "Соединенного".
    let lower = word.to_lowercase().replace('ё', "е");
    let lower = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    if !is_cyrillic_word(lower) {
        return lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .unwrap_or(lower)
            .to_string();
    }
    // Hyphenated names decline in every part: Сен-Жермена, Петрова-Водкіна.
    if lower.contains('-') {
        return lower.split('-').map(stem).collect::<Vec<_>>().join("-");
    }
    for e in ENDINGS {
        if let Some(s) = lower.strip_suffix(e) {
            if s.chars().count() >= 3 {
                return s.to_string();
            }
        }
    }
    lower.to_string()
}

/// The key of a multi-word name: the stems of its words.
pub fn name_key(name: &str) -> String {
    name.split_whitespace().map(stem).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Chooses the base form among the surface forms of one name (with their counts): the fullest
/// (most words), then for Cyrillic names the shortest form (nominatives are the shortest in every
/// declension class that names use), then the one with fewer words in an oblique ending (the
/// genitive, dative and locative of -ия/-ія names are as long as the nominative: "Асии" against
/// "Асия"), then the most frequent, then the first seen.
pub fn base_form<'a>(forms: impl IntoIterator<Item = (&'a str, usize)>) -> Option<&'a str> {
    let forms: Vec<(usize, &str, usize)> =
        forms.into_iter().enumerate().map(|(i, (f, n))| (i, f, n)).collect();
    forms
        .iter()
        .min_by_key(|(i, f, n)| {
            let cyrillic = is_cyrillic_word(f);
            let len = if cyrillic { f.chars().count() } else { 0 };
            let oblique = if cyrillic {
                f.split_whitespace().filter(|w| oblique_ending(w)).count()
            } else {
                0
            };
            (
                std::cmp::Reverse(f.split_whitespace().count()),
                len,
                oblique,
                std::cmp::Reverse(*n),
                *i,
            )
        })
        .map(|(_, f, _)| *f)
}

/// Whether a Cyrillic word ends as nominatives of names rarely do: in -и, -ы, -і, -ї, -е, -є,
/// -у, -ю (the oblique cases of -а/-я names and of consonant names).
fn oblique_ending(w: &str) -> bool {
    w.to_lowercase().ends_with(['и', 'ы', 'і', 'ї', 'е', 'є', 'у', 'ю'])
}

#[cfg(test)]
mod tests {

    #[test]
    fn neuter_adjectives_and_yo_share_the_key_of_their_cases() {
        assert_eq!(name_key("Соединённое Королевство"), name_key("Соединенного Королевства"));
        assert_eq!(name_key("Соединённые Штаты"), name_key("Соединенные Штаты"));
        assert_eq!(name_key("Верхнее озеро"), name_key("Верхнего озера"));
    }

    use super::*;

    #[test]
    fn every_case_of_a_name_has_one_key() {
        let key = |forms: &[&str]| {
            forms.iter().map(|f| name_key(f)).collect::<std::collections::BTreeSet<_>>()
        };
        assert_eq!(key(&["Дорохін", "Дорохіна", "Дорохіну", "Дорохіним", "Дорохіні"]).len(), 1);
        assert_eq!(key(&["Ніколас Морено", "Ніколаса Морено", "Ніколасу Морено"]).len(), 1);
        assert_eq!(key(&["Зеленський", "Зеленського", "Зеленському", "Зеленським"]).len(), 1);
        assert_eq!(key(&["Бересков", "Берескова", "Берескову", "Бересковым"]).len(), 1);
        assert_eq!(key(&["Дмитро", "Дмитра", "Дмитру"]).len(), 1);
        assert_eq!(
            key(&["Венесуела", "Венесуели", "Венесуелі", "Венесуелу", "Венесуелою"]).len(),
            1
        );
        assert_eq!(key(&["Crane", "Crane's", "Crane’s"]).len(), 1);
    }

    #[test]
    fn short_words_keep_their_letters() {
        assert_eq!(stem("Ву"), "ву");
        assert_eq!(stem("США"), "сша");
        assert_ne!(stem("Дорохін"), stem("Бересков"));
    }

    #[test]
    fn base_form_prefers_the_nominative() {
        assert_eq!(
            base_form([("Ніколаса Морено", 2), ("Ніколас Морено", 1)]),
            Some("Ніколас Морено")
        );
        assert_eq!(base_form([("Дорохіна", 3), ("Дорохіну", 1)]), Some("Дорохіна"));
        assert_eq!(base_form([("Nicolas Moreno", 1), ("Moreno", 5)]), Some("Nicolas Moreno"));
        assert_eq!(base_form([("Оксани Лук", 5), ("Оксана Лук", 2)]), Some("Оксана Лук"));
    }
}
