//! Shared set-up of the end-to-end tests: the real binary on a temporary data directory.

#![allow(dead_code)]

use std::path::Path;
use std::sync::{Mutex, MutexGuard, OnceLock};

use assert_cmd::Command;
use tempfile::TempDir;

/// The fixed "today" of every test run, so demo data and overdue actions are repeatable.
pub const TODAY: &str = "2026-11-23";

/// otter on `data_dir` in the environment of every test, to run and assert on.
pub fn otter(data_dir: &Path) -> Command {
    Command::from_std(otter_std(data_dir))
}

/// otter on `data_dir` in the environment of every test, as a plain process for the tests that
/// spawn it, wait on it or kill it themselves: one environment, so none of them leaks the
/// machine's language, config or passphrases into a run.
pub fn otter_std(data_dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_otter"));
    cmd.env("OTTER_DATA_DIR", data_dir)
        .env("OTTER_TODAY", TODAY)
        .env_remove("OTTER_LANG")
        // No config.toml of the machine's user: a test that wants one names it.
        .env("OTTER_CONFIG", "")
        .env_remove("OTTER_PASSPHRASE")
        .env_remove("OTTER_NEW_PASSPHRASE");
    cmd
}

/// A demo school made once per test binary. otter takes the database for itself, so tests
/// take turns: hold the guard while running commands on it.
pub fn demo_school() -> (MutexGuard<'static, ()>, &'static Path) {
    static DIR: OnceLock<TempDir> = OnceLock::new();
    static TURN: Mutex<()> = Mutex::new(());
    let turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let dir = DIR.get_or_init(|| {
        let dir = TempDir::new().unwrap();
        otter(dir.path()).arg("demo").assert().success();
        dir
    });
    (turn, dir.path())
}

pub fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

pub fn json_of(cmd: &mut Command) -> serde_json::Value {
    serde_json::from_str(&stdout_of(cmd.arg("--json"))).unwrap()
}

/// Whether any file under `dir` (the data directory, backups and sled's log included) holds
/// `text` as bytes: what someone who takes the disk could read.
pub fn any_file_holds(dir: &Path, text: &str) -> bool {
    std::fs::read_dir(dir).unwrap().any(|entry| {
        let path = entry.unwrap().path();
        if path.is_dir() {
            any_file_holds(&path, text)
        } else {
            let bytes = std::fs::read(&path).unwrap();
            bytes.windows(text.len()).any(|w| w == text.as_bytes())
        }
    })
}

/// Runs `otter ARGS` on the data in `data_dir` with `folder` mounted read-only over itself, in
/// a private mount namespace (`unshare`): permission bits do not stop root, a read-only mount
/// does, and no mount is left behind. `None`, the skip said on stderr, where the machine does
/// not allow user namespaces; a failure instead where `CI` is set (`.ci/run` sets it), so that
/// CI never passes these tests by skipping them unseen.
#[cfg(target_os = "linux")]
pub fn with_read_only(
    folder: &Path,
    data_dir: &Path,
    args: &[&str],
) -> Option<std::process::Output> {
    let probe = std::process::Command::new("unshare")
        .args(["-rm", "true"])
        .output();
    if !probe.is_ok_and(|out| out.status.success()) {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI allows no private read-only mount (unshare -rm): the read-only tests cannot run"
        );
        eprintln!("skipped: this machine allows no private read-only mount (unshare -rm)");
        return None;
    }
    let script = r#"mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@""#;
    let otter = otter_std(data_dir);
    let mut cmd = std::process::Command::new("unshare");
    cmd.args(["-rm", "sh", "-c", script, "sh"])
        .arg(folder)
        .arg(otter.get_program())
        .args(args);
    // The same environment as every other test's otter.
    for (key, value) in otter.get_envs() {
        match value {
            Some(value) => cmd.env(key, value),
            None => cmd.env_remove(key),
        };
    }
    Some(cmd.output().unwrap())
}
