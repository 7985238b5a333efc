//! `otter import pupils` end to end: the real binary, the fixtures of tests/fixtures/import,
//! and the database read back by a second otter.

mod common;

use std::path::{Path, PathBuf};

use common::{json_of, otter, stdout_of};
use predicates::prelude::*;
use tempfile::TempDir;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn pupil_names(dir: &Path) -> Vec<(String, u64, String)> {
    let rows = json_of(otter(dir).arg("pupils"));
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["groep"].as_u64().unwrap(),
                r["teacher"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn each_encoding_and_separator_imports_the_same_four_pupils() {
    for file in [
        "parnassys_bom_semicolon.csv",
        "english_utf8_comma.csv",
        "magister_1252_tab.csv",
    ] {
        let dir = TempDir::new().unwrap();
        let text = stdout_of(
            otter(dir.path())
                .args(["import", "pupils"])
                .arg(fixture(file)),
        );
        assert!(
            text.contains("Geïmporteerd: 4 nieuw, 0 bijgewerkt."),
            "{file}: {text}"
        );
        let names: Vec<String> = pupil_names(dir.path()).into_iter().map(|r| r.0).collect();
        assert_eq!(
            names,
            [
                "Inés Fernández",
                "Zoë Çelik",
                "Sanne de Vries",
                "Daan van den Berg"
            ],
            "{file}"
        );
    }
}

#[test]
fn a_dry_run_prints_the_plan_and_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let text = stdout_of(
        otter(dir.path())
            .args(["import", "pupils", "--dry-run"])
            .arg(fixture("parnassys_bom_semicolon.csv")),
    );
    assert!(text.contains("Nieuw: 4"), "{text}");
    assert!(text.contains("  + Zoë Çelik · groep 4 · 02-09-2018 · Mehmet Yıldız"));
    assert!(text.ends_with("Proefdraai: er is niets opgeslagen.\n"));
    // Not even an empty database: a mistyped --data-dir stays empty.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

    otter(dir.path())
        .args(["import", "pupils"])
        .arg(fixture("parnassys_bom_semicolon.csv"))
        .assert()
        .success();
    let plan = json_of(
        otter(dir.path())
            .args(["--lang", "en", "import", "pupils", "--dry-run"])
            .arg(fixture("magister_1252_tab.csv")),
    );
    assert_eq!(plan["dry_run"], true);
    assert_eq!(plan["imported"], serde_json::Value::Null);
    assert_eq!(plan["source"]["encoding"], "windows-1252");
    assert_eq!(plan["updated"][0]["changes"][0]["to"], "Mehmet Yildiz");
    assert_eq!(pupil_names(dir.path())[1].2, "Mehmet Yıldız", "not written");
}

#[test]
fn a_reimport_updates_instead_of_duplicating() {
    let dir = TempDir::new().unwrap();
    otter(dir.path())
        .args(["import", "pupils"])
        .arg(fixture("parnassys_bom_semicolon.csv"))
        .assert()
        .success();
    let next_year = dir.path().join("volgend-jaar.csv");
    std::fs::write(
        &next_year,
        "Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Groep;Leerkracht\n\
         Sanne;de;Vries;14-03-2017;6A;Piet de Wit\n\
         Zoë;;Çelik;02-09-2018;5;Mehmet Yıldız\n",
    )
    .unwrap();
    let report = json_of(otter(dir.path()).args(["import", "pupils"]).arg(&next_year));
    assert_eq!(report["imported"]["new"], 0);
    assert_eq!(report["imported"]["updated"], 2);
    let rows = pupil_names(dir.path());
    assert_eq!(rows.len(), 4);
    assert!(rows.contains(&("Sanne de Vries".into(), 6, "Piet de Wit".into())));
    assert!(rows.contains(&("Zoë Çelik".into(), 5, "Mehmet Yıldız".into())));
    // Importing the same file again changes nothing.
    let text = stdout_of(otter(dir.path()).args(["import", "pupils"]).arg(&next_year));
    assert!(text.contains("Ongewijzigd: 2"), "{text}");
    assert!(text.contains("Geïmporteerd: 0 nieuw, 0 bijgewerkt."));
}

#[test]
fn bad_rows_stop_the_whole_import_unless_skipped() {
    let dir = TempDir::new().unwrap();
    otter(dir.path())
        .args(["import", "pupils"])
        .arg(fixture("bad_rows.csv"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "regel 4: datum \"31-02-2016\" bestaat niet",
        ))
        .stdout(predicate::str::contains(
            "regel 7: dezelfde leerling als regel 2",
        ))
        .stderr(predicate::str::contains(
            "Niets geïmporteerd: 6 foute regels",
        ));
    // Nothing at all was written, though two rows were good.
    assert!(pupil_names(dir.path()).is_empty());

    let report = json_of(
        otter(dir.path())
            .args(["import", "pupils", "--skip-bad"])
            .arg(fixture("bad_rows.csv")),
    );
    assert_eq!(report["imported"]["new"], 2);
    assert_eq!(report["bad"].as_array().unwrap().len(), 6);
    assert_eq!(report["bad"][2]["line"], 5);
    assert_eq!(report["bad"][2]["reason"], "bad_groep");
    assert_eq!(report["bad"][2]["value"], "9");
    assert_eq!(pupil_names(dir.path()).len(), 2);
}

#[test]
fn edexml_is_imported_with_groep_and_leerkrachten() {
    let dir = TempDir::new().unwrap();
    let text = stdout_of(
        otter(dir.path())
            .args(["--lang", "en", "import", "pupils", "--skip-bad"])
            .arg(fixture("edexml.xml")),
    );
    assert!(text.contains("(EDEXML, UTF-8)"), "{text}");
    assert!(text.contains("line 62: date \"2015-02-29\" does not exist"));
    assert!(text.contains("Imported: 3 new, 0 updated."));
    let rows = pupil_names(dir.path());
    assert!(rows.contains(&(
        "Daan van den Berg".into(),
        6,
        "Anna Bakker, Piet de Wit".into()
    )));
}

#[test]
fn file_level_mistakes_get_one_clear_line() {
    let dir = TempDir::new().unwrap();
    // The file beside, not in, the data directory: a folder holding only other things is not
    // an otter data directory (tests/safer_opens.rs).
    let files = TempDir::new().unwrap();
    let unknown = files.path().join("onbekend.csv");
    std::fs::write(&unknown, "Naam;Geboren op;Jaar\nSanne;14-03-2017;5\n").unwrap();
    otter(dir.path())
        .args(["import", "pupils"])
        .arg(&unknown)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "Geen kolom voor roepnaam gevonden (kolommen: Naam, Geboren op, Jaar)",
        ));
    otter(dir.path())
        .args([
            "import",
            "pupils",
            "--map",
            "voornaam=Naam",
            "--map",
            "naam=2",
        ])
        .arg(&unknown)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Onbekend veld \"naam\" in --map"));
    otter(dir.path())
        .args(["--lang", "en", "import", "pupils"])
        .arg(dir.path().join("weg.csv"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("weg.csv cannot be read"));
    // The mapping makes the same file importable, but it still lacks an achternaam column.
    otter(dir.path())
        .args(["import", "pupils", "--map", "roepnaam=Naam"])
        .arg(&unknown)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Geen kolom voor achternaam"));
}
