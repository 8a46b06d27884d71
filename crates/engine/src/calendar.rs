//! Month names in the supported languages and date parsing that needs no context.
//!
//! Dates arrive in every shape: ISO stamps in page metadata, RFC 2822 in feeds, "2025.10.31" on a
//! date line, "2 листопада 2025 р." in a Ukrainian byline, "Oct. 31, 2025" in an English one.
//! [`find_date`] finds the first complete or partial calendar date in a short string. Relative
//! expressions ("on Sunday") need a reference date and belong to the temporal resolver.

use parallax_model::PartialDate;
use regex::Regex;
use std::sync::LazyLock;

/// Month names and abbreviations (lower case, all grammatical forms news uses) with their numbers.
/// Public calendar facts; the short forms are accepted only next to a day or a year.
const MONTHS: &[(&str, u8)] = &[
    // English
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // Ukrainian: genitive (the form after a day), nominative, abbreviations
    ("січня", 1),
    ("січень", 1),
    ("січ", 1),
    ("лютого", 2),
    ("лютий", 2),
    ("лют", 2),
    ("березня", 3),
    ("березень", 3),
    ("бер", 3),
    ("квітня", 4),
    ("квітень", 4),
    ("квіт", 4),
    ("травня", 5),
    ("травень", 5),
    ("трав", 5),
    ("червня", 6),
    ("червень", 6),
    ("черв", 6),
    ("липня", 7),
    ("липень", 7),
    ("лип", 7),
    ("серпня", 8),
    ("серпень", 8),
    ("серп", 8),
    ("вересня", 9),
    ("вересень", 9),
    ("вер", 9),
    ("жовтня", 10),
    ("жовтень", 10),
    ("жовт", 10),
    ("листопада", 11),
    ("листопад", 11),
    ("лист", 11),
    ("грудня", 12),
    ("грудень", 12),
    ("груд", 12),
    // Russian
    ("января", 1),
    ("январь", 1),
    ("янв", 1),
    ("февраля", 2),
    ("февраль", 2),
    ("фев", 2),
    ("февр", 2),
    ("марта", 3),
    ("март", 3),
    ("мар", 3),
    ("апреля", 4),
    ("апрель", 4),
    ("апр", 4),
    ("мая", 5),
    ("май", 5),
    ("июня", 6),
    ("июнь", 6),
    ("июн", 6),
    ("июля", 7),
    ("июль", 7),
    ("июл", 7),
    ("августа", 8),
    ("август", 8),
    ("авг", 8),
    ("сентября", 9),
    ("сентябрь", 9),
    ("сен", 9),
    ("сент", 9),
    ("октября", 10),
    ("октябрь", 10),
    ("окт", 10),
    ("ноября", 11),
    ("ноябрь", 11),
    ("ноя", 11),
    ("нояб", 11),
    ("декабря", 12),
    ("декабрь", 12),
    ("дек", 12),
    // Spanish
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("jän", 1),
    ("februar", 2),
    ("märz", 3),
    ("mär", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("févr", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("déc", 12),
    // Polish: genitive and nominative
    ("stycznia", 1),
    ("styczeń", 1),
    ("sty", 1),
    ("lutego", 2),
    ("luty", 2),
    ("lut", 2),
    ("marca", 3),
    ("marzec", 3),
    ("kwietnia", 4),
    ("kwiecień", 4),
    ("kwi", 4),
    ("maja", 5),
    ("maj", 5),
    ("czerwca", 6),
    ("czerwiec", 6),
    ("cze", 6),
    ("lipca", 7),
    ("lipiec", 7),
    ("lip", 7),
    ("sierpnia", 8),
    ("sierpień", 8),
    ("sie", 8),
    ("września", 9),
    ("wrzesień", 9),
    ("wrz", 9),
    ("października", 10),
    ("październik", 10),
    ("paź", 10),
    ("listopada", 11),
    ("listopad", 11),
    ("lis", 11),
    ("grudnia", 12),
    ("grudzień", 12),
    ("gru", 12),
    // Italian
    ("gennaio", 1),
    ("gen", 1),
    ("febbraio", 2),
    ("marzo", 3),
    ("aprile", 4),
    ("maggio", 5),
    ("mag", 5),
    ("giugno", 6),
    ("giu", 6),
    ("luglio", 7),
    ("lug", 7),
    ("settembre", 9),
    ("set", 9),
    ("ottobre", 10),
    ("ott", 10),
    ("dicembre", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("fev", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("out", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("okt", 10),
];

/// The month a word names (any case, with or without a trailing period), if any.
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == w).map(|&(_, m)| m)
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
