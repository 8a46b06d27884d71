//! Finding attributions: which words are a cue, where its speaker and its content are.
//!
//! The rules read tokens (see [`super::scan`]) sentence by sentence, with quotations treated as
//! opaque units, and produce [`Draft`]s: spans of speaker, cue, content and addressee, with the
//! facts speaker resolution needs later (a pronoun's gender from the verb, a relative pronoun's
//! antecedent, the statement a coordinated verb shares its subject with).
//!
//! 1. **Quotations** first. A quotation is direct speech when a cue stands right after it
//!    (`"…," he said`, `«…», — заявив X`, `"…", - сказала глава`, `“…” Crane said.`) or right
//!    before it (`X said: "…"`, `X заявив: «…»`, `X said that “…”` when the quotation is the
//!    whole clause).
//! 2. **Verb cues** (say, deny, заявити, сообщить...). The speaker is the noun phrase before the
//!    verb, read backwards to a clause boundary over adverbs and auxiliaries ("Moreno earlier
//!    said"); the content is the clause after it, from a complementiser ("that", "що", "что") or,
//!    without one, from the verb ("Crane said Russia..."), to the end of the clause (the sentence,
//!    a semicolon, a trailing attribution frame such as ", пише агентство Bloomberg", or a verb
//!    coordinated with the cue: "denies X and claims Y"). When nothing but an addressee or an
//!    adverbial follows the verb, the statement is inverted and its content is what precedes the
//!    comma: "…, Kremlin Spokesman Dmitry Bereskov told TASS", "…, заявив X", "…, said X".
//!    A parenthetical frame ("as the Post reported, …", "як зазначається в документах, …") makes
//!    the main clause the content; "про це повідомляє X" / "об этом сообщает X" points back to
//!    the previous sentence.
//! 3. **Source phrases** ("according to X", "за словами X", "по словам X", "laut X", "según X")
//!    before or after the clause they attribute.
//! 4. **Impersonal cues** ("у документах ідеться, що", "в докладе говорится") take the text
//!    named with "в/у/in" as speaker.
//!
//! Stance verbs (accuse, criticise) need a named speaker or a pronoun as subject; belief verbs
//! (believe, show) need a clause after them. A reported clause holding a quotation is a *mixed*
//! statement.

use super::lexicon::{Gender, Lexicon, Role};
use super::scan::{Kind, Quote, Token};
use parallax_model::{DocEntities, EntityType, Span, StatementForm};

/// A cue found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    /// Token range of the phrase.
    pub a: usize,
    pub b: usize,
    pub role: Role,
    pub lemma: &'static str,
    pub sentence: usize,
}

/// How a speaker was written, for resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Written {
    /// A noun phrase.
    Phrase,
    /// A personal pronoun of this gender.
    Pronoun(Gender),
    /// A relative pronoun whose antecedent is this span ("Crane, who said").
    Relative(Option<Span>),
    /// The subject of the statement at this index (a coordinated verb: "denies X and claims Y").
    SameAs(usize),
}

/// A statement before its speaker is resolved.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub form: StatementForm,
    pub speaker: Option<Span>,
    pub written: Written,
    pub cue: Span,
    pub lemma: String,
    pub content: Span,
    pub addressee: Option<Span>,
    pub sentence: usize,
    /// The speaker's gender as the verb shows it (Slavic past tense).
    pub gender: Option<Gender>,
    /// Sources named by a citing phrase or an agent phrase in the frame: "citing documents",
    /// "obtained by WP" (nearest first).
    pub citing: Vec<Span>,
}

/// Everything the rules read.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Token<'a>>,
    /// Token range of each sentence (clipped to its paragraph).
    pub sent: Vec<(usize, usize)>,
    /// The lexicon of each sentence's language.
    pub lex: Vec<&'static Lexicon>,
    /// The paragraph (index) of each sentence.
    pub para: Vec<usize>,
    /// Top-level quotations, and for each token the quotation (index) it lies inside.
    pub quotes: Vec<Quote>,
    pub in_quote: Vec<Option<usize>>,
    /// For each token, the mention covering it.
    pub mention_at: Vec<Option<usize>>,
    pub ents: &'a DocEntities,
}

impl Doc<'_> {
    fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_ref())
    }

    fn tok(&self, i: usize) -> Option<&Token<'_>> {
        self.toks.get(i)
    }

    fn span(&self, a: usize, b: usize) -> Span {
        match (self.toks.get(a), b.checked_sub(1).and_then(|k| self.toks.get(k))) {
            (Some(x), Some(y)) if b > a => Span::new(x.start, y.end),
            _ => Span::new(0, 0),
        }
    }

    pub(crate) fn lex_of(&self, sentence: usize) -> &'static Lexicon {
        self.lex
            .get(sentence)
            .copied()
            .unwrap_or_else(|| super::lexicon::lexicon(parallax_model::Lang::En))
    }

    /// Whether a phrase of the lexicon for which `pred` holds starts at token `i` (all its
    /// words present).
    pub(crate) fn starts(
        &self,
        i: usize,
        lex: &Lexicon,
        pred: impl Fn(&super::lexicon::Phrase) -> bool,
    ) -> bool {
        lex.phrases.get(self.lower(i)).is_some_and(|ps| {
            ps.iter().any(|p| {
                pred(p) && p.rest.iter().enumerate().all(|(j, w)| self.lower(i + 1 + j) == w)
            })
        })
    }

    /// Whether token `i` is a sentence-final mark.
    fn is_final(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| matches!(t.kind, Kind::Punct('.' | '!' | '?' | '…')))
    }

    /// Whether token `i` is clause punctuation: , ; : ( ) [ ].
    fn is_clause_punct(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            matches!(t.kind, Kind::Punct(',' | ';' | ':' | '(' | ')' | '[' | ']' | '!' | '?'))
        })
    }

    fn is_dash(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Dash)
    }

    fn is_quote(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Quote)
    }

    fn mention_kind(&self, i: usize) -> Option<EntityType> {
        self.mention_at
            .get(i)
            .copied()
            .flatten()
            .and_then(|m| self.ents.mentions.get(m))
            .map(|m| m.kind)
    }

    /// Whether tokens `a..b` hold something a speaker can be: a name, a pronoun, a capitalised
    /// word, or a word that is not a function word.
    fn is_nominal(&self, a: usize, b: usize, lex: &Lexicon) -> bool {
        (a..b).any(|i| {
            let Some(t) = self.tok(i) else { return false };
            t.kind == Kind::Word
                && (self.mention_at.get(i).copied().flatten().is_some()
                    || lex.pronouns.contains_key(t.lower.as_ref())
                    || t.cap
                    || !(lex.function_words.contains(t.lower.as_ref())
                        || lex.is_filler(&t.lower)
                        || lex.boundaries.contains(t.lower.as_ref())))
        })
    }
}

/// Finds every cue of the document (outside quotations).
pub(crate) fn find_cues(doc: &Doc) -> Vec<Cue> {
    let mut out = vec![];
    for (s, &(a, b)) in doc.sent.iter().enumerate() {
        let lex = doc.lex_of(s);
        let mut i = a;
        while i < b {
            if doc.in_quote.get(i).copied().flatten().is_some() || !doc.toks[i].is_word() {
                i += 1;
                continue;
            }
            let mut matched = None;
            if let Some(list) = lex.phrases.get(doc.lower(i)) {
                for p in list {
                    let n = p.rest.len();
                    if i + 1 + n <= b
                        && p.rest.iter().enumerate().all(|(k, w)| doc.lower(i + 1 + k) == w)
                    {
                        matched = Some((i + 1 + n, p.role, p.lemma));
                        break;
                    }
                }
            }
            match matched {
                Some((end, role, lemma)) => {
                    let t = &doc.toks[i];
                    // A capitalised verb inside a sentence is a name ("Russian State Duma"); so
                    // is any word inside a mention.
                    let named = role.is_verb()
                        && (t.cap && i > a || doc.mention_at.get(i).copied().flatten().is_some());
                    // After an article, a possessive or a number a verb form is a noun: "the
                    // states", "its report", "Crane’s claims", "two notes".
                    let noun = role.is_verb()
                        && i > a
                        && doc.tok(i - 1).is_some_and(|p| {
                            p.kind == Kind::Number
                                || matches!(
                                    p.lower.as_ref(),
                                    "the"
                                        | "a"
                                        | "an"
                                        | "his"
                                        | "her"
                                        | "its"
                                        | "their"
                                        | "our"
                                        | "my"
                                        | "your"
                                        | "every"
                                        | "each"
                                        | "several"
                                        | "no"
                                )
                                || p.lower.ends_with("'s")
                                || p.lower.ends_with("’s")
                        });
                    let named = named || noun;
                    if !named {
                        out.push(Cue { a: i, b: end, role, lemma, sentence: s });
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    // A noun that is also a verb, right before a verb cue ("the report saying that"): the
    // second is the cue.
    let mut keep = vec![true; out.len()];
    for k in 1..out.len() {
        let (p, c) = (&out[k - 1], &out[k]);
        if p.role.is_verb() && c.role.is_verb() && p.b == c.a && p.b - p.a == 1 {
            keep[k - 1] = false;
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    out
}

/// Where a speaker phrase before a cue begins, and what stopped it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// The sentence's start.
    Start,
    /// Clause punctuation (a comma, a colon, a dash) or a closing quotation mark.
    Punct,
    /// A word: a conjunction, a preposition, a complementiser.
    Word,
    /// A relative pronoun (its token).
    Relative(usize),
}

/// The noun phrase right before token `end` (the cue), back to a clause boundary: its token range
/// (fillers between it and the cue excluded) and what stopped it.
fn left_np(doc: &Doc, sent_a: usize, end: usize, lex: &Lexicon) -> (usize, usize, Stop) {
    let mut b = end;
    // Fillers and auxiliaries next to the cue; a word in -ly after a determiner is a noun
    // ("the family said", "his ally said"), not an adverb.
    while b > sent_a
        && doc.tok(b - 1).is_some_and(|t| t.is_word() && lex.is_filler(&t.lower))
        && !(b >= sent_a + 2 && is_determiner(doc.lower(b - 2)))
    {
        b -= 1;
    }
    let mut a = b;
    let mut paren = false;
    while a > sent_a {
        let i = a - 1;
        let t = &doc.toks[i];
        if doc.in_quote.get(i).copied().flatten().is_some() {
            return (a, b, Stop::Punct);
        }
        match t.kind {
            Kind::Punct(')') if !paren => {
                paren = true;
                a = i;
                continue;
            }
            Kind::Punct('(') if paren => {
                paren = false;
                a = i;
                continue;
            }
            _ if paren => {
                if b - i > 8 {
                    return (a, b, Stop::Punct);
                }
                a = i;
                continue;
            }
            Kind::Punct('.') => {
                // An abbreviation's dot inside the sentence ("Oct. 31", "U.S.").
                a = i;
                continue;
            }
            Kind::Punct('\'' | '’') | Kind::Punct('&') => {
                a = i;
                continue;
            }
            Kind::Punct(_) | Kind::Dash | Kind::Quote => return (a, b, Stop::Punct),
            Kind::Word | Kind::Number => {}
        }
        let w = t.lower.as_ref();
        if lex.relatives.contains(w) && a == b {
            // "who said": the relative pronoun is the speaker as written.
            return (i, b, Stop::Relative(i));
        }
        let in_mention = doc.mention_at.get(i).copied().flatten().is_some();
        let complementizer = lex.phrases.get(w).is_some_and(|ps| {
            ps.iter().any(|p| p.rest.is_empty() && p.role == Role::Complementizer)
        });
        // A verb form is a noun right before the cue ("the report saying") or after a
        // determiner ("a statement"); otherwise it is another clause's verb.
        let verb = lex
            .phrases
            .get(w)
            .is_some_and(|ps| ps.iter().any(|p| p.rest.is_empty() && p.role.is_verb()))
            && a != b
            && !(i > sent_a && is_determiner(doc.lower(i - 1)));
        if !in_mention && (lex.boundaries.contains(w) || complementizer || verb) {
            return (a, b, Stop::Word);
        }
        a = i;
        if b - a > 12 {
            break;
        }
    }
    (a, b, if a == sent_a { Stop::Start } else { Stop::Word })
}

/// An English subject with modifiers that `left_np` cut at a preposition or a conjunction: the whole
/// stretch from the sentence's start to the cue is one noun phrase when it holds no verb, no
/// complementiser and no punctuation, and its head (the words before the first preposition)
/// names someone — a name, a group noun, an outlet or a document, or in English a plural noun
/// ("Experts on trade and shipping said", "Lawyers for the family said", "Dorsey on Tuesday
/// said"). Returns where the subject starts.
fn whole_subject(
    doc: &Doc,
    sa: usize,
    la: usize,
    lb: usize,
    stop: Stop,
    lex: &Lexicon,
) -> Option<usize> {
    // English only: the verbs that would show a clause are told by their endings there.
    if !lex.ly_adverbs || stop != Stop::Word || la <= sa || lb - sa > 10 {
        return None;
    }
    let w = |i: usize| doc.lower(i);
    let verbish = |i: usize| {
        doc.starts(i, lex, |p| p.role.is_verb() || p.role == Role::Complementizer)
            || lex.relatives.contains(w(i))
            || w(i).ends_with("ed")
            || w(i).ends_with("ing")
    };
    let clean = (sa..lb).all(|i| {
        doc.toks[i].is_word() && doc.in_quote.get(i).copied().flatten().is_none() && !verbish(i)
    });
    if !clean || lex.boundaries.contains(w(sa)) || lex.is_filler(w(sa)) {
        return None;
    }
    let head_end = (sa..la).find(|&i| lex.boundaries.contains(w(i)))?;
    let names = (sa..head_end).any(|i| {
        doc.mention_at.get(i).copied().flatten().is_some()
            || lex.group_nouns.contains(w(i))
            || lex.outlet_nouns.contains(w(i))
            || lex.document_nouns.contains(w(i))
            || (w(i).len() > 4 && w(i).ends_with('s') && !w(i).ends_with("ss"))
    });
    (names && head_end > sa).then_some(sa)
}

/// Trims a speaker phrase: leading fillers and connectives; and when it names a person, the
/// words around the name that are not the person's title (`"З моменту повернення до влади
/// президент США Крейн"` → `"президент США Крейн"`).
fn trim_speaker(doc: &Doc, a: usize, b: usize, lex: &Lexicon) -> (usize, usize) {
    let mut a = a;
    while a < b
        && doc.tok(a).is_some_and(|t| {
            lex.is_filler(&t.lower)
                || t.kind == Kind::Punct(',')
                || (lex.function_words.contains(t.lower.as_ref())
                    && !is_determiner(&t.lower)
                    && !lex.pronouns.contains_key(t.lower.as_ref())
                    && doc.mention_at.get(a).copied().flatten().is_none())
        })
    {
        a += 1;
    }
    // The last person named in the phrase, with a descriptor written right before it.
    let last_person = (a..b).rev().find(|&i| doc.mention_kind(i) == Some(EntityType::Person));
    if let Some(p) = last_person {
        let m = doc.mention_at[p].and_then(|m| doc.ents.mentions.get(m));
        if let Some(m) = m {
            let mut start = m.start;
            for d in &doc.ents.descriptors {
                if d.end <= m.start && d.start >= doc.toks[a].start && m.start - d.end <= 2 {
                    start = start.min(d.start);
                }
            }
            // Capitalised words right before the name belong to its title ("President Barack").
            let mut k = (a..b).find(|&i| doc.toks[i].start >= start).unwrap_or(a);
            while k > a && doc.tok(k - 1).is_some_and(|t| t.cap && t.kind == Kind::Word) {
                k -= 1;
            }
            let end = (a..b).find(|&i| doc.toks[i].start >= m.end).unwrap_or(b);
            if end > k {
                return (k, end);
            }
        }
    }
    (a, b)
}

/// Determiners and possessives that belong to a speaker phrase ("the newspaper", "his aide").
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "that"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "der"
            | "die"
            | "das"
            | "el"
            | "la"
            | "los"
            | "las"
            | "le"
            | "les"
            | "il"
            | "lo"
            | "gli"
            | "o"
            | "os"
            | "as"
            | "de"
            | "het"
    )
}

/// The noun phrase after token `start` up to clause punctuation, a date, a complementiser, or a
/// preposition once a name has been seen (a preposition before any name is crossed: "посол США
/// у Венесуелі Джеймс Толбі").
fn right_np(doc: &Doc, start: usize, sent_b: usize, lex: &Lexicon) -> (usize, usize) {
    let mut i = start;
    let mut person_seen = false;
    while i < sent_b && i < start + 12 {
        let t = &doc.toks[i];
        match t.kind {
            Kind::Word => {}
            Kind::Punct('.') if i + 1 < sent_b => {
                // A dot inside the sentence (the segmenter did not end it there): an
                // abbreviation ("Dr. Harold Varmus", "U.S. officials").
                i += 1;
                continue;
            }
            Kind::Punct('(') => {
                // "the Washington Post (WP)".
                if let Some(close) = (i + 1..sent_b.min(i + 5)).find(|&k| doc.toks[k].is_punct(')'))
                {
                    i = close + 1;
                    continue;
                }
                break;
            }
            _ => break,
        }
        let w = t.lower.as_ref();
        let in_mention = doc.mention_at.get(i).copied().flatten().is_some();
        if !in_mention {
            if doc.starts(i, lex, |p| {
                matches!(
                    p.role,
                    Role::Complementizer | Role::Citing | Role::Agent | Role::AddresseePhrase
                ) || p.role.is_verb()
            }) && i > start
            {
                break;
            }
            if lex.boundaries.contains(w) || lex.relatives.contains(w) {
                let person_ahead = (i + 1..sent_b.min(i + 5))
                    .take_while(|&k| doc.toks[k].kind == Kind::Word)
                    .any(|k| doc.mention_kind(k) == Some(EntityType::Person));
                if person_seen || !person_ahead || i == start {
                    break;
                }
            }
        }
        if doc.mention_kind(i) == Some(EntityType::Person) || lex.pronouns.contains_key(w) {
            person_seen = true;
        }
        i += 1;
    }
    let mut b = i;
    while b > start && doc.tok(b - 1).is_some_and(|t| !t.is_word()) {
        b -= 1;
    }
    // Stop at the end of the last person named.
    if let Some(p) = (start..b).find(|&k| doc.mention_kind(k) == Some(EntityType::Person)) {
        if let Some(m) = doc.mention_at[p].and_then(|m| doc.ents.mentions.get(m)) {
            if let Some(end) = (p..b).find(|&k| doc.toks[k].start >= m.end) {
                b = end;
            }
        }
    }
    (start, b)
}

/// Tokens after a cue that are not content: an addressee, adverbials, dates, or nothing before
/// a comma or the end. Returns where the content would start (a complementiser's next token, a
/// colon's next token, or the first content word) and the addressee, or `None` when the right
/// side is a tail.
struct Right {
    content: Option<usize>,
    addressee: Option<(usize, usize)>,
    /// Whether a complementiser, a colon or a quotation opened the content.
    marked: bool,
}

fn right_side(doc: &Doc, cue: &Cue, sent_b: usize, lex: &Lexicon, stops: &[usize]) -> Right {
    let mut k = cue.b;
    let mut addressee = None;
    let limit = stops.iter().copied().find(|&s| s >= cue.b).unwrap_or(sent_b).min(sent_b);
    let skip_fillers = |mut k: usize| {
        while k < limit
            && doc.tok(k).is_some_and(|t| t.kind == Kind::Word && lex.is_filler(&t.lower))
        {
            k += 1;
        }
        k
    };
    k = skip_fillers(k);
    // The complementiser, within a window that may hold an addressee and adverbials.
    let is_comp = |i: usize| {
        doc.in_quote.get(i).copied().flatten().is_none()
            && lex.phrases.get(doc.lower(i)).is_some_and(|ps| {
                ps.iter().any(|p| p.rest.is_empty() && p.role == Role::Complementizer)
            })
    };
    // The window ends at a semicolon, a colon, a quotation, another verb, or a comma that does
    // not stand right before the complementiser ("спростував інформацію ЗМІ, що").
    let comp = (k..limit.min(k + 12))
        .take_while(|&i| {
            let stop = doc
                .tok(i)
                .is_some_and(|t| matches!(t.kind, Kind::Punct(';' | ':')) || t.kind == Kind::Quote);
            // A comma before a citing phrase opens a parenthesis ("reported, citing two
            // officials, that ...").
            let lone_comma = doc.tok(i).is_some_and(|t| t.is_punct(','))
                && !is_comp(i + 1)
                && !doc.starts(i + 1, lex, |p| p.role == Role::Citing);
            let verb = i > k && doc.starts(i, lex, |p| p.role.is_verb());
            !(stop || lone_comma || verb)
        })
        .find(|&i| is_comp(i));
    let is_addressee_verb = lex.addressee_verbs.contains(cue.lemma);
    // An addressee phrase: "in a conversation with reporters", "в інтерв'ю РБК".
    let phrase_at = |i: usize| -> Option<usize> {
        lex.phrases.get(doc.lower(i)).and_then(|ps| {
            ps.iter()
                .find(|p| {
                    p.role == Role::AddresseePhrase
                        && p.rest.iter().enumerate().all(|(j, w)| doc.lower(i + 1 + j) == w)
                })
                .map(|p| i + 1 + p.rest.len())
        })
    };
    let np_end = |from: usize| -> usize {
        let mut e = from;
        while e < limit
            && e < from + 6
            && doc.tok(e).is_some_and(|t| {
                if !t.is_word() {
                    return false;
                }
                if doc.mention_at.get(e).copied().flatten().is_some() {
                    return true;
                }
                let boundary = lex.boundaries.contains(t.lower.as_ref())
                    || doc.starts(e, lex, |p| p.role == Role::Complementizer || p.role.is_verb())
                    || (lex.ly_adverbs && t.lower.ends_with("ing"));
                !boundary
            })
        {
            e += 1;
        }
        e
    };
    for i in k..(k + 1).min(limit) {
        if let Some(after) = phrase_at(i) {
            let e = np_end(after);
            let is_audience = (after..e).any(|j| {
                doc.tok(j).is_some_and(|t| lex.addressee_nouns.contains(t.lower.as_ref()) || t.cap)
            });
            // A bare preposition ("to") introduces an addressee only before an audience word or
            // a name.
            if e > after && (after - i > 1 || is_audience) {
                addressee = Some((after, e));
                break;
            }
        }
    }
    if addressee.is_none() && is_addressee_verb && k < limit {
        // "told TASS", "told reporters", "повідомив неназваному іранському чиновнику, що".
        let e = np_end(k);
        let slavic = !lex.feminine_endings.is_empty();
        let before_comp = comp.is_some_and(|c| c <= e + 1);
        let audience = (k..e).any(|j| {
            doc.tok(j).is_some_and(|t| lex.addressee_nouns.contains(t.lower.as_ref()) || t.cap)
        });
        let ends_clause =
            e >= limit || doc.is_clause_punct(e) || doc.is_final(e) || doc.is_quote(e);
        if e > k && (before_comp || audience || (!slavic && ends_clause)) {
            addressee = Some((k, e));
            if comp.is_none() {
                k = skip_fillers(e);
            }
        }
    }
    if let Some(c) = comp {
        return Right { content: Some(c + 1), addressee, marked: true };
    }
    if doc.tok(k).is_some_and(|t| t.is_punct(':')) {
        return Right { content: Some(k + 1), addressee, marked: true };
    }
    if let Some((_, e)) = addressee {
        k = skip_fillers(e.max(k));
    }
    // Nothing, or a comma, or only adverbials and dates up to a comma or the end: a tail.
    if k >= limit || doc.is_final(k) || doc.is_clause_punct(k) || doc.is_dash(k) {
        return Right { content: None, addressee, marked: false };
    }
    let clause_end = (k..limit)
        .find(|&i| doc.is_clause_punct(i) || doc.is_final(i) || doc.is_dash(i))
        .unwrap_or(limit);
    // "voted Thursday to hold…": a time word before the content is an adverbial.
    let mut t = k;
    while t < clause_end
        && (lex.time_words.contains(doc.lower(t))
            || doc.tok(t).is_some_and(|x| x.kind == Kind::Number))
    {
        t += 1;
    }
    if t > k && clause_end - t >= 3 && !lex.boundaries.contains(doc.lower(t)) {
        return Right { content: Some(t), addressee, marked: false };
    }
    let first = doc.lower(k);
    let adverbial = lex.boundaries.contains(first)
        || doc.tok(k).is_some_and(|t| t.kind == Kind::Number)
        || lex.is_filler(first)
        || lex.time_words.contains(first);
    if adverbial && clause_end - k <= 6 {
        return Right { content: None, addressee, marked: false };
    }
    if doc.is_quote(k) {
        return Right { content: Some(k), addressee, marked: true };
    }
    Right { content: Some(k), addressee, marked: false }
}

/// Where the content starting at `from` ends (exclusive token index): the sentence's end (its
/// final mark excluded), a semicolon, a stop (a trailing frame), or a verb coordinated with
/// another cue.
fn content_end(doc: &Doc, from: usize, sent_b: usize, stops: &[usize], coord: &[usize]) -> usize {
    let mut end = stops.iter().copied().find(|&s| s > from).unwrap_or(sent_b).min(sent_b);
    if let Some(&c) = coord.iter().find(|&&c| c > from && c < end) {
        end = c;
    }
    if let Some(semi) = (from..end).find(|&i| doc.tok(i).is_some_and(|t| t.is_punct(';'))) {
        end = semi;
    }
    while end > from
        && doc.tok(end - 1).is_some_and(|t| {
            matches!(t.kind, Kind::Punct('.' | ',' | ':' | '!' | '?' | '…' | ';'))
                || t.kind == Kind::Dash
        })
    {
        end -= 1;
    }
    end
}

/// Where a content that precedes its frame starts: the sentence's first token, past a
/// connective and its comma ("Meanwhile, ...") and past a closing-quotation left open.
fn content_start_before(doc: &Doc, sent_a: usize, end: usize, lex: &Lexicon) -> usize {
    let mut a = sent_a;
    if a + 1 < end
        && (lex.is_filler(doc.lower(a)) || lex.boundaries.contains(doc.lower(a)))
        && doc.tok(a + 1).is_some_and(|t| t.is_punct(','))
    {
        a += 2;
    }
    while a < end && doc.tok(a).is_some_and(|t| matches!(t.kind, Kind::Dash | Kind::Punct(_))) {
        a += 1;
    }
    a
}

fn gender_of(doc: &Doc, cue: &Cue, lex: &Lexicon) -> Option<Gender> {
    lex.verb_gender(doc.lower(cue.a))
}

/// Runs every rule over the document: direct quotations, then reported speech and source
/// phrases. Drafts come out in text order of their cues.
pub(crate) fn drafts(doc: &Doc, cues: &[Cue]) -> Vec<Draft> {
    let mut used = vec![false; cues.len()];
    let mut out: Vec<Draft> = vec![];
    let mut quote_used = vec![false; doc.quotes.len()];
    let _ = &mut quote_used;
    // Per sentence: token positions where a trailing frame starts (content stops there), and
    // positions of conjunctions before a coordinated cue.
    let (stops, coords) = frames(doc, cues);

    // 1. Direct quotations.
    for (qi, q) in doc.quotes.iter().enumerate() {
        if let Some(d) = quote_after(doc, cues, &mut used, q) {
            quote_used[qi] = true;
            out.push(d);
        } else if let Some(d) = quote_before(doc, cues, &mut used, q) {
            quote_used[qi] = true;
            out.push(d);
        }
    }
    // 2–4. Reported speech, source phrases, impersonal cues.
    for (ci, cue) in cues.iter().enumerate() {
        if used[ci] {
            continue;
        }
        let s = cue.sentence;
        let (sa, sb) = doc.sent[s];
        let lex = doc.lex_of(s);
        let st = &stops[s];
        let co = &coords[s];
        let d = match cue.role {
            Role::Speech | Role::Stance | Role::Belief => {
                verb_statement(doc, cue, sa, sb, lex, st, co, &out)
            }
            Role::SourcePhrase => source_phrase(doc, cue, sa, sb, lex, st, co),
            Role::SourcePost => source_post(doc, cue, sa, sb, lex, st, co),
            Role::Impersonal => impersonal(doc, cue, sa, sb, lex, st, co),
            _ => None,
        };
        if let Some(d) = d {
            used[ci] = true;
            out.push(d);
        }
    }
    // 5. Headlines and transcripts: "Pence: Flowers won't be at debate", "WALLACE: Let's start".
    for (s, &(sa, sb)) in doc.sent.iter().enumerate() {
        if let Some(d) = colon_speaker(doc, s, sa, sb) {
            if !out.iter().any(|o| {
                o.content.start < d.content.end
                    && d.content.start < o.content.end
                    && o.sentence == s
            }) {
                out.push(d);
            }
        }
    }
    // 6. A quotation continuing the one before it: "“…,” she said. “…”".
    for (qi, q) in doc.quotes.iter().enumerate() {
        if quote_used[qi] || !q.closed && q.inner.len() < 20 {
            continue;
        }
        if let Some(d) = continuation(doc, q, &out) {
            quote_used[qi] = true;
            out.push(d);
        }
    }
    // Reported clauses holding quotations are mixed; a clause that is one quotation is direct.
    for d in &mut out {
        if d.form != StatementForm::Reported {
            continue;
        }
        let inside: Vec<&Quote> =
            doc.quotes.iter().filter(|q| d.content.contains(q.inner)).collect();
        if let Some(q) = inside.first() {
            let whole = inside.len() == 1
                && q.outer.start <= d.content.start
                && q.outer.end + 1 >= d.content.end;
            if whole {
                d.form = StatementForm::Direct;
                d.content = q.inner;
            } else {
                d.form = StatementForm::Mixed;
            }
        }
    }
    out.sort_by_key(|d| (d.cue.start, d.content.start));
    // Coordinated subjects point at their statement by index: recompute after sorting.
    let cues_by_pos: Vec<usize> = out.iter().map(|d| d.cue.start).collect();
    for d in &mut out {
        if let Written::SameAs(pos) = d.written {
            d.written = match cues_by_pos.iter().position(|&c| c == pos) {
                Some(i) => Written::SameAs(i),
                None => Written::Phrase,
            };
        }
    }
    let _ = quote_used;
    out
}

/// For each sentence, token positions where a trailing attribution frame starts (", according
/// to X", ", said X", ", пише X", ", X told TASS") and positions of conjunctions before a
/// coordinated cue ("and claims").
fn frames(doc: &Doc, cues: &[Cue]) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    let mut stops = vec![vec![]; doc.sent.len()];
    let mut coords = vec![vec![]; doc.sent.len()];
    for cue in cues {
        let s = cue.sentence;
        let (sa, sb) = doc.sent[s];
        let lex = doc.lex_of(s);
        match cue.role {
            Role::SourcePhrase | Role::Citing | Role::As => {
                // A frame that ends its sentence ("…, according to X.") stops the content before
                // it; one in the middle ("X, за словами Y, …") is parenthetical.
                let trailing = {
                    let (_, nb) = source_np(doc, cue.b, sb, lex);
                    let mut e = nb;
                    while e < sb && doc.is_clause_punct(e) && next_is_link(doc, e + 1, lex) {
                        let (_, b2) = source_np(doc, e + 1, sb, lex);
                        if b2 <= e + 1 {
                            break;
                        }
                        e = b2;
                    }
                    // "reported, citing two officials, that …": a citing phrase closed by a
                    // comma before the complementiser is parenthetical.
                    let parenthesis = e + 1 < sb
                        && doc.is_clause_punct(e)
                        && doc.starts(e + 1, lex, |p| p.role == Role::Complementizer);
                    e >= sb || doc.is_final(e) || (cue.role == Role::Citing && !parenthesis)
                };
                if trailing
                    && cue.a > sa
                    && (doc.is_clause_punct(cue.a - 1) || doc.is_dash(cue.a - 1))
                {
                    stops[s].push(cue.a - 1);
                }
            }
            Role::Speech | Role::Stance | Role::Belief => {
                let (a, _, stop) = left_np(doc, sa, cue.a, lex);
                let before = a.checked_sub(1);
                let right = right_side(doc, cue, sb, lex, &[]);
                let participle = lex.ly_adverbs && doc.lower(cue.a).ends_with("ing");
                if a == cue.a && !participle {
                    if let Some(p) = before.filter(|&p| {
                        p >= sa && (doc.is_clause_punct(p) || doc.is_dash(p) || doc.is_quote(p))
                    }) {
                        stops[s].push(p);
                    }
                } else if right.content.is_none() {
                    if let Some(p) = before.filter(|&p| {
                        p >= sa && (doc.is_clause_punct(p) || doc.is_dash(p) || doc.is_quote(p))
                    }) {
                        if stop == Stop::Punct {
                            stops[s].push(p);
                        }
                    }
                }
                // A conjunction before the cue (with only fillers between): "and claims".
                let mut k = cue.a;
                while k > sa && lex.is_filler(doc.lower(k - 1)) {
                    k -= 1;
                }
                if k > sa && is_conjunction(doc.lower(k - 1)) {
                    let mut c = k - 1;
                    if c > sa && doc.tok(c - 1).is_some_and(|t| t.is_punct(',')) {
                        c -= 1;
                    }
                    coords[s].push(c);
                }
            }
            _ => {}
        }
        let _ = sb;
    }
    for v in stops.iter_mut().chain(coords.iter_mut()) {
        v.sort_unstable();
        v.dedup();
    }
    (stops, coords)
}

fn is_conjunction(w: &str) -> bool {
    matches!(w, "and" | "і" | "й" | "та" | "и" | "y" | "und" | "et" | "e" | "en" | "oraz")
}

fn make(
    doc: &Doc,
    cue: &Cue,
    form: StatementForm,
    speaker: Option<(usize, usize)>,
    written: Written,
    content: (usize, usize),
    addressee: Option<(usize, usize)>,
) -> Option<Draft> {
    let (ca, cb) = content;
    if cb <= ca {
        return None;
    }
    let content = doc.span(ca, cb);
    if content.is_empty() {
        return None;
    }
    let lex = doc.lex_of(cue.sentence);
    Some(Draft {
        form,
        speaker: speaker.filter(|(a, b)| b > a).map(|(a, b)| doc.span(a, b)),
        written,
        cue: doc.span(cue.a, cue.b),
        lemma: cue.lemma.to_string(),
        content,
        addressee: addressee.filter(|(a, b)| b > a).map(|(a, b)| doc.span(a, b)),
        sentence: cue.sentence,
        gender: gender_of(doc, cue, lex),
        citing: vec![],
    })
}

/// The noun phrase that ends right before token `k` (a relative pronoun or its comma) and names
/// no one: "an architect who said", "the officials, who said". Up to five words back, through
/// a determiner, never across a preposition, a verb or punctuation.
fn relative_antecedent(doc: &Doc, k: usize, lex: &Lexicon) -> Option<Span> {
    let mut a = k;
    while a > 0 && k - a < 5 {
        let Some(t) = doc.tok(a - 1) else { break };
        let w = t.lower.as_ref();
        if !t.is_word()
            || lex.boundaries.contains(w)
            || lex.relatives.contains(w)
            || doc.starts(a - 1, lex, |p| p.role.is_verb())
            || (lex.function_words.contains(w) && !is_determiner(w))
        {
            break;
        }
        a -= 1;
        if is_determiner(w) {
            break;
        }
    }
    (a < k && !is_determiner(doc.lower(k - 1))).then(|| doc.span(a, k))
}

/// How a speaker phrase is written: a pronoun, a relative pronoun, or a phrase.
fn written_as(doc: &Doc, a: usize, b: usize, stop: Stop, lex: &Lexicon) -> Written {
    if let Stop::Relative(r) = stop {
        // The antecedent: the name right before ", who".
        let mut k = r;
        if k > 0 && doc.tok(k - 1).is_some_and(|t| t.is_punct(',')) {
            k -= 1;
        }
        let ante = k
            .checked_sub(1)
            .and_then(|p| doc.mention_at.get(p).copied().flatten())
            .and_then(|m| doc.ents.mentions.get(m))
            .map(|m| m.span())
            .or_else(|| relative_antecedent(doc, k, lex));
        return Written::Relative(ante);
    }
    if b == a + 1 {
        if let Some(&g) = lex.pronouns.get(doc.lower(a)) {
            return Written::Pronoun(g);
        }
    }
    // A pronoun inside a longer phrase ("Таким чином він").
    if let Some(i) = (a..b).find(|&i| lex.pronouns.contains_key(doc.lower(i))) {
        if doc.mention_at.get(i).copied().flatten().is_none()
            && !(a..b).any(|k| doc.mention_at.get(k).copied().flatten().is_some())
        {
            if let Some(&g) = lex.pronouns.get(doc.lower(i)) {
                return Written::Pronoun(g);
            }
        }
    }
    Written::Phrase
}

/// The speaker phrase's token range: the pronoun alone when a phrase holds one and no name.
fn speaker_range(doc: &Doc, a: usize, b: usize, w: &Written, lex: &Lexicon) -> (usize, usize) {
    if let Written::Pronoun(_) = w {
        if let Some(i) = (a..b).find(|&i| lex.pronouns.contains_key(doc.lower(i))) {
            return (i, i + 1);
        }
    }
    trim_speaker(doc, a, b, lex)
}

/// A speaker is acceptable for a cue of this role.
fn speaker_fits(doc: &Doc, a: usize, b: usize, w: &Written, role: Role, lex: &Lexicon) -> bool {
    if b <= a || !doc.is_nominal(a, b, lex) || b - a > 12 {
        return false;
    }
    match role {
        Role::Stance => {
            matches!(w, Written::Pronoun(_) | Written::Relative(_)) || names_someone(doc, a, b, lex)
        }
        _ => true,
    }
}

#[allow(clippy::too_many_arguments)]
fn verb_statement(
    doc: &Doc,
    cue: &Cue,
    sa: usize,
    sb: usize,
    lex: &Lexicon,
    stops: &[usize],
    coords: &[usize],
    earlier: &[Draft],
) -> Option<Draft> {
    let (mut la, mut lb, mut stop) = left_np(doc, sa, cue.a, lex);
    // A citing phrase between the speaker and the cue: "Видання з посиланням на документи пише".
    let mut citing = vec![];
    if let Some((p, np)) = citing_before(doc, sa, la, lb, lex) {
        citing.push(doc.span(np.0, np.1));
        (la, lb, stop) = left_np(doc, sa, p, lex);
    }
    if let Some(a) = whole_subject(doc, sa, la, lb, stop, lex) {
        (la, stop) = (a, Stop::Start);
    }
    let right = right_side(doc, cue, sb, lex, stops);
    // An English participle after a comma shares the subject of the clause before it:
    // "X described it as..., stressing Y", "..., he said, adding that Y".
    if lex.ly_adverbs
        && doc.lower(cue.a).ends_with("ing")
        && la == lb
        && la > sa
        && doc
            .tok(la - 1)
            .is_some_and(|t| t.is_punct(',') || lex.boundaries.contains(t.lower.as_ref()))
    {
        let from = right.content?;
        let end = content_end(doc, from, sb, stops, coords);
        let prev = earlier
            .iter()
            .rev()
            .find(|d| d.sentence == cue.sentence && d.cue.end <= doc.toks[cue.a].start);
        if let Some(prev) = prev {
            let mut d = make(
                doc,
                cue,
                StatementForm::Reported,
                None,
                Written::SameAs(prev.cue.start),
                (from, end),
                right.addressee,
            )?;
            d.speaker = prev.speaker;
            return Some(d);
        }
        // The subject of the sentence: "Crane hardly clarified the matter, asserting…".
        let (a, b) = sentence_subject(doc, sa, la, lex)?;
        let w = written_as(doc, a, b, Stop::Start, lex);
        return make(
            doc,
            cue,
            StatementForm::Reported,
            Some((a, b)),
            w,
            (from, end),
            right.addressee,
        );
    }
    let written = written_as(doc, la, lb, stop, lex);
    let (spa, spb) = speaker_range(doc, la, lb, &written, lex);
    let has_left = speaker_fits(doc, spa, spb, &written, cue.role, lex)
        || matches!(written, Written::Relative(_));
    let before = la.checked_sub(1).filter(|&p| p >= sa);

    // The verb before its subject after a fronted adverbial, as German (verb second), Dutch and
    // the Romance languages write it: "Jüngst sagte die Ministerin Anna Berger, …", "Ayer dijo
    // la ministra Lucía Gómez que …". The adverbial is never the speaker.
    if let Some(d) = inverted_subject(doc, cue, sa, sb, lex, (la, lb), stops, coords) {
        return Some(d);
    }

    // Parenthetical frame: "as the Post reported, ...", "як зазначається в документах, ...".
    let as_before = cue.a > sa && {
        let mut k = la;
        while k > sa && lex.is_filler(doc.lower(k - 1)) {
            k -= 1;
        }
        k > sa
            && lex
                .phrases
                .get(doc.lower(k - 1))
                .is_some_and(|ps| ps.iter().any(|p| p.role == Role::As))
            && (k - 1 == sa || doc.is_clause_punct(k - 2) || doc.is_dash(k - 2))
            || (la == lb
                && lex
                    .phrases
                    .get(doc.lower(cue.a - 1))
                    .is_some_and(|ps| ps.iter().any(|p| p.role == Role::As)))
    };
    if as_before {
        return as_frame(doc, cue, sa, sb, lex, stops, coords);
    }

    // Anaphora: "Про це повідомляє X", "Об этом сообщает X", "Це заявив X".
    if cue.a > sa {
        let anaphor = lex.phrases.get(doc.lower(sa)).and_then(|ps| {
            ps.iter().find(|p| {
                p.role == Role::Anaphora
                    && sa + 1 + p.rest.len() == cue.a
                    && p.rest.iter().enumerate().all(|(j, w)| doc.lower(sa + 1 + j) == w)
            })
        });
        if anaphor.is_some() && cue.sentence > 0 {
            let (ra, rb) = right_np(doc, cue.b, sb, lex);
            let (pa, pb) = doc.sent[cue.sentence - 1];
            let ce = content_end(doc, pa, pb, &[], &[]);
            let w = written_as(doc, ra, rb, Stop::Punct, lex);
            if rb > ra && doc.is_nominal(ra, rb, lex) {
                return make(doc, cue, StatementForm::Reported, Some((ra, rb)), w, (pa, ce), None);
            }
        }
    }

    // Speaker after the cue: "…, заявив X", "…, said X", "- сказала глава".
    let cue_after_punct = la == lb
        && before.is_some_and(|p| doc.is_clause_punct(p) || doc.is_dash(p) || doc.is_quote(p));
    if cue_after_punct && right.content.is_none_or(|c| c == cue.b) {
        let (ra, rb) = right_np(doc, cue.b, sb, lex);
        let w = written_as(doc, ra, rb, Stop::Punct, lex);
        let (ra2, rb2) = speaker_range(doc, ra, rb, &w, lex);
        let comma = before.unwrap_or(sa);
        let start = content_start_before(doc, sa, comma, lex);
        // The speaker must close the clause: "…, said Bereskov." / "…, said X, the spokesman."
        let pronoun_phrase =
            (ra..rb).any(|i| lex.pronouns.contains_key(doc.lower(i))) && rb - ra > 1;
        let closes =
            rest_is_tail(doc, rb, sb, lex) && !pronoun_phrase && names_someone(doc, ra, rb, lex);
        if rb2 > ra2 && doc.is_nominal(ra2, rb2, lex) && comma > start && closes {
            let end = content_end(doc, start, comma + 1, &[], &[]);
            return make(
                doc,
                cue,
                StatementForm::Reported,
                Some((ra2, rb2)),
                w,
                (start, end),
                None,
            );
        }
    }

    // A subject with appositions or a parenthetical before the comma: "The state’s campaign
    // chairman, Phil Lovas, said he…", "Crane, speaking to veterans, said he…".
    if cue_after_punct && right.content.is_some() {
        if let Some(p) = before.filter(|&p| doc.tok(p).is_some_and(|t| t.is_punct(','))) {
            if let Some((a, b)) = subject_with_appositions(doc, sa, p, lex) {
                let from = right.content?;
                if cue.role == Role::Belief && !right.marked && !starts_clause(doc, from, lex) {
                    return None;
                }
                let end = content_end(doc, from, sb, stops, coords);
                let w = written_as(doc, a, b, Stop::Punct, lex);
                let mut d = make(
                    doc,
                    cue,
                    StatementForm::Reported,
                    Some((a, b)),
                    w,
                    (from, end),
                    right.addressee,
                )?;
                d.citing.extend(citing.iter().copied());
                return Some(d);
            }
        }
    }

    // Coordinated verb: "denies the charges and says the council wants...".
    let coordinated = {
        let mut k = cue.a;
        while k > sa && lex.is_filler(doc.lower(k - 1)) {
            k -= 1;
        }
        k > sa && is_conjunction(doc.lower(k - 1)) && la >= k - 1
    };
    if coordinated {
        let prev = earlier
            .iter()
            .rev()
            .find(|d| d.sentence == cue.sentence && d.cue.end <= doc.toks[cue.a].start)?;
        let from = right.content?;
        let end = content_end(doc, from, sb, stops, coords);
        let mut d = make(
            doc,
            cue,
            StatementForm::Reported,
            None,
            Written::SameAs(prev.cue.start),
            (from, end),
            right.addressee,
        )?;
        d.speaker = prev.speaker;
        return Some(d);
    }

    if !has_left {
        return None;
    }
    let speaker = Some((spa, spb));
    let with_citing = |mut d: Draft| {
        d.citing.extend(citing.iter().copied());
        d
    };
    match right.content {
        Some(from) => {
            // Belief verbs need a clause.
            if cue.role == Role::Belief
                && !right.marked
                && !starts_clause(doc, from, lex)
                && doc.lower(from) != "to"
            {
                return None;
            }
            let end = content_end(doc, from, sb, stops, coords);
            if end <= from {
                return None;
            }
            let form = StatementForm::Reported;
            let mut d =
                with_citing(make(doc, cue, form, speaker, written, (from, end), right.addressee)?);
            if doc.tok(from.saturating_sub(1)).is_some_and(|t| t.is_punct(':'))
                && !doc.is_quote(from)
            {
                d.form = StatementForm::Direct;
            }
            Some(d)
        }
        None => {
            // Inverted: "…, Kremlin Spokesman Dmitry Bereskov told TASS."
            let inverted = stop == Stop::Punct
                && before
                    .is_some_and(|p| doc.is_clause_punct(p) || doc.is_dash(p) || doc.is_quote(p));
            if !inverted {
                // A prepositional object is the content: "X agreed with Y about the winner",
                // "X spoke about the plan".
                let mut k = cue.b;
                if let Some((_, e)) = right.addressee {
                    k = k.max(e);
                }
                let end = content_end(doc, k, sb, stops, coords);
                let words = (k..end).filter(|&i| doc.toks[i].is_word()).count();
                if words >= 3 && lex.boundaries.contains(doc.lower(k)) && cue.role != Role::Belief {
                    return Some(with_citing(make(
                        doc,
                        cue,
                        StatementForm::Reported,
                        speaker,
                        written,
                        (k, end),
                        right.addressee,
                    )?));
                }
                return None;
            }
            let p = before?;
            let mut start = content_start_before(doc, sa, p, lex);
            let mut end = content_end(doc, start, p + 1, &[], &[]);
            // "During his years in office, Mr. Obama said, a majority of Americans…": a clause
            // after the frame is its content.
            let mut k = cue.b;
            if let Some((_, e)) = right.addressee {
                k = k.max(e);
            }
            if doc.tok(k).is_some_and(|t| t.is_punct(',')) && clause_follows(doc, k + 1, sb, lex) {
                let e2 = content_end(doc, k + 1, sb, stops, coords);
                if e2 >= k + 5 {
                    start = k + 1;
                    end = e2;
                }
            }
            let mut d = with_citing(make(
                doc,
                cue,
                StatementForm::Reported,
                speaker,
                written,
                (start, end),
                right.addressee,
            )?);
            // "…, the paper reported on March 3, citing internal memos seen by its reporters."
            d.citing.extend(links(doc, cue.b, sb, lex));
            Some(d)
        }
    }
}

/// See the call in [`verb_statement`]: the left side `left` opens the sentence, names no one
/// and starts with no determiner (an adverbial: "Jüngst", "Letzte Woche", "Ayer"); the noun
/// phrase after the cue names a person, a body or a group; a comma or a complementiser opens
/// the content after it.
#[allow(clippy::too_many_arguments)]
fn inverted_subject(
    doc: &Doc,
    cue: &Cue,
    sa: usize,
    sb: usize,
    lex: &Lexicon,
    (la, lb): (usize, usize),
    stops: &[usize],
    coords: &[usize],
) -> Option<Draft> {
    use parallax_model::Lang;
    if !matches!(lex.lang, Some(Lang::De | Lang::Nl | Lang::Es | Lang::It | Lang::Pt | Lang::Fr)) {
        return None;
    }
    let named = |i: usize| {
        doc.mention_at.get(i).copied().flatten().is_some()
            || lex.group_nouns.contains(doc.lower(i))
            || lex.outlet_nouns.contains(doc.lower(i))
            || lex.document_nouns.contains(doc.lower(i))
    };
    // Fillers ("ayer", "gestern") are skipped by `left_np`, so the phrase may be empty.
    // A time phrase the tagger took for a name ("Letzte Woche") is still an adverbial.
    let time = (la..lb).any(|i| lex.time_words.contains(doc.lower(i)));
    let someone = |i: usize| {
        (!time
            && matches!(doc.mention_kind(i), Some(EntityType::Person | EntityType::Organization)))
            || lex.group_nouns.contains(doc.lower(i))
            || lex.outlet_nouns.contains(doc.lower(i))
            || lex.document_nouns.contains(doc.lower(i))
            || lex.pronouns.contains_key(doc.lower(i))
    };
    let adverbial = la == sa
        && lb - la <= 3
        && cue.a > sa
        && !(lb > la && is_determiner(doc.lower(la)))
        && !(la..lb).any(someone);
    if !adverbial {
        return None;
    }
    let (ra, rb) = right_np(doc, cue.b, sb, lex);
    if rb <= ra || !(ra..rb).any(named) {
        return None;
    }
    let mut k = rb;
    let mut opened = false;
    if doc.tok(k).is_some_and(|t| t.is_punct(',') || t.is_punct(':')) {
        k += 1;
        opened = true;
    }
    if let Some(n) = lex.phrases.get(doc.lower(k)).and_then(|ps| {
        ps.iter()
            .find(|p| {
                p.role == Role::Complementizer
                    && p.rest.iter().enumerate().all(|(j, w)| doc.lower(k + 1 + j) == w)
            })
            .map(|p| p.rest.len() + 1)
    }) {
        k += n;
        opened = true;
    }
    if !opened {
        return None;
    }
    let end = content_end(doc, k, sb, stops, coords);
    let w = written_as(doc, ra, rb, Stop::Punct, lex);
    let (spa, spb) = trim_speaker(doc, ra, rb, lex);
    make(doc, cue, StatementForm::Reported, Some((spa, spb)), w, (k, end), None)
}

/// Whether the tokens from `i` to the sentence's end can follow a speaker who closes a clause:
/// nothing, an apposition or adverbial after a comma, a short adverbial, a parenthesis.
fn rest_is_tail(doc: &Doc, i: usize, sb: usize, lex: &Lexicon) -> bool {
    if i >= sb || doc.is_final(i) {
        return true;
    }
    let has_clause = (i..sb).any(|k| {
        doc.in_quote.get(k).copied().flatten().is_none()
            && doc.starts(k, lex, |p| p.role == Role::Complementizer || p.role.is_verb())
    });
    if has_clause && !doc.tok(i).is_some_and(|t| t.is_punct(',')) {
        return false;
    }
    doc.is_clause_punct(i)
        || doc.is_dash(i)
        || doc.is_quote(i)
        || lex.boundaries.contains(doc.lower(i))
        || doc.tok(i).is_some_and(|t| t.kind == Kind::Number)
        || lex.is_filler(doc.lower(i))
        || lex.time_words.contains(doc.lower(i))
}

/// The subject opening a sentence (after a leading adverbial and its comma), for a participle
/// whose subject it is: a pronoun, a name, or a short noun phrase naming someone.
fn sentence_subject(doc: &Doc, sa: usize, limit: usize, lex: &Lexicon) -> Option<(usize, usize)> {
    let mut a = sa;
    while a < limit && doc.tok(a).is_some_and(|t| !t.is_word()) {
        a += 1;
    }
    // "On Monday, …", "However, …", "In a statement, …".
    if let Some(c) = (a..limit.min(a + 8)).find(|&i| doc.tok(i).is_some_and(|t| t.is_punct(','))) {
        let w = doc.lower(a);
        if lex.boundaries.contains(w) || lex.is_filler(w) || lex.time_words.contains(w) {
            a = c + 1;
        }
    }
    let t = doc.tok(a)?;
    if lex.pronouns.contains_key(t.lower.as_ref()) {
        return Some((a, a + 1));
    }
    let mut b = a;
    while b < limit
        && b < a + 8
        && doc.tok(b).is_some_and(|t| {
            t.is_word()
                && (doc.mention_at.get(b).copied().flatten().is_some()
                    || !(lex.boundaries.contains(t.lower.as_ref())
                        || lex.is_filler(&t.lower)
                        || doc.starts(b, lex, |p| p.role.is_verb())))
        })
    {
        b += 1;
    }
    // The phrase ends where its verb begins: keep its names (and the words before them).
    let last_named = (a..b).rev().find(|&i| {
        doc.mention_at.get(i).copied().flatten().is_some()
            || doc.tok(i).is_some_and(|t| t.cap || lex.group_nouns.contains(t.lower.as_ref()))
    })?;
    let b = last_named + 1;
    (b > a && b - a <= 6).then_some((a, b))
}

/// Whether tokens `a..b` name someone who can speak: a mention, a capitalised word, a lone
/// pronoun, or a noun for outlets, documents or unnamed people.
fn names_someone(doc: &Doc, a: usize, b: usize, lex: &Lexicon) -> bool {
    (a..b).any(|i| {
        let Some(t) = doc.tok(i) else { return false };
        doc.mention_at.get(i).copied().flatten().is_some()
            || t.cap
            || (b == a + 1 && lex.pronouns.contains_key(t.lower.as_ref()))
            || lex.outlet_nouns.contains(t.lower.as_ref())
            || lex.document_nouns.contains(t.lower.as_ref())
            || lex.group_nouns.contains(t.lower.as_ref())
    })
}

/// Whether a clause (not a participle, an adverbial or another frame) starts at token `i`.
fn clause_follows(doc: &Doc, i: usize, sb: usize, lex: &Lexicon) -> bool {
    let Some(t) = doc.tok(i) else { return false };
    if i >= sb || !t.is_word() || doc.is_final(i) {
        return false;
    }
    let w = t.lower.as_ref();
    !(lex.boundaries.contains(w)
        || lex.relatives.contains(w)
        || lex.is_filler(w)
        || (lex.ly_adverbs && (w.ends_with("ing") || w.ends_with("ed")))
        || doc.starts(i, lex, |p| {
            p.role.is_verb()
                || matches!(
                    p.role,
                    Role::SourcePhrase | Role::Citing | Role::As | Role::AddresseePhrase
                )
        }))
}

/// The subject of a cue written right after a comma, with appositions or a parenthetical clause
/// between it and the cue: "The state’s campaign chairman, Phil Lovas, said", "Crane, speaking
/// to a veterans group, said". The subject opens its clause at `from` (or after a colon, a
/// dash or a quotation mark); the speaker span runs over the appositions that are noun phrases.
fn subject_with_appositions(
    doc: &Doc,
    from: usize,
    comma: usize,
    lex: &Lexicon,
) -> Option<(usize, usize)> {
    let mut segs: Vec<(usize, usize)> = vec![];
    let mut end = comma;
    loop {
        let mut start = end;
        while start > from
            && !(doc.is_clause_punct(start - 1)
                || doc.is_dash(start - 1)
                || doc.is_quote(start - 1))
        {
            start -= 1;
        }
        // The subject itself is short; an apposition or a relative clause may be long.
        if start == end || end - start > 40 {
            return None;
        }
        segs.push((start, end));
        if start == from || !doc.tok(start - 1).is_some_and(|t| t.is_punct(',')) {
            break;
        }
        if segs.len() >= 5 {
            return None;
        }
        end = start - 1;
    }
    segs.reverse();
    // A connective opening the sentence ("However,") is not the subject.
    if segs.len() > 1 {
        let (a, b) = segs[0];
        if b - a == 1 && (lex.is_filler(doc.lower(a)) || lex.boundaries.contains(doc.lower(a))) {
            segs.remove(0);
        }
    }
    if segs.len() < 2 {
        return None;
    }
    let has_verb = |a: usize, b: usize| {
        (a..b).any(|k| {
            doc.mention_at.get(k).copied().flatten().is_none()
                && doc.starts(k, lex, |p| p.role.is_verb() || p.role == Role::Complementizer)
        })
    };
    let (mut a0, b0) = segs[0];
    while a0 < b0 && (lex.is_filler(doc.lower(a0)) || lex.boundaries.contains(doc.lower(a0))) {
        a0 += 1;
    }
    if b0 <= a0 || b0 - a0 > 12 || !doc.is_nominal(a0, b0, lex) || has_verb(a0, b0) {
        return None;
    }
    let mut b = b0;
    for &(a, e) in segs.iter().skip(1) {
        let w = doc.lower(a);
        let np = !(lex.relatives.contains(w)
            || lex.boundaries.contains(w)
            || (lex.ly_adverbs && (w.ends_with("ing") || w.ends_with("ed")))
            || has_verb(a, e));
        if !np || e - a > 15 {
            break;
        }
        b = e;
    }
    // A person who heads the first phrase (after title words only) is the speaker; the
    // appositions describe them and may name others ("Eric Vance, a former adviser to Paula
    // Grant, said"). A name after a preposition only qualifies the head ("El jefe de la
    // administración de Chernivtsí, Iván Hrytsenko, afirmó").
    let person = |k: usize| doc.mention_kind(k) == Some(EntityType::Person);
    let heads = (a0..b0).find(|&k| person(k)).is_some_and(|k| {
        (a0..k).all(|i| {
            (doc.toks[i].cap || doc.toks[i].is_punct('.')) && !lex.boundaries.contains(doc.lower(i))
        })
    });
    if heads && b > b0 {
        return Some((a0, b0));
    }
    Some((a0, b))
}

/// A citing phrase and its noun phrase right before a cue's subject position: returns the
/// phrase's first token and the noun phrase's range.
fn citing_before(
    doc: &Doc,
    sa: usize,
    la: usize,
    lb: usize,
    lex: &Lexicon,
) -> Option<(usize, (usize, usize))> {
    (1..=4).filter(|&n| la >= sa + n).find_map(|n| {
        let p = la - n;
        lex.phrases.get(doc.lower(p)).and_then(|ps| {
            ps.iter()
                .find(|ph| {
                    ph.role == Role::Citing
                        && ph.rest.len() + 1 == n
                        && ph.rest.iter().enumerate().all(|(j, w)| doc.lower(p + 1 + j) == w)
                })
                .map(|_| (p, (la, lb)))
        })
    })
}

/// Whether the content starting at `from` looks like a clause (for belief verbs without
/// "that"): a name, a pronoun, a determiner or a capitalised word first.
fn starts_clause(doc: &Doc, from: usize, lex: &Lexicon) -> bool {
    doc.tok(from).is_some_and(|t| {
        t.cap
            || lex.pronouns.contains_key(t.lower.as_ref())
            || matches!(
                t.lower.as_ref(),
                "the" | "this" | "these" | "those" | "there" | "it" | "we" | "i" | "they" | "you"
            )
            || doc.mention_at.get(from).copied().flatten().is_some()
    })
}

/// "as X reported, CONTENT" / "CONTENT, as X reported" / "як зазначається в документах, CONTENT".
fn as_frame(
    doc: &Doc,
    cue: &Cue,
    sa: usize,
    sb: usize,
    lex: &Lexicon,
    stops: &[usize],
    coords: &[usize],
) -> Option<Draft> {
    // The frame ends at the next comma after the cue.
    let frame_end =
        (cue.b..sb).find(|&i| doc.tok(i).is_some_and(|t| t.is_punct(','))).unwrap_or(sb);
    // Its source: the phrase between "as" and the cue, or after the cue ("в документах ...").
    let (la, lb, _) = left_np(doc, sa, cue.a, lex);
    let (mut spa, mut spb) = (la, lb);
    if spb <= spa || !doc.is_nominal(spa, spb, lex) {
        let mut k = cue.b;
        // Skip "в", "у", "in".
        if lex.boundaries.contains(doc.lower(k)) {
            k += 1;
        }
        let (ra, rb) = right_np(doc, k, frame_end, lex);
        spa = ra;
        spb = rb.max(ra);
        // The phrase may run to the frame's end ("документах американського уряду").
        if spb < frame_end && (spb..frame_end).all(|i| doc.toks[i].kind == Kind::Word) {
            spb = frame_end;
        }
    }
    if spb <= spa {
        return None;
    }
    let w = written_as(doc, spa, spb, Stop::Punct, lex);
    // Frame first: the content is what follows it; frame last: what precedes it.
    let as_pos = (sa..cue.a).rev().find(|&i| {
        lex.phrases.get(doc.lower(i)).is_some_and(|ps| ps.iter().any(|p| p.role == Role::As))
    });
    let frame_first = as_pos.is_some_and(|p| {
        p == sa || (sa..p).all(|i| !doc.toks[i].is_word() || lex.is_filler(doc.lower(i)))
    });
    let (ca, cb) = if frame_first {
        let from = frame_end + 1;
        (from, content_end(doc, from, sb, stops, coords))
    } else {
        let p = as_pos.unwrap_or(cue.a).saturating_sub(1);
        let start = content_start_before(doc, sa, p, lex);
        (start, content_end(doc, start, p + 1, &[], &[]))
    };
    make(doc, cue, StatementForm::Reported, Some((spa, spb)), w, (ca, cb), None)
}

/// "according to X, CONTENT" / "CONTENT, according to X" / "X, according to Y, ...".
fn source_phrase(
    doc: &Doc,
    cue: &Cue,
    sa: usize,
    sb: usize,
    lex: &Lexicon,
    stops: &[usize],
    coords: &[usize],
) -> Option<Draft> {
    let (ra, rb) = source_np(doc, cue.b, sb, lex);
    if rb <= ra || !doc.is_nominal(ra, rb, lex) {
        return None;
    }
    let w = written_as(doc, ra, rb, Stop::Punct, lex);
    // The end of the whole source frame: past "obtained by X" and "citing Y".
    let frame_end = (rb..sb)
        .find(|&i| doc.tok(i).is_some_and(|t| t.is_punct(',')) && !next_is_link(doc, i + 1, lex))
        .unwrap_or(sb);
    let opening = cue.a == sa
        || (sa..cue.a).all(|i| {
            !doc.toks[i].is_word()
                || lex.is_filler(doc.lower(i))
                || lex.boundaries.contains(doc.lower(i))
        });
    let (ca, cb) = if opening {
        let from = frame_end + 1;
        (from, content_end(doc, from, sb, stops, coords))
    } else if cue.a > sa && (doc.is_clause_punct(cue.a - 1) || doc.is_dash(cue.a - 1)) {
        let p = cue.a - 1;
        // Mid-sentence "X, according to Y, did Z": the clause before the comma and after the frame.
        let start = content_start_before(doc, sa, p, lex);
        if frame_end < sb && frame_end + 1 < sb && !doc.is_final(frame_end + 1) {
            // The clause around the frame: from the comma before it.
            let start = (start..p)
                .rev()
                .find(|&i| doc.tok(i).is_some_and(|t| t.is_punct(',')))
                .map_or(start, |c| c + 1);
            let last = content_end(doc, frame_end + 1, sb, stops, coords);
            (start, last)
        } else {
            (start, content_end(doc, start, p + 1, &[], &[]))
        }
    } else {
        return None;
    };
    let mut d = make(doc, cue, StatementForm::Reported, Some((ra, rb)), w, (ca, cb), None)?;
    d.citing = links(doc, rb, frame_end.min(sb), lex);
    Some(d)
}

/// "X zufolge, ...": the source before the postposition.
fn source_post(
    doc: &Doc,
    cue: &Cue,
    sa: usize,
    sb: usize,
    lex: &Lexicon,
    stops: &[usize],
    coords: &[usize],
) -> Option<Draft> {
    let (la, lb, _) = left_np(doc, sa, cue.a, lex);
    if lb <= la || !doc.is_nominal(la, lb, lex) {
        return None;
    }
    let from = if doc.tok(cue.b).is_some_and(|t| t.is_punct(',')) { cue.b + 1 } else { cue.b };
    let end = content_end(doc, from, sb, stops, coords);
    let w = written_as(doc, la, lb, Stop::Punct, lex);
    make(doc, cue, StatementForm::Reported, Some((la, lb)), w, (from, end), None)
}

/// "у документах ідеться про те, що …", "в докладе говорится, что …".
fn impersonal(
    doc: &Doc,
    cue: &Cue,
    sa: usize,
    sb: usize,
    lex: &Lexicon,
    stops: &[usize],
    coords: &[usize],
) -> Option<Draft> {
    if cue.a > sa
        && lex
            .phrases
            .get(doc.lower(cue.a - 1))
            .is_some_and(|ps| ps.iter().any(|p| p.role == Role::As))
    {
        return as_frame(doc, cue, sa, sb, lex, stops, coords);
    }
    let right = right_side(doc, cue, sb, lex, stops);
    // The text named with a preposition before the cue, or after it.
    let (la, lb, _) = left_np(doc, sa, cue.a, lex);
    let (mut spa, mut spb) = (la, lb);
    if !(spb > spa
        && la > sa
        && lex.boundaries.contains(doc.lower(la - 1))
        && doc.is_nominal(spa, spb, lex))
    {
        if lex.boundaries.contains(doc.lower(cue.b)) {
            let (ra, rb) = right_np(doc, cue.b + 1, sb, lex);
            spa = ra;
            spb = rb;
        } else {
            return None;
        }
    }
    if spb <= spa {
        return None;
    }
    let from = right.content?;
    let end = content_end(doc, from, sb, stops, coords);
    make(doc, cue, StatementForm::Reported, Some((spa, spb)), Written::Phrase, (from, end), None)
}

/// The source noun phrase after a source phrase: to a comma, the end, or an agent or citing
/// phrase.
fn source_np(doc: &Doc, start: usize, sb: usize, lex: &Lexicon) -> (usize, usize) {
    let mut i = start;
    while i < sb && i < start + 12 {
        let t = &doc.toks[i];
        match t.kind {
            Kind::Word | Kind::Number => {}
            Kind::Punct('.') if !doc.is_final(i) || i + 1 < sb && doc.toks[i + 1].is_word() => {}
            Kind::Punct('\'' | '’' | '&') => {}
            Kind::Punct('(') => {
                if let Some(close) = (i + 1..sb.min(i + 5)).find(|&k| doc.toks[k].is_punct(')')) {
                    i = close + 1;
                    continue;
                }
                break;
            }
            Kind::Quote => {
                // A quoted title inside the name: «Новой газеты».
                if let Some(q) = doc.in_quote.get(i + 1).copied().flatten() {
                    let qend = doc.quotes[q].outer.end;
                    if let Some(k) = (i + 1..sb).find(|&k| doc.toks[k].end >= qend) {
                        i = k + 1;
                        continue;
                    }
                }
                break;
            }
            _ => break,
        }
        if i > start
            && doc.mention_at.get(i).copied().flatten().is_none()
            && doc.starts(i, lex, |p| {
                matches!(p.role, Role::Agent | Role::Citing | Role::Complementizer)
                    || p.role.is_verb()
            })
        {
            break;
        }
        i += 1;
    }
    let mut b = i;
    while b > start && doc.tok(b - 1).is_some_and(|t| !t.is_word()) {
        b -= 1;
    }
    (start, b)
}

/// Whether tokens from `i` start an agent or citing phrase (", obtained by The Washington Post").
fn next_is_link(doc: &Doc, i: usize, lex: &Lexicon) -> bool {
    lex.phrases.get(doc.lower(i)).is_some_and(|ps| {
        ps.iter().any(|p| {
            matches!(p.role, Role::Agent | Role::Citing)
                && p.rest.iter().enumerate().all(|(j, w)| doc.lower(i + 1 + j) == w)
        })
    })
}

/// The sources named by agent and citing phrases in tokens `a..b`, nearest the reader first
/// ("documents obtained by WP": [WP]).
pub(crate) fn links(doc: &Doc, a: usize, b: usize, lex: &Lexicon) -> Vec<Span> {
    let mut out = vec![];
    let mut i = a;
    while i < b {
        let hit = lex.phrases.get(doc.lower(i)).and_then(|ps| {
            ps.iter().find(|p| {
                matches!(p.role, Role::Agent | Role::Citing)
                    && p.rest.iter().enumerate().all(|(j, w)| doc.lower(i + 1 + j) == w)
            })
        });
        if let Some(p) = hit {
            let from = i + 1 + p.rest.len();
            let (na, nb) = source_np(doc, from, b, lex);
            if nb > na {
                out.push(doc.span(na, nb));
            }
            i = nb.max(from);
        } else {
            i += 1;
        }
    }
    out
}

/// The cue right after a quotation: `"…," he said`, `«…», — заявив X`, `“…” Crane said.`
fn quote_after(doc: &Doc, cues: &[Cue], used: &mut [bool], q: &Quote) -> Option<Draft> {
    if !q.closed {
        return None;
    }
    // The first token after the closing mark.
    let k0 = doc.toks.partition_point(|t| t.start < q.outer.end);
    let s = sentence_of(doc, k0).or_else(|| sentence_of(doc, k0.saturating_sub(1)))?;
    let (sa, sb) = doc.sent[s];
    let lex = doc.lex_of(s);
    let mut k = k0;
    let mut ended = false;
    let mut dash = None;
    while k < doc.toks.len() && k < k0 + 3 {
        let t = &doc.toks[k];
        match t.kind {
            Kind::Punct(',') => k += 1,
            Kind::Dash => {
                dash = Some(k);
                k += 1;
            }
            Kind::Punct('.' | '!' | '?' | '…') => {
                ended = true;
                k += 1;
            }
            _ => break,
        }
    }
    // The quotation's own last character: a comma or nothing inside continues the sentence.
    let inner_text = q.inner.text(doc.text).unwrap_or_default();
    let quote_ends_sentence = ended || inner_text.ends_with(['.', '!', '?', '…']);
    let s = sentence_of(doc, k).unwrap_or(s);
    let (_, sb2) = doc.sent.get(s).copied().unwrap_or((sa, sb));
    // The cue belongs to the sentence the quotation ends in, or (after a quotation ending its
    // own sentence) opens the next one.
    let fits = |c: &Cue| {
        let same = sentence_of(doc, k0.saturating_sub(1)) == Some(c.sentence);
        let opens_next =
            quote_ends_sentence && doc.sent.get(c.sentence).is_some_and(|&(a, _)| a == k);
        same || opens_next
    };
    // A cue at k ("said X"), or after a speaker phrase ("X said", "X, the Y, said").
    let ci = cues.iter().position(|c| {
        fits(c)
            && (c.a == k && c.role.is_verb()
                || c.a > k && c.a <= k + 30 && matches!(c.role, Role::Speech | Role::Belief))
    });
    let Some(ci) = ci.filter(|&ci| !used[ci]) else {
        // "“…” ― Sonya Herridge": a dash and a name closing the paragraph.
        return dash.and_then(|d| quote_dash_name(doc, q, d, k, sb2, lex));
    };
    let cue = &cues[ci];
    if cue.a > k {
        // "X said": the words between are the speaker and nothing else.
        let (la, lb, _) = left_np(doc, k, cue.a, lex);
        let (la, lb) = if la == k && lb > la {
            (la, lb)
        } else if cue.a > k + 1 && doc.tok(cue.a - 1).is_some_and(|t| t.is_punct(',')) {
            subject_with_appositions(doc, k, cue.a - 1, lex)?
        } else {
            return None;
        };
        let w = written_as(doc, la, lb, Stop::Punct, lex);
        let (spa, spb) = speaker_range(doc, la, lb, &w, lex);
        if !doc.is_nominal(spa, spb, lex) {
            return None;
        }
        let right = right_side(doc, cue, sb2, lex, &[]);
        // A cue with a clause of its own does not attribute the quotation ("“Fox News Sunday,”
        // Pence said his running mate…"); an adverbial after it does ("said of the plan").
        let own_clause = right.content.is_some_and(|c| {
            let w = doc.lower(c);
            let adverbial =
                lex.boundaries.contains(w) || lex.is_filler(w) || lex.time_words.contains(w);
            let end = (c..sb2).find(|&i| doc.is_clause_punct(i) || doc.is_final(i)).unwrap_or(sb2);
            !adverbial && end - c >= 3
        });
        if right.marked || own_clause {
            return None;
        }
        // After a quotation that ends its sentence, "X said" must close the sentence briefly.
        if quote_ends_sentence {
            let first = doc.tok(k)?;
            let rest_end = (cue.b..sb2).find(|&i| doc.is_final(i)).unwrap_or(sb2);
            if right.content.is_some()
                || rest_end - cue.b > 8
                || !(first.cap || lex.pronouns.contains_key(first.lower.as_ref()))
            {
                return None;
            }
        }
        used[ci] = true;
        let mut d = draft_quote(doc, cue, q, Some((spa, spb)), w)?;
        d.addressee = right.addressee.map(|(a, b)| doc.span(a, b));
        return Some(d);
    }
    // "said X" / "— заявив X".
    if quote_ends_sentence && !doc.tok(k - 1).is_some_and(|t| t.kind == Kind::Dash) {
        // "“…” Said X." is rare; "“…”. Said" never starts a new sentence with a bare verb.
        if doc.tok(k).is_some_and(|t| t.cap) {
            return None;
        }
    }
    let (ra, rb) = right_np(doc, cue.b, sb2, lex);
    let w = written_as(doc, ra, rb, Stop::Punct, lex);
    let (spa, spb) = speaker_range(doc, ra, rb, &w, lex);
    used[ci] = true;
    let speaker = (spb > spa && doc.is_nominal(spa, spb, lex)).then_some((spa, spb));
    draft_quote(doc, cue, q, speaker, w)
}

/// "“…” ― Sonya Herridge", "«…» — Тарас Шевченко": a dash and a short name closing the
/// sentence or paragraph attribute the quotation; the dash is the cue.
fn quote_dash_name(
    doc: &Doc,
    q: &Quote,
    dash: usize,
    k: usize,
    sb: usize,
    lex: &Lexicon,
) -> Option<Draft> {
    let mut e = k;
    while e < sb
        && e < k + 6
        && doc.tok(e).is_some_and(|t| t.kind == Kind::Word || t.is_punct('.') && !doc.is_final(e))
    {
        e += 1;
    }
    let closes = e >= sb
        || doc.is_final(e)
        || doc.tok(e).is_some_and(|t| t.is_punct(',') || t.kind == Kind::Quote)
        || doc.tok(e).is_some_and(|t| {
            doc.toks
                .get(e.wrapping_sub(1))
                .is_some_and(|p| doc.text.get(p.end..t.start).is_some_and(|gap| gap.contains('\n')))
        });
    let named = (k..e).all(|i| doc.tok(i).is_some_and(|t| t.cap || !t.is_word()))
        && (k..e).any(|i| doc.tok(i).is_some_and(|t| t.is_word()));
    if !closes || !named || e <= k {
        return None;
    }
    let cue = Cue {
        a: dash,
        b: dash + 1,
        role: Role::Speech,
        lemma: "—",
        sentence: sentence_of(doc, dash)?,
    };
    let w = written_as(doc, k, e, Stop::Punct, lex);
    draft_quote(doc, &cue, q, Some((k, e)), w)
}

/// The cue right before a quotation: `X said: "…"`, `X заявив: «…»`, `X said that “…”` (the
/// quotation being the whole clause).
fn quote_before(doc: &Doc, cues: &[Cue], used: &mut [bool], q: &Quote) -> Option<Draft> {
    let open = doc.toks.iter().position(|t| t.start >= q.outer.start)?;
    let s = sentence_of(doc, open)?;
    let (sa, _) = doc.sent[s];
    let lex = doc.lex_of(s);
    // The quotation must end its sentence (or its paragraph), or be followed only by a period.
    let after = doc.toks.iter().position(|t| t.start >= q.outer.end).unwrap_or(doc.toks.len());
    let tail_ok = !q.closed
        || after >= doc.toks.len()
        || (after..doc.toks.len().min(after + 2)).all(|i| {
            doc.is_final(i) || sentence_of(doc, i) != sentence_of(doc, after.saturating_sub(1))
        })
        || doc.is_final(after);
    if !tail_ok {
        return None;
    }
    let mut k = open;
    // Back over ":" or "," and a complementiser.
    let mut marked = false;
    while k > sa && doc.tok(k - 1).is_some_and(|t| t.is_punct(':') || t.is_punct(',')) {
        marked = true;
        k -= 1;
    }
    if k > sa
        && lex.phrases.get(doc.lower(k - 1)).is_some_and(|ps| {
            ps.iter().any(|p| p.rest.is_empty() && p.role == Role::Complementizer)
        })
    {
        k -= 1;
        marked = true;
    }
    // The cue, possibly followed by an addressee: "told reporters:".
    let ci = cues
        .iter()
        .rposition(|c| c.b <= k && c.b + 6 >= k && c.sentence == s && c.role.is_verb())?;
    if used[ci] {
        return None;
    }
    let cue = &cues[ci];
    let between = cue.b..k;
    if !between.is_empty() && !between.clone().all(|i| doc.toks[i].is_word()) {
        return None;
    }
    if !marked && !between.is_empty() {
        return None;
    }
    let (la, lb, stop) = left_np(doc, sa, cue.a, lex);
    let w = written_as(doc, la, lb, stop, lex);
    let (mut spa, mut spb) = speaker_range(doc, la, lb, &w, lex);
    if la == lb && cue.a > sa + 1 && doc.tok(cue.a - 1).is_some_and(|t| t.is_punct(',')) {
        // "Rucker Culpepper, who runs Clinton's veterans effort, said, “…”".
        if let Some((a, b)) = subject_with_appositions(doc, sa, cue.a - 1, lex) {
            (spa, spb) = (a, b);
        }
    }
    let w = if (spa, spb) == (la, lb) { w } else { written_as(doc, spa, spb, Stop::Punct, lex) };
    if !(speaker_fits(doc, spa, spb, &w, cue.role, lex) || matches!(w, Written::Relative(_))) {
        return None;
    }
    used[ci] = true;
    let mut d = draft_quote(doc, cue, q, Some((spa, spb)), w)?;
    if !between.is_empty() {
        d.addressee = Some(doc.span(between.start, between.end));
    }
    Some(d)
}

fn draft_quote(
    doc: &Doc,
    cue: &Cue,
    q: &Quote,
    speaker: Option<(usize, usize)>,
    written: Written,
) -> Option<Draft> {
    let lex = doc.lex_of(cue.sentence);
    // A comma closing the quoted words belongs to the attribution.
    let mut content = q.inner;
    if let Some(t) = content.text(doc.text) {
        let trimmed = t.trim_end_matches([',', ' ']);
        content = Span::new(content.start, content.start + trimmed.len());
    }
    if content.is_empty() {
        return None;
    }
    Some(Draft {
        form: StatementForm::Direct,
        speaker: speaker.filter(|(a, b)| b > a).map(|(a, b)| doc.span(a, b)),
        written,
        cue: doc.span(cue.a, cue.b),
        lemma: cue.lemma.to_string(),
        content,
        addressee: None,
        sentence: cue.sentence,
        gender: gender_of(doc, cue, lex),
        citing: vec![],
    })
}

/// "Pence: Gennifer Flowers won't be at the debate": a name (or a transcript's capitals) and a
/// colon opening a sentence, then the words.
fn colon_speaker(doc: &Doc, s: usize, sa: usize, sb: usize) -> Option<Draft> {
    let lex = doc.lex_of(s);
    let mut a = sa;
    while a < sb && doc.tok(a).is_some_and(|t| t.kind == Kind::Quote) {
        a += 1;
    }
    let c = (a + 1..sb.min(a + 6)).find(|&i| doc.tok(i).is_some_and(|t| t.is_punct(':')))?;
    if !(a..c).all(|i| doc.tok(i).is_some_and(|t| t.kind == Kind::Word || t.is_punct('.'))) {
        return None;
    }
    let named = (a..c).any(|i| {
        doc.mention_at.get(i).copied().flatten().is_some_and(|m| {
            doc.ents
                .mentions
                .get(m)
                .is_some_and(|m| matches!(m.kind, EntityType::Person | EntityType::Organization))
        })
    });
    let capitals = c == a + 1
        && doc.tok(a).is_some_and(|t| {
            let w = doc.text.get(t.start..t.end).unwrap_or_default();
            w.chars().count() >= 3 && w.chars().all(|ch| ch.is_uppercase() || !ch.is_alphabetic())
        });
    let verb = (a..c).any(|i| doc.starts(i, lex, |p| p.role.is_verb()));
    if !(named || capitals) || verb {
        return None;
    }
    let from = c + 1;
    let end = content_end(doc, from, sb, &[], &[]);
    let words = (from..end).filter(|&i| doc.toks[i].is_word()).count();
    if words < 3 {
        return None;
    }
    let cue = Cue { a: c, b: c + 1, role: Role::Speech, lemma: ":", sentence: s };
    let w = written_as(doc, a, c, Stop::Punct, lex);
    let mut d = make(doc, &cue, StatementForm::Reported, Some((a, c)), w, (from, end), None)?;
    // A transcript (or a quotation) gives the speaker's own words.
    if capitals || doc.in_quote.get(from).copied().flatten().is_some() {
        d.form = StatementForm::Direct;
    }
    Some(d)
}

/// A quotation that continues the direct statement before it, in the same or the next
/// paragraph, with nothing attributed between: "“…,” she said. “…”".
fn continuation(doc: &Doc, q: &Quote, out: &[Draft]) -> Option<Draft> {
    let open = doc.toks.partition_point(|t| t.start < q.outer.start);
    let s = sentence_of(doc, open)?;
    let (sa, _) = doc.sent[s];
    // The quotation opens its sentence, and holds a few words.
    if (sa..open).any(|i| doc.toks[i].is_word()) {
        return None;
    }
    let words =
        doc.text.get(q.inner.start..q.inner.end).unwrap_or_default().split_whitespace().count();
    if words < 3 {
        return None;
    }
    let prev = out
        .iter()
        .filter(|d| d.content.end <= q.outer.start && d.cue.end <= q.outer.start)
        .max_by_key(|d| d.cue.start.max(d.content.end))?;
    if prev.form != StatementForm::Direct || s.saturating_sub(prev.sentence) > 2 {
        return None;
    }
    let para = |x: usize| doc.para.get(x).copied().unwrap_or(0);
    if para(s) > para(prev.sentence) + 1 {
        return None;
    }
    let mut d = prev.clone();
    d.written = Written::SameAs(prev.cue.start);
    d.content = {
        let t = q.inner.text(doc.text).unwrap_or_default();
        let trimmed = t.trim_end_matches([',', ' ']);
        Span::new(q.inner.start, q.inner.start + trimmed.len())
    };
    d.sentence = s;
    d.citing = prev.citing.clone();
    Some(d)
}

pub(super) fn sentence_of(doc: &Doc, tok: usize) -> Option<usize> {
    // Sentences are token ranges in text order: a binary search.
    let k = doc.sent.partition_point(|&(_, b)| b <= tok);
    doc.sent.get(k).filter(|&&(a, b)| a <= tok && tok < b).map(|_| k)
}
