//! Prints the seed checks and the processed seed articles: `cargo run -p parallax-eval --example eval_seeds`.
fn main() {
    let opts = parallax_eval::EvalOptions {
        shared: parallax_eval::locate_shared().unwrap_or_else(|| "../shared".into()),
        ..Default::default()
    };
    if std::env::args().any(|a| a == "--articles") {
        let (corpus, _) = parallax_eval::seeds::seed_paths(&opts);
        let mut files: Vec<_> = std::fs::read_dir(&corpus).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let a = parallax_eval::seeds::process_file(&f).unwrap().article;
            println!("=== {}\n{}\n", f.display(), serde_json::to_string_pretty(&a).unwrap());
        }
    }
    for r in parallax_eval::seeds::run(&opts).unwrap() {
        println!("{}", serde_json::to_string(&r).unwrap());
        for n in &r.notes {
            println!("  {n}");
        }
    }
}
