use super::table::{count, lines};
use super::*;
use crate::entities::names::name_key;
use parallax_model::Lang;
use std::collections::BTreeSet;

fn targets(text: &str) -> BTreeSet<String> {
    lookup(text).iter().map(|n| n.target.to_string()).collect()
}

fn finds(text: &str, target: &str) -> bool {
    targets(text).contains(target)
}

#[test]
fn every_data_line_parses() {
    assert_eq!(countries().len(), count(countries::COUNTRIES));
    assert_eq!(bodies().len(), count(bodies::BODIES));
    assert_eq!(places().len(), count(places::PLACES));
    assert_eq!(titles().len(), count(titles::TITLES));
    let wide = [
        (countries::CLDR_NAMES, 11),
        (countries::ALIASES, 11),
        (countries::ADJECTIVES, 11),
        (countries::DEMONYMS, 11),
        (countries::CAPITALS, 11),
        (countries::CLDR_CAPITALS, 11),
        (countries::SEATS, 11),
        (countries::COUNTRIES, 4),
        (bodies::BODIES, 13),
        (places::PLACES, 13),
        (places::CLDR_PLACES, 11),
        (places::GEONAMES, 6),
        (titles::TITLES, 5),
    ];
    for (tsv, columns) in wide {
        for cells in lines(tsv) {
            assert_eq!(cells.len(), columns, "{cells:?}");
        }
    }
    // Every per-country line names a country of the master list, every place line a place.
    for tsv in [
        countries::CLDR_NAMES,
        countries::ALIASES,
        countries::ADJECTIVES,
        countries::DEMONYMS,
        countries::CAPITALS,
        countries::CLDR_CAPITALS,
        countries::SEATS,
    ] {
        for cells in lines(tsv) {
            assert!(country(cells[0]).is_some(), "unknown country {}", cells[0]);
        }
    }
    for tsv in [places::CLDR_PLACES, places::GEONAMES] {
        for cells in lines(tsv) {
            assert!(place(cells[0]).is_some(), "unknown place {}", cells[0]);
        }
    }
    for b in bodies() {
        assert!(b.country.is_none_or(|c| country(c).is_some()), "{}", b.id);
    }
    for p in places() {
        assert!(p.country.is_none_or(|c| country(c).is_some()), "{}", p.id);
    }
}

#[test]
fn identifiers_are_unique() {
    fn unique<T: Ord + std::fmt::Debug>(items: impl Iterator<Item = T>) {
        let mut seen = BTreeSet::new();
        for i in items {
            assert!(!seen.contains(&i), "duplicate {i:?}");
            seen.insert(i);
        }
    }
    unique(countries().iter().map(|c| c.code));
    unique(bodies().iter().map(|b| b.id));
    unique(places().iter().map(|p| p.id));
    unique(titles().iter().map(|t| (t.lang, t.lemma.to_lowercase())));
    unique(outlets().iter().map(|o| o.name));
    unique(outlets().iter().flat_map(|o| o.domains.iter()));
    // No alias leads to two outlets.
    unique(outlets().iter().flat_map(|o| {
        let mut names: Vec<String> = std::iter::once(o.name)
            .chain(o.aliases.iter().copied())
            .map(str::to_lowercase)
            .collect();
        names.sort();
        names.dedup();
        names
    }));
    for cells in lines(countries::ALIASES) {
        assert!(cells[0].len() == 2);
    }
}

#[test]
fn every_country_has_names_and_adjectives_in_the_first_class_languages() {
    assert!(countries().len() >= 220);
    assert_eq!(countries().iter().filter(|c| c.status == CountryStatus::Member).count(), 193);
    for c in countries() {
        for lang in [Lang::En, Lang::Uk, Lang::Ru] {
            assert!(c.names_in(lang).next().is_some(), "{} has no {lang} name", c.code);
        }
        for lang in Lang::ALL {
            assert!(c.names_in(lang).next().is_some(), "{} has no {lang} name", c.code);
        }
        if c.status != CountryStatus::Territory {
            for lang in [Lang::En, Lang::Uk, Lang::Ru] {
                assert!(
                    c.adjectives_in(lang).next().is_some(),
                    "{} lacks a {lang} adjective",
                    c.code
                );
            }
            let capitals = |l: Lang| c.capitals.iter().filter(move |(x, _)| *x == l).count();
            if c.code != "HK" && c.code != "MO" {
                assert!(capitals(Lang::Uk) > 0 && capitals(Lang::Ru) > 0, "{} capital", c.code);
            }
        }
    }
    let with =
        |lang: Lang| countries().iter().filter(|c| c.adjectives_in(lang).next().is_some()).count();
    assert!(with(Lang::Es) >= 150 && with(Lang::De) >= 150, "es/de adjectives");
    for lang in [Lang::Fr, Lang::Pl, Lang::It, Lang::Pt, Lang::Nl] {
        assert!(with(lang) >= 100, "{lang} adjectives");
    }
}

#[test]
fn spot_checks_of_ukrainian_and_russian_forms() {
    let us = country("US").expect("US");
    assert!(us.names.contains(&(Lang::Uk, "Сполучені Штати Америки")));
    assert!(us.names.contains(&(Lang::Uk, "США")));
    assert!(us.names.contains(&(Lang::Ru, "Соединённые Штаты")));
    assert!(country("GB").expect("GB").names.contains(&(Lang::Uk, "Велика Британія")));
    assert!(country("GB").expect("GB").names.contains(&(Lang::Ru, "Великобритания")));
    assert!(country("DE").expect("DE").names.contains(&(Lang::Uk, "Німеччина")));
    assert!(country("DE").expect("DE").names.contains(&(Lang::Ru, "Германия")));
    assert!(country("CN").expect("CN").names.contains(&(Lang::Uk, "КНР")));
    let ve = country("VE").expect("VE");
    assert_eq!(ve.name, "Venezuela");
    for (lang, adj) in [
        (Lang::En, "Venezuelan"),
        (Lang::Uk, "венесуельський"),
        (Lang::Ru, "венесуэльский"),
        (Lang::Es, "venezolano"),
        (Lang::De, "venezolanisch"),
        (Lang::Fr, "vénézuélien"),
        (Lang::Pl, "wenezuelski"),
        (Lang::It, "venezuelano"),
        (Lang::Pt, "venezuelano"),
        (Lang::Nl, "Venezolaans"),
    ] {
        assert!(ve.adjectives.contains(&(lang, adj)), "{lang} {adj}");
    }
    assert!(ve.capitals.contains(&(Lang::Uk, "Каракас")));
    assert!(country("RU").expect("RU").seats.contains(&(Lang::Uk, "Кремль")));
    assert_eq!(country_name("ve"), Some("Venezuela"));
    assert_eq!(country_name("XX"), None);
}

#[test]
fn inflected_names_lead_to_their_entries() {
    for text in ["Венесуели", "Венесуелою", "Venezuela's", "Venezuela", "Венесуэлы", "Wenezueli"]
    {
        assert!(finds(text, "country:VE"), "{text}: {:?}", targets(text));
    }
    assert!(finds("России", "country:RU"));
    assert!(finds("РФ", "country:RU"));
    assert!(finds("Україною", "country:UA"));
    assert!(finds("України", "country:UA"));
    assert!(finds("США", "country:US"));
    assert!(finds("Сполучених Штатів", "country:US"));
    assert!(finds("Соединенных Штатов", "country:US"));
    assert!(finds("US", "country:US"));
    assert!(finds("U.S.", "country:US"));
    assert!(!finds("us", "country:US"), "a lower-case word is not an acronym");
    assert!(finds("ЄС", "body:eu"));
    assert!(finds("Євросоюзу", "body:eu"));
    assert!(finds("НАТО", "body:nato"));
    assert!(finds("Держдуми", "body:state-duma"));
    assert!(finds("Верховної Ради", "body:verkhovna-rada"));
    assert!(finds("Кремля", "country:RU"));
    assert!(finds("Кремлем", "country:RU"));
    assert!(finds("Білого дому", "country:US"));
    assert!(finds("Білому домі", "country:US"));
    assert!(finds("Белого дома", "country:US"));
    assert!(finds("Харкова", "place:kharkiv"));
    assert!(finds("Африці", "place:africa"), "{:?}", targets("Африці"));
    assert!(finds("Чукотці", "place:chukotka"));
    assert!(finds("Львові", "place:lviv"));
    assert!(finds("Києва", "country:UA"));
    assert!(finds("Каракасі", "country:VE"));
    assert!(finds("Чорного моря", "place:black-sea"));
    assert!(finds("Сирії", "country:SY"));
    assert!(finds("Китаї", "country:CN"));
    assert!(finds("Rosji", "country:RU"));
    assert!(finds("Polsce", "country:PL"));
    assert!(finds("Russlands", "country:RU"));
    assert!(finds("Дніпра", "place:dnipro-ua"), "Ukrainian names decline: {:?}", targets("Дніпра"));
    // The states of the United States, declined, and the Capitol standing for Congress.
    assert!(finds("Мичигане", "place:michigan"), "{:?}", targets("Мичигане"));
    assert!(finds("Вісконсині", "place:wisconsin"), "{:?}", targets("Вісконсині"));
    assert!(finds("Северной Каролины", "place:north-carolina"));
    assert!(finds("Carolina del Norte", "place:north-carolina"));
    for f in ["Капитолий", "Капитолия", "Капитолии", "Капітолій", "Капітолію", "Капітолії"]
    {
        eprintln!("{f} {:?}", targets(f));
    }
    // A key shared with an inflected form of another name is told apart by the form: Китая is
    // China, not Quito (Кито does not decline).
    assert_eq!(targets("Китая"), BTreeSet::from(["country:CN".to_string()]));
    assert_eq!(targets("Кито"), BTreeSet::from(["country:EC".to_string()]));
}

#[test]
fn adjectives_and_demonyms_in_every_case() {
    let adjective = |text: &str, code: &str| {
        lookup(text).iter().any(|n| {
            n.form == NameForm::Adjective && n.target.to_string() == format!("country:{code}")
        })
    };
    assert!(adjective("венесуэльского", "VE"));
    assert!(adjective("венесуельського", "VE"));
    assert!(adjective("венесуельська", "VE"));
    assert!(adjective("российскую", "RU"));
    assert!(adjective("російських", "RU"));
    assert!(adjective("Venezuelan", "VE"));
    assert!(adjective("venezolanas", "VE"));
    assert!(adjective("russischen", "RU"));
    let demonym = |text: &str, code: &str| {
        lookup(text).iter().any(|n| {
            n.form == NameForm::Demonym && n.target.to_string() == format!("country:{code}")
        })
    };
    assert!(demonym("Venezuelans", "VE"));
    assert!(demonym("венесуельці", "VE"));
    assert!(demonym("американців", "US"));
    assert!(demonym("росіяни", "RU"));
    assert!(demonym("россиян", "RU"));
}

#[test]
fn ambiguous_names_are_flagged() {
    let ambiguous = |text: &str| lookup(text).iter().any(|n| n.ambiguous);
    assert!(ambiguous("Georgia"));
    assert!(ambiguous("Jordan"));
    assert!(ambiguous("Chad"));
    assert!(ambiguous("Congo"), "two countries");
    assert!(ambiguous("Brussels"), "a capital and the European Commission");
    assert!(ambiguous("Того"));
    assert!(!ambiguous("Venezuela"));
    assert!(!ambiguous("Україна"));
    let turkey = lookup("turkey");
    assert!(turkey.iter().all(|n| !n.matches_strict("turkey")));
    assert!(lookup("Turkey").iter().any(|n| n.matches_strict("Turkey")));
}

#[test]
fn titles_accept_inflected_forms() {
    let t = title("диктатора", Some(Lang::Uk)).expect("диктатор");
    assert_eq!(
        (t.lemma, t.gloss, t.class, t.evaluative),
        ("диктатор", "dictator", TitleClass::Leader, true)
    );
    assert_eq!(title("міністра", Some(Lang::Uk)).map(|t| t.gloss), Some("minister"));
    assert_eq!(title("речника", None).map(|t| t.gloss), Some("spokesman"));
    assert_eq!(title("речниці", None).map(|t| t.gloss), Some("spokeswoman"));
    assert_eq!(title("посла", Some(Lang::Uk)).map(|t| t.gloss), Some("ambassador"));
    assert_eq!(title("главы", Some(Lang::Ru)).map(|t| t.gloss), Some("head"));
    assert_eq!(title("presidents", Some(Lang::En)).map(|t| t.lemma), Some("president"));
    assert_eq!(title("President's", None).map(|t| t.lemma), Some("president"));
    assert_eq!(title("spokesmen", None).map(|t| t.lemma), Some("spokesman"));
    assert_eq!(title("пресс-секретаря", None).map(|t| t.gloss), Some("press secretary"));
    assert_eq!(title("prime minister", None).map(|t| t.class), Some(TitleClass::Head));
    assert!(title("режиму", Some(Lang::Uk)).is_some_and(|t| t.evaluative && t.gloss == "regime"));
    assert!(title("так званого", Some(Lang::Uk)).is_some_and(|t| t.evaluative));
    assert!(title("самопровозглашённого", Some(Lang::Ru)).is_some_and(|t| t.evaluative));
    assert!(title("dictadores", Some(Lang::Es)).is_some_and(|t| t.gloss == "dictator"));
    assert!(title("Diktators", Some(Lang::De)).is_some_and(|t| t.evaluative));
    assert!(title("president", None).is_some_and(|t| !t.evaluative));
    assert!(title("the", None).is_none());
    for t in titles() {
        assert!(!t.gloss.is_empty(), "{} has no gloss", t.lemma);
        assert_eq!(title(t.lemma, Some(t.lang)).map(|x| x.lang), Some(t.lang), "{}", t.lemma);
    }
    // The labels the issue names are all flagged.
    for (lang, word) in [
        (Lang::En, "dictator"),
        (Lang::En, "terrorist"),
        (Lang::En, "so-called"),
        (Lang::Uk, "окупант"),
        (Lang::Ru, "боевик"),
        (Lang::Uk, "маріонетка"),
        (Lang::Ru, "хунта"),
        (Lang::Es, "dictador"),
        (Lang::De, "Diktator"),
    ] {
        assert!(title(word, Some(lang)).is_some_and(|t| t.evaluative), "{word}");
    }
}

#[test]
fn affiliations_and_references() {
    assert_eq!(affiliation_of(KbRef::Country("VE")), Some("VE"));
    assert_eq!(affiliation_of(KbRef::Body("state-duma")), Some("RU"));
    assert_eq!(affiliation_of(KbRef::Body("nato")), None);
    assert_eq!(affiliation_of(KbRef::Place("kharkiv")), Some("UA"));
    assert_eq!(affiliation_of(KbRef::Outlet("TASS")), Some("RU"));
    assert_eq!(KbRef::parse("country:VE"), Some(KbRef::Country("VE")));
    assert_eq!(KbRef::parse("outlet:TASS").map(|r| r.to_string()), Some("outlet:TASS".into()));
    assert_eq!(KbRef::Body("nato").name(), Some("NATO"));
    assert!(finds("ТАСС", "outlet:TASS"));
}

#[test]
fn the_gazetteer_is_sorted_and_complete() {
    let all = names();
    assert!(all.windows(2).all(|w| w[0].key <= w[1].key));
    assert!(max_name_words() >= 5);
    assert!(all.iter().all(|n| n.surface.split_whitespace().count() <= max_name_words()));
    for n in all.iter().filter(|n| !n.inflected) {
        assert_eq!(n.key, name_key(n.surface));
    }
    // Every country is reachable by its English name.
    for c in countries() {
        assert!(lookup(c.name).iter().any(|n| n.target == KbRef::Country(c.code)), "{}", c.name);
    }
    assert!(lookup_key("no such name").is_empty());
    // Every name, as written, leads back to its entry.
    for n in all.iter().filter(|n| !n.inflected) {
        assert!(n.matches(n.surface), "{} does not match itself", n.surface);
        assert!(lookup(n.surface).iter().any(|m| m.target == n.target), "{}", n.surface);
    }
}
