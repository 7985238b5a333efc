//! Encryption at rest from the command line: scripts give the passphrase in OTTER_PASSPHRASE;
//! without it (and without a terminal) nothing waits for input.

mod common;

use common::{any_file_holds, json_of, otter};
use predicates::prelude::*;
use tempfile::TempDir;

const PASSPHRASE: &str = "otter-test wachtwoordzin";

fn encrypted_demo() -> TempDir {
    let dir = TempDir::new().unwrap();
    otter(dir.path())
        .env("OTTER_PASSPHRASE", PASSPHRASE)
        .arg("demo")
        .assert()
        .success();
    dir
}

#[test]
fn an_encrypted_demo_answers_with_its_passphrase_and_refuses_without_or_with_a_wrong_one() {
    let dir = encrypted_demo();
    otter(dir.path())
        .arg("pupils")
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "versleuteld; geef de wachtwoordzin",
        ));
    otter(dir.path())
        .env("OTTER_PASSPHRASE", "iets anders")
        .args(["--lang", "en", "pupils"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!(
            "otter: Wrong passphrase for the database in {}.\n",
            dir.path().display()
        ));
    let rows = json_of(
        otter(dir.path())
            .env("OTTER_PASSPHRASE", PASSPHRASE)
            .arg("pupils"),
    );
    assert!(rows.as_array().unwrap().len() > 400);
}

#[test]
fn without_a_passphrase_the_demo_is_not_encrypted() {
    let dir = TempDir::new().unwrap();
    otter(dir.path()).arg("demo").assert().success();
    let rows = json_of(otter(dir.path()).arg("pupils"));
    assert!(rows.as_array().unwrap().len() > 400);
}

#[test]
fn the_passphrase_changes_for_a_script_and_only_the_new_one_opens() {
    let dir = encrypted_demo();
    new_passphrase(dir.path())
        .stdout("Wachtwoordzin gewijzigd; alle gegevens zijn opnieuw versleuteld.\n");
    otter(dir.path())
        .env("OTTER_PASSPHRASE", PASSPHRASE)
        .arg("meetings")
        .assert()
        .code(1);
    otter(dir.path())
        .env("OTTER_PASSPHRASE", "een nieuwe zin")
        .arg("meetings")
        .assert()
        .success();
}

#[test]
fn encryption_turned_on_for_a_plain_database() {
    let dir = TempDir::new().unwrap();
    otter(dir.path()).arg("demo").assert().success();
    let pupils = json_of(otter(dir.path()).arg("pupils"));
    // Names long enough not to turn up by chance in megabytes of ciphertext.
    let names: Vec<String> = pupils
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .filter(|name| name.len() >= 12)
        .collect();
    assert!(names.len() > 50);
    otter(dir.path())
        .env("OTTER_NEW_PASSPHRASE", "nu wel")
        .args(["--lang", "en", "passphrase"])
        .assert()
        .success()
        .stdout("Encryption is on; all data is encrypted.\n");
    otter(dir.path()).arg("pupils").assert().code(1);
    otter(dir.path())
        .env("OTTER_PASSPHRASE", "nu wel")
        .arg("pupils")
        .assert()
        .success();
    // The plain values written before are gone from sled's files too: the database was
    // rewritten after the change.
    for name in &names {
        assert!(!any_file_holds(dir.path(), name), "{name} still readable");
    }
}

#[test]
fn without_a_terminal_the_new_passphrase_must_come_from_the_environment() {
    let dir = TempDir::new().unwrap();
    otter(dir.path()).arg("demo").assert().success();
    otter(dir.path())
        .arg("passphrase")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("OTTER_NEW_PASSPHRASE"));
    otter(dir.path()).arg("pupils").assert().success();
}

#[test]
fn the_help_names_the_passphrase_command_and_the_lock() {
    let dir = TempDir::new().unwrap();
    otter(dir.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("passphrase"))
        .stdout(predicate::str::contains("wachtwoordzin"))
        .stdout(predicate::str::contains("--lock-after <MINUTEN>"));
}

/// A plain backup forced over an encrypted database whose passphrase is not given: refused
/// in one line, the database and its audit log left as they were.
#[test]
fn a_restore_over_an_encrypted_database_without_its_passphrase_keeps_it() {
    let dir = encrypted_demo();
    new_passphrase(dir.path());
    let files = TempDir::new().unwrap();
    let file = files.path().join("leeg.json");
    std::fs::write(
        &file,
        "{\"format\":\"otter-backup\",\"version\":1,\"schema\":3,\"meta\":{\"next_id\":{}},\"trees\":{}}",
    )
    .unwrap();
    otter(dir.path())
        .env("OTTER_PASSPHRASE", PASSPHRASE)
        .arg("restore")
        .arg(&file)
        .arg("--force")
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!(
            "otter: De database in {} is versleuteld; zonder haar wachtwoordzin zou haar \
             auditlog verloren gaan, dus er is niets teruggezet. Geef haar wachtwoordzin als \
             otter erom vraagt (OTTER_PASSPHRASE geldt alleen als de back-up dezelfde heeft).\n",
            dir.path().display()
        ));
    let log = json_of(
        otter(dir.path())
            .env("OTTER_PASSPHRASE", "een nieuwe zin")
            .arg("audit"),
    );
    assert_eq!(log.as_array().unwrap().len(), 1, "{log}");
    let rows = json_of(
        otter(dir.path())
            .env("OTTER_PASSPHRASE", "een nieuwe zin")
            .arg("pupils"),
    );
    assert!(rows.as_array().unwrap().len() > 400);
}

/// A sealed backup that cannot be opened is the backup's problem, named as such: not "the
/// database in a folder that does not exist yet is damaged / encrypted / has another
/// passphrase".
#[test]
fn a_sealed_backup_that_cannot_be_opened_is_named_not_the_database() {
    let dir = encrypted_demo();
    let files = TempDir::new().unwrap();
    let file = files.path().join("ot.json");
    otter(dir.path())
        .env("OTTER_PASSPHRASE", PASSPHRASE)
        .arg("backup")
        .arg(&file)
        .assert()
        .success();
    let target = files.path().join("nieuw");
    otter(&target)
        .arg("restore")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(format!(
            "otter: De back-up {} is versleuteld; geef de wachtwoordzin waarmee hij gemaakt is (op de terminal of in OTTER_PASSPHRASE). Er is niets teruggezet.\n",
            file.display()
        ));
    otter(&target)
        .env("OTTER_PASSPHRASE", "iets anders")
        .arg("restore")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(format!(
            "otter: Verkeerde wachtwoordzin voor de back-up {}; er is niets teruggezet.\n",
            file.display()
        ));
    let bytes = std::fs::read(&file).unwrap();
    let cut = files.path().join("afgebroken.json");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    otter(&target)
        .env("OTTER_PASSPHRASE", PASSPHRASE)
        .arg("restore")
        .arg(&cut)
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!(
            "otter: De back-up {} is beschadigd of onvolledig",
            cut.display()
        )));
    assert!(!target.exists(), "nothing was begun");
}

/// `otter wachtwoordzin` from the demo's passphrase to "een nieuwe zin", for a script.
fn new_passphrase(dir: &std::path::Path) -> assert_cmd::assert::Assert {
    otter(dir)
        .env("OTTER_PASSPHRASE", PASSPHRASE)
        .env("OTTER_NEW_PASSPHRASE", "een nieuwe zin")
        .arg("wachtwoordzin")
        .assert()
        .success()
}
