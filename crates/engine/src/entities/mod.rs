//! Named entities: who and what an article names, one identity per entity across scripts and
//! grammatical cases, and the labels outlets attach to them.

pub mod cluster;
pub mod descriptors;
pub mod link;
pub mod names;
pub mod ner;
pub mod translit;

/// The name the knowledge base gives an entry (`outlet:TASS` → "TASS", `seat:RU` → "Kremlin",
/// `capital:VE` → "Caracas").
pub(crate) fn kb_name(id: &str) -> Option<&'static str> {
    let (kind, key) = id.split_once(':')?;
    let english = |list: &[(parallax_model::Lang, &'static str)]| {
        list.iter()
            .find(|(l, _)| *l == parallax_model::Lang::En)
            .map(|(_, n)| n.trim_start_matches("the "))
    };
    match kind {
        "seat" => crate::kb::country(key).and_then(|c| english(&c.seats)),
        "capital" => crate::kb::country(key).and_then(|c| english(&c.capitals)),
        _ => crate::kb::KbRef::parse(id).and_then(crate::kb::KbRef::name),
    }
}

/// A mention the knowledge base knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbHit {
    /// The entry: `country:VE`, `body:nato`, `place:caribbean`, `outlet:TASS`.
    pub id: String,
    pub kind: parallax_model::EntityType,
    /// ISO 3166 code of the entry's country, when it has one.
    pub country: Option<String>,
}

/// The knowledge-base entry a surface form names, if any. Adjectives and demonyms name no entity
/// (they tie one to a country) and give `None`.
pub(crate) fn kb_resolve(surface: &str, _lang: Option<parallax_model::Lang>) -> Option<KbHit> {
    use crate::kb::{KbRef, NameForm};
    use parallax_model::EntityType;
    let hits = crate::kb::lookup(surface);
    let best = hits
        .iter()
        .filter(|n| !matches!(n.form, NameForm::Adjective | NameForm::Demonym))
        .filter(|n| !n.ambiguous || surface.chars().next().is_some_and(char::is_uppercase))
        .min_by_key(|n| (n.form, n.target))?;
    let country = crate::kb::affiliation_of(best.target).map(str::to_string);
    let (id, kind) = match (best.form, best.target) {
        (NameForm::Seat, KbRef::Country(c)) => (format!("seat:{c}"), EntityType::Organization),
        (NameForm::Capital, KbRef::Country(c)) => (format!("capital:{c}"), EntityType::Place),
        (_, KbRef::Country(_)) => (best.target.to_string(), EntityType::Country),
        (_, KbRef::Body(_) | KbRef::Outlet(_)) => {
            (best.target.to_string(), EntityType::Organization)
        }
        (_, KbRef::Place(_)) => (best.target.to_string(), EntityType::Place),
    };
    // A country is not affiliated with itself.
    let country = if kind == EntityType::Country { None } else { country };
    Some(KbHit { id, kind, country })
}

/// Whether a surface form is only an adjective or demonym in the knowledge base ("Venezuelan",
/// "російського"): such words tie entities to countries but are not entity mentions.
pub(crate) fn is_country_adjective(surface: &str) -> bool {
    let hits = crate::kb::lookup(surface);
    !hits.is_empty()
        && hits.iter().all(|n| {
            matches!(n.form, crate::kb::NameForm::Adjective | crate::kb::NameForm::Demonym)
        })
}

/// The English name of a country code ("VE" → "Venezuela"); the code itself when unknown.
pub fn country_name(code: &str) -> &str {
    crate::kb::country_name(code).unwrap_or(code)
}

/// The entities of an article body: mentions found by the tagger, clustered, with descriptors.
pub fn analyze(
    text: &str,
    sentences: &[parallax_model::Span],
    paragraph_languages: &[parallax_model::LangSpan],
    lang: Option<parallax_model::Lang>,
) -> parallax_model::DocEntities {
    let detected: Vec<_> = ner::detect(text, sentences, paragraph_languages, lang)
        .into_iter()
        .map(|d| (d.span, d.kind))
        .filter(|(span, _)| !span.text(text).is_some_and(is_country_adjective))
        .collect();
    let mut ents = cluster::cluster(text, &detected, lang);
    descriptors::attach(text, sentences, lang, &mut ents);
    ents
}
