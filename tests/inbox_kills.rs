//! Exports beside the screen killed with SIGKILL at moments spread over their run: each leaves
//! its audit line in the inbox whole or not at all, an acknowledged one always, and the
//! writer takes every whole line into the log exactly once. The writer's own crash points
//! (before and after its commit) are in `src/store/inbox/tests.rs`.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use otter::store::Store;
use tempfile::TempDir;

const ROUNDS: usize = 30;

fn export(dir: &Path) -> Command {
    let mut cmd = common::otter_std(dir);
    cmd.args(["export", "minutes"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// The lines waiting in the inbox (not the temporary files a killed write leaves).
fn lines(dir: &Path) -> usize {
    match std::fs::read_dir(dir.join("inbox")) {
        Ok(entries) => entries
            .filter(|entry| {
                let name = entry.as_ref().unwrap().file_name();
                name.to_string_lossy().ends_with(".entry")
            })
            .count(),
        Err(_) => 0,
    }
}

/// Runs `cmd`, killing it after `delay` if it is still running: whether it succeeded on its
/// own.
fn run_and_kill(mut cmd: Command, delay: Duration) -> bool {
    let mut child = cmd.spawn().unwrap();
    let started = Instant::now();
    while started.elapsed() < delay {
        if let Some(status) = child.try_wait().unwrap() {
            return status.success();
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    match child.try_wait().unwrap() {
        Some(status) => status.success(),
        None => {
            child.kill().unwrap();
            child.wait().unwrap();
            false
        }
    }
}

#[test]
fn exports_killed_beside_the_writer_leave_whole_lines_or_none_and_each_is_taken_once() {
    let dir = TempDir::new().unwrap();
    common::otter(dir.path()).arg("demo").assert().success();
    // What the screen holds while it is open.
    let screen = Store::open(dir.path()).unwrap();
    let started = Instant::now();
    assert!(export(dir.path()).status().unwrap().success());
    let took = started.elapsed();
    assert_eq!(lines(dir.path()), 1);
    let mut logged = 1;
    let (mut acknowledged, mut killed) = (0, 0);
    for round in 0..ROUNDS {
        let before = lines(dir.path());
        let at = ((round * 7) % ROUNDS) as f64 + 0.5;
        // A little past one run's time: the line is written last, and runs vary.
        let done = run_and_kill(export(dir.path()), took.mul_f64(1.3 * at / ROUNDS as f64));
        let after = lines(dir.path());
        if done {
            acknowledged += 1;
            assert_eq!(after, before + 1, "an acknowledged export without its line");
        } else {
            killed += 1;
            assert!(after <= before + 1);
        }
        logged += after - before;
        // Now and then the screen's tick, between kills as in a day's use.
        if round % 5 == 4 {
            assert_eq!(screen.take_inbox().unwrap(), after);
            assert_eq!(lines(dir.path()), 0);
        }
    }
    screen.take_inbox().unwrap();
    assert_eq!(lines(dir.path()), 0);
    assert_eq!(screen.audit_log().unwrap().len(), logged);
    eprintln!("{acknowledged} exports acknowledged, {killed} killed, {logged} lines logged");
    drop(screen);
    // The next writer finds nothing more to take: every line was taken once.
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.audit_log().unwrap().len(), logged);
    assert_eq!(store.index_drift().unwrap(), Vec::<String>::new());
}
