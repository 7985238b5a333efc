//! `f`: record what the case's phase still asks for, one short question at a time, each answer
//! saved at once; after the last one the case may move on with `>`.

use crate::app::core::model::case_on_screen;
use crate::app::meeting::case::Ask;
use crate::app::overlay::prompt::Prompt;
use crate::app::{Effect, Model, Overlay, View};
use crate::domain::ChangeContext;
use crate::domain::dates::{DateContext, parse_date};
use crate::domain::fold::fold;
use crate::domain::phase::Requirement;
use crate::error::Error;
use crate::i18n::capitalised;

/// Requirements recorded elsewhere: actions with `a`, the three circles in their own editor.
fn asked_here(requirement: Requirement) -> bool {
    !matches!(requirement, Requirement::Action | Requirement::Circles)
}

/// The question for `requirement`, with the answers it takes where they are not plain.
pub fn question(requirement: Requirement, model: &Model) -> String {
    let t = model.lang.texts();
    let hint = match requirement {
        Requirement::EvaluationDate => t.hint_date,
        Requirement::ParentsInformed => t.hint_yes_no,
        Requirement::Consent => t.hint_consent,
        Requirement::HelpStartOrWait => t.hint_help_start,
        _ => "",
    };
    // The consent requirement already names its answers ("ja of anoniem"); the question lists
    // all three after the plain label.
    let asked = match requirement {
        Requirement::Consent => t.recorded_label(requirement),
        _ => t.requirement(requirement),
    };
    format!("{}{hint}", capitalised(asked))
}

/// Asks the first thing still missing, or says nothing is.
pub fn start(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let t = model.lang.texts();
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    match brief.missing.iter().copied().find(|r| asked_here(*r)) {
        Some(requirement) => view
            .overlays
            .open(Overlay::Prompt(Prompt::new(Ask::Field { requirement }))),
        None if brief.missing.is_empty() => view.flash = Some(t.meeting_ready.to_string()),
        None => view.flash = Some(t.flash_elsewhere.to_string()),
    }
    Vec::new()
}

/// Parses and stores one answer; then asks the next missing thing.
pub fn answer(
    model: &mut Model,
    view: &mut View,
    requirement: Requirement,
    text: String,
) -> Vec<Effect> {
    let t = model.lang.texts();
    let today = model.today;
    let next_meeting = model.meeting.as_ref().and_then(|room| room.next_ot());
    let phases = model.phases.clone();
    let ask_again = |view: &mut View, message: String| {
        view.flash = Some(message);
        view.overlays
            .open(Overlay::Prompt(Prompt::new(Ask::Field { requirement })));
        Vec::new()
    };
    if text.is_empty() {
        return ask_again(view, t.flash_answer_needed.to_string());
    }
    let date = |text: &str| {
        parse_date(
            text,
            DateContext {
                today,
                next_meeting,
            },
        )
        .map_err(|err| Error::from(err).message(t, ""))
    };
    let answer = fold(&text);
    let yes = ["ja", "yes", "j", "y"].contains(&answer.as_str());
    let no = ["nee", "no", "n"].contains(&answer.as_str());
    let members = model
        .meeting
        .as_ref()
        .map(|room| room.members.clone())
        .unwrap_or_default();
    let Some(at) = crate::app::meeting::case::change_context(model, String::new()) else {
        return Vec::new();
    };
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    let case = &mut brief.case;
    let mut event = None;
    match requirement {
        Requirement::SignalledBy => case.signalled_by = text,
        Requirement::Question => case.question = text,
        Requirement::Hypotheses => case.hypotheses = text,
        Requirement::ResearchDecision => case.research_decision = text,
        Requirement::Goal => case.goals.push(text),
        Requirement::Regiehouder => {
            case.regiehouder = crate::app::meeting::plan::regiehouder_for(&text, &members);
        }
        Requirement::Outcome => case.outcome = text,
        Requirement::ClosingReason => case.closing_reason = text,
        Requirement::ParentsInformed if yes || no => case.parents_informed = yes,
        Requirement::ParentsInformed => return ask_again(view, t.flash_yes_no.to_string()),
        Requirement::EvaluationDate => match date(&text) {
            Ok(day) => case.evaluation_date = Some(day),
            Err(message) => return ask_again(view, message),
        },
        Requirement::HelpStartOrWait => {
            // "wacht" (or "wacht 12-11"): the help has not started; the wait is dated.
            let waiting = answer
                .strip_prefix("wacht")
                .or_else(|| answer.strip_prefix("wait"));
            let when = waiting.map_or(text.as_str(), str::trim);
            let day = if when.is_empty() {
                Ok(today)
            } else {
                date(when)
            };
            match (day, waiting.is_some()) {
                (Ok(day), true) => case.waiting_since = Some(day),
                (Ok(day), false) => case.help_start = Some(day),
                (Err(message), _) => return ask_again(view, message),
            }
        }
        Requirement::Consent => {
            let Some((to, reason)) = crate::app::meeting::consent::parse(&text) else {
                return ask_again(view, t.flash_consent_words.to_string());
            };
            event = case.change_consent(to, ChangeContext { reason, ..at });
        }
        Requirement::Action | Requirement::Circles => return Vec::new(),
    }
    if let Some(event) = &event {
        brief.events.push(event.clone());
    }
    let before = std::mem::take(&mut brief.missing);
    brief.recheck(&phases);
    // One pass in the phase's order: an answer that does not yet let the case on ("nee" to
    // the parents' feedback) is kept and not asked again at once, or `f` would loop on it.
    let answered_at = before.iter().position(|r| *r == requirement);
    let later = |r: &Requirement| match (answered_at, before.iter().position(|b| b == r)) {
        (Some(at), Some(position)) => position > at,
        _ => true,
    };
    match brief
        .missing
        .iter()
        .copied()
        .find(|r| asked_here(*r) && later(r))
    {
        Some(next) => view.overlays.open(Overlay::Prompt(Prompt::new(Ask::Field {
            requirement: next,
        }))),
        None if !brief.missing.is_empty() => {
            let names: Vec<&str> = brief.missing.iter().map(|r| t.requirement(*r)).collect();
            view.flash = Some((t.flash_missing)(&names.join(", ")));
        }
        None => {}
    }
    let case = brief.case.clone();
    let id = case.id;
    let mut effects = vec![match event {
        Some(event) => Effect::SaveCaseChange(Box::new((case, event))),
        None => Effect::SaveCase(Box::new(case)),
    }];
    effects.extend(crate::app::meeting::mark_changed(model, id, &[requirement]));
    effects
}

#[cfg(test)]
mod tests;
