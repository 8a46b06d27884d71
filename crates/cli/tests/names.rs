//! One person, one identity (issue 16): team-written articles name a person, a body and a place
//! in several grammatical cases in Russian and Ukrainian, and in English.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod util;

use serde_json::Value;
use std::path::Path;
use util::*;

/// A store with the fixture folder ingested.
fn store(folder: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/names").join(folder);
    let o = run(&data, &["ingest", input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    (dir, data)
}

fn entities_in(data: &Path, extra: &[&str]) -> Vec<Value> {
    let o = run(data, &[&["--json", "entities"], extra].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn entities(folder: &str) -> Vec<Value> {
    let (_dir, data) = store(folder);
    entities_in(&data, &[])
}

fn named<'a>(all: &'a [Value], form: &str) -> Vec<&'a Value> {
    all.iter()
        .filter(|e| e["names"].as_array().unwrap().iter().any(|n| n.as_str() == Some(form)))
        .collect()
}

/// The one entity all `forms` name (each form named by exactly one entity).
fn one_entity<'a>(all: &'a [Value], forms: &[&str]) -> &'a Value {
    let found: Vec<&Value> = forms
        .iter()
        .map(|f| {
            let found = named(all, f);
            assert_eq!(found.len(), 1, "{f}: {all:?}");
            found[0]
        })
        .collect();
    let ids: std::collections::BTreeSet<&str> =
        found.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 1, "{forms:?} split: {ids:?}");
    found[0]
}

#[test]
fn a_person_a_body_and_a_place_in_any_case_and_script_are_one_entity_each() {
    let all = entities("three");
    let groups: [(&str, &[&str]); 3] = [
        (
            "Andriy Polishchuk",
            &[
                "Андрей Полищук",
                "Андрея Полищука",
                "Андрею Полищуку",
                "Андреем Полищуком",
                "Андрее Полищуке",
                "Андрій Поліщук",
                "Андрія Поліщука",
                "Андрію Поліщуку",
                "Андрієм Поліщуком",
                "Andriy Polishchuk",
            ],
        ),
        (
            "World Health Organization",
            &[
                "Всемирная организация здравоохранения",
                "Всемирной организации здравоохранения",
                "Всемирной организацией здравоохранения",
                "Всесвітня організація охорони здоров'я",
                "Всесвітньої організації охорони здоров'я",
                "Всесвітній організації охорони здоров'я",
                "World Health Organization",
            ],
        ),
        ("Kharkiv", &["Харьков", "Харькове", "Харьковом", "Харків", "Харкові", "Харковом"]),
    ];
    for (canonical, forms) in groups {
        let e = one_entity(&all, forms);
        assert_eq!(e["canonical"], canonical, "the English name when an English article names it");
        assert_eq!(e["articles"].as_array().unwrap().len(), 3);
    }
}

#[test]
fn a_person_only_named_in_oblique_cases_is_one_entity_named_by_the_nominative() {
    let all = entities("oblique");
    let forms = [
        "Андрея Ковальского",
        "Андрею Ковальскому",
        "Андрієм Ковальським",
        "Андрієві Ковальському",
    ];
    let canonical = one_entity(&all, &forms)["canonical"].as_str().unwrap();
    assert!(
        canonical.starts_with("Andr")
            && canonical.contains("Kovalsk")
            && canonical.ends_with(['y', 'i']),
        "the nominative, never a case form: {canonical}"
    );
}

#[test]
fn entities_by_name_in_any_script_and_case() {
    let (_dir, data) = store("three");
    for query in ["polishchuk", "Андрієм Поліщуком", "Андрей Полищук", "POLISHCHUK"]
    {
        let found = entities_in(&data, &["--name", query]);
        assert_eq!(found.len(), 1, "{query}: {found:?}");
        assert_eq!(found[0]["canonical"], "Andriy Polishchuk", "{query}");
    }
    let o = run(&data, &["entities", "--name", "Zaluzhny"]);
    assert!(o.status.success());
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("\"Zaluzhny\""), "says what was searched: {}", stderr(&o));
}
