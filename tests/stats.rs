//! `otter stats` end to end: the real binary on the demo school. What leaves otter for the
//! gemeente is aggregate: no name, date of birth, case number or typed text in any format.

mod common;

use std::collections::BTreeSet;

use common::{demo_school, otter, stdout_of};
use otter::domain::{Action, Case, Decision, Member, Note, Pupil};
use otter::store::Store;

const FORMATS: [&str; 4] = ["text", "json", "csv", "html"];

/// Everything of the demo that must never reach an aggregate export.
fn secrets(store: &Store) -> BTreeSet<String> {
    let mut secrets = BTreeSet::new();
    for pupil in store.all::<Pupil>().map(Result::unwrap) {
        secrets.insert(pupil.full_name());
        secrets.insert(format!("{} {}", pupil.first_name, pupil.last_name));
        secrets.insert(pupil.birth_date.format("%d-%m-%Y").to_string());
        secrets.insert(pupil.birth_date.format("%Y-%m-%d").to_string());
    }
    for case in store.all::<Case>().map(Result::unwrap) {
        secrets.insert(case.pseudonym());
        secrets.insert(format!("#{}", case.id));
        secrets.insert(case.question.clone());
        if !case.closing_reason.is_empty() {
            secrets.insert(case.closing_reason.clone());
        }
    }
    for member in store.all::<Member>().map(Result::unwrap) {
        secrets.insert(member.name);
    }
    for note in store.all::<Note>().map(Result::unwrap) {
        secrets.insert(note.text);
    }
    for decision in store.all::<Decision>().map(Result::unwrap) {
        secrets.insert(decision.text);
    }
    for action in store.all::<Action>().map(Result::unwrap) {
        secrets.insert(action.text);
    }
    secrets.retain(|s| s.trim().chars().count() >= 5);
    secrets
}

#[test]
fn no_format_holds_a_name_a_birth_date_a_case_or_a_typed_text() {
    let (_turn, school) = demo_school();
    let secrets = {
        let store = Store::open(school).unwrap();
        secrets(&store)
    };
    assert!(
        secrets.len() > 500,
        "the demo gave {} secrets",
        secrets.len()
    );
    for year in ["2024", "2025", "2026"] {
        for format in FORMATS {
            for lang in ["nl", "en"] {
                let out = stdout_of(
                    otter(school)
                        .args(["stats", "--year", year, "--format", format])
                        .args(["--lang", lang]),
                );
                assert!(out.len() > 1000, "{format}: {out}");
                let leaked: Vec<&String> = secrets.iter().filter(|s| out.contains(*s)).collect();
                assert!(leaked.is_empty(), "{year} {format} {lang}: {leaked:?}");
            }
        }
    }
}

#[test]
fn every_format_has_the_figures_and_the_export_is_audited() {
    let (_turn, school) = demo_school();
    let text = stdout_of(otter(school).args(["stats", "--year", "2025"]));
    assert!(text.contains("Signaal tot start hulp (mediaan)"), "{text}");
    assert!(text.contains("Periode: 01-08-2025 – 31-07-2026"), "{text}");
    let english = stdout_of(otter(school).args(["--lang", "en", "stats", "--year", "2025"]));
    assert!(
        english.contains("Signal to start of help (median)"),
        "{english}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        otter(school).args(["stats", "--year", "2025", "--format", "json"]),
    ))
    .unwrap();
    let global: serde_json::Value = serde_json::from_str(&stdout_of(
        otter(school).args(["stats", "--year", "2025", "--json"]),
    ))
    .unwrap();
    assert_eq!(global, json, "--json is --format json");
    let figures = json["figures"].as_array().unwrap();
    let cases = figures.iter().find(|f| f["figure"] == "cases").unwrap();
    assert!(cases["value"].as_u64().unwrap() >= 5, "{cases}");
    let html = stdout_of(otter(school).args(["stats", "--term", "1", "--format", "html"]));
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert_eq!(html.matches("<svg xmlns").count(), 3, "three charts");
    for fetches in ["src=", "href=", "@import", "url(", "<script"] {
        assert!(!html.contains(fetches), "{fetches}");
    }
    let audit = stdout_of(otter(school).args(["audit", "--json"]));
    assert!(audit.contains("otter stats"), "{audit}");
}

#[test]
fn a_period_is_a_year_a_term_or_two_days_and_never_backwards() {
    let (_turn, school) = demo_school();
    let term = stdout_of(otter(school).args(["stats", "--year", "2025", "--term", "2"]));
    assert!(term.contains("01-01-2026 – 31-03-2026"), "{term}");
    let days =
        stdout_of(otter(school).args(["stats", "--from", "01-09-2025", "--to", "30-11-2025"]));
    assert!(days.contains("01-09-2025 – 30-11-2025"), "{days}");
    let current = stdout_of(otter(school).args(["stats"]));
    assert!(current.contains("01-08-2026 – 23-11-2026"), "{current}");
    let stricter = stdout_of(otter(school).args(["stats", "--year", "2025", "--threshold", "25"]));
    assert!(stricter.contains("drempel 25"), "{stricter}");
    // The names are padded to the longest, which the note beside "binnen de norm" lengthens.
    assert!(
        stricter.lines().any(|line| {
            let mut cells = line.split_whitespace().rev();
            line.starts_with("  Afgesloten casussen ") && cells.next() == Some("<25")
        }),
        "{stricter}"
    );
    let laxer = otter(school)
        .args(["stats", "--threshold", "2"])
        .output()
        .unwrap();
    assert_eq!(laxer.status.code(), Some(2), "no threshold under 5");
    let backwards = otter(school)
        .args(["stats", "--from", "30-11-2025", "--to", "01-09-2025"])
        .output()
        .unwrap();
    assert_eq!(backwards.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&backwards.stderr),
        "otter: De periode eindigt voor ze begint\n"
    );
    // Term 2 of the running year has not begun on 23-11-2026: no end date was typed, so the
    // message says so rather than blaming the end.
    for (lang, message) in [
        ("nl", "otter: De periode is nog niet begonnen\n"),
        ("en", "otter: The period has not begun yet\n"),
    ] {
        let future = otter(school)
            .args(["--lang", lang, "stats", "--term", "2"])
            .output()
            .unwrap();
        assert_eq!(future.status.code(), Some(1));
        assert_eq!(String::from_utf8_lossy(&future.stderr), message);
    }
    let both = otter(school)
        .args(["stats", "--year", "2025", "--from", "01-09-2025"])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(2), "a year and a day conflict");
}

#[test]
fn combining_adds_schools_up_and_marks_hidden_cells_as_lower_bounds() {
    let (_turn, school) = demo_school();
    let dir = tempfile::TempDir::new().unwrap();
    let a = dir.path().join("a.csv");
    let b = dir.path().join("b.csv");
    for file in [&a, &b] {
        otter(school)
            .args(["stats", "--year", "2025", "--format", "csv", "-o"])
            .arg(file)
            .assert()
            .success();
    }
    let single = std::fs::read_to_string(&a).unwrap();
    let value = |csv: &str, figure: &str| -> (String, String) {
        let line = csv
            .lines()
            .find(|l| l.starts_with(&format!("{figure};")))
            .unwrap_or_else(|| panic!("{figure} in {csv}"));
        let fields: Vec<&str> = line.split(';').collect();
        (fields[2].to_string(), fields[5].to_string())
    };
    let (cases, _) = value(&single, "cases");
    let (waiting, _) = value(&single, "waiting");
    assert_eq!(waiting, "<5", "the demo waits for few: {single}");
    let combined = stdout_of(
        otter(school)
            .args(["stats", "combine", "--format", "csv"])
            .arg(&a)
            .arg(&b),
    );
    let doubled = cases.parse::<u32>().unwrap() * 2;
    assert_eq!(
        value(&combined, "cases"),
        (doubled.to_string(), "false".into())
    );
    // Each "<5" is at least 1: two of them at least 2, and that is a lower bound.
    assert_eq!(value(&combined, "waiting"), ("2".into(), "true".into()));
    // A combined file adds up again, bounds and all.
    let c = dir.path().join("c.csv");
    std::fs::write(&c, &combined).unwrap();
    let again = stdout_of(
        otter(school)
            .args(["stats", "combine", "--format", "csv"])
            .arg(&c)
            .arg(&a),
    );
    assert_eq!(value(&again, "waiting"), ("3".into(), "true".into()));
    let text = stdout_of(otter(school).args(["stats", "combine"]).arg(&a).arg(&b));
    assert!(text.contains("2 scholen opgeteld"), "{text}");
    assert!(text.contains("≥"), "{text}");

    let other = dir.path().join("other.csv");
    otter(school)
        .args(["stats", "--year", "2024", "--format", "csv", "-o"])
        .arg(&other)
        .assert()
        .success();
    let refused = otter(school)
        .args(["stats", "combine"])
        .arg(&a)
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("andere periode"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    let not_csv = otter(school)
        .args(["stats", "combine"])
        .arg(dir.path().join("missing.csv"))
        .output()
        .unwrap();
    assert_eq!(not_csv.status.code(), Some(1));
}
