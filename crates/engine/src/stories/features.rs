//! What an article offers as evidence of its story: weighted feature keys, a day, and a
//! near-duplicate fingerprint.
//!
//! Five channels of keys, each a stable 64-bit hash with the channel in its top bits:
//!
//! - **term** — a light stem of every content word of the title and body (lower case, one
//!   inflectional ending stripped, cut to seven letters). Shared within a language, and between
//!   languages that write a word alike (Газпром in Russian and Ukrainian, Crane in English and
//!   Spanish).
//! - **cross** — the first four sound classes of the word's cross-script skeleton
//!   ([`crate::entities::translit::skeleton`] of the stem): радарів / radars → `rdr`, аннексии /
//!   annexation → `anks`, референдумов / referendums → `rfrn`. Lets internationalisms and names
//!   meet across scripts without a dictionary.
//! - **entity** — the corpus-wide entity ids of the article's linked clusters (one identity across
//!   scripts and cases, from [`crate::entities::link`]); for an entry of the knowledge base its
//!   reference ("country:IT"), which the country's adjectives and demonyms in every language
//!   also give ("Italian election" meets "выборы в Италии").
//! - **number** — amounts from the quantity finder and other figures in the text ("14 sets",
//!   "Il-76"), which survive translation.
//! - **date** — the days the text names (resolved time expressions), and their months and
//!   years: reports of one event name its month and year in every language, though rarely the
//!   same days; texts of another year do not.
//!
//! Weights are sublinear term frequencies (title words count twice); document frequencies are
//! applied later, against the store's counts ([`super::EngineAssigner`]). Stop words are the
//! language packs' function and marker words of every supported language. Captions and page
//! furniture are never read: a teaser for another story left in a page cannot pull the article
//! into that story.

use super::dedup;
use crate::entities::names::name_key;
use crate::entities::translit::skeleton;
use crate::kb::{self, KbRef, NameForm};
use parallax_model::{day_number, Analysis, Article, ArticleId, Fingerprint, Kind, Lang};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

/// The channel of a key, kept in its top three bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Channel {
    Term = 1,
    Cross = 2,
    Entity = 3,
    Number = 4,
    Date = 5,
}

impl Channel {
    /// The channel of a key.
    pub fn of(key: u64) -> Option<Channel> {
        match key >> 61 {
            1 => Some(Channel::Term),
            2 => Some(Channel::Cross),
            3 => Some(Channel::Entity),
            4 => Some(Channel::Number),
            5 => Some(Channel::Date),
            _ => None,
        }
    }

    /// Whether keys of this channel mean the same in every language.
    pub fn language_independent(self) -> bool {
        !matches!(self, Channel::Term)
    }
}

/// A stable 64-bit hash (FNV-1a with a final mix): the same string gives the same key in every
/// build and on every machine.
pub fn hash64(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in *p {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// SplitMix64's finaliser: spreads every input bit over the output.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The key of `value` in `channel`.
pub fn key(channel: Channel, value: &str) -> u64 {
    ((channel as u64) << 61) | (hash64(&[value.as_bytes()]) >> 3)
}

/// Everything the assigner needs from one article, before document frequencies.
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    pub article: ArticleId,
    pub title: Option<String>,
    pub kind: Kind,
    pub language: Option<Lang>,
    /// The publication day (days since 1970-01-01).
    pub day: Option<i32>,
    /// For an article without a publication day, the days of the latest date its text writes
    /// with its year ("on 4 May 2019": that day; "in March 2019": the month; "in 2019": the
    /// year): when it was written, at the earliest. It
    /// places the article in time for the comparison, but never widens a story's span.
    pub text_day: Option<(i32, i32)>,
    /// Keys with their term-frequency weights, sorted by key, at most [`MAX_KEYS`].
    pub keys: Vec<(u64, f32)>,
    /// The term keys the article uses only inside names (mentions of entities, country
    /// adjectives), sorted: what is left of the term channel is the article's vocabulary of
    /// events, which tells a new event of the same actors from the story they were last in.
    pub name_terms: Vec<u64>,
    pub fingerprint: Option<Fingerprint>,
}

/// The most keys an article keeps (its strongest by term frequency; ties by key).
pub const MAX_KEYS: usize = 192;

static STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::lang::packs::all()
        .flat_map(|p| p.function_words.iter().chain(p.marker_words.iter()))
        .copied()
        .collect()
});

/// The country of each entity key that stands for a country or a place of the knowledge base
/// ("country:PE", and "place:arequipa" → PE).
static COUNTRY_OF_KEY: LazyLock<HashMap<u64, &'static str>> = LazyLock::new(|| {
    let mut m: HashMap<u64, &'static str> = HashMap::new();
    for c in kb::countries() {
        m.insert(key(Channel::Entity, &KbRef::Country(c.code).to_string()), c.code);
    }
    for p in kb::places() {
        if let Some(c) = p.country {
            m.insert(key(Channel::Entity, &KbRef::Place(p.id).to_string()), c);
        }
    }
    m
});

/// The countries a vector's keys name, as countries or as places of the knowledge base that lie
/// in them, sorted.
pub fn countries(v: &[(u64, f32)]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> =
        v.iter().filter_map(|(k, _)| COUNTRY_OF_KEY.get(k).copied()).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether a lower-case word is a stop word in any supported language.
pub fn is_stop(word: &str) -> bool {
    STOP.contains(word)
}

/// Endings stripped from Cyrillic words (nouns, adjectives and verbs of Ukrainian and Russian;
/// one ending per word, the longest that leaves four letters).
const CYRILLIC_ENDINGS: &[&str] = &[
    "ованих",
    "ованої",
    "ування",
    "ования",
    "ениями",
    "ностей",
    "ського",
    "ської",
    "ості",
    "ності",
    "ость",
    "ення",
    "ение",
    "ения",
    "ений",
    "ями",
    "ами",
    "ого",
    "ому",
    "ими",
    "ыми",
    "его",
    "ему",
    "ої",
    "ій",
    "ий",
    "ый",
    "ой",
    "ей",
    "ая",
    "яя",
    "ое",
    "ее",
    "ие",
    "ые",
    "их",
    "ых",
    "ім",
    "им",
    "ым",
    "ом",
    "ем",
    "ам",
    "ям",
    "ах",
    "ях",
    "ів",
    "ов",
    "ев",
    "ою",
    "ею",
    "ія",
    "ия",
    "ію",
    "ию",
    "ії",
    "ии",
    "ть",
    "ти",
    "ла",
    "ли",
    "ло",
    "а",
    "я",
    "у",
    "ю",
    "і",
    "и",
    "ы",
    "е",
    "є",
    "о",
    "ь",
    "й",
];

/// Endings stripped from Latin-script words (English plurals and verb forms, the commonest
/// Romance and Germanic plural endings).
const LATIN_ENDINGS: &[&str] = &["ing", "ies", "ed", "es", "en", "er", "s", "e"];

static ENDINGS: LazyLock<[Vec<&'static str>; 2]> = LazyLock::new(|| {
    let by_length = |list: &[&'static str]| {
        let mut v = list.to_vec();
        v.sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
        v.dedup();
        v
    };
    [by_length(CYRILLIC_ENDINGS), by_length(LATIN_ENDINGS)]
});

/// The light stem of a lower-case word: its longest listed ending stripped when at least four
/// letters remain.
pub fn stem(lower: &str) -> &str {
    let cyrillic = lower.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    let endings = &ENDINGS[usize::from(!cyrillic)];
    for e in endings {
        if let Some(s) = lower.strip_suffix(e) {
            if s.chars().count() >= 4 {
                return s;
            }
        }
    }
    lower
}

/// The country a lower-case word names as an adjective or demonym in any supported language
/// ("italian", "итальянских", "венесуельці"), if it is unambiguously one.
pub(crate) fn country_word(lower: &str) -> Option<&'static str> {
    static FORMS: LazyLock<HashMap<&'static str, Option<&'static str>>> = LazyLock::new(|| {
        let mut m: HashMap<&'static str, Option<&'static str>> = HashMap::new();
        for n in kb::names() {
            let KbRef::Country(code) = n.target else { continue };
            if n.ambiguous || !matches!(n.form, NameForm::Adjective | NameForm::Demonym) {
                continue;
            }
            // A key shared by two countries' forms names neither.
            let e = m.entry(n.key.as_str()).or_insert(Some(code));
            if *e != Some(code) {
                *e = None;
            }
        }
        m
    });
    FORMS.get(name_key(lower).as_str()).copied().flatten()
}

/// The first `n` characters of `s`.
fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}

/// The term and cross-script keys of one lower-case word, if it is a content word.
pub fn word_keys(lower: &str) -> Option<(u64, Option<u64>)> {
    if lower.chars().count() < 3 || is_stop(lower) || !lower.chars().any(char::is_alphabetic) {
        return None;
    }
    let s = stem(lower);
    let term = key(Channel::Term, prefix(s, 7));
    let sk = skeleton(s);
    let cross =
        (sk.chars().count() >= 3 && !sk.contains(' ')).then(|| key(Channel::Cross, prefix(&sk, 4)));
    Some((term, cross))
}

/// Words of a text: maximal runs of letters and digits, lower-cased, with their byte offsets.
pub fn words(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    let mut it = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = it.peek() {
            if c.is_alphanumeric() {
                break;
            }
            it.next();
        }
        let (start, _) = *it.peek()?;
        let mut w = String::new();
        while let Some(&(_, c)) = it.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            w.extend(c.to_lowercase());
            it.next();
        }
        Some((start, w))
    })
}

/// A number's key text: integers as written without separators, others with up to three
/// decimals.
fn number_text(v: f64) -> Option<String> {
    if !v.is_finite() || v <= 0.0 || v > 1e15 {
        return None;
    }
    Some(if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v:.3}") })
}

/// The days of the latest date a text writes with its year (not one completed from context):
/// first and last day of the year, month or day written.
fn text_day(st: &parallax_model::DocStatements) -> Option<(i32, i32)> {
    st.dates
        .iter()
        .filter(|d| d.kind == parallax_model::TimeKind::Absolute)
        .filter_map(|d| days_of(&d.date))
        .max_by_key(|r| (r.1, r.0))
}

/// The first and last day a partial date covers.
fn days_of(d: &parallax_model::PartialDate) -> Option<(i32, i32)> {
    use parallax_model::{days_in_month, PartialDate};
    let at = |m: u8, day: u8| PartialDate::ymd(d.year, m, day).as_ref().and_then(day_number);
    let (first, last) = match (d.month, d.day) {
        (Some(_), Some(_)) => return day_number(d).map(|n| (n, n)),
        (Some(m), None) => ((m, 1), (m, days_in_month(d.year, m))),
        _ => ((1, 1), (12, 31)),
    };
    Some((at(first.0, first.1)?, at(last.0, last.1)?))
}

/// The features of an article and its (linked) analysis.
pub fn features(article: &Article, analysis: &Analysis) -> Features {
    let mut tf: BTreeMap<u64, f32> = BTreeMap::new();
    let mut add = |k: u64, w: f32| *tf.entry(k).or_default() += w;
    // Spans the number channel reads from the quantity finder and the date channel from time
    // expressions; plain digits inside them are not read again.
    let st = &analysis.statements;
    let masked: Vec<(usize, usize)> = st
        .quantities
        .iter()
        .map(|q| (q.start, q.end))
        .chain(st.dates.iter().map(|d| (d.start, d.end)))
        .collect();
    let inside = |i: usize| masked.iter().any(|(s, e)| (*s..*e).contains(&i));
    let ents = &analysis.entities;
    let mut names: Vec<(usize, usize)> = ents.mentions.iter().map(|m| (m.start, m.end)).collect();
    names.sort_unstable();
    // Mentions do not overlap: the last one starting at or before `i` is the only candidate.
    let in_name = |i: usize| {
        let n = names.partition_point(|(s, _)| *s <= i);
        n > 0 && names.get(n - 1).is_some_and(|(_, e)| i < *e)
    };
    // Words the body uses inside names; in the title (which has no mentions) such a word is
    // taken for the same name.
    let name_words: HashSet<String> = names
        .iter()
        .flat_map(|&(s, e)| words(article.text.get(s..e).unwrap_or("")).map(|(_, w)| w))
        .collect();
    // Term keys used as names and as ordinary words: the second use wins.
    let (mut named, mut plain) = (HashSet::new(), HashSet::new());
    let title = article.title.as_deref().unwrap_or("");
    for (weight, text, is_body) in [(2.0, title, false), (1.0, article.text.as_str(), true)] {
        for (at, w) in words(text) {
            if w.chars().all(|c| c.is_ascii_digit()) {
                if w.len() >= 2 && w.len() <= 8 && !(is_body && inside(at)) {
                    if let Ok(v) = w.parse::<f64>() {
                        if let Some(t) = number_text(v) {
                            add(key(Channel::Number, &t), weight);
                        }
                    }
                }
                continue;
            }
            if let Some((term, cross)) = word_keys(&w) {
                add(term, weight);
                if let Some(c) = cross {
                    add(c, weight);
                }
                let country = country_word(&w);
                if let Some(country) = country {
                    add(key(Channel::Entity, &KbRef::Country(country).to_string()), weight);
                }
                let name = country.is_some()
                    || if is_body { in_name(at) } else { name_words.contains(&w) };
                if name { &mut named } else { &mut plain }.insert(term);
            }
        }
    }
    for q in &st.quantities {
        if let Some(t) = number_text(q.value) {
            add(key(Channel::Number, &t), 1.0);
        }
    }
    for d in &st.dates {
        if let Some(n) = day_number(&d.date) {
            add(key(Channel::Date, &n.to_string()), 1.0);
        }
        // The year and month as well: texts about one event name its month and year in any
        // language, though rarely the same days; texts of another year do not.
        let y = d.date.year;
        add(key(Channel::Date, &format!("y{y}")), 0.5);
        if let Some(m) = d.date.month {
            add(key(Channel::Date, &format!("m{y}-{m}")), 0.5);
        }
    }
    let mut mentions = vec![0usize; ents.clusters.len()];
    for m in &ents.mentions {
        if let Some(n) = mentions.get_mut(m.cluster) {
            *n += 1;
        }
    }
    for (c, n) in ents.clusters.iter().zip(mentions) {
        // An entry of the knowledge base has the same key in every store and language; so do
        // its adjectives and demonyms (above), which are not mentions: "Italian" meets "Италии".
        if let Some(r) = &c.kb {
            add(key(Channel::Entity, r), n.max(1) as f32);
        } else if let Some(id) = &c.entity {
            add(key(Channel::Entity, &id.0), n.max(1) as f32);
        }
    }
    let mut keys: Vec<(u64, f32)> =
        tf.into_iter().map(|(k, n)| (k, 1.0 + n.max(1.0).ln())).collect();
    if keys.len() > MAX_KEYS {
        keys.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        keys.truncate(MAX_KEYS);
        keys.sort_by_key(|k| k.0);
    }
    let day = article.published.as_ref().and_then(day_number);
    let mut name_terms: Vec<u64> = named.difference(&plain).copied().collect();
    name_terms.sort_unstable();
    Features {
        article: article.id.clone(),
        title: article.title.clone(),
        kind: article.kind,
        language: article.language,
        day,
        text_day: if day.is_some() { None } else { text_day(st) },
        keys,
        name_terms,
        fingerprint: dedup::fingerprint(title, &article.text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cross(w: &str) -> Option<u64> {
        word_keys(&w.to_lowercase()).and_then(|k| k.1)
    }

    #[test]
    fn internationalisms_meet_across_scripts() {
        for (a, b) in [
            ("радарів", "radars"),
            ("аннексии", "annexation"),
            ("анексію", "аннексии"),
            ("референдумов", "referendums"),
            ("чемпионом", "championship"),
            ("Ферстаппен", "Verstappen"),
            ("Газпрома", "Gazprom"),
        ] {
            assert_eq!(cross(a), cross(b), "{a} / {b}");
        }
        assert_ne!(cross("ракета"), cross("radars"));
    }

    #[test]
    fn inflected_forms_share_a_term() {
        let term = |w: &str| word_keys(w).map(|k| k.0);
        assert_eq!(term("переговоров"), term("переговоры"));
        assert_eq!(term("переговорів"), term("переговори"));
        assert_eq!(term("missiles"), term("missile"));
        assert_eq!(term("sanctions"), term("sanction"));
        assert_eq!(term("the"), None);
        assert_eq!(term("і"), None);
    }

    #[test]
    fn channels_live_in_the_top_bits() {
        let k = key(Channel::Entity, "e123");
        assert_eq!(Channel::of(k), Some(Channel::Entity));
        assert!(Channel::Number.language_independent());
        assert!(!Channel::Term.language_independent());
        assert_eq!(hash64(&[b"a"]), hash64(&[b"a"]));
        assert_ne!(hash64(&[b"ab"]), hash64(&[b"a", b"b"]));
    }

    #[test]
    fn words_split_on_anything_but_letters_and_digits() {
        let w: Vec<String> = words("Il-76, «Су-20МК2» 14 sets").map(|x| x.1).collect();
        assert_eq!(w, ["il", "76", "су", "20мк2", "14", "sets"]);
    }
}
