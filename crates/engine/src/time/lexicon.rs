//! The language packs' temporal and numeric tables, compiled once into hash maps.
//!
//! An article is read with the tables of its own language and of English (news in every
//! language quotes English dates and figures); an article of unknown language with all of them.
//! Where two languages write the same word with different meanings, the article's language wins.

use super::token::{tokenize, Kind, Token};
use crate::calendar;
use crate::lang::packs::{self, Rel, TimeUnit};
use parallax_model::Lang;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A fast non-cryptographic hasher for the short, trusted word keys of the tables (the
/// multiply-rotate scheme of rustc's FxHasher): SipHash cost more than the rest of the reading.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<WordHasher>>;
type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<WordHasher>>;

/// One element of a compiled phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A token with this key.
    Key(String),
    /// A dot the phrase was written with: taken when present, not required.
    OptDot,
    /// A count: digits, a number word, a word for one, or nothing (one).
    Num,
    /// A calendar unit.
    Unit,
    /// A weekday.
    Weekday,
    /// The end of a clause: punctuation or the end of the text (takes nothing).
    End,
}

/// A phrase compiled into slots.
#[derive(Debug, Clone)]
pub(crate) struct Phrase<V> {
    pub slots: Vec<Slot>,
    pub value: V,
}

/// Phrases indexed by the key of their first token, longest first.
#[derive(Debug, Clone)]
pub(crate) struct PhraseMap<V> {
    by_first: HashMap<String, Vec<Phrase<V>>>,
    /// Phrases that start with a slot (`{n} {u} ago`).
    open: Vec<Phrase<V>>,
}

impl<V: Clone> PhraseMap<V> {
    fn new() -> Self {
        PhraseMap { by_first: HashMap::default(), open: Vec::new() }
    }

    fn insert(&mut self, phrase: &str, value: V) {
        let slots = compile(phrase);
        let Some(first) = slots.first().cloned() else { return };
        let p = Phrase { slots, value };
        let list = match first {
            Slot::Key(k) => self.by_first.entry(k).or_default(),
            _ => &mut self.open,
        };
        // The first language to define a phrase keeps it.
        if list.iter().any(|q| q.slots == p.slots) {
            return;
        }
        list.push(p);
        list.sort_by_key(|p| std::cmp::Reverse(p.slots.len()));
    }

    /// The candidate phrases that could start at `tok`; those that open with a slot only when
    /// `slot_start` (the token can fill a count or a unit).
    pub fn candidates<'a>(
        &'a self,
        tok: &Token,
        slot_start: bool,
    ) -> impl Iterator<Item = &'a Phrase<V>> {
        let open: &[Phrase<V>] = if slot_start { &self.open } else { &[] };
        self.by_first.get(tok.k()).into_iter().flatten().chain(open.iter())
    }

    /// The longest phrase of plain words matching at `i`: (end token index, value).
    pub fn longest(&self, toks: &[Token], i: usize) -> Option<(usize, V)> {
        let tok = toks.get(i)?;
        let mut best: Option<(usize, V)> = None;
        for p in self.by_first.get(tok.k()).into_iter().flatten() {
            if let Some(end) = match_words(&p.slots, toks, i) {
                if best.as_ref().is_none_or(|(e, _)| end > *e) {
                    best = Some((end, p.value.clone()));
                }
            }
        }
        best
    }

    /// The longest phrase of plain words ending exactly at token `end` (exclusive): (start, value).
    pub fn ending_at(&self, toks: &[Token], end: usize) -> Option<(usize, V)> {
        let mut best: Option<(usize, V)> = None;
        for len in 1..=4usize {
            let Some(start) = end.checked_sub(len) else { break };
            if let Some((e, v)) = self.longest(toks, start) {
                if e == end {
                    best = Some((start, v));
                }
            }
        }
        best
    }

    pub fn contains_word(&self, key: &str) -> bool {
        self.by_first.get(key).is_some_and(|l| l.iter().any(|p| p.slots.len() == 1))
    }
}

/// Matches slots made only of keys and optional dots; returns the end token index.
fn match_words(slots: &[Slot], toks: &[Token], start: usize) -> Option<usize> {
    let mut j = start;
    for s in slots {
        match s {
            Slot::Key(k) if toks.get(j).is_some_and(|t| t.key == *k) => j += 1,
            Slot::OptDot if toks.get(j).is_some_and(|t| t.is(".") && t.glued()) => j += 1,
            Slot::OptDot => {}
            _ => return None,
        }
    }
    Some(j)
}

/// Splits a table entry into slots: `{n}`, `{u}`, `{w}`, `{end}`, and the tokens of each word (a
/// final dot becomes optional).
fn compile(phrase: &str) -> Vec<Slot> {
    let mut out = Vec::new();
    for word in phrase.split_whitespace() {
        match word {
            "{n}" => out.push(Slot::Num),
            "{u}" => out.push(Slot::Unit),
            "{w}" => out.push(Slot::Weekday),
            "{end}" => out.push(Slot::End),
            _ => {
                let toks = tokenize(word);
                let n = toks.len();
                for (i, t) in toks.into_iter().enumerate() {
                    if i + 1 == n && i > 0 && t.key == "." {
                        out.push(Slot::OptDot);
                    } else {
                        out.push(Slot::Key(t.key.into_owned()));
                    }
                }
            }
        }
    }
    out
}

/// A month word: the month, whether it is an abbreviation, and whether it must be capitalised
/// (English and German write month names with a capital; "may" and "march" are also verbs).
#[derive(Debug, Clone, Copy)]
pub(crate) struct MonthWord {
    pub month: u8,
    pub abbreviated: bool,
    pub capital: bool,
}

/// Everything the readers look up, for one article language.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub months: HashMap<String, MonthWord>,
    /// Weekday words: the day (1 = Monday) and whether it must be capitalised.
    pub weekdays: HashMap<String, (u8, bool)>,
    pub units: HashMap<String, TimeUnit>,
    pub bare_units: HashSet<String>,
    pub openers: HashSet<String>,
    pub intro: HashSet<String>,
    pub year_after: PhraseMap<()>,
    pub year_before: HashSet<String>,
    pub one: HashSet<String>,
    pub relative: PhraseMap<Rel>,
    pub future: HashSet<String>,
    pub cardinals: HashMap<String, u32>,
    pub scales: PhraseMap<f64>,
    pub approx: PhraseMap<&'static str>,
    pub measure: PhraseMap<&'static str>,
    pub function_words: HashSet<String>,
    /// Words that can open a counted expression: number words, words for one, units.
    pub slot_words: HashSet<String>,
    pub decimal_comma: bool,
    /// The article's language, when known.
    pub lang: Option<Lang>,
}

/// Units and currencies written the same way in every language.
const UNIVERSAL_UNITS: &[(&str, &str)] = &[
    ("%", "%"),
    ("km", "km"),
    ("km²", "km²"),
    ("kg", "kg"),
    ("mph", "mph"),
    ("mw", "MW"),
    ("gw", "GW"),
    ("kw", "kW"),
    ("kwh", "kWh"),
    ("mwh", "MWh"),
    ("bcm", "bcm"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₴", "UAH"),
    ("₽", "RUB"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("uah", "UAH"),
    ("rub", "RUB"),
    ("gbp", "GBP"),
];

fn build(langs: &[Lang], primary: Option<Lang>) -> Lexicon {
    let mut lx = Lexicon {
        months: HashMap::default(),
        weekdays: HashMap::default(),
        units: HashMap::default(),
        bare_units: HashSet::default(),
        openers: HashSet::default(),
        intro: HashSet::default(),
        year_after: PhraseMap::new(),
        year_before: HashSet::default(),
        one: HashSet::default(),
        relative: PhraseMap::new(),
        future: HashSet::default(),
        cardinals: HashMap::default(),
        scales: PhraseMap::new(),
        approx: PhraseMap::new(),
        measure: PhraseMap::new(),
        function_words: HashSet::default(),
        slot_words: HashSet::default(),
        decimal_comma: primary.is_some_and(|l| packs::pack(l).numbers.decimal_comma),
        lang: primary,
    };
    for &lang in langs {
        let p = packs::pack(lang);
        let capital = matches!(lang, Lang::En | Lang::De);
        for (form, month, abbreviated) in calendar::month_forms(lang) {
            lx.months.entry(form.to_string()).or_insert(MonthWord { month, abbreviated, capital });
        }
        let t = &p.time;
        for &(w, d) in t.weekdays {
            lx.weekdays.entry(w.to_string()).or_insert((d, capital));
        }
        for &(w, u) in t.units {
            lx.units.entry(w.to_string()).or_insert(u);
        }
        lx.bare_units.extend(t.bare_units.iter().map(|s| s.to_string()));
        lx.openers.extend(t.openers.iter().map(|s| s.to_string()));
        lx.intro.extend(t.intro.iter().map(|s| s.to_string()));
        for w in t.year_after {
            lx.year_after.insert(w, ());
        }
        lx.year_before.extend(t.year_before.iter().map(|s| s.to_string()));
        lx.one.extend(t.one.iter().map(|s| s.to_string()));
        for &(phrase, rel) in t.relative {
            lx.relative.insert(phrase, rel);
        }
        lx.future.extend(t.future_cues.iter().map(|s| s.to_string()));
        let n = &p.numbers;
        for &(w, v) in n.cardinals {
            lx.cardinals.entry(w.to_string()).or_insert(v);
        }
        for &(w, v) in n.scales {
            lx.scales.insert(w, v);
        }
        for &(w, v) in n.approx {
            lx.approx.insert(w, v);
        }
        for &(w, v) in n.units {
            lx.measure.insert(w, v);
        }
        lx.function_words.extend(p.function_words.iter().map(|s| s.to_string()));
    }
    lx.slot_words =
        lx.cardinals.keys().chain(lx.one.iter()).chain(lx.units.keys()).cloned().collect();
    for &(w, v) in UNIVERSAL_UNITS {
        lx.measure.insert(w, v);
    }
    lx
}

static LEXICONS: LazyLock<Vec<Lexicon>> = LazyLock::new(|| {
    let mut v: Vec<Lexicon> = Lang::ALL
        .iter()
        .map(|&l| {
            if l == Lang::En {
                build(&[Lang::En], Some(l))
            } else {
                build(&[l, Lang::En], Some(l))
            }
        })
        .collect();
    v.push(build(&Lang::ALL, None));
    v
});

/// The lexicon for an article in `lang` (all languages when unknown).
pub(crate) fn lexicon(lang: Option<Lang>) -> &'static Lexicon {
    let i = lang.and_then(|l| Lang::ALL.iter().position(|&x| x == l)).unwrap_or(Lang::ALL.len());
    &LEXICONS[i.min(LEXICONS.len() - 1)]
}

impl Lexicon {
    /// The month a token names, honouring capitalisation and abbreviation rules: an abbreviation
    /// counts only when `abbreviation_ok` (it stands next to a day or a year, or has its dot).
    pub fn month(&self, tok: &Token, text: &str) -> Option<MonthWord> {
        if tok.kind != Kind::Word {
            return None;
        }
        let m = *self.months.get(tok.k())?;
        if m.capital && !tok.capitalised(text) {
            return None;
        }
        Some(m)
    }

    /// The value of a number word at `i` (with a tens word and a units word added: "twenty-five",
    /// "двадцять п'ять"), and the end token index.
    pub fn cardinal(&self, toks: &[Token], i: usize) -> Option<(u32, usize)> {
        let t = toks.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let v = *self.cardinals.get(t.k())?;
        let mut end = i + 1;
        let mut value = v;
        if (20..100).contains(&v) && v % 10 == 0 {
            // "twenty-five" or "двадцять п'ять".
            let (skip, next) = match toks.get(i + 1) {
                Some(h) if h.is("-") && h.glued() => (2, toks.get(i + 2)),
                other => (1, other),
            };
            if let Some(u) = next.filter(|n| n.kind == Kind::Word) {
                if let Some(&uv) = self.cardinals.get(u.k()) {
                    if (1..10).contains(&uv) {
                        value += uv;
                        end = i + skip + 1;
                    }
                }
            }
        }
        Some((value, end))
    }
}
