//! The vendored sled's eleventh change (vendor/README.md): a writer's open builds each
//! segment's book of the pages it holds from one sorted list instead of a set insertion per
//! fragment. That book decides which pages the segment cleaner moves out before a segment is
//! freed and written over: a page left out of it would be lost.

use tempfile::TempDir;

const KEYS: u64 = 3000;

fn value(key: u64, round: u64) -> Vec<u8> {
    vec![((key * 7 + round) % 251) as u8; 700]
}

fn config(dir: &TempDir) -> sled::Config {
    // Small segments: the keys fill dozens, and rewrites empty them enough to be cleaned.
    sled::Config::new().path(dir.path()).segment_size(64 * 1024)
}

/// Written, then reopened by a writer (its books recovered from the snapshot) again and
/// again, each time rewriting most keys so that the cleaner empties old segments and moves
/// the pages the books name: every key holds its last value at the end.
#[test]
fn a_reopened_writer_keeps_every_page_while_segments_are_cleaned_and_reused() {
    let dir = TempDir::new().unwrap();
    let mut last = vec![0u64; KEYS as usize];
    {
        let db = config(&dir).open().unwrap();
        for key in 0..KEYS {
            db.insert(key.to_be_bytes(), value(key, 0)).unwrap();
        }
        db.flush().unwrap();
    }
    for round in 1..=6 {
        let db = config(&dir).open().unwrap();
        // A different third of the keys stays as it was each round.
        for key in (0..KEYS).filter(|key| key % 3 != round % 3) {
            db.insert(key.to_be_bytes(), value(key, round)).unwrap();
            last[key as usize] = round;
        }
        db.flush().unwrap();
    }
    let db = config(&dir).open().unwrap();
    for key in 0..KEYS {
        let found = db.get(key.to_be_bytes()).unwrap();
        assert_eq!(
            found.as_deref(),
            Some(value(key, last[key as usize]).as_slice()),
            "key {key}"
        );
    }
    assert_eq!(db.len() as u64, KEYS);
}
