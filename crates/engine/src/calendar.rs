//! Month names in the supported languages and date parsing that needs no context.
//!
//! Dates arrive in every shape: ISO stamps in page metadata, RFC 2822 in feeds, "2025.10.31" on a
//! date line, "2 листопада 2025 р." in a Ukrainian byline, "Oct. 31, 2025" in an English one.
//! [`find_date`] finds the first complete or partial calendar date in a short string. Relative
//! expressions ("on Sunday") need a reference date and belong to the temporal resolver.

use parallax_model::{Lang, PartialDate};
use regex::Regex;
use std::sync::LazyLock;

/// The month names of one language: every grammatical form news writes in full, and the
/// abbreviations (accepted only next to a day or a year, or with their dot).
struct MonthNames {
    lang: Lang,
    /// Full names in lower case: nominative, genitive (the form after a day: "31 жовтня"),
    /// locative ("у жовтні", "в октябре") and any other form dates use.
    names: &'static [(&'static str, u8)],
    /// Short forms, lower case, without their dot ("oct", "жовт", "окт").
    abbreviations: &'static [(&'static str, u8)],
}

/// Month names in the supported languages. Public calendar facts.
#[rustfmt::skip]
const MONTHS: &[MonthNames] = &[
    MonthNames {
        lang: Lang::En,
        names: &[
            ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
            ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
            ("december", 12),
        ],
        abbreviations: &[
            ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
            ("sept", 9), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
        ],
    },
    MonthNames {
        lang: Lang::Uk,
        // Genitive (after a day), nominative, locative (у жовтні).
        names: &[
            ("січня", 1), ("січень", 1), ("січні", 1),
            ("лютого", 2), ("лютий", 2), ("лютому", 2),
            ("березня", 3), ("березень", 3), ("березні", 3),
            ("квітня", 4), ("квітень", 4), ("квітні", 4),
            ("травня", 5), ("травень", 5), ("травні", 5),
            ("червня", 6), ("червень", 6), ("червні", 6),
            ("липня", 7), ("липень", 7), ("липні", 7),
            ("серпня", 8), ("серпень", 8), ("серпні", 8),
            ("вересня", 9), ("вересень", 9), ("вересні", 9),
            ("жовтня", 10), ("жовтень", 10), ("жовтні", 10),
            ("листопада", 11), ("листопад", 11), ("листопаді", 11),
            ("грудня", 12), ("грудень", 12), ("грудні", 12),
        ],
        abbreviations: &[
            ("січ", 1), ("лют", 2), ("бер", 3), ("берез", 3), ("квіт", 4), ("трав", 5),
            ("черв", 6), ("лип", 7), ("серп", 8), ("вер", 9), ("верес", 9), ("жовт", 10),
            ("лист", 11), ("листоп", 11), ("груд", 12),
        ],
    },
    MonthNames {
        lang: Lang::Ru,
        // Genitive, nominative, locative (в октябре).
        names: &[
            ("января", 1), ("январь", 1), ("январе", 1),
            ("февраля", 2), ("февраль", 2), ("феврале", 2),
            ("марта", 3), ("март", 3), ("марте", 3),
            ("апреля", 4), ("апрель", 4), ("апреле", 4),
            ("мая", 5), ("май", 5), ("мае", 5),
            ("июня", 6), ("июнь", 6), ("июне", 6),
            ("июля", 7), ("июль", 7), ("июле", 7),
            ("августа", 8), ("август", 8), ("августе", 8),
            ("сентября", 9), ("сентябрь", 9), ("сентябре", 9),
            ("октября", 10), ("октябрь", 10), ("октябре", 10),
            ("ноября", 11), ("ноябрь", 11), ("ноябре", 11),
            ("декабря", 12), ("декабрь", 12), ("декабре", 12),
        ],
        abbreviations: &[
            ("янв", 1), ("фев", 2), ("февр", 2), ("мар", 3), ("апр", 4), ("июн", 6), ("июл", 7),
            ("авг", 8), ("сен", 9), ("сент", 9), ("окт", 10), ("ноя", 11), ("нояб", 11),
            ("дек", 12),
        ],
    },
    MonthNames {
        lang: Lang::Es,
        names: &[
            ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6),
            ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10),
            ("noviembre", 11), ("diciembre", 12),
        ],
        abbreviations: &[("ene", 1), ("abr", 4), ("ago", 8), ("dic", 12)],
    },
    MonthNames {
        lang: Lang::De,
        names: &[
            ("januar", 1), ("jänner", 1), ("februar", 2), ("märz", 3), ("april", 4), ("mai", 5),
            ("juni", 6), ("juli", 7), ("august", 8), ("september", 9), ("oktober", 10),
            ("november", 11), ("dezember", 12),
        ],
        abbreviations: &[("jan", 1), ("jän", 1), ("feb", 2), ("mär", 3), ("okt", 10), ("dez", 12)],
    },
    MonthNames {
        lang: Lang::Fr,
        names: &[
            ("janvier", 1), ("février", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6),
            ("juillet", 7), ("août", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11),
            ("décembre", 12),
        ],
        abbreviations: &[("janv", 1), ("févr", 2), ("avr", 4), ("juil", 7), ("déc", 12)],
    },
    MonthNames {
        lang: Lang::Pl,
        // Genitive and nominative.
        names: &[
            ("stycznia", 1), ("styczeń", 1), ("lutego", 2), ("luty", 2), ("marca", 3),
            ("marzec", 3), ("kwietnia", 4), ("kwiecień", 4), ("maja", 5), ("maj", 5),
            ("czerwca", 6), ("czerwiec", 6), ("lipca", 7), ("lipiec", 7), ("sierpnia", 8),
            ("sierpień", 8), ("września", 9), ("wrzesień", 9), ("października", 10),
            ("październik", 10), ("listopada", 11), ("listopad", 11), ("grudnia", 12),
            ("grudzień", 12),
        ],
        abbreviations: &[
            ("sty", 1), ("lut", 2), ("kwi", 4), ("cze", 6), ("lip", 7), ("sie", 8), ("wrz", 9),
            ("paź", 10), ("lis", 11), ("gru", 12),
        ],
    },
    MonthNames {
        lang: Lang::It,
        names: &[
            ("gennaio", 1), ("febbraio", 2), ("marzo", 3), ("aprile", 4), ("maggio", 5),
            ("giugno", 6), ("luglio", 7), ("agosto", 8), ("settembre", 9), ("ottobre", 10),
            ("novembre", 11), ("dicembre", 12),
        ],
        abbreviations: &[
            ("gen", 1), ("mag", 5), ("giu", 6), ("lug", 7), ("set", 9), ("ott", 10),
        ],
    },
    MonthNames {
        lang: Lang::Pt,
        names: &[
            ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("abril", 4), ("maio", 5),
            ("junho", 6), ("julho", 7), ("agosto", 8), ("setembro", 9), ("outubro", 10),
            ("novembro", 11), ("dezembro", 12),
        ],
        abbreviations: &[("fev", 2), ("out", 10)],
    },
    MonthNames {
        lang: Lang::Nl,
        names: &[
            ("januari", 1), ("februari", 2), ("maart", 3), ("april", 4), ("mei", 5), ("juni", 6),
            ("juli", 7), ("augustus", 8), ("september", 9), ("oktober", 10), ("november", 11),
            ("december", 12),
        ],
        abbreviations: &[("okt", 10)],
    },
];

/// The month a word names in any supported language (any case, with or without a trailing
/// period), if any.
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find_map(|t| lookup(t, &w, true))
}

/// The month a lower-case word names in `lang`: `Some((month, abbreviated))`. Abbreviations are
/// matched without their dot.
pub fn month_in(lower: &str, lang: Lang) -> Option<(u8, bool)> {
    let t = MONTHS.iter().find(|t| t.lang == lang)?;
    lookup(t, lower, false)
        .map(|m| (m, false))
        .or_else(|| t.abbreviations.iter().find(|(n, _)| *n == lower).map(|&(_, m)| (m, true)))
}

/// Every month word of `lang`: `(lower-case form, month, abbreviated)`.
pub fn month_forms(lang: Lang) -> impl Iterator<Item = (&'static str, u8, bool)> {
    MONTHS.iter().filter(move |t| t.lang == lang).flat_map(|t| {
        let full = t.names.iter().map(|&(n, m)| (n, m, false));
        full.chain(t.abbreviations.iter().map(|&(n, m)| (n, m, true)))
    })
}

fn lookup(t: &MonthNames, w: &str, with_abbreviations: bool) -> Option<u8> {
    let find = |list: &[(&str, u8)]| list.iter().find(|(n, _)| *n == w).map(|&(_, m)| m);
    find(t.names).or_else(|| if with_abbreviations { find(t.abbreviations) } else { None })
}

const MONTH_WORD: &str = r"\p{L}{3,12}\.?";

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:\b|T)").expect("valid regex")
});
static DMY_NUM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})([./])(\d{1,2})[./](\d{4})\b").expect("valid regex"));
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th|\.|-го|-е)?\s+(?:de\s+)?({MONTH_WORD})(?:\s+(?:de\s+)?(\d{{4}}))?"))
        .expect("valid regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b({MONTH_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?"))
        .expect("valid regex")
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b({MONTH_WORD})\s+(\d{{4}})\b")).expect("valid regex"));

/// A date found in a string: the value, where it was, and whether the year was written (a
/// "November 2" gives `year_written: false` and takes its year from `default_year`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub date: PartialDate,
    pub start: usize,
    pub end: usize,
    pub year_written: bool,
}

/// The first calendar date in `s`. Numeric dates are read year-first or day-first (the European
/// order; `month_first` switches slash dates to the US order). A date without a year is returned
/// only when `default_year` is given.
pub fn find_date(s: &str, default_year: Option<i32>, month_first: bool) -> Option<FoundDate> {
    let mut found: Vec<FoundDate> = Vec::new();
    let mut consider = |f: Option<FoundDate>| found.extend(f);
    for c in ISO.captures_iter(s) {
        let (y, m, d) = (num(&c, 1), num(&c, 2), num(&c, 3));
        let whole = c.get(0).map_or(0..0, |m| m.range());
        consider(PartialDate::ymd(y as i32, m as u8, d as u8).map(|date| FoundDate {
            date,
            start: whole.start,
            end: whole.end,
            year_written: true,
        }));
    }
    for c in DMY_NUM.captures_iter(s) {
        let (a, sep, b, y) =
            (num(&c, 1), c.get(2).map_or("", |m| m.as_str()), num(&c, 3), num(&c, 4));
        let (d, m) = if sep == "/" && month_first && b <= 31 && a <= 12 { (b, a) } else { (a, b) };
        let whole = c.get(0).map_or(0..0, |m| m.range());
        consider(PartialDate::ymd(y as i32, m as u8, d as u8).map(|date| FoundDate {
            date,
            start: whole.start,
            end: whole.end,
            year_written: true,
        }));
    }
    for c in DAY_MONTH_YEAR.captures_iter(s) {
        let Some(month) = c.get(2).and_then(|m| month_number(m.as_str())) else { continue };
        let day = num(&c, 1);
        let year = c.get(3).map(|y| y.as_str().parse::<i32>().unwrap_or(0));
        let end = c.get(3).or(c.get(2)).map_or(0, |m| m.end());
        let start = c.get(0).map_or(0, |m| m.start());
        consider(with_year(year, default_year, month, day).map(|(date, written)| FoundDate {
            date,
            start,
            end,
            year_written: written,
        }));
    }
    for c in MONTH_DAY_YEAR.captures_iter(s) {
        let Some(month) = c.get(1).and_then(|m| month_number(m.as_str())) else { continue };
        let day = num(&c, 2);
        let year = c.get(3).map(|y| y.as_str().parse::<i32>().unwrap_or(0));
        let end = c.get(3).or(c.get(2)).map_or(0, |m| m.end());
        let start = c.get(0).map_or(0, |m| m.start());
        consider(with_year(year, default_year, month, day).map(|(date, written)| FoundDate {
            date,
            start,
            end,
            year_written: written,
        }));
    }
    if found.is_empty() {
        for c in MONTH_YEAR.captures_iter(s) {
            let Some(month) = c.get(1).and_then(|m| month_number(m.as_str())) else { continue };
            let whole = c.get(0).map_or(0..0, |m| m.range());
            found.extend(PartialDate::ym(num(&c, 2) as i32, month).map(|date| FoundDate {
                date,
                start: whole.start,
                end: whole.end,
                year_written: true,
            }));
        }
    }
    // The earliest date wins; at one position, the longest reading ("2 November 2025", not "2 November").
    found.into_iter().min_by_key(|f| (f.start, std::cmp::Reverse(f.end)))
}

fn with_year(
    year: Option<i32>,
    default_year: Option<i32>,
    month: u8,
    day: u32,
) -> Option<(PartialDate, bool)> {
    let (y, written) = match (year, default_year) {
        (Some(y), _) => (y, true),
        (None, Some(y)) => (y, false),
        (None, None) => return None,
    };
    PartialDate::ymd(y, month, u8::try_from(day).ok()?).map(|d| (d, written))
}

fn num(c: &regex::Captures<'_>, i: usize) -> u32 {
    c.get(i).and_then(|m| m.as_str().parse().ok()).unwrap_or(0)
}

/// Parses a date as pages and feeds write it in metadata: ISO 8601 with or without time,
/// RFC 2822, or a human date in any supported language.
pub fn parse_meta_date(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    if let Ok(d) = s.parse::<PartialDate>() {
        return Some(d);
    }
    find_date(s, None, false).map(|f| f.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_meta_date(s).map(|d| d.to_string())
    }

    #[test]
    fn metadata_formats() {
        assert_eq!(d("2025-10-31T09:12:00+03:00").as_deref(), Some("2025-10-31"));
        assert_eq!(d("Sun, 02 Nov 2025 10:00:00 +0200").as_deref(), Some("2025-11-02"));
        assert_eq!(d("2025.10.31").as_deref(), Some("2025-10-31"));
        assert_eq!(d("31.10.2025, 14:05").as_deref(), Some("2025-10-31"));
        assert_eq!(d("Oct. 31, 2025").as_deref(), Some("2025-10-31"));
        assert_eq!(d("2 листопада 2025 р.").as_deref(), Some("2025-11-02"));
        assert_eq!(d("2 ноября 2025 года, 12:40").as_deref(), Some("2025-11-02"));
        assert_eq!(d("31 de octubre de 2025").as_deref(), Some("2025-10-31"));
        assert_eq!(d("31. Oktober 2025").as_deref(), Some("2025-10-31"));
        assert_eq!(d("31 października 2025").as_deref(), Some("2025-10-31"));
        assert_eq!(d("October 2025").as_deref(), Some("2025-10"));
        assert_eq!(d("2025").as_deref(), Some("2025"));
        assert_eq!(d("no date here"), None);
        assert_eq!(d("2025-02-30"), None);
    }

    #[test]
    fn dates_without_a_year_need_one() {
        assert_eq!(find_date("MOSCOW, November 2.", None, false), None);
        let f = find_date("MOSCOW, November 2.", Some(2025), false).unwrap();
        assert_eq!(f.date.to_string(), "2025-11-02");
        assert!(!f.year_written);
        assert_eq!(&"MOSCOW, November 2."[f.start..f.end], "November 2");
    }

    #[test]
    fn slash_dates_follow_the_requested_order() {
        assert_eq!(find_date("10/31/2025", None, true).unwrap().date.to_string(), "2025-10-31");
        assert_eq!(find_date("05/11/2025", None, false).unwrap().date.to_string(), "2025-11-05");
    }
}
