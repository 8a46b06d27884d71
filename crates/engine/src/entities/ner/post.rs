//! Corrections after decoding: quotation marks balanced at a mention's edges, and one type per
//! name within a document.

use super::features::Prepared;
use super::lexicon as lx;
use super::model::Class;
use super::token::{is_close_quote, is_open_quote, Caps, Kind};
use parallax_model::EntityType;
use std::collections::HashMap;

/// A mention as token indices `[a, b)`. `class` is its coarse class when it has one (events
/// and equipment have none and are left alone by the corrections that vote on classes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    pub a: usize,
    pub b: usize,
    pub kind: EntityType,
    pub class: Option<Class>,
    pub confidence: f32,
}

impl Found {
    pub fn new(a: usize, b: usize, kind: EntityType, confidence: f32) -> Found {
        Found { a, b, kind, class: super::class_of(kind), confidence }
    }

    fn set_class(&mut self, class: Class) {
        self.class = Some(class);
        self.kind = super::kind_of(class);
    }
}

fn is_open(p: &Prepared, i: usize) -> bool {
    p.toks[i].kind == Kind::Punct && is_open_quote(p.toks[i].first_char)
}

fn is_close(p: &Prepared, i: usize) -> bool {
    p.toks[i].kind == Kind::Punct && is_close_quote(p.toks[i].first_char)
}

/// Quotation marks at the edges: a name wholly in quotation marks is the words inside them
/// («Вымпелком» → Вымпелком); a name that opens a quotation inside itself closes it (РИА
/// «Новости» takes its »); a stray mark or other punctuation at an edge goes.
pub fn balance_quotes(p: &Prepared, found: &mut Vec<Found>) {
    for f in found.iter_mut() {
        for _ in 0..4 {
            if f.b <= f.a + 1 {
                break;
            }
            if is_open(p, f.a) && is_close(p, f.b - 1) && all_inside(p, f.a, f.b) {
                f.a += 1;
                f.b -= 1;
                continue;
            }
            let (opens, closes) = count(p, f.a, f.b);
            if is_open(p, f.a) && opens > closes {
                // «X with the closing mark outside: the quotation is the whole name.
                f.a += 1;
                continue;
            }
            if is_close(p, f.b - 1) && closes > opens {
                f.b -= 1;
                continue;
            }
            break;
        }
        let (opens, closes) = count(p, f.a, f.b);
        if opens > closes && f.b < p.toks.len() && is_close(p, f.b) {
            f.b += 1;
        }
        while f.b > f.a + 1 && edge_punct(p, f.b - 1) && !is_close(p, f.b - 1) {
            let bracket = p.toks[f.b - 1].first_char == ')'
                && p.toks[f.a..f.b].iter().any(|t| t.first_char == '(');
            if bracket {
                break;
            }
            f.b -= 1;
        }
        while f.b > f.a + 1 && edge_punct(p, f.a) && !is_open(p, f.a) {
            f.a += 1;
        }
    }
    found.retain(|f| f.b > f.a && p.toks[f.a..f.b].iter().any(|t| t.kind != Kind::Punct));
}

/// Punctuation that never ends or starts a name (a closing bracket whose opening one is inside
/// the name stays).
fn edge_punct(p: &Prepared, i: usize) -> bool {
    p.toks[i].kind == Kind::Punct
}

/// Whether `[a, b)` is one quotation: an opening mark at `a` whose closing mark is at `b - 1`.
fn all_inside(p: &Prepared, a: usize, b: usize) -> bool {
    let mut depth = 0i32;
    for i in a..b {
        if is_open(p, i) && (p.toks[i].first_char != '"' || depth == 0) {
            depth += 1;
        } else if is_close(p, i) {
            depth -= 1;
            if depth == 0 && i + 1 < b {
                return false;
            }
        }
    }
    depth == 0
}

fn count(p: &Prepared, a: usize, b: usize) -> (usize, usize) {
    let mut opens = 0;
    let mut closes = 0;
    let mut straight = 0usize;
    for i in a..b {
        let c = p.toks[i].first_char;
        if c == '"' {
            straight += 1;
        } else if is_open(p, i) {
            opens += 1;
        } else if is_close(p, i) {
            closes += 1;
        }
    }
    (opens + straight.div_ceil(2), closes + straight / 2)
}

/// The key of a mention: its tokens' stems.
fn key(p: &Prepared, a: usize, b: usize) -> String {
    let mut k = String::new();
    for t in &p.toks[a..b] {
        if t.kind == Kind::Punct {
            continue;
        }
        if !k.is_empty() {
            k.push(' ');
        }
        k.push_str(p.stem_of(t));
    }
    k
}

/// One type per name in a document: a name found several times with different types takes the
/// type its occurrences vote for (weighted by confidence), and a one-word mention that is the
/// surname of a person named in full elsewhere is a person.
pub fn harmonise(p: &Prepared, found: &mut [Found]) {
    let mut votes: HashMap<String, [f32; 3]> = HashMap::new();
    let mut surnames: HashMap<String, f32> = HashMap::new();
    for f in found.iter() {
        let Some(class) = f.class else { continue };
        let k = key(p, f.a, f.b);
        votes.entry(k).or_default()[class as usize] += f.confidence;
        if class == Class::Per && f.b - f.a >= 2 {
            let last = f.b - 1;
            if p.toks[last].kind == Kind::Word && p.toks[last].caps.is_capitalised() {
                *surnames.entry(p.stem_of(&p.toks[last]).to_string()).or_default() += f.confidence;
            }
        }
    }
    for f in found.iter_mut() {
        let Some(class) = f.class else { continue };
        let k = key(p, f.a, f.b);
        if f.b - f.a == 1 {
            if let Some(&w) = surnames.get(&k) {
                let own = votes.get(&k).map_or(0.0, |v| v[class as usize]);
                if class != Class::Per && w > own {
                    f.set_class(Class::Per);
                    continue;
                }
            }
        }
        if let Some(v) = votes.get(&k) {
            let (best, score) =
                v.iter()
                    .enumerate()
                    .fold((0, f32::MIN), |m, (i, x)| if *x > m.1 { (i, *x) } else { m });
            if best != class as usize && score > v[class as usize] * 1.5 {
                f.set_class(Class::ALL[best]);
            }
        }
    }
}

/// Occurrences of a one-word name that the decoder left out (typically at a sentence start, or
/// after words it has not seen): a capitalised word whose stem is a one-word mention, or the
/// surname of a person named in full, elsewhere in the document.
pub fn recover(p: &Prepared, found: &mut Vec<Found>) {
    let mut single: HashMap<&str, (Class, f32)> = HashMap::new();
    for f in found.iter() {
        let Some(class) = f.class else { continue };
        let last = f.b - 1;
        let t = &p.toks[last];
        if t.kind != Kind::Word || !t.caps.is_capitalised() {
            continue;
        }
        let one = f.b - f.a == 1;
        let surname = class == Class::Per && f.b - f.a >= 2;
        if one || surname {
            let e = single.entry(p.stem_of(t)).or_insert((class, 0.0));
            if e.0 == class {
                e.1 += f.confidence;
            }
        }
    }
    if single.is_empty() {
        return;
    }
    let mut covered = vec![false; p.toks.len()];
    for f in found.iter() {
        for c in &mut covered[f.a..f.b] {
            *c = true;
        }
    }
    let mut extra = Vec::new();
    for (i, t) in p.toks.iter().enumerate() {
        if covered[i]
            || t.kind != Kind::Word
            || !matches!(t.caps, Caps::Title | Caps::Upper | Caps::Mixed)
        {
            continue;
        }
        if t.class & (lx::STOP | lx::NOT_NAME | lx::TITLE | lx::TIME) != 0 {
            continue;
        }
        // Part of a longer capitalised sequence: leave it to the decoder.
        let neighbour_cap = |j: usize| {
            p.toks
                .get(j)
                .is_some_and(|n| n.kind == Kind::Word && n.caps.is_capitalised() && !covered[j])
        };
        if (i > 0 && neighbour_cap(i - 1) && !t.sent_start) || neighbour_cap(i + 1) {
            continue;
        }
        if let Some(&(class, conf)) = single.get(p.stem_of(t)) {
            if conf >= 0.8 {
                extra.push(Found::new(i, i + 1, super::kind_of(class), 0.5));
            }
        }
    }
    found.extend(extra);
    found.sort_by_key(|f| f.a);
}

/// A legal form before a quoted name is one organisation with it: ТОВ «Укргеоекологія», ООО
/// «Алтек», ДП «НАЕК «Енергоатом»», ТОВ НПП «Х» (several forms in a row, nested quotations).
/// The rule's mention replaces whatever the decoder found over the same tokens.
pub fn legal_forms(p: &Prepared, found: &mut Vec<Found>) {
    let mut extra = Vec::new();
    for &(s, e) in &p.sents {
        let mut i = s;
        while i < e {
            let legal = |k: usize| {
                let t = &p.toks[k];
                t.kind == Kind::Word && t.class & lx::LEGAL != 0 && t.caps != Caps::Lower
            };
            if !legal(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < e && legal(j) {
                j += 1;
            }
            // Up to one more capitalised abbreviation ("ТОВ НПП «...»").
            if j < e && p.toks[j].caps == Caps::Upper && j + 1 < e && is_open(p, j + 1) {
                j += 1;
            }
            if j < e && is_open(p, j) {
                if let Some(end) = quotation_end(p, j, e) {
                    extra.push(Found::new(i, end + 1, EntityType::Organization, 0.9));
                    i = end + 1;
                    continue;
                }
            }
            i = j;
        }
    }
    if extra.is_empty() {
        return;
    }
    found.retain(|f| !extra.iter().any(|x| f.a < x.b && x.a < f.b));
    found.extend(extra);
    found.sort_by_key(|f| f.a);
}

/// The closing mark of the quotation opened at `open` (nested quotations allowed; a name ends
/// with its innermost closing mark when the outer one is missing: «ЛБК «Наш Дом»).
fn quotation_end(p: &Prepared, open: usize, e: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut last_close = None;
    for k in open..e.min(open + 14) {
        let c = p.toks[k].first_char;
        if p.toks[k].kind != Kind::Punct {
            continue;
        }
        if c == '«' || c == '„' || (c == '"' && depth == 0) || (c == '“' && depth == 0) {
            depth += 1;
        } else if is_close(p, k) {
            depth = depth.saturating_sub(1);
            last_close = Some(k);
            if depth == 0 {
                return Some(k);
            }
        } else if matches!(c, '.' | ';' | '(' | ')') {
            break;
        }
    }
    last_close
}

/// Whether a word is written like a designation of aircraft, missiles or armour: one to three
/// letters, a hyphen, a number, at most two letters after it (Su-30, Il-76, F-16, S-400, МиГ-29,
/// Су-35С, Т-90).
pub fn is_designation(word: &str) -> bool {
    let Some((left, right)) = word.split_once('-') else { return false };
    let letters = left.chars().count();
    if !(1..=3).contains(&letters) || !left.chars().all(char::is_alphabetic) {
        return false;
    }
    if !left.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let digits = right.chars().take_while(char::is_ascii_digit).count();
    let rest = right.chars().skip(digits).collect::<String>();
    (1..=4).contains(&digits) && rest.chars().count() <= 2 && rest.chars().all(char::is_alphabetic)
}

/// Designations become equipment mentions, replacing what the decoder or the rules made of them.
pub fn equipment(p: &Prepared, found: &mut Vec<Found>) {
    let mut extra = Vec::new();
    for (i, t) in p.toks.iter().enumerate() {
        if t.kind == Kind::Word
            && t.gaz == 0
            && t.first_char.is_uppercase()
            && is_designation(p.text_of(t))
        {
            extra.push(Found::new(i, i + 1, EntityType::Equipment, 0.8));
        }
    }
    if extra.is_empty() {
        return;
    }
    found.retain(|f| !extra.iter().any(|x| f.a < x.b && x.a < f.b && f.b - f.a == 1));
    let keep: Vec<Found> =
        extra.into_iter().filter(|x| !found.iter().any(|f| f.a < x.b && x.a < f.b)).collect();
    found.extend(keep);
    found.sort_by_key(|f| f.a);
}

fn is_cyrillic_word(p: &Prepared, i: usize) -> bool {
    p.toks[i].kind == Kind::Word && ('\u{400}'..='\u{4ff}').contains(&p.toks[i].first_char)
}

/// A Latin-script name after a Cyrillic common noun ("газета The Wall Street Journal",
/// "агентство Bloomberg", "компанія Google") is the name alone: lower-case Cyrillic words at the
/// front of a mention whose remaining words are Latin-script go.
pub fn script_edges(p: &Prepared, found: &mut [Found]) {
    for f in found.iter_mut() {
        let latin_rest = |from: usize| {
            (from..f.b).any(|i| p.toks[i].kind == Kind::Word)
                && (from..f.b).all(|i| p.toks[i].kind != Kind::Word || !is_cyrillic_word(p, i))
        };
        let mut a = f.a;
        while a + 1 < f.b
            && is_cyrillic_word(p, a)
            && p.toks[a].caps == Caps::Lower
            && !latin_rest(a)
        {
            a += 1;
            if latin_rest(a) {
                f.a = a;
                break;
            }
        }
    }
}

/// The edges of person mentions: titles and honorifics at the front go ("Император Акихито",
/// "Папа Франциск" at a sentence start), initials before the name come in ("Б.Обама",
/// "Дж. Коми"), a name never mixes scripts ("Holdings Алишера Усманова" keeps the Cyrillic part),
/// and a lone Latin-script word in Cyrillic text with nothing personal about it is a brand or an
/// organisation rather than a person ("в своем Instagram", "Google").
pub fn person_edges(p: &Prepared, found: &mut [Found]) {
    use super::features::doc;
    let mut taken = vec![false; p.toks.len()];
    for f in found.iter() {
        for t in &mut taken[f.a..f.b] {
            *t = true;
        }
    }
    for f in found.iter_mut() {
        if f.class != Some(Class::Per) {
            continue;
        }
        // Titles with their modifiers before the name ("Deputy Foreign Minister Sergei Lavrov",
        // "Kremlin Spokesman ..."): the name starts after the last title word.
        if let Some(t) =
            (f.a..f.b - 1).rev().find(|&i| p.toks[i].class & (lx::TITLE | lx::HONORIFIC) != 0)
        {
            f.a = t + 1;
            while f.b - f.a > 1 && p.toks[f.a].kind == Kind::Punct {
                f.a += 1;
            }
        }
        let last = f.b - 1;
        let cyr = is_cyrillic_word(p, last);
        let mut k = last;
        while k > f.a && (p.toks[k - 1].kind != Kind::Word || is_cyrillic_word(p, k - 1) == cyr) {
            k -= 1;
        }
        while k < last && p.toks[k].kind == Kind::Punct {
            k += 1;
        }
        f.a = k;
        // Initials before the name.
        while f.a >= 2 {
            let dot = &p.toks[f.a - 1];
            let ini = &p.toks[f.a - 2];
            let short = p.lower(ini).chars().count() <= 2;
            let initial = ini.kind == Kind::Word
                && matches!(ini.caps, Caps::Single | Caps::Title)
                && short
                && ini.class == 0
                && dot.kind == Kind::Punct
                && dot.first_char == '.'
                && !taken[f.a - 2];
            if !initial {
                break;
            }
            f.a -= 2;
        }
        let t = &p.toks[f.a];
        let latin_in_cyrillic = f.b - f.a == 1 && !t.latin && t.kind == Kind::Word && !cyr;
        let personal = doc::AFTER_TITLE | doc::AFTER_INITIAL | doc::BEFORE_SPEECH | doc::AFTER_CAP;
        if latin_in_cyrillic && t.doc & personal == 0 && t.caps.is_capitalised() {
            f.set_class(Class::Org);
            f.confidence *= 0.5;
        }
    }
}

/// A settlement word before a place's name is not part of it ("городе Росарио", "місто Щастя",
/// "village of X"): the name is the place's name. Administrative words that are part of official
/// names (область, район, улица) stay.
pub fn settlement_words(p: &Prepared, found: &mut [Found]) {
    for f in found.iter_mut() {
        if f.class != Some(Class::Loc) {
            continue;
        }
        while f.b - f.a > 1
            && p.toks[f.a].class & lx::SETTLEMENT != 0
            && p.toks[f.a].caps == Caps::Lower
        {
            f.a += 1;
            while f.b - f.a > 1 && p.toks[f.a].kind == Kind::Punct {
                f.a += 1;
            }
        }
    }
}

/// A generic head noun before a quoted name is a descriptor, not part of the name: "партии
/// «Единая Россия»" names "Единая Россия", "фірми «Укргеоекологія»" names "Укргеоекологія" (the
/// quotation marks go with the head noun). Legal forms stay ([`legal_forms`]).
pub fn quoted_descriptors(p: &Prepared, found: &mut [Found]) {
    for f in found.iter_mut() {
        if f.class != Some(Class::Org) || f.b - f.a < 3 {
            continue;
        }
        let mut k = f.a;
        while k < f.b
            && p.toks[k].kind == Kind::Word
            && (p.toks[k].caps == Caps::Lower || (p.toks[k].sent_start && k == f.a))
        {
            k += 1;
        }
        if k == f.a || k >= f.b || !is_open(p, k) || !is_close(p, f.b - 1) {
            continue;
        }
        if !all_inside(p, k, f.b) {
            continue;
        }
        let head = (f.a..k).any(|i| p.toks[i].class & lx::ORG_HEAD != 0);
        if head && f.b - k > 2 {
            f.a = k + 1;
            f.b -= 1;
        }
    }
}

/// A sentence's first word that is capitalised only because it comes first ("Вчера Путину...",
/// "Днями Путіну..."): a function word, a sentence starter or a time word is not part of the name
/// after it.
pub fn sentence_starts(p: &Prepared, found: &mut Vec<Found>) {
    for f in found.iter_mut() {
        let t = &p.toks[f.a];
        if f.b - f.a > 1 && t.sent_start && t.class & (lx::STOP | lx::TIME | lx::NOT_NAME) != 0 {
            f.a += 1;
        }
    }
    found.retain(|f| {
        let t = &p.toks[f.a];
        !(f.b - f.a == 1 && t.sent_start && t.class & (lx::STOP | lx::TIME | lx::NOT_NAME) != 0)
    });
}
