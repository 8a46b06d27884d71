//! `parallax articles` and `parallax show`: reading the store, for people and for machines.
//!
//! The JSON shapes here are the contract in DESIGN.md: field names and meanings stay; new fields
//! may be added. In every object with `start` and `end`, `text` is exactly the article's text
//! between those byte offsets.

use crate::{out, Global};
use anyhow::{bail, Context, Result};
use parallax_model::{
    Article, ArticleId, EntityId, EntityRecord, Lang, Span, Store, StoredArticle,
};
use parallax_store_sqlite::SqliteStore;
use serde_json::{json, Value};
use std::ops::ControlFlow;
use std::process::ExitCode;

/// The `articles --json` view of an article.
pub fn article_view(a: &Article) -> Value {
    json!({
        "id": a.id,
        "source": a.source,
        "url": a.url,
        "title": a.title,
        "language": a.language,
        "language_confidence": (f64::from(a.language_confidence) * 1000.0).round() / 1000.0,
        "published": a.published,
        "outlet": a.outlet,
        "author": a.author,
        "kind": a.kind,
        "tags": a.tags,
        "text": a.text,
        "furniture": a.furniture.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(),
        "furniture_items": a.furniture,
        "captions": a.captions,
        "dateline": a.dateline,
        "format": a.format,
        "extra": a.extra,
    })
}

fn span_view(text: &str, s: Span) -> Value {
    json!({ "start": s.start, "end": s.end, "text": s.text(text).unwrap_or_default() })
}

/// Each cluster's entity id and the name to show for it (the registry's canonical name, which
/// changes as the corpus grows, else the cluster's own name).
pub type ClusterNames = Vec<(Option<EntityId>, Option<String>)>;

/// The [`ClusterNames`] of an article.
pub fn cluster_entities(
    stored: &StoredArticle,
    entity: &dyn Fn(&EntityId) -> Option<EntityRecord>,
) -> ClusterNames {
    stored
        .analysis
        .entities
        .clusters
        .iter()
        .map(|c| {
            let canonical = c.entity.as_ref().and_then(entity).map(|e| e.canonical);
            (c.entity.clone(), canonical.or_else(|| Some(c.name.clone())))
        })
        .collect()
}

fn name_of(names: &ClusterNames, cluster: Option<usize>) -> Option<String> {
    cluster.and_then(|c| names.get(c)).and_then(|(_, n)| n.clone())
}

/// A cited or relaying source: its span, the name to show and its kind.
fn source_view(text: &str, names: &ClusterNames, src: &parallax_model::Source) -> Value {
    let mut sv = span_view(text, Span::new(src.start, src.end));
    sv["name"] = json!(name_of(names, src.cluster).unwrap_or_else(|| src.name.clone()));
    sv["kind"] = json!(src.kind);
    sv
}

/// The contract's view of an article's statements (the `statements` field of `show --json`).
pub fn statement_views(stored: &StoredArticle, names: &ClusterNames) -> Vec<Value> {
    let a = &stored.article;
    let canonical_of = |cluster: Option<usize>| name_of(names, cluster);
    let source_view = |src: &parallax_model::Source| source_view(&a.text, names, src);
    stored
        .analysis
        .statements
        .statements
        .iter()
        .map(|x| {
            json!({
                "speaker": canonical_of(x.speaker_cluster).or_else(|| x.speaker_label.clone()),
                "speaker_id": x.speaker_cluster.and_then(|c| names.get(c)).and_then(|(id, _)| id.clone()),
                "speaker_text": x.speaker.and_then(|s| s.text(&a.text)),
                "speaker_span": x.speaker.map(|s| span_view(&a.text, s)),
                "form": x.form,
                "cue": x.cue.text(&a.text),
                "cue_lemma": x.cue_lemma,
                "content": span_view(&a.text, x.content),
                "to": x.addressee.and_then(|s| s.text(&a.text)),
                "via": x.via.iter().map(|src| canonical_of(src.cluster).unwrap_or_else(|| src.name.clone())).collect::<Vec<_>>(),
                "via_spans": x.via.iter().map(source_view).collect::<Vec<_>>(),
                "date": x.date,
                "confidence": x.confidence,
            })
        })
        .collect()
}

/// The `show --json` view: the article plus its analysis. `entity` gives the registry's record
/// for an entity id (for canonical names, which change as the corpus grows).
pub fn show_view(
    stored: &StoredArticle,
    entity: &dyn Fn(&EntityId) -> Option<EntityRecord>,
) -> Value {
    let a = &stored.article;
    let mut v = article_view(a);
    let langs = &stored.analysis.paragraph_languages;
    v["paragraphs"] = a
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut pv = span_view(&a.text, *p);
            if let Some(l) = langs.get(i).filter(|l| l.start == p.start) {
                pv["language"] = json!(l.language);
                pv["language_confidence"] =
                    json!((f64::from(l.confidence) * 1000.0).round() / 1000.0);
            }
            pv
        })
        .collect();
    v["sentences"] = stored.analysis.sentences.iter().map(|s| span_view(&a.text, *s)).collect();
    let ents = &stored.analysis.entities;
    let cluster_entity = cluster_entities(stored, entity);
    v["mentions"] = ents
        .mentions
        .iter()
        .map(|m| {
            let mut mv = span_view(&a.text, m.span());
            let (id, canonical) = cluster_entity.get(m.cluster).cloned().unwrap_or_default();
            mv["entity"] = json!(canonical);
            mv["entity_id"] = json!(id);
            mv["type"] = json!(m.kind);
            mv["lemma"] = json!(m.lemma);
            mv
        })
        .collect();
    let st = &stored.analysis.statements;
    let canonical_of = |cluster: Option<usize>| name_of(&cluster_entity, cluster);
    let source_view = |src: &parallax_model::Source| source_view(&a.text, &cluster_entity, src);
    v["statements"] = statement_views(stored, &cluster_entity).into();
    v["cites"] = {
        let mut names: Vec<String> = vec![];
        for c in &st.cites {
            let n = canonical_of(c.cluster).unwrap_or_else(|| c.name.clone());
            if !names.contains(&n) {
                names.push(n);
            }
        }
        json!(names)
    };
    v["cite_spans"] = st.cites.iter().map(source_view).collect();
    v["dates"] = st
        .dates
        .iter()
        .map(|d| {
            let mut dv = span_view(&a.text, Span::new(d.start, d.end));
            dv["date"] = json!(d.date);
            dv["kind"] = json!(d.kind);
            dv
        })
        .collect();
    v["quantities"] = st
        .quantities
        .iter()
        .map(|q| {
            let mut qv = span_view(&a.text, Span::new(q.start, q.end));
            qv["value"] = json!(q.value);
            qv["unit"] = json!(q.unit);
            qv["approx"] = json!(q.approx);
            qv
        })
        .collect();
    v["dated_sentences"] = st
        .dated_sentences
        .iter()
        .map(|d| {
            let mut dv = span_view(&a.text, Span::new(d.start, d.end));
            dv["date"] = json!(d.date);
            dv
        })
        .collect();
    v["descriptors"] = ents
        .descriptors
        .iter()
        .map(|d| {
            let mut dv = span_view(&a.text, Span::new(d.start, d.end));
            let (id, canonical) = cluster_entity.get(d.cluster).cloned().unwrap_or_default();
            dv["entity"] = json!(canonical);
            dv["entity_id"] = json!(id);
            dv["form"] = json!(d.form);
            dv["head"] = json!(d.head);
            dv["gloss"] = json!(d.gloss);
            dv["evaluative"] = json!(d.evaluative);
            dv["country"] = json!(d.country);
            dv
        })
        .collect();
    v["engine"] = json!(stored.analysis.engine);
    v
}

pub fn open(global: &Global) -> Result<SqliteStore> {
    SqliteStore::open_read_only(&global.data)
        .with_context(|| format!("opening the store in {}", global.data.display()))
}

pub fn articles(
    global: &Global,
    lang: Option<&str>,
    outlet: Option<&str>,
    limit: Option<usize>,
    since: Option<&str>,
    until: Option<&str>,
) -> Result<ExitCode> {
    let store = open(global)?;
    let lang: Option<Lang> = crate::parse_lang(lang)?;
    let outlet = outlet.map(str::to_lowercase);
    let window = crate::ask::filter_of(&[], &[], since, until)?;
    let budget = limit.is_none() && !global.json;
    let limit = limit.unwrap_or(if global.json { usize::MAX } else { LISTED });
    let mut rows: Vec<Article> = Vec::new();
    let mut printed = 0usize;
    let mut hidden = 0usize;
    let mut failure: Option<anyhow::Error> = None;
    store.scan(&mut |a| {
        let outside = |d: Option<parallax_model::PartialDate>| {
            window.since.is_some_and(|s| d.is_none_or(|d| d < s))
                || window.until.is_some_and(|u| d.is_none_or(|d| d > u))
        };
        if lang.is_some_and(|l| a.language != Some(l))
            || outside(a.published)
            || outlet
                .as_deref()
                .is_some_and(|o| a.outlet.as_deref().map(str::to_lowercase).as_deref() != Some(o))
        {
            return ControlFlow::Continue(());
        }
        if printed >= limit {
            if budget {
                // Counted for the "and N more" line of the default budget.
                hidden += 1;
                return ControlFlow::Continue(());
            }
            return ControlFlow::Break(());
        }
        printed += 1;
        if global.json {
            if let Err(e) = serde_json::to_string(&article_view(a))
                .map_err(anyhow::Error::from)
                .and_then(|s| out(&s))
            {
                failure = Some(e);
                return ControlFlow::Break(());
            }
        } else {
            rows.push(a.clone());
        }
        ControlFlow::Continue(())
    })?;
    if let Some(e) = failure {
        return Err(e);
    }
    if !global.json {
        print_table(&rows)?;
        if hidden > 0 {
            out(&format!("  … and {hidden} more articles (--limit N shows more)"))?;
        }
        if rows.is_empty() {
            eprintln!(
                "no articles{}",
                if store.count()? == 0 {
                    " (the store is empty: try `parallax ingest PATH`)"
                } else {
                    " match"
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Articles a text list shows when `--limit` is not given.
const LISTED: usize = 50;

/// Cuts `s` to at most `n` characters, marking the cut.
pub fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(n.saturating_sub(1)).collect();
        c.push('…');
        c
    }
}

pub fn print_table(rows: &[Article]) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    out(&format!(
        "{:<16}  {:<10}  {:<4} {:<20}  {}",
        "ID", "PUBLISHED", "LANG", "OUTLET", "TITLE"
    ))?;
    for a in rows {
        let title = a.title.clone().unwrap_or_else(|| first_words(&a.text, 12));
        out(&format!(
            "{:<16}  {:<10}  {:<4} {:<20}  {}",
            a.id,
            a.published.map_or_else(|| "-".into(), |d| d.to_string()),
            a.language.map_or("-", Lang::code),
            clip(a.outlet.as_deref().unwrap_or("-"), 20),
            clip(&title, 70)
        ))?;
    }
    Ok(())
}

fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().take(n).collect();
    format!("{}…", words.join(" "))
}

/// Finds the one article an id prefix names.
pub fn resolve(store: &dyn Store, prefix: &str) -> Result<ArticleId> {
    let prefix = prefix.trim();
    if prefix.is_empty() {
        return Err(crate::usage("empty article id"));
    }
    let ids = store.ids_with_prefix(prefix, 3)?;
    match ids.as_slice() {
        [] => bail!("no article with id {prefix:?} (list them with `parallax articles`)"),
        [one] => Ok(one.clone()),
        many => bail!(
            "id prefix {prefix:?} is ambiguous: it matches {}{} — give more characters",
            many.iter().take(2).map(|i| i.0.as_str()).collect::<Vec<_>>().join(", "),
            if many.len() > 2 { ", ..." } else { "" }
        ),
    }
}

pub fn show(global: &Global, prefix: &str, sentences: bool) -> Result<ExitCode> {
    let store = open(global)?;
    let id = resolve(&store, prefix)?;
    let stored =
        store.get(&id)?.with_context(|| format!("article {id} vanished from the store"))?;
    if global.json {
        let lookup = |id: &EntityId| store.entity(id).ok().flatten();
        out(&serde_json::to_string(&show_view(&stored, &lookup))?)?;
    } else {
        let lookup = |id: &EntityId| store.entity(id).ok().flatten();
        print_article(&stored, sentences, &lookup)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Who the article names, most mentioned first, with the labels it attaches to each.
fn print_entities(
    stored: &StoredArticle,
    entity: &dyn Fn(&EntityId) -> Option<EntityRecord>,
) -> Result<()> {
    let a = &stored.article;
    let ents = &stored.analysis.entities;
    if ents.clusters.is_empty() {
        return Ok(());
    }
    let mut counts = vec![0usize; ents.clusters.len()];
    for m in &ents.mentions {
        if let Some(c) = counts.get_mut(m.cluster) {
            *c += 1;
        }
    }
    let mut order: Vec<usize> = (0..ents.clusters.len()).collect();
    order.sort_by_key(|&c| std::cmp::Reverse(counts[c]));
    out("Named:")?;
    for c in order {
        let cluster = &ents.clusters[c];
        let name = cluster
            .entity
            .as_ref()
            .and_then(entity)
            .map_or_else(|| cluster.name.clone(), |e| e.canonical);
        let labels: Vec<&str> = ents
            .descriptors
            .iter()
            .filter(|d| d.cluster == c)
            .filter_map(|d| Span::new(d.start, d.end).text(&a.text))
            .collect();
        let labels =
            if labels.is_empty() { String::new() } else { format!(" — {}", labels.join("; ")) };
        out(&format!("  {:<12} {}×  {name}{labels}", cluster.kind.as_str(), counts[c]))?;
    }
    Ok(())
}

fn print_article(
    stored: &StoredArticle,
    sentences: bool,
    entity: &dyn Fn(&EntityId) -> Option<EntityRecord>,
) -> Result<()> {
    let a = &stored.article;
    out(a.title.as_deref().unwrap_or("(no title)"))?;
    let mut facts = vec![format!("id {}", a.id)];
    if let Some(l) = a.language {
        facts.push(format!("{} ({:.2})", l.name(), a.language_confidence));
    }
    facts.push(a.kind.as_str().to_string());
    facts.extend(a.outlet.clone());
    facts.push(a.published.map_or_else(|| "undated".into(), |d| d.to_string()));
    if let Some(au) = &a.author {
        facts.push(format!("by {au}"));
    }
    out(&facts.join(" · "))?;
    out(&format!("source: {}", a.source))?;
    if let Some(u) = &a.url {
        out(&format!("url: {u}"))?;
    }
    if !a.tags.is_empty() {
        out(&format!("tags: {}", a.tags.join(", ")))?;
    }
    if let Some(d) = &a.dateline {
        out(&format!("dateline: {}", d.text))?;
    }
    out("")?;
    let langs = &stored.analysis.paragraph_languages;
    for (i, p) in a.paragraphs.iter().enumerate() {
        let mut line = p.text(&a.text).unwrap_or_default().to_string();
        if let Some(l) = langs.get(i).and_then(|l| l.language).filter(|l| Some(*l) != a.language) {
            line = format!("[{}] {line}", l.code());
        }
        for wrapped in wrap(&line, 100) {
            out(&wrapped)?;
        }
        out("")?;
    }
    if !a.captions.is_empty() {
        out("Captions:")?;
        for c in &a.captions {
            out(&format!("  {}", clip(c, 120)))?;
        }
    }
    if !a.furniture.is_empty() {
        out(&format!("Removed from the page ({}):", a.furniture.len()))?;
        for f in &a.furniture {
            out(&format!(
                "  {:<12} {}",
                format!("{:?}", f.kind).to_lowercase(),
                clip(&f.text, 100)
            ))?;
        }
    }
    print_entities(stored, entity)?;
    out(&format!(
        "{} paragraphs, {} sentences",
        a.paragraphs.len(),
        stored.analysis.sentences.len()
    ))?;
    if sentences {
        for (i, s) in stored.analysis.sentences.iter().enumerate() {
            out(&format!("{:>4}  {}", i + 1, s.text(&a.text).unwrap_or_default()))?;
        }
    }
    Ok(())
}

/// Greedy word wrap at `width` characters.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![];
    let mut current = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let wl = word.chars().count();
        if len > 0 && len + 1 + wl > width {
            lines.push(std::mem::take(&mut current));
            len = 0;
        }
        if len > 0 {
            current.push(' ');
            len += 1;
        }
        current.push_str(word);
        len += wl;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}
