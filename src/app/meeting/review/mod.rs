//! The Actiepunten item: the open actions of earlier meetings, one by one. `x` marks one done
//! (or open again), `d` drops it with a reason, `o` and `w` give it another owner or due date;
//! what is left open is carried over at closing.

use crate::app::actions::edit;
use crate::app::meeting::attendance::on_item;
use crate::app::meeting::new_action::{Ask, owner_for};
use crate::app::overlay::prompt::Prompt;
use crate::app::{Effect, Model, Overlay, View};
use crate::domain::ActionStatus;
use crate::domain::dates::{DateContext, format_day};
use crate::domain::meeting::AgendaKind;

pub fn toggle_done(model: &mut Model, view: &View) -> Vec<Effect> {
    if !on_item(model, &AgendaKind::Actions) {
        return Vec::new();
    }
    let today = model.today;
    let Some(room) = model.meeting.as_mut() else {
        return Vec::new();
    };
    let meeting = room.meeting.id;
    let Some((action, row)) = room.earlier_actions.get_mut(view.selected) else {
        return Vec::new();
    };
    vec![in_meeting(meeting, edit::toggle_done(action, row, today))]
}

/// A change of an earlier action, as the meeting makes it: with the step that takes it back.
fn in_meeting(meeting: crate::domain::MeetingId, saved: Effect) -> Effect {
    match saved {
        Effect::SaveAction(action) => Effect::SettleAction { meeting, action },
        other => other,
    }
}

pub fn start_drop(model: &Model, view: &mut View) -> Vec<Effect> {
    let exists = model
        .meeting
        .as_ref()
        .is_some_and(|room| view.selected < room.earlier_actions.len());
    if on_item(model, &AgendaKind::Actions) && exists {
        view.overlays.open(Overlay::Prompt(Prompt::new(Ask::Drop {
            index: view.selected,
        })));
    }
    Vec::new()
}

pub fn drop_with(model: &mut Model, index: usize, reason: String) -> Vec<Effect> {
    let today = model.today;
    let Some(room) = model.meeting.as_mut() else {
        return Vec::new();
    };
    let meeting = room.meeting.id;
    let Some((action, row)) = room.earlier_actions.get_mut(index) else {
        return Vec::new();
    };
    action.status = ActionStatus::Dropped { on: today, reason };
    row.status = action.status.clone();
    vec![Effect::SettleAction {
        meeting,
        action: Box::new(action.clone()),
    }]
}

/// `o` or `w`: asks for the new owner or due date, starting from the current one.
pub fn start_change(model: &Model, view: &mut View, command: crate::app::Command) -> Vec<Effect> {
    if !on_item(model, &AgendaKind::Actions) {
        return Vec::new();
    }
    let Some((_, row)) = model
        .meeting
        .as_ref()
        .and_then(|room| room.earlier_actions.get(view.selected))
    else {
        return Vec::new();
    };
    let index = view.selected;
    view.overlays.open(Overlay::Prompt(match command {
        crate::app::Command::ChangeOwner => {
            Prompt::prefilled(Ask::NewOwner { index }, row.owner.clone())
        }
        _ => Prompt::prefilled(Ask::NewDue { index }, format_day(row.due, model.lang)),
    }));
    Vec::new()
}

/// The new owner (a member when the name says so) or due date; a date that cannot be read is
/// asked again with what was typed still there.
pub fn change_with(model: &mut Model, view: &mut View, ask: Ask, text: String) -> Vec<Effect> {
    let t = model.lang.texts();
    let today = model.today;
    let Some(room) = model.meeting.as_mut() else {
        return Vec::new();
    };
    let next_meeting = room.next_ot();
    let meeting = room.meeting.id;
    let owner = owner_for(&text, &room.members);
    let owner_name = room.owner_name(&owner);
    let (Ask::NewOwner { index } | Ask::NewDue { index }) = ask else {
        return Vec::new();
    };
    let Some((action, row)) = room.earlier_actions.get_mut(index) else {
        return Vec::new();
    };
    if text.is_empty() {
        view.flash = Some(t.flash_answer_needed.to_string());
        view.overlays.open(Overlay::Prompt(Prompt::new(ask)));
        return Vec::new();
    }
    let id = action.id;
    // The minutes name the change: what it was is kept with the meeting.
    if let Ask::NewOwner { .. } = ask {
        let was = std::mem::replace(&mut row.owner, owner_name);
        action.owner = owner;
        room.meeting.note_action_change(id, Some(was), None);
        return vec![
            Effect::SettleAction {
                meeting,
                action: Box::new(action.clone()),
            },
            Effect::SaveMeeting(Box::new(room.meeting.clone())),
        ];
    }
    let context = DateContext {
        today,
        next_meeting,
    };
    let was = action.due;
    match edit::change_due(action, row, &text, context, t) {
        Ok(saved) => {
            room.meeting.note_action_change(id, None, Some(was));
            vec![
                in_meeting(meeting, saved),
                Effect::SaveMeeting(Box::new(room.meeting.clone())),
            ]
        }
        Err(message) => {
            view.flash = Some(message);
            view.overlays.open(Overlay::Prompt(Prompt::new(ask)));
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests;
