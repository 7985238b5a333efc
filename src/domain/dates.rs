//! Dutch dates: `di 12-11-2026` on screen, and the short forms an IB types
//! (`12-12`, `vr`, `+2w`, `volgende ot`).

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use crate::lang::Lang;

const WEEKDAY_WORDS: [(&str, Weekday); 14] = [
    ("maandag", Weekday::Mon),
    ("dinsdag", Weekday::Tue),
    ("woensdag", Weekday::Wed),
    ("donderdag", Weekday::Thu),
    ("vrijdag", Weekday::Fri),
    ("zaterdag", Weekday::Sat),
    ("zondag", Weekday::Sun),
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// `di 12-11-2026` (or `Tue 12-11-2026`).
pub fn format_day(date: NaiveDate, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.texts().weekdays[date.weekday().num_days_from_monday() as usize],
        format_date(date)
    )
}

/// `12-11-2026`: the form spreadsheets and letters use.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("empty date")]
    Empty,
    /// Looks like a date but no such day exists (31-02-2027).
    #[error("no such day: {0}")]
    Impossible(String),
    #[error("not a date: {0}")]
    Unrecognised(String),
    #[error("no next meeting is planned")]
    NoNextMeeting,
}

/// What relative dates are relative to.
#[derive(Debug, Clone, Copy)]
pub struct DateContext {
    pub today: NaiveDate,
    pub next_meeting: Option<NaiveDate>,
}

/// Parses what a person types for a date. Relative forms never return a day in the past.
pub fn parse_date(input: &str, context: DateContext) -> Result<NaiveDate, DateError> {
    let text = input.trim().to_lowercase();
    let today = context.today;
    match text.as_str() {
        "" => return Err(DateError::Empty),
        "vandaag" | "today" => return Ok(today),
        "morgen" | "tomorrow" => return Ok(today + Duration::days(1)),
        "volgende ot" | "volgend ot" | "next ot" | "next meeting" => {
            return context.next_meeting.ok_or(DateError::NoNextMeeting);
        }
        _ => {}
    }
    // A day as otter writes it ("ma 23-11-2026", what a prompt offers to edit): the date
    // decides, and a weekday that is not its own is a slip, refused rather than guessed.
    if let Some((first, rest)) = text.split_once(char::is_whitespace)
        && let Some(weekday) = weekday_named(first)
    {
        let date = numeric(rest.trim(), today, input.trim())?;
        return if date.weekday() == weekday {
            Ok(date)
        } else {
            Err(DateError::Unrecognised(input.trim().to_string()))
        };
    }
    if let Some(weekday) = weekday_named(&text) {
        let ahead =
            (7 + weekday.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        // "vr" on a Friday means next Friday: a due date today is rarely what is meant.
        let ahead = if ahead == 0 { 7 } else { ahead };
        return Ok(today + Duration::days(i64::from(ahead)));
    }
    if let Some(offset) = text.strip_prefix('+') {
        return relative(offset, today).ok_or(DateError::Unrecognised(input.trim().to_string()));
    }
    numeric(&text, today, input.trim())
}

/// A time of day as people type it: `8:30`, `08.30`, `0830`, or just the hour `9`.
pub fn parse_time(input: &str) -> Option<NaiveTime> {
    let text = input.trim().replace('.', ":");
    let (hour, minute) = match text.split_once(':') {
        Some((hour, minute)) => (hour, minute),
        // Not on a character's edge is not a time either (`Ƹ1`): the slice would panic.
        None if text.len() > 2 => text.split_at_checked(text.len() - 2)?,
        None => (text.as_str(), "0"),
    };
    let number = |part: &str| {
        (!part.is_empty() && part.len() <= 2 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    NaiveTime::from_hms_opt(number(hour)?, number(minute)?, 0)
}

fn weekday_named(text: &str) -> Option<Weekday> {
    // Both languages' short names are accepted whatever the UI language.
    for lang in [Lang::Nl, Lang::En] {
        let names = lang.texts().weekdays;
        if let Some(index) = names.iter().position(|name| name.to_lowercase() == text) {
            return Weekday::try_from(index as u8).ok();
        }
    }
    WEEKDAY_WORDS
        .iter()
        .find(|(word, _)| *word == text)
        .map(|&(_, day)| day)
}

fn relative(offset: &str, today: NaiveDate) -> Option<NaiveDate> {
    let unit_at = offset.find(|c: char| !c.is_ascii_digit())?;
    let (count, unit) = offset.split_at(unit_at);
    let count: i64 = count.parse().ok().filter(|&n| n <= 3650)?;
    let days = match unit.trim() {
        "d" | "dag" | "dagen" | "day" | "days" => count,
        "w" | "wk" | "week" | "weken" | "weeks" => count * 7,
        "m" | "mnd" | "maand" | "maanden" | "month" | "months" => {
            let months = u32::try_from(count).ok()?;
            return today.checked_add_months(chrono::Months::new(months));
        }
        _ => return None,
    };
    today.checked_add_signed(Duration::days(days))
}

fn numeric(text: &str, today: NaiveDate, original: &str) -> Result<NaiveDate, DateError> {
    let unrecognised = || DateError::Unrecognised(original.to_string());
    let impossible = || DateError::Impossible(original.to_string());
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 4)
    {
        return Err(unrecognised());
    }
    let number = |p: &str| p.parse::<u32>().map_err(|_| unrecognised());
    match parts.as_slice() {
        [year, month, day] if year.len() == 4 => {
            let (y, m, d) = (number(year)? as i32, number(month)?, number(day)?);
            NaiveDate::from_ymd_opt(y, m, d).ok_or_else(impossible)
        }
        [day, month, year] if year.len() == 4 || year.len() == 2 => {
            let mut y = number(year)? as i32;
            if year.len() == 2 {
                y += 2000;
            }
            NaiveDate::from_ymd_opt(y, number(month)?, number(day)?).ok_or_else(impossible)
        }
        [day, month] => {
            let (d, m) = (number(day)?, number(month)?);
            // The next such day from today: "12-12" typed in November is this December, and
            // "29-02" the next leap day.
            (today.year()..=today.year() + 4)
                .filter_map(|year| NaiveDate::from_ymd_opt(year, m, d))
                .find(|&date| date >= today)
                .ok_or_else(impossible)
        }
        _ => Err(unrecognised()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A due date otter shows ("ma 23-11-2026", the prompt's pre-filled answer) is read back
    /// as that day; a weekday that is not the date's is refused, not guessed.
    #[test]
    fn a_day_as_otter_writes_it_is_read_back() {
        for lang in [Lang::Nl, Lang::En] {
            for offset in 0..14 {
                let date = day(2026, 11, 23) + Duration::days(offset);
                let shown = format_day(date, lang);
                assert_eq!(parse_date(&shown, context()), Ok(date), "{shown}");
            }
        }
        assert_eq!(parse_date("  Ma 23-11 ", context()), Ok(day(2026, 11, 23)));
        for wrong in ["di 23-11-2026", "Tue 23-11-2026", "ma", "ma ma 23-11-2026"] {
            let read = parse_date(wrong, context());
            assert!(read != Ok(day(2026, 11, 23)), "{wrong}: {read:?}");
        }
    }

    /// Monday 23 November 2026.
    fn context() -> DateContext {
        DateContext {
            today: day(2026, 11, 23),
            next_meeting: Some(day(2026, 12, 8)),
        }
    }

    fn parse(text: &str) -> Result<NaiveDate, DateError> {
        parse_date(text, context())
    }

    #[test]
    fn formats_dutch_and_english() {
        assert_eq!(format_day(day(2026, 11, 12), Lang::Nl), "do 12-11-2026");
        assert_eq!(format_day(day(2026, 11, 10), Lang::Nl), "di 10-11-2026");
        assert_eq!(format_day(day(2026, 11, 10), Lang::En), "Tue 10-11-2026");
    }

    #[test]
    fn full_and_short_numeric_dates() {
        assert_eq!(parse("12-12-2026"), Ok(day(2026, 12, 12)));
        assert_eq!(parse("1-2-27"), Ok(day(2027, 2, 1)));
        assert_eq!(parse("2027-03-04"), Ok(day(2027, 3, 4)));
        assert_eq!(parse("12-12"), Ok(day(2026, 12, 12)));
        assert_eq!(
            parse("01-09"),
            Ok(day(2027, 9, 1)),
            "a day already past means next year"
        );
        assert_eq!(parse("29-02"), Ok(day(2028, 2, 29)));
    }

    #[test]
    fn impossible_and_unreadable_dates_are_refused() {
        assert_eq!(
            parse("31-02-2027"),
            Err(DateError::Impossible("31-02-2027".into()))
        );
        assert_eq!(parse("32-1"), Err(DateError::Impossible("32-1".into())));
        assert_eq!(
            parse("morgenochtend"),
            Err(DateError::Unrecognised("morgenochtend".into()))
        );
        assert_eq!(
            parse("12--2026"),
            Err(DateError::Unrecognised("12--2026".into()))
        );
        assert_eq!(parse("  "), Err(DateError::Empty));
        assert!(parse("+99999999999d").is_err());
    }

    #[test]
    fn times_as_people_type_them() {
        let time = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_time("8:30"), time(8, 30));
        assert_eq!(parse_time(" 08.30 "), time(8, 30));
        assert_eq!(parse_time("1415"), time(14, 15));
        assert_eq!(parse_time("9"), time(9, 0));
        for wrong in ["", "25:00", "8:60", "8:3x", "half negen", "12345", ":30"] {
            assert_eq!(parse_time(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn relative_forms() {
        assert_eq!(parse("vr"), Ok(day(2026, 11, 27)));
        assert_eq!(parse("Vrijdag"), Ok(day(2026, 11, 27)));
        assert_eq!(
            parse("ma"),
            Ok(day(2026, 11, 30)),
            "today's weekday means next week"
        );
        assert_eq!(parse("+2w"), Ok(day(2026, 12, 7)));
        assert_eq!(parse("+10d"), Ok(day(2026, 12, 3)));
        assert_eq!(parse("+1m"), Ok(day(2026, 12, 23)));
        assert_eq!(parse("morgen"), Ok(day(2026, 11, 24)));
        assert_eq!(parse("volgende ot"), Ok(day(2026, 12, 8)));
        let without_meeting = DateContext {
            next_meeting: None,
            ..context()
        };
        assert_eq!(
            parse_date("volgende ot", without_meeting),
            Err(DateError::NoNextMeeting)
        );
    }

    /// Found by the fuzzer (fuzz/artifacts/dates-crash-cc93e09…): a time typed with a letter
    /// beyond ASCII before its last two bytes panicked on a slice inside the letter.
    #[test]
    fn a_time_with_a_wide_letter_is_refused_not_a_panic() {
        assert_eq!(parse_time("Ƹ1"), None);
        assert_eq!(parse_time("1-Ƹ \0\0\x0c"), None);
        assert_eq!(parse_time("8é"), None);
    }
}
