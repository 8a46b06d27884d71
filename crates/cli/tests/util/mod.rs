//! Helpers for running the `parallax` binary in tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_parallax"))
}

/// Runs `parallax --data DATA ARGS...`.
pub fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .arg("--data")
        .arg(data)
        .args(args)
        .env_remove("PARALLAX_DATA")
        .output()
        .expect("run parallax")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Starts `parallax --data DATA ingest --quiet --jobs 1 INPUT`, waits until it has committed
/// an article, and kills it (SIGKILL: no chance to clean up). Returns how many articles a
/// reader saw committed; 0 when nothing was committed within two minutes.
pub fn ingest_then_kill(data: &Path, input: &Path) -> usize {
    let input = input.to_str().unwrap();
    run_then_kill(data, &["ingest", "--quiet", "--jobs", "1", input], data)
}

/// Starts `parallax --data DATA ARGS...`, waits until the store in `watch` holds an article,
/// and kills it (SIGKILL). Returns how many articles a reader saw there; 0 when none came
/// within two minutes or the command ended first.
pub fn run_then_kill(data: &Path, args: &[&str], watch: &Path) -> usize {
    use parallax_model::Store;
    let mut child = Command::new(bin())
        .arg("--data")
        .arg(data)
        .args(args)
        .env_remove("PARALLAX_DATA")
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let mut seen = 0;
    while std::time::Instant::now() < deadline && seen == 0 {
        if child.try_wait().unwrap().is_some() {
            return 0;
        }
        if let Ok(store) = parallax_store_sqlite::SqliteStore::open_read_only(watch) {
            seen = store.count().unwrap_or(0);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    seen
}

/// The JSON lines of `parallax articles --json`.
pub fn articles(data: &Path) -> Vec<serde_json::Value> {
    let o = run(data, &["articles", "--json"]);
    assert!(o.status.success(), "articles failed: {}", stderr(&o));
    stdout(&o).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

/// A short, distinct article in the given language.
pub fn article_text(n: usize) -> String {
    format!(
        "Council approves plan number {n} for the river district\n\n\
         The city council approved plan number {n} for the river district on Tuesday, officials said.\n\n\
         The plan covers new flood barriers, {n} additional pumps and a warning system for residents.\n\n\
         Read more\n"
    )
}
