//! The bewaartermijn: how long a closed case is kept. Counted in school years, which start on
//! 1 August: a case closed in school year 2024-2025 (1-8-2024 up to 31-7-2025) is past a
//! retention of 2 school years from 1-8-2027, when two whole school years have followed the
//! one in which it closed.

use chrono::{Datelike, NaiveDate};

/// The default: 2 school years after the school year of closing.
pub const DEFAULT_YEARS: u32 = 2;
/// A longer setting is refused: it is a typing error rather than a policy.
pub const MAX_YEARS: u32 = 20;

/// The first day on which a case closed on `closed` is past `years` school years.
pub fn erasable_from(closed: NaiveDate, years: u32) -> NaiveDate {
    // The school year of `closed` ends on 31 July of this year.
    let ends = if closed.month() >= 8 {
        closed.year() + 1
    } else {
        closed.year()
    };
    let year = ends.saturating_add(i32::try_from(years).unwrap_or(i32::MAX));
    NaiveDate::from_ymd_opt(year, 8, 1).unwrap_or(NaiveDate::MAX)
}

/// Whether a case closed on `closed` is past retention on `today`.
pub fn is_past(closed: NaiveDate, years: u32, today: NaiveDate) -> bool {
    today >= erasable_from(closed, years)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_last_day_of_a_school_year_and_the_first_of_the_next_differ_by_a_year() {
        assert_eq!(erasable_from(date(2025, 7, 31), 2), date(2027, 8, 1));
        assert_eq!(erasable_from(date(2025, 8, 1), 2), date(2028, 8, 1));
        assert_eq!(erasable_from(date(2024, 9, 3), 2), date(2027, 8, 1));
    }

    #[test]
    fn past_retention_from_the_first_of_august_not_the_day_before() {
        let closed = date(2025, 3, 12);
        assert!(!is_past(closed, 2, date(2027, 7, 31)));
        assert!(is_past(closed, 2, date(2027, 8, 1)));
        assert!(!is_past(closed, 3, date(2027, 8, 1)));
        assert!(
            is_past(closed, 0, date(2025, 8, 1)),
            "0: at the end of its year"
        );
    }
}
