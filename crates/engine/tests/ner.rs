//! Named-entity mention detection: snapshots of the mentions found in short news paragraphs per
//! language (`tests/fixtures/ner/<iso>.txt`, written for this project), assertions of the
//! behaviours that could silently break, and the span invariants as a property over odd input.

#![allow(clippy::unwrap_used)] // test support: a failed unwrap is the report

use parallax_engine::entities::ner::{detect, Detected};
use parallax_engine::segment::sentences;
use parallax_model::{EntityType, Lang, LangSpan, Span};
use proptest::prelude::*;
use std::path::Path;

fn fixture(lang: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/ner/{lang}.txt"));
    std::fs::read_to_string(path).unwrap()
}

fn run(text: &str, lang: Lang) -> Vec<Detected> {
    detect(text, &sentences(text, Some(lang)), &[], Some(lang))
}

/// "start kind text" lines, for snapshots and for reading failures.
fn lines(text: &str, found: &[Detected]) -> Vec<String> {
    found
        .iter()
        .map(|d| format!("{} {} {}", d.span.start, d.kind, d.span.text(text).unwrap()))
        .collect()
}

fn has(text: &str, found: &[Detected], kind: EntityType, surface: &str) -> bool {
    found.iter().any(|d| d.kind == kind && d.span.text(text) == Some(surface))
}

fn covered(text: &str, found: &[Detected], word: &str) -> bool {
    found.iter().any(|d| d.span.text(text).is_some_and(|t| t.split_whitespace().any(|w| w == word)))
}

#[track_caller]
fn assert_has(text: &str, found: &[Detected], kind: EntityType, surface: &str) {
    assert!(has(text, found, kind, surface), "no {kind} {surface:?} in {:#?}", lines(text, found));
}

#[test]
fn snapshots() {
    for (code, lang) in
        [("uk", Lang::Uk), ("ru", Lang::Ru), ("en", Lang::En), ("es", Lang::Es), ("de", Lang::De)]
    {
        let text = fixture(code);
        let found = run(&text, lang);
        insta::assert_yaml_snapshot!(format!("ner_{code}"), lines(&text, &found));
    }
}

#[test]
fn inflected_slavic_names_are_whole() {
    let uk = fixture("uk");
    let found = run(&uk, Lang::Uk);
    assert_has(&uk, &found, EntityType::Person, "Ніколас Морено");
    assert_has(&uk, &found, EntityType::Person, "Ніколаса Морено");
    assert_has(&uk, &found, EntityType::Person, "Дорохіну");
    assert_has(&uk, &found, EntityType::Person, "Коваленка");
    assert_has(&uk, &found, EntityType::Country, "Венесуели");
    assert_has(&uk, &found, EntityType::Place, "Каракаса");
    let ru = fixture("ru");
    let found = run(&ru, Lang::Ru);
    assert_has(&ru, &found, EntityType::Person, "Николаса Морено");
    assert_has(&ru, &found, EntityType::Person, "Дорохину");
    assert_has(&ru, &found, EntityType::Person, "Лаврова");
}

#[test]
fn initials_belong_to_the_name() {
    let uk = fixture("uk");
    assert_has(&uk, &run(&uk, Lang::Uk), EntityType::Person, "Д. Бєресков");
    let ru = fixture("ru");
    assert_has(&ru, &run(&ru, Lang::Ru), EntityType::Person, "Д. Бересков");
}

#[test]
fn titles_stay_outside_names() {
    let uk = fixture("uk");
    let found = run(&uk, Lang::Uk);
    assert_has(&uk, &found, EntityType::Person, "Олексій Коваленко");
    assert!(!covered(&uk, &found, "Президент"), "{:#?}", lines(&uk, &found));
    let en = fixture("en");
    let found = run(&en, Lang::En);
    assert_has(&en, &found, EntityType::Person, "Nicolás Moreno");
    assert_has(&en, &found, EntityType::Person, "Dmitry Bereskov");
    assert_has(&en, &found, EntityType::Person, "Crane");
    assert_has(&en, &found, EntityType::Person, "Mark Rutte");
    assert_has(&en, &found, EntityType::Organization, "NATO");
    let de = fixture("de");
    let found = run(&de, Lang::De);
    assert_has(&de, &found, EntityType::Person, "Dmitri Bereskow");
    assert_has(&de, &found, EntityType::Person, "Anna Keller");
}

#[test]
fn organisations_named_in_quotation_marks() {
    let uk = fixture("uk");
    let found = run(&uk, Lang::Uk);
    // A legal form and its quoted name are one mention, quotation marks included.
    assert_has(&uk, &found, EntityType::Organization, "ТОВ «Укрметалпостач»");
    // A generic head noun before a quoted name is a descriptor, not part of the name.
    assert_has(&uk, &found, EntityType::Organization, "Народний вибір");
    let ru = fixture("ru");
    let found = run(&ru, Lang::Ru);
    assert_has(&ru, &found, EntityType::Organization, "ООО «Северный транзит»");
    assert_has(&ru, &found, EntityType::Organization, "Новая сила");
}

#[test]
fn latin_names_with_an_organisation_head_in_cyrillic_text_are_organisations() {
    let ru = fixture("ru");
    let found = run(&ru, Lang::Ru);
    // Russian writes people's names in Cyrillic; a Latin-script name ending in "Group" is a firm.
    assert_has(&ru, &found, EntityType::Organization, "Heritage Auctions Group");
    // A run of Latin-script words is one foreign name, however the tagger cut it.
    assert_has(&ru, &found, EntityType::Organization, "Northwind Capital Ltd");
}

#[test]
fn sentence_initial_capitals_are_not_names() {
    let uk = fixture("uk");
    let found = run(&uk, Lang::Uk);
    assert!(!covered(&uk, &found, "Днями"), "{:#?}", lines(&uk, &found));
    let ru = fixture("ru");
    let found = run(&ru, Lang::Ru);
    assert!(!covered(&ru, &found, "Вчера"), "{:#?}", lines(&ru, &found));
    let en = fixture("en");
    let found = run(&en, Lang::En);
    for word in ["request", "According", "Friday", "Sunday"] {
        assert!(!covered(&en, &found, word), "{word}: {:#?}", lines(&en, &found));
    }
    // A capitalised "The" inside a sentence is part of the name.
    assert_has(&en, &found, EntityType::Organization, "The Washington Post");
    let de = fixture("de");
    let found = run(&de, Lang::De);
    for noun in ["Hilfe", "Lage", "Soldaten", "Freitag"] {
        assert!(!covered(&de, &found, noun), "{noun}: {:#?}", lines(&de, &found));
    }
}

#[test]
fn acronyms_countries_places_and_equipment() {
    let en = fixture("en");
    let found = run(&en, Lang::En);
    assert_has(&en, &found, EntityType::Country, "United States");
    assert_has(&en, &found, EntityType::Place, "Caracas");
    assert_has(&en, &found, EntityType::Place, "Caribbean Sea");
    assert_has(&en, &found, EntityType::Equipment, "Il-76");
    assert_has(&en, &found, EntityType::Organization, "Ministry of Defence of Ukraine");
    assert_has(&en, &found, EntityType::Organization, "Northwind Logistics Ltd");
    // Adjectives of countries are not mentions of the country.
    assert!(!covered(&en, &found, "Russian"), "{:#?}", lines(&en, &found));
    let ru = fixture("ru");
    let found = run(&ru, Lang::Ru);
    assert_has(&ru, &found, EntityType::Equipment, "Су-30");
    assert_has(&ru, &found, EntityType::Country, "России");
    let es = fixture("es");
    let found = run(&es, Lang::Es);
    assert_has(&es, &found, EntityType::Organization, "Asamblea Nacional");
    assert_has(&es, &found, EntityType::Person, "Dmitri Bereskov");
}

#[test]
fn paragraphs_in_another_language_use_their_own_rules() {
    let text =
        "Міністр заявив, що Київ готовий.\n\nThe Kremlin said Vladimir Dorokhin would reply.";
    let second = text.find("The").unwrap();
    let langs = [
        LangSpan { start: 0, end: second - 2, language: Some(Lang::Uk), confidence: 0.9 },
        LangSpan { start: second, end: text.len(), language: Some(Lang::En), confidence: 0.9 },
    ];
    let found = detect(text, &sentences(text, Some(Lang::Uk)), &langs, Some(Lang::Uk));
    assert_has(text, &found, EntityType::Place, "Київ");
    assert_has(text, &found, EntityType::Person, "Vladimir Dorokhin");
    assert_has(text, &found, EntityType::Organization, "Kremlin");
}

fn check_spans(text: &str, found: &[Detected]) -> Result<(), TestCaseError> {
    let mut last = 0;
    for d in found {
        let Span { start, end } = d.span;
        prop_assert!(start >= last && start < end, "order/overlap: {found:?}");
        let s = d.span.text(text);
        prop_assert!(s.is_some(), "not on char boundaries: {:?}", d.span);
        let s = s.unwrap();
        prop_assert_eq!(s, s.trim());
        prop_assert!((0.0..=1.0).contains(&d.confidence));
        last = end;
    }
    Ok(())
}

const PIECES: &[&str] = &[
    "Президент Ніколас Морено заявив",
    "«Газпром»",
    "ТОВ «ЛБК «Наш Дом»",
    "«",
    "»",
    "\"",
    "Д.",
    "U.S.",
    "Mr.",
    "The",
    "of the",
    "Il-76",
    "https://example.com/a?b=C",
    "mail@example.org",
    "-",
    "—",
    "'s",
    "’",
    "Nicola\u{301}s",
    "\u{200b}",
    "ПАТ",
    "12,5",
    "ß",
    "İstanbul",
    "ǅ",
    "\u{1F600}",
    "Ёжиков",
    "Зі",
    "Iʼm",
    ".",
    "\n\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spans_are_valid_for_any_text(
        parts in prop::collection::vec((0..PIECES.len(), prop::sample::select(vec![" ", "", "\n", ", "])), 0..30),
        lang in prop::sample::select(vec![None, Some(Lang::Uk), Some(Lang::Ru), Some(Lang::En), Some(Lang::De), Some(Lang::Fr)]),
    ) {
        let text: String = parts.iter().map(|(i, sep)| format!("{}{sep}", PIECES[*i])).collect();
        // With the segmenter's sentences, and with none at all.
        let found = detect(&text, &sentences(&text, lang), &[], lang);
        check_spans(&text, &found)?;
        let found = detect(&text, &[], &[], lang);
        check_spans(&text, &found)?;
    }

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,200}", start in 0usize..50, len in 0usize..50) {
        // Sentence and paragraph spans that are out of range or off char boundaries are tolerated.
        let bogus = [Span::new(start, start + len), Span::new(0, text.len() + 3)];
        let langs = [LangSpan { start: len, end: start, language: Some(Lang::Uk), confidence: 0.5 }];
        let found = detect(&text, &bogus, &langs, None);
        check_spans(&text, &found)?;
    }
}

#[test]
fn places_with_their_district_and_bodies_named_by_their_place() {
    let uk = fixture("uk");
    let found = run(&uk, Lang::Uk);
    // A village and its district are two places.
    assert_has(&uk, &found, EntityType::Place, "Лозуватка");
    assert_has(&uk, &found, EntityType::Place, "Обухівського району");
    // A place's adjective before a court is the court's name.
    assert_has(&uk, &found, EntityType::Organization, "Краматорського міського суду");
    // A common given name is a person, whatever its case.
    assert_has(&uk, &found, EntityType::Person, "Галиною");
}

#[test]
fn names_with_an_ordinal_and_latin_words_in_cyrillic_text() {
    let ru = fixture("ru");
    let found = run(&ru, Lang::Ru);
    // A name with its ordinal is one name, of a project rather than a person.
    assert_has(&ru, &found, EntityType::Other, "Балтийский путь-2");
    assert_has(&ru, &found, EntityType::Other, "Baltic Way 2");
    // A number that starts a date stays out of the name before it.
    assert_has(&ru, &found, EntityType::Person, "Иван Петров");
    // A Latin-script word in Cyrillic text is a name; before a speech verb, a firm's.
    assert_has(&ru, &found, EntityType::Organization, "Skylark");
    assert_has(&ru, &found, EntityType::Other, "Tripwell");
}

#[test]
fn official_bodies_are_named_in_full() {
    let uk = fixture("uk");
    let found = run(&uk, Lang::Uk);
    // A place's adjective, lower-case adjectives and a body's head noun, also a compound one.
    assert_has(&uk, &found, EntityType::Organization, "Полтавської обласної ради");
    assert_has(&uk, &found, EntityType::Organization, "Клавдієвський лісгосп");
    // A name does not end in an adjective; a branch is named with its region.
    assert_has(
        &uk,
        &found,
        EntityType::Organization,
        "Служба автомобільних доріг у Кіровоградській області",
    );
    // An abbreviation before a quoted name is the body's type.
    assert_has(&uk, &found, EntityType::Organization, "НАК «Нафтогаз України»");
    // A bare head noun takes its complement.
    assert_has(&uk, &found, EntityType::Organization, "Партії регіонів");
    // Countries the knowledge base knows are found where the decoder left them out.
    assert_has(&uk, &found, EntityType::Country, "РФ");
    // Genitive plural districts ("районів") are places with their adjective.
    assert_has(&uk, &found, EntityType::Place, "Кременчуцького районів");
    // The adjectives coordinated before it name districts too.
    assert_has(&uk, &found, EntityType::Place, "Полтавського");
    assert_has(&uk, &found, EntityType::Place, "Миргородського");
}

#[test]
fn bodies_named_with_their_matters_parents_and_quoted_names() {
    let uk = fixture("uk");
    let found = run(&uk, Lang::Uk);
    // A department with the council it belongs to; a ministry with both its matters and its
    // country, also at the start of a sentence.
    assert_has(
        &uk,
        &found,
        EntityType::Organization,
        "Управління освіти та науки Одеської міськради",
    );
    assert_has(
        &uk,
        &found,
        EntityType::Organization,
        "Міністерство енергетики та вугільної промисловості України",
    );
    assert_has(&uk, &found, EntityType::Organization, "Прокуратура Києва");
    // A capitalised head noun and the quoted name after it are one name.
    assert_has(&uk, &found, EntityType::Organization, "Спортивний клуб «Вітрило»");
    // A "place" whose words include a body's head noun is that body.
    assert_has(&uk, &found, EntityType::Organization, "Господарського суду Харківської області");
    // An adverb that opens the sentence is not part of the name after it.
    assert_has(&uk, &found, EntityType::Person, "Остап");
    // Two firms in a row, the first missing its outer closing quotation mark.
    assert_has(&uk, &found, EntityType::Organization, "ТОВ «БК «Будмонтаж»");
    assert_has(&uk, &found, EntityType::Organization, "ТОВ «Східне»");
    // A compound that ends in a body's head noun names a body.
    assert_has(&uk, &found, EntityType::Organization, "Львівради");
    // Ukrainian feminine adjectives (-на, -ча) before a body's head noun are its name.
    assert_has(&uk, &found, EntityType::Organization, "Волинська обласна виборча комісія");
    // A place's adjective before an abbreviation names a body.
    assert_has(&uk, &found, EntityType::Organization, "Херсонській ТЕЦ");
    assert_has(&uk, &found, EntityType::Organization, "Іршанському ГЗК");
    // A "person" does not start with a body's head noun.
    assert_has(&uk, &found, EntityType::Organization, "Партії Відродження");
    // A person named in full and a given name after it are two people.
    assert_has(&uk, &found, EntityType::Person, "Петра Гнатюка");
    assert_has(&uk, &found, EntityType::Person, "Тарас");
}

#[test]
fn initials_and_surnames_of_people_named_in_full() {
    let ru = fixture("ru");
    let found = run(&ru, Lang::Ru);
    // A capital letter with a dot is an initial, even where the letter is a preposition.
    assert_has(&ru, &found, EntityType::Person, "О. Дерипаска");
    assert_has(&ru, &found, EntityType::Person, "В.Лисицын");
    // The surname of a person named in full is that person.
    assert_has(&ru, &found, EntityType::Person, "Кравцова");
}

#[test]
fn people_named_after_a_noun_for_a_person_and_firms_by_their_compound_names() {
    let uk = fixture("uk");
    let found = run(&uk, Lang::Uk);
    // "сестра Зірка" names a person, and so do the other mentions of the name, also after a
    // preposition of place ("Біля Зірки"); the decoder alone makes them a place.
    assert_has(&uk, &found, EntityType::Person, "Зірка");
    assert_has(&uk, &found, EntityType::Person, "Зірки");
    assert!(!has(&uk, &found, EntityType::Place, "Зірки"));
    // A word built of firms' name parts (-енерго-, -буд) is a firm in any case.
    assert_has(&uk, &found, EntityType::Organization, "Рівнеенергобудом");
    assert_has(&uk, &found, EntityType::Organization, "Рівнеенергобуд");
}

#[test]
fn streets_with_their_street_word_and_house_number() {
    let uk = fixture("uk");
    let found = run(&uk, Lang::Uk);
    assert_has(&uk, &found, EntityType::Place, "вулиці Франка");
    assert_has(&uk, &found, EntityType::Place, "вул. Садовій, 12-А");
    // An abbreviated head word keeps its full stop.
    assert_has(&uk, &found, EntityType::Place, "Миколаївській обл.");
    let ru = fixture("ru");
    let found = run(&ru, Lang::Ru);
    // A street named after a person is a place, not a mention of the person.
    assert_has(&ru, &found, EntityType::Place, "улицу Маршала Говорова, 5");
    assert!(!has(&ru, &found, EntityType::Person, "Говорова"));
    // No house number where a counted noun follows.
    let text = "На улице Ленина, 5 домов остались без света.";
    let found = run(text, Lang::Ru);
    assert_has(text, &found, EntityType::Place, "улице Ленина");
}

#[test]
fn bodies_with_the_place_they_belong_to_and_the_name_they_bear() {
    let uk = fixture("uk");
    let found = run(&uk, Lang::Uk);
    // The place right after a body's noun is its complement, also after a bare head noun.
    assert_has(&uk, &found, EntityType::Organization, "Прокуратури Волинської області");
    assert_has(&uk, &found, EntityType::Organization, "Вищого адмінсуду України");
    // A surname read as an adjective is still a name after initials.
    assert_has(&uk, &found, EntityType::Person, "В. І. Гордієнка");
    // The Ukrainian locative of a place in -ка (Африка → Африці) is known.
    assert_has(&uk, &found, EntityType::Place, "Африці");
    let ru = fixture("ru");
    let found = run(&ru, Lang::Ru);
    // "имени" and the name after it belong to the body.
    assert_has(
        &ru,
        &found,
        EntityType::Organization,
        "Новгородском государственном университете имени Н.А. Сверчкова",
    );
    assert!(!has(&ru, &found, EntityType::Person, "Сверчкова"));
}

#[test]
fn roads_lists_of_regions_former_states_and_bodies_with_two_complements() {
    let uk = fixture("uk");
    let found = run(&uk, Lang::Uk);
    // A road's code after a road word is a place, and so is each town of its chain; a tank's
    // designation stays equipment.
    assert_has(&uk, &found, EntityType::Place, "Т-14");
    for town in ["Ясногір’я", "Вербівка", "Дубрівка"] {
        assert_has(&uk, &found, EntityType::Place, town);
    }
    assert_has(&uk, &found, EntityType::Equipment, "Т-72");
    // Adjectives listed after a place's head noun and a dash are places.
    for region in ["Волинській", "Житомирській", "Рівненській"] {
        assert_has(&uk, &found, EntityType::Place, region);
    }
    // A state that no longer exists is a place the knowledge base knows.
    assert_has(&uk, &found, EntityType::Place, "СРСР");
    // A body's noun takes two genitive phrases, then its country.
    assert_has(&uk, &found, EntityType::Organization, "Міністерство охорони здоров'я України");
    // A name the decoder took for a body is a person when it acts in the past tense.
    assert_has(&uk, &found, EntityType::Person, "Грім");
}

#[test]
fn a_name_holding_a_digit_is_no_person() {
    for (text, lang, name) in [
        ("Вчені з Одеси вивчають штам SARS-CoV-2 у лабораторії.", Lang::Uk, "SARS-CoV-2"),
        (
            "Врачи заметили, что вариант Omicron-BA2 распространяется быстрее.",
            Lang::Ru,
            "Omicron-BA2",
        ),
        ("Engineers at Harbour Aero tested the Kestrel-X7 on Monday.", Lang::En, "Kestrel-X7"),
    ] {
        let found = run(text, lang);
        assert!(!has(text, &found, EntityType::Person, name), "{name}: {:?}", lines(text, &found));
    }
}

/// A given name whose case form is also a place's name (Доминика: Доминик's genitive, and
/// Dominica) is the given name before a surname.
#[test]
fn a_given_name_that_is_also_a_place_before_a_surname_is_the_persons() {
    let ru = "Министр иностранных дел Доминик Ферро заявил, что визит продлится два дня. Позиция Доминика Ферро не изменилась.";
    let found = run(ru, Lang::Ru);
    assert_has(ru, &found, EntityType::Person, "Доминик Ферро");
    assert_has(ru, &found, EntityType::Person, "Доминика Ферро");
    // A country before a person's full name stays a country.
    let ru = "Президент Франции Эмманюэль Макрон прилетел в Киев.";
    assert_has(ru, &run(ru, Lang::Ru), EntityType::Country, "Франции");
}
