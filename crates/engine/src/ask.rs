//! Answering questions from the articles: an extractive, cited brief.
//!
//! `ask` reads a question in English, Ukrainian or Russian, finds the entities it names among the
//! corpus's (by any name an article used, in any case form, or by the knowledge base), decides
//! what is asked, and answers with *source spans only*: each line is a statement's content, a
//! dated sentence or a label, exactly as an article wrote it, joined to its speaker and outlet by
//! fixed connecting words. Nothing is paraphrased, so nothing is said that no article says.
//!
//! # What is asked
//!
//! - **What X says about Y** ("What is Russia saying about Venezuela?", "Що Росія каже про
//!   Венесуелу?"): statements whose speaker is X — the entity itself, or, when X is a country,
//!   anyone or anything affiliated with it (its officials, its seat of power) — and, when Y is
//!   named, whose content names Y or something of Y's (its capital).
//! - **What X asked / said / denied** ("What did the mayor ask the ministry for?"): X's statements, and
//!   the sentences in which X is the subject of a verb of asking (or denying), optionally about
//!   Y.
//! - **How outlets describe X**: the framing table of [`crate::compare::framing`].
//! - **What happened / timeline**: [`crate::compare::timeline`].
//! - **What sources disagree on**: [`crate::compare::discrepancies`].
//!
//! # How sure each line is
//!
//! Lines that report the same speaker saying the same thing (their content words overlap by
//! half, across languages) are one claim; its *independent sources* are the distinct outlets
//! that carry it, where an outlet that relays another (its statement came `via` a named outlet)
//! counts as that outlet. Status: **corroborated** (two or more independent sources),
//! **single source**, or **unattributed** (only aggregator summaries carry it, or no speaker is
//! named).
//!
//! Every citation is checked by [`verify`] against the article text before anything is printed;
//! a line whose citation does not hold is dropped, never shown.

use crate::compare;
use crate::entities::names::name_key;
use crate::stories::features::{word_keys, words};
use crate::text::fold_name;
use parallax_model::{ArticleId, EntityId, EntityRecord, Kind, Span, StoredArticle};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// What X says (about Y).
    Saying,
    /// What X asked (Y) for.
    Asked,
    /// What X denied.
    Denied,
    /// How outlets describe X.
    Describe,
    /// What happened, in order.
    Timeline,
    /// What the sources disagree on.
    Disagree,
    /// Who said the words that follow ("Who said the strike would continue?").
    WhoSaid,
}

/// Question openings that ask who said something (folded lower case).
const WHO_SAID: &[&str] = &[
    "who said",
    "who says",
    "who claimed",
    "who stated",
    "хто сказав",
    "хто заявив",
    "хто каже",
    "кто сказал",
    "кто заявил",
    "кто говорит",
];

/// A parsed question.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub text: String,
    pub intent: Intent,
    /// The entities named, in the order the question names them.
    pub entities: Vec<Named>,
}

/// An entity a question names.
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub id: EntityId,
    pub name: String,
    /// The words of the question that named it.
    pub words: String,
}

/// One cited span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    /// Exactly `text[start..end]` of the article.
    pub quote: String,
}

/// How well a line is supported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Status {
    #[serde(rename = "corroborated")]
    Corroborated,
    #[serde(rename = "single source")]
    SingleSource,
    #[serde(rename = "unattributed")]
    Unattributed,
    #[serde(rename = "contested")]
    Contested,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Corroborated => "corroborated",
            Status::SingleSource => "single source",
            Status::Unattributed => "unattributed",
            Status::Contested => "contested",
        }
    }
}

/// One line of a brief.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub text: String,
    pub status: Status,
    pub citations: Vec<Citation>,
}

/// A titled group of lines.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
}

/// What the answer rests on.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Coverage {
    pub articles: usize,
    pub outlets: Vec<String>,
    pub languages: Vec<String>,
    pub kinds: Vec<String>,
    /// The countries of the outlets the knowledge base knows (ISO 3166 codes).
    pub outlet_countries: Vec<String>,
    /// Known outlets by ownership: "state", "public", "private", and "unknown".
    pub ownership: BTreeMap<String, usize>,
    /// What is missing: languages with no article, no named outlet, only aggregators...
    pub missing: Vec<String>,
    /// Lines dropped because a citation did not hold (should be zero).
    pub dropped: usize,
}

/// The answer.
#[derive(Debug, Clone, Serialize)]
pub struct Brief {
    pub question: String,
    pub scope: Scope,
    pub sections: Vec<Section>,
    pub coverage: Coverage,
}

/// What the answer was drawn from.
#[derive(Debug, Clone, Serialize)]
pub struct Scope {
    /// "store" or "story".
    pub over: String,
    pub story: Option<String>,
    pub intent: Intent,
    pub entities: Vec<Named>,
}

/// Words that mark each intent, in the supported question languages (folded lower case; a word
/// matches when a question word starts with it).
const INTENT_WORDS: &[(Intent, &[&str])] = &[
    (
        Intent::Disagree,
        &[
            "disagree",
            "contradict",
            "discrepanc",
            "differ",
            "dispute",
            "розбіжн",
            "суперечат",
            "суперечн",
            "не погоджу",
            "расхожд",
            "противореч",
            "расходят",
        ],
    ),
    (
        Intent::Timeline,
        &["timeline", "happened", "when", "хронолог", "сталося", "коли", "произошло", "когда"],
    ),
    (
        Intent::Describe,
        &[
            "describe",
            "label",
            "call",
            "portray",
            "описують",
            "називають",
            "зображують",
            "описывают",
            "называют",
            "изображают",
        ],
    ),
    (Intent::Asked, &["ask", "request", "просив", "попросив", "просил", "попросил", "просять"]),
    (
        Intent::Denied,
        &["deny", "denied", "denies", "заперечу", "заперечи", "спростов", "отрица", "опроверг"],
    ),
];

/// Verbs of asking and denying whose subject's sentences answer "what did X ask / deny"
/// (prefixes of folded words).
const ASK_VERBS: &[&str] = &[
    "ask",
    "request",
    "sought",
    "seek",
    "appeal",
    "просив",
    "попросив",
    "просил",
    "попросил",
    "звернув",
    "обратил",
    "запит",
    "запрос",
];
const DENY_VERBS: &[&str] =
    &["den", "reject", "dismiss", "заперечу", "спростов", "отрица", "опроверг"];

/// Parses a question against the entities of the articles it will be answered from.
pub fn parse(question: &str, entities: &[EntityRecord]) -> Question {
    let folded = fold_name(question);
    let qwords: Vec<(usize, String)> = words(&folded).collect();
    let lower = question.trim_start().to_lowercase();
    let who_said = WHO_SAID.iter().find(|p| lower.starts_with(*p));
    let intent = INTENT_WORDS
        .iter()
        .find(|(_, marks)| {
            marks.iter().any(|m| {
                if m.contains(' ') {
                    folded.contains(m)
                } else {
                    qwords.iter().any(|(_, w)| w.starts_with(m))
                }
            })
        })
        .map_or(Intent::Saying, |(i, _)| *i);
    let intent = if who_said.is_some() { Intent::WhoSaid } else { intent };
    // Name keys of every entity name, longest names first so "Ivan Hrytsenko" wins over "Hrytsenko".
    let prefixes: BTreeSet<String> =
        qwords.iter().map(|(_, w)| w.chars().take(3).collect()).collect();
    let mut by_key: HashMap<String, (usize, &EntityRecord)> = HashMap::new();
    for e in entities {
        let names =
            std::iter::once(e.canonical.as_str()).chain(e.names.iter().map(|n| n.name.as_str()));
        for n in names {
            // Only names that share a word beginning with the question are keyed (stemming every
            // name of a large store is the cost).
            let folded = fold_name(n);
            let shares = folded.split_whitespace().any(|w| {
                let p: String = w.chars().take(3).collect();
                prefixes.contains(&p)
            });
            if !shares {
                continue;
            }
            let key = name_key(&folded);
            if key.is_empty() {
                continue;
            }
            let weight = e.articles;
            by_key
                .entry(key)
                .and_modify(|(w, r)| {
                    if weight > *w {
                        *w = weight;
                        *r = e;
                    }
                })
                .or_insert((weight, e));
        }
    }
    let mut found: Vec<(usize, Named)> = vec![];
    let mut taken = vec![false; qwords.len()];
    for n in (1..=3).rev() {
        for i in 0..qwords.len().saturating_sub(n - 1) {
            if taken[i..i + n].iter().any(|t| *t) {
                continue;
            }
            let phrase: Vec<&str> = qwords[i..i + n].iter().map(|(_, w)| w.as_str()).collect();
            // A lone function word or short word ("is", "us") names nothing unless the question
            // writes it in capitals ("US", "EU").
            if n == 1
                && word_keys(phrase[0]).is_none()
                && !question.contains(&phrase[0].to_uppercase())
            {
                continue;
            }
            let key = name_key(&phrase.join(" "));
            if let Some((_, e)) = by_key.get(&key) {
                if found.iter().any(|(_, f)| f.id == e.id) {
                    continue;
                }
                taken[i..i + n].iter_mut().for_each(|t| *t = true);
                found.push((
                    qwords[i].0,
                    Named { id: e.id.clone(), name: e.canonical.clone(), words: phrase.join(" ") },
                ));
            }
        }
    }
    // Countries, capitals, seats and bodies by the knowledge base, in any language and case form
    // ("Росія" when the articles only wrote "Росії"), when the articles name that entry.
    let raw: Vec<(usize, String)> = words(question).collect();
    for n in (1..=3).rev() {
        for i in 0..raw.len().saturating_sub(n - 1) {
            let phrase: Vec<&str> = raw[i..i + n].iter().map(|(_, w)| w.as_str()).collect();
            let mut phrase = phrase.join(" ");
            if let Some(first) = phrase.chars().next() {
                phrase = first.to_uppercase().chain(phrase.chars().skip(1)).collect();
            }
            let Some(hit) = crate::entities::kb_resolve(&phrase, None) else { continue };
            let Some(e) = entities.iter().find(|e| e.kb.as_deref() == Some(hit.id.as_str())) else {
                continue;
            };
            if found.iter().any(|(_, f)| f.id == e.id) {
                continue;
            }
            found.push((
                raw[i].0,
                Named { id: e.id.clone(), name: e.canonical.clone(), words: phrase },
            ));
        }
    }
    found.sort_by_key(|(at, _)| *at);
    Question {
        text: question.to_string(),
        intent,
        entities: found.into_iter().map(|(_, n)| n).collect(),
    }
}

/// The country an entity stands for or belongs to: a country itself, its seat of power or
/// capital, or the affiliation of a person or body.
fn country_of(e: &EntityRecord) -> Option<String> {
    if let Some(kb) = &e.kb {
        for prefix in ["country:", "seat:", "capital:"] {
            if let Some(code) = kb.strip_prefix(prefix) {
                return Some(code.to_string());
            }
        }
    }
    e.affiliation.clone()
}

/// Whether entity `e` is the asked-about `want`, or belongs to it when `want` is a country.
fn is_or_belongs(e: &EntityRecord, want: &EntityRecord) -> bool {
    if e.id == want.id {
        return true;
    }
    let want_country = want.kb.as_deref().and_then(|k| k.strip_prefix("country:"));
    want_country.is_some_and(|c| country_of(e).as_deref() == Some(c))
}

/// One candidate line before grouping.
struct Line {
    speaker: Option<EntityId>,
    speaker_name: Option<String>,
    article: ArticleId,
    outlet: String,
    relayed_from: Option<String>,
    aggregator: bool,
    text: String,
    citations: Vec<Citation>,
    keys: BTreeSet<u64>,
}

fn cite(a: &StoredArticle, span: Span) -> Option<Citation> {
    let quote = span.text(&a.article.text)?;
    Some(Citation {
        article: a.article.id.clone(),
        start: span.start,
        end: span.end,
        quote: quote.to_string(),
    })
}

fn keys_of(text: &str) -> BTreeSet<u64> {
    words(text).filter_map(|(_, w)| word_keys(&w).and_then(|k| k.1)).collect()
}

fn header(a: &StoredArticle) -> String {
    let outlet = a.article.outlet.clone().unwrap_or_else(|| "unnamed outlet".into());
    match a.article.published {
        Some(d) => format!("{outlet}, {d}"),
        None => outlet,
    }
}

/// Builds the brief for a question over `articles`. `entity` looks up the registry.
pub fn answer(
    question: &str,
    articles: &[&StoredArticle],
    entity: &dyn Fn(&EntityId) -> Option<EntityRecord>,
    story: Option<String>,
) -> Brief {
    let mut ids: BTreeSet<EntityId> = BTreeSet::new();
    for a in articles {
        ids.extend(a.analysis.entities.clusters.iter().filter_map(|c| c.entity.clone()));
    }
    let records: Vec<EntityRecord> = ids.iter().filter_map(entity).collect();
    let by_id: HashMap<&EntityId, &EntityRecord> = records.iter().map(|r| (&r.id, r)).collect();
    let q = parse(question, &records);
    let x = q.entities.first().and_then(|n| by_id.get(&n.id).copied());
    let y = q.entities.get(1).and_then(|n| by_id.get(&n.id).copied());
    let name_of = |id: &EntityId| by_id.get(id).map(|r| r.canonical.clone());
    let mut sections = match q.intent {
        Intent::WhoSaid => who_said_sections(&q, articles, &by_id),
        Intent::Saying | Intent::Asked | Intent::Denied => {
            statements_sections(&q, articles, &by_id, x, y)
        }
        Intent::Describe => framing_sections(articles, &name_of, x),
        Intent::Timeline => timeline_sections(articles),
        Intent::Disagree => discrepancy_sections(articles),
    };
    let dropped = verify(&mut sections, articles);
    Brief {
        question: question.to_string(),
        scope: Scope {
            over: if story.is_some() { "story".into() } else { "store".into() },
            story,
            intent: q.intent,
            entities: q.entities.clone(),
        },
        sections,
        coverage: coverage(articles, dropped, &[x, y].into_iter().flatten().collect::<Vec<_>>()),
    }
}

/// A claim of a story: what one speaker said, as every article that carries it reports it.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    pub text: String,
    pub articles: Vec<ArticleId>,
    pub independent_sources: usize,
    pub status: Status,
    pub citations: Vec<Citation>,
}

/// Every statement of the articles, grouped into claims (the `claims` of `parallax story`),
/// best supported first.
pub fn claims(
    articles: &[&StoredArticle],
    entity: &dyn Fn(&EntityId) -> Option<EntityRecord>,
) -> Vec<Claim> {
    let mut ids: BTreeSet<EntityId> = BTreeSet::new();
    for a in articles {
        ids.extend(a.analysis.entities.clusters.iter().filter_map(|c| c.entity.clone()));
    }
    let records: Vec<EntityRecord> = ids.iter().filter_map(entity).collect();
    let by_id: HashMap<&EntityId, &EntityRecord> = records.iter().map(|r| (&r.id, r)).collect();
    let q = Question { text: String::new(), intent: Intent::Saying, entities: vec![] };
    let mut out: Vec<Claim> = group(statement_lines(&q, articles, &by_id, None, None))
        .into_iter()
        .map(|g| Claim {
            text: g.item.text,
            articles: g.articles,
            independent_sources: g.independent_sources,
            status: g.item.status,
            citations: g.item.citations,
        })
        .collect();
    // Keep only claims whose citations hold (all should).
    let text_of = texts(articles);
    out.retain(|c| holds(&c.citations, &text_of));
    out.sort_by_key(|c| std::cmp::Reverse(c.independent_sources));
    out
}

fn statements_sections(
    q: &Question,
    articles: &[&StoredArticle],
    by_id: &HashMap<&EntityId, &EntityRecord>,
    x: Option<&EntityRecord>,
    y: Option<&EntityRecord>,
) -> Vec<Section> {
    let lines = statement_lines(q, articles, by_id, x, y);
    sections_of(q, lines, x, y)
}

/// The statements whose content holds most of the words the question quotes after "who said".
fn who_said_sections(
    q: &Question,
    articles: &[&StoredArticle],
    by_id: &HashMap<&EntityId, &EntityRecord>,
) -> Vec<Section> {
    let lower = q.text.trim_start().to_lowercase();
    let rest = WHO_SAID.iter().find_map(|p| lower.strip_prefix(*p)).unwrap_or(lower.as_str());
    let want = keys_of(rest);
    let mut lines = statement_lines(q, articles, by_id, None, None);
    lines.retain(|l| {
        let shared = want.intersection(&l.keys).count();
        !want.is_empty() && shared * 5 >= want.len() * 3
    });
    let mut out = sections_of(q, lines, None, None);
    if let Some(first) = out.first_mut() {
        first.title = format!("Who said “{}”", rest.trim().trim_end_matches('?'));
    }
    out
}

fn statement_lines(
    q: &Question,
    articles: &[&StoredArticle],
    by_id: &HashMap<&EntityId, &EntityRecord>,
    x: Option<&EntityRecord>,
    y: Option<&EntityRecord>,
) -> Vec<Line> {
    let mut lines: Vec<Line> = vec![];
    for a in articles {
        let an = &a.analysis;
        let ent_of = |cluster: usize| {
            an.entities
                .clusters
                .get(cluster)
                .and_then(|c| c.entity.as_ref())
                .and_then(|id| by_id.get(id).copied())
        };
        let about_y = |span: Span| {
            y.is_none_or(|y| {
                an.entities.mentions.iter().any(|m| {
                    m.start >= span.start
                        && m.end <= span.end
                        && ent_of(m.cluster).is_some_and(|e| is_or_belongs(e, y))
                })
            })
        };
        let aggregator = a.article.kind == Kind::AggregatorSummary;
        let outlet = a.article.outlet.clone().unwrap_or_else(|| a.article.id.0.clone());
        for s in &an.statements.statements {
            let speaker = s.speaker_cluster.and_then(ent_of);
            let by_x = x.is_none_or(|x| speaker.is_some_and(|e| is_or_belongs(e, x)));
            if !by_x || !about_y(s.content) {
                continue;
            }
            let verbs = match q.intent {
                Intent::Asked => Some(ASK_VERBS),
                Intent::Denied => Some(DENY_VERBS),
                _ => None,
            };
            if let Some(v) = verbs {
                let cue = fold_name(&s.cue_lemma);
                if !v.iter().any(|p| cue.starts_with(p)) && !about_y(s.content) {
                    continue;
                }
            }
            let Some(content) = cite(a, s.content) else { continue };
            let speaker_name =
                speaker.map(|e| e.canonical.clone()).or_else(|| s.speaker_label.clone());
            let mut citations = vec![content.clone()];
            if let Some(sp) = s.speaker.and_then(|sp| cite(a, sp)) {
                citations.push(sp);
            }
            let relayed_from = s
                .via
                .iter()
                .find(|v| v.kind == parallax_model::SourceKind::Outlet)
                .map(|v| v.name.clone());
            let who = speaker_name.clone().unwrap_or_else(|| "An unnamed source".into());
            let via = relayed_from.as_deref().map(|v| format!(", via {v}")).unwrap_or_default();
            lines.push(Line {
                speaker: speaker.map(|e| e.id.clone()),
                speaker_name,
                article: a.article.id.clone(),
                outlet: outlet.clone(),
                relayed_from,
                aggregator,
                text: format!("{who} ({}{via}): “{}”", header(a), content.quote),
                keys: keys_of(&content.quote),
                citations,
            });
        }
        // Sentences in which X is the subject of a verb of asking or denying.
        let verbs = match q.intent {
            Intent::Asked => ASK_VERBS,
            Intent::Denied => DENY_VERBS,
            _ => continue,
        };
        let Some(x) = x else { continue };
        for sent in &an.sentences {
            let Some(text) = sent.text(&a.article.text) else { continue };
            let names_x = an.entities.mentions.iter().find(|m| {
                m.start >= sent.start
                    && m.end <= sent.end
                    && ent_of(m.cluster).is_some_and(|e| e.id == x.id)
            });
            let Some(mx) = names_x else { continue };
            let after =
                Span::new(mx.end.min(sent.end), sent.end).text(&a.article.text).unwrap_or("");
            let verb = words(after).take(4).any(|(_, w)| verbs.iter().any(|p| w.starts_with(p)));
            if !verb || !about_y(*sent) && y.is_some() && !mentions_country_word(text, y) {
                continue;
            }
            if lines.iter().any(|l| {
                l.article == a.article.id
                    && l.citations.iter().any(|c| c.start >= sent.start && c.end <= sent.end)
            }) {
                continue;
            }
            let Some(c) = cite(a, *sent) else { continue };
            // The outlet a statement in this sentence relays ("the Washington Post report saying
            // that ..."), so that two articles relaying one report count once.
            let relayed_from = an
                .statements
                .statements
                .iter()
                .filter(|st| st.content.start < sent.end && sent.start < st.content.end)
                .find_map(|st| {
                    let via = st.via.iter().find(|v| v.kind == parallax_model::SourceKind::Outlet);
                    via.map(|v| v.name.clone()).or_else(|| {
                        let e = st.speaker_cluster.and_then(ent_of)?;
                        e.kb.as_deref()?.starts_with("outlet:").then(|| e.canonical.clone())
                    })
                });
            lines.push(Line {
                speaker: Some(x.id.clone()),
                speaker_name: Some(x.canonical.clone()),
                article: a.article.id.clone(),
                outlet: outlet.clone(),
                relayed_from,
                aggregator,
                text: format!("{} reports: {}", header(a), c.quote),
                keys: keys_of(&c.quote),
                citations: vec![c],
            });
        }
    }
    lines
}

fn sections_of(
    q: &Question,
    lines: Vec<Line>,
    x: Option<&EntityRecord>,
    y: Option<&EntityRecord>,
) -> Vec<Section> {
    let (mut attributed, mut unattributed) = (vec![], vec![]);
    for g in group(lines) {
        if g.unattributed {
            unattributed.push(g.item);
        } else {
            attributed.push(g.item);
        }
    }
    let subject = x.map_or_else(|| "the sources".to_string(), |x| x.canonical.clone());
    let verb = match q.intent {
        Intent::Asked => "asked for",
        Intent::Denied => "denied",
        _ => "says",
    };
    let title = match y {
        Some(y) if q.intent == Intent::Saying => {
            format!("What {subject} says about {}", y.canonical)
        }
        Some(y) => format!("What {subject} {verb} ({})", y.canonical),
        None => format!("What {subject} {verb}"),
    };
    let mut out = vec![Section { title, items: attributed }];
    if !unattributed.is_empty() {
        out.push(Section {
            title: "Unattributed: aggregator summaries and unnamed sources".into(),
            items: unattributed,
        });
    }
    out
}

/// Whether a sentence names Y's country by a word the tagger did not make a mention of (an
/// adjective or demonym: "the Russians", "російських").
fn mentions_country_word(text: &str, y: Option<&EntityRecord>) -> bool {
    let Some(code) = y.and_then(|y| y.kb.as_deref()).and_then(|k| k.strip_prefix("country:"))
    else {
        return false;
    };
    words(text).any(|(_, w)| {
        crate::kb::lookup(&w).iter().any(|h| crate::kb::affiliation_of(h.target) == Some(code))
    })
}

/// One claim: lines of one speaker with overlapping content.
struct Grouped {
    item: Item,
    unattributed: bool,
    independent_sources: usize,
    articles: Vec<ArticleId>,
}

/// Lines of one speaker with overlapping content are one claim; each claim becomes an item with
/// every citation and its status.
fn group(lines: Vec<Line>) -> Vec<Grouped> {
    let mut groups: Vec<Vec<Line>> = vec![];
    for l in lines {
        let home = groups.iter_mut().find(|g| {
            let f = &g[0];
            f.speaker.is_some() && f.speaker == l.speaker && {
                let shared = f.keys.intersection(&l.keys).count();
                let smaller = f.keys.len().min(l.keys.len()).max(1);
                shared * 2 >= smaller && shared >= 2
            }
        });
        match home {
            Some(g) => g.push(l),
            None => groups.push(vec![l]),
        }
    }
    groups
        .into_iter()
        .map(|g| {
            let sources: BTreeSet<String> = g
                .iter()
                .filter(|l| !l.aggregator)
                .map(|l| l.relayed_from.clone().unwrap_or_else(|| l.outlet.clone()))
                .collect();
            let unattributed = g.iter().all(|l| l.aggregator || l.speaker_name.is_none());
            let status = if unattributed {
                Status::Unattributed
            } else if sources.len() >= 2 {
                Status::Corroborated
            } else {
                Status::SingleSource
            };
            let others = g.iter().map(|l| &l.article).collect::<BTreeSet<_>>().len() - 1;
            let text = match others {
                0 => g[0].text.clone(),
                1 => format!("{} [also in 1 more article]", g[0].text),
                n => format!("{} [also in {n} more articles]", g[0].text),
            };
            let mut articles: Vec<ArticleId> = vec![];
            for l in &g {
                if !articles.contains(&l.article) {
                    articles.push(l.article.clone());
                }
            }
            let citations = g.into_iter().flat_map(|l| l.citations).collect();
            Grouped {
                item: Item { text, status, citations },
                unattributed,
                independent_sources: sources.len(),
                articles,
            }
        })
        .collect()
}

fn framing_sections(
    articles: &[&StoredArticle],
    name_of: &dyn Fn(&EntityId) -> Option<String>,
    x: Option<&EntityRecord>,
) -> Vec<Section> {
    compare::framing(articles, name_of)
        .into_iter()
        .filter(|r| x.is_none_or(|x| r.entity_id == x.id))
        .map(|r| Section {
            title: format!("How the outlets label {}", r.entity),
            items: r
                .labels
                .iter()
                .map(|l| Item {
                    text: format!(
                        "{}: “{}”{}{}",
                        l.outlet.as_deref().unwrap_or("unnamed outlet"),
                        l.text,
                        l.gloss
                            .as_deref()
                            .filter(|g| *g != l.text)
                            .map(|g| format!(" ({g})"))
                            .unwrap_or_default(),
                        if l.evaluative { " [evaluative]" } else { "" }
                    ),
                    status: Status::SingleSource,
                    citations: vec![span_citation(&l.article, l.start, l.end, &l.text)],
                })
                .collect(),
        })
        .collect()
}

fn timeline_sections(articles: &[&StoredArticle]) -> Vec<Section> {
    let items = compare::timeline(articles)
        .into_iter()
        .map(|e| {
            let outlets: BTreeSet<String> =
                e.sentences.iter().map(|s| outlet_name(articles, &s.article)).collect();
            Item {
                text: format!("{}: {}", e.date, e.text),
                status: if outlets.len() >= 2 {
                    Status::Corroborated
                } else {
                    Status::SingleSource
                },
                citations: e
                    .sentences
                    .iter()
                    .map(|s| span_citation(&s.article, s.start, s.end, &s.text))
                    .collect(),
            }
        })
        .collect();
    vec![Section { title: "Timeline (dated events; undated material is left out)".into(), items }]
}

fn span_citation(article: &ArticleId, start: usize, end: usize, quote: &str) -> Citation {
    Citation { article: article.clone(), start, end, quote: quote.to_string() }
}

/// An article's outlet, or its id when it has none.
fn outlet_name(articles: &[&StoredArticle], id: &ArticleId) -> String {
    articles
        .iter()
        .find(|a| &a.article.id == id)
        .and_then(|a| a.article.outlet.clone())
        .unwrap_or_else(|| id.0.clone())
}

fn discrepancy_sections(articles: &[&StoredArticle]) -> Vec<Section> {
    let items = compare::discrepancies(articles)
        .into_iter()
        .chain(compare::number_discrepancies(articles))
        .map(|d| Item {
            text: d
                .sides
                .iter()
                .map(|s| {
                    format!("{} says {}: {}", outlet_name(articles, &s.article), s.says, s.text)
                })
                .collect::<Vec<_>>()
                .join(" — but "),
            status: Status::Contested,
            citations: d
                .sides
                .iter()
                .map(|s| span_citation(&s.article, s.start, s.end, &s.text))
                .collect(),
        })
        .collect();
    vec![Section { title: "Where the sources disagree on dates and numbers".into(), items }]
}

/// Checks every citation against the article text and drops any line with one that does not
/// hold or with no citation at all; returns how many lines were dropped.
pub fn verify(sections: &mut [Section], articles: &[&StoredArticle]) -> usize {
    let text_of = texts(articles);
    let mut dropped = 0;
    for s in sections.iter_mut() {
        let before = s.items.len();
        s.items.retain(|item| holds(&item.citations, &text_of));
        dropped += before - s.items.len();
    }
    dropped
}

fn texts<'a>(articles: &[&'a StoredArticle]) -> BTreeMap<&'a ArticleId, &'a str> {
    articles.iter().map(|a| (&a.article.id, a.article.text.as_str())).collect()
}

/// Whether there is at least one citation and each quote is exactly its article's text between
/// its offsets.
fn holds(citations: &[Citation], text_of: &BTreeMap<&ArticleId, &str>) -> bool {
    !citations.is_empty()
        && citations.iter().all(|c| {
            text_of.get(&c.article).and_then(|t| t.get(c.start..c.end)) == Some(c.quote.as_str())
        })
}

fn coverage(
    articles: &[&StoredArticle],
    dropped: usize,
    asked_about: &[&EntityRecord],
) -> Coverage {
    let mut outlets = BTreeSet::new();
    let mut languages = BTreeSet::new();
    let mut kinds = BTreeSet::new();
    let mut countries: BTreeSet<String> = BTreeSet::new();
    let mut ownership: BTreeMap<String, usize> = BTreeMap::new();
    for a in articles {
        if let Some(o) = &a.article.outlet {
            outlets.insert(o.clone());
            let known = crate::kb::outlet_by_name(o);
            if let Some(k) = known {
                countries.insert(k.country.to_string());
            }
            let owner = match known.map(|k| k.ownership) {
                Some(crate::kb::Ownership::State) => "state",
                Some(crate::kb::Ownership::Public) => "public",
                Some(crate::kb::Ownership::Private) => "private",
                None => "unknown",
            };
            *ownership.entry(owner.to_string()).or_default() += 1;
        }
        if let Some(l) = a.article.language {
            languages.insert(l.code().to_string());
        }
        kinds.insert(a.article.kind.as_str().to_string());
    }
    let mut missing = vec![];
    for l in ["en", "uk", "ru"] {
        if !languages.contains(l) {
            missing.push(format!("no article in {l}"));
        }
    }
    let unnamed = articles.iter().filter(|a| a.article.outlet.is_none()).count();
    if unnamed > 0 {
        missing.push(format!("{unnamed} article(s) with no known outlet"));
    }
    // The sides a question names: is there an outlet from each country it asks about?
    for e in asked_about {
        if let Some(code) = e.kb.as_deref().and_then(|k| k.strip_prefix("country:")) {
            if !countries.contains(code) {
                missing.push(format!("no known outlet from {}", e.canonical));
            }
        }
    }
    if !articles.is_empty() && articles.iter().all(|a| a.article.kind == Kind::AggregatorSummary) {
        missing.push("only aggregator summaries: nothing is attributed".into());
    }
    Coverage {
        articles: articles.len(),
        outlets: outlets.into_iter().collect(),
        languages: languages.into_iter().collect(),
        kinds: kinds.into_iter().collect(),
        outlet_countries: countries.into_iter().collect(),
        ownership,
        missing,
        dropped,
    }
}
