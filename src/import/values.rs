//! One row's text to a pupil's values, or the reason it cannot be one.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Field, Incoming};

/// A row as the file gives it, before any checking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawRow {
    pub line: usize,
    pub first_name: String,
    pub prefix: Option<String>,
    pub last_name: String,
    pub groep: String,
    pub birth_date: String,
    pub teacher: Option<String>,
}

/// Why a row is not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", content = "value", rename_all = "snake_case")]
pub enum Reason {
    EmptyFirstName,
    EmptyLastName,
    EmptyBirthDate,
    /// Not a date in any of the forms accepted.
    BadDate(String),
    /// A date that does not exist (31-02-2016).
    ImpossibleDate(String),
    /// Not groep 1 to 8 (empty, "9", "1/2").
    BadGroep(String),
    /// The same pupil (name and date of birth) as the row on that line.
    SameAsLine(usize),
    /// Two pupils in otter have this name and date of birth: which one is meant is unclear.
    FitsTwoPupils(String),
    /// The CSV reader could not read the row.
    Unreadable(String),
    /// A name holds a control character (an escape that would clear a terminal); the value
    /// as shown (`text::visible`).
    ControlCharacter(Field, String),
    /// A name holds a byte that is not UTF-8 in a file that otherwise is; the value with the
    /// replacement character where the byte was.
    NotUtf8(Field, String),
    /// A quote opened at the start of a cell and never closed on its line: the cell runs on
    /// over the rows up to this line, which are read as part of it.
    UnclosedQuote(usize),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadRow {
    pub line: usize,
    #[serde(flatten)]
    pub reason: Reason,
}

/// Names trimmed, with inner runs of spaces made one: administrations pad fields.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn check(raw: Result<RawRow, BadRow>) -> Result<Incoming, BadRow> {
    let raw = raw?;
    let bad = |reason| BadRow {
        line: raw.line,
        reason,
    };
    let names = [
        (Field::FirstName, Some(&raw.first_name)),
        (Field::Prefix, raw.prefix.as_ref()),
        (Field::LastName, Some(&raw.last_name)),
        (Field::Teacher, raw.teacher.as_ref()),
    ];
    for (field, value) in names {
        let value = clean(value.map_or("", String::as_str));
        // After `clean`, which made tabs and line ends spaces, any control left is refused:
        // a name is shown on every screen and list, and the file is the place to correct it.
        if value.chars().any(crate::text::is_unsafe) {
            let shown = crate::text::visible(&value).into_owned();
            return Err(bad(Reason::ControlCharacter(field, shown)));
        }
        if value.contains(char::REPLACEMENT_CHARACTER) {
            return Err(bad(Reason::NotUtf8(field, value)));
        }
    }
    let first_name = clean(&raw.first_name);
    if first_name.is_empty() {
        return Err(bad(Reason::EmptyFirstName));
    }
    let last_name = clean(&raw.last_name);
    if last_name.is_empty() {
        return Err(bad(Reason::EmptyLastName));
    }
    let birth_date = birth_date(&raw.birth_date).map_err(bad)?;
    let groep = groep(&raw.groep).ok_or_else(|| bad(Reason::BadGroep(clean(&raw.groep))))?;
    Ok(Incoming {
        line: raw.line,
        first_name,
        prefix: raw.prefix.as_deref().map(clean),
        last_name,
        groep,
        birth_date,
        teacher: raw.teacher.as_deref().map(clean),
    })
}

/// Groep 1 to 8 as administrations write it: `5`, `groep 5`, `5B`, `Groep 8a`, `jaargroep 3`.
pub fn groep(text: &str) -> Option<u8> {
    let text = text.trim().to_lowercase();
    let rest = ["jaargroep", "groep", "group", "grade", "klas"]
        .iter()
        .find_map(|word| text.strip_prefix(word))
        .unwrap_or(&text)
        .trim_start();
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, suffix) = rest.split_at(digits_end);
    // One letter after the number names a parallel group (5B); anything else is not a groep.
    let suffix_ok = suffix.is_empty()
        || (suffix.chars().count() == 1 && suffix.chars().all(char::is_alphabetic));
    if digits.is_empty() || digits.len() > 2 || !suffix_ok {
        return None;
    }
    digits.parse::<u8>().ok().filter(|g| (1..=8).contains(g))
}

/// A date of birth as Dutch files write it: `dd-mm-jjjj`, `d-m-jjjj`, `dd/mm/jjjj`,
/// `dd.mm.jjjj` or `jjjj-mm-dd` (EDEXML's form). Two-digit years are refused: 01-02-16 could
/// be two centuries.
pub fn birth_date(text: &str) -> Result<NaiveDate, Reason> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Reason::EmptyBirthDate);
    }
    let unrecognised = || Reason::BadDate(text.to_string());
    // Spreadsheets add a time to a date ("14-03-2017 00:00"); the day is what counts.
    let day_part = text.split([' ', 'T']).next().unwrap_or(text);
    let parts: Vec<&str> = day_part.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(unrecognised());
    };
    let number = |part: &str, max_len: usize| {
        (!part.is_empty() && part.len() <= max_len && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (year, month, day) = if a.len() == 4 {
        (number(a, 4), number(b, 2), number(c, 2))
    } else if c.len() == 4 {
        (number(c, 4), number(b, 2), number(a, 2))
    } else {
        return Err(unrecognised());
    };
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err(unrecognised());
    };
    let year = i32::try_from(year).map_err(|_| unrecognised())?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| Reason::ImpossibleDate(text.into()))
}
