//! Named-entity mention detection (the tagger): people, organisations, countries and other
//! places, with equipment designations and (in Latin-script text) named events.
//!
//! # What it must do
//!
//! Find every name in a news text, in English, Ukrainian and Russian (and Spanish and German),
//! as a byte span that covers the whole name including its case ending ("Ніколаса Морено",
//! "Дорохіну"), typed Person, Organization, Country, Place, Event or Equipment; fast enough that
//! the whole per-document analysis runs at over a thousand documents a second on two cores; and
//! without neural weights, which cannot be downloaded here. Spans are sorted, never overlap, lie
//! on `char` boundaries and carry no surrounding white space.
//!
//! # How
//!
//! 1. **Tokens** (`token.rs`): one pass over the characters: words with inner hyphens and
//!    apostrophes, dotted abbreviations, numbers, web and e-mail addresses, single punctuation
//!    marks. Character classes have ASCII and Cyrillic fast paths (the standard Unicode lookups
//!    were a quarter of the running time).
//! 2. **Per-token facts** (`features.rs`), computed once: the word in a *folded* lower-case
//!    spelling (`fold.rs`: і/и/ы, є/е/э, ґ, apostrophes and a few dozen Ukrainian function words
//!    mapped so that Ukrainian and Russian forms of a word meet), its stem (one case ending off,
//!    so every case form of a name shares it), shape and capitalisation, sentence position,
//!    word classes from per-language lexicons (`lexicon.rs`: titles before names, organisation
//!    and place head nouns, legal forms, prepositions of place, speech verbs, time words, the
//!    language packs' function words and sentence starters, written as parallel rows so that a
//!    class learnt on Russian fires on Ukrainian), knowledge-base membership (`gazetteer.rs`:
//!    countries, places, bodies, outlets, seats of power, adjectives, through the knowledge
//!    base's inflection-aware keys), quotation context, and *document evidence*: what the
//!    contexts of every occurrence of the same stem in the text say (after a title, after an
//!    initial, before a speech verb, after a preposition of place, next to another capitalised
//!    word, ever written in lower case...). The last is what types a surname that the model has
//!    never seen ("Нисипяну" four times, once after "гроссмейстер").
//! 3. **Cyrillic sentences: a learnt sequence model** (`model.rs`, `train.rs`): about 50 hashed
//!    features per token (the facts above for the token, and words, shapes, classes and
//!    capitalisation of two tokens either side), BIO tags over PER/ORG/LOC, first-order
//!    transitions, Viterbi decoding under BIO constraints. It is an averaged structured
//!    perceptron (25 epochs), eight of them trained on different shuffles and averaged, written
//!    by this project and trained by `cargo run --release -p parallax-eval --example train_ner`
//!    on the factRuEval-2016 **devset** (122 Russian news and analytics texts, MIT licence),
//!    each annotated object taken as its name without its descriptors ("Театр и искусство" of
//!    "журнале «Театр и искусство»"); the testset is only ever used for the reported scores.
//!    The model file (`crates/engine/data/models/ner-ru.bin`, ~310 KB, deflated, i16 weights)
//!    is compiled in
//!    and read once. Ukrainian has no training data whose licence lets a model ship (NER-UK is
//!    CC BY-NC-SA, evaluation only), so Ukrainian text runs through the Russian model: the folded
//!    spelling, the stems, the parallel lexicon classes, shapes, gazetteer and document evidence
//!    are what transfers.
//! 4. **Latin-script sentences: rules** (`latin.rs`; no training data exists here for English,
//!    Spanish or German): chunks of capitalised words joined by "of"/"de"/"von"-style connectors,
//!    titles, honorifics and adjectives cut from the front, a sentence-initial word accepted only
//!    on evidence, German nouns (all capitalised) accepted only when the text treats them as
//!    names, then typed by the gazetteer, head nouns, context and shape.
//! 5. **Corrections** (`post.rs`), for both: quotation marks balanced at the edges (a name wholly
//!    in quotation marks is the words inside), a legal form with its quoted name is one
//!    organisation ("ТОВ «Укргеоекологія»", "ООО «Алтек»"), a generic head noun before a quoted
//!    name is a descriptor and not part of the name ("партії «Єдина Країна»" names "Єдина
//!    Країна"), a settlement word is not part of a place's name ("місто Щастя"), titles leave
//!    person names and initials join them ("Д. Бересков", "Б.Обама"), a capitalised sentence
//!    starter is not part of a name, one type per name within a document (votes weighted by
//!    confidence; a one-word mention that is the surname of a person named in full is a person),
//!    one-word names the decoder missed are recovered from their other occurrences, and
//!    designations ("Il-76", "Су-30", "F-16") are equipment. Bodies are named in full: a
//!    place's adjective with the head noun after it ("Полтавської обласної ради"), a bare head
//!    noun with its complement ("Партії регіонів"), no name ending in an adjective, a regional
//!    branch with its region ("Служба автомобільних доріг у Кіровоградській області"), an
//!    abbreviation before a quoted name ("НАК «Нафтогаз України»"), a quoted name after a
//!    generic head noun ("видання «Вечірній Поділ»"). Countries the knowledge base names
//!    unambiguously are countries, found also where the decoder left them out ("РФ"); a head
//!    noun alone at a sentence start, names of lower-case words only and common words in
//!    capitals are dropped. People the model has never seen: a one-word "place" the knowledge
//!    base does not know that acts (the subject of past-tense verbs more often than the object
//!    of a preposition of place), or that has a surname's or a possessive's suffix, is a person.
//! 6. **Types**: PER → Person, ORG → Organization, LOC → Country when the knowledge base says the
//!    span names a country, else Place.
//!
//! The conventions follow one rule: a mention is the *name*. Descriptors ("компании",
//! "Kremlin spokesman", "диктатора") are a separate layer (`entities::descriptors`), and an
//! adjective ("Venezuelan", "венесуельський") is not a mention of its country.
//!
//! # Measured (see BENCHMARKS.md, "Named entities", for the commands)
//!
//! Exact span and type, micro-F1 over PER/ORG/LOC. Development was judged on 5-fold
//! cross-validation over the factRuEval devset, the NER-UK dev split and the NEREL dev split;
//! the test splits were scored for the report only.
//!
//! | step | factRuEval CV | NER-UK dev | NEREL dev |
//! |---|---|---|---|
//! | perceptron, words/stems/affixes/shape/context only | 0.693 | 0.499 | 0.608 |
//! | + knowledge-base gazetteer, document evidence, quote balancing, one type per name | 0.781 | 0.591 | 0.670 |
//! | + folded ru/uk spelling | 0.780 | 0.595 | 0.680 |
//! | + 25 epochs, prefixes, legal-form rule | 0.790 | 0.628 | 0.678 |
//! | + eight averaged runs, person edges, addresses as tokens | 0.796 | 0.633 | 0.695 |
//! | + settlement words and quoted-name descriptors left out of names | 0.796 | 0.650 | 0.707 |
//!
//! Alternatives tried and left out: dropping whole feature groups one at a time (the changes
//! were within the ±0.01 noise of one shuffle); a minimum feature count of 2 (−0.002); 5 and 10
//! epochs (−0.02, −0.005). Stripping descriptors before quoted names costs 0.004 on factRuEval
//! cross-validation (its conversion counts "движения «Солидарность»" as one mention) and gains
//! 0.016 on NER-UK and 0.009 on NEREL, whose guidelines, like this project's, keep the name
//! apart. A list of given names would type many Ukrainian persons the model now calls places,
//! but the project keeps person names out of its data.
//!
//! Speed: about 9 MB of text a second on one (shared, loaded) core, tokenising to spans: some
//! 3,000 documents of 3 KB. The work per token is one pass of fact computation, ~50 hash
//! lookups in the weight table and a 7×7 Viterbi step.

pub mod features;
pub mod fold;
pub mod gazetteer;
mod latin;
pub mod lexicon;
pub mod model;
mod post;
pub mod token;
pub mod train;

use model::{Class, Model, TAGS};
use parallax_model::{EntityType, Lang, LangSpan, Span};
use std::sync::LazyLock;

/// One mention found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    pub span: Span,
    pub kind: EntityType,
    pub confidence: f32,
}

/// Case endings stripped by [`stem`], longest first, in the folded spelling of [`fold`] (і ї ы
/// → и, є э ё → е).
#[cfg(test)]
const ENDINGS: &[&str] = &[
    "ього", "иею", "ого", "его", "ему", "ому", "ими", "ами", "ями", "ови", "еви", "ией", "иям",
    "иях", "ою", "ею", "ом", "ем", "им", "ий", "ой", "ей", "ая", "яя", "ои", "ах", "ях", "ам",
    "ям", "ие", "ое", "ее", "ия", "ии", "ию", "а", "я", "у", "ю", "и", "е", "о", "ь",
];

/// The inflection-free stem of a folded word ([`fold`]): one case ending stripped from a
/// Cyrillic word (keeping at least three letters); other words unchanged. The tagger's own key,
/// close to [`crate::entities::names::stem`] but on folded spelling, so that Ukrainian and
/// Russian forms of a word share it, and without allocating.
pub fn stem(lower: &str) -> &str {
    let Some(last) = lower.chars().next_back() else { return lower };
    // The endings of [`ENDINGS`] that end in this letter, longest first.
    let candidates: &[&str] = match last {
        'о' => &["ього", "ого", "его", "о"],
        'ю' => &["иею", "ою", "ею", "ию", "ю"],
        'у' => &["ему", "ому", "у"],
        'и' => &["ими", "ами", "ями", "ови", "еви", "ои", "ии", "и"],
        'й' => &["ией", "ий", "ой", "ей"],
        'м' => &["иям", "ом", "ем", "им", "ам", "ям"],
        'х' => &["иях", "ах", "ях"],
        'я' => &["ая", "яя", "ия", "я"],
        'е' => &["ие", "ое", "ее", "е"],
        'а' => &["а"],
        'ь' => &["ь"],
        _ => return lower,
    };
    for e in candidates {
        if let Some(s) = lower.strip_suffix(e) {
            if s.chars().nth(2).is_some() {
                return s;
            }
        }
    }
    lower
}

static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(include_bytes!("../../../data/models/ner-ru.bin")).unwrap_or_default()
});

/// The shipped model.
pub fn model() -> &'static Model {
    &MODEL
}

/// Mentions in a normalised article body. `sentences` are the article's sentence spans,
/// `paragraph_languages` the language of each paragraph, `lang` the article's language.
pub fn detect(
    text: &str,
    sentences: &[Span],
    paragraph_languages: &[LangSpan],
    lang: Option<Lang>,
) -> Vec<Detected> {
    detect_with(&MODEL, text, sentences, paragraph_languages, lang)
}

/// [`detect`] with another model (training and evaluation of alternatives).
pub fn detect_with(
    model: &Model,
    text: &str,
    sentences: &[Span],
    paragraph_languages: &[LangSpan],
    lang: Option<Lang>,
) -> Vec<Detected> {
    let p = features::prepare(text, sentences, paragraph_languages, lang);
    let mut found = decode(model, &p);
    let mut rules = Vec::new();
    for &(s, e) in &p.sents {
        if p.toks[s].latin {
            latin::tag(&p, s, e, &mut rules);
        }
    }
    found.extend(rules.iter().map(latin::to_found));
    found.sort_by_key(|f| f.a);
    post::balance_quotes(&p, &mut found);
    post::sentence_starts(&p, &mut found);
    post::legal_forms(&p, &mut found);
    post::person_edges(&p, &mut found);
    post::script_edges(&p, &mut found);
    post::latin_runs(&p, &mut found);
    post::body_names(&p, &mut found);
    post::body_ends(&p, &mut found);
    post::district_names(&p, &mut found);
    post::given_names(&p, &mut found);
    post::split_mentions(&p, &mut found);
    post::acting_people(&p, &mut found);
    post::deities(&p, &mut found);
    post::person_suffixes(&p, &mut found);
    post::person_nouns(&p, &mut found);
    post::company_words(&p, &mut found);
    post::settlement_words(&p, &mut found);
    post::streets(&p, &mut found);
    post::abbreviation_stops(&p, &mut found);
    post::quoted_descriptors(&p, &mut found);
    post::quoted_bodies(&p, &mut found);
    post::headed_quotes(&p, &mut found);
    post::harmonise(&p, &mut found);
    post::recover(&p, &mut found);
    post::countries(&p, &mut found);
    post::given_names_before_surnames(&p, &mut found);
    post::body_places(&p, &mut found);
    post::named_after(&p, &mut found);
    post::equipment(&p, &mut found);
    post::numbered_names(&p, &mut found);
    post::latin_words(&p, &mut found);
    post::lower_case_only(&p, &mut found);
    let mut out: Vec<Detected> = Vec::with_capacity(found.len());
    let mut last_end = 0;
    for f in found {
        let span = Span::new(p.toks[f.a].start, p.toks[f.b - 1].end);
        let address = p.toks[f.a..f.b].iter().any(|t| t.kind == token::Kind::Address);
        if span.start < last_end || address {
            continue;
        }
        last_end = span.end;
        let kind = refine(text, span, f.kind);
        out.push(Detected { span, kind, confidence: f.confidence });
    }
    routes(text, &mut out);
    out
}

/// Words before a road's code that say it is a road ("автомобільної дороги М-03", "трасса
/// М-4", "highway A-1"), by the start of their lower-case form.
const ROAD_WORDS: &[&str] = &[
    "дорог",
    "доріг",
    "автодорог",
    "автошлях",
    "шлях",
    "шосе",
    "шоссе",
    "трас",
    "магістрал",
    "магистрал",
    "автомагістрал",
    "автомагистрал",
    "road",
    "highway",
    "motorway",
    "route",
    "freeway",
    "autobahn",
    "bundesstraße",
    "carretera",
    "autopista",
    "autovía",
    "ruta",
];

/// Whether a word is written like a road's code: one capital letter, a hyphen (or none), one to
/// four digits (М-03, Н-02, E-40, A1).
fn is_road_code(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(letter) = chars.next().filter(|c| c.is_uppercase()) else { return false };
    let digits = chars.as_str().strip_prefix('-').unwrap_or(chars.as_str());
    letter.is_alphabetic()
        && (1..=4).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A road is named by its code and the towns it joins ("М-03 Київ-Харків-Довжанський"): the
/// code is a place, and so is each town of the chain after it. The decoder has no such shape
/// and takes the whole for one person, or the code for a piece of equipment. A code counts when
/// a road word precedes it or a chain of capitalised names joined by hyphens follows it within
/// the mention.
fn routes(text: &str, out: &mut Vec<Detected>) {
    let mut i = 0;
    while i < out.len() {
        let (span, confidence) = (out[i].span, out[i].confidence);
        let Some(s) = span.text(text) else {
            i += 1;
            continue;
        };
        let code_len = s.find(char::is_whitespace).unwrap_or(s.len());
        let (code, rest) = s.split_at_checked(code_len).unwrap_or((s, ""));
        if !is_road_code(code) {
            i += 1;
            continue;
        }
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let chain = rest.split_whitespace().next().is_some_and(|w| {
            w.contains('-') && w.split('-').all(capitalised) && code.contains('-')
        });
        let road_before = || {
            let before = text.get(..span.start).unwrap_or("").split_whitespace().next_back();
            before
                .map(str::to_lowercase)
                .is_some_and(|w| ROAD_WORDS.iter().any(|r| w.starts_with(r)))
        };
        if !chain && !road_before() {
            i += 1;
            continue;
        }
        let place = |start: usize, end: usize| {
            let span = Span::new(start, end);
            Detected { span, kind: refine(text, span, EntityType::Place), confidence }
        };
        let mut parts = vec![place(span.start, span.start + code_len)];
        let mut offset = span.start + code_len;
        for word in rest.split_inclusive(char::is_whitespace) {
            let trimmed = word.trim_end();
            if trimmed.is_empty() || trimmed.chars().all(|c| matches!(c, '-' | '–' | '—')) {
                offset += word.len();
                continue;
            }
            if !capitalised(trimmed) {
                break;
            }
            if trimmed.split('-').all(capitalised) {
                // Towns joined by hyphens; a name with a lower-case part ("Ростов-на-Дону") is
                // one town.
                let mut at = offset;
                for part in trimmed.split('-') {
                    parts.push(place(at, at + part.len()));
                    at += part.len() + 1;
                }
            } else {
                parts.push(place(offset, offset + trimmed.len()));
            }
            offset += word.len();
        }
        let n = parts.len();
        out.splice(i..=i, parts);
        i += n;
    }
}

/// The decoder's mentions, sentence by sentence, as token ranges.
fn decode(model: &Model, p: &features::Prepared) -> Vec<post::Found> {
    let mut found = Vec::new();
    let mut feats = Vec::with_capacity(128);
    let mut scores: Vec<[f32; TAGS]> = Vec::new();
    let mut tags = Vec::new();
    for &(s, e) in &p.sents {
        if p.toks[s].latin {
            continue;
        }
        scores.clear();
        for i in s..e {
            feats.clear();
            features::features(p, s, e, i, &mut feats);
            let mut sc = [0.0; TAGS];
            model.score(&feats, &mut sc);
            scores.push(sc);
        }
        model.viterbi(&scores, &mut tags);
        let mut i = 0;
        while i < tags.len() {
            let tag = tags[i];
            let Some(class) = Class::from_tag(tag).filter(|_| !model::is_inside(tag)) else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < tags.len() && tags[j] == tag + 1 {
                j += 1;
            }
            // Confidence: how much the tokens' scores prefer their tags over O, on average.
            let margin: f32 =
                (i..j).map(|k| scores[k][tags[k]] - scores[k][0]).sum::<f32>() / (j - i) as f32;
            let confidence = 1.0 / (1.0 + (-margin / 8.0).exp());
            found.push(post::Found::new(s + i, s + j, kind_of(class), confidence));
            i = j;
        }
    }
    found
}

/// The coarse class of an entity type (`None` for events, equipment and others).
pub fn class_of(kind: EntityType) -> Option<Class> {
    match kind {
        EntityType::Person => Some(Class::Per),
        EntityType::Organization => Some(Class::Org),
        EntityType::Country | EntityType::Place => Some(Class::Loc),
        _ => None,
    }
}

/// The finer type of a place: a country when the knowledge base says the span names one.
fn refine(text: &str, span: Span, kind: EntityType) -> EntityType {
    if kind != EntityType::Place {
        return kind;
    }
    match span.text(text).and_then(gazetteer::lookup) {
        Some((gazetteer::COUNTRY, _)) => EntityType::Country,
        _ => kind,
    }
}

fn kind_of(class: Class) -> EntityType {
    match class {
        Class::Per => EntityType::Person,
        Class::Org => EntityType::Organization,
        Class::Loc => EntityType::Place,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grouped_endings_are_the_list() {
        let mut grouped = 0;
        for e in ENDINGS {
            let w = format!("абвг{e}");
            assert_eq!(stem(&w), "абвг", "{e}");
            grouped += 1;
        }
        assert_eq!(grouped, ENDINGS.len());
    }

    #[test]
    fn stems_join_case_forms_and_languages() {
        let key = |w: &str, uk: bool| stem(&fold::fold(w, uk)).to_string();
        assert_eq!(key("Дорохіна", true), key("Дорохин", false));
        assert_eq!(key("партії", true), key("партия", false));
        assert_eq!(key("компании", false), key("компанія", true));
        assert_eq!(key("Росії", true), key("Росія", true));
        assert_eq!(key("Зеленського", true), key("Зеленському", true));
        assert_eq!(key("Crane", false), "crane");
    }
}
