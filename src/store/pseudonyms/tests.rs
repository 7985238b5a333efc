use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use tempfile::TempDir;

use super::numbered_pseudonym;
use crate::domain::{AgendaKind, Case, CaseId, Minutes, Note, Pseudonym};
use crate::store::fault::Fault;
use crate::store::records::TreeId;
use crate::store::{Given, KdfParams, Passphrase, Store, schema};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn given(passphrase: Option<&str>) -> Given {
    Given {
        passphrase: passphrase.map(|p| Passphrase::new(p.into())),
        params: KdfParams::FAST,
    }
}

fn open_as(dir: &Path, passphrase: Option<&str>) -> Store {
    Store::open_with(dir, &mut given(passphrase)).unwrap()
}

fn cases(store: &Store) -> Vec<Case> {
    store.all::<Case>().collect::<Result<_, _>>().unwrap()
}

fn all_minutes(store: &Store) -> Vec<Minutes> {
    store.all::<Minutes>().collect::<Result<_, _>>().unwrap()
}

/// Whether any file under `dir` holds `needle`.
fn any_file_holds(dir: &Path, needle: &str) -> bool {
    std::fs::read_dir(dir).unwrap().any(|entry| {
        let path = entry.unwrap().path();
        if path.is_dir() {
            any_file_holds(&path, needle)
        } else {
            let bytes = std::fs::read(&path).unwrap();
            bytes
                .windows(needle.len())
                .any(|window| window == needle.as_bytes())
        }
    })
}

/// The demo school turned back into what schema 3 stored: cases without a pseudonym, the
/// minutes and a note naming anonymous cases by their numbered pseudonym. Returns the
/// numbered pseudonyms written, by case. The schema stays `stamp`.
fn as_schema_3(store: &Store) -> HashMap<CaseId, String> {
    let mut numbered = HashMap::new();
    let mut tx = store.tx();
    for mut case in cases(store) {
        numbered.insert(case.id, numbered_pseudonym(case.id.0));
        case.pseudonym = Pseudonym::default();
        tx.put(&case).unwrap();
    }
    let mut anonymous_in_minutes = 0;
    for minutes in all_minutes(store) {
        let mut text = serde_json::to_string(&minutes).unwrap();
        for case in store.all::<Case>() {
            let case = case.unwrap();
            let new = format!("\"{}\"", case.pseudonym());
            if text.contains(&new) {
                anonymous_in_minutes += 1;
                text = text.replace(&new, &format!("\"{}\"", numbered[&case.id]));
            }
        }
        let old: Minutes = serde_json::from_str(&text).unwrap();
        tx.put(&old).unwrap();
    }
    assert!(
        anonymous_in_minutes > 0,
        "the demo's minutes hold pseudonyms"
    );
    let mut note = some_note(store);
    note.text = format!(
        "Gebeld over {}, zie ook Leerling Q-1.",
        numbered[&CaseId(2)]
    );
    tx.put(&note).unwrap();
    tx.commit().unwrap();
    numbered
}

fn stamp(dir: &Path, version: u32) {
    let db =
        crate::store::open_sled_with_patience(&dir.join("db"), crate::store::CACHE_BYTES).unwrap();
    let meta = db.open_tree(TreeId::Meta.name()).unwrap();
    meta.insert(schema::VERSION_KEY, &version.to_be_bytes())
        .unwrap();
    db.flush().unwrap();
}

/// The first note of a case.
fn some_note(store: &Store) -> Note {
    let notes = store.all::<Note>().map(Result::unwrap);
    notes.into_iter().find(|n| n.case.is_some()).unwrap()
}

#[test]
fn new_cases_get_pseudonyms_drawn_at_random_and_never_twice() {
    let draw = |dir: &TempDir| -> Vec<(CaseId, Pseudonym)> {
        let store = open_as(dir.path(), None);
        (0..40).map(|_| store.new_case().unwrap()).collect()
    };
    let (one, other) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let (first, second) = (draw(&one), draw(&other));
    let ids = |drawn: &[(CaseId, Pseudonym)]| drawn.iter().map(|d| d.0).collect::<Vec<_>>();
    assert_eq!(ids(&first), ids(&second), "the same case numbers");
    assert_ne!(
        first, second,
        "but not the same pseudonyms: nothing derives them"
    );
    for (_, pseudonym) in &first {
        assert!(
            Pseudonym::typed(pseudonym.code()).is_some(),
            "{pseudonym:?}"
        );
    }

    // A pseudonym taken by a stored case is not drawn again: the demo's 80 fill a database
    // of the two-digit codes; every new one is free.
    let dir = TempDir::new().unwrap();
    let store = open_as(dir.path(), None);
    crate::demo::fill(&store, crate::demo::Scale::School, today()).unwrap();
    let taken: HashSet<Pseudonym> = cases(&store).into_iter().map(|c| c.pseudonym).collect();
    assert_eq!(taken.len(), cases(&store).len(), "unique in the demo too");
    for _ in 0..40 {
        let (_, drawn) = store.new_case().unwrap();
        assert!(!taken.contains(&drawn));
    }
}

#[test]
fn a_pseudonym_typed_in_any_form_finds_its_case() {
    let dir = TempDir::new().unwrap();
    let store = open_as(dir.path(), None);
    crate::demo::fill(&store, crate::demo::Scale::School, today()).unwrap();
    let case = cases(&store).remove(7);
    let code = case.pseudonym.code().to_string();
    for typed in [
        case.pseudonym(),
        format!("pupil {}", code.to_lowercase()),
        code,
    ] {
        let pseudonym = Pseudonym::typed(&typed).unwrap();
        let found = store.case_by_pseudonym(&pseudonym).unwrap().unwrap();
        assert_eq!(found.id, case.id, "{typed}");
    }
    let unknown = Pseudonym::typed("ZZ-999999").unwrap();
    assert!(store.case_by_pseudonym(&unknown).unwrap().is_none());
}

/// Schema 3 → 4, plain and sealed: every case gets a pseudonym of its own, the numbered ones
/// in the minutes and in a note become the case's new one (a text that only looks like one
/// stays), and the old ones are gone from sled's files; a second open changes nothing.
#[test]
fn an_older_database_gets_a_pseudonym_per_case_in_its_migration() {
    for passphrase in [None, Some("geheim")] {
        let dir = TempDir::new().unwrap();
        let numbered = {
            let store = open_as(dir.path(), passphrase);
            crate::demo::fill(&store, crate::demo::Scale::School, today()).unwrap();
            as_schema_3(&store)
        };
        stamp(dir.path(), 3);

        let store = open_as(dir.path(), passphrase);
        assert_eq!(store.schema_version().unwrap(), Some(schema::CURRENT));
        let migrated = cases(&store);
        let given: HashSet<&Pseudonym> = migrated.iter().map(|c| &c.pseudonym).collect();
        assert!(migrated.iter().all(|c| !c.pseudonym.is_missing()));
        assert_eq!(given.len(), migrated.len(), "each case its own");
        let new: HashMap<CaseId, String> = migrated.iter().map(|c| (c.id, c.pseudonym())).collect();

        let mut renamed = 0;
        for minutes in all_minutes(&store) {
            let text = serde_json::to_string(&minutes).unwrap();
            for item in &minutes.items {
                if let AgendaKind::Case { case } = item.kind
                    && item.subject.starts_with("Leerling")
                {
                    assert_eq!(item.subject, new[&case]);
                    renamed += 1;
                }
            }
            for old in numbered.values() {
                assert!(!text.contains(&format!("\"{old}\"")), "{old} in {text}");
            }
        }
        assert!(renamed > 0);
        let note = some_note(&store).text;
        assert_eq!(
            note,
            format!("Gebeld over {}, zie ook Leerling Q-1.", new[&CaseId(2)]),
            "a numbered pseudonym in a text goes; what only looks like one stays"
        );
        drop(store);
        if passphrase.is_none() {
            assert!(
                !any_file_holds(&dir.path().join("db"), &numbered[&CaseId(2)]),
                "the old values are rewritten out of sled's files"
            );
            // The backup made before the migration keeps them: the way back holds the
            // names and the case numbers themselves anyway.
        }

        let store = open_as(dir.path(), passphrase);
        let again: HashMap<CaseId, String> = cases(&store)
            .iter()
            .map(|c| (c.id, c.pseudonym()))
            .collect();
        assert_eq!(again, new, "stable from then on");
    }
}

/// The migration is one write: refused by the disk half-way, it leaves every case as it was
/// (as a kill would), and run again it finishes; a third run finds nothing to do.
#[test]
fn giving_pseudonyms_is_all_or_nothing_and_runs_twice_the_same() {
    let dir = TempDir::new().unwrap();
    {
        let store = open_as(dir.path(), None);
        crate::demo::fill(&store, crate::demo::Scale::School, today()).unwrap();
        as_schema_3(&store);
    }
    let before: Vec<Case> = {
        let store = open_as(dir.path(), None);
        let before = cases(&store);
        store.fault_switch().set(Some(Fault::Full));
        assert!(store.give_pseudonyms().is_err());
        before
    };
    let store = open_as(dir.path(), None);
    assert_eq!(cases(&store), before, "nothing written");
    store.give_pseudonyms().unwrap();
    let given = cases(&store);
    assert!(given.iter().all(|c| !c.pseudonym.is_missing()));
    let minutes = all_minutes(&store);
    store.give_pseudonyms().unwrap();
    assert_eq!(cases(&store), given, "a second run keeps every pseudonym");
    assert_eq!(all_minutes(&store), minutes);
    drop(store);
    assert_eq!(cases(&open_as(dir.path(), None)), given, "after reopening");
}

/// A backup made before schema 4 (the rolling one a migration makes first, say) restores
/// with a pseudonym for every case.
#[test]
fn a_backup_of_an_older_database_restores_with_pseudonyms() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("oud.json");
    {
        let data = dir.path().join("data");
        let store = open_as(&data, None);
        crate::demo::fill(&store, crate::demo::Scale::School, today()).unwrap();
        as_schema_3(&store);
        crate::store::backup::write_backup(&store, &file).unwrap();
    }
    let restored = dir.path().join("restored");
    crate::store::backup::restore(&restored, &file, false, &mut given(None)).unwrap();
    let store = open_as(&restored, None);
    let cases = cases(&store);
    assert!(!cases.is_empty());
    assert!(cases.iter().all(|c| !c.pseudonym.is_missing()));
    let text = serde_json::to_string(&all_minutes(&store)).unwrap();
    assert!(!text.contains(&numbered_pseudonym(2)), "{text}");
}
