//! Backup and restore of a whole school: `write_backup` to a file, `restore` into an empty
//! data directory (checked byte-identical when backed up again). Uses the large demo school
//! when `OTTER_BENCH_LARGE` names its data directory (only read, never written), else a
//! fresh school-sized one. Prints the median and best of a few timed runs, and for a restore
//! the median of the bytes it made the kernel write to the disk (`write_bytes` of
//! `/proc/self/io`, Linux only) beside the size of the backup it restored.

mod common;

use std::time::{Duration, Instant};

use otter::store::Store;
use otter::store::backup::{restore, write_backup};
use tempfile::TempDir;

fn timed(runs: usize, mut run: impl FnMut() -> Duration) -> (Duration, Duration) {
    let times = common::spread((0..runs).map(|_| run()));
    (times.median, times.best)
}

fn main() {
    let demo = common::demo();
    let runs = if demo.label == "large" { 3 } else { 9 };
    let files = TempDir::new().expect("a temporary directory");
    let file = files.path().join("backup.json");

    let store = Store::open(&demo.dir).expect("the demo opens");
    let (median, best) = timed(runs, || {
        let start = Instant::now();
        write_backup(&store, &file).expect("a backup");
        start.elapsed()
    });
    drop(store);
    let bytes = std::fs::metadata(&file).expect("the backup").len();
    eprintln!(
        "{}: backup of {} kB: median {median:?}, best {best:?}",
        demo.label,
        bytes / 1_000
    );

    let mut written = Vec::new();
    let (median, best) = timed(runs, || {
        let target = TempDir::new().expect("a temporary directory");
        let before = write_bytes();
        let start = Instant::now();
        restore(
            target.path(),
            &file,
            false,
            &mut otter::store::Given::new(None),
        )
        .expect("a restore");
        let elapsed = start.elapsed();
        if let (Some(before), Some(after)) = (before, write_bytes()) {
            written.push(after - before);
        }
        elapsed
    });
    eprintln!("{}: restore: median {median:?}, best {best:?}", demo.label);
    written.sort_unstable();
    if let Some(median) = written.get(written.len() / 2) {
        eprintln!(
            "{}: restore wrote {} kB to the disk (median), for a backup of {} kB",
            demo.label,
            median / 1_000,
            bytes / 1_000
        );
    }

    let target = TempDir::new().expect("a temporary directory");
    restore(
        target.path(),
        &file,
        false,
        &mut otter::store::Given::new(None),
    )
    .expect("a restore");
    let again = files.path().join("again.json");
    write_backup(&Store::open(target.path()).expect("restored"), &again).expect("a backup");
    let same = std::fs::read(&file).ok() == std::fs::read(&again).ok();
    eprintln!(
        "{}: backup of the restored database identical: {same}",
        demo.label
    );
    assert!(same);
}

/// The bytes this process has made the kernel write to the disk so far, where the system says.
fn write_bytes() -> Option<u64> {
    let io = std::fs::read_to_string("/proc/self/io").ok()?;
    io.lines()
        .find_map(|line| line.strip_prefix("write_bytes: "))
        .and_then(|value| value.trim().parse().ok())
}
