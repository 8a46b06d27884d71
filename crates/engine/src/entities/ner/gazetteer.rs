//! Gazetteer membership: which tokens start or continue a name the knowledge base knows
//! (countries, places, bodies, outlets, seats of power, country adjectives and demonyms).
//!
//! Lookups use the knowledge base's own keys ([`kb::lookup_key`] semantics: the
//! [`name_key`](crate::entities::names::name_key) of the words, under which the knowledge base
//! also files the inflected forms its stemmer cannot reach), through an index of this module's
//! own: a hash set of every key prefix, so that a name is only extended while some name still
//! starts that way, and a match is tried only from a capitalised word (names start with one in
//! every supported language; lower-case Slavic adjectives are left to the affiliation stage).
//! Each candidate is confirmed with [`KbName::matches_strict`] (acronyms by case, capitalised
//! names capitalised).

use super::features::Prepared;
use super::token::{Caps, Kind};
use crate::entities::names;
use crate::kb::{self, KbName, KbRef, NameForm};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Kinds of gazetteer entries (the low bits of [`super::features::Tok::gaz`]).
pub const COUNTRY: u8 = 1;
pub const PLACE: u8 = 2;
pub const BODY: u8 = 3;
pub const OUTLET: u8 = 4;
/// A country's adjective ("Venezuelan").
pub const ADJECTIVE: u8 = 5;
/// A noun for a country's people ("Venezuelans").
pub const DEMONYM: u8 = 6;
/// A seat of power standing for a government ("Kremlin", "Білий дім").
pub const SEAT: u8 = 7;
/// Mask of the kind bits.
pub const KIND: u8 = 0x0f;
/// Set on the first token of a match.
pub const BEGIN: u8 = 0x10;
/// The name is also a common word or names other things too (Georgia, Jordan, Chad).
pub const AMBIGUOUS: u8 = 0x20;

pub fn is_adjective(gaz: u8) -> bool {
    matches!(gaz & KIND, ADJECTIVE | DEMONYM)
}

struct Index {
    /// Every key (full names) to the knowledge-base names filed under it.
    full: HashMap<&'static str, Vec<&'static KbName>>,
    /// Every proper prefix of a key, in whole words.
    prefixes: HashSet<String>,
    max_words: usize,
}

fn build() -> Index {
    let mut full: HashMap<&'static str, Vec<&'static KbName>> = HashMap::new();
    let mut prefixes = HashSet::new();
    let mut max_words = 1;
    for n in kb::names() {
        let words: Vec<&str> = n.key.split(' ').collect();
        max_words = max_words.max(words.len());
        for k in 1..words.len() {
            prefixes.insert(words[..k].join(" "));
        }
        full.entry(n.key.as_str()).or_default().push(n);
    }
    Index { full, prefixes, max_words: max_words.min(10) }
}

static INDEX: LazyLock<Index> = LazyLock::new(build);

/// The kind of a knowledge-base name, for the tagger.
fn kind_of(n: &KbName) -> u8 {
    match (n.target, n.form) {
        (_, NameForm::Adjective) => ADJECTIVE,
        (_, NameForm::Demonym) => DEMONYM,
        (_, NameForm::Seat) => SEAT,
        (KbRef::Country(_), NameForm::Capital) => PLACE,
        (KbRef::Country(_), _) => COUNTRY,
        (KbRef::Place(_), _) => PLACE,
        (KbRef::Body(_), _) => BODY,
        (KbRef::Outlet(_), _) => OUTLET,
    }
}

/// Preference among the entries of one key: names over adjectives, countries first.
fn rank(kind: u8) -> u8 {
    match kind {
        COUNTRY => 0,
        BODY => 1,
        PLACE => 2,
        OUTLET => 3,
        SEAT => 4,
        DEMONYM => 5,
        _ => 6,
    }
}

/// The knowledge-base entry a span of text names, if any (whole span, by key and case rule).
pub fn lookup(text: &str) -> Option<(u8, &'static KbName)> {
    let key = names::name_key(text);
    INDEX
        .full
        .get(key.as_str())?
        .iter()
        .filter(|n| n.matches_strict(text))
        .map(|n| (kind_of(n), *n))
        .min_by_key(|(k, _)| rank(*k))
}

/// Marks gazetteer matches on the tokens of `p` (longest match first, within sentences).
pub fn mark(text: &str, p: &mut Prepared) {
    let g = &*INDEX;
    let mut stems: Vec<Option<String>> = vec![None; p.toks.len()];
    let mut key = String::new();
    for si in 0..p.sents.len() {
        let (s, e) = p.sents[si];
        let mut i = s;
        while i < e {
            let t = &p.toks[i];
            let starts = t.kind == Kind::Word && t.caps != Caps::Lower && t.caps != Caps::None;
            if !starts {
                i += 1;
                continue;
            }
            let mut found: Option<(usize, u8)> = None;
            key.clear();
            let mut words = 0;
            let mut j = i;
            while j < e && words < g.max_words {
                let tj = &p.toks[j];
                if matches!(tj.kind, Kind::Punct | Kind::Address) {
                    break;
                }
                let st = stems[j]
                    .get_or_insert_with(|| names::stem(text.get(tj.start..tj.end).unwrap_or("")));
                if !key.is_empty() {
                    key.push(' ');
                }
                key.push_str(st);
                words += 1;
                j += 1;
                if let Some(list) = g.full.get(key.as_str()) {
                    let span = text.get(p.toks[i].start..p.toks[j - 1].end).unwrap_or("");
                    let best = list
                        .iter()
                        .filter(|n| n.matches_strict(span))
                        .min_by_key(|n| rank(kind_of(n)));
                    if let Some(n) = best {
                        let mut kind = kind_of(n);
                        if list.iter().any(|n| n.ambiguous) {
                            kind |= AMBIGUOUS;
                        }
                        found = Some((j, kind));
                    }
                }
                if !g.prefixes.contains(key.as_str()) {
                    break;
                }
            }
            match found {
                Some((end, kind)) => {
                    for k in i..end {
                        p.toks[k].gaz = kind;
                    }
                    p.toks[i].gaz |= BEGIN;
                    i = end;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::Lang;

    fn marks(text: &str, lang: Lang) -> Vec<(String, u8)> {
        let p = super::super::features::prepare(text, &[], &[], Some(lang));
        p.toks
            .iter()
            .filter(|t| t.gaz != 0)
            .map(|t| (text[t.start..t.end].to_string(), t.gaz & KIND))
            .collect()
    }

    #[test]
    fn inflected_country_names_match() {
        let m = marks("Він прилетів до Венесуели і Сполучених Штатів.", Lang::Uk);
        assert!(m.contains(&("Венесуели".to_string(), COUNTRY)), "{m:?}");
        let m = marks("The Venezuelan government and NATO met in Caracas.", Lang::En);
        assert!(m.iter().any(|(w, k)| w == "Venezuelan" && is_adjective(*k)), "{m:?}");
        assert!(m.contains(&("NATO".to_string(), BODY)), "{m:?}");
        assert!(m.contains(&("Caracas".to_string(), PLACE)), "{m:?}");
    }
}
