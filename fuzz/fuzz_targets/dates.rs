//! Anything typed as a date or a time, on any day: a date, a time or a refusal; never a panic.
#![no_main]

use chrono::{Duration, NaiveDate};
use libfuzzer_sys::fuzz_target;
use otter::domain::dates::{DateContext, parse_date, parse_time};

fuzz_target!(|input: (&str, i32, Option<u16>)| {
    let (text, offset, next) = input;
    let base = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    // Any day within some 5,000 years, near chrono's ends included.
    let Some(today) = base.checked_add_signed(Duration::days(i64::from(offset % 2_000_000))) else {
        return;
    };
    let next_meeting = next.and_then(|days| today.checked_add_signed(Duration::days(days.into())));
    let context = DateContext {
        today,
        next_meeting,
    };
    let _ = parse_date(text, context);
    let _ = parse_time(text);
});
