//! Training: an averaged structured perceptron over the features of [`super::features`].
//!
//! The input is plain texts with gold spans (the caller reads a corpus; this module does no
//! I/O). Gold spans are aligned to tokens (a span that starts or ends inside a token takes the
//! whole token) and encoded as BIO tags; features seen fewer than `min_count` times in the
//! training data are dropped; the perceptron makes `epochs` passes over the sentences in a
//! shuffled order fixed by `seed`, and the averaged weights are returned.

use super::features::{self, Prepared};
use super::model::{Class, Model, Weights, TAGS};
use parallax_model::{Lang, Span};
use std::collections::HashMap;

/// One training text.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub sentences: Vec<Span>,
    pub lang: Lang,
    pub gold: Vec<(Span, Class)>,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub epochs: usize,
    pub min_count: u32,
    pub seed: u64,
    /// Models trained with different shuffles and averaged (lower variance than one run).
    pub runs: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config { epochs: 25, min_count: 1, seed: 7, runs: 8 }
    }
}

/// A sentence ready for training: features per token, gold tags.
struct Seq {
    feats: Vec<Vec<u32>>,
    gold: Vec<usize>,
}

/// BIO tags of the tokens of `p` for gold spans.
pub fn gold_tags(p: &Prepared, gold: &[(Span, Class)]) -> Vec<usize> {
    let mut tags = vec![0usize; p.toks.len()];
    let mut sorted: Vec<&(Span, Class)> = gold.iter().collect();
    sorted.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut ti = 0;
    for (span, class) in sorted {
        while ti < p.toks.len() && p.toks[ti].end <= span.start {
            ti += 1;
        }
        let mut first = true;
        let mut k = ti;
        while k < p.toks.len() && p.toks[k].start < span.end {
            if tags[k] != 0 {
                // Overlaps an earlier span: keep the earlier one.
                break;
            }
            tags[k] = if first { class.begin() } else { class.begin() + 1 };
            first = false;
            k += 1;
        }
    }
    tags
}

fn prepare_seqs(examples: &[Example]) -> Vec<Seq> {
    let mut seqs = Vec::new();
    for ex in examples {
        let p = features::prepare(&ex.text, &ex.sentences, &[], Some(ex.lang));
        let tags = gold_tags(&p, &ex.gold);
        for &(s, e) in &p.sents {
            let mut feats = Vec::with_capacity(e - s);
            for i in s..e {
                let mut f = Vec::with_capacity(96);
                features::features(&p, s, e, i, &mut f);
                feats.push(f);
            }
            seqs.push(Seq { feats, gold: tags[s..e].to_vec() });
        }
    }
    seqs
}

struct Averaged {
    w: Weights,
    u: Weights,
    trans: [[f32; TAGS]; TAGS + 1],
    trans_u: [[f32; TAGS]; TAGS + 1],
    c: f32,
}

impl Averaged {
    fn update(&mut self, f: u32, tag: usize, d: f32) {
        self.w.entry(f).or_insert([0.0; TAGS])[tag] += d;
        self.u.entry(f).or_insert([0.0; TAGS])[tag] += d * self.c;
    }

    fn update_trans(&mut self, from: usize, to: usize, d: f32) {
        self.trans[from][to] += d;
        self.trans_u[from][to] += d * self.c;
    }

    fn model(&self) -> Model {
        let mut m = Model::default();
        for (k, w) in &self.w {
            let u = self.u.get(k).copied().unwrap_or_default();
            let mut a = [0.0; TAGS];
            for t in 0..TAGS {
                a[t] = w[t] - u[t] / self.c;
            }
            m.weights.insert(*k, a);
        }
        for f in 0..=TAGS {
            for t in 0..TAGS {
                m.trans[f][t] = self.trans[f][t] - self.trans_u[f][t] / self.c;
            }
        }
        m
    }
}

/// A small deterministic generator for shuffling.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// Trains a model on `examples`: the average of `cfg.runs` averaged perceptrons.
pub fn train(examples: &[Example], cfg: &Config) -> Model {
    let seqs = prepare_all(examples, cfg.min_count);
    let runs = cfg.runs.max(1);
    let mut sum = Model::default();
    for r in 0..runs {
        let m = train_once(&seqs, cfg, cfg.seed.wrapping_add(r as u64 * 7919));
        for (k, w) in m.weights {
            let e = sum.weights.entry(k).or_insert([0.0; TAGS]);
            for t in 0..TAGS {
                e[t] += w[t] / runs as f32;
            }
        }
        for f in 0..=TAGS {
            for t in 0..TAGS {
                sum.trans[f][t] += m.trans[f][t] / runs as f32;
            }
        }
    }
    sum
}

fn prepare_all(examples: &[Example], min_count: u32) -> Vec<Seq> {
    let mut seqs = prepare_seqs(examples);
    if min_count > 1 {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for s in &seqs {
            for f in s.feats.iter().flatten() {
                *counts.entry(*f).or_default() += 1;
            }
        }
        for s in &mut seqs {
            for f in &mut s.feats {
                f.retain(|k| counts.get(k).copied().unwrap_or(0) >= min_count);
            }
        }
    }
    seqs
}

fn train_once(seqs: &[Seq], cfg: &Config, seed: u64) -> Model {
    let mut avg = Averaged {
        w: Weights::default(),
        u: Weights::default(),
        trans: [[0.0; TAGS]; TAGS + 1],
        trans_u: [[0.0; TAGS]; TAGS + 1],
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..seqs.len()).collect();
    let mut rng = Lcg(seed);
    let mut pred = Vec::new();
    let mut scores: Vec<[f32; TAGS]> = Vec::new();
    for _ in 0..cfg.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &si in &order {
            let seq = &seqs[si];
            scores.clear();
            for f in &seq.feats {
                let mut sc = [0.0; TAGS];
                for k in f {
                    if let Some(w) = avg.w.get(k) {
                        for t in 0..TAGS {
                            sc[t] += w[t];
                        }
                    }
                }
                scores.push(sc);
            }
            super::model::viterbi(&avg.trans, &scores, &mut pred);
            if pred != seq.gold {
                let mut pg = TAGS;
                let mut pp = TAGS;
                for (k, f) in seq.feats.iter().enumerate() {
                    let g = seq.gold[k];
                    let p = pred[k];
                    if g != p {
                        for &x in f {
                            avg.update(x, g, 1.0);
                            avg.update(x, p, -1.0);
                        }
                    }
                    if (pg, g) != (pp, p) {
                        avg.update_trans(pg, g, 1.0);
                        avg.update_trans(pp, p, -1.0);
                    }
                    pg = g;
                    pp = p;
                }
            }
            avg.c += 1.0;
        }
    }
    avg.model()
}

/// Exact-span scores of a model on examples: (true positives, predicted, gold) per class.
pub fn evaluate(model: &Model, examples: &[Example]) -> HashMap<Class, (usize, usize, usize)> {
    let mut out: HashMap<Class, (usize, usize, usize)> = HashMap::new();
    for ex in examples {
        let found = super::detect_with(model, &ex.text, &ex.sentences, &[], Some(ex.lang));
        let pred: Vec<(Span, Class)> =
            found.iter().filter_map(|d| super::class_of(d.kind).map(|c| (d.span, c))).collect();
        for c in Class::ALL {
            let e = out.entry(c).or_default();
            let g: Vec<Span> = ex.gold.iter().filter(|x| x.1 == c).map(|x| x.0).collect();
            let p: Vec<Span> = pred.iter().filter(|x| x.1 == c).map(|x| x.0).collect();
            e.0 += p.iter().filter(|s| g.contains(s)).count();
            e.1 += p.len();
            e.2 += g.len();
        }
    }
    out
}
