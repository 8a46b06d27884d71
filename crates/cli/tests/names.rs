//! One person, one identity (issue 16): team-written articles name a person, a body and a place
//! in several grammatical cases in Russian and Ukrainian, and in English.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod util;

use serde_json::Value;
use std::path::Path;
use util::*;

fn entities(folder: &str) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/names").join(folder);
    let o = run(&data, &["ingest", input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&data, &["--json", "entities"]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn named<'a>(all: &'a [Value], form: &str) -> Vec<&'a Value> {
    all.iter()
        .filter(|e| e["names"].as_array().unwrap().iter().any(|n| n.as_str() == Some(form)))
        .collect()
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
        let ids: std::collections::BTreeSet<&str> = forms
            .iter()
            .map(|f| {
                let found = named(&all, f);
                assert_eq!(found.len(), 1, "{f}: {found:?}");
                found[0]["id"].as_str().unwrap()
            })
            .collect();
        assert_eq!(ids.len(), 1, "{canonical} split: {ids:?}");
        let e = named(&all, forms[0])[0];
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
    let ids: std::collections::BTreeSet<&str> = forms
        .iter()
        .map(|f| {
            let found = named(&all, f);
            assert_eq!(found.len(), 1, "{f}: {all:?}");
            found[0]["id"].as_str().unwrap()
        })
        .collect();
    assert_eq!(ids.len(), 1, "one person: {all:?}");
    let canonical = named(&all, forms[0])[0]["canonical"].as_str().unwrap();
    assert!(
        canonical.starts_with("Andr")
            && canonical.contains("Kovalsk")
            && canonical.ends_with(['y', 'i']),
        "the nominative, never a case form: {canonical}"
    );
}
