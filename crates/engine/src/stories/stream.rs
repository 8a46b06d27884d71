//! A bounded in-memory story index for long streams, in which stories age out.
//!
//! The stores keep every story forever and answer dated lookups from disk indexes. A process
//! that follows a feed for months (or a benchmark of a million articles) needs the same answers
//! from memory that does not grow with the stream: [`StreamIndex`] implements
//! [`StoryIndex`] over
//!
//! - the profiles of the stories active within `horizon` days of the newest article seen (older
//!   ones are retired by a sweep once the stream's day has advanced, at most once per thousand
//!   articles, and handed to the caller);
//! - posting lists per key, each cut to its most recently active entries;
//! - document frequencies in a count-min sketch of fixed size (two rows; the smaller count wins),
//!   so the vocabulary of a long stream costs nothing more than its first day;
//! - near-duplicate fingerprints of the articles of the same horizon.
//!
//! Lookups and updates cost the same on the millionth article as on the first; memory is bounded
//! by what `horizon` days of the stream hold. Results equal a store's while no story has aged
//! out and no counter collided.

use super::features::mix;
use parallax_model::{
    ArticleId, Fingerprint, FingerprintHit, StoreResult, StoryAssignment, StoryId, StoryIndex,
    StoryProfile,
};
use std::collections::HashMap;

/// Bits of each count-min row.
const SKETCH_BITS: u32 = 21;

/// The fewest articles between two sweeps.
const SWEEP_EVERY: u64 = 1024;

#[derive(Debug)]
struct Live {
    profile: StoryProfile,
    seq: u64,
    /// Members (copies included) so far.
    members: u32,
    /// The day of the latest filing (or the stream's present when the article was undated).
    active: Option<i32>,
    /// The apply count when it was last touched (ages out undated stories).
    touched: u64,
}

#[derive(Debug)]
struct Print {
    article: ArticleId,
    story: StoryId,
    copy_of: Option<ArticleId>,
    day: Option<i32>,
    fingerprint: Fingerprint,
    touched: u64,
}

/// A retired story: its final profile and member count.
#[derive(Debug, Clone)]
pub struct Retired {
    pub profile: StoryProfile,
    pub members: u32,
}

/// The bounded index. See the module docs.
#[derive(Debug)]
pub struct StreamIndex {
    /// Days a story stays after its last article (at least the assigner's window).
    pub horizon: i32,
    /// Entries kept per posting list.
    pub per_key: usize,
    /// Applies after which an undated story or fingerprint is retired.
    pub undated_horizon: u64,
    stories: HashMap<StoryId, Live>,
    postings: HashMap<u64, Vec<(StoryId, Option<i32>, u64)>>,
    sketch: Vec<u32>,
    documents: u64,
    prints: HashMap<u64, Print>,
    bands: HashMap<u64, Vec<u64>>,
    redirect: HashMap<StoryId, StoryId>,
    next_seq: u64,
    next_print: u64,
    applied: u64,
    latest: Option<i32>,
    swept_at: (Option<i32>, u64),
}

impl StreamIndex {
    pub fn new(horizon: i32, per_key: usize) -> Self {
        StreamIndex {
            horizon,
            per_key: per_key.max(1),
            undated_horizon: 200_000,
            stories: HashMap::new(),
            postings: HashMap::new(),
            sketch: vec![0; 2 << SKETCH_BITS],
            documents: 0,
            prints: HashMap::new(),
            bands: HashMap::new(),
            redirect: HashMap::new(),
            next_seq: 0,
            next_print: 0,
            applied: 0,
            latest: None,
            swept_at: (None, 0),
        }
    }

    /// Stories currently in the index.
    pub fn active_stories(&self) -> usize {
        self.stories.len()
    }

    /// Posting entries currently held.
    pub fn postings(&self) -> usize {
        self.postings.values().map(Vec::len).sum()
    }

    fn slots(key: u64) -> [usize; 2] {
        let h = mix(key);
        let mask = (1u64 << SKETCH_BITS) - 1;
        [(h & mask) as usize, ((1u64 << SKETCH_BITS) + ((h >> 32) & mask)) as usize]
    }

    fn resolve<'a>(&'a self, mut id: &'a StoryId) -> &'a StoryId {
        for _ in 0..16 {
            match self.redirect.get(id) {
                Some(to) => id = to,
                None => break,
            }
        }
        id
    }

    /// Applies an assignment; returns the stories retired by the sweep it triggered, if any.
    pub fn apply(&mut self, article: &ArticleId, a: StoryAssignment) -> Vec<Retired> {
        self.applied += 1;
        let id = a.profile.id.clone();
        let file_day = a.day.or(self.latest);
        let mut members = 0;
        for gone in a.absorbed.iter().filter(|g| **g != id) {
            if let Some(old) = self.stories.remove(gone) {
                members += old.members;
            }
            self.redirect.insert(gone.clone(), id.clone());
        }
        let seq = match self.stories.get(&id) {
            Some(l) => l.seq,
            None => {
                self.next_seq += 1;
                self.next_seq
            }
        };
        let entry = self.stories.entry(id.clone()).or_insert(Live {
            profile: a.profile.clone(),
            seq,
            members: 0,
            active: file_day,
            touched: 0,
        });
        entry.profile = a.profile;
        entry.members += members + 1;
        entry.active = entry.active.max(file_day);
        entry.touched = self.applied;
        for k in a.file_under {
            let list = self.postings.entry(k).or_default();
            match list.iter_mut().find(|(s, _, _)| *s == id) {
                Some(e) => e.1 = e.1.max(file_day),
                None => list.push((id.clone(), file_day, seq)),
            }
            if list.len() > 2 * self.per_key {
                list.sort_by(|x, y| y.1.cmp(&x.1).then(y.2.cmp(&x.2)));
                list.truncate(self.per_key);
            }
        }
        if a.copy_of.is_none() {
            self.documents += 1;
        }
        for k in a.frequencies {
            for s in Self::slots(k) {
                if let Some(c) = self.sketch.get_mut(s) {
                    *c = c.saturating_add(1);
                }
            }
        }
        if let Some(fp) = a.fingerprint {
            self.next_print += 1;
            for b in &fp.bands {
                self.bands.entry(*b).or_default().push(self.next_print);
            }
            self.prints.insert(
                self.next_print,
                Print {
                    article: article.clone(),
                    story: id,
                    copy_of: a.copy_of,
                    day: a.day,
                    fingerprint: fp,
                    touched: self.applied,
                },
            );
        }
        if let Some(d) = a.day {
            self.latest = Some(self.latest.map_or(d, |l| l.max(d)));
        }
        // A sweep walks every story, posting list and fingerprint, so it runs at most once per
        // `SWEEP_EVERY` articles (and only once the day has moved): a story outlives the horizon
        // by that many articles at most, and lookups filter by day meanwhile.
        let since_sweep = self.applied - self.swept_at.1;
        let day_moved = self.latest != self.swept_at.0;
        if (day_moved && since_sweep >= SWEEP_EVERY) || since_sweep >= self.undated_horizon / 4 {
            self.sweep()
        } else {
            vec![]
        }
    }

    /// Retires stories and fingerprints older than the horizon and drops their postings.
    pub fn sweep(&mut self) -> Vec<Retired> {
        self.swept_at = (self.latest, self.applied);
        let cutoff = self.latest.map(|l| l.saturating_sub(self.horizon));
        let old_touch = self.applied.saturating_sub(self.undated_horizon);
        let expired = |day: Option<i32>, touched: u64| match (day, cutoff) {
            (Some(d), Some(c)) => d < c,
            _ => touched < old_touch,
        };
        let gone: Vec<StoryId> = self
            .stories
            .iter()
            .filter(|(_, l)| expired(l.active, l.touched))
            .map(|(id, _)| id.clone())
            .collect();
        let mut retired = Vec::with_capacity(gone.len());
        for id in &gone {
            if let Some(l) = self.stories.remove(id) {
                retired.push(Retired { profile: l.profile, members: l.members });
            }
        }
        retired.sort_by(|a, b| a.profile.id.cmp(&b.profile.id));
        if !gone.is_empty() {
            let stories = &self.stories;
            self.postings.retain(|_, list| {
                list.retain(|(s, _, _)| stories.contains_key(s));
                !list.is_empty()
            });
            self.redirect.retain(|_, to| stories.contains_key(to));
        }
        let prints_gone: Vec<u64> = self
            .prints
            .iter()
            .filter(|(_, p)| expired(p.day, p.touched))
            .map(|(n, _)| *n)
            .collect();
        if !prints_gone.is_empty() {
            for n in &prints_gone {
                self.prints.remove(n);
            }
            let prints = &self.prints;
            self.bands.retain(|_, list| {
                list.retain(|n| prints.contains_key(n));
                !list.is_empty()
            });
        }
        retired
    }

    /// Retires everything still active (the end of a stream).
    pub fn drain(&mut self) -> Vec<Retired> {
        let mut all: Vec<Retired> = self
            .stories
            .drain()
            .map(|(_, l)| Retired { profile: l.profile, members: l.members })
            .collect();
        all.sort_by(|a, b| a.profile.id.cmp(&b.profile.id));
        self.postings.clear();
        self.prints.clear();
        self.bands.clear();
        self.redirect.clear();
        all
    }
}

fn active(day: Option<i32>, since: Option<i32>) -> bool {
    match (since, day) {
        (None, _) => true,
        (Some(s), Some(d)) => d >= s,
        (Some(_), None) => false,
    }
}

impl StoryIndex for StreamIndex {
    fn stories_by_key(
        &self,
        key: u64,
        since: Option<i32>,
        limit: usize,
    ) -> StoreResult<Vec<StoryId>> {
        let Some(list) = self.postings.get(&key) else { return Ok(vec![]) };
        let mut hits: Vec<&(StoryId, Option<i32>, u64)> =
            list.iter().filter(|(_, d, _)| active(*d, since)).collect();
        hits.sort_by(|x, y| y.1.cmp(&x.1).then(y.2.cmp(&x.2)));
        // Retired or merged stories linger in the lists until the next sweep: skipped here,
        // after sorting, so that only the entries returned are looked up.
        Ok(hits
            .into_iter()
            .filter(|(s, _, _)| self.stories.contains_key(s))
            .take(limit)
            .map(|(s, _, _)| s.clone())
            .collect())
    }

    fn profile(&self, id: &StoryId) -> StoreResult<Option<StoryProfile>> {
        Ok(self.stories.get(id).map(|l| l.profile.clone()))
    }

    fn key_frequency(&self, key: u64) -> StoreResult<u64> {
        Ok(Self::slots(key)
            .iter()
            .map(|s| self.sketch.get(*s).copied().unwrap_or(0))
            .min()
            .map_or(0, u64::from))
    }

    fn documents(&self) -> StoreResult<u64> {
        Ok(self.documents)
    }

    fn fingerprints(
        &self,
        band: u64,
        since: Option<i32>,
        limit: usize,
    ) -> StoreResult<Vec<FingerprintHit>> {
        let Some(list) = self.bands.get(&band) else { return Ok(vec![]) };
        Ok(list
            .iter()
            .rev()
            .filter_map(|n| self.prints.get(n))
            .filter(|p| active(p.day, since))
            .filter_map(|p| {
                let story = self.resolve(&p.story);
                self.stories.contains_key(story).then(|| FingerprintHit {
                    article: p.article.clone(),
                    story: story.clone(),
                    copy_of: p.copy_of.clone(),
                    day: p.day,
                    fingerprint: p.fingerprint.clone(),
                })
            })
            .take(limit)
            .collect())
    }

    fn latest_day(&self) -> StoreResult<Option<i32>> {
        Ok(self.latest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assignment(story: &str, day: i32, key: u64) -> StoryAssignment {
        StoryAssignment {
            profile: StoryProfile {
                id: StoryId(story.into()),
                title: None,
                representative: None,
                representative_kind: None,
                representative_score: 0.0,
                articles: 1,
                copies: 0,
                first_day: Some(day),
                last_day: Some(day),
                text_days: None,
                languages: vec![],
                centroid: vec![(key, 1.0)],
            },
            day: Some(day),
            file_under: vec![key],
            frequencies: vec![key],
            copy_of: None,
            fingerprint: None,
            absorbed: vec![],
        }
    }

    #[test]
    fn stories_past_the_horizon_retire_and_leave_the_postings() {
        let mut index = StreamIndex::new(30, 8);
        index.apply(&ArticleId("a0".into()), assignment("old", 100, 7));
        assert_eq!(index.stories_by_key(7, None, 8).unwrap(), vec![StoryId("old".into())]);
        let mut retired = vec![];
        for i in 0..(2 * SWEEP_EVERY) {
            let a = assignment(&format!("new{i}"), 200, 1000 + i);
            retired.extend(index.apply(&ArticleId(format!("b{i}")), a));
        }
        assert_eq!(retired.len(), 1, "only the old story is past the horizon");
        assert_eq!(retired[0].profile.id, StoryId("old".into()));
        assert!(index.stories_by_key(7, None, 8).unwrap().is_empty());
        assert_eq!(index.active_stories(), 2 * SWEEP_EVERY as usize);
        assert_eq!(index.postings(), 2 * SWEEP_EVERY as usize);
        assert_eq!(
            index.key_frequency(7).unwrap(),
            1,
            "frequencies are kept: the sketch never shrinks"
        );
    }
}
