//! `E` on the meeting screen and `x` in the dossier: a document for people outside otter,
//! written as printable HTML to the export folder (`export::file::dir`). The meeting screen
//! shows a meeting that is still open (closing goes back to the start screen), so its `E`
//! gives the minutes as they stand, marked "concept": what an IB sends round for checking
//! before the next OT. A closed meeting's fixed minutes come from `otter export minutes`.

use crate::app::{Effect, Model};
use crate::domain::{MeetingId, PupilId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// The minutes of this meeting: fixed when closed, a draft while open.
    Minutes(MeetingId),
    /// This pupil's extract.
    Extract(PupilId),
}

pub fn minutes(model: &Model) -> Vec<Effect> {
    model.meeting.as_ref().map_or_else(Vec::new, |room| {
        vec![Effect::Export(Export::Minutes(room.meeting.id))]
    })
}

#[cfg(test)]
mod tests;
