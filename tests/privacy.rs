//! Erasure, retention, the audit log and the presentation mode on the command line: the real
//! binary on a demo school of its own (each test changes it).

mod common;

use common::{json_of, otter, stdout_of};
use predicates::prelude::*;
use tempfile::TempDir;

fn school() -> TempDir {
    let dir = TempDir::new().unwrap();
    otter(dir.path()).arg("demo").assert().success();
    dir
}

/// A pupil whose cases may show the name, so the name is in the minutes before forgetting.
fn named_pupil(dir: &std::path::Path) -> String {
    let rows = json_of(otter(dir).arg("pupils"));
    rows.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["cases"].as_u64().unwrap() > 0)
        .map(|r| r["name"].as_str().unwrap().to_string())
        .find(|name| {
            let found = json_of(otter(dir).args(["pupils"]));
            let same = found.as_array().unwrap().iter();
            same.filter(|r| r["name"] == name.as_str()).count() == 1
        })
        .unwrap()
}

fn all_minutes(dir: &std::path::Path) -> String {
    let meetings = json_of(otter(dir).arg("meetings"));
    let mut text = String::new();
    for meeting in meetings.as_array().unwrap() {
        if meeting["state"] == "closed" {
            let id = meeting["id"].to_string();
            text += &stdout_of(otter(dir).args(["export", "minutes", "--meeting", &id]));
        }
    }
    text
}

#[test]
fn forget_asks_for_confirmation_and_then_leaves_no_trace_but_an_audit_line() {
    let dir = school();
    let school = dir.path();
    let name = named_pupil(school);
    let minutes = all_minutes(school);
    assert!(minutes.contains(&name), "the name was in the minutes");
    otter(school)
        .args(["forget", &name])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--yes"));
    otter(school).args(["pupil", &name]).assert().success();

    let done = stdout_of(otter(school).args(["vergeet", &name, "--yes"]));
    assert!(
        done.starts_with("Verwijderd: leerlingen 1, casussen"),
        "{done}"
    );
    otter(school)
        .args(["pupil", &name])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Geen leerling"));
    let minutes = all_minutes(school);
    assert!(!minutes.contains(&name), "{minutes}");
    assert!(minutes.contains(r"\[verwijderd\]"), "escaped as Markdown");
    let found = stdout_of(otter(school).args(["search", &name]));
    assert!(!found.contains(&name), "{found}");

    let log = json_of(otter(school).arg("audit"));
    let log = log.as_array().unwrap();
    // The minutes exported above are in the log too, each as an export.
    let exports = log.iter().filter(|e| e["kind"] == "export").count();
    assert!(exports > 0, "exports are recorded");
    let erasures: Vec<_> = log.iter().filter(|e| e["kind"] == "erasure").collect();
    assert_eq!(erasures.len(), 1);
    assert_eq!(erasures[0]["command"], "otter forget");
    assert!(!log.iter().any(|e| e.to_string().contains(&name)));
    let text = stdout_of(otter(school).arg("auditlog"));
    assert!(
        text.contains("verwijdering") && text.contains("leerlingen 1"),
        "{text}"
    );
    // And no byte of any file in the data directory holds the name any more.
    assert!(!common::any_file_holds(school, &name), "{name} in a file");
}

#[test]
fn forget_of_an_unknown_pupil_erases_nothing() {
    let dir = school();
    otter(dir.path())
        .args(["forget", "Niemand Bestaatniet", "--yes"])
        .assert()
        .code(1);
    let log = json_of(otter(dir.path()).arg("audit"));
    assert!(log.as_array().unwrap().is_empty());
}

/// Part of a name that fits one pupil today may fit another child tomorrow (once the one
/// meant is gone): a script's erasure, unasked, goes only by the whole name.
#[test]
fn forget_with_yes_takes_the_full_name_only() {
    let dir = school();
    let school = dir.path();
    let name = named_pupil(school);
    // The name without its first letter: it fits this pupil alone.
    let part: String = name.chars().skip(1).collect();
    otter(school).args(["pupil", &part]).assert().success();
    otter(school)
        .args(["forget", &part, "--yes"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "Met --yes verwijdert otter alleen bij de volledige naam: \"{part}\" is {name}."
        )));
    otter(school).args(["pupil", &name]).assert().success();
    assert!(
        json_of(otter(school).arg("audit"))
            .as_array()
            .unwrap()
            .is_empty()
    );
    // The full name, in other letters and without accents, is the full name.
    let plain = name.to_uppercase();
    stdout_of(otter(school).args(["forget", &plain, "--yes"]));
    otter(school).args(["pupil", &name]).assert().code(1);
}

/// An extract is one pupil's data leaving otter: the audit line counts the pupil, from the
/// command line as from the dossier screen (`x`).
#[test]
fn an_exported_extract_is_counted_as_one_pupil_in_the_audit_log() {
    let dir = school();
    let school = dir.path();
    let name = named_pupil(school);
    stdout_of(otter(school).args(["export", "pupil", &name]));
    stdout_of(otter(school).args(["export", "minutes"]));
    let log = json_of(otter(school).arg("audit"));
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 2, "{log:?}");
    assert_eq!(log[0]["command"], "otter export pupil");
    assert_eq!(log[0]["counts"], serde_json::json!([["pupils", 1]]));
    assert_eq!(log[1]["counts"], serde_json::json!([]));
    let text = stdout_of(otter(school).arg("audit"));
    assert!(!text.contains(&name), "{text}");
}

#[test]
fn retention_lists_with_names_and_erases_after_yes() {
    let dir = school();
    let school = dir.path();
    let text = stdout_of(otter(school).arg("retention"));
    assert!(text.starts_with("Bewaartermijn: 2 schooljaren"), "{text}");
    otter(school)
        .args(["retention", "--years", "twee"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\"twee\" is geen bewaartermijn"));
    let list = json_of(otter(school).args(["bewaartermijn", "--years", "0"]));
    assert_eq!(list["years"], 0);
    let expired = list["expired"].as_array().unwrap().len();
    assert!(expired > 0, "{list}");
    assert!(list["expired"][0]["name"].as_str().unwrap().contains(' '));
    otter(school)
        .args(["retention", "--erase"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--yes"));
    let done = stdout_of(otter(school).args(["retention", "--erase", "--yes"]));
    assert!(done.contains(&format!("casussen {expired}")), "{done}");
    let text = stdout_of(otter(school).arg("retention"));
    assert!(text.contains("Geen afgesloten casussen"), "{text}");
    let log = json_of(otter(school).arg("audit"));
    assert_eq!(log[0]["kind"], "retention_erasure");
    assert_eq!(log[0]["command"], "otter retention --erase");
}

#[test]
fn the_presentation_mode_is_switched_on_and_off_and_kept() {
    let dir = school();
    let school = dir.path();
    let text = stdout_of(otter(school).arg("presentation"));
    assert!(text.starts_with("Presentatiemodus uit"), "{text}");
    stdout_of(otter(school).args(["presentatie", "aan"]));
    let text = stdout_of(otter(school).args(["--lang", "en", "presentation"]));
    assert!(text.starts_with("Presentation mode on"), "{text}");
    assert_eq!(
        json_of(otter(school).arg("presentation")),
        serde_json::json!({"presentation": true})
    );
    stdout_of(otter(school).args(["presentation", "off"]));
    let text = stdout_of(otter(school).arg("presentation"));
    assert!(text.starts_with("Presentatiemodus uit"), "{text}");
    assert_eq!(
        json_of(otter(school).arg("presentation")),
        serde_json::json!({"presentation": false})
    );
}
