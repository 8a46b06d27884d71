//! Stories: the articles that tell one event, across languages, scripts and outlets.
//!
//! A reader asks about a story, not an article. Stories are made online, one article at a time,
//! inside the store's write transaction (after entity linking), by a [`StoryAssigner`] the engine
//! implements; the store offers it a read-side [`StoryIndex`] (candidate stories by feature key,
//! story profiles, document frequencies, near-duplicate fingerprints) and applies the
//! [`StoryAssignment`] it returns. This mirrors the entity registry ([`crate::Linker`],
//! [`crate::EntityIndex`]): one writer, one transaction, and a killed ingest never leaves a stored
//! article without its story.
//!
//! The types here are what the store keeps and what readers see:
//!
//! - [`StoryProfile`] — what the assigner needs to decide about the next article: a bounded
//!   weighted centroid of feature keys, the active date range, counts and the title. Typed so
//!   that every backend stores the same thing; its contents are the engine's business.
//! - [`Story`] — what `parallax stories` and `parallax story ID` show: the members, languages,
//!   outlets, first and last dates, and the near-duplicate groups (a wire story reprinted by
//!   several outlets is one original with copies, counted once, its reach kept).
//!
//! Feature keys are opaque 64-bit integers (the engine hashes strings such as an entity id or a
//! stem with a stable hash); dates are day numbers (days since 1970-01-01, see [`day_number`]).

use crate::{Analysis, Article, ArticleId, Kind, Lang, PartialDate, StoreResult};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A story identifier: `s` followed by the id of the article that founded the story. Stable for
/// a given store and input order; two stores fed the same articles in the same order agree.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoryId(pub String);

impl StoryId {
    /// The id of the story founded by `article`.
    pub fn founded_by(article: &ArticleId) -> StoryId {
        StoryId(format!("s{}", article.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Days since 1970-01-01 of a full date; `None` for a date known only to the month or year.
pub fn day_number(d: &PartialDate) -> Option<i32> {
    let (m, day) = (d.month?, d.day?);
    // Howard Hinnant's days_from_civil.
    let y = i64::from(d.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i32::try_from(era * 146_097 + doe - 719_468).ok()
}

/// The date of a day number (the inverse of [`day_number`]).
pub fn date_of_day(z: i32) -> Option<PartialDate> {
    let z = i64::from(z) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    PartialDate::ymd(i32::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

/// What the assigner keeps about a story to decide about the next article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryProfile {
    pub id: StoryId,
    /// The title shown for the story: its representative article's title.
    pub title: Option<String>,
    pub representative: Option<ArticleId>,
    /// The representative's kind (news reports give titles before summaries).
    #[serde(default)]
    pub representative_kind: Option<Kind>,
    /// How well the representative fits the story (the engine's measure).
    pub representative_score: f32,
    /// Members counted once: near-duplicate copies are not counted here.
    pub articles: u32,
    /// Members that are copies of another member.
    pub copies: u32,
    /// The day numbers of the earliest and latest dated member.
    pub first_day: Option<i32>,
    pub last_day: Option<i32>,
    /// The earliest and latest of the days its undated members' texts write (see the engine's
    /// `Features::text_day`): where an undated story stands in time. Never part of its span.
    #[serde(default)]
    pub text_days: Option<(i32, i32)>,
    /// The languages of its members, in [`Lang`] order.
    pub languages: Vec<Lang>,
    /// The weighted centroid of its members' feature vectors, at most a bounded number of keys,
    /// sorted by key.
    pub centroid: Vec<(u64, f32)>,
}

/// A near-duplicate fingerprint of an article, kept so that later copies can find it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Locality-sensitive band keys: two texts that share one are candidate copies.
    pub bands: Vec<u64>,
    /// The MinHash signature the bands were cut from.
    pub minhash: Vec<u32>,
    /// How many distinct shingles the text has (to estimate containment from the signature).
    pub shingles: u32,
}

/// A stored article's fingerprint, as a candidate copy sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FingerprintHit {
    pub article: ArticleId,
    /// The story the article belongs to now.
    pub story: StoryId,
    /// The article it is itself a copy of, if any (copies point at the first original).
    pub copy_of: Option<ArticleId>,
    pub day: Option<i32>,
    pub fingerprint: Fingerprint,
}

/// The read side of the story registry, as the assigner sees it inside the write transaction.
///
/// Lookups are bounded (`limit`), and dated lookups see only stories active since a day, so the
/// cost of assigning an article does not grow with the store. A lookup that cannot be read is an
/// error that aborts the write, never an empty answer (which would found a new story).
pub trait StoryIndex {
    /// Stories filed under `key` whose latest activity under that key is on or after `since` (any
    /// when `None`), most recently active first, at most `limit`.
    fn stories_by_key(
        &self,
        key: u64,
        since: Option<i32>,
        limit: usize,
    ) -> StoreResult<Vec<StoryId>>;
    /// A story's profile (`None` for an unknown or absorbed story).
    fn profile(&self, id: &StoryId) -> StoreResult<Option<StoryProfile>>;
    /// How many articles (copies excepted) carried `key`: its document frequency.
    fn key_frequency(&self, key: u64) -> StoreResult<u64>;
    /// How many articles the frequencies were counted over.
    fn documents(&self) -> StoreResult<u64>;
    /// Articles whose fingerprint has band `band`, dated on or after `since` (any when `None`),
    /// at most `limit`, latest first (an index reads the few it needs from the end of a long band
    /// instead of scanning it from the start: the cost stays flat as the store grows; a copy
    /// found this way still names the original through its `copy_of`).
    fn fingerprints(
        &self,
        band: u64,
        since: Option<i32>,
        limit: usize,
    ) -> StoreResult<Vec<FingerprintHit>>;
    /// The latest day number of any stored article (the stream's present), for undated ones.
    fn latest_day(&self) -> StoreResult<Option<i32>>;
}

/// What the assigner decided for one newly stored article.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryAssignment {
    /// The article's story after the article joined it (a new story or an updated one).
    pub profile: StoryProfile,
    /// The article's day number (its publication date), if known.
    pub day: Option<i32>,
    /// Keys to file the story under, dated `day` (or the stream's present when undated).
    pub file_under: Vec<u64>,
    /// The article's distinct keys, each counted once in the document frequencies (empty for a
    /// copy, which is counted once through its original).
    pub frequencies: Vec<u64>,
    /// The original this article is a near-duplicate of.
    pub copy_of: Option<ArticleId>,
    /// The article's fingerprint, kept for later copies.
    pub fingerprint: Option<Fingerprint>,
    /// Stories merged into this one: their members move to it and they cease to exist.
    pub absorbed: Vec<StoryId>,
}

/// Decides which story a newly stored article belongs to. The store calls it inside the
/// transaction that stores the article, after entity linking (the analysis carries entity ids),
/// so it sees the stories of earlier articles of the same batch.
pub trait StoryAssigner {
    fn assign(
        &self,
        article: &Article,
        analysis: &Analysis,
        index: &dyn StoryIndex,
    ) -> StoreResult<StoryAssignment>;
}

/// A near-duplicate group: an original and the copies of it (reprints, lightly edited wire copy).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyGroup {
    pub original: ArticleId,
    pub copies: Vec<ArticleId>,
    /// The outlets that carried it (the original's first), each once.
    pub outlets: Vec<String>,
}

impl CopyGroup {
    /// How many articles carried the text: the original and its copies.
    pub fn reach(&self) -> usize {
        1 + self.copies.len()
    }
}

/// A story as readers see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: StoryId,
    pub title: Option<String>,
    /// Every member, copies included, in the order they were stored.
    pub articles: Vec<ArticleId>,
    /// Languages of the members, the most frequent first.
    pub languages: Vec<Lang>,
    /// Outlets of the members, the most frequent first.
    pub outlets: Vec<String>,
    /// The earliest and latest publication dates of the members.
    pub first: Option<PartialDate>,
    pub last: Option<PartialDate>,
    /// Near-duplicate groups with at least one copy.
    pub copies: Vec<CopyGroup>,
}

impl Story {
    /// Members counted once: each copy group counts as its original.
    pub fn distinct(&self) -> usize {
        self.articles.len() - self.copies.iter().map(|g| g.copies.len()).sum::<usize>()
    }
}

/// One member of a story, as the store keeps it, for assembling a [`Story`].
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub article: ArticleId,
    pub copy_of: Option<ArticleId>,
    pub language: Option<Lang>,
    pub outlet: Option<String>,
    pub published: Option<PartialDate>,
}

impl Story {
    /// Assembles the reader's view from a profile and the members in stored order (shared by
    /// every backend, so they agree on orders and counts).
    pub fn assemble(profile: &StoryProfile, members: &[Member]) -> Story {
        use std::collections::BTreeMap;
        let mut langs: BTreeMap<Lang, usize> = BTreeMap::new();
        let mut outlets: Vec<(String, usize, usize)> = vec![];
        let (mut first, mut last): (Option<PartialDate>, Option<PartialDate>) = (None, None);
        for (i, m) in members.iter().enumerate() {
            if let Some(l) = m.language {
                *langs.entry(l).or_default() += 1;
            }
            if let Some(o) = &m.outlet {
                match outlets.iter_mut().find(|(n, _, _)| n == o) {
                    Some(x) => x.1 += 1,
                    None => outlets.push((o.clone(), 1, i)),
                }
            }
            if let Some(p) = m.published {
                first = Some(first.map_or(p, |f| f.min(p)));
                last = Some(last.map_or(p, |l| l.max(p)));
            }
        }
        let mut languages: Vec<(Lang, usize)> = langs.into_iter().collect();
        languages.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        outlets.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let mut groups: Vec<CopyGroup> = vec![];
        for m in members {
            let Some(orig) = &m.copy_of else { continue };
            let outlet_of = |id: &ArticleId| {
                members.iter().find(|x| &x.article == id).and_then(|x| x.outlet.clone())
            };
            let g = match groups.iter_mut().position(|g| &g.original == orig) {
                Some(i) => &mut groups[i],
                None => {
                    groups.push(CopyGroup {
                        original: orig.clone(),
                        copies: vec![],
                        outlets: outlet_of(orig).into_iter().collect(),
                    });
                    let n = groups.len() - 1;
                    &mut groups[n]
                }
            };
            g.copies.push(m.article.clone());
            if let Some(o) = &m.outlet {
                if !g.outlets.contains(o) {
                    g.outlets.push(o.clone());
                }
            }
        }
        Story {
            id: profile.id.clone(),
            title: profile.title.clone(),
            articles: members.iter().map(|m| m.article.clone()).collect(),
            languages: languages.into_iter().map(|(l, _)| l).collect(),
            outlets: outlets.into_iter().map(|(o, _, _)| o).collect(),
            first,
            last,
            copies: groups,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        let d = PartialDate::ymd(1970, 1, 1).unwrap();
        assert_eq!(day_number(&d), Some(0));
        let d = PartialDate::ymd(2025, 10, 31).unwrap();
        assert_eq!(day_number(&d), Some(20_392));
        for z in [-1000, 0, 59, 60, 11_016, 20_392, 30_000] {
            assert_eq!(day_of(z), z);
        }
        assert_eq!(day_number(&PartialDate::ym(2025, 10).unwrap()), None);
    }

    fn day_of(z: i32) -> i32 {
        day_number(&date_of_day(z).unwrap()).unwrap()
    }

    #[test]
    fn assembled_view_orders_and_groups() {
        let id = |s: &str| ArticleId(s.into());
        let m = |a: &str, c: Option<&str>, l: Lang, o: &str, p: &str| Member {
            article: id(a),
            copy_of: c.map(id),
            language: Some(l),
            outlet: Some(o.into()),
            published: p.parse().ok(),
        };
        let profile = StoryProfile {
            id: StoryId("sa".into()),
            title: Some("T".into()),
            representative: None,
            representative_kind: None,
            representative_score: 0.0,
            articles: 2,
            copies: 2,
            first_day: None,
            last_day: None,
            text_days: None,
            languages: vec![],
            centroid: vec![],
        };
        let s = Story::assemble(
            &profile,
            &[
                m("a", None, Lang::Uk, "X", "2025-10-31"),
                m("b", None, Lang::En, "Y", "2025-11-02"),
                m("c", Some("b"), Lang::En, "Z", "2025-11-01"),
                m("d", Some("b"), Lang::En, "Y", "2025-11-03"),
            ],
        );
        assert_eq!(s.languages, vec![Lang::En, Lang::Uk]);
        assert_eq!(s.outlets, vec!["Y", "X", "Z"]);
        assert_eq!(s.first.unwrap().to_string(), "2025-10-31");
        assert_eq!(s.last.unwrap().to_string(), "2025-11-03");
        assert_eq!(s.copies.len(), 1);
        assert_eq!(s.copies[0].reach(), 3);
        assert_eq!(s.copies[0].outlets, vec!["Y", "Z"]);
        assert_eq!(s.distinct(), 2);
    }
}
