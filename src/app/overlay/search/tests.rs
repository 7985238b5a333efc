use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Command, Effect, Message, Screen, View, apply, update};
use crate::query::search::{Audience, HitKind};
use crate::testkit::app::{act, on_case, school};

fn press(code: KeyCode) -> Message {
    Message::SearchKey(KeyEvent::new(code, KeyModifiers::NONE))
}

fn typed(text: &str) -> Vec<Message> {
    text.chars().map(|c| press(KeyCode::Char(c))).collect()
}

#[test]
fn slash_reads_the_index_once_and_types_into_the_query() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    assert_eq!(
        update(&mut model, &mut view, Command::Search),
        vec![Effect::LoadSearch]
    );
    act(&store, &mut model, &mut view, Command::Search);
    let overlay = view.search.as_ref().expect("open");
    assert_eq!(overlay.audience, Audience::Private);
    assert!(view.search_index.is_some());
    for message in typed("de") {
        update(&mut model, &mut view, message);
    }
    let overlay = view.search.as_ref().unwrap();
    assert!(!overlay.results.is_empty());
    assert_eq!(overlay.results.groups[0].kind, HitKind::Pupil);
    update(&mut model, &mut view, press(KeyCode::Down));
    assert_eq!(view.search.as_ref().unwrap().selected, 1);
    update(&mut model, &mut view, press(KeyCode::Esc));
    assert!(view.search.is_none());
    assert_eq!(
        update(&mut model, &mut view, Command::Search),
        vec![],
        "the index is kept"
    );
}

#[test]
fn enter_on_a_pupil_opens_their_dossier_from_the_start_screen() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::Search);
    for message in typed("de") {
        update(&mut model, &mut view, message);
    }
    let chosen = view.search.as_ref().unwrap().chosen().unwrap().clone();
    assert_eq!(chosen.kind, HitKind::Pupil);
    let effects = update(&mut model, &mut view, press(KeyCode::Enter));
    assert!(view.search.is_none());
    assert_eq!(effects.len(), 1, "{effects:?}");
    apply(
        &store,
        &mut model,
        &mut view,
        effects,
        crate::testkit::today(),
    )
    .unwrap();
    assert_eq!(model.screen, Screen::Dossier);
    let dossier = model.dossier.as_ref().unwrap().dossier();
    assert_eq!(Some(dossier.pupil.id), chosen.pupil);
}

#[test]
fn enter_during_a_meeting_only_names_the_choice() {
    let (_dir, store, mut model, mut view) = on_case(|_| true);
    act(&store, &mut model, &mut view, Command::Search);
    for message in typed("de") {
        update(&mut model, &mut view, message);
    }
    let chosen = view.search.as_ref().unwrap().chosen().unwrap().clone();
    let effects = update(&mut model, &mut view, press(KeyCode::Enter));
    assert_eq!(effects, vec![], "no dossier over the projector");
    assert_eq!(model.screen, Screen::Meeting);
    assert!(view.search.is_none());
    assert!(
        view.flash.as_ref().unwrap().contains(&chosen.subject),
        "{:?}",
        view.flash
    );
}

#[test]
fn during_a_meeting_no_pupil_is_listed_and_a_write_drops_the_index() {
    let (_dir, store, mut model, mut view) = on_case(|_| true);
    assert_eq!(model.screen, Screen::Meeting);
    act(&store, &mut model, &mut view, Command::Search);
    let showing = model.meeting.as_ref().unwrap().meeting.showing();
    assert_eq!(
        view.search.as_ref().unwrap().audience,
        Audience::Shared(showing)
    );
    for message in typed("de") {
        update(&mut model, &mut view, message);
    }
    let overlay = view.search.as_ref().unwrap();
    assert!(!overlay.results.is_empty());
    assert!(overlay.results.hits().all(|hit| hit.kind != HitKind::Pupil));
    update(&mut model, &mut view, press(KeyCode::Esc));
    // A decision is written: what `/` finds has changed.
    let effects = vec![Effect::NewDecision(Box::new(crate::domain::Decision {
        id: crate::domain::DecisionId(0),
        case: None,
        meeting: None,
        agenda_item: None,
        date: model.today,
        text: "Zwemles regelen".into(),
    }))];
    let today = model.today;
    apply(&store, &mut model, &mut view, effects, today).unwrap();
    assert!(view.search_index.is_none());
}
