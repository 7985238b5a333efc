//! The harness's own parts. The injected disk faults behave as a real disk under sled: a write fails with the error
//! of a full or read-only disk, later writes keep failing until the store is reopened, and
//! reading goes on meanwhile. The index check finds what a torn write would leave.

use chrono::NaiveDate;

use super::Store;
use super::StoreError;
use super::fault::Fault;
use crate::domain::{CaseId, Note, NoteId};

fn note(id: u64, text: &str) -> Note {
    Note {
        id: NoteId(id),
        case: Some(CaseId(1)),
        phase: None,
        meeting: None,
        agenda_item: None,
        date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        text: text.into(),
    }
}

fn kind<T: std::fmt::Debug>(result: Result<T, StoreError>) -> Option<std::io::ErrorKind> {
    match result {
        Err(StoreError::Io(err)) => Some(err.kind()),
        other => panic!("not a disk error: {other:?}"),
    }
}

#[test]
fn a_full_or_read_only_disk_fails_writes_until_reopened_and_reading_goes_on() {
    for (fault, expected) in [
        (Fault::Full, std::io::ErrorKind::StorageFull),
        (Fault::ReadOnly, std::io::ErrorKind::ReadOnlyFilesystem),
    ] {
        let dir = tempfile::TempDir::new().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.save(&note(1, "bewaard")).unwrap();
        let switch = store.fault_switch();

        switch.set(Some(fault));
        assert_eq!(kind(store.save(&note(2, "vol"))), Some(expected));
        assert_eq!(
            kind(store.next_id(crate::store::TreeId::Notes)),
            Some(expected)
        );
        assert_eq!(kind(store.set_school("De Linde")), Some(expected));
        // Space is back, but the store keeps the error, as sled does.
        switch.set(None);
        assert_eq!(kind(store.save(&note(2, "vol"))), Some(expected));
        assert_eq!(
            store.note(1).unwrap(),
            Some(note(1, "bewaard")),
            "reading goes on"
        );
        assert_eq!(store.note(2).unwrap(), None);

        let store = store.recovered().unwrap();
        assert!(!store.is_read_only());
        store.save(&note(2, "weer ruimte")).unwrap();
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.note(1).unwrap(), Some(note(1, "bewaard")));
        assert_eq!(store.note(2).unwrap(), Some(note(2, "weer ruimte")));
    }
}

#[test]
fn a_store_reopened_keeps_its_switch() {
    let dir = tempfile::TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let switch = store.fault_switch();
    switch.set(Some(Fault::Full));
    assert!(store.save(&note(1, "x")).is_err());
    let store = store.recovered().unwrap();
    assert!(
        store.save(&note(1, "x")).is_err(),
        "still full after the reopen"
    );
    switch.set(None);
    let store = store.recovered().unwrap();
    store.save(&note(1, "x")).unwrap();
}

#[test]
fn the_index_check_finds_a_missing_and_a_stray_entry() {
    let dir = tempfile::TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    crate::demo::fill(
        &store,
        crate::demo::Scale::School,
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    )
    .unwrap();
    assert_eq!(store.index_drift().unwrap(), Vec::<String>::new());
    let by_case = store.tree(super::TreeId::ByCase);
    let (key, _) = by_case.iter().next().unwrap().unwrap();
    by_case.remove(&key).unwrap();
    by_case.insert([9u8; 17], &[]).unwrap();
    let drift = store.index_drift().unwrap();
    assert_eq!(drift.len(), 2, "{drift:?}");
    assert!(drift[0].starts_with("missing in "), "{drift:?}");
    assert_eq!(
        drift[1],
        format!(
            "stray in {}: {}",
            super::TreeId::ByCase.name(),
            "09".repeat(17)
        )
    );
}
