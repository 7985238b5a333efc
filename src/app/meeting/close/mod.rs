//! `S`: closing the meeting. Asks the date of the next one; then the minutes are fixed, the open
//! actions of earlier meetings are carried over, and the next meeting is planned.

use crate::app::overlay::prompt::{Ask, Prompt};
use crate::app::{Effect, Model, Overlay, Screen, View};
use crate::domain::MeetingState;
use crate::domain::dates::{DateContext, parse_date};
use crate::error::Error;

pub fn start(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let open = model
        .meeting
        .as_ref()
        .is_some_and(|room| room.meeting.state == MeetingState::Open);
    if model.screen == Screen::Meeting && open {
        view.overlays.open(Overlay::Prompt(Prompt::new(Ask::Close)));
    }
    Vec::new()
}

/// The question: the date of the next meeting.
pub fn question(model: &Model) -> String {
    model.lang.texts().prompt_next_meeting.to_string()
}

pub fn answer(model: &mut Model, view: &mut View, text: &str) -> Vec<Effect> {
    if text.is_empty() {
        return close(model, None);
    }
    let t = model.lang.texts();
    // "+6w" counts from the meeting the minutes are of, not from the clock's day.
    let context = DateContext {
        today: model.meeting_day(),
        next_meeting: None,
    };
    // A past date (a year typed wrong) would plan a meeting the start screen never shows.
    let refused = match parse_date(text, context) {
        Ok(date) if date < model.today => t.flash_past_date.to_string(),
        Ok(date) => return close(model, Some(date)),
        Err(err) => Error::from(err).message(t, ""),
    };
    view.flash = Some(refused);
    view.overlays.open(Overlay::Prompt(Prompt::new(Ask::Close)));
    Vec::new()
}

fn close(model: &mut Model, next: Option<chrono::NaiveDate>) -> Vec<Effect> {
    let now = model.now;
    let Some(room) = model.meeting.as_mut() else {
        return Vec::new();
    };
    let meeting = &mut room.meeting;
    meeting.pause_timer(now);
    meeting.state = MeetingState::Closed;
    meeting.next_meeting = next;
    vec![Effect::CloseMeeting(Box::new(meeting.clone()))]
}

/// The store fixed the minutes: the start screen is behind a blanked one, which says so. The
/// projector may still be on, and the start screen names the pupils again once the meeting
/// is closed; a key shows it when the chair is ready.
pub fn closed(model: &mut Model, view: &mut View) -> Vec<Effect> {
    model.meeting = None;
    model.screen = Screen::Dashboard;
    let fixed = model.lang.texts().flash_minutes_fixed;
    view.overlays.open(crate::app::Overlay::Blank(Some(fixed)));
    vec![Effect::LoadDashboard]
}

#[cfg(test)]
mod tests;
