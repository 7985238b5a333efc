use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Step;
use crate::app::{Command, Message, Model, OverlayKind, View, update};
use crate::domain::meeting::AgendaKind;
use crate::domain::{Case, Consent, EventKind, Level};
use crate::store::Store;
use crate::testkit::app::{act, meeting_opened, school, send, typed};
use crate::testkit::today;

fn press(code: KeyCode) -> Message {
    Message::PromptKey(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The signal picker in front.
fn picker(view: &View) -> &crate::app::meeting::signal::Picker {
    view.overlays
        .get::<crate::app::meeting::signal::Picker>()
        .expect("the picker is open")
}

fn type_in(store: &Store, model: &mut Model, view: &mut View, text: &str) {
    for key in typed(text) {
        send(store, model, view, key);
    }
}

/// The demo school's meeting, open, with the picker open.
fn picking() -> (tempfile::TempDir, Store, Model, View) {
    let (dir, store, mut model, mut view) = meeting_opened();
    act(&store, &mut model, &mut view, Command::NewSignal);
    assert!(
        view.overlays.is_open(OverlayKind::Picker),
        "s opens the picker"
    );
    (dir, store, model, view)
}

/// A pupil of the demo school by a query that finds them first, and their name.
fn a_pupil(store: &Store) -> (crate::domain::PupilId, String, String) {
    let pupil = store.all::<crate::domain::Pupil>().nth(7).unwrap().unwrap();
    let query = format!("{} {}", pupil.first_name, pupil.last_name);
    (pupil.id, pupil.full_name(), query)
}

fn all_cases(store: &Store) -> Vec<Case> {
    store.all::<Case>().map(Result::unwrap).collect()
}

#[test]
fn names_appear_only_from_two_letters_at_most_five_and_up_down_choose() {
    let (_dir, store, mut model, mut view) = picking();
    type_in(&store, &mut model, &mut view, "e");
    assert!(picker(&view).shown.is_empty());
    type_in(&store, &mut model, &mut view, "e");
    let shown = &picker(&view).shown;
    assert_eq!(
        shown.len(),
        super::SHOWN,
        "a common pair of letters fills the list"
    );
    for _ in 0..9 {
        send(&store, &mut model, &mut view, press(KeyCode::Down));
    }
    assert_eq!(picker(&view).chosen, super::SHOWN - 1);
    send(&store, &mut model, &mut view, press(KeyCode::Up));
    assert_eq!(picker(&view).chosen, super::SHOWN - 2);
    send(&store, &mut model, &mut view, press(KeyCode::Backspace));
    assert!(picker(&view).shown.is_empty());
}

#[test]
fn a_new_signal_becomes_a_case_in_the_first_phase_on_the_agenda_and_on_screen() {
    let (dir, store, mut model, mut view) = picking();
    let before = all_cases(&store).len();
    let (pupil, name, query) = a_pupil(&store);
    type_in(&store, &mut model, &mut view, &query);
    let shown = &picker(&view).shown;
    assert_eq!(shown[0].name, name, "{shown:?}");
    send(&store, &mut model, &mut view, press(KeyCode::Enter));
    assert!(matches!(picker(&view).step, Step::Question(_)));
    type_in(
        &store,
        &mut model,
        &mut view,
        "Leest nog niet, ouders maken zich zorgen",
    );
    send(&store, &mut model, &mut view, press(KeyCode::Enter));

    assert!(
        !view.overlays.is_open(OverlayKind::Picker),
        "the overlay closes"
    );
    let room = model.meeting.as_ref().unwrap();
    let meeting_id = room.meeting.id;
    let item = &room.meeting.agenda[room.meeting.current_item];
    let AgendaKind::Case { case: id } = item.kind else {
        panic!("not on the new case: {:?}", item.kind);
    };
    let signals = room
        .meeting
        .agenda
        .iter()
        .position(|i| i.kind == AgendaKind::NewSignals)
        .unwrap();
    assert_eq!(
        room.meeting.current_item,
        signals + 1,
        "right after Nieuwe signalen"
    );
    // Consent is not yet asked, and that is not consent: the shared screen shows the new
    // case by its pseudonym until the parents say "ja" (BRIEF §8).
    let brief = &room.cases[&id];
    assert_eq!(
        brief.case.pupil, pupil,
        "the case is about the pupil picked"
    );
    assert_eq!(brief.subject(), brief.case.pseudonym());
    assert_ne!(brief.subject(), name);

    // All of it is in the store, read back after a restart.
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(all_cases(&store).len(), before + 1);
    let case = store.case(id).unwrap().unwrap();
    assert_eq!(case.pupil, pupil);
    assert_eq!(case.question, "Leest nog niet, ouders maken zich zorgen");
    assert_eq!(case.phase, model.phases.first().id());
    assert_eq!(case.phase, "signaal");
    assert_eq!(case.consent, Consent::Unknown);
    assert_eq!(case.level, Level::MIN);
    assert_eq!(case.opened, today());
    assert_eq!(case.signalled_by, "");
    let events = store.events_of_case(id).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, EventKind::Opened);
    assert_eq!(events[0].meeting, Some(meeting_id));
    assert_eq!(events[0].date, today());
    let stored = store.meeting(meeting_id).unwrap().unwrap();
    assert_eq!(
        stored.agenda,
        model.meeting.as_ref().unwrap().meeting.agenda
    );
    assert_eq!(stored.current_item, signals + 1);
    assert!(
        store
            .cases_of_pupil(pupil)
            .unwrap()
            .iter()
            .any(|c| c.id == id)
    );
}

#[test]
fn signals_keep_the_order_they_were_raised_in() {
    let (_dir, store, mut model, mut view) = picking();
    let (_, _, query) = a_pupil(&store);
    let mut opened = Vec::new();
    for question in ["Eerste zorg", "Tweede zorg"] {
        if !view.overlays.is_open(OverlayKind::Picker) {
            act(&store, &mut model, &mut view, Command::NewSignal);
        }
        type_in(&store, &mut model, &mut view, &query);
        send(&store, &mut model, &mut view, press(KeyCode::Enter));
        type_in(&store, &mut model, &mut view, question);
        send(&store, &mut model, &mut view, press(KeyCode::Enter));
        let room = model.meeting.as_ref().unwrap();
        opened.push((
            room.meeting.current_item,
            room.current_case().unwrap().case.question.clone(),
        ));
    }
    assert_eq!(opened[1].0, opened[0].0 + 1, "{opened:?}");
}

#[test]
fn an_empty_hulpvraag_is_refused_and_asked_again() {
    let (_dir, store, mut model, mut view) = picking();
    let before = all_cases(&store).len();
    let (_, _, query) = a_pupil(&store);
    type_in(&store, &mut model, &mut view, &query);
    send(&store, &mut model, &mut view, press(KeyCode::Enter));
    type_in(&store, &mut model, &mut view, "   ");
    let effects = update(&mut model, &mut view, press(KeyCode::Enter));
    assert_eq!(effects, vec![]);
    assert_eq!(
        view.flash.as_deref(),
        Some(model.lang.texts().flash_question_needed)
    );
    assert!(matches!(picker(&view).step, Step::Question(_)));
    assert_eq!(all_cases(&store).len(), before);
}

#[test]
fn enter_without_a_pupil_found_picks_no_one() {
    let (_dir, store, mut model, mut view) = picking();
    type_in(&store, &mut model, &mut view, "x");
    let effects = update(&mut model, &mut view, press(KeyCode::Enter));
    assert_eq!(effects, vec![]);
    assert_eq!(picker(&view).step, Step::Pupil);
    assert!(view.flash.is_some());
}

#[test]
fn esc_cancels_at_either_question_and_nothing_is_written() {
    let (_dir, store, mut model, mut view) = picking();
    let cases = all_cases(&store).len();
    let meeting = model.meeting.as_ref().unwrap().meeting.clone();
    let (_, _, query) = a_pupil(&store);
    type_in(&store, &mut model, &mut view, &query);
    send(&store, &mut model, &mut view, press(KeyCode::Esc));
    assert!(!view.overlays.is_open(OverlayKind::Picker));

    act(&store, &mut model, &mut view, Command::NewSignal);
    type_in(&store, &mut model, &mut view, &query);
    send(&store, &mut model, &mut view, press(KeyCode::Enter));
    type_in(&store, &mut model, &mut view, "Half getypt");
    send(&store, &mut model, &mut view, press(KeyCode::Esc));
    assert!(!view.overlays.is_open(OverlayKind::Picker));

    assert_eq!(all_cases(&store).len(), cases);
    assert_eq!(model.meeting.as_ref().unwrap().meeting, meeting);
    assert_eq!(store.meeting(meeting.id).unwrap().unwrap(), meeting);
}

#[test]
fn without_nieuwe_signalen_on_the_agenda_the_case_comes_after_the_item_in_front() {
    let (_dir, store, mut model, mut view) = picking();
    let room = model.meeting.as_mut().unwrap();
    room.meeting
        .agenda
        .retain(|i| i.kind != AgendaKind::NewSignals);
    room.meeting.current_item = 1;
    let (_, _, query) = a_pupil(&store);
    type_in(&store, &mut model, &mut view, &query);
    send(&store, &mut model, &mut view, press(KeyCode::Enter));
    type_in(&store, &mut model, &mut view, "Zorg");
    send(&store, &mut model, &mut view, press(KeyCode::Enter));
    let room = model.meeting.as_ref().unwrap();
    assert_eq!(room.meeting.current_item, 2);
    assert_eq!(room.current_case().unwrap().case.question, "Zorg");
}

#[test]
fn s_does_nothing_outside_the_meeting() {
    let (_dir, _store, mut model) = school();
    let mut view = View::default();
    assert_eq!(update(&mut model, &mut view, Command::NewSignal), vec![]);
}
