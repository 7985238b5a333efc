use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{CaseId, DecisionId, MeetingId, NoteId};

/// An aantekening, typed during a meeting or between meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: NoteId,
    /// None for notes of the meeting itself (rondvraag, sluiting).
    #[serde(default)]
    pub case: Option<CaseId>,
    /// The case's phase when the note was written.
    #[serde(default)]
    pub phase: Option<String>,
    #[serde(default)]
    pub meeting: Option<MeetingId>,
    /// Index of the agenda item it was written under.
    #[serde(default)]
    pub agenda_item: Option<u16>,
    pub date: NaiveDate,
    pub text: String,
}

/// A besluit: what was agreed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub id: DecisionId,
    #[serde(default)]
    pub case: Option<CaseId>,
    #[serde(default)]
    pub meeting: Option<MeetingId>,
    #[serde(default)]
    pub agenda_item: Option<u16>,
    pub date: NaiveDate,
    pub text: String,
}
