//! Audit lines of commands that ran beside the screen. An export or `otter stats` while the
//! screen holds the database opens it to read (`Store::open_to_read`), which cannot write its
//! audit line into the log; it leaves the line in `inbox/` in the data directory instead, one
//! file per line, written whole (`atomic::write`) and sealed with the database's key as a value
//! is (`codec`), bound to its own random id. The writer (the screen, on its tick, and every
//! writer as it opens) takes the lines into the audit log and removes the files.
//!
//! Crash-safe in every order: the lines go into the log in one transaction together with a
//! mark per id in `meta` (`inbox/<id>`), and only then are the files removed. A kill before
//! the commit leaves the files for the next writer; a kill after it leaves files whose mark
//! says they are in the log already, so they are removed, never taken twice.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::codec;
use super::records::TreeId;
use super::tx::Write;
use super::{Store, StoreError};
use crate::domain::{AuditEntry, AuditKind};

/// The folder in the data directory.
pub(super) const INBOX_DIR: &str = "inbox";
/// A line's file: its id (32 hex digits) and this ending. Anything else there (an
/// `atomic::write` temporary a killed command left) is not a line.
const ENDING: &str = ".entry";
/// A temporary file this old is a killed command's, not one being written: a line is a few
/// hundred bytes.
const STALE: std::time::Duration = std::time::Duration::from_secs(600);
/// In `meta`, followed by a line's id: that line is in the audit log.
const TAKEN: &[u8] = b"inbox/";
/// In `meta`, followed by a line's id: that line did not open with this database's key, and
/// the audit log says so already (once, however often a writer opens).
const UNREADABLE: &[u8] = b"inbox-unreadable/";

/// A line found in the inbox: its id and its sealed bytes.
#[derive(Clone)]
pub(super) struct Pending {
    id: String,
    bytes: Vec<u8>,
}

impl Store {
    /// Leaves `entry` in the inbox for the writer to take into the log: the audit line of a
    /// store opened to read.
    pub(super) fn post(&self, entry: &AuditEntry) -> Result<(), StoreError> {
        let id = super::random_id();
        let bytes = codec::encode(self.cipher(), TreeId::Audit, &sealed_key(&id), entry);
        let dir = self.dir.join(INBOX_DIR);
        super::create_private_dir(&dir)?;
        crate::atomic::write(&dir.join(format!("{id}{ENDING}")), StoreError::Io, |out| {
            out.write_all(&bytes).map_err(StoreError::Io)
        })
    }

    /// Takes the lines waiting in the inbox into the audit log, in one transaction, then
    /// removes their files; how many were taken. A store opened to read takes none. A line
    /// that does not open with this database's key (damaged, or sealed before a restore
    /// brought another key) is left where it is, never dropped: the audit log says so once
    /// (`UNREADABLE`), and this store reads it no more, so the screen's pass does not read
    /// and try it again every second all day.
    pub fn take_inbox(&self) -> Result<usize, StoreError> {
        if self.read_only {
            return Ok(0);
        }
        let unreadable = self
            .unreadable
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        let pending = peek_but(&self.dir, &unreadable)?;
        if pending.is_empty() {
            return Ok(0);
        }
        let mut tx = self.tx();
        let mut done = Vec::new();
        let mut new = Vec::new();
        let mut failed = Vec::new();
        for line in pending {
            let mark = [TAKEN, line.id.as_bytes()].concat();
            if self.tree(TreeId::Meta).contains_key(&mark)? {
                done.push(line.id);
                continue;
            }
            match self.open_line(&line) {
                Ok(entry) => new.push((entry, line.id, mark)),
                Err(_) => failed.push(line.id),
            }
        }
        // In the order they were made: an export at ten comes before one at five past.
        new.sort_by(|a, b| (a.0.at, &a.1).cmp(&(b.0.at, &b.1)));
        let taken = new.len();
        for (mut entry, id, mark) in new {
            self.audit_in(&mut tx, &mut entry)?;
            tx.writes
                .insert((TreeId::Meta, mark), Write::Put(Vec::new()));
            done.push(id);
        }
        for id in &failed {
            let said = [UNREADABLE, id.as_bytes()].concat();
            if !self.tree(TreeId::Meta).contains_key(&said)? {
                let mut entry = AuditEntry::new(
                    chrono::Local::now().naive_local(),
                    AuditKind::UnreadableLine,
                    format!("{INBOX_DIR}/{id}{ENDING}"),
                );
                self.audit_in(&mut tx, &mut entry)?;
                tx.writes
                    .insert((TreeId::Meta, said), Write::Put(Vec::new()));
            }
        }
        if !tx.is_empty() {
            tx.commit()?;
        }
        self.unreadable
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .extend(failed);
        if done.is_empty() {
            return Ok(taken);
        }
        let dir = self.dir.join(INBOX_DIR);
        for id in &done {
            match std::fs::remove_file(line_path(&dir, id)) {
                Err(err) if err.kind() != std::io::ErrorKind::NotFound => return Err(err.into()),
                _ => {}
            }
        }
        // Only a removal has anything to make durable.
        crate::atomic::sync_dir(&dir)?;
        Ok(taken)
    }

    /// The audit log as it is to be shown: the log, then the lines still in the inbox (their
    /// `seq` 0: not numbered yet). A store opened to read shows the inbox as it was just before
    /// it opened, so a line the screen takes into the log meanwhile is shown once, from the
    /// log or from the inbox, never missed.
    pub fn audit_shown(&self) -> Result<Vec<AuditEntry>, StoreError> {
        let mut log = self.audit_log()?;
        let pending = match &self.inbox_seen {
            Some(seen) => seen.clone(),
            None => peek(&self.dir)?,
        };
        let mut waiting = Vec::new();
        for line in &pending {
            let mark = [TAKEN, line.id.as_bytes()].concat();
            if self.tree(TreeId::Meta).contains_key(&mark)? {
                continue;
            }
            if let Ok(entry) = self.open_line(line) {
                waiting.push(entry);
            }
        }
        waiting.sort_by_key(|entry| entry.at);
        log.extend(waiting);
        Ok(log)
    }

    fn open_line(&self, line: &Pending) -> Result<AuditEntry, StoreError> {
        let mut entry: AuditEntry = codec::decode(
            self.cipher(),
            TreeId::Audit,
            &sealed_key(&line.id),
            &line.bytes,
        )?;
        entry.seq = 0;
        Ok(entry)
    }
}

/// What a line's seal is bound to: its id, never a key of the audit tree (an 8-byte number),
/// so a line cannot pass for a stored value or for another line.
fn sealed_key(id: &str) -> Vec<u8> {
    [TAKEN, id.as_bytes()].concat()
}

fn line_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}{ENDING}"))
}

/// Removes the temporary files that commands killed while writing a line left in `dir`'s
/// inbox, once they are `STALE`: a writer's open does this. Best effort: a file that cannot
/// be removed now holds no line, and the next open tries again.
pub(super) fn tidy(dir: &Path, now: std::time::SystemTime) {
    let Ok(entries) = std::fs::read_dir(dir.join(INBOX_DIR)) else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry
            .metadata()
            .and_then(|meta| meta.modified())
            .is_ok_and(|modified| now.duration_since(modified).is_ok_and(|age| age > STALE));
        if stale
            && entry
                .file_name()
                .to_string_lossy()
                .starts_with(crate::atomic::TEMPORARY_PREFIX)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The lines in `dir`'s inbox now; none when there is no inbox.
pub(super) fn peek(dir: &Path) -> Result<Vec<Pending>, StoreError> {
    peek_but(dir, &HashSet::new())
}

/// `peek` without reading the lines whose ids are in `skipped`.
fn peek_but(dir: &Path, skipped: &HashSet<String>) -> Result<Vec<Pending>, StoreError> {
    let inbox = dir.join(INBOX_DIR);
    let entries = match std::fs::read_dir(&inbox) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(err.into()),
    };
    let mut lines = Vec::new();
    for entry in entries {
        let name = entry?.file_name();
        let Some(id) = name.to_str().and_then(|name| name.strip_suffix(ENDING)) else {
            continue;
        };
        if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) || skipped.contains(id) {
            continue;
        }
        match std::fs::read(line_path(&inbox, id)) {
            Ok(bytes) => lines.push(Pending {
                id: id.to_string(),
                bytes,
            }),
            // Taken by the writer between the listing and the read.
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => return Err(err.into()),
        }
    }
    Ok(lines)
}

#[cfg(test)]
mod tests;
