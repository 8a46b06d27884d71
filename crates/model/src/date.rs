//! Calendar dates that may be known only to the month or the year.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A date known to the day, the month or only the year: `2025-10-31`, `2025-10`, `2025`.
///
/// News often gives less than a full date ("in October", "last year"); Parallax keeps exactly what
/// the text supports rather than inventing a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// A full date, or `None` when it is not a real calendar day (Feb 30, month 13...).
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        (valid_year(year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(PartialDate { year, month: Some(month), day: Some(day) })
    }

    pub fn ym(year: i32, month: u8) -> Option<Self> {
        (valid_year(year) && (1..=12).contains(&month)).then_some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    pub fn y(year: i32) -> Option<Self> {
        valid_year(year).then_some(PartialDate { year, month: None, day: None })
    }

    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }
}

fn valid_year(year: i32) -> bool {
    (1000..=2999).contains(&year)
}

/// Days in `month` of `year` (Gregorian).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// The error for a string that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date (want YYYY-MM-DD, YYYY-MM or YYYY): {0:?}")]
pub struct BadDate(pub String);

impl FromStr for PartialDate {
    type Err = BadDate;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadDate(s.to_string());
        let mut parts = s.trim().splitn(3, '-');
        let year: i32 = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let month: Option<u8> = match parts.next() {
            Some(p) => Some(p.parse().map_err(|_| bad())?),
            None => None,
        };
        let day: Option<u8> = match parts.next() {
            Some(p) => Some(p.parse().map_err(|_| bad())?),
            None => None,
        };
        match (month, day) {
            (Some(m), Some(d)) => PartialDate::ymd(year, m, d),
            (Some(m), None) => PartialDate::ym(year, m),
            _ => PartialDate::y(year),
        }
        .ok_or_else(bad)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_each_precision() {
        for s in ["2025-10-31", "2025-10", "2025", "2024-02-29"] {
            assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn rejects_impossible_days() {
        assert!(PartialDate::ymd(2025, 2, 29).is_none());
        assert!(PartialDate::ymd(2025, 4, 31).is_none());
        assert!("2025-13".parse::<PartialDate>().is_err());
        assert!("October".parse::<PartialDate>().is_err());
    }
}
