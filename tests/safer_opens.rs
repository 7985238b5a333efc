//! Opens that could do harm or leave people stuck: a folder that is not otter's, a restore
//! killed half-way, a damaged database.

mod common;

use common::{demo_school, otter};
use tempfile::TempDir;

#[test]
fn a_folder_full_of_other_things_is_refused_and_left_as_it_was() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("boodschappen.txt"), "melk").unwrap();
    std::fs::create_dir(dir.path().join("foto's")).unwrap();
    let output = otter(dir.path()).arg("demo").output().unwrap();
    assert_eq!(output.status.code(), Some(4), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bevat geen otter-database"), "{stderr}");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["boodschappen.txt", "foto's"]);
}

#[test]
fn a_folder_with_only_a_phase_model_is_otters() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("phases.toml"), "").unwrap();
    let output = otter(dir.path()).arg("demo").output().unwrap();
    // The folder is not refused as foreign: the empty model file itself is, by name.
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("bevat geen otter-database"), "{stderr}");
    assert!(
        stderr.contains("Het fasemodel is ongeldig") && stderr.contains("phases.toml"),
        "{stderr}"
    );
}

#[test]
fn a_restore_killed_in_an_empty_folder_leaves_no_plain_text_after_any_command() {
    let dir = TempDir::new().unwrap();
    // What `otter restore` leaves when killed while filling the new database.
    let new = dir.path().join("db.new");
    std::fs::create_dir(&new).unwrap();
    std::fs::write(new.join("db"), "Emma de Wit, dyslexie").unwrap();
    let output = otter(dir.path()).arg("pupils").output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("nog geen otter-database"));
    assert!(!new.exists(), "db.new is removed");
}

#[test]
fn a_damaged_database_names_the_newest_backup_and_the_command_that_restores_it() {
    let (_turn, school) = demo_school();
    let dir = TempDir::new().unwrap();
    let copy = dir.path().join("school");
    otter(school)
        .arg("backup")
        .arg(dir.path().join("b.json"))
        .assert()
        .success();
    otter(&copy)
        .arg("restore")
        .arg(dir.path().join("b.json"))
        .assert()
        .success();
    let backups = copy.join("backups");
    std::fs::create_dir(&backups).unwrap();
    std::fs::copy(
        dir.path().join("b.json"),
        backups.join("2026-11-02T120000-sluiting.json"),
    )
    .unwrap();
    let newest = backups.join("2026-11-20T120000-sluiting.json");
    std::fs::copy(dir.path().join("b.json"), &newest).unwrap();
    // A snapshot whose checksum does not hold: sled calls that corruption.
    for entry in std::fs::read_dir(copy.join("db")).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("snap.")
        {
            std::fs::write(&path, vec![0x5a; 4096]).unwrap();
        }
    }
    for lang in ["nl", "en"] {
        let output = otter(&copy)
            .args(["pupils", "--lang", lang])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(4), "{output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let command = format!(
            "otter restore \"{}\" --force --data-dir \"{}\"",
            newest.display(),
            copy.display()
        );
        assert!(stderr.contains(&command), "{stderr}");
        assert!(!stderr.contains("unreadable"), "{stderr}");
        let word = if lang == "nl" {
            "beschadigd"
        } else {
            "damaged"
        };
        assert!(stderr.contains(word), "{stderr}");
    }
    // The command as printed brings the school back.
    otter(&copy)
        .args(["restore", newest.to_str().unwrap(), "--force"])
        .assert()
        .success();
    otter(&copy).arg("pupils").assert().success();
}
