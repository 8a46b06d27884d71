//! Corrections after decoding: quotation marks balanced at a mention's edges, and one type per
//! name within a document.

use super::features::Prepared;
use super::lexicon as lx;
use super::model::Class;
use super::token::{is_close_quote, is_open_quote, Caps, Kind};
use parallax_model::{EntityType, Lang};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

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

/// The rules' mentions `extra` in place of whatever `found` holds over the same tokens.
fn replace_overlapping(found: &mut Vec<Found>, extra: Vec<Found>) {
    if extra.is_empty() {
        return;
    }
    found.retain(|f| !extra.iter().any(|x| f.a < x.b && x.a < f.b));
    found.extend(extra);
    found.sort_by_key(|f| f.a);
}

/// Which tokens some mention covers.
fn covered(p: &Prepared, found: &[Found]) -> Vec<bool> {
    let mut covered = vec![false; p.toks.len()];
    for f in found {
        for c in &mut covered[f.a..f.b] {
            *c = true;
        }
    }
    covered
}

/// For each token, the first covered token at or after it (the number of tokens if none).
fn next_covered(taken: &[bool]) -> Vec<usize> {
    let mut next = vec![taken.len(); taken.len() + 1];
    for i in (0..taken.len()).rev() {
        next[i] = if taken[i] { i } else { next[i + 1] };
    }
    next
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
    let mut surnames: HashSet<String> = HashSet::new();
    for f in found.iter() {
        let Some(class) = f.class else { continue };
        let k = key(p, f.a, f.b);
        votes.entry(k).or_default()[class as usize] += f.confidence;
        if class == Class::Per && f.b - f.a >= 2 {
            let last = f.b - 1;
            if p.toks[last].kind == Kind::Word && p.toks[last].caps.is_capitalised() {
                surnames.insert(p.stem_of(&p.toks[last]).to_string());
            }
        }
    }
    for f in found.iter_mut() {
        let Some(class) = f.class else { continue };
        let k = key(p, f.a, f.b);
        if f.b - f.a == 1 && class != Class::Per && surnames.contains(&k) {
            f.set_class(Class::Per);
            continue;
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
    let covered = covered(p, found);
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

/// Countries the knowledge base names unambiguously are places: a mention that is exactly such
/// a name (or the name of another place it knows) is a country (a place) whatever type the
/// decoder gave it ("Міністр оборони | України"), and one
/// the decoder left out is added ("війна РФ проти України") when capitalised.
pub fn countries(p: &Prepared, found: &mut Vec<Found>) {
    use super::gazetteer::{AMBIGUOUS, BEGIN, COUNTRY, KIND, PLACE};
    let known = |i: usize, kind: u8| {
        let g = p.toks[i].gaz;
        g & BEGIN != 0 && g & KIND == kind && g & AMBIGUOUS == 0
    };
    let country = |i: usize| known(i, COUNTRY);
    for f in found.iter_mut() {
        let rest = p.toks[f.a].gaz & !BEGIN;
        let whole = (f.a + 1..f.b).all(|k| p.toks[k].gaz == rest)
            && p.toks.get(f.b).is_none_or(|t| t.gaz & BEGIN != 0 || t.gaz != rest);
        if whole && f.class != Some(Class::Loc) {
            if country(f.a) {
                f.kind = EntityType::Country;
                f.class = Some(Class::Loc);
            } else if known(f.a, PLACE) {
                // A region, city or territory the knowledge base knows ("Тернопільщини", "ДНР").
                f.set_class(Class::Loc);
            }
        }
    }
    let taken = covered(p, found);
    let mut extra = Vec::new();
    for (i, t) in p.toks.iter().enumerate() {
        if !country(i) {
            continue;
        }
        let mut end = i + 1;
        while end < p.toks.len() && p.toks[end].gaz == t.gaz & !BEGIN {
            end += 1;
        }
        if t.caps.is_capitalised() && !taken[i..end].contains(&true) {
            extra.push(Found::new(i, end, EntityType::Country, 0.5));
        }
    }
    if !extra.is_empty() {
        found.extend(extra);
        found.sort_by_key(|f| f.a);
    }
}

/// A given name whose form is also a country's or a place's name (Доминика: the genitive of
/// Доминик, and Dominica) is the given name when a person's surname follows it: a one-word place
/// right before a person's capitalised mention joins that mention when the Russian dictionary
/// reads the word as a given name in a case in which it does not read it as a place ("Доминик
/// Ферро": Доминик is only a given name; "Доминика Ферро": Доминика is a place only in the
/// nominative).
pub fn given_names_before_surnames(p: &Prepared, found: &mut Vec<Found>) {
    use crate::morph::{ru_name_readings, NameClass};
    let given_here = |k: usize| {
        let readings = ru_name_readings(p.text_of(&p.toks[k]));
        let cases = |class: NameClass| {
            readings.iter().filter(|r| r.class == class).fold(0u8, |c, r| c | r.cases)
        };
        cases(NameClass::Given) & !cases(NameClass::Place) != 0
    };
    let mut joined = vec![];
    for k in 1..found.len() {
        let (place, person) = (&found[k - 1], &found[k]);
        if matches!(place.kind, EntityType::Country | EntityType::Place)
            && place.b - place.a == 1
            && person.a == place.b
            && person.kind == EntityType::Person
            && p.toks[person.a].caps.is_capitalised()
            && is_cyrillic_word(p, place.a)
            && given_here(place.a)
        {
            joined.push(k);
        }
    }
    for &k in joined.iter().rev() {
        found[k].a = found[k - 1].a;
        found.remove(k - 1);
    }
}

/// A legal form before a quoted name is one organisation with it: ТОВ «Укргеоекологія», ООО
/// «Алтек», ДП «НАЕК «Енергоатом»», ТОВ НПП «Х» (several forms in a row, nested quotations).
/// So is any short Cyrillic abbreviation right before a quoted name that starts with a capital
/// (НАК «Нафтогаз України», ФК «Динамо», ВО «Свобода»): in Ukrainian and Russian that is how a
/// body's type is written before its name, unless the decoder found the abbreviation to be a
/// place or a person (США «…»). The rule's mention replaces whatever the decoder found over the
/// same tokens.
pub fn legal_forms(p: &Prepared, found: &mut Vec<Found>) {
    let mut not_body = vec![false; p.toks.len()];
    for f in found.iter().filter(|f| matches!(f.class, Some(Class::Loc | Class::Per))) {
        not_body[f.a..f.b].iter_mut().for_each(|x| *x = true);
    }
    let abbreviation = |k: usize| {
        let t = &p.toks[k];
        let n = t.end - t.start;
        t.kind == Kind::Word
            && t.caps == Caps::Upper
            && is_cyrillic_word(p, k)
            && (4..=12).contains(&n)
            && t.class & lx::STOP == 0
            && !not_body[k]
    };
    let named = |open: usize| p.toks.get(open + 1).is_some_and(|t| t.caps.is_capitalised());
    let mut extra = Vec::new();
    for &(s, e) in &p.sents {
        let mut i = s;
        while i < e {
            let legal = |k: usize| {
                let t = &p.toks[k];
                (t.kind == Kind::Word && t.class & lx::LEGAL != 0 && t.caps != Caps::Lower)
                    || (abbreviation(k) && k + 1 < e && is_open(p, k + 1) && named(k + 1))
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
    replace_overlapping(found, extra);
}

/// The closing mark of the quotation opened at `open` (nested quotations allowed; a name ends
/// with its innermost closing mark when the outer one is missing: «ЛБК «Наш Дом»). Where the
/// outer mark is missing, a comma, a legal form or a new quotation after an inner closing mark
/// starts another name («ВК «Укрнафтобуріння», ТОВ «Сахалінське»).
fn quotation_end(p: &Prepared, open: usize, e: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut last_close = None;
    for k in open..e.min(open + 14) {
        let c = p.toks[k].first_char;
        if p.toks[k].kind != Kind::Punct {
            if last_close.is_some() && p.toks[k].class & lx::LEGAL != 0 {
                break;
            }
            continue;
        }
        let opens = c == '«' || c == '„' || (c == '"' && depth == 0) || (c == '“' && depth == 0);
        if last_close.is_some() && (c == ',' || opens) {
            break;
        }
        if opens {
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

/// Adjacent mentions in Latin script inside Cyrillic text are one name ("NYSE Euronext",
/// "Northwind Capital Ltd"): such a run is a foreign name left as written, which the tagger,
/// trained on Cyrillic, may cut in two. The merged name is an organisation when either part is.
pub fn latin_runs(p: &Prepared, found: &mut Vec<Found>) {
    let latin = |f: &Found| {
        !p.toks[f.a].latin
            && (f.a..f.b).all(|i| p.toks[i].kind != Kind::Word || !is_cyrillic_word(p, i))
    };
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        if let Some(last) = out.last_mut() {
            if last.b == f.a
                && latin(last)
                && latin(&f)
                && last.class.is_some()
                && f.class.is_some()
            {
                last.b = f.b;
                if f.class == Some(Class::Org) {
                    last.set_class(Class::Org);
                }
                last.confidence = last.confidence.min(f.confidence);
                continue;
            }
        }
        out.push(f);
    }
    *found = out;
}

/// The edges of person mentions: titles and honorifics at the front go ("Император Акихито",
/// "Папа Франциск" at a sentence start), initials before the name come in ("Б.Обама",
/// "Дж. Коми"), a name never mixes scripts ("Holdings Алишера Усманова" keeps the Cyrillic part),
/// and a lone Latin-script word in Cyrillic text with nothing personal about it is a brand or an
/// organisation rather than a person ("в своем Instagram", "Google"). A one-word "place" or
/// "body" after an initial that the knowledge base does not know is a person ("В.Лисицын").
pub fn person_edges(p: &Prepared, found: &mut Vec<Found>) {
    use super::features::doc;
    let taken = covered(p, found);
    // Whether the two tokens before `a` are an initial and its dot. A capital letter with a dot
    // is an initial even where the letter alone is a word ("О. Дерипаска", "В.Лисицын": о, в
    // and с are prepositions).
    let initial_before = |a: usize| {
        if a < 2 {
            return false;
        }
        let (ini, dot) = (&p.toks[a - 2], &p.toks[a - 1]);
        ini.kind == Kind::Word
            && matches!(ini.caps, Caps::Single | Caps::Title)
            && p.lower(ini).chars().count() <= 2
            && (ini.class == 0 || ini.caps == Caps::Single)
            && dot.kind == Kind::Punct
            && dot.first_char == '.'
            && !taken[a - 2]
    };
    for f in found.iter_mut() {
        let unknown_word = f.b - f.a == 1 && is_cyrillic_word(p, f.a) && p.toks[f.a].gaz == 0;
        if matches!(f.class, Some(Class::Loc | Class::Org)) && unknown_word && initial_before(f.a) {
            f.set_class(Class::Per);
        }
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
        while initial_before(f.a) {
            f.a -= 2;
        }
        let t = &p.toks[f.a];
        let latin_in_cyrillic = !t.latin && t.kind == Kind::Word && !cyr;
        let personal = doc::AFTER_TITLE | doc::AFTER_INITIAL | doc::AFTER_CAP;
        let not_personal = if f.b - f.a == 1 {
            t.doc & personal == 0 && t.caps.is_capitalised()
        } else {
            !latin_person(p, f.a, f.b)
        };
        if latin_in_cyrillic && not_personal {
            f.set_class(Class::Org);
            f.confidence *= 0.5;
        }
    }
    // A surname the decoder left out after initials ("В. І. Вернадський", read as an
    // adjective).
    let mut extra = Vec::new();
    for (i, t) in p.toks.iter().enumerate().skip(2) {
        if !taken[i]
            && is_cyrillic_word(p, i)
            && t.caps == Caps::Title
            && t.gaz == 0
            && t.class & (lx::STOP | lx::NOT_NAME | lx::TITLE) == 0
            && initial_before(i)
        {
            let mut a = i;
            while initial_before(a) {
                a -= 2;
            }
            extra.push(Found::new(a, i + 1, EntityType::Person, 0.6));
        }
    }
    if !extra.is_empty() {
        found.extend(extra);
        found.sort_by_key(|f| f.a);
    }
}

/// Whether a Latin-script name of several words inside Cyrillic text can be a person's. Ukrainian
/// and Russian write people's names in Cyrillic; what stays in Latin is mostly bands, firms and
/// titles, and an English article or an organisation's head noun or legal form ("The Beatles",
/// "Heritage Auctions Group", "Pearson Plc") is never part of a person's name.
fn latin_person(p: &Prepared, a: usize, b: usize) -> bool {
    let en = lx::lexicon(parallax_model::Lang::En);
    !(a..b).any(|i| {
        let lower = p.lower(&p.toks[i]);
        let class = en.classes(lower, lower, true);
        (i == a && lower == "the") || class & (lx::ANY_ORG_HEAD | lx::LEGAL) != 0
    })
}

/// Whether a Cyrillic word, in the tagger's folded spelling, has an adjective's ending
/// (Ukrainian or Russian, any case; Ukrainian -ої and -і read -ои and -и there).
fn adjectival(lower: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ого", "его", "ому", "ему", "ой", "ий", "ый", "ій", "ая", "яя", "ое", "ее", "ої", "ои",
        "ою", "ую", "им", "ым", "ими", "ыми", "их", "ых", "ей", "ька", "ьке", "ьку",
    ];
    lower.chars().count() > 4 && ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// A place's adjective that opens an official body's name is part of that name: "Краматорського
/// міського суду", "Московский городской суд", "Іллічівська міськрада". A mention that ends in
/// a capitalised adjective followed by lower-case adjectives and an organisation's head noun is
/// extended over them and becomes an organisation; so is a one-word "person" with an
/// adjective's ending ("Клавдієвський лісгосп": surnames rarely come before a body's head noun),
/// and a capitalised adjective the decoder left out, unless it opens the sentence.
pub fn body_names(p: &Prepared, found: &mut Vec<Found>) {
    // The end of the body's name when an adjective at `i` opens one.
    // Ukrainian neuter and feminine adjectives end in -е and -а (обласне, державна, виборча),
    // as nouns do too: before a body's head noun they are read as adjectives.
    let before_head = |lower: &str| {
        adjectival(lower)
            || (lower.chars().count() > 5
                && ["не", "на", "ве", "ва", "че", "ча"].iter().any(|e| lower.ends_with(e)))
    };
    let head_after = |i: usize, limit: usize| -> Option<usize> {
        let t = &p.toks[i];
        if !is_cyrillic_word(p, i) || !t.caps.is_capitalised() || !before_head(p.lower(t)) {
            return None;
        }
        let lower = |j: usize| j < limit && is_cyrillic_word(p, j) && p.toks[j].caps == Caps::Lower;
        let mut j = i + 1;
        while lower(j)
            && j < i + 4
            && p.toks[j].class & lx::ANY_ORG_HEAD == 0
            && before_head(p.lower(&p.toks[j]))
        {
            j += 1;
        }
        // The head may be an abbreviation ("Херсонської ТЕЦ", "Іршанського ГЗК", "ТЕЦ-5"),
        // one the knowledge base does not know as a place.
        let abbreviation = j < limit && is_cyrillic_word(p, j) && {
            let t = &p.toks[j];
            let letters = p.text_of(t).split('-').next().unwrap_or("");
            let n = letters.chars().count();
            (2..=5).contains(&n)
                && letters.chars().all(|c| c.is_uppercase())
                && t.gaz == 0
                && t.class & lx::STOP == 0
        };
        ((lower(j) && p.toks[j].class & lx::ANY_ORG_HEAD != 0) || abbreviation).then_some(j + 1)
    };
    let next_start: Vec<usize> =
        found.iter().skip(1).map(|f| f.a).chain(std::iter::once(p.toks.len())).collect();
    for (f, limit) in found.iter_mut().zip(next_start) {
        let eligible = match f.class {
            Some(Class::Loc | Class::Org) => true,
            Some(Class::Per) => f.b - f.a == 1,
            None => false,
        };
        if let Some(end) = head_after(f.b - 1, limit).filter(|_| eligible) {
            f.b = end;
            f.set_class(Class::Org);
        }
    }
    let taken = covered(p, found);
    let next_taken = next_covered(&taken);
    let mut extra = Vec::new();
    let mut i = 0;
    while i < p.toks.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        match head_after(i, next_taken[i]) {
            Some(end) => {
                extra.push(Found::new(i, end, EntityType::Organization, 0.6));
                i = end;
            }
            None => i += 1,
        }
    }
    if !extra.is_empty() {
        found.extend(extra);
        found.sort_by_key(|f| f.a);
    }
}

/// The ends of organisation names. A name never ends in a lower-case adjective: the noun it
/// modifies comes in ("Служба автомобільних | доріг", "Центру громадського | моніторингу").
/// A state body's regional branch is named with its region, which Ukrainian writes after "у"
/// or "в" ("Антимонопольного комітету у Тернопільській області", "ГУ ДСНС у Донецькій
/// області"): a body whose name opens with a head noun or an abbreviation takes in a following
/// "у/в" and a place that ends in a region's head noun.
pub fn body_ends(p: &Prepared, found: &mut Vec<Found>) {
    let lower_word = |k: usize| {
        k < p.toks.len()
            && is_cyrillic_word(p, k)
            && p.toks[k].caps == Caps::Lower
            && p.toks[k].class & (lx::STOP | lx::TIME) == 0
    };
    // A lower-case noun phrase from `k`: adjectives and the noun after them, or a noun alone
    // that does not read as a verb; its end.
    // With `genitive`, only a phrase whose words can be genitive ([`genitive_like`]).
    let phrase = |k: usize, limit: usize, genitive: bool| -> Option<usize> {
        let case = |j: usize| !genitive || genitive_like(p.lower(&p.toks[j]));
        let mut j = k;
        while j < limit && j < k + 3 && lower_word(j) && adjectival(p.lower(&p.toks[j])) && case(j)
        {
            j += 1;
        }
        let noun = j < limit && lower_word(j) && !adjectival(p.lower(&p.toks[j])) && case(j);
        (noun && (j > k || !verb_like(p.lower(&p.toks[j])))).then_some(j + 1)
    };
    // A head noun's complement from `k`: a noun phrase, and one more joined by "та", "і" or
    // "и" ("Міністерства | освіти і науки"); its end.
    let complement = |k: usize, limit: usize, genitive: bool| -> Option<usize> {
        let mut end = phrase(k, limit, genitive)?;
        // A genitive noun may govern one more ("Міністерство охорони | здоров'я",
        // "Національного агентства запобігання | корупції").
        if let Some(next) = phrase(end, limit, true) {
            end = next;
        }
        let and = end < limit && matches!(p.lower(&p.toks[end]), "и" | "та");
        Some(phrase(end + 1, limit, genitive).filter(|_| and).unwrap_or(end))
    };
    // A bare head noun the decoder left out names a body with its complement ("фракції Партії
    // регіонів у …"). At the start of a sentence a capitalised common noun is no evidence, so
    // there the body must also be named by the place or the body it belongs to, right after
    // it ("Прокуратура | Києва", "Фонд держмайна | України", "Офис | Промстройинвеста").
    let taken = covered(p, found);
    let next_taken = next_covered(&taken);
    let mut extra = Vec::new();
    for i in 0..p.toks.len() {
        let t = &p.toks[i];
        if taken[i]
            || t.caps != Caps::Title
            || t.class & lx::ANY_ORG_HEAD == 0
            || !is_cyrillic_word(p, i)
        {
            continue;
        }
        let end = complement(i + 1, next_taken[i], false);
        if !t.sent_start {
            extra.extend(end.map(|end| Found::new(i, end, EntityType::Organization, 0.6)));
            continue;
        }
        let end = end.unwrap_or(i + 1);
        let place =
            found.iter().any(|f| f.a == end && matches!(f.class, Some(Class::Loc | Class::Org)));
        if place && next_taken[i] == end {
            extra.push(Found::new(i, end, EntityType::Organization, 0.6));
        }
    }
    if !extra.is_empty() {
        found.extend(extra);
        found.sort_by_key(|f| f.a);
    }
    let starts: Vec<usize> = found.iter().map(|f| f.a).collect();
    for (n, f) in found.iter_mut().enumerate() {
        let limit = starts.get(n + 1).copied().unwrap_or(p.toks.len());
        // A "place" whose words include a body's head noun written in lower case is that
        // body ("Господарського суду", "Краматорської міськради", "Головне управління
        // юстиції"): places are not named by such nouns. So is any mention of a capitalised
        // head noun and lower-case words after it ("Міністерство енергетики").
        let head = |k: usize| {
            let t = &p.toks[k];
            t.class & lx::ANY_ORG_HEAD != 0 && t.class & lx::LOC_HEAD == 0 && is_cyrillic_word(p, k)
        };
        let lower_head = (f.a..f.b).any(|k| head(k) && p.toks[k].caps == Caps::Lower);
        let descriptive = f.b - f.a > 1
            && head(f.a)
            && p.toks[f.a].caps == Caps::Title
            && (f.a + 1..f.b).all(&lower_word);
        // A capitalised head noun alone inside a sentence names its body ("Руху", "Церкви"),
        // and a "person" does not start with one ("Партії Регіонів").
        let capitalised_head = (f.b - f.a == 1 || f.class == Some(Class::Per))
            && head(f.a)
            && p.toks[f.a].caps == Caps::Title
            && !p.toks[f.a].sent_start;
        if (f.class == Some(Class::Loc) && lower_head)
            || (f.class.is_some() && (descriptive || capitalised_head))
        {
            f.set_class(Class::Org);
        }
        // A bare head noun is not yet a name: its complement follows ("Партії | регіонів",
        // "Міністерство | закордонних справ", "Служба | автодоріг"). Whatever the decoder
        // typed it as, a body's head noun with its complement names a body.
        let head = &p.toks[f.a];
        if f.class.is_some()
            && f.b - f.a == 1
            && is_cyrillic_word(p, f.a)
            && head.caps == Caps::Title
            && head.class & lx::ANY_ORG_HEAD != 0
        {
            if let Some(end) = complement(f.b, limit, false) {
                f.b = end;
                f.set_class(Class::Org);
                continue;
            }
        }
        if f.class != Some(Class::Org) {
            continue;
        }
        let last = f.b - 1;
        if lower_word(last)
            && p.toks[last].class & lx::ANY_ORG_HEAD == 0
            && adjectival(p.lower(&p.toks[last]))
            && f.b < limit
            && lower_word(f.b)
            && !adjectival(p.lower(&p.toks[f.b]))
        {
            f.b += 1;
        }
        // A name that ends in its head noun takes the head's complement ("Київській міській
        // державній лабораторії | ветеринарної медицини", "Національного агентства |
        // запобігання корупції").
        let last = f.b - 1;
        if is_cyrillic_word(p, last) && p.toks[last].class & lx::ANY_ORG_HEAD != 0 {
            if let Some(end) = complement(f.b, limit, true) {
                f.b = end;
            }
        }
        // A body's descriptive name goes on past "та"/"і" and past "з" with the matter it
        // deals with ("Міністерства енергетики | та вугільної промисловості", "Управління
        // поліції охорони | з фізичної безпеки", "Бюро УГКЦ | з питань екології").
        let descriptive = (f.a..f.b).any(|k| p.toks[k].class & lx::ANY_ORG_HEAD != 0);
        for _ in 0..2 {
            if !descriptive || !lower_word(f.b - 1) || f.b + 1 >= limit {
                break;
            }
            let word = p.lower(&p.toks[f.b]);
            let joins = matches!(word, "та" | "і" | "й" | "и" | "з" | "із" | "зі" | "по");
            match complement(f.b + 1, limit, word != "по").filter(|_| joins) {
                Some(end) => f.b = end,
                None => break,
            }
        }
    }
}

/// A body named by a common noun or an abbreviation takes the place it belongs to: the place
/// right after it, which can only be its genitive complement ("Міністерство охорони здоров'я
/// України", "Прокуратура Волинської області", "МВД России", "госпсуду Києва"), and a region
/// after "у"/"в" that names its branch ("Служба автодоріг у Кіровоградській області", "ГУ
/// ДСНС України у Донецькій області"). Brand names ("Газпром України") do not.
pub fn body_places(p: &Prepared, found: &mut Vec<Found>) {
    let mut merged: Vec<Found> = Vec::with_capacity(found.len());
    let mut it = std::mem::take(found).into_iter().peekable();
    while let Some(mut f) = it.next() {
        let head = &p.toks[f.a];
        let common = (f.a..f.b).any(|k| p.toks[k].class & lx::ANY_ORG_HEAD != 0);
        // A body's head noun alone, whatever the decoder typed it ("Прокуратури | Волинської
        // області").
        let bare_head =
            f.b - f.a == 1 && head.caps == Caps::Title && head.class & lx::ANY_ORG_HEAD != 0;
        let body = is_cyrillic_word(p, f.a)
            && ((f.class == Some(Class::Org) && (common || head.caps == Caps::Upper))
                || (f.class.is_some() && bare_head));
        while let Some(next) = it.peek().copied().filter(|_| body) {
            let place = next.class == Some(Class::Loc)
                && is_cyrillic_word(p, next.a)
                && p.toks[next.a].caps.is_capitalised();
            let adjacent = next.a == f.b;
            let prep = if next.a == f.b + 1 { p.lower(&p.toks[f.b]) } else { "" };
            let region = p.toks[next.b - 1].class & lx::LOC_HEAD != 0
                && p.toks[next.b - 1].caps == Caps::Lower;
            // A body it belongs to, in the genitive right after it ("Управління освіти |
            // Одеської міськради", "Відділ освіти | Буської РДА").
            let parent = next.class == Some(Class::Org)
                && adjacent
                && is_cyrillic_word(p, next.a)
                && (p.toks[next.a].caps == Caps::Upper
                    || (p.toks[next.a].caps == Caps::Title
                        && genitive_like(p.lower(&p.toks[next.a]))));
            if parent || (place && (adjacent || (matches!(prep, "у" | "в") && region))) {
                f.b = next.b;
                f.set_class(Class::Org);
                it.next();
            } else {
                break;
            }
        }
        merged.push(f);
    }
    *found = merged;
}

/// A body or a place named after someone takes the name: "университете имени М.В.
/// Ломоносова", "парку ім. Т. Шевченка", "заводу імені Петровського". The person's name after
/// "имени"/"імені"/"ім." is part of the body's or place's name, not a mention of the person.
pub fn named_after(p: &Prepared, found: &mut Vec<Found>) {
    let mut k = 0;
    while k < found.len() {
        let f = found[k];
        let after = |i: usize| {
            p.toks.get(i).is_some_and(|t| {
                t.kind == Kind::Word && matches!(p.lower(t), "имени" | "им" | "ими")
            })
        };
        // The decoder may have taken the word in, and part of the name ("университете имени
        // | М.В. Ломоносова", "университете имени М.В. | Ломоносова").
        let inside = (f.a + 1..f.b).rev().find(|&m| after(m));
        let mut j = inside.map_or(f.b + 1, |m| m + 1);
        if !matches!(f.class, Some(Class::Org | Class::Loc)) || !after(j - 1) {
            k += 1;
            continue;
        }
        if p.toks.get(j).is_some_and(|t| t.first_char == '.') {
            j += 1;
        }
        let start = j;
        while j < p.toks.len() && j < start + 6 {
            let t = &p.toks[j];
            let word =
                t.kind == Kind::Word && matches!(t.caps, Caps::Title | Caps::Upper | Caps::Single);
            // An initial's full stop (not the one that ends the sentence after a surname).
            let stop = t.first_char == '.' && j > start && p.toks[j - 1].caps != Caps::Title;
            if !(word || stop) {
                break;
            }
            j += 1;
        }
        if j > f.b && (start..j).any(|i| p.toks[i].caps == Caps::Title) {
            found[k].b = j;
            found.retain(|g| !(g.a >= f.b && g.a < j));
        }
        k += 1;
    }
}

/// Whether a lower-case Cyrillic word (folded) can be in the genitive case: adjectives in -ого,
/// -ои (Ukrainian -ої), -ой, -ей, -их; nouns in a vowel of the genitive singular or in -ов/-ев
/// (the genitive plural, Ukrainian -ів), with Ukrainian -ості (промисловості). Infinitives (-ти,
/// -ть) and adverbs (-но) cannot.
fn genitive_like(lower: &str) -> bool {
    if adjectival(lower) {
        return ["ого", "его", "ои", "ой", "ей", "их", "ых"].iter().any(|e| lower.ends_with(e));
    }
    lower.ends_with("ости")
        || lower.ends_with("ень")
        || lower.ends_with("ань")
        || (!["ти", "чи", "ть"].iter().any(|e| lower.ends_with(e))
            && ["и", "а", "я", "у", "ю", "ов", "ев", "ей"].iter().any(|e| lower.ends_with(e)))
}

/// Whether a lower-case Cyrillic word (folded) ends like a verb in the present or past tense
/// (повідомило, отримала, заявляє, працюють, сказал) or in the impersonal passive (накладено,
/// відкрито), so that it does not end a name.
fn verb_like(lower: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ло", "ла", "ли", "ть", "ся", "сь", "ет", "ит", "ют", "ут", "ат", "ят", "ае", "юе", "уе",
        "ие", "ил", "ал", "ел", "ол", "но", "то",
    ];
    ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Places named with their district or region: "Романків Обухівського району", "Кременчука
/// Полтавської області", "Липники Пустомитівського району Львівської області". A capitalised
/// adjective followed by a lower-case place head noun (область, район, край, улица) names a
/// place of its own, head included; the name before it is another place (a settlement), whatever
/// the tagger made of the pair (a given name and surname, or one long place).
pub fn district_names(p: &Prepared, found: &mut Vec<Found>) {
    let head = |k: usize| {
        k < p.toks.len()
            && is_cyrillic_word(p, k)
            && p.toks[k].caps == Caps::Lower
            && p.toks[k].class & lx::LOC_HEAD != 0
    };
    let district = |k: usize| {
        is_cyrillic_word(p, k)
            && p.toks[k].caps.is_capitalised()
            && adjectival(p.lower(&p.toks[k]))
            && head(k + 1)
    };
    let starts: Vec<usize> = found.iter().map(|f| f.a).collect();
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for (n, mut f) in found.drain(..).enumerate() {
        let limit = starts.get(n + 1).copied().unwrap_or(usize::MAX);
        let one_word_body = f.class == Some(Class::Org) && f.b - f.a == 1;
        if !matches!(f.class, Some(Class::Loc | Class::Per)) && !one_word_body {
            out.push(f);
            continue;
        }
        let mut k = f.a;
        while k < f.b {
            if !district(k) || k + 2 > limit {
                k += 1;
                continue;
            }
            if k > f.a {
                let mut before = f;
                before.b = k;
                before.set_class(Class::Loc);
                out.push(before);
            }
            f.a = k;
            f.b = f.b.max(k + 2);
            f.set_class(Class::Loc);
            k += 2;
            if k < f.b {
                // More follows ("… району Львівської області"): the district is a mention.
                let mut d = f;
                d.b = k;
                out.push(d);
                f.a = k;
            }
        }
        if f.a < f.b {
            out.push(f);
        }
    }
    *found = out;
    coordinated_districts(p, found);
}

/// Adjectives coordinated before one district's head noun name districts of their own:
/// "Полтавського, Миргородського та Кременчуцького районів" names three places. Each
/// capitalised adjective before the district, joined by a comma or "та", "і", "и", becomes a
/// place, whatever the decoder made of it; so does each of two or more such adjectives listed
/// after a dash or a colon that follows a place's head noun.
fn coordinated_districts(p: &Prepared, found: &mut Vec<Found>) {
    let joiner = |k: usize| {
        let t = &p.toks[k];
        t.first_char == ',' || (t.kind == Kind::Word && matches!(p.lower(t), "и" | "та"))
    };
    let adjective = |k: usize| {
        is_cyrillic_word(p, k) && p.toks[k].caps == Caps::Title && adjectival(p.lower(&p.toks[k]))
    };
    let mut places = Vec::new();
    for f in found.iter() {
        let district = f.class == Some(Class::Loc)
            && f.b - f.a == 2
            && adjective(f.a)
            && p.toks[f.a + 1].class & lx::LOC_HEAD != 0
            && p.toks[f.a + 1].caps == Caps::Lower;
        if !district {
            continue;
        }
        let mut k = f.a;
        while k >= 2 && joiner(k - 1) && adjective(k - 2) {
            places.push(k - 2);
            k -= 2;
        }
    }
    // The head noun may come first, in the plural, with the list after a dash or a colon:
    // "в західних областях України – Волинській, Київській, Львівській".
    for (k, t) in p.toks.iter().enumerate() {
        let opens_list = t.kind == Kind::Punct && matches!(t.first_char, '–' | '—' | '-' | ':');
        if !opens_list || k + 1 >= p.toks.len() || !adjective(k + 1) {
            continue;
        }
        let headed = (k.saturating_sub(3)..k)
            .any(|j| p.toks[j].class & lx::LOC_HEAD != 0 && p.toks[j].caps == Caps::Lower);
        if !headed {
            continue;
        }
        let mut list = vec![k + 1];
        let mut j = k + 1;
        while j + 2 < p.toks.len() && joiner(j + 1) && adjective(j + 2) {
            j += 2;
            list.push(j);
        }
        if list.len() >= 2 {
            places.extend(list);
        }
    }
    if places.is_empty() {
        return;
    }
    found.retain(|f| !places.iter().any(|&k| f.a <= k && k < f.b));
    found.extend(places.into_iter().map(|k| Found::new(k, k + 1, EntityType::Place, 0.6)));
    found.sort_by_key(|f| f.a);
}

/// The tagger's stem keys ([`super::features::Tok::h_stem`]) of common Ukrainian and Russian
/// given names (`data/kb/slavic_given_names.tsv`), in every case the stem reaches.
static GIVEN_NAMES: LazyLock<HashSet<u32>> = LazyLock::new(|| {
    let mut set = HashSet::new();
    for line in include_str!("../../../data/kb/slavic_given_names.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        stem_keys(line.split('|').map(str::trim).filter(|n| !n.is_empty()), &mut set);
    }
    set
});

/// Adds the tagger's stem keys ([`super::features::Tok::h_stem`]) of `names`, read as
/// Ukrainian and as Russian, to `set`.
fn stem_keys<'a>(names: impl Iterator<Item = &'a str>, set: &mut HashSet<u32>) {
    for name in names {
        for ukrainian in [true, false] {
            let folded = super::fold::fold(name, ukrainian);
            let stem = super::stem(&folded);
            // A stem of one or two letters would match too many words.
            if stem.chars().count() >= 3 {
                set.insert(super::features::hash_bytes(2, stem.as_bytes()));
            }
        }
    }
}

/// A one-word "place" or "body" that the knowledge base does not know, that has no body's head
/// noun in it and that the document makes the subject of a past-tense verb more often than it
/// puts it after a preposition of place ("Чеслав засміявся", "Голуба відповіла", "Марика
/// сказала") is a person: Ukrainian and Russian past tenses agree in gender with people, and
/// unknown places are seldom the subjects of verbs (bodies that act are named by their head
/// noun: "Рада ухвалила"). Novels and reportage name many people the model has never seen.
/// (Prepositions are counted rather than excluded because Ukrainian "з" and "у" also mean "with"
/// and "at someone's".)
pub fn acting_people(p: &Prepared, found: &mut [Found]) {
    // Past tense in the folded spelling: Russian -л, -ла, -ли (and reflexive), Ukrainian -ла,
    // -ли and the masculine reflexive -вся (засміявся; -ав and -ив already read -ал, -ил). The
    // Ukrainian -ов of пішов is left out: folded genitive plurals end so too.
    const PAST_ENDINGS: &[&str] = &["л", "ла", "ли", "лся", "лась", "лись", "лася", "лися", "вся"];
    use super::features::doc;
    let past = |k: usize| {
        p.toks.get(k).is_some_and(|t| {
            let w = p.lower(t);
            t.kind == Kind::Word
                && t.caps == Caps::Lower
                && t.class & lx::STOP == 0
                && w.chars().count() > 3
                && PAST_ENDINGS.iter().any(|e| w.ends_with(e))
        })
    };
    // One short word may come between the name and its verb: an adverb or a particle ("Зірка
    // саме повернулася", "Мішель не міг").
    let short = |k: usize| {
        p.toks.get(k).is_some_and(|t| {
            t.kind == Kind::Word && t.caps == Caps::Lower && p.lower(t).chars().count() <= 5
        })
    };
    // Per stem: occurrences before a past-tense verb, and after a preposition of place.
    let mut evidence: HashMap<&str, (u32, u32)> = HashMap::new();
    for (i, t) in p.toks.iter().enumerate() {
        if t.kind != Kind::Word || t.caps != Caps::Title {
            continue;
        }
        let acts = past(i + 1) || (short(i + 1) && past(i + 2));
        let placed = i > 0 && p.toks[i - 1].class & lx::LOC_PREP != 0;
        if acts || placed {
            let e = evidence.entry(p.stem_of(t)).or_default();
            e.0 += u32::from(acts);
            e.1 += u32::from(placed);
        }
    }
    if !evidence.values().any(|e| e.0 > 0) {
        return;
    }
    let placelike = doc::GAZ | doc::NEAR_LOC_HEAD | doc::QUOTED | doc::UPPER;
    for f in found.iter_mut() {
        let t = &p.toks[f.a];
        if matches!(f.class, Some(Class::Loc | Class::Org))
            && f.b - f.a == 1
            && is_cyrillic_word(p, f.a)
            && t.gaz == 0
            && t.class & lx::ANY_ORG_HEAD == 0
            && !headed_compound(p.lower(t))
            && t.doc & placelike == 0
            && evidence.get(p.stem_of(t)).is_some_and(|e| e.0 > e.1)
        {
            f.set_class(Class::Per);
        }
    }
}

/// Names of God and of the figures of faith that are written capitalised in Ukrainian, Russian
/// and English, with the case forms the stem does not reach (Бозі).
const DEITIES: &[&str] = &[
    "Бог",
    "Бога",
    "Богові",
    "Бозі",
    "Боже",
    "Господь",
    "Господа",
    "Господеві",
    "Творець",
    "Творця",
    "Творец",
    "Творца",
    "Спаситель",
    "Спасителя",
    "Всевишній",
    "Всевишнього",
    "Всевышний",
    "Всевышнего",
    "Аллах",
    "Ісус",
    "Иисус",
    "Христос",
    "Христа",
    "God",
    "Allah",
    "Jesus",
    "Christ",
];

/// The tagger's stem keys of [`DEITIES`].
static DEITY_STEMS: LazyLock<HashSet<u32>> = LazyLock::new(|| {
    let mut set = HashSet::new();
    stem_keys(DEITIES.iter().copied(), &mut set);
    set
});

/// God is a person, as the usual annotation conventions class Him, in whatever case ("Бога",
/// "Богом", "Бозі"): a mention the decoder typed a place or a body that opens with one of
/// [`DEITIES`] becomes a person's ("Бога Творця").
pub fn deities(p: &Prepared, found: &mut [Found]) {
    for f in found.iter_mut() {
        let t = &p.toks[f.a];
        if !matches!(f.class, Some(Class::Loc | Class::Org))
            || t.caps != Caps::Title
            || !DEITY_STEMS.contains(&t.h_stem)
        {
            continue;
        }
        // "храме Христа Спасителя" names a church.
        let headed = f.a > 0 && {
            let before = &p.toks[f.a - 1];
            before.caps == Caps::Lower && before.class & (lx::LOC_HEAD | lx::ANY_ORG_HEAD) != 0
        };
        if !headed {
            f.set_class(Class::Per);
        }
    }
}

/// A possessive adjective made from a person's name is the person's mention ("Шевченкового
/// слова", "Максимової хати", "Явдошиних дітей"): Ukrainian and Russian build them with -ов-,
/// -ев- and -ин- before an adjective's ending, while places and bodies take -ськ-/-цьк-. One
/// such word the decoder typed a place or a body, unknown to the knowledge base, is a person.
///
/// So is one with a surname's suffix: -енко, -ович/-евич, -чук/-юк in any case ("Домонтович",
/// "Ковбасюком"); places do not end so.
pub fn person_suffixes(p: &Prepared, found: &mut [Found]) {
    const ENDINGS: &[&str] = &[
        "ового",
        "овому",
        "овои",
        "овою",
        "овим",
        "овими",
        "ових",
        "евого",
        "евои",
        "евих",
        "иного",
        "инои",
        "иних",
        "иними",
        "енко",
        "енка",
        "енку",
        "енком",
        "ович",
        "овича",
        "овичу",
        "овичем",
        "евич",
        "евича",
        "евичу",
        "евичем",
        "чук",
        "чука",
        "чуку",
        "чуком",
        "юк",
        "юка",
        "юку",
        "юком",
    ];
    for f in found.iter_mut() {
        let t = &p.toks[f.a];
        let lower = p.lower(t);
        if matches!(f.class, Some(Class::Loc | Class::Org))
            && f.b - f.a == 1
            && is_cyrillic_word(p, f.a)
            && t.caps == Caps::Title
            && t.gaz == 0
            && lower.chars().count() > 5
            && ENDINGS.iter().any(|e| lower.ends_with(e))
        {
            f.set_class(Class::Per);
        }
    }
    // A "body" named by one -ський/-цький adjective alone, with no noun after it, is a person
    // (Кіяновська, Злочевського): bodies' names need their head noun.
    const ADJECTIVE_SURNAME: &[&str] = &["ськ", "цьк", "ск", "цк"];
    for i in 0..found.len() {
        let f = found[i];
        let t = &p.toks[f.a];
        let lower = p.lower(t);
        let noun_after = p.toks.get(f.b).is_some_and(|n| {
            n.kind == Kind::Word
                && n.caps == Caps::Lower
                && (adjectival(p.lower(n)) || n.class & lx::ANY_ORG_HEAD != 0)
        });
        let coordinated = found.get(i + 1).is_some_and(|g| g.a == f.b + 1)
            && p.toks.get(f.b).is_some_and(|n| matches!(p.lower(n), "и" | "та" | "й"));
        if f.class == Some(Class::Org)
            && f.b - f.a == 1
            && is_cyrillic_word(p, f.a)
            && t.caps == Caps::Title
            && t.gaz == 0
            && adjectival(lower)
            && ADJECTIVE_SURNAME.iter().any(|e| super::stem(lower).ends_with(e))
            && !noun_after
            && !coordinated
        {
            found[i].set_class(Class::Per);
        }
    }
}

/// A name the tagger typed a place or a body that begins with a common given name ("Андрія",
/// "Макара Гончаренка") is a person's, unless the knowledge base knows it as a place or body.
pub fn given_names(p: &Prepared, found: &mut [Found]) {
    for f in found.iter_mut() {
        if !matches!(f.class, Some(Class::Loc | Class::Org)) || f.b - f.a > 3 {
            continue;
        }
        let t = &p.toks[f.a];
        let words = (f.a..f.b).filter(|&i| p.toks[i].kind == Kind::Word).count();
        if words <= 2
            && is_cyrillic_word(p, f.a)
            && t.caps == Caps::Title
            && t.gaz == 0
            && GIVEN_NAMES.contains(&t.h_stem)
        {
            f.set_class(Class::Per);
        }
    }
}

/// Where one mention is really two. A person's name does not run across a line break
/// ("Людмили | Таїсія Іванівна"; the names of bodies and streets may be wrapped). A person named by given name and surname, and then a common given name
/// that is no patronymic, is two people ("зятя Леоніда Черновецького | Вячеслава Супруненка",
/// "Брат Вячеслава Супруненка | Олександр"); several given names in a row are one person's.
pub fn split_mentions(p: &Prepared, found: &mut Vec<Found>) {
    let given = |k: usize| {
        let t = &p.toks[k];
        t.kind == Kind::Word
            && t.caps == Caps::Title
            && is_cyrillic_word(p, k)
            && GIVEN_NAMES.contains(&t.h_stem)
            && !["ович", "евич", "ич", "овна", "евна", "ивна", "ична"]
                .iter()
                .any(|e| p.lower(t).ends_with(e))
    };
    let mut out = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        let mut cuts: Vec<usize> = (f.a + 1..f.b)
            .filter(|_| f.class == Some(Class::Per))
            .filter(|&k| {
                p.text.get(p.toks[k - 1].end..p.toks[k].start).is_some_and(|gap| gap.contains('\n'))
            })
            .collect();
        if f.class == Some(Class::Per) && given(f.a) {
            let second = (f.a + 2..f.b).find(|&k| given(k) && (f.a + 1..k).any(|j| !given(j)));
            cuts.extend(second);
        }
        cuts.sort_unstable();
        let mut a = f.a;
        for cut in cuts.into_iter().chain(std::iter::once(f.b)) {
            if cut > a {
                out.push(Found { a, b: cut, ..f });
            }
            a = cut;
        }
    }
    *found = out;
    // A given name and a surname in capitals after it are one person ("Олександр ПОПОВ", as
    // signatures and lists write names), whatever the decoder made of the surname.
    let mut k = 0;
    while k < found.len() {
        let f = found[k];
        let caps_surname = |i: usize| {
            p.toks.get(i).is_some_and(|t| {
                t.kind == Kind::Word
                    && t.caps == Caps::Upper
                    && t.end - t.start >= 6
                    && is_cyrillic_word(p, i)
                    && t.class & (lx::ANY_ORG_HEAD | lx::LEGAL | lx::STOP) == 0
            })
        };
        let next_free = found.get(k + 1).is_none_or(|g| g.a > f.b || g.b == f.b + 1);
        if f.class == Some(Class::Per) && given(f.b - 1) && caps_surname(f.b) && next_free {
            if found.get(k + 1).is_some_and(|g| g.a == f.b) {
                found.remove(k + 1);
            }
            found[k].b += 1;
        }
        k += 1;
    }
}

/// A capitalised Latin-script word inside Cyrillic text is a name left as its owners write it
/// ("Brexit", "Ryanair", "Facebook"): Ukrainian and Russian write common words in Cyrillic. Runs
/// of such words that no mention covers become names of no known kind (a firm, a product, an
/// event: the decoder had no opinion); all-capital words are left alone (Roman numerals, units
/// and currency codes are written that way).
pub fn latin_words(p: &Prepared, found: &mut Vec<Found>) {
    let covered = covered(p, found);
    let name = |i: usize| {
        let t = &p.toks[i];
        !covered[i]
            && !t.latin
            && t.kind == Kind::Word
            && !is_cyrillic_word(p, i)
            && matches!(t.caps, Caps::Title | Caps::Mixed)
            && p.text_of(t).chars().all(|c| c.is_ascii_alphabetic() || c == '-')
            && p.text_of(t).len() >= 3
    };
    let mut extra = Vec::new();
    let mut i = 0;
    while i < p.toks.len() {
        if !name(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < p.toks.len() && name(j) {
            j += 1;
        }
        extra.push(Found::new(i, j, EntityType::Other, 0.5));
        i = j;
    }
    if extra.is_empty() {
        return;
    }
    found.extend(extra);
    found.sort_by_key(|f| f.a);
}

/// Whether a token is a small number (1 or 2 digits): the ordinal of a project, a product's
/// generation.
fn small_number(p: &Prepared, i: usize) -> bool {
    let t = &p.toks[i];
    let text = p.text_of(t);
    t.kind == Kind::Number
        && (1..=2).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a word ends in a hyphen and a small number ("поток-2", "Stream-2").
fn numbered_word(p: &Prepared, i: usize) -> bool {
    let t = &p.toks[i];
    t.kind == Kind::Word
        && p.text_of(t).rsplit_once('-').is_some_and(|(head, n)| {
            !head.is_empty()
                && (1..=2).contains(&n.len())
                && n.bytes().all(|b| b.is_ascii_digit())
                && head.chars().all(char::is_alphabetic)
        })
}

/// Names with an ordinal number are one name, and a project or product rather than a person:
/// "Nord Stream 2", "Северный поток-2", "«Північний потік — 2»"; a "person" whose name holds a
/// digit is a thing ("SARS-CoV-2"). A mention followed by a small
/// number (after a dash or not) takes it in; a quotation of a capitalised name that ends in one,
/// and a capitalised word before a word ending in "-2", become such names.
pub fn numbered_names(p: &Prepared, found: &mut Vec<Found>) {
    let n = p.toks.len();
    let dash = |i: usize| {
        i < n && p.toks[i].kind == Kind::Punct && matches!(p.toks[i].first_char, '-' | '—' | '–')
    };
    // A number that starts a date or a count ("Иванов 12 марта", "X 2 раза") is not the name's.
    let free = |k: usize| {
        k >= n
            || (p.toks[k].class & lx::TIME == 0
                && !(p.toks[k].kind == Kind::Word
                    && p.toks[k].caps == Caps::Lower
                    && k + 1 < n
                    && p.toks[k + 1].kind == Kind::Word
                    && p.toks[k + 1].class & lx::TIME != 0))
    };
    let number_after = |j: usize| {
        if j < n && small_number(p, j) && free(j + 1) {
            Some(j + 1)
        } else if dash(j) && j + 1 < n && small_number(p, j + 1) && free(j + 2) {
            Some(j + 2)
        } else {
            None
        }
    };
    let other = |f: &mut Found| {
        f.kind = EntityType::Other;
        f.class = None;
    };
    for f in found.iter_mut() {
        if let Some(end) = number_after(f.b) {
            f.b = end;
            other(f);
        } else if numbered_word(p, f.b - 1) && f.b - f.a > 1 {
            other(f);
        } else if f.kind == EntityType::Person
            && (f.a..f.b).any(|k| p.text_of(&p.toks[k]).bytes().any(|b| b.is_ascii_digit()))
        {
            // A person's name holds no digit: "SARS-CoV-2", "A320neo" are things.
            other(f);
        }
    }
    let mut extra = Vec::new();
    let mut i = 0;
    while i < n {
        // «Name … 2», "Name-2"
        if is_open(p, i) && i + 1 < n && p.toks[i + 1].caps.is_capitalised() {
            let close = (i + 2..n.min(i + 8)).find(|&k| is_close(p, k));
            if let Some(c) = close {
                let last = c - 1;
                if numbered_word(p, last) || (small_number(p, last) && last > i + 1) {
                    extra.push(Found::new(i + 1, c, EntityType::Other, 0.7));
                    i = c + 1;
                    continue;
                }
            }
        }
        // Северный поток-2
        if i + 1 < n
            && p.toks[i].kind == Kind::Word
            && p.toks[i].caps.is_capitalised()
            && numbered_word(p, i + 1)
            && p.toks[i + 1].caps == Caps::Lower
        {
            extra.push(Found::new(i, i + 2, EntityType::Other, 0.7));
            i += 2;
            continue;
        }
        i += 1;
    }
    if extra.is_empty() {
        return;
    }
    // What the decoder found inside a numbered name is part of it.
    found.retain(|f| !extra.iter().any(|x| x.a <= f.a && f.b <= x.b));
    let keep: Vec<Found> =
        extra.into_iter().filter(|x| !found.iter().any(|f| f.a < x.b && x.a < f.b)).collect();
    found.extend(keep);
    found.sort_by_key(|f| f.a);
}

/// A name has a capital or a digit somewhere: a place or a body of lower-case words only
/// ("землю", "суді", "власти") is a common noun the tagger took for a name. So is a body's
/// generic head noun alone at the start of a Ukrainian or Russian sentence ("Міністерство
/// спростувало"), capitalised only because it comes first.
pub fn lower_case_only(p: &Prepared, found: &mut Vec<Found>) {
    use super::features::doc;
    found.retain(|f| {
        let t = &p.toks[f.a];
        // A common word in capitals (a heading, a shout: "МАГІЯ", "ПІДВАЛЬНІ", "ЙОГО") is not
        // an abbreviation: a function word, or a longer word the text also writes in lower
        // case or with an adjective's ending.
        let shouted = f.b - f.a == 1
            && t.caps == Caps::Upper
            && is_cyrillic_word(p, f.a)
            && (t.class & lx::STOP != 0
                || (p.lower(t).chars().count() >= 5
                    && (t.doc & doc::LOWER != 0 || adjectival(p.lower(t)))));
        // An abbreviation of a common noun ("ЗМІ", "ПДВ", "ДТП").
        let common_abbreviation = f.b - f.a == 1
            && t.caps == Caps::Upper
            && is_cyrillic_word(p, f.a)
            && t.class & lx::NOT_NAME != 0;
        if shouted || common_abbreviation {
            return false;
        }
        let bare_head = f.b - f.a == 1
            && t.sent_start
            && t.class & lx::ANY_ORG_HEAD != 0
            && t.caps == Caps::Title
            && is_cyrillic_word(p, f.a);
        !matches!(f.class, Some(Class::Loc | Class::Org))
            || (!bare_head
                && (f.a..f.b).any(|i| {
                    let t = &p.toks[i];
                    t.kind != Kind::Punct && (t.caps != Caps::Lower || t.kind != Kind::Word)
                }))
    });
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
        let head = (f.a..k).any(|i| p.toks[i].class & lx::ANY_ORG_HEAD != 0);
        if head && f.b - k > 2 {
            f.a = k + 1;
            f.b -= 1;
        }
    }
}

/// A quoted name after an organisation's generic head noun names an organisation also where
/// the decoder found nothing ("видання «Вечірній Поділ»", "компанії «Ромашка»"): the words
/// inside the quotation marks, when they start with a capital and no mention touches them.
pub fn quoted_bodies(p: &Prepared, found: &mut Vec<Found>) {
    let taken = covered(p, found);
    let mut extra = Vec::new();
    for &(s, e) in &p.sents {
        for k in s + 1..e {
            let head = &p.toks[k - 1];
            let generic = head.kind == Kind::Word
                && head.caps == Caps::Lower
                && head.class & lx::ANY_ORG_HEAD != 0;
            if !generic
                || !is_open(p, k)
                || !p.toks.get(k + 1).is_some_and(|t| t.caps.is_capitalised())
            {
                continue;
            }
            let Some(close) = quotation_end(p, k, e) else { continue };
            if close > k + 1 && all_inside(p, k, close + 1) && !taken[k..=close].contains(&true) {
                extra.push(Found::new(k + 1, close, EntityType::Organization, 0.6));
            }
        }
    }
    if !extra.is_empty() {
        found.extend(extra);
        found.sort_by_key(|f| f.a);
    }
}

/// A quoted name after a capitalised head noun is one name with it: "Спортивний клуб
/// «Бастіон»", "Індустріальна компанія «Магнат»", "Пансіонат «Петровець»". Written in capitals,
/// the head is part of the official name (in lower case it is a descriptor,
/// [`quoted_descriptors`]); a head alone at the start of a sentence is capitalised for its
/// place only.
pub fn headed_quotes(p: &Prepared, found: &mut Vec<Found>) {
    let word = |k: usize| is_cyrillic_word(p, k);
    let mut spans = Vec::new();
    for f in found.iter() {
        if f.class != Some(Class::Org) || f.a < 2 || !is_open(p, f.a - 1) {
            continue;
        }
        let head = f.a - 2;
        if !word(head) || p.toks[head].class & lx::ANY_ORG_HEAD == 0 {
            continue;
        }
        let mut j = head;
        while j > 0
            && j + 3 > head
            && word(j - 1)
            && p.toks[j - 1].caps == Caps::Lower
            && adjectival(p.lower(&p.toks[j - 1]))
        {
            j -= 1;
        }
        if j > 0
            && word(j - 1)
            && p.toks[j - 1].caps == Caps::Title
            && adjectival(p.lower(&p.toks[j - 1]))
        {
            j -= 1;
        }
        let first = &p.toks[j];
        if first.caps != Caps::Title || (first.sent_start && j == head) {
            continue;
        }
        let end = if f.b < p.toks.len() && is_close(p, f.b) { f.b + 1 } else { f.b };
        spans.push((j, end));
    }
    let extra = spans.into_iter().map(|(a, b)| Found::new(a, b, EntityType::Organization, 0.7));
    replace_overlapping(found, extra.collect());
}

/// A sentence's first word that is capitalised only because it comes first ("Вчера Дорохину...",
/// "Днями Дорохіну..."): a function word, a sentence starter or a time word is not part of the name
/// after it.
pub fn sentence_starts(p: &Prepared, found: &mut Vec<Found>) {
    use super::features::doc;
    for f in found.iter_mut() {
        let t = &p.toks[f.a];
        // Before a person's name, a first word the document also writes in lower case is a
        // common word (organisations' names begin with common words: "Министерство обороны").
        let common = t.class & (lx::STOP | lx::TIME | lx::NOT_NAME | lx::OPENER) != 0
            || (f.class == Some(Class::Per) && t.doc & doc::LOWER != 0);
        if f.b - f.a > 1 && t.sent_start && common {
            f.a += 1;
        }
    }
    found.retain(|f| {
        let t = &p.toks[f.a];
        let common = lx::STOP | lx::TIME | lx::NOT_NAME | lx::OPENER;
        !(f.b - f.a == 1 && t.sent_start && t.class & common != 0)
    });
}

/// A word written with a full stop after it as an abbreviation: short, lower case, ending in a
/// consonant ("вул.", "обл.", "пр-т.", "просп."), so that full words at a sentence's end
/// ("площі.", "шосе.") are not read so.
fn abbreviated(p: &Prepared, i: usize) -> bool {
    let t = &p.toks[i];
    let lower = p.lower(t);
    t.kind == Kind::Word
        && lower.chars().count() <= 5
        && lower.chars().next_back().is_some_and(|c| !"аеєиіїоуюяыэё".contains(c))
        && p.toks.get(i + 1).is_some_and(|d| d.first_char == '.' && d.kind == Kind::Punct)
}

/// Streets named after their street word, as Ukrainian, Russian and Spanish write them
/// ("вулиці Шевченка", "ул. Ленина", "вул. Богдана Хмельницького, 58-А", "проспекта
/// Вернадского", "вул. 1 Травня"): the street word, the name (capitalised words, initials, a
/// date) and a house number right after it are one place. What the decoder found inside it
/// gives way: a street named after a person is not a mention of him.
pub fn streets(p: &Prepared, found: &mut Vec<Found>) {
    let mut owner = vec![usize::MAX; p.toks.len()];
    for (n, f) in found.iter().enumerate() {
        owner[f.a..f.b].iter_mut().for_each(|o| *o = n);
    }
    let word = |k: usize| p.toks.get(k).filter(|t| t.kind == Kind::Word);
    let capitalised = |k: usize| {
        word(k).is_some_and(|t| matches!(t.caps, Caps::Title | Caps::Upper | Caps::Mixed))
    };
    let digits = |k: usize| p.toks.get(k).is_some_and(|t| t.first_char.is_ascii_digit());
    let adjacent = |k: usize| p.toks[k].start == p.toks[k - 1].end;
    let mut extra = Vec::new();
    let mut i = 0;
    while i < p.toks.len() {
        let t = &p.toks[i];
        let street = t.kind == Kind::Word
            && t.class & lx::STREET != 0
            && (t.caps == Caps::Lower || (t.caps == Caps::Title && t.sent_start))
            && (owner[i] == usize::MAX || found[owner[i]].a == i);
        if !street {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if abbreviated(p, i) {
            j += 1;
        }
        // The name.
        let first = j;
        let mut named = false;
        loop {
            if capitalised(j) && p.toks[j].class & lx::STOP == 0 {
                named = true;
                j += 1;
            } else if word(j).is_some_and(|t| t.caps == Caps::Single) && abbreviated(p, j) {
                j += 2;
            } else if j == first && digits(j) && capitalised(j + 1) {
                j += 1;
            } else if named
                && word(j).is_some_and(|t| t.caps == Caps::Lower)
                && p.toks[j].class & lx::LOC_HEAD != 0
            {
                j += 1;
                break;
            } else {
                break;
            }
        }
        if !named {
            i += 1;
            continue;
        }
        // A house number, unless a lower-case word follows it ("вулиці Шевченка, 5 років").
        let n = if p.toks.get(j).is_some_and(|t| t.first_char == ',') { j + 1 } else { j };
        if digits(n) && p.toks[n].end - p.toks[n].start <= 8 {
            let mut m = n + 1;
            while m + 1 < p.toks.len()
                && adjacent(m)
                && adjacent(m + 1)
                && matches!(p.toks[m].first_char, '-' | '/' | '‐')
                && p.toks[m + 1].kind != Kind::Punct
            {
                m += 2;
            }
            let after = word(m)
                .is_some_and(|w| w.caps == Caps::Lower && w.class & (lx::STOP | lx::LOC_PREP) == 0);
            if !after {
                j = m;
            }
        }
        extra.push(Found::new(i, j, EntityType::Place, 0.8));
        i = j;
    }
    replace_overlapping(found, extra);
}

/// A place's name that ends in an abbreviated head word takes its full stop ("Київська обл.").
pub fn abbreviation_stops(p: &Prepared, found: &mut [Found]) {
    for f in found.iter_mut() {
        let last = f.b - 1;
        if f.class == Some(Class::Loc)
            && p.toks[last].class & (lx::LOC_HEAD | lx::SETTLEMENT) != 0
            && p.toks[last].caps == Caps::Lower
            && abbreviated(p, last)
            && p.toks[f.b].start == p.toks[last].end
        {
            f.b += 1;
        }
    }
}

/// A name right after a noun for a person (kinship, rank, clergy, trade: "сотник Станімір",
/// "з поручником Гірняком", "бабуся Ганна") is a person's, and so is every other one-word
/// mention of it in the document that the decoder typed a place or a body, unless the knowledge
/// base knows the word. A name the decoder left out there is added. Adjectives ("студент
/// Київського університету") and abbreviations ("студент КПІ") are not such names.
pub fn person_nouns(p: &Prepared, found: &mut Vec<Found>) {
    let taken = covered(p, found);
    let heads = lx::STOP | lx::NOT_NAME | lx::TIME | lx::TITLE | lx::ANY_ORG_HEAD | lx::LOC_HEAD;
    let name = |k: usize| {
        p.toks.get(k).is_some_and(|t| {
            t.caps == Caps::Title
                && is_cyrillic_word(p, k)
                && t.gaz == 0
                && t.class & (heads | lx::SETTLEMENT) == 0
                && !adjectival(p.lower(t))
        })
    };
    let mut named: HashSet<&str> = HashSet::new();
    let mut extra = Vec::new();
    for (i, t) in p.toks.iter().enumerate() {
        if t.kind != Kind::Word
            || t.caps != Caps::Lower
            || t.class & lx::PERSON_NOUN == 0
            || !name(i + 1)
            || p.toks.get(i + 2).is_some_and(|h| h.class & (lx::ANY_ORG_HEAD | lx::LOC_HEAD) != 0)
        {
            continue;
        }
        named.insert(p.stem_of(&p.toks[i + 1]));
        if !taken[i + 1] {
            let mut end = i + 2;
            while end < i + 4 && name(end) && !taken[end] {
                end += 1;
            }
            extra.push(Found::new(i + 1, end, EntityType::Person, 0.6));
        }
    }
    if named.is_empty() {
        return;
    }
    for f in found.iter_mut() {
        let t = &p.toks[f.a];
        if matches!(f.class, Some(Class::Loc | Class::Org))
            && f.b - f.a == 1
            && t.gaz == 0
            && t.caps == Caps::Title
            && named.contains(p.stem_of(t))
        {
            f.set_class(Class::Per);
        }
    }
    if !extra.is_empty() {
        found.extend(extra);
        found.sort_by_key(|f| f.a);
    }
}

/// Parts of the compound names Ukrainian and Russian firms and agencies are made of, in the
/// tagger's folded spelling: Промтехбуд, Укргазбанк, Держінвестпроект, Запоріжелектротранс,
/// Газпром, Мінпаливенерго. A prefix counts only at the word's start.
const COMPANY_PREFIXES: &[&str] = &["укр", "рос", "мос", "держ", "гос", "мин", "нац", "обл"];
const COMPANY_PARTS: &[&str] = &[
    "пром",
    "буд",
    "строй",
    "инвест",
    "проект",
    "проэкт",
    "монтаж",
    "транс",
    "газ",
    "нафт",
    "нефт",
    "енерго",
    "агро",
    "тех",
    "сервис",
    "торг",
    "банк",
    "трейд",
    "постач",
    "збут",
    "сбит",
    "маш",
    "хим",
    "комплект",
    "ресурс",
    "лизинг",
    "спорт",
    "телеком",
    "зв'яз",
    "связ",
    "зерно",
    "метал",
    "стал",
    "авто",
    "авиа",
    "експо",
    "медиа",
    "фарм",
    "жил",
    "житло",
    "комун",
    "коммун",
    "водо",
    "тепло",
    "електро",
    "атом",
    "сантех",
    "девелоп",
    "холдинг",
    "информ",
    "кредит",
    "страх",
    "фин",
    "инспекц",
    "контрол",
    "забезпеч",
    "обеспеч",
    "зализн",
    "снаб",
    "трест",
    "союз",
    "склад",
    "мебел",
    "лес",
    "лис",
    "дор",
    "ремонт",
    "сбут",
    "продукт",
    "прод",
    "збер",
    "сбер",
    "пошт",
    "почт",
    "тур",
    "нафто",
    "нефте",
    "аудит",
    "обл",
    "канал",
    "сил",
];

/// Whether a folded lower-case word is built of at least two parts of firms' compound names,
/// one of them at its start or its end (before a case ending), as Soviet and post-Soviet firms
/// are named; a place or a surname that merely holds one part (Будапешт, Газманов) is not.
fn company_compound(lower: &str) -> bool {
    // The word as written ("газпром") and without its case ending ("укргазбанк|у").
    compound_parts(lower) || compound_parts(super::stem(lower))
}

fn compound_parts(word: &str) -> bool {
    let word = word.split(['-', '‐']).next().unwrap_or(word);
    if word.chars().count() < 6 {
        return false;
    }
    let mut parts = 0;
    let mut edge = false;
    let mut rest = word;
    if let Some(r) = COMPANY_PREFIXES.iter().find_map(|p| rest.strip_prefix(p)) {
        parts += 1;
        edge = true;
        rest = r;
    }
    let mut i = 0;
    while i < rest.len() {
        let tail = rest.get(i..).unwrap_or("");
        if let Some(part) =
            COMPANY_PARTS.iter().filter(|p| tail.starts_with(**p)).max_by_key(|p| p.len())
        {
            parts += 1;
            edge |= (i == 0 && parts == 1) || i + part.len() == rest.len();
            i += part.len();
        } else {
            i += tail.chars().next().map_or(1, char::len_utf8);
        }
    }
    parts >= 2 && edge
}

/// Whether a folded lower-case word ends in a body's head noun after a stem of its own
/// ("Київрада", "Ощадбанк", "Держрезерв", "Сельхозінспекція"), as compounds name bodies by
/// their place or their matter.
fn headed_compound(lower: &str) -> bool {
    let chars: Vec<(usize, char)> = lower.char_indices().collect();
    (3..chars.len().saturating_sub(3)).any(|i| {
        let tail = lower.get(chars[i].0..).unwrap_or("");
        let stem = super::stem(tail);
        // Councils ("рада", "дума") share their stems with function words ("рада": glad), which
        // take the lexicon's place.
        matches!(stem, "рад" | "дум")
            || [Lang::Uk, Lang::Ru].into_iter().any(|lang| {
                let c = lx::lexicon(lang).classes(tail, stem, false);
                c & lx::ANY_ORG_HEAD != 0 && c & lx::LOC_HEAD == 0
            })
    })
}

/// A capitalised word built like a firm's compound name ([`company_compound`]) or ending in a
/// body's head noun ([`headed_compound`]) is an organisation: one the decoder typed a place or
/// a person is retyped, one it left out is added.
pub fn company_words(p: &Prepared, found: &mut Vec<Found>) {
    let company = |k: usize| {
        let t = &p.toks[k];
        is_cyrillic_word(p, k)
            && matches!(t.caps, Caps::Title | Caps::Mixed)
            && t.gaz == 0
            && (company_compound(p.lower(t)) || headed_compound(p.lower(t)))
    };
    for f in found.iter_mut() {
        if f.b - f.a == 1 && matches!(f.class, Some(Class::Loc | Class::Per)) && company(f.a) {
            f.set_class(Class::Org);
        }
    }
    let taken = covered(p, found);
    let extra: Vec<Found> = (0..p.toks.len())
        .filter(|&k| !taken[k] && company(k))
        .map(|k| Found::new(k, k + 1, EntityType::Organization, 0.6))
        .collect();
    if !extra.is_empty() {
        found.extend(extra);
        found.sort_by_key(|f| f.a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Lang, Span};

    /// A Ukrainian text ready for the corrections, and one-word mentions of `kind` over the
    /// first occurrence of each of `words`.
    fn one_word_mentions<'a>(
        text: &'a str,
        words: &[&str],
        kind: EntityType,
    ) -> (Prepared<'a>, Vec<Found>) {
        let p =
            super::super::features::prepare(text, &[Span::new(0, text.len())], &[], Some(Lang::Uk));
        let found = words
            .iter()
            .map(|w| {
                let i = p.toks.iter().position(|t| text.get(t.start..t.end) == Some(*w)).unwrap();
                Found::new(i, i + 1, kind, 0.9)
            })
            .collect();
        (p, found)
    }

    #[test]
    fn lone_adjectives_typed_bodies_are_surnames() {
        let text =
            "Заяву підписав Завадський, а Київський лісгосп і Волинський та Рівненський мовчали.";
        let words = ["Завадський", "Київський", "Волинський", "Рівненський"];
        let (p, mut found) = one_word_mentions(text, &words, EntityType::Organization);
        person_suffixes(&p, &mut found);
        let classes: Vec<Option<Class>> = found.iter().map(|f| f.class).collect();
        // A noun after the adjective, or another adjective coordinated with it, keeps the body.
        assert_eq!(
            classes,
            [Some(Class::Per), Some(Class::Org), Some(Class::Org), Some(Class::Per)]
        );
    }

    #[test]
    fn firms_compound_names() {
        let folded = |w: &str| super::super::fold::fold(&w.to_lowercase(), true);
        for firm in [
            "Укргазбанку",
            "Маневичіагробуд",
            "Промтехбуду",
            "Газпром",
            "Ніжинсільмаш",
            "Київобленерго",
        ] {
            assert!(company_compound(&folded(firm)), "{firm}");
        }
        // One part is not enough: places and surnames hold one by chance.
        for other in ["Будапешт", "Газманов", "Промислова", "Україна", "Ростов", "Держава"]
        {
            assert!(!company_compound(&folded(other)), "{other}");
        }
    }

    #[test]
    fn compounds_ending_in_a_body_head_noun() {
        let folded = |w: &str| super::super::fold::fold(&w.to_lowercase(), true);
        for body in ["Київрада", "Львівради", "Ощадбанку", "Сельхозінспекція", "Мосгордума"]
        {
            assert!(headed_compound(&folded(body)), "{body}");
        }
        // A head noun alone, or with too short a stem before it, is no compound.
        for other in ["Рада", "Банку", "Отрада", "Кравченко", "Запоріжжя"]
        {
            assert!(!headed_compound(&folded(other)), "{other}");
        }
    }

    #[test]
    fn unknown_places_that_act_are_people() {
        let text =
            "Ждан засміявся. Потім Ждан пішов до Вербівки. У Вербівці було тихо, а Вербівка спала.";
        let (p, mut found) = one_word_mentions(text, &["Ждан", "Вербівці"], EntityType::Place);
        acting_people(&p, &mut found);
        let classes: Vec<Option<Class>> = found.iter().map(|f| f.class).collect();
        // Ждан acts twice and is never after a preposition of place; Вербівка acts once and is
        // after one twice.
        assert_eq!(classes, [Some(Class::Per), Some(Class::Loc)]);
        // Bodies too, unless a body's head noun names them.
        let text = "Грім засміявся. Рада ухвалила закон, і Грім пішов.";
        let (p, mut found) = one_word_mentions(text, &["Грім", "Рада"], EntityType::Organization);
        acting_people(&p, &mut found);
        let classes: Vec<Option<Class>> = found.iter().map(|f| f.class).collect();
        assert_eq!(classes, [Some(Class::Per), Some(Class::Org)]);
    }

    #[test]
    fn god_is_a_person_in_every_case() {
        let text = "У Богуславі молилися Богові, а Бог мовчав, і Бозі не було діла.";
        let words = ["Богуславі", "Богові", "Бог", "Бозі"];
        let (p, mut found) = one_word_mentions(text, &words, EntityType::Place);
        deities(&p, &mut found);
        let classes: Vec<Option<Class>> = found.iter().map(|f| f.class).collect();
        assert_eq!(
            classes,
            [Some(Class::Loc), Some(Class::Per), Some(Class::Per), Some(Class::Per)]
        );
    }

    #[test]
    fn possessives_and_surname_suffixes_are_people() {
        let text = "Біля Максимової хати стояв Домонтович, а Козельщина спала.";
        let words = ["Максимової", "Домонтович", "Козельщина"];
        let (p, mut found) = one_word_mentions(text, &words, EntityType::Place);
        person_suffixes(&p, &mut found);
        let classes: Vec<Option<Class>> = found.iter().map(|f| f.class).collect();
        assert_eq!(classes, [Some(Class::Per), Some(Class::Per), Some(Class::Loc)]);
    }

    #[test]
    fn words_in_capitals_that_are_common_words_go() {
        let text = "МАГІЯ повертається. Рішення ухвалило НАБУ, а не ЙОГО друзі; магія зникла.";
        let words = ["МАГІЯ", "НАБУ", "ЙОГО"];
        let (p, mut found) = one_word_mentions(text, &words, EntityType::Organization);
        lower_case_only(&p, &mut found);
        let kept: Vec<&str> = found.iter().map(|f| p.text_of(&p.toks[f.a])).collect();
        assert_eq!(kept, ["НАБУ"]);
    }

    #[test]
    fn names_of_lower_case_words_only_go() {
        let text = "Міністерство повернуло землю біля Лозуватки громаді Фонду.";
        let p =
            super::super::features::prepare(text, &[Span::new(0, text.len())], &[], Some(Lang::Uk));
        let at = |w: &str| p.toks.iter().position(|t| text.get(t.start..t.end) == Some(w));
        let (ministry, land) = (at("Міністерство").unwrap(), at("землю").unwrap());
        let (village, fund) = (at("Лозуватки").unwrap(), at("Фонду").unwrap());
        let mut found = vec![
            Found::new(ministry, ministry + 1, EntityType::Organization, 0.9),
            Found::new(land, land + 1, EntityType::Place, 0.9),
            Found::new(land, land + 1, EntityType::Organization, 0.9),
            Found::new(village, village + 1, EntityType::Place, 0.9),
            Found::new(fund, fund + 1, EntityType::Organization, 0.9),
        ];
        lower_case_only(&p, &mut found);
        let kept: Vec<(usize, Option<Class>)> = found.iter().map(|f| (f.a, f.class)).collect();
        // A head noun capitalised only because it opens the sentence goes; inside the sentence
        // its capital makes it a name.
        assert_eq!(kept, [(village, Some(Class::Loc)), (fund, Some(Class::Org))]);
    }
}
