//! `u`: the last change made in the open meeting taken back, and the one before at the next
//! `u`. The steps are in the store (`store::undo`), so they outlast a restart of the screen;
//! the status line says what was taken back, or that nothing is left.

use crate::app::{Effect, Model, Screen, View};
use crate::domain::{ActionChange, Change, MeetingState};

pub fn start(model: &Model) -> Vec<Effect> {
    match model.meeting.as_ref() {
        Some(room)
            if model.screen == Screen::Meeting && room.meeting.state == MeetingState::Open =>
        {
            vec![Effect::Undo(room.meeting.id)]
        }
        _ => Vec::new(),
    }
}

/// The store took `change` back and the meeting is read anew: the item in front may have gone
/// (a withdrawn signal), so the selection starts at the top.
pub fn undone(model: &mut Model, view: &mut View, change: Option<&Change>) -> Vec<Effect> {
    let t = model.lang.texts().undo;
    view.selected = 0;
    view.item_scroll = 0;
    view.flash = Some(match change {
        None => t.nothing.to_string(),
        Some(Change::Phase { from, .. }) => (t.phase)(model.phases.name(from, model.lang)),
        Some(Change::Level { from, .. }) => (t.level)(from.get()),
        Some(Change::Consent { from, .. }) => (t.consent)(model.lang.texts().consent(*from)),
        Some(Change::ActionAdded { .. }) => t.action_added.to_string(),
        Some(Change::Action { what, .. }) => match what {
            ActionChange::Done => t.action_done,
            ActionChange::Reopened => t.action_reopened,
            ActionChange::Dropped => t.action_dropped,
            ActionChange::Owner => t.action_owner,
            ActionChange::Due => t.action_due,
        }
        .to_string(),
        Some(Change::Decision { .. }) => t.decision.to_string(),
        Some(Change::Signal { .. }) => t.signal.to_string(),
    });
    Vec::new()
}

#[cfg(test)]
mod tests;
