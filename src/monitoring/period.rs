//! The span a report is about: a school year, one of its terms, or two days typed.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// From and to, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A calendar month, the step of the series behind the charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    pub fn first(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last(self) -> NaiveDate {
        self.next().first().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }
}

/// Dutch primary schools count their year from 1 August; the three terms (the termly reports
/// a school leader writes) end at Christmas, at the end of March and with the summer.
pub const TERMS: [(u32, u32); 3] = [(8, 12), (1, 3), (4, 7)];

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    /// The school year that starts on 1 August of `start`.
    pub fn school_year(start: i32) -> Option<Period> {
        Period::new(
            NaiveDate::from_ymd_opt(start, 8, 1)?,
            NaiveDate::from_ymd_opt(start + 1, 7, 31)?,
        )
    }

    /// Term 1, 2 or 3 of the school year that starts in `start`.
    pub fn term(start: i32, term: u8) -> Option<Period> {
        let (first, last) = *TERMS.get(usize::from(term).checked_sub(1)?)?;
        let year = |month: u32| if month >= 8 { start } else { start + 1 };
        let from = NaiveDate::from_ymd_opt(year(first), first, 1)?;
        let to = Month {
            year: year(last),
            month: last,
        }
        .last();
        Period::new(from, to)
    }

    /// The start year of the school year `day` falls in.
    pub fn school_year_of(day: NaiveDate) -> i32 {
        if day.month() >= 8 {
            day.year()
        } else {
            day.year() - 1
        }
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// The period's months, the first and last possibly partial.
    pub fn months(self) -> Vec<Month> {
        let mut months = Vec::new();
        let mut month = Month::of(self.from);
        while month <= Month::of(self.to) {
            months.push(month);
            month = month.next();
        }
        months
    }

    /// The one rule for what a report counts, on the screen and on the command line alike: a
    /// period running now ends today, and one that has not begun has nothing to count (None).
    pub fn as_of(self, today: NaiveDate) -> Option<Period> {
        (self.from <= today).then(|| self.until(today))
    }

    /// The same period cut off at `today`: what has not happened yet is not counted as absent.
    pub fn until(self, today: NaiveDate) -> Period {
        Period {
            from: self.from,
            to: self.to.min(today).max(self.from),
        }
    }
}

/// `day` plus `months` calendar months, the end of a month where the day does not exist.
pub fn add_months(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn terms_cover_the_school_year_without_gaps() {
        let year = Period::school_year(2025).unwrap();
        let terms: Vec<Period> = (1..=3).map(|t| Period::term(2025, t).unwrap()).collect();
        assert_eq!(terms[0].from, year.from);
        assert_eq!(terms[0].to, day(2025, 12, 31));
        assert_eq!(terms[1].from, day(2026, 1, 1));
        assert_eq!(terms[1].to, day(2026, 3, 31));
        assert_eq!(terms[2].from, day(2026, 4, 1));
        assert_eq!(terms[2].to, year.to);
        assert_eq!(Period::term(2025, 0), None);
        assert_eq!(Period::term(2025, 4), None);
    }

    #[test]
    fn the_school_year_turns_on_the_first_of_august() {
        assert_eq!(Period::school_year_of(day(2026, 7, 31)), 2025);
        assert_eq!(Period::school_year_of(day(2026, 8, 1)), 2026);
    }

    #[test]
    fn months_run_from_the_first_to_the_last() {
        let p = Period::new(day(2025, 11, 15), day(2026, 2, 3)).unwrap();
        let months: Vec<(i32, u32)> = p.months().iter().map(|m| (m.year, m.month)).collect();
        assert_eq!(months, vec![(2025, 11), (2025, 12), (2026, 1), (2026, 2)]);
        assert_eq!(Month::of(day(2024, 2, 10)).last(), day(2024, 2, 29));
        assert_eq!(add_months(day(2025, 1, 31), 1), day(2025, 2, 28));
    }

    #[test]
    fn a_running_period_ends_today_and_a_future_one_is_not_counted() {
        let today = day(2026, 12, 7);
        let year = Period::school_year(2026).unwrap();
        assert_eq!(year.as_of(today), Period::new(day(2026, 8, 1), today));
        let past = Period::school_year(2025).unwrap();
        assert_eq!(past.as_of(today), Some(past));
        assert_eq!(Period::term(2026, 2).unwrap().as_of(today), None);
        assert_eq!(
            Period::new(today, today).unwrap().as_of(today),
            Period::new(today, today)
        );
    }
}
