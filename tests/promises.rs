//! The small promises of the command line (issue 16): what the help says is what happens.

mod common;

use common::{demo_school, json_of, otter, stdout_of};
use predicates::prelude::*;
use tempfile::TempDir;

/// The pseudonym of an anonymous case of the demo school, as `otter search` shows it.
fn a_pseudonym(school: &std::path::Path) -> String {
    let hits = json_of(otter(school).args(["search", "Leerling"]));
    hits.as_array()
        .unwrap()
        .iter()
        .filter(|hit| hit["kind"] == "case")
        .find_map(|hit| {
            let subject = hit["subject"].as_str()?;
            subject
                .starts_with("Leerling ")
                .then(|| subject.to_string())
        })
        .expect("the demo has anonymous cases")
}

#[test]
fn pupil_and_export_pupil_take_the_pseudonym_the_help_promises() {
    let (_turn, school) = demo_school();
    let pseudonym = a_pseudonym(school);
    let dossier = json_of(otter(school).args(["pupil", &pseudonym.to_lowercase()]));
    let consents: Vec<&str> = dossier["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|case| case["case"]["consent"].as_str().unwrap_or_default())
        .collect();
    let code = pseudonym.rsplit(' ').next().unwrap();
    assert!(
        dossier["cases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|case| case["case"]["pseudonym"] == code),
        "the dossier of the case's pupil: {consents:?}"
    );
    // As the English screen shows it, or the code alone, as search takes it.
    for typed in [format!("Pupil {code}"), code.to_lowercase()] {
        let same = json_of(otter(school).args(["pupil", &typed]));
        assert_eq!(same["pupil"], dossier["pupil"], "{typed}");
    }
    let extract = stdout_of(otter(school).args(["export", "pupil", &pseudonym]));
    assert!(extract.contains(&pseudonym), "{extract}");
    // Something that only looks like a pseudonym is no pupil.
    for unknown in ["Leerling Q-999999", "Leerling QQ-999999"] {
        otter(school)
            .args(["pupil", unknown])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("Geen leerling"));
    }
}

#[test]
fn forget_with_yes_takes_a_pseudonym_as_a_whole_name() {
    let dir = TempDir::new().unwrap();
    otter(dir.path()).arg("demo").assert().success();
    let pseudonym = a_pseudonym(dir.path());
    let dossier = json_of(otter(dir.path()).args(["pupil", &pseudonym]));
    let first = dossier["pupil"]["first_name"].as_str().unwrap().to_string();
    let last = dossier["pupil"]["last_name"].as_str().unwrap().to_string();
    stdout_of(otter(dir.path()).args(["forget", &pseudonym, "--yes"]));
    otter(dir.path())
        .args(["pupil", &format!("{first} {last}")])
        .assert()
        .code(1);
}

#[test]
fn several_pupils_for_a_name_say_which_ones_have_a_case() {
    let (_turn, school) = demo_school();
    let rows = json_of(otter(school).arg("pupils"));
    let rows = rows.as_array().unwrap();
    let first = |row: &serde_json::Value| {
        let name = row["name"].as_str().unwrap();
        name.split(' ').next().unwrap().to_string()
    };
    // A first name that fits two to eight pupils (all listed), some with a case, some not.
    let (name, fits) = rows
        .iter()
        .map(first)
        .find_map(|name| {
            let fits: Vec<&serde_json::Value> = rows
                .iter()
                .filter(|r| r["name"].as_str().unwrap().contains(&name))
                .collect();
            let with = fits.iter().filter(|r| r["cases"] != 0).count();
            ((2..=8).contains(&fits.len()) && with > 0 && with < fits.len()).then_some((name, fits))
        })
        .expect("the demo has such a name");
    let output = otter(school).args(["pupil", &name]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8(output.stderr).unwrap();
    for row in fits {
        let born = row["birth_date"].as_str().unwrap();
        let born = chrono::NaiveDate::parse_from_str(born, "%Y-%m-%d").unwrap();
        let listed = format!(
            "{} (groep {}, {}",
            row["name"].as_str().unwrap(),
            row["groep"],
            born.format("%d-%m-%Y")
        );
        let marked = format!("{listed}, heeft een casus)");
        if row["cases"] == 0 {
            assert!(
                message.contains(&format!("{listed})")),
                "{listed}: {message}"
            );
        } else {
            assert!(message.contains(&marked), "{marked}: {message}");
        }
    }
}

#[test]
fn overdue_beside_done_or_dropped_is_refused_not_answered_with_open_actions() {
    let (_turn, school) = demo_school();
    for (status, command) in [
        ("done", &["actions"][..]),
        ("dropped", &["acties"]),
        ("done", &["export", "actions"]),
    ] {
        otter(school)
            .args(command)
            .args(["--status", status, "--overdue"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "--overdue toont open actiepunten waarvan de datum voorbij is en gaat niet samen met --status {status}"
            )));
    }
    // Overdue with the open ones, or all, is still answered: open actions past due.
    let rows = json_of(otter(school).args(["actions", "--status", "open", "--overdue"]));
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| r["status"] == "open" && r["days_overdue"] != 0)
    );
}

#[test]
fn json_is_refused_by_commands_that_do_not_answer_in_it() {
    let dir = TempDir::new().unwrap();
    for (command, typed) in [
        (&["export", "minutes"][..], "otter export minutes"),
        (&["export", "actions"], "otter export actions"),
        (&["export", "leerling", "Sanne"], "otter export pupil"),
        (&["passphrase"], "otter passphrase"),
        (&["stats", "combine", "a.csv"], "otter stats combine"),
        (&[], "otter"),
    ] {
        otter(dir.path())
            .args(command)
            .arg("--json")
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "otter: Ongeldige aanroep: {typed} antwoordt niet in JSON; laat --json weg. Zie otter --help.\n"
            ));
    }
    otter(dir.path())
        .args(["--lang", "en", "export", "minutes", "--json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "otter export minutes does not answer in JSON; leave out --json",
        ));
    // A command that answers in JSON is not refused: here it finds no database.
    otter(dir.path())
        .args(["pupils", "--json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nog geen otter-database"));
}
