//! Encryption at rest: a random data key seals every value, and the passphrase only wraps that
//! key (the design of matrix-sdk's `StoreCipher`). Changing the passphrase rewraps or replaces
//! the data key; no value is ever sealed with a key derived from the passphrase itself.
//!
//! Sealed value: format byte ‖ nonce (24) ‖ ciphertext with tag, XChaCha20-Poly1305, the
//! associated data naming the format, the tree and the key, so a value moved to another key or
//! tree does not open. Nothing here is home-made: Argon2id (`argon2`), the AEAD
//! (`chacha20poly1305`), the wiping of secrets (`zeroize`).

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::{Aead, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::StoreError;

/// A passphrase as typed: wiped from memory when dropped.
pub type Passphrase = Zeroizing<String>;

const NONCE: usize = 24;
const KEY: usize = 32;
const SALT: usize = 16;
/// Associated data of a wrapped data key: a wrapped key cannot pass for a value.
const WRAP_AD: &[u8] = b"otter key slot v1";
/// The key derivation every slot names; another is refused rather than guessed at.
const KDF: &str = "argon2id-v19";
/// First bytes of a sealed file.
const FILE_MAGIC: &[u8] = b"OTTERSEALED1\n";

/// Argon2id's cost, stored with the salt in every key slot so a later otter can change the
/// default without locking anyone out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Passes over the memory.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl KdfParams {
    /// Tuned on the 2-core development machine to take about 0.4 s of processor time: a
    /// deliberate cost to every guess of a stolen laptop's passphrase (see docs/privacy.md).
    /// One lane: argon2 computes lanes one after the other without its `parallel` feature.
    pub const STANDARD: KdfParams = KdfParams {
        m_kib: 128 * 1024,
        t: 5,
        p: 1,
    };

    /// For tests only: the cipher is the same, the guessing cost negligible.
    #[cfg(test)]
    pub const FAST: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    fn derive(&self, passphrase: &str, salt: &[u8]) -> Result<Zeroizing<[u8; KEY]>, StoreError> {
        let damaged = |_| StoreError::Damaged("meta: key slot parameters".into());
        let params = Params::new(self.m_kib, self.t, self.p, Some(KEY)).map_err(damaged)?;
        let mut key = Zeroizing::new([0u8; KEY]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(passphrase.as_bytes(), salt, key.as_mut())
            .map_err(damaged)?;
        Ok(key)
    }
}

/// What the passphrase unlocks, kept in plain text in `meta`: the Argon2id parameters, the
/// salt, and the data key sealed with the derived key (its tag is the check: a wrong
/// passphrase fails to open it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeySlot {
    pub kdf: String,
    pub params: KdfParams,
    pub salt: Vec<u8>,
    /// Which format byte the values sealed by this data key carry.
    pub format: u8,
    /// nonce ‖ sealed data key
    pub wrapped: Vec<u8>,
}

impl KeySlot {
    /// Wraps `cipher`'s data key with a key derived from `passphrase` and a fresh salt.
    pub fn new(
        passphrase: &str,
        params: KdfParams,
        cipher: &StoreCipher,
    ) -> Result<KeySlot, StoreError> {
        let mut salt = vec![0u8; SALT];
        OsRng.fill_bytes(&mut salt);
        let wrapping = params.derive(passphrase, &salt)?;
        Ok(KeySlot {
            kdf: KDF.into(),
            params,
            salt,
            format: cipher.format,
            wrapped: seal_raw(&wrapping, WRAP_AD, cipher.key.as_ref()),
        })
    }

    /// The data key, or `WrongPassphrase`.
    pub fn open(&self, passphrase: &str) -> Result<StoreCipher, StoreError> {
        if self.kdf != KDF {
            return Err(StoreError::Damaged(format!(
                "meta: unknown key derivation {}",
                self.kdf
            )));
        }
        let wrapping = self.params.derive(passphrase, &self.salt)?;
        let key = open_raw(&wrapping, WRAP_AD, &self.wrapped).ok_or(StoreError::WrongPassphrase)?;
        StoreCipher::from_bytes(self.format, &key)
    }
}

/// The data key of a database. The key bytes are wiped when it is dropped; it has no `Debug`.
/// A copy serves a database rebuilt beside this one (`Store::compact`).
#[derive(Clone)]
pub struct StoreCipher {
    key: Zeroizing<[u8; KEY]>,
    /// The format byte of the values it seals: two alternate, so during a passphrase change
    /// every value says which data key sealed it.
    format: u8,
}

/// Format bytes of sealed values (1 is plain JSON, see `codec`).
pub const SEALED_A: u8 = 2;
pub const SEALED_B: u8 = 3;

impl StoreCipher {
    /// A fresh random data key.
    pub fn generate(format: u8) -> StoreCipher {
        let mut key = Zeroizing::new([0u8; KEY]);
        OsRng.fill_bytes(key.as_mut());
        StoreCipher { key, format }
    }

    fn from_bytes(format: u8, bytes: &[u8]) -> Result<StoreCipher, StoreError> {
        let mut key = Zeroizing::new([0u8; KEY]);
        if bytes.len() != KEY || !matches!(format, SEALED_A | SEALED_B) {
            return Err(StoreError::Damaged("meta: key slot".into()));
        }
        key.copy_from_slice(bytes);
        Ok(StoreCipher { key, format })
    }

    pub fn format(&self) -> u8 {
        self.format
    }

    /// Overwrites the key bytes with zeros where they are, for a key that is never dropped
    /// (`Store::leave`). Such a key seals and opens nothing any more.
    pub fn wipe(&mut self) {
        use zeroize::Zeroize;
        self.key.zeroize();
    }

    /// Whether the key bytes are all zeros (`wipe`).
    #[cfg(test)]
    pub fn is_wiped(&self) -> bool {
        self.key.iter().all(|&byte| byte == 0)
    }

    /// The format byte the next data key takes.
    pub fn other_format(&self) -> u8 {
        if self.format == SEALED_A {
            SEALED_B
        } else {
            SEALED_A
        }
    }

    /// format ‖ nonce ‖ ciphertext, bound to its tree and key.
    pub fn seal(&self, tree: &str, key: &[u8], plain: &[u8]) -> Vec<u8> {
        let ad = value_ad(self.format, tree, key);
        let mut out = vec![self.format];
        out.extend(seal_raw(&self.key, &ad, plain));
        out
    }

    /// The plain bytes of a value sealed by this key, or `None` if it was not (or was moved,
    /// or changed).
    pub fn open(&self, tree: &str, key: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        let (&format, rest) = sealed.split_first()?;
        if format != self.format {
            return None;
        }
        open_raw(&self.key, &value_ad(format, tree, key), rest)
    }

    /// This data key, sealed by another one (kept during a passphrase change so that either
    /// passphrase reaches both keys).
    pub fn wrap_with(&self, other: &StoreCipher) -> Vec<u8> {
        seal_raw(&other.key, WRAP_AD, self.key.as_ref())
    }

    /// The data key `wrapped` by `wrap_with(self)`.
    pub fn unwrap(&self, format: u8, wrapped: &[u8]) -> Result<StoreCipher, StoreError> {
        let key = open_raw(&self.key, WRAP_AD, wrapped)
            .ok_or_else(|| StoreError::Damaged("meta: passphrase change".into()))?;
        StoreCipher::from_bytes(format, &key)
    }

    /// A whole file (a backup, an export kept in the data directory), readable later with the
    /// passphrase in force now: the file carries a copy of `slot`. `kind` names what the file
    /// is, so one kind of file cannot be passed off as another.
    pub fn seal_file(&self, slot: &KeySlot, kind: &str, plain: &[u8]) -> Vec<u8> {
        // Serialising our own plain struct cannot fail.
        let slot_json = serde_json::to_vec(slot).expect("key slot serialises");
        let ad = file_ad(kind, &slot_json);
        let mut out = FILE_MAGIC.to_vec();
        out.extend((slot_json.len() as u32).to_be_bytes());
        out.extend(&slot_json);
        out.extend(seal_raw(&self.key, &ad, plain));
        out
    }
}

/// Whether `start`, the first bytes of a file, begin a file made by `seal_file`.
pub fn is_sealed_file(start: &[u8]) -> bool {
    start.starts_with(FILE_MAGIC)
}

/// Opens a file made by `seal_file` with the passphrase that was in force when it was sealed.
/// A wrong passphrase is `WrongPassphrase`; a changed, cut or other-kind file is `Damaged`.
pub fn open_file(
    bytes: &[u8],
    kind: &str,
    passphrase: &str,
) -> Result<Zeroizing<Vec<u8>>, StoreError> {
    let damaged = || StoreError::Damaged(format!("{kind}: not a sealed otter file"));
    let rest = bytes.strip_prefix(FILE_MAGIC).ok_or_else(damaged)?;
    let (len, rest) = rest.split_at_checked(4).ok_or_else(damaged)?;
    let len = u32::from_be_bytes(len.try_into().map_err(|_| damaged())?) as usize;
    let (slot_json, sealed) = rest.split_at_checked(len).ok_or_else(damaged)?;
    let slot: KeySlot = serde_json::from_slice(slot_json).map_err(|_| damaged())?;
    let cipher = slot.open(passphrase)?;
    open_raw(&cipher.key, &file_ad(kind, slot_json), sealed).ok_or_else(damaged)
}

fn value_ad(format: u8, tree: &str, key: &[u8]) -> Vec<u8> {
    // Tree names hold no NUL, so the boundary between tree and key is unambiguous.
    [&[format], tree.as_bytes(), &[0], key].concat()
}

fn file_ad(kind: &str, slot_json: &[u8]) -> Vec<u8> {
    [FILE_MAGIC, kind.as_bytes(), &[0], slot_json].concat()
}

/// nonce ‖ ciphertext, with a fresh random nonce (192 bits: random nonces never collide in
/// practice).
fn seal_raw(key: &[u8; KEY], ad: &[u8], plain: &[u8]) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(key.into());
    let mut nonce = [0u8; NONCE];
    OsRng.fill_bytes(&mut nonce);
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: ad,
            },
        )
        // Only fails on inputs of more than 256 GiB.
        .expect("value fits the cipher");
    [nonce.as_slice(), &sealed].concat()
}

/// The plain bytes (a value or a key), wiped when dropped.
fn open_raw(key: &[u8; KEY], ad: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    let (nonce, body) = sealed.split_at_checked(NONCE)?;
    XChaCha20Poly1305::new(key.into())
        .decrypt(XNonce::from_slice(nonce), Payload { msg: body, aad: ad })
        .ok()
        .map(Zeroizing::new)
}

#[cfg(test)]
mod tests;
