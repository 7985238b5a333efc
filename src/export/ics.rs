//! Actions and meetings as iCalendar (RFC 5545), written by hand: it is a small format, and a
//! crate for it would bring more than it saves. Each action is an all-day event on its due
//! date (calendars import events everywhere; to-dos only in some), each planned meeting an
//! event at its time in Europe/Amsterdam. UIDs carry the record number and the database's
//! random id, so importing a newer export updates its own entries and never another
//! school's; `SEQUENCE` and `LAST-MODIFIED` count up when an entry's content changed, which
//! is what makes a calendar take the newer version (RFC 5546 §2.1.4).

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::domain::ActionStatus;
use crate::domain::calendar::{Revisions, fingerprint, revise};
use crate::domain::dates::format_date;
use crate::i18n::{Lang, capitalised};
use crate::query::calendar::{Calendar, CalendarAction, CalendarMeeting, Invitation};

/// The school's clock: every Dutch school keeps it, and a meeting at 14:15 stays at 14:15 for
/// a colleague whose laptop is set to another zone.
const TZID: &str = "Europe/Amsterdam";

/// Europe/Amsterdam since 1996: CET, and CEST from the last Sunday of March to the last Sunday
/// of October (RFC 5545 §3.6.5 asks for the zone in the file that names it).
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// `calendar` as an iCalendar file made at `stamp` (UTC). `revisions` holds what each entry
/// was at the last export and is updated to what it is now, for the caller to keep.
pub fn write(
    calendar: &Calendar,
    lang: Lang,
    stamp: NaiveDateTime,
    revisions: &mut Revisions,
) -> String {
    let t = lang.texts();
    let mut out = String::new();
    head(&mut out, "PUBLISH");
    line(
        &mut out,
        &format!("X-WR-CALNAME:{}", text(t.export_calendar_name)),
    );
    let mut entries = Entries {
        out,
        calendar_id: &calendar.id,
        stamp,
        revisions,
    };
    for meeting in &calendar.meetings {
        let body = meeting_body(meeting, lang);
        entries.event(&format!("meeting-{}", meeting.id), &body);
    }
    for action in &calendar.actions {
        let body = action_body(action, lang);
        entries.event(&format!("action-{}", action.id), &body);
    }
    let mut out = entries.out;
    line(&mut out, "END:VCALENDAR");
    out
}

/// Meeting `invitation` as an invitation to the team (`METHOD:REQUEST`): the same event as in
/// the published calendar (its UID and revision), with the organizer and the attendees. The
/// caller makes sure there is an organizer: a request without one is not valid.
pub fn invitation(
    invitation: &Invitation,
    calendar_id: &str,
    lang: Lang,
    stamp: NaiveDateTime,
    revisions: &mut Revisions,
) -> String {
    let mut out = String::new();
    head(&mut out, "REQUEST");
    let mut entries = Entries {
        out,
        calendar_id,
        stamp,
        revisions,
    };
    let meeting = &invitation.meeting;
    // Who comes is no change of the meeting (RFC 5546 §2.1.4): the revision is the meeting's.
    let body = meeting_body(meeting, lang);
    let mut people = Vec::new();
    if let Some(organizer) = &invitation.organizer {
        people.push(format!(
            "ORGANIZER;CN={}:mailto:{}",
            param(&organizer.name),
            organizer.email
        ));
    }
    for attendee in &invitation.attendees {
        people.push(format!(
            "ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{}",
            param(&attendee.name),
            attendee.email
        ));
    }
    entries.event_with(&format!("meeting-{}", meeting.id), &body, &people);
    let mut out = entries.out;
    line(&mut out, "END:VCALENDAR");
    out
}

/// A parameter value (RFC 5545 §3.2): quoted, as a name may hold `,`, `;` or `:`; a double
/// quote cannot be in one at all.
fn param(value: &str) -> String {
    format!("\"{}\"", value.replace('"', "'"))
}

/// The calendar's first lines, and the time zone its meetings are in.
fn head(out: &mut String, method: &str) {
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//otter//otter//NL");
    line(out, "CALSCALE:GREGORIAN");
    line(out, &format!("METHOD:{method}"));
    for zone_line in VTIMEZONE {
        line(out, zone_line);
    }
}

/// Events written with their UID, stamp and revision.
struct Entries<'a> {
    out: String,
    calendar_id: &'a str,
    stamp: NaiveDateTime,
    revisions: &'a mut Revisions,
}

impl Entries<'_> {
    /// One event: `body` is its content lines but the identity and revision, which the
    /// revision is a hash of.
    fn event(&mut self, entry: &str, body: &[String]) {
        self.event_with(entry, body, &[]);
    }

    /// An event with lines after its body that are not part of its revision.
    fn event_with(&mut self, entry: &str, body: &[String], more: &[String]) {
        let revision = revise(
            self.revisions,
            entry,
            fingerprint(&body.join("\n")),
            self.stamp,
        );
        let out = &mut self.out;
        line(out, "BEGIN:VEVENT");
        line(out, &format!("UID:{}", uid(entry, self.calendar_id)));
        line(out, &format!("DTSTAMP:{}", utc(self.stamp)));
        line(out, &format!("SEQUENCE:{}", revision.sequence));
        line(out, &format!("LAST-MODIFIED:{}", utc(revision.modified)));
        for content in body.iter().chain(more) {
            line(out, content);
        }
        line(out, "END:VEVENT");
    }
}

/// `action-12-<the database's id>@otter`: unique to this database's action 12.
fn uid(entry: &str, calendar_id: &str) -> String {
    format!("{entry}-{calendar_id}@otter")
}

fn utc(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

fn action_body(action: &CalendarAction, lang: Lang) -> Vec<String> {
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
    let after = action.due + Duration::days(1);
    let status = match action.status {
        ActionStatus::Dropped { .. } => "CANCELLED",
        _ => "CONFIRMED",
    };
    vec![
        format!("DTSTART;VALUE=DATE:{}", ical_date(action.due)),
        format!("DTEND;VALUE=DATE:{}", ical_date(after)),
        format!("SUMMARY:{}", text(&summary)),
        format!("DESCRIPTION:{}", text(&description.join("\n"))),
        format!("STATUS:{status}"),
        // An action is a reminder, not an appointment: it does not make anyone look busy.
        "TRANSP:TRANSPARENT".to_string(),
        format!("CATEGORIES:{}", text(t.kind_action)),
    ]
}

fn meeting_body(meeting: &CalendarMeeting, lang: Lang) -> Vec<String> {
    let t = lang.texts();
    let start = meeting.date.and_time(meeting.time);
    let end = start + Duration::minutes(i64::from(meeting.minutes));
    let local = |at: NaiveDateTime| at.format("%Y%m%dT%H%M%S");
    let mut body = vec![
        format!("DTSTART;TZID={TZID}:{}", local(start)),
        format!("DTEND;TZID={TZID}:{}", local(end)),
        format!("SUMMARY:{}", text(t.meeting_kind(meeting.kind))),
    ];
    if !meeting.place.is_empty() {
        body.push(format!("LOCATION:{}", text(&meeting.place)));
    }
    body.push(format!(
        "DESCRIPTION:{}",
        text(&(t.export_meeting_on)(&format_date(meeting.date)))
    ));
    body.push("STATUS:CONFIRMED".to_string());
    body
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
