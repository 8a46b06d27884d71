//! Day arithmetic on the proleptic Gregorian calendar (days since 1970-01-01).

use parallax_model::PartialDate;

/// Days since 1970-01-01 of a calendar day (Howard Hinnant's `days_from_civil`).
pub(crate) fn to_days(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar day of a day number.
pub(crate) fn from_days(z: i64) -> Option<PartialDate> {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = y + i64::from(m <= 2);
    PartialDate::ymd(i32::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

/// Day number of a full date.
pub(crate) fn day_number(d: &PartialDate) -> Option<i64> {
    Some(to_days(d.year, d.month?, d.day?))
}

/// ISO weekday of a day number: 1 = Monday … 7 = Sunday.
pub(crate) fn weekday(z: i64) -> u8 {
    // 1970-01-01 was a Thursday.
    u8::try_from((z + 3).rem_euclid(7) + 1).unwrap_or(1)
}

/// The month `delta` months from `year`-`month`.
pub(crate) fn add_months(year: i32, month: u8, delta: i32) -> Option<PartialDate> {
    let idx = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(delta);
    let y = i32::try_from(idx.div_euclid(12)).ok()?;
    let m = u8::try_from(idx.rem_euclid(12) + 1).ok()?;
    PartialDate::ym(y, m)
}

/// What is known of the Monday-to-Sunday week holding day `z`: its month when the whole week lies
/// in one month, else its year when it lies in one year, else nothing. A week is never turned into
/// a day: that would invent precision the text does not have.
pub(crate) fn week_of(z: i64) -> Option<PartialDate> {
    let monday = z - i64::from(weekday(z)) + 1;
    let (a, b) = (from_days(monday)?, from_days(monday + 6)?);
    if a.year != b.year {
        None
    } else if a.month == b.month {
        PartialDate::ym(a.year, a.month?)
    } else {
        PartialDate::y(a.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2025, 10, 26), (2024, 12, 31), (1900, 3, 1)]
        {
            let z = to_days(y, m, d);
            assert_eq!(from_days(z), PartialDate::ymd(y, m, d));
        }
        assert_eq!(weekday(to_days(2025, 10, 26)), 7);
        assert_eq!(weekday(to_days(2025, 10, 31)), 5);
        assert_eq!(add_months(2025, 1, -1), PartialDate::ym(2024, 12));
        assert_eq!(week_of(to_days(2025, 10, 22)), PartialDate::ym(2025, 10));
        assert_eq!(week_of(to_days(2025, 10, 29)), PartialDate::y(2025));
        assert_eq!(week_of(to_days(2025, 12, 31)), None);
    }
}
