use std::path::Path;

use crate::app::core::keymap::{Context, Keymap};
use crate::app::{Command, Screen, View, apply, open_dossier};
use crate::domain::{Case, Consent};
use crate::testkit::app::{act, school};
use crate::testkit::today;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn x_in_the_dossier_writes_the_extract_outside_the_data_and_says_where() {
    let (data, store, mut model) = school();
    let out = tempfile::tempdir().unwrap();
    model.export_dir = out.path().join("Documenten");
    let case = store
        .all::<Case>()
        .map(Result::unwrap)
        .find(|c| c.consent == Consent::Anonymous)
        .unwrap();
    let pupil = store.pupil(case.pupil).unwrap().unwrap();
    let mut view = View::default();
    apply(
        &store,
        &mut model,
        &mut view,
        open_dossier(pupil.id),
        today(),
    )
    .unwrap();
    assert_eq!(model.screen, Screen::Dossier);
    let key = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    let action = Keymap::default().command(Context::Dossier, key).unwrap();
    act(&store, &mut model, &mut view, action);

    let written = files_in(&model.export_dir);
    assert_eq!(written.len(), 1, "{written:?}");
    let name = &written[0];
    assert!(name.starts_with("uittreksel-") && name.ends_with("-2026-11-23.html"));
    assert!(
        !name.contains(&pupil.last_name),
        "no name in the file name: {name}"
    );
    let path = model.export_dir.join(name);
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(
        html.contains(&pupil.full_name()),
        "the extract is about them"
    );
    assert!(
        html.contains(&case.pseudonym()),
        "and says under which pseudonym"
    );
    assert_eq!(
        view.flash.as_deref(),
        Some(format!("Geschreven: {}", path.display()).as_str())
    );
    let in_data = |dir: &Path| files_in(dir).iter().any(|f| f.starts_with("uittreksel"));
    assert!(
        !in_data(data.path()),
        "nothing written to the data directory"
    );
}

#[test]
fn e_in_the_meeting_writes_the_open_meetings_minutes_as_a_draft() {
    let (_data, store, mut model) = school();
    let out = tempfile::tempdir().unwrap();
    model.export_dir = out.path().to_path_buf();
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    let date = model.meeting.as_ref().unwrap().meeting.date;
    // A note typed with the first name of a case whose parents said "nee" or "anoniem".
    let room = model.meeting.as_ref().unwrap();
    let anonymous = room
        .cases
        .values()
        .filter(|brief| !brief.case.consent.shows_name())
        .min_by_key(|brief| brief.case.id)
        .expect("an anonymous case on the agenda");
    let first = store
        .pupil(anonymous.case.pupil)
        .unwrap()
        .unwrap()
        .first_name;
    store
        .insert(&crate::domain::Note {
            id: crate::domain::NoteId(store.next_id(crate::store::records::TreeId::Notes).unwrap()),
            case: Some(anonymous.case.id),
            phase: Some(anonymous.case.phase.clone()),
            meeting: Some(room.meeting.id),
            agenda_item: None,
            date,
            text: format!("{first} slaapt slecht."),
        })
        .unwrap();
    let key = KeyEvent::new(KeyCode::Char('E'), KeyModifiers::SHIFT);
    let action = Keymap::default().command(Context::Meeting, key).unwrap();
    assert_eq!(action, Command::ExportMinutes);
    act(&store, &mut model, &mut view, action);

    let name = format!("verslag-OT-{}-concept.html", date.format("%Y-%m-%d"));
    assert_eq!(files_in(out.path()), vec![name.clone()]);
    let html = std::fs::read_to_string(out.path().join(&name)).unwrap();
    assert!(html.contains("<p class=\"banner\">Concept: nog niet vastgesteld</p>"));
    assert!(
        html.contains("<dt>School</dt><dd>OBS Het Otterveld</dd>"),
        "{html}"
    );
    assert!(view.flash.as_deref().unwrap().ends_with(&name));
    let mask: String =
        std::iter::repeat_n(crate::domain::redact::MASK, first.chars().count()).collect();
    assert!(html.contains(&format!("{mask} slaapt slecht.")), "{html}");
    assert!(!html.contains(&format!("{first} slaapt")), "{html}");
    assert_eq!(model.screen, Screen::Meeting, "the meeting goes on");
    let id = model.meeting.as_ref().unwrap().meeting.id;
    assert!(
        store.minutes(id).unwrap().is_none(),
        "a draft fixes nothing"
    );
}

#[test]
fn an_export_that_cannot_be_written_is_said_and_leaves_nothing() {
    let (_data, store, mut model) = school();
    let out = tempfile::tempdir().unwrap();
    // A file where the folder should be.
    let blocked = out.path().join("Documenten");
    std::fs::write(&blocked, "").unwrap();
    model.export_dir = blocked;
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    act(&store, &mut model, &mut view, Command::ExportMinutes);
    let flash = view.flash.unwrap();
    assert!(flash.starts_with("Niet geëxporteerd: "), "{flash}");
    assert_eq!(files_in(out.path()), vec!["Documenten".to_string()]);
}
