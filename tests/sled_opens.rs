//! The vendored sled's tenth change (vendor/README.md): an open reads no blob that its
//! snapshot already holds, and a read-only open keeps no book of which pages live in which
//! segment. What an open recovers is the same.

use std::path::Path;

use tempfile::TempDir;

/// Over sled's blob threshold (128 KB): stored in a file of its own under `blobs/`.
const LARGE: usize = 200 * 1024;

fn value(key: u64) -> Vec<u8> {
    vec![(key % 251) as u8; 40]
}

/// A database of ten small keys, and in a tree of its own a value stored as blobs (the value
/// and its leaf), written and then opened again by a writer, which writes a snapshot that
/// holds them all.
fn snapshotted() -> TempDir {
    let dir = TempDir::new().unwrap();
    {
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        for key in 0..10u64 {
            db.insert(key.to_be_bytes(), value(key)).unwrap();
            if key == 4 {
                let big = db.open_tree("big").unwrap();
                big.insert(b"large", vec![7u8; LARGE]).unwrap();
            }
        }
        db.flush().unwrap();
    }
    drop(sled::Config::new().path(dir.path()).open().unwrap());
    dir
}

fn blob_files(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir.join("blobs"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect()
}

#[test]
fn an_open_reads_no_blob_its_snapshot_holds() {
    let dir = snapshotted();
    let blobs = blob_files(dir.path());
    assert!(!blobs.is_empty());
    // Their checksums no longer match: reading them now fails. An open that read them (sled
    // before the change, twice) took the log to end at the first and lost what came after.
    for blob in &blobs {
        let len = std::fs::metadata(blob).unwrap().len();
        std::fs::write(blob, vec![0xA5; len as usize]).unwrap();
    }
    for read_only in [true, false] {
        let db = sled::Config::new()
            .path(dir.path())
            .read_only(read_only)
            .open()
            .unwrap();
        for key in 0..10u64 {
            assert_eq!(
                db.get(key.to_be_bytes()).unwrap().unwrap(),
                value(key),
                "key {key}, read_only {read_only}"
            );
        }
    }
}

#[test]
fn a_read_only_open_reads_what_a_writer_reads() {
    let dir = snapshotted();
    // Written after the snapshot: a log tail, over more than one segment, with blobs.
    {
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        for key in 10..40u64 {
            db.insert(key.to_be_bytes(), vec![(key % 251) as u8; 64 * 1024])
                .unwrap();
        }
        db.remove(3u64.to_be_bytes()).unwrap();
        db.flush().unwrap();
    }
    let everything = |db: &sled::Db| {
        db.iter()
            .map(|item| item.unwrap())
            .map(|(key, value)| (key.to_vec(), value.to_vec()))
            .collect::<Vec<_>>()
    };
    let read = everything(
        &sled::Config::new()
            .path(dir.path())
            .read_only(true)
            .open()
            .unwrap(),
    );
    let written = everything(&sled::Config::new().path(dir.path()).open().unwrap());
    assert_eq!(read.len(), 39);
    assert!(blob_files(dir.path()).len() > 1);
    assert_eq!(read, written);
}
