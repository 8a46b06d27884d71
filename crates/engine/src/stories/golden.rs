//! Golden tests on the team's own multilingual fixtures (written for these tests; invented
//! events): the whole engine (extraction, analysis, entity linking, story assignment) over a
//! [`MemStore`], as `parallax ingest` runs it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::EngineAssigner;
use crate::entities::link::EngineLinker;
use parallax_model::{
    Content, Hints, InputFormat, MemStore, PutOutcome, RawDoc, Store, Story, StoryId,
};
use std::ops::ControlFlow;

fn doc(name: &str, lang: &str, outlet: &str, date: &str, title: &str, body: &str) -> RawDoc {
    RawDoc {
        source: format!("golden/{name}"),
        format: InputFormat::Text,
        bytes: format!("{name}\n{title}\n{body}").into_bytes(),
        encoding: "UTF-8".into(),
        content: Content::Text(body.into()),
        hints: Hints {
            title: Some(title.into()),
            published: Some(date.into()),
            outlet: Some(outlet.into()),
            language: Some(lang.into()),
            ..Default::default()
        },
    }
}

/// Stores the documents in order and returns the store and each document's story.
fn assign(docs: &[RawDoc]) -> (MemStore, Vec<StoryId>) {
    let mut store = MemStore::new();
    let assigner = EngineAssigner::default();
    let mut ids = vec![];
    for d in docs {
        let ingested = crate::process(d).expect("the fixture is an article");
        let outcome = store
            .put_batch_assigned(std::slice::from_ref(&ingested), &EngineLinker, &assigner)
            .unwrap()
            .remove(0);
        let PutOutcome::Stored(id) = outcome else { panic!("{} is a duplicate", d.source) };
        ids.push(store.story_of(&id).unwrap().expect("every stored article has a story"));
    }
    (store, ids)
}

fn all_stories(store: &MemStore) -> Vec<Story> {
    let mut out = vec![];
    store
        .stories(&mut |s| {
            out.push(s.clone());
            ControlFlow::Continue(())
        })
        .unwrap();
    out
}

fn bridge_en() -> RawDoc {
    doc(
        "bridge_en",
        "en",
        "Prut Courier",
        "2026-05-12",
        "Moldova and Romania open new Prut bridge at Ungheni",
        "Moldova and Romania opened a new road bridge across the Prut river at Ungheni on Tuesday, \
         cutting the border crossing time for trucks from four hours to forty minutes.\n\n\
         Moldovan President Maia Sandu and Romanian President Nicusor Dan cut the ribbon in the \
         middle of the 420-metre bridge, which cost 38 million euros and was financed largely by \
         the European Union.\n\n\
         Customs officers from both countries will share one checkpoint on the Ungheni side, \
         Sandu said, adding that 1,200 trucks a day are expected to use the bridge by autumn.",
    )
}

fn bridge_uk() -> RawDoc {
    doc(
        "bridge_uk",
        "uk",
        "Дністровський вісник",
        "2026-05-12",
        "Молдова і Румунія відкрили новий міст через Прут в Унгенах",
        "Молдова і Румунія у вівторок відкрили новий автомобільний міст через річку Прут в \
         Унгенах, що скоротить час перетину кордону для вантажівок з чотирьох годин до сорока \
         хвилин.\n\n\
         Президентка Молдови Мая Санду та президент Румунії Нікушор Дан перерізали стрічку \
         посередині мосту завдовжки 420 метрів, який коштував 38 мільйонів євро і був значною \
         мірою профінансований Європейським Союзом.\n\n\
         Митники обох країн працюватимуть на спільному пункті пропуску з боку Унген, сказала \
         Санду, додавши, що до осені мостом користуватимуться 1200 вантажівок на день.",
    )
}

fn bridge_ru() -> RawDoc {
    doc(
        "bridge_ru",
        "ru",
        "Кишинёвское обозрение",
        "2026-05-13",
        "Молдавия и Румыния открыли новый мост через Прут в Унгенах",
        "Молдавия и Румыния во вторник открыли новый автомобильный мост через реку Прут в \
         Унгенах, который сократит время пересечения границы для грузовиков с четырёх часов до \
         сорока минут.\n\n\
         Президент Молдавии Майя Санду и президент Румынии Никушор Дан перерезали ленточку \
         посередине моста длиной 420 метров, который обошёлся в 38 миллионов евро и был в \
         основном профинансирован Европейским союзом.\n\n\
         Таможенники обеих стран будут работать на общем пункте пропуска со стороны Унген, \
         заявила Санду, добавив, что к осени по мосту будут проезжать 1200 грузовиков в сутки.",
    )
}

/// The same two presidents a week later, at another event on another subject.
fn energy_en() -> RawDoc {
    doc(
        "energy_en",
        "en",
        "Prut Courier",
        "2026-05-19",
        "Sandu and Dan sign power-sharing deal for the winter in Bucharest",
        "Maia Sandu and Nicusor Dan signed an agreement in Bucharest on Monday under which Romania \
         will sell electricity to Moldova at a fixed price during the coming heating season.\n\n\
         The deal covers up to 900 megawatt-hours a day from the Cernavoda nuclear plant and a \
         reserve of gas in Romanian storage, the Romanian energy ministry said in a statement.\n\n\
         Opposition lawmakers in Chisinau called the fixed tariff too high and demanded that \
         parliament review the contract before the first deliveries in October.",
    )
}

fn wire() -> RawDoc {
    doc(
        "wire",
        "en",
        "Black Sea Wire",
        "2026-06-02",
        "Odesa port reopens grain terminal after storm damage",
        "ODESA, June 2 (BSW) - The port of Odesa reopened its main grain terminal on Tuesday, \
         nine days after a storm tore the roofs off two warehouses and flooded the loading \
         galleries, the port authority said.\n\n\
         Engineers replaced 14 conveyor motors and pumped about 6,000 cubic metres of water out of \
         the galleries, harbour master Oleh Kravets told reporters. The first ship, a bulk carrier \
         bound for Alexandria, began loading 31,000 tonnes of wheat in the afternoon.\n\n\
         Traders said the closure had delayed about 400,000 tonnes of exports and pushed up \
         freight rates on the Black Sea route for a week.",
    )
}

/// The wire story reprinted by another outlet a day later, lightly edited.
fn wire_reprint() -> RawDoc {
    doc(
        "wire_reprint",
        "en",
        "Danube Evening News",
        "2026-06-03",
        "Odesa port reopens grain terminal after storm",
        "ODESA, June 2 (BSW) - The port of Odesa reopened its main grain terminal on Tuesday, \
         nine days after a storm tore the roofs off two warehouses and flooded the loading \
         galleries, the port authority said.\n\n\
         Engineers replaced 14 conveyor motors and pumped about 6,000 cubic metres of water out of \
         the galleries, harbour master Oleh Kravets told reporters. The first ship, a bulk carrier \
         bound for Alexandria, began loading 31,000 tonnes of wheat in the afternoon.\n\n\
         Traders said the closure had delayed about 400,000 tonnes of exports and pushed up \
         freight rates on the Black Sea route for a week. (Reporting by Black Sea Wire)",
    )
}

#[test]
fn the_same_event_in_three_languages_is_one_story() {
    let (store, ids) = assign(&[bridge_en(), bridge_uk(), bridge_ru()]);
    assert_eq!(ids[0], ids[1], "the Ukrainian report joins the English one");
    assert_eq!(ids[0], ids[2], "the Russian report joins them");
    let stories = all_stories(&store);
    assert_eq!(stories.len(), 1);
    let s = &stories[0];
    assert_eq!(s.articles.len(), 3);
    assert_eq!(s.distinct(), 3, "three reports, not copies of one another");
    assert_eq!(s.languages.len(), 3);
    assert_eq!(s.outlets.len(), 3);
    assert_eq!(s.first.unwrap().to_string(), "2026-05-12");
    assert_eq!(s.last.unwrap().to_string(), "2026-05-13");
}

#[test]
fn the_same_actors_at_another_event_are_another_story() {
    let (store, ids) = assign(&[bridge_en(), bridge_uk(), energy_en()]);
    assert_eq!(ids[0], ids[1]);
    assert_ne!(ids[0], ids[2], "the energy deal is not the bridge opening");
    assert_eq!(all_stories(&store).len(), 2);
}

#[test]
fn a_reprinted_wire_story_is_counted_once_with_its_reach() {
    let (store, ids) = assign(&[wire(), bridge_en(), wire_reprint()]);
    assert_eq!(ids[0], ids[2], "the reprint is in the wire story's story");
    assert_ne!(ids[0], ids[1]);
    let s = store.story(&ids[0]).unwrap().unwrap();
    assert_eq!(s.articles.len(), 2);
    assert_eq!(s.distinct(), 1, "the reprint is counted once");
    assert_eq!(s.copies.len(), 1);
    let group = &s.copies[0];
    assert_eq!(group.reach(), 2);
    assert_eq!(group.outlets, vec!["Black Sea Wire", "Danube Evening News"]);
    let profile = store.story_profile(&ids[0]).unwrap().unwrap();
    assert_eq!((profile.articles, profile.copies), (1, 1));
}

#[test]
fn words_used_only_inside_names_are_told_from_event_words() {
    use super::features::{features, word_keys};
    let ingested = crate::process(&energy_en()).unwrap();
    let f = features(&ingested.article, &ingested.analysis);
    let term = |w: &str| word_keys(w).unwrap().0;
    let named = |w: &str| f.name_terms.binary_search(&term(w)).is_ok();
    // Names in the body, the same names in the title, and a country adjective.
    for w in ["sandu", "nicusor", "bucharest", "romanian"] {
        assert!(named(w), "{w} is a name word");
    }
    for w in ["agreement", "electricity", "tariff", "signed"] {
        assert!(f.keys.iter().any(|k| k.0 == term(w)), "{w} is a key");
        assert!(!named(w), "{w} is an event word");
    }
}
