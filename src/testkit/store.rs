//! Stores for tests.

use chrono::NaiveDate;
use tempfile::TempDir;

use crate::store::Store;

/// A fresh store holding the demo school as of `today`.
pub(crate) fn demo_store(today: NaiveDate) -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    crate::demo::fill(&store, crate::demo::Scale::School, today).unwrap();
    (dir, store)
}

/// The meeting open on the test's day or planned next (the demo has one).
pub(crate) fn next_meeting(store: &Store) -> crate::domain::Meeting {
    let id = crate::query::meeting::current_or_next(store, crate::testkit::today())
        .unwrap()
        .expect("a meeting open or planned");
    store.meeting(id).unwrap().unwrap()
}

/// Every pupil of `store` that `text` shows as `shown` has them (a full name, initials such as
/// "S.d.V."): a buffer or a page scanned for pupils it must not name.
pub(crate) fn pupils_shown(
    store: &Store,
    text: &str,
    shown: impl Fn(&crate::domain::Pupil) -> String,
) -> Vec<String> {
    store
        .all::<crate::domain::Pupil>()
        .map(|pupil| shown(&pupil.unwrap()))
        .filter(|form| text.contains(form.as_str()))
        .collect()
}
