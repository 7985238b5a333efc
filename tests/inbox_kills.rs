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

/// Runs `cmd`, killing it after `delay` if it is still running: whether it finished on its
/// own (and then it must have succeeded: an export beside the screen is not refused), rather
/// than being ended by the kill.
fn run_and_kill(mut cmd: Command, delay: Duration) -> bool {
    use std::os::unix::process::ExitStatusExt;
    let mut child = cmd.spawn().unwrap();
    let started = Instant::now();
    while started.elapsed() < delay && child.try_wait().unwrap().is_none() {
        std::thread::sleep(Duration::from_millis(1));
    }
    // A kill sent as the process ends finds it gone: only its status tells which came first.
    child.kill().unwrap();
    let status = child.wait().unwrap();
    if status.signal() == Some(9) {
        return false;
    }
    assert!(status.success(), "an export failed on its own: {status}");
    true
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
        // From just after the start to twice one run's time: the line is written last and
        // runs vary, so the later half lets most exports finish and the earlier half kills.
        let done = run_and_kill(export(dir.path()), took.mul_f64(2.0 * at / ROUNDS as f64));
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
    // Otherwise the rounds above could all have gone one way and tested half the claim.
    assert!(acknowledged > 0, "no export finished");
    assert!(killed > 0, "no kill landed");
    drop(screen);
    // The next writer finds nothing more to take: every line was taken once.
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.audit_log().unwrap().len(), logged);
    assert_eq!(store.index_drift().unwrap(), Vec::<String>::new());
}
