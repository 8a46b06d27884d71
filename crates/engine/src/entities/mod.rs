//! Named entities: who and what an article names, one identity per entity across scripts and
//! grammatical cases, and the labels outlets attach to them.

pub mod cluster;
pub mod link;
pub mod names;
pub mod translit;

/// The name the knowledge base gives an entry (`outlet:TASS` → "TASS").
pub(crate) fn kb_name(id: &str) -> Option<&'static str> {
    let (kind, key) = id.split_once(':')?;
    match kind {
        "outlet" => crate::kb::outlet_by_name(key).map(|o| o.name),
        _ => None,
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

/// The knowledge-base entry a surface form names, if any.
pub(crate) fn kb_resolve(surface: &str, _lang: Option<parallax_model::Lang>) -> Option<KbHit> {
    let name = surface.strip_prefix("the ").unwrap_or(surface);
    crate::kb::outlet_by_name(name).map(|o| KbHit {
        id: format!("outlet:{}", o.name),
        kind: parallax_model::EntityType::Organization,
        country: Some(o.country.to_string()),
    })
}
