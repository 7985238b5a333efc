//! Rolling backups in the data directory's `backups/`: one before every schema migration and
//! one after every meeting is closed, the last few kept.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::{BackupError, write_backup};
use crate::store::Store;

/// The folder in the data directory.
pub const DIR: &str = "backups";
/// Rolling backups kept unless `OTTER_KEEP_BACKUPS` says otherwise.
pub const KEEP_DEFAULT: usize = 10;
pub const KEEP_ENV: &str = "OTTER_KEEP_BACKUPS";
/// `2026-11-23T193005`: sorts by time as text, and names no pupil.
const STAMP: &str = "%Y-%m-%dT%H%M%S";
const STAMP_LEN: usize = "2026-11-23T193005".len();

/// Why a rolling backup was made; its word ends the file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Migration,
    Close,
    /// After a purge (an erasure, a passphrase change), in place of the backups that held
    /// what is gone.
    Purge,
}

impl Reason {
    const ALL: [Reason; 3] = [Reason::Migration, Reason::Close, Reason::Purge];

    fn word(self) -> &'static str {
        match self {
            Reason::Migration => "migratie",
            Reason::Close => "sluiting",
            Reason::Purge => "opgeschoond",
        }
    }
}

/// How many rolling backups to keep, from `OTTER_KEEP_BACKUPS` (0: make none).
pub fn parse_keep(value: Option<&str>) -> Result<usize, String> {
    match value {
        None => Ok(KEEP_DEFAULT),
        Some(text) => text.trim().parse().map_err(|_| text.to_string()),
    }
}

/// The number to keep. The command line refuses an unreadable `OTTER_KEEP_BACKUPS` before
/// it opens a store, so the default here only covers other callers.
pub fn keep() -> usize {
    parse_keep(std::env::var(KEEP_ENV).ok().as_deref()).unwrap_or(KEEP_DEFAULT)
}

/// Writes a rolling backup of `store` now and removes the oldest beyond `keep()`. Returns
/// the file written, if any.
pub fn rolling(store: &Store, reason: Reason) -> Result<Option<PathBuf>, BackupError> {
    let now = chrono::Local::now().naive_local();
    rolling_at(store, reason, now, keep())
}

pub(super) fn rolling_at(
    store: &Store,
    reason: Reason,
    now: NaiveDateTime,
    keep: usize,
) -> Result<Option<PathBuf>, BackupError> {
    if keep == 0 {
        return Ok(None);
    }
    let dir = store.dir().join(DIR);
    std::fs::create_dir_all(&dir).map_err(|err| BackupError::File(dir.clone(), err))?;
    let path = dir.join(format!("{}-{}.json", now.format(STAMP), reason.word()));
    write_backup(store, &path)?;
    remove_oldest(&dir, keep)?;
    Ok(Some(path))
}

/// The newest rolling backup in the data directory `data_dir`, if there is one: the way back
/// from a damaged database.
pub fn newest(data_dir: &Path) -> Option<PathBuf> {
    let dir = data_dir.join(DIR);
    let newest = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| is_rolling(name))
        .max()?;
    Some(dir.join(newest))
}

/// Removes every rolling backup in the data directory `data_dir` (after an erasure: each may
/// hold what was erased, and a sealed one cannot be searched); returns their names.
pub fn drop_all(data_dir: &Path) -> Result<Vec<String>, BackupError> {
    let dir = data_dir.join(DIR);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    remove_oldest(&dir, 0)
}

/// Removes the rolling backups in `dir` but the newest `keep`; returns the names removed.
/// Only files named as otter names them are counted or removed: a copy a person put here
/// under another name stays.
fn remove_oldest(dir: &Path, keep: usize) -> Result<Vec<String>, BackupError> {
    let failed = |err| BackupError::File(dir.to_path_buf(), err);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(failed)?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| is_rolling(name))
        .collect();
    names.sort();
    let surplus = names.len().saturating_sub(keep);
    names.truncate(surplus);
    for name in &names {
        std::fs::remove_file(dir.join(name)).map_err(failed)?;
    }
    Ok(names)
}

fn is_rolling(name: &str) -> bool {
    let (Some(stamp), Some(rest)) = (name.get(..STAMP_LEN), name.get(STAMP_LEN..)) else {
        return false;
    };
    NaiveDateTime::parse_from_str(stamp, STAMP).is_ok()
        && Reason::ALL
            .iter()
            .any(|reason| rest == format!("-{}.json", reason.word()))
}

#[cfg(test)]
pub(super) fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join(DIR))
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
