//! Runs `eval stories` on BSNLP and ITN with several assigner configurations, processing each
//! dataset once: the tool that chose the defaults of `parallax_engine::stories::Config`.
//!
//! `cargo run --release -p parallax-eval --example story_sweep -- threshold=0.2,0.25,0.3 [dataset]`
//! varies one parameter (threshold, short, merge, window, decay, term, cross, entity, number,
//! date, event, place);
//! with no argument, the defaults alone. `SWEEP_BASE="window=60,decay=0.2"` changes the base
//! configuration the sweep starts from; `SWEEP_NO_DATES=1` removes the publication dates.

use parallax_engine::stories::Config;
use parallax_eval::{locate_shared, stories, EvalOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut base = Config::default();
    // SWEEP_BASE="window=60,decay=0.2" sets parameters of the base configuration.
    for pair in std::env::var("SWEEP_BASE").unwrap_or_default().split(',') {
        if let Some((name, v)) = pair.split_once('=') {
            if let Ok(x) = v.parse::<f32>() {
                if !set(&mut base, name, x) {
                    eprintln!("unknown parameter {name}");
                    std::process::exit(2);
                }
            }
        }
    }
    let mut configs = vec![base.clone()];
    let mut names = vec!["default".to_string()];
    if let Some((name, values)) = args.first().and_then(|a| a.split_once('=')) {
        configs.clear();
        names.clear();
        for v in values.split(',') {
            let Ok(x) = v.parse::<f32>() else { continue };
            let mut c = base.clone();
            if !set(&mut c, name, x) {
                eprintln!("unknown parameter {name}");
                std::process::exit(2);
            }
            configs.push(c);
            names.push(format!("{name}={v}"));
        }
    }
    let Some(shared) = locate_shared() else {
        eprintln!("no ../shared");
        std::process::exit(2);
    };
    let dataset = args.get(1).cloned();
    // SWEEP_NO_DATES=1 ingests without publication dates (eval stories --no-dates).
    let no_dates = std::env::var_os("SWEEP_NO_DATES").is_some();
    let opts = EvalOptions { shared, dataset: dataset.clone(), no_dates, ..Default::default() };
    let mut all = vec![];
    if opts.wants("bsnlp") {
        all.push(stories::bsnlp(&opts, &configs).unwrap_or_default());
    }
    if opts.wants("itn-corpus") {
        all.push(stories::itn(&opts, &configs).unwrap_or_default());
    }
    if opts.wants("ruwa-russia-ukraine-war-news") {
        all.push(stories::ruwa(&opts, &configs).unwrap_or_default());
    }
    for reports in all {
        for (name, r) in names.iter().zip(reports) {
            let m: Vec<String> = r
                .metrics
                .iter()
                .filter(|(k, _)| !k.contains("rss"))
                .map(|(k, v)| format!("{k} {v:.3}"))
                .collect();
            println!("{} {name}: {}", r.dataset, m.join(" · "));
            if std::env::var_os("SWEEP_NOTES").is_some() {
                for n in &r.notes {
                    println!("    {n}");
                }
            }
        }
    }
}

/// Sets one named parameter; false for an unknown name.
fn set(c: &mut Config, name: &str, x: f32) -> bool {
    match name {
        "threshold" => c.threshold = x,
        "short" => c.short_keys = x as usize,
        "merge" => c.merge_threshold = x,
        "window" => c.window_days = x as i32,
        "decay" => c.time_decay = x,
        "term" => c.channel_weights[0] = x,
        "cross" => c.channel_weights[1] = x,
        "entity" => c.channel_weights[2] = x,
        "number" => c.channel_weights[3] = x,
        "date" => c.channel_weights[4] = x,
        "event" => c.event_floor = x,
        "place" => c.place_factor = x,
        _ => return false,
    }
    true
}
