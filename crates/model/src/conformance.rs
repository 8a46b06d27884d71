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
    let _ = Content::Text(String::new());
}

/// A linker for tests: one entity per cluster name, keyed by that name.
pub struct NameLinker;

impl crate::Linker for NameLinker {
    fn link(
        &self,
        _article: &Article,
        entities: &DocEntities,
        index: &dyn EntityIndex,
    ) -> Vec<EntityLink> {
        entities
            .clusters
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let key = format!("name:{}", c.name);
                let mut e = index.find(&key).into_iter().next().unwrap_or_else(|| EntityRecord {
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
                EntityLink { cluster: i, entity: e }
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
    assert!(store.put_analysis(&a.article.id, &newer).unwrap());
    assert_eq!(store.get(&a.article.id).unwrap().unwrap().analysis, newer);
    assert!(!store.put_analysis(&ArticleId("0".into()), &newer).unwrap());
}
