//! `R` on the start screen: opening the last closed meeting again, only with a reason, which
//! the meeting keeps and its next minutes print. Its minutes are fixed anew when it closes.

use crate::app::meeting::case::{Ask, Prompt};
use crate::app::{Effect, Model, Screen, View};
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
        Some(closed) => {
            view.prompt = Some(Prompt::new(Ask::Reopen {
                meeting: MeetingId(closed.id),
            }))
        }
    }
    Vec::new()
}
