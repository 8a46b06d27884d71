//! Rules for Latin-script languages (English, Spanish, German and the others): no training data
//! is available for them, and their capitalisation says more than Slavic capitalisation does
//! (every name is capitalised, and so are titles before names, months, weekdays and, in
//! English, nationality adjectives), so a few rules go far:
//!
//! 1. **Name words** are capitalised words that are not months, weekdays or pronouns; at a
//!    sentence start a word counts only when something else says it is a name (the gazetteer,
//!    a capitalised word after it, the same word capitalised mid-sentence elsewhere in the text,
//!    all capitals).
//! 2. **Chunks** are runs of name words, joined by "of"/"de"/"von"-style connectors, "&" and
//!    hyphens when a name word follows (and "and"/"y"/"und" only inside organisation names).
//! 3. **Edges**: titles and honorifics ("President", "Mr", "Dr"), nationality adjectives
//!    ("Russian President ...") and a sentence-initial "The" are cut from the front; they are
//!    evidence for the type instead. A capitalised "The" inside a sentence stays ("The Washington
//!    Post").
//! 4. **Type**: the gazetteer first (country, place, body, outlet); then head nouns (Ministry,
//!    Bank, University, Inc → organisation; Street, River, Province → place; Summit, War →
//!    event); then context (a title before it → person; "in", "from" before a one-word name →
//!    place; a speech verb after → person); acronyms are organisations; two or three plain
//!    capitalised words are a person's name; a single word takes the type its other occurrences
//!    in the text have, else person.

use super::features::{doc, Prepared};
use super::gazetteer;
use super::lexicon as lx;
use super::post::Found;
use super::token::{Caps, Kind};
use parallax_model::{EntityType, Lang};

/// A rule-found mention: token range, type, confidence.
#[derive(Debug, Clone, Copy)]
pub struct RuleMention {
    pub a: usize,
    pub b: usize,
    pub kind: EntityType,
    pub confidence: f32,
}

fn is_name_word(p: &Prepared, i: usize) -> bool {
    let t = &p.toks[i];
    if t.kind != Kind::Word || !t.caps.is_capitalised() {
        return false;
    }
    if t.class & (lx::NOT_NAME | lx::TIME) != 0 {
        return false;
    }
    if t.caps == Caps::Single {
        // An initial ("J. K. Rowling") when a dot follows; otherwise a lone letter.
        return p.toks.get(i + 1).is_some_and(|n| n.first_char == '.' && n.kind == Kind::Punct);
    }
    true
}

fn is_connector(p: &Prepared, i: usize) -> bool {
    let t = &p.toks[i];
    (t.kind == Kind::Word && t.class & lx::CONNECTOR != 0 && t.caps == Caps::Lower)
        || (t.kind == Kind::Punct && matches!(t.first_char, '&'))
}

/// Whether a sentence-initial capitalised word is a name.
fn initial_is_name(p: &Prepared, i: usize, e: usize) -> bool {
    let t = &p.toks[i];
    if t.class & (lx::STOP | lx::NOT_NAME | lx::TIME) != 0 {
        return false;
    }
    if t.gaz != 0 || matches!(t.caps, Caps::Upper | Caps::Mixed) {
        return true;
    }
    if i + 1 < e && is_name_word(p, i + 1) {
        return true;
    }
    t.doc & doc::CAP_MID != 0 && t.doc & doc::LOWER == 0
}

/// Tags one sentence `[s, e)` of Latin-script text.
pub fn tag(p: &Prepared, s: usize, e: usize, out: &mut Vec<RuleMention>) {
    let mut i = s;
    while i < e {
        if !is_name_word(p, i) || (p.toks[i].sent_start && !initial_is_name(p, i, e)) {
            i += 1;
            continue;
        }
        // Grow the chunk.
        let mut j = i + 1;
        loop {
            let prev = &p.toks[j - 1];
            if j < e && is_name_word(p, j) {
                j += 1;
            } else if j < e
                && p.toks[j].first_char == '.'
                && (prev.caps == Caps::Single || prev.class & (lx::HONORIFIC | lx::TITLE) != 0)
                && j + 1 < e
                && is_name_word(p, j + 1)
            {
                j += 1; // the dot of an initial or of "Mr.", "Gen."
            } else if j + 1 < e && is_connector(p, j) && is_name_word(p, j + 1) {
                let w = p.lower(&p.toks[j]);
                // "and" joins two names unless inside an organisation's name; German articles
                // and "für" join only inside one ("Bundesamt für Verfassungsschutz").
                let weak = matches!(w, "and" | "y" | "und" | "e")
                    || (p.toks[j].lang == Lang::De
                        && matches!(w, "der" | "des" | "den" | "dem" | "für"));
                if weak && !has_class(p, i, j + 2, lx::ORG_HEAD | lx::LEGAL) {
                    break;
                }
                j += 2;
            } else if j + 2 < e
                && is_connector(p, j)
                && is_connector(p, j + 1)
                && is_name_word(p, j + 2)
                && !matches!(p.lower(&p.toks[j]), "and" | "y" | "und" | "e")
            {
                j += 3; // "Ministry of the Interior", "Universidad de la República"
            } else {
                break;
            }
        }
        // A title inside a chunk ends a name and starts a person: "NATO Secretary General Mark
        // Rutte" is an organisation, a title and a person.
        let mut k = i + 1;
        let mut split = None;
        while k < j {
            let t = &p.toks[k];
            let title = t.kind == Kind::Word && t.class & lx::TITLE != 0;
            let prev_title = p.toks[k - 1].class & (lx::TITLE | lx::HONORIFIC) != 0;
            if title
                && !prev_title
                && (k + 1..j).any(|m| is_name_word(p, m) && p.toks[m].class & lx::TITLE == 0)
            {
                split = Some(k);
                break;
            }
            k += 1;
        }
        if let Some(k) = split {
            classify(p, s, e, i, k, out);
            classify(p, s, e, k, j, out);
            i = j;
            continue;
        }
        classify(p, s, e, i, j, out);
        i = j;
    }
}

fn has_class(p: &Prepared, a: usize, b: usize, class: u32) -> bool {
    let b = b.min(p.toks.len());
    p.toks[a..b].iter().any(|t| t.kind == Kind::Word && t.class & class != 0)
}

fn classify(p: &Prepared, s: usize, e: usize, mut a: usize, b: usize, out: &mut Vec<RuleMention>) {
    let mut person_evidence = 0.0f32;
    // A title or context word just before the chunk.
    if a > s {
        let mut prev = &p.toks[a - 1];
        if prev.first_char == '.' && a > s + 1 {
            prev = &p.toks[a - 2];
        }
        if prev.class & (lx::TITLE | lx::HONORIFIC) != 0 {
            person_evidence += 1.0;
        }
    }
    // Cut titles, honorifics, adjectives and a sentence-initial "The" from the front.
    while a < b {
        let t = &p.toks[a];
        let w = p.lower(t);
        let whole_gaz = t.gaz & gazetteer::BEGIN != 0 && gaz_end(p, a) >= b;
        if whole_gaz {
            break;
        }
        if t.class & (lx::TITLE | lx::HONORIFIC) != 0 && a + 1 < b {
            person_evidence += 1.0;
            a += 1;
            if p.toks.get(a).is_some_and(|d| d.first_char == '.') && a < b {
                a += 1;
            }
            continue;
        }
        if gazetteer::is_adjective(t.gaz) && a + 1 < b {
            a += 1;
            continue;
        }
        if matches!(w, "the" | "el" | "la" | "los" | "las" | "der" | "die" | "das")
            && (t.sent_start || a + 1 == b)
        {
            a += 1;
            continue;
        }
        break;
    }
    if a >= b {
        return;
    }
    // Trailing connector or dot.
    let mut b = b;
    while b > a + 1 && (is_connector(p, b - 1) || p.toks[b - 1].kind == Kind::Punct) {
        if p.toks[b - 1].first_char == '.' && p.toks[b - 2].caps == Caps::Single {
            break;
        }
        b -= 1;
    }
    let t0 = &p.toks[a];
    let words = p.toks[a..b].iter().filter(|t| t.kind == Kind::Word).count();
    if words == 1 && gazetteer::is_adjective(t0.gaz) {
        return; // "Venezuelan": an adjective, not a mention of the country.
    }
    if words == 1 && t0.class & (lx::TITLE | lx::HONORIFIC | lx::STOP) != 0 {
        return;
    }
    // German capitalises every noun: one unknown capitalised word is a name only when the text
    // treats it as one somewhere (after a title or an initial, before a speech verb, next to
    // another name).
    let name_evidence = doc::AFTER_TITLE | doc::AFTER_INITIAL | doc::BEFORE_SPEECH | doc::AFTER_CAP;
    if words == 1
        && t0.lang == Lang::De
        && t0.gaz == 0
        && person_evidence == 0.0
        && t0.caps == Caps::Title
        && t0.doc & name_evidence == 0
        && t0.class & (lx::ORG_HEAD | lx::LOC_HEAD) == 0
    {
        return;
    }
    let next = p.toks.get(b).filter(|_| b < e);
    let prev = (a > s).then(|| &p.toks[a - 1]);
    let gaz = (t0.gaz & gazetteer::BEGIN != 0 && gaz_end(p, a) == b).then_some(t0.gaz & 0x0f);
    let (kind, confidence) = if let Some(g) = gaz {
        match g {
            gazetteer::COUNTRY => (EntityType::Country, 0.95),
            gazetteer::PLACE => (EntityType::Place, 0.9),
            _ => (EntityType::Organization, 0.9),
        }
    } else if has_class(p, a, b, lx::ORG_HEAD | lx::LEGAL) {
        (EntityType::Organization, 0.8)
    } else if has_class(p, a, b, lx::EVENT_HEAD) {
        (EntityType::Event, 0.7)
    } else if has_class(p, a, b, lx::LOC_HEAD) {
        (EntityType::Place, 0.8)
    } else if person_evidence > 0.0 {
        (EntityType::Person, 0.85)
    } else if words == 1 && t0.caps == Caps::Upper {
        (EntityType::Organization, 0.6)
    } else if next.is_some_and(|n| n.class & lx::SPEECH != 0) {
        (EntityType::Person, 0.7)
    } else if words == 1 && prev.is_some_and(|pv| pv.class & lx::LOC_PREP != 0) {
        (EntityType::Place, 0.55)
    } else if words == 1
        && t0.doc & doc::AFTER_LOC_PREP != 0
        && t0.doc & (doc::AFTER_TITLE | doc::BEFORE_SPEECH | doc::AFTER_CAP) == 0
    {
        (EntityType::Place, 0.5)
    } else if (2..=4).contains(&words)
        && p.toks[a..b].iter().all(|t| t.kind != Kind::Word || t.caps.is_capitalised())
    {
        (EntityType::Person, 0.6)
    } else {
        (EntityType::Person, 0.4)
    };
    out.push(RuleMention { a, b, kind, confidence });
}

/// The end of the gazetteer match starting at `a`.
fn gaz_end(p: &Prepared, a: usize) -> usize {
    let g = p.toks[a].gaz & 0x0f;
    let mut j = a + 1;
    while j < p.toks.len()
        && p.toks[j].gaz & 0x0f == g
        && p.toks[j].gaz & gazetteer::BEGIN == 0
        && g != 0
    {
        j += 1;
    }
    j
}

/// Rule mentions as decoder mentions (for the shared corrections).
pub fn to_found(m: &RuleMention) -> Found {
    Found::new(m.a, m.b, m.kind, m.confidence)
}
