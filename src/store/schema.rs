//! The schema version and the path from older versions to this one.

use super::codec;
use super::records::{Record, TreeId};
use super::{Store, StoreError};
use crate::domain::{Case, CaseEvent};

/// Version written by this otter. Bump it with a migration step when stored data changes shape
/// in a way `#[serde(default)]` cannot absorb.
pub const CURRENT: u32 = 7;

/// One step: rewrites a database of version `from` into version `from + 1`. It gets the
/// store unlocked: a step that rewrites records seals them as the database is sealed.
pub struct Step {
    pub from: u32,
    pub run: fn(&Store) -> Result<(), StoreError>,
}

/// Steps of the released versions.
pub const STEPS: &[Step] = &[
    Step {
        from: 1,
        run: index_for_the_start_screen,
    },
    Step {
        from: 2,
        run: drop_search_buckets,
    },
    Step {
        from: 3,
        run: Store::give_pseudonyms,
    },
    Step {
        from: 4,
        run: Store::keep_passed_by,
    },
    Step {
        from: 5,
        run: Store::write_digests_again,
    },
    Step {
        from: 6,
        run: Store::keep_search_texts,
    },
];

/// 1 → 2: open cases by evaluation date and events by date, so the start screen reads only
/// what it shows. Rebuilt from the records; running it twice writes the same keys.
fn index_for_the_start_screen(store: &Store) -> Result<(), StoreError> {
    reindex::<Case>(&store.db, TreeId::OpenCasesByEvaluation)?;
    reindex::<CaseEvent>(&store.db, TreeId::EventsByDate)
}

/// 2 → 3: the search buckets held every name and note folded, in plain text on disk. Search
/// builds its index in memory now, so the tree goes.
fn drop_search_buckets(store: &Store) -> Result<(), StoreError> {
    store.db.drop_tree("search")?;
    Ok(())
}

fn reindex<R: Record>(db: &sled::Db, index: TreeId) -> Result<(), StoreError> {
    let records = db.open_tree(R::TREE.name())?;
    let target = db.open_tree(index.name())?;
    let mut batch = sled::Batch::default();
    let mut pending = 0;
    for item in records.iter() {
        let (key, bytes) = item?;
        // Schemas before 3 knew no encryption: their values are plain.
        let record: R = codec::decode(None, R::TREE, &key, &bytes)?;
        for entry in record.index_entries() {
            if entry.tree == index {
                batch.insert(entry.key, entry.value);
                pending += 1;
            }
        }
        // Small batches: sled keeps a batch's garbage alive until it is applied.
        if pending >= 3_000 {
            target.apply_batch(std::mem::take(&mut batch))?;
            pending = 0;
        }
    }
    target.apply_batch(batch)?;
    Ok(())
}

pub const VERSION_KEY: &[u8] = b"schema_version";

pub fn read_version(meta: &sled::Tree) -> Result<Option<u32>, StoreError> {
    let Some(bytes) = meta.get(VERSION_KEY)? else {
        return Ok(None);
    };
    let bytes: [u8; 4] = bytes
        .as_ref()
        .try_into()
        .map_err(|_| StoreError::Damaged("meta: schema version".into()))?;
    Ok(Some(u32::from_be_bytes(bytes)))
}

/// Whether a database of version `found` can be brought to `target`: refused before anything
/// is written (not even the backup made before a migration).
pub fn check(found: u32, target: u32, steps: &[Step]) -> Result<(), StoreError> {
    if found > target {
        return Err(StoreError::Newer {
            found,
            supported: target,
        });
    }
    match (found..target).find(|version| !steps.iter().any(|step| step.from == *version)) {
        Some(from) => Err(StoreError::NoMigration { from }),
        None => Ok(()),
    }
}

/// Brings a database from `found` to `target` with `steps`, writing the version after each step
/// so an interrupted migration resumes where it stopped.
pub fn migrate(store: &Store, found: u32, target: u32, steps: &[Step]) -> Result<(), StoreError> {
    check(found, target, steps)?;
    let meta = store.tree(TreeId::Meta);
    for version in found..target {
        let step = steps
            .iter()
            .find(|step| step.from == version)
            .ok_or(StoreError::NoMigration { from: version })?;
        (step.run)(store)?;
        meta.insert(VERSION_KEY, &(version + 1).to_be_bytes())?;
        store.db.flush()?;
    }
    Ok(())
}
