//! A write: records, the index entries derived from them and their search text, applied
//! together or not at all, and on disk when `commit` returns.

use std::collections::{BTreeMap, HashMap};

use super::codec;
use super::records::{IndexEntry, Record, TreeId};
use super::search::{Bucket, bucket_key};
use super::{Store, StoreError};
use crate::domain::fold::fold;

#[derive(Debug, Clone)]
pub enum Write {
    Put(Vec<u8>),
    Remove,
}

pub struct Tx<'s> {
    store: &'s Store,
    pub(super) writes: BTreeMap<(TreeId, Vec<u8>), Write>,
    /// Keys that must not exist yet: a new record never silently replaces another.
    pub(super) must_be_new: Vec<(TreeId, Vec<u8>)>,
    buckets: HashMap<Vec<u8>, Bucket>,
}

impl<'s> Tx<'s> {
    pub(super) fn new(store: &'s Store) -> Tx<'s> {
        Tx {
            store,
            writes: BTreeMap::new(),
            must_be_new: Vec::new(),
            buckets: HashMap::new(),
        }
    }

    /// Number of records and entries to be written.
    pub fn len(&self) -> usize {
        self.writes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }

    /// Adds a record that must not exist yet. No old record is read: if one exists, `commit`
    /// refuses the whole write.
    pub fn insert<R: Record>(&mut self, record: &R) -> Result<(), StoreError> {
        self.must_be_new.push((R::TREE, record.key()));
        self.write(record, None)
    }

    /// Writes a record, new or changed, with its indexes and search text.
    pub fn put<R: Record>(&mut self, record: &R) -> Result<(), StoreError> {
        let old = self.current(&record.key())?;
        self.write(record, old)
    }

    fn write<R: Record>(&mut self, record: &R, old: Option<R>) -> Result<(), StoreError> {
        let key = record.key();
        let new_entries = record.index_entries();
        let old_entries = old.as_ref().map(Record::index_entries).unwrap_or_default();
        self.replace_entries(&old_entries, &new_entries);
        let old_search = old.as_ref().and_then(Record::search_entry);
        let new_search = record.search_entry();
        if old_search != new_search {
            if let Some((id, _)) = old_search {
                self.set_search(R::TREE, id, None)?;
            }
            if let Some((id, text)) = new_search {
                self.set_search(R::TREE, id, Some(fold(&text)))?;
            }
        }
        self.writes
            .insert((R::TREE, key), Write::Put(codec::encode(record)));
        Ok(())
    }

    /// Removes a record with its indexes and search text.
    pub fn remove<R: Record>(&mut self, record: &R) -> Result<(), StoreError> {
        let key = record.key();
        let Some(old) = self.current::<R>(&key)? else {
            return Ok(());
        };
        self.replace_entries(&old.index_entries(), &[]);
        if let Some((id, _)) = old.search_entry() {
            self.set_search(R::TREE, id, None)?;
        }
        self.writes.insert((R::TREE, key), Write::Remove);
        Ok(())
    }

    /// Applies everything atomically and flushes, so the write survives a crash once this
    /// returns.
    pub fn commit(mut self) -> Result<(), StoreError> {
        self.stage_buckets();
        self.store.apply(&self.writes, &self.must_be_new)
    }

    /// For filling an empty database: per-tree batches and one flush, not one transaction.
    /// Not atomic across trees; only `demo` uses it, on a database it refuses unless empty.
    pub fn commit_bulk(mut self) -> Result<(), StoreError> {
        self.stage_buckets();
        self.store.apply_bulk(&self.writes)
    }

    fn stage_buckets(&mut self) {
        for (key, bucket) in std::mem::take(&mut self.buckets) {
            let write = if bucket.entries.is_empty() {
                Write::Remove
            } else {
                Write::Put(codec::encode_bytes(&bucket.to_bytes()))
            };
            self.writes.insert((TreeId::Search, key), write);
        }
    }

    fn current<R: Record>(&self, key: &[u8]) -> Result<Option<R>, StoreError> {
        match self.writes.get(&(R::TREE, key.to_vec())) {
            Some(Write::Put(bytes)) => codec::decode(R::TREE.name(), bytes).map(Some),
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

    fn set_search(
        &mut self,
        tree: TreeId,
        id: u64,
        folded: Option<String>,
    ) -> Result<(), StoreError> {
        let key = bucket_key(tree, id);
        if !self.buckets.contains_key(&key) {
            let stored = self.store.search_bucket(&key)?;
            self.buckets.insert(key.clone(), stored.unwrap_or_default());
        }
        if let Some(bucket) = self.buckets.get_mut(&key) {
            bucket.set(id, folded);
        }
        Ok(())
    }
}
