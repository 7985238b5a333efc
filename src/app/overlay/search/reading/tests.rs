//! The index read on a real thread beside a real store, as the screen's loop does it: `take`
//! after every update, `arrived` at every turn of the loop.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Reading;
use crate::app::overlay::search::tests::open_search;
use crate::app::{Command, Effect, Message, Model, OverlayKind, View, apply, update};
use crate::query::search::{Audience, HitKind, SearchIndex};
use crate::store::{Given, KdfParams, Passphrase, Store};
use crate::testkit::app::{model, school};
use crate::testkit::today;

/// What the loop does with `/` and the keys after it.
fn typed(reading: &mut Reading, store: &Store, model: &mut Model, view: &mut View, text: &str) {
    for c in text.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let mut effects = update(model, view, Message::SearchKey(key));
        reading.take(&mut effects, view, store);
        apply(store, model, view, effects, today()).unwrap();
    }
}

fn slash(reading: &mut Reading, store: &Store, model: &mut Model, view: &mut View) {
    let mut effects = update(model, view, Command::Search);
    assert_eq!(effects, vec![Effect::LoadSearch]);
    reading.take(&mut effects, view, store);
    assert_eq!(effects, vec![], "the loop reads it beside, not `apply`");
    assert!(reading.waiting());
    assert!(
        view.overlays.is_open(OverlayKind::Search),
        "the overlay opens at once"
    );
}

/// The loop's turns until the reading is done; what its arrival asked for.
fn arrival(reading: &mut Reading, model: &mut Model, view: &mut View) -> Vec<Effect> {
    // A bound on a hung reader, not a measure of speed: a school's index takes well under a
    // second.
    for _ in 0..12_000 {
        let effects = reading.arrived(model, view);
        if !reading.waiting() {
            return effects;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the index never arrived");
}

#[test]
fn the_index_read_beside_arrives_and_what_was_typed_meanwhile_is_searched() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    let mut reading = Reading::default();
    slash(&mut reading, &store, &mut model, &mut view);
    typed(&mut reading, &store, &mut model, &mut view, "de");
    assert_eq!(arrival(&mut reading, &mut model, &mut view), vec![]);
    let index = view.search_index.clone().expect("arrived");
    let overlay = open_search(&view);
    let fresh = index.matches("de", Audience::Private, crate::app::overlay::search::LIMIT);
    assert!(!fresh.is_empty());
    assert_eq!(overlay.results, fresh);
    assert_eq!(
        index.len(),
        SearchIndex::load(&store).unwrap().len(),
        "the whole index, read from a second open of the database"
    );
}

#[test]
fn a_write_while_the_index_is_read_is_not_missed() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    let mut reading = Reading::default();
    slash(&mut reading, &store, &mut model, &mut view);
    typed(&mut reading, &store, &mut model, &mut view, "zwemles");
    // Written while the thread reads (a retried write lands while the overlay is open).
    let decision = Effect::NewDecision(Box::new(crate::domain::Decision {
        id: crate::domain::DecisionId(0),
        case: None,
        meeting: None,
        agenda_item: None,
        date: today(),
        text: "Zwemles regelen".into(),
    }));
    apply(&store, &mut model, &mut view, vec![decision], today()).unwrap();
    let mut again = arrival(&mut reading, &mut model, &mut view);
    assert_eq!(again, vec![Effect::LoadSearch], "read before the write");
    assert!(view.search_index.is_none());
    reading.take(&mut again, &view, &store);
    assert_eq!(again, vec![]);
    assert_eq!(arrival(&mut reading, &mut model, &mut view), vec![]);
    assert!(view.search_index.is_some());
    let overlay = open_search(&view);
    assert!(
        overlay
            .results
            .hits()
            .any(|hit| hit.kind == HitKind::Decision && hit.text == "Zwemles regelen"),
        "{:?}",
        overlay.results
    );
}

#[test]
fn an_encrypted_database_is_read_beside_with_the_screens_key() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut given = Given {
        passphrase: Some(Passphrase::new("geheim".into())),
        params: KdfParams::FAST,
    };
    let store = Store::open_with(dir.path(), &mut given).unwrap();
    assert!(store.is_encrypted());
    let pupil = crate::testkit::pupil(1, "Ilse", "", "Zwanenburg");
    store.insert(&pupil).unwrap();
    let mut model = model(0);
    let mut view = View::default();
    let mut reading = Reading::default();
    slash(&mut reading, &store, &mut model, &mut view);
    typed(&mut reading, &store, &mut model, &mut view, "zwan");
    assert_eq!(arrival(&mut reading, &mut model, &mut view), vec![]);
    let overlay = open_search(&view);
    let names: Vec<_> = overlay.results.hits().map(|hit| &hit.subject).collect();
    assert_eq!(names, ["Ilse Zwanenburg"]);
}

#[test]
fn when_the_database_does_not_open_beside_the_index_is_read_on_the_screens_store() {
    let (dir, store, mut model) = school();
    // The writer's files stay open where they went; a second open finds no database.
    std::fs::rename(dir.path().join("db"), dir.path().join("elders")).unwrap();
    let mut view = View::default();
    let mut reading = Reading::default();
    slash(&mut reading, &store, &mut model, &mut view);
    typed(&mut reading, &store, &mut model, &mut view, "de");
    let mut effects = arrival(&mut reading, &mut model, &mut view);
    assert_eq!(effects, vec![Effect::LoadSearch]);
    reading.take(&mut effects, &view, &store);
    assert_eq!(effects, vec![Effect::LoadSearch], "left for `apply`");
    apply(&store, &mut model, &mut view, effects, today()).unwrap();
    assert!(!reading.waiting());
    assert!(!open_search(&view).results.is_empty());
}

#[test]
fn a_reading_told_to_stop_stops_early() {
    let (_dir, store, _model) = school();
    let stop = std::sync::atomic::AtomicBool::new(true);
    let stopped = SearchIndex::load_until(&store, &stop).unwrap();
    assert!(stopped.is_empty(), "{stopped:?}");
    assert!(!SearchIndex::load(&store).unwrap().is_empty());
}
