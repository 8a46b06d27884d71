//! Time expressions resolved to dates.
//!
//! News dates its events in every way a language allows: "31 October 2025", "2025.10.31",
//! "Oct. 31", "в неділю, 26 жовтня", "am 3. November", "on Sunday", "вчора", "за день до цього",
//! "last week", "торік". A reader of a timeline needs each of them as a calendar date, and needs
//! to trust it: a date the text does not support is worse than none. The module works in two
//! passes over one token stream (`token.rs`):
//!
//! 1. **Find** (`find.rs`): what the words say, with no reference date. Month names come from
//!    [`crate::calendar`]; weekday names, calendar units, relative expressions ("{n} {u} ago",
//!    "минулого тижня"), the prepositions that belong to a date ("on", "в", "am") and the words
//!    that mark a bare number as a year ("року", "г.", "in 2023") come from the language packs
//!    ([`crate::lang::packs::TimeWords`]). An article is read with the tables of its language and
//!    of English. At each position the longest reading wins and expressions never overlap.
//! 2. **Resolve** (here): each expression, left to right, becomes a [`PartialDate`] no more
//!    precise than the text.
//!
//! The finder refuses what only looks like a date: English and German month and weekday names
//! without their capital ("may", "march"); a month abbreviation without its dot in a language
//! that writes months in lower case ("лист" is also "letter") unless a year follows; a
//! lower-case weekday without a preposition before it ("окружающей среды" is no Wednesday; "в
//! среду" is); a capitalised weekday or relative word that continues a name ("Fox News Sunday",
//! "USA Today"); decades ("1990s", "1990-х"); numbers glued into something else ("10:30",
//! "2.10.3", "Су-20"); a count left vague ("months ago", "кілька місяців тому": a unit without
//! a number counts one only in the singular).
//!
//! # The resolution rules
//!
//! - **Written dates** ("31.10.2025", "October 2025", "у 2023 році") are taken as written
//!   ([`TimeKind::Absolute`]). A bare four-digit number counts as a year only with a year word
//!   ("2025 року"), after "year"/"Jahr", after a word that introduces a time ("in", "since",
//!   "у", "з") and within 1900–2100, or alone in brackets ("(1997)"), so that "1000 км" stays a
//!   distance. Ranges give both years ("2022–2023 роках", "(1908—2011)", "between 2014 and
//!   2022").
//! - **Dates without a year** ("October 21", "26 жовтня", "in October") take, in order: a year
//!   written earlier in the same sentence ("в 2014 году … 18 марта"); else a year from the
//!   reference date; with no reference, from the nearest preceding written date that has a month
//!   ("3 March 2022 … on 5 March"), else from the text's present: the latest year it writes
//!   outside sentences about the future (a text is written no earlier than the last year it
//!   reports on; "in 1812" beside "in 2023" is history, "by 2050" a target). With no such year
//!   the date is left out: a year is never guessed ([`TimeKind::Partial`]). Against a full date the year is the one
//!   of the most recent occurrence on or before it (news is mostly about the past: "December
//!   28" in an article of 3 January is last December, "since January 1" in September is this
//!   January), unless the sentence has a future cue ("will", "відбудеться") and that occurrence
//!   is two months old or more, or it is ten months old or more while the next one is at most two
//!   months away ("November 8" in a September article is the coming one).
//! - **Weekdays** ("on Sunday", "в неділю", "el domingo", "am Sonntag") are the most recent such
//!   day on or before the reference (news is mostly in the past tense); when their sentence has a
//!   future cue from the pack ("will", "наступного", "состоится") the next one on or after it.
//!   "last Sunday"/"минулої неділі" is strictly before, "next Sunday" strictly after. A weekday
//!   written with a date ("Sunday, October 26") is that date.
//! - **Relative expressions** ([`TimeKind::Relative`]) count from the reference: "yesterday" is
//!   the day before it, "three days ago" three days before it; "last month", "earlier this
//!   month", "цього місяця" are a month (`YYYY-MM`), "last year", "торік" a year. A week ("last
//!   week", "минулого тижня") is never turned into a day: it resolves to its month when the
//!   whole Monday-to-Sunday week lies in one month, to its year when it lies in one year, and is
//!   left out otherwise.
//! - **Anaphoric expressions** ("the day before", "за день до цього", "накануне", "two days
//!   later", "через два дні") count from the nearest preceding date in the text that is precise
//!   enough (a day for "the day before"), or from the reference when there is none. "The day
//!   before the vote" names another event, not the date before, so "before"/"after" phrases
//!   count only when a clause boundary or "that" follows them.
//! - The **reference** is the publication date. When the article has none, the nearest preceding
//!   full date in the text (a wire dateline "MOSCOW, November 2, 2025" included) stands in for it.
//!
//! # Dated sentences
//!
//! A sentence that contains a resolved expression carries a date: the most specific one it
//! contains (a day before a month before a year), the first of equals. "On Sunday, a plane
//! sanctioned in 2023 arrived" is dated to the Sunday, not to 2023. Sentences without an
//! expression of their own are not dated: inheriting a date from a neighbour is right as often as
//! it is wrong.

mod days;
mod find;
mod lexicon;
pub(crate) mod token;

pub(crate) use lexicon::{lexicon, Lexicon};

use crate::lang::packs::{Rel, TimeUnit};
use days::{add_months, day_number, from_days, to_days, week_of, weekday};
use find::{Form, Found, WeekdayRule};
use parallax_model::{DatedSentence, Lang, PartialDate, Span, TimeExpr, TimeKind};
use token::{tokenize, Token};

/// The time expressions of an article body, resolved against `reference` (the publication date,
/// when known) or the nearest preceding date in the text; and the sentences that carry a date.
pub fn analyze(
    text: &str,
    sentences: &[Span],
    lang: Option<Lang>,
    reference: Option<PartialDate>,
) -> (Vec<TimeExpr>, Vec<DatedSentence>) {
    let toks = tokenize(text);
    let lx = lexicon(lang);
    let found = find::find(text, &toks, lx);
    let exprs = resolve(&found, &toks, lx, sentences, reference);
    let dated = dated_sentences(&exprs, sentences);
    (exprs, dated)
}

/// The spans of every time expression of a text as the finder reads it, resolved or not (a date
/// without a year in a text without one is still a date): for masking numbers and for measuring
/// the finder apart from resolution.
pub fn find_spans(text: &str, lang: Option<Lang>) -> Vec<Span> {
    let toks = tokenize(text);
    spans(text, &toks, lexicon(lang)).into_iter().map(|(s, e)| Span::new(s, e)).collect()
}

/// The byte spans of every time expression in `toks`, resolved or not (numbers in them are not
/// quantities).
pub(crate) fn spans(text: &str, toks: &[Token], lx: &Lexicon) -> Vec<(usize, usize)> {
    find::find(text, toks, lx).into_iter().map(|f| (f.start, f.end)).collect()
}

/// What is known while reading left to right.
#[derive(Default)]
struct Context {
    /// The nearest preceding resolved date with a day.
    last_day: Option<PartialDate>,
    /// The nearest preceding resolved date with a month.
    last_month: Option<PartialDate>,
    /// The nearest preceding resolved date.
    last_any: Option<PartialDate>,
    /// The nearest preceding date with a written year (the whole date, as written).
    last_written: Option<PartialDate>,
}

fn resolve(
    found: &[Found],
    toks: &[Token],
    lx: &Lexicon,
    sentences: &[Span],
    reference: Option<PartialDate>,
) -> Vec<TimeExpr> {
    let written = |f: &Found| match f.form {
        Form::Ymd(d) | Form::Ym(d) => Some(d),
        Form::Y(y) => PartialDate::y(y),
        _ => None,
    };
    // The text's own present when nothing dates it: the latest year it writes outside sentences
    // that speak of the future. A text is written no earlier than the last year it reports on, a
    // date without a year is mostly of that present, and a target ("by 2050") is not the present.
    let present = found
        .iter()
        .filter(|g| !sentence_has_future(sentence_of(sentences, g.start), toks, lx))
        .filter_map(written)
        .map(|d| d.year)
        .max()
        .and_then(PartialDate::y);
    let mut cx = Context::default();
    let mut out = Vec::new();
    for (idx, f) in found.iter().enumerate() {
        let sentence = sentence_of(sentences, f.start);
        // The base of relative expressions: the publication date, else the nearest preceding day.
        let base = reference.filter(PartialDate::is_full).or(cx.last_day);
        let resolved: Option<(PartialDate, TimeKind)> = match f.form {
            Form::Ymd(d) | Form::Ym(d) => Some((d, TimeKind::Absolute)),
            Form::Y(y) => PartialDate::y(y).map(|d| (d, TimeKind::Absolute)),
            Form::Md { .. } | Form::M(_) => {
                // A year written earlier in the same sentence; else the reference; else the text.
                let in_sentence = found[..idx]
                    .iter()
                    .rev()
                    .take_while(|g| sentence.is_some_and(|s| g.start >= s.start))
                    .find_map(written);
                // Without a publication date: the nearest preceding written date with a month
                // ("3 March 2022 … on 5 March"), else the text's present. The nearest bare year
                // is as often a past or a target ("in 1812", "by 2050") as the story's own.
                let anchor = in_sentence
                    .map(|d| PartialDate { year: d.year, month: None, day: None })
                    .or(reference)
                    .or(cx.last_written.filter(|d| d.month.is_some()))
                    .or(present);
                let future = sentence_has_future(sentence, toks, lx);
                anchor.and_then(|a| complete(f.form, &a, future)).map(|d| (d, TimeKind::Partial))
            }
            Form::Weekday { day, rule } => {
                let future =
                    rule == WeekdayRule::Default && sentence_has_future(sentence, toks, lx);
                base.and_then(|b| resolve_weekday(&b, day, rule, future))
                    .map(|d| (d, TimeKind::Relative))
            }
            Form::Rel { rel, n, unit, .. } => {
                resolve_relative(rel, n, unit, base, &cx).map(|d| (d, TimeKind::Relative))
            }
        };
        let Some((date, kind)) = resolved else { continue };
        out.push(TimeExpr { start: f.start, end: f.end, date, kind });
        cx.last_any = Some(date);
        if date.month.is_some() {
            cx.last_month = Some(date);
        }
        if date.is_full() {
            cx.last_day = Some(date);
        }
        if let Some(w) = written(f) {
            cx.last_written = Some(w);
        }
    }
    out
}

/// Whether the sentence has a future cue from the pack ("will", "наступного", "состоится").
fn sentence_has_future(sentence: Option<Span>, toks: &[Token], lx: &Lexicon) -> bool {
    sentence.is_some_and(|s| {
        let i = toks.partition_point(|t| t.start < s.start);
        toks[i.min(toks.len())..]
            .iter()
            .take_while(|t| t.end <= s.end)
            .any(|t| lx.future.contains(t.k()))
    })
}

/// The sentence holding byte `at`.
fn sentence_of(sentences: &[Span], at: usize) -> Option<Span> {
    let i = sentences.partition_point(|s| s.end <= at);
    sentences.get(i).copied().filter(|s| s.start <= at)
}

/// A day-and-month or a month completed with a year from `anchor`: its year alone when that is
/// all the anchor has; else the most recent occurrence on or before the anchor, unless the
/// sentence speaks of the future or that occurrence is ten months old or more while the next one
/// is at most two months away ("November 8" in a September article is the coming election).
fn complete(form: Form, anchor: &PartialDate, future: bool) -> Option<PartialDate> {
    let (month, day) = match form {
        Form::Md { month, day } => (month, Some(day)),
        Form::M(month) => (month, None),
        _ => return None,
    };
    let make = |y: i32| match day {
        Some(d) => PartialDate::ymd(y, month, d),
        None => PartialDate::ym(y, month),
    };
    let Some(am) = anchor.month else { return make(anchor.year) };
    // Distance in days when both have a day, else in months (positive: after the anchor).
    let diff = |y: i32| -> i64 {
        match (day, anchor.day) {
            (Some(d), Some(ad)) => to_days(y, month, d) - to_days(anchor.year, am, ad),
            _ => {
                let months =
                    (i64::from(y) - i64::from(anchor.year)) * 12 + i64::from(month) - i64::from(am);
                if day.is_some() {
                    months * 30
                } else {
                    months
                }
            }
        }
    };
    let by_days = day.is_some();
    let (old, near) = if by_days { (300, 62) } else { (10, 2) };
    // The latest occurrence on or before the anchor, and the first after it.
    let past = if diff(anchor.year) <= 0 { anchor.year } else { anchor.year - 1 };
    let next = past + 1;
    // A future cue moves a date only when its past reading is not recent ("will report October
    // figures" in November is still last October).
    let recent = if by_days { 60 } else { 2 };
    let choose_next =
        (future && -diff(past) >= recent) || (-diff(past) >= old && diff(next) <= near);
    // February 29 exists only in leap years: fall back to the other reading.
    if choose_next {
        make(next).or_else(|| make(past))
    } else {
        make(past).or_else(|| make(next))
    }
}

fn resolve_weekday(
    base: &PartialDate,
    day: u8,
    rule: WeekdayRule,
    future: bool,
) -> Option<PartialDate> {
    let z = day_number(base)?;
    let w = i64::from(weekday(z));
    let d = i64::from(day);
    let back = (w - d).rem_euclid(7);
    let ahead = (d - w).rem_euclid(7);
    let target = match rule {
        WeekdayRule::Default if future => z + ahead,
        WeekdayRule::Default => z - back,
        WeekdayRule::Last => z - if back == 0 { 7 } else { back },
        WeekdayRule::Next => z + if ahead == 0 { 7 } else { ahead },
    };
    from_days(target)
}

fn shift(date: &PartialDate, n: i32, unit: TimeUnit) -> Option<PartialDate> {
    match unit {
        TimeUnit::Day => from_days(day_number(date)? + i64::from(n)),
        TimeUnit::Week => week_of(day_number(date)? + 7 * i64::from(n)),
        TimeUnit::Month => add_months(date.year, date.month?, n),
        TimeUnit::Year => PartialDate::y(date.year + n),
    }
}

/// The nearest preceding date precise enough for `unit`.
fn anchor_for(cx: &Context, unit: TimeUnit) -> Option<PartialDate> {
    match unit {
        TimeUnit::Day | TimeUnit::Week => cx.last_day,
        TimeUnit::Month => cx.last_month,
        TimeUnit::Year => cx.last_any,
    }
}

fn resolve_relative(
    rel: Rel,
    n: i32,
    unit: Option<TimeUnit>,
    base: Option<PartialDate>,
    cx: &Context,
) -> Option<PartialDate> {
    let from_base = |k: i32, u: TimeUnit| base.and_then(|b| shift(&b, k, u));
    let from_anchor =
        |k: i32, u: TimeUnit| anchor_for(cx, u).or(base).and_then(|a| shift(&a, k, u));
    match rel {
        Rel::Days(k) => from_base(k, TimeUnit::Day),
        Rel::Weeks(k) => from_base(k, TimeUnit::Week),
        Rel::Months(k) => from_base(k, TimeUnit::Month),
        Rel::Years(k) => from_base(k, TimeUnit::Year),
        Rel::AnchorDays(k) => from_anchor(k, TimeUnit::Day),
        Rel::Ago => from_base(-n, unit?),
        Rel::Before => from_anchor(-n, unit?),
        Rel::After => from_anchor(n, unit?),
        // Turned into weekday forms by the finder.
        Rel::LastWeekday | Rel::NextWeekday => None,
    }
}

/// Each sentence with a resolved expression, dated by its most specific one (the first of equals).
fn dated_sentences(exprs: &[TimeExpr], sentences: &[Span]) -> Vec<DatedSentence> {
    let rank = |d: &PartialDate| u8::from(d.month.is_some()) + u8::from(d.day.is_some());
    let mut out = Vec::new();
    let mut k = 0;
    for s in sentences {
        while exprs.get(k).is_some_and(|e| e.start < s.start) {
            k += 1;
        }
        let mut best: Option<&TimeExpr> = None;
        for e in exprs[k.min(exprs.len())..].iter().take_while(|e| e.start < s.end) {
            if best.is_none_or(|b| rank(&e.date) > rank(&b.date)) {
                best = Some(e);
            }
        }
        if let Some(b) = best {
            out.push(DatedSentence { start: s.start, end: s.end, date: b.date });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, lang: Lang, reference: Option<&str>) -> Vec<(String, String)> {
        let r = reference.map(|r| r.parse().unwrap());
        let (exprs, _) = analyze(text, &[Span::new(0, text.len())], Some(lang), r);
        exprs.iter().map(|e| (text[e.start..e.end].to_string(), e.date.to_string())).collect()
    }

    #[test]
    fn complete_picks_the_nearest_year() {
        let a: PartialDate = "2025-01-03".parse().unwrap();
        let c = |f, a: &PartialDate, future| complete(f, a, future).unwrap().to_string();
        assert_eq!(c(Form::Md { month: 12, day: 28 }, &a, false), "2024-12-28");
        let a: PartialDate = "2025-12-20".parse().unwrap();
        assert_eq!(c(Form::Md { month: 1, day: 10 }, &a, false), "2026-01-10");
        let a: PartialDate = "2016-09-29".parse().unwrap();
        assert_eq!(c(Form::Md { month: 1, day: 1 }, &a, false), "2016-01-01");
        assert_eq!(c(Form::Md { month: 11, day: 8 }, &a, false), "2016-11-08");
        assert_eq!(c(Form::Md { month: 10, day: 1 }, &a, false), "2016-10-01");
        assert_eq!(c(Form::Md { month: 3, day: 1 }, &a, true), "2017-03-01");
        let a: PartialDate = "2025-10-31".parse().unwrap();
        assert_eq!(c(Form::M(3), &a, false), "2025-03");
        assert_eq!(c(Form::M(12), &a, false), "2025-12");
        assert_eq!(c(Form::M(12), &"2025-06-01".parse().unwrap(), false), "2024-12");
    }

    #[test]
    fn smoke() {
        assert_eq!(
            dates("On Sunday, October 26, a plane landed.", Lang::En, Some("2025-10-31")),
            [("On Sunday, October 26".to_string(), "2025-10-26".to_string())]
        );
    }
}
