//! Quantities with units and approximation.
//!
//! "about 4,000 Dutch-built Damen harbour patrol boats", "понад 10%", "1000 км",
//! "9,92 млн грн", "six turbines and four cranes": a reader comparing reports needs each amount
//! as a value, what it counts or measures, and whether it was hedged. [`find`] reads the same
//! token stream as the temporal resolver ([`crate::time`]) with the language pack's number
//! tables ([`crate::lang::packs::NumberWords`]), in this order:
//!
//! 1. **Approximation** written before the number ("about", "more than", "понад", "близько",
//!    "около", "más de", "mehr als"), normalised to one of "about", "over", "under", "up to",
//!    "nearly", "at least". "до"/"bis"/"hasta" after another number ("від 5 до 10") is a range,
//!    not "up to".
//! 2. **The number**: digits, or a number word ("eight", "вісім", "восьми", "ocho", "acht",
//!    "twenty-five"). Separators are read by language and by shape: a space (or no-break space)
//!    always groups thousands when every group after the first has three digits; in English a
//!    comma groups and a dot is decimal, in the other languages the reverse ("9,92", "5.000");
//!    whatever the language, a separator followed by other than three digits is decimal ("3.5",
//!    "9,92"), and two or more of the same separator group thousands ("1,000,000").
//! 3. **Scale words** multiply ("5 million", "9,92 млн", "15 тис.", "3 mil millones").
//! 4. **The unit**: percent ("%", "відсотків"), a currency (symbol before or after, or a word:
//!    "грн", "dollars", "євро"), a measure ("км", "km", "tonnes"; also joined by a hyphen: "a
//!    10-year term"), normalised to a base form ("%", "UAH", "USD", "km", "t", "year").
//!    Failing that, **the counted noun** is the unit. The phrase after the number runs over up
//!    to six words on the same line and stops at punctuation, function words, prepositions and
//!    number words. English takes the last plural noun of that phrase, so that "4,000
//!    Dutch-built Damen harbour patrol boats" counts "boat" and the span ends there
//!    (a participle after a plural ends the phrase: "two polls showing"); plurals are
//!    singularised ("soldiers" → "soldier", irregular ones from a short list: "people", "women",
//!    "aircraft"). Ukrainian and Russian keep lower-case words and acronyms, stop before a verb
//!    ending ("5 000 військових прибули"), and take the first word without an adjective's ending
//!    ("5 російських винищувачів" → "винищувачів"), else the last ("15 тисяч військових" →
//!    "військових"); no lemmatiser exists for them here, so the unit is the form in the text, in
//!    lower case. German takes the first capitalised noun, the Romance languages the word right
//!    after the number. Time units map to English ("10 років" → "year").
//!
//! # What is not a quantity
//!
//! Numbers inside time expressions (found by [`crate::time`]: dates, years, "three days ago");
//! times ("10:30", "7 p.m."); ordinals ("3rd", "21-го"); "06.07" in a language that writes
//! decimals with a comma (a day and a month); numbers glued to letters or joined by a hyphen to
//! a word (names and models: "Il-76", "Су-20МК2", "F-16", "COVID-19"); a number right after a
//! capitalised word that is not the first of its sentence ("Boeing 737", "Article 5") unless a
//! unit follows; a number word written with a capital inside a sentence ("Air Force One");
//! "one"/"один" alone (a count of one is rarely a figure anyone compares); a four-digit number
//! between 1800 and 2100 unless a unit follows or an approximation precedes it with a counted
//! noun ("the 2016 campaign" names a year); and digit strings of seven digits or more without
//! separators (ids, phone numbers).

use crate::time::token::{sentence_initial, tokenize, Kind, Token};
use crate::time::{lexicon, spans, Lexicon};
use parallax_model::{Lang, Quantity};

/// The quantities of an article body.
pub fn find(text: &str, lang: Option<Lang>) -> Vec<Quantity> {
    let toks = tokenize(text);
    let lx = lexicon(lang);
    let masked = spans(text, &toks, lx);
    let in_mask = |t: &Token| masked.iter().any(|&(s, e)| t.start >= s && t.end <= e);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(t) = toks.get(i) else { break };
        let may_start = t.kind == Kind::Digits
            || sign(t).is_some()
            || (t.kind == Kind::Word && lx.cardinals.contains_key(t.k()));
        if !may_start || in_mask(t) {
            i += 1;
            continue;
        }
        match read_at(text, &toks, i, lx) {
            Some((q, end))
                if !masked.iter().any(|&(s, e)| q.start < e && s < q.end && s >= q.start) =>
            {
                out.push(q);
                i = end.max(i + 1);
            }
            _ => i += 1,
        }
    }
    out
}

/// Characters that stand for a currency before or after a number.
const CURRENCY_SIGNS: &[(&str, &str)] =
    &[("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("₴", "UAH"), ("₽", "RUB"), ("¥", "JPY")];

fn sign(t: &Token) -> Option<&'static str> {
    if t.kind != Kind::Punct {
        return None;
    }
    CURRENCY_SIGNS.iter().find(|(s, _)| *s == t.key).map(|&(_, c)| c)
}

/// A number at `i`: its value, whether it was written in digits, and the token after it.
fn number_at(text: &str, toks: &[Token], i: usize, lx: &Lexicon) -> Option<(f64, bool, usize)> {
    let t = toks.get(i)?;
    match t.kind {
        Kind::Digits => digits_at(text, toks, i, lx.decimal_comma).map(|(v, e)| (v, true, e)),
        Kind::Word => {
            if t.capitalised(text) && !sentence_initial(toks, i) {
                return None;
            }
            let (v, e) = lx.cardinal(toks, i)?;
            Some((f64::from(v), false, e))
        }
        Kind::Punct => None,
    }
}

fn is_space_gap(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.end..b.start).is_some_and(|g| matches!(g, " " | "\u{a0}" | "\u{202f}" | "\u{2009}"))
}

/// A number written in digits starting at `i`, with thousands separators and a decimal part read
/// as the module documentation says. `None` for shapes that are not one number (versions,
/// addresses).
fn digits_at(text: &str, toks: &[Token], i: usize, decimal_comma: bool) -> Option<(f64, usize)> {
    let first = toks.get(i)?;
    // Groups joined by one separator each: (separator, digits).
    let mut groups: Vec<(&str, &str)> = vec![("", first.k())];
    let mut j = i + 1;
    while let (Some(s), Some(d)) = (toks.get(j), toks.get(j + 1)) {
        if d.kind != Kind::Digits || !(s.glued() && d.glued() && (s.is(",") || s.is("."))) {
            break;
        }
        groups.push((s.k(), d.k()));
        j += 2;
    }
    // Space grouping: "5 000", "1 250 000" (only after a first group of 1–3 digits).
    if groups.len() == 1 && first.key.len() <= 3 {
        let mut k = i;
        while let (Some(a), Some(b)) = (toks.get(k), toks.get(k + 1)) {
            if b.kind == Kind::Digits && b.key.len() == 3 && is_space_gap(text, a, b) {
                groups.push((" ", b.k()));
                k += 1;
            } else {
                break;
            }
        }
        if groups.len() > 1 {
            // Not followed by glued decimals: "5 000,5" is read as 5000.5.
            let mut v: f64 = groups.iter().map(|(_, g)| *g).collect::<String>().parse().ok()?;
            let mut end = k + 1;
            if let (Some(s), Some(d)) = (toks.get(end), toks.get(end + 1)) {
                let dec = if decimal_comma { "," } else { "." };
                if s.glued() && d.glued() && s.is(dec) && d.kind == Kind::Digits {
                    v += format!("0.{}", d.key).parse::<f64>().unwrap_or(0.0);
                    end += 2;
                }
            }
            return Some((v, end));
        }
    }
    if groups.len() == 1 {
        // Seven digits or more without separators: an id or a phone number.
        if first.key.len() > 6 {
            return None;
        }
        return Some((first.key.parse().ok()?, i + 1));
    }
    let seps: Vec<&str> = groups.iter().skip(1).map(|(s, _)| *s).collect();
    let tail_three = |gs: &[(&str, &str)]| gs.iter().skip(1).all(|(_, g)| g.len() == 3);
    let lead_ok = first.key.len() <= 3;
    let all_same = seps.windows(2).all(|w| w[0] == w[1]);
    let (thousand, decimal) = if decimal_comma { (".", ",") } else { (",", ".") };
    let int_part: String;
    let mut frac = String::new();
    if all_same && seps.len() >= 2 {
        if !(lead_ok && tail_three(&groups)) {
            return None;
        }
        int_part = groups.iter().map(|(_, g)| *g).collect();
    } else if seps.len() == 1 {
        let (s, g) = groups.get(1).copied()?;
        if g.len() == 3 && lead_ok && s == thousand {
            int_part = format!("{}{}", first.key, g);
        } else if s == decimal || g.len() != 3 {
            int_part = first.key.to_string();
            frac = g.to_string();
        } else {
            // "1.500" in English, "1,500" elsewhere: the language's decimal reading.
            int_part = first.key.to_string();
            frac = g.to_string();
        }
    } else {
        // Mixed: thousands groups then one decimal ("1,234.5", "1.234,5").
        let (last_sep, last) = groups.last().copied()?;
        let head = groups.get(..groups.len() - 1)?;
        let head_seps_ok = head.iter().skip(1).all(|(s, _)| *s != last_sep);
        if !(head_seps_ok && lead_ok && tail_three(head)) {
            return None;
        }
        int_part = head.iter().map(|(_, g)| *g).collect();
        frac = last.to_string();
    }
    let v: f64 = if frac.is_empty() {
        int_part.parse().ok()?
    } else {
        format!("{int_part}.{frac}").parse().ok()?
    };
    Some((v, j))
}

/// Words that end the noun phrase after a number in any language.
const PHRASE_STOPS: &[&str] = &["of", "and", "or", "in", "on", "at", "to", "for", "from", "with"];

/// Irregular English plurals and uncountable heads that follow numbers.
const EN_PLURAL_HEADS: &[(&str, &str)] = &[
    ("people", "people"),
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("police", "police"),
    ("personnel", "personnel"),
    ("aircraft", "aircraft"),
    ("staff", "staff"),
    ("feet", "foot"),
    ("sheep", "sheep"),
];

/// A quantity starting at token `i` (the number, or a currency sign before it).
fn read_at(text: &str, toks: &[Token], i: usize, lx: &Lexicon) -> Option<(Quantity, usize)> {
    let t = toks.get(i)?;
    let mut unit: Option<String> = None;
    let mut num_at = i;
    if let Some(cur) = sign(t) {
        // "$5 billion", "€ 300"; "US$" is read from the sign.
        let n = toks.get(i + 1)?;
        if n.kind != Kind::Digits {
            return None;
        }
        unit = Some(cur.to_string());
        num_at = i + 1;
    }
    if !plausible_number_start(text, toks, num_at) {
        return None;
    }
    let (mut value, in_digits, mut j) = number_at(text, toks, num_at, lx)?;
    // Times, ordinals, names: what is glued after the number.
    if in_digits && (glued_after_is_not_number(toks, j, lx) || clock_time(toks, j)) {
        return None;
    }
    // "06.07" in a language whose decimal mark is a comma: a day and month, not a number.
    if in_digits
        && lx.decimal_comma
        && !has_scale_or_unit(toks, j, lx)
        && day_month_shape(toks, num_at, j)
    {
        return None;
    }
    let year_like = in_digits
        && toks.get(num_at).is_some_and(|d| d.key.len() == 4)
        && j == num_at + 1
        && (1800.0..=2100.0).contains(&value);
    // Scale words: "5 million", "3 mil millones".
    let mut scaled = false;
    while let Some((e, s)) = lx.scales.longest(toks, j) {
        value *= s;
        j = e;
        scaled = true;
    }
    if !in_digits && value <= 1.0 && !scaled {
        return None;
    }
    let mut end_tok = j;
    // Unit: a sign, percent, currency or measure.
    if unit.is_none() {
        if let Some(s) = toks.get(j).and_then(sign) {
            unit = Some(s.to_string());
            end_tok = j + 1;
        } else if let Some((e, u)) = lx.measure.longest(toks, j) {
            // A one-letter unit ("м", "т") must stand alone, not open a word or sentence.
            let single = e == j + 1 && toks.get(j).is_some_and(|u| u.key.chars().count() == 1);
            let next_ok =
                !single || toks.get(e).is_none_or(|n| n.kind == Kind::Punct || n.space_before);
            if next_ok && !(single && toks.get(j).is_some_and(|u| u.capitalised(text))) {
                unit = Some(u.to_string());
                end_tok = e;
            }
        }
    }
    // "a 10-year term", "155-mm shells": a unit joined by a hyphen.
    if unit.is_none() && toks.get(j).is_some_and(|h| h.is("-") && h.glued()) {
        if let Some(w) = toks.get(j + 1).filter(|w| w.glued() && w.kind == Kind::Word) {
            let time_unit = lx.units.get(w.k()).map(|u| time_unit_name(*u).to_string());
            let measure = lx.measure.longest(toks, j + 1).filter(|(e, _)| *e == j + 2);
            if let Some(u) = time_unit.or(measure.map(|(_, u)| u.to_string())) {
                unit = Some(u);
                end_tok = j + 2;
            }
        }
    }
    // "millones de dólares", "millions of dollars".
    if unit.is_none() && scaled && toks.get(j).is_some_and(|t| t.key == "de" || t.key == "of") {
        if let Some((e, u)) = lx.measure.longest(toks, j + 1) {
            unit = Some(u.to_string());
            end_tok = e;
        }
    }
    let has_unit = unit.is_some();
    if unit.is_none() {
        if let Some((head_end, head)) = counted_noun(text, toks, j, lx) {
            unit = Some(head);
            end_tok = head_end;
        }
    }
    if year_like && !has_unit && !scaled {
        // A year unless a lower-case counted noun follows and no time word precedes.
        let prev_intro = num_at
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| lx.intro.contains(p.k()));
        let hedged = lx.approx.ending_at(toks, i).is_some();
        if unit.is_none() || prev_intro || !hedged {
            return None;
        }
    }
    // Capitalised word before a bare number: part of a name ("Boeing 737", "Article 5").
    if in_digits && !has_unit && !scaled && num_at == i {
        if let Some(p) = num_at.checked_sub(1).and_then(|p| toks.get(p)) {
            if p.kind == Kind::Word
                && p.capitalised(text)
                && !sentence_initial(toks, num_at - 1)
                && !lx.approx.contains_word(p.k())
            {
                return None;
            }
        }
    }
    // Approximation before the number (or before its currency sign).
    let mut start_tok = i;
    let mut approx = None;
    if let Some((s, a)) = lx.approx.ending_at(toks, i) {
        let is_to = matches!(a, "up to")
            && toks.get(s).is_some_and(|w| {
                matches!(w.k(), "до" | "bis" | "hasta" | "to" | "tot" | "do" | "até")
            });
        let range = is_to
            && (s.saturating_sub(3)..s).any(|k| {
                toks.get(k)
                    .is_some_and(|w| w.kind == Kind::Digits || lx.cardinals.contains_key(w.k()))
            });
        if !range {
            approx = Some(a.to_string());
            start_tok = s;
        }
    }
    let (Some(a), Some(b)) = (toks.get(start_tok), toks.get(end_tok.saturating_sub(1))) else {
        return None;
    };
    Some((Quantity { start: a.start, end: b.end, value, unit, approx }, end_tok))
}

/// Whether a number may start at `i`: not glued to a word, a hyphen after a word, a sign such as
/// "#" or "№", or a colon (times).
fn plausible_number_start(text: &str, toks: &[Token], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if i == 0 {
        return true;
    }
    let Some(p) = toks.get(i - 1) else { return true };
    if p.is("#") || p.is("№") {
        return false;
    }
    if p.key == "no" && t.kind == Kind::Digits && p.capitalised(text) {
        return false;
    }
    if t.glued() {
        match p.kind {
            Kind::Word | Kind::Digits => return false,
            Kind::Punct => {
                if matches!(p.k(), "-" | "–" | "/" | ":" | "." | ",")
                    && i >= 2
                    && p.glued()
                    && toks.get(i - 2).is_some_and(|q| q.kind != Kind::Punct)
                {
                    return false;
                }
            }
        }
    }
    // "No. 5".
    if p.is(".")
        && i >= 2
        && toks.get(i - 2).is_some_and(|q| q.key == "no" || q.key == "nr" || q.key == "p")
    {
        return false;
    }
    true
}

/// Whether what is glued right after a number makes it something else: a time ("10:30"), an
/// ordinal ("3rd", "21-го", "3."), a model ("20МК2", "5G"), a hyphenated word that is no unit.
fn glued_after_is_not_number(toks: &[Token], j: usize, lx: &Lexicon) -> bool {
    let Some(n) = toks.get(j) else { return false };
    if !n.glued() {
        return false;
    }
    match n.kind {
        Kind::Word => lx.measure.longest(toks, j).is_none() && lx.scales.longest(toks, j).is_none(),
        Kind::Digits => true,
        Kind::Punct => {
            if n.is(":") {
                return toks.get(j + 1).is_some_and(|d| d.kind == Kind::Digits && d.glued());
            }
            if n.is("-") || n.is("–") {
                // "10-year", "155-mm" are measures; "5-ти", "1-й", "20-річний" are not numbers
                // to compare; "5-10" is a range and reads fine as its first number.
                return toks.get(j + 1).is_some_and(|w| {
                    w.kind == Kind::Word && w.glued() && !lx.units_contains(w.k())
                });
            }
            false
        }
    }
}

/// Whether a scale word or a unit follows at `j`.
fn has_scale_or_unit(toks: &[Token], j: usize, lx: &Lexicon) -> bool {
    lx.scales.longest(toks, j).is_some()
        || lx.measure.longest(toks, j).is_some()
        || toks.get(j).and_then(sign).is_some()
}

/// Whether tokens `i..j` are "dd.mm" with a valid day and month.
fn day_month_shape(toks: &[Token], i: usize, j: usize) -> bool {
    if j != i + 3 {
        return false;
    }
    let (Some(a), Some(dot), Some(b)) = (toks.get(i), toks.get(i + 1), toks.get(i + 2)) else {
        return false;
    };
    let (Ok(d), Ok(m)) = (a.key.parse::<u8>(), b.key.parse::<u8>()) else { return false };
    dot.is(".")
        && a.key.len() == 2
        && b.key.len() == 2
        && (1..=31).contains(&d)
        && (1..=12).contains(&m)
}

/// Whether "a.m."/"p.m." (or "am"/"pm") follows: the number is a time of day.
fn clock_time(toks: &[Token], j: usize) -> bool {
    let key = |k: usize| toks.get(k).map_or("", |t| t.k());
    matches!(key(j), "am" | "pm")
        || (matches!(key(j), "a" | "p") && key(j + 1) == "." && key(j + 2) == "m")
}

impl Lexicon {
    fn units_contains(&self, key: &str) -> bool {
        self.units.contains_key(key) || self.measure.contains_word(key)
    }
}

fn script_cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// Adjective endings of Ukrainian and Russian (in the cases that follow numbers).
const SLAVIC_ADJ_ENDINGS: &[&str] = &[
    "их", "іх", "ых", "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "ому", "ими",
    "ыми", "ої", "ні",
];

/// Verb endings of Ukrainian and Russian that no noun after a number has (past plural, reflexive,
/// present plural).
const SLAVIC_VERB_ENDINGS: &[&str] = &["ли", "ло", "ся", "сь", "ють", "ять", "уть", "ают", "ить"];

/// The noun counted after a number: (end token, base form). The phrase runs over words that are
/// not function words, up to five words, and stops at punctuation (a hyphen inside a compound
/// excepted).
fn counted_noun(text: &str, toks: &[Token], j: usize, lx: &Lexicon) -> Option<(usize, String)> {
    // Words of the phrase: (first token, end token, lower-case text).
    let mut words: Vec<(usize, usize, String)> = Vec::new();
    let mut k = j;
    while words.len() < 6 {
        let Some(t) = toks.get(k) else { break };
        if t.kind != Kind::Word || !t.space_before || t.line_before {
            break;
        }
        if lx.function_words.contains(t.k())
            || PHRASE_STOPS.contains(&t.k())
            || lx.cardinals.contains_key(t.k())
            || lx.approx.contains_word(t.k())
            || lx.months.contains_key(t.k())
        {
            break;
        }
        // A hyphenated compound: "Russian-made", "Igla-S".
        let mut e = k + 1;
        let mut s = t.key.to_string();
        while let (Some(h), Some(w)) = (toks.get(e), toks.get(e + 1)) {
            if h.is("-") && h.glued() && w.glued() && w.kind != Kind::Punct {
                s.push('-');
                s.push_str(w.k());
                e += 2;
            } else {
                break;
            }
        }
        words.push((k, e, s));
        k = e;
        if toks.get(k).is_some_and(|n| n.kind == Kind::Punct) {
            break;
        }
    }
    let cyrillic = script_cyrillic(&words.first()?.2);
    let lang = lx.lang.unwrap_or(if cyrillic { Lang::Uk } else { Lang::En });
    let raw = |a: usize, b: usize| -> &str {
        match (toks.get(a), toks.get(b.saturating_sub(1))) {
            (Some(x), Some(y)) => text.get(x.start..y.end).unwrap_or(""),
            _ => "",
        }
    };
    let time_unit = |w: &str| lx.units.get(w).map(|u| time_unit_name(*u));
    let base =
        |w: &str| -> String { time_unit(w).map(str::to_string).unwrap_or_else(|| w.to_string()) };
    match lang {
        Lang::Uk | Lang::Ru if cyrillic => {
            // Counted nouns are written in lower case (or are acronyms: "ПЗРК"); a capital
            // opens a name or a new clause.
            let ok = |a: usize, b: usize| {
                let w = raw(a, b);
                w.chars().next().is_some_and(char::is_lowercase)
                    || !w.chars().any(char::is_lowercase)
            };
            let n = words.iter().position(|(a, b, _)| !ok(*a, *b)).unwrap_or(words.len()).min(4);
            let words = words.get(..n)?;
            // The first word without an adjective ending; else the last (a noun made of an
            // adjective: "військових").
            // The phrase ends before a verb ("5 000 військових прибули").
            let is_verb = |w: &str| {
                w.chars().count() > 3 && SLAVIC_VERB_ENDINGS.iter().any(|e| w.ends_with(e))
            };
            let n = words.iter().position(|(_, _, w)| is_verb(w)).unwrap_or(words.len());
            let words = words.get(..n)?;
            let is_adj = |w: &str| {
                w.chars().count() > 3 && SLAVIC_ADJ_ENDINGS.iter().any(|e| w.ends_with(e))
            };
            let pick = words.iter().find(|(_, _, w)| !is_adj(w)).or_else(|| words.last())?;
            Some((pick.1, base(&pick.2)))
        }
        Lang::De => {
            let pick = words
                .iter()
                .find(|(a, b, _)| raw(*a, *b).chars().next().is_some_and(char::is_uppercase))?;
            Some((pick.1, base(&pick.2)))
        }
        Lang::Es | Lang::Fr | Lang::It | Lang::Pt | Lang::Pl | Lang::Nl => {
            let pick = words.first()?;
            Some((pick.1, base(&pick.2)))
        }
        _ => {
            // English: the last plural noun of the phrase ("four plain-clothes officers"),
            // which ends at a participle once a plural was seen ("two polls showing").
            let mut best: Option<(usize, String)> = None;
            for (a, b, w) in &words {
                if best.is_some() && (w.ends_with("ing") || w.ends_with("ed")) {
                    break;
                }
                if let Some(&(_, base_form)) = EN_PLURAL_HEADS.iter().find(|(p, _)| p == w) {
                    best = Some((*b, base_form.to_string()));
                    continue;
                }
                let last = raw(*a, *b).chars().last();
                if last == Some('s')
                    && w.len() > 2
                    && !w.ends_with("ss")
                    && !w.ends_with("us")
                    && !w.ends_with("is")
                {
                    best =
                        Some((*b, time_unit(w).map(str::to_string).unwrap_or_else(|| singular(w))));
                }
            }
            best
        }
    }
}

/// The English name of a calendar unit.
fn time_unit_name(u: crate::lang::packs::TimeUnit) -> &'static str {
    use crate::lang::packs::TimeUnit;
    match u {
        TimeUnit::Day => "day",
        TimeUnit::Week => "week",
        TimeUnit::Month => "month",
        TimeUnit::Year => "year",
    }
}

/// An English plural made singular by the regular rules.
fn singular(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ies") {
        if !matches!(w, "series" | "species") {
            return format!("{stem}y");
        }
        return w.to_string();
    }
    for suffix in ["ches", "shes", "sses", "xes", "zes"] {
        if w.ends_with(suffix) {
            return w.get(..w.len() - 2).unwrap_or(w).to_string();
        }
    }
    w.strip_suffix('s').unwrap_or(w).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str, lang: Lang) -> Vec<(String, f64, Option<String>, Option<String>)> {
        find(text, Some(lang))
            .into_iter()
            .map(|q| (text[q.start..q.end].to_string(), q.value, q.unit, q.approx))
            .collect()
    }

    #[test]
    fn english_counts() {
        let got =
            q("He asked for eight engines and five radars, and 14 sets of missiles.", Lang::En);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].0, "eight engines");
        assert_eq!(got[0].2.as_deref(), Some("engine"));
        assert_eq!(got[2].0, "14 sets");
    }

    #[test]
    fn separators() {
        assert_eq!(q("15,000 soldiers", Lang::En)[0].1, 15000.0);
        assert_eq!(q("9,92 млн грн", Lang::Uk)[0].1, 9_920_000.0);
        assert_eq!(q("5 000 солдатів", Lang::Uk)[0].1, 5000.0);
        assert_eq!(q("5.000 Soldaten", Lang::De)[0].1, 5000.0);
        assert_eq!(q("3.5 percent", Lang::En)[0].1, 3.5);
    }
}
