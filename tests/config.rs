//! config.toml (issue 16): `otter config` says where it is and what is in force from where; the
//! file's settings take effect under a flag and an environment variable; a wrong file is
//! named with its line and otter goes on with the defaults.

mod common;

use common::{json_of, otter, stdout_of};
use predicates::prelude::*;
use tempfile::TempDir;

/// A config.toml in its own folder (a data directory must hold otter's files only), kept as
/// long as the returned folder.
fn with_config(text: &str) -> (TempDir, std::path::PathBuf) {
    let folder = TempDir::new().unwrap();
    let file = folder.path().join("config.toml");
    std::fs::write(&file, text).unwrap();
    (folder, file)
}

fn setting(shown: &serde_json::Value, name: &str) -> (String, String) {
    let found = shown["settings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no {name}: {shown}"));
    (
        found["value"].as_str().unwrap().to_string(),
        found["source"].as_str().unwrap().to_string(),
    )
}

#[test]
fn otter_config_shows_each_setting_and_where_it_comes_from() {
    let dir = TempDir::new().unwrap();
    let (_folder, file) = with_config(
        "theme = \"beamer\"\nlock_after = 5\nmeeting_minutes = 120\n[monitoring]\nnorm_weeks = 10\n",
    );
    let shown = json_of(
        otter(dir.path())
            .env("OTTER_CONFIG", &file)
            .env("OTTER_LOCK_AFTER", "7")
            .args(["config", "--lang", "en"]),
    );
    assert_eq!(shown["file"], file.display().to_string());
    assert_eq!(shown["exists"], true);
    assert!(shown.get("problem").is_none(), "{shown}");
    assert_eq!(setting(&shown, "language"), ("en".into(), "flag".into()));
    assert_eq!(setting(&shown, "theme"), ("beamer".into(), "file".into()));
    assert_eq!(
        setting(&shown, "lock_after"),
        ("7".into(), "environment".into())
    );
    assert_eq!(
        setting(&shown, "meeting_minutes"),
        ("120".into(), "file".into())
    );
    assert_eq!(
        setting(&shown, "monitoring.norm_weeks"),
        ("10".into(), "file".into())
    );
    assert_eq!(
        setting(&shown, "monitoring.threshold"),
        ("5".into(), "default".into())
    );
    // In Dutch, as text.
    let text = stdout_of(otter(dir.path()).env("OTTER_CONFIG", &file).arg("config"));
    assert!(
        text.starts_with(&format!("Instellingenbestand: {}\n", file.display())),
        "{text}"
    );
    assert!(text.contains("beamer  (uit het bestand)"), "{text}");
    assert!(text.contains("language"), "{text}");
    // Where a file would be when there is none yet.
    let absent = dir.path().join("nergens.toml");
    let text = stdout_of(otter(dir.path()).env("OTTER_CONFIG", &absent).arg("config"));
    assert!(text.contains("(bestaat nog niet)"), "{text}");
}

#[test]
fn the_file_s_language_and_meeting_length_take_effect() {
    let dir = TempDir::new().unwrap();
    let (_folder, file) = with_config("language = \"en\"\nmeeting_minutes = 60\n");
    otter(dir.path())
        .env("OTTER_CONFIG", &file)
        .arg("pupils")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("There is no otter database"));
    // A flag still wins over the file.
    otter(dir.path())
        .env("OTTER_CONFIG", &file)
        .args(["pupils", "--lang", "nl"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Er is nog geen otter-database"));
    otter(dir.path()).arg("demo").assert().success();
    let ics = stdout_of(
        otter(dir.path())
            .env("OTTER_CONFIG", &file)
            .args(["export", "actions", "--format", "ics"]),
    );
    let start = ics
        .find("DTSTART;TZID=Europe/Amsterdam:20261215T141500")
        .unwrap();
    assert!(
        ics[start..].contains("DTEND;TZID=Europe/Amsterdam:20261215T151500"),
        "60 minutes: {ics}"
    );
}

#[test]
fn a_wrong_file_is_named_with_its_line_and_otter_goes_on_with_the_defaults() {
    let dir = TempDir::new().unwrap();
    let (_folder, file) = with_config("language = \"en\"\nlock_after = \"tien\"\n");
    let output = otter(dir.path())
        .env("OTTER_CONFIG", &file)
        .args(["config", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let warning = String::from_utf8(output.stderr).unwrap();
    assert!(
        warning.starts_with(&format!(
            "otter: de instellingen in {}, regel 2 zijn niet gebruikt (",
            file.display()
        )),
        "{warning}"
    );
    assert!(
        warning.ends_with("otter gaat verder met de standaardinstellingen\n"),
        "{warning}"
    );
    let shown: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(shown["problem"]["line"], 2);
    // Nothing of the file is used, also not its valid first line.
    assert_eq!(setting(&shown, "language"), ("nl".into(), "default".into()));
    assert_eq!(
        setting(&shown, "lock_after"),
        ("10".into(), "default".into())
    );
}
