//! The concept lexicon: news words in English, Ukrainian, Russian, German and Spanish, so that a
//! question in one language finds what articles in another say.
//!
//! `data/lexicon/concepts.tsv` (written by the team, see its header) lists about two thousand
//! concepts of news reporting, each with its words in every language: `resignation` is
//! resignation / відставка / отставка / Rücktritt / dimisión. A word is read by its stem in its
//! language ([`crate::lang::stem`]), so every inflected form meets the concept; a word with two
//! meanings belongs to both concepts. A form of several words (a fixed phrase: "step down",
//! "уйти в отставку") is matched when all its content words are there.
//!
//! The lexicon serves question understanding and retrieval (`crate::ask`): a question's words
//! become concepts, and a concept becomes the stems of all its words in every language.

use crate::lang::stem::stem;
use crate::search::{is_term_word, stems_meet};
use crate::stories::features::words;
use parallax_model::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

const DATA: &str = include_str!("../../data/lexicon/concepts.tsv");

/// The languages of the lexicon's columns, in order.
const COLUMNS: [Lang; 5] = [Lang::En, Lang::Uk, Lang::Ru, Lang::De, Lang::Es];

/// One concept and its words.
#[derive(Debug)]
pub struct Concept {
    /// A short English id ("resignation").
    pub id: &'static str,
    pub forms: Vec<Form>,
}

impl Concept {
    /// Whether the concept is a verb: the lexicon lists verbs in the infinitive, and most of its
    /// Russian forms are infinitives (-ть, -ться, -ти, -чь).
    pub fn is_verb(&self) -> bool {
        let ru: Vec<&str> =
            self.forms.iter().filter(|f| f.lang == Lang::Ru).map(|f| f.text).collect();
        let infinitives = ru
            .iter()
            .filter(|t| {
                crate::lang::morph::russian_infinitive(t.split_whitespace().next().unwrap_or(""))
            })
            .count();
        !ru.is_empty() && infinitives * 2 > ru.len()
    }
}

/// One word or fixed phrase of a concept, in one language.
#[derive(Debug)]
pub struct Form {
    pub lang: Lang,
    pub text: &'static str,
    /// The stems of its content words, in order (never empty).
    pub stems: Vec<String>,
}

/// The third-person present (or future) forms of a Ukrainian or Russian infinitive, by its
/// conjugation class: -овать/-евать → -ует, -ать/-ять → -ает/-яет, -ить → -ит/-ят, -еть → -еет;
/// Ukrainian -увати → -ує, -ати → -ає, -ити → -ить; reflexive verbs keep -ся.
fn present_forms(infinitive: &str, lang: Lang) -> Vec<String> {
    let (base, reflexive) = match lang {
        Lang::Ru => match infinitive.strip_suffix("ся").or_else(|| infinitive.strip_suffix("сь"))
        {
            Some(b) => (b, "ся"),
            None => (infinitive, ""),
        },
        Lang::Uk => match infinitive.strip_suffix("ся").or_else(|| infinitive.strip_suffix("сь"))
        {
            Some(b) => (b, "ся"),
            None => (infinitive, ""),
        },
        _ => return vec![],
    };
    let rules: &[(&str, &[&str])] = match lang {
        Lang::Ru => &[
            ("овать", &["ует", "уют"]),
            ("евать", &["ует", "уют"]),
            ("ивать", &["ивает", "ивают"]),
            ("ывать", &["ывает", "ывают"]),
            ("ать", &["ает", "ают"]),
            ("ять", &["яет", "яют"]),
            ("ить", &["ит", "ят"]),
            ("еть", &["еет", "еют", "ит"]),
        ],
        _ => &[
            ("увати", &["ує", "ують"]),
            ("ювати", &["ює", "юють"]),
            ("ати", &["ає", "ають"]),
            ("яти", &["яє", "яють"]),
            ("ити", &["ить", "ять", "ать"]),
            ("іти", &["іє", "ить"]),
        ],
    };
    for (end, present) in rules {
        if let Some(stem) = base.strip_suffix(end) {
            if stem.chars().count() >= 2 {
                return present
                    .iter()
                    .map(|p| format!("{stem}{p}{}", if reflexive.is_empty() { "" } else { "ся" }))
                    .collect();
            }
        }
    }
    vec![]
}

/// The stems of a Ukrainian word whose last syllable's і alternates with о or е in its other
/// forms (повінь → повені, рік → року, кінь → коня).
fn alternating(stem: &str, lang: Lang) -> Vec<String> {
    if lang != Lang::Uk {
        return vec![];
    }
    let chars: Vec<char> = stem.trim_end_matches('ь').chars().collect();
    let n = chars.len();
    let consonant = |c: char| !"аеєиіїоуюя".contains(c) && c.is_alphabetic();
    if n < 3 || chars[n - 2] != 'і' || !consonant(chars[n - 1]) {
        return vec![];
    }
    ['о', 'е']
        .iter()
        .map(|v| {
            let mut c = chars.clone();
            c[n - 2] = *v;
            c.into_iter().collect()
        })
        .collect()
}

/// The stem of a Ukrainian or Russian noun that drops its last vowel when inflected (the
/// fleeting vowel: посол → посла, рынок → рынка, кінець → кінця), when the form has one.
fn fleeting(stem: &str, lang: Lang) -> Option<String> {
    if !matches!(lang, Lang::Uk | Lang::Ru) {
        return None;
    }
    let chars: Vec<char> = stem.trim_end_matches('ь').chars().collect();
    let n = chars.len();
    let consonant = |c: char| !"аеєиіїоуюяыэё".contains(c) && c.is_alphabetic();
    if n < 4
        || !consonant(chars[n - 1])
        || !matches!(chars[n - 2], 'о' | 'е' | 'є' | 'і')
        || !consonant(chars[n - 3])
    {
        return None;
    }
    let mut out: String = chars[..n - 2].iter().collect();
    out.push(chars[n - 1]);
    Some(out)
}

/// The concepts, and every form filed under the first letters of its first stem.
#[derive(Debug)]
pub struct Lexicon {
    pub concepts: Vec<Concept>,
    by_first: HashMap<String, Vec<(usize, usize)>>,
}

/// A concept found in a run of stems: which concept, and how many stems its form covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub concept: usize,
    pub len: usize,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse(DATA));

/// The bundled lexicon.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

fn parse(data: &'static str) -> Lexicon {
    let mut concepts = vec![];
    for line in data.lines() {
        if line.starts_with('#') || line.starts_with("concept\t") || line.trim().is_empty() {
            continue;
        }
        let mut cells = line.split('\t');
        let Some(id) = cells.next() else { continue };
        let mut forms = vec![];
        for (lang, cell) in COLUMNS.iter().zip(cells) {
            for text in cell.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                // Function words are left out of a phrase, but a form that is one ("said" is one
                // in English news) keeps it.
                let mut stems: Vec<String> = words(text)
                    .filter(|(_, w)| is_term_word(w, *lang))
                    .map(|(_, w)| stem(&w, *lang))
                    .collect();
                if stems.is_empty() {
                    stems = words(text).map(|(_, w)| stem(&w, *lang)).collect();
                }
                if stems.is_empty() {
                    continue;
                }
                if let [one] = stems.as_slice() {
                    for f in fleeting(one, *lang).into_iter().chain(alternating(one, *lang)) {
                        forms.push(Form { lang: *lang, text, stems: vec![f] });
                    }
                }
                // A verb's present tense stems apart from its infinitive (требовать → требует).
                if !text.contains(' ') {
                    for v in present_forms(text, *lang) {
                        let st = stem(&v, *lang);
                        if st != stems[0] && !forms.iter().any(|f| f.stems == [st.clone()]) {
                            forms.push(Form { lang: *lang, text, stems: vec![st] });
                        }
                    }
                }
                forms.push(Form { lang: *lang, text, stems });
            }
        }
        if !forms.is_empty() {
            concepts.push(Concept { id, forms });
        }
    }
    let mut by_first: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for (c, concept) in concepts.iter().enumerate() {
        for (f, form) in concept.forms.iter().enumerate() {
            by_first.entry(key(&form.stems[0])).or_default().push((c, f));
        }
    }
    Lexicon { concepts, by_first }
}

/// The lookup key of a stem: its first five letters.
fn key(stem: &str) -> String {
    stem.chars().take(5).collect()
}

impl Lexicon {
    /// The concepts whose form starts at `stems[i]` and covers the following stems (each stem
    /// meeting the form's, see [`stems_meet`]), longest first; only the longest are returned.
    pub fn at(&self, stems: &[String], i: usize, lang: Option<Lang>) -> Vec<Found> {
        // The word's own language first: a stem of one language can be another's word too
        // (Russian "посла" and Ukrainian "послання" share "посл").
        let own = self.at_in(stems, i, lang, true);
        if !own.is_empty() || lang.is_none() {
            return own;
        }
        self.at_in(stems, i, lang, false)
    }

    fn at_in(&self, stems: &[String], i: usize, lang: Option<Lang>, only: bool) -> Vec<Found> {
        let Some(first) = stems.get(i) else { return vec![] };
        let mut out: Vec<(usize, bool, Found)> = vec![];
        for &(c, f) in self.by_first.get(&key(first)).into_iter().flatten() {
            let form = &self.concepts[c].forms[f];
            if only && Some(form.lang) != lang {
                continue;
            }
            let n = form.stems.len();
            let meets = stems
                .get(i..i + n)
                .is_some_and(|s| s.iter().zip(&form.stems).all(|(a, b)| stems_meet(a, b)));
            if meets {
                let found = Found { concept: c, len: n };
                if !out.iter().any(|(_, _, x)| *x == found) {
                    out.push((n, Some(form.lang) == lang, found));
                }
            }
        }
        out.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.concept.cmp(&b.2.concept)));
        let longest = out.first().map_or(0, |x| x.0);
        out.into_iter().filter(|x| x.0 == longest).map(|x| x.2).collect()
    }

    /// A concept by its id.
    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.concepts.iter().position(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str, lang: Lang) -> Vec<String> {
        words(text).filter(|(_, w)| is_term_word(w, lang)).map(|(_, w)| stem(&w, lang)).collect()
    }

    fn ids(text: &str, lang: Lang) -> Vec<&'static str> {
        let s = stems(text, lang);
        lexicon()
            .at(&s, 0, Some(lang))
            .into_iter()
            .map(|f| lexicon().concepts[f.concept].id)
            .collect()
    }

    #[test]
    fn the_lexicon_loads_and_is_clean() {
        let lx = lexicon();
        assert!(lx.concepts.len() > 1000, "{}", lx.concepts.len());
        let mut seen = std::collections::HashSet::new();
        for c in &lx.concepts {
            assert!(seen.insert(c.id), "{} twice", c.id);
            for l in [Lang::En, Lang::Uk, Lang::Ru] {
                assert!(c.forms.iter().any(|f| f.lang == l), "{} has no {l} word", c.id);
            }
            for f in &c.forms {
                assert_eq!(f.text.to_lowercase(), f.text, "{}: {}", c.id, f.text);
                let cyrillic = crate::entities::translit::is_cyrillic(f.text);
                assert_eq!(cyrillic, matches!(f.lang, Lang::Uk | Lang::Ru), "{}: {}", c.id, f.text);
            }
        }
    }

    #[test]
    fn inflected_words_of_any_language_find_their_concept() {
        assert!(ids("отставке", Lang::Ru).contains(&"resignation"));
        assert!(ids("відставку", Lang::Uk).contains(&"resignation"));
        assert!(ids("resignation", Lang::En).contains(&"resignation"));
        assert!(ids("санкціями", Lang::Uk).contains(&"sanctions"));
        assert!(ids("забастовок", Lang::Ru).contains(&"labour_strike"));
        assert!(ids("strikes", Lang::En).contains(&"labour_strike"));
    }

    #[test]
    fn nouns_with_a_fleeting_vowel_and_the_words_own_language_come_first() {
        assert!(ids("посла", Lang::Ru).contains(&"ambassador"), "{:?}", ids("посла", Lang::Ru));
        assert!(!ids("посла", Lang::Ru).contains(&"message"));
        assert_eq!(fleeting("рынок", Lang::Ru).as_deref(), Some("рынк"));
        assert_eq!(fleeting("газ", Lang::Ru), None);
        assert_eq!(fleeting("rock", Lang::En), None);
        assert!(ids("повені", Lang::Uk).contains(&"flood"), "{:?}", ids("повені", Lang::Uk));
        assert_eq!(alternating("повін", Lang::Uk), ["повон", "повен"]);
    }

    #[test]
    fn present_tense_verbs_find_their_infinitive() {
        assert!(ids("требует", Lang::Ru).contains(&"demand"), "{:?}", ids("требует", Lang::Ru));
        assert!(ids("погрожує", Lang::Uk).contains(&"threaten"), "{:?}", ids("погрожує", Lang::Uk));
        assert_eq!(present_forms("требовать", Lang::Ru), ["требует", "требуют"]);
        assert_eq!(present_forms("отказываться", Lang::Ru), ["отказывается", "отказываются"]);
    }

    #[test]
    fn a_phrase_wins_over_its_first_word() {
        let s = stems("уйти в отставку", Lang::Ru);
        let found = lexicon().at(&s, 0, Some(Lang::Ru));
        assert!(!found.is_empty());
        assert!(found.iter().all(|f| f.len == 2), "{found:?}");
    }
}
