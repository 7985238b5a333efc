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
