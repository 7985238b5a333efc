//! Attendance on the opening item, and choosing a row of the list in front: the team listed, `j`/`k` to choose, space or Enter to go
//! round present → absent with notice → absent.

use crate::app::{Effect, Model, Screen, View};
use crate::domain::meeting::{AgendaKind, Presence};

pub fn next(presence: Presence) -> Presence {
    match presence {
        Presence::NotRecorded | Presence::Absent => Presence::Present,
        Presence::Present => Presence::AbsentWithNotice,
        Presence::AbsentWithNotice => Presence::Absent,
    }
}

fn on_opening(model: &Model) -> bool {
    on_item(model, &AgendaKind::Opening)
}

/// Whether the meeting screen shows an item of this kind.
pub fn on_item(model: &Model, kind: &AgendaKind) -> bool {
    model.screen == Screen::Meeting
        && model.meeting.as_ref().is_some_and(|room| {
            room.meeting
                .agenda
                .get(room.meeting.current_item)
                .is_some_and(|item| item.kind == *kind)
        })
}

/// `j`/`k` on the meeting screen: the row of the list in front (attendance, earlier actions).
/// Whether the item in front is a list whose rows j/k choose (the roll call, the actions).
pub fn on_list(model: &Model) -> bool {
    on_opening(model) || on_item(model, &AgendaKind::Actions)
}

pub fn select(model: &Model, view: &mut View, down: bool) -> Vec<Effect> {
    let Some(room) = model.meeting.as_ref() else {
        return Vec::new();
    };
    let rows = if on_opening(model) {
        room.meeting.attendance.len()
    } else if on_item(model, &AgendaKind::Actions) {
        room.earlier_actions.len()
    } else {
        return Vec::new();
    };
    view.selected = if down {
        (view.selected + 1).min(rows.saturating_sub(1))
    } else {
        view.selected.saturating_sub(1)
    };
    Vec::new()
}

/// `A` at the roll call: everyone not yet recorded is present, in one key. An answer already
/// given (a notice of absence from the preparation, a toggle) stays as it is.
pub fn all_present(model: &mut Model, view: &mut View) -> Vec<Effect> {
    if !on_opening(model) {
        return Vec::new();
    }
    let t = model.lang.texts();
    let Some(room) = model.meeting.as_mut() else {
        return Vec::new();
    };
    let mut set = 0;
    for row in &mut room.meeting.attendance {
        if row.presence == Presence::NotRecorded {
            row.presence = Presence::Present;
            set += 1;
        }
    }
    view.flash = Some((t.flash_all_present)(set));
    if set == 0 {
        return Vec::new();
    }
    vec![Effect::SaveMeeting(Box::new(room.meeting.clone()))]
}

pub fn toggle(model: &mut Model, view: &View) -> Vec<Effect> {
    if !on_opening(model) {
        return Vec::new();
    }
    let Some(room) = model.meeting.as_mut() else {
        return Vec::new();
    };
    let Some(row) = room.meeting.attendance.get_mut(view.selected) else {
        return Vec::new();
    };
    row.presence = next(row.presence);
    vec![Effect::SaveMeeting(Box::new(room.meeting.clone()))]
}
