//! The inbox: audit lines of commands beside the writer reach the log once, whatever order a
//! crash cuts the steps in.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tempfile::TempDir;

use super::super::*;
use super::INBOX_DIR;
use crate::domain::{AuditEntry, AuditKind, Counted};

fn given(passphrase: Option<&str>) -> Given {
    Given {
        params: KdfParams::FAST,
        ..Given::new(passphrase)
    }
}

fn writer(dir: &Path, passphrase: Option<&str>) -> Store {
    Store::open_with(dir, &mut given(passphrase)).unwrap()
}

fn reader(dir: &Path, passphrase: Option<&str>) -> Store {
    Store::open_to_read(dir, &mut given(passphrase)).unwrap()
}

fn export(minute: u32) -> AuditEntry {
    let at = NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(10, minute, 0)
        .unwrap();
    AuditEntry::export(at, "otter export pupil", true)
}

fn lines(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = match std::fs::read_dir(dir.join(INBOX_DIR)) {
        Ok(entries) => entries.map(|entry| entry.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    };
    found.sort();
    found
}

fn commands(log: &[AuditEntry]) -> Vec<(u64, String)> {
    log.iter()
        .map(|entry| (entry.seq, entry.at.format("%H:%M").to_string()))
        .collect()
}

#[test]
fn a_line_written_beside_the_writer_is_taken_into_the_log_once_and_its_file_removed() {
    let dir = TempDir::new().unwrap();
    let screen = writer(dir.path(), None);
    screen.audit(export(1)).unwrap();
    let beside = reader(dir.path(), None);
    assert!(beside.beside_writer());
    beside.audit(export(3)).unwrap();
    beside.audit(export(2)).unwrap();
    assert_eq!(lines(dir.path()).len(), 2);
    // A look-up shows the log and what waits; the writer has not taken it yet.
    assert_eq!(reader(dir.path(), None).audit_shown().unwrap().len(), 3);
    assert_eq!(screen.audit_log().unwrap().len(), 1);
    assert_eq!(screen.audit_shown().unwrap().len(), 3);

    assert_eq!(screen.take_inbox().unwrap(), 2);
    assert!(lines(dir.path()).is_empty());
    // Numbered after the log, in the order they were made.
    let log = screen.audit_log().unwrap();
    assert_eq!(
        commands(&log),
        [
            (1, "10:01".into()),
            (2, "10:02".into()),
            (3, "10:03".into())
        ]
    );
    assert_eq!(log[2].counts, [(Counted::Pupils, 1)]);
    assert_eq!(screen.take_inbox().unwrap(), 0);
    assert_eq!(screen.audit_shown().unwrap().len(), 3);
    drop(beside);
    drop(screen);
    // And after reopening.
    assert_eq!(reader(dir.path(), None).audit_log().unwrap().len(), 3);
}

#[test]
fn a_kill_between_the_commit_and_the_removal_takes_no_line_twice() {
    let dir = TempDir::new().unwrap();
    let screen = writer(dir.path(), None);
    reader(dir.path(), None).audit(export(5)).unwrap();
    let [line] = lines(dir.path()).try_into().unwrap();
    let bytes = std::fs::read(&line).unwrap();
    assert_eq!(screen.take_inbox().unwrap(), 1);
    // As if the writer was killed after its commit, before it removed the file.
    std::fs::write(&line, &bytes).unwrap();
    // A reader that saw the file and opened after the commit shows the line once.
    assert_eq!(reader(dir.path(), None).audit_shown().unwrap().len(), 1);
    drop(screen);
    // The next writer's open takes what waits: here nothing new, and the file goes.
    let screen = writer(dir.path(), None);
    assert!(lines(dir.path()).is_empty());
    assert_eq!(
        commands(&screen.audit_log().unwrap()),
        [(1, "10:05".into())]
    );
}

#[test]
fn a_kill_before_the_commit_leaves_the_line_for_the_next_writer_to_open() {
    let dir = TempDir::new().unwrap();
    let screen = writer(dir.path(), None);
    reader(dir.path(), None).audit(export(7)).unwrap();
    // The screen killed before its tick took it.
    drop(screen);
    assert_eq!(lines(dir.path()).len(), 1);
    // A look-up with no writer shows it still waiting.
    assert_eq!(
        commands(&reader(dir.path(), None).audit_shown().unwrap()),
        [(0, "10:07".into())]
    );
    let screen = writer(dir.path(), None);
    assert!(lines(dir.path()).is_empty());
    assert_eq!(
        commands(&screen.audit_log().unwrap()),
        [(1, "10:07".into())]
    );
}

#[test]
fn an_encrypted_database_seals_its_lines_and_a_line_that_does_not_open_stays() {
    let dir = TempDir::new().unwrap();
    let screen = writer(dir.path(), Some("geheim"));
    reader(dir.path(), Some("geheim")).audit(export(9)).unwrap();
    let [line] = lines(dir.path()).try_into().unwrap();
    let bytes = std::fs::read(&line).unwrap();
    for clear in ["otter export", "export", "10:09", "2026"] {
        assert!(
            !bytes.windows(clear.len()).any(|w| w == clear.as_bytes()),
            "{clear} in clear"
        );
    }
    // Bound to its id: under another id it does not open, and is left, never dropped.
    let moved = line.with_file_name(format!("{}.entry", "ab".repeat(16)));
    std::fs::rename(&line, &moved).unwrap();
    assert_eq!(screen.take_inbox().unwrap(), 0);
    assert_eq!(lines(dir.path()), std::slice::from_ref(&moved));
    std::fs::rename(&moved, &line).unwrap();
    assert_eq!(screen.take_inbox().unwrap(), 1);
    // After the log's word that a line did not open (`seq` 1).
    let log = screen.audit_log().unwrap();
    assert_eq!(log[0].kind, AuditKind::UnreadableLine);
    assert_eq!(commands(&log[1..]), [(2, "10:09".into())]);
}

#[test]
fn a_writer_opening_removes_a_killed_commands_temporary_file_once_it_is_stale() {
    let dir = TempDir::new().unwrap();
    drop(writer(dir.path(), None));
    reader(dir.path(), None).audit(export(13)).unwrap();
    let inbox = dir.path().join(INBOX_DIR);
    let (old, fresh) = (inbox.join(".otter-AbC123"), inbox.join(".otter-DeF456"));
    std::fs::write(&old, b"half a line").unwrap();
    std::fs::write(&fresh, b"being written").unwrap();
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    let store = writer(dir.path(), None);
    assert_eq!(store.audit_log().unwrap().len(), 1);
    // The line taken, the stale temporary gone, the one that may still be written kept.
    assert_eq!(lines(dir.path()), [fresh]);
}

#[test]
fn a_reader_takes_nothing_and_other_files_in_the_inbox_are_no_lines() {
    let dir = TempDir::new().unwrap();
    drop(writer(dir.path(), None));
    let beside = reader(dir.path(), None);
    beside.audit(export(11)).unwrap();
    // What a command killed in `atomic::write` leaves.
    std::fs::write(dir.path().join(INBOX_DIR).join(".otter-x1Y2z3"), b"half").unwrap();
    assert_eq!(beside.take_inbox().unwrap(), 0);
    assert_eq!(lines(dir.path()).len(), 2);
    drop(beside);
    let screen = writer(dir.path(), None);
    assert_eq!(screen.audit_log().unwrap().len(), 1);
    assert_eq!(lines(dir.path()).len(), 1);
}

#[test]
fn a_line_that_does_not_open_is_said_once_in_the_log_and_not_read_again_by_the_same_store() {
    let dir = TempDir::new().unwrap();
    let screen = writer(dir.path(), None);
    let id = "cd".repeat(16);
    let line = dir.path().join(INBOX_DIR).join(format!("{id}.entry"));
    std::fs::create_dir_all(line.parent().unwrap()).unwrap();
    std::fs::write(&line, b"not a line").unwrap();
    let unreadable = |store: &Store| {
        store
            .audit_log()
            .unwrap()
            .iter()
            .filter(|entry| entry.kind == AuditKind::UnreadableLine)
            .count()
    };
    for _ in 0..3 {
        assert_eq!(screen.take_inbox().unwrap(), 0);
    }
    assert_eq!(unreadable(&screen), 1);
    assert_eq!(lines(dir.path()), std::slice::from_ref(&line));
    // The same id now holds a line that opens: this store does not read it again, the next
    // writer does.
    let sealed = codec::encode(None, TreeId::Audit, &super::sealed_key(&id), &export(17));
    std::fs::write(&line, sealed).unwrap();
    assert_eq!(screen.take_inbox().unwrap(), 0);
    drop(screen);
    let store = writer(dir.path(), None);
    assert!(lines(dir.path()).is_empty());
    assert_eq!(store.audit_log().unwrap().len(), 2);
    assert_eq!(unreadable(&store), 1);
}
