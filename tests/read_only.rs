//! Look-ups read without writing: not a byte, not a timestamp in the data directory, so they
//! also answer from a read-only disk.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use common::{otter, stdout_of};
use tempfile::TempDir;

/// The commands that only read, as a person types them.
const LOOK_UPS: &[&[&str]] = &[
    &["actions", "--open", "--owner", "Marieke"],
    &["pupils"],
    &["search", "emma"],
    &["meetings"],
    &["audit"],
    &["school"],
    &["presentation"],
];

/// Every file under `dir` with its size and modification time.
fn fingerprint(dir: &Path) -> BTreeMap<PathBuf, (u64, SystemTime)> {
    let mut files = BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                folders.push(entry.path());
            } else {
                files.insert(entry.path(), (meta.len(), meta.modified().unwrap()));
            }
        }
    }
    files
}

/// A demo school that has been written to after it was made, so that sled has a log tail to
/// recover (and, before the read-only open, to zero) at the next open.
fn written_school() -> TempDir {
    let dir = TempDir::new().unwrap();
    otter(dir.path()).arg("demo").assert().success();
    otter(dir.path())
        .args(["school", "De", "Regenboog"])
        .assert()
        .success();
    dir
}

#[test]
fn a_look_up_writes_no_byte_to_the_data_directory() {
    let school = written_school();
    let before = fingerprint(school.path());
    assert!(before.len() >= 3, "{before:?}");
    for args in LOOK_UPS {
        otter(school.path()).args(*args).assert().success();
    }
    let pupil = stdout_of(otter(school.path()).arg("pupils"));
    let name = pupil.lines().nth(1).unwrap().split("  ").next().unwrap();
    otter(school.path())
        .args(["pupil", name])
        .assert()
        .success();
    let elsewhere = TempDir::new().unwrap();
    otter(school.path())
        .arg("backup")
        .arg(elsewhere.path().join("school.json"))
        .assert()
        .success();
    assert_eq!(fingerprint(school.path()), before);
    // And the database still opens for writing after all those reads.
    otter(school.path())
        .args(["school", "Het", "Kompas"])
        .assert()
        .success();
    assert_eq!(
        stdout_of(otter(school.path()).arg("school")).trim(),
        "Het Kompas"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_look_up_answers_from_a_read_only_data_directory_and_says_so_once() {
    let school = written_school();
    let expected = stdout_of(otter(school.path()).args(["actions", "--open"]));
    let Some(output) = common::with_read_only(school.path(), school.path(), &["actions", "--open"])
    else {
        return;
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&output.stdout), expected);
    assert_eq!(stderr.matches("alleen-lezen").count(), 1, "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");

    // A backup to a writable place works too; a change is refused as a disk error.
    let elsewhere = TempDir::new().unwrap();
    let copy = elsewhere.path().join("school.json");
    let copy = copy.to_str().unwrap();
    let output = common::with_read_only(school.path(), school.path(), &["backup", copy]).unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(std::fs::metadata(copy).unwrap().len() > 1000);
    let output =
        common::with_read_only(school.path(), school.path(), &["school", "Het", "Kompas"]).unwrap();
    assert_eq!(output.status.code(), Some(5), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("alleen-lezen"),
        "{output:?}"
    );
}

#[test]
fn a_writable_data_directory_gets_no_read_only_notice() {
    let school = written_school();
    let output = otter(school.path()).arg("pupils").output().unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

/// sled's snapshot files in a data directory's database.
fn snapshots(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir.join("db"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("snap."))
        .collect()
}

#[test]
fn demo_and_restore_leave_a_snapshot_so_the_next_look_up_reads_no_whole_log() {
    let school = TempDir::new().unwrap();
    otter(school.path()).arg("demo").assert().success();
    assert_eq!(snapshots(school.path()).len(), 1, "after demo");
    let before = fingerprint(school.path());
    otter(school.path()).arg("pupils").assert().success();
    assert_eq!(fingerprint(school.path()), before);

    let elsewhere = TempDir::new().unwrap();
    let copy = elsewhere.path().join("school.json");
    otter(school.path())
        .arg("backup")
        .arg(&copy)
        .assert()
        .success();
    let restored = elsewhere.path().join("restored");
    otter(&restored)
        .arg("restore")
        .arg(&copy)
        .assert()
        .success();
    assert_eq!(snapshots(&restored).len(), 1, "after restore");
}

#[test]
fn a_look_up_answers_while_the_screen_holds_the_database_and_a_change_waits_its_turn() {
    let school = written_school();
    let expected = stdout_of(otter(school.path()).args(["actions", "--open"]));
    // What the screen holds while it is open: the database opened for writing.
    let screen = otter::store::Store::open(school.path()).unwrap();
    for _ in 0..3 {
        let answer = stdout_of(otter(school.path()).args(["actions", "--open"]));
        assert_eq!(answer, expected);
    }
    otter(school.path()).arg("pupils").assert().success();
    // Exports and stats too, each leaving its audit line for the screen: on Windows as well
    // (this runs under Wine in CI; Wine lets a read through a lock, so the lock itself is
    // tested by `store::tests_read::on_windows_the_writer_locks_no_byte_of_the_log_a_reader_reads`).
    let csv = stdout_of(otter(school.path()).args(["export", "actions", "--format", "csv"]));
    assert!(csv.lines().count() > 1, "{csv}");
    otter(school.path()).arg("stats").assert().success();
    let waiting = std::fs::read_dir(school.path().join("inbox"))
        .unwrap()
        .count();
    assert_eq!(waiting, 2);
    otter(school.path())
        .args(["school", "Het", "Kompas"])
        .assert()
        .code(3);
    drop(screen);
}
