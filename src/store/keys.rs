//! The key slot in `meta`, unlocking a database, and changing its passphrase.
//!
//! A passphrase change re-seals every value under a NEW data key, in place and crash-safe:
//! first a change record goes to `meta` with the new key wrapped by the new passphrase AND by
//! the old data key, and the old key wrapped by the new one, so either passphrase reaches both
//! keys. Then every value is re-sealed; each carries the format byte of the key that sealed it,
//! so a half-done change is readable value by value. Last, one batch on `meta` puts the new slot
//! in place and removes the change record. An otter stopped anywhere in between finishes the
//! change when the database is next opened, with either passphrase.

use serde::{Deserialize, Serialize};

use super::cipher::{KdfParams, KeySlot, Passphrase, SEALED_A, StoreCipher};
use super::codec;
use super::records::TreeId;
use super::{Store, StoreError};

const SLOT_KEY: &[u8] = b"crypto/slot";
const CHANGE_KEY: &[u8] = b"crypto/change";

/// Where the passphrase comes from: a terminal prompt, `OTTER_PASSPHRASE`, a test.
pub trait Unlock {
    /// A new database: the passphrase that will protect it, or `None` for none.
    fn choose(&mut self) -> Result<Option<Passphrase>, StoreError>;
    /// The passphrase of an encrypted database, try `attempt` (from 1); `None` gives up.
    fn passphrase(&mut self, attempt: u32) -> Result<Option<Passphrase>, StoreError>;
    /// How many passphrases may be tried before the database is refused.
    fn tries(&self) -> u32 {
        1
    }
    /// Said before `passphrase` is asked for the database a restore replaces, which may
    /// have another passphrase than the backup.
    fn replacing(&mut self) {}
    /// Argon2id's cost for a new key slot.
    fn params(&self) -> KdfParams {
        KdfParams::STANDARD
    }
}

/// One passphrase (or none) given up front: for scripts and tests.
pub struct Given {
    pub passphrase: Option<Passphrase>,
    pub params: KdfParams,
}

impl Given {
    pub fn new(passphrase: Option<&str>) -> Given {
        Given {
            passphrase: passphrase.map(|p| Passphrase::new(p.to_string())),
            params: KdfParams::STANDARD,
        }
    }
}

impl Unlock for Given {
    fn choose(&mut self) -> Result<Option<Passphrase>, StoreError> {
        Ok(self.passphrase.clone())
    }

    fn passphrase(&mut self, attempt: u32) -> Result<Option<Passphrase>, StoreError> {
        Ok(self.passphrase.clone().filter(|_| attempt == 1))
    }

    fn params(&self) -> KdfParams {
        self.params
    }
}

/// A passphrase change under way (see the module comment).
#[derive(Serialize, Deserialize)]
struct Change {
    /// The new passphrase's slot; `None` when encryption is being turned off.
    slot: Option<KeySlot>,
    /// New data key sealed by the old one (when both exist).
    new_by_old: Option<Vec<u8>>,
    /// Old data key sealed by the new one (when both exist).
    old_by_new: Option<Vec<u8>>,
}

/// The keys of an opened database: the one in force and, mid-change, the one it goes to.
struct Keys {
    old: Option<StoreCipher>,
    new: Option<Option<StoreCipher>>,
}

impl Store {
    /// Whether values are sealed (a key slot or a change to one is stored).
    pub(super) fn has_keys(&self) -> Result<bool, StoreError> {
        let meta = self.tree(TreeId::Meta);
        Ok(meta.contains_key(SLOT_KEY)? || meta.contains_key(CHANGE_KEY)?)
    }

    /// Whether a passphrase change stopped before its end, to be finished by a writer.
    pub(super) fn change_pending(&self) -> Result<bool, StoreError> {
        Ok(self.tree(TreeId::Meta).contains_key(CHANGE_KEY)?)
    }

    /// Encrypts a new, empty database with `passphrase`.
    pub(super) fn protect(
        &mut self,
        passphrase: &str,
        params: KdfParams,
    ) -> Result<(), StoreError> {
        let cipher = StoreCipher::generate(SEALED_A);
        let slot = KeySlot::new(passphrase, params, &cipher)?;
        self.tree(TreeId::Meta).insert(SLOT_KEY, to_json(&slot))?;
        self.db.flush()?;
        self.cipher = Some(cipher);
        Ok(())
    }

    /// Asks `unlock` for the passphrase up to its number of tries, then finishes an
    /// interrupted passphrase change.
    pub(super) fn unlock(&mut self, unlock: &mut dyn Unlock) -> Result<(), StoreError> {
        let mut attempt = 0;
        let keys = loop {
            attempt += 1;
            if attempt > unlock.tries() {
                return Err(StoreError::WrongPassphrase);
            }
            let Some(passphrase) = unlock.passphrase(attempt)? else {
                return Err(StoreError::Encrypted);
            };
            match self.keys(&passphrase) {
                Err(StoreError::WrongPassphrase) => continue,
                other => break other?,
            }
        };
        match keys.new {
            Some(new) => {
                self.finish_change(keys.old.as_ref(), new.as_ref(), None)?;
                self.cipher = new;
            }
            None => self.cipher = keys.old,
        }
        Ok(())
    }

    /// Whether `passphrase` is this database's (the idle lock asks it again).
    pub fn passphrase_matches(&self, passphrase: &str) -> Result<bool, StoreError> {
        match self.slot()? {
            Some(slot) => match slot.open(passphrase) {
                Ok(_) => Ok(true),
                Err(StoreError::WrongPassphrase) => Ok(false),
                Err(other) => Err(other),
            },
            None => Ok(false),
        }
    }

    /// Gives the fresh database `to` (built beside this one) this one's data key and key
    /// slot, so that what is copied into it is sealed as before and opens with the same
    /// passphrase.
    pub(super) fn share_keys(&self, to: &mut Store) -> Result<(), StoreError> {
        if let Some(slot) = self.tree(TreeId::Meta).get(SLOT_KEY)? {
            to.tree(TreeId::Meta).insert(SLOT_KEY, slot)?;
        }
        to.cipher = self.cipher.clone();
        Ok(())
    }

    pub fn is_encrypted(&self) -> bool {
        self.cipher.is_some()
    }

    /// Seals a whole file with this database's data key and a copy of its key slot, so it
    /// opens later with today's passphrase (`cipher::open_file`); `None` when the database is
    /// not encrypted.
    pub fn seal_file(&self, kind: &str, plain: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        match (&self.cipher, self.slot()?) {
            (Some(cipher), Some(slot)) => Ok(Some(cipher.seal_file(&slot, kind, plain))),
            _ => Ok(None),
        }
    }

    /// Re-seals every value under a new data key protected by `new` (or turns encryption off
    /// with `None`). The database must be open (unlocked).
    pub fn change_passphrase(
        &mut self,
        new: Option<&str>,
        params: KdfParams,
    ) -> Result<(), StoreError> {
        self.change_passphrase_until(new, params, None)
    }

    /// `stop_after`: stop after re-sealing that many values, as a crash would (for tests).
    pub(super) fn change_passphrase_until(
        &mut self,
        new: Option<&str>,
        params: KdfParams,
        stop_after: Option<usize>,
    ) -> Result<(), StoreError> {
        // The old values stay in sled's files, and the old backups open with the old
        // passphrase: purged afterwards, and at the next open if that never comes.
        let mark = super::erase::REWRITE_PENDING;
        self.tree(TreeId::Meta).insert(mark, &[1])?;
        let old = self.cipher.take();
        let target = new.map(|_| {
            StoreCipher::generate(old.as_ref().map_or(SEALED_A, StoreCipher::other_format))
        });
        let slot = match (new, &target) {
            (Some(passphrase), Some(cipher)) => Some(KeySlot::new(passphrase, params, cipher)?),
            _ => None,
        };
        let change = Change {
            slot,
            new_by_old: both(&old, &target).map(|(old, new)| new.wrap_with(old)),
            old_by_new: both(&old, &target).map(|(old, new)| old.wrap_with(new)),
        };
        let outcome = self
            .tree(TreeId::Meta)
            .insert(CHANGE_KEY, to_json(&change))
            .map_err(StoreError::from)
            .and_then(|_| self.db.flush().map_err(StoreError::from))
            .and_then(|_| self.finish_change(old.as_ref(), target.as_ref(), stop_after));
        match outcome {
            Ok(()) => {
                self.cipher = target;
                Ok(())
            }
            Err(err) => {
                self.cipher = old;
                Err(err)
            }
        }
    }

    fn slot(&self) -> Result<Option<KeySlot>, StoreError> {
        self.tree(TreeId::Meta)
            .get(SLOT_KEY)?
            .map(|bytes| from_json(&bytes, "key slot"))
            .transpose()
    }

    fn change(&self) -> Result<Option<Change>, StoreError> {
        self.tree(TreeId::Meta)
            .get(CHANGE_KEY)?
            .map(|bytes| from_json(&bytes, "passphrase change"))
            .transpose()
    }

    /// The keys `passphrase` reaches: through the slot in force, or mid-change through the
    /// new one.
    fn keys(&self, passphrase: &str) -> Result<Keys, StoreError> {
        let slot = self.slot()?;
        let change = self.change()?;
        let through_old = match &slot {
            Some(slot) => match slot.open(passphrase) {
                Err(StoreError::WrongPassphrase) => None,
                other => Some(other?),
            },
            None => None,
        };
        if let Some(old) = through_old {
            let new = match &change {
                None => None,
                Some(Change {
                    slot: Some(new_slot),
                    new_by_old: Some(wrapped),
                    ..
                }) => Some(Some(old.unwrap(new_slot.format, wrapped)?)),
                Some(Change { slot: None, .. }) => Some(None),
                Some(_) => return Err(damaged_change()),
            };
            return Ok(Keys {
                old: Some(old),
                new,
            });
        }
        let Some(Change {
            slot: Some(new_slot),
            old_by_new,
            ..
        }) = &change
        else {
            return Err(StoreError::WrongPassphrase);
        };
        let new = new_slot.open(passphrase)?;
        let old = match (&slot, old_by_new) {
            (Some(slot), Some(wrapped)) => Some(new.unwrap(slot.format, wrapped)?),
            (None, _) => None,
            (Some(_), None) => return Err(damaged_change()),
        };
        Ok(Keys {
            old,
            new: Some(Some(new)),
        })
    }

    /// Re-seals what is not yet under `new`, then puts the new slot in force in one batch.
    fn finish_change(
        &self,
        old: Option<&StoreCipher>,
        new: Option<&StoreCipher>,
        stop_after: Option<usize>,
    ) -> Result<(), StoreError> {
        // Either plain form is done when the target is no key: the digests are binary.
        let is_done = |value: &[u8]| match new {
            Some(new) => value.first() == Some(&new.format()),
            None => codec::is_plain(value),
        };
        let mut done = 0;
        for &tree_id in TreeId::ALL.iter() {
            let tree = self.tree(tree_id);
            for item in tree.iter() {
                let (key, value) = item?;
                if !codec::is_codec_value(tree_id, &key) || is_done(&value) {
                    continue;
                }
                if stop_after == Some(done) {
                    self.db.flush()?;
                    return Err(StoreError::Interrupted);
                }
                let plain = codec::open(old, tree_id, &key, &value)?;
                tree.insert(&key, codec::seal(new, tree_id, &key, &plain))?;
                done += 1;
            }
        }
        self.db.flush()?;
        let slot = self.change()?.ok_or_else(damaged_change)?.slot;
        let mut batch = sled::Batch::default();
        match slot {
            Some(slot) => batch.insert(SLOT_KEY, to_json(&slot)),
            None => batch.remove(SLOT_KEY),
        }
        batch.remove(CHANGE_KEY);
        self.tree(TreeId::Meta).apply_batch(batch)?;
        self.db.flush()?;
        Ok(())
    }
}

fn both<'a>(
    old: &'a Option<StoreCipher>,
    new: &'a Option<StoreCipher>,
) -> Option<(&'a StoreCipher, &'a StoreCipher)> {
    old.as_ref().zip(new.as_ref())
}

fn damaged_change() -> StoreError {
    StoreError::Damaged("meta: passphrase change".into())
}

fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    // Our own plain structs serialise.
    serde_json::to_vec(value).expect("key material serialises")
}

fn from_json<T: serde::de::DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T, StoreError> {
    serde_json::from_slice(bytes).map_err(|_| StoreError::Damaged(format!("meta: {what}")))
}
