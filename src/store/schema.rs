//! The schema version and the path from older versions to this one.

use super::StoreError;

/// Version written by this otter. Bump it with a migration step when stored data changes shape
/// in a way `#[serde(default)]` cannot absorb.
pub const CURRENT: u32 = 1;

/// One step: rewrites a database of version `from` into version `from + 1`.
pub struct Step {
    pub from: u32,
    pub run: fn(&sled::Db) -> Result<(), StoreError>,
}

/// Steps of the released versions. Empty while there is one version; the mechanism is tested
/// with steps of its own.
pub const STEPS: &[Step] = &[];

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

/// Brings a database from `found` to `target` with `steps`, writing the version after each step
/// so an interrupted migration resumes where it stopped.
pub fn migrate(db: &sled::Db, found: u32, target: u32, steps: &[Step]) -> Result<(), StoreError> {
    if found > target {
        return Err(StoreError::Newer {
            found,
            supported: target,
        });
    }
    let meta = db.open_tree(super::records::TreeId::Meta.name())?;
    for version in found..target {
        let step = steps
            .iter()
            .find(|step| step.from == version)
            .ok_or(StoreError::NoMigration { from: version })?;
        (step.run)(db)?;
        meta.insert(VERSION_KEY, &(version + 1).to_be_bytes())?;
        db.flush()?;
    }
    Ok(())
}
