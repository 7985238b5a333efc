//! Typed ids. Store keys are built from these, never from names (BRIEF §8).

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl $name {
            /// Big-endian, so that sled's byte order is numeric order.
            pub fn to_key(self) -> [u8; 8] {
                self.0.to_be_bytes()
            }

            pub fn from_key(bytes: &[u8]) -> Option<Self> {
                Some(Self(u64::from_be_bytes(bytes.get(..8)?.try_into().ok()?)))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type!(
    PupilId, MemberId, CaseId, MeetingId, NoteId, DecisionId, ActionId
);
