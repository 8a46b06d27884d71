//! Names in their base form, across grammatical cases.
//!
//! Ukrainian and Russian decline names: Дорохін, Дорохіна, Дорохіну, Дорохіним; Ніколас, Ніколаса;
//! Ковальський, Ковальського, Ковальським. [`stem`] strips one case ending from a Cyrillic word
//! (keeping at least three letters), which gives every form of a name the same key without
//! needing to know its base form; [`base_form`] picks, among the forms an article or corpus
//! actually used, the one most likely to be the nominative; [`lemma_name`] gives the nominative
//! itself, from the dictionary readings of [`crate::morph`] and the agreement of a name's words.
//! Latin-script names only lose a possessive `'s`.

use crate::morph::{self, case, Gender};
use std::collections::HashMap;
use std::sync::LazyLock;

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
    // A soft sign at the end of a stem marks a softness the case endings carry as well: Василь,
    // Василя, Василем; Всесвітня, Всесвітньої.
    let soft = |s: &str| {
        let t = s.strip_suffix('ь').filter(|t| t.chars().count() >= 3).unwrap_or(s);
        t.to_string()
    };
    for e in ENDINGS {
        if let Some(s) = lower.strip_suffix(e) {
            if s.chars().count() >= 3 {
                return soft(s);
            }
        }
    }
    soft(lower)
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

/// The nominative of a Cyrillic name read in any case: "Сергея Петрова" → "Сергей Петров",
/// "Анной Петровой" → "Анна Петрова", "Володимиру Ковальському" → "Володимир Ковальський",
/// "Смирновым" → "Смирнов". `None` when the name is not Cyrillic or nothing tells its case.
///
/// The words of a name agree in gender and case. The readings of the words the dictionaries know
/// (the Russian dictionary of [`crate::morph`]; the paradigms of the common Ukrainian and Russian
/// given names of `data/kb/slavic_given_names.tsv`) vote for a gender and a case; each known
/// word takes its reading's lemma, and a surname the dictionaries do not know is declined back by
/// the regular paradigms of Russian and Ukrainian surnames (adjectival -ский/-ський/-ская/-ська,
/// possessive -ов/-ев/-ин and their feminines, consonant stems); an indeclinable one (Феррейро,
/// Шевченко, a woman's consonant surname) stays as written. A lone word the dictionary does not
/// know stays as written: nothing tells its case; so does a name of several words that is not a
/// person's (its words need not agree).
pub fn lemma_name(name: &str, person: bool) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || !words.iter().any(|w| is_cyrillic_word(w)) {
        return None;
    }
    // The words of a body's or a place's name do not all agree: "Избирательная комиссия
    // Аляски" governs its genitive. Only a one-word one is read here.
    if !person && words.len() > 1 {
        return None;
    }
    let readings: Vec<Vec<morph::Reading>> = words.iter().map(|w| word_readings(w)).collect();
    // The gender and case most words can stand in; among equals the nominative (the name as
    // written: "Рамона" is the feminine Рамона as well as Рамон's genitive).
    let last = words.len() - 1;
    let multi = words.len() > 1;
    let mut best: Option<(usize, Gender, u8)> = None;
    for bit in 0..6 {
        for gender in [Gender::Masculine, Gender::Feminine] {
            let c = 1u8 << bit;
            let mut votes =
                readings.iter().filter(|rs| rs.iter().any(|r| fits(r, gender, c))).count();
            // A surname the dictionaries do not know that a paradigm declines in this gender
            // and case witnesses it too.
            if person
                && multi
                && c != case::NOM
                && !readings[last].iter().any(|r| fits(r, gender, c))
                && surname_nominative(words[last], gender, c).is_some()
            {
                votes += 1;
            }
            if votes > 0 && best.is_none_or(|(v, _, _)| votes > v) {
                best = Some((votes, gender, c));
            }
        }
    }
    let (votes, gender, c) = best?;
    // One word's reading alone does not decide the case of a longer name, unless it is one of
    // the common given names: a dictionary may know a rare name's form ("Асия" only as the
    // genitive of the man's name Асий) and not the common one. A lone word is read by the dictionary unless it is a given name (more often an
    // unknown person's surname or a place than the rare name the dictionary knows).
    if c != case::NOM {
        let lone_given = !multi
            && !readings[0]
                .iter()
                .any(|r| fits(r, gender, c) && r.class != morph::NameClass::Given);
        // A common given name (the list's, not a rare one of the dictionary's) decides alone.
        let common_given = words.iter().any(|w| {
            let lower = w.to_lowercase().replace('ё', "е");
            GIVEN_FORMS.get(lower.as_str()).is_some_and(|rs| rs.iter().any(|r| fits(r, gender, c)))
        });
        if (multi && votes < 2 && !common_given) || lone_given {
            return None;
        }
    }
    let out: Vec<String> = words
        .iter()
        .zip(&readings)
        .enumerate()
        .map(|(i, (w, rs))| {
            if let Some(r) = rs.iter().find(|r| fits(r, gender, c)) {
                return like(w, r.lemma);
            }
            if person && i == last && words.len() > 1 && c != case::NOM {
                if let Some(nom) = surname_nominative(w, gender, c) {
                    return nom;
                }
            }
            (*w).to_string()
        })
        .collect();
    Some(out.join(" "))
}

fn fits(r: &morph::Reading, gender: Gender, c: u8) -> bool {
    r.cases & c != 0 && (r.gender == gender || r.gender == Gender::Common) && !r.plural
}

/// `lemma` (lower case) written with the capitals of `word`: "Владимира" + "владимир" →
/// "Владимир"; hyphenated parts each capitalised as in the word.
fn like(word: &str, lemma: &str) -> String {
    let caps: Vec<bool> =
        word.split('-').map(|p| p.chars().next().is_some_and(char::is_uppercase)).collect();
    lemma
        .split('-')
        .enumerate()
        .map(|(i, part)| {
            let mut cs = part.chars();
            match cs.next() {
                Some(f) if caps.get(i).copied().unwrap_or(false) => {
                    f.to_uppercase().chain(cs).collect()
                }
                Some(f) => std::iter::once(f).chain(cs).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// The readings of one word: the Russian dictionary's, and those of the paradigms of the common
/// Ukrainian and Russian given names.
fn word_readings(word: &str) -> Vec<morph::Reading> {
    let mut out = morph::ru_name_readings(word);
    let lower = word.to_lowercase().replace('ё', "е");
    if let Some(rs) = GIVEN_FORMS.get(lower.as_str()) {
        for r in rs {
            if !out.iter().any(|o| o.lemma == r.lemma && o.gender == r.gender) {
                out.push(*r);
            }
        }
    }
    out
}

/// The case forms of the common Ukrainian and Russian given names (their nominatives are listed
/// in `data/kb/slavic_given_names.tsv`, a Ukrainian form and a Russian one per line), by the
/// paradigms of the two languages; a name's gender is the Russian dictionary's for the Russian
/// form, else its ending's (-а/-я feminine).
static GIVEN_FORMS: LazyLock<HashMap<String, Vec<morph::Reading>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<morph::Reading>> = HashMap::new();
    for line in include_str!("../../data/kb/slavic_given_names.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let forms: Vec<&str> = line.split('|').map(str::trim).filter(|n| !n.is_empty()).collect();
        let Some(ru) = forms.last() else { continue };
        let gender = morph::ru_name_readings(ru)
            .iter()
            .find(|r| r.class == morph::NameClass::Given && r.cases & case::NOM != 0)
            .map(|r| r.gender)
            .unwrap_or(if ru.ends_with(['а', 'я']) {
                Gender::Feminine
            } else {
                Gender::Masculine
            });
        for (i, nom) in forms.iter().enumerate() {
            // The first of two forms is Ukrainian, the second Russian; a lone form is both.
            let languages: &[bool] = match (forms.len(), i) {
                (1, _) => &[true, false],
                (_, 0) => &[true],
                _ => &[false],
            };
            let lemma: &'static str =
                Box::leak(nom.to_lowercase().replace('ё', "е").into_boxed_str());
            let paradigm = languages.iter().flat_map(|&uk| given_paradigm(lemma, gender, uk));
            for (form, cases) in paradigm {
                let entry = map.entry(form).or_default();
                match entry.iter_mut().find(|r| r.lemma == lemma) {
                    Some(r) => r.cases |= cases,
                    None => entry.push(morph::Reading {
                        lemma,
                        class: morph::NameClass::Given,
                        gender,
                        cases,
                        plural: false,
                    }),
                }
            }
        }
    }
    map
});

/// The singular case forms of a given name (lower case) with the cases each stands in.
fn given_paradigm(nom: &str, gender: Gender, ukrainian: bool) -> Vec<(String, u8)> {
    use case::*;
    let mut out = vec![(nom.to_string(), NOM)];
    let stem =
        |n: usize| nom.chars().take(nom.chars().count().saturating_sub(n)).collect::<String>();
    let mut add = |form: String, cases: u8| out.push((form, cases));
    let ends = |e: &str| nom.ends_with(e);
    if gender == Gender::Feminine {
        if ends("ія") || ends("ия") {
            let s = stem(1);
            if ukrainian {
                add(format!("{s}ї"), GEN | DAT | LOC);
                add(format!("{s}єю"), INS);
            } else {
                add(format!("{s}и"), GEN | DAT | LOC);
                add(format!("{s}ей"), INS);
            }
            add(format!("{s}ю"), ACC);
        } else if ends("а") {
            let s = stem(1);
            let soft_or_velar = s.ends_with(['к', 'г', 'х', 'ж', 'ш', 'ч', 'щ']);
            if ukrainian {
                add(format!("{s}и"), GEN);
                add(format!("{s}і"), DAT | LOC);
                add(format!("{s}ою"), INS);
            } else {
                add(format!("{s}{}", if soft_or_velar { "и" } else { "ы" }), GEN);
                add(format!("{s}е"), DAT | LOC);
                add(format!("{s}ой"), INS);
            }
            add(format!("{s}у"), ACC);
        } else if ends("я") {
            let s = stem(1);
            add(format!("{s}{}", if ukrainian { "і" } else { "и" }), GEN);
            add(format!("{s}{}", if ukrainian { "і" } else { "е" }), DAT | LOC);
            add(format!("{s}ю"), ACC);
            add(format!("{s}{}", if ukrainian { "ею" } else { "ей" }), INS);
        }
        return out;
    }
    if ends("ій") || ends("ий") || ends("ей") || ends("ай") {
        let s = stem(1);
        add(format!("{s}я"), GEN | ACC);
        if ukrainian {
            add(format!("{s}ю"), DAT);
            add(format!("{s}єві"), DAT | LOC);
            add(format!("{s}єм"), INS);
            add(format!("{s}ї"), LOC);
        } else {
            add(format!("{s}ю"), DAT);
            add(format!("{s}ем"), INS);
            add(format!("{s}{}", if ends("ий") { "и" } else { "е" }), LOC);
        }
    } else if ends("ь") {
        let s = stem(1);
        add(format!("{s}я"), GEN | ACC);
        add(format!("{s}ю"), DAT);
        add(format!("{s}ем"), INS);
        add(format!("{s}{}", if ukrainian { "і" } else { "е" }), LOC);
        if ukrainian {
            add(format!("{s}еві"), DAT | LOC);
        }
    } else if ends("о") && ukrainian {
        let s = stem(1);
        add(format!("{s}а"), GEN | ACC);
        add(format!("{s}ові"), DAT | LOC);
        add(format!("{s}у"), DAT);
        add(format!("{s}ом"), INS);
        add(format!("{s}і"), LOC);
    } else if ends("а") || ends("я") {
        // Masculine -а/-я names (Микола, Ілля, Никита) decline as feminine ones do.
        return given_paradigm(nom, Gender::Feminine, ukrainian);
    } else if nom.chars().last().is_some_and(|c| !"аеиоуыэюяіїє".contains(c)) {
        add(format!("{nom}а"), GEN | ACC);
        add(format!("{nom}у"), DAT);
        add(format!("{nom}ом"), INS);
        if ukrainian {
            add(format!("{nom}ові"), DAT | LOC);
            add(format!("{nom}і"), LOC);
        } else {
            add(format!("{nom}е"), LOC);
        }
    }
    out
}

/// The nominative of a surname in the case `c` and gender `gender`, by the regular paradigms of
/// Russian and Ukrainian surnames; `None` when no paradigm fits (indeclinable surnames).
fn surname_nominative(word: &str, gender: Gender, c: u8) -> Option<String> {
    use case::*;
    // (ending, replacement, cases it marks), longest endings first within each gender.
    const MASC: &[(&str, &str, u8)] = &[
        // Adjectival: Ковальского, Ковальскому, Ковальским, Ковальском; Ковальського, Ковальському,
        // Ковальським, Ковальськім.
        ("ського", "ський", GEN | ACC),
        ("ському", "ський", DAT | LOC),
        ("ським", "ський", INS),
        ("ськім", "ський", LOC),
        ("цького", "цький", GEN | ACC),
        ("цькому", "цький", DAT | LOC),
        ("цьким", "цький", INS),
        ("ского", "ский", GEN | ACC),
        ("скому", "ский", DAT | LOC),
        ("ским", "ский", INS),
        ("ском", "ский", LOC),
        ("цкого", "цкий", GEN | ACC),
        ("цкому", "цкий", DAT | LOC),
        ("цким", "цкий", INS),
        ("цком", "цкий", LOC),
        // Possessive: Петрова, Петрову, Петровым, Петрове; Петровим, Петрові; Кузьмина, Кузьміним.
        ("ова", "ов", GEN | ACC),
        ("ову", "ов", DAT),
        ("овым", "ов", INS),
        ("овим", "ов", INS),
        ("ове", "ов", LOC),
        ("ові", "ов", DAT | LOC),
        ("ева", "ев", GEN | ACC),
        ("еву", "ев", DAT),
        ("евым", "ев", INS),
        ("евим", "ев", INS),
        ("еве", "ев", LOC),
        ("єва", "єв", GEN | ACC),
        ("єву", "єв", DAT),
        ("євим", "єв", INS),
        ("ина", "ин", GEN | ACC),
        ("ину", "ин", DAT),
        ("иным", "ин", INS),
        ("иним", "ин", INS),
        ("ине", "ин", LOC),
        ("іна", "ін", GEN | ACC),
        ("іну", "ін", DAT),
        ("іним", "ін", INS),
        ("іні", "ін", LOC),
        ("ыным", "ын", INS),
        ("ына", "ын", GEN | ACC),
    ];
    const FEM: &[(&str, &str, u8)] = &[
        ("ської", "ська", GEN),
        ("ській", "ська", DAT | LOC),
        ("ською", "ська", INS),
        ("ську", "ська", ACC),
        ("цької", "цька", GEN),
        ("цькій", "цька", DAT | LOC),
        ("цькою", "цька", INS),
        ("ской", "ская", GEN | DAT | INS | LOC),
        ("скую", "ская", ACC),
        ("цкой", "цкая", GEN | DAT | INS | LOC),
        ("цкую", "цкая", ACC),
        ("овой", "ова", GEN | DAT | INS | LOC),
        ("евой", "ева", GEN | DAT | INS | LOC),
        ("иной", "ина", GEN | DAT | INS | LOC),
        ("ової", "ова", GEN),
        ("овій", "ова", DAT | LOC),
        ("овою", "ова", INS),
        ("евої", "ева", GEN),
        ("евій", "ева", DAT | LOC),
        ("евою", "ева", INS),
        ("іної", "іна", GEN),
        ("іній", "іна", DAT | LOC),
        ("іною", "іна", INS),
        ("ову", "ова", ACC),
        ("еву", "ева", ACC),
        ("ину", "ина", ACC),
        ("іну", "іна", ACC),
    ];
    let table = if gender == Gender::Feminine { FEM } else { MASC };
    let lower = word.to_lowercase();
    for (ending, nom, cases) in table {
        if cases & c != 0 {
            if let Some(stem) = lower.strip_suffix(ending) {
                if stem.chars().count() >= 2 {
                    return Some(like(word, &format!("{stem}{nom}")));
                }
            }
        }
    }
    if gender != Gender::Masculine {
        return None;
    }
    // A consonant stem (Шольц, Джонсон, Кулеба is not one): Шольца, Шольцу, Шольцем, Шольце,
    // Шольцові.
    let consonant = |s: &str| s.chars().last().is_some_and(|ch| !"аеиоуыэюяіїєйь".contains(ch));
    const CONSONANT: &[(&str, u8)] = &[
        ("ові", DAT | LOC),
        ("еві", DAT | LOC),
        ("ом", INS),
        ("ем", INS),
        ("а", GEN | ACC),
        ("у", DAT),
        ("е", LOC),
        ("і", LOC),
    ];
    for (ending, cases) in CONSONANT {
        if cases & c != 0 {
            if let Some(stem) = lower.strip_suffix(ending) {
                if stem.chars().count() >= 3 && consonant(stem) {
                    return Some(like(word, stem));
                }
            }
        }
    }
    None
}

/// Whether a user's search `query` names an entity known by `names` (its canonical name and the
/// forms the corpus used): case-insensitively contained in one of them, or every word of the
/// query starting a word of one name once case endings are stripped and the spelling is reduced
/// to its cross-script skeleton — "petrov" finds "Сергея Петрова", "Kovalsky" and "Владимир
/// Ковальский" find "Владимира Ковальского".
pub fn matches_query<'a>(query: &str, names: impl IntoIterator<Item = &'a str>) -> bool {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return true;
    }
    let key = |w: &str| crate::entities::translit::skeleton(&stem(w));
    let wanted: Vec<String> = q.split_whitespace().map(key).filter(|k| !k.is_empty()).collect();
    names.into_iter().any(|name| {
        if name.to_lowercase().contains(&q) {
            return true;
        }
        let have: Vec<String> = name.split_whitespace().map(key).collect();
        !wanted.is_empty() && wanted.iter().all(|w| have.iter().any(|h| h.starts_with(w.as_str())))
    })
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
        assert_eq!(key(&["Ковальський", "Ковальського", "Ковальському", "Ковальським"]).len(), 1);
        assert_eq!(key(&["Бересков", "Берескова", "Берескову", "Бересковым"]).len(), 1);
        assert_eq!(key(&["Дмитро", "Дмитра", "Дмитру"]).len(), 1);
        assert_eq!(key(&["Василь", "Василя", "Василем", "Василю"]).len(), 1);
        assert_eq!(
            key(&["Всесвітня служба", "Всесвітньої служби", "Всесвітньою службою"]).len(),
            1
        );
        assert_eq!(
            key(&["Венесуела", "Венесуели", "Венесуелі", "Венесуелу", "Венесуелою"]).len(),
            1
        );
        assert_eq!(key(&["Crane", "Crane's", "Crane’s"]).len(), 1);
    }

    #[test]
    fn names_in_any_case_give_their_nominative() {
        let lemma = |n: &str| lemma_name(n, true).unwrap_or_else(|| n.to_string());
        for (forms, nom) in [
            (
                &["Сергея Петрова", "Сергею Петрову", "Сергеем Петровым", "Сергее Петрове"][..],
                "Сергей Петров",
            ),
            (
                &["Владимира Ковальского", "Владимиру Ковальскому", "Владимиром Ковальским"][..],
                "Владимир Ковальский",
            ),
            (
                &["Володимира Ковальського", "Володимиру Ковальському", "Володимиром Ковальським"]
                    [..],
                "Володимир Ковальський",
            ),
            (&["Анны Петровой", "Анной Петровой", "Анну Петрову"][..], "Анна Петрова"),
            (&["Олени Бондар", "Оленою Бондар", "Олені Бондар"][..], "Олена Бондар"),
            (&["Бориса Джонсона", "Борису Джонсону", "Борисом Джонсоном"][..], "Борис Джонсон"),
            (&["Віктора Орбана", "Віктору Орбану", "Віктором Орбаном"][..], "Віктор Орбан"),
            (&["Миколи Мельника", "Миколою Мельником"][..], "Микола Мельник"),
            (&["Смирновым", "Смирнову"][..], "Смирнов"),
        ] {
            for f in forms {
                assert_eq!(lemma(f), nom, "{f}");
            }
        }
        assert_eq!(lemma_name("Nicolás Ferreiro", true), None, "Latin names are not declined here");
        // A lone surname the dictionary does not know, or a name none of whose words it knows:
        // nothing tells the case.
        assert_eq!(lemma("Бересковым"), "Бересковым");
        assert_eq!(lemma("Олафа Шольца"), "Олафа Шольца");
        // A lone "Смирнова" is also a woman's surname in the nominative: as written.
        assert_eq!(lemma("Смирнова"), "Смирнова");
        // The dictionary knows "Асия" only as the genitive of a man's name; one word's reading
        // does not decide a name's case.
        assert_eq!(lemma("Асия Биби"), "Асия Биби");
        // Nor does a rarer given name the dictionary knows with a surname that does not decline:
        // the limit of this method, where the corpus's other forms have to give the nominative.
        assert_eq!(lemma("Николаса Феррейро"), "Николаса Феррейро");
    }

    #[test]
    fn a_search_finds_a_name_in_any_script_and_case() {
        let names = ["Sergei Petrov", "Сергея Петрова", "Владимира Ковальского"];
        for q in ["petrov", "Петрову", "Kovalsky", "Владимир Ковальский", "sergey petrov"]
        {
            assert!(matches_query(q, names), "{q}");
        }
        for q in ["Petrova Anna", "Horbach", "Володимир Бондар"] {
            assert!(!matches_query(q, names), "{q}");
        }
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
