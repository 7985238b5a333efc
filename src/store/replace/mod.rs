//! Replacing a database whole (a restore, a compaction): the new one is built beside the live
//! one in `db.new`, then two renames swap it in. A crash at any moment leaves one of the two
//! whole: before the first rename the live `db` is untouched, after it `db.new` is complete,
//! and the next `Store::open` finishes or undoes what was interrupted (`recover`).

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{DB_DIR, Durability, Store, StoreError};
use crate::atomic::sync_dir;

/// The database being built; complete once `Beside::finish` starts swapping.
const NEW_DIR: &str = "db.new";
/// The replaced database, between the two renames and until it is removed.
const OLD_DIR: &str = "db.old";

/// A fresh, empty database built beside the live one under the same lock, swapped in by
/// `finish`. Dropped without `finish`, it is left half-built and removed at the next open.
pub struct Beside {
    store: Store,
}

impl Beside {
    /// A new database under `lock`, with a sled cache of `cache` bytes while it is filled.
    pub(super) fn start(dir: &Path, lock: Arc<File>, cache: u64) -> Result<Beside, StoreError> {
        let path = dir.join(NEW_DIR);
        remove_if_there(&path)?;
        Ok(Beside {
            // Nothing of it counts until it is flushed whole and swapped in (`finish`).
            store: Store::open_locked_cached(dir, &path, lock, cache, Durability::AtFlush)?.0,
        })
    }

    /// The new database, to be filled through `Tx` like any other.
    pub fn store(&self) -> &Store {
        &self.store
    }

    pub(super) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Swaps the new database in for the live one and opens it. The live one must be closed
    /// by now (a `Store` on it dropped).
    pub fn finish(self) -> Result<Store, StoreError> {
        let Store {
            db,
            trees,
            dir,
            cipher,
            lock,
            ..
        } = self.store;
        db.flush()?;
        drop(trees);
        drop(db);
        swap(&dir)?;
        let (mut store, _) = Store::open_locked(&dir, &dir.join(DB_DIR), lock)?;
        store.cipher = cipher;
        Ok(store)
    }

    /// `finish` stopped where a crash would stop it.
    #[cfg(test)]
    fn stop_at(self, stage: Stage) {
        let dir = self.store.dir.clone();
        self.store.db.flush().unwrap();
        drop(self);
        swap_until(&dir, stage).unwrap();
    }
}

impl Store {
    /// Builds a new database beside this one under its lock (for a rewrite of the same data
    /// directory: `compact`).
    pub fn beside(&self) -> Result<Beside, StoreError> {
        if self.read_only {
            // Its lock is shared with other readers: it covers no writing.
            return Err(StoreError::Io(io::ErrorKind::ReadOnlyFilesystem.into()));
        }
        Beside::start(&self.dir, Arc::clone(&self.lock), super::CACHE_BYTES)
    }

    /// Rewrites the database into a fresh one with the same records, indexes rebuilt from
    /// them. sled is log-structured: a removed or overwritten value stays in its files until
    /// they are rewritten, and this is that rewrite.
    pub fn compact(self) -> Result<Store, StoreError> {
        let mut beside = self.beside()?;
        self.share_keys(beside.store_mut())?;
        super::backup::copy(&self, beside.store())?;
        drop(self);
        beside.finish()
    }

    /// Fills a fresh database beside this one and swaps it in once `fill` is done: killed or
    /// failing half-way, this one is left as it was and the half-built one is removed at the
    /// next open. `demo` writes its school so; filled in place, a demo killed half-way left a
    /// partial school that every later `demo` refused as not empty.
    pub fn rebuild<T, E: From<StoreError>>(
        self,
        fill: impl FnOnce(&Store) -> Result<T, E>,
    ) -> Result<(Store, T), E> {
        let mut beside = self.beside()?;
        self.share_keys(beside.store_mut())?;
        let made = fill(beside.store())?;
        drop(self);
        Ok((beside.finish()?, made))
    }
}

fn paths(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    (dir.join(DB_DIR), dir.join(NEW_DIR), dir.join(OLD_DIR))
}

/// Steps of `swap`, so that a test can stop between them as a crash would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    LiveMovedAside,
    NewMovedIn,
    Done,
}

fn swap(dir: &Path) -> io::Result<()> {
    swap_until(dir, Stage::Done)
}

fn swap_until(dir: &Path, stop: Stage) -> io::Result<()> {
    let (live, new, old) = paths(dir);
    if live.exists() {
        rename(&live, &old)?;
        sync_dir(dir)?;
    }
    if stop == Stage::LiveMovedAside {
        return Ok(());
    }
    rename(&new, &live)?;
    sync_dir(dir)?;
    if stop == Stage::NewMovedIn {
        return Ok(());
    }
    remove_if_there(&old)
}

/// Whether a swap stopped between its two renames (no live database, the new one complete).
pub(super) fn interrupted(dir: &Path) -> bool {
    let (live, _, old) = paths(dir);
    !live.exists() && old.exists()
}

/// Whether a replacement left anything behind for `recover` (which only a writer runs).
pub(super) fn leftover(dir: &Path) -> bool {
    let (_, new, old) = paths(dir);
    new.exists() || old.exists()
}

/// Finishes or undoes a replacement that a crash interrupted. Runs under the lock, before
/// sled opens anything.
pub(super) fn recover(dir: &Path) -> io::Result<()> {
    let (live, new, old) = paths(dir);
    if interrupted(dir) {
        // `db` is moved aside only once `db.new` is complete and flushed.
        let back = if new.exists() { &new } else { &old };
        rename(back, &live)?;
        sync_dir(dir)?;
    }
    // With a live database, a `db.new` is a build that never finished and a `db.old` the
    // leftover of a swap that did.
    remove_if_there(&new)?;
    remove_if_there(&old)
}

/// A rename, retried a moment: on Windows a directory whose files a just-dropped sled still
/// holds cannot be renamed until its flusher lets go.
fn rename(from: &Path, to: &Path) -> io::Result<()> {
    let mut tries = 0;
    loop {
        match std::fs::rename(from, to) {
            Err(err) if tries < 50 && err.kind() == io::ErrorKind::PermissionDenied => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

fn remove_if_there(path: &Path) -> io::Result<()> {
    match std::fs::remove_dir_all(path) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests;
