//! Page metadata: title, author, date, outlet, canonical URL, description, language, tags and
//! genre, read from `<meta>` tags (Open Graph, Twitter, Dublin Core, `article:*`), JSON-LD
//! (`schema.org` `NewsArticle` and kin, also inside `@graph`), microdata (`itemprop`),
//! `<link rel>` and the visible page (`<h1>`, `<time datetime>`, `rel=author`).
//!
//! Each field takes the first source in a fixed order of trust: what the publisher declared for
//! machines (JSON-LD, `article:*`) before what it shows people (`<h1>`, `<title>`).

use super::dom::{AttrName, Dom, Tag, NONE};
use super::text::{clean, Collapser};
use super::HtmlDoc;
use serde_json::Value;

/// Everything the page says about itself, before choosing.
#[derive(Default, Debug)]
pub(crate) struct Found {
    pub og_title: Option<String>,
    pub twitter_title: Option<String>,
    pub html_title: Option<String>,
    pub h1: Option<String>,
    pub ld_headline: Option<String>,
    pub meta_author: Option<String>,
    pub ld_author: Option<String>,
    pub itemprop_author: Option<String>,
    pub rel_author: Option<String>,
    pub published_meta: Option<String>,
    pub ld_published: Option<String>,
    pub itemprop_published: Option<String>,
    pub time_datetime: Option<String>,
    pub og_site_name: Option<String>,
    pub ld_publisher: Option<String>,
    pub application_name: Option<String>,
    pub canonical: Option<String>,
    pub og_url: Option<String>,
    pub description: Option<String>,
    pub og_description: Option<String>,
    pub html_lang: Option<String>,
    pub og_locale: Option<String>,
    pub ld_lang: Option<String>,
    pub tags: Vec<String>,
    pub section: Option<String>,
    pub ld_section: Option<String>,
    pub og_type: Option<String>,
    pub ld_types: Vec<String>,
}

fn set(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        if let Some(v) = value {
            let v = v.trim();
            if !v.is_empty() {
                *slot = Some(v.to_string());
            }
        }
    }
}

/// Text of an element's subtree, collapsed (used for `<title>`, `<h1>`, bylines).
pub(crate) fn element_text(dom: &Dom, id: u32, limit: usize) -> String {
    let mut c = Collapser::new();
    let mut cur = dom.node(id).first_child;
    while cur != NONE {
        let n = dom.node(cur);
        if n.tag == Tag::Text {
            let parent = dom.tag(n.parent);
            if !matches!(parent, Tag::Script | Tag::Style | Tag::Noscript | Tag::Template) {
                c.push_raw(dom.raw(cur));
            }
            if c.out.len() > limit {
                break;
            }
            cur = dom.next_skipping(cur, id);
        } else if matches!(n.tag, Tag::Script | Tag::Style | Tag::Template | Tag::Svg) {
            cur = dom.next_skipping(cur, id);
        } else {
            if n.tag == Tag::Br || super::content::is_block_tag(n.tag) {
                c.space();
            }
            cur = dom.next_in(cur, id);
        }
    }
    c.out
}

/// Scans the whole page once for metadata.
pub(crate) fn scan(dom: &Dom) -> Found {
    let mut f = Found::default();
    for (i, n) in dom.nodes.iter().enumerate() {
        let id = i as u32;
        match n.tag {
            Tag::Html => set(&mut f.html_lang, dom.attr(id, AttrName::Lang)),
            Tag::Title if f.html_title.is_none() && !inside(dom, id, Tag::Svg) => {
                set(&mut f.html_title, Some(element_text(dom, id, 1000)));
            }
            Tag::Meta => meta_tag(dom, id, &mut f),
            Tag::Link => {
                let rel = dom.attr(id, AttrName::Rel).unwrap_or_default().to_ascii_lowercase();
                if rel.split_ascii_whitespace().any(|r| r == "canonical") {
                    set(&mut f.canonical, dom.attr(id, AttrName::Href));
                }
            }
            Tag::Script => {
                let ty = dom.attr_raw(id, AttrName::Type).unwrap_or_default();
                if ty.trim().eq_ignore_ascii_case("application/ld+json") && n.first_child != NONE {
                    json_ld(dom.raw(n.first_child), &mut f);
                }
            }
            Tag::H1 if f.h1.is_none() => {
                let t = element_text(dom, id, 1000);
                if t.chars().count() >= 3 {
                    f.h1 = Some(t);
                }
            }
            Tag::A if f.rel_author.is_none() => {
                let rel = dom.attr_raw(id, AttrName::Rel).unwrap_or_default();
                if rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("author")) {
                    let t = element_text(dom, id, 200);
                    if plausible_name(&t) {
                        f.rel_author = Some(t);
                    }
                }
            }
            Tag::Time if f.time_datetime.is_none() => {
                set(&mut f.time_datetime, dom.attr(id, AttrName::Datetime));
            }
            _ => {}
        }
        if n.tag != Tag::Text && n.tag != Tag::Root && n.tag != Tag::Meta {
            if let Some(prop) = dom.attr_raw(id, AttrName::Itemprop) {
                itemprop(dom, id, prop, &mut f);
            }
        }
    }
    f
}

fn inside(dom: &Dom, id: u32, tag: Tag) -> bool {
    let mut cur = dom.node(id).parent;
    let mut steps = 0;
    while cur != NONE && steps < 300 {
        if dom.tag(cur) == tag {
            return true;
        }
        cur = dom.node(cur).parent;
        steps += 1;
    }
    false
}

fn plausible_name(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (1..=6).contains(&words) && !t.contains("://") && t.chars().count() <= 80
}

fn itemprop(dom: &Dom, id: u32, prop: &str, f: &mut Found) {
    for p in prop.split_ascii_whitespace() {
        if p.eq_ignore_ascii_case("datePublished") {
            let v = dom
                .attr(id, AttrName::Datetime)
                .or_else(|| dom.attr(id, AttrName::Content))
                .or_else(|| Some(element_text(dom, id, 100)));
            set(&mut f.itemprop_published, v);
        } else if p.eq_ignore_ascii_case("author") || p.eq_ignore_ascii_case("creator") {
            if f.itemprop_author.is_some() {
                continue;
            }
            // The author may be a Person with a nested name.
            let mut name = None;
            let mut cur = dom.node(id).first_child;
            while cur != NONE {
                if dom.tag(cur) != Tag::Text
                    && dom.attr_raw(cur, AttrName::Itemprop).is_some_and(|v| v.trim() == "name")
                {
                    name = dom
                        .attr(cur, AttrName::Content)
                        .or_else(|| Some(element_text(dom, cur, 200)));
                    break;
                }
                cur = dom.next_in(cur, id);
            }
            let name = name
                .or_else(|| dom.attr(id, AttrName::Content))
                .unwrap_or_else(|| element_text(dom, id, 200));
            let name = strip_by(&name);
            if plausible_name(&name) {
                f.itemprop_author = Some(name);
            }
        }
    }
}

/// "By Jane Doe" → "Jane Doe".
pub(crate) fn strip_by(s: &str) -> String {
    let t = s.trim();
    for p in
        ["By ", "by ", "BY ", "Von ", "von ", "Por ", "por ", "Par ", "par ", "Автор: ", "Автор "]
    {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim().to_string();
        }
    }
    t.to_string()
}

fn meta_tag(dom: &Dom, id: u32, f: &mut Found) {
    let key = dom
        .attr_raw(id, AttrName::Property)
        .or_else(|| dom.attr_raw(id, AttrName::Name))
        .or_else(|| dom.attr_raw(id, AttrName::Itemprop));
    let Some(key) = key else { return };
    let key = key.trim().to_ascii_lowercase();
    let content = || dom.attr(id, AttrName::Content).filter(|c| !c.is_empty());
    match key.as_str() {
        "og:title" => set(&mut f.og_title, content()),
        "twitter:title" => set(&mut f.twitter_title, content()),
        "og:site_name" => set(&mut f.og_site_name, content()),
        "application-name" | "apple-mobile-web-app-title" => {
            set(&mut f.application_name, content())
        }
        "description" => set(&mut f.description, content()),
        "og:description" | "twitter:description" => set(&mut f.og_description, content()),
        "author" | "article:author" | "dc.creator" | "dcterms.creator" | "byl"
        | "sailthru.author" | "parsely-author" | "cxenseparse:author" => {
            let v = content()
                .map(|c| strip_by(&c))
                .filter(|c| !c.contains("://") && !c.starts_with("www."));
            set(&mut f.meta_author, v)
        }
        "article:published_time"
        | "og:article:published_time"
        | "article:published"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "publish_date"
        | "date"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.date"
        | "dcterms.issued"
        | "sailthru.date"
        | "parsely-pub-date"
        | "og:published_time"
        | "article.published"
        | "citation_publication_date" => set(&mut f.published_meta, content()),
        "og:url" => set(&mut f.og_url, content()),
        "og:locale" => set(&mut f.og_locale, content()),
        "article:tag" | "og:article:tag" => {
            if let Some(c) = content() {
                push_tags(&mut f.tags, &c, false);
            }
        }
        "keywords" | "news_keywords" => {
            if let Some(c) = content() {
                push_tags(&mut f.tags, &c, true);
            }
        }
        "article:section" | "og:article:section" => set(&mut f.section, content()),
        "og:type" => set(&mut f.og_type, content()),
        _ => {}
    }
}

fn push_tags(tags: &mut Vec<String>, s: &str, split: bool) {
    let parts: Vec<&str> = if split { s.split([',', ';']).collect() } else { vec![s] };
    for p in parts {
        let p = p.trim();
        if !p.is_empty()
            && p.chars().count() <= 80
            && tags.len() < 64
            && !tags.iter().any(|t| t.eq_ignore_ascii_case(p))
        {
            tags.push(p.to_string());
        }
    }
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "Review",
    "Blog",
    "WebPage",
    "Opinion",
];

fn json_ld(raw: &str, f: &mut Found) {
    let mut s = raw.trim();
    for (open, close) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
        if let Some(rest) = s.strip_prefix(open) {
            s = rest.trim();
            if let Some(rest) = s.strip_suffix(close) {
                s = rest.trim();
            }
        }
    }
    let value: Value = match serde_json::from_str(s) {
        Ok(v) => v,
        Err(_) => {
            // Raw control characters inside strings are a common publisher error.
            let fixed: String = s.chars().map(|c| if c < ' ' { ' ' } else { c }).collect();
            match serde_json::from_str(&fixed) {
                Ok(v) => v,
                Err(_) => return,
            }
        }
    };
    // Walk objects breadth-first (bounded), looking at every typed object.
    let mut queue: Vec<&Value> = vec![&value];
    let mut seen = 0;
    while let Some(v) = queue.pop() {
        seen += 1;
        if seen > 500 {
            break;
        }
        match v {
            Value::Array(items) => queue.extend(items.iter().rev()),
            Value::Object(map) => {
                let types = types_of(map.get("@type"));
                let is_article = types.iter().any(|t| {
                    ARTICLE_TYPES.iter().any(|a| a.eq_ignore_ascii_case(t))
                        || t.ends_with("Article")
                });
                let is_org = types.iter().any(|t| {
                    matches!(t.as_str(), "NewsMediaOrganization" | "Organization" | "WebSite")
                });
                if is_article {
                    let is_page = types.iter().all(|t| t == "WebPage");
                    if !is_page {
                        for t in &types {
                            if !f.ld_types.contains(t) {
                                f.ld_types.push(t.clone());
                            }
                        }
                    }
                    let take = |k: &str| map.get(k).and_then(string_of).map(|s| clean(&s));
                    if !is_page {
                        set(&mut f.ld_headline, take("headline").or_else(|| take("name")));
                        set(
                            &mut f.ld_published,
                            take("datePublished").or_else(|| take("dateCreated")),
                        );
                        set(
                            &mut f.ld_author,
                            map.get("author").or_else(|| map.get("creator")).and_then(person_names),
                        );
                        set(&mut f.ld_section, map.get("articleSection").and_then(first_string));
                        if let Some(k) = map.get("keywords") {
                            match k {
                                Value::String(s) => push_tags(&mut f.tags, s, true),
                                Value::Array(a) => {
                                    for x in a.iter().filter_map(Value::as_str) {
                                        push_tags(&mut f.tags, x, false);
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    set(&mut f.ld_lang, map.get("inLanguage").and_then(first_string));
                    if let Some(p) = map.get("publisher") {
                        set(&mut f.ld_publisher, person_names(p));
                    }
                }
                if is_org
                    && f.ld_publisher.is_none()
                    && types.iter().any(|t| t == "NewsMediaOrganization")
                {
                    set(&mut f.ld_publisher, map.get("name").and_then(string_of));
                }
                for (k, child) in map {
                    if k == "@graph" || k == "mainEntity" || k == "itemListElement" {
                        queue.push(child);
                    }
                }
            }
            _ => {}
        }
    }
}

fn types_of(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s
            .trim_start_matches("http://schema.org/")
            .trim_start_matches("https://schema.org/")
            .to_string()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        _ => vec![],
    }
}

fn string_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn first_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.iter().find_map(Value::as_str).map(str::to_string),
        _ => None,
    }
}

/// Names from a Person/Organization value, a string, or a list of them ("A, B").
fn person_names(v: &Value) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        let s = clean(s);
        let s = strip_by(&s);
        if !s.is_empty() && !s.contains("://") && !names.contains(&s) {
            names.push(s);
        }
    };
    match v {
        Value::String(s) => push(s),
        Value::Object(m) => {
            if let Some(n) = m.get("name").and_then(first_string) {
                push(&n);
            }
        }
        Value::Array(a) => {
            for x in a.iter().take(10) {
                match x {
                    Value::String(s) => push(s),
                    Value::Object(m) => {
                        if let Some(n) = m.get("name").and_then(first_string) {
                            push(&n);
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    if names.is_empty() {
        None
    } else {
        Some(names.join(", "))
    }
}

/// Splits "Headline | Site" and drops the part naming the site.
fn strip_site_suffix(title: &str, site: Option<&str>, h1: Option<&str>) -> String {
    let t = title.trim();
    if let Some(h1) = h1 {
        if t.starts_with(h1) && h1.chars().count() * 2 >= t.chars().count() {
            return h1.to_string();
        }
    }
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " / "] {
        let parts: Vec<&str> = t.split(sep).map(str::trim).collect();
        if parts.len() < 2 {
            continue;
        }
        if let Some(site) = site {
            let kept: Vec<&str> =
                parts.iter().copied().filter(|p| !p.eq_ignore_ascii_case(site.trim())).collect();
            if kept.len() < parts.len() && !kept.is_empty() {
                return kept.join(sep);
            }
        }
        // No site name to match: drop a short last part ("Headline - The Daily Planet").
        let last = parts.last().copied().unwrap_or_default();
        let head = parts.get(..parts.len() - 1).map(|p| p.join(sep)).unwrap_or_default();
        if last.split_whitespace().count() <= 4 && head.chars().count() > last.chars().count() * 2 {
            return head;
        }
    }
    t.to_string()
}

/// Chooses each field of `doc` from what [`scan`] found.
pub(crate) fn fill(doc: &mut HtmlDoc, f: Found, url: Option<&str>) {
    let site = f
        .og_site_name
        .clone()
        .or_else(|| f.ld_publisher.clone())
        .or_else(|| f.application_name.clone());
    let title = f
        .og_title
        .as_deref()
        .or(f.ld_headline.as_deref())
        .or(f.twitter_title.as_deref())
        .or(f.h1.as_deref())
        .or(f.html_title.as_deref())
        .map(|t| strip_site_suffix(t, site.as_deref(), f.h1.as_deref()));
    doc.title = title.filter(|t| !t.is_empty());
    doc.author = f.ld_author.or(f.meta_author).or(f.itemprop_author).or(f.rel_author);
    doc.published =
        f.ld_published.or(f.published_meta).or(f.itemprop_published).or(f.time_datetime);
    doc.site_name = site.or_else(|| url.and_then(host_of));
    doc.canonical_url = f.canonical.or(f.og_url);
    doc.description = f.og_description.or(f.description);
    doc.lang = f.html_lang.or(f.og_locale).or(f.ld_lang);
    doc.tags = f.tags;
    let opinion = f.ld_types.iter().any(|t| t.starts_with("Opinion") || t == "Opinion")
        || f.og_type.as_deref().is_some_and(|t| t.to_ascii_lowercase().contains("opinion"));
    let genre = f.ld_types.iter().find_map(|t| match t.as_str() {
        "AnalysisNewsArticle" => Some("Analysis"),
        "ReviewNewsArticle" | "Review" => Some("Review"),
        "BackgroundNewsArticle" => Some("Background"),
        _ => None,
    });
    doc.section = if opinion {
        Some("Opinion".to_string())
    } else {
        f.section.or(f.ld_section).or_else(|| genre.map(str::to_string))
    };
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?.trim();
    let host = host.strip_prefix("www.").unwrap_or(host);
    if host.is_empty() {
        None
    } else {
        Some(host.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix() {
        assert_eq!(
            strip_site_suffix("Big news today | The Planet", Some("The Planet"), None),
            "Big news today"
        );
        assert_eq!(
            strip_site_suffix("Big news today in the city - Planet", None, None),
            "Big news today in the city"
        );
        assert_eq!(strip_site_suffix("A - B", None, None), "A - B");
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("https://www.example.org/a/b").as_deref(), Some("example.org"));
    }
}
