//! Derives the engine's version from what decides its analyses: the source of its stages and the
//! data it ships (knowledge base, lexicons, morphology). Two builds of different code or data
//! give different `ENGINE_VERSION`s, so a store can tell which analyses an older engine made
//! (`parallax reanalyse`).

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let mut all = vec![];
    for dir in ["src", "data"] {
        println!("cargo:rerun-if-changed={dir}");
        files(&root.join(dir), &mut all);
    }
    all.sort();
    let mut h = blake3::Hasher::new();
    for p in &all {
        // Paths relative to the crate, so that the hash does not depend on where it is built.
        let rel = p.strip_prefix(&root).unwrap_or(p);
        h.update(rel.to_string_lossy().replace('\\', "/").as_bytes());
        h.update(&[0]);
        if let Ok(bytes) = std::fs::read(p) {
            h.update(&bytes);
        }
        h.update(&[0]);
    }
    let hex = h.finalize().to_hex();
    let short: String = hex.chars().take(12).collect();
    println!("cargo:rustc-env=PARALLAX_ENGINE_HASH={short}");
}
