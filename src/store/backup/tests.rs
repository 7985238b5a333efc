use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tempfile::TempDir;

use super::*;
use crate::domain::{Case, CaseId, MeetingId, Member, Pupil, PupilId};
use crate::testkit::pupil;
use crate::testkit::today;

/// A demo school with "who I am" chosen, in its own data directory.
fn school() -> (TempDir, Store) {
    let (dir, store) = crate::testkit::store::demo_store(today());
    let me = store.all::<Member>().next().unwrap().unwrap().id;
    store.set_me(me).unwrap();
    (dir, store)
}

/// A pupil no demo school holds, by a name that a byte scan of the files finds only where it
/// was written.
fn zebediah(id: u64) -> Pupil {
    pupil(id, "Zebediah", "", "Quibblesworth")
}

/// One tree's keys and values, in key order.
type Entries = Vec<(Vec<u8>, Vec<u8>)>;

/// Every key and value of every tree, indexes and meta included.
/// Every tree's entries but the audit log's, which is the installation's and not in a
/// backup (a restore adds its own line).
fn contents(store: &Store) -> Vec<(TreeId, Entries)> {
    let audit_counter = [NEXT_ID, TreeId::Audit.name().as_bytes()].concat();
    TreeId::ALL
        .iter()
        .filter(|&&tree| tree != TreeId::Audit)
        .map(|&tree| {
            let entries = store
                .tree(tree)
                .iter()
                .map(|item| {
                    let (key, value) = item.unwrap();
                    (key.to_vec(), value.to_vec())
                })
                .filter(|(key, _)| tree != TreeId::Meta || *key != audit_counter)
                .collect();
            (tree, entries)
        })
        .collect()
}

fn backup_file(store: &Store, dir: &TempDir, name: &str) -> PathBuf {
    let path = dir.path().join(name);
    write_backup(store, &path).unwrap();
    path
}

#[test]
fn backup_restore_backup_gives_the_same_bytes_and_an_equal_database() {
    let (_source_dir, source) = school();
    let files = TempDir::new().unwrap();
    let first = backup_file(&source, &files, "first.json");

    let target_dir = TempDir::new().unwrap();
    let restored = restore(
        target_dir.path(),
        &first,
        false,
        &mut crate::store::Given::new(None),
    )
    .unwrap();
    let target = Store::open(target_dir.path()).unwrap();
    let second = backup_file(&target, &files, "second.json");

    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
    assert_eq!(restored.records, source_records(&source));
    // Records, meta settings and the indexes rebuilt from the records: the same bytes.
    let (want, got) = (contents(&source), contents(&target));
    for ((tree, want), (_, got)) in want.iter().zip(&got) {
        assert_eq!(want.len(), got.len(), "{}: number of entries", tree.name());
        assert!(want == got, "{}: entries differ", tree.name());
    }
    let log = target.audit_log().unwrap();
    assert_eq!(log.len(), 1, "the restore, and nothing of a backup");
    assert_eq!(log[0].kind, crate::domain::AuditKind::Restore);
}

fn source_records(store: &Store) -> usize {
    record_trees()
        .into_iter()
        .map(|tree| store.count(tree))
        .sum()
}

#[test]
fn a_restored_database_answers_every_query_as_the_original() {
    let (_source_dir, source) = school();
    let files = TempDir::new().unwrap();
    let file = backup_file(&source, &files, "school.json");
    let target_dir = TempDir::new().unwrap();
    restore(
        target_dir.path(),
        &file,
        false,
        &mut crate::store::Given::new(None),
    )
    .unwrap();
    let target = Store::open(target_dir.path()).unwrap();

    for pupil in source.all::<Pupil>() {
        let id = pupil.unwrap().id;
        assert_eq!(
            json(&source.cases_of_pupil(id).unwrap()),
            json(&target.cases_of_pupil(id).unwrap())
        );
    }
    for case in source.all::<Case>() {
        let id: CaseId = case.unwrap().id;
        assert_eq!(
            json(&source.events_of_case(id).unwrap()),
            json(&target.events_of_case(id).unwrap())
        );
        assert_eq!(
            json(&source.notes_of_case(id).unwrap()),
            json(&target.notes_of_case(id).unwrap())
        );
        assert_eq!(
            json(&source.actions_of_case(id).unwrap()),
            json(&target.actions_of_case(id).unwrap())
        );
        assert_eq!(
            json(&source.decisions_of_case(id).unwrap()),
            json(&target.decisions_of_case(id).unwrap())
        );
    }
    for meeting in source.meetings_by_date().unwrap() {
        let id: MeetingId = meeting.id;
        assert_eq!(
            json(&source.events_of_meeting(id).unwrap()),
            json(&target.events_of_meeting(id).unwrap())
        );
        assert_eq!(
            json(&source.actions_of_meeting(id).unwrap()),
            json(&target.actions_of_meeting(id).unwrap())
        );
        assert_eq!(
            json(&source.minutes(id).unwrap()),
            json(&target.minutes(id).unwrap())
        );
    }
    let member = source.me().unwrap().unwrap();
    assert_eq!(target.me().unwrap(), Some(member));
    assert!(
        !source.school().unwrap().is_empty(),
        "the demo names its school"
    );
    assert_eq!(target.school().unwrap(), source.school().unwrap());
    assert_eq!(
        json(&source.actions_of_member(member).unwrap()),
        json(&target.actions_of_member(member).unwrap())
    );
    assert_eq!(
        json(&source.open_actions(None).unwrap()),
        json(&target.open_actions(None).unwrap())
    );
    assert_eq!(
        json(&source.meetings_by_date().unwrap()),
        json(&target.meetings_by_date().unwrap())
    );
    let far = NaiveDate::from_ymd_opt(2100, 1, 1).unwrap();
    assert_eq!(
        source.open_cases_evaluated_before(far).unwrap(),
        target.open_cases_evaluated_before(far).unwrap()
    );
    let long_ago = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    assert_eq!(
        json(&source.events_between(long_ago, far).unwrap()),
        json(&target.events_between(long_ago, far).unwrap())
    );
    // Ids are never reused: the counters came along.
    for tree in [TreeId::Pupils, TreeId::Actions, TreeId::Meetings] {
        assert_eq!(source.next_id(tree).unwrap(), target.next_id(tree).unwrap());
    }
    assert!(!source.open_actions(None).unwrap().is_empty());
}

/// Query answers compared as JSON: the domain types need not all be `PartialEq`.
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

#[test]
fn restore_refuses_a_database_with_records_unless_forced() {
    let (_source_dir, source) = school();
    let files = TempDir::new().unwrap();
    let file = backup_file(&source, &files, "school.json");
    drop(source);

    let target_dir = TempDir::new().unwrap();
    let target = Store::open(target_dir.path()).unwrap();
    target.insert(&zebediah(1)).unwrap();
    drop(target);
    assert!(matches!(
        restore(
            target_dir.path(),
            &file,
            false,
            &mut crate::store::Given::new(None)
        ),
        Err(BackupError::NotEmpty(_))
    ));
    let target = Store::open(target_dir.path()).unwrap();
    assert_eq!(target.count(TreeId::Pupils), 1, "left as it was");
    drop(target);

    restore(
        target_dir.path(),
        &file,
        true,
        &mut crate::store::Given::new(None),
    )
    .unwrap();
    let target = Store::open(target_dir.path()).unwrap();
    let names: Vec<String> = target
        .all::<Pupil>()
        .map(|p| p.unwrap().first_name)
        .collect();
    assert!(names.len() > 100);
    assert!(!names.contains(&"Zebediah".to_string()), "replaced whole");
}

#[test]
fn restore_waits_for_no_one_while_the_database_is_open() {
    let (source_dir, source) = school();
    let files = TempDir::new().unwrap();
    let file = backup_file(&source, &files, "school.json");
    assert!(matches!(
        restore(
            source_dir.path(),
            &file,
            true,
            &mut crate::store::Given::new(None)
        ),
        Err(BackupError::Store(StoreError::InUse(_)))
    ));
}

/// A database with one pupil, and a backup of the demo school to be damaged.
fn target_and_backup() -> (TempDir, TempDir, Vec<u8>) {
    let (_source_dir, source) = school();
    let files = TempDir::new().unwrap();
    let bytes = std::fs::read(backup_file(&source, &files, "school.json")).unwrap();
    let target = TempDir::new().unwrap();
    Store::open(target.path())
        .unwrap()
        .insert(&zebediah(1))
        .unwrap();
    (target, files, bytes)
}

fn restore_bytes(target: &Path, files: &TempDir, bytes: &[u8]) -> Result<Summary, BackupError> {
    let path = files.path().join("damaged.json");
    std::fs::write(&path, bytes).unwrap();
    restore(target, &path, true, &mut crate::store::Given::new(None))
}

fn only_zebediah(target: &Path) {
    let store = Store::open(target).unwrap();
    let pupils: Vec<Pupil> = store.all::<Pupil>().map(Result::unwrap).collect();
    assert_eq!(pupils, vec![zebediah(1)]);
}

#[test]
fn a_truncated_backup_is_refused_whole_even_with_force() {
    let (target, files, bytes) = target_and_backup();
    // Cut in a record, between two records, and just before the closing braces.
    let in_record = bytes.len() / 2;
    let between = bytes[..in_record]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap()
        + 1;
    for cut in [in_record, between, bytes.len() - 3, 40] {
        let err = restore_bytes(target.path(), &files, &bytes[..cut]).unwrap_err();
        assert!(
            matches!(err, BackupError::Damaged(..)),
            "cut at {cut}: {err}"
        );
        only_zebediah(target.path());
    }
}

#[test]
fn a_damaged_record_is_refused_with_its_line() {
    let (target, files, bytes) = target_and_backup();
    let text = String::from_utf8(bytes).unwrap();
    let line = text.lines().position(|l| l.contains("\"groep\":")).unwrap();
    let damaged = text.replacen("\"groep\":", "\"groep\":\"vijf\",\"x\":", 1);
    let err = restore_bytes(target.path(), &files, damaged.as_bytes()).unwrap_err();
    let BackupError::Damaged(_, detail) = &err else {
        panic!("{err}");
    };
    assert!(
        matches!(detail, Damage::Unreadable { line: found, .. } if *found == line + 1),
        "{detail}"
    );
    only_zebediah(target.path());
}

#[test]
fn a_record_given_twice_or_out_of_order_is_refused() {
    let (target, files, bytes) = target_and_backup();
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let first_pupil = lines
        .iter()
        .position(|l| l.starts_with("\"pupils\""))
        .unwrap()
        + 1;
    let mut twice = lines.clone();
    twice.insert(first_pupil, lines[first_pupil]);
    let err = restore_bytes(target.path(), &files, twice.join("\n").as_bytes()).unwrap_err();
    assert!(err.to_string().contains("out of order or twice"), "{err}");
    let mut swapped = lines.clone();
    swapped.swap(first_pupil, first_pupil + 1);
    let swapped = swapped
        .join("\n")
        .replace("}\n{", "},\n{")
        .replace("},,", "},");
    let err = restore_bytes(target.path(), &files, swapped.as_bytes()).unwrap_err();
    assert!(matches!(err, BackupError::Damaged(..)), "{err}");
    only_zebediah(target.path());
}

#[test]
fn a_file_of_another_kind_is_not_a_backup() {
    let (target, files, _) = target_and_backup();
    for bytes in [
        b"voornaam;achternaam;groep\nSanne;de Vries;5\n".as_slice(),
        b"{\"format\":\"something-else\",\"version\":1}",
        b"[1,2,3]",
        b"",
    ] {
        let err = restore_bytes(target.path(), &files, bytes).unwrap_err();
        assert!(matches!(err, BackupError::NotBackup(_)), "{err}");
    }
    only_zebediah(target.path());
}

#[test]
fn a_backup_of_a_newer_otter_is_refused() {
    let (target, files, bytes) = target_and_backup();
    let text = String::from_utf8(bytes).unwrap();
    let newer_format = text.replacen("\"version\":1", "\"version\":2", 1);
    let newer_schema = text.replacen(
        &format!("\"schema\":{}", schema::CURRENT),
        &format!("\"schema\":{}", schema::CURRENT + 1),
        1,
    );
    for newer in [newer_format, newer_schema] {
        let err = restore_bytes(target.path(), &files, newer.as_bytes()).unwrap_err();
        assert!(matches!(err, BackupError::Newer(_)), "{err}");
    }
    only_zebediah(target.path());
}

#[test]
fn the_header_names_format_version_and_schema_and_nothing_that_varies() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.insert(&zebediah(1)).unwrap();
    let mut out = Vec::new();
    write_to(&store, &mut out, Path::new("-")).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        format!(
            "{{\"format\":\"otter-backup\",\"version\":1,\"schema\":{},",
            schema::CURRENT
        )
    );
    assert_eq!(lines.next().unwrap(), "\"meta\":{\"next_id\":{}},");
    assert_eq!(lines.next().unwrap(), "\"trees\":{");
    assert_eq!(lines.next().unwrap(), "\"pupils\":[");
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("{\"id\":1,\"first_name\":\"Zebediah\"")
    );
    assert_eq!(lines.next().unwrap(), "],");
    assert_eq!(lines.next_back().unwrap(), "}}");
    // It is one JSON document, not only lines.
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed["trees"]["minutes"], serde_json::json!([]));
}

#[test]
fn compact_leaves_no_byte_of_a_removed_pupil_in_the_data_directory() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let removed = pupil(1, "Xanthippe", "", "Quibblesworth");
    store.insert(&removed).unwrap();
    store.insert(&zebediah(2)).unwrap();
    let mut tx = store.tx();
    tx.remove(&removed).unwrap();
    tx.commit().unwrap();
    assert!(
        files_contain(dir.path(), b"Xanthippe"),
        "sled keeps removed values until rewritten"
    );

    let store = store.compact().unwrap();
    assert_eq!(store.pupil(PupilId(2)).unwrap(), Some(zebediah(2)));
    assert_eq!(store.pupil(PupilId(1)).unwrap(), None);
    drop(store);
    assert!(!files_contain(dir.path(), b"Xanthippe"));
    assert!(files_contain(dir.path(), b"Zebediah"));
}

/// A draft is not a setting: no backup carries it (not one an older otter kept among the
/// settings either, nor does a restore of such a backup bring it back), and a rebuild of the
/// database keeps it.
#[test]
fn a_prompt_draft_is_in_no_backup_and_survives_a_rebuild() {
    let (dir, store) = school();
    let me = store.me().unwrap();
    store.set_prompt_draft(Some("Xylofoonles")).unwrap();
    let files = TempDir::new().unwrap();
    let file = backup_file(&store, &files, "school.json");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("Xylofoonles"));
    assert!(
        text.contains("\"settings\":{\"me\":"),
        "the settings are there"
    );

    let store = store.compact().unwrap();
    assert_eq!(
        store.prompt_draft().unwrap().as_deref(),
        Some("Xylofoonles")
    );

    // As an older otter kept it, and wrote it into its backups.
    store.set_prompt_draft(None).unwrap();
    store
        .set_setting(OLD_PROMPT_DRAFT_KEY, &"Oude Xylofoonles")
        .unwrap();
    let old = backup_file(&store, &files, "old.json");
    assert!(
        !std::fs::read_to_string(&old)
            .unwrap()
            .contains("Xylofoonles")
    );
    let older = files.path().join("older.json");
    let with_draft = text.replacen(
        "\"settings\":{",
        "\"settings\":{\"prompt_draft\":\"Oude Xylofoonles\",",
        1,
    );
    std::fs::write(&older, with_draft).unwrap();

    // A writer's open moves it out of the settings.
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.prompt_draft().unwrap().as_deref(),
        Some("Oude Xylofoonles")
    );
    let meta = store.tree(TreeId::Meta);
    assert!(!meta.contains_key(OLD_PROMPT_DRAFT_KEY).unwrap());

    let target = TempDir::new().unwrap();
    restore(
        target.path(),
        &older,
        false,
        &mut crate::store::Given::new(None),
    )
    .unwrap();
    let restored = Store::open(target.path()).unwrap();
    assert_eq!(restored.prompt_draft().unwrap(), None);
    assert_eq!(restored.me().unwrap(), me, "the other settings restored");
}

fn files_contain(dir: &Path, needle: &[u8]) -> bool {
    std::fs::read_dir(dir).unwrap().any(|entry| {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_contain(&path, needle)
        } else {
            let bytes = std::fs::read(&path).unwrap();
            bytes.windows(needle.len()).any(|w| w == needle)
        }
    })
}

#[test]
fn rolling_backups_keep_the_newest_and_leave_other_files_alone() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.insert(&zebediah(1)).unwrap();
    std::fs::create_dir_all(dir.path().join("backups")).unwrap();
    std::fs::write(dir.path().join("backups/mijn-kopie.json"), "{}").unwrap();
    for minute in 0..5 {
        let at = today().and_hms_opt(19, 30 + minute, 5).unwrap();
        let reason = if minute == 0 {
            Reason::Migration
        } else {
            Reason::Close
        };
        rolling::rolling_at(&store, reason, at, 3).unwrap();
    }
    assert_eq!(
        rolling::names(dir.path()),
        [
            "2026-11-23T193205-sluiting.json",
            "2026-11-23T193305-sluiting.json",
            "2026-11-23T193405-sluiting.json",
            "mijn-kopie.json"
        ]
    );
    let newest = dir.path().join("backups/2026-11-23T193405-sluiting.json");
    let target = TempDir::new().unwrap();
    assert_eq!(
        restore(
            target.path(),
            &newest,
            false,
            &mut crate::store::Given::new(None)
        )
        .unwrap()
        .records,
        1
    );

    let none = rolling::rolling_at(&store, Reason::Close, today().into(), 0).unwrap();
    assert_eq!(none, None);
    assert_eq!(rolling::names(dir.path()).len(), 4);
}

#[test]
fn keep_backups_reads_a_number_or_says_what_it_could_not_read() {
    assert_eq!(parse_keep(None), Ok(KEEP_DEFAULT));
    assert_eq!(parse_keep(Some(" 3 ")), Ok(3));
    assert_eq!(parse_keep(Some("0")), Ok(0));
    assert_eq!(parse_keep(Some("tien")), Err("tien".to_string()));
    assert_eq!(parse_keep(Some("-1")), Err("-1".to_string()));
}

#[test]
fn a_migration_is_preceded_by_a_backup_of_the_old_data() {
    let dir = TempDir::new().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.insert(&zebediah(1)).unwrap();
        store
            .tree(TreeId::Meta)
            .insert(schema::VERSION_KEY, &2u32.to_be_bytes())
            .unwrap();
        store.db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(schema::CURRENT));
    drop(store);
    let names = rolling::names(dir.path());
    assert_eq!(names.len(), 1);
    assert!(names[0].ends_with("-migratie.json"), "{names:?}");
    let file = dir.path().join("backups").join(&names[0]);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("{\"format\":\"otter-backup\",\"version\":1,\"schema\":2,"));
    let target = TempDir::new().unwrap();
    restore(
        target.path(),
        &file,
        false,
        &mut crate::store::Given::new(None),
    )
    .unwrap();
    only_zebediah(target.path());
    assert_eq!(
        Store::open(dir.path()).unwrap().schema_version().unwrap(),
        Some(schema::CURRENT)
    );
    assert_eq!(
        rolling::names(dir.path()).len(),
        1,
        "no migration, no backup"
    );
}

/// A restore does not rewind the audit log: the log of the database it replaces stays, and
/// the restore is the next line.
#[test]
fn a_forced_restore_keeps_the_audit_log_it_replaces() {
    use crate::domain::{AuditEntry, AuditKind};
    let (_source_dir, source) = school();
    let files = TempDir::new().unwrap();
    let file = backup_file(&source, &files, "school.json");
    let target_dir = TempDir::new().unwrap();
    let target = Store::open(target_dir.path()).unwrap();
    let at = NaiveDate::from_ymd_opt(2026, 11, 2)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    target
        .audit(AuditEntry::new(
            at,
            AuditKind::Export,
            "otter export minutes",
        ))
        .unwrap();
    drop(target);
    let force = true;
    restore(
        target_dir.path(),
        &file,
        force,
        &mut crate::store::Given::new(None),
    )
    .unwrap();
    let target = Store::open(target_dir.path()).unwrap();
    let kinds: Vec<AuditKind> = target.audit_log().unwrap().iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [AuditKind::Export, AuditKind::Restore]);
    // And the log goes on from there.
    target
        .audit(AuditEntry::new(at, AuditKind::Export, "otter export pupil"))
        .unwrap();
    assert_eq!(target.audit_log().unwrap().len(), 3);
}

/// A database otter cannot read is what `--force` is for (the "damaged" message points to
/// the last backup): it is replaced, and its log, unreadable too, goes with it.
#[test]
fn a_forced_restore_replaces_a_damaged_database() {
    use crate::domain::AuditKind;
    let target = TempDir::new().unwrap();
    {
        let store = Store::open(target.path()).unwrap();
        for id in 1..200 {
            store
                .insert(&pupil(id, "Naam", "", "Quibblesworth"))
                .unwrap();
        }
    }
    let conf = target.path().join(DB_DIR).join("conf");
    std::fs::write(&conf, b"not a sled config").unwrap();
    let source_dir = TempDir::new().unwrap();
    let source = Store::open(source_dir.path()).unwrap();
    source.insert(&zebediah(1)).unwrap();
    let files = TempDir::new().unwrap();
    let file = backup_file(&source, &files, "school.json");
    let mut none = crate::store::Given::new(None);

    let refused = restore(target.path(), &file, false, &mut none);
    assert!(
        matches!(refused, Err(BackupError::LiveDamaged(ref dir)) if dir == target.path()),
        "{refused:?}"
    );
    restore(target.path(), &file, true, &mut none).unwrap();
    only_zebediah(target.path());
    let restored = Store::open(target.path()).unwrap();
    let kinds: Vec<AuditKind> = restored
        .audit_log()
        .unwrap()
        .iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, [AuditKind::Restore]);
}

/// The fuzzer's entry: a whole backup checks, any cut or change of it is refused, and bytes
/// that are no JSON at all are too; nothing is written anywhere.
#[test]
fn check_reads_a_backup_and_refuses_damage_without_writing() {
    let (_dir, store) = school();
    let mut out = Vec::new();
    write_to(&store, &mut out, Path::new("-")).unwrap();
    let whole = check(out.as_slice()).unwrap();
    assert!(whole.records > 0);
    assert!(check(&out[..out.len() / 2]).is_err());
    assert!(check(&b"\xff\x00{"[..]).is_err());
    assert!(check(&b"{\"format\": 7}"[..]).is_err());
}

#[test]
fn a_restore_writes_large_records_in_chunks_of_bounded_size() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut fill = Fill::new(&store);
    let long = "x".repeat(100 * 1024);
    // The record whose bytes reach a chunk's bound ends the chunk (each is a little over
    // `long`); a few more after it wait for the next.
    let chunk = CHUNK_BYTES / long.len() + 1;
    let pupils = chunk + 3;
    assert!(pupils < CHUNK, "fewer records than a chunk holds");
    for id in 1..=pupils as u64 {
        let big = Pupil {
            teacher: long.clone(),
            ..zebediah(id)
        };
        fill.record(&big).unwrap();
    }
    // More bytes than a chunk holds: that chunk already written, not held until the end.
    assert_eq!(store.count(TreeId::Pupils), chunk);
    fill.finish().unwrap();
    assert_eq!(store.count(TreeId::Pupils), pupils);
}
