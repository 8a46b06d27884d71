//! Statements and source chains: snapshots of what the engine extracts from short paragraphs
//! written for this project (`tests/fixtures/statements/<iso>.txt`, one case per paragraph), one
//! for each quotation style and form of reported speech in English, Ukrainian and Russian, with
//! assertions of the behaviours that must not silently break.

#![allow(clippy::unwrap_used)] // test support: a failed unwrap is the report

use parallax_engine::{entities, segment, statements};
use parallax_model::{Lang, Span, StatementForm};
use std::path::Path;

fn fixture(lang: &str) -> Vec<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/statements/{lang}.txt"));
    let text = std::fs::read_to_string(path).unwrap();
    text.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// The entities, statements and cited sources of a text in one language.
fn analyze(
    text: &str,
    lang: Lang,
) -> (parallax_model::DocEntities, Vec<parallax_model::Statement>, Vec<parallax_model::Source>) {
    let sentences = segment::sentences(text, Some(lang));
    let ents = entities::analyze(text, &sentences, &[], Some(lang));
    let (found, cites) = statements::analyze(text, &sentences, &[], Some(lang), &ents, &[]);
    (ents, found, cites)
}

/// A statement's speaker as the tests write it: the entity's name, else the label, else "-".
fn speaker_name(ents: &parallax_model::DocEntities, s: &parallax_model::Statement) -> String {
    s.speaker_cluster
        .and_then(|c| ents.clusters.get(c))
        .map(|c| c.name.clone())
        .or(s.speaker_label.clone())
        .unwrap_or_else(|| "-".into())
}

/// One line per statement: form, speaker (canonical cluster name, else the label), cue, content,
/// addressee and the chain it came through; then the article's cited sources.
fn describe(text: &str, lang: Lang) -> Vec<String> {
    let (ents, found, cites) = analyze(text, lang);
    let t = |s: Span| s.text(text).unwrap_or("?").to_string();
    let mut out: Vec<String> = found
        .iter()
        .map(|s| {
            let who = speaker_name(&ents, s);
            let to = s.addressee.map(|a| format!(" to <{}>", t(a))).unwrap_or_default();
            let via: Vec<&str> = s.via.iter().map(|v| v.name.as_str()).collect();
            let via = if via.is_empty() { String::new() } else { format!(" via {via:?}") };
            format!("{:?} <{who}> {} [{}]{to}{via}", s.form, t(s.cue), t(s.content))
        })
        .collect();
    for c in cites {
        out.push(format!("cites {}", c.name));
    }
    out
}

fn all(lang: &str, l: Lang) -> Vec<(String, Vec<String>)> {
    fixture(lang).into_iter().map(|p| (p.clone(), describe(&p, l))).collect()
}

#[test]
fn snapshots() {
    for (code, lang) in [("en", Lang::En), ("uk", Lang::Uk), ("ru", Lang::Ru)] {
        let cases: Vec<String> = all(code, lang)
            .into_iter()
            .map(|(p, got)| format!("{p}\n  => {}", got.join("\n  => ")))
            .collect();
        insta::assert_snapshot!(format!("statements_{code}"), cases.join("\n\n"));
    }
}

/// Every paragraph of every fixture yields a statement whose content is inside the paragraph and
/// is not the speaker's own words of attribution.
#[test]
fn every_case_yields_a_statement() {
    for (code, lang) in [("en", Lang::En), ("uk", Lang::Uk), ("ru", Lang::Ru)] {
        for p in fixture(code) {
            let (_, found, _) = analyze(&p, lang);
            assert!(!found.is_empty(), "{code}: no statement in {p:?}");
            for s in &found {
                assert!(s.content.end <= p.len() && s.content.start < s.content.end);
                assert!(
                    s.cue.end <= s.content.start || s.cue.start >= s.content.end,
                    "{code}: cue inside content in {p:?}"
                );
            }
        }
    }
}

#[test]
fn quote_styles_are_direct_and_reported_speech_is_reported() {
    let form_of = |p: &str, lang: Lang| analyze(p, lang).1[0].form;
    let en = fixture("en");
    assert_eq!(form_of(&en[0], Lang::En), StatementForm::Direct, "straight quotes");
    assert_eq!(form_of(&en[1], Lang::En), StatementForm::Direct, "curly quotes after a colon");
    assert_eq!(form_of(&en[3], Lang::En), StatementForm::Reported, "told X that");
    let uk = fixture("uk");
    assert_eq!(form_of(&uk[0], Lang::Uk), StatementForm::Direct, "Slavic dash dialogue");
    assert_eq!(form_of(&uk[1], Lang::Uk), StatementForm::Reported, "заявив, що");
    let ru = fixture("ru");
    assert_eq!(form_of(&ru[0], Lang::Ru), StatementForm::Direct, "guillemets and a dash");
    assert_eq!(form_of(&ru[3], Lang::Ru), StatementForm::Reported, "по словам");
}

#[test]
fn cited_outlets_and_addressees() {
    let en = fixture("en");
    let got = describe(&en[6], Lang::En);
    assert!(got.iter().any(|l| l == "cites The Guardian"), "a known outlet is cited: {got:?}");
    assert!(got.iter().any(|l| l.starts_with("Reported")), "its report is a statement: {got:?}");
    let told = describe(&en[3], Lang::En);
    assert!(told.iter().any(|l| l.contains("to <the Riverside Gazette>")), "{told:?}");
}

/// The precision cases (`tests/fixtures/statements/precision.txt`): for each, the statements
/// found with medium or high confidence (the ones briefs rely on) must be exactly the ones
/// listed (speaker and content), or none at all; low-confidence ones are shown to users marked
/// as such and are not counted here. Every failing case is reported at once.
#[test]
fn precision_cases_have_the_right_speaker_or_no_statement() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/statements/precision.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let mut failures = vec![];
    let mut cases = 0;
    for block in text.split("\n\n") {
        let lines: Vec<&str> = block.lines().filter(|l| !l.starts_with('#')).collect();
        let Some(first) = lines.first() else { continue };
        let Some((code, para)) = first.strip_prefix('[').and_then(|l| l.split_once("] ")) else {
            continue;
        };
        let lang: Lang = code.parse().unwrap();
        let mut want: Vec<String> =
            lines[1..].iter().filter_map(|l| l.strip_prefix("=> ")).map(str::to_string).collect();
        if want == ["none"] {
            want.clear();
        }
        cases += 1;
        let (ents, found, _) = analyze(para, lang);
        let mut got: Vec<String> = found
            .iter()
            .filter(|s| s.confidence.is_confident())
            .map(|s| {
                let who = speaker_name(&ents, s);
                let content = s.content.text(para).unwrap_or("?");
                let content =
                    content.trim_matches(|c: char| c.is_whitespace() || "\"'“”«»„.,;:".contains(c));
                format!("{who} | {content}")
            })
            .collect();
        got.sort();
        want.sort();
        if got != want {
            failures.push(format!("[{code}] {para}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(cases >= 20, "the fixture file was not read: {cases} cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Confidence follows how the speaker was reached and whether the content is marked as speech.
#[test]
fn confidence_tells_named_from_guessed_speakers() {
    let para = "Mayor Ana Ruiz said: \"The bridge will reopen in May.\" Her deputy Tomas Berg \
                met the unions. Later he said the works could take longer. Ruiz also announced \
                her candidacy.";
    let (_, found, _) = analyze(para, Lang::En);
    let of = |content: &str| {
        found
            .iter()
            .find(|s| s.content.text(para).is_some_and(|c| c.contains(content)))
            .map(|s| s.confidence)
    };
    use parallax_model::Confidence;
    // A named speaker framing a quotation.
    assert_eq!(of("bridge will reopen"), Some(Confidence::High), "{found:#?}");
    // "he" after two men: unresolved, not guessed.
    let he = found.iter().find(|s| s.content.text(para).is_some_and(|c| c.contains("works")));
    assert!(he.is_some_and(|s| s.confidence == Confidence::Low && s.speaker_cluster.is_none()));
    // Only a noun phrase after the cue.
    assert!(of("her candidacy").is_none_or(|c| c == Confidence::Low), "{found:#?}");
}
