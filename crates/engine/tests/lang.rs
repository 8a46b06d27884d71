//! Language identification: golden cases (asserted one by one) and snapshots of the guesses with
//! their confidences, on fixtures written for this project (`tests/fixtures/lang`, format in the
//! README there).

#![allow(clippy::unwrap_used)] // test support: a failed unwrap is the report

use parallax_engine::lang::{identify, identify_article, Guess, MIN_CONFIDENCE};
use parallax_model::{Lang, Span};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lang").join(name)
}

/// `(expected, text)` lines; expected is `Some(Some(lang))`, `Some(None)` for "no guess", or
/// `None` for "any".
fn lines(name: &str) -> Vec<(Option<Option<Lang>>, String)> {
    std::fs::read_to_string(fixture(name))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (code, text) =
                l.split_once(" |").unwrap_or_else(|| panic!("{name}: bad line {l:?}"));
            let text = text.strip_prefix(' ').unwrap_or(text).to_string();
            let want = match code.trim() {
                "?" => None,
                "-" => Some(None),
                c => Some(Some(c.parse().unwrap())),
            };
            (want, text)
        })
        .collect()
}

fn show(g: Option<Guess>) -> String {
    g.map_or("none".into(), |g| format!("{} {:.2}", g.lang, g.confidence))
}

/// Asserts every line of `name` and returns `guess | text` lines for a snapshot.
fn check(name: &str) -> Vec<String> {
    let mut failures = vec![];
    let mut out = vec![];
    for (want, text) in lines(name) {
        let got = identify(&text);
        if let Some(g) = got {
            assert!((0.0..=1.0).contains(&g.confidence), "{text:?}: {g:?}");
        }
        if let Some(want) = want {
            if got.map(|g| g.lang) != want {
                failures.push(format!("{text:?}: expected {want:?}, got {}", show(got)));
            }
        }
        out.push(format!("{} | {text}", show(got)));
    }
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
    out
}

#[test]
fn paragraphs_in_every_language() {
    let out = check("paragraphs.txt");
    for lang in Lang::ALL {
        assert!(out.iter().any(|l| l.starts_with(lang.code())), "no paragraph in {lang}");
    }
    // A real paragraph is identified with confidence.
    for (want, text) in lines("paragraphs.txt") {
        let g = identify(&text).unwrap();
        assert!(g.confidence >= 0.9, "{want:?} {text:?}: {g:?}");
    }
    insta::assert_yaml_snapshot!(out);
}

#[test]
fn ukrainian_and_russian_are_never_confused() {
    let out = check("uk-ru-pairs.txt");
    assert!(out.len() >= 30);
    insta::assert_yaml_snapshot!(out);
}

#[test]
fn very_short_lines() {
    insta::assert_yaml_snapshot!(check("short-lines.txt"));
}

/// The paragraphs of a page and the expected languages from its `# expect:` line.
fn page(name: &str) -> (String, Vec<Span>, Vec<Lang>, Lang) {
    let content = std::fs::read_to_string(fixture(name)).unwrap();
    let (head, text) = content.split_once('\n').unwrap();
    let expect = head.strip_prefix("# expect:").unwrap();
    let (paras, article) = expect.split_once('|').unwrap();
    let paras: Vec<Lang> = paras.split_whitespace().map(|c| c.parse().unwrap()).collect();
    let text = text.trim_end().to_string();
    let mut spans = vec![];
    let mut at = 0;
    for p in text.split("\n\n") {
        spans.push(Span::new(at, at + p.len()));
        at += p.len() + 2;
    }
    (text, spans, paras, article.trim().parse().unwrap())
}

fn check_page(name: &str) -> Vec<String> {
    let (text, spans, want, want_article) = page(name);
    assert_eq!(spans.len(), want.len(), "{name}: one expected language per paragraph");
    let (article, langs) = identify_article(&text, &spans);
    assert_eq!(langs.len(), spans.len());
    let mut out = vec![format!("article: {}", show(article))];
    let mut failures = vec![];
    if article.map(|g| g.lang) != Some(want_article) {
        failures.push(format!("article: expected {want_article}, got {}", show(article)));
    }
    for ((ls, span), want) in langs.iter().zip(&spans).zip(&want) {
        assert_eq!((ls.start, ls.end), (span.start, span.end));
        let para = span.text(&text).unwrap();
        let short: String = para.chars().take(50).collect();
        if ls.language != Some(*want) {
            failures.push(format!("{short:?}: expected {want}, got {:?}", ls.language));
        }
        let code = ls.language.map_or("none", |l| l.code());
        out.push(format!("{code} {:.2} | {short}", ls.confidence));
    }
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
    out
}

#[test]
fn mixed_pages_get_a_language_per_paragraph() {
    let mut out = vec![];
    for name in ["mixed-page-en-uk-ru.txt", "mixed-page-ru-uk.txt", "mixed-page-es-de.txt"] {
        out.push(name.to_string());
        out.extend(check_page(name));
    }
    insta::assert_yaml_snapshot!(out);
}

#[test]
fn short_paragraphs_borrow_only_within_their_script() {
    let (text, spans, _, _) = page("mixed-page-en-uk-ru.txt");
    let (article, langs) = identify_article(&text, &spans);
    let article = article.unwrap();
    // "Reuters", the last paragraph, says too little on its own and borrows English.
    let last = langs.last().unwrap();
    assert_eq!(last.language, Some(Lang::En));
    assert!(last.confidence < article.confidence, "a borrowed language is held less firmly");
    // A Cyrillic line in an English article keeps its own script's language.
    let text = "The talks resumed on Monday in Geneva, officials said.\n\nМосква";
    let spans = [Span::new(0, 54), Span::new(56, text.len())];
    let (_, langs) = identify_article(text, &spans);
    assert_eq!(langs[1].language.map(|l| l.script()), Some(parallax_model::Script::Cyrillic));
}

#[test]
fn confidence_says_when_to_trust_a_guess() {
    let firm =
        identify("Уряд схвалив бюджет на наступний рік, повідомили в міністерстві фінансів.")
            .unwrap();
    assert!(firm.confidence >= 0.99);
    // A text in no supported language still gets the closest one, with a low confidence when its
    // letters give it away.
    for other in [
        "Vláda schválila rozpočet na příští rok, uvedlo ministerstvo financí.",
        "Урад зацвердзіў бюджэт на наступны год, паведаміла міністэрства фінансаў.",
        "Hükümet gelecek yılın bütçesini onayladı.",
    ] {
        let g = identify(other).unwrap();
        assert!(g.confidence < MIN_CONFIDENCE, "{other:?}: {g:?}");
    }
    let mixed = identify("Уряд схвалив бюджет, the government approved the budget").unwrap();
    assert!(mixed.confidence < firm.confidence, "{mixed:?}");
}

#[test]
fn random_input_never_panics_and_stays_in_range() {
    let pieces = ["a", "ї", "ы", " ", "\n\n", "'", "’", "Ж", "😀", "北", "1", ".", "é", "\u{301}"];
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..2000 {
        let mut s = String::new();
        for _ in 0..(x % 40) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push_str(pieces[(x % pieces.len() as u64) as usize]);
        }
        if let Some(g) = identify(&s) {
            assert!((0.0..=1.0).contains(&g.confidence), "{s:?}: {g:?}");
        }
        let spans = [Span::new(0, s.len())];
        let (_, langs) = identify_article(&s, &spans);
        assert_eq!(langs.len(), 1);
    }
}
