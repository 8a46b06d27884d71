//! Pair analysis of ITN, the tool behind the story features' weights: the similarity of every
//! pair of blurbs within a week (the cosine an article would get against a one-article story),
//! as histograms by gold sameness and by same or different language, and the best pair-level F1
//! a single threshold could reach (an upper bound for what clustering can make of the features).
//!
//! `cargo run --release -p parallax-eval --example story_pairs` with, optionally,
//! `W=term,cross,entity,number,date` (channel weights), `MULTI=1` (a pair is positive when the
//! blurbs share any subject they are listed under, as `eval stories` scores it), `SHOW=1` (print
//! the cross-lingual same-subject pairs the default assigner puts in different stories), or
//! `DUMP=Q123` (the clusters and key counts of one subject's blurbs).

use parallax_engine::stories::features::{features, Channel};
use parallax_engine::stories::{cosine, Config};
use parallax_eval::{locate_shared, stories};
use parallax_model::Store;
use std::collections::HashMap;

fn main() {
    let shared = locate_shared().expect("../shared");
    let docs = stories::itn_docs(&shared.join("data/itn-corpus"), None).expect("the ITN corpus");
    let processed = stories::process_all(&docs);
    let a = stories::assign_all(&processed, &Config::default());
    let feats: Vec<_> = processed
        .iter()
        .map(|d| match a.store.get(&d.article.id).ok().flatten() {
            Some(s) => features(&s.article, &s.analysis),
            None => features(&d.article, &d.analysis),
        })
        .collect();
    let mut df: HashMap<u64, f32> = HashMap::new();
    for f in &feats {
        for (k, _) in &f.keys {
            *df.entry(*k).or_default() += 1.0;
        }
    }
    let n = feats.len() as f32;
    let mut w = Config::default().channel_weights;
    if let Ok(spec) = std::env::var("W") {
        for (i, x) in spec.split(',').enumerate() {
            w[i] = x.parse().expect("W is five numbers separated by commas");
        }
    }
    let vecs: Vec<Vec<(u64, f32)>> = feats
        .iter()
        .map(|f| {
            let mut v: Vec<(u64, f32)> = f
                .keys
                .iter()
                .map(|&(k, tf)| {
                    let idf = 1.0 + ((n + 1.0) / (df[&k] + 1.0)).ln();
                    let cw = match Channel::of(k) {
                        Some(Channel::Term) => w[0],
                        Some(Channel::Cross) => w[1],
                        Some(Channel::Entity) => w[2],
                        Some(Channel::Number) => w[3],
                        _ => w[4],
                    };
                    (k, tf * idf * cw)
                })
                .collect();
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            v.iter_mut().for_each(|x| x.1 /= norm.max(1e-9));
            v
        })
        .collect();
    if let Ok(want) = std::env::var("DUMP") {
        for (i, d) in processed.iter().enumerate() {
            if !docs[i].raw.source.contains(&want) {
                continue;
            }
            println!("{} {}", docs[i].raw.source, d.article.text);
            if let Some(s) = a.store.get(&d.article.id).ok().flatten() {
                for c in &s.analysis.entities.clusters {
                    println!("   {:?} {:?} {:?}", c.kind, c.name, c.entity);
                }
            }
            let mut by = [0usize; 6];
            for (k, _) in &feats[i].keys {
                by[Channel::of(*k).map_or(0, |c| c as usize)] += 1;
            }
            println!("   keys by channel {:?}", by);
        }
        return;
    }
    let mut sets: HashMap<(String, String), Vec<String>> = HashMap::new();
    for (d, p) in docs.iter().zip(&processed) {
        sets.entry((d.lang.clone(), p.article.text.clone())).or_default().push(d.gold.clone());
    }
    let labels: Vec<&Vec<String>> = docs
        .iter()
        .zip(&processed)
        .map(|(d, p)| &sets[&(d.lang.clone(), p.article.text.clone())])
        .collect();
    let multi = std::env::var_os("MULTI").is_some();
    // histograms: [same?][cross?] of best cosine
    let mut hist = [[[0usize; 11]; 2]; 2];
    let mut scored: [Vec<(f32, bool)>; 2] = [vec![], vec![]];
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let (Some(ti), Some(tj)) = (docs[i].time, docs[j].time) else { continue };
            if (ti - tj).abs() > 7 * 86400 {
                continue;
            }
            let cross = docs[i].lang != docs[j].lang;
            let same = if multi {
                labels[i].iter().any(|l| labels[j].contains(l))
            } else {
                docs[i].gold == docs[j].gold
            };
            let full = cosine(&vecs[i], &vecs[j], |_| true);
            let ind = cosine(&vecs[i], &vecs[j], |k| {
                Channel::of(k).is_some_and(Channel::language_independent)
            });
            let s = if cross { full.max(ind) } else { full };
            scored[usize::from(cross)].push((s, same));
            let b = ((s * 10.0).floor() as usize).min(10);
            hist[usize::from(same)][usize::from(cross)][b] += 1;
            let split = a.stories[i] != a.stories[j];
            if std::env::var_os("SHOW").is_some() && cross && same && split {
                println!(
                    "MISS {:.2}\n  {} {}\n  {} {}",
                    s,
                    docs[i].raw.source,
                    processed[i].article.text,
                    docs[j].raw.source,
                    processed[j].article.text
                );
            }
        }
    }
    for (c, mut v) in scored.into_iter().enumerate() {
        v.sort_by(|a, b| b.0.total_cmp(&a.0));
        let gold = v.iter().filter(|x| x.1).count() as f32;
        let (mut tp, mut best) = (0.0f32, (0.0f32, 0.0f32));
        for (k, (s, same)) in v.iter().enumerate() {
            if *same {
                tp += 1.0;
            }
            let f = 2.0 * tp / (k as f32 + 1.0 + gold);
            if f > best.0 {
                best = (f, *s);
            }
        }
        println!("cross={c}: best pair F1 {:.3} at {:.3}", best.0, best.1);
    }
    for same in [1, 0] {
        for cross in [0, 1] {
            println!("same={same} cross={cross}: {:?}", hist[same][cross]);
        }
    }
}
