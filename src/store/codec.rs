//! The one place where values become bytes and back. Encryption at rest wraps this: every
//! stored value passes through `encode` and `decode`, whatever its tree.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;

/// First byte of every stored value: how the rest is to be read.
const PLAIN_JSON: u8 = 1;

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
