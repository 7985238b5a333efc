//! Encryption at rest: sealed values, the passphrase, its change and a change cut short.

use std::path::Path;

use tempfile::TempDir;

use super::*;
use crate::domain::Owner;
use crate::testkit::pupil;

fn given(passphrase: Option<&str>) -> Given {
    Given {
        passphrase: passphrase.map(|p| Passphrase::new(p.into())),
        params: KdfParams::FAST,
    }
}

fn open_as(dir: &Path, passphrase: Option<&str>) -> Result<Store, StoreError> {
    Store::open_with(dir, &mut given(passphrase))
}

/// Answers the passphrases in turn; counts how often it was asked.
struct Typed {
    answers: Vec<&'static str>,
    asked: u32,
}

impl Unlock for Typed {
    fn choose(&mut self) -> Result<Option<Passphrase>, StoreError> {
        unreachable!("only existing databases here")
    }
    fn passphrase(&mut self, attempt: u32) -> Result<Option<Passphrase>, StoreError> {
        self.asked = attempt;
        Ok(self
            .answers
            .get(attempt as usize - 1)
            .map(|p| Passphrase::new(p.to_string())))
    }
    fn tries(&self) -> u32 {
        3
    }
}

/// A database of `n` pupils, closed, protected by `passphrase`.
fn school(passphrase: Option<&str>, n: u64) -> TempDir {
    let dir = TempDir::new().unwrap();
    let store = open_as(dir.path(), passphrase).unwrap();
    for id in 1..=n {
        store
            .insert(&pupil(id, &format!("Leerling{id}"), "van", "Dijkstra"))
            .unwrap();
    }
    store.set_me(MemberId(7)).unwrap();
    dir
}

fn names(store: &Store) -> Vec<String> {
    store
        .all::<Pupil>()
        .map(|p| p.unwrap().first_name)
        .collect()
}

fn expected(n: u64) -> Vec<String> {
    (1..=n).map(|id| format!("Leerling{id}")).collect()
}

/// The path of every file under `dir`, however deep.
pub(super) fn paths_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut paths = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(next) = todo.pop() {
        for entry in std::fs::read_dir(next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                paths.push(path);
            }
        }
    }
    paths
}

/// Every file under `dir`, by path.
fn files_under(dir: &Path) -> Files {
    paths_under(dir)
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect()
}

/// Every file under `dir`: what a thief of the disk reads.
fn every_byte(dir: &Path) -> Vec<Vec<u8>> {
    files_under(dir).into_values().collect()
}

fn found_in(files: &[Vec<u8>], text: &str) -> bool {
    let finder = memchr::memmem::Finder::new(text.as_bytes());
    files.iter().any(|bytes| finder.find(bytes).is_some())
}

#[test]
fn an_encrypted_database_opens_with_its_passphrase_only() {
    let dir = school(Some("paard batterij"), 3);
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::Encrypted)
    ));
    assert!(matches!(
        open_as(dir.path(), Some("paard batterijen")),
        Err(StoreError::WrongPassphrase)
    ));
    let store = open_as(dir.path(), Some("paard batterij")).unwrap();
    assert!(store.is_encrypted());
    assert_eq!(names(&store), expected(3));
    assert_eq!(store.me().unwrap(), Some(MemberId(7)));
    assert!(store.passphrase_matches("paard batterij").unwrap());
    assert!(!store.passphrase_matches("paard").unwrap());
}

#[test]
fn a_store_left_at_the_end_of_a_command_keeps_no_key() {
    let dir = school(Some("paard batterij"), 1);
    let writer = |dir: &Path| open_as(dir, Some("paard batterij"));
    let reader = |dir: &Path| Store::open_to_read(dir, &mut given(Some("paard batterij")));
    for open in [&writer as &dyn Fn(&Path) -> _, &reader] {
        let store = open(dir.path()).unwrap();
        assert!(!store.cipher().unwrap().is_wiped());
        let left = store.leave();
        // Not dropped yet: only `leave` can have wiped the key.
        assert!(left.cipher().unwrap().is_wiped());
        // A process ends here; a test lets go of the files for the next open.
        drop(std::mem::ManuallyDrop::into_inner(left));
    }
}

#[test]
fn a_plain_database_ignores_a_passphrase_given_to_it() {
    let dir = school(None, 2);
    let store = open_as(dir.path(), Some("wat dan ook")).unwrap();
    assert!(!store.is_encrypted());
    assert_eq!(names(&store), expected(2));
}

#[test]
fn three_wrong_passphrases_refuse_the_database_and_the_third_right_one_opens_it() {
    let dir = school(Some("juist"), 1);
    let mut typed = Typed {
        answers: vec!["een", "twee", "drie", "juist"],
        asked: 0,
    };
    assert!(matches!(
        Store::open_with(dir.path(), &mut typed),
        Err(StoreError::WrongPassphrase)
    ));
    assert_eq!(typed.asked, 3, "asked three times, not a fourth");
    let mut typed = Typed {
        answers: vec!["een", "twee", "juist"],
        asked: 0,
    };
    let store = Store::open_with(dir.path(), &mut typed).unwrap();
    assert_eq!(names(&store), expected(1));
}

#[test]
fn giving_up_at_the_prompt_is_the_encrypted_message_not_a_wrong_passphrase() {
    let dir = school(Some("juist"), 1);
    let mut typed = Typed {
        answers: vec!["een"],
        asked: 0,
    };
    assert!(matches!(
        Store::open_with(dir.path(), &mut typed),
        Err(StoreError::Encrypted)
    ));
}

#[test]
fn the_demo_school_encrypted_leaves_no_name_note_or_action_in_any_file() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    // Returns what was looked for, and what of it some file holds.
    let scan = |passphrase: Option<&str>| {
        let dir = TempDir::new().unwrap();
        let store = open_as(dir.path(), passphrase).unwrap();
        crate::demo::fill(&store, crate::demo::Scale::School, today).unwrap();
        // Names of five letters or more: a shorter one could turn up by chance in megabytes
        // of ciphertext.
        let mut texts: Vec<String> = store
            .all::<Pupil>()
            .flat_map(|p| {
                let p = p.unwrap();
                [p.first_name, p.last_name]
            })
            .filter(|name| name.len() >= 5)
            .collect();
        let note = store.all::<Note>().next().unwrap().unwrap().text;
        texts.push(note.split(". ").next().unwrap().to_string());
        texts.extend(store.all::<Action>().map(|a| a.unwrap().text));
        // Kept twice since schema 7: in the records and in the search texts' blocks.
        texts.extend(store.all::<Case>().map(|c| c.unwrap().question));
        texts.extend(store.all::<Decision>().map(|d| d.unwrap().text));
        texts.sort();
        texts.dedup();
        drop(store);
        let files = every_byte(dir.path());
        let seen: Vec<String> = texts
            .iter()
            .filter(|text| found_in(&files, text))
            .cloned()
            .collect();
        (texts, seen)
    };
    let (texts, seen) = scan(None);
    assert!(texts.len() > 100, "{} texts", texts.len());
    assert_eq!(seen, texts, "the scan finds every text in a plain database");
    let (_, seen) = scan(Some("de demo"));
    assert_eq!(
        seen,
        Vec::<String>::new(),
        "plain text in an encrypted database"
    );
}

#[test]
fn values_moved_between_keys_do_not_open() {
    let dir = school(Some("p"), 2);
    {
        let store = open_as(dir.path(), Some("p")).unwrap();
        let tree = store.tree(TreeId::Pupils);
        let first = tree.get(1u64.to_be_bytes()).unwrap().unwrap();
        tree.insert(2u64.to_be_bytes(), first).unwrap();
        store.db.flush().unwrap();
    }
    let store = open_as(dir.path(), Some("p")).unwrap();
    assert!(matches!(
        store.pupil(PupilId(2)),
        Err(StoreError::Damaged(_))
    ));
    assert_eq!(
        store.pupil(PupilId(1)).unwrap().unwrap().first_name,
        "Leerling1"
    );
}

#[test]
fn a_new_passphrase_replaces_the_old_and_reseals_every_value() {
    let dir = school(Some("oud"), 5);
    let mut store = open_as(dir.path(), Some("oud")).unwrap();
    let before = store.tree(TreeId::Pupils).get(1u64.to_be_bytes()).unwrap();
    store
        .change_passphrase(Some("nieuw"), KdfParams::FAST)
        .unwrap();
    let after = store.tree(TreeId::Pupils).get(1u64.to_be_bytes()).unwrap();
    assert_ne!(
        before.unwrap()[0],
        after.unwrap()[0],
        "sealed by the new key"
    );
    assert_eq!(names(&store), expected(5), "readable right after");
    drop(store);
    assert!(matches!(
        open_as(dir.path(), Some("oud")),
        Err(StoreError::WrongPassphrase)
    ));
    let store = open_as(dir.path(), Some("nieuw")).unwrap();
    assert_eq!(names(&store), expected(5));
    assert_eq!(store.me().unwrap(), Some(MemberId(7)));
}

/// A prompt's draft is sealed like a record, and re-sealed with the rest: it opens under the
/// new passphrase and is in no file in plain text.
#[test]
fn a_prompt_draft_is_sealed_and_resealed_with_a_new_passphrase() {
    let dir = school(Some("oud"), 1);
    let mut store = open_as(dir.path(), Some("oud")).unwrap();
    store.set_prompt_draft(Some("Xylofoonles")).unwrap();
    store
        .change_passphrase(Some("nieuw"), KdfParams::FAST)
        .unwrap();
    drop(store);
    let store = open_as(dir.path(), Some("nieuw")).unwrap();
    assert_eq!(
        store.prompt_draft().unwrap().as_deref(),
        Some("Xylofoonles")
    );
    drop(store);
    assert!(!found_in(&every_byte(dir.path()), "Xylofoonles"));
}

#[test]
fn encryption_turned_on_and_off_again() {
    let dir = school(None, 4);
    let mut store = open_as(dir.path(), None).unwrap();
    store
        .change_passphrase(Some("aan"), KdfParams::FAST)
        .unwrap();
    drop(store);
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::Encrypted)
    ));
    let mut store = open_as(dir.path(), Some("aan")).unwrap();
    assert_eq!(names(&store), expected(4));
    store.change_passphrase(None, KdfParams::FAST).unwrap();
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert!(!store.is_encrypted());
    assert_eq!(names(&store), expected(4));
    assert_eq!(store.me().unwrap(), Some(MemberId(7)));
}

/// Copies a closed database, so one half-done change can be opened once with each passphrase.
fn copy_dir(from: &Path) -> TempDir {
    let to = TempDir::new().unwrap();
    let mut todo = vec![from.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let target = to.path().join(path.strip_prefix(from).unwrap());
            if path.is_dir() {
                std::fs::create_dir_all(&target).unwrap();
                todo.push(path);
            } else {
                std::fs::copy(&path, &target).unwrap();
            }
        }
    }
    to
}

/// Stops a change after `k` values (as a crash would), then opens a copy with each passphrase:
/// both open, read every value and finish the change.
fn interrupted(old: Option<&str>, new: Option<&str>, k: usize) {
    let dir = school(old, 6);
    {
        let mut store = open_as(dir.path(), old).unwrap();
        let stopped = store.change_passphrase_until(new, KdfParams::FAST, Some(k));
        assert!(matches!(stopped, Err(StoreError::Interrupted)));
        let tree = store.tree(TreeId::Pupils);
        let formats: Vec<u8> = tree.iter().map(|item| item.unwrap().1[0]).collect();
        assert!(
            formats.windows(2).any(|w| w[0] != w[1]),
            "half the values under each key: {formats:?}"
        );
    }
    for passphrase in [old, new].into_iter().flatten() {
        let copy = copy_dir(dir.path());
        let store = open_as(copy.path(), Some(passphrase)).unwrap();
        assert_eq!(names(&store), expected(6), "opened with {passphrase}");
        assert_eq!(store.me().unwrap(), Some(MemberId(7)));
        assert_eq!(store.is_encrypted(), new.is_some());
        drop(store);
        // Finished: from now on only the new passphrase (or none) opens it.
        let again = open_as(copy.path(), new).unwrap();
        assert_eq!(names(&again), expected(6));
        if let (Some(old), Some(_)) = (old, new) {
            drop(again);
            assert!(matches!(
                open_as(copy.path(), Some(old)),
                Err(StoreError::WrongPassphrase)
            ));
        }
    }
}

#[test]
fn a_passphrase_change_cut_short_opens_with_either_passphrase_and_finishes() {
    interrupted(Some("oud"), Some("nieuw"), 3);
}

#[test]
fn turning_encryption_on_cut_short_opens_with_the_new_passphrase_and_finishes() {
    interrupted(None, Some("nieuw"), 3);
    // Without the passphrase it is refused, not half read.
    let dir = school(None, 6);
    let mut store = open_as(dir.path(), None).unwrap();
    let stopped = store.change_passphrase_until(Some("nieuw"), KdfParams::FAST, Some(3));
    assert!(matches!(stopped, Err(StoreError::Interrupted)));
    drop(store);
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::Encrypted)
    ));
}

#[test]
fn turning_encryption_off_cut_short_opens_with_the_old_passphrase_and_finishes() {
    interrupted(Some("oud"), None, 3);
}

#[test]
fn a_sealed_file_from_the_store_opens_with_the_passphrase() {
    let dir = school(Some("bestand"), 1);
    let store = open_as(dir.path(), Some("bestand")).unwrap();
    let sealed = store.seal_file("backup", b"Leerling1").unwrap().unwrap();
    let opened = cipher::open_file(&sealed, "backup", "bestand").unwrap();
    assert_eq!(opened.as_slice(), b"Leerling1");
    let plain = school(None, 1);
    let store = open_as(plain.path(), None).unwrap();
    assert_eq!(store.seal_file("backup", b"x").unwrap(), None);
}

#[test]
fn an_action_of_a_free_text_owner_is_sealed_and_indexed_by_id_only() {
    let dir = TempDir::new().unwrap();
    let store = open_as(dir.path(), Some("p")).unwrap();
    let action = Action {
        id: ActionId(1),
        text: "Moeder belt de huisarts".into(),
        owner: Owner::Other("moeder".into()),
        due: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        status: crate::domain::ActionStatus::Open,
        created: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        meeting: None,
        case: None,
        agenda_item: None,
        carried_through: vec![],
    };
    store.insert(&action).unwrap();
    assert_eq!(store.open_actions(Some(None)).unwrap(), vec![action]);
    drop(store);
    assert!(!found_in(&every_byte(dir.path()), "moeder"));
}

/// The backups of an encrypted database, in the data directory and elsewhere, are sealed:
/// no name in them, and a restore asks the passphrase and gives back an encrypted database.
#[test]
fn a_backup_of_an_encrypted_database_is_sealed_and_restores_under_its_passphrase() {
    let dir = school(Some("geheim"), 4);
    let store = open_as(dir.path(), Some("geheim")).unwrap();
    let rolled = backup::rolling(&store, backup::Reason::Close)
        .unwrap()
        .expect("a rolling backup");
    assert!(rolled.starts_with(dir.path()));
    let elsewhere = TempDir::new().unwrap();
    let file = elsewhere.path().join("ot.json");
    backup::write_backup(&store, &file).unwrap();
    drop(store);
    let files = every_byte(dir.path());
    let written = [std::fs::read(&file).unwrap()];
    for name in expected(4).iter().chain([&"Dijkstra".to_string()]) {
        assert!(!found_in(&files, name), "{name} in the data directory");
        assert!(!found_in(&written, name), "{name} in the backup file");
    }

    let target = TempDir::new().unwrap();
    let wrong = backup::restore(target.path(), &file, false, &mut given(Some("fout")));
    assert!(matches!(
        wrong,
        Err(backup::BackupError::WrongPassphrase(ref named)) if *named == file
    ));
    backup::restore(target.path(), &file, false, &mut given(Some("geheim"))).unwrap();
    assert!(matches!(
        Store::open(target.path()),
        Err(StoreError::Encrypted)
    ));
    let restored = open_as(target.path(), Some("geheim")).unwrap();
    assert_eq!(names(&restored), expected(4));
    assert_eq!(restored.me().unwrap(), Some(MemberId(7)));
}

/// A rewrite of an encrypted database (after an erasure) stays encrypted under the same
/// passphrase.
#[test]
fn a_compacted_encrypted_database_opens_with_the_same_passphrase() {
    let dir = school(Some("geheim"), 3);
    let store = open_as(dir.path(), Some("geheim")).unwrap();
    let store = store.compact().unwrap();
    assert!(store.is_encrypted());
    assert_eq!(names(&store), expected(3));
    drop(store);
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::Encrypted)
    ));
    let store = open_as(dir.path(), Some("geheim")).unwrap();
    assert_eq!(names(&store), expected(3));
    let files = every_byte(dir.path());
    assert!(!found_in(&files, "Leerling2"));
}

type Files = std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>;

/// Every file under `dir` by its path, to tell a database left alone from one written to;
/// but sled's `snap.*`, the page table it writes anew each time it closes, written to or not.
fn snapshot(dir: &Path) -> Files {
    let mut files = files_under(dir);
    files.retain(|path, _| {
        !path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("snap.")
    });
    files
}

type Trees = std::collections::BTreeMap<Vec<u8>, Vec<(Vec<u8>, Vec<u8>)>>;

/// Every key and value of every tree of the closed database in `dir`, as stored.
fn raw_trees(dir: &Path) -> Trees {
    let db = super::open_sled_with_patience(&dir.join(DB_DIR), super::CACHE_BYTES).unwrap();
    db.tree_names()
        .into_iter()
        .map(|name| {
            let tree = db.open_tree(&name).unwrap();
            let items = tree.iter().map(|item| {
                let (key, value) = item.unwrap();
                (key.to_vec(), value.to_vec())
            });
            (name.to_vec(), items.collect())
        })
        .collect()
}

/// An encrypted database of an older schema is migrated only once it is unlocked: the
/// backup made first is sealed and restores to the same records, and a wrong passphrase
/// leaves every byte as it was.
#[test]
fn an_encrypted_database_of_an_older_schema_migrates_after_its_passphrase() {
    let dir = school(Some("geheim"), 3);
    {
        let db =
            super::open_sled_with_patience(&dir.path().join(DB_DIR), super::CACHE_BYTES).unwrap();
        let meta = db.open_tree(TreeId::Meta.name()).unwrap();
        meta.insert(schema::VERSION_KEY, &2u32.to_be_bytes())
            .unwrap();
        db.open_tree("search").unwrap().insert(b"k", b"v").unwrap();
        db.flush().unwrap();
    }
    let before = (snapshot(dir.path()), raw_trees(dir.path()));
    assert!(matches!(
        open_as(dir.path(), Some("fout")),
        Err(StoreError::WrongPassphrase)
    ));
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::Encrypted)
    ));
    let after = (snapshot(dir.path()), raw_trees(dir.path()));
    assert!(
        after == before,
        "a refused open writes nothing, not even a backup"
    );
    let meta = &after.1[TreeId::Meta.name().as_bytes()];
    let version = meta.iter().find(|(key, _)| key == schema::VERSION_KEY);
    assert_eq!(
        version.map(|(_, v)| v.as_slice()),
        Some(&2u32.to_be_bytes()[..])
    );

    let store = open_as(dir.path(), Some("geheim")).unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(schema::CURRENT));
    assert_eq!(names(&store), expected(3));
    drop(store);
    let rolled: Vec<_> = snapshot(&dir.path().join("backups")).into_keys().collect();
    assert_eq!(rolled.len(), 1, "{rolled:?}");
    let file = rolled[0].clone();
    assert!(
        file.to_string_lossy().ends_with("-migratie.json"),
        "{file:?}"
    );
    let sealed = [std::fs::read(&file).unwrap()];
    assert!(cipher::is_sealed_file(&sealed[0]));
    for name in expected(3).iter().chain([&"Dijkstra".to_string()]) {
        assert!(!found_in(&sealed, name), "{name} in the backup");
    }

    let target = TempDir::new().unwrap();
    backup::restore(target.path(), &file, false, &mut given(Some("geheim"))).unwrap();
    let restored = open_as(target.path(), Some("geheim")).unwrap();
    assert!(restored.is_encrypted());
    assert_eq!(names(&restored), expected(3));
    assert_eq!(restored.me().unwrap(), Some(MemberId(7)));
}

/// Answers each passphrase asked from a queue, whatever the attempt; counts the notices
/// that the database being replaced is asked for.
struct Queue {
    answers: std::collections::VecDeque<&'static str>,
    chosen: Option<&'static str>,
    replacing: u32,
}

impl Queue {
    fn new(answers: &[&'static str], chosen: Option<&'static str>) -> Queue {
        Queue {
            answers: answers.iter().copied().collect(),
            chosen,
            replacing: 0,
        }
    }
}

impl Unlock for Queue {
    fn choose(&mut self) -> Result<Option<Passphrase>, StoreError> {
        Ok(self.chosen.map(|p| Passphrase::new(p.into())))
    }
    fn passphrase(&mut self, _attempt: u32) -> Result<Option<Passphrase>, StoreError> {
        Ok(self.answers.pop_front().map(|p| Passphrase::new(p.into())))
    }
    fn replacing(&mut self) {
        self.replacing += 1;
    }
    fn params(&self) -> KdfParams {
        KdfParams::FAST
    }
}

/// `school` with one line in its audit log.
fn logged_school(passphrase: Option<&str>, n: u64) -> TempDir {
    use crate::domain::{AuditEntry, AuditKind};
    let dir = school(passphrase, n);
    let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 2)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let store = open_as(dir.path(), passphrase).unwrap();
    let export = AuditEntry::new(at, AuditKind::Export, "otter export minutes");
    store.audit(export).unwrap();
    dir
}

fn audit_kinds(store: &Store) -> Vec<crate::domain::AuditKind> {
    store.audit_log().unwrap().iter().map(|e| e.kind).collect()
}

/// A backup file of a school of `n` pupils under `passphrase`, in its own directory.
fn backup_of(passphrase: Option<&str>, n: u64) -> (TempDir, std::path::PathBuf) {
    let source = school(passphrase, n);
    let files = TempDir::new().unwrap();
    let file = files.path().join("school.json");
    let store = open_as(source.path(), passphrase).unwrap();
    backup::write_backup(&store, &file).unwrap();
    (files, file)
}

/// A plain backup forced over an encrypted database: the audit log of the database it
/// replaces is kept with that database's passphrase, and without it nothing is restored.
#[test]
fn a_forced_plain_restore_over_an_encrypted_database_needs_its_passphrase_for_the_log() {
    use crate::domain::AuditKind;
    let live = logged_school(Some("oud"), 2);
    let (_files, file) = backup_of(None, 3);

    for answers in [&["fout"][..], &[]] {
        let mut queue = Queue::new(answers, Some("nieuw"));
        let refused = backup::restore(live.path(), &file, true, &mut queue);
        assert!(
            matches!(&refused, Err(backup::BackupError::LiveLocked(dir)) if dir == live.path()),
            "{refused:?}"
        );
        assert_eq!(queue.replacing, 1, "told whose passphrase is asked");
        assert!(
            !live.path().join("db.new").exists(),
            "no new database begun"
        );
        let store = open_as(live.path(), Some("oud")).unwrap();
        assert_eq!(names(&store), expected(2), "the live database stays");
        assert_eq!(audit_kinds(&store), [AuditKind::Export]);
    }

    let mut queue = Queue::new(&["oud"], Some("nieuw"));
    backup::restore(live.path(), &file, true, &mut queue).unwrap();
    assert_eq!(queue.replacing, 1);
    let store = open_as(live.path(), Some("nieuw")).unwrap();
    assert_eq!(names(&store), expected(3));
    assert_eq!(audit_kinds(&store), [AuditKind::Export, AuditKind::Restore]);
}

/// A sealed backup opens an encrypted database's log with its own passphrase when they are
/// the same, and asks for the database's when they differ.
#[test]
fn a_sealed_restore_asks_the_replaced_databases_passphrase_only_when_it_differs() {
    use crate::domain::AuditKind;
    let (_files, file) = backup_of(Some("geheim"), 3);

    let same = logged_school(Some("geheim"), 2);
    let mut queue = Queue::new(&["geheim"], None);
    backup::restore(same.path(), &file, true, &mut queue).unwrap();
    assert_eq!(queue.replacing, 0, "asked once, for the backup");
    let store = open_as(same.path(), Some("geheim")).unwrap();
    assert_eq!(names(&store), expected(3));
    assert_eq!(audit_kinds(&store), [AuditKind::Export, AuditKind::Restore]);

    let other = logged_school(Some("ander"), 2);
    let mut queue = Queue::new(&["geheim", "ander"], None);
    backup::restore(other.path(), &file, true, &mut queue).unwrap();
    assert_eq!(queue.replacing, 1);
    assert!(queue.answers.is_empty(), "both passphrases used");
    let store = open_as(other.path(), Some("geheim")).unwrap();
    assert_eq!(names(&store), expected(3));
    assert_eq!(audit_kinds(&store), [AuditKind::Export, AuditKind::Restore]);
}

/// A restore refused because the database holds records asks for no passphrase of it.
#[test]
fn a_restore_refused_for_records_asks_nothing_of_the_database() {
    let live = logged_school(Some("oud"), 2);
    let (_files, file) = backup_of(None, 3);
    let mut queue = Queue::new(&["oud"], Some("nieuw"));
    let refused = backup::restore(live.path(), &file, false, &mut queue);
    assert!(
        matches!(refused, Err(backup::BackupError::NotEmpty(_))),
        "{refused:?}"
    );
    assert_eq!((queue.replacing, queue.answers.len()), (0, 1));
    assert_eq!(
        names(&open_as(live.path(), Some("oud")).unwrap()),
        expected(2)
    );
}
