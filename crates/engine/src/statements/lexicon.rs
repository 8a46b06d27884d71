//! The speech lexicon of one language, compiled once from its pack ([`SpeechRules`]).
//!
//! The pack writes cue verbs compactly (`"заявити: заяв|ив|ила|или"`); this module expands them
//! into every listed form and files each form under its first word, so that matching a cue at a
//! token is one hash lookup followed by a comparison of the few phrases that start with that word
//! (the longest wins).

use crate::lang::packs::{self, SpeechRules};
use parallax_model::Lang;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A fast non-cryptographic hash for short words (the Fx hash of rustc): lookups in these tables
/// happen for every token of every article.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = BuildHasherDefault<Fx>;
pub(crate) type Map<K, V> = HashMap<K, V, FxBuild>;
pub(crate) type Set<T> = HashSet<T, FxBuild>;

/// What a phrase of the lexicon does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Role {
    /// A verb of saying: say, tell, заявити.
    Speech,
    /// A verb of stance: accuse, criticise, call.
    Stance,
    /// A verb of thinking or showing: believe, show, вважати.
    Belief,
    /// An impersonal cue whose source is a text: "ідеться", "говорится".
    Impersonal,
    /// "according to", "за словами": the source follows.
    SourcePhrase,
    /// "zufolge": the source precedes.
    SourcePost,
    /// "citing", "з посиланням на".
    Citing,
    /// "obtained by", "отримані".
    Agent,
    /// "in an interview with", "в інтерв'ю".
    AddresseePhrase,
    /// "that", "що".
    Complementizer,
    /// "as", "як".
    As,
    /// "про це", "об этом".
    Anaphora,
}

impl Role {
    /// Whether the phrase is a verb cue (with a subject and a clause).
    pub(crate) fn is_verb(self) -> bool {
        matches!(self, Role::Speech | Role::Stance | Role::Belief | Role::Impersonal)
    }
}

/// One phrase of the lexicon: its words after the first, its role and its lemma.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub rest: Vec<String>,
    pub role: Role,
    pub lemma: &'static str,
}

/// Grammatical gender or number of a speaker, as pronouns and verb endings show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Masculine,
    Feminine,
    Neuter,
    Plural,
}

/// The compiled lexicon of one language.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// First word → phrases starting with it, longest first.
    pub phrases: Map<String, Vec<Phrase>>,
    pub pronouns: Map<&'static str, Gender>,
    pub relatives: Set<&'static str>,
    pub boundaries: Set<&'static str>,
    pub fillers: Set<&'static str>,
    pub outlet_nouns: Set<&'static str>,
    pub document_nouns: Set<&'static str>,
    pub group_nouns: Set<&'static str>,
    pub addressee_nouns: Set<&'static str>,
    pub addressee_verbs: Set<&'static str>,
    pub function_words: Set<&'static str>,
    /// Weekday and month names (the pack's marker words) and time units ("week", "Woche"):
    /// adverbials, never speakers.
    pub time_words: Set<&'static str>,
    pub feminine_endings: &'static [&'static str],
    pub masculine_endings: &'static [&'static str],
    /// Whether English adverbs in -ly count as fillers.
    pub ly_adverbs: bool,
    /// The author's voice and asides ([`SpeechRules::first_person`],
    /// [`SpeechRules::impersonal_modals`]) and clause-standing pronouns
    /// ([`SpeechRules::demonstratives`]): never speakers.
    pub first_person: Set<&'static str>,
    pub impersonal_modals: Set<&'static str>,
    pub demonstratives: Set<&'static str>,
    /// Negation words ([`SpeechRules::negations`]).
    pub negations: Set<&'static str>,
    /// The pack's language.
    pub lang: Option<Lang>,
}

impl Lexicon {
    fn build(lang: Lang) -> Lexicon {
        let pack = packs::pack(lang);
        let s: &SpeechRules = &pack.speech;
        let mut lex = Lexicon {
            pronouns: s
                .pronouns
                .iter()
                .filter_map(|p| {
                    let (w, g) = p.split_once(':')?;
                    let g = match g {
                        "m" => Gender::Masculine,
                        "f" => Gender::Feminine,
                        "n" => Gender::Neuter,
                        _ => Gender::Plural,
                    };
                    Some((w, g))
                })
                .collect(),
            relatives: s.relatives.iter().copied().collect(),
            boundaries: s.boundaries.iter().copied().collect(),
            fillers: s.fillers.iter().copied().collect(),
            outlet_nouns: s.outlet_nouns.iter().copied().collect(),
            document_nouns: s.document_nouns.iter().copied().collect(),
            group_nouns: s.group_nouns.iter().copied().collect(),
            addressee_nouns: s.addressee_nouns.iter().copied().collect(),
            addressee_verbs: s.addressee_verbs.iter().copied().collect(),
            function_words: pack.function_words.iter().copied().collect(),
            time_words: pack
                .marker_words
                .iter()
                .copied()
                .chain(pack.time.units.iter().map(|(w, _)| *w))
                .chain(pack.time.weekdays.iter().map(|(w, _)| *w))
                .collect(),
            feminine_endings: s.feminine_endings,
            masculine_endings: s.masculine_endings,
            ly_adverbs: lang == Lang::En,
            first_person: s.first_person.iter().copied().collect(),
            impersonal_modals: s.impersonal_modals.iter().copied().collect(),
            demonstratives: s.demonstratives.iter().copied().collect(),
            negations: s.negations.iter().copied().collect(),
            lang: Some(lang),
            ..Lexicon::default()
        };
        let lists: [(&[&'static str], Role); 12] = [
            (s.verbs, Role::Speech),
            (s.stance_verbs, Role::Stance),
            (s.belief_verbs, Role::Belief),
            (s.impersonal_verbs, Role::Impersonal),
            (s.source_phrases, Role::SourcePhrase),
            (s.source_postpositions, Role::SourcePost),
            (s.citing_phrases, Role::Citing),
            (s.agent_phrases, Role::Agent),
            (s.addressee_phrases, Role::AddresseePhrase),
            (s.complementizers, Role::Complementizer),
            (s.as_words, Role::As),
            (s.anaphora, Role::Anaphora),
        ];
        for (list, role) in lists {
            for entry in list {
                let (lemma, forms) = expand(entry);
                for form in forms {
                    lex.add(&form, role, lemma);
                }
            }
        }
        for v in lex.phrases.values_mut() {
            v.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        lex
    }

    fn add(&mut self, form: &str, role: Role, lemma: &'static str) {
        let mut words = form.split_whitespace().map(str::to_lowercase);
        let Some(first) = words.next() else { return };
        let rest: Vec<String> = words.collect();
        let list = self.phrases.entry(first).or_default();
        // A form listed under two roles keeps the first (verbs come before the other lists).
        if !list.iter().any(|p| p.rest == rest) {
            list.push(Phrase { rest, role, lemma });
        }
    }

    /// The gender a verb form shows (Slavic past tense), if any.
    pub(crate) fn verb_gender(&self, form: &str) -> Option<Gender> {
        let form = form.trim_end_matches("ся").trim_end_matches("сь");
        let ends = |list: &[&str]| list.iter().any(|e| form.ends_with(e.trim_end_matches("ся")));
        if form.ends_with("ли") && !self.feminine_endings.is_empty() {
            return Some(Gender::Plural);
        }
        if ends(self.feminine_endings) {
            Some(Gender::Feminine)
        } else if ends(self.masculine_endings) {
            Some(Gender::Masculine)
        } else {
            None
        }
    }

    /// Whether a lower-case word is a filler between a speaker and a cue.
    pub(crate) fn is_filler(&self, lower: &str) -> bool {
        self.fillers.contains(lower)
            || (self.ly_adverbs && lower.len() > 4 && lower.ends_with("ly") && lower != "only")
    }
}

/// Expands one entry of a pack list into its lemma and forms (see [`SpeechRules`]).
pub(crate) fn expand(entry: &'static str) -> (&'static str, Vec<String>) {
    let (lemma, body) = match entry.split_once(':') {
        Some((l, b)) if !l.contains('|') => (Some(l.trim()), b),
        _ => (None, entry),
    };
    let mut forms = vec![];
    for form in body.split(',').map(str::trim).filter(|f| !f.is_empty()) {
        let (head, tail) = match form.split_once(' ') {
            Some((h, t)) => (h, Some(t)),
            None => (form, None),
        };
        let mut parts = head.split('|');
        let stem = parts.next().unwrap_or_default();
        let endings: Vec<&str> = parts.collect();
        let heads: Vec<String> = if endings.is_empty() {
            vec![stem.to_string()]
        } else {
            endings.iter().map(|e| format!("{stem}{e}")).collect()
        };
        for h in heads {
            forms.push(match tail {
                Some(t) => format!("{h} {t}"),
                None => h,
            });
        }
    }
    let lemma = lemma.unwrap_or_else(|| {
        let first = body.split(',').next().unwrap_or_default().trim();
        first.split('|').next().unwrap_or(first)
    });
    (lemma, forms)
}

static LEXICONS: LazyLock<Vec<(Lang, Lexicon)>> =
    LazyLock::new(|| Lang::ALL.into_iter().map(|l| (l, Lexicon::build(l))).collect());

/// The lexicon of `lang`.
pub(crate) fn lexicon(lang: Lang) -> &'static Lexicon {
    static EMPTY: LazyLock<Lexicon> = LazyLock::new(Lexicon::default);
    LEXICONS.iter().find(|(l, _)| *l == lang).map_or(&*EMPTY, |(_, x)| x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_stems_endings_and_phrases() {
        let (lemma, forms) = expand("заявити: заяв|ив|ила, заявляє");
        assert_eq!(lemma, "заявити");
        assert_eq!(forms, ["заявив", "заявила", "заявляє"]);
        let (lemma, forms) = expand("звернути увагу: зверн|ув|ула увагу");
        assert_eq!(lemma, "звернути увагу");
        assert_eq!(forms, ["звернув увагу", "звернула увагу"]);
        let (lemma, forms) = expand("опровергнуть: опроверг|, опровергла");
        assert_eq!(lemma, "опровергнуть");
        assert_eq!(forms, ["опроверг", "опровергла"]);
        assert_eq!(expand("according to").0, "according to");
    }

    #[test]
    fn every_pack_compiles_to_a_lexicon_with_cues() {
        for lang in Lang::ALL {
            let lex = lexicon(lang);
            assert!(
                lex.phrases.values().flatten().any(|p| p.role == Role::Speech),
                "{lang}: no speech verbs"
            );
            assert!(
                lex.phrases.values().flatten().any(|p| p.role == Role::SourcePhrase),
                "{lang}: no source phrases"
            );
            assert!(!lex.pronouns.is_empty(), "{lang}: no pronouns");
        }
    }

    #[test]
    fn speech_tables_are_lower_case_and_free_of_duplicates() {
        for p in packs::all() {
            let s = &p.speech;
            let lists: [&[&str]; 24] = [
                s.verbs,
                s.stance_verbs,
                s.belief_verbs,
                s.impersonal_verbs,
                s.addressee_verbs,
                s.source_phrases,
                s.source_postpositions,
                s.citing_phrases,
                s.agent_phrases,
                s.addressee_phrases,
                s.complementizers,
                s.as_words,
                s.anaphora,
                s.pronouns,
                s.relatives,
                s.boundaries,
                s.fillers,
                s.outlet_nouns,
                s.document_nouns,
                s.group_nouns,
                s.addressee_nouns,
                s.feminine_endings,
                s.masculine_endings,
                &[],
            ];
            for list in lists {
                let mut seen = HashSet::new();
                for e in list {
                    assert_eq!(e.to_lowercase(), *e, "{}: {e:?} must be lower case", p.lang);
                    assert!(seen.insert(e), "{}: {e:?} is listed twice", p.lang);
                }
            }
            let mut forms = HashSet::new();
            for e in s.verbs.iter().chain(s.stance_verbs).chain(s.belief_verbs) {
                for f in expand(e).1 {
                    assert!(forms.insert(f.clone()), "{}: verb form {f:?} is listed twice", p.lang);
                }
            }
        }
    }

    #[test]
    fn slavic_past_tense_shows_gender() {
        let uk = lexicon(Lang::Uk);
        assert_eq!(uk.verb_gender("заявила"), Some(Gender::Feminine));
        assert_eq!(uk.verb_gender("сказав"), Some(Gender::Masculine));
        assert_eq!(uk.verb_gender("заявили"), Some(Gender::Plural));
        assert_eq!(uk.verb_gender("каже"), None);
        let ru = lexicon(Lang::Ru);
        assert_eq!(ru.verb_gender("заявил"), Some(Gender::Masculine));
        assert_eq!(ru.verb_gender("сказала"), Some(Gender::Feminine));
        assert_eq!(lexicon(Lang::En).verb_gender("said"), None);
    }
}
