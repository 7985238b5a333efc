//! Kill loops over the real binary: `demo`, `import pupils`, `restore`, `passphrase` and
//! `forget` are killed with SIGKILL at moments spread over their run, and after every kill the
//! database is reopened: every write the command acknowledged (it exited with success) is
//! there, nothing is half written (a command's records are all there or none), and the
//! indexes agree with the records (`Store::index_drift`). Typing in the screen is killed the
//! same way in `tests/tui.rs`.
//!
//! `OTTER_KILL_ROUNDS` multiplies the rounds of each loop for a longer run.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use otter::store::{Given, Store};
use tempfile::TempDir;

const OLD: &str = "oude wachtwoordzin";
const NEW: &str = "nieuwe wachtwoordzin";

fn rounds(ci: usize) -> usize {
    let times: usize = std::env::var("OTTER_KILL_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    ci * times
}

fn otter(dir: &Path) -> Command {
    let mut cmd = common::otter_std(dir);
    cmd.env("OTTER_KEEP_BACKUPS", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs `cmd` and kills it after `delay`; whether it finished on its own with success (its
/// writes acknowledged), and whether the kill stopped it mid-way.
fn run_and_kill(mut cmd: Command, delay: Duration) -> (bool, bool) {
    let mut child = cmd.spawn().unwrap();
    let started = Instant::now();
    while started.elapsed() < delay {
        if let Some(status) = child.try_wait().unwrap() {
            return (status.success(), false);
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    match child.try_wait().unwrap() {
        Some(status) => (status.success(), false),
        None => {
            child.kill().unwrap();
            child.wait().unwrap();
            (false, true)
        }
    }
}

/// One loop: runs of the command `make` builds for a fresh folder that `prepare` filled,
/// killed at moments spread over the time one whole run takes, each followed by `verify`
/// (given whether the run was acknowledged), until `kills` runs were killed mid-way (a run
/// that ends before its kill is verified too, and does not count). The kills made.
fn kill_loop(
    kills: usize,
    prepare: &dyn Fn(&Path),
    make: &dyn Fn(&Path) -> Command,
    verify: &dyn Fn(&Path, bool),
) -> usize {
    // One whole run, to know over what time to spread the kills.
    let whole = TempDir::new().unwrap();
    prepare(whole.path());
    let started = Instant::now();
    assert!(make(whole.path()).status().unwrap().success());
    let took = started.elapsed();
    verify(whole.path(), true);
    let mut killed = 0;
    for round in 0..kills * 4 {
        if killed == kills {
            break;
        }
        let dir = TempDir::new().unwrap();
        prepare(dir.path());
        // Spread over the run, by a step coprime to the number of kills.
        let at = ((round * 7) % kills) as f64 + 0.5;
        let delay = took.mul_f64(0.9 * at / kills as f64);
        let (acknowledged, stopped) = run_and_kill(make(dir.path()), delay);
        killed += usize::from(stopped);
        verify(dir.path(), acknowledged);
    }
    killed
}

/// The database reopened (finishing what a writer left, as any open does), its indexes
/// checked; the number of pupils.
fn reopened_pupils(dir: &Path, passphrase: Option<&str>) -> usize {
    let mut given = Given::new(passphrase);
    let store = Store::open_with(dir, &mut given).unwrap();
    assert_eq!(
        store.index_drift().unwrap(),
        Vec::<String>::new(),
        "indexes agree"
    );
    assert_eq!(
        store.search_text_drift().unwrap(),
        Vec::<String>::new(),
        "search texts agree"
    );
    store.all::<otter::domain::Pupil>().count()
}

fn pupils_csv(dir: &Path, count: usize) -> std::path::PathBuf {
    let mut text = String::from("Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Groep\n");
    for n in 0..count {
        text.push_str(&format!(
            "Leerling{n};;Achternaam{n};14-03-2017;{}\n",
            1 + n % 8
        ));
    }
    let path = dir.join("leerlingen.csv");
    std::fs::write(&path, text).unwrap();
    path
}

/// A demo school made once, copied for each round that needs one.
fn demo_template() -> TempDir {
    let dir = TempDir::new().unwrap();
    assert!(otter(dir.path()).arg("demo").status().unwrap().success());
    dir
}

#[test]
fn kills_during_demo_import_restore_passphrase_and_forget_lose_no_acknowledged_edit() {
    let template = demo_template();
    let school = reopened_pupils(template.path(), None);
    let files = TempDir::new().unwrap();
    let backup = files.path().join("school.json");
    assert!(
        otter(template.path())
            .arg("backup")
            .arg(&backup)
            .status()
            .unwrap()
            .success()
    );
    let csv = pupils_csv(files.path(), 300);
    let mut kills = Vec::new();

    // demo: the whole school or the empty database.
    kills.push((
        "demo",
        kill_loop(
            rounds(40),
            &|_| {},
            &|dir| {
                let mut cmd = otter(dir);
                cmd.arg("demo");
                cmd
            },
            &|dir, acknowledged| {
                if !Store::exists(dir) {
                    assert!(!acknowledged);
                    return;
                }
                let found = reopened_pupils(dir, None);
                assert!(found == 0 || found == school, "{found} of {school}");
                assert!(!acknowledged || found == school);
            },
        ),
    ));

    // import: all 300 pupils or none.
    kills.push((
        "import",
        kill_loop(
            rounds(50),
            &|_| {},
            &|dir| {
                let mut cmd = otter(dir);
                cmd.args(["import", "pupils"]).arg(&csv);
                cmd
            },
            &|dir, acknowledged| {
                if !Store::exists(dir) {
                    assert!(!acknowledged);
                    return;
                }
                let found = reopened_pupils(dir, None);
                assert!(found == 0 || found == 300, "{found} of 300");
                assert!(!acknowledged || found == 300);
            },
        ),
    ));

    // restore into an empty folder: the whole school or no database.
    kills.push((
        "restore",
        kill_loop(
            rounds(40),
            &|_| {},
            &|dir| {
                let mut cmd = otter(dir);
                cmd.arg("restore").arg(&backup);
                cmd
            },
            &|dir, acknowledged| {
                otter::store::tidy_unfinished(dir).unwrap();
                if !Store::exists(dir) {
                    assert!(!acknowledged);
                    assert!(!dir.join("db.new").exists(), "no half restore left");
                    return;
                }
                let found = reopened_pupils(dir, None);
                assert!(found == 0 || found == school, "{found} of {school}");
                assert!(!acknowledged || found == school);
            },
        ),
    ));

    // passphrase change: the old or the new one opens all of it; acknowledged, the new one.
    kills.push((
        "passphrase",
        kill_loop(
            rounds(20),
            &|dir| {
                let mut cmd = otter(dir);
                cmd.env("OTTER_PASSPHRASE", OLD)
                    .args(["import", "pupils"])
                    .arg(&csv);
                assert!(cmd.status().unwrap().success());
            },
            &|dir| {
                let mut cmd = otter(dir);
                cmd.env("OTTER_PASSPHRASE", OLD)
                    .env("OTTER_NEW_PASSPHRASE", NEW)
                    .arg("passphrase");
                cmd
            },
            &|dir, acknowledged| {
                let opens = |passphrase: &str| {
                    let mut given = Given::new(Some(passphrase));
                    Store::open_with(dir, &mut given).is_ok()
                };
                let with = if opens(NEW) { NEW } else { OLD };
                assert!(
                    !acknowledged || with == NEW,
                    "acknowledged: the new passphrase"
                );
                assert_eq!(reopened_pupils(dir, Some(with)), 300);
            },
        ),
    ));

    // forget: the pupil whole, or gone without a trace; acknowledged, gone.
    let forgotten = {
        let store = Store::open(template.path()).unwrap();
        let pupil = store
            .all::<otter::domain::Pupil>()
            .map(Result::unwrap)
            .find(|p| !store.cases_of_pupil(p.id).unwrap().is_empty())
            .unwrap();
        (
            pupil.id,
            pupil.full_name(),
            store.cases_of_pupil(pupil.id).unwrap().len(),
        )
    };
    kills.push((
        "forget",
        kill_loop(
            rounds(30),
            &|dir| copy_dir(template.path(), dir),
            &|dir| {
                let mut cmd = otter(dir);
                cmd.args(["forget", &forgotten.1, "--yes"]);
                cmd
            },
            &|dir, acknowledged| {
                let store = Store::open(dir).unwrap();
                assert_eq!(store.index_drift().unwrap(), Vec::<String>::new());
                assert_eq!(store.search_text_drift().unwrap(), Vec::<String>::new());
                let found = store.all::<otter::domain::Pupil>().count();
                let pupil = store.pupil(forgotten.0).unwrap();
                let cases = store
                    .all::<otter::domain::Case>()
                    .map(Result::unwrap)
                    .filter(|c| c.pupil == forgotten.0)
                    .count();
                match pupil {
                    Some(_) => {
                        assert!(!acknowledged, "acknowledged, yet still there");
                        assert_eq!((found, cases), (school, forgotten.2), "whole");
                    }
                    None => assert_eq!((found, cases), (school - 1, 0), "no trace"),
                }
            },
        ),
    ));

    let total: usize = kills.iter().map(|(_, n)| n).sum();
    eprintln!("kills mid-way: {kills:?}, {total} in all, no acknowledged edit lost");
    // With the screen's 20 in tests/tui.rs, 200 kills a run.
    assert_eq!(total, rounds(180), "every loop made its kills: {kills:?}");
}

/// A demo school as schema 6 left it: no search texts.
fn as_schema_6(dir: &Path) {
    let db = sled::Config::new().path(dir.join("db")).open().unwrap();
    db.drop_tree("search_texts").unwrap();
    let meta = db.open_tree("meta").unwrap();
    meta.insert(otter::store::schema::VERSION_KEY, &6u32.to_be_bytes())
        .unwrap();
    db.flush().unwrap();
}

/// The 6 -> 7 migration (the search texts written from the records, in several writes) is
/// killed at moments spread over it: the next open runs it again whole, nothing is lost, and
/// the search texts agree with the records.
#[test]
fn kills_during_the_migration_to_schema_7_leave_whole_search_texts() {
    let template = demo_template();
    let school = reopened_pupils(template.path(), None);
    as_schema_6(template.path());
    let killed = kill_loop(
        rounds(20),
        &|dir| copy_dir(template.path(), dir),
        &|dir| {
            let mut cmd = otter(dir);
            cmd.arg("pupils");
            cmd
        },
        &|dir, _| {
            assert_eq!(reopened_pupils(dir, None), school);
            let store = Store::open(dir).unwrap();
            assert_eq!(
                store.schema_version().unwrap(),
                Some(otter::store::schema::CURRENT)
            );
        },
    );
    assert_eq!(killed, rounds(20), "every kill made");
}
