//! A pass over a whole tree that decodes a few fields of each value and keeps fewer: each
//! value's plain JSON is handed to the caller where it lies, so a field may borrow its text
//! from it instead of being copied into a `String` of its own. `otter search` reads every text
//! of a large school this way and keeps only those its query fits.
//!
//! A sealed value (an encrypted database) is opened as `codec::open` opens every value, into a
//! buffer wiped when it is dropped; only a plain database's bytes are lent as they are.

use serde::Deserialize;

use super::codec::{self, PLAIN_JSON};
use super::records::{Record, TreeId};
use super::{Store, StoreError};

/// One value's plain JSON, lent to the caller of [`Store::scan`] for as long as it looks at it.
pub struct Plain<'a> {
    tree: TreeId,
    json: &'a [u8],
}

impl<'a> Plain<'a> {
    /// The value read as `T`, whose strings may borrow from it (`Cow<'a, str>` with
    /// `#[serde(borrow)]`: borrowed unless the JSON escapes a character in it).
    pub fn decode<T: Deserialize<'a>>(&self) -> Result<T, StoreError> {
        // serde's message may quote the value; a pupil's name must not reach a log or a
        // screen (as `codec::decode` says).
        serde_json::from_slice(self.json).map_err(|err| {
            StoreError::Damaged(format!(
                "{}: unreadable value (line {})",
                self.tree.name(),
                err.line()
            ))
        })
    }
}

impl Store {
    /// Every value of `R`'s tree in id order, each handed to `each` as its plain JSON, until
    /// `stop` says so or `each` fails.
    pub fn scan<R: Record>(
        &self,
        stop: impl Fn() -> bool,
        mut each: impl FnMut(Plain<'_>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let tree = R::TREE;
        for item in self.tree(tree).iter() {
            if stop() {
                break;
            }
            let (key, bytes) = item?;
            match (bytes.first(), self.cipher()) {
                (Some(&PLAIN_JSON), None) => each(Plain {
                    tree,
                    json: &bytes[1..],
                })?,
                // Sealed, or not a value at all: `open` opens it or says what is wrong.
                _ => {
                    let plain = codec::open(self.cipher(), tree, &key, &bytes)?;
                    each(Plain {
                        tree,
                        json: &plain[1..],
                    })?
                }
            }
        }
        Ok(())
    }
}
