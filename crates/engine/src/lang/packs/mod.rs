//! Language packs: everything the pipeline knows about one language, as plain data.
//!
//! DESIGN.md makes a language a *pack*: adding one means adding a file here (and its tests), not
//! touching the pipeline. A [`Pack`] is a `const` value with one field group per stage that needs
//! language knowledge, so each stage reads only its own group and a new stage adds a group without
//! disturbing the others:
//!
//! - [`Pack::function_words`] and [`Pack::marker_words`] — the commonest words, and frequent words
//!   peculiar to the language, used by language identification (the former later as stop words);
//! - [`Pack::sentences`] — abbreviations, sentence starters and ordinal dots for segmentation;
//! - [`Pack::time`] — weekday names, calendar units and relative expressions ("вчора", "last
//!   week", "за день до цього") for the temporal resolver (`crate::time`); month names stay in
//!   `crate::calendar`, which date parsing outside the body also uses;
//! - [`Pack::numbers`] — number words, scale words, approximation words and units for the
//!   quantity finder (`crate::quantities`) and for counted time expressions ("two days later").
//! - [`Pack::speech`] — speech cue verbs in their inflected forms, source phrases ("according to",
//!   "за словами"), citing phrases, complementisers and the nouns that name outlets, documents and
//!   unnamed sources, for statement extraction (`crate::statements`).
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
    pub time: TimeWords,
    pub numbers: NumberWords,
    pub speech: SpeechRules,
    /// Question words and the fixed words of a brief, for languages `parallax ask` reads.
    pub question: Option<QuestionWords>,
}

/// What question understanding (`crate::ask`) needs to know about a language, and the fixed
/// words a brief is written with in it. Entries are lower case; a phrase of several words
/// matches those words in sequence. What a question asks *about* is read through the concept
/// lexicon ([`crate::lang::concepts`]), which is shared by every language: these lists hold only
/// the words that frame a question.
#[derive(Debug)]
pub struct QuestionWords {
    /// Words that only frame a question and never name what it is about: question words,
    /// auxiliaries, pronouns ("what", "did", "is", "що", "чи", "что", "ли").
    pub frame: &'static [&'static str],
    /// Words asking who: "who", "хто", "кто".
    pub who: &'static [&'static str],
    /// Question words that a preposition can govern ("про що", "о чём", "about what"): such a
    /// preposition belongs to the question, not to its topic.
    pub wh: &'static [&'static str],
    /// Words that ask for a number ("number", "число", "кількість"): a question about where
    /// sources disagree on a number asks for the figures they give.
    pub number_words: &'static [&'static str],
    /// Words asking when: "when", "коли", "когда".
    pub when: &'static [&'static str],
    /// Phrases asking how many or how much: "how many", "скільки", "сколько".
    pub how_many: &'static [&'static str],
    /// Phrases asking what happened, in order: "timeline", "what happened", "що сталося".
    pub timeline: &'static [&'static str],
    /// Word beginnings that ask where sources disagree: "disagree", "differ", "розход",
    /// "расход", "противореч".
    pub disagree: &'static [&'static str],
    /// Words that ask for a date ("date", "дата", "даты"): a question about where sources
    /// disagree on a date asks for the dates they give.
    pub date_words: &'static [&'static str],
    /// Word beginnings that ask how something is described: "describ", "portray", "описують".
    pub describe: &'static [&'static str],
    /// Prepositions that introduce what a statement is about: "about", "on", "про", "щодо",
    /// "о", "об", "насчёт".
    pub about: &'static [&'static str],
    /// Words for the sources in general, which are no subject: "sources", "outlets", "media",
    /// "джерела", "ЗМІ", "СМИ".
    pub sources: &'static [&'static str],
    /// Words joining two parties: "and", "і", "и".
    pub and: &'static [&'static str],
    /// Prepositions that make the name after them qualify the noun before: "of", "von", "de".
    pub of: &'static [&'static str],
    /// Prepositions and conjunctions that end a noun phrase (the subject never runs over them).
    pub breaks: &'static [&'static str],
    /// The fixed words of a brief.
    pub brief: BriefWords,
}

/// The fixed words a brief is written with. `{who}` is the subject as the question names it,
/// `{about}` the question's own words about its topic ("about Venezuela"), `{n}` a number,
/// `{x}` a name or a word.
#[derive(Debug)]
pub struct BriefWords {
    /// Heading of statements by the subject: "Statements: {who}".
    pub statements: &'static str,
    /// Heading of statements and reported actions for a question about an act (asked, denied,
    /// demanded): "Statements and actions: {who}".
    pub acts: &'static str,
    /// Heading of statements that carry no named source.
    pub unattributed: &'static str,
    /// Heading of how the outlets describe someone: "How the outlets describe {x}".
    pub describe: &'static str,
    /// Heading of dated reports: "When: dated reports".
    pub timeline: &'static str,
    /// Heading of contradicting dates and figures.
    pub disagree: &'static str,
    /// Heading of what each side says about a disputed matter.
    pub sides: &'static str,
    /// Heading of sentences that give figures.
    pub figures: &'static str,
    /// Heading of who said given words.
    pub who_said: &'static str,
    /// Heading of sentences that report on the topic.
    pub reports: &'static str,
    /// A line's note that the same claim is in more articles: "also in {n} more articles".
    pub also_in: &'static str,
    /// Between a speaker and the outlet relayed: "via".
    pub via: &'static str,
    /// Who speaks when no one is named.
    pub unnamed_source: &'static str,
    /// An article with no known outlet.
    pub unnamed_outlet: &'static str,
    /// How many lines the budget left out: "{n} more not shown (raise --limit)".
    pub more: &'static str,
    /// Refusal: the question names nothing the articles use.
    pub not_understood: &'static str,
    /// Refusal: a name the articles never use: "No article names {x}."
    pub unknown_name: &'static str,
    /// Refusal: a word no article uses: "No article mentions “{x}”."
    pub unknown_word: &'static str,
    /// Refusal: the subject is never quoted on the topic: "No article quotes {who}{about}."
    pub not_quoted: &'static str,
    /// Refusal: nothing matches.
    pub nothing: &'static str,
    /// Refusal hint: "Nearest stories:".
    pub nearest: &'static str,
    /// Heading of the list of cited articles: "Sources".
    pub sources: &'static str,
    /// Footer: "Rests on {n} cited articles".
    pub rests_on: &'static str,
    /// Footer: the stories cited, "Stories: {x}".
    pub stories: &'static str,
    /// Footer: the outlets cited, "Outlets: {x}".
    pub outlets: &'static str,
    /// Footer: what is missing, "Missing: {x}".
    pub missing: &'static str,
    /// Footer: the store, "The store holds {n} articles; {x} were read to answer".
    pub store: &'static str,
    /// The statuses of a line, in the order corroborated, single source, unattributed,
    /// contested (the JSON keeps the English names).
    pub statuses: [&'static str; 4],
}

/// What the temporal resolver needs to know about a language.
///
/// Entries are lower case. A table entry of several words ("the day before", "минулого тижня")
/// matches those words in sequence; a word written with a final dot ("р.", "г.") also matches
/// without it and takes the dot into the span when it is there.
#[derive(Debug)]
pub struct TimeWords {
    /// Weekday names in every form a date uses, with the day's number (1 = Monday … 7 = Sunday).
    pub weekdays: &'static [(&'static str, u8)],
    /// Calendar units in every form a counted expression uses ("days", "дні", "днів", "днями").
    pub units: &'static [(&'static str, TimeUnit)],
    /// The unit forms that count one without a number, i.e. the singular forms ("day" in "the
    /// day before", "тиждень тому", "день" in "за день до цього"). A plural without a count is
    /// vague ("months ago", "кілька місяців тому") and is not resolved.
    pub bare_units: &'static [&'static str],
    /// Prepositions that say "at this time" ("on", "в", "am", "el") and belong to the span of
    /// the date they stand before. ("since", "until" and the like are not in the span.)
    pub openers: &'static [&'static str],
    /// Words after which a month named alone, or a bare four-digit number, is a time: "in",
    /// "since", "early", "mid", "наприкінці", "з", "seit", "Anfang".
    pub intro: &'static [&'static str],
    /// Words written after a year that mark it as one: "року", "р.", "года", "г.".
    pub year_after: &'static [&'static str],
    /// Words written just before a year that mark it as one: "year", "Jahr", "año".
    pub year_before: &'static [&'static str],
    /// Words for a count of one in a counted expression ("a day before": "a", "an").
    pub one: &'static [&'static str],
    /// Relative expressions with what they mean. `{n}` is a count (digits, a number word, a word
    /// of [`Self::one`], or nothing, which counts one), `{u}` a word of [`Self::units`], `{w}` a
    /// word of [`Self::weekdays`].
    pub relative: &'static [(&'static str, Rel)],
    /// Words that put a weekday named in their sentence in the future ("will", "наступного").
    pub future_cues: &'static [&'static str],
}

/// A calendar unit of a counted time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Day,
    Week,
    Month,
    Year,
}

/// What a relative time expression means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// That many days from the reference date: "yesterday" is −1.
    Days(i32),
    /// The week that many weeks from the reference's week: "last week" is −1.
    Weeks(i32),
    /// The month that many months from the reference's month: "last month" is −1.
    Months(i32),
    /// The year that many years from the reference's year: "торік" is −1.
    Years(i32),
    /// That many days from the nearest preceding date in the text: "the day before" is −1.
    AnchorDays(i32),
    /// `{n} {u}` before the reference: "three days ago", "два дні тому".
    Ago,
    /// `{n} {u}` before the nearest preceding date: "two days earlier", "за день до цього".
    Before,
    /// `{n} {u}` after the nearest preceding date: "two days later", "через два дні".
    After,
    /// `{w}` strictly before the reference's day: "last Sunday", "минулої неділі".
    LastWeekday,
    /// `{w}` strictly after the reference's day: "next Sunday", "наступної неділі".
    NextWeekday,
}

/// Numbers in words and what follows numbers, for quantities and counted time expressions.
#[derive(Debug)]
pub struct NumberWords {
    /// Cardinal number words in the forms news uses ("eight", "вісім", "восьми", "ocho").
    /// Compounds are read by adding a tens word and a units word ("twenty-five", "двадцять п'ять").
    pub cardinals: &'static [(&'static str, u32)],
    /// Scale words that multiply the number before them ("million", "млн", "тис.", "Mio.").
    pub scales: &'static [(&'static str, f64)],
    /// Approximation words written before a number, with their English equivalent from a fixed
    /// set: "about", "over", "under", "up to", "nearly", "at least".
    pub approx: &'static [(&'static str, &'static str)],
    /// Units, currencies and percent words written after a number, with the unit's base form:
    /// "км" → "km", "гривень" → "UAH", "відсотків" → "%".
    pub units: &'static [(&'static str, &'static str)],
    /// Whether the decimal separator is a comma ("9,92 млн"); a dot then separates thousands.
    pub decimal_comma: bool,
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

/// What statement extraction needs to know about a language (`crate::statements`).
///
/// Entries are lower case. A *word entry* lists the forms a word takes, with an optional lemma
/// before a colon: `"заявити: заяв|ив|ила|или, заявляє"`. Forms are separated by commas; a form
/// written `stem|a|b` stands for `stema` and `stemb` (only its first word carries endings, so
/// `"зверн|ув|ула увагу"` is "звернув увагу", "звернула увагу"), and an entry without a colon
/// takes its first form as its lemma. Forms may have several words.
#[derive(Debug)]
pub struct SpeechRules {
    /// Verbs of saying that introduce direct or reported speech with a clause or an object:
    /// say, tell, state, deny, warn, write, report; заявити, сказати, спростувати, пише.
    pub verbs: &'static [&'static str],
    /// Verbs that attribute a stance rather than words (accuse, criticise, praise, call, urge):
    /// cues only when a named speaker or a pronoun is their subject.
    pub stance_verbs: &'static [&'static str],
    /// Verbs of thinking, knowing and showing (believe, think, show, вважати): cues only with a
    /// clause after them and a named speaker, a pronoun or a document as their subject.
    pub belief_verbs: &'static [&'static str],
    /// Impersonal and passive cues whose source is a place in a text ("у документах ідеться",
    /// "в докладе говорится", "it is said in the report").
    pub impersonal_verbs: &'static [&'static str],
    /// Lemmas (of the lists above) whose object is the addressee: tell, повідомити.
    pub addressee_verbs: &'static [&'static str],
    /// Phrases that put a source before a statement, or after it: "according to", "за словами",
    /// "по мнению", "laut", "según".
    pub source_phrases: &'static [&'static str],
    /// Words written after the source they introduce: "zufolge".
    pub source_postpositions: &'static [&'static str],
    /// Phrases that add the next link of a chain: "citing", "з посиланням на", "со ссылкой на".
    pub citing_phrases: &'static [&'static str],
    /// Phrases after a document that name who obtained it: "obtained by", "отримані".
    pub agent_phrases: &'static [&'static str],
    /// Phrases after a cue that name the addressee: "in an interview with", "в інтерв'ю".
    pub addressee_phrases: &'static [&'static str],
    /// Words that open a reported clause: "that", "що", "что", "dass".
    pub complementizers: &'static [&'static str],
    /// Words that make a cue parenthetical, the statement being the main clause: "as" in "as the
    /// Post reported", "як" in "як зазначається в документах".
    pub as_words: &'static [&'static str],
    /// Phrases before a cue that point back to the previous sentence: "про це", "об этом".
    pub anaphora: &'static [&'static str],
    /// Personal pronouns that can be speakers, with their gender after a colon (`m`, `f`, `n`,
    /// `p` for plural): "he:m", "вона:f".
    pub pronouns: &'static [&'static str],
    /// Relative pronouns that can be speakers ("who" in "Crane, who said..."): the speaker is the
    /// name before them.
    pub relatives: &'static [&'static str],
    /// Words a speaker's noun phrase never extends back over: conjunctions and prepositions
    /// ("and", "but", "on", "і", "після", "и", "после").
    pub boundaries: &'static [&'static str],
    /// Adverbs and auxiliaries standing between a speaker and the cue ("also", "has",
    /// "earlier", "раніше", "неоднократно"); English words in -ly count too.
    pub fillers: &'static [&'static str],
    /// Nouns that name an outlet without its name ("the newspaper", "видання", "издание").
    pub outlet_nouns: &'static [&'static str],
    /// Nouns that name documents as sources ("documents", "report", "документи", "доклад").
    pub document_nouns: &'static [&'static str],
    /// Nouns that name unnamed people as sources ("officials", "sources", "джерела", "эксперты").
    pub group_nouns: &'static [&'static str],
    /// Nouns that name an audience as addressee ("reporters", "журналістам", "журналистам").
    pub addressee_nouns: &'static [&'static str],
    /// Endings of past-tense verb forms that show a feminine or masculine subject ("сказала",
    /// "сказав"), for choosing the antecedent of a speaker.
    pub feminine_endings: &'static [&'static str],
    pub masculine_endings: &'static [&'static str],
    /// First-person pronouns and possessives ("I", "we", "our", "мы", "наші"): outside a
    /// quotation they are the author's own voice, which is never a speaker's statement.
    pub first_person: &'static [&'static str],
    /// Impersonal and modal words that make a cue the author's aside: "нужно (сказать)",
    /// "варто (зазначити)", "it is worth (noting)", "cabe (señalar)".
    pub impersonal_modals: &'static [&'static str],
    /// Demonstrative and relative pronouns that stand for a clause, never for a speaker: "this
    /// shows", "это означает", "das sagt".
    pub demonstratives: &'static [&'static str],
    /// Negation words: a cue they negate ("did not say", "не заявив", "hat nicht gesagt")
    /// reports what was not said, which is no statement.
    pub negations: &'static [&'static str],
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

    #[test]
    fn time_and_number_tables_are_clean() {
        for p in all() {
            let t = &p.time;
            let n = &p.numbers;
            let words = t
                .weekdays
                .iter()
                .map(|(w, _)| *w)
                .chain(t.units.iter().map(|(w, _)| *w))
                .chain(t.bare_units.iter().copied())
                .chain(t.openers.iter().copied())
                .chain(t.intro.iter().copied())
                .chain(t.year_after.iter().copied())
                .chain(t.year_before.iter().copied())
                .chain(t.one.iter().copied())
                .chain(t.relative.iter().map(|(w, _)| *w))
                .chain(t.future_cues.iter().copied())
                .chain(n.cardinals.iter().map(|(w, _)| *w))
                .chain(n.scales.iter().map(|(w, _)| *w))
                .chain(n.approx.iter().map(|(w, _)| *w))
                .chain(n.units.iter().map(|(w, _)| *w));
            for w in words {
                assert!(!w.is_empty() && w.trim() == w && !w.contains("  "), "{}: {w:?}", p.lang);
                assert_eq!(w.to_lowercase(), w, "{}: {w:?} must be lower case", p.lang);
            }
            for b in t.bare_units {
                assert!(
                    t.units.iter().any(|(u, _)| u == b),
                    "{}: bare unit {b:?} is no unit",
                    p.lang
                );
            }
            for (phrase, rel) in t.relative {
                let counted = matches!(rel, Rel::Ago | Rel::Before | Rel::After);
                assert_eq!(phrase.contains("{u}"), counted, "{}: {phrase:?}", p.lang);
                let weekday = matches!(rel, Rel::LastWeekday | Rel::NextWeekday);
                assert_eq!(phrase.contains("{w}"), weekday, "{}: {phrase:?}", p.lang);
            }
            for list in [t.openers, t.intro, t.year_after, t.future_cues, t.bare_units] {
                let mut seen = std::collections::HashSet::new();
                for w in list {
                    assert!(seen.insert(w), "{}: {w:?} is listed twice", p.lang);
                }
            }
            let mut seen = std::collections::HashSet::new();
            for (w, _) in t.relative {
                assert!(seen.insert(w), "{}: {w:?} is listed twice", p.lang);
            }
        }
    }
}
