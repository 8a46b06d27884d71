//! # parallax-eval: measuring each stage on data nobody on the team wrote
//!
//! Every task reads a third-party dataset from `../shared/data/<name>` (or another copy of it in
//! the same format, given with `--path`), runs the engine over it, and scores the result with the
//! metric the dataset's authors define. A task returns one [`Report`] per dataset; the CLI prints
//! them as text or as JSON lines (`{"task","dataset","n",metrics...,"seconds"}`).
//!
//! Nothing here is shipped in a model or copied into the repository: several of these datasets
//! are licensed for non-commercial evaluation only.

pub mod ask;
pub mod dates;
pub mod entities;
pub mod extract;
pub mod fuzz;
pub mod lang;
pub mod ner;
pub mod plaintext;
pub mod quotes;
pub mod seeds;
pub mod stories;

use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The scores of one task on one dataset.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub task: String,
    pub dataset: String,
    /// How many items were scored.
    pub n: usize,
    /// Metric name to value, names as in DESIGN.md (`f1`, `accuracy`, `pages_per_second`...).
    #[serde(flatten)]
    pub metrics: BTreeMap<String, f64>,
    pub seconds: f64,
    /// Extra lines for a human reader (per-class scores, failures), not part of the JSON contract.
    #[serde(skip)]
    pub notes: Vec<String>,
}

impl Report {
    pub fn new(task: &str, dataset: &str) -> Self {
        Report {
            task: task.into(),
            dataset: dataset.into(),
            n: 0,
            metrics: BTreeMap::new(),
            seconds: 0.0,
            notes: vec![],
        }
    }

    pub fn metric(&mut self, name: &str, value: f64) -> &mut Self {
        self.metrics.insert(name.into(), value);
        self
    }
}

/// Options every task takes.
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// The `../shared` folder (the parent of `data/`, `gold/`, `corpus/`).
    pub shared: PathBuf,
    /// Run only this dataset (a folder name under `shared/data`).
    pub dataset: Option<String>,
    /// Read the dataset from here instead of `shared/data/<dataset>`.
    pub path: Option<PathBuf>,
    /// Score at most this many items per dataset (quick runs).
    pub limit: Option<usize>,
    /// `stories`: ingest every article without its publication date (an archive of undated
    /// plain-text files), to measure how stories hold without the time window.
    pub no_dates: bool,
}

impl EvalOptions {
    /// Where to read `dataset` from: `--path` when it was given for this dataset (or for the only
    /// one asked for), else `shared/data/<dataset>`.
    pub fn dataset_dir(&self, dataset: &str) -> PathBuf {
        match (&self.path, &self.dataset) {
            (Some(p), Some(d)) if d == dataset => p.clone(),
            (Some(p), None) => p.clone(),
            _ => self.shared.join("data").join(dataset),
        }
    }

    /// Whether `dataset` should run.
    pub fn wants(&self, dataset: &str) -> bool {
        self.dataset.as_deref().is_none_or(|d| d == dataset)
    }
}

/// Errors that stop a task.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("dataset {dataset} not found at {path} (is ../shared beside the project? pass --path to read another copy)")]
    Missing { dataset: String, path: PathBuf },
    #[error("cannot read {path}: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("unknown dataset {name:?} for task {task} (known: {known})")]
    UnknownDataset { task: String, name: String, known: String },
    #[error("store: {0}")]
    Store(#[from] parallax_model::StoreError),
}

/// Reads a file, naming it in the error.
pub fn read_file(path: &Path) -> Result<Vec<u8>, EvalError> {
    std::fs::read(path).map_err(|e| EvalError::Read { path: path.into(), reason: e.to_string() })
}

/// Reads a file that may be gzipped (by its `.gz` name).
pub fn read_maybe_gz(path: &Path) -> Result<Vec<u8>, EvalError> {
    use std::io::Read;
    let bytes = read_file(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .map_err(|e| EvalError::Read { path: path.into(), reason: e.to_string() })?;
        Ok(out)
    } else {
        Ok(bytes)
    }
}

/// Fails with [`EvalError::Missing`] when `dir` does not exist.
pub fn require_dir(dataset: &str, dir: &Path) -> Result<(), EvalError> {
    if dir.exists() {
        Ok(())
    } else {
        Err(EvalError::Missing { dataset: dataset.into(), path: dir.into() })
    }
}

/// Finds `../shared` for a checkout: `PARALLAX_SHARED` if set, else the first folder named
/// `shared` (holding `data/` or `gold/`) beside the current directory or one of its ancestors.
pub fn locate_shared() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PARALLAX_SHARED") {
        return Some(PathBuf::from(p));
    }
    let cwd = std::env::current_dir().ok()?;
    cwd.ancestors()
        .map(|a| a.join("shared"))
        .find(|p| p.join("data").is_dir() || p.join("gold").is_dir())
}

/// For tests that read `../shared`: the folder, or `None` when it is absent (a user's clone; the
/// test then says so and skips). When `PARALLAX_REQUIRE_SHARED` is set (CI sets it), absence is a
/// failure instead.
pub fn shared_for_tests(test: &str) -> Option<PathBuf> {
    match locate_shared() {
        Some(p) if p.is_dir() => Some(p),
        _ if std::env::var_os("PARALLAX_REQUIRE_SHARED").is_some() => {
            panic!(
                "{test}: ../shared is required (PARALLAX_REQUIRE_SHARED is set) but was not found"
            )
        }
        _ => {
            eprintln!("{test}: skipped, ../shared not found beside the project (set PARALLAX_SHARED to point at it)");
            None
        }
    }
}

/// Harmonic mean of precision and recall (0 when both are 0).
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}
