//! The one place that reads and writes the database (sled). Values pass through `codec`;
//! keys are ids; every write is flushed before it returns (see docs/architecture.md).

pub mod backup;
mod check;
pub mod cipher;
mod codec;
pub mod digest;
pub mod erase;
#[cfg(test)]
pub mod fault;
mod inbox;
mod keys;
mod privacy;
mod pseudonyms;
pub mod records;
mod replace;
pub mod schema;
pub mod search_text;
mod tx;
mod undo;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::domain::{
    Action, ActionId, Case, CaseEvent, CaseId, Decision, Meeting, MeetingId, Member, MemberId,
    Minutes, Note, Pupil, PupilId,
};
use cipher::StoreCipher;
pub use cipher::{KdfParams, Passphrase};
pub use keys::{Given, Unlock};
use records::{OTHER_OWNER, date_key};
pub use records::{Record, TreeId};
pub use replace::Beside;
pub use tx::Tx;
use tx::Write;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database in use by another otter: {0}")]
    InUse(PathBuf),
    #[error("database damaged: {0}")]
    Damaged(String),
    #[error("not an otter database: {0}")]
    Foreign(PathBuf),
    #[error(
        "database written by a newer otter (schema {found}, this otter reads up to {supported})"
    )]
    Newer { found: u32, supported: u32 },
    #[error("no migration from schema {from}")]
    NoMigration { from: u32 },
    #[error("record exists already in {0}")]
    Exists(&'static str),
    /// An encrypted database opened without a passphrase.
    #[error("database encrypted: a passphrase is needed")]
    Encrypted,
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// A passphrase change stopped before its end (a test's simulated crash).
    #[error("passphrase change interrupted")]
    Interrupted,
    #[error("disk: {0}")]
    Io(#[from] std::io::Error),
}

/// An error that may come from reading a page a writer moved meanwhile (`Store::read`).
pub trait MaybeMoved {
    fn moved(&self) -> bool;
}

impl MaybeMoved for StoreError {
    fn moved(&self) -> bool {
        // A moved page fails its checksum or segment number (damaged), or its blob file or
        // the database folder is gone (a rewrite swapped it).
        matches!(self, StoreError::Damaged(_) | StoreError::Io(_))
    }
}

impl From<sled::Error> for StoreError {
    fn from(err: sled::Error) -> Self {
        match err {
            sled::Error::Io(io) => StoreError::Io(io),
            // sled's own text of a corruption carries a debug backtrace; people get a plain one.
            sled::Error::Corruption { .. } => StoreError::Damaged("unreadable data".into()),
            other => StoreError::Damaged(other.to_string()),
        }
    }
}

/// A second, read-only open of a store's database (`Store::reader`).
pub struct Reader {
    dir: PathBuf,
    cipher: Option<StoreCipher>,
}

impl Reader {
    /// The database opened to read beside its writer (see `open_to_read`), with the writer's
    /// key; read it through `Store::read`, which opens it again when the writer moved a page.
    pub fn open(self) -> Result<Store, StoreError> {
        match Store::open_reading(&self.dir, CACHE_BYTES)? {
            Some(mut store) => {
                store.cipher = self.cipher;
                Ok(store)
            }
            // The writer left something for the next writer to finish.
            None => Err(StoreError::InUse(self.dir)),
        }
    }
}

pub struct Store {
    db: sled::Db,
    /// In `TreeId::ALL` order, so a tree's handle is `trees[id.slot()]`.
    trees: Vec<sled::Tree>,
    dir: PathBuf,
    /// The data key when the database is encrypted.
    cipher: Option<StoreCipher>,
    /// Held for the life of the store: a second otter on the same data is refused at once.
    /// Shared with a database being built beside this one (`Beside`), which the same lock
    /// covers. Shared, not exclusive, for a store opened to read (`open_to_read`).
    lock: Arc<File>,
    /// Opened by `open_to_read`: sled refuses every write.
    read_only: bool,
    /// Opened to read while a writer (the screen) holds the data directory: a page the writer
    /// moves after this open reads as damaged, and the read is worth another try
    /// (`reopened`).
    beside_writer: bool,
    /// The audit lines waiting in `inbox/` just before a store opened to read opened
    /// (`audit_shown`); `None` for a writer, which looks when asked.
    inbox_seen: Option<Vec<inbox::Pending>>,
    /// The ids of inbox lines that did not open with this store's key (`take_inbox`): not
    /// read again while this store lives.
    unreadable: std::sync::Mutex<std::collections::HashSet<String>>,
    /// Disk faults a test injects (`fault`).
    #[cfg(test)]
    faults: fault::Faults,
    /// Counts this open while it lives, for tests of how many a process holds (`fault::live`).
    #[cfg(test)]
    _live: fault::Live,
}

const LOCK_FILE: &str = "otter.lock";
/// Reads of a store beside a writer before a damaged page is taken for real damage: each
/// retry sees the log as it is then, and the writer moves a page only once it is stable.
const READ_TRIES: u32 = 8;
/// sled's page cache. Its default (1 GB) made a large school's look-up use hundreds of
/// megabytes; a school's working set is far smaller.
const CACHE_BYTES: u64 = 64 * 1024 * 1024;
/// sled's page cache for a pass that reads or writes each page about once (a backup, a
/// restore's new database): the pages behind it are not read again, and a large school's
/// would only fill the cache. Its index pages stay in.
const STREAM_CACHE_BYTES: u64 = 16 * 1024 * 1024;
const DB_DIR: &str = "db";
/// In `meta`: the member id of the person at this machine, never a name.
const ME_KEY: &[u8] = b"settings/me";
/// In `meta`: the school's name, as its documents are headed.
const SCHOOL_KEY: &[u8] = b"settings/school";
/// In `meta`: this database's random id, in the UIDs of its calendar entries, so that two
/// schools' (or two copies') calendars never replace each other's entries. A setting, so a
/// backup keeps it.
const CALENDAR_ID_KEY: &[u8] = b"settings/calendar_id";
/// In `meta`: what each calendar entry was at its last export (`domain::calendar`).
const CALENDAR_REVISIONS_KEY: &[u8] = b"settings/calendar_revisions";
/// In `meta`: how many minutes the school plans for an OT (`u32`).
const MEETING_LENGTH_KEY: &[u8] = b"settings/meeting_minutes";
/// In `meta`, followed by a setting's name: the settings that are data, carried by backups.
const SETTINGS: &[u8] = b"settings/";
/// In `meta`, followed by a draft's name: what a person typed and has not answered yet.
/// Not a setting: no backup carries one (it may name a pupil, and comes back at an agenda
/// item number that means another pupil after a restore or an erasure), an erasure removes
/// it, and a rebuild of the database keeps it. Sealed like a record (`codec`).
const DRAFTS: &[u8] = b"draft/";
/// The screen's one-line prompt as typed and not yet answered (`prompt_draft`).
const PROMPT_DRAFT_KEY: &[u8] = b"draft/prompt";
/// Where an otter before drafts left the settings kept the prompt's draft: moved to
/// `PROMPT_DRAFT_KEY` at a writer's open, and left out of backups and restores.
const OLD_PROMPT_DRAFT_KEY: &[u8] = b"settings/prompt_draft";
/// In `meta`, followed by a tree's name: the last id given out in that tree.
const NEXT_ID: &[u8] = b"next_id/";

impl Store {
    /// Opens (or creates) an unencrypted database in `dir`; an encrypted one is refused with
    /// `Encrypted`.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        Store::open_with(dir, &mut Given::new(None))
    }

    /// Opens the database in `dir`, asking `unlock` for the passphrase of an encrypted one, or
    /// creates one protected by the passphrase `unlock` chooses (or none). An older schema is
    /// migrated once the store is unlocked: the backup made first, and the compaction after,
    /// read every value, which a sealed database only gives with its key.
    pub fn open_with(dir: &Path, unlock: &mut dyn Unlock) -> Result<Store, StoreError> {
        let lock = claim(dir)?;
        let (mut store, found) = Store::open_locked(dir, &dir.join(DB_DIR), lock)?;
        let (stale, migrated) = match found {
            None => {
                if let Some(passphrase) = unlock.choose()? {
                    store.protect(&passphrase, unlock.params())?;
                }
                (false, false)
            }
            Some(found) => {
                if store.has_keys()? {
                    store.unlock(unlock)?;
                }
                let stale = store.migrate(found)?;
                store.move_old_prompt_draft()?;
                (stale, found < schema::CURRENT)
            }
        };
        // Audit lines of commands that ran beside the last writer (`inbox`).
        store.take_inbox()?;
        inbox::tidy(dir, std::time::SystemTime::now());
        // A purge rewrites the database too: one rewrite is enough.
        if store.rewrite_pending()? {
            store = store.purge()?.0;
        } else if stale {
            store = store.compact()?;
        } else if migrated {
            // A migration is a bulk write, after the snapshot sled wrote as it opened: every
            // look-up after it (a read-only open, which cannot write one) read it all again
            // from the log, 46 MB of it on the large demo after schema 5's digests.
            store = store.settled()?;
        }
        Ok(store)
    }

    /// Opens the database in `dir` to read it, writing no byte to the data directory (not
    /// even on a read-only disk): sled opens its files read-only (the vendored sled's third
    /// change, vendor/README.md) under a shared lock on `otter.lock`. A database that needs
    /// writing before it can be read (a new or interrupted one, an older schema, an erasure
    /// or a passphrase change to finish) is opened by `open_with` instead, which does that
    /// writing. Any write on the store returned fails.
    ///
    /// It also opens while a writer holds the data directory (the screen open all day): sled
    /// recovers the log up to its last complete message, as after a crash, so it sees every
    /// write that was whole when it opened and no part of a later one. Every message in sled's
    /// log carries its segment's number and a checksum, so a page the writer moves or
    /// overwrites after that reads as damaged, never as other data: `beside_writer` tells the
    /// caller to try again on a fresh open (`reopened`).
    pub fn open_to_read(dir: &Path, unlock: &mut dyn Unlock) -> Result<Store, StoreError> {
        Store::open_to_read_cached(dir, unlock, CACHE_BYTES)
    }

    /// `open_to_read` for a pass over the whole database (a backup), with a cache for one:
    /// its memory stays bounded at any size.
    pub fn open_to_stream(dir: &Path, unlock: &mut dyn Unlock) -> Result<Store, StoreError> {
        Store::open_to_read_cached(dir, unlock, STREAM_CACHE_BYTES)
    }

    fn open_to_read_cached(
        dir: &Path,
        unlock: &mut dyn Unlock,
        cache: u64,
    ) -> Result<Store, StoreError> {
        match Store::open_reading(dir, cache)? {
            Some(mut store) => {
                if store.has_keys()? {
                    store.unlock(unlock)?;
                }
                Ok(store)
            }
            None => Store::open_with(dir, unlock),
        }
    }

    /// The store of `open_to_read` before it is unlocked, or `None` when only a writer can
    /// open this database.
    fn open_reading(dir: &Path, cache: u64) -> Result<Option<Store>, StoreError> {
        let Some((lock, beside_writer)) = lock_to_read(dir)? else {
            return Ok(None);
        };
        // What a writer left to tidy is for a writer, unless one is at work (it tidied it as
        // it opened, or is building a replacement beside the live database right now).
        let untidy = !beside_writer && replace::leftover(dir);
        if !dir.join(DB_DIR).is_dir() || untidy || looks_like_foreign_sled(dir) {
            return Ok(None);
        }
        // Before sled reads the log: a line the writer takes from the inbox after this is in
        // the log this open sees (`audit_shown`).
        let inbox_seen = inbox::peek(dir)?;
        let db = open_sled_to_read(&dir.join(DB_DIR), cache, beside_writer)?;
        let Some(found) = check_schema(&db, dir)? else {
            return Ok(None);
        };
        // Only trees a database of this schema has: opening a missing one would create it.
        let names = db.tree_names();
        if found != schema::CURRENT
            || !TreeId::ALL.iter().all(|id| {
                names
                    .iter()
                    .any(|name| name.as_ref() == id.name().as_bytes())
            })
        {
            return Ok(None);
        }
        let mut store = Store::with_trees(db, dir, lock, true, beside_writer)?;
        store.inbox_seen = Some(inbox_seen);
        if !beside_writer && (store.rewrite_pending()? || store.change_pending()?) {
            return Ok(None);
        }
        Ok(Some(store))
    }

    /// Lets go of this store at the end of a command without sled's shutdown, which has
    /// nothing left to do for a look-up or a command whose writes were each flushed: it would
    /// flush with an fsync, join sled's threads and free its page table page by page (a third
    /// of a quick look-up on a large school). The process ends at once; sled is made to
    /// survive exactly that. The data key is wiped first, in place: dropping it would have
    /// done so, and forgetting it would leave it in memory. What is left is never dropped;
    /// the caller lets it go.
    #[must_use = "what is left is never dropped: the caller lets it go"]
    pub fn leave(mut self) -> std::mem::ManuallyDrop<Store> {
        if let Some(cipher) = self.cipher.as_mut() {
            cipher.wipe();
        }
        std::mem::ManuallyDrop::new(self)
    }

    /// Whether this store was opened to read while a writer holds the data directory.
    pub fn beside_writer(&self) -> bool {
        self.beside_writer
    }

    /// Runs `read` on this store opened to read; when it fails while a writer works beside
    /// it (a page moved after this open reads as damaged), runs it again on a fresh open, a
    /// few times, so the answer comes from one consistent view of the data.
    pub fn read<T, E>(self, read: impl FnMut(&Store) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError> + MaybeMoved,
    {
        self.read_here(read).map(|(value, _)| value)
    }

    /// `read`, giving back the store it read last for the caller to go on using: an export
    /// beside the screen reads its document so, then writes its audit line (`audit`).
    ///
    /// Each store is dropped before the next opens: two opens at once would hold two page
    /// caches and recover the log twice side by side. When the fresh open fails, its error
    /// is the answer (the writer left the database to be finished, or it is gone).
    pub fn read_here<T, E>(
        mut self,
        mut read: impl FnMut(&Store) -> Result<T, E>,
    ) -> Result<(T, Store), E>
    where
        E: From<StoreError> + MaybeMoved,
    {
        let mut tries = 1;
        loop {
            match read(&self) {
                Err(err) if self.beside_writer && tries < READ_TRIES && err.moved() => {
                    tries += 1;
                    let reader = self.reader();
                    drop(self);
                    self = reader.open()?;
                }
                Err(err) => return Err(err),
                Ok(value) => return Ok((value, self)),
            }
        }
    }

    /// What opens this database again to read, with this store's key and no passphrase
    /// asked, on another thread: the screen reads the search index beside itself while it
    /// keeps this store (and may replace it after a failed write, `recovered`).
    pub fn reader(&self) -> Reader {
        Reader {
            dir: self.dir.clone(),
            cipher: self.cipher.clone(),
        }
    }

    /// A store over an opened sled database, its trees opened (which creates any missing one
    /// on a writer's open), without a cipher yet.
    fn with_trees(
        db: sled::Db,
        dir: &Path,
        lock: Arc<File>,
        read_only: bool,
        beside_writer: bool,
    ) -> Result<Store, StoreError> {
        let trees = TreeId::ALL
            .iter()
            .map(|id| db.open_tree(id.name()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Store {
            db,
            trees,
            dir: dir.to_path_buf(),
            cipher: None,
            lock,
            read_only,
            beside_writer,
            inbox_seen: None,
            unreadable: Default::default(),
            #[cfg(test)]
            faults: fault::Faults::default(),
            #[cfg(test)]
            _live: fault::Live::new(dir),
        })
    }

    /// The store reopened, which has sled write its snapshot (the index of where each page
    /// is in the log) for what was written since the last one. sled writes one only as it
    /// opens; without it every open after a bulk write (`otter demo`) reads the whole log
    /// again, and a look-up, which opens read-only, would do so every time.
    pub fn settled(self) -> Result<Store, StoreError> {
        let Store {
            db,
            trees,
            dir,
            cipher,
            lock,
            read_only,
            ..
        } = self;
        if read_only {
            return Err(StoreError::Io(
                std::io::ErrorKind::ReadOnlyFilesystem.into(),
            ));
        }
        db.flush()?;
        drop(trees);
        drop(db);
        let (mut store, _) = Store::open_locked(&dir, &dir.join(DB_DIR), lock)?;
        store.cipher = cipher;
        Ok(store)
    }

    /// The writer's store opened again after a write failed on the disk. sled keeps an I/O
    /// error (a full disk) and fails every later write until the database is reopened, even
    /// once there is space again; reading goes on meanwhile. When the writer's open fails too
    /// (the disk still full or read-only), the database is opened to read instead, which
    /// writes nothing, so the screen still reads; a later `recovered` tries to write again.
    pub fn recovered(self) -> Result<Store, StoreError> {
        let Store {
            db,
            trees,
            dir,
            cipher,
            lock,
            #[cfg(test)]
            faults,
            ..
        } = self;
        drop(trees);
        drop(db);
        let path = dir.join(DB_DIR);
        let mut store = match Store::open_locked(&dir, &path, Arc::clone(&lock)) {
            Ok((store, _)) => store,
            Err(err) => {
                let db = open_sled(&path, true, CACHE_BYTES).map_err(|_| err)?;
                Store::with_trees(db, &dir, lock, true, false)?
            }
        };
        store.cipher = cipher;
        #[cfg(test)]
        {
            store.faults = faults.reopened();
        }
        Ok(store)
    }

    /// The switch that makes this store's writes fail as on a full or read-only disk.
    #[cfg(test)]
    pub fn fault_switch(&self) -> fault::Switch {
        self.faults.switch()
    }

    /// Makes the next `reads` reads of this open fail as reads of a page a writer moved after
    /// it (`fault`); a store opened again reads fine.
    #[cfg(test)]
    pub fn move_pages(&self, reads: u32) {
        self.faults.move_pages(reads);
    }

    /// A write's first step: in tests, the disk fault injected (`fault`).
    fn check_disk(&self) -> Result<(), StoreError> {
        #[cfg(test)]
        self.faults.check()?;
        Ok(())
    }

    /// Whether this store was opened to read only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Whether changes could be saved in `dir`: false on a read-only disk or a folder this
    /// account may not write, found without writing anything there.
    pub fn writable(dir: &Path) -> bool {
        dir_writable(dir)
    }

    /// Opens the sled database at `path` for the data directory `dir`, whose lock is held,
    /// with its trees open, its values not yet readable if sealed, and not migrated. Returns
    /// the schema version found, `None` for a database created (and stamped) now. A database
    /// this otter cannot read (newer, foreign) is refused before anything is written to it.
    fn open_locked(
        dir: &Path,
        path: &Path,
        lock: Arc<File>,
    ) -> Result<(Store, Option<u32>), StoreError> {
        Store::open_locked_cached(dir, path, lock, CACHE_BYTES, Durability::EachWrite)
    }

    /// `open_locked` with a cache of `cache` bytes, its writes made durable as `durability`.
    fn open_locked_cached(
        dir: &Path,
        path: &Path,
        lock: Arc<File>,
        cache: u64,
        durability: Durability,
    ) -> Result<(Store, Option<u32>), StoreError> {
        let db = open_sled_durable(path, cache, durability)?;
        // Decided before any tree is opened: opening creates trees, and a refused database
        // must be left exactly as it was found.
        let found = check_schema(&db, dir)?;
        let store = Store::with_trees(db, dir, lock, false, false)?;
        if found.is_none() {
            store
                .tree(TreeId::Meta)
                .insert(schema::VERSION_KEY, &schema::CURRENT.to_be_bytes())?;
            store.db.flush()?;
        }
        Ok((store, found))
    }

    /// Brings an unlocked store of schema `found` to the current one, after a rolling backup
    /// of the old data. `true` if values of the old schema are left in sled's files, to be
    /// rewritten out of them.
    fn migrate(&self, found: u32) -> Result<bool, StoreError> {
        if found >= schema::CURRENT {
            return Ok(false);
        }
        // The way back if a step goes wrong. The old data is read with today's record shapes:
        // the migrations so far add and drop derived trees, and add a field with a default
        // (a case's pseudonym, empty before schema 4; a restore gives it one), so every
        // record decodes. A step that changes a record's shape otherwise must back up with
        // the old shapes instead.
        backup::rolling(self, backup::Reason::Migration)
            .map_err(backup::BackupError::into_store)?;
        schema::migrate(self, found, schema::CURRENT, schema::STEPS)?;
        // Schema 2's search tree held folded names in plain text, and schema 3's texts the
        // numbered pseudonyms; replacing them leaves them in sled's files until the database
        // is rewritten.
        Ok(found < 4)
    }

    /// Whether `dir` holds a database (of otter or not) that `open` would read.
    pub fn exists(dir: &Path) -> bool {
        // sled writes its `conf` before anything else: a `db` folder without one holds no
        // database, and opening it would create a new one.
        dir.join(DB_DIR).join("conf").is_file()
            || replace::interrupted(dir)
            || looks_like_foreign_sled(dir)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn cipher(&self) -> Option<&StoreCipher> {
        self.cipher.as_ref()
    }

    fn tree(&self, id: TreeId) -> &sled::Tree {
        &self.trees[id.slot()]
    }

    /// No records in any tree (and nothing in sled's default tree, where a foreign program
    /// would have written).
    pub fn is_empty(&self) -> bool {
        // The audit log is the installation's, not data: a restore may replace a database
        // that only logged, say, a passphrase change.
        let records = TreeId::ALL
            .iter()
            .filter(|&&id| id != TreeId::Meta && id != TreeId::Audit);
        self.db.is_empty() && records.into_iter().all(|&id| self.tree(id).is_empty())
    }

    pub fn schema_version(&self) -> Result<Option<u32>, StoreError> {
        schema::read_version(self.tree(TreeId::Meta))
    }

    pub fn tx(&self) -> Tx<'_> {
        Tx::new(self)
    }

    /// A fresh id for a record of `tree`. Ids are never reused; a crash may skip one.
    pub fn next_id(&self, tree: TreeId) -> Result<u64, StoreError> {
        self.check_disk()?;
        let key = [NEXT_ID, tree.name().as_bytes()].concat();
        let next = self.tree(TreeId::Meta).update_and_fetch(key, |old| {
            let current = old
                .and_then(|bytes| bytes.try_into().ok())
                .map_or(0, u64::from_be_bytes);
            Some((current + 1).to_be_bytes().to_vec())
        })?;
        let bytes = next.ok_or_else(|| StoreError::Damaged("meta: id counter".into()))?;
        let bytes: [u8; 8] = bytes
            .as_ref()
            .try_into()
            .map_err(|_| StoreError::Damaged("meta: id counter".into()))?;
        Ok(u64::from_be_bytes(bytes))
    }

    /// Writes one new record and flushes; refused if its key is taken.
    pub fn insert<R: Record>(&self, record: &R) -> Result<(), StoreError> {
        let mut tx = self.tx();
        tx.insert(record)?;
        tx.commit()
    }

    /// Writes one record and flushes.
    pub fn save<R: Record>(&self, record: &R) -> Result<(), StoreError> {
        let mut tx = self.tx();
        tx.put(record)?;
        tx.commit()
    }

    fn apply(
        &self,
        writes: &std::collections::BTreeMap<(TreeId, Vec<u8>), Write>,
        must_be_new: &[(TreeId, Vec<u8>)],
    ) -> Result<(), StoreError> {
        use sled::Transactional;
        use sled::transaction::{ConflictableTransactionError, TransactionError};
        self.check_disk()?;
        let outcome = self.trees.as_slice().transaction(|trees| {
            for (tree, key) in must_be_new {
                if trees[tree.slot()].get(key)?.is_some() {
                    return Err(ConflictableTransactionError::Abort(tree.name()));
                }
            }
            for ((tree, key), write) in writes {
                let tree = &trees[tree.slot()];
                match write {
                    Write::Put(value) => {
                        tree.insert(key.as_slice(), value.as_slice())?;
                    }
                    Write::Remove => {
                        tree.remove(key.as_slice())?;
                    }
                }
            }
            Ok(())
        });
        match outcome {
            Ok(()) => {}
            Err(TransactionError::Abort(tree)) => return Err(StoreError::Exists(tree)),
            Err(TransactionError::Storage(err)) => return Err(err.into()),
        }
        self.db.flush()?;
        Ok(())
    }

    fn apply_bulk(
        &self,
        writes: &std::collections::BTreeMap<(TreeId, Vec<u8>), Write>,
    ) -> Result<(), StoreError> {
        self.check_disk()?;
        let mut batches: Vec<sled::Batch> =
            TreeId::ALL.iter().map(|_| sled::Batch::default()).collect();
        for ((tree, key), write) in writes {
            let batch = &mut batches[tree.slot()];
            match write {
                Write::Put(value) => batch.insert(key.as_slice(), value.as_slice()),
                Write::Remove => batch.remove(key.as_slice()),
            }
        }
        for (id, batch) in TreeId::ALL.iter().zip(batches) {
            self.tree(*id).apply_batch(batch)?;
        }
        Ok(())
    }

    pub(crate) fn get_raw<R: Record>(&self, key: &[u8]) -> Result<Option<R>, StoreError> {
        self.tree(R::TREE)
            .get(key)?
            .map(|bytes| codec::decode(self.cipher(), R::TREE, key, &bytes))
            .transpose()
    }

    fn get<R: Record>(&self, id: u64) -> Result<Option<R>, StoreError> {
        self.get_raw(&id.to_be_bytes())
    }

    /// Every record of a kind, in id order.
    pub fn all<R: Record>(&self) -> impl Iterator<Item = Result<R, StoreError>> + '_ {
        self.tree(R::TREE).iter().map(|item| {
            let (key, bytes) = item?;
            codec::decode(self.cipher(), R::TREE, &key, &bytes)
        })
    }

    /// Every record of `R`'s tree read as `T`, a part of it: the fields `T` leaves out are
    /// skipped, not built. Search reads only the id, case and text of a large school's
    /// actions and notes, and building whole actions (their status is a flattened map) cost
    /// it more than the reading.
    pub fn all_as<R: Record, T: serde::de::DeserializeOwned>(
        &self,
    ) -> impl Iterator<Item = Result<T, StoreError>> + '_ {
        self.tree(R::TREE).iter().map(|item| {
            let (key, bytes) = item?;
            codec::decode(self.cipher(), R::TREE, &key, &bytes)
        })
    }

    pub fn count(&self, tree: TreeId) -> usize {
        self.tree(tree).len()
    }

    pub fn pupil(&self, id: PupilId) -> Result<Option<Pupil>, StoreError> {
        self.get(id.0)
    }

    pub fn member(&self, id: MemberId) -> Result<Option<Member>, StoreError> {
        self.get(id.0)
    }

    pub fn case(&self, id: CaseId) -> Result<Option<Case>, StoreError> {
        self.get(id.0)
    }

    pub fn meeting(&self, id: MeetingId) -> Result<Option<Meeting>, StoreError> {
        self.get(id.0)
    }

    pub fn action(&self, id: ActionId) -> Result<Option<Action>, StoreError> {
        self.get(id.0)
    }

    pub fn note(&self, id: u64) -> Result<Option<Note>, StoreError> {
        self.get(id)
    }

    pub fn decision(&self, id: u64) -> Result<Option<Decision>, StoreError> {
        self.get(id)
    }

    pub fn minutes(&self, meeting: MeetingId) -> Result<Option<Minutes>, StoreError> {
        self.get(meeting.0)
    }

    pub fn cases_of_pupil(&self, pupil: PupilId) -> Result<Vec<Case>, StoreError> {
        self.ids_under(TreeId::CasesByPupil, &pupil.to_key())
            .map(|id| {
                self.case(CaseId(id?))?
                    .ok_or_else(|| dangling("cases_by_pupil"))
            })
            .collect()
    }

    /// The case's history, oldest first.
    pub fn events_of_case(&self, case: CaseId) -> Result<Vec<CaseEvent>, StoreError> {
        self.tree(TreeId::Events)
            .scan_prefix(case.to_key())
            .map(|item| {
                let (key, bytes) = item?;
                codec::decode(self.cipher(), TreeId::Events, &key, &bytes)
            })
            .collect()
    }

    pub fn notes_of_case(&self, case: CaseId) -> Result<Vec<Note>, StoreError> {
        self.linked(TreeId::ByCase, &case.to_key(), TreeId::Notes)
    }

    pub fn decisions_of_case(&self, case: CaseId) -> Result<Vec<Decision>, StoreError> {
        self.linked(TreeId::ByCase, &case.to_key(), TreeId::Decisions)
    }

    pub fn actions_of_case(&self, case: CaseId) -> Result<Vec<Action>, StoreError> {
        self.linked(TreeId::ByCase, &case.to_key(), TreeId::Actions)
    }

    pub fn notes_of_meeting(&self, meeting: MeetingId) -> Result<Vec<Note>, StoreError> {
        self.linked(TreeId::ByMeeting, &meeting.to_key(), TreeId::Notes)
    }

    pub fn decisions_of_meeting(&self, meeting: MeetingId) -> Result<Vec<Decision>, StoreError> {
        self.linked(TreeId::ByMeeting, &meeting.to_key(), TreeId::Decisions)
    }

    pub fn actions_of_meeting(&self, meeting: MeetingId) -> Result<Vec<Action>, StoreError> {
        self.linked(TreeId::ByMeeting, &meeting.to_key(), TreeId::Actions)
    }

    pub fn events_of_meeting(&self, meeting: MeetingId) -> Result<Vec<CaseEvent>, StoreError> {
        let prefix = [meeting.to_key().as_slice(), &[TreeId::Events as u8]].concat();
        self.tree(TreeId::ByMeeting)
            .scan_prefix(&prefix)
            .map(|item| {
                let (key, _) = item?;
                let event_key = key.get(prefix.len()..).unwrap_or_default();
                self.get_raw::<CaseEvent>(event_key)?
                    .ok_or_else(|| dangling("by_meeting"))
            })
            .collect()
    }

    /// All actions owned by a member.
    pub fn actions_of_member(&self, member: MemberId) -> Result<Vec<Action>, StoreError> {
        self.ids_under(TreeId::ActionsByOwner, &member.to_key())
            .map(|id| {
                self.action(ActionId(id?))?
                    .ok_or_else(|| dangling("actions_by_owner"))
            })
            .collect()
    }

    /// Open actions by due date, earliest first; `owner` narrows to one member (or, with
    /// `Some(None)`, to the free-text owners) before any record is read.
    pub fn open_actions(&self, owner: Option<Option<MemberId>>) -> Result<Vec<Action>, StoreError> {
        let wanted = owner.map(|member| member.map_or(OTHER_OWNER, |m| m.0).to_be_bytes());
        let mut actions = Vec::new();
        for item in self.tree(TreeId::OpenActionsByDue).iter() {
            let (key, value) = item?;
            if wanted.is_some_and(|wanted| value.as_ref() != wanted) {
                continue;
            }
            let id = key
                .get(4..)
                .and_then(ActionId::from_key)
                .ok_or_else(|| dangling("open_actions_by_due"))?;
            actions.push(
                self.action(id)?
                    .ok_or_else(|| dangling("open_actions_by_due"))?,
            );
        }
        Ok(actions)
    }

    /// Open actions due before `day`, earliest first.
    pub fn open_actions_due_before(
        &self,
        day: chrono::NaiveDate,
    ) -> Result<Vec<Action>, StoreError> {
        Ok(self.first_open_actions_due_before(day, usize::MAX)?.0)
    }

    /// The first `first` of `open_actions_due_before`, with how many there are: only those
    /// are read, the index alone counts the rest (a large school has hundreds overdue).
    pub fn first_open_actions_due_before(
        &self,
        day: chrono::NaiveDate,
        first: usize,
    ) -> Result<(Vec<Action>, usize), StoreError> {
        let ids = self
            .tree(TreeId::OpenActionsByDue)
            .range(..date_key(day).to_vec())
            .keys()
            .map(|key| {
                key?.get(4..)
                    .and_then(ActionId::from_key)
                    .ok_or_else(|| dangling("open_actions_by_due"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let actions = ids
            .iter()
            .take(first)
            .map(|&id| {
                self.action(id)?
                    .ok_or_else(|| dangling("open_actions_by_due"))
            })
            .collect::<Result<_, _>>()?;
        Ok((actions, ids.len()))
    }

    /// Meetings by date, oldest first.
    pub fn meetings_by_date(&self) -> Result<Vec<Meeting>, StoreError> {
        self.tree(TreeId::MeetingsByDate)
            .iter()
            .map(|item| self.meeting_of_date_key(&item?.0))
            .collect()
    }

    /// The first meeting on or after `day` that is not closed, reading only the meetings
    /// passed on the way (a large school keeps hundreds).
    pub fn next_open_meeting(&self, day: chrono::NaiveDate) -> Result<Option<Meeting>, StoreError> {
        for item in self
            .tree(TreeId::MeetingsByDate)
            .range(date_key(day).to_vec()..)
        {
            let meeting = self.meeting_of_date_key(&item?.0)?;
            if meeting.state != crate::domain::MeetingState::Closed {
                return Ok(Some(meeting));
            }
        }
        Ok(None)
    }

    /// The most recent closed meeting held on or before `day` other than `except` (a meeting
    /// opened again looks past itself), read backwards from that day.
    pub fn closed_meeting_before(
        &self,
        day: chrono::NaiveDate,
        except: MeetingId,
    ) -> Result<Option<Meeting>, StoreError> {
        let end = day.succ_opt().map(date_key);
        let before = match end {
            Some(end) => self.tree(TreeId::MeetingsByDate).range(..end.to_vec()),
            None => self.tree(TreeId::MeetingsByDate).range::<Vec<u8>, _>(..),
        };
        for item in before.rev() {
            let meeting = self.meeting_of_date_key(&item?.0)?;
            if meeting.id != except && meeting.state == crate::domain::MeetingState::Closed {
                return Ok(Some(meeting));
            }
        }
        Ok(None)
    }

    /// The most recent closed meeting, read from the newest backwards.
    pub fn last_closed_meeting(&self) -> Result<Option<Meeting>, StoreError> {
        for item in self.tree(TreeId::MeetingsByDate).iter().rev() {
            let meeting = self.meeting_of_date_key(&item?.0)?;
            if meeting.state == crate::domain::MeetingState::Closed {
                return Ok(Some(meeting));
            }
        }
        Ok(None)
    }

    fn meeting_of_date_key(&self, key: &[u8]) -> Result<Meeting, StoreError> {
        let id = key
            .get(4..)
            .and_then(MeetingId::from_key)
            .ok_or_else(|| dangling("meetings_by_date"))?;
        self.meeting(id)?
            .ok_or_else(|| dangling("meetings_by_date"))
    }

    /// Open cases whose evaluation date is before `day`, earliest date first; ids only.
    pub fn open_cases_evaluated_before(
        &self,
        day: chrono::NaiveDate,
    ) -> Result<Vec<CaseId>, StoreError> {
        self.tree(TreeId::OpenCasesByEvaluation)
            .range(..date_key(day).to_vec())
            .map(|item| {
                item?
                    .0
                    .get(4..)
                    .and_then(CaseId::from_key)
                    .ok_or_else(|| dangling("open_cases_by_evaluation"))
            })
            .collect()
    }

    /// Events dated `day` or later (up to and including `until`), newest first.
    pub fn events_between(
        &self,
        day: chrono::NaiveDate,
        until: chrono::NaiveDate,
    ) -> Result<Vec<CaseEvent>, StoreError> {
        self.events_at_between(day, until)
            .map(|at| self.event_at(at?))
            .collect()
    }

    /// The cases with an event dated `day` to `until`, each once with its newest such event,
    /// newest first (as `events_between` lists them, each case where it first comes): from the
    /// index alone, which names the case and the event in its key. A list that shows the
    /// first few of thousands of changes reads only their events (`event_at`).
    pub fn latest_events_between(
        &self,
        day: chrono::NaiveDate,
        until: chrono::NaiveDate,
    ) -> Result<Vec<EventAt>, StoreError> {
        let mut seen = std::collections::HashSet::new();
        let mut latest = Vec::new();
        for at in self.events_at_between(day, until) {
            let at = at?;
            if seen.insert(at.case) {
                latest.push(at);
            }
        }
        Ok(latest)
    }

    /// Where each event dated `day` to `until` is kept, newest first: the index's keys only.
    fn events_at_between(
        &self,
        day: chrono::NaiveDate,
        until: chrono::NaiveDate,
    ) -> impl Iterator<Item = Result<EventAt, StoreError>> {
        let end = until.succ_opt().unwrap_or(until);
        self.tree(TreeId::EventsByDate)
            .range(date_key(day).to_vec()..date_key(end).to_vec())
            .keys()
            .rev()
            .map(|key| {
                EventAt::from_key(key?.get(4..).unwrap_or_default())
                    .ok_or_else(|| dangling("events_by_date"))
            })
    }

    /// The event an index named (`events_at_between`).
    pub fn event_at(&self, at: EventAt) -> Result<CaseEvent, StoreError> {
        self.get_raw::<CaseEvent>(&at.key())?
            .ok_or_else(|| dangling("events_by_date"))
    }

    /// The member who uses this otter ("my actions"), once chosen.
    pub fn me(&self) -> Result<Option<MemberId>, StoreError> {
        self.setting(ME_KEY)
    }

    pub fn set_me(&self, member: MemberId) -> Result<(), StoreError> {
        self.set_setting(ME_KEY, &member)
    }

    /// The school's name for the heading of minutes and extracts; empty until set.
    pub fn school(&self) -> Result<String, StoreError> {
        Ok(self.setting(SCHOOL_KEY)?.unwrap_or_default())
    }

    pub fn set_school(&self, name: &str) -> Result<(), StoreError> {
        self.set_setting(SCHOOL_KEY, &name)
    }

    /// This database's calendar id (32 hex digits), made at its first calendar export: a
    /// database from before it gets one then, and keeps it through backups. A store opened to
    /// read cannot make it, and an id made up there would change at every export: that first
    /// export waits for the writer ("in use").
    pub fn calendar_id(&self) -> Result<String, StoreError> {
        if let Some(id) = self.setting::<String>(CALENDAR_ID_KEY)? {
            return Ok(id);
        }
        if self.read_only {
            return Err(StoreError::InUse(self.dir.clone()));
        }
        let id = random_id();
        self.set_setting(CALENDAR_ID_KEY, &id)?;
        Ok(id)
    }

    pub fn calendar_revisions(&self) -> Result<crate::domain::calendar::Revisions, StoreError> {
        Ok(self.setting(CALENDAR_REVISIONS_KEY)?.unwrap_or_default())
    }

    pub fn set_calendar_revisions(
        &self,
        revisions: &crate::domain::calendar::Revisions,
    ) -> Result<(), StoreError> {
        self.set_setting(CALENDAR_REVISIONS_KEY, revisions)
    }

    /// The minutes an OT is planned to take;
    /// [`DEFAULT_MEETING_MINUTES`](crate::domain::agenda::DEFAULT_MEETING_MINUTES) until set.
    pub fn meeting_length(&self) -> Result<u32, StoreError> {
        Ok(self
            .setting(MEETING_LENGTH_KEY)?
            .unwrap_or(crate::domain::agenda::DEFAULT_MEETING_MINUTES))
    }

    pub fn set_meeting_length(&self, minutes: u32) -> Result<(), StoreError> {
        self.set_setting(MEETING_LENGTH_KEY, &minutes)
    }

    /// What was typed in the screen's one-line prompt and not yet answered, in the screen's
    /// own words (it is text to the store): kept at every key so that a quit or a crash loses
    /// no typed character, sealed like a record. One at a time: the screen has one prompt.
    pub fn prompt_draft(&self) -> Result<Option<String>, StoreError> {
        self.setting(PROMPT_DRAFT_KEY)
    }

    /// Keeps `draft` as the prompt's draft, or forgets it (`None`: answered or let go).
    pub fn set_prompt_draft(&self, draft: Option<&str>) -> Result<(), StoreError> {
        match draft {
            Some(draft) => self.set_setting(PROMPT_DRAFT_KEY, &draft),
            None => self.remove_setting(PROMPT_DRAFT_KEY),
        }
    }

    /// The draft an older otter kept among the settings, under its own key now, so that no
    /// backup carries it. A crash between the two writes leaves both: the next open keeps the
    /// newer and removes the old.
    fn move_old_prompt_draft(&self) -> Result<(), StoreError> {
        let Some(draft) = self.setting::<String>(OLD_PROMPT_DRAFT_KEY)? else {
            return Ok(());
        };
        if !self.tree(TreeId::Meta).contains_key(PROMPT_DRAFT_KEY)? {
            self.set_setting(PROMPT_DRAFT_KEY, &draft)?;
        }
        self.remove_setting(OLD_PROMPT_DRAFT_KEY)
    }

    /// A value of `meta`'s `settings/…` (or `draft/…`), sealed like a record when the
    /// database is.
    fn setting<T: serde::de::DeserializeOwned>(&self, key: &[u8]) -> Result<Option<T>, StoreError> {
        // A moved page injected in tests (`move_pages`): the settings stand for every read.
        #[cfg(test)]
        self.faults.check_read()?;
        self.tree(TreeId::Meta)
            .get(key)?
            .map(|bytes| codec::decode(self.cipher(), TreeId::Meta, key, &bytes))
            .transpose()
    }

    fn set_setting<T: serde::Serialize>(&self, key: &[u8], value: &T) -> Result<(), StoreError> {
        self.check_disk()?;
        let sealed = codec::encode(self.cipher(), TreeId::Meta, key, value);
        self.tree(TreeId::Meta).insert(key, sealed)?;
        self.db.flush()?;
        Ok(())
    }

    fn remove_setting(&self, key: &[u8]) -> Result<(), StoreError> {
        self.check_disk()?;
        self.tree(TreeId::Meta).remove(key)?;
        self.db.flush()?;
        Ok(())
    }

    fn ids_under<'a>(
        &'a self,
        tree: TreeId,
        prefix: &'a [u8],
    ) -> impl Iterator<Item = Result<u64, StoreError>> + 'a {
        self.tree(tree).scan_prefix(prefix).map(move |item| {
            let (key, _) = item?;
            key.get(prefix.len()..)
                .and_then(|rest| rest.try_into().ok())
                .map(u64::from_be_bytes)
                .ok_or_else(|| dangling(tree.name()))
        })
    }

    fn linked<R: Record>(
        &self,
        index: TreeId,
        owner: &[u8],
        kind: TreeId,
    ) -> Result<Vec<R>, StoreError> {
        let prefix = [owner, &[kind as u8]].concat();
        self.ids_under(index, &prefix)
            .map(|id| self.get::<R>(id?)?.ok_or_else(|| dangling(index.name())))
            .collect()
    }
}

/// The schema version of `db` (`None`: a new, empty database, to be stamped); anything that
/// is not an otter database this otter can read is refused without writing to it.
fn check_schema(db: &sled::Db, dir: &Path) -> Result<Option<u32>, StoreError> {
    let meta_name = TreeId::Meta.name().as_bytes();
    let names = db.tree_names();
    let has_meta = names.iter().any(|name| name.as_ref() == meta_name);
    let version = if has_meta {
        schema::read_version(&db.open_tree(meta_name)?)?
    } else {
        None
    };
    if let Some(found) = version {
        schema::check(found, schema::CURRENT, schema::STEPS)?;
        return Ok(Some(found));
    }
    // No stamp: new if nothing at all is stored (an otter that stopped between creating its
    // trees and stamping them counts as new), foreign otherwise.
    let mut stored = names.iter().map(|name| db.open_tree(name));
    let empty = db.is_empty()
        && stored.try_fold(true, |all_empty, tree| {
            tree.map(|t| all_empty && t.is_empty())
        })?;
    let only_ours = names.iter().all(|name| {
        name.as_ref() == b"__sled__default"
            || TreeId::ALL
                .iter()
                .any(|id| id.name().as_bytes() == name.as_ref())
    });
    if empty && only_ours {
        Ok(None)
    } else {
        Err(StoreError::Foreign(dir.to_path_buf()))
    }
}

/// Makes `dir` ours for as long as the lock returned is held: created if need be, refused if
/// it holds another program's database, a replacement a crash interrupted there finished.
fn claim(dir: &Path) -> Result<Arc<File>, StoreError> {
    if holds_only_others(dir) {
        // `OTTER_DATA_DIR=/` made `/db` and `/otter.lock`: a folder full of other things is
        // a mistyped path, not a place to start a database in.
        return Err(StoreError::Foreign(dir.to_path_buf()));
    }
    create_private_dir(dir)?;
    if looks_like_foreign_sled(dir) {
        return Err(StoreError::Foreign(dir.to_path_buf()));
    }
    let lock = lock_dir(dir)?;
    replace::recover(dir)?;
    Ok(lock)
}

/// What otter keeps in a data directory, besides sled's folder and the lock.
const OURS: &[&str] = &[
    "backups",
    "phases.toml",
    "db.new",
    "db.old",
    inbox::INBOX_DIR,
];

/// Whether `dir` holds things but nothing of otter's: not a data directory (dot files, which
/// a file manager may leave in any folder, do not count either way).
fn holds_only_others(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    let names: Vec<std::ffi::OsString> = entries
        .filter_map(|entry| Some(entry.ok()?.file_name()))
        .filter(|name| !name.to_string_lossy().starts_with('.'))
        .collect();
    let ours = |name: &std::ffi::OsString| {
        name == DB_DIR || name == LOCK_FILE || OURS.iter().any(|our| name == our)
    };
    !names.is_empty() && !names.iter().any(ours)
}

/// Removes what a replacement stopped before its end left in a folder with no database (a
/// restore killed while filling `db.new` in an empty folder, which may hold a plain-text
/// school): a look-up there finds no database and opens nothing, so it tidies this itself.
/// Under the lock; a folder another otter holds (a restore at work) is left alone.
pub fn tidy_unfinished(dir: &Path) -> Result<(), StoreError> {
    if dir.join(DB_DIR).exists() || !replace::leftover(dir) {
        return Ok(());
    }
    match lock_dir(dir) {
        Ok(_lock) => Ok(replace::recover(dir)?),
        Err(StoreError::InUse(_)) => Ok(()),
        Err(err) => Err(err),
    }
}

/// Creates `dir` and the folders above it that are missing, readable by their owner only:
/// pupil care data has no business being listed or read by another account on the machine.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Closes sled's folder `path` to other accounts, also for a database made before otter did
/// so (sled creates it with the default permissions). Best effort: a folder otter may use but
/// not change (another owner's, shared on purpose) is still opened.
#[cfg_attr(not(unix), allow(unused_variables))]
fn make_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let open_to_others =
            std::fs::metadata(path).is_ok_and(|meta| meta.permissions().mode() & 0o777 != 0o700);
        if open_to_others {
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700));
        }
    }
}

/// How long a writer waits for readers: a look-up in a second window holds its shared lock
/// while it opens (a screen reopening after a full disk met one), and readers are brief.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_secs(1);

/// Takes the exclusive lock on `dir`'s `otter.lock`: a second writer is refused at once
/// instead of waiting for it to end; readers opening beside are waited out for up to
/// [`LOCK_PATIENCE`].
fn lock_dir(dir: &Path) -> Result<Arc<File>, StoreError> {
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_FILE))?;
    let started = std::time::Instant::now();
    loop {
        match lock.try_lock() {
            Ok(()) => return Ok(Arc::new(lock)),
            Err(std::fs::TryLockError::WouldBlock)
                if started.elapsed() < LOCK_PATIENCE && only_readers_hold(dir)? =>
            {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(StoreError::InUse(dir.to_path_buf()));
            }
            Err(std::fs::TryLockError::Error(err)) => return Err(StoreError::Io(err)),
        }
    }
}

/// Whether the lock that refused a writer is shared (readers), not another writer's: a
/// second handle is granted a shared lock then, given back as the handle closes. (Probing
/// with the writer's own handle needed an unlock, which Wine refused with a lock violation
/// while the readers held theirs.)
fn only_readers_hold(dir: &Path) -> Result<bool, StoreError> {
    let probe = File::open(dir.join(LOCK_FILE))?;
    match probe.try_lock_shared() {
        Ok(()) => Ok(true),
        Err(std::fs::TryLockError::WouldBlock) => Ok(false),
        Err(std::fs::TryLockError::Error(err)) => Err(StoreError::Io(err)),
    }
}

/// A shared lock on `dir`'s `otter.lock`, taken without creating or writing anything, so that
/// no writer starts (and tidies, migrates or rewrites) while readers open; with whether a
/// writer holds it already, in which case the reader reads beside it without the lock.
/// `None` when there is no lock file (only a writer creates one), so the caller opens as a
/// writer.
fn lock_to_read(dir: &Path) -> Result<Option<(Arc<File>, bool)>, StoreError> {
    let lock = match File::open(dir.join(LOCK_FILE)) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(StoreError::Io(err)),
    };
    match lock.try_lock_shared() {
        Ok(()) => Ok(Some((Arc::new(lock), false))),
        Err(std::fs::TryLockError::WouldBlock) => Ok(Some((Arc::new(lock), true))),
        Err(std::fs::TryLockError::Error(err)) => Err(StoreError::Io(err)),
    }
}

#[cfg(unix)]
fn dir_writable(dir: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(path) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return false;
    };
    // access(2) answers for the mount too: a read-only file system is not writable to root.
    // SAFETY: `path` is a valid C string that outlives the call.
    unsafe { libc::access(path.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn dir_writable(dir: &Path) -> bool {
    std::fs::metadata(dir).is_ok_and(|meta| !meta.permissions().readonly())
}

/// 32 random hex digits: an id no other database or command will make (a calendar's, an
/// inbox line's).
fn random_id() -> String {
    let mut bytes = [0u8; 16];
    chacha20poly1305::aead::rand_core::RngCore::fill_bytes(
        &mut chacha20poly1305::aead::OsRng,
        &mut bytes,
    );
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Where an event is kept: its case and its place in the case's history (`CaseEvent::seq`),
/// as the events' keys are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventAt {
    pub case: CaseId,
    seq: u32,
}

impl EventAt {
    fn from_key(key: &[u8]) -> Option<EventAt> {
        let case = CaseId::from_key(key.get(..8)?)?;
        let seq = u32::from_be_bytes(key.get(8..)?.try_into().ok()?);
        Some(EventAt { case, seq })
    }

    fn key(&self) -> Vec<u8> {
        [self.case.to_key().as_slice(), &self.seq.to_be_bytes()].concat()
    }
}

fn dangling(index: &str) -> StoreError {
    StoreError::Damaged(format!("{index}: entry without record"))
}

/// A sled database of another program placed straight in the data directory.
fn looks_like_foreign_sled(dir: &Path) -> bool {
    dir.join("conf").is_file() && dir.join("db").is_file()
}

/// A writer's database as every test that opens sled itself wants it.
#[cfg(test)]
fn open_sled_with_patience(path: &Path, cache: u64) -> Result<sled::Db, StoreError> {
    open_sled_durable(path, cache, Durability::EachWrite)
}

/// When a writer's sled makes its writes durable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Durability {
    /// Each write of the log waits for the disk: a commit survives a crash once it returns.
    EachWrite,
    /// The log is synced at a flush only: for a database built beside the live one, which
    /// counts for nothing until it is flushed whole and swapped in, so that its fill waits
    /// for the disk at its flushes instead of at every write (vendor/README.md, the eighth
    /// change).
    AtFlush,
}

/// A writer's database, its writes made durable as `durability`. With otter's own lock held,
/// a busy sled lock can only belong to an otter that is just closing (sled's flusher thread
/// lets go a moment after the database is dropped): wait for it a little instead of refusing.
fn open_sled_durable(
    path: &Path,
    cache: u64,
    durability: Durability,
) -> Result<sled::Db, StoreError> {
    let open = || open_sled_config(path, false, cache, durability);
    for _ in 0..50 {
        match open() {
            Err(StoreError::InUse(_)) => std::thread::sleep(std::time::Duration::from_millis(20)),
            other => return other,
        }
    }
    open()
}

/// A read-only open. Beside a writer it can catch the writer's log mid-write: sled then
/// finds the log's tail in a state no finished write leaves (seen: a segment it cannot place,
/// a panic read as damage), and the look-up said "damaged" and proposed `restore --force`.
/// Opened again a moment later it reads what the writer finished, as a read that meets a
/// moved page is read again (`Store::read`). Without a writer, damage is damage at once.
fn open_sled_to_read(path: &Path, cache: u64, beside_writer: bool) -> Result<sled::Db, StoreError> {
    let mut tries = 1;
    loop {
        match open_sled(path, true, cache) {
            Err(err) if beside_writer && tries < READ_TRIES && err.moved() => {
                // A little longer each time: a slow disk (or Wine) takes longer to finish.
                std::thread::sleep(std::time::Duration::from_millis(10 * u64::from(tries)));
                tries += 1;
            }
            other => return other,
        }
    }
}

fn open_sled(path: &Path, read_only: bool, cache: u64) -> Result<sled::Db, StoreError> {
    open_sled_config(path, read_only, cache, Durability::EachWrite)
}

fn open_sled_config(
    path: &Path,
    read_only: bool,
    cache: u64,
    durability: Durability,
) -> Result<sled::Db, StoreError> {
    // sled 0.34 panics on some kinds of damage instead of returning an error; a damaged file
    // must give a message, so the panic is caught here and its default report silenced. The
    // hook is global: two opens at once (tests run in threads) would otherwise each restore
    // the other's silent hook and leave it in place for good.
    static HOOK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _swapping = HOOK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| {
        sled::Config::new()
            .path(path)
            .cache_capacity(cache)
            .read_only(read_only)
            .sync_on_flush_only(durability == Durability::AtFlush)
            .open()
    });
    std::panic::set_hook(quiet);
    let Ok(result) = result else {
        return Err(StoreError::Damaged(path.display().to_string()));
    };
    if result.is_ok() && !read_only {
        make_private(path);
    }
    result.map_err(|err| match err {
        sled::Error::Io(io) if io.kind() == std::io::ErrorKind::Other => {
            // sled's own lock, taken if another program opened the files without our lock.
            if io.to_string().contains("could not acquire lock") {
                StoreError::InUse(path.to_path_buf())
            } else {
                StoreError::Damaged(io.to_string())
            }
        }
        other => other.into(),
    })
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_crypto;
#[cfg(test)]
mod tests_digest;
#[cfg(test)]
mod tests_fault;
#[cfg(test)]
mod tests_read;
#[cfg(test)]
mod tests_search_text;
