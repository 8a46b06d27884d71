//! What the full-text index holds for an article, and the terms of any text.
//!
//! The store keeps the index ([`parallax_model::search`]); the engine decides what goes in it, so
//! that a question, a search and an article are turned into terms by the same code:
//!
//! - a word becomes its stem in the language it is written in ([`crate::lang::stem`]), stop words
//!   of every supported language left out;
//! - a country becomes one term in every language, whether named (a mention the knowledge base
//!   resolves to it) or only implied by an adjective or demonym ("российского", "Ukrainians");
//! - who is quoted becomes the words that name each speaker and the country each speaker belongs
//!   to (the linked entity ids are added by the store, see
//!   [`parallax_model::search::linked_terms`]).

use crate::lang::{packs, stem};
use crate::stories::features::{country_word, words};
use parallax_model::search::{country_term, speaker_country_term};
use parallax_model::{Analysis, Article, Indexer, Lang, SearchText, Span};

/// The engine's [`Indexer`].
#[derive(Debug, Default, Clone, Copy)]
pub struct EngineIndexer;

impl Indexer for EngineIndexer {
    fn index_text(&self, article: &Article, analysis: &Analysis) -> SearchText {
        index_text(article, analysis)
    }
}

/// Whether a lower-case word of `lang` is worth a term: a number, or a word of at least two
/// letters that is no function word of its language. (Only its own language's: "war" is an
/// English noun and a German verb form, "die" an English verb and a German article.)
pub fn is_term_word(lower: &str, lang: Lang) -> bool {
    (lower.chars().count() >= 2 || lower.chars().all(|c| c.is_ascii_digit()))
        && !packs::pack(lang).function_words.contains(&lower)
}

/// The terms of a text's words, in order, each with the byte offset of its word.
pub fn word_terms(text: &str, lang: Option<Lang>) -> impl Iterator<Item = (usize, String)> + '_ {
    words(text).filter_map(move |(i, w)| {
        let l = stem::word_lang(&w, lang);
        is_term_word(&w, l).then(|| (i, stem::stem(&w, l)))
    })
}

/// The prefix that stands for a stem in retrieval, when the stem is long enough to lose its
/// last letter safely: Slavic stems keep a letter that alternates or drops between forms
/// (забастовка → забастовк-, забастовок → забастовок), so their last letter is not compared.
pub fn loose_prefix(stem: &str) -> Option<&str> {
    let n = stem.chars().count();
    if n < 6 || !crate::entities::translit::is_cyrillic(stem) {
        return None;
    }
    stem.char_indices().nth(n - 1).and_then(|(i, _)| stem.get(..i))
}

/// Whether two stems are one word's: equal, or Cyrillic stems of which the longer starts with
/// the [`loose_prefix`] of the shorter and is at most one letter longer.
pub fn stems_meet(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    match loose_prefix(short) {
        Some(p) => long.starts_with(p) && long.chars().count() <= short.chars().count() + 1,
        None => false,
    }
}

/// The country terms of the words of a text that name a country without being a name of it
/// (adjectives and demonyms: "Russian", "українські").
pub fn country_word_terms(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    words(text).filter_map(|(i, w)| country_word(&w).map(|cc| (i, country_term(cc))))
}

/// The language of the paragraph that holds byte `at`, else the article's.
fn lang_at(analysis: &Analysis, at: usize, article: Option<Lang>) -> Option<Lang> {
    // Paragraphs are in text order: a binary search, not a scan per lookup (an article of
    // 100,000 paragraphs looks up each of them).
    let ps = &analysis.paragraph_languages;
    let k = ps.partition_point(|p| p.end <= at);
    ps.get(k).filter(|p| p.start <= at && at < p.end).and_then(|p| p.language).or(article)
}

/// The engine's part of an article's index entry.
pub fn index_text(article: &Article, analysis: &Analysis) -> SearchText {
    let lang = article.language;
    let text = &article.text;
    let title = article.title.as_deref().unwrap_or("");
    let terms =
        |t: &str, l: Option<Lang>| -> Vec<String> { word_terms(t, l).map(|(_, s)| s).collect() };
    let mut body: Vec<String> = vec![];
    let paragraphs: Vec<Span> = if analysis.paragraph_languages.is_empty() {
        vec![Span::new(0, text.len())]
    } else {
        analysis.paragraph_languages.iter().map(|p| Span::new(p.start, p.end)).collect()
    };
    for p in paragraphs {
        let Some(t) = p.text(text) else { continue };
        body.extend(terms(t, lang_at(analysis, p.start, lang)));
    }
    let clusters = &analysis.entities.clusters;
    let mut names: Vec<String> = analysis
        .entities
        .mentions
        .iter()
        .filter_map(|m| clusters.get(m.cluster)?.kb.as_deref()?.strip_prefix("country:"))
        .map(country_term)
        .collect();
    names.extend(country_word_terms(text).map(|(_, t)| t));
    let mut speakers: Vec<String> = vec![];
    for s in &analysis.statements.statements {
        if let Some(sp) = s.speaker.and_then(|sp| sp.text(text)) {
            speakers.extend(terms(sp, lang_at(analysis, s.cue.start, lang)));
            speakers.extend(country_word_terms(sp).map(|(_, t)| spk_country(&t)));
        }
        if let Some(label) = &s.speaker_label {
            speakers.extend(terms(label, lang));
        }
        let cluster = s.speaker_cluster.and_then(|c| clusters.get(c));
        if let Some(c) = cluster {
            if let Some(cc) = speaker_country(c) {
                speakers.push(speaker_country_term(&cc));
            }
        }
    }
    SearchText {
        title: terms(title, lang).join(" "),
        body: body.join(" "),
        names: names.join(" "),
        speakers: speakers.join(" "),
    }
}

/// `spkcc:xx` for a `cc:xx` term.
fn spk_country(country: &str) -> String {
    speaker_country_term(country.strip_prefix("cc:").unwrap_or(country))
}

/// The country a speaker's cluster stands for or belongs to: a country, its seat of power or
/// capital speaking as itself, or the country the article ties the speaker to.
pub fn speaker_country(c: &parallax_model::Cluster) -> Option<String> {
    if let Some(kb) = &c.kb {
        for prefix in ["country:", "seat:", "capital:"] {
            if let Some(code) = kb.strip_prefix(prefix) {
                return Some(code.to_string());
            }
        }
    }
    c.affiliation.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_is_indexed_by_stems_countries_and_speakers() {
        let body = "Российские дипломаты заявили, что санкции бесполезны.\n\nSanctions were \
                    discussed in the Ukrainian capital.";
        let doc = crate::process_body("t.txt", body);
        let t = index_text(&doc.article, &doc.analysis);
        let body_terms: Vec<&str> = t.body.split(' ').collect();
        assert!(body_terms.contains(&"санкц"), "{}", t.body);
        assert!(body_terms.contains(&"sanction"), "{}", t.body);
        assert!(!body_terms.contains(&"что"), "stop words are left out: {}", t.body);
        assert!(t.names.split(' ').any(|n| n == "cc:ru"), "{}", t.names);
        assert!(t.names.split(' ').any(|n| n == "cc:ua"), "{}", t.names);
        assert!(t.speakers.contains("дипломат"), "the speaker's words: {}", t.speakers);
        assert!(t.speakers.contains("spkcc:ru"), "the speaker's country: {}", t.speakers);
    }
}
