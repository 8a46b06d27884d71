//! The labels an article puts on a named entity, for "how do the outlets describe X".
//!
//! A label is a noun phrase standing right next to a mention of the entity:
//!
//! - **before** it: "пакистанской христианки Асии Биби", "Мать пятерых детей Асия Биби",
//!   "Venezuelan dictator Nicolás Moreno" — the word just before the name is a noun for a person
//!   (an office title of the knowledge base, or a person noun of the lexicon), and the phrase
//!   runs left over adjectives (country adjectives, adjective endings) and over the genitive
//!   words after its head ("мать пятерых детей");
//! - **after** it, set off by a comma or a dash: "Асия Биби, христианка из Пакистана,",
//!   "Moreno — the Venezuelan leader —";
//! - and the descriptors the entity stage attached to the mention, when they touch it.
//!
//! Each label is a span of the text, cited with its sentence.

use crate::lang::concepts::lexicon;
use crate::lang::{morph, packs, stem};
use crate::stories::features::words;
use parallax_model::{EntityId, Lang, Span, StoredArticle};

/// A label of an entity in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub span: Span,
    pub gloss: Option<String>,
    pub evaluative: bool,
}

/// The most words a label before a name takes.
const BEFORE: usize = 5;
/// The most words a label after a name (between commas or dashes) takes.
const AFTER: usize = 8;

/// Whether a lower-case word is a noun for a person: an office title, or a word of a concept of
/// the lexicon whose English word is a noun for a person (христианка → Christian, мать →
/// mother), and whether it is written as its dictionary form (the nominative).
fn person_noun(lower: &str, lang: Option<Lang>) -> Option<bool> {
    if let Some(t) = crate::kb::title(lower, lang) {
        return Some(crate::text::fold_name(t.lemma) == crate::text::fold_name(lower));
    }
    let l = stem::word_lang(lower, lang);
    if !crate::search::is_term_word(lower, l) {
        return None;
    }
    let s = stem::stem(lower, l);
    let lx = lexicon();
    let found = lx.at(&[s], 0, Some(l));
    let person = found.iter().any(|f| {
        let c = &lx.concepts[f.concept];
        // "gather" is no gatherer: verbs are no people.
        !c.is_verb()
            && c.forms
                .iter()
                .any(|form| form.lang == Lang::En && morph::english_person_noun(form.text))
    });
    person.then(|| {
        found.iter().any(|f| lx.concepts[f.concept].forms.iter().any(|form| form.text == lower))
    })
}

/// Whether a lower-case word can modify a noun before it: a country adjective, a Slavic word
/// with an adjective ending, a number, or in Latin script any word that is no function word.
fn modifier(lower: &str, lang: Option<Lang>) -> bool {
    if crate::stories::features::country_word(lower).is_some()
        || lower.chars().all(|c| c.is_ascii_digit())
    {
        return true;
    }
    let l = stem::word_lang(lower, lang);
    if packs::pack(l).function_words.contains(&lower) {
        return false;
    }
    if crate::entities::translit::is_cyrillic(lower) {
        morph::adjective_ending(lower, l)
    } else {
        true
    }
}

/// The words of a text with their byte ranges (relative to the text) and their lower case.
fn spans(text: &str) -> Vec<(usize, usize, String)> {
    words(text)
        .map(|(at, w)| {
            let n = w.chars().count();
            let rest = text.get(at..).unwrap_or("");
            let len = rest.char_indices().nth(n).map_or(rest.len(), |(i, _)| i);
            (at, at + len, w)
        })
        .collect()
}

/// The labels of the entity `ids` in an article. `base` is the name's base form in the corpus
/// (the nominative), which tells the case of each mention.
pub fn labels(a: &StoredArticle, ids: &[EntityId], base: Option<&str>) -> Vec<Label> {
    let text = &a.article.text;
    let an = &a.analysis;
    let lang = a.article.language;
    let mut out: Vec<Label> = vec![];
    let mut push = |l: Label| {
        if !out.iter().any(|x| x.span == l.span) && l.span.start < l.span.end {
            out.push(l);
        }
    };
    for m in &an.entities.mentions {
        let Some(c) = an.entities.clusters.get(m.cluster) else { continue };
        if !c.entity.as_ref().is_some_and(|e| ids.contains(e)) {
            continue;
        }
        let Some(i) = super::answer::sentence_index(&an.sentences, m.start) else { continue };
        let sent = an.sentences[i];
        // Before the name.
        if let Some(before) = text.get(sent.start..m.start) {
            let ws = spans(before);
            let glued = ws
                .last()
                .is_some_and(|(_, end, _)| sub(before, *end, before.len()).trim().is_empty());
            // A label agrees with the name in case: a nominative noun before a name in another
            // case governs it ("муж Асии Биби" is her husband, not her label).
            let surface = text.get(m.start..m.end).unwrap_or("");
            let name_nominative = !match base {
                Some(b) => super::question::differs(surface, b),
                None => super::question::declined_name(surface, a, m),
            };
            let agrees = |w: &str| {
                person_noun(w, lang).is_some_and(|nom| {
                    !crate::entities::translit::is_cyrillic(w) || nom == name_nominative
                })
            };
            if glued {
                let mut k = ws.len() - 1;
                if agrees(&ws[k].2) && !is_capitalised_name(before, &ws[k]) {
                    let head = k;
                    // Left over modifiers, and a head's own genitive words to its right are
                    // already inside; stop at punctuation between words.
                    while k > 0 && head - (k - 1) < BEFORE {
                        let (_, prev_end, ref w) = ws[k - 1];
                        let gap = sub(before, prev_end, ws[k].0);
                        if !gap.trim().is_empty() || !modifier(w, lang) {
                            break;
                        }
                        k -= 1;
                    }
                    push(Label {
                        span: Span::new(sent.start + ws[k].0, sent.start + ws[head].1),
                        gloss: crate::kb::title(&ws[head].2, lang).map(|t| t.gloss.to_string()),
                        evaluative: crate::kb::title(&ws[head].2, lang)
                            .is_some_and(|t| t.evaluative),
                    });
                } else if ws.len() >= 2 {
                    // "Мать пятерых детей Асия Биби": a person noun followed by its genitive
                    // words, at the start of the sentence or after punctuation.
                    let mut h = ws.len() - 1;
                    let mut steps = 0;
                    while h > 0 && steps < 3 && person_noun(&ws[h].2, lang).is_none() {
                        let gap = sub(before, ws[h - 1].1, ws[h].0);
                        if !gap.trim().is_empty() {
                            break;
                        }
                        h -= 1;
                        steps += 1;
                    }
                    let starts_phrase =
                        h == 0 || !sub(before, ws[h - 1].1, ws[h].0).trim().is_empty();
                    // Only genitive words between the noun and the name, no verb ("Суд признал").
                    let verb_between = ws[h + 1..]
                        .iter()
                        .any(|(_, _, w)| morph::verb_ending(w, stem::word_lang(w, lang)));
                    let starts_phrase = starts_phrase && !verb_between;
                    if agrees(&ws[h].2) && starts_phrase && h < ws.len() - 1 {
                        push(Label {
                            span: Span::new(sent.start + ws[h].0, sent.start + ws[ws.len() - 1].1),
                            gloss: None,
                            evaluative: false,
                        });
                    }
                }
            }
        }
        // After the name, set off by a comma or a dash.
        if let Some(after) = text.get(m.end..sent.end) {
            let trimmed = after.trim_start();
            let lead = after.len() - trimmed.len();
            let mark = [",", "—", "–", " - "]
                .iter()
                .find(|p| trimmed.starts_with(**p) || after.starts_with(**p));
            if let Some(mark) = mark {
                let start = m.end + lead + mark.trim().len();
                let rest = sub(text, start, sent.end);
                let stop =
                    rest.find([',', ';', '—', '–', '(', ')', '.', ':']).unwrap_or(rest.len());
                let phrase = sub(rest, 0, stop);
                let ws = spans(phrase);
                let first_noun =
                    ws.iter().take(3).position(|(_, _, w)| person_noun(w, lang).is_some());
                if let (Some(_), true) = (first_noun, !ws.is_empty() && ws.len() <= AFTER) {
                    let lower_start =
                        phrase.trim_start().chars().next().is_some_and(|c| !c.is_uppercase());
                    if lower_start {
                        let (s0, e0) = (ws[0].0, ws[ws.len() - 1].1);
                        push(Label {
                            span: Span::new(start + s0, start + e0),
                            gloss: None,
                            evaluative: false,
                        });
                    }
                }
            }
        }
    }
    // Descriptors the entity stage attached, when they touch a mention of the entity.
    for d in &an.entities.descriptors {
        let Some(c) = an.entities.clusters.get(d.cluster) else { continue };
        if !c.entity.as_ref().is_some_and(|e| ids.contains(e)) {
            continue;
        }
        let touching = an.entities.mentions.iter().find(|m| {
            m.cluster == d.cluster
                && (m.start >= d.end && m.start - d.end <= 2
                    || d.start >= m.end && d.start - m.end <= 3)
        });
        let touches = touching.is_some();
        let last = text.get(d.start..d.end).and_then(|t| t.split_whitespace().last()).unwrap_or("");
        let agreeing = !crate::entities::translit::is_cyrillic(last) || {
            let nominative = touching.is_some_and(|m| {
                let surface = text.get(m.start..m.end).unwrap_or("");
                !base.map_or_else(
                    || super::question::declined_name(surface, a, m),
                    |b| super::question::differs(surface, b),
                )
            });
            let label_nominative = crate::kb::title(&d.head, lang)
                .is_some_and(|t| crate::text::fold_name(t.lemma) == crate::text::fold_name(last));
            nominative == label_nominative
        };
        if touches && agreeing {
            push(Label {
                span: Span::new(d.start, d.end),
                gloss: d.gloss.clone(),
                evaluative: d.evaluative,
            });
        }
    }
    out
}

/// Whether the word before a name is itself capitalised inside the sentence (part of another
/// name, not a label).
fn is_capitalised_name(before: &str, w: &(usize, usize, String)) -> bool {
    let at_start = sub(before, 0, w.0).trim().is_empty();
    !at_start && sub(before, w.0, before.len()).chars().next().is_some_and(char::is_uppercase)
}

/// `s[a..b]`, or "" when that is no range of `s` at character boundaries.
fn sub(s: &str, a: usize, b: usize) -> &str {
    s.get(a..b).unwrap_or("")
}
