//! The command line end to end: the real binary on a temporary data directory.

mod common;

use common::{TODAY, demo_school, json_of, otter, stdout_of};
use predicates::prelude::*;
use tempfile::TempDir;

#[test]
fn demo_fills_an_empty_database_and_refuses_a_second_time() {
    let dir = TempDir::new().unwrap();
    let summary = json_of(otter(dir.path()).arg("demo"));
    let pupils = summary["pupils"].as_u64().unwrap();
    assert!((420..=480).contains(&pupils), "{summary}");
    otter(dir.path())
        .arg("demo")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("niet leeg"));
}

#[test]
fn pupils_lists_the_school_in_text_and_json() {
    let (_turn, school) = demo_school();
    let rows = json_of(otter(school).arg("pupils"));
    let rows = rows.as_array().unwrap();
    assert!((420..=480).contains(&rows.len()));
    let groups: Vec<u64> = rows.iter().map(|r| r["groep"].as_u64().unwrap()).collect();
    assert!(groups.windows(2).all(|w| w[0] <= w[1]), "sorted by groep");
    assert_eq!((groups[0], groups[groups.len() - 1]), (1, 8));
    let text = stdout_of(otter(school).arg("leerlingen"));
    assert!(text.starts_with("naam"), "{text}");
    assert_eq!(text.lines().count(), rows.len() + 1);
}

#[test]
fn pupil_shows_one_dossier_by_full_or_partial_name() {
    let (_turn, school) = demo_school();
    let rows = json_of(otter(school).arg("pupils"));
    let with_case = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["cases"].as_u64().unwrap() > 0)
        .unwrap();
    let name = with_case["name"].as_str().unwrap();
    let dossier = json_of(otter(school).args(["pupil", name]));
    assert_eq!(dossier["name"], name);
    assert_eq!(
        dossier["cases"].as_array().unwrap().len() as u64,
        with_case["cases"].as_u64().unwrap()
    );
    let text = stdout_of(otter(school).args(["leerling", &name.to_uppercase()]));
    assert!(text.starts_with(name), "{text}");
}

#[test]
fn unknown_or_empty_pupil_names_get_a_clear_message() {
    let (_turn, school) = demo_school();
    otter(school)
        .args(["pupil", "Niemand Bestaatniet"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("otter: Geen leerling gevonden met de naam \"Niemand Bestaatniet\".\n");
    otter(school)
        .args(["--lang", "en", "pupil", "  "])
        .assert()
        .code(1)
        .stderr("otter: The name must not be empty.\n");
}

#[test]
fn actions_filters_open_overdue_and_owner() {
    let (_turn, school) = demo_school();
    let today = chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let due = |row: &serde_json::Value| {
        chrono::NaiveDate::parse_from_str(row["due"].as_str().unwrap(), "%Y-%m-%d").unwrap()
    };
    let all = json_of(otter(school).arg("actions"));
    let open = json_of(otter(school).args(["actions", "--open"]));
    let open = open.as_array().unwrap();
    assert!(!open.is_empty() && open.len() < all.as_array().unwrap().len());
    assert!(open.iter().all(|r| r["status"] == "open"));
    assert!(
        open.windows(2).all(|w| due(&w[0]) <= due(&w[1])),
        "by due date"
    );

    let overdue = json_of(otter(school).args(["acties", "--overdue"]));
    let overdue = overdue.as_array().unwrap();
    assert!(!overdue.is_empty());
    assert!(
        overdue
            .iter()
            .all(|r| due(r) < today && r["days_overdue"].as_i64().unwrap() > 0)
    );
    let expected = open.iter().filter(|r| due(r) < today).count();
    assert_eq!(overdue.len(), expected);

    let owner = open[0]["owner"].as_str().unwrap().to_string();
    let mine = json_of(otter(school).args(["actions", "--open", "--owner", &owner]));
    let mine = mine.as_array().unwrap();
    assert!(!mine.is_empty());
    assert!(mine.iter().all(|r| r["owner"] == owner.as_str()));
    assert_eq!(
        mine.len(),
        open.iter().filter(|r| r["owner"] == owner.as_str()).count()
    );
}

#[test]
fn an_unknown_owner_is_a_clear_error() {
    let (_turn, school) = demo_school();
    otter(school)
        .args(["actions", "--owner", "Zzyzx"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Geen teamlid of eigenaar"));
}

#[test]
fn meetings_put_the_next_one_first() {
    let (_turn, school) = demo_school();
    let rows = json_of(otter(school).arg("meetings"));
    let rows = rows.as_array().unwrap();
    assert!(rows.len() >= 12, "two school years every six weeks");
    assert_eq!(rows[0]["state"], "planned");
    assert!(rows[0]["date"].as_str().unwrap() >= TODAY);
    assert!(rows[1..].iter().all(|r| r["state"] == "closed"));
    let text = stdout_of(otter(school).arg("vergaderingen"));
    let first = text.lines().nth(1).unwrap();
    assert!(first.contains("gepland"), "{text}");
}

#[test]
fn search_ignores_accents_and_hides_anonymous_names() {
    let (_turn, school) = demo_school();
    let pupils = json_of(otter(school).arg("pupils"));
    let accented = pupils
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .find(|name| name.contains('ç') || name.contains('Ç') || name.contains('ë'))
        .expect("demo has names with diacritics");
    let plain: String = accented.replace(['ç', 'Ç'], "c").replace('ë', "e");
    let hits = json_of(otter(school).args(["zoek", &plain.to_lowercase()]));
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .any(|h| h["kind"] == "pupil" && h["subject"] == accented.as_str()),
        "{plain} should find {accented}: {hits}"
    );
    // An anonymous case's hits carry its pseudonym, never the name.
    let cases = json_of(otter(school).args(["search", "e"]));
    let anonymous: Vec<_> = cases
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["kind"] == "case" && h["subject"].as_str().unwrap().starts_with("Leerling "))
        .collect();
    assert!(!anonymous.is_empty(), "demo has anonymous cases");
    otter(school)
        .args(["search", "qqqxxyyzz"])
        .assert()
        .success()
        .stdout("Niets gevonden.\n");
}

#[test]
fn english_is_complete_on_the_command_line() {
    let (_turn, school) = demo_school();
    let text = stdout_of(otter(school).args(["--lang", "en", "meetings"]));
    assert!(text.starts_with("date"), "{text}");
    assert!(text.contains("planned"));
    let help = stdout_of(otter(school).args(["--lang", "en", "--help"]));
    assert!(help.contains("List all pupils"), "{help}");
    let dutch = stdout_of(otter(school).arg("--help"));
    assert!(dutch.contains("Toon alle leerlingen"), "{dutch}");
}

#[test]
fn wrong_use_of_the_command_line_is_one_line_with_exit_two() {
    let (_turn, school) = demo_school();
    let output = otter(school).arg("--frobnicate").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("otter: Ongeldige aanroep:") && stderr.contains("--frobnicate"));
}

#[test]
fn a_second_otter_on_the_same_data_is_told_at_once() {
    let dir = TempDir::new().unwrap();
    let _held = otter::store::Store::open(dir.path()).unwrap();
    let started = std::time::Instant::now();
    otter(dir.path())
        .arg("pupils")
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("al open in een andere otter"));
    // Not a timing assertion on speed: only that it answered instead of waiting for the lock.
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn a_damaged_or_foreign_database_exits_with_four_and_a_message() {
    let foreign = TempDir::new().unwrap();
    std::fs::write(foreign.path().join("conf"), b"x").unwrap();
    std::fs::write(foreign.path().join("db"), b"y").unwrap();
    otter(foreign.path())
        .arg("pupils")
        .assert()
        .code(4)
        .stderr(predicate::str::contains("geen otter-database"));

    let damaged = TempDir::new().unwrap();
    otter(damaged.path()).arg("pupils").assert().success();
    std::fs::write(damaged.path().join("db").join("conf"), b"garbage\x00\xff").unwrap();
    otter(damaged.path())
        .args(["--lang", "en", "pupils"])
        .assert()
        .code(4)
        .stderr(
            predicate::str::contains("is damaged").and(predicate::str::contains("panicked").not()),
        );
}

#[test]
fn a_broken_phase_model_is_refused_with_file_and_line() {
    let dir = TempDir::new().unwrap();
    otter(dir.path()).arg("pupils").assert().success();
    std::fs::write(
        dir.path().join("phases.toml"),
        "[[phase]]\nid = \"a\"\nname = \"A\"\n[[phase]]\nid = \"b\"\nname = \"B\"\nrequires = [\"tovenarij\"]\n",
    )
    .unwrap();
    otter(dir.path())
        .args(["pupil", "x"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("phases.toml:7:")
                .and(predicate::str::contains("Het fasemodel is ongeldig")),
        );
}

#[test]
fn the_last_minutes_print_as_markdown() {
    let (_turn, school) = demo_school();
    let md = stdout_of(otter(school).args(["export", "minutes", "--meeting", "last"]));
    let closed = json_of(otter(school).arg("meetings"));
    let last = closed
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["state"] == "closed")
        .unwrap();
    let date =
        chrono::NaiveDate::parse_from_str(last["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    assert!(md.starts_with("# Verslag OT-overleg "), "{md}");
    assert!(
        md.lines()
            .next()
            .unwrap()
            .ends_with(&date.format("%d-%m-%Y").to_string())
    );
    assert!(md.contains("## 1. Opening en aanwezigheid"));
    assert!(md.contains("Leerlingbespreking: "));
    assert!(md.contains("| Actiepunt | Eigenaar | Datum |"));
    let by_id =
        stdout_of(otter(school).args(["export", "minutes", "--meeting", &last["id"].to_string()]));
    assert_eq!(by_id, md);
    otter(school)
        .args(["export", "minutes", "--meeting", "9999"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Geen vastgestelde vergadering"));
}
