//! `c` in a meeting: the parents' consent of the case on screen changed (ja, nee, anoniem),
//! at any phase, as an event of the case's history. With "anoniem" the screen (its earlier
//! actions included), the search and the minutes name the case by its pseudonym from then on.

use crate::app::core::model::case_on_screen;
use crate::app::meeting::case::Ask;
use crate::app::overlay::prompt::Prompt;
use crate::app::{Effect, Model, Overlay, View};
use crate::domain::Consent;
use crate::domain::fold::fold;

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
        view.overlays
            .open(Overlay::Prompt(Prompt::prefilled(Ask::Consent, current)));
    }
    Vec::new()
}

pub fn answer(model: &mut Model, view: &mut View, text: &str) -> Vec<Effect> {
    let t = model.lang.texts();
    let Some(to) = parse(text) else {
        view.flash = Some(t.flash_consent_words.to_string());
        view.overlays
            .open(Overlay::Prompt(Prompt::new(Ask::Consent)));
        return Vec::new();
    };
    let phases = model.phases.clone();
    let Some(at) = crate::app::meeting::case::change_context(model, String::new()) else {
        return Vec::new();
    };
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    let Some(event) = brief.case.change_consent(to, at) else {
        return Vec::new();
    };
    crate::app::meeting::case::after_change(brief, &phases, &event);
    view.flash = Some((t.privacy.consent_changed)(t.consent(to)));
    vec![Effect::SaveCaseChange(Box::new((
        brief.case.clone(),
        event,
    )))]
}
