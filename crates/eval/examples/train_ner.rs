//! Rebuilds the shipped named-entity model from the factRuEval-2016 devset (MIT).
//!
//! ```text
//! cargo run --release -p parallax-eval --example train_ner
//!     [--data ../shared/data/factrueval-2016]   the dataset folder (its devset is read)
//!     [--out crates/engine/data/models/ner-ru.bin]
//!     [--epochs N] [--min-count N] [--seed N] [--runs N]
//!     [--cv K]          K-fold cross-validation on the devset instead (nothing written)
//!     [--check uk:DIR | ru:DIR | factru:DIR]...  after training, score the in-memory model on a
//!                       folder of brat .txt/.ann pairs (uk: NER-UK types, ru: NEREL types) or of
//!                       factRuEval documents; nothing is written then
//!     [--errors]        with --cv or --check, list the mentions missed and the spurious ones
//!     [--full-spans]    train on whole gold objects, descriptors included ("журнале «Театр и
//!                       искусство»"), instead of their names ("Театр и искусство")
//! ```
//!
//! Only the devset is read for training; the testset is what `parallax eval ner` reports on.

use parallax_engine::entities::ner::model::{Class, Model};
use parallax_engine::entities::ner::train::{self, Config, Example};
use parallax_eval::ner::{
    compare, factru_dir, read_factrueval, read_ner_uk, read_nerel, Counts, Doc,
};
use parallax_model::Lang;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_ner: {e}");
            ExitCode::FAILURE
        }
    }
}

struct Args {
    data: PathBuf,
    out: PathBuf,
    cfg: Config,
    cv: Option<usize>,
    check: Vec<(String, PathBuf)>,
    errors: bool,
    full: bool,
}

fn parse() -> Result<Args, String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = parallax_eval::locate_shared().unwrap_or_else(|| root.join("../shared"));
    let mut a = Args {
        data: shared.join("data/factrueval-2016"),
        out: root.join("crates/engine/data/models/ner-ru.bin"),
        cfg: Config::default(),
        cv: None,
        check: vec![],
        errors: false,
        full: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        let num = |v: String| v.parse::<u64>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--data" => a.data = value()?.into(),
            "--out" => a.out = value()?.into(),
            "--epochs" => a.cfg.epochs = num(value()?)? as usize,
            "--min-count" => a.cfg.min_count = num(value()?)? as u32,
            "--seed" => a.cfg.seed = num(value()?)?,
            "--runs" => a.cfg.runs = num(value()?)? as usize,
            "--cv" => a.cv = Some(num(value()?)? as usize),
            "--check" => {
                let v = value()?;
                let (what, dir) = v.split_once(':').ok_or("--check takes uk:DIR or ru:DIR")?;
                a.check.push((what.to_string(), dir.into()));
            }
            "--errors" => a.errors = true,
            "--full-spans" => a.full = true,
            _ => return Err(format!("unknown argument {flag}")),
        }
    }
    Ok(a)
}

/// Training examples: each gold mention taken as its name, without the descriptors factRuEval
/// lets a mention include ("журнале" in "журнале «Театр и искусство»"), which Parallax finds
/// apart, or with them when `full`.
fn examples(docs: &[Doc], lang: Lang, full: bool) -> Vec<Example> {
    docs.iter()
        .map(|d| Example {
            text: d.text.clone(),
            sentences: parallax_engine::segment::sentences(&d.text, Some(lang)),
            lang,
            gold: d
                .gold
                .iter()
                .zip(&d.bounds)
                .map(|(g, b)| (if full { g.0 } else { b.name }, g.1))
                .collect(),
        })
        .collect()
}

fn report(label: &str, model: &Model, docs: &[Doc], lang: Lang, errors: bool) {
    let mut totals: BTreeMap<&str, Counts> = BTreeMap::new();
    let t = std::time::Instant::now();
    for d in docs {
        let sentences = parallax_engine::segment::sentences(&d.text, Some(lang));
        let pred: Vec<_> = parallax_engine::entities::ner::detect_with(
            model,
            &d.text,
            &sentences,
            &[],
            Some(lang),
        )
        .into_iter()
        .filter_map(|x| parallax_engine::entities::ner::class_of(x.kind).map(|c| (x.span, c)))
        .collect();
        for (c, n) in compare(d, &pred) {
            let e = totals.entry(c.name()).or_default();
            e.tp += n.tp;
            e.pred += n.pred;
            e.gold += n.gold;
        }
        if errors {
            list_errors(d, &pred);
        }
    }
    print_counts(label, &totals, docs.len(), t.elapsed().as_secs_f64());
}

fn list_errors(d: &Doc, pred: &[(parallax_model::Span, Class)]) {
    let show = |s: &parallax_model::Span| {
        let mut ctx_start = s.start.saturating_sub(40);
        while !d.text.is_char_boundary(ctx_start) {
            ctx_start -= 1;
        }
        let mut ctx_end = (s.end + 40).min(d.text.len());
        while !d.text.is_char_boundary(ctx_end) {
            ctx_end += 1;
        }
        format!(
            "{:?}   …{}[{}]{}…",
            s.text(&d.text).unwrap_or(""),
            d.text.get(ctx_start..s.start).unwrap_or(""),
            s.text(&d.text).unwrap_or(""),
            d.text.get(s.end..ctx_end).unwrap_or("")
        )
        .replace('\n', " ")
    };
    for ((s, c), b) in d.gold.iter().zip(&d.bounds) {
        if !pred.iter().any(|(p, pc)| pc == c && b.admit(*p)) {
            let got: Vec<String> = pred
                .iter()
                .filter(|(p, _)| p.start < s.end && s.start < p.end)
                .map(|(p, pc)| format!("{} {:?}", pc.name(), p.text(&d.text).unwrap_or("")))
                .collect();
            println!("MISS {} {} {}  got: {}", d.id, c.name(), show(s), got.join("; "));
        }
    }
    for (s, c) in pred {
        if d.matching(*s, *c).is_none()
            && !d.gold.iter().any(|(g, _)| g.start < s.end && s.start < g.end)
        {
            println!("SPUR {} {} {}", d.id, c.name(), show(s));
        }
    }
}

fn print_counts(label: &str, totals: &BTreeMap<&str, Counts>, n: usize, secs: f64) {
    let mut all = Counts::default();
    let mut parts = vec![];
    for (c, x) in totals {
        all.tp += x.tp;
        all.pred += x.pred;
        all.gold += x.gold;
        parts.push(format!("{c} {:.3}", x.f1()));
    }
    println!(
        "{label}: P {:.4} R {:.4} F1 {:.4} | {} | {n} docs, {:.0} docs/s",
        all.precision(),
        all.recall(),
        all.f1(),
        parts.join(" "),
        n as f64 / secs.max(1e-9)
    );
}

fn run() -> Result<(), String> {
    let a = parse()?;
    let dev = read_factrueval(&factru_dir(&a.data, "devset")).map_err(|e| e.to_string())?;
    if dev.is_empty() {
        return Err(format!("no documents in {}", a.data.display()));
    }
    let exs = examples(&dev, Lang::Ru, a.full);
    if let Some(k) = a.cv {
        let k = k.max(2);
        let mut totals: BTreeMap<&str, Counts> = BTreeMap::new();
        for fold in 0..k {
            let (test, trainset): (Vec<_>, Vec<_>) =
                exs.iter().cloned().enumerate().partition(|(i, _)| i % k == fold);
            let trainset: Vec<Example> = trainset.into_iter().map(|(_, e)| e).collect();
            let test: Vec<Example> = test.into_iter().map(|(_, e)| e).collect();
            let model = train::train(&trainset, &a.cfg);
            if a.errors {
                let docs: Vec<Doc> = dev
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % k == fold)
                    .map(|(_, d)| d.clone())
                    .collect();
                report(&format!("fold {fold}"), &model, &docs, Lang::Ru, true);
            }
            for (c, (tp, pred, gold)) in train::evaluate(&model, &test) {
                let e = totals.entry(c.name()).or_default();
                e.tp += tp;
                e.pred += pred;
                e.gold += gold;
            }
        }
        print_counts(&format!("{k}-fold CV on the devset"), &totals, exs.len(), 1.0);
        return Ok(());
    }
    let t = std::time::Instant::now();
    let model = train::train(&exs, &a.cfg);
    let bytes = model.to_bytes();
    println!(
        "trained on {} documents in {:.1} s: {} feature rows, {} bytes",
        exs.len(),
        t.elapsed().as_secs_f64(),
        model.weights.len(),
        bytes.len()
    );
    let _ = Class::ALL;
    for (what, dir) in &a.check {
        let (docs, lang) = match what.as_str() {
            "uk" => (read_ner_uk(dir), Lang::Uk),
            "factru" => (read_factrueval(dir), Lang::Ru),
            _ => (read_nerel(dir), Lang::Ru),
        };
        let docs = docs.map_err(|e| e.to_string())?;
        report(&dir.display().to_string(), &model, &docs, lang, a.errors);
    }
    if a.check.is_empty() {
        std::fs::write(&a.out, &bytes).map_err(|e| format!("{}: {e}", a.out.display()))?;
        println!("wrote {}", a.out.display());
    }
    Ok(())
}
