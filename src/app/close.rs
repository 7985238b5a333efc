//! `S`: closing the meeting. Asks the date of the next one; then the minutes are fixed, the open
//! actions of earlier meetings are carried over, and the next meeting is planned.

use super::case::{Ask, Prompt};
use super::{Effect, Model, Screen, View};
use crate::domain::MeetingState;
use crate::domain::dates::{DateContext, parse_date};
use crate::error::Error;

pub fn start(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let open = model
        .meeting
        .as_ref()
        .is_some_and(|room| room.meeting.state == MeetingState::Open);
    if model.screen == Screen::Meeting && open {
        view.prompt = Some(Prompt::new(Ask::NextMeeting));
    }
    Vec::new()
}

pub fn answer(model: &mut Model, view: &mut View, text: &str) -> Vec<Effect> {
    let t = model.lang.texts();
    let context = DateContext {
        today: model.today,
        next_meeting: None,
    };
    let next = if text.is_empty() {
        None
    } else {
        match parse_date(text, context) {
            Ok(date) => Some(date),
            Err(err) => {
                view.flash = Some(Error::from(err).message(t, ""));
                view.prompt = Some(Prompt::new(Ask::NextMeeting));
                return Vec::new();
            }
        }
    };
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

/// The store fixed the minutes: back to the start screen.
pub fn closed(model: &mut Model, view: &mut View) -> Vec<Effect> {
    model.meeting = None;
    model.screen = Screen::Dashboard;
    view.flash = Some(model.lang.texts().flash_minutes_fixed.to_string());
    vec![Effect::LoadDashboard]
}

#[cfg(test)]
mod tests;
