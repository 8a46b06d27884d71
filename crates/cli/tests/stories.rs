//! `parallax stories` and `parallax story`: stories made at ingest, read back through the JSON
//! contract.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::string_slice)]

mod util;

use serde_json::Value;
use util::*;

fn json_lines(o: &std::process::Output) -> Vec<Value> {
    assert!(o.status.success(), "{}", stderr(o));
    stdout(o).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

/// The five seed files are one story, and no other story exists. Reads ../shared; skips when it
/// is absent unless PARALLAX_REQUIRE_SHARED is set.
#[test]
fn the_seeds_are_exactly_one_story() {
    let Some(shared) = parallax_eval::shared_for_tests("the_seeds_are_exactly_one_story") else {
        return;
    };
    let seeds = shared.join("corpus").join("seeds");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let o = run(&data, &["ingest", "--json", seeds.to_str().unwrap()]);
    let summary: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(summary["stored"], 5, "{summary}");
    assert_eq!((summary["stories"].as_u64(), summary["new_stories"].as_u64()), (Some(1), Some(1)));

    let stories = json_lines(&run(&data, &["stories", "--json"]));
    assert_eq!(stories.len(), 1, "one story and no other: {stories:?}");
    let s = &stories[0];
    let mut members: Vec<&str> =
        s["articles"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    members.sort_unstable();
    let mut stored: Vec<&str> =
        summary["stored_ids"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    stored.sort_unstable();
    assert_eq!(members, stored, "the story holds all five files");
    let langs: Vec<&str> =
        s["languages"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert!(langs.contains(&"en") && langs.contains(&"uk"), "{langs:?}");
}

#[test]
fn stories_and_story_follow_the_json_contract() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let wire = "Ferry service across the Danube resumes at Isaccea\n\n\
        ISACCEA, April 7 (BSW) - A car ferry across the Danube between Isaccea and Orlivka resumed \
        service on Tuesday after three weeks of repairs to its ramps, the operator said.\n\n\
        The ferry will make 12 crossings a day and carry up to 40 cars, easing queues at the \
        Reni bridge, the regional transport office said in a statement.\n\n\
        Truck drivers had waited up to 18 hours at the bridge during the closure.\n";
    // Lightly edited: another headline and one word more.
    let reprint = wire
        .replace("resumes at Isaccea\n", "resumes service\n")
        .replace("the operator said", "the ferry operator said");
    std::fs::write(input.join("a_wire.txt"), wire).unwrap();
    std::fs::write(input.join("b_reprint.txt"), reprint).unwrap();
    let data = dir.path().join("store");
    let o = run(&data, &["ingest", input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("stories"), "the summary counts stories: {}", stderr(&o));

    let stories = json_lines(&run(&data, &["stories", "--json"]));
    assert_eq!(stories.len(), 1, "{stories:?}");
    for s in &stories {
        for field in ["id", "title", "articles", "languages", "outlets", "first", "last"] {
            assert!(s.get(field).is_some(), "stories --json has {field}: {s}");
        }
    }
    // The wire story and its reprint, counted once.
    let wire_story = &stories[0];
    assert_eq!(wire_story["articles"].as_array().unwrap().len(), 2);
    assert_eq!(wire_story["distinct"], 1);
    assert_eq!(wire_story["copies"][0]["reach"], 2);

    // `story` takes a unique prefix of the story id, or of one of its articles' ids.
    let id = wire_story["id"].as_str().unwrap();
    let by_story = json_lines(&run(&data, &["story", "--json", &id[..6]]));
    assert_eq!(by_story.len(), 1);
    assert_eq!(by_story[0]["id"], id);
    let member = wire_story["articles"][1].as_str().unwrap();
    let by_article = json_lines(&run(&data, &["story", member, "--json"]));
    assert_eq!(by_article[0]["id"], id);
    let members = by_article[0]["members"].as_array().unwrap();
    assert_eq!(members.len(), 2);
    let copies: Vec<&Value> = members.iter().filter(|m| !m["copy_of"].is_null()).collect();
    assert_eq!(copies.len(), 1, "{members:?}");
    assert!(members.iter().all(|m| m["reach"] == 2));

    // Filters and errors.
    assert_eq!(json_lines(&run(&data, &["stories", "--json", "--min-articles", "2"])).len(), 0);
    assert_eq!(json_lines(&run(&data, &["stories", "--json", "--limit", "0"])).len(), 0);
    assert_eq!(json_lines(&run(&data, &["stories", "--json", "--lang", "en"])).len(), 1);
    let missing = run(&data, &["story", "zzzz"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("no story"), "{}", stderr(&missing));
    let text = run(&data, &["stories"]);
    assert!(stdout(&text).contains("Ferry service"), "{}", stdout(&text));
}

#[test]
fn the_demo_shows_its_stories() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&dir.path().join("unused"), &["demo", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let stories = v["stories"].as_array().unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert!(!stories.is_empty());
    assert!(stories.len() < articles.len(), "some articles share a story");
    let mut members: Vec<&str> = stories
        .iter()
        .flat_map(|s| s["articles"].as_array().unwrap())
        .map(|a| a.as_str().unwrap())
        .collect();
    members.sort_unstable();
    let mut ids: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    assert_eq!(members, ids, "every article is in exactly one story");

    // The demo corpus (written by the team) holds three events: floods on the Dniester, a
    // battery plant near Lviv, and, four days before the floods, a climate conference in
    // Chisinau: the same country, city and river in other words, which must stay its own story.
    let titled = |words: &[&str]| -> Vec<&str> {
        articles
            .iter()
            .filter(|a| {
                let t = a["title"].as_str().unwrap_or("").to_lowercase();
                words.iter().any(|w| t.contains(w))
            })
            .map(|a| a["id"].as_str().unwrap())
            .collect()
    };
    let climate = titled(&["climate", "климат"]);
    let battery = titled(&["ibervolt"]);
    let floods =
        titled(&["flood", "наводнение", "паводок", "паводка", "inundaciones", "hochwasser"]);
    assert_eq!((climate.len(), battery.len()), (2, 3), "{articles:?}");
    assert!(floods.len() >= 6, "{floods:?}");
    let story_of = |id: &str| {
        stories
            .iter()
            .position(|s| s["articles"].as_array().unwrap().iter().any(|a| a == id))
            .unwrap()
    };
    let climate_story = story_of(climate[0]);
    assert_eq!(story_of(climate[1]), climate_story, "the conference in English and Russian");
    assert!(
        floods.iter().all(|f| story_of(f) != climate_story),
        "no flood report joins the conference"
    );
    let battery_story = story_of(battery[0]);
    assert!(battery.iter().all(|b| story_of(b) == battery_story), "the plant in three languages");
    assert_eq!(stories[battery_story]["articles"].as_array().unwrap().len(), 3);
    let flood_stories: std::collections::BTreeSet<usize> =
        floods.iter().map(|f| story_of(f)).collect();
    assert!(
        flood_stories.len() <= 2,
        "the floods are one story (the German report may stand apart)"
    );
}
