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

/// An undated article, as a folder of plain-text files gives them.
fn undated(mut d: RawDoc) -> RawDoc {
    d.hints.published = None;
    d
}

fn bridge_2019_undated() -> RawDoc {
    undated(doc(
        "bridge_2019",
        "en",
        "Lower Prut Herald",
        "",
        "New Prut bridge opens at Ungheni between Moldova and Romania",
        "Moldova and Romania opened a new road bridge across the Prut river at Ungheni on \
         14 June 2019, cutting the border crossing time for trucks.\n\n\
         The presidents of both countries cut the ribbon in the middle of the bridge, which was \
         financed largely by the European Union, and customs officers from both countries will \
         share one checkpoint on the Ungheni side.",
    ))
}

fn bridge_2026_undated() -> RawDoc {
    undated(doc(
        "bridge_2026",
        "en",
        "Lower Prut Herald",
        "",
        "Trucks cross the new Prut bridge at Ungheni",
        "The first trucks crossed the new road bridge over the Prut river at Ungheni, which \
         Moldova and Romania opened on 12 May 2026, and the border crossing time fell to forty \
         minutes.\n\n\
         Customs officers from Moldova and Romania share one checkpoint on the Ungheni side of \
         the bridge, financed largely by the European Union.",
    ))
}

#[test]
fn an_undated_article_is_placed_by_the_dates_its_text_writes() {
    let (store, ids) = assign(&[bridge_en(), bridge_2019_undated(), bridge_2026_undated()]);
    assert_ne!(ids[0], ids[1], "a bridge opened in 2019 is not the one opened in May 2026");
    assert_eq!(ids[0], ids[2], "an undated report whose text writes May 2026 joins the opening");
    let s = store.story(&ids[0]).unwrap().unwrap();
    assert_eq!(s.articles.len(), 2);
    let profile = store.story_profile(&ids[0]).unwrap().unwrap();
    assert_eq!(
        (profile.first_day, profile.last_day),
        (parallax_model::day_number(&"2026-05-12".parse().unwrap()), profile.first_day),
        "the undated member does not widen the story's span"
    );
    let undated = store.story_profile(&ids[1]).unwrap().unwrap();
    assert_eq!(undated.first_day, None);
    assert!(undated.text_days.is_some(), "an undated story stands where its texts place it");
}

fn quake(name: &str, date: &str, title: &str, body: &str) -> RawDoc {
    doc(name, "en", "Global Desk", date, title, body)
}

#[test]
fn two_earthquakes_in_two_countries_are_two_stories() {
    let peru = quake(
        "quake_pe",
        "2026-03-02",
        "Strong earthquake shakes southern Peru, killing at least 12",
        "A magnitude 6.8 earthquake struck southern Peru on Monday, killing at least 12 people \
         and collapsing dozens of houses in the region of Arequipa, the country's civil defence \
         agency said.\n\n\
         Rescue teams searched the rubble through the night, and the government declared a state \
         of emergency in four provinces. Aftershocks were felt as far as the city of Tacna.",
    );
    let turkey = quake(
        "quake_tr",
        "2026-03-03",
        "Earthquake in eastern Turkey kills 9, damages hundreds of buildings",
        "A magnitude 6.1 earthquake struck eastern Turkey on Tuesday, killing at least nine people \
         and damaging hundreds of buildings in the province of Van, the disaster agency AFAD \
         said.\n\n\
         Rescue teams searched the rubble of collapsed houses through the night, and tents were \
         set up for families who spent the night outdoors as aftershocks continued.",
    );
    let peru_later = quake(
        "quake_pe2",
        "2026-03-04",
        "Peru earthquake toll rises to 15 as aftershocks continue in Arequipa",
        "The death toll from Monday's earthquake in southern Peru rose to 15, the civil defence \
         agency said on Wednesday, as aftershocks continued to shake the region of Arequipa.\n\n\
         The government of Peru sent food and tents to the four provinces under a state of \
         emergency.",
    );
    let (_, ids) = assign(&[peru, turkey, peru_later]);
    assert_ne!(ids[0], ids[1], "an earthquake in Turkey is not the one in Peru");
    assert_eq!(ids[0], ids[2], "the Peru earthquake's toll joins its story");
}

/// Ten undated opinion pieces on ten subjects, all about one country.
fn opinions() -> Vec<RawDoc> {
    let pieces = [
        ("wine", "Moldova's winemakers deserve better than cheap bulk exports",
         "Moldova sells most of its wine in bulk tanks at a few cents a litre. The vineyards \
          around Cricova could earn far more if growers bottled and branded their own wine. \
          Chisinau should help small cellars reach shops in Poland and Germany."),
        ("schools", "Village schools in Moldova are closing too fast",
         "Every autumn another village school in Moldova shuts its doors for lack of pupils. \
          Children now ride buses for an hour before their first lesson. The ministry in \
          Chisinau counts savings and forgets what a school means to a village."),
        ("football", "Moldovan football needs pitches, not promises",
         "The national team of Moldova lost again, and the coach blamed the weather. The truth \
          is that our clubs train on frozen artificial grass half the year. A league without \
          heated pitches will never keep its young players."),
        ("pensions", "A pension in Moldova should pay for more than bread",
         "The average pension in Moldova barely covers heating in January. Retirees queue at \
          the post office in Chisinau for payments that inflation eats within a week. Indexation \
          twice a year is the least the state owes them."),
        ("roads", "Potholes are Moldova's real border control",
         "Drive from Balti to Chisinau and count the potholes: you will lose count before \
          Orhei. Asphalt laid in summer cracks by spring because contractors skimp on the base. \
          Road money should be paid only after an independent inspection."),
        ("theatre", "Chisinau's theatres are full, and that should worry no one",
         "The Eminescu theatre in Chisinau sold out its whole season, a rare success in Moldova. \
          Young directors bring new plays and audiences follow. The city should give stages \
          to independent troupes instead of renting them to weddings."),
        ("drought", "Moldova keeps planting as if the rain will come back",
         "Three dry summers in a row have burned the maize fields of southern Moldova. Farmers \
          still sow the same crops and wait for rain. Irrigation from the Nistru and drought \
          resistant sorghum would cost less than another lost harvest."),
        ("it", "Moldova's programmers are its best export",
         "Software firms in Chisinau now employ more young graduates than the textile mills. \
          The tax regime for the IT park made Moldova attractive to foreign clients. Keeping \
          it stable matters more than any new incentive."),
        ("hospital", "The maternity ward in Cahul cannot wait another year",
         "Mothers in Cahul give birth in a ward built in 1974, with one working incubator. \
          Moldova promised a new regional hospital twice. Money from the health fund should go \
          to the south before another winter."),
        ("libraries", "Moldova's libraries are the last public living rooms",
         "In many towns of Moldova the library is the only warm public room left. Pupils do \
          homework there and pensioners read newspapers. Closing them to save on heating would \
          cost Moldova more than it saves."),
    ];
    pieces
        .iter()
        .map(|(name, title, body)| undated(doc(name, "en", "Chisinau Opinion", "", title, body)))
        .collect()
}

#[test]
fn undated_opinion_pieces_that_share_only_a_country_do_not_make_a_story() {
    let (store, _) = assign(&opinions());
    let largest = all_stories(&store).iter().map(|s| s.articles.len()).max().unwrap();
    assert!(largest <= 2, "a story of {largest} opinion pieces on different subjects");
}
