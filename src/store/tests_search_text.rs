//! The search texts (`search_text`) agree with the records after every kind of write (a change,
//! a removal, an erasure, a restore's chunks, a migration) and are sealed like records when the
//! database is encrypted.

use tempfile::TempDir;

use super::*;
use crate::domain::{Action, AuditEntry, AuditKind, Consent, Note};
use crate::testkit::day;

fn none() -> Vec<String> {
    Vec::new()
}

fn demo() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    crate::demo::fill(&store, crate::demo::Scale::School, crate::testkit::today()).unwrap();
    (dir, store)
}

/// Every text kept of `kind`, as `(id, text)`.
fn kept(store: &Store, kind: search_text::TextKind) -> Vec<(u64, String)> {
    let mut all = Vec::new();
    store
        .scan_search_texts(
            kind,
            || false,
            |texts| {
                all.push((texts.id, texts.text.to_string()));
                Ok(())
            },
        )
        .unwrap();
    all
}

/// A filled school keeps every case's, action's, decision's and note's texts; a changed case,
/// a removed action and a changed consent are written again with their records.
#[test]
fn the_search_texts_follow_each_write() {
    use search_text::TextKind;
    let (_dir, store) = demo();
    assert_eq!(store.search_text_drift().unwrap(), none());
    assert_eq!(
        kept(&store, TextKind::Case).len(),
        store.count(TreeId::Cases)
    );
    assert_eq!(
        kept(&store, TextKind::Action).len(),
        store.count(TreeId::Actions)
    );
    assert_eq!(
        kept(&store, TextKind::Note).len(),
        store.count(TreeId::Notes)
    );
    assert_eq!(
        kept(&store, TextKind::Decision).len(),
        store.count(TreeId::Decisions)
    );

    let mut case = store.all::<Case>().next().unwrap().unwrap();
    case.question = "Rekent met de vingers".into();
    case.consent = Consent::Anonymous;
    store.save(&case).unwrap();
    let action: Action = store.all::<Action>().nth(3).unwrap().unwrap();
    let mut tx = store.tx();
    tx.remove(&action).unwrap();
    tx.commit().unwrap();
    let note = Note {
        text: "Nieuw: \"leest\" thuis".into(),
        ..store.all::<Note>().next().unwrap().unwrap()
    };
    store.save(&note).unwrap();

    assert_eq!(store.search_text_drift().unwrap(), none());
    assert!(kept(&store, TextKind::Case).contains(&(case.id.0, "Rekent met de vingers".into())));
    assert!(
        !kept(&store, TextKind::Action)
            .iter()
            .any(|(id, _)| *id == action.id.0)
    );
    assert!(kept(&store, TextKind::Note).contains(&(note.id.0, note.text.clone())));
}

/// An erasure takes the erased cases' texts with them and rewrites the texts it redacts.
#[test]
fn an_erasure_takes_the_search_texts_of_what_it_erases() {
    let (_dir, store) = demo();
    let pupil = store.all::<Case>().next().unwrap().unwrap().pupil;
    let audit = AuditEntry::new(
        day(25).and_hms_opt(9, 0, 0).unwrap(),
        AuditKind::Erasure,
        "otter forget",
    );
    let erasure = erase::Erasure {
        pupil,
        scope: erase::Scope::Pupil,
    };
    store.erase(&[erasure], audit).unwrap();
    assert!(store.all::<Case>().all(|case| case.unwrap().pupil != pupil));
    assert_eq!(store.search_text_drift().unwrap(), none());
}

/// In an encrypted database a block of search texts is sealed as its records are: the texts
/// are not on disk in plain text.
#[test]
fn an_encrypted_database_seals_its_search_texts() {
    let (_dir, store) = super::tests_digest::encrypted_with_one_case();
    let blocks: Vec<_> = store
        .tree(TreeId::SearchTexts)
        .iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(blocks.len(), 1);
    assert!(!codec::is_plain(&blocks[0].1));
    assert!(!blocks[0].1.windows(5).any(|w| w == b"traag"));
    assert_eq!(
        kept(&store, search_text::TextKind::Case),
        [(1, "Leest traag".to_string())]
    );
    assert_eq!(store.search_text_drift().unwrap(), none());
}

/// A database of schema 6 has no search texts: on opening they are written from the records.
#[test]
fn schema_6_has_its_search_texts_written() {
    let (dir, store) = demo();
    let cases = kept(&store, search_text::TextKind::Case);
    assert!(cases.len() > 10);
    drop(store);
    {
        let db =
            super::open_sled_with_patience(&dir.path().join("db"), super::CACHE_BYTES).unwrap();
        db.drop_tree(TreeId::SearchTexts.name()).unwrap();
        let meta = db.open_tree(TreeId::Meta.name()).unwrap();
        meta.insert(schema::VERSION_KEY, &6u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(schema::CURRENT));
    assert_eq!(kept(&store, search_text::TextKind::Case), cases);
    assert_eq!(store.search_text_drift().unwrap(), none());
}

/// A restore writes the search texts from the records it restores: a backup holds none.
#[test]
fn a_restore_writes_the_search_texts_again() {
    let (_dir, store) = demo();
    let elsewhere = TempDir::new().unwrap();
    let file = elsewhere.path().join("ot.json");
    backup::write_backup(&store, &file).unwrap();
    let backup = std::fs::read_to_string(&file).unwrap();
    assert!(!backup.contains(TreeId::SearchTexts.name()));
    let target = TempDir::new().unwrap();
    backup::restore(target.path(), &file, false, &mut Given::new(None)).unwrap();
    let restored = Store::open(target.path()).unwrap();
    for kind in [
        search_text::TextKind::Case,
        search_text::TextKind::Action,
        search_text::TextKind::Decision,
        search_text::TextKind::Note,
    ] {
        assert_eq!(kept(&restored, kind), kept(&store, kind), "{kind:?}");
    }
    assert_eq!(restored.search_text_drift().unwrap(), none());
}

/// The 6 → 7 step killed half-way leaves the version at 6 and some blocks written, perhaps
/// one the records no longer match: the next open runs the step again from the start and
/// the texts agree with the records; in an encrypted database every block is sealed.
#[test]
fn a_migration_to_7_cut_short_is_run_again_whole_plain_and_sealed() {
    use search_text::TextKind;
    for passphrase in [None, Some("geheim")] {
        let dir = TempDir::new().unwrap();
        let mut given = Given {
            params: KdfParams::FAST,
            ..Given::new(passphrase)
        };
        let store = Store::open_with(dir.path(), &mut given).unwrap();
        crate::demo::fill(&store, crate::demo::Scale::School, crate::testkit::today()).unwrap();
        let all = TextKind::ALL.map(|kind| kept(&store, kind));
        // What a kill in the step leaves: the notes' blocks not written yet, the other blocks
        // written from records as they stood then (a case's question changed since, and an
        // action removed).
        let tree = store.tree(TreeId::SearchTexts);
        let notes: Vec<_> = tree
            .scan_prefix([TextKind::Note as u8])
            .keys()
            .map(Result::unwrap)
            .collect();
        assert!(!notes.is_empty());
        for key in notes {
            tree.remove(key).unwrap();
        }
        let stale: Vec<_> = [TextKind::Case, TextKind::Action]
            .map(|kind| tree.scan_prefix([kind as u8]).next().unwrap().unwrap())
            .into();
        let mut case = store.all::<Case>().next().unwrap().unwrap();
        case.question = "Vraag van na de onderbreking".into();
        store.save(&case).unwrap();
        let action = store.all::<Action>().next().unwrap().unwrap();
        let mut tx = store.tx();
        tx.remove(&action).unwrap();
        tx.commit().unwrap();
        for (key, value) in stale {
            tree.insert(key, value).unwrap();
        }
        store
            .tree(TreeId::Meta)
            .insert(schema::VERSION_KEY, &6u32.to_be_bytes())
            .unwrap();
        store.db.flush().unwrap();
        assert!(!store.search_text_drift().unwrap().is_empty());
        drop(store);

        let mut given = Given::new(passphrase);
        let store = Store::open_with(dir.path(), &mut given).unwrap();
        assert_eq!(store.schema_version().unwrap(), Some(schema::CURRENT));
        assert_eq!(store.search_text_drift().unwrap(), none(), "{passphrase:?}");
        for (kind, before) in TextKind::ALL.into_iter().zip(all) {
            let removed = usize::from(kind == TextKind::Action);
            assert_eq!(kept(&store, kind).len(), before.len() - removed, "{kind:?}");
        }
        assert!(kept(&store, TextKind::Case).contains(&(case.id.0, case.question.clone())));
        assert!(
            !kept(&store, TextKind::Action)
                .iter()
                .any(|(id, _)| *id == action.id.0)
        );
        let sealed = store
            .tree(TreeId::SearchTexts)
            .iter()
            .map(Result::unwrap)
            .all(|(_, value)| !codec::is_plain(&value));
        assert_eq!(sealed, passphrase.is_some(), "{passphrase:?}");
    }
}

/// A text too long for a block (`LONGEST_ENTRY`) is not kept: its entry says to read the
/// record, and a scan hands out the record's texts as it would the kept ones.
#[test]
fn a_text_too_long_to_keep_is_read_from_its_record() {
    use search_text::TextKind;
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let long = format!("Lang verhaal {}", "over lezen ".repeat(1_000));
    store.insert(&crate::testkit::case(1, 1, &long)).unwrap();
    store.insert(&crate::testkit::case(2, 1, "Kort")).unwrap();
    let note = Note {
        id: crate::domain::NoteId(1),
        case: Some(CaseId(2)),
        phase: None,
        meeting: None,
        agenda_item: None,
        date: day(10),
        text: long.clone(),
    };
    store.insert(&note).unwrap();
    let blocks: Vec<Vec<u8>> = store
        .tree(TreeId::SearchTexts)
        .iter()
        .map(|item| item.unwrap().1.to_vec())
        .collect();
    assert!(
        blocks
            .iter()
            .all(|block| !block.windows(12).any(|w| w == b"Lang verhaal")),
        "the long texts are not kept"
    );
    assert!(
        blocks
            .iter()
            .any(|block| block.windows(4).any(|w| w == b"Kort"))
    );
    assert_eq!(
        kept(&store, TextKind::Case),
        [(1, long.clone()), (2, "Kort".to_string())]
    );
    assert_eq!(kept(&store, TextKind::Note), [(1, long.clone())]);
    assert_eq!(store.search_text_drift().unwrap(), none());
}
