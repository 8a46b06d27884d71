//! Comparing the articles of one story: how each outlet labels the same entity (framing), what
//! happened when (timeline), and where the articles disagree about when (date discrepancies).
//!
//! Everything here reads stored analyses only, is deterministic, and points to byte spans of the
//! articles it cites: a row of the framing table is a descriptor span, a timeline entry is a
//! dated sentence with the spans of every article that dates an event that day, and a
//! discrepancy's sides are the two dated sentences that disagree.
//!
//! # Date discrepancies
//!
//! Two dated sentences from different articles describe the same event when they share at least
//! two corpus entities and at least one content word across languages (the cross-script keys of
//! [`crate::stories::features::word_keys`]: "diplomatic" meets "дипломатичні"), excluding the
//! words of the names themselves. When both are dated to the day, on different days less than a
//! week apart, the articles disagree about when it happened. Farther apart, they are more likely
//! two events; dated only to the month or year, they cannot be compared.

use crate::stories::features::{word_keys, words};
use parallax_model::{day_number, ArticleId, EntityId, PartialDate, Span, StoredArticle};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One label an article attaches to an entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    pub article: ArticleId,
    pub outlet: Option<String>,
    pub language: Option<String>,
    pub start: usize,
    pub end: usize,
    /// Exactly the article's text between `start` and `end`.
    pub text: String,
    /// The head noun's English gloss when the knowledge base has one.
    pub gloss: Option<String>,
    pub evaluative: bool,
}

/// The labels of one entity across the story's articles, in article order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FramingRow {
    pub entity_id: EntityId,
    pub entity: String,
    pub labels: Vec<Label>,
}

/// One sentence of one article that dates an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatedSpan {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A date of the story's timeline and the sentences that put an event on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    pub date: PartialDate,
    /// The first sentence (in article order) that dates an event on this day.
    pub text: String,
    pub articles: Vec<ArticleId>,
    pub sentences: Vec<DatedSpan>,
}

/// One side of a discrepancy: what an article says, and the sentence that says it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub article: ArticleId,
    /// The date this side gives, as YYYY-MM-DD.
    pub says: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The same event dated differently by two articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discrepancy {
    /// What the sides disagree about: "the date of: <the first side's sentence>".
    pub about: String,
    pub sides: Vec<Side>,
}

/// The canonical name of a corpus entity.
pub type NameOf<'a> = &'a dyn Fn(&EntityId) -> Option<String>;

/// The framing table: for each entity that at least one article labels, every label, with the
/// entities labelled by the most articles first.
pub fn framing(articles: &[&StoredArticle], name_of: NameOf<'_>) -> Vec<FramingRow> {
    let mut rows: BTreeMap<EntityId, Vec<Label>> = BTreeMap::new();
    for s in articles {
        let (a, ents) = (&s.article, &s.analysis.entities);
        for d in &ents.descriptors {
            let Some(id) = ents.clusters.get(d.cluster).and_then(|c| c.entity.clone()) else {
                continue;
            };
            let Some(text) = Span::new(d.start, d.end).text(&a.text) else { continue };
            rows.entry(id).or_default().push(Label {
                article: a.id.clone(),
                outlet: a.outlet.clone(),
                language: a.language.map(|l| l.code().to_string()),
                start: d.start,
                end: d.end,
                text: text.to_string(),
                gloss: d.gloss.clone(),
                evaluative: d.evaluative,
            });
        }
    }
    let mut out: Vec<FramingRow> = rows
        .into_iter()
        .map(|(id, labels)| FramingRow {
            entity: name_of(&id).unwrap_or_else(|| id.0.clone()),
            entity_id: id,
            labels,
        })
        .collect();
    let articles_of =
        |r: &FramingRow| r.labels.iter().map(|l| &l.article).collect::<BTreeSet<_>>().len();
    out.sort_by(|a, b| articles_of(b).cmp(&articles_of(a)).then_with(|| a.entity.cmp(&b.entity)));
    out
}

/// A dated sentence with what it is about.
struct Event<'a> {
    article: &'a ArticleId,
    date: PartialDate,
    span: Span,
    text: &'a str,
    entities: BTreeSet<&'a EntityId>,
    keys: BTreeSet<u64>,
}

/// An article's annotations sorted for range lookups. Comparison reads every sentence of every
/// article; scanning all mentions, labels, dates and quantities per sentence (or per word) made
/// an article of many thousands of sentences take minutes.
struct Marks<'a> {
    s: &'a StoredArticle,
    /// Mentions in order of their start.
    mentions: Vec<&'a parallax_model::Mention>,
    /// The byte ranges of names, labels, dates and quantities, merged and in order.
    covered: Vec<(usize, usize)>,
    /// Quantities in order of their start.
    quantities: Vec<&'a parallax_model::Quantity>,
}

impl<'a> Marks<'a> {
    fn new(s: &'a StoredArticle) -> Self {
        let an = &s.analysis;
        let mut mentions: Vec<&parallax_model::Mention> = an.entities.mentions.iter().collect();
        mentions.sort_by_key(|m| (m.start, m.end));
        let mut ranges: Vec<(usize, usize)> = mentions
            .iter()
            .map(|m| (m.start, m.end))
            .chain(an.entities.descriptors.iter().map(|x| (x.start, x.end)))
            .chain(an.statements.dates.iter().map(|t| (t.start, t.end)))
            .chain(an.statements.quantities.iter().map(|q| (q.start, q.end)))
            .filter(|(a, b)| a < b)
            .collect();
        ranges.sort_unstable();
        let mut covered: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for (a, b) in ranges {
            match covered.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => covered.push((a, b)),
            }
        }
        let mut quantities: Vec<&parallax_model::Quantity> =
            an.statements.quantities.iter().collect();
        quantities.sort_by_key(|q| (q.start, q.end));
        Marks { s, mentions, covered, quantities }
    }

    /// The mentions lying within `span`.
    fn mentions_in(&self, span: Span) -> impl Iterator<Item = &&'a parallax_model::Mention> {
        let from = self.mentions.partition_point(|m| m.start < span.start);
        self.mentions[from..]
            .iter()
            .take_while(move |m| m.start < span.end)
            .filter(move |m| m.end <= span.end)
    }

    /// The quantities lying within `span`.
    fn quantities_in(&self, span: Span) -> impl Iterator<Item = &&'a parallax_model::Quantity> {
        let from = self.quantities.partition_point(|q| q.start < span.start);
        self.quantities[from..]
            .iter()
            .take_while(move |q| q.start < span.end)
            .filter(move |q| q.end <= span.end)
    }

    /// Whether byte `at` lies in a name, label, date or quantity.
    fn covers(&self, at: usize) -> bool {
        let k = self.covered.partition_point(|&(a, _)| a <= at);
        k > 0 && at < self.covered[k - 1].1
    }
}

/// The corpus entities named inside `span`, and its content words (cross-script keys) other
/// than the names', the labels', the dates' and the quantities' own.
fn about<'a>(marks: &Marks<'a>, span: Span) -> (BTreeSet<&'a EntityId>, BTreeSet<u64>) {
    let (a, an) = (&marks.s.article, &marks.s.analysis);
    let Some(text) = span.text(&a.text) else { return Default::default() };
    let entities = marks
        .mentions_in(span)
        .filter_map(|m| an.entities.clusters.get(m.cluster)?.entity.as_ref())
        .collect();
    let keys = words(text)
        .filter(|(at, w)| {
            !marks.covers(span.start + at) && crate::kb::titles_for(w, a.language).is_empty()
        })
        .filter_map(|(_, w)| word_keys(&w).and_then(|k| k.1))
        .collect();
    (entities, keys)
}

/// Two sentences of different articles tell of the same event or fact: they share at least
/// `entities` corpus entities and `words` content words across languages.
fn same_matter(
    a: (&BTreeSet<&EntityId>, &BTreeSet<u64>),
    b: (&BTreeSet<&EntityId>, &BTreeSet<u64>),
    entities: usize,
    words: usize,
) -> bool {
    a.0.intersection(b.0).count() >= entities && a.1.intersection(b.1).count() >= words
}

fn events<'a>(articles: &[&'a StoredArticle]) -> Vec<Event<'a>> {
    let mut out = vec![];
    for s in articles {
        let (a, an) = (&s.article, &s.analysis);
        let marks = Marks::new(s);
        for d in &an.statements.dated_sentences {
            let span = Span::new(d.start, d.end);
            let Some(text) = span.text(&a.text) else { continue };
            let (entities, keys) = about(&marks, span);
            out.push(Event { article: &a.id, date: d.date, span, text, entities, keys });
        }
    }
    out
}

/// The story's timeline: one entry per date, earliest first (a date known to the month sorts
/// before that month's days), each with every sentence that dates an event on it.
pub fn timeline(articles: &[&StoredArticle]) -> Vec<TimelineEntry> {
    let mut by_date: BTreeMap<(i32, u8, u8), TimelineEntry> = BTreeMap::new();
    for e in events(articles) {
        let key = (e.date.year, e.date.month.unwrap_or(0), e.date.day.unwrap_or(0));
        let entry = by_date.entry(key).or_insert_with(|| TimelineEntry {
            date: e.date,
            text: e.text.to_string(),
            articles: vec![],
            sentences: vec![],
        });
        if !entry.articles.contains(e.article) {
            entry.articles.push(e.article.clone());
        }
        entry.sentences.push(DatedSpan {
            article: e.article.clone(),
            start: e.span.start,
            end: e.span.end,
            text: e.text.to_string(),
        });
    }
    by_date.into_values().collect()
}

/// Events dated differently by different articles (see the module docs).
pub fn discrepancies(articles: &[&StoredArticle]) -> Vec<Discrepancy> {
    // Events dated to the day, in date order: only those less than a week apart are compared.
    let mut evs: Vec<(i32, usize, Event<'_>)> = events(articles)
        .into_iter()
        .enumerate()
        .filter_map(|(i, e)| Some((day_number(&e.date)?, i, e)))
        .collect();
    evs.sort_by_key(|(day, i, _)| (*day, *i));
    let mut pairs: Vec<(usize, usize)> = vec![];
    for (a, (da, _, ea)) in evs.iter().enumerate() {
        for (b, (db, _, eb)) in evs.iter().enumerate().skip(a + 1) {
            if db - da >= 7 {
                break;
            }
            if db == da || ea.article == eb.article {
                continue;
            }
            if same_matter((&ea.entities, &ea.keys), (&eb.entities, &eb.keys), 2, 1) {
                // In reading order: the earlier-read sentence first.
                pairs.push(if evs[a].1 <= evs[b].1 { (a, b) } else { (b, a) });
            }
        }
    }
    pairs.sort_by_key(|&(a, b)| (evs[a].1, evs[b].1));
    let side = |e: &Event<'_>| Side {
        article: e.article.clone(),
        says: e.date.to_string(),
        start: e.span.start,
        end: e.span.end,
        text: e.text.to_string(),
    };
    pairs
        .into_iter()
        .map(|(a, b)| {
            let (ea, eb) = (&evs[a].2, &evs[b].2);
            Discrepancy {
                about: format!("the date of: {}", ea.text),
                sides: vec![side(ea), side(eb)],
            }
        })
        .collect()
}

/// The same fact given with different numbers by two articles: two sentences that tell of the
/// same matter (two shared entities and a shared content word across languages, or one and
/// two), each with a
/// quantity of the same unit (in one script, the same stem; across scripts, both counting things:
/// "people", "людей") whose values differ by more than a tenth; in one script, the two
/// quantities must also share a word next to them (what they count).
pub fn number_discrepancies(articles: &[&StoredArticle]) -> Vec<Discrepancy> {
    struct Fact<'a> {
        article: &'a ArticleId,
        lang: Option<parallax_model::Lang>,
        sentence: Span,
        text: &'a str,
        quantity: &'a parallax_model::Quantity,
        quoted: &'a str,
        about: (BTreeSet<&'a EntityId>, BTreeSet<u64>),
        /// The keys of the content words next to the quantity: what it measures.
        near: BTreeSet<u64>,
        /// The unit's stem key when it is a word, else a hash of the unit as written.
        unit: Option<u64>,
    }
    let mut facts: Vec<Fact<'_>> = vec![];
    for s in articles {
        let (a, an) = (&s.article, &s.analysis);
        let marks = Marks::new(s);
        for sent in &an.sentences {
            for q in marks.quantities_in(*sent) {
                let (Some(text), Some(quoted)) =
                    (sent.text(&a.text), Span::new(q.start, q.end).text(&a.text))
                else {
                    continue;
                };
                facts.push(Fact {
                    article: &a.id,
                    lang: a.language,
                    sentence: *sent,
                    text,
                    quantity: q,
                    quoted,
                    about: about(&marks, *sent),
                    near: near_words(
                        text,
                        q.start.saturating_sub(sent.start),
                        q.end.saturating_sub(sent.start),
                    ),
                    unit: q.unit.as_deref().map(unit_key),
                });
            }
        }
    }
    // The figures each article gives, by unit stem: an article that gives both of two figures
    // ("270 votes needed, 306 won") holds them as two facts, and two other articles that give one
    // each do not disagree.
    let mut given: BTreeMap<&ArticleId, BTreeSet<(u64, u64)>> = BTreeMap::new();
    for f in &facts {
        if let Some(u) = f.unit {
            given.entry(f.article).or_default().insert((u, f.quantity.value.to_bits()));
        }
    }
    let held_together = |u: u64, x: f64, y: f64| {
        given.values().any(|g| g.contains(&(u, x.to_bits())) && g.contains(&(u, y.to_bits())))
    };
    let measure = |u: &str| {
        u.chars().any(|c| !c.is_alphabetic())
            || u.chars().all(|c| c.is_ascii_uppercase())
            || u.len() <= 3
    };
    // Facts come article by article: each is compared with the facts of later articles only
    // (one long article of many numbers is not compared with itself, pair by pair).
    let mut next_article = vec![facts.len(); facts.len()];
    for i in (0..facts.len()).rev() {
        if i + 1 < facts.len() && facts[i + 1].article == facts[i].article {
            next_article[i] = next_article[i + 1];
        } else {
            next_article[i] = i + 1;
        }
    }
    let mut out = vec![];
    for (i, a) in facts.iter().enumerate() {
        for b in facts.iter().skip(next_article[i]) {
            if a.article == b.article
                || !(same_matter((&a.about.0, &a.about.1), (&b.about.0, &b.about.1), 2, 1)
                    || same_matter((&a.about.0, &a.about.1), (&b.about.0, &b.about.1), 1, 2))
            {
                continue;
            }
            let (Some(ua), Some(ub), Some(ka), Some(kb)) =
                (a.quantity.unit.as_deref(), b.quantity.unit.as_deref(), a.unit, b.unit)
            else {
                continue;
            };
            let one_script = match (a.lang, b.lang) {
                (Some(x), Some(y)) => x.script() == y.script(),
                _ => true,
            };
            // In one script a unit is compared by its stem ("років" and "роки", not "часов" and
            // "роки"); across scripts two counting words are taken for the same count.
            let same_unit = ka == kb || ua == ub || (!one_script && !measure(ua) && !measure(ub));
            // Two numbers in sentences about one matter may still count different things ("два
            // министра покинули" and "6,5 років з моменту"; "10% of GDP" and "56% of
            // respondents"): in one script, where words can be compared, they are the same fact
            // only when a word next to them is shared. (Across scripts few words meet, and the
            // sentences' shared entities and words above are all there is.)
            let comparable = same_unit && (!one_script || !a.near.is_disjoint(&b.near));
            let (va, vb) = (a.quantity.value, b.quantity.value);
            if !comparable
                || va <= 0.0
                || vb <= 0.0
                || (va - vb).abs() <= 0.1 * va.max(vb)
                || (ka == kb && held_together(ka, va, vb))
                || bound_admits(a.quantity, vb)
                || bound_admits(b.quantity, va)
            {
                continue;
            }
            let side = |f: &Fact<'_>| Side {
                article: f.article.clone(),
                says: f.quoted.to_string(),
                start: f.sentence.start,
                end: f.sentence.end,
                text: f.text.to_string(),
            };
            out.push(Discrepancy {
                about: format!("how many: {}", a.text),
                sides: vec![side(a), side(b)],
            });
        }
    }
    out
}

/// A unit's key: the stem of a unit that is a word ("років" and "роки" meet), else a hash of the
/// unit as written ("%", "km").
fn unit_key(u: &str) -> u64 {
    word_keys(&u.to_lowercase())
        .map_or_else(|| crate::stories::features::hash64(&[u.as_bytes()]), |(stem, _)| stem)
}

/// Whether a figure given as a bound or an approximation ("more than 200", "up to 500", "about
/// 100", "nearly 50") admits the value `other`: then the two do not disagree.
fn bound_admits(q: &parallax_model::Quantity, other: f64) -> bool {
    let v = q.value;
    match q.approx.as_deref() {
        Some("over") | Some("at least") => other >= v,
        Some("under") | Some("up to") => other <= v,
        Some("nearly") => other <= v && other >= 0.75 * v,
        Some("about") => (other - v).abs() <= 0.25 * v.max(other),
        _ => false,
    }
}

/// The keys (stems and cross-script skeletons) of the content words among the three words before
/// and the four after a quantity at `start..end` of `sentence` (the quantity's own unit is inside
/// it, and not among them).
fn near_words(sentence: &str, start: usize, end: usize) -> BTreeSet<u64> {
    let all: Vec<(usize, String)> = words(sentence).collect();
    let first_after = all.partition_point(|(at, _)| *at < end);
    let first_inside = all.partition_point(|(at, _)| *at < start);
    let before = all[..first_inside].iter().rev().take(3);
    let after = all[first_after..].iter().take(4);
    before
        .chain(after)
        .filter(|(_, w)| !w.chars().all(|c| c.is_ascii_digit()))
        .filter_map(|(_, w)| word_keys(w))
        .flat_map(|(term, cross)| std::iter::once(term).chain(cross))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Cluster, DatedSentence, Descriptor, DescriptorForm, EntityType, Mention};

    /// An article whose entities are given as (surface, entity id) and whose dated sentences are
    /// given as (sentence, date).
    fn article(
        id: &str,
        outlet: &str,
        sentences: &[(&str, &str)],
        names: &[(&str, &str)],
    ) -> StoredArticle {
        let mut s = StoredArticle {
            article: parallax_model::conformance::sample(1).article,
            analysis: Default::default(),
        };
        s.article.id = ArticleId(id.into());
        s.article.outlet = Some(outlet.into());
        let text: String = sentences.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(" ");
        let mut at = 0;
        for (t, date) in sentences {
            if !date.is_empty() {
                s.analysis.statements.dated_sentences.push(DatedSentence {
                    start: at,
                    end: at + t.len(),
                    date: date.parse().unwrap(),
                });
            }
            at += t.len() + 1;
        }
        for (i, (surface, entity)) in names.iter().enumerate() {
            let ents = &mut s.analysis.entities;
            ents.clusters.push(Cluster {
                kind: EntityType::Person,
                name: surface.to_string(),
                kb: None,
                affiliation: None,
                entity: Some(EntityId(entity.to_string())),
            });
            for (start, _) in text.match_indices(surface) {
                ents.mentions.push(Mention {
                    start,
                    end: start + surface.len(),
                    kind: EntityType::Person,
                    lemma: surface.to_lowercase(),
                    cluster: i,
                });
            }
        }
        s.article.text = text;
        s
    }

    #[test]
    fn the_same_event_on_different_days_is_a_discrepancy_across_languages() {
        let en = article(
            "a1",
            "Wire A",
            &[("On March 3, Okafor suspended the diplomatic talks with Lagos.", "2026-03-03")],
            &[("Okafor", "e-okafor"), ("Lagos", "e-lagos")],
        );
        let uk = article(
            "a2",
            "Вісник",
            &[("2 березня Окафор припинив дипломатичні переговори з Лагосом.", "2026-03-02")],
            &[("Окафор", "e-okafor"), ("Лагосом", "e-lagos")],
        );
        let later = article(
            "a3",
            "Wire B",
            &[("On March 20, Okafor visited Lagos for diplomatic talks.", "2026-03-20")],
            &[("Okafor", "e-okafor"), ("Lagos", "e-lagos")],
        );
        let found = discrepancies(&[&en, &uk, &later]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let says: Vec<&str> = found[0].sides.iter().map(|s| s.says.as_str()).collect();
        assert_eq!(says, ["2026-03-03", "2026-03-02"]);
        for side in &found[0].sides {
            let a = [&en, &uk].into_iter().find(|a| a.article.id == side.article).unwrap();
            assert_eq!(&a.article.text[side.start..side.end], side.text);
        }
    }

    #[test]
    fn shared_names_without_a_shared_word_are_not_the_same_event() {
        let a = article(
            "a1",
            "A",
            &[("On March 3, Okafor met Lagos officials about fishing quotas.", "2026-03-03")],
            &[("Okafor", "e-okafor"), ("Lagos", "e-lagos")],
        );
        let b = article(
            "a2",
            "B",
            &[("On March 5, Okafor criticised Lagos over the stadium.", "2026-03-05")],
            &[("Okafor", "e-okafor"), ("Lagos", "e-lagos")],
        );
        assert!(discrepancies(&[&a, &b]).is_empty());
    }

    #[test]
    fn timeline_orders_dates_and_gathers_articles() {
        let a = article(
            "a1",
            "A",
            &[
                ("The vote was held on May 2.", "2026-05-02"),
                ("In April it was planned.", "2026-04"),
            ],
            &[],
        );
        let b = article("a2", "B", &[("Parliament voted on May 2.", "2026-05-02")], &[]);
        let t = timeline(&[&a, &b]);
        let dates: Vec<String> = t.iter().map(|e| e.date.to_string()).collect();
        assert_eq!(dates, ["2026-04", "2026-05-02"]);
        assert_eq!(t[1].articles, [ArticleId("a1".into()), ArticleId("a2".into())]);
        assert_eq!(t[1].text, "The vote was held on May 2.");
    }

    #[test]
    fn framing_gathers_each_entitys_labels_with_spans() {
        let mut a = article("a1", "A", &[("The strongman Okafor spoke.", "")], &[("Okafor", "e1")]);
        a.analysis.entities.descriptors.push(Descriptor {
            start: 4,
            end: 13,
            form: DescriptorForm::Premodifier,
            cluster: 0,
            head: "strongman".into(),
            gloss: Some("strongman".into()),
            evaluative: true,
            country: None,
        });
        let rows = framing(&[&a], &|_| Some("Ada Okafor".into()));
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].entity, "Ada Okafor");
        assert_eq!(rows[0].labels[0].text, "strongman");
        assert!(rows[0].labels[0].evaluative);
    }

    /// Adds a sentence span per dated sentence and the quantities given as (surface, value, unit).
    fn with_quantities(
        mut s: StoredArticle,
        lang: parallax_model::Lang,
        q: &[(&str, f64, &str)],
    ) -> StoredArticle {
        s.article.language = Some(lang);
        s.analysis.sentences = vec![Span::new(0, s.article.text.len())];
        for (surface, value, unit) in q {
            let start = s.article.text.find(surface).unwrap();
            s.analysis.statements.quantities.push(parallax_model::Quantity {
                start,
                end: start + surface.len(),
                value: *value,
                unit: Some(unit.to_string()),
                approx: None,
            });
        }
        s
    }

    #[test]
    fn the_same_count_given_differently_across_languages_is_a_discrepancy() {
        let en = with_quantities(
            article(
                "a1",
                "Wire A",
                &[("Okafor said 1,200 residents voted in the Lagos referendum.", "")],
                &[("Okafor", "e-okafor"), ("Lagos", "e-lagos")],
            ),
            parallax_model::Lang::En,
            &[("1,200 residents", 1200.0, "resident")],
        );
        let uk = with_quantities(
            article(
                "a2",
                "Вісник",
                &[("Окафор заявив, що в референдумі в Лагосі голосували 1500 мешканців.", "")],
                &[("Окафор", "e-okafor"), ("Лагосі", "e-lagos")],
            ),
            parallax_model::Lang::Uk,
            &[("1500 мешканців", 1500.0, "мешканців")],
        );
        let same = with_quantities(
            article(
                "a3",
                "Wire B",
                &[("Okafor said 1,210 residents voted in the Lagos referendum.", "")],
                &[("Okafor", "e-okafor"), ("Lagos", "e-lagos")],
            ),
            parallax_model::Lang::En,
            &[("1,210 residents", 1210.0, "resident")],
        );
        let found = number_discrepancies(&[&en, &uk, &same]);
        let says: Vec<Vec<&str>> =
            found.iter().map(|d| d.sides.iter().map(|s| s.says.as_str()).collect()).collect();
        assert_eq!(
            says,
            [["1,200 residents", "1500 мешканців"], ["1500 мешканців", "1,210 residents"]],
            "{found:#?}"
        );
    }

    #[test]
    fn numbers_of_different_things_are_no_discrepancy() {
        let en = |id: &str, sentence: &str, surface: &str, value: f64| {
            with_quantities(
                article(id, id, &[(sentence, "")], &[("Okafor", "e-okafor"), ("Lagos", "e-lagos")]),
                parallax_model::Lang::En,
                &[(surface, value, "%")],
            )
        };
        let a =
            en("a1", "Okafor said in Lagos that 10% of voters backed the referendum.", "10%", 10.0);
        let b =
            en("a2", "Okafor said in Lagos that 25% of voters backed the referendum.", "25%", 25.0);
        let c = en(
            "a3",
            "Okafor said in Lagos that the referendum cost 56% of the city budget.",
            "56%",
            56.0,
        );
        let found = number_discrepancies(&[&a, &b, &c]);
        let says: Vec<Vec<&str>> =
            found.iter().map(|d| d.sides.iter().map(|s| s.says.as_str()).collect()).collect();
        assert_eq!(says, [["10%", "25%"]], "{found:#?}");
    }

    #[test]
    fn figures_held_together_or_within_a_bound_are_no_disagreement() {
        let en = |id: &str, sentences: &[(&str, &str)], q: &[(&str, f64, &str)]| {
            with_quantities(
                article(id, id, sentences, &[("Okafor", "e-okafor"), ("Lagos", "e-lagos")]),
                parallax_model::Lang::En,
                q,
            )
        };
        let a = en(
            "a1",
            &[(
                "Okafor won 306 votes in the Lagos council, where 270 votes are needed to win.",
                "",
            )],
            &[("306 votes", 306.0, "votes"), ("270 votes", 270.0, "votes")],
        );
        let b = en(
            "a2",
            &[("Okafor won 306 votes in the Lagos council.", "")],
            &[("306 votes", 306.0, "votes")],
        );
        let c = en(
            "a3",
            &[("Okafor needed 270 votes in the Lagos council to win.", "")],
            &[("270 votes", 270.0, "votes")],
        );
        let mut e = with_quantities(
            article(
                "a5",
                "a5",
                &[("Okafor won more than 200 votes in the Lagos council.", "")],
                &[("Okafor", "e-okafor"), ("Lagos", "e-lagos")],
            ),
            parallax_model::Lang::En,
            &[("more than 200 votes", 200.0, "votes")],
        );
        let d = en(
            "a4",
            &[("Okafor won 250 votes in the Lagos council.", "")],
            &[("250 votes", 250.0, "votes")],
        );
        e.analysis.statements.quantities[0].approx = Some("over".into());
        let found = number_discrepancies(&[&a, &b, &c, &d, &e]);
        let says: Vec<Vec<&str>> =
            found.iter().map(|d| d.sides.iter().map(|s| s.says.as_str()).collect()).collect();
        assert!(
            !says.iter().any(|p| p.contains(&"306 votes") && p.contains(&"270 votes")),
            "306 won and 270 needed are two facts: {says:?}"
        );
        assert!(
            says.iter().any(|p| p.contains(&"306 votes") && p.contains(&"250 votes")),
            "306 and 250 won are a disagreement: {says:?}"
        );
        assert!(
            !says.iter().any(|p| p.contains(&"more than 200 votes")),
            "more than 200 admits 250 and 306: {says:?}"
        );
    }
}
