//! `c` in a meeting: the parents' consent of the case on screen changed (ja, nee, anoniem),
//! at any phase, as an event of the case's history. With "anoniem" the screen (its earlier
//! actions included), the search and the minutes name the case by its pseudonym from then on.

use super::case::{Ask, Prompt};
use super::{Effect, Model, View, case_on_screen};
use crate::domain::fold::fold;
use crate::domain::{CaseEvent, Consent, EventKind};

/// The answer typed, in either language.
pub fn parse(answer: &str) -> Option<Consent> {
    match fold(answer).as_str() {
        "ja" | "yes" => Some(Consent::Yes),
        "nee" | "no" => Some(Consent::No),
        "anoniem" | "anonymous" => Some(Consent::Anonymous),
        _ => None,
    }
}

pub fn start(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let t = model.lang.texts();
    if let Some(brief) = case_on_screen(model) {
        let current = match brief.case.consent {
            Consent::Unknown => String::new(),
            known => t.consent(known).to_string(),
        };
        view.prompt = Some(Prompt::prefilled(Ask::Consent, current));
    }
    Vec::new()
}

pub fn answer(model: &mut Model, view: &mut View, text: &str) -> Vec<Effect> {
    let t = model.lang.texts();
    let Some(to) = parse(text) else {
        view.flash = Some(t.flash_consent_words.to_string());
        view.prompt = Some(Prompt::new(Ask::Consent));
        return Vec::new();
    };
    let (today, meeting) = (model.today, model.meeting.as_ref().map(|r| r.meeting.id));
    let phases = model.phases.clone();
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    if brief.case.consent == to {
        return Vec::new();
    }
    let from = std::mem::replace(&mut brief.case.consent, to);
    let event = CaseEvent {
        case: brief.case.id,
        seq: brief.next_seq(),
        date: today,
        meeting,
        reason: String::new(),
        kind: EventKind::Consent { from, to },
    };
    brief.events.push(event.clone());
    brief.missing = phases.missing_to_leave(&brief.case, &brief.own_actions);
    let (case, short) = (brief.case.clone(), brief.short());
    // The Actiepunten item named the case's earlier actions as they were loaded: from now on
    // they go by the new choice too, or an action of an anonymous case keeps its initials.
    if let Some(room) = model.meeting.as_mut() {
        for (action, row) in &mut room.earlier_actions {
            if action.case == Some(case.id) {
                row.pupil.clone_from(&short);
            }
        }
    }
    view.flash = Some((t.privacy.consent_changed)(t.consent(to)));
    vec![Effect::SaveCaseChange(Box::new((case, event)))]
}
