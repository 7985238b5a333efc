//! Changing the case on screen during a meeting: its phase (`>` `<`) and its level (`+` `-`).
//! Moving back and changing the level ask for a reason in a one-line prompt; the case's fields,
//! its consent and a besluit are asked there too, and answered by their own modules.

use crate::app::core::model::case_on_screen;
use crate::app::meeting::{consent, decision, fields};
use crate::app::overlay::prompt::Prompt;
use crate::app::{Effect, Model, Overlay, View};
use crate::domain::phase::{MoveRefused, Requirement};
use crate::domain::{CaseEvent, ChangeContext, Level};
use crate::query::meeting::CaseBrief;

/// What the case in front asks in the one-line prompt.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Ask {
    /// Why the case goes back to phase `to`.
    PhaseBack { to: String },
    /// Why the level changes to `to`.
    Level { to: Level },
    /// Something the case's phase asks for.
    Field { requirement: Requirement },
    /// The parents' consent of the case on screen: ja, nee or anoniem.
    Consent,
    /// A besluit: what was agreed.
    Decision,
}

impl Ask {
    /// A level change is recorded only with a reason. That a phase back needs one is the
    /// phase model's rule (`PhaseModel::check_move`), which the answer asks.
    pub fn needs_reason(&self) -> bool {
        matches!(self, Ask::Level { .. })
    }
}

/// The question of `ask`, in the person's language.
pub fn question(ask: &Ask, model: &Model) -> String {
    let t = model.lang.texts();
    match ask {
        Ask::PhaseBack { to } => (t.prompt_phase_back)(model.phases.name(to, model.lang)),
        Ask::Level { to } => {
            let from = model
                .meeting
                .as_ref()
                .and_then(|room| room.current_case())
                .map_or(0, |brief| brief.case.level.get());
            (t.prompt_level)(from, to.get())
        }
        Ask::Field { requirement } => fields::question(*requirement, model),
        Ask::Consent => t.privacy.consent_prompt.to_string(),
        Ask::Decision => t.prompt_decision.to_string(),
    }
}

/// The answer to a question of the case in front.
pub fn answer(model: &mut Model, view: &mut View, ask: Ask, text: String) -> Vec<Effect> {
    match ask {
        Ask::PhaseBack { to } => record_phase(model, view, &to, text),
        Ask::Level { to } => record_level(model, to, text),
        Ask::Field { requirement } => fields::answer(model, view, requirement, text),
        Ask::Consent => consent::answer(model, view, &text),
        Ask::Decision => decision::record(model, view, text),
    }
}

pub fn next_phase(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let t = model.lang.texts();
    let phases = model.phases.clone();
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    let Some(to) = phases.next(&brief.case.phase).map(|p| p.id().to_string()) else {
        view.flash = Some(t.flash_last_phase.to_string());
        return Vec::new();
    };
    record_phase(model, view, &to, String::new())
}

pub fn previous_phase(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let t = model.lang.texts();
    let phases = model.phases.clone();
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    match phases.previous(&brief.case.phase) {
        Some(to) => view
            .overlays
            .open(Overlay::Prompt(Prompt::new(Ask::PhaseBack {
                to: to.id().to_string(),
            }))),
        None => view.flash = Some(t.flash_first_phase.to_string()),
    }
    Vec::new()
}

pub fn level(model: &mut Model, view: &mut View, up: bool) -> Vec<Effect> {
    let t = model.lang.texts();
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    let to = if up {
        brief.case.level.up()
    } else {
        brief.case.level.down()
    };
    match to {
        Some(to) => view
            .overlays
            .open(Overlay::Prompt(Prompt::new(Ask::Level { to }))),
        None => view.flash = Some(t.flash_level_limit.to_string()),
    }
    Vec::new()
}

pub(crate) fn change_context(model: &mut Model, reason: String) -> Option<ChangeContext> {
    let meeting = model.meeting.as_ref().map(|room| room.meeting.id);
    let date = model.meeting_day();
    let seq = case_on_screen(model)?.next_seq();
    Some(ChangeContext {
        seq,
        date,
        meeting,
        reason,
    })
}

/// Moves the case in front to phase `to` when the phase model allows it (forwards with what
/// the phases ask recorded, backwards with a reason), else says why not.
fn record_phase(model: &mut Model, view: &mut View, to: &str, reason: String) -> Vec<Effect> {
    let t = model.lang.texts();
    let closes = model.phases.is_final(to);
    let phases = model.phases.clone();
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    match phases.check_move(&brief.case, &brief.own_actions, to, &reason) {
        Ok(()) => {}
        Err(MoveRefused::Missing(missing)) => {
            let names: Vec<&str> = missing.iter().map(|r| t.requirement(*r)).collect();
            view.flash = Some((t.flash_missing)(&names.join(", ")));
            return Vec::new();
        }
        Err(MoveRefused::ReasonRequired) => {
            view.flash = Some(t.flash_reason_needed.to_string());
            view.overlays
                .open(Overlay::Prompt(Prompt::new(Ask::PhaseBack {
                    to: to.to_string(),
                })));
            return Vec::new();
        }
        Err(
            MoveRefused::UnknownPhase(_) | MoveRefused::AlreadyThere | MoveRefused::NoEarlyExit,
        ) => return Vec::new(),
    }
    let Some(at) = change_context(model, reason) else {
        return Vec::new();
    };
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    let event = brief.case.move_to_phase(to, closes, at);
    after_change(brief, &phases, &event);
    vec![Effect::SaveCaseChange(Box::new((
        brief.case.clone(),
        event,
    )))]
}

fn record_level(model: &mut Model, to: Level, reason: String) -> Vec<Effect> {
    let phases = model.phases.clone();
    let Some(at) = change_context(model, reason) else {
        return Vec::new();
    };
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    let event = brief.case.change_level(to, at);
    after_change(brief, &phases, &event);
    vec![Effect::SaveCaseChange(Box::new((
        brief.case.clone(),
        event,
    )))]
}

pub(crate) fn after_change(
    brief: &mut CaseBrief,
    phases: &crate::domain::PhaseModel,
    event: &CaseEvent,
) {
    brief.events.push(event.clone());
    brief.recheck(phases);
}
