//! The vendored sled's eighth change (vendor/README.md): a database built to be swapped in
//! leaves each write of its log to the OS and syncs it at a flush only; what was written is
//! all there after the flush, the drop and a reopen.

use tempfile::TempDir;

const KEYS: u64 = 1_700;

fn value(key: u64) -> Vec<u8> {
    // Some values over sled's blob threshold (128 KB), which go to files of their own.
    let len = if key.is_multiple_of(100) {
        200 * 1024
    } else {
        40
    };
    vec![(key % 251) as u8; len]
}

#[test]
fn a_database_synced_at_a_flush_only_holds_everything_after_it() {
    let dir = TempDir::new().unwrap();
    {
        let db = sled::Config::new()
            .path(dir.path())
            .sync_on_flush_only(true)
            .open()
            .unwrap();
        let tree = db.open_tree("records").unwrap();
        for key in 0..KEYS {
            tree.insert(key.to_be_bytes(), value(key)).unwrap();
        }
        for key in (0..KEYS).filter(|key| key.is_multiple_of(3)) {
            tree.remove(key.to_be_bytes()).unwrap();
        }
        db.flush().unwrap();
    }
    let db = sled::Config::new().path(dir.path()).open().unwrap();
    let tree = db.open_tree("records").unwrap();
    let keys: Vec<u64> = tree
        .iter()
        .keys()
        .map(|key| u64::from_be_bytes(key.unwrap().as_ref().try_into().unwrap()))
        .collect();
    let want: Vec<u64> = (0..KEYS).filter(|key| !key.is_multiple_of(3)).collect();
    assert_eq!(keys, want);
    for key in want {
        assert_eq!(tree.get(key.to_be_bytes()).unwrap().unwrap(), value(key));
    }
}
