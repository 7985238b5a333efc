//! A meeting opened on another day than it was planned asks which date its minutes carry:
//! the day it is held (today, the answer already typed) or another, the planned one say. The
//! phase, level and consent changes recorded in it carry that date too.

use chrono::NaiveDate;

use crate::app::overlay::prompt::Prompt;
use crate::app::{Effect, Model, Overlay, View};
use crate::domain::dates::{DateContext, format_date, format_day, parse_date};
use crate::error::Error;

/// What this feature asks in the one-line prompt.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Ask {
    /// The date of the meeting planned on `planned`, opened on another day.
    HeldOn { planned: NaiveDate },
}

/// Asks for the date when the meeting just opened was planned on another day than today.
pub fn ask_if_moved(model: &Model, view: &mut View) {
    let Some(room) = model.meeting.as_ref() else {
        return;
    };
    let planned = room.meeting.date;
    if planned != model.today {
        let today = format_date(model.today);
        view.overlays.open(Overlay::Prompt(Prompt::prefilled(
            Ask::HeldOn { planned },
            today,
        )));
    }
}

/// The date the minutes carry; empty is today. A date that cannot be read is asked again.
pub fn answer(model: &mut Model, view: &mut View, ask: Ask, text: &str) -> Vec<Effect> {
    let today = model.today;
    let held = if text.is_empty() {
        Ok(today)
    } else {
        let context = DateContext {
            today,
            next_meeting: None,
        };
        parse_date(text, context).map_err(|err| Error::from(err).message(model.lang.texts(), ""))
    };
    match held {
        Ok(date) => {
            let Some(room) = model.meeting.as_mut() else {
                return Vec::new();
            };
            room.meeting.date = date;
            vec![Effect::SaveMeeting(Box::new(room.meeting.clone()))]
        }
        Err(message) => {
            view.flash = Some(message);
            view.overlays.open(Overlay::Prompt(Prompt::new(ask)));
            Vec::new()
        }
    }
}

/// The question, with the planned date.
pub fn question(ask: &Ask, model: &Model) -> String {
    let Ask::HeldOn { planned } = ask;
    (model.lang.texts().prompt_held_on)(&format_day(*planned, model.lang))
}
