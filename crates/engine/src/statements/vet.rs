//! Vetting: which drafts are statements at all, and how sure each attribution is.
//!
//! The attribution rules (`attribution`) find every place a cue, a speaker and a content could
//! be; this pass applies what a statement must be, whatever rule produced it. Each rule states a
//! fact about how news is written, and has a case in `tests/fixtures/statements/precision.txt`:
//!
//! 1. **The author's own voice is nobody's statement.** A first-person pronoun or possessive as
//!    the speaker, or right before the cue, outside a quotation ("As we pointed out", "I have
//!    argued", "наши читатели знали"), is the writer speaking.
//! 2. **An impersonal aside is the author's.** A modal or impersonal word right before the cue
//!    with no one named ("Нужно сказать, что", "Варто зазначити", "It is worth noting") frames the
//!    writer's own remark.
//! 3. **A demonstrative stands for a clause, not a speaker**: "This shows that…", "Это означает".
//! 4. **The content says something.** A quotation of one or two words with no punctuation of
//!    its own is a scare quote or a quoted term (a label, which the framing table reads); a
//!    reported content of one word ("ответил ему", "answered them") says nothing.
//! 5. **A noun is no cue.** In English, a cue in a form shared with a noun ("claims", "remarks",
//!    "tweets", "plan"), right after a determiner, a possessive, a preposition or an adjective,
//!    is that noun.
//!
//! 6. **What was not said is no statement**: a negated cue ("did not mention", "не визнав").
//! 7. **The speaker of a verb is its subject**, in the nominative where the language has case:
//!    a person named only in another case ("Путину сообщили") is no speaker.
//! 8. **An object relative is the cue's object**: "whom X referred to", "what he said".
//!
//! A reported content with no sign of a clause (English: no complementiser, colon, quotation or
//! finite verb: "described the regime", "announced his resignation") is kept at low confidence
//! ([`weak_content`]): it may be a claim in a noun phrase, or only a topic.
//!
//! Confidence (see [`parallax_model::Confidence`]) is decided after speakers are resolved
//! (`super::Resolver`), from how the speaker was reached and whether the content is marked as
//! speech (a quotation, a complementiser, a colon) or only follows the cue.

use super::attribution::{is_determiner, Doc, Draft, Written};
use super::lexicon::Lexicon;
use super::scan::Kind;
use parallax_model::{Span, StatementForm};

/// Whether a draft is a statement (rules 1–5 above).
pub(crate) fn keep(doc: &Doc, d: &Draft) -> bool {
    let lex = doc.lex_of(d.sentence);
    let (ca, _) = tokens(doc, d.cue);
    !(author_voice(doc, d, ca, lex)
        || aside(doc, d, ca, lex)
        || demonstrative(doc, d, lex)
        || !content_is_clause(doc, d)
        || noun_cue(doc, d, ca, lex)
        || negated(doc, ca, lex)
        || oblique_speaker(doc, d, ca, lex)
        || object_relative(doc, d, lex))
}

/// Rule 8: in English, a speaker right after an object relative pronoun ("the slaves, whom
/// Anna Hale referred to", "the plan which the mayor announced", "what he said") has the
/// pronoun as the cue's object: what was said is not in the sentence.
fn object_relative(doc: &Doc, d: &Draft, lex: &Lexicon) -> bool {
    let Some(s) = d.speaker.filter(|_| lex.ly_adverbs && d.written == Written::Phrase) else {
        return false;
    };
    let (a, _) = tokens(doc, s);
    a.checked_sub(1)
        .and_then(|p| doc.toks.get(p))
        .is_some_and(|t| matches!(t.lower.as_ref(), "whom" | "which" | "what"))
}

/// Rule 7: in a language with case (ru, uk, pl) the subject of a speech verb is in the
/// nominative: a speaker phrase whose only names are people in another case, with no group,
/// outlet or document noun, names no speaker ("заявления кандидата Дональда Трампа говорят",
/// "Путину сообщили"). Names are compared with their lemma, which the entity stage gives in the
/// nominative.
fn oblique_speaker(doc: &Doc, d: &Draft, ca: usize, lex: &Lexicon) -> bool {
    use parallax_model::{EntityType, Lang};
    if !matches!(lex.lang, Some(Lang::Ru | Lang::Uk | Lang::Pl)) || d.written != Written::Phrase {
        return false;
    }
    let Some(s) = d.speaker else { return false };
    if !doc.starts(ca, lex, |p| p.role.is_verb()) {
        return false;
    }
    let (a, b) = tokens(doc, s);
    if (a..b).any(|i| {
        let w = doc.toks[i].lower.as_ref();
        lex.group_nouns.contains(w)
            || lex.outlet_nouns.contains(w)
            || lex.document_nouns.contains(w)
    }) {
        return false;
    }
    let mentions: Vec<&parallax_model::Mention> =
        doc.ents.mentions.iter().filter(|m| s.start <= m.start && m.end <= s.end).collect();
    !mentions.is_empty()
        && mentions.iter().all(|m| m.kind == EntityType::Person && oblique_name(doc, m))
}

/// Whether a mention of a name is in an oblique case: the article names the same person in
/// another form of as many words, which the entity stage chose as the base form ("Дональда
/// Трампа" when "Дональд Трамп" is used too), or its last word ends as only oblique cases of
/// names do (-ого, -ому, -ым, -ою, -ом: genitive, dative, instrumental). Indeclinable names
/// (Шойгу, Саакашвили) and forms that could be nominative (-а: Иванова) are never oblique.
pub(crate) fn oblique_name(doc: &Doc, m: &parallax_model::Mention) -> bool {
    let text = doc.text.get(m.start..m.end).unwrap_or_default();
    let cyrillic = |x: &str| x.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    if let Some(c) = doc.ents.clusters.get(m.cluster) {
        let words = |x: &str| x.split_whitespace().count();
        if cyrillic(&c.name)
            && words(&c.name) == words(text)
            && crate::text::fold_name(&c.name) != crate::text::fold_name(text)
        {
            return true;
        }
    }
    let last = text.split_whitespace().last().unwrap_or_default().to_lowercase();
    cyrillic(&last)
        && ["ого", "его", "ому", "ему", "ым", "ою", "ею", "ом", "ем", "ові", "еві"]
            .iter()
            .any(|e| last.ends_with(e) && last.chars().count() > e.chars().count() + 2)
}

/// Rule 6: a negated cue ("did not say", "hasn't mentioned", "не заявив", "hat nicht gesagt")
/// reports what was not said.
fn negated(doc: &Doc, ca: usize, lex: &Lexicon) -> bool {
    (1..=3)
        .map_while(|k| ca.checked_sub(k).and_then(|i| doc.toks.get(i)).filter(|t| t.is_word()))
        .any(|t| {
            let w = t.lower.as_ref();
            lex.negations.contains(w) || w.ends_with("n't") || w.ends_with("n’t")
        })
}

/// Whether the content of a kept draft is not shown to be a clause: in English, an object
/// after the cue, with no complementiser, colon or quotation, that opens with a preposition (a
/// topic: "talked about the stock market") or has no finite verb in its first clause
/// ("described the regime in a speech", "announced his resignation", "promising to lift the
/// rules"). Such a statement is kept, with low confidence: it may report a claim in a noun
/// phrase, or only name a topic.
pub(crate) fn weak_content(doc: &Doc, d: &Draft) -> bool {
    let lex = doc.lex_of(d.sentence);
    let (a, _) = tokens(doc, d.content);
    let topic = doc.toks.get(a).is_some_and(|t| lex.boundaries.contains(t.lower.as_ref()));
    d.form != StatementForm::Direct
        && lex.ly_adverbs
        && !marked(doc, d)
        && (topic || !english_finite(doc, d, lex))
}

/// The token range `a..b` covering a span.
fn tokens(doc: &Doc, s: Span) -> (usize, usize) {
    let a = doc.toks.partition_point(|t| t.start < s.start);
    let b = doc.toks.partition_point(|t| t.start < s.end);
    (a, b)
}

fn has_mention(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b).any(|i| doc.mention_at.get(i).copied().flatten().is_some())
}

/// Up to three word tokens right before the cue, nearest first, stopping at punctuation.
fn before_cue(doc: &Doc, ca: usize, lex: &Lexicon) -> Vec<usize> {
    let mut out = vec![];
    let mut k = ca;
    while k > 0 && out.len() < 3 {
        k -= 1;
        let Some(t) = doc.toks.get(k) else { break };
        if !t.is_word() || doc.in_quote.get(k).copied().flatten().is_some() {
            break;
        }
        if lex.is_filler(&t.lower) && out.is_empty() {
            continue;
        }
        out.push(k);
    }
    out
}

/// Rule 1: the writer speaking in the first person.
fn author_voice(doc: &Doc, d: &Draft, ca: usize, lex: &Lexicon) -> bool {
    let first = |i: usize| {
        doc.toks.get(i).is_some_and(|t| lex.first_person.contains(t.lower.as_ref()))
            && doc.in_quote.get(i).copied().flatten().is_none()
            && doc.mention_at.get(i).copied().flatten().is_none()
    };
    if let Some(s) = d.speaker.filter(|_| !matches!(d.written, Written::SameAs(_))) {
        let (a, b) = tokens(doc, s);
        if !has_mention(doc, a, b) && (a..b).any(first) {
            return true;
        }
    }
    before_cue(doc, ca, lex).into_iter().take(2).any(first)
}

/// Rule 2: "Нужно сказать, что…", "It is worth noting that…".
fn aside(doc: &Doc, d: &Draft, ca: usize, lex: &Lexicon) -> bool {
    let named = d.speaker.is_some_and(|s| {
        let (a, b) = tokens(doc, s);
        has_mention(doc, a, b)
    });
    !named
        && before_cue(doc, ca, lex)
            .into_iter()
            .any(|i| lex.impersonal_modals.contains(doc.toks[i].lower.as_ref()))
}

/// Rule 3: a lone demonstrative as the speaker, or a speaker phrase of function words only
/// ("как того требует", "тому же"): no one is named.
fn demonstrative(doc: &Doc, d: &Draft, lex: &Lexicon) -> bool {
    let Some(s) = d.speaker.filter(|_| d.written == Written::Phrase) else { return false };
    let (a, b) = tokens(doc, s);
    let lone = b == a + 1 && lex.demonstratives.contains(doc.toks[a].lower.as_ref());
    let empty = b > a
        && (a..b).all(|i| {
            let w = doc.toks[i].lower.as_ref();
            !doc.toks[i].is_word()
                || ((lex.function_words.contains(w)
                    || lex.demonstratives.contains(w)
                    || lex.relatives.contains(w))
                    && !lex.pronouns.contains_key(w)
                    && doc.mention_at.get(i).copied().flatten().is_none())
        });
    lone || empty
}

/// Rule 4: the content says something: a quotation of three words or more, or one with
/// punctuation of its own (else a scare quote or a quoted term, which the framing table reads as
/// a label), and a reported content of two words or more.
fn content_is_clause(doc: &Doc, d: &Draft) -> bool {
    let text = d.content.text(doc.text).unwrap_or_default();
    let words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    let own_punct = text.trim_end_matches(|c: char| c.is_whitespace() || is_quote_mark(c));
    let own_punct = own_punct.chars().any(|c| matches!(c, ',' | '.' | '!' | '?' | '…' | ';' | ':'));
    match d.form {
        StatementForm::Direct => words >= 3 || own_punct,
        _ => words >= 2,
    }
}

/// Rule 5: in English a cue written like a noun — a present form in -s or a bare form, right
/// after a determiner, a possessive, a preposition or a word with an adjective's ending ("his
/// late-night tweets", "medical claims", "the Republican plan", "disparaging remarks") — is the
/// noun, and the word before it no speaker. Group nouns ("the spokesman says") are subjects.
fn noun_cue(doc: &Doc, d: &Draft, ca: usize, lex: &Lexicon) -> bool {
    if !lex.ly_adverbs || d.cue.end > doc.toks.get(ca).map_or(0, |t| t.end) {
        return false;
    }
    let cue = doc.toks[ca].lower.as_ref();
    let bare = cue == d.lemma || (cue.ends_with('s') && !cue.ends_with("ss"));
    let Some(prev) = ca.checked_sub(1).and_then(|p| doc.toks.get(p)) else { return false };
    if !bare || !prev.is_word() || doc.mention_at.get(ca - 1).copied().flatten().is_some() {
        return false;
    }
    let w = prev.lower.as_ref();
    if lex.group_nouns.contains(w) || lex.pronouns.contains_key(w) || lex.is_filler(w) {
        return false;
    }
    let adjective = w.contains('-')
        || ADJECTIVE_ENDINGS.iter().any(|e| w.len() > e.len() + 2 && w.ends_with(e));
    // After a determiner, a possessive, a preposition or a quantifier a word is a noun ("that"
    // may open a relative clause whose verb the cue is; "and" a coordinated verb).
    let marker = (is_determiner(w) && w != "that")
        || matches!(w, "of" | "for" | "with" | "in" | "on" | "by" | "about")
        || matches!(w, "such" | "many" | "several" | "some" | "new");
    marker || adjective
}

/// English adjective endings (derivational suffixes): -al, -ic, -ive, -ous, -ful, -ary, -ing.
const ADJECTIVE_ENDINGS: &[&str] = &["al", "ical", "ic", "ive", "ous", "ful", "ary", "ing", "ican"];

fn is_quote_mark(c: char) -> bool {
    super::scan::is_quote_char(c)
}

/// Whether a reported content is marked as speech: it opens with a complementiser, after a
/// colon or a quotation mark, or it stands before its cue (an inverted frame: "…, X said").
pub(crate) fn marked(doc: &Doc, d: &Draft) -> bool {
    if d.content.end <= d.cue.start {
        return true;
    }
    let (a, _) = tokens(doc, d.content);
    let lex = doc.lex_of(d.sentence);
    let prev = a.checked_sub(1).and_then(|p| doc.toks.get(p));
    let first_is_comp = doc.starts(a, lex, |p| p.role == super::lexicon::Role::Complementizer);
    first_is_comp
        || doc.toks.get(a).is_some_and(|t| t.kind == Kind::Quote)
        || prev.is_some_and(|t| {
            matches!(t.kind, Kind::Punct(':') | Kind::Quote)
                || doc.starts(a - 1, lex, |p| p.role == super::lexicon::Role::Complementizer)
        })
}

/// English: whether the first clause of a content that follows its cue holds a finite verb — an
/// auxiliary, a modal, a past form, a present form in -s after its subject, or a word after a
/// plural subject.
fn english_finite(doc: &Doc, d: &Draft, lex: &Lexicon) -> bool {
    let (a, b) = tokens(doc, d.content);
    let mut prev_subject = false;
    let mut prev_plural = false;
    for i in a..b {
        let t = &doc.toks[i];
        match t.kind {
            Kind::Punct(',' | ';' | ':') | Kind::Dash => break,
            Kind::Word => {}
            _ => continue,
        }
        let w = t.lower.as_ref();
        let after_determiner = i > a && is_determiner(&doc.toks[i - 1].lower);
        if EN_FINITE.contains(&w)
            || (w.len() > 3 && w.ends_with("ed") && !after_determiner)
            || w.ends_with("n't")
            || (prev_subject && w.len() > 2 && w.ends_with('s') && !w.ends_with("ss"))
            || (prev_plural
                && !t.cap
                && !lex.function_words.contains(w)
                && !lex.boundaries.contains(w)
                && !lex.is_filler(w))
        {
            return true;
        }
        prev_plural = matches!(w, "they" | "we" | "you" | "i" | "who")
            || (i > a && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !t.cap);
        prev_subject = t.cap
            || doc.mention_at.get(i).copied().flatten().is_some()
            || matches!(w, "he" | "she" | "it" | "that" | "this" | "who" | "which");
    }
    false
}

/// English finite auxiliaries, modals and the commonest irregular past forms: the words that show
/// a clause where no "that" marks it.
const EN_FINITE: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "am",
    "be",
    "been",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "won't",
    "'s",
    "'re",
    "'ll",
    "'d",
    "began",
    "became",
    "brought",
    "bought",
    "built",
    "came",
    "chose",
    "drew",
    "drove",
    "fell",
    "felt",
    "fled",
    "flew",
    "forgot",
    "fought",
    "found",
    "gave",
    "got",
    "grew",
    "heard",
    "held",
    "hid",
    "hit",
    "hurt",
    "kept",
    "knew",
    "led",
    "left",
    "lent",
    "let",
    "lost",
    "made",
    "meant",
    "met",
    "paid",
    "put",
    "quit",
    "ran",
    "rang",
    "rose",
    "said",
    "sank",
    "saw",
    "sent",
    "set",
    "shot",
    "shut",
    "sold",
    "sought",
    "spent",
    "split",
    "spoke",
    "spread",
    "stood",
    "stole",
    "struck",
    "swore",
    "took",
    "taught",
    "thought",
    "threw",
    "told",
    "understood",
    "went",
    "woke",
    "won",
    "wore",
    "wrote",
    "need",
    "needs",
    "want",
    "wants",
];
