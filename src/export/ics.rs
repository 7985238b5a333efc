//! Actions and meetings as iCalendar (RFC 5545), written by hand: it is a small format, and a
//! crate for it would bring more than it saves. Each action is an all-day event on its due
//! date (calendars import events everywhere; to-dos only in some), each planned meeting an
//! event at its time. UIDs come from the record numbers, so importing a newer export updates
//! the entries instead of adding them twice.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::domain::ActionStatus;
use crate::domain::dates::format_date;
use crate::i18n::{Lang, capitalised};
use crate::query::calendar::{Calendar, CalendarAction, CalendarMeeting};

/// How long a meeting without an agenda is put in the calendar for.
const DEFAULT_MINUTES: u32 = 90;

pub fn write(calendar: &Calendar, lang: Lang, stamp: NaiveDateTime) -> String {
    let t = lang.texts();
    let mut out = String::new();
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//otter//otter//NL");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(
        &mut out,
        &format!("X-WR-CALNAME:{}", text(t.export_calendar_name)),
    );
    for meeting in &calendar.meetings {
        self::meeting(&mut out, meeting, lang, &stamp);
    }
    for action in &calendar.actions {
        self::action(&mut out, action, lang, &stamp);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn action(out: &mut String, action: &CalendarAction, lang: Lang, stamp: &str) {
    let t = lang.texts();
    let mut summary = action.text.clone();
    if !action.pupil.is_empty() {
        summary = format!("{summary} ({})", action.pupil);
    }
    if matches!(action.status, ActionStatus::Done { .. }) {
        summary = format!("✓ {summary}");
    }
    let mut description = vec![
        format!("{}: {}", capitalised(t.col_owner), action.owner),
        format!(
            "{}: {}",
            capitalised(t.col_status),
            t.status(&action.status)
        ),
    ];
    if !action.pupil.is_empty() {
        description.insert(1, format!("{}: {}", capitalised(t.col_pupil), action.pupil));
    }
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:action-{}@otter", action.id));
    line(out, &format!("DTSTAMP:{stamp}"));
    line(
        out,
        &format!("DTSTART;VALUE=DATE:{}", ical_date(action.due)),
    );
    let after = action.due + Duration::days(1);
    line(out, &format!("DTEND;VALUE=DATE:{}", ical_date(after)));
    line(out, &format!("SUMMARY:{}", text(&summary)));
    line(
        out,
        &format!("DESCRIPTION:{}", text(&description.join("\n"))),
    );
    let status = match action.status {
        ActionStatus::Dropped { .. } => "CANCELLED",
        _ => "CONFIRMED",
    };
    line(out, &format!("STATUS:{status}"));
    // An action is a reminder, not an appointment: it does not make anyone look busy.
    line(out, "TRANSP:TRANSPARENT");
    line(out, &format!("CATEGORIES:{}", text(t.kind_action)));
    line(out, "END:VEVENT");
}

fn meeting(out: &mut String, meeting: &CalendarMeeting, lang: Lang, stamp: &str) {
    let t = lang.texts();
    let start = meeting.date.and_time(meeting.time);
    let minutes = if meeting.minutes == 0 {
        DEFAULT_MINUTES
    } else {
        meeting.minutes
    };
    let end = start + Duration::minutes(i64::from(minutes));
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:meeting-{}@otter", meeting.id));
    line(out, &format!("DTSTAMP:{stamp}"));
    // Floating local time: the school's clock, wherever the calendar is read.
    line(out, &format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")));
    line(out, &format!("DTEND:{}", end.format("%Y%m%dT%H%M%S")));
    line(
        out,
        &format!("SUMMARY:{}", text(t.meeting_kind(meeting.kind))),
    );
    if !meeting.place.is_empty() {
        line(out, &format!("LOCATION:{}", text(&meeting.place)));
    }
    line(
        out,
        &format!(
            "DESCRIPTION:{}",
            text(&(t.export_meeting_on)(&format_date(meeting.date)))
        ),
    );
    line(out, "STATUS:CONFIRMED");
    line(out, "END:VEVENT");
}

fn ical_date(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, `;`, `,` and line breaks escaped.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets (RFC 5545 §3.1) without splitting a character, and
/// ended by CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        // The first line holds 75 octets; a continuation line 74 after its leading space.
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_escape_separators_and_line_breaks() {
        assert_eq!(text("a, b; c\\d\ne\r\nf"), "a\\, b\\; c\\\\d\\ne\\nf");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é".repeat(60));
        line(&mut out, &long);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
    }
}
