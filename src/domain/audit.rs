//! The audit log (BRIEF §8): what was done with the data, when and by which command — never
//! whom it was about. Keys are a sequence number; no entry holds a pupil's name.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// What was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    Export,
    Erasure,
    Restore,
    PassphraseChange,
    ReopenedMeeting,
    RetentionErasure,
    /// A change made in an open meeting taken back (`u`).
    Undone,
    /// A case opened by mistake in a meeting taken away with what was recorded about it.
    Withdrawn,
    /// An audit line a command left beside the screen (`inbox/`) that does not open with this
    /// database's key (damaged, or sealed before a restore brought another key): kept, not
    /// in the log, said once.
    UnreadableLine,
}

/// What kind of record a count is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counted {
    Pupils,
    Cases,
    Events,
    Notes,
    Decisions,
    Actions,
    /// Meetings whose agenda or own texts changed.
    Meetings,
    /// Case items taken off meetings' agendas.
    AgendaItems,
    /// Stored minutes in which a name was replaced by "[verwijderd]".
    Minutes,
    /// Other stored texts (notes, decisions, actions, meetings) in which a name was replaced.
    Texts,
    /// Whatever an export wrote or a restore read, counted as records.
    Records,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Given by the store when the entry is written; the key.
    #[serde(default)]
    pub seq: u64,
    pub at: NaiveDateTime,
    pub kind: AuditKind,
    /// The command or the screen it was done from ("otter forget", "scherm: R").
    pub command: String,
    /// How many records of each kind; never which ones.
    #[serde(default)]
    pub counts: Vec<(Counted, u64)>,
}

impl AuditEntry {
    pub fn new(at: NaiveDateTime, kind: AuditKind, command: impl Into<String>) -> AuditEntry {
        AuditEntry {
            seq: 0,
            at,
            kind,
            command: command.into(),
            counts: Vec::new(),
        }
    }

    /// A document that left otter; a pupil's extract counts as that one pupil's data.
    pub fn export(at: NaiveDateTime, command: impl Into<String>, extract: bool) -> AuditEntry {
        let counts = if extract {
            vec![(Counted::Pupils, 1)]
        } else {
            Vec::new()
        };
        AuditEntry::new(at, AuditKind::Export, command).with_counts(counts)
    }

    pub fn with_counts(mut self, counts: Vec<(Counted, u64)>) -> AuditEntry {
        self.counts = counts;
        self
    }
}
