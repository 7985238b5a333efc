//! `c` in a meeting: the parents' consent of the case on screen changed (ja, nee, anoniem),
//! at any phase, as an event of the case's history. With "anoniem" the screen (its earlier
//! actions included), the search and the minutes name the case by its pseudonym from then on.

use crate::app::core::model::case_on_screen;
use crate::app::meeting::case::Ask;
use crate::app::overlay::prompt::Prompt;
use crate::app::{Effect, Model, Overlay, View};
use crate::domain::Consent;
use crate::domain::fold::fold;

/// The answer typed, in either language: the parents' word (ja, nee, anoniem) and what
/// follows it, which the case's history keeps as the change's reason ("ja, moeder gebeld op
/// 20-11": BRIEF §4, every consent change has its reason).
pub fn parse(answer: &str) -> Option<(Consent, String)> {
    let answer = answer.trim();
    let end = answer
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(answer.len());
    let (word, rest) = answer.split_at(end);
    let consent = match fold(word).as_str() {
        "ja" | "yes" => Consent::Yes,
        "nee" | "no" => Consent::No,
        "anoniem" | "anonymous" => Consent::Anonymous,
        _ => return None,
    };
    let reason = rest
        .trim_start_matches(|c: char| c.is_whitespace() || ",;:-–—".contains(c))
        .trim_end();
    // "anoniem bespreken" is how the team says the answer itself, not why.
    let reason = match fold(reason).as_str() {
        "bespreken" | "discussed" => "",
        _ => reason,
    };
    Some((consent, reason.to_string()))
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
    let Some((to, reason)) = parse(text) else {
        view.flash = Some(t.flash_consent_words.to_string());
        view.overlays
            .open(Overlay::Prompt(Prompt::new(Ask::Consent)));
        return Vec::new();
    };
    let phases = model.phases.clone();
    let Some(at) = crate::app::meeting::case::change_context(model, reason) else {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_is_the_answer_and_what_follows_it_the_reason() {
        let parsed = |text: &str| parse(text).map(|(c, r)| (c, r.to_string()));
        assert_eq!(parsed("ja"), Some((Consent::Yes, String::new())));
        assert_eq!(
            parsed(" Ja, moeder gebeld op 20-11 "),
            Some((Consent::Yes, "moeder gebeld op 20-11".into()))
        );
        assert_eq!(
            parsed("nee: vader wil eerst zelf met de leerkracht praten"),
            Some((
                Consent::No,
                "vader wil eerst zelf met de leerkracht praten".into()
            ))
        );
        assert_eq!(
            parsed("anoniem bespreken"),
            Some((Consent::Anonymous, String::new()))
        );
        assert_eq!(
            parsed("anonymous"),
            Some((Consent::Anonymous, String::new()))
        );
        // A word that only starts like an answer is none.
        assert_eq!(parsed("janssen"), None);
        assert_eq!(parsed("misschien"), None);
        assert_eq!(parsed(""), None);
    }
}
