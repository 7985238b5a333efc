use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Loaded;
use crate::app::{Command, Effect, Message, OverlayKind, Screen, View, apply, update};
use crate::query::search::{Audience, HitKind};
use crate::testkit::app::{act, on_case, school};

fn press(code: KeyCode) -> Message {
    Message::SearchKey(KeyEvent::new(code, KeyModifiers::NONE))
}

fn typed(text: &str) -> Vec<Message> {
    text.chars().map(|c| press(KeyCode::Char(c))).collect()
}

/// The search overlay on top of `view`, which the test has opened.
pub(super) fn open_search(view: &View) -> &super::Search {
    view.overlays
        .get::<super::Search>()
        .expect("the search is open")
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
    let overlay = open_search(&view);
    assert_eq!(overlay.audience, Audience::Private);
    assert!(view.search_index.is_some());
    for message in typed("de") {
        update(&mut model, &mut view, message);
    }
    let overlay = open_search(&view);
    assert!(!overlay.results.is_empty());
    assert_eq!(overlay.results.groups[0].kind, HitKind::Pupil);
    update(&mut model, &mut view, press(KeyCode::Down));
    assert_eq!(open_search(&view).selected, 1);
    update(&mut model, &mut view, press(KeyCode::Esc));
    assert!(!view.overlays.is_open(OverlayKind::Search));
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
    let chosen = open_search(&view).chosen().unwrap().clone();
    assert_eq!(chosen.kind, HitKind::Pupil);
    let effects = update(&mut model, &mut view, press(KeyCode::Enter));
    assert!(!view.overlays.is_open(OverlayKind::Search));
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
    let chosen = open_search(&view).chosen().unwrap().clone();
    let effects = update(&mut model, &mut view, press(KeyCode::Enter));
    assert_eq!(effects, vec![], "no dossier over the projector");
    assert_eq!(model.screen, Screen::Meeting);
    assert!(!view.overlays.is_open(OverlayKind::Search));
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
    assert_eq!(open_search(&view).audience, Audience::Shared(showing));
    for message in typed("de") {
        update(&mut model, &mut view, message);
    }
    let overlay = open_search(&view);
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

/// The index as the screen's loop delivers it, read in `epoch`.
fn arriving(store: &crate::store::Store, epoch: u64) -> Message {
    let index = crate::query::search::SearchIndex::load(store).unwrap();
    Message::SearchLoaded(Loaded {
        index: std::sync::Arc::new(index),
        epoch,
    })
}

#[test]
fn keys_typed_before_the_index_arrives_are_kept_and_searched_when_it_does() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    // The loop reads the index beside the screen: `/` opens at once and asks for it.
    let effects = update(&mut model, &mut view, Command::Search);
    assert_eq!(effects, vec![Effect::LoadSearch]);
    assert!(view.overlays.is_open(OverlayKind::Search) && view.search_index.is_none());
    for message in typed("dee") {
        assert_eq!(update(&mut model, &mut view, message), vec![]);
    }
    update(&mut model, &mut view, press(KeyCode::Backspace));
    let overlay = open_search(&view);
    assert_eq!(overlay.query.lines(), ["de"]);
    assert!(overlay.results.is_empty(), "nothing to search in yet");
    // Enter has nothing to choose yet, and says why.
    update(&mut model, &mut view, press(KeyCode::Enter));
    assert!(view.overlays.is_open(OverlayKind::Search));
    assert_eq!(
        view.flash.as_deref(),
        Some(model.lang.texts().search_loading)
    );

    let epoch = view.search_epoch;
    assert_eq!(
        update(&mut model, &mut view, arriving(&store, epoch)),
        vec![]
    );
    assert!(view.search_index.is_some());
    let overlay = open_search(&view);
    let index = std::sync::Arc::clone(view.search_index.as_ref().unwrap());
    let fresh = index.matches("de", overlay.audience, super::LIMIT);
    assert!(!fresh.is_empty());
    assert_eq!(overlay.results, fresh, "what was typed is searched");
    // Typing goes on in the session the index began.
    update(&mut model, &mut view, press(KeyCode::Char('v')));
    let overlay = open_search(&view);
    assert_eq!(
        overlay.results,
        index.matches("dev", overlay.audience, super::LIMIT)
    );
}

#[test]
fn an_index_read_before_a_write_is_dropped_and_read_again() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    update(&mut model, &mut view, Command::Search);
    let epoch = view.search_epoch;
    let stale = arriving(&store, epoch);
    for message in typed("zw") {
        update(&mut model, &mut view, message);
    }
    // A write while it was read (a decision): the index may miss it.
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
    assert_eq!(view.search_epoch, epoch + 1);
    assert_eq!(
        update(&mut model, &mut view, stale),
        vec![Effect::LoadSearch],
        "the overlay still waits: read again"
    );
    assert!(view.search_index.is_none());
    assert!(open_search(&view).results.is_empty());
    let fresh = arriving(&store, view.search_epoch);
    update(&mut model, &mut view, fresh);
    let overlay = open_search(&view);
    assert!(
        overlay
            .results
            .hits()
            .any(|hit| hit.kind == HitKind::Decision && hit.text == "Zwemles regelen"),
        "{:?}",
        overlay.results
    );
    // Once closed, a late stale index asks for nothing.
    update(&mut model, &mut view, press(KeyCode::Esc));
    view.search_index = None;
    let late = arriving(&store, epoch);
    assert_eq!(update(&mut model, &mut view, late), vec![]);
    assert!(view.search_index.is_none());
}
