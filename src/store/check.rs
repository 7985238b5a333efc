//! Whether the indexes are exactly what the records give: every write computes a record's
//! entries and writes them in the same transaction (`tx`), so after any crash, kill or failed
//! write they must still agree. The kill loops and the monkey test check it after each reopen.

use std::collections::BTreeSet;

use super::records::{Record, TreeId};
use super::{Store, StoreError};
use crate::domain::{
    Action, AuditEntry, Case, CaseEvent, Decision, Meeting, Member, Minutes, Note, Pupil,
};

/// One index entry: its tree, key and value.
type Entry = (TreeId, Vec<u8>, Vec<u8>);

impl Store {
    /// The index entries that disagree with the records, each as "missing" or "stray" with
    /// its index and key in hex (keys are ids, never names); empty when they all agree.
    pub fn index_drift(&self) -> Result<Vec<String>, StoreError> {
        let mut wanted = BTreeSet::new();
        self.entries_of::<Pupil>(&mut wanted)?;
        self.entries_of::<Member>(&mut wanted)?;
        self.entries_of::<Case>(&mut wanted)?;
        self.entries_of::<CaseEvent>(&mut wanted)?;
        self.entries_of::<Meeting>(&mut wanted)?;
        self.entries_of::<Minutes>(&mut wanted)?;
        self.entries_of::<Note>(&mut wanted)?;
        self.entries_of::<Decision>(&mut wanted)?;
        self.entries_of::<Action>(&mut wanted)?;
        self.entries_of::<AuditEntry>(&mut wanted)?;
        let indexes: BTreeSet<TreeId> =
            TreeId::ALL.into_iter().filter(|id| id.is_index()).collect();
        let mut found = BTreeSet::new();
        for &index in &indexes {
            for item in self.tree(index).iter() {
                let (key, value) = item?;
                found.insert((index, key.to_vec(), value.to_vec()));
            }
        }
        let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
        let missing = wanted.difference(&found).map(|e| ("missing", e));
        let stray = found.difference(&wanted).map(|e| ("stray", e));
        Ok(missing
            .chain(stray)
            .map(|(what, (tree, key, _))| format!("{what} in {}: {}", tree.name(), hex(key)))
            .collect())
    }

    fn entries_of<R: Record>(&self, into: &mut BTreeSet<Entry>) -> Result<(), StoreError> {
        for record in self.all::<R>() {
            for entry in record?.index_entries() {
                into.insert((entry.tree, entry.key, entry.value));
            }
        }
        Ok(())
    }
}
