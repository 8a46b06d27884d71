//! Golden tests of the HTML extractor over small multilingual pages written for these tests.
//!
//! Each fixture is a whole page with the usual furniture around an article. The snapshot
//! records the complete `HtmlDoc`; the assertions next to it name the behaviour that matters
//! (teasers, comments and captions out of the body, metadata found), so that a snapshot update
//! cannot silently accept a regression.

use parallax_engine::extract::html::{extract, BlockKind, HtmlDoc};
use parallax_engine::read::encoding::decode;
use parallax_model::FurnitureKind;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    decode(&bytes, None).expect("fixture decodes").text
}

fn body(doc: &HtmlDoc) -> String {
    doc.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n")
}

fn has_furniture(doc: &HtmlDoc, kind: FurnitureKind, needle: &str) -> bool {
    doc.furniture.iter().any(|f| f.kind == kind && f.text.contains(needle))
}

#[test]
fn english_news_page() {
    let doc =
        extract(&fixture("en_news.html"), Some("https://ledger.example/local/lighthouse-vote"));
    insta::assert_yaml_snapshot!("en_news", doc);
    let text = body(&doc);
    assert!(text.starts_with("Councillors in the small harbour town voted"));
    assert!(
        text.contains("the old lighthouse that has stood dark"),
        "inline <em> stays in its paragraph"
    );
    assert!(text.contains("Expected reopening: summer"), "list items of the body are kept");
    for furniture in [
        "We use cookies",
        "Share on Facebook",
        "Advertisement",
        "Pier repairs delayed",
        "Ferry timetable",
        "About time!",
        "Storm warning",
        "All rights reserved",
        "Harbour town votes",
        "The tower has been dark",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} leaked into the body");
    }
    assert_eq!(
        doc.captions,
        vec!["The tower has been dark since a storm in 1998. Photo: Ledger staff"]
    );
    assert!(doc.blocks.iter().any(|b| b.kind == BlockKind::Heading && b.text == "A long campaign"));
    assert!(doc.blocks.iter().any(|b| b.kind == BlockKind::ListItem));
    assert_eq!(doc.title.as_deref(), Some("Harbour town votes to rebuild its old lighthouse"));
    assert_eq!(doc.author.as_deref(), Some("Mara Quill"));
    assert_eq!(doc.published.as_deref(), Some("2025-10-31T09:12:00+00:00"));
    assert_eq!(doc.site_name.as_deref(), Some("The Coastal Ledger"));
    assert_eq!(doc.lang.as_deref(), Some("en-GB"));
    assert_eq!(doc.section.as_deref(), Some("Local"));
    assert_eq!(doc.tags, vec!["Lighthouses", "Local government"]);
    assert_eq!(doc.canonical_url.as_deref(), Some("https://ledger.example/local/lighthouse-vote"));
    assert!(has_furniture(&doc, FurnitureKind::Teaser, "Pier repairs delayed"));
    assert!(has_furniture(&doc, FurnitureKind::Byline, "Mara Quill"));
}

#[test]
fn ukrainian_page() {
    let doc = extract(&fixture("uk_news.html"), None);
    insta::assert_yaml_snapshot!("uk_news", doc);
    let text = body(&doc);
    assert!(text.starts_with("У середу в одному з житлових кварталів Львова"));
    assert!(text.contains("Міська рада обіцяє"));
    for furniture in [
        "Читайте також",
        "Поділитися",
        "Популярне",
        "Ціни на хліб",
        "Усі права",
        "12.03.2025",
        "Головна",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} leaked into the body");
    }
    assert_eq!(doc.blocks.len(), 4);
    assert_eq!(doc.title.as_deref(), Some("У Львові відкрили нову бібліотеку для дітей"));
    assert_eq!(doc.author.as_deref(), Some("Оксана Гайова"));
    assert_eq!(
        doc.published.as_deref(),
        Some("12.03.2025, 14:05"),
        "the visible date line, as written"
    );
    assert_eq!(doc.tags, vec!["Львів", "бібліотеки", "діти"]);
    assert!(has_furniture(&doc, FurnitureKind::Teaser, "Читайте також"));
}

#[test]
fn russian_page_in_windows_1251() {
    let doc = extract(&fixture("ru_news.html"), None);
    insta::assert_yaml_snapshot!("ru_news", doc);
    let text = body(&doc);
    assert!(text.starts_with("В среду на улицы Новосибирска вышел первый электробус."));
    assert!(text.ends_with("Стоимость проезда не изменится."));
    for furniture in ["Реклама", "Читайте также", "Поделиться", "Пробки на мосту", "2 апреля"]
    {
        assert!(!text.contains(furniture), "{furniture:?} leaked into the body");
    }
    assert_eq!(doc.published.as_deref(), Some("2025-04-02"));
    assert_eq!(doc.lang.as_deref(), Some("ru"));
    assert_eq!(doc.site_name.as_deref(), Some("Сибирская лента"));
}

#[test]
fn german_page_with_entities() {
    let doc = extract(&fixture("de_news.html"), None);
    insta::assert_yaml_snapshot!("de_news", doc);
    let text = body(&doc);
    assert!(text.contains("„Das ist ein wichtiger Tag für alle, die ohne Auto zur Arbeit kommen“"));
    for furniture in ["Cookies", "Anzeige", "Lesen Sie auch", "Endlich!", "Impressum", "Von Jonas"]
    {
        assert!(!text.contains(furniture), "{furniture:?} leaked into the body");
    }
    assert_eq!(doc.author.as_deref(), Some("Jonas Feldhaus"));
    assert_eq!(doc.published.as_deref(), Some("2025-06-14"));
    assert_eq!(doc.title.as_deref(), Some("Neue Fahrradbrücke über den Main eröffnet"));
}

#[test]
fn br_separated_paragraphs_without_p() {
    let doc = extract(&fixture("br_paragraphs.html"), Some("http://valley.example/letter.html"));
    insta::assert_yaml_snapshot!("br_paragraphs", doc);
    let paragraphs: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(paragraphs.iter().any(|p| p.starts_with("The first frost arrived early this year")
        && p.ends_with("since the eighties.")));
    assert!(paragraphs.iter().any(|p| p.starts_with("At the market on Saturday")));
    assert!(paragraphs.iter().any(|p| p.starts_with("The valley council will meet")));
    assert!(!body(&doc).contains("Archive"), "the navigation cell is not text");
    assert_eq!(doc.site_name.as_deref(), Some("valley.example"));
}

#[test]
fn opinion_page_with_json_ld() {
    let doc = extract(&fixture("opinion.html"), None);
    insta::assert_yaml_snapshot!("opinion", doc);
    assert_eq!(doc.section.as_deref(), Some("Opinion"));
    assert_eq!(doc.author.as_deref(), Some("Lucía Barranco"));
    assert_eq!(doc.published.as_deref(), Some("2025-07-20T08:00:00+02:00"));
    assert_eq!(doc.site_name.as_deref(), Some("Diario del Sur"));
    assert_eq!(doc.title.as_deref(), Some("Las ciudades necesitan más sombra"));
    assert_eq!(doc.tags, vec!["urbanismo", "calor", "árboles"]);
    let text = body(&doc);
    assert!(doc
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::Quote && b.text.starts_with("Una ciudad que no da sombra")));
    for furniture in ["Leer más", "Compartir", "Totalmente de acuerdo", "arquitecta y profesora"] {
        assert!(!text.contains(furniture), "{furniture:?} leaked into the body");
    }
}

/// Malformed, truncated and random input never panics and never hangs.
#[test]
fn never_panics_on_broken_input() {
    let mut pages: Vec<String> = [
        "en_news.html",
        "uk_news.html",
        "ru_news.html",
        "de_news.html",
        "br_paragraphs.html",
        "opinion.html",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect();
    // Truncations at every few bytes (on character boundaries).
    let mut cases: Vec<String> = Vec::new();
    for page in &pages {
        for (i, _) in page.char_indices().step_by(7) {
            cases.push(page.get(..i).unwrap_or_default().to_string());
        }
    }
    // Hand-made horrors.
    pages.clear();
    cases.extend(
        [
            "<",
            "</",
            "<!",
            "<!--",
            "<a href='x",
            "<p class=\"a",
            "<script>never closed",
            "<title>t</titl",
            "&#xFFFFFFFF; &#0; &#55296; &#x110000; &bogus; &amp",
            "<table><td><tr><p><li><dd></table></li></p>",
            "</div></div></body></html><p>after",
            "<svg><p>inside svg</svg><math/>",
            "<div style='display:none'><p>hidden</div>",
            "<p>a<br><br><br><br>b</p>",
            "<script type=\"application/ld+json\">{\"@type\":[\"NewsArticle\"],\"author\":[[[[[]]]]]}</script>",
            "<html><head><head><body><body><html>",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    cases.push("<div>".repeat(50_000) + "text" + &"</div>".repeat(10));
    cases.push("<b><i>".repeat(20_000) + "x");
    cases.push("<p>".repeat(30_000));
    cases.push("<li><ul>".repeat(20_000));
    cases.push("</span>".repeat(30_000) + "<p>text</p>");
    // Pseudo-random bytes, decoded lossily as a reader would.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for len in [1usize, 10, 100, 1000, 10_000, 100_000] {
        let mut bytes = Vec::with_capacity(len);
        for _ in 0..len {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Bias towards markup characters so the tokenizer sees many tags.
            let b = match x % 8 {
                0 => b'<',
                1 => b'>',
                2 => b'/',
                3 => b'&',
                _ => (x >> 8) as u8,
            };
            bytes.push(b);
        }
        cases.push(String::from_utf8_lossy(&bytes).into_owned());
    }
    for case in &cases {
        let doc = extract(case, Some("not a url"));
        for b in &doc.blocks {
            assert!(!b.text.is_empty());
        }
    }
}

#[test]
fn page_text_is_every_visible_block_on_its_own_line() {
    let html = "<html><head><title>T</title><style>p{}</style></head><body>\
        <nav><a href=/>Home</a> <a href=/w>World</a></nav>\
        <h1>Bridge opens</h1><p>The new <b>bridge</b> opened.<br>Cars crossed it.</p>\
        <script>var x = 1;</script><footer>© 2026 Example</footer></body></html>";
    let text = parallax_engine::extract::html::page_text(html);
    assert_eq!(
        text,
        "Home World\n\nBridge opens\n\nThe new bridge opened.\n\nCars crossed it.\n\n© 2026 Example\n\n"
    );
}
