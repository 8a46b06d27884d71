//! Statements: who said what, to whom, according to whom.
//!
//! PLACEHOLDER: to be replaced. The interface below is fixed.

use parallax_model::{DatedSentence, DocEntities, Lang, LangSpan, Source, Span, Statement};

/// The statements of an article body and the sources the article cites. `entities` are the
/// article's mentions, clusters and descriptors (speakers resolve to clusters); `dated` are the
/// sentences with a date (a statement takes its sentence's date).
pub fn analyze(
    text: &str,
    sentences: &[Span],
    paragraph_languages: &[LangSpan],
    lang: Option<Lang>,
    entities: &DocEntities,
    dated: &[DatedSentence],
) -> (Vec<Statement>, Vec<Source>) {
    let _ = (text, sentences, paragraph_languages, lang, entities, dated);
    (vec![], vec![])
}
