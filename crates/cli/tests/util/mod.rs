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
