//! Statements: who said what, to whom, according to whom.
//!
//! # What it finds
//!
//! A [`Statement`] is one act of reported or quoted speech: its speaker (the words as written and
//! the in-document entity cluster they name), its cue ("said", "заявив", "according to"), its
//! content (the quotation's words or the reported clause), its form (direct, reported, or mixed:
//! reported speech with quoted words), its addressee ("told TASS"), its date (its sentence's) and
//! its `via` chain: the sources it reaches the reader through, nearest first ("the Washington
//! Post reported, citing documents" gives [The Washington Post, documents]). The article's `cites`
//! are the first links of those chains that are outlets or documents: what the article itself
//! names as its sources.
//!
//! # How
//!
//! Rule-based, in three steps, each a plain function:
//!
//! 1. **Reading** (`scan`): tokens with byte spans, and quotations paired in every common style
//!    («…», „…“, “…”, "…", '…'), nested, possibly over several sentences.
//! 2. **Attribution** (`attribution`): cues from the language pack's lexicon (`lexicon`,
//!    filled from `lang::packs`), then the rules that place speaker, content and addressee around
//!    them — quotations with a cue before or after them (including the Slavic dialogue dash
//!    `"…", - сказав X`), reported clauses ("X said that…", "X заявив, що…", that-less "X said
//!    Y"), inverted frames ("…, X told TASS", "…, заявив X"), source phrases ("according to X",
//!    "за словами X", "по словам X") and impersonal cues ("у документах ідеться").
//! 3. **Resolution** (here): the speaker phrase names an entity cluster when a mention lies inside
//!    it; otherwise a descriptor the entity stage attached ("The Venezuelan ruler" → Moreno); a
//!    pronoun takes the speaker of the previous statement, or the nearest person mentioned before
//!    it, whose gender agrees with the pronoun and with the verb ("сказала" is feminine); a
//!    relative pronoun ("Crane, who said") takes the name before it. Outlets are recognised by
//!    the knowledge base's names (`sources`); "the newspaper", "видання" take the nearest outlet
//!    named before; documents ("the documents", "тими ж документами") take the documents named
//!    before with the same head noun, and inherit who obtained them ("obtained by WP").
//!    Unnamed sources ("officials", "аналітики") and other phrases stay labels.
//!
//! Each language's words live in its pack, so the rules are the same for every language. The
//! statements of one article are independent of any other article; the whole pass costs a few
//! tens of microseconds for a 3 KB article.
//!
//! # Limits
//!
//! Without a parser, speaker and content boundaries come from punctuation, conjunctions and
//! prepositions, so a long speaker phrase or an object clause can be cut short; a quotation with
//! no cue in its sentence or next to it (a second paragraph of a long quotation) stays
//! unattributed; `via` is carried by the sentence (a statement nested in another's content, or
//! under a frame such as ", пише агентство Bloomberg"), not by the paragraph.

mod attribution;
mod lexicon;
mod scan;
mod sources;
mod vet;

use attribution::{Doc, Draft, Written};
use lexicon::Gender;
use parallax_model::{
    Confidence, DatedSentence, DocEntities, EntityType, Lang, LangSpan, Source, SourceKind, Span,
    Statement, StatementForm,
};

/// The statements of an article body and the sources the article cites. `entities` are the
/// article's mentions, clusters and descriptors (speakers resolve to clusters); `dated` are the
/// sentences with a date (a statement takes its sentence's date).
pub fn analyze(
    text: &str,
    sentences: &[Span],
    paragraph_languages: &[LangSpan],
    lang: Option<Lang>,
    entities: &DocEntities,
    dated: &[DatedSentence],
) -> (Vec<Statement>, Vec<Source>) {
    let doc = read(text, sentences, paragraph_languages, lang, entities);
    let cues = attribution::find_cues(&doc);
    let mut drafts = attribution::drafts(&doc, &cues);
    vet_drafts(&doc, &mut drafts);
    let mut r = Resolver::new(&doc, lang);
    let speakers: Vec<Speaker> = (0..drafts.len()).map(|i| r.speaker(&drafts, i)).collect();
    let vias = r.chains(&drafts, &speakers);
    let mut cites: Vec<usize> = vec![];
    for via in &vias {
        if let Some(&first) = via.first() {
            let kind = r.sources[first].kind;
            if matches!(kind, SourceKind::Outlet | SourceKind::Document)
                && !cites.iter().any(|&c| r.same_source(c, first))
            {
                cites.push(first);
            }
        }
    }
    // Outlets first, then documents, each in order of first appearance.
    cites.sort_by_key(|&c| r.sources[c].kind != SourceKind::Outlet);
    let low_content: Vec<bool> = drafts.iter().map(|d| vet::weak_content(&doc, d)).collect();
    let statements = drafts
        .iter()
        .zip(&speakers)
        .zip(&vias)
        .enumerate()
        .map(|(k, ((d, sp), via))| {
            let date = dated
                .iter()
                .find(|s| s.start <= d.cue.start && d.cue.start < s.end)
                .map(|s| s.date);
            let (cluster, label) = match sp {
                Speaker::Cluster(c) => (Some(*c), None),
                Speaker::Source(i) => {
                    let s = &r.sources[*i];
                    (s.cluster, Some(s.name.clone()))
                }
                Speaker::Label(l) => (None, Some(l.clone())),
                Speaker::Unknown => (None, None),
            };
            Statement {
                form: d.form,
                speaker: d.speaker,
                speaker_cluster: cluster,
                speaker_label: label,
                cue: d.cue,
                cue_lemma: d.lemma.clone(),
                content: d.content,
                addressee: d.addressee,
                via: via.iter().map(|&i| r.sources[i].to_source()).collect(),
                date,
                confidence: confidence(&doc, d, r.reached[k], low_content[k]),
            }
        })
        .collect();
    let cites = cites.iter().map(|&i| r.sources[i].to_source()).collect();
    (statements, cites)
}

/// How a statement's speaker was reached, from surest to least sure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reach {
    /// Named in the speaker phrase: a person, body, outlet or document, or a group described
    /// there ("officials at the ministry").
    Named,
    /// A descriptor the entity stage tied to a person, a surname alone, or a pronoun resolved
    /// to the one candidate that agrees with it.
    Inferred,
    /// A description that names no entity ("the minister"): the label is shown as written.
    Described,
    /// No speaker is written: an impersonal report ("сообщается", "it is reported") or a
    /// quotation with no frame, shown as unattributed; nothing is claimed about who spoke.
    Unstated,
    /// A definite description matched to a person by its words alone.
    Guessed,
    /// A pronoun or relative with no single antecedent.
    Unresolved,
}

/// A statement's confidence: high when its speaker is named in its own frame and its content is
/// a quotation or marked as speech (a complementiser, a colon, an inverted frame); low when the
/// speaker was guessed or not found, or the content is not shown to be a clause
/// ([`vet::weak_content`]); medium otherwise.
fn confidence(doc: &Doc, d: &Draft, reach: Reach, weak_content: bool) -> Confidence {
    if weak_content || reach >= Reach::Guessed {
        return Confidence::Low;
    }
    let marked = d.form == StatementForm::Direct || vet::marked(doc, d);
    if reach == Reach::Named && marked && d.speaker.is_some() {
        Confidence::High
    } else {
        Confidence::Medium
    }
}

/// Drops the drafts that are no statement ([`vet::keep`]), keeping coordinated subjects
/// (`Written::SameAs`, an index into the list) pointing at the right draft.
fn vet_drafts(doc: &Doc, drafts: &mut Vec<Draft>) {
    let keep: Vec<bool> = drafts.iter().map(|d| vet::keep(doc, d)).collect();
    if keep.iter().all(|&k| k) {
        return;
    }
    let mut new_index = vec![None; drafts.len()];
    let mut n = 0;
    for (i, &k) in keep.iter().enumerate() {
        if k {
            new_index[i] = Some(n);
            n += 1;
        }
    }
    let old = std::mem::take(drafts);
    for (i, mut d) in old.into_iter().enumerate() {
        if !keep[i] {
            continue;
        }
        if let Written::SameAs(j) = d.written {
            // The statement it shares a subject with is gone: its speaker phrase stays.
            d.written = match new_index.get(j).copied().flatten() {
                Some(k) => Written::SameAs(k),
                None => Written::Phrase,
            };
        }
        drafts.push(d);
    }
}

/// Tokens, sentences as token ranges, quotations and mentions of a text.
fn read<'a>(
    text: &'a str,
    sentences: &[Span],
    paragraph_languages: &[LangSpan],
    lang: Option<Lang>,
    entities: &'a DocEntities,
) -> Doc<'a> {
    let mut paragraphs: Vec<(Span, Option<Lang>)> = paragraph_languages
        .iter()
        .map(|p| (Span::new(p.start, p.end), p.language))
        .filter(|(s, _)| s.end <= text.len() && s.start < s.end)
        .collect();
    if paragraphs.is_empty() {
        let mut start = 0;
        for line in text.split('\n') {
            let span = Span::new(start, start + line.len());
            if !line.trim().is_empty() {
                paragraphs.push((span, lang));
            }
            start += line.len() + 1;
        }
    }
    let mut toks = vec![];
    let mut quotes = vec![];
    for (p, _) in &paragraphs {
        toks.extend(scan::tokens(text, *p));
        quotes.extend(scan::quotes(text, *p).into_iter().filter(|q| q.depth == 0));
    }
    let mut in_quote = vec![None; toks.len()];
    let mut qi = 0;
    for (i, t) in toks.iter().enumerate() {
        while qi < quotes.len() && quotes[qi].outer.end <= t.start {
            qi += 1;
        }
        if let Some(q) = quotes.get(qi) {
            if q.inner.start <= t.start && t.end <= q.inner.end {
                in_quote[i] = Some(qi);
            }
        }
    }
    let mut sent = Vec::with_capacity(sentences.len());
    let mut lex = Vec::with_capacity(sentences.len());
    let mut para = Vec::with_capacity(sentences.len());
    let mut k = 0;
    for s in sentences {
        while k < toks.len() && toks[k].start < s.start {
            k += 1;
        }
        let a = k;
        let mut b = a;
        while b < toks.len() && toks[b].end <= s.end {
            b += 1;
        }
        sent.push((a, b));
        let at = paragraphs.partition_point(|(p, _)| p.end <= s.start);
        let pi = paragraphs.get(at).filter(|(p, _)| p.start <= s.start).map(|_| at);
        para.push(pi.unwrap_or(0));
        let l =
            pi.and_then(|i| paragraphs.get(i)).and_then(|(_, l)| *l).or(lang).unwrap_or(Lang::En);
        lex.push(lexicon::lexicon(l));
        k = b;
    }
    let mut mention_at = vec![None; toks.len()];
    let mut order: Vec<usize> = (0..entities.mentions.len()).collect();
    order.sort_by_key(|&m| entities.mentions[m].start);
    let mut mi = 0;
    for (i, t) in toks.iter().enumerate() {
        while mi < order.len() && entities.mentions[order[mi]].end <= t.start {
            mi += 1;
        }
        if let Some(&m) = order.get(mi) {
            let mm = &entities.mentions[m];
            if mm.start <= t.start && t.end <= mm.end {
                mention_at[i] = Some(m);
            }
        }
    }
    Doc { text, toks, sent, lex, para, quotes, in_quote, mention_at, ents: entities }
}

/// Who a statement's speaker is.
#[derive(Debug, Clone, PartialEq)]
enum Speaker {
    Cluster(usize),
    /// A source (outlet, document, unnamed people): an index into [`Resolver::sources`].
    Source(usize),
    Label(String),
    Unknown,
}

/// A source as resolution knows it.
#[derive(Debug, Clone)]
struct Src {
    span: Span,
    kind: SourceKind,
    name: String,
    cluster: Option<usize>,
    /// The source it was obtained through ("documents obtained by WP" → WP).
    parent: Option<usize>,
    /// A key for anaphora: the outlet's name, or a document's head noun stem.
    key: String,
}

impl Src {
    fn to_source(&self) -> Source {
        Source {
            start: self.span.start,
            end: self.span.end,
            kind: self.kind,
            name: self.name.clone(),
            cluster: self.cluster,
        }
    }
}

struct Resolver<'a> {
    doc: &'a Doc<'a>,
    lang: Option<Lang>,
    /// Outlets named in the text.
    outlets: Vec<(Span, &'static crate::kb::Outlet)>,
    sources: Vec<Src>,
    /// What each statement's speaker resolved to, for coordinated subjects and pronouns.
    resolved: Vec<Speaker>,
    /// How each statement's speaker was reached (see [`Reach`]), in step with `resolved`.
    reached: Vec<Reach>,
    /// How the speaker being resolved now was reached.
    reach: Reach,
    /// Genders learnt for clusters from verbs ("Морено заявив").
    genders: Vec<Option<Gender>>,
    /// The sources each statement's citing and agent phrases name, nearest first.
    citing: Vec<Vec<usize>>,
    /// Nesting depth of source resolution (a document's agent is resolved as a source).
    depth: usize,
    /// Mention indices in order of their start, for range lookups: every statement looks up
    /// the mentions of a phrase or of the sentences before it, and a scan of all mentions per
    /// statement made a page with tens of thousands of statements quadratic.
    by_start: Vec<usize>,
}

impl<'a> Resolver<'a> {
    fn new(doc: &'a Doc<'a>, lang: Option<Lang>) -> Self {
        let mut genders = vec![None; doc.ents.clusters.len()];
        for (c, g) in genders.iter_mut().enumerate() {
            *g = name_gender(doc, c);
        }
        let mut by_start: Vec<usize> = (0..doc.ents.mentions.len()).collect();
        by_start.sort_by_key(|&k| (doc.ents.mentions[k].start, k));
        Resolver {
            doc,
            lang,
            outlets: sources::outlet_names(doc.text, &doc.toks),
            sources: vec![],
            resolved: vec![],
            reached: vec![],
            reach: Reach::Named,
            genders,
            citing: vec![],
            depth: 0,
            by_start,
        }
    }

    /// The indices of the mentions that lie within `lo..hi`, in index order.
    fn mentions_within(&self, lo: usize, hi: usize) -> Vec<usize> {
        let ms = &self.doc.ents.mentions;
        let from = self.by_start.partition_point(|&k| ms[k].start < lo);
        let mut out: Vec<usize> = self.by_start[from..]
            .iter()
            .copied()
            .take_while(|&k| ms[k].start < hi)
            .filter(|&k| ms[k].end <= hi)
            .collect();
        out.sort_unstable();
        out
    }

    /// The sentence (index into `doc.sent`) holding byte `pos`.
    fn sentence_at(&self, pos: usize) -> Option<usize> {
        let doc = self.doc;
        let ends_before = |&(_, b): &(usize, usize)| {
            b.checked_sub(1).and_then(|k| doc.toks.get(k)).is_none_or(|t| t.end <= pos)
        };
        let k = doc.sent.partition_point(ends_before);
        let &(a, b) = doc.sent.get(k)?;
        (doc.toks.get(a).is_some_and(|t| t.start <= pos)
            && b.checked_sub(1).and_then(|k| doc.toks.get(k)).is_some_and(|t| pos < t.end))
        .then_some(k)
    }

    fn text(&self, s: Span) -> &'a str {
        s.text(self.doc.text).unwrap_or_default()
    }

    fn same_source(&self, a: usize, b: usize) -> bool {
        let (x, y) = (&self.sources[a], &self.sources[b]);
        x.kind == y.kind && x.key == y.key
    }

    /// Resolves statement `i`'s speaker (statements before it are resolved already).
    fn speaker(&mut self, drafts: &[Draft], i: usize) -> Speaker {
        let d = &drafts[i];
        self.reach = Reach::Named;
        let sp = match (&d.written, d.speaker) {
            (Written::SameAs(j), _) => {
                self.reach = self.reached.get(*j).copied().unwrap_or(Reach::Unresolved);
                self.resolved.get(*j).cloned().unwrap_or(Speaker::Unknown)
            }
            (Written::Relative(Some(ante)), _) => self.phrase(*ante, d),
            (Written::Relative(None), Some(s)) => {
                self.reach = Reach::Unresolved;
                Speaker::Label(self.text(s).to_string())
            }
            (Written::Pronoun(g), Some(s)) => {
                let g = match (*g, d.gender) {
                    (Gender::Plural, _) | (_, Some(Gender::Plural)) => Gender::Plural,
                    (_, Some(v)) => v,
                    (g, None) => g,
                };
                match self.antecedent(drafts, i, g) {
                    Some(sp) => {
                        self.reach = Reach::Inferred;
                        sp
                    }
                    None => {
                        self.reach = Reach::Unresolved;
                        Speaker::Label(self.text(s).to_string())
                    }
                }
            }
            (_, Some(s)) => self.phrase(s, d),
            (_, None) => {
                self.reach = Reach::Unstated;
                Speaker::Unknown
            }
        };
        self.reached.push(self.reach);
        if let (Speaker::Cluster(c), Some(g @ (Gender::Masculine | Gender::Feminine))) =
            (&sp, d.gender)
        {
            if let Some(slot) = self.genders.get_mut(*c) {
                slot.get_or_insert(g);
            }
        }
        self.resolved.push(sp.clone());
        // The sources its frame cites, registered now so that later anaphora find them.
        let mut cited = vec![];
        let mut head = match sp {
            Speaker::Source(k) => Some(k),
            _ => None,
        };
        for &c in &d.citing {
            if let Some(k) = self.link_source(c) {
                if k != head.unwrap_or(usize::MAX) {
                    if self.sources[k].parent.is_none()
                        && head.is_some_and(|h| self.sources[h].kind == SourceKind::Outlet)
                    {
                        self.sources[k].parent = head;
                    }
                    cited.push(k);
                    head = Some(k);
                }
            }
        }
        self.citing.push(cited);
        sp
    }

    /// The entity, source or label a speaker phrase names.
    fn phrase(&mut self, s: Span, d: &Draft) -> Speaker {
        self.phrase_in(s, d.sentence, d.citing.first().copied())
    }

    /// The entity, source or label a phrase of sentence `sentence` names; `agent` is the
    /// phrase naming who obtained it, when the frame names one.
    fn phrase_in(&mut self, s: Span, sentence: usize, agent: Option<Span>) -> Speaker {
        let doc = self.doc;
        let ents = doc.ents;
        let inside: Vec<usize> = self.mentions_within(s.start, s.end);
        let kind_of = |m: usize| ents.mentions[m].kind;
        // 0. An outlet named in the phrase, unless a person is named outside its name.
        if let Some(&(span, o)) =
            self.outlets.iter().find(|(o, _)| s.start <= o.start && o.end <= s.end)
        {
            let person_elsewhere = inside.iter().any(|&m| {
                let mm = &ents.mentions[m];
                kind_of(m) == EntityType::Person && (mm.end <= span.start || mm.start >= span.end)
            });
            if !person_elsewhere {
                let cluster = self.outlet_cluster(span, o.name);
                return Speaker::Source(self.outlet_source(span, o, cluster));
            }
        }
        // 1. A person named in the phrase (the last: the head of "Russian Deputy Foreign Minister
        //    Sergey Tyabkov") — unless the phrase is a group that person only qualifies:
        //    "media experts of Savchenko's office", "эксперты офиса Олега Савченко".
        //    The same for a body or a place that only qualifies the group ("a spokesman for the
        //    government", "der Sprecher der Regierung", "sources in the Kremlin"): anonymous
        //    sources are not the body itself.
        if !inside.is_empty() {
            if let Some(group) = self.group_of(s, sentence, &inside) {
                return group;
            }
        }
        if let Some(&m) = inside.iter().rev().find(|&&m| kind_of(m) == EntityType::Person) {
            return Speaker::Cluster(ents.mentions[m].cluster);
        }
        // 2. A descriptor attached to a person: "The Venezuelan ruler", "the Kremlin spokesman".
        if let Some(desc) = ents.descriptors.iter().find(|x| x.start < s.end && s.start < x.end) {
            if ents.clusters.get(desc.cluster).is_some_and(|c| c.kind == EntityType::Person) {
                self.reach = Reach::Inferred;
                return Speaker::Cluster(desc.cluster);
            }
        }

        let lex = doc.lex_of(sentence);
        let words: Vec<String> = self
            .text(s)
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .collect();
        // 5. "the newspaper", "видання": the nearest outlet named before.
        if inside.is_empty() && words.iter().any(|w| lex.outlet_nouns.contains(w.as_str())) {
            if let Some(&(span, o)) = self.outlets.iter().rev().find(|(o, _)| o.end <= s.start) {
                let cluster = self.outlet_cluster(span, o.name);
                let src = self.outlet_source(span, o, cluster);
                return Speaker::Source(src);
            }
        }
        // 4. Documents, whatever countries or bodies qualify them ("US government documents").
        if let Some(head) = words.iter().rev().find(|w| lex.document_nouns.contains(w.as_str())) {
            let head = head.clone();
            return Speaker::Source(self.document(s, &head, &words, agent.filter(|&a| a != s)));
        }
        // A body, law or office that the names in the phrase only qualify ("избирательная
        // комиссия Аляски", "законодательство США", "the president of the company"): the
        // phrase as written, not the entity.
        if inside.iter().all(|&m| kind_of(m) != EntityType::Person) && self.head_before_names(s) {
            self.reach = Reach::Described;
            return Speaker::Label(strip_determiners(self.text(s)).to_string());
        }
        // 5. An organisation.
        if let Some(&m) = inside.iter().rev().find(|&&m| kind_of(m) == EntityType::Organization) {
            return Speaker::Cluster(ents.mentions[m].cluster);
        }
        // 7. Unnamed people.
        if inside.iter().all(|&m| kind_of(m) != EntityType::Person)
            && words.iter().any(|w| lex.group_nouns.contains(w.as_str()))
            && inside.iter().all(|&m| kind_of(m) != EntityType::Organization)
        {
            return Speaker::Source(self.anonymous(s));
        }
        // 8. Any other entity (a country, a place standing for its government).
        if let Some(&m) = inside.last() {
            return Speaker::Cluster(ents.mentions[m].cluster);
        }
        // 9. A surname the tagger missed ("Moreno" opening a sentence): the person of that name.
        let capitalised = self.text(s).chars().next().is_some_and(char::is_uppercase);
        if let Some(c) = capitalised.then(|| self.surname(&words, s.start)).flatten() {
            self.reach = Reach::Inferred;
            return Speaker::Cluster(c);
        }
        // 10. A definite description the entity stage left unresolved: "the Venezuelan leader".
        if let Some(c) = self.definite(s, &words) {
            self.reach = Reach::Guessed;
            return Speaker::Cluster(c);
        }
        self.reach = Reach::Described;
        Speaker::Label(self.text(s).to_string())
    }

    /// A speaker phrase headed by a group noun that every name in it follows, each person as a
    /// dependent of it — a possessor or a prepositional object ("media experts of Savchenko's
    /// office", "sources close to Putin"), or, in a language with case, a name in an oblique
    /// case ("эксперты офиса Олега Савченко": the speaker of a verb is in the nominative) — is
    /// that group, shown with the words that give its affiliation.
    fn group_of(&mut self, s: Span, sentence: usize, inside: &[usize]) -> Option<Speaker> {
        let doc = self.doc;
        let lex = doc.lex_of(sentence);
        let a = doc.toks.partition_point(|t| t.start < s.start);
        let b = doc.toks.partition_point(|t| t.start < s.end);
        let group = (a..b).find(|&i| {
            lex.group_nouns.contains(doc.toks[i].lower.as_ref())
                && doc.mention_at.get(i).copied().flatten().is_none()
        })?;
        let cased = matches!(lex.lang, Some(Lang::Ru | Lang::Uk | Lang::Pl));
        let dependent = |m: &parallax_model::Mention| {
            if m.start < doc.toks[group].end {
                return false;
            }
            if m.kind != EntityType::Person {
                return true;
            }
            let k = doc.toks.partition_point(|t| t.start < m.start);
            let prev = k.checked_sub(1).map_or("", |p| doc.toks[p].lower.as_ref());
            let after = doc.text.get(m.end..).unwrap_or_default();
            let possessive = after.starts_with("'s") || after.starts_with("’s");
            let preposition = k > group + 1 && lex.boundaries.contains(prev);
            // In a language with case a name right after a common noun that is no title or
            // role depends on it ("офиса Олега Савченко"), where a name after a title stands
            // beside it ("представитель МИД Мария Захарова").
            let after_noun = k > group
                && doc.toks.get(k - 1).is_some_and(|t| {
                    t.is_word()
                        && !t.cap
                        && !lex.function_words.contains(t.lower.as_ref())
                        && !lex.group_nouns.contains(t.lower.as_ref())
                        && crate::kb::titles_for(&t.lower, lex.lang).is_empty()
                });
            let oblique = cased && (after_noun || vet::oblique_name(doc, m));
            possessive || preposition || oblique
        };
        if !inside.iter().all(|&m| dependent(&doc.ents.mentions[m])) {
            return None;
        }
        Some(Speaker::Source(self.anonymous(s)))
    }

    /// Unnamed people described by a phrase ("officials at the ministry"), as a source named by
    /// the phrase without its determiner.
    fn anonymous(&mut self, s: Span) -> usize {
        let name = strip_determiners(self.text(s)).to_string();
        self.push(Src {
            span: s,
            kind: SourceKind::Anonymous,
            key: name.to_lowercase(),
            name,
            cluster: None,
            parent: None,
        })
    }

    /// Whether a phrase that names entities opens (after determiners, prepositions and fillers)
    /// with a common noun that is part of no name: lower-case, or capitalised only as the
    /// sentence's first word. Its names then qualify that noun.
    fn head_before_names(&self, s: Span) -> bool {
        let doc = self.doc;
        let a = doc.toks.partition_point(|t| t.start < s.start);
        let b = doc.toks.partition_point(|t| t.start < s.end);
        let sentence = attribution::sentence_of(doc, a);
        let Some(lex) = sentence.map(|k| doc.lex_of(k)) else { return false };
        let head = (a..b).find(|&i| {
            let w = doc.toks[i].lower.as_ref();
            doc.toks[i].is_word()
                && !(lex.function_words.contains(w)
                    || lex.boundaries.contains(w)
                    || lex.is_filler(w)
                    || matches!(w, "the" | "a" | "an"))
        });
        let Some(h) = head else { return false };
        let first_of_sentence = sentence.is_some_and(|k| doc.sent[k].0 == h);
        let t = &doc.toks[h];
        let in_mention = doc.mention_at.get(h).copied().flatten().is_some();
        // The names follow the head closely ("комиссия Аляски", "гражданской авиации Англии"):
        // a long phrase before a name is more likely a clause the phrase took in.
        let named_after =
            (h + 1..b.min(h + 4)).any(|i| doc.mention_at.get(i).copied().flatten().is_some());
        !in_mention
            && (!t.cap || first_of_sentence)
            && named_after
            && !lex.pronouns.contains_key(t.lower.as_ref())
            && !lex.outlet_nouns.contains(t.lower.as_ref())
            && !lex.document_nouns.contains(t.lower.as_ref())
    }

    /// The person cluster one of whose name words has the stem of a one- or two-word phrase.
    fn surname(&self, words: &[String], before: usize) -> Option<usize> {
        if words.is_empty() || words.len() > 2 {
            return None;
        }
        let keys: Vec<String> = words.iter().map(|w| crate::entities::names::stem(w)).collect();
        if keys.iter().any(|k| k.chars().count() < 3) {
            return None;
        }
        // Among the persons whose name fits, the one mentioned last before the phrase (or first
        // after it).
        let ents = self.doc.ents;
        let fit: Vec<bool> = ents
            .clusters
            .iter()
            .map(|cl| {
                cl.kind == EntityType::Person && {
                    let name: Vec<String> =
                        cl.name.split_whitespace().map(crate::entities::names::stem).collect();
                    keys.iter().all(|k| name.contains(k))
                }
            })
            .collect();
        if !fit.contains(&true) {
            return None;
        }
        let fits = |c: usize| fit.get(c).copied().unwrap_or(false);
        let before_m = ents
            .mentions
            .iter()
            .filter(|m| m.end <= before && fits(m.cluster))
            .max_by_key(|m| m.end);
        let after_m = ents
            .mentions
            .iter()
            .filter(|m| m.start >= before && fits(m.cluster))
            .min_by_key(|m| m.start);
        before_m.or(after_m).map(|m| m.cluster)
    }

    /// The cluster of a mention at an outlet's name, when the entity stage made it that outlet.
    fn outlet_cluster(&self, span: Span, name: &str) -> Option<usize> {
        let ents = self.doc.ents;
        let want = format!("outlet:{name}");
        ents.mentions
            .iter()
            .find(|m| m.start < span.end && span.start < m.end)
            .map(|m| m.cluster)
            .filter(|&c| {
                ents.clusters.get(c).is_some_and(|cl| cl.kb.as_deref() == Some(want.as_str()))
            })
    }

    fn outlet_source(
        &mut self,
        span: Span,
        o: &'static crate::kb::Outlet,
        cluster: Option<usize>,
    ) -> usize {
        self.push(Src {
            span,
            kind: SourceKind::Outlet,
            name: o.name.to_string(),
            cluster,
            parent: None,
            key: o.name.to_string(),
        })
    }

    fn push(&mut self, s: Src) -> usize {
        self.sources.push(s);
        self.sources.len() - 1
    }

    /// A document source: the documents named before with the same head noun when the phrase
    /// refers back ("the documents", "тими ж документами", any phrase in a language without
    /// articles), else new documents, obtained through the agent or the outlet the frame names.
    fn document(&mut self, s: Span, head: &str, words: &[String], agent: Option<Span>) -> usize {
        let key: String = head.chars().take(6).collect();
        let definite = matches!(
            words.first().map(String::as_str),
            Some(
                "the"
                    | "these"
                    | "those"
                    | "this"
                    | "that"
                    | "der"
                    | "die"
                    | "das"
                    | "los"
                    | "las"
                    | "el"
                    | "la"
                    | "le"
                    | "les"
            )
        ) || !matches!(
            self.lang,
            Some(Lang::En | Lang::De | Lang::Es | Lang::Fr | Lang::It | Lang::Pt | Lang::Nl)
        );
        if definite {
            if let Some(k) = (0..self.sources.len()).rev().find(|&k| {
                let x = &self.sources[k];
                x.kind == SourceKind::Document && x.key == key && x.span.start < s.start
            }) {
                return k;
            }
        }
        // Who obtained it: an agent phrase ("obtained by WP"), or the outlet the frame names.
        let parent = agent.and_then(|c| self.link_source(c));
        let name = strip_determiners(self.text(s)).to_string();
        self.push(Src { span: s, kind: SourceKind::Document, name, cluster: None, parent, key })
    }

    /// A source named by an agent or citing phrase.
    fn link_source(&mut self, span: Span) -> Option<usize> {
        if self.depth > 2 {
            return None;
        }
        let sentence = self.sentence_at(span.start)?;
        self.depth += 1;
        let reach = self.reach;
        let found = self.phrase_in(span, sentence, None);
        self.reach = reach;
        self.depth -= 1;
        match found {
            Speaker::Source(k) => Some(k),
            Speaker::Cluster(c) => {
                let cl = self.doc.ents.clusters.get(c)?;
                let kind = SourceKind::Entity;
                Some(self.push(Src {
                    span,
                    kind,
                    name: cl.name.clone(),
                    cluster: Some(c),
                    parent: None,
                    key: format!("cluster:{c}"),
                }))
            }
            _ => None,
        }
    }

    /// "the Venezuelan leader" with no descriptor: a title after a definite article (or alone in a
    /// language without articles), naming the person mentioned most recently before it.
    fn definite(&self, s: Span, words: &[String]) -> Option<usize> {
        let last = words.last()?;
        let article = matches!(words.first().map(String::as_str), Some("the" | "this" | "that"));
        let lang_has_articles = matches!(
            self.lang,
            Some(Lang::En | Lang::De | Lang::Es | Lang::Fr | Lang::It | Lang::Pt | Lang::Nl)
        );
        // Without articles a bare title is as likely indefinite ("депутат заявив"): only languages
        // with articles resolve them here.
        if words.len() > 4 || !lang_has_articles || !article {
            return None;
        }
        let title = crate::kb::title(last, self.lang)
            .or_else(|| crate::kb::title(words.first()?, self.lang))?;
        if title.evaluative && title.class == crate::kb::TitleClass::Group {
            return None;
        }
        self.nearest_person(s.start, None, None)
    }

    /// The nearest person mentioned before `pos` (outside quotations and `exclude`), within the
    /// three sentences before, whose gender agrees.
    fn nearest_person(
        &self,
        pos: usize,
        gender: Option<Gender>,
        exclude: Option<Span>,
    ) -> Option<usize> {
        let doc = self.doc;
        let s = self.sentence_at(pos)?;
        let first = doc
            .sent
            .get(s.saturating_sub(3))
            .and_then(|&(a, _)| doc.toks.get(a))
            .map_or(0, |t| t.start);
        let fits: Vec<&parallax_model::Mention> = self
            .mentions_within(first, pos)
            .into_iter()
            .map(|k| &doc.ents.mentions[k])
            .filter(|m| m.kind == EntityType::Person)
            .filter(|m| exclude.is_none_or(|x| !(x.start <= m.start && m.end <= x.end)))
            .filter(|m| {
                !doc.quotes.iter().any(|q| q.inner.start <= m.start && m.end <= q.inner.end)
            })
            .filter(|m| self.gender_fits(m.cluster, gender))
            .collect();
        // Only one person can be meant: two that fit leave a pronoun unresolved.
        let nearest = fits.iter().max_by_key(|m| m.end)?;
        fits.iter().all(|m| m.cluster == nearest.cluster).then_some(nearest.cluster)
    }

    fn gender_fits(&self, cluster: usize, g: Option<Gender>) -> bool {
        match (self.genders.get(cluster).copied().flatten(), g) {
            (Some(a), Some(b @ (Gender::Masculine | Gender::Feminine))) => a == b,
            _ => true,
        }
    }

    /// A pronoun's antecedent: the previous statement's speaker when it is a person of the
    /// right gender and near, else the nearest person mentioned before.
    fn antecedent(&self, drafts: &[Draft], i: usize, g: Gender) -> Option<Speaker> {
        let d = &drafts[i];
        let pos = d.speaker.map_or(d.cue.start, |s| s.start);
        match g {
            Gender::Plural => return None,
            Gender::Neuter => {
                // "It said": the previous speaker that is not a person.
                return (0..i).rev().take(3).find_map(|j| match self.resolved.get(j)? {
                    Speaker::Source(k) => Some(Speaker::Source(*k)),
                    Speaker::Cluster(c)
                        if self
                            .doc
                            .ents
                            .clusters
                            .get(*c)
                            .is_some_and(|x| x.kind != EntityType::Person) =>
                    {
                        Some(Speaker::Cluster(*c))
                    }
                    _ => None,
                });
            }
            _ => {}
        }
        let near = |j: usize| d.sentence.saturating_sub(drafts[j].sentence) <= 2;
        if let Some(j) = (0..i).rev().find(|&j| near(j)) {
            if let Some(Speaker::Cluster(c)) = self.resolved.get(j) {
                let c = *c;
                let person =
                    self.doc.ents.clusters.get(c).is_some_and(|x| x.kind == EntityType::Person);
                // The previous speaker stays the topic unless another person is named between.
                let between = Span::new(drafts[j].cue.end, pos);
                let other = self.doc.ents.mentions.iter().any(|m| {
                    m.kind == EntityType::Person
                        && m.cluster != c
                        && between.start <= m.start
                        && m.end <= between.end
                        && !drafts
                            .iter()
                            .any(|o| o.content.start <= m.start && m.end <= o.content.end)
                        && !self
                            .doc
                            .quotes
                            .iter()
                            .any(|q| q.inner.start <= m.start && m.end <= q.inner.end)
                        && self.gender_fits(m.cluster, Some(g))
                });
                if person && !other && self.gender_fits(c, Some(g)) {
                    return Some(Speaker::Cluster(c));
                }
            }
        }
        self.nearest_person(pos, Some(g), Some(d.content)).map(Speaker::Cluster)
    }

    /// The `via` chain of every statement: the chain of its speaker when the speaker is a
    /// source, after the chain of the statement it is nested in (or the frame over its sentence).
    fn chains(&mut self, drafts: &[Draft], speakers: &[Speaker]) -> Vec<Vec<usize>> {
        // Own chains: the speaker's (outlets, documents, with their parents) and citing links.
        let mut own: Vec<Vec<usize>> = vec![];
        for (i, d) in drafts.iter().enumerate() {
            let mut chain = match &speakers[i] {
                Speaker::Source(k) => self.lineage(*k),
                _ => vec![],
            };
            let _ = d;
            for &k in self.citing.get(i).into_iter().flatten() {
                for x in self.lineage(k) {
                    if !chain.iter().any(|&y| self.same_source(x, y)) {
                        chain.push(x);
                    }
                }
            }
            own.push(chain);
        }
        // Nesting: a statement whose cue lies in another's content is reported through it (the
        // innermost such content). Contents are looked up by start, back to the longest
        // content's length before the cue: linear for a page of many short statements.
        let mut by_start: Vec<usize> = (0..drafts.len()).collect();
        by_start.sort_by_key(|&j| (drafts[j].content.start, j));
        let longest = drafts.iter().map(|o| o.content.len()).max().unwrap_or(0);
        let outer: Vec<Option<usize>> = drafts
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let upto = by_start.partition_point(|&j| drafts[j].content.start <= d.cue.start);
                by_start[..upto]
                    .iter()
                    .rev()
                    .take_while(|&&j| drafts[j].content.start + longest >= d.cue.start)
                    .filter(|&&j| j != i && d.cue.end <= drafts[j].content.end)
                    .min_by_key(|&&j| (drafts[j].content.len(), j))
                    .copied()
            })
            .collect();
        let mut out = vec![];
        for i in 0..drafts.len() {
            let mut chain: Vec<usize> = vec![];
            let mut stack = vec![];
            let mut j = outer[i];
            let mut guard = 0;
            while let Some(o) = j {
                if guard > 8 || stack.contains(&o) {
                    break;
                }
                stack.push(o);
                j = outer[o];
                guard += 1;
            }
            for &o in stack.iter().rev() {
                let mut link = own[o].clone();
                if link.is_empty() {
                    if let Speaker::Cluster(c) = speakers[o] {
                        if let Some(k) = self.entity_source(c, drafts[o].speaker) {
                            link.push(k);
                        }
                    }
                }
                for k in link {
                    if !chain.iter().any(|&x| self.same_source(x, k)) {
                        chain.push(k);
                    }
                }
            }
            for &k in &own[i] {
                if !chain.iter().any(|&x| self.same_source(x, k)) {
                    chain.push(k);
                }
            }
            out.push(chain);
        }
        out
    }

    /// A source's chain from the reader: its parents first, then itself.
    fn lineage(&self, k: usize) -> Vec<usize> {
        let mut chain = vec![k];
        let mut p = self.sources[k].parent;
        while let Some(x) = p {
            if chain.contains(&x) || chain.len() > 8 {
                break;
            }
            chain.insert(0, x);
            p = self.sources[x].parent;
        }
        chain
    }

    fn entity_source(&mut self, c: usize, span: Option<Span>) -> Option<usize> {
        let cl = self.doc.ents.clusters.get(c)?;
        let span = span?;
        Some(self.push(Src {
            span,
            kind: SourceKind::Entity,
            name: cl.name.clone(),
            cluster: Some(c),
            parent: None,
            key: format!("cluster:{c}"),
        }))
    }
}

/// A person's gender from the form of their name, when Slavic morphology shows it ("Захарова",
/// "Тимошенко" shows nothing).
fn name_gender(doc: &Doc, c: usize) -> Option<Gender> {
    let cl = doc.ents.clusters.get(c)?;
    if cl.kind != EntityType::Person {
        return None;
    }
    let last = cl.name.split_whitespace().last()?.to_lowercase();
    if !last.chars().any(|ch| ('\u{400}'..='\u{4ff}').contains(&ch)) {
        return None;
    }
    const FEM: &[&str] = &["ова", "ева", "єва", "іна", "ина", "ська", "цька", "ская", "цкая", "ая"];
    const MASC: &[&str] = &["ов", "ев", "єв", "ін", "ин", "ський", "цький", "ский", "цкий", "ий"];
    if FEM.iter().any(|e| last.ends_with(e)) {
        Some(Gender::Feminine)
    } else if MASC.iter().any(|e| last.ends_with(e)) {
        Some(Gender::Masculine)
    } else {
        None
    }
}

/// A phrase without its leading determiner ("the documents" → "documents").
fn strip_determiners(s: &str) -> &str {
    let mut s = s.trim();
    for d in ["the ", "The ", "these ", "These ", "those ", "Those ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = s.strip_prefix(d) {
            s = rest;
            break;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Cluster, Mention};

    /// Entities for `names`: every occurrence of each name is a mention of one cluster.
    pub(crate) fn ents(text: &str, names: &[(&str, EntityType)]) -> DocEntities {
        let mut e = DocEntities::default();
        for (name, kind) in names {
            e.clusters.push(Cluster {
                kind: *kind,
                name: name.to_string(),
                kb: None,
                affiliation: None,
                entity: None,
            });
            let c = e.clusters.len() - 1;
            for (at, _) in text.match_indices(name) {
                e.mentions.push(Mention {
                    start: at,
                    end: at + name.len(),
                    kind: *kind,
                    lemma: name.to_string(),
                    cluster: c,
                });
            }
        }
        e.mentions.sort_by_key(|m| m.start);
        e
    }

    fn run(text: &str, lang: Lang, names: &[(&str, EntityType)]) -> Vec<String> {
        let e = ents(text, names);
        let sentences = crate::segment::sentences(text, Some(lang));
        let (st, _) = analyze(text, &sentences, &[], Some(lang), &e, &[]);
        st.iter()
            .map(|s| {
                let t = |x: Span| x.text(text).unwrap_or("?").to_string();
                let who = s
                    .speaker_cluster
                    .and_then(|c| e.clusters.get(c))
                    .map(|c| c.name.clone())
                    .or(s.speaker_label.clone())
                    .unwrap_or_default();
                format!("{:?} {} <{}> [{}]", s.form, t(s.cue), who, t(s.content))
            })
            .collect()
    }

    #[test]
    fn slavic_dash_after_a_multi_sentence_quotation() {
        let text = "\"Це поразка. І це на руку опозиції\", - звернув увагу колишній посол Канади в Чилі Марк Девіс.";
        let got = run(
            text,
            Lang::Uk,
            &[("Чилі Марк Девіс", EntityType::Person), ("Канади", EntityType::Country)],
        );
        assert_eq!(
            got,
            ["Direct звернув увагу <Чилі Марк Девіс> [Це поразка. І це на руку опозиції]"]
        );
    }

    #[test]
    fn participle_after_a_noun() {
        let text = "Harlow told Reuters. \"We are watching,\" he said, commenting on The Guardian report saying that Okafor had sent a request.";
        let got = run(
            text,
            Lang::En,
            &[
                ("Harlow", EntityType::Person),
                ("Okafor", EntityType::Person),
                ("The Guardian", EntityType::Organization),
            ],
        );
        assert_eq!(
            got,
            [
                "Direct said <Harlow> [We are watching]",
                "Reported saying <The Guardian> [Okafor had sent a request]"
            ]
        );
    }
}
