//! Question understanding: what is asked, of whom, about what, and when.
//!
//! A question is read in its own language (en, uk, ru, de, es: the languages whose pack has
//! [`QuestionWords`]) and turned into language-independent parts:
//!
//! - **names** are found by the entity tagger run over the question, and by trying its runs of
//!   capitalised words, and are looked up in the store's entity registry by the keys linking uses
//!   (knowledge-base id, cross-script skeleton of the surname or of the whole name), so
//!   "Zakharova", "Захарова" and "Захаровой" find one entity; countries also through their
//!   adjectives and demonyms ("Ukrainians", "российского");
//! - **words** become concepts of the lexicon ([`crate::lang::concepts`]), so "resignation"
//!   looks for отставка and відставка too; a word the lexicon lacks looks for its own stem;
//! - the **intent** comes from the pack's question words (who, when, how many, disagree,
//!   describe, timeline) and from the verb's concept: a verb of saying asks what someone says,
//!   a verb of asking, denying, demanding, proposing... asks for that act;
//! - the **subject** is who speaks or acts: the first name before the topic's preposition ("What
//!   is *Russia* saying about Venezuela?"), a person rather than the body in a title before a
//!   name ("глава Ryanair *Майкл О'Лірі*"), or a common noun with the name it belongs to
//!   ("*чоловік* Асії Бібі"); everything else named is the **topic**;
//! - a **window** from dates in the question ("in July 2018").
//!
//! Every name and word is checked against the store: a name no article uses, or a word no
//! article in a language the word could be written in uses, is reported, and the question is
//! then refused rather than answered with something else.

use super::AskOptions;
use crate::entities::link;
use crate::entities::translit::skeleton;
use crate::lang::concepts::lexicon;
use crate::lang::packs::{self, QuestionWords};
use crate::lang::stem;
use crate::search::{is_term_word, loose_prefix};
use crate::stories::features::country_word;
use parallax_model::search::{country_term, entity_term};
use parallax_model::{
    Cluster, EntityId, EntityIndex, EntityRecord, EntityType, Lang, PartialDate, Span, Store,
    StoreError, StoreResult,
};
use serde::Serialize;
use std::collections::HashSet;

/// What a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// What someone says (about something), or what they asked, denied, demanded...
    Saying,
    /// Who said the words that follow.
    WhoSaid,
    /// How the outlets describe someone.
    Describe,
    /// When something happened.
    When,
    /// What happened, in order.
    Timeline,
    /// Where the sources disagree.
    Disagree,
    /// How many, how much.
    HowMany,
    /// What the articles report about a topic (no other intent recognised).
    Reports,
}

/// What a concept of a question is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ConceptKind {
    /// An entity of the store (one or more ids: a name may fit several).
    Entity {
        ids: Vec<EntityId>,
        /// The canonical name of the best-known.
        name: String,
        /// Its knowledge-base entry.
        kb: Option<String>,
        /// The country it is (ISO 3166), when it is one.
        country: Option<String>,
    },
    /// A word (through the lexicon when it knows it).
    Word {
        /// The lexicon's concept id.
        lexicon: Option<&'static str>,
        /// Whether it is a verb.
        verb: bool,
    },
}

/// One thing a question names, as the terms that find it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Concept {
    /// The words of the question.
    pub text: String,
    #[serde(flatten)]
    pub kind: ConceptKind,
    /// Alternatives, each a list of terms that must all be present: stems, `id:` and `cc:` terms.
    #[serde(skip)]
    pub alts: Vec<Vec<String>>,
    /// How many articles hold it (its commonest alternative).
    pub articles: u64,
    /// Its weight in ranking: rarer is heavier.
    #[serde(skip)]
    pub weight: f64,
    /// Byte range in the question.
    #[serde(skip)]
    pub at: (usize, usize),
    /// A name that qualifies another noun of the question (genitive, possessive).
    #[serde(skip)]
    pub oblique: bool,
}

impl Concept {
    pub fn entity_ids(&self) -> &[EntityId] {
        match &self.kind {
            ConceptKind::Entity { ids, .. } => ids,
            ConceptKind::Word { .. } => &[],
        }
    }

    pub fn country(&self) -> Option<&str> {
        match &self.kind {
            ConceptKind::Entity { country, .. } => country.as_deref(),
            ConceptKind::Word { .. } => None,
        }
    }

    /// The knowledge-base entry of an entity concept.
    pub fn kb(&self) -> Option<&str> {
        match &self.kind {
            ConceptKind::Entity { kb, .. } => kb.as_deref(),
            ConceptKind::Word { .. } => None,
        }
    }

    pub fn is_entity(&self) -> bool {
        matches!(self.kind, ConceptKind::Entity { .. })
    }

    pub fn lexicon_id(&self) -> Option<&'static str> {
        match self.kind {
            ConceptKind::Word { lexicon, .. } => lexicon,
            ConceptKind::Entity { .. } => None,
        }
    }

    fn is_verb(&self) -> bool {
        matches!(self.kind, ConceptKind::Word { verb: true, .. })
    }
}

/// Who speaks or acts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subject {
    /// As the question names it.
    pub text: String,
    /// The entity, when the subject is (or belongs to) one: "Russia", "the Kremlin", the "Асії
    /// Бібі" of "чоловік Асії Бібі".
    pub entity: Option<Concept>,
    /// A common noun naming the speaker ("исламисты", "чоловік", "the head"), when there is one.
    pub group: Option<Concept>,
}

/// A question, understood.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub text: String,
    pub lang: Lang,
    pub intent: Intent,
    pub subject: Option<Subject>,
    /// The sides of a "where do X and Y disagree" question.
    pub parties: Vec<Subject>,
    pub topics: Vec<Concept>,
    /// The act asked about, when it is not plain saying: deny, demand, propose, threaten...
    pub act: Option<Concept>,
    /// Dates the question limits the answer to, inclusive.
    pub window: Option<(PartialDate, PartialDate)>,
    /// The question's own words for what it is about, from the preposition on ("about Venezuela",
    /// "об отставке Бориса Джонсона"); empty when it has none.
    pub about: String,
    /// Names no article uses.
    pub unknown_names: Vec<String>,
    /// Words no article uses, in a language the store has articles in.
    pub unknown_words: Vec<String>,
    /// Words that could not be looked for (no article is in their language and the lexicon has
    /// no translation), and places no article names that were looked for as their country
    /// ("Донбасу → Ukraine").
    pub unmatched: Vec<String>,
    /// Whether the question asks for a date ("when", "the date of").
    pub asks_date: bool,
    /// Whether the question asks for a number ("how many", "скільки").
    pub asks_number: bool,
    /// Whether statements of low confidence may answer ([`super::AskOptions::all_statements`]).
    pub all_statements: bool,
}

impl Question {
    /// The question as understood, with the terms each concept is looked for by (for
    /// `parallax ask --explain`).
    pub fn explain(&self) -> serde_json::Value {
        let concept = |c: &Concept| {
            let mut v = serde_json::to_value(c).unwrap_or_default();
            v["weight"] = serde_json::json!((c.weight * 100.0).round() / 100.0);
            v["terms"] = serde_json::json!(c
                .alts
                .iter()
                .filter(|a| a.iter().all(|t| !t.contains(' ')))
                .map(|a| a.join("+"))
                .collect::<Vec<_>>());
            v
        };
        serde_json::json!({
            "lang": self.lang.code(),
            "intent": self.intent,
            "subject": self.subject.as_ref().map(|s| serde_json::json!({
                "text": s.text,
                "entity": s.entity.as_ref().map(concept),
                "group": s.group.as_ref().map(concept),
            })),
            "parties": self.parties.iter().map(|p| p.text.clone()).collect::<Vec<_>>(),
            "act": self.act.as_ref().map(concept),
            "topics": self.topics.iter().map(concept).collect::<Vec<_>>(),
            "window": self.window,
            "about": self.about,
            "unknown_names": self.unknown_names,
            "unknown_words": self.unknown_words,
            "unmatched": self.unmatched,
        })
    }

    /// Whether nothing in the question was understood: no subject, party, act or topic.
    pub fn is_empty(&self) -> bool {
        self.subject.is_none()
            && self.parties.is_empty()
            && self.topics.is_empty()
            && self.act.is_none()
    }
}

/// Lexicon concepts that are verbs of saying: a question with one asks what someone says.
const SAYING: &[&str] = &[
    "say",
    "state",
    "tell",
    "declare",
    "announce",
    "claim",
    "comment",
    "respond",
    "reply",
    "explain",
    "believe",
    "think",
    "report_verb",
    "speak",
];

/// Lexicon concepts of acts of speech asked about in their own right ("what did X deny").
const ACTS: &[&str] = &[
    "deny",
    "confirm",
    "admit",
    "warn",
    "threaten",
    "promise",
    "propose",
    "suggest",
    "offer",
    "demand",
    "require",
    "request",
    "ask_for",
    "ask_for_help",
    "ask_question",
    "call_on",
    "appeal",
    "insist",
    "accuse",
    "blame",
    "criticise",
    "condemn",
    "praise",
    "welcome",
    "support",
    "oppose",
    "reject",
    "refuse",
    "agree",
    "doubt",
    "fear",
    "hope",
    "expect",
    "decide",
    "intend",
    "mock",
    "insult",
    "apologise",
    "thank",
    "congratulate",
    "invite",
    "condemn_statement",
];

/// A word of the question with its position and surface form.
#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    /// As written.
    surface: String,
    lower: String,
    /// Written with a possessive 's ("Johnson's"), which is not part of the token.
    possessive: bool,
}

/// Tokens: runs of letters and digits, an apostrophe between letters kept inside (O'Leary).
fn tokens(text: &str) -> Vec<Tok> {
    let mut out = vec![];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i;
        while j < chars.len() {
            let c = chars[j].1;
            let inner_apostrophe = matches!(c, '\'' | '’' | 'ʼ')
                && j > i
                && chars.get(j + 1).is_some_and(|n| n.1.is_alphabetic());
            if c.is_alphanumeric() || inner_apostrophe {
                j += 1;
            } else {
                break;
            }
        }
        let mut end = chars.get(j).map_or(text.len(), |c| c.0);
        let mut surface = text.get(start..end).unwrap_or("").to_string();
        // English possessives: "Johnson's resignation" names Johnson.
        let mut possessive = false;
        for p in ["'s", "’s"] {
            if let Some(stem) = surface.strip_suffix(p) {
                if !stem.is_empty() && !crate::entities::translit::is_cyrillic(stem) {
                    end -= p.len();
                    surface = stem.to_string();
                    possessive = true;
                    break;
                }
            }
        }
        out.push(Tok { start, end, lower: surface.to_lowercase(), surface, possessive });
        i = j;
    }
    out
}

/// The language of a question: its script and letters, then the identifier; a language without
/// question words reads as English (Latin script) or Russian (Cyrillic).
fn language(text: &str) -> Lang {
    let cyrillic = crate::entities::translit::is_cyrillic(text);
    if cyrillic {
        let guess = crate::lang::identify(text).map(|g| g.lang);
        return match guess {
            Some(Lang::Uk) => Lang::Uk,
            Some(Lang::Ru) => Lang::Ru,
            _ => crate::entities::translit::cyrillic_lang(text, None),
        };
    }
    match crate::lang::identify(text).map(|g| g.lang) {
        Some(l)
            if packs::pack(l).question.is_some() && l.script() == parallax_model::Script::Latin =>
        {
            l
        }
        _ => Lang::En,
    }
}

/// The question words of a language (English's when it has none).
pub fn words_of(lang: Lang) -> &'static QuestionWords {
    packs::pack(lang)
        .question
        .as_ref()
        .or(packs::pack(Lang::En).question.as_ref())
        .expect("the English pack has question words")
}

/// Whether the lower-case tokens at `i` spell `phrase`.
fn phrase_at(toks: &[Tok], i: usize, phrase: &str) -> bool {
    let parts: Vec<&str> = phrase.split_whitespace().collect();
    !parts.is_empty()
        && parts.iter().enumerate().all(|(k, p)| toks.get(i + k).is_some_and(|t| t.lower == *p))
}

/// Whether any of `phrases` starts at token `i`; returns its length in tokens.
fn any_phrase_at(toks: &[Tok], i: usize, phrases: &[&str]) -> Option<usize> {
    phrases.iter().filter(|p| phrase_at(toks, i, p)).map(|p| p.split_whitespace().count()).max()
}

/// The read side of the registry over a store, for linking's lookups. The question's many
/// lookups go through [`Registry::records`], which keeps the first failure for the caller to
/// report (a registry that cannot be read is an error, not a question naming no one).
struct Registry<'a> {
    store: &'a dyn Store,
    failed: std::cell::RefCell<Option<StoreError>>,
}

impl<'a> Registry<'a> {
    fn new(store: &'a dyn Store) -> Self {
        Registry { store, failed: std::cell::RefCell::new(None) }
    }

    /// The entities filed under `key`; none when the lookup failed (the failure is kept).
    fn records(&self, key: &str) -> Vec<EntityRecord> {
        self.found(self.find(key)).unwrap_or_default()
    }

    /// A lookup's answer, its failure kept.
    fn found<T>(&self, r: StoreResult<T>) -> Option<T> {
        r.map_err(|e| {
            self.failed.borrow_mut().get_or_insert(e);
        })
        .ok()
    }

    /// The first failure of any lookup so far.
    fn check(&self) -> StoreResult<()> {
        self.failed.borrow_mut().take().map_or(Ok(()), Err)
    }
}

impl EntityIndex for Registry<'_> {
    fn find(&self, key: &str) -> StoreResult<Vec<EntityRecord>> {
        self.store.find_entities(key)
    }
}

/// A name found in the question, resolved or not.
#[derive(Debug, Clone)]
struct Name {
    from: usize,
    to: usize,
    /// Token range.
    record: Option<EntityRecord>,
    /// Other entities of the registry the same name fits (one person the registry holds as
    /// several: "Vladimir Putin", "Putinym").
    others: Vec<EntityRecord>,
    kb: Option<String>,
    kind: EntityType,
    /// Written in a case other than the nominative (its base form differs: "Асії Бібі"), or
    /// after a genitive preposition or with a possessive: it qualifies another noun.
    oblique: bool,
}

/// Reads a question against a store.
pub fn parse(store: &dyn Store, question: &str, opts: &AskOptions) -> StoreResult<Question> {
    let text = question.trim();
    let lang = language(text);
    let qw = words_of(lang);
    // Words in a script no supported language writes name nothing here.
    let toks: Vec<Tok> = tokens(text)
        .into_iter()
        .filter(|t| {
            t.surface.chars().all(|c| {
                c.is_ascii_digit()
                    || c.is_ascii_alphabetic()
                    || crate::entities::translit::is_cyrillic(&c.to_string())
                    || (c.is_alphabetic() && (c as u32) < 0x250)
                    || matches!(c, '\'' | '’' | 'ʼ')
            })
        })
        .collect();
    // A frame word written in capitals is an abbreviation ("US", not "us").
    let is_frame = |t: &Tok| {
        qw.frame.contains(&t.lower.as_str())
            && !(t.surface.chars().count() >= 2 && t.surface.chars().all(char::is_uppercase))
    };

    // Phrases that only frame the question or mark its intent.
    let mut role: Vec<Role> = vec![Role::Content; toks.len()];
    let mut intent = None;
    let mut asks_date = false;
    let mut asks_number = false;
    let mut i = 0;
    while i < toks.len() {
        if let Some(n) = any_phrase_at(&toks, i, qw.how_many) {
            intent.get_or_insert(Intent::HowMany);
            asks_number = true;
            role[i..i + n].fill(Role::Frame);
            i += n;
            continue;
        }
        if let Some(n) = any_phrase_at(&toks, i, qw.timeline) {
            intent.get_or_insert(Intent::Timeline);
            role[i..i + n].fill(Role::Frame);
            i += n;
            continue;
        }
        let t = &toks[i].lower;
        if qw.when.contains(&t.as_str()) {
            intent.get_or_insert(Intent::When);
            role[i] = Role::Frame;
        } else if qw.disagree.iter().any(|p| t.starts_with(p)) {
            intent.get_or_insert(Intent::Disagree);
            role[i] = Role::Frame;
        } else if qw.describe.iter().any(|p| t.starts_with(p)) {
            intent.get_or_insert(Intent::Describe);
            role[i] = Role::Frame;
        } else if qw.sources.contains(&t.as_str()) {
            role[i] = Role::Frame;
        } else if qw.date_words.contains(&t.as_str()) {
            asks_date = true;
            role[i] = Role::Frame;
        } else if qw.number_words.contains(&t.as_str()) {
            asks_number = true;
            role[i] = Role::Frame;
        } else if let Some(n) = any_phrase_at(&toks, i, qw.about) {
            // "про що", "о чём", "about what": the preposition belongs to the question word.
            let next_frame = toks.get(i + n).is_some_and(|t| qw.wh.contains(&t.lower.as_str()));
            role[i..i + n].fill(if next_frame { Role::Frame } else { Role::About });
            i += n;
            continue;
        } else if is_frame(&toks[i]) {
            role[i] = Role::Frame;
        }
        i += 1;
    }
    let who_first = toks.first().is_some_and(|t| qw.who.contains(&t.lower.as_str()));

    // Dates limit the answer and are no topic.
    let window = window_of(text, lang, opts.today, &toks, &mut role);

    // Names: the tagger's mentions, then runs of capitalised words, then single words the
    // registry knows by skeleton when the question is in lower case.
    let names = find_names(store, text, lang, &toks, &role)?;
    for n in &names {
        role[n.from..n.to].fill(Role::Name);
    }

    // Words: lexicon concepts over the remaining content words.
    let mut concepts: Vec<(usize, usize, Concept)> = vec![]; // token range and concept
    let content: Vec<usize> = (0..toks.len()).filter(|&k| role[k] == Role::Content).collect();
    // Function words ("said" is one in English news) are looked up in the lexicon, but name no
    // topic by themselves.
    let function: Vec<bool> = content
        .iter()
        .map(|&k| {
            let w = &toks[k].lower;
            !is_term_word(w, stem::word_lang(w, Some(lang)))
        })
        .collect();
    let stems: Vec<Option<String>> = content
        .iter()
        .map(|&k| {
            let w = &toks[k].lower;
            let wl = stem::word_lang(w, Some(lang));
            (w.chars().count() >= 2).then(|| stem::stem(w, wl))
        })
        .collect();
    let lx = lexicon();
    let mut k = 0;
    while k < content.len() {
        let Some(_) = &stems[k] else {
            k += 1;
            continue;
        };
        // A run of consecutive content stems for phrase matching.
        let run_end = (k..content.len())
            .take_while(|&j| stems[j].is_some() && (j == k || content[j] == content[j - 1] + 1))
            .last()
            .map_or(k, |j| j + 1);
        let run: Vec<String> = stems[k..run_end].iter().flatten().cloned().collect();
        let found = lx.at(&run, 0, Some(lang));
        let len = found.first().map_or(1, |f| f.len);
        let (from, to) = (content[k], content[k + len - 1] + 1);
        let surface = text.get(toks[from].start..toks[to - 1].end).unwrap_or("").to_string();
        // A function word counts only as a verb of saying ("said" is a function word of English
        // news).
        let speech_verb = |f: &crate::lang::concepts::Found| {
            let id = lx.concepts[f.concept].id;
            SAYING.contains(&id) || ACTS.contains(&id)
        };
        if function[k] && !found.iter().any(speech_verb) {
            k += 1;
            continue;
        }
        let c = if found.is_empty() {
            let s = stems[k].clone().unwrap_or_default();
            Concept {
                text: surface,
                kind: ConceptKind::Word { lexicon: None, verb: false },
                alts: vec![vec![s]],
                articles: 0,
                weight: 0.0,
                at: (toks[from].start, toks[to - 1].end),
                oblique: false,
            }
        } else {
            word_concept(
                surface,
                &found.iter().map(|f| f.concept).collect::<Vec<_>>(),
                (toks[from].start, toks[to - 1].end),
            )
        };
        concepts.push((from, to, c));
        k += len;
    }

    // Countries named by adjectives or demonyms are names too ("Ukrainians", "российского").
    let mut entity_concepts: Vec<(usize, usize, Concept)> = vec![];
    for n in &names {
        entity_concepts.push((n.from, n.to, name_concept(store, text, &toks, n)?));
    }
    concepts.retain(|(from, to, c)| {
        let lower = text.get(c.at.0..c.at.1).unwrap_or("").to_lowercase();
        match (to - from == 1).then(|| country_word(&lower)).flatten() {
            Some(cc) => {
                entity_concepts.push((
                    *from,
                    *to,
                    country_concept(store, c.text.clone(), cc, c.at),
                ));
                false
            }
            None => true,
        }
    });
    let mut all: Vec<(usize, usize, Concept)> =
        concepts.into_iter().chain(entity_concepts).collect();
    all.sort_by_key(|(from, _, _)| *from);
    weigh(store, &mut all)?;

    // The intent from the verb's concept.
    let verb_of = |c: &Concept, list: &[&str]| c.lexicon_id().is_some_and(|id| list.contains(&id));
    let speech = all.iter().position(|(_, _, c)| verb_of(c, SAYING) || verb_of(c, ACTS));
    let intent = match intent {
        Some(i) => i,
        None if who_first && speech.is_some() => Intent::WhoSaid,
        None if speech.is_some() => Intent::Saying,
        None => Intent::Reports,
    };
    let act = match (intent, speech) {
        (Intent::Saying, Some(p)) if verb_of(&all[p].2, ACTS) => Some(all[p].2.clone()),
        _ => None,
    };
    if let Some(p) = speech {
        if matches!(intent, Intent::Saying | Intent::WhoSaid) {
            all.remove(p);
        }
    }
    // A verb of saying left in a question of another intent names no topic either.
    all.retain(|(_, _, c)| !verb_of(c, SAYING));

    // The subject, the parties, and the question's own words about the topic.
    let about_at = role.iter().position(|r| *r == Role::About);
    let about = about_at
        .and_then(|a| text.get(toks[a].start..))
        .map(|s| format!(" {}", s.trim_end_matches(['?', '？', '!', '.', ' '])))
        .unwrap_or_default();
    let before = |from: usize| about_at.is_none_or(|a| from < a);
    let mut subject = None;
    let mut parties = vec![];
    match intent {
        Intent::Saying => {
            if let Some((taken, s)) = subject_of(&all, &toks, &role, qw, &before, text) {
                subject = Some(s);
                let mut k = 0;
                all.retain(|_| {
                    k += 1;
                    !taken.contains(&(k - 1))
                });
            }
        }
        Intent::Disagree => {
            let named: Vec<usize> =
                (0..all.len()).filter(|&k| all[k].2.is_entity() && before(all[k].0)).collect();
            if named.len() >= 2 {
                for &k in &named {
                    let c = all[k].2.clone();
                    parties.push(Subject { text: c.text.clone(), entity: Some(c), group: None });
                }
                let mut k = 0;
                all.retain(|_| {
                    k += 1;
                    !named.contains(&(k - 1))
                });
            }
        }
        _ => {}
    }
    let mut topics: Vec<Concept> = all.into_iter().map(|(_, _, c)| c).collect();
    // Verbs other than the act are topic words only when the question has nothing else
    // ("What happened?" asks nothing; "Коли почався страйк" keeps "почався").
    if topics.iter().any(|c| !c.is_verb()) && intent == Intent::Saying {
        topics.retain(|c| !c.is_verb());
    }
    // A place of the knowledge base that no article names is looked for as its country, and
    // the brief says so ("Донбасу" → Ukraine).
    let mut widened: Vec<String> = vec![];
    for c in topics.iter_mut() {
        let place_country = c
            .kb()
            .and_then(|k| k.strip_prefix("place:"))
            .and_then(crate::kb::place)
            .and_then(|p| p.country);
        if c.articles == 0 && c.is_entity() {
            if let Some(cc) = place_country {
                let mut wider = country_concept(store, c.text.clone(), cc, c.at);
                let mut one = [(0, 0, wider.clone())];
                weigh(store, &mut one)?;
                wider = one[0].2.clone();
                widened.push(format!("{} → {}", c.text, crate::entities::country_name(cc)));
                *c = wider;
            }
        }
    }
    let languages = store.languages()?;
    let has_lang = |l: Lang| languages.iter().any(|(x, n)| *x == l && *n > 0);
    let mut unknown_words = vec![];
    let mut unmatched = vec![];
    topics.retain(|c| {
        if c.articles > 0 || c.is_entity() {
            return true;
        }
        // A word no article holds: refuse when some article is in a language the word is
        // written in (or translated into), else it cannot be looked for.
        let langs: Vec<Lang> = match c.lexicon_id().and_then(|id| lx.by_id(id)) {
            Some(i) => lx.concepts[i].forms.iter().map(|f| f.lang).collect(),
            None => vec![stem::word_lang(&c.text.to_lowercase(), Some(lang))],
        };
        if langs.into_iter().any(has_lang) {
            unknown_words.push(c.text.clone());
        } else {
            unmatched.push(c.text.clone());
        }
        false
    });
    let unknown_names = names
        .iter()
        .filter(|n| n.record.is_none() && n.kb.is_none())
        .map(|n| text.get(toks[n.from].start..toks[n.to - 1].end).unwrap_or("").to_string())
        .collect();
    Ok(Question {
        text: question.to_string(),
        lang,
        intent,
        subject,
        parties,
        topics,
        act,
        window,
        about,
        unknown_names,
        unknown_words,
        unmatched: unmatched.into_iter().chain(widened).collect(),
        asks_date,
        asks_number,
        all_statements: opts.all_statements,
    })
}

/// The part each token plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Content,
    Frame,
    About,
    Name,
    Date,
}

/// The subject of a "what does X say" question: the first run of names and nouns before the
/// topic's preposition. In a run, a person wins (a title and body before a name describe the
/// person: "глава Ryanair Майкл О'Лірі"); a common noun before a name makes a group that
/// belongs to the name ("чоловік Асії Бібі"). Returns the indices taken from `all`.
fn subject_of(
    all: &[(usize, usize, Concept)],
    toks: &[Tok],
    role: &[Role],
    qw: &QuestionWords,
    before: &dyn Fn(usize) -> bool,
    text: &str,
) -> Option<(Vec<usize>, Subject)> {
    let candidates: Vec<usize> =
        (0..all.len()).filter(|&k| before(all[k].0) && !all[k].2.is_verb()).collect();
    let first = *candidates.first()?;
    // The run: candidates adjacent to each other (only frame-free tokens between them, and no
    // break word).
    let mut run = vec![first];
    for &k in &candidates[1..] {
        let prev = all[*run.last()?].1;
        let gap = prev..all[k].0;
        let joined = gap.clone().all(|t| {
            role[t] == Role::Name
                || (role[t] == Role::Content && !qw.breaks.contains(&toks[t].lower.as_str()))
        });
        if !joined || gap.len() > 1 {
            break;
        }
        run.push(k);
    }
    // The head of the run: a person named in the nominative ("глава Ryanair Майкл О'Лірі"); a
    // name in another case, after "of" or with a possessive qualifies the noun before or after
    // it ("чоловік Асії Бібі", "Asia Bibi's husband").
    let person = run
        .iter()
        .copied()
        .find(|&k| all[k].2.is_entity() && is_person(&all[k].2) && !all[k].2.oblique);
    let span_text = |ks: &[usize]| -> String {
        let from = ks.iter().map(|&k| all[k].2.at.0).min().unwrap_or(0);
        let to = ks.iter().map(|&k| all[k].2.at.1).max().unwrap_or(0);
        text.get(from..to).unwrap_or("").to_string()
    };
    if let Some(p) = person {
        let c = all[p].2.clone();
        return Some((run.clone(), Subject { text: c.text.clone(), entity: Some(c), group: None }));
    }
    let entity = run.iter().copied().find(|&k| all[k].2.is_entity());
    let group = run.iter().copied().find(|&k| !all[k].2.is_entity());
    let qualifies = |g: usize, e: usize| g < e || all[e].2.oblique;
    match (group, entity) {
        (Some(g), e) if e.is_none_or(|e| qualifies(g, e)) => Some((
            run.clone(),
            Subject {
                text: span_text(&run),
                entity: e.map(|e| all[e].2.clone()),
                group: Some(all[g].2.clone()),
            },
        )),
        (_, Some(e)) => {
            let c = all[e].2.clone();
            Some((vec![e], Subject { text: c.text.clone(), entity: Some(c), group: None }))
        }
        _ => None,
    }
}

/// Whether an entity concept names a person (its kind is kept in the name's lookup).
pub(super) fn is_person(c: &Concept) -> bool {
    c.alts.iter().any(|a| a.iter().any(|t| t == PERSON_MARK))
}

/// Every unambiguous name the knowledge base gives an entry (a seat of power and a capital by
/// their own names: "seat:RU" is Kremlin, Кремль).
fn kb_surfaces(kb: Option<&str>) -> Vec<&'static str> {
    use crate::kb::{KbRef, NameForm};
    let Some(kb) = kb else { return vec![] };
    let (target, form) = match kb.split_once(':') {
        Some(("seat", cc)) => {
            (crate::kb::country(cc).map(|c| KbRef::Country(c.code)), Some(NameForm::Seat))
        }
        Some(("capital", cc)) => {
            (crate::kb::country(cc).map(|c| KbRef::Country(c.code)), Some(NameForm::Capital))
        }
        _ => (KbRef::parse(kb), None),
    };
    let Some(target) = target else { return vec![] };
    crate::kb::names()
        .iter()
        .filter(|k| k.target == target && !k.ambiguous && form.is_none_or(|f| k.form == f))
        .filter(|k| {
            form.is_some()
                || !matches!(
                    k.form,
                    NameForm::Seat | NameForm::Capital | NameForm::Adjective | NameForm::Demonym
                )
        })
        .map(|k| k.surface)
        .collect()
}

/// How many of an entity's surface forms (the commonest) find it in text the tagger missed.
const MAX_NAME_FORMS: usize = 12;

/// A marker term kept in a person's alternatives (never matches text: it holds a space).
pub(super) const PERSON_MARK: &str = "person ";

/// A word concept from the lexicon concepts a question's words matched: all their forms in
/// every language are alternatives.
fn word_concept(text: String, found: &[usize], at: (usize, usize)) -> Concept {
    let lx = lexicon();
    let mut alts: Vec<Vec<String>> = vec![];
    let mut verbs: Vec<bool> = vec![];
    for &c in found {
        let concept = &lx.concepts[c];
        for f in &concept.forms {
            if !alts.contains(&f.stems) {
                alts.push(f.stems.clone());
            }
        }
        // A word that is a noun in one concept and a verb in another ("resignation",
        // "resign") is a noun.
        verbs.push(concept.is_verb());
    }
    let verb = !verbs.is_empty() && verbs.iter().all(|v| *v);
    Concept {
        text,
        kind: ConceptKind::Word { lexicon: found.first().map(|&c| lx.concepts[c].id), verb },
        alts,
        articles: 0,
        weight: 0.0,
        at,
        oblique: false,
    }
}

/// The concept of a country named by an adjective or demonym.
fn country_concept(store: &dyn Store, text: String, cc: &str, at: (usize, usize)) -> Concept {
    let record =
        store.find_entities(&format!("kb:country:{cc}")).ok().and_then(|v| v.into_iter().next());
    let mut alts = vec![vec![country_term(cc)]];
    if let Some(r) = &record {
        alts.push(vec![entity_term(&r.id)]);
    }
    Concept {
        text,
        kind: ConceptKind::Entity {
            ids: record.iter().map(|r| r.id.clone()).collect(),
            name: record.as_ref().map_or_else(
                || crate::entities::country_name(cc).to_string(),
                |r| r.canonical.clone(),
            ),
            kb: Some(format!("country:{cc}")),
            country: Some(cc.to_string()),
        },
        alts,
        articles: 0,
        weight: 0.0,
        at,
        oblique: false,
    }
}

/// The concept of a name found in the question.
fn name_concept(store: &dyn Store, text: &str, toks: &[Tok], n: &Name) -> StoreResult<Concept> {
    let at = (toks[n.from].start, toks[n.to - 1].end);
    let surface = text.get(at.0..at.1).unwrap_or("").to_string();
    let country = n.kb.as_deref().and_then(|k| k.strip_prefix("country:")).map(str::to_string);
    if let Some(cc) = &country {
        return Ok(country_concept(store, surface, cc, at));
    }
    let mut alts: Vec<Vec<String>> = vec![];
    let mut ids = vec![];
    let mut name = surface.clone();
    for o in &n.others {
        alts.push(vec![entity_term(&o.id)]);
        ids.push(o.id.clone());
    }
    if let Some(r) = &n.record {
        alts.insert(0, vec![entity_term(&r.id)]);
        ids.insert(0, r.id.clone());
        name = r.canonical.clone();
        // The name's own words, for mentions the tagger missed: its commonest forms, and every
        // name the knowledge base gives its entry (Еврокомиссия, Європейська комісія, EC).
        let mut forms: Vec<&parallax_model::NameCount> =
            r.names.iter().chain(n.others.iter().flat_map(|o| o.names.iter())).collect();
        forms.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
        let mut surfaces: Vec<&str> =
            forms.into_iter().take(MAX_NAME_FORMS).map(|f| f.name.as_str()).collect();
        surfaces.extend(kb_surfaces(r.kb.as_deref()));
        for f in surfaces {
            let stems: Vec<String> = crate::search::word_terms(f, None).map(|(_, s)| s).collect();
            // A form of short words only ("Ас") would match anything.
            let telling = stems.iter().any(|t| t.chars().count() >= 3);
            if telling && !alts.contains(&stems) {
                alts.push(stems);
            }
        }
    }
    if n.record.is_none() {
        // A knowledge-base entry the registry has no entity for yet: its names find it.
        for f in kb_surfaces(n.kb.as_deref()) {
            let stems: Vec<String> = crate::search::word_terms(f, None).map(|(_, s)| s).collect();
            if !stems.is_empty() && !alts.contains(&stems) {
                alts.push(stems);
            }
        }
    }
    if n.kind == EntityType::Person
        || n.record.as_ref().is_some_and(|r| r.kind == EntityType::Person)
    {
        alts.push(vec![PERSON_MARK.to_string()]);
    }
    Ok(Concept {
        text: surface,
        kind: ConceptKind::Entity {
            ids,
            name,
            kb: n.kb.clone().or_else(|| n.record.as_ref().and_then(|r| r.kb.clone())),
            country: None,
        },
        alts,
        articles: 0,
        weight: 0.0,
        at,
        oblique: n.oblique,
    })
}

/// Sets each concept's article count and weight from the store's document frequencies: the
/// weight is the inverse document frequency of the concept's commonest alternative, so that a
/// rare name or word counts for more than a common one.
fn weigh(store: &dyn Store, all: &mut [(usize, usize, Concept)]) -> StoreResult<()> {
    let n = store.count()?.max(1) as f64;
    for (_, _, c) in all.iter_mut() {
        let firsts: Vec<String> = c
            .alts
            .iter()
            .filter(|a| a.iter().all(|t| !t.contains(' ')))
            .filter_map(|a| a.iter().max_by_key(|t| t.len()).cloned())
            .collect();
        let counts = store.term_counts(&firsts)?;
        let mut df = counts.iter().copied().max().unwrap_or(0);
        if df == 0 {
            // Slavic stems whose last letter alternates are found by their prefix.
            let loose: Vec<String> =
                firsts.iter().filter_map(|t| loose_prefix(t)).map(str::to_string).collect();
            if !loose.is_empty() {
                let q = parallax_model::SearchQuery {
                    expr: parallax_model::SearchExpr::Or(
                        loose
                            .into_iter()
                            .map(|p| parallax_model::SearchExpr::Prefix(None, p))
                            .collect(),
                    ),
                    filter: Default::default(),
                    limit: 1,
                };
                df = u64::from(!store.search(&q)?.is_empty());
            }
        }
        c.articles = df;
        c.weight = if df == 0 { 0.0 } else { (1.0 + n / df as f64).ln() };
    }
    Ok(())
}

/// Names in the question, each resolved against the registry when it can be.
fn find_names(
    store: &dyn Store,
    text: &str,
    lang: Lang,
    toks: &[Tok],
    role: &[Role],
) -> StoreResult<Vec<Name>> {
    let registry = Registry::new(store);
    let mut names: Vec<Name> = vec![];
    let free = |from: usize, to: usize, names: &[Name]| {
        (from..to)
            .all(|k| role[k] == Role::Content && !names.iter().any(|n| n.from <= k && k < n.to))
    };
    let tok_range = |start: usize, end: usize| -> Option<(usize, usize)> {
        let from = toks.iter().position(|t| t.start >= start && t.start < end)?;
        let to = toks.iter().rposition(|t| t.end <= end && t.end > start)? + 1;
        (from < to).then_some((from, to))
    };
    // 1. The tagger's mentions.
    let sentences = vec![Span::new(0, text.len())];
    let spans = crate::lang::identify_spans(text, &sentences);
    let ents = crate::entities::analyze(text, &sentences, &spans, Some(lang));
    for (ci, cluster) in ents.clusters.iter().enumerate() {
        for m in ents.mentions.iter().filter(|m| m.cluster == ci) {
            let Some((from, to)) = tok_range(m.start, m.end) else { continue };
            if !free(from, to, &names) {
                continue;
            }
            let record = resolve(&registry, cluster);
            let others = record
                .as_ref()
                .map(|r| fragments(&registry, &cluster.name, cluster.kind, r))
                .unwrap_or_default();
            names.push(Name {
                from,
                to,
                record,
                others,
                kb: cluster.kb.clone(),
                kind: cluster.kind,
                oblique: false,
            });
        }
    }
    // 2. Runs of capitalised words (and numbers after them: "Nord Stream 2"), longest first,
    // tried as names of the registry or of the knowledge base.
    let capital = |t: &Tok| t.surface.chars().next().is_some_and(char::is_uppercase);
    for n in (1..=4).rev() {
        for from in 0..toks.len().saturating_sub(n - 1) {
            let to = from + n;
            if !free(from, to, &names) || !capital(&toks[from]) {
                continue;
            }
            // A function word opening the question ("В чём", "Who") names nothing; nor does a
            // single letter.
            let function = |t: &Tok| {
                let l = stem::word_lang(&t.lower, Some(lang));
                packs::pack(l).function_words.contains(&t.lower.as_str())
                    && !t.surface.chars().all(char::is_uppercase)
            };
            if toks[from..to].iter().any(|t| function(t) || t.lower.chars().count() < 2) {
                continue;
            }
            if !toks[from..to]
                .iter()
                .all(|t| capital(t) || t.lower.chars().all(|c| c.is_ascii_digit()))
            {
                continue;
            }
            let surface = text.get(toks[from].start..toks[to - 1].end).unwrap_or("");
            if let Some(name) = lookup(&registry, surface, lang) {
                names.push(Name { from, to, ..name });
            } else if n == 1
                && from > 0
                && lexicon_word(&toks[from].lower, lang).is_none()
                && crate::entities::kb_resolve(surface, Some(lang)).is_none()
                && country_word(&toks[from].lower).is_none()
            {
                // A capitalised word inside the question that is no word the lexicon knows
                // is taken for a name no article uses.
                names.push(Name {
                    from,
                    to,
                    record: None,
                    others: vec![],
                    kb: None,
                    kind: EntityType::Other,
                    oblique: false,
                });
            }
        }
    }
    // 3. Lower-case words the registry knows by name when the lexicon does not know them (a
    // name typed in lower case): never a function word, never shorter than four letters.
    for (from, tok) in toks.iter().enumerate() {
        if !free(from, from + 1, &names) || tok.lower.chars().count() < 4 {
            continue;
        }
        let l = stem::word_lang(&tok.lower, Some(lang));
        if !is_term_word(&tok.lower, l) {
            continue;
        }
        if lexicon_word(&tok.lower, lang).is_some() || country_word(&tok.lower).is_some() {
            continue;
        }
        if let Some(name) = lookup(&registry, &tok.surface, lang) {
            if name.record.is_some() || name.kb.is_some() {
                names.push(Name { from, to: from + 1, ..name });
            }
        }
    }
    // Knowledge-base names of the articles' entities: resolved records only.
    for n in names.iter_mut() {
        if n.record.is_none() {
            if let Some(kb) = &n.kb {
                n.record = store.find_entities(&format!("kb:{kb}"))?.into_iter().next();
            }
        }
    }
    for n in names.iter_mut() {
        let qw = words_of(lang);
        let after_of = n.from > 0 && qw.of.contains(&toks[n.from - 1].lower.as_str());
        let surface = text.get(toks[n.from].start..toks[n.to - 1].end).unwrap_or("");
        let all_names: Option<EntityRecord> = n.record.as_ref().map(|r| {
            let mut merged = r.clone();
            merged.names.extend(n.others.iter().flat_map(|o| o.names.iter().cloned()));
            merged
        });
        n.oblique = after_of || toks[n.to - 1].possessive || declined(surface, all_names.as_ref());
    }
    names.sort_by_key(|n| n.from);
    registry.check()?;
    Ok(names)
}

/// Whether a Cyrillic name is written in a case other than the one the articles name it in
/// most (the nominative): its first or last word differs from the registry's base form's, with
/// Ukrainian and Russian spellings of one sound taken as one ("Асії Бібі" against "Асия Биби",
/// "Захаровой" against "Захарова"; "Майкл О'Лірі" against "Майкл О'Лири" is the same).
pub(super) fn declined(surface: &str, record: Option<&EntityRecord>) -> bool {
    let Some(r) = record else { return false };
    crate::entities::translit::is_cyrillic(surface)
        && cyrillic_base(r).is_some_and(|base| differs(surface, &base))
}

/// The base form (nominative) of an entity's Cyrillic names, as the corpus writes them.
pub(super) fn cyrillic_base(r: &EntityRecord) -> Option<String> {
    let forms: Vec<(&str, usize)> = r
        .names
        .iter()
        .filter(|n| crate::entities::translit::is_cyrillic(&n.name))
        .map(|n| (n.name.as_str(), n.count))
        .collect();
    crate::entities::names::base_form(forms).map(str::to_string)
}

/// Whether a mention of an article is written in another case than the name's base form in
/// that article (its cluster's name).
pub(super) fn declined_name(
    surface: &str,
    a: &parallax_model::StoredArticle,
    m: &parallax_model::Mention,
) -> bool {
    crate::entities::translit::is_cyrillic(surface)
        && a.analysis.entities.clusters.get(m.cluster).is_some_and(|c| differs(surface, &c.name))
}

/// Whether a name's first or last word differs from a base form's, Ukrainian and Russian
/// spellings of one sound taken as one.
pub(super) fn differs(surface: &str, base: &str) -> bool {
    let unify = |w: &str| -> String {
        crate::text::fold_name(w)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .map(|c| match c {
                'і' | 'ї' | 'ы' => 'и',
                'є' | 'ё' | 'э' => 'е',
                'ґ' => 'г',
                c => c,
            })
            .collect()
    };
    let (q, b): (Vec<&str>, Vec<&str>) =
        (surface.split_whitespace().collect(), base.split_whitespace().collect());
    let last_differs = match (q.last(), b.last()) {
        (Some(x), Some(y)) => unify(x) != unify(y),
        _ => false,
    };
    let first_differs = q.len() >= 2 && b.len() >= 2 && unify(q[0]) != unify(b[0]);
    last_differs || first_differs
}

/// Whether a lower-case word is a word of the lexicon, in any language.
fn lexicon_word(lower: &str, lang: Lang) -> Option<usize> {
    let wl = stem::word_lang(lower, Some(lang));
    let s = stem::stem(lower, wl);
    lexicon().at(&[s], 0, Some(lang)).first().map(|f| f.concept)
}

/// Looks a surface form up as a name: the knowledge base first, then the registry by the keys
/// linking files entities under (a person's surname skeleton, the whole name's skeleton).
fn lookup(registry: &Registry<'_>, surface: &str, lang: Lang) -> Option<Name> {
    if let Some(hit) = crate::entities::kb_resolve(surface, Some(lang)) {
        let record = registry.records(&format!("kb:{}", hit.id)).into_iter().next();
        return Some(Name {
            from: 0,
            to: 0,
            record,
            others: vec![],
            kb: Some(hit.id),
            kind: hit.kind,
            oblique: false,
        });
    }
    let person = Cluster {
        kind: EntityType::Person,
        name: surface.to_string(),
        kb: None,
        affiliation: None,
        entity: None,
    };
    let record = resolve(registry, &person).or_else(|| {
        let other = Cluster { kind: EntityType::Organization, ..person.clone() };
        resolve(registry, &other)
    });
    record.map(|r| {
        let others = fragments(registry, surface, r.kind, &r);
        Name {
            from: 0,
            to: 0,
            kind: r.kind,
            kb: r.kb.clone(),
            record: Some(r),
            others,
            oblique: false,
        }
    })
}

/// The other entities of the registry a name fits besides `best`: people with the same surname
/// skeleton whose given names agree, other names with the same skeleton; the best-known first.
fn fragments(
    registry: &Registry<'_>,
    name: &str,
    kind: EntityType,
    best: &EntityRecord,
) -> Vec<EntityRecord> {
    const MOST: usize = 8;
    if best.kb.is_some() {
        return vec![];
    }
    let mut out: Vec<EntityRecord> = vec![];
    let words: Vec<&str> = name.split_whitespace().collect();
    // A surname alone means the person the registry knows best by it: other entities fit only
    // when their given names fit that person's ("Biden" is Joe Biden, not Hunter Biden).
    let given = link::given_name(name).or_else(|| {
        best.names
            .iter()
            .max_by_key(|n| (n.name.split_whitespace().count(), n.count))
            .and_then(|n| link::given_name(&n.name))
    });
    let mut keys = vec![format!("name:{}", skeleton(name))];
    if kind == EntityType::Person || best.kind == EntityType::Person {
        if let Some(last) = words.last() {
            keys.push(format!("per:{}", skeleton(last)));
        }
    }
    for k in keys {
        for e in registry.records(&k) {
            let fits = e.kind != EntityType::Person || link::compatible(given.as_deref(), &e);
            if e.id != best.id && e.kb.is_none() && fits && !out.iter().any(|x| x.id == e.id) {
                out.push(e);
            }
        }
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.articles));
    out.truncate(MOST);
    out
}

/// The registry entity a cluster of the question names: by linking's own rules, then by the
/// other kind's keys (taggers confuse people and bodies), the best-known first.
fn resolve(registry: &Registry<'_>, cluster: &Cluster) -> Option<EntityRecord> {
    if let Some(kb) = &cluster.kb {
        return registry.records(&format!("kb:{kb}")).into_iter().next();
    }
    if let Some(e) = registry.found(link::find(cluster, registry)).flatten() {
        return Some(e);
    }
    let sk = skeleton(&cluster.name);
    let mut keys = vec![format!("name:{sk}"), format!("per-full:{sk}")];
    if let Some(last) = cluster.name.split_whitespace().last() {
        // A surname alone finds the person ("Захарова" → Мария Захарова); a multi-word name only
        // when its given name fits (linking's check above).
        if cluster.name.split_whitespace().count() == 1 {
            keys.push(format!("per:{}", skeleton(last)));
        }
    }
    keys.iter().flat_map(|k| registry.records(k)).max_by_key(|e| e.articles)
}

/// The dates of a question, as a window; their tokens are marked so that they name no topic.
fn window_of(
    text: &str,
    lang: Lang,
    today: Option<PartialDate>,
    toks: &[Tok],
    role: &mut [Role],
) -> Option<(PartialDate, PartialDate)> {
    let sentences = vec![Span::new(0, text.len())];
    let (exprs, _) = crate::time::analyze(text, &sentences, Some(lang), today);
    let mut window: Option<(PartialDate, PartialDate)> = None;
    for e in &exprs {
        for (k, t) in toks.iter().enumerate() {
            if t.start >= e.start && t.end <= e.end {
                role[k] = Role::Date;
            }
        }
        let (lo, hi) = range_of(e.date);
        window = Some(match window {
            None => (lo, hi),
            Some((a, b)) => (a.min(lo), b.max(hi)),
        });
    }
    window
}

/// The first and last day of a date known to the day, month or year.
fn range_of(d: PartialDate) -> (PartialDate, PartialDate) {
    match (d.month, d.day) {
        (Some(_), Some(_)) => (d, d),
        (Some(m), None) => (
            PartialDate::ymd(d.year, m, 1).unwrap_or(d),
            PartialDate::ymd(d.year, m, parallax_model::days_in_month(d.year, m)).unwrap_or(d),
        ),
        _ => (
            PartialDate::ymd(d.year, 1, 1).unwrap_or(d),
            PartialDate::ymd(d.year, 12, 31).unwrap_or(d),
        ),
    }
}

/// The stems of a text for matching, with the concept ids of the lexicon its words meet (so
/// that two reports of one statement in two languages share terms).
pub fn claim_terms(text: &str, lang: Option<Lang>) -> HashSet<String> {
    let stems: Vec<String> = crate::search::word_terms(text, lang).map(|(_, s)| s).collect();
    let lx = lexicon();
    let mut out: HashSet<String> = HashSet::new();
    for i in 0..stems.len() {
        match lx.at(&stems, i, lang).first() {
            Some(f) => {
                out.insert(format!("concept:{}", lx.concepts[f.concept].id));
            }
            None => {
                out.insert(stems[i].clone());
            }
        }
    }
    out
}
