//! `eval fuzz`: mutation fuzzing of the whole per-document pipeline, run as a benchmark.
//!
//! The stable toolchain has no coverage-guided fuzzer (cargo-fuzz needs nightly), so this is a
//! seeded, repeatable mutation harness. Its corpus is the team's own inputs (the demo corpus in
//! `examples/` and the engine's test fixtures, found beside `--path` or the repository root);
//! each execution takes one input and applies a few mutations (bit flips, byte and chunk
//! deletions, duplications and splices with another input, inserted control and multi-byte
//! characters, quote and dash storms, truncation), then runs every target on it:
//!
//! - `read`: format sniffing, decompression, encodings and containers ([`parallax_engine::read`]);
//! - `extract` through `statements`: the whole per-document analysis ([`parallax_engine::process`]:
//!   extraction, language, segmentation, entities, statements, dates, quantities);
//! - `time` and `segment` directly on the mutated text, as a plain string.
//!
//! A crash is a panic in any target, or a span of the result that does not lie on character
//! boundaries inside the stored text. Reported: executions, crashes, executions per second; the
//! first crashing inputs are written to the notes with their seed, so `--limit` and the seed
//! reproduce them.

use crate::{EvalError, EvalOptions, Report};
use parallax_engine::read::{read, ReadOptions};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Executions unless `--limit` says otherwise.
pub const DEFAULT_EXECUTIONS: usize = 20_000;
/// The seed of the mutation stream (fixed: a run is repeatable).
const SEED: u64 = 0x5eed_f00d;

pub fn run(opts: &EvalOptions) -> Result<Vec<Report>, EvalError> {
    let root = opts.path.clone().unwrap_or_else(repository_root);
    let corpus = corpus(&root)?;
    if corpus.is_empty() {
        return Err(EvalError::Read {
            path: root,
            reason: "no fuzzing corpus (examples/ and crates/engine/tests/fixtures/)".into(),
        });
    }
    let executions = opts.limit.unwrap_or(DEFAULT_EXECUTIONS);
    let started = Instant::now();
    let mut rng = Rng(SEED);
    let mut crashes: Vec<String> = vec![];
    let limits = ReadOptions { max_document: 1 << 20, max_container: 4 << 20, lossy_utf8: false };
    // Panics are expected findings here: keep them off stderr while the harness runs.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for n in 0..executions {
        let state = rng.0;
        let input = mutate(&corpus, &mut rng);
        let lossy = n % 2 == 1;
        let limits = ReadOptions { lossy_utf8: lossy, ..limits };
        let outcome = catch_unwind(AssertUnwindSafe(|| check(&input, &limits)));
        let failure = match outcome {
            Ok(Ok(())) => None,
            Ok(Err(reason)) => Some(reason),
            Err(panic) => Some(format!(
                "panic: {}",
                panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            )),
        };
        if let Some(reason) = failure {
            crashes.push(format!("execution {n} (rng state {state:#x}): {reason}"));
        }
    }
    std::panic::set_hook(hook);
    let seconds = started.elapsed().as_secs_f64();
    let mut report = Report::new("fuzz", "team corpus");
    report.n = executions;
    report
        .metric("executions", executions as f64)
        .metric("crashes", crashes.len() as f64)
        .metric("corpus_inputs", corpus.len() as f64)
        .metric("executions_per_second", executions as f64 / seconds.max(1e-9));
    report.notes.extend(crashes.into_iter().take(20));
    report.seconds = seconds;
    Ok(vec![report])
}

/// Runs every target on one input; an error names a broken span.
fn check(input: &[u8], limits: &ReadOptions) -> Result<(), String> {
    let text = String::from_utf8_lossy(input);
    let sentences = parallax_engine::segment::sentences(&text, None);
    let _ = parallax_engine::time::analyze(&text, &sentences, None, None);
    for doc in read(input, "fuzz", limits).into_iter().flatten() {
        let Ok(done) = parallax_engine::process(&doc) else { continue };
        let a = &done.article;
        let spans = a
            .paragraphs
            .iter()
            .map(|p| (p.start, p.end))
            .chain(done.analysis.sentences.iter().map(|s| (s.start, s.end)))
            .chain(
                done.analysis
                    .statements
                    .statements
                    .iter()
                    .map(|s| (s.content.start, s.content.end)),
            )
            .chain(done.analysis.statements.dates.iter().map(|d| (d.start, d.end)));
        for (start, end) in spans {
            if start > end || a.text.get(start..end).is_none() {
                return Err(format!("span {start}..{end} outside the text or off a boundary"));
            }
        }
    }
    Ok(())
}

/// The repository root: the folder holding `examples/`, found from the working directory up.
fn repository_root() -> PathBuf {
    let mut dir = std::env::current_dir().unwrap_or_default();
    loop {
        if dir.join("examples").is_dir() && dir.join("crates").is_dir() {
            return dir;
        }
        if !dir.pop() {
            return PathBuf::from(".");
        }
    }
}

/// Every file of the team's corpus: the demo inputs and the engine's fixtures.
fn corpus(root: &Path) -> Result<Vec<Vec<u8>>, EvalError> {
    let mut files = vec![];
    for dir in [root.join("examples"), root.join("crates/engine/tests/fixtures")] {
        files_under(&dir, &mut files);
    }
    files.sort();
    files.iter().map(|f| crate::read_file(f)).collect()
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            files_under(&path, out);
        } else if e.metadata().is_ok_and(|m| m.len() < 1 << 20) {
            out.push(path);
        }
    }
}

/// A small, repeatable generator (xorshift64*): the harness needs no more.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that stress text handling: controls, multi-byte and combining characters, quotes,
/// dashes, markup and container syntax.
const PIECES: &[&[u8]] = &[
    b"\x00",
    b"\x1b[31m",
    b"\r\n\r\n",
    b"\xff\xfe",
    b"\xe2\x80",
    "—".as_bytes(),
    "«".as_bytes(),
    "»".as_bytes(),
    "\u{301}".as_bytes(),
    "\u{200b}".as_bytes(),
    "\u{a0}".as_bytes(),
    "🇺🇦".as_bytes(),
    b"\"",
    b"<p>",
    b"</div>",
    b"<![CDATA[",
    b"{\"text\":",
    b"}\n{",
    b"\x1f\x8b\x08\x00",
    b" said ",
    " заявил, что ".as_bytes(),
    b"31.12.1999",
    b"on Monday",
];

/// One mutated input: a corpus file with one to four mutations.
fn mutate(corpus: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut b = corpus[rng.below(corpus.len())].clone();
    for _ in 0..1 + rng.below(4) {
        let len = b.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                b[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                let n = rng.below(64).min(len - i);
                b.drain(i..i + n);
            }
            2 if len > 0 => {
                let i = rng.below(len);
                let n = rng.below(256).min(len - i);
                let chunk = b[i..i + n].to_vec();
                let at = rng.below(len);
                b.splice(at..at, chunk);
            }
            3 => {
                let other = &corpus[rng.below(corpus.len())];
                let from = rng.below(other.len());
                let to = (from + rng.below(2048)).min(other.len());
                let at = rng.below(len + 1);
                b.splice(at..at, other[from..to].iter().copied());
            }
            4 | 5 => {
                let piece = PIECES[rng.below(PIECES.len())];
                let at = rng.below(len + 1);
                let most = if rng.below(8) == 0 { 500 } else { 3 };
                let times = 1 + rng.below(most);
                for _ in 0..times {
                    b.splice(at..at, piece.iter().copied());
                }
            }
            6 if len > 0 => b.truncate(rng.below(len)),
            7 => {
                // A very long line without breaks.
                let at = rng.below(len + 1);
                b.splice(at..at, std::iter::repeat_n(b'x', 1 + rng.below(20_000)));
            }
            _ => {
                let at = rng.below(len + 1);
                let byte = (rng.next() & 0xff) as u8;
                b.insert(at, byte);
            }
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutations_are_repeatable_and_change_the_input() {
        let corpus = vec![b"The minister said on Monday that talks would resume.".to_vec()];
        let (mut a, mut b) = (Rng(7), Rng(7));
        let first: Vec<Vec<u8>> = (0..20).map(|_| mutate(&corpus, &mut a)).collect();
        let again: Vec<Vec<u8>> = (0..20).map(|_| mutate(&corpus, &mut b)).collect();
        assert_eq!(first, again);
        assert!(first.iter().any(|m| m != &corpus[0]));
    }

    #[test]
    fn a_clean_input_passes_every_target() {
        let limits = ReadOptions::default();
        assert_eq!(
            check(b"Title\n\nThe minister said on Monday that talks resume.", &limits),
            Ok(())
        );
    }
}
