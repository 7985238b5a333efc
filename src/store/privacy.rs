//! The settings privacy asks for (retention, presentation mode) and the audit log.

use super::records::TreeId;
use super::{Store, StoreError};
use crate::domain::AuditEntry;
use crate::domain::retention;

/// In `meta`: the bewaartermijn in school years (`u32`).
const RETENTION_KEY: &[u8] = b"settings/retention_years";
/// In `meta`: "presentatiemodus", whether the start screen hides personal lists while a
/// meeting is open (`bool`).
const PRESENTATION_KEY: &[u8] = b"settings/presentation";

impl Store {
    /// The bewaartermijn in school years; [`retention::DEFAULT_YEARS`] until set.
    pub fn retention_years(&self) -> Result<u32, StoreError> {
        Ok(self
            .setting(RETENTION_KEY)?
            .unwrap_or(retention::DEFAULT_YEARS))
    }

    pub fn set_retention_years(&self, years: u32) -> Result<(), StoreError> {
        self.set_setting(RETENTION_KEY, &years)
    }

    /// Whether the presentation mode is on; off until set.
    pub fn presentation(&self) -> Result<bool, StoreError> {
        Ok(self.setting(PRESENTATION_KEY)?.unwrap_or(false))
    }

    pub fn set_presentation(&self, on: bool) -> Result<(), StoreError> {
        self.set_setting(PRESENTATION_KEY, &on)
    }

    /// Appends `entry` to the audit log, numbered after the last one, and flushes. Exports,
    /// restores and passphrase changes call this once they have succeeded. A store opened to
    /// read (an export beside the screen) cannot write the log: it leaves the line in the
    /// inbox, which the writer takes into the log (`inbox`).
    pub fn audit(&self, mut entry: AuditEntry) -> Result<(), StoreError> {
        if self.read_only {
            return self.post(&entry);
        }
        let mut tx = self.tx();
        self.audit_in(&mut tx, &mut entry)?;
        tx.commit()
    }

    /// Adds `entry` to a write, so that what is logged and what was done go together.
    pub fn audit_in(
        &self,
        tx: &mut super::Tx<'_>,
        entry: &mut AuditEntry,
    ) -> Result<(), StoreError> {
        entry.seq = self.next_id(TreeId::Audit)?;
        tx.insert(entry)
    }

    /// The audit log, oldest first.
    pub fn audit_log(&self) -> Result<Vec<AuditEntry>, StoreError> {
        self.all::<AuditEntry>().collect()
    }
}
