//! Language packs: everything the pipeline knows about one language, as plain data.
//!
//! DESIGN.md makes a language a *pack*: adding one means adding a file here (and its tests), not
//! touching the pipeline. A [`Pack`] is a `const` value with one field group per stage that needs
//! language knowledge, so each stage reads only its own group and a new stage adds a group without
//! disturbing the others:
//!
//! - [`Pack::function_words`] and [`Pack::marker_words`] — the commonest words, and frequent words
//!   peculiar to the language, used by language identification (the former later as stop words);
//! - [`Pack::sentences`] — abbreviations, sentence starters and ordinal dots for segmentation.
//!
//! Later stages (speech cue verbs, temporal words, descriptor nouns) are meant to arrive as further
//! groups beside these.
//!
//! The tables are written for this project from general knowledge of each language's
//! conventions (no list is copied from another project, and none is tuned to a dataset). They are
//! short on purpose: a long list of rare abbreviations buys little and costs false merges, while
//! the segmenter's general rules (initials, dotted acronyms, single letters, numbers) cover whole
//! families of cases that no list could enumerate.
//!
//! Conventions for the abbreviation lists: entries are written as they appear in text, with their
//! dots and inner spaces ("т. зв.", "p. ej."); matching ignores the inner spaces, so "т.зв." and
//! "т. зв." are the same entry. An entry written with a capital first letter ("Calif.") matches
//! only a capitalised token; an entry in lower case matches in any case.

use parallax_model::Lang;

mod de;
mod en;
mod es;
mod fr;
mod it;
mod nl;
mod pl;
mod pt;
mod ru;
mod uk;

/// What Parallax knows about one language.
#[derive(Debug)]
pub struct Pack {
    pub lang: Lang,
    /// The commonest function words (articles, pronouns, prepositions, conjunctions, auxiliary
    /// verbs), in lower case. Language identification scores a text by how many of its words are
    /// in each language's list; words shared by several languages count for less.
    pub function_words: &'static [&'static str],
    /// Frequent words that, among the supported languages, only this one (or few) writes: month
    /// and weekday names in the forms dates use, the word for "year". Identification counts them
    /// like function words; they matter most in short texts such as headlines and datelines.
    pub marker_words: &'static [&'static str],
    pub sentences: SentenceRules,
}

/// What the sentence segmenter needs to know about a language.
#[derive(Debug)]
pub struct SentenceRules {
    /// Abbreviations that never end a sentence: titles and words that stand before a name or a
    /// number ("Dr.", "вул.", "z. B.", "т. зв."), and two-letter initials ("Дж.").
    pub prefixes: &'static [&'static str],
    /// Abbreviations that may end a sentence but often stand before a name or a number ("р.",
    /// "г.", "м.", "Inc.", "Oct.", "U.S."). After one of these a capitalised word starts a new
    /// sentence only when it is one of [`Self::starters`], and a number never does.
    pub abbreviations: &'static [&'static str],
    /// Abbreviations that end a sentence whenever a capitalised word follows ("etc.", "и т. д.").
    /// (Units and currencies are in no list: "5 млн грн. Компенсацію..." ends where an ordinary
    /// word would.)
    pub enders: &'static [&'static str],
    /// Words that commonly open a sentence (pronouns, articles, conjunctions, discourse adverbs),
    /// in lower case. They decide the ambiguous cases: "in the U.S. The talks" ends a sentence,
    /// "the U.S. President" does not.
    pub starters: &'static [&'static str],
    /// Whether a number followed by a dot can be an ordinal inside a sentence ("am 3. Oktober",
    /// "Johannes Paul II. kam").
    pub ordinal_dot: bool,
}

/// The pack for `lang`.
pub fn pack(lang: Lang) -> &'static Pack {
    match lang {
        Lang::En => &en::PACK,
        Lang::Uk => &uk::PACK,
        Lang::Ru => &ru::PACK,
        Lang::Es => &es::PACK,
        Lang::De => &de::PACK,
        Lang::Fr => &fr::PACK,
        Lang::Pl => &pl::PACK,
        Lang::It => &it::PACK,
        Lang::Pt => &pt::PACK,
        Lang::Nl => &nl::PACK,
    }
}

/// Every pack, in the order of [`Lang::ALL`].
pub fn all() -> impl Iterator<Item = &'static Pack> {
    Lang::ALL.into_iter().map(pack)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_a_pack_that_names_itself() {
        for lang in Lang::ALL {
            assert_eq!(pack(lang).lang, lang);
        }
    }

    #[test]
    fn tables_are_clean() {
        for p in all() {
            let r = &p.sentences;
            for w in p.function_words.iter().chain(p.marker_words).chain(r.starters) {
                assert!(
                    !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '\''),
                    "{}: {w:?}",
                    p.lang
                );
                assert_eq!(w.to_lowercase(), *w, "{}: {w:?} must be lower case", p.lang);
            }
            for a in r.prefixes.iter().chain(r.abbreviations).chain(r.enders) {
                assert!(a.ends_with('.'), "{}: abbreviation {a:?} must end with its dot", p.lang);
                assert!(!a.starts_with(' ') && !a.contains("  "), "{}: {a:?}", p.lang);
            }
            for list in [
                p.function_words,
                p.marker_words,
                r.starters,
                r.prefixes,
                r.abbreviations,
                r.enders,
            ] {
                let mut seen = std::collections::HashSet::new();
                for w in list {
                    assert!(seen.insert(w), "{}: {w:?} is listed twice", p.lang);
                }
            }
            let norm = |a: &str| a.replace(' ', "").to_lowercase();
            let lists = [r.prefixes, r.abbreviations, r.enders];
            for (i, a) in lists.iter().enumerate() {
                for b in lists.iter().skip(i + 1) {
                    for x in a.iter() {
                        assert!(
                            !b.iter().any(|y| norm(y) == norm(x)),
                            "{}: {x:?} is in two lists",
                            p.lang
                        );
                    }
                }
            }
        }
    }
}
