//! The one place where values become bytes and back. With a cipher (encryption at rest) every
//! value is sealed, bound to its tree and key; without one it is plain JSON.
//!
//! Not every stored byte is a value of this codec: the index values are ids (the owner id of
//! an open action) or empty, and `meta` holds the schema version, the id counters and the key
//! slot, which must be readable before the passphrase is known. None of them says anything
//! about a pupil; `meta`'s settings (`settings/…`) and drafts (`draft/…`) do pass through
//! here.

use serde::Serialize;
use serde::de::DeserializeOwned;
use zeroize::Zeroizing;

use super::cipher::StoreCipher;
use super::records::TreeId;
use super::{DRAFTS, SETTINGS, StoreError};

/// First byte of a plain value: how the rest is to be read (sealed ones are in `cipher`).
pub const PLAIN_JSON: u8 = 1;
/// A value in a compact binary form of its own (the digests, `digest`): decoding JSON was
/// most of the monitoring figures' time. Not 2 or 3, which mark sealed values.
pub const PLAIN_BINARY: u8 = 4;

/// Whether `bytes` is a plain value, of either form: what a database without a key holds.
pub fn is_plain(bytes: &[u8]) -> bool {
    matches!(bytes.first(), Some(&(PLAIN_JSON | PLAIN_BINARY)))
}

/// Whether the value under `key` in `tree` is one of this codec's.
pub fn is_codec_value(tree: TreeId, key: &[u8]) -> bool {
    match tree {
        TreeId::Meta => key.starts_with(SETTINGS) || key.starts_with(DRAFTS),
        TreeId::CasesByPupil
        | TreeId::ActionsByOwner
        | TreeId::OpenActionsByDue
        | TreeId::ByCase
        | TreeId::ByMeeting
        | TreeId::MeetingsByDate
        | TreeId::OpenCasesByEvaluation
        | TreeId::EventsByDate
        | TreeId::PassedBy => false,
        _ => true,
    }
}

pub fn encode<T: Serialize>(
    cipher: Option<&StoreCipher>,
    tree: TreeId,
    key: &[u8],
    value: &T,
) -> Vec<u8> {
    let mut bytes = Zeroizing::new(vec![PLAIN_JSON]);
    // Serialising our own plain data types into a Vec cannot fail.
    serde_json::to_writer(&mut *bytes, value).expect("record serialises");
    seal(cipher, tree, key, &bytes)
}

pub fn decode<T: DeserializeOwned>(
    cipher: Option<&StoreCipher>,
    tree: TreeId,
    key: &[u8],
    bytes: &[u8],
) -> Result<T, StoreError> {
    let plain = open(cipher, tree, key, bytes)?;
    if plain[0] != PLAIN_JSON {
        return Err(StoreError::Damaged(format!("{}: not JSON", tree.name())));
    }
    // serde's message may quote the value; a pupil's name must not reach a log or a screen.
    serde_json::from_slice(&plain[1..]).map_err(|err| {
        StoreError::Damaged(format!(
            "{}: unreadable value (line {})",
            tree.name(),
            err.line()
        ))
    })
}

/// A plain value (format byte ‖ JSON or binary) as stored: sealed when there is a cipher.
pub fn seal(cipher: Option<&StoreCipher>, tree: TreeId, key: &[u8], plain: &[u8]) -> Vec<u8> {
    match cipher {
        Some(cipher) => cipher.seal(tree.name(), key, plain),
        None => plain.to_vec(),
    }
}

/// A stored value as plain bytes (format byte ‖ JSON or binary). A plain value in an encrypted database
/// is refused: it can only have been put there behind otter's back.
pub fn open(
    cipher: Option<&StoreCipher>,
    tree: TreeId,
    key: &[u8],
    bytes: &[u8],
) -> Result<Zeroizing<Vec<u8>>, StoreError> {
    let damaged = |detail: &str| StoreError::Damaged(format!("{}: {detail}", tree.name()));
    let plain = match (is_plain(bytes), cipher) {
        (true, None) => Zeroizing::new(bytes.to_vec()),
        (true, Some(_)) => {
            return Err(damaged("plain value in an encrypted database"));
        }
        (false, _) if bytes.is_empty() => return Err(damaged("empty value")),
        (false, Some(cipher)) => cipher
            .open(tree.name(), key, bytes)
            .ok_or_else(|| damaged("value does not open with the database's key"))?,
        (false, None) => return Err(StoreError::Encrypted),
    };
    if is_plain(&plain) {
        Ok(plain)
    } else {
        Err(damaged("unknown value format"))
    }
}
