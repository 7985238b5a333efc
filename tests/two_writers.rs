//! Two writers on one data directory at once: never both let in, the one that meets the other
//! refused with a clear message (exit 3); nothing is corrupted, every write acknowledged is
//! there whole and no refused one left a trace.
//!
//! Unix only: the Windows tests run under Wine, which now and then refuses to start a process
//! while another starts (`.ci/run` says more where it runs the end-to-end tests one at a time).

#![cfg(unix)]

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

use otter::store::Store;
use tempfile::TempDir;

/// Pupils of one import: `who` in round `round`.
const PER_IMPORT: usize = 6;
const ROUNDS: usize = 12;

fn import(dir: &Path, csv: &Path) -> Child {
    common::otter_std(dir)
        .env("OTTER_KEEP_BACKUPS", "0")
        .args(["import", "pupils"])
        .arg(csv)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// A class list of its own for `who` in `round`; the first names it gives.
fn class(files: &Path, who: &str, round: usize) -> (PathBuf, Vec<String>) {
    let mut text = String::from("Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Groep\n");
    let mut names = Vec::new();
    for n in 0..PER_IMPORT {
        let first = format!("{who}{round}x{n}");
        text.push_str(&format!("{first};;Schrijver;14-03-2017;{}\n", 1 + n % 8));
        names.push(first);
    }
    let path = files.join(format!("{who}-{round}.csv"));
    std::fs::write(&path, text).unwrap();
    (path, names)
}

#[test]
fn two_imports_at_once_meet_a_refusal_saying_why_and_every_acknowledged_one_is_whole() {
    let dir = TempDir::new().unwrap();
    let files = TempDir::new().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let mut acknowledged = BTreeSet::new();
    let mut refused = 0;
    for round in 0..ROUNDS {
        let (a, a_names) = class(files.path(), "Anna", round);
        let (b, b_names) = class(files.path(), "Bram", round);
        // Started together: whichever takes the lock first writes, the other meets it.
        let runs = [
            (import(dir.path(), &a), a_names),
            (import(dir.path(), &b), b_names),
        ];
        for (child, names) in runs {
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            match output.status.code() {
                Some(0) => acknowledged.extend(names),
                Some(3) => {
                    assert!(
                        stderr.contains("al open in een andere otter"),
                        "refused without saying why: {stderr}"
                    );
                    refused += 1;
                }
                other => panic!("neither written nor refused ({other:?}): {stderr}"),
            }
        }
    }
    eprintln!(
        "{} imports written, {} refused",
        acknowledged.len() / PER_IMPORT,
        refused
    );
    assert!(!acknowledged.is_empty());
    // Started together, they meet in (nearly) every round: none refused would mean the lock
    // let both in, or the rounds never overlapped and tested nothing.
    assert!(refused > 0, "no import was refused in {ROUNDS} rounds");
    // Reopened for writing, as the next otter would: the indexes agree with the records,
    // every acknowledged pupil is there and no refused one.
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.index_drift().unwrap(), Vec::<String>::new());
    let stored: BTreeSet<String> = store
        .all::<otter::domain::Pupil>()
        .map(|pupil| pupil.unwrap().first_name)
        .collect();
    // Equal, not merely a superset: a refused import's pupils (names of their own) would show.
    assert_eq!(stored, acknowledged);
}

#[test]
fn a_writer_held_open_refuses_every_other_writer_at_once_and_keeps_its_own_writes() {
    let dir = TempDir::new().unwrap();
    let files = TempDir::new().unwrap();
    // What the screen holds while it is open, writing as the other writers try.
    let held = Store::open(dir.path()).unwrap();
    for round in 0..4 {
        let (csv, _) = class(files.path(), "Cas", round);
        let output = import(dir.path(), &csv).wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(3), "{stderr}");
        assert!(stderr.contains("al open in een andere otter"), "{stderr}");
        held.set_school(&format!("School {round}")).unwrap();
    }
    drop(held);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.school().unwrap(), "School 3");
    assert_eq!(store.all::<otter::domain::Pupil>().count(), 0);
    assert_eq!(store.index_drift().unwrap(), Vec::<String>::new());
}
