//! Each case's pupil and consent, read from the case digests (`digest.rs`) and nothing else of
//! them: `otter pupils` counts a pupil's cases that may show the name, and decoding the whole
//! digest built every phase, level and consent change of 50,000 cases (an internally tagged
//! enum, buffered by serde before it is read) only to drop them.

use serde::Deserialize;

use super::codec;
use super::digest::Kind;
use super::records::TreeId;
use super::{Store, StoreError};
use crate::domain::{CaseId, Consent, PupilId};

/// What a case digest says of who the case is about and what may be shown of them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CaseConsent {
    pub id: CaseId,
    /// The digest's names for these fields (`CaseDigest`'s `p` and `t`).
    #[serde(rename = "p")]
    pub pupil: PupilId,
    #[serde(rename = "t")]
    pub consent: Consent,
}

/// A block of case digests, each read as its `CaseConsent`: the other fields are skipped.
#[derive(Deserialize)]
struct Block {
    digests: Vec<CaseConsent>,
}

impl Store {
    /// Every case's pupil and consent, in id order.
    pub fn case_consents(&self) -> Result<Vec<CaseConsent>, StoreError> {
        let mut all = Vec::new();
        for item in self.tree(TreeId::Digests).scan_prefix([Kind::Case as u8]) {
            let (key, bytes) = item?;
            let block: Block = codec::decode(self.cipher(), TreeId::Digests, &key, &bytes)?;
            all.extend(block.digests);
        }
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case's pupil and consent as its whole digest says, in the same order, on the demo
    /// school (cases of every consent) and sealed alike.
    #[test]
    fn each_case_s_pupil_and_consent_as_its_digest_says() {
        let (_dir, store) = crate::testkit::store::demo_store(crate::testkit::today());
        let wanted: Vec<CaseConsent> = store
            .case_digests()
            .unwrap()
            .into_iter()
            .map(|d| CaseConsent {
                id: d.id,
                pupil: d.pupil,
                consent: d.consent,
            })
            .collect();
        assert!(wanted.len() > 64, "more than one block");
        assert_eq!(store.case_consents().unwrap(), wanted);
    }
}
