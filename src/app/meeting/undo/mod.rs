//! Mistakes made in front of the team, put right in the meeting. `u`: the last change made in
//! the open meeting taken back, and the one before at the next `u`; the steps are in the store
//! (`store::undo`), so they outlast a restart of the screen, and the status line says what was
//! taken back, or that nothing is left. `I`: a case opened by mistake in this meeting
//! withdrawn, with everything recorded about it. `H`: the hulpvraag corrected. `X`: a case
//! closed early, from any phase, with a reason.

use crate::app::core::model::case_on_screen;
use crate::app::meeting::case::{after_change, change_context};
use crate::app::overlay::prompt::Prompt;
use crate::app::{Effect, Model, Overlay, Screen, View};
use crate::domain::phase::MoveRefused;
use crate::domain::{ActionChange, CaseId, Change, EventKind, MeetingState};

/// What a correction asks in the one-line prompt.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Ask {
    /// Withdrawing case `case`, opened by mistake: "ja" to confirm.
    Withdraw { case: CaseId },
    /// The hulpvraag of case `case`, corrected.
    Question { case: CaseId },
    /// Why case `case` is closed early, from whatever phase it is in.
    CloseEarly { case: CaseId },
}

/// The question of `ask`, in the person's language.
pub fn question(ask: &Ask, model: &Model) -> String {
    let t = model.lang.texts().undo;
    match ask {
        Ask::Withdraw { .. } => t.withdraw_confirm.to_string(),
        Ask::Question { .. } => t.question_prompt.to_string(),
        Ask::CloseEarly { .. } => t.close_prompt.to_string(),
    }
}

/// `X`: asks why the case in front is closed now, unless it is closed already or the phase
/// model has no phase to close early to.
pub fn start_close(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let t = model.lang.texts().undo;
    let phases = model.phases.clone();
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    // Asked with a reason given, so only the phase's own standing is judged here.
    let mut asked = brief.case.clone();
    asked.closing_reason = "?".into();
    match phases.check_close_early(&asked) {
        Ok(_) => {
            let case = brief.case.id;
            view.overlays
                .open(Overlay::Prompt(Prompt::new(Ask::CloseEarly { case })));
        }
        Err(MoveRefused::AlreadyThere) => view.flash = Some(t.close_already.to_string()),
        Err(_) => view.flash = Some(t.close_not_in_model.to_string()),
    }
    Vec::new()
}

/// Closes the case in front early with `reason`, as one phase change with its event.
fn close_early(model: &mut Model, view: &mut View, case: CaseId, reason: &str) -> Vec<Effect> {
    let phases = model.phases.clone();
    let lang = model.lang;
    let Some(at) = change_context(model, reason.to_string()) else {
        return Vec::new();
    };
    let Some(brief) = case_on_screen(model).filter(|brief| brief.case.id == case) else {
        return Vec::new();
    };
    let mut closing = brief.case.clone();
    closing.closing_reason = reason.to_string();
    let to = match phases.check_close_early(&closing) {
        Ok(to) => to.to_string(),
        Err(_) => return Vec::new(),
    };
    brief.case = closing;
    let event = brief.case.move_to_phase(&to, phases.is_final(&to), at);
    after_change(brief, &phases, &event);
    view.flash = Some((lang.texts().undo.closed)(phases.name(&to, lang)));
    vec![Effect::SaveCaseChange(Box::new((
        brief.case.clone(),
        event,
    )))]
}

/// `H`: the hulpvraag of the case in front, to correct, starting from what it says now.
pub fn start_question(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    let ask = Ask::Question {
        case: brief.case.id,
    };
    view.overlays.open(Overlay::Prompt(Prompt::prefilled(
        ask,
        brief.case.question.clone(),
    )));
    Vec::new()
}

/// `I`: asks to confirm withdrawing the case in front, when this meeting opened it.
pub fn start_withdraw(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let t = model.lang.texts().undo;
    let Some(meeting) = model
        .meeting
        .as_ref()
        .filter(|room| room.meeting.state == MeetingState::Open)
        .map(|room| room.meeting.id)
    else {
        return Vec::new();
    };
    let Some(brief) = case_on_screen(model) else {
        view.flash = Some(model.lang.texts().flash_no_case.to_string());
        return Vec::new();
    };
    let opened_here = brief
        .events
        .iter()
        .any(|e| e.kind == EventKind::Opened && e.meeting == Some(meeting));
    if opened_here {
        let case = brief.case.id;
        view.overlays
            .open(Overlay::Prompt(Prompt::new(Ask::Withdraw { case })));
    } else {
        view.flash = Some(t.withdraw_only_new.to_string());
    }
    Vec::new()
}

/// The answer to a correction's question.
pub fn answer(model: &mut Model, view: &mut View, ask: Ask, text: &str) -> Vec<Effect> {
    let texts = model.lang.texts();
    let Some(meeting) = model.meeting.as_ref().map(|room| room.meeting.id) else {
        return Vec::new();
    };
    match ask {
        Ask::Withdraw { case } if texts.privacy.confirms(text, None) => {
            vec![Effect::Withdraw { meeting, case }]
        }
        Ask::Withdraw { .. } => {
            view.flash = Some(texts.undo.withdraw_cancelled.to_string());
            Vec::new()
        }
        Ask::CloseEarly { .. } if text.trim().is_empty() => {
            view.flash = Some(texts.flash_reason_needed.to_string());
            view.overlays.open(Overlay::Prompt(Prompt::new(ask)));
            Vec::new()
        }
        Ask::CloseEarly { case } => close_early(model, view, case, text.trim()),
        Ask::Question { .. } if text.trim().is_empty() => {
            view.flash = Some(texts.flash_answer_needed.to_string());
            view.overlays.open(Overlay::Prompt(Prompt::new(ask)));
            Vec::new()
        }
        // Saved as the forms save a field: the minutes then count the case as discussed.
        Ask::Question { case } => {
            let effects = crate::app::meeting::form::save_case(model, case, |case| {
                let changed = case.question != text;
                case.question = text.to_string();
                changed
            });
            if !effects.is_empty() {
                view.flash = Some(texts.undo.question_corrected.to_string());
            }
            effects
        }
    }
}

/// The store removed the withdrawn case and the meeting is read anew.
pub fn withdrawn(model: &Model, view: &mut View) -> Vec<Effect> {
    view.selected = 0;
    view.item_scroll = 0;
    view.flash = Some(model.lang.texts().undo.withdrawn.to_string());
    Vec::new()
}

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
