//! When the demo OT met: every six weeks for the school, three times a week for the stress
//! database, never in a school holiday, always before `today`.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use super::phrases::{PLACES, TIMES};
use super::rng::Rng;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rhythm {
    SixWeekly,
    ThriceWeekly,
}

#[derive(Debug, Clone)]
pub struct Slot {
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub place: &'static str,
}

/// Herfst, kerst, krokus, mei and zomer, by ISO week: close enough for every region.
pub fn is_holiday(date: NaiveDate) -> bool {
    matches!(date.iso_week().week(), 1 | 9 | 18 | 29..=34 | 43 | 52 | 53)
}

/// The last school day on or before `date`: no weekend, no holiday.
pub fn school_day_before(mut date: NaiveDate) -> NaiveDate {
    while is_holiday(date) || matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        date -= Duration::days(1);
    }
    date
}

/// The first school day on or after `date`.
pub fn school_day_after(mut date: NaiveDate) -> NaiveDate {
    while is_holiday(date) || matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        date += Duration::days(1);
    }
    date
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// Offsets from Monday of the days the stress OT meets: ma, di, do.
const THRICE: [i64; 3] = [0, 1, 3];

/// `count` meeting days before `today`, oldest first.
pub fn closed_days(
    rng: &mut Rng,
    today: NaiveDate,
    count: usize,
    rhythm: Rhythm,
) -> Vec<NaiveDate> {
    let mut days = Vec::with_capacity(count);
    match rhythm {
        Rhythm::SixWeekly => {
            // Three weeks back, so that the next meeting six weeks on is still to come.
            let mut week = monday_of(today - Duration::days(21));
            while days.len() < count {
                while is_holiday(week) {
                    week -= Duration::days(7);
                }
                let weekday = if rng.chance(0.5) { 1 } else { 3 };
                days.push(week + Duration::days(weekday));
                week -= Duration::days(42);
            }
        }
        Rhythm::ThriceWeekly => {
            let mut week = monday_of(today);
            while days.len() < count {
                if !is_holiday(week) {
                    for offset in THRICE.iter().rev() {
                        let day = week + Duration::days(*offset);
                        if day < today && days.len() < count {
                            days.push(day);
                        }
                    }
                }
                week -= Duration::days(7);
            }
        }
    }
    days.reverse();
    days
}

/// The next meeting after the last closed one: after `today`, outside the holidays.
pub fn planned_day(last: NaiveDate, today: NaiveDate, rhythm: Rhythm) -> NaiveDate {
    match rhythm {
        Rhythm::SixWeekly => {
            let mut week = monday_of(last) + Duration::days(42);
            while is_holiday(week) || week + Duration::days(1) <= today {
                week += Duration::days(7);
            }
            week + Duration::days(1)
        }
        Rhythm::ThriceWeekly => {
            let mut day = today + Duration::days(1);
            let meets =
                |d: NaiveDate| THRICE.contains(&i64::from(d.weekday().num_days_from_monday()));
            while is_holiday(day) || !meets(day) {
                day += Duration::days(1);
            }
            day
        }
    }
}

pub fn slot(rng: &mut Rng, date: NaiveDate) -> Slot {
    let (hour, minute) = *rng.pick(TIMES);
    let weights: Vec<u32> = PLACES.iter().map(|(_, w)| *w).collect();
    Slot {
        date,
        time: NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default(),
        place: PLACES[rng.weighted(&weights)].0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn six_weekly_days_are_weekdays_before_today_outside_holidays() {
        for today in [
            day(2026, 11, 23),
            day(2026, 9, 1),
            day(2027, 1, 6),
            day(2026, 8, 15),
        ] {
            let days = closed_days(&mut Rng::new(1), today, 17, Rhythm::SixWeekly);
            assert_eq!(days.len(), 17);
            for pair in days.windows(2) {
                let gap = (pair[1] - pair[0]).num_days();
                assert!((40..=80).contains(&gap), "{pair:?}");
            }
            for d in &days {
                assert!(matches!(d.weekday(), Weekday::Tue | Weekday::Thu));
                assert!(!is_holiday(*d) && *d < today);
            }
            let next = planned_day(*days.last().unwrap(), today, Rhythm::SixWeekly);
            assert!(next > today && !is_holiday(next), "{today} {next}");
        }
    }

    #[test]
    fn thrice_weekly_days_are_distinct_and_before_today() {
        let today = day(2026, 11, 23);
        let days = closed_days(&mut Rng::new(1), today, 700, Rhythm::ThriceWeekly);
        assert!(days.windows(2).all(|p| p[0] < p[1]));
        assert!(*days.last().unwrap() < today);
        assert!(planned_day(*days.last().unwrap(), today, Rhythm::ThriceWeekly) > today);
    }
}
