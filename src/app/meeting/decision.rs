//! `D`: a besluit, what the team agreed, recorded under the item in front (and its case).

use crate::app::meeting::case::Ask;
use crate::app::overlay::prompt::Prompt;
use crate::app::{Effect, Model, Overlay, Screen, View};
use crate::domain::{Decision, DecisionId};
use crate::error::{Error, Field};

pub fn start(model: &Model, view: &mut View) -> Vec<Effect> {
    if model.screen == Screen::Meeting && model.meeting.is_some() {
        view.overlays
            .open(Overlay::Prompt(Prompt::new(Ask::Decision)));
    }
    Vec::new()
}

pub fn record(model: &mut Model, view: &mut View, text: String) -> Vec<Effect> {
    if text.is_empty() {
        view.flash = Some(Error::Empty(Field::Decision).message(model.lang.texts(), ""));
        view.overlays
            .open(Overlay::Prompt(Prompt::new(Ask::Decision)));
        return Vec::new();
    }
    let Some(room) = model.meeting.as_ref() else {
        return Vec::new();
    };
    // The store gives it its number.
    vec![Effect::NewDecision(Box::new(Decision {
        id: DecisionId(0),
        case: room.current_case_id(),
        meeting: Some(room.meeting.id),
        agenda_item: room.current_item_index(),
        date: model.today,
        text,
    }))]
}

/// The store saved it: show it with its case.
pub fn added(model: &mut Model, view: &mut View, decision: Decision) -> Vec<Effect> {
    view.flash = Some((model.lang.texts().flash_decision_saved)(&decision.text));
    if let Some(brief) = model
        .meeting
        .as_mut()
        .and_then(|room| decision.case.and_then(|case| room.cases.get_mut(&case)))
    {
        brief.decisions.push(decision);
    }
    Vec::new()
}
