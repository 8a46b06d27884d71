//! Sentence segmentation: golden cases per language, the span invariants as a property, and a
//! snapshot of a whole mixed-language page.
//!
//! The cases live in `tests/fixtures/segment/<iso>.txt` (format in the README there), written
//! for this project. Every case is asserted; one test reports all failing cases at once.

#![allow(clippy::unwrap_used)] // test support: a failed unwrap is the report

use parallax_engine::segment::sentences;
use parallax_model::{Lang, Span};
use std::path::Path;

struct Case {
    file: String,
    name: String,
    input: String,
    expected: Vec<String>,
}

fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/segment");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut out = vec![];
    for path in files {
        let file = path.file_stem().unwrap().to_string_lossy().into_owned();
        let content = std::fs::read_to_string(&path).unwrap();
        for raw in content.split("\n===\n") {
            let mut lines = raw.lines().peekable();
            let mut name = String::new();
            while let Some(l) = lines.next_if(|l| l.starts_with('#')) {
                if name.is_empty() {
                    name = l.trim_start_matches('#').trim().to_string();
                }
            }
            let rest: Vec<&str> = lines.collect();
            let sep = rest
                .iter()
                .position(|l| *l == "---")
                .unwrap_or_else(|| panic!("{file}: case {name:?} has no ---"));
            let input = rest[..sep].join("\n");
            let expected = rest[sep + 1..]
                .iter()
                .filter(|l| !l.is_empty())
                .map(|l| l.replace("\\n", "\n"))
                .collect();
            out.push(Case { file: file.clone(), name, input, expected });
        }
    }
    out
}

fn lang_of(file: &str) -> Option<Lang> {
    if file == "und" {
        None
    } else {
        Some(
            file.parse()
                .unwrap_or_else(|_| panic!("fixture {file}.txt is not named by a language")),
        )
    }
}

fn split(text: &str, lang: Option<Lang>) -> Vec<String> {
    sentences(text, lang).iter().map(|s| s.text(text).unwrap().to_string()).collect()
}

#[test]
fn golden_cases_per_language() {
    let cases = cases();
    let mut failures = vec![];
    for c in &cases {
        let got = split(&c.input, lang_of(&c.file));
        if got != c.expected {
            failures.push(format!(
                "{}: {}\n  input:    {:?}\n  expected: {:#?}\n  got:      {:#?}",
                c.file, c.name, c.input, c.expected, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    // The suite must not pass by finding nothing.
    for lang in Lang::ALL {
        assert!(cases.iter().any(|c| c.file == lang.code()), "no fixture for {lang}");
    }
    assert!(cases.len() >= 80, "only {} cases", cases.len());
}

#[test]
fn the_cases_the_brief_names_are_covered() {
    let all: String = cases().iter().map(|c| c.input.clone()).collect::<Vec<_>>().join("\n");
    for needle in [
        "U.S.",
        "Oct.",
        "Dr.",
        "Mr.",
        "e.g.",
        "т. зв.",
        "м.",
        "р.",
        "5 січ. 2024 р.",
        "г.",
        "т.е.",
        "и т. д.",
        "z.B.",
        "Sr.",
        "p. ej.",
        "Д. Бересков",
        "J. K. Rowling",
        "Дж. Байден",
        "3.5",
        "10.10.2025",
        "...",
        "…",
        "“We are ready. We will act,” he said.",
        "«Мы готовы. Мы будем действовать», — сказал он.",
        "\"Ні\", - сказала вона.",
    ] {
        assert!(all.contains(needle), "no fixture contains {needle:?}");
    }
}

/// A small deterministic generator (xorshift), so the property test needs no dependency and every
/// failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "The",
    "minister",
    "said",
    "Він",
    "сказав",
    "Он",
    "ёж",
    "U.S.",
    "Dr.",
    "т. зв.",
    "р.",
    "г.",
    "J.",
    "Д.",
    "Дж.",
    "etc.",
    "z. B.",
    "3.5",
    "10.10.2025",
    "1.",
    "II.",
    "a",
    "ї",
    "Ñ",
    "😀",
    ".",
    ". ",
    "!",
    "?",
    "?!",
    "...",
    "…",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\n \n",
    "\t",
    "\u{a0}",
    "«",
    "»",
    "„",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "(",
    ")",
    "[",
    "]",
    "—",
    " — ",
    "-",
    ",",
    ", —",
    "»,",
    "”,",
    "x",
    "Z",
    "é",
    "ß",
    "İ",
    "\u{301}",
    "\r\n",
];

fn random_text(rng: &mut Rng) -> String {
    let n = (rng.next() % 60) as usize;
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(rng.pick(PIECES));
        if rng.next() % 3 == 0 {
            s.push(' ');
        }
    }
    s
}

fn check_invariants(text: &str, spans: &[Span]) -> Result<(), String> {
    let mut prev_end = 0;
    for s in spans {
        let t = s.text(text).ok_or_else(|| format!("{s:?} is not on char boundaries"))?;
        if s.is_empty() {
            return Err(format!("{s:?} is empty"));
        }
        if s.start < prev_end {
            return Err(format!("{s:?} overlaps or is out of order"));
        }
        if t.trim() != t {
            return Err(format!("{s:?} = {t:?} is not trimmed"));
        }
        if t.split('\n').any(|l| l.trim().is_empty()) {
            return Err(format!("{s:?} = {t:?} crosses a paragraph break"));
        }
        prev_end = s.end;
    }
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() && !spans.iter().any(|s| s.start <= i && i < s.end) {
            return Err(format!("{c:?} at {i} is in no sentence"));
        }
    }
    Ok(())
}

#[test]
fn spans_are_ordered_trimmed_on_boundaries_and_cover_every_non_space_character() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let langs: Vec<Option<Lang>> = std::iter::once(None).chain(Lang::ALL.map(Some)).collect();
    for round in 0..3000 {
        let text = random_text(&mut rng);
        for &lang in &langs {
            let spans = sentences(&text, lang);
            if let Err(e) = check_invariants(&text, &spans) {
                panic!("round {round}, lang {lang:?}: {e}\ntext: {text:?}\nspans: {spans:?}");
            }
        }
    }
    // The fixtures too.
    for c in cases() {
        check_invariants(&c.input, &sentences(&c.input, lang_of(&c.file))).unwrap();
    }
}

#[test]
fn the_invariant_checker_can_fail() {
    let text = "Ab. Cd";
    assert!(check_invariants(text, &[Span::new(0, 3)]).is_err(), "uncovered Cd");
    assert!(check_invariants(text, &[Span::new(0, 4), Span::new(4, 6)]).is_err(), "untrimmed");
    assert!(check_invariants("Ж", &[Span::new(0, 1)]).is_err(), "not a char boundary");
    assert!(check_invariants("a\n\nb", &[Span::new(0, 4)]).is_err(), "crosses a paragraph");
}

#[test]
fn snapshot_of_a_mixed_language_page() {
    let file = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lang/mixed-page-en-uk-ru.txt"),
    )
    .unwrap();
    let page = file.split_once('\n').unwrap().1; // past the `# expect:` line
    let out: Vec<String> = sentences(page, Some(Lang::En))
        .iter()
        .map(|s| format!("{}..{} {}", s.start, s.end, s.text(page).unwrap()))
        .collect();
    insta::assert_yaml_snapshot!(out);
}
