//! Quantities: golden cases for counts, percentages, money and measures in en, uk, ru, es and de,
//! with explicit assertions and a snapshot per kind.
//!
//! The cases live in `tests/fixtures/time/quantities.tsv` (format in its header), written for
//! this project.

#![allow(clippy::unwrap_used, clippy::string_slice)] // test support: a failed unwrap is the report

use parallax_engine::quantities;
use parallax_model::Lang;
use std::collections::BTreeMap;
use std::path::Path;

struct Case {
    kind: String,
    lang: Lang,
    text: String,
    expected: Vec<String>,
}

fn cases() -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/time/quantities.tsv");
    let content = std::fs::read_to_string(path).unwrap();
    content
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "bad fixture line: {l}");
            let expected =
                if f[3] == "-" { vec![] } else { f[3].split(" | ").map(str::to_string).collect() };
            Case { kind: f[0].into(), lang: f[1].parse().unwrap(), text: f[2].into(), expected }
        })
        .collect()
}

/// A quantity as the fixtures write it: `words=value,unit,approx`.
fn render(text: &str, q: &parallax_model::Quantity) -> String {
    format!(
        "{}={},{},{}",
        &text[q.start..q.end],
        q.value,
        q.unit.as_deref().unwrap_or("-"),
        q.approx.as_deref().unwrap_or("-")
    )
}

#[test]
fn every_case_reads_as_a_reader_expects() {
    let mut failures = vec![];
    for c in cases() {
        let got: Vec<String> =
            quantities::find(&c.text, Some(c.lang)).iter().map(|q| render(&c.text, q)).collect();
        if got != c.expected {
            failures.push(format!(
                "[{} {}] {}\n   want {:?}\n   got  {:?}",
                c.kind, c.lang, c.text, c.expected, got
            ));
        }
    }
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn snapshots_by_kind() {
    let mut by_kind: BTreeMap<String, String> = BTreeMap::new();
    for c in cases() {
        let out = by_kind.entry(c.kind.clone()).or_default();
        out.push_str(&format!("{} {}\n", c.lang, c.text));
        for q in quantities::find(&c.text, Some(c.lang)) {
            out.push_str(&format!("  {}\n", render(&c.text, &q)));
        }
    }
    for (kind, out) in by_kind {
        insta::assert_snapshot!(format!("quantities_{kind}"), out);
    }
}

#[test]
fn never_panics_and_spans_are_on_char_boundaries() {
    let odd = [
        "",
        "5,",
        ",000",
        "1.000.000,5 € та 1,234.5$",
        "₴ 5 000 000 000 000 000 000 000",
        "99999999999999999999999 km",
        "понад понад 10 %%",
        "twenty- five; двадцять п’ять",
        "-5 –3 — 7-",
    ];
    for text in odd {
        for lang in
            [None, Some(Lang::En), Some(Lang::Uk), Some(Lang::Ru), Some(Lang::Es), Some(Lang::De)]
        {
            for q in quantities::find(text, lang) {
                assert!(text.get(q.start..q.end).is_some(), "{text:?}");
                assert!(q.value.is_finite());
            }
        }
    }
}
