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
    let last_name = dossier["pupil"]["last_name"].as_str().unwrap();
    assert!(name.ends_with(last_name), "{name} / {last_name}");
    let cases = dossier["cases"].as_array().unwrap();
    assert_eq!(cases.len() as u64, with_case["cases"].as_u64().unwrap());
    let text = stdout_of(otter(school).args(["leerling", &name.to_uppercase()]));
    assert!(text.starts_with(name), "{text}");
    // What was agreed is the answer people come for: every decision and note is printed.
    let mut checked = 0;
    for case in cases {
        for record in ["decisions", "notes"] {
            for item in case[record].as_array().unwrap() {
                let first_line = item["text"].as_str().unwrap().lines().next().unwrap_or("");
                assert!(
                    text.contains(first_line),
                    "{record} {first_line:?} in\n{text}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "the demo pupil has decisions or notes");
}

/// "van 't Hof" is typed "van t hof" as often as not, and spaces come doubled: the name is
/// still the name.
#[test]
fn a_name_is_found_without_its_apostrophe_and_with_extra_spaces() {
    let (_turn, school) = demo_school();
    for typed in ["jesse van t hof", "Jesse  van 't  Hof", "jesse van ’t hof"] {
        let text = stdout_of(otter(school).args(["pupil", typed]));
        assert!(text.starts_with("Jesse van 't Hof · "), "{typed}: {text}");
    }
    // The actions' pupil filter reads a name the same way.
    let rows = json_of(otter(school).args(["actions", "--pupil", "jesse van t hof"]));
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r["pupil"] == "Jesse van 't Hof"),
        "{rows:?}"
    );
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
fn actions_filter_by_status_pupil_and_meeting() {
    let (_turn, school) = demo_school();
    let all = json_of(otter(school).arg("actions"));
    let all = all.as_array().unwrap();
    let count = |status: &str| all.iter().filter(|r| r["status"] == status).count();
    for (flag, status) in [("done", "done"), ("gedaan", "done"), ("dropped", "dropped")] {
        let rows = json_of(otter(school).args(["actions", "--status", flag]));
        let rows = rows.as_array().unwrap();
        assert!(!rows.is_empty() && rows.iter().all(|r| r["status"] == status));
        assert_eq!(rows.len(), count(status), "{flag}");
    }
    let open = json_of(otter(school).args(["actions", "--status", "open"]));
    assert_eq!(open, json_of(otter(school).args(["actions", "--open"])));

    // A pupil as the team sees them: an anonymous case by its pseudonym.
    let pseudonym = all
        .iter()
        .map(|r| r["pupil"].as_str().unwrap())
        .find(|p| p.starts_with("Leerling "))
        .expect("the demo has an anonymous case with actions");
    let theirs = json_of(otter(school).args(["actions", "--pupil", pseudonym]));
    let theirs = theirs.as_array().unwrap();
    assert_eq!(
        theirs.len(),
        all.iter().filter(|r| r["pupil"] == pseudonym).count()
    );

    let last = json_of(otter(school).args(["actions", "--meeting", "last"]));
    let last = last.as_array().unwrap();
    assert!(!last.is_empty() && last.len() < all.len());
    let meetings = json_of(otter(school).arg("meetings"));
    let closed = meetings
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["state"] == "closed")
        .unwrap();
    let by_number = closed["id"].as_u64().unwrap().to_string();
    assert_eq!(
        json_of(otter(school).args(["actions", "--meeting", &by_number])),
        json_of(otter(school).args(["actions", "--meeting", "laatste"]))
    );
    otter(school)
        .args(["actions", "--meeting", "9999"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("9999"));
    otter(school)
        .args(["actions", "--open", "--status", "done"])
        .assert()
        .code(2);
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
    // The number that --meeting takes leads each row.
    let number = rows[0]["id"].as_u64().unwrap().to_string();
    assert_eq!(
        first.split_whitespace().next(),
        Some(number.as_str()),
        "{text}"
    );
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
    // Every pupil whose cases are all anonymous (or "nee") never appears by name in a hit
    // about a case, note, decision or action, only under the case's pseudonym.
    let hidden = hidden_pupils(school);
    assert!(!hidden.is_empty(), "demo has anonymous cases");
    for (name, cases) in &hidden {
        let first = name.split(' ').next().unwrap();
        let hits = json_of(otter(school).args(["search", first]));
        for hit in hits.as_array().unwrap() {
            if hit["kind"] != "pupil" {
                assert_ne!(hit["subject"], name.as_str(), "{name} named in {hit}");
            }
        }
        // Each case is found by its hulpvraag, under its pseudonym, without its number.
        for (pseudonym, question) in cases {
            let found = json_of(otter(school).args(["search", question]));
            let hit = found
                .as_array()
                .unwrap()
                .iter()
                .find(|h| h["kind"] == "case" && h["subject"] == pseudonym.as_str())
                .unwrap_or_else(|| panic!("{question}: {found}"));
            assert_eq!(hit["text"], question.as_str(), "{hit}");
            assert!(
                hit.get("id").is_none() && hit.get("case").is_none(),
                "{hit}"
            );
        }
        let listed = json_of(otter(school).arg("pupils"));
        let row = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name.as_str())
            .unwrap();
        assert_eq!(
            row["cases"], 0,
            "the pupil list does not count {name}'s anonymous case"
        );
    }
    otter(school)
        .args(["search", "qqqxxyyzz"])
        .assert()
        .success()
        .stdout("Niets gevonden.\n");
    otter(school)
        .args(["search", "e"])
        .assert()
        .code(1)
        .stderr("otter: Typ minstens twee letters.\n");
}

/// A case's pseudonym and hulpvraag.
type HiddenCase = (String, String);

/// Pupils none of whose cases may show their name, with the pseudonym and hulpvraag of those
/// cases.
fn hidden_pupils(school: &std::path::Path) -> Vec<(String, Vec<HiddenCase>)> {
    use otter::domain::{Case, Pupil};
    let store = otter::store::Store::open(school).unwrap();
    let cases: Vec<Case> = store.all::<Case>().map(Result::unwrap).collect();
    store
        .all::<Pupil>()
        .map(Result::unwrap)
        .filter_map(|pupil| {
            let own: Vec<&Case> = cases.iter().filter(|c| c.pupil == pupil.id).collect();
            let all_hidden = !own.is_empty() && own.iter().all(|c| !c.consent.shows_name());
            all_hidden.then(|| {
                (
                    pupil.full_name(),
                    own.iter()
                        .map(|c| (c.pseudonym(), c.question.clone()))
                        .collect(),
                )
            })
        })
        .take(4)
        .collect()
}

#[test]
fn english_is_complete_on_the_command_line() {
    let (_turn, school) = demo_school();
    let text = stdout_of(otter(school).args(["--lang", "en", "meetings"]));
    assert!(text.starts_with("no.  date"), "{text}");
    assert!(text.contains("planned"));
    let help = stdout_of(otter(school).args(["--lang", "en", "--help"]));
    assert!(help.contains("List all pupils"), "{help}");
    let dutch = stdout_of(otter(school).arg("--help"));
    assert!(dutch.contains("Toon alle leerlingen"), "{dutch}");
}

/// clap's own words too: headings, placeholders, its flags, defaults; through `help` as well.
#[test]
fn the_help_is_dutch_from_heading_to_flags() {
    let dir = TempDir::new().unwrap();
    let help = stdout_of(otter(dir.path()).arg("--help"));
    for expected in [
        "Gebruik: otter [OPTIES] [OPDRACHT]",
        "Opdrachten:",
        "Opties:",
        "-h, --help",
        "Toon deze hulp",
        "[standaard: nl]",
    ] {
        assert!(help.contains(expected), "no {expected}:\n{help}");
    }
    assert!(
        !help.contains("Usage") && !help.contains("Print help"),
        "{help}"
    );
    let pupil = stdout_of(otter(dir.path()).args(["help", "leerling"]));
    assert!(
        pupil.contains("Gebruik: otter pupil [OPTIES] <NAAM>..."),
        "{pupil}"
    );
    assert!(!pupil.contains("--theme"), "{pupil}");
    let version = stdout_of(otter(dir.path()).arg("--version"));
    assert_eq!(version, format!("otter {}\n", env!("CARGO_PKG_VERSION")));
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
    // A change, that is: a look-up reads beside the otter that holds the data
    // (tests/read_only.rs).
    otter(dir.path())
        .args(["school", "De", "Regenboog"])
        // A hang on the lock would run into this and fail the exit-code check.
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("al open in een andere otter"));
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
    drop(otter::store::Store::open(damaged.path()).unwrap());
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
    drop(otter::store::Store::open(dir.path()).unwrap());
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
fn an_unreadable_phase_model_is_refused_with_its_name() {
    let dir = TempDir::new().unwrap();
    drop(otter::store::Store::open(dir.path()).unwrap());
    // Not UTF-8: the file is there but cannot be read as text.
    std::fs::write(dir.path().join("phases.toml"), [0xff, 0xfe, 0x00]).unwrap();
    otter(dir.path())
        .args(["pupil", "x"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("phases.toml:0:")
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
        .stderr(predicate::str::contains(
            "Geen vergadering gevonden bij \"9999\"",
        ));
    // The date people know a meeting by works here as it does for otter actions --meeting.
    let by_date = stdout_of(otter(school).args([
        "export",
        "minutes",
        "--meeting",
        &date.format("%-d-%-m").to_string(),
    ]));
    assert_eq!(by_date, md);
    // The next meeting has no minutes yet: said so, not "no meeting with number".
    let planned = closed
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["state"] == "planned")
        .unwrap();
    otter(school)
        .args(["export", "minutes", "--meeting", &planned["id"].to_string()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is nog niet vastgesteld"));
    // A school that has not closed a meeting yet: said so, not "no meeting with number last".
    let new_school = TempDir::new().unwrap();
    let pupils = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/edexml.xml"
    );
    otter(new_school.path())
        .args(["import", "pupils", pupils, "--skip-bad"])
        .assert()
        .success();
    otter(new_school.path())
        .args(["export", "minutes"])
        .assert()
        .code(1)
        .stderr("otter: Er is nog geen vastgestelde vergadering.\n");
}

#[test]
fn a_free_text_owner_can_be_filtered_on() {
    let (_turn, school) = demo_school();
    let open = json_of(otter(school).args(["actions", "--open", "--owner", "ouders"]));
    let open = open.as_array().unwrap();
    assert!(!open.is_empty());
    assert!(
        open.iter()
            .all(|r| r["owner"] == "ouders" && r["status"] == "open")
    );
}

#[test]
fn a_look_up_never_creates_a_database() {
    let dir = TempDir::new().unwrap();
    let typo = dir.path().join("shcool");
    otter(&typo)
        .arg("pupils")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Er is nog geen otter-database"));
    assert!(!typo.exists(), "nothing was created");
}

#[test]
fn a_look_up_in_an_empty_database_folder_creates_nothing() {
    // A `db` folder with nothing of sled's in it (made by hand, or left by a first start cut
    // short before sled wrote a byte): a look-up answered "nothing found" from a new,
    // unencrypted database it created there.
    let dir = TempDir::new().unwrap();
    std::fs::create_dir(dir.path().join("db")).unwrap();
    otter(dir.path())
        .arg("pupils")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Er is nog geen otter-database"));
    let left: Vec<_> = std::fs::read_dir(dir.path().join("db")).unwrap().collect();
    assert!(left.is_empty(), "nothing was created: {left:?}");
}

#[test]
fn half_a_command_and_demo_with_a_command_are_usage_errors() {
    let (_turn, school) = demo_school();
    otter(school).arg("export").assert().code(2);
    otter(school)
        .args(["--demo", "pupils"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--demo"));
}

#[test]
fn usage_errors_speak_the_chosen_language() {
    let (_turn, school) = demo_school();
    otter(school)
        .args(["acties", "--status", "raar"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "'raar' is geen geldige waarde voor '--status <STATUS>' (kies uit 'all', 'open'",
        ));
    otter(school)
        .args(["zoekk"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("onbekende opdracht 'zoekk'"));
    otter(school)
        .args(["--lang", "en", "actions", "--open", "--status", "done"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "'--open' cannot be used with '--status <STATUS>'",
        ));
    // A number that is not one: clap's own text was English ("invalid digit found in string").
    otter(school)
        .args(["--lock-after", "tien", "pupils"])
        .assert()
        .code(2)
        .stderr(
            "otter: Ongeldige aanroep: 'tien' is geen geldige waarde voor '--lock-after <MINUTEN>'. Zie otter --help.\n",
        );
}

#[test]
fn two_pupils_with_the_same_name_are_never_confused() {
    use otter::domain::{Pupil, PupilId};
    let dir = TempDir::new().unwrap();
    {
        let store = otter::store::Store::open(dir.path()).unwrap();
        for (id, groep) in [(1, 3), (2, 6)] {
            store
                .save(&Pupil {
                    id: PupilId(id),
                    first_name: "Noah".into(),
                    prefix: "de".into(),
                    last_name: "Jong".into(),
                    groep,
                    birth_date: chrono::NaiveDate::from_ymd_opt(2015 + id as i32, 5, 1).unwrap(),
                    teacher: String::new(),
                })
                .unwrap();
        }
    }
    otter(dir.path())
        .args(["pupil", "Noah de Jong"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("Noah de Jong (groep 3, 01-05-2016)")
                .and(predicate::str::contains(
                    "Noah de Jong (groep 6, 01-05-2017)",
                ))
                .and(predicate::str::contains(
                    "Geef de geboortedatum erbij, bijvoorbeeld: Noah de Jong 01-05-2016.",
                )),
        );
    // The name with a date of birth reaches each of them: the dossier, the extract, erasure.
    let second = json_of(otter(dir.path()).args(["pupil", "noah de jong", "01-05-2017"]));
    assert_eq!(second["pupil"]["groep"], 6, "{second}");
    let first = json_of(otter(dir.path()).args(["leerling", "Noah de Jong 2016-05-01"]));
    assert_eq!(first["pupil"]["groep"], 3, "{first}");
    let extract =
        stdout_of(otter(dir.path()).args(["export", "pupil", "Noah de Jong", "01-05-2017"]));
    assert!(
        extract.contains("01-05-2017") && !extract.contains("01-05-2016"),
        "{extract}"
    );
    otter(dir.path())
        .args(["pupil", "Noah de Jong", "02-05-2017"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Geen leerling"));
    stdout_of(otter(dir.path()).args(["forget", "Noah de Jong", "01-05-2017", "--yes"]));
    let left = json_of(otter(dir.path()).arg("pupils"));
    assert_eq!(left.as_array().unwrap().len(), 1);
    assert_eq!(left[0]["birth_date"], "2016-05-01");
    let dossier = json_of(otter(dir.path()).args(["pupil", "Noah de Jong"]));
    assert_eq!(
        dossier["pupil"]["groep"], 3,
        "the one left is found by name alone"
    );
    // No leerkracht known: the line says nothing about one, not "leerkracht" and a blank.
    let text = stdout_of(otter(dir.path()).args(["pupil", "Noah de Jong"]));
    assert_eq!(
        text.lines().next(),
        Some("Noah de Jong · groep 3 · geboren 01-05-2016")
    );
}

#[test]
fn json_into_a_closed_pipe_is_not_an_error() {
    use std::io::{BufRead, BufReader};
    let (_turn, school) = demo_school();
    let mut child = common::otter_std(school)
        .args(["pupils", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert_eq!(first, "[\n");
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty());
}
