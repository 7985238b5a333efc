//! `R` on the start screen: opening the last closed meeting again, only with a reason, which
//! the meeting keeps and its next minutes print. Its minutes are fixed anew when it closes.

use crate::app::overlay::prompt::{Ask, Prompt};
use crate::app::{Effect, Model, Overlay, Screen, View};
use crate::domain::dates::format_day;
use crate::domain::{MeetingId, MeetingState};

pub fn start(model: &Model, view: &mut View) -> Vec<Effect> {
    let t = model.lang.texts();
    if model.screen != Screen::Dashboard {
        return Vec::new();
    }
    let dashboard = &model.dashboard;
    let open = dashboard
        .next_meeting
        .as_ref()
        .is_some_and(|m| m.state == MeetingState::Open);
    match &dashboard.last_closed {
        _ if open => view.flash = Some(t.flash_close_open_first.to_string()),
        None => view.flash = Some(t.flash_nothing_to_reopen.to_string()),
        Some(closed) => view.overlays.open(Overlay::Prompt(Prompt::new(Ask::Reopen {
            meeting: MeetingId(closed.id),
        }))),
    }
    Vec::new()
}

/// The question, naming the day of the meeting opened again.
pub fn question(model: &Model) -> String {
    let day = model.dashboard.last_closed.as_ref().map(|m| m.date);
    (model.lang.texts().prompt_reopen)(&day.map_or(String::new(), |d| format_day(d, model.lang)))
}

/// The reason given: the meeting is opened again with it.
pub fn answer(meeting: MeetingId, reason: String) -> Vec<Effect> {
    vec![Effect::ReopenMeeting(meeting, reason)]
}
