use tempfile::TempDir;

use super::*;
use crate::domain::{Pupil, PupilId};
use crate::testkit::pupil;

/// A database holding pupil 1 ("old"), a new one holding pupil 2 ("new") built beside it,
/// and the swap stopped at `stage` (`None`: the build itself never finished).
fn interrupted(stage: Option<Stage>) -> TempDir {
    let dir = TempDir::new().unwrap();
    let live = Store::open(dir.path()).unwrap();
    live.insert(&pupil(1, "Oud", "", "Quibblesworth")).unwrap();
    let beside = live.beside().unwrap();
    beside
        .store()
        .insert(&pupil(2, "Nieuw", "", "Quibblesworth"))
        .unwrap();
    drop(live);
    match stage {
        Some(stage) => beside.stop_at(stage),
        None => drop(beside),
    }
    dir
}

fn pupils_after_reopening(dir: &TempDir) -> Vec<String> {
    let store = Store::open(dir.path()).unwrap();
    let names = store
        .all::<Pupil>()
        .map(|p| p.unwrap().first_name)
        .collect();
    drop(store);
    for leftover in [NEW_DIR, OLD_DIR] {
        assert!(!dir.path().join(leftover).exists(), "{leftover} cleared");
    }
    names
}

#[test]
fn a_build_that_never_finished_leaves_the_old_database() {
    let dir = interrupted(None);
    assert!(dir.path().join(NEW_DIR).exists());
    assert_eq!(pupils_after_reopening(&dir), ["Oud"]);
}

#[test]
fn a_crash_between_the_renames_is_finished_at_the_next_open() {
    let dir = interrupted(Some(Stage::LiveMovedAside));
    assert!(!dir.path().join(DB_DIR).exists());
    assert!(Store::exists(dir.path()), "look-ups still find a database");
    assert_eq!(pupils_after_reopening(&dir), ["Nieuw"]);
}

#[test]
fn a_crash_before_the_old_database_was_removed_removes_it_at_the_next_open() {
    let dir = interrupted(Some(Stage::NewMovedIn));
    assert!(dir.path().join(OLD_DIR).exists());
    assert_eq!(pupils_after_reopening(&dir), ["Nieuw"]);
}

#[test]
fn a_finished_swap_opens_the_new_database_under_the_same_lock() {
    let dir = TempDir::new().unwrap();
    let live = Store::open(dir.path()).unwrap();
    live.insert(&pupil(1, "Oud", "", "Quibblesworth")).unwrap();
    let beside = live.beside().unwrap();
    beside
        .store()
        .insert(&pupil(2, "Nieuw", "", "Quibblesworth"))
        .unwrap();
    drop(live);
    let store = beside.finish().unwrap();
    assert!(matches!(Store::open(dir.path()), Err(StoreError::InUse(_))));
    assert_eq!(
        store.pupil(PupilId(2)).unwrap(),
        Some(pupil(2, "Nieuw", "", "Quibblesworth"))
    );
    assert_eq!(store.pupil(PupilId(1)).unwrap(), None);
    assert_eq!(
        store.schema_version().unwrap(),
        Some(super::super::schema::CURRENT)
    );
}
