//! An export or `otter stats` to a folder that is not there or may not be written: one line
//! in the user's language naming the folder, exit code 5, no file (not even part of one) and
//! no audit line.

mod common;

use std::path::Path;

use common::{demo_school, otter};
use tempfile::TempDir;

/// The audit lines of the school so far.
fn audit_len(school: &Path) -> usize {
    common::json_of(otter(school).arg("audit"))
        .as_array()
        .unwrap()
        .len()
}

// Only the read-only folder's test (Linux: a bind mount) looks at what a folder holds.
#[cfg(target_os = "linux")]
fn names_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn an_export_to_a_missing_folder_names_the_folder_exits_five_and_writes_nothing() {
    let (_turn, school) = demo_school();
    let out = TempDir::new().unwrap();
    let missing = out.path().join("usb-stick");
    let before = audit_len(school);
    for (args, lang, said) in [
        (&["export", "minutes", "-o"][..], "nl", "bestaat niet"),
        (&["export", "actions", "-o"][..], "en", "does not exist"),
        (&["stats", "-o"][..], "nl", "bestaat niet"),
    ] {
        let file = missing.join("verslag.md");
        let output = otter(school)
            .args(["--lang", lang])
            .args(args)
            .arg(&file)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(5), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        let folder = missing.display().to_string();
        assert!(
            stderr.contains(&format!(" {folder} {said}")) && stderr.contains("verslag.md"),
            "{stderr}"
        );
        assert!(!missing.exists(), "{args:?} made the folder");
    }
    assert_eq!(
        audit_len(school),
        before,
        "an audit line for a file not written"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn an_export_to_a_read_only_folder_names_the_folder_exits_five_and_writes_nothing() {
    let (_turn, school) = demo_school();
    let out = TempDir::new().unwrap();
    let before = audit_len(school);
    let file = out.path().join("uittreksel.html");
    let file = file.to_str().unwrap();
    for (args, said) in [
        (
            vec!["export", "minutes", "--format", "html", "-o", file],
            "kan otter niet schrijven",
        ),
        (
            vec!["--lang", "en", "stats", "-o", file],
            "otter cannot write in the folder",
        ),
    ] {
        let Some(output) = common::with_read_only(out.path(), school, &args) else {
            return;
        };
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(5), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        let folder = out.path().display().to_string();
        assert!(
            stderr.contains(said) && stderr.contains(&folder) && stderr.contains(file),
            "{stderr}"
        );
        assert!(
            names_in(out.path()).is_empty(),
            "{:?}",
            names_in(out.path())
        );
    }
    assert_eq!(
        audit_len(school),
        before,
        "an audit line for a file not written"
    );
    // The same folder written once it may be: the file whole, and its audit line.
    otter(school)
        .args(["export", "minutes", "-o", file])
        .assert()
        .success();
    assert_eq!(names_in(out.path()), ["uittreksel.html"]);
    assert_eq!(audit_len(school), before + 1);
}
