//! The vendored sled's eighth change (vendor/README.md): a database built to be swapped in
//! leaves each write of its log to the OS and syncs it at a flush only; what was written is
//! all there after the flush, the drop and a reopen.

mod common;

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

/// The vendored sled's ninth change: a value over the blob threshold goes to a file of its own
/// and the log holds a pointer to it; the file and its entry in `blobs/` reach the disk before
/// the function returns (and so before the log message pointing at it is synced). Watched
/// with strace, because no test can cut the power: `otter restore` of a school with a pupil
/// record of 200 KB. (The test watched `otter demo` first, whose school has no value over the
/// threshold: its largest minutes are 22 KB, and whether sled wrote some page of it as a blob
/// depended on the order of the demo's writes, which schema 7's search texts changed.)
#[cfg(target_os = "linux")]
#[test]
fn every_blob_file_and_its_folder_entry_are_synced_as_they_are_written() {
    if std::process::Command::new("strace")
        .arg("-V")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI has no strace (.ci/run installs it): the blob sync test cannot run"
        );
        eprintln!("skipped: strace is not installed");
        return;
    }
    let school = TempDir::new().unwrap();
    let file = school.path().join("school.json");
    {
        let store = otter::store::Store::open(&school.path().join("data")).unwrap();
        store
            .insert(&otter::domain::Pupil {
                id: otter::domain::PupilId(1),
                first_name: "Zebediah".into(),
                prefix: String::new(),
                last_name: "Quibblesworth".into(),
                groep: 4,
                birth_date: chrono::NaiveDate::from_ymd_opt(2018, 5, 1).unwrap(),
                teacher: "x".repeat(200 * 1024),
            })
            .unwrap();
        otter::store::backup::write_backup(&store, &file).unwrap();
    }
    let data = TempDir::new().unwrap();
    let traces = TempDir::new().unwrap();
    let otter = common::otter_std(data.path());
    let mut cmd = std::process::Command::new("strace");
    cmd.args(["-f", "-ff", "-qq", "-e", "trace=openat,fsync,close", "-o"])
        .arg(traces.path().join("t"))
        .arg(otter.get_program())
        .arg("restore")
        .arg(&file);
    for (key, value) in otter.get_envs() {
        match value {
            Some(value) => cmd.env(key, value),
            None => cmd.env_remove(key),
        };
    }
    let output = cmd.output().unwrap();
    assert!(output.status.success(), "{output:?}");

    let (mut blobs, mut blobs_synced, mut folders_synced) = (0, 0, 0);
    for trace in std::fs::read_dir(traces.path()).unwrap() {
        // One file per thread: a blob is written by one call on one thread, so its open,
        // sync and close are in order in one file.
        let text = std::fs::read_to_string(trace.unwrap().path()).unwrap();
        let mut open_blobs: Vec<String> = Vec::new();
        let mut open_folders: Vec<String> = Vec::new();
        let mut synced: Vec<String> = Vec::new();
        for line in text.lines() {
            let fd = line.rsplit("= ").next().unwrap_or("").trim().to_string();
            if line.starts_with("openat(") && line.contains("/blobs/") && line.contains("O_CREAT") {
                blobs += 1;
                open_blobs.push(fd);
            } else if line.starts_with("openat(") && line.contains("/blobs\"") {
                open_folders.push(fd);
            } else if let Some(arg) = call_fd(line, "fsync(") {
                if open_blobs.contains(&arg) {
                    synced.push(arg);
                } else if open_folders.contains(&arg) {
                    folders_synced += 1;
                }
            } else if let Some(arg) = call_fd(line, "close(") {
                if let Some(at) = open_blobs.iter().position(|fd| *fd == arg) {
                    open_blobs.remove(at);
                    if let Some(at) = synced.iter().position(|fd| *fd == arg) {
                        synced.remove(at);
                        blobs_synced += 1;
                    }
                }
                open_folders.retain(|fd| *fd != arg);
            }
        }
    }
    assert!(
        blobs > 0,
        "the restore wrote no blob: the test watches nothing"
    );
    assert_eq!(
        blobs_synced, blobs,
        "each blob file synced before it is closed"
    );
    assert!(
        folders_synced >= blobs,
        "{folders_synced} syncs of blobs/ for {blobs} blobs"
    );
}

/// The file descriptor a traced `call` names, as in `fsync(7) = 0`.
#[cfg(target_os = "linux")]
fn call_fd(line: &str, call: &str) -> Option<String> {
    let rest = line.strip_prefix(call)?;
    Some(rest.split(')').next()?.to_string())
}
