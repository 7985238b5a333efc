//! The search text of every record, folded, in buckets of 64 records per tree. Scanning a
//! few thousand buckets is what makes a search over a large school quick: sled pays about a
//! microsecond per item iterated, so one item per record would be ten times slower.

use super::records::TreeId;

pub const BUCKET_BITS: u32 = 6;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
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

impl Bucket {
    /// Each entry as id (8 bytes), length (4 bytes), folded text.
    pub fn to_bytes(&self) -> Vec<u8> {
        let size = self.entries.iter().map(|(_, t)| 12 + t.len()).sum();
        let mut bytes = Vec::with_capacity(size);
        for (id, text) in &self.entries {
            bytes.extend_from_slice(&id.to_be_bytes());
            bytes.extend_from_slice(&(text.len() as u32).to_be_bytes());
            bytes.extend_from_slice(text.as_bytes());
        }
        bytes
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Bucket> {
        let entries = entries(bytes).collect::<Option<Vec<_>>>()?;
        Some(Bucket {
            entries: entries
                .into_iter()
                .map(|(id, text)| (id, text.to_string()))
                .collect(),
        })
    }
}

/// The entries of an encoded bucket without copying them; `None` marks damage.
pub fn entries(mut bytes: &[u8]) -> impl Iterator<Item = Option<(u64, &str)>> {
    std::iter::from_fn(move || {
        if bytes.is_empty() {
            return None;
        }
        let entry = (|| {
            let id = u64::from_be_bytes(bytes.get(..8)?.try_into().ok()?);
            let len = u32::from_be_bytes(bytes.get(8..12)?.try_into().ok()?) as usize;
            let text = std::str::from_utf8(bytes.get(12..12 + len)?).ok()?;
            bytes = &bytes[12 + len..];
            Some((id, text))
        })();
        if entry.is_none() {
            bytes = &[];
        }
        Some(entry)
    })
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
    fn buckets_round_trip_through_bytes_and_refuse_damage() {
        let bucket = Bucket {
            entries: vec![
                (3, "zoe celik".into()),
                (9, String::new()),
                (60, "يوسف".into()),
            ],
        };
        let bytes = bucket.to_bytes();
        assert_eq!(Bucket::from_bytes(&bytes), Some(bucket));
        assert_eq!(Bucket::from_bytes(&bytes[..bytes.len() - 1]), None);
        assert_eq!(Bucket::from_bytes(&[0, 1, 2]), None);
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
