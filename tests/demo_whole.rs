//! `otter demo` writes its school whole or not at all: killed half-way, the next `demo`
//! starts again instead of refusing a partial school forever.

mod common;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{otter, stdout_of};
use tempfile::TempDir;

/// Bytes in the files under `dir`.
fn size(dir: &Path) -> u64 {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .flatten()
            .map(|entry| {
                let path = entry.path();
                if path.is_dir() {
                    size(&path)
                } else {
                    entry.metadata().map_or(0, |m| m.len())
                }
            })
            .sum()
    })
}

#[test]
fn a_demo_killed_half_way_leaves_no_partial_school_and_demo_succeeds_again() {
    let dir = TempDir::new().unwrap();
    let mut child = common::otter_std(dir.path())
        .args(["demo", "--scale", "large"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Killed once 16 MB are written: records, well past sled's first preallocated segment.
    // The large school is hundreds of megabytes, so it is mid-way then.
    let started = Instant::now();
    while size(dir.path()) < 16 * 1024 * 1024 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the large demo ended before it could be killed"
        );
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "no demo written"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    // Nothing of the half school is there to see...
    let pupils = stdout_of(otter(dir.path()).args(["pupils", "--json"]));
    assert_eq!(pupils.trim(), "[]", "{pupils}");
    // ...and the next demo is written, whole.
    otter(dir.path()).arg("demo").assert().success();
    assert!(!dir.path().join("db.new").exists());
    let pupils: serde_json::Value =
        serde_json::from_str(&stdout_of(otter(dir.path()).args(["pupils", "--json"]))).unwrap();
    assert!(pupils.as_array().unwrap().len() > 100, "{pupils}");
}
