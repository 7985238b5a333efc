//! Bulk writes in bounded chunks: a stress database would otherwise sit in memory twice,
//! once as records and once as encoded writes.

use crate::error::Result;
use crate::store::{Record, Store, TreeId, Tx};

pub struct Writer<'s> {
    store: &'s Store,
    tx: Tx<'s>,
    limit: usize,
    counts: [usize; TreeId::ALL.len()],
}

impl<'s> Writer<'s> {
    pub fn new(store: &'s Store, limit: usize) -> Writer<'s> {
        Writer {
            store,
            tx: store.tx(),
            limit,
            counts: [0; TreeId::ALL.len()],
        }
    }

    pub fn id(&self, tree: TreeId) -> Result<u64> {
        Ok(self.store.next_id(tree)?)
    }

    pub fn insert<R: Record>(&mut self, record: &R) -> Result<()> {
        self.tx.insert(record)?;
        self.counts[R::TREE.slot()] += 1;
        if self.tx.len() > self.limit {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        let full = std::mem::replace(&mut self.tx, self.store.tx());
        full.commit_bulk()?;
        Ok(())
    }

    /// Writes what is left; returns how many records went into each tree.
    pub fn finish(mut self) -> Result<[usize; TreeId::ALL.len()]> {
        self.flush()?;
        Ok(self.counts)
    }
}
