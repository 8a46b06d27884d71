//! Language identification, restricted to the supported set, and the language packs.
//!
//! # Why it is shaped so
//!
//! Parallax reads pages that mix languages (a Russian article quoting a Ukrainian statement, an
//! English page with a Spanish caption), so language is decided per paragraph, and the article's
//! language is a vote of its paragraphs weighted by their letters (when too few paragraphs are
//! settled, as on a page of short lines, the evidence of all of them is pooled instead: the
//! counts add up). Two facts shape the code:
//!
//! 1. **Ukrainian and Russian must never be confused**, and they share most of their alphabet. But
//!    each has letters the other lacks: і ї є ґ and the word-internal apostrophe (об'єкт) make up
//!    about 7 % of Ukrainian letters, ы э ъ ё about 2 % of Russian ones, and each set is all but
//!    absent from the other language. Treating letters as independent draws gives a log-likelihood
//!    ratio that is exact arithmetic rather than a trained model: one і is worth +4.9, one ы −3.8,
//!    and each ordinary letter −0.05 (a Ukrainian text of a hundred letters without a single і is
//!    itself strong evidence of Russian). Function words that only one of the two uses (що, від /
//!    что, от) add to it. Beyond a dozen words this ratio is decisive on its own.
//! 2. **Speed matters.** The whole per-document analysis must run at over a thousand documents a
//!    second on two cores. `lingua`'s n-gram models (Apache-2.0, bundled, no download) are the
//!    most accurate choice measured on short uk/ru phrases, but cost 100–400 µs per call, too much
//!    to spend on every paragraph. So a *fast pass* (`evidence.rs`) counts letters per script, the
//!    unique letters above, and function words of each language (from the [`packs`]), in one scan
//!    with one hash lookup per word. Only what the fast pass leaves unsure (a headline, a one-line
//!    paragraph, a text in an unsupported language) goes to the *slow pass* (`model.rs`), which
//!    runs lingua on at most a few hundred characters, restricted to the languages of the text's
//!    script, and combines its verdict with the fast evidence.
//!
//! A paragraph too short to speak for itself borrows the article's language when both are written
//! in the same script; a short line in the other script (a Latin-script name in a Cyrillic article)
//! keeps its own, low-confidence guess.
//!
//! Confidence is in [0, 1]: the posterior of the chosen language under the combined evidence,
//! lowered when the text mixes scripts (a paragraph half in Latin and half in Cyrillic letters is
//! not confidently in either language) and when it holds letters the chosen language does not
//! write (ř š in Czech, ў in Belarusian, ъ inside a Bulgarian word, і next to ы). So a text in an
//! unsupported language comes out as the closest supported one, usually with a low confidence;
//! callers that want "unknown" compare with [`MIN_CONFIDENCE`]. A close relative written with
//! the same letters (Bulgarian without ъ, Swedish without å) can still pass for Russian or German.

use parallax_model::{Lang, LangSpan, Script, Span};

pub mod concepts;
mod evidence;
mod model;
pub mod morph;
pub mod packs;
pub mod stem;

use evidence::{index, Evidence};

/// A language guess with a confidence in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess {
    pub lang: Lang,
    pub confidence: f32,
}

/// Below this confidence a guess is better treated as "language unknown".
pub const MIN_CONFIDENCE: f32 = 0.5;

/// Paragraphs with fewer letters than this borrow the article's language when their own
/// evidence is unsure.
const BORROW_MAX_LETTERS: u32 = 80;

/// A borrowed language is held with this share of the article's confidence.
const BORROWED_SHARE: f32 = 0.8;

/// Log-likelihood ratio (Ukrainian over Russian) of one Ukrainian-only letter, one Russian-only
/// letter, and one letter of neither set. Rates: і ї є ґ ' ≈ 7 % of Ukrainian letters, ы э ъ ё ≈
/// 2.2 % of Russian letters, either set ≈ 0.05 % of the other language (names, quotations).
const UK_LETTER: f64 = 4.94; // ln(0.07 / 0.0005)
const RU_LETTER: f64 = -3.78; // ln(0.0005 / 0.022)
const COMMON_LETTER: f64 = -0.0504; // ln((1 - 0.0705) / (1 - 0.0225))
/// Log-likelihood ratio of one function or marker word that only one of the two languages uses
/// (the other writes it only when quoting, about as rarely as its unique letters).
const UK_RU_WORD: f64 = 2.5;

/// The fast pass settles a uk/ru decision at this log-likelihood ratio (odds of 100 to 1).
const SURE_LLR: f64 = 4.6;

/// The fast pass settles a Latin-script decision when the best language leads the next by this
/// many function words, has at least this many, and they are at least this share of all words.
const SURE_WORD_LEAD: f32 = 3.0;
const SURE_WORD_MIN: f32 = 3.0;
const SURE_WORD_SHARE: f32 = 0.1;
/// Weight of one marking letter (ß, ñ, ł...) relative to one function word.
const MARK_WEIGHT: f32 = 0.5;

/// Confidence lost per share of letters that the chosen language does not write.
const ALIEN_WEIGHT: f64 = 10.0;

/// Below this share of letters in the dominant script, confidence is scaled down.
const PURE_SCRIPT_SHARE: f64 = 0.75;

/// What the fast pass made of a text.
#[derive(Debug, Clone, Copy)]
enum Fast {
    /// No letters of a supported script (or just one).
    NoText,
    Sure(Guess),
    /// Evidence that needs the slow pass.
    Unsure(Script),
}

fn script_of(ev: &Evidence) -> Script {
    if ev.cyrillic >= ev.latin {
        Script::Cyrillic
    } else {
        Script::Latin
    }
}

/// How much to trust a decision made in one script when other letters are present too.
fn purity(ev: &Evidence) -> f64 {
    let all = f64::from(ev.letters() + ev.other);
    let main = f64::from(ev.latin.max(ev.cyrillic));
    if all == 0.0 {
        return 0.0;
    }
    (main / all / PURE_SCRIPT_SHARE).min(1.0)
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The letter and word log-likelihood ratio of Ukrainian over Russian.
///
/// With `absence`, letters of neither set count too (each is weak evidence of Russian, whose
/// unique letters are rarer). The slow pass leaves them out: lingua's n-grams already see which
/// letters a text lacks, and counting that twice would overrule it on short texts.
fn uk_ru_llr(ev: &Evidence, absence: bool) -> f64 {
    let unique = ev.uk_letters + ev.ru_letters;
    let common = if absence { ev.cyrillic.saturating_sub(unique) } else { 0 };
    let words = f64::from(ev.words[index(Lang::Uk)] - ev.words[index(Lang::Ru)]);
    UK_LETTER * f64::from(ev.uk_letters)
        + RU_LETTER * f64::from(ev.ru_letters)
        + COMMON_LETTER * f64::from(common)
        + UK_RU_WORD * words
}

/// How much a guess survives letters that its language does not write: those of no supported
/// language, and, between Ukrainian and Russian, the minority side's unique letters when both
/// sides are present (Belarusian has і and ы). One in ten letters so marked leaves nothing.
fn alphabet_fit(ev: &Evidence) -> f64 {
    let conflict = if ev.cyrillic >= ev.latin { ev.uk_letters.min(ev.ru_letters) } else { 0 };
    let letters = f64::from(ev.letters().max(1));
    (1.0 - ALIEN_WEIGHT * f64::from(ev.alien + conflict) / letters).max(0.0)
}

fn guess(lang: Lang, p: f64, ev: &Evidence) -> Guess {
    let confidence = (p * purity(ev) * alphabet_fit(ev)).clamp(0.0, 1.0) as f32;
    Guess { lang, confidence }
}

fn latin_langs() -> impl Iterator<Item = Lang> {
    Lang::ALL.into_iter().filter(|l| l.script() == Script::Latin)
}

/// Function-word (and marking-letter) score of each Latin-script language.
fn latin_scores(ev: &Evidence) -> [f32; 10] {
    let mut s = [f32::NEG_INFINITY; 10];
    for l in latin_langs() {
        s[index(l)] = ev.words[index(l)] + MARK_WEIGHT * ev.marks[index(l)];
    }
    s
}

/// Softmax over log-scores, returning the best language and its probability.
fn best_of(log_scores: &[f64; 10]) -> (Lang, f64) {
    let (best, top) = Lang::ALL
        .into_iter()
        .map(|l| (l, log_scores[index(l)]))
        .fold((Lang::En, f64::NEG_INFINITY), |a, b| if b.1 > a.1 { b } else { a });
    let total: f64 = log_scores.iter().filter(|s| s.is_finite()).map(|s| (s - top).exp()).sum();
    (best, if total > 0.0 { 1.0 / total } else { 0.0 })
}

fn fast(ev: &Evidence) -> Fast {
    if ev.letters() < 2 {
        return Fast::NoText;
    }
    match script_of(ev) {
        Script::Cyrillic => {
            let llr = uk_ru_llr(ev, true);
            if llr.abs() >= SURE_LLR {
                let lang = if llr > 0.0 { Lang::Uk } else { Lang::Ru };
                Fast::Sure(guess(lang, sigmoid(llr.abs()), ev))
            } else {
                Fast::Unsure(Script::Cyrillic)
            }
        }
        Script::Latin => {
            let s = latin_scores(ev);
            let mut ranked: Vec<(Lang, f32)> = latin_langs().map(|l| (l, s[index(l)])).collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
            let (first, second) = (ranked[0], ranked[1]);
            let sure = first.1 >= SURE_WORD_MIN
                && first.1 - second.1 >= SURE_WORD_LEAD
                && first.1 >= SURE_WORD_SHARE * ev.tokens as f32;
            if sure {
                let (lang, p) = best_of(&s.map(f64::from));
                Fast::Sure(guess(lang, p, ev))
            } else {
                Fast::Unsure(Script::Latin)
            }
        }
    }
}

/// The slow pass: lingua on `text`, combined with the fast evidence `ev`.
fn slow(ev: &Evidence, script: Script, text: &str) -> Guess {
    let lingua = model::confidences(text, script);
    match script {
        Script::Cyrillic => {
            let (uk, ru) = (lingua[index(Lang::Uk)], lingua[index(Lang::Ru)]);
            let p_uk = if uk + ru > 0.0 { (uk / (uk + ru)).clamp(1e-3, 1.0 - 1e-3) } else { 0.5 };
            let llr = uk_ru_llr(ev, false) + (p_uk / (1.0 - p_uk)).ln();
            let lang = if llr >= 0.0 { Lang::Uk } else { Lang::Ru };
            guess(lang, sigmoid(llr.abs()), ev)
        }
        Script::Latin => {
            let s = latin_scores(ev);
            let mut log = [f64::NEG_INFINITY; 10];
            for l in latin_langs() {
                let i = index(l);
                log[i] = lingua[i].max(1e-4).ln() + f64::from(s[i]);
            }
            let (lang, p) = best_of(&log);
            guess(lang, p, ev)
        }
    }
}

fn decide(ev: &Evidence, text: &str) -> Option<Guess> {
    match fast(ev) {
        Fast::NoText => None,
        Fast::Sure(g) => Some(g),
        Fast::Unsure(script) => Some(slow(ev, script, text)),
    }
}

/// The article's language as a vote of the paragraphs the fast pass settled, each weighted by its
/// letters; `None` when those hold less than half of the article's letters. The confidence is the
/// voters' mean confidence, lowered when the winner holds less than half of the settled letters
/// (a page with as much quoted Ukrainian and Russian as English text is not firmly English).
fn vote(evs: &[Evidence], fasts: &[Fast]) -> Option<Option<Guess>> {
    let mut weight = [0.0f64; 10];
    let mut sure = [0.0f64; 10];
    let (mut total, mut decided) = (0.0, 0.0);
    for (ev, f) in evs.iter().zip(fasts) {
        let letters = f64::from(ev.letters() + ev.other);
        total += letters;
        if let Fast::Sure(g) = f {
            weight[index(g.lang)] += letters;
            sure[index(g.lang)] += letters * f64::from(g.confidence);
            decided += letters;
        }
    }
    if decided == 0.0 || decided * 2.0 < total {
        return None;
    }
    let top =
        Lang::ALL.into_iter().max_by(|a, b| weight[index(*a)].total_cmp(&weight[index(*b)]))?;
    let (w, c) = (weight[index(top)], sure[index(top)]);
    let share = w / decided;
    let confidence = (c / w * (share / 0.5).min(1.0)).clamp(0.0, 1.0) as f32;
    Some(Some(Guess { lang: top, confidence }))
}

/// The article's language from all its evidence pooled, when too little of it was settled
/// paragraph by paragraph (a page of short lines): the slow pass runs on the paragraph that says
/// the most in the article's script.
fn pooled(evs: &[Evidence], pieces: &[&str], text: &str) -> Option<Guess> {
    let mut total = Evidence::default();
    for ev in evs {
        total += *ev;
    }
    match fast(&total) {
        Fast::NoText => None,
        Fast::Sure(g) => Some(g),
        Fast::Unsure(script) => {
            let letters = |ev: &Evidence| match script {
                Script::Cyrillic => ev.cyrillic,
                Script::Latin => ev.latin,
            };
            let richest =
                (0..evs.len()).max_by_key(|&i| evs.get(i).map_or(0, letters)).unwrap_or(0);
            Some(slow(&total, script, pieces.get(richest).copied().unwrap_or(text)))
        }
    }
}

/// The language of `text`, or `None` when it has (almost) no letters of a supported script.
pub fn identify(text: &str) -> Option<Guess> {
    decide(&evidence::scan(text), text)
}

/// The language of an article whose paragraphs are `paragraphs` (spans of `text`; the whole text
/// when empty): a vote of its paragraphs weighted by their length.
pub fn article_language(text: &str, paragraphs: &[Span]) -> Option<Guess> {
    identify_article(text, paragraphs).0
}

/// The language of each span of `text` (its paragraphs).
pub fn identify_spans(text: &str, spans: &[Span]) -> Vec<LangSpan> {
    identify_article(text, spans).1
}

/// Both at once, for one pass over the text: the article's language (as [`article_language`])
/// and each paragraph's (as [`identify_spans`]).
pub fn identify_article(text: &str, paragraphs: &[Span]) -> (Option<Guess>, Vec<LangSpan>) {
    let whole = [Span::new(0, text.len())];
    let spans = if paragraphs.is_empty() { &whole[..] } else { paragraphs };
    let pieces: Vec<&str> = spans.iter().map(|s| s.text(text).unwrap_or("")).collect();
    let evs: Vec<Evidence> = pieces.iter().map(|p| evidence::scan(p)).collect();
    let fasts: Vec<Fast> = evs.iter().map(fast).collect();
    let article = vote(&evs, &fasts).unwrap_or_else(|| pooled(&evs, &pieces, text));
    let langs = spans
        .iter()
        .zip(&evs)
        .zip(&pieces)
        .zip(&fasts)
        .map(|(((span, ev), piece), f)| {
            let g = match *f {
                Fast::NoText => None,
                Fast::Sure(g) => Some(g),
                Fast::Unsure(script) => match article {
                    Some(a) if a.lang.script() == script && ev.letters() < BORROW_MAX_LETTERS => {
                        Some(Guess { lang: a.lang, confidence: a.confidence * BORROWED_SHARE })
                    }
                    _ => Some(slow(ev, script, piece)),
                },
            };
            LangSpan {
                start: span.start,
                end: span.end,
                language: g.map(|g| g.lang),
                confidence: g.map_or(0.0, |g| g.confidence),
            }
        })
        .collect();
    (article, langs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(text: &str) -> Option<Lang> {
        identify(text).map(|g| g.lang)
    }

    #[test]
    fn no_letters_no_guess() {
        assert_eq!(identify(""), None);
        assert_eq!(identify("2025-10-31 12:00 — 15 %"), None);
        assert_eq!(identify("x"), None);
        assert_eq!(identify("北京欢迎你"), None, "no letter of a supported script");
    }

    #[test]
    fn unique_letters_separate_ukrainian_from_russian() {
        assert_eq!(lang("Він сказав, що переговори відновляться."), Some(Lang::Uk));
        assert_eq!(lang("Он сказал, что переговоры возобновятся."), Some(Lang::Ru));
        assert_eq!(lang("Об'єкт"), Some(Lang::Uk));
        assert_eq!(lang("Объект"), Some(Lang::Ru));
    }

    #[test]
    fn confidence_is_a_probability_and_drops_for_mixed_scripts() {
        let pure =
            identify("Міністр заявив, що переговори з партнерами відновляться наступного тижня.")
                .unwrap();
        assert!(pure.confidence > 0.99 && pure.confidence <= 1.0, "{pure:?}");
        let mixed = identify("Міністр заявив, що переговори the talks would resume soon").unwrap();
        assert!(mixed.confidence < pure.confidence, "{mixed:?}");
    }

    #[test]
    fn short_paragraphs_borrow_the_article_language_in_their_script() {
        let paras = [
            "Міністр заявив, що переговори з європейськими партнерами відновляться наступного тижня.",
            "Москва",
            "Reuters",
        ];
        let text = paras.join("\n\n");
        let mut spans = vec![];
        let mut at = 0;
        for p in paras {
            spans.push(Span::new(at, at + p.len()));
            at += p.len() + 2;
        }
        let (article, langs) = identify_article(&text, &spans);
        assert_eq!(article.map(|g| g.lang), Some(Lang::Uk));
        assert_eq!(langs[0].language, Some(Lang::Uk));
        assert_eq!(langs[1].language, Some(Lang::Uk), "borrowed: {:?}", langs[1]);
        assert!(langs[1].confidence < langs[0].confidence);
        assert_eq!(langs[2].language.map(|l| l.script()), Some(Script::Latin), "{:?}", langs[2]);
    }
}
