//! The behaviour every [`Store`] backend must show, as plain functions.
//!
//! Each backend's tests call [`run_all`] with a constructor for a fresh, empty store, so one suite
//! pins the contract for all of them (the habit tantivy keeps for its directories).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test support: a failed expectation is the report

use crate::{
    Analysis, Article, ArticleId, Cluster, Content, DocEntities, EntityId, EntityIndex, EntityLink,
    EntityRecord, EntityType, Furniture, FurnitureKind, Ingested, InputFormat, Kind, Lang,
    NameCount, PartialDate, PutOutcome, RawRecord, Span, Store,
};
use std::ops::ControlFlow;

/// A small, complete article for tests: `n` makes its id, hashes and text distinct.
pub fn sample(n: u32) -> Ingested {
    let text =
        format!("Пример {n}: the minister said that talks would resume.\n\nSecond paragraph {n}.");
    let first = text.find("\n\n").unwrap_or(text.len());
    let id = ArticleId(format!("{n:016x}"));
    let mut extra = serde_json::Map::new();
    extra.insert("feed_rank".into(), serde_json::json!(n));
    Ingested {
        article: Article {
            id,
            source: format!("tests/sample-{n}.txt"),
            format: InputFormat::Text,
            url: Some(format!("https://example.org/{n}")),
            title: Some(format!("Sample {n}")),
            language: Some(Lang::En),
            language_confidence: 0.9,
            published: PartialDate::ymd(2025, 10, 31),
            outlet: Some("Example News".into()),
            author: None,
            kind: Kind::NewsReport,
            tags: vec!["tag".into()],
            paragraphs: vec![Span::new(0, first), Span::new(first + 2, text.len())],
            text,
            captions: vec![],
            dateline: None,
            furniture: vec![Furniture { kind: FurnitureKind::Button, text: "Read more".into() }],
            extra,
        },
        analysis: Analysis {
            engine: "test".into(),
            sentences: vec![Span::new(0, 5)],
            paragraph_languages: vec![],
            entities: Default::default(),
            statements: Default::default(),
        },
        raw: RawRecord {
            source: format!("tests/sample-{n}.txt"),
            format: InputFormat::Text,
            encoding: "UTF-8".into(),
            bytes: format!("raw bytes {n} \u{0}\u{ff}").into_bytes(),
        },
        raw_hash: format!("raw{n}"),
        text_hash: format!("text{n}"),
        search: crate::SearchText {
            title: format!("sampl {n}"),
            body: format!("minist talk resum second paragraph {n}"),
            names: String::new(),
            speakers: String::new(),
        },
    }
}

/// Runs every check against stores made by `fresh`.
pub fn run_all(fresh: &mut dyn FnMut() -> Box<dyn Store>) {
    round_trip(fresh().as_mut());
    duplicates_by_raw_text_and_id(fresh().as_mut());
    duplicates_within_one_batch(fresh().as_mut());
    prefix_lookup_and_order(fresh().as_mut());
    scan_stops_when_asked(fresh().as_mut());
    analysis_can_be_replaced(fresh().as_mut());
    linking_builds_one_registry(fresh().as_mut());
    stories_follow_assignments(fresh().as_mut());
    stories_merge_and_keep_copies(fresh().as_mut());
    story_index_lookups(fresh().as_mut());
    search_ranks_filters_and_links(fresh().as_mut());
    let _ = Content::Text(String::new());
}

/// A story assigner for tests. The first word of the title is the story key: an article joins
/// the most recent story filed under it within 30 days, else founds one. A title `a+b` joins the
/// story of `a` and absorbs the story of `b`. The first word of the body is a one-band
/// fingerprint: an article whose band is already stored is a copy of the first article with it.
/// What the index answered is recorded in `seen`.
#[derive(Default)]
pub struct KeyAssigner {
    pub seen: std::cell::RefCell<Vec<String>>,
}

/// The stable key the test assigner uses for a word.
pub fn test_key(word: &str) -> u64 {
    word.bytes()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

impl crate::StoryAssigner for KeyAssigner {
    fn assign(
        &self,
        article: &Article,
        _analysis: &Analysis,
        index: &dyn crate::StoryIndex,
    ) -> crate::StoreResult<crate::StoryAssignment> {
        use crate::{day_number, Fingerprint, StoryId, StoryProfile};
        let title = article.title.clone().unwrap_or_default();
        let words: Vec<&str> = title.split(['+', ' ']).filter(|w| !w.is_empty()).collect();
        let day = article.published.as_ref().and_then(day_number);
        let since = day.or(index.latest_day()?).map(|d| d - 30);
        let band = test_key(article.text.split_whitespace().next().unwrap_or(""));
        let hit = index.fingerprints(band, None, 1)?.into_iter().next();
        let mut seen = self.seen.borrow_mut();
        for w in &words {
            seen.push(format!(
                "df {w} {} of {}",
                index.key_frequency(test_key(w))?,
                index.documents()?
            ));
        }
        let found = |w: &str| -> crate::StoreResult<Option<StoryProfile>> {
            match index.stories_by_key(test_key(w), since, 1)?.into_iter().next() {
                Some(id) => index.profile(&id),
                None => Ok(None),
            }
        };
        let (mut profile, copy_of) = match &hit {
            Some(h) => (
                index.profile(&h.story)?.expect("a fingerprinted story exists"),
                Some(h.copy_of.clone().unwrap_or_else(|| h.article.clone())),
            ),
            None => {
                let new = StoryProfile {
                    id: StoryId::founded_by(&article.id),
                    title: article.title.clone(),
                    representative: Some(article.id.clone()),
                    representative_kind: Some(article.kind),
                    representative_score: 1.0,
                    articles: 0,
                    copies: 0,
                    first_day: None,
                    last_day: None,
                    text_days: None,
                    languages: vec![],
                    centroid: vec![],
                };
                let first = match words.first() {
                    Some(w) => found(w)?,
                    None => None,
                };
                (first.unwrap_or(new), None)
            }
        };
        let mut absorbed = vec![];
        if copy_of.is_none() && title.contains('+') {
            let second = match words.get(1) {
                Some(w) => found(w)?,
                None => None,
            };
            if let Some(other) = second {
                if other.id != profile.id {
                    profile.articles += other.articles;
                    profile.copies += other.copies;
                    absorbed.push(other.id);
                }
            }
        }
        seen.push(format!("{} -> {}", title, profile.id));
        if copy_of.is_some() {
            profile.copies += 1;
        } else {
            profile.articles += 1;
        }
        if let Some(d) = day {
            profile.first_day = Some(profile.first_day.map_or(d, |f| f.min(d)));
            profile.last_day = Some(profile.last_day.map_or(d, |l| l.max(d)));
        }
        if let Some(l) = article.language {
            if !profile.languages.contains(&l) {
                profile.languages.push(l);
                profile.languages.sort();
            }
        }
        let keys: Vec<u64> = words.iter().map(|w| test_key(w)).collect();
        Ok(crate::StoryAssignment {
            profile,
            day,
            file_under: keys.clone(),
            frequencies: if copy_of.is_some() { vec![] } else { keys },
            fingerprint: (copy_of.is_none()).then(|| Fingerprint {
                bands: vec![band],
                minhash: vec![1, 2, 3],
                shingles: 3,
            }),
            copy_of,
            absorbed,
        })
    }
}

/// `sample(n)` with a title (the test assigner's key), a body, a language, an outlet and a date.
pub fn story_sample(
    n: u32,
    title: &str,
    body: &str,
    lang: Lang,
    outlet: &str,
    date: &str,
) -> Ingested {
    let mut d = sample(n);
    d.article.title = Some(title.to_string());
    d.article.text = body.to_string();
    d.article.paragraphs = vec![Span::new(0, body.len())];
    d.article.language = Some(lang);
    d.article.outlet = Some(outlet.to_string());
    d.article.published = date.parse().ok();
    d
}

pub fn stories_follow_assignments(store: &mut dyn Store) {
    let a = story_sample(1, "alpha one", "w1 text", Lang::En, "Outlet A", "2025-10-01");
    let b = story_sample(2, "alpha two", "w2 text", Lang::Uk, "Outlet B", "2025-10-03");
    let c = story_sample(3, "beta", "w3 text", Lang::En, "Outlet A", "2025-10-02");
    let late = story_sample(4, "alpha late", "w4 text", Lang::En, "Outlet A", "2026-01-01");
    let mut dup = story_sample(5, "alpha dup", "w5 text", Lang::En, "Outlet C", "2025-10-02");
    dup.text_hash = a.text_hash.clone();
    let assigner = KeyAssigner::default();
    let out = store
        .put_batch_assigned(&[a.clone(), b.clone(), c.clone(), dup], &NameLinker, &assigner)
        .unwrap();
    assert!(matches!(out[3], PutOutcome::Duplicate { .. }));
    store.put_batch_assigned(std::slice::from_ref(&late), &NameLinker, &assigner).unwrap();

    let alpha = store.story_of(&a.article.id).unwrap().expect("every stored article has a story");
    assert_eq!(alpha, crate::StoryId::founded_by(&a.article.id));
    assert_eq!(store.story_of(&b.article.id).unwrap(), Some(alpha.clone()));
    let beta = store.story_of(&c.article.id).unwrap().unwrap();
    assert_ne!(alpha, beta);
    let late_story = store.story_of(&late.article.id).unwrap().unwrap();
    assert_ne!(late_story, alpha, "beyond the window: a new story");
    assert_eq!(store.story_of(&ArticleId("ffff".into())).unwrap(), None);

    let s = store.story(&alpha).unwrap().expect("story");
    assert_eq!(s.articles, vec![a.article.id.clone(), b.article.id.clone()]);
    assert_eq!(s.title.as_deref(), Some("alpha one"));
    assert_eq!(s.languages.len(), 2);
    assert_eq!(s.outlets, vec!["Outlet A", "Outlet B"]);
    assert_eq!(s.first.unwrap().to_string(), "2025-10-01");
    assert_eq!(s.last.unwrap().to_string(), "2025-10-03");
    assert!(s.copies.is_empty());
    let p = store.story_profile(&alpha).unwrap().unwrap();
    assert_eq!((p.articles, p.first_day.is_some()), (2, true));

    let mut order = vec![];
    store
        .stories(&mut |s| {
            order.push(s.id.clone());
            ControlFlow::Continue(())
        })
        .unwrap();
    assert_eq!(order.len(), 3);
    assert_eq!(order[0], alpha, "the largest story first");
    assert_eq!(order[1], late_story, "then the most recently active");
    let prefix: String = alpha.0.chars().take(8).collect();
    let prefix = prefix.as_str();
    assert!(store.story_ids_with_prefix(prefix, 10).unwrap().contains(&alpha));
    assert!(store.story_ids_with_prefix("zz", 10).unwrap().is_empty());

    // Linking alone assigns no story; `assign_pending` catches up, in stored order.
    let plain = story_sample(6, "gamma", "w6 text", Lang::En, "Outlet A", "2025-10-02");
    let plain2 = story_sample(7, "gamma", "w7 text", Lang::En, "Outlet A", "2025-10-03");
    store.put_batch_linked(&[plain.clone(), plain2.clone()], &NameLinker).unwrap();
    assert_eq!(store.story_of(&plain.article.id).unwrap(), None);
    assert_eq!(store.assign_pending(&assigner, 1).unwrap(), 1);
    assert!(store.story_of(&plain.article.id).unwrap().is_some());
    assert_eq!(store.story_of(&plain2.article.id).unwrap(), None);
    assert_eq!(store.assign_pending(&assigner, 10).unwrap(), 1);
    assert_eq!(
        store.story_of(&plain2.article.id).unwrap(),
        store.story_of(&plain.article.id).unwrap()
    );
    assert_eq!(store.assign_pending(&assigner, 10).unwrap(), 0);

    // Rebuilt from scratch, in date order: every article gets a story again, and the earliest
    // dated article of a key founds its story, also when it was stored last.
    let early = story_sample(8, "gamma early", "w8 text", Lang::En, "Outlet A", "2025-09-30");
    store.put_batch_linked(std::slice::from_ref(&early), &NameLinker).unwrap();
    let total = store.count().unwrap();
    store.reset_stories().unwrap();
    assert_eq!(store.story_of(&a.article.id).unwrap(), None);
    let mut none = 0;
    store
        .stories(&mut |_| {
            none += 1;
            ControlFlow::Continue(())
        })
        .unwrap();
    assert_eq!(none, 0, "no story is left");
    let mut assigned = 0;
    loop {
        let n = store.assign_pending(&assigner, 2).unwrap();
        if n == 0 {
            break;
        }
        assigned += n;
    }
    assert_eq!(assigned, total);
    let gamma = Some(crate::StoryId::founded_by(&early.article.id));
    assert_eq!(store.story_of(&plain.article.id).unwrap(), gamma);
    assert_eq!(store.story_of(&plain2.article.id).unwrap(), gamma);
    assert_eq!(store.story_of(&a.article.id).unwrap(), Some(alpha));
}

pub fn stories_merge_and_keep_copies(store: &mut dyn Store) {
    let assigner = KeyAssigner::default();
    let a = story_sample(1, "alpha", "orig text", Lang::En, "Wire", "2025-10-01");
    let b = story_sample(2, "beta", "b text", Lang::Ru, "Outlet B", "2025-10-02");
    let copy = story_sample(3, "reprint", "orig again", Lang::En, "Outlet C", "2025-10-02");
    let copy2 = story_sample(4, "another", "orig once more", Lang::En, "Outlet D", "2025-10-03");
    let bridge = story_sample(5, "alpha+beta", "bridge text", Lang::En, "Outlet E", "2025-10-04");
    for d in [&a, &b, &copy, &copy2, &bridge] {
        store.put_batch_assigned(std::slice::from_ref(d), &NameLinker, &assigner).unwrap();
    }
    let alpha = crate::StoryId::founded_by(&a.article.id);
    let beta = crate::StoryId::founded_by(&b.article.id);
    for d in [&a, &b, &copy, &copy2, &bridge] {
        assert_eq!(
            store.story_of(&d.article.id).unwrap(),
            Some(alpha.clone()),
            "{:?}",
            d.article.title
        );
    }
    assert!(store.story(&beta).unwrap().is_none(), "an absorbed story is gone");
    assert!(store.story_profile(&beta).unwrap().is_none());
    let s = store.story(&alpha).unwrap().unwrap();
    let ids: Vec<ArticleId> =
        [&a, &b, &copy, &copy2, &bridge].iter().map(|d| d.article.id.clone()).collect();
    assert_eq!(s.articles, ids, "members in stored order after a merge");
    assert_eq!(s.copies.len(), 1);
    let g = &s.copies[0];
    assert_eq!(g.original, a.article.id);
    assert_eq!(g.copies, vec![copy.article.id.clone(), copy2.article.id.clone()]);
    assert_eq!(g.reach(), 3);
    assert_eq!(g.outlets, vec!["Wire", "Outlet C", "Outlet D"]);
    assert_eq!(s.distinct(), 3);
    let mut n = 0;
    store
        .stories(&mut |_| {
            n += 1;
            ControlFlow::Continue(())
        })
        .unwrap();
    assert_eq!(n, 1);
}

pub fn story_index_lookups(store: &mut dyn Store) {
    let assigner = KeyAssigner::default();
    let docs = [
        story_sample(1, "alpha", "t1", Lang::En, "A", "2025-10-01"),
        story_sample(2, "alpha y", "t2", Lang::En, "A", "2025-10-05"),
        story_sample(3, "x y", "t3", Lang::En, "A", "2025-10-06"),
        story_sample(4, "alpha", "t4", Lang::En, "A", ""),
    ];
    store.put_batch_assigned(&docs, &NameLinker, &assigner).unwrap();
    let seen = assigner.seen.borrow();
    // Frequencies count articles seen before this one, copies excepted.
    assert!(seen.contains(&"df alpha 0 of 0".to_string()), "{seen:?}");
    assert!(seen.contains(&"df alpha 1 of 1".to_string()), "{seen:?}");
    assert!(seen.contains(&"df y 1 of 2".to_string()), "{seen:?}");
    assert!(seen.contains(&"df alpha 2 of 3".to_string()), "{seen:?}");
    let alpha = crate::StoryId::founded_by(&docs[0].article.id);
    let x = crate::StoryId::founded_by(&docs[2].article.id);
    assert_eq!(
        store.story_of(&docs[3].article.id).unwrap(),
        Some(alpha.clone()),
        "undated: the stream's present"
    );
    assert_eq!(store.story(&alpha).unwrap().unwrap().articles.len(), 3);
    assert_eq!(store.story(&x).unwrap().unwrap().articles.len(), 1);
}

/// A linker for tests: one entity per cluster name, keyed by that name.
pub struct NameLinker;

impl crate::Linker for NameLinker {
    fn link(
        &self,
        _article: &Article,
        entities: &DocEntities,
        index: &dyn EntityIndex,
    ) -> crate::StoreResult<Vec<EntityLink>> {
        entities
            .clusters
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let key = format!("name:{}", c.name);
                let mut e = index.find(&key)?.into_iter().next().unwrap_or_else(|| EntityRecord {
                    id: EntityId(format!("e:{}", c.name.to_lowercase())),
                    kind: c.kind,
                    canonical: c.name.clone(),
                    affiliation: c.affiliation.clone(),
                    kb: None,
                    keys: vec![key.clone()],
                    names: vec![],
                    articles: 0,
                });
                match e.names.iter_mut().find(|n| n.name == c.name) {
                    Some(n) => n.count += 1,
                    None => e.names.push(NameCount { name: c.name.clone(), count: 1 }),
                }
                Ok(EntityLink { cluster: i, entity: e })
            })
            .collect()
    }
}

/// `sample(n)` naming the given entities.
pub fn sample_with_entities(n: u32, names: &[&str]) -> Ingested {
    let mut d = sample(n);
    d.analysis.entities = DocEntities {
        mentions: vec![],
        clusters: names
            .iter()
            .map(|name| Cluster {
                kind: EntityType::Person,
                name: name.to_string(),
                kb: None,
                affiliation: None,
                entity: None,
            })
            .collect(),
        descriptors: vec![],
    };
    d
}

pub fn linking_builds_one_registry(store: &mut dyn Store) {
    let a = sample_with_entities(1, &["Ana Rusu", "Ivan Hrytsenko"]);
    let b = sample_with_entities(2, &["Ana Rusu"]);
    let dup = sample_with_entities(1, &["Ana Rusu"]);
    let out = store.put_batch_linked(&[a.clone(), b.clone()], &NameLinker).unwrap();
    assert!(matches!(out[..], [PutOutcome::Stored(_), PutOutcome::Stored(_)]));
    assert!(matches!(
        store.put_batch_linked(&[dup], &NameLinker).unwrap()[0],
        PutOutcome::Duplicate { .. }
    ));

    let rusu = EntityId("e:ana rusu".into());
    let e = store.entity(&rusu).unwrap().expect("entity stored");
    assert_eq!(e.articles, 2, "a duplicate does not count");
    assert_eq!(e.names, vec![NameCount { name: "Ana Rusu".into(), count: 2 }]);
    assert_eq!(
        store.entity_articles(&rusu).unwrap(),
        vec![a.article.id.clone(), b.article.id.clone()]
    );
    let stored = store.get(&b.article.id).unwrap().unwrap();
    assert_eq!(
        stored.analysis.entities.clusters[0].entity,
        Some(rusu.clone()),
        "analysis carries the entity id"
    );

    let mut order = vec![];
    store
        .scan_entities(&mut |e| {
            order.push(e.canonical.clone());
            ControlFlow::Continue(())
        })
        .unwrap();
    assert_eq!(order, ["Ana Rusu", "Ivan Hrytsenko"], "most mentioned first");
}

pub fn round_trip(store: &mut dyn Store) {
    let doc = sample(1);
    assert_eq!(
        store.put_batch(std::slice::from_ref(&doc)).unwrap(),
        vec![PutOutcome::Stored(doc.article.id.clone())]
    );
    let got = store.get(&doc.article.id).unwrap().expect("stored article");
    assert_eq!(got.article, doc.article);
    assert_eq!(got.analysis, doc.analysis);
    assert_eq!(store.raw(&doc.article.id).unwrap(), Some(doc.raw.clone()));
    assert_eq!(store.find_raw("raw1").unwrap(), Some(doc.article.id.clone()));
    assert_eq!(store.find_raw("nope").unwrap(), None);
    assert_eq!(store.count().unwrap(), 1);
    assert!(store.get(&ArticleId("ffff".into())).unwrap().is_none());
}

pub fn duplicates_by_raw_text_and_id(store: &mut dyn Store) {
    let a = sample(1);
    store.put_batch(std::slice::from_ref(&a)).unwrap();
    let of = PutOutcome::Duplicate { of: a.article.id.clone() };

    let mut same_raw = sample(2);
    same_raw.raw_hash = a.raw_hash.clone();
    let mut same_text = sample(3);
    same_text.text_hash = a.text_hash.clone();
    let mut same_id = sample(4);
    same_id.article.id = a.article.id.clone();
    let out = store.put_batch(&[same_raw, same_text, same_id]).unwrap();
    assert_eq!(out, vec![of.clone(), of.clone(), of]);
    assert_eq!(store.count().unwrap(), 1);
}

pub fn duplicates_within_one_batch(store: &mut dyn Store) {
    let a = sample(5);
    let mut b = sample(6);
    b.text_hash = a.text_hash.clone();
    let out = store.put_batch(&[a.clone(), b]).unwrap();
    assert_eq!(out[0], PutOutcome::Stored(a.article.id.clone()));
    assert_eq!(out[1], PutOutcome::Duplicate { of: a.article.id.clone() });
}

pub fn prefix_lookup_and_order(store: &mut dyn Store) {
    let docs: Vec<Ingested> = [0x30, 0x10, 0x20, 0x11].into_iter().map(sample).collect();
    store.put_batch(&docs).unwrap();
    let ids = |p: &str, n| {
        store.ids_with_prefix(p, n).unwrap().into_iter().map(|i| i.0).collect::<Vec<_>>()
    };
    assert_eq!(ids("00000000000000", 10).len(), 4);
    assert_eq!(ids("000000000000001", 10), vec!["0000000000000010", "0000000000000011"]);
    assert_eq!(ids("000000000000001", 1), vec!["0000000000000010"]);
    assert!(ids("x", 10).is_empty());
    let mut seen = vec![];
    store
        .scan(&mut |a| {
            seen.push(a.id.0.clone());
            ControlFlow::Continue(())
        })
        .unwrap();
    let want: Vec<String> = docs.iter().map(|d| d.article.id.0.clone()).collect();
    assert_eq!(seen, want, "scan goes in insertion order");
}

pub fn scan_stops_when_asked(store: &mut dyn Store) {
    store.put_batch(&[sample(1), sample(2), sample(3)]).unwrap();
    let mut n = 0;
    store
        .scan(&mut |_| {
            n += 1;
            if n == 2 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .unwrap();
    assert_eq!(n, 2);
}

pub fn analysis_can_be_replaced(store: &mut dyn Store) {
    let a = sample(7);
    store.put_batch(std::slice::from_ref(&a)).unwrap();
    let newer = Analysis {
        engine: "newer".into(),
        sentences: vec![Span::new(0, 3), Span::new(4, 9)],
        paragraph_languages: vec![],
        entities: Default::default(),
        statements: Default::default(),
    };
    assert!(store.put_analysis(&a.article.id, &newer, &a.search).unwrap());
    assert_eq!(store.engines().unwrap(), [(newer.engine.clone(), 1)], "the new stamp is counted");
    assert_eq!(store.get(&a.article.id).unwrap().unwrap().analysis, newer);
    assert!(!store.put_analysis(&ArticleId("0".into()), &newer, &a.search).unwrap());
}

/// `sample(n)` with its own index terms, a mention of `name` and a statement by it.
fn searchable(n: u32, title: &str, body: &str, name: &str, lang: Lang) -> Ingested {
    let mut d = sample_with_entities(n, &[name]);
    d.article.language = Some(lang);
    d.article.published = PartialDate::ymd(2025, 10, n.min(28) as u8);
    d.article.outlet = Some(format!("Outlet {}", n % 2));
    d.analysis.entities.mentions = vec![crate::Mention {
        start: 0,
        end: 5,
        kind: EntityType::Person,
        lemma: name.into(),
        cluster: 0,
    }];
    d.analysis.statements.statements = vec![crate::Statement {
        form: crate::StatementForm::Reported,
        speaker: Some(Span::new(0, 5)),
        speaker_cluster: Some(0),
        speaker_label: None,
        cue: Span::new(6, 10),
        cue_lemma: "say".into(),
        content: Span::new(11, 20),
        addressee: None,
        via: vec![],
        date: None,
        confidence: crate::Confidence::High,
    }];
    d.search = crate::SearchText {
        title: title.into(),
        body: body.into(),
        names: "cc:ie".into(),
        speakers: String::new(),
    };
    d
}

pub fn search_ranks_filters_and_links(store: &mut dyn Store) {
    use crate::search::{self, Field, SearchExpr, SearchFilter, SearchQuery};
    let a = searchable(1, "strik", "airlin strik cancel flight", "Ana Rusu", Lang::En);
    let b = searchable(2, "weather", "strik cancel rain rain rain", "Ivan Hrytsenko", Lang::Uk);
    let c = searchable(3, "harvest", "grain price", "Ana Rusu", Lang::Ru);
    store.put_batch_linked(&[a.clone(), b.clone(), c.clone()], &NameLinker).unwrap();
    let query = |expr: SearchExpr, filter: SearchFilter| SearchQuery { expr, filter, limit: 10 };
    let ids = |hits: Vec<crate::SearchHit>| -> Vec<ArticleId> {
        hits.into_iter().map(|h| h.article).collect()
    };
    // A title match ranks first; a term no article has matches nothing.
    let hits = store.search(&query(SearchExpr::term("strik"), SearchFilter::default())).unwrap();
    assert_eq!(ids(hits.clone()), vec![a.article.id.clone(), b.article.id.clone()]);
    assert!(hits[0].score > hits[1].score, "{hits:?}");
    assert!(store
        .search(&query(SearchExpr::term("strike"), SearchFilter::default()))
        .unwrap()
        .is_empty());
    // Fields restrict; And and Or combine.
    let title = SearchExpr::field(Field::Title, "strik");
    assert_eq!(
        ids(store.search(&query(title, SearchFilter::default())).unwrap()),
        vec![a.article.id.clone()]
    );
    let either = SearchExpr::Or(vec![SearchExpr::term("grain"), SearchExpr::term("rain")]);
    assert_eq!(store.search(&query(either.clone(), SearchFilter::default())).unwrap().len(), 2);
    let prefix = SearchExpr::Prefix(Some(Field::Body), "airl".into());
    assert_eq!(
        ids(store.search(&query(prefix, SearchFilter::default())).unwrap()),
        vec![a.article.id.clone()]
    );
    let both = SearchExpr::And(vec![SearchExpr::term("cancel"), SearchExpr::term("flight")]);
    assert_eq!(
        ids(store.search(&query(both, SearchFilter::default())).unwrap()),
        vec![a.article.id.clone()]
    );
    // Linked entities and speakers are terms; a name in any article finds it.
    let rusu = EntityId("e:ana rusu".into());
    let by_name = SearchExpr::field(Field::Names, search::entity_term(&rusu));
    let mut found = ids(store.search(&query(by_name, SearchFilter::default())).unwrap());
    found.sort();
    assert_eq!(found, vec![a.article.id.clone(), c.article.id.clone()]);
    let by_speaker = SearchExpr::field(Field::Speakers, search::speaker_term(&rusu));
    assert_eq!(store.search(&query(by_speaker, SearchFilter::default())).unwrap().len(), 2);
    // Filters: language, outlet, dates.
    let all = SearchExpr::term("cc:ie");
    let uk = SearchFilter { languages: vec![Lang::Uk], ..Default::default() };
    assert_eq!(ids(store.search(&query(all.clone(), uk)).unwrap()), vec![b.article.id.clone()]);
    let outlet = SearchFilter { outlets: vec!["OUTLET 1".into()], ..Default::default() };
    assert_eq!(store.search(&query(all.clone(), outlet)).unwrap().len(), 2);
    let window = SearchFilter {
        since: PartialDate::ymd(2025, 10, 2),
        until: PartialDate::ymd(2025, 10, 2),
        ..Default::default()
    };
    assert_eq!(ids(store.search(&query(all.clone(), window)).unwrap()), vec![b.article.id.clone()]);
    let limited = SearchQuery { expr: all, filter: SearchFilter::default(), limit: 1 };
    assert_eq!(store.search(&limited).unwrap().len(), 1);
    // Document frequencies.
    let counts = store
        .term_counts(&["strik".into(), "cc:ie".into(), search::entity_term(&rusu), "none".into()])
        .unwrap();
    assert_eq!(counts, vec![2, 3, 2, 0]);
    assert_eq!(store.languages().unwrap(), vec![(Lang::En, 1), (Lang::Ru, 1), (Lang::Uk, 1)]);
    // Everything stored is indexed already.
    struct Nothing;
    impl search::Indexer for Nothing {
        fn index_text(&self, _: &Article, _: &Analysis) -> crate::SearchText {
            crate::SearchText::default()
        }
    }
    assert_eq!(store.index_pending(&Nothing, 10).unwrap(), 0);
    // A replaced analysis is re-indexed with the terms given.
    let mut newer = store.get(&c.article.id).unwrap().unwrap().analysis;
    newer.engine = "newer".into();
    let mut terms = c.search.clone();
    terms.body = "grain price harvest record".into();
    assert!(store.put_analysis(&c.article.id, &newer, &terms).unwrap());
    let hits = store.search(&query(SearchExpr::term("record"), SearchFilter::default())).unwrap();
    assert_eq!(ids(hits), vec![c.article.id.clone()]);
    let kept = SearchExpr::field(Field::Names, search::entity_term(&rusu));
    assert_eq!(store.search(&query(kept, SearchFilter::default())).unwrap().len(), 2);
}
