//! Stories: online, cross-lingual clustering of articles, with wire-copy de-duplication.
//!
//! A reader asks about a story, not an article. Parallax groups articles into stories as they
//! arrive, across languages and scripts, without recomputing the corpus: each new article joins
//! an existing story or founds one. The method is single-pass clustering as in Topic Detection
//! and Tracking (Allan et al. 1998; Yang et al. 1998), made cross-lingual by keys that mean the
//! same in every language:
//!
//! 1. **Features** ([`features`]): the article's weighted keys in five channels — light stems of
//!    content words (within a language), cross-script consonant skeletons of those words
//!    (internationalisms and names across scripts), linked entity ids (one identity across
//!    scripts and cases), numbers, and the dates the text names — and a near-duplicate
//!    fingerprint ([`dedup`]). Title words count twice; captions and page furniture are never
//!    read, so a teaser for another story left in a page neither founds nor joins a story.
//! 2. **Copies first**: an article whose MinHash fingerprint matches a stored one (estimated
//!    Jaccard ≥ 0.5) is a reprint: it joins the original's story as a copy, counted once (it does
//!    not move the story's centroid or the document frequencies), and the story keeps its reach.
//! 3. **Weights**: term frequency (sublinear) × inverse document frequency against the store's
//!    counts, `1 + ln((N + 1) / (df + 1))`, so that keys present in many articles (countries,
//!    "said", the year) weigh little and distinctive ones (a pipeline's name, a figure) much;
//!    the vector is L2-normalised.
//! 4. **Candidates** come from the index, not from a scan: the article's strongest keys each
//!    bring the stories most recently filed under them (bounded lists, only stories active within
//!    the time window), the candidates are ranked by the weight of the keys they share, and only
//!    the best few are scored in full. The cost per article stays flat as the store grows.
//! 5. **Score**: the cosine between the article and the story's centroid (the sum of its
//!    members' vectors, bounded to its strongest keys). When the story has no member in the
//!    article's language, the comparison uses the language-independent channels only (skeletons,
//!    entities, numbers, dates), since the story cannot share the article's words. Within a
//!    language, a story is an event: when the words the article shares with the story are
//!    mostly names, the score is scaled down ([`Config::event_floor`]). The score
//!    falls linearly with the days between the article and the story's active range, and a story
//!    silent for longer than the window is no candidate: the same actors in a later event make a
//!    new story. An article without a publication date is placed by the latest date its text
//!    writes with its year (a day, a month or a whole year, [`features::Features::text_day`]):
//!    it looks up stories of every time, is kept from those outside the window of that date,
//!    and never widens a story's span; a story of undated articles stands where their texts
//!    place them (`StoryProfile::text_days`). An article that names no date at all is compared
//!    on content alone (a higher bar for it was measured and lost recall for no purity:
//!    BENCHMARKS.md).
//! 6. **Decision**: join the best story when its score reaches the threshold, else found a story.
//!    When a second story also reaches the merge threshold and the two centroids are that close
//!    to each other, the article bridges them and they merge (stories formed separately in two
//!    languages meet once evidence links them).
//! 7. **Title**: the title of the member that fits the story best (news reports before
//!    aggregator summaries and opinion).
//!
//! Everything is deterministic: the same articles in the same order give the same stories. The
//! assigner runs inside the store's write transaction ([`parallax_model::StoryAssigner`]); for
//! streams larger than a store should hold, [`stream::StreamIndex`] is a bounded in-memory index
//! in which stories age out.

pub mod dedup;
pub mod features;
pub mod stream;

#[cfg(test)]
mod golden;

use features::{Channel, Features};
use parallax_model::{
    Analysis, Article, Kind, StoreResult, StoryAssigner, StoryAssignment, StoryId, StoryIndex,
    StoryProfile,
};
use std::collections::HashMap;

/// The assigner's parameters. The defaults are documented with the measurements that chose them
/// in `BENCHMARKS.md` (Stories).
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The score from which an article joins a story.
    pub threshold: f32,
    /// Below this many keys an article needs more evidence to join a story in its own language:
    /// its similarity is divided by `sqrt(short_keys / keys)`. One shared word is a larger share
    /// of a short text's vector than of a long one's, so chance similarities between unrelated
    /// short texts (a one-sentence blurb, a headline) run higher. Across languages only names,
    /// numbers, dates and skeletons can be shared, and chance matches are rare.
    pub short_keys: usize,
    /// The score from which a second story is merged into the joined one (both the article's
    /// score against it and the two centroids' similarity must reach it).
    pub merge_threshold: f32,
    /// Days without an article after which a story is no longer a candidate.
    pub window_days: i32,
    /// How much the score falls at the far end of the window (0: not at all, 1: to zero).
    pub time_decay: f32,
    /// How many of the article's strongest keys look up candidates.
    pub query_keys: usize,
    /// How many stories each key lookup returns (the most recently active).
    pub per_key: usize,
    /// How many candidates are scored in full.
    pub candidates: usize,
    /// How many keys a story's centroid keeps.
    pub centroid_keys: usize,
    /// Under how many of its strongest keys each article files its story.
    pub file_keys: usize,
    /// Weight of each channel: term, cross-script, entity, number, date.
    pub channel_weights: [f32; 5],
    /// Within a language, a story is an event, and the same people at another event are told
    /// in other words. The article's word cosine with the story is taken twice, with and
    /// without the words the article uses only inside names; when their ratio is below this
    /// floor the score is scaled by ratio / floor (0: never). Not applied against a story that
    /// holds another language of the article's script, whose words share the names' stems but
    /// few others.
    pub event_floor: f32,
    /// An event happens somewhere: when the article and the story both name countries (or
    /// places of the knowledge base, by their country) and share none, the score is multiplied
    /// by this (1: never). Two earthquakes, elections or crashes in two countries are two
    /// stories, whatever words they share.
    pub place_factor: f32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            threshold: 0.10,
            short_keys: 100,
            merge_threshold: 0.25,
            window_days: 120,
            time_decay: 0.5,
            query_keys: 24,
            per_key: 12,
            candidates: 12,
            centroid_keys: 300,
            file_keys: 32,
            channel_weights: [1.0, 2.0, 2.5, 1.0, 0.5],
            event_floor: 0.5,
            place_factor: 0.25,
        }
    }
}

/// The engine's [`StoryAssigner`].
#[derive(Debug, Clone, Default)]
pub struct EngineAssigner {
    pub config: Config,
}

impl StoryAssigner for EngineAssigner {
    fn assign(
        &self,
        article: &Article,
        analysis: &Analysis,
        index: &dyn StoryIndex,
    ) -> StoreResult<StoryAssignment> {
        self.assign_features(&features::features(article, analysis), index)
    }
}

/// A scored candidate.
#[derive(Debug, Clone)]
struct Scored {
    profile: StoryProfile,
    score: f32,
}

impl EngineAssigner {
    pub fn new(config: Config) -> Self {
        EngineAssigner { config }
    }

    /// Assigns an article whose features are already computed (features are per-article and can
    /// be computed in parallel; this step reads the index and is sequential).
    /// An index that cannot be read is an error: the write it serves is abandoned, never decided
    /// on an empty answer.
    pub fn assign_features(
        &self,
        f: &Features,
        index: &dyn StoryIndex,
    ) -> StoreResult<StoryAssignment> {
        let cfg = &self.config;
        // An undated article looks up stories of every time (undated ones included); the days
        // its text writes, if any, then keep it from stories outside the window (`score`).
        let since = f.day.map(|d| d.saturating_sub(cfg.window_days));
        if let Some(a) = self.copy(f, index, since)? {
            return Ok(a);
        }
        let vector = self.weigh(f, index)?;
        let scored = self.candidates(f, &vector, index, since)?;
        let best = scored.first().filter(|s| s.score >= cfg.threshold);
        let mut file_under = strongest(&vector, cfg.file_keys);
        file_under.extend(independent(&vector, cfg.file_keys / 2).into_iter().map(|x| x.0));
        file_under.sort_unstable();
        file_under.dedup();
        let frequencies: Vec<u64> = f.keys.iter().map(|k| k.0).collect();
        let Some(best) = best else {
            let mut profile = new_profile(f);
            profile.centroid = truncate(vector, cfg.centroid_keys);
            return Ok(StoryAssignment {
                profile,
                day: f.day,
                file_under,
                frequencies,
                copy_of: None,
                fingerprint: f.fingerprint.clone(),
                absorbed: vec![],
            });
        };
        let mut profile = best.profile.clone();
        let mut absorbed = vec![];
        if let Some(second) = scored.get(1).filter(|s| s.score >= cfg.merge_threshold) {
            if similarity(&profile.centroid, &second.profile.centroid) >= cfg.merge_threshold {
                absorb(&mut profile, &second.profile);
                file_under.extend(strongest(&second.profile.centroid, cfg.file_keys * 2));
                absorbed.push(second.profile.id.clone());
            }
        }
        join(&mut profile, f, &vector, best.score, cfg.centroid_keys);
        file_under.sort_unstable();
        file_under.dedup();
        Ok(StoryAssignment {
            profile,
            day: f.day,
            file_under,
            frequencies,
            copy_of: None,
            fingerprint: f.fingerprint.clone(),
            absorbed,
        })
    }

    /// The assignment of a near-duplicate of a stored article, if the article is one.
    fn copy(
        &self,
        f: &Features,
        index: &dyn StoryIndex,
        since: Option<i32>,
    ) -> StoreResult<Option<StoryAssignment>> {
        let Some(fp) = f.fingerprint.as_ref() else { return Ok(None) };
        let mut best: Option<(f32, parallax_model::FingerprintHit)> = None;
        let mut seen: Vec<parallax_model::ArticleId> = vec![];
        for band in &fp.bands {
            for hit in index.fingerprints(*band, since, 8)? {
                if seen.contains(&hit.article) {
                    continue;
                }
                seen.push(hit.article.clone());
                let j = dedup::jaccard(fp, &hit.fingerprint);
                if j >= dedup::COPY_JACCARD && best.as_ref().is_none_or(|(b, _)| j > *b) {
                    best = Some((j, hit));
                }
            }
        }
        let Some((_, hit)) = best else { return Ok(None) };
        let Some(mut profile) = index.profile(&hit.story)? else { return Ok(None) };
        profile.copies += 1;
        touch(&mut profile, f);
        Ok(Some(StoryAssignment {
            profile,
            day: f.day,
            file_under: vec![],
            frequencies: vec![],
            copy_of: Some(hit.copy_of.unwrap_or(hit.article)),
            fingerprint: Some(fp.clone()),
            absorbed: vec![],
        }))
    }

    /// The article's vector: term frequencies × inverse document frequencies × channel weights,
    /// L2-normalised, sorted by key.
    pub fn weigh(&self, f: &Features, index: &dyn StoryIndex) -> StoreResult<Vec<(u64, f32)>> {
        let n = index.documents()? as f32;
        let mut v: Vec<(u64, f32)> = Vec::with_capacity(f.keys.len());
        for &(k, tf) in &f.keys {
            let df = index.key_frequency(k)? as f32;
            let idf = 1.0 + ((n + 1.0) / (df + 1.0)).ln();
            let w = tf * idf * self.channel_weight(k);
            if w > 0.0 {
                v.push((k, w));
            }
        }
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for x in &mut v {
                x.1 /= norm;
            }
        }
        Ok(v)
    }

    /// How much higher chance similarities run for this article than for a long one within its
    /// language (see [`Config::short_keys`]): at least 1.
    fn chance(&self, f: &Features) -> f32 {
        let keys = f.keys.len().max(1) as f32;
        (self.config.short_keys as f32 / keys).sqrt().max(1.0)
    }

    /// The factor (at most 1) by which a same-language score is scaled when the words the
    /// article shares with the story are mostly names: see [`Config::event_floor`].
    fn event_evidence(&self, f: &Features, vector: &[(u64, f32)], centroid: &[(u64, f32)]) -> f32 {
        let floor = self.config.event_floor;
        if floor <= 0.0 {
            return 1.0;
        }
        let term = |k: u64| Channel::of(k) == Some(Channel::Term);
        let words = cosine(vector, centroid, term);
        if words <= 0.0 {
            return 1.0;
        }
        let events =
            cosine(vector, centroid, |k| term(k) && f.name_terms.binary_search(&k).is_err());
        (events / words / floor).min(1.0)
    }

    fn channel_weight(&self, key: u64) -> f32 {
        let w = &self.config.channel_weights;
        match Channel::of(key) {
            Some(Channel::Term) => w[0],
            Some(Channel::Cross) => w[1],
            Some(Channel::Entity) => w[2],
            Some(Channel::Number) => w[3],
            Some(Channel::Date) => w[4],
            None => 0.0,
        }
    }

    /// Candidate stories scored in full, best first.
    fn candidates(
        &self,
        f: &Features,
        vector: &[(u64, f32)],
        index: &dyn StoryIndex,
        since: Option<i32>,
    ) -> StoreResult<Vec<Scored>> {
        let cfg = &self.config;
        let mut shared: HashMap<StoryId, (f32, usize)> = HashMap::new();
        // The strongest keys overall are mostly words of the article's language; the strongest
        // language-independent ones (entities, skeletons, numbers, dates) also look up
        // candidates, so that a story told so far in another language can be found.
        let mut queries = strongest_weighted(vector, cfg.query_keys);
        for q in independent(vector, cfg.query_keys) {
            if !queries.iter().any(|(k, _)| *k == q.0) {
                queries.push(q);
            }
        }
        for (rank, (k, w)) in queries.into_iter().enumerate() {
            for s in index.stories_by_key(k, since, cfg.per_key)? {
                let e = shared.entry(s).or_insert((0.0, rank));
                e.0 += w;
            }
        }
        let mut ranked: Vec<(StoryId, f32)> =
            shared.into_iter().map(|(s, (w, _))| (s, w)).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(cfg.candidates);
        // The countries the article names, once for every candidate (see `Config::place_factor`).
        let here = features::countries(vector);
        let mut scored: Vec<Scored> = Vec::with_capacity(ranked.len());
        for (id, _) in ranked {
            let Some(p) = index.profile(&id)? else { continue };
            if let Some(score) = self.score(f, vector, &here, &p) {
                scored.push(Scored { profile: p, score });
            }
        }
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.profile.id.cmp(&b.profile.id)));
        Ok(scored)
    }

    /// The article's score against a story, `None` when the story is outside the time window.
    fn score(
        &self,
        f: &Features,
        vector: &[(u64, f32)],
        here: &[&str],
        p: &StoryProfile,
    ) -> Option<f32> {
        let cfg = &self.config;
        // The article's day (or the day its text writes) against the story's span (or, for a
        // story of undated articles, the days their texts write).
        let span = match (p.first_day, p.last_day) {
            (Some(first), Some(last)) => Some((first, last)),
            _ => p.text_days,
        };
        let gap = match (f.day.map(|d| (d, d)).or(f.text_day), span) {
            (Some((a, b)), Some((first, last))) => (first - b).max(a - last).max(0),
            _ => 0,
        };
        if gap > cfg.window_days {
            return None;
        }
        let same_language =
            f.language.is_none_or(|l| p.languages.is_empty() || p.languages.contains(&l));
        // Across languages the story cannot share the article's words, so the comparison also
        // reads the language-independent channels alone; related languages (Russian and
        // Ukrainian) still share many stems, so the full comparison may be the better one.
        let full = cosine(vector, &p.centroid, |_| true);
        let mut decay = 1.0 - cfg.time_decay * gap as f32 / cfg.window_days.max(1) as f32;
        if !here.is_empty() {
            let there = features::countries(&p.centroid);
            if !there.is_empty() && !here.iter().any(|c| there.contains(c)) {
                decay *= cfg.place_factor;
            }
        }
        if !same_language {
            let independent = cosine(vector, &p.centroid, |k| {
                Channel::of(k).is_some_and(Channel::language_independent)
            });
            return Some(full.max(independent) * decay);
        }
        let score = full / self.chance(f) * decay;
        // Words of another language in the same script share the names' stems but few other
        // words: against such a story the share of names says nothing. (Below the threshold
        // the check could only lower a score that already decides nothing.)
        let related = p
            .languages
            .iter()
            .any(|l| f.language.is_some_and(|a| a != *l && a.script() == l.script()));
        if related || score < cfg.threshold {
            return Some(score);
        }
        Some(score * self.event_evidence(f, vector, &p.centroid))
    }
}

/// The cosine of two sorted sparse vectors over the keys `keep` accepts.
pub fn cosine(a: &[(u64, f32)], b: &[(u64, f32)], keep: impl Fn(u64) -> bool) -> f32 {
    let (mut dot, mut na, mut nb) = (0.0f32, 0.0f32, 0.0f32);
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let ka = a.get(i).map(|x| x.0);
        let kb = b.get(j).map(|x| x.0);
        match (ka, kb) {
            (Some(x), Some(y)) if x == y => {
                if keep(x) {
                    dot += a[i].1 * b[j].1;
                    na += a[i].1 * a[i].1;
                    nb += b[j].1 * b[j].1;
                }
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                if keep(x) {
                    na += a[i].1 * a[i].1;
                }
                i += 1;
            }
            (Some(x), None) => {
                if keep(x) {
                    na += a[i].1 * a[i].1;
                }
                i += 1;
            }
            (_, Some(y)) => {
                if keep(y) {
                    nb += b[j].1 * b[j].1;
                }
                j += 1;
            }
            (None, None) => break,
        }
    }
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na.sqrt() * nb.sqrt())
    }
}

/// The similarity of two stories' centroids: over every channel when they share a language,
/// else over the language-independent ones.
fn similarity(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    cosine(a, b, |_| true)
        .max(cosine(a, b, |k| Channel::of(k).is_some_and(Channel::language_independent)))
}

/// The `n` strongest keys of a vector, strongest first (ties by key).
fn strongest_weighted(v: &[(u64, f32)], n: usize) -> Vec<(u64, f32)> {
    let mut s = v.to_vec();
    s.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    s.truncate(n);
    s
}

/// The `n` strongest keys of each language-independent channel (entities, skeletons, numbers,
/// dates): each channel brings its own candidates, whatever the weights of the others.
fn independent(v: &[(u64, f32)], n: usize) -> Vec<(u64, f32)> {
    let mut out = vec![];
    for channel in [Channel::Entity, Channel::Cross, Channel::Number, Channel::Date] {
        let keys: Vec<(u64, f32)> =
            v.iter().copied().filter(|(k, _)| Channel::of(*k) == Some(channel)).collect();
        out.extend(strongest_weighted(&keys, n));
    }
    out
}

fn strongest(v: &[(u64, f32)], n: usize) -> Vec<u64> {
    strongest_weighted(v, n).into_iter().map(|x| x.0).collect()
}

/// Keeps the `n` strongest keys, sorted by key.
fn truncate(mut v: Vec<(u64, f32)>, n: usize) -> Vec<(u64, f32)> {
    if v.len() > n {
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(n);
        v.sort_by_key(|x| x.0);
    }
    v
}

/// The sum of two sorted sparse vectors.
fn add(a: &[(u64, f32)], b: &[(u64, f32)]) -> Vec<(u64, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
        }
    }
    out.extend_from_slice(a.get(i..).unwrap_or_default());
    out.extend_from_slice(b.get(j..).unwrap_or_default());
    out
}

/// How suitable an article's kind is to give a story its title: news reports first.
fn kind_rank(k: Kind) -> u8 {
    match k {
        Kind::NewsReport => 2,
        Kind::Opinion => 1,
        Kind::AggregatorSummary => 0,
    }
}

fn new_profile(f: &Features) -> StoryProfile {
    let mut p = StoryProfile {
        id: StoryId::founded_by(&f.article),
        title: f.title.clone(),
        representative: Some(f.article.clone()),
        representative_kind: Some(f.kind),
        representative_score: 0.0,
        articles: 1,
        copies: 0,
        first_day: None,
        last_day: None,
        text_days: None,
        languages: vec![],
        centroid: vec![],
    };
    touch(&mut p, f);
    p
}

/// Widens a story's date range and languages to include an article.
fn touch(p: &mut StoryProfile, f: &Features) {
    if let Some(d) = f.day {
        p.first_day = Some(p.first_day.map_or(d, |x| x.min(d)));
        p.last_day = Some(p.last_day.map_or(d, |x| x.max(d)));
    }
    if let Some((first, last)) = f.text_day {
        p.text_days = Some(p.text_days.map_or((first, last), |(a, b)| (a.min(first), b.max(last))));
    }
    if let Some(l) = f.language {
        if !p.languages.contains(&l) {
            p.languages.push(l);
            p.languages.sort();
        }
    }
}

/// Adds an article to a story's profile.
fn join(p: &mut StoryProfile, f: &Features, vector: &[(u64, f32)], score: f32, keys: usize) {
    p.centroid = truncate(add(&p.centroid, vector), keys);
    p.articles += 1;
    touch(p, f);
    // The founder fits the story as well as the first article that joined it.
    if p.articles == 2 && p.representative_score == 0.0 {
        p.representative_score = score;
    }
    if f.title.is_none() {
        return;
    }
    let current = (p.representative_kind.map_or(0, kind_rank), p.representative_score);
    if p.title.is_none() || (kind_rank(f.kind), score) > current {
        p.title = f.title.clone();
        p.representative = Some(f.article.clone());
        p.representative_kind = Some(f.kind);
        p.representative_score = score;
    }
}

/// Merges story `b` into `a`.
fn absorb(a: &mut StoryProfile, b: &StoryProfile) {
    a.centroid = add(&a.centroid, &b.centroid);
    a.articles += b.articles;
    a.copies += b.copies;
    a.first_day = match (a.first_day, b.first_day) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    a.last_day = match (a.last_day, b.last_day) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    };
    a.text_days = match (a.text_days, b.text_days) {
        (Some(x), Some(y)) => Some((x.0.min(y.0), x.1.max(y.1))),
        (x, y) => x.or(y),
    };
    for l in &b.languages {
        if !a.languages.contains(l) {
            a.languages.push(*l);
        }
    }
    a.languages.sort();
    let rank =
        |p: &StoryProfile| (p.representative_kind.map_or(0, kind_rank), p.representative_score);
    if b.title.is_some() && rank(b) > rank(a) {
        a.title = b.title.clone();
        a.representative = b.representative.clone();
        a.representative_kind = b.representative_kind;
        a.representative_score = b.representative_score;
    }
}
