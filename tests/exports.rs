//! Exports end to end: the real binary on the demo school, its output read back the way the
//! people who receive it read it (a Markdown reader, a spreadsheet, a calendar).

mod common;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use common::{TODAY, demo_school, json_of, otter, stdout_of};
use otter::domain::dates::format_day;
use otter::domain::{
    Action, Case, CaseEvent, Decision, EventKind, MeetingState, Minutes, Note, PhaseModel, Pupil,
};
use otter::export::markdown::{cell, text};
use otter::i18n::Lang;
use otter::i18n::wording::change_text;
use otter::store::Store;
use predicates::prelude::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Every closed meeting's fixed minutes, and every case, read from the store (which is then
/// closed again so the binary can open it).
fn closed_minutes(school: &Path) -> (Vec<Minutes>, Vec<Case>, BTreeMap<u64, Pupil>) {
    let store = Store::open(school).unwrap();
    let minutes = store
        .meetings_by_date()
        .unwrap()
        .into_iter()
        .filter(|m| m.state == MeetingState::Closed)
        .map(|m| store.minutes(m.id).unwrap().unwrap())
        .collect();
    let cases = store.all::<Case>().map(Result::unwrap).collect();
    let pupils = store
        .all::<Pupil>()
        .map(Result::unwrap)
        .map(|p| (p.id.0, p))
        .collect();
    (minutes, cases, pupils)
}

/// A row of an action table: what, (for whom,) who, when.
fn action_row(action: &otter::domain::minutes::MinutesAction, with_pupil: bool) -> String {
    let pupil = if with_pupil {
        format!(" {} |", cell(&action.subject))
    } else {
        String::new()
    };
    format!(
        "| {} |{pupil} {} | {} |",
        cell(&action.text),
        cell(&action.owner),
        format_day(action.due, Lang::Nl)
    )
}

/// Asserts that `haystack` holds `needle`, and counts `what` as seen.
fn check(
    seen: &mut BTreeMap<&'static str, usize>,
    haystack: &str,
    what: &'static str,
    needle: String,
) {
    assert!(
        haystack.contains(&needle),
        "{what}: {needle:?} missing in\n{haystack}"
    );
    *seen.entry(what).or_default() += 1;
}

#[test]
fn the_minutes_of_every_demo_meeting_hold_every_element_of_the_record() {
    let (_turn, school) = demo_school();
    let (all, cases, pupils) = closed_minutes(school);
    let model = PhaseModel::default();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for minutes in &all {
        let id = minutes.meeting.0.to_string();
        let md = stdout_of(otter(school).args(["export", "minutes", "--meeting", &id]));
        let date = format_day(minutes.date, Lang::Nl);
        check(
            &mut seen,
            &md,
            "title",
            format!("# Verslag OT-overleg {date}\n"),
        );
        check(
            &mut seen,
            &md,
            "school",
            "- **School:** OBS Het Otterveld\n".into(),
        );
        check(&mut seen, &md, "date", format!("- **Datum:** {date}\n"));
        check(
            &mut seen,
            &md,
            "place",
            format!("- **Plaats:** {}\n", cell(&minutes.place)),
        );
        check(
            &mut seen,
            &md,
            "chair",
            format!("- **Voorzitter:** {}\n", cell(&minutes.chair)),
        );
        check(
            &mut seen,
            &md,
            "present",
            format!("- **Aanwezig:** {}\n", cell(&minutes.present.join(", "))),
        );
        if !minutes.absent.is_empty() {
            check(
                &mut seen,
                &md,
                "absent",
                format!("- **Afwezig:** {}\n", cell(&minutes.absent.join(", "))),
            );
        }
        if !minutes.absent_with_notice.is_empty() {
            let names = cell(&minutes.absent_with_notice.join(", "));
            check(
                &mut seen,
                &md,
                "absent with notice",
                format!("- **Afwezig met bericht:** {names}\n"),
            );
        }
        // Each item's section runs from its heading to the next one.
        let sections: Vec<&str> = md.split("\n## ").skip(1).collect();
        for (index, item) in minutes.items.iter().enumerate() {
            let section = sections[index];
            assert!(
                section.starts_with(&format!("{}. ", index + 1)),
                "{section}"
            );
            for note in &item.notes {
                check(&mut seen, section, "note", text(note));
            }
            for decision in &item.decisions {
                check(
                    &mut seen,
                    section,
                    "decision",
                    format!("- {}\n", cell(decision)),
                );
            }
            for event in &item.changes {
                let kind = match event.kind {
                    EventKind::Phase { .. } => "phase change",
                    EventKind::Level { .. } => "level change",
                    _ => "other change",
                };
                check(
                    &mut seen,
                    section,
                    kind,
                    cell(&change_text(&event.kind, &model, Lang::Nl)),
                );
            }
            let others = item
                .actions
                .iter()
                .any(|a| !a.subject.is_empty() && a.subject != item.subject);
            for action in &item.actions {
                check(&mut seen, section, "action", action_row(action, others));
            }
            if let otter::domain::meeting::AgendaKind::Case { case } = item.kind {
                let case = cases.iter().find(|c| c.id == case).unwrap();
                let name = pupils[&case.pupil.0].full_name();
                if item.subject == case.pseudonym() {
                    // The same pupil may have another case, with consent, on the same agenda:
                    // named there, but never in the anonymous case's own item.
                    assert!(!section.contains(&name), "{name} named in {section}");
                    *seen.entry("pseudonym").or_default() += 1;
                } else {
                    assert_eq!(item.subject, name);
                }
                check(
                    &mut seen,
                    section,
                    "subject",
                    format!(": {}\n", cell(&item.subject)),
                );
            }
        }
        if !minutes.carried_over.is_empty() {
            let carried = md
                .split("## Openstaande actiepunten van eerdere vergaderingen\n")
                .nth(1)
                .expect("a section of carried-over actions");
            let named = minutes.carried_over.iter().any(|a| !a.subject.is_empty());
            if named {
                *seen.entry("carried over with pupil").or_default() += 1;
            }
            for action in &minutes.carried_over {
                let row = action_row(action, named);
                assert!(carried.contains(&row), "{row} not carried over in\n{md}");
                *seen.entry("carried over").or_default() += 1;
            }
        }
        if let Some(next) = minutes.next_meeting {
            let next = format_day(next, Lang::Nl);
            check(
                &mut seen,
                &md,
                "next meeting",
                format!("- **Volgende vergadering:** {next}\n"),
            );
        }
        let fixed = format_day(minutes.fixed_on, Lang::Nl);
        check(
            &mut seen,
            &md,
            "fixed on",
            format!("*Vastgesteld op {fixed}*"),
        );
    }
    // The demo is rich enough that no element was checked zero times.
    for what in [
        "title",
        "present",
        "absent",
        "absent with notice",
        "note",
        "decision",
        "phase change",
        "level change",
        "action",
        "carried over",
        "carried over with pupil",
        "next meeting",
        "pseudonym",
    ] {
        assert!(
            seen.get(what).copied().unwrap_or(0) > 0,
            "{what} never seen: {seen:?}"
        );
    }
}

#[test]
fn the_html_minutes_are_one_printable_file_with_the_same_content() {
    let (_turn, school) = demo_school();
    let md = stdout_of(otter(school).args(["export", "minutes"]));
    let html = stdout_of(otter(school).args(["export", "minutes", "--format", "html"]));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
    for print in [
        "size: A4",
        "counter(page)",
        "counter(pages)",
        "break-inside: avoid",
    ] {
        assert!(html.contains(print), "{print}");
    }
    for fetch in ["<script", "<link", "src=", "url("] {
        assert!(
            !html.contains(fetch),
            "{fetch} would fetch or run something"
        );
    }
    let headings = |prefix: &str, end: &str, text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.strip_prefix(prefix))
            .map(|l| l.trim_end_matches(end).to_string())
            .collect()
    };
    assert_eq!(
        headings("## ", "", &md),
        headings("<h2>", "</h2>", &html),
        "the same sections in the same order"
    );
    let rows = |text: &str, prefix: &str| text.lines().filter(|l| l.starts_with(prefix)).count();
    assert_eq!(rows(&md, "| ") - rows(&md, "|---"), rows(&html, "<tr><td>"));
}

/// Every text recorded about a pupil's cases.
struct Texts {
    notes: Vec<String>,
    actions: Vec<String>,
    decisions: Vec<String>,
}

fn texts_of(store: &Store, cases: &[Case]) -> Texts {
    let mut texts = Texts {
        notes: Vec::new(),
        actions: Vec::new(),
        decisions: Vec::new(),
    };
    for case in cases {
        let notes: Vec<Note> = store.notes_of_case(case.id).unwrap();
        texts.notes.extend(notes.into_iter().map(|n| n.text));
        let actions: Vec<Action> = store.actions_of_case(case.id).unwrap();
        texts.actions.extend(actions.into_iter().map(|a| a.text));
        let decisions: Vec<Decision> = store.decisions_of_case(case.id).unwrap();
        texts
            .decisions
            .extend(decisions.into_iter().map(|d| d.text));
    }
    texts
}

#[test]
fn the_extract_of_a_pupil_holds_all_of_theirs_and_nothing_of_another_pupil() {
    let (_turn, school) = demo_school();
    let store = Store::open(school).unwrap();
    let cases: Vec<Case> = store.all::<Case>().map(Result::unwrap).collect();
    let pupils: Vec<Pupil> = store.all::<Pupil>().map(Result::unwrap).collect();
    // The pupil with an anonymous case and the most cases: the hardest one to keep apart.
    let pupil = pupils
        .iter()
        .filter(|p| {
            cases
                .iter()
                .any(|c| c.pupil == p.id && !c.consent.shows_name())
        })
        .max_by_key(|p| cases.iter().filter(|c| c.pupil == p.id).count())
        .unwrap()
        .clone();
    let (own, others): (Vec<Case>, Vec<Case>) =
        cases.into_iter().partition(|c| c.pupil == pupil.id);
    let mine = texts_of(&store, &own);
    let theirs = texts_of(&store, &others);
    let mut meeting_notes = Vec::new();
    for note in store.all::<Note>() {
        let note = note.unwrap();
        if note.case.is_none() {
            meeting_notes.push(note.text);
        }
    }
    let events: Vec<CaseEvent> = own
        .iter()
        .flat_map(|c| store.events_of_case(c.id).unwrap())
        .collect();
    drop(store);

    let md = stdout_of(otter(school).args(["export", "pupil", &pupil.full_name()]));
    assert!(md.starts_with(&format!(
        "# Uittreksel leerlingdossier: {}\n",
        pupil.full_name()
    )));
    for case in &own {
        assert!(md.contains(&cell(&case.question)), "{}", case.question);
        if !case.consent.shows_name() {
            assert!(md.contains(&case.pseudonym()), "says under which pseudonym");
        }
    }
    for note in mine.notes.iter().filter(|n| !n.trim().is_empty()) {
        assert!(md.contains(&text(note)), "own note missing: {note}");
    }
    for action in &mine.actions {
        assert!(md.contains(&cell(action)), "own action missing: {action}");
    }
    for decision in &mine.decisions {
        assert!(
            md.contains(&cell(decision)),
            "own decision missing: {decision}"
        );
    }
    for event in &events {
        let model = PhaseModel::default();
        let change = change_text(&event.kind, &model, Lang::Nl);
        assert!(md.contains(&format!("| {} |", cell(&change))), "{change}");
    }

    for other in pupils.iter().filter(|p| p.id != pupil.id) {
        let name = other.full_name();
        // A name that is part of this pupil's own (a namesake) would be no leak.
        if !pupil.full_name().contains(&name) {
            assert!(!md.contains(&name), "another pupil named: {name}");
        }
    }
    for case in &others {
        assert!(
            !md.contains(&format!("{} ", case.pseudonym()))
                && !md.contains(&format!("{}.", case.pseudonym())),
            "{}",
            case.pseudonym()
        );
    }
    // The demo writes its texts from phrases, so another pupil's note may read as one of
    // theirs; what the extract must not hold is a text that is not theirs at all.
    let own_texts: Vec<&String> = mine
        .notes
        .iter()
        .chain(&mine.actions)
        .chain(&mine.decisions)
        .collect();
    let is_own = |text: &str| own_texts.iter().any(|own| own.contains(text));
    let mut checked = 0;
    let strangers = theirs
        .notes
        .iter()
        .map(|n| text(n))
        .chain(theirs.actions.iter().map(|a| cell(a)))
        .chain(theirs.decisions.iter().map(|d| cell(d)))
        .chain(meeting_notes.iter().map(|n| text(n)));
    let mut unique = HashSet::new();
    for stranger in strangers.filter(|s| !s.trim().is_empty()) {
        if is_own(&stranger) || !unique.insert(stranger.clone()) {
            continue;
        }
        assert!(
            !md.contains(&stranger),
            "another pupil's record: {stranger}"
        );
        checked += 1;
    }
    assert!(checked > 100, "only {checked} texts of others checked");
}

#[test]
fn the_actions_csv_reads_back_in_a_dutch_spreadsheet() {
    let (_turn, school) = demo_school();
    let bytes = otter(school)
        .args(["export", "actions", "--format", "csv", "--status", "all"])
        .output()
        .unwrap()
        .stdout;
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("UTF-8 with a byte-order mark");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(body);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "Nr",
            "Actiepunt",
            "Eigenaar",
            "Leerling",
            "Datum",
            "Status",
            "Afgehandeld op",
            "Reden",
            "Te laat"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let json = json_of(otter(school).arg("actions"));
    let json = json.as_array().unwrap();
    assert_eq!(rows.len(), json.len(), "the same actions as otter actions");
    let mut dropped = 0;
    for (row, expected) in rows.iter().zip(json) {
        assert_eq!(row[0], expected["id"].to_string());
        assert_eq!(row[1], *expected["text"].as_str().unwrap());
        assert_eq!(row[3], *expected["pupil"].as_str().unwrap());
        let due = NaiveDate::parse_from_str(&row[4], "%d-%m-%Y").expect("dd-mm-jjjj");
        assert_eq!(due, day(expected["due"].as_str().unwrap()));
        assert_eq!(row[4].len(), 10, "two-digit day and month: {}", &row[4]);
        if expected["status"] == "dropped" {
            assert_eq!(row[5], *"vervallen");
            assert_eq!(row[7], *expected["reason"].as_str().unwrap());
            dropped += 1;
        }
        if let Some(on) = expected["on"].as_str() {
            assert_eq!(
                NaiveDate::parse_from_str(&row[6], "%d-%m-%Y").unwrap(),
                day(on)
            );
        }
    }
    assert!(dropped > 0, "the demo has dropped actions with a reason");

    // The filters of otter actions.
    let overdue = otter(school)
        .args(["export", "actions", "--overdue"])
        .output()
        .unwrap()
        .stdout;
    let lines = String::from_utf8(overdue).unwrap().lines().count();
    let expected = json_of(otter(school).args(["actions", "--overdue"]));
    assert_eq!(lines, expected.as_array().unwrap().len() + 1);
}

fn property<'a>(
    event: &'a ical::parser::ical::component::IcalEvent,
    name: &str,
) -> &'a ical::property::Property {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

fn calendar(school: &Path) -> (String, ical::parser::ical::component::IcalCalendar) {
    let ics = stdout_of(otter(school).args(["export", "actions", "--format", "ics", "--open"]));
    let mut parsed = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let calendar = parsed.next().expect("one calendar").expect("that parses");
    assert!(parsed.next().is_none());
    (ics, calendar)
}

#[test]
fn the_calendar_parses_elsewhere_with_the_right_dates_and_uids_that_stay() {
    let (_turn, school) = demo_school();
    let (ics, first) = calendar(school);
    for line in ics.split_inclusive('\n') {
        assert!(line.ends_with("\r\n"), "CRLF: {line:?}");
        assert!(line.len() <= 77, "folded at 75 octets: {line:?}");
    }
    let actions = json_of(otter(school).args(["actions", "--open"]));
    let actions = actions.as_array().unwrap();
    let meetings = json_of(otter(school).arg("meetings"));
    let planned: Vec<_> = meetings
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["state"] != "closed")
        .collect();
    assert_eq!(first.events.len(), actions.len() + planned.len());
    // `action-12-<the database's id>@otter`: keyed here by the part before the id.
    let by_uid: BTreeMap<String, _> = first
        .events
        .iter()
        .map(|e| {
            let uid = property(e, "UID").value.clone().unwrap();
            let (entry, _) = uid.rsplit_once('-').unwrap();
            (entry.to_string(), e)
        })
        .collect();
    assert_eq!(by_uid.len(), first.events.len(), "UIDs are unique");
    for action in actions {
        let event = by_uid[&format!("action-{}", action["id"])];
        let start = property(event, "DTSTART");
        let due = day(action["due"].as_str().unwrap());
        assert_eq!(
            start.value.as_deref(),
            Some(due.format("%Y%m%d").to_string().as_str())
        );
        let params = start.params.as_ref().unwrap();
        assert!(
            params.contains(&("VALUE".into(), vec!["DATE".into()])),
            "all day"
        );
        let pupil = action["pupil"].as_str().unwrap();
        // Initials or a pseudonym, never the name (calendars go to a cloud).
        if !pupil.is_empty() && !pupil.starts_with("Leerling ") {
            assert!(!ics.contains(pupil), "{pupil} named in the calendar");
        }
    }
    for meeting in planned {
        let event = by_uid[&format!("meeting-{}", meeting["id"])];
        let start = property(event, "DTSTART").value.clone().unwrap();
        let date = day(meeting["date"].as_str().unwrap());
        let time = meeting["time"].as_str().unwrap().replace(':', "");
        assert_eq!(start, format!("{}T{time}", date.format("%Y%m%d")));
    }

    let (_, second) = calendar(school);
    let uids = |calendar: &ical::parser::ical::component::IcalCalendar| -> Vec<String> {
        calendar
            .events
            .iter()
            .map(|e| property(e, "UID").value.clone().unwrap())
            .collect()
    };
    assert_eq!(
        uids(&first),
        uids(&second),
        "a second export updates, not duplicates"
    );
    let _ = TODAY;
}

#[test]
fn the_school_is_named_once_and_heads_every_document() {
    let dir = tempfile::TempDir::new().unwrap();
    otter(dir.path())
        .args(["school", "OBS De Vlonder"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("Er is nog geen otter-database"));
    otter(dir.path()).arg("demo").assert().success();
    assert_eq!(
        stdout_of(otter(dir.path()).arg("school")),
        "OBS Het Otterveld\n"
    );
    let set = stdout_of(otter(dir.path()).args(["school", "OBS", "De", "Vlonder"]));
    assert_eq!(set, "OBS De Vlonder\n");
    let md = stdout_of(otter(dir.path()).args(["export", "minutes"]));
    assert!(md.contains("- **School:** OBS De Vlonder\n"), "{md}");
    let html = stdout_of(otter(dir.path()).args(["export", "minutes", "--format", "html"]));
    assert!(html.contains("<dt>School</dt><dd>OBS De Vlonder</dd>"));
}

#[test]
fn output_writes_a_whole_file_and_a_bad_name_is_an_error() {
    let (_turn, school) = demo_school();
    let out = tempfile::TempDir::new().unwrap();
    let file = out.path().join("acties.ics");
    otter(school)
        .args(["export", "actions", "--format", "ics", "--output"])
        .arg(&file)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.starts_with("BEGIN:VCALENDAR\r\n") && written.ends_with("END:VCALENDAR\r\n"));
    let blocked = out.path().join("acties.ics").join("x.csv");
    otter(school)
        .args(["export", "actions", "-o"])
        .arg(&blocked)
        .assert()
        .code(5);
    otter(school)
        .args(["export", "pupil", "Niemand Bestaatniet"])
        .assert()
        .code(1)
        .stdout("");
    // A folder that is not there is a mistyped path or a USB stick not plugged in: otter
    // does not make it and put the minutes on the laptop's own disk instead, where a stick
    // mounted later would hide them.
    let exports = json_of(otter(school).arg("audit"))
        .as_array()
        .unwrap()
        .len();
    let unplugged = out.path().join("usb-stick").join("verslag.md");
    otter(school)
        .args(["export", "minutes", "-o"])
        .arg(&unplugged)
        .assert()
        .code(5)
        .stderr(
            predicate::str::contains("usb-stick")
                .and(predicate::str::contains("bestaat niet"))
                .and(predicate::str::contains(".otter-").not()),
        );
    assert!(!out.path().join("usb-stick").exists());
    let after = json_of(otter(school).arg("audit"))
        .as_array()
        .unwrap()
        .len();
    assert_eq!(after, exports, "nothing exported, nothing in the audit log");
}

/// `otter export agenda`: the next planned meeting's agenda to mail round, in both formats and
/// languages, names no pupil and gives no date of birth; each case goes by the initials or the
/// pseudonym the preparation shows, and every item has its start time. Audited as an export.
#[test]
fn the_agenda_to_mail_names_no_pupil_and_gives_no_date_of_birth() {
    let (_turn, school) = demo_school();
    let (secrets, shorts, items) = {
        let store = Store::open(school).unwrap();
        let mut secrets = HashSet::new();
        for pupil in store.all::<Pupil>().map(Result::unwrap) {
            secrets.insert(pupil.full_name());
            secrets.insert(format!("{} {}", pupil.first_name, pupil.last_name));
            secrets.insert(pupil.birth_date.format("%d-%m-%Y").to_string());
            secrets.insert(pupil.birth_date.format("%Y-%m-%d").to_string());
        }
        let today = day(common::TODAY);
        let id = otter::query::prepare::next_planned(&store, today)
            .unwrap()
            .unwrap();
        let preparation = otter::query::prepare::load(&store, &PhaseModel::default(), id).unwrap();
        let shorts: Vec<String> = preparation
            .meeting
            .cases()
            .map(|case| preparation.cases[&case].short.clone())
            .collect();
        (secrets, shorts, preparation.meeting.agenda.len())
    };
    assert!(secrets.len() > 400, "{}", secrets.len());
    assert!(!shorts.is_empty());
    let before = audit_exports(school);
    for format in ["md", "html"] {
        for lang in ["nl", "en"] {
            let out = stdout_of(
                otter(school)
                    .args(["export", "agenda", "--format", format])
                    .args(["--lang", lang]),
            );
            let leaked: Vec<&String> = secrets.iter().filter(|s| out.contains(*s)).collect();
            assert!(leaked.is_empty(), "{format} {lang}: {leaked:?}\n{out}");
            for short in &shorts {
                let shown = if format == "md" {
                    cell(short)
                } else {
                    short.clone()
                };
                assert!(out.contains(&shown), "{format} {lang}: {short}\n{out}");
            }
            if format == "md" {
                let rows = out.lines().filter(|l| l.starts_with("| ")).count();
                assert_eq!(rows, items + 1, "a row per item and the header\n{out}");
                assert!(out.contains("| 1 | 14:15 |"), "{out}");
            }
        }
    }
    assert_eq!(audit_exports(school), before + 4);
}

/// How many exports the audit log holds.
fn audit_exports(school: &Path) -> usize {
    let log = json_of(otter(school).arg("audit"));
    log.as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry.to_string().contains("otter export agenda"))
        .count()
}

/// A guest's role in the chair's own words ("moeder van Sanne") may name the pupil: the agenda
/// that is mailed round gives the catalog's role only.
#[test]
fn the_agenda_to_mail_gives_a_guest_s_catalog_role_not_the_chair_s_words() {
    use otter::domain::meeting::{Attendance, Attendee, Presence};
    let dir = tempfile::TempDir::new().unwrap();
    otter(dir.path()).arg("demo").assert().success();
    {
        let store = Store::open(dir.path()).unwrap();
        let id = otter::query::prepare::next_planned(&store, day(TODAY))
            .unwrap()
            .unwrap();
        let mut meeting = store.meeting(id).unwrap().unwrap();
        meeting.attendance.push(Attendance {
            who: Attendee::Guest {
                name: "Ilse Jansen".into(),
                role: otter::domain::Role::Ouder,
                title: "moeder van Sanne".into(),
            },
            presence: Presence::Present,
        });
        store.save(&meeting).unwrap();
    }
    let out = stdout_of(otter(dir.path()).args(["export", "agenda"]));
    assert!(!out.contains("moeder van Sanne"), "{out}");
    assert!(!out.contains("Ilse Jansen"), "{out}");
    let role = Lang::Nl.texts().role(otter::domain::Role::Ouder);
    assert!(out.contains(&format!("({role})")), "{role}: {out}");
}

/// A pseudonym cannot be traced back (BRIEF §8): `otter retention` and a search hit of a
/// named case print case numbers beside names, so no output may print a case number beside
/// a pseudonym. Every look-up with `--json` and without, and every export, is read for each
/// anonymous case of the demo: no JSON object that shows its pseudonym carries its number as
/// `case` (or as `id` of a case hit), no line with the pseudonym says "casus N" or "#N", and
/// the numbered pseudonym of before ("Leerling H-79") is nowhere.
#[test]
fn no_output_puts_a_case_number_beside_a_pseudonym() {
    let (_turn, school) = demo_school();
    let anonymous: Vec<(u64, String)> = {
        let store = Store::open(school).unwrap();
        store
            .all::<Case>()
            .map(Result::unwrap)
            .filter(|case| !case.consent.shows_name())
            .map(|case| (case.id.0, case.pseudonym()))
            .collect()
    };
    assert!(anonymous.len() > 5, "{anonymous:?}");
    let mut json_args: Vec<Vec<String>> = [
        &["actions", "--status", "all"][..],
        &["meetings"],
        &["retention"],
        &["pupils"],
        &["search", "Leerling"],
        &["search", "leest"],
    ]
    .iter()
    .map(|args| args.iter().map(|a| a.to_string()).collect())
    .collect();
    for (_, pseudonym) in &anonymous {
        json_args.push(vec!["search".into(), pseudonym.clone()]);
    }
    let mut outputs: Vec<(String, String)> = Vec::new();
    for args in &json_args {
        let json = json_of(otter(school).args(args));
        for (number, pseudonym) in &anonymous {
            beside_in_json(&json, *number, pseudonym, &args.join(" "));
        }
        outputs.push((args.join(" "), json.to_string()));
        outputs.push((args.join(" "), stdout_of(otter(school).args(args))));
    }
    for args in [
        &["export", "minutes", "--meeting", "last"][..],
        &["export", "minutes", "--meeting", "last", "--format", "html"],
        &["export", "agenda"],
        &["export", "actions", "--format", "csv", "--status", "all"],
        &["export", "actions", "--format", "ics", "--open"],
    ] {
        outputs.push((args.join(" "), stdout_of(otter(school).args(args))));
    }
    let seen = anonymous
        .iter()
        .filter(|(_, p)| outputs.iter().any(|(_, out)| out.contains(p.as_str())))
        .count();
    assert!(seen > 5, "the pseudonyms are in the outputs: {seen}");
    for (what, out) in &outputs {
        assert!(!holds_numbered_pseudonym(out), "{what}:\n{out}");
        for line in out.lines() {
            for (number, pseudonym) in &anonymous {
                if line.contains(pseudonym.as_str()) {
                    for beside in [format!("casus {number} "), format!("#{number} ")] {
                        assert!(!line.contains(&beside), "{what}: {line}");
                    }
                }
            }
        }
    }
}

/// Fails if an object of `json` shows `pseudonym` and carries `number` as its case.
fn beside_in_json(json: &serde_json::Value, number: u64, pseudonym: &str, what: &str) {
    use serde_json::Value;
    match json {
        Value::Array(items) => {
            for item in items {
                beside_in_json(item, number, pseudonym, what);
            }
        }
        Value::Object(fields) => {
            let shows = fields
                .values()
                .any(|v| v.as_str().is_some_and(|s| s.contains(pseudonym)));
            if shows {
                let is = |key: &str| fields.get(key).and_then(Value::as_u64) == Some(number);
                let a_case = fields.get("kind").and_then(Value::as_str) == Some("case");
                assert!(!is("case"), "{what}: {json}");
                assert!(!(a_case && is("id")), "{what}: {json}");
            }
            for value in fields.values() {
                beside_in_json(value, number, pseudonym, what);
            }
        }
        _ => {}
    }
}

/// Whether `text` holds a pseudonym of before schema 4: "Leerling", one capital, a dash and
/// the case number.
fn holds_numbered_pseudonym(text: &str) -> bool {
    text.match_indices("Leerling ").any(|(at, word)| {
        let code = &text[at + word.len()..];
        let mut chars = code.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars.next() == Some('-')
            && chars.next().is_some_and(|c| c.is_ascii_digit())
    })
}
