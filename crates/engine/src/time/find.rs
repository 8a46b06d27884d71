//! Finding time expressions: what the words say, before any reference date is applied.

use super::lexicon::{Lexicon, Slot};
use super::token::{sentence_initial, Kind, Token};
use crate::lang::packs::{Rel, TimeUnit};
use parallax_model::{Lang, PartialDate};

/// Which occurrence of a weekday is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WeekdayRule {
    /// A bare weekday: the last such day on or before the reference, or the next one on or after
    /// it when its sentence speaks of the future.
    Default,
    /// "last Sunday": strictly before.
    Last,
    /// "next Sunday": strictly after.
    Next,
}

/// What an expression says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Form {
    /// A full date with its year written.
    Ymd(PartialDate),
    /// A day and month without a year.
    Md { month: u8, day: u8 },
    /// A month with its year written.
    Ym(PartialDate),
    /// A month alone ("in October").
    M(u8),
    /// A year.
    Y(i32),
    /// A weekday alone.
    Weekday { day: u8, rule: WeekdayRule },
    /// A relative expression, with its count and unit when it has them.
    Rel { rel: Rel, n: i32, unit: Option<TimeUnit>, weekday: Option<u8> },
}

/// One expression found: token range, byte span, what it says, and the weekday written beside a
/// date ("Sunday, October 26").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Found {
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
    pub form: Form,
}

/// A reading at one position: the end token (exclusive) and the expressions it makes.
type Reading = (usize, Vec<(usize, usize, Form)>);

/// Every time expression in `toks`, left to right, without overlaps.
pub(crate) fn find(text: &str, toks: &[Token], lx: &Lexicon) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    let mut consumed = 0usize;
    while i < toks.len() {
        let readers: [Option<Reading>; 6] = [
            numeric(toks, i, lx),
            day_first(text, toks, i, lx),
            month_first(text, toks, i, lx),
            weekday(text, toks, i, lx),
            year(
                toks,
                i,
                lx,
                out.last().filter(|f| f.last + 2 >= i && matches!(f.form, Form::Y(_))),
            ),
            relative(text, toks, i, lx),
        ];
        let best = readers.into_iter().flatten().max_by_key(|(end, _)| *end);
        let Some((end, parts)) = best else {
            i += 1;
            continue;
        };
        for (a, b, form) in parts {
            let mut first = a;
            // An opener ("on", "в", "am") before a date belongs to it.
            if !matches!(form, Form::Rel { .. })
                && a > consumed
                && toks
                    .get(a - 1)
                    .is_some_and(|t| t.kind == Kind::Word && lx.openers.contains(t.k()))
            {
                first = a - 1;
            }
            let (Some(s), Some(e)) = (toks.get(first), toks.get(b.saturating_sub(1))) else {
                continue;
            };
            out.push(Found { first, last: b, start: s.start, end: e.end, form });
        }
        consumed = end;
        i = end.max(i + 1);
    }
    out
}

fn tok<'t, 'a>(toks: &'t [Token<'a>], i: usize) -> Option<&'t Token<'a>> {
    toks.get(i)
}

fn digits_val(t: &Token) -> Option<u32> {
    if t.kind == Kind::Digits && t.key.len() <= 4 {
        t.key.parse().ok()
    } else {
        None
    }
}

/// Whether a digit token is glued to what precedes it in a way that makes it part of something
/// else: a name ("Су-20", "F16"), a longer number ("5,000", "1.2.3"), a time ("10:30").
fn glued_before(toks: &[Token], i: usize) -> bool {
    let Some(t) = tok(toks, i) else { return true };
    if !t.glued() || i == 0 {
        return false;
    }
    let Some(p) = tok(toks, i - 1) else { return false };
    match p.kind {
        Kind::Word | Kind::Digits => true,
        Kind::Punct => {
            matches!(p.k(), "-" | "." | "," | "/" | ":" | "–")
                && i >= 2
                && tok(toks, i - 2).is_some_and(|q| q.kind != Kind::Punct && p.glued())
        }
    }
}

/// Whether what follows token `i` (exclusive end `j`) glues more digits on: "2025.10" in
/// "2025.10.31.5", "5" in "5,000".
fn glued_after(toks: &[Token], j: usize) -> bool {
    match (tok(toks, j), tok(toks, j + 1)) {
        (Some(a), Some(b)) => {
            a.glued()
                && ((a.kind == Kind::Punct
                    && matches!(a.k(), "." | "," | "/" | ":" | "-")
                    && b.kind == Kind::Digits
                    && b.glued())
                    || a.kind == Kind::Digits)
        }
        (Some(a), None) => a.glued() && a.kind != Kind::Punct,
        _ => false,
    }
}

/// ISO dates (2025-10-31, 2025.10.31, 2025/10/31) and day-first numeric dates (31.10.2025,
/// 31/10/2025; English slash dates are month-first when that is a valid reading).
fn numeric(toks: &[Token], i: usize, lx: &Lexicon) -> Option<Reading> {
    let a = tok(toks, i)?;
    if a.kind != Kind::Digits || glued_before(toks, i) {
        return None;
    }
    let s1 = tok(toks, i + 1)?;
    let b = tok(toks, i + 2)?;
    let s2 = tok(toks, i + 3)?;
    let c = tok(toks, i + 4)?;
    let all_glued = [s1, b, s2, c].iter().all(|t| t.glued());
    if !all_glued
        || s1.key != s2.key
        || !matches!(s1.k(), "-" | "." | "/")
        || b.kind != Kind::Digits
        || c.kind != Kind::Digits
        || glued_after(toks, i + 5)
    {
        return None;
    }
    let (av, bv, cv) = (digits_val(a)?, digits_val(b)?, digits_val(c)?);
    let date = if a.key.len() == 4 && b.key.len() <= 2 && c.key.len() <= 2 {
        PartialDate::ymd(i32::try_from(av).ok()?, u8::try_from(bv).ok()?, u8::try_from(cv).ok()?)
    } else if a.key.len() <= 2 && b.key.len() <= 2 && c.key.len() == 4 {
        let y = i32::try_from(cv).ok()?;
        let (d, m) = if s1.key == "/" && lx.lang == Some(Lang::En) && av <= 12 && bv <= 31 {
            (bv, av)
        } else {
            (av, bv)
        };
        PartialDate::ymd(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
    } else {
        None
    }?;
    Some((i + 5, vec![(i, i + 5, Form::Ymd(date))]))
}

const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "го", "е", "ого", "й", "er", "o", "º"];

/// A day number at `i` (1–31, not part of another number or a name) and the token after it and
/// its ordinal suffix ("31st", "3.", "26-го").
fn day_number(toks: &[Token], i: usize, dot_ok: bool, in_range: bool) -> Option<(u8, usize)> {
    let t = tok(toks, i)?;
    if t.kind != Kind::Digits || t.key.len() > 2 || (!in_range && glued_before(toks, i)) {
        return None;
    }
    let d: u8 = t.key.parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut j = i + 1;
    match tok(toks, j) {
        Some(n) if n.glued() && n.kind == Kind::Word && ORDINAL_SUFFIXES.contains(&n.k()) => {
            j += 1;
        }
        Some(n)
            if n.glued()
                && n.is("-")
                && tok(toks, j + 1).is_some_and(|s| {
                    s.glued() && s.kind == Kind::Word && ORDINAL_SUFFIXES.contains(&s.k())
                }) =>
        {
            j += 2;
        }
        Some(n) if n.glued() && n.is(".") && dot_ok => j += 1,
        Some(n) if n.glued() && n.kind != Kind::Punct => return None,
        Some(n)
            if n.glued()
                && matches!(n.k(), "," | ":" | "/")
                && tok(toks, j + 1).is_some_and(|x| x.glued() && x.kind == Kind::Digits) =>
        {
            return None;
        }
        _ => {}
    }
    Some((d, j))
}

/// A written year at `j` (four digits, 1000–2999, standing alone) and the end of its year word
/// ("року", "г."), if any.
fn year_at(toks: &[Token], j: usize, lx: &Lexicon) -> Option<(i32, usize)> {
    let t = tok(toks, j)?;
    if t.kind != Kind::Digits
        || t.key.len() != 4
        || glued_before(toks, j)
        || glued_after(toks, j + 1)
    {
        return None;
    }
    let y: i32 = t.key.parse().ok()?;
    if !(1000..=2999).contains(&y) {
        return None;
    }
    let end = lx.year_after.longest(toks, j + 1).map_or(j + 1, |(e, _)| e);
    Some((y, end))
}

/// A month word at `j`: the month, the token after it (and after the dot of an abbreviation),
/// whether it is an abbreviation, and whether it is an abbreviation without its dot in a language
/// that writes months in lower case ("лист" is also "letter"): such a one counts only beside a
/// year.
fn month_at(text: &str, toks: &[Token], j: usize, lx: &Lexicon) -> Option<(u8, usize, bool, bool)> {
    let t = tok(toks, j)?;
    let m = lx.month(t, text)?;
    let dot = tok(toks, j + 1).is_some_and(|n| n.glued() && n.is("."));
    let end = if m.abbreviated && dot { j + 2 } else { j + 1 };
    Some((m.month, end, m.abbreviated, m.abbreviated && !dot && !m.capital))
}

fn is_word(toks: &[Token], j: usize, words: &[&str]) -> bool {
    tok(toks, j).is_some_and(|t| t.kind == Kind::Word && words.contains(&t.k()))
}

/// "31 October 2025", "31 жовтня 2025 року", "2 ноября", "26 de octubre de 2025", "3. November",
/// "the 31st of October", and ranges "26–27 жовтня" (both days).
fn day_first(text: &str, toks: &[Token], i: usize, lx: &Lexicon) -> Option<Reading> {
    day_first_in(text, toks, i, lx, false)
}

fn day_first_in(
    text: &str,
    toks: &[Token],
    i: usize,
    lx: &Lexicon,
    in_range: bool,
) -> Option<Reading> {
    let (day, mut j) = day_number(toks, i, true, in_range)?;
    // A range: the first day takes the month of the second.
    let dash = tok(toks, j).is_some_and(|t| matches!(t.k(), "-" | "–" | "—"))
        || is_word(
            toks,
            j,
            &["and", "і", "й", "та", "и", "y", "und", "to", "по", "до", "bis", "al", "a"],
        );
    if dash && !in_range {
        if let Some((end, mut parts)) = day_first_in(text, toks, j + 1, lx, true) {
            let first_form = match parts.first().map(|p| p.2) {
                Some(Form::Ymd(d)) => {
                    d.month.and_then(|m| PartialDate::ymd(d.year, m, day)).map(Form::Ymd)
                }
                Some(Form::Md { month, .. }) => Some(Form::Md { month, day }),
                _ => None,
            };
            if let Some(f) = first_form {
                parts.insert(0, (i, j, f));
                return Some((end, parts));
            }
        }
    }
    if is_word(toks, j, &["of", "de"]) {
        j += 1;
    }
    let (month, mut k, _, needs_year) = month_at(text, toks, j, lx)?;
    let mut year = None;
    let mut m = k;
    if tok(toks, m).is_some_and(|t| t.is(",")) {
        m += 1;
    }
    if is_word(toks, m, &["de", "del"]) {
        m += 1;
    }
    if let Some((y, e)) = year_at(toks, m, lx) {
        year = Some(y);
        k = e;
    }
    let form = match year {
        Some(y) => Form::Ymd(PartialDate::ymd(y, month, day)?),
        None if needs_year => return None,
        None => {
            // "February 30" is no date in any year; "February 29" is checked once a year is known.
            if day > parallax_model::days_in_month(2024, month) {
                return None;
            }
            Form::Md { month, day }
        }
    };
    Some((k, vec![(i, k, form)]))
}

/// "October 31, 2025", "Oct. 31", "October 2025", "octubre de 2025", "in October", "mid-October",
/// "наприкінці жовтня".
fn month_first(text: &str, toks: &[Token], i: usize, lx: &Lexicon) -> Option<Reading> {
    let (month, j, abbreviated, needs_year) = month_at(text, toks, i, lx)?;
    // Month, day [, year].
    if let Some((day, mut k)) = day_number(toks, j, false, false) {
        let clean_end = !tok(toks, k).is_some_and(|t| t.glued() && t.kind != Kind::Punct);
        if clean_end {
            let mut m = k;
            if tok(toks, m).is_some_and(|t| t.is(",")) {
                m += 1;
            }
            if let Some((y, e)) = year_at(toks, m, lx) {
                let date = PartialDate::ymd(y, month, day)?;
                return Some((e, vec![(i, e, Form::Ymd(date))]));
            }
            if day <= parallax_model::days_in_month(2024, month) && !needs_year {
                k = k.min(toks.len());
                return Some((k, vec![(i, k, Form::Md { month, day })]));
            }
        }
    }
    // Month [de|,] year.
    let mut m = j;
    if is_word(toks, m, &["de", "del"]) || tok(toks, m).is_some_and(|t| t.is(",")) {
        m += 1;
    }
    if let Some((y, e)) = year_at(toks, m, lx) {
        return Some((e, vec![(i, e, Form::Ym(PartialDate::ym(y, month)?))]));
    }
    // A month alone, after a word that introduces a time ("in", "у", "mid-").
    if abbreviated {
        return None;
    }
    let mut start = i;
    let prev = i.checked_sub(1).and_then(|p| tok(toks, p));
    let introduced = match prev {
        Some(p) if p.is("-") && p.glued() => {
            let pp = i.checked_sub(2).and_then(|q| tok(toks, q));
            if pp.is_some_and(|q| lx.intro.contains(q.k())) {
                start = i - 2;
                true
            } else {
                false
            }
        }
        Some(p) => p.kind == Kind::Word && lx.intro.contains(p.k()),
        None => false,
    };
    if !introduced {
        return None;
    }
    Some((j, vec![(start, j, Form::M(month))]))
}

/// A weekday, alone ("on Sunday", "в неділю") or before a date ("Sunday, October 26", "в неділю,
/// 26 жовтня").
fn weekday(text: &str, toks: &[Token], i: usize, lx: &Lexicon) -> Option<Reading> {
    let t = tok(toks, i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let &(day, capital) = lx.weekdays.get(t.k())?;
    if capital && !t.capitalised(text) {
        return None;
    }
    if capital_name(text, toks, i) {
        return None;
    }
    let mut j = i + 1;
    if tok(toks, j).is_some_and(|t| t.is(",")) {
        j += 1;
    }
    let date = day_first(text, toks, j, lx).or_else(|| month_first(text, toks, j, lx));
    if let Some((end, parts)) = date {
        if let Some(&(_, _, form @ (Form::Ymd(_) | Form::Md { .. }))) = parts.last() {
            return Some((end, vec![(i, end, form)]));
        }
    }
    // Where weekdays are written in lower case ("среда" is also "environment", "неділя" once also
    // meant "week"), a weekday alone is a date only after a preposition ("в среду", "у неділю",
    // "el domingo", "до среды").
    if !capital {
        let prev = i.checked_sub(1).and_then(|p| tok(toks, p));
        if !prev.is_some_and(|p| lx.openers.contains(p.k()) || lx.intro.contains(p.k())) {
            return None;
        }
    }
    Some((i + 1, vec![(i, i + 1, Form::Weekday { day, rule: WeekdayRule::Default })]))
}

/// A year alone: "2025 року", "the year 2023", "in 2023", "since 2014", "2022–2023 роках".
fn year(toks: &[Token], i: usize, lx: &Lexicon, previous_year: Option<&Found>) -> Option<Reading> {
    let t = tok(toks, i)?;
    if t.kind != Kind::Digits || t.key.len() != 4 || glued_before(toks, i) {
        return None;
    }
    let y: i32 = t.key.parse().ok()?;
    if !(1000..=2999).contains(&y) || decade(toks, i + 1) {
        return None;
    }
    // "2022–2023 роках", "В 1981-1988 годах": a range closed by a year word.
    if tok(toks, i + 1).is_some_and(|d| matches!(d.k(), "-" | "–" | "—")) {
        let second = tok(toks, i + 2).filter(|d| d.kind == Kind::Digits && d.key.len() == 4);
        let y2: Option<i32> = second.and_then(|d| d.key.parse().ok());
        if let Some(y2) = y2.filter(|&y2| y2 > y && y2 <= 2999 && !glued_after(toks, i + 3)) {
            let closed = lx.year_after.longest(toks, i + 3).map(|(e, ())| e);
            let introduced = i
                .checked_sub(1)
                .and_then(|p| tok(toks, p))
                .is_some_and(|p| p.kind == Kind::Word && lx.intro.contains(p.k()));
            let plausible = (1900..=2100).contains(&y) && y2 <= 2100;
            // "(1908—2011)": life dates, terms of office.
            let bracketed = i.checked_sub(1).and_then(|p| tok(toks, p)).is_some_and(|p| p.is("("))
                && tok(toks, i + 3).is_some_and(|c| c.is(")"));
            if let Some(e) = closed.or((introduced && plausible || bracketed).then_some(i + 3)) {
                return Some((e, vec![(i, i + 1, Form::Y(y)), (i + 2, e, Form::Y(y2))]));
            }
        }
    }
    if glued_after(toks, i + 1) {
        return None;
    }
    if let Some((end, ())) = lx.year_after.longest(toks, i + 1) {
        return Some((end, vec![(i, end, Form::Y(y))]));
    }
    let prev = i.checked_sub(1).and_then(|p| tok(toks, p));
    if prev.is_some_and(|p| p.kind == Kind::Word && lx.year_before.contains(p.k())) {
        return Some((i + 1, vec![(i - 1, i + 1, Form::Y(y))]));
    }
    let plausible = (1900..=2100).contains(&y);
    // "(1994)": a year standing alone in brackets.
    let bracketed = prev.is_some_and(|p| p.is("(")) && tok(toks, i + 1).is_some_and(|n| n.is(")"));
    let introduced = prev.is_some_and(|p| p.kind == Kind::Word && lx.intro.contains(p.k()));
    // "between 2014 and 2022", "2014-2022": a year right after another.
    let continues = previous_year.is_some_and(|f| {
        f.last + 1 == i
            && prev.is_some_and(|p| {
                matches!(p.k(), "-" | "–" | "—" | "and" | "і" | "та" | "и" | "y" | "und" | "or")
            })
    });
    if plausible && (introduced || continues || bracketed) {
        return Some((i + 1, vec![(i, i + 1, Form::Y(y))]));
    }
    None
}

/// Whether the capitalised word at `i` continues a name: it follows a capitalised word inside a
/// sentence ("USA Today", "Fox News Sunday", "Super Tuesday").
fn capital_name(text: &str, toks: &[Token], i: usize) -> bool {
    let Some(t) = tok(toks, i) else { return false };
    if !t.capitalised(text) || sentence_initial(toks, i) || i == 0 {
        return false;
    }
    tok(toks, i - 1).is_some_and(|p| p.capitalised(text) && !sentence_initial(toks, i - 1))
}

/// Whether a decade suffix follows a year: "1990s", "1990-х", "1990-ті", "1990er" (a decade is
/// no year, and a partial date cannot hold it).
fn decade(toks: &[Token], j: usize) -> bool {
    let suffix = |k: usize| {
        tok(toks, k).is_some_and(|t| {
            t.glued()
                && t.kind == Kind::Word
                && matches!(t.k(), "s" | "х" | "ті" | "тих" | "тые" | "er" | "ers")
        })
    };
    suffix(j) || (tok(toks, j).is_some_and(|t| t.glued() && t.is("-")) && suffix(j + 1))
}

/// A relative expression from the pack's table: the longest that matches at `i`.
fn relative(text: &str, toks: &[Token], i: usize, lx: &Lexicon) -> Option<Reading> {
    let t = tok(toks, i)?;
    let mut best: Option<(usize, Form)> = None;
    let slot_start = t.kind == Kind::Digits || lx.slot_words.contains(t.k());
    for p in lx.relative.candidates(t, slot_start) {
        if let Some((end, n, unit, weekday)) = match_pattern(&p.slots, toks, i, lx) {
            if end > i && best.as_ref().is_none_or(|(e, _)| end > *e) {
                best = Some((end, Form::Rel { rel: p.value, n, unit, weekday }));
            }
        }
    }
    let (end, form) = best?;
    if capital_name(text, toks, i) {
        return None;
    }
    // Counted expressions need their unit; weekday ones their weekday.
    match form {
        Form::Rel { rel: Rel::Ago | Rel::Before | Rel::After, unit: None, .. } => None,
        Form::Rel { rel: Rel::LastWeekday | Rel::NextWeekday, weekday: Some(day), .. } => Some((
            end,
            vec![(
                i,
                end,
                Form::Weekday {
                    day,
                    rule: if matches!(form, Form::Rel { rel: Rel::LastWeekday, .. }) {
                        WeekdayRule::Last
                    } else {
                        WeekdayRule::Next
                    },
                },
            )],
        )),
        _ => Some((end, vec![(i, end, form)])),
    }
}

type PatternMatch = (usize, i32, Option<TimeUnit>, Option<u8>);

fn match_pattern(
    slots: &[Slot],
    toks: &[Token],
    start: usize,
    lx: &Lexicon,
) -> Option<PatternMatch> {
    let (mut n, mut unit, mut wd) = (1i32, None, None);
    let mut counted = false;
    let mut j = start;
    for s in slots {
        match s {
            Slot::Key(k) => {
                if tok(toks, j).is_some_and(|t| t.key == *k) {
                    j += 1;
                } else {
                    return None;
                }
            }
            Slot::OptDot => {
                if tok(toks, j).is_some_and(|t| t.is(".") && t.glued()) {
                    j += 1;
                }
            }
            Slot::Num => {
                if let Some(t) = tok(toks, j) {
                    if t.kind == Kind::Digits && t.key.len() <= 3 && !glued_after(toks, j + 1) {
                        n = t.key.parse().unwrap_or(1);
                        j += 1;
                        counted = true;
                    } else if let Some((v, e)) = lx.cardinal(toks, j) {
                        n = i32::try_from(v).unwrap_or(1);
                        j = e;
                        counted = true;
                    } else if t.kind == Kind::Word && lx.one.contains(t.k()) {
                        j += 1;
                        counted = true;
                    }
                }
            }
            Slot::Unit => {
                let t = tok(toks, j)?;
                let u = lx.units.get(t.k())?;
                // Without a count only a singular stands for one: "months ago" is vague.
                if !counted && !lx.bare_units.contains(t.k()) {
                    return None;
                }
                unit = Some(*u);
                j += 1;
            }
            Slot::Weekday => {
                let &(d, _) = tok(toks, j).and_then(|t| lx.weekdays.get(t.k()))?;
                wd = Some(d);
                j += 1;
            }
            Slot::End => {
                if tok(toks, j).is_some_and(|t| t.kind != Kind::Punct || t.is("-")) {
                    return None;
                }
            }
        }
    }
    Some((j, n, unit, wd))
}
