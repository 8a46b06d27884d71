//! Time expressions resolved to dates.
//!
//! PLACEHOLDER: to be replaced. The interface below is fixed.

use parallax_model::{DatedSentence, Lang, PartialDate, Span, TimeExpr};

/// The time expressions of an article body, resolved against `reference` (the publication date,
/// when known) or the nearest preceding date in the text; and the sentences that carry a date.
pub fn analyze(
    text: &str,
    sentences: &[Span],
    lang: Option<Lang>,
    reference: Option<PartialDate>,
) -> (Vec<TimeExpr>, Vec<DatedSentence>) {
    let _ = (text, sentences, lang, reference);
    (vec![], vec![])
}
