//! The one place where values become bytes and back. Encryption at rest wraps this: every
//! stored value passes through `encode` and `decode`, whatever its tree.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;

/// First byte of every stored value: how the rest is to be read.
const PLAIN_JSON: u8 = 1;
/// Bytes the store lays out itself (search buckets), where parsing JSON would cost more than
/// the search.
const PLAIN_BYTES: u8 = 2;

pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = vec![PLAIN_JSON];
    // Serialising our own plain data types into a Vec cannot fail.
    serde_json::to_writer(&mut bytes, value).expect("record serialises");
    bytes
}

pub fn decode<T: DeserializeOwned>(tree: &str, bytes: &[u8]) -> Result<T, StoreError> {
    let damaged = |detail: String| StoreError::Damaged(format!("{tree}: {detail}"));
    match bytes.split_first() {
        Some((&PLAIN_JSON, json)) => {
            serde_json::from_slice(json).map_err(|err| damaged(err.to_string()))
        }
        Some((format, _)) => Err(damaged(format!("unknown value format {format}"))),
        None => Err(damaged("empty value".into())),
    }
}

pub fn encode_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut value = Vec::with_capacity(bytes.len() + 1);
    value.push(PLAIN_BYTES);
    value.extend_from_slice(bytes);
    value
}

pub fn decode_bytes<'a>(tree: &str, value: &'a [u8]) -> Result<&'a [u8], StoreError> {
    match value.split_first() {
        Some((&PLAIN_BYTES, bytes)) => Ok(bytes),
        Some((format, _)) => Err(StoreError::Damaged(format!(
            "{tree}: unknown value format {format}"
        ))),
        None => Err(StoreError::Damaged(format!("{tree}: empty value"))),
    }
}
