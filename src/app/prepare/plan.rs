//! Planning a new meeting in three questions: date, time (08:30 unless said), place (the last
//! meeting's unless said). The store then gives it the template agenda with the proposed cases.

use chrono::NaiveTime;

use super::{Ask, ask};
use crate::app::overlay::prompt::Prompt;
use crate::app::{Effect, Model, Overlay, View};
use crate::domain::dates::{DateContext, parse_date, parse_time};
use crate::error::Error;

/// When an OT starts unless the chair says otherwise: before the lessons.
fn default_time() -> NaiveTime {
    NaiveTime::from_hms_opt(8, 30, 0).unwrap_or_default()
}

/// The next question; when rescheduling it starts from the meeting's current answer.
fn ask_again(model: &Model, view: &mut View, next: Ask) {
    let current = model
        .prepare
        .as_ref()
        .filter(|_| view.prepare.rescheduling)
        .map(|preparation| &preparation.meeting);
    match (current, &next) {
        (Some(meeting), Ask::Time { .. }) => {
            let time = meeting.time.format("%H:%M").to_string();
            view.overlays
                .open(Overlay::Prompt(Prompt::prefilled(next, time)));
        }
        (Some(meeting), Ask::Place { .. }) => {
            let place = meeting.place.clone();
            view.overlays
                .open(Overlay::Prompt(Prompt::prefilled(next, place)));
        }
        _ => ask(view, next),
    }
}

pub fn answer(model: &mut Model, view: &mut View, question: Ask, text: String) -> Vec<Effect> {
    let t = model.lang.texts();
    match question {
        Ask::Date => {
            let context = DateContext {
                today: model.today,
                next_meeting: None,
            };
            match parse_date(&text, context) {
                Ok(date) if date < model.today => {
                    view.flash = Some(t.flash_past_date.to_string());
                    ask(view, Ask::Date);
                }
                Ok(date) => ask_again(model, view, Ask::Time { date }),
                Err(err) => {
                    view.flash = Some(Error::from(err).message(t, ""));
                    ask(view, Ask::Date);
                }
            }
        }
        Ask::Time { date } if text.is_empty() => ask_again(
            model,
            view,
            Ask::Place {
                date,
                time: default_time(),
            },
        ),
        Ask::Time { date } => match parse_time(&text) {
            Some(time) => ask_again(model, view, Ask::Place { date, time }),
            None => {
                view.flash = Some((t.flash_bad_time)(&text));
                ask(view, Ask::Time { date });
            }
        },
        Ask::Place { date, time } if view.prepare.rescheduling => {
            view.prepare.rescheduling = false;
            let Some(preparation) = model.prepare.as_mut() else {
                return Vec::new();
            };
            let meeting = &mut preparation.meeting;
            meeting.date = date;
            meeting.time = time;
            if !text.is_empty() {
                meeting.place = text;
            }
            return vec![Effect::SaveMeeting(Box::new(meeting.clone()))];
        }
        Ask::Place { date, time } => {
            return vec![Effect::PlanMeeting {
                date,
                time,
                place: text,
            }];
        }
        Ask::ItemTitle | Ask::GuestName | Ask::GuestRole { .. } => {}
    }
    Vec::new()
}
