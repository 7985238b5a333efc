//! The meeting screen (`m`): the roll call, the earlier actions, each case on the agenda
//! (phase, level, fields, decisions, actions, notes and the forms), a new signal, closing,
//! reopening and exporting the minutes.

pub(crate) mod attendance;
pub mod case;
pub mod circles;
pub(crate) mod close;
pub(crate) mod consent;
pub(crate) mod decision;
pub mod export;
pub(crate) mod fields;
pub mod form;
pub mod held;
pub mod new_action;
pub mod notes;
pub mod plan;
pub(crate) mod reopen;
pub(crate) mod review;
pub mod signal;
pub(crate) mod undo;

use crate::app::{Effect, Model};
use crate::domain::{CaseId, Requirement};

/// Notes in the meeting that `fields` of `case` were recorded here, so its minutes say it was
/// discussed and tell them from what was recorded before: the meeting is saved when that is
/// new.
pub(crate) fn mark_changed(
    model: &mut Model,
    case: CaseId,
    fields: &[Requirement],
) -> Option<Effect> {
    let room = model.meeting.as_mut()?;
    room.meeting
        .mark_changed(case, fields)
        .then(|| Effect::SaveMeeting(Box::new(room.meeting.clone())))
}
