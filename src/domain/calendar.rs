//! How a calendar entry that otter exported again is told to replace the one a calendar
//! already has (RFC 5545 §3.8.7.4, RFC 5546 §2.1.4): the same UID, a higher `SEQUENCE` when
//! its content changed, and `LAST-MODIFIED` when that was. otter keeps per entry what its
//! content was at the last export, so a second export of the same data changes nothing and a
//! changed due date counts up.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// What an entry was at its last export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    /// A hash of what the entry said (`fingerprint`), no text of it.
    pub fingerprint: u64,
    pub sequence: u32,
    /// When (UTC) the content was first exported as it is now.
    pub modified: NaiveDateTime,
}

/// Per entry ("action-12", "meeting-3"), its revision.
pub type Revisions = BTreeMap<String, Revision>;

/// The revision of `entry` whose content now hashes to `fingerprint`: unchanged, the one it
/// had; changed, one higher and modified `now`; new, 0 and `now`.
pub fn revise(
    revisions: &mut Revisions,
    entry: &str,
    fingerprint: u64,
    now: NaiveDateTime,
) -> Revision {
    let revision = match revisions.get(entry) {
        Some(known) if known.fingerprint == fingerprint => *known,
        Some(known) => Revision {
            fingerprint,
            sequence: known.sequence.saturating_add(1),
            modified: now,
        },
        None => Revision {
            fingerprint,
            sequence: 0,
            modified: now,
        },
    };
    revisions.insert(entry.to_string(), revision);
    revision
}

/// FNV-1a over the entry's text: stable across Rust versions and machines (the standard
/// hasher is not promised to be), so an unchanged entry keeps its sequence.
pub fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn at(hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(hour, 0, 0)
            .unwrap()
    }

    #[test]
    fn a_sequence_counts_up_only_when_the_content_changes() {
        let mut revisions = Revisions::new();
        let first = revise(&mut revisions, "action-1", fingerprint("due 1 dec"), at(8));
        assert_eq!((first.sequence, first.modified), (0, at(8)));
        let same = revise(&mut revisions, "action-1", fingerprint("due 1 dec"), at(9));
        assert_eq!(same, first, "an unchanged entry is the same entry");
        let moved = revise(&mut revisions, "action-1", fingerprint("due 8 dec"), at(10));
        assert_eq!((moved.sequence, moved.modified), (1, at(10)));
        let other = revise(&mut revisions, "action-2", fingerprint("due 8 dec"), at(10));
        assert_eq!(other.sequence, 0);
    }

    #[test]
    fn the_fingerprint_is_fnv_1a() {
        // The published test vectors: a stored fingerprint must mean the same next year.
        assert_eq!(fingerprint(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fingerprint("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fingerprint("foobar"), 0x8594_4171_f739_67e8);
    }
}
