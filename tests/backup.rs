//! `otter backup` and `otter restore` end to end: the real binary on temporary directories.

mod common;

use std::path::Path;

use common::{json_of, otter, stdout_of};
use predicates::prelude::*;
use tempfile::TempDir;

fn demo() -> TempDir {
    let dir = TempDir::new().unwrap();
    otter(dir.path()).arg("demo").assert().success();
    dir
}

/// What `otter search` says, with at least one hit.
fn found(data_dir: &Path, query: &str) -> String {
    let said = stdout_of(otter(data_dir).args(["search", query]));
    assert!(said.lines().count() > 1, "{query}: {said}");
    said
}

fn backup(data_dir: &Path, file: &Path) -> Vec<u8> {
    let said = stdout_of(otter(data_dir).arg("backup").arg(file));
    assert!(said.starts_with("Back-up van "), "{said}");
    std::fs::read(file).unwrap()
}

#[test]
fn backup_restore_backup_gives_the_same_bytes_and_the_same_answers() {
    let source = demo();
    let files = TempDir::new().unwrap();
    let first = backup(source.path(), &files.path().join("eerste.json"));

    let target = TempDir::new().unwrap();
    let said = stdout_of(
        otter(target.path())
            .arg("restore")
            .arg(files.path().join("eerste.json")),
    );
    assert!(said.contains("records uit"), "{said}");
    let second = backup(target.path(), &files.path().join("tweede.json"));
    assert!(first == second, "byte-identical backups");
    // The demo and the restore both write the search texts `otter search` reads (a backup
    // holds none).
    for query in ["gesprek", "lezen"] {
        assert_eq!(found(source.path(), query), found(target.path(), query));
    }

    for look_up in [
        vec!["pupils"],
        vec!["actions"],
        vec!["meetings"],
        vec!["export", "minutes"],
    ] {
        assert_eq!(
            stdout_of(otter(source.path()).args(&look_up)),
            stdout_of(otter(target.path()).args(&look_up)),
            "{look_up:?}"
        );
    }
}

#[test]
fn backup_to_standard_output_is_the_same_document() {
    let source = demo();
    let files = TempDir::new().unwrap();
    let in_file = backup(source.path(), &files.path().join("school.json"));
    let output = otter(source.path()).args(["backup", "-"]).output().unwrap();
    assert!(output.status.success());
    assert!(output.stdout == in_file);
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("Back-up van "));
}

#[test]
fn restore_refuses_a_database_with_data_unless_forced() {
    let source = demo();
    let files = TempDir::new().unwrap();
    let file = files.path().join("school.json");
    backup(source.path(), &file);
    let summary = forced_restore(source.path(), &file);
    assert!(summary["records"].as_u64().unwrap() > 1_000, "{summary}");
    otter(source.path())
        .arg("terugzetten")
        .arg(&file)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("bevat al gegevens; geef --force"));
}

#[test]
fn a_damaged_or_foreign_file_gets_one_line_and_changes_nothing() {
    let source = demo();
    let files = TempDir::new().unwrap();
    let file = files.path().join("school.json");
    let bytes = backup(source.path(), &file);
    let cut = files.path().join("afgebroken.json");
    std::fs::write(&cut, &bytes[..bytes.len() / 3]).unwrap();
    let target = TempDir::new().unwrap();
    let refused = otter(target.path())
        .arg("restore")
        .arg(&cut)
        .assert()
        .code(1)
        .stdout("")
        .get_output()
        .stderr
        .clone();
    let refused = String::from_utf8(refused).unwrap();
    assert!(
        refused.starts_with(&format!(
            "otter: De back-up {} is beschadigd",
            cut.display()
        )),
        "{refused}"
    );
    assert!(refused.ends_with("er is niets teruggezet.\n") && refused.lines().count() == 1);
    otter(target.path())
        .arg("pupils")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nog geen otter-database"));

    let csv = files.path().join("leerlingen.csv");
    std::fs::write(&csv, "voornaam;achternaam\nSanne;de Vries\n").unwrap();
    otter(target.path())
        .args(["--lang", "en", "restore"])
        .arg(&csv)
        .assert()
        .code(1)
        .stderr(format!(
            "otter: {} is not an otter backup; nothing was restored.\n",
            csv.display()
        ));
    otter(target.path())
        .arg("restore")
        .arg(files.path().join("er-niet.json"))
        .assert()
        .code(5)
        .stderr(predicate::str::contains("kon niet worden gelezen"));
}

/// The message for a damaged database says to put the last backup back; doing just that
/// must not answer with the same message again, but say how.
#[test]
fn restore_over_a_damaged_database_says_to_force_it() {
    let source = demo();
    let files = TempDir::new().unwrap();
    let file = files.path().join("school.json");
    backup(source.path(), &file);
    let log = source.path().join("db").join("db");
    let mut bytes = std::fs::read(&log).unwrap();
    for byte in bytes.iter_mut().skip(3).step_by(7) {
        *byte ^= 0x5A;
    }
    std::fs::write(&log, bytes).unwrap();
    otter(source.path())
        .arg("pupils")
        .assert()
        .code(4)
        .stderr(predicate::str::contains(
            "zet uw laatste back-up terug met: otter restore BESTAND --force",
        ));
    otter(source.path())
        .arg("restore")
        .arg(&file)
        .assert()
        .code(4)
        .stderr(
            predicate::str::contains("is beschadigd")
                .and(predicate::str::contains("otter restore"))
                .and(predicate::str::contains("--force")),
        );
    let summary = forced_restore(source.path(), &file);
    assert!(summary["records"].as_u64().unwrap() > 1_000, "{summary}");
    let pupils = json_of(otter(source.path()).arg("pupils"));
    assert_eq!(
        pupils.as_array().unwrap().len() as u64,
        summary["trees"]["pupils"].as_u64().unwrap(),
        "every pupil of the backup is back: {summary}"
    );
}

/// A backup made before an erasure still holds the pupil, and the audit log of this
/// installation, which a restore keeps, knows an erasure happened: the person restoring is
/// told that what was erased may be back.
#[test]
fn restore_after_an_erasure_warns_that_the_erased_may_be_back() {
    let source = demo();
    let files = TempDir::new().unwrap();
    let file = files.path().join("voor.json");
    backup(source.path(), &file);
    let rows = json_of(otter(source.path()).arg("pupils"));
    let name = rows[0]["name"].as_str().unwrap().to_string();
    stdout_of(otter(source.path()).args(["forget", &name, "--yes"]));
    otter(source.path())
        .arg("restore")
        .arg(&file)
        .arg("--force")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "de auditlog noemt 1 verwijdering van vóór het terugzetten",
        ));
    otter(source.path())
        .args(["pupil", &name])
        .assert()
        .success();
    // Restored into a new folder there is no log, and nothing to warn about.
    let fresh = TempDir::new().unwrap();
    otter(fresh.path())
        .arg("restore")
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("auditlog").not());
}

#[test]
fn keep_backups_must_be_a_number() {
    let source = demo();
    otter(source.path())
        .env("OTTER_KEEP_BACKUPS", "tien")
        .arg("pupils")
        .assert()
        .code(1)
        .stderr("otter: OTTER_KEEP_BACKUPS moet een getal zijn (0: geen automatische back-ups), niet \"tien\".\n");
}

/// `otter restore FILE --force` into `dir`, and the summary it prints as JSON.
fn forced_restore(dir: &Path, file: &Path) -> serde_json::Value {
    json_of(otter(dir).arg("restore").arg(file).arg("--force"))
}
