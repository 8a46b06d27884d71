//! # parallax-model: the shared vocabulary
//!
//! Every other Parallax crate speaks in these types. They are plain data: no I/O, no algorithms
//! beyond what keeps a value valid. Keeping them here, apart from the engine, lets the store, the
//! server and the evaluation harness depend on the *shape* of an article without pulling in the
//! pipeline that makes one.
//!
//! The one idea everything rests on is the [`Span`]: annotations are byte ranges into an article's
//! immutable, normalised `text` (stand-off annotation, as in spaCy). A span can always be turned
//! back into the exact words it covers, which is what lets every line Parallax prints cite its
//! source.
//!
//! Storage is a trait, [`Store`], with an in-memory reference implementation ([`MemStore`]) and a
//! conformance suite ([`conformance`]) that every backend runs. Corpus-wide registries (entities,
//! stories) are filled inside the store's write transaction through traits the engine implements
//! ([`Linker`], [`StoryAssigner`]), so ingest stays one writer.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::string_slice))]

mod article;
pub mod conformance;
mod date;
mod entity;
mod lang;
pub mod search;
mod span;
mod statement;
mod store;
mod story;

pub use article::*;
pub use date::{days_in_month, BadDate, PartialDate};
pub use entity::*;
pub use lang::{Lang, Script, UnknownLang};
pub use search::{Indexer, SearchExpr, SearchFilter, SearchHit, SearchQuery, SearchText};
pub use span::Span;
pub use statement::*;
pub use store::*;
pub use story::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mem_store_conforms() {
        conformance::run_all(&mut || Box::new(MemStore::new()));
    }

    #[test]
    fn article_json_uses_the_contract_names() {
        let a = conformance::sample(1).article;
        let v = serde_json::to_value(&a).unwrap();
        assert_eq!(v["language"], "en");
        assert_eq!(v["published"], "2025-10-31");
        assert_eq!(v["kind"], "news report");
        assert_eq!(v["furniture"][0]["kind"], "button");
    }
}
