//! From text to the tagger's view of it: tokens with their per-token facts computed once
//! (lower case, stem, shape, capitalisation, word classes, gazetteer membership, quotation and
//! document-level evidence), grouped into sentences, and the hashed features of each token.

use super::gazetteer;
use super::lexicon::{self, is_latin_lang};
use super::model::IdHasher;
use super::stem;
use super::token::{self, is_close_quote, is_open_quote, Caps, Kind, Token};
use parallax_model::{Lang, LangSpan, Span};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// What the tagger knows about one token.
#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub caps: Caps,
    /// Byte range of the lower-cased form in [`Prepared::arena`].
    pub lower: (u32, u32),
    /// Byte length of the stem (a prefix of the lower-cased form).
    pub stem_len: u32,
    pub h_lower: u32,
    pub h_stem: u32,
    pub h_shape: u32,
    pub h_suf: [u32; 3],
    /// Hashes of the first three and four letters (0 for short words).
    pub h_pre: [u32; 2],
    pub class: u32,
    pub sent_start: bool,
    pub lang: Lang,
    pub latin: bool,
    /// Gazetteer membership: kind in the low bits, [`gazetteer::BEGIN`] on a match's first token.
    pub gaz: u8,
    /// Quotation context (see [`quote`] constants).
    pub quote: u8,
    /// Document evidence bits ([`doc`] constants): what the contexts of every occurrence of this
    /// word's stem in the text say.
    pub doc: u16,
    pub first_char: char,
}

/// Quotation context of a token.
pub mod quote {
    pub const OPEN: u8 = 1;
    pub const CLOSE: u8 = 2;
    /// The first word inside a quotation.
    pub const FIRST: u8 = 3;
    /// Another word inside a short quotation.
    pub const INSIDE: u8 = 4;
    /// The last word inside a quotation.
    pub const LAST: u8 = 5;
}

/// Document-level evidence about a word (by its stem): the contexts of all its occurrences.
pub mod doc {
    /// The stem appears capitalised somewhere other than at a sentence start.
    pub const CAP_MID: u16 = 1;
    /// The stem appears in lower case somewhere.
    pub const LOWER: u16 = 1 << 1;
    /// After a title or honorific ("президент X").
    pub const AFTER_TITLE: u16 = 1 << 2;
    /// After a preposition of place ("в X").
    pub const AFTER_LOC_PREP: u16 = 1 << 3;
    /// Before a speech verb ("X заявил").
    pub const BEFORE_SPEECH: u16 = 1 << 4;
    /// After another capitalised word inside a sentence ("Борис X").
    pub const AFTER_CAP: u16 = 1 << 5;
    /// Before another capitalised word ("X Ельцин").
    pub const BEFORE_CAP: u16 = 1 << 6;
    /// After an initial ("Д. X").
    pub const AFTER_INITIAL: u16 = 1 << 7;
    /// After an organisation head noun ("компания X").
    pub const AFTER_ORG_HEAD: u16 = 1 << 8;
    /// Next to a place head noun ("X область", "река X").
    pub const NEAR_LOC_HEAD: u16 = 1 << 9;
    /// Inside quotation marks.
    pub const QUOTED: u16 = 1 << 10;
    /// All in capitals somewhere.
    pub const UPPER: u16 = 1 << 11;
    /// In a gazetteer match somewhere.
    pub const GAZ: u16 = 1 << 12;
}

/// A text ready for tagging.
pub struct Prepared<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// Token index ranges of sentences.
    pub sents: Vec<(usize, usize)>,
    pub arena: String,
}

impl Prepared<'_> {
    pub fn lower(&self, t: &Tok) -> &str {
        self.arena.get(t.lower.0 as usize..t.lower.1 as usize).unwrap_or("")
    }

    /// The token as written.
    pub fn text_of(&self, t: &Tok) -> &str {
        self.text.get(t.start..t.end).unwrap_or("")
    }

    pub fn stem_of(&self, t: &Tok) -> &str {
        self.arena.get(t.lower.0 as usize..(t.lower.0 + t.stem_len) as usize).unwrap_or("")
    }
}

/// FNV-1a over bytes, seeded.
pub fn hash_bytes(seed: u32, s: &[u8]) -> u32 {
    let mut h = 0x811c_9dc5u32 ^ seed.wrapping_mul(0x0100_0193);
    for &b in s {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Mixes two values into one feature key.
#[inline]
pub fn mix(a: u32, b: u32) -> u32 {
    let mut h = a.wrapping_mul(0x9E37_79B1) ^ b.rotate_left(15).wrapping_mul(0x85EB_CA77);
    h ^= h >> 16;
    h = h.wrapping_mul(0x7FEB_352D);
    h ^= h >> 15;
    h = h.wrapping_mul(0x846C_A68B);
    h ^ (h >> 16)
}

fn prefix(s: &str, n: usize, seed: u32) -> u32 {
    let mut it = s.char_indices();
    match it.nth(n) {
        Some((i, _)) if it.next().is_some() => {
            s.get(..i).map_or(0, |p| hash_bytes(seed, p.as_bytes()))
        }
        _ => 0,
    }
}

/// A word written as a Roman numeral (XXI, IV): a number, not a name.
fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

fn suffix(s: &str, n: usize) -> Option<&str> {
    // The word must be longer than the suffix.
    let mut it = s.char_indices().rev();
    let (start, _) = it.nth(n - 1)?;
    it.next()?;
    s.get(start..)
}

/// The language to use for each sentence: its paragraph's, else the article's; Cyrillic text in
/// an article said to be in a Latin-script language (or the reverse) is judged by its letters.
fn sentence_lang(text: &str, span: Span, paragraphs: &[LangSpan], lang: Option<Lang>) -> Lang {
    // Paragraphs are in text order: a binary search per sentence, not a scan.
    let k = paragraphs.partition_point(|p| p.end.max(p.start + 1) <= span.start);
    let declared =
        paragraphs.get(k).filter(|p| p.start <= span.start).and_then(|p| p.language).or(lang);
    let s = span.text(text).unwrap_or("");
    let (mut cyr, mut lat) = (0usize, 0usize);
    for c in s.chars().filter(|c| token::is_letter(*c)) {
        if ('\u{400}'..='\u{4ff}').contains(&c) {
            cyr += 1;
        } else if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
            lat += 1;
        }
    }
    let cyrillic = cyr > lat;
    match declared {
        Some(l) if is_latin_lang(l) != cyrillic => l,
        _ if cyrillic => super::super::translit::cyrillic_lang(s, declared),
        Some(l) if is_latin_lang(l) => l,
        _ => Lang::En,
    }
}

/// Tokens and sentences of `text` with every per-token fact the features need.
pub fn prepare<'a>(
    text: &'a str,
    sentences: &[Span],
    paragraphs: &[LangSpan],
    lang: Option<Lang>,
) -> Prepared<'a> {
    let tokens = token::tokenize(text);
    let mut arena = String::with_capacity(text.len() + 16);
    let mut toks = Vec::with_capacity(tokens.len());
    let mut sents = Vec::with_capacity(sentences.len() + 1);
    // Sentence of each token: walk both lists in order. Tokens outside every sentence span form
    // sentences of their own at line breaks.
    let spans = sentence_cover(text, sentences);
    let mut si = 0;
    let mut shape = String::new();
    for (idx, span) in spans.iter().enumerate() {
        let first = toks.len();
        let slang = sentence_lang(text, *span, paragraphs, lang);
        let latin = is_latin_lang(slang);
        let lex = lexicon::lexicon(slang);
        while si < tokens.len() && tokens[si].start < span.end {
            let Token { start, end, kind } = tokens[si];
            si += 1;
            if start < span.start {
                continue;
            }
            let word = text.get(start..end).unwrap_or("");
            let lo = arena.len() as u32;
            super::fold::push(word, slang == Lang::Uk, &mut arena);
            let hi = arena.len() as u32;
            let lower = arena.get(lo as usize..hi as usize).unwrap_or("");
            let st = if latin { lower } else { stem(lower) };
            let stem_len = st.len() as u32;
            token::shape(word, &mut shape);
            let caps = Caps::of(word);
            let h_lower = hash_bytes(1, lower.as_bytes());
            let h_stem = hash_bytes(2, st.as_bytes());
            let class = if kind == Kind::Word {
                lex.classes_hashed(lower, h_lower, h_stem, latin)
            } else {
                0
            };
            let mut h_suf = [0u32; 3];
            for (k, n) in [2usize, 3, 4].into_iter().enumerate() {
                h_suf[k] = suffix(lower, n).map_or(0, |s| hash_bytes(10 + n as u32, s.as_bytes()));
            }
            toks.push(Tok {
                start,
                end,
                kind,
                caps,
                lower: (lo, hi),
                stem_len,
                h_lower,
                h_stem,
                h_shape: hash_bytes(3, shape.as_bytes()),
                h_suf,
                h_pre: [prefix(lower, 3, 14), prefix(lower, 4, 15)],
                class,
                sent_start: false,
                lang: slang,
                latin,
                gaz: 0,
                quote: 0,
                doc: 0,
                first_char: word.chars().next().unwrap_or(' '),
            });
        }
        let last = toks.len();
        if last > first {
            sents.push((first, last));
        }
        let _ = idx;
    }
    let mut p = Prepared { text, toks, sents, arena };
    mark_sentence_starts(&mut p);
    mark_quotes(&mut p);
    gazetteer::mark(text, &mut p);
    mark_document(&mut p);
    p
}

/// Sentence spans covering every token: the given ones, and the text between them cut at line
/// breaks.
fn sentence_cover(text: &str, sentences: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(sentences.len() + 4);
    let mut at = 0;
    let gap = |from: usize, to: usize, out: &mut Vec<Span>| {
        let Some(s) = text.get(from..to) else { return };
        let mut pos = from;
        for line in s.split_inclusive('\n') {
            let sp = Span::new(pos, pos + line.len()).trim(text);
            if !sp.is_empty() {
                out.push(sp);
            }
            pos += line.len();
        }
    };
    for s in sentences {
        if s.start < at || s.end > text.len() || s.start >= s.end {
            continue;
        }
        gap(at, s.start, &mut out);
        out.push(*s);
        at = s.end;
    }
    gap(at, text.len(), &mut out);
    out
}

/// The first word of each sentence, after opening punctuation, quotes, dashes and list markers.
fn mark_sentence_starts(p: &mut Prepared) {
    for &(s, e) in &p.sents {
        for i in s..e {
            let t = &mut p.toks[i];
            if t.kind == Kind::Word {
                t.sent_start = true;
                break;
            }
        }
        // After a colon or a dash that opens direct speech, a capital is also expected.
        for i in s + 1..e {
            let prev = p.toks[i - 1].first_char;
            // (Not after an opening quotation mark: a quoted name starts with a capital anyway.)
            let opens_speech = matches!(prev, ':' | '—' | '–') || (prev == '"' && i == s + 1);
            if opens_speech && p.toks[i].kind == Kind::Word {
                p.toks[i].sent_start = true;
            }
        }
    }
}

/// Marks the tokens of quotations no longer than a name usually is.
fn mark_quotes(p: &mut Prepared) {
    const MAX_WORDS: usize = 10;
    for &(s, e) in &p.sents {
        let mut i = s;
        while i < e {
            let c = p.toks[i].first_char;
            if p.toks[i].kind == Kind::Punct && is_open_quote(c) {
                // Find the closing quote.
                let mut j = i + 1;
                let mut close = None;
                while j < e && j <= i + MAX_WORDS + 1 {
                    let d = p.toks[j].first_char;
                    if p.toks[j].kind == Kind::Punct
                        && is_close_quote(d)
                        && (d != '"' || c == '"' || c == '“' || c == '„')
                    {
                        close = Some(j);
                        break;
                    }
                    if p.toks[j].kind == Kind::Punct && d == '«' {
                        // Nested quotation: «Газета «Правда»» — keep looking for the outer one.
                        j += 1;
                        continue;
                    }
                    j += 1;
                }
                if let Some(j) = close {
                    if j > i + 1 {
                        p.toks[i].quote = quote::OPEN;
                        p.toks[j].quote = quote::CLOSE;
                        for k in i + 1..j {
                            p.toks[k].quote = quote::INSIDE;
                        }
                        p.toks[i + 1].quote = quote::FIRST;
                        if j - 1 > i + 1 {
                            p.toks[j - 1].quote = quote::LAST;
                        }
                        i = j + 1;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }
}

fn mark_document(p: &mut Prepared) {
    use super::lexicon as lx;
    let mut seen: HashMap<u32, u16, BuildHasherDefault<IdHasher>> = HashMap::default();
    for &(s, e) in &p.sents {
        for i in s..e {
            let t = &p.toks[i];
            if t.kind != Kind::Word {
                continue;
            }
            // An initial says nothing of the word its letter spells elsewhere ("В. І." and the
            // prepositions "в", "і").
            let initial = t.caps == Caps::Single
                && p.toks.get(i + 1).is_some_and(|d| d.kind == Kind::Punct && d.first_char == '.');
            if initial {
                continue;
            }
            let mut d = 0u16;
            if t.caps == Caps::Lower {
                d |= doc::LOWER;
            } else if t.caps.is_capitalised() {
                let prev = (i > s).then(|| &p.toks[i - 1]);
                let prev2 = (i > s + 1).then(|| &p.toks[i - 2]);
                let next = p.toks.get(i + 1).filter(|_| i + 1 < e);
                if !t.sent_start {
                    d |= doc::CAP_MID;
                }
                if t.caps == Caps::Upper {
                    d |= doc::UPPER;
                }
                if t.quote != 0 {
                    d |= doc::QUOTED;
                }
                if t.gaz != 0 {
                    d |= doc::GAZ;
                }
                if let Some(pv) = prev {
                    if pv.class & (lx::TITLE | lx::HONORIFIC) != 0 {
                        d |= doc::AFTER_TITLE;
                    }
                    if pv.class & lx::LOC_PREP != 0 {
                        d |= doc::AFTER_LOC_PREP;
                    }
                    if pv.class & lx::ORG_HEAD != 0 {
                        d |= doc::AFTER_ORG_HEAD;
                    }
                    if pv.class & (lx::LOC_HEAD | lx::SETTLEMENT) != 0 {
                        d |= doc::NEAR_LOC_HEAD;
                    }
                    if pv.kind == Kind::Word
                        && pv.caps.is_capitalised()
                        && pv.caps != Caps::Single
                        && !pv.sent_start
                        && pv.class & (lx::STOP | lx::NOT_NAME) == 0
                    {
                        d |= doc::AFTER_CAP;
                    }
                    if pv.first_char == '.' && prev2.is_some_and(|p2| p2.caps == Caps::Single) {
                        d |= doc::AFTER_INITIAL;
                    }
                }
                if let Some(nx) = next {
                    if nx.class & lx::SPEECH != 0 {
                        d |= doc::BEFORE_SPEECH;
                    }
                    if nx.class & lx::LOC_HEAD != 0 {
                        d |= doc::NEAR_LOC_HEAD;
                    }
                    if nx.kind == Kind::Word && nx.caps.is_capitalised() {
                        d |= doc::BEFORE_CAP;
                    }
                }
            }
            *seen.entry(t.h_stem).or_default() |= d;
        }
    }
    for t in &mut p.toks {
        if t.kind == Kind::Word {
            t.doc = seen.get(&t.h_stem).copied().unwrap_or(0);
        }
    }
}

const BOS: u32 = 0x5bd1_e995;
const EOS: u32 = 0x1b87_3593;

/// Appends the features of token `i` of the sentence `[s, e)`.
pub fn features(p: &Prepared, s: usize, e: usize, i: usize, out: &mut Vec<u32>) {
    let toks = &p.toks;
    let t = &toks[i];
    let at = |k: isize| -> Option<&Tok> {
        let j = i as isize + k;
        if j < s as isize || j >= e as isize {
            None
        } else {
            toks.get(j as usize)
        }
    };
    let edge = |k: isize| if k < 0 { BOS } else { EOS };
    let stem_at = |k: isize| at(k).map_or(edge(k), |t| t.h_stem);
    let lower_at = |k: isize| at(k).map_or(edge(k), |t| t.h_lower);
    let shape_at = |k: isize| at(k).map_or(edge(k), |t| t.h_shape);
    let caps_at =
        |k: isize| at(k).map_or(7u32, |t| u32::from(t.caps.code()) | u32::from(t.sent_start) << 3);
    // The low 16 class bits are the tagger's; the others serve the rules after decoding.
    let class_at = |k: isize| at(k).map_or(0u32, |t| t.class & 0xffff);
    let gaz_at = |k: isize| at(k).map_or(0xffu32, |t| u32::from(t.gaz));

    let mut push = |tpl: u32, v: u32| out.push(mix(tpl, v));
    let caps = caps_at(0);
    push(1, 0);
    push(2, t.h_lower);
    push(3, t.h_stem);
    for (k, h) in t.h_suf.iter().enumerate() {
        if *h != 0 {
            push(4 + k as u32, *h);
        }
    }
    push(7, t.h_shape);
    push(8, caps);
    push(9, stem_at(-1));
    push(10, stem_at(1));
    push(11, stem_at(-2));
    push(12, stem_at(2));
    push(13, caps_at(-1) | caps << 4 | caps_at(1) << 8);
    push(14, shape_at(-1));
    push(15, shape_at(1));
    push(16, mix(lower_at(-1), caps));
    push(17, mix(caps, lower_at(1)));
    push(18, mix(t.h_suf[1], caps));
    push(19, caps_at(-2) | caps_at(-1) << 4 | caps << 8);
    push(20, caps | caps_at(1) << 4 | caps_at(2) << 8);
    // Word classes of the window.
    for (k, tpl) in [(-2isize, 32u32), (-1, 48), (0, 64), (1, 80), (2, 96)] {
        let c = class_at(k);
        if c == 0 {
            continue;
        }
        for bit in 0..16u32 {
            if c & (1 << bit) != 0 {
                push(tpl + bit, 0);
                if k == 0 {
                    push(tpl + bit + 128, caps);
                }
            }
        }
    }
    push(21, gaz_at(0));
    push(22, gaz_at(-1));
    push(23, gaz_at(1));
    push(24, mix(gaz_at(0), caps));
    push(25, u32::from(t.quote));
    push(26, u32::from(t.quote) | caps << 4);
    push(27, u32::from(t.doc & (doc::CAP_MID | doc::LOWER)) | caps << 4);
    if t.caps.is_capitalised() {
        for bit in 2..13u32 {
            if t.doc & (1 << bit) != 0 {
                push(200 + bit, 0);
            }
        }
    }
    let len = (p.lower(t).chars().take(12).count() as u32).min(12);
    push(28, len | caps << 8);
    for (k, h) in t.h_pre.iter().enumerate() {
        if *h != 0 {
            push(40 + k as u32, mix(*h, caps));
        }
    }
    if t.caps == Caps::Upper && is_roman(p.text_of(t)) {
        push(42, 0);
    }
    // Initials: "Д." before a name, a name after "Д.".
    let initial = |k: isize| {
        at(k).is_some_and(|t| t.caps == Caps::Single)
            && at(k + 1).is_some_and(|d| d.first_char == '.')
    };
    if initial(0) {
        push(29, 1);
    }
    if initial(-2) {
        push(29, 2 | caps << 4);
    }
    if initial(-4) && initial(-2) {
        push(29, 3 | caps << 4);
    }
    push(30, u32::from(t.latin) | caps << 4);
    push(31, mix(class_at(-1), caps));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_are_char_based() {
        assert_eq!(suffix("дорохіна", 2), Some("на"));
        assert_eq!(suffix("на", 2), None);
    }

    #[test]
    fn quotes_and_starts() {
        let text = "Компания «Газпром нефть» заявила. Мы — здесь.";
        let p = prepare(text, &[], &[], Some(Lang::Ru));
        let q: Vec<u8> = p.toks.iter().map(|t| t.quote).collect();
        assert_eq!(&q[..5], &[0, quote::OPEN, quote::FIRST, quote::LAST, quote::CLOSE]);
        assert!(p.toks[0].sent_start);
    }
}
