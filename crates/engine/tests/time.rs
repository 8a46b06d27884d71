//! Time expressions: golden cases for every kind of expression in en, uk, ru, es and de, with
//! explicit assertions and a snapshot per kind.
//!
//! The cases live in `tests/fixtures/time/dates.tsv` (format in its header), written for this
//! project. Every case is asserted (one test reports all failing cases at once); the snapshots
//! also record the kind of each resolution and the dated sentences.

#![allow(clippy::unwrap_used, clippy::string_slice)] // test support: a failed unwrap is the report

use parallax_engine::{segment, time};
use parallax_model::{Lang, PartialDate, Span, TimeKind};
use std::collections::BTreeMap;
use std::path::Path;

struct Case {
    kind: String,
    lang: Lang,
    reference: Option<PartialDate>,
    text: String,
    expected: Vec<(String, String)>,
}

fn cases() -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/time/dates.tsv");
    let content = std::fs::read_to_string(path).unwrap();
    content
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "bad fixture line: {l}");
            let expected = if f[4] == "-" {
                vec![]
            } else {
                f[4].split(" | ")
                    .map(|item| {
                        let (w, d) = item.rsplit_once('=').unwrap();
                        (w.to_string(), d.to_string())
                    })
                    .collect()
            };
            Case {
                kind: f[0].into(),
                lang: f[1].parse().unwrap(),
                reference: (f[2] != "-").then(|| f[2].parse().unwrap()),
                text: f[3].into(),
                expected,
            }
        })
        .collect()
}

/// What one case gives: each expression (words, date, kind) and each dated sentence.
type Output = (Vec<(String, String, TimeKind)>, Vec<(String, String)>);

fn run(c: &Case) -> Output {
    let sentences = segment::sentences(&c.text, Some(c.lang));
    let (exprs, dated) = time::analyze(&c.text, &sentences, Some(c.lang), c.reference);
    let got = exprs
        .iter()
        .map(|e| (c.text[e.start..e.end].to_string(), e.date.to_string(), e.kind))
        .collect();
    let dated =
        dated.iter().map(|d| (c.text[d.start..d.end].to_string(), d.date.to_string())).collect();
    (got, dated)
}

#[test]
fn every_case_resolves_as_a_reader_expects() {
    let mut failures = vec![];
    let all = cases();
    assert!(all.len() >= 100, "the fixture file lost cases");
    for c in &all {
        let (got, _) = run(c);
        let got: Vec<(String, String)> = got.into_iter().map(|(w, d, _)| (w, d)).collect();
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
fn every_kind_is_covered_in_english_ukrainian_and_russian() {
    let mut kinds: BTreeMap<String, Vec<Lang>> = BTreeMap::new();
    for c in cases() {
        kinds.entry(c.kind).or_default().push(c.lang);
    }
    for (kind, langs) in kinds {
        if kind == "not_a_date" || kind == "no_reference" || kind == "numeric" {
            continue;
        }
        for l in [Lang::En, Lang::Uk, Lang::Ru] {
            if kind == "partial_from_text" && l == Lang::Ru {
                continue;
            }
            assert!(
                langs.contains(&l) || kind == "anaphoric" && l == Lang::Ru,
                "{kind}: no {l} case"
            );
        }
    }
}

#[test]
fn snapshots_by_kind() {
    let mut by_kind: BTreeMap<String, String> = BTreeMap::new();
    for c in cases() {
        let (got, dated) = run(&c);
        let out = by_kind.entry(c.kind.clone()).or_default();
        out.push_str(&format!(
            "{} [{}] {}\n",
            c.lang,
            c.reference.map_or("-".into(), |r| r.to_string()),
            c.text
        ));
        for (w, d, k) in got {
            out.push_str(&format!("  {w:?} → {d} ({k:?})\n"));
        }
        for (s, d) in dated {
            out.push_str(&format!("  sentence {s:?} dated {d}\n"));
        }
    }
    for (kind, out) in by_kind {
        insta::assert_snapshot!(format!("dates_{kind}"), out);
    }
}

#[test]
fn the_sentence_is_dated_by_its_most_specific_expression() {
    let text = "On Sunday, an Il-76 plane sanctioned in 2023 arrived. Nothing else happened.";
    let sentences = segment::sentences(text, Some(Lang::En));
    let (_, dated) = time::analyze(text, &sentences, Some(Lang::En), "2025-10-31".parse().ok());
    assert_eq!(dated.len(), 1);
    assert_eq!(dated[0].date.to_string(), "2025-10-26");
    assert_eq!(
        &text[dated[0].start..dated[0].end],
        "On Sunday, an Il-76 plane sanctioned in 2023 arrived."
    );
}

#[test]
fn never_panics_and_spans_are_on_char_boundaries() {
    let odd = [
        "",
        "2025-",
        "31.",
        "31 жовтня",
        "за день до",
        "в неділю, 31 лютого 2025 року",
        "On February 30, 2025 and 29 February 2023",
        "99999999999999999999-99-99 1.1.1.1 12/13/2025",
        "Вчора, позавчора, торік — і 2 дні тому; 3 weeks ago, last week.",
        "\u{feff}Sunday’s 5 Oct. 31st ’25",
        "ab—12—34—5678 ’’’ ... $$$ %%% –",
    ];
    for text in odd {
        for lang in [None, Some(Lang::En), Some(Lang::Uk), Some(Lang::Ru), Some(Lang::De)] {
            let (exprs, dated) =
                time::analyze(text, &[Span::new(0, text.len())], lang, "2025-01-01".parse().ok());
            for e in &exprs {
                assert!(text.get(e.start..e.end).is_some(), "{text:?}");
            }
            assert!(dated.len() <= 1);
            let (exprs, _) = time::analyze(text, &[], lang, None);
            for e in &exprs {
                assert!(text.get(e.start..e.end).is_some(), "{text:?}");
            }
        }
    }
}
