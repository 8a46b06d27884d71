//! Golden tests of plain-text extraction on the team's multilingual fixtures
//! (`tests/fixtures/plain/`), plus the behaviour each fixture exists to pin.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use parallax_engine::read::{read, ReadOptions};
use parallax_model::{Article, FurnitureKind, Kind};
use std::path::Path;

fn article(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plain").join(name);
    let bytes = std::fs::read(&path).unwrap();
    let raw = read(&bytes, name, &ReadOptions::default()).remove(0).unwrap();
    parallax_engine::process(&raw).unwrap().article
}

fn view(a: &Article) -> serde_json::Value {
    serde_json::json!({
        "title": a.title, "author": a.author, "published": a.published, "outlet": a.outlet,
        "kind": a.kind, "tags": a.tags, "dateline": a.dateline,
        "paragraphs": a.paragraphs.iter().map(|p| p.text(&a.text).unwrap()).collect::<Vec<_>>(),
        "captions": a.captions,
        "furniture": a.furniture.iter().map(|f| format!("{:?}: {}", f.kind, f.text)).collect::<Vec<_>>(),
    })
}

fn has(a: &Article, kind: FurnitureKind, text: &str) -> bool {
    a.furniture.iter().any(|f| f.kind == kind && f.text.contains(text))
}

#[test]
fn golden_plain_extraction() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plain");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    for name in names {
        insta::assert_yaml_snapshot!(format!("plain__{name}"), view(&article(&name)));
    }
}

#[test]
fn german_byline_date_and_inline_teaser() {
    let a = article("de_byline_teaser.txt");
    assert_eq!(a.author.as_deref(), Some("Anna Schmidt"));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2026-02-12"));
    assert!(!a.text.contains("Lesen Sie auch"), "a teaser link inside the body is furniture");
    assert!(a.text.contains("Geschäftsführer Jens Richter"), "the body goes on after the teaser");
    assert!(!a.text.contains("Anzeige") && !a.text.contains("Teilen"));
}

#[test]
fn polish_hashtags_credit_and_reading_time() {
    let a = article("pl_hashtags_credit.txt");
    assert_eq!(a.tags, ["energetyka", "Gdańsk"]);
    assert_eq!(a.title.as_deref(), Some("Gdańsk: nowa linia tramwajowa ruszy w czerwcu"));
    assert!(has(&a, FurnitureKind::Credit, "Fot. Jan Nowak"));
    assert!(!a.text.contains("min czytania") && !a.text.contains("Czytaj także"));
}

#[test]
fn ukrainian_hard_wrapped_lines_are_joined() {
    let a = article("uk_hard_wrapped.txt");
    assert_eq!(a.paragraphs.len(), 2, "{:?}", a.text);
    assert!(a.text.contains("міжнародного фонду, повідомили в міській раді."));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2026-02-03"));
}

#[test]
fn russian_wire_dateline_and_author_box() {
    let a = article("ru_wire_author_box.txt");
    let d = a.dateline.as_ref().expect("dateline");
    assert_eq!(d.place.as_deref(), Some("Казань"));
    assert_eq!(a.outlet.as_deref(), Some("Городской вестник"));
    assert_eq!(a.author.as_deref(), Some("Ирина Лебедева"));
    assert!(
        a.text.starts_with("КАЗАНЬ, 5 февраля. /Городской вестник/. Ночные автобусы"),
        "the dateline stays in the body"
    );
    assert!(!a.text.contains("пишет о городском транспорте"), "author bio is furniture");
    assert!(
        a.text.contains("продлили работу метро"),
        "a last one-paragraph run on the same topic stays"
    );
}

#[test]
fn opinion_and_aggregator_kinds() {
    let op = article("en_opinion_label.txt");
    assert_eq!(op.kind, Kind::Opinion);
    assert_eq!(op.author.as_deref(), Some("Maria Lopes"));
    assert!(!op.text.contains("views expressed"));
    let agg = article("es_aggregator.txt");
    assert_eq!(agg.kind, Kind::AggregatorSummary);
    assert!(
        agg.text.contains("El suministro se restableció"),
        "bullets are body text without their markers"
    );
    assert!(!agg.text.contains('•'));
}

/// Saved plain-text news: "title, blank line, paragraphs", with advertising lines between the
/// paragraphs. The body is one body across them (the lead included) and the first line is the
/// title, also when it ends in "?" (en), is long (ru) or has two words (de).
#[test]
fn ads_between_paragraphs_keep_one_body_and_the_first_line_is_the_title() {
    for (name, title, lead, last) in [
        (
            "en_ads_between_paragraphs.txt",
            "Harbour town votes to rebuild its storm wall before the winter season?",
            "The town council of Westmere voted on Thursday",
            "a harbour levy that the council plans to introduce next spring.",
        ),
        (
            "ru_long_title_ads.txt",
            "В Твери открыли новый мост через Волгу: движение пустят в две полосы уже в субботу, сообщили в мэрии",
            "Новый мост через Волгу в Твери открыли в пятницу",
            "Старый мост закроют на ремонт весной.",
        ),
        (
            "de_title_short_blurb.txt",
            "Streik bei der Bahn",
            "Die Lokführergewerkschaft hat für Montag",
            "ihre Fahrten zu verschieben.",
        ),
    ] {
        let a = article(name);
        assert_eq!(a.title.as_deref(), Some(title), "{name}");
        assert!(a.text.starts_with(lead), "{name}: the lead before the first ad stays: {}", a.text);
        assert!(a.text.trim_end().ends_with(last), "{name}: {}", a.text);
        for ad in ["Advertisement", "Story continues below", "Реклама", "Anzeige"] {
            assert!(!a.text.contains(ad), "{name}: {ad:?} is furniture");
        }
        assert!(!a.text.contains(title), "{name}: the title is not body text");
    }
}

/// A one-line news item has the shape of a date line, yet it is the whole article.
#[test]
fn a_one_line_item_is_an_article() {
    let a = article("uk_one_line_item.txt");
    assert_eq!(a.text.trim(), "Помер поет Остап Вербицький (3 лютого)");
}

#[test]
fn english_lead_embedded_post_and_announced_list_stay_in_the_body() {
    let a = article("en_lead_embed_list.txt");
    // The lead and the standfirst between the title line and the body are the article's.
    assert!(a.text.starts_with("Northbay Ferries will cancel"), "{}", a.text);
    assert!(a.text.contains("Islanders say the decision leaves them"));
    // An embedded post's date line does not end the body, nor date the article.
    assert!(a.text.contains("The council will meet on Thursday"));
    assert!(has(&a, FurnitureKind::DateLine, "(@mayafenn)"));
    assert_eq!(a.published, None);
    // A list the body announces with a colon is the body's.
    assert!(a.text.contains("Carrow – Fenn, 17:45"));
}

#[test]
fn russian_questions_with_one_paragraph_answers_stay_in_the_body() {
    let a = article("ru_questions_answers.txt");
    for part in
        ["Когда дадут тепло?", "Жильцам советуют", "Тарифы на отопление", "Городские власти"]
    {
        assert!(a.text.contains(part), "{part} lost: {}", a.text);
    }
    assert!(!a.text.contains("Подписаться"), "the subscription button is furniture");
}

#[test]
fn a_list_a_question_announces_stays_in_the_body_with_its_long_items() {
    let a = article("ru_question_dash_list.txt");
    assert!(a.text.contains("паспорт"), "a one-word item of the announced list");
    assert!(a.text.contains("в городском реестре после первого января"), "a sentence-long item");
    assert!(a.text.contains("владельцам электросамокатов"), "the second list under its question");
    assert!(!a.text.contains("Подписаться"), "a button after the list is not the article's");
}

#[test]
fn a_numbered_list_goes_on_past_an_item_shaped_like_prose() {
    let a = article("en_numbered_picks.txt");
    assert!(a.text.contains("Expansion Set"), "the paragraph-shaped fourth item");
    assert!(a.text.contains("Paper Kites") && a.text.contains("Night Market"), "{}", a.text);
}

#[test]
fn a_table_under_a_heading_after_the_body_is_the_articles() {
    let a = article("de_table_schedule.txt");
    assert!(a.text.contains("Bergdorf, Kulturhaus am Markt"), "{}", a.text);
    assert!(a.text.contains("Festsaal der Musikschule"), "a long row with inner stops");
    assert!(a.text.contains("Rotthal, Konzerthaus"), "the table's last row");
}

#[test]
fn a_teaser_label_with_its_headline_inside_the_body_does_not_end_the_article() {
    let a = article("uk_teaser_label_inside.txt");
    assert!(a.text.contains("Пішохідну частину мосту відкриють у червні"), "{}", a.text);
    assert!(!a.text.contains("Фермери Полісся"), "the other story's headline is a teaser");
    assert!(has(&a, FurnitureKind::Teaser, "Фермери Полісся"));
}

#[test]
fn one_paragraph_sections_about_the_titles_subject_stay_in_the_body() {
    let a = article("en_review_roundup.txt");
    assert!(a.text.contains("went 60 kilometres on one charge"), "{}", a.text);
    assert!(a.text.contains("hydraulic brakes squeal in the wet"), "{}", a.text);
}
