//! A write: records and the index entries derived from them, applied
//! together or not at all, and on disk when `commit` returns.

use std::collections::BTreeMap;

use super::codec;
use super::digest::Touched;
use super::records::{IndexEntry, Record, TreeId};
use super::{Store, StoreError};

#[derive(Debug, Clone)]
pub enum Write {
    Put(Vec<u8>),
    Remove,
}

pub struct Tx<'s> {
    pub(super) store: &'s Store,
    pub(super) writes: BTreeMap<(TreeId, Vec<u8>), Write>,
    /// Keys that must not exist yet: a new record never silently replaces another.
    pub(super) must_be_new: Vec<(TreeId, Vec<u8>)>,
    /// Bytes of the records' values put so far (their index entries are small beside them).
    bytes: usize,
    /// The cases and actions written, whose digests are written again before committing.
    pub(super) touched: Touched,
    /// The cases, actions, decisions and notes written, whose search texts are written again
    /// before committing.
    pub(super) texts: super::search_text::Touched,
}

impl Store {
    /// Writes a tree derived from records (the digests, the search texts) again from every
    /// record of `sources`, for a migration step: the tree cleared, then each record noted by
    /// `note` (which returns how many the write holds) and written by `Tx` before it commits,
    /// in writes of 4,096 so a large school is not held in one transaction. Killed half-way
    /// the step runs again from the start (the schema version is written after it), and
    /// running it twice writes the same values.
    pub(super) fn derive_again(
        &self,
        derived: TreeId,
        sources: &[TreeId],
        note: impl Fn(&mut Tx<'_>, TreeId, &[u8]) -> usize,
    ) -> Result<(), StoreError> {
        self.tree(derived).clear()?;
        let mut tx = self.tx();
        for &tree in sources {
            for key in self.tree(tree).iter().keys() {
                if note(&mut tx, tree, &key?) >= 4_096 {
                    std::mem::replace(&mut tx, self.tx()).commit()?;
                }
            }
        }
        tx.commit()
    }
}

impl<'s> Tx<'s> {
    pub(super) fn new(store: &'s Store) -> Tx<'s> {
        Tx {
            store,
            writes: BTreeMap::new(),
            must_be_new: Vec::new(),
            bytes: 0,
            touched: Touched::default(),
            texts: Default::default(),
        }
    }

    /// Number of records and entries to be written.
    pub fn len(&self) -> usize {
        self.writes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }

    /// Bytes of the record values to be written, so that a bulk fill can bound its chunks by
    /// size as well as by count.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Adds a record that must not exist yet. No old record is read: if one exists, `commit`
    /// refuses the whole write.
    pub fn insert<R: Record>(&mut self, record: &R) -> Result<(), StoreError> {
        self.must_be_new.push((R::TREE, record.key()));
        self.write(record, None)
    }

    /// Writes a record, new or changed, with its indexes.
    pub fn put<R: Record>(&mut self, record: &R) -> Result<(), StoreError> {
        let old = self.current(&record.key())?;
        self.write(record, old)
    }

    fn write<R: Record>(&mut self, record: &R, old: Option<R>) -> Result<(), StoreError> {
        let key = record.key();
        let new_entries = record.index_entries();
        let old_entries = old.as_ref().map(Record::index_entries).unwrap_or_default();
        self.replace_entries(&old_entries, &new_entries);
        let value = codec::encode(self.store.cipher(), R::TREE, &key, record);
        self.bytes += value.len();
        self.touched.note(R::TREE, &key);
        self.texts.note(R::TREE, &key);
        self.writes.insert((R::TREE, key), Write::Put(value));
        Ok(())
    }

    /// Removes a record with its indexes.
    pub fn remove<R: Record>(&mut self, record: &R) -> Result<(), StoreError> {
        let key = record.key();
        let Some(old) = self.current::<R>(&key)? else {
            return Ok(());
        };
        self.replace_entries(&old.index_entries(), &[]);
        self.touched.note(R::TREE, &key);
        self.texts.note(R::TREE, &key);
        self.writes.insert((R::TREE, key), Write::Remove);
        Ok(())
    }

    /// Applies everything atomically and flushes, so the write survives a crash once this
    /// returns.
    pub fn commit(mut self) -> Result<(), StoreError> {
        self.write_digests()?;
        self.write_search_texts()?;
        self.store.apply(&self.writes, &self.must_be_new)
    }

    /// For filling an empty database: per-tree batches and one flush, not one transaction.
    /// Not atomic across trees; only `demo` uses it, on a database it refuses unless empty.
    pub fn commit_bulk(mut self) -> Result<(), StoreError> {
        self.write_digests()?;
        self.write_search_texts()?;
        self.store.apply_bulk(&self.writes)?;
        self.store.db.flush()?;
        Ok(())
    }

    /// `commit_bulk` without the flush, for a database built beside the live one: nothing
    /// of it counts until it is flushed whole and swapped in.
    pub(super) fn commit_unflushed(mut self) -> Result<(), StoreError> {
        self.write_digests()?;
        self.write_search_texts()?;
        self.store.apply_bulk(&self.writes)
    }

    pub(super) fn current<R: Record>(&self, key: &[u8]) -> Result<Option<R>, StoreError> {
        match self.writes.get(&(R::TREE, key.to_vec())) {
            Some(Write::Put(bytes)) => {
                codec::decode(self.store.cipher(), R::TREE, key, bytes).map(Some)
            }
            Some(Write::Remove) => Ok(None),
            None => self.store.get_raw::<R>(key),
        }
    }

    fn replace_entries(&mut self, old: &[IndexEntry], new: &[IndexEntry]) {
        for stale in old {
            if !new
                .iter()
                .any(|e| e.tree == stale.tree && e.key == stale.key)
            {
                self.writes
                    .insert((stale.tree, stale.key.clone()), Write::Remove);
            }
        }
        for fresh in new {
            self.writes.insert(
                (fresh.tree, fresh.key.clone()),
                Write::Put(fresh.value.clone()),
            );
        }
    }
}
