//! RSS 2.0 and Atom feeds: one article per item, with the full content when the feed carries it
//! (`content:encoded`, Atom `content`), else its summary.

use super::{ReadFailure, ReadOptions};
use parallax_model::{Content, Hints, InputFormat, RawDoc};

pub(super) fn read_feed(
    text: &str,
    source: &str,
    limits: &ReadOptions,
) -> Result<Vec<Result<RawDoc, ReadFailure>>, String> {
    let feed =
        feed_rs::parser::parse(text.as_bytes()).map_err(|e| format!("malformed feed: {e}"))?;
    if feed.entries.is_empty() {
        return Err("feed holds no items".into());
    }
    let outlet =
        feed.title.as_ref().map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty());
    let language = feed.language.clone();
    Ok(feed
        .entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let name = format!("{source}#{}", i + 1);
            let body = e
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .filter(|b| !b.trim().is_empty())
                .or_else(|| e.summary.as_ref().map(|s| s.content.clone()))
                .filter(|b| !b.trim().is_empty());
            let Some(body) = body else {
                return Err(ReadFailure::new(name, "feed item has neither content nor a summary"));
            };
            if body.len() > limits.max_document {
                return Err(ReadFailure::new(
                    name,
                    super::too_large(body.len(), limits.max_document, "a single page"),
                ));
            }
            let url = e.links.first().map(|l| l.href.clone());
            let title = e.title.as_ref().map(|t| t.content.trim().to_string());
            let published = e.published.or(e.updated).map(|d| d.to_rfc3339());
            let author = (!e.authors.is_empty())
                .then(|| e.authors.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join(", "));
            let tags: Vec<String> = e
                .categories
                .iter()
                .map(|c| c.label.clone().unwrap_or_else(|| c.term.clone()))
                .collect();
            let record = serde_json::json!({
                "id": e.id, "url": url, "title": title, "published": published, "author": author,
                "tags": tags, "outlet": outlet, "body": body,
            });
            let content = if super::json::looks_like_html(&body) {
                Content::Html(body)
            } else {
                Content::Text(body)
            };
            let mut extra = serde_json::Map::new();
            if !e.id.is_empty() {
                extra.insert("feed_item_id".into(), e.id.into());
            }
            Ok(RawDoc {
                source: name,
                format: InputFormat::Feed,
                bytes: serde_json::to_vec(&record).unwrap_or_default(),
                encoding: "UTF-8".into(),
                content,
                hints: Hints {
                    url,
                    title,
                    published,
                    outlet: outlet.clone(),
                    author,
                    language: language.clone(),
                    tags,
                    extra,
                },
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::super::{read, ReadOptions};
    use parallax_model::{Content, InputFormat};

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Вісті Прикарпаття</title><language>uk</language>
<item><title>Перша новина</title><link>https://vp.example/1</link>
<pubDate>Sun, 02 Nov 2025 10:00:00 +0200</pubDate><category>Політика</category>
<description>Короткий опис.</description>
<content:encoded><![CDATA[<p>Повний текст першої новини.</p><p>Другий абзац.</p>]]></content:encoded></item>
<item><title>Друга</title><link>https://vp.example/2</link><description>Лише опис другої новини.</description></item>
<item><title>Порожня</title></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_documents_with_full_content() {
        let docs = read(RSS.as_bytes(), "feed.xml", &ReadOptions::default());
        assert_eq!(docs.len(), 3);
        let first = docs[0].as_ref().unwrap();
        assert_eq!(first.format, InputFormat::Feed);
        assert_eq!(first.source, "feed.xml#1");
        assert!(matches!(&first.content, Content::Html(h) if h.contains("Повний текст")));
        assert_eq!(first.hints.title.as_deref(), Some("Перша новина"));
        assert_eq!(first.hints.outlet.as_deref(), Some("Вісті Прикарпаття"));
        assert_eq!(first.hints.tags, ["Політика"]);
        assert!(first.hints.published.as_deref().unwrap().starts_with("2025-11-02"));
        assert!(
            matches!(&docs[1].as_ref().unwrap().content, Content::Text(t) if t.contains("Лише опис"))
        );
        assert!(docs[2].is_err());
    }

    #[test]
    fn atom_entries_are_read() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Wire</title><id>urn:x</id><updated>2025-11-01T00:00:00Z</updated>
<entry><title>Talks resume</title><id>urn:1</id><updated>2025-11-01T09:00:00Z</updated><link href="https://w.example/1"/>
<author><name>Ana Ruiz</name></author><content type="html">&lt;p&gt;Negotiators met again on Friday.&lt;/p&gt;</content></entry>
</feed>"#;
        let docs = read(atom.as_bytes(), "a.atom", &ReadOptions::default());
        let d = docs[0].as_ref().unwrap();
        assert_eq!(d.hints.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(d.hints.url.as_deref(), Some("https://w.example/1"));
    }

    #[test]
    fn malformed_xml_is_named() {
        let err = read(
            b"<?xml version='1.0'?><rss><channel><item><title>x</ite",
            "bad.rss",
            &ReadOptions::default(),
        )
        .remove(0)
        .unwrap_err();
        assert!(err.reason.contains("feed") || err.reason.contains("malformed"), "{err}");
    }
}
