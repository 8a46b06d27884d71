//! Property tests of the span invariants: whatever the input, every paragraph and sentence span
//! lies on character boundaries inside the text, in order, without overlap, and normalisation is
//! idempotent.
#![allow(clippy::unwrap_used)]

use parallax_engine::read::{read, ReadOptions};
use parallax_engine::text::normalize_inline;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "Президент заявив, що переговори триватимуть.",
    "«Мы готовы. Мы будем действовать», — сказал он.",
    "The U.S. Dept. of State said on Oct. 3 that talks would resume.",
    "Read more",
    "#Kyiv #news",
    "2 min read",
    "Photo: AFP",
    "KYIV, Oct 3 (Reuters) - Ukraine said",
    "El ministro dijo que no habrá cambios.",
    "Der Minister sagte, die Gespräche gingen weiter.",
    "a",
    "\u{a0}\u{200b}",
    "Nicola\u{301}s",
    "   ",
    "Title line without a period",
    "«",
    "»",
    "\"",
];

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (0..PIECES.len(), prop::sample::select(vec![" ", "\n", "\n\n", "\t", ""])),
        0..40,
    )
    .prop_map(|parts| parts.into_iter().map(|(i, sep)| format!("{}{sep}", PIECES[i])).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_are_valid_for_any_page(text in page()) {
        for doc in read(text.as_bytes(), "p.txt", &ReadOptions::default()).into_iter().flatten() {
            let Ok(ingested) = parallax_engine::process(&doc) else { continue };
            let a = &ingested.article;
            let mut last_end = 0;
            for p in &a.paragraphs {
                let s = p.text(&a.text);
                prop_assert!(s.is_some(), "paragraph span {p:?} not on char boundaries");
                prop_assert!(p.start >= last_end && p.start < p.end);
                prop_assert_eq!(s.unwrap(), s.unwrap().trim());
                last_end = p.end;
            }
            let mut last_end = 0;
            for s in &ingested.analysis.sentences {
                let t = s.text(&a.text);
                prop_assert!(t.is_some(), "sentence span {s:?} not on char boundaries");
                prop_assert!(s.start >= last_end && s.start < s.end, "sentences in order: {:?}", ingested.analysis.sentences);
                last_end = s.end;
            }
        }
    }

    #[test]
    fn normalisation_is_idempotent(text in page()) {
        let once = normalize_inline(&text);
        prop_assert_eq!(normalize_inline(&once), once);
    }
}
