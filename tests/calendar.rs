//! Calendars that behave (issue 16), read by an independent parser (the `ical` crate): two
//! schools' exports in one calendar keep every entry, a changed due date replaces its entry,
//! and meetings keep the school's clock and their planned length.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDateTime;
use common::{json_of, otter, stdout_of};
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use tempfile::TempDir;

fn parsed(ics: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("that parses");
    assert!(parser.next().is_none());
    calendar
}

fn export(dir: &Path) -> IcalCalendar {
    parsed(&stdout_of(
        otter(dir).args(["export", "actions", "--format", "ics"]),
    ))
}

fn value(event: &IcalEvent, name: &str) -> String {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.clone())
        .unwrap_or_else(|| panic!("no {name}"))
}

fn params(event: &IcalEvent, name: &str) -> Vec<(String, Vec<String>)> {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.params.clone())
        .unwrap_or_default()
}

/// A calendar program as RFC 5546 §2.1.4 has it: an event with a known UID replaces the one
/// it has when its SEQUENCE is higher, or equal with a later DTSTAMP.
#[derive(Default)]
struct CalendarApp(BTreeMap<String, IcalEvent>);

impl CalendarApp {
    fn import(&mut self, calendar: &IcalCalendar) {
        for event in &calendar.events {
            let uid = value(event, "UID");
            let newer = match self.0.get(&uid) {
                None => true,
                Some(old) => {
                    let seq = |e: &IcalEvent| value(e, "SEQUENCE").parse::<u32>().unwrap();
                    (seq(event), value(event, "DTSTAMP")) > (seq(old), value(old, "DTSTAMP"))
                }
            };
            if newer {
                self.0.insert(uid, event.clone());
            }
        }
    }
}

fn demo() -> TempDir {
    let dir = TempDir::new().unwrap();
    otter(dir.path()).arg("demo").assert().success();
    dir
}

#[test]
fn two_schools_in_one_calendar_keep_every_entry() {
    // Two demo schools: the same record numbers, as two real schools have.
    let (a, b) = (demo(), demo());
    let (first, second) = (export(a.path()), export(b.path()));
    assert!(first.events.len() > 50);
    let mut app = CalendarApp::default();
    app.import(&first);
    app.import(&second);
    assert_eq!(app.0.len(), first.events.len() + second.events.len());
    // Each database keeps its id: its next export is the same entries again.
    let again = export(a.path());
    let mut app = CalendarApp::default();
    app.import(&first);
    app.import(&again);
    assert_eq!(app.0.len(), first.events.len());
}

#[test]
fn meetings_keep_the_school_s_clock_and_their_planned_length() {
    let dir = demo();
    let ics = stdout_of(otter(dir.path()).args(["export", "actions", "--format", "ics"]));
    let calendar = parsed(&ics);
    let zone = calendar.timezones.first().expect("a VTIMEZONE");
    let tzid = zone.properties.iter().find(|p| p.name == "TZID").unwrap();
    assert_eq!(tzid.value.as_deref(), Some("Europe/Amsterdam"));
    let meetings: Vec<&IcalEvent> = calendar
        .events
        .iter()
        .filter(|e| value(e, "UID").starts_with("meeting-"))
        .collect();
    assert!(!meetings.is_empty());
    let local = |text: &str| NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").unwrap();
    for event in meetings {
        let zone = ("TZID".to_string(), vec!["Europe/Amsterdam".to_string()]);
        for name in ["DTSTART", "DTEND"] {
            assert_eq!(params(event, name), std::slice::from_ref(&zone), "{name}");
        }
        let length = local(&value(event, "DTEND")) - local(&value(event, "DTSTART"));
        assert_eq!(length.num_minutes(), 90, "not the agenda's sum");
        for stamp in ["DTSTAMP", "LAST-MODIFIED"] {
            assert!(value(event, stamp).ends_with('Z'), "{stamp} in UTC");
        }
    }
}

#[test]
fn a_changed_due_date_replaces_its_entry_also_after_a_restore() {
    let dir = demo();
    let first = export(dir.path());
    // The due date changed as a meeting would change it, carried through a backup and a
    // restore (which keep the database's calendar id and what was exported).
    let open = json_of(otter(dir.path()).args(["actions", "--open"]));
    let action = open.as_array().unwrap()[0]["id"].as_u64().unwrap();
    let backup = dir.path().join("backup.json");
    stdout_of(otter(dir.path()).arg("backup").arg(&backup));
    let text = std::fs::read_to_string(&backup).unwrap();
    let moved = text
        .lines()
        .map(|line| {
            let prefix = format!("{{\"id\":{action},\"text\"");
            if !line.starts_with(&prefix) {
                return line.to_string();
            }
            let mut record: serde_json::Value =
                serde_json::from_str(line.trim_end_matches(',')).unwrap();
            record["due"] = "2027-03-01".into();
            let comma = if line.ends_with(',') { "," } else { "" };
            format!("{record}{comma}")
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(moved, text, "the action's line was found");
    std::fs::write(&backup, moved).unwrap();
    otter(dir.path())
        .arg("restore")
        .arg(&backup)
        .arg("--force")
        .assert()
        .success();
    let second = export(dir.path());

    let mut app = CalendarApp::default();
    app.import(&first);
    app.import(&second);
    assert_eq!(app.0.len(), first.events.len(), "updated, not added");
    let (uid, event) = app
        .0
        .iter()
        .find(|(uid, _)| uid.starts_with(&format!("action-{action}-")))
        .unwrap();
    assert_eq!(value(event, "DTSTART"), "20270301", "{uid}");
    assert_eq!(value(event, "SEQUENCE"), "1");
    // Every other entry is as it was: the same sequence, so nothing else looks changed.
    let unchanged = second
        .events
        .iter()
        .filter(|e| value(e, "UID") != *uid)
        .all(|e| value(e, "SEQUENCE") == "0");
    assert!(unchanged);
}

fn property<'a>(event: &'a IcalEvent, name: &str) -> Vec<&'a ical::property::Property> {
    event.properties.iter().filter(|p| p.name == name).collect()
}

#[test]
fn a_meeting_is_an_invitation_to_the_members_with_an_address() {
    let dir = demo();
    let members = json_of(otter(dir.path()).arg("team"));
    let names: Vec<String> = members
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap().to_string())
        .collect();
    // Nobody to send it yet: refused, not an invitation without an organizer.
    otter(dir.path())
        .args(["export", "invitation"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("afzender"));
    otter(dir.path())
        .args(["team", &names[1], "--email", "geen adres"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("geen e-mailadres"));
    for (name, address) in [
        (&names[0], "ib@otterveld.nl"),
        (&names[1], "dir@otterveld.nl"),
    ] {
        stdout_of(otter(dir.path()).args(["team", name, "--email", address]));
    }
    let listed = stdout_of(otter(dir.path()).arg("team"));
    assert!(listed.contains("ib@otterveld.nl"), "{listed}");

    let ics = stdout_of(otter(dir.path()).args(["export", "uitnodiging"]));
    let calendar = parsed(&ics);
    let method = calendar.properties.iter().find(|p| p.name == "METHOD");
    assert_eq!(method.and_then(|p| p.value.as_deref()), Some("REQUEST"));
    let [event] = calendar.events.as_slice() else {
        panic!("one meeting: {ics}");
    };
    let organizer = property(event, "ORGANIZER");
    assert_eq!(organizer.len(), 1);
    assert_eq!(
        organizer[0].value.as_deref(),
        Some("mailto:ib@otterveld.nl"),
        "the chair"
    );
    let mut attendees: Vec<String> = property(event, "ATTENDEE")
        .iter()
        .map(|p| p.value.clone().unwrap())
        .collect();
    attendees.sort();
    assert_eq!(
        attendees,
        ["mailto:dir@otterveld.nl", "mailto:ib@otterveld.nl"],
        "only members with an address"
    );
    let cn = property(event, "ATTENDEE")[0].params.clone().unwrap();
    assert!(
        cn.iter().any(|(k, v)| k == "CN" && names.contains(&v[0])),
        "{cn:?}"
    );
    // The same event as in the published calendar: accepting one updates the other.
    let published = export(dir.path());
    assert!(
        published
            .events
            .iter()
            .any(|e| value(e, "UID") == value(event, "UID")
                && value(e, "SEQUENCE") == value(event, "SEQUENCE")),
        "{}",
        value(event, "UID")
    );
}

/// The calendar export answers while the screen holds the database, as the other exports do:
/// it keeps no revision there (it cannot write), so an entry changed since the last kept
/// export gets the sequence after the kept one, and the next export from a writer gives the
/// same one with a later stamp; a calendar program that takes all three ends with the change,
/// no entry added. Its audit line waits in the inbox.
#[test]
fn a_calendar_export_beside_the_screen_answers_and_the_next_one_still_replaces_it() {
    let dir = demo();
    let first = export(dir.path());
    let open = json_of(otter(dir.path()).args(["actions", "--open"]));
    let action = open.as_array().unwrap()[0]["id"].as_u64().unwrap();

    // What the screen holds while it is open: the database opened for writing, in which the
    // due date is moved as a meeting would move it.
    let screen = otter::store::Store::open(dir.path()).unwrap();
    let kept = screen.calendar_revisions().unwrap();
    let mut moved = screen
        .action(otter::domain::ActionId(action))
        .unwrap()
        .unwrap();
    moved.due = chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
    screen.save(&moved).unwrap();
    let beside = export(dir.path());
    let again = export(dir.path());
    assert_eq!(screen.calendar_revisions().unwrap(), kept);
    let inbox = std::fs::read_dir(dir.path().join("inbox")).unwrap().count();
    assert_eq!(inbox, 2, "one audit line per export beside the screen");
    drop(screen);
    let after = export(dir.path());

    let entry = |calendar: &IcalCalendar| {
        calendar
            .events
            .iter()
            .find(|e| value(e, "UID").starts_with(&format!("action-{action}-")))
            .map(|e| (value(e, "DTSTART"), value(e, "SEQUENCE")))
            .unwrap()
    };
    assert_eq!(entry(&beside), ("20270301".into(), "1".into()));
    assert_eq!(entry(&again), entry(&beside));
    assert_eq!(entry(&after), entry(&beside));
    let mut app = CalendarApp::default();
    for calendar in [&first, &beside, &after] {
        app.import(calendar);
    }
    assert_eq!(app.0.len(), first.events.len(), "updated, not added");
    let (_, event) = app
        .0
        .iter()
        .find(|(uid, _)| uid.starts_with(&format!("action-{action}-")))
        .unwrap();
    assert_eq!(value(event, "DTSTART"), "20270301");
}
