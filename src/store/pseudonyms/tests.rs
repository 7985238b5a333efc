use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use tempfile::TempDir;

use super::numbered_letter;
use crate::domain::{AgendaKind, Case, CaseEvent, CaseId, Minutes, Note, Pseudonym};
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

/// Case `id`'s pseudonym before schema 4, as the Dutch screen showed it.
fn numbered_pseudonym(id: u64) -> String {
    format!("Leerling {}-{id}", numbered_letter(id))
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
    // of the two-digit codes; every new one is free, also of the new ones saved before it.
    let dir = TempDir::new().unwrap();
    let store = open_as(dir.path(), None);
    crate::demo::fill(&store, crate::demo::Scale::School, today()).unwrap();
    let mut taken: HashSet<Pseudonym> = cases(&store).into_iter().map(|c| c.pseudonym).collect();
    assert_eq!(taken.len(), cases(&store).len(), "unique in the demo too");
    let pupil = cases(&store)[0].pupil;
    for _ in 0..40 {
        let (id, drawn) = store.new_case().unwrap();
        assert!(taken.insert(drawn.clone()), "{drawn:?} drawn twice");
        let case = Case {
            pseudonym: drawn,
            ..crate::testkit::case(id.0, pupil.0, "Nieuw")
        };
        store.insert(&case).unwrap();
    }
    assert_eq!(cases(&store).len(), taken.len());
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
    let numbered = {
        let data = dir.path().join("data");
        let store = open_as(&data, None);
        crate::demo::fill(&store, crate::demo::Scale::School, today()).unwrap();
        let numbered = as_schema_3(&store);
        crate::store::backup::write_backup(&store, &file).unwrap();
        numbered
    };
    let restored = dir.path().join("restored");
    crate::store::backup::restore(&restored, &file, false, &mut given(None)).unwrap();
    let store = open_as(&restored, None);
    let cases = cases(&store);
    assert!(!cases.is_empty());
    assert!(cases.iter().all(|c| !c.pseudonym.is_missing()));
    let minutes = serde_json::to_string(&all_minutes(&store)).unwrap();
    let notes = store.all::<Note>().collect::<Result<Vec<_>, _>>().unwrap();
    let notes = serde_json::to_string(&notes).unwrap();
    for (case, old) in &numbered {
        assert!(!minutes.contains(old), "{old} in {minutes}");
        assert!(!notes.contains(old), "case {case:?}: {old} in {notes}");
    }
    let renamed = cases
        .iter()
        .find(|c| c.id == CaseId(2))
        .unwrap()
        .pseudonym();
    assert!(
        notes.contains(&format!("Gebeld over {renamed}, zie ook Leerling Q-1.")),
        "{notes}"
    );
}

/// A case's own texts and its history's reasons may name another case by its numbered
/// pseudonym, in either language and any letter case: the migration renames them too, the
/// word kept as written.
#[test]
fn the_migration_renames_numbered_pseudonyms_in_cases_and_their_history() {
    let dir = TempDir::new().unwrap();
    let letter = numbered_letter(2);
    let lower = letter.to_ascii_lowercase();
    let typed = |code: &str| {
        [
            format!("Zoals Leerling {code}."),
            format!("zoals leerling {code}"),
            format!("Like Pupil {code}."),
            format!("like pupil {code}"),
            format!("Samen met LEERLING {code} lezen"),
            // Only what stands as a whole: not part of a longer word or code.
            format!("Zie PUPIL {code}, niet pupil {letter}-2x of Leerlingen {letter}-2"),
        ]
    };
    let old = [
        format!("{letter}-2"),
        format!("{lower}-2"),
        format!("{letter}-2"),
        format!("{lower}-2"),
        format!("{letter}-2"),
        format!("{letter}-2"),
    ];
    let written = |texts: [String; 6], case: &mut Case, event: &mut CaseEvent| {
        let [question, hypotheses, outcome, closing_reason, goal, reason] = texts;
        case.question = question;
        case.hypotheses = hypotheses;
        case.outcome = outcome;
        case.closing_reason = closing_reason;
        case.goals = vec![goal];
        event.reason = reason;
    };
    {
        let store = open_as(dir.path(), None);
        crate::demo::fill(&store, crate::demo::Scale::School, today()).unwrap();
        as_schema_3(&store);
        let mut case = store.case(CaseId(3)).unwrap().unwrap();
        let mut event = store.events_of_case(CaseId(3)).unwrap().remove(0);
        let texts = std::array::from_fn(|i| typed(&old[i])[i].clone());
        written(texts, &mut case, &mut event);
        let mut tx = store.tx();
        tx.put(&case).unwrap();
        tx.put(&event).unwrap();
        tx.commit().unwrap();
    }
    stamp(dir.path(), 3);

    let store = open_as(dir.path(), None);
    let new = store.case(CaseId(2)).unwrap().unwrap().pseudonym;
    let case = store.case(CaseId(3)).unwrap().unwrap();
    let event = store.events_of_case(CaseId(3)).unwrap().remove(0);
    let mut expected = (case.clone(), event.clone());
    written(typed(new.code()), &mut expected.0, &mut expected.1);
    assert_eq!(case.question, expected.0.question);
    assert_eq!(case.hypotheses, expected.0.hypotheses);
    assert_eq!(case.outcome, expected.0.outcome);
    assert_eq!(case.closing_reason, expected.0.closing_reason);
    assert_eq!(case.goals, expected.0.goals);
    assert_eq!(event.reason, expected.1.reason);
}
