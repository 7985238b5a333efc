//! Completions and manual pages (issue 16), generated from the command line's own definition
//! in the chosen language.

mod common;

use common::{otter, stdout_of};
use predicates::prelude::*;
use tempfile::TempDir;

#[test]
fn completions_know_every_command_and_its_dutch_name_in_each_shell() {
    let dir = TempDir::new().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(otter(dir.path()).args(["completions", shell]));
        for word in [
            "pupils",
            "export",
            "invitation",
            "uitnodiging",
            "data-dir",
            "config",
        ] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    // Descriptions in the chosen language.
    let dutch = stdout_of(otter(dir.path()).args(["completions", "fish"]));
    let english = stdout_of(otter(dir.path()).args(["--lang", "en", "completions", "fish"]));
    assert!(dutch.contains("Toon alle leerlingen"), "{dutch}");
    assert!(english.contains("List all pupils"), "{english}");
    otter(dir.path())
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn the_manual_page_is_roff_in_the_chosen_language() {
    let dir = TempDir::new().unwrap();
    let dutch = stdout_of(otter(dir.path()).arg("man"));
    assert!(dutch.contains(".TH otter 1"), "{dutch}");
    for heading in [".SH NAAM", ".SH OVERZICHT", ".SH OPTIES"] {
        assert!(dutch.contains(heading), "{heading}: {dutch}");
    }
    assert!(!dutch.contains(".SH NAME"), "{dutch}");
    let english = stdout_of(otter(dir.path()).args(["man", "--lang", "en"]));
    assert!(english.contains(".SH NAME") && english.contains(".SH SYNOPSIS"));
    assert!(english.contains("List all pupils"), "{english}");
}

#[test]
fn man_dir_writes_the_page_of_every_command_the_main_page_refers_to() {
    let dir = TempDir::new().unwrap();
    let pages = TempDir::new().unwrap();
    otter(dir.path())
        .args(["man", "--dir"])
        .arg(pages.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("man-pagina's geschreven"));
    let main = std::fs::read_to_string(pages.path().join("otter.1")).unwrap();
    // Every page the main page names (`otter\-pupils(1)`) is there.
    let referred: Vec<String> = main
        .lines()
        .filter_map(|line| line.strip_suffix("(1)"))
        .map(|name| name.replace("\\-", "-"))
        .collect();
    assert!(referred.len() > 20, "{referred:?}");
    for name in referred {
        assert!(pages.path().join(format!("{name}.1")).is_file(), "{name}");
    }
    let nested = std::fs::read_to_string(pages.path().join("otter-export-invitation.1")).unwrap();
    assert!(nested.contains("\\-\\-meeting"), "{nested}");
}
