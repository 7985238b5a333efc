//! The search text of every record, folded, in buckets of 64 records per tree. Scanning a
//! few thousand buckets is what makes a search over a large school quick: sled pays about a
//! microsecond per item iterated, so one item per record would be ten times slower.

use serde::{Deserialize, Serialize};

use super::records::TreeId;

pub const BUCKET_BITS: u32 = 6;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// (record number, folded text), sorted by number.
    pub entries: Vec<(u64, String)>,
}

impl Bucket {
    pub fn set(&mut self, id: u64, folded: Option<String>) {
        let found = self.entries.binary_search_by_key(&id, |(entry, _)| *entry);
        match (found, folded) {
            (Ok(at), Some(text)) => self.entries[at].1 = text,
            (Err(at), Some(text)) => self.entries.insert(at, (id, text)),
            (Ok(at), None) => {
                self.entries.remove(at);
            }
            (Err(_), None) => {}
        }
    }
}

pub fn bucket_key(tree: TreeId, id: u64) -> Vec<u8> {
    let mut key = vec![tree as u8];
    key.extend_from_slice(&(id >> BUCKET_BITS).to_be_bytes());
    key
}

pub fn tree_of_bucket(key: &[u8]) -> Option<TreeId> {
    let byte = *key.first()?;
    TreeId::ALL.into_iter().find(|tree| *tree as u8 == byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_keeps_entries_sorted_and_removes() {
        let mut bucket = Bucket::default();
        bucket.set(9, Some("b".into()));
        bucket.set(3, Some("a".into()));
        bucket.set(9, Some("c".into()));
        assert_eq!(bucket.entries, vec![(3, "a".into()), (9, "c".into())]);
        bucket.set(3, None);
        bucket.set(4, None);
        assert_eq!(bucket.entries, vec![(9, "c".into())]);
    }

    #[test]
    fn neighbouring_ids_share_a_bucket_per_tree() {
        assert_eq!(
            bucket_key(TreeId::Notes, 64),
            bucket_key(TreeId::Notes, 127)
        );
        assert_ne!(bucket_key(TreeId::Notes, 63), bucket_key(TreeId::Notes, 64));
        assert_ne!(bucket_key(TreeId::Notes, 1), bucket_key(TreeId::Actions, 1));
        assert_eq!(
            tree_of_bucket(&bucket_key(TreeId::Actions, 5)),
            Some(TreeId::Actions)
        );
    }
}
