//! No terminal escape from data: a name with `ESC [2J` or an OSC title sequence, from a file
//! or already in a database, is shown as visible signs by every command, never replayed.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use common::otter;
use otter::domain::{Pupil, PupilId};
use otter::store::{Store, TreeId};
use tempfile::TempDir;

const CLEAR: &str = "\x1b[2J";
const TITLE: &str = "\x1b]0;pwned\x07";

/// Whether `bytes` hold a character that a terminal acts on: C0 other than line end and tab,
/// DEL, C1, or a bidi override.
fn has_control(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes).chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

fn csv(dir: &Path, text: &str) -> std::path::PathBuf {
    let file = dir.join("leerlingen.csv");
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn an_imported_escape_is_refused_with_its_line_and_shown_not_replayed() {
    let data = TempDir::new().unwrap();
    let files = TempDir::new().unwrap();
    let file = csv(
        files.path(),
        &format!(
            "Roepnaam;Achternaam;Groep;Geboortedatum\n\
             Sanne;de Vries;5;14-03-2017\n\
             \"Jan{TITLE}\";Jansen;4;02-09-2018\n\
             Piet;Bakker{CLEAR};6;30-11-2015\n\
             Kees;Smit;{CLEAR}7;01-01-2016\n"
        ),
    );
    for dry_run in [true, false] {
        let mut cmd = otter(data.path());
        cmd.args(["import", "pupils"]).arg(&file);
        if dry_run {
            cmd.arg("--dry-run");
        }
        let output = cmd.output().unwrap();
        let stdout = String::from_utf8(output.stdout.clone()).unwrap();
        assert!(!has_control(&output.stdout), "{stdout:?}");
        assert!(!has_control(&output.stderr));
        assert!(stdout.contains("Foute regels: 3"), "{stdout}");
        assert!(
            stdout.contains("regel 3: roepnaam bevat een stuurteken (\"Jan␛]0;pwned␇\")"),
            "{stdout}"
        );
        assert!(stdout.contains("regel 4: achternaam bevat een stuurteken (\"Bakker␛[2J\")"));
        // A groep is refused as any bad groep is; its text is shown, not replayed.
        assert!(
            stdout.contains("regel 5: ") && stdout.contains("␛[2J7"),
            "{stdout}"
        );
        assert!(!output.status.success());
    }
    assert!(!Store::exists(data.path()) || pupils_json(data.path()).is_empty());
}

fn pupils_json(dir: &Path) -> Vec<serde_json::Value> {
    let output = otter(dir).args(["pupils", "--json"]).output().unwrap();
    serde_json::from_slice::<serde_json::Value>(&output.stdout)
        .unwrap()
        .as_array()
        .cloned()
        .expect("a JSON list")
}

#[test]
fn an_unknown_header_message_shows_the_header_and_replays_nothing() {
    let data = TempDir::new().unwrap();
    let files = TempDir::new().unwrap();
    let file = csv(
        files.path(),
        &format!("Roepnaam;\"Naam{TITLE}\";Groep;Geboortedatum\nSanne;de Vries;5;14-03-2017\n"),
    );
    let output = otter(data.path())
        .args(["import", "pupils", "--dry-run"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert!(!output.status.success());
    assert!(stderr.contains("Naam␛]0;pwned␇"), "{stderr}");
    assert!(!has_control(&output.stderr), "{stderr:?}");
}

/// A database written before import refused escapes (or by another program) still holds one.
fn school_with_an_escaped_name() -> TempDir {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut tx = store.tx();
    tx.insert(&Pupil {
        id: PupilId(store.next_id(TreeId::Pupils).unwrap()),
        first_name: format!("Jan{TITLE}"),
        prefix: String::new(),
        last_name: format!("Jansen{CLEAR}\u{202E}rev"),
        groep: 5,
        birth_date: NaiveDate::from_ymd_opt(2017, 3, 14).unwrap(),
        teacher: format!("juf{CLEAR}"),
    })
    .unwrap();
    tx.commit().unwrap();
    drop(store);
    dir
}

#[test]
fn a_stored_escape_is_listed_and_exported_visibly() {
    let dir = school_with_an_escaped_name();
    let listed = otter(dir.path()).arg("pupils").output().unwrap();
    let text = String::from_utf8(listed.stdout.clone()).unwrap();
    assert!(listed.status.success());
    assert!(!has_control(&listed.stdout), "{text:?}");
    assert!(
        text.contains("Jan␛]0;pwned␇ Jansen␛[2J[U+202E]rev"),
        "{text}"
    );
    assert!(text.contains("juf␛[2J"), "{text}");

    for format in ["md", "html"] {
        let exported = otter(dir.path())
            .args(["export", "pupil", "Jansen", "--format", format])
            .output()
            .unwrap();
        let text = String::from_utf8(exported.stdout.clone()).unwrap();
        assert!(exported.status.success(), "{format}: {text}");
        assert!(!has_control(&exported.stdout), "{format}: {text:?}");
        assert!(
            text.contains("Jan␛") && text.contains("pwned␇"),
            "{format}: {text}"
        );
    }
    let out = TempDir::new().unwrap();
    let file = out.path().join("dossier.md");
    otter(dir.path())
        .args(["export", "pupil", "Jansen", "--output"])
        .arg(&file)
        .assert()
        .success();
    assert!(!has_control(&std::fs::read(&file).unwrap()));
}

#[test]
fn json_escapes_controls_and_bidi_overrides_as_the_same_characters() {
    let dir = school_with_an_escaped_name();
    let output = otter(dir.path())
        .args(["pupils", "--json"])
        .output()
        .unwrap();
    assert!(!has_control(&output.stdout));
    let rows: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // Escaped, not changed: a program reading the JSON gets the stored name back.
    assert_eq!(
        rows[0]["name"],
        format!("Jan{TITLE} Jansen{CLEAR}\u{202E}rev")
    );
}
