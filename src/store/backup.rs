//! Backup and restore (docs/backup-format.md): the records of every record tree and the meta
//! settings that are data, in one JSON document, never the derived indexes. A restore writes
//! the records through `Tx` into a database built beside the live one, so its indexes are
//! rebuilt from the records and it is consistent by construction.
//!
//! The same walk over a store feeds three sinks: the JSON writer (a backup), a fresh store
//! (`Store::compact`) and, read back from a file, a fresh store again (a restore).

mod read;
mod rolling;

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::records::{Record, RecordKinds, TreeId, each_record_kind, record_trees};
use super::{
    Beside, DB_DIR, DRAFTS, NEXT_ID, OLD_PROMPT_DRAFT_KEY, SETTINGS, Store, StoreError, Tx, codec,
    schema,
};
use crate::domain::{AuditEntry, AuditKind};
pub use rolling::{KEEP_DEFAULT, KEEP_ENV, Reason, drop_all, keep, newest, parse_keep, rolling};

/// The first field of every backup: what the file is.
pub const FORMAT: &str = "otter-backup";
/// Bumped when the layout of the file changes; a newer one is refused.
pub const VERSION: u32 = 1;

/// Records per bulk write into a fresh store, as `demo` does (see its `CHUNK`).
pub(super) const CHUNK: usize = 3_000;
/// Bytes per bulk write into a fresh store. A chunk is held twice while it is written (the
/// write and sled's batch): counted only in records, the chunk of a large school's minutes
/// (722 of ~400 KB, fewer than `CHUNK`) held all 285 MB of them at once, twice.
pub(super) const CHUNK_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The backup file could not be read or written.
    #[error("{0}: {1}")]
    File(PathBuf, io::Error),
    #[error("not an otter backup: {0}")]
    NotBackup(PathBuf),
    #[error("backup of a newer otter: {0}")]
    Newer(PathBuf),
    #[error("backup damaged: {0}: {1}")]
    Damaged(PathBuf, Damage),
    #[error("restore refuses a non-empty database: {0}")]
    NotEmpty(PathBuf),
    /// The database a restore would replace is encrypted and its passphrase was not given:
    /// its audit log would be lost.
    #[error("restore needs the passphrase of the database it replaces: {0}")]
    LiveLocked(PathBuf),
    /// The database a restore would replace cannot be read, and `--force` was not given.
    #[error("restore over a damaged database needs --force: {0}")]
    LiveDamaged(PathBuf),
    /// A sealed backup and no passphrase to open it with.
    #[error("backup sealed: {0}")]
    Sealed(PathBuf),
    /// A sealed backup and a passphrase that does not open it.
    #[error("wrong passphrase for the backup {0}")]
    WrongPassphrase(PathBuf),
}

/// What is wrong with a damaged backup: the two that happen to files (cut short, a byte
/// changed) by where, the rest as the reader found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    StopsEarly {
        line: usize,
    },
    /// Where only: the reader's own text quotes the value, which may be a name.
    Unreadable {
        line: usize,
        column: usize,
    },
    /// A sealed backup cut short or changed: its seal does not hold.
    Seal,
    /// A well-formed file that breaks the format's rules (docs/backup-format.md).
    Other(String),
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Damage::StopsEarly { line } => write!(f, "the file stops early (line {line})"),
            Damage::Unreadable { line, column } => {
                write!(
                    f,
                    "a record otter cannot read (line {line}, column {column})"
                )
            }
            Damage::Seal => f.write_str("the sealed file is cut short or changed"),
            Damage::Other(detail) => f.write_str(detail),
        }
    }
}

impl BackupError {
    /// Writing a backup fails only on the disk or the store; as a store error it reads as one.
    pub(super) fn into_store(self) -> StoreError {
        match self {
            BackupError::Store(err) => err,
            BackupError::File(_, err) => StoreError::Io(err),
            other => StoreError::Io(io::Error::other(other.to_string())),
        }
    }
}

/// What a backup holds, counted per tree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub records: usize,
    pub trees: BTreeMap<&'static str, usize>,
    /// After a restore over a database: the erasures its audit log (kept) names. A backup
    /// made before one of them still holds what was erased, which is then back.
    #[serde(skip_serializing_if = "is_zero")]
    pub erasures_before: usize,
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

impl Summary {
    fn count(&mut self, tree: TreeId) {
        self.records += 1;
        *self.trees.entry(tree.name()).or_default() += 1;
    }
}

/// The settings in `meta` that are data: the id counters (ids are never reused, also not
/// after a restore) and every `settings/…` value (who uses this otter, the school's name, the
/// retention, the presentation mode), by the name after `settings/`. The schema version is
/// in the header; the key slot is not data (a sealed backup carries its own copy).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    next_id: BTreeMap<String, u64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    settings: BTreeMap<String, serde_json::Value>,
}

/// Where the walk over a store, or over a backup file, delivers what it finds, in order:
/// the meta settings, then each tree and its records by key.
trait Sink {
    fn meta(&mut self, meta: Meta) -> Result<(), BackupError>;
    fn tree(&mut self, tree: TreeId) -> Result<(), BackupError>;
    fn record<R: Record>(&mut self, record: &R) -> Result<(), BackupError>;
}

/// Writes a backup of `store` to the file `path` whole or not at all (`atomic::write`).
/// Every backup file, the command's and the rolling ones, is written here: encryption at
/// rest wraps this one function.
pub fn write_backup(store: &Store, path: &Path) -> Result<Summary, BackupError> {
    let failed = |err| BackupError::File(path.to_path_buf(), err);
    crate::atomic::write(path, failed, |out| write_to(store, out, path))
}

/// What a sealed backup is to its cipher: one kind of file cannot be passed off as another.
const SEALED_KIND: &str = "backup";

/// Writes a backup of `store` to `out` (`path` names it in errors). The backup of an
/// encrypted database is sealed whole with its data key and a copy of its key slot, so a
/// backup in the data directory holds no readable name either; it opens with the passphrase
/// in force when it was made.
pub fn write_to(store: &Store, out: &mut dyn Write, path: &Path) -> Result<Summary, BackupError> {
    if !store.is_encrypted() {
        return write_plain(store, out, path);
    }
    let mut plain = zeroize::Zeroizing::new(Vec::new());
    let summary = write_plain(store, &mut *plain, path)?;
    let sealed = store
        .seal_file(SEALED_KIND, &plain)?
        .ok_or_else(|| StoreError::Damaged("meta: key slot".into()))?;
    out.write_all(&sealed)
        .map_err(|err| BackupError::File(path.to_path_buf(), err))?;
    Ok(summary)
}

fn write_plain(store: &Store, out: &mut dyn Write, path: &Path) -> Result<Summary, BackupError> {
    let schema = store.schema_version()?.unwrap_or(schema::CURRENT);
    let mut json = Json {
        out,
        path,
        first_tree: true,
        first_record: true,
    };
    let header =
        format!("{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"schema\":{schema},\n\"meta\":");
    json.put(header.as_bytes())?;
    let summary = walk(store, &mut json)?;
    json.put(b"\n]\n}}\n")?;
    Ok(summary)
}

/// Reads a backup from `input` to its end and checks it, writing nothing: the first pass of
/// `restore`, on its own for the fuzzer (fuzz/), which feeds it arbitrary bytes.
pub fn check(input: impl std::io::Read) -> Result<Summary, BackupError> {
    read::read_from(Path::new("-"), input, &mut Check)
}

/// Restores the backup `file` into the data directory `dir`: refused if the database there
/// holds records, unless `force`. The new database is built beside the live one and swapped
/// in, so a crash leaves the old or the new one whole; it keeps the live one's audit log.
pub fn restore(
    dir: &Path,
    file: &Path,
    force: bool,
    unlock: &mut dyn super::Unlock,
) -> Result<Summary, BackupError> {
    let opened = open_sealed(file, unlock)?;
    // The file is read whole twice. This first pass only checks it, so a damaged or
    // truncated backup is refused before anything else happens: before the live database is
    // opened, before anyone is asked for a passphrase, and before the new database is begun.
    // Filling that in one pass would also leave the live one untouched, but would stop half-
    // way through a new, half-written database, after the questions.
    let mut summary = read_into(file, opened.as_ref(), &mut Check)?;
    let lock = super::claim(dir)?;
    let backup_passphrase = opened.as_ref().map(|(_, passphrase)| passphrase);
    let earlier = live_log(dir, &lock, force, backup_passphrase, unlock)?;
    summary.erasures_before = earlier
        .iter()
        .filter(|entry| matches!(entry.kind, AuditKind::Erasure | AuditKind::RetentionErasure))
        .count();
    // Filled in one pass, each page written about once: a cache for a stream keeps a large
    // school's restore in bounded memory.
    let mut beside = Beside::start(dir, lock, super::STREAM_CACHE_BYTES)?;
    // A sealed backup comes back under the passphrase that opened it; a plain one is a new
    // database, protected as any new one is.
    let passphrase = match &opened {
        Some((_, passphrase)) => Some(passphrase.clone()),
        None => unlock.choose()?,
    };
    if let Some(passphrase) = passphrase {
        beside.store_mut().protect(&passphrase, unlock.params())?;
    }
    let mut fill = Fill::new(beside.store());
    read_into(file, opened.as_ref(), &mut fill)?;
    fill.finish()?;
    // A backup of a database from before schema 4 has cases without a pseudonym.
    beside.store().give_pseudonyms_beside()?;
    carry_audit(earlier, beside.store())?;
    let restored = beside.finish()?;
    // The restored database records its own restore, after the log the backup brought.
    let now = chrono::Local::now().naive_local();
    restored.audit(AuditEntry::new(now, AuditKind::Restore, "otter restore"))?;
    Ok(summary)
}

/// Reads the backup `file` into `sink`: from its opened bytes if it was sealed.
fn read_into<S: Sink>(
    file: &Path,
    opened: Option<&Opened>,
    sink: &mut S,
) -> Result<Summary, BackupError> {
    match opened {
        Some((plain, _)) => read::read_from(file, &plain[..], sink),
        None => read::read(file, sink),
    }
}

/// A sealed backup's plain bytes and the passphrase that opened them.
type Opened = (zeroize::Zeroizing<Vec<u8>>, super::Passphrase);

/// A sealed backup's plain bytes and the passphrase that opened them (asked as `unlock`
/// asks for a database's), or `None` for a plain backup.
fn open_sealed(file: &Path, unlock: &mut dyn super::Unlock) -> Result<Option<Opened>, BackupError> {
    let failed = |err| BackupError::File(file.to_path_buf(), err);
    let mut start = [0u8; 16];
    let mut opened = std::fs::File::open(file).map_err(failed)?;
    let read = std::io::Read::read(&mut opened, &mut start).map_err(failed)?;
    if !super::cipher::is_sealed_file(&start[..read]) {
        return Ok(None);
    }
    let bytes = std::fs::read(file).map_err(failed)?;
    // What fails here is the file's, not a database's: named as the backup's.
    for attempt in 1..=unlock.tries() {
        let Some(passphrase) = unlock.passphrase(attempt)? else {
            return Err(BackupError::Sealed(file.to_path_buf()));
        };
        match super::cipher::open_file(&bytes, SEALED_KIND, &passphrase) {
            Ok(plain) => return Ok(Some((plain, passphrase))),
            Err(StoreError::WrongPassphrase) => continue,
            Err(StoreError::Damaged(_)) => {
                return Err(BackupError::Damaged(file.to_path_buf(), Damage::Seal));
            }
            Err(other) => return Err(other.into()),
        }
    }
    Err(BackupError::WrongPassphrase(file.to_path_buf()))
}

/// Copies every record and the meta settings of `from` into the fresh store `to`.
pub(super) fn copy(from: &Store, to: &Store) -> Result<(), StoreError> {
    let mut fill = Fill::new(to);
    walk(from, &mut fill).map_err(BackupError::into_store)?;
    fill.finish()?;
    carry_drafts(from, to)?;
    carry_audit(from.audit_log()?, to)
}

/// A draft is in no backup file either, but a database rebuilt beside the old one keeps it:
/// an answer half typed survives a migration or a passphrase change. Copied as stored: the
/// fresh store has the same key (`share_keys`), and a sealed value is bound to its tree and
/// key, which stay the same.
fn carry_drafts(from: &Store, to: &Store) -> Result<(), StoreError> {
    for item in from.tree(TreeId::Meta).scan_prefix(DRAFTS) {
        let (key, bytes) = item?;
        to.tree(TreeId::Meta).insert(key, bytes)?;
    }
    Ok(())
}

/// The audit log is the installation's, not the school's data: it is in no backup file (a
/// restore of an old backup must not rewind it, and two backups of the same data stay the
/// same bytes), but it comes along into a database rebuilt beside the old one.
fn carry_audit(entries: Vec<AuditEntry>, to: &Store) -> Result<(), StoreError> {
    let Some(last) = entries.iter().map(|entry| entry.seq).max() else {
        return Ok(());
    };
    let mut tx = to.tx();
    for entry in &entries {
        tx.insert(entry)?;
    }
    tx.commit()?;
    let counter = [NEXT_ID, TreeId::Audit.name().as_bytes()].concat();
    to.tree(TreeId::Meta).insert(counter, &last.to_be_bytes())?;
    Ok(())
}

/// The audit log of the database a restore replaces, from the one open of it that also
/// decides whether it may be replaced: not while it holds records, unless `force`. The log
/// is kept, never dropped in silence (docs/privacy.md, "Auditlog"): a sealed one is opened
/// with the backup's passphrase, else with the one `unlock` gives for the live database, and
/// without that the restore is refused. Only a database otter cannot read at all, which
/// `--force` is there to replace, takes its log with it.
fn live_log(
    dir: &Path,
    lock: &Arc<std::fs::File>,
    force: bool,
    backup_passphrase: Option<&super::Passphrase>,
    unlock: &mut dyn super::Unlock,
) -> Result<Vec<AuditEntry>, BackupError> {
    if !dir.join(DB_DIR).is_dir() {
        return Ok(Vec::new());
    }
    let read = |unlock: &mut dyn super::Unlock| -> Result<Vec<AuditEntry>, BackupError> {
        let (mut live, _) = Store::open_locked(dir, &dir.join(DB_DIR), Arc::clone(lock))?;
        if !force && !live.is_empty() {
            return Err(BackupError::NotEmpty(dir.to_path_buf()));
        }
        if live.count(TreeId::Audit) == 0 {
            return Ok(Vec::new());
        }
        if live.has_keys()? {
            unlock_live(&mut live, backup_passphrase, unlock)?;
        }
        Ok(live.audit_log()?)
    };
    match read(unlock) {
        Err(BackupError::Store(StoreError::Damaged(_))) if force => Ok(Vec::new()),
        // The damage message sends people here; this says how, instead of saying it again.
        Err(BackupError::Store(StoreError::Damaged(_))) => {
            Err(BackupError::LiveDamaged(dir.to_path_buf()))
        }
        other => other,
    }
}

/// Unlocks the live database a restore replaces: with the backup's passphrase if it is the
/// same, else with the one `unlock` gives for it, after saying which database it is for.
fn unlock_live(
    live: &mut Store,
    backup_passphrase: Option<&super::Passphrase>,
    unlock: &mut dyn super::Unlock,
) -> Result<(), BackupError> {
    if let Some(passphrase) = backup_passphrase {
        match live.unlock(&mut super::Given::new(Some(passphrase.as_str()))) {
            Err(StoreError::WrongPassphrase) => {}
            other => return Ok(other?),
        }
    }
    unlock.replacing();
    match live.unlock(unlock) {
        Err(StoreError::WrongPassphrase | StoreError::Encrypted) => {
            Err(BackupError::LiveLocked(live.dir().to_path_buf()))
        }
        other => Ok(other?),
    }
}

/// The meta settings, then every record tree (`each_record_kind`) by key, into `sink`. The
/// index trees are left out: whatever the records go into derives them from the records.
fn walk<S: Sink>(store: &Store, sink: &mut S) -> Result<Summary, BackupError> {
    sink.meta(read_meta(store)?)?;
    let mut walk = Walk {
        store,
        sink,
        summary: Summary::default(),
    };
    each_record_kind(&mut walk)?;
    Ok(walk.summary)
}

struct Walk<'a, S> {
    store: &'a Store,
    sink: &'a mut S,
    summary: Summary,
}

impl<S: Sink> RecordKinds for Walk<'_, S> {
    type Error = BackupError;

    fn kind<R: Record>(&mut self) -> Result<(), BackupError> {
        self.sink.tree(R::TREE)?;
        self.summary.trees.entry(R::TREE.name()).or_default();
        for record in self.store.all::<R>() {
            self.sink.record(&record?)?;
            self.summary.count(R::TREE);
        }
        Ok(())
    }
}

fn read_meta(store: &Store) -> Result<Meta, StoreError> {
    let mut next_id = BTreeMap::new();
    for item in store.tree(TreeId::Meta).scan_prefix(NEXT_ID) {
        let (key, value) = item?;
        let name = String::from_utf8_lossy(&key[NEXT_ID.len()..]).into_owned();
        if record_tree(&name).is_none() {
            continue;
        }
        let value: [u8; 8] = value
            .as_ref()
            .try_into()
            .map_err(|_| StoreError::Damaged("meta: id counter".into()))?;
        next_id.insert(name, u64::from_be_bytes(value));
    }
    let mut settings = BTreeMap::new();
    for item in store.tree(TreeId::Meta).scan_prefix(SETTINGS) {
        let (key, bytes) = item?;
        // Left by an otter before drafts left the settings, if no writer opened it since.
        if key == OLD_PROMPT_DRAFT_KEY {
            continue;
        }
        let name = String::from_utf8_lossy(&key[SETTINGS.len()..]).into_owned();
        let value = codec::decode(store.cipher(), TreeId::Meta, &key, &bytes)?;
        settings.insert(name, value);
    }
    Ok(Meta { next_id, settings })
}

fn record_tree(name: &str) -> Option<TreeId> {
    record_trees().into_iter().find(|tree| tree.name() == name)
}

/// The JSON document, one record a line, so that two backups of the same data are the same
/// bytes and a person can read (and `diff`) one.
struct Json<'o> {
    out: &'o mut dyn Write,
    path: &'o Path,
    first_tree: bool,
    first_record: bool,
}

impl Json<'_> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), BackupError> {
        self.out
            .write_all(bytes)
            .map_err(|err| BackupError::File(self.path.to_path_buf(), err))
    }

    fn value<T: Serialize>(&mut self, value: &T) -> Result<(), BackupError> {
        serde_json::to_writer(&mut self.out, value)
            .map_err(|err| BackupError::File(self.path.to_path_buf(), err.into()))
    }
}

impl Sink for Json<'_> {
    fn meta(&mut self, meta: Meta) -> Result<(), BackupError> {
        self.value(&meta)?;
        self.put(b",\n\"trees\":{")
    }

    fn tree(&mut self, tree: TreeId) -> Result<(), BackupError> {
        let close = if self.first_tree { "" } else { "\n]," };
        self.first_tree = false;
        self.first_record = true;
        self.put(format!("{close}\n\"{}\":[", tree.name()).as_bytes())
    }

    fn record<R: Record>(&mut self, record: &R) -> Result<(), BackupError> {
        let separator: &[u8] = if self.first_record { b"\n" } else { b",\n" };
        self.first_record = false;
        self.put(separator)?;
        self.value(record)
    }
}

/// Reads a backup through without writing: every record must decode, in order.
struct Check;

impl Sink for Check {
    fn meta(&mut self, _: Meta) -> Result<(), BackupError> {
        Ok(())
    }

    fn tree(&mut self, _: TreeId) -> Result<(), BackupError> {
        Ok(())
    }

    fn record<R: Record>(&mut self, _: &R) -> Result<(), BackupError> {
        Ok(())
    }
}

/// Fills a fresh store: records through `Tx` (so their indexes with them) in bulk chunks,
/// the meta settings last, and one flush at the end.
struct Fill<'s> {
    store: &'s Store,
    tx: Tx<'s>,
    meta: Option<Meta>,
}

impl<'s> Fill<'s> {
    fn new(store: &'s Store) -> Fill<'s> {
        Fill {
            store,
            tx: store.tx(),
            meta: None,
        }
    }

    /// The one flush: the fresh store counts for nothing until it is swapped in.
    fn finish(self) -> Result<(), StoreError> {
        self.tx.commit_unflushed()?;
        let meta_tree = self.store.tree(TreeId::Meta);
        if let Some(meta) = self.meta {
            for (name, next) in &meta.next_id {
                let key = [NEXT_ID, name.as_bytes()].concat();
                meta_tree.insert(key, &next.to_be_bytes())?;
            }
            for (name, value) in &meta.settings {
                let key = [SETTINGS, name.as_bytes()].concat();
                // A draft in a backup of an older otter: it may name a pupil, and the item it
                // was typed on may be another's by now.
                if key == OLD_PROMPT_DRAFT_KEY {
                    continue;
                }
                let sealed = codec::encode(self.store.cipher(), TreeId::Meta, &key, value);
                meta_tree.insert(key, sealed)?;
            }
        }
        self.store.db.flush()?;
        Ok(())
    }
}

impl Sink for Fill<'_> {
    fn meta(&mut self, meta: Meta) -> Result<(), BackupError> {
        self.meta = Some(meta);
        Ok(())
    }

    fn tree(&mut self, _: TreeId) -> Result<(), BackupError> {
        Ok(())
    }

    fn record<R: Record>(&mut self, record: &R) -> Result<(), BackupError> {
        // A fresh store: no old record to read, and the reader has checked that no key comes
        // twice.
        self.tx.insert(record)?;
        if self.tx.len() >= CHUNK || self.tx.bytes() >= CHUNK_BYTES {
            let full = std::mem::replace(&mut self.tx, self.store.tx());
            full.commit_unflushed()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
