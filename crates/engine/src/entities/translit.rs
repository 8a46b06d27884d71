//! Cyrillic to Latin, and the cross-script key that lets "Ніколас Морено", "Николас Морено" and
//! "Nicolás Moreno" meet.
//!
//! Two different needs:
//!
//! - [`to_latin`] writes a name in Latin script for a reader: the Ukrainian national system
//!   (KMU 2010) for Ukrainian, and the spelling English-language news uses for Russian (close to
//!   BGN/PCGN without diacritics: Бересков → Bereskov, Дмитрий → Dmitry).
//! - [`skeleton`] reduces a name in any script to a consonant skeleton that survives the
//!   differences between transliteration systems, between Ukrainian and Russian forms of one name
//!   (Володимир/Владимир → `vldmr`), and between how English, Ukrainian and Russian render foreign
//!   names (Crane/Крейн → `krn`, Terásquez/Тераскес → `trsks`). It is a key for finding
//!   candidates, never shown to anyone; identity is then confirmed on more evidence.

use parallax_model::Lang;
use unicode_normalization::UnicodeNormalization;

/// Whether a word is written in Cyrillic.
pub fn is_cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// Guesses the language of a Cyrillic name from its letters: і ї є ґ are Ukrainian, ы э ъ ё Russian.
pub fn cyrillic_lang(s: &str, fallback: Option<Lang>) -> Lang {
    if s.chars().any(|c| matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ')) {
        Lang::Uk
    } else if s.chars().any(|c| matches!(c, 'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ё')) {
        Lang::Ru
    } else {
        match fallback {
            Some(Lang::Uk) => Lang::Uk,
            _ => Lang::Ru,
        }
    }
}

/// Writes `s` in Latin script. Non-Cyrillic text passes through unchanged. `lang` chooses the
/// system when the letters do not (a Ukrainian article's "Морено").
pub fn to_latin(s: &str, lang: Option<Lang>) -> String {
    if !is_cyrillic(s) {
        return s.to_string();
    }
    let uk = cyrillic_lang(s, lang) == Lang::Uk;
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let initial = i == 0 || !chars[i - 1].is_alphabetic();
        let after_z = i > 0 && matches!(chars[i - 1], 'з' | 'З');
        let upper = c.is_uppercase();
        let lower = c.to_lowercase().next().unwrap_or(c);
        let piece: &str = match lower {
            // KMU 2010 writes зг as zgh, to keep it apart from ж (zh).
            'г' if uk && after_z => "gh",
            _ if uk => uk_letter(lower, initial),
            _ => ru_letter(lower, initial),
        };
        if !is_cyrillic_letter(c) {
            out.push(c);
            continue;
        }
        if upper {
            let mut cs = piece.chars();
            if let Some(f) = cs.next() {
                out.extend(f.to_uppercase());
                // All-caps words stay all-caps: "НАТО" → "NATO".
                let all_caps = chars.get(i + 1).is_some_and(|n| n.is_uppercase());
                if all_caps {
                    out.extend(cs.flat_map(char::to_uppercase));
                } else {
                    out.extend(cs);
                }
            }
        } else {
            out.push_str(piece);
        }
    }
    // Russian adjective endings as English news writes them: Дмитрий → Dmitry, not Dmitriy.
    if !uk {
        out = out
            .split(' ')
            .map(|w| w.strip_suffix("iy").map_or_else(|| w.to_string(), |b| format!("{b}y")))
            .collect::<Vec<_>>()
            .join(" ");
    }
    out
}

/// Common English given names by their Ukrainian and Russian renderings (lower case).
static GIVEN_NAMES: std::sync::LazyLock<std::collections::HashMap<String, &'static str>> =
    std::sync::LazyLock::new(|| {
        let mut map = std::collections::HashMap::new();
        for line in include_str!("../../data/kb/given_names.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let Some(en) = cols.next() else { continue };
            for form in cols.flat_map(|c| c.split('|')) {
                map.insert(form.trim().to_lowercase(), en);
            }
        }
        map
    });

/// A person's name in Latin script. A Cyrillic name whose given name is a common English one
/// ("Джеймс Толбі") is English in origin: the given name is written as English writes it and the
/// rest with English conventions (a final -і/-и is -y, дж is j): "James Tolby". Other names are
/// transliterated by [`to_latin`].
pub fn person_to_latin(name: &str, lang: Option<Lang>) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let english = words.len() >= 2
        && words.first().is_some_and(|w| GIVEN_NAMES.contains_key(&w.to_lowercase()));
    if !english {
        return to_latin(name, lang);
    }
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        if i == 0 {
            out.push(
                GIVEN_NAMES
                    .get(&w.to_lowercase())
                    .map_or_else(|| to_latin(w, lang), |e| e.to_string()),
            );
            continue;
        }
        let mut t = to_latin(w, lang).replace("Dzh", "J").replace("dzh", "j");
        let consonant_before_i = t
            .strip_suffix('i')
            .and_then(|b| b.chars().last())
            .is_some_and(|c| c.is_alphabetic() && !"aeiouy".contains(c.to_ascii_lowercase()));
        if consonant_before_i {
            t.pop();
            t.push('y');
        }
        out.push(t);
    }
    out.join(" ")
}

fn is_cyrillic_letter(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

/// KMU 2010, the official Ukrainian romanisation (the apostrophe and soft sign are dropped).
fn uk_letter(c: char, initial: bool) -> &'static str {
    match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "h",
        'ґ' => "g",
        'д' => "d",
        'е' => "e",
        'є' => {
            if initial {
                "ye"
            } else {
                "ie"
            }
        }
        'ж' => "zh",
        'з' => "z",
        'и' => "y",
        'і' => "i",
        'ї' => {
            if initial {
                "yi"
            } else {
                "i"
            }
        }
        'й' => {
            if initial {
                "y"
            } else {
                "i"
            }
        }
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ь' | '\'' | '’' | 'ʼ' => "",
        'ю' => {
            if initial {
                "yu"
            } else {
                "iu"
            }
        }
        'я' => {
            if initial {
                "ya"
            } else {
                "ia"
            }
        }
        // Russian letters in a Ukrainian text (quotations, names).
        'ы' => "y",
        'э' => "e",
        'ё' => "yo",
        'ъ' => "",
        _ => "",
    }
}

/// Russian as English-language news spells it.
fn ru_letter(c: char, initial: bool) -> &'static str {
    match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => {
            if initial {
                "ye"
            } else {
                "e"
            }
        }
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'і' => "i",
        'ї' => "yi",
        'є' => "ye",
        'ґ' => "g",
        _ => "",
    }
}

/// The cross-script consonant skeleton of a name: see the module docs. Words are kept apart by
/// single spaces.
pub fn skeleton(name: &str) -> String {
    let latin = to_latin(name, None);
    let folded: String = latin
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect::<String>()
        .to_lowercase();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_skeleton)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn word_skeleton(w: &str) -> String {
    // Digraphs first, each to one sound class.
    let mut s = w.to_string();
    for (from, to) in [
        ("shch", "š"),
        ("sch", "š"),
        ("tch", "č"),
        ("dzh", "ž"),
        ("dj", "ž"),
        ("zh", "ž"),
        ("ch", "č"),
        ("sh", "š"),
        ("kh", "h"),
        ("ph", "v"),
        ("th", "t"),
        ("ck", "k"),
        ("qu", "k"),
        ("ts", "c"),
        ("tz", "c"),
        ("x", "ks"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let mapped = match c {
            'c' if matches!(next, Some('e' | 'i' | 'y')) => 's',
            'c' => 'k',
            'q' => 'k',
            'g' => 'h',
            // f and v alternate across languages (Verstappen / Ферстаппен, Ivanov / Iwanow).
            'w' | 'f' => 'v',
            'z' => 's',
            'j' => 'ž',
            'y' => 'i',
            other => other,
        };
        let vowel = matches!(mapped, 'a' | 'e' | 'i' | 'o' | 'u');
        if vowel && i > 0 {
            continue;
        }
        // An h after a vowel and before a consonant or at the end is silent in English and
        // German spellings (Johnson / Джонсон, Lehmann / Леман); transliterations drop it.
        let is_vowel = |c: Option<char>| matches!(c, Some('a' | 'e' | 'i' | 'o' | 'u' | 'y'));
        if mapped == 'h' && i > 0 && is_vowel(chars.get(i - 1).copied()) && !is_vowel(next) {
            continue;
        }
        if out.ends_with(mapped) {
            continue;
        }
        out.push(mapped);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ukrainian_national_system() {
        assert_eq!(to_latin("Володимир Зеленський", Some(Lang::Uk)), "Volodymyr Zelenskyi");
        assert_eq!(
            to_latin("Володимир Зеленський", None),
            "Volodimir Zelensky",
            "no Ukrainian letters: Russian spelling"
        );
        assert_eq!(to_latin("Юлія", Some(Lang::Uk)), "Yuliia");
        assert_eq!(to_latin("Згорани", Some(Lang::Uk)), "Zghorany");
        assert_eq!(to_latin("НАТО", Some(Lang::Uk)), "NATO");
    }

    #[test]
    fn russian_news_spelling() {
        assert_eq!(to_latin("Дмитрий Бересков", Some(Lang::Ru)), "Dmitry Bereskov");
        assert_eq!(to_latin("Сергей Тябков", Some(Lang::Ru)), "Sergey Tyabkov");
        assert_eq!(to_latin("Ельцин", Some(Lang::Ru)), "Yeltsin");
    }

    #[test]
    fn skeletons_meet_across_scripts_and_systems() {
        let same = |a: &str, b: &str| assert_eq!(skeleton(a), skeleton(b), "{a} / {b}");
        same("Nicolás Moreno", "Ніколас Морено");
        same("Nicolas Moreno", "Николас Морено");
        same("Vladimir Dorokhin", "Володимир Дорохін");
        same("Dmitry Bereskov", "Дмитро Бєресков");
        same("Donald Crane", "Дональд Крейн");
        same("Sergey Tyabkov", "Сергій Тябков");
        same("Ramón Celestino Terásquez", "Рамон Селестіно Тераскес");
        same("James Tolby", "Джеймс Толбі");
        same("Washington Post", "Вашингтон пост");
        same("Boris Johnson", "Борис Джонсон");
        assert_ne!(skeleton("Bereskov"), skeleton("Dorokhin"));
    }

    #[test]
    fn english_names_in_cyrillic_come_back_in_english_spelling() {
        assert_eq!(person_to_latin("Джеймс Толбі", Some(Lang::Uk)), "James Tolby");
        assert_eq!(person_to_latin("Дженніфер Коллінз", Some(Lang::Uk)), "Jennifer Kollinz");
        assert_eq!(
            person_to_latin("Олена Кравченко", Some(Lang::Uk)),
            "Olena Kravchenko",
            "a Ukrainian name keeps the national system"
        );
        assert_eq!(person_to_latin("Толбі", Some(Lang::Uk)), "Tolbi", "no given name: no guess");
    }
}
