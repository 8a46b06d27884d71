//! Sorts the tagger's errors on one class of one `eval ner` dataset into kinds: gold mentions
//! found with the wrong type (`type`), found with other edges (`boundary`: the overlapping
//! predictions are shown), not found at all (`miss`), and predictions that overlap no gold
//! mention (`spurious`), with counts and up to 40 examples of each spread over the list.
//!
//! `cargo run --release -p parallax-eval --example ner_errors -- factrueval-2016|ner-uk|nerel [Per|Org|Loc] [PATH]`
//! (PATH: another copy of the dataset, or a folder of its documents)

use parallax_eval::{locate_shared, ner};
use parallax_model::Lang;
use std::collections::BTreeMap;

fn main() {
    let shared = locate_shared().expect("../shared beside the repository");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dataset = args.first().cloned().unwrap_or_else(|| "factrueval-2016".into());
    let class = args.get(1).cloned().unwrap_or_else(|| "Org".into());
    let dir = args.get(2).map_or_else(|| shared.join("data").join(&dataset), Into::into);
    let (docs, lang) = match dataset.as_str() {
        "factrueval-2016" => (ner::read_factrueval(&ner::factru_dir(&dir, "testset")), Lang::Ru),
        "nerel" => (ner::read_nerel(&dir), Lang::Ru),
        "ner-uk" => (ner::read_ner_uk(&dir), Lang::Uk),
        other => {
            eprintln!("ner_errors: unknown dataset {other} (factrueval-2016, ner-uk, nerel)");
            std::process::exit(2);
        }
    };
    let docs = docs.expect("the dataset reads");
    let mut kinds: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for d in &docs {
        let sentences = parallax_engine::segment::sentences(&d.text, Some(lang));
        let pred = ner::predict(&d.text, &sentences, lang);
        let text = |s: &parallax_model::Span| s.text(&d.text).unwrap_or("").to_string();
        for ((g, c), b) in
            d.gold.iter().zip(&d.bounds).filter(|((_, c), _)| format!("{c:?}") == class)
        {
            if pred.iter().any(|(p, pc)| b.admit(*p) && pc == c) {
                continue;
            }
            let over: Vec<_> =
                pred.iter().filter(|(p, _)| p.start < g.end && g.start < p.end).collect();
            let kind = if over.iter().any(|(p, _)| b.admit(*p)) {
                "type"
            } else if over.is_empty() {
                "miss"
            } else {
                "boundary"
            };
            let shown: Vec<String> =
                over.iter().map(|(p, pc)| format!("{pc:?}:{}", text(p))).collect();
            kinds.entry(kind).or_default().push(format!(
                "{}  <=  {}  [{}]",
                text(g),
                shown.join(" | "),
                d.id
            ));
        }
        for (p, _) in pred.iter().filter(|(_, pc)| format!("{pc:?}") == class) {
            if !d.gold.iter().any(|(g, _)| p.start < g.end && g.start < p.end) {
                kinds.entry("spurious").or_default().push(text(p));
            }
        }
    }
    for (kind, list) in &kinds {
        println!("== {kind}: {}", list.len());
        let n: usize = std::env::var("SHOW").ok().and_then(|v| v.parse().ok()).unwrap_or(40);
        for x in list.iter().step_by((list.len() / n).max(1)).take(n) {
            println!("   {x}");
        }
    }
}
