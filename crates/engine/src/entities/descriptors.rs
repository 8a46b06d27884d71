//! Descriptors: the labels an article attaches to a named person, and the country they tie the
//! person to.
//!
//! How an outlet names someone is news in itself: "Chilean President Ana Soto",
//! "Chilean strongman Ana Soto", "чилійського диктатора Ани Сото". Three forms:
//!
//! - **premodifiers**: a title phrase right before the name, read backwards from the name over
//!   title words ([`kb::title`]), country adjectives, names and seats of power ("Kremlin"),
//!   modifiers ("former", "колишній", "deputy"), capitalised words inside an English title
//!   ("Transport Minister") and, after a Slavic title, its genitive complement ("міністр
//!   транспорту Венесуели", "посол США у Венесуелі");
//! - **appositions**: ", the Kremlin spokesman," after the name;
//! - **definite descriptions** that refer back to a person already named: "The Venezuelan ruler",
//!   "Venezuela's president", "глава Білого дому". They resolve to the most recent person tied to
//!   the same country, and only when there is one.
//!
//! A descriptor's country is the first country named after its head ("посол США у Венесуелі" →
//! United States), else the nearest before it ("Russian Deputy Foreign Minister" → Russia). A
//! person's affiliation is the country most of their descriptors name.

use super::translit::is_cyrillic;
use crate::kb::{self, KbRef, Title};
use parallax_model::{Descriptor, DescriptorForm, DocEntities, EntityType, Lang, Span};
use std::collections::HashMap;

/// One word of a sentence and what it can be in a title phrase.
#[derive(Debug, Clone)]
struct Word<'a> {
    span: Span,
    text: &'a str,
    role: Role,
    /// The entity mention the word belongs to, if any.
    mention: Option<usize>,
}

#[derive(Debug, Clone)]
enum Role {
    Title(&'static Title),
    Country(String),
    Modifier,
    Article,
    Prep,
    Capitalised,
    Other,
    Punct(char),
}

const MODIFIERS: &[&str] = &[
    "former",
    "ex",
    "deputy",
    "acting",
    "first",
    "vice",
    "senior",
    "chief",
    "then",
    "outgoing",
    "incoming",
    "late",
    "interim",
    "колишній",
    "колишня",
    "колишнього",
    "колишньої",
    "колишньому",
    "екс",
    "перший",
    "першого",
    "тодішній",
    "в.о.",
    "бывший",
    "бывшего",
    "бывшая",
    "экс",
    "первый",
    "первого",
    "тогдашний",
    "временно",
    "exministro",
    "ex",
    "antiguo",
    "antigua",
    "ehemalige",
    "ehemaliger",
    "ehemaligen",
    "frühere",
    "früherer",
    "stellvertretende",
    "stellvertretender",
    "ancien",
    "ancienne",
    "były",
    "była",
    "byłego",
];

const PREPS: &[&str] = &[
    "у", "в", "во", "при", "in", "of", "for", "at", "to", "en", "de", "del", "in", "im", "für",
    "w", "we",
];

const ARTICLES: &[&str] =
    &["the", "a", "an", "el", "la", "los", "las", "der", "die", "das", "le", "la", "les"];

fn classify(word: &str, lang: Option<Lang>) -> Role {
    let lower = word.to_lowercase();
    if ARTICLES.contains(&lower.as_str()) {
        return Role::Article;
    }
    if MODIFIERS.contains(&lower.trim_end_matches('-')) {
        return Role::Modifier;
    }
    if PREPS.contains(&lower.as_str()) {
        return Role::Prep;
    }
    if let Some(code) = country_of(word) {
        return Role::Country(code);
    }
    if let Some(t) = kb::title(word, lang) {
        return Role::Title(t);
    }
    if word.chars().next().is_some_and(char::is_uppercase) && !is_cyrillic(word) {
        return Role::Capitalised;
    }
    Role::Other
}

/// The country a word or phrase names as an adjective, a name, an abbreviation, a capital or a
/// seat of power ("Russian", "Russia's", "США", "венесуельського", "Кремля", "Foreign Ministry").
fn country_of(phrase: &str) -> Option<String> {
    let base = phrase.strip_suffix("'s").or_else(|| phrase.strip_suffix("’s")).unwrap_or(phrase);
    kb::lookup(base)
        .into_iter()
        .filter(|n| !n.ambiguous || base.chars().next().is_some_and(char::is_uppercase))
        .find_map(|n| match n.target {
            KbRef::Country(code) => Some(code.to_string()),
            r @ KbRef::Body(_) => kb::affiliation_of(r).map(str::to_string),
            _ => None,
        })
}

/// Finds the descriptors of an article's person mentions and sets the clusters' affiliations.
pub fn attach(text: &str, sentences: &[Span], lang: Option<Lang>, ents: &mut DocEntities) {
    // Only sentences that name a person can hold labels of one, or refer back to one named before.
    let first_person =
        ents.mentions.iter().filter(|m| m.kind == EntityType::Person).map(|m| m.start).min();
    let Some(first_person) = first_person else { return };
    let mut found: Vec<Descriptor> = vec![];
    let mut analysed: Vec<Vec<Word<'_>>> = Vec::new();
    // Words repeat within an article; each is classified once (the lookups are the cost).
    let mut roles: HashMap<&str, Role> = HashMap::new();
    for s in sentences.iter().filter(|s| s.end > first_person) {
        let words = sentence_words(text, *s, lang, ents, &mut roles);
        premodifiers_and_appositions(&words, ents, &mut found);
        analysed.push(words);
    }
    // Affiliations from the labels so far, then definite descriptions that need them.
    set_affiliations(ents, &found);
    let known = found.clone();
    for words in &analysed {
        definites(words, ents, &known, &mut found);
    }
    found.sort_by_key(|d| (d.start, d.end));
    found.dedup_by_key(|d| (d.start, d.end, d.cluster));
    ents.descriptors = found;
}

fn sentence_words<'a>(
    text: &'a str,
    s: Span,
    lang: Option<Lang>,
    ents: &DocEntities,
    roles: &mut HashMap<&'a str, Role>,
) -> Vec<Word<'a>> {
    let Some(sentence) = s.text(text) else { return vec![] };
    let mut out = vec![];
    let mut start: Option<usize> = None;
    let mut push_word = |a: usize, b: usize, out: &mut Vec<Word<'a>>| {
        let span = Span::new(s.start + a, s.start + b);
        let t = span.text(text).unwrap_or("");
        let mention = ents.mentions.iter().position(|m| m.start <= span.start && span.end <= m.end);
        let mut classify = |t: &'a str| roles.entry(t).or_insert_with(|| classify(t, lang)).clone();
        // A word of a named country, seat or body keeps its country role inside a mention
        // ("Kremlin spokesman", "White House spokeswoman"); other named words are opaque.
        let role = match mention {
            None => classify(t),
            Some(m) if !is_person_mention(ents, m) => match classify(t) {
                r @ Role::Country(_) => r,
                _ => Role::Other,
            },
            Some(_) => Role::Other,
        };
        out.push(Word { span, text: t, role, mention });
    };
    for (i, c) in sentence.char_indices() {
        let inside =
            c.is_alphanumeric() || (start.is_some() && matches!(c, '-' | '\'' | '’' | '.'));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                push_word(a, i, &mut out);
                start = None;
            }
            _ => {}
        }
        if !inside && !c.is_whitespace() {
            out.push(Word {
                span: Span::new(s.start + i, s.start + i + c.len_utf8()),
                text: "",
                role: Role::Punct(c),
                mention: None,
            });
        }
    }
    if let Some(a) = start {
        push_word(a, sentence.len(), &mut out);
    }
    // Countries, seats and national bodies named in two or three words ("White House", "Білого
    // дому", "Foreign Ministry").
    for n in [3, 2] {
        let mut i = 0;
        while i + n <= out.len() {
            let window = &out[i..i + n];
            // Multi-word names of countries, seats and bodies start with a capital.
            let capital = window[0].text.chars().next().is_some_and(char::is_uppercase);
            let plain = capital
                && window.iter().all(|w| {
                    w.mention.is_none() && !matches!(w.role, Role::Punct(_) | Role::Country(_))
                });
            let phrase = text.get(window[0].span.start..window[n - 1].span.end).unwrap_or("");
            if plain {
                if let Some(code) = country_of(phrase) {
                    for w in &mut out[i..i + n] {
                        w.role = Role::Country(code.clone());
                    }
                    i += n;
                    continue;
                }
            }
            i += 1;
        }
    }
    // A trailing abbreviation dot belongs to the word only for short forms ("U.S."); a sentence's
    // final dot must not glue to its last word.
    for w in &mut out {
        if w.text.ends_with('.')
            && w.text.chars().filter(|c| *c == '.').count() == 1
            && w.text.chars().count() > 3
        {
            w.span = Span::new(w.span.start, w.span.end - 1);
            w.text = w.text.get(..w.text.len() - 1).unwrap_or(w.text);
        }
    }
    out
}

fn is_person_mention(ents: &DocEntities, m: usize) -> bool {
    ents.mentions.get(m).is_some_and(|m| m.kind == EntityType::Person)
}

/// The first word index of each person mention in the sentence.
fn mention_starts(words: &[Word<'_>], ents: &DocEntities) -> Vec<(usize, usize)> {
    let mut out = vec![];
    for (i, w) in words.iter().enumerate() {
        if let Some(m) = w.mention {
            if (i == 0 || words[i - 1].mention != Some(m)) && is_person_mention(ents, m) {
                out.push((i, m));
            }
        }
    }
    out
}

fn premodifiers_and_appositions(
    words: &[Word<'_>],
    ents: &DocEntities,
    found: &mut Vec<Descriptor>,
) {
    for (first, m) in mention_starts(words, ents) {
        let cluster = ents.mentions[m].cluster;
        if let Some(range) = premodifier(words, first) {
            found.extend(describe(words, range, cluster, DescriptorForm::Premodifier));
        }
        let last = (first..words.len())
            .take_while(|&i| words[i].mention == Some(m))
            .last()
            .unwrap_or(first);
        if let Some(range) = apposition(words, last + 1) {
            found.extend(describe(words, range, cluster, DescriptorForm::Apposition));
        }
    }
}

/// The title phrase ending right before word `name`: `[start, end)` word indices.
fn premodifier(words: &[Word<'_>], name: usize) -> Option<(usize, usize)> {
    let mut start = name;
    let mut seen_title = false;
    let mut complement_budget = 3;
    let mut i = name;
    while i > 0 {
        let w = &words[i - 1];
        if w.mention.is_some() && !matches!(w.role, Role::Country(_)) {
            // Another entity inside the phrase is a complement only before the title is reached
            // ("посол США у Венесуелі" has countries; a person is not part of a title).
            break;
        }
        let accept = match &w.role {
            Role::Title(_) => {
                seen_title = true;
                true
            }
            Role::Country(_) | Role::Modifier => true,
            Role::Capitalised => {
                seen_title || words.get(i).is_some_and(|n| matches!(n.role, Role::Title(_)))
            }
            Role::Prep => {
                !seen_title && words.get(i).is_some_and(|n| matches!(n.role, Role::Country(_)))
            }
            Role::Other => {
                let ok = !seen_title
                    && complement_budget > 0
                    && !w.text.chars().next().is_some_and(char::is_uppercase);
                complement_budget -= 1;
                ok
            }
            Role::Punct('-') => false,
            _ => false,
        };
        if !accept {
            break;
        }
        start = i - 1;
        i -= 1;
    }
    if !seen_title {
        return None;
    }
    // Leading words that are not part of a title phrase.
    while start < name && matches!(words[start].role, Role::Prep | Role::Other | Role::Capitalised)
    {
        start += 1;
    }
    (start < name && words[start..name].iter().any(|w| matches!(w.role, Role::Title(_))))
        .then_some((start, name))
}

/// ", the Kremlin spokesman," after a name: `[start, end)` word indices.
fn apposition(words: &[Word<'_>], after: usize) -> Option<(usize, usize)> {
    if !matches!(words.get(after)?.role, Role::Punct(',')) {
        return None;
    }
    let mut start = after + 1;
    while words.get(start).is_some_and(|w| matches!(w.role, Role::Article)) {
        start += 1;
    }
    let mut end = start;
    while let Some(w) = words.get(end) {
        if matches!(w.role, Role::Punct(_)) || w.mention.is_some_and(|_| end > start + 6) {
            break;
        }
        end += 1;
        if end - start > 9 {
            return None;
        }
    }
    let closes = words
        .get(end)
        .is_none_or(|w| matches!(w.role, Role::Punct(',' | '.' | ')' | '—' | '–' | ';')));
    let has_title = words[start..end].iter().any(|w| matches!(w.role, Role::Title(_)));
    let title_first = words.get(start).is_some_and(|w| {
        matches!(w.role, Role::Title(_) | Role::Country(_) | Role::Modifier | Role::Capitalised)
    });
    (closes && has_title && title_first && end > start).then_some((start, end))
}

/// A descriptor over words `[start, end)` for `cluster`.
fn describe(
    words: &[Word<'_>],
    (start, end): (usize, usize),
    cluster: usize,
    form: DescriptorForm,
) -> Option<Descriptor> {
    let phrase = &words[start..end];
    let head_at = phrase.iter().rposition(|w| matches!(w.role, Role::Title(_)))?;
    let Role::Title(head) = phrase[head_at].role else { return None };
    let countries = |ws: &[Word<'_>]| {
        ws.iter()
            .filter_map(|w| if let Role::Country(c) = &w.role { Some(c.clone()) } else { None })
            .collect::<Vec<_>>()
    };
    let after = countries(&phrase[head_at + 1..]);
    let before = countries(&phrase[..head_at]);
    let country = after.first().cloned().or_else(|| before.last().cloned());
    let evaluative = phrase.iter().any(|w| matches!(w.role, Role::Title(t) if t.evaluative));
    Some(Descriptor {
        start: words[start].span.start,
        end: words[end - 1].span.end,
        form,
        cluster,
        head: head.lemma.to_string(),
        gloss: Some(head.gloss.to_string()),
        evaluative,
        country,
    })
}

fn set_affiliations(ents: &mut DocEntities, found: &[Descriptor]) {
    for (c, cluster) in ents.clusters.iter_mut().enumerate() {
        if cluster.affiliation.is_some() || cluster.kind != EntityType::Person {
            continue;
        }
        let mut votes: Vec<(&str, usize)> = vec![];
        for d in found.iter().filter(|d| d.cluster == c) {
            if let Some(code) = d.country.as_deref() {
                match votes.iter_mut().find(|(k, _)| *k == code) {
                    Some(v) => v.1 += 1,
                    None => votes.push((code, 1)),
                }
            }
        }
        cluster.affiliation = votes.iter().max_by_key(|(_, n)| *n).map(|(k, _)| k.to_string());
    }
}

/// Title phrases not attached to a name that refer back to a person: "The Venezuelan ruler",
/// "Venezuela's president", "глава Білого дому".
fn definites(
    words: &[Word<'_>],
    ents: &DocEntities,
    known: &[Descriptor],
    found: &mut Vec<Descriptor>,
) {
    let used = |w: &Word<'_>| known.iter().any(|d| d.start <= w.span.start && w.span.end <= d.end);
    let mut i = 0;
    while i < words.len() {
        let Role::Title(_) = words[i].role else {
            i += 1;
            continue;
        };
        if used(&words[i]) || words.get(i + 1).is_some_and(|n| n.mention.is_some()) {
            i += 1;
            continue;
        }
        // Extend left over adjectives, possessive countries and modifiers; right over a genitive
        // country ("глава Білого дому").
        let mut start = i;
        while start > 0
            && matches!(words[start - 1].role, Role::Country(_) | Role::Modifier)
            && !used(&words[start - 1])
        {
            start -= 1;
        }
        let definite_article = start > 0 && words[start - 1].text.eq_ignore_ascii_case("the");
        let mut end = i + 1;
        while words.get(end).is_some_and(|w| matches!(w.role, Role::Country(_))) {
            end += 1;
        }
        let slavic = is_cyrillic(words[i].text);
        let has_country = words[start..end].iter().any(|w| matches!(w.role, Role::Country(_)));
        let possessive =
            words.get(start).is_some_and(|w| w.text.ends_with("'s") || w.text.ends_with("’s"));
        if has_country
            && (definite_article || possessive || slavic)
            && words.get(end).is_none_or(|n| n.mention.is_none())
        {
            if let Some(mut d) = describe(words, (start, end), usize::MAX, DescriptorForm::Definite)
            {
                if let Some(c) = antecedent(ents, known, d.start, d.country.as_deref(), &d.head) {
                    d.cluster = c;
                    found.push(d);
                }
            }
        }
        i = end.max(i + 1);
    }
}

/// The person a definite description refers back to: among the persons named before `at` and tied
/// to `country`, the most recent one holding a title of the same class (a "leader" is a head of
/// state or a leader), else the most recent one.
fn antecedent(
    ents: &DocEntities,
    known: &[Descriptor],
    at: usize,
    country: Option<&str>,
    head: &str,
) -> Option<usize> {
    let country = country?;
    let mut candidates: Vec<usize> = vec![];
    for m in ents.mentions.iter().filter(|m| m.end <= at && m.kind == EntityType::Person) {
        let tied = ents
            .clusters
            .get(m.cluster)
            .is_some_and(|cl| cl.affiliation.as_deref() == Some(country));
        if tied {
            candidates.retain(|&c| c != m.cluster);
            candidates.push(m.cluster);
        }
    }
    let class_of = |lemma: &str| kb::titles_for(lemma, None).first().map(|t| t.class);
    let want = class_of(head);
    let leaderish = |c: Option<kb::TitleClass>| {
        matches!(c, Some(kb::TitleClass::Head | kb::TitleClass::Leader))
    };
    let same_class = candidates.iter().rev().copied().find(|&c| {
        known.iter().filter(|d| d.cluster == c).any(|d| {
            let theirs = class_of(&d.head);
            theirs == want || (leaderish(theirs) && leaderish(want))
        })
    });
    same_class.or_else(|| candidates.last().copied())
}
